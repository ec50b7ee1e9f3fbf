/** The roles / user groups whose members moderate a space (set with `/sourcebook config modrole`). */
import { z } from 'zod';
import type { DB } from '../db/open.ts';
import { stmt } from './sql.ts';
import { ActorSchema } from './actor.ts';

export const RoleStateSchema = z.object({ by: ActorSchema, at: z.number().int() });
export type RoleState = z.infer<typeof RoleStateSchema>;

/** A space names only a handful of moderator roles; more is a sign of a mistake. */
export const MAX_MOD_ROLES = 10;

export function modRoles(db: DB, space: string): string[] {
  const rows = stmt(db, 'SELECT role_id FROM mod_roles WHERE space = ? ORDER BY at, role_id').all(space) as { role_id: string }[];
  return rows.map((r) => r.role_id);
}

export function getRole(db: DB, space: string, role: string): RoleState | null {
  const row = stmt(db, 'SELECT by_id, by_name, at FROM mod_roles WHERE space = ? AND role_id = ?').get(space, role) as
    | { by_id: string; by_name: string; at: number }
    | undefined;
  return row ? RoleStateSchema.parse({ by: { id: row.by_id, name: row.by_name }, at: row.at }) : null;
}

export function putRole(db: DB, space: string, role: string, state: RoleState | null): void {
  if (!state) {
    stmt(db, 'DELETE FROM mod_roles WHERE space = ? AND role_id = ?').run(space, role);
    return;
  }
  stmt(db, 'INSERT OR REPLACE INTO mod_roles (space, role_id, by_id, by_name, at) VALUES (?, ?, ?, ?, ?)').run(
    space,
    role,
    state.by.id,
    state.by.name,
    state.at,
  );
}
