/** `/show ID`: one passage in full, with its notes: the "more context" behind every quote. */
import { passageIds } from './suggestions.ts';
import { cleanText, defineCommand } from '../core/command.ts';
import { pagedReply } from '../core/pager.ts';
import { errorReply } from '../core/reply.ts';
import { MAX_QUOTE, quoteUnit, textUnit, type Unit } from '../core/quotes.ts';
import type { Passage } from '../corpus/types.ts';
import type { SegNote } from '../segment/types.ts';
import { sentenceOfNote } from '../corpus/sentence-notes.ts';
import { HIDDEN_HERE, hiddenPassages } from '../moderation/hidden.ts';

function noteUnit(n: SegNote): Unit {
  return textUnit(`Note ${n.number} (the document's own note, on the sentence above): ${n.text}`);
}

/** Whole sentences grouped up to CHUNK characters; a sentence longer than a quote is split between words. */
const CHUNK = 600;

function spans(p: Passage): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let cur: { start: number; end: number } | null = null;
  for (const s of p.sentences.length ? p.sentences : [{ start: 0, end: p.text.length }]) {
    if (cur && s.end - cur.start > CHUNK) {
      out.push(cur);
      cur = null;
    }
    if (!cur) cur = { start: s.start, end: s.end };
    else cur.end = s.end;
  }
  if (cur) out.push(cur);
  return out.flatMap((span) => splitLong(p.text, span));
}

function splitLong(text: string, span: { start: number; end: number }): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = span.start;
  while (span.end - start > MAX_QUOTE) {
    const cut = text.lastIndexOf(' ', start + MAX_QUOTE);
    const end = cut > start + MAX_QUOTE / 2 ? cut : start + MAX_QUOTE;
    out.push({ start, end });
    start = end;
    while (start < span.end && text[start] === ' ') start++;
  }
  if (start < span.end) out.push({ start, end: span.end });
  return out;
}

export const showCommand = defineCommand({
  spec: {
    name: 'show',
    description: 'Show a whole passage with its notes, by passage id.',
    usage: '/show ID',
    example: '/show rei-87dfk',
    options: [{ name: 'id', description: 'Passage id, shown under every quote', required: true, autocomplete: true, maxLength: 40 }],
    moderatorOnly: false,
  },
  schema: cleanText({ max: 40, emptyMessage: 'Which passage? Give its id, e.g. /show rei-87dfk.' }).transform((s) => s.toLowerCase()),
  suggest: (ctx, _option, partial, where) => passageIds(ctx, partial, where),
  run(ctx, id, req) {
    const p = ctx.repo.passage(id);
    if (!p) return errorReply('Unknown passage', `No passage has the id “${id}”.`);
    // Whole sentences per unit, so a long passage pages between sentences; each unit fits in one
    // quote, so nothing is clipped: /show is where the whole passage must be readable.
    // Each note follows the part of the passage holding its marker; a note no profile placed comes last.
    const placed = new Map<SegNote, number>();
    for (const n of p.notes) {
      const i = sentenceOfNote(p, n);
      if (i !== null) placed.set(n, p.sentences[i]!.end);
    }
    const units: Unit[] = [];
    for (const s of spans(p)) {
      units.push(quoteUnit(ctx.repo, p, p.text.slice(s.start, s.end)));
      for (const n of p.notes) if ((placed.get(n) ?? -1) > s.start && (placed.get(n) ?? -1) <= s.end) units.push(noteUnit(n));
    }
    for (const n of p.notes) if (!placed.has(n)) units.push(noteUnit(n));
    return pagedReply({
      title: `Passage ${p.id}`,
      ...(hiddenPassages(ctx, req.where).has(p.id) ? { header: textUnit(HIDDEN_HERE) } : {}),
      units,
      page: req.page ?? 1,
      command: 'show',
      args: p.id,
      actions: ctx.actions,
      extra: [ctx.actions.make('Cite', { command: 'cite', args: p.id }), ctx.actions.make('Source card', { command: 'source', args: p.sourceId })],
    });
  },
});
