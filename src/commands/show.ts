/** `/show ID`: one passage in full, with its notes: the "more context" behind every quote. */
import { cleanText, defineCommand } from '../core/command.ts';
import { pagedReply } from '../core/pager.ts';
import { errorReply } from '../core/reply.ts';
import { quoteUnit, textUnit, type Unit } from '../core/quotes.ts';
import { HIDDEN_HERE, hiddenPassages } from './hidden.ts';

export const showCommand = defineCommand({
  spec: {
    name: 'show',
    description: 'Show a whole passage with its notes, by passage id.',
    usage: '/show ID',
    example: '/show rei-4k9x2',
    options: [{ name: 'id', description: 'Passage id, shown under every quote', required: true, autocomplete: true, maxLength: 40 }],
    moderatorOnly: false,
  },
  schema: cleanText({ max: 40, emptyMessage: 'Which passage? Give its id, e.g. /show rei-4k9x2.' }).transform((s) => s.toLowerCase()),
  run(ctx, id, req) {
    const p = ctx.repo.passage(id);
    if (!p) return errorReply('Unknown passage', `No passage has the id “${id}”.`);
    // Whole sentences per unit, so a long passage pages between sentences.
    const units: Unit[] = [];
    let start = -1;
    let end = -1;
    const flush = () => {
      if (start >= 0) units.push(quoteUnit(ctx.repo, p, p.text.slice(start, end)));
      start = -1;
    };
    for (const s of p.sentences) {
      if (start < 0) start = s.start;
      end = s.end;
      if (end - start > 600) flush();
    }
    flush();
    for (const n of p.notes) units.push(textUnit(`Note ${n.number} (the document's own note): ${n.text}`));
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
