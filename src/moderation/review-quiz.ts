/**
 * `/review quiz …`: moderators approve, reject, edit and add quiz questions for their space. The
 * quiz bank (src/quiz/bank.ts) does the work and validates; every change here is audit-logged and
 * undoable like any other moderator change.
 */
import { BACK_NEXT, pageNav } from '../core/pager.ts';
import type { CommandContext } from '../core/command.ts';
import { mergeUnits, quoteUnit, textUnit, type Unit } from '../core/quotes.ts';
import { errorReply, reply, type Action, type Reply } from '../core/reply.ts';
import { spaceKey, type Request } from '../core/request.ts';
import { addQuestion, approveQuestion, editQuestion, getQuestion, pendingQuestions, rejectQuestion, setApproval } from '../quiz/bank.ts';
import { noteText } from '../quiz/render.ts';
import { getSettings } from '../quiz/settings.ts';
import type { Change, NoteBy, QuestionSnapshot } from '../quiz/types.ts';
import { actorOf } from './actor.ts';
import { record, type AuditEntry } from './audit.ts';
import { hiddenIds } from './hidden-store.ts';
import { readQuizApproval } from './quiz-targets.ts';
import { changed, unchanged } from './replies.ts';
import type { QuizArgs } from './review-quiz-args.ts';

const LETTERS = 'ABCDE';

export function questionUnits(ctx: CommandContext, q: QuestionSnapshot, hidden: ReadonlySet<string>): Unit[] {
  const units: Unit[] = [
    {
      blocks: [
        { type: 'paragraph', text: `${q.prompt}\n${q.stem}` },
        { type: 'list', items: q.options.map((o, i) => `${LETTERS[i]}. ${o}${i === q.answer ? '  ✓ (answer)' : ''}`) },
        {
          type: 'fields',
          fields: [
            { label: 'Question', value: q.id },
            { label: 'Status here', value: q.status },
            { label: 'Origin', value: q.origin === 'generated' ? 'generated from the corpus' : 'written by a moderator' },
            { label: 'Kind', value: q.kind },
            ...(q.topic ? [{ label: 'Topic', value: q.topic }] : []),
            // How central its sentence is to its purge topic: what a moderator weighs when approving.
            ...(q.centrality !== undefined ? [{ label: 'Centrality', value: q.centrality.toFixed(2) }] : []),
            { label: 'Passage', value: `${q.passageId}${hidden.has(q.passageId) ? ' (hidden in this group: never asked)' : ''}` },
          ],
        },
      ],
      citations: [],
    },
  ];
  const p = ctx.repo.passage(q.passageId);
  if (p) units.push(quoteUnit(ctx.repo, p, q.quote, 'The explanation quotes:'));
  for (const a of q.also ?? []) {
    const other = ctx.repo.passage(a.passageId);
    if (other) units.push(quoteUnit(ctx.repo, other, a.quote));
  }
  // A moderator's note is labelled as theirs; only a generated note is the bot's own words.
  if (q.note) units.push(textUnit(q.noteBy ? `After the quote: ${noteText(q)}` : `Sourcebook's note after the quote: ${q.note}`));
  return units;
}

function signature(ctx: CommandContext, req: Request): NoteBy {
  return { name: actorOf(req).name, at: ctx.now().getTime() };
}

function questionActions(ctx: CommandContext, q: QuestionSnapshot): Action[] {
  return [
    ...(q.status !== 'approved' ? [ctx.actions.make('Approve', { command: 'review', args: `quiz approve ${q.id}` }, 'success')] : []),
    ...(q.status !== 'rejected' ? [ctx.actions.make('Reject', { command: 'review', args: `quiz reject ${q.id}` }, 'danger')] : []),
  ];
}

function pending(ctx: CommandContext, req: Request): Reply {
  const space = spaceKey(req.where);
  if (!getSettings(ctx.db, space).approval) {
    return reply({
      kind: 'notice',
      ephemeral: true,
      title: 'Quiz approval is off',
      blocks: [
        {
          type: 'paragraph',
          text: 'Generated questions go into quizzes without review here; rejected ones never do. /review quiz approval on makes every generated question wait for a moderator’s approval.',
        },
      ],
      actions: [ctx.actions.make('Turn approval on', { command: 'review', args: 'quiz approval on' })],
    });
  }
  const queue = pendingQuestions(ctx.db, space);
  if (!queue.length) return unchanged('No questions waiting', 'Every generated question has been approved or rejected here.');
  const total = queue.length;
  const { index, nav, page } = pageNav(ctx.actions, { command: 'review', args: 'quiz', page: req.page, total }, BACK_NEXT);
  const q = queue[index - 1]!;
  return reply({
    kind: 'notice',
    ephemeral: true,
    title: `Quiz question waiting (${index}/${total})`,
    ...mergeUnits(questionUnits(ctx, q, hiddenIds(ctx.db, space))),
    actions: [...nav, ...questionActions(ctx, q)],
    ...(page ? { page } : {}),
  });
}

/** Runs one bank call inside the audit transaction; the bank's refusal comes back as a clear error. */
function logged(ctx: CommandContext, req: Request, action: string, summary: string, call: () => Change<QuestionSnapshot>): AuditEntry | Reply {
  const entry = record(ctx, req, action, summary, () => {
    const c = call();
    if (!c.ok) return c.error;
    return { targets: [{ type: 'quiz-question', id: c.after.id }], before: [c.before ? { ...c.before } : null] };
  });
  return 'refused' in entry ? errorReply('Not changed', `${entry.refused.replace(/([^.!?])$/, '$1.')} Nothing was changed.`) : entry;
}

function afterChange(ctx: CommandContext, req: Request, entry: AuditEntry | Reply, title: string, text: string): Reply {
  if (!('seq' in entry)) return entry;
  const q = getQuestion(ctx.db, spaceKey(req.where), (entry.targets[0] as { id: string }).id)!;
  return changed(ctx, req, entry, title, text, questionUnits(ctx, q, hiddenIds(ctx.db, spaceKey(req.where))), [
    ctx.actions.make('Next waiting', { command: 'review', args: 'quiz' }),
  ]);
}

export function runQuiz(ctx: CommandContext, req: Request, args: QuizArgs): Reply {
  const space = spaceKey(req.where);
  switch (args.verb) {
    case 'pending':
      return pending(ctx, req);
    case 'approval': {
      if (getSettings(ctx.db, space).approval === args.on) return unchanged('Nothing changed', `Quiz approval is already ${args.on ? 'on' : 'off'} here.`);
      const entry = record(ctx, req, 'quiz.approval', `Turned quiz approval ${args.on ? 'on' : 'off'}`, () => {
        const before = readQuizApproval(ctx.db, space);
        setApproval(ctx.db, space, args.on);
        return { targets: [{ type: 'quiz-approval' }], before: [before] };
      });
      if ('refused' in entry) return errorReply('Not changed', entry.refused);
      return changed(
        ctx,
        req,
        entry,
        `Quiz approval ${args.on ? 'on' : 'off'}`,
        args.on
          ? 'Generated questions now wait for approval (/review quiz) before they are asked here.'
          : 'Generated questions are asked here without approval; rejected ones still never are.',
      );
    }
    case 'show': {
      const q = getQuestion(ctx.db, space, args.id);
      if (!q) return errorReply('No such question', `No question “${args.id}” in this group.`);
      return reply({
        kind: 'notice',
        ephemeral: true,
        title: `Quiz question ${q.id}`,
        ...mergeUnits(questionUnits(ctx, q, hiddenIds(ctx.db, space))),
        actions: questionActions(ctx, q),
      });
    }
    case 'approve':
    case 'reject': {
      const q = getQuestion(ctx.db, space, args.id);
      const status = args.verb === 'approve' ? 'approved' : 'rejected';
      if (q?.status === status) return unchanged('Nothing changed', `Question ${q.id} is already ${status} here.`);
      const entry = logged(ctx, req, `quiz.${args.verb}`, `${args.verb === 'approve' ? 'Approved' : 'Rejected'} quiz question ${args.id}`, () =>
        args.verb === 'approve' ? approveQuestion(ctx.db, space, args.id) : rejectQuestion(ctx.db, space, args.id),
      );
      return afterChange(
        ctx,
        req,
        entry,
        `Question ${status}`,
        status === 'approved' ? 'It can be asked in this group’s quizzes.' : 'It will not be asked in this group’s quizzes.',
      );
    }
    case 'edit': {
      // A note is signed by the moderator who wrote it.
      const patch = typeof args.patch.note === 'string' && args.patch.note ? { ...args.patch, noteBy: signature(ctx, req) } : args.patch;
      const entry = logged(ctx, req, 'quiz.edit', `Edited quiz question ${args.id} (${Object.keys(args.patch).join(', ')})`, () =>
        editQuestion(ctx.db, space, args.id, patch),
      );
      return afterChange(ctx, req, entry, 'Question edited', 'The edit applies in this group only.');
    }
    case 'add': {
      const input = { ...args.input, by: actorOf(req).name, ...(args.input.note ? { noteBy: signature(ctx, req) } : {}) };
      const entry = logged(ctx, req, 'quiz.add', `Added a quiz question: ${args.input.stem.slice(0, 80)}`, () => addQuestion(ctx.db, space, input));
      return afterChange(ctx, req, entry, 'Question added', 'Your question is approved and joins this group’s quizzes.');
    }
  }
}
