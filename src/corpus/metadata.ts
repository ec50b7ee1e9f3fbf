/** The corpus metadata file (`corpus/sources.json`): validated with zod, errors phrased for the person who edits it. */
import { closeSync, existsSync, openSync, readFileSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { MetadataError, readCorpusJson } from './json-file.ts';

export const SOURCE_KINDS = ['blog post', 'interview', 'quote compilation', 'monograph', 'essay'] as const;
export const PROFILES = ['web-article', 'interview', 'quote-compilation', 'converted-book', 'booklet', 'document'] as const;

/** A space key as requests name it: the platform, a colon, the server's or workspace's id. */
export const SpaceKeySchema = z.string().regex(/^(?:discord|slack|console):[\w.-]{1,64}$/, 'a space such as discord:123456789 or slack:T0123ABC');

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
    /** "b" in "Goble (2019b)": an added reading by an author with another source of that year. */
    yearSuffix: z
      .string()
      .regex(/^[b-z]$/)
      .optional(),
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
    /** The space ("discord:<guild>", "slack:<team>") whose reading this is; absent for the sources every space shares. */
    space: SpaceKeySchema.optional(),
    /** Where an added reading came from: the hash that makes adding the same file again change nothing. */
    origin: z
      .object({
        file: z.string().min(1).max(255),
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
        format: z.enum(['pdf', 'html', 'docx', 'epub', 'markdown', 'text']),
        added: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      })
      .strict()
      .optional(),
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

/** Added readings live in this folder of the corpus folder, with a sources.json of their own (see corpus/readings.ts). */
export const READINGS_DIR = 'readings';

/** A source's entry and the folder its text is in. */
export interface CorpusEntry {
  meta: SourceMeta;
  dir: string;
}

/**
 * Every source of a corpus folder: the bundled texts' sources.json, then the added readings'
 * (readings/sources.json, when there is one). Ids, passage id prefixes and files are unique
 * across both; throws MetadataError listing every problem at once.
 */
export function corpusEntries(corpusDir: string): CorpusEntry[] {
  const readingsDir = join(corpusDir, READINGS_DIR);
  const bundled = loadMetadata(corpusDir).map((meta) => ({ meta, dir: corpusDir }));
  if (!existsSync(join(readingsDir, 'sources.json'))) return bundled;
  const added = loadMetadata(readingsDir, 'readings/sources.json').map((meta) => ({ meta, dir: readingsDir }));
  const problems: string[] = [];
  for (const a of added) {
    const clash = bundled.find((b) => b.meta.id === a.meta.id || b.meta.idPrefix === a.meta.idPrefix);
    if (clash) problems.push(`readings/sources.json (${a.meta.id}): its id or passage id prefix is already the bundled source ${clash.meta.id}'s`);
  }
  if (problems.length) throw new MetadataError(problems);
  return [...bundled, ...added];
}

/**
 * Whether a text file holds nothing but whitespace. Ingest reads every text anyway; this check only
 * needs to see one printable ASCII character (which UTF-8 never uses inside another character), so
 * it reads a file's first block and reads the whole file only when that block has none.
 */
export function blank(path: string): boolean {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(4096);
    const n = readSync(fd, head, 0, head.length, 0);
    for (let i = 0; i < n; i++) if (head[i]! > 0x20 && head[i]! < 0x7f) return false;
  } finally {
    closeSync(fd);
  }
  return !readFileSync(path, 'utf8').trim();
}

/** Reads and validates `sources.json`; throws MetadataError listing every problem at once. */
export function loadMetadata(corpusDir: string, name = 'sources.json'): SourceMeta[] {
  const top = readCorpusJson(corpusDir, 'sources.json', FileSchema, (i) => describeIssue(name, i));
  if (!top) throw new MetadataError([`${join(corpusDir, 'sources.json')} not found: the corpus folder needs a sources.json`]);

  const problems: string[] = [];
  const out: SourceMeta[] = [];
  const seenIds = new Map<string, number>();
  const seenPrefixes = new Map<string, string>();
  const seenFiles = new Map<string, string>();
  top.sources.forEach((entry, i) => {
    const label = `${name === 'sources.json' ? '' : `${name} `}sources[${i}]${typeof entry === 'object' && entry && 'id' in entry ? ` (${String(entry.id)})` : ''}`;
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
    else if (blank(path)) problems.push(`${label}: file "${meta.file}" is empty`);
    out.push(meta);
  });
  if (problems.length) throw new MetadataError(problems);
  return out;
}
