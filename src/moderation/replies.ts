/** Replies shared by the moderator commands: confirmations carry an Undo button for the change they made. */
import type { CommandContext } from '../core/command.ts';
import type { Unit } from '../core/quotes.ts';
import { mergeUnits, textUnit } from '../core/quotes.ts';
import { reply, type Action, type Reply } from '../core/reply.ts';
import type { Request } from '../core/request.ts';
import { mayUndo, type AuditEntry, type Change } from './audit.ts';
import type { Report, ReportStatus } from './report-store.ts';
import type { Actor } from './actor.ts';

export function undoAction(ctx: CommandContext, entry: AuditEntry): Action {
  return ctx.actions.make(`Undo #${entry.seq}`, { command: 'undo', args: String(entry.seq) });
}

/**
 * A moderator's change went through: what changed, then anything worth showing (a preview, the
 * hidden quote). The Undo button is offered only to someone allowed to use it.
 */
export function changed(ctx: CommandContext, req: Request, entry: AuditEntry, title: string, text: string, extra: Unit[] = [], actions: Action[] = []): Reply {
  const undoable = mayUndo(req, entry);
  const how = undoable ? `/undo ${entry.seq} reverts it.` : 'only this group’s admins can undo it.';
  return reply({
    kind: 'notice',
    ephemeral: true,
    title,
    ...mergeUnits([textUnit(`${text} Logged as change #${entry.seq}; ${how}`), ...extra]),
    actions: [...(undoable ? [undoAction(ctx, entry)] : []), ...actions],
  });
}

/** Nothing to do (already hidden, nothing curated…): said plainly, nothing written. */
export function unchanged(title: string, text: string, actions: Action[] = []): Reply {
  return reply({ kind: 'notice', ephemeral: true, title, blocks: [{ type: 'paragraph', text }], actions });
}

/** Closing reports as part of a change, so undoing the change reopens them. */
export function resolveReports(reports: Report[], status: Exclude<ReportStatus, 'open'>, by: Actor, at: number): Change[] {
  return reports.map((r) => ({ target: { type: 'report', seq: r.seq }, after: { status, resolvedBy: by, resolvedAt: at } }));
}

export function reportsNote(reports: Report[]): string {
  if (!reports.length) return '';
  return ` Resolved report${reports.length === 1 ? '' : 's'} ${reports.map((r) => `#${r.seq}`).join(', ')}.`;
}
