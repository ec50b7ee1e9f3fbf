/**
 * `/check CLAIM`: for each source, the sentences that support a claim, contradict it, give a figure
 * too different in scope to compare, or only speak to it; and the sources that are silent. Every
 * label is Sourcebook's, stated with its basis; what the sources say is quoted, never restated.
 */
import { authorLabel, yearLabel } from '../corpus/cite.ts';
import { cleanText, defineCommand, type CommandContext } from '../core/command.ts';
import { pagedReply } from '../core/pager.ts';
import { quoteUnit, textUnit, type Unit } from '../core/quotes.ts';
import { rootsOf } from '../core/relevance.ts';
import { errorReply, reply, type Reply } from '../core/reply.ts';
import type { Request } from '../core/request.ts';
import { checkClaim, type Finding, type Label } from '../answer/check.ts';
import { hiddenPassages } from '../moderation/hidden.ts';

/** Findings per source on the first screen; the rest follow on later pages. */
const FIRST = 2;
const EXAMPLE = '/check 700,000 people were executed in 1937-38';

const LABEL: Record<Label, string> = {
  support: 'Support',
  contradiction: 'Contradiction',
  'not comparable': 'Not comparable',
  related: 'Related',
};

function sourceName(ctx: CommandContext, id: string): string {
  const meta = ctx.repo.source(id)!.meta;
  return `${authorLabel(meta)} (${yearLabel(meta)})`;
}

/** A source's labels, decisive ones first: "support, not comparable". */
function labelsOf(findings: readonly Finding[]): Label[] {
  return [...new Set(findings.map((f) => f.label))];
}

function findingUnit(ctx: CommandContext, f: Finding, lead: string): Unit {
  const text = f.passage.text.slice(f.start, f.end);
  return quoteUnit(ctx.repo, f.passage, text, `${lead}${LABEL[f.label]} — ${f.basis}${f.note ? ` (in the author’s note ${f.note.number})` : ''}:`, {
    ...(f.note ? { note: f.note } : {}),
  });
}

export function checkReply(ctx: CommandContext, claim: string, req: Request): Reply {
  const result = checkClaim(ctx, claim, hiddenPassages(ctx, req.where), (id) => authorLabel(ctx.repo.source(id)!.meta));
  const all = ctx.repo.sources();
  if (result.kind === 'outside') {
    return reply({
      kind: 'not-found',
      title: 'Outside the corpus',
      blocks: [
        {
          type: 'paragraph',
          text: `None of the ${all.length} sources speaks to “${claim}”. ${result.why} Sourcebook shows what its sources say; it cannot check a claim they do not touch.`,
        },
      ],
      actions: [ctx.actions.make('Ask instead', { command: 'ask', args: claim })],
    });
  }
  const speaking = [...result.bySource.entries()].sort(
    ([, a], [, b]) => rank(a[0]!.label) - rank(b[0]!.label) || b.filter((f) => f.label !== 'related').length - a.filter((f) => f.label !== 'related').length,
  );
  const silent = all.filter((s) => !result.bySource.has(s.meta.id)).map((s) => sourceName(ctx, s.meta.id));
  const summary = speaking.map(([id, fs]) => `${sourceName(ctx, id)}: ${labelsOf(fs).join(', ')}`);
  if (silent.length) summary.push(`silent: ${silent.join(', ')}`);
  const words = result.question.concepts
    .filter((c) => !/^\d+$/.test(c.token))
    .map((c) => `“${c.token}”`)
    .join(', ');
  const first: Unit[] = [];
  const later: Unit[] = [];
  for (const [id, findings] of speaking) {
    const name = sourceName(ctx, id);
    findings.forEach((f, i) => (i < FIRST ? first : later).push(findingUnit(ctx, f, i === 0 ? `${name}. ` : i === FIRST ? `${name}, more. ` : '')));
  }
  const units = [
    textUnit(`Sourcebook’s labels per source: ${summary.join('; ')}.`),
    ...first,
    ...later,
    ...(silent.length
      ? [
          textUnit(
            `Silent: ${silent.join(', ')}. No sentence of ${silent.length === 1 ? 'it' : 'theirs'} holds enough of the claim’s words (${words}) together.`,
          ),
        ]
      : []),
  ];
  return pagedReply({
    title: `Check: ${claim}`,
    header: textUnit(
      'What each source says on this claim. The labels are Sourcebook’s reading of the sources’ words, each with its basis, not a verdict on the claim; each quote is its source’s claim, not Sourcebook’s.',
    ),
    units,
    page: req.page ?? 1,
    command: 'check',
    args: claim,
    actions: ctx.actions,
    extra: [ctx.actions.make('Report', { command: 'report', args: `check ${claim}` }, 'danger')],
  });
}

function rank(l: Label): number {
  return l === 'support' || l === 'contradiction' ? 0 : l === 'not comparable' ? 1 : 2;
}

export const checkCommand = defineCommand({
  spec: {
    name: 'check',
    description: 'What each source says on a claim: support, contradiction or silence, with the basis.',
    usage: '/check CLAIM',
    example: EXAMPLE,
    options: [{ name: 'claim', description: 'A claim to check against the sources, in plain words', required: true, autocomplete: false, maxLength: 300 }],
    moderatorOnly: false,
    curatable: false,
  },
  schema: cleanText({ max: 300, emptyMessage: `Check what? Type a claim, for example: ${EXAMPLE}` }),
  run(ctx, claim, req) {
    if (!rootsOf(claim).length && !/\d/.test(claim)) return errorReply('Nothing to check', `Give a claim in words, for example: ${EXAMPLE}`);
    return checkReply(ctx, claim, req);
  },
});
