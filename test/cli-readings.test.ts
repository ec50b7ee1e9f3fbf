/** `sourcebook add` and `sourcebook remove` as a user runs them: a real process, a copy of the corpus, a temporary database. */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../src/paths.ts';
import { reimanPdf } from './readings/documents.ts';
import { REIMAN } from './readings/fixtures/excerpts.ts';
import { CORPUS_DIR } from './support/corpus-bot.ts';

const exec = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), 'sb-add-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function sourcebook(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const r = await exec(process.execPath, [join(PROJECT_ROOT, 'bin/sourcebook.js'), ...args], { cwd: dir });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: err.code ?? -1, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
  }
}

describe('sourcebook add / remove', () => {
  it('GIVEN a PDF, a Markdown file and an empty file THEN the two are added with a summary line each, the empty one is refused by name, and the exit code says one failed', async () => {
    const corpus = join(dir, 'corpus');
    cpSync(CORPUS_DIR, corpus, { recursive: true });
    const db = join(dir, 'add.db');
    writeFileSync(join(dir, 'ch6.pdf'), await reimanPdf());
    writeFileSync(join(dir, 'data.md'), `# Death sentences\n\n${REIMAN.data}\n`);
    writeFileSync(join(dir, 'empty.docx'), '');
    const r = await sourcebook(['add', join(dir, 'ch6.pdf'), join(dir, 'data.md'), join(dir, 'empty.docx'), '--corpus', corpus, '--db', db]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^Added: reiman-2016-2 — About Russia, .*: 3 pages, \d+ sections, \d+ passages, 2 notes in [\d.]+ s$/m);
    expect(r.stdout).toMatch(/^Added: death-sentences — Death sentences: \d+ sections, 1 passages, 0 notes/m);
    expect(r.stdout).toMatch(/^Index rebuilt: 7 sources/m);
    expect(r.stderr).toContain('empty.docx: not added: the file is empty. Nothing was changed for it.');
    // The new reading answers at once.
    const asked = await sourcebook(['ask', '/source death-sentences', '--db', db, '--corpus', corpus]);
    expect(asked.stdout).toContain('Death sentences');

    const again = await sourcebook(['add', join(dir, 'data.md'), '--corpus', corpus, '--db', db]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Already in the corpus (the same file), nothing changed: death-sentences');
    expect(again.stdout).not.toContain('Index rebuilt');

    // A 200 MB file (sparse: no disk used) is refused from its size, before it is read.
    writeFileSync(join(dir, 'huge.pdf'), '');
    truncateSync(join(dir, 'huge.pdf'), 200 * 1024 * 1024);
    const huge = await sourcebook(['add', join(dir, 'huge.pdf'), '--corpus', corpus, '--db', db]);
    expect(huge.code).toBe(1);
    expect(huge.stderr).toContain('huge.pdf: not added: the file is 210 MB; the limit is 50 MB. Nothing was changed for it.');

    const bad = await sourcebook(['add', join(dir, 'data.md'), '--space', 'my server', '--corpus', corpus, '--db', db]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--space must name a space');

    const listing = readFileSync(join(corpus, 'readings', 'sources.json'), 'utf8');
    const bundled = await sourcebook(['remove', 'emelyanov-2012', '--corpus', corpus, '--db', db]);
    expect(bundled.code).toBe(1);
    expect(bundled.stderr).toContain('emelyanov-2012 is one of the bundled sources');
    expect(readFileSync(join(corpus, 'readings', 'sources.json'), 'utf8')).toBe(listing);

    const removed = await sourcebook(['remove', 'death-sentences', '--corpus', corpus, '--db', db]);
    expect(removed.code).toBe(0);
    expect(removed.stdout).toMatch(/^Removed death-sentences — Death sentences\.\nIndex rebuilt: 6 sources/m);
    const gone = await sourcebook(['ask', '/source death-sentences', '--db', db, '--corpus', corpus]);
    expect(gone.stdout).toContain('Unknown source');
  });
});
