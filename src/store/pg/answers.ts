/**
 * Recording an answer on PostgreSQL: src/quiz/answers.ts and src/quiz/review.ts statement for
 * statement, in one transaction. SQLite runs one writer at a time; here a transaction-scoped
 * advisory lock on (space, user, question) gives the same order to what must not interleave: the
 * "already scored elsewhere?" check and the insert of one member's answers to one question. The
 * partial unique index quiz_answers_one_scored is the database's own last word on it.
 */
import { clip } from '../../core/text-safe.ts';
import type { Recorded } from '../../quiz/answers.ts';
import { DAY_MS, intervalDays } from '../../quiz/review.ts';
import { isOneOff } from '../../quiz/types.ts';
import type { AnswerArgs } from '../types.ts';
import type { Client } from './pool.ts';

export async function recordAnswerPg(c: Client, a: AnswerArgs): Promise<Recorded> {
  const { post } = a;
  await c.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [JSON.stringify(['answer', post.space, a.userId, post.questionId])]);
  const correct = a.choice === post.body.answer;
  const repeat =
    !post.forUser &&
    (
      await c.query('SELECT 1 FROM quiz_answers WHERE space = $1 AND user_id = $2 AND question_id = $3 AND practice = 0 AND post_id <> $4 LIMIT 1', [
        post.space,
        a.userId,
        post.questionId,
        post.id,
      ])
    ).rowCount !== 0;
  const practice = post.forUser !== null || repeat;
  const name = clip(a.userName, 100);
  const info = await c.query(
    `INSERT INTO quiz_answers (post_id, user_id, user_name, space, question_id, choice, correct, practice, answered_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (post_id, user_id) DO NOTHING`,
    [post.id, a.userId, name, post.space, post.questionId, a.choice, correct ? 1 : 0, practice ? 1 : 0, a.now],
  );
  if (info.rowCount === 1) {
    // A question made for one run is in no bank a review could serve it from again.
    if (!isOneOff(post.questionId)) await applyReviewPg(c, { space: post.space, userId: a.userId, questionId: post.questionId, correct, now: a.now });
    await addToTotalsPg(c, post.space, a.userId, name, practice ? null : correct);
    return { inserted: true, choice: a.choice, correct, scored: !practice };
  }
  const prior = (await c.query('SELECT choice, correct, practice FROM quiz_answers WHERE post_id = $1 AND user_id = $2', [post.id, a.userId])).rows[0] as {
    choice: number;
    correct: number;
    practice: number;
  };
  return { inserted: false, choice: prior.choice, correct: prior.correct === 1, scored: prior.practice === 0 };
}

/** addToTotals of answers.ts: a scored answer counts and moves the streak; any answer brings the name up to date. */
async function addToTotalsPg(c: Client, space: string, userId: string, name: string, correct: boolean | null): Promise<void> {
  const right = correct ? 1 : 0;
  const scored = correct === null ? 0 : 1;
  await c.query(
    `INSERT INTO quiz_totals (space, user_id, user_name, answered, "right", streak, best_streak) VALUES ($1, $2, $3, $4, $5, $5, $5)
     ON CONFLICT (space, user_id) DO UPDATE SET
       user_name = excluded.user_name,
       answered = quiz_totals.answered + excluded.answered,
       "right" = quiz_totals."right" + excluded."right",
       streak = CASE WHEN $4 = 0 THEN quiz_totals.streak WHEN excluded."right" = 1 THEN quiz_totals.streak + 1 ELSE 0 END,
       best_streak = greatest(quiz_totals.best_streak, CASE WHEN $4 = 0 THEN quiz_totals.streak WHEN excluded."right" = 1 THEN quiz_totals.streak + 1 ELSE 0 END)`,
    [space, userId, name, scored, right],
  );
}

/** applyReview of review.ts. */
async function applyReviewPg(c: Client, a: { space: string; userId: string; questionId: string; correct: boolean; now: number }): Promise<void> {
  if (!a.correct) {
    await c.query(
      `INSERT INTO quiz_reviews (space, user_id, question_id, step, due_at, updated_at) VALUES ($1, $2, $3, 0, $4, $5)
       ON CONFLICT (space, user_id, question_id) DO UPDATE SET step = 0, due_at = excluded.due_at, updated_at = excluded.updated_at`,
      [a.space, a.userId, a.questionId, a.now + intervalDays(0) * DAY_MS, a.now],
    );
    return;
  }
  const row = (await c.query('SELECT step, due_at FROM quiz_reviews WHERE space = $1 AND user_id = $2 AND question_id = $3', [a.space, a.userId, a.questionId]))
    .rows[0] as { step: number; due_at: number } | undefined;
  // A right answer before the question is due (it came up again in the channel) does not count as a review.
  if (!row || row.due_at > a.now) return;
  const step = row.step + 1;
  await c.query('UPDATE quiz_reviews SET step = $1, due_at = $2, updated_at = $3 WHERE space = $4 AND user_id = $5 AND question_id = $6', [
    step,
    a.now + intervalDays(step) * DAY_MS,
    a.now,
    a.space,
    a.userId,
    a.questionId,
  ]);
}
