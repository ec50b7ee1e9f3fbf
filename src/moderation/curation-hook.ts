/** Applies a space's curation (pinned answer, moderator note) to a command's automatic reply. */
import type { CommandContext } from '../core/command.ts';
import type { Reply } from '../core/reply.ts';
import type { Request } from '../core/request.ts';

export function applyCuration(_ctx: CommandContext, _req: Request, reply: Reply): Reply {
  return reply;
}
