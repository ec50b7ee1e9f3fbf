/** Two bot processes on one SQLite file answering the same click: each user's answer counts once. */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoreBot } from '../../src/app/bot.ts';
import { openDb } from '../../src/db/open.ts';
import { PROJECT_ROOT } from '../../src/paths.ts';
import { ensureBank } from '../../src/quiz/bank.ts';
import { clock, postInfo, quizBot, removeDbFile, run, tempDbFile } from './helpers.ts';

const WORKER = fileURLToPath(new URL('./click-process.ts', import.meta.url));

let file: string;
let bot: CoreBot;

beforeAll(() => {
  file = tempDbFile();
  // The worker processes run on the real clock, so this bot does too (else the post would be long closed for them).
  bot = quizBot(clock(Date.now()), openDb(file));
  ensureBank(bot.ctx.db, bot.ctx);
}, 60_000);

afterAll(() => {
  bot.ctx.db.close();
  removeDbFile(file);
});

function start(
  actionId: string,
  users: number,
  clicks: number,
): { child: ChildProcessWithoutNullStreams; ready: Promise<void>; result: Promise<{ fresh: number; repeats: number; other: number }> } {
  const child = spawn(process.execPath, ['--import', 'tsx', WORKER, file, actionId, String(users), String(clicks)], { cwd: PROJECT_ROOT });
  let out = '';
  let err = '';
  child.stderr.on('data', (d) => (err += String(d)));
  let onReady!: () => void;
  const ready = new Promise<void>((r) => (onReady = r));
  const result = new Promise<{ fresh: number; repeats: number; other: number }>((resolve, reject) => {
    child.stdout.on('data', (d) => {
      out += String(d);
      if (out.includes('ready\n')) onReady();
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (line) resolve(JSON.parse(line));
    });
    child.on('exit', (code) => (code ? reject(new Error(`worker exited ${code}: ${err}`)) : undefined));
  });
  return { child, ready, result };
}

describe('two bot instances on one database file', () => {
  it('GIVEN the same answer button clicked 8 times for each of 6 users in two processes at once THEN each user is recorded exactly once', async () => {
    const info = postInfo(bot, await run(bot, '/quiz'));
    const a = start(info.right, 6, 8);
    const b = start(info.right, 6, 8);
    await Promise.all([a.ready, b.ready]);
    a.child.stdin.write('go\n');
    b.child.stdin.write('go\n');
    const [ra, rb] = await Promise.all([a.result, b.result]);
    expect(ra.other + rb.other, JSON.stringify([ra, rb])).toBe(0);
    expect(ra.fresh + rb.fresh).toBe(6);
    expect(ra.repeats + rb.repeats).toBe(2 * 6 * 8 - 6);
    const rows = bot.ctx.db.prepare('SELECT user_id, count(*) AS n FROM quiz_answers WHERE post_id = ? GROUP BY user_id').all(info.postId) as { n: number }[];
    expect(rows).toHaveLength(6);
    expect(rows.every((r) => r.n === 1)).toBe(true);
  }, 60_000);
});
