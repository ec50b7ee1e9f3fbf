/** Ingest: validate and segment the corpus folder, then replace the stored corpus in one transaction. */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DatabaseFileError, type DB } from '../db/open.ts';
import { corpusHash } from './fingerprint.ts';
import { buildCorpus, metadataFiles, type Progress } from './build.ts';
import { corpusEntries } from './metadata.ts';
import { loadAliases } from './aliases.ts';
import { loadErrata } from './errata.ts';
import { storeCorpus, storedFingerprint, type IngestCounts } from './store.ts';
import { parallelPays, storeInParallel } from './parallel.ts';

export interface IngestResult extends IngestCounts {
  seconds: number;
}

export interface IngestOptions {
  /**
   * Build in a worker thread while this one writes (parallel.ts): by default when the corpus is
   * large enough for it to pay and there is a second core. The index is the same either way.
   */
  parallel?: boolean;
}

/** Throws MetadataError before writing anything when the corpus folder is not valid. */
export function ingest(db: DB, corpusDir: string, onProgress?: Progress, opts: IngestOptions = {}): IngestResult {
  const t0 = performance.now();
  const parallel = opts.parallel ?? parallelPays(corpusDir);
  const counts = (parallel ? storeInParallel(db, corpusDir, onProgress) : null) ?? storeCorpus(db, buildCorpus(corpusDir, onProgress));
  db.prepare("INSERT INTO meta (key, value) VALUES ('corpus_dir', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(resolve(corpusDir));
  return { ...counts, seconds: (performance.now() - t0) / 1000 };
}

/** Same hash as buildCorpus computes, without segmenting: cheap enough to run at every start. */
export function corpusFingerprint(corpusDir: string): string {
  const texts = corpusEntries(corpusDir).map(({ meta, dir }) => readFileSync(join(dir, meta.file), 'utf8'));
  return corpusHash(metadataFiles(corpusDir), loadAliases(corpusDir), texts, loadErrata(corpusDir));
}

/** Ingests when the database is empty or older than the corpus folder; returns null when it was current. */
export function ensureCorpus(db: DB, corpusDir: string, onStart?: () => void, onProgress?: Progress): IngestResult | null {
  if (storedFingerprint(db) === corpusFingerprint(corpusDir)) return null;
  if (db.readonly) {
    const index = (db.prepare("SELECT file FROM pragma_database_list WHERE name = 'corpus'").pluck().get() as string | undefined) ?? 'the corpus index';
    throw new DatabaseFileError(index, 'it is out of date with corpus/, and its folder is read-only; run `sourcebook ingest` where it can write');
  }
  onStart?.();
  return ingest(db, corpusDir, onProgress);
}

/**
 * The corpus folder a database belongs to: the one asked for, else the one it was last ingested
 * from (so `ingest --corpus X --db F` followed by `ask --db F` keeps X), else the fallback.
 */
export function corpusDirFor(db: DB, explicit: string | undefined, fallback: string): string {
  if (explicit) return explicit;
  const row = db.prepare("SELECT value FROM meta WHERE key = 'corpus_dir'").get() as { value: string } | undefined;
  return row && existsSync(join(row.value, 'sources.json')) ? row.value : fallback;
}
