import { beforeAll, describe, expect, it } from 'vitest';
import { type Reading, readDocument } from '../../src/readings/index.ts';
import { segmentDocument } from '../../src/segment/profiles/document.ts';
import { BRINK, REIMAN_TITLE, TURNS, reimanDocx } from './documents.ts';
import { REIMAN } from './fixtures/excerpts.ts';

describe('reading a Word document (Reiman, with notes and an interview)', () => {
  let reading: Reading;
  beforeAll(async () => {
    reading = await readDocument(reimanDocx(), { fileName: 'reiman.docx' });
  });

  it('GIVEN a Title paragraph above Heading 1 sections THEN the title is # and the sections ##', () => {
    expect(reading.format).toBe('docx');
    expect(reading.markdown.split('\n').filter((l) => l.startsWith('#'))).toEqual(['# About Russia', `## ${BRINK}`, '## Conspiracy Against Stalin']);
    expect(reading.sections).toBe(3);
  });

  it('GIVEN a footnote and an endnote both numbered 1 in Word THEN they are told apart as [^1] and [^2]', () => {
    expect(reading.notes).toBe(2);
    expect(reading.markdown).toContain(`${REIMAN.threat}[^1]`);
    expect(reading.markdown).toContain(`${REIMAN.some}[^2]`);
    expect(reading.markdown).toContain(`[^1]: ${REIMAN.note215}`);
    expect(reading.markdown).toContain(`[^2]: ${REIMAN.note213}`);
    expect(reading.markdown).not.toContain('↑');
  });

  it('GIVEN a paragraph in the Quote style THEN it is a block quote', () => {
    expect(reading.markdown).toContain(`> ${REIMAN.data}`);
  });

  it('GIVEN interview turns with bold labels THEN each turn is "LABEL: text"', () => {
    for (const t of TURNS) expect(reading.markdown).toContain(`\n${t.speaker}: ${t.text}\n`);
  });

  it('GIVEN docProps/core.xml THEN title, inverted author name and creation date are the metadata', () => {
    expect(reading.meta).toMatchObject({ title: REIMAN_TITLE, authors: [{ family: 'Reiman', given: 'Michal' }], date: '2016-09-01', year: 2016 });
    expect(reading.pages).toBeNull();
  });

  it('GIVEN no core.xml THEN the Title paragraph names the document', async () => {
    const bare = await readDocument(reimanDocx(false));
    expect(bare.meta.title).toBe('About Russia');
    expect(bare.meta.authors).toEqual([]);
  });

  it('GIVEN the reading segmented by the document profile THEN the interview turns carry their speakers', () => {
    const seg = segmentDocument(reading.markdown);
    const interview = seg.passages.filter((p) => p.sectionPath.at(-1) === 'Conspiracy Against Stalin');
    expect(interview.map((p) => p.speaker)).toEqual(TURNS.map((t) => t.speaker));
    expect(interview[0]!.text).toBe(TURNS[0]!.text);
  });
});
