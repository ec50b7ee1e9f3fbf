/**
 * A PDF's lines into blocks: headings by font size, paragraphs by vertical gaps, first-line indents
 * and short sentence-ending lines; a paragraph cut by a page break is rejoined across it.
 */
import { continuesParagraph } from '../segment/text.ts';
import { type Block, pageBreakToken } from './blocks.ts';
import { joinAll, joinLines } from './hyphenation.ts';
import { type NoteBook, withoutRefs } from './notes.ts';
import type { PdfPage } from './pdf-furniture.ts';
import { type PdfLine, SUP_TOKEN } from './pdf-lines.ts';
import { splitNotes } from './pdf-notes.ts';

type PageBlock = { kind: 'heading'; level: number; text: string } | { kind: 'para' | 'item'; text: string; indented: boolean };

/** A bullet opening a line starts a list item; its wrapped lines hang to the right of the bullet. */
const BULLET = /^[•◦▪‣●○■□∙]\s*/u;

const round = (n: number): number => Math.round(n * 2) / 2;

/** The most common value, each counted with its weight (ties: the smaller value). */
function mode(values: number[], weights?: number[]): number {
  const counts = new Map<number, number>();
  values.forEach((v, i) => counts.set(v, (counts.get(v) ?? 0) + (weights?.[i] ?? 1)));
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
}

/** The size most of the text is set in, weighted by characters. */
export function bodySize(pages: PdfPage[]): number {
  const lines = pages.flatMap((p) => p.lines);
  return (
    mode(
      lines.map((l) => round(l.size)),
      lines.map((l) => l.text.length),
    ) || 10
  );
}

/** Heading level of a line by its size: the largest heading size is 1. */
export function headingLevels(pages: PdfPage[], body: number): (line: PdfLine) => number {
  // A table of contents line ("1 Introduction . . . . 1") is no heading, however large its type.
  const isHeading = (l: PdfLine): boolean =>
    l.size >= body * 1.15 && l.text.length <= 150 && /\p{L}.*\p{L}/u.test(l.text) && !/[.,;]$/.test(l.text) && !/(\.\s?){4,}\s*\S+$/.test(l.text);
  const sizes = [...new Set(pages.flatMap((p) => p.lines.filter(isHeading).map((l) => round(l.size))))].sort((a, b) => b - a);
  return (l) => (isHeading(l) ? sizes.indexOf(round(l.size)) + 1 : 0);
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

/** Does this line end a sentence (note markers aside)? */
const endsSentence = (line: PdfLine): boolean => /[.!?:"”’)]$/.test(withoutRefs(line.text).replace(SUP_TOKEN, ''));

/**
 * Would the first word of `line` have fitted at the end of `prev`? If not, `prev` may be short only
 * because a ragged-right typesetter moved that word down, and does not end its paragraph.
 */
function wordFitsAfter(prev: PdfLine, line: PdfLine, right: number): boolean {
  const word = /^\S+/u.exec(line.text)?.[0] ?? '';
  const charWidth = (line.right - line.x) / Math.max(line.text.length, 1);
  return right - prev.right > (word.length + 1) * charWidth;
}

/**
 * The page's first-line indents (offsets from the left margin): an indented line with a line back at the
 * margin below it opens a paragraph, unless the line above it is indented as far (a block quote's last line).
 */
function firstLineIndents(text: PdfLine[], left: number, body: number): Set<number> {
  const at = (l: PdfLine | undefined): number => (l ? Math.round(l.x - left) : Number.NaN);
  const out = new Set<number>();
  text.forEach((l, i) => {
    const offset = at(l);
    if (offset > body * 0.8 && Math.abs(at(text[i + 1])) < 1 && at(text[i - 1]) !== offset) out.add(offset);
  });
  return out;
}

/** A page's blocks, and whether its paragraphs open with a first-line indent. */
function pageBlocks(lines: PdfLine[], body: number, levelOf: (l: PdfLine) => number, counts: Map<string, number>): { blocks: PageBlock[]; indents: boolean } {
  const text = lines.filter((l) => !levelOf(l));
  const left = mode(text.map((l) => Math.round(l.x)));
  const right = Math.max(...text.map((l) => l.right), 0);
  const gaps = text.slice(1).map((l, i) => text[i]!.y - l.y);
  const lineGap = median(gaps.filter((g) => g > 0 && g < body * 3)) || body * 1.2;
  const indents = firstLineIndents(text, left, body);
  const out: { block: PageBlock; x: number; lines: string[] }[] = [];
  lines.forEach((line, j) => {
    const prev = lines[j - 1];
    const cur = out[out.length - 1];
    const level = levelOf(line);
    if (level) {
      if (cur?.block.kind === 'heading' && cur.block.level === level) cur.lines.push(line.text);
      else out.push({ block: { kind: 'heading', level, text: '' }, x: line.x, lines: [line.text] });
      return;
    }
    const bullet = BULLET.test(line.text);
    const indented = line.x > left + body * 0.8 && line.x < left + body * 8;
    const gap = prev ? prev.y - line.y : 0;
    const broken = gap > lineGap * 1.4 || gap < -lineGap;
    // A short line that ends a sentence ends its paragraph (or item), unless the next word would not have fitted on it.
    const ended = !!prev && prev.right < right - body * 3 && endsSentence(prev) && wordFitsAfter(prev, line, right);
    // An indented line under another indented just as far continues an indented block (a quote), unless the one above
    // opened a paragraph with the page's first-line indent and ended a sentence: then both are one-line paragraphs.
    const sameIndent = !!prev && prev.x > left + body * 0.8 && Math.abs(prev.x - line.x) < 1;
    const oneLiner = sameIndent && cur?.lines.length === 1 && indents.has(Math.round(line.x - left)) && endsSentence(prev!);
    const fresh =
      bullet ||
      !prev ||
      !cur ||
      cur.block.kind === 'heading' ||
      broken ||
      ended ||
      (cur.block.kind === 'item' ? line.x < cur.x + body * 0.5 : indented && (!sameIndent || oneLiner));
    const words = line.text.replace(BULLET, '');
    if (fresh) out.push({ block: { kind: bullet ? 'item' : 'para', text: '', indented }, x: line.x, lines: [words] });
    else cur.lines.push(words);
  });
  return {
    blocks: out.map(({ block, lines: ls }) => ({ ...block, text: block.kind === 'heading' ? ls.join(' ') : joinAll(ls, counts) })),
    indents: indents.size > 0,
  };
}

/** Moves a word split across a page break ("repres-" | "sion …") onto the earlier page. */
function mendSplitWord(prev: string, next: string, counts: Map<string, number>): [string, string] {
  const tail = /^(\p{Ll}+)(.*)$/su.exec(next);
  if (!/\p{L}-$/u.test(prev) || !tail) return [prev, next];
  return [joinLines(prev, tail[1]!, counts), tail[2]!.trimStart()];
}

export interface LayoutInput {
  pages: PdfPage[];
  counts: Map<string, number>;
  notes: NoteBook;
}

export function layoutPdf({ pages, counts, notes }: LayoutInput): Block[] {
  const body = bodySize(pages);
  const levelOf = headingLevels(pages, body);
  const blocks: Block[] = [];
  let open: { kind: 'para' | 'item'; text: string } | null = null;
  let lastNote: { key: string; printed: string; text: string } | null = null;
  let indentedBefore = false;
  pages.forEach((page, i) => {
    const found = splitNotes(page.lines, body);
    if (found.carried && lastNote) notes.define(lastNote.key, lastNote.printed, (lastNote.text = `${lastNote.text} ${found.carried}`));
    for (const [n, text] of found.notes) {
      lastNote = { key: `${i}:${n}`, printed: n, text };
      notes.define(lastNote.key, n, text);
    }
    const lines = found.body.map((l) => ({ ...l, text: l.text.replace(SUP_TOKEN, (_m, n: string) => (found.notes.has(n) ? notes.ref(`${i}:${n}`) : n)) }));
    const { blocks: pbs, indents } = pageBlocks(lines, body, levelOf, counts);
    const first = pbs[0];
    const runsOn = open && first?.kind === 'para' && (!first.indented || open.kind === 'item');
    // Where paragraphs open indented, an unindented first line goes on with the paragraph, even after a full stop.
    const indentStyle = open?.kind === 'para' && (indents || indentedBefore);
    if (open && runsOn && (indentStyle || continuesParagraph(withoutRefs(open.text), withoutRefs(first!.text)))) {
      const [before, after] = mendSplitWord(open.text, first!.text, counts);
      open.text = `${before}${pageBreakToken(page.label)}${after}`;
      pbs.shift();
    } else blocks.push({ kind: 'page', label: page.label });
    indentedBefore = indents;
    if (!page.lines.length) open = null;
    for (const b of pbs) {
      if (b.kind === 'heading') {
        blocks.push(b);
        open = null;
      } else {
        open = { kind: b.kind, text: b.text };
        blocks.push(open);
      }
    }
  });
  return blocks;
}
