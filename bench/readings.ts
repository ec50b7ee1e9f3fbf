/**
 * `add` throughput per format: a bundled text rendered into each format the reader takes (PDF
 * typeset with pdf-lib, DOCX and EPUB zipped with fflate, HTML and Markdown as text), then read
 * back into canonical Markdown and segmented, as `sourcebook add` does before it writes.
 */
import { strToU8, zipSync } from 'fflate';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { buildSource } from '../src/corpus/build.ts';
import type { SourceMeta } from '../src/corpus/metadata.ts';
import { readDocument, type ReadingFormat } from '../src/readings/index.ts';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** WinAnsi (the standard fonts' encoding) has no Cyrillic: such a character is printed as "?". */
function winAnsi(s: string): string {
  return s.replace(/[^\x20-\x7e\u00a0-\u00ff\u2013\u2014\u2018\u2019\u201c\u201d\u2026]/g, '?');
}

export async function pdf(title: string, paragraphs: string[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle(title);
  const font = await doc.embedFont(StandardFonts.TimesRoman);
  const [width, height, margin, size, leading] = [420, 595, 50, 11, 14];
  let page = doc.addPage([width, height]);
  let y = height - margin;
  for (const para of paragraphs) {
    let line = '';
    const lines: string[] = [];
    for (const word of winAnsi(para).split(/\s+/)) {
      const next = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(next, size) > width - 2 * margin && line) {
        lines.push(line);
        line = word;
      } else line = next;
    }
    if (line) lines.push(line);
    for (const l of lines) {
      if (y < margin) {
        page = doc.addPage([width, height]);
        y = height - margin;
      }
      page.drawText(l, { x: margin, y, size, font });
      y -= leading;
    }
    y -= leading / 2;
  }
  return doc.save();
}

function docx(paragraphs: string[]): Uint8Array {
  const body = paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${esc(p)}</w:t></w:r></w:p>`).join('');
  return zipSync({
    '[Content_Types].xml': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    ),
    'word/document.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
    ),
  });
}

function epub(title: string, paragraphs: string[]): Uint8Array {
  const chapters = [paragraphs.slice(0, paragraphs.length / 2), paragraphs.slice(paragraphs.length / 2)];
  const files: Record<string, Uint8Array | [Uint8Array, { level: 0 }]> = {
    mimetype: [strToU8('application/epub+zip'), { level: 0 }],
    'META-INF/container.xml': strToU8(
      '<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>',
    ),
    'OEBPS/content.opf': strToU8(
      `<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier id="id">bench</dc:identifier><dc:title>${esc(title)}</dc:title><dc:language>en</dc:language></metadata><manifest>${chapters.map((_, i) => `<item id="c${i}" href="c${i}.xhtml" media-type="application/xhtml+xml"/>`).join('')}</manifest><spine>${chapters.map((_, i) => `<itemref idref="c${i}"/>`).join('')}</spine></package>`,
    ),
  };
  chapters.forEach((ps, i) => {
    files[`OEBPS/c${i}.xhtml`] = strToU8(
      `<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><head><title>${i}</title></head><body><h1>Part ${i + 1}</h1>${ps.map((p) => `<p>${esc(p)}</p>`).join('')}</body></html>`,
    );
  });
  return zipSync(files);
}

export interface ReadingRow {
  format: ReadingFormat;
  bytes: number;
  passages: number;
  seconds: number;
}

/** Each format made from `text`'s paragraphs, read and segmented once (a warm-up first), timed. */
export async function readingThroughput(meta: SourceMeta, text: string): Promise<ReadingRow[]> {
  const paragraphs = text
    .split(/\n\s*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p.length > 0);
  const made: [ReadingFormat, string, Uint8Array][] = [
    ['pdf', 'x.pdf', await pdf(meta.title, paragraphs)],
    ['docx', 'x.docx', docx(paragraphs)],
    ['epub', 'x.epub', epub(meta.title, paragraphs)],
    [
      'html',
      'x.html',
      strToU8(
        `<!doctype html><html><head><title>${esc(meta.title)}</title></head><body><article>${paragraphs.map((p) => `<p>${esc(p)}</p>`).join('')}</article></body></html>`,
      ),
    ],
    ['markdown', 'x.md', strToU8(`# ${meta.title}\n\n${paragraphs.join('\n\n')}\n`)],
    ['text', 'x.txt', strToU8(paragraphs.join('\n\n'))],
  ];
  const rows: ReadingRow[] = [];
  for (const [format, fileName, bytes] of made) {
    const run = async () => {
      const r = await readDocument(bytes, { fileName });
      return buildSource({ ...meta, profile: 'document', file: 'bench.md' }, r.markdown).passages.length;
    };
    await run();
    const t0 = performance.now();
    const passages = await run();
    rows.push({ format, bytes: bytes.byteLength, passages, seconds: (performance.now() - t0) / 1000 });
  }
  return rows;
}
