/**
 * Three scheduler processes on one database file, killed with SIGKILL at random moments and
 * restarted: every due slot is posted exactly once (issue: hardening, scheduled posts). The
 * "platform" is a second file that keeps one message per nonce, as Discord does with
 * enforce_nonce, so a slot posted by a process killed before it recorded the post, then taken over
 * and posted again with the same nonce, still shows once.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { spaceKey, type Where } from '../../src/core/request.ts';
import { openDb } from '../../src/db/open.ts';
import { PROJECT_ROOT } from '../../src/paths.ts';
import { ensureBank } from '../../src/quiz/bank.ts';
import { addSchedule, ScheduleSpecSchema, splitScheduleArgs } from '../../src/quiz/schedule.ts';
import { clock, quizBot, removeDbFile, tempDbFile } from './helpers.ts';

const WORKER = fileURLToPath(new URL('./scheduler-process.ts', import.meta.url));
const SCHEDULES = 100;
const LEASE_MS = 400;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

const file = tempDbFile();
afterAll(() => removeDbFile(file));

function worker(platformFile: string, owner: string): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', WORKER, file, platformFile, owner, String(LEASE_MS)], {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

describe('scheduled posts under kill -9', () => {
  it('GIVEN three schedulers on one file, SIGKILLed at random moments and restarted THEN each of 100 slots is posted exactly once and recorded as posted', async () => {
    // Hourly since hours ago, two hours late at most: each schedule has this hour's slot due.
    const start = Date.now();
    const bot = quizBot(clock(start - 3 * 3600_000), openDb(file));
    ensureBank(bot.ctx.db, bot.ctx);
    for (let i = 0; i < SCHEDULES; i++) {
      // Ten channels of ten schedules (the per-channel limit).
      const where: Where = { platform: 'discord', space: 'guild-kill', channel: `1000000000000000${String(Math.floor(i / 10)).padStart(2, '0')}` };
      const s = addSchedule(
        bot.ctx.db,
        spaceKey(where),
        where,
        ScheduleSpecSchema.parse(splitScheduleArgs('0 * * * * maxlate=120')),
        'mod',
        start - 3 * 3600_000,
      );
      if ('error' in s) throw new Error(s.error);
    }
    bot.close();
    const platformFile = join(dirname(file), 'platform.db');
    const platform = new Database(platformFile);
    platform.pragma('journal_mode = WAL');
    platform.exec(
      'CREATE TABLE messages (nonce TEXT PRIMARY KEY, slot TEXT NOT NULL, owner TEXT, at INTEGER); CREATE TABLE attempts (slot TEXT, owner TEXT, at INTEGER);',
    );

    let n = 0;
    const spawnOne = () => worker(platformFile, `w${n++}`);
    const live: ChildProcess[] = [spawnOne(), spawnOne(), spawnOne()];
    const byOwner = new Map<string, number>();
    live.forEach((_, i) => byOwner.set(`w${i}`, i));
    const latest = platform.prepare('SELECT owner FROM attempts ORDER BY rowid DESC LIMIT 1').pluck();
    let kills = 0;
    // Chaos: every 150–450 ms one of them dies without warning and a fresh one takes its place. The
    // victim is, when there is one, the process that posted last: killed between posting a slot and
    // recording it, which is the case the nonce exists for.
    // The chaos starts once a scheduler is posting (under a loaded test run, starting takes a while).
    const first = Date.now() + 60_000;
    while (latest.get() === undefined && Date.now() < first) await pause(50);
    const until = Date.now() + 8000;
    while (Date.now() < until) {
      await pause(150 + Math.random() * 300);
      const busy = latest.get() as string | undefined;
      const i = busy !== undefined && byOwner.has(busy) ? byOwner.get(busy)! : Math.floor(Math.random() * live.length);
      for (const [o, j] of byOwner) if (j === i) byOwner.delete(o);
      live[i]!.kill('SIGKILL');
      kills++;
      byOwner.set(`w${n}`, i);
      live[i] = spawnOne();
    }
    // Then calm: the survivors finish what the dead left, leases running out first.
    const db = openDb(file);
    // Done when every schedule's slot has an outcome and no claim is open.
    const settled = () =>
      (db.prepare("SELECT count(DISTINCT schedule_id) AS n FROM quiz_slots WHERE outcome = 'posted'").get() as { n: number }).n === SCHEDULES &&
      (db.prepare('SELECT count(*) AS n FROM quiz_slots WHERE outcome IS NULL').get() as { n: number }).n === 0;
    // Under a loaded test run a freshly spawned scheduler takes many seconds to start ticking.
    const deadline = Date.now() + 75_000;
    while (!settled() && Date.now() < deadline) await pause(200);
    for (const w of live) w.kill('SIGKILL');

    const slots = db.prepare('SELECT schedule_id, slot_time, outcome, error FROM quiz_slots').all() as {
      schedule_id: number;
      slot_time: number;
      outcome: string | null;
      error: string | null;
    }[];
    const perSchedule = new Set(slots.map((s) => s.schedule_id));
    expect(perSchedule.size).toBe(SCHEDULES);
    // Earlier hours in the lateness window are skipped (no backlog); every slot posted is posted once.
    const posted = slots.filter((s) => s.outcome === 'posted');
    expect(
      slots.filter((s) => s.outcome !== 'posted' && s.outcome !== 'skipped'),
      'slots neither posted nor skipped',
    ).toEqual([]);
    expect(new Set(posted.map((s) => s.schedule_id)).size).toBe(SCHEDULES);
    const messages = platform.prepare('SELECT slot, count(*) AS n FROM messages GROUP BY slot').all() as { slot: string; n: number }[];
    const bySlot = new Map(messages.map((m) => [m.slot, m.n]));
    for (const s of posted) expect(bySlot.get(`slot:${s.schedule_id}:${s.slot_time}`), `slot ${s.schedule_id}@${s.slot_time}`).toBe(1);
    expect(messages.length).toBe(posted.length);
    expect(kills).toBeGreaterThan(10);
    // The kills did land mid-slot: some slots were taken over, and some posted twice, kept once by the nonce.
    const takenOver = (db.prepare('SELECT count(*) AS n FROM quiz_slots WHERE attempts > 1').get() as { n: number }).n;
    const attempts = (platform.prepare('SELECT count(*) AS n FROM attempts').get() as { n: number }).n;
    process.stdout.write(`kill test: ${kills} kills, ${takenOver} slots taken over, ${attempts} post attempts for ${posted.length} posts\n`);
    expect(takenOver).toBeGreaterThan(0);
    db.close();
    platform.close();
  }, 180_000);
});
