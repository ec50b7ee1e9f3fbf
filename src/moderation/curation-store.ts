/** Curations: a pinned answer or a moderator note for one command + normalized arguments, in one space. */
import { z } from 'zod';
import type { DB } from '../db/open.ts';
import { stmt } from './sql.ts';
import { ActorSchema } from './actor.ts';

export const MAX_CURATED_TEXT = 1000;
export const MAX_NOTE_TEXT = 500;
export const MAX_CURATED_PASSAGES = 5;

export const CurationKindSchema = z.enum(['answer', 'note']);
export type CurationKind = z.infer<typeof CurationKindSchema>;

export const CurationStateSchema = z.object({
  /** The arguments as the moderator typed them, for display ("Yezhov"). */
  label: z.string().min(1).max(500),
  text: z.string().min(1).max(MAX_CURATED_TEXT),
  passages: z.array(z.string().min(1).max(40)).max(MAX_CURATED_PASSAGES),
  by: ActorSchema,
  at: z.number().int(),
});
export type CurationState = z.infer<typeof CurationStateSchema>;

export interface CurationRef {
  command: string;
  key: string;
  kind: CurationKind;
}

interface Row {
  command: string;
  key: string;
  kind: string;
  label: string;
  text: string;
  passages_json: string;
  by_id: string;
  by_name: string;
  at: number;
}

function toState(r: Row): CurationState {
  return CurationStateSchema.parse({
    label: r.label,
    text: r.text,
    passages: JSON.parse(r.passages_json) as unknown,
    by: { id: r.by_id, name: r.by_name },
    at: r.at,
  });
}

export function getCuration(db: DB, space: string, ref: CurationRef): CurationState | null {
  const row = stmt(db, 'SELECT * FROM curations WHERE space = ? AND command = ? AND key = ? AND kind = ?').get(space, ref.command, ref.key, ref.kind) as
    | Row
    | undefined;
  return row ? toState(row) : null;
}

/** Both kinds for one command + key; what the curation hook reads on every answer. */
export function curationsFor(db: DB, space: string, command: string, key: string): Partial<Record<CurationKind, CurationState>> {
  const rows = stmt(db, 'SELECT * FROM curations WHERE space = ? AND command = ? AND key = ?').all(space, command, key) as Row[];
  const out: Partial<Record<CurationKind, CurationState>> = {};
  for (const r of rows) out[CurationKindSchema.parse(r.kind)] = toState(r);
  return out;
}

export function listCurations(db: DB, space: string): (CurationRef & { state: CurationState })[] {
  const rows = stmt(db, 'SELECT * FROM curations WHERE space = ? ORDER BY command, key, kind').all(space) as Row[];
  return rows.map((r) => ({ command: r.command, key: r.key, kind: CurationKindSchema.parse(r.kind), state: toState(r) }));
}

export function putCuration(db: DB, space: string, ref: CurationRef, state: CurationState | null): void {
  if (!state) {
    stmt(db, 'DELETE FROM curations WHERE space = ? AND command = ? AND key = ? AND kind = ?').run(space, ref.command, ref.key, ref.kind);
    return;
  }
  stmt(
    db,
    `INSERT OR REPLACE INTO curations (space, command, key, kind, label, text, passages_json, by_id, by_name, at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(space, ref.command, ref.key, ref.kind, state.label, state.text, JSON.stringify(state.passages), state.by.id, state.by.name, state.at);
}
