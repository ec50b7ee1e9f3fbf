/** `npm start`: the bots whose credentials are set (Slack, Discord, or both), or the console chat when none are. */
import pino from 'pino';
import { runConsole } from '../../adapters/console/index.ts';
import { loadConfig, plan } from '../config.ts';
import { hostname } from 'node:os';
import { createBot } from '../app/bot.ts';
import type { Reply } from '../core/reply.ts';
import type { Platform, Where } from '../core/request.ts';
import { createScheduler, type PostOptions } from '../quiz/scheduler.ts';

export async function start(): Promise<void> {
  const loaded = loadConfig();
  if (!loaded.ok) {
    process.stderr.write(`Sourcebook cannot start; the environment has problems:\n${loaded.problems.map((p) => `  - ${p}`).join('\n')}\n`);
    process.exitCode = 1;
    return;
  }
  const config = loaded.config;
  const what = plan(config);
  const dbOpts = config.SOURCEBOOK_DB ? { dbPath: config.SOURCEBOOK_DB } : {};
  const corpusOpts = config.SOURCEBOOK_CORPUS ? { corpusDir: config.SOURCEBOOK_CORPUS } : {};

  if (what.console) {
    const bot = createBot({
      ...dbOpts,
      ...corpusOpts,
      log: (m, err) => process.stderr.write(`${m} ${err instanceof Error ? err.message : ''}\n`),
      onIndexing: () => process.stderr.write('Building the search index from corpus/ (first start, about a second)…\n'),
    });
    await runConsole({ bot });
    bot.close();
    return;
  }

  const logger = pino({ name: 'sourcebook', level: config.LOG_LEVEL ?? 'info' });
  const bot = createBot({ ...dbOpts, ...corpusOpts, log: (msg, err) => logger.error({ err }, msg) });
  // Built before any platform connects, so no user's first /quiz waits for it (shards share the database).
  bot.prepare();
  const stops: (() => Promise<void>)[] = [];
  /** How scheduled quiz posts reach each platform's channels. */
  const posters: Partial<Record<Platform, (where: Where, reply: Reply, opts?: PostOptions) => Promise<void>>> = {};
  if (what.discord && config.DISCORD_SHARDS) {
    const { startDiscordShards } = await import('../../adapters/discord/shards.ts');
    const { restPoster } = await import('../../adapters/discord/post.ts');
    const shards = await startDiscordShards({ token: config.DISCORD_TOKEN!, totalShards: config.DISCORD_SHARDS, logger });
    stops.push(() => shards.stop());
    // Posting to a channel needs only REST, so the parent posts for all shards.
    posters.discord = restPoster(config.DISCORD_TOKEN!, logger);
  } else if (what.discord) {
    const { startDiscord } = await import('../../adapters/discord/index.ts');
    const discord = await startDiscord({ bot, token: config.DISCORD_TOKEN!, logger });
    stops.push(() => discord.stop());
    posters.discord = discord.post;
  }
  if (what.slack) {
    const { startSlack } = await import('../../adapters/slack/index.ts');
    const slack = await startSlack({
      bot,
      mode: what.slack,
      botToken: config.SLACK_BOT_TOKEN!,
      ...(config.SLACK_APP_TOKEN ? { appToken: config.SLACK_APP_TOKEN } : {}),
      ...(config.SLACK_SIGNING_SECRET ? { signingSecret: config.SLACK_SIGNING_SECRET } : {}),
      ...(config.SLACK_PORT !== undefined ? { port: config.SLACK_PORT } : {}),
      logger,
    });
    stops.push(() => slack.stop());
    posters.slack = (where, reply, opts) => slack.post(where.channel, reply, opts);
  }
  // Every process may run the scheduler: each slot is claimed in the database before it is posted.
  const scheduler = createScheduler({
    bot,
    owner: `${hostname()}:${process.pid}`,
    post: (where, reply, opts) => posters[where.platform]?.(where, reply, opts) ?? Promise.reject(new Error(`no ${where.platform} adapter is running`)),
    log: (msg, err) => logger.error({ err }, msg),
  });
  scheduler.start();
  stops.unshift(async () => scheduler.stop());
  logger.info({ discord: what.discord, slack: what.slack }, 'sourcebook: running');

  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'sourcebook: shutting down');
    await Promise.allSettled(stops.map((s) => s()));
    bot.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}
