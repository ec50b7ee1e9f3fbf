/**
 * What each source says on a topic (for /compare): every source's sentences on it, ranked with
 * the answer engine, figures and dates first. A source is "silent" only when none of its sentences
 * carries the topic's words (in any spelling, form or synonym) itself.
 */
import type { Figure } from '../core/figures.ts';
import { sentenceFiguresOf } from '../core/figures.ts';
import { rankSentences, type EngineContext, type RankedSentence } from './engine.ts';
import { sentenceTokens, WHOLE_TOPIC } from './score.ts';
import type { Question } from './question.ts';

/** Share of the topic's weight a sentence must hold (itself, or as part of a section on the topic) to be on it. */
export const ON_TOPIC = 0.35;
/** Share of the on-topic bar a source's best sentence must hold, with a specific word of the topic, for the source not to be silent. */
const PART_OF_TOPIC = 0.5;
/** Passages read per source: a monograph says most things in more than a handful of places. */
const PER_SOURCE = 30;
/** How much a figure counts as on the topic for standing in a paragraph that holds the whole topic. */
const FIGURE_IN_TOPIC = 0.6;
const DATE = /\b1[89]\d\d\b|\b(January|February|March|April|May|June|July|August|September|October|November|December)\b/;

export interface TopicSentence extends RankedSentence {
  figures: readonly Figure[];
  dated: boolean;
  /** Rank within its source: coverage first, then what a figure or date adds. */
  weight: number;
}

export interface SourceOnTopic {
  sourceId: string;
  /** Best first. */
  sentences: TopicSentence[];
  passages: number;
  /** Speaks to part of the topic only: one sentence holding a specific word of it. */
  partial?: boolean;
}

/**
 * How much a sentence is on the topic: by its own words, or as a sentence of a section headed
 * with the topic whose passage names it ("380,000 peasant families were moved" under
 * "Collectivisation of Agriculture"), or, less, by the sentences around it.
 */
export function topicality(r: RankedSentence): number {
  return Math.max(r.own, 0.85 * Math.min(r.heading, r.inPassage), 0.6 * r.coverage, r.own > 0 ? 0.7 * r.inPassage : 0);
}

export function onTopic(r: RankedSentence): boolean {
  return topicality(r) >= ON_TOPIC && (r.matched >= 1 || r.heading >= ON_TOPIC);
}

export function topicBySource(ctx: EngineContext, q: Question, exclude: ReadonlySet<string>, perSource = PER_SOURCE): Map<string, SourceOnTopic> {
  const ranked = rankSentences(ctx, q, { exclude, global: 0, perSource, keepAll: true });
  const out = new Map<string, SourceOnTopic>();
  const seen = new Set<string>();
  for (const r of ranked) {
    const figures = sentenceFiguresOf(r.passage)[r.index]!;
    // A figure in a paragraph that holds the whole topic counts it ("Yezhov claimed 357,000 of them had been rounded up");
    // the paragraph's own words must hold it, not only its chapter's title (a chapter on Kirov's murder also counts rubles).
    const counted = figures.length > 0 && r.inText >= WHOLE_TOPIC;
    if (!onTopic(r) && !counted) continue;
    // The same words in two places (a passage the booklet repeats) are quoted once.
    const said = `${r.passage.sourceId}\u0000${r.passage.text.slice(r.start, r.end)}`;
    if (seen.has(said)) continue;
    seen.add(said);
    const text = r.passage.text.slice(r.start, r.end);
    const dated = DATE.test(text);
    // A figure or date adds to a sentence that speaks of the topic, not to one that only stands under its heading.
    const speaks = r.own > 0 || counted;
    const weight =
      Math.max(topicality(r), counted ? FIGURE_IN_TOPIC * r.inPassage : 0) +
      r.total -
      r.score +
      0.1 * r.fit +
      (figures.length && speaks ? 0.15 : 0) +
      (dated && speaks ? 0.05 : 0);
    const entry = out.get(r.passage.sourceId) ?? { sourceId: r.passage.sourceId, sentences: [], passages: 0 };
    entry.sentences.push({ ...r, figures, dated, weight });
    out.set(r.passage.sourceId, entry);
  }
  // A source none of whose sentences holds enough of the topic is not silent when one holds one of
  // the topic's more specific words ("foreigners … were arrested" on the repression of foreigners
  // and national minorities): its best such sentence is quoted, after the sources that say more.
  const specific = [...q.concepts].sort((a, b) => b.idf - a.idf).slice(0, Math.ceil(q.concepts.length / 2));
  for (const r of ranked) {
    if (out.has(r.passage.sourceId) || r.own < ON_TOPIC * PART_OF_TOPIC) continue;
    const tokens = sentenceTokens(r.passage)[r.index]!;
    if (!specific.some((c) => tokens.some((t) => (c.roots.get(t) ?? 0) >= 0.7))) continue;
    const text = r.passage.text.slice(r.start, r.end);
    out.set(r.passage.sourceId, {
      sourceId: r.passage.sourceId,
      sentences: [{ ...r, figures: sentenceFiguresOf(r.passage)[r.index]!, dated: DATE.test(text), weight: topicality(r) }],
      passages: 0,
      partial: true,
    });
  }
  for (const e of out.values()) {
    e.sentences.sort((a, b) => b.weight - a.weight);
    e.passages = new Set(e.sentences.map((s) => s.passage.id)).size;
  }
  return out;
}
