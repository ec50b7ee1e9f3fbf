/** Times one command on a ×N corpus: `node --import tsx bench/profile-x100.ts 100 compare executions`. */
import { silentLogger } from '../src/core/log.ts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBot } from '../src/app/bot.ts';
import { ingest } from '../src/corpus/ingest.ts';
import { openDb } from '../src/db/open.ts';
import { scaledCorpus } from './scaled-corpus.ts';

const [scale = '100', command = 'compare', ...rest] = process.argv.slice(2);
const corpus = scaledCorpus(Number(scale));
const db = openDb(join(mkdtempSync(join(tmpdir(), 'sb-prof-')), 'x.db'));
ingest(db, corpus);
const bot = createBot({ db, corpusDir: corpus, logger: silentLogger });
const user = { id: 'p', name: 'p', isAdmin: false, groups: [] };
const where = { platform: 'console' as const, space: 'p', channel: 'p' };
for (let i = 0; i < 3; i++) {
  const t0 = performance.now();
  await bot.handle({ command, args: rest.join(' '), user, where });
  console.log(`/${command} ${rest.join(' ')}: ${(performance.now() - t0).toFixed(1)} ms`);
}
