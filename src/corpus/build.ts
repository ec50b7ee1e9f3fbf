/** Reads, validates and segments a corpus folder in memory. Nothing here touches a database. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { segment } from '../segment/index.ts';
import { corpusHash } from './fingerprint.ts';
import { assignPassageIds, contentHash } from '../segment/ids.ts';
import { splitSentences, type SentenceSpan } from '../segment/sentences.ts';
import type { SegmentedSource, SegPassage } from '../segment/types.ts';
import { corpusEntries, READINGS_DIR, type SourceMeta } from './metadata.ts';
import { existsSync } from 'node:fs';
import { loadAliases } from './aliases.ts';
import { loadErrata } from './errata.ts';
import { extractPeople, type Person } from '../people/extract.ts';

export interface BuiltPassage extends SegPassage {
  id: string;
  sourceId: string;
  ord: number;
  sentences: SentenceSpan[];
  contentHash: string;
}

export interface BuiltSource {
  meta: SourceMeta;
  fileHash: string;
  segmented: SegmentedSource;
  passages: BuiltPassage[];
}

export interface BuiltCorpus {
  sources: BuiltSource[];
  people: Person[];
  /** Changes when any text, the metadata or the segmentation rules change. */
  fingerprint: string;
}

export type Progress = (done: number, total: number, sourceId: string) => void;

export function buildCorpus(corpusDir: string, onProgress?: Progress): BuiltCorpus {
  const entries = corpusEntries(corpusDir);
  const aliases = loadAliases(corpusDir);
  const texts: string[] = [];
  const sources = entries.map(({ meta, dir }, i) => {
    const text = readFileSync(join(dir, meta.file), 'utf8');
    texts.push(text);
    const built = buildSource(meta, text);
    onProgress?.(i + 1, entries.length, meta.id);
    return built;
  });
  const units = sources.flatMap((s) => s.passages.map((p) => ({ sourceId: s.meta.id, text: p.text })));
  const indexNames = sources.flatMap((s) => s.segmented.indexEntries.map((e) => e.name));
  return {
    sources,
    people: extractPeople(units, indexNames, aliases),
    fingerprint: corpusHash(metadataFiles(corpusDir), aliases, texts, loadErrata(corpusDir)),
  };
}

/** The metadata files the fingerprint covers: sources.json, and the added readings' when there are any. */
export function metadataFiles(corpusDir: string): Buffer {
  const readings = join(corpusDir, READINGS_DIR, 'sources.json');
  return Buffer.concat([readFileSync(join(corpusDir, 'sources.json')), ...(existsSync(readings) ? [readFileSync(readings)] : [])]);
}

export function buildSource(meta: SourceMeta, text: string): BuiltSource {
  const segmented = segment(meta, text);
  const ids = assignPassageIds(
    meta.idPrefix,
    segmented.passages.map((p) => p.text),
  );
  const passages = segmented.passages.map((p, ord) => ({
    ...p,
    id: ids[ord]!,
    sourceId: meta.id,
    ord,
    sentences: splitSentences(p.text),
    contentHash: contentHash(p.text),
  }));
  return { meta, fileHash: contentHash(text), segmented, passages };
}
