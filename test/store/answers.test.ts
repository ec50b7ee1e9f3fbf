/**
 * Store contract: one answer per user and post, one scoring answer per user and question, with
 * the review pile and the running totals changed in the answer's transaction — on SQLite and on
 * PostgreSQL, including many simultaneous answers through two separate stores.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY_MS } from '../../src/quiz/review.ts';
import type { StateStore } from '../../src/store/types.ts';
import { backends } from './backends.ts';
import { newPost, SPACE, T0 } from './fixtures.ts';

describe.each(backends('answers'))('$name store: answers', (b) => {
  let a: StateStore;
  let other: StateStore;

  beforeAll(async () => {
    await b.setup();
    a = await b.open();
    other = await b.open();
  });
  afterAll(() => b.teardown());

  it('GIVEN a wrong then a repeated answer THEN the first counts once, the review pile holds the question, the second changes nothing', async () => {
    const post = await a.openPost(newPost('q-basic'));
    const first = await a.recordAnswer({ post, userId: 'u1', userName: 'Ann', choice: 2, now: T0 + 1000 });
    expect(first).toEqual({ inserted: true, choice: 2, correct: false, scored: true });
    const again = await other.recordAnswer({ post, userId: 'u1', userName: 'Ann', choice: 0, now: T0 + 2000 });
    expect(again).toEqual({ inserted: false, choice: 2, correct: false, scored: true });
    expect(await a.totals(SPACE, 'u1')).toEqual({ name: 'Ann', answered: 1, right: 0, streak: 0, bestStreak: 0 });
    expect(await other.review(SPACE, 'u1', 'q-basic')).toEqual({ step: 0, dueAt: T0 + 1000 + DAY_MS });
  });

  it('GIVEN the same question posted again THEN the second answer is practice: it does not score, but a due review still advances', async () => {
    const p1 = await a.openPost(newPost('q-repost'));
    const p2 = await other.openPost(newPost('q-repost', { now: T0 + 2 * DAY_MS }));
    await a.recordAnswer({ post: p1, userId: 'u2', userName: 'Bo', choice: 1, now: T0 });
    const later = await other.recordAnswer({ post: p2, userId: 'u2', userName: 'Bo (renamed)', choice: 0, now: T0 + 2 * DAY_MS });
    expect(later).toEqual({ inserted: true, choice: 0, correct: true, scored: false });
    expect(await a.scoredAnswers(SPACE, 'u2', 'q-repost')).toBe(1);
    // Practice brings the name up to date but counts nothing.
    expect(await a.totals(SPACE, 'u2')).toEqual({ name: 'Bo (renamed)', answered: 1, right: 0, streak: 0, bestStreak: 0 });
    expect(await a.review(SPACE, 'u2', 'q-repost')).toEqual({ step: 1, dueAt: T0 + 2 * DAY_MS + 3 * DAY_MS });
  });

  it('GIVEN right answers in a row THEN the streak and best streak move, and a wrong one resets the streak only', async () => {
    for (const [i, choice] of [0, 0, 0, 1].entries()) {
      const post = await a.openPost(newPost(`q-streak-${i}`));
      await (i % 2 ? other : a).recordAnswer({ post, userId: 'u3', userName: 'Cy', choice, now: T0 + i });
    }
    expect(await other.totals(SPACE, 'u3')).toEqual({ name: 'Cy', answered: 4, right: 3, streak: 0, bestStreak: 3 });
  });

  it('GIVEN a personal review post THEN the answer is practice', async () => {
    const post = await a.openPost(newPost('q-review', { forUser: 'u4' }));
    expect(await a.recordAnswer({ post, userId: 'u4', userName: 'Di', choice: 0, now: T0 })).toMatchObject({ inserted: true, scored: false });
    expect(await a.scoredAnswers(SPACE, 'u4', 'q-review')).toBe(0);
  });

  it('GIVEN 40 simultaneous answers by one user to one question, over three posts of it and two stores THEN exactly one scores and the totals count it once', async () => {
    const posts = [await a.openPost(newPost('q-race')), await a.openPost(newPost('q-race')), await other.openPost(newPost('q-race'))];
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        (i % 2 ? other : a).recordAnswer({ post: posts[i % 3]!, userId: 'racer', userName: 'Racer', choice: 0, now: T0 + 5 * DAY_MS }),
      ),
    );
    const inserted = results.filter((r) => r.inserted);
    // One answer per post, of which exactly one scores.
    expect(inserted).toHaveLength(3);
    expect(inserted.filter((r) => r.scored)).toHaveLength(1);
    expect(await a.scoredAnswers(SPACE, 'racer', 'q-race')).toBe(1);
    expect(await other.totals(SPACE, 'racer')).toEqual({ name: 'Racer', answered: 1, right: 1, streak: 1, bestStreak: 1 });
    // Every later reply agrees with the stored answer of its post.
    for (const r of results) expect(r.choice).toBe(0);
  });

  it('GIVEN 30 users answering one post at once through two stores THEN each scores once and nobody else’s totals move', async () => {
    const post = await a.openPost(newPost('q-crowd'));
    const users = Array.from({ length: 30 }, (_, i) => `crowd-${i}`);
    await Promise.all(users.flatMap((u, i) => [a, other].map((s) => s.recordAnswer({ post, userId: u, userName: u, choice: i % 3, now: T0 }))));
    for (const [i, u] of users.entries()) {
      expect(await a.scoredAnswers(SPACE, u, 'q-crowd')).toBe(1);
      expect(await other.totals(SPACE, u)).toMatchObject({ answered: 1, right: i % 3 === 0 ? 1 : 0 });
    }
  });
});
