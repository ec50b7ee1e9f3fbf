import { beforeAll, describe, expect, it } from 'vitest';
import { PROFILES } from '../../src/corpus/metadata.ts';
import { readDocument } from '../../src/readings/index.ts';
import { segment } from '../../src/segment/index.ts';
import { segmentDocument } from '../../src/segment/profiles/document.ts';
import type { SegmentedSource, SegPassage } from '../../src/segment/types.ts';
import { BRINK, CHAPTER_6, TURNS, reimanPdf } from './documents.ts';
import { EMELYANOV, REIMAN } from './fixtures/excerpts.ts';

function one(seg: SegmentedSource, snippet: string): SegPassage {
  const hits = seg.passages.filter((p) => p.text.includes(snippet));
  expect(hits, `passages containing ${JSON.stringify(snippet)}`).toHaveLength(1);
  return hits[0]!;
}

describe('document profile on a PDF reading (Reiman, pages 101–103)', () => {
  let seg: SegmentedSource;
  let lines: string[];
  beforeAll(async () => {
    const { markdown } = await readDocument(await reimanPdf());
    seg = segmentDocument(markdown);
    lines = markdown.split('\n');
  });

  it('GIVEN the chapter and section headings THEN they are sections with the pages they cover', () => {
    expect(seg.sections).toEqual([
      { path: [CHAPTER_6], pages: { start: 101, end: 102, approximate: false } },
      { path: [CHAPTER_6, BRINK], pages: { start: 102, end: 102, approximate: false } },
    ]);
    expect(one(seg, 'The threat of war').sectionPath).toEqual([CHAPTER_6, BRINK]);
  });

  it('GIVEN a paragraph across the page break THEN one passage has pages 101–102, the page line gone from its text', () => {
    const p = one(seg, 'The positive aspects');
    expect(p.pages).toEqual({ start: 101, end: 102, approximate: false });
    expect(p.text).toBe(`${REIMAN.positive} ${REIMAN.developed}`);
    expect(lines[p.lines[0] - 1]).toBe(REIMAN.positive);
    expect(lines[p.lines[1] - 1]).toBe(REIMAN.developed);
    expect(lines[p.lines[0]]).toBe('<!-- page 102 -->');
  });

  it('GIVEN [^212] at the end of a paragraph THEN the marker leaves the text and the note is attached where it stood', () => {
    const p = one(seg, 'Data on the intensity');
    expect(p.text).toBe(REIMAN.data);
    expect(p.notes).toEqual([{ number: '212', text: REIMAN.note212, at: REIMAN.data.length }]);
    expect(p.pages).toEqual({ start: 101, end: 101, approximate: false });
    expect(seg.passages.flatMap((p) => p.notes.map((n) => n.number))).toEqual(['212', '213']);
  });
});

const MD = `# Conspiracy Against Stalin

Note: the interview was translated from Georgian.

${TURNS.slice(0, 2)
  .map((t) => `${t.speaker}: ${t.text}`)
  .join('\n\n')}

An untagged paragraph between two turns.

${TURNS.slice(2)
  .map((t) => `${t.speaker}: ${t.text}`)
  .join('\n\n')}

## From the book

<!-- page 101 -->

${REIMAN.some} In 1937[^a], 353,074 ordinary citizens were sentenced to death.

> ${REIMAN.data}

- ${EMELYANOV.note2}

- In 1938, it was 328,618 people.

\\- 1937 was not a list item.

## Bibliography

Barsenkov / Vdovin, Istoriya SSSR.

Hildermeier M., Geschichte der Sowjetunion.

## Index

Yezhov, Nikolay I., 45, 67–69

Kirov, Sergei, 12

# Contents

Part 1 ..... 1

[^a]: ${REIMAN.note213}
`;

describe('document profile on canonical Markdown', () => {
  const seg = segmentDocument(MD);

  it('GIVEN at least three "LABEL: text" turns THEN the labels are speakers and leave the text', () => {
    const turns = seg.passages.filter((p) => p.speaker);
    expect(turns.map((p) => p.speaker)).toEqual([...TURNS.map((t) => t.speaker).slice(0, 2), 'SM', ...TURNS.slice(2).map((t) => t.speaker)]);
    expect(one(seg, 'Does this mean').text).toBe(TURNS[0]!.text);
  });

  it('GIVEN an untagged paragraph between two turns THEN it continues the earlier speaker', () => {
    expect(one(seg, 'An untagged paragraph').speaker).toBe(TURNS[1]!.speaker);
  });

  it('GIVEN an ordinary "Note:" paragraph THEN it is no speaker turn', () => {
    expect(one(seg, 'Note: the interview was translated').speaker).toBeNull();
  });

  it('GIVEN only two labelled paragraphs THEN no speakers are made', () => {
    const few = segmentDocument(`Q: ${TURNS[0]!.text}\n\nA: ${TURNS[1]!.text}\n\n${REIMAN.data}\n`);
    expect(few.passages.map((p) => p.speaker)).toEqual([null, null, null]);
    expect(few.passages[0]!.text).toBe(`Q: ${TURNS[0]!.text}`);
  });

  it('GIVEN a note marker mid-paragraph THEN the note records its offset in the clean text', () => {
    const p = one(seg, 'Some Russian historians');
    expect(p.text).toContain('In 1937, 353,074');
    expect(p.notes).toEqual([{ number: 'a', text: REIMAN.note213, at: p.text.indexOf(', 353,074') }]);
  });

  it('GIVEN block quotes, list items and an escaped dash THEN they are quote, list and body passages', () => {
    expect(seg.passages.filter((p) => p.sectionPath.at(-1) === 'From the book').map((p) => p.kind)).toEqual(['body', 'quote', 'list', 'list', 'body']);
    expect(seg.passages.find((p) => p.kind === 'quote')!.text).toBe(REIMAN.data);
    expect(one(seg, 'Khrushchev, “Speech').text).toBe(EMELYANOV.note2);
    expect(one(seg, 'was not a list item').text).toBe('- 1937 was not a list item.');
  });

  it('GIVEN Bibliography, Index and Contents headings THEN their content is extras, not passages or sections', () => {
    expect(seg.extras.map((e) => e.kind)).toEqual(['bibliography', 'index', 'toc']);
    expect(seg.extras[0]!.text).toBe('Barsenkov / Vdovin, Istoriya SSSR.\nHildermeier M., Geschichte der Sowjetunion.');
    expect(seg.indexEntries).toEqual([
      { name: 'Yezhov, Nikolay I.', pages: '45, 67–69' },
      { name: 'Kirov, Sergei', pages: '12' },
    ]);
    expect(seg.passages.some((p) => /Barsenkov|Yezhov|Part 1/.test(p.text))).toBe(false);
    expect(seg.sections.map((s) => s.path)).toEqual([['Conspiracy Against Stalin'], ['Conspiracy Against Stalin', 'From the book']]);
  });

  it('GIVEN physical lines THEN every passage names the lines it came from', () => {
    const md = MD.split('\n');
    for (const p of seg.passages) expect(md[p.lines[0] - 1]).toContain(p.text.slice(-20).replace(/^- /, ''));
  });

  it("GIVEN a source's metadata naming the 'document' profile THEN segment() uses it", () => {
    expect(PROFILES).toContain('document');
    expect(segment({ profile: 'document' }, MD)).toEqual(seg);
  });
});
