/** Passages hidden from answers and quizzes in one space. The corpus row stays; only this space skips it. */
import { z } from 'zod';
import type { DB } from '../db/open.ts';
import { stmt } from './sql.ts';
import { ActorSchema } from './actor.ts';

export const HiddenStateSchema = z.object({ reason: z.string().max(300).nullable(), by: ActorSchema, at: z.number().int() });
export type HiddenState = z.infer<typeof HiddenStateSchema>;

interface Row {
  passage_id: string;
  reason: string | null;
  by_id: string;
  by_name: string;
  at: number;
}

function toState(r: Row): HiddenState {
  return HiddenStateSchema.parse({ reason: r.reason, by: { id: r.by_id, name: r.by_name }, at: r.at });
}

export function hiddenIds(db: DB, space: string): Set<string> {
  const rows = stmt(db, 'SELECT passage_id FROM hidden_passages WHERE space = ?').all(space) as { passage_id: string }[];
  return new Set(rows.map((r) => r.passage_id));
}

export function getHidden(db: DB, space: string, passage: string): HiddenState | null {
  const row = stmt(db, 'SELECT * FROM hidden_passages WHERE space = ? AND passage_id = ?').get(space, passage) as Row | undefined;
  return row ? toState(row) : null;
}

export function listHidden(db: DB, space: string): { passage: string; state: HiddenState }[] {
  const rows = stmt(db, 'SELECT * FROM hidden_passages WHERE space = ? ORDER BY at DESC, passage_id').all(space) as Row[];
  return rows.map((r) => ({ passage: r.passage_id, state: toState(r) }));
}

export function putHidden(db: DB, space: string, passage: string, state: HiddenState | null): void {
  if (!state) {
    stmt(db, 'DELETE FROM hidden_passages WHERE space = ? AND passage_id = ?').run(space, passage);
    return;
  }
  stmt(db, 'INSERT OR REPLACE INTO hidden_passages (space, passage_id, reason, by_id, by_name, at) VALUES (?, ?, ?, ?, ?, ?)').run(
    space,
    passage,
    state.reason,
    state.by.id,
    state.by.name,
    state.at,
  );
}
