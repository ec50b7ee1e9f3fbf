/**
 * A real discord.js Client wired by the adapter, talking REST to the fake Discord and receiving
 * interactions through the same call discord.js makes for a gateway INTERACTION_CREATE packet.
 */
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { Client, SnowflakeUtil } from 'discord.js';
import { z } from 'zod';
import type { Bot } from '../../src/core/bot-api.ts';
import { attachBot, createDiscordClient } from '../../adapters/discord/client.ts';
import type { Logger } from '../../adapters/discord/logger.ts';
import { startFakeDiscord, type FakeDiscord, type Recorded } from './fake-discord.ts';
import { createFakeBot, type FakeBot } from './fake-bot.ts';

const Envelope = z.looseObject({
  id: z.string(),
  token: z.string(),
  application_id: z.string(),
  channel: z.looseObject({ id: z.string() }).optional(),
  data: z.looseObject({}).optional(),
});
export type Payload = z.infer<typeof Envelope>;

const fixtureText = (name: string): string => readFileSync(new URL(`../fixtures/discord/${name}.json`, import.meta.url), 'utf8');

/**
 * A fixture with a fresh interaction id and token (Discord never repeats them), and optionally
 * its `data` replaced key by key.
 */
export function interaction(name: string, data?: Record<string, unknown>): Payload {
  const payload = Envelope.parse(JSON.parse(fixtureText(name)));
  return {
    ...payload,
    id: SnowflakeUtil.generate().toString(),
    token: `${name}.${randomBytes(24).toString('base64url')}`,
    ...(data ? { data: { ...payload.data, ...data } } : {}),
  };
}

export const rawFixture = (name: string): unknown => JSON.parse(fixtureText(name));

export interface LogEntry {
  level: 'info' | 'warn' | 'error';
  obj: object;
  msg: string | undefined;
}

export function recordingLogger(): Logger & { entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  const at =
    (level: LogEntry['level']) =>
    (obj: object | string, msg?: string): void =>
      void entries.push(typeof obj === 'string' ? { level, obj: {}, msg: obj } : { level, obj, msg });
  const logger: Logger & { entries: LogEntry[] } = { entries, debug: () => {}, info: at('info'), warn: at('warn'), error: at('error'), child: () => logger };
  return logger;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/**
 * discord.js handles a gateway INTERACTION_CREATE packet with
 * `client.actions.InteractionCreate.handle(packet.d)` (client/websocket/handlers/INTERACTION_CREATE.js).
 * `actions` is internal, so this checks its shape instead of assuming it.
 */
export function gatewayInteractionCreate(client: Client): (data: unknown) => void {
  const actions: unknown = client['actions'];
  const action = isRecord(actions) ? actions['InteractionCreate'] : undefined;
  const handle = isRecord(action) ? action['handle'] : undefined;
  if (typeof handle !== 'function') throw new Error('discord.js internals changed: no actions.InteractionCreate.handle');
  return (data) => void Reflect.apply(handle, action, [data]);
}

/**
 * What discord.js does with a gateway GUILD_CREATE packet (handlers/GUILD_CREATE.js):
 * `client.guilds._add(data)`, which caches the guild with its roles and channels.
 */
export function gatewayGuildCreate(client: Client, data: unknown): void {
  if (!isRecord(data)) throw new Error('GUILD_CREATE data must be an object');
  client.guilds['_add']({ ...data, shardId: 0 });
}

export interface Harness<B extends Bot = FakeBot> {
  fake: FakeDiscord;
  bot: B;
  client: Client;
  logger: ReturnType<typeof recordingLogger>;
  /**
   * Delivers one interaction and waits until the adapter has finished answering it. With
   * `expired`, the fake Discord answers as for an interaction it no longer accepts.
   */
  deliver(payload: Payload, options?: { expired?: boolean }): Promise<Recorded[]>;
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** How long the fake bot's `slow…` commands take. */
  slowMs?: number;
  deferAfterMs?: number;
  guildCached?: boolean;
  /** A bare Client without the adapter's defaults, to prove each message disables mentions itself. */
  bareClient?: boolean;
}

/** The adapter answering with the fake bot. */
export function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  return startHarnessWith(createFakeBot({ slowMs: options.slowMs ?? 120 }), options);
}

/** The adapter answering with `bot` (e.g. the real core bot); `close()` leaves the bot open. */
export async function startHarnessWith<B extends Bot>(bot: B, options: HarnessOptions = {}): Promise<Harness<B>> {
  const fake = await startFakeDiscord();
  const logger = recordingLogger();
  const client = options.bareClient ? new Client({ intents: [], rest: { api: fake.api } }) : createDiscordClient({ rest: { api: fake.api } });
  if (options.guildCached ?? true) gatewayGuildCreate(client, rawFixture('guild-create'));
  const attachment = attachBot(client, { bot, logger, deferAfterMs: options.deferAfterMs ?? 60 });
  const dispatch = gatewayInteractionCreate(client);
  return {
    fake,
    bot,
    client,
    logger,
    async deliver(payload, { expired = false } = {}) {
      if (!expired) fake.know(payload);
      dispatch(payload);
      await attachment.idle();
      return fake.callsFor(payload);
    },
    async close() {
      attachment.detach();
      await client.destroy();
      await fake.close();
    },
  };
}
