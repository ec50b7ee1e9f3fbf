/** `/quiz` arguments: a topic and count to start a run, or a subcommand (answer, next, stats, review, close, schedule, settings). */
import { z } from 'zod';
import { cleanText } from '../core/command.ts';

export const MAX_RUN = 10;

export type QuizArgs =
  | { sub: 'start'; topic: string | null; count: number }
  | { sub: 'answer'; post: number; option: number }
  | { sub: 'next'; run: number; index: number }
  | { sub: 'stats' }
  | { sub: 'review' }
  | { sub: 'close'; post: number }
  | { sub: 'schedule'; rest: string }
  | { sub: 'settings'; closeMinutes: number };

const ID = /^#?(\d{1,12})$/;

function parse(text: string, ctx: z.RefinementCtx): QuizArgs {
  const fail = (message: string): QuizArgs => {
    ctx.addIssue({ code: 'custom', message });
    return z.NEVER;
  };
  if (!text) return { sub: 'start', topic: null, count: 1 };
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
      return { sub: 'schedule', rest: rest.join(' ') };
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
