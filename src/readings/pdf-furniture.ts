/**
 * Running headers and footers: a line near the top or bottom of a page that repeats on many pages
 * (digits aside, so "About Russia 45" and "About Russia 46" are one header), or a bare page number.
 */
import type { PdfLine } from './pdf-lines.ts';

export interface PdfPage {
  label: string;
  lines: PdfLine[];
}

const PAGE_NUMBER = /^[\s\-–—|·•]*(?:page\s+|p\.\s*|s\.\s*)?(?:\d{1,4}|[ivxlcdm]{1,7})(?:\s*(?:of|\/)\s*\d{1,4})?[\s\-–—|·•]*$/i;
/** Lines this close to the page's top or bottom (by position, not content order) can be furniture. */
const EDGE_LINES = 2;

const key = (text: string): string => text.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim().toLowerCase();

function edgeLines(lines: PdfLine[]): Set<PdfLine> {
  const byY = [...lines].sort((a, b) => b.y - a.y);
  return new Set([...byY.slice(0, EDGE_LINES), ...byY.slice(-EDGE_LINES)].filter((l) => l.text.length < 150));
}

export function removeFurniture(pages: PdfPage[]): PdfPage[] {
  const edges = pages.map((p) => edgeLines(p.lines));
  const seen = new Map<string, number>();
  for (const set of edges) {
    for (const k of new Set([...set].map((l) => key(l.text)))) seen.set(k, (seen.get(k) ?? 0) + 1);
  }
  const withText = pages.filter((p) => p.lines.length).length;
  const threshold = Math.max(2, Math.ceil(withText * 0.5));
  return pages.map((p, i) => ({
    label: p.label,
    lines: p.lines.filter((l) => !edges[i]!.has(l) || (!PAGE_NUMBER.test(l.text) && (seen.get(key(l.text)) ?? 0) < threshold)),
  }));
}
