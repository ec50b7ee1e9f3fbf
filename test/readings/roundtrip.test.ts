/**
 * Each format round-trips. Two bundled texts, Goble's blog post (profile web-article) and the
 * Maskharashvili interview (profile interview), are segmented by their own profiles from
 * corpus/sources.json; their passages (title, then one paragraph per passage, an interview turn opening
 * with its speaker's label) are written out by real writers:
 * - PDF: pdf-lib typesets the whole text (render-pdf.ts): Times in the Standard 14 encoding (WinAnsi,
 *   which covers both texts' curly quotes and dashes), ragged right with first-line indents, over as many
 *   pages as it takes, with a running header, printed page numbers and /PageLabels;
 * - DOCX: the `docx` package (render-docx.ts): a Title paragraph, core properties, bold speaker labels;
 * - HTML: a saved web page (render-web.ts): the text as <p> elements inside <article>, with site
 *   navigation, a comments section and a footer that must be dropped;
 * - EPUB: the `epub-gen-memory` package (render-web.ts), one chapter;
 * - Markdown and plain text: the paragraphs hard-wrapped at 72 columns (render-text.ts).
 * Each rendering is read back by readDocument and segmented by the document profile. At least 95% of the
 * text's own sentences (whitespace collapsed, quotes and dashes unified, case kept) must be found among
 * the round-tripped passages' sentences, and the passage counts must agree within 10%.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type Reading, type ReadingFormat, readDocument } from '../../src/readings/index.ts';
import { segmentDocument } from '../../src/segment/profiles/document.ts';
import { splitSentences } from '../../src/segment/sentences.ts';
import type { SegmentedSource, SegPassage } from '../../src/segment/types.ts';
import { renderDocx } from './render-docx.ts';
import { type PdfRendering, renderPdf } from './render-pdf.ts';
import { type BundledText, bundledText } from './render-source.ts';
import { renderMarkdown, renderText } from './render-text.ts';
import { FURNITURE, renderEpub, renderHtml } from './render-web.ts';

const FORMATS = ['pdf', 'docx', 'html', 'epub', 'markdown', 'text'] as const satisfies readonly ReadingFormat[];
type Format = (typeof FORMATS)[number];
const FILE_NAMES: Record<Format, string> = { pdf: 'x.pdf', docx: 'x.docx', html: 'x.html', epub: 'x.epub', markdown: 'x.md', text: 'x.txt' };

/** Whitespace collapsed, curly and straight quotes one, every dash a hyphen; case kept. */
function sentenceKey(s: string): string {
  return s
    .replace(/[\u2018\u2019\u201a\u201b\u2032`´]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033«»]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

const sentences = (passages: { text: string }[]): string[] => passages.flatMap((p) => splitSentences(p.text).map((s) => sentenceKey(s.text)));

interface RoundTrip {
  reading: Reading;
  seg: SegmentedSource;
  /** Share of the bundled text's sentences found among the round-tripped ones. */
  found: number;
  missing: string[];
}

function compare(text: BundledText, reading: Reading): RoundTrip {
  const seg = segmentDocument(reading.markdown);
  const own = sentences(text.own.passages);
  const got = new Set(sentences(seg.passages));
  const missing = own.filter((s) => !got.has(s));
  return { reading, seg, found: (own.length - missing.length) / own.length, missing };
}

/** The round-tripped passage whose text is exactly one of the bundled text's passages. */
function twin(seg: SegmentedSource, own: SegPassage): SegPassage | undefined {
  return seg.passages.find((p) => sentenceKey(p.text) === sentenceKey(own.text));
}

const TEXTS = [
  { id: 'goble-2019', profile: 'web-article', firstPage: 1 },
  { id: 'maskharashvili-interview', profile: 'interview', firstPage: 17 },
] as const;

describe.each(TEXTS)('round trips of $id (profile $profile)', ({ id, profile, firstPage }) => {
  let text: BundledText;
  let pdf: PdfRendering;
  const trips = new Map<Format, RoundTrip>();
  beforeAll(async () => {
    text = bundledText(id);
    pdf = await renderPdf(text.doc, { firstPage });
    const renderings: Record<Format, Uint8Array | string> = {
      pdf: pdf.bytes,
      docx: await renderDocx(text.doc),
      html: renderHtml(text.doc),
      epub: await renderEpub(text.doc),
      markdown: renderMarkdown(text.doc),
      text: renderText(text.doc),
    };
    for (const format of FORMATS) {
      const r = renderings[format];
      const bytes = typeof r === 'string' ? new TextEncoder().encode(r) : r;
      trips.set(format, compare(text, await readDocument(bytes, { fileName: FILE_NAMES[format] })));
    }
  });

  it('GIVEN the bundled text THEN its own profile finds passages and sentences to compare', () => {
    expect(text.meta.profile).toBe(profile);
    expect(text.own.passages.length).toBeGreaterThanOrEqual(10);
    expect(sentences(text.own.passages).length).toBeGreaterThanOrEqual(20);
  });

  it.each(FORMATS)('GIVEN its %s rendering THEN at least 95% of its sentences are found among the passages read back', (format) => {
    const trip = trips.get(format)!;
    expect(trip.reading.format).toBe(format);
    expect(trip.reading.warnings).toEqual([]);
    expect(trip.found, `${(trip.found * 100).toFixed(1)}% found; missing: ${JSON.stringify(trip.missing, null, 1)}`).toBeGreaterThanOrEqual(0.95);
  });

  it.each(FORMATS)('GIVEN its %s rendering THEN the passage count is within 10% of its own', (format) => {
    const { seg } = trips.get(format)!;
    expect(Math.abs(seg.passages.length - text.own.passages.length)).toBeLessThanOrEqual(Math.floor(text.own.passages.length * 0.1));
  });

  it.each(FORMATS)('GIVEN its %s rendering THEN its passages are read back whole, each with its speaker', (format) => {
    const { seg } = trips.get(format)!;
    const kept = text.own.passages.filter((p) => twin(seg, p)?.speaker === p.speaker);
    expect(kept.length / text.own.passages.length).toBeGreaterThanOrEqual(0.95);
  });

  it('GIVEN the PDF THEN every passage has the printed pages it was set on, from the page labels', () => {
    const { seg, reading } = trips.get('pdf')!;
    expect(reading.pages).toBe(pdf.pageCount);
    expect(pdf.pageCount).toBeGreaterThanOrEqual(3);
    const last = firstPage + pdf.pageCount - 1;
    for (const p of seg.passages) {
      expect(p.pages, p.text.slice(0, 60)).not.toBeNull();
      expect(p.pages!.approximate).toBe(false);
      expect(p.pages!.start).toBeGreaterThanOrEqual(firstPage);
      expect(p.pages!.end).toBeGreaterThanOrEqual(p.pages!.start);
      expect(p.pages!.end).toBeLessThanOrEqual(last);
    }
    // Passages read back whole are on exactly the pages their paragraph was set on, across page breaks too.
    const wrong = text.own.passages.flatMap((own, i) => {
      const read = twin(seg, own);
      const set = pdf.pages[i]!;
      return read && (read.pages!.start !== set.start || read.pages!.end !== set.end) ? [{ text: own.text.slice(0, 60), read: read.pages, set }] : [];
    });
    expect(wrong).toEqual([]);
    expect(pdf.pages.some((p) => p.end > p.start)).toBe(true);
  });

  it('GIVEN the running header and page numbers of the PDF THEN neither is in any passage', () => {
    const { seg } = trips.get('pdf')!;
    const header = text.doc.title.slice(0, 40);
    expect(seg.passages.filter((p) => p.text.includes(header))).toEqual([]);
    expect(seg.passages.filter((p) => /^\d+$/.test(p.text))).toEqual([]);
  });

  it('GIVEN the web page’s navigation, comments and footer THEN none of it is read', () => {
    const { reading } = trips.get('html')!;
    for (const words of FURNITURE) expect(reading.markdown).not.toContain(words);
  });
});
