/**
 * `sourcebook backup FILE`: a consistent copy of the database while the bots run. SQLite's online
 * backup copies pages under a read transaction, so answers written meanwhile land in the next
 * backup, never half in this one. The copy is written beside the target and renamed into place,
 * so a failed backup never leaves a truncated file where a good one was.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import type { DB } from '../db/open.ts';

export interface BackupResult {
  file: string;
  pages: number;
  seconds: number;
}

export async function backupTo(db: DB, file: string): Promise<BackupResult> {
  const started = performance.now();
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  try {
    const { totalPages } = await db.backup(partial);
    // Check the copy before it replaces anything: it must open and pass SQLite's own check.
    const copy = new Database(partial, { readonly: true });
    try {
      const ok = copy.pragma('quick_check', { simple: true });
      if (ok !== 'ok') throw new Error(`the copy failed SQLite's check: ${String(ok)}`);
    } finally {
      copy.close();
    }
    renameSync(partial, file);
    return { file, pages: totalPages, seconds: (performance.now() - started) / 1000 };
  } finally {
    if (existsSync(partial)) rmSync(partial, { force: true });
  }
}
