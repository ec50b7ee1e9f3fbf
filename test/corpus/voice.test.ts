import { beforeAll, describe, expect, it } from 'vitest';
import type { CoreBot } from '../../src/app/bot.ts';
import { compilationVoice, leadInVoice, reportedClaimOf } from '../../src/corpus/voice.ts';
import { ask, corpusBot, quotes } from '../support/corpus-bot.ts';

let bot: CoreBot;
beforeAll(() => {
  bot = corpusBot();
});

const attributionOf = async (id: string) => (await ask(bot, `/show ${id}`)).citations[0]!.attribution;

describe('the speaker of a compilation excerpt', () => {
  it('GIVEN “[In a June 1937 speech Stalin said]” THEN Stalin speaks, in the book it was taken from, quoted by the compiler', async () => {
    expect(leadInVoice('In a June 1937 speech Stalin said')).toEqual({ speaker: 'Stalin', occasion: 'in a June 1937 speech' });
    expect(await attributionOf('rea-jfwam')).toBe(
      'Stalin (in a June 1937 speech), in Secret Documents (1996), trans. and ed. Lucas and Ukas, quoted by Real Stalin Series Part 11 (n.d.)',
    );
  });

  it('GIVEN a Soviet draft note in a translated collection THEN it is never credited to its translator', async () => {
    const a = await attributionOf('rea-vvrye');
    expect(a).toContain('The Stalin-Kaganovich Correspondence, 1931-1936 (2003), trans. Shabad');
    expect(a).not.toMatch(/quoting Shabad/);
  });

  it('GIVEN “(Sinclair’s comments only)” THEN Sinclair speaks, not “Sinclair and Lyons”', async () => {
    expect(await attributionOf('rea-ystzg')).toBe('Sinclair, in Sinclair and Lyons (1938), quoted by Real Stalin Series Part 11 (n.d.)');
  });

  it('GIVEN “I asked Littlepage …” under a citation of Littlepage’s book THEN it is not credited to Littlepage but to the correspondent the excerpt’s lead-in names', async () => {
    const a = await attributionOf('rea-mb6c5');
    expect(a).toMatch(/^A correspondent for the Christian Science Monitor, in Littlepage, John D\. \(1938\), quoted by Real Stalin Series Part 11/);
  });

  it('GIVEN an excerpt whose lead-in names its speaker (Stalin’s telegram of 13 January 1937) THEN its later paragraphs are his too, not the book’s that prints it', async () => {
    expect(await attributionOf('rea-fyvav')).toMatch(/^Stalin \(Jan\. 13, 1937 telegram\), in Getty & Naumov \(1999\), quoted by Real Stalin Series Part 11/);
    // The paragraph after the next citation is Getty & Naumov's own narration again.
    expect(await attributionOf('rea-x22fs')).toMatch(/^Real Stalin Series Part 11 \(n\.d\.\), quoting Getty & Naumov \(1999\)/);
  });

  it('GIVEN a memoir whose writer quotes someone speaking in the first person THEN the writer is not doubted', () => {
    const p = bot.ctx.repo.passage('rea-dtv4t')!;
    expect(compilationVoice(p)).toBeNull();
  });

  it.each([
    ['At the Feb. March 1937 Plenum Stalin stated', 'Stalin'],
    ['Yezhov’s November 23rd, 1938 letter of resignation to Stalin', 'Yezhov'],
    ['The June 6, 1935 speech of Yezhov to the Central Committee plenum', 'Yezhov'],
    ['Zhdanov', 'Zhdanov'],
    ['The Editors of Secret Documents state', 'The Editors of Secret Documents'],
    ['Oct. second 1937 Politburo decision on sabotage of livestock', 'the Politburo'],
    ['Politburo resolution “On the leadership of the Central Committee of the Communist Party of Byelorussia”', 'the Politburo'],
    ['Sept. 15, 1932. Yaroslavski to Politburo on library purge', 'Yaroslavski'],
    ['September 19, 1937 Letter of rural correspondent Alekseev to Krest’ianskaia Gazeta on violations of law', 'Alekseev'],
    ['March 1935 memorandum “Concerning the Moral and Political State of Pedagogical Institutes” from Yezhov and Shkiriatov', 'Yezhov and Shkiriatov'],
  ])('GIVEN the lead-in “%s” THEN the speaker is %s', (lead, speaker) => {
    expect(leadInVoice(lead)?.speaker).toBe(speaker);
  });

  it.each([
    'When',
    'Footnote: The memoir of one of Kirov’s Leningrad co-workers can remember nothing',
    '1932 Party Verification of Railroad Employees',
    'Report to the 18th Congress on March 10, 1939',
  ])('GIVEN a bracket that names no speaker (“%s”) THEN none is guessed', (lead) => {
    expect(leadInVoice(lead)).toBeNull();
  });

  it('GIVEN every excerpt with a “said/stated/continues” lead-in or a “comments only” note THEN each has a speaker', () => {
    const excerpts = bot.ctx.repo
      .passagesOf('real-stalin-11')
      .filter((p) => /^\[[^\]]*\b(said|stated|continues)\]/.test(p.text) || /comments only\)/.test(`${p.text} ${p.quotedFrom?.citation ?? ''}`));
    expect(excerpts.length).toBeGreaterThan(25);
    expect(excerpts.filter((p) => !compilationVoice(p)).map((p) => p.id)).toEqual([]);
  });
});

describe('claims an author reports', () => {
  const KOZHINOV =
    "Repeating this figure, historian Vadim Kozhinov, in his book The Truth of Stalin's Repressions, came to the conclusion that Party members constituted over 90 per cent of those subjected to repression in 1937-38.";

  it('GIVEN “He claims that 43 per cent …” after the sentence naming Kozhinov THEN the claim is Vadim Kozhinov’s', () => {
    expect(reportedClaimOf('He claims that 43 per cent of Party members were arrested.', KOZHINOV)).toBe('Vadim Kozhinov');
  });

  it('GIVEN the school manual’s “exceeded 1.3 million”, which Emelyanov reports to refute THEN it is the manual’s claim', () => {
    expect(
      reportedClaimOf(
        'Thus the school manual Fundamental Course of Russian History claims that the number of communists arrested and executed in 1937-38 "exceeded 1.3 million people."',
      ),
    ).toBe('the school manual Fundamental Course of Russian History');
  });

  it('GIVEN the author’s own figures or own first person THEN no one else’s claim', () => {
    expect(reportedClaimOf('In 1937-38, altogether 1,372,392 people were arrested and 681,692 executed.')).toBeNull();
    expect(reportedClaimOf('This author considers it possible that Yagoda wanted to construct a situation similar to the “Red Terror”.')).toBeNull();
  });

  it('GIVEN /compare number executed THEN a reported claim is labelled as reported, and Emelyanov’s own figure comes before it', async () => {
    const r = await ask(bot, '/compare number executed');
    const emel = r.citations.filter((c) => c.source === 'emelyanov-2012');
    expect(emel[0]!.quote).toContain('681,692');
    for (const c of r.citations) {
      if (/claims that|claimed that/.test(c.quote)) expect(c.attribution).toMatch(/, as reported by /);
    }
    expect(quotes(r).length).toBe(r.citations.length);
  });
});

describe('context and mentions', () => {
  it('GIVEN “He claims that 43 per cent …” THEN it is quoted with the sentence before, which says who “he” is', async () => {
    const { quotableSpan } = await import('../../src/answer/engine.ts');
    const p = bot.ctx.repo.passage('eme-s0ak1')!;
    const i = p.sentences.findIndex((s) => p.text.slice(s.start, s.end).startsWith('He claims that 43 per cent'));
    expect(i).toBeGreaterThan(0);
    const span = quotableSpan(p, i)!;
    expect(p.text.slice(span.start, span.end)).toMatch(/^Repeating this figure, historian Vadim Kozhinov.*He claims that 43 per cent/s);
  });

  it('GIVEN /who Conquest, whom the texts only quote THEN his quoted work is shown as such, attributed through the compiler', async () => {
    const r = await ask(bot, '/who Conquest');
    expect(r.title).toBe('Conquest, Robert, as a quoted author');
    expect(r.blocks.map((b) => ('text' in b ? b.text : '')).join(' ')).toContain('The Great Terror (1990)');
    expect(r.citations.every((c) => /quoting Conquest, Robert \(1990\)/.test(c.attribution))).toBe(true);
  });

  it('GIVEN /who Yuri Zhukov THEN the memoirs of Marshal Georgy Zhukov are not listed as his quoted work', async () => {
    const r = await ask(bot, '/who Yuri Zhukov');
    expect(JSON.stringify(r.blocks)).not.toContain('Memoirs of Marshal Zhukov');
  });

  it('GIVEN a profile THEN no monarch is listed as “named alongside”', async () => {
    for (const name of ['Alexander Svanidze', 'Barthou', 'Litvinov']) {
      const text = JSON.stringify((await ask(bot, `/who ${name}`)).blocks);
      expect(text).not.toMatch(/Named alongside:[^"]*king/i);
    }
  });
});
