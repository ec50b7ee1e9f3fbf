import { beforeAll, describe, expect, it } from 'vitest';
import type { CoreBot } from '../../src/core/bot.ts';
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
    expect(allText(first)).toContain("Reiman (2016)'s 353,074 + 328,618 = 681,692, which is Emelyanov (2012)'s 681,692.");
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

  it('GIVEN equal figures from two sources THEN they are reported as the same', () => {
    const f = figuresIn('98 of 139 and 1,372,392 people')[1]!;
    expect(relateFigures([{ source: 'A', figure: f }, { source: 'B', figure: f }]).map((r) => r.text)).toEqual(['A and B give the same figure, 1,372,392.']);
  });

  it('GIVEN two people THEN each gets a line and the passages naming both are quoted', async () => {
    const r = await ask(bot, '/compare Yezhov vs Yagoda');
    expect(r.title).toBe('Nikolai Yezhov vs Genrikh Yagoda');
    expect(allText(r)).toMatch(/\d+ passages name both/);
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
