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
    ['Eismont', 'Eysmont'],
    ['Kuybyshev', 'Kuibyshev', 'Куйбышев'],
    ['Neizvestny', 'Neizvestnyy', 'Неизвестный'],
    ['Rossiya', 'Rossiia', 'Россия'],
  ])('GIVEN %s and its variants THEN one key', (...spellings) => {
    expect(new Set(spellings.map(nameKey)).size).toBe(1);
  });

  it('GIVEN different people THEN different keys', () => {
    expect(nameKey('Yezhov')).not.toBe(nameKey('Yagoda'));
    expect(nameKey('Kamenev')).not.toBe(nameKey('Kaganovich'));
    // double letters are kept: the title Marshal (Foch) is not the surname Marshall (George C.)
    expect(nameKey('Marshal')).not.toBe(nameKey('Marshall'));
    expect(nameKey('Hess')).not.toBe(nameKey('Hes'));
  });

  it('GIVEN a near miss THEN the edit distance is small; a transposition counts once', () => {
    expect(editDistance(nameKey('Yeshov'), nameKey('Yezhov'))).toBe(1);
    expect(editDistance('ezhvo', 'ezhov')).toBe(1);
    expect(editDistance('stalin', 'trotski')).toBeGreaterThan(3);
  });
});
