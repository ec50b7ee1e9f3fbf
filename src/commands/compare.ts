/**
 * `/compare TOPIC`: what each source says on a topic, side by side, with the figures it gives and
 * how figures from different sources relate. `/compare A vs B`: two people or two sources.
 */
import { authorLabel, inAuthorsVoice, yearLabel } from '../corpus/cite.ts';
import type { Source } from '../corpus/types.ts';
import { cleanText, defineCommand, type CommandContext } from '../core/command.ts';
import { sentenceFiguresOf, relateFigures, type SourcedFigure } from '../core/figures.ts';
import { pagedReply } from '../core/pager.ts';
import { insideQuotation, quoteUnit, textUnit, type Unit } from '../core/quotes.ts';
import { nameFamilies, rootsOf, sentenceRootsOf, termWeights } from '../core/relevance.ts';
import { errorReply, reply, type Reply } from '../core/reply.ts';
import type { Request } from '../core/request.ts';
import type { Person } from '../people/extract.ts';
import { hiddenPassages } from './hidden.ts';
import { findSources } from './source-lookup.ts';
import { buildProfile } from './who-profile.ts';

const ON_TOPIC = 0.5;

function sourceName(s: Source): string {
  return `${authorLabel(s.meta)} (${yearLabel(s.meta)})`;
}

function compareTopic(ctx: CommandContext, topic: string, req: Request): Reply {
  const roots = rootsOf(topic);
  if (!roots.length) return errorReply('Nothing to compare', 'Give a topic with words to search for, e.g. /compare executions.');
  const weights = termWeights(ctx.db);
  const names = nameFamilies(topic, (t) => ctx.people.spellingsFor(t));
  const exclude = hiddenPassages(ctx, req.where);
  const units: Unit[] = [];
  const silent: string[] = [];
  const figures: SourcedFigure[] = [];
  let speaking = 0;
  const perSource = ctx.repo.searchPerSource(topic, 6, exclude);
  for (const s of ctx.repo.sources()) {
    const hits = (perSource.get(s.meta.id) ?? []).filter((h) => inAuthorsVoice(s.meta, h.passage));
    const sentences = hits.flatMap((h) => {
      const rootSets = sentenceRootsOf(h.passage);
      const figureSets = sentenceFiguresOf(h.passage);
      return h.passage.sentences.map((sp, index) => {
        const text = h.passage.text.slice(sp.start, sp.end);
        return { passage: h.passage, index, text, ...weights.coverage(roots, rootSets[index]!, names), figs: figureSets[index]! };
      });
    });
    const need = Math.min(2, roots.length);
    const onTopic = sentences.filter(
      (x) => x.coverage >= ON_TOPIC && x.matched >= need && x.text.length >= 25 && !insideQuotation(x.passage, x.passage.sentences[x.index]!),
    );
    if (!onTopic.length) {
      silent.push(sourceName(s));
      continue;
    }
    speaking++;
    const name = sourceName(s);
    // Quote the sentences that best cover the topic, preferring ones that carry a figure.
    const ranked = [...onTopic].sort((a, b) => b.coverage + (b.figs.length ? 0.25 : 0) - (a.coverage + (a.figs.length ? 0.25 : 0)));
    const picked: typeof ranked = [];
    for (const x of ranked) {
      if (picked.some((p) => p.passage.id === x.passage.id)) continue;
      picked.push(x);
      if (picked.length === 2) break;
    }
    const passages = new Set(onTopic.map((x) => x.passage.id)).size;
    picked.forEach((x, i) => {
      units.push(quoteUnit(ctx.repo, x.passage, x.text, i === 0 ? `${name} — ${passages} passage${passages === 1 ? '' : 's'} on this:` : undefined));
    });
    // Figures stated right beside a quoted sentence belong to the topic too ("353,074 … sentenced to death" before "… executed").
    const near = sentences
      .filter((x) => x.figs.length && !picked.includes(x))
      .map((x) => ({ x, d: Math.min(...picked.map((p) => (p.passage.id === x.passage.id ? Math.abs(p.index - x.index) : 99))) }))
      .filter((n) => n.d <= 2)
      .sort((a, b) => a.d - b.d || a.x.index - b.x.index)
      .slice(0, 3)
      .map((n) => n.x)
      .sort((a, b) => (a.passage.id === b.passage.id ? a.index - b.index : 0));
    const withFigures = [...picked.filter((x) => x.figs.length), ...near];
    near.forEach((x, i) => units.push(quoteUnit(ctx.repo, x.passage, x.text, i === 0 ? `${name}, beside it:` : undefined)));
    // Only figures in sentences quoted above are related; the quotes say what each counts.
    figures.push(...withFigures.flatMap((x) => x.figs.map((figure) => ({ source: name, passage: x.passage.id, figure }))));
  }
  if (!speaking) {
    return reply({ kind: 'not-found', title: `No source speaks to “${topic}”`, blocks: [{ type: 'paragraph', text: 'None of the sources has a passage on this topic. Try other words or /ask.' }] });
  }
  const relations = relateFigures(figures);
  // What the sources share or dispute comes first; the quotes behind it follow, source by source.
  const summary: Unit[] = [];
  if (relations.length) summary.push(textUnit('How figures quoted below relate (Sourcebook’s arithmetic, not a source’s claim):', ...relations.map((r) => r.text)));
  return pagedReply({
    title: `Compare: ${topic}`,
    header: textUnit(
      `${speaking} of ${ctx.repo.sources().length} sources speak to this${silent.length ? `; silent: ${silent.join(', ')}` : ''}. Each quote is the source’s claim, not Sourcebook’s.`,
    ),
    units: [...summary, ...units],
    page: req.page ?? 1,
    command: 'compare',
    args: topic,
    actions: ctx.actions,
    extra: [
      ctx.actions.make('Quiz me on this', { command: 'quiz', args: topic }),
      ctx.actions.make('Report', { command: 'report', args: `compare ${topic}` }, 'danger'),
    ],
  });
}

function compareSources(ctx: CommandContext, a: Source, b: Source): Reply {
  const row = (label: string, f: (s: Source) => string) => ({ label, value: `${sourceName(a)}: ${f(a)}\n${sourceName(b)}: ${f(b)}` });
  return reply({
    title: `${sourceName(a)} vs ${sourceName(b)}`,
    blocks: [
      {
        type: 'fields',
        fields: [
          row('Kind', (s) => s.meta.kind),
          row('Date', (s) => s.meta.date ?? 'not stated'),
          row('Published by', (s) => [s.meta.outlet, s.meta.publisher].filter(Boolean).join(', ') || 'not stated'),
          row('Passages', (s) => String(s.passageCount)),
          row('What it argues', (s) => s.meta.description),
        ],
      },
      { type: 'paragraph', text: 'Compare them on a topic with /compare TOPIC, e.g. /compare executions.' },
    ],
    actions: [ctx.actions.make(`Card: ${a.meta.id}`, { command: 'source', args: a.meta.id }), ctx.actions.make(`Card: ${b.meta.id}`, { command: 'source', args: b.meta.id })],
  });
}

function comparePeople(ctx: CommandContext, a: Person, b: Person, req: Request, args: string): Reply {
  const exclude = hiddenPassages(ctx, req.where);
  const pa = buildProfile(ctx.repo, ctx.people, a, exclude);
  const pb = buildProfile(ctx.repo, ctx.people, b, exclude);
  const units: Unit[] = [];
  for (const p of [pa, pb]) {
    const counts = ctx.repo
      .sources()
      .map((s) => `${sourceName(s)}: ${p.counts.get(s.meta.id) ?? 0}`)
      .join(', ');
    units.push(textUnit(`${p.person.canonical} — passages per source: ${counts}.`));
    const d = p.defining[0];
    if (d) units.push(quoteUnit(ctx.repo, d.passage, d.passage.text.slice(d.sentence.start, d.sentence.end)));
  }
  const idsB = new Set(pb.mentions.map((m) => m.passage.id));
  const both = pa.mentions.filter((m) => idsB.has(m.passage.id));
  units.push(textUnit(`${both.length} passage${both.length === 1 ? '' : 's'} name both.`));
  for (const m of both.slice(0, 4)) {
    const s = m.sentences[0]!;
    units.push(quoteUnit(ctx.repo, m.passage, m.passage.text.slice(s.start, s.end)));
  }
  return pagedReply({ title: `${a.canonical} vs ${b.canonical}`, units, page: req.page ?? 1, command: 'compare', args, actions: ctx.actions });
}

type Side = { kind: 'source'; source: Source } | { kind: 'person'; person: Person } | { kind: 'none'; text: string; hint: string };

function side(ctx: CommandContext, text: string): Side {
  const sources = findSources(ctx.repo, text);
  if (sources.length === 1) return { kind: 'source', source: sources[0]! };
  const r = ctx.people.resolve(text);
  if (r.kind === 'person') return { kind: 'person', person: r.person };
  // Say what would work: which of two people, or the name it nearly is.
  const hint =
    r.kind === 'ambiguous'
      ? `“${text}” names ${r.people.length} people (${r.people.map((p) => p.canonical).join(', ')}): give the full name.`
      : r.kind === 'suggest'
        ? `No one called “${text}”; did you mean ${r.people.map((p) => p.canonical).join(' or ')}?`
        : `“${text}” is not a source or a person Sourcebook can tell apart.`;
  return { kind: 'none', text, hint };
}

export const compareCommand = defineCommand({
  spec: {
    name: 'compare',
    description: 'What each source says on a topic, side by side, with its figures. Or A vs B.',
    usage: '/compare TOPIC | /compare A vs B',
    example: '/compare executions',
    options: [{ name: 'topic', description: 'A topic (executions), or two people or sources: Yezhov vs Yagoda', required: true, autocomplete: true, maxLength: 200 }],
    moderatorOnly: false,
  },
  schema: cleanText({ max: 200, emptyMessage: 'Compare what? For example: /compare executions, or /compare Yezhov vs Yagoda' }),
  run(ctx, topic, req) {
    if (/\s(?:vs\.?|versus)$/i.test(topic) || /^(?:vs\.?|versus)\s/i.test(topic)) {
      return errorReply('Compare with what?', 'Name both sides: two people (Yezhov vs Yagoda) or two sources (reiman vs emelyanov).');
    }
    const vs = topic.split(/\s+(?:vs\.?|versus)\s+/i);
    if (vs.length === 2 && vs[0] && vs[1]) {
      const a = side(ctx, vs[0]);
      const b = side(ctx, vs[1]);
      if (a.kind === 'source' && b.kind === 'source') return compareSources(ctx, a.source, b.source);
      if (a.kind === 'person' && b.kind === 'person') {
        if (a.person.id === b.person.id) {
          return errorReply('One person, two spellings', `“${vs[0]}” and “${vs[1]}” are both ${a.person.canonical}. /who ${a.person.canonical} shows every spelling the sources use.`, [
            ctx.actions.make(`Who was ${a.person.canonical}?`, { command: 'who', args: a.person.canonical }),
          ]);
        }
        return comparePeople(ctx, a.person, b.person, req, topic);
      }
      const hints = [a, b].flatMap((s) => (s.kind === 'none' ? [s.hint] : []));
      return errorReply(
        'Cannot compare those',
        hints.length ? `${hints.join(' ')} Compare two sources (reiman vs emelyanov) or two people (Yezhov vs Yagoda).` : 'Compare two sources or two people, not one of each.',
      );
    }
    return compareTopic(ctx, topic, req);
  },
});
