/**
 * The commands whose answers moderators can curate and users can report: the ones that answer
 * from the corpus and carry a "Report" button. Imported directly, not via the registry, so the
 * moderation modules never form an import cycle with it.
 */
import { askCommand } from '../commands/ask.ts';
import { compareCommand } from '../commands/compare.ts';
import { whoCommand } from '../commands/who.ts';
import type { Command } from '../core/command.ts';

export const CURATABLE = { who: whoCommand, ask: askCommand, compare: compareCommand } as const satisfies Record<string, Command<string>>;
export type CuratableName = keyof typeof CURATABLE;

export const CURATABLE_NAMES = Object.keys(CURATABLE) as CuratableName[];

export function isCuratable(name: string): name is CuratableName {
  return Object.hasOwn(CURATABLE, name);
}

/** "/Who" or "who" → "who"; commands arrive as typed by adapters. */
export function commandName(raw: string): string {
  return raw.replace(/^\//, '').toLowerCase();
}
