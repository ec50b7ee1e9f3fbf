/** `npm start`: the bots whose credentials are set, or the console chat when none are. */
import { runConsole } from '../../adapters/console/index.ts';
import { createBot } from '../core/bot.ts';

export async function start(): Promise<void> {
  const bot = createBot({ log: (m) => process.stderr.write(`Indexing: ${m}\n`) });
  await runConsole({ bot });
  bot.close();
}
