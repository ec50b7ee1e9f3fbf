/**
 * Building attributed quotations. Every sentence the bot shows from the corpus goes through
 * here, so it is always verbatim from its passage and always carries its attribution.
 */
import { prefixAtWord } from './fit.ts';
import { attribution, where } from '../corpus/cite.ts';
import { reportedClaimOf } from '../corpus/voice.ts';
import type { CorpusRepo } from '../corpus/repo.ts';
import type { Passage } from '../corpus/types.ts';
import { noteComment } from '../corpus/note-text.ts';
import { errataIn } from '../corpus/errata.ts';
import { notesOfSentences } from '../corpus/sentence-notes.ts';
import { memoByObject } from './memo.ts';
import type { Block, Citation } from './reply.ts';

/** Long single sentences are shown up to a word boundary; the citation keeps the verbatim part only. */
export const MAX_QUOTE = 700;

export function sentenceTexts(p: Passage): string[] {
  return p.sentences.map((s) => p.text.slice(s.start, s.end));
}

/** A quote's first words within `max`, exactly as written. */
export const clipAtWord = prefixAtWord;

/** A unit of reply content: blocks plus the citations they point at (indexes local to the unit). */
export interface Unit {
  blocks: Block[];
  citations: Citation[];
}

/** The claim a quoted span reports, when its first sentence reports someone else's ("He claims that …"). */
export function reportedIn(p: Passage, text: string): string | null {
  if (p.kind === 'quote') return null;
  const at = p.text.indexOf(text);
  const i = at < 0 ? -1 : p.sentences.findIndex((s) => s.start <= at && at < s.end);
  if (i < 0) return null;
  return reportedClaimAt(p, i);
}

/** Per passage, sentence index → whose claim it reports (or null): the corpus changes only at ingest. */
const reported = memoByObject((_p: Passage) => new Map<number, string | null>());

export function reportedClaimAt(p: Passage, i: number): string | null {
  if (p.kind === 'quote') return null;
  const known = reported(p);
  let who = known.get(i);
  if (who === undefined) {
    const s = p.sentences[i]!;
    const prev = i > 0 ? p.sentences[i - 1]! : null;
    known.set(i, (who = reportedClaimOf(p.text.slice(s.start, s.end), prev ? p.text.slice(prev.start, prev.end) : null)));
  }
  return who;
}

export interface QuoteOptions {
  /** Also quote the comment of a footnote whose marker stands in the quoted sentences. */
  notes?: boolean;
  /** A footnote on the sentence right after the quote counts too when its comment passes this ("names the person profiled"). */
  noteAbout?: (comment: string) => boolean;
  /** Quote this sentence of this note after the text (what /check found in the author's note). */
  note?: { number: string; comment: string };
}

export function quoteUnit(repo: CorpusRepo, p: Passage, text: string, lead?: string, opts: QuoteOptions = {}): Unit {
  const meta = repo.source(p.sourceId)!.meta;
  const { text: shown, clipped } = clipAtWord(text, MAX_QUOTE);
  const claimant = reportedIn(p, text);
  const citation: Citation = {
    passage: p.id,
    source: p.sourceId,
    quote: shown,
    where: where(meta, p),
    // A claim the author reports (often to refute it) is the claimant's, as the author reports it.
    attribution: claimant ? `${claimant}, as reported by ${attribution(meta, p)}` : attribution(meta, p),
  };
  const blocks: Block[] = [];
  if (lead) blocks.push({ type: 'paragraph', text: lead });
  blocks.push({ type: 'quote', text: clipped ? `${shown} […]` : shown, attribution: citation.attribution, citation: 0 });
  const citations = [citation];
  const note = opts.note ?? (opts.notes ? commentedNote(p, text, opts.noteAbout) : null);
  if (note) {
    // The author's own footnote to these sentences: theirs too, cited to the note.
    citations.push({
      ...citation,
      quote: note.comment,
      where: `${citation.where}, note ${note.number}`,
      attribution: `${attribution(meta, p)}, note ${note.number}`,
      note: note.number,
    });
    blocks.push({ type: 'quote', text: note.comment, attribution: citations[1]!.attribution, citation: 1 });
  }
  // A known slip of the text (errata.json) is flagged where it is quoted, on what the corpus itself says.
  for (const e of errataIn(repo.knownErrata(), p.sourceId, shown))
    blocks.push({ type: 'paragraph', text: `Sourcebook’s note (not a source’s claim) on “${e.text}”: ${e.note} See “${e.see}” [${e.seePassage}].` });
  return { blocks, citations };
}

/** The first footnote with a comment (not only a reference) whose marker stands in the sentences `text` quotes. */
function commentedNote(p: Passage, text: string, about?: (comment: string) => boolean): { number: string; comment: string } | null {
  const at = p.text.indexOf(text);
  if (at < 0 || !p.notes.length) return null;
  const from = p.sentences.findIndex((s) => s.end > at);
  const found = p.sentences.findIndex((s) => s.end >= at + text.length);
  const to = found < 0 ? p.sentences.length - 1 : found;
  if (from < 0) return null;
  for (const n of notesOfSentences(p, from, to)) {
    const comment = noteComment(n);
    if (comment) return { number: n.number, comment };
  }
  // "… Rjutin … requested that Stalin … be ousted. The 'Union' was denounced.¹¹⁹": the note on the next sentence, about him.
  if (about && to + 1 < p.sentences.length) {
    for (const n of notesOfSentences(p, to + 1, to + 1)) {
      const comment = noteComment(n);
      if (comment && about(comment)) return { number: n.number, comment };
    }
  }
  return null;
}

export function textUnit(...paragraphs: string[]): Unit {
  return { blocks: paragraphs.map((text) => ({ type: 'paragraph' as const, text })), citations: [] };
}

/** Concatenates units, re-indexing each quote's citation. */
export function mergeUnits(units: Unit[]): Unit {
  const out: Unit = { blocks: [], citations: [] };
  for (const u of units) {
    const offset = out.citations.length;
    out.citations.push(...u.citations);
    for (const b of u.blocks) out.blocks.push(b.type === 'quote' ? { ...b, citation: b.citation + offset } : b);
  }
  return out;
}

export function unitLength(u: Unit): number {
  return u.blocks.reduce((n, b) => {
    switch (b.type) {
      case 'quote':
        return n + b.text.length + b.attribution.length + 20;
      case 'list':
        return n + b.items.join('\n').length;
      case 'fields':
        return n + b.fields.reduce((m, f) => m + f.label.length + f.value.length, 0);
      default:
        return n + b.text.length;
    }
  }, 0);
}

const OPEN = /[“«„]/g;
const CLOSE = /[”»]/g;

/**
 * True when a sentence is someone else's words inside an author's passage: it opens with a
 * quotation mark, or a quotation opened before it is still open. Shown under the author's name
 * it would put the quoted person's words in the author's mouth, so answers skip it. A passage
 * that is itself a quotation (kind 'quote') is attributed as such and never skipped.
 */
/** Per passage, sentence start → the answer: counting marks in the text before each sentence is quadratic in a passage. */
const quotedAt = memoByObject((_p: Passage) => new Map<number, boolean>());

export function insideQuotation(p: Passage, s: { start: number; end: number }): boolean {
  if (p.kind === 'quote') return false;
  const known = quotedAt(p);
  let inside = known.get(s.start);
  if (inside === undefined) known.set(s.start, (inside = quotationOpenAt(p, s)));
  return inside;
}

function quotationOpenAt(p: Passage, s: { start: number; end: number }): boolean {
  const sentence = p.text.slice(s.start, s.end);
  if (/^[“«„"‘']/.test(sentence)) return true;
  const before = p.text.slice(0, s.start);
  const opened = (before.match(OPEN) ?? []).length - (before.match(CLOSE) ?? []).length;
  const straight = (before.match(/"/g) ?? []).length;
  // Single quotes double as apostrophes: only a mark before a word opens, only one after a word and before a space or punctuation closes.
  const singleOpen = (before.match(/(?:^|[\s([—–])['‘](?=\p{L})/gu) ?? []).length;
  const singleClose = (before.match(/(?<=[\p{L}.,!?;:])['’](?=[\s.,;:!?)\]—–]|$)/gu) ?? []).length;
  return opened > 0 || straight % 2 === 1 || singleOpen > singleClose;
}

/**
 * For a sentence inside a quotation, the span back to the sentence where the quotation opens
 * (the lead-in that names the speaker: "Yaroslavsky said in Moscow, 'They reproach us…"), so
 * the quoted words are shown with who said them. Null when that span would be too long to quote.
 */
export function withLeadIn(p: Passage, index: number): { start: number; end: number } | null {
  const s = p.sentences[index]!;
  let i = index;
  while (i > 0 && insideQuotation(p, p.sentences[i]!)) i--;
  const span = { start: p.sentences[i]!.start, end: s.end };
  return span.end - span.start <= MAX_QUOTE ? span : null;
}
