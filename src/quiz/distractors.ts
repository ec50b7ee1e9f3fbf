/**
 * Wrong options of the same type as the answer, chosen deterministically: figures of the same
 * magnitude written the same way, dates near the answer in the same format, people of the same
 * walk of life and similar prominence, and the other sources.
 */
import { hash32 } from './text.ts';
import type { QuizPerson } from './people.ts';

// ---------------------------------------------------------------- figures

/** A printed number split into parts, so a distractor can be printed the same way. */
export interface NumberFormat {
  value: number;
  decimals: number;
  grouped: boolean;
  /** As printed after the digits: "", " million", "%", " per cent". */
  suffix: string;
}

export function parseFigure(raw: string): NumberFormat | null {
  const m = /^(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(\s*(?:million|thousand|per cent|percent|%))?$/i.exec(raw.trim());
  if (!m) return null;
  const digits = m[1]!;
  return {
    value: Number(digits.replace(/,/g, '')),
    decimals: digits.includes('.') ? digits.split('.')[1]!.length : 0,
    grouped: digits.includes(','),
    suffix: m[2] ?? '',
  };
}

export function isPercent(f: NumberFormat): boolean {
  return /%|per ?cent/i.test(f.suffix);
}

function significantDigits(f: NumberFormat): number {
  const s = f.value.toFixed(f.decimals).replace('.', '').replace(/^0+/, '');
  return f.decimals > 0 ? Math.max(1, s.length) : Math.max(1, s.replace(/0+$/, '').length);
}

function roundTo(value: number, sig: number, decimals: number): number {
  if (value === 0) return 0;
  const magnitude = Math.floor(Math.log10(Math.abs(value)));
  const step = 10 ** Math.max(magnitude - sig + 1, -decimals);
  return Math.round(value / step) * step;
}

export function formatFigure(f: NumberFormat, value: number): string {
  const fixed = value.toFixed(f.decimals);
  const [int, frac] = fixed.split('.');
  const intPart = f.grouped ? Number(int).toLocaleString('en-US') : int!;
  return `${intPart}${frac ? `.${frac}` : ''}${f.suffix}`;
}

const LOWER = [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85];
const HIGHER = [1.15, 1.25, 1.35, 1.45, 1.55, 1.7, 1.85, 2];

/**
 * Three figures 0.5×–2× the answer, rounded to the answer's precision and printed in its style.
 * How many fall below the answer is itself chosen by hash (within what rounding leaves
 * available), so the answer's rank among the options gives nothing away.
 */
export function figureDistractors(raw: string, seed: string, n = 3, avoid: (s: string) => boolean = () => false): string[] | null {
  const f = parseFigure(raw);
  if (!f || f.value <= 0) return null;
  const sig = significantDigits(f);
  const answer = formatFigure(f, f.value);
  const candidates = (factors: number[], side: 1 | -1): string[] => {
    const out = new Set<string>();
    for (const factor of factors) {
      const v = roundTo(f.value * factor, sig, f.decimals);
      if (v <= 0 || Math.sign(v - f.value) !== side || (isPercent(f) && v > 100)) continue;
      // Rounding must not carry a distractor out of the answer's magnitude.
      if (v / f.value < 0.45 || v / f.value > 2.2) continue;
      // "1000 million" reads wrong where the answer says "600 million".
      if (f.suffix && !isPercent(f) && v >= 1000) continue;
      const s = formatFigure(f, v);
      if (s !== answer && !avoid(s)) out.add(s);
    }
    return [...out];
  };
  const lo = candidates(LOWER, -1);
  const hi = candidates(HIGHER, 1);
  if (lo.length + hi.length < n) return null;
  const wanted = hash32(`${seed}:below`) % (n + 1);
  const below = Math.min(Math.max(wanted, n - hi.length), lo.length);
  return [...pick(lo, below, `${seed}:lo`), ...pick(hi, n - below, `${seed}:hi`)];
}

function pick<T>(items: readonly T[], k: number, seed: string): T[] {
  return [...items].sort((a, b) => hash32(`${seed}:${String(a)}`) - hash32(`${seed}:${String(b)}`)).slice(0, k);
}

// ---------------------------------------------------------------- dates

export const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MONTH_RE = MONTHS.join('|');

export interface DateFormat {
  style: 'year' | 'month-year' | 'day-month-year' | 'month-day-year';
  year: number;
  month: number;
  day: number;
}

/** Dates as the corpus prints them: "1934", "December 1934", "1 December 1934", "December 1, 1934". */
export const DATE_PATTERN = new RegExp(
  `(?<![\\w–-])(?:(\\d{1,2}) (${MONTH_RE}) (1[89]\\d\\d)|(${MONTH_RE}) (\\d{1,2}), (1[89]\\d\\d)|(${MONTH_RE}) (1[89]\\d\\d)|(1[89]\\d\\d))(?![\\w–-]|,\\d)`,
  'g',
);

export function parseDate(m: RegExpMatchArray): DateFormat {
  if (m[1]) return { style: 'day-month-year', day: Number(m[1]), month: MONTHS.indexOf(m[2]!), year: Number(m[3]) };
  if (m[4]) return { style: 'month-day-year', day: Number(m[5]), month: MONTHS.indexOf(m[4]), year: Number(m[6]) };
  if (m[7]) return { style: 'month-year', day: 1, month: MONTHS.indexOf(m[7]), year: Number(m[8]) };
  return { style: 'year', day: 1, month: 0, year: Number(m[9]) };
}

export function formatDate(d: DateFormat): string {
  const month = MONTHS[d.month]!;
  switch (d.style) {
    case 'year':
      return String(d.year);
    case 'month-year':
      return `${month} ${d.year}`;
    case 'day-month-year':
      return `${d.day} ${month} ${d.year}`;
    case 'month-day-year':
      return `${month} ${d.day}, ${d.year}`;
  }
}

/** Three dates within a few years of the answer, printed the same way. */
export function dateDistractors(d: DateFormat, seed: string, n = 3, avoid: (s: string) => boolean = () => false): string[] {
  const answer = formatDate(d);
  const seen = new Set([answer]);
  const out: string[] = [];
  // Nearest first: a wrong date a year or two off is ruled out by what else the student knows
  // (Yagoda was gone from the NKVD by 1937), so months of the same year come before other years.
  const tiers: { y: number; m: number }[][] =
    d.style === 'year'
      ? [[-1, 1, -2, 2].map((y) => ({ y, m: 0 })), [-3, 3, -4, 4].map((y) => ({ y, m: 0 }))]
      : [
          [
            { y: 0, m: 2 },
            { y: 0, m: -3 },
            { y: 0, m: 5 },
            { y: 0, m: -6 },
            { y: 0, m: -1 },
            { y: 0, m: 4 },
          ],
          [
            { y: 1, m: 0 },
            { y: -1, m: 0 },
            { y: 1, m: -2 },
            { y: -1, m: 4 },
          ],
          [
            { y: 2, m: 1 },
            { y: -2, m: -1 },
          ],
        ];
  const shifts = tiers.flatMap((tier, t) =>
    pick(
      tier.map((x) => JSON.stringify(x)),
      tier.length,
      `${seed}:${t}`,
    ).map((j) => JSON.parse(j) as { y: number; m: number }),
  );
  for (const s of shifts) {
    const month = (d.month + s.m + 12) % 12;
    const yearCarry = d.month + s.m > 11 ? 1 : d.month + s.m < 0 ? -1 : 0;
    const candidate = formatDate({ ...d, year: d.year + s.y + yearCarry, month, day: Math.min(d.day, 28) });
    if (seen.has(candidate) || avoid(candidate)) continue;
    seen.add(candidate);
    out.push(candidate);
    if (out.length === n) break;
  }
  return out;
}

// ---------------------------------------------------------------- people

/**
 * Three people of the answer's role group, closest in prominence (mention count, on a log scale);
 * people named in the stem are left out. Falls back to political figures when a group is small.
 */
/** Years apart two people's eras may be and still be plausible in each other's place. */
const SAME_ERA = 8;

export function peopleDistractors(answer: QuizPerson, pool: Iterable<QuizPerson>, exclude: ReadonlySet<string>, n = 3): QuizPerson[] | null {
  // A Civil War general is no option for a 1937 commissar: when the answer's era is known, only people the sources place near it.
  const all = [...pool].filter(
    (p) =>
      p.person.id !== answer.person.id &&
      !exclude.has(p.person.id) &&
      (answer.era === undefined || (p.era !== undefined && Math.abs(p.era - answer.era) <= SAME_ERA)),
  );
  const distance = (p: QuizPerson) => Math.abs(Math.log(p.person.mentions) - Math.log(answer.person.mentions));
  // Options printed alike: a bare "Orlov" among full names stands out as wrong (or as the one the text names), so none is offered.
  const alike = (p: QuizPerson) => p.display.includes(' ') === answer.display.includes(' ');
  const rank = (ps: QuizPerson[]) => ps.filter(alike).sort((a, b) => distance(a) - distance(b) || a.person.id.localeCompare(b.person.id, 'en'));
  const chosen = rank(all.filter((p) => p.group === answer.group)).slice(0, n);
  if (chosen.length < n && answer.group !== 'foreign') {
    chosen.push(...rank(all.filter((p) => p.group === 'political' && !chosen.includes(p))).slice(0, n - chosen.length));
  }
  return chosen.length === n ? chosen : null;
}
