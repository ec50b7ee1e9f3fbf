/**
 * Turns user text into a safe FTS5 query. Every token is a quoted string, so `"`, `*`, `(`,
 * `AND`, `NEAR` and `-` are searched for as words, never obeyed as query syntax.
 */
import { expansions } from './roots.ts';

export const STOPWORDS = new Set(
  (
    'a an and are as at be been but by did do does for from had has have he her his how i if in into is it its ' +
    'me my near no not of on or our she so than that the their them then there these they this those to was ' +
    'we were what when where which who whom why will with would you your about did say says said tell many much'
  ).split(' '),
);

export function tokens(input: string): string[] {
  return (
    input
      .normalize('NFC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  ).filter((t) => t.length <= 64);
}

export function contentTokens(input: string): string[] {
  const all = tokens(input);
  const content = all.filter((t) => !STOPWORDS.has(t) && !(t.length === 1 && /\p{L}/u.test(t)));
  return [...new Set(content)];
}

function quote(token: string): string {
  return `"${token.replace(/"/g, '""')}"`;
}

/**
 * `all`: every content word (or a synonym, or another spelling of a name) must occur; `any`: at
 * least one, ranked by bm25.
 * Null when nothing is searchable.
 */
export function ftsQuery(input: string, mode: 'all' | 'any', spellings: (token: string) => readonly string[] = () => []): string | null {
  const words = contentTokens(input).slice(0, 32);
  if (words.length === 0) return null;
  const terms = words.map((w) => {
    // A name also matches the corpus's other spellings of it (Ezhov → Yezhov, Ежов → Yezhov).
    const alts = [...new Set([...expansions(w), ...spellings(w).flatMap((s) => contentTokens(s))])];
    return alts.length === 1 ? quote(w) : `(${alts.map(quote).join(' OR ')})`;
  });
  return terms.join(mode === 'all' ? ' AND ' : ' OR ');
}

/** A phrase query for an exact sequence of words (names such as "Nikolai Yezhov"). */
export function ftsPhrase(input: string): string | null {
  const words = tokens(input);
  return words.length ? `"${words.join(' ').replace(/"/g, '""')}"` : null;
}
