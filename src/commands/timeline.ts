/**
 * `/timeline TOPIC | PERSON [from YEAR] [to YEAR]`: the dated events from every source in date
 * order, each a verbatim, attributed sentence; dates two sources give differently side by side,
 * flagged in Sourcebook's own labelled voice; a picture of it all; a button to quiz the order.
 */
import { authorLabel, yearLabel } from '../corpus/cite.ts';
import { defineCommand, type CommandContext } from '../core/command.ts';
import { prefixAtWord } from '../core/fit.ts';
import { pagedReply } from '../core/pager.ts';
import { quoteUnit, textUnit, type Unit } from '../core/quotes.ts';
import { reply, type Reply, type ReplyImage } from '../core/reply.ts';
import type { Request } from '../core/request.ts';
import { timelinePng, type ChartInput } from '../core/timeline-chart.ts';
import { dateLabel, dateSpan } from '../answer/dates.ts';
import { dateConflicts, timelineEvents, timelineSubject, type DateConflict, type TimelineEvent } from '../answer/timeline.ts';
import { hiddenPassages } from '../moderation/hidden.ts';
import { TimelineArgsSchema, timelineArgsText, type TimelineArgs } from './timeline-args.ts';

/** Events listed at most: a longer list is narrowed with from/to. */
export const MAX_EVENTS = 60;
/** Alt text at most (Discord's attachment description allows 1024, Slack's alt text 1000). */
const MAX_ALT = 1000;

function sourceName(ctx: CommandContext, e: TimelineEvent): string {
  const meta = ctx.repo.source(e.passage.sourceId)!.meta;
  return `${authorLabel(meta)} (${yearLabel(meta)})`;
}

/** "Dates differ …": the sources' dates for one thing, in Sourcebook's voice and labelled so. */
function conflictText(ctx: CommandContext, c: DateConflict, number: Map<TimelineEvent, number>): string {
  const dates = c.events.map((e) => `${sourceName(ctx, e)} gives ${dateLabel(e.date)} (event ${number.get(e)}, [${e.passage.id}])`);
  return `Dates differ (Sourcebook’s note, not a source’s claim): when ${c.person} ${c.what}, ${dates.join('; ')}.`;
}

/** What the picture shows, in words: the events in order, each with its date and source. */
function altText(title: string, ctx: CommandContext, events: readonly TimelineEvent[]): string {
  const items = events.map((e, i) => `${i + 1}. ${dateLabel(e.date)}, ${sourceName(ctx, e)}`);
  return prefixAtWord(`${title}, ${events.length} dated event${events.length === 1 ? '' : 's'}: ${items.join('; ')}.`, MAX_ALT).text;
}

/** What the picture draws: the events numbered as in the reply, each in its source's row. */
export function timelineChartInput(ctx: CommandContext, title: string, events: readonly TimelineEvent[], conflicts: readonly DateConflict[]): ChartInput {
  const number = new Map(events.map((e, i) => [e, i + 1]));
  const when = (e: TimelineEvent) => {
    const first = dateSpan(e.date)[0];
    return Date.UTC(Math.floor(first / 10000), (Math.floor(first / 100) % 100) - 1, first % 100);
  };
  return {
    title,
    events: events.map((e, i) => ({ n: i + 1, when: when(e), source: sourceName(ctx, e) })),
    conflicts: conflicts.map((c) => c.events.map((e) => number.get(e)!)),
  };
}

function picture(ctx: CommandContext, title: string, events: readonly TimelineEvent[], conflicts: readonly DateConflict[]): ReplyImage {
  const input = timelineChartInput(ctx, title, events, conflicts);
  return { name: 'timeline.png', alt: altText(title, ctx, events), png: () => timelinePng(input) };
}

function ambiguous(ctx: CommandContext, args: TimelineArgs, people: { canonical: string }[]): Reply {
  const range = timelineArgsText({ ...args, subject: '' });
  return reply({
    kind: 'notice',
    title: `Which ${args.subject}?`,
    blocks: [
      { type: 'paragraph', text: `“${args.subject}” names ${people.length} people in the sources: ${people.map((p) => p.canonical).join(', ')}. Pick one.` },
    ],
    actions: people
      .slice(0, 5)
      .map((p) => ctx.actions.make(`Timeline: ${p.canonical}`, { command: 'timeline', args: `${p.canonical}${range ? ` ${range}` : ''}` })),
    ephemeral: true,
  });
}

export function timelineReply(ctx: CommandContext, args: TimelineArgs, req: Request): Reply {
  const found = timelineSubject(ctx, args.subject);
  if (found.kind === 'ambiguous') return ambiguous(ctx, args, found.people);
  if (found.kind === 'none') {
    return reply({
      kind: 'not-found',
      title: `No source speaks to “${args.subject}”`,
      blocks: [
        {
          type: 'paragraph',
          text: `No source uses ${found.missing.map((m) => `“${m}”`).join(', ') || 'these words'} in any form. Try a person (/timeline Yezhov) or a topic (/timeline show trials).`,
        },
      ],
    });
  }
  const years = args.from !== undefined || args.to !== undefined ? ` (${args.from ?? '…'}–${args.to ?? '…'})` : '';
  const title = `Timeline: ${found.label}${years}`;
  const all = timelineEvents(ctx, found.subject, { from: args.from, to: args.to, exclude: hiddenPassages(ctx, req.where) });
  if (!all.length) {
    return reply({
      kind: 'not-found',
      title,
      blocks: [
        {
          type: 'paragraph',
          text: `The sources give no dated event ${found.subject.kind === 'person' ? 'in this person’s life' : 'on this topic'}${years ? ' in those years' : ''}. Try /who or /compare for what they say without dates.`,
        },
      ],
    });
  }
  const events = all.slice(0, MAX_EVENTS);
  const conflicts = dateConflicts(ctx, events);
  const number = new Map(events.map((e, i) => [e, i + 1]));
  const sources = new Set(events.map((e) => e.passage.sourceId)).size;
  const header = textUnit(
    `${events.length} dated event${events.length === 1 ? '' : 's'} from ${sources} source${sources === 1 ? '' : 's'}, earliest first, each dated as its source dates it. Each quote is the source’s claim, not Sourcebook’s.${all.length > events.length ? ` The first ${MAX_EVENTS} of ${all.length}: narrow it with “from YEAR to YEAR”.` : ''}`,
  );
  const units: Unit[] = [];
  if (conflicts.length) units.push(textUnit(...conflicts.map((c) => conflictText(ctx, c, number))));
  events.forEach((e, i) => units.push(quoteUnit(ctx.repo, e.passage, e.text, `${i + 1}. ${dateLabel(e.date)}:`)));
  const text = timelineArgsText(args);
  const r = pagedReply({
    title,
    header,
    units,
    page: req.page ?? 1,
    command: 'timeline',
    args: text,
    actions: ctx.actions,
    extra: [
      ctx.actions.make('Quiz me on the order', { command: 'quiz', args: `order ${text}` }, 'primary'),
      ctx.actions.make('Report', { command: 'report', args: `timeline ${text}` }, 'danger'),
    ],
  });
  // The picture goes with the first page; later pages are the same events in words.
  return (req.page ?? 1) === 1 ? { ...r, image: picture(ctx, title, events, conflicts) } : r;
}

export const timelineCommand = defineCommand<TimelineArgs>({
  spec: {
    name: 'timeline',
    description: 'Dated events on a topic or in a person’s life, from every source, in date order, with a picture.',
    usage: '/timeline TOPIC | PERSON [from YEAR] [to YEAR]',
    example: '/timeline Yezhov',
    options: [
      {
        name: 'subject',
        description: 'A person (Yezhov) or a topic (Kirov murder), optionally “from 1934 to 1938”',
        required: true,
        autocomplete: false,
        maxLength: 200,
      },
    ],
    moderatorOnly: false,
    curatable: false,
  },
  schema: TimelineArgsSchema,
  run(ctx, args, req) {
    return timelineReply(ctx, args, req);
  },
});
