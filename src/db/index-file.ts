/**
 * The corpus index in its own file, attached to the state database as `corpus`. It is derived from
 * corpus/ and rebuilt at will, so a damaged or outdated index file is replaced, never repaired;
 * the state file beside it (scores, curation, audit) is never touched by any of this.
 * Queries name its tables unqualified: SQLite finds them in the attached file.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3';

type DB = Database.Database;

/** The schema version of db/index/schema.sql; an index file of another version is rebuilt. */
export const INDEX_SCHEMA_VERSION = 1;
const SCHEMA_FILE = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'db', 'index', 'schema.sql');
const DAMAGED = new Set(['SQLITE_NOTADB', 'SQLITE_CORRUPT', 'SQLITE_CORRUPT_INDEX', 'SQLITE_CORRUPT_VTAB', 'SQLITE_CORRUPT_SEQUENCE']);

/** "data/sourcebook.db" → "data/sourcebook.index.db"; in memory, in memory. */
export function indexFileFor(stateFile: string): string {
  if (stateFile === ':memory:') return ':memory:';
  return stateFile.replace(/(\.db|\.sqlite3?)?$/, '.index.db');
}

/** Whether an error says a database file is damaged (not a database, or corrupt). */
export function isDamage(e: unknown): boolean {
  return DAMAGED.has(String((e as { code?: unknown }).code ?? ''));
}

/** The schema with every object created in the attached `corpus` database. */
function qualifiedSchema(): string {
  return readFileSync(SCHEMA_FILE, 'utf8')
    .replace(/CREATE (VIRTUAL )?TABLE (\w+)/g, 'CREATE $1TABLE corpus.$2')
    .replace(/CREATE INDEX (\w+) ON/g, 'CREATE INDEX corpus.$1 ON');
}

function removeFile(file: string): void {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) if (existsSync(f)) rmSync(f);
}

function version(db: DB): number {
  return db.pragma('corpus.user_version', { simple: true }) as number;
}

/**
 * Attaches the index file as `corpus`, creating its schema when it is new. A file that is not a
 * database, is damaged, or has another schema version is replaced by an empty index (which the
 * caller fills from corpus/); `onReplaced` is told why, in one line.
 */
export function attachIndex(db: DB, file: string, onReplaced: (why: string) => void = () => {}): void {
  try {
    db.prepare('ATTACH DATABASE ? AS corpus').run(file);
    const v = version(db);
    const tables = db.prepare("SELECT count(*) FROM corpus.sqlite_master WHERE type = 'table'").pluck().get() as number;
    if (v === INDEX_SCHEMA_VERSION) return;
    if (tables > 0) {
      db.exec('DETACH DATABASE corpus');
      replace(db, file);
      onReplaced(`the corpus index ${file} was of an older version`);
      return;
    }
    create(db);
  } catch (e) {
    if (!isDamage(e) || file === ':memory:') throw e;
    if (db.prepare("SELECT 1 FROM pragma_database_list WHERE name = 'corpus'").get()) db.exec('DETACH DATABASE corpus');
    replace(db, file);
    onReplaced(`the corpus index ${file} was damaged`);
  }
}

function replace(db: DB, file: string): void {
  if (file !== ':memory:') removeFile(file);
  db.prepare('ATTACH DATABASE ? AS corpus').run(file);
  create(db);
}

function create(db: DB): void {
  if (db.name !== ':memory:') db.pragma('corpus.journal_mode = WAL');
  db.transaction(() => {
    db.exec(qualifiedSchema());
    db.pragma(`corpus.user_version = ${INDEX_SCHEMA_VERSION}`);
  })();
}

/** Empties a damaged index (detach, delete, recreate) so the caller can fill it again from corpus/. */
export function resetIndex(db: DB): void {
  const file = (db.prepare("SELECT file FROM pragma_database_list WHERE name = 'corpus'").pluck().get() as string | undefined) || ':memory:';
  db.exec('DETACH DATABASE corpus');
  replace(db, file);
}

/**
 * Runs `read` against the index; when the index turns out damaged, empties it and runs `read` once
 * more (the reads that open a corpus then fill it afresh from corpus/). `onDamage` is told first.
 */
export function withIndex<T>(db: DB, read: () => T, onDamage: (err: unknown) => void): T {
  try {
    return read();
  } catch (e) {
    if (!isDamage(e)) throw e;
    onDamage(e);
    resetIndex(db);
    return read();
  }
}
