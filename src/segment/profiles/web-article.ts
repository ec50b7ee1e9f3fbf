/**
 * A blog post or news page: a few header lines (date, title, byline), body paragraphs one per
 * line, then comment/share furniture. No pages, no notes, one implicit section.
 */
import { isBoilerplateLine } from '../boilerplate.ts';
import { nonEmpty, toLines } from '../lines.ts';
import { endsSentence, normalizeSpaces } from '../text.ts';
import type { Profile, SegExtra, SegPassage } from '../types.ts';

/** Header lines are short and do not end a sentence: a date, a title, a byline. */
function isHeaderLine(text: string): boolean {
  return text.length < 200 && !endsSentence(text);
}

/** A link stripped in conversion leaves an orphan "(" at the end of a paragraph. */
function dropOrphanBracket(text: string): string {
  return text.replace(/\s*\(\s*$/, '');
}

export const segmentWebArticle: Profile = (raw) => {
  const lines = nonEmpty(toLines(raw)).map((l) => ({ n: l.n, text: normalizeSpaces(l.text) }));
  const extras: SegExtra[] = [];
  const passages: SegPassage[] = [];
  let inBody = false;
  for (const line of lines) {
    if (isBoilerplateLine(line.text)) {
      extras.push({ kind: 'boilerplate', text: line.text });
      continue;
    }
    if (!inBody && isHeaderLine(line.text)) {
      extras.push({ kind: 'front_matter', text: line.text });
      continue;
    }
    inBody = true;
    passages.push({
      kind: 'body',
      sectionPath: [],
      text: dropOrphanBracket(line.text),
      pages: null,
      speaker: null,
      quotedFrom: null,
      notes: [],
      lines: [line.n, line.n],
    });
  }
  return { sections: [], passages, extras, indexEntries: [] };
};
