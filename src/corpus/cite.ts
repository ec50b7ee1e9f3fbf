/** How a passage is located and attributed: the short form before quotes, and full citation styles. */
import type { SourceMeta } from './metadata.ts';
import type { Passage } from './types.ts';
import { compilationVoice } from './voice.ts';

/** A citation whose named person translated or edited the work: "Shabad, Steven, trans.", "Lucas and Ukas. Trans. and Ed.". */
const TRANSLATED = /^[^.]*?[,.]\s*((?:trans(?:lated)?|ed(?:ited)?|eds)\.?(?:\s+and\s+ed(?:ited)?\.?)?)\s/i;

/**
 * The quoted work as an attribution names it: "Conquest, Robert (1990)"; a translated or edited
 * collection by its title, with its translator as such, so no one is credited with words they
 * only translated: "The Stalin-Kaganovich Correspondence, 1931-1936 (2003), trans. Shabad".
 */
function quotedWorkLabel(w: NonNullable<Passage['quotedFrom']>): string | null {
  if (!w.author) return w.title ? `${w.title}${w.year ? ` (${w.year})` : ''}` : null;
  const role = TRANSLATED.exec(w.citation);
  if (role && w.title) return `${w.title}${w.year ? ` (${w.year})` : ''}, ${role[1]!.toLowerCase()} ${w.author.split(',')[0]}`;
  return `${w.author}${w.year ? ` (${w.year})` : ''}`;
}

/** "Sinclair and Lyons (1938)" → "sinclair": enough to tell whether a speaker is the quoted work's author. */
function surname(name: string): string {
  return (name.split(/[,\s(]/)[0] ?? '').toLowerCase();
}

const DASH = '–';

export function pagesLabel(p: Pick<Passage, 'pages'>): string | null {
  if (!p.pages) return null;
  const { start, end, approximate } = p.pages;
  const range = start === end ? `p. ${start}` : `pp. ${start}${DASH}${end}`;
  return approximate ? `${range}` : range;
}

/** "ch. 6" for a numbered chapter, "Part 2" for a part, else null. */
function shortSection(path: string[]): string | null {
  const top = path[0];
  if (!top) return null;
  const chapter = /^(\d+)\.\s/.exec(top);
  if (chapter) return `ch. ${chapter[1]}`;
  const part = /^part\s+(\w+)/i.exec(top);
  if (part) return `Part ${part[1]}`;
  return null;
}

export function authorLabel(meta: SourceMeta): string {
  const a = meta.authors;
  if (a.length === 0) return shortTitle(meta);
  if (a.length === 1) return a[0]!.family;
  if (a.length === 2) return `${a[0]!.family} and ${a[1]!.family}`;
  return `${a[0]!.family} et al.`;
}

function shortTitle(meta: SourceMeta): string {
  return meta.title
    .replace(/^The\s+/, '')
    .replace(/:.*/, '')
    .trim();
}

export function yearLabel(meta: SourceMeta): string {
  return `${meta.year ? String(meta.year) : 'n.d.'}${meta.yearSuffix ?? ''}`;
}

/** Paragraph number for sources without pages or sections (1-based). */
function paragraphLabel(p: Passage): string {
  return `¶${p.ord + 1}`;
}

/** The speaker's full name when it is not the document's author (an interviewer), else null. */
export function otherVoice(meta: SourceMeta, p: Pick<Passage, 'speaker'>): string | null {
  if (!p.speaker) return null;
  const speaker = meta.speakers?.[p.speaker] ?? p.speaker;
  return meta.authors.some((a) => speaker === `${a.given} ${a.family}`.trim()) ? null : speaker;
}

/**
 * Passages in the document's own voice: not an interviewer's question, not an unsigned lede.
 * Answers are drawn from these; the others are still searchable and citable.
 */
export function inAuthorsVoice(meta: SourceMeta, p: Pick<Passage, 'speaker' | 'kind'>): boolean {
  return p.kind !== 'lede' && otherVoice(meta, p) === null;
}

/** "Reiman (2016, ch. 6, pp. 101–112)" — what precedes every quotation. */
export function attribution(meta: SourceMeta, p: Passage): string {
  const parts = [yearLabel(meta)];
  const section = shortSection(p.sectionPath);
  if (section) parts.push(section);
  const pages = pagesLabel(p);
  if (pages) parts.push(pages);
  if (!section && !pages && p.sectionPath.length === 0) parts.push(paragraphLabel(p));
  let label = `${authorLabel(meta)} (${parts.join(', ')})`;
  // Someone else's words in the document are named first, so they are never read as the author's.
  const other = otherVoice(meta, p);
  if (other) label = `${other}, in ${label}`;
  if (p.kind === 'lede') label = `Unsigned introduction to ${label}`;
  // Only a passage that is itself a quotation names its original here. A note attached to an
  // ordinary paragraph belongs to one sentence of it, not to whichever sentence is shown.
  if (p.kind === 'quote') {
    const work = p.quotedFrom ? quotedWorkLabel(p.quotedFrom) : null;
    const voice = compilationVoice(p);
    // The speaker the excerpt's own lead-in names comes first, then the book it was taken from, then the compiler.
    if (voice && !(work && !/\sand\s/.test(work) && !p.quotedFrom?.citation.match(TRANSLATED) && surname(work) === surname(voice.speaker))) {
      label = `${voice.speaker}${voice.occasion ? ` (${voice.occasion})` : ''}, ${work ? `in ${work}, ` : ''}quoted by ${label}`;
    } else if (work) label += `, quoting ${work}`;
  }
  return label;
}

/** Human-readable location: section path and pages. */
export function where(meta: SourceMeta, p: Passage): string {
  const parts: string[] = [];
  if (p.sectionPath.length) parts.push(p.sectionPath.map((s) => `“${s}”`).join(' › '));
  const pages = pagesLabel(p);
  if (pages) parts.push(p.pages?.approximate ? `${pages} (reconstructed)` : pages);
  if (!parts.length) parts.push(paragraphLabel(p));
  if (p.speaker) parts.push(`speaker ${meta.speakers?.[p.speaker] ?? p.speaker}`);
  // Only a quotation names its work here; an ordinary paragraph's notes belong to single sentences.
  if (p.quotedFrom && p.kind === 'quote') parts.push(`quoting ${p.quotedFrom.citation}`);
  return parts.join(', ');
}

function names(meta: SourceMeta, style: 'chicago' | 'mla'): string {
  const a = meta.authors;
  if (a.length === 0) return '';
  const first = a[0]!;
  const lead = first.given ? `${first.family}, ${first.given}` : first.family;
  if (a.length === 1) return lead;
  const rest = a.slice(1).map((x) => (x.given ? `${x.given} ${x.family}` : x.family));
  if (style === 'mla' && a.length > 2) return `${lead}, et al`;
  return `${lead}, and ${rest.join(', and ')}`;
}

function locator(p: Passage): string {
  const pages = pagesLabel(p);
  if (pages) return pages;
  if (p.sectionPath.length) return `“${p.sectionPath[p.sectionPath.length - 1]}”`;
  return paragraphLabel(p);
}

function isBook(meta: SourceMeta): boolean {
  return meta.kind === 'monograph' || meta.profile === 'booklet';
}

function italic(s: string): string {
  return `*${s}*`;
}

/** Adds a closing period unless the text already ends a sentence, also inside emphasis or quotes ("Happened?*"). */
function end(s: string): string {
  return /[.?!][*”"’']*$/.test(s) ? s : `${s}.`;
}

/** Chicago author-date, reference-list form, with the passage's locator and id. Titles in *asterisks*. */
export function chicago(meta: SourceMeta, p: Passage): string {
  const who = names(meta, 'chicago');
  const title = isBook(meta) ? italic(meta.title) : `“${end(meta.title)}”`;
  const head = end(who ? `${end(who)} ${yearLabel(meta)}` : `${title} ${yearLabel(meta)}`);
  const parts = [head];
  if (who) parts.push(isBook(meta) ? end(title) : title);
  if (meta.citation.containerTitle && !isBook(meta)) parts.push(end(italic(meta.citation.containerTitle)));
  if (meta.citation.medium && !isBook(meta)) parts.push(end(meta.citation.medium));
  if (meta.place && meta.publisher) parts.push(end(`${meta.place}: ${meta.publisher}`));
  else if (meta.publisher) parts.push(end(meta.publisher));
  if (meta.citation.editionYear && meta.citation.editionYear !== meta.year) parts.push(`Edition of ${meta.citation.editionYear}.`);
  const doi = meta.citation.identifiers.find((i) => i.startsWith('DOI '));
  if (doi) parts.push(`https://doi.org/${doi.slice(4)}.`);
  parts.push(`${end(locator(p))} Passage ${p.id}.`);
  return withQuotedWork(parts.join(' '), p);
}

/** MLA 9th edition works-cited form. */
export function mla(meta: SourceMeta, p: Passage): string {
  const who = names(meta, 'mla');
  const title = isBook(meta) ? end(italic(meta.title)) : `“${end(meta.title)}”`;
  const parts: string[] = [];
  if (who) parts.push(end(who));
  parts.push(title);
  const pub: string[] = [];
  if (meta.citation.containerTitle && !isBook(meta)) pub.push(italic(meta.citation.containerTitle));
  if (meta.publisher) pub.push(meta.publisher);
  pub.push((meta.citation.editionYear ?? meta.year) ? String(meta.citation.editionYear ?? meta.year) : 'n.d.');
  pub.push(locator(p));
  parts.push(end(pub.join(', ')));
  parts.push(`Passage ${p.id}.`);
  return withQuotedWork(parts.join(' '), p);
}

/**
 * A quotation passage names the work it quotes. An ordinary paragraph's notes belong to the
 * sentences their markers stand in, so they are listed per sentence (see sentence-notes.ts), never
 * as the whole passage's source.
 */
function withQuotedWork(citation: string, p: Passage): string {
  if (!p.quotedFrom || p.kind !== 'quote') return citation;
  return `${citation} Quoting: ${end(p.quotedFrom.citation)}`;
}
