/** The `sourcebook` command line. */
import { savePicture } from '../../adapters/console/picture.ts';
import { DatabaseFileError } from '../db/open.ts';
import { Command, InvalidArgumentError } from 'commander';
import { ingest } from '../corpus/ingest.ts';
import { MetadataError } from '../corpus/metadata.ts';
import { openDb } from '../db/open.ts';
import { DEFAULT_CORPUS_DIR } from '../paths.ts';
import { openCorpus, resolvePaths } from './context.ts';
import { exportLines } from './export.ts';
import { searchJson, searchText } from './search-format.ts';
import { createBot } from '../app/bot.ts';
import { parseCommandLine } from '../core/parse-line.ts';
import { replyJson, replyText } from '../core/plain-text.ts';
import { LOCAL_USER, LOCAL_WHERE } from '../../adapters/console/local.ts';
import { start } from './start.ts';
import { balanceText, bankExport } from './quiz-export.ts';
import { backupTo } from './backup.ts';
import { PeopleIndex } from '../people/index.ts';
import { addFiles, removeSource, type AddOptions } from './readings.ts';
import { doctor, formatChecks, healthy } from './doctor.ts';
import { loadConfig } from '../config.ts';
import { MigrationsAheadError, StoreUnavailableError } from '../store/errors.ts';
import { openStateStore } from '../store/open.ts';

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 100) throw new InvalidArgumentError('a whole number from 1 to 100');
  return n;
}

const program = new Command('sourcebook').description('Cited answers from a corpus of sources on the Stalin-era purges.').showHelpAfterError();

program
  .command('ingest')
  .description('validate corpus/sources.json, segment every text and rebuild the search index')
  .option('--corpus <dir>', 'corpus folder (texts + sources.json)')
  .option('--db <file>', 'database file')
  .action((opts: { corpus?: string; db?: string }) => {
    const paths = resolvePaths(opts);
    const db = openDb(paths.db);
    try {
      // A progress line that rewrites itself on a terminal; one line per source in a log.
      const tty = process.stderr.isTTY;
      const progress = (done: number, total: number, id: string) =>
        process.stderr.write(tty ? `\r  segmenting ${done}/${total} ${id.padEnd(40)}` : `  segmented ${done}/${total} ${id}\n`);
      const r = ingest(db, paths.corpus ?? DEFAULT_CORPUS_DIR, progress);
      if (tty) process.stderr.write(`\r${' '.repeat(60)}\r`);
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
  .command('add')
  .description('add readings (PDF, web page, Word, EPUB, Markdown or text) to the corpus, then rebuild the index')
  .argument('<files...>', 'the documents to add')
  .option('--space <id>', 'the space whose reading it is (discord:<server id>, slack:<team id>); without it, every space sees it')
  .option('--id <id>', 'the source id (default: from the author and year)')
  .option('--title <title>', 'the title (default: what the file says)')
  .option('--author <names>', 'authors, "Given Family" or "Family, Given", separated by ";"')
  .option('--year <year>', 'year of publication')
  .option('--kind <kind>', 'blog post, interview, quote compilation, monograph or essay')
  .option('--profile <name>', 'a layout profile instead of the general one (document)')
  .option('--outlet <name>', 'journal, newspaper or site')
  .option('--publisher <name>', 'publisher')
  .option('--corpus <dir>', 'corpus folder (readings go in its readings/)')
  .option('--db <file>', 'database file')
  .action(async (files: string[], opts: AddOptions & { corpus?: string; db?: string }) => {
    const paths = resolvePaths(opts);
    process.exitCode = await addFiles(
      files,
      opts,
      { db: paths.db, corpus: paths.corpus ?? DEFAULT_CORPUS_DIR },
      (l) => console.log(l),
      (l) => process.stderr.write(`${l}\n`),
    );
  });

program
  .command('remove')
  .description('take an added reading out of the corpus, then rebuild the index (other sources keep their passage ids)')
  .argument('<id>', 'the source id, as `sourcebook add` printed it')
  .option('--space <id>', 'only if it is this space’s reading')
  .option('--corpus <dir>', 'corpus folder')
  .option('--db <file>', 'database file')
  .action((id: string, opts: { space?: string; corpus?: string; db?: string }) => {
    const paths = resolvePaths(opts);
    process.exitCode = removeSource(
      id,
      opts,
      { db: paths.db, corpus: paths.corpus ?? DEFAULT_CORPUS_DIR },
      (l) => console.log(l),
      (l) => process.stderr.write(`${l}\n`),
    );
  });

program
  .command('search')
  .description('ranked passages for some words, each with its citation')
  .argument('<text...>', 'words to look for (search syntax is treated as plain words)')
  .option('-n, --limit <n>', 'how many passages', positiveInt, 8)
  .option('--json', 'print JSON: { query, results: [{ passage, source, text, where, quotedFrom, score }] }')
  .option('--db <file>', 'database file')
  .option('--corpus <dir>', 'corpus folder (default: the one the database was built from)')
  .action((words: string[], opts: { limit: number; json?: boolean; db?: string; corpus?: string }) => {
    const { db, repo } = openCorpus(opts);
    const query = words.join(' ');
    const hits = repo.search(query, { limit: opts.limit, diverse: true });
    console.log(opts.json ? JSON.stringify(searchJson(repo, query, hits), null, 2) : searchText(repo, query, hits));
    db.close();
  });

program
  .command('export')
  .description('the whole segmented corpus as JSON Lines, one passage per line')
  .option('--json', 'JSON Lines (the default and only format)')
  .option('--db <file>', 'database file')
  .option('--corpus <dir>', 'corpus folder (default: the one the database was built from)')
  .action((opts: { db?: string; corpus?: string }) => {
    const { db, repo } = openCorpus(opts);
    for (const line of exportLines(repo)) process.stdout.write(`${line}\n`);
    db.close();
  });

const quiz = program.command('quiz').description('the quiz question bank');
quiz
  .command('export')
  .description('the whole generated question bank: kind, stem, options, answer, cited passage, topic and centrality, with its balance')
  .option('--json', 'print JSON: { questions: [...], balance: { total, byKind, bySource, byTopic, dateShare, trueFalseShare } }')
  .option('--db <file>', 'database file')
  .option('--corpus <dir>', 'corpus folder (default: the one the database was built from)')
  .action((opts: { json?: boolean; db?: string; corpus?: string }) => {
    const { db, repo } = openCorpus(opts);
    const people = PeopleIndex.load(db);
    const out = bankExport({ db, repo, people });
    // Without --json, the balance only: the bank itself is for tools.
    console.log(opts.json ? JSON.stringify(out, null, 2) : balanceText(out.balance));
    db.close();
  });

program
  .command('ask')
  .description('answer one command as the chat bots would, e.g. sourcebook ask "/who Yezhov"')
  .argument('[command...]', 'a command line: "/who Yezhov", "/compare executions", or a plain question (not needed with --action)')
  .option('--json', 'print the Reply as JSON: { text, citations: [{ passage, source, quote, where }], actions: [{ id, label }], … }')
  .option('--action <id>', 'run a follow-up action id from an earlier --json reply instead')
  .option('--db <file>', 'database file')
  .option('--corpus <dir>', 'corpus folder (default: the one the database was built from)')
  .action(async (words: string[], opts: { json?: boolean; action?: string; db?: string; corpus?: string }) => {
    if (!words.length && !opts.action) {
      process.stderr.write('sourcebook ask: give a command line, e.g. sourcebook ask "/who Yezhov", or --action ID.\n');
      process.exitCode = 1;
      return;
    }
    const bot = createBot({ ...(opts.db ? { dbPath: opts.db } : {}), ...(opts.corpus ? { corpusDir: opts.corpus } : {}) });
    const { command, args } = parseCommandLine(words.join(' '));
    const r = opts.action ? await bot.act(opts.action, LOCAL_USER, LOCAL_WHERE) : await bot.handle({ command, args, user: LOCAL_USER, where: LOCAL_WHERE });
    // A picture is saved as a file; the reply names its path.
    const picture = r.image ? await savePicture(r.image) : null;
    const json = replyJson(r);
    console.log(
      opts.json
        ? JSON.stringify(picture && json.image ? { ...json, image: { ...json.image, path: picture } } : json, null, 2)
        : replyText(r) +
            (picture ? `\n\nPicture: ${picture}` : '') +
            (r.actions.length ? `\n\nActions: ${r.actions.map((a) => `${a.label} (${a.id})`).join(', ')}` : ''),
    );
    bot.close();
  });

program
  .command('backup')
  .description('copy the database (quiz scores, curation, audit log, schedules) to FILE while the bots run')
  .argument('<file>', 'where to write the copy, e.g. backups/sourcebook-2026-12-02.db')
  .option('--db <file>', 'database file')
  .action(async (file: string, opts: { db?: string }) => {
    const db = openDb(resolvePaths(opts).db);
    try {
      const r = await backupTo(db, file);
      console.log(
        `Backed up ${resolvePaths(opts).db} to ${r.file}: ${r.pages} pages in ${r.seconds.toFixed(2)} s. To restore, stop Sourcebook and copy it back over the database file.`,
      );
    } finally {
      db.close();
    }
  });

program
  .command('doctor')
  .description('check the configuration, the database and its migrations, the corpus index and the platform tokens (writes nothing)')
  .option('--db <file>', 'database file (the SQLite state file; the corpus index beside it)')
  .option('--corpus <dir>', 'corpus folder (default: the one the index was built from)')
  .action(async (opts: { db?: string; corpus?: string }) => {
    const checks = await doctor(process.env, opts);
    console.log(formatChecks(checks));
    if (!healthy(checks)) process.exitCode = 1;
  });

program
  .command('migrate')
  .description('apply pending migrations to the state database (PostgreSQL when DATABASE_URL is set, else the SQLite file)')
  .option('--db <file>', 'database file (without DATABASE_URL)')
  .action(async (opts: { db?: string }) => {
    const loaded = loadConfig();
    if (!loaded.ok) {
      process.stderr.write(`Sourcebook cannot migrate; the environment has problems:\n${loaded.problems.map((p) => `  - ${p}`).join('\n')}\n`);
      process.exitCode = 1;
      return;
    }
    const store = openStateStore({ ...loaded.config, ...(opts.db ? { SOURCEBOOK_DB: opts.db } : {}) });
    try {
      const before = await store.migrationState();
      const after = await store.migrate();
      console.log(`${store.where}: at migration ${after.current} of ${after.latest} (applied ${after.current - before.current}).`);
    } finally {
      await store.close();
    }
  });

program
  .command('start', { isDefault: true })
  .description('start the bots whose credentials are set (Discord, Slack), or the console chat')
  .action(async () => {
    await start();
  });

try {
  await program.parseAsync(process.argv);
} catch (e) {
  // A bad corpus is the user's to fix, not a crash: say what is wrong, without a stack trace.
  if (e instanceof MetadataError) {
    process.stderr.write(
      `Sourcebook cannot use the corpus: ${e.message}\nFix it and run again; \`sourcebook ingest\` checks the corpus without starting anything.\n`,
    );
  } else if (e instanceof DatabaseFileError) {
    // The file holds this installation's scores, curation and audit log: it is never overwritten.
    process.stderr.write(
      `${e.message}\nIt also holds this installation's quiz scores, curation and audit log, so Sourcebook does not overwrite it. Restore it from a copy, or move it aside to start afresh (the corpus index is then rebuilt from corpus/).\n`,
    );
  } else if (e instanceof StoreUnavailableError || e instanceof MigrationsAheadError) {
    process.stderr.write(`${e.message}\n`);
  } else if (e instanceof Error && 'code' in e && e.code === 'ENOENT') {
    process.stderr.write(`Sourcebook cannot find a file it needs: ${e.message}\n`);
  } else {
    throw e;
  }
  process.exitCode = 1;
}
