/** `/leaderboard [week|month|all]`: this group's quiz standings — score, accuracy, streak. */
import { z } from 'zod';
import { defineCommand } from '../core/command.ts';
import { reply } from '../core/reply.ts';
import { spaceKey } from '../core/request.ts';
import { PERIODS, standings, type Period } from '../quiz/leaderboard.ts';

const TOP = 10;

const LeaderboardArgs = z
  .string()
  .transform((s) => s.trim().toLowerCase() || 'week')
  .pipe(z.enum(PERIODS, { message: 'Usage: /leaderboard [week|month|all]' }));

const LABEL: Record<Period, string> = { week: 'past 7 days', month: 'past 30 days', all: 'all time' };

export const leaderboardCommand = defineCommand<Period>({
  spec: {
    name: 'leaderboard',
    description: "This group's quiz standings: score, accuracy and streak.",
    usage: '/leaderboard [week|month|all]',
    example: '/leaderboard month',
    options: [{ name: 'period', description: 'week (default), month or all', required: false, autocomplete: false, choices: [...PERIODS] }],
    moderatorOnly: false,
  },
  schema: LeaderboardArgs,
  run(ctx, period, req) {
    const rows = standings(ctx.db, spaceKey(req.where), period, ctx.now().getTime());
    if (!rows.length) {
      return reply({
        kind: 'notice',
        title: `Quiz leaderboard — ${LABEL[period]}`,
        blocks: [{ type: 'paragraph', text: 'Nobody has answered a quiz question here in this period. Start one with /quiz.' }],
      });
    }
    const line = (r: (typeof rows)[number]) =>
      `${r.rank}. ${r.name} — ${r.right} right of ${r.answered} (${Math.round(r.accuracy * 100)}%), streak ${r.streak}`;
    const items = rows.slice(0, TOP).map(line);
    const me = rows.find((r) => r.userId === req.user.id);
    if (me && me.rank > TOP) items.push(`… ${line(me)} (you)`);
    return reply({
      title: `Quiz leaderboard — ${LABEL[period]}`,
      blocks: [
        { type: 'list', items },
        {
          type: 'paragraph',
          text: 'Score = right answers, each question counted once per member (a re-posted question is practice); review practice is not counted.',
        },
      ],
      actions: PERIODS.filter((p) => p !== period).map((p) => ctx.actions.make(LABEL[p], { command: 'leaderboard', args: p })),
    });
  },
});
