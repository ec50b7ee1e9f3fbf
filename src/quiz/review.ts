/**
 * Spaced repetition of mistakes. A wrong answer puts the question in the user's review pile, due
 * a day later; each right answer once it is due pushes it further out (1 → 3 → 7 → 14 → 30 → 60
 * days); a wrong answer starts it over.
 */
import type { DB } from '../db/open.ts';

export const INTERVAL_DAYS = [1, 3, 7, 14, 30, 60] as const;
export const DAY_MS = 24 * 60 * 60 * 1000;

export function intervalDays(step: number): number {
  return INTERVAL_DAYS[Math.min(step, INTERVAL_DAYS.length - 1)]!;
}

interface ReviewRow {
  step: number;
  due_at: number;
}

/** Updates the user's review pile after an answer. Runs inside the answer's transaction. */
export function applyReview(db: DB, a: { space: string; userId: string; questionId: string; correct: boolean; now: number }): void {
  const row = db.prepare('SELECT step, due_at FROM quiz_reviews WHERE space = ? AND user_id = ? AND question_id = ?').get(a.space, a.userId, a.questionId) as
    | ReviewRow
    | undefined;
  if (!a.correct) {
    db.prepare(
      `INSERT INTO quiz_reviews (space, user_id, question_id, step, due_at, updated_at) VALUES (?, ?, ?, 0, ?, ?)
       ON CONFLICT(space, user_id, question_id) DO UPDATE SET step = 0, due_at = excluded.due_at, updated_at = excluded.updated_at`,
    ).run(a.space, a.userId, a.questionId, a.now + intervalDays(0) * DAY_MS, a.now);
    return;
  }
  // A right answer before the question is due (it came up again in the channel) does not count as a review.
  if (!row || row.due_at > a.now) return;
  const step = row.step + 1;
  db.prepare('UPDATE quiz_reviews SET step = ?, due_at = ?, updated_at = ? WHERE space = ? AND user_id = ? AND question_id = ?').run(
    step,
    a.now + intervalDays(step) * DAY_MS,
    a.now,
    a.space,
    a.userId,
    a.questionId,
  );
}

/** Question ids due for review, most overdue first. */
export function dueReviews(db: DB, space: string, userId: string, now: number, limit = 10): string[] {
  const rows = db
    .prepare('SELECT question_id FROM quiz_reviews WHERE space = ? AND user_id = ? AND due_at <= ? ORDER BY due_at, question_id LIMIT ?')
    .all(space, userId, now, limit) as { question_id: string }[];
  return rows.map((r) => r.question_id);
}

export interface ReviewSummary {
  due: number;
  scheduled: number;
  /** Epoch ms of the next question that is not yet due, if any. */
  nextDue: number | null;
}

export function reviewSummary(db: DB, space: string, userId: string, now: number): ReviewSummary {
  const r = db
    .prepare(
      `SELECT sum(due_at <= ?) AS due, count(*) AS scheduled, min(CASE WHEN due_at > ? THEN due_at END) AS next
       FROM quiz_reviews WHERE space = ? AND user_id = ?`,
    )
    .get(now, now, space, userId) as { due: number | null; scheduled: number; next: number | null };
  return { due: r.due ?? 0, scheduled: r.scheduled, nextDue: r.next };
}
