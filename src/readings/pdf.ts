/** PDF: text per page through PDF.js (bundled by unpdf), with printed page numbers from the page labels. */
import { getDocumentProxy } from 'unpdf';
import { z } from 'zod';
import type { FormatResult } from './blocks.ts';
import { ReadingError } from './errors.ts';
import { wordCounts } from './hyphenation.ts';
import { cleanTitle, clean, findDoi, normalizeDate, parseAuthors } from './meta.ts';
import { NoteBook } from './notes.ts';
import { type PdfPage, removeFurniture } from './pdf-furniture.ts';
import { layoutPdf } from './pdf-layout.ts';
import { type PdfTextItem, toPdfLines } from './pdf-lines.ts';

type PdfDocument = Awaited<ReturnType<typeof getDocumentProxy>>;

/** The document information dictionary: whatever the producing program chose to write. */
const Info = z
  .object({
    Title: z.string().optional(),
    Author: z.string().optional(),
    CreationDate: z.string().optional(),
    Subject: z.string().optional(),
    Keywords: z.string().optional(),
  })
  .catch({});

async function open(bytes: Uint8Array): Promise<PdfDocument> {
  try {
    // PDF.js takes the buffer over and refuses Node's Buffer, so it gets a plain copy; eval and font loading are of no use for text.
    return await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0, isEvalSupported: false, disableFontFace: true, useSystemFonts: false });
  } catch (cause) {
    if (cause instanceof Error && cause.name === 'PasswordException') {
      throw new ReadingError('encrypted', 'this PDF is password-protected; save an unprotected copy', { cause });
    }
    throw new ReadingError('malformed', 'this PDF is damaged and cannot be read', { cause });
  }
}

async function readMeta(pdf: PdfDocument): Promise<FormatResult['meta']> {
  const { info, metadata } = await pdf.getMetadata().catch(() => ({ info: {}, metadata: null }));
  const i = Info.parse(info);
  const xmp = (name: string): string | null => {
    const v: unknown = metadata?.get(name);
    return typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v.join('; ') : null;
  };
  const date = normalizeDate(i.CreationDate) ?? normalizeDate(xmp('xmp:createdate'));
  return {
    title: cleanTitle(i.Title) ?? cleanTitle(xmp('dc:title')),
    authors: parseAuthors(clean(i.Author) ?? xmp('dc:creator')),
    date,
    year: date ? Number(date.slice(0, 4)) : null,
    publisher: clean(xmp('dc:publisher')),
    doi: findDoi(xmp('prism:doi')) ?? findDoi(i.Subject) ?? findDoi(i.Keywords),
  };
}

async function readPages(pdf: PdfDocument, onProgress?: (done: number, total: number) => void): Promise<PdfPage[]> {
  const labels = await pdf.getPageLabels().catch(() => null);
  const pages: PdfPage[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const content = await page.getTextContent();
    const items = content.items.filter((it): it is PdfTextItem & typeof it => 'str' in it);
    pages.push({ label: labels?.[n - 1]?.trim() || String(n), lines: toPdfLines(items) });
    page.cleanup();
    onProgress?.(n, pdf.numPages);
  }
  return pages;
}

function emptyPagesWarning(pages: PdfPage[]): string | null {
  const empty = pages.filter((p) => !p.lines.length).map((p) => p.label);
  if (!empty.length) return null;
  if (empty.length === 1) return `page ${empty[0]} has no text`;
  const shown = empty.length > 10 ? `${empty.slice(0, 10).join(', ')} and ${empty.length - 10} more` : empty.join(', ');
  return `pages ${shown} have no text (images only?)`;
}

export async function readPdf(bytes: Uint8Array, onProgress?: (done: number, total: number) => void): Promise<FormatResult> {
  const pdf = await open(bytes);
  try {
    const raw = await readPages(pdf, onProgress);
    if (raw.every((p) => !p.lines.length)) {
      throw new ReadingError('no-text-layer', 'no text layer: this PDF is images; OCR is not supported');
    }
    const pages = removeFurniture(raw);
    const notes = new NoteBook();
    const counts = wordCounts(pages.flatMap((p) => p.lines.map((l) => l.text)));
    const blocks = layoutPdf({ pages, counts, notes });
    const warning = emptyPagesWarning(raw);
    return { blocks, notes, meta: await readMeta(pdf), pages: pdf.numPages, warnings: warning ? [warning] : [] };
  } finally {
    await pdf.destroy().catch(() => undefined);
  }
}
