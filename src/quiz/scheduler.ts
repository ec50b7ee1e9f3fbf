/**
 * Posts scheduled quizzes. Each slot (a schedule's run time, computed by croner in the
 * schedule's timezone) is claimed in SQLite before it is posted: the quiz_slots primary key lets
 * one claimant win, so with several scheduler instances on one database file, or after a
 * restart, no two post the same slot at once. A claim is a lease: a claimer that dies before it
 * records the slot's outcome is taken over when the lease ends. The run made for a slot is
 * recorded with the claim in one transaction, so a takeover posts the same run again, with the
 * same idempotency key, which the platforms use to drop a second copy (Discord's nonce, a Slack
 * marker in the message metadata): a slot is posted exactly once. Every slot ends with an
 * outcome: posted, failed with its reason, or skipped (a backlog slot, or one whose claimer died
 * past the schedule's lateness). A slot missed while the bot was down is posted on return if it
 * is within the schedule's max lateness (never less than two ticks), otherwise skipped; only the
 * latest missed slot is posted, never a backlog.
 */
import { stderrLogger, type Logger } from '../core/log.ts';
import { clip } from '../core/text-safe.ts';
import type { CommandContext } from '../core/command.ts';
import type { PostOptions } from '../core/adapter.ts';
import type { Reply } from '../core/reply.ts';
import type { Where } from '../core/request.ts';
import type { DB } from '../db/open.ts';
import { ensureBank } from './bank.ts';
import { closeExpired, firstPost, startRun } from './play.ts';
import { abandonedSlots, type Claim, claimSlot, finishSlot, setSlotRun, skipAbandoned, skipSlot, slotRun } from './slot-claims.ts';
import { allSchedules, catchUpMinutes, cronFor, SCHEDULE_PLATFORMS, type Schedule } from './schedule.ts';

/** How often the scheduler looks for due slots; a slot stays due at least two ticks (MIN_CATCH_UP_MINUTES). */
export const TICK_MS = 30_000;
/** How long a claim holds: far longer than a post takes, short enough that a dead claimer's slot is still due after it. */
export const LEASE_MS = 60_000;
export { MAX_ATTEMPTS } from './slot-claims.ts';

export type { PostOptions } from '../core/adapter.ts';

/** The key a slot's post carries on every attempt. */
export function slotKey(scheduleId: number, slot: Date): string {
  return `slot:${scheduleId}:${slot.getTime()}`;
}

export interface SchedulerOptions {
  /** The bot's context (or the bot itself, whose `ctx` is used). */
  ctx?: CommandContext;
  bot?: { ctx: CommandContext };
  /** Defaults to the context's database. */
  db?: DB;
  post: (where: Where, reply: Reply, opts?: PostOptions) => Promise<void>;
  now?: () => Date;
  /** Who claims slots (host:pid, shard id…): recorded with each claim. */
  owner: string;
  /** How long a claim holds (LEASE_MS); tests that kill schedulers use a short one. */
  leaseMs?: number;
  logger?: Logger;
}

export interface TickReport {
  posted: { scheduleId: number; slot: Date }[];
  /** Slots whose claimer died, taken over by this tick. */
  takenOver: number;
  /** Slots recorded as skipped by this tick. */
  skipped: number;
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

/** The run times of a schedule in [now − catch-up window, now], not before it was created, oldest first. */
export function dueSlots(s: Schedule, now: Date): Date[] {
  const from = Math.max(s.createdAt, now.getTime() - catchUpMinutes(s.maxLateMinutes) * 60_000);
  const cron = cronFor(s.pattern, s.timezone);
  const out: Date[] = [];
  // croner's nextRun is strictly after its argument; start just before the window.
  let cursor = cron.nextRun(new Date(from - 1000));
  while (cursor && cursor.getTime() <= now.getTime()) {
    if (cursor.getTime() >= from) out.push(cursor);
    cursor = cron.nextRun(cursor);
  }
  return out;
}

/** The latest run time of a schedule in [now − catch-up window, now], not before it was created. */
export function dueSlot(s: Schedule, now: Date): Date | null {
  return dueSlots(s, now).pop() ?? null;
}

export function createScheduler(opts: SchedulerOptions): Scheduler {
  const maybeCtx = opts.ctx ?? opts.bot?.ctx;
  if (!maybeCtx) throw new Error('createScheduler needs ctx or bot');
  const ctx: CommandContext = maybeCtx;
  const db = opts.db ?? ctx.db;
  const now = opts.now ?? (() => new Date());
  const logger = opts.logger ?? stderrLogger();
  const log = (msg: string, err: unknown) => logger.error({ err }, msg);
  const lease = opts.leaseMs ?? LEASE_MS;
  const resultDone = db.prepare('UPDATE quiz_posts SET result_posted_at = ?, result_error = ? WHERE id = ?');
  let timer: ReturnType<typeof setInterval> | null = null;
  let running: Promise<TickReport> | null = null;

  /** 'new' or 'takeover' when this instance now holds the slot; null when another does or it is done. */
  function tryClaim(s: Schedule, slot: Date, at: number): Claim {
    return claimSlot(db, { scheduleId: s.id, slot: slot.getTime(), owner: opts.owner, at, leaseMs: lease });
  }

  /** Slots whose claimer died and that are no longer due are recorded as skipped, with why. */
  function sweep(schedules: Schedule[], t: Date, report: TickReport): void {
    const byId = new Map(schedules.map((s) => [s.id, s]));
    for (const row of abandonedSlots(db, t.getTime())) {
      const s = byId.get(row.id);
      const due = s ? dueSlots(s, t).some((d) => d.getTime() === row.slot) : false;
      if (due) continue;
      report.skipped += skipAbandoned(db, row.id, row.slot, t.getTime(), 'its poster stopped, and the slot is past its lateness window');
    }
  }

  async function runTick(): Promise<TickReport> {
    const report: TickReport = { posted: [], takenOver: 0, skipped: 0, alreadyClaimed: 0, closed: 0, failed: 0 };
    const t = now();
    const schedules = allSchedules(db);
    sweep(schedules, t, report);
    for (const s of schedules) {
      const slots = dueSlots(s, t);
      const slot = slots.pop();
      if (!slot) continue;
      // Only the latest missed slot is posted; the ones before it are recorded as skipped.
      for (const old of slots)
        report.skipped += skipSlot(db, s.id, old.getTime(), opts.owner, t.getTime(), 'a later slot of the schedule was due: no backlog is posted');
      const claimed = tryClaim(s, slot, t.getTime());
      if (!claimed) {
        report.alreadyClaimed++;
        continue;
      }
      if (claimed === 'takeover') report.takenOver++;
      try {
        // A schedule made before the console was refused: nothing can show its post.
        if (!(SCHEDULE_PLATFORMS as readonly string[]).includes(s.where.platform))
          throw new Error(`scheduled posts need Discord or Slack; ${s.where.platform} has no channel to post to`);
        // The run this slot already made (its claimer died before recording the post), or a new one recorded with the claim.
        const prior = slotRun(db, s.id, slot.getTime());
        const reply =
          (prior !== null ? firstPost(ctx, prior) : null) ??
          startRun(ctx, s.where, {
            topic: s.topic,
            count: s.count,
            createdBy: `schedule:${s.id}`,
            now: t.getTime(),
            created: (runId) => setSlotRun(db, s.id, slot.getTime(), runId),
          });
        // No question to ask (nothing approved, topic matches nothing): the channel gets no noise, the slot records why.
        if (reply.kind !== 'answer') throw new Error(`no question posted: ${reply.title}`);
        await opts.post(s.where, reply, { idempotencyKey: slotKey(s.id, slot) });
        finishSlot(db, s.id, slot.getTime(), 'posted', Date.now(), null);
        report.posted.push({ scheduleId: s.id, slot });
      } catch (err) {
        report.failed++;
        finishSlot(db, s.id, slot.getTime(), 'failed', null, clip(String((err as Error)?.message ?? err), 500));
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
