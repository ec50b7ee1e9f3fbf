/** Last touches on a reading: metadata filled in from the text itself, and warnings about its quality. */
import { brokenWordRate } from './hyphenation.ts';
import { emptyMeta, findDoi, normalizeDate } from './meta.ts';
import type { ReadingFormat, ReadingMeta } from './types.ts';

/** Share of broken-looking words above which a PDF's text layer is suspect. */
const BROKEN_RATE = 0.08;

/** The text of the first pages (up to the fourth page line), or the first 20,000 characters. */
function opening(markdown: string): string {
  const fourth = [...markdown.matchAll(/^<!-- page [^>]*-->$/gm)][3];
  return markdown.slice(0, fourth?.index ?? 20_000);
}

/**
 * A title from the text: its first heading, else (in a text file) one of its first lines that is short,
 * not a date line ("Thursday, August 29, 2019") and not ended like a sentence ("?" and "!" may end titles).
 */
function titleFromText(markdown: string, format: ReadingFormat): string | null {
  const heading = /^#{1,3} (.+)$/m.exec(markdown);
  if (heading) return heading[1]!.replace(/\[\^[^\]]+\]/g, '').trim();
  if (format !== 'text' && format !== 'markdown') return null;
  const lines = markdown.split('\n').filter((l) => l.trim() && !l.startsWith('<!--'));
  const isDate = (l: string): boolean => /\b\d{4}\b/.test(l) && l.split(/\s+/).length <= 5 && normalizeDate(l) !== null;
  const first = lines.slice(0, 3).find((l) => !isDate(l));
  return first && first.length <= 150 && !/[.,;:]$/.test(first) && !/^[>\\-]/.test(first) ? first.trim() : null;
}

export function completeMeta(partial: Partial<ReadingMeta>, markdown: string, format: ReadingFormat): ReadingMeta {
  const meta = { ...emptyMeta(), ...Object.fromEntries(Object.entries(partial).filter(([, v]) => v !== undefined)) } as ReadingMeta;
  meta.title ??= titleFromText(markdown, format);
  meta.doi ??= findDoi(opening(markdown));
  meta.year ??= meta.date ? Number(meta.date.slice(0, 4)) : null;
  return meta;
}

export function qualityWarnings(format: ReadingFormat, markdown: string, meta: ReadingMeta): string[] {
  const warnings: string[] = [];
  if (format === 'pdf') {
    const rate = brokenWordRate(markdown);
    if (rate > BROKEN_RATE) warnings.push(`${Math.round(rate * 100)}% of the words look broken: the PDF's text layer may be damaged; check the text`);
  }
  if (!meta.title) warnings.push('no title found');
  return warnings;
}
