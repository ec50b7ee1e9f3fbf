/**
 * Follow-up actions are stored, not held in memory: a button's id is a short hash of what it
 * does, so buttons keep working after a restart and on any shard.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { DB } from '../db/open.ts';
import type { Statement } from 'better-sqlite3';
import type { Action } from './reply.ts';
import { ShownSchema } from './shown.ts';

export const ActionPayloadSchema = z.object({
  command: z.string().min(1).max(32),
  args: z.string().max(2000),
  page: z.number().int().min(1).max(1000).optional(),
  /** The server or workspace that made the button: a click from any other is refused. */
  space: z.string().max(200).optional(),
  /** For a Report button: the answer as it was shown, so the report records that and does not run the command again. */
  shown: ShownSchema.optional(),
});
export type ActionPayload = z.infer<typeof ActionPayloadSchema>;

interface Shared {
  insert: Statement;
  select: Statement;
  /** Ids this process has stored already: the same buttons recur on every reply, and a write per button is wasted. */
  known: Set<string>;
  /** The payloads of the buttons made last (those of the reply being built), so it can read them without the database. */
  recent: Map<string, ActionPayload>;
}

/** Enough for every button of a reply or two. */
const RECENT = 64;

export class ActionStore {
  private readonly shared: Shared;

  constructor(
    db: DB,
    private readonly space?: string,
    shared?: Shared,
  ) {
    this.shared = shared ?? {
      insert: db.prepare('INSERT OR IGNORE INTO actions (id, payload_json, created_at) VALUES (?, ?, ?)'),
      select: db.prepare('SELECT payload_json FROM actions WHERE id = ?'),
      known: new Set(),
      recent: new Map(),
    };
  }

  /** The same store, binding every button it makes to one space (a request's server or workspace). */
  scoped(db: DB, space: string): ActionStore {
    return new ActionStore(db, space, this.shared);
  }

  make(label: string, payload: ActionPayload, style?: Action['style']): Action {
    const parsed = ActionPayloadSchema.parse(this.space ? { ...payload, space: this.space } : payload);
    const json = JSON.stringify(parsed);
    const id = `a${createHash('sha256').update(json).digest('base64url').slice(0, 16)}`;
    if (!this.shared.known.has(id)) {
      this.shared.insert.run(id, json, Date.now());
      this.shared.known.add(id);
    }
    const { recent } = this.shared;
    recent.delete(id);
    recent.set(id, parsed);
    if (recent.size > RECENT) recent.delete(recent.keys().next().value!);
    return style ? { id, label, style } : { id, label };
  }

  /** What a button just made does (one of the reply being built); else read from the store. */
  payloadOf(id: string): ActionPayload | null {
    return this.shared.recent.get(id) ?? this.resolve(id);
  }

  /** Null for an unknown or corrupted action: the caller answers with a short message. */
  resolve(id: string): ActionPayload | null {
    if (!/^a[\w-]{16}$/.test(id)) return null;
    const row = this.shared.select.get(id) as { payload_json: string } | undefined;
    if (!row) return null;
    try {
      const parsed = ActionPayloadSchema.safeParse(JSON.parse(row.payload_json));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }
}
