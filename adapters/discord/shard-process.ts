import type { RESTOptions } from 'discord.js';
import type { Bot } from '../../src/core/bot-api.ts';
import { startDiscord, type RunningDiscord } from './index.ts';
import type { Logger } from './logger.ts';

export interface ShardProcessOptions {
  bot: Bot;
  logger: Logger;
  rest?: Partial<RESTOptions>;
}

/**
 * The body of one shard's process. ShardingManager passes the token (DISCORD_TOKEN) and this
 * shard's ids through the environment; discord.js's Client reads the ids itself. SIGINT/SIGTERM
 * let answers in flight finish before the process exits.
 */
export async function runShardProcess(options: ShardProcessOptions): Promise<RunningDiscord> {
  const { logger } = options;
  const token = process.env.DISCORD_TOKEN;
  if (!token) {
    logger.error({}, 'discord: DISCORD_TOKEN is not set for this shard');
    process.exit(1);
  }
  const running = await startDiscord({ bot: options.bot, token, logger, ...(options.rest ? { rest: options.rest } : {}) });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      logger.info({ signal }, 'discord: shutting down');
      running.stop().then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ err: error }, 'discord: unclean shutdown');
          process.exit(1);
        },
      );
    });
  }
  return running;
}
