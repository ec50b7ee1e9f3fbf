/**
 * Figures in a sentence: the number, what it counts (the words after it) and the years around it.
 * Years, page numbers and note numbers are not figures.
 */
import { rootsOf } from './relevance.ts';
import { rootFamily } from '../search/roots.ts';
import { memoByObject } from './memo.ts';

export interface Figure {
  value: number;
  /** As printed: "1,220,932", "1.3 million", "680,000". */
  raw: string;
  /** The words after the number, up to punctuation: "communists had been executed". */
  counts: string;
  years: string[];
  /** Where the number starts in its sentence. */
  at: number;
}

const NUMBER = /(?<![\w.,/-])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(\s*(?:million|thousand|per cent|percent|%))?(?![\w/-]|,\d)/gi;

const YEAR = /\b1[89]\d\d(?:[–-]\d{2,4})?\b/g;

/** Years a span covers: "1937-38" → 1937, 1938. */
export function yearsCovered(years: string[]): Set<number> {
  const out = new Set<number>();
  for (const y of years) {
    const [a, b] = y.split(/[–-]/);
    const from = Number(a);
    const to = b ? Number(b.length === 2 ? a!.slice(0, 2) + b : b) : from;
    for (let n = from; n <= to && n - from < 20; n++) out.add(n);
  }
  return out;
}

/** Figures of each sentence of a passage, found once per passage: the corpus changes only at ingest. Read-only. */
export const sentenceFiguresOf = memoByObject((p: { text: string; sentences: { start: number; end: number }[] }): readonly Figure[][] =>
  p.sentences.map((s) => figuresIn(p.text.slice(s.start, s.end))),
);

/** `smallest`: bare numbers below this are left out (ordinals, pages); a check of "98 of the 139" wants them all. */
export function figuresIn(sentence: string, smallest = 100): Figure[] {
  const yearsAt = [...sentence.matchAll(YEAR)].map((m) => ({ at: m.index!, text: m[0] }));
  const found: Figure[] = [];
  for (const m of sentence.matchAll(NUMBER)) {
    const digits = m[1]!;
    const scale = (m[2] ?? '').trim().toLowerCase();
    let value = Number(digits.replace(/,/g, ''));
    if (!Number.isFinite(value) || /^0\d/.test(digits)) continue;
    const plain = !digits.includes(',') && !scale;
    // A bare four-digit number between 1800 and 2099 is a year; small bare numbers are ordinals, pages or counts of little interest.
    if (plain && value >= 1800 && value <= 2099 && !digits.includes('.')) continue;
    if (plain && value < smallest) continue;
    const before = sentence.slice(Math.max(0, m.index! - 6), m.index!);
    if (/\bpp?\.\s*$|\bNo\.?\s*$|\bn\.\s*$/i.test(before)) continue;
    if (scale === 'million') value *= 1_000_000;
    if (scale === 'thousand') value *= 1_000;
    const after = sentence.slice(m.index! + m[0].length);
    const counts = (/^\s*([^.,;:()\u2013\u2014"“”\d]{0,60})/.exec(after)?.[1] ?? '').trim().split(/\s+/).slice(0, 5).join(' ');
    found.push({ value, raw: m[0].trim(), counts, years: [], at: m.index! });
  }
  // A figure's year is the nearest one before it. A figure after another one in the same
  // sentence shares its year, unless the words between move in time ("and in the following year 900").
  const out: Figure[] = [];
  found.forEach((f, i) => {
    const { at } = f;
    const prev = i > 0 ? found[i - 1]! : null;
    const year = [...yearsAt].reverse().find((y) => y.at < at && (!prev || y.at > prev.at));
    let years: string[] = year ? [year.text] : [];
    if (!year && prev) {
      const between = sentence.slice(prev.at, at);
      years = /\b(year|following|next|later|previous|earlier|before|after)\b/i.test(between) ? [] : out[i - 1]!.years;
    }
    out.push({ ...f, years });
  });
  return out;
}

export interface Relation {
  text: string;
  /** The figures the relation is made of, so the sentences stating them can be quoted beside it. */
  uses: SourcedFigure[];
}

function fmt(n: number): string {
  return n.toLocaleString('en-US');
}

/** What a figure counts, as comparable roots: "people were executed" and "executed" share "execut". */
function countRoots(f: Figure): Set<string> {
  return new Set(rootsOf(f.counts).flatMap(rootFamily));
}

const MAX_RELATIONS = 6;

export interface SourcedFigure {
  source: string;
  /** The passage the figure was quoted from. */
  passage: string;
  /** The sentence of that passage stating it. */
  index?: number;
  figure: Figure;
}

/**
 * Relations between figures of different sources, only where they plainly count the same thing:
 * equal or within 5% when the words after them match; one the sum of two others when the two
 * come from one passage, for different years that the total's years cover (1937 + 1938 = 1937-38).
 */
export function relateFigures(figs: SourcedFigure[]): Relation[] {
  const big = figs.filter((f) => f.figure.value >= 1000 && !f.figure.raw.includes('%'));
  const roots = new Map(big.map((f) => [f, countRoots(f.figure)] as const));
  const out: Relation[] = [];
  const seen = new Set<string>();
  for (let i = 0; i < big.length && out.length < MAX_RELATIONS; i++) {
    for (let j = i + 1; j < big.length && out.length < MAX_RELATIONS; j++) {
      const a = big[i]!;
      const b = big[j]!;
      if (a.source === b.source) continue;
      const hi = Math.max(a.figure.value, b.figure.value);
      const lo = Math.min(a.figure.value, b.figure.value);
      if ((hi - lo) / hi > 0.05) continue;
      const rb = roots.get(b)!;
      if (![...roots.get(a)!].some((r) => rb.has(r))) continue;
      const key = [a.figure.value, b.figure.value].sort().join('/');
      if (seen.has(key)) continue;
      seen.add(key);
      if (hi === lo) out.push({ text: `${a.source} [${a.passage}] and ${b.source} [${b.passage}] give the same figure, ${a.figure.raw}.`, uses: [a, b] });
      else
        out.push({
          text: `${a.source} [${a.passage}] (${a.figure.raw}) and ${b.source} [${b.passage}] (${b.figure.raw}) differ by ${fmt(hi - lo)}, ${(((hi - lo) / hi) * 100).toFixed(1)}% of the larger.`,
          uses: [a, b],
        });
    }
  }
  // Sums: two addends from one passage, looked up against totals by value.
  const byValue = new Map<number, SourcedFigure[]>();
  for (const f of big) byValue.set(f.figure.value, [...(byValue.get(f.figure.value) ?? []), f]);
  const byPassage = new Map<string, SourcedFigure[]>();
  for (const f of big) byPassage.set(f.passage, [...(byPassage.get(f.passage) ?? []), f]);
  for (const group of byPassage.values()) {
    for (let i = 0; i < group.length; i++) {
      for (let j = i + 1; j < group.length; j++) {
        const a = group[i]!;
        const b = group[j]!;
        const ya = yearsCovered(a.figure.years);
        const yb = yearsCovered(b.figure.years);
        if (!(ya.size === 1 && yb.size === 1 && [...ya][0] !== [...yb][0])) continue;
        for (const c of byValue.get(a.figure.value + b.figure.value) ?? []) {
          if (c.source === a.source || out.length >= MAX_RELATIONS) continue;
          const cYears = yearsCovered(c.figure.years);
          if (![...ya, ...yb].every((y) => cYears.has(y))) continue;
          out.push({
            text: `${a.source} [${a.passage}]: ${a.figure.raw} (${a.figure.years[0]}) + ${b.figure.raw} (${b.figure.years[0]}) = ${fmt(a.figure.value + b.figure.value)}, which is ${c.source}'s figure for ${c.figure.years.join(', ')} [${c.passage}]: ${c.figure.raw}.`,
            uses: [a, b, c],
          });
        }
      }
    }
  }
  return out;
}
