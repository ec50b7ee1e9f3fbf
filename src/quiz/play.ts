/**
 * Playing: starting a run, offering its next question, answering, closing. Every function checks
 * that the run or post belongs to the asker's space; nothing from one space is visible in another.
 */
import { hiddenPassages } from '../moderation/hidden.ts';
import type { CommandContext } from '../core/command.ts';
import { errorReply, reply, type Action, type Reply } from '../core/reply.ts';
import { spaceKey, type Request, type Where } from '../core/request.ts';
import { recordAnswer } from './answers.ts';
import { bodyOf, getQuestion } from './bank.ts';
import { pickQuestions } from './pick.ts';
import { createRun, getPost, getRun, insertPost, isClosed, markClosed, postAt, tally, expiredOpenPosts, type Post, type Run } from './posts.ts';
import { closedPost, feedback, questionPost } from './render.ts';
import { DAY_MS, dueReviews, reviewSummary } from './review.ts';
import { getSettings } from './settings.ts';
import type { QuestionBody, QuestionSnapshot } from './types.ts';

/** Review questions stay open a week: they are personal, nobody else waits for them. */
const REVIEW_OPEN_MS = 7 * DAY_MS;

function snapshotBody(q: QuestionSnapshot) {
  return { id: q.id, body: bodyOf(q) };
}

function openMs(ctx: CommandContext, run: Run): number {
  return run.forUser ? REVIEW_OPEN_MS : getSettings(ctx.db, run.space).closeMinutes * 60_000;
}

function notice(title: string, text: string, extra: Partial<Reply> = {}): Reply {
  return reply({ kind: 'notice', title, blocks: [{ type: 'paragraph', text }], ephemeral: true, ...extra });
}

const NOT_HERE = () => errorReply('Question not found', 'That question was not posted in this group, or it no longer exists. Start a new one with /quiz.');

export interface StartOptions {
  topic: string | null;
  count: number;
  createdBy: string;
  /** Defaults to ctx.now(); the scheduler passes its own clock. */
  now?: number;
  /** Runs inside the transaction that makes the run (the scheduler records the run with its slot). */
  created?: (runId: number) => void;
}

/** Starts a run of `count` questions in `where` and returns its first question post. */
export function startRun(ctx: CommandContext, where: Where, o: StartOptions): Reply {
  const picked = pickQuestions(ctx, where, o.topic, o.count, o.now ?? ctx.now().getTime());
  if (!picked.ok) {
    return picked.reason === 'no-topic'
      ? reply({
          kind: 'not-found',
          title: `No quiz questions about “${o.topic}”`,
          blocks: [{ type: 'paragraph', text: 'Try another topic (a name, a year, a word such as “Kirov” or “trials”), or /quiz with no topic.' }],
          ephemeral: true,
        })
      : notice('No quiz questions yet', 'This group has no approved quiz questions. Moderators can approve generated questions or add their own.');
  }
  const r = startRunOf(ctx, where, picked.questions.map(snapshotBody), o);
  if (picked.questions.length < o.count)
    r.blocks.push({
      type: 'paragraph',
      text: `Only ${picked.questions.length} question${picked.questions.length === 1 ? '' : 's'} matched, so this run is shorter.`,
    });
  return r;
}

/**
 * Starts a run of the given questions, made for this moment rather than drawn from the bank (the
 * timeline's "Quiz me on the order"): answered and scored like any other; not in anyone's review pile.
 */
export function startRunOf(ctx: CommandContext, where: Where, questions: { id: string; body: QuestionBody }[], o: StartOptions): Reply {
  const now = o.now ?? ctx.now().getTime();
  const { run, post } = ctx.db
    .transaction(() => {
      const run = createRun(ctx.db, { space: spaceKey(where), where, topic: o.topic, questions, forUser: null, createdBy: o.createdBy, createdAt: now });
      o.created?.(run.id);
      return { run, post: insertPost(ctx.db, run, 1, now, openMs(ctx, run))! };
    })
    .immediate();
  return questionPost(ctx, post, run, { answered: 0, right: 0 });
}

/** A run's first question post as it stands: what a scheduler that takes over a slot posts again. */
export function firstPost(ctx: CommandContext, runId: number): Reply | null {
  const run = getRun(ctx.db, runId);
  const post = run && postAt(ctx.db, run.id, 1);
  return run && post ? questionPost(ctx, post, run, tally(ctx.db, post.id)) : null;
}

/** Offers question `index` of a run: posted once, whoever clicks "Next" first. */
export function nextQuestion(ctx: CommandContext, req: Request, runId: number, index: number): Reply {
  const run = getRun(ctx.db, runId);
  if (!run || run.space !== spaceKey(req.where)) return NOT_HERE();
  if (run.forUser && run.forUser !== req.user.id)
    return notice('Not your review', 'These review questions belong to another member. Try /quiz review for your own.');
  if (index < 2 || index > run.questions.length || !postAt(ctx.db, run.id, index - 1))
    return errorReply('No such question', `This run has questions 1 to ${run.questions.length}, offered one after another.`);
  const now = ctx.now().getTime();
  const post = insertPost(ctx.db, run, index, now, openMs(ctx, run));
  if (post) return questionPost(ctx, post, run, { answered: 0, right: 0 });
  const existing = postAt(ctx.db, run.id, index)!;
  if (run.forUser) return questionPost(ctx, existing, run, tally(ctx.db, existing.id));
  return notice('Already posted', `Question ${index} of this run is already up (question #${existing.id}).`);
}

function nextAction(ctx: CommandContext, run: Run, post: Post): Action | undefined {
  const index = post.runIndex + 1;
  if (index > run.questions.length || postAt(ctx.db, run.id, index)) return undefined;
  return ctx.actions.make(`Next question (${index}/${run.questions.length})`, { command: 'quiz', args: `next ${run.id} ${index}` }, 'primary');
}

/** One user's click on an answer button: private feedback, and the post redrawn with its tally. */
export function answerQuestion(ctx: CommandContext, req: Request, postId: number, choice: number): Reply {
  const post = getPost(ctx.db, postId);
  const run = post ? getRun(ctx.db, post.runId) : null;
  if (!post || !run || post.space !== spaceKey(req.where)) return NOT_HERE();
  if (post.forUser && post.forUser !== req.user.id)
    return notice('Not your review', 'This review question belongs to another member. Try /quiz review for your own.');
  if (choice >= post.body.options.length)
    return errorReply('No such option', `This question has options A to ${String.fromCharCode(64 + post.body.options.length)}.`);
  const now = ctx.now().getTime();
  if (isClosed(post, now)) {
    if (post.closedAt === null) markClosed(ctx.db, post.id, 'timer', post.closesAt);
    const closed = getPost(ctx.db, post.id) ?? post;
    return notice('This question has closed', 'Answers are no longer counted. The answer and its source are in the post.', {
      updateOriginal: closedPost(ctx, closed, run, tally(ctx.db, post.id)),
    });
  }
  const rec = recordAnswer(ctx.db, { post, userId: req.user.id, userName: req.user.name, choice, now });
  const next = nextAction(ctx, run, post);
  return {
    ...feedback(ctx, post, rec.choice, rec.correct, { repeat: !rec.inserted, unscored: !rec.scored && !post.forUser, ...(next ? { next } : {}) }),
    updateOriginal: questionPost(ctx, post, run, tally(ctx.db, post.id)),
  };
}

/**
 * A moderator's /quiz close: the post with its answer, cited passage and result, for the channel.
 * `close` marks the post closed and says whether this call closed it (the command passes one that
 * writes the audit log too).
 */
export function closeQuestion(
  ctx: CommandContext,
  req: Request,
  postId: number,
  close: (post: Post) => boolean = (p) => markClosed(ctx.db, p.id, req.user.id, ctx.now().getTime()),
): Reply {
  const post = getPost(ctx.db, postId);
  const run = post ? getRun(ctx.db, post.runId) : null;
  if (!post || !run || post.space !== spaceKey(req.where) || post.forUser) return NOT_HERE();
  const closedNow = post.closedAt === null && close(post);
  const closed = closedPost(ctx, getPost(ctx.db, post.id)!, run, tally(ctx.db, post.id));
  return closedNow ? closed : { ...closed, title: `Already closed — ${closed.title}`, ephemeral: true };
}

/**
 * Closes public posts whose time is up and returns the result posts for those someone answered.
 * Each post is closed by exactly one caller (see `markClosed`), so each result is posted once.
 */
export function closeExpired(ctx: CommandContext, now: number): { postId: number; where: Where; reply: Reply }[] {
  const out: { postId: number; where: Where; reply: Reply }[] = [];
  for (const post of expiredOpenPosts(ctx.db, now)) {
    if (!markClosed(ctx.db, post.id, 'timer', post.closesAt)) continue;
    const run = getRun(ctx.db, post.runId);
    const t = tally(ctx.db, post.id);
    if (run && t.answered > 0) out.push({ postId: post.id, where: run.where, reply: closedPost(ctx, getPost(ctx.db, post.id)!, run, t) });
  }
  return out;
}

/** /quiz review: the asker's due mistakes, as a personal run. */
export function startReview(ctx: CommandContext, req: Request): Reply {
  const space = spaceKey(req.where);
  const now = ctx.now().getTime();
  const hidden = hiddenPassages(ctx, req.where);
  // Questions rejected since, or whose passage was hidden or left the corpus, are not served again.
  const due = dueReviews(ctx.db, space, req.user.id, now)
    .map((id) => getQuestion(ctx.db, space, id))
    .filter((q): q is QuestionSnapshot => q !== null && q.status !== 'rejected' && !hidden.has(q.passageId) && ctx.repo.passage(q.passageId) !== undefined);
  if (!due.length) {
    const s = reviewSummary(ctx.db, space, req.user.id, now);
    const text = s.scheduled
      ? `Nothing is due yet. ${s.scheduled} question${s.scheduled === 1 ? '' : 's'} in your review pile; the next is due ${s.nextDue ? `${new Date(s.nextDue).toISOString().slice(0, 16).replace('T', ' ')} UTC` : 'soon'}.`
      : 'Your review pile is empty. Questions you get wrong come back here a day later.';
    return notice('Nothing to review', text);
  }
  const { run, post } = ctx.db
    .transaction(() => {
      const run = createRun(ctx.db, {
        space,
        where: req.where,
        topic: null,
        questions: due.map(snapshotBody),
        forUser: req.user.id,
        createdBy: req.user.id,
        createdAt: now,
      });
      return { run, post: insertPost(ctx.db, run, 1, now, REVIEW_OPEN_MS)! };
    })
    .immediate();
  return questionPost(ctx, post, run, { answered: 0, right: 0 });
}
