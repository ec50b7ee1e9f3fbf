/**
 * Builds the people index from the corpus itself: surnames preceded by given names or initials
 * ("Yuri Zhukov", "A.P. Smirnov"), a book's index of persons ("Yezhov, Nikolay I."), words with
 * Russian surname endings, and the curated alias file. People who share a surname are told apart
 * by the initial of their given name.
 */
import { z } from 'zod';
import { GIVEN_NAMES, TITLES } from './given-names.ts';
import { editDistance, nameKey } from './name-key.ts';
import { charClasses, classAt, classBefore, isSurrogate, LETTER, LOWER, SPACE, UPPER } from '../segment/chars.ts';

export const AliasFileSchema = z.object({
  $comment: z.string().optional(),
  people: z.array(
    z.object({
      canonical: z.string().min(2),
      same: z.array(z.string().min(2)),
      /** The sources this person is named in. When given, the entry applies only there: if the surname is also
       * used in other sources (a different person of that name), the canonical name is not imposed on it. */
      sources: z.array(z.string().min(1)).min(1).optional(),
      note: z.string().optional(),
    }),
  ),
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
const NOT_INITIALS = new Set(['St', 'Mt', 'No', 'Ft', 'Co', 'Gen', 'Vol', 'Vi', 'Pp', 'Op', 'Nr']);
/**
 * What stands right before a surname: a word, optionally followed by initials ("Nikolay B.",
 * "Supplies N.B.", "Marshal"), or initials alone ("A.P.", "G. K."). Initials glued to a preceding
 * letter are the end of an acronym ("USSR. The…"), not initials.
 */
const BEFORE_NAME = /(?<![\p{L}])(?:(\p{Lu}\p{Ll}+)\s+((?:\p{Lu}\p{Ll}?\.\s?){0,2})|((?:\p{Lu}\p{Ll}?\.\s?){1,3}))$/u;
/** Patronymics ("Mikhail Ivanovich Kalinin"): between a given name and the surname they are not surnames. */
const PATRONYMIC = /(?:ovich|evich|ovna|evna|ichna)$/;
/** Sentence words that follow an abbreviation ("…the U.S. Whoever said") and are never surnames. */
const NOT_NAMES = new Set(
  'Yes No Yet Thus Then Also However Whoever Whatever Indeed Hence Still Even Only Now So Though Although Nevertheless Moreover Furthermore Meanwhile Perhaps Instead Otherwise Therefore'.split(
    ' ',
  ),
);
/** A surname-like word counts as a person when some sentence treats it as one. */
const PERSON_CONTEXT =
  /^(?:'s|’s)?,?\s+(?:said|says|wrote|writes|stated|told|claimed|argued|recalled|declared|admitted|testified|asked|replied|explained|noted|believed|ordered|demanded|was (?:arrested|shot|executed|appointed|removed|killed|murdered)|himself|who)\b/;
/** Words that look like surnames by ending but are not people in this domain. */
const NOT_SURNAMES = new Set([
  'Kremlin',
  'Berlin',
  'Lenin grad',
  'Bulletin',
  'Latin',
  'Begin',
  'Within',
  'Again',
  'Origin',
  'Austin',
  'Dublin',
  'Wisconsin',
  'Soviet',
  'Ukrainian',
  'Muscovite',
  'Finnish',
]);

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
  /** Sources the alias entry is limited to (see AliasFileSchema). */
  aliasSources?: Set<string>;
  /** full name → sources it was seen in */
  fullNameSources: Map<string, Set<string>>;
}

function group(groups: Map<string, Group>, surname: string): Group {
  const key = nameKey(surname);
  let g = groups.get(key);
  if (!g) {
    g = {
      key,
      spellings: new Map(),
      clusters: new Map(),
      titles: new Map(),
      bySource: new Map(),
      fromIndex: false,
      indexNames: [],
      fullNameSources: new Map(),
    };
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

interface Intro {
  /** How the surname was introduced: by a known given name, by initials alone, or by a title. */
  kind: 'given' | 'initials' | 'title';
  /** The given part to show with the surname ("Nikolay B.", "N.B."), when there is one. */
  given: string | null;
  title: string | null;
}

/** Initials, or a title written like initials ("Mr.", "Dr."); null for abbreviations such as "St.". */
function initialsIntro(initials: string, title: string | null): Intro | null {
  const first = initials.split(/[\s.]+/)[0] ?? '';
  if (TITLES.has(first)) {
    const rest = initials.slice(initials.indexOf('.') + 1).trim();
    return { kind: 'title', given: rest || null, title: first };
  }
  if (NOT_INITIALS.has(first)) return title ? { kind: 'title', given: null, title } : null;
  return { kind: title ? 'title' : 'initials', given: initials, title };
}

/**
 * Reads what precedes a surname. "Word Initials." keeps the word only when it is a known given
 * name ("Nikolay B. Eysmont"); otherwise the word is the end of the previous phrase and only the
 * initials belong to the name ("…for Supplies N.B. Eismont" → "N.B.").
 */
export function introduction(text: string): Intro | null {
  // A familiar name in brackets between the initials and the surname ("I.A. (Osip) Pyatnitsky") belongs to the initials.
  const before = text.replace(/\s*\(\p{Lu}\p{Ll}+\)\s*$/u, ' ');
  const m = BEFORE_NAME.exec(before);
  if (!m) return null;
  const word = m[1];
  const initials = (m[2] ?? m[3] ?? '').trim();
  if (word) {
    if (TITLES.has(word)) return initials ? initialsIntro(initials, word) : { kind: 'title', given: null, title: word };
    if (GIVEN_NAMES.has(word)) return { kind: 'given', given: initials ? `${word} ${initials}` : word, title: null };
    return initials ? initialsIntro(initials, null) : null;
  }
  return initialsIntro(initials, null);
}

/**
 * introduction() of the 40 characters before `at`, without slicing or running its expressions in
 * the usual case: what precedes a capitalised word is mostly a word of lower case or punctuation,
 * which introduces nothing. Whatever could introduce a name (a capitalised title or given name,
 * initials, a bracket) goes to introduction() itself.
 */
export function introductionAt(text: string, at: number): Intro | null {
  const lo = Math.max(0, at - 40);
  let j = at;
  // Trailing whitespace, as \s sees it.
  while (j > lo && classBefore(text, j) & SPACE) j--;
  if (j === lo) return null; // nothing but whitespace: no word, no initials
  const last = text.charCodeAt(j - 1);
  // Initials end in a full stop, a familiar name in a bracket: the full expressions decide. So they
  // do next to a surrogate pair, which the 40 characters may have cut in two.
  if (last === 0x2e || last === 0x29 || isSurrogate(last)) return introduction(text.slice(lo, at));
  // Only "Word " can match now (initials end in a full stop): a lower-case letter, then whitespace.
  if (!(classBefore(text, j) & LOWER) || j === at) return null;
  let start = j - 1;
  while (start > lo && classBefore(text, start) & LETTER) {
    if (isSurrogate(text.charCodeAt(start - 1))) return introduction(text.slice(lo, at));
    start--;
  }
  const word = text.slice(start, j);
  // A word that is neither a title nor a given name introduces nothing without initials after it.
  return TITLES.has(word) || GIVEN_NAMES.has(word) ? introduction(text.slice(lo, at)) : null;
}

/** "Ivanovich", "Petrovna": a given name with a patronymic ending. */
function isPatronymic(word: string): boolean {
  const m = /^(\p{Lu}\p{Ll}+?)(ovich|evich|ovna|evna|ich)$/u.exec(word);
  return !!m && (GIVEN_NAMES.has(m[1]!) || GIVEN_NAMES.has(`${m[1]!}a`) || GIVEN_NAMES.has(m[1]!.replace(/i$/, 'y')));
}

function surnameOf(g: { spellings: Map<string, number> }): string {
  return [...g.spellings.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';
}

/** A full name that cannot be a stray word: a known given name, or two initials ("I.A."). */
function distinctName(full: string): boolean {
  const first = full.split(/\s+/)[0] ?? '';
  return GIVEN_NAMES.has(first) || /^(\p{Lu}\.\s?){2}/u.test(full);
}

function initialOf(given: string): string {
  return nameKey(given.split(/[\s.]+/)[0] ?? given).charAt(0);
}

/** "Yezhov, Nikolay I." → ["Yezhov", "Nikolay I."] */
function splitIndexName(name: string): [string, string] | null {
  const m = /^([\p{Lu}][\p{L}'’-]+),\s*(.+)$/u.exec(name.trim());
  // "Gaulle, Charles de." : the full stop ends the entry, it does not abbreviate the particle.
  return m ? [m[1]!, m[2]!.trim().replace(/(?<=\s\p{Ll}{2,})\.$/u, '')] : null;
}

/** A misspelling is rare: a spelling used often is a name of its own (Serov is not Sedov). */
const MISSPELLING_AT_MOST = 3;
/** Names a passage must share with a person's usual company for a near spelling there to be theirs. */
const SHARED_COMPANY = 2;

/**
 * Misspellings of a surname in the texts ("Tomsy", "Rikov", "Yenukudze") join that person: a rare
 * capitalised word one letter off a known surname, in a passage that names at least two of the
 * people that surname is usually named with ("Rykov and Tomsy", "Bukharin and Tomsy").
 */
/** A capitalised word of a unit and where it stands. */
interface Token {
  w: string;
  at: number;
}

/**
 * Every unit's capitalised words, found once for all the passes below, and the counts that tell a
 * common word from a name: how often each word occurs in lower case, and capitalised.
 *
 * One scan of each text by letter runs finds what these expressions would, in one pass instead of three:
 * - a capitalised word, whole ("MacDonald" is not "Mac"): (?<!\p{L})\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?(?!\p{L});
 * - in lower case: (?<![\p{L}/.-])\p{Ll}+(?![\p{L}/.-]) (a whole run of lower-case letters, with no
 *   slash, full stop or hyphen on either side), counted as it is;
 * - capitalised: (?<!\p{L})\p{Lu}\p{Ll}+ (a run's capital and the lower-case letters after it),
 *   counted in lower case.
 */
export function scanWords(units: readonly TextUnit[], lowercase: Map<string, number>, capitalised: Map<string, number>): Token[][] {
  const classes = charClasses();
  const classOf = (s: string, i: number) => {
    const c = s.charCodeAt(i);
    return c < 0xd800 || c > 0xdfff ? classes[c]! | 0x100 : classAt(s, i);
  };
  const edge = (c: number) => c === 0x2f || c === 0x2e || c === 0x2d; // / . -
  return units.map((u) => {
    const s = u.text;
    const n = s.length;
    const out: Token[] = [];
    // A run that ends at `consumedTo` was the second half of a hyphenated word ("Rykov-Bukharin" style).
    let consumedTo = -1;
    let i = 0;
    while (i < n) {
      const k0 = classOf(s, i);
      if (!(k0 & LETTER)) {
        i += k0 >> 8;
        continue;
      }
      // A run of letters from `start` to `end`; a capital first, then lower case up to `capEnd`.
      const start = i;
      let allLower = (k0 & LOWER) !== 0;
      i += k0 >> 8;
      const capStart = k0 & UPPER ? i : -1;
      let capEnd = capStart;
      while (i < n) {
        const k = classOf(s, i);
        if (!(k & LETTER)) break;
        if (!(k & LOWER)) allLower = false;
        else if (capEnd === i) capEnd = i + (k >> 8);
        i += k >> 8;
      }
      const end = i;
      if (allLower) {
        if (!(start > 0 && edge(s.charCodeAt(start - 1))) && !(end < n && edge(s.charCodeAt(end)))) bump(lowercase, s.slice(start, end));
      } else if (capEnd > capStart) {
        bump(capitalised, s.slice(start, capEnd).toLowerCase());
        if (capEnd === end && end !== consumedTo) {
          // WORD: the whole run, or it and a hyphen and another whole capitalised run.
          let to = end;
          if (s.charCodeAt(end) === 0x2d && end + 1 < n) {
            const r = wholeCapitalised(s, end + 1, classOf);
            if (r > 0) to = consumedTo = r;
          }
          out.push({ w: s.slice(start, to), at: start });
        }
      }
    }
    return out;
  });
}

/** Where a run of letters at `i` ends when it is a capital and lower case only; -1 when it is not. */
function wholeCapitalised(s: string, i: number, classOf: (s: string, i: number) => number): number {
  const k0 = classOf(s, i);
  if (!(k0 & UPPER)) return -1;
  let j = i + (k0 >> 8);
  const from = j;
  while (j < s.length) {
    const k = classOf(s, j);
    if (!(k & LETTER)) break;
    if (!(k & LOWER)) return -1;
    j += k >> 8;
  }
  return j > from ? j : -1;
}

/**
 * nameKey of a word of the texts, computed once per distinct word: the passes below meet the same
 * few thousand capitalised words hundreds of thousands of times.
 */
const wordKeys = new Map<string, string>();
function wordKey(word: string): string {
  let k = wordKeys.get(word);
  if (k === undefined) {
    if (wordKeys.size > 200_000) wordKeys.clear();
    wordKeys.set(word, (k = nameKey(word)));
  }
  return k;
}

function mergeMisspellings(tokens: Token[][], groups: Map<string, Group>, commonWord: (w: string) => boolean): void {
  // Per passage, the people it names (by their group's key); per person, everyone named beside them.
  const keysIn = tokens.map((ts) => new Set(ts.flatMap((t) => groups.get(wordKey(t.w))?.key ?? [])));
  const company = new Map<string, Set<string>>();
  for (const keys of keysIn) {
    for (const k of keys) {
      const friends = company.get(k) ?? new Set<string>();
      for (const other of keys) if (other !== k) friends.add(other);
      company.set(k, friends);
    }
  }
  const seen = new Map<string, { n: number; units: number[] }>();
  tokens.forEach((ts, i) => {
    for (const { w } of ts) {
      if (w.length < 5 || groups.has(wordKey(w)) || GIVEN_NAMES.has(w) || NOT_NAMES.has(w) || NOT_SURNAMES.has(w) || commonWord(w)) continue;
      const e = seen.get(w) ?? { n: 0, units: [] };
      e.n++;
      e.units.push(i);
      seen.set(w, e);
    }
  });
  const surnames = [...new Set(groups.values())].filter((g) => g.key.length >= 5);
  for (const [w, { n, units: where }] of seen) {
    if (n > MISSPELLING_AT_MOST) continue;
    const k = wordKey(w);
    const near = surnames.filter((g) => g.key[0] === k[0] && Math.abs(g.key.length - k.length) <= 1 && editDistance(g.key, k) === 1);
    if (near.length !== 1) continue;
    const g = near[0]!;
    const friends = company.get(g.key) ?? new Set<string>();
    if (where.some((i) => [...keysIn[i]!].filter((o) => o !== g.key && friends.has(o)).length >= SHARED_COMPANY)) groups.set(k, g);
  }
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
  // Other spellings an alias entry limits to its sources: key → group, sources.
  const scopedSpellings = new Map<string, { g: Group; sources: Set<string> }>();
  for (const a of aliases?.people ?? []) {
    const canonicalSurname = a.canonical.split(' ').pop()!;
    const g = group(groups, canonicalSurname);
    g.aliasCanonical = a.canonical;
    if (a.sources) g.aliasSources = new Set(a.sources);
    for (const s of a.same) {
      const sur = s.split(/\s+/).pop()!;
      if (nameKey(sur) === g.key) continue;
      if (g.aliasSources) scopedSpellings.set(nameKey(sur), { g, sources: g.aliasSources });
      else groups.set(nameKey(sur), g);
    }
  }

  // Pass 1: surnames introduced by a given name or initials, and surname-like words.
  // A capitalised word that also occurs in lower case ("The"/"the", "Military"/"military") is not a name.
  const lowercase = new Map<string, number>();
  const capitalised = new Map<string, number>();
  const tokens = scanWords(units, lowercase, capitalised);
  const commonWord = (w: string) => {
    const lower = lowercase.get(w.toLowerCase()) ?? 0;
    return lower >= Math.max(2, 0.2 * (capitalised.get(w.toLowerCase()) ?? 0));
  };
  // A word after a given name or a title is a surname; after initials alone it may also be a sentence
  // start after an abbreviation ("the U.S. Whoever…"), so it needs two such sightings or a surname ending.
  const introducedBy = new Map<string, number>();
  const introducedByInitials = new Map<string, number>();
  const inPersonContext = new Map<string, number>();
  units.forEach((u, ui) => {
    for (const { w, at } of tokens[ui]!) {
      if (!CAP_WORD.test(w) || NOT_SURNAMES.has(w) || NOT_NAMES.has(w) || GIVEN_NAMES.has(w) || commonWord(w)) continue;
      // "Ye" in "Kliment Ye. Voroshilov" is an initial.
      if (w.length <= 2 && u.text[at + w.length] === '.') continue;
      const after = u.text.slice(at + w.length, at + w.length + 30);
      const intro = introductionAt(u.text, at);
      if (intro?.kind === 'given' && PATRONYMIC.test(w) && /^\s+\p{Lu}\p{Ll}/u.test(after)) continue;
      if (intro?.kind === 'initials') bump(introducedByInitials, w);
      else if (intro) bump(introducedBy, w);
      else if (SURNAME_ENDING.test(w) && PERSON_CONTEXT.test(after)) bump(inPersonContext, w);
    }
  });
  for (const w of introducedBy.keys()) group(groups, w);
  for (const [w, n] of introducedByInitials) if (n >= 2 || SURNAME_ENDING.test(w)) group(groups, w);
  for (const [w] of inPersonContext) group(groups, w);

  mergeMisspellings(tokens, groups, commonWord);

  // Pass 2: count mentions, spellings, full-name clusters, titles — per source.
  // Words repeat a great deal; each is keyed and looked up once.
  const wordGroup = new Map<string, Group | null>();
  const groupOfWord = (w: string): Group | null => {
    let g = wordGroup.get(w);
    if (g === undefined) {
      const found = groups.get(wordKey(w)) ?? null;
      g = found && GIVEN_NAMES.has(w) && !found.fromIndex && !found.aliasCanonical ? null : found;
      wordGroup.set(w, g);
    }
    return g;
  };
  const scopedOf = new Map<string, { g: Group; sources: Set<string> } | null>();
  units.forEach((u, ui) => {
    for (const { w, at } of tokens[ui]!) {
      let scoped = scopedOf.get(w);
      if (scoped === undefined) scopedOf.set(w, (scoped = scopedSpellings.get(wordKey(w)) ?? null));
      const g = scoped?.sources.has(u.sourceId) ? scoped.g : groupOfWord(w);
      if (!g) continue;
      if (w.length <= 2 && u.text[at + w.length] === '.') continue; // an initial
      bump(g.spellings, w);
      bump(g.bySource, u.sourceId);
      const intro = introductionAt(u.text, at);
      if (!intro) continue;
      if (intro.title) bump(g.titles, intro.title);
      if (!intro.given) continue;
      const initial = initialOf(intro.given);
      let byName = g.clusters.get(initial);
      if (!byName) g.clusters.set(initial, (byName = new Map()));
      const full = `${intro.given} ${w}`;
      bump(byName, full);
      const where = g.fullNameSources.get(full) ?? new Set<string>();
      where.add(u.sourceId);
      g.fullNameSources.set(full, where);
    }
  });

  const people: Person[] = [];
  const seen = new Set<Group>();
  for (const g of groups.values()) {
    if (seen.has(g)) continue;
    seen.add(g);
    const mentions = [...g.spellings.values()].reduce((a, b) => a + b, 0);
    // A name seen once is too little to tell a person from a stray capitalised word.
    if (mentions < 2) continue;
    mergePatronymicClusters(g.clusters);
    // An alias entry limited to some sources applies only when every mention is in them.
    const aliasApplies = !!g.aliasCanonical && (!g.aliasSources || [...g.bySource.keys()].every((s) => g.aliasSources!.has(s)));
    const aliasCanonical = aliasApplies ? g.aliasCanonical : undefined;
    // Clusters seen at least twice (or named in an index) count as distinct people; so does one seen
    // once when its name is unmistakably a person's and another such name has another initial: a known
    // given name ("Budu Svanidze" beside "Alexander Svanidze") or two initials.
    const counted = (names: Map<string, number>) => [...names.values()].reduce((a, b) => a + b, 0);
    const solid = [...g.clusters.entries()].filter(([initial, names]) => counted(names) >= 2 || g.indexNames.some((n) => initialOf(n) === initial));
    const named = [...g.clusters.entries()].filter(([initial, names]) => solid.some(([i]) => i === initial) || [...names.keys()].some(distinctName));
    // Two spellings of one given name ("Yan" / "Y.B.") start with the same letter; a patronymic ("Ivanovich") is no surname.
    const letters = new Set(named.flatMap(([, names]) => [...names.keys()].map((n) => n.charAt(0).toUpperCase())));
    const clusters = named.length >= 2 && letters.size >= 2 && !isPatronymic(surnameOf(g)) ? named : solid;
    const shared = clusters.length >= 2 && !aliasCanonical;
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
      let all = [...g.clusters.values()].flatMap((m) => [...m.keys()]);
      // When a source-limited alias does not apply, a full name seen only in the alias's sources names
      // the alias's person, not the others of that surname.
      if (g.aliasCanonical && !aliasCanonical && g.aliasSources) {
        all = all.filter((n) => [...(g.fullNameSources.get(n) ?? [])].some((s) => !g.aliasSources!.has(s)));
      }
      const canonical = aliasCanonical ?? fullest([...g.indexNames, ...all]) ?? surname;
      const fullNames = Object.fromEntries([...g.clusters.values()].flatMap((m) => [...m.entries()]));
      people.push({ ...base, id: g.key, canonical, fullNames, initial: null });
    }
  }
  return people.sort((a, b) => b.mentions - a.mentions);
}
