/** The optional curated alias file `corpus/people.json`, a supplement to the people index built from the texts. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AliasFileSchema, type AliasFile } from '../people/extract.ts';
import { MetadataError } from './metadata.ts';

export function loadAliases(corpusDir: string): AliasFile | null {
  const file = join(corpusDir, 'people.json');
  if (!existsSync(file)) return null;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new MetadataError([`people.json is not valid JSON: ${(e as Error).message}`]);
  }
  const parsed = AliasFileSchema.safeParse(json);
  if (!parsed.success) {
    throw new MetadataError(parsed.error.issues.map((i) => `people.json.${i.path.join('.')}: ${i.message}`));
  }
  return parsed.data;
}
