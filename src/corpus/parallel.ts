/**
 * Parallel ingest: a worker thread reads, segments and builds the people index (build-worker.ts)
 * while this thread writes each source into the database as it arrives. The result is the same as
 * buildCorpus then storeCorpus, source for source and row for row; ingest stays synchronous (this
 * thread blocks on the worker's messages between writes).
 */
import { availableParallelism } from 'node:os';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { DB } from '../db/open.ts';
import type { Progress } from './build.ts';
import type { SourceMessage, WorkerMessage } from './build-worker.ts';
import { loadAliases } from './aliases.ts';
import { loadErrata } from './errata.ts';
import { corpusEntries, type SourceMeta } from './metadata.ts';
import { CorpusWriter, type IngestCounts, type StorableSource } from './store.ts';

/** Below this much text a worker's start-up (loading the segmenter in a second thread) costs more than it saves. */
const PARALLEL_FROM_BYTES = 4 * 1024 * 1024;

/** Whether a corpus is large enough, and the machine has a second core, for the worker to pay. */
export function parallelPays(corpusDir: string): boolean {
  if (availableParallelism() < 2) return false;
  let bytes = 0;
  for (const { meta, dir } of corpusEntries(corpusDir)) bytes += statSync(join(dir, meta.file)).size;
  return bytes >= PARALLEL_FROM_BYTES;
}

// The worker loads TypeScript through tsx, as bin/ does; the bootstrap reports a failed start.
const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
const { port, signal } = workerData;
const tell = () => { Atomics.add(signal, 0, 1); Atomics.notify(signal, 0); };
process.on('exit', () => { Atomics.store(signal, 1, 1); tell(); });
import(workerData.tsx)
  .then((api) => { api.register(); return import(workerData.entry); })
  .then((m) => m.start({ corpusDir: workerData.corpusDir, port, signal }))
  .catch((e) => { port.postMessage({ type: 'startup-error', message: String((e && e.stack) || e) }); tell(); });
`;

class BuildWorker {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  /** [messages posted, worker exited] */
  private readonly signal = new Int32Array(new SharedArrayBuffer(8));

  constructor(corpusDir: string, tsx: string) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    const entry = new URL('./build-worker.ts', import.meta.url).href;
    this.worker = new Worker(BOOTSTRAP, {
      eval: true,
      workerData: { tsx, entry, corpusDir, port: port2, signal: this.signal },
      transferList: [port2],
    });
    this.worker.unref();
  }

  /** The worker's next message, waiting for it. */
  next(): WorkerMessage {
    for (;;) {
      const posted = Atomics.load(this.signal, 0);
      const m = receiveMessageOnPort(this.port);
      if (m) return m.message as WorkerMessage;
      if (Atomics.load(this.signal, 1)) return { type: 'error', name: 'Error', message: 'the ingest worker stopped before it finished' };
      Atomics.wait(this.signal, 0, posted, 1000);
    }
  }

  stop(): void {
    this.port.close();
    void this.worker.terminate();
  }
}

function tsxApi(): string | null {
  try {
    return import.meta.resolve('tsx/esm/api');
  } catch {
    return null;
  }
}

function failure(m: Extract<WorkerMessage, { type: 'error' }>): Error {
  const e = new Error(m.message);
  e.name = m.name;
  if (m.stack) e.stack = m.stack;
  return e;
}

function storable(meta: SourceMeta, m: SourceMessage): StorableSource {
  let k = 0;
  const b = m.sentences;
  const passages = m.passages.map((p) => {
    const sentences = Array.from({ length: b[k++]! }, () => ({ start: b[k++]!, end: b[k++]! }));
    return { ...p, sentences };
  });
  return { meta, fileHash: m.fileHash, segmented: { sections: m.sections, extras: m.extras, indexEntries: m.indexEntries }, passages };
}

/**
 * Ingests with the build in a worker thread; null when the worker could not start (the caller then
 * builds in this thread). Throws MetadataError before writing anything, as the serial ingest does.
 */
export function storeInParallel(db: DB, corpusDir: string, onProgress?: Progress): IngestCounts | null {
  const entries = corpusEntries(corpusDir);
  loadAliases(corpusDir);
  loadErrata(corpusDir);
  const tsx = tsxApi();
  if (!tsx) return null;
  const worker = new BuildWorker(corpusDir, tsx);
  try {
    let m = worker.next();
    if (m.type === 'startup-error') return null;
    const writer = new CorpusWriter(db);
    db.transaction(() => {
      writer.clear();
      entries.forEach(({ meta }, i) => {
        if (i > 0) m = worker.next();
        if (m.type === 'error') throw failure(m);
        if (m.type !== 'source' || m.id !== meta.id)
          throw new Error(`the ingest worker sent ${m.type === 'source' ? m.id : m.type} for ${meta.id}: the corpus folder changed during ingest`);
        writer.source(storable(meta, m), i);
        onProgress?.(i + 1, entries.length, meta.id);
      });
      m = entries.length ? worker.next() : m;
      if (m.type === 'error') throw failure(m);
      if (m.type !== 'done') throw new Error('the ingest worker sent more sources than the corpus folder lists');
      writer.finish(m.people, m.fingerprint);
    })();
    return writer.counts;
  } finally {
    worker.stop();
  }
}
