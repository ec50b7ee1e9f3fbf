import { silentLogger } from '../../../src/core/log.ts';
import { ApplicationCommandOptionType, PermissionFlagsBits } from 'discord.js';
import { describe, expect, test } from 'vitest';
import { slashCommands } from '../../../adapters/discord/commands.ts';
import type { CommandSpec } from '../../../src/core/bot-api.ts';
import { createFakeBot } from '../../../loopback/discord/fake-bot.ts';
import { createBot } from '../../../src/app/bot.ts';
import { openDb } from '../../../src/db/open.ts';
import { CORPUS_DIR } from '../../moderation/support.ts';

const spec = (over: Partial<CommandSpec>): CommandSpec => ({
  name: 'cite',
  description: 'Format a citation for a passage.',
  usage: '/cite <passage> [style]',
  example: '/cite rei-4k9x2 chicago',
  options: [],
  moderatorOnly: false,
  ...over,
});

describe('slashCommands', () => {
  test('GIVEN the bot specs THEN each becomes a chat-input command with string options carrying their settings', () => {
    const [, compare] = slashCommands(createFakeBot().specs());
    expect(compare).toEqual({
      type: 1,
      name: 'compare',
      description: 'Compare what two sources say.',
      options: [
        { type: ApplicationCommandOptionType.String, name: 'first', description: 'First source', required: true, autocomplete: true },
        { type: ApplicationCommandOptionType.String, name: 'second', description: 'Second source', required: true, autocomplete: true },
        {
          type: ApplicationCommandOptionType.String,
          name: 'style',
          description: 'Citation style',
          required: false,
          choices: [
            { name: 'apa', value: 'apa' },
            { name: 'chicago', value: 'chicago' },
            { name: 'mla', value: 'mla' },
          ],
        },
      ],
    });
  });

  test('GIVEN an integer option (the /quiz count) THEN Discord gets an Integer option with its range, which Discord enforces before the bot sees it', () => {
    const [command] = slashCommands([
      spec({
        name: 'quiz',
        options: [{ name: 'count', description: 'How many, 1 to 10', required: false, autocomplete: false, integer: { min: 1, max: 10 } }],
      }),
    ]);
    expect(command!.options).toEqual([
      { type: ApplicationCommandOptionType.Integer, name: 'count', description: 'How many, 1 to 10', required: false, min_value: 1, max_value: 10 },
    ]);
  });

  test('GIVEN an optional option before a required one THEN Discord gets the required one first', () => {
    const [command] = slashCommands([
      spec({
        options: [
          { name: 'style', description: 'Citation style', required: false, autocomplete: false },
          { name: 'passage', description: 'Passage id', required: true, autocomplete: true, maxLength: 40 },
        ],
      }),
    ]);
    expect(command!.options?.map((o) => [o.name, o.required])).toEqual([
      ['passage', true],
      ['style', false],
    ]);
    expect(command!.options?.[0]).toMatchObject({ max_length: 40 });
  });

  test('GIVEN descriptions over 100 characters THEN they are shortened at a word within 100', () => {
    const long = 'Compare what Emelyanov, Reiman and Goble say about the 1934 Nakhayev incident and the Kirov murder, with citations.';
    const [command] = slashCommands([spec({ description: long, options: [{ name: 'topic', description: long, required: true, autocomplete: false }] })]);
    expect(command!.description.length).toBeLessThanOrEqual(100);
    expect(command!.options?.[0]?.description.length).toBeLessThanOrEqual(100);
    expect(long.startsWith(command!.description.slice(0, -1))).toBe(true);
  });

  test('GIVEN the admin command THEN it is hidden by default from members without Manage Server; moderator commands stay visible to a named moderator role', () => {
    const [admin, mod, open] = slashCommands([spec({ name: 'sourcebook', moderatorOnly: true }), spec({ name: 'review', moderatorOnly: true }), spec({})]);
    expect(admin!.default_member_permissions).toBe(PermissionFlagsBits.ManageGuild.toString());
    expect(mod!.default_member_permissions).toBeUndefined();
    expect(open!.default_member_permissions).toBeUndefined();
  });

  test('GIVEN choices with autocomplete also set THEN only the choices are sent (Discord allows one or the other)', () => {
    const [command] = slashCommands([
      spec({ options: [{ name: 'style', description: 'Style', required: true, autocomplete: true, choices: ['chicago', 'x'.repeat(101)] }] }),
    ]);
    expect(command!.options?.[0]).not.toHaveProperty('autocomplete');
    expect(command!.options?.[0]).toMatchObject({ choices: [{ name: 'chicago', value: 'chicago' }] });
  });
});

describe('native subcommands', () => {
  const specs = createBot({ db: openDb(':memory:'), corpusDir: CORPUS_DIR, logger: silentLogger }).specs();
  const registered = (name: string) => slashCommands(specs).find((c) => c.name === name)!;
  const names = (options: readonly { name: string; type: number }[] | undefined) => (options ?? []).map((o) => `${o.name}:${o.type}`);

  test('GIVEN /quiz THEN it registers subcommands, with schedule as a group of add, list and remove', () => {
    const quiz = registered('quiz');
    expect(names(quiz.options)).toEqual(['start:1', 'order:1', 'stats:1', 'review:1', 'close:1', 'schedule:2', 'settings:1']);
    const schedule = quiz.options!.find((o) => o.name === 'schedule');
    expect(schedule?.type === ApplicationCommandOptionType.SubcommandGroup && names(schedule.options)).toEqual(['add:1', 'list:1', 'remove:1']);
    const add = schedule?.type === ApplicationCommandOptionType.SubcommandGroup ? schedule.options?.find((o) => o.name === 'add') : undefined;
    // Required first, as Discord wants; the time zone is offered by autocomplete, count and maxlate are ranged integers.
    expect(add?.options?.map((o) => [o.name, o.type, o.required])).toEqual([
      ['time', ApplicationCommandOptionType.String, true],
      ['timezone', ApplicationCommandOptionType.String, false],
      ['topic', ApplicationCommandOptionType.String, false],
      ['count', ApplicationCommandOptionType.Integer, false],
      ['maxlate', ApplicationCommandOptionType.Integer, false],
    ]);
    expect(add?.options?.find((o) => o.name === 'timezone')).toMatchObject({ autocomplete: true });
  });

  test('GIVEN /sourcebook THEN the moderator role is picked with a Role option, and /review nests its quiz bank work', () => {
    const modrole = registered('sourcebook').options?.[0];
    expect(modrole?.type === ApplicationCommandOptionType.SubcommandGroup && modrole.options?.find((o) => o.name === 'modrole')?.options?.[0]).toMatchObject({
      name: 'role',
      type: ApplicationCommandOptionType.Role,
      required: true,
    });
    expect(names(registered('review').options)).toEqual(['reports:1', 'log:1', 'dismiss:1', 'curate:1', 'reject:1', 'hide:1', 'quiz:2']);
  });

  test('GIVEN every command THEN its registration stays within Discord’s limits: ≤ 25 options per level, names and descriptions in size', () => {
    const walk = (options: readonly { name: string; description: string; options?: unknown }[] | undefined): void => {
      expect((options ?? []).length).toBeLessThanOrEqual(25);
      for (const o of options ?? []) {
        expect(o.name).toMatch(/^[-_a-z0-9]{1,32}$/);
        expect(o.description.length).toBeGreaterThan(0);
        expect(o.description.length).toBeLessThanOrEqual(100);
        walk(o.options as typeof options);
      }
    };
    for (const c of slashCommands(specs)) walk(c.options);
  });
});
