import { beforeAll, describe, expect, it } from 'vitest';
import type { CoreBot } from '../../src/app/bot.ts';
import type { Reply } from '../../src/core/reply.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ask, corpusBot, CORPUS_DIR, HERE, STUDENT } from '../support/corpus-bot.ts';

/** The raw file as a reader sees it: markers and markup gone, line and page breaks closed up. */
function rawText(file: string, notes = false): string {
  const text = readFileSync(join(CORPUS_DIR, file), 'utf8');
  return (notes ? text : withoutFootnoteBlocks(text))
    .replace(/<sup>\s*\d+\s*<\/sup>/g, '')
    .replace(/<sup>\s*([^<]*?)\s*<\/sup>/g, '$1')
    .replace(/[⁰¹²³⁴-⁹]+/gu, '')
    .replace(/[*\\]/g, '')
    .replace(/\s+/gu, ' ')
    .replace(/(\p{L})- (\p{Ll})/gu, '$1$2');
}

/** A page-foot block ("---", then numbered notes) cuts a sentence in two; a reader skips it. */
function withoutFootnoteBlocks(text: string): string {
  const out: string[] = [];
  let inBlock = false;
  for (const line of text.split('\n')) {
    if (line.trim() === '---') inBlock = true;
    else if (inBlock && (line.trim() === '' || /^\d+\s/.test(line))) continue;
    else inBlock = false;
    if (!inBlock) out.push(line);
  }
  return out.join('\n');
}

function norm(s: string): string {
  return s.replace(/[*\\]/g, '').replace(/\s+/gu, ' ');
}

let bot: CoreBot;
beforeAll(() => {
  bot = corpusBot();
});

const SAMPLE = [
  '/who Yezhov',
  '/who Tukhachevsky',
  '/who Yagoda',
  '/who Kirov',
  '/who Yuri Zhukov',
  '/who Stalin',
  '/who Enukidze',
  '/who Bukharin',
  '/compare executions',
  '/compare quotas',
  '/compare Kirov murder',
  '/compare Moscow trials',
  '/compare Yezhov vs Yagoda',
  '/ask Who killed Kirov?',
  '/ask How many people were executed in 1937-38?',
  '/ask What was Order 00447?',
  '/ask Why was Yagoda removed?',
  '/ask What did Stalin eat for breakfast?',
  '/ask Why did Stalin’s wife Nadezhda Alliluyeva kill herself?',
  '/show eme-yf15y',
  '/cite eme-yf15y',
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

const raws = new Map<string, string>();

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
        // A footnote's comment is verbatim in that note of the passage.
        expect(c.note === undefined ? passage.text : passage.notes.find((n) => n.number === c.note)!.text).toContain(c.quote);
        expect(b.text.replace(/ \[…\]$/, '')).toBe(c.quote);
        expect(b.attribution).toBe(c.attribution);
        // Independently of the database: the quote's opening and closing words stand in the cited
        // source's own file, and the attribution names that source's author.
        const source = bot.ctx.repo.source(c.source)!.meta;
        const key = `${source.file}${c.note ? ' notes' : ''}`;
        const raw = raws.get(key) ?? rawText(source.file, c.note !== undefined);
        raws.set(key, raw);
        const q = norm(c.quote);
        expect(raw).toContain(q.slice(0, 30));
        expect(raw).toContain(q.slice(-30));
        expect(c.attribution).toContain(`${source.authors[0]?.family ?? 'Real Stalin Series Part 11'} (`);
        n++;
      }
    }
    expect(n).toBeGreaterThan(0);
  });
});
