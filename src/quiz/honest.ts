/**
 * Whether a sentence's words may be a question's key: taught as what the source says. Not a claim
 * the source reports in order to reject it, not a third party's words inside the author's text
 * (unless the stem names whose they are), and not a date or figure the sources give differently.
 */
import { datesIn } from '../answer/dates.ts';
import { question, rankSentences, type EngineContext } from '../answer/engine.ts';
import { classesFor, dateConflicts, timelineEvents, timelineSubject, type DateConflict } from '../answer/timeline.ts';
import { memoByObject } from '../core/memo.ts';
import type { Passage } from '../corpus/types.ts';
import { insideQuotation, reportedClaimAt } from '../core/quotes.ts';
import { EDITED, compilationVoice } from '../corpus/voice.ts';

/** Words around a claim that say the source rejects it. */
const REJECTS =
  /\b(not true|untrue|false(?:ly|hood)?|exaggerat\w*|myths?|in reality|in fact|fabricat\w*|invent\w*|refut\w*|no evidence|groundless|baseless|lies?|slander\w*|distort\w*)\b/i;

/**
 * The sentence states the source's own claim: it reports nobody else's claim, is not quoted words
 * inside an author's passage, and the sentence after it does not reject it. A compilation's
 * excerpt (kind 'quote') is the quoted author's words, and its attribution says so.
 */
export function ownClaim(p: Passage, i: number): boolean {
  const s = p.sentences[i]!;
  if (reportedClaimAt(p, i) !== null) return false;
  if (insideQuotation(p, s)) return false;
  const text = p.text.slice(s.start, s.end);
  // "Khrushchev claimed that … He stated that, out of 139 members …": the same claim, carried on.
  if (CARRIES_ON.test(text) && i > 0 && reportedClaimAt(p, i - 1) !== null) return false;
  // "The school manual says over 1.3 million …" followed by "This is an exaggeration": the figure is rejected.
  const next = p.sentences[i + 1];
  // "The literature frequently states … But …": a view the source sets up to answer.
  if (
    next &&
    /\b(literature|textbooks?|historians|conventional wisdom|received (?:view|wisdom)|(?:popular|common|standard|usual) (?:view|belief|version|account)|legend has it|it is (?:often|frequently|widely|usually|commonly|generally) (?:said|claimed|believed|held|assumed|stated|argued))\b/i.test(
      text,
    ) &&
    TURNS.test(p.text.slice(next.start, next.end))
  )
    return false;
  if (next && /\b(says?|said|claims?|claimed|according to|asserts?|wrote|writes|estimates?)\b/i.test(text) && REJECTS.test(p.text.slice(next.start, next.end)))
    return false;
  return true;
}

/** A sentence that turns against the one before. */
const TURNS = /^[“"]?(?:But|However|Yet|In fact|In reality|Actually|This (?:is|was) (?:not|untrue|false|a myth|an exaggeration))\b/;

/** A sentence that goes on reporting the previous one's speaker. */
const CARRIES_ON =
  /^(He|She|They|The latter)\s+(?:also\s+|further\s+|then\s+)?(stated|said|added|wrote|declared|asserted|argued|claimed|insisted|maintained|alleged|went on)\b/;

const YEAR = /\b1[89]\d\d\b/g;

/**
 * True when another passage tells what reads as the same event with another year and without this
 * one: the date is disputed between (or within) the sources, or one of them has it wrong, so it is
 * never a question's key.
 */
export function dateDisputed(ctx: EngineContext, p: Passage, sentence: string, year: number): boolean {
  const words = sentence.replace(YEAR, ' ');
  const q = question(ctx, words, { topic: true });
  if (q.concepts.length < 3) return false;
  for (const r of rankSentences(ctx, q, { exclude: new Set([p.id]), global: 20, perSource: 0 }).slice(0, 5)) {
    if (r.own < 0.6) break;
    const other = r.passage.text.slice(r.start, r.end);
    const years = (other.match(YEAR) ?? []).map(Number);
    if (years.length && !years.includes(year) && years.some((y) => Math.abs(y - year) <= 3)) return true;
  }
  return false;
}

/** Per people index (one per ingest), each person's dates the sources give differently. */
const conflictsOf = memoByObject((_people: object) => new Map<string, DateConflict[]>());

function personConflicts(ctx: EngineContext, name: string): DateConflict[] {
  const known = conflictsOf(ctx.people);
  let found = known.get(name);
  if (!found) {
    const s = timelineSubject(ctx, name);
    found = s.kind === 'subject' && s.subject.kind === 'person' ? dateConflicts(ctx, timelineEvents(ctx, s.subject)) : [];
    known.set(name, found);
  }
  return found;
}

/**
 * The sentence dates something that befell a person (removed, arrested, shot…) on a day other
 * sources give differently: "On December 9, 1938, Yezhov was dismissed" against "23 November
 * 1938". Such a sentence teaches a date in dispute as fact, whatever its blank is.
 */
export function eventDateDisputed(ctx: EngineContext, p: Passage, sentence: string): boolean {
  for (const d of datesIn(sentence))
    for (const c of classesFor(ctx, sentence, d))
      if (personConflicts(ctx, c.person).some((k) => k.what === c.what && k.events.some((e) => e.passage.id === p.id))) return true;
  return false;
}

/** Whose words a compilation's excerpt is ("Anna L. Strong"), to be named in any stem that quotes it. */
export function quotedVoice(p: Passage): string | null {
  if (p.kind !== 'quote') return null;
  const speaker = compilationVoice(p)?.speaker;
  if (speaker) return speaker;
  const work = p.quotedFrom;
  // Translators and editors of a collection did not write its documents ("Lucas and Ukas. Trans. and Ed. Secret Documents").
  if (work?.author && work.title && EDITED.test(work.citation)) return `a document in ${work.title}, edited by ${work.author}`;
  return work?.author ?? 'an author it quotes';
}

/**
 * True when another source tells the same thing (a sentence holding most of this one's words):
 * then "which source says this?" has no one right answer a reader could tell.
 */
export function toldElsewhere(ctx: EngineContext, p: Passage, sentence: string): boolean {
  const q = question(ctx, sentence, { topic: true });
  if (q.concepts.length < 3) return false;
  return rankSentences(ctx, q, { exclude: new Set(), global: 20, perSource: 0 })
    .slice(0, 8)
    .some((r) => r.passage.sourceId !== p.sourceId && r.own >= SAME_TELLING);
}

/** Share of a sentence's weighted words another source's sentence must hold to tell the same. */
const SAME_TELLING = 0.5;
