/**
 * Rejoining line-wrapped text. A hyphen at the end of a line is usually the typesetter's ("repres-" +
 * "sion"), but sometimes the word's own ("Marxist-" + "Leninist", "well-" + "known"): the document's
 * other occurrences of the word decide.
 */

const WORD = /\p{L}+(?:-\p{L}+)*/gu;

/** How often each word (lower-cased, hyphenated compounds as one word) occurs inside lines, not at their ends. */
export function wordCounts(lines: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const line of lines) {
    const words = line.match(WORD) ?? [];
    // The last word of a line ending in a hyphen is a fragment, not a word.
    const whole = /-\s*$/.test(line) ? words.slice(0, -1) : words;
    for (const w of whole) {
      const k = w.toLowerCase();
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
  }
  return counts;
}

/** Joins `next` onto `prev` (two physical lines of one paragraph). */
export function joinLines(prev: string, next: string, counts: Map<string, number>): string {
  const p = prev.trimEnd();
  const n = next.trimStart();
  if (!p) return n;
  if (!n) return p;
  const head = /(\p{L}+)-$/u.exec(p);
  const tail = /^(\p{L}+)/u.exec(n);
  if (head && tail) {
    if (/^\p{Lu}/u.test(tail[1]!)) return p + n;
    const joined = `${head[1]}${tail[1]}`.toLowerCase();
    const hyphenated = `${head[1]}-${tail[1]}`.toLowerCase();
    if ((counts.get(hyphenated) ?? 0) > (counts.get(joined) ?? 0)) return p + n;
    return p.slice(0, -1) + n;
  }
  // "1937-" + "38", "war—" + "and": a dash at the end of a line binds without a space.
  if (/[-–—]$/.test(p) && !/\s[-–—]$/.test(p)) return p + n;
  return `${p} ${n}`;
}

/** Joins physical lines into one paragraph. */
export function joinAll(lines: string[], counts: Map<string, number>): string {
  return lines.reduce((acc, l) => joinLines(acc, l, counts), '');
}

/**
 * The share of words that look broken: single letters standing alone ("T h e") and words holding
 * replacement or private-use characters (unmapped glyphs). A high share means the PDF's text layer is damaged.
 */
export function brokenWordRate(text: string): number {
  const tokens = text.split(/\s+/).filter((t) => /\p{L}|\ufffd/u.test(t));
  if (tokens.length < 50) return 0;
  const broken = tokens.filter((t) => /\ufffd|[\ue000-\uf8ff]/u.test(t) || (/^\p{L}$/u.test(t) && !/^[aAI]$|^[вксуояиВКСУОЯИ]$/u.test(t)));
  return broken.length / tokens.length;
}
