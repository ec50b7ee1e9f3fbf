/**
 * Numbers written as words and as digits are one term: "17th" = "seventeenth", "two" = "2",
 * so a question's "17th Congress" finds a text's "Seventeenth Congress" and the other way round.
 */
const UNITS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const ORD_UNITS = [
  'zeroth',
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
  'thirteenth',
  'fourteenth',
  'fifteenth',
  'sixteenth',
  'seventeenth',
  'eighteenth',
  'nineteenth',
];
const ORD_TENS = ['', '', 'twentieth', 'thirtieth', 'fortieth', 'fiftieth', 'sixtieth', 'seventieth', 'eightieth', 'ninetieth'];

/** 1..99 → its word forms (one word only: "21" has none, "twenty-one" is two tokens). */
const CARDINAL = new Map<number, string>();
const ORDINAL = new Map<number, string>();
for (let n = 0; n < 20; n++) {
  CARDINAL.set(n, UNITS[n]!);
  ORDINAL.set(n, ORD_UNITS[n]!);
}
for (let t = 2; t < 10; t++) {
  CARDINAL.set(t * 10, TENS[t]!);
  ORDINAL.set(t * 10, ORD_TENS[t]!);
}
const FROM_WORD = new Map<string, string>();
for (const [n, w] of CARDINAL) FROM_WORD.set(w, String(n));
for (const [n, w] of ORDINAL) FROM_WORD.set(w, `${n}${suffix(n)}`);

/** Ordinal words up to "ninety-ninth" ("first", "twenty-third", "thirtieth"), as a regular-expression alternation. */
export const ORDINAL_WORDS = `(?:(?:${TENS.slice(2).join('|')})-(?:${ORD_UNITS.slice(1, 10).join('|')})|${[...ORD_UNITS.slice(1), ...ORD_TENS.slice(2)].join('|')})`;

/** "first" → 1, "twenty-third" → 23, "seven" → 7; 0 when the word is no number up to 99. */
export function wordNumber(word: string): number {
  const t = word.toLowerCase();
  const [tens, unit] = t.includes('-') ? t.split('-') : ['', t];
  const base = tens ? Math.max(TENS.indexOf(tens!), 0) * 10 : 0;
  if (tens && !base) return 0;
  const n = Math.max(UNITS.indexOf(unit!), ORD_UNITS.indexOf(unit!), ORD_TENS.indexOf(unit!) * 10, TENS.indexOf(unit!) * 10);
  if (n <= 0 || (base && n > 9)) return 0;
  return base + n;
}

function suffix(n: number): string {
  if (n % 100 >= 11 && n % 100 <= 13) return 'th';
  return ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
}

/** Other forms of a number token, lower case: "17th" → ["seventeenth"], "seventeenth" → ["17th"]. */
export function numberForms(token: string): string[] {
  const t = token.toLowerCase();
  const ord = /^(\d{1,2})(st|nd|rd|th)$/.exec(t);
  if (ord) {
    const w = ORDINAL.get(Number(ord[1]));
    return w ? [w] : [];
  }
  if (/^\d{1,2}$/.test(t)) {
    const w = CARDINAL.get(Number(t));
    return w && Number(t) > 1 ? [w] : [];
  }
  const n = FROM_WORD.get(t);
  return n && n !== '0' && n !== '1' ? [n] : [];
}
