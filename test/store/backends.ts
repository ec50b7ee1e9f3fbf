/**
 * The backends every store contract test runs on: SQLite (a temporary file) and PostgreSQL (a
 * database of its own per test file, on the server test/support/pg-cluster.ts provides). Each
 * `open()` is a separate store, with its own connection or pool, as two bot instances would have.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe, inject, it } from 'vitest';
import { PostgresStateStore } from '../../src/store/postgres.ts';
import { SqliteStateStore } from '../../src/store/sqlite.ts';
import type { StateStore } from '../../src/store/types.ts';

export const PG_URL = inject('pgUrl');
export const PG_SKIP = inject('pgSkip');

export interface Backend {
  name: 'sqlite' | 'postgres';
  /** Creates this file's database; call once in beforeAll. */
  setup(): Promise<void>;
  /** A new store (a new connection or pool) on this file's database, migrated. */
  open(): Promise<StateStore>;
  /** Closes every store opened and removes the database. */
  teardown(): Promise<void>;
  /** The database's location: a file, or a URL. */
  location(): string;
}

/** `postgres://…/postgres` → the same server, database `name`. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function createDatabase(adminUrl: string, label: string): Promise<string> {
  const name = `sb_${label.replace(/\W/g, '_')}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return name;
}

export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

function sqlite(label: string): Backend {
  let dir = '';
  const opened: StateStore[] = [];
  return {
    name: 'sqlite',
    async setup() {
      dir = mkdtempSync(join(tmpdir(), `sb-store-${label}-`));
    },
    async open() {
      const s = new SqliteStateStore(join(dir, 'state.db'));
      opened.push(s);
      await s.migrate();
      return s;
    },
    async teardown() {
      await Promise.all(opened.map((s) => s.close()));
      rmSync(dir, { recursive: true, force: true });
    },
    location: () => join(dir, 'state.db'),
  };
}

function postgres(label: string, adminUrl: string): Backend {
  let name = '';
  const opened: StateStore[] = [];
  return {
    name: 'postgres',
    async setup() {
      name = await createDatabase(adminUrl, label);
    },
    async open() {
      const s = new PostgresStateStore(withDatabase(adminUrl, name));
      opened.push(s);
      await s.migrate();
      return s;
    },
    async teardown() {
      await Promise.all(opened.map((s) => s.close()));
      if (name) await dropDatabase(adminUrl, name);
    },
    location: () => withDatabase(adminUrl, name),
  };
}

/** The backends for a test file; PostgreSQL's absence is shown as a skipped suite with its reason. */
export function backends(label: string): Backend[] {
  if (!PG_URL) {
    describe.skip(`postgres store (${PG_SKIP})`, () => {
      it('runs the same contract as SQLite', () => {});
    });
    return [sqlite(label)];
  }
  return [sqlite(label), postgres(label, PG_URL)];
}
