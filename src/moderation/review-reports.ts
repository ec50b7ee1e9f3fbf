/** The review queue: open reports one per page, each with Curate / Hide / Dismiss buttons. */
import { BACK_NEXT, pageNav } from '../core/pager.ts';
import type { CommandContext } from '../core/command.ts';
import { reply, type Action, type Block, type Citation, type Reply } from '../core/reply.ts';
import { spaceKey, type Request } from '../core/request.ts';
import { openReports, type Report } from './report-store.ts';
import { dayLabel } from './actor.ts';

/** Quotes of the reported reply shown in the queue; the rest are listed by id. */
const QUOTES_SHOWN = 2;

export function reportBlocks(r: Report): { blocks: Block[]; citations: Citation[] } {
  const citations: Citation[] = r.citations.slice(0, QUOTES_SHOWN);
  const blocks: Block[] = [
    {
      type: 'fields',
      fields: [
        { label: 'Request', value: r.command === 'quiz' ? `quiz question ${r.args}` : `/${r.command} ${r.args}` },
        { label: 'Reported by', value: `${r.reporter.name} on ${dayLabel(r.at)}` },
        { label: 'Reason', value: r.reason ?? 'none given' },
        { label: 'The reply was', value: r.replyTitle || '(untitled)' },
        { label: 'It cited', value: r.citations.length ? r.citations.map((c) => c.passage).join(', ') : 'no passages' },
      ],
    },
    ...citations.map((c, i): Block => ({ type: 'quote', text: c.quote, attribution: c.attribution, citation: i })),
  ];
  return { blocks, citations };
}

export function reportActions(ctx: CommandContext, r: Report): Action[] {
  if (r.command === 'quiz') {
    return [
      ctx.actions.make('Show question', { command: 'review', args: `quiz show ${r.args}` }),
      ctx.actions.make('Reject question', { command: 'review', args: `reject ${r.seq}` }, 'primary'),
      ctx.actions.make('Dismiss', { command: 'review', args: `dismiss ${r.seq}` }, 'danger'),
    ];
  }
  return [
    ctx.actions.make('Curate', { command: 'review', args: `curate ${r.seq}` }, 'primary'),
    ...(r.citations.length ? [ctx.actions.make('Hide a passage', { command: 'review', args: `hide ${r.seq}` })] : []),
    ctx.actions.make('Dismiss', { command: 'review', args: `dismiss ${r.seq}` }, 'danger'),
  ];
}

export function reportsPage(ctx: CommandContext, req: Request): Reply {
  const open = openReports(ctx.db, spaceKey(req.where));
  if (!open.length) {
    return reply({
      kind: 'notice',
      ephemeral: true,
      title: 'No open reports',
      blocks: [{ type: 'paragraph', text: 'The review queue is empty. /review log shows what moderators changed.' }],
      actions: [ctx.actions.make('Audit log', { command: 'review', args: 'log' })],
    });
  }
  const total = open.length;
  const { index, nav, page } = pageNav(ctx.actions, { command: 'review', args: '', page: req.page, total }, BACK_NEXT);
  const r = open[index - 1]!;
  return reply({
    kind: 'notice',
    ephemeral: true,
    title: `Report #${r.seq} (${index}/${total} open)`,
    ...reportBlocks(r),
    actions: [...nav, ...reportActions(ctx, r)],
    ...(page ? { page } : {}),
  });
}
