import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CoreBot } from '../../src/app/bot.ts';
import type { Reply } from '../../src/core/reply.ts';
import { ask, corpusBot, HERE, STUDENT } from '../support/corpus-bot.ts';

let bot: CoreBot;
beforeAll(() => {
  bot = corpusBot();
});

const PUBLIC = ['who', 'compare', 'ask', 'cite', 'source', 'show', 'help'];
const HOSTILE = [
  '"',
  '*',
  'AND (',
  'NEAR(a b)',
  '-',
  '"" OR ""',
  '🙂🔥',
  'Ежов и Ягода',
  'x'.repeat(10_000),
  '',
  '   ',
  '\u0000\u0007',
  '<@123> @everyone',
  '\u202eevil',
];

function isReply(r: Reply): boolean {
  return typeof r.title === 'string' && Array.isArray(r.blocks) && Array.isArray(r.citations) && Array.isArray(r.actions);
}

describe('hostile input', () => {
  it.each(PUBLIC.flatMap((c) => HOSTILE.map((h) => [c, h] as const)))('GIVEN /%s with %j THEN a Reply, never an exception', async (command, args) => {
    const r = await bot.handle({ command, args, user: STUDENT, where: HERE });
    expect(isReply(r)).toBe(true);
    if (args.length > 1000) expect(r.kind === 'error' && r.blocks.some((b) => b.type === 'paragraph' && /too long/.test(b.text))).toBe(command !== 'help');
  });

  it('GIVEN thousands of random and hostile argument strings to every command THEN none throws and each returns a Reply', async () => {
    const arg = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.string({ unit: 'grapheme', maxLength: 60 }),
      fc
        .array(fc.constantFrom('"', '*', '(', ')', 'AND', 'NEAR', '-', 'vs', 'Ежов', 'Zhukov', '🙂', '@everyone', 'rei-', '1937', ':'), { maxLength: 10 })
        .map((a) => a.join(' ')),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...PUBLIC), arg, async (command, args) => isReply(await bot.handle({ command, args, user: STUDENT, where: HERE }))),
      { numRuns: 2000 },
    );
  });

  it('GIVEN an action id that does not exist THEN a short message', async () => {
    expect((await bot.act('a0000000000000000', STUDENT, HERE)).title).toBe('This button has expired');
    expect((await bot.act('../../etc', STUDENT, HERE)).kind).toBe('error');
  });

  it('GIVEN a 10 KB question THEN the user is told it is too long, not silently truncated', async () => {
    const r = await ask(bot, `/ask ${'Kirov '.repeat(2000)}`);
    expect(r.kind).toBe('error');
  });
});

describe('arguments padded with whitespace', () => {
  it('GIVEN a name padded with thousands of spaces THEN the profile and its buttons work', async () => {
    const r = await ask(bot, `/who Nikolai${' '.repeat(2100)}Yezhov`);
    expect(r.title).toBe('Who was Nikolai Yezhov?');
    const compare = await ask(bot, `/compare executions${' '.repeat(2100)}1937`);
    expect(compare.kind).not.toBe('error');
  });
});
