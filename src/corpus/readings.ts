/**
 * Readings a study group adds to the corpus: a document is read (src/readings) into canonical
 * Markdown, given a validated metadata entry from what the file says and what the caller adds,
 * and written to the corpus folder's readings/ (its text and readings/sources.json). Nothing is
 * written until the entry validates and the text segments into passages, and each file is
 * replaced whole (written aside, then renamed), so a failure leaves the corpus as it was.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readDocument, type Reading, type ReadingFormat } from '../readings/index.ts';
import { buildSource } from './build.ts';
import { corpusEntries, READINGS_DIR, SourceMetaSchema, type SourceMeta } from './metadata.ts';

export interface ReadingFlags {
  id?: string;
  title?: string;
  /** "Given Family" or "Family, Given"; several separated by ";". */
  author?: string;
  year?: number;
  kind?: SourceMeta['kind'];
  profile?: SourceMeta['profile'];
  outlet?: string;
  publisher?: string;
  description?: string;
}

export interface AddRequest {
  corpusDir: string;
  bytes: Uint8Array;
  fileName: string;
  /** The space whose reading it is; none for a source every space shares. */
  space?: string;
  flags?: ReadingFlags;
  today?: string;
  maxBytes?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface AddResult {
  status: 'added' | 'unchanged';
  id: string;
  title: string;
  pages: number | null;
  sections: number;
  passages: number;
  notes: number;
  warnings: string[];
}

/** Why an entry could not be made: said to the person adding, nothing written. */
export class ReadingRefused extends Error {}

/** How a format's text is cited ("medium" of the citation). */
const MEDIUM: Record<ReadingFormat, string> = { pdf: 'PDF', html: 'Web page', docx: 'Word document', epub: 'EPUB', markdown: 'Text', text: 'Text' };

export async function addReading(req: AddRequest): Promise<AddResult> {
  const reading = await readDocument(req.bytes, {
    fileName: req.fileName,
    ...(req.maxBytes ? { maxBytes: req.maxBytes } : {}),
    ...(req.onProgress ? { onProgress: req.onProgress } : {}),
  });
  const entries = corpusEntries(req.corpusDir);
  // The same file again, where it would be seen: nothing to do.
  const same = entries.find((e) => e.meta.origin?.sha256 === reading.sha256 && (e.meta.space === undefined || e.meta.space === req.space));
  if (same) return { ...summary(same.meta, reading, countPassages(same.meta, reading.markdown)), status: 'unchanged' };
  const meta = entryFor(
    reading,
    req,
    entries.map((e) => e.meta),
  );
  const passages = countPassages(meta, reading.markdown);
  if (!passages) throw new ReadingRefused('no passages: the document has no paragraphs of text Sourcebook could quote');
  writeEntry(req.corpusDir, meta, reading.markdown);
  return summary(meta, reading, passages);
}

/** Takes an added reading out of the corpus folder; the bundled sources are never removed this way. */
export function removeReading(corpusDir: string, id: string, space?: string): SourceMeta {
  const dir = join(corpusDir, READINGS_DIR);
  const list = readingsList(corpusDir);
  const meta = list.find((m) => m.id === id);
  if (!meta) {
    const bundled = corpusEntries(corpusDir).some((e) => e.meta.id === id);
    throw new ReadingRefused(
      bundled ? `${id} is one of the bundled sources; a group turns it off with /source disable ${id}` : `no added reading has the id “${id}”`,
    );
  }
  if (space !== undefined && meta.space !== space) throw new ReadingRefused(`no reading of this group has the id “${id}”`);
  const rest = list.filter((m) => m.id !== id);
  if (rest.length) replaceFile(join(dir, 'sources.json'), json(rest));
  else rmSync(join(dir, 'sources.json'));
  rmSync(join(dir, meta.file), { force: true });
  return meta;
}

/** The added readings' entries (readings/sources.json), as written. */
export function readingsList(corpusDir: string): SourceMeta[] {
  return corpusEntries(corpusDir)
    .filter((e) => e.dir === join(corpusDir, READINGS_DIR))
    .map((e) => e.meta);
}

function entryFor(reading: Reading, req: AddRequest, existing: SourceMeta[]): SourceMeta {
  const f = req.flags ?? {};
  const title = f.title ?? reading.meta.title ?? req.fileName.replace(/\.[^.]+$/, '');
  const authors = f.author ? parseAuthors(f.author) : reading.meta.authors;
  const year = f.year ?? reading.meta.year;
  const id = f.id ?? uniqueId(slug(authors[0]?.family ?? title, year), existing);
  if (existing.some((m) => m.id === id)) throw new ReadingRefused(`a source with the id “${id}” is already in the corpus; choose another with --id`);
  const pages = reading.pages ? `, ${reading.pages} pages` : '';
  const candidate = {
    id,
    file: `${id}.md`,
    profile: f.profile ?? 'document',
    kind: f.kind ?? guessKind(reading),
    idPrefix: uniquePrefix(id, existing),
    title,
    authors,
    outlet: f.outlet ?? reading.meta.outlet,
    publisher: f.publisher ?? reading.meta.publisher,
    place: null,
    year,
    date: reading.meta.date ?? (year ? String(year) : null),
    licence: null,
    description:
      f.description ?? `Added by a study group from ${req.fileName} (${MEDIUM[reading.format]}${pages}). Not summarised by the Sourcebook maintainers.`,
    citation: {
      containerTitle: f.outlet ?? reading.meta.outlet,
      medium: MEDIUM[reading.format],
      identifiers: [...(reading.meta.doi ? [`doi:${reading.meta.doi}`] : []), ...(reading.meta.url ? [reading.meta.url] : [])],
      notes: null,
    },
    ...(req.space ? { space: req.space } : {}),
    origin: { file: req.fileName.slice(-255), sha256: reading.sha256, format: reading.format, added: req.today ?? new Date().toISOString().slice(0, 10) },
  };
  // Two sources cited alike ("Goble (2019)") would be one to a reader: the added one is "Goble (2019b)".
  const alike = existing.filter(
    (m) => m.authors[0]?.family === authors[0]?.family && m.year === year && (m.space === undefined || m.space === req.space || req.space === undefined),
  );
  const suffix = alike.length ? 'bcdefghijklmnopqrstuvwxyz'[Math.min(alike.length - 1, 24)] : undefined;
  const parsed = SourceMetaSchema.safeParse(suffix ? { ...candidate, yearSuffix: suffix } : candidate);
  if (!parsed.success) {
    throw new ReadingRefused(`the reading's details are not valid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return { ...parsed.data, idPrefix: candidate.idPrefix };
}

function countPassages(meta: SourceMeta, markdown: string): number {
  return buildSource(meta, markdown).passages.length;
}

function summary(meta: SourceMeta, reading: Reading, passages: number): AddResult {
  return {
    status: 'added',
    id: meta.id,
    title: meta.title,
    pages: reading.pages,
    sections: reading.sections,
    passages,
    notes: reading.notes,
    warnings: reading.warnings,
  };
}

/** A long paginated document reads as a book; a web page as a blog post; anything else as an essay. */
function guessKind(r: Reading): SourceMeta['kind'] {
  if (r.format === 'html') return 'blog post';
  if ((r.pages ?? 0) >= 80 || r.format === 'epub') return 'monograph';
  return 'essay';
}

export function parseAuthors(text: string): SourceMeta['authors'] {
  return text
    .split(';')
    .map((a) => a.trim())
    .filter(Boolean)
    .map((a) => {
      if (a.includes(',')) {
        const [family, given] = a.split(',', 2).map((x) => x.trim());
        return { family: family!, given: given ?? '' };
      }
      const words = a.split(/\s+/);
      return { family: words.pop()!, given: words.join(' ') };
    });
}

function slug(name: string, year: number | null): string {
  const base = name
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 30)
    .replace(/-+$/, '');
  return `${base.length >= 2 ? base : 'reading'}${year ? `-${year}` : ''}`;
}

function uniqueId(base: string, existing: SourceMeta[]): string {
  const taken = new Set(existing.map((m) => m.id));
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}

/** Passage ids start with a short prefix of letters ("rei-87dfk"): the id's own letters, else others of them, unique in the corpus. */
function uniquePrefix(id: string, existing: SourceMeta[]): string {
  const taken = new Set(existing.map((m) => m.idPrefix));
  const letters = id.replace(/[^a-z]/g, '') || 'rd';
  for (let len = 3; len <= 5; len++) {
    const p = letters.slice(0, len).padEnd(len, 'x');
    if (!taken.has(p)) return p;
  }
  const alphabet = 'abcdefghijklmnopqrstuvwxyz';
  for (const a of alphabet) for (const b of alphabet) if (!taken.has(`${letters.slice(0, 2)}${a}${b}`)) return `${letters.slice(0, 2)}${a}${b}`;
  throw new ReadingRefused('no passage id prefix is left for another reading');
}

function writeEntry(corpusDir: string, meta: SourceMeta, markdown: string): void {
  const dir = join(corpusDir, READINGS_DIR);
  mkdirSync(dir, { recursive: true });
  const list = readingsList(corpusDir);
  // The text first: an entry never names a file that is not there.
  replaceFile(join(dir, meta.file), markdown);
  try {
    replaceFile(join(dir, 'sources.json'), json([...list, meta]));
  } catch (e) {
    rmSync(join(dir, meta.file), { force: true });
    throw e;
  }
}

function json(list: SourceMeta[]): string {
  return `${JSON.stringify({ sources: list }, null, 2)}\n`;
}

function replaceFile(path: string, text: string): void {
  const aside = `${path}.${process.pid}.tmp`;
  writeFileSync(aside, text);
  renameSync(aside, path);
}
