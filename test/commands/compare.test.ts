import { beforeAll, describe, expect, it } from 'vitest';
import type { CoreBot } from '../../src/app/bot.ts';
import { figuresIn, relateFigures } from '../../src/core/figures.ts';
import { allText, ask, corpusBot, STUDENT, HERE } from '../support/corpus-bot.ts';

let bot: CoreBot;
beforeAll(() => {
  bot = corpusBot();
});

async function allPages(line: string) {
  const first = await ask(bot, line);
  const pages = [first];
  let next = first.actions.find((a) => a.label.startsWith('More'));
  while (next) {
    const p = await bot.act(next.id, STUDENT, HERE);
    pages.push(p);
    next = p.actions.find((a) => a.label.startsWith('More'));
  }
  return pages;
}

describe('/compare', () => {
  it('GIVEN executions THEN each speaking source is quoted under its own name and the silent one is named', async () => {
    const pages = await allPages('/compare executions');
    const text = pages.map(allText).join('\n');
    for (const s of ['reiman-2016', 'emelyanov-2012']) expect(pages.some((p) => p.citations.some((c) => c.source === s))).toBe(true);
    expect(text).toMatch(/silent: Maskharashvili \(n\.d\.\)/);
  });

  it('GIVEN executions THEN Reiman’s two yearly figures are shown to sum to Emelyanov’s total, with the arithmetic', async () => {
    const first = await ask(bot, '/compare executions');
    expect(allText(first)).toContain(
      "Reiman (2016) [rei-9eahq]: 353,074 (1937) + 328,618 (1938) = 681,692, which is Emelyanov (2012)'s figure for 1937-38 [eme-yf15y]: 681,692.",
    );
    // Both sentences behind the arithmetic are quoted in the reply, so the reader sees what each figure counts.
    const pages = await allPages('/compare executions');
    const quoted = pages.flatMap((p) => p.citations.map((c) => c.quote));
    for (const sentence of [
      'In 1937, 353,074 ordinary citizens were sentenced to death.',
      'In 1937-38, altogether 1,372,392 people were arrested and 681,692 executed.',
    ])
      expect(quoted.some((q) => q.includes(sentence))).toBe(true);
  });

  it('GIVEN a source that makes its point in two sentences on the topic THEN its lead quote holds both', async () => {
    const first = await ask(bot, "/compare Trotsky's call to remove Stalin");
    const quotes = first.citations.filter((c) => c.source === 'emelyanov-2012').map((c) => c.quote);
    expect(quotes).toContain(
      'Of all the former opposition leaders only Trotsky continued from abroad to call for active struggle against Stalin and his supporters. In October 1933, in his magazine Bulletin of the Opposition, Trotsky urged the organisation of a new underground Communist Party.',
    );
  });

  it('GIVEN figures in a sentence THEN years and order numbers are not figures, and what they count is kept', () => {
    const f = figuresIn("This resolution was followed by another, Yezhov's Order 00447, impacting 267,000 people, 76,000 of whom were executed.");
    expect(f.map((x) => x.raw)).toEqual(['267,000', '76,000']);
    expect(f[1]!.counts).toBe('of whom were executed');
    expect(figuresIn('In 1937-38, altogether 1,372,392 people were arrested and 681,692 executed.').map((x) => [x.value, x.years])).toEqual([
      [1372392, ['1937-38']],
      [681692, ['1937-38']],
    ]);
    expect(figuresIn('the real figure of about 800,000 and 1.3 million people')[1]!.value).toBe(1_300_000);
  });

  it('GIVEN equal figures counting the same thing in two sources THEN they are reported as the same', () => {
    const f = figuresIn('98 of 139 and 1,372,392 people')[1]!;
    expect(
      relateFigures([
        { source: 'A', passage: 'p1', figure: f },
        { source: 'B', passage: 'p2', figure: f },
      ]).map((r) => r.text),
    ).toEqual(['A [p1] and B [p2] give the same figure, 1,372,392.']);
  });

  it('GIVEN equal figures that count different things THEN they are not related', () => {
    const a = figuresIn('Some 2 million amendments to the draft were proposed.')[0]!;
    const b = figuresIn('About 2 million people attended the meetings.')[0]!;
    expect(
      relateFigures([
        { source: 'A', passage: 'p1', figure: a },
        { source: 'B', passage: 'p2', figure: b },
      ]),
    ).toEqual([]);
  });

  it('GIVEN "in 1937 … and in the following year" THEN the second figure does not inherit 1937', () => {
    const f = figuresIn('That means in 1937, 970 people were executed each and every day, and in the following year 900 people per day.');
    expect(f.map((x) => [x.raw, x.years])).toEqual([
      ['970', ['1937']],
      ['900', []],
    ]);
  });

  it('GIVEN two people THEN each gets a line and the passages naming both are quoted', async () => {
    const r = await ask(bot, '/compare Yezhov vs Yagoda');
    expect(r.title).toBe('Nikolai Yezhov vs Genrikh Yagoda');
    expect(allText(r)).toMatch(/\d+ passages name both/);
  });

  it('GIVEN two people THEN the passages naming both are quoted by a sentence naming both, and no quote is shown twice', async () => {
    const r = await ask(bot, '/compare Yezhov vs Yagoda');
    const keys = r.citations.map((c) => `${c.passage}:${c.quote}`);
    expect(new Set(keys).size).toBe(keys.length);
    const afterBoth = r.blocks.findIndex((b) => b.type === 'paragraph' && /passages name both/.test(b.text));
    const firstPair = r.blocks.slice(afterBoth + 1).find((b) => b.type === 'quote');
    expect(firstPair?.type === 'quote' && /Yezhov/.test(firstPair.text) && /Yagoda/.test(firstPair.text)).toBe(true);
  });

  it('GIVEN two sources THEN their cards are set side by side', async () => {
    const r = await ask(bot, '/compare reiman vs emelyanov');
    expect(r.title).toBe('Reiman (2016) vs Emelyanov (2012)');
    expect(allText(r)).toContain('monograph');
    expect(allText(r)).toContain('essay');
  });

  it('GIVEN a topic no source speaks to THEN it says so', async () => {
    const r = await ask(bot, '/compare photosynthesis');
    expect(r.kind).toBe('not-found');
    expect(r.citations).toEqual([]);
  });
});

describe('/compare A vs B — when the sides do not resolve', () => {
  it('GIVEN two spellings of one person THEN it says they are one person and offers /who, not a duplicated comparison', async () => {
    const r = await ask(bot, '/compare Yezhov vs Ezhov');
    expect(r.title).toBe('One person, two spellings');
    expect(r.actions.map((a) => a.label)).toContain('Who was Nikolai Yezhov?');
  });

  it('GIVEN a surname two people share THEN it names both and asks for the full name', async () => {
    const r = await ask(bot, '/compare Zhukov vs Kirov');
    expect(r.kind).toBe('error');
    expect(allText(r)).toContain('“Zhukov” names 2 people (Georgy K. Zhukov, Yuri Zhukov): give the full name.');
  });

  it('GIVEN a misspelled side THEN “did you mean”', async () => {
    expect(allText(await ask(bot, '/compare Yeshov vs Yagoda'))).toContain('No one called “Yeshov”; did you mean Nikolai Yezhov?');
  });

  it('GIVEN only one side (“Yezhov vs”) THEN it asks for both, instead of treating it as a topic', async () => {
    const r = await ask(bot, '/compare Yezhov vs');
    expect(r.title).toBe('Compare with what?');
  });

  it('GIVEN /source with only search syntax or stop words THEN no source is picked', async () => {
    expect((await ask(bot, '/source AND (')).title).toBe('Unknown source');
  });
});
