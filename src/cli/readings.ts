/** `sourcebook add FILE…` and `sourcebook remove ID`: readings added to the corpus folder, then the index rebuilt. */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { ingest } from '../corpus/ingest.ts';
import { SOURCE_KINDS, PROFILES, SpaceKeySchema, type SourceMeta } from '../corpus/metadata.ts';
import { addReading, ReadingRefused, removeReading, type AddResult, type ReadingFlags } from '../corpus/readings.ts';
import { openDb } from '../db/open.ts';
import { DEFAULT_MAX_BYTES, ReadingError } from '../readings/index.ts';

export interface AddOptions {
  space?: string;
  id?: string;
  title?: string;
  author?: string;
  year?: string;
  kind?: string;
  profile?: string;
  outlet?: string;
  publisher?: string;
}

type Out = (line: string) => void;

/** A bar that redraws itself on a terminal; nothing in a log, where the summary line says it all. */
function progressBar(label: string): (done: number, total: number) => void {
  if (!process.stderr.isTTY) return () => {};
  return (done, total) => {
    const width = 30;
    const filled = Math.round((width * done) / Math.max(1, total));
    process.stderr.write(`\r  ${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
    if (done === total) process.stderr.write('\n');
  };
}

function flagsOf(opts: AddOptions): ReadingFlags | string {
  const flags: ReadingFlags = {};
  if (opts.id) flags.id = opts.id;
  if (opts.title) flags.title = opts.title;
  if (opts.author) flags.author = opts.author;
  if (opts.outlet) flags.outlet = opts.outlet;
  if (opts.publisher) flags.publisher = opts.publisher;
  if (opts.year) {
    const year = Number(opts.year);
    if (!Number.isInteger(year) || year < 1500 || year > 2100) return `--year must be a year such as 1995, not “${opts.year}”`;
    flags.year = year;
  }
  if (opts.kind) {
    if (!(SOURCE_KINDS as readonly string[]).includes(opts.kind)) return `--kind must be one of: ${SOURCE_KINDS.join(', ')}`;
    flags.kind = opts.kind as SourceMeta['kind'];
  }
  if (opts.profile) {
    if (!(PROFILES as readonly string[]).includes(opts.profile)) return `--profile must be one of: ${PROFILES.join(', ')}`;
    flags.profile = opts.profile as SourceMeta['profile'];
  }
  return flags;
}

function described(r: AddResult, seconds: number): string {
  const pages = r.pages ? `${r.pages} pages, ` : '';
  const what = r.status === 'unchanged' ? 'Already in the corpus (the same file), nothing changed' : 'Added';
  return `${what}: ${r.id} — ${r.title}: ${pages}${r.sections} sections, ${r.passages} passages, ${r.notes} notes in ${seconds.toFixed(1)} s`;
}

/** Adds each file in turn; a file that cannot be added is reported and the others still go in. Returns the exit code. */
export async function addFiles(files: string[], opts: AddOptions, paths: { db: string; corpus: string }, out: Out, err: Out): Promise<number> {
  if (opts.space && !SpaceKeySchema.safeParse(opts.space).success) {
    err('--space must name a space as the bots do: discord:<server id>, slack:<team id> or console:local.');
    return 1;
  }
  const flags = flagsOf(opts);
  if (typeof flags === 'string') {
    err(flags);
    return 1;
  }
  if (files.length > 1 && (flags.id || flags.title)) {
    err('--id and --title name one reading: give one file with them.');
    return 1;
  }
  let failed = 0;
  let added = 0;
  for (const file of files) {
    const t0 = performance.now();
    try {
      const size = statSync(file).size;
      // Refused before reading it into memory: a 200 MB file is never loaded.
      if (size > DEFAULT_MAX_BYTES)
        throw new ReadingError('too-large', `the file is ${Math.round(size / 1e6)} MB; the limit is ${DEFAULT_MAX_BYTES / 1024 / 1024} MB`);
      const r = await addReading({
        corpusDir: paths.corpus,
        bytes: new Uint8Array(readFileSync(file)),
        fileName: basename(file),
        ...(opts.space ? { space: opts.space } : {}),
        flags,
        onProgress: progressBar(basename(file)),
      });
      out(described(r, (performance.now() - t0) / 1000));
      for (const w of r.warnings) out(`  warning: ${w}`);
      if (r.status === 'added') added++;
    } catch (e) {
      failed++;
      if (e instanceof ReadingError || e instanceof ReadingRefused) err(`${file}: not added: ${e.message}. Nothing was changed for it.`);
      else if (e instanceof Error && 'code' in e && (e.code === 'ENOENT' || e.code === 'EISDIR')) err(`${file}: not added: no such file.`);
      else throw e;
    }
  }
  if (added) reindex(paths, out);
  return failed ? 1 : 0;
}

export function removeSource(id: string, opts: { space?: string }, paths: { db: string; corpus: string }, out: Out, err: Out): number {
  try {
    const meta = removeReading(paths.corpus, id, opts.space);
    out(`Removed ${meta.id} — ${meta.title}.`);
    reindex(paths, out);
    return 0;
  } catch (e) {
    if (!(e instanceof ReadingRefused)) throw e;
    err(`Not removed: ${e.message}.`);
    return 1;
  }
}

function reindex(paths: { db: string; corpus: string }, out: Out): void {
  const db = openDb(paths.db);
  try {
    const r = ingest(db, paths.corpus);
    out(`Index rebuilt: ${r.sources} sources, ${r.passages} passages in ${r.seconds.toFixed(2)} s.`);
  } finally {
    db.close();
  }
}
