/** The first step of every argument: text made safe and checked before any command reads it. */
import { z } from 'zod';
import { wellFormed } from './text-safe.ts';

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
