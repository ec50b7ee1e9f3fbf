/**
 * "How many?" questions: a figure with what it counts and when, blanked in its sentence.
 * Numbers that may be page, article or order numbers are never used.
 */
import { dangling, EXAMPLE } from './referent.ts';
import { figuresIn, type Figure } from '../core/figures.ts';
import { LEANS_BACK } from '../answer/score.ts';
import { figureDistractors } from './distractors.ts';
import { clozeStem, type Draft, type GenContext } from './draft.ts';
import { blankOut, containsWords, usableSentence, type SentenceRef } from './text.ts';

/** A word before the number that makes it a reference, not a quantity. */
const REFERENCE_BEFORE =
  /(?:Article|Order|Decree|Resolution|No|Nos|[Nn]umber|[Pp]ages?|pp?|[Vv]ol|[Vv]olume|[Cc]h|[Cc]hapter|[Ss]ection|[Pp]ara|[Pp]aragraph|[Ff]ile|[Ff]ond|[Dd]elo|[Ll]ist|[Pp]rotocol|[Pp]oint|[Ii]tem|[Cc]ase|[Uu]nit|[Rr]oom|[Nn]ote|§|#|\$|£)\.?\s*$/;
/** What the number counts must start with a noun-like word, not a preposition ("139 million in 1914"). */
const WEAK_START = /^(?:in|to|of|by|and|or|at|from|for|on|than|with|as|were|was|had|is|are|per|a|an|the|it|this|that|which|who|more|less|out|up)\b/i;

export interface FigureChoice {
  figure: Figure;
  start: number;
}

/** The first figure in a sentence that a question can safely rest on, or null. */
export function quizFigure(text: string, opts: { needYear?: boolean; from?: number; largest?: boolean } = {}): FigureChoice | null {
  const found: FigureChoice[] = [];
  for (const figure of figuresIn(text)) {
    const start = text.indexOf(figure.raw);
    if (start < (opts.from ?? 0) || text.indexOf(figure.raw, start + 1) >= 0) continue;
    // One end of a range ("25–29 million") is not a figure on its own.
    if (/[–-]\s*$/.test(text.slice(0, start)) || /^\s*[–-]\s*\d/.test(text.slice(start + figure.raw.length))) continue;
    if (!figure.counts || !/^\p{Ll}/u.test(figure.counts)) continue;
    // "3 per cent of all the arrests": for a share, "of" introduces what it counts.
    if (WEAK_START.test(figure.counts) && !(/%|per ?cent/i.test(figure.raw) && /^of\b/.test(figure.counts))) continue;
    if ((opts.needYear ?? true) && !figure.years.length) continue;
    const before = text.slice(0, start);
    if (REFERENCE_BEFORE.test(before)) continue;
    // Inside parentheses or brackets a number is usually a reference or an aside.
    if ((before.match(/[([]/g) ?? []).length > (before.match(/[)\]]/g) ?? []).length) continue;
    if (!opts.largest) return { figure, start };
    found.push({ figure, start });
  }
  // A question asks for the headline figure of its sentence, not a sub-count beside it.
  return found.sort((a, b) => b.figure.value - a.figure.value)[0] ?? null;
}

/** "more than ____", "from 35,000 to ____", "almost ____": the words before the blank bound the answer, so wrong options may be right. */
const BOUNDED = /(?:\b(?:more than|over|at least|exceeding|almost|nearly|up to|less than|fewer than|under|to|and|between)\s*)$/i;

/** The answer is the sum or difference of two other figures in the text: a sum, not a memory. */
function computable(text: string, answer: Figure): boolean {
  const others = figuresIn(text)
    .filter((f) => f.raw !== answer.raw)
    .map((f) => f.value);
  for (let i = 0; i < others.length; i++)
    for (let j = 0; j < others.length; j++) {
      if (i === j) continue;
      const [a, b] = [others[i]!, others[j]!];
      if (Math.abs(a + b - answer.value) <= 0.01 * answer.value || Math.abs(a - b - answer.value) <= 0.01 * answer.value) return true;
    }
  return false;
}

/**
 * The source gives a later figure for the same thing further on in the paragraph ("267,000 people" under the
 * order's first quotas, then "770,000 people had been rounded up"): the first is not its answer.
 */
function revisedLater(s: SentenceRef, f: Figure): boolean {
  const noun = f.counts.split(/\s+/)[0]?.toLowerCase();
  if (!noun) return false;
  const p = s.passage;
  const i = p.sentences.findIndex((x) => x.end >= s.end);
  for (const later of p.sentences.slice(i + 1)) {
    for (const g of figuresIn(p.text.slice(later.start, later.end))) {
      if (g.counts.split(/\s+/)[0]?.toLowerCase() === noun && g.value > f.value && !/%|per ?cent/i.test(g.raw) === !/%|per ?cent/i.test(f.raw)) return true;
    }
  }
  return false;
}

/** Words that make a count one of the terror's: its victims, prisoners and sentences. */
const TERROR_COUNT =
  /\b(?:arrest\w*|execut\w*|shot|sentenc\w*|repress\w*|prisoners?|inmates?|deport\w*|exil\w*|expell?\w*|purg\w*|victims?|died|deaths?|killed|convicted|condemned|rehabilitat\w*|apprehended|detained|rounded up|camps?|Gulag|kulaks?|families)\b/i;

/** A count too small to be worth remembering (149 members of a committee); shares and totals are. */
export function trivial(f: Figure): boolean {
  // Pages, miles and roubles measure a book, a distance or a budget, not the terror.
  if (/^(?:pages?|miles?|kilometres?|km|rubles?|roubles?|words?|copies|volumes?|years? old)\b/i.test(f.counts)) return true;
  return f.value < 1000 && !/%|per ?cent/i.test(f.raw);
}

const YEAR = /\b1[89]\d\d\b/;

/**
 * The text a figure question quotes: the sentence, or the sentence with the one before it when
 * only that one says when ("In 1937–38 … Of these victims, 700,000 were executed.").
 */
function withWhen(s: SentenceRef): { ref: SentenceRef; from: number } | null {
  // "These …", "He …": the sentence before says who, so it is quoted too.
  const leans = LEANS_BACK.test(s.text);
  if (!leans && usableSentence(s.text) && quizFigure(s.text)) return { ref: s, from: 0 };
  if (!quizFigure(s.text, { needYear: false })) return null;
  const i = s.passage.sentences.findIndex((x) => x.start === s.start);
  const prev = i > 0 ? s.passage.sentences[i - 1] : undefined;
  if (!prev) return null;
  const text = s.passage.text.slice(prev.start, s.end);
  // The sentence before must say who itself: a "These …" before a "They …" still names no one.
  const before = s.passage.text.slice(prev.start, prev.end);
  if (LEANS_BACK.test(before) || dangling(before)) return null;
  if ((!YEAR.test(text) && !leans) || text.length > 400 || !usableSentence(text, { max: 400 })) return null;
  return { ref: { passage: s.passage, start: prev.start, end: s.end, text }, from: s.start - prev.start };
}

export function figureDraft(ctx: GenContext, sentence: SentenceRef): Draft | null {
  const found = withWhen(sentence);
  if (!found) return null;
  const s = found.ref;
  const choice = quizFigure(s.text, { needYear: false, from: found.from, largest: true });
  if (!choice) return null;
  const { figure, start } = choice;
  if (trivial(figure) || BOUNDED.test(s.text.slice(0, start)) || EXAMPLE.test(s.text) || computable(s.text, figure) || revisedLater(s, figure)) return null;
  // What the figure counts is the terror itself (the arrested, the executed, prisoners), not the delegates
  // of a congress or "other people [who] did likewise": the clause before it and the words after it say.
  const clause =
    s.text
      .slice(0, start)
      .split(/[,;:.]/)
      .pop() ?? '';
  if (!TERROR_COUNT.test(`${clause} ${figure.counts}`)) return null;
  const clozed = blankOut(s.text, start, start + figure.raw.length);
  const distractors = figureDistractors(figure.raw, `${s.passage.id}:${s.start}`, 3, (d) => containsWords(clozed, d));
  if (!distractors) return null;
  const stem = clozeStem(ctx, s, clozed);
  if (containsWords(stem, figure.raw)) return null;
  return {
    kind: 'figure',
    prompt: 'Which figure fills the blank?',
    stem,
    answer: figure.raw,
    distractors,
    passage: s.passage,
    quote: s.text,
  };
}
