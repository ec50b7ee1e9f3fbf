/** A bot over the real bundled corpus, in an in-memory database: what every core test drives. */
import { silentLogger } from '../../src/core/log.ts';
import { join } from 'node:path';
import { createBot, type CoreBot } from '../../src/app/bot.ts';
import { openDb } from '../../src/db/open.ts';
import type { Reply } from '../../src/core/reply.ts';
import type { Asker, Where } from '../../src/core/request.ts';
import { PROJECT_ROOT } from '../../src/paths.ts';

export const CORPUS_DIR = join(PROJECT_ROOT, 'corpus');

export const STUDENT: Asker = { id: 'u-student', name: 'student', isAdmin: false, groups: [] };
export const HERE: Where = { platform: 'discord', space: 'guild-1', channel: 'chan-1' };

export function corpusBot(): CoreBot {
  return createBot({ db: openDb(':memory:'), corpusDir: CORPUS_DIR, logger: silentLogger });
}

export function ask(bot: CoreBot, line: string, user: Asker = STUDENT, where: Where = HERE): Promise<Reply> {
  const m = /^\/(\S+)\s*([\s\S]*)$/.exec(line);
  return bot.handle({ command: m ? m[1]! : 'ask', args: m ? m[2]! : line, user, where });
}

export function quotes(r: Reply): string[] {
  return r.blocks.flatMap((b) => (b.type === 'quote' ? [b.text] : []));
}

export function allText(r: Reply): string {
  return [r.title, ...r.blocks.map((b) => JSON.stringify(b))].join('\n');
}
