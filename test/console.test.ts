import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { runConsole, startConsole } from '../adapters/console/index.ts';
import { reply } from '../src/core/reply.ts';
import { renderConsole, wrap } from '../adapters/console/render.ts';
import type { CoreBot } from '../src/app/bot.ts';
import { corpusBot } from './support/corpus-bot.ts';
import { lineLogger, type Logger } from '../src/core/log.ts';
import type { Bot } from '../src/core/bot-api.ts';

let bot: CoreBot;
beforeAll(() => {
  bot = corpusBot();
});

async function session(lines: string[], opts: { bot?: Bot; logger?: Logger } = {}): Promise<string> {
  const input = new PassThrough();
  const output = new PassThrough();
  let out = '';
  output.on('data', (d: Buffer) => (out += d.toString()));
  const done = runConsole({ bot: opts.bot ?? bot, input, output, ...(opts.logger ? { logger: opts.logger } : {}) });
  for (const l of lines) input.write(`${l}\n`);
  input.end();
  await done;
  return out;
}

describe('the console meets the adapter contract', () => {
  it('GIVEN a started console THEN post prints a scheduled reply to the chat and stop ends it, settling done', async () => {
    const input = new PassThrough();
    const output = new PassThrough();
    let out = '';
    output.on('data', (d: Buffer) => (out += d.toString()));
    const chat = await startConsole({ bot, input, output });
    expect(chat.platform).toBe('console');
    await chat.post(
      { platform: 'console', space: 'local', channel: 'console' },
      reply({ title: 'Quiz of the day', blocks: [{ type: 'paragraph', text: 'Who headed the NKVD in 1937?' }] }),
    );
    expect(out).toContain('Quiz of the day');
    expect(out).toContain('Who headed the NKVD in 1937?');
    await chat.stop();
    await expect(chat.done).resolves.toBeUndefined();
    await chat.stop();
  });
});

describe('console chat', () => {
  it('GIVEN /who Yezhov typed at the prompt THEN the profile is printed with numbered actions', async () => {
    const out = await session(['/who Yezhov']);
    expect(out).toContain('Who was Nikolai Yezhov?');
    expect(out).toMatch(/\[1\] Cite first quote/);
    expect(out).toMatch(/│ “Nikolai Yezhov, head/);
  });

  it('GIVEN an action number THEN that follow-up runs', async () => {
    const out = await session(['/who Zhukov', '2']);
    expect(out).toContain('“Zhukov” names 2 people in the corpus');
    expect(out).toMatch(/Who was (Yuri|Georgy K\.) Zhukov\?/);
  });

  it('GIVEN plain text without a slash THEN it is asked as a question', async () => {
    expect(await session(['What did Stalin eat for breakfast?'])).toContain('The corpus does not say');
  });

  it('GIVEN a number with no such action THEN a short message', async () => {
    expect(await session(['/help', '9'])).toContain('No action with that number');
  });

  it('GIVEN a long quote THEN lines are wrapped at word boundaries within the width', () => {
    const text = wrap('Yagoda was relieved of his post as head of the NKVD, and his replacement Yezhov prepared new trials.', 40, '  │ ');
    for (const line of text.split('\n')) expect(line.length).toBeLessThanOrEqual(40);
    expect(
      text
        .split('\n')
        .map((l) => l.replace(/^ {2}│ /, ''))
        .join(' '),
    ).toBe('Yagoda was relieved of his post as head of the NKVD, and his replacement Yezhov prepared new trials.');
  });

  it('GIVEN no colour THEN the rendering has no escape codes', () => {
    const r = renderConsole(
      { kind: 'answer', title: 'T', blocks: [{ type: 'paragraph', text: 'p' }], citations: [], actions: [{ id: 'a', label: 'Go' }], ephemeral: false },
      { width: 80, color: false },
    );
    expect(r).toBe('T\n\np\n\n[1] Go');
  });
});

describe('console colours', () => {
  it('GIVEN colour on THEN titles and actions carry ANSI codes that are closed again', () => {
    const r = renderConsole(
      { kind: 'answer', title: 'T', blocks: [], citations: [], actions: [{ id: 'a', label: 'Go' }], ephemeral: false },
      { width: 80, color: true },
    );
    expect(r).toBe('\u001b[1mT\u001b[22m\n\n\n\n\u001b[33m[1] Go\u001b[39m');
  });
});

describe('the console logs through the app’s logger', () => {
  it('GIVEN a bot that breaks its promise and throws WHEN a line is typed THEN the chat says so, logs the error once and goes on to the next line', async () => {
    const logged: string[] = [];
    let calls = 0;
    const throwing: Bot = {
      ...bot,
      handle: async (req) => {
        calls++;
        if (calls === 1) throw new Error('database is locked');
        return bot.handle(req);
      },
    };
    const out = await session(['/who Yezhov', '/source'], { bot: throwing, logger: lineLogger((line) => logged.push(line)) });
    expect(out).toContain('Sourcebook could not show that reply; the error was logged.');
    expect(logged).toEqual(['error: console: could not answer “/who Yezhov”: database is locked']);
    // The next line is answered as usual.
    expect(out).toContain('The corpus: 5 sources');
  });

  it('GIVEN a line logger at warn THEN info is dropped and an error names its cause', () => {
    const lines: string[] = [];
    const log = lineLogger((line) => lines.push(line), 'warn');
    log.info('started');
    log.warn('slow start');
    log.error({ err: new Error('boom') }, 'posting failed');
    expect(lines).toEqual(['warn: slow start', 'error: posting failed: boom']);
    expect(log.isLevelEnabled?.('debug')).toBe(false);
  });
});
