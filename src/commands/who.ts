/** `/who NAME`: a cited profile of a person across spellings, or a choice when a surname names two people. */
import { people } from './suggestions.ts';
import { authorLabel, yearLabel } from '../corpus/cite.ts';
import { cleanText, defineCommand, type CommandContext } from '../core/command.ts';
import { pagedReply } from '../core/pager.ts';
import { insideQuotation, mergeUnits, quoteUnit, textUnit, type Unit } from '../core/quotes.ts';
import { editDistance, nameKey } from '../people/name-key.ts';
import { quotableSpan } from '../answer/engine.ts';
import { authoredBy, type Authored } from './who-authored.ts';
import { errorReply, reply, type Reply } from '../core/reply.ts';
import type { Request } from '../core/request.ts';
import type { Person } from '../people/extract.ts';
import { hiddenPassages } from '../moderation/hidden.ts';
import { wholeWords } from '../core/word-pattern.ts';
import { mentionsReply, nameMentions } from './who-mentions.ts';
import { buildProfile, type ProfileSentence } from './who-profile.ts';

const YEAR = /\b1[89]\d\d\b/;
/** A dated sentence before an undated one is quoted with it, up to this length. */
const DATED_LEAD_IN = 450;

/**
 * The sentence, with the one before it when it opens with "its" or "he" and leans on it, or when
 * it has no date and the one before gives it ("In March 1938, the Moscow trial … took place." before
 * "Bukharin, Rykov, Krestinsky … were sentenced to death.").
 */
function spanText(x: ProfileSentence): string {
  const p = x.passage;
  const i = p.sentences.findIndex((s) => s.start === x.sentence.start);
  const span = (i >= 0 ? quotableSpan(p, i) : null) ?? x.sentence;
  // A sentence quoted with the one that goes on about the person ("the latter …") keeps both.
  let start = span.start;
  const end = Math.max(span.end, x.sentence.end);
  const prev = i > 0 && start === x.sentence.start ? p.sentences[i - 1]! : null;
  if (
    prev &&
    !YEAR.test(p.text.slice(start, end)) &&
    YEAR.test(p.text.slice(prev.start, prev.end)) &&
    end - prev.start <= DATED_LEAD_IN &&
    !insideQuotation(p, prev)
  ) {
    start = prev.start;
  }
  return p.text.slice(start, end);
}

/** Someone the texts never name in their own words, but whose works they quote. */
function authoredReply(ctx: CommandContext, typed: string, a: Authored): Reply {
  const units: Unit[] = [
    textUnit(
      `The sources do not write about “${typed}”, but quote ${a.author} as an author: ${a.passages.length} excerpt${a.passages.length === 1 ? '' : 's'} from ${a.works.slice(0, 5).join('; ')}. The first excerpts, in the compiler’s selection:`,
    ),
    ...a.passages
      .slice(0, 3)
      .map((p) => quoteUnit(ctx.repo, p, p.text.slice(p.sentences[0]?.start ?? 0, p.sentences[Math.min(1, p.sentences.length - 1)]?.end ?? p.text.length))),
  ];
  return reply({
    title: `${a.author}, as a quoted author`,
    ...mergeUnits(units),
    actions: a.passages.slice(0, 3).map((p) => ctx.actions.make(`Read ${p.id}`, { command: 'show', args: p.id })),
  });
}

function label(p: Person): string {
  // Titles are gathered per surname, so they cannot tell two people of one surname apart.
  return p.titles.length && !p.sharedSurname ? `${p.canonical} (${p.titles.join(', ')})` : p.canonical;
}

/** Passages one person of a shared surname must have, against each other's, to be the one meant by it. */
const MOSTLY = 3;
const MOSTLY_AT_LEAST = 6;

/** A surname of several people: each one with the sentences that best say who they were, then a choice. */
function choice(ctx: CommandContext, surname: string, people: Person[], req: Request, name: string): Reply {
  const exclude = hiddenPassages(ctx, req.where);
  // When nearly every passage means one of them, that is who a student asking by surname means: their
  // profile, saying who else the surname names, with a button for them.
  const byMentions = people.map((p) => ({ p, n: buildProfile(ctx.repo, ctx.people, p, exclude).mentions.length })).sort((a, b) => b.n - a.n);
  const [top, next] = byMentions;
  if (top && next && top.n >= MOSTLY * next.n && top.n >= MOSTLY_AT_LEAST) {
    const others = byMentions.slice(1).map((x) => x.p);
    const note = `“${surname}” also names ${others.map((o) => o.canonical).join(', ')}; most passages mean ${top.p.canonical}, shown here.`;
    return profileReply(ctx, top.p, req, name, note, others);
  }
  const units: Unit[] = [textUnit('Which one do you mean? What the sources say of each:')];
  for (const p of people.slice(0, 5)) {
    const profile = buildProfile(ctx.repo, ctx.people, p, exclude);
    // The two sentences that say most about them, from two sources where there are two.
    const all = [...profile.ranked.values()].flat().sort((a, b) => b.score - a.score);
    const first = all[0];
    const best = first
      ? [first, all.find((x) => x.passage.sourceId !== first.passage.sourceId) ?? all.find((x) => x.passage.id !== first.passage.id)].filter(
          (x) => x !== undefined,
        )
      : [];
    const named = Object.values(p.fullNames).reduce((a, b) => a + b, 0);
    const lead = `${label(p)}: named in full ${named} time${named === 1 ? '' : 's'}.`;
    if (!best.length) units.push(textUnit(lead));
    best.forEach((x, i) => units.push(quoteUnit(ctx.repo, x.passage, spanText(x), i === 0 ? lead : undefined)));
  }
  return reply({
    kind: 'answer',
    title: `“${surname}” names ${people.length} people in the corpus`,
    ...mergeUnits(units),
    actions: people.slice(0, 5).map((p) => ctx.actions.make(p.canonical, { command: 'who', args: p.canonical })),
  });
}

/** `name` is the cleaned argument: buttons carry it, never the raw text as typed. */
function profileReply(ctx: CommandContext, person: Person, req: Request, name: string, note?: string, others: Person[] = []): Reply {
  const profile = buildProfile(ctx.repo, ctx.people, person, hiddenPassages(ctx, req.where));
  if (!profile.mentions.length) {
    return reply({
      kind: 'not-found',
      title: person.canonical,
      blocks: [{ type: 'paragraph', text: `The corpus names ${person.canonical} but no passage can be quoted about them here.` }],
    });
  }
  const sourceName = (id: string) => {
    const m = ctx.repo.source(id)!.meta;
    return `${authorLabel(m)} (${yearLabel(m)})`;
  };
  const spellingLine = [...profile.spellingsBySource.entries()].map(([s, ids]) => `${s} (${[...ids].map(sourceName).join(', ')})`).join('; ');
  const header: Unit = textUnit(
    (note ? `${note} ` : '') +
      `Spellings in the corpus: ${spellingLine}.` +
      (Object.keys(person.fullNames).length ? ` Full names used: ${Object.keys(person.fullNames).slice(0, 4).join(', ')}.` : ''),
  );

  const units: Unit[] = [];
  const used = new Set<string>();
  const key = (x: ProfileSentence) => `${x.passage.id}:${x.sentence.start}`;
  // A footnote on the sentence after a quote is shown when it speaks of the person.
  const named = wholeWords(ctx.people.spellingsOf(person));
  const quote = (x: ProfileSentence, lead?: string) => {
    used.add(key(x));
    units.push(quoteUnit(ctx.repo, x.passage, spanText(x), lead, { notes: true, noteAbout: (c) => named.test(c) }));
  };
  // Sources that say most about the person first.
  const speaking = ctx.repo
    .sources()
    .map((s) => s.meta.id)
    .filter((id) => profile.ranked.has(id))
    .sort((a, b) => (profile.counts.get(b) ?? 0) - (profile.counts.get(a) ?? 0));
  const silent = ctx.repo
    .sources()
    .map((s) => s.meta.id)
    .filter((id) => !profile.ranked.has(id))
    .map(sourceName);
  // Someone rarely named, and never in full in a source, may be another person of the surname there
  // (the journalist Vladimir Voronov, and a student called Voronov): that source is shown as unsure.
  const fullForms = Object.keys(person.fullNames);
  const unsure = (id: string) =>
    person.mentions < 10 &&
    fullForms.length > 0 &&
    !profile.mentions.some((m) => m.passage.sourceId === id && fullForms.some((f) => m.passage.text.includes(f)));
  // Who they were: each source's sentence giving their role or office (never from an unsure source).
  let leading = true;
  for (const id of speaking) {
    if (unsure(id)) continue;
    const role = profile.ranked.get(id)!.find((x) => x.role && x.score >= 3);
    if (!role) continue;
    quote(role, leading ? 'Who they were, in the sources’ words:' : undefined);
    leading = false;
  }
  // Then what each source says of them, in date order: a person few sources name gets more from each.
  const perSource = Math.max(2, Math.ceil(6 / Math.max(1, speaking.length)));
  for (const id of speaking) {
    const picks = profile.ranked
      .get(id)!
      .filter((x) => !used.has(key(x)))
      .filter((x, i, all) => all.findIndex((y) => y.passage.id === x.passage.id) === i || x.score >= 4)
      .slice(0, perSource)
      .sort((a, b) => (a.year ?? 9999) - (b.year ?? 9999));
    const n = Math.max(profile.counts.get(id) ?? 0, profile.mentions.filter((m) => m.passage.sourceId === id).length);
    const lead = unsure(id)
      ? `${sourceName(id)} — ${n === 1 ? '1 passage names' : `${n} passages name`} “${Object.keys(person.spellings).join('” / “')}” but never in full, so it may be someone else`
      : `${sourceName(id)} — ${n === 1 ? '1 passage names' : `${n} passages name`} ${person.canonical}`;
    if (!picks.length) units.push(textUnit(`${lead}; quoted above.`));
    picks.forEach((x, i) => quote(x, i === 0 ? `${lead}:` : undefined));
  }
  const authored = authoredBy(
    ctx.repo,
    ctx.people.spellingsOf(person),
    hiddenPassages(ctx, req.where),
    person.sharedSurname ? (person.initial ?? undefined) : undefined,
  );
  const quotedIn = new Set(authored?.passages.map((p) => p.sourceId) ?? []);
  if (authored)
    units.push(
      textUnit(
        `Quoted as an author: ${authored.passages.length} excerpt${authored.passages.length === 1 ? '' : 's'} from ${authored.works.slice(0, 4).join('; ')}${authored.works.length > 4 ? ' …' : ''}, in ${[...quotedIn].map(sourceName).join(', ')}.`,
      ),
    );
  const notNamed = silent.filter((n) => ![...quotedIn].some((id) => sourceName(id) === n));
  if (notNamed.length) units.push(textUnit(`Not mentioned in: ${notNamed.join(', ')}.`));
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
      ...others.slice(0, 1).map((o) => ctx.actions.make(o.canonical, { command: 'who', args: o.canonical })),
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
    curatable: true,
  },
  schema: cleanText({ max: 100, emptyMessage: 'Whose profile? For example: /who Yezhov' }),
  curatedTitle(ctx, name) {
    const r = ctx.people.resolve(name);
    return r.kind === 'person' ? `Who was ${r.person.canonical}?` : null;
  },
  suggest: (ctx, _option, partial) => people(ctx, partial),
  run(ctx, name, req) {
    if (!/\p{L}/u.test(name)) return errorReply('Not a name', 'A name needs letters, e.g. /who Yezhov.');
    const r = ctx.people.resolve(name);
    switch (r.kind) {
      case 'person':
        return profileReply(ctx, r.person, req, name);
      case 'ambiguous':
        return choice(ctx, r.surname, r.people, req, name);
      case 'suggest':
        // One person whose name is one letter away in transliteration ("Rikov", "Eiche"): that is who was meant.
        if (r.people.length === 1 && editDistance(nameKey(name.split(/\s+/).pop()!), r.people[0]!.surnameKey) <= 1) {
          return profileReply(
            ctx,
            r.people[0]!,
            req,
            name,
            `The corpus spells “${name}” as ${Object.keys(r.people[0]!.spellings).join(' / ')}; showing ${r.people[0]!.canonical}.`,
          );
        }
        return reply({
          kind: 'not-found',
          title: `No one called “${name}” in the corpus`,
          blocks: [{ type: 'paragraph', text: `Did you mean ${r.people.map((p) => p.canonical).join(' or ')}?` }],
          actions: r.people.map((p) => ctx.actions.make(p.canonical, { command: 'who', args: p.canonical })),
        });
      default: {
        const found = nameMentions(ctx, name, hiddenPassages(ctx, req.where));
        const authored = authoredBy(ctx.repo, [name.split(/\s+/).pop()!], hiddenPassages(ctx, req.where));
        if (found.sentences.length) return mentionsReply(ctx, name, found, authored);
        if (authored) return authoredReply(ctx, name, authored);
        return reply({
          kind: 'not-found',
          title: `No one called “${name}” in the corpus`,
          blocks: [{ type: 'paragraph', text: 'The corpus does not name this person. Try a surname (e.g. /who Yezhov) or /ask for a topic.' }],
        });
      }
    }
  },
});
