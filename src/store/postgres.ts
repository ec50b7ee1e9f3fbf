/** The state store on PostgreSQL: one pool, each operation one transaction (or one atomic statement). */
import { auditLogPg, commitAuditedPg, hiddenPg } from './pg/audit.ts';
import { recordAnswerPg } from './pg/answers.ts';
import { migratePg, pgMigrationState } from './pg/migrate.ts';
import { createPool, query, statements, withTx, type Pg, type PoolOptions } from './pg/pool.ts';
import { addSchedulePg, openPostPg } from './pg/setup.ts';
import { claimSlotPg, finishSlotPg, slotStatePg } from './pg/slots.ts';
import { maskUrl } from './mask.ts';
import type { AnswerArgs, AuditedChange, ClaimArgs, MigrationState, NewPost, NewSchedule, StateStore, Totals } from './types.ts';

export interface PostgresOptions extends PoolOptions {
  /** Another migrations folder (tests: a migration newer than the code). */
  migrationsDir?: string;
}

function userOf(url: string): string {
  try {
    return decodeURIComponent(new URL(url).username) || process.env.PGUSER || 'the default user';
  } catch {
    return 'the user in DATABASE_URL';
  }
}

export class PostgresStateStore implements StateStore {
  readonly backend = 'postgres' as const;
  readonly where: string;
  private readonly pg: Pg;

  constructor(
    url: string,
    private readonly opts: PostgresOptions = {},
  ) {
    this.where = `PostgreSQL ${maskUrl(url)}`;
    this.pg = { pool: createPool(url, opts), where: this.where, user: userOf(url) };
  }

  migrationState(): Promise<MigrationState> {
    return pgMigrationState(this.pg, this.opts.migrationsDir);
  }

  migrate(): Promise<MigrationState> {
    return migratePg(this.pg, this.opts.migrationsDir);
  }

  async close(): Promise<void> {
    if (!this.pg.pool.ended) await this.pg.pool.end();
  }

  addSchedule(s: NewSchedule) {
    return withTx(this.pg, (c) => addSchedulePg(c, s));
  }

  openPost(p: NewPost) {
    return withTx(this.pg, (c) => openPostPg(c, p));
  }

  recordAnswer(a: AnswerArgs) {
    return withTx(this.pg, (c) => recordAnswerPg(c, a));
  }

  async totals(space: string, userId: string): Promise<Totals | null> {
    const r = await query<Totals>(
      this.pg,
      'SELECT user_name AS name, answered, "right", streak, best_streak AS "bestStreak" FROM quiz_totals WHERE space = $1 AND user_id = $2',
      [space, userId],
    );
    return r.rows[0] ?? null;
  }

  async review(space: string, userId: string, questionId: string) {
    const r = await query<{ step: number; dueAt: number }>(
      this.pg,
      'SELECT step, due_at AS "dueAt" FROM quiz_reviews WHERE space = $1 AND user_id = $2 AND question_id = $3',
      [space, userId, questionId],
    );
    return r.rows[0] ?? null;
  }

  async scoredAnswers(space: string, userId: string, questionId: string): Promise<number> {
    const r = await query<{ n: number }>(
      this.pg,
      'SELECT count(*) AS n FROM quiz_answers WHERE space = $1 AND user_id = $2 AND question_id = $3 AND practice = 0',
      [space, userId, questionId],
    );
    return r.rows[0]!.n;
  }

  claimSlot(a: ClaimArgs) {
    return claimSlotPg(this.pg, a);
  }

  finishSlot(scheduleId: number, slot: number, outcome: 'posted' | 'failed', at: number, error: string | null): Promise<void> {
    return finishSlotPg(this.pg, scheduleId, slot, outcome, outcome === 'posted' ? at : null, error);
  }

  slotState(scheduleId: number, slot: number) {
    return slotStatePg(this.pg, scheduleId, slot);
  }

  commitAudited(c: AuditedChange) {
    return withTx(this.pg, (client) => commitAuditedPg(client, c));
  }

  auditLog(space: string) {
    return auditLogPg(statements(this.pg), space);
  }

  hidden(space: string, passage: string) {
    return hiddenPg(statements(this.pg), space, passage);
  }

  async modRoles(space: string): Promise<string[]> {
    const r = await query<{ role_id: string }>(this.pg, 'SELECT role_id FROM mod_roles WHERE space = $1 ORDER BY at, role_id', [space]);
    return r.rows.map((row) => row.role_id);
  }
}
