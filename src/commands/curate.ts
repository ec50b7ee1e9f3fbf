/**
 * `/curate pin|note|clear|list`: moderators pin an answer in place of the automatic one, or put a
 * note above it, for one command and its normalized arguments (`/who Yezhov` covers `/who Ежов`).
 * Pinning or noting resolves the open reports about that answer; every change is undoable.
 */
import type { z } from 'zod';
import { defineCommand, type CommandContext } from '../core/command.ts';
import { pagedReply } from '../core/pager.ts';
import { textUnit } from '../core/quotes.ts';
import { errorReply, reply, type Reply } from '../core/reply.ts';
import { spaceKey, type Request } from '../core/request.ts';
import { commit, type Change } from '../moderation/audit.ts';
import { curatedAnswer, withNote } from '../moderation/curated-reply.ts';
import { curationKey } from '../moderation/curation-key.ts';
import {
  getCuration,
  listCurations,
  MAX_CURATED_PASSAGES,
  MAX_CURATED_TEXT,
  MAX_NOTE_TEXT,
  type CurationKind,
  type CurationState,
} from '../moderation/curation-store.ts';
import { hiddenIds } from '../moderation/hidden-store.ts';
import { fail, modLine, parsePassageIds, splitBars, splitVerb } from '../moderation/input.ts';
import { parseAnswerTarget, type AnswerTarget } from './answer-target.ts';
import { typedBySubcommand } from '../core/typed-args.ts';
import { changed, reportsNote, resolveReports, unchanged } from '../moderation/replies.ts';
import { openReportsFor } from '../moderation/report-store.ts';
import { actorOf, dayLabel } from '../moderation/actor.ts';

const USAGE = '/curate pin who Yezhov | ANSWER | rei-87dfk eme-rmhkc · /curate note who Yezhov | NOTE · /curate clear who Yezhov · /curate list';

type CurateArgs =
  | { verb: 'pin'; target: AnswerTarget; text: string; passages: string[] }
  | { verb: 'note'; target: AnswerTarget; text: string }
  | { verb: 'clear'; target: AnswerTarget }
  | { verb: 'list' };

function checkText(ctx: z.core.$RefinementCtx<unknown>, text: string | undefined, max: number, what: string): string {
  if (!text) return fail(ctx, `The ${what} is missing. ${USAGE}`);
  if (text.length > max) return fail(ctx, `The ${what} is too long: at most ${max} characters, please.`);
  return text;
}

const CurateSchema = modLine(1700, `What to curate? ${USAGE}`).transform((s, ctx): CurateArgs => {
  const [verb, rest] = splitVerb(s);
  const parts = splitBars(rest);
  switch (verb) {
    case 'pin':
      if (parts.length !== 3) return fail(ctx, `A pinned answer needs three parts separated by |: ${USAGE.split(' · ')[0]}`);
      return {
        verb,
        target: parseAnswerTarget(ctx, parts[0]!),
        text: checkText(ctx, parts[1], MAX_CURATED_TEXT, 'answer text'),
        passages: parsePassageIds(ctx, parts[2]!, MAX_CURATED_PASSAGES),
      };
    case 'note':
      if (parts.length !== 2) return fail(ctx, `A note needs two parts separated by |: ${USAGE.split(' · ')[1]}`);
      return { verb, target: parseAnswerTarget(ctx, parts[0]!), text: checkText(ctx, parts[1], MAX_NOTE_TEXT, 'note') };
    case 'clear':
      if (parts.length !== 1) return fail(ctx, 'Clear takes only the answer: /curate clear who Yezhov');
      return { verb, target: parseAnswerTarget(ctx, parts[0]!) };
    case 'list':
      if (rest) return fail(ctx, '/curate list takes nothing after it.');
      return { verb };
    default:
      return fail(ctx, `Start with pin, note, clear or list. ${USAGE}`);
  }
});

/** The same arguments from Discord's subcommands and typed options. */
const CurateTyped = typedBySubcommand<CurateArgs>({
  pin: (v, ctx) => ({
    verb: 'pin',
    target: parseAnswerTarget(ctx, v.text('request', 600)),
    text: checkText(ctx, v.text('answer', 6000), MAX_CURATED_TEXT, 'answer text'),
    passages: parsePassageIds(ctx, v.text('passages', 600), MAX_CURATED_PASSAGES),
  }),
  note: (v, ctx) => ({
    verb: 'note',
    target: parseAnswerTarget(ctx, v.text('request', 600)),
    text: checkText(ctx, v.text('note', 6000), MAX_NOTE_TEXT, 'note'),
  }),
  clear: (v, ctx) => ({ verb: 'clear', target: parseAnswerTarget(ctx, v.text('request', 600)) }),
  list: () => ({ verb: 'list' }),
});

const requestOption = { name: 'request', description: 'The command and what was asked, e.g. who Yezhov', required: true, autocomplete: false, maxLength: 600 };

function keyOf(ctx: CommandContext, t: AnswerTarget): string {
  // The target was validated by the command's own schema, so it is never empty.
  return curationKey(ctx, t.command, t.args)!;
}

function save(ctx: CommandContext, req: Request, t: AnswerTarget, kind: CurationKind, text: string, passages: string[]): Reply {
  const space = spaceKey(req.where);
  const key = keyOf(ctx, t);
  const ref = { type: 'curation' as const, command: t.command, key, kind };
  const existing = getCuration(ctx.db, space, ref);
  if (existing && existing.text === text && existing.passages.join() === passages.join()) {
    return unchanged('Nothing changed', `/${t.command} ${t.args} already has exactly this ${kind === 'answer' ? 'pinned answer' : 'note'}.`);
  }
  const now = ctx.now().getTime();
  const by = actorOf(req);
  const state: CurationState = { label: t.args, text, passages, by, at: now };
  const reports = openReportsFor(ctx.db, space, t.command, key);
  const changes: Change[] = [{ target: ref, after: state }, ...resolveReports(reports, 'curated', by, now)];
  const what = kind === 'answer' ? 'Pinned an answer to' : 'Added a moderator note to';
  const entry = commit(ctx, req, kind === 'answer' ? 'curate.pin' : 'curate.note', `${what} /${t.command} ${t.args}`, changes);
  // A preview of what members will now see.
  const preview =
    kind === 'answer'
      ? curatedAnswer(ctx, { command: t.command, state, title: null, hidden: hiddenIds(ctx.db, space) })
      : withNote(reply({ title: '' }), state);
  return changed(
    ctx,
    req,
    entry,
    `${what} /${t.command} ${t.args}`,
    `Done: members of this group now see this for /${t.command} ${t.args} and the same request spelled differently.${reportsNote(reports)}`,
    [{ blocks: preview.blocks, citations: preview.citations }],
  );
}

function pin(ctx: CommandContext, req: Request, t: AnswerTarget, text: string, ids: string[]): Reply {
  const missing = ids.filter((id) => !ctx.repo.passage(id));
  if (missing.length) return errorReply('Unknown passage', `No passage has the id ${missing.map((m) => `“${m}”`).join(', ')}. Nothing was pinned.`);
  const hidden = hiddenIds(ctx.db, spaceKey(req.where));
  const hiddenCited = ids.filter((id) => hidden.has(id));
  if (hiddenCited.length)
    return errorReply('Hidden passage', `${hiddenCited.join(', ')} is hidden in this group; /unhide it first or cite another. Nothing was pinned.`);
  return save(ctx, req, t, 'answer', text, ids);
}

function clear(ctx: CommandContext, req: Request, t: AnswerTarget): Reply {
  const space = spaceKey(req.where);
  const key = keyOf(ctx, t);
  const kinds = (['answer', 'note'] as const).filter((kind) => getCuration(ctx.db, space, { command: t.command, key, kind }));
  if (!kinds.length) return unchanged('Nothing to clear', `/${t.command} ${t.args} has no pinned answer or note in this group.`);
  const entry = commit(
    ctx,
    req,
    'curate.clear',
    `Cleared the curation of /${t.command} ${t.args}`,
    kinds.map((kind) => ({ target: { type: 'curation', command: t.command, key, kind }, after: null })),
  );
  return changed(ctx, req, entry, `Cleared /${t.command} ${t.args}`, `Members now see the automatic answer again.`);
}

function list(ctx: CommandContext, req: Request): Reply {
  const all = listCurations(ctx.db, spaceKey(req.where));
  if (!all.length) return unchanged('No curations', `Nothing is curated in this group yet. ${USAGE}`);
  const units = all.map((c) =>
    textUnit(
      `/${c.command} ${c.state.label} — ${c.kind === 'answer' ? 'pinned answer' : 'note'} by ${c.state.by.name} on ${dayLabel(c.state.at)}${c.state.passages.length ? ` (cites ${c.state.passages.join(', ')})` : ''}: ${c.state.text.length > 160 ? `${c.state.text.slice(0, 160)}…` : c.state.text}`,
    ),
  );
  return {
    ...pagedReply({ title: `Curated answers (${all.length})`, units, page: req.page ?? 1, command: 'curate', args: 'list', actions: ctx.actions }),
    kind: 'notice',
    ephemeral: true,
  };
}

export const curateCommand = defineCommand({
  spec: {
    name: 'curate',
    description: 'Pin an answer (with cited passages) or a note for a request; clear or list them.',
    usage: '/curate pin|note|clear|list …',
    example: '/curate pin who Yezhov | Head of the NKVD 1936–38; see the quotes. | rei-87dfk',
    options: [],
    subcommands: [
      {
        name: 'pin',
        description: 'Show your answer, citing passages, in place of the automatic one',
        options: [
          requestOption,
          { name: 'answer', description: 'Your answer', required: true, autocomplete: false, maxLength: MAX_CURATED_TEXT },
          { name: 'passages', description: 'Passage ids it cites, e.g. rei-87dfk eme-rmhkc', required: true, autocomplete: false, maxLength: 600 },
        ],
      },
      {
        name: 'note',
        description: 'A note shown above the automatic answer',
        options: [requestOption, { name: 'note', description: 'Your note', required: true, autocomplete: false, maxLength: MAX_NOTE_TEXT }],
      },
      { name: 'clear', description: 'Remove the pinned answer and note of a request', options: [requestOption] },
      { name: 'list', description: 'Everything curated in this group', options: [] },
    ],
    moderatorOnly: true,
  },
  schema: CurateSchema,
  typed: CurateTyped,
  run(ctx, args, req) {
    switch (args.verb) {
      case 'pin':
        return pin(ctx, req, args.target, args.text, args.passages);
      case 'note':
        return save(ctx, req, args.target, 'note', args.text, []);
      case 'clear':
        return clear(ctx, req, args.target);
      case 'list':
        return list(ctx, req);
    }
  },
});
