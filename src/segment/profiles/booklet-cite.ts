/**
 * Reading a bibliographic endnote ("Zhukov, *Inoi Stalin*, 449.") into a QuotedWork.
 * Used by the booklet profile; general for Chicago-style notes: author(s), a title in
 * *italics* or “quotes”, a publisher parenthetical with a year, then the cited pages.
 */
import type { QuotedWork } from '../types.ts';
import { normalizeSpaces, stripEmphasis } from '../text.ts';

const DATE =
  /\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?\s+\d{1,2},\s*\d{4}\b/g;
const PAGES = String.raw`((?:(?:pp?|chap|paras?|pt)\.\s*)?\d+(?:[–-]\d+)?(?:ff)?(?:,\s*\d+(?:[–-]\d+)?(?:ff)?)*)`;
const PAGES_AT_END = new RegExp(String.raw`(?:^|,)\s*${PAGES}$`);
/** "Furr, *Khrushchev Lied*, 51–52, points out that …": pages right after the title, then a remark. */
const PAGES_THEN_REMARK = new RegExp(String.raw`^,\s*${PAGES}(?=,\s+\p{Ll})`, 'u');
const YEAR = /\b(1[5-9]\d\d|20[0-4]\d)\b/g;
const URL = /<[^>\s]*>|\bhttps?:\/\/\S+/g;

interface TitleHit {
  title: string;
  start: number;
  end: number;
}

/** Titles: `*Italic title*`, or a short “quoted title,” (a long quoted passage is a quotation, not a title). */
function findTitle(raw: string, from = 0): TitleHit | null {
  const re = /\*([^*]+)\*|[“"]([^”"]{2,160}?)[”"]/g;
  re.lastIndex = from;
  for (let m = re.exec(raw); m; m = re.exec(raw)) {
    const t = (m[1] ?? m[2] ?? '').trim();
    if (m[2] !== undefined && /[.?!]\s+\p{Lu}/u.test(t)) continue; // a quoted sentence, not a title
    if (t.length < 2) continue;
    return { title: t.replace(/[,.;:]+$/, '').trim(), start: m.index, end: m.index + m[0].length };
  }
  // An italic title left unclosed across a line break ("*Klubok … zagovo-" + "ry i …  (Moscow").
  const open = /\*([^*(]{4,}?)\s*\(/.exec(raw.slice(from));
  if (open?.[1]) {
    const start = from + open.index;
    return { title: open[1].trim(), start, end: start + 1 + open[1].length };
  }
  return null;
}

const NAME_TOKEN = /^(?:\p{Lu}[\p{L}'’.-]*|(?:\p{Lu}\.)+(?:\p{Lu}[\p{L}'’-]*)?|[A-Z][a-z]?\.(?:[A-Z][a-z]?\.)*|and|de|von|van|der|la|le|du|et|al\.)$/u;

/** The names at the end of the text before the title ("… quoted in I. Deutscher, " → "I. Deutscher"). */
function trailingNames(prefix: string): string | null {
  const p = prefix
    .replace(/[\s,:;]+$/, '')
    .replace(/,?\s*\beds?\.$/, '')
    .replace(/,?\s*\d{4}:?$/, '')
    .replace(/[\s,:;]+$/, '');
  if (!p) return null;
  const tokens = p.split(/\s+/);
  const out: string[] = [];
  for (let i = tokens.length - 1; i >= 0; i--) {
    const tok = tokens[i] ?? '';
    const bare = tok.replace(/,$/, '');
    if (!NAME_TOKEN.test(bare)) break;
    out.unshift(tok);
  }
  while (out.length && /^(and|de|von|van|der|la|le|du|et)$/.test(out[0] ?? '')) out.shift();
  const name = out.join(' ').replace(/,$/, '').trim();
  if (!name || /^(See|Cf|In|The)$/i.test(name)) return null;
  return name;
}

/** Does this note point to a work (title, URL or cited pages) rather than tell the author's own testimony? */
export function isBibliographic(raw: string): boolean {
  return findTitle(raw) !== null || /https?:\/\//.test(raw);
}

/**
 * Parses a note into the quoted work. `raw` keeps the `*italic*` markers (they delimit titles);
 * `clean` is the note text as stored (the citation).
 */
export function parseCitation(raw: string, clean: string): QuotedWork | null {
  if (!isBibliographic(raw)) return null;
  const body = raw.replace(/^\s*See(?:,?\s+for example,?)?\s+/i, '');
  // "X, quoted in / cited by Y, *Title*": when X names no work, the work is Y's.
  let hit = findTitle(body);
  const via = /\b(?:quoted|cited)\s+(?:in|by)\s+/i.exec(body);
  if (via && (!hit || hit.start > via.index)) {
    const after = findTitle(body, via.index + via[0].length);
    if (after) hit = after;
  }
  if (!hit) {
    return { citation: clean, author: null, title: null, year: null, pages: null };
  }
  const prefix = body.slice(0, hit.start);
  // The author is the run of names right before the title, unless the prefix ends in " in " (a piece "in" a volume).
  const author = /\bin\s*$/.test(prefix) ? null : trailingNames(stripEmphasis(prefix));
  // The rest of this reference: up to "; ", a new sentence, or a dash aside.
  let tail = body.slice(hit.end);
  const cut = /;\s|(?<=[\p{Ll}\d]{2}|\))\.\s+(?=\p{Lu})|\s—|,\s+(?:citing|quoting|quoted|cited|see|published)\b/u.exec(tail);
  if (cut) tail = tail.slice(0, cut.index);
  tail = stripEmphasis(tail)
    .replace(URL, '')
    .replace(/[\s.,]+$/, '');
  // Dates ("June 30, 1992") are not pages; they only give the year.
  const undated = tail.replace(DATE, ' DATE');
  const pm = PAGES_AT_END.exec(undated) ?? PAGES_THEN_REMARK.exec(undated);
  const pages = pm?.[1] ?? null;
  const before = pm ? undated.slice(0, pm.index) : undated;
  const years = [...before.matchAll(YEAR)];
  const dated = [...(tail.match(DATE) ?? []).join(' ').matchAll(YEAR)];
  const lastYear = years[years.length - 1] ?? dated[dated.length - 1];
  const year = lastYear?.[1] ? Number(lastYear[1]) : null;
  return {
    citation: clean,
    author,
    title: normalizeSpaces(stripEmphasis(hit.title)) || null,
    year,
    pages,
  };
}
