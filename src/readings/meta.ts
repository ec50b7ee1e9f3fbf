/** Metadata values as documents give them (author strings, date strings, DOIs) made uniform. */
import { normalizeSpaces } from '../segment/text.ts';
import type { Author, ReadingMeta } from './types.ts';

export function emptyMeta(): ReadingMeta {
  return { title: null, authors: [], year: null, date: null, publisher: null, outlet: null, doi: null, url: null };
}

/** A trimmed value, or null for empty and placeholder values. */
export function clean(s: string | null | undefined): string | null {
  const t = normalizeSpaces(s ?? '');
  return t && !/^(untitled|unknown|none|null|n\/a|-)$/i.test(t) ? t : null;
}

/** Titles that are really file names or word-processor boilerplate ("Microsoft Word - draft3.docx"). */
export function cleanTitle(s: string | null | undefined): string | null {
  const t = clean(s);
  if (!t) return null;
  if (/^microsoft (word|powerpoint)\s*-/i.test(t) || /\.(docx?|pdf|odt|rtf|txt|html?|indd|tex)$/i.test(t)) return null;
  return t;
}

const PARTICLES = new Set(['van', 'von', 'de', 'der', 'den', 'di', 'da', 'del', 'della', 'du', 'la', 'le', 'ten', 'ter', 'bin', 'ibn', 'al']);

/** "Jan Reiman" and "Reiman, Jan" both → {family: "Reiman", given: "Jan"}; "Ludwig van Beethoven" keeps "van" with the family name. */
export function parseAuthor(raw: string): Author | null {
  const s = normalizeSpaces(raw.replace(/^by\s+/i, '').replace(/\s*\([^)]*\)\s*$/, ''));
  if (!s || !/\p{L}/u.test(s)) return null;
  const comma = s.split(/\s*,\s*/);
  if (comma.length === 2 && comma[0] && comma[1]) return { family: comma[0], given: comma[1] };
  const words = s.split(' ');
  if (words.length === 1) return { family: s, given: '' };
  let start = words.length - 1;
  while (start > 1 && PARTICLES.has(words[start - 1]!.toLowerCase())) start--;
  return { family: words.slice(start).join(' '), given: words.slice(0, start).join(' ') };
}

/**
 * One author field that may name several people: "A; B", "A and B", "A & B", "Reiman, Jan" (one
 * person, inverted) or "Jan Reiman, Bob Smith" (two people, each of several words).
 */
export function parseAuthors(raw: string | string[] | null | undefined): Author[] {
  const fields = (Array.isArray(raw) ? raw : [raw ?? '']).flatMap((f) => f.split(/\s*(?:;|\band\b|&|\bund\b)\s*/i));
  const names = fields.flatMap((f) => {
    const parts = f.split(/\s*,\s*/).filter(Boolean);
    return parts.length > 1 && parts.every((p) => p.includes(' ')) ? parts : [f];
  });
  const seen = new Set<string>();
  return names.flatMap((n) => {
    const a = parseAuthor(n);
    const key = a && `${a.family}|${a.given}`.toLowerCase();
    if (!a || !key || seen.has(key)) return [];
    seen.add(key);
    return [a];
  });
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const pad = (n: number): string => String(n).padStart(2, '0');

function ymd(y: number, m?: number, d?: number): string | null {
  if (y < 1000 || y > 2100) return null;
  if (!m) return String(y);
  if (m < 1 || m > 12) return String(y);
  if (!d || d < 1 || d > 31) return `${y}-${pad(m)}`;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/** "2016-05-01T10:00Z", "D:20160501…", "2016/5/1", "29 August 2019", "August 29, 2019", "2016" → YYYY[-MM[-DD]]. */
export function normalizeDate(raw: string | null | undefined): string | null {
  const s = (raw ?? '').trim();
  if (!s) return null;
  const pdf = /^D:(\d{4})(\d{2})?(\d{2})?/.exec(s);
  if (pdf) return ymd(Number(pdf[1]), Number(pdf[2] ?? 0), Number(pdf[3] ?? 0));
  const iso = /^(\d{4})(?:[-/.](\d{1,2})(?:[-/.](\d{1,2}))?)?(?:$|[T\s])/.exec(s);
  if (iso) return ymd(Number(iso[1]), Number(iso[2] ?? 0), Number(iso[3] ?? 0));
  const month = (name: string): number => MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
  const dmy = /\b(\d{1,2})\.?\s+([A-Za-z]{3,})\.?,?\s+(\d{4})\b/.exec(s);
  if (dmy && month(dmy[2]!)) return ymd(Number(dmy[3]), month(dmy[2]!), Number(dmy[1]));
  const mdy = /\b([A-Za-z]{3,})\.?\s+(\d{1,2}),?\s+(\d{4})\b/.exec(s);
  if (mdy && month(mdy[1]!)) return ymd(Number(mdy[3]), month(mdy[1]!), Number(mdy[2]));
  const my = /\b([A-Za-z]{3,})\.?\s+(\d{4})\b/.exec(s);
  if (my && month(my[1]!)) return ymd(Number(my[2]), month(my[1]!));
  const year = /\b(1[5-9]\d\d|20\d\d)\b/.exec(s);
  return year ? ymd(Number(year[1])) : null;
}

const DOI = /\b(10\.\d{4,9}\/[^\s"'<>]+)/;

/** The first DOI in a string ("doi:10.1000/xyz", "https://doi.org/10.1000/xyz."), without trailing punctuation. */
export function findDoi(text: string | null | undefined): string | null {
  const m = DOI.exec(text ?? '');
  return m ? m[1]!.replace(/[.,;:)\]]+$/, '') : null;
}

/** Fills the fields `base` lacks from `more`, field by field. */
export function mergeMeta(base: Partial<ReadingMeta>, more: Partial<ReadingMeta>): Partial<ReadingMeta> {
  const out: Partial<ReadingMeta> = { ...base };
  for (const [k, v] of Object.entries(more) as [keyof ReadingMeta, never][]) {
    const have = out[k];
    if (v !== null && v !== undefined && (have === null || have === undefined || (Array.isArray(have) && have.length === 0))) out[k] = v;
  }
  return out;
}
