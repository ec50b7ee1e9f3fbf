/** Writes a built corpus into the database: all or nothing, in one transaction. */
import type { DB } from '../db/open.ts';
import type { Person } from '../people/extract.ts';
import type { IndexEntry, SegExtra, SegSection } from '../segment/types.ts';
import type { BuiltCorpus, BuiltPassage } from './build.ts';
import type { SourceMeta } from './metadata.ts';
import { DocumentFrequencies } from './words.ts';

export interface IngestCounts {
  sources: number;
  sections: number;
  passages: number;
  notes: number;
  sentences: number;
}

/** What the writer needs of a built source (a BuiltSource is one; so is what the build worker sends). */
export interface StorableSource {
  meta: SourceMeta;
  fileHash: string;
  segmented: { sections: SegSection[]; extras: SegExtra[]; indexEntries: IndexEntry[] };
  passages: (Omit<BuiltPassage, 'sentences'> & { sentences: { start: number; end: number }[] })[];
}

/**
 * Writes a corpus source by source, with its statements prepared once; the caller runs clear(),
 * source() for each source in order and finish() inside one transaction.
 */
export class CorpusWriter {
  readonly counts: IngestCounts = { sources: 0, sections: 0, passages: 0, notes: 0, sentences: 0 };
  private readonly vocabulary = new DocumentFrequencies();
  private readonly insSource;
  private readonly insSection;
  private readonly insPassage;
  private readonly insFts;
  private readonly insNote;
  private readonly insSentence;
  private readonly insExtra;
  private readonly insIndex;
  private readonly insWord;
  private readonly insPerson;

  constructor(private readonly db: DB) {
    this.insSource = db.prepare('INSERT INTO sources (id, ord, prefix, meta_json, file_hash) VALUES (?, ?, ?, ?, ?)');
    this.insSection = db.prepare('INSERT INTO sections (source_id, ord, path_json, page_start, page_end, pages_approx) VALUES (?, ?, ?, ?, ?, ?)');
    this.insPassage = db.prepare(`INSERT INTO passages
    (id, source_id, ord, kind, section_json, page_start, page_end, pages_approx, speaker, quoted_json, text, line_start, line_end, content_hash)
    VALUES (@id, @source_id, @ord, @kind, @section_json, @page_start, @page_end, @pages_approx, @speaker, @quoted_json, @text, @line_start, @line_end, @content_hash)`);
    this.insFts = db.prepare('INSERT INTO passages_fts (rowid, text, section, quoted) VALUES (?, ?, ?, ?)');
    this.insNote = db.prepare('INSERT INTO notes (passage_id, number, text, at) VALUES (?, ?, ?, ?)');
    this.insSentence = db.prepare('INSERT INTO sentences (passage_id, idx, start, end) VALUES (?, ?, ?, ?)');
    this.insExtra = db.prepare('INSERT INTO extras (source_id, kind, text) VALUES (?, ?, ?)');
    this.insIndex = db.prepare('INSERT INTO index_entries (source_id, name, pages) VALUES (?, ?, ?)');
    this.insWord = db.prepare('INSERT INTO words (word, df) VALUES (?, ?)');
    this.insPerson = db.prepare('INSERT INTO people (id, surname_key, mentions, person_json) VALUES (?, ?, ?, ?)');
  }

  clear(): void {
    // Passages are replaced wholesale; their ids are content hashes, so references elsewhere survive.
    this.db.exec(
      'DELETE FROM passages_fts; DELETE FROM sentences; DELETE FROM notes; DELETE FROM passages; DELETE FROM sections; DELETE FROM extras; DELETE FROM index_entries; DELETE FROM people; DELETE FROM sources; DELETE FROM words;',
    );
  }

  source(src: StorableSource, ord: number): void {
    const counts = this.counts;
    this.insSource.run(src.meta.id, ord, src.meta.idPrefix, JSON.stringify(src.meta), src.fileHash);
    counts.sources++;
    src.segmented.sections.forEach((s, i) => {
      this.insSection.run(src.meta.id, i, JSON.stringify(s.path), s.pages?.start ?? null, s.pages?.end ?? null, s.pages?.approximate ? 1 : 0);
      counts.sections++;
    });
    for (const p of src.passages) {
      const info = this.insPassage.run({
        id: p.id,
        source_id: p.sourceId,
        ord: p.ord,
        kind: p.kind,
        section_json: JSON.stringify(p.sectionPath),
        page_start: p.pages?.start ?? null,
        page_end: p.pages?.end ?? null,
        pages_approx: p.pages?.approximate ? 1 : 0,
        speaker: p.speaker,
        quoted_json: p.quotedFrom ? JSON.stringify(p.quotedFrom) : null,
        text: p.text,
        line_start: p.lines[0],
        line_end: p.lines[1],
        content_hash: p.contentHash,
      });
      this.insFts.run(info.lastInsertRowid, p.text, p.sectionPath.join(' › '), p.quotedFrom?.citation ?? '');
      counts.passages++;
      for (const n of p.notes) {
        this.insNote.run(p.id, n.number, n.text, n.at ?? null);
        counts.notes++;
      }
      p.sentences.forEach((s, i) => this.insSentence.run(p.id, i, s.start, s.end));
      counts.sentences += p.sentences.length;
      this.vocabulary.add(p.text);
    }
    for (const e of src.segmented.extras) this.insExtra.run(src.meta.id, e.kind, e.text);
    for (const e of src.segmented.indexEntries) this.insIndex.run(src.meta.id, e.name, e.pages);
  }

  /** The vocabulary of the passages written, the people index and the corpus fingerprint. */
  finish(people: Person[], fingerprint: string): void {
    for (const [w, n] of this.vocabulary.result()) this.insWord.run(w, n);
    for (const person of people) this.insPerson.run(person.id, person.surnameKey, person.mentions, JSON.stringify(person));
    this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run('corpus_fingerprint', fingerprint);
  }
}

export function storeCorpus(db: DB, corpus: BuiltCorpus): IngestCounts {
  const writer = new CorpusWriter(db);
  db.transaction(() => {
    writer.clear();
    corpus.sources.forEach((src, ord) => writer.source(src, ord));
    writer.finish(corpus.people, corpus.fingerprint);
  })();
  return writer.counts;
}

export function storedFingerprint(db: DB): string | null {
  const row = db.prepare("SELECT value FROM meta WHERE key = 'corpus_fingerprint'").get() as { value: string } | undefined;
  return row?.value ?? null;
}
