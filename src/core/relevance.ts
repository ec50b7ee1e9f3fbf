/**
 * Sentence-level relevance for /ask and /compare: how much of a question's weighted vocabulary a
 * sentence covers. Words are compared by a light suffix-stripped root, so "executions" meets
 * "executed" but not "executive" (which a Porter stem would conflate).
 */
import type { DB } from '../db/open.ts';
import { contentTokens } from '../search/fts-query.ts';
import { foldDiacritics } from '../people/name-key.ts';
import { root, rootFamily } from '../search/roots.ts';
import { memoByObject } from './memo.ts';

export { root };

/** A word seen for each root, so its document frequency can be asked of FTS5 in FTS5's own stemming. */
const wordOfRoot = new Map<string, string>();

export function rootsOf(text: string): string[] {
  const roots = new Set<string>();
  for (const token of contentTokens(text)) {
    const r = root(token);
    if (!wordOfRoot.has(r)) wordOfRoot.set(r, token);
    roots.add(r);
  }
  return [...roots];
}

/** For each word of `text` that names a person, the roots of the corpus's spellings of that name. */
export function nameFamilies(text: string, spellingsFor: (token: string) => readonly string[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const token of contentTokens(text)) {
    const spellings = spellingsFor(token);
    if (spellings.length) out.set(root(token), [...new Set(spellings.flatMap((s) => [...sentenceRoots(s)]))]);
  }
  return out;
}

/** Roots of each sentence of a passage, computed once per passage: the corpus changes only at ingest. */
export const sentenceRootsOf = memoByObject((p: { text: string; sentences: { start: number; end: number }[] }): Set<string>[] =>
  p.sentences.map((s) => sentenceRoots(p.text.slice(s.start, s.end))),
);

export function sentenceRoots(text: string): Set<string> {
  return new Set((foldDiacritics(text.toLowerCase()).match(/[\p{L}\p{N}]+/gu) ?? []).map(root));
}

/**
 * Inverse document frequency per root. Our roots and FTS5's Porter stems differ ("party" vs
 * "parti"), so the count comes from an FTS5 query for a word with that root, stemmed by FTS5.
 */
export class TermWeights {
  private readonly cache = new Map<string, number>();
  private readonly total: number;
  private readonly stmt;

  constructor(db: DB) {
    this.total = Math.max(1, (db.prepare('SELECT count(*) AS n FROM passages').get() as { n: number }).n);
    this.stmt = db.prepare('SELECT count(*) AS df FROM passages_fts WHERE passages_fts MATCH ?');
  }

  idf(r: string): number {
    let v = this.cache.get(r);
    if (v === undefined) {
      // Tokens are letters and digits only, so the quoted word is a plain FTS5 string.
      const word = (wordOfRoot.get(r) ?? r).replace(/[^\p{L}\p{N}]/gu, '');
      const df = word ? (this.stmt.get(`"${word}"`) as { df: number }).df : 0;
      v = Math.log(1 + (this.total - df + 0.5) / (df + 0.5));
      this.cache.set(r, v);
    }
    return v;
  }

  /**
   * Fraction of the question's weight a sentence covers, and how many roots matched. `names`
   * (from `nameFamilies`) lets a name typed one way match the corpus's other spellings of it.
   */
  coverage(questionRoots: string[], sentence: Set<string>, names?: ReadonlyMap<string, string[]>): { coverage: number; matched: number } {
    let have = 0;
    let all = 0;
    let matched = 0;
    for (const r of questionRoots) {
      const spelled = names?.get(r);
      const w = this.idf(r);
      all += w;
      if (rootFamily(r).some((x) => sentence.has(x)) || spelled?.some((x) => sentence.has(x))) {
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
