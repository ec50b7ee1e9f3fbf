/**
 * Recording an answer exactly once per user and post. The UNIQUE (post_id, user_id) key with
 * INSERT OR IGNORE makes double clicks, retried interactions and two bot processes handling the
 * same click count once; the review pile changes only for the insert that won, in the same
 * transaction (IMMEDIATE, so concurrent writers queue on SQLite's lock instead of failing).
 *
 * A question scores once per member: an answer to a question the member already answered in a
 * scored post (it was posted again) is recorded as practice, so re-posts cannot pad a score.
 */
import { clip } from '../core/text-safe.ts';
import type { DB } from '../db/open.ts';
import type { Post } from './posts.ts';
import { applyReview } from './review.ts';
import { isOneOff } from './types.ts';

export interface Recorded {
  /** False when this user had already answered this post: nothing changed. */
  inserted: boolean;
  choice: number;
  correct: boolean;
  /** Whether the answer counts on the leaderboard (not review practice, not a repeat). */
  scored: boolean;
}

export function recordAnswer(db: DB, a: { post: Post; userId: string; userName: string; choice: number; now: number }): Recorded {
  return db
    .transaction((): Recorded => {
      const correct = a.choice === a.post.body.answer;
      const repeat =
        !a.post.forUser &&
        db
          .prepare('SELECT 1 FROM quiz_answers WHERE space = ? AND user_id = ? AND question_id = ? AND practice = 0 AND post_id <> ? LIMIT 1')
          .get(a.post.space, a.userId, a.post.questionId, a.post.id) !== undefined;
      const practice = a.post.forUser !== null || repeat;
      const info = db
        .prepare(
          `INSERT OR IGNORE INTO quiz_answers (post_id, user_id, user_name, space, question_id, choice, correct, practice, answered_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(a.post.id, a.userId, clip(a.userName, 100), a.post.space, a.post.questionId, a.choice, correct ? 1 : 0, practice ? 1 : 0, a.now);
      if (info.changes === 1) {
        // A question made for one run is in no bank a review could serve it from again.
        if (!isOneOff(a.post.questionId)) applyReview(db, { space: a.post.space, userId: a.userId, questionId: a.post.questionId, correct, now: a.now });
        addToTotals(db, a.post.space, a.userId, clip(a.userName, 100), practice ? null : correct);
        return { inserted: true, choice: a.choice, correct, scored: !practice };
      }
      const prior = db.prepare('SELECT choice, correct, practice FROM quiz_answers WHERE post_id = ? AND user_id = ?').get(a.post.id, a.userId) as {
        choice: number;
        correct: number;
        practice: number;
      };
      return { inserted: false, choice: prior.choice, correct: prior.correct === 1, scored: prior.practice === 0 };
    })
    .immediate();
}

/**
 * The member's running totals, in the answer's transaction: a scored answer counts and moves the
 * streak; any answer (practice too) brings the name up to date, as the leaderboard shows the latest.
 */
function addToTotals(db: DB, space: string, userId: string, name: string, correct: boolean | null): void {
  const right = correct ? 1 : 0;
  const scored = correct === null ? 0 : 1;
  db.prepare(
    `INSERT INTO quiz_totals (space, user_id, user_name, answered, right, streak, best_streak) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (space, user_id) DO UPDATE SET
       user_name = excluded.user_name,
       answered = answered + excluded.answered,
       right = right + excluded.right,
       streak = CASE WHEN ? = 0 THEN streak WHEN excluded.right = 1 THEN streak + 1 ELSE 0 END,
       best_streak = max(best_streak, CASE WHEN ? = 0 THEN streak WHEN excluded.right = 1 THEN streak + 1 ELSE 0 END)`,
  ).run(space, userId, name, scored, right, right, right, scored, scored);
}
