/** `/sourcenote SOURCE | NOTE`: a moderators' note on a source card, shown on `/source` in this group only. */
import type { z } from 'zod';
import { typedBySubcommand } from '../core/typed-args.ts';
import { sources } from './suggestions.ts';
import { defineCommand, type CommandContext } from '../core/command.ts';
import { errorReply, type Reply } from '../core/reply.ts';
import { spaceKey } from '../core/request.ts';
import type { Source } from '../corpus/types.ts';
import { commit } from '../moderation/audit.ts';
import { fail, modLine, splitBars, splitVerb } from '../moderation/input.ts';
import { changed, unchanged } from '../moderation/replies.ts';
import { getSourceNote, MAX_SOURCE_NOTE } from '../moderation/source-note-store.ts';
import { actorOf } from '../moderation/actor.ts';
import { findSources } from './source-lookup.ts';

const USAGE = '/sourcenote SOURCE | NOTE · /sourcenote clear SOURCE';

type NoteArgs = { verb: 'set'; source: string; text: string } | { verb: 'clear'; source: string };

function setArgs(ctx: z.RefinementCtx, source: string, text: string): NoteArgs {
  if (!text) return fail(ctx, `The note is empty. To remove a note: /sourcenote clear ${source}`);
  if (source.length > 100) return fail(ctx, 'That source name is too long; use its id, e.g. reiman-2016 (see /source).');
  if (text.length > MAX_SOURCE_NOTE) return fail(ctx, `The note is too long: at most ${MAX_SOURCE_NOTE} characters, please.`);
  return { verb: 'set', source, text };
}

const NoteSchema = modLine(MAX_SOURCE_NOTE + 120, `Which source, and what note? ${USAGE}`).transform((s, ctx): NoteArgs => {
  const [verb, rest] = splitVerb(s);
  if (verb === 'clear' && rest && !rest.includes('|')) return { verb: 'clear', source: rest };
  // "set SOURCE | NOTE" is Discord's name for it; typed text may say it too.
  const [source = '', ...textParts] = splitBars(verb === 'set' && rest.includes('|') ? rest : s);
  if (!textParts.length || !source) return fail(ctx, `Put a | between the source and the note: ${USAGE}`);
  return setArgs(ctx, source, textParts.join(' | ').trim());
});

const NO_SOURCE = 'Which source? Its id or author, e.g. reiman-2016 (see /source).';

/** The same arguments from Discord's subcommands and typed options. */
const NoteTyped = typedBySubcommand<NoteArgs>({
  set: (v, ctx) => {
    const source = v.text('source', 200);
    return source ? setArgs(ctx, source, v.text('note', 6000)) : fail(ctx, NO_SOURCE);
  },
  clear: (v, ctx) => {
    const source = v.text('source', 200);
    return source ? { verb: 'clear', source } : fail(ctx, NO_SOURCE);
  },
});

const sourceOption = { name: 'source', description: 'Source id or author, e.g. reiman-2016', required: true, autocomplete: true, maxLength: 100 };

function oneSource(ctx: CommandContext, query: string): Source | Reply {
  const found = findSources(ctx.repo, query);
  if (found.length === 1) return found[0]!;
  return errorReply(
    found.length ? 'Which source?' : 'Unknown source',
    found.length ? `“${query}” matches ${found.map((s) => s.meta.id).join(', ')}; use the full id.` : `No source is called “${query}”. /source lists them.`,
  );
}

export const sourceNoteCommand = defineCommand({
  spec: {
    name: 'sourcenote',
    description: 'Add or clear a moderators’ note on a source card, shown in this group only.',
    usage: USAGE,
    example: '/sourcenote real-stalin-11 | A pro-Stalin compilation: read its quotes with care.',
    options: [],
    subcommands: [
      {
        name: 'set',
        description: 'Add or change the note on a source card',
        options: [sourceOption, { name: 'note', description: 'The note', required: true, autocomplete: false, maxLength: MAX_SOURCE_NOTE }],
      },
      { name: 'clear', description: 'Remove the note on a source card', options: [sourceOption] },
    ],
    moderatorOnly: true,
  },
  schema: NoteSchema,
  typed: NoteTyped,
  suggest: (ctx, _option, partial) => sources(ctx, partial),
  run(ctx, args, req) {
    const source = oneSource(ctx, args.source);
    if (!('meta' in source)) return source;
    const id = source.meta.id;
    const target = { type: 'source-note' as const, source: id };
    const existing = getSourceNote(ctx.db, spaceKey(req.where), id);
    if (args.verb === 'clear') {
      if (!existing) return unchanged('No note', `${id} has no note in this group.`);
      const entry = commit(ctx, req, 'source-note.clear', `Cleared the note on ${id}`, [{ target, after: null }]);
      return changed(ctx, req, entry, `Note cleared: ${id}`, 'The source card shows no moderators’ note now.');
    }
    if (existing?.text === args.text) return unchanged('Nothing changed', `${id} already has exactly this note.`);
    const entry = commit(ctx, req, 'source-note.set', `${existing ? 'Changed' : 'Added'} the note on ${id}`, [
      { target, after: { text: args.text, by: actorOf(req), at: ctx.now().getTime() } },
    ]);
    return changed(
      ctx,
      req,
      entry,
      `Note saved: ${id}`,
      `/source ${id} in this group now ends with your note.`,
      [],
      [ctx.actions.make('Show card', { command: 'source', args: id })],
    );
  },
});
