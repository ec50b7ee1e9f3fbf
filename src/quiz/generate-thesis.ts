/**
 * Thesis to source: the big questions a study group argues over ("Why did the terror happen?"),
 * each source's own answer to it, and which source gave it. The sources' positions differ, so
 * matching a position to its source is what reading them critically means.
 */
import { rankSentences, question } from '../answer/engine.ts';
import type { Draft, GenContext } from './draft.ts';
import { sourceOption } from './generate-source.ts';
import { eventDateDisputed, ownClaim, quotedVoice } from './honest.ts';
import { stanceOf } from './stance.ts';
import { usableSentence } from './text.ts';

/** The questions the sources answer differently. */
export const THESIS_QUESTIONS: readonly { ask: string; topic: string }[] = [
  { ask: 'Why did the Great Terror happen?', topic: 'terror causes' },
  { ask: 'Was there a real conspiracy against Stalin?', topic: 'conspiracy' },
  { ask: 'Who was responsible for the mass repressions?', topic: 'Stalin responsibility' },
  { ask: 'Were the confessions at the Moscow trials genuine?', topic: 'confessions' },
  { ask: 'Why were the military commanders purged?', topic: 'Tukhachevsky' },
  { ask: 'Why were so many party officials arrested?', topic: 'regional party secretaries' },
];

/**
 * Words that give a cause: a "why" is answered by "because …", "the reasons lay in …", not by a
 * sentence that tells what followed ("creating an atmosphere of fear").
 */
const CAUSE =
  /\b(?:because|due to|results? of|as a result|in order to|so as to|so that|owing to|reasons?|motives?|caus\w*|led to|explain\w*|stemm\w*|arose|lying in|lay in|lies in|sparked|prompted|consequences? of|in response to|pretext|aim\w*|sought|wanted|wished|intended|afraid (?:that|of)|feared|for fear|fearing)\b/i;

/** The sentence answers the question asked: a cause for "why", a plain yes or no for "was there …?". */
export function answersAsked(ask: string, text: string): boolean {
  if (/^why\b/i.test(ask)) return CAUSE.test(text);
  if (/^(?:was|were|did|is|are)\b/i.test(ask)) return stanceOf(text, ask) !== null;
  return true;
}

/** A position counts when it plainly answers (fit) and holds most of the question. */
const MIN_OWN = 0.75;

export function thesisDrafts(ctx: GenContext): Draft[] {
  const sources = ctx.repo.sources();
  const options = sources.map(sourceOption);
  const out: Draft[] = [];
  for (const { ask, topic } of THESIS_QUESTIONS) {
    const q = question(ctx.engine, ask);
    if (!q.concepts.length) continue;
    for (const source of sources) {
      const best = rankSentences(ctx.engine, q, { exclude: new Set(), perSource: 12, global: 0, sources: [source.meta.id] }).find((r) => {
        const text = r.passage.text.slice(r.start, r.end);
        return (
          r.own >= MIN_OWN &&
          r.matched >= 2 &&
          r.fit > 1 &&
          r.start === r.passage.sentences[r.index]!.start &&
          ownClaim(r.passage, r.index) &&
          usableSentence(text, { min: 60, max: 320 }) &&
          answersAsked(ask, text) &&
          !eventDateDisputed(ctx.engine, r.passage, text)
        );
      });
      if (!best) continue;
      const text = best.passage.text.slice(best.start, best.end);
      // Words naming the source would give it away.
      if (source.meta.authors.some((a) => text.includes(a.family))) continue;
      const label = sourceOption(source);
      const voice = quotedVoice(best.passage);
      out.push({
        kind: 'thesis',
        prompt: 'Whose answer is this?',
        // Every stem alike ("its own or quoted"): naming the quoted author would point to the compilation.
        stem: `“${ask}” One source answers with these words, its own or quoted: “${text.trim()}” Which source is it?`,
        ...(voice ? { note: `These are the words of ${voice}, as the source quotes them.`.slice(0, 300) } : {}),
        answer: label,
        distractors: options.filter((o) => o !== label),
        order: options,
        passage: best.passage,
        quote: text,
        topic,
        centrality: Math.round(100 * Math.min(1, best.own)) / 100,
      });
    }
  }
  return out;
}
