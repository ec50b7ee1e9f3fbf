/**
 * Pseudo-relevance feedback for topics: the words that recur in the best sentences on a topic
 * (beside the topic's own words) are added, lightly weighted, so a source that says "Party members
 * … victims" is found for "communists repressed" when another source's best sentences use both.
 */
import { foldDiacritics } from '../people/name-key.ts';
import { STOPWORDS } from '../search/fts-query.ts';
import { root } from '../search/roots.ts';
import type { Lexicon } from './lexicon.ts';
import type { Concept, Question } from './question.ts';
import type { RankedSentence } from './engine.ts';

const DOCS = 10;
const PER_SOURCE = 3;
const TERMS = 6;
/** A feedback word counts for this share of its idf. */
const WEIGHT = 0.35;

export function withFeedback(q: Question, ranked: RankedSentence[], lex: Lexicon, good: (r: RankedSentence) => boolean): Question {
  const perSource = new Map<string, number>();
  const docs: RankedSentence[] = [];
  for (const r of ranked) {
    if (docs.length >= DOCS) break;
    if (!good(r) || (perSource.get(r.passage.sourceId) ?? 0) >= PER_SOURCE) continue;
    if (docs.some((d) => d.passage.text.slice(d.start, d.end) === r.passage.text.slice(r.start, r.end))) continue;
    perSource.set(r.passage.sourceId, (perSource.get(r.passage.sourceId) ?? 0) + 1);
    docs.push(r);
  }
  if (docs.length < 3) return q;
  const known = new Set(q.concepts.flatMap((c) => [...c.roots.keys()]));
  const counts = new Map<string, { n: number; word: string }>();
  for (const d of docs) {
    const seen = new Set<string>();
    for (const w of foldDiacritics(d.passage.text.slice(d.start, d.end).toLowerCase()).match(/\p{L}{3,}/gu) ?? []) {
      if (STOPWORDS.has(w)) continue;
      const r = root(w);
      if (known.has(r) || seen.has(r)) continue;
      seen.add(r);
      const c = counts.get(r) ?? { n: 0, word: w };
      c.n++;
      counts.set(r, c);
    }
  }
  const terms = [...counts.entries()]
    .filter(([, c]) => c.n >= 2)
    .map(([r, c]) => ({ r, word: c.word, value: (c.n / docs.length) * lex.idf(lex.rootFreq(r)) }))
    .sort((a, b) => b.value - a.value)
    .slice(0, TERMS);
  const added: Concept[] = terms.map((t) => {
    const df = lex.rootFreq(t.r);
    return { token: t.word, roots: new Map([[t.r, 1]]), words: [t.word], df, idf: lex.idf(df) * WEIGHT, name: false, verb: false, feedback: true };
  });
  return { ...q, concepts: [...q.concepts, ...added] };
}
