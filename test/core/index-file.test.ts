/**
 * The corpus index and the state live in two files: the index is derived and rebuilt when it is
 * damaged or outdated; the state (scores, curation, audit) is never overwritten.
 */
import { lineLogger, silentLogger } from '../../src/core/log.ts';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createBot } from '../../src/app/bot.ts';
import { DatabaseFileError, openDb } from '../../src/db/open.ts';
import { indexFileFor } from '../../src/db/index-file.ts';
import { ask, CORPUS_DIR, HERE, STUDENT } from '../support/corpus-bot.ts';
import { PROJECT_ROOT } from '../../src/paths.ts';

const dir = mkdtempSync(join(tmpdir(), 'sb-index-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const tablesOf = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
  } finally {
    db.close();
  }
};

describe('two files: the state and the corpus index', () => {
  it('GIVEN a new installation THEN the corpus tables are in the index file and the state file holds only state', async () => {
    const file = join(dir, 'a.db');
    const bot = createBot({ dbPath: file, corpusDir: CORPUS_DIR, logger: silentLogger });
    expect((await ask(bot, '/who Yezhov')).title).toBe('Who was Nikolai Yezhov?');
    bot.close();
    expect(indexFileFor(file)).toBe(join(dir, 'a.index.db'));
    expect(tablesOf(indexFileFor(file))).toEqual(expect.arrayContaining(['passages', 'sentences', 'people', 'words', 'meta']));
    const state = tablesOf(file);
    expect(state).toEqual(expect.arrayContaining(['quiz_answers', 'curations', 'mod_audit', 'reports']));
    expect(state.filter((t) => ['passages', 'sentences', 'people', 'words', 'meta', 'sources'].includes(t))).toEqual([]);
  });

  it('GIVEN an index file with garbage in its header THEN it is rebuilt from corpus/ with one line saying so, and the state is kept', async () => {
    const file = join(dir, 'b.db');
    const first = createBot({ dbPath: file, corpusDir: CORPUS_DIR, logger: silentLogger });
    const answers = (await ask(first, '/ask Who killed Kirov?')).citations.map((c) => c.passage);
    first.ctx.db.prepare("INSERT INTO mod_roles (space, role_id, by_id, by_name, at) VALUES ('discord:g', 'r1', 'admin', 'Admin', 0)").run();
    first.close();
    writeFileSync(indexFileFor(file), 'this is not a database at all'.repeat(100));
    const said: string[] = [];
    const db = openDb(file, { onIndexReplaced: (why) => said.push(why) });
    expect(said).toEqual([`the corpus index ${indexFileFor(file)} was damaged`]);
    const bot = createBot({ db, corpusDir: CORPUS_DIR, logger: silentLogger });
    expect((await ask(bot, '/ask Who killed Kirov?')).citations.map((c) => c.passage)).toEqual(answers);
    expect(db.prepare('SELECT count(*) FROM mod_roles').pluck().get()).toBe(1);
    bot.close();
  });

  it('GIVEN garbage in the middle of the index file (its header intact) THEN the first command that reads it is answered after the index is rebuilt', async () => {
    const file = join(dir, 'c.db');
    const question = '/ask When did Yezhov become head of the NKVD?';
    const first = createBot({ dbPath: file, corpusDir: CORPUS_DIR, logger: silentLogger });
    const expected = (await ask(first, question)).citations.map((c) => c.passage);
    first.ctx.db.pragma('corpus.wal_checkpoint(TRUNCATE)');
    first.close();
    // Overwrite pages in the middle of the index, where passages and the search index live.
    const index = indexFileFor(file);
    const size = statSync(index).size;
    const fd = openSync(index, 'r+');
    for (let at = 8192; at < size - 8192; at += 16384) writeSync(fd, Buffer.alloc(4096, 0x5a), 0, 4096, at);
    closeSync(fd);
    const logged: string[] = [];
    const bot = createBot({ dbPath: file, corpusDir: CORPUS_DIR, logger: lineLogger((line) => logged.push(line)) });
    const after = await ask(bot, question);
    expect(logged.some((line) => line.startsWith('error: the corpus index is damaged; rebuilding it from corpus/'))).toBe(true);
    expect(after.kind).toBe('answer');
    expect(after.citations.map((c) => c.passage)).toEqual(expected);
    bot.close();
  });

  it('GIVEN a damaged state file THEN opening it fails with a message naming the file, and the file is left as it was', () => {
    const file = join(dir, 'd.db');
    writeFileSync(file, 'scores and curation, but damaged'.repeat(200));
    const bytes = readFileSync(file);
    expect(() => openDb(file)).toThrow(DatabaseFileError);
    expect(() => openDb(file)).toThrow(`Sourcebook cannot use its database ${file}: it is not a SQLite database`);
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it('GIVEN a database from before the split (corpus tables in the state file) THEN they leave the state file and the state stays', async () => {
    const file = join(dir, 'e.db');
    // The old layout: every migration up to 010 applied to one file, with a corpus in it.
    const old = new Database(file);
    const migrations = join(PROJECT_ROOT, 'db', 'migrations');
    for (const f of readdirSync(migrations)
      .filter((x) => /^(00\d|010)_/.test(x))
      .sort())
      old.exec(readFileSync(join(migrations, f), 'utf8'));
    old.exec("INSERT INTO meta VALUES ('corpus_fingerprint', 'old'); INSERT INTO mod_roles VALUES ('discord:g', 'r1', 'admin', 'Admin', 0)");
    old.pragma('user_version = 10');
    old.close();
    const db = openDb(file, { onIndexReplaced: () => {} });
    expect(db.prepare('SELECT count(*) FROM mod_roles').pluck().get()).toBe(1);
    expect(db.prepare("SELECT count(*) FROM main.sqlite_master WHERE name IN ('passages', 'meta')").pluck().get()).toBe(0);
    const bot = createBot({ db, corpusDir: CORPUS_DIR, logger: silentLogger });
    expect((await ask(bot, '/who Yezhov')).title).toBe('Who was Nikolai Yezhov?');
    bot.close();
    expect(existsSync(indexFileFor(file))).toBe(true);
  });
});

describe('a read-only data folder', () => {
  it('GIVEN data made before THEN read-only commands answer, their buttons work, nothing is written, and /quiz says it cannot record', async () => {
    const file = join(dir, 'ro.db');
    const writer = createBot({ dbPath: file, corpusDir: CORPUS_DIR, logger: silentLogger });
    writer.prepare();
    writer.close();
    const bytes = [readFileSync(file), readFileSync(indexFileFor(file))];
    // As root the folder could not be made read-only, so the mode a read-only folder selects is asked for directly.
    const bot = createBot({ db: openDb(file, { readonly: true }), corpusDir: CORPUS_DIR, logger: silentLogger });
    bot.prepare();
    const who = await ask(bot, '/who Yezhov');
    expect(who.title).toBe('Who was Nikolai Yezhov?');
    const cite = await bot.act(who.actions.find((a) => a.label === 'Cite first quote')!.id, STUDENT, HERE);
    expect(cite.title).toBe('Citation for eme-rmhkc');
    expect((await ask(bot, '/ask Who killed Kirov?')).kind).toBe('answer');
    const quiz = await ask(bot, '/quiz');
    expect(quiz.kind).toBe('error');
    expect(quiz.blocks.map((b) => ('text' in b ? b.text : '')).join(' ')).toContain('running read-only');
    bot.close();
    expect([readFileSync(file), readFileSync(indexFileFor(file))].map((b, i) => b.equals(bytes[i]!))).toEqual([true, true]);
  });

  it('GIVEN a read-only folder whose index is out of date with corpus/ THEN a clear message says to ingest where it can write', () => {
    const file = join(dir, 'ro-stale.db');
    createBot({ dbPath: file, corpusDir: CORPUS_DIR, logger: silentLogger }).close();
    const index = new Database(indexFileFor(file));
    index.prepare("UPDATE meta SET value = 'older' WHERE key = 'corpus_fingerprint'").run();
    index.close();
    expect(() => createBot({ db: openDb(file, { readonly: true }), corpusDir: CORPUS_DIR, logger: silentLogger })).toThrow(
      /out of date with corpus\/, and its folder is read-only; run `sourcebook ingest`/,
    );
  });
});
