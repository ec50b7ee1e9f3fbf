/**
 * Whether a sentence holds the kind of answer a question word asks for: a date for "when", a
 * figure for "how many", a named person for "who", a place for "where", a reason for "why".
 * 0.7: it cannot; 1: it can; 1.15: it plainly does.
 */
import { figuresIn } from '../core/figures.ts';
import { GIVEN_NAMES } from '../people/given-names.ts';
import type { Want } from './types.ts';

/** A month, in full or abbreviated as the texts do ("Feb. 16"). */
const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\\.)';
const FULL_DATE = new RegExp(`\\b\\d{1,2}\\s${MONTH}(?!\\p{L})|\\b${MONTH}\\s\\d{1,2}\\b|\\b${MONTH}\\s1[89]\\d\\d\\b`, 'u');
const YEAR_OR_MONTH = new RegExp(`\\b1[89]\\d\\d\\b|\\b${MONTH}(?!\\p{L})|\\b(spring|summer|autumn|winter)\\b`, 'u');
const FULL_NAME = /(?<!\p{L})(\p{Lu}\p{Ll}+)\s(?:\p{Lu}\.\s?){0,2}\p{Lu}\p{Ll}+/gu;
const INITIALS_NAME = /(?<!\p{L})\p{Lu}\.\s?(?:\p{Lu}\p{Ll}?\.\s?)?\p{Lu}\p{Ll}+/gu;
const PLACE = /\b(in|at|near|to|from)\s+(the\s+)?\p{Lu}\p{Ll}+/u;
const REASON =
  /\b(because|since|as a result|result of|in order to|so that|so as to|due to|owing to|afraid|fear(ed|s)?|reasons?|motives?|caused?|led to|aim(ed)?|wanted|wished|sought|intended|purpose|explains?|explanation|consequence|response to|sparked|prompted|arose|stemmed|therefore|thus|hence)\b/i;
/** What was done to a person, or how they ended: the answer to "what happened to …?". */
const FATE =
  /\b(arrest(ed)?|execut(ed|ion)|shot|sentenced|tried|trial|convicted|expelled|died|death|killed|murdered|assassinated|exiled|deported|removed|dismissed|relieved|demoted|imprisoned|prison|camp|rehabilitated|suicide|disappeared|perished|purged|liquidated)\b/i;
const POSITION =
  /\b(not|never|no|false|true|indeed|in fact|actually|fabricated|invented|myth|real|genuine|existed|did exist|proved?|evidence|claims?|denied|admitted|confessed)\b/i;

/** Whether the sentence names someone in full ("Leonid Nikolayev", "L.A. Naumov") whose surname passes `other`. */
export function namesInFull(sentence: string, other: (surname: string) => boolean = () => true): boolean {
  const full = [...sentence.matchAll(FULL_NAME)].some((m) => GIVEN_NAMES.has(m[1]!) && other(m[0].split(/[\s.]+/).pop()!));
  return full || [...sentence.matchAll(INITIALS_NAME)].some((m) => other(m[0].split(/[\s.]+/).pop()!));
}

const RATE = /\b(per|each|every|a) (day|week|month|year)\b|\bdaily\b/i;

/** The words after a figure up to the clause's end: where "per day" or "each and every day" stands. */
function afterFigure(sentence: string, raw: string): string {
  const at = sentence.indexOf(raw);
  return at < 0 ? '' : sentence.slice(at + raw.length).split(/[,;:.]/)[0]!;
}

/** Words apart a fate may stand from the person it befell ("Bukharin, Rykov, Krestinsky … were sentenced"). */
const FATE_NEAR = 8;

/**
 * How well a sentence says what befell the person asked about: a fate within a few words of their
 * name plainly does; a fate elsewhere in the sentence ("after Lenin's death") may be someone else's.
 */
export function fateFit(sentence: string, isAsked: (word: string) => boolean): number {
  const words = sentence.toLowerCase().match(/[\p{L}\p{N}’']+/gu) ?? [];
  const names = words.flatMap((w, i) => (isAsked(w.replace(/[’']s$/u, '')) ? [i] : []));
  const fates = words.flatMap((w, i) => (FATE.test(w) ? [i] : []));
  if (names.some((n) => fates.some((f) => Math.abs(f - n) <= FATE_NEAR))) return 1.2;
  return fates.length ? 1 : 0.8;
}

export function answerFit(want: Want, sentence: string): number {
  switch (want) {
    case 'number': {
      // "How many" asks for a count: a rate ("970 people … each and every day") only leads to one.
      const counts = figuresIn(sentence).filter((f) => !RATE.test(afterFigure(sentence, f.raw)));
      if (counts.length || /\b\d+(\.\d+)?\s?(%|per ?cent)/.test(sentence)) return 1.15;
      // "most likely" is no quantity: only words that count.
      return /\d|\b(hundred|thousand|million|dozen|half|third|quarter|majority)s?\b/i.test(sentence) ? 1 : 0.7;
    }
    case 'time':
      if (FULL_DATE.test(sentence)) return 1.15;
      return YEAR_OR_MONTH.test(sentence) ? 1 : 0.7;
    case 'person':
      if (namesInFull(sentence)) return 1.15;
      return /\p{Lu}\p{Ll}+/u.test(sentence.slice(1)) ? 1 : 0.7;
    case 'place':
      return PLACE.test(sentence) ? 1.1 : 0.8;
    case 'reason':
      return REASON.test(sentence) ? 1.15 : 0.9;
    case 'position':
      return POSITION.test(sentence) ? 1.05 : 1;
    case 'fate':
      return FATE.test(sentence) ? 1.15 : 0.8;
    default:
      return 1;
  }
}
