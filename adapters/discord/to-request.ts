import { PermissionFlagsBits, type BaseInteraction, type ChatInputCommandInteraction } from 'discord.js';
import type { CommandSpec } from '../../src/core/bot-api.ts';
import type { Asker, Request, Where } from '../../src/core/request.ts';

/** Who clicked or typed, with the facts Discord reports; the core decides what they allow. */
export function askerOf(interaction: BaseInteraction): Asker {
  return {
    id: interaction.user.id,
    name: nameOf(interaction),
    // `has` counts Administrator as implying every permission, as Discord does.
    isAdmin: interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false,
    groups: roleIdsOf(interaction),
  };
}

export function whereOf(interaction: BaseInteraction): Where {
  return {
    platform: 'discord',
    // DMs have no guild; each user's DMs are their own space so data never leaks between them.
    space: interaction.guildId ?? `dm:${interaction.user.id}`,
    channel: interaction.channelId ?? '',
  };
}

/** The given option values, in the spec's order, joined with spaces. */
export function argsOf(interaction: ChatInputCommandInteraction, spec: CommandSpec | undefined): string {
  // Strings and whole numbers both become text: the core parses one argument line.
  const text = (value: unknown): string | null => (typeof value === 'string' || typeof value === 'number' ? String(value) : null);
  const values = spec
    ? spec.options.map((option) => text(interaction.options.get(option.name)?.value))
    : // A command registered by an older version: keep the order Discord sent.
      interaction.options.data.map((option) => text(option.value));
  return values
    .map((value) => value?.trim() ?? '')
    .filter((value) => value !== '')
    .join(' ');
}

export function requestOf(interaction: ChatInputCommandInteraction, specs: CommandSpec[]): Request {
  const spec = specs.find((s) => s.name === interaction.commandName);
  return {
    command: interaction.commandName,
    args: argsOf(interaction, spec),
    user: askerOf(interaction),
    where: whereOf(interaction),
  };
}

function nameOf(interaction: BaseInteraction): string {
  if (interaction.inCachedGuild()) return interaction.member.displayName;
  if (interaction.inRawGuild() && interaction.member.nick) return interaction.member.nick;
  return interaction.user.displayName;
}

function roleIdsOf(interaction: BaseInteraction): string[] {
  // The @everyone role shares the guild's id and says nothing about the member.
  if (interaction.inCachedGuild()) {
    return [...interaction.member.roles.cache.keys()].filter((id) => id !== interaction.guildId);
  }
  // Guild not in the cache (e.g. just joined): Discord still sent the member's role ids.
  if (interaction.inRawGuild()) return [...interaction.member.roles];
  return [];
}
