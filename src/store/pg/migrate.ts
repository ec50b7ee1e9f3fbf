/**
 * Versioned PostgreSQL migrations from db/pg/NNN_name.sql, applied in order, each in its own
 * transaction and recorded in schema_migrations. A session advisory lock lets one instance migrate
 * at a time: several bots starting together on a new database do not race to create its tables.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MigrationsAheadError } from '../errors.ts';
import type { MigrationState } from '../types.ts';
import { connect, query, type Client, type Pg } from './pool.ts';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'db', 'pg');
/** Any constant both migrators agree on: "sbmigrat" in ASCII. */
const MIGRATION_LOCK = 0x73626d6967726174n;

interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function pgMigrations(dir = DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{3}_[\w-]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 3)), name: f, sql: readFileSync(join(dir, f), 'utf8') }));
}

const CREATE_LEDGER = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`;

async function current(run: (sql: string) => Promise<{ rows: { v: number | null }[] }>): Promise<number> {
  const exists = await run("SELECT CASE WHEN to_regclass('schema_migrations') IS NULL THEN NULL ELSE 1 END AS v");
  if (exists.rows[0]?.v === null) return 0;
  return (await run('SELECT max(version) AS v FROM schema_migrations')).rows[0]?.v ?? 0;
}

/** Reads the state without writing: a database never migrated is at 0. */
export async function pgMigrationState(db: Pg, dir = DIR): Promise<MigrationState> {
  const latest = Math.max(0, ...pgMigrations(dir).map((m) => m.version));
  return { current: await current((sql) => query(db, sql)), latest };
}

export async function migratePg(db: Pg, dir = DIR): Promise<MigrationState> {
  const migrations = pgMigrations(dir);
  const latest = Math.max(0, ...migrations.map((m) => m.version));
  const c = await connect(db);
  try {
    await c.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await c.query(CREATE_LEDGER);
      const at = await current((sql) => c.query(sql));
      if (at > latest) throw new MigrationsAheadError(db.where, at, latest);
      for (const m of migrations) if (m.version > at) await apply(c, m);
      return { current: Math.max(at, latest), latest };
    } finally {
      await c.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    c.release();
  }
}

async function apply(c: Client, m: Migration): Promise<void> {
  await c.query('BEGIN');
  try {
    await c.query(m.sql);
    await c.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
    await c.query('COMMIT');
  } catch (e) {
    await c.query('ROLLBACK');
    throw new Error(`PostgreSQL migration ${m.name} failed, and nothing of it was applied: ${(e as Error).message}`);
  }
}
