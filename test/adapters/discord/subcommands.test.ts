/**
 * Native subcommands and typed options through the real discord.js Client: the core receives the
 * typed values (no line to parse again) and answers as it does to the same request typed as text.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { CoreBot } from '../../../src/app/bot.ts';
import { corpusBot } from '../../support/corpus-bot.ts';
import type { Recorded } from '../../../loopback/discord/fake-discord.ts';
import { startHarnessWith, type Harness } from '../../../loopback/discord/harness.ts';
import { listSchedules } from '../../../src/quiz/schedule.ts';
import { modRoles } from '../../../src/moderation/roles-store.ts';
import { autocomplete, GUILD_A, CHANNEL_A, slash } from './payloads.ts';
import { EPHEMERAL, callbackOf, onlyMessage, summary, unescapeMarkdown, type MessageBody } from './wire.ts';

let bot: CoreBot;
let h: Harness<CoreBot>;
const SPACE = `discord:${GUILD_A}`;
/** Pavel's role in the recorded guild (button-next-page.json). */
const PAVELS_ROLE = '1298765432109876702';

beforeAll(() => {
  bot = corpusBot();
  // The question bank is built here, so no reply is deferred for it.
  bot.prepare();
}, 60_000);
beforeEach(async () => {
  h = await startHarnessWith(bot, { deferAfterMs: 1500 });
});
afterEach(async () => {
  await h.close();
});

/** The one message answered at once (no deferral), within Discord's limits and with mentions off. */
function only(calls: Recorded[]): MessageBody {
  expect(summary(calls)).toEqual(['callback 4']);
  return onlyMessage(calls);
}

const textOf = (m: MessageBody): string => unescapeMarkdown(JSON.stringify(m.embeds ?? []));

describe('GIVEN native subcommands on Discord', () => {
  test('WHEN a moderator runs /quiz schedule add with a time, a time zone and an Integer count THEN the schedule holds each typed value', async () => {
    const reply = only(await h.deliver(slash('quiz schedule add', { time: '08:00', timezone: 'Europe/Prague', count: 2 }, { as: 'moderator' })));
    expect(reply.embeds?.[0]?.title).toBe('Quiz scheduled');
    const [s] = listSchedules(bot.ctx.db, SPACE, CHANNEL_A);
    expect(s).toMatchObject({ timezone: 'Europe/Prague', count: 2, topic: null });
    expect(s!.label).toContain('08:00');

    const listed = only(await h.deliver(slash('quiz schedule list', {}, { as: 'moderator' })));
    expect(textOf(listed)).toContain(`#${s!.id}: `);
    const removed = only(await h.deliver(slash('quiz schedule remove', { schedule: s!.id }, { as: 'moderator' })));
    expect(removed.embeds?.[0]?.title).toBe('Schedule removed');
    expect(listSchedules(bot.ctx.db, SPACE, CHANNEL_A)).toEqual([]);
  });

  test('WHEN the typed time is no time THEN the moderator is told why, privately, and nothing is scheduled', async () => {
    const reply = only(await h.deliver(slash('quiz schedule add', { time: '25:99', timezone: 'Europe/Prague' }, { as: 'moderator' })));
    expect(reply.flags).toBe(EPHEMERAL);
    expect(reply.embeds?.[0]?.title).toBe('/quiz schedule');
    expect(listSchedules(bot.ctx.db, SPACE, CHANNEL_A)).toEqual([]);
  });

  test('WHEN an admin names a moderator role with the Role option THEN a member with that role may use /review', async () => {
    const refused = only(await h.deliver(slash('review reports', {}, { as: 'member' })));
    expect(refused.embeds?.[0]?.title).toBe('Moderators only');
    const set = only(await h.deliver(slash('sourcebook config modrole', { role: { role: PAVELS_ROLE } }, { as: 'moderator' })));
    expect(set.flags).toBe(EPHEMERAL);
    expect(modRoles(bot.ctx.db, SPACE)).toEqual([PAVELS_ROLE]);
    const allowed = only(await h.deliver(slash('review reports', {}, { as: 'member' })));
    expect(allowed.embeds?.[0]?.title).not.toBe('Moderators only');
    only(await h.deliver(slash('sourcebook config modrole', { role: { role: PAVELS_ROLE }, action: 'remove' }, { as: 'moderator' })));
    expect(modRoles(bot.ctx.db, SPACE)).toEqual([]);
  });

  test('WHEN a moderator pins an answer with /curate pin THEN /who shows it, the reason text kept whole with its “|”', async () => {
    const answer = 'Head of the NKVD 1936–38 | see both quotes';
    const pinned = only(await h.deliver(slash('curate pin', { request: 'who Yezhov', answer, passages: 'rei-mcms9' }, { as: 'moderator' })));
    expect(pinned.flags).toBe(EPHEMERAL);
    const who = only(await h.deliver(slash('who', { name: 'Ежов' }, { as: 'member' })));
    expect(textOf(who)).toContain(answer);
    only(await h.deliver(slash('curate clear', { request: 'who Yezhov' }, { as: 'moderator' })));
  });

  test('WHEN /cite gets an id and a style as two typed options THEN it formats that style; an unknown style is named in the reply', async () => {
    const mla = only(await h.deliver(slash('cite', { id: 'rei-mcms9', style: 'mla' }, { as: 'member' })));
    expect(textOf(mla)).toContain('Reiman');
    expect(textOf(mla)).not.toContain('Chicago');
    const bad = only(await h.deliver(slash('cite', { id: 'rei-mcms9', style: 'harvard' }, { as: 'member' })));
    expect(textOf(bad)).toContain('“harvard” is not a style Sourcebook formats');
  });

  test('WHEN a member reports with the answer and a reason as two options THEN the report keeps the reason', async () => {
    const sent = only(await h.deliver(slash('report', { answer: 'who Yezhov', reason: 'dates | look wrong' }, { as: 'member' })));
    expect(sent.embeds?.[0]?.title).toMatch(/^Report #\d+ sent$/);
    expect(textOf(sent)).toContain('dates | look wrong');
  });

  test('WHEN a moderator types “prag” in /quiz schedule add’s time zone THEN the choices (type 8) offer Europe/Prague', async () => {
    const calls = await h.deliver(autocomplete('quiz schedule add', 'timezone', 'prag', { as: 'moderator' }));
    expect(summary(calls)).toEqual(['callback 8']);
    expect(callbackOf(calls[0]!).data?.choices).toEqual([{ name: 'Europe/Prague', value: 'Europe/Prague' }]);
  });
});
