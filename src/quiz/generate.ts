/**
 * Generates the question bank from the corpus. Deterministic: the same corpus gives the same
 * questions, options in the same order, with the same ids (choices are hashes of content).
 *
 * Questions are drawn only from sentences the answer engine ranks as central to a topic of the
 * purges (central.ts), and only from what a source says in its own voice, or names whose words
 * they are (honest.ts). Kinds that teach how the sources differ (whose thesis, claim and
 * rebuttal, chronology, which source) come first; date clozes and true/false items are capped so
 * they stay a minority. Questions that fail any check are dropped, never repaired.
 */
import type { EngineContext } from '../answer/engine.ts';
import { centralSentences, type CentralSentence } from './central.ts';
import type { Draft, GenContext } from './draft.ts';
import { dateDraft } from './generate-date.ts';
import { figureDraft } from './generate-figure.ts';
import { datedEvent, orderDrafts, type DatedEvent } from './generate-order.ts';
import { rebuttalDrafts } from './generate-rebuttal.ts';
import { measureDrafts } from './generate-measure.ts';
import { sourceDrafts } from './generate-source.ts';
import { thesisDrafts } from './generate-thesis.ts';
import { disputeDrafts } from './generate-dispute.ts';
import { DOES_NOT_SAY, SAYS, swapFor, trueFalseDraft, type Swap, type TopicFigure } from './generate-truefalse.ts';
import { whoDraft } from './generate-who.ts';
import { quizFigure } from './generate-figure.ts';
import { disputedFigures } from './disputed.ts';
import { figuresIn } from '../core/figures.ts';
import { quizPeople } from './people.ts';
import { corpusSentences, hash32, norm, seededShuffle, stableId, statementPassage, usableSentence, type SentenceRef } from './text.ts';
import { dateDisputed, eventDateDisputed, ownClaim } from './honest.ts';
import { errataIn, type FoundErratum } from '../corpus/errata.ts';
import type { Question } from './types.ts';
import { questionProblem } from './validate.ts';
import { aboutAWork, dangling, hasReferent, inPurgeEra, TERROR_WORDS, unnamedPerson } from './referent.ts';

/** The accusations the show trials made and the sources dispute. */
const DISPUTED_STORY =
  /\b(?:conspir\w*|plot\w*|spies|spy|espionage|wreck\w*|sabotag\w*|terrorists?|treason|traitors?|fifth column|bloc|agents? of|anti-Soviet|(?:supreme )?command|on (?:the )?(?:orders?|instructions) of)\b/i;
/** Questions about one person, so the bank is not mostly about Stalin. */
const MAX_PER_PERSON = 3;
/** At most this share of the bank is date clozes, and this share true/false items. */
export const DATE_SHARE = 0.18;
export const TRUEFALSE_SHARE = 0.22;
/** Chronology questions at most. */
const MAX_ORDER = 12;
/** The people swapped in no true/false item: the most named, whom the corpus is about. */
const ANCHORS = 3;
/** Questions at most on one topic from one source (kinds quoting several sources aside). */
export const MAX_PER_TOPIC_SOURCE = 2;
/** A date cloze needs a sentence this central to its topic. */
const DATE_CENTRALITY = 0.5;
/** A which-source question needs a sentence this central: a source's way of telling what matters. */
const SOURCE_CENTRALITY = 0.5;

function toQuestion(d: Draft): Question {
  const id = stableId('q', d.kind, d.passage.id, d.stem, d.answer);
  // "Says this" comes before "does not say this"; sources are always listed alike; other options are shuffled.
  const ordered = d.order ?? (d.kind === 'truefalse' ? [SAYS, DOES_NOT_SAY] : seededShuffle([d.answer, ...d.distractors], id));
  return {
    id,
    origin: 'generated',
    kind: d.kind,
    prompt: d.prompt,
    stem: d.stem,
    options: ordered,
    answer: ordered.indexOf(d.answer),
    passageId: d.passage.id,
    quote: d.quote,
    ...(d.note ? { note: d.note } : {}),
    ...(d.also?.length ? { also: d.also } : {}),
    ...(d.topic ? { topic: d.topic } : {}),
    ...(d.centrality !== undefined ? { centrality: d.centrality } : {}),
  };
}

/** The sentence with the one before it, when that one names what this one points back to; null otherwise. */
function withPrevious(c: CentralSentence, s: SentenceRef): SentenceRef | null {
  const prev = c.passage.sentences[c.index - 1];
  if (!prev || !usableSentence(s.text, { min: 20 })) return null;
  const before = c.passage.text.slice(prev.start, prev.end);
  const text = c.passage.text.slice(prev.start, s.end);
  if (dangling(before) || !hasReferent(before) || !ownClaim(c.passage, c.index - 1) || !usableSentence(text, { max: 350 })) return null;
  return { passage: c.passage, start: prev.start, end: s.end, text };
}

function sentenceRef(c: CentralSentence): SentenceRef {
  const s = c.passage.sentences[c.index]!;
  return { passage: c.passage, start: s.start, end: s.end, text: c.passage.text.slice(s.start, s.end) };
}

/** What dates a sentence without a year: its paragraph's years, else its section's heading ("The USSR in the Second World War, 1941–1945"). */
function datedBy(p: CentralSentence['passage']): string {
  return /\b1[89]\d\d\b/.test(p.text) ? p.text : p.sectionPath.join(' ');
}

function tagged(d: Draft | null, c: CentralSentence): Draft | null {
  return d && { ...d, topic: c.topic, centrality: c.centrality };
}

export function generateQuestions(engine: EngineContext): Question[] {
  const { repo, people: index } = engine;
  const sentences = corpusSentences(repo).filter((s) => statementPassage(s.passage));
  const ctx: GenContext = { repo, index, people: quizPeople(index, sentences), engine };
  // A question rests on a sentence of the purge era that can be read on its own.
  const central = [...centralSentences(engine).values()]
    .filter((c) => statementPassage(c.passage) && inPurgeEra(sentenceRef(c).text, datedBy(c.passage)) && !aboutAWork(sentenceRef(c).text))
    .sort((a, b) => b.centrality - a.centrality || a.passage.id.localeCompare(b.passage.id, 'en') || a.index - b.index);
  const centralRefs = central.map(sentenceRef);

  const drafts: Draft[] = [...disputeDrafts(ctx), ...thesisDrafts(ctx), ...rebuttalDrafts(ctx, sentences), ...measureDrafts(ctx, sentences)];
  const used = new Set(drafts.map((d) => `${d.passage.id}:${d.quote}`));

  const events: DatedEvent[] = [];
  const dates: Draft[] = [];
  const swaps: { c: CentralSentence; s: SentenceRef; swap: Swap }[] = [];
  const perPerson = new Map<string, number>();
  const otherFigure = disputedFigures(sentences);
  const anchors = new Set(
    [...ctx.people.values()]
      .sort((a, b) => b.person.mentions - a.person.mentions)
      .slice(0, ANCHORS)
      .map((p) => p.person.id),
  );
  // What each topic's sentences count, for true/false items that swap in another source's figure.
  const topicFigures = new Map<string, TopicFigure[]>();
  for (const c of central) {
    const f = quizFigure(sentenceRef(c).text, { needYear: false });
    if (!f || !ownClaim(c.passage, c.index)) continue;
    const list = topicFigures.get(c.topic) ?? [];
    list.push({ raw: f.figure.raw, passageId: c.passage.id, source: repo.source(c.passage.sourceId)!.meta.authors[0]?.family ?? c.passage.sourceId });
    topicFigures.set(c.topic, list);
  }

  for (const c of central) {
    const s = sentenceRef(c);
    if (used.has(`${c.passage.id}:${s.text}`) || !ownClaim(c.passage, c.index)) continue;
    const event = datedEvent(ctx, c);
    if (event) events.push(event);
    // A sentence that points back ("He demanded …") is asked with the sentence it points to.
    const q = usableSentence(s.text) && !dangling(s.text) ? s : unnamedPerson(s.text) ? null : withPrevious(c, s);
    // A quoted author's story of conspiracies and plots is what the sources dispute: it may be asked
    // whose it is, never completed as if it were the answer key ("____ was already the leader of an international conspiracy").
    const disputed = c.passage.kind === 'quote' && DISPUTED_STORY.test(s.text);
    const who = q && !disputed ? tagged(whoDraft(ctx, q), c) : null;
    if (who && (perPerson.get(who.personId!) ?? 0) < MAX_PER_PERSON) {
      perPerson.set(who.personId!, (perPerson.get(who.personId!) ?? 0) + 1);
      drafts.push(who);
      used.add(`${c.passage.id}:${s.text}`);
      continue;
    }
    // Beyond who held which office, a question is about the terror itself, in the sentence's own words.
    if (!TERROR_WORDS.test(s.text)) continue;
    // A figure question quotes the sentence with the one its "he" or "these" leans on.
    // What the figure counts ("people were arrested") and its years say what it is about.
    const drafted = disputed ? null : tagged(figureDraft(ctx, s), c);
    // A figure another source gives differently for the same thing and years is no key.
    const figure = drafted && !figuresIn(s.text).some((f) => f.raw === drafted.answer && otherFigure(s, f)) ? drafted : null;
    if (figure) {
      drafts.push(figure);
      used.add(`${c.passage.id}:${s.text}`);
      continue;
    }
    if (q && !disputed && c.centrality >= DATE_CENTRALITY && hasReferent(q.text)) {
      const date = tagged(dateDraft(ctx, q), c);
      if (date) {
        dates.push(date);
        continue;
      }
    }
    const swap = q ? swapFor(ctx, q, topicFigures.get(c.topic) ?? [], anchors) : null;
    if (swap && q) swaps.push({ c, s: q, swap });
  }
  drafts.push(...orderDrafts(ctx, events, MAX_ORDER, anchors));
  // Which source says it: from the central sentences no other question used.
  const taken = new Set([...used, ...dates.map((d) => `${d.passage.id}:${d.quote}`)]);
  const free = central.filter(
    (c, i) =>
      !taken.has(`${c.passage.id}:${centralRefs[i]!.text}`) &&
      c.centrality >= SOURCE_CENTRALITY &&
      hasReferent(centralRefs[i]!.text) &&
      !dangling(centralRefs[i]!.text),
  );
  for (const d of sourceDrafts(ctx, free.map(sentenceRef))) {
    const c = free.find((x) => x.passage.id === d.passage.id && sentenceRef(x).text === d.quote);
    drafts.push(c ? { ...d, topic: c.topic, centrality: c.centrality } : d);
    used.add(`${d.passage.id}:${d.quote}`);
  }

  // Dates fill their share of the bank, most central first; true/false items theirs once the rest is chosen.
  const others = drafts.length;
  const rest = 1 - DATE_SHARE - TRUEFALSE_SHARE;
  const dateQuota = Math.floor((others * DATE_SHARE) / rest);

  const seenStems = new Set<string>();
  const seenKeys = new Set<string>();
  // One question per paragraph: a second from the same lines asks the same thing again.
  const perPassage = new Set<string>();
  // One who-question per person: a second would offer the same people again, one of them right for both.
  const whoKeys = new Set<string>();
  // Two questions per topic from one source: a third on Emelyanov's Tukhachevsky story asks the same thing again.
  const perTopicSource = new Map<string, number>();
  const out: Question[] = [];
  const accept = (d: Draft): boolean => {
    // Order and dispute questions quote several sources' passages: they leave each passage to its own question.
    const several = d.kind === 'order' || d.kind === 'dispute';
    if (!several && perPassage.has(d.passage.id)) return false;
    const key = norm(d.stem);
    // One question per key in a passage: the same figure is not asked twice from overlapping quotes.
    const keyed = `${d.kind}:${d.passage.id}:${d.answer}`;
    if (seenStems.has(key) || (d.kind !== 'source' && d.kind !== 'thesis' && d.kind !== 'truefalse' && seenKeys.has(keyed))) return false;
    if (d.kind === 'who' && whoKeys.has(d.answer)) return false;
    const topicKey = `${d.topic ?? ''}\u0000${d.passage.sourceId}`;
    if (!several && d.topic && (perTopicSource.get(topicKey) ?? 0) >= MAX_PER_TOPIC_SOURCE) return false;
    // The same key among mostly the same options twice: whichever comes second answers itself.
    if (
      d.kind !== 'truefalse' &&
      d.kind !== 'source' &&
      out.some((q) => q.options[q.answer] === d.answer && d.distractors.filter((x) => q.options.includes(x)).length >= 2)
    )
      return false;
    // A known slip of a text (errata.json) is never a key, and is flagged wherever a question shows it.
    const flagged = flagErrata(repo, d);
    if (!flagged) return false;
    d = flagged;
    // A question that is not about the dispute does not teach a disputed date as fact, in its stem or its key.
    if (d.kind !== 'dispute' && eventDateDisputed(engine, d.passage, d.quote)) return false;
    const q = toQuestion(d);
    if (questionProblem(repo, q)) return false;
    seenKeys.add(keyed);
    seenStems.add(key);
    if (d.kind === 'who') whoKeys.add(d.answer);
    if (!several) perPassage.add(d.passage.id);
    if (!several && d.topic) perTopicSource.set(topicKey, (perTopicSource.get(topicKey) ?? 0) + 1);
    out.push(q);
    return true;
  };
  for (const d of drafts) accept(d);
  // Dates until their share is reached: one that gives way (its topic is full, its date is disputed) leaves its place to the next.
  let dated = 0;
  for (const d of dates) {
    if (dated === dateQuota) break;
    if (!blockedDate(ctx, d) && accept(d)) dated++;
  }
  // Every source is asked about as "which source" at least once: a question of another kind that took
  // the only paragraph such a question could come from (an interview answers in few, long turns) gives way.
  for (const d of drafts.filter((x) => x.kind === 'source')) {
    const src = d.passage.sourceId;
    if (out.some((q) => q.kind === 'source' && repo.passage(q.passageId)?.sourceId === src)) continue;
    const i = out.findIndex((q) => q.passageId === d.passage.id && (q.kind === 'who' || q.kind === 'date' || q.kind === 'figure'));
    if (i < 0) continue;
    const [gone] = out.splice(i, 1);
    perPassage.delete(d.passage.id);
    if (!accept(d)) {
      out.splice(i, 0, gone!);
      perPassage.add(d.passage.id);
    }
  }
  // Says / does not say alternate over the items accepted, so answering the same way every time scores half.
  const nonTf = out.length;
  const tfQuota = Math.floor((nonTf * TRUEFALSE_SHARE) / (1 - TRUEFALSE_SHARE) / 2) * 2;
  const candidates = swaps
    .filter(({ c, s }) => !used.has(`${c.passage.id}:${s.text}`))
    .sort((a, b) => b.c.centrality - a.c.centrality || hash32(`${a.c.passage.id}:${a.s.start}:tf`) - hash32(`${b.c.passage.id}:${b.s.start}:tf`));
  let made = 0;
  for (const { c, s, swap } of candidates) {
    if (made === tfQuota) break;
    if (accept(tagged(trueFalseDraft(ctx, s, swap, made % 2 === 1), c)!)) made++;
  }
  // An odd count leaves one "says this" too many: the last goes.
  if (made % 2 === 1) out.pop();
  return withinSourceShare(repo, out);
}

/** No source gives more than this share of the bank: a study bank is not one author's, least of all a polemicist's. */
export const MAX_SOURCE_SHARE = 0.4;

/**
 * The bank with the least central questions of an over-represented source left out until none
 * gives more than its share. True/false items stay (they alternate "says" and "does not say"), and
 * so do order and dispute questions, which quote several sources.
 */
function withinSourceShare(repo: GenContext['repo'], bank: Question[]): Question[] {
  const out = [...bank];
  const sourceOf = (q: Question) => repo.passage(q.passageId)?.sourceId ?? '';
  for (;;) {
    const counts = new Map<string, number>();
    for (const q of out) counts.set(sourceOf(q), (counts.get(sourceOf(q)) ?? 0) + 1);
    const [top, n] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
    if (n <= MAX_SOURCE_SHARE * out.length) return out;
    const drop = out
      .map((q, i) => ({ q, i }))
      .filter(({ q }) => sourceOf(q) === top && !['truefalse', 'order', 'dispute', 'thesis', 'rebuttal'].includes(q.kind))
      .sort((a, b) => dropFirst(a.q) - dropFirst(b.q) || (a.q.centrality ?? 0) - (b.q.centrality ?? 0))[0];
    if (!drop) return out;
    out.splice(drop.i, 1);
  }
}

/** The known slips (errata.json) a draft's quotes repeat. */
export function errataOf(repo: GenContext['repo'], d: Pick<Draft, 'passage' | 'stem' | 'quote' | 'also'>): FoundErratum[] {
  const errata = repo.knownErrata();
  if (!errata.length) return [];
  const found = errataIn(errata, d.passage.sourceId, d.quote);
  for (const a of d.also ?? []) {
    const p = repo.passage(a.passageId);
    if (p) found.push(...errataIn(errata, p.sourceId, a.quote));
  }
  return [...new Set(found)];
}

/** Questions whose own words (a which-source or a thesis question) would be given away by a note naming the source before it is answered. */
const SOURCE_IS_THE_ANSWER = new Set<Draft['kind']>(['source', 'thesis', 'dispute', 'truefalse']);

/**
 * A draft that repeats a known slip: its explanation quotes the passage, which flags the slip
 * (core/quotes); the stem flags it too where that gives nothing away. Null when the key itself is
 * the slip ("On December ____, 1938"): a slip is never taught.
 */
export function flagErrata(repo: GenContext['repo'], d: Draft): Draft | null {
  const errata = errataOf(repo, d);
  if (!errata.length) return d;
  // An order question's key is its events' dates: one resting on a slip is not asked.
  if (d.kind === 'order' || errata.some((e) => e.wrong.includes(d.answer) || d.answer.includes(e.wrong))) return null;
  const note = errata.map((e) => `Sourcebook’s note on “${e.wrong}”: ${e.note}`).join(' ');
  // The stem marks the slip where it shows it, as an editor would: a student does not learn "Vorontsov"
  // as a name, nor reach "does not say" through the slip instead of the change the item tests.
  const stem = errata.reduce((s, e) => markSic(s, e.wrong), d.stem);
  // Before the answer only where it gives nothing away: not the source, and not the key ("Yezhov's letter of resignation").
  const surname = d.answer.split(/\s+/).pop()!;
  const early = !SOURCE_IS_THE_ANSWER.has(d.kind) && !note.includes(surname);
  return { ...d, stem: early ? `${stem}\n(${note})` : stem };
}

/** "As Vorontsov [sic] observes": the first occurrence of a slip in a stem, marked; a stem without it as it was. */
export function markSic(stem: string, wrong: string): string {
  const at = stem.indexOf(wrong);
  return at < 0 || stem.startsWith(' [sic]', at + wrong.length) ? stem : `${stem.slice(0, at + wrong.length)} [sic]${stem.slice(at + wrong.length)}`;
}

/** Which of a source's questions give way first when it has too many: recall of a date or a figure before whose words these are or who did it. */
export function dropFirst(q: Pick<Question, 'kind'>): number {
  return ['date', 'figure'].includes(q.kind) ? 0 : 1;
}

/** A date the sources give differently is never a key. */
function blockedDate(ctx: GenContext, d: Draft): boolean {
  const year = Number(/\b1[89]\d\d\b/.exec(d.answer)?.[0]);
  return !year || dateDisputed(ctx.engine, d.passage, d.quote, year);
}
