// One shard's process, spawned by `startDiscordShards` (run through tsx).
import pino from 'pino';
import { createBot } from '../../src/app/bot.ts';
import { runShardProcess } from './shard-process.ts';

const bot = createBot();
// The parent built the question bank before spawning shards; this only re-checks it.
bot.prepare();
await runShardProcess({
  bot,
  logger: pino({ name: 'sourcebook-discord', level: process.env.LOG_LEVEL ?? 'info', base: { shards: process.env.SHARDS } }),
});
