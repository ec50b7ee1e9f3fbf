/**
 * Scores a passage's sentences against a question, each with its passage as context (a BM25F-like
 * field weighting): a concept counts fully in the sentence itself, less in the sentences beside it
 * or in the section heading. Weights are the concepts' idf, so rare words decide.
 */
import type { Passage } from '../corpus/types.ts';
import { foldDiacritics } from '../people/name-key.ts';
import { root } from '../search/roots.ts';
import { STOPWORDS } from '../search/fts-query.ts';
import { memoByObject } from '../core/memo.ts';
import { answerFit, fateFit, namesInFull } from './answer-type.ts';
import type { Concept, Question } from './types.ts';
import { expandYearRanges } from './years.ts';

export { expandYearRanges } from './years.ts';

/** A concept found only beside the sentence, or only in its heading, counts for this much. */
const NEIGHBOUR = 0.45;
/** A sentence that opens with "he" or "this" is quoted with the one before: that one's words count nearly fully. */
const LEANED_ON = 0.9;
/** A sentence opening with a pronoun or demonstrative leans on the one before it. */
export const LEANS_BACK = /^(He|She|It|They|His|Her|Its|Their|Them|This|These|That|Those|Such|The latter|The former|Both|Neither)\b/;
const HEADING = 0.3;
/** Share of the question's weight a passage must hold for all its sentences to be candidates for a topic. */
export const WHOLE_TOPIC = 0.75;
/** A name said earlier in the passage counts this much in a later sentence that refers to someone as "he" or "she". */
const REFERRED = 0.7;
const PRONOUN = /\b(?:he|she|him|his|her)\b/i;

/** Roots of each sentence, in order (for proximity), once per passage. */
export const sentenceTokens = memoByObject((p: Passage): string[][] => p.sentences.map((s) => termsOf(p.text.slice(s.start, s.end))));

/** A text's words as roots, in order. */
export function termsOf(text: string): string[] {
  return (foldDiacritics(expandYearRanges(text).toLowerCase()).match(/[\p{L}\p{N}]+/gu) ?? []).map(root);
}
const sentenceSets = memoByObject((p: Passage): Set<string>[] => sentenceTokens(p).map((t) => new Set(t)));
const headingRoots = memoByObject(
  (p: Passage): Set<string> =>
    // "… according to Anna Louise Strong": the author a compiler quotes is part of the passage's field, as its title is.
    new Set(termsOf([...p.sectionPath, p.quotedFrom?.title ?? '', p.quotedFrom?.author ?? ''].join(' '))),
);
const fits = memoByObject((_p: Passage) => new Map<string, number>());

function weightIn(c: Concept, set: Set<string>): number {
  let best = 0;
  for (const [r, w] of c.roots) if (w > best && set.has(r)) best = w;
  return best;
}

const QUOTED_ONLY = 0.8;
/** How much a factoid answer counts that does not state the question's predicate. */
const UNSTATED = 0.75;

function predicateOf(q: Question): number | null {
  const k = q.concepts.findIndex((c) => c.verb);
  return k < 0 ? null : k;
}

/** The predicate (concept `k`) is said by the sentence (or by the one its "he" leans on), not only inside words it quotes. */
function inPredicate(q: Question, k: number, w: number[][], index: number, leans: boolean, sentence: string): boolean {
  const row = w[k]!;
  if (row[index]! >= 0.7) {
    const outside = sentence.replace(/[“"][^”"]{3,}[”"]/gu, ' ');
    return outside === sentence || termsOf(outside).some((t) => (q.concepts[k]!.roots.get(t) ?? 0) >= 0.7);
  }
  return leans && index > 0 && row[index - 1]! >= 0.7;
}

/** True when every question word the sentence holds stands inside quotation marks within it. */
function quotedOnly(q: Question, sentence: string): boolean {
  const inner = [...sentence.matchAll(/[“"]([^”"]{3,})[”"]/gu)].map((m) => m[1]!).join(' ');
  if (!inner) return false;
  const outside = termsOf(sentence.replace(/[“"][^”"]{3,}[”"]/gu, ' '));
  const innerTerms = new Set(termsOf(inner));
  let any = false;
  for (const c of q.concepts) {
    const hit = (ts: Iterable<string>) => [...ts].some((t) => (c.roots.get(t) ?? 0) >= 0.7);
    if (hit(outside)) return false;
    if (hit(innerTerms)) any = true;
  }
  return any;
}

function asked(q: Question, word: string): boolean {
  const r = root(foldDiacritics(word.toLowerCase()));
  return q.concepts.some((c) => c.roots.has(r));
}

function namesOtherThan(q: Question, sentence: string): boolean {
  for (const m of sentence.slice(1).matchAll(/(?<![\p{L}])\p{Lu}[\p{Ll}]+/gu)) {
    const r = root(foldDiacritics(m[0].toLowerCase()));
    if (!q.concepts.some((c) => c.roots.has(r)) && !STOPWORDS.has(m[0].toLowerCase())) return true;
  }
  return false;
}

export interface ScoredSentence {
  passage: Passage;
  index: number;
  /** Share of the question's weight found in the sentence itself. */
  own: number;
  /** Share found in the sentence or its context. */
  coverage: number;
  /** Concepts found in the sentence itself. */
  matched: number;
  fit: number;
  score: number;
  /** Share of the question's weight in the section heading (or the quoted work's title). */
  heading: number;
  /** Share of the question's weight anywhere in the passage. */
  inPassage: number;
  /** The same in the passage's own sentences, its heading left out. */
  inText: number;
}

function proximity(q: Question, tokens: string[]): number {
  // The shortest window of the sentence holding every concept it holds, against the number held.
  const positions: number[][] = q.concepts.map((c) => tokens.flatMap((t, i) => ((c.roots.get(t) ?? 0) >= 0.7 ? [i] : [])));
  const present = positions.filter((p) => p.length);
  if (present.length < 2) return 0;
  const span = Math.max(...present.map((p) => p[0]!)) - Math.min(...present.map((p) => p[0]!));
  return Math.max(0, 1 - Math.max(0, span - present.length) / 20);
}

/**
 * The sentences of a passage that hold any of the question, scored; the rest are left out (they
 * can be neither an answer nor on the topic, except under a heading on it or in a passage holding
 * the whole topic, kept via `keepAll`).
 */
export function scorePassage(q: Question, p: Passage, keepAll = false): ScoredSentence[] {
  const total = q.concepts.reduce((n, c) => n + c.idf, 0);
  if (!total) return [];
  const sets = sentenceSets(p);
  const heading = headingRoots(p);
  const fitKnown = fits(p);
  // Per concept and sentence, the weight of its best form there: computed once, read three times.
  const w = q.concepts.map((c) => sets.map((set) => weightIn(c, set)));
  // Per name and sentence, its best weight in the sentences before: what a later "he" may stand for.
  const earlier = q.concepts.map((c, k) => {
    let best = 0;
    return w[k]!.map((x) => {
      const before = best;
      if (c.name) best = Math.max(best, x);
      return before;
    });
  });
  const inHead = q.concepts.map((c) => weightIn(c, heading));
  const predicate = predicateOf(q);
  let inHeading = 0;
  let inPassage = 0;
  let inText = 0;
  q.concepts.forEach((c, k) => {
    inHeading += c.idf * inHead[k]!;
    inPassage += c.idf * Math.max(inHead[k]!, ...w[k]!);
    inText += c.idf * Math.max(...w[k]!);
  });
  inHeading = Math.min(1, inHeading / total);
  inPassage = Math.min(1, inPassage / total);
  inText = Math.min(1, inText / total);
  const out: ScoredSentence[] = [];
  p.sentences.forEach((s, index) => {
    let own = 0;
    let coverage = 0;
    let matched = 0;
    const text = p.text.slice(s.start, s.end);
    const leans = index > 0 && LEANS_BACK.test(text);
    const pronoun = PRONOUN.test(text);
    q.concepts.forEach((c, k) => {
      const row = w[k]!;
      const prev = index > 0 ? row[index - 1]! : 0;
      const next = index + 1 < row.length ? row[index + 1]! : 0;
      // "he died in great pain" three sentences after "Sedov's operation was successful": the person the passage is about.
      const named = c.name && pronoun ? earlier[k]![index]! * REFERRED : 0;
      const inside = Math.max(row[index]!, leans ? prev * LEANED_ON : 0, named);
      own += c.idf * inside;
      coverage += c.idf * Math.max(inside, Math.max(prev, next) * NEIGHBOUR, inHead[k]! * HEADING);
      if (inside >= 0.7) matched++;
    });
    if (own === 0 && !(keepAll && (inHeading >= 0.4 || inPassage >= WHOLE_TOPIC))) return;
    own = Math.min(1, own / total);
    // Words found only inside someone's quoted words ("…declared, “They killed Kirov”") are hearsay, not the sentence's statement.
    if (own > 0 && quotedOnly(q, text)) own *= QUOTED_ONLY;
    coverage = Math.min(1, coverage / total);
    const key = `${q.want}${q.also}${index}`;
    let fit = fitKnown.get(key);
    if (fit === undefined) fitKnown.set(key, (fit = Math.max(answerFit(q.want, text), q.also ? answerFit(q.also, text) : 0)));
    // "Who …?" is not answered by a sentence whose only names are the ones asked about.
    if (q.want === 'person' && own > 0 && !namesOtherThan(q, text)) fit = Math.min(fit, 0.8);
    // …and it plainly answers only when the name given in full is not the one asked about ("Sergei Kirov" for "Who killed Kirov?").
    if (q.want === 'person' && fit > 1 && !namesInFull(text, (surname) => !asked(q, surname))) fit = 1;
    // "What happened to Bukharin?" is answered where the fate stands by his name.
    if (q.want === 'fate') fit = fateFit(text, (word) => q.concepts.some((c) => c.name && c.words.includes(word)));
    const length = s.end - s.start;
    const shape = length > 450 ? -0.08 : length < 40 ? -0.05 : 0;
    const near = matched >= 2 ? 0.04 * proximity(q, sentenceTokens(p)[index]!) : 0;
    // A factoid's predicate is what the answer states: "when did he die" is not answered by a sentence without a death.
    const stated = predicate === null || inPredicate(q, predicate, w, index, leans, text) ? 1 : UNSTATED;
    const score = (0.7 * own + 0.3 * coverage) * fit * stated + near + shape;
    out.push({ passage: p, index, own, coverage, matched, fit, score, heading: inHeading, inPassage, inText });
  });
  return out;
}
