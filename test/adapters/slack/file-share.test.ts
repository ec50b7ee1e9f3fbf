/**
 * A file shared with the app in a direct message, through a real Bolt app (HTTP mode, signed
 * requests) with only Slack's Web API and file host faked on loopback: a moderator's file is
 * fetched with the bot's token and added for that workspace as `/source add` would; anyone
 * else's, or any other message, changes nothing.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBot, type CoreBot } from '../../../src/app/bot.ts';
import { silentLogger } from '../../../src/core/log.ts';
import { openDb } from '../../../src/db/open.ts';
import { startHttpHarness, type HttpHarness } from '../../../loopback/slack/harness.ts';
import { postSigned } from '../../../loopback/slack/sign.ts';
import { REIMAN } from '../../readings/fixtures/excerpts.ts';
import { CORPUS_DIR } from '../../support/corpus-bot.ts';

let dir: string;
let files: Server;
let fileBase: string;
const fetched: IncomingHttpHeaders[] = [];
let bot: CoreBot;
let h: HttpHarness<CoreBot>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sb-slack-add-'));
  cpSync(CORPUS_DIR, join(dir, 'corpus'), { recursive: true, filter: (src) => !src.startsWith(join(CORPUS_DIR, 'readings')) });
  files = createServer((req, res) => {
    fetched.push(req.headers);
    res.end(`# Notes on the terror\n\n${REIMAN.data}\n`);
  });
  await new Promise<void>((r) => files.listen(0, '127.0.0.1', r));
  fileBase = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;
  bot = createBot({
    db: openDb(':memory:'),
    corpusDir: join(dir, 'corpus'),
    logger: silentLogger,
    fileHosts: ['127.0.0.1'],
    fileHeaders: { '127.0.0.1': { Authorization: 'Bearer xoxb-test-token' } },
  });
  h = await startHttpHarness(bot);
  h.mock.admins.add('U0ADA');
}, 120_000);
afterAll(async () => {
  await h.stop();
  files.close();
  bot.close();
  rmSync(dir, { recursive: true, force: true });
});

let n = 0;
/** A `message` event callback as Slack sends it for a file shared in the app's Messages tab. */
function fileShared(user: string, name: string, extra: Record<string, unknown> = {}) {
  n++;
  return {
    token: 'x',
    team_id: 'T0TEST',
    api_app_id: 'A0APP',
    type: 'event_callback',
    event_id: `Ev0FILE${n}`,
    event_time: 1764800000 + n,
    authorizations: [{ enterprise_id: null, team_id: 'T0TEST', user_id: 'U0BOT', is_bot: true, is_enterprise_install: false }],
    event: {
      type: 'message',
      subtype: 'file_share',
      channel_type: 'im',
      channel: 'D0ADA',
      user,
      text: '',
      ts: `1764800000.00010${n}`,
      files: [
        {
          id: `F0${n}`,
          name,
          mimetype: 'text/markdown',
          url_private: `${fileBase}/files-pri/T0TEST-F0${n}/${name}`,
          url_private_download: `${fileBase}/files-pri/T0TEST-F0${n}/download/${name}`,
        },
      ],
      ...extra,
    },
  };
}

async function share(payload: unknown): Promise<string[]> {
  const before = h.mock.api.filter((c) => c.name === 'chat.postMessage').length;
  const res = await postSigned(h.url, JSON.stringify(payload), { contentType: 'application/json' });
  expect(res.status).toBe(200);
  const deadline = Date.now() + 15_000;
  while (h.mock.api.filter((c) => c.name === 'chat.postMessage').length === before && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  return h.mock.api
    .filter((c) => c.name === 'chat.postMessage')
    .slice(before)
    .map((c) => `${c.form.text ?? ''}\n${c.form.blocks ?? ''}`);
}

describe('GIVEN a file shared with the app on Slack', () => {
  it('WHEN a workspace admin shares a Markdown file THEN it is fetched with the bot’s token, added for this workspace, and the answer is posted back in the conversation', async () => {
    const posted = await share(fileShared('U0ADA', 'notes.md'));
    expect(posted.join('\n')).toContain('Added: notes-on-the-terror');
    expect(fetched.at(-1)?.authorization).toBe('Bearer xoxb-test-token');
    expect(bot.ctx.repo.whole().source('notes-on-the-terror')?.meta.space).toBe('slack:T0TEST');
  });

  it('WHEN a member who is no moderator shares a file THEN the reply says so and nothing is fetched or added', async () => {
    const before = fetched.length;
    const sources = bot.ctx.repo.whole().sources().length;
    const posted = await share(fileShared('U0STUDENT', 'mine.md'));
    expect(posted.join('\n')).toContain('Moderators only');
    expect(fetched.length).toBe(before);
    expect(bot.ctx.repo.whole().sources()).toHaveLength(sources);
  });

  it('WHEN a message without a file, or a file in a channel, arrives THEN the app answers nothing', async () => {
    const before = h.mock.api.length;
    for (const payload of [fileShared('U0ADA', 'x.md', { subtype: undefined, files: undefined }), fileShared('U0ADA', 'y.md', { channel_type: 'channel' })]) {
      const res = await postSigned(h.url, JSON.stringify(payload), { contentType: 'application/json' });
      expect(res.status).toBe(200);
    }
    await new Promise((r) => setTimeout(r, 300));
    expect(h.mock.api.slice(before).filter((c) => c.name === 'chat.postMessage')).toEqual([]);
  });
});
