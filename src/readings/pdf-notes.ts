/**
 * Footnotes of a PDF page. Raised numbers are hard to trust (exponents, ordinals, stray glyphs), so a
 * note is only taken when it is clear: a run of smaller lines at the bottom of the page, starting with
 * a number, whose number also stands raised in the page's text. Anything less stays as printed.
 */
import { LEADING_SUP, type PdfLine, SUP_TOKEN, supsAsDigits } from './pdf-lines.ts';

export interface PageNotes {
  body: PdfLine[];
  /** Printed number → note text. */
  notes: Map<string, string>;
  /** Text before the first numbered note line: the previous page's last note, continued. */
  carried: string;
}

const NUMBERED = /^(\d{1,3})[.)]?\s+(?=\S)/;

function noteStart(text: string): { n: string; rest: string } | null {
  const m = LEADING_SUP.exec(text) ?? NUMBERED.exec(text);
  return m ? { n: m[1]!, rest: text.slice(m[0].length) } : null;
}

export function splitNotes(lines: PdfLine[], bodySize: number): PageNotes {
  let start = lines.length;
  while (start > 0 && lines[start - 1]!.size <= bodySize * 0.9) start--;
  const block = lines.slice(start);
  const firstNumbered = block.findIndex((l) => noteStart(l.text));
  const none: PageNotes = { body: lines, notes: new Map(), carried: '' };
  if (start === 0 || firstNumbered < 0) return none;

  const notes = new Map<string, string>();
  let current: string | null = null;
  for (const line of block.slice(firstNumbered)) {
    const s = noteStart(line.text);
    if (s && !notes.has(s.n)) {
      current = s.n;
      notes.set(current, supsAsDigits(s.rest));
    } else if (current) notes.set(current, `${notes.get(current)} ${supsAsDigits(line.text)}`);
  }
  const body = lines.slice(0, start);
  const marked = new Set(body.flatMap((l) => [...l.text.matchAll(SUP_TOKEN)].map((m) => m[1]!)));
  if (![...notes.keys()].some((n) => marked.has(n))) return none;
  const carried = block
    .slice(0, firstNumbered)
    .map((l) => supsAsDigits(l.text))
    .join(' ');
  return { body, notes, carried };
}
