/**
 * Follow-up actions are stored, not held in memory: a button's id is a short hash of what it
 * does, so buttons keep working after a restart and on any shard.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { DB } from '../db/open.ts';
import type { Action } from './reply.ts';

export const ActionPayloadSchema = z.object({
  command: z.string().min(1).max(32),
  args: z.string().max(2000),
  page: z.number().int().min(1).max(1000).optional(),
});
export type ActionPayload = z.infer<typeof ActionPayloadSchema>;

export class ActionStore {
  private readonly insert;
  private readonly select;
  /** Ids this process has stored already: the same buttons recur on every reply, and a write per button is wasted. */
  private readonly known = new Set<string>();

  constructor(db: DB) {
    this.insert = db.prepare('INSERT OR IGNORE INTO actions (id, payload_json, created_at) VALUES (?, ?, ?)');
    this.select = db.prepare('SELECT payload_json FROM actions WHERE id = ?');
  }

  make(label: string, payload: ActionPayload, style?: Action['style']): Action {
    const json = JSON.stringify(ActionPayloadSchema.parse(payload));
    const id = `a${createHash('sha256').update(json).digest('base64url').slice(0, 16)}`;
    if (!this.known.has(id)) {
      this.insert.run(id, json, Date.now());
      this.known.add(id);
    }
    return style ? { id, label, style } : { id, label };
  }

  /** Null for an unknown or corrupted action: the caller answers with a short message. */
  resolve(id: string): ActionPayload | null {
    if (!/^a[\w-]{16}$/.test(id)) return null;
    const row = this.select.get(id) as { payload_json: string } | undefined;
    if (!row) return null;
    try {
      const parsed = ActionPayloadSchema.safeParse(JSON.parse(row.payload_json));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }
}
