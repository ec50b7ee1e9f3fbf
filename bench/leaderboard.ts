/** `/leaderboard` and `/quiz stats` in a space with 100,000 answers from 500 members. */
import { silentLogger } from '../src/core/log.ts';
import { join } from 'node:path';
import { createBot } from '../src/app/bot.ts';
import { openDb } from '../src/db/open.ts';
import { PROJECT_ROOT } from '../src/paths.ts';
import { timeAsync } from './stats.ts';
import { recordAnswer } from '../src/quiz/answers.ts';
import type { Post } from '../src/quiz/posts.ts';

const ANSWERS = 100_000;
const MEMBERS = 500;

export async function runLeaderboardBench(): Promise<Record<string, number>> {
  const db = openDb(':memory:');
  const bot = createBot({ db, corpusDir: join(PROJECT_ROOT, 'corpus'), logger: silentLogger });
  const where = { platform: 'discord' as const, space: 'bench', channel: 'c' };
  // Answers go through recordAnswer, the path a click takes (running totals included); the posts
  // they answer are not needed by the standings, so foreign keys are off while they are written.
  db.pragma('foreign_keys = OFF');
  const now = Date.now();
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let i = 0; i < ANSWERS; i++) {
    const member = i % MEMBERS;
    const post = {
      id: Math.floor(i / MEMBERS) + 1,
      space: 'discord:bench',
      questionId: `q${Math.floor(i / MEMBERS)}`,
      forUser: null,
      body: { answer: 0 },
    } as unknown as Post;
    recordAnswer(db, { post, userId: `u${member}`, userName: `Member ${member}`, choice: random() < 0.6 ? 0 : 1, now: now - (ANSWERS - i) * 1000 });
  }
  db.pragma('foreign_keys = ON');
  const user = { id: 'u7', name: 'Member 7', isAdmin: false, groups: [] };
  const board = await timeAsync(200, () => bot.handle({ command: 'leaderboard', args: 'all', user, where }));
  const stats = await timeAsync(200, () => bot.handle({ command: 'quiz', args: 'stats', user, where }));
  bot.close();
  return {
    answers: ANSWERS,
    members: MEMBERS,
    leaderboard_p50_ms: board.p50,
    leaderboard_p99_ms: board.p99,
    quiz_stats_p50_ms: stats.p50,
    quiz_stats_p99_ms: stats.p99,
  };
}
