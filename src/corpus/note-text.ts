/**
 * What a footnote says, as against what it cites. Monograph notes mix references ("Pis'ma I. V.
 * Stalina …, pp. 218, 220.") with a historian's comment ("He was sentenced to 10 years in prison
 * …"); only the comment is worth showing beside a quote, verbatim.
 */
import type { SegNote } from '../segment/types.ts';

/** A comment sentence is mostly lower-case words; a reference is names, titles and numbers. */
const PROSE_SHARE = 0.6;
const MIN_WORDS = 6;
const PAGES = /\bpp?\.\s*\d|\bVol(?:ume)?\.?\s*\d|\bibid\b/i;

/** English's commonest words: a transliterated Russian title ("KPSS v rezolyutsyakh i resheniyakh") has none. */
const FUNCTION_WORDS = new Set(
  'the of and to in a an was were is are that by for with as his her he it on from not had have be been this which who also but at'.split(' '),
);
const FUNCTION_SHARE = 0.15;
/** Abbreviations and initials a citation ends on ("ed.", "No.", "W."): a cut, not a sentence's end. */
const CUT_AT = /(?:^|[\s(])(?:[Ee]ds?|[Nn]o|[Vv]ol|pp?|[Cc]f|[Tt]rans|[Cc]omp|i\.e|e\.g|\p{Lu})\.\s*$/u;

function isProse(sentence: string): boolean {
  const words = sentence.match(/\p{L}[\p{L}'’-]*/gu) ?? [];
  if (words.length < MIN_WORDS || PAGES.test(sentence) || CUT_AT.test(sentence) || !/^["“‘(]?\p{Lu}/u.test(sentence)) return false;
  if (words.filter((w) => FUNCTION_WORDS.has(w.toLowerCase())).length / words.length < FUNCTION_SHARE) return false;
  return words.filter((w) => /^\p{Ll}/u.test(w)).length / words.length >= PROSE_SHARE;
}

function sentencesOf(note: SegNote): { start: number; end: number }[] {
  // A full stop ends a sentence where a space follows it ("1.3.1932" is a date); a semicolon ends a
  // reference before a comment ("… Press, 1995; Beria was appointed …").
  return [...note.text.matchAll(/(?:[^.!?;]|[.!?;](?!["”’)]*(?:\s|$)))+(?:[.!?;]+["”’)]*|$)\s*/gu)].map((m) => ({
    start: m.index,
    end: m.index + m[0].trimEnd().length,
  }));
}

/**
 * Every comment sentence of a note, verbatim, wherever it stands: "Vol. II, p. 551 Shvernik commission
 * found out that …" holds one after its reference, the page number cut off.
 */
export function noteSentences(note: SegNote): string[] {
  return sentencesOf(note).flatMap((s) => {
    const text = note.text.slice(s.start, s.end).replace(/^[\d–-]+\s+(?=\p{Lu})/u, '');
    return isProse(text) ? [text] : [];
  });
}

/** The note's first run of comment sentences, verbatim and whole, within `max` characters; null for a bare reference. */
export function noteComment(note: SegNote, max = 450): string | null {
  const sentences = sentencesOf(note);
  const first = sentences.findIndex((s) => isProse(note.text.slice(s.start, s.end)));
  if (first < 0) return null;
  let end = sentences[first]!.end;
  if (end - sentences[first]!.start > max) return null;
  for (let i = first + 1; i < sentences.length && isProse(note.text.slice(sentences[i]!.start, sentences[i]!.end)); i++) {
    if (sentences[i]!.end - sentences[first]!.start > max) break;
    end = sentences[i]!.end;
  }
  return note.text.slice(sentences[first]!.start, end);
}
