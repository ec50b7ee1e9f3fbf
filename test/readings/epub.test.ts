import { beforeAll, describe, expect, it } from 'vitest';
import { type Reading, readDocument } from '../../src/readings/index.ts';
import { EMELYANOV_TITLE, PART_1, PART_2, emelyanovEpub } from './documents.ts';
import { EMELYANOV, REIMAN } from './fixtures/excerpts.ts';

describe('reading an EPUB (Emelyanov, two parts and an endnotes file)', () => {
  let reading: Reading;
  const progress: [number, number][] = [];
  beforeAll(async () => {
    reading = await readDocument(emelyanovEpub(), { fileName: 'emelyanov.epub', onProgress: (d, t) => progress.push([d, t]) });
  });

  it('GIVEN a manifest listing chapters backwards THEN the spine decides the order', () => {
    expect(reading.format).toBe('epub');
    const md = reading.markdown;
    expect(md.indexOf(PART_1)).toBeLessThan(md.indexOf(EMELYANOV.paragraphs[0]!));
    expect(md.indexOf(EMELYANOV.paragraphs[1]!)).toBeLessThan(md.indexOf(PART_2));
    expect(md.indexOf(PART_2)).toBeLessThan(md.indexOf(REIMAN.some));
  });

  it("GIVEN chapters' headings THEN they are kept as # and ##", () => {
    expect(reading.markdown.split('\n').filter((l) => l.startsWith('#'))).toEqual([
      `# ${PART_1}`,
      `# ${PART_2}`,
      "## Plots Against Stalin's Political Reforms",
    ]);
  });

  it('GIVEN the navigation document in the spine THEN its table of contents is not read as text', () => {
    expect(reading.markdown).not.toContain('part1.xhtml');
  });

  it('GIVEN noterefs into an endnotes file outside the reading order THEN the notes are attached and the file is not read as text', () => {
    expect(reading.notes).toBe(2);
    expect(reading.markdown).toContain(`${EMELYANOV.paragraphs[0]}[^1]`);
    expect(reading.markdown).toContain(`${EMELYANOV.paragraphs[1]}[^2]`);
    expect(reading.markdown).toContain(`[^1]: ${EMELYANOV.note1}`);
    expect(reading.markdown).toContain(`[^2]: ${EMELYANOV.note2}`);
    expect(reading.markdown).not.toContain('ENDNOTES');
  });

  it('GIVEN an EPUB page-break marker THEN the printed page is marked', () => {
    expect(reading.markdown).toContain(`[^1]\n\n<!-- page 2 -->\n\n${EMELYANOV.paragraphs[1]}`);
  });

  it('GIVEN the package metadata THEN title, creator, date and publisher are read', () => {
    expect(reading.meta).toMatchObject({
      title: EMELYANOV_TITLE,
      authors: [{ family: 'Emelyanov', given: 'Yuri' }],
      date: '2012',
      year: 2012,
      publisher: 'The November 8th Publishing House',
    });
  });

  it('GIVEN a progress callback THEN it hears of each chapter', () => {
    expect(progress).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
  });
});
