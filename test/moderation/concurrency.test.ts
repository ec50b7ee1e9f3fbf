/**
 * Moderator writes with another process (a shard) on the same database file. A deferred
 * transaction that reads, then writes after the other process committed, fails with
 * SQLITE_BUSY_SNAPSHOT; the moderation writes take the write lock first, so the other writer
 * waits instead and the moderator's change goes through.
 */
import { silentLogger } from '../../src/core/log.ts';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CoreBot } from '../../src/app/bot.ts';
import { createBot } from '../../src/app/bot.ts';
import { spaceKey, type Request } from '../../src/core/request.ts';
import { openDb, type DB } from '../../src/db/open.ts';
import { record } from '../../src/moderation/audit.ts';
import { getHidden } from '../../src/moderation/hidden-store.ts';
import { readState, writeState } from '../../src/moderation/targets.ts';
import { removeDbFile, tempDbFile } from '../quiz/helpers.ts';
import { ADMIN, CORPUS_DIR, EMELYANOV_YEZHOV, REIMAN_YEZHOV, STUDENT, freshSpace, run } from './support.ts';

/** Runs once, right after the moderation code's first read of a target (so before its first write). */
let between: (() => void) | null = null;
function afterRead<T>(value: T): T {
  const f = between;
  between = null;
  f?.();
  return value;
}

vi.mock(import('../../src/moderation/targets.ts'), async (original) => {
  const m = await original();
  return { ...m, readState: (...a: Parameters<typeof m.readState>) => afterRead(m.readState(...a)) };
});
vi.mock(import('../../src/moderation/report-store.ts'), async (original) => {
  const m = await original();
  return { ...m, countOpenBy: (...a: Parameters<typeof m.countOpenBy>) => afterRead(m.countOpenBy(...a)) };
});

let file: string;
let bot: CoreBot;
let shard: DB;

beforeAll(() => {
  file = tempDbFile();
  bot = createBot({ db: openDb(file), corpusDir: CORPUS_DIR, logger: silentLogger });
  shard = openDb(file);
  // The other process does not wait: whether it could write at that moment is what the tests look at.
  shard.pragma('busy_timeout = 0');
}, 60_000);

afterAll(() => {
  shard.close();
  bot.ctx.db.close();
  removeDbFile(file);
});

let clicks = 0;
/** Another shard records a button (any write) and says whether it could. */
function shardWrites(): () => string {
  let outcome = 'not run';
  between = () => {
    try {
      shard.prepare('INSERT INTO actions (id, payload_json, created_at) VALUES (?, ?, 0)').run(`shard-${++clicks}`, '{}');
      outcome = 'wrote';
    } catch (err) {
      outcome = (err as { code?: string }).code ?? String(err);
    }
  };
  return () => outcome;
}

describe('moderator writes with another shard on the same database', () => {
  it('GIVEN a shard writes while a moderator change is between its read and its write THEN the change commits and the shard waited', () => {
    const where = freshSpace();
    const space = spaceKey(where);
    const req: Request = { command: 'hide', args: '', user: ADMIN, where };
    const target = { type: 'hidden' as const, passage: REIMAN_YEZHOV };
    const outcome = shardWrites();
    const entry = record(bot.ctx, req, 'hide', 'hid a passage', () => {
      const before = readState(bot.ctx.db, space, target);
      writeState(bot.ctx.db, space, target, { reason: null, by: { id: ADMIN.id, name: ADMIN.name }, at: 1 }, 1);
      return { targets: [target], before: [before] };
    });
    expect(outcome()).toBe('SQLITE_BUSY');
    expect(entry).toMatchObject({ seq: 1, action: 'hide' });
    expect(getHidden(bot.ctx.db, space, REIMAN_YEZHOV)).not.toBeNull();
  });

  it('GIVEN a shard writes while /undo is between reading the entry and restoring it THEN the undo commits', async () => {
    const where = freshSpace();
    await run(bot, where, ADMIN, `/hide ${EMELYANOV_YEZHOV}`);
    const outcome = shardWrites();
    const r = await run(bot, where, ADMIN, '/undo 1');
    expect(r.title).toBe('Undone: #1');
    expect(outcome()).toBe('SQLITE_BUSY');
    expect(getHidden(bot.ctx.db, spaceKey(where), EMELYANOV_YEZHOV)).toBeNull();
  });

  it('GIVEN a shard writes while /report counts the reporter’s open reports THEN the report is stored', async () => {
    const where = freshSpace();
    const outcome = shardWrites();
    const r = await run(bot, where, STUDENT, '/report who Yezhov | dates look wrong');
    expect(r.title).toBe('Report #1 sent');
    expect(outcome()).toBe('SQLITE_BUSY');
  });
});
