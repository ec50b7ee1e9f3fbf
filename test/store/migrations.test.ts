/**
 * Store contract: migrations apply once and in order; a database migrated by a newer Sourcebook is
 * refused with a clear message; PostgreSQL unreachable, a wrong password or a missing database is
 * said plainly (no stack trace, no password), on a real server.
 */
import Database from 'better-sqlite3';
import { createServer } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MigrationsAheadError, StoreUnavailableError } from '../../src/store/errors.ts';
import { PostgresStateStore } from '../../src/store/postgres.ts';
import { backends, PG_URL, withDatabase } from './backends.ts';

function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

describe.each(backends('migrations'))('$name store: migrations', (b) => {
  beforeAll(() => b.setup());
  afterAll(() => b.teardown());

  it('GIVEN a migrated database THEN it is at the latest migration, and migrating again changes nothing', async () => {
    const s = await b.open();
    const state = await s.migrationState();
    expect(state.current).toBe(state.latest);
    expect(state.latest).toBeGreaterThan(0);
    expect(await s.migrate()).toEqual(state);
  });

  it('GIVEN a database migrated by a newer version THEN migrate refuses, naming both versions', async () => {
    const s = await b.open();
    const { latest } = await s.migrationState();
    if (b.name === 'sqlite') {
      const raw = new Database(b.location());
      raw.pragma(`user_version = ${latest + 5}`);
      raw.close();
    } else {
      const c = new pg.Client({ connectionString: b.location() });
      await c.connect();
      await c.query("INSERT INTO schema_migrations (version, name) VALUES ($1, '999_from_the_future.sql')", [latest + 5]);
      await c.end();
    }
    const newer = await b.open().then(
      () => null,
      (e: unknown) => e,
    );
    expect(newer).toBeInstanceOf(MigrationsAheadError);
    expect((newer as Error).message).toContain(`is at migration ${latest + 5}, but this Sourcebook knows migrations up to ${latest}`);
    expect(await s.migrationState()).toEqual({ current: latest + 5, latest });
  });
});

describe('PostgreSQL faults', () => {
  it('GIVEN nothing listening at the URL THEN a clear StoreUnavailableError, password masked', async () => {
    const port = await closedPort();
    const s = new PostgresStateStore(`postgres://sb:s3cret-pw@127.0.0.1:${port}/sourcebook`);
    try {
      const e = await s.migrate().catch((err: unknown) => err);
      expect(e).toBeInstanceOf(StoreUnavailableError);
      expect((e as Error).message).toBe(
        `Sourcebook cannot use PostgreSQL postgres://sb:****@127.0.0.1:${port}/sourcebook: nothing accepts connections there (is PostgreSQL running, on that host and port?).`,
      );
    } finally {
      await s.close();
    }
  });

  it.skipIf(!PG_URL)('GIVEN a wrong password THEN a clear StoreUnavailableError naming the user, not the password', async (ctx) => {
    const u = new URL(PG_URL!);
    u.password = 'not-the-password';
    // A server that trusts local connections never asks for one: nothing to test there.
    const probe = new pg.Client({ connectionString: u.toString() });
    const trusted = await probe.connect().then(
      () => true,
      () => false,
    );
    await probe.end().catch(() => {});
    if (trusted) ctx.skip();
    const s = new PostgresStateStore(u.toString());
    try {
      const e = await s.migrationState().catch((err: unknown) => err);
      expect(e).toBeInstanceOf(StoreUnavailableError);
      expect((e as Error).message).toMatch(/: PostgreSQL refused the password for user "postgres" \(check DATABASE_URL\)\.$/);
      expect((e as Error).message).not.toContain('not-the-password');
    } finally {
      await s.close();
    }
  });

  it.skipIf(!PG_URL)('GIVEN a database that does not exist THEN a clear StoreUnavailableError', async () => {
    const s = new PostgresStateStore(withDatabase(PG_URL!, 'sb_no_such_database'));
    try {
      const e = await s.migrate().catch((err: unknown) => err);
      expect(e).toBeInstanceOf(StoreUnavailableError);
      expect((e as Error).message).toMatch(/database "sb_no_such_database" does not exist on that server/);
    } finally {
      await s.close();
    }
  });
});
