/** Shared sources turned off in one space (/source disable). The corpus is untouched; only this space leaves them out. */
import { z } from 'zod';
import type { DB } from '../db/open.ts';
import { ActorSchema } from './actor.ts';
import { stmt } from './sql.ts';

export const SourceOffStateSchema = z.object({ by: ActorSchema, at: z.number().int() });
export type SourceOffState = z.infer<typeof SourceOffStateSchema>;

export function sourcesOff(db: DB, space: string): Set<string> {
  const rows = stmt(db, 'SELECT source_id FROM sources_off WHERE space = ?').all(space) as { source_id: string }[];
  return new Set(rows.map((r) => r.source_id));
}

export function getSourceOff(db: DB, space: string, source: string): SourceOffState | null {
  const row = stmt(db, 'SELECT by_id, by_name, at FROM sources_off WHERE space = ? AND source_id = ?').get(space, source) as
    | { by_id: string; by_name: string; at: number }
    | undefined;
  return row ? SourceOffStateSchema.parse({ by: { id: row.by_id, name: row.by_name }, at: row.at }) : null;
}

export function putSourceOff(db: DB, space: string, source: string, state: SourceOffState | null): void {
  if (!state) {
    stmt(db, 'DELETE FROM sources_off WHERE space = ? AND source_id = ?').run(space, source);
    return;
  }
  stmt(db, 'INSERT OR REPLACE INTO sources_off (space, source_id, by_id, by_name, at) VALUES (?, ?, ?, ?, ?)').run(
    space,
    source,
    state.by.id,
    state.by.name,
    state.at,
  );
}
