/**
 * A digest of everything an ingest writes to the corpus index: every table's rows in a fixed order,
 * the FTS5 index's own token instances, and a few searches' ranked results. Two ingests of the same
 * corpus must give the same digest: `node bin/run-ts.js bench/index-digest.ts [scale] [parallel|serial]`.
 */
import { createHash } from 'node:crypto';
import type { DB } from '../src/db/open.ts';

const TABLES: Record<string, string> = {
  meta: "SELECT key, value FROM meta WHERE key <> 'corpus_dir' ORDER BY key",
  sources: 'SELECT * FROM sources ORDER BY ord',
  sections: 'SELECT * FROM sections ORDER BY id',
  passages: 'SELECT * FROM passages ORDER BY rowid',
  notes: 'SELECT rowid, * FROM notes ORDER BY rowid',
  sentences: 'SELECT * FROM sentences ORDER BY passage_id, idx',
  extras: 'SELECT rowid, * FROM extras ORDER BY rowid',
  index_entries: 'SELECT rowid, * FROM index_entries ORDER BY rowid',
  people: 'SELECT * FROM people ORDER BY id',
  words: 'SELECT * FROM words ORDER BY word',
  passages_fts: 'SELECT rowid, text, section, quoted FROM passages_fts ORDER BY rowid',
};

const SEARCHES = [
  'Kirov murder',
  'executions 1937',
  'Tukhachevsky conspiracy',
  'quotas regional secretaries',
  'Order 00447',
  'Yezhov NKVD',
  'stalin',
  '"show trial"',
];

export function indexDigest(db: DB): Record<string, string> {
  const out: Record<string, string> = {};
  const put = (name: string, sql: string, ...args: unknown[]) => {
    const h = createHash('sha256');
    for (const row of db
      .prepare(sql)
      .raw()
      .iterate(...args))
      h.update(`${JSON.stringify(row)}\n`);
    out[name] = h.digest('hex').slice(0, 16);
  };
  for (const [name, sql] of Object.entries(TABLES)) put(name, sql);
  db.exec('DROP TABLE IF EXISTS temp.digest_vocab; CREATE VIRTUAL TABLE temp.digest_vocab USING fts5vocab(corpus, passages_fts, instance)');
  put('fts_instances', 'SELECT term, doc, col, offset FROM temp.digest_vocab ORDER BY term, doc, col, offset');
  db.exec('DROP TABLE temp.digest_vocab');
  SEARCHES.forEach((q, i) =>
    put(
      `search${i}`,
      'SELECT rowid, round(bm25(passages_fts, 1.0, 0.4, 0.2), 9) AS r FROM passages_fts WHERE passages_fts MATCH ? ORDER BY r, rowid LIMIT 50',
      q,
    ),
  );
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { openDb } = await import('../src/db/open.ts');
  const { ingest } = await import('../src/corpus/ingest.ts');
  const { scaledCorpus } = await import('./scaled-corpus.ts');
  const n = Number(process.argv[2] ?? 1);
  const db = openDb(join(mkdtempSync(join(tmpdir(), 'sb-digest-')), 'x.db'));
  const mode = process.argv[3];
  const r = ingest(db, scaledCorpus(n), undefined, mode ? { parallel: mode === 'parallel' } : {});
  const d = indexDigest(db);
  const all = createHash('sha256').update(JSON.stringify(d)).digest('hex').slice(0, 16);
  console.log(JSON.stringify({ scale: n, passageCount: r.passages, seconds: r.seconds.toFixed(2), all, ...d }, null, 1));
}
