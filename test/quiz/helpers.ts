/** Shared by the quiz tests: a bot over the real corpus with a settable clock, and ways to read a quiz post. */
import type { GenContext } from '../../src/quiz/draft.ts';
import { quizPeople } from '../../src/quiz/people.ts';
import { corpusSentences, statementPassage, type SentenceRef } from '../../src/quiz/text.ts';
import { silentLogger } from '../../src/core/log.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { createBot, type CoreBot } from '../../src/app/bot.ts';
import type { Reply } from '../../src/core/reply.ts';
import type { Asker, Where } from '../../src/core/request.ts';
import { openDb, type DB } from '../../src/db/open.ts';
import { ensureBank } from '../../src/quiz/bank.ts';
import { QuestionBodySchema, type Question, type QuestionBody } from '../../src/quiz/types.ts';
import { generateQuestions } from '../../src/quiz/generate.ts';
import { CORPUS_DIR } from '../support/corpus-bot.ts';

export { CORPUS_DIR };

export interface Clock {
  t: number;
  now: () => Date;
  advance(ms: number): void;
}

export function clock(start = Date.UTC(2025, 2, 10, 10, 0, 0)): Clock {
  const c: Clock = {
    t: start,
    now: () => new Date(c.t),
    advance(ms) {
      c.t += ms;
    },
  };
  return c;
}

export const MINUTE = 60_000;
export const DAY = 24 * 60 * MINUTE;

/** A bot over the real corpus with its question bank already generated (so no test pays for it). */
export function quizBot(c: Clock, db: DB = openDb(':memory:')): CoreBot {
  const bot = createBot({ db, corpusDir: CORPUS_DIR, now: c.now, logger: silentLogger });
  ensureBank(bot.ctx.db, bot.ctx);
  return bot;
}

/** A database file in a fresh temp folder (for tests with two bot instances or schedulers). */
export function tempDbFile(): string {
  return join(mkdtempSync(join(tmpdir(), 'sourcebook-quiz-')), 'quiz.db');
}

/** Removes a tempDbFile's folder (the database and its WAL files). */
export function removeDbFile(file: string): void {
  rmSync(dirname(file), { recursive: true, force: true });
}

export const ALICE: Asker = { id: 'u-alice', name: 'alice', isAdmin: false, groups: [] };
export const BOB: Asker = { id: 'u-bob', name: 'bob', isAdmin: false, groups: [] };
export const MOD: Asker = { id: 'u-mod', name: 'mod', isAdmin: true, groups: [] };
export const GUILD_A: Where = { platform: 'discord', space: 'guild-a', channel: 'quiz' };
export const GUILD_B: Where = { platform: 'discord', space: 'guild-b', channel: 'quiz' };

export function run(bot: CoreBot, line: string, user: Asker = ALICE, where: Where = GUILD_A): Promise<Reply> {
  const m = /^\/(\S+)\s*([\s\S]*)$/.exec(line)!;
  return bot.handle({ command: m[1]!, args: m[2]!, user, where });
}

export interface PostInfo {
  postId: number;
  body: QuestionBody;
  /** Action ids of the answer buttons, in option order. */
  buttons: string[];
  right: string;
  wrong: string;
}

/** Reads the post behind a question reply: its id from the answer buttons, the question from the database. */
export function postInfo(bot: CoreBot, r: Reply): PostInfo {
  const payloads = r.actions.map((a) => ({ id: a.id, p: bot.ctx.actions.resolve(a.id) }));
  const answers = payloads.filter((x) => x.p?.command === 'quiz' && x.p.args.startsWith('answer '));
  expect(answers.length, `answer buttons in “${r.title}”`).toBeGreaterThanOrEqual(2);
  const postId = Number(answers[0]!.p!.args.split(' ')[1]);
  const row = bot.ctx.db.prepare('SELECT body_json FROM quiz_posts WHERE id = ?').get(postId) as { body_json: string };
  const body = QuestionBodySchema.parse(JSON.parse(row.body_json));
  const buttons = answers.map((a) => a.id);
  return { postId, body, buttons, right: buttons[body.answer]!, wrong: buttons[(body.answer + 1) % buttons.length]! };
}

export function actionArgs(bot: CoreBot, r: Reply, label: RegExp): string | undefined {
  const a = r.actions.find((x) => label.test(x.label));
  return a ? bot.ctx.actions.resolve(a.id)?.args : undefined;
}

export function text(r: Reply): string {
  return [r.title, ...r.blocks.map((b) => JSON.stringify(b))].join('\n');
}

/** A bot on the real corpus and the question bank generated from it (generation takes about a second). */
export function botWithBank(): { bot: CoreBot; bank: Question[] } {
  const bot = quizBot(clock());
  return { bot, bank: generateQuestions(bot.ctx) };
}

/** The generators' context over the real corpus, for drafting one question from one sentence. */
export function genContext(bot: CoreBot): GenContext {
  const sentences = corpusSentences(bot.ctx.repo).filter((s) => statementPassage(s.passage));
  return { repo: bot.ctx.repo, index: bot.ctx.people, people: quizPeople(bot.ctx.people, sentences), engine: bot.ctx };
}

/** One sentence of a real passage, found by how it starts. */
export function sentenceOf(bot: CoreBot, passageId: string, start: string): SentenceRef {
  const p = bot.ctx.repo.passage(passageId)!;
  const s = p.sentences.find((x) => p.text.slice(x.start, x.end).trimStart().startsWith(start))!;
  return { passage: p, start: s.start, end: s.end, text: p.text.slice(s.start, s.end) };
}
