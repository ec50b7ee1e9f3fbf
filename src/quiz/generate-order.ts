/**
 * Chronology: four events from the sources, to be put in order, answered with buttons. Each event
 * is a sentence that opens with its date, shown without the date and attributed; the order comes
 * from the sources' own dates, and a date the sources give differently is never used.
 */
import { authorLabel } from '../corpus/cite.ts';
import { errataIn } from '../corpus/errata.ts';
import type { Draft, GenContext } from './draft.ts';
import { MONTHS } from './distractors.ts';
import type { CentralSentence } from './central.ts';
import { dateDisputed, eventDateDisputed, ownClaim } from './honest.ts';
import { hash32, seededShuffle, usableSentence } from './text.ts';
import { hasReferent, namesUnknown, TERROR_WORDS, vagueEvent } from './referent.ts';
import { mentionsIn } from '../people/mentions.ts';

const M = `(${MONTHS.join('|')})`;
/** "In 1936, …", "On 1 December 1934, …", "In early March 1928 …", "On November 17, 1938, …". */
const OPENING_DATE = new RegExp(
  `^(?:In|On|By)\\s+(?:(?:early|mid-?|late|the summer of|the spring of|the autumn of|the winter of)\\s+)?(?:(\\d{1,2})\\s+)?(?:${M}\\s+)?(?:(\\d{1,2}),\\s+)?(1[89]\\d\\d)\\b,?\\s+`,
);

export interface DatedEvent {
  central: CentralSentence;
  text: string;
  /** What happened, without the date: "the state security minister Yagoda was replaced …". */
  what: string;
  /** Sortable: year, month (0 when not given). */
  year: number;
  month: number;
  source: string;
}

export function datedEvent(ctx: GenContext, c: CentralSentence): DatedEvent | null {
  const s = c.passage.sentences[c.index]!;
  const text = c.passage.text.slice(s.start, s.end);
  // An event is listed as the sources state it: an excerpt's words ("other fiends") are someone's telling, not the event.
  if (c.passage.kind === 'quote' || !usableSentence(text, { min: 40, max: 220 }) || !ownClaim(c.passage, c.index)) return null;
  const m = OPENING_DATE.exec(text);
  // An event of the terror: a film's release is a date, not a step of the purges.
  if (!m || !TERROR_WORDS.test(text)) return null;
  const year = Number(m[4]);
  // The purges and what led into them (the Shakhty trial of 1928) up to the war: an event of the
  // NEP's grain crisis or of the thaw would be told apart by its era alone.
  if (year < 1928 || year > 1941) return null;
  // The rest must read on its own and carry no other year (it would tell the order).
  let what = text.slice(m[0].length).replace(/[.!]+[”"’]?$/, '');
  if (/\b1[89]\d\d\b/.test(what) || !/^\p{Ll}|^\p{Lu}/u.test(what) || /^(he|she|it|they|this|these|that|his|her|their)\b/i.test(what)) return null;
  what = what[0]!.toUpperCase() + what.slice(1);
  // "A number of high officials were caught …" names no one: the event must say who or what.
  if (!hasReferent(what) || namesUnknown(what) || vagueEvent(what)) return null;
  // "A remarkable investigation got underway in the Kremlin": an event of the terror befalls or is done by someone the sources name.
  if (!mentionsIn(ctx.index, what).size) return null;
  if (dateDisputed(ctx.engine, c.passage, text, year) || eventDateDisputed(ctx.engine, c.passage, text)) return null;
  // A known slip of the text (errata.json) is never part of a key: the order rests on every event's date.
  if (errataIn(ctx.repo.knownErrata(), c.passage.sourceId, text).length) return null;
  return { central: c, text, what, year, month: m[2] ? MONTHS.indexOf(m[2]) + 1 : 0, source: authorLabel(ctx.repo.source(c.passage.sourceId)!.meta) };
}

/** Event letters in an ordering question's stem. */
export const LETTERS = ['A', 'B', 'C', 'D'];

/** The people an event names, but for the few named everywhere (Stalin), who tell no order. */
function namedIn(ctx: GenContext, e: DatedEvent, anchors: ReadonlySet<string>): string[] {
  return [...mentionsIn(ctx.index, e.what).keys()].filter((id) => !anchors.has(id));
}

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((x, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [x, ...rest]));
}

/**
 * Three wrong orders in which neither end gives the answer away: one starts with the earliest
 * event and one ends with the latest, so spotting the odd one out (the only 1920s event) is not
 * enough; the whole order must be known.
 */
export function wrongOrders(right: readonly string[], seed: string): string[] {
  const answer = right.join(', ');
  const all = seededShuffle(
    permutations(right).filter((p) => p.join(', ') !== answer),
    seed,
  );
  const first = right[0];
  const last = right[right.length - 1];
  const sameStart = all.find((p) => p[0] === first)!;
  const sameEnd = all.find((p) => p !== sameStart && p[p.length - 1] === last && p[0] !== first)!;
  const other = all.find((p) => p !== sameStart && p !== sameEnd && p[0] !== first)!;
  return [sameStart, sameEnd, other].map((p) => p.join(', '));
}

/**
 * Two events a reader could not place apart: the same year when either gives no month, or less
 * than half a year apart when both do (the August 1936 trial and the February 1937 arrests).
 */
function tooClose(a: DatedEvent, b: DatedEvent): boolean {
  if (!a.month || !b.month) return a.year === b.year;
  return Math.abs(a.year * 12 + a.month - (b.year * 12 + b.month)) < 6;
}

/** Groups of four events set apart (see tooClose), each group from the pool in a stable pseudo-random order. */
export function orderDrafts(ctx: GenContext, events: DatedEvent[], max: number, anchors: ReadonlySet<string> = new Set()): Draft[] {
  const pool = [...events].sort(
    (a, b) => hash32(`${a.central.passage.id}:${a.central.index}:order`) - hash32(`${b.central.passage.id}:${b.central.index}:order`),
  );
  const used = new Set<DatedEvent>();
  const out: Draft[] = [];
  for (const first of pool) {
    if (out.length >= max) break;
    if (used.has(first)) continue;
    const group = [first];
    for (const e of pool) {
      if (group.length === 4) break;
      if (used.has(e) || group.includes(e)) continue;
      // Two events of one person's life tell their own order (appointed, then dismissed), so each event names other people.
      if (
        group.some(
          (g) =>
            tooClose(g, e) || g.central.passage.id === e.central.passage.id || namedIn(ctx, g, anchors).some((id) => namedIn(ctx, e, anchors).includes(id)),
        )
      )
        continue;
      group.push(e);
    }
    if (group.length < 4) continue;
    group.forEach((e) => used.add(e));
    const seed = group.map((e) => `${e.central.passage.id}:${e.central.index}`).join('|');
    const shown = seededShuffle(group, seed);
    const right = [...shown].sort((a, b) => a.year - b.year || a.month - b.month).map((e) => LETTERS[shown.indexOf(e)]!);
    const answer = right.join(', ');
    const wrong = wrongOrders(right, seed);
    const lines = shown.map((e, i) => `${LETTERS[i]}. ${e.what} (${e.source})`);
    out.push({
      kind: 'order',
      prompt: 'Put these events in order, earliest first.',
      stem: `In the order the sources date them:\n${lines.join('\n')}`,
      answer,
      distractors: [...wrong],
      passage: shown[0]!.central.passage,
      quote: shown[0]!.text,
      also: shown.slice(1).map((e) => ({ passageId: e.central.passage.id, quote: e.text })),
      topic: 'chronology',
      centrality: Math.round(100 * Math.min(...group.map((e) => e.central.centrality))) / 100,
    });
  }
  return out;
}
