/**
 * `/report COMMAND ARGS [| reason]`: what the "Report" button on every answer runs. Stores the
 * reply as the reporter saw it (title and citations) for this group's moderators (/review).
 */
import type { z } from 'zod';
import { defineCommand, type CommandContext } from '../core/command.ts';
import { quoteUnit } from '../core/quotes.ts';
import { reply, type Reply } from '../core/reply.ts';
import { spaceKey, type Request } from '../core/request.ts';
import type { CuratableName } from '../moderation/curatable.ts';
import { curatableCommand, parseAnswerTarget } from './answer-target.ts';
import { getQuestion } from '../quiz/bank.ts';
import { withCuration } from '../moderation/curation-hook.ts';
import { curationKey } from '../moderation/curation-key.ts';
import { fail, targetWithReason } from '../moderation/input.ts';
import { countOpenBy, insertReport, MAX_REASON, openReportsFor, type NewReport } from '../moderation/report-store.ts';
import { shownOf, storedCitation, type Shown } from '../core/shown.ts';
import { actorOf } from '../moderation/actor.ts';

/** Open reports one person may have in a space: enough for real use, not enough to flood the queue. */
export const MAX_OPEN_REPORTS_PER_USER = 20;

/** `quiz ID`: a quiz question (the Report button under its feedback and its closed post). */
const QUESTION_TARGET = /^quiz\s+([A-Za-z0-9_-]{1,40})$/;

type ReportTarget = { kind: 'answer'; command: CuratableName; args: string; reason: string | null } | { kind: 'question'; id: string; reason: string | null };

const NO_TARGET = 'Report which answer? For example: /report who Yezhov | the dates look wrong';

function reportArgs(ctx: z.RefinementCtx, target: string, why: string): ReportTarget {
  const reason = why || null;
  if (reason && reason.length > MAX_REASON) return fail(ctx, `The reason is too long: at most ${MAX_REASON} characters, please.`);
  const question = QUESTION_TARGET.exec(target.trim());
  if (question) return { kind: 'question', id: question[1]!, reason };
  return { kind: 'answer', ...parseAnswerTarget(ctx, target), reason };
}

/** `COMMAND ARGS | reason` as text; the answer and reason options on Discord. */
const ReportArgs = targetWithReason({ max: 900, empty: NO_TARGET, option: 'answer', optionMax: 600 }, reportArgs);

const ALREADY = (what: string, seq: number): Reply =>
  reply({
    kind: 'notice',
    ephemeral: true,
    title: 'Already reported',
    blocks: [{ type: 'paragraph', text: `You reported ${what} already (report #${seq}); the moderators will look at it.` }],
  });

/** Stores the report unless the reporter has too many open; the report number, or null. */
function store(ctx: CommandContext, req: Request, report: Omit<NewReport, 'reporter' | 'channel' | 'at'>): number | null {
  const space = spaceKey(req.where);
  return ctx.db
    .transaction(() => {
      if (countOpenBy(ctx.db, space, req.user.id) >= MAX_OPEN_REPORTS_PER_USER) return null;
      return insertReport(ctx.db, space, { ...report, reporter: actorOf(req), channel: req.where.channel.slice(0, 200), at: ctx.now().getTime() });
      // IMMEDIATE: the count and the next number are read before the insert; with shards on one
      // database a deferred transaction fails (SQLITE_BUSY_SNAPSHOT) if another writes in between.
    })
    .immediate();
}

const TOO_MANY = (): Reply =>
  reply({
    kind: 'refusal',
    ephemeral: true,
    title: 'Too many open reports',
    blocks: [{ type: 'paragraph', text: `You have ${MAX_OPEN_REPORTS_PER_USER} reports waiting for the moderators; please wait until they review them.` }],
  });

function reportQuestion(ctx: CommandContext, req: Request, id: string, reason: string | null): Reply {
  const space = spaceKey(req.where);
  const q = getQuestion(ctx.db, space, id);
  if (!q)
    return reply({
      kind: 'error',
      ephemeral: true,
      title: 'No such question',
      blocks: [{ type: 'paragraph', text: `There is no quiz question “${id}” in this group.` }],
    });
  const key = `question:${q.id}`;
  const mine = openReportsFor(ctx.db, space, 'quiz', key).find((r) => r.reporter.id === req.user.id);
  if (mine) return ALREADY('this quiz question', mine.seq);
  const p = ctx.repo.passage(q.passageId);
  const seq = store(ctx, req, {
    command: 'quiz',
    args: q.id,
    key,
    reason,
    replyTitle: `Quiz question: ${q.stem}`.slice(0, 1000),
    // The passage as the question's explanation quoted it: what the moderators check the question against.
    citations: p ? quoteUnit(ctx.repo, p, q.quote).citations.map(storedCitation) : [],
  });
  if (seq === null) return TOO_MANY();
  return reply({
    kind: 'notice',
    ephemeral: true,
    title: `Report #${seq} sent`,
    blocks: [
      {
        type: 'paragraph',
        text: `Thank you. This group’s moderators will review the quiz question “${q.stem}”${reason ? ` with your reason: ${reason}` : ''}.`,
      },
    ],
  });
}

/**
 * A report typed by hand names no reply: the answer as this space shows it now, curation
 * included, is what the reporter saw. (The Report button carries the reply it was under.)
 */
async function shownNow(ctx: CommandContext, req: Request, command: CuratableName, args: string): Promise<Shown> {
  const asked: Request = { command, args, user: req.user, where: req.where };
  const reported = curatableCommand(command)!;
  return shownOf(await withCuration(ctx, asked, { title: () => reported.curatedTitle?.(ctx, args) ?? null, run: () => reported.run(ctx, args, asked) }));
}

export const reportCommand = defineCommand({
  spec: {
    name: 'report',
    description: 'Report an answer to this group’s moderators, with an optional reason.',
    usage: '/report COMMAND ARGS [| reason] · /report quiz QUESTION-ID [| reason]',
    example: '/report who Yezhov | the dates look wrong',
    options: [
      { name: 'answer', description: 'The command and what was asked, e.g. who Yezhov', required: true, autocomplete: false, maxLength: 600 },
      { name: 'reason', description: 'What looks wrong, for the moderators', required: false, autocomplete: false, maxLength: MAX_REASON },
    ],
    moderatorOnly: false,
  },
  schema: ReportArgs.schema,
  typed: ReportArgs.typed,
  async run(ctx, target, req) {
    if (target.kind === 'question') return reportQuestion(ctx, req, target.id, target.reason);
    const { command, args, reason } = target;
    const space = spaceKey(req.where);
    const key = curationKey(ctx, command, args);
    if (!key)
      return reply({
        kind: 'error',
        ephemeral: true,
        title: 'Nothing to report',
        blocks: [{ type: 'paragraph', text: 'Name what was asked, e.g. /report who Yezhov.' }],
      });
    const mine = openReportsFor(ctx.db, space, command, key).find((r) => r.reporter.id === req.user.id);
    if (mine) return ALREADY(`/${command} ${mine.args}`, mine.seq);
    const shown = req.shown ?? (await shownNow(ctx, req, command, args));
    const seq = store(ctx, req, { command, args, key, reason, replyTitle: shown.title, citations: shown.citations });
    if (seq === null) return TOO_MANY();
    return reply({
      kind: 'notice',
      ephemeral: true,
      title: `Report #${seq} sent`,
      blocks: [
        {
          type: 'paragraph',
          text: `Thank you. This group’s moderators will review “${shown.title}” (/${command} ${args})${reason ? ` with your reason: ${reason}` : ''}.`,
        },
      ],
    });
  },
});
