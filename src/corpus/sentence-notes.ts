/** Notes per sentence: each note belongs to the sentence its marker stood in (or ended). */
import type { Passage } from './types.ts';
import type { SegNote } from '../segment/types.ts';

/** Index of the sentence a note's marker belongs to; null when the profile did not place it. */
export function sentenceOfNote(p: Pick<Passage, 'sentences'>, note: SegNote): number | null {
  if (note.at === undefined) return null;
  // A marker follows the word or the full stop it annotates: it belongs to the sentence ending at or after it.
  const i = p.sentences.findIndex((s) => s.start < note.at! && note.at! <= s.end);
  if (i >= 0) return i;
  let before: number | null = null;
  p.sentences.forEach((s, k) => {
    if (s.end <= note.at!) before = k;
  });
  return before ?? (p.sentences.length ? 0 : null);
}

/** The notes whose markers stand in sentences [from, to] of a passage. */
export function notesOfSentences(p: Pick<Passage, 'sentences' | 'notes'>, from: number, to: number = from): SegNote[] {
  return p.notes.filter((n) => {
    const i = sentenceOfNote(p, n);
    return i !== null && i >= from && i <= to;
  });
}
