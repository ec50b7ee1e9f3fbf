/**
 * Centroid salience (as in MEAD's centroid-based summaries): the words that the sentences on a topic
 * share, across every source, say what the topic is about beyond its own name ("peasants",
 * "kulaks", "1930" for collectivisation). A sentence using many of them is central to the topic;
 * one that names the topic in passing is not.
 */
import { STOPWORDS } from '../search/fts-query.ts';
import { root } from '../search/roots.ts';
import type { Lexicon } from './lexicon.ts';
import type { Question } from './question.ts';

/** Words the centroid keeps: its most telling, as MEAD keeps the top of its tf·idf vector. */
const CENTROID_WORDS = 40;

export function centroidScores(q: Question, sentences: readonly (readonly string[])[], lex: Lexicon): number[] {
  const asked = new Set(q.concepts.flatMap((c) => [...c.roots.keys()]));
  const stop = new Set([...STOPWORDS].map(root));
  const sets = sentences.map((tokens) => new Set(tokens.filter((t) => t.length > 2 && !asked.has(t) && !stop.has(t))));
  const count = new Map<string, number>();
  for (const s of sets) for (const t of s) count.set(t, (count.get(t) ?? 0) + 1);
  // A word is in the centroid for being shared by several sentences on the topic and rare in the corpus.
  const weight = new Map(
    [...count]
      .filter(([, n]) => n >= 2)
      .map(([t, n]) => [t, (n / sets.length) * lex.idf(lex.rootFreq(t))] as const)
      .sort((a, b) => b[1] - a[1])
      .slice(0, CENTROID_WORDS),
  );
  const raw = sets.map((s) => {
    let sum = 0;
    for (const t of s) sum += weight.get(t) ?? 0;
    // Long sentences hold more words by length alone.
    return sum / Math.sqrt(Math.max(8, s.size));
  });
  const max = Math.max(0, ...raw);
  return max > 0 ? raw.map((x) => x / max) : raw.map(() => 0);
}
