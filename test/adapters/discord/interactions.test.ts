import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { Recorded } from '../../../loopback/discord/fake-discord.ts';
import { interaction, startHarness, type Harness } from '../../../loopback/discord/harness.ts';
import {
  EPHEMERAL,
  InteractionResponseTypes as T,
  callbackOf,
  containsRun,
  limitViolations,
  messageOf,
  messagesIn,
  renderedWords,
  summary,
  wordsOf,
} from './wire.ts';

const GUILD = '1298765432109876543';
const CHANNEL = '1298765432109876600';
const MODERATOR = '284102390436364288';
const MEMBER = '419250393827672064';
const APP = '1312345678901234567';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});
afterEach(async () => {
  await h.close();
});

const command = (name: string, options: { name: string; value: string }[] = []) =>
  interaction('command-quote', { name, options: options.map((o) => ({ ...o, type: 3 })) });
const click = (customId: string) => interaction('button-next-page', { custom_id: customId });

function expectSafeMessages(calls: Recorded[]): void {
  const messages = messagesIn(calls);
  expect(messages.length).toBeGreaterThan(0);
  for (const m of messages) {
    expect(m.allowed_mentions).toEqual({ parse: [] });
    expect(limitViolations(m)).toEqual([]);
  }
}

describe('GIVEN a slash command', () => {
  test('WHEN a moderator runs /quote in a cached guild THEN Discord gets one channel message (type 4) with the quote and mentions off', async () => {
    const calls = await h.deliver(command('quote', [{ name: 'topic', value: 'Nakhayev' }]));
    expect(summary(calls)).toEqual(['callback 4']);
    const { data } = callbackOf(calls[0]!);
    expect(data?.flags ?? 0).toBe(0);
    expect(data?.embeds?.[0]?.title).toBe('What the sources say about Nakhayev');
    expect(data?.embeds?.[0]?.description).toContain('\n— Goble (2019) · `gob-7h2k`');
    expect(data?.components?.[0]?.components.map((b) => b.custom_id)).toEqual(['sb:cite:gob-7h2k', 'sb:more:nakhayev']);
    expectSafeMessages(calls);
  });

  test('WHEN a moderator runs /quote THEN the core sees the member as admin with their role ids, in the guild and channel', async () => {
    await h.deliver(command('quote', [{ name: 'topic', value: 'Nakhayev' }]));
    expect(h.bot.calls.handle).toEqual([
      {
        command: 'quote',
        args: '',
        typed: { sub: null, values: { topic: 'Nakhayev' } },
        user: { id: MODERATOR, name: 'Olga (mod)', isAdmin: true, groups: ['1298765432109876701', '1298765432109876702'] },
        where: { platform: 'discord', space: GUILD, channel: CHANNEL },
      },
    ]);
  });

  test('WHEN a plain member of an uncached guild sends options out of order THEN the core gets each typed value by name and isAdmin is false', async () => {
    await h.deliver(interaction('command-compare-member'));
    expect(h.bot.calls.handle).toEqual([
      {
        command: 'compare',
        args: '',
        typed: { sub: null, values: { first: 'Emelyanov', second: 'Reiman', style: 'chicago' } },
        user: { id: MEMBER, name: 'Pavel', isAdmin: false, groups: ['1301111111111111301', '1301111111111111302'] },
        where: { platform: 'discord', space: '1301111111111111111', channel: '1301111111111111200' },
      },
    ]);
  });

  test('WHEN it comes from a DM THEN the space is the user’s own DM space', async () => {
    const calls = await h.deliver(interaction('command-dm'));
    expect(summary(calls)).toEqual(['callback 4']);
    expect(h.bot.calls.handle[0]).toMatchObject({
      typed: { sub: null, values: { topic: 'Kirov' } },
      user: { id: MEMBER, isAdmin: false, groups: [] },
      where: { platform: 'discord', space: `dm:${MEMBER}`, channel: '1345330000000000900' },
    });
  });

  test('WHEN the answer quotes "@everyone" and "<@123>" THEN the text goes out but allowed_mentions parses nothing', async () => {
    const calls = await h.deliver(command('mentions'));
    const body = JSON.stringify(calls[0]!.body);
    expect(body).toContain('@everyone');
    expect(body).toContain('<@123>');
    expectSafeMessages(calls);
  });

  test('WHEN the client has no allowedMentions default THEN every message (reply, follow-ups, edits) still disables mentions', async () => {
    await h.close();
    h = await startHarness({ bareClient: true });
    for (const name of ['mentions', 'long', 'slow', 'slowsecret']) expectSafeMessages(await h.deliver(command(name)));
    expectSafeMessages(await h.deliver(click('sb:page:long:2')));
  });

  test('WHEN the core answers with an error THEN it is ephemeral (flag 64)', async () => {
    const calls = await h.deliver(command('secret'));
    expect(summary(calls)).toEqual(['callback 4']);
    expect(callbackOf(calls[0]!).data?.flags).toBe(EPHEMERAL);
  });

  test('WHEN the core throws anyway THEN the user gets a short ephemeral message and the error is logged', async () => {
    const calls = await h.deliver(command('boom'));
    expect(summary(calls)).toEqual(['callback 4']);
    const { data } = callbackOf(calls[0]!);
    expect(data?.flags).toBe(EPHEMERAL);
    expect(data?.embeds?.[0]?.title).toBe('Something went wrong');
    expect(JSON.stringify(data)).not.toContain('database is locked');
    expect(h.logger.entries.some((e) => e.level === 'error' && JSON.stringify(e.obj).includes('boom'))).toBe(true);
  });

  test('WHEN the answer is slow THEN Discord first gets a deferral (type 5), then the answer as an edit of @original', async () => {
    const calls = await h.deliver(command('slow'));
    expect(summary(calls)).toEqual(['callback 5', 'PATCH /webhooks/{app}/{token}/messages/@original']);
    expect(calls[1]!.path).toBe(`/webhooks/${APP}/${calls[1]!.path.split('/')[3]}/messages/@original`);
    expect(messageOf(calls[1]!).embeds?.[0]?.title).toBe('What the sources say about Kirov');
    expectSafeMessages(calls);
  });

  test('WHEN a slow answer turns out ephemeral THEN the public placeholder is deleted and the answer follows up ephemerally', async () => {
    const calls = await h.deliver(command('slowsecret'));
    expect(summary(calls)).toEqual(['callback 5', 'DELETE /webhooks/{app}/{token}/messages/@original', 'POST /webhooks/{app}/{token}']);
    expect(messageOf(calls[2]!).flags).toBe(EPHEMERAL);
  });

  test('WHEN the answer is too long for one message THEN it comes as a reply plus follow-ups, all within limits, no word cut', async () => {
    const calls = await h.deliver(command('long'));
    const shape = summary(calls);
    expect(shape[0]).toBe('callback 4');
    expect(shape.length).toBeGreaterThan(1);
    expect(shape.slice(1).every((s) => s === 'POST /webhooks/{app}/{token}')).toBe(true);
    expectSafeMessages(calls);
    const words = renderedWords(messagesIn(calls));
    const long = await h.bot.handle({ command: 'long', args: '', user: h.bot.calls.handle[0]!.user, where: h.bot.calls.handle[0]!.where });
    const paragraphs = long.blocks.flatMap((b) => (b.type === 'paragraph' ? [b.text] : []));
    expect(containsRun(words, paragraphs.flatMap(wordsOf))).toBe(true);
  });
});

describe('GIVEN an autocomplete request', () => {
  test('WHEN the user has typed "Yez" THEN the core is asked and Discord gets choices (type 8)', async () => {
    const calls = await h.deliver(interaction('autocomplete-quote'));
    expect(summary(calls)).toEqual(['callback 8']);
    expect(h.bot.calls.suggest).toEqual([
      { command: 'quote', option: 'topic', partial: 'Yez', where: { platform: 'discord', space: GUILD, channel: CHANNEL } },
    ]);
    const choices = callbackOf(calls[0]!).data?.choices ?? [];
    expect(choices.map((c) => c.value)).toEqual(['Yezhov', 'Yezhov', 'Yezhovshchina']);
    for (const c of choices) expect(c.name.length).toBeLessThanOrEqual(100);
    expect(choices[0]!.name.endsWith('…')).toBe(true);
  });

  test('WHEN nothing is typed and the core offers more than 25 THEN Discord gets exactly 25', async () => {
    const payload = interaction('autocomplete-quote', { options: [{ name: 'topic', type: 3, value: '', focused: true }] });
    const calls = await h.deliver(payload);
    expect(callbackOf(calls[0]!).data?.choices).toHaveLength(25);
  });

  test('WHEN the core throws THEN Discord still gets an (empty) answer and the error is logged', async () => {
    const payload = interaction('autocomplete-quote', { options: [{ name: 'topic', type: 3, value: 'boom', focused: true }] });
    const calls = await h.deliver(payload);
    expect(callbackOf(calls[0]!)).toEqual({ type: T.AutocompleteResult, data: { choices: [] } });
    expect(h.logger.entries.some((e) => e.level === 'error')).toBe(true);
  });
});

describe('GIVEN a button click', () => {
  test('WHEN it asks for the next page THEN the message is updated in place (type 7) with that page and its buttons', async () => {
    const calls = await h.deliver(click('sb:page:long:2'));
    expect(summary(calls)[0]).toBe('callback 7');
    const { data } = callbackOf(calls[0]!);
    expect(h.bot.calls.act).toEqual([
      {
        actionId: 'page:long:2',
        user: { id: MEMBER, name: 'Pavel', isAdmin: false, groups: ['1298765432109876702'] },
        where: { platform: 'discord', space: GUILD, channel: CHANNEL },
      },
    ]);
    const all = messagesIn(calls);
    expect(all.at(-1)?.embeds?.at(-1)?.footer?.text).toBe('Page 2 of 3');
    expect(all.at(-1)?.components?.[0]?.components.map((b) => b.custom_id)).toEqual(['sb:page:long:1', 'sb:page:long:3']);
    expect(data?.flags).toBeUndefined();
    expectSafeMessages(calls);
  });

  test('WHEN it is not paging THEN a new message is sent (type 4) for the channel', async () => {
    const calls = await h.deliver(click('sb:more:kirov'));
    expect(summary(calls)).toEqual(['callback 4']);
    expect(callbackOf(calls[0]!).data?.flags ?? 0).toBe(0);
    expect(callbackOf(calls[0]!).data?.embeds?.[0]?.title).toBe('What the sources say about kirov');
  });

  test('WHEN the reply is personal THEN the new message is ephemeral', async () => {
    const calls = await h.deliver(click('sb:cite:gob-7h2k'));
    expect(summary(calls)).toEqual(['callback 4']);
    expect(callbackOf(calls[0]!).data?.flags).toBe(EPHEMERAL);
  });

  test('WHEN a page is slow THEN the update is deferred (type 6) and the clicked message edited', async () => {
    const calls = await h.deliver(click('sb:slowpage:3'));
    expect(summary(calls)[0]).toBe('callback 6');
    expect(summary(calls)[1]).toBe('PATCH /webhooks/{app}/{token}/messages/@original');
    expect(messagesIn(calls).at(-1)?.embeds?.at(-1)?.footer?.text).toBe('Page 3 of 3');
    expect(h.bot.calls.act.map((a) => a.actionId)).toEqual(['slowpage:3']);
    expectSafeMessages(calls);
  });

  test('WHEN a non-page answer is slow THEN the update is deferred (type 6) and the answer posted as a new message', async () => {
    const calls = await h.deliver(click('sb:slowmore:x'));
    expect(summary(calls)).toEqual(['callback 6', 'POST /webhooks/{app}/{token}']);
    expect(messageOf(calls[1]!).embeds?.[0]?.title).toBe('What the sources say about Tukhachevsky');
  });

  test('WHEN the answer redraws the clicked post (a quiz answer) THEN the post is updated in place (type 7) and the feedback goes to the clicker alone as an ephemeral follow-up', async () => {
    const calls = await h.deliver(click('sb:vote:1'));
    expect(summary(calls)).toEqual(['callback 7', 'POST /webhooks/{app}/{token}']);
    const post = callbackOf(calls[0]!).data;
    expect(post?.flags).toBeUndefined();
    expect(post?.embeds?.[0]?.title).toBe('Quiz — Who fills the blank?');
    expect(post?.embeds?.[0]?.description).toContain('1 answered');
    expect(post?.components?.[0]?.components.map((b) => b.custom_id)).toEqual(['sb:vote:0', 'sb:vote:1']);
    const feedback = messageOf(calls[1]!);
    expect(feedback.flags).toBe(EPHEMERAL);
    expect(feedback.embeds?.[0]?.title).toBe('Not quite.');
    expect(feedback.embeds?.[0]?.description).toContain('`mas-p7cr8`');
    expect(feedback.components?.[0]?.components.map((b) => b.custom_id)).toEqual(['sb:cite:mas-p7cr8']);
    expectSafeMessages(calls);
  });

  test('WHEN such an answer is slow THEN the click is deferred (type 6), the post edited as @original, and the feedback follows up ephemerally', async () => {
    const calls = await h.deliver(click('sb:slowvote:0'));
    expect(summary(calls)).toEqual(['callback 6', 'PATCH /webhooks/{app}/{token}/messages/@original', 'POST /webhooks/{app}/{token}']);
    expect(messageOf(calls[1]!).embeds?.[0]?.description).toContain('2 answered');
    expect(messageOf(calls[1]!).flags).toBeUndefined();
    expect(messageOf(calls[2]!).flags).toBe(EPHEMERAL);
    expect(messageOf(calls[2]!).embeds?.[0]?.title).toBe('Right!');
    expectSafeMessages(calls);
  });

  test('WHEN the custom id is not one of ours THEN the user is told ephemerally and the core is not called', async () => {
    const calls = await h.deliver(click('poll:vote:3'));
    expect(summary(calls)).toEqual(['callback 4']);
    expect(callbackOf(calls[0]!).data?.flags).toBe(EPHEMERAL);
    expect(h.bot.calls.act).toEqual([]);
  });

  test('WHEN the core throws on the click THEN the user gets a short ephemeral message', async () => {
    const calls = await h.deliver(click('sb:boom:1'));
    expect(summary(calls)).toEqual(['callback 4']);
    expect(callbackOf(calls[0]!).data?.flags).toBe(EPHEMERAL);
  });

  test('WHEN the bot restarted since the button was sent THEN the click still reaches the same action', async () => {
    const sent = await h.deliver(command('quote', [{ name: 'topic', value: 'Nakhayev' }]));
    const customId = callbackOf(sent[0]!).data?.components?.[0]?.components[0]?.custom_id ?? '';
    await h.close();
    h = await startHarness();
    await h.deliver(click(customId));
    expect(h.bot.calls.act.map((a) => a.actionId)).toEqual(['cite:gob-7h2k']);
  });
});

describe('GIVEN Discord refuses a response', () => {
  test('WHEN the interaction is unknown to Discord (expired) THEN the failure is logged and nothing crashes', async () => {
    const calls = await h.deliver(command('quote', [{ name: 'topic', value: 'Kirov' }]), { expired: true });
    // The answer, then the attempt to report the failure: both refused with 404.
    expect(summary(calls)).toEqual(['callback 4', 'callback 4']);
    expect(h.logger.entries.filter((e) => e.level === 'error').map((e) => e.msg)).toContain('discord: interaction failed');
  });
});
