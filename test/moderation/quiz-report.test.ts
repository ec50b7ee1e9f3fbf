/** Reporting a quiz question: the button under the feedback, the queue, rejecting, undo, isolation. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { CoreBot } from '../../src/app/bot.ts';
import { spaceKey } from '../../src/core/request.ts';
import { getQuestion } from '../../src/quiz/bank.ts';
import { postInfo } from '../quiz/helpers.ts';
import { ADMIN, OTHER_STUDENT, STUDENT, click, freshSpace, moderationBot, run, text } from './support.ts';

let bot: CoreBot;
beforeAll(() => {
  bot = moderationBot();
});

/** A question posted in `where`, answered by STUDENT: the feedback reply and the question's id. */
async function answered(where: ReturnType<typeof freshSpace>) {
  const post = await run(bot, where, STUDENT, '/quiz Kirov');
  const info = postInfo(bot, post);
  const feedback = await bot.act(info.wrong, STUDENT, where);
  const questionId = (bot.ctx.db.prepare('SELECT question_id FROM quiz_posts WHERE id = ?').get(info.postId) as { question_id: string }).question_id;
  return { feedback, questionId, stem: info.body.stem };
}

describe('reporting a quiz question', () => {
  it('GIVEN a student’s feedback on a question THEN it has a “Report question” button that files a report the moderators see with the stem and the cited passage', async () => {
    const where = freshSpace();
    const { feedback, questionId, stem } = await answered(where);
    const sent = await click(bot, feedback, 'Report question', STUDENT, where);
    expect(sent.title).toMatch(/^Report #\d+ sent$/);
    expect(sent.ephemeral).toBe(true);
    expect(text(sent)).toContain(stem);
    const again = await click(bot, feedback, 'Report question', STUDENT, where);
    expect(again.title).toBe('Already reported');

    const queue = await run(bot, where, ADMIN, '/review');
    expect(text(queue)).toContain(`quiz question ${questionId}`);
    expect(text(queue)).toContain(`Quiz question: ${stem}`);
    expect(queue.citations.length).toBe(1);
    expect(queue.actions.map((a) => a.label)).toEqual(expect.arrayContaining(['Show question', 'Reject question', 'Dismiss']));
  });

  it('GIVEN two reports on one question WHEN a moderator rejects it THEN it is rejected here only, both reports are resolved in one audited change, and /undo restores both', async () => {
    const where = freshSpace();
    const { feedback, questionId } = await answered(where);
    await click(bot, feedback, 'Report question', STUDENT, where);
    await run(bot, where, OTHER_STUDENT, `/report quiz ${questionId} | the date is wrong`);
    const queue = await run(bot, where, ADMIN, '/review');
    const seq = Number(/Report #(\d+)/.exec(queue.title)![1]);

    const refused = await run(bot, where, STUDENT, `/review reject ${seq}`);
    expect(refused.kind).toBe('refusal');
    expect(getQuestion(bot.ctx.db, spaceKey(where), questionId)!.status).not.toBe('rejected');

    const done = await click(bot, queue, 'Reject question', ADMIN, where);
    expect(done.title).toBe(`Question ${questionId} rejected`);
    expect(getQuestion(bot.ctx.db, spaceKey(where), questionId)!.status).toBe('rejected');
    expect(getQuestion(bot.ctx.db, spaceKey(freshSpace()), questionId)?.status).not.toBe('rejected');
    expect((await run(bot, where, ADMIN, '/review')).title).toBe('No open reports');
    const log = text(await run(bot, where, ADMIN, '/review log'));
    expect(log).toContain(`Rejected quiz question ${questionId}`);

    const entry = Number(/#(\d+)/.exec(/Undo #\d+/.exec(done.actions.map((a) => a.label).join(' '))![0])![1]);
    await run(bot, where, ADMIN, `/undo ${entry}`);
    expect(getQuestion(bot.ctx.db, spaceKey(where), questionId)!.status).not.toBe('rejected');
    expect((await run(bot, where, ADMIN, '/review')).title).toMatch(/^Report #\d+ \(1\/2 open\)$/);
  });

  it('GIVEN a report in one server THEN another server’s queue is empty, and a question id from nowhere is refused without a report', async () => {
    const where = freshSpace();
    const { questionId } = await answered(where);
    await run(bot, where, STUDENT, `/report quiz ${questionId}`);
    expect((await run(bot, freshSpace(), ADMIN, '/review')).title).toBe('No open reports');
    const bogus = await run(bot, where, STUDENT, '/report quiz qNOSUCHQUESTION');
    expect(bogus.kind).toBe('error');
    expect(bogus.title).toBe('No such question');
  });

  it('GIVEN /review reject on a report about an answer THEN it explains and changes nothing', async () => {
    const where = freshSpace();
    await run(bot, where, STUDENT, '/report who Yezhov | wrong dates');
    const queue = await run(bot, where, ADMIN, '/review');
    const seq = Number(/Report #(\d+)/.exec(queue.title)![1]);
    const r = await run(bot, where, ADMIN, `/review reject ${seq}`);
    expect(r.kind).toBe('error');
    expect(r.title).toBe('Not a quiz question');
    expect((await run(bot, where, ADMIN, '/review')).title).toBe(queue.title);
  });
});
