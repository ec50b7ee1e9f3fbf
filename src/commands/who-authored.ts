/**
 * A person as the author of works the sources quote. The compilation quotes historians and
 * witnesses by citation ("Conquest, Robert. The Great Terror…"): being quoted is a kind of
 * mention, shown as such and never as the person being written about.
 */
import type { Passage } from '../corpus/types.ts';
import type { CorpusRepo } from '../corpus/repo.ts';
import { nameKey } from '../people/name-key.ts';

export interface Authored {
  passages: Passage[];
  /** "The Great Terror (1990)", once per work. */
  works: string[];
  /** The author as the citation writes them: "Conquest, Robert". */
  author: string;
}

/**
 * Excerpts the sources quote from works by someone of this surname (and, when given, this initial:
 * Georgy Zhukov's memoirs are not Yuri Zhukov's). A note citing a work is not a quotation of it.
 */
export function authoredBy(repo: CorpusRepo, surnames: readonly string[], exclude: ReadonlySet<string>, initial?: string): Authored | null {
  const words = surnames.filter((s) => /^[\p{L}'’-]{3,}$/u.test(s));
  if (!words.length) return null;
  const fts = `quoted : (${words.map((w) => `"${w.replace(/"/g, '""')}"`).join(' OR ')})`;
  // The citation names the surname first: "Conquest, Robert." (not a title that happens to hold the word).
  const first = new RegExp(`^(?:${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\b`, 'iu');
  const initialOk = (author: string) => {
    const given = author.split(',')[1]?.trim();
    return !initial || !given || nameKey(given).charAt(0) === initial;
  };
  const passages = repo
    .match(fts, { limit: 60, exclude })
    .map((h) => h.passage)
    .filter((p) => p.kind === 'quote' && p.quotedFrom?.author && first.test(p.quotedFrom.author) && initialOk(p.quotedFrom.author));
  if (!passages.length) return null;
  const all = [...new Set(passages.map((p) => `${p.quotedFrom!.title ?? 'untitled'}${p.quotedFrom!.year ? ` (${p.quotedFrom!.year})` : ''}`))];
  // A title the citation parser clipped ("he Great Terror") is the same work as the whole one.
  const works = all.filter((w) => !all.some((o) => o !== w && o.toLowerCase().endsWith(w.toLowerCase())));
  return { passages, works, author: passages[0]!.quotedFrom!.author! };
}
