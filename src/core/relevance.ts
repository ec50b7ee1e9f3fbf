/**
 * Sentence-level relevance for /ask and /compare: how much of a question's weighted vocabulary a
 * sentence covers. Words are compared by a light suffix-stripped root, so "executions" meets
 * "executed" but not "executive" (which a Porter stem would conflate).
 */
import type { DB } from '../db/open.ts';
import { contentTokens } from '../search/fts-query.ts';
import { foldDiacritics } from '../people/name-key.ts';
import { root, rootFamily } from '../search/roots.ts';

export { root };

export function rootsOf(text: string): string[] {
  return [...new Set(contentTokens(text).map(root))];
}

const passageRoots = new WeakMap<object, Set<string>[]>();

/** Roots of each sentence of a passage, computed once per passage: the corpus changes only at ingest. */
export function sentenceRootsOf(p: { text: string; sentences: { start: number; end: number }[] }): Set<string>[] {
  let roots = passageRoots.get(p);
  if (!roots) passageRoots.set(p, (roots = p.sentences.map((s) => sentenceRoots(p.text.slice(s.start, s.end)))));
  return roots;
}

export function sentenceRoots(text: string): Set<string> {
  return new Set((foldDiacritics(text.toLowerCase()).match(/[\p{L}\p{N}]+/gu) ?? []).map(root));
}

/** Inverse document frequency per root, from the FTS vocabulary (porter stems share the root prefix). */
export class TermWeights {
  private readonly cache = new Map<string, number>();
  private readonly total: number;
  private readonly stmt;

  constructor(db: DB) {
    this.total = Math.max(1, (db.prepare('SELECT count(*) AS n FROM passages').get() as { n: number }).n);
    this.stmt = db.prepare("SELECT coalesce(max(doc), 0) AS df FROM passages_vocab WHERE term >= ? AND term < ? || 'zzzz'");
  }

  idf(r: string): number {
    let v = this.cache.get(r);
    if (v === undefined) {
      const df = (this.stmt.get(r, r) as { df: number }).df;
      v = Math.log(1 + (this.total - df + 0.5) / (df + 0.5));
      this.cache.set(r, v);
    }
    return v;
  }

  /** Fraction of the question's weight a sentence covers, and how many roots matched. */
  coverage(questionRoots: string[], sentence: Set<string>): { coverage: number; matched: number } {
    let have = 0;
    let all = 0;
    let matched = 0;
    for (const r of questionRoots) {
      const w = this.idf(r);
      all += w;
      if (rootFamily(r).some((x) => sentence.has(x))) {
        have += w;
        matched++;
      }
    }
    return { coverage: all ? have / all : 0, matched };
  }
}

const cache = new WeakMap<DB, TermWeights>();

/** Document frequencies change at ingest: the next termWeights() call recomputes them. */
export function resetTermWeights(db: DB): void {
  cache.delete(db);
}

/** One TermWeights per database: document frequencies change only at ingest. */
export function termWeights(db: DB): TermWeights {
  let w = cache.get(db);
  if (!w) cache.set(db, (w = new TermWeights(db)));
  return w;
}
