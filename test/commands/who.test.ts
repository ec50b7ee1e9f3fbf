import { beforeAll, describe, expect, it } from 'vitest';
import type { CoreBot } from '../../src/app/bot.ts';
import { allText, ask, corpusBot, HERE, quotes } from '../support/corpus-bot.ts';
import { buildProfile } from '../../src/commands/who-profile.ts';

let bot: CoreBot;
beforeAll(() => {
  bot = corpusBot();
});

describe('/who', () => {
  it('GIVEN Yezhov THEN a profile names him, quotes who he was with his role, and cites each quote', async () => {
    const r = await ask(bot, '/who Yezhov');
    expect(r.kind).toBe('answer');
    expect(r.title).toBe('Who was Nikolai Yezhov?');
    expect(quotes(r).some((q) => /Yezhov, head of the NKVD/.test(q))).toBe(true);
    expect(r.citations.length).toBe(quotes(r).length);
    expect(r.citations.every((c) => /^[a-z]{3}-\w{5}$/.test(c.passage))).toBe(true);
  });

  it('GIVEN the Cyrillic spelling Ежов or the transliteration Ezhov THEN it is the same person as Yezhov', async () => {
    for (const name of ['Ежов', 'Ezhov', 'yezhov', 'N. I. Yezhov']) {
      expect((await ask(bot, `/who ${name}`)).title).toBe('Who was Nikolai Yezhov?');
    }
  });

  it('GIVEN a spelling one letter from a name the corpus uses (Yeshov, Rikov) THEN that person’s profile, saying how the corpus spells it', async () => {
    const r = await ask(bot, '/who Yeshov');
    expect(r.title).toBe('Who was Nikolai Yezhov?');
    expect(allText(r)).toContain('The corpus spells “Yeshov” as');
    expect((await ask(bot, '/who Rikov')).title).toBe((await ask(bot, '/who Rykov')).title);
  });

  it('GIVEN a sentence where an office stands away from the name (“Vyshinsky, clearly distressed, … ordered the NKVD”) THEN it is not quoted as who they were', async () => {
    const r = await ask(bot, '/who Vyshinsky');
    // The sentence may still be among the passages naming him, but not as his role.
    expect(allText(r)).not.toContain('Who they were');
  });

  it('GIVEN a sentence that goes on about the person as “the latter” THEN it is quoted with the sentence naming them', async () => {
    const q = quotes(await ask(bot, '/who Krestinsky'));
    expect(q).toContainEqual(
      expect.stringMatching(/Nikolay N\. Krestinsky\. Before his arrest, the latter had been First Deputy of the People's Commissar for Foreign Affairs/),
    );
  });

  it('GIVEN a sentence in which the person does something (Malenkov … attacked) THEN it outranks one naming them in passing', async () => {
    const q = quotes(await ask(bot, '/who Malenkov'));
    expect(q.some((x) => x.includes('Malenkov in his report bitterly attacked wholesale expulsions'))).toBe(true);
    expect(q.some((x) => x.startsWith('Khrushchev, Beria, Malenkov and many other Soviet leaders'))).toBe(false);
  });

  it('GIVEN a source that misspells the surname (Reiman’s “Tomsy”) THEN those passages are in the profile and the spelling is listed', async () => {
    const r = await ask(bot, '/who Tomsky');
    expect(allText(r)).toMatch(/Spellings in the corpus: .*Tomsy \(Reiman \(2016\)\)/);
    expect(quotes(r).some((x) => /Tomsy/.test(x))).toBe(true);
  });

  it('GIVEN a surname of two people where the passages naming it bare stand among one’s company THEN that one’s profile, naming the other with a button', async () => {
    const r = await ask(bot, '/who Kaganovich');
    expect(r.title).toBe('Who was Lazar M. Kaganovich?');
    expect(allText(r)).toContain('“Kaganovich” also names Y. Kaganovich');
    // Emelyanov names Y. Kaganovich in full, but his bare “Molotov, Voroshilov and Kaganovich” is Lazar’s company.
    expect(quotes(r).some((q) => q.includes('Molotov, Voroshilov and Kaganovich talked to Pyatnitsky'))).toBe(true);
    expect(r.actions.map((a) => a.label)).toContain('Y. Kaganovich');
    expect((await ask(bot, '/who Y. Kaganovich')).title).toBe('Who was Y. Kaganovich?');
  });

  it('GIVEN “he” after a sentence naming only the person THEN it is about them; after one naming others too THEN it is not taken as theirs', () => {
    const spans = (name: string) => {
      const r = bot.ctx.people.resolve(name);
      if (r.kind !== 'person') throw new Error(name);
      return buildProfile(bot.ctx.repo, bot.ctx.people, r.person, new Set()).mentions.flatMap((m) =>
        m.sentences.map((s) => m.passage.text.slice(s.start, s.end)),
      );
    };
    expect(spans('Yezhov')).toContain(
      'The first to speak was Nikolai Yezhov. He demanded emergency powers in order to continue exposing anti-Soviet conspiracies.',
    );
    // Reiman: "Unlike Stalin and Bukharin, Trotsky thought … He spoke of …" — he is Trotsky.
    expect(spans('Bukharin').some((t) => t.includes('He spoke of'))).toBe(false);
  });

  it('GIVEN someone the sources mostly quote (the memoirist Tokaev) THEN the few mentions and then their own words about themselves, with the works quoted', async () => {
    const r = await ask(bot, '/who Tokaev');
    expect(allText(r)).toMatch(/Quoted as an author: \d+ excerpts from Comrade X \(1956\); Betrayal of an Ideal \(1955\)/);
    const own = quotes(r).slice(-3);
    expect(own.length).toBe(3);
    for (const q of own) expect(q).toMatch(/\b(I|my|me)\b/);
  });

  it('GIVEN a farther misspelling THEN it offers the person it probably means, without guessing', async () => {
    const r = await ask(bot, '/who Yezhoff');
    expect(r.kind).toBe('not-found');
    expect(allText(r)).toContain('Did you mean Nikolai Yezhov?');
    expect(r.actions.map((a) => a.label)).toContain('Nikolai Yezhov');
  });

  it('GIVEN a person the sources spell two ways THEN both spellings lead to one profile listing both', async () => {
    const a = await ask(bot, '/who Tukhachevski');
    const b = await ask(bot, '/who Tukhachevsky');
    expect(a.title).toBe(b.title);
    const spellings = a.blocks[0]!.type === 'paragraph' ? a.blocks[0]!.text : '';
    expect(spellings).toMatch(/Tukhachevsky \(.*Reiman \(2016\)/);
    expect(spellings).toMatch(/Tukhachevski \(Maskharashvili \(n\.d\.\)\)/);
    expect((await ask(bot, '/who Jagoda')).title).toBe((await ask(bot, '/who Yagoda')).title);
  });

  it('GIVEN a surname that names two people THEN a choice showing each one in the sources’ words, not a merged profile', async () => {
    const r = await ask(bot, '/who Zhukov');
    expect(r.title).toBe('“Zhukov” names 2 people in the corpus');
    // Each person is introduced by his own sentences: the marshal from Reiman's war chapters, the historian from Emelyanov.
    const leads = r.blocks.flatMap((b, i) => (b.type === 'paragraph' && /named in full/.test(b.text) ? [{ i, text: b.text }] : []));
    expect(leads.map((l) => l.text.split(':')[0])).toEqual(['Georgy K. Zhukov', 'Yuri Zhukov']);
    const firstQuoteAfter = (i: number) => r.blocks.slice(i).find((b) => b.type === 'quote') as { citation: number } | undefined;
    expect(r.citations[firstQuoteAfter(leads[0]!.i)!.citation]!.source).toBe('reiman-2016');
    expect(r.citations[firstQuoteAfter(leads[1]!.i)!.citation]!.source).toBe('emelyanov-2012');
    expect(r.actions.map((a) => a.label).sort()).toEqual(['Georgy K. Zhukov', 'Yuri Zhukov']);
    const yuri = await bot.act(r.actions.find((a) => a.label === 'Yuri Zhukov')!.id, { id: 'u', name: 'u', isAdmin: false, groups: [] }, HERE);
    expect(yuri.title).toBe('Who was Yuri Zhukov?');
    // Yuri Zhukov, the historian Emelyanov relies on, is not the marshal in Reiman's war chapters.
    expect(yuri.citations.every((c) => c.source === 'emelyanov-2012')).toBe(true);
  });

  it('GIVEN a person some sources never mention THEN the profile says which are silent', async () => {
    const r = await ask(bot, '/who Yuri Zhukov');
    expect(allText(r)).toMatch(/Not mentioned in: Goble \(2019\), Maskharashvili \(n\.d\.\), Real Stalin Series Part 11 \(n\.d\.\), Reiman \(2016\)/);
  });

  it('GIVEN an unknown name THEN it says the corpus does not name them', async () => {
    const r = await ask(bot, '/who Napoleon');
    expect(r.kind).toBe('not-found');
    expect(r.citations).toEqual([]);
  });

  it('GIVEN no name THEN a usage hint, ephemeral', async () => {
    const r = await ask(bot, '/who   ');
    expect(r.kind).toBe('error');
    expect(r.ephemeral).toBe(true);
    expect(allText(r)).toContain('/who Yezhov');
  });
});

describe('/who dates what it quotes', () => {
  it('GIVEN Emelyanov’s undated “Bukharin, Rykov, Krestinsky … were sentenced to death.” THEN /who Krestinsky quotes it with the sentence before that dates it', async () => {
    const r = await ask(bot, '/who Krestinsky');
    const q = quotes(r).find((x) => x.includes('Krestinsky, Yagoda and almost all other defendants were sentenced to death'));
    expect(q).toBeDefined();
    expect(q).toMatch(/^In March 1938, the Moscow trial of the “Anti-Soviet Bloc of Rights and Trotskyites” took place\./);
  });
});

describe('/who shows the author’s footnote on the person', () => {
  it('GIVEN Reiman’s sentence on Rjutin, whose note 119 stands on the next sentence and speaks of “Ryutin” THEN /who Ryutin quotes the note’s comment, cited to it', async () => {
    const r = await ask(bot, '/who Ryutin');
    const note = r.citations.find((c) => c.note === '119');
    expect(note?.quote).toContain('He was sentenced to 10 years in prison and died during the purges in 1930s.');
    expect(note?.attribution).toMatch(/^Reiman \(2016, .*\), note 119$/);
  });
});

describe('/who counts', () => {
  it('GIVEN /who Hallgren THEN “N passages name” counts passages whose text names him, not headings or quoted-work titles', async () => {
    const r = await ask(bot, '/who Hallgren');
    const m = /(\d+) passages? names? Mauritz Hallgren/.exec(allText(r));
    expect(m).not.toBeNull();
    const inText = (bot.ctx.db.prepare("SELECT count(*) AS n FROM passages WHERE text LIKE '%Hallgren%'").get() as { n: number }).n;
    expect(Number(m![1])).toBe(inText);
  });
});

describe('/who for a name too rare to profile', () => {
  it('GIVEN Naumov, named once in Emelyanov’s text THEN no profile, but the sentence naming him, attributed and cited — never “the corpus does not name this person”', async () => {
    const r = await ask(bot, '/who naumov');
    expect(r.kind).toBe('answer');
    expect(r.title).toBe('“Naumov” in the corpus');
    expect(allText(r)).toContain('Sourcebook has no profile of “Naumov”');
    expect(allText(r)).toContain('One passage uses the name:');
    expect(allText(r)).not.toContain('does not name');
    expect(quotes(r)).toEqual(['Historian Leonid Naumov states that the quotas demanded by some secretaries were lowered by a factor of 7.']);
    expect(r.citations).toHaveLength(1);
    expect(r.citations[0]!.source).toBe('emelyanov-2012');
    expect(r.citations[0]!.attribution).toMatch(/^Emelyanov \(2012/);
  });

  it('GIVEN Engels, named in several passages but introduced by no source THEN no profile, but attributed sentences that use the name and how many passages do', async () => {
    const r = await ask(bot, '/who Engels');
    expect(r.kind).toBe('answer');
    expect(allText(r)).toContain('Sourcebook has no profile of “Engels”');
    expect(allText(r)).toMatch(/\d+ passages use the name; the first 3 sentences:/);
    expect(quotes(r)).toHaveLength(3);
    for (const q of quotes(r)) expect(q).toMatch(/Engels/);
    expect(r.citations).toHaveLength(3);
  });

  it('GIVEN Lenin, never introduced by full name but “Lenin argued”, “Lenin … warned” THEN the sources’ person contexts make him a person with a profile', async () => {
    // Reiman, ch. 2: "Lenin, then seriously ill, argued fiercely at the Eleventh Party Congress against any expansion of the NEP."
    const r = await ask(bot, '/who Lenin');
    expect(r.title).toBe('Who was Lenin?');
    expect(allText(r)).not.toContain('Sourcebook has no profile');
  });

  it.each(['the', 'purge', 'executions'])('GIVEN the common word “%s” THEN the plain not-found, no quotes', async (word) => {
    const r = await ask(bot, `/who ${word}`);
    expect(r.kind).toBe('not-found');
    expect(allText(r)).toContain('The corpus does not name this person');
    expect(r.citations).toEqual([]);
  });
});

describe('/who follow-ups', () => {
  it('GIVEN a profile THEN "Quiz me on this" starts a quiz about that person', async () => {
    const where = { platform: 'discord' as const, space: 'g-quiz', channel: 'c' };
    const r = await ask(bot, '/who Yezhov', undefined, where);
    const quiz = r.actions.find((a) => a.label === 'Quiz me on this');
    expect(quiz).toBeDefined();
    const q = await bot.act(quiz!.id, { id: 'u', name: 'u', isAdmin: false, groups: [] }, where);
    expect(q.title).toMatch(/^Quiz/);
    expect(allText(q)).toContain('Yezhov');
  });
});

describe('/who without repeats', () => {
  it.each(['Georgy K. Zhukov', 'Yezhov', 'Yuri Zhukov', 'Kirov'])('GIVEN /who %s THEN no sentence is quoted twice on a page', async (name) => {
    const r = await ask(bot, `/who ${name}`);
    const keys = r.citations.map((c) => `${c.passage}:${c.quote}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('people the sources may not share', () => {
  it('GIVEN /who Voronov (the journalist Vladimir Voronov in Goble; a student “Voronov” in the compilation) THEN the compilation’s mentions are marked as possibly someone else, and never define him', async () => {
    const r = await ask(bot, '/who Voronov');
    const text = allText(r);
    expect(text).toMatch(/Real Stalin Series Part 11 \(n\.d\.\) — \d passages? names? “Voronov”[^"]* but never in full, so it may be someone else/);
    const firstQuote = r.blocks.find((b) => b.type === 'quote') as { citation: number };
    expect(r.citations[firstQuote.citation]!.source).toBe('goble-2019');
  });
});
