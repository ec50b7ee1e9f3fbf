/** /timeline over the real corpus: events in date order, conflicting dates flagged, the picture, the quiz button. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { CoreBot } from '../../src/app/bot.ts';
import { dateLabel } from '../../src/answer/dates.ts';
import { dateConflicts, timelineEvents, timelineSubject } from '../../src/answer/timeline.ts';
import { timelineSvg } from '../../src/core/timeline-chart.ts';
import { timelineChartInput } from '../../src/commands/timeline.ts';
import { allText, ask, corpusBot, HERE, STUDENT } from '../support/corpus-bot.ts';
import { decodePng } from '../support/png.ts';

let bot: CoreBot;
beforeAll(() => {
  bot = corpusBot();
});

const yezhov = () => timelineEvents(bot.ctx, subjectOf('Yezhov'));

const subjectOf = (text: string) => {
  const s = timelineSubject(bot.ctx, text);
  if (s.kind !== 'subject') throw new Error(`no subject for ${text}`);
  return s.subject;
};

describe('timeline events', () => {
  it('GIVEN Yezhov THEN his dated events from several sources, earliest first, ending with his dismissal on 9 December 1938', () => {
    const events = timelineEvents(bot.ctx, subjectOf('Yezhov'));
    expect(new Set(events.map((e) => e.passage.sourceId)).size).toBeGreaterThanOrEqual(3);
    const keys = events.map((e) => e.date.year * 10000 + (e.date.month ?? 0) * 100 + (e.date.day ?? 0));
    expect(keys).toEqual([...keys].sort((a, b) => a - b));
    const last = events[events.length - 1]!;
    expect(dateLabel(last.date)).toBe('9 December 1938');
    expect(last.text).toContain('Yezhov was dismissed as head of the NKVD');
  });

  it('GIVEN “Yezhov announced … that since the previous Congress in 1930 the proportion …” THEN 1930 dates the Congress, not an event of Yezhov’s: left out', () => {
    const events = timelineEvents(bot.ctx, subjectOf('Yezhov'));
    expect(events.some((e) => e.text.includes('since the previous Congress in 1930'))).toBe(false);
    // "the arrests after intense interrogations in May 1937": the arrests were in May 1937 too, and stay.
    expect(events.some((e) => e.text.includes('after intense interrogations in May 1937') && dateLabel(e.date) === 'May 1937')).toBe(true);
  });

  it('GIVEN when Yezhov took over the NKVD THEN Maskharashvili’s 1936, Emelyanov’s September 1936 and his “from January 1937” are one conflict', () => {
    const conflicts = dateConflicts(bot.ctx, timelineEvents(bot.ctx, subjectOf('Yezhov')));
    const office = conflicts.find((c) => c.person === 'Nikolai Yezhov' && c.what === 'took office')!;
    expect(office.events.map((e) => dateLabel(e.date)).sort()).toEqual(['1936', 'January 1937', 'September 1936']);
    expect(new Set(office.events.map((e) => e.passage.sourceId))).toEqual(new Set(['maskharashvili-interview', 'emelyanov-2012']));
  });

  it('GIVEN the Kirov murder THEN the sources’ dates of it agree (1 December 1934), and a memorandum’s own date or “in an atmosphere saturated with the murder” is no conflict', () => {
    const events = timelineEvents(bot.ctx, subjectOf('Kirov murder'));
    const first = events.filter((e) => dateLabel(e.date) === '1 December 1934');
    expect(new Set(first.map((e) => e.passage.sourceId))).toEqual(new Set(['real-stalin-11', 'reiman-2016']));
    expect(dateConflicts(bot.ctx, events)).toEqual([]);
    // A chapter on Kirov's murder also gives the population census: not an event of this topic.
    expect(events.some((e) => e.text.includes('the population of the USSR increased'))).toBe(false);
  });

  it('GIVEN “from 1937 to 1938” THEN only events dated within those years (a span counts when it reaches them)', () => {
    const events = timelineEvents(bot.ctx, subjectOf('Yezhov'), { from: 1937, to: 1938 });
    expect(events.length).toBeGreaterThan(3);
    for (const e of events) expect((e.date.until ?? e.date.year) >= 1937 && e.date.year <= 1938, dateLabel(e.date)).toBe(true);
  });
});

describe('/timeline', () => {
  it('GIVEN /timeline Yezhov THEN numbered, dated, attributed quotes, and the conflict in Sourcebook’s labelled voice naming each source’s date', async () => {
    const r = await ask(bot, '/timeline Yezhov');
    expect(r.title).toMatch(/^Timeline: Nikolai Yezhov/);
    const text = allText(r);
    expect(text).toContain('Dates differ (Sourcebook’s note, not a source’s claim): when Nikolai Yezhov took office, Maskharashvili (n.d.) gives 1936');
    expect(text).toContain('Emelyanov (2012) gives January 1937');
    const quotes = r.blocks.filter((b) => b.type === 'quote');
    expect(quotes.length).toBeGreaterThan(3);
    for (const q of quotes) expect(r.citations[q.citation]!.quote).toBe(q.text);
    expect(text).toMatch(/1\. October 1917:/);
  });

  it('GIVEN the first page THEN it carries the picture, whose alt text lists the events; later pages do not', async () => {
    const r = await ask(bot, '/timeline Yezhov');
    expect(r.image?.name).toBe('timeline.png');
    expect(r.image!.alt).toMatch(/^Timeline: Nikolai Yezhov, 16 dated events: 1\. October 1917, Emelyanov \(2012\); 2\./);
    expect(r.image!.alt).toContain('9 December 1938, Emelyanov (2012).');
    const more = r.actions.find((a) => a.label.startsWith('More'))!;
    const page2 = await bot.act(more.id, STUDENT, HERE);
    expect(page2.page?.index).toBe(2);
    expect(page2.image).toBeUndefined();
  });

  it('GIVEN two events of one source a month apart and one far off THEN their numbers do not print over each other: the second goes below its point', async () => {
    const svg = await timelineSvg({
      title: 'T',
      events: [
        { n: 1, when: Date.UTC(1930, 0, 1), source: 'Reiman (2016)' },
        { n: 2, when: Date.UTC(1937, 6, 1), source: 'Reiman (2016)' },
        { n: 3, when: Date.UTC(1937, 7, 1), source: 'Reiman (2016)' },
      ],
      conflicts: [],
    });
    const at = (n: number) => Number(new RegExp(`n: ${n}"[^>]*translate\\([\\d.]+,([\\d.]+)\\)`).exec(svg)![1]);
    expect(at(1)).toBe(at(2));
    expect(at(3)).toBeGreaterThan(at(2));
  });

  it('GIVEN the picture THEN it is a PNG that decodes, twice the size of its chart, and the same bytes when rendered again', async () => {
    const r = await ask(bot, '/timeline Yezhov');
    const png = await r.image!.png();
    const { width, height } = decodePng(png);
    const own = /<svg[^>]* width="(\d+)" height="(\d+)"/.exec(
      await timelineSvg(timelineChartInput(bot.ctx, 'Timeline: Nikolai Yezhov', yezhov(), dateConflicts(bot.ctx, yezhov()))),
    )!;
    expect([width, height]).toEqual([2 * Number(own[1]), 2 * Number(own[2])]);
    // Wide enough to read in a Discord or Slack preview: one row per source, the chart 760 CSS pixels wide.
    expect(width).toBeGreaterThanOrEqual(2 * 760);
    expect(Buffer.compare(Buffer.from(png), Buffer.from(await r.image!.png()))).toBe(0);
    // Vega-Lite's patch of Set.prototype (it breaks discord.js loaded after it) does not outlive a render.
    expect('toJSON' in Set.prototype).toBe(false);
  });

  it('GIVEN a surname two people share THEN it asks which, with a timeline button for each', async () => {
    const r = await ask(bot, '/timeline Smirnov');
    expect(r.title).toBe('Which Smirnov?');
    expect(r.actions.length).toBeGreaterThanOrEqual(2);
    for (const a of r.actions) expect(a.label).toMatch(/^Timeline: .*Smirnov/);
  });

  it('GIVEN bad years, no words or an unknown topic THEN a short message, and nothing else', async () => {
    expect((await ask(bot, '/timeline Yezhov from 1938 to 1936')).blocks[0]).toMatchObject({ text: expect.stringContaining('give the earlier year first') });
    expect((await ask(bot, '/timeline Yezhov from 37')).kind).toBe('error');
    expect((await ask(bot, '/timeline')).kind).toBe('error');
    const none = await ask(bot, '/timeline 🦄 zzyzx');
    expect(none.kind).toBe('not-found');
    expect(none.image).toBeUndefined();
    const empty = await ask(bot, '/timeline Yezhov from 1950 to 1960');
    expect(empty.kind).toBe('not-found');
  });

  it('GIVEN “Quiz me on the order” THEN a question with four of the events, dates blanked, answered with buttons, and scored once', async () => {
    const r = await ask(bot, '/timeline Yezhov');
    const quiz = r.actions.find((a) => a.label === 'Quiz me on the order')!;
    const post = await bot.act(quiz.id, STUDENT, HERE);
    const stem = allText(post);
    expect(stem).toContain('Put these events in order, earliest first.');
    expect(stem.match(/____/g)?.length).toBe(4);
    expect(stem).not.toMatch(/\b19[0-4]\d\b/);
    const options = post.actions.filter((a) => /^[A-D]\. [A-D], [A-D], [A-D], [A-D]$/.test(a.label));
    expect(options.length).toBeGreaterThanOrEqual(4);
    const answered = await bot.act(options[0]!.id, STUDENT, HERE);
    expect(answered.kind).not.toBe('error');
    const again = await bot.act(options[1]!.id, STUDENT, HERE);
    expect(allText(again)).toMatch(/already answered/i);
  });
});
