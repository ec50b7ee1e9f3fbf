/**
 * `/quiz schedule …` and `/quiz settings …`: moderators' quiz administration for a channel and
 * space. Every change goes through the audit log, so it shows in /review log and /undo reverts it.
 */
import type { CommandContext } from '../core/command.ts';
import { errorReply, reply, type Reply } from '../core/reply.ts';
import { spaceKey, type Request } from '../core/request.ts';
import { record } from '../moderation/audit.ts';
import { readQuizCloseMinutes } from '../moderation/quiz-admin-targets.ts';
import { changed, unchanged } from '../moderation/replies.ts';
import {
  addSchedule,
  catchUpMinutes,
  getSchedule,
  listSchedules,
  nextRunOf,
  removeSchedule,
  SCHEDULE_PLATFORMS,
  scheduleState,
  ScheduleSpecSchema,
  type Schedule,
} from '../quiz/schedule.ts';
import { getSettings, setCloseMinutes } from '../quiz/settings.ts';
import type { QuizArgs, ScheduleFields } from './quiz-args.ts';

function describe(s: Schedule, now: Date): string {
  const next = nextRunOf(s, now);
  const parts = [`#${s.id}: ${s.label} (${s.timezone})`, `${s.count} question${s.count === 1 ? '' : 's'}`];
  if (s.topic) parts.push(`topic “${s.topic}”`);
  parts.push(`posted up to ${catchUpMinutes(s.maxLateMinutes)} min late after a restart`);
  if (next) parts.push(`next ${next.toISOString().slice(0, 16).replace('T', ' ')} UTC`);
  return parts.join(' · ');
}

function notChanged(refused: string): Reply {
  return errorReply('/quiz schedule', `${refused.replace(/([^.!?])$/, '$1.')} Nothing was changed.`);
}

function list(ctx: CommandContext, req: Request): Reply {
  const schedules = listSchedules(ctx.db, spaceKey(req.where), req.where.channel);
  return reply({
    kind: schedules.length ? 'answer' : 'notice',
    title: 'Quiz schedules in this channel',
    blocks: schedules.length
      ? [{ type: 'list', items: schedules.map((s) => describe(s, ctx.now())) }]
      : [{ type: 'paragraph', text: 'None yet. Add one with /quiz schedule 09:00 tz=Europe/Prague count=3.' }],
    ephemeral: true,
  });
}

function remove(ctx: CommandContext, req: Request, id: number | null): Reply {
  const space = spaceKey(req.where);
  if (id === null) return errorReply('/quiz schedule remove ID', 'Give the schedule number shown by /quiz schedule list, e.g. /quiz schedule remove 3.');
  const existing = getSchedule(ctx.db, space, id);
  if (!existing) return errorReply('No such schedule', `This group has no quiz schedule #${id}. See /quiz schedule list.`);
  const now = ctx.now();
  const entry = record(ctx, req, 'quiz.schedule.remove', `Removed quiz schedule #${existing.id} (${existing.label}, ${existing.timezone})`, () => {
    const removed = removeSchedule(ctx.db, space, existing.id, now.getTime());
    if (!removed) return `Quiz schedule #${existing.id} was removed a moment ago`;
    return { targets: [{ type: 'quiz-schedule', id: existing.id }], before: [{ ...scheduleState(removed) }] };
  });
  if ('refused' in entry) return notChanged(entry.refused);
  return changed(ctx, req, entry, 'Schedule removed', `Removed ${describe(existing, now)}.`);
}

function add(ctx: CommandContext, req: Request, raw: ScheduleFields | { error: string }): Reply {
  // The console has no channel a scheduled post could appear in: nothing would ever show it.
  if (!(SCHEDULE_PLATFORMS as readonly string[]).includes(req.where.platform)) {
    return errorReply(
      '/quiz schedule',
      'Scheduled posts need Discord or Slack: the console has no channel to post to. Use /quiz to ask a question now. Nothing was changed.',
    );
  }
  if ('error' in raw) return errorReply('/quiz schedule', raw.error);
  const spec = ScheduleSpecSchema.safeParse(raw);
  if (!spec.success) return errorReply('/quiz schedule', spec.error.issues[0]?.message ?? 'That schedule was not understood.');
  const space = spaceKey(req.where);
  const now = ctx.now();
  const entry = record(ctx, req, 'quiz.schedule.add', `Scheduled quizzes in channel ${req.where.channel}: ${spec.data.label} (${spec.data.timezone})`, () => {
    const s = addSchedule(ctx.db, space, req.where, spec.data, req.user.id, now.getTime());
    if ('error' in s) return s.error;
    return { targets: [{ type: 'quiz-schedule', id: s.id }], before: [null] };
  });
  if ('refused' in entry) return notChanged(entry.refused);
  const target = entry.targets[0];
  const added = target?.type === 'quiz-schedule' ? getSchedule(ctx.db, space, target.id) : null;
  return changed(ctx, req, entry, 'Quiz scheduled', added ? `Added ${describe(added, now)}.` : 'Added.');
}

export function scheduleCommand(ctx: CommandContext, req: Request, args: Extract<QuizArgs, { sub: 'schedule' }>): Reply {
  switch (args.action) {
    case 'list':
      return list(ctx, req);
    case 'remove':
      return remove(ctx, req, args.id);
    case 'add':
      return add(ctx, req, args.raw);
  }
}

export function settingsCommand(ctx: CommandContext, req: Request, closeMinutes: number): Reply {
  const space = spaceKey(req.where);
  const current = getSettings(ctx.db, space).closeMinutes;
  if (current === closeMinutes) return unchanged('Nothing changed', `New questions already stay open ${current} minutes here.`);
  const entry = record(ctx, req, 'quiz.settings', `Set quiz questions to stay open ${closeMinutes} minutes (was ${current})`, () => {
    const before = readQuizCloseMinutes(ctx.db, space);
    setCloseMinutes(ctx.db, space, closeMinutes);
    return { targets: [{ type: 'quiz-close-minutes' }], before: [before] };
  });
  if ('refused' in entry) return errorReply('Quiz settings', entry.refused);
  return changed(ctx, req, entry, 'Quiz settings', `New questions stay open ${closeMinutes} minutes (was ${current}).`);
}
