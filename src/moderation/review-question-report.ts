/**
 * Reports on quiz questions (the "Report question" button). A question is not curated like an
 * answer: a moderator rejects it for the group, or edits it (/review quiz), or dismisses the
 * report. Rejecting resolves every open report on that question in the same audited change, so
 * one /undo brings back both the question and the reports.
 */
import type { CommandContext } from '../core/command.ts';
import { errorReply, reply, type Reply } from '../core/reply.ts';
import { spaceKey, type Request } from '../core/request.ts';
import { getQuestion, rejectQuestion } from '../quiz/bank.ts';
import { actorOf } from './actor.ts';
import { record } from './audit.ts';
import { hiddenIds } from './hidden-store.ts';
import { changed } from './replies.ts';
import { openReportsFor, type Report } from './report-store.ts';
import { questionUnits } from './review-quiz.ts';
import { readState, writeState, type Target } from './targets.ts';

export function rejectReported(ctx: CommandContext, req: Request, r: Report): Reply {
  if (r.command !== 'quiz') return errorReply('Not a quiz question', `Report #${r.seq} is about /${r.command} ${r.args}: curate, hide or dismiss it.`);
  const space = spaceKey(req.where);
  const q = getQuestion(ctx.db, space, r.args);
  if (!q) return errorReply('No such question', `Question ${r.args} is no longer in this group’s bank; dismiss report #${r.seq}.`);
  const reports = openReportsFor(ctx.db, space, 'quiz', r.key);
  const at = ctx.now().getTime();
  const entry = record(
    ctx,
    req,
    'quiz.reject',
    `Rejected quiz question ${q.id} (report${reports.length === 1 ? '' : 's'} ${reports.map((x) => `#${x.seq}`).join(', ')})`,
    () => {
      const reportTargets: Target[] = reports.map((x) => ({ type: 'report', seq: x.seq }));
      const reportsBefore = reportTargets.map((t) => readState(ctx.db, space, t));
      const c = rejectQuestion(ctx.db, space, q.id);
      if (!c.ok) return c.error;
      for (const t of reportTargets) writeState(ctx.db, space, t, { status: 'curated', resolvedBy: actorOf(req), resolvedAt: at }, at);
      return { targets: [{ type: 'quiz-question', id: q.id }, ...reportTargets], before: [c.before ? { ...c.before } : null, ...reportsBefore] };
    },
  );
  if ('refused' in entry) return errorReply('Not changed', `${entry.refused} Nothing was changed.`);
  const after = getQuestion(ctx.db, space, q.id)!;
  return changed(
    ctx,
    req,
    entry,
    `Question ${q.id} rejected`,
    `It will not be asked in this group again. Resolved report${reports.length === 1 ? '' : 's'} ${reports.map((x) => `#${x.seq}`).join(', ')}.`,
    questionUnits(ctx, after, hiddenIds(ctx.db, space)),
    [ctx.actions.make('Next report', { command: 'review', args: '' })],
  );
}

/** `/review curate N` on a question report: what can be done with a question instead. */
export function questionHelp(ctx: CommandContext, r: Report): Reply {
  return reply({
    kind: 'notice',
    ephemeral: true,
    title: `Report #${r.seq}: a quiz question`,
    blocks: [
      {
        type: 'list',
        items: [
          `Reject it for this group: /review reject ${r.seq}`,
          `Look at it, approve or edit it: /review quiz show ${r.args}`,
          `Keep it as it is: /review dismiss ${r.seq}`,
        ],
      },
    ],
    actions: [
      ctx.actions.make('Reject question', { command: 'review', args: `reject ${r.seq}` }, 'primary'),
      ctx.actions.make('Dismiss', { command: 'review', args: `dismiss ${r.seq}` }, 'danger'),
    ],
  });
}
