/** `/who NAME`: a cited profile of a person across spellings, or a choice when a surname names two people. */
import { authorLabel, yearLabel } from '../corpus/cite.ts';
import { cleanText, defineCommand, type CommandContext } from '../core/command.ts';
import { pagedReply } from '../core/pager.ts';
import { quoteUnit, textUnit, type Unit } from '../core/quotes.ts';
import { errorReply, reply, type Reply } from '../core/reply.ts';
import type { Request } from '../core/request.ts';
import type { Person } from '../people/extract.ts';
import { hiddenPassages } from './hidden.ts';
import { mentionsReply, nameMentions } from './who-mentions.ts';
import { buildProfile } from './who-profile.ts';

function label(p: Person): string {
  // Titles are gathered per surname, so they cannot tell two people of one surname apart.
  return p.titles.length && !p.sharedSurname ? `${p.canonical} (${p.titles.join(', ')})` : p.canonical;
}

function choice(ctx: CommandContext, surname: string, people: Person[]): Reply {
  return reply({
    kind: 'not-found',
    title: `“${surname}” names ${people.length} people in the corpus`,
    blocks: [
      { type: 'paragraph', text: 'Which one do you mean?' },
      { type: 'list', items: people.map((p) => `${label(p)}: named in full ${Object.values(p.fullNames).reduce((a, b) => a + b, 0)} times`) },
    ],
    actions: people.slice(0, 5).map((p) => ctx.actions.make(p.canonical, { command: 'who', args: p.canonical })),
  });
}

/** `name` is the cleaned argument: buttons carry it, never the raw text as typed. */
function profileReply(ctx: CommandContext, person: Person, req: Request, name: string): Reply {
  const profile = buildProfile(ctx.repo, ctx.people, person, hiddenPassages(ctx, req.where));
  if (!profile.mentions.length) {
    return reply({ kind: 'not-found', title: person.canonical, blocks: [{ type: 'paragraph', text: `The corpus names ${person.canonical} but no passage can be quoted about them here.` }] });
  }
  const sourceName = (id: string) => {
    const m = ctx.repo.source(id)!.meta;
    return `${authorLabel(m)} (${yearLabel(m)})`;
  };
  const spellingLine = [...profile.spellingsBySource.entries()]
    .map(([s, ids]) => `${s} (${[...ids].map(sourceName).join(', ')})`)
    .join('; ');
  const header: Unit = textUnit(
    `Spellings in the corpus: ${spellingLine}.` +
      (Object.keys(person.fullNames).length ? ` Full names used: ${Object.keys(person.fullNames).slice(0, 4).join(', ')}.` : ''),
  );

  const units: Unit[] = [];
  const used = new Set<string>();
  profile.defining.forEach((d, i) => {
    used.add(`${d.passage.id}:${d.sentence.start}`);
    units.push(quoteUnit(ctx.repo, d.passage, d.passage.text.slice(d.sentence.start, d.sentence.end), i === 0 ? 'Who they were, in the sources’ words:' : undefined));
  });

  const bySource = new Map<string, typeof profile.mentions>();
  for (const m of profile.mentions) bySource.set(m.passage.sourceId, [...(bySource.get(m.passage.sourceId) ?? []), m]);
  const silent: string[] = [];
  for (const s of ctx.repo.sources()) {
    const ms = bySource.get(s.meta.id);
    if (!ms) {
      silent.push(sourceName(s.meta.id));
      continue;
    }
    // The passages that say most about the person: most mentioning sentences first.
    // Sentences not already quoted above, from the passages that mention the person most.
    const picks = [...ms]
      .sort((a, b) => b.sentences.length - a.sentences.length)
      .flatMap((m) => {
        const s0 = m.sentences.find((x) => !used.has(`${m.passage.id}:${x.start}`));
        return s0 ? [{ m, s0 }] : [];
      })
      .slice(0, 2);
    const n = Math.max(profile.counts.get(s.meta.id) ?? 0, ms.length);
    const lead = `${sourceName(s.meta.id)} — ${n === 1 ? '1 passage names' : `${n} passages name`} ${person.canonical}`;
    if (!picks.length) units.push(textUnit(`${lead}; quoted above.`));
    picks.forEach(({ m, s0 }, i) => {
      used.add(`${m.passage.id}:${s0.start}`);
      units.push(quoteUnit(ctx.repo, m.passage, m.passage.text.slice(s0.start, s0.end), i === 0 ? `${lead}:` : undefined));
    });
  }
  if (silent.length) units.push(textUnit(`Not mentioned in: ${silent.join(', ')}.`));
  if (profile.related.length) units.push(textUnit(`Named alongside: ${profile.related.map((r) => `${r.person.canonical} (${r.count})`).join(', ')}.`));

  const first = profile.defining[0]?.passage ?? profile.mentions[0]!.passage;
  return pagedReply({
    title: `Who was ${person.canonical}?`,
    header,
    units,
    page: req.page ?? 1,
    command: 'who',
    args: name,
    actions: ctx.actions,
    extra: [
      ctx.actions.make('Cite first quote', { command: 'cite', args: first.id }),
      ctx.actions.make('Quiz me on this', { command: 'quiz', args: Object.keys(person.spellings)[0] ?? person.canonical }),
      ctx.actions.make('Report', { command: 'report', args: `who ${name}` }, 'danger'),
    ],
  });
}

export const whoCommand = defineCommand({
  spec: {
    name: 'who',
    description: 'A cited profile of a person, across spellings (Yezhov / Ezhov / Ежов).',
    usage: '/who NAME',
    example: '/who Yezhov',
    options: [{ name: 'name', description: 'A person, e.g. Yezhov, Tukhachevsky, Yuri Zhukov', required: true, autocomplete: true, maxLength: 100 }],
    moderatorOnly: false,
  },
  schema: cleanText({ max: 100, emptyMessage: 'Whose profile? For example: /who Yezhov' }),
  run(ctx, name, req) {
    if (!/\p{L}/u.test(name)) return errorReply('Not a name', 'A name needs letters, e.g. /who Yezhov.');
    const r = ctx.people.resolve(name);
    switch (r.kind) {
      case 'person':
        return profileReply(ctx, r.person, req, name);
      case 'ambiguous':
        return choice(ctx, r.surname, r.people);
      case 'suggest':
        return reply({
          kind: 'not-found',
          title: `No one called “${name}” in the corpus`,
          blocks: [{ type: 'paragraph', text: `Did you mean ${r.people.map((p) => p.canonical).join(' or ')}?` }],
          actions: r.people.map((p) => ctx.actions.make(p.canonical, { command: 'who', args: p.canonical })),
        });
      default: {
        const found = nameMentions(ctx, name, hiddenPassages(ctx, req.where));
        if (found.sentences.length) return mentionsReply(ctx, name, found);
        return reply({
          kind: 'not-found',
          title: `No one called “${name}” in the corpus`,
          blocks: [{ type: 'paragraph', text: 'The corpus does not name this person. Try a surname (e.g. /who Yezhov) or /ask for a topic.' }],
        });
      }
    }
  },
});
