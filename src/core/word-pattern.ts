/** Regular expressions for names and words typed by users or taken from the corpus. */

export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Any of `words` as a whole word: "Ezhov" but not inside "Yezhovshchina". */
export function wholeWords(words: readonly string[]): RegExp {
  return new RegExp(`(?<!\\p{L})(${words.map(escapeRe).join('|')})(?!\\p{L})`, 'u');
}
