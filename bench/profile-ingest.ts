/** Where ingest time goes: `node --import tsx bench/profile-ingest.ts [scale]`. */
import { buildCorpus } from '../src/corpus/build.ts';
import { storeCorpus } from '../src/corpus/store.ts';
import { openDb } from '../src/db/open.ts';
import { extractPeople } from '../src/people/extract.ts';
import { loadAliases } from '../src/corpus/aliases.ts';
import { scaledCorpus } from './scaled-corpus.ts';

const n = Number(process.argv[2] ?? 1);
const dir = scaledCorpus(n);
let t = performance.now();
const lap = (label: string) => {
  const now = performance.now();
  console.log(`${label.padEnd(20)} ${((now - t) / 1000).toFixed(2)} s`);
  t = now;
};
const built = buildCorpus(dir);
lap('build (all)');
const units = built.sources.flatMap((s) => s.passages.map((p) => ({ sourceId: s.meta.id, text: p.text })));
extractPeople(
  units,
  built.sources.flatMap((s) => s.segmented.indexEntries.map((e) => e.name)),
  loadAliases(dir),
);
lap('people (again)');
storeCorpus(openDb(':memory:'), built);
lap('store');
