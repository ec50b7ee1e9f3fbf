import { silentLogger } from '../../../src/core/log.ts';
import { Events } from 'discord.js';
import { once } from 'node:events';
import { afterEach, beforeEach, describe, expect, onTestFinished, test } from 'vitest';
import { startDiscord, type RunningDiscord } from '../../../adapters/discord/index.ts';
import { nonceFor } from '../../../adapters/discord/post.ts';
import type { Bot } from '../../../src/core/bot-api.ts';
import { createBot } from '../../../src/app/bot.ts';
import type { Reply } from '../../../src/core/reply.ts';
import type { Where } from '../../../src/core/request.ts';
import { openDb } from '../../../src/db/open.ts';
import { createScheduler } from '../../../src/quiz/scheduler.ts';
import { CORPUS_DIR } from '../../support/corpus-bot.ts';
import { createFakeBot, EMELYANOV_PARAGRAPHS, MENTION_TEXT, quizPost, type FakeBot } from '../../../loopback/discord/fake-bot.ts';
import { startFakeDiscord, type FakeDiscord } from '../../../loopback/discord/fake-discord.ts';
import { startFakeGateway, type FakeGateway } from './fake-gateway.ts';
import { rawFixture, recordingLogger } from '../../../loopback/discord/harness.ts';
import { containsRun, limitViolations, messageOf, renderedWords, wordsOf } from './wire.ts';

const APP = '1312345678901234567';
const GUILD = '1298765432109876543';
const CHANNEL = '1298765432109876600';
const TOKEN = 'MTMxMjM0NTY3ODkwMTIzNDU2Nw.fake.post';
const HERE: Where = { platform: 'discord', space: GUILD, channel: CHANNEL };

let fake: FakeDiscord;
let gateway: FakeGateway;
let bot: FakeBot;
let running: RunningDiscord;

beforeEach(async () => {
  fake = await startFakeDiscord();
  fake.botToken = TOKEN;
  gateway = await startFakeGateway({ applicationId: APP, guildId: GUILD, guild: rawFixture('guild-create') });
  fake.gatewayUrl = gateway.url;
  bot = createFakeBot();
  running = await start(bot);
});

async function start(answering: Bot): Promise<RunningDiscord> {
  const started = await startDiscord({ bot: answering, token: TOKEN, logger: recordingLogger(), rest: { api: fake.api } });
  if (!started.client.isReady()) await once(started.client, Events.ClientReady);
  return started;
}

afterEach(async () => {
  await running.stop();
  await gateway.close();
  await fake.close();
});

const longReply = (): Promise<Reply> => bot.handle({ command: 'long', args: '', user: { id: '1', name: 'x', isAdmin: false, groups: [] }, where: HERE });

describe('GIVEN a running bot posting without an interaction', () => {
  test('WHEN it posts a quiz post THEN Discord gets one channel message, as the bot, with embeds, buttons and mentions off', async () => {
    await running.post(HERE, quizPost(0));
    const posts = fake.channelPosts(CHANNEL);
    expect(posts).toHaveLength(1);
    expect(posts[0]!.authorization).toBe(`Bot ${TOKEN}`);
    expect(posts[0]!.status).toBe(200);
    const body = messageOf(posts[0]!);
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(body.flags).toBeUndefined();
    expect(body.embeds?.[0]?.title).toBe('Quiz — Who fills the blank?');
    expect(body.components?.[0]?.components.map((b) => b.custom_id)).toEqual(['sb:vote:0', 'sb:vote:1']);
  });

  test('WHEN it posts with an idempotency key (a scheduled slot) THEN each message carries a nonce derived from the key and its place, with enforce_nonce; a retry sends the same nonces', async () => {
    const long = await longReply();
    await running.post(HERE, long, { idempotencyKey: 'slot:3:1736150400000' });
    const first = fake.channelPosts(CHANNEL).map((p) => p.body as { nonce?: string; enforce_nonce?: boolean });
    expect(first.length).toBeGreaterThan(1);
    expect(first.every((m) => m.enforce_nonce === true && typeof m.nonce === 'string' && m.nonce.length <= 25)).toBe(true);
    expect(new Set(first.map((m) => m.nonce)).size).toBe(first.length);
    expect(first[0]!.nonce).toBe(nonceFor('slot:3:1736150400000', 0));
    // The same slot again (a takeover): Discord keeps one message per nonce, so the same nonces are what make it once.
    await running.post(HERE, long, { idempotencyKey: 'slot:3:1736150400000' });
    const again = fake
      .channelPosts(CHANNEL)
      .slice(first.length)
      .map((p) => (p.body as { nonce?: string }).nonce);
    expect(again).toEqual(first.map((m) => m.nonce));
    // Without a key (a reply to a command), no nonce.
    await running.post(HERE, quizPost(0));
    expect((fake.channelPosts(CHANNEL).at(-1)!.body as { nonce?: string }).nonce).toBeUndefined();
  });

  test('WHEN the reply quotes "@everyone" and "<@123>" THEN the text goes out and allowed_mentions parses nothing', async () => {
    await running.post(HERE, {
      kind: 'answer',
      title: 'Rumours',
      blocks: [{ type: 'paragraph', text: MENTION_TEXT }],
      citations: [],
      actions: [],
      ephemeral: false,
    });
    const body = messageOf(fake.channelPosts(CHANNEL)[0]!);
    expect(JSON.stringify(body.embeds)).toContain('@everyone');
    expect(JSON.stringify(body.embeds)).toContain('<@123>');
    expect(body.allowed_mentions).toEqual({ parse: [] });
  });

  test('WHEN the reply is too long for one message THEN it goes as several messages in order, all within limits, no word cut, buttons on the last', async () => {
    await running.post(HERE, await longReply());
    const bodies = fake.channelPosts(CHANNEL).map(messageOf);
    expect(bodies.length).toBeGreaterThan(1);
    for (const b of bodies) {
      expect(b.allowed_mentions).toEqual({ parse: [] });
      expect(limitViolations(b)).toEqual([]);
    }
    expect(bodies.slice(0, -1).every((b) => (b.components ?? []).length === 0)).toBe(true);
    expect(bodies.at(-1)?.components?.[0]?.components.map((b) => b.custom_id)).toEqual(['sb:page:long:2']);
    expect(containsRun(renderedWords(bodies), EMELYANOV_PARAGRAPHS.slice(0, 15).flatMap(wordsOf))).toBe(true);
  });

  test('WHEN Discord refuses the channel (Missing Access) THEN post rejects and sends nothing more', async () => {
    fake.refusedChannels.add(CHANNEL);
    await expect(running.post(HERE, await longReply())).rejects.toMatchObject({ code: 50001, status: 403 });
    expect(fake.channelPosts(CHANNEL)).toHaveLength(1);
  });

  test('WHEN the place is not a Discord channel THEN post rejects without calling Discord', async () => {
    await expect(running.post({ platform: 'slack', space: 'T1', channel: 'C1' }, quizPost(0))).rejects.toThrow(/slack/);
    await expect(running.post({ ...HERE, channel: '' }, quizPost(0))).rejects.toThrow(/not a channel id/);
    expect(fake.requests.filter((r) => r.path.startsWith('/channels/'))).toEqual([]);
  });
});

describe('GIVEN the real bot with a quiz scheduled in a channel', () => {
  test('WHEN the core’s scheduler ticks with running.post as its `post` THEN the question goes to that channel with its answer buttons', {
    timeout: 30_000,
  }, async () => {
    await running.stop();
    const core = createBot({ db: openDb(':memory:'), corpusDir: CORPUS_DIR, now: () => new Date('2030-01-01T12:00:00Z'), logger: silentLogger });
    onTestFinished(() => core.close());
    running = await start(core);
    const moderator = { id: '284102390436364288', name: 'Olga', isAdmin: true, groups: [] };
    const scheduled = await core.handle({ command: 'quiz', args: 'schedule 09:00 tz=UTC', user: moderator, where: HERE });
    expect(scheduled.title).toBe('Quiz scheduled');

    const scheduler = createScheduler({ bot: core, post: running.post, now: () => new Date('2030-01-02T09:00:30Z'), owner: 'test', logger: silentLogger });
    const report = await scheduler.tick();
    expect(report.failed).toBe(0);
    expect(report.posted).toHaveLength(1);
    const [post, ...rest] = fake.channelPosts(CHANNEL).map(messageOf);
    expect(rest).toEqual([]);
    expect(post?.embeds?.[0]?.title).toMatch(/^Quiz/);
    expect(post?.components?.flatMap((row) => row.components).length).toBeGreaterThanOrEqual(2);
    expect(post?.allowed_mentions).toEqual({ parse: [] });
  });
});
