/** `/timeline TOPIC | PERSON [from YEAR] [to YEAR]`: the subject and the years it is limited to. */
import { z } from 'zod';
import { cleanText } from '../core/command.ts';

export interface TimelineArgs {
  subject: string;
  from?: number;
  to?: number;
}

/** The years a timeline may be limited to: the corpus reaches from the revolution to the 2010s. */
const FIRST_YEAR = 1800;
const LAST_YEAR = 2100;

const USAGE = 'For example: /timeline Yezhov, /timeline Kirov murder from 1934 to 1936.';
const RANGE = /^(.*?)(?:\s+from\s+(\d{1,4}))?(?:\s+to\s+(\d{1,4}))?$/i;

function parse(text: string, ctx: z.RefinementCtx): TimelineArgs {
  const m = RANGE.exec(text)!;
  const subject = m[1]!.trim();
  const fail = (message: string) => {
    ctx.addIssue({ code: 'custom', message });
    return z.NEVER;
  };
  if (!subject) return fail(`A timeline of what or whom? ${USAGE}`);
  const year = (s: string | undefined) => (s === undefined ? undefined : Number(s));
  const from = year(m[2]);
  const to = year(m[3]);
  for (const y of [from, to])
    if (y !== undefined && (y < FIRST_YEAR || y > LAST_YEAR)) return fail(`Years are written in full, e.g. from 1934 to 1938. ${USAGE}`);
  if (from !== undefined && to !== undefined && from > to) return fail(`“from ${from}” comes after “to ${to}”: give the earlier year first.`);
  return { subject, ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) };
}

export const TimelineArgsSchema = cleanText({ max: 200, emptyMessage: `A timeline of what or whom? ${USAGE}` }).transform(parse);

/** The arguments as typed again (for paging and the quiz button). */
export function timelineArgsText(a: TimelineArgs): string {
  return [a.subject, a.from !== undefined ? `from ${a.from}` : '', a.to !== undefined ? `to ${a.to}` : ''].filter(Boolean).join(' ');
}
