/**
 * What a moderator change can touch, and how to read and write each kind's state. The audit log
 * stores targets with their state before and after, so /undo works the same way for every kind.
 */
import { z } from 'zod';
import type { DB } from '../db/open.ts';
import { CurationKindSchema, CurationStateSchema, getCuration, putCuration } from './curation-store.ts';
import { HiddenStateSchema, getHidden, putHidden } from './hidden-store.ts';
import { readQuizCloseMinutes, readQuizPost, readQuizSchedule, writeQuizCloseMinutes, writeQuizPost, writeQuizSchedule } from './quiz-admin-targets.ts';
import { readQuizApproval, readQuizQuestion, writeQuizApproval, writeQuizQuestion } from './quiz-targets.ts';
import { ReportStateSchema, getReportState, putReportState } from './report-store.ts';
import { RoleStateSchema, getRole, putRole } from './roles-store.ts';
import { SourceNoteStateSchema, getSourceNote, putSourceNote } from './source-note-store.ts';
import { SourceOffStateSchema, getSourceOff, putSourceOff } from './sources-off-store.ts';

export const TargetSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('curation'), command: z.string().max(32), key: z.string().max(600), kind: CurationKindSchema }),
  z.object({ type: z.literal('hidden'), passage: z.string().max(40) }),
  z.object({ type: z.literal('source-note'), source: z.string().max(100) }),
  z.object({ type: z.literal('source-off'), source: z.string().max(100) }),
  z.object({ type: z.literal('report'), seq: z.number().int().positive() }),
  z.object({ type: z.literal('modrole'), role: z.string().max(64) }),
  z.object({ type: z.literal('quiz-question'), id: z.string().max(40) }),
  z.object({ type: z.literal('quiz-approval') }),
  z.object({ type: z.literal('quiz-close-minutes') }),
  z.object({ type: z.literal('quiz-schedule'), id: z.number().int().positive() }),
  z.object({ type: z.literal('quiz-post'), id: z.number().int().positive() }),
]);
export type Target = z.infer<typeof TargetSchema>;

export { StateRefused } from './quiz-admin-targets.ts';

/** A target's state: one of the kinds' state objects, or null when absent. */
export type State = Record<string, unknown> | null;

export function readState(db: DB, space: string, t: Target): State {
  switch (t.type) {
    case 'curation':
      return getCuration(db, space, t);
    case 'hidden':
      return getHidden(db, space, t.passage);
    case 'source-note':
      return getSourceNote(db, space, t.source);
    case 'source-off':
      return getSourceOff(db, space, t.source);
    case 'report':
      return getReportState(db, space, t.seq);
    case 'modrole':
      return getRole(db, space, t.role);
    case 'quiz-question':
      return readQuizQuestion(db, space, t.id);
    case 'quiz-approval':
      return readQuizApproval(db, space);
    case 'quiz-close-minutes':
      return readQuizCloseMinutes(db, space);
    case 'quiz-schedule':
      return readQuizSchedule(db, space, t.id);
    case 'quiz-post':
      return readQuizPost(db, space, t.id);
  }
}

/**
 * Validates the state for its kind before writing: a malformed state throws and the transaction
 * rolls back. `now` is the change's time (a question past its time cannot be reopened).
 */
export function writeState(db: DB, space: string, t: Target, state: unknown, now: number): void {
  switch (t.type) {
    case 'curation':
      return putCuration(db, space, t, CurationStateSchema.nullable().parse(state));
    case 'hidden':
      return putHidden(db, space, t.passage, HiddenStateSchema.nullable().parse(state));
    case 'source-note':
      return putSourceNote(db, space, t.source, SourceNoteStateSchema.nullable().parse(state));
    case 'source-off':
      return putSourceOff(db, space, t.source, SourceOffStateSchema.nullable().parse(state));
    case 'report':
      return putReportState(db, space, t.seq, ReportStateSchema.nullable().parse(state));
    case 'modrole':
      return putRole(db, space, t.role, RoleStateSchema.nullable().parse(state));
    case 'quiz-question':
      return writeQuizQuestion(db, space, t.id, state);
    case 'quiz-approval':
      return writeQuizApproval(db, space, state);
    case 'quiz-close-minutes':
      return writeQuizCloseMinutes(db, space, state);
    case 'quiz-schedule':
      return writeQuizSchedule(db, space, t.id, state, now);
    case 'quiz-post':
      return writeQuizPost(db, space, t.id, state, now);
  }
}

export function sameState(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}
