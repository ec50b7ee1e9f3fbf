/**
 * Builds the people index from the corpus itself: surnames preceded by given names or initials
 * ("Yuri Zhukov", "A.P. Smirnov"), a book's index of persons ("Yezhov, Nikolay I."), words with
 * Russian surname endings, and the curated alias file. People who share a surname are told apart
 * by the initial of their given name.
 */
import { z } from 'zod';
import { GIVEN_NAMES, TITLES } from './given-names.ts';
import { nameKey } from './name-key.ts';

export const AliasFileSchema = z.object({
  $comment: z.string().optional(),
  people: z.array(z.object({ canonical: z.string().min(2), same: z.array(z.string().min(2)), note: z.string().optional() })),
});
export type AliasFile = z.infer<typeof AliasFileSchema>;

export const PersonSchema = z.object({
  /** Stable id: surname key plus given-name initial when the surname is shared ("zhukov", "zhukov.g"). */
  id: z.string(),
  surnameKey: z.string(),
  /** The fullest name seen: "Nikolay I. Yezhov". */
  canonical: z.string(),
  /** Every surface spelling of the surname, with counts. */
  spellings: z.record(z.string(), z.number()),
  /** Full-name forms ("Yuri Zhukov", "G. K. Zhukov") with counts. */
  fullNames: z.record(z.string(), z.number()),
  /** Given-name initial (name-key form) when this person shares the surname with another. */
  initial: z.string().nullable(),
  /** Titles seen before the name ("Marshal"). */
  titles: z.array(z.string()),
  mentions: z.number(),
  bySource: z.record(z.string(), z.number()),
  /** True when the surname alone names two or more people in the corpus. */
  sharedSurname: z.boolean(),
});
export type Person = z.infer<typeof PersonSchema>;

export interface TextUnit {
  sourceId: string;
  text: string;
}

const SURNAME_ENDING = /(?:ov|ova|ev|eva|yov|in|ina|sky|ski|skii|skiy|skaya|dze|shvili|vili|enko|ich|yan|ian|uk)$/;
const CAP_WORD = /^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?$/u;
/** Abbreviations that look like initials but introduce places or numbers. */
const NOT_INITIALS = new Set(['St.', 'Mt.', 'No.', 'Ft.', 'Co.', 'Gen.', 'Vol.', 'Ch.']);
const WORD = /(?<!\p{L})(?:\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?|\p{Lu}\p{Ll}?\.)/gu;
/** A surname-like word counts as a person when some sentence treats it as one. */
const PERSON_CONTEXT = /^(?:'s|’s)?,?\s+(?:said|says|wrote|writes|stated|told|claimed|argued|recalled|declared|admitted|testified|asked|replied|explained|noted|believed|ordered|demanded|was (?:arrested|shot|executed|appointed|removed|killed|murdered)|himself|who)/;
/** Words that look like surnames by ending but are not people in this domain. */
const NOT_SURNAMES = new Set(['Kremlin', 'Berlin', 'Lenin grad', 'Bulletin', 'Latin', 'Begin', 'Within', 'Again', 'Origin', 'Austin', 'Dublin', 'Wisconsin', 'Soviet', 'Ukrainian', 'Muscovite', 'Finnish']);

interface Group {
  key: string;
  spellings: Map<string, number>;
  /** initial → full name → count */
  clusters: Map<string, Map<string, number>>;
  titles: Map<string, number>;
  bySource: Map<string, number>;
  fromIndex: boolean;
  indexNames: string[];
  aliasCanonical?: string;
}

function group(groups: Map<string, Group>, surname: string): Group {
  const key = nameKey(surname);
  let g = groups.get(key);
  if (!g) {
    g = { key, spellings: new Map(), clusters: new Map(), titles: new Map(), bySource: new Map(), fromIndex: false, indexNames: [] };
    groups.set(key, g);
  }
  return g;
}

function bump<K>(m: Map<K, number>, k: K, n = 1): void {
  m.set(k, (m.get(k) ?? 0) + n);
}

/**
 * "Ye. Voroshilov" is "Klementy Ye. Voroshilov" cut short: a cluster whose names are a lone
 * initial joins the cluster where that initial appears as the middle (patronymic) initial.
 */
function mergePatronymicClusters(clusters: Map<string, Map<string, number>>): void {
  for (const [initial, names] of [...clusters]) {
    const lone = [...names.keys()].every((n) => /^\p{Lu}\p{Ll}?\.\s\S+$/u.test(n));
    if (!lone) continue;
    const letter = [...names.keys()][0]!.split('.')[0]!;
    for (const [other, otherNames] of clusters) {
      if (other === initial) continue;
      if ([...otherNames.keys()].some((n) => n.includes(` ${letter}. `))) {
        for (const [n, c] of names) bump(otherNames, n, c);
        clusters.delete(initial);
        break;
      }
    }
  }
}

function initialOf(given: string): string {
  return nameKey(given.split(/[\s.]+/)[0] ?? given).charAt(0);
}

/** "Yezhov, Nikolay I." → ["Yezhov", "Nikolay I."] */
function splitIndexName(name: string): [string, string] | null {
  const m = /^([\p{Lu}][\p{L}'’-]+),\s*(.+)$/u.exec(name.trim());
  return m ? [m[1]!, m[2]!.trim()] : null;
}

export function extractPeople(units: TextUnit[], indexNames: string[], aliases: AliasFile | null): Person[] {
  const groups = new Map<string, Group>();

  for (const entry of indexNames) {
    const parts = splitIndexName(entry);
    if (!parts) continue;
    const g = group(groups, parts[0]);
    g.fromIndex = true;
    g.indexNames.push(`${parts[1]} ${parts[0]}`);
  }
  for (const a of aliases?.people ?? []) {
    const canonicalSurname = a.canonical.split(' ').pop()!;
    const g = group(groups, canonicalSurname);
    g.aliasCanonical = a.canonical;
    for (const s of a.same) {
      const sur = s.split(/\s+/).pop()!;
      if (nameKey(sur) !== g.key) groups.set(nameKey(sur), g);
    }
  }

  // Pass 1: surnames introduced by a given name or initials, and surname-like words.
  // A capitalised word that also occurs in lower case ("The"/"the", "Military"/"military") is not a name.
  const lowercase = new Map<string, number>();
  const capitalised = new Map<string, number>();
  for (const u of units) {
    for (const w of u.text.match(/(?<![\p{L}/.-])\p{Ll}+(?![\p{L}/.-])/gu) ?? []) bump(lowercase, w);
    for (const w of u.text.match(/(?<!\p{L})\p{Lu}\p{Ll}+/gu) ?? []) bump(capitalised, w.toLowerCase());
  }
  const commonWord = (w: string) => {
    const lower = lowercase.get(w.toLowerCase()) ?? 0;
    return lower >= Math.max(2, 0.2 * (capitalised.get(w.toLowerCase()) ?? 0));
  };
  const introducedBy = new Map<string, number>();
  const inPersonContext = new Map<string, number>();
  for (const u of units) {
    for (const m of u.text.matchAll(WORD)) {
      const w = m[0];
      if (!CAP_WORD.test(w) || NOT_SURNAMES.has(w) || commonWord(w)) continue;
      const before = u.text.slice(Math.max(0, m.index - 30), m.index);
      const prev = /(\p{Lu}\p{Ll}*\.?)\s+$/u.exec(before)?.[1];
      if (prev && (GIVEN_NAMES.has(prev) || (/^\p{Lu}\p{Ll}?\.$/u.test(prev) && !NOT_INITIALS.has(prev)) || TITLES.has(prev))) bump(introducedBy, w);
      else if (SURNAME_ENDING.test(w) && PERSON_CONTEXT.test(u.text.slice(m.index + w.length, m.index + w.length + 30))) bump(inPersonContext, w);
    }
  }
  for (const w of introducedBy.keys()) if (!GIVEN_NAMES.has(w)) group(groups, w);
  for (const [w] of inPersonContext) group(groups, w);

  // Pass 2: count mentions, spellings, full-name clusters, titles — per source.
  // Words repeat a great deal; each is keyed and looked up once.
  const wordGroup = new Map<string, Group | null>();
  const groupOfWord = (w: string): Group | null => {
    let g = wordGroup.get(w);
    if (g === undefined) {
      const found = groups.get(nameKey(w)) ?? null;
      g = found && GIVEN_NAMES.has(w) && !found.fromIndex && !found.aliasCanonical ? null : found;
      wordGroup.set(w, g);
    }
    return g;
  };
  for (const u of units) {
    for (const m of u.text.matchAll(/(?<!\p{L})(\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)/gu)) {
      const w = m[1]!;
      const g = groupOfWord(w);
      if (!g) continue;
      bump(g.spellings, w);
      bump(g.bySource, u.sourceId);
      const before = u.text.slice(Math.max(0, m.index! - 40), m.index!);
      const full = /(?<!\p{L})((?:\p{Lu}\p{Ll}?\.\s?){1,3}|(\p{Lu}\p{Ll}+)\s(?:(?:\p{Lu}\p{Ll}?\.\s?){1,2})?)$/u.exec(before);
      if (full) {
        const givenPart = full[1]!.trim();
        const firstWord = givenPart.split(/[\s.]+/)[0]!;
        if (TITLES.has(firstWord)) bump(g.titles, firstWord);
        else if (/\.$/.test(givenPart) || GIVEN_NAMES.has(firstWord)) {
          let byName = g.clusters.get(initialOf(givenPart));
          if (!byName) g.clusters.set(initialOf(givenPart), (byName = new Map()));
          bump(byName, `${givenPart} ${w}`);
        }
      }
    }
  }

  const people: Person[] = [];
  const seen = new Set<Group>();
  for (const g of groups.values()) {
    if (seen.has(g)) continue;
    seen.add(g);
    const mentions = [...g.spellings.values()].reduce((a, b) => a + b, 0);
    if (mentions === 0) continue;
    mergePatronymicClusters(g.clusters);
    // Only clusters seen at least twice (or named in an index) count as distinct people.
    const clusters = [...g.clusters.entries()].filter(
      ([initial, names]) => [...names.values()].reduce((a, b) => a + b, 0) >= 2 || g.indexNames.some((n) => initialOf(n) === initial),
    );
    const shared = clusters.length >= 2 && !g.aliasCanonical;
    const surname = [...g.spellings.entries()].sort((a, b) => b[1] - a[1])[0]![0];
    const base = {
      surnameKey: g.key,
      spellings: Object.fromEntries(g.spellings),
      titles: [...g.titles.keys()],
      mentions,
      bySource: Object.fromEntries(g.bySource),
      sharedSurname: shared,
    };
    const fullest = (names: string[]) => names.sort((a, b) => b.length - a.length)[0];
    if (shared) {
      for (const [initial, names] of clusters) {
        const all = [...names.keys(), ...g.indexNames.filter((n) => initialOf(n) === initial)];
        people.push({ ...base, id: `${g.key}.${initial}`, canonical: fullest(all) ?? surname, fullNames: Object.fromEntries(names), initial });
      }
    } else {
      const all = [...g.clusters.values()].flatMap((m) => [...m.keys()]);
      const canonical = g.aliasCanonical ?? fullest([...g.indexNames, ...all]) ?? surname;
      const fullNames = Object.fromEntries([...g.clusters.values()].flatMap((m) => [...m.entries()]));
      people.push({ ...base, id: g.key, canonical, fullNames, initial: null });
    }
  }
  return people.sort((a, b) => b.mentions - a.mentions);
}
