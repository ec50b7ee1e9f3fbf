/** `/review log`: this space's audit log, newest first, a few entries per page with their before/after JSON. */
import { pageNav } from '../core/pager.ts';
import type { CommandContext } from '../core/command.ts';
import { reply, type Block, type Reply } from '../core/reply.ts';
import { spaceKey, type Request } from '../core/request.ts';
import { countEntries, listEntries, type AuditEntry } from './audit.ts';
import { timeLabel } from './actor.ts';

export const LOG_PAGE_SIZE = 5;
/** Longer JSON is cut in the listing; the full state is kept in the database. */
const JSON_SHOWN = 280;

function clipJson(states: unknown[]): string {
  const json = JSON.stringify(states.length === 1 ? states[0] : states);
  return json.length > JSON_SHOWN ? `${json.slice(0, JSON_SHOWN)}…` : json;
}

export function entryBlocks(e: AuditEntry): Block[] {
  const status = e.undoneBy !== null ? ` (undone by #${e.undoneBy})` : '';
  return [
    { type: 'paragraph', text: `#${e.seq} · ${timeLabel(e.at)} · ${e.actor.name} · ${e.action}: ${e.summary}${status}` },
    {
      type: 'fields',
      fields: [
        { label: 'Before', value: clipJson(e.before) },
        { label: 'After', value: clipJson(e.after) },
      ],
    },
  ];
}

export function logPage(ctx: CommandContext, req: Request): Reply {
  const space = spaceKey(req.where);
  const count = countEntries(ctx.db, space);
  if (!count) {
    return reply({
      kind: 'notice',
      ephemeral: true,
      title: 'Audit log is empty',
      blocks: [{ type: 'paragraph', text: 'No moderator has changed anything in this group yet.' }],
    });
  }
  const total = Math.ceil(count / LOG_PAGE_SIZE);
  const { index, nav, page } = pageNav(ctx.actions, { command: 'review', args: 'log', page: req.page, total }, { back: '‹ Newer', next: 'Older ›' });
  const entries = listEntries(ctx.db, space, LOG_PAGE_SIZE, (index - 1) * LOG_PAGE_SIZE);
  return reply({
    kind: 'notice',
    ephemeral: true,
    title: total > 1 ? `Audit log (${index}/${total})` : 'Audit log',
    blocks: [...entries.flatMap(entryBlocks), { type: 'paragraph', text: 'Revert a change with /undo N.' }],
    actions: nav,
    ...(page ? { page } : {}),
  });
}
