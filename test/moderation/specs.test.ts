import { beforeAll, describe, expect, it } from 'vitest';
import type { CoreBot } from '../../src/app/bot.ts';
import { findCommand } from '../../src/app/registry.ts';
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
    expect(c.spec.options.length).toBe(1);
    for (const o of c.spec.options) expect(o.description.length).toBeLessThanOrEqual(100);
    expect(c.spec.moderatorOnly).toBe(name !== 'report');
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
