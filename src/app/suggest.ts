/** Autocomplete: each command offers its own suggestions beside its options; the app only finds the command. */
import type { Suggestion } from '../core/bot-api.ts';
import type { CommandContext } from '../core/command.ts';
import type { Where } from '../core/request.ts';
import { findCommand } from './registry.ts';

export function suggest(ctx: CommandContext, command: string, option: string, partial: string, where: Where): Suggestion[] {
  return findCommand(command)?.suggest?.(ctx, option, partial, where) ?? [];
}
