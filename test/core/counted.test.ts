/** What a figure counts, read from real sentences of the corpus, and how a claim's figure relates to it. */
import { describe, expect, it } from 'vitest';
import { countedIn, relateCounts, type Counted } from '../../src/core/counted.ts';
import { figuresIn } from '../../src/core/figures.ts';
import { countedOf } from '../../src/core/counted.ts';

const claim = (text: string): Counted => countedOf(figuresIn(text)[0]!, text);
const same = (a: string, b: string) => a === b;
const relate = (claimText: string, sentence: string, before: string[] = []) =>
  countedIn(sentence, before).map((c) => relateCounts(claim(claimText), c, 'Source', same));

// Real sentences: Emelyanov (2012) and Reiman (2016).
const EMELYANOV = 'In 1937-38, altogether 1,372,392 people were arrested and 681,692 executed.';
const OFFICERS = 'However, 8,000 officers remained in prison camps and about 4,000 had already been executed.';
const PER_DAY = 'That means in 1937, 970 people were executed each and every day, and in the following year 900 people per day.';
const REIMAN_BEFORE = [
  'In 1937–38, this mass terror, directed against social elites and holders of post-revolutionary power, resulted in the arrest of 1.5 million citizens by the NKVD, according to official figures.',
  'The actual numbers were undoubtedly much higher.',
];

describe('what a figure counts', () => {
  it('GIVEN “1,372,392 people were arrested and 681,692 executed” THEN one counts arrests, the other executions, both in 1937-38', () => {
    const [arrested, executed] = countedIn(EMELYANOV);
    expect(arrested!.what).toContain('arrest');
    expect(arrested!.what).not.toContain('execut');
    expect(executed!.what).toEqual(['execut']);
    expect([...executed!.years]).toEqual([1937, 1938]);
    expect(executed!.group).toBeNull();
  });

  it('GIVEN “the arrest of 1.5 million citizens” THEN what was done stands before the figure, and citizens are everyone', () => {
    const [c] = countedIn(REIMAN_BEFORE[0]!);
    expect(c!.what).toContain('arrest');
    expect(c!.group).toBeNull();
    expect(c!.figure.value).toBe(1_500_000);
  });

  it('GIVEN “8,000 officers … and about 4,000 had already been executed” THEN the 4,000 are officers too, and “about” is kept', () => {
    const [, executed] = countedIn(OFFICERS);
    expect(executed!.group).toBe('officers');
    expect(executed!.bound).toBe('about');
  });

  it('GIVEN “Of these victims, 700,000 were executed.” after a sentence on 1937–38 THEN its period is read from there and said to be', () => {
    const [c] = countedIn('Of these victims, 700,000 were executed.', REIMAN_BEFORE);
    expect(c!.period).toBe('1937–38');
    expect(c!.periodFromContext).toBe(true);
  });

  it('GIVEN “970 people were executed each and every day” THEN a rate, and “85 per cent of all executions” a share', () => {
    expect(countedIn(PER_DAY)[0]!.rate).toBe('each and every day');
    expect(countedIn('approximately one-third of all arrests and 85 per cent of all executions from 1921 to 1953 took place.')[0]!.share).toBe(true);
  });
});

describe('a claim’s figure against a source’s', () => {
  it('GIVEN the claim 700,000 executed in 1937-38 THEN Emelyanov’s 681,692 is a different figure for the same count, his arrests unrelated', () => {
    const [arrests, executions] = relate('700,000 people were executed in 1937-38', EMELYANOV);
    expect(arrests).toEqual({ kind: 'unrelated' });
    expect(executions).toEqual({ kind: 'different', why: 'different figure for the same count in 1937-38: 681,692 (Source) vs 700,000 (the claim)' });
  });

  it('GIVEN the claim “more than 600,000” THEN 681,692 is within it; GIVEN “about 680,000” THEN too; GIVEN exactly 650,000 THEN not', () => {
    expect(relate('more than 600,000 people were executed in 1937-38', EMELYANOV)[1]!.kind).toBe('same');
    expect(relate('about 680,000 people were executed in 1937-38', EMELYANOV)[1]!.kind).toBe('same');
    expect(relate('650,000 people were executed in 1937-38', EMELYANOV)[1]!.kind).toBe('different');
  });

  it('GIVEN the claim 700,000 executed in 1937-38 THEN a rate per day, a count of officers and a figure for 1938 alone are not comparable, each saying why', () => {
    const [perDay] = relate('700,000 people were executed in 1937-38', PER_DAY);
    expect(perDay).toEqual({ kind: 'not comparable', why: '970 (Source) is a rate (“each and every day”), the claim’s a total' });
    const [, officers] = relate('700,000 people were executed in 1937-38', OFFICERS);
    expect(officers).toMatchObject({ kind: 'not comparable', why: '4,000 (Source) counts officers, 700,000 (the claim) everyone' });
    const [, in1938] = relate(
      '700,000 people were executed in 1937-38',
      'Data from 1 November 1938 showed 770,000 people had been rounded up, 390,000 of whom were executed.',
    );
    expect(in1938).toEqual({ kind: 'not comparable', why: 'different periods: 1938 for 390,000 (Source), 1937-38 for the claim' });
  });
});
