/** Quiz administration (/quiz settings, schedule, schedule remove, close) in the audit log, each undoable, per group. */
import { silentLogger } from '../../src/core/log.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CoreBot } from '../../src/app/bot.ts';
import type { Reply } from '../../src/core/reply.ts';
import { spaceKey, type Where } from '../../src/core/request.ts';
import { listEntries } from '../../src/moderation/audit.ts';
import { listSchedules } from '../../src/quiz/schedule.ts';
import { getSettings } from '../../src/quiz/settings.ts';
import { createScheduler } from '../../src/quiz/scheduler.ts';
import { ALICE, BOB, MINUTE, MOD, clock, postInfo, quizBot, run, text, type Clock } from './helpers.ts';

let c: Clock;
let bot: CoreBot;

beforeAll(() => {
  c = clock(Date.UTC(2025, 3, 7, 7, 0));
  bot = quizBot(c);
}, 60_000);

let n = 0;
function freshGuild(): Where {
  n++;
  return { platform: 'discord', space: `guild-admin-${n}`, channel: `quiz-${n}` };
}

function lastEntry(where: Where) {
  return listEntries(bot.ctx.db, spaceKey(where), 1, 0)[0];
}

function undoButton(r: Reply): string {
  const a = r.actions.find((x) => x.label.startsWith('Undo #'));
  expect(a, `an Undo button on “${r.title}”`).toBeDefined();
  return a!.id;
}

describe('/quiz settings', () => {
  it('GIVEN a moderator sets close=30 THEN it is logged with before and after, and Undo restores 60 minutes', async () => {
    const where = freshGuild();
    const r = await run(bot, '/quiz settings close=30', MOD, where);
    expect(r.title).toBe('Quiz settings');
    expect(text(r)).toContain('New questions stay open 30 minutes (was 60)');
    expect(lastEntry(where)).toMatchObject({
      action: 'quiz.settings',
      targets: [{ type: 'quiz-close-minutes' }],
      before: [{ closeMinutes: 60 }],
      after: [{ closeMinutes: 30 }],
    });
    const undone = await bot.act(undoButton(r), MOD, where);
    expect(undone.title).toMatch(/^Undone: #1/);
    expect(getSettings(bot.ctx.db, spaceKey(where)).closeMinutes).toBe(60);
  });

  it('GIVEN the value it already has THEN nothing is logged', async () => {
    const where = freshGuild();
    const r = await run(bot, '/quiz settings close=60', MOD, where);
    expect(r.title).toBe('Nothing changed');
    expect(lastEntry(where)).toBeUndefined();
  });
});

describe('/quiz schedule', () => {
  it('GIVEN a schedule added THEN it is logged; undo removes it; undoing the undo brings it back under the same number', async () => {
    const where = freshGuild();
    const r = await run(bot, '/quiz schedule 09:00 tz=Europe/Prague count=2', MOD, where);
    expect(r.title).toBe('Quiz scheduled');
    const [s] = listSchedules(bot.ctx.db, spaceKey(where), where.channel);
    expect(lastEntry(where)).toMatchObject({
      action: 'quiz.schedule.add',
      targets: [{ type: 'quiz-schedule', id: s!.id }],
      before: [null],
      after: [{ pattern: '0 9 * * *', timezone: 'Europe/Prague', count: 2 }],
    });
    const undone = await bot.act(undoButton(r), MOD, where);
    expect(listSchedules(bot.ctx.db, spaceKey(where), where.channel)).toEqual([]);
    await bot.act(undoButton(undone), MOD, where);
    expect(listSchedules(bot.ctx.db, spaceKey(where), where.channel)).toEqual([s]);
  });

  it('GIVEN a schedule that posted its slot, removed and brought back by undo THEN it keeps its number and the slot is not posted twice', async () => {
    const where = freshGuild();
    c.t = Date.UTC(2025, 3, 8, 8, 30);
    await run(bot, '/quiz schedule 0 9 * * * maxlate=120', MOD, where);
    const [s] = listSchedules(bot.ctx.db, spaceKey(where), where.channel);
    const posted: string[] = [];
    const scheduler = createScheduler({
      bot,
      now: c.now,
      owner: 'solo',
      logger: silentLogger,
      post: async (w, reply) => void (w.space === where.space && !reply.title.includes('closed') && posted.push(reply.title)),
    });
    c.t = Date.UTC(2025, 3, 8, 9, 0, 20);
    await scheduler.tick();
    expect(posted).toHaveLength(1);
    const removed = await run(bot, `/quiz schedule remove ${s!.id}`, MOD, where);
    expect(removed.title).toBe('Schedule removed');
    expect(lastEntry(where)).toMatchObject({ action: 'quiz.schedule.remove', targets: [{ type: 'quiz-schedule', id: s!.id }], after: [null] });
    await bot.act(undoButton(removed), MOD, where);
    expect(listSchedules(bot.ctx.db, spaceKey(where), where.channel)).toEqual([s]);
    c.t = Date.UTC(2025, 3, 8, 9, 10);
    await scheduler.tick();
    expect(posted).toHaveLength(1);
  });

  it('GIVEN the console THEN /quiz schedule is refused with why, and nothing is stored or logged', async () => {
    const local: Where = { platform: 'console', space: 'local-admin', channel: 'console' };
    const me = { id: 'local', name: 'you', isAdmin: true, groups: [] };
    const r = await run(bot, '/quiz schedule 09:00', me, local);
    expect(r.kind).toBe('error');
    expect(text(r)).toContain('Scheduled posts need Discord or Slack');
    expect(listSchedules(bot.ctx.db, spaceKey(local), local.channel)).toEqual([]);
    expect(lastEntry(local)).toBeUndefined();
  });
});

describe('/quiz close', () => {
  it('GIVEN a moderator closes a question early THEN it is logged, and undo reopens it while its time lasts: answers count again', async () => {
    const where = freshGuild();
    const info = postInfo(bot, await run(bot, '/quiz', ALICE, where));
    await run(bot, `/quiz close ${info.postId}`, MOD, where);
    expect(lastEntry(where)).toMatchObject({
      action: 'quiz.close',
      targets: [{ type: 'quiz-post', id: info.postId }],
      before: [{ closedAt: null }],
      after: [{ closedBy: MOD.id }],
    });
    expect((await bot.act(info.right, ALICE, where)).title).toBe('This question has closed');
    const undone = await run(bot, `/undo ${lastEntry(where)!.seq}`, MOD, where);
    expect(undone.title).toMatch(/^Undone/);
    expect((await bot.act(info.right, BOB, where)).title).toBe('Right!');
  });

  it('GIVEN the question’s time has run out since THEN undo is refused plainly and nothing changes', async () => {
    const where = freshGuild();
    const info = postInfo(bot, await run(bot, '/quiz', ALICE, where));
    await run(bot, `/quiz close ${info.postId}`, MOD, where);
    const seq = lastEntry(where)!.seq;
    c.advance(61 * MINUTE);
    const r = await run(bot, `/undo ${seq}`, MOD, where);
    expect(r.kind).toBe('error');
    expect(r.title).toBe('Cannot undo');
    expect(text(r)).toContain('cannot be reopened');
    expect(lastEntry(where)!.seq).toBe(seq);
  });

  it('GIVEN a question closed twice THEN only the first close is logged', async () => {
    const where = freshGuild();
    const info = postInfo(bot, await run(bot, '/quiz', ALICE, where));
    await run(bot, `/quiz close ${info.postId}`, MOD, where);
    const again = await run(bot, `/quiz close ${info.postId}`, MOD, where);
    expect(again.title).toMatch(/^Already closed/);
    expect(listEntries(bot.ctx.db, spaceKey(where), 10, 0)).toHaveLength(1);
  });
});

describe('each group’s log is its own', () => {
  it('GIVEN quiz administration in one group THEN another group’s log does not show it, and its /undo cannot reach it', async () => {
    const a = freshGuild();
    const b = freshGuild();
    await run(bot, '/quiz settings close=15', MOD, a);
    expect(lastEntry(b)).toBeUndefined();
    const r = await run(bot, '/undo 1', MOD, b);
    expect(r.title).toBe('No such change');
    expect(getSettings(bot.ctx.db, spaceKey(a)).closeMinutes).toBe(15);
  });
});
