/** `/undo N`: reverts change #N from this group's audit log (see /review log); the undo is logged too. Changes to moderator roles only admins undo. */
import { defineCommand } from '../core/command.ts';
import { errorReply, reply } from '../core/reply.ts';
import { undo } from '../moderation/audit.ts';
import { modLine, parseSeq } from '../moderation/input.ts';
import { changed } from '../moderation/replies.ts';

export const undoCommand = defineCommand({
  spec: {
    name: 'undo',
    description: 'Revert a moderator change by its number in the audit log (/review log).',
    usage: '/undo N',
    example: '/undo 3',
    options: [{ name: 'change', description: 'Change number from /review log', required: true, autocomplete: false, maxLength: 12 }],
    moderatorOnly: true,
  },
  schema: modLine(12, 'Undo which change? Give its number from /review log, e.g. /undo 3.').transform((s, ctx) => parseSeq(ctx, s, 'change')),
  run(ctx, seq, req) {
    const r = undo(ctx, req, seq);
    if (!r.ok && r.refusal) return reply({ kind: 'refusal', ephemeral: true, title: r.title, blocks: [{ type: 'paragraph', text: r.message }] });
    if (!r.ok) return errorReply(r.title, r.message, [ctx.actions.make('Audit log', { command: 'review', args: 'log' })]);
    return changed(ctx, req, r.entry, `Undone: #${seq}`, `Reverted change #${seq} (${r.original.summary}).`);
  },
});
