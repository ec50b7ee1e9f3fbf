/**
 * "Quiz me on the order": four events of a timeline, each its source's sentence with the date
 * blanked, to be put in order with buttons. The order is the sources' own dates; events whose
 * dates overlap, or whose sentence holds another date, are not used.
 */
import { authorLabel } from '../corpus/cite.ts';
import type { CorpusRepo } from '../corpus/repo.ts';
import { compareDates, datesDisagree, datesIn } from '../answer/dates.ts';
import type { TimelineEvent } from '../answer/timeline.ts';
import { LETTERS, wrongOrders } from './generate-order.ts';
import { hash32, seededShuffle, stableId } from './text.ts';
import { ONE_OFF_PREFIX, type QuestionBody } from './types.ts';
import { questionProblem } from './validate.ts';
import { dangling, hasReferent } from './referent.ts';
import { MONTHS } from './distractors.ts';

const MONTH = new RegExp(`\\b(?:${MONTHS.join('|')})\\b`);
/** Longest event shown in a stem, so four fit in one question. */
const MAX_EVENT = 220;

/** The event as asked: its sentence with its one date blanked; null when it cannot be asked. */
function asked(e: TimelineEvent): string | null {
  const s = e.passage.sentences[e.index]!;
  const text = e.passage.text.slice(s.start, s.end);
  // One date only (another would tell the order), written in the sentence itself, not a document's bracketed date.
  if (e.date.inferred || datesIn(text).length !== 1 || text.length > MAX_EVENT || /^\s*\[/.test(text)) return null;
  const blanked = `${text.slice(0, e.date.at)}____${text.slice(e.date.at + e.date.raw.length)}`.trim();
  // "between February and ____" half gives a date; "He claimed …" names no one the student can place.
  if (MONTH.test(blanked) || dangling(blanked) || !hasReferent(blanked)) return null;
  return blanked;
}

/** An ordering question from the events, or null when fewer than four can be told apart by their dates. */
export function orderQuestionFrom(repo: CorpusRepo, events: readonly TimelineEvent[], seed: string): { id: string; body: QuestionBody } | null {
  const pool = events
    .map((e) => ({ e, text: asked(e) }))
    .filter((x): x is { e: TimelineEvent; text: string } => x.text !== null)
    .sort((a, b) => hash32(`${seed}:${a.e.passage.id}:${a.e.index}`) - hash32(`${seed}:${b.e.passage.id}:${b.e.index}`));
  const group: typeof pool = [];
  for (const x of pool) {
    if (group.length === 4) break;
    // Each pair of dates must not overlap: "1936" and "September 1936" cannot be ordered.
    if (group.some((g) => g.e.passage.id === x.e.passage.id || !datesDisagree(g.e.date, x.e.date))) continue;
    group.push(x);
  }
  if (group.length < 4) return null;
  const shown = seededShuffle(group, seed);
  const right = [...shown].sort((a, b) => compareDates(a.e.date, b.e.date));
  const answerOrder = right.map((x) => LETTERS[shown.indexOf(x)]!);
  const answer = answerOrder.join(', ');
  const options = seededShuffle([answer, ...wrongOrders(answerOrder, seed)], seed);
  const label = (x: (typeof shown)[number]) => authorLabel(repo.source(x.e.passage.sourceId)!.meta);
  const quote = (x: (typeof shown)[number]) => {
    const s = x.e.passage.sentences[x.e.index]!;
    return x.e.passage.text.slice(s.start, s.end);
  };
  const body: QuestionBody = {
    kind: 'order',
    prompt: 'Put these events in order, earliest first.',
    stem: `In the order the sources date them:\n${shown.map((x, i) => `${LETTERS[i]}. ${x.text} (${label(x)})`).join('\n')}`,
    options,
    answer: options.indexOf(answer),
    passageId: shown[0]!.e.passage.id,
    quote: quote(shown[0]!),
    also: shown.slice(1).map((x) => ({ passageId: x.e.passage.id, quote: quote(x) })),
    topic: 'chronology',
  };
  if (questionProblem(repo, body)) return null;
  return { id: stableId(ONE_OFF_PREFIX, body.stem, answer), body };
}
