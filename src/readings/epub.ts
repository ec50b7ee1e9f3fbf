/** EPUB: the package document (OPF) for metadata and reading order, each spine chapter through the HTML path. */
import { posix } from 'node:path';
import type { FormatResult } from './blocks.ts';
import { ReadingError } from './errors.ts';
import { htmlToBlocks } from './html-blocks.ts';
import { type DomDocument, allTexts, decodeHref, firstText, parseHtmlDocument, parseXml } from './html-dom.ts';
import { type HtmlPart, extractNotes } from './html-notes.ts';
import { clean, cleanTitle, findDoi, normalizeDate, parseAuthors } from './meta.ts';
import { NoteBook } from './notes.ts';
import type { SafeZip } from './zip.ts';

interface Chapter {
  path: string;
  linear: boolean;
}

const HTML_TYPES = /^(application\/xhtml\+xml|text\/html)$/;

async function packagePath(zip: SafeZip): Promise<string> {
  if (!zip.has('META-INF/container.xml')) throw new ReadingError('malformed', 'this EPUB lacks META-INF/container.xml');
  const container = parseXml(await zip.readText('META-INF/container.xml'));
  const path = container.getElementsByTagName('rootfile')[0]?.getAttribute('full-path');
  if (!path || !zip.has(path)) throw new ReadingError('malformed', 'this EPUB does not say where its package document is');
  return path;
}

/** Spine order; the navigation document is the book's table of contents, not its text. */
function spine(opf: DomDocument, opfPath: string): Chapter[] {
  const base = posix.dirname(opfPath);
  const items = new Map(
    Array.from(opf.getElementsByTagName('item'), (item) => [
      item.getAttribute('id') ?? '',
      {
        path: posix.join(base, decodeHref(item.getAttribute('href') ?? '')),
        html: HTML_TYPES.test(item.getAttribute('media-type') ?? ''),
        nav: /\bnav\b/.test(item.getAttribute('properties') ?? ''),
      },
    ]),
  );
  return Array.from(opf.getElementsByTagName('itemref')).flatMap((ref) => {
    const item = items.get(ref.getAttribute('idref') ?? '');
    return item?.html && !item.nav ? [{ path: item.path, linear: ref.getAttribute('linear') !== 'no' }] : [];
  });
}

function packageMeta(opf: DomDocument): FormatResult['meta'] {
  const date = normalizeDate(firstText(opf, 'dc:date'));
  return {
    title: cleanTitle(firstText(opf, 'dc:title')),
    authors: parseAuthors(allTexts(opf, 'dc:creator')),
    date,
    year: date ? Number(date.slice(0, 4)) : null,
    publisher: clean(firstText(opf, 'dc:publisher')),
    doi: allTexts(opf, 'dc:identifier').map(findDoi).find(Boolean) ?? null,
  };
}

export async function readEpub(zip: SafeZip, onProgress?: (done: number, total: number) => void): Promise<FormatResult> {
  const opfPath = await packagePath(zip);
  const opf = parseXml(await zip.readText(opfPath));
  const chapters = spine(opf, opfPath).filter((c) => zip.has(c.path));
  const parts: (HtmlPart & { linear: boolean })[] = [];
  for (const [i, chapter] of chapters.entries()) {
    parts.push({ path: chapter.path, linear: chapter.linear, doc: parseHtmlDocument(await zip.readText(chapter.path)) });
    onProgress?.(i + 1, chapters.length);
  }
  const notes = new NoteBook();
  // Notes are looked up in every chapter, also those out of the reading order (a book's endnotes file).
  extractNotes(parts, notes);
  const blocks = parts.filter((p) => p.linear && p.doc.body).flatMap((p) => htmlToBlocks(p.doc.body!));
  return { blocks, notes, meta: packageMeta(opf), pages: null, warnings: [] };
}
