/** Opens the SQLite database (WAL) and applies pending migrations from db/migrations. */
import Database from 'better-sqlite3';
import { accessSync, constants, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { attachIndex, indexFileFor, INDEX_SCHEMA_VERSION } from './index-file.ts';

export type DB = Database.Database;

const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'db', 'migrations');

interface Migration {
  version: number;
  name: string;
  sql: string;
}

function loadMigrations(): Migration[] {
  return readdirSync(MIGRATIONS_DIR)
    .filter((f) => /^\d{3}_[\w-]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 3)), name: f, sql: readFileSync(join(MIGRATIONS_DIR, f), 'utf8') }));
}

/** The newest migration this code knows (what a database it made or upgraded is at). */
export function latestMigration(): number {
  return Math.max(...loadMigrations().map((m) => m.version));
}

/** Each migration runs in its own transaction and bumps `user_version`; a failed one leaves the database as it was. */
export function migrate(db: DB): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  let applied = 0;
  for (const m of loadMigrations()) {
    if (m.version <= current) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
    applied++;
  }
  return applied;
}

/** The database file cannot be used: damaged, not a database, or not writable. Shown to the user as it is. */
export class DatabaseFileError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`Sourcebook cannot use its database ${file}: ${reason}.`);
  }
}

function reasonOf(code: string | undefined): string | null {
  switch (code) {
    case 'SQLITE_NOTADB':
      return 'it is not a SQLite database (truncated, or overwritten with other data)';
    case 'SQLITE_CORRUPT':
      return 'it is damaged';
    case 'SQLITE_READONLY':
    case 'SQLITE_READONLY_DBMOVED':
      return 'it cannot be written (a read-only file or folder)';
    case 'SQLITE_CANTOPEN':
      return 'it cannot be opened (a missing or read-only folder)';
    default:
      return null;
  }
}

export interface OpenOptions {
  /** Told, in one line, when the corpus index file had to be replaced (damaged, or of an older version). */
  onIndexReplaced?: (why: string) => void;
  /** Open without writing anything (a read-only folder); by default, when the folder or file cannot be written. */
  readonly?: boolean;
}

/** Whether the database file (or, while it does not exist, its folder) can be written. */
function writable(file: string): boolean {
  if (file === ':memory:') return true;
  try {
    if (existsSync(file)) accessSync(file, constants.W_OK);
    let dir = dirname(file);
    while (!existsSync(dir) && dirname(dir) !== dir) dir = dirname(dir);
    accessSync(dir, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Opens the state database `file` (scores, curation, audit, schedules: never overwritten) with the
 * corpus index attached from its own file beside it (see index-file.ts).
 */
export function openDb(file: string, opts: OpenOptions = {}): DB {
  try {
    if (opts.readonly ?? !writable(file)) return openReadOnly(file);
    const db = openOrThrow(file);
    attachIndex(db, indexFileFor(file), opts.onIndexReplaced ?? ((why) => process.stderr.write(`Sourcebook: ${why}; it is rebuilt from corpus/.\n`)));
    return db;
  } catch (e) {
    const reason = reasonOf((e as { code?: string }).code);
    if (reason) throw new DatabaseFileError(file, reason);
    throw e;
  }
}

/**
 * Read-only: no WAL switch, no migration, nothing written to either file. What read-only commands
 * still write (the ids behind their buttons) goes to temporary tables that live as long as the process.
 */
function openReadOnly(file: string): DB {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  const latest = latestMigration();
  if ((db.pragma('user_version', { simple: true }) as number) !== latest) {
    db.close();
    throw new DatabaseFileError(file, 'it needs updating by this version of Sourcebook, and its folder is read-only');
  }
  db.prepare('ATTACH DATABASE ? AS corpus').run(indexFileFor(file));
  if ((db.pragma('corpus.user_version', { simple: true }) as number) !== INDEX_SCHEMA_VERSION) {
    db.close();
    throw new DatabaseFileError(
      indexFileFor(file),
      'the corpus index is missing or of another version, and its folder is read-only; run `sourcebook ingest` where it can write',
    );
  }
  for (const table of TEMPORARY_IN_READ_ONLY) {
    const sql = db.prepare("SELECT sql FROM main.sqlite_master WHERE type = 'table' AND name = ?").pluck().get(table) as string;
    db.exec(sql.replace(/^CREATE TABLE (\w+)/, 'CREATE TEMP TABLE $1'));
  }
  return db;
}

/** State that read-only commands write: the ids of the buttons on their replies. */
const TEMPORARY_IN_READ_ONLY = ['actions'];

function openOrThrow(file: string): DB {
  const db = openStateFile(file);
  migrate(db);
  return db;
}

/**
 * The state file with the settings every writer uses (WAL, foreign keys, a busy timeout), not yet
 * migrated: the state store (src/store/sqlite.ts) opens it so, to check its version before migrating.
 */
export function openStateFile(file: string): DB {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  if (file !== ':memory:') {
    db.pragma('journal_mode = WAL');
    // In WAL mode NORMAL is durable across application crashes; only an OS crash may lose the last commits.
    db.pragma('synchronous = NORMAL');
  }
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  return db;
}
