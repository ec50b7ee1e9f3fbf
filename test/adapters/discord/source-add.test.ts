/**
 * /source add with a file attached, through the real discord.js Client: the attachment option's
 * file is fetched from its link (a loopback server stands in for Discord's file host), added for
 * this server only, and confirmed privately; a member without the role is refused.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { createBot, type CoreBot } from '../../../src/app/bot.ts';
import { silentLogger } from '../../../src/core/log.ts';
import { openDb } from '../../../src/db/open.ts';
import { startHarnessWith, type Harness } from '../../../loopback/discord/harness.ts';
import { REIMAN } from '../../readings/fixtures/excerpts.ts';
import { CORPUS_DIR } from '../../support/corpus-bot.ts';
import { GUILD_A, slash } from './payloads.ts';
import { EPHEMERAL, onlyMessage, unescapeMarkdown } from './wire.ts';

let dir: string;
let server: Server;
let fileUrl: string;
let bot: CoreBot;
let h: Harness<CoreBot> | null = null;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sb-discord-add-'));
  cpSync(CORPUS_DIR, join(dir, 'corpus'), { recursive: true, filter: (src) => !src.startsWith(join(CORPUS_DIR, 'readings')) });
  server = createServer((_req, res) => res.end(`# Notes on the terror\n\n${REIMAN.data}\n`));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  fileUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/attachments/1/2/notes.md?ex=1&hm=abc`;
  bot = createBot({ db: openDb(':memory:'), corpusDir: join(dir, 'corpus'), logger: silentLogger, fileHosts: ['127.0.0.1'] });
}, 120_000);
afterEach(async () => {
  await h?.close();
  h = null;
});
afterAll(() => {
  server.close();
  rmSync(dir, { recursive: true, force: true });
});

const textOf = (m: { embeds?: { title?: string; description?: string }[] }) =>
  unescapeMarkdown((m.embeds ?? []).flatMap((e) => [e.title ?? '', e.description ?? '']).join('\n'));

describe('GIVEN /source add on Discord', () => {
  test('WHEN a moderator attaches a Markdown file THEN a private confirmation, and the reading is this server’s source', async () => {
    h = await startHarnessWith(bot, { deferAfterMs: 5000 });
    const file = { attachment: { url: fileUrl, filename: 'notes.md', size: 600 } };
    const m = onlyMessage(await h.deliver(slash('source', { id: 'add', file }, { as: 'moderator' })));
    expect(m.flags).toBe(EPHEMERAL);
    expect(textOf(m)).toContain('Added: notes-on-the-terror');
    expect(textOf(m)).toContain('Only this group sees it');
    expect(bot.ctx.repo.whole().source('notes-on-the-terror')?.meta.space).toBe(`discord:${GUILD_A}`);
  });

  test('WHEN a member without the moderator role attaches a file THEN a private refusal and nothing added', async () => {
    h = await startHarnessWith(bot, { deferAfterMs: 5000 });
    const before = bot.ctx.repo.whole().sources().length;
    const file = { attachment: { url: fileUrl.replace('notes.md', 'other.md'), filename: 'other.md', size: 600 } };
    const m = onlyMessage(await h.deliver(slash('source', { id: 'add', file }, { as: 'member' })));
    expect(m.flags).toBe(EPHEMERAL);
    expect(textOf(m)).toContain('Moderators only');
    expect(bot.ctx.repo.whole().sources()).toHaveLength(before);
  });
});
