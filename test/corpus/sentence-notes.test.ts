import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CoreBot } from '../../src/app/bot.ts';
import { sentenceOfNote } from '../../src/corpus/sentence-notes.ts';
import type { Passage } from '../../src/corpus/types.ts';
import { superscriptToDigits } from '../../src/segment/text.ts';
import { ask, CORPUS_DIR, corpusBot } from '../support/corpus-bot.ts';

let bot: CoreBot;
beforeAll(() => {
  bot = corpusBot();
});

const words = (s: string) =>
  s
    .toLowerCase()
    .replace(/<[^>]+>/g, ' ')
    .replace(/[*\\]/g, '')
    .match(/[\p{L}\p{N}]+/gu) ?? [];

/**
 * The raw text's own evidence: the words just before each marker. The note's sentence must end
 * with them (a marker follows the word or full stop it annotates).
 */
function wordsBeforeMarkers(file: string, marker: RegExp, number: (m: RegExpMatchArray) => string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const raw = readFileSync(join(CORPUS_DIR, file), 'utf8');
  for (const line of raw.split('\n')) {
    for (const m of line.matchAll(marker)) {
      const n = number(m);
      // Only the words of the marker's own sentence: after the last full stop before it.
      const before = line.slice(0, m.index).replace(marker, '');
      const own = before.split(/(?<=[.!?][”"’)]*)\s+(?=[“"‘(]?\p{Lu})/u).pop() ?? before;
      if (!out.has(n)) out.set(n, words(own).slice(-3));
    }
  }
  return out;
}

function checkAll(source: string, before: Map<string, string[]>): { checked: number; wrong: string[] } {
  const wrong: string[] = [];
  let checked = 0;
  for (const p of bot.ctx.repo.passagesOf(source) as Passage[]) {
    for (const n of p.notes) {
      const i = sentenceOfNote(p, n);
      const expected = before.get(n.number);
      if (!expected?.length) continue;
      checked++;
      const sentence = i === null ? [] : words(p.text.slice(p.sentences[i]!.start, p.sentences[i]!.end));
      // Words may run over a page break, so the last one or two suffice when the line began there.
      const tail = expected.slice(-2).join(' ');
      if (!sentence.join(' ').includes(tail)) wrong.push(`${p.id} note ${n.number}: “…${expected.join(' ')}” not in sentence ${i}`);
    }
  }
  return { checked, wrong };
}

describe('notes per sentence', () => {
  it('GIVEN all 115 endnotes of Emelyanov THEN each is tied to the sentence that held its marker', () => {
    const before = wordsBeforeMarkers('emelyanov-2012-stalins-purges.txt', /[⁰¹²³⁴-⁹]+/gu, (m) => superscriptToDigits(m[0]));
    const { checked, wrong } = checkAll('emelyanov-2012', before);
    expect(wrong).toEqual([]);
    expect(checked).toBe(115);
  });

  it('GIVEN all 381 footnotes of Reiman THEN each is tied to the sentence that held its marker', () => {
    const before = wordsBeforeMarkers('reiman-2016-about-russia.txt', /<sup>\s*(\d+)\s*<\/sup>/g, (m) => m[1]!);
    const { checked, wrong } = checkAll('reiman-2016', before);
    expect(wrong).toEqual([]);
    expect(checked).toBe(381);
  });

  it('GIVEN /cite eme-rmhkc THEN endnote 70 (Eliseev) is on the Yezhov sentence and 71 (Order 00447) on the next, not the passage as a whole', async () => {
    const r = await ask(bot, '/cite eme-rmhkc');
    const fields = r.blocks.flatMap((b) => (b.type === 'fields' ? b.fields : []));
    expect(fields.find((f) => f.label === 'Note 70')?.value).toMatch(/^On the sentence “Nikolai Yezhov, head of the NKVD.*Eliseev/);
    expect(fields.find((f) => f.label === 'Note 71')?.value).toMatch(/^On the sentence “But, on the basis of a Politburo decision.*00447/);
    // The passage is not cited as if it quoted Order 00447.
    expect(fields.find((f) => f.label.startsWith('Chicago'))?.value).not.toContain('00447');
    expect(fields.find((f) => f.label === 'Location')?.value).not.toContain('00447');
  });
});
