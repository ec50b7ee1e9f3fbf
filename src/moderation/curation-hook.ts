/** Applies a space's curation (pinned answer, moderator note) to a command's automatic reply. */
import type { CommandContext } from '../core/command.ts';
import type { Reply } from '../core/reply.ts';
import { spaceKey, type Request } from '../core/request.ts';
import { commandName } from './curatable.ts';
import { curatedAnswer, withNote } from './curated-reply.ts';
import { curationKey } from './curation-key.ts';
import { curationsFor } from './curation-store.ts';
import { hiddenIds } from './hidden-store.ts';

/** `curatable`: the command's spec says its answers may be curated. */
export function applyCuration(ctx: CommandContext, req: Request, reply: Reply, curatable: boolean): Reply {
  const command = commandName(req.command);
  // Errors and refusals are about the input, not the answer: no curation replaces them.
  if (!curatable || reply.kind === 'error' || reply.kind === 'refusal') return reply;
  const key = curationKey(ctx, command, req.args);
  if (!key) return reply;
  const space = spaceKey(req.where);
  const { answer, note } = curationsFor(ctx.db, space, command, key);
  let out = reply;
  if (answer) out = curatedAnswer(ctx, { command, state: answer, auto: reply, hidden: hiddenIds(ctx.db, space) });
  // A note is read once, above the first page (a pinned answer has only one).
  if (note && (answer || (req.page ?? 1) === 1)) out = withNote(out, note);
  return out;
}
