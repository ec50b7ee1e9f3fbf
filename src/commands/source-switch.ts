/**
 * `/source disable ID` and `/source enable ID`: a space's moderators choose which of the shared
 * sources this group studies. The corpus is untouched; other groups keep every source. Each
 * switch is one audited change that /undo reverts.
 */
import type { CommandContext } from '../core/command.ts';
import { errorReply, type Reply } from '../core/reply.ts';
import { spaceKey, type Request } from '../core/request.ts';
import { actorOf } from '../moderation/actor.ts';
import { commit } from '../moderation/audit.ts';
import { isModerator } from '../moderation/permissions.ts';
import { changed, unchanged } from '../moderation/replies.ts';
import { getSourceOff } from '../moderation/sources-off-store.ts';
import { shared } from '../moderation/space-sources.ts';
import { findSources } from './source-lookup.ts';

export type SwitchVerb = 'enable' | 'disable';

export function switchSource(ctx: CommandContext, req: Request, verb: SwitchVerb, query: string): Reply {
  if (!isModerator(ctx, req)) {
    return errorReply('Moderators only', `/source ${verb} is for this group's moderators. Nothing was changed.`);
  }
  // A source turned off is not in this group's view of the corpus: it is looked up among all the shared ones.
  const found = findSources(ctx.repo.whole(), query).filter(shared);
  if (found.length !== 1) {
    const why = found.length ? `“${query}” matches ${found.map((s) => s.meta.id).join(', ')}; give one id.` : `No shared source is called “${query}”.`;
    return errorReply(`/source ${verb}: which source?`, `${why} /source lists them. Nothing was changed.`);
  }
  const source = found[0]!;
  const id = source.meta.id;
  const space = spaceKey(req.where);
  const off = getSourceOff(ctx.db, space, id) !== null;
  if (verb === 'disable' && off) return unchanged('Already off', `${id} is already left out in this group. /source enable ${id} brings it back.`);
  if (verb === 'enable' && !off) return unchanged('Already on', `${id} is already part of this group's sources.`);
  if (verb === 'disable' && ctx.repo.sources().length === 1) {
    return errorReply(
      'The last source',
      `${id} is the only source this group studies; turning it off would leave nothing to answer from. Nothing was changed.`,
    );
  }
  const after = verb === 'disable' ? { by: actorOf(req), at: ctx.now().getTime() } : null;
  const entry = commit(ctx, req, `source-${verb}`, `${verb === 'disable' ? 'Turned off' : 'Turned on'} source ${id}`, [
    { target: { type: 'source-off', source: id }, after },
  ]);
  return changed(
    ctx,
    req,
    entry,
    verb === 'disable' ? `Turned off: ${id}` : `Turned on: ${id}`,
    verb === 'disable'
      ? `Answers, comparisons, quizzes and citations in this group leave out ${source.meta.title}; other groups still have it. /source enable ${id} brings it back.`
      : `${source.meta.title} is part of this group's sources again.`,
  );
}
