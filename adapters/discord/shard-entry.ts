// One shard's process, spawned by `startDiscordShards` (run through tsx).
import pino from 'pino';
import { createBot } from '../../src/core/bot.ts';
import { runShardProcess } from './shard-process.ts';

await runShardProcess({
  bot: createBot(),
  logger: pino({ name: 'sourcebook-discord', base: { shards: process.env.SHARDS } }),
});
