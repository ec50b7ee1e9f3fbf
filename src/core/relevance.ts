/**
 * Light word roots of a text, for the checks that need no ranking ("does this question have any
 * word to search for?", "do two figures count the same thing?"). Ranking lives in src/answer.
 */
import { contentTokens } from '../search/fts-query.ts';
import { root } from '../search/roots.ts';

export function rootsOf(text: string): string[] {
  return [...new Set(contentTokens(text).map(root))];
}
