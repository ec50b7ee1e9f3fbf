/**
 * A whole text typeset as a PDF with pdf-lib: the title in larger type, then the paragraphs wrapped to
 * the measure with a first-line indent, flowing over as many pages as they need (a paragraph that does
 * not fit runs on to the next page), a running header and a printed page number on every page, and
 * /PageLabels so the pages are numbered from `firstPage`. Returns the pages each paragraph was set on.
 */
import { PDFDocument, PDFName, type PDFFont, type PDFPage, StandardFonts } from 'pdf-lib';
import { type RenderDoc, printed, wrapWords } from './render-source.ts';

const WIDTH = 420;
const HEIGHT = 595;
const LEFT = 50;
const MEASURE = 320;
const BODY = 11;
const LEADING = 14;
const INDENT = 18;
const TOP = 520;
const BOTTOM = 70;

export interface PdfRendering {
  bytes: Uint8Array;
  /** Printed page numbers of each paragraph's first and last line. */
  pages: { start: number; end: number }[];
  pageCount: number;
}

/** The Standard 14 fonts encode WinAnsi only; a text with other characters needs an embedded font. */
function checkEncodable(font: PDFFont, text: string): void {
  const supported = new Set(font.getCharacterSet());
  const missing = [...new Set([...text].filter((c) => !supported.has(c.codePointAt(0)!)))];
  if (missing.length) {
    throw new Error(`${font.name} cannot encode ${missing.map((c) => `U+${c.codePointAt(0)!.toString(16).padStart(4, '0')}`).join(', ')}: embed a TTF`);
  }
}

export async function renderPdf(doc: RenderDoc, opts: { firstPage?: number } = {}): Promise<PdfRendering> {
  const firstPage = opts.firstPage ?? 1;
  const pdf = await PDFDocument.create();
  const font = await pdf.embedFont(StandardFonts.TimesRoman);
  const bold = await pdf.embedFont(StandardFonts.TimesRomanBold);
  pdf.setTitle(doc.title);
  pdf.setAuthor(doc.author);
  const texts = doc.paragraphs.map(printed);
  checkEncodable(font, texts.join(''));
  checkEncodable(bold, doc.title);

  let page: PDFPage | null = null;
  let y = 0;
  let count = 0;
  const newPage = (): void => {
    page = pdf.addPage([WIDTH, HEIGHT]);
    count++;
    const label = String(firstPage + count - 1);
    page.drawText(doc.title.length > 60 ? `${doc.title.slice(0, 57)}…` : doc.title, { x: LEFT, y: 560, size: 8, font });
    page.drawText(label, { x: WIDTH / 2 - font.widthOfTextAtSize(label, 9) / 2, y: 35, size: 9, font });
    y = TOP;
  };
  const line = (text: string, x: number, size: number, f: PDFFont): number => {
    if (!page || y < BOTTOM) newPage();
    page!.drawText(text, { x, y, size, font: f });
    y -= size === BODY ? LEADING : size * 1.3;
    return firstPage + count - 1;
  };

  newPage();
  for (const title of wrapWords(doc.title, (s) => bold.widthOfTextAtSize(s, 16) <= MEASURE)) line(title, LEFT, 16, bold);
  y -= LEADING;
  const pages = texts.map((text, i) => {
    // The first paragraph after the title is set full out, as typesetters do; the rest are indented.
    const indent = i === 0 ? 0 : INDENT;
    const lines = wrapWords(text, (s) => font.widthOfTextAtSize(s, BODY) <= MEASURE - indent);
    // Lines after the first get the full measure: rewrap the rest without the indent.
    const first = lines[0]!;
    const rest = wrapWords(text.slice(first.length).trim(), (s) => font.widthOfTextAtSize(s, BODY) <= MEASURE);
    const start = line(first, LEFT + indent, BODY, font);
    let end = start;
    for (const l of rest) end = line(l, LEFT, BODY, font);
    return { start, end };
  });
  pdf.catalog.set(PDFName.of('PageLabels'), pdf.context.obj({ Nums: [0, { S: 'D', St: firstPage }] }));
  return { bytes: await pdf.save(), pages, pageCount: count };
}
