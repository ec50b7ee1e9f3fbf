/** The `sourcebook` command line. */
import { Command, InvalidArgumentError } from 'commander';
import { ingest } from '../corpus/ingest.ts';
import { MetadataError } from '../corpus/metadata.ts';
import { openDb } from '../db/open.ts';
import { openCorpus, resolvePaths } from './context.ts';
import { exportLines } from './export.ts';
import { searchJson, searchText } from './search-format.ts';

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 100) throw new InvalidArgumentError('a whole number from 1 to 100');
  return n;
}

const program = new Command('sourcebook')
  .description('Cited answers from a corpus of sources on the Stalin-era purges.')
  .showHelpAfterError();

program
  .command('ingest')
  .description('validate corpus/sources.json, segment every text and rebuild the search index')
  .option('--corpus <dir>', 'corpus folder (texts + sources.json)')
  .option('--db <file>', 'database file')
  .action((opts: { corpus?: string; db?: string }) => {
    const paths = resolvePaths(opts);
    const db = openDb(paths.db);
    try {
      const progress = (done: number, total: number, id: string) => process.stderr.write(`\r  segmenting ${done}/${total} ${id.padEnd(30)}`);
      const r = ingest(db, paths.corpus, progress);
      process.stderr.write('\r'.padEnd(50) + '\r');
      console.log(
        `Ingested ${r.sources} sources: ${r.sections} sections, ${r.passages} passages, ${r.notes} notes, ${r.sentences} sentences in ${r.seconds.toFixed(2)} s → ${paths.db}`,
      );
    } catch (e) {
      if (!(e instanceof MetadataError)) throw e;
      process.stderr.write(`\n${e.message}\nNothing was changed in ${paths.db}.\n`);
      process.exitCode = 1;
    } finally {
      db.close();
    }
  });

program
  .command('search')
  .description('ranked passages for some words, each with its citation')
  .argument('<text...>', 'words to look for (search syntax is treated as plain words)')
  .option('-n, --limit <n>', 'how many passages', positiveInt, 8)
  .option('--json', 'print JSON: { query, results: [{ passage, source, text, where, quotedFrom, score }] }')
  .option('--db <file>', 'database file')
  .action((words: string[], opts: { limit: number; json?: boolean; db?: string }) => {
    const { db, repo } = openCorpus(opts);
    const query = words.join(' ');
    const hits = repo.search(query, { limit: opts.limit });
    console.log(opts.json ? JSON.stringify(searchJson(repo, query, hits), null, 2) : searchText(repo, query, hits));
    db.close();
  });

program
  .command('export')
  .description('the whole segmented corpus as JSON Lines, one passage per line')
  .option('--json', 'JSON Lines (the default and only format)')
  .option('--db <file>', 'database file')
  .action((opts: { db?: string }) => {
    const { db, repo } = openCorpus(opts);
    for (const line of exportLines(repo)) process.stdout.write(`${line}\n`);
    db.close();
  });

await program.parseAsync(process.argv);
