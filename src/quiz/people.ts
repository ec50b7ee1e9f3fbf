/**
 * People as quiz answers and distractors: who is safe to name (not a shared surname, not a word
 * the people index mistook for a name), how to show them, and what kind of figure they were,
 * so that distractors come from the same walk of life.
 */
import type { Person } from '../people/extract.ts';
import { GIVEN_NAMES, TITLES } from '../people/given-names.ts';
import type { PeopleIndex } from '../people/index.ts';
import type { SentenceRef } from './text.ts';

/** Surnames the index holds that are ordinary words or titles in this corpus ("Marshal", "Yes"). */
const NOT_A_PERSON = new Set(['Yes', 'Explaining', 'Christian', 'Alexander', 'George', 'Marshal', 'Marshall', 'Mac', 'Ye', 'Ya']);

export type RoleGroup = 'security' | 'military' | 'foreign' | 'writer' | 'political';

const GROUP_WORDS: [Exclude<RoleGroup, 'political'>, RegExp][] = [
  ['security', /\b(?:NKVD|OGPU|GPU|Cheka|[Cc]hekists?|secret police|Internal Affairs|state security|[Ii]nterrogat\w*)\b/],
  ['military', /\b(?:Marshal|General|Red Army|[Aa]rmy|[Cc]ommander|[Mm]ilitary|[Oo]fficers?|[Tt]roops|Defen[cs]e)\b/],
  ['foreign', /\b(?:Germany|German|Britain|British|England|English|America|American|United States|France|French|Poland|Polish|Japan|Japanese|Czechoslovak\w*|Western|Allies|Nazis?|Reich|President|Prime Minister|F[uü]hrer|[Aa]mbassador|London|Washington|Berlin)\b/],
  ['writer', /\b(?:[Hh]istorians?|[Ww]riters?|[Aa]uthor|[Jj]ournalists?|[Pp]rofessor|[Mm]emoirs?|[Bb]ook|[Aa]rticle|[Rr]esearch\w*)\b/],
];

export interface QuizPerson {
  person: Person;
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

const LATER_ERA = /\b19[6-9]\d(?:s|\b)|\bperestroika\b/i;

const NAME_WORD = /(?<!\p{L})\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?(?!\p{L})/gu;

/** Lookups by word, per index: the generators ask about the same capitalised words thousands of times. */
const lookups = new WeakMap<PeopleIndex, Map<string, Person[]>>();

function peopleFor(people: PeopleIndex, word: string): Person[] {
  let cache = lookups.get(people);
  if (!cache) lookups.set(people, (cache = new Map()));
  let hit = cache.get(word);
  if (!hit) cache.set(word, (hit = people.peopleForSpelling(word)));
  return hit;
}

/** The people a sentence names, each with the character span of every mention. */
export function mentionsIn(people: PeopleIndex, text: string): Map<string, { start: number; end: number }[]> {
  const out = new Map<string, { start: number; end: number }[]>();
  for (const m of text.matchAll(NAME_WORD)) {
    for (const p of peopleFor(people, m[0])) {
      if (!(m[0] in p.spellings)) continue;
      const spans = out.get(p.id) ?? [];
      spans.push({ start: m.index!, end: m.index! + m[0].length });
      out.set(p.id, spans);
    }
  }
  return out;
}

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
  for (const s of sentences) {
    const inSentence = [...s.text.matchAll(/\b(1[89]\d\d)\b/g)].map((m) => Number(m[1])).filter((y) => y >= 1890 && y <= 1960);
    for (const id of mentionsIn(people, s.text).keys()) {
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
    out.set(p.id, { person: p, display: displayName(p, isWord)!, group, ...(ys.length >= 2 ? { era: ys[Math.floor(ys.length / 2)]! } : {}) });
  }
  return out;
}
