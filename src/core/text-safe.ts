/**
 * Text at the boundary: well-formed (no lone UTF-16 surrogate, which SQLite would turn into three
 * U+FFFD and so lengthen) and cut only between graphemes (never inside an emoji or a letter with
 * its accents). Every cut of user or corpus text goes through `clip`.
 */
const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

export function wellFormed(s: string): string {
  return s.isWellFormed() ? s : s.toWellFormed();
}

/** At most `max` UTF-16 code units, ending between graphemes; `ellipsis` is added (within `max`) when cut. */
export function clip(s: string, max: number, ellipsis = ''): string {
  const text = wellFormed(s);
  if (text.length <= max) return text;
  const room = Math.max(0, max - ellipsis.length);
  let end = 0;
  for (const g of graphemes.segment(text)) {
    if (g.index + g.segment.length > room) break;
    end = g.index + g.segment.length;
  }
  return text.slice(0, end) + ellipsis;
}
