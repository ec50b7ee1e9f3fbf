/** Search results for the terminal and for `--json`. */
import { attribution, where } from '../corpus/cite.ts';
import type { CorpusRepo, Hit } from '../corpus/repo.ts';
import { clipAtWord } from '../core/quotes.ts';

export interface SearchJson {
  query: string;
  results: { passage: string; source: string; text: string; where: string; quotedFrom: string | null; score: number }[];
}

export function searchJson(repo: CorpusRepo, query: string, hits: Hit[]): SearchJson {
  return {
    query,
    results: hits.map((h) => {
      const meta = repo.source(h.passage.sourceId)!.meta;
      return {
        passage: h.passage.id,
        source: h.passage.sourceId,
        text: h.passage.text,
        where: where(meta, h.passage),
        quotedFrom: h.passage.quotedFrom?.citation ?? null,
        score: Number(h.score.toFixed(4)),
      };
    }),
  };
}

function excerpt(text: string, max = 320): string {
  const { text: shown, clipped } = clipAtWord(text, max);
  return clipped ? `${shown} …` : shown;
}

export function searchText(repo: CorpusRepo, query: string, hits: Hit[]): string {
  if (hits.length === 0) return `No passage in the corpus matches “${query}”.`;
  return hits
    .map((h, i) => {
      const meta = repo.source(h.passage.sourceId)!.meta;
      return `${i + 1}. [${h.passage.id}] ${attribution(meta, h.passage)}\n   “${excerpt(h.passage.text)}”\n   ${where(meta, h.passage)}`;
    })
    .join('\n\n');
}
