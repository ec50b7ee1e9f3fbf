/** Word (.docx) through mammoth into HTML (headings, quotes, footnotes and endnotes kept), then the HTML path. */
import mammoth from 'mammoth';
import type { FormatResult } from './blocks.ts';
import { htmlToBlocks } from './html-blocks.ts';
import { firstText, parseHtmlDocument, parseXml } from './html-dom.ts';
import { extractNotes } from './html-notes.ts';
import { cleanTitle, clean, normalizeDate, parseAuthors } from './meta.ts';
import { NoteBook } from './notes.ts';
import type { SafeZip } from './zip.ts';

const STYLE_MAP = [
  // A "Title" paragraph ranks above Heading 1 (see markdown-out.ts) and names the document when core.xml does not.
  "p[style-name='Title'] => h1.doc-title:fresh",
  "p[style-name='Subtitle'] => p:fresh",
  "p[style-name='Quote'] => blockquote > p:fresh",
  "p[style-name='Intense Quote'] => blockquote > p:fresh",
  "p[style-name='Block Text'] => blockquote > p:fresh",
];

/** Everything mammoth may inflate besides images, which are never read. */
const PARTS = /^(\[Content_Types\]\.xml|_rels\/|word\/(?!media\/)|docProps\/)/;

async function coreProperties(zip: SafeZip): Promise<FormatResult['meta']> {
  if (!zip.has('docProps/core.xml')) return {};
  const core = parseXml(await zip.readText('docProps/core.xml'));
  const date = normalizeDate(firstText(core, 'dcterms:created'));
  return {
    title: cleanTitle(firstText(core, 'dc:title')),
    authors: parseAuthors(clean(firstText(core, 'dc:creator'))),
    date,
    year: date ? Number(date.slice(0, 4)) : null,
  };
}

export async function readDocx(bytes: Uint8Array, zip: SafeZip): Promise<FormatResult> {
  // mammoth unzips for itself and would trust the sizes the archive declares; every part it may read is
  // inflated here first, within the limits, so a lying entry is caught before mammoth sees it.
  for (const name of zip.names().filter((n) => PARTS.test(n))) await zip.read(name);
  const meta = await coreProperties(zip);
  const result = await mammoth.convertToHtml(
    { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
    { styleMap: STYLE_MAP, convertImage: mammoth.images.imgElement(async () => ({ src: '' })), ignoreEmptyParagraphs: true },
  );
  const doc = parseHtmlDocument(result.value);
  const notes = new NoteBook();
  extractNotes([{ path: '', doc }], notes);
  const titled = doc.querySelector('h1.doc-title')?.textContent;
  return { blocks: htmlToBlocks(doc.body!), notes, meta: { ...meta, title: meta.title ?? cleanTitle(titled) }, pages: null, warnings: [] };
}
