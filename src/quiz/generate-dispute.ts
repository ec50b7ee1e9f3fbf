/**
 * Sources in dispute: on a question the sources answer differently ("Was there a real conspiracy
 * against Stalin?"), one source's "yes" and another's "it was invented", each quoted, and the
 * reader says which source wrote which. Neither side is the key: the key is who holds which
 * position, so the question teaches the disagreement, not a verdict.
 */
import { rankSentences, question, type RankedSentence } from '../answer/engine.ts';
import type { Passage, Source } from '../corpus/types.ts';
import { authorLabel } from '../corpus/cite.ts';
import type { Draft, GenContext } from './draft.ts';
import { THESIS_QUESTIONS } from './generate-thesis.ts';
import { ownClaim, quotedVoice } from './honest.ts';
import { seededShuffle, usableSentence } from './text.ts';
import { dangling, inPurgeEra, TERROR_WORDS } from './referent.ts';
import { root } from '../search/roots.ts';
import { type Stance, stanceOf } from './stance.ts';

/** A side holds this much of the question's weight in its own words; a denial's own words ("forced 'evidence'") say which side it takes, so it may hold less. */
const MIN_OWN = { affirms: 0.45, denies: 0.3 } as const;
/** Yes/no questions the sources answer both ways, beside the thesis questions that are yes/no. */
const DISPUTED_QUESTIONS: readonly { ask: string; topic: string }[] = [
  { ask: 'Did Tukhachevsky and other commanders plot a military coup?', topic: 'Tukhachevsky' },
  { ask: 'Were the defendants of the Moscow trials guilty?', topic: 'confessions' },
];
/** Best sentences read per source for each question. */
const READ = 12;

interface Side {
  own: number;
  source: Source;
  passage: Passage;
  text: string;
}

/** How much of the question a sentence must hold to count as taking a side when only ruling a source out of the wrong options. */
const LOOSE = 0.3;

function sidesOf(ctx: GenContext, ask: string, source: Source, ranked: readonly RankedSentence[], want: Exclude<Stance, null>): Side[] {
  const out: Side[] = [];
  const asked = askedPeople(ctx, ask);
  for (const r of ranked) {
    if (r.own < MIN_OWN[want] || r.matched < 2) continue;
    // The sentence itself, read on its own: no lead-in, no "he" pointing back.
    if (r.start !== r.passage.sentences[r.index]!.start || !ownClaim(r.passage, r.index)) continue;
    const text = r.passage.text.slice(r.start, r.end).trim();
    if (!usableSentence(text, { min: 50, max: 300 }) || dangling(text) || stanceOf(text, ask) !== want) continue;
    // Both sides speak of the terror's years and of its matter, not of 1917's Kornilov affair.
    if (!inPurgeEra(text, r.passage.text) || !TERROR_WORDS.test(text)) continue;
    // "Did Tukhachevsky … plot?" is answered by a sentence about Tukhachevsky, not one about the Kremlin guard.
    if (asked.length && !asked.some((spellings) => names(text, spellings))) continue;
    // Words naming the source would give it away.
    if (source.meta.authors.some((a) => text.includes(a.family))) continue;
    out.push({ own: r.own, source, passage: r.passage, text });
  }
  return out;
}

/** Whether any sentence of the source takes this side, in its own or quoted words: then naming it for that side is no wrong option. */
function takesSide(ask: string, ranked: readonly RankedSentence[], want: Exclude<Stance, null>): boolean {
  return ranked.some((r) => r.own >= LOOSE && r.matched >= 2 && stanceOf(r.passage.text.slice(r.start, r.end), ask, true) === want);
}

/** Names a sentence gives after its first word ("Nakhayev", "Yagoda"), as roots. */
function namesIn(text: string): Set<string> {
  return new Set([...text.slice(1).matchAll(/(?<!\p{L})\p{Lu}\p{Ll}{2,}/gu)].map((m) => root(m[0].toLowerCase())));
}

/**
 * The two sides speak of the same affair: a denial that names people the question and the other
 * side do not ("a conspiracy was … invented" about Nakhayev's 1934 protest) is about another one.
 */
export function sameMatter(ask: string, yes: string, no: string): boolean {
  const asked = namesIn(` ${ask}`);
  // Both name the one the question asks about ("Tukhachevsky"): the same affair, whoever else each names.
  const yesNames = namesIn(yes);
  if ([...namesIn(no)].some((n) => asked.has(n) && yesNames.has(n) && n !== root('stalin'))) return true;
  const mine = [...namesIn(no)].filter((n) => !asked.has(n));
  if (!mine.length) return true;
  const theirs = namesIn(yes);
  return mine.some((n) => theirs.has(n));
}

/**
 * The people a question names ("Tukhachevsky"), each as the corpus spells them: not the places and
 * bodies it names ("Moscow trials"), and not Stalin, against whom every conspiracy was said to be.
 */
function askedPeople(ctx: GenContext, ask: string): string[][] {
  return [...ask.slice(1).matchAll(/(?<!\p{L})\p{Lu}\p{Ll}{2,}/gu)]
    .map((m) => ctx.index.spellingsFor(m[0]))
    .filter((spellings) => spellings.length > 0 && !spellings.includes('Stalin'));
}

function names(text: string, spellings: string[]): boolean {
  return spellings.some((s) => new RegExp(`(?<!\\p{L})${s}(?!\\p{L})`, 'u').test(text));
}

/** "Says so: Emelyanov · Denies: Reiman": short enough for a button (Discord's 80 characters). */
function pairOption(yes: Source, no: Source): string {
  return `Says so: ${authorLabel(yes.meta)} · Denies: ${authorLabel(no.meta)}`;
}

export function disputeDrafts(ctx: GenContext): Draft[] {
  const sources = ctx.repo.sources();
  const out: Draft[] = [];
  // Position questions only: "Why …?" has no yes and no.
  for (const { ask, topic } of [...THESIS_QUESTIONS.filter((t) => /^(?:was|were|did|is|are)\b/i.test(t.ask)), ...DISPUTED_QUESTIONS]) {
    // Each source's best sentences on the question, ranked once for both sides and the wrong options.
    const q = question(ctx.engine, ask);
    const ranked = new Map(
      sources.map((s) => [s.meta.id, rankSentences(ctx.engine, q, { exclude: new Set(), perSource: READ, global: 0, sources: [s.meta.id] })]),
    );
    const yes = sources.flatMap((s) => sidesOf(ctx, ask, s, ranked.get(s.meta.id)!, 'affirms'));
    const no = sources.flatMap((s) => sidesOf(ctx, ask, s, ranked.get(s.meta.id)!, 'denies'));
    // The pair from two different sources that holds most of the question.
    const pair = no
      .flatMap((n) => yes.filter((y) => y.source.meta.id !== n.source.meta.id && sameMatter(ask, y.text, n.text)).map((y) => [y, n] as const))
      .sort((a, b) => b[0].own + b[1].own - (a[0].own + a[1].own))[0];
    if (!pair) continue;
    const [y, n] = pair;
    // A wrong option must be wrong: "Denies: Goble" is no distractor when Goble, too, calls the affair invented.
    const affirming = new Set(sources.filter((s) => takesSide(ask, ranked.get(s.meta.id)!, 'affirms')).map((s) => s.meta.id));
    const denying = new Set(sources.filter((s) => takesSide(ask, ranked.get(s.meta.id)!, 'denies')).map((s) => s.meta.id));
    const answer = pairOption(y.source, n.source);
    const wrong = sources
      .flatMap((a) => sources.filter((b) => b !== a).map((b) => [a, b] as const))
      .filter(([a, b]) => !(a === y.source && b === n.source) && !(affirming.has(a.meta.id) && denying.has(b.meta.id)));
    // The two sides swapped first, then a slip on one side (the same "says so" or the same "denies"), then any.
    const tier = ([a, b]: readonly [Source, Source]) => (a === n.source && b === y.source ? 0 : a === y.source || b === n.source ? 1 : 2);
    const picked = seededShuffle(wrong, `${ask}:dispute`)
      .sort((p, q) => tier(p) - tier(q))
      .slice(0, 3)
      .map(([a, b]) => pairOption(a, b));
    if (picked.length < 3) continue;
    const voices = [y, n].map((s) => quotedVoice(s.passage)).filter((v): v is string => v !== null);
    out.push({
      kind: 'dispute',
      prompt: 'Which source says which?',
      stem: `Sources in dispute: “${ask}” One source says so: “${y.text}” Another denies it: “${n.text}” Which source wrote which?`,
      ...(voices.length ? { note: `Quoted words: ${voices.join('; ')}, as the source quotes them.`.slice(0, 300) } : {}),
      answer,
      distractors: picked,
      passage: n.passage,
      quote: n.text,
      also: [{ passageId: y.passage.id, quote: y.text }],
      topic,
      centrality: 1,
    });
  }
  return out;
}
