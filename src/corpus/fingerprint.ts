/** The corpus fingerprint: one hash over the segmenter version, the metadata, the aliases, every text and the errata. */
import { createHash } from 'node:crypto';
import { SEGMENTER_VERSION } from '../segment/index.ts';
import type { AliasFile } from '../people/extract.ts';
import type { Erratum } from './errata.ts';

export function corpusHash(sourcesJson: Buffer, aliases: AliasFile | null, texts: Iterable<string>, errata: readonly Erratum[] = []): string {
  const h = createHash('sha256').update(`segmenter:${SEGMENTER_VERSION}\n`);
  h.update(sourcesJson);
  h.update(JSON.stringify(aliases));
  // The quiz bank, kept per fingerprint, leaves out what the errata flag: new errata, new bank.
  if (errata.length) h.update(JSON.stringify(errata));
  for (const t of texts) h.update(t);
  return h.digest('hex');
}
