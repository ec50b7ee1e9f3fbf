/** The corpus fingerprint: one hash over the segmenter version, the metadata, the aliases and every text. */
import { createHash } from 'node:crypto';
import { SEGMENTER_VERSION } from '../segment/index.ts';
import type { AliasFile } from '../people/extract.ts';

export function corpusHash(sourcesJson: Buffer, aliases: AliasFile | null, texts: Iterable<string>): string {
  const h = createHash('sha256').update(`segmenter:${SEGMENTER_VERSION}\n`);
  h.update(sourcesJson);
  h.update(JSON.stringify(aliases));
  for (const t of texts) h.update(t);
  return h.digest('hex');
}
