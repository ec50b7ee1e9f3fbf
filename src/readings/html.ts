/** A web page: its metadata, then its main content (no navigation, comments or share links) via Readability. */
import { Readability } from '@mozilla/readability';
import type { FormatResult } from './blocks.ts';
import { htmlToBlocks } from './html-blocks.ts';
import { type DomDocument, type DomNode, parseHtmlDocument } from './html-dom.ts';
import { htmlMeta } from './html-meta.ts';
import { extractNotes } from './html-notes.ts';
import { clean, cleanTitle, mergeMeta, normalizeDate, parseAuthors } from './meta.ts';
import { NoteBook } from './notes.ts';

/** Page furniture to drop when Readability finds no article and the whole body is read instead. */
const FURNITURE =
  'header, footer, aside, nav, [role="navigation"], [role="banner"], [role="contentinfo"], [class*="comment"], [id*="comment"], [class*="share"]';

interface Article {
  root: DomNode | null;
  title: string | null;
  byline: string | null;
  siteName: string | null;
  publishedTime: string | null;
}

function mainContent(doc: DomDocument): Article {
  try {
    // The serializer hands back the content element itself, so it is not printed and parsed again.
    const parsed = new Readability(doc as never, { serializer: (el) => el }).parse();
    const root = parsed?.content as unknown as DomNode | undefined;
    if (parsed && root?.textContent?.trim()) {
      return {
        root,
        title: parsed.title ?? null,
        byline: parsed.byline ?? null,
        siteName: parsed.siteName ?? null,
        publishedTime: parsed.publishedTime ?? null,
      };
    }
  } catch {
    // Readability gives up on some broken pages; the body is read instead.
  }
  for (const el of Array.from(doc.querySelectorAll(FURNITURE))) el.remove();
  return { root: doc.body, title: null, byline: null, siteName: null, publishedTime: null };
}

export function readHtml(html: string): FormatResult {
  const doc = parseHtmlDocument(html);
  // Metadata and notes are taken before Readability, which rewrites the document it reads.
  const meta = htmlMeta(doc);
  const notes = new NoteBook();
  extractNotes([{ path: '', doc }], notes);
  // Readability turns every h1 into an h2; the level each heading had is kept beside it.
  for (const h of Array.from(doc.querySelectorAll('h1, h2, h3, h4, h5, h6'))) h.setAttribute('data-level', h.localName.slice(1));
  const article = mainContent(doc);
  const date = normalizeDate(article.publishedTime);
  const fallback = {
    title: cleanTitle(article.title ?? doc.querySelector('title')?.textContent),
    authors: parseAuthors(article.byline),
    outlet: clean(article.siteName),
    date,
    year: date ? Number(date.slice(0, 4)) : null,
  };
  return { blocks: article.root ? htmlToBlocks(article.root) : [], notes, meta: mergeMeta(meta, fallback), pages: null, warnings: [] };
}
