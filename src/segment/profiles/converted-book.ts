/**
 * Profile "converted-book": a PDF→Markdown monograph.
 *
 * Layout handled:
 * - front matter, then a table of contents (a heading followed by lines ending in leaders/tab + page number),
 * - body headings with unreliable `#` levels: a heading whose text starts with "N. " is a chapter, any other
 *   heading is a section of the current chapter; Introduction/Conclusion-like headings are top-level,
 * - page-foot footnote blocks: blank, `---`, blank, optional continuation of the previous page's last note,
 *   numbered note lines `N text`, then the body resumes (often in the middle of the sentence cut by the block),
 * - `<sup>N</sup>` note markers (and ordinal `<sup>th</sup>` that are not notes),
 * - back matter: a foreign-language summary, a bibliography and a person index with page lists.
 *
 * Pages are reconstructed: each TOC-matched heading starts at its TOC page, and the counter moves on by one at
 * every footnote block and at every paragraph cut by a plain page break (blank line inside a sentence).
 */
import type { IndexEntry, PageRange, Profile, SegExtra, SegmentedSource, SegNote, SegPassage, SegSection } from '../types.ts';
import { endsSentence, foldForMatch, joinBroken, normalizeSpaces, stripEmphasis } from '../text.ts';

// ---------------------------------------------------------------------------------------------
// Line-level patterns

const HEADING = /^#{1,6}\s+(.+?)\s*#*\s*$/;
const BOLD_LINE = /^\*\*([^*]+)\*\*$/;
const FOOTNOTE_RULE = /^\s*(?:-{3,}|\*{3,}|_{3,})\s*$/;
const FOOTNOTE_LINE = /^(\d{1,3})\s+(\S.*)$/;
const CHAPTER = /^\d+\.\s/;
const NOTE_MARKER = /<sup>\s*(\d+)\s*<\/sup>/g;
const OTHER_SUP = /<sup>\s*([^<]*?)\s*<\/sup>/g;
/** A TOC line: title, then dot leaders / a tab / a run of spaces, then the page number. */
const TOC_ENTRY = /^(.*?)(?:\s*\.{2,}\s*|\t+\s*|\s{2,})(\d{1,4})\s*$/;

/** Headings of parts outside the chapter sequence (generic book vocabulary). */
const TOP_LEVEL_VOCAB = /\b(?:introduction|conclusions?|concluding|preface|foreword|prologue|epilogue|afterword|postscript|final remarks)\b/i;
const BIBLIOGRAPHY_VOCAB =
  /^(?:bibliography|select(?:ed)? bibliography|references|works cited|literature|sources(?: and (?:literature|bibliography))?|sources and references)$/i;
const INDEX_VOCAB = /^(?:index|index of (?:names|persons)|name index|person index|personal index|subject index|general index)$/i;
const SUMMARY_VOCAB =
  /^(?:summary in \p{L}+|zusammenfassung|résumé|resume|резюме|аннотация|shrnutí|súhrn|streszczenie|riassunto|resumen|samenvatting|sammanfattning)$/iu;
const CONTENTS_VOCAB = /^(?:contents?|table of contents|inhalt|inhaltsverzeichnis|obsah|содержание|оглавление)$/i;
/** Index letter headings ("## A", "**Z**"). */
const LETTER_HEADING = /^(?:#{1,6}\s*)?(?:\*\*)?\s*\p{Lu}\s*(?:\*\*)?$/u;

function cleanHeading(raw: string): string {
  return normalizeSpaces(stripEmphasis(raw.replace(/<sup>[^<]*<\/sup>/g, '')).replace(/^\*+|\*+$/g, ''));
}

/** Removes note markers (collecting them), turns ordinal superscripts into plain text, strips emphasis. */
function cleanLine(raw: string): { text: string; markers: Marker[] } {
  const clean = (s: string) => normalizeSpaces(unescapeMarkdown(stripEmphasis(s.replace(NOTE_MARKER, '').replace(OTHER_SUP, '$1'))));
  // Each marker's place in the clean line: the length of the clean text before it.
  const markers = [...raw.matchAll(NOTE_MARKER)].map((m) => ({ n: m[1]!, at: clean(raw.slice(0, m.index)).length }));
  return { text: clean(raw), markers };
}

/** A note marker and where it stood in the clean text. */
interface Marker {
  n: string;
  at: number;
}

/** Markdown backslash escapes left by the converter ("\$1 billion") lose their backslash. */
function unescapeMarkdown(s: string): string {
  return s.replace(/\\([\\`*_{}[\]()#+\-.!$|<>~&])/g, '$1');
}

/**
 * Was this paragraph cut by a page break (or a footnote block), so that `next` continues it?
 * Like the shared continuesParagraph, but an opening guillemet or quote after a finished sentence starts a
 * new paragraph (Russian summaries open paragraphs with «…»); initials ("Georgi L.") do not end a sentence.
 */
function continuesAcrossBreak(prev: string, next: string): boolean {
  const p = prev.trimEnd();
  const n = next.trimStart();
  if (/\p{L}-$/u.test(p) && /^\p{Ll}/u.test(n)) return true;
  if (!endsSentence(p)) return true;
  return /^[\p{Ll},;:)\]]/u.test(n);
}

const LETTER = /^\p{L}$/u;

/** Is most of the lettering outside the Latin script (a Cyrillic summary, say)? */
function isNonLatinText(s: string): boolean {
  let latin = 0;
  let other = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7)) latin++;
    else if (c >= 0x370 && LETTER.test(ch)) other++;
  }
  return other > latin;
}

// ---------------------------------------------------------------------------------------------
// Table of contents

interface TocEntry {
  title: string;
  fold: string;
  page: number;
}

interface Toc {
  headingLine: number; // 0-based
  endLine: number; // 0-based, exclusive
  entries: TocEntry[];
}

function parseTocLines(lines: string[], from: number, to: number): TocEntry[] {
  const entries: TocEntry[] = [];
  let pending = '';
  for (let i = from; i < to; i++) {
    const raw = (lines[i] ?? '').trim();
    if (!raw) continue;
    const m = TOC_ENTRY.exec(raw);
    if (m) {
      const own = cleanHeading((m[1] ?? '').replace(/\.{2,}\s*$/, ''));
      const title = pending ? `${pending} ${own}` : own;
      pending = '';
      entries.push({ title, fold: foldForMatch(title), page: Number(m[2]) });
    } else {
      // An entry wrapped over two lines: the first part carries no page number.
      const part = cleanHeading(raw.replace(/\t+/g, ' '));
      pending = pending ? `${pending} ${part}` : part;
    }
  }
  return entries;
}

/** The TOC is the first heading whose following lines (up to the next heading) are mostly "title ..... page". */
function findToc(lines: string[]): Toc | null {
  for (let h = 0; h < lines.length; h++) {
    const hm = HEADING.exec(lines[h] ?? '');
    if (!hm) continue;
    let end = h + 1;
    while (end < lines.length && !HEADING.test(lines[end] ?? '')) end++;
    let nonBlank = 0;
    let withPage = 0;
    for (let i = h + 1; i < end; i++) {
      const t = (lines[i] ?? '').trim();
      if (!t) continue;
      nonBlank++;
      if (TOC_ENTRY.test(t) && (/\.{2,}|\t/.test(t) || CONTENTS_VOCAB.test(cleanHeading(hm[1] ?? '')))) withPage++;
    }
    if (withPage >= 3 && withPage / nonBlank >= 0.6) {
      return { headingLine: h, endLine: end, entries: parseTocLines(lines, h + 1, end) };
    }
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Index

function parseIndex(lines: string[]): IndexEntry[] {
  const entries: IndexEntry[] = [];
  const raws: string[] = [];
  for (const line of lines) {
    const t = normalizeSpaces(line);
    if (!t || LETTER_HEADING.test(t) || HEADING.test(t)) continue;
    const prev = raws[raws.length - 1];
    const prevHasPages = prev !== undefined && /\d\s*$/.test(prev);
    const prevOpen = prev !== undefined && /[,–—-]\s*$/.test(prev);
    // A wrapped line: the previous entry's page list ends in a comma/dash, the line is bare page numbers,
    // or the previous entry had no pages yet and this line has no "Surname, Given" comma before its pages.
    const startsWithPages = /^\d/.test(t);
    const namePart = t.replace(/[\d–—,\s-]+$/, '');
    const looksLikeNewName = /^\p{Lu}[^,]*,/u.test(namePart);
    if (prev !== undefined && (prevOpen || startsWithPages || (!prevHasPages && !looksLikeNewName && /\d/.test(t)))) {
      const joiner = /[–—-]\s*$/.test(prev) ? '' : ' ';
      raws[raws.length - 1] = prev.replace(/\s+$/, '') + joiner + t;
    } else {
      raws.push(t);
    }
  }
  for (const raw of raws) {
    const m = /^(.*?)[\s,]*((?:\d+(?:\s*[–—-]\s*\d+)?)(?:\s*,\s*\d+(?:\s*[–—-]\s*\d+)?)*)\s*$/u.exec(raw);
    let name = m ? (m[1] ?? '') : raw;
    const pages = m ? (m[2] ?? '') : '';
    name = name.replace(/[\s,]+$/, '');
    // "Beneš, Edvard." → "Beneš, Edvard"; keep the period of an initial ("Nikolay I.").
    name = name.replace(/(\p{L}{3,})\.$/u, '$1');
    if (name) entries.push({ name, pages });
  }
  return entries;
}

// ---------------------------------------------------------------------------------------------
// Paragraph assembly (shared by the body and the summary)

interface Para {
  path: string[];
  text: string;
  markers: Marker[];
  first: number; // 1-based
  last: number;
  pageStart: number | null;
  pageEnd: number | null;
}

type Mode = 'body' | 'summary' | 'bibliography' | 'index';

interface HeadingInfo {
  line: number;
  title: string;
}

function headingAt(line: string, tocFolds: Set<string>): string | null {
  const hm = HEADING.exec(line);
  if (hm) return cleanHeading(hm[1] ?? '');
  const t = line.trim();
  // A heading without `#` marks is accepted only when it is a TOC entry.
  if (tocFolds.size > 0 && t.length > 0 && t.length < 200) {
    const bm = BOLD_LINE.exec(t);
    const title = cleanHeading(bm ? (bm[1] ?? '') : t);
    if (tocFolds.has(foldForMatch(title))) return title;
  }
  return null;
}

function classify(title: string, bodyLines: string[]): Mode {
  const t = title.trim();
  if (INDEX_VOCAB.test(t)) return 'index';
  if (BIBLIOGRAPHY_VOCAB.test(t)) return 'bibliography';
  if (SUMMARY_VOCAB.test(t) || isNonLatinText(t)) return 'summary';
  let sample = '';
  for (const l of bodyLines) {
    if (sample.length >= 1500) break;
    if (!FOOTNOTE_RULE.test(l)) sample += ` ${l.slice(0, 1500)}`;
  }
  if (isNonLatinText(sample)) return 'summary';
  return 'body';
}

// ---------------------------------------------------------------------------------------------

export const segmentConvertedBook: Profile = (input: string): SegmentedSource => {
  const lines = input.replace(/\r\n?/g, '\n').split('\n');
  const sections: SegSection[] = [];
  const passages: SegPassage[] = [];
  const extras: SegExtra[] = [];
  let indexEntries: IndexEntry[] = [];

  const toc = findToc(lines);
  const tocEntries = toc?.entries ?? [];
  const tocFolds = new Set(tocEntries.map((e) => e.fold));

  // Where the body starts: the first heading after the TOC; without a TOC, the first chapter or
  // top-level heading.
  let bodyStart = -1;
  if (toc) {
    for (let i = toc.endLine; i < lines.length; i++) {
      if (headingAt(lines[i] ?? '', tocFolds) !== null) {
        bodyStart = i;
        break;
      }
    }
  } else {
    for (let i = 0; i < lines.length; i++) {
      const h = headingAt(lines[i] ?? '', tocFolds);
      if (h !== null && (CHAPTER.test(h) || TOP_LEVEL_VOCAB.test(h))) {
        bodyStart = i;
        break;
      }
    }
  }
  if (bodyStart < 0) bodyStart = toc ? toc.endLine : 0;

  const frontEnd = toc ? toc.headingLine : bodyStart;
  const frontText = lines
    .slice(0, frontEnd)
    .map((l) => cleanHeading(l.replace(/^#{1,6}\s+/, '')))
    .filter((l) => l.length > 0)
    .join('\n');
  if (frontText) extras.push({ kind: 'front_matter', text: frontText });
  if (toc) {
    const tocText = lines
      .slice(toc.headingLine, toc.endLine)
      .map((l) =>
        normalizeSpaces(
          l
            .replace(/^#{1,6}\s+/, '')
            .replace(/\s*\.{2,}\s*/g, ' ')
            .replace(/\t+/g, ' '),
        ),
      )
      .filter((l) => l.length > 0)
      .join('\n');
    extras.push({ kind: 'toc', text: tocText });
  }

  // Pre-scan the headings of the rest of the book to know where the chapters are and how each part is classified.
  const headings: HeadingInfo[] = [];
  for (let i = bodyStart; i < lines.length; i++) {
    const h = headingAt(lines[i] ?? '', tocFolds);
    if (h !== null) headings.push({ line: i, title: h });
  }
  const headingTitles = new Map(headings.map((h) => [h.line, h.title] as const));
  const headingModes = new Map<number, Mode>();
  let inIndex = false;
  const isLetter = (i: number): boolean => LETTER_HEADING.test((lines[i] ?? '').trim());
  for (let k = 0; k < headings.length; k++) {
    const h = headings[k]!;
    if (inIndex) {
      headingModes.set(h.line, 'index');
      continue;
    }
    let next = lines.length;
    for (let j = k + 1; j < headings.length; j++) {
      const hj = headings[j]!;
      if (!isLetter(hj.line)) {
        next = hj.line;
        break;
      }
    }
    const mode = classify(h.title, lines.slice(h.line + 1, Math.min(next, h.line + 12)));
    headingModes.set(h.line, mode);
    if (mode === 'index') inIndex = true;
  }
  const chapterLines = headings.filter((h) => headingModes.get(h.line) === 'body' && CHAPTER.test(h.title)).map((h) => h.line);
  const firstChapter = chapterLines[0] ?? Infinity;
  const lastChapter = chapterLines[chapterLines.length - 1] ?? -Infinity;

  // ----- state
  let mode: Mode = 'body';
  let top: string | null = null; // current chapter / top-level heading
  let path: string[] = [];
  let tocCursor = 0;
  let page: number | null = null;
  const notes = new Map<string, string>();
  let lastNote: string | null = null;
  const markersSeen = new Set<string>();
  let inNotes = false;
  let notesInBlock = 0;
  let afterBlock = false;
  let para: Para | null = null;
  const paras: Para[] = [];
  const summaryRefs: Para[] = [];
  const bibLines: string[] = [];
  const indexLines: string[] = [];
  const sectionIndex = new Map<string, SegSection>();

  const keyOf = (p: string[]): string => p.join('\u0000');
  const touchSection = (p: string[], pg: number | null): void => {
    if (p.length === 0) return;
    for (let d = 1; d <= p.length; d++) {
      const sec = sectionIndex.get(keyOf(p.slice(0, d)));
      if (!sec || pg === null) continue;
      if (!sec.pages) sec.pages = { start: pg, end: pg, approximate: true };
      else {
        sec.pages.start = Math.min(sec.pages.start, pg);
        sec.pages.end = Math.max(sec.pages.end, pg);
      }
    }
  };
  const openSection = (p: string[], pg: number | null): void => {
    const sec: SegSection = { path: [...p], pages: pg === null ? null : { start: pg, end: pg, approximate: true } };
    sections.push(sec);
    sectionIndex.set(keyOf(p), sec);
    touchSection(p, pg);
  };

  const tocPageFor = (title: string): number | null => {
    const fold = foldForMatch(title);
    for (let j = tocCursor; j < tocEntries.length; j++) {
      const e = tocEntries[j]!;
      if (e.fold === fold || (fold.length > 12 && (e.fold.startsWith(fold) || fold.startsWith(e.fold)))) {
        tocCursor = j + 1;
        return e.page;
      }
    }
    return null;
  };

  const closePara = (): void => {
    para = null;
  };

  for (let i = bodyStart; i < lines.length; i++) {
    const raw = lines[i] ?? '';
    const trimmed = raw.trim();
    const lineNo = i + 1;

    const headingMode = headingModes.get(i);
    if (headingMode !== undefined) {
      const title = headingTitles.get(i) ?? '';
      closePara();
      inNotes = false;
      afterBlock = false;
      if (mode === 'index' || headingMode === 'index') {
        if (mode !== 'index') tocPageFor(title);
        mode = 'index';
        continue;
      }
      const tocPage = tocPageFor(title);
      if (tocPage !== null) page = tocPage;
      mode = headingMode;
      if (mode !== 'body') continue;
      const isChapter = CHAPTER.test(title);
      const isTopLevel = isChapter || (TOP_LEVEL_VOCAB.test(title) && (i < firstChapter || i > lastChapter)) || top === null;
      if (isTopLevel) {
        top = title;
        path = [title];
      } else {
        path = [top!, title];
      }
      openSection(path, page);
      continue;
    }

    if (mode === 'index') {
      indexLines.push(raw);
      continue;
    }
    if (mode === 'bibliography') {
      if (trimmed) bibLines.push(cleanLine(trimmed.replace(/^[-*•]\s+/, '')).text);
      continue;
    }

    if (!trimmed) continue;

    // ----- footnote blocks (body and summary alike)
    if (FOOTNOTE_RULE.test(trimmed) && (lines[i - 1] ?? '').trim() === '') {
      inNotes = true;
      notesInBlock = 0;
      afterBlock = true;
      if (page !== null) page++;
      continue;
    }
    if (inNotes) {
      const fm = FOOTNOTE_LINE.exec(trimmed);
      const n = fm?.[1];
      const validNumber =
        n !== undefined &&
        !notes.has(n) &&
        (markersSeen.has(n) || (lastNote !== null && Number(n) === Number(lastNote) + 1) || (lastNote === null && n === '1'));
      if (fm && validNumber) {
        notes.set(n, cleanLine(fm[2] ?? '').text);
        lastNote = n;
        notesInBlock++;
        continue;
      }
      if (notesInBlock === 0 && lastNote !== null) {
        // The previous page's last footnote runs on at the top of this block.
        notes.set(lastNote, joinBroken(notes.get(lastNote) ?? '', cleanLine(trimmed).text));
        continue;
      }
      inNotes = false;
    }

    // ----- a body (or summary) line
    const { text, markers } = cleanLine(trimmed);
    for (const m of markers) markersSeen.add(m.n);
    if (!text && markers.length === 0) continue;

    if (para && continuesAcrossBreak(para.text, text)) {
      if (!afterBlock && page !== null) page++; // a plain page break cut the paragraph
      para.text = joinBroken(para.text, text);
      // The joined line ends the paragraph's text: its markers move by what came before it.
      const shift = para.text.length - text.trimStart().length;
      para.markers.push(...markers.map((m) => ({ n: m.n, at: m.at + shift })));
      para.last = lineNo;
      para.pageEnd = page;
    } else {
      para = {
        path: mode === 'body' ? [...path] : [],
        text,
        markers: [...markers],
        first: lineNo,
        last: lineNo,
        pageStart: page,
        pageEnd: page,
      };
      if (mode === 'body') paras.push(para);
      else summaryRefs.push(para);
    }
    if (mode === 'body') touchSection(path, page);
    afterBlock = false;
  }

  // ----- passages
  for (const p of paras) {
    const pNotes: SegNote[] = [];
    for (const m of p.markers) {
      const t = notes.get(m.n);
      if (t !== undefined && !pNotes.some((x) => x.number === m.n)) pNotes.push({ number: m.n, text: t, at: m.at });
    }
    const pages: PageRange | null = p.pageStart === null ? null : { start: p.pageStart, end: p.pageEnd ?? p.pageStart, approximate: true };
    passages.push({
      kind: 'body',
      sectionPath: p.path,
      text: p.text,
      pages,
      speaker: null,
      quotedFrom: null,
      notes: pNotes,
      lines: [p.first, p.last],
    });
  }

  if (summaryRefs.length > 0) extras.push({ kind: 'summary', text: summaryRefs.map((p) => p.text).join('\n\n') });
  if (bibLines.length > 0) extras.push({ kind: 'bibliography', text: bibLines.join('\n') });
  if (indexLines.some((l) => l.trim())) {
    extras.push({
      kind: 'index',
      text: indexLines
        .map((l) => normalizeSpaces(l))
        .filter((l) => l.length > 0)
        .join('\n'),
    });
    indexEntries = parseIndex(indexLines);
  }

  return { sections, passages, extras, indexEntries };
};
