/**
 * What a moderator curates or a user reports: "who Yezhov" → the command and its arguments,
 * validated by the command's own schema. Only the commands whose spec says `curatable`.
 */
import type { z } from 'zod';
import type { Command } from '../core/command.ts';
import { commandName, type CuratableName } from '../moderation/curatable.ts';
import { fail, splitVerb } from '../moderation/input.ts';
import { askCommand } from './ask.ts';
import { compareCommand } from './compare.ts';
import { whoCommand } from './who.ts';

type IssueCtx = z.core.$RefinementCtx<unknown>;

/** The commands whose answers can be curated, for the moderator commands' schemas (which run before any context exists). */
export const CURATABLE: readonly Command<string>[] = [whoCommand, askCommand, compareCommand].filter((c) => c.spec.curatable);

/** The curatable command of that name, to run it again (a report stores what it showed). */
export function curatableCommand(name: string): Command<string> | undefined {
  return CURATABLE.find((c) => c.spec.name === name);
}

export interface AnswerTarget {
  command: CuratableName;
  /** Cleaned as the command itself would clean them. */
  args: string;
}

/** "who Yezhov" or "/who Yezhov" → the command and its arguments, validated by the command's own schema. */
export function parseAnswerTarget(ctx: IssueCtx, text: string): AnswerTarget {
  const [word, rest] = splitVerb(text.trim());
  const command = commandName(word);
  const target = CURATABLE.find((c) => c.spec.name === command);
  if (!target) {
    return fail(
      ctx,
      `Name the command and what was asked, e.g. “who Yezhov”. Answers of ${CURATABLE.map((c) => `/${c.spec.name}`).join(', ')} can be curated.`,
    );
  }
  const parsed = target.schema.safeParse(rest);
  if (!parsed.success) return fail(ctx, `/${command}: ${parsed.error.issues[0]?.message ?? 'those arguments are not valid.'}`);
  // /who answers only names; anything else is an error reply no curation would ever replace.
  if (command === 'who' && !/\p{L}/u.test(parsed.data)) return fail(ctx, 'A name needs letters, e.g. who Yezhov.');
  return { command, args: parsed.data };
}
