/**
 * Markdown and plain text as people write them: paragraphs hard-wrapped at 72 columns and parted by
 * blank lines, the title a `#` heading (Markdown) or a first line of its own (plain text).
 */
import { type RenderDoc, printed, wrapWords } from './render-source.ts';

const COLUMNS = 72;
/** Words that would open a Markdown block (a list item, a heading, a quote) if a wrapped line began with them. */
const MARKUP_START = /^([-+*#>]|\d+[.)])$/;

const wrap = (text: string, avoidStart?: RegExp): string => wrapWords(text, (s) => s.length <= COLUMNS, avoidStart).join('\n');

export function renderMarkdown(doc: RenderDoc): string {
  return `# ${doc.title}\n\n${doc.paragraphs.map((p) => wrap(printed(p), MARKUP_START)).join('\n\n')}\n`;
}

export function renderText(doc: RenderDoc): string {
  return `${doc.title}\n\n${doc.paragraphs.map((p) => wrap(printed(p))).join('\n\n')}\n`;
}
