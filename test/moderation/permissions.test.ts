import { beforeAll, describe, expect, it } from 'vitest';
import type { CoreBot } from '../../src/app/bot.ts';
import { spaceKey } from '../../src/core/request.ts';
import { getEntry } from '../../src/moderation/audit.ts';
import { isModerator } from '../../src/moderation/permissions.ts';
import { changed } from '../../src/moderation/replies.ts';
import { ADMIN, EMELYANOV_YEZHOV, REIMAN_YEZHOV, STUDENT, freshSpace, member, run, snapshot, text } from './support.ts';
import { moderationBot } from './support.ts';

let bot: CoreBot;
beforeAll(() => {
  bot = moderationBot();
});

const MODERATOR_LINES = [
  `/curate pin who Yezhov | Head of the NKVD. | ${EMELYANOV_YEZHOV}`,
  '/curate note who Yezhov | Read Reiman first.',
  `/hide ${REIMAN_YEZHOV} | test`,
  `/unhide ${REIMAN_YEZHOV}`,
  '/sourcenote reiman-2016 | A peer-reviewed monograph.',
  '/review',
  '/review log',
  '/undo 1',
  '/sourcebook config modrole 123456789012345678',
];

describe('who is a moderator', () => {
  it('GIVEN a Discord member with Manage Server (isAdmin) THEN they are a moderator', () => {
    const where = freshSpace('discord');
    expect(isModerator(bot.ctx, { command: 'review', args: '', user: ADMIN, where })).toBe(true);
  });

  it('GIVEN a Slack workspace admin THEN they are a moderator; a plain Slack member is not', () => {
    const where = freshSpace('slack');
    expect(isModerator(bot.ctx, { command: 'review', args: '', user: ADMIN, where })).toBe(true);
    expect(isModerator(bot.ctx, { command: 'review', args: '', user: STUDENT, where })).toBe(false);
  });

  it('GIVEN the console THEN its local user administers the local space', async () => {
    const where = freshSpace('console');
    const local = { id: 'local', name: 'you', isAdmin: false, groups: [] };
    const r = await run(bot, where, local, '/sourcebook config');
    expect(r.kind).toBe('notice');
    expect(r.title).toBe('Sourcebook settings for this group');
  });

  it.each(MODERATOR_LINES)('GIVEN a non-moderator WHEN they run %s THEN it is refused and nothing changes', async (line) => {
    const where = freshSpace('discord');
    const before = snapshot(bot);
    const r = await run(bot, where, STUDENT, line);
    expect(r.kind).toBe('refusal');
    expect(r.ephemeral).toBe(true);
    expect(text(r)).toContain('Nothing was changed');
    expect(snapshot(bot)).toBe(before);
  });

  it('GIVEN an admin names a role with /sourcebook config modrole THEN members of that role moderate, others do not', async () => {
    const where = freshSpace('discord');
    const mod = member(['555555555555555555', '111']);
    expect((await run(bot, where, mod, '/review')).kind).toBe('refusal');
    const set = await run(bot, where, ADMIN, '/sourcebook config modrole <@&555555555555555555>');
    expect(set.title).toBe('Moderator role added');
    expect((await run(bot, where, mod, '/review')).title).toBe('No open reports');
    expect((await run(bot, where, member(['999999999999999999']), '/review')).kind).toBe('refusal');
  });

  it('GIVEN a Slack user group named as moderator group THEN its members moderate that workspace', async () => {
    const where = freshSpace('slack');
    await run(bot, where, ADMIN, '/sourcebook config modrole <!subteam^S0614TZR7|@history-mods>');
    const r = await run(bot, where, member(['S0614TZR7']), `/hide ${REIMAN_YEZHOV}`);
    expect(r.title).toBe(`Hidden: ${REIMAN_YEZHOV}`);
  });

  it('GIVEN a role member (not an admin) WHEN they run /sourcebook config THEN it is refused: only admins name moderators', async () => {
    const where = freshSpace('discord');
    await run(bot, where, ADMIN, '/sourcebook config modrole 222222222222222222');
    const before = snapshot(bot);
    const r = await run(bot, where, member(['222222222222222222']), '/sourcebook config modrole 333333333333333333');
    expect(r.kind).toBe('refusal');
    expect(r.title).toBe('Admins only');
    expect(snapshot(bot)).toBe(before);
  });

  it('GIVEN a role is removed THEN its members stop moderating', async () => {
    const where = freshSpace('discord');
    const mod = member(['444444444444444444']);
    await run(bot, where, ADMIN, '/sourcebook config modrole 444444444444444444');
    expect((await run(bot, where, mod, '/review')).kind).toBe('notice');
    const removed = await run(bot, where, ADMIN, '/sourcebook config modrole remove 444444444444444444');
    expect(removed.title).toBe('Moderator role removed');
    expect((await run(bot, where, mod, '/review')).kind).toBe('refusal');
  });

  it('GIVEN a malformed role id for the platform THEN the admin is told what an id looks like and nothing changes', async () => {
    const discord = freshSpace('discord');
    const before = snapshot(bot);
    const r = await run(bot, discord, ADMIN, '/sourcebook config modrole moderators');
    expect(r.kind).toBe('error');
    expect(text(r)).toContain('Discord role id is a long number');
    const slack = await run(bot, freshSpace('slack'), ADMIN, '/sourcebook config modrole 12345');
    expect(text(slack)).toContain('starts with S');
    expect(snapshot(bot)).toBe(before);
  });

  it('GIVEN /sourcebook without config THEN the usage is shown', async () => {
    const r = await run(bot, freshSpace(), ADMIN, '/sourcebook modrole 1');
    expect(r.kind).toBe('error');
    expect(text(r)).toContain('/sourcebook config modrole ROLE');
  });

  it('GIVEN an admin removed moderator role R WHEN a moderator by another role runs /undo of it THEN it is refused: only admins name moderators, and nothing changes', async () => {
    const where = freshSpace('discord');
    const r = '111111111111111111';
    const other = member(['222222222222222222'], 'u-mod-s');
    await run(bot, where, ADMIN, `/sourcebook config modrole ${r}`);
    await run(bot, where, ADMIN, '/sourcebook config modrole 222222222222222222');
    await run(bot, where, ADMIN, `/sourcebook config modrole remove ${r}`);
    const before = snapshot(bot);
    for (const seq of [1, 2, 3]) {
      const u = await run(bot, where, other, `/undo ${seq}`);
      expect(u.kind).toBe('refusal');
      expect(u.title).toBe('Admins only');
      expect(text(u)).toContain('only this group’s admins can undo it');
    }
    expect(snapshot(bot)).toBe(before);
    expect((await run(bot, where, member([r]), '/review')).kind).toBe('refusal');
    // An admin may.
    expect((await run(bot, where, ADMIN, '/undo 3')).title).toBe('Undone: #3');
    expect((await run(bot, where, member([r]), '/review')).kind).toBe('notice');
  });

  it('GIVEN a change to moderator roles THEN its confirmation offers Undo to an admin but not to a moderator who is not one', async () => {
    const where = freshSpace('discord');
    await run(bot, where, ADMIN, '/sourcebook config modrole 777777777777777777');
    const entry = getEntry(bot.ctx.db, spaceKey(where), 1)!;
    const asAdmin = changed(bot.ctx, { command: 'undo', args: '', user: ADMIN, where }, entry, 't', 'x');
    const asMod = changed(bot.ctx, { command: 'undo', args: '', user: member(['777777777777777777']), where }, entry, 't', 'x');
    expect(asAdmin.actions.map((a) => a.label)).toEqual(['Undo #1']);
    expect(asMod.actions).toEqual([]);
    expect(text(asMod)).toContain('only this group’s admins can undo it');
  });

  it('GIVEN any other change THEN a moderator by role may undo it', async () => {
    const where = freshSpace('discord');
    await run(bot, where, ADMIN, '/sourcebook config modrole 666666666666666666');
    const mod = member(['666666666666666666']);
    await run(bot, where, ADMIN, `/hide ${REIMAN_YEZHOV}`);
    const u = await run(bot, where, mod, '/undo 2');
    expect(u.title).toBe('Undone: #2');
    expect(u.actions.map((a) => a.label)).toEqual(['Undo #3']);
  });
});
