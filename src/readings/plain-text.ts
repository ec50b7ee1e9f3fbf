/**
 * Plain text: paragraphs part at blank lines, or one per line when the text has no blank lines
 * (as the corpus's own sources are written). A form feed (pdftotext's page break) starts a page.
 */
import type { Block, FormatResult } from './blocks.ts';
import { joinAll, wordCounts } from './hyphenation.ts';
import { NoteBook } from './notes.ts';

export function readPlainText(text: string): FormatResult {
  // pdftotext ends its output with a form feed too; that one starts no page.
  const pages = text
    .replace(/\r\n?/g, '\n')
    .replace(/\f\s*$/, '')
    .split('\f');
  const counts = wordCounts(text.split('\n'));
  const byBlankLines = /\n[ \t]*\n/.test(text);
  const blocks: Block[] = [];
  pages.forEach((page, i) => {
    if (pages.length > 1) blocks.push({ kind: 'page', label: String(i + 1) });
    const chunks = byBlankLines ? page.split(/\n[ \t]*\n/) : page.split('\n');
    for (const chunk of chunks) {
      const lines = chunk.split('\n').map((l) => l.trim());
      const para = joinAll(lines.filter(Boolean), counts);
      if (para) blocks.push({ kind: 'para', text: para });
    }
  });
  return { blocks, notes: new NoteBook(), meta: {}, pages: pages.length > 1 ? pages.length : null, warnings: [] };
}
