/**
 * The audit log and the one write path for moderator changes: `commit` reads each target's state,
 * writes the new state and logs before/after in a single transaction, so a failure anywhere leaves
 * nothing half-written. `undo` restores an entry's before-state the same way, and is logged too.
 * Both read before they write, so their transactions take the write lock first (IMMEDIATE): with
 * several processes on one database, a deferred read-then-write fails with SQLITE_BUSY_SNAPSHOT
 * whenever another process commits in between, while an immediate one waits its turn.
 */
import { clip } from '../core/text-safe.ts';
import { z } from 'zod';
import type { CommandContext } from '../core/command.ts';
import type { Request } from '../core/request.ts';
import { spaceKey } from '../core/request.ts';
import type { DB } from '../db/open.ts';
import { isSpaceAdmin } from './permissions.ts';
import { stmt } from './sql.ts';
import { readState, sameState, StateRefused, TargetSchema, writeState, type State, type Target } from './targets.ts';
import { type Actor, ActorSchema, actorOf } from './actor.ts';

export interface Change {
  target: Target;
  /** The state to write; null removes it. */
  after: unknown;
}

const StatesSchema = z.array(z.record(z.string(), z.unknown()).nullable());

export const AuditEntrySchema = z.object({
  seq: z.number().int().positive(),
  at: z.number().int(),
  actor: ActorSchema,
  action: z.string().max(40),
  summary: z.string().max(1000),
  targets: z.array(TargetSchema).min(1),
  before: StatesSchema,
  after: StatesSchema,
  undoes: z.number().int().nullable(),
  undoneBy: z.number().int().nullable(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

/** A mod_audit row as both stores read it. */
export interface AuditRow {
  seq: number;
  at: number;
  actor_id: string;
  actor_name: string;
  action: string;
  summary: string;
  targets_json: string;
  before_json: string;
  after_json: string;
  undoes: number | null;
  undone_by: number | null;
}

export function toEntry(r: AuditRow): AuditEntry {
  const e = AuditEntrySchema.parse({
    seq: r.seq,
    at: r.at,
    actor: { id: r.actor_id, name: r.actor_name },
    action: r.action,
    summary: r.summary,
    targets: JSON.parse(r.targets_json) as unknown,
    before: JSON.parse(r.before_json) as unknown,
    after: JSON.parse(r.after_json) as unknown,
    undoes: r.undoes,
    undoneBy: r.undone_by,
  });
  if (e.before.length !== e.targets.length || e.after.length !== e.targets.length) throw new Error(`audit entry #${e.seq} is malformed`);
  return e;
}

function insertEntry(db: DB, space: string, e: Omit<AuditEntry, 'seq' | 'undoneBy'>): AuditEntry {
  const { next } = stmt(db, 'SELECT COALESCE(MAX(seq), 0) + 1 AS next FROM mod_audit WHERE space = ?').get(space) as { next: number };
  stmt(
    db,
    `INSERT INTO mod_audit (space, seq, at, actor_id, actor_name, action, summary, targets_json, before_json, after_json, undoes)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    space,
    next,
    e.at,
    e.actor.id,
    e.actor.name,
    e.action,
    e.summary,
    JSON.stringify(e.targets),
    JSON.stringify(e.before),
    JSON.stringify(e.after),
    e.undoes,
  );
  return { ...e, seq: next, undoneBy: null };
}

/** What a change did: the targets it touched and their state before it (their state after is read back). */
export interface Applied {
  targets: Target[];
  before: State[];
}

/** Thrown inside the transaction to roll back a change that another module refused with a message. */
class Refused extends Error {}

/**
 * Runs `apply` and logs what it did, in one transaction: if `apply` returns a message (refused) or
 * anything throws, every write it made is rolled back and nothing is logged.
 */
export function record(ctx: CommandContext, req: Request, action: string, summary: string, apply: () => Applied | string): AuditEntry | { refused: string } {
  return recordIn(ctx.db, spaceKey(req.where), actorOf(req), () => ctx.now().getTime(), action, summary, apply);
}

/** `record` for a space and actor rather than a request. */
function recordIn(
  db: DB,
  space: string,
  actor: Actor,
  at: () => number,
  action: string,
  summary: string,
  apply: () => Applied | string,
): AuditEntry | { refused: string } {
  try {
    return db
      .transaction(() => {
        const applied = apply();
        if (typeof applied === 'string') throw new Refused(applied);
        if (!applied.targets.length || applied.before.length !== applied.targets.length)
          throw new Error('a change must name its targets and their before-states');
        // Read back rather than trusting the input: the log holds exactly what is stored.
        const after = applied.targets.map((t) => readState(db, space, t));
        return insertEntry(db, space, {
          at: at(),
          actor,
          action,
          summary: clip(summary, 1000),
          targets: applied.targets,
          before: applied.before,
          after,
          undoes: null,
        });
      })
      .immediate();
  } catch (err) {
    if (err instanceof Refused) return { refused: err.message };
    throw err;
  }
}

/** Applies the changes and logs them, all or nothing. */
export function commit(ctx: CommandContext, req: Request, action: string, summary: string, changes: Change[]): AuditEntry {
  if (!changes.length) throw new Error('commit needs at least one change');
  return commitChanges(ctx.db, spaceKey(req.where), actorOf(req), ctx.now().getTime(), () => ctx.now().getTime(), action, summary, changes);
}

/**
 * `commit` for a space and actor: the changes are written at `now` and logged at `at()`, all or
 * nothing. The SQLite state store calls it, so its audited changes are the app's, statement for statement.
 */
export function commitChanges(
  db: DB,
  space: string,
  actor: Actor,
  now: number,
  at: () => number,
  action: string,
  summary: string,
  changes: Change[],
): AuditEntry {
  if (!changes.length) throw new Error('commit needs at least one change');
  const entry = recordIn(db, space, actor, at, action, summary, () => {
    const before = changes.map((c) => readState(db, space, c.target));
    for (const c of changes) writeState(db, space, c.target, c.after, now);
    return { targets: changes.map((c) => c.target), before };
  });
  if ('refused' in entry) throw new Error(entry.refused);
  return entry;
}

export function getEntry(db: DB, space: string, seq: number): AuditEntry | null {
  const row = stmt(db, 'SELECT * FROM mod_audit WHERE space = ? AND seq = ?').get(space, seq) as AuditRow | undefined;
  return row ? toEntry(row) : null;
}

export function countEntries(db: DB, space: string): number {
  return (stmt(db, 'SELECT count(*) AS n FROM mod_audit WHERE space = ?').get(space) as { n: number }).n;
}

/** Newest first. */
export function listEntries(db: DB, space: string, limit: number, offset: number): AuditEntry[] {
  const rows = stmt(db, 'SELECT * FROM mod_audit WHERE space = ? ORDER BY seq DESC LIMIT ? OFFSET ?').all(space, limit, offset) as AuditRow[];
  return rows.map(toEntry);
}

export type UndoResult = { ok: true; entry: AuditEntry; original: AuditEntry } | { ok: false; title: string; message: string; refusal?: true };

/** Naming moderators is the admins' call, so undoing such a change is too (a moderator could otherwise restore a role an admin removed). */
export function needsAdmin(entry: AuditEntry): boolean {
  return entry.targets.some((t) => t.type === 'modrole');
}

export function mayUndo(req: Request, entry: AuditEntry): boolean {
  return !needsAdmin(entry) || isSpaceAdmin(req);
}

/**
 * Restores what entry `seq` changed, if nothing has changed those targets since (otherwise a later
 * change would be silently overwritten: the moderator undoes that one first).
 */
export function undo(ctx: CommandContext, req: Request, seq: number): UndoResult {
  const space = spaceKey(req.where);
  const now = ctx.now().getTime();
  const attempt = ctx.db.transaction((): UndoResult => {
    const original = getEntry(ctx.db, space, seq);
    if (!original) return { ok: false, title: 'No such change', message: `There is no change #${seq} in this group's audit log. See /review log.` };
    if (!mayUndo(req, original)) {
      return {
        ok: false,
        refusal: true,
        title: 'Admins only',
        message: `Change #${seq} changed who moderates here; only this group’s admins can undo it. Nothing was changed.`,
      };
    }
    if (original.undoneBy !== null) {
      return {
        ok: false,
        title: 'Already undone',
        message: `Change #${seq} was already undone by #${original.undoneBy}. Undo #${original.undoneBy} to bring it back.`,
      };
    }
    const current = original.targets.map((t) => readState(ctx.db, space, t));
    if (current.some((s, i) => !sameState(s, original.after[i]))) {
      return {
        ok: false,
        title: 'Changed since',
        message: `What change #${seq} touched has been changed again since. Undo the later change first (see /review log); nothing was changed.`,
      };
    }
    original.targets.forEach((t, i) => writeState(ctx.db, space, t, original.before[i] ?? null, now));
    const entry = insertEntry(ctx.db, space, {
      at: now,
      actor: actorOf(req),
      action: 'undo',
      summary: clip(`Undid #${seq}: ${original.summary}`, 1000),
      targets: original.targets,
      before: current,
      after: original.targets.map((t) => readState(ctx.db, space, t)),
      undoes: seq,
    });
    stmt(ctx.db, 'UPDATE mod_audit SET undone_by = ? WHERE space = ? AND seq = ?').run(entry.seq, space, seq);
    // Undoing an undo re-applies the original change, which is then no longer undone.
    if (original.undoes !== null) stmt(ctx.db, 'UPDATE mod_audit SET undone_by = NULL WHERE space = ? AND seq = ?').run(space, original.undoes);
    return { ok: true, entry, original };
  });
  try {
    return attempt.immediate();
  } catch (err) {
    // A state that cannot come back (a question whose time ran out): said plainly, nothing restored.
    if (err instanceof StateRefused) return { ok: false, title: 'Cannot undo', message: `${err.message} Nothing was changed.` };
    throw err;
  }
}
