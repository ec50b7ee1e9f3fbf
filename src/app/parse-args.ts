/** A request's arguments for its command: typed values through the command's `typed` schema, text through `schema`. */
import type { z } from 'zod';
import type { Command } from '../core/command.ts';
import type { Request } from '../core/request.ts';
import type { TypedArgs } from '../core/typed-args.ts';

type Parsed<A> = { success: true; data: A } | { success: false; message: string };

function result<A>(r: z.ZodSafeParseResult<A>): Parsed<A> {
  return r.success ? r : { success: false, message: r.error.issues[0]?.message ?? 'That input was not understood.' };
}

/** The one value of a command with one option and no subcommands: it is the argument text itself, nothing joined. */
function onlyValue(command: Command<unknown>, typed: TypedArgs): string | null {
  const { options, subcommands } = command.spec;
  if (subcommands?.length || options.length > 1 || typed.sub) return null;
  const v = options[0] ? typed.values[options[0].name] : undefined;
  return v === undefined ? '' : String(v);
}

export function parseArgs<A>(command: Command<A>, req: Request): Parsed<A> {
  if (!req.typed) return result(command.schema.safeParse(req.args ?? ''));
  if (command.typed) return result(command.typed.safeParse(req.typed));
  const value = onlyValue(command as Command<unknown>, req.typed);
  if (value === null) return { success: false, message: `/${command.spec.name} was sent in a shape this version does not know; please run it again.` };
  return result(command.schema.safeParse(value));
}

/**
 * What a typed request shows as its argument text (logs, audit entries, a curation's label):
 * the value itself for a one-option command, else "sub name: value …". Never parsed again.
 */
export function argsText(command: Command<unknown>, typed: TypedArgs): string {
  const value = onlyValue(command, typed);
  if (value !== null) return value;
  const parts = Object.entries(typed.values).map(([k, v]) => `${k}: ${String(v)}`);
  return [typed.sub ?? '', ...parts].filter(Boolean).join(' ');
}
