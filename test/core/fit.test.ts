/** The one text-fitting module every adapter uses: pieces within the limit, words whole, graphemes whole. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clipWords, prefixAtWord, splitWords, wrap } from '../../src/core/fit.ts';

const graphemesOf = (s: string) => [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(s)].map((g) => g.segment);

describe('fitting text', () => {
  it('GIVEN any text and limit THEN every piece fits, and the pieces hold the words in order, nothing lost', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), fc.integer({ min: 8, max: 120 }), (text, max) => {
        const pieces = splitWords(text, max);
        for (const p of pieces) expect(p.length).toBeLessThanOrEqual(max);
        expect(pieces.join('').replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
      }),
    );
  });

  it('GIVEN a word longer than the limit made of emoji and accented letters THEN it is cut only between graphemes', () => {
    // A family emoji is one grapheme of 11 code units; "é" written as e + combining accent is one of 2.
    const word = '👨‍👩‍👧‍👦e\u0301'.repeat(6);
    const pieces = splitWords(word, 16);
    expect(pieces.join('')).toBe(word);
    for (const p of pieces) {
      expect(p.length).toBeLessThanOrEqual(16);
      for (const g of graphemesOf(p)) expect(['👨‍👩‍👧‍👦', 'e\u0301']).toContain(g);
    }
  });

  it('GIVEN a platform escape at a hard cut THEN keep moves the cut before it', () => {
    const keep = (w: string, cut: number) => (w[cut - 1] === '\\' ? cut - 1 : cut);
    expect(splitWords('abcdefg\\*hij', 8, { keep })).toEqual(['abcdefg', '\\*hij']);
  });

  it('GIVEN a quote longer than the room THEN its prefix is exactly as written and ends at a word', () => {
    const text = 'Stalin received a total of 383 lists featuring the names of 44,161 people.';
    const { text: head, clipped } = prefixAtWord(text, 40);
    expect(clipped).toBe(true);
    expect(text.startsWith(head)).toBe(true);
    expect(head).toBe('Stalin received a total of 383 lists');
    expect(prefixAtWord(text, 500)).toEqual({ text, clipped: false });
  });

  it('GIVEN a title too long for a button THEN the first whole words and an ellipsis', () => {
    expect(clipWords('Says so: Real Stalin Series Part 11 · Denies: Maskharashvili', 30)).toBe('Says so: Real Stalin Series…');
  });

  it('GIVEN paragraphs to wrap THEN each line fits its width after the indent and blank lines stay', () => {
    const out = wrap('one two three four five\n\nsix', 12, '  ');
    expect(out.split('\n')).toEqual(['  one two', '  three four', '  five', '  ', '  six']);
  });
});
