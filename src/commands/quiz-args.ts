/** `/quiz` arguments: a topic and count to start a run, or a subcommand (answer, next, stats, review, close, schedule, settings). */
import { z } from 'zod';
import { cleanText } from '../core/command.ts';
import { typedBySubcommand, type Values } from '../core/typed-args.ts';
import { splitScheduleArgs } from '../quiz/schedule.ts';
import { TimelineArgsSchema, type TimelineArgs } from './timeline-args.ts';

export const MAX_RUN = 10;

export type QuizArgs =
  | { sub: 'start'; topic: string | null; count: number }
  | { sub: 'answer'; post: number; option: number }
  | { sub: 'next'; run: number; index: number }
  | { sub: 'stats' }
  | { sub: 'review' }
  | { sub: 'close'; post: number }
  | { sub: 'schedule'; action: 'list' }
  | { sub: 'schedule'; action: 'remove'; id: number | null }
  | { sub: 'schedule'; action: 'add'; raw: ScheduleFields | { error: string } }
  | { sub: 'settings'; closeMinutes: number }
  | { sub: 'order'; timeline: TimelineArgs };

/** A schedule's fields as typed (`when`, `tz`, `topic`, `count`, `maxlate`), checked by the schedule's own schema. */
export type ScheduleFields = Record<string, string>;

const ID = /^#?(\d{1,12})$/;

function scheduleArgs(rest: string[]): QuizArgs {
  const [head, ...tail] = rest;
  if (head === 'list' && !tail.length) return { sub: 'schedule', action: 'list' };
  // "schedule add 08:00 …" is Discord's name for it; typed text may say it too.
  if (head === 'add') return scheduleArgs(tail);
  if (head === 'remove') {
    const id = tail.length === 1 ? ID.exec(tail[0]!) : null;
    return { sub: 'schedule', action: 'remove', id: id ? Number(id[1]) : null };
  }
  return { sub: 'schedule', action: 'add', raw: splitScheduleArgs(rest.join(' ')) };
}

function parse(text: string, ctx: z.RefinementCtx): QuizArgs {
  const fail = (message: string): QuizArgs => {
    ctx.addIssue({ code: 'custom', message });
    return z.NEVER;
  };
  if (!text) return { sub: 'start', topic: null, count: 1 };
  // "start Kirov 3" is Discord's name for a plain run; typed text may say it too.
  if (/^start(?: |$)/i.test(text)) return parse(text.slice(6), ctx);
  const [head, ...rest] = text.split(' ');
  const word = head!.toLowerCase();
  switch (word) {
    case 'answer': {
      const [post, option] = rest;
      if (rest.length !== 2 || !ID.test(post!) || !/^\d$/.test(option!))
        return fail('Usage: /quiz answer QUESTION_NUMBER OPTION (the answer buttons do this for you).');
      return { sub: 'answer', post: Number(ID.exec(post!)![1]), option: Number(option) };
    }
    case 'next': {
      const [run, index] = rest;
      if (rest.length !== 2 || !ID.test(run!) || !/^\d{1,2}$/.test(index!))
        return fail('Usage: /quiz next RUN INDEX (the “Next question” button does this for you).');
      return { sub: 'next', run: Number(ID.exec(run!)![1]), index: Number(index) };
    }
    case 'stats':
    case 'review':
      if (rest.length) return fail(`/quiz ${word} takes nothing after it.`);
      return { sub: word };
    case 'close': {
      if (rest.length !== 1 || !ID.test(rest[0]!)) return fail('Usage: /quiz close QUESTION_NUMBER (the number is shown under each question, e.g. #12).');
      return { sub: 'close', post: Number(ID.exec(rest[0]!)![1]) };
    }
    case 'schedule':
      if (!rest.length)
        return fail('Usage: /quiz schedule HH:MM|CRON [tz=Europe/Prague] [topic=…] [count=N] [maxlate=MINUTES], /quiz schedule list, /quiz schedule remove ID');
      return scheduleArgs(rest);
    case 'order': {
      // "/quiz order Yezhov from 1936": an ordering question from that timeline (its "Quiz me on the order" button).
      const t = TimelineArgsSchema.safeParse(rest.join(' '));
      if (!t.success) return fail(`Usage: /quiz order TOPIC | PERSON [from YEAR] [to YEAR]. ${t.error.issues[0]?.message ?? ''}`.trim());
      return { sub: 'order', timeline: t.data };
    }
    case 'settings': {
      const m = rest.length === 1 ? /^close=(\d{1,5})$/i.exec(rest[0]!) : null;
      const minutes = m ? Number(m[1]) : NaN;
      if (!m || minutes < 1 || minutes > 10080) return fail('Usage: /quiz settings close=MINUTES (how long new questions stay open, 1 to 10080).');
      return { sub: 'settings', closeMinutes: minutes };
    }
  }
  // "/quiz Kirov 3", "/quiz 5", "/quiz Great Terror": a trailing number of up to 3 digits is the count (a year is a topic).
  const words = text.split(' ');
  const last = words[words.length - 1]!;
  let count = 1;
  if (/^\d{1,3}$/.test(last)) {
    count = Number(last);
    words.pop();
    if (count < 1 || count > MAX_RUN) return fail(`A run has 1 to ${MAX_RUN} questions.`);
  }
  const topic = words.join(' ').trim();
  if (topic.length > 100) return fail('That topic is too long: at most 100 characters, please.');
  return { sub: 'start', topic: topic || null, count };
}

const clean = cleanText({ max: 300 });

export const QuizArgsSchema = z
  .string()
  .transform((s, ctx): string => {
    if (!s.trim()) return '';
    const r = clean.safeParse(s);
    if (r.success) return r.data;
    ctx.addIssue({ code: 'custom', message: r.error.issues[0]?.message ?? 'That input was not understood.' });
    return z.NEVER;
  })
  .transform(parse);

const SETTINGS_USAGE = 'How long new questions stay open, 1 to 10080 minutes.';

function startOf(v: Values, ctx: z.RefinementCtx): QuizArgs {
  const topic = v.text('topic', 100);
  const count = v.int('count') ?? 1;
  if (count < 1 || count > MAX_RUN) {
    ctx.addIssue({ code: 'custom', message: `A run has 1 to ${MAX_RUN} questions.` });
    return z.NEVER;
  }
  return { sub: 'start', topic: topic || null, count };
}

function positive(v: Values, ctx: z.RefinementCtx, name: string, message: string): number {
  const n = v.int(name);
  if (n === null || n < 1) {
    ctx.addIssue({ code: 'custom', message });
    return z.NEVER;
  }
  return n;
}

/** The same arguments from Discord's subcommands and typed options. */
export const QuizTypedSchema = typedBySubcommand<QuizArgs>({
  start: startOf,
  order: (v, ctx) => {
    const t = TimelineArgsSchema.safeParse(v.text('subject', 200));
    if (t.success) return { sub: 'order', timeline: t.data };
    ctx.addIssue({ code: 'custom', message: t.error.issues[0]?.message ?? 'Give a person or a topic.' });
    return z.NEVER;
  },
  stats: () => ({ sub: 'stats' }),
  review: () => ({ sub: 'review' }),
  close: (v, ctx) => ({ sub: 'close', post: positive(v, ctx, 'question', 'Give the question number shown under it, e.g. 12.') }),
  'schedule add': (v) => {
    const raw: ScheduleFields = { when: v.text('time', 100) };
    for (const [key, name] of [
      ['tz', 'timezone'],
      ['topic', 'topic'],
      ['count', 'count'],
      ['maxlate', 'maxlate'],
    ] as const) {
      const value = v.text(name, 100);
      if (value) raw[key] = value;
    }
    return { sub: 'schedule', action: 'add', raw };
  },
  'schedule list': () => ({ sub: 'schedule', action: 'list' }),
  'schedule remove': (v) => ({ sub: 'schedule', action: 'remove', id: v.int('schedule') }),
  settings: (v, ctx) => {
    const minutes = positive(v, ctx, 'close', SETTINGS_USAGE);
    if (minutes > 10080) {
      ctx.addIssue({ code: 'custom', message: SETTINGS_USAGE });
      return z.NEVER;
    }
    return { sub: 'settings', closeMinutes: minutes };
  },
});
