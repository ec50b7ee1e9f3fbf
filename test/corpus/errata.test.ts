/**
 * corpus/errata.json: known slips of the texts, each resting on words elsewhere in the corpus.
 * Validated at load with a clear message; flagged where a reply quotes them; never taught by a quiz.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CoreBot } from '../../src/app/bot.ts';
import { findErrata, loadErrata } from '../../src/corpus/errata.ts';
import { corpusFingerprint } from '../../src/corpus/ingest.ts';
import { MetadataError } from '../../src/corpus/metadata.ts';
import { errataOf, flagErrata } from '../../src/quiz/generate.ts';
import { bankExport } from '../../src/cli/quiz-export.ts';
import { allText, ask, corpusBot, CORPUS_DIR } from '../support/corpus-bot.ts';
import { botWithBank } from '../quiz/helpers.ts';

const dirs: string[] = [];
function corpusCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sb-errata-'));
  cpSync(CORPUS_DIR, dir, { recursive: true });
  dirs.push(dir);
  return dir;
}
const problems = (dir: string): string[] => {
  try {
    loadErrata(dir);
  } catch (e) {
    if (e instanceof MetadataError) return e.problems;
    throw e;
  }
  return [];
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

let bot: CoreBot;
beforeAll(() => {
  bot = corpusBot();
});
afterAll(() => bot.close());

describe('the errata file', () => {
  it('GIVEN the bundled corpus THEN every erratum is found in its text, and the words its note rests on elsewhere in the corpus', () => {
    const errata = loadErrata(CORPUS_DIR);
    expect(errata.length).toBeGreaterThanOrEqual(5);
    const { found, stale } = findErrata(
      errata,
      (id) => bot.ctx.repo.passagesOf(id),
      bot.ctx.repo.sources().map((s) => s.meta.id),
    );
    expect(stale).toEqual([]);
    // Goble's "As Vorontsov observes" rests on his own "journalist Vladimir Voronov" a few paragraphs up.
    const goble = found.find((e) => e.source === 'goble-2019')!;
    expect(bot.ctx.repo.passage(goble.seePassage)!.text).toContain('journalist Vladimir Voronov');
  });

  it('GIVEN an erratum without its note, or a file that is not JSON THEN a message naming the field or the file', () => {
    const dir = corpusCopy();
    writeFileSync(
      join(dir, 'errata.json'),
      JSON.stringify({ errata: [{ source: 'goble-2019', text: 'As Vorontsov observes', wrong: 'Vorontsov', see: 'Voronov' }] }),
    );
    expect(problems(dir)).toEqual(['errata.json.errata.0.note: Invalid input: expected string, received undefined']);
    writeFileSync(
      join(dir, 'errata.json'),
      JSON.stringify({ errata: [{ source: 'goble-2019', text: 'As Vorontsov observes', wrong: 'Voronov', note: 'a slip of the name.', see: 'Voronov' }] }),
    );
    expect(problems(dir)).toEqual(['errata.json.errata.0.wrong: “Voronov” is not part of its text']);
    writeFileSync(join(dir, 'errata.json'), '{ errata: ');
    expect(problems(dir)[0]).toMatch(/^errata\.json is not valid JSON/);
  });

  it('GIVEN an erratum whose words the text no longer has THEN it is reported stale, not used', () => {
    const stale = {
      source: 'goble-2019',
      text: 'As Vorontsova observes',
      wrong: 'Vorontsova',
      note: 'a slip that is not in the text.',
      see: 'journalist Vladimir Voronov',
    };
    const r = findErrata(
      [stale],
      (id) => bot.ctx.repo.passagesOf(id),
      bot.ctx.repo.sources().map((s) => s.meta.id),
    );
    expect(r).toEqual({ found: [], stale: [stale] });
  });

  it('GIVEN a change to errata.json THEN the corpus fingerprint changes (the quiz bank, kept per fingerprint, is made again)', () => {
    const dir = corpusCopy();
    const before = corpusFingerprint(dir);
    rmSync(join(dir, 'errata.json'));
    expect(corpusFingerprint(dir)).not.toBe(before);
  });
});

describe('errata where the sources are quoted', () => {
  it('GIVEN /compare Nakhayev case quoting Goble’s “As Vorontsov observes” THEN Sourcebook’s labelled note follows, resting on Goble’s “journalist Vladimir Voronov”', async () => {
    const r = await ask(bot, '/compare Nakhayev case');
    expect(allText(r)).toContain('As Vorontsov observes');
    const note = r.blocks.find((b) => b.type === 'paragraph' && b.text.startsWith('Sourcebook’s note (not a source’s claim) on “As Vorontsov observes”'));
    expect(note && 'text' in note ? note.text : '').toMatch(/See “journalist Vladimir Voronov” \[gob-[a-z0-9]+\]\.$/);
  });

  it('GIVEN a quote without a known slip THEN no note', async () => {
    const r = await ask(bot, '/cite eme-yf15y');
    expect(allText(r)).not.toContain('Sourcebook’s note (not');
  });
});

describe('errata in the quiz', () => {
  it('GIVEN the generated bank THEN a question quoting a known slip has it flagged in its explanation, never as its key, and before the answer only where that gives nothing away', () => {
    const { bot: quizBot, bank } = botWithBank();
    const flagged = bank.filter(
      (q) => errataOf(quizBot.ctx.repo, { passage: quizBot.ctx.repo.passage(q.passageId)!, stem: q.stem, quote: q.quote, also: q.also ?? [] }).length,
    );
    expect(flagged.length).toBeGreaterThan(0);
    const explained = new Map(bankExport(quizBot.ctx, bank).questions.map((x) => [x.id, x.explanation]));
    for (const q of flagged) {
      expect(explained.get(q.id), q.stem).toMatch(/Sourcebook’s note \(not a source’s claim\) on “[^”]+”: /);
      if (q.kind === 'source') expect(q.stem).not.toContain('Sourcebook’s note');
    }
    // Emelyanov's "On December 9, 1938, ____ was dismissed": the note names Yezhov, so it waits for the explanation.
    const yezhov = flagged.find((q) => q.quote.includes('On December 9, 1938, Yezhov was dismissed') && q.kind === 'who')!;
    expect(yezhov.stem).not.toContain('Yezhov');
    quizBot.close();
  });

  it('GIVEN a date question whose blank is the slip itself THEN it is not made', () => {
    const { bot: quizBot } = botWithBank();
    const p = quizBot.ctx.repo.passage('eme-2n2ez')!;
    const draft = {
      kind: 'date' as const,
      prompt: 'When?',
      stem: 'Emelyanov (2012): “On ____, Yezhov was dismissed as head of the NKVD and replaced by Lavrentii Beria.”',
      answer: 'December 9, 1938',
      distractors: ['November 1938', 'January 1939', 'October 1938'],
      passage: p,
      quote: 'On December 9, 1938, Yezhov was dismissed as head of the NKVD and replaced by Lavrentii Beria.',
    };
    expect(flagErrata(quizBot.ctx.repo, draft)).toBeNull();
    // A figure question over the same sentence is flagged before it is answered: the note gives nothing away.
    expect(flagErrata(quizBot.ctx.repo, { ...draft, kind: 'figure', answer: 'Lavrentii Beria' })?.stem).toContain('(Sourcebook’s note on “December 9, 1938”');
    quizBot.close();
  });
});
