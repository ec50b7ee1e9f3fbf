import { beforeAll, describe, expect, it } from 'vitest';
import type { CoreBot } from '../../src/app/bot.ts';
import { allText, ask, corpusBot, HERE, quotes } from '../support/corpus-bot.ts';

let bot: CoreBot;
beforeAll(() => {
  bot = corpusBot();
});

describe('/ask', () => {
  it('GIVEN a question the corpus answers THEN the answering sentence comes first, attributed and cited', async () => {
    const r = await ask(bot, '/ask How many people were executed in 1937-38?');
    expect(r.kind).toBe('answer');
    expect(r.blocks[0]).toEqual(expect.objectContaining({ type: 'quote' }));
    // The answering sentence, read on into the one that leans on it ("This means that …").
    expect(quotes(r)[0]).toMatch(/^In 1937-38, altogether 1,372,392 people were arrested and 681,692 executed\. This means that/);
    expect(r.citations[0]).toEqual(expect.objectContaining({ source: 'emelyanov-2012', attribution: expect.stringMatching(/^Emelyanov \(2012/) }));
  });

  it('GIVEN a who-question THEN the sentence naming the person who did it is among the answers', async () => {
    const r = await ask(bot, '/ask Who killed Kirov?');
    expect(quotes(r).some((q) => q.includes('Leonid Nikolayev') && q.includes('murdered Sergei M. Kirov'))).toBe(true);
  });

  it('GIVEN a question the corpus cannot answer THEN it says so and offers leads, not an answer', async () => {
    const r = await ask(bot, '/ask What did Stalin eat for breakfast?');
    expect(r.kind).toBe('not-found');
    expect(r.title).toBe('The corpus does not say');
    expect(allText(r)).toContain('as leads to read, not as an answer');
  });

  it('GIVEN a question of only search syntax THEN a clear message and no citations', async () => {
    const r = await ask(bot, '/ask " * ( ) AND NEAR');
    expect(r.kind).toBe('error');
    expect(r.citations).toEqual([]);
  });

  it('GIVEN an answer THEN its actions offer more context, a citation and a report', async () => {
    const r = await ask(bot, '/ask Who replaced Yagoda as head of the NKVD?');
    expect(r.actions.map((a) => a.label)).toEqual(['More context', 'Cite', 'Sources', 'Report']);
    const more = await bot.act(r.actions[0]!.id, { id: 'x', name: 'x', isAdmin: false, groups: [] }, HERE);
    expect(more.title).toBe(`Passage ${r.citations[0]!.passage}`);
  });
});

describe('names in any spelling', () => {
  it.each(['Ezhov', 'Ежов', 'Jezhov'])(
    'GIVEN /ask Who was %s? THEN the answer quotes sentences that spell him Yezhov, as /ask Who was Yezhov? does',
    async (spelling) => {
      const typed = await ask(bot, `/ask Who was ${spelling}?`);
      const canonical = await ask(bot, '/ask Who was Yezhov?');
      expect(typed.kind).toBe('answer');
      expect(typed.citations.map((c) => c.passage)).toEqual(canonical.citations.map((c) => c.passage));
    },
  );

  it('GIVEN /compare Ezhov THEN the sources that write Yezhov speak, not “no source speaks”', async () => {
    const r = await ask(bot, '/compare Ezhov');
    expect(r.kind).toBe('answer');
    expect(r.citations.some((c) => /Yezhov/.test(c.quote))).toBe(true);
  });

  it('GIVEN a word that merely looks like no name (“exhaustion”) THEN no spelling is added to the search', () => {
    expect(bot.ctx.people.spellingsFor('exhaustion')).toEqual([]);
    expect(bot.ctx.people.spellingsFor('Ежов')).toEqual(expect.arrayContaining(['Yezhov']));
  });
});

describe('a single word is a topic, not a question', () => {
  it.each(['1937', 'Kirov?', '@everyone'])('GIVEN /ask %s THEN no sentence is passed off as the answer: it points to /compare', async (word) => {
    const r = await ask(bot, `/ask ${word}`);
    expect(r.kind).toBe('not-found');
    expect(r.title).toBe('Ask a whole question');
    expect(r.citations).toEqual([]);
    expect(r.actions.some((a) => a.label.startsWith('Compare on'))).toBe(true);
  });

  it('GIVEN /ask Yezhov THEN it also offers his profile', async () => {
    const r = await ask(bot, '/ask Yezhov');
    expect(r.actions.map((a) => a.label)).toContain('Who was Yezhov?');
  });
});

describe('/ask’s Sources action', () => {
  it('GIVEN an answer quoting several sources THEN “Sources” lists every card, not only the first source’s', async () => {
    const user = { id: 'x', name: 'x', isAdmin: false, groups: [] };
    const where = HERE;
    const many = await ask(bot, '/ask Who killed Kirov?');
    expect(new Set(many.citations.map((c) => c.source)).size).toBeGreaterThan(1);
    const list = await bot.act(many.actions.find((a) => a.label === 'Sources')!.id, user, where);
    expect(list.title).toBe('The corpus: 5 sources');
  });
});
