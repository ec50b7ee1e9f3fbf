// A shard process for the sharding test: the adapter's shard body, with the fake bot and the
// fake Discord REST API whose address the test puts in the environment.
import { runShardProcess } from '../../../adapters/discord/shard-process.ts';
import { silentLogger } from '../../../adapters/discord/logger.ts';
import { createFakeBot } from '../../../loopback/discord/fake-bot.ts';

await runShardProcess({
  bot: createFakeBot(),
  logger: silentLogger,
  rest: { api: process.env.SOURCEBOOK_TEST_DISCORD_API ?? 'http://127.0.0.1:9/api' },
});
