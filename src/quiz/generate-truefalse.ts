/**
 * "Is this what the source says?" against a cited sentence. The altered variant makes a change a
 * reader of the passage would catch: another source's figure on the same topic (or one far from
 * the source's), or another person named in the same events, of the same walk of life. The
 * people the corpus is about (the most named) are never swapped: "the Trotsky era" is nonsense,
 * not a test. The claim is shown without quotation marks (it may be altered); the explanation
 * quotes the real sentence. The options judge the attribution, never the claim: the sources are
 * partisan, and "True" under a claim would be the bot vouching for it.
 */
import { EXAMPLE } from './referent.ts';
import { figuresIn } from '../core/figures.ts';
import { isPercent, parseFigure } from './distractors.ts';
import { sourceLabel, type Draft, type GenContext } from './draft.ts';
import { quizFigure, trivial } from './generate-figure.ts';
import { sourceOption } from './generate-source.ts';
import { nameSpan } from './generate-who.ts';
import { mentionsIn } from '../people/mentions.ts';
import type { Passage } from '../corpus/types.ts';
import { containsWords, type SentenceRef } from './text.ts';
import { DOES_NOT_SAY, SAYS } from './types.ts';

export { DOES_NOT_SAY, SAYS };

export interface Swap {
  start: number;
  end: number;
  original: string;
  replacement: string;
  /** Where the replacement comes from, for the explanation. */
  from?: string;
}

/** A figure another source (or passage) gives on the same topic: what a careless reader would mix up. */
export interface TopicFigure {
  raw: string;
  passageId: string;
  source: string;
}

function figureSwap(s: SentenceRef, others: readonly TopicFigure[]): Swap | null {
  // The headline figure of the sentence: changing a sub-count in a list tests rote wording.
  const fig = quizFigure(s.text, { needYear: false, largest: true });
  const f = fig && parseFigure(fig.figure.raw);
  if (!fig || !f || trivial(fig.figure)) return null;
  const at = { start: fig.start, end: fig.start + fig.figure.raw.length, original: fig.figure.raw };
  // Only another source's figure on the topic: a reader of both can tell whose it is. A number
  // merely nudged ("2.5 million" for "1.5 million") tests rote memory, not reading.
  const prefix = (id: string) => id.split('-')[0];
  for (const o of others) {
    const of = parseFigure(o.raw);
    if (!of || prefix(o.passageId) === prefix(s.passage.id) || isPercent(of) !== isPercent(f) || containsWords(s.text, o.raw)) continue;
    const ratio = of.value / f.value;
    if (ratio > 1 / 3 && ratio < 3 && Math.abs(ratio - 1) >= 0.15) return { ...at, replacement: o.raw, from: o.source };
  }
  return null;
}

/** Per generation: each passage's people, with its neighbours' (the same events), computed once. */
const aroundCache = new WeakMap<GenContext, Map<string, Set<string>>>();

/**
 * The people of nearby events: named in the paragraphs around this one but not in it. Someone in
 * the same paragraph may be the other party of the same event (the murderer for the victim), or
 * named there with a claim like it: swapping them in makes nonsense or a defensible claim.
 */
function peopleAround(ctx: GenContext, passage: Passage): Set<string> {
  let bySource = aroundCache.get(ctx);
  if (!bySource) aroundCache.set(ctx, (bySource = new Map()));
  if (!bySource.has(passage.id)) {
    const passages = ctx.repo.passagesOf(passage.sourceId);
    const named = passages.map((p) => new Set(mentionsIn(ctx.index, p.text).keys()));
    passages.forEach((p, i) => {
      const near = new Set([...named.slice(Math.max(0, i - 2), i), ...named.slice(i + 1, i + 3)].flatMap((n) => [...n]));
      for (const id of named[i]!) near.delete(id);
      bySource!.set(p.id, near);
    });
  }
  return bySource.get(passage.id)!;
}

function personSwap(ctx: GenContext, s: SentenceRef, anchors: ReadonlySet<string>): Swap | null {
  const mentions = mentionsIn(ctx.index, s.text);
  const around = peopleAround(ctx, s.passage);
  // Only the first person named, who is usually who acts: a name further on is a detail.
  const first = [...mentions].sort((a, b) => a[1][0]!.start - b[1][0]!.start).slice(0, 1);
  for (const [id, spans] of first) {
    const qp = ctx.people.get(id);
    if (!qp || spans.length !== 1 || anchors.has(id)) continue;
    const span = nameSpan(s.text, spans[0]!, qp);
    if (!span) continue;
    // One name of a list swapped leaves the claim true in the main: only a name that carries the sentence.
    if (/,\s*$|\band\s*$/.test(s.text.slice(0, span.start)) || /^\s*(?:,|and\b)/.test(s.text.slice(span.end))) continue;
    const other = [...around]
      .map((o) => ctx.people.get(o))
      .find(
        (o) =>
          o &&
          o.person.id !== id &&
          !mentions.has(o.person.id) &&
          !anchors.has(o.person.id) &&
          o.group === qp.group &&
          !containsWords(s.text, o.display.split(/\s+/).pop()!),
      );
    if (!other) continue;
    // A bare surname is swapped for a bare surname, a full name for a full name: the sentence stays grammatical.
    const replacement = span.start < spans[0]!.start ? other.display : other.display.split(/\s+/).pop()!;
    return { start: span.start, end: span.end, original: s.text.slice(span.start, span.end), replacement };
  }
  return null;
}

/** The change that makes the altered variant of a sentence, or null when none is meaningful. */
export function swapFor(ctx: GenContext, s: SentenceRef, others: readonly TopicFigure[], anchors: ReadonlySet<string>): Swap | null {
  if (/\b(?:true|false)\b/i.test(s.text)) return null;
  // A claim with many numbers (counts, days, order numbers; years aside) tests rote wording whichever one is changed.
  if ((s.text.match(/\d[\d,.]*\d|\d/g) ?? []).filter((n) => !/^1[89]\d\d$/.test(n)).length > 2) return null;
  // A count or share with no year ("Approximately 25 per cent of those … were freed") cannot be judged: which years?
  if (figuresIn(s.text).length && !/\b1[89]\d\d\b/.test(s.text)) return null;
  // One place or plant as an example ("In the Smolensk province alone …") is an aside, not what the source argues.
  if (EXAMPLE.test(s.text)) return null;
  return figureSwap(s, others) ?? personSwap(ctx, s, anchors);
}

export function trueFalseDraft(ctx: GenContext, s: SentenceRef, swap: Swap, isFalse: boolean): Draft {
  const claim = isFalse ? `${s.text.slice(0, swap.start)}${swap.replacement}${s.text.slice(swap.end)}` : s.text;
  const from = swap.from ? ` (“${swap.replacement}” is ${swap.from}’s figure)` : '';
  return {
    kind: 'truefalse',
    prompt: `Is this what ${sourceOption(ctx.repo.source(s.passage.sourceId)!)} says?`.slice(0, 120),
    stem: `Claim attributed to ${sourceLabel(ctx, s.passage)}: ${claim.trim()}`,
    answer: isFalse ? DOES_NOT_SAY : SAYS,
    distractors: [isFalse ? SAYS : DOES_NOT_SAY],
    passage: s.passage,
    quote: s.text,
    note: (isFalse ? `The source has “${swap.original}”, not “${swap.replacement}”${from}.` : 'The source says exactly this.').slice(0, 300),
  };
}
