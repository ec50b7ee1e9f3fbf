/**
 * PDF text items (runs of glyphs with a position and size) grouped into physical lines. A small
 * number raised above a line is kept as a possible note marker token, for pdf-notes.ts to judge.
 */

/** The part of PDF.js's TextItem this module reads. */
export interface PdfTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

export interface PdfLine {
  text: string;
  /** Left edge, right edge and baseline in PDF units (y grows upwards). */
  x: number;
  right: number;
  y: number;
  /** Font size of the line's main text. */
  size: number;
}

const SUP_OPEN = '\uE020';
const SUP_CLOSE = '\uE021';
export const SUP_TOKEN = /\uE020(\d{1,3})\uE021/g;
export const LEADING_SUP = /^\uE020(\d{1,3})\uE021\s*/;

const supToken = (digits: string): string => `${SUP_OPEN}${digits}${SUP_CLOSE}`;

/** Marker tokens turned back into the digits they were. */
export function supsAsDigits(s: string): string {
  return s.replace(SUP_TOKEN, '$1');
}

interface Run {
  str: string;
  x: number;
  y: number;
  w: number;
  size: number;
}

function isRaisedNumber(run: Run, line: PdfLine): boolean {
  return /^\d{1,3}$/.test(run.str.trim()) && run.size < line.size * 0.85 && run.y > line.y + line.size * 0.15 && run.y < line.y + line.size;
}

function sameLine(run: Run, line: PdfLine): boolean {
  const size = Math.max(run.size, line.size);
  return Math.abs(run.y - line.y) <= size * 0.5 || (run.y > line.y && run.y < line.y + size * 0.8 && run.size < line.size);
}

function append(line: PdfLine, run: Run, text: string): void {
  const gap = run.x - line.right;
  if (gap > run.size * 0.15 && !line.text.endsWith(' ') && !text.startsWith(' ')) line.text += ' ';
  line.text += text;
  line.right = Math.max(line.right, run.x + run.w);
}

/** Groups a page's items, in content order, into lines. */
export function toPdfLines(items: PdfTextItem[]): PdfLine[] {
  const lines: PdfLine[] = [];
  // Characters set in each size, per line: a line's size is the one most of its text is set in (not a bullet's).
  const sized = new Map<PdfLine, Map<number, number>>();
  const weigh = (line: PdfLine, run: Run): void => {
    const sizes = sized.get(line) ?? new Map<number, number>();
    sizes.set(run.size, (sizes.get(run.size) ?? 0) + run.str.trim().length);
    sized.set(line, sizes);
  };
  let cur: PdfLine | null = null;
  for (const item of items) {
    const t = item.transform;
    const run: Run = { str: item.str, x: t[4] ?? 0, y: t[5] ?? 0, w: item.width, size: item.height || Math.hypot(t[2] ?? 0, t[3] ?? 0) };
    if (!run.str) continue;
    if (!run.str.trim()) {
      if (cur && !cur.text.endsWith(' ')) cur.text += ' ';
      continue;
    }
    if (cur && run.x >= cur.x - run.size && sameLine(run, cur)) {
      if (isRaisedNumber(run, cur)) {
        append(cur, run, supToken(run.str.trim()));
        continue;
      }
      // A line that began with a small raised number ("¹ Barsenkov …") takes its baseline from the words.
      if (run.size > cur.size * 1.2 && /^\d{1,3}$/.test(cur.text.trim())) {
        cur.text = supToken(cur.text.trim());
        sized.delete(cur);
        cur.y = run.y;
      }
      if (run.size > cur.size) cur.size = run.size;
      append(cur, run, run.str);
      weigh(cur, run);
      continue;
    }
    cur = { text: run.str, x: run.x, right: run.x + run.w, y: run.y, size: run.size };
    weigh(cur, run);
    lines.push(cur);
  }
  return lines.flatMap((l) => {
    const text = l.text.replace(/\s+/g, ' ').trim();
    const sizes = [...(sized.get(l) ?? new Map<number, number>()).entries()].sort((a, b) => b[1] - a[1]);
    return text ? [{ ...l, text, size: sizes[0]?.[0] ?? l.size }] : [];
  });
}
