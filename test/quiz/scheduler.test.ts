/**
 * The quiz scheduler on a fake clock: each slot posted once across a crash and restart, missed
 * slots posted late or skipped by max lateness, two instances on one database file, and
 * timezones across daylight-saving changes.
 */
import { silentLogger } from '../../src/core/log.ts';
import { describe, expect, it } from 'vitest';
import type { CoreBot } from '../../src/app/bot.ts';
import type { Reply } from '../../src/core/reply.ts';
import { spaceKey, type Where } from '../../src/core/request.ts';
import { openDb } from '../../src/db/open.ts';
import { addSchedule, allSchedules, MIN_CATCH_UP_MINUTES, ScheduleSpecSchema, splitScheduleArgs } from '../../src/quiz/schedule.ts';
import { createScheduler, dueSlot, LEASE_MS, MAX_ATTEMPTS, slotKey, TICK_MS, type Scheduler } from '../../src/quiz/scheduler.ts';
import { GUILD_A, MINUTE, MOD, clock, postInfo, quizBot, removeDbFile, run, tempDbFile, text, type Clock } from './helpers.ts';

interface Posted {
  at: number;
  where: Where;
  reply: Reply;
}

function scheduler(bot: CoreBot, c: Clock, owner: string, posts: Posted[], delay = false): Scheduler {
  return createScheduler({
    bot,
    now: c.now,
    owner,
    logger: silentLogger,
    post: async (where, reply) => {
      // Yield before recording, so two instances' ticks interleave.
      if (delay) await new Promise((r) => setImmediate(r));
      posts.push({ at: c.t, where, reply });
    },
  });
}

function schedule(bot: CoreBot, c: Clock, args: string) {
  const spec = ScheduleSpecSchema.parse(splitScheduleArgs(args));
  const s = addSchedule(bot.ctx.db, spaceKey(GUILD_A), GUILD_A, spec, MOD.id, c.t);
  if ('error' in s) throw new Error(s.error);
  return s;
}

let sharedBot: { bot: CoreBot; c: Clock } | null = null;

/**
 * One in-memory bot for the tests that need no database file (building one ingests the corpus):
 * the clock is reset and earlier tests' schedules are removed.
 */
function shared(start: number): { bot: CoreBot; c: Clock } {
  if (!sharedBot) {
    const c = clock(start);
    sharedBot = { bot: quizBot(c), c };
  }
  sharedBot.c.t = start;
  sharedBot.bot.ctx.db.prepare('DELETE FROM quiz_schedules').run();
  return sharedBot;
}

/** Ticks every `stepMin` minutes until `until`, collecting what each tick posted. */
async function runUntil(s: Scheduler, c: Clock, until: number, stepMin = 10): Promise<Date[]> {
  const slots: Date[] = [];
  while (c.t < until) {
    c.advance(stepMin * MINUTE);
    slots.push(...(await s.tick()).posted.map((p) => p.slot));
  }
  return slots;
}

const prague = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Prague', dateStyle: 'short', timeStyle: 'short' });
const iso = (d: Date | number) => new Date(d).toISOString().slice(0, 16);

describe('scheduled quiz posts', () => {
  it('GIVEN a daily 09:00 Prague schedule THEN the slot is posted once, a restart 20 minutes late posts the missed slot once, an outage beyond max lateness skips it', async () => {
    const file = tempDbFile();
    const c = clock(Date.UTC(2025, 0, 6, 7, 0));
    const bot1 = quizBot(c, openDb(file));
    const added = await run(bot1, '/quiz schedule 09:00 tz=Europe/Prague maxlate=60', MOD);
    expect(added.title).toBe('Quiz scheduled');
    const posts: Posted[] = [];
    const first = scheduler(bot1, c, 'instance-1', posts);

    c.t = Date.UTC(2025, 0, 6, 7, 59, 50);
    expect((await first.tick()).posted).toEqual([]);
    c.t = Date.UTC(2025, 0, 6, 8, 0, 10);
    expect((await first.tick()).posted).toHaveLength(1);
    expect((await first.tick()).posted).toHaveLength(0);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.where).toEqual(GUILD_A);
    expect(postInfo(bot1, posts[0]!.reply).buttons.length).toBeGreaterThanOrEqual(2);

    // Crash: the process is gone; a new one opens the same file 20 minutes after the next slot.
    bot1.ctx.db.close();
    c.t = Date.UTC(2025, 0, 7, 8, 20);
    const bot2 = quizBot(c, openDb(file));
    const second = scheduler(bot2, c, 'instance-2', posts);
    expect((await second.tick()).posted.map((p) => iso(p.slot))).toEqual(['2025-01-07T08:00']);
    expect((await second.tick()).posted).toEqual([]);

    // Down through the next slot, back 2½ hours late: beyond max lateness, so skipped.
    c.t = Date.UTC(2025, 0, 8, 10, 30);
    expect((await second.tick()).posted).toEqual([]);
    c.t = Date.UTC(2025, 0, 9, 8, 0, 30);
    expect((await second.tick()).posted.map((p) => iso(p.slot))).toEqual(['2025-01-09T08:00']);

    const slots = bot2.ctx.db.prepare('SELECT slot_time, owner FROM quiz_slots ORDER BY slot_time').all() as { slot_time: number; owner: string }[];
    expect(slots.map((s) => [iso(s.slot_time), s.owner])).toEqual([
      ['2025-01-06T08:00', 'instance-1'],
      ['2025-01-07T08:00', 'instance-2'],
      ['2025-01-09T08:00', 'instance-2'],
    ]);
    expect(posts).toHaveLength(3);
    bot2.ctx.db.close();
    removeDbFile(file);
  }, 60_000);

  it('GIVEN several slots missed during an outage within max lateness THEN only the latest is posted, once', async () => {
    const { bot, c } = shared(Date.UTC(2025, 4, 1, 0, 0));
    schedule(bot, c, '0 */2 * * * maxlate=1440');
    const posts: Posted[] = [];
    c.t = Date.UTC(2025, 4, 1, 7, 15);
    const s = scheduler(bot, c, 'solo', posts);
    expect((await s.tick()).posted.map((p) => iso(p.slot))).toEqual(['2025-05-01T06:00']);
    expect((await s.tick()).posted).toEqual([]);
    expect(posts).toHaveLength(1);
  }, 60_000);

  it('GIVEN two scheduler instances on one database file ticking together THEN every hourly slot is posted exactly once, and each closed question’s result once', async () => {
    const file = tempDbFile();
    const c = clock(Date.UTC(2025, 5, 2, 5, 30));
    const botA = quizBot(c, openDb(file));
    const botB = quizBot(c, openDb(file));
    schedule(botA, c, '0 * * * * count=1');
    await run(botA, '/quiz settings close=30', MOD);
    const posts: Posted[] = [];
    const a = scheduler(botA, c, 'alpha', posts, true);
    const b = scheduler(botB, c, 'beta', posts, true);
    let answered = false;
    while (c.t < Date.UTC(2025, 5, 2, 11, 30)) {
      c.advance(5 * MINUTE);
      await Promise.all([a.tick(), b.tick()]);
      const first = posts.find((p) => p.reply.actions.length > 1);
      if (first && !answered) {
        await botB.act(postInfo(botA, first.reply).right, { id: 'u-x', name: 'x', isAdmin: false, groups: [] }, GUILD_A);
        answered = true;
      }
    }
    const questions = posts.filter((p) => !p.reply.title.includes('closed'));
    const results = posts.filter((p) => p.reply.title.includes('closed'));
    expect(questions.map((p) => iso(p.at))).toEqual(['06:00', '07:00', '08:00', '09:00', '10:00', '11:00'].map((h) => `2025-06-02T${h}`));
    expect(results).toHaveLength(1);
    expect(text(results[0]!.reply)).toContain('1 answered, 1 got it right');
    const owners = botA.ctx.db.prepare('SELECT owner FROM quiz_slots').all() as { owner: string }[];
    expect(owners).toHaveLength(6);
    botA.ctx.db.close();
    botB.ctx.db.close();
    removeDbFile(file);
  }, 60_000);

  it('GIVEN a scheduled topic no question matches THEN nothing is posted to the channel and the slot records why', async () => {
    const { bot, c } = shared(Date.UTC(2025, 6, 2, 8, 1));
    const sch = schedule(bot, c, '0 9 * * * topic=xylophonequartet');
    const posts: Posted[] = [];
    const s = scheduler(bot, c, 'solo', posts);
    c.t = Date.UTC(2025, 6, 2, 9, 0, 5);
    expect(await s.tick()).toMatchObject({ posted: [], failed: 1 });
    expect(posts).toEqual([]);
    const slot = bot.ctx.db.prepare('SELECT posted_at, error FROM quiz_slots WHERE schedule_id = ?').get(sch.id) as { posted_at: number | null; error: string };
    expect(slot.posted_at).toBeNull();
    expect(slot.error).toContain('No quiz questions about “xylophonequartet”');
    expect((await s.tick()).failed).toBe(0);
  });

  it('GIVEN a schedule removed THEN its slots are no longer posted', async () => {
    const { bot, c } = shared(Date.UTC(2025, 6, 1, 8, 1));
    const s = schedule(bot, c, '0 * * * *');
    const posts: Posted[] = [];
    const sch = scheduler(bot, c, 'solo', posts);
    expect(await runUntil(sch, c, Date.UTC(2025, 6, 1, 10, 5))).toHaveLength(2);
    await run(bot, `/quiz schedule remove ${s.id}`, MOD);
    expect(await runUntil(sch, c, Date.UTC(2025, 6, 1, 14, 5))).toHaveLength(0);
  });
});

describe('max lateness 0', () => {
  it('GIVEN an hourly schedule with maxlate=0 and the real 30-second ticks, each a little late, over three hours THEN every slot is posted, once', async () => {
    const { bot, c } = shared(Date.UTC(2025, 7, 4, 8, 59, 0));
    schedule(bot, c, '0 * * * * maxlate=0');
    const posts: Posted[] = [];
    const s = scheduler(bot, c, 'solo', posts);
    const slots: Date[] = [];
    for (let i = 0; i < 3 * 120; i++) {
      // Timers drift: each tick runs 0–60 ms later than the last.
      c.advance(TICK_MS + (i % 7) * 10);
      slots.push(...(await s.tick()).posted.map((p) => p.slot));
    }
    expect(slots.map(iso)).toEqual(['2025-08-04T09:00', '2025-08-04T10:00', '2025-08-04T11:00']);
    expect(posts.filter((p) => !p.reply.title.includes('closed'))).toHaveLength(3);
  }, 60_000);

  it('GIVEN the catch-up window THEN it spans at least two ticks, so a slot cannot fall between them', () => {
    expect(MIN_CATCH_UP_MINUTES * MINUTE).toBeGreaterThanOrEqual(2 * TICK_MS);
  });
});

describe('posts that cannot reach their channel', () => {
  it('GIVEN a closed question whose result fails to post THEN the failure is recorded with the post, not lost', async () => {
    const { bot, c } = shared(Date.UTC(2025, 8, 1, 8, 0));
    await run(bot, '/quiz settings close=5', MOD);
    const info = postInfo(bot, await run(bot, '/quiz'));
    await bot.act(info.right, { id: 'u-y', name: 'y', isAdmin: false, groups: [] }, GUILD_A);
    c.advance(6 * MINUTE);
    const failing = createScheduler({
      bot,
      now: c.now,
      owner: 'solo',
      logger: silentLogger,
      post: async () => Promise.reject(new Error('no discord adapter is running')),
    });
    expect(await failing.tick()).toMatchObject({ closed: 0, failed: 1 });
    const row = bot.ctx.db.prepare('SELECT result_posted_at, result_error FROM quiz_posts WHERE id = ?').get(info.postId) as {
      result_posted_at: number | null;
      result_error: string;
    };
    expect(row).toEqual({ result_posted_at: null, result_error: 'no discord adapter is running' });
    await run(bot, '/quiz settings close=60', MOD);
  });

  it('GIVEN a closed question whose result posts THEN the post records when', async () => {
    const { bot, c } = shared(Date.UTC(2025, 8, 2, 8, 0));
    await run(bot, '/quiz settings close=5', MOD);
    const info = postInfo(bot, await run(bot, '/quiz'));
    await bot.act(info.right, { id: 'u-y', name: 'y', isAdmin: false, groups: [] }, GUILD_A);
    c.advance(6 * MINUTE);
    expect(await scheduler(bot, c, 'solo', []).tick()).toMatchObject({ closed: 1, failed: 0 });
    const row = bot.ctx.db.prepare('SELECT result_posted_at, result_error FROM quiz_posts WHERE id = ?').get(info.postId) as {
      result_posted_at: number | null;
      result_error: string | null;
    };
    expect(row.result_posted_at).not.toBeNull();
    expect(row.result_error).toBeNull();
    await run(bot, '/quiz settings close=60', MOD);
  });

  it('GIVEN a console schedule stored before they were refused THEN its slot is recorded as failed with the reason, and no question is created', async () => {
    const { bot, c } = shared(Date.UTC(2025, 8, 3, 8, 1));
    const console_ = { platform: 'console' as const, space: 'local', channel: 'console' };
    const spec = ScheduleSpecSchema.parse(splitScheduleArgs('0 9 * * *'));
    const sch = addSchedule(bot.ctx.db, spaceKey(console_), console_, spec, 'local', c.t);
    if ('error' in sch) throw new Error(sch.error);
    const runsBefore = (bot.ctx.db.prepare('SELECT count(*) AS n FROM quiz_runs').get() as { n: number }).n;
    const posts: Posted[] = [];
    c.t = Date.UTC(2025, 8, 3, 9, 0, 10);
    expect(await scheduler(bot, c, 'solo', posts).tick()).toMatchObject({ posted: [], failed: 1 });
    const slot = bot.ctx.db.prepare('SELECT posted_at, error FROM quiz_slots WHERE schedule_id = ?').get(sch.id) as { posted_at: number | null; error: string };
    expect(slot.posted_at).toBeNull();
    expect(slot.error).toContain('scheduled posts need Discord or Slack');
    expect((bot.ctx.db.prepare('SELECT count(*) AS n FROM quiz_runs').get() as { n: number }).n).toBe(runsBefore);
    expect(posts).toEqual([]);
  });
});

describe('timezones and daylight saving (Europe/Prague)', () => {
  it('GIVEN 02:30 daily and the spring-forward night (02:00 → 03:00 on 30 March 2025) THEN that day is posted once, at 03:30 local', async () => {
    const { bot, c } = shared(Date.UTC(2025, 2, 28, 12, 0));
    schedule(bot, c, '02:30 tz=Europe/Prague maxlate=30');
    const slots = await runUntil(scheduler(bot, c, 'solo', []), c, Date.UTC(2025, 3, 1, 0, 0));
    expect(slots.map(iso)).toEqual(['2025-03-29T01:30', '2025-03-30T01:30', '2025-03-31T00:30']);
    expect(slots.map((d) => prague.format(d))).toEqual(['29/03/2025, 02:30', '30/03/2025, 03:30', '31/03/2025, 02:30']);
  });

  it('GIVEN 02:30 daily and the fall-back night (02:30 happens twice on 26 October 2025) THEN that day is posted once', async () => {
    const { bot, c } = shared(Date.UTC(2025, 9, 24, 12, 0));
    schedule(bot, c, '02:30 tz=Europe/Prague maxlate=30');
    const slots = await runUntil(scheduler(bot, c, 'solo', []), c, Date.UTC(2025, 9, 28, 0, 0));
    expect(slots.map(iso)).toEqual(['2025-10-25T00:30', '2025-10-26T01:30', '2025-10-27T01:30']);
  });

  it('GIVEN 09:00 daily across the spring change THEN it stays 09:00 in Prague: 08:00 UTC before, 07:00 UTC after', async () => {
    const { bot, c } = shared(Date.UTC(2025, 2, 27, 12, 0));
    schedule(bot, c, '09:00 tz=Europe/Prague');
    const slots = await runUntil(scheduler(bot, c, 'solo', []), c, Date.UTC(2025, 3, 1, 12, 0), 15);
    expect(slots.map(iso)).toEqual(['2025-03-28T08:00', '2025-03-29T08:00', '2025-03-30T07:00', '2025-03-31T07:00', '2025-04-01T07:00']);
    expect(new Set(slots.map((d) => prague.format(d).slice(-5)))).toEqual(new Set(['09:00']));
  });

  it('GIVEN a schedule created after today’s slot THEN today’s slot is not posted (dueSlot never reaches before creation)', () => {
    const s = {
      id: 1,
      space: 's',
      where: GUILD_A,
      pattern: '0 9 * * *',
      label: '',
      timezone: 'UTC',
      topic: null,
      count: 1,
      maxLateMinutes: 120,
      createdBy: 'm',
      createdAt: Date.UTC(2025, 0, 1, 9, 30),
    };
    expect(dueSlot(s, new Date(Date.UTC(2025, 0, 1, 10, 0)))).toBeNull();
    expect(dueSlot(s, new Date(Date.UTC(2025, 0, 2, 9, 0)))?.toISOString()).toBe('2025-01-02T09:00:00.000Z');
  });
});

describe('a claim is a lease: a slot whose claimer died is taken over, and posted once', () => {
  interface Keyed {
    key: string | undefined;
    stem: string;
  }

  function keyedScheduler(bot: CoreBot, c: Clock, owner: string, posts: Keyed[], post?: () => Promise<void>): Scheduler {
    return createScheduler({
      bot,
      now: c.now,
      owner,
      logger: silentLogger,
      post: async (_where, reply, opts) => {
        await post?.();
        posts.push({ key: opts?.idempotencyKey, stem: reply.blocks[0]?.type === 'paragraph' ? reply.blocks[0].text : '' });
      },
    });
  }

  const slotRow = (bot: CoreBot) =>
    bot.ctx.db.prepare('SELECT owner, attempts, outcome, error, run_id FROM quiz_slots ORDER BY slot_time DESC LIMIT 1').get() as {
      owner: string;
      attempts: number;
      outcome: string | null;
      error: string | null;
      run_id: number | null;
    };

  it('GIVEN a scheduler that dies after making the slot’s run but before posting it THEN another takes the slot over when the lease ends and posts that same run, with the same key', async () => {
    const { bot, c } = shared(Date.UTC(2025, 0, 6, 8, 59));
    schedule(bot, c, '09:00 maxlate=30');
    c.advance(2 * MINUTE);
    // The first claimer makes the run and then never returns from posting: it is dead.
    const runsBefore = (bot.ctx.db.prepare('SELECT coalesce(max(id), 0) AS n FROM quiz_runs').get() as { n: number }).n;
    const dying = keyedScheduler(bot, c, 'dies', [], () => new Promise(() => {}));
    void dying.tick();
    await new Promise((r) => setImmediate(r));
    const claimed = slotRow(bot);
    expect(claimed).toMatchObject({ owner: 'dies', outcome: null });
    expect(claimed.run_id).not.toBeNull();
    const posts: Keyed[] = [];
    const other = keyedScheduler(bot, c, 'survivor', posts);
    // Within the lease the slot stays the dying claimer's.
    expect((await other.tick()).alreadyClaimed).toBe(1);
    c.advance(LEASE_MS + 1000);
    const report = await other.tick();
    expect(report.takenOver).toBe(1);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.key).toBe(slotKey(allSchedules(bot.ctx.db)[0]!.id, new Date(Date.UTC(2025, 0, 6, 9, 0))));
    expect(slotRow(bot)).toMatchObject({ owner: 'survivor', attempts: 2, outcome: 'posted', run_id: claimed.run_id });
    // No second run was made for the slot.
    expect((bot.ctx.db.prepare('SELECT count(*) AS n FROM quiz_runs WHERE id > ?').get(runsBefore) as { n: number }).n).toBe(1);
  });

  it('GIVEN a slot whose posters keep dying THEN after three claims it is recorded as failed, with why, and not tried again', async () => {
    const { bot, c } = shared(Date.UTC(2025, 0, 6, 8, 59));
    schedule(bot, c, '09:00 maxlate=60');
    c.advance(2 * MINUTE);
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      void keyedScheduler(bot, c, `dies-${i}`, [], () => new Promise(() => {})).tick();
      await new Promise((r) => setImmediate(r));
      c.advance(LEASE_MS + 1000);
    }
    const posts: Keyed[] = [];
    await keyedScheduler(bot, c, 'late', posts).tick();
    expect(posts).toEqual([]);
    expect(slotRow(bot)).toMatchObject({ outcome: 'failed', attempts: MAX_ATTEMPTS, error: expect.stringContaining('stopped 3 times') });
  });

  it('GIVEN a claimer that died and a slot now past its lateness THEN the slot is recorded as skipped, with why', async () => {
    const { bot, c } = shared(Date.UTC(2025, 0, 6, 8, 59));
    schedule(bot, c, '09:00 maxlate=5');
    c.advance(2 * MINUTE);
    void keyedScheduler(bot, c, 'dies', [], () => new Promise(() => {})).tick();
    await new Promise((r) => setImmediate(r));
    c.advance(30 * MINUTE);
    const report = await keyedScheduler(bot, c, 'later', []).tick();
    expect(report.skipped).toBe(1);
    expect(slotRow(bot)).toMatchObject({ outcome: 'skipped', error: expect.stringContaining('past its lateness') });
  });

  it('GIVEN several slots missed within max lateness THEN the latest is posted and the ones before it are recorded as skipped', async () => {
    const { bot, c } = shared(Date.UTC(2025, 4, 1, 0, 0));
    schedule(bot, c, '0 */2 * * * maxlate=600');
    c.t = Date.UTC(2025, 4, 1, 7, 15);
    const report = await keyedScheduler(bot, c, 'back', []).tick();
    expect(report.posted).toHaveLength(1);
    const rows = bot.ctx.db.prepare('SELECT outcome, count(*) AS n FROM quiz_slots GROUP BY outcome ORDER BY outcome').all();
    // 06:00 posted; 00:00 (created then), 02:00 and 04:00 skipped.
    expect(rows).toEqual([
      { outcome: 'posted', n: 1 },
      { outcome: 'skipped', n: 3 },
    ]);
  });
});
