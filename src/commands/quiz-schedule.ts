/** `/quiz schedule …` and `/quiz settings …`: moderators' quiz administration for a channel and space. */
import type { CommandContext } from '../core/command.ts';
import { errorReply, reply, type Reply } from '../core/reply.ts';
import { spaceKey, type Request } from '../core/request.ts';
import { addSchedule, listSchedules, nextRunOf, removeSchedule, ScheduleSpecSchema, splitScheduleArgs, type Schedule } from '../quiz/schedule.ts';
import { setCloseMinutes } from '../quiz/settings.ts';

function describe(s: Schedule, now: Date): string {
  const next = nextRunOf(s, now);
  const parts = [`#${s.id}: ${s.label} (${s.timezone})`, `${s.count} question${s.count === 1 ? '' : 's'}`];
  if (s.topic) parts.push(`topic “${s.topic}”`);
  parts.push(`posted up to ${s.maxLateMinutes} min late after a restart`);
  if (next) parts.push(`next ${next.toISOString().slice(0, 16).replace('T', ' ')} UTC`);
  return parts.join(' · ');
}

export function scheduleCommand(ctx: CommandContext, req: Request, rest: string): Reply {
  const space = spaceKey(req.where);
  const now = ctx.now();
  const [head, ...tail] = rest.split(' ');
  if (head === 'list' && !tail.length) {
    const list = listSchedules(ctx.db, space, req.where.channel);
    return reply({
      kind: list.length ? 'answer' : 'notice',
      title: 'Quiz schedules in this channel',
      blocks: list.length
        ? [{ type: 'list', items: list.map((s) => describe(s, now)) }]
        : [{ type: 'paragraph', text: 'None yet. Add one with /quiz schedule 09:00 tz=Europe/Prague count=3.' }],
      ephemeral: true,
    });
  }
  if (head === 'remove') {
    const id = tail.length === 1 ? /^#?(\d{1,12})$/.exec(tail[0]!) : null;
    if (!id) return errorReply('/quiz schedule remove ID', 'Give the schedule number shown by /quiz schedule list, e.g. /quiz schedule remove 3.');
    const removed = removeSchedule(ctx.db, space, Number(id[1]));
    if (!removed) return errorReply('No such schedule', `This group has no quiz schedule #${id[1]}. See /quiz schedule list.`);
    return reply({ kind: 'notice', title: 'Schedule removed', blocks: [{ type: 'paragraph', text: `Removed ${describe(removed, now)}.` }], ephemeral: true });
  }
  const raw = splitScheduleArgs(rest);
  if ('error' in raw) return errorReply('/quiz schedule', raw.error);
  const spec = ScheduleSpecSchema.safeParse(raw);
  if (!spec.success) return errorReply('/quiz schedule', spec.error.issues[0]?.message ?? 'That schedule was not understood.');
  const added = addSchedule(ctx.db, space, req.where, spec.data, req.user.id, now.getTime());
  if ('error' in added) return errorReply('/quiz schedule', added.error);
  return reply({ kind: 'notice', title: 'Quiz scheduled', blocks: [{ type: 'paragraph', text: `Added ${describe(added, now)}.` }], ephemeral: true });
}

export function settingsCommand(ctx: CommandContext, req: Request, closeMinutes: number): Reply {
  const { before, after } = setCloseMinutes(ctx.db, spaceKey(req.where), closeMinutes);
  return reply({
    kind: 'notice',
    title: 'Quiz settings',
    blocks: [{ type: 'paragraph', text: `New questions stay open ${after.closeMinutes} minutes (was ${before.closeMinutes}).` }],
    ephemeral: true,
  });
}
