/**
 * `/compare TOPIC`: what each source says on a topic, side by side, with the figures it gives and
 * how figures from different sources relate. `/compare A vs B`: two people or two sources.
 */
import { topics } from './suggestions.ts';
import { authorLabel, yearLabel } from '../corpus/cite.ts';
import type { Source } from '../corpus/types.ts';
import { cleanText, defineCommand, type CommandContext } from '../core/command.ts';
import { relateFigures, sentenceFiguresOf, type Figure, type SourcedFigure } from '../core/figures.ts';
import { question as analyseQuestion } from '../answer/engine.ts';
import { topicBySource, type TopicSentence } from '../answer/topic.ts';
import { nearDuplicate } from '../answer/similar.ts';
import { pagedReply } from '../core/pager.ts';
import { quoteUnit, textUnit, type Unit } from '../core/quotes.ts';
import { rootsOf } from '../core/relevance.ts';
import { errorReply, reply, type Reply } from '../core/reply.ts';
import type { Request } from '../core/request.ts';
import type { Person } from '../people/extract.ts';
import { hiddenPassages } from '../moderation/hidden.ts';
import { findSources } from './source-lookup.ts';
import { buildProfile } from './who-profile.ts';

/** Sentences quoted per source on the first pages; the rest follow on later pages. */
const PER_SOURCE = 3;
const MORE_PER_SOURCE = 3;
const MAX_FIGURES = 8;

function sourceName(s: Source): string {
  return `${authorLabel(s.meta)} (${yearLabel(s.meta)})`;
}

/** "681,692 executed (1937-38)": a figure with what it counts, in the source's words, and its years. */
function figureLabel(f: Figure): string {
  return `${f.raw}${f.counts ? ` ${f.counts}` : ''}${f.years.length ? ` (${f.years.join(', ')})` : ''}`;
}

/** Longest span a lead quote grows to when the sentence after it is on the topic too. */
const MAX_SPAN = 600;

/**
 * Where a lead quote ends: a source's point often takes two sentences ("Their faults became evident
 * during the collectivisation … Many Party secretaries … tried to complete collectivisation …"), so the
 * next sentence of the paragraph is quoted with it when it is on the topic and not quoted on its own.
 */
function spanEnd(x: TopicSentence, onTopic: readonly TopicSentence[], picked: readonly TopicSentence[]): number {
  const next = onTopic.find((y) => y.passage.id === x.passage.id && y.index === x.index + 1);
  if (!next || picked.includes(next) || next.end - x.start > MAX_SPAN) return x.end;
  return next.end;
}

function compareTopic(ctx: CommandContext, topic: string, req: Request): Reply {
  if (!rootsOf(topic).length) return errorReply('Nothing to compare', 'Give a topic with words to search for, e.g. /compare executions.');
  const q = analyseQuestion(ctx, topic, { topic: true });
  if (!q.concepts.length) {
    return reply({
      kind: 'not-found',
      title: `No source speaks to “${topic}”`,
      blocks: [{ type: 'paragraph', text: `No source uses ${q.missing.map((m) => `“${m}”`).join(', ')} in any form. Try other words or /ask.` }],
    });
  }
  const bySource = topicBySource(ctx, q, hiddenPassages(ctx, req.where));
  const speaking = ctx.repo.sources().filter((s) => bySource.has(s.meta.id));
  const silent = ctx.repo
    .sources()
    .filter((s) => !bySource.has(s.meta.id))
    .map(sourceName);
  if (!speaking.length) {
    return reply({
      kind: 'not-found',
      title: `No source speaks to “${topic}”`,
      blocks: [{ type: 'paragraph', text: 'None of the sources has a passage on this topic. Try other words or /ask.' }],
    });
  }
  // The source with most to say on the topic first.
  speaking.sort((a, b) => bySource.get(b.meta.id)!.sentences[0]!.weight - bySource.get(a.meta.id)!.sentences[0]!.weight);
  const first: Unit[] = [];
  const later: Unit[] = [];
  // A source that speaks to part of the topic only comes after what the others say.
  const partly: Unit[] = [];
  const figures: SourcedFigure[] = [];
  for (const s of speaking) {
    const on = bySource.get(s.meta.id)!;
    const name = sourceName(s);
    const picked: typeof on.sentences = [];
    const quotedTexts: string[] = [];
    for (const x of on.sentences) {
      if (picked.some((p) => p.passage.id === x.passage.id && x.start < p.end && p.start < x.end)) continue;
      // The same words quoted twice by one source (two editions of a book) take one slot; across sources
      // near-identical sentences are what a comparison is for, so both stay.
      const text = x.passage.text.slice(x.start, x.end);
      if (quotedTexts.some((t) => nearDuplicate(t, text))) continue;
      quotedTexts.push(text);
      picked.push(x);
      if (picked.length === PER_SOURCE + MORE_PER_SOURCE) break;
    }
    // Within the source's first quotes: figures and dates lead, then document order.
    const lead = picked.slice(0, PER_SOURCE).sort((a, b) => Number(b.figures.length > 0) - Number(a.figures.length > 0) || Number(b.dated) - Number(a.dated));
    lead.forEach((x, i) =>
      (on.partial ? partly : first).push(
        quoteUnit(
          ctx.repo,
          x.passage,
          x.passage.text.slice(x.start, spanEnd(x, on.sentences, picked)),
          i !== 0 ? undefined : on.partial ? `${name} — on part of this only:` : `${name} — ${on.passages} passage${on.passages === 1 ? '' : 's'} on this:`,
        ),
      ),
    );
    picked
      .slice(PER_SOURCE)
      .forEach((x, i) => later.push(quoteUnit(ctx.repo, x.passage, x.passage.text.slice(x.start, x.end), i === 0 ? `${name}, more on this:` : undefined)));
    // Figures stated right beside a quoted sentence belong to it too ("353,074 … sentenced to death" before "… executed").
    for (const x of lead) {
      const perSentence = sentenceFiguresOf(x.passage);
      for (let i = Math.max(0, x.index - 2); i <= Math.min(x.passage.sentences.length - 1, x.index + 2); i++) {
        // Two quotes from one paragraph share neighbours: each figure is counted once.
        if (figures.some((f) => f.passage === x.passage.id && f.index === i)) continue;
        figures.push(...perSentence[i]!.map((figure) => ({ source: name, passage: x.passage.id, index: i, figure })));
      }
    }
  }
  const summary: Unit[] = [];
  const shown = figures
    .filter((f) => f.figure.value >= 100 && first.some((u) => u.citations.some((c) => c.passage === f.passage && c.quote.includes(f.figure.raw))))
    .slice(0, MAX_FIGURES);
  if (shown.length)
    summary.push(
      textUnit(
        `Figures quoted below, with what each counts in the source’s words: ${shown.map((f) => `${f.source}: ${figureLabel(f.figure)} [${f.passage}]`).join('; ')}.`,
      ),
    );
  const relations = relateFigures(figures);
  // What the sources share or dispute comes first; the quotes behind it follow, source by source.
  if (relations.length) {
    summary.push(textUnit('How figures quoted below relate (Sourcebook’s arithmetic, not a source’s claim):', ...relations.map((r) => r.text)));
    // A figure the arithmetic uses from beside a quoted sentence is quoted too, right after the relations.
    const quoted = new Set(first.flatMap((u) => u.citations.map((c) => `${c.passage}\u0000${c.quote}`)));
    for (const f of relations.flatMap((r) => r.uses)) {
      if (f.index === undefined) continue;
      const p = ctx.repo.passage(f.passage)!;
      const sp = p.sentences[f.index]!;
      const text = p.text.slice(sp.start, sp.end);
      if ([...quoted].some((q) => q.startsWith(`${p.id}\u0000`) && q.includes(text))) continue;
      quoted.add(`${p.id}\u0000${text}`);
      summary.push(quoteUnit(ctx.repo, p, text, `${f.source}, the figure used above:`));
    }
  }
  return pagedReply({
    title: `Compare: ${topic}`,
    header: textUnit(
      `${speaking.length} of ${ctx.repo.sources().length} sources speak to this${silent.length ? `; silent: ${silent.join(', ')}` : ''}. Each quote is the source’s claim, not Sourcebook’s.`,
    ),
    units: [...summary, ...first, ...later, ...partly],
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
    actions: [
      ctx.actions.make(`Card: ${a.meta.id}`, { command: 'source', args: a.meta.id }),
      ctx.actions.make(`Card: ${b.meta.id}`, { command: 'source', args: b.meta.id }),
    ],
  });
}

function comparePeople(ctx: CommandContext, a: Person, b: Person, req: Request, args: string): Reply {
  const exclude = hiddenPassages(ctx, req.where);
  const pa = buildProfile(ctx.repo, ctx.people, a, exclude);
  const pb = buildProfile(ctx.repo, ctx.people, b, exclude);
  const units: Unit[] = [];
  const quoted = new Set<string>();
  for (const p of [pa, pb]) {
    const counts = ctx.repo
      .sources()
      .map((s) => `${sourceName(s)}: ${p.counts.get(s.meta.id) ?? 0}`)
      .join(', ');
    units.push(textUnit(`${p.person.canonical} — passages per source: ${counts}.`));
    const d = p.defining[0];
    if (d && !quoted.has(`${d.passage.id}:${d.sentence.start}`)) {
      quoted.add(`${d.passage.id}:${d.sentence.start}`);
      units.push(quoteUnit(ctx.repo, d.passage, d.passage.text.slice(d.sentence.start, d.sentence.end)));
    }
  }
  const byPassage = new Map(pb.mentions.map((m) => [m.passage.id, m]));
  const both = pa.mentions.filter((m) => byPassage.has(m.passage.id));
  units.push(textUnit(`${both.length} passage${both.length === 1 ? '' : 's'} name both.`));
  // A sentence naming both says how they stand to each other; one naming only one of them is quoted after, and nothing twice.
  const together = both
    .map((m) => {
      const other = byPassage.get(m.passage.id)!;
      const s = m.sentences.find((x) => other.sentences.some((o) => o.start === x.start));
      return { m, s: s ?? m.sentences[0]!, named: s !== undefined };
    })
    .filter(({ m, s }) => !quoted.has(`${m.passage.id}:${s.start}`))
    .sort((x, y) => Number(y.named) - Number(x.named));
  for (const { m, s } of together.slice(0, 4)) units.push(quoteUnit(ctx.repo, m.passage, m.passage.text.slice(s.start, s.end)));
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
    options: [
      { name: 'topic', description: 'A topic (executions), or two people or sources: Yezhov vs Yagoda', required: true, autocomplete: true, maxLength: 200 },
    ],
    moderatorOnly: false,
    curatable: true,
  },
  schema: cleanText({ max: 200, emptyMessage: 'Compare what? For example: /compare executions, or /compare Yezhov vs Yagoda' }),
  curatedTitle: (_ctx, topic) => (/\s(?:vs\.?|versus)\s/i.test(topic) ? null : `Compare: ${topic}`),
  suggest: (_ctx, _option, partial) => topics(partial),
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
          return errorReply(
            'One person, two spellings',
            `“${vs[0]}” and “${vs[1]}” are both ${a.person.canonical}. /who ${a.person.canonical} shows every spelling the sources use.`,
            [ctx.actions.make(`Who was ${a.person.canonical}?`, { command: 'who', args: a.person.canonical })],
          );
        }
        return comparePeople(ctx, a.person, b.person, req, topic);
      }
      const hints = [a, b].flatMap((s) => (s.kind === 'none' ? [s.hint] : []));
      return errorReply(
        'Cannot compare those',
        hints.length
          ? `${hints.join(' ')} Compare two sources (reiman vs emelyanov) or two people (Yezhov vs Yagoda).`
          : 'Compare two sources or two people, not one of each.',
      );
    }
    return compareTopic(ctx, topic, req);
  },
});
