/** The corpus metadata file (`corpus/sources.json`): validated with zod, errors phrased for the person who edits it. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { MetadataError, readCorpusJson } from './json-file.ts';

export const SOURCE_KINDS = ['blog post', 'interview', 'quote compilation', 'monograph', 'essay'] as const;
export const PROFILES = ['web-article', 'interview', 'quote-compilation', 'converted-book', 'booklet'] as const;

const Person = z.object({ family: z.string().min(1), given: z.string().default('') });

export const SourceMetaSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{1,40}$/, 'lowercase letters, digits and dashes, 2–41 characters'),
    file: z.string().regex(/^[^/\\]+\.(txt|md)$/, 'a .txt or .md file name inside the corpus folder'),
    profile: z.enum(PROFILES),
    kind: z.enum(SOURCE_KINDS),
    /** Short prefix of passage ids ("rei" → "rei-87dfk"); defaults to the id's first three letters. */
    idPrefix: z
      .string()
      .regex(/^[a-z]{2,5}$/)
      .optional(),
    title: z.string().min(1),
    authors: z.array(Person),
    outlet: z.string().nullable(),
    publisher: z.string().nullable(),
    place: z.string().nullable(),
    year: z.number().int().min(1500).max(2100).nullable(),
    date: z
      .string()
      .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'YYYY, YYYY-MM or YYYY-MM-DD')
      .nullable(),
    licence: z.string().nullable(),
    description: z.string().min(20).max(400),
    citation: z.object({
      containerTitle: z.string().nullable(),
      medium: z.string(),
      identifiers: z.array(z.string()),
      notes: z.string().nullable().default(null),
      editionYear: z.number().int().optional(),
    }),
    speakers: z.record(z.string(), z.string()).optional(),
  })
  .strict();

export type SourceMeta = z.infer<typeof SourceMetaSchema> & { idPrefix: string };

const FileSchema = z.object({ sources: z.array(z.unknown()).min(1, 'lists no sources') }).strict();

export { MetadataError } from './json-file.ts';

function describeIssue(where: string, issue: z.core.$ZodIssue): string {
  const path = issue.path.length ? `.${issue.path.join('.')}` : '';
  if (issue.code === 'invalid_value' && 'values' in issue) {
    return `${where}${path}: unknown value (expected one of: ${issue.values.join(', ')})`;
  }
  if (issue.code === 'unrecognized_keys') return `${where}: unknown field(s) ${issue.keys.join(', ')}`;
  return `${where}${path}: ${issue.message}`;
}

/** Reads and validates `sources.json`; throws MetadataError listing every problem at once. */
export function loadMetadata(corpusDir: string): SourceMeta[] {
  const top = readCorpusJson(corpusDir, 'sources.json', FileSchema, (i) => describeIssue('sources.json', i));
  if (!top) throw new MetadataError([`${join(corpusDir, 'sources.json')} not found: the corpus folder needs a sources.json`]);

  const problems: string[] = [];
  const out: SourceMeta[] = [];
  const seenIds = new Map<string, number>();
  const seenPrefixes = new Map<string, string>();
  const seenFiles = new Map<string, string>();
  top.sources.forEach((entry, i) => {
    const label = `sources[${i}]${typeof entry === 'object' && entry && 'id' in entry ? ` (${String(entry.id)})` : ''}`;
    const parsed = SourceMetaSchema.safeParse(entry);
    if (!parsed.success) {
      problems.push(...parsed.error.issues.map((issue) => describeIssue(label, issue)));
      return;
    }
    const meta = { ...parsed.data, idPrefix: parsed.data.idPrefix ?? parsed.data.id.replace(/[^a-z]/g, '').slice(0, 3) };
    if (seenIds.has(meta.id)) problems.push(`${label}: duplicate id "${meta.id}" (also sources[${seenIds.get(meta.id)}])`);
    seenIds.set(meta.id, i);
    const other = seenPrefixes.get(meta.idPrefix);
    if (other && other !== meta.id) {
      problems.push(`${label}: passage id prefix "${meta.idPrefix}" is already used by ${other}; set a distinct "idPrefix"`);
    }
    seenPrefixes.set(meta.idPrefix, meta.id);
    const sameFile = seenFiles.get(meta.file);
    if (sameFile) problems.push(`${label}: file "${meta.file}" is already the text of ${sameFile}; each source needs its own file`);
    seenFiles.set(meta.file, meta.id);
    const path = join(corpusDir, meta.file);
    if (!existsSync(path)) problems.push(`${label}: file "${meta.file}" not found in ${corpusDir}`);
    else if (!readFileSync(path, 'utf8').trim()) problems.push(`${label}: file "${meta.file}" is empty`);
    out.push(meta);
  });
  if (problems.length) throw new MetadataError(problems);
  return out;
}
