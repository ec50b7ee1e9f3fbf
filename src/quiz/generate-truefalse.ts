/**
 * "Is this what the source says?" against a cited sentence. The altered variant swaps one figure,
 * date or name for a distractor of the same type; which variant a sentence gets is decided by
 * hash. The claim is shown without quotation marks (it may be altered); the explanation quotes the
 * real sentence. The options judge the attribution, never the claim: the sources are partisan, and
 * "True" under a claim would be the bot vouching for it.
 */
import { dateDistractors, figureDistractors, peopleDistractors } from './distractors.ts';
import { sourceLabel, type Draft, type GenContext } from './draft.ts';
import { quizDate } from './generate-date.ts';
import { quizFigure } from './generate-figure.ts';
import { sourceOption } from './generate-source.ts';
import { nameSpan } from './generate-who.ts';
import { mentionsIn, type QuizPerson } from './people.ts';
import { hash32, type SentenceRef } from './text.ts';
import { DOES_NOT_SAY, SAYS } from './types.ts';

export { DOES_NOT_SAY, SAYS };

interface Swap {
  start: number;
  end: number;
  original: string;
  replacement: string;
}

function swapFor(ctx: GenContext, s: SentenceRef, seed: string): Swap | null {
  const fig = quizFigure(s.text);
  if (fig) {
    const alt = figureDistractors(fig.figure.raw, seed, 1)?.[0];
    if (alt) return { start: fig.start, end: fig.start + fig.figure.raw.length, original: fig.figure.raw, replacement: alt };
  }
  const date = quizDate(s.text);
  if (date) {
    const alt = dateDistractors(date.date, seed, 1)[0];
    if (alt) return { start: date.start, end: date.start + date.raw.length, original: date.raw, replacement: alt };
  }
  const mentions = mentionsIn(ctx.index, s.text);
  for (const [id, spans] of mentions) {
    const qp: QuizPerson | undefined = ctx.people.get(id);
    if (!qp || spans.length !== 1) continue;
    const span = nameSpan(s.text, spans[0]!, qp);
    if (!span) continue;
    const other = peopleDistractors(qp, ctx.people.values(), new Set(mentions.keys()), 1)?.[0];
    if (!other) continue;
    // A bare surname is swapped for a bare surname, a full name for a full name: the sentence stays grammatical.
    const replacement = span.start < spans[0]!.start ? other.display : other.display.split(/\s+/).pop()!;
    return { start: span.start, end: span.end, original: s.text.slice(span.start, span.end), replacement };
  }
  return null;
}

export function trueFalseDraft(ctx: GenContext, s: SentenceRef): Draft | null {
  if (/\b(?:true|false)\b/i.test(s.text)) return null;
  const seed = `${s.passage.id}:${s.start}`;
  const swap = swapFor(ctx, s, seed);
  if (!swap) return null;
  const isFalse = hash32(`${seed}:tf`) % 2 === 1;
  const claim = isFalse ? `${s.text.slice(0, swap.start)}${swap.replacement}${s.text.slice(swap.end)}` : s.text;
  return {
    kind: 'truefalse',
    prompt: `Is this what ${sourceOption(ctx.repo.source(s.passage.sourceId)!)} says?`.slice(0, 120),
    stem: `Claim attributed to ${sourceLabel(ctx, s.passage)}: ${claim.trim()}`,
    answer: isFalse ? DOES_NOT_SAY : SAYS,
    distractors: [isFalse ? SAYS : DOES_NOT_SAY],
    passage: s.passage,
    quote: s.text,
    note: isFalse ? `The source has “${swap.original}”, not “${swap.replacement}”.` : 'The source says exactly this.',
  };
}
