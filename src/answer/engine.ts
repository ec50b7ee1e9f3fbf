/**
 * The answer engine: a question in, the corpus sentences that answer it out, ranked. Commands
 * (/ask, /compare, /who) call it and only arrange what it returns; quoting and attribution stay
 * in core/quotes, so every sentence shown is verbatim and says whose it is.
 */
import type { CorpusRepo } from '../corpus/repo.ts';
import type { Passage } from '../corpus/types.ts';
import { inAuthorsVoice } from '../corpus/cite.ts';
import type { DB } from '../db/open.ts';
import type { PeopleIndex } from '../people/index.ts';
import { insideQuotation, MAX_QUOTE, reportedClaimAt, withLeadIn } from '../core/quotes.ts';

/** A name in more than this share of passages does not tie two sentences together. */
const COMMON_NAME = 0.05;
/** How much a sentence reporting someone else's claim counts against the author's own. */
const REPORTED = 0.8;
import { lexicon } from './lexicon.ts';
import { analyse, type AnalyseOptions, type Question } from './question.ts';
import { retrieve } from './retrieve.ts';
import { LEANS_BACK, scorePassage, sentenceTokens, termsOf, type ScoredSentence } from './score.ts';
import { STOPWORDS } from '../search/fts-query.ts';

export interface EngineContext {
  db: DB;
  repo: CorpusRepo;
  people: PeopleIndex;
}

export interface RankedSentence extends ScoredSentence {
  /** The span to quote: the sentence, with the sentence before it when that names who "he" or "this" is. */
  start: number;
  end: number;
  total: number;
}

export function question(ctx: EngineContext, text: string, opts: AnalyseOptions = {}): Question {
  return analyse(text, lexicon(ctx.db), (t) => ctx.people.spellingsFor(t), opts);
}

/** The span that quotes sentence `i` so that it can be read on its own; null when it cannot be. */
export function quotableSpan(p: Passage, i: number): { start: number; end: number } | null {
  const s = p.sentences[i]!;
  let span: { start: number; end: number } | null = s;
  if (insideQuotation(p, s)) span = withLeadIn(p, i);
  if (!span) return null;
  if (span.start === s.start && i > 0 && LEANS_BACK.test(p.text.slice(s.start, s.end))) {
    const prev = p.sentences[i - 1]!;
    if (!insideQuotation(p, prev) && s.end - prev.start <= MAX_QUOTE) span = { start: prev.start, end: s.end };
  }
  return span;
}

/**
 * The span of an answer read on: the sentences after it that continue it ("he", "this"), or go on
 * about the question's words, up to `extra` more and a quotable length.
 */
/** A date counted from the sentence before: "of that year", "the following month", "the same day". */
const RELATIVE_DATE = /\b(?:that|the same|the following|the next|the previous|the preceding) (?:year|month|spring|summer|autumn|winter|day)\b/i;

/** A question about what something created or brought in: its answer is a list that runs on. */
const BROUGHT_IN = /^what\b.*\b(?:introduce|create|establish|set up|bring in|impose|provide|order|require|change)d?\b/i;

export function readOn(ctx: EngineContext, q: Question, r: RankedSentence, extra: number, max = 650): { start: number; end: number } {
  const p = r.passage;
  const tokens = sentenceTokens(p);
  // The names the answer gives that the question did not ask about: who it is ("Menzhinsky"), said on in the next sentence.
  // Names on every other page ("Stalin", "Party") say nothing about which sentences go together.
  const lex = lexicon(ctx.db);
  const asked = new Set(q.concepts.flatMap((c) => [...c.roots.keys()]));
  const answered = new Set(namesIn(p.text.slice(r.start, r.end)).filter((n) => !asked.has(n) && lex.rootFreq(n) <= lex.passages * COMMON_NAME));
  let end = r.end;
  for (let i = r.index + 1; i < p.sentences.length && i <= r.index + extra; i++) {
    const s = p.sentences[i]!;
    if (s.end - r.start > max || insideQuotation(p, s)) break;
    const text = p.text.slice(s.start, s.end);
    const onTopic =
      q.concepts.some((c) => !c.name && tokens[i]!.some((t) => (c.roots.get(t) ?? 0) >= 0.7)) ||
      q.concepts.some((c) => c.name && tokens[i]!.some((t) => c.roots.has(t)));
    const aboutAnswer = namesIn(text).some((n) => answered.has(n));
    // "What did Order 227 introduce?" is answered by what the text goes on to list: one sentence on,
    // or every sentence of the span when the question asks what a measure brought in.
    const listsWhat = q.want === null && (i === r.index + 1 || BROUGHT_IN.test(q.text));
    if (!LEANS_BACK.test(text) && !onTopic && !aboutAnswer && !listsWhat) break;
    end = s.end;
  }
  // The sentence just before that speaks of the answer too ("In May 1934, Vyacheslav R. Menzhinsky died." before "… Menzhinsky had become leader of OGPU"),
  // or gives the year the answer counts from ("As early as 1934 …" before "On December 1 of that year, …").
  const prev = r.start === p.sentences[r.index]!.start && r.index > 0 ? p.sentences[r.index - 1]! : null;
  const before = prev ? p.text.slice(prev.start, prev.end) : '';
  const datedBy = RELATIVE_DATE.test(p.text.slice(r.start, r.end)) && /\b1[89]\d\d\b/.test(before);
  if (prev && end - prev.start <= max && !insideQuotation(p, prev) && (datedBy || namesIn(before).some((n) => answered.has(n))))
    return { start: prev.start, end };
  return { start: r.start, end };
}

/** Roots of the capitalised words after a sentence's first: the names it gives. */
function namesIn(text: string): string[] {
  return [...text.slice(1).matchAll(/(?<!\p{L})\p{Lu}\p{Ll}{2,}/gu)].map((m) => termsOf(m[0])[0]!).filter((t) => !STOPWORDS.has(t));
}

export interface RankOptions {
  exclude: ReadonlySet<string>;
  global?: number;
  perSource?: number;
  sources?: string[];
  /** Score sentences holding none of the question too (a topic's section may speak of it without naming it). */
  keepAll?: boolean;
}

/** Every candidate sentence of the corpus, best first. */
export function rankSentences(ctx: EngineContext, q: Question, opts: RankOptions): RankedSentence[] {
  const lex = lexicon(ctx.db);
  const how = { global: opts.global ?? 40, perSource: opts.perSource ?? 12, exclude: opts.exclude, passages: lex.passages };
  const found = retrieve(ctx.repo, q, how);
  const out: RankedSentence[] = [];
  for (const { passage: p, rrf } of found) {
    if (opts.sources && !opts.sources.includes(p.sourceId)) continue;
    // Interviewers' questions and unsigned ledes are not the source's answer.
    if (!inAuthorsVoice(ctx.repo.source(p.sourceId)!.meta, p)) continue;
    for (const s of scorePassage(q, p, opts.keepAll)) {
      const sp = p.sentences[s.index]!;
      const text = p.text.slice(sp.start, sp.end);
      if (text.length < 25 || text.trimEnd().endsWith('?')) continue;
      const span = quotableSpan(p, s.index);
      if (!span) continue;
      // A claim the author reports is not the author's position: the author's own sentences rank first.
      const reported = reportedClaimAt(p, s.index) !== null;
      out.push({ ...s, ...span, total: (s.score + 1.5 * rrf) * (reported ? REPORTED : 1) });
    }
  }
  return out.sort((a, b) => b.total - a.total);
}
