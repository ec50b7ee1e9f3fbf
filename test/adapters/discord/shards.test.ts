import { fileURLToPath } from 'node:url';
import { afterEach, expect, test } from 'vitest';
import { startDiscordShards, type RunningShards } from '../../../adapters/discord/shards.ts';
import { startFakeDiscord, type FakeDiscord } from '../../../loopback/discord/fake-discord.ts';
import { startFakeGateway, type FakeGateway } from './fake-gateway.ts';
import { interaction, rawFixture } from '../../../loopback/discord/harness.ts';
import { callbackOf, isCallback } from './wire.ts';

const APP = '1312345678901234567';
const GUILD = '1298765432109876543';
const TOKEN = 'MTMxMjM0NTY3ODkwMTIzNDU2Nw.fake.shards';

let fake: FakeDiscord | undefined;
let gateway: FakeGateway | undefined;
let shards: RunningShards | undefined;

afterEach(async () => {
  await shards?.stop();
  await gateway?.close();
  await fake?.close();
  delete process.env.SOURCEBOOK_TEST_DISCORD_API;
});

test('GIVEN two shards THEN two tsx-run processes each identify as their shard, answer interactions, and exit on stop()', { timeout: 60_000 }, async () => {
  fake = await startFakeDiscord();
  fake.botToken = TOKEN;
  gateway = await startFakeGateway({ applicationId: APP, guildId: GUILD, guild: rawFixture('guild-create') });
  fake.gatewayUrl = gateway.url;
  process.env.SOURCEBOOK_TEST_DISCORD_API = fake.api;

  shards = await startDiscordShards({
    token: TOKEN,
    totalShards: 2,
    file: fileURLToPath(new URL('./shard-entry.fixture.ts', import.meta.url)),
    spawnDelayMs: 0,
  });

  expect(gateway.identifies.map((d) => d['shard']).sort()).toEqual([
    [0, 2],
    [1, 2],
  ]);
  expect(gateway.identifies.every((d) => d['token'] === TOKEN && d['intents'] === 1)).toBe(true);

  const guildShard = Number((BigInt(GUILD) >> 22n) % 2n);
  const payload = interaction('command-quote');
  fake.know(payload);
  gateway.dispatch('INTERACTION_CREATE', payload, guildShard);
  const deadline = Date.now() + 10_000;
  while (!fake.callsFor(payload).some(isCallback) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  expect(callbackOf(fake.callsFor(payload)[0]!).type).toBe(4);

  const children = [...shards.manager.shards.values()].map((s) => s.process);
  await shards.stop();
  shards = undefined;
  // Exit code 0 (not a signal): each shard's SIGTERM handler stopped it cleanly.
  expect(children.map((child) => child?.exitCode)).toEqual([0, 0]);
  expect(gateway.openCount()).toBe(0);
});
