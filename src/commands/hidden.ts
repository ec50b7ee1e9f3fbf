/** Passages a space's moderators hid from answers (see the moderation module). Empty until they hide any. */
import type { CommandContext } from '../core/command.ts';
import type { Where } from '../core/request.ts';

export function hiddenPassages(_ctx: CommandContext, _where: Where): ReadonlySet<string> {
  return new Set();
}
