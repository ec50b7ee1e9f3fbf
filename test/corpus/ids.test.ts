import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCorpus, type BuiltCorpus } from '../../src/corpus/build.ts';
import { ingest } from '../../src/corpus/ingest.ts';
import { openDb } from '../../src/db/open.ts';
import { assignPassageIds } from '../../src/segment/ids.ts';
import { CORPUS_DIR } from '../support/corpus-bot.ts';

function idsBySource(c: BuiltCorpus): Map<string, string[]> {
  return new Map(c.sources.map((s) => [s.meta.id, s.passages.map((p) => p.id)]));
}

let dir: string;
let original: BuiltCorpus;
beforeAll(() => {
  original = buildCorpus(CORPUS_DIR);
  dir = mkdtempSync(join(tmpdir(), 'sb-ids-'));
  cpSync(CORPUS_DIR, dir, { recursive: true });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('stable passage ids', () => {
  it('GIVEN the same corpus ingested twice THEN every passage keeps its id', () => {
    const a = openDb(':memory:');
    const b = openDb(':memory:');
    ingest(a, CORPUS_DIR);
    ingest(b, CORPUS_DIR);
    ingest(b, CORPUS_DIR);
    const q = 'SELECT id FROM passages ORDER BY source_id, ord';
    expect(b.prepare(q).all()).toEqual(a.prepare(q).all());
  });

  it('GIVEN ids THEN they are short enough to type: a 3-letter prefix, a dash and 5 characters', () => {
    const all = [...idsBySource(original).values()].flat();
    expect(new Set(all).size).toBe(all.length);
    for (const id of all) expect(id).toMatch(/^[a-z]{3}-[0-9a-hjkmnp-tv-z]{5}$/);
  });

  it('GIVEN a document added to the corpus THEN no existing id changes', () => {
    writeFileSync(join(dir, 'extra-note.txt'), 'A Study Note\n\nKirov was murdered in Leningrad on 1 December 1934, the note says.\n');
    const file = join(dir, 'sources.json');
    const json = JSON.parse(readFileSync(file, 'utf8')) as { sources: Record<string, unknown>[] };
    json.sources.push({ ...json.sources[0]!, id: 'study-note', file: 'extra-note.txt', idPrefix: 'stn', title: 'A Study Note' });
    writeFileSync(file, JSON.stringify(json));
    const after = idsBySource(buildCorpus(dir));
    for (const [source, ids] of idsBySource(original)) expect(after.get(source)).toEqual(ids);
    expect(after.get('study-note')).toHaveLength(1);
  });

  it('GIVEN one document edited THEN the other documents keep all their ids and the edited one keeps its untouched passages', () => {
    const goble = join(dir, 'goble-2019-red-army-opposition.txt');
    writeFileSync(goble, readFileSync(goble, 'utf8').replace('Eighty-five years ago', 'Eighty-five years earlier'));
    const after = idsBySource(buildCorpus(dir));
    for (const [source, ids] of idsBySource(original)) {
      if (source !== 'goble-2019') expect(after.get(source)).toEqual(ids);
    }
    const before = idsBySource(original).get('goble-2019')!;
    const changed = after.get('goble-2019')!.filter((id, i) => id !== before[i]);
    expect(changed).toHaveLength(1);
  });

  it('GIVEN two identical passages in one source THEN they get distinct ids, deterministically', () => {
    const first = assignPassageIds('tst', ['Same text.', 'Same text.', 'Other.']);
    expect(new Set(first).size).toBe(3);
    expect(assignPassageIds('tst', ['Same text.', 'Same text.', 'Other.'])).toEqual(first);
  });
});
