/**
 * The state store on the SQLite file the app uses today, through the app's own functions
 * (recordAnswer, claimSlot, commitChanges…): what the store promises on SQLite is what the app does.
 */
import { latestMigration, migrate, openStateFile, type DB } from '../db/open.ts';
import { commitChanges, listEntries, countEntries } from '../moderation/audit.ts';
import { getHidden } from '../moderation/hidden-store.ts';
import { modRoles } from '../moderation/roles-store.ts';
import { recordAnswer } from '../quiz/answers.ts';
import { createRun, insertPost } from '../quiz/posts.ts';
import { addSchedule } from '../quiz/schedule.ts';
import { claimSlot, finishSlot } from '../quiz/slot-claims.ts';
import { MigrationsAheadError } from './errors.ts';
import type { AnswerArgs, AuditedChange, ClaimArgs, MigrationState, NewPost, NewSchedule, SlotState, StateStore, Totals } from './types.ts';

export class SqliteStateStore implements StateStore {
  readonly backend = 'sqlite' as const;
  readonly where: string;
  /** Exposed for what the store does not cover yet: the app still runs on this connection. */
  readonly db: DB;

  constructor(readonly file: string) {
    this.db = openStateFile(file);
    this.where = `SQLite ${file}`;
  }

  async migrationState(): Promise<MigrationState> {
    return { current: this.db.pragma('user_version', { simple: true }) as number, latest: latestMigration() };
  }

  async migrate(): Promise<MigrationState> {
    const before = await this.migrationState();
    if (before.current > before.latest) throw new MigrationsAheadError(this.where, before.current, before.latest);
    migrate(this.db);
    return this.migrationState();
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  async addSchedule(s: NewSchedule): Promise<{ id: number } | { error: string }> {
    const r = addSchedule(this.db, s.space, s.where, s.spec, s.createdBy, s.now);
    return 'error' in r ? r : { id: r.id };
  }

  async openPost(p: NewPost) {
    const db = this.db;
    return db.transaction(() => {
      const run = createRun(db, {
        space: p.space,
        where: p.where,
        topic: null,
        questions: [{ id: p.questionId, body: p.body }],
        forUser: p.forUser,
        createdBy: p.createdBy,
        createdAt: p.now,
      });
      const post = insertPost(db, run, 1, p.now, p.openMs);
      if (!post) throw new Error(`run #${run.id} was posted already`);
      return post;
    })();
  }

  async recordAnswer(a: AnswerArgs) {
    return recordAnswer(this.db, a);
  }

  async totals(space: string, userId: string): Promise<Totals | null> {
    const r = this.db
      .prepare('SELECT user_name AS name, answered, right, streak, best_streak AS bestStreak FROM quiz_totals WHERE space = ? AND user_id = ?')
      .get(space, userId) as Totals | undefined;
    return r ?? null;
  }

  async review(space: string, userId: string, questionId: string) {
    const r = this.db
      .prepare('SELECT step, due_at AS dueAt FROM quiz_reviews WHERE space = ? AND user_id = ? AND question_id = ?')
      .get(space, userId, questionId) as { step: number; dueAt: number } | undefined;
    return r ?? null;
  }

  async scoredAnswers(space: string, userId: string, questionId: string): Promise<number> {
    return this.db
      .prepare('SELECT count(*) FROM quiz_answers WHERE space = ? AND user_id = ? AND question_id = ? AND practice = 0')
      .pluck()
      .get(space, userId, questionId) as number;
  }

  async claimSlot(a: ClaimArgs) {
    return claimSlot(this.db, a);
  }

  async finishSlot(scheduleId: number, slot: number, outcome: 'posted' | 'failed', at: number, error: string | null): Promise<void> {
    finishSlot(this.db, scheduleId, slot, outcome, outcome === 'posted' ? at : null, error);
  }

  async slotState(scheduleId: number, slot: number): Promise<SlotState | null> {
    const r = this.db
      .prepare('SELECT owner, attempts, outcome, lease_until AS leaseUntil, error FROM quiz_slots WHERE schedule_id = ? AND slot_time = ?')
      .get(scheduleId, slot) as SlotState | undefined;
    return r ?? null;
  }

  async commitAudited(c: AuditedChange) {
    return commitChanges(this.db, c.space, c.actor, c.at, () => c.at, c.action, c.summary, c.changes);
  }

  async auditLog(space: string) {
    return listEntries(this.db, space, countEntries(this.db, space), 0).reverse();
  }

  async hidden(space: string, passage: string) {
    return getHidden(this.db, space, passage);
  }

  async modRoles(space: string): Promise<string[]> {
    return modRoles(this.db, space);
  }
}
