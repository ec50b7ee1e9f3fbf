/**
 * Scores per space from recorded answers (practice excluded: review runs, and answers to a
 * question the member had already answered, see answers.ts): score = right answers,
 * accuracy = right / answered, streak = right answers in a row up to the latest one.
 */
import type { DB } from '../db/open.ts';

export const PERIODS = ['week', 'month', 'all'] as const;
export type Period = (typeof PERIODS)[number];

const DAY = 24 * 60 * 60 * 1000;

export function periodStart(period: Period, now: number): number {
  return period === 'week' ? now - 7 * DAY : period === 'month' ? now - 30 * DAY : 0;
}

export interface Standing {
  userId: string;
  name: string;
  answered: number;
  right: number;
  accuracy: number;
  streak: number;
  rank: number;
}

// One pass over the period's answers: per user the count, the right ones and the latest wrong
// one; the streak is the answers after it (rowid orders answers as they were recorded). A
// correlated subquery per answer made this quadratic in a space's answers.
const STANDINGS = `
  WITH a AS MATERIALIZED (
    SELECT rowid AS rid, user_id, correct FROM quiz_answers
    WHERE space = ? AND practice = 0 AND answered_at >= ?
  ),
  u AS (
    SELECT user_id, count(*) AS answered, sum(correct) AS right, coalesce(max(CASE WHEN correct = 0 THEN rid END), 0) AS last_wrong
    FROM a GROUP BY user_id
  ),
  s AS (
    SELECT a.user_id, count(*) AS streak FROM a JOIN u ON u.user_id = a.user_id WHERE a.rid > u.last_wrong GROUP BY a.user_id
  )
  SELECT u.user_id AS userId,
         (SELECT user_name FROM quiz_answers n WHERE n.space = ? AND n.user_id = u.user_id ORDER BY n.rowid DESC LIMIT 1) AS name,
         u.answered, u.right, coalesce(s.streak, 0) AS streak
  FROM u LEFT JOIN s ON s.user_id = u.user_id
  ORDER BY u.right DESC, u.answered ASC, userId`;

/** All time: the running totals, one row per member who has scored an answer. */
const TOTALS = `
  SELECT user_id AS userId, user_name AS name, answered, right, streak FROM quiz_totals
  WHERE space = ? AND answered > 0 ORDER BY right DESC, answered ASC, userId`;

export function standings(db: DB, space: string, period: Period, now: number): Standing[] {
  const since = periodStart(period, now);
  const rows = (period === 'all' ? db.prepare(TOTALS).all(space) : db.prepare(STANDINGS).all(space, since, space)) as Omit<Standing, 'accuracy' | 'rank'>[];
  return rows.map((r, i) => ({ ...r, accuracy: r.answered ? r.right / r.answered : 0, rank: i + 1 }));
}

export interface UserStats extends Standing {
  bestStreak: number;
  players: number;
}

/** All-time stats for one user in one space, or null before their first answer. */
export function userStats(db: DB, space: string, userId: string, now: number): UserStats | null {
  const all = standings(db, space, 'all', now);
  const me = all.find((s) => s.userId === userId);
  if (!me) return null;
  const best =
    (db.prepare('SELECT best_streak FROM quiz_totals WHERE space = ? AND user_id = ?').get(space, userId) as { best_streak: number } | undefined)
      ?.best_streak ?? 0;
  return { ...me, bestStreak: best, players: all.length };
}
