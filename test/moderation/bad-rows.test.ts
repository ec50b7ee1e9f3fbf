/**
 * One bad row must not break a queue; text is well-formed and cut between graphemes at every
 * boundary (hardening issue, defects 1 and 2).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { CoreBot } from '../../src/app/bot.ts';
import { spaceKey } from '../../src/core/request.ts';
import { clip, wellFormed } from '../../src/core/text-safe.ts';
import { insertReport, openReports } from '../../src/moderation/report-store.ts';
import { storedCitation } from '../../src/core/shown.ts';
import { ADMIN, freshSpace, moderationBot, run, STUDENT, text } from './support.ts';

let bot: CoreBot;
beforeAll(() => {
  bot = moderationBot();
});

const hasLoneSurrogate = (s: string) => !s.isWellFormed();

describe('a report that cannot be read back is never written, and one that cannot be read is skipped', () => {
  it('GIVEN a citation whose location is 815 characters THEN it is stored clipped (between graphemes) and the queue reads it', async () => {
    const where = freshSpace();
    const long = { passage: 'eme-70x4g', source: 'emelyanov-2012', quote: 'A quote.', where: `${'x'.repeat(812)}🙂🙂`, attribution: 'Emelyanov (2012)' };
    const stored = storedCitation(long);
    expect(stored.where.length).toBeLessThanOrEqual(500);
    expect(hasLoneSurrogate(stored.where)).toBe(false);
    insertReport(bot.ctx.db, spaceKey(where), {
      command: 'ask',
      args: 'Who protested?',
      key: 'who protested',
      reason: null,
      replyTitle: 'Who protested?',
      citations: [stored],
      reporter: { id: 'u', name: 'u' },
      channel: 'c',
      at: Date.now(),
    });
    expect(text(await run(bot, where, ADMIN, '/review'))).toContain('Who protested?');
  });

  it('GIVEN a report too long for its schema THEN insertReport refuses it and writes nothing', () => {
    const where = freshSpace();
    const tooLong = { passage: 'eme-70x4g', source: 'emelyanov-2012', quote: 'q', where: 'x'.repeat(815), attribution: 'a' };
    expect(() =>
      insertReport(bot.ctx.db, spaceKey(where), {
        command: 'ask',
        args: 'q',
        key: 'q',
        reason: null,
        replyTitle: 'q',
        citations: [tooLong],
        reporter: { id: 'u', name: 'u' },
        channel: 'c',
        at: 1,
      }),
    ).toThrow();
    expect(openReports(bot.ctx.db, spaceKey(where))).toEqual([]);
  });

  it('GIVEN a damaged row among good reports THEN /review, /review dismiss and further reports still work', async () => {
    const where = freshSpace();
    await run(bot, where, STUDENT, '/report who Yezhov | first');
    // A row as an older version or a damaged file might hold it: a location beyond the limit.
    bot.ctx.db
      .prepare('UPDATE reports SET citations_json = ? WHERE space = ? AND seq = 1')
      .run(JSON.stringify([{ passage: 'x', source: 'y', quote: 'q', where: 'w'.repeat(900), attribution: 'a' }]), spaceKey(where));
    await run(bot, where, STUDENT, '/report who Yagoda | second');
    const queue = await run(bot, where, ADMIN, '/review');
    expect(queue.kind).not.toBe('error');
    expect(text(queue)).toContain('Yagoda');
    expect((await run(bot, where, ADMIN, '/review dismiss 2')).kind).not.toBe('error');
    expect((await run(bot, where, STUDENT, '/report who Yezhov | again')).kind).not.toBe('error');
  });
});

describe('well-formed text, cut between graphemes', () => {
  it('GIVEN a reason of 299 characters and a lone surrogate THEN it is stored well-formed and /review reads it', async () => {
    const where = freshSpace();
    const r = await run(bot, where, STUDENT, `/report who Yezhov | ${'x'.repeat(299)}\ud800`);
    expect(r.kind).not.toBe('error');
    const [report] = openReports(bot.ctx.db, spaceKey(where));
    expect(hasLoneSurrogate(report!.reason!)).toBe(false);
    expect((await run(bot, where, ADMIN, '/review')).kind).not.toBe('error');
  });

  it('GIVEN a reason ending in an emoji at the cut THEN /review hide keeps the emoji whole and works', async () => {
    const where = freshSpace();
    await run(bot, where, STUDENT, `/report who Yezhov | ${'x'.repeat(288)}🙂y`);
    const report = openReports(bot.ctx.db, spaceKey(where))[0]!;
    const id = report.citations[0]!.passage;
    const hidden = await run(bot, where, ADMIN, `/review hide 1 ${id}`);
    expect(hidden.kind).not.toBe('error');
    const reason = (
      bot.ctx.db.prepare('SELECT reason FROM hidden_passages WHERE space = ? AND passage_id = ?').get(spaceKey(where), id) as { reason: string } | undefined
    )?.reason;
    expect(reason).toMatch(/🙂$|…$/);
    expect(hasLoneSurrogate(reason!)).toBe(false);
  });

  it('GIVEN an unknown command of 39 letters and an emoji THEN the echo never carries half an emoji', async () => {
    const r = await run(bot, freshSpace(), STUDENT, `/${'x'.repeat(39)}🙂`);
    expect(text(r)).toContain('There is no /');
    expect(hasLoneSurrogate(text(r))).toBe(false);
  });

  it('GIVEN clip THEN it never splits a grapheme, adds the ellipsis within the limit, and wellFormed mends lone surrogates', () => {
    expect(clip('ab👍🏽cd', 4)).toBe('ab');
    expect(clip('abcdef', 4, '…')).toBe('abc…');
    expect(clip('e\u0301e\u0301e\u0301', 3)).toBe('e\u0301');
    expect(wellFormed('a\ud800b')).toBe('a\ufffdb');
  });
});
