/** Writes a built corpus into the database: all or nothing, in one transaction. */
import type { DB } from '../db/open.ts';
import type { BuiltCorpus } from './build.ts';
import { documentFrequencies } from './words.ts';

export interface IngestCounts {
  sources: number;
  sections: number;
  passages: number;
  notes: number;
  sentences: number;
}

export function storeCorpus(db: DB, corpus: BuiltCorpus): IngestCounts {
  const counts: IngestCounts = { sources: 0, sections: 0, passages: 0, notes: 0, sentences: 0 };
  const insSource = db.prepare('INSERT INTO sources (id, ord, prefix, meta_json, file_hash) VALUES (?, ?, ?, ?, ?)');
  const insSection = db.prepare('INSERT INTO sections (source_id, ord, path_json, page_start, page_end, pages_approx) VALUES (?, ?, ?, ?, ?, ?)');
  const insPassage = db.prepare(`INSERT INTO passages
    (id, source_id, ord, kind, section_json, page_start, page_end, pages_approx, speaker, quoted_json, text, line_start, line_end, content_hash)
    VALUES (@id, @source_id, @ord, @kind, @section_json, @page_start, @page_end, @pages_approx, @speaker, @quoted_json, @text, @line_start, @line_end, @content_hash)`);
  const insFts = db.prepare('INSERT INTO passages_fts (rowid, text, section, quoted) VALUES (?, ?, ?, ?)');
  const insNote = db.prepare('INSERT INTO notes (passage_id, number, text, at) VALUES (?, ?, ?, ?)');
  const insSentence = db.prepare('INSERT INTO sentences (passage_id, idx, start, end) VALUES (?, ?, ?, ?)');
  const insExtra = db.prepare('INSERT INTO extras (source_id, kind, text) VALUES (?, ?, ?)');
  const insIndex = db.prepare('INSERT INTO index_entries (source_id, name, pages) VALUES (?, ?, ?)');
  const insWord = db.prepare('INSERT INTO words (word, df) VALUES (?, ?)');
  const insPerson = db.prepare('INSERT INTO people (id, surname_key, mentions, person_json) VALUES (?, ?, ?, ?)');

  db.transaction(() => {
    // Passages are replaced wholesale; their ids are content hashes, so references elsewhere survive.
    db.exec(
      'DELETE FROM passages_fts; DELETE FROM sentences; DELETE FROM notes; DELETE FROM passages; DELETE FROM sections; DELETE FROM extras; DELETE FROM index_entries; DELETE FROM people; DELETE FROM sources; DELETE FROM words;',
    );
    corpus.sources.forEach((src, ord) => {
      insSource.run(src.meta.id, ord, src.meta.idPrefix, JSON.stringify(src.meta), src.fileHash);
      counts.sources++;
      src.segmented.sections.forEach((s, i) => {
        insSection.run(src.meta.id, i, JSON.stringify(s.path), s.pages?.start ?? null, s.pages?.end ?? null, s.pages?.approximate ? 1 : 0);
        counts.sections++;
      });
      for (const p of src.passages) {
        const info = insPassage.run({
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
        insFts.run(info.lastInsertRowid, p.text, p.sectionPath.join(' › '), p.quotedFrom?.citation ?? '');
        counts.passages++;
        for (const n of p.notes) {
          insNote.run(p.id, n.number, n.text, n.at ?? null);
          counts.notes++;
        }
        p.sentences.forEach((s, i) => insSentence.run(p.id, i, s.start, s.end));
        counts.sentences += p.sentences.length;
      }
      for (const e of src.segmented.extras) insExtra.run(src.meta.id, e.kind, e.text);
      for (const e of src.segmented.indexEntries) insIndex.run(src.meta.id, e.name, e.pages);
    });
    for (const [w, n] of documentFrequencies(corpus.sources.flatMap((src) => src.passages.map((p) => p.text)))) insWord.run(w, n);
    for (const person of corpus.people) insPerson.run(person.id, person.surnameKey, person.mentions, JSON.stringify(person));
    db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
      'corpus_fingerprint',
      corpus.fingerprint,
    );
  })();
  return counts;
}

export function storedFingerprint(db: DB): string | null {
  const row = db.prepare("SELECT value FROM meta WHERE key = 'corpus_fingerprint'").get() as { value: string } | undefined;
  return row?.value ?? null;
}
