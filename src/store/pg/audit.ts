/**
 * Audited moderator changes on PostgreSQL: commitChanges of src/moderation/audit.ts in this
 * dialect, for the target kinds ported so far (hidden passages and moderator roles; the others
 * refuse plainly). The change and its audit entry share one transaction. SQLite's IMMEDIATE
 * transaction serialises every writer; here a transaction-scoped advisory lock per space does it
 * for that space's changes, so before-states, after-states and the next audit seq are read by one
 * writer at a time and two entries never take the same seq.
 */
import { clip } from '../../core/text-safe.ts';
import type { Actor } from '../../moderation/actor.ts';
import { toEntry, type AuditEntry, type AuditRow, type Change } from '../../moderation/audit.ts';
import { HiddenStateSchema, type HiddenState } from '../../moderation/hidden-store.ts';
import { RoleStateSchema } from '../../moderation/roles-store.ts';
import type { State, Target } from '../../moderation/targets.ts';
import type { AuditedChange } from '../types.ts';
import type { Client, Queryable } from './pool.ts';

function notYet(t: Target): Error {
  return new Error(`the PostgreSQL store cannot change ${t.type} targets yet (issue #16): only hidden passages and moderator roles`);
}

export async function hiddenPg(c: Queryable, space: string, passage: string): Promise<HiddenState | null> {
  const r = (await c.query('SELECT reason, by_id, by_name, at FROM hidden_passages WHERE space = $1 AND passage_id = $2', [space, passage])).rows[0] as
    | { reason: string | null; by_id: string; by_name: string; at: number }
    | undefined;
  return r ? HiddenStateSchema.parse({ reason: r.reason, by: { id: r.by_id, name: r.by_name }, at: r.at }) : null;
}

async function readStatePg(c: Client, space: string, t: Target): Promise<State> {
  switch (t.type) {
    case 'hidden':
      return hiddenPg(c, space, t.passage);
    case 'modrole': {
      const r = (await c.query('SELECT by_id, by_name, at FROM mod_roles WHERE space = $1 AND role_id = $2', [space, t.role])).rows[0] as
        | { by_id: string; by_name: string; at: number }
        | undefined;
      return r ? RoleStateSchema.parse({ by: { id: r.by_id, name: r.by_name }, at: r.at }) : null;
    }
    default:
      throw notYet(t);
  }
}

/** Validates the state for its kind before writing, as writeState does: a malformed state throws and rolls back. */
async function writeStatePg(c: Client, space: string, t: Target, state: unknown): Promise<void> {
  switch (t.type) {
    case 'hidden': {
      const s = HiddenStateSchema.nullable().parse(state);
      if (!s) await c.query('DELETE FROM hidden_passages WHERE space = $1 AND passage_id = $2', [space, t.passage]);
      else
        await c.query(
          `INSERT INTO hidden_passages (space, passage_id, reason, by_id, by_name, at) VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (space, passage_id) DO UPDATE SET reason = excluded.reason, by_id = excluded.by_id, by_name = excluded.by_name, at = excluded.at`,
          [space, t.passage, s.reason, s.by.id, s.by.name, s.at],
        );
      return;
    }
    case 'modrole': {
      const s = RoleStateSchema.nullable().parse(state);
      if (!s) await c.query('DELETE FROM mod_roles WHERE space = $1 AND role_id = $2', [space, t.role]);
      else
        await c.query(
          `INSERT INTO mod_roles (space, role_id, by_id, by_name, at) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (space, role_id) DO UPDATE SET by_id = excluded.by_id, by_name = excluded.by_name, at = excluded.at`,
          [space, t.role, s.by.id, s.by.name, s.at],
        );
      return;
    }
    default:
      throw notYet(t);
  }
}

async function insertEntryPg(c: Client, space: string, e: Omit<AuditEntry, 'seq' | 'undoneBy'>): Promise<AuditEntry> {
  const next = (await c.query('SELECT COALESCE(MAX(seq), 0) + 1 AS next FROM mod_audit WHERE space = $1', [space])).rows[0].next as number;
  await c.query(
    `INSERT INTO mod_audit (space, seq, at, actor_id, actor_name, action, summary, targets_json, before_json, after_json, undoes)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [space, next, e.at, e.actor.id, e.actor.name, e.action, e.summary, JSON.stringify(e.targets), JSON.stringify(e.before), JSON.stringify(e.after), e.undoes],
  );
  return { ...e, seq: next, undoneBy: null };
}

/** Runs inside withTx: everything it writes is rolled back if anything throws. */
export async function commitAuditedPg(c: Client, a: AuditedChange): Promise<AuditEntry> {
  if (!a.changes.length) throw new Error('commit needs at least one change');
  await c.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [JSON.stringify(['audit', a.space])]);
  const targets = a.changes.map((ch: Change) => ch.target);
  const before: State[] = [];
  for (const t of targets) before.push(await readStatePg(c, a.space, t));
  for (const ch of a.changes) await writeStatePg(c, a.space, ch.target, ch.after);
  // Read back rather than trusting the input: the log holds exactly what is stored.
  const after: State[] = [];
  for (const t of targets) after.push(await readStatePg(c, a.space, t));
  const actor: Actor = a.actor;
  return insertEntryPg(c, a.space, { at: a.at, actor, action: a.action, summary: clip(a.summary, 1000), targets, before, after, undoes: null });
}

export async function auditLogPg(c: Queryable, space: string): Promise<AuditEntry[]> {
  const rows = (await c.query('SELECT * FROM mod_audit WHERE space = $1 ORDER BY seq', [space])).rows as AuditRow[];
  return rows.map(toEntry);
}
