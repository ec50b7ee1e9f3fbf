/** /leaderboard and /quiz stats: score, accuracy, streak, per period and per server. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { CoreBot } from '../../src/app/bot.ts';
import type { Asker } from '../../src/core/request.ts';
import { ALICE, BOB, DAY, GUILD_A, GUILD_B, clock, postInfo, quizBot, run, text, type Clock } from './helpers.ts';

let c: Clock;
let bot: CoreBot;
const CAROL: Asker = { id: 'u-carol', name: 'carol', isAdmin: false, groups: [] };

/** Posts one question and has each user answer it right (true) or wrong (false). */
async function round(answers: [Asker, boolean][]) {
  const info = postInfo(bot, await run(bot, '/quiz'));
  for (const [u, right] of answers) await bot.act(right ? info.right : info.wrong, u, GUILD_A);
}

beforeAll(async () => {
  c = clock();
  bot = quizBot(c);
  // Ten days ago: Carol answers 3 right.
  for (let i = 0; i < 3; i++) await round([[CAROL, true]]);
  c.advance(10 * DAY);
  // This week: Alice right, right, wrong, right, right (4/5, streak 2); Bob right ×3 (3/3, streak 3).
  const alice = [true, true, false, true, true];
  for (let i = 0; i < 5; i++) await round([[ALICE, alice[i]!], ...(i < 3 ? ([[BOB, true]] as [Asker, boolean][]) : [])]);
}, 60_000);

describe('/leaderboard', () => {
  it('GIVEN this week’s answers THEN players are ranked by score with accuracy and current streak; older answers are left out', async () => {
    const r = await run(bot, '/leaderboard');
    const items = r.blocks.find((b) => b.type === 'list')!;
    expect(items).toEqual({
      type: 'list',
      items: ['1. alice — 4 right of 5 (80%), streak 2', '2. bob — 3 right of 3 (100%), streak 3'],
    });
  });

  it('GIVEN /leaderboard month THEN the answers of ten days ago count too', async () => {
    const r = await run(bot, '/leaderboard month');
    expect(text(r)).toContain('3. carol — 3 right of 3 (100%), streak 3');
    expect(r.title).toContain('past 30 days');
  });

  it('GIVEN another server THEN its leaderboard is empty', async () => {
    const r = await run(bot, '/leaderboard all', ALICE, GUILD_B);
    expect(r.kind).toBe('notice');
    expect(text(r)).not.toContain('alice');
  });

  it('GIVEN an unknown period THEN a short usage error', async () => {
    const r = await run(bot, '/leaderboard year');
    expect(r.kind).toBe('error');
    expect(text(r)).toContain('week|month|all');
  });
});

describe('/quiz stats', () => {
  it("GIVEN Alice's answers THEN her score, accuracy, streak, best streak and rank are shown to her alone", async () => {
    const r = await run(bot, '/quiz stats');
    expect(r.ephemeral).toBe(true);
    const fields = r.blocks.find((b) => b.type === 'fields')!;
    expect(fields.type === 'fields' && Object.fromEntries(fields.fields.map((f) => [f.label, f.value]))).toMatchObject({
      Score: '4 right of 5',
      Accuracy: '80%',
      Streak: '2 (best 2)',
      Rank: '1 of 3',
      Review: '0 due, 1 in your pile',
    });
  });

  it('GIVEN no answers in a server THEN /quiz stats says so', async () => {
    const r = await run(bot, '/quiz stats', BOB, GUILD_B);
    expect(text(r)).toContain('No answers yet in this group');
  });
});
