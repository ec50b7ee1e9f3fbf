/**
 * Quiz questions and the approval setting as audit targets: read through the quiz bank's own
 * functions, and restored by /undo through them too, so the bank's validation applies to undo.
 */
import { z } from 'zod';
import type { DB } from '../db/open.ts';
import { approveQuestion, editQuestion, getQuestion, rejectQuestion, setApproval } from '../quiz/bank.ts';
import { getSettings } from '../quiz/settings.ts';
import { QuestionBodySchema, STATUSES, type QuestionSnapshot, type QuestionStatus } from '../quiz/types.ts';

/** A question as the audit log holds it: the bank's snapshot, body checked by the bank's own schema. */
export const QuizQuestionStateSchema = z
  .looseObject({ id: z.string().max(40), origin: z.enum(['generated', 'moderator']), space: z.string(), status: z.enum(STATUSES) })
  .superRefine((q, ctx) => {
    const body = QuestionBodySchema.safeParse(q);
    if (!body.success) ctx.addIssue({ code: 'custom', message: body.error.issues[0]?.message ?? 'not a quiz question' });
  });

export const QuizApprovalStateSchema = z.object({ approval: z.boolean() });

export function readQuizQuestion(db: DB, space: string, id: string): Record<string, unknown> | null {
  const q = getQuestion(db, space, id);
  return q ? { ...q } : null;
}

function must(change: { ok: true } | { ok: false; error: string }): void {
  if (!change.ok) throw new Error(change.error);
}

function bodyJson(q: Pick<QuestionSnapshot, 'prompt' | 'stem' | 'options' | 'answer' | 'passageId' | 'quote' | 'note' | 'noteBy'>): string {
  return JSON.stringify([q.prompt, q.stem, q.options, q.answer, q.passageId, q.quote, q.note ?? '', q.noteBy ?? null]);
}

function setStatus(db: DB, space: string, id: string, status: QuestionStatus): void {
  if (status === 'approved') return must(approveQuestion(db, space, id));
  if (status === 'rejected') return must(rejectQuestion(db, space, id));
  // The bank has no call for "back to pending" (only /undo needs it); its per-space status row is set directly.
  db.prepare(
    `INSERT INTO quiz_question_space (space, question_id, status, override_json, updated_at) VALUES (?, ?, 'pending', NULL, ?)
     ON CONFLICT(space, question_id) DO UPDATE SET status = 'pending', updated_at = excluded.updated_at`,
  ).run(space, id, Date.now());
}

/**
 * Restores a question to `state`. Null (undoing /review quiz add) retires the question as rejected
 * rather than deleting it: posts and review piles may still refer to it.
 */
export function writeQuizQuestion(db: DB, space: string, id: string, state: unknown): void {
  const current = getQuestion(db, space, id);
  if (!current) throw new Error(`quiz question ${id} does not exist in this space`);
  if (state === null) return must(rejectQuestion(db, space, id));
  const want = QuizQuestionStateSchema.parse(state) as unknown as QuestionSnapshot;
  if (bodyJson(want) !== bodyJson(current)) {
    const { prompt, stem, options, answer, passageId, quote } = want;
    must(
      editQuestion(db, space, id, { prompt, stem, options, answer, passageId, quote, note: want.note ?? '', ...(want.noteBy ? { noteBy: want.noteBy } : {}) }),
    );
  }
  if (want.status !== getQuestion(db, space, id)!.status) setStatus(db, space, id, want.status);
}

export function readQuizApproval(db: DB, space: string): Record<string, unknown> {
  return { approval: getSettings(db, space).approval };
}

export function writeQuizApproval(db: DB, space: string, state: unknown): void {
  setApproval(db, space, QuizApprovalStateSchema.parse(state).approval);
}
