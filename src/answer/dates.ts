/**
 * Dates as the sources write them ("December 1, 1934", "on the night of 1 December", "early March
 * 1928", "in the summer of 1937", "1937-38", "the following year"), normalised with the precision
 * the text gives and no more. A date whose year the text does not make certain is left out.
 */
import { ORDINAL_WORDS, wordNumber } from './numbers.ts';

export type Precision = 'day' | 'month' | 'season' | 'year' | 'years';
export type Season = 'spring' | 'summer' | 'autumn' | 'winter';
export type Part = 'early' | 'mid' | 'late';

export interface TextDate {
  /** As written. */
  raw: string;
  /** Where it starts in the sentence. */
  at: number;
  year: number;
  month?: number;
  day?: number;
  /** The last year of a span ("1937-38" → 1938). */
  until?: number;
  part?: Part;
  season?: Season;
  precision: Precision;
  /** The year comes from the sentence before ("of that year", "the following year", "three days later"). */
  inferred?: boolean;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const SHORT: Record<string, number> = { jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12 };
const SEASON_MONTH: Record<Season, number> = { winter: 1, spring: 4, summer: 7, autumn: 10 };

/** A day of the month: "1", "1st", "first", "twenty-third". */
const DAY = `(?:\\d{1,2}(?:st|nd|rd|th)?|${ORDINAL_WORDS})`;

/** "1", "1st", "first" or "twenty-third" as a day of the month; 0 when it is none. */
function dayNumber(text: string): number {
  const digits = /^\d{1,2}/.exec(text);
  return digits ? Number(digits[0]) : wordNumber(text);
}

const M = `(?:${MONTHS.join('|')}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.)`;
const Y = '1[89]\\d\\d';
const PART = '(?:(early|mid-?|late|the (?:beginning|middle|end) of|(?:the )?(?:beginning|middle|end) of)\\s+)';
const SEASON = '(spring|summer|autumn|fall|winter)';
const THAT_YEAR = '(?:of )?(?:that|the same) year';
const RELATIVE_YEAR = '(the following year|the next year|the year after|(?:that|the same) year|the previous year|the year before)';

/** Tried in this order at each position; the first that matches wins, so longer forms come first. */
const FORMS: { re: RegExp; read: (m: RegExpExecArray, ctx: Context) => Omit<TextDate, 'raw' | 'at'> | null }[] = [
  // "December 1, 1934", "early March 1928", "late November of that year", "December of 1937"
  {
    re: new RegExp(`^${PART}?(${M})(?:\\s+(${DAY})(?!\\d|,\\d|-))?(?:,?\\s+(?:of\\s+)?(${Y})\\b|\\s+(${THAT_YEAR}))?`, 'i'),
    read: (m, ctx) => monthDate(ctx, m[1], m[2]!, m[3], m[4], Boolean(m[5])),
  },
  // "1 December 1934", "on the night of 1 December", "16 February"
  {
    re: new RegExp(`^${PART}?(${DAY})\\s+(?:of\\s+)?(${M})(?:,?\\s+(${Y})\\b|\\s+(${THAT_YEAR}))?`, 'i'),
    read: (m, ctx) => monthDate(ctx, m[1], m[3]!, m[2], m[4], Boolean(m[5])),
  },
  // "the summer of 1937", "summer 1932", "the spring and summer of 1942", "autumn of that year"
  {
    re: new RegExp(
      `^(?:the\\s+)?${SEASON}(?:\\s+and\\s+(?:the\\s+)?(?:spring|summer|autumn|fall|winter))?\\s+(?:of\\s+)?(?:(${Y})\\b|(that|the same) year)`,
      'i',
    ),
    read: (m, ctx) => {
      const year = m[2] ? Number(m[2]) : ctx.year;
      if (!year) return null;
      const name = m[1]!.toLowerCase();
      const season: Season = name === 'fall' ? 'autumn' : (name as Season);
      return { year, month: SEASON_MONTH[season], season, precision: 'season', ...(m[2] ? {} : { inferred: true }) };
    },
  },
  // "13.10.1922": day.month.year, as Reiman prints dates of documents
  {
    re: new RegExp(`^(\\d{1,2})\\.(\\d{1,2})\\.(${Y})\\b`),
    read: (m) => {
      const day = Number(m[1]);
      const month = Number(m[2]);
      return month >= 1 && month <= 12 && day >= 1 && day <= 31 ? { year: Number(m[3]), month, day, precision: 'day' } : null;
    },
  },
  // "1937-38", "1937–1938", "1929-32"
  {
    re: new RegExp(`^(${Y})\\s?[-–—]\\s?(\\d{2}|${Y})\\b(?![-–.,]?\\d)`),
    read: (m) => {
      const from = Number(m[1]);
      const to = m[2]!.length === 2 ? Math.floor(from / 100) * 100 + Number(m[2]) : Number(m[2]);
      return to > from && to - from <= 10 ? { year: from, until: to, precision: 'years' } : null;
    },
  },
  // "in 1936", but not "the 1930s" (a decade is no date) or a number running on ("1937,000")
  {
    re: new RegExp(`^(${Y})(?![\\d'’s]|,\\d)`),
    read: (m) => ({ year: Number(m[1]), precision: 'year' }),
  },
  // "the following year", "that year": only with one year in the sentence before
  {
    re: new RegExp(`^${RELATIVE_YEAR}\\b`, 'i'),
    read: (m, ctx) => {
      if (!ctx.year) return null;
      const w = m[1]!.toLowerCase();
      const shift = /following|next|after/.test(w) ? 1 : /previous|before/.test(w) ? -1 : 0;
      return { year: ctx.year + shift, precision: 'year', inferred: true };
    },
  },
  // "Three days later": a day counted from a full date in the sentence before
  {
    re: /^(one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2}) days later\b/i,
    read: (m, ctx) => {
      if (!ctx.day) return null;
      const n = /^\d/.test(m[1]!) ? Number(m[1]) : wordNumber(m[1]!);
      const d = new Date(Date.UTC(ctx.day.year, ctx.day.month - 1, ctx.day.day + n));
      return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), precision: 'day', inferred: true };
    },
  },
];

interface Context {
  /** The one year the sentence (so far) or the sentence before gives, if exactly one. */
  year?: number;
  /** The one full date of the sentence before, for "three days later". */
  day?: { year: number; month: number; day: number };
}

function monthNumber(word: string): number {
  const i = MONTHS.findIndex((m) => m.toLowerCase() === word.toLowerCase());
  return i >= 0 ? i + 1 : (SHORT[word.toLowerCase().replace(/\.$/, '')] ?? 0);
}

function partOf(word: string | undefined): Part | undefined {
  if (!word) return undefined;
  const w = word.toLowerCase();
  return /early|beginning/.test(w) ? 'early' : /mid|middle/.test(w) ? 'mid' : 'late';
}

function monthDate(
  ctx: Context,
  partWord: string | undefined,
  monthWord: string,
  dayText: string | undefined,
  yearText: string | undefined,
  thatYear: boolean,
): Omit<TextDate, 'raw' | 'at'> | null {
  const month = monthNumber(monthWord);
  const day = dayText ? dayNumber(dayText) : undefined;
  if (!month || (day !== undefined && (day < 1 || day > 31))) return null;
  // "May" alone is a verb as often as a month: a month needs its year, its day, or "of that year".
  if (!yearText && !day && !thatYear && !partWord) return null;
  const year = yearText ? Number(yearText) : ctx.year;
  if (!year) return null;
  const part = day === undefined ? partOf(partWord) : undefined;
  return {
    year,
    month,
    ...(day !== undefined ? { day } : {}),
    ...(part ? { part } : {}),
    precision: day !== undefined ? 'day' : 'month',
    ...(yearText ? {} : { inferred: true }),
  };
}

/** Every date form holds a digit or one of these words: most sentences are ruled out at once. */
const MAY_HOLD_DATE = /\d|year\b|days later/i;

const YEAR_IN = new RegExp(`(?<![\\d.,])(${Y})(?![\\d'’s])`, 'g');

/** The one year a text gives (a span counts as its years), or undefined when none or several. */
function onlyYear(text: string): number | undefined {
  const years = new Set([...text.matchAll(YEAR_IN)].map((m) => Number(m[1])));
  return years.size === 1 ? [...years][0] : undefined;
}

function onlyDay(text: string): Context['day'] {
  const found = scan(text, { year: onlyYear(text) }).filter((d) => d.precision === 'day' && !d.inferred);
  return found.length === 1 ? { year: found[0]!.year, month: found[0]!.month!, day: found[0]!.day! } : undefined;
}

function scan(sentence: string, before: Context): TextDate[] {
  const out: TextDate[] = [];
  // A word start: dates never begin inside a word or a number.
  const starts = /(?<![\p{L}\p{N}.,])(?=[\p{L}\p{N}])/gu;
  let skipTo = 0;
  for (const s of sentence.matchAll(starts)) {
    const at = s.index!;
    if (at < skipTo) continue;
    const rest = sentence.slice(at);
    // A year given earlier in the sentence dates what follows it ("In 1934 … on 1 December").
    const ctx: Context = {
      get year() {
        return onlyYear(sentence.slice(0, at)) ?? before.year;
      },
      day: before.day,
    };
    for (const form of FORMS) {
      const m = form.re.exec(rest);
      if (!m) continue;
      const read = form.read(m, ctx);
      if (!read) continue;
      const raw = m[0].trim();
      out.push({ raw, at, ...read });
      skipTo = at + m[0].length;
      break;
    }
  }
  return out;
}

/** The dates of a sentence, in order; `before` is the sentence before it in the same paragraph. */
export function datesIn(sentence: string, before = ''): TextDate[] {
  if (!MAY_HOLD_DATE.test(sentence)) return [];
  const clean = sentence.replace(/<sup>.*?<\/sup>/g, (s) => ' '.repeat(s.length));
  return scan(clean, { year: before ? onlyYear(before) : undefined, day: before ? onlyDay(before) : undefined }).map((d) => ({
    ...d,
    raw: sentence.slice(d.at, d.at + d.raw.length),
  }));
}

/** "1 December 1934", "early March 1928", "summer 1937", "1937–38", "1936". */
export function dateLabel(d: TextDate): string {
  if (d.precision === 'years') return `${d.year}–${String(d.until).slice(String(d.until).slice(0, 2) === String(d.year).slice(0, 2) ? 2 : 0)}`;
  if (d.precision === 'year') return String(d.year);
  if (d.precision === 'season') return `${d.season} ${d.year}`;
  const month = MONTHS[d.month! - 1]!;
  if (d.precision === 'month') return `${d.part ? `${d.part} ` : ''}${month} ${d.year}`;
  return `${d.day} ${month} ${d.year}`;
}

/** The first and last day a date can mean, as yyyymmdd numbers. */
export function dateSpan(d: TextDate): [number, number] {
  const ymd = (y: number, m: number, day: number) => y * 10000 + m * 100 + day;
  switch (d.precision) {
    case 'day':
      return [ymd(d.year, d.month!, d.day!), ymd(d.year, d.month!, d.day!)];
    case 'month': {
      const [from, to] = d.part === 'early' ? [1, 10] : d.part === 'mid' ? [11, 20] : d.part === 'late' ? [21, 31] : [1, 31];
      return [ymd(d.year, d.month!, from), ymd(d.year, d.month!, to)];
    }
    case 'season':
      // Winter straddles the turn of the year; the text's year is taken as its January.
      return d.season === 'winter' ? [ymd(d.year - 1, 12, 1), ymd(d.year, 2, 31)] : [ymd(d.year, d.month! - 1, 1), ymd(d.year, d.month! + 1, 31)];
    case 'year':
      return [ymd(d.year, 1, 1), ymd(d.year, 12, 31)];
    case 'years':
      return [ymd(d.year, 1, 1), ymd(d.until!, 12, 31)];
  }
}

/** Sorts by the first day a date can mean, the more precise first on a tie. */
export function compareDates(a: TextDate, b: TextDate): number {
  const [af, at] = dateSpan(a);
  const [bf, bt] = dateSpan(b);
  return af - bf || at - bt;
}

/** Two dates that cannot both be right: neither's span touches the other's. */
export function datesDisagree(a: TextDate, b: TextDate): boolean {
  const [af, at] = dateSpan(a);
  const [bf, bt] = dateSpan(b);
  return at < bf || bt < af;
}
