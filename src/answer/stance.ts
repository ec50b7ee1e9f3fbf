/**
 * Whether a sentence denies what a claim asserts, read from its words only: a negation right
 * before the claim's words in the same clause ("the centre did not exist"), or a word that calls
 * a thing untrue ("invented", "fabricated", "baseless"). Also whether it only reports an
 * accusation ("were accused of being members of a … centre"). These are cues for Sourcebook's
 * labels, each shown with the words it rests on; they are never a verdict.
 */

/** Words that deny what follows them. */
const NEGATION = new Set(['not', 'never', 'no', 'none', 'nor', 'neither', 'cannot', 'nothing', 'nobody']);
/** Phrases with a negation word that deny nothing ("no doubt", "not only"). */
const NOT_DENYING = /\b(?:no doubt|not only|no less|no longer|nothing but|not least|not a few|no fewer|not fewer|no small)\b/gi;
/** Words that call a thing untrue: an opposite position, not a plain negation. */
const DENIAL_SOURCE =
  /(?:invent(?:ed|ion)|fabricat(?:ed|ion|ions)|fictitious|fiction|baseless|myths?|mythical|false(?:ly|hood|hoods)?|falsifi(?:ed|cation|cations)|trumped[- ]up|non-?existent|imaginary|fake|bogus|unfounded|groundless|slander(?:ous|s)?|concocted|frame-?ups?|framed|untrue|lies|hoax|fantas(?:y|ies))/
    .source;
/** One word that is one of them. */
const DENIAL = new RegExp(`^${DENIAL_SOURCE}$`, 'i');
/** Every one in a text. */
export const DENIAL_WORDS = new RegExp(`\\b${DENIAL_SOURCE}\\b`, 'gi');
/** Words that report a charge, not the writer's own assertion. */
const ACCUSATION = /\b(?:accus(?:ed|ation|ations)|alleg(?:ed|edly|ation|ations)|charged|so-called|purported(?:ly)?|supposed(?:ly)?)\b/i;
/** How many words before a claim word a negation still bears on it ("did not exist", "no such centre"). */
const WINDOW = 4;
/** Being, happening, being true: what a negation after a thing's name denies of it. */
const BEING = /^(?:exist|existed|exists|happen|happened|occur|occurred|take|took|true|real|so|there)$/;
/** How far from a claim word a word calling it untrue may stand. */
const NEAR_DENIAL = 6;
/** How many words after a claim word its denial may stand ("centre did not exist"). */
const AFTER = 3;

interface Word {
  text: string;
  clause: number;
}

function wordsOf(text: string): Word[] {
  const out: Word[] = [];
  let clause = 0;
  // Clauses end at punctuation, so "Although there was no proof, the centre existed" is not a denial.
  for (const m of text.replace(NOT_DENYING, ' ').matchAll(/[\p{L}\p{N}'’-]+|[,;:.!?()\u2013\u2014]/gu)) {
    if (/^[,;:.!?()\u2013\u2014]$/u.test(m[0])) clause++;
    else out.push({ text: m[0].toLowerCase().replace(/’/g, "'"), clause });
  }
  return out;
}

function negates(w: string): boolean {
  return NEGATION.has(w) || w.endsWith("n't");
}

export interface Denial {
  /** The words it rests on, as written in lower case: "did not exist", "fabricated". */
  cue: string;
}

/** A denial of the claim's words in `text`; `isClaimWord` says which words are the claim's. */
export function denialIn(text: string, isClaimWord: (word: string) => boolean): Denial | null {
  const words = wordsOf(text);
  for (let j = 0; j < words.length; j++) {
    if (!isClaimWord(words[j]!.text)) continue;
    for (let i = j - 1; i >= Math.max(0, j - WINDOW); i--) {
      if (words[i]!.clause !== words[j]!.clause) break;
      if (!negates(words[i]!.text)) continue;
      // "did not exist": the auxiliary before the negation is part of what is shown.
      const from = i > 0 && /^(?:did|does|do|was|were|is|are|had|has|have|could|would)$/.test(words[i - 1]!.text) ? i - 1 : i;
      return {
        cue: words
          .slice(from, j + 1)
          .map((w) => w.text)
          .join(' '),
      };
    }
    // "… centre did not exist", "… centre never existed": the denial follows what it denies.
    for (let i = j + 1; i <= Math.min(words.length - 1, j + AFTER); i++) {
      if (words[i]!.clause !== words[j]!.clause) break;
      const w = words[i]!.text;
      const aux = /^(?:did|does|do|was|were|is|are|had|has|have|could)$/.test(words[i - 1]!.text);
      if (!(w === 'never' || (aux && negates(w)) || /^(?:didn't|wasn't|weren't|isn't|hadn't|couldn't)$/.test(w))) continue;
      // What the negation denies comes right after it: being ("did not exist") or the claim's own word, not another verb ("wasn't connected").
      const next = words[i + 1];
      if (!next || next.clause !== words[j]!.clause || BEING.test(next.text) || isClaimWord(next.text))
        return {
          cue: words
            .slice(j, Math.min(words.length, i + 2))
            .map((x) => x.text)
            .join(' '),
        };
    }
  }
  // "invented", "baseless": in the clause of a claim word, near it.
  for (let i = 0; i < words.length; i++) {
    if (!DENIAL.test(words[i]!.text)) continue;
    for (let j = Math.max(0, i - NEAR_DENIAL); j <= Math.min(words.length - 1, i + NEAR_DENIAL); j++)
      if (j !== i && words[j]!.clause === words[i]!.clause && isClaimWord(words[j]!.text)) return { cue: words[i]!.text };
  }
  return null;
}

/** Whether a claim as typed denies something ("the centre never existed", "the plot was invented"). */
export function claimDenies(text: string): Denial | null {
  const words = wordsOf(text);
  const k = words.findIndex((w) => negates(w.text));
  if (k >= 0)
    return {
      cue: words
        .slice(k, k + 2)
        .map((w) => w.text)
        .join(' '),
    };
  const denial = words.find((w) => DENIAL.test(w.text));
  return denial ? { cue: denial.text } : null;
}

/** The word that makes a sentence a report of a charge ("accused"), or null. */
export function accusationIn(text: string): string | null {
  return ACCUSATION.exec(text)?.[0].toLowerCase() ?? null;
}
