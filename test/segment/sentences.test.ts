import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../src/segment/sentences.ts';

const texts = (s: string) => splitSentences(s).map((x) => x.text);

describe('sentence splitting', () => {
  it('GIVEN initials at the end of a line of names THEN no break after "Georgi L." or "J.V."', () => {
    expect(texts('A number of other former opposition members—Georgi L. Pyatakov, Leonid P. Serebryakov—were tried. Stalin agreed.')).toEqual([
      'A number of other former opposition members—Georgi L. Pyatakov, Leonid P. Serebryakov—were tried.',
      'Stalin agreed.',
    ]);
    expect(texts('It was signed by J.V. Stalin in 1937. Then it was sent.')).toHaveLength(2);
  });

  it('GIVEN two-letter transliterated initials (Ye., Ya., Ch.) THEN no break after them', () => {
    const text =
      'But the conflict personified by Mikhail N. Tukhachevsky and K. Ye. Voroshilov seems to have been important for the future. Grigori Ya. Sokolnikov was arrested. It ended.';
    expect(splitSentences(text).map((s) => s.text)).toEqual([
      'But the conflict personified by Mikhail N. Tukhachevsky and K. Ye. Voroshilov seems to have been important for the future.',
      'Grigori Ya. Sokolnikov was arrested.',
      'It ended.',
    ]);
  });

  it('GIVEN titles and abbreviations THEN they do not end sentences', () => {
    expect(texts('Col. Gorchakov met Mr. Felix Morrow in the U.S. capital, e.g. at the office. They talked.')).toHaveLength(2);
    expect(texts('See Vol. 13, p. 110 and cf. the note. Next.')).toHaveLength(2);
  });

  it('GIVEN an abbreviation right after an opening bracket or parenthesis THEN no break after it', () => {
    expect(texts('[Dec. 29, 1935 NKVD report on Trotskyists]')).toEqual(['[Dec. 29, 1935 NKVD report on Trotskyists]']);
    expect(texts('[Feb. 17-20, 1938 Central That decision “On Comrade Postyshev”]')).toHaveLength(1);
    expect(texts('He was there. [Gen. Yakir] wrote it (Col. Gorchakov agreed). Next.')).toEqual([
      'He was there.',
      '[Gen. Yakir] wrote it (Col. Gorchakov agreed).',
      'Next.',
    ]);
  });

  it('GIVEN spaced ellipses inside a sentence THEN one sentence', () => {
    expect(texts('To make a long story short, he let the cat out of the bag . . .')).toHaveLength(1);
  });

  it('GIVEN Cyrillic text THEN sentences split on their own punctuation', () => {
    expect(texts('В 1937 г. было много арестов. Это так.')).toEqual(['В 1937 г. было много арестов.', 'Это так.']);
  });

  it('GIVEN offsets THEN each sentence is the exact slice of the text', () => {
    const t =
      'In 1937-38, altogether 1,372,392 people were arrested and 681,692 executed. This means that, during the course of just these two years, approximately one-third of all arrests took place.';
    for (const s of splitSentences(t)) expect(t.slice(s.start, s.end)).toBe(s.text);
  });
});
