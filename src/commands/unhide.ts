/** `/unhide ID`: brings a hidden passage back into this group's answers and quizzes. */
import { defineCommand } from '../core/command.ts';
import { errorReply } from '../core/reply.ts';
import { spaceKey } from '../core/request.ts';
import { commit } from '../moderation/audit.ts';
import { getHidden } from '../moderation/hidden-store.ts';
import { modLine, parsePassageId } from '../moderation/input.ts';
import { changed, unchanged } from '../moderation/replies.ts';

export const unhideCommand = defineCommand({
  spec: {
    name: 'unhide',
    description: 'Bring a hidden passage back into answers and quizzes in this group.',
    usage: '/unhide ID',
    example: '/unhide rei-87dfk',
    options: [{ name: 'passage', description: 'Passage id', required: true, autocomplete: false, maxLength: 40 }],
    moderatorOnly: true,
  },
  schema: modLine(40, 'Unhide which passage? For example: /unhide rei-87dfk (see /hide list).').transform((s, ctx) => parsePassageId(ctx, s)),
  run(ctx, id, req) {
    if (!ctx.repo.passage(id)) return errorReply('Unknown passage', `No passage has the id “${id}”.`);
    if (!getHidden(ctx.db, spaceKey(req.where), id)) return unchanged('Not hidden', `${id} is not hidden in this group.`);
    const entry = commit(ctx, req, 'unhide', `Unhid passage ${id}`, [{ target: { type: 'hidden', passage: id }, after: null }]);
    return changed(ctx, req, entry, `Visible again: ${id}`, 'This passage appears in answers and quizzes in this group again.');
  },
});
