/**
 * `/quiz [topic] [count]`: multiple-choice questions generated from the corpus, each tied to its
 * passage; answering quotes and cites that passage. Subcommands: answer and next (from buttons),
 * stats, review, and for moderators close, schedule and settings.
 */
import { defineCommand, type CommandContext } from '../core/command.ts';
import { errorReply, reply, type Reply } from '../core/reply.ts';
import { spaceKey, type Request } from '../core/request.ts';
import { record } from '../moderation/audit.ts';
import { isModerator } from '../moderation/permissions.ts';
import { readQuizPost } from '../moderation/quiz-admin-targets.ts';
import { userStats } from '../quiz/leaderboard.ts';
import { answerQuestion, closeQuestion, nextQuestion, startReview, startRun, startRunOf } from '../quiz/play.ts';
import { orderQuestionFrom } from '../quiz/timeline-order.ts';
import { timelineEvents, timelineSubject } from '../answer/timeline.ts';
import { hiddenPassages } from '../moderation/hidden.ts';
import { timelineArgsText, type TimelineArgs } from './timeline-args.ts';
import { markClosed, type Post } from '../quiz/posts.ts';
import { reviewSummary } from '../quiz/review.ts';
import { MAX_RUN, QuizArgsSchema, QuizTypedSchema, type QuizArgs } from './quiz-args.ts';
import { scheduleCommand, settingsCommand } from './quiz-schedule.ts';
import { timeZones } from './suggestions.ts';

function moderatorsOnly(sub: string): Reply {
  return reply({
    kind: 'refusal',
    ephemeral: true,
    title: 'Moderators only',
    blocks: [{ type: 'paragraph', text: `/quiz ${sub} is for this group's moderators. Nothing was changed.` }],
  });
}

/** Closes a post for /quiz close and logs it (/review log, /undo reopens it while its time lasts); false when it was closed already. */
function closeLogged(ctx: CommandContext, req: Request, post: Post): boolean {
  const space = spaceKey(req.where);
  const entry = record(ctx, req, 'quiz.close', `Closed quiz question #${post.id}`, () => {
    const before = readQuizPost(ctx.db, space, post.id);
    if (!markClosed(ctx.db, post.id, req.user.id, ctx.now().getTime())) return 'already closed';
    return { targets: [{ type: 'quiz-post', id: post.id }], before: [before] };
  });
  return !('refused' in entry);
}

function statsReply(ctx: CommandContext, req: Request): Reply {
  const space = spaceKey(req.where);
  const now = ctx.now().getTime();
  const s = userStats(ctx.db, space, req.user.id, now);
  const r = reviewSummary(ctx.db, space, req.user.id, now);
  if (!s)
    return reply({
      kind: 'notice',
      title: 'Your quiz stats',
      blocks: [{ type: 'paragraph', text: 'No answers yet in this group. Try /quiz.' }],
      ephemeral: true,
    });
  return reply({
    title: 'Your quiz stats',
    blocks: [
      {
        type: 'fields',
        fields: [
          { label: 'Score', value: `${s.right} right of ${s.answered}` },
          { label: 'Accuracy', value: `${Math.round(s.accuracy * 100)}%` },
          { label: 'Streak', value: `${s.streak} (best ${s.bestStreak})` },
          { label: 'Rank', value: `${s.rank} of ${s.players}` },
          { label: 'Review', value: `${r.due} due, ${r.scheduled} in your pile` },
        ],
      },
    ],
    actions: r.due ? [ctx.actions.make(`Review ${r.due} mistake${r.due === 1 ? '' : 's'}`, { command: 'quiz', args: 'review' }, 'primary')] : [],
    ephemeral: true,
  });
}

/** Four events of a timeline to put in order, as a one-question run. */
function orderQuiz(ctx: CommandContext, req: Request, args: TimelineArgs): Reply {
  const found = timelineSubject(ctx, args.subject);
  if (found.kind !== 'subject') {
    return errorReply(
      'No timeline to quiz',
      found.kind === 'ambiguous'
        ? `“${args.subject}” names ${found.people.map((p) => p.canonical).join(', ')}: give the full name.`
        : `No source speaks to “${args.subject}”. Try a person (Yezhov) or a topic (show trials).`,
    );
  }
  const events = timelineEvents(ctx, found.subject, { from: args.from, to: args.to, exclude: hiddenPassages(ctx, req.where) });
  const q = orderQuestionFrom(ctx.repo, events, `${timelineArgsText(args)}:${ctx.now().toISOString().slice(0, 10)}`);
  if (!q) {
    return errorReply(
      'Too few events to put in order',
      `The sources date fewer than four events of “${timelineArgsText(args)}” clearly enough apart to be put in order. Try a wider subject or range.`,
    );
  }
  return startRunOf(ctx, req.where, [q], { topic: null, count: 1, createdBy: req.user.id });
}

export const quizCommand = defineCommand<QuizArgs>({
  spec: {
    name: 'quiz',
    description: 'A quiz question from the sources; answers quote and cite the passage. Also: stats, review.',
    usage: '/quiz [topic] [count 1–10] | order TOPIC | stats | review | close N | schedule …',
    example: '/quiz Kirov 3',
    options: [],
    // The answer and next-question steps are the buttons' own and are not offered as subcommands.
    subcommands: [
      {
        name: 'start',
        description: 'Questions from the sources, on a topic or any',
        options: [
          { name: 'topic', description: 'A topic or person, e.g. Kirov; empty for any', required: false, autocomplete: false, maxLength: 100 },
          { name: 'count', description: 'How many questions in a row, 1 to 10', required: false, autocomplete: false, integer: { min: 1, max: MAX_RUN } },
        ],
      },
      {
        name: 'order',
        description: 'Put four dated events of a timeline in order',
        options: [
          {
            name: 'subject',
            description: 'A person (Yezhov) or a topic (show trials), optionally “from 1934 to 1938”',
            required: true,
            autocomplete: false,
            maxLength: 200,
          },
        ],
      },
      { name: 'stats', description: 'Your score, streak and rank in this group', options: [] },
      { name: 'review', description: 'Questions you got wrong, due again', options: [] },
      {
        name: 'close',
        description: 'Moderators: close a question now and show the answer',
        options: [
          {
            name: 'question',
            description: 'The number under the question, e.g. 12',
            required: true,
            autocomplete: false,
            integer: { min: 1, max: 999_999_999 },
          },
        ],
      },
      {
        name: 'schedule add',
        description: 'Moderators: post questions to this channel on a schedule',
        options: [
          { name: 'time', description: 'HH:MM (09:00) or a cron pattern (0 9 * * 1-5)', required: true, autocomplete: false, maxLength: 100 },
          { name: 'timezone', description: 'An IANA time zone, e.g. Europe/Prague (default UTC)', required: false, autocomplete: true, maxLength: 64 },
          { name: 'topic', description: 'Only questions on this topic', required: false, autocomplete: false, maxLength: 100 },
          { name: 'count', description: 'Questions per post, 1 to 10', required: false, autocomplete: false, integer: { min: 1, max: MAX_RUN } },
          {
            name: 'maxlate',
            description: 'Minutes a missed post may still go out after a restart',
            required: false,
            autocomplete: false,
            integer: { min: 0, max: 1440 },
          },
        ],
      },
      { name: 'schedule list', description: 'Moderators: the schedules in this channel', options: [] },
      {
        name: 'schedule remove',
        description: 'Moderators: remove a schedule',
        options: [
          { name: 'schedule', description: 'Its number in /quiz schedule list', required: true, autocomplete: false, integer: { min: 1, max: 999_999_999 } },
        ],
      },
      {
        name: 'settings',
        description: 'Moderators: how long new questions stay open',
        options: [{ name: 'close', description: 'Minutes, 1 to 10080', required: true, autocomplete: false, integer: { min: 1, max: 10080 } }],
      },
    ],
    moderatorOnly: false,
  },
  schema: QuizArgsSchema,
  typed: QuizTypedSchema,
  suggest: (_ctx, option, partial) => (option === 'timezone' ? timeZones(partial) : []),
  run(ctx, args, req) {
    switch (args.sub) {
      case 'start':
        return startRun(ctx, req.where, { topic: args.topic, count: args.count, createdBy: req.user.id });
      case 'answer':
        return answerQuestion(ctx, req, args.post, args.option);
      case 'next':
        return nextQuestion(ctx, req, args.run, args.index);
      case 'order':
        return orderQuiz(ctx, req, args.timeline);
      case 'stats':
        return statsReply(ctx, req);
      case 'review':
        return startReview(ctx, req);
      case 'close':
        return isModerator(ctx, req) ? closeQuestion(ctx, req, args.post, (post) => closeLogged(ctx, req, post)) : moderatorsOnly('close');
      case 'schedule':
        return isModerator(ctx, req) ? scheduleCommand(ctx, req, args) : moderatorsOnly('schedule');
      case 'settings':
        return isModerator(ctx, req) ? settingsCommand(ctx, req, args.closeMinutes) : moderatorsOnly('settings');
    }
  },
});
