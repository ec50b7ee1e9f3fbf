/**
 * /check: how each source's sentences stand to a claim. A sentence supports it (the same figure
 * for the same count, the same date, the same assertion), contradicts it (a different figure for
 * the same count, a different date, a denial), gives a figure too different in scope to compare,
 * or only speaks to it. The labels are Sourcebook's reading of the words, each with its basis,
 * never a verdict on the claim.
 */
import { countedIn, relateCounts, type CountRelation, type Counted } from '../core/counted.ts';
import { memoByObject } from '../core/memo.ts';
import { reportedIn } from '../core/quotes.ts';
import { noteSentences } from '../corpus/note-text.ts';
import type { Passage } from '../corpus/types.ts';
import { rootFamily } from '../search/roots.ts';
import { parseClaim, type Claim } from './claim.ts';
import { dateLabel, datesDisagree, datesIn, type TextDate } from './dates.ts';
import { question, type EngineContext } from './engine.ts';
import type { Question } from './question.ts';
import { sentenceTokens, termsOf } from './score.ts';
import { accusationIn, denialIn } from './stance.ts';
import { topicBySource } from './topic.ts';
import { classesFor, sentenceDates, type PersonEvent } from './timeline.ts';

export type Label = 'support' | 'contradiction' | 'not comparable' | 'related';

export interface Finding {
  label: Label;
  /** Sourcebook's reading, with what it rests on. */
  basis: string;
  passage: Passage;
  /** The span to quote. */
  start: number;
  end: number;
  /** What speaks to the claim is this sentence of the author's note on the quoted sentence. */
  note: { number: string; comment: string } | null;
  weight: number;
}

export type CheckResult = { kind: 'outside'; why: string } | { kind: 'checked'; claim: Claim; question: Question; bySource: Map<string, Finding[]> };

/** Share of the claim's words (years aside) a sentence must hold for its stance or date to decide a label. */
const DECIDES = 0.75;
/** Share an author's note must hold to be read at all: a note is found by its words alone, not by the ranking. */
const NOTE_HOLDS = 0.6;
/** Share a sentence must hold to be shown as speaking to the claim at all. */
const RELATED = 0.5;
/** Share that counts as all of the claim's words (weights of related forms are below 1). */
const ALL = 0.95;
/** Sentences read per source. */
const READ = 14;
/** Findings kept per source. */
const KEEP = 6;
const RANK: Record<Label, number> = { support: 0, contradiction: 0, 'not comparable': 1, related: 2 };

const YEARISH = /^1[89]\d\d$/;
/** A claim's "98 of the 139" compares small numbers too. */
const SMALLEST = 2;

interface Held {
  share: number;
  words: string[];
  missing: string[];
}

/** The claim's words (years aside: dates are compared, not matched) that `roots` hold, by weight. */
function held(q: Question, roots: readonly string[]): Held {
  const set = new Set(roots);
  let total = 0;
  let got = 0;
  const words: string[] = [];
  const missing: string[] = [];
  for (const c of q.concepts) {
    if (YEARISH.test(c.token)) continue;
    total += c.idf;
    let best = 0;
    for (const [r, w] of c.roots) if (w > best && set.has(r)) best = w;
    if (best >= 0.7) {
      got += c.idf * best;
      words.push(c.token);
    } else missing.push(c.token);
  }
  return { share: total ? got / total : 0, words, missing };
}

/** A word of the claim a denial can bear on: not a name ("did not stop Yezhov" denies the stopping) and not a year. */
function deniable(q: Question): (word: string) => boolean {
  return (word) => {
    const r = termsOf(word)[0];
    return r !== undefined && q.concepts.some((c) => !c.name && !YEARISH.test(c.token) && (c.roots.get(r) ?? 0) >= 0.7);
  };
}

/** Token positions in `roots` of each concept (by index) the claim holds. */
function positions(q: Question, roots: readonly string[]): number[][] {
  return q.concepts.map((c) => roots.flatMap((t, i) => ((c.roots.get(t) ?? 0) >= 0.7 ? [i] : [])));
}

/**
 * Whether the words the claim writes side by side ("Moscow centre") stand together in the sentence
 * too (at most two words apart, in order), so "urban centres such as … Moscow" does not state it.
 */
function compoundsHeld(claim: Claim, q: Question, roots: readonly string[]): boolean {
  const at = positions(q, roots);
  const index = (t: string) => q.concepts.findIndex((c) => (c.roots.get(t) ?? 0) >= 1);
  const words = termsOf(claim.topic);
  for (let k = 0; k + 1 < words.length; k++) {
    const a = index(words[k]!);
    const b = index(words[k + 1]!);
    if (a < 0 || b < 0 || a === b) continue;
    if (!at[a]!.some((i) => at[b]!.some((j) => j > i && j - i <= 3))) return false;
  }
  return true;
}

/** Enough of the claim to be shown as speaking to it: half its words, and a name of it if it names any (a claim about Bukharin is not answered by anyone "innocent"). */
function speaksTo(q: Question, h: Held): boolean {
  const names = q.concepts.filter((c) => c.name);
  return h.share >= RELATED && (!names.length || names.some((c) => h.words.includes(c.token)));
}

function sameWord(q: Question): (a: string, b: string) => boolean {
  return (a, b) => a === b || rootFamily(a).includes(b) || q.concepts.some((c) => (c.roots.get(a) ?? 0) >= 1 && (c.roots.get(b) ?? 0) >= 0.7);
}

const quoted = (words: string[]) => words.map((w) => `“${w}”`).join(', ');

interface Reading {
  label: Label;
  basis: string;
}

/** A claim as read for judging sentences: its words, and what it says befell whom for its date. */
interface ClaimReading {
  ctx: EngineContext;
  claim: Claim;
  q: Question;
  events: PersonEvent[];
}

/** A sentence's figures for the claim's: the one that agrees wins over one that differs, and both over a figure of another scope. */
const ORDER = { same: 0, different: 0.5, 'not comparable': 1, unrelated: 2 } as const;

/** A claim with a figure: the sentence's figure that counts the same thing decides. */
function byFigures({ claim, q }: ClaimReading, said: Said, sourceName: string, holds: string): Reading {
  const same = sameWord(q);
  let best: CountRelation = { kind: 'unrelated' };
  const theirs = said.counted();
  for (const mine of claim.figures)
    for (const c of theirs) {
      const r = relateCounts(mine, c, sourceName, same);
      if (ORDER[r.kind] < ORDER[best.kind]) best = r;
    }
  if (best.kind === 'same') return { label: 'support', basis: best.why };
  if (best.kind === 'different') return { label: 'contradiction', basis: best.why };
  if (best.kind === 'not comparable') return { label: 'not comparable', basis: best.why };
  return { label: 'related', basis: `speaks to it without a figure for the same count (${holds})` };
}

/** A claim with a date: the date the sentence gives for the same thing befalling the same person decides. */
function byDate({ ctx, claim, events }: ClaimReading, said: Said, sourceName: string, holds: string): Reading {
  const { text } = said;
  const dates = said.dates();
  const mine = claim.dates[0]!;
  if (!dates.length) return { label: 'related', basis: `${holds}; it gives no date` };
  const d = events.length ? dateOfEvent(ctx, events, text, dates) : null;
  if (!d)
    return {
      label: 'related',
      basis: events.length
        ? `${holds}; its date${dates.length > 1 ? 's are' : ' is'} not given as the date of it`
        : `${holds}; Sourcebook compares dates only of what befell a named person (appointed, removed, arrested, tried, sentenced, shot, died)`,
    };
  return datesDisagree(d, mine)
    ? { label: 'contradiction', basis: `a different date for it: ${dateLabel(d)} (${sourceName}) vs ${dateLabel(mine)} (the claim)` }
    : { label: 'support', basis: `the same date for it: ${dateLabel(d)} (${sourceName}), ${dateLabel(mine)} (the claim)` };
}

/** What a sentence (or a note's sentence) says, read lazily: its figures and dates only when the claim has some. */
interface Said {
  text: string;
  roots: readonly string[];
  counted: () => Counted[];
  dates: () => TextDate[];
}

/** Per passage, sentence index → its figures read for a claim: the corpus changes only at ingest. */
const countedOfSentences = memoByObject((_p: Passage) => new Map<number, Counted[]>());

function sentenceSaid(p: Passage, i: number): Said {
  const sp = p.sentences[i]!;
  const text = p.text.slice(sp.start, sp.end);
  return {
    text,
    roots: sentenceTokens(p)[i]!,
    counted: () => {
      const known = countedOfSentences(p);
      let c = known.get(i);
      if (!c) known.set(i, (c = countedIn(text, beforeOf(p, i), SMALLEST)));
      return c;
    },
    dates: () => sentenceDates(p, i),
  };
}

function noteSaid(n: NoteSentence): Said {
  return { text: n.comment, roots: n.roots, counted: () => countedIn(n.comment, [], SMALLEST), dates: () => datesIn(n.comment) };
}

/** The label of one sentence (or note). */
function judge(reading: ClaimReading, said: Said, h: Held, sourceName: string): Reading {
  const { claim, q } = reading;
  const { text, roots } = said;
  const holds = h.words.length ? `holds ${quoted(h.words)}${h.missing.length ? `, not ${quoted(h.missing)}` : ''}` : `holds none of ${quoted(h.missing)}`;
  if (claim.figures.length) return byFigures(reading, said, sourceName, holds);
  if (h.share < DECIDES) return { label: 'related', basis: holds };
  if (!compoundsHeld(claim, q, roots)) return { label: 'related', basis: `${holds}, but not together as the claim has them` };
  const denial = denialIn(text, deniable(q));
  if (denial && !claim.denies) return { label: 'contradiction', basis: `says “${denial.cue}” of what the claim asserts` };
  const charge = accusationIn(text);
  if (charge) return { label: 'related', basis: `reports a charge (“${charge}”), not the source’s own assertion; it ${holds}` };
  // Naming a thing is not yet asserting it against a denial: the sentence must hold all of the claim.
  if (!denial && claim.denies)
    return h.share >= ALL
      ? { label: 'contradiction', basis: `asserts what the claim denies (“${claim.denies.cue}”): it ${holds} with no denial` }
      : { label: 'related', basis: `${holds}; it neither denies it nor says all of it` };
  if (claim.dates.length) return byDate(reading, said, sourceName, holds);
  const stance = denial ? `and denies it too (“${denial.cue}”)` : '';
  return { label: 'support', basis: `states the claim’s words ${quoted(h.words)} ${stance}`.trim() };
}

/**
 * The date a sentence gives for the claim's event (Kirov died, Yezhov took office): one of its dates
 * beside which it tells the same thing of the same person, in the timeline's plain patterns.
 */
function dateOfEvent(ctx: EngineContext, events: readonly PersonEvent[], text: string, dates: readonly TextDate[]): TextDate | null {
  return dates.find((d) => classesFor(ctx, text, d).some((e) => events.some((x) => x.person === e.person && x.what === e.what))) ?? null;
}

interface NoteSentence {
  passage: Passage;
  number: string;
  comment: string;
  roots: string[];
  /** The sentence of the passage its marker follows. */
  index: number;
}

/**
 * The comment sentences of a source's notes (the author's words), found by their roots: notes are
 * not in the full-text index, and reading every one per claim costs too much on a large corpus.
 * Keyed by the repo's list, which a re-ingest replaces.
 */
const notesByRoot = memoByObject((passages: Passage[]) => {
  const byRoot = new Map<string, NoteSentence[]>();
  for (const p of passages)
    for (const n of p.notes) {
      const at = n.at ?? p.text.length;
      const index = p.sentences.reduce((k, s, i) => (s.start < at ? i : k), 0);
      for (const comment of noteSentences(n)) {
        const note: NoteSentence = { passage: p, number: n.number, comment, roots: termsOf(comment), index };
        for (const r of new Set(note.roots)) {
          const list = byRoot.get(r);
          if (list) list.push(note);
          else byRoot.set(r, [note]);
        }
      }
    }
  return byRoot;
});

/**
 * Note sentences that may hold `share` of the claim's words: any such sentence holds one of the
 * rarest words whose weights add up to more than the rest can make up, so only those are looked up.
 */
function notesFor(q: Question, passages: Passage[], share: number): Set<NoteSentence> {
  const byRoot = notesByRoot(passages);
  const words = q.concepts.filter((c) => !YEARISH.test(c.token)).sort((a, b) => b.idf - a.idf);
  const total = words.reduce((t, c) => t + c.idf, 0);
  const out = new Set<NoteSentence>();
  let covered = 0;
  for (const c of words) {
    if (covered > (1 - share) * total) break;
    covered += c.idf;
    for (const [r, w] of c.roots) if (w >= 0.7) for (const n of byRoot.get(r) ?? []) out.add(n);
  }
  return out;
}

function beforeOf(p: Passage, i: number): string[] {
  return p.sentences.slice(Math.max(0, i - 2), i).map((s) => p.text.slice(s.start, s.end));
}

export function checkClaim(ctx: EngineContext, text: string, exclude: ReadonlySet<string>, nameOf: (sourceId: string) => string): CheckResult {
  const claim = parseClaim(text);
  // A claim has a predicate: its kinds count too ("killed" is said as "murdered").
  const q = question(ctx, claim.topic || text);
  // A name no source uses ("Titanic") or mostly words none uses: the claim is about something else.
  const capitalised = new Set([...text.matchAll(/(?<![\p{L}])\p{Lu}[\p{L}-]*/gu)].map((m) => m[0].toLowerCase()));
  const names = q.missing.filter((m) => capitalised.has(m));
  if (!q.concepts.length || names.length || q.missing.length >= q.concepts.length) {
    const words = names.length ? names : q.missing;
    return { kind: 'outside', why: words.length ? `No source uses ${quoted(words)} in any form.` : 'No source has a passage on it.' };
  }
  const events = claim.dates.length ? classesFor(ctx, text, claim.dates[0]!) : [];
  const reading = { ctx, claim, q, events };
  const bySource = new Map<string, Finding[]>();
  const onTopic = topicBySource(ctx, q, exclude);
  for (const s of ctx.repo.sources()) {
    const id = s.meta.id;
    const name = nameOf(id);
    const found: Finding[] = [];
    const seen = new Set<string>();
    // A claim's figure is compared with every figure on the topic; otherwise the best sentences are read.
    const sentences = onTopic.get(id)?.sentences ?? [];
    const read = sentences.filter((x, k) => k < READ || (claim.figures.length && x.figures.length));
    for (const x of read) {
      const said = sentenceSaid(x.passage, x.index);
      if (seen.has(said.text)) continue;
      seen.add(said.text);
      const h = held(q, said.roots);
      const r = judge(reading, said, h, name);
      // A sentence holding little of the claim (one common word of it) only shares a word with it.
      if (r.label === 'related' && !speaksTo(q, h)) continue;
      if (found.some((f) => f.passage === x.passage && f.start < x.end && x.start < f.end)) continue;
      found.push({ ...r, ...withReporter(r, x.passage, x.start, x.end), passage: x.passage, start: x.start, end: x.end, note: null, weight: x.weight });
    }
    // The author's notes: a note is where a monograph often says what a finding was ("… centre did not exist").
    for (const n of notesFor(q, ctx.repo.passagesWithNotes(id), NOTE_HOLDS)) {
      const p = n.passage;
      if (exclude.has(p.id)) continue;
      const h = held(q, n.roots);
      if (h.share < NOTE_HOLDS || !speaksTo(q, h)) continue;
      const r = judge(reading, noteSaid(n), h, name);
      const sp = p.sentences[n.index]!;
      found.push({ ...r, passage: p, start: sp.start, end: sp.end, note: { number: n.number, comment: n.comment }, weight: h.share });
    }
    found.sort((a, b) => RANK[a.label] - RANK[b.label] || b.weight - a.weight);
    if (found.length) bySource.set(id, found.slice(0, KEEP));
  }
  if (!onTopic.size) return { kind: 'outside', why: 'No source has a passage on it.' };
  return { kind: 'checked', claim, question: q, bySource };
}

/** A sentence that reports another's words says so in its basis: the stance is theirs, as the source reports it. */
function withReporter(r: Reading, p: Passage, start: number, end: number): Partial<Reading> {
  const who = reportedIn(p, p.text.slice(start, end));
  return who && r.label !== 'related' ? { basis: `${r.basis} (the source reports this as ${who}’s)` } : {};
}
