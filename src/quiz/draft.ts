/** What every generator produces before options are shuffled and the question is stored. */
import { attribution } from '../corpus/cite.ts';
import type { EngineContext } from '../answer/engine.ts';
import type { CorpusRepo } from '../corpus/repo.ts';
import type { Passage } from '../corpus/types.ts';
import type { PeopleIndex } from '../people/index.ts';
import type { QuizPerson } from './people.ts';
import type { QuestionKind } from './types.ts';
import type { SentenceRef } from './text.ts';

export interface Draft {
  kind: Exclude<QuestionKind, 'custom'>;
  prompt: string;
  stem: string;
  answer: string;
  distractors: string[];
  passage: Passage;
  /** The verbatim sentence the explanation quotes. */
  quote: string;
  note?: string;
  /** Options in a fixed order (the sources, always listed alike); otherwise they are shuffled. */
  order?: string[];
  /** Person the question is about (who), to cap questions per person. */
  personId?: string;
  /** Further passages the explanation quotes. */
  also?: { passageId: string; quote: string }[];
  topic?: string;
  centrality?: number;
}

export interface GenContext {
  repo: CorpusRepo;
  index: PeopleIndex;
  people: Map<string, QuizPerson>;
  /** The answer engine, for what is central and what the sources dispute. */
  engine: EngineContext;
}

/** "Reiman (2016, ch. 6, pp. 101–112)": every stem that quotes a source names it this way. */
export function sourceLabel(ctx: GenContext, p: Passage): string {
  return attribution(ctx.repo.source(p.sourceId)!.meta, p);
}

/** The stem of a fill-in-the-blank question: the attributed sentence with the blank in it. */
export function clozeStem(ctx: GenContext, s: SentenceRef, clozed: string): string {
  return `${sourceLabel(ctx, s.passage)}: “${clozed.trim()}”`;
}
