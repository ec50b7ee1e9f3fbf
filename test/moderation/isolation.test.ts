import { beforeAll, describe, expect, it } from 'vitest';
import type { CoreBot } from '../../src/app/bot.ts';
import type { Where } from '../../src/core/request.ts';
import { ADMIN, EMELYANOV_YEZHOV, STUDENT, freshSpace, member, moderationBot, run, text } from './support.ts';

let bot: CoreBot;
beforeAll(() => {
  bot = moderationBot();
});

/** The passage /ask Who killed Kirov? quotes first: hidden in one space, it must stay in the other. */
let KIROV = '';

/** Everything a moderator can leave behind, done in `a`. */
async function moderate(a: Where): Promise<void> {
  KIROV = (await run(bot, a, STUDENT, '/ask Who killed Kirov?')).citations[0]!.passage;
  await run(bot, a, ADMIN, `/curate pin who Yezhov | Curated in one space only. | ${EMELYANOV_YEZHOV}`);
  await run(bot, a, ADMIN, '/curate note compare executions | A note in one space only.');
  await run(bot, a, ADMIN, `/hide ${KIROV}`);
  await run(bot, a, ADMIN, '/sourcenote reiman-2016 | A source note in one space only.');
  await run(bot, a, STUDENT, '/report who Yagoda | a report in one space only');
}

async function expectUntouched(a: Where, b: Where): Promise<void> {
  expect(text(await run(bot, a, STUDENT, '/who Ezhov'))).toContain('Curated in one space only.');
  expect(text(await run(bot, b, STUDENT, '/who Ezhov'))).not.toContain('Curated');
  expect(text(await run(bot, b, STUDENT, '/compare executions'))).not.toContain('Moderator note');
  expect((await run(bot, b, STUDENT, '/ask Who killed Kirov?')).citations.map((c) => c.passage)).toContain(KIROV);
  expect((await run(bot, a, STUDENT, '/ask Who killed Kirov?')).citations.map((c) => c.passage)).not.toContain(KIROV);
  expect(text(await run(bot, b, STUDENT, '/source reiman-2016'))).not.toContain('one space only');
  expect((await run(bot, b, ADMIN, '/review')).title).toBe('No open reports');
  expect((await run(bot, b, ADMIN, '/review log')).title).toBe('Audit log is empty');
  expect((await run(bot, b, ADMIN, '/curate list')).title).toBe('No curations');
  expect((await run(bot, b, ADMIN, '/hide list')).title).toBe('Nothing hidden');
  // Numbers are per space: #1 in b does not reach a's change #1.
  expect((await run(bot, b, ADMIN, '/undo 1')).title).toBe('No such change');
  expect((await run(bot, b, ADMIN, '/review dismiss 1')).title).toBe('No such report');
  expect(text(await run(bot, a, STUDENT, '/who Ezhov'))).toContain('Curated in one space only.');
}

describe('isolation between spaces', () => {
  it('GIVEN two Discord servers THEN curations, hidden passages, notes, reports and the audit log of one are invisible in the other', async () => {
    const a = freshSpace('discord');
    const b = freshSpace('discord');
    await moderate(a);
    await expectUntouched(a, b);
  });

  it('GIVEN two Slack workspaces THEN the same holds', async () => {
    const a = freshSpace('slack');
    const b = freshSpace('slack');
    await moderate(a);
    await expectUntouched(a, b);
  });

  it('GIVEN a Discord server and a Slack workspace with the same id THEN they are still separate spaces', async () => {
    const a: Where = { platform: 'discord', space: 'T-shared-1', channel: 'c' };
    const b: Where = { platform: 'slack', space: 'T-shared-1', channel: 'c' };
    await moderate(a);
    await expectUntouched(a, b);
  });

  it('GIVEN a moderator role named in one server THEN it grants nothing in another', async () => {
    const a = freshSpace('discord');
    const b = freshSpace('discord');
    await run(bot, a, ADMIN, '/sourcebook config modrole 777777777777777777');
    const mod = member(['777777777777777777']);
    expect((await run(bot, a, mod, '/review')).kind).toBe('notice');
    expect((await run(bot, b, mod, '/review')).kind).toBe('refusal');
    expect(text(await run(bot, b, ADMIN, '/sourcebook config'))).toContain('none yet');
  });

  it('GIVEN a button from one server clicked in another THEN it is refused there and nothing changes anywhere; at home it works', async () => {
    const a = freshSpace('discord');
    const b = freshSpace('discord');
    await run(bot, a, STUDENT, '/report who Yezhov');
    await run(bot, b, STUDENT, '/report who Yagoda');
    const queueA = await run(bot, a, ADMIN, '/review');
    const dismiss = queueA.actions.find((x) => x.label === 'Dismiss')!;
    const r = await bot.act(dismiss.id, ADMIN, b);
    expect(r.title).toBe('This button belongs to another server');
    expect((await run(bot, a, ADMIN, '/review')).title).toBe('Report #1 (1/1 open)');
    // b's own report #1 is untouched by a's button.
    expect((await run(bot, b, ADMIN, '/review')).title).toBe('Report #1 (1/1 open)');
    expect((await bot.act(dismiss.id, ADMIN, a)).kind).not.toBe('error');
    expect((await run(bot, a, ADMIN, '/review')).title).toBe('No open reports');
  });

  it('GIVEN a Slack workspace’s button clicked in another workspace THEN it says so', async () => {
    const a = freshSpace('slack');
    const more = (await run(bot, a, STUDENT, '/who Yezhov')).actions[0]!;
    expect((await bot.act(more.id, STUDENT, freshSpace('slack'))).title).toBe('This button belongs to another workspace');
  });
});
