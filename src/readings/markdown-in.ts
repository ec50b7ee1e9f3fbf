/** Markdown through a real CommonMark parser (with GFM footnotes) into blocks; YAML front matter gives metadata. */
import type { Nodes, Root, RootContent } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import type { Block, FormatResult } from './blocks.ts';
import { clean, cleanTitle, findDoi, normalizeDate, parseAuthors } from './meta.ts';
import { NoteBook } from './notes.ts';

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/;
const PAGE_COMMENT = /^<!--\s*page\s+([^\s>]+)\s*-->$/i;

/** The simple `key: value` lines of a YAML front matter block (lists and nesting are not needed here). */
function frontMatter(text: string): { body: string; meta: FormatResult['meta'] } {
  const m = FRONT_MATTER.exec(text);
  if (!m) return { body: text, meta: {} };
  const fields = new Map(
    m[1]!.split(/\r?\n/).flatMap((line) => {
      const kv = /^([A-Za-z_-]+):\s*["']?(.*?)["']?\s*$/.exec(line);
      return kv ? [[kv[1]!.toLowerCase(), kv[2]!] as const] : [];
    }),
  );
  const date = normalizeDate(fields.get('date'));
  return {
    body: text.slice(m[0].length),
    meta: {
      title: cleanTitle(fields.get('title')),
      authors: parseAuthors(clean(fields.get('author') ?? fields.get('authors'))),
      date,
      year: date ? Number(date.slice(0, 4)) : null,
      publisher: clean(fields.get('publisher')),
      doi: findDoi(fields.get('doi')),
      url: clean(fields.get('url')),
    },
  };
}

function inline(node: Nodes, notes: NoteBook): string {
  switch (node.type) {
    case 'text':
    case 'inlineCode':
      return node.value;
    case 'html':
      return node.value.replace(/<[^>]*>/g, '');
    case 'break':
      return ' ';
    case 'strong':
      return `**${node.children.map((c) => inline(c, notes)).join('')}**`;
    case 'footnoteReference':
      return notes.ref(node.identifier);
    case 'image':
      return '';
    default:
      return 'children' in node ? node.children.map((c) => inline(c as Nodes, notes)).join('') : '';
  }
}

function blocksOf(node: RootContent, notes: NoteBook, kind: 'para' | 'quote' | 'item' = 'para'): Block[] {
  switch (node.type) {
    case 'heading':
      return [{ kind: 'heading', level: node.depth, text: inline(node, notes).replace(/\*\*/g, '') }];
    case 'paragraph':
      return [{ kind, text: inline(node, notes) }];
    case 'code':
      return [{ kind, text: node.value }];
    case 'html': {
      const page = PAGE_COMMENT.exec(node.value.trim());
      if (page) return [{ kind: 'page', label: page[1]! }];
      const text = node.value.replace(/<!--[\s\S]*?-->|<[^>]*>/g, ' ').trim();
      return text ? [{ kind, text }] : [];
    }
    case 'blockquote':
      return node.children.flatMap((c) => blocksOf(c, notes, 'quote'));
    case 'list':
      return node.children.flatMap((c) => blocksOf(c, notes, 'item'));
    case 'listItem': {
      // An item's own paragraphs make one item; a list nested in it gives items of its own.
      const own = node.children.filter((c) => c.type !== 'list');
      const text = own.map((c) => inline(c as Nodes, notes)).join(' ');
      return [...(text.trim() ? [{ kind: 'item' as const, text }] : []), ...node.children.filter((c) => c.type === 'list').flatMap((c) => blocksOf(c, notes))];
    }
    case 'footnoteDefinition':
      notes.define(node.identifier, node.label ?? node.identifier, node.children.map((c) => inline(c as Nodes, notes)).join(' '));
      return [];
    case 'table':
      return node.children.map((row) => ({ kind, text: row.children.map((cell) => inline(cell, notes)).join(' | ') }));
    default:
      return [];
  }
}

export function readMarkdown(text: string): FormatResult {
  const { body, meta } = frontMatter(text);
  const tree: Root = fromMarkdown(body, { extensions: [gfmFootnote()], mdastExtensions: [gfmFootnoteFromMarkdown()] });
  const notes = new NoteBook();
  const blocks = tree.children.flatMap((c) => blocksOf(c, notes));
  return { blocks, notes, meta, pages: null, warnings: [] };
}
