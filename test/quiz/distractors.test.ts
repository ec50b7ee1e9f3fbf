/** Distractor rules as properties: same format, same magnitude, distinct, never the answer. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DATE_PATTERN, dateDistractors, figureDistractors, formatDate, parseDate, parseFigure, type DateFormat } from '../../src/quiz/distractors.ts';
import { hash32 } from '../../src/quiz/text.ts';

const figureRaw = fc.oneof(
  fc.integer({ min: 100, max: 999_999_999 }).map((n) => n.toLocaleString('en-US')),
  fc.integer({ min: 100, max: 9_999 }).map(String),
  fc.tuple(fc.integer({ min: 1, max: 99 }), fc.integer({ min: 0, max: 9 })).map(([a, b]) => `${a}.${b} million`),
  fc.integer({ min: 1, max: 99 }).map((n) => `${n}%`),
  fc.integer({ min: 1, max: 99 }).map((n) => `${n} per cent`),
);

describe('figure distractors', () => {
  it('GIVEN any printed figure THEN three distinct options in its format, 0.45×–2.2× its value, never the answer, shares never above 100%', () => {
    fc.assert(
      fc.property(figureRaw, fc.string({ maxLength: 12 }), (raw, seed) => {
        const answer = parseFigure(raw)!;
        const ds = figureDistractors(raw, seed);
        if (!ds) return answer.value < 2 || answer.value * 0.5 < 1 || (answer.suffix.includes('million') && answer.value >= 500);
        expect(new Set([raw, ...ds]).size).toBe(4);
        for (const d of ds) {
          const f = parseFigure(d)!;
          expect(f.suffix).toBe(answer.suffix);
          expect(f.decimals).toBe(answer.decimals);
          expect(f.value / answer.value).toBeGreaterThanOrEqual(0.45);
          expect(f.value / answer.value).toBeLessThanOrEqual(2.2);
          if (/%|cent/.test(f.suffix)) expect(f.value).toBeLessThanOrEqual(100);
        }
        return true;
      }),
    );
  });

  it('GIVEN the same figure and seed THEN the same distractors (generation is deterministic)', () => {
    expect(figureDistractors('1,372,392', 'eme-x:0')).toEqual(figureDistractors('1,372,392', 'eme-x:0'));
  });

  it('GIVEN many questions THEN the answer is the smallest, the largest and in between about equally often', () => {
    const ranks = [0, 0, 0, 0];
    for (let i = 0; i < 2000; i++) {
      const ds = figureDistractors('700,000', `seed-${i}`)!.map((d) => Number(d.replace(/,/g, '')));
      ranks[ds.filter((d) => d < 700_000).length]!++;
    }
    for (const r of ranks) expect(r).toBeGreaterThan(350);
  });
});

describe('date distractors', () => {
  const date = fc.record({
    style: fc.constantFrom<DateFormat['style']>('year', 'month-year', 'day-month-year', 'month-day-year'),
    year: fc.integer({ min: 1900, max: 1960 }),
    month: fc.integer({ min: 0, max: 11 }),
    day: fc.integer({ min: 1, max: 28 }),
  });

  it('GIVEN any date THEN three distinct dates printed the same way within five years, none equal to the answer', () => {
    fc.assert(
      fc.property(date, fc.string({ maxLength: 12 }), (d, seed) => {
        const answer = formatDate(d);
        const ds = dateDistractors(d, seed);
        expect(new Set([answer, ...ds]).size).toBe(4);
        for (const s of ds) {
          const m = [...s.matchAll(DATE_PATTERN)];
          expect(m).toHaveLength(1);
          const p = parseDate(m[0]!);
          expect(p.style).toBe(d.style);
          expect(Math.abs(p.year - d.year)).toBeLessThanOrEqual(5);
        }
      }),
    );
  });
});

describe('deterministic choices', () => {
  it('GIVEN related seeds ("…:kind", "…:tf") THEN their hash parities are independent (no answer is always True)', () => {
    let agree = 0;
    for (let i = 0; i < 4000; i++) if (hash32(`rei-${i}:0:kind`) % 2 === hash32(`rei-${i}:0:tf`) % 2) agree++;
    expect(agree / 4000).toBeGreaterThan(0.45);
    expect(agree / 4000).toBeLessThan(0.55);
  });
});
