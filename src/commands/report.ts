/**
 * `/report COMMAND ARGS [| reason]`: what the "Report" button on every answer runs. Stores the
 * reply as the reporter saw it (title and citations) for this group's moderators (/review).
 */
import { defineCommand } from '../core/command.ts';
import { reply } from '../core/reply.ts';
import { spaceKey, type Request } from '../core/request.ts';
import { CURATABLE } from '../moderation/curatable.ts';
import { applyCuration } from '../moderation/curation-hook.ts';
import { curationKey } from '../moderation/curation-key.ts';
import { fail, modLine, parseAnswerTarget, splitBars } from '../moderation/input.ts';
import { countOpenBy, insertReport, MAX_REASON, openReportsFor } from '../moderation/report-store.ts';
import { actorOf } from '../moderation/actor.ts';

/** Open reports one person may have in a space: enough for real use, not enough to flood the queue. */
export const MAX_OPEN_REPORTS_PER_USER = 20;

const ReportArgs = modLine(900, 'Report which answer? For example: /report who Yezhov | the dates look wrong').transform((s, ctx) => {
  const [target = '', ...rest] = splitBars(s);
  const reason = rest.join(' | ').trim();
  if (reason.length > MAX_REASON) return fail(ctx, `The reason is too long: at most ${MAX_REASON} characters, please.`);
  return { ...parseAnswerTarget(ctx, target), reason: reason || null };
});

export const reportCommand = defineCommand({
  spec: {
    name: 'report',
    description: 'Report an answer to this group’s moderators, with an optional reason.',
    usage: '/report COMMAND ARGS [| reason]',
    example: '/report who Yezhov | the dates look wrong',
    // One option: adapters join separate options with spaces, which would lose the | before the reason.
    options: [{ name: 'answer', description: 'What was asked, then an optional | reason, e.g. who Yezhov | dates look wrong', required: true, autocomplete: false, maxLength: 900 }],
    moderatorOnly: false,
  },
  schema: ReportArgs,
  async run(ctx, { command, args, reason }, req) {
    const space = spaceKey(req.where);
    const key = curationKey(ctx, command, args);
    if (!key) return reply({ kind: 'error', ephemeral: true, title: 'Nothing to report', blocks: [{ type: 'paragraph', text: 'Name what was asked, e.g. /report who Yezhov.' }] });
    const mine = openReportsFor(ctx.db, space, command, key).find((r) => r.reporter.id === req.user.id);
    if (mine) {
      return reply({
        kind: 'notice',
        ephemeral: true,
        title: 'Already reported',
        blocks: [{ type: 'paragraph', text: `You reported /${command} ${mine.args} already (report #${mine.seq}); the moderators will look at it.` }],
      });
    }
    // The reply exactly as this space shows it now, curation included: what the reporter saw.
    const asked: Request = { command, args, user: req.user, where: req.where };
    const shown = applyCuration(ctx, asked, await CURATABLE[command].run(ctx, args, asked));
    const seq = ctx.db.transaction(() => {
      if (countOpenBy(ctx.db, space, req.user.id) >= MAX_OPEN_REPORTS_PER_USER) return null;
      return insertReport(ctx.db, space, {
        command,
        args,
        key,
        reason,
        replyTitle: shown.title.slice(0, 1000),
        citations: shown.citations.slice(0, 50).map((c) => ({ passage: c.passage, source: c.source, quote: c.quote, where: c.where, attribution: c.attribution })),
        reporter: actorOf(req),
        channel: req.where.channel.slice(0, 200),
        at: ctx.now().getTime(),
      });
      // IMMEDIATE: the count and the next number are read before the insert; with shards on one
      // database a deferred transaction fails (SQLITE_BUSY_SNAPSHOT) if another writes in between.
    }).immediate();
    if (seq === null) {
      return reply({
        kind: 'refusal',
        ephemeral: true,
        title: 'Too many open reports',
        blocks: [{ type: 'paragraph', text: `You have ${MAX_OPEN_REPORTS_PER_USER} reports waiting for the moderators; please wait until they review them.` }],
      });
    }
    return reply({
      kind: 'notice',
      ephemeral: true,
      title: `Report #${seq} sent`,
      blocks: [{ type: 'paragraph', text: `Thank you. This group’s moderators will review “${shown.title}” (/${command} ${args})${reason ? ` with your reason: ${reason}` : ''}.` }],
    });
  },
});
