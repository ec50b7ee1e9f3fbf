/**
 * Curation is keyed by command name: the commands whose spec says `curatable` (who, ask, compare)
 * answer from the corpus, so moderators may pin or correct their answers and users may report them.
 */

/** A curatable command's name, as stored with curations and reports. */
export type CuratableName = string;

/** "/Who" or "who" → "who"; commands arrive as typed by adapters. */
export function commandName(raw: string): string {
  return raw.replace(/^\//, '').toLowerCase();
}
