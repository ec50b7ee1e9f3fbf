/** Finds a source by id, id prefix, author or title word: "reiman", "reiman-2016", "Emelyanov". */
import type { CorpusRepo } from '../corpus/repo.ts';
import type { Source } from '../corpus/types.ts';
import { foldDiacritics } from '../people/name-key.ts';

function fold(s: string): string {
  return foldDiacritics(s.toLowerCase())
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Words too common in titles to pick a source ("/source AND" is not Reiman's "… and …"). */
const STOP = new Set(['a', 'an', 'and', 'or', 'not', 'the', 'of', 'in', 'on', 'to', 'for', 'by', 'near', 'with']);

export function findSources(repo: CorpusRepo, query: string): Source[] {
  const q = fold(query);
  if (!q || q.split(' ').every((w) => STOP.has(w))) return [];
  const all = repo.sources();
  const exact = all.filter((s) => s.meta.id === query.trim().toLowerCase());
  if (exact.length) return exact;
  return all.filter((s) => {
    const hay = [s.meta.id, s.meta.idPrefix, s.meta.title, ...s.meta.authors.map((a) => a.family)].map(fold);
    return hay.some((h) => h === q || h.startsWith(q) || h.split(' ').includes(q));
  });
}
