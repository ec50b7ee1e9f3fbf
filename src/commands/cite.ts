/** `/cite ID [style]`: a formatted citation of one passage, Chicago author-date and/or MLA. */
import { passageIds } from './suggestions.ts';
import { z } from 'zod';
import { chicago, mla, where } from '../corpus/cite.ts';
import { cleanText, defineCommand } from '../core/command.ts';
import { errorReply, reply } from '../core/reply.ts';
import { clipAtWord, quoteUnit, textUnit } from '../core/quotes.ts';
import { sentenceOfNote } from '../corpus/sentence-notes.ts';
import { HIDDEN_HERE, hiddenPassages } from '../moderation/hidden.ts';
import { mergeUnits } from '../core/quotes.ts';
import { typedBySubcommand } from '../core/typed-args.ts';

export const CITE_STYLES = ['chicago', 'mla', 'all'] as const;

type CiteArgs = { id: string; style: (typeof CITE_STYLES)[number] };

const NO_ID = 'Which passage? Give its id, e.g. /cite rei-87dfk (ids appear under every quote).';

function citeArgs(ctx: z.RefinementCtx, id: string, style: string | undefined): CiteArgs {
  const st = (style || 'all').toLowerCase();
  if (!(CITE_STYLES as readonly string[]).includes(st)) {
    const named = CITE_STYLES.filter((x) => x !== 'all').join(' or ');
    ctx.addIssue({ code: 'custom', message: `“${style!.slice(0, 20)}” is not a style Sourcebook formats: choose ${named}, or leave it out for both.` });
    return z.NEVER;
  }
  return { id: id.toLowerCase(), style: st as CiteArgs['style'] };
}

const CiteText = cleanText({ max: 60, emptyMessage: NO_ID }).transform((s, ctx) => {
  const [id, style, ...rest] = s.split(' ');
  if (rest.length) {
    ctx.addIssue({ code: 'custom', message: `Usage: /cite ID [${CITE_STYLES.join('|')}]` });
    return z.NEVER;
  }
  return citeArgs(ctx, id!, style);
});

/** The same arguments from Discord's typed options. */
const CiteTyped = typedBySubcommand<CiteArgs>({
  '': (v, ctx) => {
    const id = v.text('id', 60);
    if (!id || /\s/.test(id)) {
      ctx.addIssue({ code: 'custom', message: NO_ID });
      return z.NEVER;
    }
    return citeArgs(ctx, id, v.text('style', 20) || undefined);
  },
});

export const citeCommand = defineCommand({
  spec: {
    name: 'cite',
    description: 'Format a citation for a passage (Chicago author-date, MLA).',
    usage: '/cite ID [chicago|mla|all]',
    example: '/cite rei-87dfk mla',
    options: [
      { name: 'id', description: 'Passage id, shown under every quote', required: true, autocomplete: true, maxLength: 40 },
      { name: 'style', description: 'Citation style', required: false, autocomplete: false, choices: [...CITE_STYLES] },
    ],
    moderatorOnly: false,
  },
  schema: CiteText,
  typed: CiteTyped,
  suggest: (ctx, _option, partial, where) => passageIds(ctx, partial, where),
  run(ctx, { id, style }, req) {
    const p = ctx.repo.passage(id);
    if (!p) {
      // The ids sharing the longest start with what was typed: a typo or a lost last letter.
      let near: string[] = [];
      for (let k = id.length - 1; k >= 4 && !near.length; k--) near = ctx.repo.idsStartingWith(id.slice(0, k), 3);
      return errorReply(
        'Unknown passage',
        `No passage has the id “${id}”. Passage ids look like rei-87dfk and appear under every quote.`,
        near.map((n) => ctx.actions.make(`Cite ${n}`, { command: 'cite', args: n })),
      );
    }
    const meta = ctx.repo.source(p.sourceId)!.meta;
    const fields: { label: string; value: string }[] = [];
    if (style !== 'mla') fields.push({ label: 'Chicago (author-date)', value: chicago(meta, p) });
    if (style !== 'chicago') fields.push({ label: 'MLA (9th ed.)', value: mla(meta, p) });
    fields.push({ label: 'Location', value: where(meta, p) });
    if (p.pages?.approximate) fields.push({ label: 'Note', value: 'Page numbers are reconstructed from the table of contents and page breaks (±1 page).' });
    // Each of the document's own notes with the sentence its marker stands in.
    for (const n of p.notes) {
      const i = sentenceOfNote(p, n);
      const sentence = i === null ? null : p.text.slice(p.sentences[i]!.start, p.sentences[i]!.end);
      fields.push({
        label: `Note ${n.number}`,
        value: `${sentence ? `On the sentence “${clipAtWord(sentence, 120).text}${clipAtWord(sentence, 120).clipped ? ' …' : ''}”: ` : ''}${clipAtWord(n.text, 600).text}`,
      });
    }
    const firstSentence = p.sentences[0] ? p.text.slice(p.sentences[0].start, p.sentences[0].end) : p.text;
    const hidden = hiddenPassages(ctx, req.where).has(p.id) ? [textUnit(HIDDEN_HERE)] : [];
    const body = mergeUnits([...hidden, { blocks: [{ type: 'fields', fields }], citations: [] }, quoteUnit(ctx.repo, p, firstSentence, 'The passage begins:')]);
    return reply({
      title: `Citation for ${p.id}`,
      ...body,
      actions: [ctx.actions.make('Show passage', { command: 'show', args: p.id }), ctx.actions.make('Source card', { command: 'source', args: p.sourceId })],
    });
  },
});
