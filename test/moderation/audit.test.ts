import { beforeAll, describe, expect, it } from 'vitest';
import type { CoreBot } from '../../src/app/bot.ts';
import { spaceKey, type Request } from '../../src/core/request.ts';
import { commit, getEntry, listEntries } from '../../src/moderation/audit.ts';
import { getReport } from '../../src/moderation/report-store.ts';
import { ADMIN, EMELYANOV_YEZHOV, REIMAN_YEZHOV, STUDENT, click, freshSpace, member, moderationBot, run, snapshot, text } from './support.ts';

let bot: CoreBot;
beforeAll(() => {
  bot = moderationBot();
});

const PIN = `/curate pin who Yezhov | First curated text. | ${EMELYANOV_YEZHOV}`;

describe('the audit log', () => {
  it('GIVEN a pin THEN the log records who, when, what, and the before and after JSON', async () => {
    const where = freshSpace();
    await run(bot, where, ADMIN, PIN);
    const [e] = listEntries(bot.ctx.db, spaceKey(where), 10, 0);
    expect(e).toMatchObject({
      seq: 1,
      at: Date.parse('2025-03-14T10:00:00Z'),
      actor: { id: ADMIN.id, name: ADMIN.name },
      action: 'curate.pin',
      summary: 'Pinned an answer to /who Yezhov',
    });
    expect(e!.targets).toEqual([{ type: 'curation', command: 'who', key: 'person:ezhov', kind: 'answer' }]);
    expect(e!.before).toEqual([null]);
    expect(e!.after).toEqual([
      {
        label: 'Yezhov',
        text: 'First curated text.',
        passages: [EMELYANOV_YEZHOV],
        by: { id: ADMIN.id, name: ADMIN.name },
        at: Date.parse('2025-03-14T10:00:00Z'),
      },
    ]);
    const log = await run(bot, where, ADMIN, '/review log');
    expect(text(log)).toContain('#1 · 2025-03-14 10:00 UTC · Ada Admin · curate.pin: Pinned an answer to /who Yezhov');
    expect(text(log)).toContain('Before: null');
    expect(text(log)).toContain('"text":"First curated text."');
  });

  it('GIVEN every kind of change THEN each is logged once, newest first', async () => {
    const where = freshSpace();
    await run(bot, where, STUDENT, '/report who Yagoda');
    for (const line of [
      PIN,
      '/curate note who Yezhov | n',
      `/hide ${REIMAN_YEZHOV}`,
      `/unhide ${REIMAN_YEZHOV}`,
      '/sourcenote reiman-2016 | s',
      '/sourcenote clear reiman-2016',
      '/review dismiss 1',
      '/sourcebook config modrole 123456789012345678',
      '/curate clear who Yezhov',
    ]) {
      expect((await run(bot, where, ADMIN, line)).kind).toBe('notice');
    }
    const actions = listEntries(bot.ctx.db, spaceKey(where), 20, 0).map((e) => e.action);
    expect(actions).toEqual([
      'curate.clear',
      'config.modrole.add',
      'report.dismiss',
      'source-note.clear',
      'source-note.set',
      'unhide',
      'hide',
      'curate.note',
      'curate.pin',
    ]);
  });

  it('GIVEN more entries than a page THEN /review log pages with Older / Newer buttons', async () => {
    const where = freshSpace();
    for (let i = 0; i < 7; i++) await run(bot, where, ADMIN, `/curate note ask question ${i} | note ${i}`);
    const p1 = await run(bot, where, ADMIN, '/review log');
    expect(p1.title).toBe('Audit log (1/2)');
    expect(text(p1)).toContain('#7 ·');
    expect(text(p1)).not.toContain('#2 ·');
    const p2 = await click(bot, p1, 'Older', ADMIN, where);
    expect(p2.title).toBe('Audit log (2/2)');
    expect(text(p2)).toContain('#2 ·');
    expect(text(p2)).toContain('#1 ·');
    expect(p2.actions.map((a) => a.label)).toEqual(['‹ Newer']);
  });
});

describe('undo', () => {
  it('GIVEN a replaced pin WHEN the replacement is undone THEN the first pin is back, and the undo is logged', async () => {
    const where = freshSpace();
    await run(bot, where, ADMIN, PIN);
    await run(bot, where, ADMIN, `/curate pin who Ежов | Second curated text. | ${REIMAN_YEZHOV}`);
    expect(text(await run(bot, where, STUDENT, '/who Yezhov'))).toContain('Second curated text.');
    const u = await run(bot, where, ADMIN, '/undo 2');
    expect(u.title).toBe('Undone: #2');
    const r = await run(bot, where, STUDENT, '/who Ezhov');
    expect(text(r)).toContain('First curated text.');
    expect(r.citations.map((c) => c.passage)).toEqual([EMELYANOV_YEZHOV]);
    const e = getEntry(bot.ctx.db, spaceKey(where), 3)!;
    expect(e).toMatchObject({ action: 'undo', undoes: 2, summary: 'Undid #2: Pinned an answer to /who Ежов' });
    expect(getEntry(bot.ctx.db, spaceKey(where), 2)!.undoneBy).toBe(3);
  });

  it('GIVEN an undo WHEN it is undone in turn THEN the change is re-applied and no longer marked undone', async () => {
    const where = freshSpace();
    await run(bot, where, ADMIN, `/hide ${REIMAN_YEZHOV}`);
    await run(bot, where, ADMIN, '/undo 1');
    expect((await run(bot, where, STUDENT, '/who Yezhov')).citations.map((c) => c.passage)).toContain(REIMAN_YEZHOV);
    await run(bot, where, ADMIN, '/undo 2');
    expect((await run(bot, where, STUDENT, '/who Yezhov')).citations.map((c) => c.passage)).not.toContain(REIMAN_YEZHOV);
    expect(getEntry(bot.ctx.db, spaceKey(where), 1)!.undoneBy).toBeNull();
    expect(text(await run(bot, where, ADMIN, '/undo 2'))).toContain('already undone by #3');
  });

  it('GIVEN a resolved report WHEN its pin is undone THEN the curation is gone and the report is open again', async () => {
    const where = freshSpace();
    await run(bot, where, STUDENT, '/report who Yezhov');
    const pinned = await run(bot, where, ADMIN, PIN);
    expect(getReport(bot.ctx.db, spaceKey(where), 1)!.status).toBe('curated');
    const undone = await click(bot, pinned, 'Undo #1', ADMIN, where);
    expect(undone.title).toBe('Undone: #1');
    expect(getReport(bot.ctx.db, spaceKey(where), 1)).toMatchObject({ status: 'open', resolvedBy: null, resolvedAt: null });
    expect(text(await run(bot, where, STUDENT, '/who Yezhov'))).not.toContain('Curated by');
  });

  it('GIVEN a change touched again later WHEN the earlier one is undone THEN refused, nothing changes', async () => {
    const where = freshSpace();
    await run(bot, where, ADMIN, PIN);
    await run(bot, where, ADMIN, `/curate pin who Yezhov | Later text. | ${REIMAN_YEZHOV}`);
    const before = snapshot(bot);
    const r = await run(bot, where, ADMIN, '/undo 1');
    expect(r.title).toBe('Changed since');
    expect(snapshot(bot)).toBe(before);
  });

  it('GIVEN a moderator role WHEN its addition is undone THEN its members lose moderation', async () => {
    const where = freshSpace();
    await run(bot, where, ADMIN, '/sourcebook config modrole 888888888888888888');
    const mod = member(['888888888888888888']);
    expect((await run(bot, where, mod, '/review')).kind).toBe('notice');
    await run(bot, where, ADMIN, '/undo 1');
    expect((await run(bot, where, mod, '/review')).kind).toBe('refusal');
  });

  it.each([
    ['/undo', 'Undo which change?'],
    ['/undo abc', 'Give the change number'],
    ['/undo 0', 'Give the change number'],
    ['/undo 5', 'There is no change #5'],
  ])('GIVEN bad input %# THEN a clear message', async (line, message) => {
    const r = await run(bot, freshSpace(), ADMIN, line);
    expect(r.kind).toBe('error');
    expect(text(r)).toContain(message);
  });
});

describe('nothing half-written', () => {
  it('GIVEN the audit insert fails mid-write WHEN a pin that also resolves a report runs THEN the curation and report are rolled back', async () => {
    const where = freshSpace();
    await run(bot, where, STUDENT, '/report who Yezhov');
    const before = snapshot(bot);
    bot.ctx.db.exec("CREATE TEMP TRIGGER fail_audit BEFORE INSERT ON mod_audit BEGIN SELECT RAISE(ABORT, 'disk full'); END;");
    try {
      const r = await run(bot, where, ADMIN, PIN);
      expect(r.kind).toBe('error');
      expect(r.title).toBe('Something went wrong');
    } finally {
      bot.ctx.db.exec('DROP TRIGGER fail_audit');
    }
    expect(snapshot(bot)).toBe(before);
    expect(getReport(bot.ctx.db, spaceKey(where), 1)!.status).toBe('open');
    expect(text(await run(bot, where, STUDENT, '/who Yezhov'))).not.toContain('Curated by');
  });

  it('GIVEN the second of two changes is invalid THEN the first is not written either', () => {
    const where = freshSpace();
    const req: Request = { command: 'hide', args: '', user: ADMIN, where };
    const before = snapshot(bot);
    expect(() =>
      commit(bot.ctx, req, 'hide', 'two changes', [
        { target: { type: 'hidden', passage: EMELYANOV_YEZHOV }, after: { reason: null, by: { id: 'a', name: 'A' }, at: 1 } },
        // No report #1 exists in this space: the write throws.
        { target: { type: 'report', seq: 1 }, after: { status: 'dismissed', resolvedBy: null, resolvedAt: null } },
      ]),
    ).toThrow(/report #1/);
    expect(snapshot(bot)).toBe(before);
  });

  it('GIVEN an undo whose restore fails THEN nothing is restored and no undo is logged', async () => {
    const where = freshSpace();
    await run(bot, where, ADMIN, PIN);
    await run(bot, where, ADMIN, `/hide ${REIMAN_YEZHOV}`);
    const before = snapshot(bot);
    bot.ctx.db.exec("CREATE TEMP TRIGGER fail_unhide BEFORE DELETE ON hidden_passages BEGIN SELECT RAISE(ABORT, 'locked'); END;");
    try {
      const r = await run(bot, where, ADMIN, '/undo 2');
      expect(r.kind).toBe('error');
    } finally {
      bot.ctx.db.exec('DROP TRIGGER fail_unhide');
    }
    expect(snapshot(bot)).toBe(before);
  });
});
