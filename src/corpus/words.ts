/** The distinct words of a text as the vocabulary stores them: lower case, diacritics folded. */
import { foldDiacritics } from '../people/name-key.ts';
import { charClasses, classAt, LETTER, NUMBER } from '../segment/chars.ts';

export function wordsOf(text: string): Set<string> {
  return new Set(foldDiacritics(text.toLowerCase()).match(/[\p{L}\p{N}]+/gu) ?? []);
}

/**
 * The vocabulary of many texts: each word (as wordsOf finds it) with the number of texts it is in.
 * The same words as wordsOf, found by a table scan instead of the regular expression, and counted
 * without a set per text.
 */
export function documentFrequencies(texts: Iterable<string>): Map<string, number> {
  const df = new DocumentFrequencies();
  for (const text of texts) df.add(text);
  return df.result();
}

/** documentFrequencies, one text at a time. */
export class DocumentFrequencies {
  /** Per word: the number of texts it is in, and the last text it was counted for. */
  private readonly seen = new Map<string, { n: number; last: number }>();
  private t = 0;

  add(text: string): void {
    const WORD = LETTER | NUMBER;
    const classes = charClasses();
    const seen = this.seen;
    const t = ++this.t;
    const s = foldDiacritics(text.toLowerCase());
    const n = s.length;
    let i = 0;
    while (i < n) {
      // Skip to the next word character.
      let c = s.charCodeAt(i);
      let k = c < 0xd800 || c > 0xdfff ? classes[c]! | 0x100 : classAt(s, i);
      if (!(k & WORD)) {
        i += k >> 8;
        continue;
      }
      const start = i;
      do {
        i += k >> 8;
        if (i >= n) break;
        c = s.charCodeAt(i);
        k = c < 0xd800 || c > 0xdfff ? classes[c]! | 0x100 : classAt(s, i);
      } while (k & WORD);
      const w = s.slice(start, i);
      const e = seen.get(w);
      if (!e) seen.set(w, { n: 1, last: t });
      else if (e.last !== t) {
        e.last = t;
        e.n++;
      }
    }
  }

  result(): Map<string, number> {
    const df = new Map<string, number>();
    for (const [w, e] of this.seen) df.set(w, e.n);
    return df;
  }
}
