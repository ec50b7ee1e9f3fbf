/**
 * /check over the real corpus: each label (support, contradiction, not comparable, related, silent,
 * outside the corpus) on claims whose answers are real sentences of the five texts; labels in
 * Sourcebook's voice with their basis, quotes verbatim and attributed, bad input answered plainly.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { CoreBot } from '../../src/app/bot.ts';
import { checkClaim, type CheckResult, type Finding } from '../../src/answer/check.ts';
import { allText, ask, corpusBot, HERE, quotes, STUDENT } from '../support/corpus-bot.ts';

let bot: CoreBot;
beforeAll(() => {
  bot = corpusBot();
});

const ADMIN = { ...STUDENT, id: 'u-admin', isAdmin: true };
const check = (claim: string): Extract<CheckResult, { kind: 'checked' }> => {
  const r = checkClaim(bot.ctx, claim, new Set(), (id) => id);
  if (r.kind !== 'checked') throw new Error(`outside: ${r.why}`);
  return r;
};
const findings = (claim: string, source: string): Finding[] => check(claim).bySource.get(source) ?? [];
const quoted = (f: Finding) => f.passage.text.slice(f.start, f.end);

const EXECUTED = '700,000 people were executed in 1937-38';
const CENTRE = 'the Zinovievites’ Moscow centre really existed';

describe('GIVEN the claim “700,000 people were executed in 1937-38”', () => {
  it('THEN Reiman supports it: “Of these victims, 700,000 were executed.”, its period read from the sentences before', () => {
    const f = findings(EXECUTED, 'reiman-2016').find((x) => x.label === 'support')!;
    expect(quoted(f)).toBe('Of these victims, 700,000 were executed.');
    expect(f.basis).toContain('same figure for the same count in 1937-38 (the source’s period read from the sentences before)');
  });

  it('THEN Emelyanov contradicts it with a different figure for the same count, 681,692, said as the issue words it', () => {
    const f = findings(EXECUTED, 'emelyanov-2012')[0]!;
    expect(f.label).toBe('contradiction');
    expect(f.basis).toBe('different figure for the same count in 1937-38: 681,692 (emelyanov-2012) vs 700,000 (the claim)');
    expect(quoted(f)).toBe('In 1937-38, altogether 1,372,392 people were arrested and 681,692 executed.');
  });

  it('THEN figures of another scope are “not comparable”, each with its reason: a rate per day, one year, communists only', () => {
    const reiman = findings(EXECUTED, 'reiman-2016').filter((x) => x.label === 'not comparable');
    expect(reiman.map((x) => x.basis)).toEqual(
      expect.arrayContaining([
        '970 (reiman-2016) is a rate (“each and every day”), the claim’s a total',
        'different periods: 1938 for 390,000 (reiman-2016), 1937-38 for the claim',
      ]),
    );
    const emelyanov = findings(EXECUTED, 'emelyanov-2012').filter((x) => x.label === 'not comparable');
    expect(emelyanov.map((x) => x.basis)).toContain('1,220,932 (emelyanov-2012) counts communists, 700,000 (the claim) everyone');
  });

  it('THEN a source with no figure for it is only “related”, with the claim’s words it holds', () => {
    const goble = findings(EXECUTED, 'goble-2019');
    expect(goble.length).toBeGreaterThan(0);
    expect(goble.every((x) => x.label === 'related')).toBe(true);
    expect(goble[0]!.basis).toMatch(/^speaks to it without a figure for the same count \(holds “people”, “executed”\)$/);
  });
});

describe('GIVEN the claim “the Zinovievites’ Moscow centre really existed”', () => {
  it('THEN Reiman contradicts it in his note 155: the Shvernik commission found the centre “did not exist”', () => {
    const f = findings(CENTRE, 'reiman-2016')[0]!;
    expect(f.label).toBe('contradiction');
    expect(f.note?.number).toBe('155');
    expect(f.note?.comment).toContain("Zinoviev's Moscow counterrevolutionary centre did not exist");
    expect(f.basis).toMatch(/^says “(?:centre )?did not exist” of what the claim asserts$/);
  });

  it('THEN Emelyanov’s “accused of being members of a secret … centre” is no support: at most related', () => {
    const eme = findings(CENTRE, 'emelyanov-2012');
    expect(eme.some((x) => x.label === 'support')).toBe(false);
  });

  it('THEN Goble, who never names the centre, is silent', () => {
    expect(check(CENTRE).bySource.has('goble-2019')).toBe(false);
  });

  it('GIVEN the denial “the Moscow centre was invented” THEN the same note supports it: both deny', () => {
    const f = findings('the Moscow centre was invented', 'reiman-2016')[0]!;
    expect(f.label).toBe('support');
    expect(f.note?.number).toBe('155');
    expect(f.basis).toContain('denies it too');
  });

  it('GIVEN “urban centres such as … Moscow” THEN not a statement about a “Moscow centre”: the words stand apart', () => {
    const f = findings('the Moscow centre was invented', 'reiman-2016').find((x) => quoted(x).includes('urban centres'));
    expect(f?.label ?? 'related').toBe('related');
  });
});

describe('GIVEN a claim of a part of a whole', () => {
  it('GIVEN “1,108 of the 1,966 delegates to the Seventeenth Congress were arrested” THEN Reiman’s “Of the 1,966 delegates …, 1,108 were arrested.” supports it', () => {
    const f = findings('1,108 of the 1,966 delegates to the Seventeenth Congress were arrested', 'reiman-2016')[0]!;
    expect(f.label).toBe('support');
    expect(quoted(f)).toBe('Of the 1,966 delegates to the Seventeenth Congress of the VKS/b in 1934, 1,108 were arrested.');
  });

  it('GIVEN “98 of the 139 members of the Central Committee were arrested” THEN the VCIK’s “149 members were arrested” is another body: not comparable', () => {
    const f = findings('98 of the 139 members of the Central Committee were arrested', 'reiman-2016').find((x) => quoted(x).includes('149 members'))!;
    expect(f.label).toBe('not comparable');
    expect(f.basis).toBe('149 (reiman-2016) counts members, 139 (the claim) members of the central committee');
  });
});

describe('GIVEN claims with a date', () => {
  it('GIVEN “Kirov was murdered on 1 December 1934” THEN the wire “that Kirov had been murdered” on that day supports it', () => {
    const f = findings('Kirov was murdered on 1 December 1934', 'real-stalin-11').find((x) => x.label === 'support')!;
    expect(quoted(f)).toBe('Then, on December 1, 1934, Stalin received a wire that Kirov had been murdered.');
    expect(f.basis).toBe('the same date for it: 1 December 1934 (real-stalin-11), 1 December 1934 (the claim)');
  });

  it('GIVEN “Kirov was killed in 1935” THEN “The assassination of Kirov, on December first, 1934” contradicts it with a different date', () => {
    const f = findings('Kirov was killed in 1935', 'real-stalin-11').find((x) => x.label === 'contradiction')!;
    expect(f.basis).toBe('a different date for it: 1 December 1934 (real-stalin-11) vs 1935 (the claim)');
  });

  it('GIVEN “Yezhov became head of the NKVD in 1937” THEN Emelyanov both supports (January 1937) and contradicts (September 1936) it', () => {
    const eme = findings('Yezhov became head of the NKVD in 1937', 'emelyanov-2012');
    expect(eme.find((x) => x.label === 'support')?.basis).toBe('the same date for it: January 1937 (emelyanov-2012), 1937 (the claim)');
    expect(eme.find((x) => x.label === 'contradiction')?.basis).toBe('a different date for it: September 1936 (emelyanov-2012) vs 1937 (the claim)');
  });

  it('GIVEN a date in another event’s sentence (“a closed letter of January 18, 1935, regarding the foul murder of Comrade Kirov”) THEN no contradiction', () => {
    const real = findings('Kirov was murdered on 1 December 1934', 'real-stalin-11');
    expect(real.filter((x) => x.label === 'contradiction').map(quoted)).toEqual([]);
  });
});

describe('GIVEN a claim the sources name but do not speak to', () => {
  it('GIVEN “Bukharin was innocent” THEN every source is silent (no sentence holds Bukharin with “innocent”), which is not “outside the corpus”', async () => {
    const r = check('Bukharin was innocent');
    expect([...r.bySource.keys()]).toEqual([]);
    const reply = await ask(bot, '/check Bukharin was innocent');
    expect(reply.title).toBe('Check: Bukharin was innocent');
    expect(allText(reply)).toContain('holds enough of the claim’s words (“bukharin”, “innocent”) together');
  });
});

describe('GIVEN claims outside the corpus', () => {
  it('GIVEN “The Titanic sank in 1912” THEN outside the corpus, naming the word no source uses', () => {
    expect(checkClaim(bot.ctx, 'The Titanic sank in 1912', new Set(), (id) => id)).toEqual({ kind: 'outside', why: 'No source uses “titanic” in any form.' });
  });

  it('WHEN asked through the bot THEN a plain “Outside the corpus” reply, with no quote and no verdict', async () => {
    const r = await ask(bot, '/check The Titanic sank in 1912');
    expect(r.kind).toBe('not-found');
    expect(r.title).toBe('Outside the corpus');
    expect(quotes(r)).toEqual([]);
    expect(allText(r)).toContain('cannot check a claim they do not touch');
  });
});

describe('GIVEN the /check reply', () => {
  it('THEN it says the labels are Sourcebook’s, lists each source’s labels and the silent ones, and leads each quote with label and basis', async () => {
    const r = await ask(bot, `/check ${EXECUTED}`);
    const text = allText(r);
    expect(r.title).toMatch(/^Check: 700,000 people were executed in 1937-38/);
    expect(text).toContain('The labels are Sourcebook’s reading of the sources’ words, each with its basis, not a verdict on the claim');
    expect(text).toMatch(/Sourcebook’s labels per source: Reiman \(2016\): support, not comparable; Emelyanov \(2012\): contradiction/);
    expect(text).toContain('Contradiction — different figure for the same count in 1937-38: 681,692 (Emelyanov) vs 700,000 (the claim):');
    expect(r.actions.some((a) => a.label.startsWith('More ›'))).toBe(true);
  });

  it('THEN every quote is verbatim from its cited passage (or that passage’s note) and attributed: nothing of a source in Sourcebook’s own voice', async () => {
    for (const claim of [EXECUTED, CENTRE]) {
      const r = await ask(bot, `/check ${claim}`);
      expect(r.citations.length).toBeGreaterThan(2);
      for (const c of r.citations) {
        const p = bot.ctx.repo.passage(c.passage)!;
        const quote = c.quote.replace(/ \[…\]$/, '');
        expect([p.text, ...p.notes.map((n) => n.text)].some((t) => t.includes(quote))).toBe(true);
        expect(c.attribution).toMatch(/\(\d{4}|n\.d\./);
      }
      // Sourcebook's own paragraphs hold labels and bases, never a sentence of a source.
      const own = r.blocks.flatMap((b) => (b.type === 'paragraph' ? [b.text] : []));
      for (const c of r.citations) expect(own.some((t) => t.includes(c.quote))).toBe(false);
    }
  });

  it('WHEN a moderator hides Emelyanov’s passage THEN the contradiction from it is gone in that server only', async () => {
    const f = findings(EXECUTED, 'emelyanov-2012')[0]!;
    const elsewhere = { ...HERE, space: 'guild-2' };
    await ask(bot, `/hide ${f.passage.id} | test`, ADMIN);
    const hidden = await ask(bot, `/check ${EXECUTED}`);
    expect(hidden.citations.map((c) => c.passage)).not.toContain(f.passage.id);
    const other = await ask(bot, `/check ${EXECUTED}`, STUDENT, elsewhere);
    expect(other.citations.map((c) => c.passage)).toContain(f.passage.id);
    await ask(bot, `/unhide ${f.passage.id}`, ADMIN);
  });

  it.each([
    ['', /Check what\?/],
    ['   ', /Check what\?/],
    ['" * ( ) AND NEAR', /Give a claim in words/],
    ['🙂🙂', /Give a claim in words/],
  ])('GIVEN the bad claim %j THEN a short error, no quote', async (claim, message) => {
    const r = await ask(bot, `/check ${claim}`);
    expect(r.kind).toBe('error');
    expect(allText(r)).toMatch(message);
    expect(quotes(r)).toEqual([]);
  });

  it('GIVEN an overlong claim THEN told the limit', async () => {
    const r = await ask(bot, `/check ${'executions '.repeat(40)}`);
    expect(r.kind).toBe('error');
    expect(allText(r)).toMatch(/300/);
  });

  it('GIVEN a claim in Cyrillic (Ежов) THEN checked across the spelling, not refused', async () => {
    const r = await ask(bot, '/check Ежов was dismissed in 1938');
    expect(r.kind).not.toBe('error');
  });
});
