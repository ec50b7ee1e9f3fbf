import { escapeMarkdown } from 'discord.js';
import { clipWords, packLines, splitWords } from '../../src/core/fit.ts';

export { packLines };

/**
 * Some of escapeMarkdown's patterns look behind with `.+`, which is quadratic in the length of a
 * line: a 9,000-character paragraph takes seconds. Its escapes are per character (every `*`,
 * `_`, `~`… is escaped, paired or not), so escaping runs of whole words separately gives the same
 * result in linear time. Words are never split, which keeps URLs and custom emoji intact.
 */
const ESCAPE_RUN = 200;

/** Makes plain corpus or user text show literally, whatever characters it contains. */
export function escapeText(text: string): string {
  const escaped = wordRuns(text, ESCAPE_RUN)
    .map((run) => escapeMarkdown(run, { heading: true, bulletedList: true, numberedList: true }))
    .join('');
  return (
    escaped
      // A masked link's text may span runs, so links are defused here: no "[" opens one.
      .replaceAll('[', '\\[')
      // escapeMarkdown leaves block quotes alone: a line starting with ">" would quote itself.
      .replace(/^(\s*)>/gm, '$1\\>')
  );
}

/** Consecutive pieces of `text` that end just before whitespace once they reach `size`. */
function wordRuns(text: string, size: number): string[] {
  const runs: string[] = [];
  let start = 0;
  const boundary = /\s+/g;
  for (let m = boundary.exec(text); m !== null; m = boundary.exec(text)) {
    if (m.index - start >= size) {
      runs.push(text.slice(start, m.index));
      start = m.index;
    }
  }
  runs.push(text.slice(start));
  return runs;
}

/**
 * Trims each line and collapses runs of spaces, so that the only separator inside a line is
 * one space. The splitting below relies on that to never turn a word boundary into a cut.
 */
export function tidyLines(text: string): string[] {
  return text
    .replace(/\r\n?/g, '\n')
    .trim()
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim());
}

/** A hard cut never separates a backslash from the character it escapes. */
const KEEP_ESCAPES = (word: string, cut: number): number => (cut > 1 && word[cut - 1] === '\\' ? cut - 1 : cut);

/**
 * Splits one line into pieces of at most `max` characters at spaces (a blank line is one empty
 * piece, so blank lines survive). Only a single word longer than `max` is cut.
 */
export function splitAtWords(line: string, max: number): string[] {
  const pieces = splitWords(line, max, { keep: KEEP_ESCAPES });
  return pieces.length ? pieces : [''];
}

/** Wraps each line to `max` and packs the result: a long text as chunks cut only between words. */
export function splitText(lines: string[], max: number): string[] {
  return packLines(
    lines.flatMap((line) => splitAtWords(line, max)),
    max,
  );
}

/** Shortens to `max` characters at a word boundary, marking the cut with an ellipsis. */
export function truncateAtWord(text: string, max: number): string {
  return clipWords(text, max, '…', { keep: KEEP_ESCAPES });
}
