/** The command modules, listed explicitly (no auto-loading): the order is the order of /help. */
import { askCommand } from '../commands/ask.ts';
import { citeCommand } from '../commands/cite.ts';
import { compareCommand } from '../commands/compare.ts';
import { timelineCommand } from '../commands/timeline.ts';
import { checkCommand } from '../commands/check.ts';
import { helpCommand } from '../commands/help.ts';
import { leaderboardCommand } from '../commands/leaderboard.ts';
import { quizCommand } from '../commands/quiz.ts';
import { showCommand } from '../commands/show.ts';
import { sourceCommand } from '../commands/source.ts';
import { whoCommand } from '../commands/who.ts';
import { reportCommand } from '../commands/report.ts';
import { reviewCommand } from '../commands/review.ts';
import { curateCommand } from '../commands/curate.ts';
import { hideCommand } from '../commands/hide.ts';
import { unhideCommand } from '../commands/unhide.ts';
import { sourceNoteCommand } from '../commands/source-note.ts';
import { undoCommand } from '../commands/undo.ts';
import { configCommand } from '../commands/config.ts';
import type { Command } from '../core/command.ts';

// Each command's argument type differs; the registry only dispatches, and each command's schema types its own arguments.
// biome-ignore lint/suspicious/noExplicitAny: a list of commands of different argument types
export const COMMANDS: Command<any>[] = [
  whoCommand,
  compareCommand,
  timelineCommand,
  checkCommand,
  askCommand,
  citeCommand,
  sourceCommand,
  showCommand,
  quizCommand,
  leaderboardCommand,
  helpCommand,
  reportCommand,
  reviewCommand,
  curateCommand,
  hideCommand,
  unhideCommand,
  sourceNoteCommand,
  undoCommand,
  configCommand,
];

// biome-ignore lint/suspicious/noExplicitAny: as COMMANDS
export function findCommand(name: string): Command<any> | undefined {
  const n = name.replace(/^\//, '').toLowerCase();
  return COMMANDS.find((c) => c.spec.name === n);
}
