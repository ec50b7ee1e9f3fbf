/** The distinct words of a text as the vocabulary stores them: lower case, diacritics folded. */
import { foldDiacritics } from '../people/name-key.ts';

export function wordsOf(text: string): Set<string> {
  return new Set(foldDiacritics(text.toLowerCase()).match(/[\p{L}\p{N}]+/gu) ?? []);
}
