/**
 * Quiz replies: the question post (with answer buttons and the running tally), the closed post
 * (answer, cited passage, how many got it right) and the clicker's private feedback. The question
 * post carries no citation (it would give the answer away); every explanation quotes the passage.
 */
import type { CommandContext } from '../core/command.ts';
import { mergeUnits, quoteUnit, textUnit, type Unit } from '../core/quotes.ts';
import { reply, type Action, type Reply } from '../core/reply.ts';
import type { Post, Run, Tally } from './posts.ts';
import { clip } from './text.ts';
import type { QuestionBody } from './types.ts';

export const LETTERS = ['A', 'B', 'C', 'D', 'E'] as const;

export function optionLabel(body: QuestionBody, i: number): string {
  return `${LETTERS[i]}. ${body.options[i]}`;
}

function time(ms: number): string {
  const iso = new Date(ms).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

function tallyText(t: Tally): string {
  return `${t.answered} answered, ${t.right} right`;
}

function heading(post: Post, run: Run, suffix?: string): string {
  const where = run.questions.length > 1 ? ` ${post.runIndex}/${run.questions.length}` : '';
  const kind = run.forUser ? 'Review' : 'Quiz';
  return `${kind}${where} — ${suffix ?? post.body.prompt}`;
}

/** A question's note as shown: a moderator's note is labelled as theirs; an unlabelled one is the bot's own words. */
export function noteText(body: QuestionBody): string | null {
  if (!body.note) return null;
  if (!body.noteBy) return body.note;
  const when = body.noteBy.at === undefined ? '' : `, ${new Date(body.noteBy.at).toISOString().slice(0, 10)}`;
  return `Note from ${body.noteBy.name}${when}: ${body.note}`;
}

/** The passage the question comes from, quoted and attributed, or a note when it left the corpus. */
export function explanation(ctx: Pick<CommandContext, 'repo'>, body: QuestionBody, lead: string): Unit {
  const passage = ctx.repo.passage(body.passageId);
  const units: Unit[] = [];
  if (passage?.text.includes(body.quote)) units.push(quoteUnit(ctx.repo, passage, body.quote, lead));
  else units.push(textUnit(`The passage this question came from (${body.passageId}) is no longer in the corpus.`));
  for (const a of body.also ?? []) {
    const p = ctx.repo.passage(a.passageId);
    if (p?.text.includes(a.quote)) units.push(quoteUnit(ctx.repo, p, a.quote));
  }
  const note = noteText(body);
  if (note) units.push(textUnit(note));
  return mergeUnits(units);
}

export function answerActions(ctx: CommandContext, post: Post): Action[] {
  return post.body.options.map((_, i) => ctx.actions.make(clip(optionLabel(post.body, i), 75), { command: 'quiz', args: `answer ${post.id} ${i}` }));
}

export function questionPost(ctx: CommandContext, post: Post, run: Run, t: Tally): Reply {
  return reply({
    title: heading(post, run),
    blocks: [
      { type: 'paragraph', text: post.body.stem },
      { type: 'list', items: post.body.options.map((_, i) => optionLabel(post.body, i)) },
      { type: 'paragraph', text: `${tallyText(t)} · question #${post.id}, open until ${time(post.closesAt)}` },
    ],
    actions: answerActions(ctx, post),
    ephemeral: run.forUser !== null,
  });
}

/** A generated question can be wrong: whoever answered it can send it to this group's moderators (/review). */
function reportAction(ctx: CommandContext, post: Post): Action {
  return ctx.actions.make('Report question', { command: 'report', args: `quiz ${post.questionId}` }, 'danger');
}

export function closedPost(ctx: CommandContext, post: Post, run: Run, t: Tally): Reply {
  const body = post.body;
  const share = t.answered ? ` (${Math.round((t.right / t.answered) * 100)}%)` : '';
  // The prompt stays with the answer: "Is this what Emelyanov (2012) says?" — never a bare verdict on a claim.
  const unit = mergeUnits([
    textUnit(body.prompt, body.stem),
    { blocks: [{ type: 'list', items: body.options.map((_, i) => `${optionLabel(body, i)}${i === body.answer ? '  ✓' : ''}`) }], citations: [] },
    textUnit(`Answer: ${optionLabel(body, body.answer)}`),
    explanation(ctx, body, 'Where it comes from:'),
    textUnit(`Closed. ${t.answered} answered, ${t.right} got it right${share}.`),
  ]);
  return reply({
    title: heading(post, run, `closed (question #${post.id})`),
    ...unit,
    actions: [
      ...(ctx.repo.passage(body.passageId) ? [ctx.actions.make('Cite the passage', { command: 'cite', args: body.passageId })] : []),
      reportAction(ctx, post),
    ],
    ephemeral: run.forUser !== null,
  });
}

export function feedback(
  ctx: CommandContext,
  post: Post,
  choice: number,
  correct: boolean,
  opts: { repeat: boolean; unscored?: boolean; next?: Action },
): Reply {
  const body = post.body;
  const verdict = correct ? 'Right!' : 'Not quite.';
  const lead = opts.repeat ? `You already answered this question: ${optionLabel(body, choice)}. ` : '';
  // The prompt leads, so the answer reads as an answer to it ("Is this what … says?"), not as a verdict on the claim.
  const line = correct
    ? `${lead}${body.prompt} The answer is ${optionLabel(body, body.answer)}.`
    : `${lead}${body.prompt} You chose ${optionLabel(body, choice)}; the answer is ${optionLabel(body, body.answer)}.`;
  const units = [textUnit(line), explanation(ctx, body, 'The passage it comes from:')];
  if (opts.unscored)
    units.push(
      textUnit(
        'You answered this question when it was posted before, so this answer is practice: only your first answer to a question counts on the leaderboard.',
      ),
    );
  const unit = mergeUnits(units);
  const actions: Action[] = [];
  if (opts.next) actions.push(opts.next);
  if (ctx.repo.passage(body.passageId)) actions.push(ctx.actions.make('Cite the passage', { command: 'cite', args: body.passageId }));
  actions.push(reportAction(ctx, post));
  return reply({ title: opts.repeat ? `Already answered — ${correct ? 'right' : 'wrong'}` : verdict, ...unit, actions, ephemeral: true });
}
