/** Prepared statements cached per database: moderation lookups run on every request (hidden passages, curation). */
import type { Statement } from 'better-sqlite3';
import type { DB } from '../db/open.ts';

const cache = new WeakMap<DB, Map<string, Statement>>();

export function stmt(db: DB, sql: string): Statement {
  let forDb = cache.get(db);
  if (!forDb) cache.set(db, (forDb = new Map()));
  let s = forDb.get(sql);
  if (!s) forDb.set(sql, (s = db.prepare(sql)));
  return s;
}
