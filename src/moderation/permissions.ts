/** Who may run moderator commands in a space. The core decides; adapters only report platform facts. */
import type { CommandContext } from '../core/command.ts';
import type { Request } from '../core/request.ts';

export function isModerator(_ctx: CommandContext, req: Request): boolean {
  return req.user.isAdmin;
}
