/** A JSON file of the corpus folder, read and checked with its zod schema; problems phrased for the person who edits it. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';

export class MetadataError extends Error {
  constructor(readonly problems: string[]) {
    super(`corpus metadata has ${problems.length} problem(s):\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** The file `name` of the corpus folder, validated; null when there is none. Throws MetadataError listing every problem. */
export function readCorpusJson<T>(
  corpusDir: string,
  name: string,
  schema: z.ZodType<T>,
  describe: (issue: z.core.$ZodIssue) => string = (i) => `${name}.${i.path.join('.')}: ${i.message}`,
): T | null {
  const file = join(corpusDir, name);
  if (!existsSync(file)) return null;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new MetadataError([`${name} is not valid JSON: ${(e as Error).message}`]);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new MetadataError(parsed.error.issues.map(describe));
  return parsed.data;
}
