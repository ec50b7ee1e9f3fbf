/**
 * Passages a space's moderators hid from answers and quizzes (see /hide), and those of the sources
 * it does not see (turned off, or another space's readings); every answering command excludes them.
 */
import type { CommandContext } from '../core/command.ts';
import { readForSpace } from '../core/space-state.ts';
import { spaceKey, type Where } from '../core/request.ts';
import { hiddenIds } from './hidden-store.ts';
import { unseenPassages } from './space-sources.ts';

export function hiddenPassages(ctx: CommandContext, where: Where): ReadonlySet<string> {
  const key = spaceKey(where);
  // Within a request, the set read once for its space.
  return readForSpace(ctx.space, key, 'hidden', () => {
    const hidden = hiddenIds(ctx.db, key);
    for (const id of unseenPassages(ctx.db, ctx.repo, key, ctx.space)) hidden.add(id);
    return hidden;
  });
}

/** Said above a passage asked for by id (/show, /cite) that this space's moderators hid from answers. */
export const HIDDEN_HERE = 'This group’s moderators hid this passage from answers and quizzes. It is shown only because it was asked for by its id.';
