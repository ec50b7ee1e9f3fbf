/**
 * A claim a student types for /check, read: its figures (with what each counts), its dates, whether
 * it denies something, and the words to look for in the sources (the claim without its numbers,
 * which are compared, not searched).
 */
import { countedIn, type Counted } from '../core/counted.ts';
import { figuresIn } from '../core/figures.ts';
import { datesIn, type TextDate } from './dates.ts';
import { claimDenies, DENIAL_WORDS, type Denial } from './stance.ts';

export interface Claim {
  text: string;
  figures: Counted[];
  dates: TextDate[];
  denies: Denial | null;
  /** The claim's words to search for. */
  topic: string;
}

const BOUND_WORDS =
  /\b(?:more than|over|at least|upwards of|in excess of|no fewer than|no less than|fewer than|less than|under|at most|up to|no more than|about|around|some|roughly|approximately|nearly|almost|close to|an estimated|estimated|circa)\s*$/i;

export function parseClaim(text: string): Claim {
  const figures = figuresIn(text, 2);
  let topic = text;
  // Numbers from the end first, so the offsets before them stay true.
  for (const f of [...figures].reverse()) {
    const head = topic.slice(0, f.at).replace(BOUND_WORDS, '');
    topic = `${head} ${topic.slice(f.at + f.raw.length)}`;
  }
  const dates = datesIn(text);
  // Dates are compared, not searched for: "1" and "December" would find every first of December.
  for (const d of [...dates].reverse()) if (topic.includes(d.raw)) topic = topic.replace(d.raw, ' ');
  const denies = claimDenies(text);
  // "the centre was invented": what is denied is searched for, the word denying it is compared.
  if (denies) topic = topic.replace(DENIAL_WORDS, ' ');
  return {
    text,
    figures: countedIn(text, [], 2),
    dates,
    denies,
    topic: topic.replace(/\s+/g, ' ').trim(),
  };
}
