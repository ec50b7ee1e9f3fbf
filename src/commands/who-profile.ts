/** Gathers what the corpus says about one person: passages, defining sentences, spellings, related people. */
import type { CorpusRepo } from '../corpus/repo.ts';
import type { Passage } from '../corpus/types.ts';
import type { Person } from '../people/extract.ts';
import type { PeopleIndex } from '../people/index.ts';
import { insideQuotation, MAX_QUOTE } from '../core/quotes.ts';
import { inAuthorsVoice } from '../corpus/cite.ts';
import { memoByObject } from '../core/memo.ts';
import { escapeRe, wholeWords } from '../core/word-pattern.ts';

/** Words that say what someone was: office, rank, trade. */
const ROLE =
  /\b(People['’]s Commissar|Commissar|commissar|head of|chief of|Marshal|General|general|secretary|Secretary|chairman|Chairman|leader of|member of|commander|Commander|historian|journalist|writer|professor|Professor|author of|deputy|Deputy|director|prosecutor|Prosecutor|ambassador|editor|President|Premier|Prime Minister|minister|Minister|NKVD|OGPU|Politburo)\b/;
const YEAR = /\b1[89]\d\d\b/;
/** Monarchs named in passing ("Alexander, king of Jugoslavia") are not the company a Soviet official kept. */
const ROYAL = /\b(king|queen|tsar|czar|emperor|empress|shah|pope|prince|kaiser|monarch)\b/i;
/** What happened to or was done by someone: the events a profile should give. */
const EVENT =
  /\b(arrested|executed|shot|sentenced|tried|trial|convicted|condemned|expelled|dismissed|removed|replaced|appointed|became|elected|promoted|succeeded|died|killed|murdered|suicide|committed|confessed|accused|rehabilitated|released|exiled|deported|fled|defected|imprisoned|imprisonment|prison|signed|ordered|proposed|led|headed|founded|wrote|published)\b/i;

/** A sentence going on about someone named just before: "Before his arrest, the latter had been …", "He was shot in 1938." */
const REFERS_BACK = /^(?:[\p{L},]+\s+){0,4}?(?:(the latter)|(he|she))\b/iu;
/** Verbs in the past that are not formed with -ed: what someone did. */
const DID =
  'became|took|wrote|spoke|gave|led|sent|told|held|made|won|lost|fought|began|left|fled|rose|fell|met|brought|sought|ran|knew|chose|drew|threw|struck|broke|stood|sat';

/**
 * Spans that name no one but go on about the person named in the sentence before ("… Nikolay N.
 * Krestinsky. Before his arrest, the latter had been First Deputy …"), each quoted with that
 * sentence. "The latter" is the last person named before it; "he" is the only person named there.
 */
function continuations(
  p: Passage,
  named: readonly { start: number; end: number }[],
  isThem: (word: string) => boolean,
  isPerson: (word: string) => boolean,
): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const s of named) {
    const next = p.sentences[p.sentences.indexOf(s as Passage['sentences'][number]) + 1];
    if (!next || named.includes(next) || insideQuotation(p, next) || next.end - s.start > MAX_QUOTE) continue;
    const m = REFERS_BACK.exec(p.text.slice(next.start, next.end));
    const before = p.text.slice(s.start, s.end);
    // A sentence that itself says "he" of someone leaves open who the next "he" is.
    if (!m || REFERS_BACK.test(before)) continue;
    const people = [...before.matchAll(/(?<!\p{L})\p{Lu}\p{Ll}+/gu)].map((x) => x[0]).filter(isPerson);
    const meant = m[1] ? people.length > 0 && isThem(people[people.length - 1]!) : people.length > 0 && people.every(isThem);
    if (meant) out.push({ start: s.start, end: next.end });
  }
  return out;
}

export interface Mention {
  passage: Passage;
  /** Sentence offsets that mention the person. */
  sentences: { start: number; end: number }[];
}

export interface Profile {
  person: Person;
  mentions: Mention[];
  /** Spelling → source ids that use it. */
  spellingsBySource: Map<string, Set<string>>;
  defining: { passage: Passage; sentence: { start: number; end: number } }[];
  /** Passages per source that name the person (all of them, not only those fetched for quoting). */
  counts: Map<string, number>;
  related: { person: Person; count: number }[];
  /** Per source, the sentences that say most about the person, best first. */
  ranked: Map<string, ProfileSentence[]>;
}

export interface ProfileSentence {
  passage: Passage;
  sentence: { start: number; end: number };
  score: number;
  /** The first year the sentence names, for putting events in date order. */
  year: number | null;
  role: boolean;
}

/** Capitalised words of a passage, once per passage: the candidates for "named alongside". */
const capitalisedWords = memoByObject((p: Passage): string[] => [...new Set(p.text.match(/(?<!\p{L})\p{Lu}\p{Ll}+/gu) ?? [])]);

/**
 * Profiles per person and hidden-passage set. A profile depends only on the corpus, and a
 * re-ingest replaces every Person (the people index is reloaded), which drops these entries.
 * Callers treat a profile as read-only.
 */
const profiles = new WeakMap<Person, Map<string, Profile>>();
const PROFILES_PER_PERSON = 8;

/** The people a passage names (by id), other than those of `surnameKey`. */
function namedIn(people: PeopleIndex, p: Passage, surnameKey: string): Set<string> {
  const out = new Set<string>();
  for (const w of capitalisedWords(p)) for (const o of people.peopleForSpelling(w)) if (o.surnameKey !== surnameKey && !o.sharedSurname) out.add(o.id);
  return out;
}

/**
 * Who a shared surname named only bare means, passage by passage: the one of its people whose company
 * (those named in passages giving their full name) the passage names most of, when one does.
 */
function companyVotes(people: PeopleIndex, surnameKey: string, passages: readonly Passage[]): Map<string, string> {
  const all = people.all.filter((o) => o.surnameKey === surnameKey);
  const fullOf = (x: Person) => Object.keys(x.fullNames);
  const company = all.map((x) => {
    const set = new Set<string>();
    for (const p of passages) if (fullOf(x).some((f) => p.text.includes(f))) for (const id of namedIn(people, p, surnameKey)) set.add(id);
    return set;
  });
  const out = new Map<string, string>();
  for (const p of passages) {
    if (all.some((x) => fullOf(x).some((f) => p.text.includes(f)))) continue;
    const here = [...namedIn(people, p, surnameKey)];
    const votes = company.map((set) => here.filter((id) => set.has(id)).length);
    const best = Math.max(...votes);
    if (best >= 1 && votes.filter((v) => v === best).length === 1) out.set(p.id, all[votes.indexOf(best)]!.id);
  }
  return out;
}

export function buildProfile(repo: CorpusRepo, people: PeopleIndex, person: Person, exclude: ReadonlySet<string>): Profile {
  let known = profiles.get(person);
  if (!known) profiles.set(person, (known = new Map()));
  const key = [...exclude].sort().join(' ');
  let profile = known.get(key);
  if (!profile) {
    // Servers with their own hidden passages each get an entry; the oldest goes first.
    if (known.size >= PROFILES_PER_PERSON) known.delete(known.keys().next().value!);
    known.set(key, (profile = computeProfile(repo, people, person, exclude)));
  }
  return profile;
}

function computeProfile(repo: CorpusRepo, people: PeopleIndex, person: Person, exclude: ReadonlySet<string>): Profile {
  const spellings = people.spellingsOf(person);
  const alternatives = spellings.map(escapeRe).join('|');
  const pattern = wholeWords(spellings);
  const spellingPatterns = spellings.map((s) => [s, wholeWords([s])] as const);
  const apposition = new RegExp(`(${alternatives}),\\s+(the\\s+)?\\p{Ll}`, 'u');
  const roleWords = ROLE.source.replace(/^\\b\(|\)\\b$/g, '');
  // The role beside the name: apposition or copula after it ("Rykov, the head of", "Rykov was chairman"),
  // "as <role>" a few words on, or a title before the name ("Premier Rykov", "journalist Vladimir Voronov").
  const roleOf = new RegExp(
    `(?:${alternatives})(?:,\\s+(?:the\\s+|a\\s+|an\\s+)?(?:[\\p{L}-]+\\s+){0,3}|\\s+(?:was|became|is|had been|served as|remained)\\s+(?:the\\s+|a\\s+|an\\s+)?(?:[\\p{L}-]+\\s+){0,3}|\\s+(?:[\\p{L},-]+\\s+){0,6}?as\\s+(?:the\\s+)?)(?:${roleWords})\\b|\\b(?:${roleWords})\\s+(?:\\p{Lu}\\.\\s?|\\p{Lu}\\p{Ll}+\\s+){0,3}(?:${alternatives})`,
    'u',
  );
  // Named among a sentence's first words, before its verb: the one it is about.
  const subject = new RegExp(`^(?:[\\p{L}.,]+\\s+){0,3}?(?:${alternatives})(?!\\p{L})(?!,?\\s+and\\b)`, 'u');
  // The person doing something: their name, a few words, then a verb in the past ("Malenkov in his report bitterly attacked").
  const acts = new RegExp(`(?:${alternatives})(?!\\p{L})(?:\\s+[\\p{Ll}]+){0,4}?\\s+(?:\\p{Ll}{3,}ed|${DID})\\b`, 'u');
  // "… Krestinsky. Before his arrest, the latter had been First Deputy of …"
  const latterRole = new RegExp(
    `\\b(?:the latter|he|she)\\s+(?:was|became|had been|served as)\\s+(?:the\\s+|a\\s+|an\\s+)?(?:[\\p{L}-]+\\s+){0,3}?(?:${roleWords})\\b`,
    'iu',
  );
  const fts = spellings.map((s) => `"${s.toLowerCase().replace(/"/g, '""')}"`).join(' OR ');
  const hits = repo.match(fts, { limit: 150, exclude });
  // A shared surname's bare mentions may be the other person, so only the fetched, attributed ones are counted.
  // Only the passage text counts: a compiler's heading or a quoted work's title naming them is not a passage about them.
  const counts = person.sharedSurname ? null : repo.countBySource(`text : (${fts})`);

  // For a shared surname, a bare mention counts only in sources where this person is the only one named in full.
  const fullForms = Object.keys(person.fullNames);
  const owned = new Set<string>();
  if (person.sharedSurname) {
    const rivals = people.all.filter((p) => p.surnameKey === person.surnameKey && p.id !== person.id);
    const bySource = new Map<string, { mine: number; theirs: number }>();
    for (const h of hits) {
      const c = bySource.get(h.passage.sourceId) ?? { mine: 0, theirs: 0 };
      if (fullForms.some((f) => h.passage.text.includes(f))) c.mine++;
      if (rivals.some((r) => Object.keys(r.fullNames).some((f) => h.passage.text.includes(f)))) c.theirs++;
      bySource.set(h.passage.sourceId, c);
    }
    for (const [s, c] of bySource) if (c.mine > 0 && c.theirs === 0) owned.add(s);
  }
  // …and elsewhere, a bare mention is theirs when it stands among the people named beside their full name, not a rival's
  // ("Stalin, Molotov and Kaganovich sent a cable" is Lazar M. Kaganovich, named in full beside Molotov and Voroshilov).
  const meant = person.sharedSurname
    ? companyVotes(
        people,
        person.surnameKey,
        hits.map((h) => h.passage),
      )
    : null;

  const mentions: Mention[] = [];
  const spellingsBySource = new Map<string, Set<string>>();
  for (const h of hits) {
    const p = h.passage;
    if (!inAuthorsVoice(repo.source(p.sourceId)!.meta, p)) continue;
    if (person.sharedSurname && !fullForms.some((f) => p.text.includes(f)) && (meant!.has(p.id) ? meant!.get(p.id) !== person.id : !owned.has(p.sourceId)))
      continue;
    // Sentences that name the person in the passage author's own words (not inside a quotation).
    const named = p.sentences.filter((s) => pattern.test(p.text.slice(s.start, s.end)) && !insideQuotation(p, s));
    if (!named.length) continue;
    // A sentence that "the latter" or "he" goes on from is quoted with it, once.
    const continued = continuations(
      p,
      named,
      (w) => spellings.includes(w),
      (w) => spellings.includes(w) || people.peopleForSpelling(w).length > 0,
    );
    const sentences = [...named.filter((s) => !continued.some((c) => c.start === s.start)), ...continued];
    mentions.push({ passage: p, sentences });
    for (const [s, re] of spellingPatterns) {
      if (re.test(p.text)) {
        const set = spellingsBySource.get(s) ?? new Set();
        set.add(p.sourceId);
        spellingsBySource.set(s, set);
      }
    }
  }

  const defining = mentions
    .flatMap((m) =>
      m.sentences.map((s) => {
        const text = m.passage.text.slice(s.start, s.end);
        let score = 0;
        // Who they were is a role beside the name, not an office anywhere in the sentence (“… ordered the NKVD”).
        if (roleOf.test(text) || latterRole.test(text)) score += 3;
        if (YEAR.test(text)) score += 1;
        if (apposition.test(text)) score += 2;
        if (fullForms.some((f) => text.includes(f))) score += 1;
        if (text.length > 400) score -= 2;
        if (m.passage.kind === 'quote') score -= 0.5;
        return { passage: m.passage, sentence: s, score };
      }),
    )
    .filter((d) => d.score >= 3)
    .sort((a, b) => b.score - a.score);
  const chosen: Profile['defining'] = [];
  const usedSources = new Set<string>();
  for (const d of defining) {
    if (usedSources.has(d.passage.sourceId)) continue;
    chosen.push(d);
    usedSources.add(d.passage.sourceId);
    if (chosen.length === 2) break;
  }

  const co = new Map<string, { person: Person; count: number }>();
  const selfKey = person.surnameKey;
  for (const m of mentions) {
    const seen = new Set<string>();
    for (const w of capitalisedWords(m.passage)) {
      for (const other of people.peopleForSpelling(w)) {
        if (
          other.surnameKey === selfKey ||
          other.sharedSurname ||
          seen.has(other.id) ||
          other.mentions < 3 ||
          ROYAL.test([other.canonical, ...other.titles].join(' '))
        )
          continue;
        seen.add(other.id);
        const e = co.get(other.id) ?? { person: other, count: 0 };
        e.count++;
        co.set(other.id, e);
      }
    }
  }
  const related = [...co.values()].sort((a, b) => b.count - a.count).slice(0, 6);
  const ranked = new Map<string, ProfileSentence[]>();
  for (const m of mentions) {
    // A passage that names the person in several sentences is about them; one passing mention is not.
    const about = Math.min(m.sentences.length, 4) * 0.4;
    for (const s of m.sentences) {
      const text = m.passage.text.slice(s.start, s.end);
      // A role counts when it is this person's: beside the name ("Rykov, the head of …", "Marshal
      // Tukhachevsky", "resigning as Premier"), not anywhere in a sentence that names them.
      const roleNear = roleOf.test(text) || latterRole.test(text);
      // An apposition with an office elsewhere in the sentence (“Vyshinsky, clearly distressed, … ordered the NKVD”) is no role of theirs.
      const role = roleNear;
      let score = about;
      if (roleNear) score += 3;
      else if (ROLE.test(text)) score += 0.5;
      if (apposition.test(text)) score += 2;
      if (EVENT.test(text) || acts.test(text)) score += 1.5;
      if (subject.test(text)) score += 0.5;
      if (YEAR.test(text)) score += 1;
      // A shared surname: a sentence naming them in full is surely about them; a bare surname may be the other one.
      if (fullForms.some((f) => text.includes(f))) score += person.sharedSurname ? 3 : 0.5;
      if (text.length > 400) score -= 2;
      if (text.length < 40) score -= 2;
      if (m.passage.kind === 'quote') score -= 0.5;
      const year = YEAR.exec(text);
      const list = ranked.get(m.passage.sourceId) ?? [];
      list.push({ passage: m.passage, sentence: s, score, year: year ? Number(year[0]) : null, role });
      ranked.set(m.passage.sourceId, list);
    }
  }
  for (const list of ranked.values()) list.sort((a, b) => b.score - a.score);
  const fetched = new Map<string, number>();
  for (const m of mentions) fetched.set(m.passage.sourceId, (fetched.get(m.passage.sourceId) ?? 0) + 1);
  return { person, mentions, spellingsBySource, defining: chosen, related, counts: counts ?? fetched, ranked };
}
