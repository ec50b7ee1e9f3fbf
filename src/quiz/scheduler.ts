/**
 * Posts scheduled quizzes. Each slot (a schedule's run time, computed by croner in the
 * schedule's timezone) is claimed in SQLite before it is posted: the quiz_slots primary key lets
 * exactly one claimant win, so with several scheduler instances on one database file, or after a
 * restart, each slot is posted at most once. A slot missed while the bot was down is posted on
 * return if it is within the schedule's max lateness (never less than two ticks, or a 0-minute
 * window would fall between ticks), otherwise skipped; only the latest missed slot is posted,
 * never a backlog. The claim comes first on purpose: a crash between claim and
 * post loses that one post rather than risking a double post.
 */
import { clip } from '../core/text-safe.ts';
import type { CommandContext } from '../core/command.ts';
import type { Reply } from '../core/reply.ts';
import type { Where } from '../core/request.ts';
import type { DB } from '../db/open.ts';
import { ensureBank } from './bank.ts';
import { closeExpired, startRun } from './play.ts';
import { allSchedules, catchUpMinutes, cronFor, SCHEDULE_PLATFORMS, type Schedule } from './schedule.ts';

/** How often the scheduler looks for due slots; a slot stays due at least two ticks (MIN_CATCH_UP_MINUTES). */
export const TICK_MS = 30_000;

export interface SchedulerOptions {
  /** The bot's context (or the bot itself, whose `ctx` is used). */
  ctx?: CommandContext;
  bot?: { ctx: CommandContext };
  /** Defaults to the context's database. */
  db?: DB;
  post: (where: Where, reply: Reply) => Promise<void>;
  now?: () => Date;
  /** Who claims slots (host:pid, shard id…): recorded with each claim. */
  owner: string;
  log?: (msg: string, err?: unknown) => void;
}

export interface TickReport {
  posted: { scheduleId: number; slot: Date }[];
  /** Slots another instance had claimed already. */
  alreadyClaimed: number;
  /** Posts closed by this tick whose results were posted. */
  closed: number;
  failed: number;
}

export interface Scheduler {
  tick(): Promise<TickReport>;
  start(): void;
  stop(): void;
}

/** The latest run time of a schedule in [now − catch-up window, now], not before it was created. */
export function dueSlot(s: Schedule, now: Date): Date | null {
  const from = Math.max(s.createdAt, now.getTime() - catchUpMinutes(s.maxLateMinutes) * 60_000);
  const cron = cronFor(s.pattern, s.timezone);
  let latest: Date | null = null;
  // croner's nextRun is strictly after its argument; start just before the window.
  let cursor = cron.nextRun(new Date(from - 1000));
  while (cursor && cursor.getTime() <= now.getTime()) {
    if (cursor.getTime() >= from) latest = cursor;
    cursor = cron.nextRun(cursor);
  }
  return latest;
}

export function createScheduler(opts: SchedulerOptions): Scheduler {
  const maybeCtx = opts.ctx ?? opts.bot?.ctx;
  if (!maybeCtx) throw new Error('createScheduler needs ctx or bot');
  const ctx: CommandContext = maybeCtx;
  const db = opts.db ?? ctx.db;
  const now = opts.now ?? (() => new Date());
  const log = opts.log ?? ((msg, err) => console.error(msg, err));
  // A schedule removed since allSchedules() was read is not claimed.
  const claim = db.prepare(
    `INSERT OR IGNORE INTO quiz_slots (schedule_id, slot_time, owner, claimed_at)
     SELECT ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM quiz_schedules WHERE id = ? AND removed_at IS NULL)`,
  );
  const done = db.prepare('UPDATE quiz_slots SET posted_at = ?, error = ? WHERE schedule_id = ? AND slot_time = ?');
  const resultDone = db.prepare('UPDATE quiz_posts SET result_posted_at = ?, result_error = ? WHERE id = ?');
  let timer: ReturnType<typeof setInterval> | null = null;
  let running: Promise<TickReport> | null = null;

  function tryClaim(s: Schedule, slot: Date, at: number): boolean {
    try {
      return claim.run(s.id, slot.getTime(), opts.owner, at, s.id).changes === 1;
    } catch (err) {
      // The schedule was removed a moment ago (foreign key): nothing to post.
      if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return false;
      throw err;
    }
  }

  async function runTick(): Promise<TickReport> {
    const report: TickReport = { posted: [], alreadyClaimed: 0, closed: 0, failed: 0 };
    const t = now();
    for (const s of allSchedules(db)) {
      const slot = dueSlot(s, t);
      if (!slot) continue;
      if (!tryClaim(s, slot, t.getTime())) {
        report.alreadyClaimed++;
        continue;
      }
      try {
        // A schedule made before the console was refused: nothing can show its post.
        if (!(SCHEDULE_PLATFORMS as readonly string[]).includes(s.where.platform)) throw new Error(`scheduled posts need Discord or Slack; ${s.where.platform} has no channel to post to`);
        const reply = startRun(ctx, s.where, { topic: s.topic, count: s.count, createdBy: `schedule:${s.id}`, now: t.getTime() });
        // No question to ask (nothing approved, topic matches nothing): the channel gets no noise, the slot records why.
        if (reply.kind !== 'answer') throw new Error(`no question posted: ${reply.title}`);
        await opts.post(s.where, reply);
        done.run(Date.now(), null, s.id, slot.getTime());
        report.posted.push({ scheduleId: s.id, slot });
      } catch (err) {
        report.failed++;
        done.run(null, clip(String((err as Error)?.message ?? err), 500), s.id, slot.getTime());
        log(`quiz schedule ${s.id}: posting the ${slot.toISOString()} slot failed`, err);
      }
    }
    for (const c of closeExpired(ctx, t.getTime())) {
      try {
        await opts.post(c.where, c.reply);
        resultDone.run(Date.now(), null, c.postId);
        report.closed++;
      } catch (err) {
        // Recorded with the post (the result is not posted again: the post is closed once).
        report.failed++;
        resultDone.run(null, clip(String((err as Error)?.message ?? err), 500), c.postId);
        log(`quiz: posting the result of question #${c.postId} failed`, err);
      }
    }
    return report;
  }

  /** One pass; a tick called while one is running waits for it instead of overlapping. */
  function tick(): Promise<TickReport> {
    if (!running) running = runTick().finally(() => (running = null));
    return running;
  }

  return {
    tick,
    start() {
      if (timer) return;
      try {
        ensureBank(db, { repo: ctx.repo, people: ctx.people });
      } catch (err) {
        log('quiz: generating questions failed', err);
      }
      const run = () => void tick().catch((err: unknown) => log('quiz scheduler tick failed', err));
      run();
      timer = setInterval(run, TICK_MS);
      timer.unref();
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = null;
    },
  };
}
