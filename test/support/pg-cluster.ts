/**
 * vitest globalSetup: a real PostgreSQL for the store tests. SOURCEBOOK_TEST_PG=postgres://… uses
 * that server (=off: none); otherwise, where initdb is installed, a throwaway cluster is made in a temporary
 * folder on a free local port (as the postgres user when we are root: initdb refuses root) and
 * removed after the run. The superuser has a random password, so wrong-password tests are real.
 * Without PostgreSQL the PostgreSQL tests are skipped with the reason, unless
 * SOURCEBOOK_REQUIRE_PG=1 (CI), which fails the run instead.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A superuser URL of a server the tests may create databases on; null when there is none. */
    pgUrl: string | null;
    /** Why there is none. */
    pgSkip: string;
  }
}

function findBin(name: string): string | null {
  const fromEnv = process.env.SOURCEBOOK_PG_BIN;
  if (fromEnv && existsSync(join(fromEnv, name))) return join(fromEnv, name);
  // Debian keeps the server tools out of PATH, one folder per major version: the newest wins.
  const base = '/usr/lib/postgresql';
  if (existsSync(base)) {
    const versions = readdirSync(base)
      .filter((v) => existsSync(join(base, v, 'bin', name)))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return join(base, versions[0], 'bin', name);
  }
  for (const dir of (process.env.PATH ?? '').split(':')) if (dir && existsSync(join(dir, name))) return join(dir, name);
  return null;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

function unavailable(project: TestProject, reason: string): void {
  if (process.env.SOURCEBOOK_REQUIRE_PG === '1') throw new Error(`SOURCEBOOK_REQUIRE_PG=1, but there is no PostgreSQL for the store tests: ${reason}`);
  process.stderr.write(`\n[store tests] PostgreSQL tests skipped: ${reason}\n`);
  project.provide('pgUrl', null);
  project.provide('pgSkip', reason);
}

export default async function setup(project: TestProject): Promise<(() => void) | undefined> {
  const given = process.env.SOURCEBOOK_TEST_PG;
  // A quick run without PostgreSQL, and how the skipping and SOURCEBOOK_REQUIRE_PG paths are tried.
  if (given === 'off') {
    unavailable(project, 'SOURCEBOOK_TEST_PG=off');
    return undefined;
  }
  if (given) {
    project.provide('pgUrl', given);
    project.provide('pgSkip', '');
    return undefined;
  }
  const initdb = findBin('initdb');
  const pgCtl = findBin('pg_ctl');
  if (!initdb || !pgCtl) {
    unavailable(project, 'initdb was not found (install Debian’s postgresql package, or set SOURCEBOOK_TEST_PG=postgres://…)');
    return undefined;
  }
  const root = process.getuid?.() === 0;
  const as = (cmd: string, args: string[]) => (root ? { cmd: 'runuser', args: ['-u', 'postgres', '--', cmd, ...args] } : { cmd, args });
  const run = (cmd: string, args: string[]) => {
    const c = as(cmd, args);
    return execFileSync(c.cmd, c.args, { stdio: 'pipe', timeout: 120_000 });
  };
  const dir = mkdtempSync(join(tmpdir(), 'sourcebook-pg-'));
  const data = join(dir, 'data');
  const password = randomBytes(12).toString('hex');
  const started = performance.now();
  try {
    writeFileSync(join(dir, 'pw'), `${password}\n`);
    if (root) execFileSync('chown', ['-R', 'postgres', dir]);
    chmodSync(dir, 0o700);
    run(initdb, ['-D', data, '-U', 'postgres', '--pwfile', join(dir, 'pw'), '--auth-local=trust', '--auth-host=scram-sha-256', '-E', 'UTF8', '--no-sync']);
    const port = await freePort();
    // fsync off: a throwaway cluster need not survive a power cut, and tests run faster without it.
    const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=300`;
    run(pgCtl, ['-D', data, '-l', join(dir, 'log'), '-w', '-t', '60', '-o', opts, 'start']);
    project.provide('pgUrl', `postgres://postgres:${password}@127.0.0.1:${port}/postgres`);
    project.provide('pgSkip', '');
    process.stderr.write(`\n[store tests] a throwaway PostgreSQL on 127.0.0.1:${port} (started in ${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    const err = e as { stderr?: Buffer; message: string };
    unavailable(project, `starting a throwaway cluster failed: ${String(err.stderr ?? '').trim() || err.message}`);
    return undefined;
  }
  return () => {
    try {
      run(pgCtl, ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}
