/** Word documents, EPUBs and zip bombs built in memory for the reading tests. */
import { createDeflateRaw } from 'node:zlib';
import { strToU8, zipSync } from 'fflate';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const run = (text: string, bold = false): string => `<w:r>${bold ? '<w:rPr><w:b/></w:rPr>' : ''}<w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;

export type DocxParagraph =
  | { style?: 'Title' | 'Heading1' | 'Heading2' | 'Quote'; text: string }
  /** A paragraph with a footnote or endnote after its text. */
  | { text: string; footnote?: string; endnote?: string }
  /** An interview turn: the speaker's label in bold. */
  | { speaker: string; text: string };

export interface DocxSpec {
  paragraphs: DocxParagraph[];
  core?: { title?: string; creator?: string; created?: string };
}

function paragraphXml(p: DocxParagraph, ids: { foot: number; end: number }, notes: { foot: string[]; end: string[] }): string {
  if ('speaker' in p) return `<w:p>${run(`${p.speaker}:`, true)}${run(` ${p.text}`)}</w:p>`;
  const style = 'style' in p && p.style ? `<w:pPr><w:pStyle w:val="${p.style}"/></w:pPr>` : '';
  let refs = '';
  if ('footnote' in p && p.footnote) {
    ids.foot++;
    notes.foot.push(`<w:footnote w:id="${ids.foot}"><w:p><w:r><w:footnoteRef/></w:r>${run(` ${p.footnote}`)}</w:p></w:footnote>`);
    refs += `<w:r><w:footnoteReference w:id="${ids.foot}"/></w:r>`;
  }
  if ('endnote' in p && p.endnote) {
    ids.end++;
    notes.end.push(`<w:endnote w:id="${ids.end}"><w:p><w:r><w:endnoteRef/></w:r>${run(` ${p.endnote}`)}</w:p></w:endnote>`);
    refs += `<w:r><w:endnoteReference w:id="${ids.end}"/></w:r>`;
  }
  return `<w:p>${style}${run(p.text)}${refs}</w:p>`;
}

const STYLES = `<w:styles ${W}>${[
  ['Title', 'Title'],
  ['Heading1', 'heading 1'],
  ['Heading2', 'heading 2'],
  ['Quote', 'Quote'],
]
  .map(([id, name]) => `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/></w:style>`)
  .join('')}</w:styles>`;

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export function makeDocx(spec: DocxSpec): Uint8Array {
  const ids = { foot: 0, end: 0 };
  const notes = { foot: [] as string[], end: [] as string[] };
  const body = spec.paragraphs.map((p) => paragraphXml(p, ids, notes)).join('');
  const core = spec.core
    ? `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${
        spec.core.title ? `<dc:title>${esc(spec.core.title)}</dc:title>` : ''
      }${spec.core.creator ? `<dc:creator>${esc(spec.core.creator)}</dc:creator>` : ''}${
        spec.core.created ? `<dcterms:created xsi:type="dcterms:W3CDTF">${spec.core.created}</dcterms:created>` : ''
      }</cp:coreProperties>`
    : null;
  const files: Record<string, string> = {
    '[Content_Types].xml': `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
    '_rels/.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`,
    'word/_rels/document.xml.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId2" Type="${REL}/footnotes" Target="footnotes.xml"/><Relationship Id="rId3" Type="${REL}/endnotes" Target="endnotes.xml"/><Relationship Id="rId4" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
    'word/document.xml': `<w:document ${W}><w:body>${body}</w:body></w:document>`,
    'word/footnotes.xml': `<w:footnotes ${W}>${notes.foot.join('')}</w:footnotes>`,
    'word/endnotes.xml': `<w:endnotes ${W}>${notes.end.join('')}</w:endnotes>`,
    'word/styles.xml': STYLES,
    ...(core ? { 'docProps/core.xml': core } : {}),
  };
  return zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>${v}`)])));
}

export interface EpubSpec {
  meta: { title: string; creator: string; date: string; publisher: string; identifier?: string };
  /** In reading order; `linear: false` parts (a notes file) are out of it. */
  chapters: { file: string; xhtml: string; linear?: boolean }[];
}

export function xhtml(title: string, body: string): string {
  return `<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html>\n<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><head><title>${esc(title)}</title></head><body>${body}</body></html>`;
}

export function makeEpub(spec: EpubSpec): Uint8Array {
  const m = spec.meta;
  // The manifest lists chapters in reverse, so only the spine can give the reading order.
  const manifest = [...spec.chapters]
    .reverse()
    .map((c, i) => `<item id="c${spec.chapters.length - 1 - i}" href="Text/${c.file}" media-type="application/xhtml+xml"/>`)
    .join('');
  const spine = spec.chapters.map((c, i) => `<itemref idref="c${i}"${c.linear === false ? ' linear="no"' : ''}/>`).join('');
  const opf = `<?xml version="1.0" encoding="UTF-8"?><package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:identifier id="id">${esc(m.identifier ?? 'urn:uuid:0')}</dc:identifier><dc:title>${esc(m.title)}</dc:title><dc:creator>${esc(m.creator)}</dc:creator><dc:date>${m.date}</dc:date><dc:publisher>${esc(m.publisher)}</dc:publisher><dc:language>en</dc:language></metadata><manifest><item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>${manifest}</manifest><spine><itemref idref="nav"/>${spine}</spine></package>`;
  const nav = xhtml(
    'Contents',
    `<nav epub:type="toc"><ol>${spec.chapters.map((c) => `<li><a href="Text/${c.file}">${esc(c.file)}</a></li>`).join('')}</ol></nav>`,
  );
  return zipSync(
    {
      mimetype: [strToU8('application/epub+zip'), { level: 0 }],
      'META-INF/container.xml': strToU8(
        `<?xml version="1.0"?><container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>`,
      ),
      'OEBPS/content.opf': strToU8(opf),
      'OEBPS/nav.xhtml': strToU8(nav),
      ...Object.fromEntries(spec.chapters.map((c) => [`OEBPS/Text/${c.file}`, strToU8(c.xhtml)])),
    },
    { level: 6 },
  );
}

/** A zip archive written by hand, so an entry's declared sizes can be anything. */
function rawZip(entries: { name: string; data: Uint8Array; method: 0 | 8; declared: number }[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(e.method, 8);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.declared, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(e.method, 10);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, Buffer.from(e.data));
    centrals.push(central, name);
    offset += 30 + name.length + e.data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, cd, end]));
}

/** `megabytes` of zeros, deflated a megabyte at a time (never all in memory at once). */
async function deflatedZeros(megabytes: number): Promise<Uint8Array> {
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (c: Buffer) => out.push(c));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  const chunk = Buffer.alloc(1024 * 1024);
  for (let i = 0; i < megabytes; i++) {
    if (!deflate.write(chunk)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  return new Uint8Array(Buffer.concat(out));
}

/**
 * A zip bomb in the clothes of a Word document or an EPUB: one entry of `megabytes` of zeros, deflated.
 * `declared: 'honest'` states the real size; `'lying'` declares 1 KB, so only inflating reveals it.
 */
export async function makeZipBomb(as: 'docx' | 'epub', megabytes: number, declared: 'honest' | 'lying'): Promise<Uint8Array> {
  const zeros = await deflatedZeros(megabytes);
  const size = declared === 'honest' ? megabytes * 1024 * 1024 : 1024;
  const small = (name: string, text: string) => ({ name, data: strToU8(text), method: 0 as const, declared: text.length });
  const entries =
    as === 'docx'
      ? [small('[Content_Types].xml', '<Types/>'), { name: 'word/document.xml', data: zeros, method: 8 as const, declared: size }]
      : [
          small('mimetype', 'application/epub+zip'),
          small('META-INF/container.xml', '<container><rootfiles><rootfile full-path="content.opf"/></rootfiles></container>'),
          small(
            'content.opf',
            '<package><manifest><item id="a" href="a.xhtml" media-type="application/xhtml+xml"/></manifest><spine><itemref idref="a"/></spine></package>',
          ),
          { name: 'a.xhtml', data: zeros, method: 8 as const, declared: size },
        ];
  return rawZip(entries);
}
