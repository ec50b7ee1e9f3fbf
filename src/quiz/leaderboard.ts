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

// Streak: answers after the user's latest wrong one (rowid orders answers as they were recorded).
const STANDINGS = `
  SELECT a.user_id AS userId,
         (SELECT user_name FROM quiz_answers n WHERE n.space = a.space AND n.user_id = a.user_id ORDER BY n.rowid DESC LIMIT 1) AS name,
         count(*) AS answered,
         sum(a.correct) AS right,
         sum(a.rowid > coalesce((SELECT max(w.rowid) FROM quiz_answers w
                                 WHERE w.space = a.space AND w.user_id = a.user_id AND w.correct = 0 AND w.practice = 0 AND w.answered_at >= ?), 0)) AS streak
  FROM quiz_answers a
  WHERE a.space = ? AND a.practice = 0 AND a.answered_at >= ?
  GROUP BY a.user_id
  ORDER BY right DESC, answered ASC, userId`;

export function standings(db: DB, space: string, period: Period, now: number): Standing[] {
  const since = periodStart(period, now);
  const rows = db.prepare(STANDINGS).all(since, space, since) as Omit<Standing, 'accuracy' | 'rank'>[];
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
  const rows = db.prepare('SELECT correct FROM quiz_answers WHERE space = ? AND user_id = ? AND practice = 0 ORDER BY rowid').all(space, userId) as { correct: number }[];
  let best = 0;
  let run = 0;
  for (const r of rows) {
    run = r.correct ? run + 1 : 0;
    best = Math.max(best, run);
  }
  return { ...me, bestStreak: best, players: all.length };
}
