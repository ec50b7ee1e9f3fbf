/** Parsing pieces shared by the moderator commands' zod schemas; every message is shown to the moderator as is. */
import { clip } from '../core/text-safe.ts';
import { z } from 'zod';
import { cleanText } from '../core/command.ts';
import { typedBySubcommand, type TypedArgs } from '../core/typed-args.ts';

type IssueCtx = z.core.$RefinementCtx<unknown>;

/** Adds a user-facing issue and aborts the transform. */
export function fail(ctx: IssueCtx, message: string): never {
  ctx.addIssue({ code: 'custom', message });
  return z.NEVER;
}

/** "a | b | c" → ["a", "b", "c"], each trimmed. */
export function splitBars(s: string): string[] {
  return s.split('|').map((p) => p.trim());
}

/** "verb rest of line" → ["verb", "rest of line"], verb lowercased. */
export function splitVerb(s: string): [string, string] {
  const m = /^(\S+)\s*([\s\S]*)$/.exec(s);
  return m ? [m[1]!.toLowerCase(), m[2]!] : ['', ''];
}

export const PASSAGE_ID = /^[a-z0-9]{2,12}-[0-9a-z]{3,12}$/;

/** Passage ids separated by commas or spaces: "rei-87dfk, eme-rmhkc". */
export function parsePassageIds(ctx: IssueCtx, text: string, max: number): string[] {
  const ids = [
    ...new Set(
      text
        .toLowerCase()
        .split(/[\s,;]+/)
        .filter(Boolean),
    ),
  ];
  if (!ids.length) return fail(ctx, 'Give at least one passage id to cite, e.g. rei-87dfk (ids appear under every quote).');
  if (ids.length > max) return fail(ctx, `At most ${max} passages, please.`);
  const bad = ids.find((id) => !PASSAGE_ID.test(id));
  if (bad) return fail(ctx, `“${clip(bad, 40)}” is not a passage id; they look like rei-87dfk.`);
  return ids;
}

export function parsePassageId(ctx: IssueCtx, text: string): string {
  const id = text.trim().toLowerCase();
  if (!PASSAGE_ID.test(id)) return fail(ctx, `“${clip(id, 40)}” is not a passage id; they look like rei-87dfk (shown under every quote).`);
  return id;
}

/** "12" or "#12" → 12. */
export function parseSeq(ctx: IssueCtx, text: string, what: string): number {
  const m = /^#?(\d{1,9})$/.exec(text.trim());
  if (!m || Number(m[1]) < 1) return fail(ctx, `Give the ${what} number, e.g. 3 (or #3).`);
  return Number(m[1]);
}

/** The whole argument line of a moderator command: cleaned, with a generous but firm length limit. */
export function modLine(max: number, emptyMessage: string) {
  return cleanText({ max, emptyMessage });
}

/**
 * "TARGET | reason" typed as text, or a target option and a reason option on Discord: the
 * grammar /hide and /report share. `read` checks both and makes the command's arguments.
 */
export function targetWithReason<A>(
  opts: { max: number; empty: string; option: string; optionMax: number },
  read: (ctx: IssueCtx, target: string, reason: string) => A,
): { schema: z.ZodType<A, string>; typed: z.ZodType<A, TypedArgs> } {
  return {
    schema: modLine(opts.max, opts.empty).transform((s, ctx): A => {
      const [target = '', ...rest] = splitBars(s);
      return read(ctx, target, rest.join(' | ').trim());
    }) as unknown as z.ZodType<A, string>,
    typed: typedBySubcommand<A>({
      '': (v, ctx) => {
        const target = v.text(opts.option, opts.optionMax);
        return target ? read(ctx, target, v.text('reason', 2000)) : fail(ctx, opts.empty);
      },
    }),
  };
}
