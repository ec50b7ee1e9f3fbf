/**
 * The optional curated file `corpus/errata.json`: slips in a text (a misspelt name, a wrong title,
 * a date the corpus itself gives otherwise) that a quote must not pass on unflagged and a quiz
 * must not teach. Each says where the corpus itself shows otherwise, so Sourcebook's note rests on
 * the sources, not on its own say-so.
 */
import { z } from 'zod';
import { MetadataError, readCorpusJson } from './json-file.ts';
import type { Passage } from './types.ts';

export const ErratumSchema = z
  .object({
    /** The source whose text has the slip. */
    source: z.string().min(1),
    /** The words as the text prints them, verbatim. */
    text: z.string().min(3).max(200),
    /** The part of them that is wrong ("December 9, 1938"): never a quiz key. */
    wrong: z.string().min(1).max(100),
    /** Sourcebook's note, in its own labelled voice. */
    note: z.string().min(10).max(300),
    /** Words elsewhere in the corpus, verbatim, that the note rests on. */
    see: z.string().min(3).max(200),
  })
  .strict();

export type Erratum = z.infer<typeof ErratumSchema>;

const ErrataFileSchema = z.object({ errata: z.array(ErratumSchema) }).strict();

/** Reads and validates `errata.json`; no file is no errata. */
export function loadErrata(corpusDir: string): Erratum[] {
  const errata = readCorpusJson(corpusDir, 'errata.json', ErrataFileSchema)?.errata ?? [];
  const misplaced = errata.flatMap((e, i) => (e.text.includes(e.wrong) ? [] : [`errata.json.errata.${i}.wrong: “${e.wrong}” is not part of its text`]));
  if (misplaced.length) throw new MetadataError(misplaced);
  return errata;
}

/** An erratum found in the corpus: the passage its note rests on. */
export interface FoundErratum extends Erratum {
  seePassage: string;
}

/**
 * The errata whose words stand in the corpus, each with the passage of its "see" words; an erratum
 * that no longer matches its text (the text was corrected, or the entry mistyped) is reported, not used.
 */
export function findErrata(
  errata: readonly Erratum[],
  passagesOf: (sourceId: string) => readonly Passage[],
  sourceIds: readonly string[],
): { found: FoundErratum[]; stale: Erratum[] } {
  const found: FoundErratum[] = [];
  const stale: Erratum[] = [];
  const all = sourceIds.flatMap((id) => passagesOf(id));
  for (const e of errata) {
    const inText = passagesOf(e.source).some((p) => p.text.includes(e.text));
    // The words may stand in an author's note (Reiman names the NKVD in full in his notes).
    const see = all.find((p) => p.text.includes(e.see) || p.notes.some((n) => n.text.includes(e.see)));
    if (inText && see) found.push({ ...e, seePassage: see.id });
    else stale.push(e);
  }
  return { found, stale };
}

/** The errata of a source that a quoted text repeats. */
export function errataIn(errata: readonly FoundErratum[], sourceId: string, text: string): FoundErratum[] {
  return errata.filter((e) => e.source === sourceId && text.includes(e.text));
}
