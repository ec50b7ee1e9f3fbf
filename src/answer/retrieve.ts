/**
 * Candidate passages for a question, from two FTS5 rankings fused by reciprocal rank: the best
 * passages over the whole corpus, and the best of each source (so a long monograph paragraph
 * holding every word competes with a two-line excerpt holding one, and every source is heard).
 */
import type { CorpusRepo, Hit } from '../corpus/repo.ts';
import type { Passage } from '../corpus/types.ts';
import type { Concept, Question } from './question.ts';

/** A concept in more than this share of passages only ranks sentences; searching for it finds everything. */
const COMMON = 0.2;
const MAX_TERMS = 48;
const RRF_K = 60;

function quote(word: string): string {
  return `"${word.replace(/"/g, '""')}"`;
}

/** An FTS5 query matching any form of any searchable concept; null when there is none. */
export function anyQuery(concepts: Concept[], passages: number): string | null {
  const rare = concepts.filter((c) => c.df <= passages * COMMON);
  const use = rare.length ? rare : concepts;
  const words = [...new Set(use.flatMap((c) => c.words))].filter((w) => /^[\p{L}\p{N}]+$/u.test(w)).slice(0, MAX_TERMS);
  return words.length ? words.map(quote).join(' OR ') : null;
}

export interface Candidate {
  passage: Passage;
  /** Reciprocal-rank fusion of the passage's ranks. */
  rrf: number;
}

export function retrieve(repo: CorpusRepo, q: Question, opts: { global: number; perSource: number; exclude: ReadonlySet<string>; passages: number }): Candidate[] {
  const fts = anyQuery(q.concepts, opts.passages);
  if (!fts) return [];
  const lists: Hit[][] = [repo.match(fts, { limit: opts.global, exclude: opts.exclude })];
  if (opts.perSource > 0) lists.push(...repo.matchPerSource(fts, opts.perSource, opts.exclude).values());
  const fused = new Map<string, Candidate>();
  for (const list of lists) {
    list.forEach((h, rank) => {
      const c = fused.get(h.passage.id) ?? { passage: h.passage, rrf: 0 };
      c.rrf += 1 / (RRF_K + rank + 1);
      fused.set(h.passage.id, c);
    });
  }
  return [...fused.values()].sort((a, b) => b.rrf - a.rrf);
}
