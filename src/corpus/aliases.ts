/** The optional curated alias file `corpus/people.json`, a supplement to the people index built from the texts. */
import { AliasFileSchema, type AliasFile } from '../people/extract.ts';
import { readCorpusJson } from './json-file.ts';

export function loadAliases(corpusDir: string): AliasFile | null {
  return readCorpusJson(corpusDir, 'people.json', AliasFileSchema);
}
