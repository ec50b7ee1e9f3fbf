/**
 * Light word roots and the few synonym groups questions about this period need ("killed" vs
 * "murdered", "executed" vs "shot"). Suffix stripping keeps "executions" with "executed" but
 * apart from "executive", which a Porter stem would conflate.
 */
import { foldDiacritics } from '../people/name-key.ts';

// Longest first within a family, so "rehabilitated", "rehabilitating" and "rehabilitation" share a
// root, as do "studies", "studied" and "study".
const SUFFIXES: [string, string, number][] = [
  ['ations', '', 3],
  ['ation', '', 3],
  ['ions', '', 3],
  ['ion', '', 3],
  ['ating', '', 3],
  ['ated', '', 3],
  ['ates', '', 3],
  ['ate', '', 3],
  ['ies', 'y', 2],
  ['ied', 'y', 2],
  ['ings', '', 3],
  ['ing', '', 3],
  ['edly', '', 3],
  ['ed', '', 3],
  ['es', '', 3],
  ['s', '', 3],
  ['e', '', 3],
];

export function root(word: string): string {
  let w = foldDiacritics(word.toLowerCase())
    .replace(/['’]s$/, '')
    .replace(/z/g, 's');
  // An adverb is its adjective: "immediately" is "immediate".
  if (w.endsWith('ly') && !w.endsWith('ily') && w.length >= 7) w = w.slice(0, -2);
  for (const [suffix, by, keep] of SUFFIXES) {
    if (w.endsWith(suffix) && w.length - suffix.length >= keep) {
      w = w.slice(0, -suffix.length) + by;
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
