/** The parent rows answers and slots need (schedules, runs, posts), as src/quiz/schedule.ts and posts.ts write them. */
import { toPost, type Post } from '../../quiz/posts.ts';
import { MAX_SCHEDULES_PER_CHANNEL } from '../../quiz/schedule.ts';
import type { NewPost, NewSchedule } from '../types.ts';
import type { Client } from './pool.ts';

/** In withTx; a per-channel lock keeps the count check and the insert together, as addSchedule's IMMEDIATE transaction does. */
export async function addSchedulePg(c: Client, s: NewSchedule): Promise<{ id: number } | { error: string }> {
  await c.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [JSON.stringify(['schedules', s.space, s.where.channel])]);
  const n = (await c.query('SELECT count(*) AS n FROM quiz_schedules WHERE space = $1 AND channel = $2 AND removed_at IS NULL', [s.space, s.where.channel]))
    .rows[0].n as number;
  if (n >= MAX_SCHEDULES_PER_CHANNEL) return { error: `This channel already has ${n} schedules; remove one first (/quiz schedule list).` };
  const { spec } = s;
  const r = await c.query(
    `INSERT INTO quiz_schedules (space, channel, where_json, pattern, label, timezone, topic, count, max_late_minutes, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
    [
      s.space,
      s.where.channel,
      JSON.stringify(s.where),
      spec.pattern,
      spec.label,
      spec.timezone,
      spec.topic,
      spec.count,
      spec.maxLateMinutes,
      s.createdBy,
      s.now,
    ],
  );
  return { id: r.rows[0].id as number };
}

/** In withTx: a one-question run and its first post. */
export async function openPostPg(c: Client, p: NewPost): Promise<Post> {
  const run = await c.query(
    'INSERT INTO quiz_runs (space, where_json, topic, questions_json, for_user, created_by, created_at) VALUES ($1, $2, NULL, $3, $4, $5, $6) RETURNING id',
    [p.space, JSON.stringify(p.where), JSON.stringify([{ id: p.questionId, body: p.body }]), p.forUser, p.createdBy, p.now],
  );
  const row = await c.query(
    `INSERT INTO quiz_posts (run_id, run_index, space, question_id, body_json, for_user, created_at, closes_at)
     VALUES ($1, 1, $2, $3, $4, $5, $6, $7) RETURNING *`,
    [run.rows[0].id, p.space, p.questionId, JSON.stringify(p.body), p.forUser, p.now, p.now + p.openMs],
  );
  const post = toPost(row.rows[0]);
  if (!post) throw new Error('the new post did not read back');
  return post;
}
