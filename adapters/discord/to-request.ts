import {
  ApplicationCommandOptionType,
  PermissionFlagsBits,
  type BaseInteraction,
  type ChatInputCommandInteraction,
  type CommandInteractionOption,
} from 'discord.js';
import type { TypedArgs, TypedValue } from '../../src/core/typed-args.ts';
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

/** The chosen subcommand ("schedule add" inside a group) and each given value, as Discord typed them. */
export function typedOf(interaction: ChatInputCommandInteraction): TypedArgs {
  const group = interaction.options.getSubcommandGroup(false);
  const sub = interaction.options.getSubcommand(false);
  const values: Record<string, TypedValue> = {};
  const collect = (options: readonly CommandInteractionOption[]): void => {
    for (const o of options) {
      if (o.type === ApplicationCommandOptionType.Subcommand || o.type === ApplicationCommandOptionType.SubcommandGroup) collect(o.options ?? []);
      // An attachment's value is its id; the core gets the file's link, which it downloads within its limits.
      else if (o.type === ApplicationCommandOptionType.Attachment && o.attachment) values[o.name] = o.attachment.url;
      // A role option's value is the role id; strings, numbers and booleans are kept as typed.
      else if (typeof o.value === 'string' || typeof o.value === 'number' || typeof o.value === 'boolean') values[o.name] = o.value;
    }
  };
  collect(interaction.options.data);
  return { sub: sub ? [group, sub].filter(Boolean).join(' ') : null, values };
}

export function requestOf(interaction: ChatInputCommandInteraction): Request {
  return {
    command: interaction.commandName,
    // The core reads the typed values and shows them as text itself.
    args: '',
    typed: typedOf(interaction),
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
