import { beforeAll, describe, expect, it } from 'vitest';
import { exportLines } from '../../src/cli/export.ts';
import { CorpusRepo } from '../../src/corpus/repo.ts';
import { ingest } from '../../src/corpus/ingest.ts';
import { openDb } from '../../src/db/open.ts';
import { CORPUS_DIR } from '../support/corpus-bot.ts';

interface Line {
  id: string;
  source: string;
  section: string[];
  pages: { start: number; end: number } | null;
  speaker: string | null;
  quotedFrom: { citation: string } | null;
  notes: { number: string; text: string }[];
  text: string;
}

let lines: Line[];
beforeAll(() => {
  const db = openDb(':memory:');
  ingest(db, CORPUS_DIR);
  lines = [...exportLines(new CorpusRepo(db))].map((l) => JSON.parse(l) as Line);
});

describe('sourcebook export', () => {
  it('GIVEN the corpus THEN every line carries id, source, section, pages, speaker, quotedFrom, notes and text', () => {
    expect(lines.length).toBeGreaterThan(1400);
    for (const l of lines)
      expect(Object.keys(l)).toEqual(expect.arrayContaining(['id', 'source', 'section', 'pages', 'speaker', 'quotedFrom', 'notes', 'text']));
  });

  it.each([
    ['a <sup> marker', /<\/?sup>/],
    ['a superscript note digit', /[⁰¹²³⁴-⁹]/u],
    ['a footnote-block rule', /(^|\s)---(\s|$)/],
    ['a table-of-contents leader', /\.{5,}|\t\d+$/],
    ['Markdown heading marks', /^#+\s/],
    ['bold markup', /\*\*/],
    ['web boilerplate', /Share this:|Post a Comment|No comments:|Star Inactive|Sign up for our newsletter|User Rating/],
  ])('GIVEN every exported passage THEN none contains %s', (_what, pattern) => {
    expect(lines.filter((l) => pattern.test(l.text)).map((l) => `${l.id}: ${l.text.slice(0, 80)}`)).toEqual([]);
  });

  it('GIVEN footnotes THEN their text is linked to a passage and not repeated inside passage text', () => {
    const withNotes = lines.filter((l) => l.notes.length);
    expect(withNotes.length).toBeGreaterThan(200);
    const note163 = lines.flatMap((l) => l.notes.filter((n) => n.number === '163' && l.source === 'reiman-2016').map(() => l))[0]!;
    expect(note163.text).toContain('Moscow Pravda commented');
    expect(note163.notes.find((n) => n.number === '163')!.text).toContain('Pravda');
    expect(note163.text).not.toContain('26.11.1936');
  });

  it('GIVEN a page break that cut a sentence THEN the passage holds the rejoined sentence', () => {
    expect(lines.some((l) => l.text.includes('In 1930–31, approximately 380,000 peasant families were moved, amounting to 1,800,000 persons.'))).toBe(true);
    expect(lines.some((l) => l.text.includes('a conspiracy'))).toBe(true);
    expect(lines.filter((l) => /\bconspira- ?cy\b/.test(l.text))).toEqual([]);
  });

  it('GIVEN real hyphens THEN they are kept', () => {
    expect(lines.some((l) => l.text.includes('1937-38'))).toBe(true);
    expect(lines.some((l) => /Marxist-Leninist/.test(l.text))).toBe(true);
  });

  it('GIVEN the interview THEN speaker labels are fields, not text', () => {
    const turns = lines.filter((l) => l.source === 'maskharashvili-interview' && l.speaker);
    expect(new Set(turns.map((t) => t.speaker))).toEqual(new Set(['GJ', 'SM']));
    expect(turns.filter((t) => /^(GJ|SM) –/.test(t.text))).toEqual([]);
  });

  it('GIVEN the quote compilation THEN each excerpt carries its original work and no pages of its own', () => {
    const rs = lines.filter((l) => l.source === 'real-stalin-11');
    expect(rs.every((l) => l.pages === null)).toBe(true);
    expect(rs.filter((l) => l.quotedFrom).length / rs.length).toBeGreaterThan(0.95);
  });
});
