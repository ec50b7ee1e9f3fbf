import { Events, type Client, type RESTOptions } from 'discord.js';
import type { PostOptions, RunningAdapter } from '../../src/core/adapter.ts';
import type { Bot } from '../../src/core/bot-api.ts';
import type { Reply } from '../../src/core/reply.ts';
import type { Where } from '../../src/core/request.ts';
import { attachBot, createDiscordClient } from './client.ts';
import { DEFAULT_DEFER_AFTER_MS } from './handlers.ts';
import { silentLogger, type Logger } from './logger.ts';
import { postToChannel } from './post.ts';
import { waitAtMost } from '../../src/core/timeout.ts';

export interface DiscordConfig {
  bot: Bot;
  /** Bot token from the Discord developer portal. */
  token: string;
  logger?: Logger;
  /** Defer an answer that takes longer than this (ms). */
  deferAfterMs?: number;
  /** How long `stop()` waits for interactions in flight before disconnecting (ms). */
  drainMs?: number;
  rest?: Partial<RESTOptions>;
}

/** `stop` lets interactions in flight finish (up to `drainMs`), then disconnects. */
export interface RunningDiscord extends RunningAdapter {
  client: Client;
}

/** Logs in to the gateway and answers slash commands, autocomplete and buttons with `bot`. */
export async function startDiscord(config: DiscordConfig): Promise<RunningDiscord> {
  const logger = config.logger ?? silentLogger;
  const client = createDiscordClient(config.rest ? { rest: config.rest } : {});
  const attachment = attachBot(client, {
    bot: config.bot,
    logger,
    deferAfterMs: config.deferAfterMs ?? DEFAULT_DEFER_AFTER_MS,
  });
  client.once(Events.ClientReady, (ready) => {
    logger.info({ user: ready.user.tag, guilds: ready.guilds.cache.size, shards: ready.ws.shards.size }, 'discord: ready');
  });
  client.on(Events.Error, (error) => logger.error({ err: error }, 'discord: client error'));
  client.on(Events.ShardError, (error, shardId) => logger.error({ err: error, shardId }, 'discord: shard error'));

  try {
    await client.login(config.token);
  } catch (error) {
    attachment.detach();
    await client.destroy();
    throw error;
  }

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      attachment.detach();
      await waitAtMost(attachment.idle(), config.drainMs ?? 5000);
      await client.destroy();
      logger.info({}, 'discord: stopped');
    })());
  const post = (where: Where, reply: Reply, opts?: PostOptions): Promise<void> => postToChannel(client.rest, where, reply, logger, opts);
  const done = new Promise<void>(() => {});
  return { platform: 'discord', client, post, stop, done };
}

export type { Logger } from './logger.ts';
