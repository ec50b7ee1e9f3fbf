/**
 * Figures the sources give differently: "1,372,392 people were arrested in 1937–38" (Emelyanov)
 * against "1.5 million arrests" for the same years (Reiman). Neither may be a question's key; the
 * disagreement is for /compare and for true/false items that name whose figure is whose.
 */
import { figuresIn, yearsCovered, type Figure } from '../core/figures.ts';
import { root } from '../search/roots.ts';
import type { SentenceRef } from './text.ts';

/** Words of a count that say nothing about what is counted. */
const VAGUE = new Set([
  'people',
  'persons',
  'person',
  'were',
  'was',
  'had',
  'been',
  'have',
  'the',
  'of',
  'in',
  'and',
  'who',
  'whom',
  'which',
  'than',
  'more',
  'some',
  'about',
  'over',
  'number',
  'total',
  'altogether',
]);
/** Values this far apart count the same thing differently. */
const APART = 0.1;

interface Counted {
  source: string;
  value: number;
  percent: boolean;
  what: Set<string>;
  years: Set<number>;
}

function counted(source: string, f: Figure, sentence: string): Counted {
  // What is counted stands after the figure ("people were arrested") or just before it ("the arrest of 1.5 million").
  const at = sentence.indexOf(f.raw);
  const before =
    at < 0
      ? []
      : (
          sentence
            .slice(0, at)
            .toLowerCase()
            .match(/\p{L}+/gu) ?? []
        ).slice(-3);
  const words = [...(f.counts.toLowerCase().match(/\p{L}+/gu) ?? []).slice(0, 4), ...before].filter((w) => !VAGUE.has(w) && w.length > 2).map(root);
  const years = yearsCovered(f.years.length ? f.years : (sentence.match(/\b1[89]\d\d(?:[–-]\d{2,4})?\b/g) ?? []));
  return { source, value: f.value, percent: /%|per ?cent/i.test(f.raw), what: new Set(words), years };
}

/** A test: whether another source gives a different figure for what `f` counts in the same years. */
export function disputedFigures(sentences: readonly SentenceRef[]): (s: SentenceRef, f: Figure) => boolean {
  const all: Counted[] = [];
  for (const s of sentences) for (const f of figuresIn(s.text)) all.push(counted(s.passage.sourceId, f, s.text));
  return (s, f) => {
    const mine = counted(s.passage.sourceId, f, s.text);
    if (!mine.what.size || !mine.years.size) return false;
    return all.some(
      (o) =>
        o.source !== mine.source &&
        o.percent === mine.percent &&
        [...o.what].some((w) => mine.what.has(w)) &&
        [...o.years].some((y) => mine.years.has(y)) &&
        Math.abs(o.value - mine.value) > APART * Math.max(o.value, mine.value),
    );
  };
}
