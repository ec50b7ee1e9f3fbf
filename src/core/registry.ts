/** The command modules, listed explicitly (no auto-loading): the order is the order of /help. */
import { askCommand } from '../commands/ask.ts';
import { citeCommand } from '../commands/cite.ts';
import { compareCommand } from '../commands/compare.ts';
import { helpCommand } from '../commands/help.ts';
import { showCommand } from '../commands/show.ts';
import { sourceCommand } from '../commands/source.ts';
import { whoCommand } from '../commands/who.ts';
import type { Command } from './command.ts';

export const COMMANDS: Command<any>[] = [whoCommand, compareCommand, askCommand, citeCommand, sourceCommand, showCommand, helpCommand];

export function findCommand(name: string): Command<any> | undefined {
  const n = name.replace(/^\//, '').toLowerCase();
  return COMMANDS.find((c) => c.spec.name === n);
}
