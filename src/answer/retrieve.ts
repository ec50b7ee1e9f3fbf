/**
 * Candidate passages for a question, from two FTS5 rankings fused by reciprocal rank: the best
 * passages over the whole corpus, and the best of each source (so a long monograph paragraph
 * holding every word competes with a two-line excerpt holding one, and every source is heard).
 */
import type { CorpusRepo, Hit } from '../corpus/repo.ts';
import type { Passage } from '../corpus/types.ts';
import type { Concept, Question } from './question.ts';
import { root } from '../search/roots.ts';

/** A concept in more than this share of passages only ranks sentences; searching for it finds everything. */
const COMMON = 0.2;
const MAX_TERMS = 32;
/** A concept in this share of passages has enough matches of its own. */
const ENOUGH = 0.01;
const RRF_K = 60;
/** Derived forms ("Rightists" for "right", "responsible" for "responsibility") are searched with the word; looser relations only rank. */
const SEARCHED = 0.85;

function quote(word: string): string {
  return `"${word.replace(/"/g, '""')}"`;
}

/** An FTS5 query matching any form of any searchable concept; null when there is none. */
export function anyQuery(concepts: Concept[], passages: number): string | null {
  const rare = concepts.filter((c) => c.df <= passages * COMMON);
  const use = rare.length ? rare : concepts;
  // A concept found often enough in its own forms is searched by them; its related words only rank.
  const words = [...new Set(use.flatMap((c) => (c.df >= passages * ENOUGH ? c.words.filter((w) => (c.roots.get(root(w)) ?? 0) >= SEARCHED) : c.words)))]
    .filter((w) => /^[\p{L}\p{N}]+$/u.test(w))
    .slice(0, MAX_TERMS);
  return words.length ? words.map(quote).join(' OR ') : null;
}

export interface Candidate {
  passage: Passage;
  /** Reciprocal-rank fusion of the passage's ranks. */
  rrf: number;
}

/**
 * Per-source retrieval hears every source of a reading list; over more sources than a group reads
 * (a corpus scaled ×100) it would score thousands of passages, so the best overall are taken instead.
 */
const PER_SOURCE_UP_TO = 20;
/** Passages scored at most: enough for every source's best, few enough to answer within milliseconds. */
const MAX_CANDIDATES = 160;
/** Over a large corpus the best passages overall are few enough to read: the rest only cost time. */
const LARGE_CORPUS_CANDIDATES = 100;
/** Passages holding every concept that are enough to answer from without the union. */
const ENOUGH_HITS = 40;

export function retrieve(
  repo: CorpusRepo,
  q: Question,
  opts: { global: number; perSource: number; exclude: ReadonlySet<string>; passages: number },
): Candidate[] {
  const fts = anyQuery(q.concepts, opts.passages);
  if (!fts) return [];
  const perSource = opts.perSource > 0 && repo.sources().length <= PER_SOURCE_UP_TO;
  const global = perSource ? opts.global : opts.global + Math.min(opts.perSource * PER_SOURCE_UP_TO, LARGE_CORPUS_CANDIDATES);
  const lists: Hit[][] = [];
  if (!perSource) {
    // Over a large corpus, passages holding every concept first: an intersection is far cheaper than
    // scoring every passage that holds any word, and when it finds enough the union is not needed.
    const all = allQuery(q.concepts);
    const hits = all ? repo.match(all, { limit: global, exclude: opts.exclude }) : [];
    if (hits.length) lists.push(hits);
    if (hits.length >= Math.min(global, ENOUGH_HITS)) return fuse(lists);
  }
  if (global > 0) lists.push(repo.match(fts, { limit: global, exclude: opts.exclude }));
  if (perSource) lists.push(...repo.matchPerSource(fts, opts.perSource, opts.exclude).values());
  // Passages holding two of the question's rarer words together: a long paragraph that names both
  // is easily outranked in the union by short ones repeating a common word ("head", "follow").
  // They widen the candidates; they do not vote on the order as much as the full rankings do.
  const pairs = pairQueries(q.concepts).map((pair) => repo.match(pair, { limit: PAIR_LIMIT, exclude: opts.exclude }));
  return fuse([...lists, ...pairs], lists.length);
}

/** Concepts paired at most (the rarest): three give three pairs, four give six. */
const PAIRED = 4;
const PAIR_LIMIT = 20;

/**
 * `A AND B` for each pair of the rarest concepts, each in any of its own forms; none for one concept.
 * Two concepts give their intersection: the union ranks short passages naming Bukharin often above
 * the long one that names him once beside his sentence.
 */
export function pairQueries(concepts: Concept[]): string[] {
  if (concepts.length < 2) return [];
  const groups = [...concepts]
    .sort((a, b) => a.df - b.df)
    .slice(0, PAIRED)
    .map((c) => c.words.filter((w) => /^[\p{L}\p{N}]+$/u.test(w) && c.roots.get(root(w)) === 1).slice(0, 8))
    .filter((g) => g.length)
    .map((g) => (g.length === 1 ? quote(g[0]!) : `(${g.map(quote).join(' OR ')})`));
  const out: string[] = [];
  for (let i = 0; i < groups.length; i++) for (let j = i + 1; j < groups.length; j++) out.push(`${groups[i]} AND ${groups[j]}`);
  return out;
}

/** Every concept, each in any of its forms: `("executions" OR "execution") AND "1937"`. */
export function allQuery(concepts: Concept[]): string | null {
  const groups = concepts.map((c) => c.words.filter((w) => /^[\p{L}\p{N}]+$/u.test(w) && c.roots.get(root(w)) === 1).slice(0, 8));
  if (!groups.length || groups.some((g) => !g.length)) return null;
  return groups.map((g) => (g.length === 1 ? quote(g[0]!) : `(${g.map(quote).join(' OR ')})`)).join(' AND ');
}

/** How much a pair list's rank counts against a full ranking's. */
const PAIR_VOTE = 0.25;

/** Reciprocal-rank fusion; lists after the first `full` are pair lists and vote less. */
function fuse(lists: Hit[][], full = lists.length): Candidate[] {
  const fused = new Map<string, Candidate>();
  for (const [i, list] of lists.entries()) {
    const vote = i < full ? 1 : PAIR_VOTE;
    list.forEach((h, rank) => {
      const c = fused.get(h.passage.id) ?? { passage: h.passage, rrf: 0 };
      c.rrf += vote / (RRF_K + rank + 1);
      fused.set(h.passage.id, c);
    });
  }
  return [...fused.values()].sort((a, b) => b.rrf - a.rrf).slice(0, MAX_CANDIDATES);
}
