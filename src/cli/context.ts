/** Opens the database for a CLI command, building the corpus index first when it is missing or stale. */
import { loadErrata } from '../corpus/errata.ts';
import { CorpusRepo } from '../corpus/repo.ts';
import { corpusDirFor, ensureCorpus } from '../corpus/ingest.ts';
import { openDb, type DB } from '../db/open.ts';
import { withIndex } from '../db/index-file.ts';
import { PeopleIndex } from '../people/index.ts';
import { DEFAULT_CORPUS_DIR, DEFAULT_DB_FILE } from '../paths.ts';

export interface PathOptions {
  db?: string;
  corpus?: string;
}

export function resolvePaths(opts: PathOptions): { db: string; corpus: string | undefined } {
  return { db: opts.db ?? process.env.SOURCEBOOK_DB ?? DEFAULT_DB_FILE, corpus: opts.corpus ?? process.env.SOURCEBOOK_CORPUS };
}

export function openCorpus(opts: PathOptions, log: (msg: string) => void = (m) => process.stderr.write(`${m}\n`)): { db: DB; repo: CorpusRepo } {
  const paths = resolvePaths(opts);
  const db = openDb(paths.db);
  // An index damaged in the middle shows when first read: it is emptied and filled again from corpus/.
  const corpusDir = corpusDirFor(db, paths.corpus, DEFAULT_CORPUS_DIR);
  const result = withIndex(
    db,
    () => ensureCorpus(db, corpusDir),
    () => log('The corpus index is damaged; rebuilding it from corpus/.'),
  );
  if (result) log(`Indexed the corpus: ${result.sources} sources, ${result.passages} passages in ${result.seconds.toFixed(2)} s.`);
  const repo = new CorpusRepo(db);
  // `sourcebook search Ezhov` finds the passages that spell it Yezhov, as the bots do.
  const people = PeopleIndex.load(db);
  repo.spellings = (token) => people.spellingsFor(token);
  repo.errata = loadErrata(corpusDir);
  return { db, repo };
}
