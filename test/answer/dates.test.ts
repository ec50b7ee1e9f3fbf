/**
 * Dates as the five texts write them, normalised with the precision each gives. Every sentence
 * here is quoted from the corpus, except where a form the issue names does not occur in it.
 */
import { describe, expect, it } from 'vitest';
import { dateLabel, datesDisagree, datesIn, type TextDate } from '../../src/answer/dates.ts';

const labels = (sentence: string, before = '') => datesIn(sentence, before).map((d) => dateLabel(d));
const first = (sentence: string, before = ''): TextDate => datesIn(sentence, before)[0]!;

describe('date forms in the five texts', () => {
  it('GIVEN Goble’s “on August 5, 1934” THEN a day, kept as written', () => {
    const d = first(
      'Eighty-five years ago, on August 5, 1934, Artyom Nakhayev, a Red Army commander who was studying at the Military Academy, led 200 soldiers into Moscow.',
    );
    expect(dateLabel(d)).toBe('5 August 1934');
    expect(d.precision).toBe('day');
    expect(d.raw).toBe('August 5, 1934');
  });

  it('GIVEN Maskharashvili’s “In 1936, …” THEN a year, and no more precision than that', () => {
    const d = first('In 1936, the state security minister Yagoda was substituted by a new minister Yezhov.');
    expect(d).toMatchObject({ year: 1936, precision: 'year' });
    expect(d.month).toBeUndefined();
  });

  it('GIVEN Reiman’s “Already by early March 1928” THEN the early part of a month', () => {
    const d = first("Already by early March 1928, Vyacheslav M. Molotov, not acting on his own will, savagely attacked Bukharin's views.");
    expect(dateLabel(d)).toBe('early March 1928');
    expect(d.part).toBe('early');
  });

  it('GIVEN Reiman’s “In the summer of 1928” THEN a season', () => {
    expect(labels('In the summer of 1928, Stalin brought Zinoviev and Kamenev back from exile to Moscow.')).toEqual(['summer 1928']);
  });

  it('GIVEN Emelyanov’s “in 1937-38” THEN a span of two years, not 1937 alone', () => {
    const d = first('About 26 per cent of those who were arrested in 1937-38 constituted penal criminals (thieves, robbers, murderers and others).');
    expect(d).toMatchObject({ year: 1937, until: 1938, precision: 'years' });
    expect(dateLabel(d)).toBe('1937–38');
  });

  it('GIVEN the compilation’s “on December first, 1934” and “on 1 December 1934” THEN the same day both ways', () => {
    expect(labels('The assassination of Kirov, on December first, 1934, smashed this dream of security.')).toEqual(['1 December 1934']);
    expect(
      labels(
        'On the instructions of my government, I have the honor of stating the following: on 1 December 1934 Kirov, secretary of the Leningrad party, was murdered.',
      ),
    ).toEqual(['1 December 1934']);
  });

  it('GIVEN Reiman’s “On December 1 of that year” after “As early as 1934” THEN the year comes from the sentence before, and is marked so', () => {
    const d = first(
      'On December 1 of that year, Leonid Nikolayev, a former party member and functionary, shot Kirov.',
      'As early as 1934, though, a radical act thwarted this potential.',
    );
    expect(dateLabel(d)).toBe('1 December 1934');
    expect(d.inferred).toBe(true);
  });

  it('GIVEN “on the night of 1 December” (a form the issue names; not in these texts) THEN dated only when the text gives the year', () => {
    expect(labels('Kirov was shot on the night of 1 December.', 'The congress had met in 1934.')).toEqual(['1 December 1934']);
    expect(labels('Kirov was shot on the night of 1 December.')).toEqual([]);
  });

  it('GIVEN Reiman’s “in the following year” THEN the year after the one given, only when one is given', () => {
    expect(labels('In 1937, 970 people were executed each and every day, and in the following year 900 people per day.')).toEqual(['1937', '1938']);
    expect(labels('The following year he was shot.', 'He was arrested in 1937 and tried in 1938.')).toEqual([]);
    expect(labels('The following year he was shot.')).toEqual([]);
  });

  it('GIVEN the compilation’s “Three days later” after “On September 23, 1936” THEN the day it counts to', () => {
    expect(
      labels(
        'Three days later, Yagoda became Commissar of Communications and Yezhov chief of the NKVD.',
        'On September 23, 1936 a wave of explosions hit the Siberian mines, the second in nine months.',
      ),
    ).toEqual(['26 September 1936']);
  });

  it('GIVEN Reiman’s document dates “1.3.1932” THEN day.month.year', () => {
    expect(labels('A letter Trotsky wrote to the CIK of the USSR on 1.3.1932, in which he called for Stalin’s removal.')).toEqual(['1 March 1932']);
  });

  it('GIVEN decades, counts and “May” the verb THEN no date', () => {
    expect(labels('In the 1930s the delegates numbered 1,966, of whom 1,108 were arrested; Stalin may have known.')).toEqual([]);
    expect(labels('In March 1,500 people were released.')).toEqual([]);
  });
});

describe('dates that disagree', () => {
  it('GIVEN “1936”, “September 1936” and “January 1937” THEN the first two can both be right, the last with neither', () => {
    const y = first('In 1936, Yezhov took over.');
    const s = first('In September 1936, Yezhov took over.');
    const j = first('From January 1937 onwards Yezhov headed the NKVD.');
    expect(datesDisagree(y, s)).toBe(false);
    expect(datesDisagree(s, j)).toBe(true);
    expect(datesDisagree(y, j)).toBe(true);
  });
});
