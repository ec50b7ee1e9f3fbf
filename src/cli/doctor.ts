/**
 * `sourcebook doctor`: one line per thing a start depends on (configuration, database, migrations,
 * corpus index, platform tokens), each ok, warn or FAIL with what to do. It reads and connects but
 * writes nothing: a doctor run never creates, migrates or rebuilds anything. Secrets are never
 * printed: a URL's password is masked, tokens show as present or absent.
 */
import Database from 'better-sqlite3';
import { accessSync, constants, existsSync } from 'node:fs';
import { loadConfig, plan, type Config } from '../config.ts';
import { corpusDirFor, corpusFingerprint } from '../corpus/ingest.ts';
import { storedFingerprint } from '../corpus/store.ts';
import { indexFileFor } from '../db/index-file.ts';
import { latestMigration } from '../db/open.ts';
import { DEFAULT_CORPUS_DIR, DEFAULT_DB_FILE } from '../paths.ts';
import { maskUrl } from '../store/mask.ts';
import { PostgresStateStore } from '../store/postgres.ts';

export type Status = 'ok' | 'warn' | 'FAIL';
export interface Check {
  name: 'configuration' | 'database' | 'migrations' | 'corpus' | 'tokens';
  status: Status;
  detail: string;
}

export interface DoctorOptions {
  db?: string;
  corpus?: string;
  /** How long to wait for PostgreSQL before calling it unreachable. */
  connectTimeoutMs?: number;
}

const TOKENS = ['DISCORD_TOKEN', 'DISCORD_APPLICATION_ID', 'SLACK_BOT_TOKEN', 'SLACK_APP_TOKEN', 'SLACK_SIGNING_SECRET'] as const;

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

function configuration(env: NodeJS.ProcessEnv): { check: Check; config: Config | null; problems: string[] } {
  const loaded = loadConfig(env);
  if (!loaded.ok) return { check: { name: 'configuration', status: 'FAIL', detail: loaded.problems.join('; ') }, config: null, problems: loaded.problems };
  const p = plan(loaded.config);
  const starts = p.console
    ? 'the console chat (no platform credentials set)'
    : [p.discord && 'Discord', p.slack && `Slack (${p.slack} mode)`].filter(Boolean).join(' and ');
  if (loaded.config.DATABASE_URL)
    return {
      check: {
        name: 'configuration',
        status: 'warn',
        detail: `valid, for ${starts}; but DATABASE_URL selects PostgreSQL, which the bots do not run on yet (issue #16): \`sourcebook start\` refuses while it is set`,
      },
      config: loaded.config,
      problems: [],
    };
  return { check: { name: 'configuration', status: 'ok', detail: `valid, for ${starts}` }, config: loaded.config, problems: [] };
}

async function postgres(url: string, opts: DoctorOptions): Promise<Check[]> {
  const store = new PostgresStateStore(url, { max: 1, connectTimeoutMs: opts.connectTimeoutMs ?? 5000 });
  try {
    const m = await store.migrationState();
    const migrations: Check =
      m.current > m.latest
        ? {
            name: 'migrations',
            status: 'FAIL',
            detail: `PostgreSQL is at migration ${m.current}, but this Sourcebook knows up to ${m.latest}: a newer version upgraded it`,
          }
        : m.current < m.latest
          ? { name: 'migrations', status: 'FAIL', detail: `PostgreSQL is at migration ${m.current} of ${m.latest}: run \`sourcebook migrate\`` }
          : { name: 'migrations', status: 'ok', detail: `PostgreSQL is at migration ${m.current} of ${m.latest}` };
    return [{ name: 'database', status: 'ok', detail: `${store.where}: connected` }, migrations];
  } catch (e) {
    return [
      { name: 'database', status: 'FAIL', detail: errorText(e) },
      { name: 'migrations', status: 'FAIL', detail: 'unknown: the database cannot be reached' },
    ];
  } finally {
    await store.close();
  }
}

/** Read-only: a state file that does not exist yet is fine (the first start creates and migrates it). */
function sqlite(file: string): Check[] {
  const latest = latestMigration();
  if (!existsSync(file))
    return [
      { name: 'database', status: 'ok', detail: `SQLite ${file}: not created yet; the first start creates it` },
      { name: 'migrations', status: 'ok', detail: `none applied yet; the first start applies all ${latest}` },
    ];
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const current = db.pragma('user_version', { simple: true }) as number;
    let writable = true;
    try {
      accessSync(file, constants.W_OK);
    } catch {
      writable = false;
    }
    const database: Check = writable
      ? { name: 'database', status: 'ok', detail: `SQLite ${file}: readable and writable` }
      : { name: 'database', status: 'FAIL', detail: `SQLite ${file}: read-only (the bots need to write scores and audit entries)` };
    const migrations: Check =
      current > latest
        ? {
            name: 'migrations',
            status: 'FAIL',
            detail: `SQLite is at migration ${current}, but this Sourcebook knows up to ${latest}: a newer version upgraded it`,
          }
        : current < latest
          ? { name: 'migrations', status: 'ok', detail: `SQLite is at migration ${current} of ${latest}; the next start applies the rest` }
          : { name: 'migrations', status: 'ok', detail: `SQLite is at migration ${current} of ${latest}` };
    return [database, migrations];
  } catch (e) {
    return [
      { name: 'database', status: 'FAIL', detail: `SQLite ${file}: cannot be read (${errorText(e)})` },
      { name: 'migrations', status: 'FAIL', detail: 'unknown: the database cannot be read' },
    ];
  } finally {
    db?.close();
  }
}

/** The index beside the state file, built from corpus/ and matching it now. */
function corpus(stateFile: string, explicitCorpus: string | undefined): Check {
  const file = indexFileFor(stateFile);
  if (!existsSync(file)) return { name: 'corpus', status: 'FAIL', detail: `no index at ${file}: run \`sourcebook ingest\` (a start builds it too)` };
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const dir = corpusDirFor(db, explicitCorpus, DEFAULT_CORPUS_DIR);
    const stored = storedFingerprint(db);
    const now = corpusFingerprint(dir);
    if (stored === now) return { name: 'corpus', status: 'ok', detail: `index ${file} matches ${dir} (fingerprint ${now.slice(0, 12)})` };
    return {
      name: 'corpus',
      status: 'FAIL',
      detail: `index ${file} was built from another corpus (${stored ? stored.slice(0, 12) : 'none'}, ${dir} is ${now.slice(0, 12)}): run \`sourcebook ingest\``,
    };
  } catch (e) {
    return { name: 'corpus', status: 'FAIL', detail: `cannot check ${file}: ${errorText(e)}` };
  } finally {
    db?.close();
  }
}

function tokens(env: NodeJS.ProcessEnv, problems: string[]): Check {
  const said = TOKENS.map((k) => `${k} ${env[k]?.trim() ? 'present' : 'absent'}`).join(', ');
  const bad = problems.filter((p) => TOKENS.some((k) => p.startsWith(`${k}:`)));
  return bad.length ? { name: 'tokens', status: 'FAIL', detail: `${said} (see configuration)` } : { name: 'tokens', status: 'ok', detail: said };
}

export async function doctor(env: NodeJS.ProcessEnv, opts: DoctorOptions = {}): Promise<Check[]> {
  const { check, config, problems } = configuration(env);
  const stateFile = opts.db ?? config?.SOURCEBOOK_DB ?? (env.SOURCEBOOK_DB?.trim() || DEFAULT_DB_FILE);
  const url = config ? config.DATABASE_URL : env.DATABASE_URL?.trim();
  const badUrl = problems.some((p) => p.startsWith('DATABASE_URL'));
  const storage: Check[] = badUrl
    ? [
        { name: 'database', status: 'FAIL', detail: `DATABASE_URL (${maskUrl(url ?? '')}) is not usable; see configuration` },
        { name: 'migrations', status: 'FAIL', detail: 'unknown: no usable database' },
      ]
    : url
      ? await postgres(url, opts)
      : sqlite(stateFile);
  return [check, ...storage, corpus(stateFile, opts.corpus ?? config?.SOURCEBOOK_CORPUS), tokens(env, problems)];
}

export function formatChecks(checks: Check[]): string {
  return checks.map((c) => `${c.status.padEnd(4)}  ${c.name}: ${c.detail}`).join('\n');
}

export function healthy(checks: Check[]): boolean {
  return checks.every((c) => c.status !== 'FAIL');
}
