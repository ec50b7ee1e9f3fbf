/**
 * Light word roots and the few synonym groups questions about this period need ("killed" vs
 * "murdered", "executed" vs "shot"). Suffix stripping keeps "executions" with "executed" but
 * apart from "executive", which a Porter stem would conflate.
 */
import { foldDiacritics } from '../people/name-key.ts';

const SUFFIXES = ['ations', 'ation', 'ions', 'ion', 'ings', 'ing', 'edly', 'ed', 'es', 's', 'e', 'ly'];

export function root(word: string): string {
  let w = foldDiacritics(word.toLowerCase()).replace(/['’]s$/, '').replace(/z/g, 's');
  for (const suffix of SUFFIXES) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  return w;
}

/** Each group: words as typed (for FTS) — their roots are matched in sentences. */
export const SYNONYM_GROUPS: string[][] = [
  ['kill', 'murder', 'assassination', 'assassinate'],
  ['execute', 'execution', 'shot', 'shoot', 'death'],
  ['arrest', 'detain', 'imprison'],
  ['purge', 'repression', 'reprisal'],
];

const GROUP_OF = new Map<string, string[]>();
for (const g of SYNONYM_GROUPS) for (const w of g) GROUP_OF.set(root(w), g);

/** The words to search for a token: itself plus its synonyms. */
export function expansions(token: string): string[] {
  const g = GROUP_OF.get(root(token));
  return g ? [...new Set([token, ...g])] : [token];
}

/** Roots that count as the same word as this root in a sentence. */
const families = new Map<string, string[]>();

export function rootFamily(r: string): string[] {
  let f = families.get(r);
  if (!f) {
    const g = GROUP_OF.get(r);
    families.set(r, (f = g ? [...new Set([r, ...g.map(root)])] : [r]));
  }
  return f;
}
