/** Starts the real adapter in HTTP mode on 127.0.0.1 against the mock Slack, with signed-request helpers. */
import { pino } from 'pino';
import { startSlack, type SlackHandle } from '../../adapters/slack/index.ts';
import type { Bot } from '../../src/core/bot-api.ts';
import { createFakeBot, type FakeBot } from './fake-bot.ts';
import { appHomeOpened, blockActions, slashCommand, type ClickOptions } from './fixtures.ts';
import { commandBody, interactionBody, postSigned, SIGNING_SECRET, type SignOptions } from './sign.ts';
import { startSlackMock, type Hit, type SlackMock } from './slack-mock.ts';

export interface HttpHarness<B extends Bot = FakeBot> {
  mock: SlackMock;
  bot: B;
  handle: SlackHandle;
  /** Bolt's single endpoint for commands, interactivity and events. */
  url: string;
  command(fields: Record<string, string>, sign?: SignOptions): Promise<Response>;
  click(value: string, responseId: string, actionId?: string): Promise<Response>;
  /** A click with more control: who, in which workspace, on which message. */
  clickAs(opts: Omit<ClickOptions, 'responseUrl'> & { responseId: string }): Promise<Response>;
  /** A signed `app_home_opened` from `user` in `team`; resolves with the views.publish call it causes. */
  openHome(opts?: { team?: string; user?: string }): Promise<Hit>;
  stop(): Promise<void>;
}

export async function startHttpHarness(): Promise<HttpHarness>;
export async function startHttpHarness<B extends Bot>(bot: B): Promise<HttpHarness<B>>;
export async function startHttpHarness(bot: Bot = createFakeBot()): Promise<HttpHarness<Bot>> {
  const mock = await startSlackMock();
  const handle = await startSlack({
    bot,
    mode: 'http',
    botToken: 'xoxb-test-token',
    signingSecret: SIGNING_SECRET,
    port: 0,
    host: '127.0.0.1',
    logger: pino({ level: 'silent' }),
    slackApiUrl: mock.apiUrl,
  });
  const url = `http://127.0.0.1:${handle.port}/slack/events`;
  return {
    mock,
    bot,
    handle,
    url,
    command: (fields, sign) => postSigned(url, commandBody(slashCommand(fields)), sign),
    click: (value, responseId, actionId) =>
      postSigned(url, interactionBody(blockActions({ responseUrl: mock.responseUrl(responseId), value, ...(actionId ? { actionId } : {}) }))),
    clickAs: ({ responseId, ...opts }) => postSigned(url, interactionBody(blockActions({ ...opts, responseUrl: mock.responseUrl(responseId) }))),
    openHome: async (opts = {}) => {
      const published = () => mock.api.filter((c) => c.name === 'views.publish');
      const before = published().length;
      const res = await postSigned(url, JSON.stringify(appHomeOpened(opts)), { contentType: 'application/json' });
      if (res.status !== 200) throw new Error(`app_home_opened answered ${res.status}`);
      const deadline = Date.now() + 10_000;
      while (published().length <= before) {
        if (Date.now() > deadline) throw new Error('no views.publish after app_home_opened');
        await new Promise((r) => setTimeout(r, 10));
      }
      return published()[before]!;
    },
    stop: async () => {
      await handle.stop();
      await mock.close();
    },
  };
}
