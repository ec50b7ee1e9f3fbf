/**
 * What a reply showed, kept small and valid: the title and the citations with every field within
 * its limit. A report stores it, and the Report button carries it, so a report records the answer
 * the reporter saw rather than a new run of the command.
 */
import { z } from 'zod';
import { clip } from './text-safe.ts';
import type { Citation, Reply } from './reply.ts';

export const MAX_SHOWN_CITATIONS = 50;

/** A citation as stored (verbatim quote and its attribution). */
export const StoredCitationSchema = z.object({
  passage: z.string().max(40),
  source: z.string().max(100),
  quote: z.string().max(2000),
  where: z.string().max(500),
  attribution: z.string().max(500),
  /** The footnote the quote is from, when it is one. */
  note: z.string().max(20).optional(),
});
export type StoredCitation = z.infer<typeof StoredCitationSchema>;

export const ShownSchema = z.object({
  title: z.string().max(1000),
  citations: z.array(StoredCitationSchema).max(MAX_SHOWN_CITATIONS),
});
export type Shown = z.infer<typeof ShownSchema>;

/** A citation as stored: every field within its limit, cut between graphemes (a long location is clipped, never refused). */
export function storedCitation(c: Citation): StoredCitation {
  return {
    passage: clip(c.passage, 40),
    source: clip(c.source, 100),
    quote: clip(c.quote, 2000),
    where: clip(c.where, 500, '…'),
    attribution: clip(c.attribution, 500, '…'),
    ...(c.note !== undefined ? { note: clip(c.note, 20) } : {}),
  };
}

export function shownOf(r: Pick<Reply, 'title' | 'citations'>): Shown {
  return { title: clip(r.title, 1000, '…'), citations: r.citations.slice(0, MAX_SHOWN_CITATIONS).map(storedCitation) };
}
