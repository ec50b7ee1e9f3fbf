/**
 * Text helpers for Slack mrkdwn: escaping and splitting at word boundaries.
 * Lengths are UTF-16 code units, which never undercount what Slack counts.
 */
import { clipWords as fitClip, splitWords as fitWords } from '../../src/core/fit.ts';

/**
 * Slack parses `<…>` as mentions and links (`<!channel>`, `<@U123>`, `<https://…|x>`) and `&` starts
 * an entity; escaping these three makes any corpus or user text inert. `@everyone` without angle
 * brackets is already plain text because we never send `link_names`.
 */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A hard cut never falls inside an entity this module produced (`&amp;` …). */
function keepEntities(word: string, cut: number): number {
  const amp = word.lastIndexOf('&', cut - 1);
  return amp > 0 && amp > cut - 5 && !word.slice(amp, cut).includes(';') ? amp : cut;
}

/** Splits one line into pieces of at most `max`, breaking only at whitespace. */
export function splitWords(line: string, max: number): string[] {
  return fitWords(line, max, { keep: keepEntities });
}

/**
 * Splits (already escaped) text into chunks of at most `max`, keeping line breaks, breaking
 * long lines at word boundaries. Each output line gets `prefix` (e.g. "&gt; " for a quote),
 * counted within `max`.
 */
export function chunkText(text: string, max: number, prefix = ''): string[] {
  const width = max - prefix.length;
  const blank = prefix.trimEnd();
  const lines = text.split('\n').flatMap((raw) => {
    const line = raw.trim();
    if (!line) return [blank];
    return (line.length <= width ? [line] : splitWords(line, width)).map((piece) => prefix + piece);
  });
  const chunks: string[] = [];
  let current: string[] = [];
  let size = -1; // no newline before the first line
  const flush = () => {
    while (current.length > 0 && current[current.length - 1] === blank) current.pop();
    if (current.length > 0) chunks.push(current.join('\n'));
    current = [];
    size = -1;
  };
  for (const line of lines) {
    if (size + 1 + line.length > max) flush();
    if (current.length === 0 && line === blank) continue; // no chunk starts with a blank line
    current.push(line);
    size += 1 + line.length;
  }
  flush();
  return chunks;
}

/** The first words of `text` that fit in `max`, with "…" when something was left out. */
export function clipWords(text: string, max: number): string {
  return fitClip(text, max, '…', { keep: keepEntities });
}

/**
 * Text for a plain_text field (headers, buttons). Slack documents plain_text as unparsed, but
 * mention syntax is neutralised there too, with a zero-width space, so no client, fallback or
 * future parser can turn “<!everyone>” or “@here” from a title into a ping.
 */
export function plainText(text: string): string {
  return text.replace(/<([!@#])/g, '<\u200b$1').replace(/@(everyone|channel|here)\b/gi, '@\u200b$1');
}
