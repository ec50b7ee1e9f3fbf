/** Parsing `/review quiz …`: the quiz bank's moderation (approve, reject, edit, add, approval on/off). */
import { clip } from '../core/text-safe.ts';
import type { z } from 'zod';
import { fail, parsePassageId, splitBars, splitVerb } from './input.ts';

export const QUIZ_USAGE =
  '/review quiz · /review quiz approval on|off · /review quiz show|approve|reject ID · /review quiz edit ID | stem: … | options: A; B; C | answer: 2 | note: … · /review quiz add QUESTION | A; B; C | ANSWER NUMBER | PASSAGE ID [| note]';

export type QuizArgs =
  | { verb: 'pending' }
  | { verb: 'approval'; on: boolean }
  | { verb: 'show' | 'approve' | 'reject'; id: string }
  | { verb: 'edit'; id: string; patch: Record<string, unknown> }
  | { verb: 'add'; input: { stem: string; options: string[]; answer: number; passageId: string; note?: string } };

type IssueCtx = z.core.$RefinementCtx<unknown>;

/** Question ids are case-sensitive hashes: "q3xK9aPz0Lm" (generated), "m…" (a moderator's). */
const QUESTION_ID = /^[a-z][A-Za-z0-9]{4,30}$/;

export function questionId(ctx: IssueCtx, text: string): string {
  const id = text.trim();
  if (!QUESTION_ID.test(id)) return fail(ctx, `“${clip(id, 40)}” is not a question id; /review quiz shows them.`);
  return id;
}

function options(ctx: IssueCtx, text: string): string[] {
  const list = text.split(';').map((o) => o.trim());
  if (list.some((o) => !o)) return fail(ctx, 'Separate options with ; and leave none empty: A; B; C');
  if (list.length < 2 || list.length > 5) return fail(ctx, 'Give two to five options, separated by ;');
  return list;
}

/** "2" → 1: moderators count options from 1, the bank from 0. */
function answerIndex(ctx: IssueCtx, text: string, count?: number): number {
  const m = /^\d{1,2}$/.exec(text.trim());
  const n = m ? Number(text) : 0;
  if (n < 1 || (count !== undefined && n > count)) return fail(ctx, `The answer is the number of the right option${count ? `, 1 to ${count}` : ''}.`);
  return n - 1;
}

const EDIT_FIELDS: Record<string, string> = {
  stem: 'stem',
  question: 'stem',
  options: 'options',
  answer: 'answer',
  note: 'note',
  prompt: 'prompt',
  passage: 'passageId',
  quote: 'quote',
};

/** Limits of the bank's question schema, checked here so the message names the field. */
const TEXT_LIMITS: Record<string, { min: number; max: number; name: string }> = {
  stem: { min: 10, max: 1000, name: 'The question' },
  prompt: { min: 1, max: 120, name: 'The prompt' },
  note: { min: 0, max: 300, name: 'The note' },
  quote: { min: 1, max: 2000, name: 'The quote' },
};

function text(ctx: IssueCtx, field: string, value: string): string {
  const lim = TEXT_LIMITS[field];
  if (lim && value.length < lim.min) return fail(ctx, `${lim.name} needs at least ${lim.min} characters.`);
  if (lim && value.length > lim.max) return fail(ctx, `${lim.name} is too long: at most ${lim.max} characters.`);
  return value;
}

/** Field names as moderators type them (or Discord names the options) → the bank's. */
export const EDIT_OPTIONS = ['stem', 'options', 'answer', 'note', 'prompt', 'passage', 'quote'] as const;

function patchOf(ctx: IssueCtx, parts: string[]): Record<string, unknown> {
  const pairs: [string, string][] = [];
  for (const part of parts) {
    const m = /^(\w+)\s*[:=]\s*([\s\S]*)$/.exec(part);
    if (!m || !EDIT_FIELDS[m[1]!.toLowerCase()])
      return fail(ctx, `“${clip(part, 40)}” is not field: value. Fields: stem, options, answer, note, prompt, passage, quote.`);
    pairs.push([m[1]!, m[2]!]);
  }
  return patchFrom(ctx, pairs);
}

/** The changes to a question, from (field, value) pairs, each checked against the bank's limits. */
export function patchFrom(ctx: IssueCtx, pairs: [string, string][]): Record<string, unknown> {
  if (!pairs.length) return fail(ctx, 'What to change? e.g. /review quiz edit ID | stem: The new question text');
  const patch: Record<string, unknown> = {};
  for (const [name, raw] of pairs) {
    const field = EDIT_FIELDS[name.toLowerCase()]!;
    const value = raw.trim();
    if (field in patch) return fail(ctx, `${name} is given twice.`);
    if (field === 'options') patch[field] = options(ctx, value);
    else if (field === 'answer') patch[field] = answerIndex(ctx, value);
    else if (field === 'passageId') patch[field] = parsePassageId(ctx, value);
    else patch[field] = text(ctx, field, value);
  }
  return patch;
}

/** A moderator's new question, every part checked; `answer` counts options from 1. */
export function addArgs(ctx: IssueCtx, stem: string, opts: string, answer: string, passage: string, note?: string): QuizArgs {
  const list = options(ctx, opts);
  return {
    verb: 'add',
    input: {
      stem: text(ctx, 'stem', stem),
      options: list,
      answer: answerIndex(ctx, answer, Array.isArray(list) ? list.length : undefined),
      passageId: parsePassageId(ctx, passage),
      ...(note ? { note: text(ctx, 'note', note) } : {}),
    },
  };
}

export function parseQuizArgs(ctx: IssueCtx, rest: string): QuizArgs {
  const [verb, tail] = splitVerb(rest);
  switch (verb) {
    case '':
    case 'pending':
      return { verb: 'pending' };
    case 'approval': {
      const v = tail.toLowerCase();
      if (v !== 'on' && v !== 'off') return fail(ctx, 'Usage: /review quiz approval on|off');
      return { verb, on: v === 'on' };
    }
    case 'show':
    case 'approve':
    case 'reject':
      return { verb, id: questionId(ctx, tail) };
    case 'edit': {
      const [id = '', ...parts] = splitBars(tail);
      return { verb, id: questionId(ctx, id), patch: patchOf(ctx, parts) };
    }
    case 'add': {
      const parts = splitBars(tail);
      if (parts.length < 4 || parts.length > 5) return fail(ctx, 'Usage: /review quiz add QUESTION | A; B; C | ANSWER NUMBER | PASSAGE ID [| note]');
      const [stem, opts, answer, passage, note] = parts as [string, string, string, string, string | undefined];
      return addArgs(ctx, stem, opts, answer, passage, note);
    }
    default:
      return fail(ctx, QUIZ_USAGE);
  }
}
