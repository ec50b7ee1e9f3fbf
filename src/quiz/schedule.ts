/**
 * Scheduled quiz posts per channel: parsing and validating `/quiz schedule …` (zod; the cron
 * pattern checked by croner, the timezone by Intl) and storing schedules. A removed schedule is
 * kept with `removed_at` set, so /undo can restore it with its id and its claimed slots.
 */
import { Cron } from 'croner';
import { z } from 'zod';
import type { DB } from '../db/open.ts';
import type { Where } from '../core/request.ts';

export const DEFAULT_TZ = 'UTC';
export const DEFAULT_MAX_LATE = 60;
/**
 * However small a schedule's max lateness, a slot stays due this long: the scheduler ticks every
 * 30 seconds and a tick can run late, so a shorter window (0 minutes) would almost never contain
 * a tick and the schedule would never post. At least twice the tick interval.
 */
export const MIN_CATCH_UP_MINUTES = 2;

/** How long after its time a slot is still posted. */
export function catchUpMinutes(maxLateMinutes: number): number {
  return Math.max(maxLateMinutes, MIN_CATCH_UP_MINUTES);
}

/** Platforms a scheduled post can reach: the console has no channel to post to. */
export const SCHEDULE_PLATFORMS = ['discord', 'slack'] as const;
export const MAX_SCHEDULES_PER_CHANNEL = 10;
const HOUR = 60 * 60 * 1000;

export function validTimezone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** A croner job that never runs by itself: used only to compute run times. */
export function cronFor(pattern: string, timezone: string): Cron {
  return new Cron(pattern, { timezone, paused: true });
}

/** "09:00" → "0 9 * * *"; a five-field cron pattern is kept as it is. */
function toPattern(when: string): { pattern: string; label: string } | null {
  const hm = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(when);
  if (hm) return { pattern: `${Number(hm[2])} ${Number(hm[1])} * * *`, label: `daily at ${hm[1]!.padStart(2, '0')}:${hm[2]}` };
  if (when.split(' ').length !== 5) return null;
  return { pattern: when, label: `cron “${when}”` };
}

export const ScheduleSpecSchema = z
  .object({
    when: z.string().min(1, 'When? Give a time (09:00) or a cron pattern (0 9 * * 1-5).').max(100),
    tz: z.string().max(64).default(DEFAULT_TZ).refine(validTimezone, { message: 'Unknown timezone: use an IANA name such as Europe/Prague or UTC.' }),
    topic: z.string().trim().min(1).max(100).nullable().default(null),
    count: z.coerce
      .number({ message: 'count must be a number from 1 to 10.' })
      .int('count must be a whole number.')
      .min(1, 'count must be 1 to 10.')
      .max(10, 'count must be 1 to 10.')
      .default(1),
    maxlate: z.coerce
      .number({ message: 'maxlate must be minutes, 0 to 1440.' })
      .int()
      .min(0, 'maxlate must be minutes, 0 to 1440.')
      .max(1440, 'maxlate must be minutes, 0 to 1440.')
      .default(DEFAULT_MAX_LATE),
  })
  .transform((s, ctx) => {
    const p = toPattern(s.when);
    if (!p) {
      ctx.addIssue({
        code: 'custom',
        message: 'When? Give a time as HH:MM (09:00) or a five-field cron pattern (minute hour day month weekday), e.g. 0 9 * * 1-5.',
      });
      return z.NEVER;
    }
    let runs: Date[];
    try {
      runs = cronFor(p.pattern, s.tz).nextRuns(25, new Date(Date.UTC(2030, 0, 1)));
    } catch (e) {
      ctx.addIssue({ code: 'custom', message: `That cron pattern is not valid: ${(e as Error).message.replace(/^CronPattern:\s*/, '')}` });
      return z.NEVER;
    }
    if (!runs.length) {
      ctx.addIssue({ code: 'custom', message: 'That cron pattern never runs.' });
      return z.NEVER;
    }
    // A quiz channel is not a ticker: at most one post an hour.
    if (runs.some((r, i) => i > 0 && r.getTime() - runs[i - 1]!.getTime() < HOUR)) {
      ctx.addIssue({ code: 'custom', message: 'Scheduled quizzes can post at most once an hour.' });
      return z.NEVER;
    }
    return { pattern: p.pattern, label: p.label, timezone: s.tz, topic: s.topic, count: s.count, maxLateMinutes: s.maxlate };
  });
export type ScheduleSpec = z.output<typeof ScheduleSpecSchema>;

const KEYS = ['tz', 'topic', 'count', 'maxlate'] as const;

/** "09:00 tz=Europe/Prague topic=Great Terror count=3" → the raw fields for ScheduleSpecSchema. */
export function splitScheduleArgs(text: string): Record<string, string> | { error: string } {
  const out: Record<string, string> = {};
  const when: string[] = [];
  let key: string | null = null;
  for (const token of text.split(' ').filter(Boolean)) {
    const kv = /^(\w+)=(.*)$/.exec(token);
    if (kv) {
      const k = kv[1]!.toLowerCase();
      if (!(KEYS as readonly string[]).includes(k)) return { error: `Unknown option “${kv[1]}”: use ${KEYS.map((x) => `${x}=`).join(', ')}.` };
      if (k in out) return { error: `${k}= is given twice.` };
      key = k;
      out[k] = kv[2]!;
    } else if (key === 'topic') {
      out.topic = `${out.topic} ${token}`.trim();
    } else if (key) {
      return { error: `Only topic= can hold several words; “${token}” after ${key}= is not understood.` };
    } else {
      when.push(token);
    }
  }
  out.when = when.join(' ');
  return out;
}

export interface Schedule extends ScheduleSpec {
  id: number;
  space: string;
  where: Where;
  createdBy: string;
  createdAt: number;
}

const WhereSchema = z.object({ platform: z.enum(['discord', 'slack', 'console']), space: z.string(), channel: z.string() });

/** A schedule as the audit log holds it (its id is the target); read back through this schema. */
export const ScheduleStateSchema = z.object({
  where: WhereSchema,
  pattern: z.string().min(1).max(100),
  label: z.string().max(200),
  timezone: z.string().max(64).refine(validTimezone),
  topic: z.string().max(100).nullable(),
  count: z.number().int().min(1).max(10),
  maxLateMinutes: z.number().int().min(0).max(1440),
  createdBy: z.string().max(100),
  createdAt: z.number().int(),
});
export type ScheduleState = z.infer<typeof ScheduleStateSchema>;
const ScheduleRow = z.object({
  id: z.number(),
  space: z.string(),
  where_json: z.string(),
  pattern: z.string(),
  label: z.string(),
  timezone: z.string(),
  topic: z.string().nullable(),
  count: z.number().int(),
  max_late_minutes: z.number().int(),
  created_by: z.string(),
  created_at: z.number(),
});

function toSchedule(raw: unknown): Schedule | null {
  const r = ScheduleRow.safeParse(raw);
  if (!r.success) return null;
  let where: unknown;
  try {
    where = JSON.parse(r.data.where_json);
  } catch {
    return null;
  }
  const w = WhereSchema.safeParse(where);
  if (!w.success) return null;
  const d = r.data;
  return {
    id: d.id,
    space: d.space,
    where: w.data,
    pattern: d.pattern,
    label: d.label,
    timezone: d.timezone,
    topic: d.topic,
    count: d.count,
    maxLateMinutes: d.max_late_minutes,
    createdBy: d.created_by,
    createdAt: d.created_at,
  };
}

export function addSchedule(db: DB, space: string, where: Where, spec: ScheduleSpec, createdBy: string, now: number): Schedule | { error: string } {
  return db
    .transaction((): Schedule | { error: string } => {
      const n = activeInChannel(db, space, where.channel);
      if (n >= MAX_SCHEDULES_PER_CHANNEL) return { error: `This channel already has ${n} schedules; remove one first (/quiz schedule list).` };
      const info = db
        .prepare(
          `INSERT INTO quiz_schedules (space, channel, where_json, pattern, label, timezone, topic, count, max_late_minutes, created_by, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(space, where.channel, JSON.stringify(where), spec.pattern, spec.label, spec.timezone, spec.topic, spec.count, spec.maxLateMinutes, createdBy, now);
      return { ...spec, id: Number(info.lastInsertRowid), space, where, createdBy, createdAt: now };
    })
    .immediate();
}

function activeInChannel(db: DB, space: string, channel: string): number {
  return (db.prepare('SELECT count(*) AS n FROM quiz_schedules WHERE space = ? AND channel = ? AND removed_at IS NULL').get(space, channel) as { n: number }).n;
}

export function listSchedules(db: DB, space: string, channel: string): Schedule[] {
  return (db.prepare('SELECT * FROM quiz_schedules WHERE space = ? AND channel = ? AND removed_at IS NULL ORDER BY id').all(space, channel) as unknown[])
    .map(toSchedule)
    .filter((s): s is Schedule => s !== null);
}

export function allSchedules(db: DB): Schedule[] {
  return (db.prepare('SELECT * FROM quiz_schedules WHERE removed_at IS NULL ORDER BY id').all() as unknown[])
    .map(toSchedule)
    .filter((s): s is Schedule => s !== null);
}

/** A schedule of this space (any channel) that has not been removed. */
export function getSchedule(db: DB, space: string, id: number): Schedule | null {
  return toSchedule(db.prepare('SELECT * FROM quiz_schedules WHERE id = ? AND space = ? AND removed_at IS NULL').get(id, space));
}

/** Removes a schedule of this space (any channel); its claimed slots stay, so an undo cannot post one twice. */
export function removeSchedule(db: DB, space: string, id: number, now: number): Schedule | null {
  return db
    .transaction(() => {
      const s = getSchedule(db, space, id);
      if (s) db.prepare('UPDATE quiz_schedules SET removed_at = ? WHERE id = ?').run(now, id);
      return s;
    })
    .immediate();
}

export function scheduleState(s: Schedule): ScheduleState {
  const { where, pattern, label, timezone, topic, count, maxLateMinutes, createdBy, createdAt } = s;
  return { where, pattern, label, timezone, topic, count, maxLateMinutes, createdBy, createdAt };
}

/**
 * Sets schedule `id` of this space to `state` (null removes it): what /undo calls. A removed
 * schedule comes back under its own id; an error says why it cannot (the channel is full).
 */
export function putScheduleState(db: DB, space: string, id: number, state: ScheduleState | null, now: number): { error: string } | null {
  if (!state) {
    removeSchedule(db, space, id, now);
    return null;
  }
  const row = db.prepare('SELECT space, removed_at FROM quiz_schedules WHERE id = ?').get(id) as { space: string; removed_at: number | null } | undefined;
  if (row && row.space !== space) return { error: `Schedule #${id} belongs to another group.` };
  if ((!row || row.removed_at !== null) && activeInChannel(db, space, state.where.channel) >= MAX_SCHEDULES_PER_CHANNEL) {
    return { error: `That channel already has ${MAX_SCHEDULES_PER_CHANNEL} schedules; remove one first.` };
  }
  const values = [
    state.where.channel,
    JSON.stringify(state.where),
    state.pattern,
    state.label,
    state.timezone,
    state.topic,
    state.count,
    state.maxLateMinutes,
    state.createdBy,
    state.createdAt,
  ];
  if (row) {
    db.prepare(
      `UPDATE quiz_schedules SET channel = ?, where_json = ?, pattern = ?, label = ?, timezone = ?, topic = ?, count = ?, max_late_minutes = ?, created_by = ?, created_at = ?, removed_at = NULL
       WHERE id = ?`,
    ).run(...values, id);
  } else {
    db.prepare(
      `INSERT INTO quiz_schedules (id, space, channel, where_json, pattern, label, timezone, topic, count, max_late_minutes, created_by, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(id, space, ...values);
  }
  return null;
}

/** The next time a schedule posts, for listings. */
export function nextRunOf(s: Pick<Schedule, 'pattern' | 'timezone'>, after: Date): Date | null {
  return cronFor(s.pattern, s.timezone).nextRun(after);
}
