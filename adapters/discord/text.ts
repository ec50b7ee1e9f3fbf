import { escapeMarkdown } from 'discord.js';

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

/**
 * Splits one line into pieces of at most `max` characters at spaces. Only a single word longer
 * than `max` (no space to break at) is cut, since nothing else can fit it.
 */
export function splitAtWords(line: string, max: number): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const word of line.split(' ')) {
    if (word === '') continue;
    const candidate = current === '' ? word : `${current} ${word}`;
    if (candidate.length <= max) {
      current = candidate;
      continue;
    }
    if (current !== '') pieces.push(current);
    if (word.length <= max) {
      current = word;
    } else {
      const chunks = hardSplit(word, max);
      current = chunks.pop() ?? '';
      pieces.push(...chunks);
    }
  }
  if (current !== '' || pieces.length === 0) pieces.push(current);
  return pieces;
}

function hardSplit(word: string, max: number): string[] {
  const chunks: string[] = [];
  let rest = word;
  while (rest.length > max) {
    let cut = max;
    // Never separate a surrogate pair, nor a backslash from the character it escapes.
    if (isHighSurrogate(rest.charCodeAt(cut - 1))) cut -= 1;
    if (rest[cut - 1] === '\\' && cut > 1) cut -= 1;
    chunks.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  chunks.push(rest);
  return chunks;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

/** Greedily joins lines (each at most `max` long) into chunks of at most `max` characters. */
export function packLines(lines: string[], max: number, separator = '\n'): string[] {
  const chunks: string[] = [];
  let current: string | null = null;
  for (const line of lines) {
    if (current === null) {
      current = line;
    } else if (current.length + separator.length + line.length <= max) {
      current += separator + line;
    } else {
      chunks.push(current);
      current = line;
    }
  }
  if (current !== null) chunks.push(current);
  return chunks;
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
  if (text.length <= max) return text;
  let room = text.slice(0, max - 1);
  if (isHighSurrogate(room.charCodeAt(room.length - 1))) room = room.slice(0, -1);
  const space = room.lastIndexOf(' ');
  const cut = space > max / 2 ? room.slice(0, space) : room;
  return `${cut.trimEnd()}…`;
}
