/**
 * A user's document read into canonical Markdown (src/readings/markdown-out.ts describes it): `#`
 * headings, one paragraph per block, `<!-- page N -->` lines, `> ` quotes, `- ` items, `[^n]` notes
 * defined in `[^n]: text` lines, `NAME: text` interview turns.
 */
import { type Line, toLines } from '../lines.ts';
import { foldForMatch, joinBroken, normalizeSpaces, stripEmphasis } from '../text.ts';
import type { IndexEntry, PageRange, PassageKind, Profile, SegExtra, SegNote, SegPassage, SegSection } from '../types.ts';

const PAGE = /^<!--\s*page\s+(\S+?)\s*-->$/i;
const HEADING = /^(#{1,6})\s+(.*?)\s*#*\s*$/;
const DEFINITION = /^\[\^([^\]\s]+)\]:\s*(.*)$/;
const MARKER = /\[\^([^\]\s]+)\]/g;
const ITEM = /^[-*+]\s+/;
const TURN = /^([\p{Lu}][\p{L}.'’-]*(?: [\p{Lu}][\p{L}.'’-]*){0,2}):\s+(?=\S)/u;
/** Labels that open ordinary paragraphs ("Note: …"), never an interview turn. */
const NOT_SPEAKERS =
  /^(notes?|sources?|see|abstract|keywords|summary|translator|editor|example|figure|fig|table|warning|update|nb|ps|date|title|subject|author|by|from|to|re|isbn|doi|url|chapter|part|section|step|answer key)$/i;
const EXTRA_HEADINGS: [RegExp, SegExtra['kind']][] = [
  [/^(select )?(bibliography|references|works cited|literature|sources( and literature)?)$/, 'bibliography'],
  [/^(index|name index|index of names|subject index)$/, 'index'],
  [/^(table of )?contents?$/, 'toc'],
];
/** Speaker labels count as such only when this many paragraphs open with them. */
const MIN_TURNS = 3;

type Block = { kind: 'heading'; level: number; text: string; page: number | null } | { kind: 'text'; lines: Line[]; pages: (number | null)[] };

const pageNumber = (label: string): number | null => (/^\d+$/.test(label) ? Number(label) : null);
const unescapeLine = (s: string): string => s.replace(/^\\(?=[#>\-*+<[\\])/, '');

/** Definitions `[^n]: text` (with indented continuation lines) and the line numbers they take up. */
function definitions(lines: Line[]): { notes: Map<string, string>; used: Set<number> } {
  const notes = new Map<string, string>();
  const used = new Set<number>();
  let current: string | null = null;
  for (const l of lines) {
    const def = DEFINITION.exec(l.text);
    if (def) notes.set((current = def[1]!), def[2]!);
    else if (current && /^( {2,}|\t)\S/.test(l.text)) notes.set(current, `${notes.get(current)} ${l.text.trim()}`);
    else current = null;
    if (current) used.add(l.n);
  }
  return { notes, used };
}

function blocks(lines: Line[], used: Set<number>): Block[] {
  const out: Block[] = [];
  let open: Extract<Block, { kind: 'text' }> | null = null;
  let page: number | null = null;
  for (const l of lines) {
    const text = l.text.trim();
    const marker = PAGE.exec(text);
    const heading = HEADING.exec(text);
    if (marker) page = pageNumber(marker[1]!);
    else if (!text || used.has(l.n) || heading) open = null;
    if (heading && !used.has(l.n)) out.push({ kind: 'heading', level: heading[1]!.length, text: heading[2]!, page });
    if (marker || !text || heading || used.has(l.n)) continue;
    if (!open || ITEM.test(text)) out.push((open = { kind: 'text', lines: [], pages: [] }));
    open.lines.push({ n: l.n, text });
    open.pages.push(page);
  }
  return out;
}

/** Removes `[^n]` markers, noting where each stood in the clean text. */
function takeNotes(raw: string, defs: Map<string, string>): { text: string; notes: SegNote[] } {
  const text = normalizeSpaces(raw);
  const notes: SegNote[] = [];
  let out = '';
  let last = 0;
  for (const m of text.matchAll(MARKER)) {
    out += text.slice(last, m.index);
    last = m.index + m[0].length;
    // "word [^1]." and "[^1] word" leave no stray space behind.
    if ((out === '' || out.endsWith(' ')) && /^[\s.,;:!?)]/.test(text.slice(last))) {
      if (out) out = out.slice(0, -1);
      else last += /^\s/.test(text.slice(last)) ? 1 : 0;
    }
    const def = defs.get(m[1]!);
    if (def) notes.push({ number: m[1]!, text: normalizeSpaces(def), at: out.length });
  }
  const clean = (out + text.slice(last)).trimEnd();
  return { text: clean, notes: notes.map((n) => ({ ...n, at: Math.min(n.at!, clean.length) })) };
}

function passageKind(first: string): PassageKind {
  return first.startsWith('> ') || first === '>' ? 'quote' : ITEM.test(first) ? 'list' : 'body';
}

function joinText(kind: PassageKind, lines: Line[]): string {
  const strip = (s: string, i: number): string =>
    unescapeLine(kind === 'quote' ? s.replace(/^>\s?/, '') : kind === 'list' && i === 0 ? s.replace(ITEM, '') : s);
  return lines.map((l, i) => stripEmphasis(strip(l.text, i))).reduce((acc, t) => (acc ? joinBroken(acc, t) : t), '');
}

/** Labels that open two or more body paragraphs, MIN_TURNS in all; ordinary "Note:" labels aside. */
function speakerLabels(bs: Block[]): Set<string> {
  const counts = new Map<string, number>();
  for (const b of bs) {
    const first = b.kind === 'text' ? unescapeLine(b.lines[0]!.text) : '';
    const m = passageKind(first) === 'body' ? TURN.exec(first) : null;
    if (m && m[1]!.length <= 30 && !NOT_SPEAKERS.test(m[1]!)) counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1);
  }
  const repeated = [...counts].filter(([, n]) => n >= 2);
  return repeated.reduce((sum, [, n]) => sum + n, 0) >= MIN_TURNS ? new Set(repeated.map(([label]) => label)) : new Set();
}

function range(pages: (number | null)[]): PageRange | null {
  const known = pages.filter((p): p is number => p !== null);
  return known.length ? { start: known[0]!, end: known[known.length - 1]!, approximate: false } : null;
}

function indexEntries(text: string): IndexEntry[] {
  return text.split('\n').flatMap((line) => {
    const m = /^(.+?),?\s+(\d+(?:[-–]\d+)?(?:,\s*\d+(?:[-–]\d+)?)*)\.?$/.exec(line.trim());
    return m ? [{ name: m[1]!, pages: m[2]! }] : [];
  });
}

/** Untagged paragraphs between two turns of one section continue the earlier speaker's turn. */
function carrySpeakers(passages: SegPassage[]): void {
  let from: SegPassage | null = null;
  let gap: SegPassage[] = [];
  for (const p of passages) {
    const same = from && p.sectionPath.join('\u0000') === from.sectionPath.join('\u0000');
    if (p.speaker && same) for (const g of gap) g.speaker = from!.speaker;
    if (p.speaker || !same) [from, gap] = [p.speaker ? p : null, []];
    else if (p.kind === 'body') gap.push(p);
  }
}

export const segmentDocument: Profile = (raw) => {
  const lines = toLines(raw);
  const { notes: defs, used } = definitions(lines);
  const bs = blocks(lines, used);
  const speakers = speakerLabels(bs);
  const sections: SegSection[] = [];
  const passages: SegPassage[] = [];
  const extras: SegExtra[] = [];
  const stack: { level: number; section: SegSection }[] = [];
  let extra: { kind: SegExtra['kind']; level: number; lines: string[] } | null = null;
  const closeExtra = (): void => {
    if (extra) extras.push({ kind: extra.kind, text: extra.lines.join('\n') });
    extra = null;
  };
  for (const b of bs) {
    if (b.kind === 'heading') {
      const title = takeNotes(stripEmphasis(unescapeLine(b.text)), new Map()).text;
      if (extra && b.level > extra.level) {
        extra.lines.push(title);
        continue;
      }
      closeExtra();
      const special = EXTRA_HEADINGS.find(([re]) => re.test(foldForMatch(title)));
      if (special) extra = { kind: special[1], level: b.level, lines: [] };
      else {
        while (stack.length && stack[stack.length - 1]!.level >= b.level) stack.pop();
        const section = {
          path: [...stack.map((s) => s.section.path.at(-1)!), title],
          pages: b.page === null ? null : { start: b.page, end: b.page, approximate: false },
        };
        stack.push({ level: b.level, section });
        sections.push(section);
      }
      continue;
    }
    const kind = passageKind(b.lines[0]!.text);
    const joined = joinText(kind, b.lines);
    if (extra) {
      extra.lines.push(takeNotes(joined, new Map()).text);
      continue;
    }
    const turn = kind === 'body' ? TURN.exec(joined) : null;
    const speaker = turn && speakers.has(turn[1]!) ? turn[1]! : null;
    const { text, notes } = takeNotes(speaker ? joined.slice(turn![0].length) : joined, defs);
    if (!text) continue;
    const pages = range(b.pages);
    // A section whose heading came before the first page line starts on the page of its first passage.
    for (const { section } of stack)
      if (pages) section.pages = { start: section.pages?.start ?? pages.start, end: Math.max(section.pages?.end ?? 0, pages.end), approximate: false };
    const sectionPath = stack.at(-1)?.section.path ?? [];
    passages.push({
      kind,
      sectionPath: [...sectionPath],
      text,
      pages,
      speaker,
      quotedFrom: null,
      notes,
      lines: [b.lines[0]!.n, b.lines[b.lines.length - 1]!.n],
    });
  }
  closeExtra();
  carrySpeakers(passages);
  const indexText = extras.filter((e) => e.kind === 'index').map((e) => e.text);
  return { sections, passages, extras, indexEntries: indexText.flatMap(indexEntries) };
};
