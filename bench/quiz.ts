/**
 * Quiz benchmarks: generating the question bank from the corpus, storing it, starting a quiz,
 * and answering throughput (answer clicks through the bot, each recorded once in SQLite).
 */
import { silentLogger } from '../src/core/log.ts';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { createBot } from '../src/app/bot.ts';
import type { Asker, Where } from '../src/core/request.ts';
import { openDb } from '../src/db/open.ts';
import { PROJECT_ROOT } from '../src/paths.ts';
import { ensureBank } from '../src/quiz/bank.ts';
import { generateQuestions } from '../src/quiz/generate.ts';

const WHERE: Where = { platform: 'discord', space: 'bench', channel: 'quiz' };

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

export async function runQuizBench(): Promise<Record<string, number>> {
  const bot = createBot({ db: openDb(':memory:'), corpusDir: join(PROJECT_ROOT, 'corpus'), logger: silentLogger });
  const { ctx } = bot;

  const genTimes: number[] = [];
  let questions = 0;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    questions = generateQuestions(ctx).length;
    genTimes.push(performance.now() - t);
  }

  let t = performance.now();
  ensureBank(ctx.db, ctx);
  const storeMs = performance.now() - t;

  const user = (i: number): Asker => ({ id: `bench-${i}`, name: `bench ${i}`, isAdmin: false, groups: [] });
  const startTimes: number[] = [];
  let firstPost = null as Awaited<ReturnType<typeof bot.handle>> | null;
  for (let i = 0; i < 50; i++) {
    t = performance.now();
    const r = await bot.handle({ command: 'quiz', args: i % 2 ? 'Kirov 3' : '', user: user(0), where: WHERE });
    startTimes.push(performance.now() - t);
    firstPost ??= r;
  }

  // 2,000 answer clicks on one post by distinct users, then 2,000 repeated clicks (no-ops).
  const button = firstPost!.actions[0]!.id;
  const N = 2000;
  t = performance.now();
  for (let i = 0; i < N; i++) await bot.act(button, user(i), WHERE);
  const answerSec = (performance.now() - t) / 1000;
  t = performance.now();
  for (let i = 0; i < N; i++) await bot.act(button, user(i), WHERE);
  const repeatSec = (performance.now() - t) / 1000;

  bot.close();
  return {
    quiz_questions_generated: questions,
    quiz_generate_ms: Math.round(median(genTimes)),
    quiz_bank_first_use_ms: Math.round(storeMs),
    quiz_start_median_ms: Number(median(startTimes).toFixed(2)),
    quiz_answers_per_sec: Math.round(N / answerSec),
    quiz_repeat_clicks_per_sec: Math.round(N / repeatSec),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(await runQuizBench());
}
