/** Passages and sources as the core reads them back from the database. */
import type { SourceMeta } from './metadata.ts';
import type { QuotedWork, SegNote } from '../segment/types.ts';

export interface Passage {
  id: string;
  sourceId: string;
  ord: number;
  kind: string;
  sectionPath: string[];
  pages: { start: number; end: number; approximate: boolean } | null;
  speaker: string | null;
  quotedFrom: QuotedWork | null;
  text: string;
  notes: SegNote[];
  /** Sentence boundaries into `text`. */
  sentences: { start: number; end: number }[];
}

export interface Source {
  meta: SourceMeta;
  passageCount: number;
}
