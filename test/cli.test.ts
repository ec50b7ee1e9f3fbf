/** The `sourcebook` bin as a user runs it: a real process, a temporary database. */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/paths.ts';
import { CORPUS_DIR } from './support/corpus-bot.ts';

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'sb-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function sourcebook(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await run(process.execPath, [join(PROJECT_ROOT, 'bin/sourcebook.js'), ...args], { env: { ...process.env, ...env }, cwd: dir });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: err.code ?? -1, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
  }
}

describe('sourcebook ask', () => {
  it('GIVEN "/who Ежов" --json THEN the stable JSON shape, and an action id from it runs with --action alone', async () => {
    const db = join(dir, 'ask.db');
    const r = await sourcebook(['ask', '/who Ежов', '--json', '--db', db, '--corpus', CORPUS_DIR]);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as {
      text: string;
      citations: { passage: string; source: string; quote: string; where: string }[];
      actions: { id: string; label: string }[];
    };
    expect(json.text).toContain('Who was Nikolai Yezhov?');
    expect(json.citations.length).toBeGreaterThan(0);
    for (const c of json.citations) expect(Object.keys(c)).toEqual(expect.arrayContaining(['passage', 'source', 'quote', 'where']));
    const cite = json.actions.find((a) => a.label === 'Cite first quote')!;
    const followed = await sourcebook(['ask', '--action', cite.id, '--db', db]);
    expect(followed.code).toBe(0);
    expect(followed.stdout).toContain('Chicago (author-date)');
  }, 60_000);

  it('GIVEN no command and no --action THEN a one-line usage hint and exit code 1', async () => {
    const r = await sourcebook(['ask', '--db', join(dir, 'empty.db'), '--corpus', CORPUS_DIR]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('sourcebook ask: give a command line, e.g. sourcebook ask "/who Yezhov", or --action ID.');
  }, 60_000);
});

describe('a corpus with a bad metadata entry', () => {
  it('GIVEN a duplicate source id THEN ask and start name the problem and exit 1, with no stack trace', async () => {
    const corpus = join(dir, 'bad-corpus');
    cpSync(CORPUS_DIR, corpus, { recursive: true });
    const meta = JSON.parse(readFileSync(join(corpus, 'sources.json'), 'utf8')) as { sources: Record<string, unknown>[] };
    meta.sources.push({ ...meta.sources[0]! });
    writeFileSync(join(corpus, 'sources.json'), JSON.stringify(meta));
    const db = join(dir, 'bad.db');
    for (const args of [['ask', '/who Yezhov', '--db', db, '--corpus', corpus], ['start']]) {
      const r = await sourcebook(args, { SOURCEBOOK_CORPUS: corpus, SOURCEBOOK_DB: db, DISCORD_TOKEN: '', SLACK_BOT_TOKEN: '' });
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.stderr).toContain(`duplicate id "${meta.sources[0]!['id'] as string}"`);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  }, 60_000);
});

describe('a database file that cannot be used', () => {
  it('GIVEN garbage where the database should be THEN a short message naming the file, exit code 1, no stack trace, and the file untouched', async () => {
    const db = join(dir, 'garbage.db');
    writeFileSync(db, 'not a database '.repeat(400));
    const before = readFileSync(db);
    for (const args of [
      ['ask', '/who Yezhov', '--db', db, '--corpus', CORPUS_DIR],
      ['search', 'Kirov', '--db', db, '--corpus', CORPUS_DIR],
    ]) {
      const r = await sourcebook(args);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`Sourcebook cannot use its database ${db}: it is not a SQLite database`);
      expect(r.stderr).toContain('does not overwrite it');
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    expect(readFileSync(db).equals(before)).toBe(true);
  }, 60_000);
});
