/**
 * Load bench for the Discord adapter: 1,000 interactions delivered at once to a real discord.js
 * Client (through the same call the gateway's INTERACTION_CREATE takes), answered over REST to a
 * fake Discord on 127.0.0.1. Latency is from delivery to Discord receiving the initial response.
 * Not part of the test suite: `runDiscordLoad()` is called by the bench runner.
 */
import { pathToFileURL } from 'node:url';
import { attachBot, createDiscordClient } from '../adapters/discord/client.ts';
import { silentLogger } from '../adapters/discord/logger.ts';
import { createFakeBot } from '../loopback/discord/fake-bot.ts';
import { startFakeDiscord, type Recorded } from '../loopback/discord/fake-discord.ts';
import { gatewayGuildCreate, gatewayInteractionCreate, interaction, rawFixture, type Payload } from '../loopback/discord/harness.ts';

import { percentile } from './stats.ts';

export interface DiscordLoadResult {
  n: number;
  seconds: number;
  /** Interactions fully answered per second. */
  throughput: number;
  /** ms from delivery to Discord receiving the initial response. */
  p50: number;
  p99: number;
  /** Every interaction got exactly one initial response, and Discord accepted it. */
  exactlyOnce: boolean;
}

export interface DiscordLoadOptions {
  n?: number;
  /** Simulated network delay per REST call (ms). */
  latencyMs?: number;
}

/**
 * A mix out of 20: 13 quotes in a guild, 2 in DMs, 2 autocompletes, 1 "more" button, 1 paging
 * button and 1 long answer (the last two need follow-up messages).
 */
function makeInteraction(i: number): Payload {
  switch (i % 20) {
    case 0:
      return interaction('command-quote', { name: 'long', options: [] });
    case 1:
    case 11:
      return interaction('autocomplete-quote');
    case 2:
      return interaction('button-next-page', { custom_id: 'sb:more:kirov' });
    case 12:
      return interaction('button-next-page', { custom_id: 'sb:page:long:2' });
    case 3:
    case 13:
      return interaction('command-dm');
    default:
      return interaction('command-quote');
  }
}

const isInitialCallback = (r: Recorded): boolean => r.method === 'POST' && /^\/interactions\/\d+\/[^/]+\/callback$/.test(r.path);

export async function runDiscordLoad(options: DiscordLoadOptions = {}): Promise<DiscordLoadResult> {
  const n = options.n ?? 1000;
  const fake = await startFakeDiscord();
  fake.latencyMs = options.latencyMs ?? 5;
  const client = createDiscordClient({ rest: { api: fake.api } });
  gatewayGuildCreate(client, rawFixture('guild-create'));
  const attachment = attachBot(client, { bot: createFakeBot(), logger: silentLogger, deferAfterMs: 1500 });
  const deliver = gatewayInteractionCreate(client);
  try {
    const payloads = Array.from({ length: n }, (_, i) => makeInteraction(i));
    for (const p of payloads) fake.know(p);
    const sentAt = new Map<string, number>();
    const started = performance.now();
    for (const p of payloads) {
      sentAt.set(p.id, performance.now());
      deliver(p);
    }
    await attachment.idle();
    const seconds = (performance.now() - started) / 1000;

    const callbacks = new Map<string, Recorded[]>();
    for (const r of fake.requests.filter(isInitialCallback)) {
      const id = r.path.split('/')[2]!;
      callbacks.set(id, [...(callbacks.get(id) ?? []), r]);
    }
    const latencies: number[] = [];
    let exactlyOnce = callbacks.size === n;
    for (const p of payloads) {
      const got = callbacks.get(p.id) ?? [];
      if (got.length !== 1 || got[0]!.status >= 400) exactlyOnce = false;
      if (got[0]) latencies.push(got[0].at - sentAt.get(p.id)!);
    }
    latencies.sort((a, b) => a - b);
    const round = (x: number) => Math.round(x * 10) / 10;
    return {
      n,
      seconds: Math.round(seconds * 100) / 100,
      throughput: Math.round(n / seconds),
      p50: round(percentile(latencies, 50)),
      p99: round(percentile(latencies, 99)),
      exactlyOnce,
    };
  } finally {
    attachment.detach();
    await client.destroy();
    await fake.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await runDiscordLoad();
  console.log(JSON.stringify(result, null, 2));
  if (!result.exactlyOnce) process.exitCode = 1;
}
