/**
 * The state store seam (issue #16): the operations behind the guarantees state must keep on any
 * database, as atomic async calls. SQLite (sqlite.ts) runs the app's own functions; PostgreSQL
 * (postgres.ts) runs the same operations in its dialect, with locks where SQLite's single writer
 * used to give the guarantee for free. One contract suite (test/store) holds both to the same results.
 */
import type { Where } from '../core/request.ts';
import type { Actor } from '../moderation/actor.ts';
import type { AuditEntry, Change } from '../moderation/audit.ts';
import type { HiddenState } from '../moderation/hidden-store.ts';
import type { Recorded } from '../quiz/answers.ts';
import type { Post } from '../quiz/posts.ts';
import type { ScheduleSpec } from '../quiz/schedule.ts';
import type { Claim, ClaimArgs } from '../quiz/slot-claims.ts';
import type { QuestionBody } from '../quiz/types.ts';

export type { AuditEntry, Change, Claim, ClaimArgs, Post, Recorded };

export interface MigrationState {
  /** The newest migration applied to the database (0 for a new one). */
  current: number;
  /** The newest migration this code has. */
  latest: number;
}

export interface NewSchedule {
  space: string;
  where: Where;
  spec: ScheduleSpec;
  createdBy: string;
  now: number;
}

/** A one-question run posted in a channel: the parent rows an answer needs. */
export interface NewPost {
  space: string;
  where: Where;
  questionId: string;
  body: QuestionBody;
  forUser: string | null;
  createdBy: string;
  now: number;
  openMs: number;
}

export interface AnswerArgs {
  post: Post;
  userId: string;
  userName: string;
  choice: number;
  now: number;
}

export interface Totals {
  name: string;
  answered: number;
  right: number;
  streak: number;
  bestStreak: number;
}

export interface ReviewState {
  step: number;
  dueAt: number;
}

export interface SlotState {
  owner: string;
  attempts: number;
  outcome: 'posted' | 'failed' | 'skipped' | null;
  leaseUntil: number | null;
  error: string | null;
}

/** Moderator changes written with their audit entry in one transaction. */
export interface AuditedChange {
  space: string;
  actor: Actor;
  /** When the changes are made and logged. */
  at: number;
  action: string;
  summary: string;
  changes: Change[];
}

export interface StateStore {
  readonly backend: 'sqlite' | 'postgres';
  /** Where the state lives, safe to print: a file, or a URL with its password masked. */
  readonly where: string;

  /** Applies pending migrations; throws MigrationsAheadError when the database is newer than this code. */
  migrate(): Promise<MigrationState>;
  /** Reads the migration state without changing anything. */
  migrationState(): Promise<MigrationState>;
  close(): Promise<void>;

  /** A schedule, or why not (a channel has at most MAX_SCHEDULES_PER_CHANNEL). */
  addSchedule(s: NewSchedule): Promise<{ id: number } | { error: string }>;
  openPost(p: NewPost): Promise<Post>;

  /** One answer per user and post, one scoring answer per user and question; review pile and totals in the same transaction. */
  recordAnswer(a: AnswerArgs): Promise<Recorded>;
  totals(space: string, userId: string): Promise<Totals | null>;
  review(space: string, userId: string, questionId: string): Promise<ReviewState | null>;
  /** Scoring answers of a user to a question (0 or 1 while the guarantee holds). */
  scoredAnswers(space: string, userId: string, questionId: string): Promise<number>;

  /** Claims a slot or takes over one whose lease ended; each slot is held by one claimant at a time. */
  claimSlot(a: ClaimArgs): Promise<Claim>;
  finishSlot(scheduleId: number, slot: number, outcome: 'posted' | 'failed', at: number, error: string | null): Promise<void>;
  slotState(scheduleId: number, slot: number): Promise<SlotState | null>;

  /** Applies the changes and writes their audit entry in one transaction, or nothing at all. */
  commitAudited(c: AuditedChange): Promise<AuditEntry>;
  /** Oldest first. */
  auditLog(space: string): Promise<AuditEntry[]>;
  hidden(space: string, passage: string): Promise<HiddenState | null>;
  modRoles(space: string): Promise<string[]>;
}
