/**
 * Small PDFs laid out like a typeset book, made with pdf-lib: running header, headings in a larger size,
 * indented paragraphs wrapped to the measure, raised note numbers, a footnote block and a page number.
 */
import { PDFDocument, PDFHexString, PDFName, type PDFFont, type PDFPage, StandardFonts } from 'pdf-lib';

export type PdfBlock =
  | { heading: string; size?: number }
  /** `|` forces a line break there (a typesetter's hyphenation "exe-|cutions"); `^212` is a raised note number. */
  | { para: string; indent?: boolean }
  /** A bulleted list item whose wrapped lines hang under its first word. */
  | { item: string };

export interface PdfPageSpec {
  header?: string;
  footer?: string;
  blocks: PdfBlock[];
  /** Footnote lines at the bottom of the page, in a smaller size ("212 Barsenkov …"). */
  notes?: string[];
}

export interface PdfSpec {
  pages: PdfPageSpec[];
  /** Printed number of the first page (a /PageLabels entry); none: pages are numbered by position. */
  firstPageLabel?: number;
  info?: { title?: string; author?: string; created?: Date; subject?: string };
}

const WIDTH = 420;
const HEIGHT = 595;
const LEFT = 50;
const MEASURE = 320;
const BODY = 11;
const LEADING = 14;

/** Draws a line whose `^N` tokens are set as raised small numbers. */
function drawLine(page: PDFPage, font: PDFFont, text: string, x: number, y: number, size: number): void {
  let at = x;
  for (const part of text.split(/(\^\d+)/)) {
    if (!part) continue;
    const raised = /^\^(\d+)$/.exec(part);
    const s = raised ? size * 0.6 : size;
    const str = raised ? raised[1]! : part;
    page.drawText(str, { x: at, y: raised ? y + size * 0.4 : y, size: s, font });
    at += font.widthOfTextAtSize(str, s);
  }
}

/** Greedy wrapping to the measure, breaking also wherever the text has `|`. */
function wrap(text: string, font: PDFFont, size: number, first: number): string[] {
  const lines: string[] = [];
  let line = '';
  const width = (s: string): number => font.widthOfTextAtSize(s.replace(/\^(\d+)/g, '$1'), size);
  for (const word of text.split(' ')) {
    const [head, ...rest] = word.split('|');
    const candidate = line ? `${line} ${head}` : head!;
    if (line && width(candidate) > MEASURE - (lines.length ? 0 : first)) {
      lines.push(line);
      line = head!;
    } else line = candidate;
    for (const piece of rest) {
      lines.push(line);
      line = piece;
    }
  }
  if (line) lines.push(line);
  return lines;
}

export async function makePdf(spec: PdfSpec): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.TimesRoman);
  if (spec.info?.title) doc.setTitle(spec.info.title);
  if (spec.info?.author) doc.setAuthor(spec.info.author);
  if (spec.info?.created) doc.setCreationDate(spec.info.created);
  if (spec.info?.subject) doc.setSubject(spec.info.subject);
  for (const p of spec.pages) {
    const page = doc.addPage([WIDTH, HEIGHT]);
    if (p.header) drawLine(page, font, p.header, LEFT, 560, 9);
    if (p.footer) drawLine(page, font, p.footer, WIDTH / 2, 30, 9);
    let y = 520;
    for (const b of p.blocks) {
      if ('heading' in b) {
        y -= 10;
        drawLine(page, font, b.heading, LEFT, y, b.size ?? 16);
        y -= LEADING * 2;
        continue;
      }
      if ('item' in b) {
        drawLine(page, font, '•', LEFT, y, BODY);
        wrap(b.item, font, BODY, 12).forEach((line) => {
          drawLine(page, font, line, LEFT + 12, y, BODY);
          y -= LEADING;
        });
        continue;
      }
      const indent = b.indent === false ? 0 : 20;
      wrap(b.para, font, BODY, indent).forEach((line, i) => {
        drawLine(page, font, line, LEFT + (i === 0 ? indent : 0), y, BODY);
        y -= LEADING;
      });
    }
    const noteLines = (p.notes ?? []).flatMap((note) => wrap(note, font, 8, 0));
    noteLines.forEach((line, i) => drawLine(page, font, line, LEFT, 45 + (noteLines.length - 1 - i) * 10, 8));
  }
  if (spec.firstPageLabel !== undefined) {
    doc.catalog.set(PDFName.of('PageLabels'), doc.context.obj({ Nums: [0, { S: 'D', St: spec.firstPageLabel }] }));
  }
  return doc.save();
}

/** A PDF whose trailer names a standard security handler with a user password: readers must ask for it. */
export async function makeEncryptedPdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.addPage([WIDTH, HEIGHT]);
  const encrypt = doc.context.obj({ Filter: 'Standard', V: 1, R: 2, O: PDFHexString.of('00'.repeat(32)), U: PDFHexString.of('11'.repeat(32)), P: -4 });
  doc.context.trailerInfo.Encrypt = doc.context.register(encrypt);
  doc.context.trailerInfo.ID = doc.context.obj([PDFHexString.of('ab'.repeat(16)), PDFHexString.of('ab'.repeat(16))]);
  return doc.save({ useObjectStreams: false });
}

/** Scanned pages: drawn shapes standing in for page images, and no text at all. */
export async function makeImageOnlyPdf(pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) doc.addPage([WIDTH, HEIGHT]).drawRectangle({ x: 40, y: 40, width: 340, height: 500 });
  return doc.save();
}
