/**
 * The PostgreSQL connection pool, transactions, and plain-language connection errors.
 * bigint columns (epoch-ms times, identity ids) and count(*) arrive as strings by default; this pool
 * parses them to numbers, as better-sqlite3 gives them, refusing any beyond exact integers.
 */
import pg from 'pg';
import { StoreUnavailableError } from '../errors.ts';

export type Pool = pg.Pool;
export type Client = pg.PoolClient;

const INT8_OID = 20;

function parseInt8(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw new Error(`a bigint ${text} is beyond exact integers`);
  return n;
}

const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID && format !== 'binary' ? parseInt8 : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** A pool with what its errors name: the masked URL and the user. */
export interface Pg {
  pool: Pool;
  where: string;
  user: string;
}

export interface PoolOptions {
  max?: number;
  /** How long to wait for a connection before saying the server is unreachable. */
  connectTimeoutMs?: number;
}

export function createPool(url: string, opts: PoolOptions = {}): Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.max ?? 10,
    connectionTimeoutMillis: opts.connectTimeoutMs ?? 5000,
    types,
    application_name: 'sourcebook',
  });
  // An idle connection the server drops (a restart) is replaced at the next checkout; without a
  // listener the pool's 'error' event would end the process.
  pool.on('error', () => {});
  return pool;
}

/** A pooled connection, or a StoreUnavailableError saying why there is none. */
export async function connect(db: Pg): Promise<Client> {
  try {
    return await db.pool.connect();
  } catch (e) {
    throw unavailable(e, db);
  }
}

/**
 * Runs `fn` in one transaction on one connection: committed when it returns, rolled back when it
 * throws. A connection that fails mid-transaction is dropped from the pool rather than reused.
 */
export async function withTx<T>(db: Pg, fn: (c: Client) => Promise<T>): Promise<T> {
  const c = await connect(db);
  let broken: Error | undefined;
  try {
    await c.query('BEGIN');
    const r = await fn(c);
    await c.query('COMMIT');
    return r;
  } catch (e) {
    await c.query('ROLLBACK').catch((err: Error) => (broken = err));
    throw isConnectionLoss(e) ? unavailable(e, db) : e;
  } finally {
    c.release(broken);
  }
}

/** One statement outside a transaction (each is atomic on its own), with connection errors said plainly. */
export async function query<R extends pg.QueryResultRow = pg.QueryResultRow>(db: Pg, sql: string, params: unknown[] = []): Promise<pg.QueryResult<R>> {
  try {
    return await db.pool.query<R>(sql, params);
  } catch (e) {
    throw isConnectionLoss(e) || isConnectRefusal(e) ? unavailable(e, db) : e;
  }
}

function codeOf(e: unknown): string | undefined {
  const err = e as { code?: unknown; errors?: { code?: unknown }[] };
  // Node reports a refused dual-stack connect as an AggregateError, its code on it or on its parts.
  return String(err?.code ?? err?.errors?.[0]?.code ?? '') || undefined;
}

const CONNECT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  '28P01',
  '28000',
  '3D000',
  '57P03',
  '53300',
]);
const LOSS_CODES = new Set(['ECONNRESET', 'EPIPE', '57P01', '57P02', '08006', '08003', '08001']);

function isConnectRefusal(e: unknown): boolean {
  const code = codeOf(e);
  return (code !== undefined && CONNECT_CODES.has(code)) || /timeout/i.test(String((e as Error)?.message));
}

function isConnectionLoss(e: unknown): boolean {
  const code = codeOf(e);
  return (code !== undefined && LOSS_CODES.has(code)) || /Connection terminated/i.test(String((e as Error)?.message));
}

/** What went wrong connecting, in words a person acts on. */
export function unavailable(e: unknown, { where, user }: { where: string; user: string }): StoreUnavailableError {
  const message = String((e as Error)?.message ?? e);
  switch (codeOf(e)) {
    case '28P01':
      return new StoreUnavailableError(where, `PostgreSQL refused the password for user "${user}" (check DATABASE_URL)`);
    case '28000':
      return new StoreUnavailableError(where, `PostgreSQL refused the connection: ${message}`);
    case '3D000':
      return new StoreUnavailableError(where, `${message} on that server (create it, or fix the name in DATABASE_URL)`);
    case 'ECONNREFUSED':
      return new StoreUnavailableError(where, 'nothing accepts connections there (is PostgreSQL running, on that host and port?)');
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new StoreUnavailableError(where, 'its host name does not resolve');
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ETIMEDOUT':
      return new StoreUnavailableError(where, 'its host cannot be reached');
    case '57P03':
      return new StoreUnavailableError(where, 'PostgreSQL is starting up or shutting down; try again in a moment');
    case '53300':
      return new StoreUnavailableError(where, 'PostgreSQL has no connection slots left');
    default:
      if (/timeout/i.test(message)) return new StoreUnavailableError(where, 'PostgreSQL did not answer in time (unreachable, or overloaded)');
      return new StoreUnavailableError(where, `the connection to PostgreSQL failed or was lost (${message})`);
  }
}

/** Anything statements run on: a transaction's client, or the pool one statement at a time. */
export interface Queryable {
  query(sql: string, params?: unknown[]): Promise<pg.QueryResult>;
}

/** The pool as a Queryable, each statement on its own with connection errors said plainly. */
export function statements(db: Pg): Queryable {
  return { query: (sql, params) => query(db, sql, params) };
}
