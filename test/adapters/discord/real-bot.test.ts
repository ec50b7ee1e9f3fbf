/**
 * The real core bot over the real corpus, behind the real discord.js Client; only Discord's
 * network is fake. One bot (and database) for the file: each test uses its own guilds where the
 * data it creates could matter to another.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { CoreBot } from '../../../src/app/bot.ts';
import { corpusBot } from '../../support/corpus-bot.ts';
import { startHarnessWith, type Harness } from '../../../loopback/discord/harness.ts';
import { autocomplete, click, GUILD_A, slash, type Sender } from './payloads.ts';
import { EPHEMERAL, callbackOf, limitViolations, messagesIn, onlyMessage, summary, unescapeMarkdown, type MessageBody } from './wire.ts';

let bot: CoreBot;
let h: Harness<CoreBot>;

beforeAll(async () => {
  bot = corpusBot();
  // The first /quiz generates the question bank (over a second); done here so no test defers for it.
  await bot.handle({
    command: 'quiz',
    args: '',
    user: { id: 'warm', name: 'warm', isAdmin: false, groups: [] },
    where: { platform: 'discord', space: 'warm-up', channel: 'warm-up' },
  });
}, 60_000);

beforeEach(async () => {
  h = await startHarnessWith(bot, { deferAfterMs: 1500 });
});
afterEach(async () => {
  await h.close();
});

const only = onlyMessage;

const button = (message: MessageBody, label: string): string => {
  const found = message.components?.flatMap((row) => row.components).find((b) => b.label === label);
  if (!found) throw new Error(`no "${label}" button`);
  return found.custom_id;
};

const fields = (message: MessageBody): Record<string, string> =>
  Object.fromEntries((message.embeds ?? []).flatMap((e) => e.fields ?? []).map((f) => [unescapeMarkdown(f.name), unescapeMarkdown(f.value)]));

async function whoYezhov(sender: Sender = {}): Promise<MessageBody> {
  const calls = await h.deliver(slash('who', { name: 'Yezhov' }, sender));
  expect(summary(calls)).toEqual(['callback 4']);
  return only(calls);
}

async function review(sender: Sender): Promise<MessageBody> {
  const calls = await h.deliver(slash('review reports', {}, sender));
  expect(summary(calls)).toEqual(['callback 4']);
  const message = only(calls);
  expect(message.flags).toBe(EPHEMERAL);
  return message;
}

describe('GIVEN the real bot behind the adapter', () => {
  test('WHEN a member types "Yez" in /who’s name THEN the autocomplete choices (type 8) include "Nikolai Yezhov"', async () => {
    const calls = await h.deliver(autocomplete('who', 'name', 'Yez'));
    expect(summary(calls)).toEqual(['callback 8']);
    const choices = callbackOf(calls[0]!).data?.choices ?? [];
    expect(choices.map((c) => c.value)).toContain('Nikolai Yezhov');
    expect(choices.length).toBeLessThanOrEqual(25);
  });

  test('WHEN a member runs /who Yezhov THEN the channel gets the profile within limits, each quote credited with its passage id', async () => {
    const message = await whoYezhov();
    expect(message.flags ?? 0).toBe(0);
    expect(message.embeds?.[0]?.title).toBe('Who was Nikolai Yezhov?');
    const expected = await bot.handle({
      command: 'who',
      args: 'Yezhov',
      user: { id: 'x', name: 'x', isAdmin: false, groups: [] },
      where: { platform: 'discord', space: GUILD_A, channel: 'x' },
    });
    const quoted = expected.blocks.flatMap((b) => (b.type === 'quote' ? [expected.citations[b.citation]!.passage] : []));
    expect(quoted.length).toBeGreaterThan(0);
    const text = (message.embeds ?? []).map((e) => e.description ?? '').join('\n');
    const credits = [...text.matchAll(/^— .+ · `([^`]+)`$/gm)].map((m) => m[1]);
    expect(credits).toEqual(quoted);
    expect(button(message, 'Report')).toMatch(/^sb:/);
  });

  test('WHEN a member clicks "Report" on /who Yezhov THEN they alone are thanked, a moderator’s /review lists it, and a member’s /review is refused privately', async () => {
    const who = await whoYezhov();
    const reported = only(await h.deliver(click(button(who, 'Report'), who, { as: 'member' })));
    expect(reported.flags).toBe(EPHEMERAL);
    expect(reported.embeds?.[0]?.title).toMatch(/^Report #\d+ sent$/);

    const queue = fields(await review({ as: 'moderator' }));
    expect(queue['Request']).toBe('/who Yezhov');
    expect(queue['Reported by']).toMatch(/^Pavel on /);
    expect(queue['The reply was']).toBe('Who was Nikolai Yezhov?');

    const refused = await review({ as: 'member' });
    expect(refused.embeds?.[0]?.title).toBe('Moderators only');
    expect(JSON.stringify(refused)).not.toContain('/who Yezhov');
  });

  test('WHEN a member runs /quiz start with topic Kirov and the Integer count 2 THEN the core gets both typed values and posts question 1 of 2', async () => {
    const calls = await h.deliver(slash('quiz start', { topic: 'Kirov', count: 2 }, { as: 'member' }));
    expect(summary(calls)).toEqual(['callback 4']);
    expect(only(calls).embeds?.[0]?.title).toMatch(/^Quiz 1\/2 — /);
  });

  test('WHEN a member starts /quiz and two people answer THEN each click redraws the shared post’s tally (type 7) and the clicker alone gets feedback with the passage', async () => {
    const startCalls = await h.deliver(slash('quiz start', {}, { as: 'member' }));
    expect(summary(startCalls)).toEqual(['callback 4']);
    const post = only(startCalls);
    expect(post.flags ?? 0).toBe(0);
    const answers = post.components?.flatMap((row) => row.components) ?? [];
    expect(answers.length).toBeGreaterThanOrEqual(2);
    expect(post.embeds?.[0]?.description).toContain('0 answered');

    const first = await h.deliver(click(answers[0]!.custom_id, post, { as: 'member' }));
    expect(summary(first)).toEqual(['callback 7', 'POST /webhooks/{app}/{token}']);
    const [redrawn, feedback] = messagesIn(first);
    expect(redrawn!.flags).toBeUndefined();
    expect(redrawn!.embeds?.[0]?.title).toBe(post.embeds?.[0]?.title);
    expect(redrawn!.embeds?.[0]?.description).toContain('1 answered');
    expect(redrawn!.components).toEqual(post.components);
    expect(feedback!.flags).toBe(EPHEMERAL);
    expect(feedback!.embeds?.[0]?.title).toMatch(/^(Right|Not quite)/);
    expect(feedback!.embeds?.map((e) => e.description ?? '').join('\n')).toMatch(/ · `[a-z]+-[a-z0-9]+`$/m);
    for (const m of messagesIn(first)) {
      expect(m.allowed_mentions).toEqual({ parse: [] });
      expect(limitViolations(m)).toEqual([]);
    }

    const second = await h.deliver(click(answers[1]!.custom_id, redrawn!, { as: 'moderator' }));
    expect(summary(second)).toEqual(['callback 7', 'POST /webhooks/{app}/{token}']);
    expect(messagesIn(second)[0]!.embeds?.[0]?.description).toContain('2 answered');
    expect(messagesIn(second)[1]!.flags).toBe(EPHEMERAL);
  });
});

describe('GIVEN two servers', () => {
  const GUILD_B: [string, string] = ['1301111111111111111', '1301111111111111200'];
  const GUILD_C: [string, string] = ['1302222222222222222', '1302222222222222200'];

  test('WHEN a report is made in one THEN its moderators see it in /review and the other server’s moderators do not', async () => {
    const who = await whoYezhov({ guild: GUILD_B });
    const reported = only(await h.deliver(click(button(who, 'Report'), who, { as: 'member', guild: GUILD_B })));
    expect(reported.embeds?.[0]?.title).toMatch(/^Report #\d+ sent$/);

    expect(fields(await review({ as: 'moderator', guild: GUILD_B }))['Request']).toBe('/who Yezhov');
    const elsewhere = await review({ as: 'moderator', guild: GUILD_C });
    expect(elsewhere.embeds?.[0]?.title).toBe('No open reports');
    expect(JSON.stringify(elsewhere)).not.toContain('Yezhov');
  });
});
