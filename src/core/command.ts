/** What a command module provides: its spec (help text, options), a zod argument schema and a run function. */
import type { z } from 'zod';
import type { TypedArgs } from './typed-args.ts';
import type { CorpusRepo } from '../corpus/repo.ts';
import type { DB } from '../db/open.ts';
import type { PeopleIndex } from '../people/index.ts';
import type { ActionStore } from './actions.ts';
import type { CommandSpec, Suggestion } from './bot-api.ts';
import type { Reply } from './reply.ts';
import type { Request, Where } from './request.ts';

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
  /** The corpus folder, for a space's moderators to add readings to; absent where the bot cannot write it. */
  corpus?: CorpusFolder;
}

export interface CorpusFolder {
  dir: string;
  /** Hosts a reading may be downloaded from (the platforms' file hosts, and any the operator adds). */
  fileHosts: readonly string[];
  /** Headers a download from a host needs (Slack's files: the bot's token). */
  fileHeaders: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** Rebuilds the index after the folder changed; the next request sees the new corpus. */
  reindex(): void;
}

export interface SpaceState {
  key: string;
  /** This request's value of one of the space's settings (hidden passages, moderator roles, a source's note): read on first use, then kept. */
  once<T>(name: string, read: () => T): T;
}

export interface Command<A = unknown> {
  spec: CommandSpec;
  /** Raw argument text → typed arguments. Messages are shown to the user as they are. */
  schema: z.ZodType<A, string>;
  /**
   * Typed values (Discord's options) → typed arguments, with the text grammar's checks. Needed when
   * the spec has subcommands or more than one option; a one-option command reads its value with `schema`.
   */
  typed?: z.ZodType<A, TypedArgs>;
  run(ctx: CommandContext, args: A, req: Request): Reply | Promise<Reply>;
  /** Autocomplete values for one of its options marked `autocomplete` (at most 25). */
  suggest?(ctx: CommandContext, option: string, partial: string, where: Where): Suggestion[];
  /** A curatable command's title for a pinned answer, which is shown without running the command; null for a generic one. */
  curatedTitle?(ctx: CommandContext, args: A): string | null;
}

export { cleanText, MAX_ARGS } from './command-text.ts';

export function defineCommand<A>(c: Command<A>): Command<A> {
  return c;
}
