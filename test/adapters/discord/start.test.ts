import { Events, GatewayIntentBits } from 'discord.js';
import { once } from 'node:events';
import { afterEach, expect, test } from 'vitest';
import { startDiscord, type RunningDiscord } from '../../../adapters/discord/index.ts';
import { startFakeDiscord, type FakeDiscord } from '../../../loopback/discord/fake-discord.ts';
import { startFakeGateway, type FakeGateway } from './fake-gateway.ts';
import { createFakeBot, type FakeBot } from '../../../loopback/discord/fake-bot.ts';
import { interaction, rawFixture, recordingLogger } from '../../../loopback/discord/harness.ts';
import { callbackOf, isCallback } from './wire.ts';

const APP = '1312345678901234567';
const GUILD = '1298765432109876543';

let fake: FakeDiscord;
let gateway: FakeGateway;
let running: RunningDiscord | undefined;
const TOKEN = 'MTMxMjM0NTY3ODkwMTIzNDU2Nw.fake.token';

afterEach(async () => {
  await running?.stop();
  running = undefined;
  await gateway.close();
  await fake.close();
});

async function start(bot: FakeBot, token = TOKEN): Promise<RunningDiscord> {
  fake = await startFakeDiscord();
  fake.botToken = TOKEN;
  gateway = await startFakeGateway({ applicationId: APP, guildId: GUILD, guild: rawFixture('guild-create') });
  fake.gatewayUrl = gateway.url;
  const started = await startDiscord({ bot, token, logger: recordingLogger(), rest: { api: fake.api } });
  if (!started.client.isReady()) await once(started.client, Events.ClientReady);
  return started;
}

async function until(condition: () => boolean, ms = 3000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}

test('GIVEN startDiscord THEN it identifies with the Guilds intent only and the token, and caches the guild from GUILD_CREATE', async () => {
  running = await start(createFakeBot());
  const identify = await gateway.identified;
  expect(identify['intents']).toBe(GatewayIntentBits.Guilds);
  expect(identify['token']).toBe(TOKEN);
  expect(running.client.guilds.cache.get(GUILD)?.roles.cache.size).toBe(3);
  expect(running.client.options.allowedMentions).toEqual({ parse: [] });
});

test('GIVEN an INTERACTION_CREATE over the gateway THEN the bot answers it over REST', async () => {
  const bot = createFakeBot();
  running = await start(bot);
  const payload = interaction('command-quote');
  fake.know(payload);
  gateway.dispatch('INTERACTION_CREATE', payload);
  await until(() => fake.callsFor(payload).some(isCallback));
  expect(callbackOf(fake.callsFor(payload)[0]!).type).toBe(4);
  expect(bot.calls.handle[0]?.user.groups).toEqual(['1298765432109876701', '1298765432109876702']);
});

test('GIVEN an answer in flight WHEN stop() is called THEN the answer is still sent before the gateway connection closes', async () => {
  const bot = createFakeBot({ slowMs: 300 });
  running = await start(bot);
  const payload = interaction('command-quote', { name: 'slow', options: [] });
  fake.know(payload);
  gateway.dispatch('INTERACTION_CREATE', payload);
  await until(() => bot.calls.handle.length === 1);
  await running.stop();
  expect(
    fake
      .callsFor(payload)
      .filter(isCallback)
      .map((c) => callbackOf(c).type),
  ).toEqual([4]);
  expect(await gateway.closed).toBe(1000);
  expect(running.client.isReady()).toBe(false);
});

test('GIVEN a token Discord rejects THEN startDiscord fails with a token error and leaves nothing connected', async () => {
  await expect(start(createFakeBot(), 'revoked.token')).rejects.toMatchObject({ code: 'TokenInvalid' });
  expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /gateway/bot']);
  const connected = await Promise.race([gateway.identified.then(() => true), new Promise((r) => setTimeout(r, 100, false))]);
  expect(connected).toBe(false);
});

test('GIVEN stop() called twice (SIGINT then SIGTERM) THEN both resolve and the client is destroyed once', async () => {
  running = await start(createFakeBot());
  const [a, b] = [running.stop(), running.stop()];
  expect(a).toBe(b);
  await Promise.all([a, b]);
  expect(await gateway.closed).toBe(1000);
});
