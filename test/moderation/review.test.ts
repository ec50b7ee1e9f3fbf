import { beforeAll, describe, expect, it } from 'vitest';
import type { CoreBot } from '../../src/app/bot.ts';
import { getReport, openReports } from '../../src/moderation/report-store.ts';
import { spaceKey } from '../../src/core/request.ts';
import { ADMIN, EMELYANOV_YEZHOV, OTHER_STUDENT, REIMAN_YEZHOV, STUDENT, click, freshSpace, moderationBot, run, snapshot, text } from './support.ts';

let bot: CoreBot;
beforeAll(() => {
  bot = moderationBot();
});

describe('reports', () => {
  it('GIVEN the Report button on /who Yezhov WHEN clicked THEN a report stores the command, the reply title and citations as shown, and the reporter', async () => {
    const where = freshSpace();
    const who = await run(bot, where, STUDENT, '/who Yezhov');
    const r = await click(bot, who, 'Report', STUDENT, where);
    expect(r.kind).toBe('notice');
    expect(r.ephemeral).toBe(true);
    expect(r.title).toBe('Report #1 sent');
    const stored = getReport(bot.ctx.db, spaceKey(where), 1)!;
    expect(stored).toMatchObject({
      command: 'who',
      args: 'Yezhov',
      key: 'person:ezhov',
      reason: null,
      replyTitle: who.title,
      status: 'open',
      reporter: { id: STUDENT.id, name: STUDENT.name },
      channel: where.channel,
    });
    expect(stored.citations).toEqual(who.citations);
  });

  it('GIVEN a reason after | THEN it is stored; GIVEN the same person reports the same answer in another spelling THEN no duplicate', async () => {
    const where = freshSpace();
    await run(bot, where, STUDENT, '/report who Yezhov | the 1936 date contradicts Reiman');
    expect(getReport(bot.ctx.db, spaceKey(where), 1)!.reason).toBe('the 1936 date contradicts Reiman');
    const dup = await run(bot, where, STUDENT, '/report who Ежов');
    expect(dup.title).toBe('Already reported');
    const other = await run(bot, where, OTHER_STUDENT, '/report who Ежов');
    expect(other.title).toBe('Report #2 sent');
    expect(openReports(bot.ctx.db, spaceKey(where))).toHaveLength(2);
  });

  it('GIVEN the Report button of /ask THEN the report captures the /ask reply', async () => {
    const where = freshSpace();
    const ask = await run(bot, where, STUDENT, '/ask Who killed Kirov?');
    await click(bot, ask, 'Report', STUDENT, where);
    const stored = getReport(bot.ctx.db, spaceKey(where), 1)!;
    expect(stored.command).toBe('ask');
    expect(stored.citations.map((c) => c.passage)).toEqual(ask.citations.map((c) => c.passage));
  });

  it('GIVEN a student looking at /who Yezhov WHEN a moderator pins another answer before the student clicks Report THEN the report holds the reply the student saw', async () => {
    const where = freshSpace();
    const who = await run(bot, where, STUDENT, '/who Yezhov');
    const pinned = await run(bot, where, ADMIN, `/curate pin who Yezhov | Head of the NKVD 1936–38. | ${REIMAN_YEZHOV}`);
    expect(pinned.kind).toBe('notice');
    await click(bot, who, 'Report', STUDENT, where);
    const stored = getReport(bot.ctx.db, spaceKey(where), 1)!;
    expect(stored.replyTitle).toBe(who.title);
    expect(stored.citations).toEqual(who.citations);
    // The pinned answer cites one passage only: running the command again would have stored that.
    expect(stored.citations.length).toBeGreaterThan(1);
  });

  it('GIVEN page 2 of /compare executions WHEN its Report button is clicked THEN the report holds that page’s quotes', async () => {
    const where = freshSpace();
    const first = await run(bot, where, STUDENT, '/compare executions');
    const second = await click(bot, first, 'More', STUDENT, where);
    await click(bot, second, 'Report', STUDENT, where);
    const stored = getReport(bot.ctx.db, spaceKey(where), 1)!;
    expect(stored.citations.map((c) => c.passage)).toEqual(second.citations.map((c) => c.passage));
    expect(second.citations[0]!.passage).not.toBe(first.citations[0]!.passage);
  });

  it.each([
    ['/report', 'Report which answer?'],
    ['/report help', 'Name the command'],
    ['/report who', '/who: Whose profile?'],
    [`/report who Yezhov | ${'x'.repeat(301)}`, 'at most 300 characters'],
  ])('GIVEN a malformed report %# THEN a clear message and nothing stored', async (line, message) => {
    const where = freshSpace();
    const before = snapshot(bot);
    const r = await run(bot, where, STUDENT, line);
    expect(r.kind).toBe('error');
    expect(text(r)).toContain(message);
    expect(snapshot(bot)).toBe(before);
  });
});

describe('the review queue', () => {
  it('GIVEN two open reports THEN /review pages through them with Curate / Hide / Dismiss buttons', async () => {
    const where = freshSpace();
    await run(bot, where, STUDENT, '/report who Yezhov | wrong dates');
    await run(bot, where, STUDENT, '/report ask Who killed Kirov?');
    const p1 = await run(bot, where, ADMIN, '/review');
    expect(p1.title).toBe('Report #1 (1/2 open)');
    expect(text(p1)).toContain('Request: /who Yezhov');
    expect(text(p1)).toContain('Reason: wrong dates');
    expect(text(p1)).toContain('Reported by: Sam Student on 2025-03-14');
    expect(p1.actions.map((a) => a.label)).toEqual(['Next › (2/2)', 'Curate', 'Hide a passage', 'Dismiss']);
    // The reply's quotes as they were, verbatim and attributed.
    expect(p1.blocks.some((b) => b.type === 'quote' && b.text.startsWith('Nikolai Yezhov, head of the NKVD'))).toBe(true);
    const p2 = await click(bot, p1, 'Next', ADMIN, where);
    expect(p2.title).toBe('Report #2 (2/2 open)');
    expect(p2.actions.map((a) => a.label)).toEqual(['‹ Back', 'Curate', 'Hide a passage', 'Dismiss']);
  });

  it('GIVEN a report WHEN Dismiss is clicked THEN it closes, once', async () => {
    const where = freshSpace();
    await run(bot, where, STUDENT, '/report who Yezhov');
    const queue = await run(bot, where, ADMIN, '/review');
    const r = await click(bot, queue, 'Dismiss', ADMIN, where);
    expect(r.title).toBe('Report #1 dismissed');
    expect(getReport(bot.ctx.db, spaceKey(where), 1)).toMatchObject({ status: 'dismissed', resolvedBy: { id: ADMIN.id } });
    expect((await run(bot, where, ADMIN, '/review')).title).toBe('No open reports');
    const twice = await click(bot, queue, 'Dismiss', ADMIN, where);
    expect(twice.title).toBe('Report #1 is closed');
  });

  it('GIVEN a report WHEN a student clicks its Dismiss button THEN refused and the report stays open', async () => {
    const where = freshSpace();
    await run(bot, where, STUDENT, '/report who Yezhov');
    const queue = await run(bot, where, ADMIN, '/review');
    const r = await click(bot, queue, 'Dismiss', STUDENT, where);
    expect(r.kind).toBe('refusal');
    expect(getReport(bot.ctx.db, spaceKey(where), 1)!.status).toBe('open');
  });

  it('GIVEN a report WHEN Hide → one of its passages THEN that passage is hidden and the report resolved in one change', async () => {
    const where = freshSpace();
    await run(bot, where, STUDENT, '/report who Yezhov | misleading quote');
    const queue = await run(bot, where, ADMIN, '/review');
    const chooser = await click(bot, queue, 'Hide a passage', ADMIN, where);
    expect(chooser.title).toBe('Report #1: hide which passage?');
    expect(chooser.actions[0]!.label).toBe(`Hide ${EMELYANOV_YEZHOV}`);
    const done = await click(bot, chooser, `Hide ${EMELYANOV_YEZHOV}`, ADMIN, where);
    expect(done.title).toBe(`Hidden: ${EMELYANOV_YEZHOV}`);
    expect(text(done)).toContain('Resolved report #1.');
    expect(getReport(bot.ctx.db, spaceKey(where), 1)!.status).toBe('hidden');
    expect((await run(bot, where, STUDENT, '/who Yezhov')).citations.map((c) => c.passage)).not.toContain(EMELYANOV_YEZHOV);
    const log = await run(bot, where, ADMIN, '/review log');
    expect(text(log)).toContain('#1 · 2025-03-14 10:00 UTC · Ada Admin · hide: Hid passage eme-rmhkc (report #1: misleading quote)');
  });

  it('GIVEN the passage is already hidden WHEN a report on it is resolved by hiding THEN only the report changes', async () => {
    const where = freshSpace();
    await run(bot, where, STUDENT, '/report who Yezhov');
    await run(bot, where, ADMIN, `/hide ${REIMAN_YEZHOV} | first reason`);
    // The report was taken before the hide, so it still cites the passage.
    const r = await run(bot, where, ADMIN, `/review hide 1 ${REIMAN_YEZHOV}`);
    expect(text(r)).toContain('Resolved report #1.');
    const log = await run(bot, where, ADMIN, '/review log');
    expect(text(log)).toContain('"reason":"first reason"');
    expect(getReport(bot.ctx.db, spaceKey(where), 1)!.status).toBe('hidden');
    expect(bot.ctx.db.prepare('SELECT targets_json FROM mod_audit WHERE space = ? AND seq = 2').get(spaceKey(where))).toEqual({
      targets_json: '[{"type":"report","seq":1}]',
    });
  });

  it('GIVEN a report WHEN hiding a passage it did not cite THEN refused', async () => {
    const where = freshSpace();
    await run(bot, where, STUDENT, '/report who Yezhov');
    const r = await run(bot, where, ADMIN, '/review hide 1 rea-78cm2');
    expect(r.kind).toBe('error');
    expect(text(r)).toContain('Use /hide rea-78cm2 to hide it anyway');
  });

  it('GIVEN reports on /who Yezhov and /who Ежов WHEN Curate is clicked THEN the moderator gets the commands; pinning resolves both reports', async () => {
    const where = freshSpace();
    await run(bot, where, STUDENT, '/report who Yezhov');
    await run(bot, where, OTHER_STUDENT, '/report who Ежов');
    await run(bot, where, OTHER_STUDENT, '/report who Yagoda');
    const queue = await run(bot, where, ADMIN, '/review');
    const help = await click(bot, queue, 'Curate', ADMIN, where);
    // The help offers the passages the reported answer quoted, so a pin can start from them.
    const quoted = (await run(bot, where, STUDENT, '/who Yezhov')).citations.slice(0, 3).map((c) => c.passage);
    expect(quoted).toContain(EMELYANOV_YEZHOV);
    expect(text(help)).toContain(`/curate pin who Yezhov | YOUR ANSWER | ${quoted.join(' ')}`);
    const pinned = await run(bot, where, ADMIN, `/curate pin who Yezhov | Head of the NKVD 1936–38. | ${EMELYANOV_YEZHOV}`);
    expect(text(pinned)).toContain('Resolved reports #1, #2.');
    expect(openReports(bot.ctx.db, spaceKey(where)).map((r) => r.seq)).toEqual([3]);
    expect(getReport(bot.ctx.db, spaceKey(where), 2)!.status).toBe('curated');
  });

  it('GIVEN an empty queue THEN /review says so', async () => {
    const r = await run(bot, freshSpace(), ADMIN, '/review');
    expect(r.title).toBe('No open reports');
  });

  it.each([
    ['/review dismiss', 'Give the report number'],
    ['/review dismiss x', 'Give the report number'],
    ['/review dismiss 1 2', 'takes one report number'],
    ['/review frob', '/review · /review log'],
    ['/review dismiss 99', 'There is no report #99'],
  ])('GIVEN malformed /review input %# THEN a clear message', async (line, message) => {
    const where = freshSpace();
    const before = snapshot(bot);
    const r = await run(bot, where, ADMIN, line);
    expect(r.kind).toBe('error');
    expect(text(r)).toContain(message);
    expect(snapshot(bot)).toBe(before);
  });
});
