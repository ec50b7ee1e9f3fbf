/**
 * Which state store a configuration selects: PostgreSQL when DATABASE_URL is set, otherwise the
 * SQLite file (SOURCEBOOK_DB, or data/sourcebook.db). Only `sourcebook doctor` and the store tests
 * open one today; the bot still runs on SQLite directly (issue #16 tracks the rest).
 */
import { DEFAULT_DB_FILE } from '../paths.ts';
import { PostgresStateStore, type PostgresOptions } from './postgres.ts';
import { SqliteStateStore } from './sqlite.ts';
import type { StateStore } from './types.ts';

export function openStateStore(config: { DATABASE_URL?: string | undefined; SOURCEBOOK_DB?: string | undefined }, pgOptions: PostgresOptions = {}): StateStore {
  if (config.DATABASE_URL) return new PostgresStateStore(config.DATABASE_URL, pgOptions);
  return new SqliteStateStore(config.SOURCEBOOK_DB ?? DEFAULT_DB_FILE);
}
