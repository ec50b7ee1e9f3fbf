/** The people a text names, found by the capitalised words the people index knows as their spellings. */
import type { Person } from './extract.ts';
import type { PeopleIndex } from './index.ts';

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

/** The people a text names, each once. */
export function namedPeople(people: PeopleIndex, text: string): Person[] {
  return [...mentionsIn(people, text).keys()].map((id) => people.byId(id)!).filter(Boolean);
}
