/**
 * Sources in dispute: on a question the sources answer differently ("Was there a real conspiracy
 * against Stalin?"), one source's "yes" and another's "it was invented", each quoted, and the
 * reader says which source wrote which. Neither side is the key: the key is who holds which
 * position, so the question teaches the disagreement, not a verdict.
 */
import { rankSentences, question } from '../answer/engine.ts';
import type { Passage, Source } from '../corpus/types.ts';
import { authorLabel } from '../corpus/cite.ts';
import type { Draft, GenContext } from './draft.ts';
import { THESIS_QUESTIONS } from './generate-thesis.ts';
import { ownClaim, quotedVoice } from './honest.ts';
import { seededShuffle, usableSentence } from './text.ts';
import { dangling, inPurgeEra, TERROR_WORDS } from './referent.ts';
import { root } from '../search/roots.ts';

/** Words that deny the matter: it did not happen, or was made up. */
export const DENIES =
  /\b(?:did not exist|never existed|(?:was|were|had been) (?:invented|fabricated|falsified|concocted|staged|made up)|invented|fabricat\w*|falsifi\w*|trumped[- ]up|forced ['‘“"]?evidence|no (?:material |factual |real )?(?:basis|part|evidence)|(?:precious |very )?little evidence|baseless|groundless|fictitious|not (?:entirely )?genuine)\b/i;
/** Words that leave the matter open or put it in someone else's mouth: neither side. */
const HEDGES =
  /\b(?:[Nn]ot|[Nn]o|[Nn]ever|[Dd]oubts?|[Ww]hether|[Aa]lleged\w*|[Oo]stensibly|so-called|[Aa]ccus\w*|charges?|[Rr]umou?rs?|[Cc]laim\w*|[Ss]upposed\w*|might|may|[Pp]erhaps|[Ii]f)\b/;
/** Words that leave even a denial open ("invented or accurate at least in part"). */
// Case-sensitive: "May 1937" is a month, not a doubt.
const UNSURE = /\b(?:[Ww]hether|might|may|[Pp]erhaps|[Ii]f|or accurate|at least in part|or not)\b/;
/** What the sources dispute: whether there was a plot, a conspiracy, guilt, real confessions. */
const MATTER = /\b(?:conspira\w*|plot\w*|coup|guilt\w*|genuine|treason|spies|espionage|sabotage|wreck\w*)\b/gi;
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

export type Stance = 'denies' | 'affirms' | null;

/** Which side of a yes/no question a sentence takes, by its own words; null when it takes none plainly. */
export function stanceOf(text: string, ask: string): Stance {
  if (DENIES.test(text)) return UNSURE.test(text) ? null : 'denies';
  if (HEDGES.test(text)) return null;
  // A "yes" says the very thing asked about: the plot, the guilt, the conspiracy; narration around it is neither side.
  const matter = new Set([...ask.matchAll(MATTER)].map((m) => root(m[0])));
  return [...text.matchAll(MATTER)].some((m) => matter.has(root(m[0]))) ? 'affirms' : null;
}

function sidesOf(ctx: GenContext, ask: string, source: Source, want: Exclude<Stance, null>): Side[] {
  const out: Side[] = [];
  const q = question(ctx.engine, ask);
  for (const r of rankSentences(ctx.engine, q, { exclude: new Set(), perSource: READ, global: 0, sources: [source.meta.id] })) {
    if (r.own < MIN_OWN[want] || r.matched < 2) continue;
    // The sentence itself, read on its own: no lead-in, no "he" pointing back.
    if (r.start !== r.passage.sentences[r.index]!.start || !ownClaim(r.passage, r.index)) continue;
    const text = r.passage.text.slice(r.start, r.end).trim();
    if (!usableSentence(text, { min: 50, max: 300 }) || dangling(text) || stanceOf(text, ask) !== want) continue;
    // Both sides speak of the terror's years and of its matter, not of 1917's Kornilov affair.
    if (!inPurgeEra(text, r.passage.text) || !TERROR_WORDS.test(text)) continue;
    // Words naming the source would give it away.
    if (source.meta.authors.some((a) => text.includes(a.family))) continue;
    out.push({ own: r.own, source, passage: r.passage, text });
  }
  return out;
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
  const mine = [...namesIn(no)].filter((n) => !asked.has(n));
  if (!mine.length) return true;
  const theirs = namesIn(yes);
  return mine.some((n) => theirs.has(n));
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
    const yes = sources.flatMap((s) => sidesOf(ctx, ask, s, 'affirms'));
    const no = sources.flatMap((s) => sidesOf(ctx, ask, s, 'denies'));
    // The pair from two different sources that holds most of the question.
    const pair = no
      .flatMap((n) => yes.filter((y) => y.source.meta.id !== n.source.meta.id && sameMatter(ask, y.text, n.text)).map((y) => [y, n] as const))
      .sort((a, b) => b[0].own + b[1].own - (a[0].own + a[1].own))[0];
    if (!pair) continue;
    const [y, n] = pair;
    const others = sources.filter((s) => s.meta.id !== y.source.meta.id && s.meta.id !== n.source.meta.id);
    const answer = pairOption(y.source, n.source);
    const distractors = [
      pairOption(n.source, y.source),
      ...seededShuffle(others, `${ask}:dispute`)
        .slice(0, 2)
        .flatMap((o, i) => (i === 0 ? [pairOption(y.source, o)] : [pairOption(o, n.source)])),
    ];
    const voices = [y, n].map((s) => quotedVoice(s.passage)).filter((v): v is string => v !== null);
    out.push({
      kind: 'dispute',
      prompt: 'Which source says which?',
      stem: `Sources in dispute: “${ask}” One source says so: “${y.text}” Another denies it: “${n.text}” Which source wrote which?`,
      ...(voices.length ? { note: `Quoted words: ${voices.join('; ')}, as the source quotes them.`.slice(0, 300) } : {}),
      answer,
      distractors,
      passage: n.passage,
      quote: n.text,
      also: [{ passageId: y.passage.id, quote: y.text }],
      topic,
      centrality: 1,
    });
  }
  return out;
}
