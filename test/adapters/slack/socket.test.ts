import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { startSlack, type SlackHandle } from '../../../adapters/slack/index.ts';
import { createFakeBot } from '../../../loopback/slack/fake-bot.ts';
import { slashCommand, socketHello } from '../../../loopback/slack/fixtures.ts';
import { limitViolations, parseMessage } from './message-shape.ts';
import { startSlackMock, type SlackMock } from '../../../loopback/slack/slack-mock.ts';

/** Slack's Socket Mode side: says hello on connect, relays envelopes, records what the app sends back. */
async function startSocketServer() {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise<void>((resolve) => wss.once('listening', resolve));
  const address = wss.address();
  if (address === null || typeof address !== 'object') throw new Error('socket server has no TCP address');
  const received: unknown[] = [];
  const sockets: WebSocket[] = [];
  wss.on('connection', (ws) => {
    sockets.push(ws);
    ws.on('message', (data) => received.push(JSON.parse(data.toString())));
    ws.send(JSON.stringify(socketHello()));
  });
  return {
    url: `ws://127.0.0.1:${address.port}/`,
    received,
    send: (envelope: unknown) => {
      for (const ws of sockets) ws.send(JSON.stringify(envelope));
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const ws of wss.clients) ws.terminate();
        wss.close(() => resolve());
      }),
  };
}

const until = async (check: () => boolean, timeoutMs = 5000) => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
};

/** A Slack API mock, a Socket Mode server and the real app connected to both, all closed after the test. */
async function startSocketApp() {
  const mock: SlackMock = await startSlackMock();
  cleanup.push(() => mock.close());
  const sock = await startSocketServer();
  cleanup.push(() => sock.close());
  mock.wsUrl = sock.url;
  const bot = createFakeBot();
  const handle: SlackHandle = await startSlack({
    bot,
    mode: 'socket',
    botToken: 'xoxb-test-token',
    appToken: 'xapp-1-test-token',
    logger: pino({ level: 'silent' }),
    slackApiUrl: mock.apiUrl,
  });
  cleanup.push(() => handle.stop());
  return { mock, sock, bot };
}

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const fn of cleanup.reverse()) await fn();
  cleanup = [];
});

describe('Slack adapter in Socket Mode (real SocketModeClient, local WebSocket server)', () => {
  it('GIVEN a slash_commands envelope THEN the app acks with its envelope_id and posts the answer to the response_url', async () => {
    const { mock, sock, bot } = await startSocketApp();

    const open = mock.api.find((c) => c.name === 'apps.connections.open');
    expect(open?.headers.authorization).toBe('Bearer xapp-1-test-token');

    sock.send({
      envelope_id: '57d6a792-4d35-4d0b-b6aa-3361493e1caf',
      type: 'slash_commands',
      payload: slashCommand({ command: '/who', text: 'Nakhayev', response_url: mock.responseUrl('socket-1') }),
      accepts_response_payload: true,
    });

    await until(() => sock.received.length > 0);
    expect(sock.received[0]).toEqual({ envelope_id: '57d6a792-4d35-4d0b-b6aa-3361493e1caf', payload: {} });

    const [posted] = await mock.waitFor('responses', 1);
    const msg = parseMessage(posted!.json);
    expect(limitViolations(msg)).toEqual([]);
    expect(msg.response_type).toBe('in_channel');
    expect(bot.handled.map((r) => [r.command, r.args, r.where.space, r.where.channel])).toEqual([['who', 'Nakhayev', 'T0TEST', 'C0HISTORY']]);
  });

  it('GIVEN a slash command envelope redelivered by Slack (retry_attempt 1) THEN both are acked and the command runs once; a distinct delivery still runs', async () => {
    const { mock, sock, bot } = await startSocketApp();

    const payload = { ...slashCommand({ command: '/quiz', text: '', response_url: mock.responseUrl('socket-r') }), trigger_id: '1111.2222.redelivered' };
    sock.send({ envelope_id: 'env-first', type: 'slash_commands', payload, accepts_response_payload: true, retry_attempt: 0, retry_reason: '' });
    await until(() => sock.received.length === 1);
    sock.send({ envelope_id: 'env-first', type: 'slash_commands', payload, accepts_response_payload: true, retry_attempt: 1, retry_reason: 'timeout' });
    await until(() => sock.received.length === 2);
    expect(sock.received).toEqual([
      { envelope_id: 'env-first', payload: {} },
      { envelope_id: 'env-first', payload: {} },
    ]);
    // Another delivery (a new trigger) is run.
    sock.send({
      envelope_id: 'env-second',
      type: 'slash_commands',
      payload: { ...payload, trigger_id: '1111.2222.other' },
      accepts_response_payload: true,
      retry_attempt: 0,
      retry_reason: '',
    });
    await until(() => sock.received.length === 3);
    await until(() => bot.handled.length === 2);
    await new Promise((r) => setTimeout(r, 100));
    expect(bot.handled.map((r) => r.command)).toEqual(['quiz', 'quiz']);
  });

  it('GIVEN Socket Mode without an app token THEN startSlack refuses, naming SLACK_APP_TOKEN', async () => {
    await expect(startSlack({ bot: createFakeBot(), mode: 'socket', botToken: 'xoxb-test-token', logger: pino({ level: 'silent' }) })).rejects.toThrow(
      /SLACK_APP_TOKEN/,
    );
  });

  it('GIVEN HTTP mode without a signing secret THEN startSlack refuses, naming SLACK_SIGNING_SECRET', async () => {
    await expect(startSlack({ bot: createFakeBot(), mode: 'http', botToken: 'xoxb-test-token', logger: pino({ level: 'silent' }) })).rejects.toThrow(
      /SLACK_SIGNING_SECRET/,
    );
  });
});
