/**
 * People as quiz answers and distractors: who is safe to name (not a shared surname, not a word
 * the people index mistook for a name), how to show them, and what kind of figure they were,
 * so that distractors come from the same walk of life.
 */
import type { Person } from '../people/extract.ts';
import { GIVEN_NAMES, TITLES } from '../people/given-names.ts';
import type { PeopleIndex } from '../people/index.ts';
import type { SentenceRef } from './text.ts';
import { mentionsIn } from '../people/mentions.ts';

/** Surnames the index holds that are ordinary words or titles in this corpus ("Marshal", "Yes"). */
const NOT_A_PERSON = new Set(['Yes', 'Explaining', 'Christian', 'Alexander', 'George', 'Marshal', 'Marshall', 'Mac', 'Ye', 'Ya']);

export type RoleGroup = 'security' | 'military' | 'foreign' | 'writer' | 'political';

const GROUP_WORDS: [Exclude<RoleGroup, 'political'>, RegExp][] = [
  ['security', /\b(?:NKVD|OGPU|GPU|Cheka|[Cc]hekists?|secret police|Internal Affairs|state security|[Ii]nterrogat\w*)\b/],
  ['military', /\b(?:Marshal|General|Red Army|[Aa]rmy|[Cc]ommander|[Mm]ilitary|[Oo]fficers?|[Tt]roops|Defen[cs]e)\b/],
  [
    'foreign',
    /\b(?:Germany|German|Britain|British|England|English|America|American|United States|France|French|Poland|Polish|Japan|Japanese|Czechoslovak\w*|Western|Allies|Nazis?|Reich|President|Prime Minister|F[uü]hrer|[Aa]mbassador|London|Washington|Berlin)\b/,
  ],
  ['writer', /\b(?:[Hh]istorians?|[Ww]riters?|[Aa]uthor|[Jj]ournalists?|[Pp]rofessor|[Mm]emoirs?|[Bb]ook|[Aa]rticle|[Rr]esearch\w*)\b/],
];

/** The office a role phrase names: who may stand in for whom in a who-question. */
export type RoleClass = 'security' | 'military' | 'secretary' | 'opposition' | 'government' | 'writer' | 'foreign';

const ROLE_CLASSES: [RoleClass, RegExp][] = [
  ['security', /\b(?:NKVD|OGPU|GPU|Cheka|[Cc]hekists?|secret police|Internal Affairs|state security|security (?:chief|service|organs))\b/],
  [
    'military',
    /\b(?:Marshal|General|[Cc]ommander|[Cc]ommissar (?:for|of) (?:Defen[cs]e|War)|Defen[cs]e|Red Army|[Aa]rmy|[Cc]olonel|[Kk]omandarm|[Kk]ombrig)\b/,
  ],
  ['secretary', /\b(?:[Ss]ecretary|[Ss]ecretaries|Politburo|Central Committee|Orgburo|party (?:leader|chief|boss|organi[sz]ation))\b/],
  ['opposition', /\b(?:Trotskyi?tes?|Trotskyists?|Rightists?|[Oo]pposition(?:ists?)?|Zinovievites?|[Dd]efendants?)\b/],
  [
    'government',
    /\b(?:People['’]s Commissar|[Cc]ommissar|[Cc]hairman|Premier|Prime Minister|[Mm]inister|Council of People|Sovnarkom|[Pp]rosecutor|[Dd]eputy)\b/,
  ],
  ['writer', /\b(?:[Hh]istorians?|[Ww]riters?|[Aa]uthor|[Jj]ournalists?|[Pp]rofessor|[Ee]ditor)\b/],
  ['foreign', /\b(?:[Aa]mbassador|President|F[uü]hrer|Chancellor|King)\b/],
];

/** The offices a role phrase names ("head of the NKVD" → security; "first secretary of the Kiev province" → secretary). */
export function roleClassesOf(phrase: string): Set<RoleClass> {
  return new Set(ROLE_CLASSES.filter(([, re]) => re.test(phrase)).map(([c]) => c));
}

/** The words right around a mention that would describe the person: a title before, an apposition or predicate after. */
function describingWords(text: string, span: { start: number; end: number }): string {
  const before = text
    .slice(Math.max(0, span.start - 50), span.start)
    .split(/[.;:!?()]/)
    .pop()!;
  const after = /^(?:['’]s)?(?:,\s+[^,;.()]{3,80}|\s+(?:was|became|had been|served as|remained)\s+[^,;.]{3,60})/u.exec(text.slice(span.end))?.[0] ?? '';
  return `${before} ${after}`;
}

/** Whether the corpus describes them with this office as often as with any other, nearly: their office, not a passing one. */
export function holds(p: QuizPerson, office: RoleClass): boolean {
  const top = Math.max(0, ...p.described.values());
  return (p.described.get(office) ?? 0) >= Math.max(1, top / 2);
}

export interface QuizPerson {
  person: Person;
  /** The offices the corpus describes them with, beside their name, with how often. */
  described: Map<RoleClass, number>;
  /** How the name is shown as an option: "Nikolai Yezhov", "N.B. Eismont", "Kalinin". */
  display: string;
  group: RoleGroup;
  /** The median year of the sentences that name them with a year: when the sources place them. */
  era?: number;
}

/**
 * "Supplies N.B. Eismont" → "N.B. Eismont": the index sometimes glues a preceding word to a name.
 * Leading tokens are dropped while they are ordinary words (see `isWord`).
 */
export function displayName(p: Person, isWord: (token: string) => boolean): string | null {
  const tokens = p.canonical.split(/\s+/).filter(Boolean);
  const surname = tokens[tokens.length - 1];
  if (!surname || !(surname in p.spellings)) return null;
  let i = 0;
  while (i < tokens.length - 1 && !GIVEN_NAMES.has(tokens[i]!) && !/^(?:\p{Lu}\p{Ll}?\.)+$/u.test(tokens[i]!) && isWord(tokens[i]!)) i++;
  return tokens.slice(i).join(' ');
}

export function eligible(p: Person): boolean {
  if (p.sharedSurname || p.mentions < 3) return false;
  const spellings = Object.keys(p.spellings);
  return !spellings.some((s) => NOT_A_PERSON.has(s) || TITLES.has(s) || s.length < 4);
}

/** Someone named this rarely may be two people of one surname. */
const FEW_MENTIONS = 10;

function surnameOf(p: Person): string {
  return Object.entries(p.spellings).sort((a, b) => b[1] - a[1])[0]![0];
}

const LATER_ERA = /\b19[6-9]\d(?:s|\b)|\bperestroika\b/i;

/**
 * The eligible people with a role group each, from the words around their mentions across the
 * corpus: a person mostly named near "NKVD" is a security figure, near "Army" a military one.
 */
export function quizPeople(people: PeopleIndex, sentences: SentenceRef[]): Map<string, QuizPerson> {
  const lowerWords = new Set<string>();
  for (const s of sentences) for (const w of s.text.match(/(?<!\p{L})\p{Ll}+(?!\p{L})/gu) ?? []) lowerWords.add(w);
  const surnames = people.all.filter((p) => p.mentions >= 3).flatMap((p) => Object.keys(p.spellings).filter((k) => k.length >= 5));
  // A word the corpus also writes in lowercase ("Supplies"), or one built on a surname ("Trotskyites").
  const isWord = (t: string) => lowerWords.has(t.toLowerCase()) || surnames.some((k) => t.length > k.length && t.startsWith(k));
  const candidates = new Map(people.all.filter((p) => eligible(p) && displayName(p, isWord) !== null).map((p) => [p.id, p]));
  const counts = new Map<string, Map<RoleGroup, number>>();
  const years = new Map<string, number[]>();
  const described = new Map<string, Map<RoleClass, number>>();
  const namedInFull = new Set<string>();
  for (const s of sentences) {
    const inSentence = [...s.text.matchAll(/\b(1[89]\d\d)\b/g)].map((m) => Number(m[1])).filter((y) => y >= 1890 && y <= 1960);
    for (const [id, spans] of mentionsIn(people, s.text)) {
      if (!candidates.has(id)) continue;
      // A surname never given in full, also named in a sentence about the 1960s or later, may be two people
      // ("Gorbachev" the 1930s commander and the 1980s leader): no option may be ambiguous.
      const p = candidates.get(id)!;
      if (!Object.keys(p.fullNames).length && !p.initial && LATER_ERA.test(s.text)) {
        candidates.delete(id);
        counts.delete(id);
        continue;
      }
      if (inSentence.length) years.set(id, [...(years.get(id) ?? []), ...inSentence]);
      if (Object.keys(p.fullNames).some((f) => s.text.includes(f))) namedInFull.add(`${id}\u0000${s.passage.sourceId}`);
      const roles = described.get(id) ?? new Map<RoleClass, number>();
      for (const span of spans) for (const r of roleClassesOf(describingWords(s.text, span))) roles.set(r, (roles.get(r) ?? 0) + 1);
      described.set(id, roles);
      const c = counts.get(id) ?? new Map<RoleGroup, number>();
      c.set('political', (c.get('political') ?? 0) + 1);
      for (const [g, re] of GROUP_WORDS) if (re.test(s.text)) c.set(g, (c.get(g) ?? 0) + 1);
      counts.set(id, c);
    }
  }
  const out = new Map<string, QuizPerson>();
  for (const p of [...candidates.values()].sort((a, b) => b.mentions - a.mentions || a.id.localeCompare(b.id, 'en'))) {
    const c = counts.get(p.id);
    const total = c?.get('political') ?? 0;
    let group: RoleGroup = 'political';
    let best = 0;
    for (const [g] of GROUP_WORDS) {
      const n = c?.get(g) ?? 0;
      // A group wins only when it marks a good share of the person's mentions.
      if (n > best && n >= Math.max(2, total * 0.3)) {
        group = g;
        best = n;
      }
    }
    // A military title seen before the name settles it ("Marshal Voroshilov").
    if (p.titles.some((t) => /^(?:Marshal|General|Colonel|Commander)$/.test(t))) group = 'military';
    const ys = (years.get(p.id) ?? []).sort((a, b) => a - b);
    // Named in full only by sources holding few of the mentions: the others may mean someone else of
    // that surname (Emelyanov's Admiral Vladimir Orlov, the compilation's NKVD defector Orlov), so the surname alone.
    const inFull = Object.entries(p.bySource)
      .filter(([src]) => namedInFull.has(`${p.id}\u0000${src}`))
      .reduce((n, [, k]) => n + k, 0);
    const display = inFull * 2 < p.mentions && p.mentions < FEW_MENTIONS ? surnameOf(p) : displayName(p, isWord)!;
    out.set(p.id, {
      person: p,
      described: described.get(p.id) ?? new Map(),
      display,
      group,
      ...(ys.length >= 2 ? { era: ys[Math.floor(ys.length / 2)]! } : {}),
    });
  }
  return out;
}
