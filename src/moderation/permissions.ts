/**
 * Who may run moderator commands in a space. The core decides; adapters only report platform
 * facts (`isAdmin`: Discord Manage Server, Slack workspace admin/owner; `groups`: role / user-group ids).
 */
import type { CommandContext } from '../core/command.ts';
import { spaceKey, type Request } from '../core/request.ts';
import { modRoles } from './roles-store.ts';
import { readForSpace } from '../core/space-state.ts';

/** A space's administrator: may also name moderator roles. The console's local user administers its local space. */
export function isSpaceAdmin(req: Request): boolean {
  return req.user.isAdmin || req.where.platform === 'console';
}

/** Admins, plus members of a role or user group this space's admins named with `/sourcebook config modrole`. */
export function isModerator(ctx: CommandContext, req: Request): boolean {
  if (isSpaceAdmin(req)) return true;
  if (!req.user.groups.length) return false;
  const key = spaceKey(req.where);
  const roles = readForSpace(ctx.space, key, 'modroles', () => modRoles(ctx.db, key));
  return req.user.groups.some((g) => roles.includes(g));
}
