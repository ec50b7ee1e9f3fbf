/** The format-neutral structure every reader produces and markdown-out.ts renders. */
import type { NoteBook } from './notes.ts';
import type { ReadingMeta } from './types.ts';

export type Block =
  /** `level` is the source's own (0 for a Word "Title", 1–6 for h1–h6); the renderer ranks them into #, ##, ###. */
  | { kind: 'heading'; level: number; text: string }
  /** `text` may hold page-break tokens (see pageBreakToken) where a page boundary cut the paragraph. */
  | { kind: 'para' | 'quote' | 'item'; text: string }
  | { kind: 'page'; label: string };

/** What one format's reader hands back to readDocument. */
export interface FormatResult {
  blocks: Block[];
  notes: NoteBook;
  meta: Partial<ReadingMeta>;
  pages: number | null;
  warnings: string[];
}

// Private-use characters cannot occur in real text handed to us by the parsers, so tokens built from
// them survive DOM round-trips and whitespace clean-up, and are swapped for Markdown at the very end.
export const PAGE_OPEN = '\uE010';
export const PAGE_CLOSE = '\uE011';

/** Marks a page boundary inside a paragraph's text. */
export function pageBreakToken(label: string): string {
  return ` ${PAGE_OPEN}${label}${PAGE_CLOSE} `;
}

export const PAGE_TOKEN = /\uE010([^\uE011]*)\uE011/g;
