/**
 * `/review`: the moderators' queue. Open reports one per page (Curate / Hide / Dismiss resolve
 * them), `/review quiz …` the quiz bank, `/review log` the audit log. Each change is logged and undoable.
 */
import { clip } from '../core/text-safe.ts';
import { z } from 'zod';
import { defineCommand, type CommandContext } from '../core/command.ts';
import { errorReply, reply, type Reply } from '../core/reply.ts';
import { spaceKey, type Request } from '../core/request.ts';
import { commit } from '../moderation/audit.ts';
import { fail, modLine, parsePassageId, parseSeq, splitVerb } from '../moderation/input.ts';
import { changed, resolveReports, unchanged } from '../moderation/replies.ts';
import { getReport, type Report } from '../moderation/report-store.ts';
import { logPage } from '../moderation/review-log.ts';
import { reportBlocks, reportsPage } from '../moderation/review-reports.ts';
import { addArgs, EDIT_OPTIONS, parseQuizArgs, patchFrom, questionId, type QuizArgs } from '../moderation/review-quiz-args.ts';
import { typedBySubcommand, type Values } from '../core/typed-args.ts';
import { runQuiz } from '../moderation/review-quiz.ts';
import { actorOf } from '../moderation/actor.ts';
import { hidePassage } from './hide.ts';
import { questionHelp, rejectReported } from '../moderation/review-question-report.ts';

const USAGE = '/review · /review log · /review dismiss N · /review hide N [ID] · /review curate N · /review reject N · /review quiz …';

type ReviewArgs =
  | { verb: 'reports' }
  | { verb: 'log' }
  | { verb: 'dismiss'; seq: number }
  | { verb: 'curate'; seq: number }
  | { verb: 'reject'; seq: number }
  | { verb: 'hide'; seq: number; passage: string | null }
  | { verb: 'quiz'; quiz: QuizArgs };

const ReviewSchema = z
  .string()
  .transform((s) => s.trim())
  .pipe(z.union([z.literal(''), modLine(3000, USAGE)]))
  .transform((s, ctx): ReviewArgs => {
    const [verb, rest] = splitVerb(s);
    const [first = '', second = '', ...extra] = rest.split(' ');
    switch (verb) {
      case '':
      case 'reports':
        return { verb: 'reports' };
      case 'log':
        return { verb: 'log' };
      case 'quiz':
        return { verb, quiz: parseQuizArgs(ctx, rest) };
      case 'dismiss':
      case 'curate':
      case 'reject':
        if (second) return fail(ctx, `/review ${verb} takes one report number, e.g. /review ${verb} 3.`);
        return { verb, seq: parseSeq(ctx, first, 'report') };
      case 'hide':
        if (extra.length) return fail(ctx, 'Usage: /review hide N [passage id]');
        return { verb, seq: parseSeq(ctx, first, 'report'), passage: second ? parsePassageId(ctx, second) : null };
      default:
        return fail(ctx, USAGE);
    }
  });

const seqOf = (v: Values, ctx: z.RefinementCtx): number => parseSeq(ctx, String(v.int('report') ?? ''), 'report');
const quiz = (q: QuizArgs): ReviewArgs => ({ verb: 'quiz', quiz: q });

/** The same arguments from Discord's subcommands and typed options. */
const ReviewTyped = typedBySubcommand<ReviewArgs>({
  reports: () => ({ verb: 'reports' }),
  log: () => ({ verb: 'log' }),
  dismiss: (v, ctx) => ({ verb: 'dismiss', seq: seqOf(v, ctx) }),
  curate: (v, ctx) => ({ verb: 'curate', seq: seqOf(v, ctx) }),
  reject: (v, ctx) => ({ verb: 'reject', seq: seqOf(v, ctx) }),
  hide: (v, ctx) => {
    const passage = v.text('passage', 40);
    return { verb: 'hide', seq: seqOf(v, ctx), passage: passage ? parsePassageId(ctx, passage) : null };
  },
  'quiz pending': () => quiz({ verb: 'pending' }),
  'quiz approval': (v) => quiz({ verb: 'approval', on: v.text('state', 3) === 'on' }),
  'quiz show': (v, ctx) => quiz({ verb: 'show', id: questionId(ctx, v.text('question', 40)) }),
  'quiz approve': (v, ctx) => quiz({ verb: 'approve', id: questionId(ctx, v.text('question', 40)) }),
  'quiz reject': (v, ctx) => quiz({ verb: 'reject', id: questionId(ctx, v.text('question', 40)) }),
  'quiz edit': (v, ctx) => {
    const id = questionId(ctx, v.text('question', 40));
    const pairs = EDIT_OPTIONS.flatMap((name): [string, string][] => {
      const value = v.text(name, 3000);
      return value ? [[name, value]] : [];
    });
    return quiz({ verb: 'edit', id, patch: patchFrom(ctx, pairs) });
  },
  'quiz add': (v, ctx) =>
    quiz(
      addArgs(ctx, v.text('question', 1000), v.text('options', 1000), String(v.int('answer') ?? ''), v.text('passage', 40), v.text('note', 300) || undefined),
    ),
});

const reportOption = { name: 'report', description: 'The report number, e.g. 3', required: true, autocomplete: false, integer: { min: 1, max: 999_999_999 } };
const questionOption = { name: 'question', description: 'The question id shown by /review quiz', required: true, autocomplete: false, maxLength: 40 };

/** The report, if it exists here and is still open; otherwise the reply that says why not. */
function openReport(ctx: CommandContext, req: Request, seq: number): Report | Reply {
  const r = getReport(ctx.db, spaceKey(req.where), seq);
  if (!r) return errorReply('No such report', `There is no report #${seq} in this group. /review lists the open ones.`);
  if (r.status !== 'open')
    return unchanged(
      `Report #${seq} is closed`,
      `It was already resolved (${r.status}${r.resolvedBy ? ` by ${r.resolvedBy.name}` : ''}). /undo in /review log reopens it.`,
    );
  return r;
}

function dismiss(ctx: CommandContext, req: Request, r: Report): Reply {
  const entry = commit(
    ctx,
    req,
    'report.dismiss',
    `Dismissed report #${r.seq} on /${r.command} ${r.args}`,
    resolveReports([r], 'dismissed', actorOf(req), ctx.now().getTime()),
  );
  return changed(
    ctx,
    req,
    entry,
    `Report #${r.seq} dismissed`,
    'The answer stays as it is.',
    [],
    [ctx.actions.make('Next report', { command: 'review', args: '' })],
  );
}

function hide(ctx: CommandContext, req: Request, r: Report, passage: string | null): Reply {
  if (!r.citations.length) return errorReply('Nothing cited', `Report #${r.seq}’s reply quoted no passage; curate or dismiss it instead.`);
  if (!passage) {
    // A chooser: which of the reply's passages to hide.
    const body = reportBlocks(r);
    return reply({
      kind: 'notice',
      ephemeral: true,
      title: `Report #${r.seq}: hide which passage?`,
      blocks: [...body.blocks, { type: 'paragraph', text: `Hiding resolves the report. Type /review hide ${r.seq} ID for a passage without a button.` }],
      citations: body.citations,
      actions: r.citations.slice(0, 5).map((c) => ctx.actions.make(`Hide ${c.passage}`, { command: 'review', args: `hide ${r.seq} ${c.passage}` }, 'danger')),
    });
  }
  if (!r.citations.some((c) => c.passage === passage)) {
    return errorReply(
      'Not in this report',
      `${passage} is not among the passages report #${r.seq} cites (${r.citations.map((c) => c.passage).join(', ')}). Use /hide ${passage} to hide it anyway.`,
    );
  }
  const also = resolveReports([r], 'hidden', actorOf(req), ctx.now().getTime());
  return hidePassage(ctx, req, passage, clip(`report #${r.seq}${r.reason ? `: ${r.reason}` : ''}`, 300, '…'), also, ` Resolved report #${r.seq}.`);
}

function curateHelp(ctx: CommandContext, r: Report): Reply {
  const ids =
    r.citations
      .slice(0, 3)
      .map((c) => c.passage)
      .join(' ') || 'PASSAGE-IDS';
  return reply({
    kind: 'notice',
    ephemeral: true,
    title: `Curate /${r.command} ${r.args}`,
    blocks: [
      {
        type: 'paragraph',
        text: 'Type one of these, with your own words in capitals replaced. Either resolves this report and every other open report on the same answer.',
      },
      {
        type: 'list',
        items: [
          `Pin an answer in place of the automatic one: /curate pin ${r.command} ${r.args} | YOUR ANSWER | ${ids}`,
          `Or a note above it: /curate note ${r.command} ${r.args} | YOUR NOTE`,
        ],
      },
    ],
    actions: [ctx.actions.make('Dismiss instead', { command: 'review', args: `dismiss ${r.seq}` }, 'danger')],
  });
}

export const reviewCommand = defineCommand({
  spec: {
    name: 'review',
    description: 'Moderators’ queue: open reports (curate, hide, dismiss), quiz questions, the audit log.',
    usage: '/review [log | dismiss N | hide N [ID] | curate N | reject N | quiz …]',
    example: '/review',
    options: [],
    subcommands: [
      { name: 'reports', description: 'Open reports, one per page, with Curate / Hide / Dismiss', options: [] },
      { name: 'log', description: 'The audit log of moderators’ changes; each can be undone', options: [] },
      { name: 'dismiss', description: 'Close a report; the answer stays as it is', options: [reportOption] },
      { name: 'curate', description: 'How to pin an answer or a note for a report', options: [reportOption] },
      { name: 'reject', description: 'Reject the quiz question a report is about', options: [reportOption] },
      {
        name: 'hide',
        description: 'Hide a passage a report cites, resolving it',
        options: [
          reportOption,
          { name: 'passage', description: 'Which of its passages; empty to choose', required: false, autocomplete: false, maxLength: 40 },
        ],
      },
      { name: 'quiz pending', description: 'Quiz questions waiting for approval', options: [] },
      {
        name: 'quiz approval',
        description: 'Whether new questions need a moderator’s approval',
        options: [{ name: 'state', description: 'on or off', required: true, autocomplete: false, choices: ['on', 'off'] }],
      },
      { name: 'quiz show', description: 'One question, as students see it, with its key', options: [questionOption] },
      { name: 'quiz approve', description: 'Approve a question', options: [questionOption] },
      { name: 'quiz reject', description: 'Reject a question', options: [questionOption] },
      {
        name: 'quiz edit',
        description: 'Change a question; give only the fields that change',
        options: [
          questionOption,
          ...EDIT_OPTIONS.map((name) => ({
            name,
            description: name === 'options' ? 'Two to five options separated by ;' : name === 'answer' ? 'The right option’s number, from 1' : `New ${name}`,
            required: false,
            autocomplete: false,
            maxLength: name === 'stem' ? 1000 : name === 'quote' ? 2000 : 1000,
          })),
        ],
      },
      {
        name: 'quiz add',
        description: 'Add a question of your own',
        options: [
          { name: 'question', description: 'The question', required: true, autocomplete: false, maxLength: 1000 },
          { name: 'options', description: 'Two to five options separated by ;', required: true, autocomplete: false, maxLength: 1000 },
          { name: 'answer', description: 'The right option’s number, from 1', required: true, autocomplete: false, integer: { min: 1, max: 5 } },
          { name: 'passage', description: 'The passage id it is drawn from', required: true, autocomplete: false, maxLength: 40 },
          { name: 'note', description: 'A note shown with the answer', required: false, autocomplete: false, maxLength: 300 },
        ],
      },
    ],
    moderatorOnly: true,
  },
  schema: ReviewSchema,
  typed: ReviewTyped,
  run(ctx, args, req) {
    switch (args.verb) {
      case 'reports':
        return reportsPage(ctx, req);
      case 'log':
        return logPage(ctx, req);
      case 'quiz':
        return runQuiz(ctx, req, args.quiz);
      default: {
        const r = openReport(ctx, req, args.seq);
        if (!('seq' in r)) return r;
        if (args.verb === 'dismiss') return dismiss(ctx, req, r);
        if (args.verb === 'hide') return hide(ctx, req, r, args.passage);
        if (args.verb === 'reject') return rejectReported(ctx, req, r);
        if (r.command === 'quiz') return questionHelp(ctx, r);
        return curateHelp(ctx, r);
      }
    }
  },
});
