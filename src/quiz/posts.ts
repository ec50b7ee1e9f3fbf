/** Runs and posts as stored: a run is the list of questions /quiz chose; a post is one of them shown in a channel. */
import { z } from 'zod';
import type { DB } from '../db/open.ts';
import type { Where } from '../core/request.ts';
import { upgradeBody } from './legacy.ts';
import { QuestionBodySchema, type QuestionBody } from './types.ts';

const WhereSchema = z.object({ platform: z.enum(['discord', 'slack', 'console']), space: z.string(), channel: z.string() });
const RunQuestions = z
  .array(z.object({ id: z.string(), body: QuestionBodySchema }))
  .min(1)
  .max(10);

export interface Run {
  id: number;
  space: string;
  where: Where;
  topic: string | null;
  questions: { id: string; body: QuestionBody }[];
  /** Set for a personal review run: only this user may answer. */
  forUser: string | null;
  createdBy: string;
  createdAt: number;
}

export interface Post {
  id: number;
  runId: number;
  /** 1-based position in the run. */
  runIndex: number;
  space: string;
  questionId: string;
  body: QuestionBody;
  forUser: string | null;
  createdAt: number;
  closesAt: number;
  closedAt: number | null;
  closedBy: string | null;
}

const RunRow = z.object({
  id: z.number(),
  space: z.string(),
  where_json: z.string(),
  topic: z.string().nullable(),
  questions_json: z.string(),
  for_user: z.string().nullable(),
  created_by: z.string(),
  created_at: z.number(),
});

const PostRow = z.object({
  id: z.number(),
  run_id: z.number(),
  run_index: z.number(),
  space: z.string(),
  question_id: z.string(),
  body_json: z.string(),
  for_user: z.string().nullable(),
  created_at: z.number(),
  closes_at: z.number(),
  closed_at: z.number().nullable(),
  closed_by: z.string().nullable(),
});

function json(s: string): unknown {
  try {
    return JSON.parse(s);
  } catch {
    return null;
  }
}

export function createRun(db: DB, r: Omit<Run, 'id'>): Run {
  const info = db
    .prepare('INSERT INTO quiz_runs (space, where_json, topic, questions_json, for_user, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(r.space, JSON.stringify(r.where), r.topic, JSON.stringify(r.questions), r.forUser, r.createdBy, r.createdAt);
  return { ...r, id: Number(info.lastInsertRowid) };
}

export function getRun(db: DB, id: number): Run | null {
  const raw = db.prepare('SELECT * FROM quiz_runs WHERE id = ?').get(id);
  const row = raw ? RunRow.safeParse(raw) : null;
  if (!row?.success) return null;
  const where = WhereSchema.safeParse(json(row.data.where_json));
  const questions = RunQuestions.safeParse(json(row.data.questions_json));
  if (!where.success || !questions.success) return null;
  const d = row.data;
  const upgraded = questions.data.map((q) => ({ ...q, body: upgradeBody(q.body) }));
  return {
    id: d.id,
    space: d.space,
    where: where.data,
    topic: d.topic,
    questions: upgraded,
    forUser: d.for_user,
    createdBy: d.created_by,
    createdAt: d.created_at,
  };
}

/** A quiz_posts row as either store reads it; null when it does not hold a valid post. */
export function toPost(raw: unknown): Post | null {
  const row = raw ? PostRow.safeParse(raw) : null;
  if (!row?.success) return null;
  const body = QuestionBodySchema.safeParse(json(row.data.body_json));
  if (!body.success) return null;
  const d = row.data;
  return {
    id: d.id,
    runId: d.run_id,
    runIndex: d.run_index,
    space: d.space,
    questionId: d.question_id,
    body: upgradeBody(body.data),
    forUser: d.for_user,
    createdAt: d.created_at,
    closesAt: d.closes_at,
    closedAt: d.closed_at,
    closedBy: d.closed_by,
  };
}

export function getPost(db: DB, id: number): Post | null {
  return toPost(db.prepare('SELECT * FROM quiz_posts WHERE id = ?').get(id));
}

export function postAt(db: DB, runId: number, index: number): Post | null {
  return toPost(db.prepare('SELECT * FROM quiz_posts WHERE run_id = ? AND run_index = ?').get(runId, index));
}

/**
 * Posts question `index` of a run; null when it is already posted (someone else clicked "Next"
 * first). The UNIQUE (run_id, run_index) key decides, across processes too.
 */
export function insertPost(db: DB, run: Run, index: number, now: number, openMs: number): Post | null {
  const q = run.questions[index - 1];
  if (!q) return null;
  const info = db
    .prepare(
      `INSERT OR IGNORE INTO quiz_posts (run_id, run_index, space, question_id, body_json, for_user, created_at, closes_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(run.id, index, run.space, q.id, JSON.stringify(q.body), run.forUser, now, now + openMs);
  return info.changes ? getPost(db, Number(info.lastInsertRowid)) : null;
}

export function isClosed(p: Post, now: number): boolean {
  return p.closedAt !== null || now >= p.closesAt;
}

/** Marks a post closed; true only for the caller that closed it (exactly one, across processes). */
export function markClosed(db: DB, id: number, by: string, at: number): boolean {
  return db.prepare('UPDATE quiz_posts SET closed_at = ?, closed_by = ? WHERE id = ? AND closed_at IS NULL').run(at, by, id).changes === 1;
}

/** Sets a post's closed state as it was (what /undo of /quiz close calls); false when the post is not in `space`. */
export function setClosedState(db: DB, space: string, id: number, closedAt: number | null, closedBy: string | null): boolean {
  return db.prepare('UPDATE quiz_posts SET closed_at = ?, closed_by = ? WHERE id = ? AND space = ?').run(closedAt, closedBy, id, space).changes === 1;
}

export interface Tally {
  answered: number;
  right: number;
}

export function tally(db: DB, postId: number): Tally {
  const r = db.prepare('SELECT count(*) AS answered, coalesce(sum(correct), 0) AS right FROM quiz_answers WHERE post_id = ?').get(postId) as Tally;
  return { answered: r.answered, right: r.right };
}

/** Public posts whose time is up but which nobody has closed yet. */
export function expiredOpenPosts(db: DB, now: number, limit = 50): Post[] {
  return (
    db
      .prepare('SELECT * FROM quiz_posts WHERE closed_at IS NULL AND closes_at <= ? AND for_user IS NULL ORDER BY closes_at LIMIT ?')
      .all(now, limit) as unknown[]
  )
    .map(toPost)
    .filter((p): p is Post => p !== null);
}
