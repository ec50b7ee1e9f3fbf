/**
 * Slack adapter entry point. Socket Mode (SLACK_APP_TOKEN + SLACK_BOT_TOKEN) needs no public URL,
 * so it is the default for self-hosting; HTTP mode (SLACK_SIGNING_SECRET + a port) is for hosts
 * that can take Slack's requests directly.
 */
import { createServer } from 'node:http';
import { App, HTTPReceiver } from '@slack/bolt';
import { guardSlackHttp } from './http-guard.ts';
import type { Logger } from '../../src/core/log.ts';
import type { Bot } from '../../src/core/bot-api.ts';
import type { PostOptions, RunningAdapter } from '../../src/core/adapter.ts';
import type { Reply } from '../../src/core/reply.ts';
import type { Where } from '../../src/core/request.ts';
import { createAskerLookup } from './asker.ts';
import { registerHandlers } from './handlers.ts';
import { boltLogger } from './log.ts';
import { postToChannel } from './post.ts';
import { dropRedeliveries } from './redelivery.ts';
import { createTurns } from './turns.ts';

export interface SlackConfig {
  bot: Bot;
  mode?: 'socket' | 'http';
  botToken: string;
  /** xapp-… token with connections:write; Socket Mode only. */
  appToken?: string;
  /** HTTP mode only. */
  signingSecret?: string;
  /** HTTP mode: port to listen on (0 picks a free one); default 3000. */
  port?: number;
  /** HTTP mode: interface to bind; default all. */
  host?: string;
  logger: Logger;
  /** Web API base, e.g. "http://127.0.0.1:PORT/api/" in tests; default Slack's. */
  slackApiUrl?: string;
}

/** `post` rejects when Slack refuses (e.g. `not_in_channel` for a private channel the app was not invited to). */
export interface SlackHandle extends RunningAdapter {
  /** HTTP mode: the port actually bound. */
  port?: number;
}

function createApp(cfg: SlackConfig, mode: 'socket' | 'http', receiver?: HTTPReceiver): App {
  const common = {
    token: cfg.botToken,
    logger: boltLogger(cfg.logger),
    clientOptions: cfg.slackApiUrl ? { slackApiUrl: cfg.slackApiUrl } : {},
    convoStore: false as const,
    // init() below checks the token with auth.test and fails start-up cleanly if it is bad.
    deferInitialization: true,
  };
  if (mode === 'socket') {
    if (!cfg.appToken) throw new Error('Slack Socket Mode needs an app-level token (SLACK_APP_TOKEN, xapp-…).');
    return new App({ ...common, socketMode: true, appToken: cfg.appToken });
  }
  if (!receiver) throw new Error('Slack HTTP mode needs its receiver.');
  return new App({ ...common, receiver });
}

export async function startSlack(cfg: SlackConfig): Promise<SlackHandle> {
  const mode = cfg.mode ?? 'socket';
  const log = cfg.logger.child({ adapter: 'slack' });
  if (mode === 'http' && !cfg.signingSecret) throw new Error('Slack HTTP mode needs the signing secret (SLACK_SIGNING_SECRET).');
  const receiver = mode === 'http' ? new HTTPReceiver({ signingSecret: cfg.signingSecret!, logger: boltLogger(cfg.logger) }) : undefined;
  const app = createApp(cfg, mode, receiver);
  // First, so a redelivered envelope is dropped before any handler runs.
  dropRedeliveries(app);
  registerHandlers(app, { bot: cfg.bot, log, askers: createAskerLookup(log), turns: createTurns() });
  app.error(async (err) => {
    log.error({ err }, 'slack: unhandled error in a listener');
  });
  await app.init();
  const post = (where: Where, reply: Reply, opts?: PostOptions) =>
    postToChannel(app.client, where.channel, reply, { ...opts, warn: (msg) => log.warn({}, msg) });
  const done = new Promise<void>(() => {});

  if (mode === 'socket') {
    await app.start();
    log.info('slack: connected in Socket Mode');
    return { platform: 'slack', post, stop: async () => void (await app.stop()), done };
  }
  // Our own server, so every request passes the guard (size, time window, replays, retries) before Bolt.
  const guarded = guardSlackHttp(receiver!.requestListener, {
    signingSecret: cfg.signingSecret!,
    onDrop: (why) => log.warn({ why }, 'slack: request refused or dropped'),
  });
  const server = createServer(guarded);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(cfg.port ?? 3000, cfg.host, () => resolve());
  });
  const address = server.address();
  const port = address !== null && typeof address === 'object' ? address.port : undefined;
  log.info({ port }, 'slack: listening for HTTP requests on /slack/events');
  return { platform: 'slack', port, post, stop: () => new Promise<void>((resolve) => server.close(() => resolve())), done };
}
