/**
 * The one contract every adapter (Discord, Slack, the console) meets once started: `sourcebook
 * start` posts scheduled quizzes through `post` and shuts every adapter down through `stop`,
 * with no case for any platform.
 */
import type { Reply } from './reply.ts';
import type { Platform, Where } from './request.ts';

export interface PostOptions {
  /** The same for every attempt at one slot: the platform drops a second message carrying it. */
  idempotencyKey?: string;
}

export interface RunningAdapter {
  /** Whose channels `post` reaches. */
  readonly platform: Platform;
  /** Posts `reply` in `where.channel` unprompted (a scheduled quiz). Long replies page; mentions are off. Rejects when the platform refuses. */
  post(where: Where, reply: Reply, opts?: PostOptions): Promise<void>;
  /** Stops taking events, lets those in flight finish, then disconnects. Idempotent. */
  stop(): Promise<void>;
  /** Settles when the adapter ends by itself (the console when its user quits); the bots run until stopped. */
  readonly done: Promise<void>;
}
