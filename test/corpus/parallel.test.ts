import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { indexDigest } from '../../bench/index-digest.ts';
import { ingest } from '../../src/corpus/ingest.ts';
import { MetadataError } from '../../src/corpus/metadata.ts';
import { openDb } from '../../src/db/open.ts';
import { CORPUS_DIR } from '../support/corpus-bot.ts';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function corpusCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sb-parallel-'));
  cpSync(CORPUS_DIR, dir, { recursive: true });
  dirs.push(dir);
  return dir;
}

describe('ingest with the build in a worker thread', () => {
  it('GIVEN the bundled corpus THEN the parallel ingest writes the same index as the serial one, row for row', () => {
    const serial = openDb(':memory:');
    const parallel = openDb(':memory:');
    const a = ingest(serial, CORPUS_DIR, undefined, { parallel: false });
    const progress: string[] = [];
    const b = ingest(parallel, CORPUS_DIR, (done, total, id) => progress.push(`${done}/${total} ${id}`), { parallel: true });
    expect({ ...b, seconds: 0 }).toEqual({ ...a, seconds: 0 });
    expect(indexDigest(parallel)).toEqual(indexDigest(serial));
    expect(progress).toHaveLength(5);
    expect(progress[4]).toMatch(/^5\/5 /);
  }, 60_000);

  it('GIVEN a database with a corpus WHEN a parallel ingest meets a bad entry THEN it refuses before writing and the database keeps its corpus', () => {
    const db = openDb(':memory:');
    ingest(db, CORPUS_DIR, undefined, { parallel: true });
    const before = indexDigest(db);
    const bad = corpusCopy();
    const file = join(bad, 'sources.json');
    const json = JSON.parse(readFileSync(file, 'utf8')) as { sources: Record<string, unknown>[] };
    json.sources[2]!.kind = 'tweet';
    writeFileSync(file, JSON.stringify(json));
    expect(() => ingest(db, bad, undefined, { parallel: true })).toThrow(MetadataError);
    expect(indexDigest(db)).toEqual(before);
  }, 60_000);
});
