/** What a command module provides: its spec (help text, options), a zod argument schema and a run function. */
import { z } from 'zod';
import { wellFormed } from './text-safe.ts';
import type { CorpusRepo } from '../corpus/repo.ts';
import type { DB } from '../db/open.ts';
import type { PeopleIndex } from '../people/index.ts';
import type { ActionStore } from './actions.ts';
import type { CommandSpec } from './bot-api.ts';
import type { Reply } from './reply.ts';
import type { Request } from './request.ts';

export interface CommandContext {
  db: DB;
  repo: CorpusRepo;
  people: PeopleIndex;
  actions: ActionStore;
  now: () => Date;
  /** Every command's spec, in /help's order: the app's registry, handed down so no command imports it. */
  specs: readonly CommandSpec[];
  /** The asking space's settings, each read at most once per request (the app sets it for every request). */
  space?: SpaceState;
}

export interface SpaceState {
  key: string;
  /** Passages this space's moderators hid from answers and quizzes. */
  hidden(): ReadonlySet<string>;
}

export interface Command<A = unknown> {
  spec: CommandSpec;
  /** Raw argument text → typed arguments. Messages are shown to the user as they are. */
  schema: z.ZodType<A, string>;
  run(ctx: CommandContext, args: A, req: Request): Reply | Promise<Reply>;
  /** A curatable command's title for a pinned answer, which is shown without running the command; null for a generic one. */
  curatedTitle?(ctx: CommandContext, args: A): string | null;
}

/** Longest argument text any command accepts; beyond it the user is told, not truncated silently. */
export const MAX_ARGS = 500;

/**
 * The shared first step of every schema: Unicode-normalised, control characters removed,
 * whitespace collapsed, length checked.
 */
export function cleanText(opts: { max?: number; emptyMessage?: string } = {}) {
  const max = opts.max ?? MAX_ARGS;
  return z
    .string()
    .transform((s) =>
      wellFormed(s)
        .normalize('NFC')
        // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this removes
        .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/g, ' ')
        .replace(/\s+/g, ' ')
        .trim(),
    )
    .pipe(
      z
        .string()
        .max(max, `That is too long: at most ${max} characters, please.`)
        .refine((s) => s.length > 0, opts.emptyMessage ?? 'This command needs some text after it.'),
    );
}

export function defineCommand<A>(c: Command<A>): Command<A> {
  return c;
}
