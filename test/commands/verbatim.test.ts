import { beforeAll, describe, expect, it } from 'vitest';
import type { CoreBot } from '../../src/core/bot.ts';
import type { Reply } from '../../src/core/reply.ts';
import { ask, corpusBot, HERE, STUDENT } from '../support/corpus-bot.ts';

let bot: CoreBot;
beforeAll(() => {
  bot = corpusBot();
});

const SAMPLE = [
  '/who Yezhov', '/who Tukhachevsky', '/who Yagoda', '/who Kirov', '/who Yuri Zhukov', '/who Stalin', '/who Enukidze', '/who Bukharin',
  '/compare executions', '/compare quotas', '/compare Kirov murder', '/compare Moscow trials', '/compare Yezhov vs Yagoda',
  '/ask Who killed Kirov?', '/ask How many people were executed in 1937-38?', '/ask What was Order 00447?', '/ask Why was Yagoda removed?',
  '/ask What did Stalin eat for breakfast?', '/show eme-yf15y', '/cite eme-yf15y',
];

async function withPages(line: string): Promise<Reply[]> {
  const out = [await ask(bot, line)];
  for (let more = out[0]!.actions.find((a) => a.label.startsWith('More ›')); more; ) {
    const next = await bot.act(more.id, STUDENT, HERE);
    out.push(next);
    more = next.actions.find((a) => a.label.startsWith('More ›'));
  }
  return out;
}

describe('attribution and verbatim quotes', () => {
  it.each(SAMPLE)('GIVEN %s THEN every quote is verbatim in its cited passage and attributed to that passage’s source', async (line) => {
    const replies = await withPages(line);
    let n = 0;
    for (const r of replies) {
      for (const b of r.blocks) {
        if (b.type !== 'quote') continue;
        const c = r.citations[b.citation]!;
        const passage = bot.ctx.repo.passage(c.passage)!;
        expect(passage.sourceId).toBe(c.source);
        expect(passage.text).toContain(c.quote);
        expect(b.text.replace(/ \[…\]$/, '')).toBe(c.quote);
        expect(b.attribution).toBe(c.attribution);
        n++;
      }
    }
    expect(n).toBeGreaterThan(0);
  });
});
