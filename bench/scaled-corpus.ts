/**
 * A scaled copy of the bundled corpus: every source copied n times under its own id and passage
 * prefix, so ingest and search work on n× the text with the same structure.
 */
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CORPUS_DIR } from './paths.ts';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

function suffix(k: number): string {
  return LETTERS[Math.floor(k / 26)]! + LETTERS[k % 26]!;
}

export function scaledCorpus(n: number): string {
  if (n === 1) return CORPUS_DIR;
  const dir = mkdtempSync(join(tmpdir(), `sourcebook-x${n}-`));
  const meta = JSON.parse(readFileSync(join(CORPUS_DIR, 'sources.json'), 'utf8')) as { sources: Record<string, unknown>[] };
  const sources: Record<string, unknown>[] = [];
  for (let k = 0; k < n; k++) {
    for (const s of meta.sources) {
      const id = String(s.id);
      const file = `${k}-${String(s.file)}`;
      copyFileSync(join(CORPUS_DIR, String(s.file)), join(dir, file));
      sources.push({ ...s, id: k ? `${id}-c${k}` : id, file, idPrefix: id.replace(/[^a-z]/g, '').slice(0, 3) + suffix(k) });
    }
  }
  writeFileSync(join(dir, 'sources.json'), JSON.stringify({ sources }));
  copyFileSync(join(CORPUS_DIR, 'people.json'), join(dir, 'people.json'));
  return dir;
}
