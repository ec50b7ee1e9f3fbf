/**
 * Quiz administration as audit targets: how long questions stay open, scheduled posts, and a
 * moderator closing a question. Read and restored through the quiz modules' own functions, so
 * /undo applies the same rules as the commands (a channel's schedule limit, a question's time).
 */
import { z } from 'zod';
import type { DB } from '../db/open.ts';
import { getPost, setClosedState } from '../quiz/posts.ts';
import { getSchedule, putScheduleState, scheduleState, ScheduleStateSchema } from '../quiz/schedule.ts';
import { getSettings, MAX_CLOSE_MINUTES, setCloseMinutes } from '../quiz/settings.ts';

/** A state /undo cannot restore, for a reason the moderator can read; the undo changes nothing. */
export class StateRefused extends Error {}

export const QuizCloseMinutesStateSchema = z.object({ closeMinutes: z.number().int().min(1).max(MAX_CLOSE_MINUTES) });

export function readQuizCloseMinutes(db: DB, space: string): Record<string, unknown> {
  return { closeMinutes: getSettings(db, space).closeMinutes };
}

export function writeQuizCloseMinutes(db: DB, space: string, state: unknown): void {
  setCloseMinutes(db, space, QuizCloseMinutesStateSchema.parse(state).closeMinutes);
}

export function readQuizSchedule(db: DB, space: string, id: number): Record<string, unknown> | null {
  const s = getSchedule(db, space, id);
  return s ? { ...scheduleState(s) } : null;
}

export function writeQuizSchedule(db: DB, space: string, id: number, state: unknown, now: number): void {
  const problem = putScheduleState(db, space, id, ScheduleStateSchema.nullable().parse(state), now);
  if (problem) throw new StateRefused(problem.error);
}

export const QuizPostStateSchema = z.object({ closedAt: z.number().int().nullable(), closedBy: z.string().max(100).nullable() });

export function readQuizPost(db: DB, space: string, id: number): Record<string, unknown> | null {
  const p = getPost(db, id);
  return p && p.space === space ? { closedAt: p.closedAt, closedBy: p.closedBy } : null;
}

/** Reopening works only while the question's time is not up: a reopened post past its time would just close again. */
export function writeQuizPost(db: DB, space: string, id: number, state: unknown, now: number): void {
  const want = QuizPostStateSchema.parse(state);
  const post = getPost(db, id);
  if (!post || post.space !== space) throw new Error(`quiz question #${id} does not exist in this space`);
  if (want.closedAt === null && now >= post.closesAt) {
    throw new StateRefused(
      `Question #${id}’s open time ended ${new Date(post.closesAt).toISOString().slice(0, 16).replace('T', ' ')} UTC, so it cannot be reopened.`,
    );
  }
  setClosedState(db, space, id, want.closedAt, want.closedBy);
}
