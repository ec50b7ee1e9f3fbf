/**
 * Fitting text into a platform's limits, for every adapter: split at whitespace, clip at a word,
 * and cut a word only when it alone is longer than the limit, then between graphemes (never
 * inside an emoji or a letter with its accents) and never inside a platform's escape (`keep`).
 */
import { wellFormed } from './text-safe.ts';

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

export interface FitOptions {
  /** Moves a hard cut in `word` left, so it does not split a platform escape (Discord's "\*", Slack's "&amp;"). */
  keep?: (word: string, cut: number) => number;
}

/** Where to cut `word` to at most `max` code units: after its last whole grapheme that fits (at least one code unit). */
function hardCut(word: string, max: number, opts: FitOptions): number {
  let end = 0;
  for (const g of graphemes.segment(word)) {
    if (g.index + g.segment.length > max) break;
    end = g.index + g.segment.length;
  }
  // A single grapheme longer than the limit (a long run of combining marks) is cut where it must be.
  if (end === 0) end = max;
  return Math.max(1, opts.keep ? opts.keep(word, end) : end);
}

/** One line as pieces of at most `max` code units, broken at whitespace; none for a blank line. */
export function splitWords(line: string, max: number, opts: FitOptions = {}): string[] {
  const pieces: string[] = [];
  let current = '';
  for (let word of wellFormed(line)
    .split(/\s+/)
    .filter((w) => w.length > 0)) {
    while (word.length > max) {
      if (current) pieces.push(current);
      current = '';
      const cut = hardCut(word, max, opts);
      pieces.push(word.slice(0, cut));
      word = word.slice(cut);
    }
    if (!current) current = word;
    else if (current.length + 1 + word.length <= max) current += ` ${word}`;
    else {
      pieces.push(current);
      current = word;
    }
  }
  if (current) pieces.push(current);
  return pieces;
}

/** Greedily joins lines (each at most `max` long) into chunks of at most `max` code units. */
export function packLines(lines: string[], max: number, separator = '\n'): string[] {
  const chunks: string[] = [];
  let current: string | null = null;
  for (const line of lines) {
    if (current === null) current = line;
    else if (current.length + separator.length + line.length <= max) current += separator + line;
    else {
      chunks.push(current);
      current = line;
    }
  }
  if (current !== null) chunks.push(current);
  return chunks;
}

/** The first words of `text` (whitespace collapsed) that fit in `max`, with `ellipsis` when something was left out. */
export function clipWords(text: string, max: number, ellipsis = '…', opts: FitOptions = {}): string {
  const flat = wellFormed(text).replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  return `${splitWords(flat, max - ellipsis.length, opts)[0] ?? ''}${ellipsis}`;
}

/**
 * The longest prefix of `text`, exactly as written, of at most `max` code units that ends at a
 * word boundary (or, when no boundary lies past half of it, between graphemes).
 */
export function prefixAtWord(text: string, max: number): { text: string; clipped: boolean } {
  if (text.length <= max) return { text, clipped: false };
  const head = text.slice(0, max + 1);
  const space = head.search(/\s\S*$/);
  const end = space > max / 2 ? space : hardCut(text, max, {});
  return { text: text.slice(0, end).trimEnd(), clipped: true };
}

/** Paragraphs wrapped to `width` columns (UTF-16 units), each line after `indent`. */
export function wrap(text: string, width: number, indent = ''): string {
  const room = Math.max(1, width - indent.length);
  return text
    .split('\n')
    .flatMap((para) => {
      const lines = splitWords(para, room);
      return lines.length ? lines.map((l) => indent + l) : [indent];
    })
    .join('\n');
}
