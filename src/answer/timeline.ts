/**
 * The dated events on a topic or in a person's life, from every source, in date order: each a
 * verbatim sentence with the date it gives, and the events two passages date differently.
 */
import type { Passage } from '../corpus/types.ts';
import { memoByObject } from '../core/memo.ts';
import { escapeRe, wholeWords } from '../core/word-pattern.ts';
import type { Person } from '../people/extract.ts';
import { namedPeople } from '../people/mentions.ts';
import { compareDates, datesDisagree, datesIn, type TextDate } from './dates.ts';
import { question, type EngineContext } from './engine.ts';
import type { Question } from './question.ts';
import { nearDuplicate } from './similar.ts';
import { topicBySource } from './topic.ts';

export interface TimelineEvent {
  passage: Passage;
  /** The dated sentence. */
  index: number;
  /** Verbatim: the sentence, with the one before it when that one gives the year. */
  text: string;
  date: TextDate;
}

/** What happened to whom, as two passages date it differently. */
export interface DateConflict {
  person: string;
  what: EventClass;
  events: TimelineEvent[];
}

export type Subject = { kind: 'person'; person: Person; spellings: string[] } | { kind: 'topic'; question: Question };

export interface TimelineOptions {
  from?: number;
  to?: number;
  exclude?: ReadonlySet<string>;
}

/** Words before a date that make it a bound or the date of something else, not when the sentence's event happened. */
const NOT_WHEN = /\b(?:before|after|until|till|prior to|than|of|since)\s+(?:the\s+)?$/i;
/**
 * The same a few words back: "since the previous Congress in 1930" dates the Congress, not what the
 * sentence tells. Not "after …": "the arrests after intense interrogations in May 1937" were in May 1937 too.
 */
const NOT_WHEN_PHRASE = /\b(?:until|till|since)\s+(?:the\s+)?(?:[\p{L}-]+\s+){1,3}(?:in|of)\s+$/iu;

/** Events read per source for a topic: a timeline wants the dated sentences beyond the few best. */
const TOPIC_PER_SOURCE = 60;
/** Passages naming a person read at most. */
const PERSON_PASSAGES = 200;

function sentenceText(p: Passage, i: number): string {
  const s = p.sentences[i]!;
  return p.text.slice(s.start, s.end);
}

/** Per passage, sentence index → its dates (read with the sentence before): the corpus changes only at ingest. */
const datesOfSentences = memoByObject((_p: Passage) => new Map<number, TextDate[]>());

/** The dates of sentence `i` of a passage, read once. */
export function sentenceDates(p: Passage, i: number): TextDate[] {
  const known = datesOfSentences(p);
  let dates = known.get(i);
  if (!dates) known.set(i, (dates = datesIn(sentenceText(p, i), i > 0 ? sentenceText(p, i - 1) : '')));
  return dates;
}

/** The event a sentence dates, with the sentence before quoted too when the year comes from it. */
function eventAt(p: Passage, i: number): TimelineEvent | null {
  const text = sentenceText(p, i);
  // "joined the Party before 1920", "the Red Terror of 1918": a bound or another event's date does not date this one.
  const date = sentenceDates(p, i).find(
    (d) => !NOT_WHEN.test(text.slice(Math.max(0, d.at - 12), d.at)) && !NOT_WHEN_PHRASE.test(text.slice(Math.max(0, d.at - 50), d.at)),
  );
  if (!date) return null;
  const s = p.sentences[i]!;
  const start = date.inferred && i > 0 ? p.sentences[i - 1]!.start : s.start;
  return { passage: p, index: i, text: p.text.slice(start, s.end), date };
}

function candidates(ctx: EngineContext, subject: Subject, exclude: ReadonlySet<string>): { passage: Passage; index: number }[] {
  if (subject.kind === 'topic') {
    const bySource = topicBySource(ctx, subject.question, exclude, TOPIC_PER_SOURCE);
    // The sentence itself speaks of the topic: in a chapter on Kirov's murder, the population census is another story.
    return [...bySource.values()].flatMap((s) => s.sentences.filter((x) => x.own > 0).map((x) => ({ passage: x.passage, index: x.index })));
  }
  const names = wholeWords(subject.spellings);
  const fts = subject.spellings.map((s) => `"${s.toLowerCase().replace(/"/g, '""')}"`).join(' OR ');
  const out: { passage: Passage; index: number }[] = [];
  for (const { passage } of ctx.repo.match(`text : (${fts})`, { limit: PERSON_PASSAGES, exclude })) {
    passage.sentences.forEach((_, i) => {
      if (names.test(sentenceText(passage, i))) out.push({ passage, index: i });
    });
  }
  return out;
}

/** The dated events, earliest first; one per sentence, and words a source prints twice once. */
export function timelineEvents(ctx: EngineContext, subject: Subject, opts: TimelineOptions = {}): TimelineEvent[] {
  const seen = new Set<string>();
  const events: TimelineEvent[] = [];
  for (const c of candidates(ctx, subject, opts.exclude ?? new Set())) {
    const key = `${c.passage.id}:${c.index}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const e = eventAt(c.passage, c.index);
    if (!e) continue;
    const last = e.date.until ?? e.date.year;
    if ((opts.from !== undefined && last < opts.from) || (opts.to !== undefined && e.date.year > opts.to)) continue;
    if (events.some((x) => x.passage.sourceId === e.passage.sourceId && nearDuplicate(x.text, e.text))) continue;
    events.push(e);
  }
  return events.sort((a, b) => compareDates(a.date, b.date) || a.passage.ord - b.passage.ord || a.index - b.index);
}

export interface PersonEvent {
  person: string;
  what: EventClass;
}

export type EventClass = 'took office' | 'was removed' | 'was arrested' | 'was tried' | 'was sentenced' | 'was shot' | 'died';

/**
 * What a sentence says befell a person, in a few plain patterns around the name. Narrow on
 * purpose: a conflict is only flagged between two sentences that plainly tell the same thing.
 * A clause ("Yezhov was dismissed") may stand a little apart from its date; a noun phrase ("the
 * murder of Kirov") only right beside it, since it often recalls an earlier event ("in an
 * atmosphere saturated with the murder of Kirov").
 */
const P = (n: string, verbs: string) => `${n}(?:\\s+\\p{Ll}+){0,2}\\s+(?:was\\s+|had\\s+been\\s+)${verbs}\\b`;
const OF = (nouns: string) => (n: string) => `\\b(?:${nouns}) of (?:\\p{Lu}[\\p{L}.]*\\s+){0,2}${n}`;
const CLASSES: { what: EventClass; clauses: ((name: string) => string)[]; phrases: ((name: string) => string)[] }[] = [
  {
    what: 'took office',
    clauses: [
      (n) => `${n}(?:\\s+\\p{Ll}+){0,2}\\s+(?:was\\s+|had\\s+been\\s+)?(?:appointed|became|took over|succeeded)\\b`,
      (n) => `\\b(?:replacement|successor|new (?:minister|commissar|head|chief))\\s+(?:\\p{Lu}[\\p{L}.]*\\s+){0,2}${n}`,
      (n) => `${n},\\s+(?:the\\s+)?(?:head|chief|commissar) of [^,.;]{1,40}?\\s+(?:from|since)\\b`,
    ],
    phrases: [],
  },
  { what: 'was removed', clauses: [(n) => P(n, '(?:relieved|dismissed|removed|replaced|substituted|ousted)')], phrases: [] },
  { what: 'was arrested', clauses: [(n) => P(n, 'arrested')], phrases: [OF('arrest')] },
  { what: 'was tried', clauses: [(n) => P(n, 'tried')], phrases: [OF('trial')] },
  { what: 'was sentenced', clauses: [(n) => P(n, 'sentenced')], phrases: [] },
  { what: 'was shot', clauses: [(n) => P(n, '(?:shot|executed)')], phrases: [OF('execution')] },
  {
    what: 'died',
    clauses: [(n) => `${n}(?:\\s+\\p{Ll}+){0,2}\\s+(?:died|(?:was|had been)\\s+(?:killed|murdered|assassinated))\\b`],
    phrases: [OF('murder|assassination|death|killing')],
  },
];

/** Per person, each class's patterns with the person's spellings in them. */
const compiled = new WeakMap<Person, { what: EventClass; clauses: RegExp[]; phrases: RegExp[] }[]>();

function patternsFor(ctx: EngineContext, person: Person): { what: EventClass; clauses: RegExp[]; phrases: RegExp[] }[] {
  let known = compiled.get(person);
  if (!known) {
    const name = `(?:${ctx.people.spellingsOf(person).map(escapeRe).join('|')})(?!\\p{L})`;
    const re = (fs: ((n: string) => string)[]) => fs.map((f) => new RegExp(f(name), 'u'));
    known = CLASSES.map((c) => ({ what: c.what, clauses: re(c.clauses), phrases: re(c.phrases) }));
    compiled.set(person, known);
  }
  return known;
}

/** Characters between a clause and its date at most; a noun phrase must touch its date. */
const CLAUSE_NEAR = 80;
const PHRASE_NEAR = 12;

function near(re: RegExp, text: string, date: TextDate, gap: number): boolean {
  const m = re.exec(text);
  if (!m) return false;
  const dateEnd = date.at + date.raw.length;
  const end = m.index + m[0].length;
  return (m.index >= dateEnd && m.index - dateEnd <= gap) || (date.at >= end && date.at - end <= gap) || (m.index < dateEnd && date.at < end);
}

/** What the sentence says befell whom, beside the sentence's own date (not a document's bracketed date). */
export function classesFor(ctx: EngineContext, text: string, date: TextDate): PersonEvent[] {
  if (date.inferred || /\[[^\]]*$/.test(text.slice(0, date.at))) return [];
  const out: PersonEvent[] = [];
  for (const person of namedPeople(ctx.people, text)) {
    for (const c of patternsFor(ctx, person)) {
      if (c.clauses.some((re) => near(re, text, date, CLAUSE_NEAR)) || c.phrases.some((re) => near(re, text, date, PHRASE_NEAR)))
        out.push({ person: person.canonical, what: c.what });
    }
  }
  return out;
}

/**
 * Events that tell the same thing of the same person (Yezhov took office) with dates that cannot
 * both be right, from different passages: "September 1936" against "January 1937".
 */
export function dateConflicts(ctx: EngineContext, events: readonly TimelineEvent[]): DateConflict[] {
  const byKey = new Map<string, { person: string; what: EventClass; events: TimelineEvent[] }>();
  for (const e of events) {
    for (const c of classesFor(ctx, sentenceText(e.passage, e.index), e.date)) {
      const key = `${c.person}\u0000${c.what}`;
      const entry = byKey.get(key) ?? { ...c, events: [] };
      entry.events.push(e);
      byKey.set(key, entry);
    }
  }
  return [...byKey.values()].filter((g) => g.events.some((a) => g.events.some((b) => a.passage.id !== b.passage.id && datesDisagree(a.date, b.date))));
}

export type SubjectOf = { kind: 'subject'; subject: Subject; label: string } | { kind: 'ambiguous'; people: Person[] } | { kind: 'none'; missing: string[] };

/**
 * Whom or what a timeline is of: a person the index resolves to one person (across spellings),
 * a surname two people share (the caller asks which), or a topic with words the corpus uses.
 */
export function timelineSubject(ctx: EngineContext, text: string): SubjectOf {
  const r = ctx.people.resolve(text);
  if (r.kind === 'person') {
    // A surname shared with another person is searched by this person's full names only.
    const spellings = r.person.sharedSurname ? Object.keys(r.person.fullNames) : ctx.people.spellingsOf(r.person);
    if (spellings.length) return { kind: 'subject', subject: { kind: 'person', person: r.person, spellings }, label: r.person.canonical };
  }
  if (r.kind === 'ambiguous') return { kind: 'ambiguous', people: r.people };
  const q = question(ctx, text, { topic: true });
  if (!q.concepts.length) return { kind: 'none', missing: q.missing };
  return { kind: 'subject', subject: { kind: 'topic', question: q }, label: text };
}
