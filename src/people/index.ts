/** The people index at run time: lookup across spellings, fuzzy suggestions, disambiguation. */
import type { DB } from '../db/open.ts';
import { PersonSchema, type Person } from './extract.ts';
import { editDistance, nameKey } from './name-key.ts';

export type Resolution =
  | { kind: 'person'; person: Person }
  | { kind: 'ambiguous'; surname: string; people: Person[] }
  | { kind: 'suggest'; people: Person[] }
  | { kind: 'unknown' };

export class PeopleIndex {
  private readonly byKey = new Map<string, Person[]>();
  private readonly bySpelling = new Map<string, Person[]>();
  readonly all: Person[];

  constructor(people: Person[]) {
    this.all = people;
    for (const p of people) {
      for (const s of Object.keys(p.spellings)) this.bySpelling.set(s, [...(this.bySpelling.get(s) ?? []), p]);
      const keys = new Set([p.surnameKey, ...Object.keys(p.spellings).map(nameKey)]);
      for (const k of keys) {
        const list = this.byKey.get(k) ?? [];
        list.push(p);
        this.byKey.set(k, list);
      }
    }
  }

  static load(db: DB): PeopleIndex {
    const rows = db.prepare('SELECT person_json FROM people ORDER BY mentions DESC').all() as { person_json: string }[];
    const people: Person[] = [];
    for (const r of rows) {
      const parsed = PersonSchema.safeParse(JSON.parse(r.person_json));
      if (parsed.success) people.push(parsed.data);
    }
    return new PeopleIndex(people);
  }

  /**
   * The corpus's spellings of a name typed as one word, matched exactly by name key (case,
   * diacritics, transliteration): "ezhov" and "Ежов" → Yezhov, Ezhov. Empty for anything else.
   */
  spellingsFor(token: string): string[] {
    if (token.length < 4) return [];
    const found = this.byKey.get(nameKey(token));
    if (!found) return [];
    return [...new Set(found.flatMap((p) => Object.keys(p.spellings)))];
  }

  byId(id: string): Person | undefined {
    return this.all.find((p) => p.id === id);
  }

  /** "Yezhov", "N. I. Ezhov", "Ежов", "Yuri Zhukov", "Zhukov, Yuri". */
  /**
   * The people named in these sources only: a space never learns, from a name it can look up or
   * a suggestion, that another space's reading names someone. The index itself when all are seen.
   */
  seenIn(visible: ReadonlySet<string>): PeopleIndex {
    const seen = this.all.filter((p) => Object.keys(p.bySource).some((s) => visible.has(s)));
    return seen.length === this.all.length ? this : new PeopleIndex(seen);
  }

  resolve(input: string): Resolution {
    const words = input.match(/[\p{L}'’-]+\.?/gu) ?? [];
    if (!words.length) return { kind: 'unknown' };
    const comma = input.includes(',');
    const surname = (comma ? words[0] : words[words.length - 1])!.replace(/\.$/, '');
    const given = comma ? words.slice(1) : words.slice(0, -1);
    const key = nameKey(surname);
    const found = this.byKey.get(key);
    if (!found?.length) {
      // Whole input may be an alias spelled as one token ("Koba") or a given name + surname typed in reverse.
      const suggestions = this.suggest(key);
      return suggestions.length ? { kind: 'suggest', people: suggestions } : { kind: 'unknown' };
    }
    const distinct = [...new Map(found.map((p) => [p.id, p])).values()];
    if (distinct.length === 1) return { kind: 'person', person: distinct[0]! };
    if (given.length) {
      const initial = nameKey(given[0]!.replace(/\.$/, '')).charAt(0);
      const match = distinct.filter((p) => p.initial === initial);
      if (match.length === 1) return { kind: 'person', person: match[0]! };
    }
    return { kind: 'ambiguous', surname, people: distinct };
  }

  private suggest(key: string): Person[] {
    if (key.length < 3) return [];
    const limit = key.length <= 5 ? 1 : 2;
    const scored: { p: Person; d: number }[] = [];
    for (const [k, people] of this.byKey) {
      const d = editDistance(key, k);
      if (d <= limit) for (const p of people) scored.push({ p, d });
    }
    scored.sort((a, b) => a.d - b.d || b.p.mentions - a.p.mentions);
    return [...new Map(scored.map((s) => [s.p.id, s.p])).values()].slice(0, 3);
  }

  /** Every spelling of a surname in the corpus (for search), lowercase. */
  spellingsOf(p: Person): string[] {
    return Object.keys(p.spellings);
  }

  /** Maps a surface spelling, exactly as printed, to the people it may name (for "related people"). */
  peopleForSpelling(spelling: string): Person[] {
    return this.bySpelling.get(spelling) ?? [];
  }
}
