/** Paragraph breaks in PDF layout (pdf-layout.ts) on lines as PDF.js places them: 11 pt type, margin at 50, measure to 370. */
import { describe, expect, it } from 'vitest';
import { type Block, pageBreakToken } from '../../src/readings/blocks.ts';
import { NoteBook } from '../../src/readings/notes.ts';
import type { PdfPage } from '../../src/readings/pdf-furniture.ts';
import { layoutPdf } from '../../src/readings/pdf-layout.ts';
import type { PdfLine } from '../../src/readings/pdf-lines.ts';

const LEFT = 50;
const INDENT = 68;
const FULL = 370;

/** Lines from the top down, 14 pt apart; each 5 pt a character unless its right edge is given. */
function page(label: string, lines: [x: number, text: string, right?: number][]): PdfPage {
  return {
    label,
    lines: lines.map(([x, text, right], i): PdfLine => ({ text, x, right: right ?? x + text.length * 5, y: 520 - i * 14, size: 11 })),
  };
}

const paragraphs = (pages: PdfPage[]): string[] =>
  layoutPdf({ pages, counts: new Map(), notes: new NoteBook() }).flatMap((b: Block) => (b.kind === 'para' ? [b.text] : []));

describe('PDF layout: where paragraphs end', () => {
  it('GIVEN ragged-right lines WHEN a line ends a sentence short of the margin only because the next word was too long for it THEN the paragraph goes on', () => {
    const ragged = (next: string): PdfPage =>
      page('1', [
        [LEFT, 'Those people were part of Stalin’s entourage, his old friends', FULL],
        [LEFT, 'and associates. Their clout was in fact entirely limitless.', FULL - 40],
        [LEFT, next],
      ]);
    expect(paragraphs([ragged('Professor Simon Maskharashvili has more.')])).toEqual([
      'Those people were part of Stalin’s entourage, his old friends and associates. Their clout was in fact entirely limitless. Professor Simon Maskharashvili has more.',
    ]);
    // "He" would have fitted in the 40 pt left on the line: the line ended its paragraph.
    expect(paragraphs([ragged('He has more.')])).toHaveLength(2);
  });

  it('GIVEN first-line indents WHEN a one-line paragraph ending a sentence is followed by another indented line THEN they are two paragraphs', () => {
    const pages = [
      page('1', [
        [INDENT, 'SM – In 1932, the Soviet Union embarked on the fulfillment of the', FULL],
        [LEFT, 'second five-year plan. It soon became obvious that the failure was not', FULL],
        [LEFT, 'the fault of the specialists.'],
        [INDENT, 'GJ – Does this mean that certain new faces were becoming known?', FULL - 5],
        [INDENT, 'SM – Yes! Some new faces were appearing, and in Kirov’s case, his', FULL],
        [LEFT, 'favorable treatment was easily explainable. Leningrad was the biggest', FULL],
        [LEFT, 'industrial city at that time.'],
      ]),
    ];
    expect(paragraphs(pages)).toEqual([
      'SM – In 1932, the Soviet Union embarked on the fulfillment of the second five-year plan. It soon became obvious that the failure was not the fault of the specialists.',
      'GJ – Does this mean that certain new faces were becoming known?',
      'SM – Yes! Some new faces were appearing, and in Kirov’s case, his favorable treatment was easily explainable. Leningrad was the biggest industrial city at that time.',
    ]);
  });

  it('GIVEN first-line indents WHEN a block is indented further, its lines ending sentences THEN it stays one block', () => {
    const pages = [
      page('1', [
        [INDENT, 'Stalin wrote to Svanidze in 1935, and the letter is quoted in full:', FULL],
        [LEFT, 'here it is.'],
        [LEFT + 36, 'I have read your letter twice and I have no answer to it yet.', FULL - 2],
        [LEFT + 36, 'We shall speak of it when you are back in Moscow.'],
      ]),
    ];
    expect(paragraphs(pages)).toEqual([
      'Stalin wrote to Svanidze in 1935, and the letter is quoted in full: here it is.',
      'I have read your letter twice and I have no answer to it yet. We shall speak of it when you are back in Moscow.',
    ]);
  });

  it('GIVEN first-line indents WHEN a page ends with a full stop and the next opens unindented THEN the paragraph runs on across the break', () => {
    const pages = (x: number): PdfPage[] => [
      page('1', [
        [x, 'The most active members were Tukhachevski of the Soviet Army and', FULL],
        [LEFT, 'Abel Enukidze, who monitored the security of the Kremlin walls.', FULL],
      ]),
      page('2', [
        [LEFT, 'These people were not exactly Trotskyites or Zinovievites, but', FULL],
        [LEFT, 'his old friends.'],
      ]),
    ];
    expect(paragraphs(pages(INDENT))).toEqual([
      `The most active members were Tukhachevski of the Soviet Army and Abel Enukidze, who monitored the security of the Kremlin walls.${pageBreakToken('2')}These people were not exactly Trotskyites or Zinovievites, but his old friends.`,
    ]);
    // Paragraphs set full out give no such sign: a capital after a full stop opens a new paragraph.
    expect(paragraphs(pages(LEFT))).toHaveLength(2);
  });
});
