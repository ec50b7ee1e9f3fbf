/** `sourcebook backup FILE`: an online copy of the state that opens, holds what was written, and never leaves a partial file. */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { backupTo } from '../src/cli/backup.ts';
import { openDb } from '../src/db/open.ts';

const dir = mkdtempSync(join(tmpdir(), 'sourcebook-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('sourcebook backup', () => {
  it('GIVEN a database being written to THEN the copy opens, passes SQLite’s check and holds the rows committed before it', async () => {
    const db = openDb(join(dir, 'live.db'));
    db.prepare("INSERT INTO quiz_settings (space, approval) VALUES ('discord:g1', 1)").run();
    const r = await backupTo(db, join(dir, 'copy.db'));
    // Written after the backup: not in the copy.
    db.prepare("INSERT INTO quiz_settings (space, approval) VALUES ('discord:g2', 1)").run();
    expect(r.pages).toBeGreaterThan(0);
    const copy = new Database(join(dir, 'copy.db'), { readonly: true });
    expect(copy.pragma('quick_check', { simple: true })).toBe('ok');
    expect(copy.prepare('SELECT space FROM quiz_settings').pluck().all()).toEqual(['discord:g1']);
    copy.close();
    db.close();
    expect(existsSync(join(dir, 'copy.db.partial'))).toBe(false);
  });

  it('GIVEN a target folder that does not exist THEN it rejects and writes nothing', async () => {
    const db = openDb(join(dir, 'live2.db'));
    const target = join(dir, 'no-such-dir', 'copy.db');
    await expect(backupTo(db, target)).rejects.toThrow();
    db.close();
    expect(existsSync(target)).toBe(false);
  });

  it('GIVEN an earlier backup at the target THEN it is replaced only by a copy that passed the check', async () => {
    const db = openDb(join(dir, 'live3.db'));
    writeFileSync(join(dir, 'prev.db'), 'an earlier backup');
    await backupTo(db, join(dir, 'prev.db'));
    const copy = new Database(join(dir, 'prev.db'), { readonly: true });
    expect(copy.pragma('quick_check', { simple: true })).toBe('ok');
    copy.close();
    db.close();
  });
});
