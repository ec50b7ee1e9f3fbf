/**
 * Typed option values, as a platform with typed options (Discord) delivers them: the chosen
 * subcommand and each given value. A command's `typed` schema turns them into its arguments with
 * the same checks and messages as its text grammar, so nothing is joined into a line to be parsed again.
 */
import { z } from 'zod';
import { cleanText } from './command-text.ts';

export type TypedValue = string | number | boolean;

export interface TypedArgs {
  /** The subcommand, with its group first when it has one ("schedule add"); null for a command without subcommands. */
  sub: string | null;
  values: Record<string, TypedValue>;
}

export const TypedArgsSchema = z.object({
  sub: z.string().max(64).nullable(),
  values: z.record(z.string().max(32), z.union([z.string().max(6000), z.number(), z.boolean()])),
});

type IssueCtx = z.core.$RefinementCtx<unknown>;

/** One subcommand's values → the command's arguments; issues go to `ctx` as for a text grammar. */
export type SubcommandReader<A> = (values: Values, ctx: IssueCtx) => A;

/** The message of a value that is empty once cleaned: never shown, it means "not given". */
const EMPTY = '(empty)';

/** The values of one request, read with the checks every text argument gets. */
export class Values {
  constructor(
    private readonly raw: Record<string, TypedValue>,
    private readonly ctx: IssueCtx,
  ) {}

  /** A text value, cleaned like typed text (well-formed, no control characters, collapsed space); '' when not given. */
  text(name: string, max = 500): string {
    const v = this.raw[name];
    if (v === undefined || v === '') return '';
    const r = cleanText({ max, emptyMessage: EMPTY }).safeParse(String(v));
    if (r.success) return r.data;
    const message = r.error.issues[0]?.message ?? 'That input was not understood.';
    // Empty after cleaning (only spaces or control characters) counts as not given.
    if (message === EMPTY) return '';
    this.ctx.addIssue({ code: 'custom', message: `${name}: ${message}` });
    return z.NEVER;
  }

  /** A whole number, or null when not given (Discord has checked its range already; a text platform has not). */
  int(name: string): number | null {
    const v = this.raw[name];
    if (v === undefined || v === '') return null;
    const n = typeof v === 'number' ? v : Number(String(v).trim().replace(/^#/, ''));
    if (!Number.isSafeInteger(n)) {
      this.ctx.addIssue({ code: 'custom', message: `${name} must be a whole number.` });
      return z.NEVER;
    }
    return n;
  }
}

/** A `typed` schema from one reader per subcommand (key '' for a command without subcommands). */
export function typedBySubcommand<A>(readers: Record<string, SubcommandReader<A>>): z.ZodType<A, TypedArgs> {
  return TypedArgsSchema.transform((t, ctx): A => {
    const read = readers[t.sub ?? ''];
    if (!read) {
      ctx.addIssue({ code: 'custom', message: `Unknown subcommand${t.sub ? ` “${t.sub.slice(0, 40)}”` : ''}. Try /help.` });
      return z.NEVER;
    }
    return read(new Values(t.values, ctx), ctx);
  }) as unknown as z.ZodType<A, TypedArgs>;
}
