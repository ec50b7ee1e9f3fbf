/** `/quiz schedule …`: validation (zod, croner, Intl), per-channel listing, removal, moderators only. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { CoreBot } from '../../src/app/bot.ts';
import { spaceKey, type Where } from '../../src/core/request.ts';
import { listSchedules, ScheduleSpecSchema, splitScheduleArgs } from '../../src/quiz/schedule.ts';
import { ALICE, GUILD_A, GUILD_B, MOD, clock, quizBot, run, text } from './helpers.ts';

let bot: CoreBot;
const OTHER_CHANNEL: Where = { ...GUILD_A, channel: 'general' };

beforeAll(() => {
  bot = quizBot(clock());
}, 60_000);

function spec(args: string) {
  const raw = splitScheduleArgs(args);
  if ('error' in raw) return { ok: false as const, message: raw.error };
  const r = ScheduleSpecSchema.safeParse(raw);
  return r.success ? { ok: true as const, value: r.data } : { ok: false as const, message: r.error.issues[0]!.message };
}

describe('schedule syntax', () => {
  it('GIVEN HH:MM with options THEN a daily cron pattern with timezone, topic of several words, count and max lateness', () => {
    expect(spec('09:00 tz=Europe/Prague topic=Great Terror count=3 maxlate=30')).toEqual({
      ok: true,
      value: { pattern: '0 9 * * *', label: 'daily at 09:00', timezone: 'Europe/Prague', topic: 'Great Terror', count: 3, maxLateMinutes: 30 },
    });
  });

  it('GIVEN a five-field cron pattern and no options THEN UTC, one question, 60 minutes lateness', () => {
    expect(spec('30 18 * * 1-5')).toEqual({
      ok: true,
      value: { pattern: '30 18 * * 1-5', label: 'cron “30 18 * * 1-5”', timezone: 'UTC', topic: null, count: 1, maxLateMinutes: 60 },
    });
  });

  it.each([
    ['25:00', 'HH:MM'],
    ['0 9 * *', 'five-field cron'],
    ['61 9 * * *', 'not valid'],
    ['09:00 tz=Mars/Olympus', 'Unknown timezone'],
    ['09:00 count=0', '1 to 10'],
    ['09:00 count=11', '1 to 10'],
    ['09:00 count=three', 'number'],
    ['09:00 maxlate=-5', '0 to 1440'],
    ['*/10 * * * *', 'at most once an hour'],
    ['09:00 colour=red', 'Unknown option'],
    ['09:00 count=2 3', 'Only topic='],
    ['09:00 tz=UTC tz=Europe/Prague', 'twice'],
  ])('GIVEN “%s” THEN it is refused with a message about %s', (args, message) => {
    const r = spec(args);
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.message).toContain(message);
  });
});

describe('/quiz schedule', () => {
  it('GIVEN a student THEN /quiz schedule is refused and nothing is stored', async () => {
    const r = await run(bot, '/quiz schedule 09:00', ALICE);
    expect(r.kind).toBe('refusal');
    expect(listSchedules(bot.ctx.db, spaceKey(GUILD_A), GUILD_A.channel)).toEqual([]);
  });

  it('GIVEN a moderator THEN the schedule is stored for this channel and listed with its next run', async () => {
    const r = await run(bot, '/quiz schedule 09:00 tz=Europe/Prague count=2', MOD);
    expect(r.title).toBe('Quiz scheduled');
    // 2025-03-10 is in winter time: 09:00 in Prague is 08:00 UTC.
    expect(text(r)).toContain('next 2025-03-11 08:00 UTC');
    const stored = listSchedules(bot.ctx.db, spaceKey(GUILD_A), GUILD_A.channel);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ pattern: '0 9 * * *', timezone: 'Europe/Prague', count: 2, where: GUILD_A, createdBy: MOD.id });
    const list = await run(bot, '/quiz schedule list', MOD);
    expect(text(list)).toContain(`#${stored[0]!.id}: daily at 09:00 (Europe/Prague)`);
    expect(text(await run(bot, '/quiz schedule list', MOD, OTHER_CHANNEL))).toContain('None yet');
  });

  it('GIVEN an invalid schedule THEN a short error and nothing stored', async () => {
    const before = listSchedules(bot.ctx.db, spaceKey(GUILD_A), GUILD_A.channel).length;
    const r = await run(bot, '/quiz schedule 09:00 tz=Nowhere/City', MOD);
    expect(r.kind).toBe('error');
    expect(r.ephemeral).toBe(true);
    expect(listSchedules(bot.ctx.db, spaceKey(GUILD_A), GUILD_A.channel)).toHaveLength(before);
  });

  it('GIVEN a moderator of another server THEN they cannot remove this server’s schedule; GIVEN this server’s moderator THEN it is removed', async () => {
    const id = listSchedules(bot.ctx.db, spaceKey(GUILD_A), GUILD_A.channel)[0]!.id;
    const foreign = await run(bot, `/quiz schedule remove ${id}`, MOD, GUILD_B);
    expect(foreign.kind).toBe('error');
    expect(listSchedules(bot.ctx.db, spaceKey(GUILD_A), GUILD_A.channel)).toHaveLength(1);
    const removed = await run(bot, `/quiz schedule remove ${id}`, MOD);
    expect(removed.title).toBe('Schedule removed');
    expect(listSchedules(bot.ctx.db, spaceKey(GUILD_A), GUILD_A.channel)).toEqual([]);
  });
});
