import { beforeAll, describe, expect, it } from 'vitest';
import type { CoreBot } from '../../src/app/bot.ts';
import { ADMIN, EMELYANOV_YEZHOV, REIMAN_YEZHOV, STUDENT, freshSpace, moderationBot, quotes, run, snapshot, text } from './support.ts';

let bot: CoreBot;
beforeAll(() => {
  bot = moderationBot();
});

const PIN = `/curate pin who Yezhov | Head of the NKVD during the Great Terror; the sources disagree on his role. | ${EMELYANOV_YEZHOV}, ${REIMAN_YEZHOV}`;

describe('pinned answers', () => {
  it('GIVEN /who Yezhov is curated THEN /who Ezhov and /who Ежов show the curated answer, labelled and with verbatim attributed quotes', async () => {
    const where = freshSpace();
    const auto = await run(bot, where, STUDENT, '/who Ezhov');
    const pinned = await run(bot, where, ADMIN, PIN);
    expect(pinned.kind).toBe('notice');

    for (const spelling of ['Ezhov', 'Ежов', 'yezhov', 'Nikolai Yezhov']) {
      const r = await run(bot, where, STUDENT, `/who ${spelling}`);
      expect(r.kind).toBe('answer');
      expect(r.title).toBe(auto.title);
      expect(text(r)).toContain('Curated by Ada Admin on 2025-03-14');
      expect(text(r)).toContain('Head of the NKVD during the Great Terror; the sources disagree on his role.');
      expect(r.citations.map((c) => c.passage)).toEqual([EMELYANOV_YEZHOV, REIMAN_YEZHOV]);
      expect(quotes(r)[0]).toContain('Nikolai Yezhov, head of the NKVD from January 1937 onwards');
    }
    const r = await run(bot, where, STUDENT, '/who Ezhov');
    // Every quote is verbatim from its passage and carries its attribution.
    for (const [i, b] of r.blocks.entries()) {
      if (b.type !== 'quote') continue;
      const c = r.citations[b.citation]!;
      expect(bot.ctx.repo.passage(c.passage)!.text).toContain(c.quote);
      expect(b.attribution).toBe(c.attribution);
      expect(i).toBeGreaterThan(0);
    }
    expect(r.citations[0]!.attribution).toMatch(/^Emelyanov \(2012/);
    expect(r.actions.map((a) => a.label)).toContain('Report');
  });

  it('GIVEN a curation for /who Yezhov THEN another person and /ask are not affected', async () => {
    const where = freshSpace();
    await run(bot, where, ADMIN, PIN);
    expect(text(await run(bot, where, STUDENT, '/who Yagoda'))).not.toContain('Curated by');
    expect(text(await run(bot, where, STUDENT, '/ask Who was Yezhov?'))).not.toContain('Curated by');
  });

  it('GIVEN /ask is curated THEN the same question in other case and spacing gets it', async () => {
    const where = freshSpace();
    const r0 = await run(bot, where, ADMIN, '/curate pin ask Who killed Kirov? | The sources give different accounts. | rea-78cm2 eme-ye7p5');
    expect(r0.kind).toBe('notice');
    const r = await run(bot, where, STUDENT, '/ask   who KILLED   kirov');
    expect(text(r)).toContain('Curated by Ada Admin');
    expect(r.citations.map((c) => c.passage)).toEqual(['rea-78cm2', 'eme-ye7p5']);
  });

  it('GIVEN an unknown passage id THEN nothing is pinned and the moderator is told which id', async () => {
    const where = freshSpace();
    const before = snapshot(bot);
    const r = await run(bot, where, ADMIN, '/curate pin who Yezhov | text | rei-zzzzz');
    expect(r.kind).toBe('error');
    expect(text(r)).toContain('rei-zzzzz');
    expect(snapshot(bot)).toBe(before);
    expect(text(await run(bot, where, STUDENT, '/who Yezhov'))).not.toContain('Curated by');
  });

  it.each([
    ['/curate pin who Yezhov | only two parts', 'three parts'],
    ['/curate pin who Yezhov |  | rei-87dfk', 'answer text is missing'],
    [`/curate pin who Yezhov | ${'x'.repeat(1001)} | rei-87dfk`, 'at most 1000 characters'],
    ['/curate pin who Yezhov | text | not an id', 'is not a passage id'],
    ['/curate pin who Yezhov | text | rei-87dfk rei-87dfa rei-87dfb rei-87dfc rei-87dfd rei-87dfe', 'At most 5 passages'],
    ['/curate pin help me | text | rei-87dfk', 'who Yezhov'],
    ['/curate pin who 123 | text | rei-87dfk', 'A name needs letters'],
    ['/curate frobnicate who Yezhov', 'Start with pin, note, clear or list'],
    [`/curate note who Yezhov | ${'y'.repeat(501)}`, 'at most 500 characters'],
    [`/curate ${'z'.repeat(1800)}`, 'too long'],
  ])('GIVEN malformed input %# THEN a clear message and nothing written', async (line, message) => {
    const where = freshSpace();
    const before = snapshot(bot);
    const r = await run(bot, where, ADMIN, line);
    expect(r.kind).toBe('error');
    expect(r.ephemeral).toBe(true);
    expect(text(r)).toContain(message);
    expect(snapshot(bot)).toBe(before);
  });

  it('GIVEN a pinned answer cites a passage later hidden THEN that quote disappears from the curated answer', async () => {
    const where = freshSpace();
    await run(bot, where, ADMIN, PIN);
    await run(bot, where, ADMIN, `/hide ${REIMAN_YEZHOV}`);
    const r = await run(bot, where, STUDENT, '/who Yezhov');
    expect(r.citations.map((c) => c.passage)).toEqual([EMELYANOV_YEZHOV]);
  });

  it('GIVEN a hidden passage THEN a new pinned answer may not cite it', async () => {
    const where = freshSpace();
    await run(bot, where, ADMIN, `/hide ${REIMAN_YEZHOV}`);
    const r = await run(bot, where, ADMIN, PIN);
    expect(r.kind).toBe('error');
    expect(text(r)).toContain('/unhide it first');
  });

  it('GIVEN the same pin twice THEN the second says nothing changed and logs nothing', async () => {
    const where = freshSpace();
    await run(bot, where, ADMIN, PIN);
    const before = snapshot(bot);
    const r = await run(bot, where, ADMIN, PIN.replace('who Yezhov', 'who Ежов'));
    expect(r.title).toBe('Nothing changed');
    expect(snapshot(bot)).toBe(before);
  });
});

describe('moderator notes', () => {
  it('GIVEN /who Yezhov pinned THEN the pinned answer is shown without running /who: no button of the automatic profile is stored', async () => {
    const where = freshSpace();
    await run(bot, where, ADMIN, PIN);
    const stored = () => bot.ctx.db.prepare('SELECT id, payload_json FROM actions').all() as { id: string; payload_json: string }[];
    const before = new Set(stored().map((a) => a.id));
    const r = await run(bot, where, STUDENT, '/who Yezhov');
    expect(r.actions.map((a) => a.label)).toEqual(['Cite', 'More context', 'Report']);
    // The pin's preview stored the pinned answer's Cite and More context buttons already (ids are hashes of what
    // they do); only its Report button is new, carrying the reply as shown. Running the automatic profile would
    // have stored its own (quiz me, cite first quote, paging) as well.
    const added = stored().filter((a) => !before.has(a.id));
    expect(added.map((a) => JSON.parse(a.payload_json).command)).toEqual(['report']);
    expect(JSON.parse(added[0]!.payload_json).shown.title).toBe(r.title);
  });

  it('GIVEN a note on /who Yezhov THEN it shows above the automatic answer, which is unchanged below it', async () => {
    const where = freshSpace();
    const auto = await run(bot, where, STUDENT, '/who Yezhov');
    await run(bot, where, ADMIN, '/curate note who Yezhov | Compare what Emelyanov and Reiman say about 1937.');
    const r = await run(bot, where, STUDENT, '/who Ежов');
    expect(r.blocks[0]).toEqual({ type: 'paragraph', text: 'Moderator note (Ada Admin, 2025-03-14): Compare what Emelyanov and Reiman say about 1937.' });
    expect(r.blocks.slice(1)).toEqual(auto.blocks);
    expect(r.citations).toEqual(auto.citations);
    expect(r.title).toBe(auto.title);
  });

  it('GIVEN a note and a later page of the automatic answer THEN the note is only on the first page', async () => {
    const where = freshSpace();
    // /compare executions runs to more than one page.
    await run(bot, where, ADMIN, '/curate note compare executions | A note.');
    expect(text(await run(bot, where, STUDENT, '/compare executions'))).toContain('Moderator note');
    const p2 = await run(bot, where, STUDENT, '/compare executions', 2);
    expect(p2.page?.index).toBe(2);
    expect(text(p2)).not.toContain('Moderator note');
  });

  it('GIVEN a pin and a note THEN the note sits above the pinned answer', async () => {
    const where = freshSpace();
    await run(bot, where, ADMIN, PIN);
    await run(bot, where, ADMIN, '/curate note who Yezhov | See also /compare Yezhov vs Yagoda.');
    const r = await run(bot, where, STUDENT, '/who Yezhov');
    expect((r.blocks[0] as { text: string }).text).toContain('Moderator note');
    expect((r.blocks[1] as { text: string }).text).toContain('Curated by');
  });
});

describe('clear and list', () => {
  it('GIVEN a pin and a note WHEN cleared THEN the automatic answer returns, in one undoable change', async () => {
    const where = freshSpace();
    const auto = await run(bot, where, STUDENT, '/who Yezhov');
    await run(bot, where, ADMIN, PIN);
    await run(bot, where, ADMIN, '/curate note who Yezhov | note');
    const cleared = await run(bot, where, ADMIN, '/curate clear who ezhov');
    expect(cleared.title).toBe('Cleared /who ezhov');
    expect(await run(bot, where, STUDENT, '/who Yezhov')).toEqual(auto);
    const again = await run(bot, where, ADMIN, '/curate clear who ezhov');
    expect(again.title).toBe('Nothing to clear');
  });

  it('GIVEN curations THEN /curate list shows them with who and when', async () => {
    const where = freshSpace();
    await run(bot, where, ADMIN, PIN);
    await run(bot, where, ADMIN, '/curate note compare executions | Figures differ by source.');
    const r = await run(bot, where, ADMIN, '/curate list');
    expect(r.title).toBe('Curated answers (2)');
    expect(text(r)).toContain(`/who Yezhov — pinned answer by Ada Admin on 2025-03-14 (cites ${EMELYANOV_YEZHOV}, ${REIMAN_YEZHOV})`);
    expect(text(r)).toContain('/compare executions — note by Ada Admin');
  });
});
