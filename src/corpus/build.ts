/** Reads, validates and segments a corpus folder in memory. Nothing here touches a database. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { segment } from '../segment/index.ts';
import { corpusHash } from './fingerprint.ts';
import { assignPassageIds, contentHash } from '../segment/ids.ts';
import { splitSentences, type SentenceSpan } from '../segment/sentences.ts';
import type { SegmentedSource, SegPassage } from '../segment/types.ts';
import { loadMetadata, type SourceMeta } from './metadata.ts';
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
  const metas = loadMetadata(corpusDir);
  const aliases = loadAliases(corpusDir);
  const texts: string[] = [];
  const sources = metas.map((meta, i) => {
    const text = readFileSync(join(corpusDir, meta.file), 'utf8');
    texts.push(text);
    const built = buildSource(meta, text);
    onProgress?.(i + 1, metas.length, meta.id);
    return built;
  });
  const units = sources.flatMap((s) => s.passages.map((p) => ({ sourceId: s.meta.id, text: p.text })));
  const indexNames = sources.flatMap((s) => s.segmented.indexEntries.map((e) => e.name));
  return {
    sources,
    people: extractPeople(units, indexNames, aliases),
    fingerprint: corpusHash(readFileSync(join(corpusDir, 'sources.json')), aliases, texts, loadErrata(corpusDir)),
  };
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
