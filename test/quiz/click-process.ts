/**
 * A second bot process for the two-instance test: opens the same database file, waits for "go"
 * on stdin, then clicks one answer button for several users several times at once and prints
 * how many of its clicks were recorded as new answers.
 */
import { createBot } from '../../src/app/bot.ts';
import { lineLogger } from '../../src/core/log.ts';
import { CORPUS_DIR } from '../support/corpus-bot.ts';

const [file, actionId, usersArg, clicksArg] = process.argv.slice(2);
const bot = createBot({ dbPath: file!, corpusDir: CORPUS_DIR, logger: lineLogger((line) => process.stderr.write(`${line}\n`)) });
const where = { platform: 'discord' as const, space: 'guild-a', channel: 'quiz' };
const users = Number(usersArg);
const clicks = Number(clicksArg);

process.stdin.once('data', async () => {
  const replies = await Promise.all(
    Array.from({ length: users * clicks }, (_, i) =>
      bot.act(actionId!, { id: `u-${i % users}`, name: `user ${i % users}`, isAdmin: false, groups: [] }, where),
    ),
  );
  const fresh = replies.filter((r) => r.title === 'Right!' || r.title === 'Not quite.').length;
  const repeats = replies.filter((r) => r.title.startsWith('Already answered')).length;
  process.stdout.write(`${JSON.stringify({ fresh, repeats, other: replies.length - fresh - repeats, titles: [...new Set(replies.map((r) => r.title))] })}\n`);
  bot.close();
  process.exit(0);
});
process.stdout.write('ready\n');
