/** Text clean-up shared by the format profiles. */

/** No-break and other exotic spaces become plain spaces; runs collapse; ends trimmed. */
export function normalizeSpaces(s: string): string {
  return s
    .replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000\t]/g, ' ')
    .replace(/\u200b|\u200c|\u200d|\ufeff/g, '')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** Straight/curly quotes and apostrophes folded, for matching headings against a table of contents. */
export function foldForMatch(s: string): string {
  return normalizeSpaces(
    s
      .replace(/[*_#]/g, '')
      .replace(/[\u2018\u2019\u201a\u201b\u2032`´]/g, "'")
      .replace(/[\u201c\u201d\u201e\u201f\u2033«»]/g, '"')
      .replace(/[\u2013\u2014]/g, '-'),
  )
    .toLowerCase()
    .replace(/[.:;,!?]+$/g, '');
}

/** Removes Markdown emphasis markers (`*x*`, `**x**`, `_x_`) but keeps the words. */
export function stripEmphasis(s: string): string {
  return s
    .replace(/\*\*([^*]+)\*\*/g, '$1')
    .replace(/(^|[^\w*])\*([^*\n]+)\*(?=$|[^\w*])/g, '$1$2')
    .replace(/\*\*/g, '');
}

const TERMINAL = /[.?!…]["'”’»)\]]*$/u;
/** Initials ("Georgi L.") and common abbreviations end with a period but not a sentence. */
const NON_TERMINAL_TAIL = /(?:^|[\s(—–-])(?:[A-ZА-Я]|Mr|Mrs|Dr|Col|Gen|St|Prof|Doz|cf|Cf|vol|Vol|pp?|ed|eds|No|Nos|i\.e|e\.g|etc)\.$/u;

/** Does this paragraph end where a sentence ends? Used to decide whether a page break cut it. */
export function endsSentence(text: string): boolean {
  const t = text.trimEnd();
  if (!TERMINAL.test(t)) return false;
  return !NON_TERMINAL_TAIL.test(t);
}

/** Does this line read as the continuation of an interrupted sentence (lowercase Latin or Cyrillic, « or a closing bracket)? */
export function startsAsContinuation(line: string): boolean {
  return /^[\p{Ll}«)\],;:]/u.test(line.trimStart());
}

/**
 * Joins a paragraph cut by a page break with its continuation. A trailing soft hyphen
 * ("conspira-" + "cy") is removed; a real hyphen in the middle of a word stays ("1937-38").
 */
export function joinBroken(prev: string, next: string): string {
  const p = prev.trimEnd();
  const n = next.trimStart();
  const soft = /(\p{L})-$/u.exec(p);
  if (soft && /^\p{Ll}/u.test(n)) return p.slice(0, -1) + n;
  return `${p} ${n}`;
}

/** True when a line, cut at a page break, should be glued onto the paragraph before it. */
export function continuesParagraph(prev: string, next: string): boolean {
  if (/\p{L}-$/u.test(prev.trimEnd()) && /^\p{Ll}/u.test(next.trimStart())) return true;
  return !endsSentence(prev) || startsAsContinuation(next);
}

const SUPERSCRIPT_DIGITS: Record<string, string> = {
  '⁰': '0',
  '¹': '1',
  '²': '2',
  '³': '3',
  '⁴': '4',
  '⁵': '5',
  '⁶': '6',
  '⁷': '7',
  '⁸': '8',
  '⁹': '9',
};

/** Reads a run of Unicode superscript digits ("¹¹⁵") as a number string ("115"). */
export function superscriptToDigits(s: string): string {
  return [...s].map((c) => SUPERSCRIPT_DIGITS[c] ?? '').join('');
}

export const SUPERSCRIPT_RUN = /[⁰¹²³⁴-⁹]+/gu;

/** `16<sup>th</sup>` → `16th`; numeric `<sup>12</sup>` markers are returned separately. */
export function extractSupMarkers(s: string): { text: string; markers: string[] } {
  const markers: string[] = [];
  const text = s
    .replace(/<sup>\s*(\d+)\s*<\/sup>/g, (_m, n: string) => {
      markers.push(n);
      return '';
    })
    .replace(/<sup>\s*([^<]*?)\s*<\/sup>/g, '$1');
  return { text: text.replace(/ {2,}/g, ' ').replace(/ ([,.;:])/g, '$1'), markers };
}
