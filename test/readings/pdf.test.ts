import { beforeAll, describe, expect, it } from 'vitest';
import { type Reading, ReadingError, readDocument } from '../../src/readings/index.ts';
import { BRINK, CHAPTER_6, REIMAN_DOI, REIMAN_TITLE, reimanPdf } from './documents.ts';
import { REIMAN } from './fixtures/excerpts.ts';
import { makeEncryptedPdf, makeImageOnlyPdf, makePdf } from './make-pdf.ts';

async function failure(bytes: Uint8Array, fileName?: string): Promise<ReadingError> {
  const err = await readDocument(bytes, { fileName }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ReadingError);
  return err as ReadingError;
}

describe('reading a PDF (three pages of Reiman, chapter 6, printed as pages 101–103)', () => {
  let reading: Reading;
  const progress: [number, number][] = [];
  beforeAll(async () => {
    reading = await readDocument(await reimanPdf(), { fileName: 'reiman.pdf', onProgress: (d, t) => progress.push([d, t]) });
  });

  it('GIVEN page labels starting at 101 THEN each page is marked with its printed number before its text', () => {
    expect(reading.format).toBe('pdf');
    expect(reading.pages).toBe(3);
    const markers = [...reading.markdown.matchAll(/^<!-- page (\S+) -->$/gm)].map((m) => m[1]);
    expect(markers).toEqual(['101', '102', '103']);
    expect(reading.markdown.indexOf('<!-- page 101 -->')).toBeLessThan(reading.markdown.indexOf('Data on the intensity'));
  });

  it('GIVEN a PDF without page labels THEN pages are numbered by position', async () => {
    const plain = await readDocument(await reimanPdf({ labels: false }));
    expect([...plain.markdown.matchAll(/^<!-- page (\S+) -->$/gm)].map((m) => m[1])).toEqual(['1', '2', '3']);
  });

  it('GIVEN larger type for the chapter and section titles THEN they are # and ## headings', () => {
    expect(reading.markdown).toContain(`# ${CHAPTER_6}\n`);
    expect(reading.markdown).toContain(`## ${BRINK}\n`);
    expect(reading.sections).toBe(2);
  });

  it('GIVEN line-wrapped, indented paragraphs THEN each paragraph is one line of the Markdown', () => {
    const lines = reading.markdown.split('\n');
    expect(lines).toContain(`${REIMAN.data}[^212]`);
    expect(lines).toContain(`${REIMAN.some}[^213]`);
  });

  it('GIVEN words broken at line ends THEN hyphenation is repaired but real compounds keep their hyphen', () => {
    expect(reading.markdown).toContain('three to four executions per day');
    expect(reading.markdown).toContain('the final five-year plan');
    expect(reading.markdown).toContain("the Berlin-Rome-Tokyo 'Axis'");
    expect(reading.markdown).not.toMatch(/exe- ?cutions|five- year/);
  });

  it('GIVEN a paragraph running on from page 101 to 102 THEN it stays one block with the page line inside it', () => {
    expect(reading.markdown).toContain(`${REIMAN.positive}\n<!-- page 102 -->\n${REIMAN.developed}\n`);
  });

  it('GIVEN a running header and page numbers THEN neither is in the text', () => {
    expect(reading.markdown).not.toContain('ABOUT RUSSIA');
    expect(reading.markdown).not.toMatch(/^10[123]$/m);
  });

  it('GIVEN raised note numbers and a footnote block at the foot of the page THEN they become [^n] markers and definitions', () => {
    expect(reading.notes).toBe(2);
    expect(reading.markdown).toContain(`[^212]: ${REIMAN.note212}`);
    expect(reading.markdown).toContain(`[^213]: ${REIMAN.note213}`);
    expect(reading.markdown).not.toMatch(/^212 Barsenkov/m);
  });

  it('GIVEN an image-only last page THEN a warning names it by its printed number', () => {
    expect(reading.warnings).toContain('page 103 has no text');
  });

  it('GIVEN the document information dictionary THEN title, author and date come from it', () => {
    expect(reading.meta).toMatchObject({ title: REIMAN_TITLE, authors: [{ family: 'Reiman', given: 'Michal' }], date: '2016-09-01', year: 2016 });
  });

  it('GIVEN no DOI in the metadata but one on the first page THEN the DOI is found in the text', async () => {
    const withDoi = await readDocument(await reimanPdf({ doiInText: true }));
    expect(withDoi.meta.doi).toBe(REIMAN_DOI);
    expect(reading.meta.doi).toBeNull();
  });

  it('GIVEN a progress callback THEN it hears of every page', () => {
    expect(progress).toEqual([
      [1, 3],
      [2, 3],
      [3, 3],
    ]);
  });

  it('GIVEN no title anywhere THEN the first heading names the document', async () => {
    const untitled = await readDocument(await reimanPdf({ info: false }));
    expect(untitled.meta.title).toBe(CHAPTER_6);
    expect(untitled.meta.authors).toEqual([]);
  });
});

describe('PDFs that cannot be read, or only badly', () => {
  it('GIVEN a password-protected PDF THEN it is refused as encrypted, with what to do', async () => {
    const err = await failure(await makeEncryptedPdf(), 'locked.pdf');
    expect(err.code).toBe('encrypted');
    expect(err.message).toBe('this PDF is password-protected; save an unprotected copy');
  });

  it('GIVEN a scanned PDF with no text on any page THEN it is refused: no text layer, no OCR', async () => {
    const err = await failure(await makeImageOnlyPdf(2), 'scan.pdf');
    expect(err.code).toBe('no-text-layer');
    expect(err.message).toBe('no text layer: this PDF is images; OCR is not supported');
  });

  it('GIVEN bytes that start like a PDF but are not one THEN it is malformed', async () => {
    const err = await failure(new TextEncoder().encode('%PDF-1.7\n1 0 obj << /Type /Catalog >>\ngarbage, no xref, no trailer'));
    expect(err.code).toBe('malformed');
  });

  it('GIVEN bulleted items whose lines hang under the first word THEN each item is one - block', async () => {
    const bytes = await makePdf({
      pages: [
        {
          blocks: [
            { para: 'Sources agree on two figures:', indent: false },
            { item: `${REIMAN.note212} ${REIMAN.data}` },
            { item: REIMAN.note213 },
            { para: REIMAN.some },
          ],
        },
      ],
    });
    const { markdown } = await readDocument(bytes);
    expect(markdown).toContain(`- ${REIMAN.note212} ${REIMAN.data}\n\n- ${REIMAN.note213}\n\n${REIMAN.some}`);
  });

  it('GIVEN a text layer of letters spaced apart THEN a warning says the text layer looks damaged', async () => {
    const spaced = REIMAN.data.split(' ').slice(0, 60).join(' ').split('').join(' ');
    const bytes = await makePdf({ pages: [{ blocks: [{ para: spaced }] }] });
    const reading = await readDocument(bytes);
    expect(reading.warnings.some((w) => /look broken: the PDF's text layer may be damaged/.test(w))).toBe(true);
  });
});
