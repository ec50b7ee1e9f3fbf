/**
 * The console chat: the first thing a newcomer meets. Type a command (/who Yezhov), a question,
 * or the number of an action under the last reply.
 */
import { createInterface } from 'node:readline/promises';
import type { RunningAdapter } from '../../src/core/adapter.ts';
import type { Bot } from '../../src/core/bot-api.ts';
import { parseCommandLine } from '../../src/core/parse-line.ts';
import type { Reply } from '../../src/core/reply.ts';
import { LOCAL_USER, LOCAL_WHERE } from './local.ts';
import { savePicture } from './picture.ts';
import { renderConsole } from './render.ts';
import { silentLogger, type Logger } from '../../src/core/log.ts';

export interface ConsoleOptions {
  bot: Bot;
  input?: NodeJS.ReadableStream;
  output?: NodeJS.WritableStream & { columns?: number; isTTY?: boolean };
  /** Where a failure of the chat itself is logged; the app's logger (lines on stderr in the console). */
  logger?: Logger;
  /** Where a reply's picture is saved (default data/pictures). */
  pictureDir?: string;
}

const WELCOME = `Sourcebook — cited answers from five sources on the Stalin-era purges.
Try: /who Yezhov   /compare executions   /ask Who killed Kirov?   /source   /help
Type the number of an action to follow it; /quit to leave.`;

/**
 * Starts the chat; `done` settles when the user quits (/quit or end of input). `post` prints a
 * reply as if it were answered (a scheduled quiz); `stop` ends the chat.
 */
export async function startConsole(opts: ConsoleOptions): Promise<RunningAdapter> {
  const output = opts.output ?? process.stdout;
  const log = opts.logger ?? silentLogger;
  const rl = createInterface({ input: opts.input ?? process.stdin, output, terminal: Boolean(output.isTTY) });
  const print = (s: string) => output.write(`${s}\n`);
  const color = Boolean(output.isTTY) && !process.env.NO_COLOR;
  let last: Reply | null = null;
  print(WELCOME);
  const show = async (r: Reply) => {
    last = r;
    print(`\n${renderConsole(r, { width: output.columns ?? 100, color })}\n`);
    if (r.image) print(`Picture: ${await savePicture(r.image, opts.pictureDir)}\n(${r.image.alt})\n`);
  };
  rl.setPrompt('sourcebook> ');
  const done = (async () => {
    rl.prompt();
    for await (const raw of rl) {
      const line = raw.trim();
      if (line === '/quit' || line === '/exit') break;
      if (line) {
        try {
          const n = /^\d+$/.test(line) ? Number(line) : null;
          const action = n !== null ? (last as Reply | null)?.actions[n - 1] : undefined;
          if (n !== null && !action) print('No action with that number under the last reply.');
          else if (action) await show(await opts.bot.act(action.id, LOCAL_USER, LOCAL_WHERE));
          else await show(await opts.bot.handle({ ...parseCommandLine(line), user: LOCAL_USER, where: LOCAL_WHERE }));
        } catch (err) {
          // The core never throws; a reply that cannot be shown must not end the chat either.
          log.error({ err }, `console: could not answer “${line.slice(0, 80)}”`);
          print('Sourcebook could not show that reply; the error was logged. Try again or rephrase.');
        }
      }
      rl.prompt();
    }
    rl.close();
  })();
  return {
    platform: 'console',
    post: async (_where, reply) => show(reply),
    stop: async () => {
      rl.close();
      await done;
    },
    done,
  };
}

/** The chat until the user quits. */
export async function runConsole(opts: ConsoleOptions): Promise<void> {
  await (await startConsole(opts)).done;
}
