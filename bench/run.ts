/**
 * `npm run bench`: ingest time and query latency on the corpus ×1, ×10 and ×100, per-command
 * latency next to the raw FTS5 time of the same retrieval, and the adapters under load.
 * Prints Markdown and writes docs/bench.md.
 */
import { silentLogger } from '../src/core/log.ts';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBot, type CoreBot } from '../src/app/bot.ts';
import { CorpusRepo, type SearchOptions } from '../src/corpus/repo.ts';
import { ingest } from '../src/corpus/ingest.ts';
import { loadMetadata } from '../src/corpus/metadata.ts';
import { segment } from '../src/segment/index.ts';
import { openDb, type DB } from '../src/db/open.ts';
import { PROJECT_ROOT } from '../src/paths.ts';
import { ftsQuery } from '../src/search/fts-query.ts';
import { scaledCorpus } from './scaled-corpus.ts';
import { readingThroughput } from './readings.ts';
import { table, timeAsync, timeIt } from './stats.ts';

const SCALES = (process.env.BENCH_SCALES ?? '1,10,100').split(',').map(Number);
const SEARCHES = ['Kirov murder', 'executions 1937', 'Tukhachevsky conspiracy', 'quotas regional secretaries', 'Order 00447', 'Yezhov NKVD'];
const COMMANDS = [
  '/who Yezhov',
  '/who Zhukov',
  '/compare executions',
  '/compare repression of national minorities',
  '/timeline Yezhov',
  '/timeline show trials',
  '/check 700,000 people were executed in 1937-38',
  "/check the Zinovievites' Moscow centre really existed",
  '/check Yezhov became head of the NKVD in 1937',
  '/ask Who killed Kirov?',
  '/ask Why did Stalin start the Great Terror?',
  '/ask What did Stalin eat for breakfast?',
  '/cite eme-yf15y',
  '/source reiman',
];
const USER = { id: 'bench', name: 'bench', isAdmin: false, groups: [] };
const WHERE = { platform: 'console' as const, space: 'bench', channel: 'bench' };
const out: string[] = [];
const say = (s: string) => {
  console.log(s);
  out.push(s);
};

function rawSql(db: DB, fts: string, opts: SearchOptions): () => unknown {
  const sources = opts.sources ?? [];
  const stmt = db.prepare(
    `SELECT p.rowid, bm25(passages_fts, 1.0, 0.4, 0.2) AS rank FROM passages_fts JOIN passages p ON p.rowid = passages_fts.rowid
     WHERE passages_fts MATCH ? ${sources.length ? `AND p.source_id IN (${sources.map(() => '?').join(',')})` : ''} ORDER BY rank LIMIT ?`,
  );
  return () => stmt.all(fts, ...sources, (opts.limit ?? 10) + (opts.exclude?.size ?? 0));
}

function rawPerSourceSql(db: DB, fts: string, perSource: number): () => unknown {
  const stmt = db.prepare(
    `WITH m AS MATERIALIZED (SELECT p.id AS id, p.source_id AS source_id, bm25(passages_fts, 1.0, 0.4, 0.2) AS rank
       FROM passages_fts JOIN passages p ON p.rowid = passages_fts.rowid WHERE passages_fts MATCH ?)
     SELECT id, rank FROM (SELECT id, rank, row_number() OVER (PARTITION BY source_id ORDER BY rank) AS n FROM m) WHERE n <= ?`,
  );
  return () => stmt.all(fts, perSource);
}

/** The FTS5 queries a command issues, recorded from one run, so their raw cost can be timed alone. */
async function recordQueries(bot: CoreBot, db: DB, line: string): Promise<(() => unknown)[]> {
  const repo = bot.ctx.repo;
  const raw: (() => unknown)[] = [];
  const match = repo.match.bind(repo);
  const perSource = repo.matchPerSource.bind(repo);
  repo.match = (fts, opts = {}) => {
    raw.push(rawSql(db, fts, opts));
    return match(fts, opts);
  };
  repo.matchPerSource = (fts, n, exclude) => {
    raw.push(rawPerSourceSql(db, fts, n));
    return perSource(fts, n, exclude);
  };
  const [, command, args] = /^\/(\S+)\s*(.*)$/.exec(line)!;
  await bot.handle({ command: command!, args: args!, user: USER, where: WHERE });
  repo.match = match;
  repo.matchPerSource = perSource;
  return raw;
}

const dir = mkdtempSync(join(tmpdir(), 'sourcebook-bench-'));
const dbs = new Map<number, DB>();
const corpora = new Map<number, string>();
const ingestRows: (string | number)[][] = [];
for (const n of SCALES) {
  const corpus = scaledCorpus(n);
  const db = openDb(join(dir, `x${n}.db`));
  const t0 = performance.now();
  const r = ingest(db, corpus, n > 1 ? (done, total) => process.stderr.write(`\r  ingest ×${n}: ${done}/${total} sources`) : undefined);
  if (n > 1) process.stderr.write('\n');
  ingestRows.push([`×${n}`, r.sources, r.passages, r.notes, ((performance.now() - t0) / 1000).toFixed(2)]);
  dbs.set(n, db);
  corpora.set(n, corpus);
}

say(
  `# Sourcebook benchmarks\n\nNode ${process.version}, ${cpus()[0]?.model ?? 'cpu'} ×${cpus().length}, ${new Date().toISOString().slice(0, 10)}. Times in ms unless stated.\n`,
);
say('## Ingest (validate, segment, index)\n');
say(table(['corpus', 'sources', 'passages', 'notes', 'seconds'], ingestRows));

say('\n## Segmentation per source (format profile only, no database)\n');
const corpusDir = join(PROJECT_ROOT, 'corpus');
const segRows = loadMetadata(corpusDir).map((meta) => {
  const raw = readFileSync(join(corpusDir, meta.file), 'utf8');
  const t = timeIt(30, () => segment(meta, raw));
  return [meta.id, meta.profile, `${Math.round(raw.length / 1024)} KB`, segment(meta, raw).passages.length, t.p50, t.p99];
});
say(table(['source', 'profile', 'size', 'passages', 'p50', 'p99'], segRows));

say('\n## Adding a reading: read and segment, per format (`sourcebook add` before it writes)\n');
say(
  'Reiman (2016), the largest bundled text, rendered into each format the reader takes (PDF typeset with pdf-lib, DOCX and EPUB zipped, HTML, Markdown, text), then read into canonical Markdown and segmented by the general profile; one warm run.\n',
);
{
  const meta = loadMetadata(corpusDir).find((m) => m.id === 'reiman-2016')!;
  const rows = await readingThroughput(meta, readFileSync(join(corpusDir, meta.file), 'utf8'));
  say(
    table(
      ['format', 'file size', 'passages', 'seconds', 'MB/s'],
      rows.map((r) => [r.format, `${Math.round(r.bytes / 1024)} KB`, r.passages, r.seconds.toFixed(2), (r.bytes / 1024 / 1024 / r.seconds).toFixed(2)]),
    ),
  );
}

say('\n## Search: `sourcebook search` vs the raw FTS5 query\n');
const searchRows: (string | number)[][] = [];
for (const [n, db] of dbs) {
  const repo = new CorpusRepo(db);
  const raws = SEARCHES.map((q) => rawSql(db, ftsQuery(q, 'all')!, { limit: 8 }));
  let i = 0;
  const full = timeIt(600, () => repo.search(SEARCHES[i++ % SEARCHES.length]!, { limit: 8, diverse: true }));
  let j = 0;
  const raw = timeIt(600, () => raws[j++ % raws.length]!());
  searchRows.push([`×${n}`, full.p50, full.p99, raw.p50, raw.p99]);
}
say(table(['corpus', 'search p50', 'search p99', 'raw FTS5 p50', 'raw FTS5 p99'], searchRows));

say('\n## Commands: full reply vs raw FTS5 time of the same retrieval\n');
say(
  '"raw FTS5" replays the FTS5 statements the command issued (recorded from one run), selecting only rowid and rank; the full reply adds reading passages, scoring sentences, attribution and paging. Warm process, on-disk WAL database; p99 of 200 runs at ×1 and 40 at ×100.\n',
);
const cmdRows: (string | number)[][] = [];
for (const n of SCALES.filter((s) => s === 1 || s === 100)) {
  // The scaled corpus folder, not the bundled one: otherwise createBot would re-index ×1 into this database.
  const bot = createBot({ db: dbs.get(n)!, corpusDir: corpora.get(n)!, logger: silentLogger });
  const passages = (dbs.get(n)!.prepare('SELECT count(*) AS c FROM passages').get() as { c: number }).c;
  if (passages < 1400 * n) throw new Error(`bench: the ×${n} database holds ${passages} passages`);
  for (const line of COMMANDS) {
    const [, command, args] = /^\/(\S+)\s*(.*)$/.exec(line)!;
    process.stderr.write(`  ×${n} ${line}\n`);
    const raw = await recordQueries(bot, dbs.get(n)!, line);
    const full = await timeAsync(n === 1 ? 200 : 40, () => bot.handle({ command: command!, args: args!, user: USER, where: WHERE }));
    const rawT = timeIt(n === 1 ? 200 : 40, () => raw.forEach((f) => f()));
    cmdRows.push([`×${n}`, line, full.p50, full.p99, rawT.p50, rawT.p99, raw.length ? (full.p50 / Math.max(rawT.p50, 0.001)).toFixed(1) : '–']);
  }
}
say(table(['corpus', 'command', 'p50', 'p99', 'raw FTS5 p50', 'raw FTS5 p99', 'p50 ÷ raw'], cmdRows));

say('\n## Timeline picture: Vega-Lite → SVG → PNG (resvg), rendered apart from the command\n');
{
  const bot = createBot({ db: dbs.get(1)!, corpusDir: corpora.get(1)!, logger: silentLogger });
  const pictureRows: (string | number)[][] = [];
  for (const line of ['/timeline Yezhov', '/timeline show trials']) {
    const [, command, args] = /^\/(\S+)\s*(.*)$/.exec(line)!;
    const r = await bot.handle({ command: command!, args: args!, user: USER, where: WHERE });
    if (!r.image) throw new Error(`bench: ${line} has no picture`);
    const png = await r.image.png();
    const t = await timeAsync(20, () => r.image!.png());
    pictureRows.push([line, `${Math.round(png.length / 1024)} KB`, t.p50, t.p99]);
  }
  say(table(['command', 'PNG size', 'p50', 'p99'], pictureRows));
}

for (const [file, fn, title] of [
  ['discord-load.ts', 'runDiscordLoad', 'Discord: 1,000 interactions through discord.js and a loopback REST server'],
  ['slack-load.ts', 'runSlackLoad', 'Slack: 1,000 signed slash commands through Bolt over loopback'],
  ['quiz.ts', 'runQuizBench', 'Quizzes'],
  ['leaderboard.ts', 'runLeaderboardBench', 'Leaderboard: one space with 100,000 answers from 500 members'],
] as const) {
  if (!existsSync(join(PROJECT_ROOT, 'bench', file))) continue;
  const mod = (await import(`./${file}`)) as Record<string, () => Promise<Record<string, number | boolean>>>;
  const result = await mod[fn]!();
  say(`\n## ${title}\n`);
  say(table(Object.keys(result), [Object.values(result).map((v) => (typeof v === 'boolean' ? String(v) : v))]));
}

for (const db of dbs.values()) db.close();
for (const [n, dir] of corpora) if (n > 1) rmSync(dir, { recursive: true, force: true });
rmSync(dir, { recursive: true, force: true });
writeFileSync(join(PROJECT_ROOT, 'docs', 'bench.md'), `${out.join('\n')}\n`);
console.error('\nwritten to docs/bench.md');
process.exit(0);
