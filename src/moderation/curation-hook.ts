/**
 * A space's curation of a command's answer: a pinned answer is shown in place of the command's,
 * without running it; a moderator's note sits above the automatic answer's first page.
 */
import type { CommandContext } from '../core/command.ts';
import type { Reply } from '../core/reply.ts';
import { spaceKey, type Request } from '../core/request.ts';
import { commandName } from './curatable.ts';
import { curatedAnswer, withNote } from './curated-reply.ts';
import { curationKey } from './curation-key.ts';
import { curationsFor } from './curation-store.ts';
import { hiddenPassages } from './hidden.ts';
import { shownOf } from '../core/shown.ts';

export interface Curated {
  /** The command's title for a pinned answer to these arguments (null: a generic one). */
  title(): string | null;
  /** The automatic answer, run only when nothing is pinned. */
  run(): Reply | Promise<Reply>;
}

/** The reply for `req` to a curatable command, as this space's moderators curated it. */
export async function withCuration(ctx: CommandContext, req: Request, command: Curated): Promise<Reply> {
  const name = commandName(req.command);
  const key = curationKey(ctx, name, req.args);
  const space = spaceKey(req.where);
  const { answer, note } = key ? curationsFor(ctx.db, space, name, key) : { answer: null, note: null };
  if (answer) {
    const pinned = curatedAnswer(ctx, { command: name, state: answer, title: command.title(), hidden: hiddenPassages(ctx, req.where) });
    return reportsWhatIsShown(ctx, note ? withNote(pinned, note) : pinned);
  }
  const auto = await command.run();
  // Errors and refusals are about the input, not the answer; a note is read once, above the first page.
  if (!note || auto.kind === 'error' || auto.kind === 'refusal' || (req.page ?? 1) !== 1) return reportsWhatIsShown(ctx, auto);
  return reportsWhatIsShown(ctx, withNote(auto, note));
}

/** The reply with its Report button carrying what the reply shows: a report records that, not a new run of the command. */
function reportsWhatIsShown(ctx: CommandContext, r: Reply): Reply {
  let shown: ReturnType<typeof shownOf> | undefined;
  const actions = r.actions.map((a) => {
    const payload = ctx.actions.payloadOf(a.id);
    if (payload?.command !== 'report' || payload.shown) return a;
    shown ??= shownOf(r);
    return ctx.actions.make(a.label, { ...payload, shown }, a.style);
  });
  return shown ? { ...r, actions } : r;
}
