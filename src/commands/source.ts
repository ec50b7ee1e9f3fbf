/** `/source [ID]`: the list of sources, or one source's card. Cards describe, they do not grade. */
import { sources } from './suggestions.ts';
import { authorLabel, yearLabel } from '../corpus/cite.ts';
import { cleanText, defineCommand } from '../core/command.ts';
import { errorReply, reply } from '../core/reply.ts';
import type { Source } from '../corpus/types.ts';
import type { CommandContext } from '../core/command.ts';
import { findSources } from './source-lookup.ts';
import { withSourceNote } from '../moderation/source-note-hook.ts';
import { z } from 'zod';
import { TypedArgsSchema } from '../core/typed-args.ts';
import { switchSource } from './source-switch.ts';
import { changeReadings } from './source-readings.ts';

function card(ctx: CommandContext, s: Source) {
  const m = s.meta;
  const fields = [
    { label: 'Kind', value: m.kind },
    { label: 'Author', value: m.authors.length ? m.authors.map((a) => `${a.given} ${a.family}`.trim()).join(', ') : 'not named' },
    { label: 'Date', value: m.date ?? 'not stated' },
    { label: 'Outlet / publisher', value: [m.outlet, m.publisher, m.place].filter(Boolean).join(', ') || 'not stated' },
    { label: 'Licence', value: m.licence ?? 'not stated' },
    { label: 'Passages', value: String(s.passageCount) },
  ];
  if (m.citation.identifiers.length) fields.push({ label: 'Identifiers', value: m.citation.identifiers.join('; ') });
  const blocks = [
    { type: 'paragraph' as const, text: `What it argues (a neutral summary by the Sourcebook maintainers): ${m.description}` },
    { type: 'fields' as const, fields },
  ];
  if (m.citation.notes) blocks.push({ type: 'paragraph' as const, text: m.citation.notes });
  return reply({
    title: `${m.title} — ${authorLabel(m)} (${yearLabel(m)})`,
    blocks,
    actions: [ctx.actions.make('All sources', { command: 'source', args: '' })],
  });
}

/** An id or author; a verb and its target; or "add" and a file link, which may be long (Discord's attachment URLs are). */
const SourceArgs = z
  .string()
  .transform((s) => s.trim())
  .pipe(
    z.union([
      z.literal(''),
      z
        .string()
        .regex(/^add\s+https?:\/\/\S+$/i)
        .pipe(cleanText({ max: 2000 })),
      cleanText({ max: 100 }),
    ]),
  );

export const sourceCommand = defineCommand({
  spec: {
    name: 'source',
    description: 'List the sources, or show one source card (kind, author, date, what it argues).',
    usage: '/source [id] · /source disable|enable ID · /source add FILE · /source remove ID (moderators)',
    example: '/source reiman-2016',
    options: [
      {
        name: 'id',
        description: 'Source id or author, e.g. reiman-2016; or add, remove ID, disable ID, enable ID',
        required: false,
        autocomplete: true,
        maxLength: 100,
      },
      { name: 'file', description: 'With “add”: the reading to add for this group (moderators)', required: false, autocomplete: false, attachment: true },
    ],
    moderatorOnly: false,
  },
  schema: SourceArgs,
  // Discord's typed options: the id (or verb) and, for "add", the attached file's link.
  typed: TypedArgsSchema.transform((t) => [t.values.id, t.values.file].filter((v) => v !== undefined && v !== '').join(' ')).pipe(SourceArgs),
  suggest: (ctx, _option, partial) => sources(ctx, partial),
  run(ctx, id, req) {
    const verb = /^(disable|enable)\s+(\S.*)$/i.exec(id);
    if (verb) return switchSource(ctx, req, verb[1]!.toLowerCase() as 'disable' | 'enable', verb[2]!.trim());
    const reading = /^(add|remove)(?:\s+(\S+))?$/i.exec(id);
    if (reading) {
      const what = reading[1]!.toLowerCase() as 'add' | 'remove';
      if (!reading[2])
        return errorReply(
          `/source ${what}`,
          what === 'add'
            ? 'Attach the file (PDF, web page, Word, EPUB, Markdown or text) to /source add.'
            : 'Which reading? For example: /source remove smith-2020',
        );
      return changeReadings(ctx, req, what, reading[2]);
    }
    if (!id) {
      const sources = ctx.repo.sources();
      return reply({
        title: `The corpus: ${sources.length} source${sources.length === 1 ? '' : 's'}`,
        blocks: [
          {
            type: 'list',
            items: sources.map((s) => `${s.meta.id} — ${authorLabel(s.meta)} (${yearLabel(s.meta)}), ${s.meta.kind}: ${s.meta.title}`),
          },
          { type: 'paragraph', text: 'The sources disagree and some are partisan; every answer says which source says what.' },
        ],
        actions: sources
          .slice(0, 5)
          .map((s) => ctx.actions.make(`${s.meta.idPrefix.toUpperCase()} · ${authorLabel(s.meta)}`, { command: 'source', args: s.meta.id })),
      });
    }
    const found = findSources(ctx.repo, id);
    if (found.length === 1) return withSourceNote(ctx, req.where, card(ctx, found[0]!), found[0]!.meta.id);
    if (found.length > 1) {
      return reply({
        kind: 'not-found',
        title: `“${id}” matches ${found.length} sources`,
        blocks: [{ type: 'list', items: found.map((s) => s.meta.id) }],
        actions: found.slice(0, 5).map((s) => ctx.actions.make(s.meta.id, { command: 'source', args: s.meta.id })),
      });
    }
    return errorReply('Unknown source', `No source is called “${id}”. Try /source for the list.`, [
      ctx.actions.make('List sources', { command: 'source', args: '' }),
    ]);
  },
});
