import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CorpusRepo } from '../../src/corpus/repo.ts';
import { ingest } from '../../src/corpus/ingest.ts';
import { openDb } from '../../src/db/open.ts';
import { ftsQuery } from '../../src/search/fts-query.ts';
import { searchJson } from '../../src/cli/search-format.ts';
import { CORPUS_DIR } from '../support/corpus-bot.ts';

let repo: CorpusRepo;
beforeAll(() => {
  const db = openDb(':memory:');
  ingest(db, CORPUS_DIR);
  repo = new CorpusRepo(db);
});

describe('search', () => {
  it('GIVEN "Kirov murder" THEN passages from several sources come back, each with a readable location', () => {
    const hits = repo.search('Kirov murder', { limit: 8, diverse: true });
    expect(new Set(hits.map((h) => h.passage.sourceId)).size).toBeGreaterThanOrEqual(3);
    const json = searchJson(repo, 'Kirov murder', hits);
    expect(json.results[0]).toEqual(
      expect.objectContaining({ passage: expect.any(String), source: expect.any(String), where: expect.any(String), score: expect.any(Number) }),
    );
    expect(json.results.every((r) => /kirov/i.test(r.text))).toBe(true);
  });

  it('GIVEN a diacritic-free query THEN it finds text written with diacritics', () => {
    expect(repo.search('Benes', { limit: 5 }).some((h) => h.passage.text.includes('Beneš'))).toBe(true);
  });

  it('GIVEN FTS5 syntax in user text THEN it is searched for as words, never obeyed', () => {
    expect(ftsQuery('Kirov AND NEAR(Stalin)', 'all')).toBe('"kirov" AND "stalin"');
    expect(ftsQuery('"unbalanced * ( -', 'all')).toBe('"unbalanced"');
    expect(ftsQuery('" * ( ) - ^', 'all')).toBeNull();
    expect(() => repo.search('Yezhov" OR * NOT ( - ^ :', { limit: 3 })).not.toThrow();
    expect(repo.search('"Yezhov', { limit: 3 }).length).toBeGreaterThan(0);
  });

  it('GIVEN thousands of random and hostile strings THEN search never throws', () => {
    const hostile = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.stringMatching(/^[\s"*()^:+\-ANDORNEAR{}]{0,40}$/),
      fc
        .array(fc.constantFrom('"', '*', '(', ')', 'AND', 'OR', 'NOT', 'NEAR', '-', 'Ежов', '🙂', 'Yezhov', ':', '^'), { maxLength: 12 })
        .map((a) => a.join(' ')),
    );
    fc.assert(
      fc.property(hostile, (q) => Array.isArray(repo.search(q, { limit: 3 }))),
      { numRuns: 1500 },
    );
  });
});
