/**
 * The normalized form of a command's arguments under which curations and reports are stored, so
 * `/who Yezhov`, `/who ezhov` and `/who Ежов` share one curation: /who by the person the name
 * resolves to, other commands by lowercased, whitespace-collapsed text.
 */
import { cleanText, type CommandContext } from '../core/command.ts';
import type { CuratableName } from './curatable.ts';

const clean = cleanText({ max: 2000 });

/** Null when the arguments are empty after cleaning: nothing to curate. */
export function curationKey(ctx: CommandContext, command: CuratableName, args: string): string | null {
  const parsed = clean.safeParse(args);
  if (!parsed.success) return null;
  const text = parsed.data;
  if (command === 'who') {
    const r = ctx.people.resolve(text);
    if (r.kind === 'person') return `person:${r.person.id}`;
    return `name:${text.toLowerCase()}`;
  }
  // A question is the same question with or without its question mark.
  return text.toLowerCase().replace(/[\s?!.]+$/u, '') || text.toLowerCase();
}
