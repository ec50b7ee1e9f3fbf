/**
 * Building attributed quotations. Every sentence the bot shows from the corpus goes through
 * here, so it is always verbatim from its passage and always carries its attribution.
 */
import { attribution, where } from '../corpus/cite.ts';
import type { CorpusRepo } from '../corpus/repo.ts';
import type { Passage } from '../corpus/types.ts';
import type { Block, Citation } from './reply.ts';

/** Long single sentences are shown up to a word boundary; the citation keeps the verbatim part only. */
export const MAX_QUOTE = 700;

export function sentenceTexts(p: Passage): string[] {
  return p.sentences.map((s) => p.text.slice(s.start, s.end));
}

export function clipAtWord(text: string, max: number): { text: string; clipped: boolean } {
  if (text.length <= max) return { text, clipped: false };
  const cut = text.lastIndexOf(' ', max);
  return { text: text.slice(0, cut > max / 2 ? cut : max).trimEnd(), clipped: true };
}

/** A unit of reply content: blocks plus the citations they point at (indexes local to the unit). */
export interface Unit {
  blocks: Block[];
  citations: Citation[];
}

export function quoteUnit(repo: CorpusRepo, p: Passage, text: string, lead?: string): Unit {
  const meta = repo.source(p.sourceId)!.meta;
  const { text: shown, clipped } = clipAtWord(text, MAX_QUOTE);
  const citation: Citation = {
    passage: p.id,
    source: p.sourceId,
    quote: shown,
    where: where(meta, p),
    attribution: attribution(meta, p),
  };
  const blocks: Block[] = [];
  if (lead) blocks.push({ type: 'paragraph', text: lead });
  blocks.push({ type: 'quote', text: clipped ? `${shown} […]` : shown, attribution: citation.attribution, citation: 0 });
  return { blocks, citations: [citation] };
}

export function textUnit(...paragraphs: string[]): Unit {
  return { blocks: paragraphs.map((text) => ({ type: 'paragraph' as const, text })), citations: [] };
}

/** Concatenates units, re-indexing each quote's citation. */
export function mergeUnits(units: Unit[]): Unit {
  const out: Unit = { blocks: [], citations: [] };
  for (const u of units) {
    const offset = out.citations.length;
    out.citations.push(...u.citations);
    for (const b of u.blocks) out.blocks.push(b.type === 'quote' ? { ...b, citation: b.citation + offset } : b);
  }
  return out;
}

export function unitLength(u: Unit): number {
  return u.blocks.reduce((n, b) => {
    switch (b.type) {
      case 'quote':
        return n + b.text.length + b.attribution.length + 20;
      case 'list':
        return n + b.items.join('\n').length;
      case 'fields':
        return n + b.fields.reduce((m, f) => m + f.label.length + f.value.length, 0);
      default:
        return n + b.text.length;
    }
  }, 0);
}
