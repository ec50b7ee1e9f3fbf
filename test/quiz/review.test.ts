/** Spaced repetition of mistakes: a wrong answer comes back after a day, then after 3, 7, 14… days. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { CoreBot } from '../../src/app/bot.ts';
import { spaceKey } from '../../src/core/request.ts';
import { ALICE, BOB, DAY, GUILD_A, GUILD_B, clock, postInfo, quizBot, run, text, type Clock } from './helpers.ts';

let c: Clock;
let bot: CoreBot;

beforeAll(() => {
  c = clock();
  bot = quizBot(c);
}, 60_000);

function reviewRow(questionId: string) {
  return bot.ctx.db
    .prepare('SELECT step, due_at FROM quiz_reviews WHERE space = ? AND user_id = ? AND question_id = ?')
    .get(spaceKey(GUILD_A), ALICE.id, questionId) as { step: number; due_at: number } | undefined;
}

function questionOf(postId: number): string {
  return (bot.ctx.db.prepare('SELECT question_id FROM quiz_posts WHERE id = ?').get(postId) as { question_id: string }).question_id;
}

describe('/quiz review', () => {
  it('GIVEN a wrong answer THEN it is due a day later; each right review pushes it to 3, then 7 days; a wrong one starts over', async () => {
    const info = postInfo(bot, await run(bot, '/quiz'));
    const qid = questionOf(info.postId);
    await bot.act(info.wrong, ALICE, GUILD_A);
    expect(reviewRow(qid)).toEqual({ step: 0, due_at: c.t + DAY });

    const early = await run(bot, '/quiz review');
    expect(early.title).toBe('Nothing to review');
    expect(text(early)).toContain('1 question in your review pile');

    c.advance(DAY);
    const review = await run(bot, '/quiz review');
    expect(review.ephemeral).toBe(true);
    expect(review.title).toMatch(/^Review — /);
    const r1 = postInfo(bot, review);
    expect(questionOf(r1.postId)).toBe(qid);
    await bot.act(r1.right, ALICE, GUILD_A);
    expect(reviewRow(qid)).toEqual({ step: 1, due_at: c.t + 3 * DAY });

    c.advance(2 * DAY);
    expect((await run(bot, '/quiz review')).title).toBe('Nothing to review');
    c.advance(DAY);
    const r2 = postInfo(bot, await run(bot, '/quiz review'));
    await bot.act(r2.right, ALICE, GUILD_A);
    expect(reviewRow(qid)).toEqual({ step: 2, due_at: c.t + 7 * DAY });

    c.advance(7 * DAY);
    const r3 = postInfo(bot, await run(bot, '/quiz review'));
    await bot.act(r3.wrong, ALICE, GUILD_A);
    expect(reviewRow(qid)).toEqual({ step: 0, due_at: c.t + DAY });
  });

  it('GIVEN a question answered right at first THEN it never enters the review pile', async () => {
    // A question not already in Alice's pile from the test before (the quiz picks at random).
    let info = postInfo(bot, await run(bot, '/quiz'));
    while (reviewRow(questionOf(info.postId))) info = postInfo(bot, await run(bot, '/quiz'));
    await bot.act(info.right, ALICE, GUILD_A);
    expect(reviewRow(questionOf(info.postId))).toBeUndefined();
  });

  it("GIVEN Alice's review question THEN Bob cannot answer it and another server does not see Alice's pile", async () => {
    const info = postInfo(bot, await run(bot, '/quiz'));
    await bot.act(info.wrong, ALICE, GUILD_A);
    c.advance(DAY + 1);
    const review = postInfo(bot, await run(bot, '/quiz review'));
    const bobs = await bot.act(review.right, BOB, GUILD_A);
    expect(bobs.title).toBe('Not your review');
    expect((bot.ctx.db.prepare('SELECT count(*) AS n FROM quiz_answers WHERE post_id = ?').get(review.postId) as { n: number }).n).toBe(0);
    const elsewhere = await run(bot, '/quiz review', ALICE, GUILD_B);
    expect(elsewhere.title).toBe('Nothing to review');
    expect(text(elsewhere)).toContain('Your review pile is empty');
  });

  it('GIVEN review answers THEN they are practice: the leaderboard does not count them', async () => {
    const before = await run(bot, '/leaderboard all');
    c.advance(30 * DAY);
    const due = await run(bot, '/quiz review');
    expect(due.title).toMatch(/^Review/);
    await bot.act(postInfo(bot, due).right, ALICE, GUILD_A);
    const after = await run(bot, '/leaderboard all');
    expect(text(after)).toBe(text(before));
  });
});
