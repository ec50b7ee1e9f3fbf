/**
 * A stand-in for Discord's HTTP API on 127.0.0.1: records every request and answers the way
 * Discord does, including its refusals (unknown interaction, acknowledged twice, follow-up
 * before the first response), so ordering mistakes fail loudly.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { SnowflakeUtil } from 'discord.js';

export interface Recorded {
  method: string;
  /** Path below the API root, without the version: `/interactions/1/abc/callback`. */
  path: string;
  query: URLSearchParams;
  /** Parsed JSON body (from `payload_json` when multipart), or `null`. */
  body: unknown;
  /** Files of a multipart request (`files[0]` …), as sent. */
  files: { field: string; name: string; type: string; bytes: Uint8Array }[];
  authorization: string | undefined;
  /** When it arrived, from `performance.now()` (same clock as the test's). */
  at: number;
  /** The status the fake answered with. */
  status: number;
}

interface KnownInteraction {
  id: string;
  token: string;
  applicationId: string;
  channelId: string;
  acknowledged: boolean;
}

export interface FakeDiscord {
  /** REST `api` option for discord.js: `http://127.0.0.1:PORT/api`. */
  api: string;
  port: number;
  requests: Recorded[];
  /** Makes the server accept callbacks for this interaction (as Discord knows what it sent). */
  know(payload: { id: string; token: string; application_id: string; channel?: { id: string } }): void;
  /** Calls made with one interaction's token, in arrival order. */
  callsFor(payload: { token: string }): Recorded[];
  /** What `/gateway/bot` answers (set by the fake gateway). */
  gatewayUrl: string | null;
  /** When set, bot-authenticated calls with another token get 401, as Discord answers a bad token. */
  botToken: string | null;
  /** Added before every answer, to look like a real network. */
  latencyMs: number;
  /** Channels the bot may not post in: a post there gets 403 Missing Access. */
  refusedChannels: Set<string>;
  /** Messages posted straight to a channel (no interaction), in arrival order. */
  channelPosts(channelId: string): Recorded[];
  close(): Promise<void>;
}

const API_PREFIX = /^\/api\/v10/;

export async function startFakeDiscord(): Promise<FakeDiscord> {
  const requests: Recorded[] = [];
  const byToken = new Map<string, KnownInteraction>();
  const byId = new Map<string, KnownInteraction>();

  const fake: FakeDiscord = {
    api: '',
    port: 0,
    requests,
    gatewayUrl: null,
    botToken: null,
    latencyMs: 0,
    refusedChannels: new Set(),
    channelPosts(channelId) {
      return requests.filter((r) => r.method === 'POST' && r.path === `/channels/${channelId}/messages`);
    },
    know(payload) {
      const known: KnownInteraction = {
        id: payload.id,
        token: payload.token,
        applicationId: payload.application_id,
        channelId: payload.channel?.id ?? '0',
        acknowledged: false,
      };
      byToken.set(known.token, known);
      byId.set(known.id, known);
    },
    callsFor({ token }) {
      return requests.filter((r) => r.path.includes(`/${token}`));
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };

  const server = createServer((req, res) => {
    void answer(req, res);
  });

  async function answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const raw = await readAll(req);
    const record: Recorded = {
      method: req.method ?? 'GET',
      path: decodeURIComponent(url.pathname).replace(API_PREFIX, ''),
      query: url.searchParams,
      ...(await parseBody(raw, req.headers['content-type'])),
      authorization: req.headers.authorization,
      at: performance.now(),
      status: 0,
    };
    requests.push(record);
    if (fake.latencyMs > 0) await new Promise((r) => setTimeout(r, fake.latencyMs));
    const [status, json] = route(record);
    record.status = status;
    res.writeHead(status, json === undefined ? {} : { 'content-type': 'application/json' });
    res.end(json === undefined ? undefined : JSON.stringify(json));
  }

  function route(r: Recorded): [number, unknown] {
    const { method, path } = r;
    let m: RegExpExecArray | null;
    if (method === 'POST' && (m = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(path))) {
      const known = byId.get(m[1]!);
      if (!known || known.token !== m[2]) return [404, { message: 'Unknown interaction', code: 10062 }];
      if (known.acknowledged) {
        return [400, { message: 'Interaction has already been acknowledged.', code: 40060 }];
      }
      known.acknowledged = true;
      return [204, undefined];
    }
    if ((m = /^\/webhooks\/(\d+)\/([^/]+)(?:\/messages\/([^/]+))?$/.exec(path))) {
      const known = byToken.get(m[2]!);
      if (!known || known.applicationId !== m[1] || !known.acknowledged) {
        return [404, { message: 'Unknown Webhook', code: 10015 }];
      }
      if (method === 'DELETE' && m[3]) return [204, undefined];
      if ((method === 'PATCH' && m[3]) || (method === 'POST' && !m[3])) {
        const id = m[3] && m[3] !== '@original' ? m[3] : undefined;
        return [200, messageFrom(r.body, { channelId: known.channelId, authorId: known.applicationId, webhookId: known.applicationId, id })];
      }
    }
    if (method === 'PUT' && /^\/applications\/\d+(?:\/guilds\/\d+)?\/commands$/.test(path)) {
      const commands = Array.isArray(r.body) ? r.body : [];
      return [200, commands.map((c: unknown) => ({ ...(isObject(c) ? c : {}), id: SnowflakeUtil.generate().toString(), version: '1' }))];
    }
    if (r.authorization !== undefined && fake.botToken !== null && r.authorization !== `Bot ${fake.botToken}`) {
      return [401, { message: '401: Unauthorized', code: 0 }];
    }
    if (method === 'GET' && path === '/gateway/bot' && fake.gatewayUrl) {
      return [
        200,
        {
          url: fake.gatewayUrl,
          shards: 1,
          session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
        },
      ];
    }
    if (method === 'POST' && (m = /^\/channels\/(\d+)\/messages$/.exec(path))) {
      if (fake.refusedChannels.has(m[1]!)) return [403, { message: 'Missing Access', code: 50001 }];
      return [200, messageFrom(r.body, { channelId: m[1]!, authorId: BOT_USER_ID, webhookId: undefined, id: undefined })];
    }
    return [404, { message: '404: Not Found', code: 0 }];
  }

  // A deep accept queue: a burst of 1,000 connections must not overflow it into SYN retries.
  await new Promise<void>((resolve) => server.listen({ port: 0, host: '127.0.0.1', backlog: 4096 }, resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('fake Discord: no TCP address');
  fake.port = address.port;
  fake.api = `http://127.0.0.1:${fake.port}/api`;
  return fake;
}

/** The bot's user id, which is also its application id (as in the fixtures). */
const BOT_USER_ID = '1312345678901234567';

interface MessageOrigin {
  channelId: string;
  authorId: string;
  /** Set for interaction responses, which Discord sends through the application's webhook. */
  webhookId: string | undefined;
  id: string | undefined;
}

function messageFrom(body: unknown, { channelId, authorId, webhookId, id }: MessageOrigin): object {
  const sent = isObject(body) ? body : {};
  return {
    id: id ?? SnowflakeUtil.generate().toString(),
    type: webhookId ? 20 : 0,
    channel_id: channelId,
    author: { id: authorId, username: 'Sourcebook', discriminator: '4821', avatar: null, bot: true, global_name: null },
    content: typeof sent['content'] === 'string' ? sent['content'] : '',
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    tts: false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: [],
    embeds: Array.isArray(sent['embeds']) ? sent['embeds'] : [],
    components: Array.isArray(sent['components']) ? sent['components'] : [],
    pinned: false,
    flags: typeof sent['flags'] === 'number' ? sent['flags'] : 0,
    ...(webhookId ? { webhook_id: webhookId, application_id: webhookId } : {}),
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function readAll(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks);
}

async function parseBody(raw: Buffer, contentType: string | undefined): Promise<{ body: unknown; files: Recorded['files'] }> {
  if (raw.length === 0) return { body: null, files: [] };
  if (contentType?.startsWith('multipart/form-data')) {
    // discord.js switches to multipart when files are attached; the JSON rides in payload_json.
    const form = await new Response(new Uint8Array(raw), { headers: { 'content-type': contentType } }).formData();
    const json = form.get('payload_json');
    const files: Recorded['files'] = [];
    for (const [field, value] of form.entries()) {
      if (typeof value === 'string') continue;
      files.push({ field, name: value.name, type: value.type, bytes: new Uint8Array(await value.arrayBuffer()) });
    }
    return { body: typeof json === 'string' ? JSON.parse(json) : null, files };
  }
  return { body: JSON.parse(raw.toString('utf8')), files: [] };
}
