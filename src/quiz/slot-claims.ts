/**
 * The SQL of a scheduled slot's claim, takeover and outcome, shared by the scheduler and the
 * SQLite state store (src/store/sqlite.ts) so the two cannot drift; the PostgreSQL store mirrors
 * these statements in its own dialect and the store contract tests hold both to the same results.
 * Statements are prepared once per database: the scheduler runs them every tick.
 */
import type { Statement } from 'better-sqlite3';
import type { DB } from '../db/open.ts';

/** Claims of one slot at most (the first and two takeovers): a slot that kills its posters is not tried forever. */
export const MAX_ATTEMPTS = 3;
export const GAVE_UP = `its posters stopped ${MAX_ATTEMPTS} times before recording it`;

/** 'new' or 'takeover' when the caller now holds the slot; null when another does or it is done. */
export type Claim = 'new' | 'takeover' | null;

export interface ClaimArgs {
  scheduleId: number;
  /** The slot's run time, epoch ms. */
  slot: number;
  owner: string;
  at: number;
  leaseMs: number;
}

const SQL = {
  // A schedule removed since the caller read it is not claimed.
  claim: `INSERT OR IGNORE INTO quiz_slots (schedule_id, slot_time, owner, claimed_at, lease_until, attempts)
     SELECT ?, ?, ?, ?, ?, 1 WHERE EXISTS (SELECT 1 FROM quiz_schedules WHERE id = ? AND removed_at IS NULL)`,
  // A slot whose claimer's lease ran out without an outcome: the claimer died.
  takeOver: `UPDATE quiz_slots SET owner = ?, claimed_at = ?, lease_until = ?, attempts = attempts + 1
     WHERE schedule_id = ? AND slot_time = ? AND outcome IS NULL AND coalesce(lease_until, 0) <= ? AND attempts < ?`,
  giveUp: `UPDATE quiz_slots SET outcome = 'failed', error = ?, lease_until = NULL
     WHERE schedule_id = ? AND slot_time = ? AND outcome IS NULL AND coalesce(lease_until, 0) <= ? AND attempts >= ?`,
  skip: `INSERT OR IGNORE INTO quiz_slots (schedule_id, slot_time, owner, claimed_at, outcome, error) VALUES (?, ?, ?, ?, 'skipped', ?)`,
  abandoned: `SELECT schedule_id AS id, slot_time AS slot FROM quiz_slots WHERE outcome IS NULL AND coalesce(lease_until, 0) <= ?`,
  skipAbandoned: `UPDATE quiz_slots SET outcome = 'skipped', error = ?, lease_until = NULL WHERE schedule_id = ? AND slot_time = ? AND outcome IS NULL AND coalesce(lease_until, 0) <= ?`,
  setRun: 'UPDATE quiz_slots SET run_id = ? WHERE schedule_id = ? AND slot_time = ?',
  runOf: 'SELECT run_id FROM quiz_slots WHERE schedule_id = ? AND slot_time = ?',
  done: 'UPDATE quiz_slots SET outcome = ?, posted_at = ?, error = ?, lease_until = NULL WHERE schedule_id = ? AND slot_time = ?',
} as const;

const prepared = new WeakMap<DB, Record<keyof typeof SQL, Statement>>();

function statements(db: DB): Record<keyof typeof SQL, Statement> {
  let s = prepared.get(db);
  if (!s) {
    s = Object.fromEntries(Object.entries(SQL).map(([k, sql]) => [k, db.prepare(sql)])) as Record<keyof typeof SQL, Statement>;
    prepared.set(db, s);
  }
  return s;
}

/** Claims a slot, or takes it over when its holder's lease ran out; a slot claimed MAX_ATTEMPTS times is given up. */
export function claimSlot(db: DB, a: ClaimArgs): Claim {
  const s = statements(db);
  try {
    if (s.claim.run(a.scheduleId, a.slot, a.owner, a.at, a.at + a.leaseMs, a.scheduleId).changes === 1) return 'new';
    if (s.takeOver.run(a.owner, a.at, a.at + a.leaseMs, a.scheduleId, a.slot, a.at, MAX_ATTEMPTS).changes === 1) return 'takeover';
    s.giveUp.run(GAVE_UP, a.scheduleId, a.slot, a.at, MAX_ATTEMPTS);
    return null;
  } catch (err) {
    // The schedule was removed a moment ago (foreign key): nothing to post.
    if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return null;
    throw err;
  }
}

/** Records a slot nobody will post as skipped, with why; 1 when it was recorded, 0 when the slot had a row already. */
export function skipSlot(db: DB, scheduleId: number, slot: number, owner: string, at: number, why: string): number {
  return statements(db).skip.run(scheduleId, slot, owner, at, why).changes;
}

/** Slots whose claimer's lease ran out without an outcome. */
export function abandonedSlots(db: DB, at: number): { id: number; slot: number }[] {
  return statements(db).abandoned.all(at) as { id: number; slot: number }[];
}

export function skipAbandoned(db: DB, scheduleId: number, slot: number, at: number, why: string): number {
  return statements(db).skipAbandoned.run(why, scheduleId, slot, at).changes;
}

export function setSlotRun(db: DB, scheduleId: number, slot: number, runId: number): void {
  statements(db).setRun.run(runId, scheduleId, slot);
}

/** The run a slot's claimer made for it, if any. */
export function slotRun(db: DB, scheduleId: number, slot: number): number | null {
  return (statements(db).runOf.pluck().get(scheduleId, slot) as number | null | undefined) ?? null;
}

export function finishSlot(db: DB, scheduleId: number, slot: number, outcome: 'posted' | 'failed', postedAt: number | null, error: string | null): void {
  statements(db).done.run(outcome, postedAt, error, scheduleId, slot);
}
