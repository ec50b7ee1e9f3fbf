/**
 * Canonical Markdown: the one text every document format is read into, and what the `document`
 * segmentation profile reads back. Deliberately small, so a person can read and edit it:
 *
 * - `#`, `##`, `###` headings, one line each. The document's own heading levels are ranked, so its top
 *   level is always `#` (a Word "Title" above "Heading 1"); anything deeper than three is `###`.
 * - One paragraph per line, blocks separated by blank lines. Line-wrapped text is rejoined and
 *   end-of-line hyphenation repaired by the reader before it gets here.
 * - `<!-- page N -->` on a line of its own before the text of page N. A paragraph cut by a page break is
 *   still one block: its two halves are lines of the same block with the page line between them.
 * - `> text` is a block quote paragraph; `- text` a list item (ordered or not, nesting flattened).
 * - `[^n]` marks a footnote or endnote; `[^n]: text` lines after the body define them.
 * - An interview turn starts with its speaker's label: `Q: …`, `SM: …` (Word's `**Name:**` and
 *   transcripts' `SM – ` are normalised to that).
 * - A paragraph that would otherwise read as markup (starting `#`, `>`, `- `, `<!--`, `[^`) gets a `\`.
 * - No other markup: emphasis, links and images are reduced to their words.
 */
import { normalizeSpaces, stripEmphasis } from '../segment/text.ts';
import { type Block, PAGE_TOKEN } from './blocks.ts';
import { type NoteBook, withoutRefs } from './notes.ts';

export interface Rendered {
  markdown: string;
  sections: number;
  notes: number;
}

const SPEAKER_STRONG = /^\*\*([^*\n]{1,40}?)\s*(?::\s*\*\*|\*\*\s*:)\s*/u;
const SPEAKER_DASH = /^([A-Z]{1,4})\s+[–—]\s+/u;

/** `**Name:** text` and `SM – text` become `Name: text` / `SM: text`. */
export function normalizeTurn(text: string): string {
  return text.replace(SPEAKER_STRONG, '$1: ').replace(SPEAKER_DASH, '$1: ');
}

function cleanInline(text: string): string {
  return normalizeSpaces(stripEmphasis(text).replace(/\s+/g, ' '));
}

function escapeLine(line: string): string {
  return /^(#|>|[-*+] |<!--|\[\^|\\)/.test(line) ? `\\${line}` : line;
}

const pageLine = (label: string): string => `<!-- page ${label} -->`;

/** A text block's lines: its pieces between page breaks, with page lines between them. */
function textLines(kind: 'para' | 'quote' | 'item', text: string): { lead: string[]; lines: string[]; tail: string[] } {
  const pieces: string[] = [];
  const labels: string[] = [];
  let last = 0;
  for (const m of text.matchAll(PAGE_TOKEN)) {
    pieces.push(text.slice(last, m.index));
    labels.push(m[1]!);
    last = m.index + m[0].length;
  }
  pieces.push(text.slice(last));
  const clean = pieces.map((p, i) => (i === 0 ? cleanInline(normalizeTurn(normalizeSpaces(p))) : cleanInline(p)));
  // Page breaks before the first words or after the last are plain page lines outside the block.
  const lead: string[] = [];
  const tail: string[] = [];
  while (clean.length > 1 && !clean[0]) {
    clean.shift();
    lead.push(pageLine(labels.shift()!));
  }
  while (clean.length > 1 && !clean[clean.length - 1]) {
    clean.pop();
    tail.unshift(pageLine(labels.pop()!));
  }
  const lines: string[] = [];
  clean.forEach((piece, i) => {
    if (i > 0) lines.push(pageLine(labels[i - 1]!));
    if (!piece) return;
    if (kind === 'quote') lines.push(`> ${piece}`);
    else if (kind === 'item' && i === 0) lines.push(`- ${piece}`);
    else lines.push(escapeLine(piece));
  });
  return { lead, lines: clean.some(Boolean) ? lines : [], tail };
}

/** Heading levels ranked: the document's top level becomes 1, the next 2, the rest 3. */
function headingRanks(blocks: Block[]): Map<number, number> {
  const levels = [...new Set(blocks.flatMap((b) => (b.kind === 'heading' ? [b.level] : [])))].sort((a, b) => a - b);
  return new Map(levels.map((l, i) => [l, Math.min(i + 1, 3)]));
}

export function renderMarkdown(blocks: Block[], notes: NoteBook): Rendered {
  const ranks = headingRanks(blocks);
  const out: string[] = [];
  let sections = 0;
  for (const b of blocks) {
    if (b.kind === 'page') {
      out.push(pageLine(b.label));
    } else if (b.kind === 'heading') {
      const text = cleanInline(withoutRefs(b.text).replace(PAGE_TOKEN, ' '));
      if (!text) continue;
      out.push(`${'#'.repeat(ranks.get(b.level)!)} ${text}`);
      sections++;
    } else {
      const { lead, lines, tail } = textLines(b.kind, b.text);
      out.push(...lead);
      if (lines.length) out.push(lines.join('\n'));
      out.push(...tail);
    }
  }
  const { body, definitions } = notes.finish(out.join('\n\n'));
  const defs = definitions.map((d) => `[^${d.number}]: ${cleanInline(d.text)}`);
  const markdown = [body, ...defs].filter(Boolean).join('\n\n');
  return { markdown: `${markdown}\n`, sections, notes: definitions.length };
}
