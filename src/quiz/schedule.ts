/**
 * Scheduled quiz posts per channel: parsing and validating `/quiz schedule …` (zod; the cron
 * pattern checked by croner, the timezone by Intl) and storing schedules.
 */
import { Cron } from 'croner';
import { z } from 'zod';
import type { DB } from '../db/open.ts';
import type { Where } from '../core/request.ts';

export const DEFAULT_TZ = 'UTC';
export const DEFAULT_MAX_LATE = 60;
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
    count: z.coerce.number({ message: 'count must be a number from 1 to 10.' }).int('count must be a whole number.').min(1, 'count must be 1 to 10.').max(10, 'count must be 1 to 10.').default(1),
    maxlate: z.coerce.number({ message: 'maxlate must be minutes, 0 to 1440.' }).int().min(0, 'maxlate must be minutes, 0 to 1440.').max(1440, 'maxlate must be minutes, 0 to 1440.').default(DEFAULT_MAX_LATE),
  })
  .transform((s, ctx) => {
    const p = toPattern(s.when);
    if (!p) {
      ctx.addIssue({ code: 'custom', message: 'When? Give a time as HH:MM (09:00) or a five-field cron pattern (minute hour day month weekday), e.g. 0 9 * * 1-5.' });
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
    id: d.id, space: d.space, where: w.data, pattern: d.pattern, label: d.label, timezone: d.timezone, topic: d.topic, count: d.count,
    maxLateMinutes: d.max_late_minutes, createdBy: d.created_by, createdAt: d.created_at,
  };
}

export function addSchedule(db: DB, space: string, where: Where, spec: ScheduleSpec, createdBy: string, now: number): Schedule | { error: string } {
  return db
    .transaction((): Schedule | { error: string } => {
      const n = (db.prepare('SELECT count(*) AS n FROM quiz_schedules WHERE space = ? AND channel = ?').get(space, where.channel) as { n: number }).n;
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

export function listSchedules(db: DB, space: string, channel: string): Schedule[] {
  return (db.prepare('SELECT * FROM quiz_schedules WHERE space = ? AND channel = ? ORDER BY id').all(space, channel) as unknown[])
    .map(toSchedule)
    .filter((s): s is Schedule => s !== null);
}

export function allSchedules(db: DB): Schedule[] {
  return (db.prepare('SELECT * FROM quiz_schedules ORDER BY id').all() as unknown[]).map(toSchedule).filter((s): s is Schedule => s !== null);
}

/** Removes a schedule of this space (any channel); its claimed slots go with it. */
export function removeSchedule(db: DB, space: string, id: number): Schedule | null {
  return db
    .transaction(() => {
      const s = toSchedule(db.prepare('SELECT * FROM quiz_schedules WHERE id = ? AND space = ?').get(id, space));
      if (s) db.prepare('DELETE FROM quiz_schedules WHERE id = ?').run(id);
      return s;
    })
    .immediate();
}

/** The next time a schedule posts, for listings. */
export function nextRunOf(s: Pick<Schedule, 'pattern' | 'timezone'>, after: Date): Date | null {
  return cronFor(s.pattern, s.timezone).nextRun(after);
}
