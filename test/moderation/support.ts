/** Shared by the moderation tests: one bot over the real corpus, users, and a fresh space per test. */
import { silentLogger } from '../../src/core/log.ts';
import { join } from 'node:path';
import { createBot, type CoreBot } from '../../src/app/bot.ts';
import type { Reply } from '../../src/core/reply.ts';
import type { Asker, Platform, Where } from '../../src/core/request.ts';
import { openDb } from '../../src/db/open.ts';
import { PROJECT_ROOT } from '../../src/paths.ts';

export const CORPUS_DIR = join(PROJECT_ROOT, 'corpus');

/** A fixed clock: dates in labels are checkable. */
export const NOW = new Date('2025-03-14T10:00:00Z');

export function moderationBot(): CoreBot {
  return createBot({ db: openDb(':memory:'), corpusDir: CORPUS_DIR, logger: silentLogger, now: () => NOW });
}

export const ADMIN: Asker = { id: 'u-admin', name: 'Ada Admin', isAdmin: true, groups: [] };
export const STUDENT: Asker = { id: 'u-student', name: 'Sam Student', isAdmin: false, groups: [] };
export const OTHER_STUDENT: Asker = { id: 'u-student-2', name: 'Olga Student', isAdmin: false, groups: [] };

export function member(groups: string[], id = 'u-member'): Asker {
  return { id, name: 'Mo Member', isAdmin: false, groups };
}

let n = 0;
/** A new server or workspace per test, so tests never see each other's curations. */
export function freshSpace(platform: Platform = 'discord'): Where {
  n++;
  return { platform, space: platform === 'console' ? 'local' : `${platform}-space-${n}`, channel: `chan-${n}` };
}

export async function run(bot: CoreBot, where: Where, user: Asker, line: string, page?: number): Promise<Reply> {
  const m = /^\/(\S+)\s*([\s\S]*)$/.exec(line);
  if (!m) throw new Error(`not a command line: ${line}`);
  return bot.handle({ command: m[1]!, args: m[2]!, user, where, ...(page ? { page } : {}) });
}

/** Clicks the reply's button whose label starts with `label`. */
export function click(bot: CoreBot, r: Reply, label: string, user: Asker, where: Where): Promise<Reply> {
  const a = r.actions.find((x) => x.label.startsWith(label));
  if (!a) throw new Error(`no “${label}” button among ${r.actions.map((x) => x.label).join(', ')}`);
  return bot.act(a.id, user, where);
}

export function text(r: Reply): string {
  return [
    r.title,
    ...r.blocks.map((b) => {
      switch (b.type) {
        case 'list':
          return b.items.join('\n');
        case 'fields':
          return b.fields.map((f) => `${f.label}: ${f.value}`).join('\n');
        case 'quote':
          return `${b.text} — ${b.attribution}`;
        default:
          return b.text;
      }
    }),
  ].join('\n');
}

export function quotes(r: Reply): string[] {
  return r.blocks.flatMap((b) => (b.type === 'quote' ? [b.text] : []));
}

/** A full dump of the moderation tables, for "nothing changed at all" checks. */
export function snapshot(bot: CoreBot): string {
  return JSON.stringify(
    ['mod_roles', 'curations', 'hidden_passages', 'source_notes', 'reports', 'mod_audit'].map((t) =>
      bot.ctx.db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all(),
    ),
  );
}

/** Real passages used across the tests (ids are content hashes, stable across ingests). */
export const EMELYANOV_YEZHOV = 'eme-rmhkc'; // "Nikolai Yezhov, head of the NKVD from January 1937 onwards, …"
export const REIMAN_YEZHOV = 'rei-mcms9'; // "Nikolai I. Yezhov appeared on the horizon of Soviet politics."
