/**
 * Slot claims on PostgreSQL: src/quiz/slot-claims.ts in this dialect, statement for statement,
 * each statement atomic on its own as there. No extra lock is needed: the primary key lets one
 * INSERT … ON CONFLICT DO NOTHING win, and a takeover's UPDATE re-checks its WHERE (lease ended,
 * no outcome) on the row it waited for, so of two claimants taking over one slot exactly one does.
 */
import { GAVE_UP, MAX_ATTEMPTS, type Claim, type ClaimArgs } from '../../quiz/slot-claims.ts';
import type { SlotState } from '../types.ts';
import { query, type Pg } from './pool.ts';

const FOREIGN_KEY_VIOLATION = '23503';

export async function claimSlotPg(db: Pg, a: ClaimArgs): Promise<Claim> {
  try {
    const claimed = await query(
      db,
      `INSERT INTO quiz_slots (schedule_id, slot_time, owner, claimed_at, lease_until, attempts)
       SELECT $1::bigint, $2::bigint, $3::text, $4::bigint, $5::bigint, 1 WHERE EXISTS (SELECT 1 FROM quiz_schedules WHERE id = $1::bigint AND removed_at IS NULL)
       ON CONFLICT (schedule_id, slot_time) DO NOTHING`,
      [a.scheduleId, a.slot, a.owner, a.at, a.at + a.leaseMs],
    );
    if (claimed.rowCount === 1) return 'new';
    const taken = await query(
      db,
      `UPDATE quiz_slots SET owner = $1, claimed_at = $2, lease_until = $3, attempts = attempts + 1
       WHERE schedule_id = $4 AND slot_time = $5 AND outcome IS NULL AND coalesce(lease_until, 0) <= $2 AND attempts < $6`,
      [a.owner, a.at, a.at + a.leaseMs, a.scheduleId, a.slot, MAX_ATTEMPTS],
    );
    if (taken.rowCount === 1) return 'takeover';
    await query(
      db,
      `UPDATE quiz_slots SET outcome = 'failed', error = $1, lease_until = NULL
       WHERE schedule_id = $2 AND slot_time = $3 AND outcome IS NULL AND coalesce(lease_until, 0) <= $4 AND attempts >= $5`,
      [GAVE_UP, a.scheduleId, a.slot, a.at, MAX_ATTEMPTS],
    );
    return null;
  } catch (err) {
    // The schedule was removed a moment ago: nothing to post.
    if ((err as { code?: string }).code === FOREIGN_KEY_VIOLATION) return null;
    throw err;
  }
}

export async function finishSlotPg(
  db: Pg,
  scheduleId: number,
  slot: number,
  outcome: 'posted' | 'failed',
  postedAt: number | null,
  error: string | null,
): Promise<void> {
  await query(db, 'UPDATE quiz_slots SET outcome = $1, posted_at = $2, error = $3, lease_until = NULL WHERE schedule_id = $4 AND slot_time = $5', [
    outcome,
    postedAt,
    error,
    scheduleId,
    slot,
  ]);
}

export async function slotStatePg(db: Pg, scheduleId: number, slot: number): Promise<SlotState | null> {
  const r = await query<SlotState>(
    db,
    'SELECT owner, attempts, outcome, lease_until AS "leaseUntil", error FROM quiz_slots WHERE schedule_id = $1 AND slot_time = $2',
    [scheduleId, slot],
  );
  return r.rows[0] ?? null;
}
