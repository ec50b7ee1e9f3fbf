/**
 * The build worker's side of a parallel ingest (see parallel.ts): reads, segments and indexes the
 * people of the corpus folder, posting each source as soon as it is built, so the thread that
 * writes the database works at the same time.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { MessagePort } from 'node:worker_threads';
import { extractPeople, type Person, type TextUnit } from '../people/extract.ts';
import type { IndexEntry, SegExtra, SegSection } from '../segment/types.ts';
import { loadAliases } from './aliases.ts';
import { buildSource, metadataFiles, type BuiltPassage } from './build.ts';
import { loadErrata } from './errata.ts';
import { corpusHash } from './fingerprint.ts';
import { corpusEntries } from './metadata.ts';

/** A built source, as posted: passages without their sentence objects, whose bounds come packed. */
export interface SourceMessage {
  type: 'source';
  id: string;
  fileHash: string;
  sections: SegSection[];
  extras: SegExtra[];
  indexEntries: IndexEntry[];
  passages: Omit<BuiltPassage, 'sentences'>[];
  /** Per passage: its number of sentences, then each one's start and end. */
  sentences: Int32Array;
}

export type WorkerMessage =
  | SourceMessage
  | { type: 'done'; people: Person[]; fingerprint: string }
  | { type: 'error'; name: string; message: string; stack?: string }
  | { type: 'startup-error'; message: string };

export function run(corpusDir: string, post: (m: WorkerMessage, transfer?: ArrayBuffer[]) => void): void {
  try {
    const entries = corpusEntries(corpusDir);
    const aliases = loadAliases(corpusDir);
    const texts: string[] = [];
    const units: TextUnit[] = [];
    const indexNames: string[] = [];
    for (const { meta, dir } of entries) {
      const text = readFileSync(join(dir, meta.file), 'utf8');
      texts.push(text);
      const built = buildSource(meta, text);
      let n = 0;
      for (const p of built.passages) n += 1 + 2 * p.sentences.length;
      const bounds = new Int32Array(n);
      let k = 0;
      const passages = built.passages.map(({ sentences, ...p }) => {
        bounds[k++] = sentences.length;
        for (const s of sentences) {
          bounds[k++] = s.start;
          bounds[k++] = s.end;
        }
        units.push({ sourceId: meta.id, text: p.text });
        return p;
      });
      for (const e of built.segmented.indexEntries) indexNames.push(e.name);
      const { sections, extras, indexEntries } = built.segmented;
      post({ type: 'source', id: meta.id, fileHash: built.fileHash, sections, extras, indexEntries, passages, sentences: bounds }, [
        bounds.buffer as ArrayBuffer,
      ]);
    }
    const people = extractPeople(units, indexNames, aliases);
    post({ type: 'done', people, fingerprint: corpusHash(metadataFiles(corpusDir), aliases, texts, loadErrata(corpusDir)) });
  } catch (e) {
    const err = e instanceof Error ? e : new Error(String(e));
    post({ type: 'error', name: err.name, message: err.message, stack: err.stack });
  }
}

/** Started by parallel.ts with its port and signal; tells the waiting thread of each message. */
export function start(data: { corpusDir: string; port: MessagePort; signal: Int32Array }): void {
  run(data.corpusDir, (m, transfer) => {
    data.port.postMessage(m, transfer ?? []);
    Atomics.add(data.signal, 0, 1);
    Atomics.notify(data.signal, 0);
  });
}
