/**
 * Which sentences a quiz may be built from: those the answer engine ranks as central to a topic
 * of the purges, per source, so that a question teaches what the sources say about the terror and
 * not whatever year or number a sentence on 1942 diplomacy happens to hold.
 */
import { question, type EngineContext } from '../answer/engine.ts';
import { topicality, topicBySource } from '../answer/topic.ts';
import type { Passage } from '../corpus/types.ts';

/**
 * The topics a study group of the purges works through: people, measures, figures, trials and the
 * sources' explanations. Language of the field, not of any one text; each is looked up with the
 * answer engine (spellings, word forms, WordNet), so a source's own wording is found.
 */
export const PURGE_TOPICS: readonly string[] = [
  'executions death sentences',
  'mass arrests',
  'Great Terror',
  'party purge expulsions',
  'NKVD',
  'Yezhov',
  'Yagoda',
  'Beria',
  'Vyshinsky',
  'Order 00447',
  'troikas',
  'kulak operation',
  'national operations',
  'Moscow show trials',
  'Zinoviev Kamenev trial',
  'Bukharin trial',
  'Kirov murder',
  'military purge Tukhachevsky',
  'torture confessions',
  'conspiracy plot',
  'Trotskyists opposition',
  'regional party secretaries',
  'Gulag camps prisoners',
  'rehabilitation',
  'Khrushchev secret speech',
  'victims of repression',
  'Stalin responsibility for the terror',
  'causes of the terror',
  'sabotage wrecking espionage',
  'elections 1937',
];

/** Sentences taken per topic and source: a source's few central statements, not its every mention. */
const PER_TOPIC_SOURCE = 8;

export interface CentralSentence {
  passage: Passage;
  index: number;
  /** The span a question may quote (the sentence, or it with the one its "he" leans on). */
  start: number;
  end: number;
  topic: string;
  /** 0–1: how central the sentence is to its topic in its source (rank and topicality). */
  centrality: number;
}

/** Every central sentence, keyed `passageId:index`, each under the topic it is most central to. */
export function centralSentences(ctx: EngineContext, topics: readonly string[] = PURGE_TOPICS): Map<string, CentralSentence> {
  const out = new Map<string, CentralSentence>();
  for (const topic of topics) {
    const q = question(ctx, topic, { topic: true });
    if (!q.concepts.length) continue;
    for (const on of topicBySource(ctx, q, new Set()).values()) {
      on.sentences.slice(0, PER_TOPIC_SOURCE).forEach((r, rank) => {
        const centrality = Math.round(100 * Math.min(1, topicality(r)) * (1 - rank / (2 * PER_TOPIC_SOURCE))) / 100;
        if (centrality <= 0) return;
        const key = `${r.passage.id}:${r.index}`;
        const known = out.get(key);
        if (!known || known.centrality < centrality) out.set(key, { passage: r.passage, index: r.index, start: r.start, end: r.end, topic, centrality });
      });
    }
  }
  return out;
}
