/**
 * A scheduler process for the kill test: ticks on the real clock against a shared database file
 * and "posts" into a second file that stands in for Discord, which keeps one message per nonce
 * (Discord's enforce_nonce). Runs until killed.
 */
import { silentLogger } from '../../src/core/log.ts';
import Database from 'better-sqlite3';
import { createBot } from '../../src/app/bot.ts';
import { createScheduler } from '../../src/quiz/scheduler.ts';
import { nonceFor } from '../../adapters/discord/post.ts';
import { CORPUS_DIR } from '../support/corpus-bot.ts';

const [file, platformFile, owner, leaseArg] = process.argv.slice(2);
const bot = createBot({ dbPath: file!, corpusDir: CORPUS_DIR, logger: silentLogger });
const platform = new Database(platformFile!, { timeout: 10_000 });
platform.pragma('journal_mode = WAL');
const send = platform.prepare('INSERT OR IGNORE INTO messages (nonce, slot, owner, at) VALUES (?, ?, ?, ?)');
const attempt = platform.prepare('INSERT INTO attempts (slot, owner, at) VALUES (?, ?, ?)');
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

const scheduler = createScheduler({
  bot,
  owner: owner!,
  leaseMs: Number(leaseArg),
  logger: silentLogger,
  post: async (_where, _reply, opts) => {
    // Killed here, the slot is claimed but not posted; killed after the insert, posted but not recorded.
    await pause(10 + Math.random() * 30);
    const key = opts?.idempotencyKey ?? `unkeyed:${Math.random()}`;
    attempt.run(key, owner, Date.now());
    send.run(nonceFor(key, 0), key, owner, Date.now());
    await pause(10 + Math.random() * 30);
  },
});

process.stdout.write('ready\n');
for (;;) {
  await scheduler.tick();
  await pause(10);
}
