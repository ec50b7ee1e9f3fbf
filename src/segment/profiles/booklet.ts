/**
 * Format profile "booklet": a plain-text booklet converted from print.
 *
 * - Headings are plain lines, recognised by matching them against the booklet's own
 *   CONTENTS table ("Title<TAB>page" or "Title.....page"); `PART n` entries are level 1.
 * - Paragraphs are single physical lines; a page break shows up as a blank line inside a
 *   paragraph (with or without a soft hyphen). Those splits are rejoined.
 * - Endnote markers are Unicode superscript digits glued to words; the notes follow an
 *   ENDNOTES heading as `N. text` (a note may run over several lines).
 * - A box between two `* * *` rules is a sidebar; a run of tab-separated lines is a table
 *   (with a preceding "Fig N." caption); lines opening with a dash are list items.
 * - Pages: section ranges from CONTENTS. A passage's pages are an estimate, always
 *   `approximate: true`: it starts at its section's page plus the page breaks counted before
 *   it (each rejoined split is one page turn) and ends that many pages later as it has page
 *   breaks of its own, both clamped to the section's range.
 */
import type { PageRange, PassageKind, Profile, QuotedWork, SegExtra, SegNote, SegPassage, SegSection, SegmentedSource } from '../types.ts';
import { endsSentence, foldForMatch, joinBroken, normalizeSpaces, startsAsContinuation, stripEmphasis, superscriptToDigits } from '../text.ts';
import { isBibliographic, parseCitation } from './booklet-cite.ts';

type EntryKind = 'part' | 'section' | 'back';

interface TocEntry {
  title: string;
  page: number;
  kind: EntryKind;
  fold: string;
  index: number;
}

const SUP = /[⁰¹²³⁴-⁹]+/gu;
const TOC_LINE = /^(.+?)(?:[ \t]*\.{2,}[ \t]*|\t+[ \t]*| {2,})(\d{1,4})\s*$/;
const PART = /^(?:part|book)\s+(?:\d+|[ivxlc]+|one|two|three|four|five|six|seven|eight|nine|ten)\b/i;
const BACK = /^(?:end\s*notes|notes|bibliography|references|index|further reading|sources)$/i;
const RULE = /^\s*(?:\*\s*){3,}$/;
const BULLET = /^[—–•‣▪-]\s+/;
const CAPTION = /^(?:fig\.?|figure|table|illustration)\s*\d+[a-z]?\b/i;
const FRONT_CAPTION = /^(?:cover|frontispiece|cover (?:image|photo|illustration))\s*:/i;
/** A box (sidebar) is short; two rules further apart than this are scene breaks, not a box. */
const MAX_BOX_ITEMS = 60;
const NOTE_START = /^(\d{1,4})\.\s+(.*)$/;
/** A quotation opens the paragraph (a ‘ before a decade, as in ‘80s, is an apostrophe). */
const OPENS_QUOTE = /^(?:[“"«]|[‘'](?!\d0s\b))/u;
const CLOSES_QUOTE = /[”"’'»][.,;:!?…)\]]*$/u;

/** Cleans a piece of text for display: emphasis markers and stray asterisks removed, spaces normalised. */
function clean(s: string): string {
  if (!s.includes('*')) return normalizeSpaces(s);
  const t = stripEmphasis(s).replace(/(^|\s)\*+(?=\S)|(?<=\S)\*+(?=[\s.,;:!?)”"’']|$)/gu, '$1');
  return normalizeSpaces(t);
}

/** Does a paragraph end where a paragraph may end? "etc." at the end of a paragraph is a sentence end. */
function endsParagraph(text: string): boolean {
  return endsSentence(text) || /\betc\.[”"’')\]]*$/u.test(text.trimEnd());
}

/** Text to test joins on: markup and note markers removed. */
function probe(raw: string): string {
  return stripEmphasis(raw.slice(-300)).replace(SUP, '').replace(/\*+/g, '').trim();
}

/** Joins across a page break; also repairs a soft hyphen left before a closing italic marker ("zagovo-*"). */
function joinPieces(prev: string, next: string): string {
  const p = prev.trimEnd();
  const n = next.trimStart();
  const starred = /\p{L}-(\*{1,2})$/u.exec(p.slice(-4));
  if (starred?.[1] && /^\p{Ll}/u.test(n)) return p.slice(0, -(1 + starred[1].length)) + n;
  return joinBroken(p, n);
}

function shouldJoin(prevRaw: string, next: string): boolean {
  const prev = probe(prevRaw);
  const nxt = next.trimStart();
  if (/\p{L}-\**$/u.test(prevRaw.slice(-8).trimEnd()) && /^\p{Ll}/u.test(nxt)) return true; // soft hyphen
  if (BULLET.test(nxt)) return false; // a list item starts
  if (OPENS_QUOTE.test(nxt)) return false; // a block quotation after its lead-in stays separate
  if (!endsParagraph(prev)) return true;
  return startsAsContinuation(nxt);
}

function parseToc(lines: string[]): { entries: TocEntry[]; start: number; end: number } | null {
  const start = lines.findIndex((l) => /^(?:table of )?contents$/.test(foldForMatch(l)));
  if (start < 0) return null;
  const entries: TocEntry[] = [];
  let end = start;
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (!line.trim()) {
      if (entries.length) break;
      continue;
    }
    const m = TOC_LINE.exec(line);
    if (!m?.[1] || !m[2]) break;
    const title = clean(m[1]).replace(/\s*\.{2,}$/, '');
    const kind: EntryKind = PART.test(title) ? 'part' : BACK.test(title) ? 'back' : 'section';
    entries.push({ title, page: Number(m[2]), kind, fold: foldForMatch(title), index: entries.length });
    end = i;
  }
  return entries.length ? { entries, start, end } : null;
}

interface Building {
  kind: PassageKind;
  raw: string;
  first: number;
  last: number;
  unit: number;
  breaksBefore: number;
  /** Page breaks rejoined inside this passage. */
  breaksInside: number;
}

interface Unit {
  path: string[];
  entry: number;
  start: number | null;
  next: number | null;
  breaks: number;
  isPart: boolean;
  partUnit: number;
}

type Item =
  | { t: 'heading'; line: number; entry: TocEntry; text: string }
  | { t: 'rule'; line: number }
  | { t: 'text'; line: number; text: string; afterBlank: boolean }
  | { t: 'table'; first: number; last: number; rows: string[] };

interface RawNote {
  number: string;
  raw: string;
}

function nextNonBlank(lines: string[], from: number): string {
  for (let i = from; i < lines.length; i++) if ((lines[i] ?? '').trim()) return (lines[i] ?? '').trim();
  return '';
}

/** `N. text` notes; a new note starts only at the next number, everything else continues the current note. */
function parseNotes(lines: string[], from: number, stop: Set<string>): RawNote[] {
  const notes: RawNote[] = [];
  let cur: RawNote | null = null;
  for (let i = from; i < lines.length; i++) {
    const line = normalizeSpaces(lines[i] ?? '').replace(/\[([^\]]+)\]\((?:https?:[^)\s]+)\)/g, '$1');
    if (!line) continue;
    if (stop.has(foldForMatch(line))) break; // further back matter listed in CONTENTS (Bibliography, Index)
    const m = NOTE_START.exec(line);
    const expected = cur ? Number(cur.number) + 1 : 1;
    if (m?.[1] && Number(m[1]) === expected) {
      cur = { number: m[1], raw: m[2] ?? '' };
      notes.push(cur);
      continue;
    }
    if (!cur) continue;
    const p = cur.raw;
    // "<http://>" + "host/path." : the URL was cut after its scheme; close the bracket after the path.
    if (/<https?:\/\/>$/.test(p)) cur.raw = p.slice(0, -1) + (line.includes('>') ? line : line.replace(/^(\S*?)([.,;]?)(\s|$)/, '$1>$2$3'));
    else if (/(?:https?:\/\/\S*\/|:\/\/)$/.test(p)) cur.raw = p + line;
    else cur.raw = joinPieces(p, line);
  }
  return notes;
}

export const segmentBooklet: Profile = (text: string): SegmentedSource => {
  const lines = text.split(/\r?\n/);
  const extras: SegExtra[] = [];
  const toc = parseToc(lines);
  const entries = toc?.entries ?? [];
  const byFold = new Map<string, TocEntry[]>();
  for (const e of entries) byFold.set(e.fold, [...(byFold.get(e.fold) ?? []), e]);

  // Front matter (everything before CONTENTS), one extra per block of lines.
  if (toc) {
    let block: string[] = [];
    const flushFront = (): void => {
      if (!block.length) return;
      const t = block.map(clean).join('\n');
      extras.push({ kind: FRONT_CAPTION.test(t) ? 'caption' : 'front_matter', text: t });
      block = [];
    };
    for (let i = 0; i < toc.start; i++) {
      const l = lines[i] ?? '';
      if (l.trim()) block.push(l);
      else flushFront();
    }
    flushFront();
    extras.push({ kind: 'toc', text: entries.map((e) => `${e.title}\t${e.page}`).join('\n') });
  }

  // Body items: headings, rules, text lines, tables; up to the back-matter heading.
  const bodyFrom = toc ? toc.end + 1 : 0;
  let bodyTo = lines.length;
  const items: Item[] = [];
  let lastEntry = -1;
  let sawBlank = true;
  for (let i = bodyFrom; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (!line.trim()) {
      sawBlank = true;
      continue;
    }
    const entry = (byFold.get(foldForMatch(line)) ?? []).find((e) => e.index > lastEntry);
    // Back matter: a CONTENTS entry such as ENDNOTES, or an unlisted "Notes" line followed by note 1.
    if (entry ? entry.kind === 'back' : BACK.test(clean(line)) && NOTE_START.test(nextNonBlank(lines, i + 1))) {
      bodyTo = i;
      break;
    }
    if (entry) {
      lastEntry = entry.index;
      items.push({ t: 'heading', line: i, entry, text: clean(line) });
      sawBlank = false;
      continue;
    }
    if (RULE.test(line)) {
      items.push({ t: 'rule', line: i });
      sawBlank = false;
      continue;
    }
    // A run of adjacent lines with at least two tab-separated rows is a table.
    let j = i;
    while (j < lines.length && (lines[j] ?? '').trim()) j++;
    const run = lines.slice(i, j);
    if (run.length >= 2 && run.filter((l) => /\S\t+\S/.test(l)).length >= 2) {
      items.push({ t: 'table', first: i, last: j - 1, rows: run });
      i = j - 1;
      sawBlank = false;
      continue;
    }
    items.push({ t: 'text', line: i, text: line, afterBlank: sawBlank });
    sawBlank = false;
  }

  // Units (part intros and sections) for pages and paths.
  const units: Unit[] = [];
  const sections: SegSection[] = [];
  const built: Building[] = [];
  let unit = -1;
  let partUnit = -1;
  let partTitle: string | null = null;
  const nextPage = (e: TocEntry): number | null => entries[e.index + 1]?.page ?? null;
  const ensureUnit = (): number => {
    if (unit < 0) {
      units.push({ path: [], entry: -1, start: null, next: null, breaks: 0, isPart: false, partUnit: -1 });
      unit = units.length - 1;
    }
    return unit;
  };

  let cur: Building | null = null;
  let deferred: Building[] = [];
  const flush = (): void => {
    if (cur) built.push(cur);
    cur = null;
    built.push(...deferred);
    deferred = [];
  };
  const startPara = (kind: PassageKind, raw: string, line: number): Building => {
    const u = ensureUnit();
    return { kind, raw, first: line, last: line, unit: u, breaksBefore: units[u]?.breaks ?? 0, breaksInside: 0 };
  };

  for (let k = 0; k < items.length; k++) {
    const it = items[k];
    if (!it) continue;
    if (it.t === 'heading') {
      flush();
      const e = it.entry;
      if (e.kind === 'part') {
        partTitle = it.text;
        units.push({ path: [it.text], entry: e.index, start: e.page, next: nextPage(e), breaks: 0, isPart: true, partUnit: -1 });
        partUnit = units.length - 1;
      } else {
        const path = partTitle ? [partTitle, it.text] : [it.text];
        units.push({ path, entry: e.index, start: e.page, next: nextPage(e), breaks: 0, isPart: false, partUnit });
      }
      unit = units.length - 1;
      continue;
    }
    if (it.t === 'rule') {
      // A box between two rules (no heading in between) is a sidebar; a lone rule is a scene break.
      let m = k + 1;
      while (m < items.length && m - k <= MAX_BOX_ITEMS && items[m]?.t !== 'rule' && items[m]?.t !== 'heading') m++;
      if (items[m]?.t === 'rule' && m - k <= MAX_BOX_ITEMS) {
        const parts: string[] = [];
        for (let q = k + 1; q < m; q++) {
          const x = items[q];
          if (x?.t === 'text') parts.push(clean(x.text));
          else if (x?.t === 'table') parts.push(...x.rows.map(clean));
        }
        if (parts.length) extras.push({ kind: 'sidebar', text: parts.join('\n') });
        k = m;
      } else {
        flush();
      }
      continue;
    }
    if (it.t === 'table') {
      const rows = it.rows.map((r) => r.split(/\t+/).map(clean).filter(Boolean).join(' | ')).filter(Boolean);
      let first = it.first;
      const prevItem = items[k - 1];
      // The caption line right before the table belongs to it (it was held back, see below).
      if (prevItem?.t === 'text' && CAPTION.test(prevItem.text.trim())) {
        rows.unshift(clean(prevItem.text));
        first = prevItem.line;
      }
      const b = startPara('table', rows.join('; '), first);
      b.last = it.last;
      if (cur) deferred.push(b);
      else built.push(b);
      continue;
    }
    // Plain text line.
    const nextItem = items[k + 1];
    if (nextItem?.t === 'table' && CAPTION.test(it.text.trim())) continue; // caption, taken by the table
    if (BULLET.test(it.text.trimStart())) {
      flush();
      cur = startPara('list', it.text, it.line);
      continue;
    }
    if (cur && shouldJoin(cur.raw, it.text)) {
      cur.raw = joinPieces(cur.raw, it.text);
      cur.last = it.line;
      if (it.afterBlank) {
        const u = units[cur.unit];
        if (u) u.breaks++;
        cur.breaksInside++;
      }
      continue;
    }
    flush();
    cur = startPara('body', it.text, it.line);
  }
  flush();

  // Notes.
  const notesHeading = foldForMatch(lines[bodyTo] ?? '');
  const stop = new Set(entries.filter((e) => e.kind === 'back' && e.fold !== notesHeading).map((e) => e.fold));
  const notesRaw = bodyTo < lines.length ? parseNotes(lines, bodyTo + 1, stop) : [];
  const noteByNum = new Map<string, { note: SegNote; raw: string }>();
  for (const n of notesRaw) noteByNum.set(n.number, { note: { number: n.number, text: clean(n.raw) }, raw: n.raw });

  // Pages.
  const unitEnd = (u: Unit): number | null => {
    if (u.start === null) return null;
    const cands = [u.start, u.start + u.breaks];
    if (u.next !== null) cands.push(u.next - 1);
    return Math.max(...cands);
  };
  const passagePages = (b: Building): PageRange | null => {
    const u = units[b.unit];
    if (!u || u.start === null) return null;
    const last = unitEnd(u) ?? u.start;
    const start = Math.min(u.start + b.breaksBefore, last);
    return { start, end: Math.min(start + b.breaksInside, last), approximate: true };
  };
  for (let i = 0; i < units.length; i++) {
    const u = units[i];
    if (!u?.path.length) continue;
    let pages: PageRange | null = null;
    if (u.start !== null) {
      let end = unitEnd(u) ?? u.start;
      if (u.isPart) {
        // The whole part: up to the page before the next part or back matter, or its last section.
        const after = entries.slice(u.entry + 1).find((x) => x.kind !== 'section');
        const children = units.filter((c) => c.partUnit === i).map((c) => unitEnd(c) ?? 0);
        end = Math.max(end, ...children, after ? after.page - 1 : 0);
      }
      pages = { start: u.start, end, approximate: true };
    }
    sections.push({ path: u.path, pages });
  }

  // Passages.
  const passages: SegPassage[] = built.map((b) => {
    let textOut = clean(b.raw.replace(SUP, ''));
    const bullet = b.kind === 'list' ? (BULLET.exec(textOut)?.[0].length ?? 0) : 0;
    if (b.kind === 'list') textOut = textOut.replace(BULLET, '');
    // A marker stood where the clean text of everything before it ends: that ties the note to its sentence.
    const markers = [...b.raw.matchAll(SUP)].map((m) => ({
      n: superscriptToDigits(m[0]),
      at: Math.max(0, clean(b.raw.slice(0, m.index).replace(SUP, '')).length - bullet),
    }));
    const notes: SegNote[] = [];
    for (const { n, at } of markers) {
      const hit = noteByNum.get(n);
      if (hit && !notes.some((x) => x.number === n)) notes.push({ ...hit.note, at });
    }
    return {
      kind: b.kind,
      sectionPath: units[b.unit]?.path ?? [],
      text: textOut,
      pages: passagePages(b),
      speaker: null,
      quotedFrom: quotedWorkOf(b.raw, noteByNum),
      notes,
      lines: [b.first + 1, b.last + 1],
    };
  });

  markQuotations(passages, built);
  return { sections, passages, extras, indexEntries: [] };
};

/** The work a passage quotes: the note whose marker follows a closing quote mark, else its last bibliographic note. */
function quotedWorkOf(raw: string, notes: Map<string, { note: SegNote; raw: string }>): QuotedWork | null {
  const afterQuote = [...raw.matchAll(/[”"’'][.,;:!?…)\]]*([⁰¹²³⁴-⁹]+)/gu)].map((m) => superscriptToDigits(m[1] ?? ''));
  const all = [...raw.matchAll(SUP)].map((m) => superscriptToDigits(m[0]));
  const pick = (nums: string[]): QuotedWork | null => {
    for (let i = nums.length - 1; i >= 0; i--) {
      const hit = notes.get(nums[i] ?? '');
      if (hit && isBibliographic(hit.raw)) return parseCitation(hit.raw, hit.note.text);
    }
    return null;
  };
  return pick(afterQuote) ?? pick(all);
}

/**
 * Block quotations: a paragraph that opens with a quote mark and closes one is a 'quote'.
 * A quotation running over several paragraphs (each opens “, only the last closes and carries
 * the note) is grouped, and the closing paragraph's quoted work is given to all of them.
 */
function markQuotations(passages: SegPassage[], built: Building[]): void {
  let group: number[] = [];
  for (let i = 0; i < passages.length; i++) {
    const p = passages[i];
    const b = built[i];
    if (!p || !b) continue;
    if (p.kind === 'list' || p.kind === 'table') {
      group = [];
      continue;
    }
    const prev = passages[group[group.length - 1] ?? -1];
    if (group.length && prev && prev.sectionPath.join('\u0000') !== p.sectionPath.join('\u0000')) group = [];
    const opens = OPENS_QUOTE.test(p.text);
    const leftOpen = opens && unbalanced(p.text);
    const closes = CLOSES_QUOTE.test(p.text);
    if (group.length && (opens || closes)) {
      if (opens) p.kind = 'quote';
      if (closes) {
        p.kind = 'quote';
        for (const g of group) {
          const gp = passages[g];
          if (!gp) continue;
          gp.kind = 'quote';
          if (!gp.quotedFrom && p.quotedFrom) gp.quotedFrom = p.quotedFrom;
        }
        group = [];
      } else {
        group.push(i);
      }
      continue;
    }
    group = [];
    if (opens && closes) p.kind = 'quote';
    else if (leftOpen) group = [i];
  }
}

/** More quotation marks opened than closed (straight double quotes: an odd number). */
function unbalanced(text: string): boolean {
  const curlyOpen = (text.match(/[“«]/gu) ?? []).length;
  const curlyClose = (text.match(/[”»]/gu) ?? []).length;
  const straight = (text.match(/"/g) ?? []).length;
  return curlyOpen > curlyClose || straight % 2 === 1;
}
