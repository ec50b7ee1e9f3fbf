/** "When?" questions: a date or year blanked in its sentence; distractors are nearby dates printed alike. */
import { question, rankSentences } from '../answer/engine.ts';
import { figuresIn } from '../core/figures.ts';
import { inPurgeEra } from './referent.ts';
import { DATE_PATTERN, dateDistractors, formatDate, MONTHS, parseDate, type DateFormat } from './distractors.ts';
import { clozeStem, type Draft, type GenContext } from './draft.ts';
import { blankOut, containsWords, type SentenceRef } from './text.ts';

export interface DateChoice {
  date: DateFormat;
  raw: string;
  start: number;
}

/** The fullest date in the sentence that occurs once, outside parentheses, in the years 1890–1960. */
export function quizDate(text: string): DateChoice | null {
  const found: DateChoice[] = [];
  for (const m of text.matchAll(DATE_PATTERN)) {
    const date = parseDate(m);
    const raw = m[0];
    const start = m.index!;
    if (date.year < 1890 || date.year > 1960 || date.month < 0 || formatDate(date) !== raw) continue;
    // The same year printed elsewhere in the sentence would give the answer away.
    if ((text.match(new RegExp(`\\b${date.year}\\b`, 'g')) ?? []).length !== 1) continue;
    const before = text.slice(0, start);
    if ((before.match(/[([]/g) ?? []).length > (before.match(/[)\]]/g) ?? []).length) continue;
    if (/(?:pp?|[Vv]ol|No)\.?\s*$/.test(before)) continue;
    found.push({ date, raw, start });
  }
  return found.sort((a, b) => b.raw.length - a.raw.length)[0] ?? null;
}

/** A full date asks for its year: the exact day of an arrest or a decree is not what a student should learn. */
function yearOnly(c: DateChoice): DateChoice {
  if (c.date.style === 'year' || c.date.style === 'month-year') return c;
  const at = c.raw.lastIndexOf(String(c.date.year));
  return { date: { ...c.date, style: 'year', day: 1, month: 0 }, raw: String(c.date.year), start: c.start + at };
}

const MONTH_NAME = new RegExp(`\\b(?:${MONTHS.join('|')})\\b`);
const YEAR = /\b(1[89]\d\d)\b/g;

/**
 * The blank's neighbours tell the answer: "in ____ and 1942", "February and ____", "the ____'s",
 * or the year next to it elsewhere in the sentence ("In ____, 353,074 … and 61,457 for 1938").
 */
function givenAway(text: string, c: DateChoice): boolean {
  const end = c.start + c.raw.length;
  const around = text.slice(Math.max(0, c.start - 14), c.start) + text.slice(end, end + 14);
  if (/\b1[89]\d\d\b/.test(around) || MONTH_NAME.test(around) || /^['’]?s\b/.test(text.slice(end))) return true;
  return [...text.matchAll(YEAR)].some((m) => Number(m[1]) !== c.date.year && Math.abs(Number(m[1]) - c.date.year) <= 1);
}

/** Sentences of other passages that read as telling the same event (most of this one's words). */
const SAME_EVENT = 0.5;

/**
 * The dates other passages give for what reads as the same event, printed as the key is
 * ("August 1937"): no wrong option may be a date another source gives for it.
 */
export function datesElsewhere(ctx: GenContext, s: SentenceRef, style: DateFormat['style']): Set<string> {
  const q = question(ctx.engine, s.text.replace(DATE_PATTERN, ' '), { topic: true });
  const out = new Set<string>();
  if (q.concepts.length < 2) return out;
  const add = (text: string) => {
    for (const m of text.matchAll(DATE_PATTERN)) {
      const d = parseDate(m);
      out.add(formatDate({ ...d, style: style === 'year' || d.style === 'year' ? 'year' : 'month-year' }));
    }
  };
  for (const r of rankSentences(ctx.engine, q, { exclude: new Set([s.passage.id]), global: 20, perSource: 0 }).slice(0, 8))
    if (r.own >= SAME_EVENT) add(r.passage.text.slice(r.start, r.end));
  // The paragraph goes on about the same matter: "… renewed in June 1937. The Politburo resolution of 2 July 1937 …".
  add(s.passage.text.slice(0, s.start) + s.passage.text.slice(s.end));
  return out;
}

export function dateDraft(ctx: GenContext, s: SentenceRef): Draft | null {
  const found = quizDate(s.text);
  if (!found) return null;
  // "Of the 1,966 delegates to the Seventeenth Congress in 1934, 1,108 were arrested": the count is the
  // point of such a sentence; blanking its year asks for a date any textbook gives.
  if (figuresIn(s.text).some((f) => f.value >= 100 && f.counts)) return null;
  const choice = yearOnly(found);
  // A key outside the purge years (a defector's death in 1945) is an aside, not what the sentence teaches.
  if (!inPurgeEra(String(choice.date.year))) return null;
  if (givenAway(s.text, choice)) return null;
  const clozed = blankOut(s.text, choice.start, choice.start + choice.raw.length);
  const stem = clozeStem(ctx, s, clozed);
  if (containsWords(stem, String(choice.date.year))) return null;
  const elsewhere = datesElsewhere(ctx, s, choice.date.style);
  const distractors = dateDistractors(choice.date, `${s.passage.id}:${s.start}`, 3, (d) => containsWords(clozed, d) || elsewhere.has(d));
  if (distractors.length < 3) return null;
  return {
    kind: 'date',
    prompt: choice.date.style === 'year' ? 'Which year fills the blank?' : 'Which date fills the blank?',
    stem,
    answer: formatDate(choice.date),
    distractors,
    passage: s.passage,
    quote: s.text,
  };
}
