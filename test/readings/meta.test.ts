import { describe, expect, it } from 'vitest';
import { findDoi, normalizeDate, parseAuthors } from '../../src/readings/meta.ts';

describe('author strings as documents give them', () => {
  it.each([
    ['Jan Reiman', [{ family: 'Reiman', given: 'Jan' }]],
    ['Reiman, Jan', [{ family: 'Reiman', given: 'Jan' }]],
    ['By Paul Goble', [{ family: 'Goble', given: 'Paul' }]],
    [
      'Michal Reiman; Miroslav Kunštát',
      [
        { family: 'Reiman', given: 'Michal' },
        { family: 'Kunštát', given: 'Miroslav' },
      ],
    ],
    [
      'Anna Louise Strong and Dmitri Volkogonov',
      [
        { family: 'Strong', given: 'Anna Louise' },
        { family: 'Volkogonov', given: 'Dmitri' },
      ],
    ],
    [
      'Jan Reiman, Simon Maskharashvili',
      [
        { family: 'Reiman', given: 'Jan' },
        { family: 'Maskharashvili', given: 'Simon' },
      ],
    ],
    ['Ludwig van Beethoven', [{ family: 'van Beethoven', given: 'Ludwig' }]],
    ['Volkogonov', [{ family: 'Volkogonov', given: '' }]],
    ['', []],
  ])('GIVEN %j THEN the people are %j', (raw, people) => {
    expect(parseAuthors(raw)).toEqual(people);
  });
});

describe('dates as documents give them', () => {
  it.each([
    ['D:20160901120000+02', '2016-09-01'],
    ['2019-08-29T10:00:00-04:00', '2019-08-29'],
    ['2016/9/1', '2016-09-01'],
    ['2019-05', '2019-05'],
    ['Thursday, August 29, 2019', '2019-08-29'],
    ['29 August 2019', '2019-08-29'],
    ['Spring 2012', '2012'],
    ['no date', null],
  ])('GIVEN %j THEN the date is %j', (raw, date) => {
    expect(normalizeDate(raw)).toBe(date);
  });
});

describe('DOIs', () => {
  it('GIVEN a DOI as URL, with a prefix or at the end of a sentence THEN the bare DOI is found', () => {
    expect(findDoi('https://doi.org/10.3726/978-3-653-06473-5')).toBe('10.3726/978-3-653-06473-5');
    expect(findDoi('doi:10.3726/978-3-653-06473-5.')).toBe('10.3726/978-3-653-06473-5');
    expect(findDoi('(DOI 10.1080/09668136.2019.1234567).')).toBe('10.1080/09668136.2019.1234567');
    expect(findDoi('ISBN 978-3-631-67136-8')).toBeNull();
  });
});
