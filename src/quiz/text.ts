/**
 * Text helpers shared by the question generators: which corpus sentences are safe to quiz on,
 * deterministic pseudo-random choices, and the blank that replaces an answer.
 */
import { createHash } from 'node:crypto';
import type { CorpusRepo } from '../corpus/repo.ts';
import type { Passage } from '../corpus/types.ts';

export const BLANK = '____';

export interface SentenceRef {
  passage: Passage;
  /** Offsets into passage.text. */
  start: number;
  end: number;
  text: string;
}

/** Every sentence of every source, in document order (the generators' input). */
export function corpusSentences(repo: CorpusRepo): SentenceRef[] {
  const out: SentenceRef[] = [];
  for (const s of repo.sources()) {
    for (const p of repo.passagesOf(s.meta.id)) {
      for (const { start, end } of p.sentences) out.push({ passage: p, start, end, text: p.text.slice(start, end) });
    }
  }
  return out;
}

/**
 * 32-bit FNV-1a with a murmur3 finaliser: cheap, stable choices derived from content, so
 * generation is deterministic. The finaliser matters: FNV's low bits alone are parities of the
 * input, and `hash % 2` of two related seeds would always agree.
 */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export function stableId(prefix: string, ...parts: string[]): string {
  return prefix + createHash('sha256').update(parts.join('\u0000')).digest('base64url').replace(/[-_]/g, '').slice(0, 10);
}

/** Deterministic shuffle keyed by `seed`. */
export function seededShuffle<T>(items: readonly T[], seed: string): T[] {
  return [...items]
    .map((item, i) => ({ item, k: hash32(`${seed}:${i}`) }))
    .sort((a, b) => a.k - b.k)
    .map((x) => x.item);
}

/** Lowercase, folded, punctuation-free (decimal points kept): for comparing stems and finding answers in text. */
export function norm(s: string): string {
  // Decomposing is slow and only needed for accented letters; curly quotes go with the punctuation.
  const folded = /[\u00c0-\u024f\u1e00-\u1eff]/.test(s) ? s.normalize('NFKD').replace(/\p{M}/gu, '') : s;
  return folded
    .toLowerCase()
    .replace(/(?<!\d)[.,]|[.,](?!\d)/g, ' ')
    .replace(/[^\p{L}\p{N}%.,]+/gu, ' ')
    .trim();
}

// The generators test many needles against the same stem in a row: remember the last one.
let lastHay = '';
let lastNorm = '  ';

/** True when `needle` occurs in `hay` as whole words (case-, accent- and punctuation-insensitive). */
export function containsWords(hay: string, needle: string): boolean {
  const n = norm(needle);
  if (hay !== lastHay) {
    lastHay = hay;
    lastNorm = ` ${norm(hay)} `;
  }
  return n.length > 0 && lastNorm.includes(` ${n} `);
}

const OPENERS = /^[“"‘'(]?\p{Lu}/u;

/**
 * A sentence a question can rest on: a whole statement, not too long to read in a quiz, not a
 * question, not an excerpt that starts or ends mid-quote ("…"), with balanced quotation marks.
 */
export function usableSentence(text: string, opts: { min?: number; max?: number } = {}): boolean {
  const min = opts.min ?? 50;
  const max = opts.max ?? 300;
  const t = text.trim();
  if (t.length < min || t.length > max) return false;
  if (!OPENERS.test(t)) return false;
  if (/^[“"‘']?\s*(?:…|\.\.\.)/.test(t) || /(?:…|\.\.\.)[.”"’']*$/.test(t)) return false;
  if (!/[.!][”"’')]*$/.test(t)) return false;
  if (/[:;]\s*[”"’]?$/.test(t)) return false;
  if ((t.match(/“/g) ?? []).length !== (t.match(/”/g) ?? []).length) return false;
  if ((t.match(/"/g) ?? []).length % 2 !== 0) return false;
  // "Alien elements on the faculty] The institute …": an editor's bracket that opens before the sentence.
  if ((t.match(/\[/g) ?? []).length !== (t.match(/\]/g) ?? []).length || (t.match(/\(/g) ?? []).length !== (t.match(/\)/g) ?? []).length) return false;
  // A quotation that opens the sentence must close inside it, or the sentence starts mid-quote.
  if (/^[“"]/.test(t) && !/[”"]/.test(t.slice(1))) return false;
  if (/\b(?:ibid|op\. cit|pp?\.\s*\d)/i.test(t)) return false;
  return true;
}

/** Passages whose sentences make statements: not tables, lists or an interviewer's questions. */
export function statementPassage(p: Passage): boolean {
  if (p.kind !== 'body' && p.kind !== 'quote' && p.kind !== 'lede') return false;
  if (p.speaker && /^(GJ|Q|interviewer)$/i.test(p.speaker)) return false;
  return true;
}

/** The sentence with `span` replaced by the blank. */
export function blankOut(text: string, start: number, end: number): string {
  return `${text.slice(0, start)}${BLANK}${text.slice(end)}`;
}

export function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.lastIndexOf(' ', max - 1);
  return `${s.slice(0, cut > max / 2 ? cut : max - 1)}…`;
}
