/**
 * An interview page: furniture, a title, a lede, then turns "XX – text" whose label is the
 * speaker's initials. The label moves into `speaker`; the lede is kept but typed `lede`.
 */
import { isBoilerplateLine, isPromoHeading } from '../boilerplate.ts';
import { nonEmpty, toLines } from '../lines.ts';
import { endsSentence, normalizeSpaces } from '../text.ts';
import type { Profile, SegExtra, SegPassage } from '../types.ts';

const TURN = /^([A-Z][A-Za-z]{0,3}|[A-Z]+(?: [A-Z]+)?)\s+[–—-]\s+(.+)$/u;

export const segmentInterview: Profile = (raw) => {
  const lines = nonEmpty(toLines(raw)).map((l) => ({ n: l.n, text: normalizeSpaces(l.text) }));
  const extras: SegExtra[] = [];
  const passages: SegPassage[] = [];
  let seenTurn = false;
  lines.forEach((line, i) => {
    const next = lines[i + 1]?.text;
    if (isBoilerplateLine(line.text) || isPromoHeading(line.text, next)) {
      extras.push({ kind: 'boilerplate', text: line.text });
      return;
    }
    const turn = TURN.exec(line.text);
    const base = { sectionPath: [], pages: null, quotedFrom: null, notes: [], lines: [line.n, line.n] as [number, number] };
    if (turn) {
      seenTurn = true;
      passages.push({ ...base, kind: 'body', text: turn[2]!, speaker: turn[1]! });
    } else if (!seenTurn && !endsSentence(line.text) && line.text.length < 200) {
      extras.push({ kind: 'front_matter', text: line.text });
    } else if (!seenTurn) {
      passages.push({ ...base, kind: 'lede', text: line.text, speaker: null });
    } else {
      // An untagged paragraph after a turn continues that speaker's answer.
      const prev = passages[passages.length - 1]!;
      passages.push({ ...base, kind: 'body', text: line.text, speaker: prev.speaker });
    }
  });
  return { sections: [], passages, extras, indexEntries: [] };
};
