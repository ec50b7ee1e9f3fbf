import { beforeAll, describe, expect, it } from 'vitest';
import type { CoreBot } from '../../src/app/bot.ts';
import { COMMANDS, findCommand } from '../../src/app/registry.ts';
import { ADMIN, STUDENT, freshSpace, moderationBot, run, text } from './support.ts';

const MODERATION = ['report', 'review', 'curate', 'hide', 'unhide', 'sourcenote', 'undo', 'sourcebook'];

let bot: CoreBot;
beforeAll(() => {
  bot = moderationBot();
});

describe('moderation command specs', () => {
  it.each(MODERATION)('GIVEN /%s THEN it is registered with a name, description and options every platform accepts', (name) => {
    const c = findCommand(name)!;
    expect(c.spec.name).toMatch(/^[a-z]{1,32}$/);
    expect(c.spec.description.length).toBeLessThanOrEqual(100);
    const options = [...c.spec.options, ...(c.spec.subcommands ?? []).flatMap((s) => s.options)];
    expect(options.length + (c.spec.subcommands?.length ?? 0)).toBeGreaterThanOrEqual(1);
    for (const o of options) {
      expect(o.name).toMatch(/^[a-z_-]{1,32}$/);
      expect(o.description.length).toBeLessThanOrEqual(100);
    }
    for (const s of c.spec.subcommands ?? []) {
      expect(s.name).toMatch(/^[a-z_-]{1,32}( [a-z_-]{1,32})?$/);
      expect(s.description.length).toBeLessThanOrEqual(100);
    }
    expect(c.spec.moderatorOnly).toBe(name !== 'report');
  });

  const typedNeeded = COMMANDS.filter((c) => (c.spec.subcommands?.length ?? 0) > 0 || c.spec.options.length > 1);
  it.each(typedNeeded.map((c) => [c.spec.name, c] as const))(
    'GIVEN /%s with subcommands or several options THEN it reads typed values itself; none is joined into a line',
    (_name, c) => {
      expect(c.typed).toBeDefined();
      // Subcommands replace top-level options; Discord allows one or the other.
      if (c.spec.subcommands?.length) expect(c.spec.options).toEqual([]);
    },
  );

  it('GIVEN the commands THEN the ones with subcommands are quiz, review, curate, sourcenote and sourcebook', () => {
    expect(COMMANDS.filter((c) => c.spec.subcommands?.length).map((c) => c.spec.name)).toEqual(['quiz', 'review', 'curate', 'sourcenote', 'sourcebook']);
  });

  it('GIVEN /help THEN moderator commands are listed as such, /report with the public ones', async () => {
    const r = await run(bot, freshSpace(), STUDENT, '/help');
    const list = r.blocks.find((b) => b.type === 'list');
    expect(list?.type === 'list' && list.items.some((i) => i.startsWith('/curate pin|note|clear|list … (moderators)'))).toBe(true);
    const fields = r.blocks.find((b) => b.type === 'fields');
    expect(fields?.type === 'fields' && fields.fields.some((f) => f.label === '/report COMMAND ARGS [| reason] · /report quiz QUESTION-ID [| reason]')).toBe(
      true,
    );
  });

  it('GIVEN a moderator command typed with a slash and capitals THEN it still runs', async () => {
    const r = await bot.handle({ command: '/Review', args: 'log', user: ADMIN, where: freshSpace() });
    expect(text(r)).toContain('Audit log is empty');
  });
});
