/** `npm start`: the bots whose credentials are set (Slack, Discord, or both), or the console chat when none are. */
import pino from 'pino';
import { loadConfig, plan } from '../config.ts';
import { hostname } from 'node:os';
import { createBot } from '../app/bot.ts';
import { stderrLogger, type Logger } from '../core/log.ts';
import type { RunningAdapter } from '../core/adapter.ts';
import { createScheduler } from '../quiz/scheduler.ts';
import { DEFAULT_DB_FILE } from '../paths.ts';

export const POSTGRES_NOT_SERVING =
  'Sourcebook cannot start: DATABASE_URL is set, but serving the bots from PostgreSQL is not complete yet (issue #16). Today PostgreSQL backs `sourcebook doctor` and the state store (answers, slot claims, audited hiding and moderator roles), not the bots.';

export async function start(): Promise<void> {
  const loaded = loadConfig();
  if (!loaded.ok) {
    process.stderr.write(`Sourcebook cannot start; the environment has problems:\n${loaded.problems.map((p) => `  - ${p}`).join('\n')}\n`);
    process.exitCode = 1;
    return;
  }
  const config = loaded.config;
  // Refused rather than half-served: the bots would keep scores and schedules in SQLite while the
  // operator believes they are shared, and two hosts would each post the same scheduled quiz.
  if (config.DATABASE_URL) {
    process.stderr.write(`${POSTGRES_NOT_SERVING}\nUnset DATABASE_URL to start on the SQLite file (${config.SOURCEBOOK_DB ?? DEFAULT_DB_FILE}).\n`);
    process.exitCode = 1;
    return;
  }
  const what = plan(config);
  const dbOpts = config.SOURCEBOOK_DB ? { dbPath: config.SOURCEBOOK_DB } : {};
  const corpusOpts = config.SOURCEBOOK_CORPUS ? { corpusDir: config.SOURCEBOOK_CORPUS } : {};

  // The console chat gets readable lines on stderr; the bots log JSON through pino.
  const logger: Logger = what.console ? stderrLogger(config.LOG_LEVEL ?? 'warn') : pino({ name: 'sourcebook', level: config.LOG_LEVEL ?? 'info' });
  const bot = createBot({
    ...dbOpts,
    ...corpusOpts,
    logger,
    // A file shared with the Slack app is downloaded with its token (files:read); no other host gets it.
    ...(config.SLACK_BOT_TOKEN ? { fileHeaders: { 'files.slack.com': { Authorization: `Bearer ${config.SLACK_BOT_TOKEN}` } } } : {}),
    ...(what.console ? { onIndexing: () => process.stderr.write('Building the search index from corpus/ (first start, about a second)…\n') } : {}),
  });
  // Built before any platform connects, so no user's first /quiz waits for it (shards share the database).
  if (!what.console) bot.prepare();
  const adapters: RunningAdapter[] = [];
  if (what.console) {
    const { startConsole } = await import('../../adapters/console/index.ts');
    adapters.push(await startConsole({ bot, logger }));
  }
  if (what.discord && config.DISCORD_SHARDS) {
    const { startDiscordShards } = await import('../../adapters/discord/shards.ts');
    adapters.push(await startDiscordShards({ token: config.DISCORD_TOKEN!, totalShards: config.DISCORD_SHARDS, logger }));
  } else if (what.discord) {
    const { startDiscord } = await import('../../adapters/discord/index.ts');
    adapters.push(await startDiscord({ bot, token: config.DISCORD_TOKEN!, logger }));
  }
  if (what.slack) {
    const { startSlack } = await import('../../adapters/slack/index.ts');
    adapters.push(
      await startSlack({
        bot,
        mode: what.slack,
        botToken: config.SLACK_BOT_TOKEN!,
        ...(config.SLACK_APP_TOKEN ? { appToken: config.SLACK_APP_TOKEN } : {}),
        ...(config.SLACK_SIGNING_SECRET ? { signingSecret: config.SLACK_SIGNING_SECRET } : {}),
        ...(config.SLACK_PORT !== undefined ? { port: config.SLACK_PORT } : {}),
        logger,
      }),
    );
  }
  // Every process may run the scheduler: each slot is claimed in the database before it is posted.
  const scheduler = createScheduler({
    bot,
    owner: `${hostname()}:${process.pid}`,
    post: (where, reply, opts) =>
      adapters.find((a) => a.platform === where.platform)?.post(where, reply, opts) ?? Promise.reject(new Error(`no ${where.platform} adapter is running`)),
    logger,
  });
  scheduler.start();
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      scheduler.stop();
      await Promise.allSettled(adapters.map((a) => a.stop()));
      bot.close();
    })());
  if (what.console) {
    // The chat ends when its user quits; nothing else keeps the process.
    await adapters[0]!.done;
    await stop();
    return;
  }
  logger.info({ discord: what.discord, slack: what.slack }, 'sourcebook: running');

  const shutdown = async (signal: string) => {
    logger.info({ signal }, 'sourcebook: shutting down');
    await stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}
