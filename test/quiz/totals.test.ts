/**
 * Running totals (quiz_totals) agree with the answers they summarise, both when kept answer by
 * answer and when backfilled by the migration from answers recorded before it.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { migrate, openDb } from '../../src/db/open.ts';
import { recordAnswer } from '../../src/quiz/answers.ts';
import { standings, userStats } from '../../src/quiz/leaderboard.ts';
import type { Post } from '../../src/quiz/posts.ts';

type Click = { user: number; post: number; right: boolean; practice: boolean };

/** What the standings must be, computed the slow, obvious way from the clicks. */
function expected(clicks: Click[]) {
  const seen = new Set<string>();
  const per = new Map<string, { answered: number; right: number; streak: number; best: number }>();
  const answered = new Set<string>();
  for (const c of clicks) {
    const key = `${c.user}/${c.post}`;
    if (seen.has(key)) continue; // a second click on the same post changes nothing
    seen.add(key);
    const u = `u${c.user}`;
    // A question already answered in a scored post is practice the second time (q = post % 3).
    const repeat = answered.has(`${u}/q${c.post % 3}`);
    if (c.practice || repeat) continue;
    answered.add(`${u}/q${c.post % 3}`);
    const t = per.get(u) ?? { answered: 0, right: 0, streak: 0, best: 0 };
    t.answered++;
    t.right += c.right ? 1 : 0;
    t.streak = c.right ? t.streak + 1 : 0;
    t.best = Math.max(t.best, t.streak);
    per.set(u, t);
  }
  return per;
}

function play(clicks: Click[]) {
  const db = openDb(':memory:');
  db.pragma('foreign_keys = OFF');
  clicks.forEach((c, i) => {
    const post = {
      id: c.post + 1,
      space: 's',
      questionId: `q${c.post % 3}`,
      forUser: c.practice ? `u${c.user}` : null,
      body: { answer: 0 },
    } as unknown as Post;
    recordAnswer(db, { post, userId: `u${c.user}`, userName: `U${c.user}`, choice: c.right ? 0 : 1, now: i });
  });
  return db;
}

const clicks = fc.array(
  fc.record({ user: fc.integer({ min: 0, max: 3 }), post: fc.integer({ min: 0, max: 8 }), right: fc.boolean(), practice: fc.boolean() }),
  { maxLength: 60 },
);

describe('running totals', () => {
  it('GIVEN any sequence of clicks THEN the all-time standings and best streaks equal those computed from the answers', () => {
    fc.assert(
      fc.property(clicks, (cs) => {
        const db = play(cs);
        const want = expected(cs);
        const got = standings(db, 's', 'all', 1e12);
        expect(new Map(got.map((s) => [s.userId, { answered: s.answered, right: s.right, streak: s.streak }]))).toEqual(
          new Map([...want].filter(([, t]) => t.answered > 0).map(([u, t]) => [u, { answered: t.answered, right: t.right, streak: t.streak }])),
        );
        for (const [u, t] of want) expect(userStats(db, 's', u, 1e12)?.bestStreak).toBe(t.best);
        // The same figures as the period query over all time.
        expect(standings(db, 's', 'week', 7 * 86400000).map((s) => [s.userId, s.right, s.streak])).toEqual(got.map((s) => [s.userId, s.right, s.streak]));
      }),
      { numRuns: 150 },
    );
  });

  it('GIVEN answers recorded before the totals existed THEN the migration backfills the same totals', () => {
    fc.assert(
      fc.property(clicks, (cs) => {
        const db = play(cs);
        const before = standings(db, 's', 'all', 1e12).map((s) => ({ ...s }));
        const best = before.map((s) => userStats(db, 's', s.userId, 1e12)!.bestStreak);
        // Back to version 7: no totals table; migrating again must rebuild it from the answers.
        db.exec('DROP TABLE quiz_totals; DROP INDEX quiz_answers_standings;');
        // …and without what later migrations added (slot leases, 010), which migrating again adds back.
        db.exec(
          'DROP INDEX quiz_slots_open; ALTER TABLE quiz_slots DROP COLUMN lease_until; ALTER TABLE quiz_slots DROP COLUMN attempts; ALTER TABLE quiz_slots DROP COLUMN outcome; ALTER TABLE quiz_slots DROP COLUMN run_id;',
        );
        db.pragma('user_version = 7');
        migrate(db);
        expect(standings(db, 's', 'all', 1e12)).toEqual(before);
        expect(before.map((s) => userStats(db, 's', s.userId, 1e12)!.bestStreak)).toEqual(best);
      }),
      { numRuns: 100 },
    );
  });
});
