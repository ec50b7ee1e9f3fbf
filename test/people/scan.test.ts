import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentFrequencies, wordsOf } from '../../src/corpus/words.ts';
import { buildCorpus } from '../../src/corpus/build.ts';
import { introduction, introductionAt, scanWords } from '../../src/people/extract.ts';
import { CORPUS_DIR } from '../support/corpus-bot.ts';

// The table scans must find exactly what the regular expressions they replace find.
const WORD = /(?<!\p{L})\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?(?!\p{L})/gu;
const LOWER = /(?<![\p{L}/.-])\p{Ll}+(?![\p{L}/.-])/gu;
const CAPITAL = /(?<!\p{L})\p{Lu}\p{Ll}+/gu;

function byRegex(texts: string[]) {
  const lowercase = new Map<string, number>();
  const capitalised = new Map<string, number>();
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  const tokens = texts.map((t) => {
    for (const w of t.match(LOWER) ?? []) bump(lowercase, w);
    for (const w of t.match(CAPITAL) ?? []) bump(capitalised, w.toLowerCase());
    return [...t.matchAll(WORD)].map((m) => ({ w: m[0], at: m.index }));
  });
  return { tokens, lowercase, capitalised };
}

function byScan(texts: string[]) {
  const lowercase = new Map<string, number>();
  const capitalised = new Map<string, number>();
  const tokens = scanWords(
    texts.map((text) => ({ sourceId: 's', text })),
    lowercase,
    capitalised,
  );
  return { tokens, lowercase, capitalised };
}

const sorted = (m: Map<string, number>) => [...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
function expectSame(texts: string[]) {
  const a = byRegex(texts);
  const b = byScan(texts);
  expect(b.tokens).toEqual(a.tokens);
  expect(sorted(b.lowercase)).toEqual(sorted(a.lowercase));
  expect(sorted(b.capitalised)).toEqual(sorted(a.capitalised));
  const df = new Map<string, number>();
  for (const t of texts) for (const w of wordsOf(t)) df.set(w, (df.get(w) ?? 0) + 1);
  expect(sorted(documentFrequencies(texts))).toEqual(sorted(df));
  for (const t of texts) {
    for (let at = 0; at <= t.length; at++) expect(introductionAt(t, at)).toEqual(introduction(t.slice(Math.max(0, at - 40), at)));
  }
}

// Letters of every case and script, marks, digits, spaces of every kind, the punctuation the
// expressions look at, and astral letters (surrogate pairs) whole and cut in two.
const PIECES = [
  ...'aZeÉéßǅʰªĳЖжЁё和Ⅻⅻ٣0 9\u00a0\u2003\u3000\ufeff\n\t.-/()’\'"A.'.split(''),
  '\u0301',
  '𝐀',
  '𝐚',
  '𐐀',
  '𐐨',
  '\ud835',
  '\udc00',
  'Ivan ',
  'Nikolay B. ',
  'Marshal ',
  'I.A. (Osip) ',
  'Mr. ',
  'St. ',
  'the ',
  'Yezhov',
  'Rykov-Bukharin',
  'McDonald',
  'USSR. ',
];

describe('the word scans of ingest', () => {
  it('GIVEN random text of letters, marks, spaces and surrogates THEN they find what the regular expressions find', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(fc.constantFrom(...PIECES), { maxLength: 40 }).map((a) => a.join('')),
          { maxLength: 4 },
        ),
        (texts) => expectSame(texts),
      ),
      { numRuns: 400 },
    );
  });

  it('GIVEN an astral letter that the 40 characters before a name cut in two THEN the introduction is read as the expression reads it', () => {
    for (let k = 0; k < 45; k++) expectSame([`${'x '.repeat(k)}𝐀Ivan Yezhov`, `x𝐀Ivan${' '.repeat(k)}Yezhov`, `𝐚Ivan Yezhov and 𝐀.${' '.repeat(k)}Rykov`]);
  });

  it('GIVEN the bundled corpus THEN they find what the regular expressions find', () => {
    const texts = buildCorpus(CORPUS_DIR).sources.flatMap((s) => s.passages.map((p) => p.text));
    const a = byRegex(texts);
    const b = byScan(texts);
    expect(b.tokens).toEqual(a.tokens);
    expect(sorted(b.lowercase)).toEqual(sorted(a.lowercase));
    expect(sorted(b.capitalised)).toEqual(sorted(a.capitalised));
  });
});
