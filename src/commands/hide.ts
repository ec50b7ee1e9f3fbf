/**
 * `/hide ID [| reason]`: leaves a passage out of answers and quizzes in this group (the corpus is
 * untouched, other servers still see it). `/hide list` shows what is hidden here.
 */
import type { z } from 'zod';
import { defineCommand, type CommandContext } from '../core/command.ts';
import { pagedReply } from '../core/pager.ts';
import { quoteUnit, textUnit } from '../core/quotes.ts';
import { errorReply, type Reply } from '../core/reply.ts';
import { spaceKey, type Request } from '../core/request.ts';
import { commit, type Change } from '../moderation/audit.ts';
import { passageExcerpt } from '../moderation/curated-reply.ts';
import { getHidden, listHidden } from '../moderation/hidden-store.ts';
import { fail, parsePassageId, targetWithReason } from '../moderation/input.ts';
import { changed, unchanged } from '../moderation/replies.ts';
import { MAX_REASON } from '../moderation/report-store.ts';
import { actorOf, dayLabel } from '../moderation/actor.ts';

type HideArgs = { verb: 'hide'; passage: string; reason: string | null } | { verb: 'list' };

const NO_PASSAGE = 'Hide which passage? For example: /hide rei-87dfk | misattributed quote';

function hideArgs(ctx: z.RefinementCtx, id: string, reason: string): HideArgs {
  if (id.toLowerCase() === 'list' && !reason) return { verb: 'list' };
  if (reason.length > MAX_REASON) return fail(ctx, `The reason is too long: at most ${MAX_REASON} characters, please.`);
  return { verb: 'hide', passage: parsePassageId(ctx, id), reason: reason || null };
}

/** `ID | reason` as text; the passage and reason options on Discord. */
const HideArgsOf = targetWithReason({ max: 400, empty: NO_PASSAGE, option: 'passage', optionMax: 40 }, hideArgs);

/**
 * Hides one passage, plus whatever else the caller resolves with it (a report), in one change.
 * Shared with /review, whose "Hide" button resolves a report this way.
 */
export function hidePassage(ctx: CommandContext, req: Request, id: string, reason: string | null, also: Change[] = [], alsoText = ''): Reply {
  const p = ctx.repo.passage(id);
  if (!p) return errorReply('Unknown passage', `No passage has the id “${id}”. Nothing was hidden.`);
  const space = spaceKey(req.where);
  const already = getHidden(ctx.db, space, id) !== null;
  if (already && !also.length) return unchanged('Already hidden', `${id} is already hidden in this group. /unhide ${id} brings it back.`);
  // Already hidden: keep who hid it and why; only the rest (resolving a report) changes.
  const hide: Change[] = already ? [] : [{ target: { type: 'hidden', passage: id }, after: { reason, by: actorOf(req), at: ctx.now().getTime() } }];
  const changes = [...hide, ...also];
  const entry = commit(ctx, req, 'hide', `Hid passage ${id}${reason ? ` (${reason})` : ''}`, changes);
  return changed(
    ctx,
    req,
    entry,
    `Hidden: ${id}`,
    `This passage no longer appears in answers or quizzes in this group; it stays in the corpus and in other servers. /unhide ${id} brings it back.${alsoText}`,
    [quoteUnit(ctx.repo, p, passageExcerpt(p), 'The hidden passage begins:')],
  );
}

function list(ctx: CommandContext, req: Request): Reply {
  const hidden = listHidden(ctx.db, spaceKey(req.where));
  if (!hidden.length) return unchanged('Nothing hidden', 'No passage is hidden in this group. /hide ID hides one.');
  const units = hidden.map((h) =>
    textUnit(`${h.passage} — hidden by ${h.state.by.name} on ${dayLabel(h.state.at)}${h.state.reason ? `: ${h.state.reason}` : ''}`),
  );
  return {
    ...pagedReply({ title: `Hidden passages (${hidden.length})`, units, page: req.page ?? 1, command: 'hide', args: 'list', actions: ctx.actions }),
    kind: 'notice',
    ephemeral: true,
  };
}

export const hideCommand = defineCommand({
  spec: {
    name: 'hide',
    description: 'Hide a passage from answers and quizzes in this group (not deleted); or list hidden ones.',
    usage: '/hide ID [| reason] · /hide list',
    example: '/hide rei-87dfk | misattributed quote',
    options: [
      { name: 'passage', description: 'Passage id, or “list” for the hidden ones', required: true, autocomplete: false, maxLength: 40 },
      { name: 'reason', description: 'Why, for the other moderators', required: false, autocomplete: false, maxLength: MAX_REASON },
    ],
    moderatorOnly: true,
  },
  schema: HideArgsOf.schema,
  typed: HideArgsOf.typed,
  run(ctx, args, req) {
    return args.verb === 'list' ? list(ctx, req) : hidePassage(ctx, req, args.passage, args.reason);
  },
});
