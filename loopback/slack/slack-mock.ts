/**
 * A recording stand-in for Slack's side of the network on 127.0.0.1: the Web API under /api/
 * (auth.test, users.info, usergroups.list, chat.postMessage, apps.connections.open, the two
 * file-upload steps, anything else → ok), response_urls under /respond/<id> and file upload URLs
 * under /upload/<id>. Every request is kept for assertions, in the
 * order Slack would have applied them (a delayed one is recorded when it completes).
 */
import { EventEmitter } from 'node:events';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { performance } from 'node:perf_hooks';

export interface Hit {
  /** "auth.test" for the Web API, the id for a response_url. */
  name: string;
  at: number;
  headers: IncomingHttpHeaders;
  raw: string;
  /** Web API calls are form-encoded. */
  form: Record<string, string>;
  /** response_url posts are JSON. */
  json: unknown;
}

export interface SlackMock {
  apiUrl: string;
  responseUrl(id: string): string;
  api: Hit[];
  responses: Hit[];
  /** User ids users.info reports as admins. */
  admins: Set<string>;
  /** User ids users.info answers `user_not_found` for. */
  unknownUsers: Set<string>;
  /** What usergroups.list reports: group id → member user ids. */
  userGroups: Map<string, string[]>;
  /** usergroups.list fails, as on a free plan. */
  userGroupsFail: boolean;
  /** Channels chat.postMessage refuses, with the error Slack gives. */
  refusedChannels: Map<string, string>;
  /** conversations.history fails, as for an app without the channels:history scope. */
  historyFails: boolean;
  /** Milliseconds the next response_url post with this id takes before Slack has applied it. */
  responseDelays: Map<string, number>;
  /** What apps.connections.open hands out (Socket Mode). */
  wsUrl: string;
  /** Where files.getUploadURLExternal tells the app to send file `id`'s bytes. */
  uploadUrl(id: string): string;
  /** Files sent to those upload URLs, by id. */
  uploads: Map<string, Uint8Array>;
  waitFor(kind: 'api' | 'responses', count: number, timeoutMs?: number): Promise<Hit[]>;
  /** The first post to response_url `id`, whenever it comes. */
  responded(id: string): Promise<Hit>;
  /** The first `count` posts to response_url `id`, in the order applied. */
  postsTo(id: string, count: number, timeoutMs?: number): Promise<Hit[]>;
  close(): Promise<void>;
}

function apiAnswer(method: string, form: Record<string, string>, mock: SlackMock): unknown {
  switch (method) {
    case 'auth.test':
      return { ok: true, url: 'https://sourcebook-test.slack.com/', team: 'Test', user: 'sourcebook', team_id: 'T0TEST', user_id: 'U0BOT', bot_id: 'B0BOT' };
    case 'users.info': {
      const id = form.user ?? '';
      if (mock.unknownUsers.has(id)) return { ok: false, error: 'user_not_found' };
      const admin = mock.admins.has(id);
      return { ok: true, user: { id, name: id.toLowerCase(), is_admin: admin, is_owner: false } };
    }
    case 'usergroups.list':
      if (mock.userGroupsFail) return { ok: false, error: 'paid_teams_only' };
      return { ok: true, usergroups: [...mock.userGroups].map(([id, users]) => ({ id, handle: id.toLowerCase(), users })) };
    case 'chat.postMessage': {
      const refused = mock.refusedChannels.get(form.channel ?? '');
      if (refused) return { ok: false, error: refused };
      return { ok: true, channel: form.channel, ts: `${1_700_000_000 + mock.api.length}.000100` };
    }
    case 'conversations.history': {
      // The channel's messages, newest first, with the metadata they were posted with.
      if (mock.historyFails) return { ok: false, error: 'missing_scope' };
      const posted = mock.api.filter(
        (c) => c.name === 'chat.postMessage' && c.form.channel === form.channel && !mock.refusedChannels.has(c.form.channel ?? ''),
      );
      return {
        ok: true,
        messages: posted.reverse().map((c, i) => ({
          type: 'message',
          ts: `${1_700_000_000 + i}.000100`,
          text: c.form.text,
          ...(c.form.metadata ? { metadata: JSON.parse(c.form.metadata) } : {}),
        })),
      };
    }
    case 'apps.connections.open':
      return { ok: true, url: mock.wsUrl };
    case 'files.getUploadURLExternal': {
      // Step 1 of a file upload: where to send the bytes, on this server like the rest.
      const id = `F0TEST${mock.api.filter((c) => c.name === 'files.getUploadURLExternal').length}`;
      return { ok: true, file_id: id, upload_url: mock.uploadUrl(id) };
    }
    case 'files.completeUploadExternal': {
      const files = JSON.parse(form.files ?? '[]') as { id: string; title?: string }[];
      return { ok: true, files: files.map((f) => ({ id: f.id, title: f.title ?? '', mimetype: 'image/png' })) };
    }
    default:
      return { ok: true };
  }
}

/** The bytes sent to an upload URL: the body itself, or the file part of a multipart form. */
async function fileOf(bytes: Buffer, contentType: string | undefined): Promise<Uint8Array> {
  if (!contentType?.startsWith('multipart/form-data')) return new Uint8Array(bytes);
  const form = await new Response(new Uint8Array(bytes), { headers: { 'content-type': contentType } }).formData();
  for (const value of form.values()) if (typeof value !== 'string') return new Uint8Array(await value.arrayBuffer());
  return new Uint8Array();
}

export async function startSlackMock(): Promise<SlackMock> {
  const events = new EventEmitter();
  events.setMaxListeners(0);
  const mock: SlackMock = {
    apiUrl: '',
    responseUrl: () => '',
    api: [],
    responses: [],
    admins: new Set(),
    unknownUsers: new Set(),
    userGroups: new Map(),
    userGroupsFail: false,
    refusedChannels: new Map(),
    historyFails: false,
    responseDelays: new Map(),
    wsUrl: '',
    uploadUrl: () => '',
    uploads: new Map(),
    waitFor(kind, count, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (mock[kind].length < count) return false;
          clearTimeout(timer);
          events.off(kind, check);
          resolve(mock[kind]);
          return true;
        };
        const timer = setTimeout(() => {
          events.off(kind, check);
          reject(new Error(`waited ${timeoutMs} ms for ${count} ${kind}, got ${mock[kind].length}`));
        }, timeoutMs);
        if (!check()) events.on(kind, check);
      });
    },
    responded(id) {
      const seen = mock.responses.find((r) => r.name === id);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve) => {
        const waiting = waiters.get(id) ?? [];
        waiting.push(resolve);
        waiters.set(id, waiting);
      });
    },
    async postsTo(id, count, timeoutMs = 5000) {
      const mine = () => mock.responses.filter((r) => r.name === id);
      const deadline = Date.now() + timeoutMs;
      while (mine().length < count) {
        if (Date.now() > deadline) throw new Error(`waited ${timeoutMs} ms for ${count} posts to ${id}, got ${mine().length}`);
        await new Promise((r) => setTimeout(r, 10));
      }
      return mine().slice(0, count);
    },
    close: async () => {},
  };
  const waiters = new Map<string, ((hit: Hit) => void)[]>();

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const bytes = Buffer.concat(chunks);
      const raw = bytes.toString('utf8');
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (url.pathname.startsWith('/upload/')) {
        void fileOf(bytes, req.headers['content-type']).then((file) => {
          mock.uploads.set(decodeURIComponent(url.pathname.slice('/upload/'.length)), file);
          res.writeHead(200, { 'content-type': 'text/plain' });
          res.end('OK');
        });
        return;
      }
      const isJson = (req.headers['content-type'] ?? '').includes('json');
      const hit: Hit = {
        name: decodeURIComponent(url.pathname.replace(/^\/(api|respond)\//, '')),
        at: performance.now(),
        headers: req.headers,
        raw,
        form: isJson ? {} : Object.fromEntries(new URLSearchParams(raw)),
        json: isJson && raw ? JSON.parse(raw) : null,
      };
      if (url.pathname.startsWith('/api/')) {
        mock.api.push(hit);
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify(apiAnswer(hit.name, hit.form, mock)));
        events.emit('api');
      } else if (url.pathname.startsWith('/respond/')) {
        const delay = mock.responseDelays.get(hit.name) ?? 0;
        mock.responseDelays.delete(hit.name);
        setTimeout(() => {
          hit.at = performance.now();
          mock.responses.push(hit);
          res.writeHead(200, { 'content-type': 'text/plain' });
          res.end('ok');
          events.emit('responses');
          for (const resolve of waiters.get(hit.name) ?? []) resolve(hit);
          waiters.delete(hit.name);
        }, delay);
      } else {
        res.writeHead(404).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address !== 'object') throw new Error('mock Slack is not listening on TCP');
  const { port } = address;
  const base = `http://127.0.0.1:${port}`;
  mock.apiUrl = `${base}/api/`;
  mock.responseUrl = (id) => `${base}/respond/${encodeURIComponent(id)}`;
  mock.uploadUrl = (id) => `${base}/upload/${encodeURIComponent(id)}`;
  mock.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return mock;
}
