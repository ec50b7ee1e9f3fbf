/** Reports from the "Report" button, numbered per space so no space sees another's count. */
import { z } from 'zod';
import type { DB } from '../db/open.ts';
import { stmt } from './sql.ts';
import { ActorSchema } from './actor.ts';
import { StoredCitationSchema } from '../core/shown.ts';

export const MAX_REASON = 300;

export const ReportStatusSchema = z.enum(['open', 'curated', 'hidden', 'dismissed']);
export type ReportStatus = z.infer<typeof ReportStatusSchema>;

/** The part of a report that moderators change: resolving it, or reopening it by /undo. */
export const ReportStateSchema = z.object({
  status: ReportStatusSchema,
  resolvedBy: ActorSchema.nullable(),
  resolvedAt: z.number().int().nullable(),
});
export type ReportState = z.infer<typeof ReportStateSchema>;

export const ReportSchema = ReportStateSchema.extend({
  seq: z.number().int().positive(),
  command: z.string().max(32),
  args: z.string().max(500),
  key: z.string().max(600),
  reason: z.string().max(MAX_REASON).nullable(),
  replyTitle: z.string().max(1000),
  citations: z.array(StoredCitationSchema).max(50),
  reporter: ActorSchema,
  channel: z.string().max(200),
  at: z.number().int(),
});
export type Report = z.infer<typeof ReportSchema>;
export type NewReport = Omit<Report, 'seq' | keyof ReportState>;
/** What is written is checked by the schema that reads it back, so a stored report can always be read. */
const NewReportSchema = ReportSchema.omit({ seq: true, status: true, resolvedBy: true, resolvedAt: true });

interface Row {
  seq: number;
  command: string;
  args: string;
  key: string;
  reason: string | null;
  reply_title: string;
  citations_json: string;
  reporter_id: string;
  reporter_name: string;
  channel: string;
  at: number;
  status: string;
  resolved_by_id: string | null;
  resolved_by_name: string | null;
  resolved_at: number | null;
}

function toReport(r: Row): Report {
  return ReportSchema.parse({
    seq: r.seq,
    command: r.command,
    args: r.args,
    key: r.key,
    reason: r.reason,
    replyTitle: r.reply_title,
    citations: JSON.parse(r.citations_json) as unknown,
    reporter: { id: r.reporter_id, name: r.reporter_name },
    channel: r.channel,
    at: r.at,
    status: r.status,
    resolvedBy: r.resolved_by_id !== null && r.resolved_by_name !== null ? { id: r.resolved_by_id, name: r.resolved_by_name } : null,
    resolvedAt: r.resolved_at,
  });
}

/** Call inside a transaction: the next number is read and taken in one step. */
export function insertReport(db: DB, space: string, report: NewReport): number {
  const r = NewReportSchema.parse(report);
  const { next } = stmt(db, 'SELECT COALESCE(MAX(seq), 0) + 1 AS next FROM reports WHERE space = ?').get(space) as { next: number };
  stmt(
    db,
    `INSERT INTO reports (space, seq, command, args, key, reason, reply_title, citations_json, reporter_id, reporter_name, channel, at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(space, next, r.command, r.args, r.key, r.reason, r.replyTitle, JSON.stringify(r.citations), r.reporter.id, r.reporter.name, r.channel, r.at);
  return next;
}

export function getReport(db: DB, space: string, seq: number): Report | null {
  const row = stmt(db, 'SELECT * FROM reports WHERE space = ? AND seq = ?').get(space, seq) as Row | undefined;
  return row ? safeReport(row) : null;
}

export function openReports(db: DB, space: string): Report[] {
  return readable(stmt(db, "SELECT * FROM reports WHERE space = ? AND status = 'open' ORDER BY seq").all(space) as Row[]);
}

/**
 * Rows that pass the schema; a row that does not (written by an older version, or damaged) is
 * skipped and logged once, so one bad report never breaks a space's whole queue.
 */
function readable(rows: Row[]): Report[] {
  const out: Report[] = [];
  for (const row of rows) {
    const parsed = safeReport(row);
    if (parsed) out.push(parsed);
  }
  return out;
}

const warned = new Set<string>();

function safeReport(row: Row): Report | null {
  try {
    return toReport(row);
  } catch (err) {
    const key = `${row.seq}:${row.at}`;
    if (!warned.has(key)) {
      warned.add(key);
      process.emitWarning(`sourcebook: skipped unreadable report #${row.seq}: ${String((err as Error).message).slice(0, 200)}`);
    }
    return null;
  }
}

/** Open reports about one command + normalized arguments: curating it resolves them. */
export function openReportsFor(db: DB, space: string, command: string, key: string): Report[] {
  return readable(
    stmt(db, "SELECT * FROM reports WHERE space = ? AND command = ? AND key = ? AND status = 'open' ORDER BY seq").all(space, command, key) as Row[],
  );
}

export function countOpenBy(db: DB, space: string, reporterId: string): number {
  return (stmt(db, "SELECT count(*) AS n FROM reports WHERE space = ? AND reporter_id = ? AND status = 'open'").get(space, reporterId) as { n: number }).n;
}

export function getReportState(db: DB, space: string, seq: number): ReportState | null {
  const r = getReport(db, space, seq);
  return r ? { status: r.status, resolvedBy: r.resolvedBy, resolvedAt: r.resolvedAt } : null;
}

/** Reports are created by /report, never by a moderator change, so a change can only set their state. */
export function putReportState(db: DB, space: string, seq: number, state: ReportState | null): void {
  if (!state) throw new Error(`report #${seq} cannot be deleted by a moderation change`);
  const info = stmt(db, 'UPDATE reports SET status = ?, resolved_by_id = ?, resolved_by_name = ?, resolved_at = ? WHERE space = ? AND seq = ?').run(
    state.status,
    state.resolvedBy?.id ?? null,
    state.resolvedBy?.name ?? null,
    state.resolvedAt,
    space,
    seq,
  );
  if (info.changes !== 1) throw new Error(`report #${seq} does not exist in this space`);
}
