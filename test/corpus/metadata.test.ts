import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ingest } from '../../src/corpus/ingest.ts';
import { loadMetadata, MetadataError } from '../../src/corpus/metadata.ts';
import { openDb } from '../../src/db/open.ts';
import { CORPUS_DIR } from '../support/corpus-bot.ts';

const dirs: string[] = [];
function corpusCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sb-corpus-'));
  cpSync(CORPUS_DIR, dir, { recursive: true });
  dirs.push(dir);
  return dir;
}
function editSources(dir: string, edit: (sources: Record<string, unknown>[]) => void): void {
  const file = join(dir, 'sources.json');
  const json = JSON.parse(readFileSync(file, 'utf8')) as { sources: Record<string, unknown>[] };
  edit(json.sources);
  writeFileSync(file, JSON.stringify(json));
}
function problems(dir: string): string[] {
  try {
    loadMetadata(dir);
  } catch (e) {
    if (e instanceof MetadataError) return e.problems;
    throw e;
  }
  return [];
}
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('corpus metadata', () => {
  it('GIVEN the bundled corpus THEN all five sources validate with the ids the project uses', () => {
    const ids = loadMetadata(CORPUS_DIR).map((m) => m.id);
    expect(ids).toEqual(['goble-2019', 'maskharashvili-interview', 'real-stalin-11', 'reiman-2016', 'emelyanov-2012']);
  });

  it('GIVEN an entry whose file is missing THEN the problem names the entry and the file', () => {
    const dir = corpusCopy();
    editSources(dir, (s) => (s[0]!.file = 'nowhere.txt'));
    expect(problems(dir)).toEqual([expect.stringMatching(/sources\[0\] \(goble-2019\): file "nowhere\.txt" not found/)]);
  });

  it('GIVEN an unknown kind THEN the problem lists the kinds allowed', () => {
    const dir = corpusCopy();
    editSources(dir, (s) => (s[1]!.kind = 'podcast'));
    expect(problems(dir)[0]).toMatch(/sources\[1\].*kind: unknown value \(expected one of: blog post, interview, quote compilation, monograph, essay\)/);
  });

  it('GIVEN two entries with one id THEN the duplicate is reported', () => {
    const dir = corpusCopy();
    editSources(dir, (s) => s.push({ ...s[3]!, file: s[3]!.file }));
    expect(problems(dir).some((p) => /duplicate id "reiman-2016"/.test(p))).toBe(true);
  });

  it('GIVEN a new entry pointing at another source’s file THEN the problem names both', () => {
    const dir = corpusCopy();
    editSources(dir, (s) => s.push({ ...s[1]!, id: 'second-interview', idPrefix: 'sec', file: s[0]!.file }));
    expect(problems(dir)).toEqual([expect.stringMatching(/sources\[5\] \(second-interview\): file "[^"]+" is already the text of goble-2019/)]);
  });

  it('GIVEN a new entry whose text file is empty THEN it is refused as empty', () => {
    const dir = corpusCopy();
    writeFileSync(join(dir, 'blank.txt'), '  \n\n');
    editSources(dir, (s) => s.push({ ...s[0]!, id: 'blank-doc', idPrefix: 'bla', file: 'blank.txt' }));
    expect(problems(dir)).toEqual([expect.stringMatching(/sources\[5\] \(blank-doc\): file "blank\.txt" is empty/)]);
  });

  it('GIVEN a bad entry THEN ingest refuses and the existing database keeps its corpus', () => {
    const db = openDb(':memory:');
    ingest(db, CORPUS_DIR);
    const before = db.prepare('SELECT count(*) AS n FROM passages').get() as { n: number };
    const dir = corpusCopy();
    editSources(dir, (s) => (s[2]!.kind = 'tweet'));
    expect(() => ingest(db, dir)).toThrow(MetadataError);
    expect(db.prepare('SELECT count(*) AS n FROM passages').get()).toEqual(before);
    expect(before.n).toBeGreaterThan(1000);
  });
});
