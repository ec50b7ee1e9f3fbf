/** Moderators' notes on source cards, one per source per space. */
import { z } from 'zod';
import type { DB } from '../db/open.ts';
import { stmt } from './sql.ts';
import { ActorSchema } from './actor.ts';

export const MAX_SOURCE_NOTE = 600;

export const SourceNoteStateSchema = z.object({ text: z.string().min(1).max(MAX_SOURCE_NOTE), by: ActorSchema, at: z.number().int() });
export type SourceNoteState = z.infer<typeof SourceNoteStateSchema>;

export function getSourceNote(db: DB, space: string, source: string): SourceNoteState | null {
  const row = stmt(db, 'SELECT text, by_id, by_name, at FROM source_notes WHERE space = ? AND source_id = ?').get(space, source) as
    | { text: string; by_id: string; by_name: string; at: number }
    | undefined;
  return row ? SourceNoteStateSchema.parse({ text: row.text, by: { id: row.by_id, name: row.by_name }, at: row.at }) : null;
}

export function putSourceNote(db: DB, space: string, source: string, state: SourceNoteState | null): void {
  if (!state) {
    stmt(db, 'DELETE FROM source_notes WHERE space = ? AND source_id = ?').run(space, source);
    return;
  }
  stmt(db, 'INSERT OR REPLACE INTO source_notes (space, source_id, text, by_id, by_name, at) VALUES (?, ?, ?, ?, ?, ?)').run(
    space,
    source,
    state.text,
    state.by.id,
    state.by.name,
    state.at,
  );
}
