/**
 * A quote compilation: a web page whose body is a run of ALL-CAPS editorial headings, each
 * followed by quoted excerpts; every excerpt (one or more paragraphs, one physical line each)
 * is closed by a one-line bibliographic citation naming the quoted work and its page.
 *
 *   HEADING      := line with no lowercase letter, blank line before AND after, length < 100
 *   QUOTE_UNIT   := [RESTRICTION] (CONTEXT_NOTE | QUOTE_PARA | NESTED_CITATION)+ CITATION
 *   CITATION     := "Surname, First. Title. Place: Publisher, [c]Year, p. N[-M]" (< 300 chars)
 *
 * Decisions:
 * - Every paragraph belongs to the NEXT citation line of its section, whatever the blank lines
 *   (dense and loose layouts). Paragraphs left after a section's last citation have no source
 *   and become `body` passages with `quotedFrom: null`.
 * - A line that is only a bracketed context note ("[Letter from … 1937]") or a parenthetical
 *   one in the middle of a unit ("(Akulov explains …)") is prefixed to the text of the next
 *   quote paragraph of its unit, the same way inline notes ("[At the … Plenum Stalin stated]:
 *   Comrades!") already read. A note with no paragraph after it in its unit (e.g.
 *   "[Footnote: …]" just before the citation) becomes its own `body` passage carrying the
 *   unit's citation.
 * - A parenthetical line opening a unit ("(Sinclair's comments only)") restricts the citation:
 *   it is appended to `quotedFrom.citation` and is not a passage.
 * - A nested citation (first-name-first author or a parenthesised imprint, e.g. "J. Arch
 *   Getty, Origins … (New York: …, 1985), p. 177.") followed by more paragraphs and a normal
 *   citation does not close the unit. It is the reference for the quotation just above it:
 *   the paragraphs right before it that open with a quotation mark get it as `quotedFrom`
 *   (its citation string ends "Quoted in: <carrier citation>"); the unit's other paragraphs
 *   before it (the lead-in) keep the carrier citation, with the nested one appended.
 * - A physical line starting in lowercase (not an "a) …" enumeration) after a line that does
 *   not end a sentence is a hard line break inside a paragraph and is joined to it.
 * - Page title (first line), image caption/alt lines before the first heading and the
 *   share/navigation footer are extras. The compilation has no pagination: `pages` is null;
 *   pages of the quoted works live in `quotedFrom.pages`.
 */
import { isBoilerplateLine } from '../boilerplate.ts';
import { toLines } from '../lines.ts';
import { endsSentence, joinBroken, normalizeSpaces } from '../text.ts';
import type { Profile, QuotedWork, SegExtra, SegPassage, SegSection } from '../types.ts';

// ---------------------------------------------------------------------------------------------
// Line classification
// ---------------------------------------------------------------------------------------------

/** Pages of the quoted work at the end of a citation: "p. 121", "p. 230-31", "Vol. 13, p. 110", "p. 141 [p. 121 on the NET]". */
const PAGES_TAIL = /(?:^|[\s,.])((?:Vol\.\s*[\dIVXLC]+,\s*)?pp?\.\s?[0-9ivxlc][^()]{0,45})$/u;
/** A publication year, optionally "c1999" (copyright). */
const YEAR = /(?:^|[\s,(.:])c?\s?((?:1[5-9]|20)\d\d)(?=$|[\s,.;:)\]])/gu;
const MAX_CITATION = 300;

/** "Place: Publisher" — the imprint colon of a citation ("Antwerp, Belgium: EPO"). */
const IMPRINT_COLON = /\p{L}\s?:\s\p{Lu}/u;

/** A one-line bibliographic citation: capitalised start, pages at the very end, and a year or an imprint. */
export function isCitationLine(text: string): boolean {
  if (text.length >= MAX_CITATION || !/^[\p{Lu}]/u.test(text)) return false;
  const m = PAGES_TAIL.exec(text);
  if (!m) return false;
  const head = text.slice(0, m.index + 1);
  YEAR.lastIndex = 0;
  return YEAR.test(head) || IMPRINT_COLON.test(head);
}

/** First-name-first author ("J. Arch Getty, …", "Anna Strong, …"), as in a footnote quoted inside an excerpt. */
const FIRST_NAME_FIRST = /^((?:\p{Lu}\.\s?)+(?:\p{Lu}[\p{Ll}'’-]+\s)*\p{Lu}[\p{Ll}'’-]+|\p{Lu}[\p{Ll}'’-]+(?:\s\p{Lu}\.)?\s\p{Lu}[\p{Ll}'’-]+),\s/u;
/** "(New York: Cambridge University Press, 1985)" — note-style imprint in parentheses. */
const PAREN_IMPRINT = /\([^()]*:\s[^()]*\b(?:1[5-9]|20)\d\d\)/u;

/** A citation written in footnote style rather than the compiler's "Surname, First. Title." style. */
export function isNestedCitationFormat(text: string): boolean {
  return FIRST_NAME_FIRST.test(text) || PAREN_IMPRINT.test(text);
}

/** A line that is only an editorial note in square brackets. */
const BRACKET_NOTE = /^\[[^[\]]+\][.,:;]?$/u;
/** A line that is only a parenthetical remark. */
const PAREN_NOTE = /^\([^()]+\)[.,:;]?$/u;

/** Heading: has a capital letter, no lowercase letter, shorter than 100 characters. */
function isHeadingText(text: string): boolean {
  return text.length > 0 && text.length < 100 && /\p{Lu}/u.test(text) && !/\p{Ll}/u.test(text);
}

/** "a) Of carrying …", "ii. …" — an enumeration item, not a continuation, even though it starts lowercase. */
const ENUMERATION = /^(?:\p{Ll}{1,3}[).]|\(\p{Ll}{1,3}\))\s/u;

// ---------------------------------------------------------------------------------------------
// Citation parsing
// ---------------------------------------------------------------------------------------------

const ROLE = /^(?:[Tt]rans(?:lated)?\.?|[Ee]ds?\.?|[Cc]omp\.?)(?:\s*(?:and|&)\s*(?:[Tt]rans\.?|[Ee]ds?\.?))?(?:[.,]?\s+|$)/u;
const ABBREVIATIONS = new Set(['Mr', 'Mrs', 'Dr', 'St', 'Vol', 'No', 'Co', 'Inc', 'Univ', 'Pub', 'ltd', 'Ltd', 'Bros']);

/** Is the period at `i` the end of an initial ("J.", the "U." of "G.P.U.") or an abbreviation? */
function isAbbreviationPeriod(s: string, i: number): boolean {
  let j = i;
  while (j > 0 && /[\p{L}]/u.test(s[j - 1]!)) j--;
  const word = s.slice(j, i);
  if (/^\p{Lu}$/u.test(word)) return true;
  return ABBREVIATIONS.has(word);
}

/** What follows a title: "Place: Publisher" or "Place, Region: Publisher". */
const PLACE_NEXT = /^\p{Lu}[^.:]{0,40}:\s/u;

/**
 * Index of the first boundary in `s` at or after `from`: ", " (when `comma`), or a [.?!]
 * (plus closing quote) followed by a space, a comma or the end, skipping initials and
 * abbreviations. Returns [start, end) of the boundary punctuation, or null.
 */
function findBoundary(s: string, from: number, comma: boolean): [number, number] | null {
  for (let i = from; i < s.length; i++) {
    const c = s[i]!;
    if (comma && c === ',' && s[i + 1] === ' ') return [i, i + 1];
    if (c === '.' || c === '?' || c === '!') {
      let k = i + 1;
      while (k < s.length && /["”’']/u.test(s[k]!)) k++;
      const after = s[k];
      const ok = after === undefined || after === ' ' || (c !== '.' && after === ',');
      if (!ok) continue;
      // "Comrade X. London: …" — a one-letter word before the imprint still ends the title.
      if (c === '.' && isAbbreviationPeriod(s, i) && !PLACE_NEXT.test(s.slice(k + 1))) continue;
      return [i, k];
    }
  }
  return null;
}

/** Given names after "Surname, ": "Anna L.", "W. G.", "John and Oleg Tsarev"; null when the words do not read as names. */
function readGivenNames(s: string): { given: string; rest: string } | null {
  const tokens = s.split(' ');
  const out: string[] = [];
  let coAuthor = false;
  for (let t = 0; t < tokens.length; t++) {
    const tok = tokens[t]!;
    if (!coAuthor && out.length > 0 && (tok === 'and' || tok === '&')) {
      coAuthor = true;
      out.push(tok);
      continue;
    }
    const initial = /^\p{Lu}\.(,?)$/u.exec(tok);
    if (initial) {
      out.push(tok.replace(/,$/, ''));
      const next = tokens[t + 1] ?? '';
      if (initial[1] === ',' || !/^\p{Lu}\.,?$/u.test(next)) {
        return { given: out.join(' '), rest: tokens.slice(t + 1).join(' ') };
      }
      continue;
    }
    const name = /^(\p{Lu}[\p{Ll}'’-]+)([.,]?)$/u.exec(tok);
    if (!name) return null;
    out.push(name[1]!);
    if (name[2]) return { given: out.join(' '), rest: tokens.slice(t + 1).join(' ') };
  }
  return null;
}

function stripRole(s: string): string {
  return s.replace(ROLE, '');
}

function parseAuthor(s: string): { author: string | null; rest: string } {
  const ff = FIRST_NAME_FIRST.exec(s);
  if (ff) {
    const names = ff[1]!.split(' ');
    const surname = names.pop()!;
    return { author: `${surname}, ${names.join(' ')}`, rest: stripRole(s.slice(ff[0].length)) };
  }
  const b = findBoundary(s, 0, true);
  if (!b) return { author: null, rest: s };
  const surname = s.slice(0, b[0]).trim();
  let rest = s.slice(b[1]).trimStart();
  const multi = /\s(?:and|&)\s/u.test(surname) || surname.split(' ').length > 2;
  if (s[b[0]] === ',' && !multi && !ROLE.test(rest)) {
    const g = readGivenNames(rest);
    if (g) return { author: `${surname}, ${g.given}`, rest: stripRole(g.rest.trimStart()) };
  }
  rest = stripRole(rest);
  return { author: surname, rest };
}

function cleanTitle(t: string): string | null {
  const s = t
    .trim()
    .replace(/[,;:]+$/u, '')
    .replace(/^["“‘']+|["”’']+$/gu, '')
    .replace(/\.$/u, '')
    .trim();
  return s.length > 0 ? s : null;
}

function parseTitle(rest: string): string | null {
  const r = rest.trim();
  const imprint = /\s*\([^()]*:\s[^()]*\)[.,]?$/u.exec(r);
  if (imprint) return cleanTitle(r.slice(0, imprint.index));
  const b = findBoundary(r, 0, false);
  if (b) return cleanTitle(r.slice(0, b[1]));
  // No sentence boundary: "Title, Place: Publisher, Year" or "Title: Place: Publisher, Year".
  const comma = r.indexOf(', ');
  const head = comma >= 0 ? r.slice(0, comma) : r;
  const twoColons = /^(.*?):\s[^:]+:\s[^:]+$/u.exec(head);
  return cleanTitle(twoColons ? twoColons[1]! : head);
}

/** Splits a citation line into author, title, year and pages (verbatim); `citation` is the whole line. */
export function parseCitation(line: string): QuotedWork {
  const citation = normalizeSpaces(line);
  let body = citation;
  let pages: string | null = null;
  const pm = PAGES_TAIL.exec(citation);
  if (pm) {
    pages = pm[1]!.trim().replace(/(\d)\.$/u, '$1');
    body = citation.slice(0, pm.index);
  }
  body = body.replace(/[\s,.;:]+$/u, '');
  let year: number | null = null;
  YEAR.lastIndex = 0;
  for (let m = YEAR.exec(body); m; m = YEAR.exec(body)) year = Number(m[1]);
  const { author, rest } = parseAuthor(body);
  return { citation, author, title: parseTitle(rest), year, pages };
}

// ---------------------------------------------------------------------------------------------
// Document structure
// ---------------------------------------------------------------------------------------------

interface Para {
  first: number;
  last: number;
  text: string;
}

type ItemKind = 'para' | 'note' | 'nested';
interface Item extends Para {
  kind: ItemKind;
}

/** One excerpt: its paragraphs/notes and the citation line that closes it (null: compiler text after the last citation). */
export interface QuoteUnit {
  sectionPath: string[];
  items: Array<{ kind: ItemKind; text: string; lines: [number, number] }>;
  citation: string | null;
  /** "(Sinclair's comments only)" — a restriction on the citation, from the unit's first line. */
  restriction: string | null;
  citationLine: number | null;
}

interface Structure {
  extras: SegExtra[];
  sections: Array<{ heading: string | null; paras: Para[] }>;
}

/** Index of the first footer line (a share/navigation line followed only by short non-citation lines), or lines.length. */
function findFooter(texts: string[]): number {
  let tailClean = texts.length;
  // Walk backwards while lines are short and not citations: the candidate region.
  for (let i = texts.length - 1; i >= 0; i--) {
    const t = texts[i]!;
    if (t === '') continue;
    if (t.length >= 150 || isCitationLine(t) || isHeadingText(t)) break;
    tailClean = i;
  }
  for (let i = tailClean; i < texts.length; i++) if (isBoilerplateLine(texts[i]!)) return i;
  return texts.length;
}

function readStructure(raw: string): Structure {
  const lines = toLines(raw);
  const texts = lines.map((l) => normalizeSpaces(l.text));
  const blank = (i: number): boolean => i < 0 || i >= texts.length || texts[i] === '';
  const end = findFooter(texts);
  const extras: SegExtra[] = [];

  const isHeading = (i: number): boolean => i < end && isHeadingText(texts[i]!) && blank(i - 1) && blank(i + 1);
  const nextNonBlank = (i: number): number => {
    let j = i + 1;
    while (j < end && texts[j] === '') j++;
    return j;
  };

  // Page title: the first line, unless it is the first editorial heading itself.
  let start = 0;
  while (start < end && texts[start] === '') start++;
  if (start < end && (!isHeading(start) || isHeading(nextNonBlank(start)))) {
    extras.push({ kind: 'front_matter', text: texts[start]! });
    start++;
  }

  const sections: Structure['sections'] = [];
  let current: { heading: string | null; paras: Para[] } = { heading: null, paras: [] };
  sections.push(current);
  let prevWasText = false;
  for (let i = start; i < end; i++) {
    const t = texts[i]!;
    if (t === '') {
      prevWasText = false;
      continue;
    }
    if (isHeading(i)) {
      current = { heading: t, paras: [] };
      sections.push(current);
      prevWasText = false;
      continue;
    }
    const prev = current.paras[current.paras.length - 1];
    if (
      prevWasText &&
      prev &&
      /^\p{Ll}/u.test(t) &&
      !ENUMERATION.test(t) &&
      !endsSentence(prev.text) &&
      !isCitationLine(prev.text) &&
      !BRACKET_NOTE.test(prev.text)
    ) {
      prev.text = joinBroken(prev.text, t);
      prev.last = i + 1;
    } else {
      current.paras.push({ first: i + 1, last: i + 1, text: t });
    }
    prevWasText = true;
  }
  for (let i = end; i < texts.length; i++) {
    const t = texts[i]!;
    if (t !== '' && t !== texts[i - 1]) extras.push({ kind: 'boilerplate', text: t });
  }

  // Before the first heading: image caption/alt lines (a line repeated verbatim, or a short
  // line that is not a sentence and not part of a cited excerpt) are captions, not content.
  const pre = sections[0]!;
  const lastCitation = pre.paras.map((p) => isCitationLine(p.text)).lastIndexOf(true);
  const seen = new Set<string>();
  pre.paras = pre.paras.filter((p, k) => {
    const repeated = pre.paras.some((q, m) => m !== k && Math.abs(m - k) === 1 && q.text === p.text);
    const captionLike = k > lastCitation && p.text.length < 100 && !endsSentence(p.text) && !BRACKET_NOTE.test(p.text);
    if (!repeated && !captionLike) return true;
    if (!seen.has(p.text)) extras.push({ kind: 'caption', text: p.text });
    seen.add(p.text);
    return false;
  });
  return { extras, sections };
}

function unitsOfSection(heading: string | null, paras: Para[]): QuoteUnit[] {
  const path = heading === null ? [] : [heading];
  const citation = paras.map((p) => isCitationLine(p.text));
  // A nested (footnote-style) citation closes nothing when text and a compiler-style citation follow it.
  const nested = paras.map((p, k) => {
    if (!citation[k] || !isNestedCitationFormat(p.text)) return false;
    let sawText = false;
    for (let m = k + 1; m < paras.length; m++) {
      if (citation[m]) return sawText && !isNestedCitationFormat(paras[m]!.text);
      sawText = true;
    }
    return false;
  });
  const units: QuoteUnit[] = [];
  let items: Item[] = [];
  let restriction: Para | null = null;
  paras.forEach((p, k) => {
    const text = p.text;
    if (citation[k] && !nested[k]) {
      units.push(toUnit(path, items, text, restriction?.text ?? null, p.first));
      items = [];
      restriction = null;
    } else if (nested[k]) {
      items.push({ ...p, kind: 'nested' });
    } else if (PAREN_NOTE.test(text) && restriction === null && (items.length === 0 || /\bonly\b/iu.test(text))) {
      restriction = p;
    } else if (BRACKET_NOTE.test(text) || PAREN_NOTE.test(text)) {
      items.push({ ...p, kind: 'note' });
    } else {
      items.push({ ...p, kind: 'para' });
    }
  });
  if (items.length > 0 || restriction !== null) {
    // No citation follows: a restriction note has nothing to restrict and is kept as text.
    if (restriction !== null) items.unshift({ ...(restriction as Para), kind: 'note' });
    units.push(toUnit(path, items, null, null, null));
  }
  return units;
}

function toUnit(path: string[], items: Item[], citation: string | null, restriction: string | null, line: number | null): QuoteUnit {
  return {
    sectionPath: path,
    items: items.map((it) => ({ kind: it.kind, text: it.text, lines: [it.first, it.last] })),
    citation,
    restriction,
    citationLine: line,
  };
}

/** The excerpts of a quote compilation, in order, each with the citation that closes it. */
export function readQuoteUnits(raw: string): { units: QuoteUnit[]; headings: string[]; extras: SegExtra[] } {
  const { extras, sections } = readStructure(raw);
  const units = sections.flatMap((s) => unitsOfSection(s.heading, s.paras));
  const headings = sections.flatMap((s) => (s.heading === null ? [] : [s.heading]));
  return { units, headings, extras };
}

const OPENS_QUOTATION = /^["“‘«]/u;

function unitPassages(unit: QuoteUnit, parse: (line: string) => QuotedWork): SegPassage[] {
  const carrier = unit.citation === null ? null : parse(unit.citation);
  if (carrier && unit.restriction) carrier.citation = `${carrier.citation} ${unit.restriction}`;
  const out: Array<{ passage: SegPassage; opensQuote: boolean }> = [];
  const make = (kind: SegPassage['kind'], text: string, lines: [number, number]): SegPassage => ({
    kind,
    sectionPath: [...unit.sectionPath],
    text,
    pages: null,
    speaker: null,
    quotedFrom: carrier ? { ...carrier } : null,
    notes: [],
    lines,
  });
  const kind: SegPassage['kind'] = carrier ? 'quote' : 'body';
  let notes: Array<{ text: string; lines: [number, number] }> = [];
  let segmentStart = 0;
  for (const item of unit.items) {
    if (item.kind === 'note') {
      notes.push({ text: item.text, lines: item.lines });
    } else if (item.kind === 'para') {
      const first = notes[0]?.lines[0] ?? item.lines[0];
      const text = [...notes.map((n) => n.text), item.text].join(' ');
      out.push({ passage: make(kind, text, [first, item.lines[1]]), opensQuote: OPENS_QUOTATION.test(item.text) });
      notes = [];
    } else {
      // Nested citation: the reference for the quotation right above it.
      const segment = out.slice(segmentStart);
      let k = segment.length;
      while (k > 0 && segment[k - 1]!.opensQuote) k--;
      const nestedWork = parse(item.text);
      if (carrier) nestedWork.citation = `${nestedWork.citation} Quoted in: ${carrier.citation}`;
      segment.forEach((s, m) => {
        if (m >= k) s.passage.quotedFrom = { ...nestedWork };
        else if (s.passage.quotedFrom) s.passage.quotedFrom.citation += ` Citing: ${item.text}`;
        else s.passage.quotedFrom = { ...nestedWork };
      });
      segmentStart = out.length;
    }
  }
  if (notes.length > 0) {
    const first = notes[0]!.lines[0];
    out.push({ passage: make('body', notes.map((n) => n.text).join(' '), [first, notes[notes.length - 1]!.lines[1]]), opensQuote: false });
  }
  carryLeadIn(out.map((o) => o.passage));
  return out.map((o) => o.passage);
}

/** A bracketed lead-in opening an excerpt: "[Jan. 13, 1937 telegram by Stalin …]". */
export const LEAD_IN = /^\[([^\]]{2,160})\]/u;

/**
 * An excerpt's lead-in ("[Jan. 13, 1937 telegram by Stalin removing Postyshev from Kiev]") heads
 * its first paragraph; the paragraphs after it, quoting the same work, are marked with it too, so
 * the telegram's second paragraph is Stalin's as its first is.
 */
function carryLeadIn(passages: SegPassage[]): void {
  let lead: { text: string; citation: string } | null = null;
  for (const p of passages) {
    if (p.kind !== 'quote' || !p.quotedFrom) {
      lead = null;
      continue;
    }
    const own = LEAD_IN.exec(p.text.trimStart());
    if (own) lead = { text: own[1]!, citation: p.quotedFrom.citation };
    else if (lead && lead.citation === p.quotedFrom.citation) p.quotedFrom.leadIn = lead.text;
  }
}

export const segmentQuoteCompilation: Profile = (raw) => {
  const { units, headings, extras } = readQuoteUnits(raw);
  // The same citation line recurs often (one book, many excerpts): parse each distinct line once.
  const cache = new Map<string, QuotedWork>();
  const parse = (line: string): QuotedWork => {
    let work = cache.get(line);
    if (!work) cache.set(line, (work = parseCitation(line)));
    return { ...work };
  };
  const passages = units.flatMap((u) => unitPassages(u, parse));
  const sections: SegSection[] = headings.map((h) => ({ path: [h], pages: null }));
  if (passages.some((p) => p.sectionPath.length === 0)) sections.unshift({ path: [], pages: null });
  return { sections, passages, extras, indexEntries: [] };
};
