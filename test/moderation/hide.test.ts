import { beforeAll, describe, expect, it } from 'vitest';
import type { CoreBot } from '../../src/app/bot.ts';
import { hiddenPassages } from '../../src/moderation/hidden.ts';
import { createSpaceState } from '../../src/core/space-state.ts';
import { isModerator } from '../../src/moderation/permissions.ts';
import { putRole } from '../../src/moderation/roles-store.ts';
import { spaceKey } from '../../src/core/request.ts';
import { ADMIN, EMELYANOV_YEZHOV, STUDENT, freshSpace, moderationBot, quotes, run, snapshot, text } from './support.ts';

let bot: CoreBot;
beforeAll(() => {
  bot = moderationBot();
});

describe('a space’s settings within one request', () => {
  it('GIVEN a request’s space state THEN its hidden passages are read from the database once, and another space’s are not taken from it', async () => {
    const where = freshSpace();
    await run(bot, where, ADMIN, `/hide ${EMELYANOV_YEZHOV}`);
    const key = spaceKey(where);
    const ctx = { ...bot.ctx, space: createSpaceState(key) };
    const first = hiddenPassages(ctx, where);
    expect(first.has(EMELYANOV_YEZHOV)).toBe(true);
    // The same set, not a second read: every command and the curation of one request share it.
    expect(hiddenPassages(ctx, where)).toBe(first);
    expect(hiddenPassages(ctx, freshSpace()).has(EMELYANOV_YEZHOV)).toBe(false);
  });

  it('GIVEN a request’s space state THEN moderator roles are read once: a role named meanwhile counts from the next request on', () => {
    const where = freshSpace();
    const key = spaceKey(where);
    const member = { command: 'review', args: '', user: { id: 'u-m', name: 'M', isAdmin: false, groups: ['role-7'] }, where };
    const ctx = { ...bot.ctx, space: createSpaceState(key) };
    expect(isModerator(ctx, member)).toBe(false);
    putRole(bot.ctx.db, key, 'role-7', { by: { id: ADMIN.id, name: ADMIN.name }, at: 0 });
    expect(isModerator(ctx, member)).toBe(false);
    expect(isModerator({ ...bot.ctx, space: createSpaceState(key) }, member)).toBe(true);
    // Outside a request (no space state) the store is read each time.
    expect(isModerator(bot.ctx, member)).toBe(true);
  });
});

describe('hiding passages', () => {
  it('GIVEN a passage cited by /who, /ask and /compare WHEN hidden THEN none of them cites it, and the corpus still has it', async () => {
    const where = freshSpace();
    const ask0 = await run(bot, where, STUDENT, '/ask Who killed Kirov?');
    const askFirst = ask0.citations[0]!.passage;
    const cmp0 = await run(bot, where, STUDENT, '/compare executions');
    const cmpFirst = cmp0.citations[0]!.passage;
    expect((await run(bot, where, STUDENT, '/who Yezhov')).citations.map((c) => c.passage)).toContain(EMELYANOV_YEZHOV);

    for (const id of [askFirst, cmpFirst, EMELYANOV_YEZHOV]) {
      const r = await run(bot, where, ADMIN, `/hide ${id} | under review`);
      expect(r.title).toBe(`Hidden: ${id}`);
      // The confirmation shows what was hidden, verbatim.
      expect(bot.ctx.repo.passage(id)!.text).toContain(r.citations[0]!.quote);
    }
    expect((await run(bot, where, STUDENT, '/ask Who killed Kirov?')).citations.map((c) => c.passage)).not.toContain(askFirst);
    expect((await run(bot, where, STUDENT, '/compare executions')).citations.map((c) => c.passage)).not.toContain(cmpFirst);
    const who = await run(bot, where, STUDENT, '/who Yezhov');
    expect(who.citations.map((c) => c.passage)).not.toContain(EMELYANOV_YEZHOV);
    expect(quotes(who).join(' ')).not.toContain('head of the NKVD from January 1937 onwards');
    expect(hiddenPassages(bot.ctx, where)).toEqual(new Set([askFirst, cmpFirst, EMELYANOV_YEZHOV]));
    // Not deleted: /show still finds it.
    expect((await run(bot, where, STUDENT, `/show ${EMELYANOV_YEZHOV}`)).kind).toBe('answer');
  });

  it('GIVEN the only passage naming Naumov WHEN hidden THEN /who Naumov in that server quotes nothing, and another server still sees it', async () => {
    const where = freshSpace();
    const before = await run(bot, where, STUDENT, '/who Naumov');
    const id = before.citations[0]!.passage;
    await run(bot, where, ADMIN, `/hide ${id}`);
    const after = await run(bot, where, STUDENT, '/who Naumov');
    expect(after.kind).toBe('not-found');
    expect(after.citations).toEqual([]);
    expect((await run(bot, freshSpace(), STUDENT, '/who Naumov')).citations.map((c) => c.passage)).toEqual([id]);
  });

  it('GIVEN a hidden passage THEN /show and /cite by id still open it but say it is hidden here, autocomplete no longer offers it, and another server sees no such note', async () => {
    const where = freshSpace();
    const prefix = EMELYANOV_YEZHOV.slice(0, 6);
    const offered = () => bot.suggest('show', 'id', prefix, where).map((s) => s.value);
    expect(offered()).toContain(EMELYANOV_YEZHOV);
    await run(bot, where, ADMIN, `/hide ${EMELYANOV_YEZHOV}`);
    for (const line of [`/show ${EMELYANOV_YEZHOV}`, `/cite ${EMELYANOV_YEZHOV}`]) {
      const r = await run(bot, where, STUDENT, line);
      expect(r.kind).toBe('answer');
      expect(text(r)).toContain('moderators hid this passage from answers and quizzes');
    }
    expect(offered()).not.toContain(EMELYANOV_YEZHOV);
    expect(bot.suggest('cite', 'id', prefix, where).map((s) => s.value)).not.toContain(EMELYANOV_YEZHOV);
    const elsewhere = freshSpace();
    expect(text(await run(bot, elsewhere, STUDENT, `/show ${EMELYANOV_YEZHOV}`))).not.toContain('hid this passage');
    expect(bot.suggest('show', 'id', prefix, elsewhere).map((s) => s.value)).toContain(EMELYANOV_YEZHOV);
  });

  it('GIVEN a hidden passage WHEN unhidden THEN answers cite it again', async () => {
    const where = freshSpace();
    await run(bot, where, ADMIN, `/hide ${EMELYANOV_YEZHOV}`);
    const r = await run(bot, where, ADMIN, `/unhide ${EMELYANOV_YEZHOV}`);
    expect(r.title).toBe(`Visible again: ${EMELYANOV_YEZHOV}`);
    expect((await run(bot, where, STUDENT, '/who Yezhov')).citations.map((c) => c.passage)).toContain(EMELYANOV_YEZHOV);
    expect((await run(bot, where, ADMIN, `/unhide ${EMELYANOV_YEZHOV}`)).title).toBe('Not hidden');
  });

  it('GIVEN hidden passages THEN /hide list shows them with who hid them and why', async () => {
    const where = freshSpace();
    await run(bot, where, ADMIN, `/hide ${EMELYANOV_YEZHOV} | quote out of context`);
    const again = await run(bot, where, ADMIN, `/hide ${EMELYANOV_YEZHOV}`);
    expect(again.title).toBe('Already hidden');
    const r = await run(bot, where, ADMIN, '/hide list');
    expect(text(r)).toContain(`${EMELYANOV_YEZHOV} — hidden by Ada Admin on 2025-03-14: quote out of context`);
  });

  it.each([
    ['/hide not-a-passage-id!', 'is not a passage id'],
    ['/hide rei-zzzzz', 'No passage has the id'],
    [`/hide ${EMELYANOV_YEZHOV} | ${'r'.repeat(301)}`, 'at most 300 characters'],
    ['/hide', 'Hide which passage?'],
    ['/unhide 42', 'is not a passage id'],
  ])('GIVEN bad input %# THEN a clear error and nothing hidden', async (line, message) => {
    const where = freshSpace();
    const before = snapshot(bot);
    const r = await run(bot, where, ADMIN, line);
    expect(r.kind).toBe('error');
    expect(text(r)).toContain(message);
    expect(snapshot(bot)).toBe(before);
  });
});

describe('source notes', () => {
  it('GIVEN a note on a source THEN /source shows it at the end of the card; clearing removes it', async () => {
    const where = freshSpace();
    const card0 = await run(bot, where, STUDENT, '/source real-stalin-11');
    const set = await run(bot, where, ADMIN, '/sourcenote real-stalin-11 | A pro-Stalin compilation: check each quote against its original.');
    expect(set.title).toBe('Note saved: real-stalin-11');
    const card = await run(bot, where, STUDENT, '/source real-stalin-11');
    expect(card.blocks.slice(0, -1)).toEqual(card0.blocks);
    expect(card.blocks.at(-1)).toEqual({
      type: 'paragraph',
      text: 'Note from this group’s moderators (Ada Admin, 2025-03-14): A pro-Stalin compilation: check each quote against its original.',
    });
    // Other sources' cards are unchanged.
    expect(text(await run(bot, where, STUDENT, '/source reiman-2016'))).not.toContain('Note from this group');
    const cleared = await run(bot, where, ADMIN, '/sourcenote clear real-stalin-11');
    expect(cleared.title).toBe('Note cleared: real-stalin-11');
    expect(await run(bot, where, STUDENT, '/source real-stalin-11')).toEqual(card0);
  });

  it('GIVEN a source named by author THEN the note goes on that source', async () => {
    const where = freshSpace();
    await run(bot, where, ADMIN, '/sourcenote Reiman | Peer-reviewed.');
    expect(text(await run(bot, where, STUDENT, '/source reiman-2016'))).toContain('Peer-reviewed.');
  });

  it.each([
    ['/sourcenote nosuchsource | note', 'No source is called'],
    ['/sourcenote reiman-2016 no bar here', 'Put a | between'],
    ['/sourcenote reiman-2016 |   ', 'The note is empty'],
    [`/sourcenote reiman-2016 | ${'n'.repeat(601)}`, 'at most 600 characters'],
  ])('GIVEN bad input %# THEN a clear error and nothing written', async (line, message) => {
    const where = freshSpace();
    const before = snapshot(bot);
    const r = await run(bot, where, ADMIN, line);
    expect(r.kind).toBe('error');
    expect(text(r)).toContain(message);
    expect(snapshot(bot)).toBe(before);
  });
});
