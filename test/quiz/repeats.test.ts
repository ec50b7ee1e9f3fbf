/** A question posted again: it scores once per member, and /quiz prefers questions the group has not seen this week. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { CoreBot } from '../../src/app/bot.ts';
import { spaceKey, type Where } from '../../src/core/request.ts';
import { bodyOf, spaceQuestions } from '../../src/quiz/bank.ts';
import { createRun, insertPost } from '../../src/quiz/posts.ts';
import type { QuestionSnapshot } from '../../src/quiz/types.ts';
import { ALICE, BOB, DAY, MINUTE, clock, postInfo, quizBot, run, text, type Clock } from './helpers.ts';

let c: Clock;
let bot: CoreBot;
const HERE: Where = { platform: 'discord', space: 'guild-repeats', channel: 'quiz' };
const ELSEWHERE: Where = { platform: 'discord', space: 'guild-repeats-2', channel: 'quiz' };

beforeAll(() => {
  c = clock();
  bot = quizBot(c);
}, 60_000);

/** Posts `q` in `where` as a one-question run (what a re-post by /quiz or a schedule does) and returns the post id. */
function post(q: QuestionSnapshot, where: Where): number {
  const r = createRun(bot.ctx.db, {
    space: spaceKey(where),
    where,
    topic: null,
    questions: [{ id: q.id, body: bodyOf(q) }],
    forUser: null,
    createdBy: 'test',
    createdAt: c.t,
  });
  return insertPost(bot.ctx.db, r, 1, c.t, 60 * MINUTE)!.id;
}

describe('the same question posted again', () => {
  it('GIVEN a “which source” question posted five times and answered right each time THEN the leaderboard counts it once; the repeats are recorded as practice', async () => {
    const q = spaceQuestions(bot.ctx.db, spaceKey(HERE)).find((x) => x.kind === 'source')!;
    const answers = [];
    for (let i = 0; i < 5; i++) {
      answers.push(await run(bot, `/quiz answer ${post(q, HERE)} ${q.answer}`, ALICE, HERE));
      c.advance(MINUTE);
    }
    expect(answers.map((a) => a.title)).toEqual(['Right!', 'Right!', 'Right!', 'Right!', 'Right!']);
    const board = await run(bot, '/leaderboard', ALICE, HERE);
    expect(board.blocks.find((b) => b.type === 'list')).toEqual({ type: 'list', items: ['1. alice — 1 right of 1 (100%), streak 1'] });
    const rows = bot.ctx.db.prepare('SELECT practice FROM quiz_answers WHERE space = ? AND user_id = ? ORDER BY rowid').all(spaceKey(HERE), ALICE.id) as {
      practice: number;
    }[];
    expect(rows.map((r) => r.practice)).toEqual([0, 1, 1, 1, 1]);
    // Each repeat says why it does not count; the first does not.
    expect(text(answers[0]!)).not.toContain('practice');
    expect(text(answers[4]!)).toContain('only your first answer to a question counts');
    const stats = await run(bot, '/quiz stats', ALICE, HERE);
    expect(text(stats)).toContain('"value":"1 right of 1"');
  });

  it('GIVEN a first wrong answer THEN a right answer to the re-post does not turn it into a point, and the streak stays broken', async () => {
    const q = spaceQuestions(bot.ctx.db, spaceKey(HERE)).find((x) => x.kind === 'figure')!;
    await run(bot, `/quiz answer ${post(q, HERE)} ${(q.answer + 1) % q.options.length}`, BOB, HERE);
    await run(bot, `/quiz answer ${post(q, HERE)} ${q.answer}`, BOB, HERE);
    const board = await run(bot, '/leaderboard', BOB, HERE);
    expect(text(board)).toContain('bob — 0 right of 1 (0%), streak 0');
  });

  it('GIVEN the question answered in one group THEN answering it in another group scores there', async () => {
    const q = spaceQuestions(bot.ctx.db, spaceKey(HERE)).find((x) => x.kind === 'source')!;
    const r = await run(bot, `/quiz answer ${post(q, ELSEWHERE)} ${q.answer}`, ALICE, ELSEWHERE);
    expect(text(r)).not.toContain('practice');
    expect(text(await run(bot, '/leaderboard', ALICE, ELSEWHERE))).toContain('alice — 1 right of 1');
  });
});

describe('choosing what to post', () => {
  it('GIVEN /quiz Tukhachevsky asked again and again THEN every question about Tukhachevsky is posted once before any comes back', async () => {
    const where: Where = { platform: 'discord', space: 'guild-tukhachevsky', channel: 'quiz' };
    const seen: string[] = [];
    for (let i = 0; i < 60; i++) {
      const stem = postInfo(bot, await run(bot, '/quiz Tukhachevsky', ALICE, where)).body.stem;
      c.advance(MINUTE);
      if (seen.includes(stem)) {
        // With all of them seen this week, the one seen longest ago comes back first.
        expect(stem).toBe(seen[0]);
        break;
      }
      seen.push(stem);
    }
    expect(seen.length).toBeGreaterThanOrEqual(5);
  });

  it('GIVEN a question seen more than a week ago THEN it is no longer held back: it comes back before any question seen this week', async () => {
    const where: Where = { platform: 'discord', space: 'guild-tukhachevsky-2', channel: 'quiz' };
    const first = postInfo(bot, await run(bot, '/quiz Tukhachevsky', ALICE, where)).body.stem;
    c.advance(8 * DAY);
    const since = new Set<string>();
    let back = false;
    for (let i = 0; i < 60 && !back; i++) {
      const stem = postInfo(bot, await run(bot, '/quiz Tukhachevsky', ALICE, where)).body.stem;
      c.advance(MINUTE);
      back = stem === first;
      if (!back) {
        expect(since.has(stem), 'a question seen this week came back first').toBe(false);
        since.add(stem);
      }
    }
    expect(back).toBe(true);
  });
});
