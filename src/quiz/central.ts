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
  'executions',
  'death sentences',
  'arrests',
  'Great Terror',
  'purge',
  'expulsions from the party',
  'repressions',
  'NKVD',
  'Yezhov',
  'Yagoda',
  'Beria',
  'Vyshinsky',
  'Order 00447',
  'troikas',
  'kulaks',
  'national operations',
  'show trials',
  'Zinoviev Kamenev',
  'Bukharin',
  'Kirov murder',
  'Tukhachevsky',
  'military conspiracy',
  'torture',
  'confessions',
  'conspiracy',
  'Trotskyists',
  'regional party secretaries',
  'Gulag camps',
  'rehabilitation',
  'Khrushchev secret speech',
  'victims',
  'Stalin responsibility',
  'terror causes',
  'sabotage wrecking',
  'espionage spies',
  '1937 elections',
];

/** Sentences taken per topic and source: a source's few central statements, not its every mention. */
const PER_TOPIC_SOURCE = 20;
/** Passages read per topic and source: the central sentences are in the best few. */
const PASSAGES_PER_SOURCE = 12;
/** Passages of a piece short enough for its title to say what it is about. */
const SHORT_PIECE = 40;

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
  // A short piece's own subject too, as its title names it (a blog post on one revolt is about that
  // revolt); a book's title is too broad to be a topic.
  const own = ctx.repo
    .sources()
    .filter((s) => s.passageCount <= SHORT_PIECE)
    .map((s) => s.meta.title);
  for (const topic of [...topics, ...own]) {
    const q = question(ctx, topic, { topic: true });
    if (!q.concepts.length) continue;
    for (const on of topicBySource(ctx, q, new Set(), PASSAGES_PER_SOURCE).values()) {
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
