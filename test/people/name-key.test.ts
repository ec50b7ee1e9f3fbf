import { describe, expect, it } from 'vitest';
import { editDistance, nameKey } from '../../src/people/name-key.ts';

describe('name keys', () => {
  it.each([
    ['Yezhov', 'Ezhov', 'Ежов', 'Jezhov'],
    ['Tukhachevsky', 'Tukhachevski', 'Тухачевский'],
    ['Yagoda', 'Jagoda', 'Ягода'],
    ['Yenukidze', 'Enukidze'],
    ['Ordzhonikidze', 'Orjonikidze'],
    ['Nikolayev', 'Nikolaev'],
    ['Zinoviev', 'Zinovyev'],
    ['Khrushchev', 'Хрущёв'],
  ])('GIVEN %s and its variants THEN one key', (...spellings) => {
    expect(new Set(spellings.map(nameKey)).size).toBe(1);
  });

  it('GIVEN different people THEN different keys', () => {
    expect(nameKey('Yezhov')).not.toBe(nameKey('Yagoda'));
    expect(nameKey('Kamenev')).not.toBe(nameKey('Kaganovich'));
  });

  it('GIVEN a near miss THEN the edit distance is small; a transposition counts once', () => {
    expect(editDistance(nameKey('Yeshov'), nameKey('Yezhov'))).toBe(1);
    expect(editDistance('ezhvo', 'ezhov')).toBe(1);
    expect(editDistance('stalin', 'trotski')).toBeGreaterThan(3);
  });
});
