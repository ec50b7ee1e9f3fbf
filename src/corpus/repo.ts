/** Read access to the stored corpus. Passages are cached after first read: the corpus changes only at ingest. */
import { findErrata, type Erratum, type FoundErratum } from './errata.ts';
import type { DB } from '../db/open.ts';
import type { Statement } from 'better-sqlite3';
import { ftsQuery } from '../search/fts-query.ts';
import { SourceMetaSchema, type SourceMeta } from './metadata.ts';
import { z } from 'zod';

const StoredSourceMetaSchema = SourceMetaSchema.extend({ idPrefix: z.string() }).transform((m) => m as SourceMeta);
const QuotedWorkSchema = z.object({
  citation: z.string(),
  author: z.string().nullable(),
  title: z.string().nullable(),
  year: z.number().nullable(),
  pages: z.string().nullable(),
  leadIn: z.string().optional(),
});
import type { Passage, Source } from './types.ts';

interface PassageRow {
  rowid: number;
  id: string;
  source_id: string;
  ord: number;
  kind: string;
  section_json: string;
  page_start: number | null;
  page_end: number | null;
  pages_approx: number;
  speaker: string | null;
  quoted_json: string | null;
  text: string;
}

export interface Hit {
  passage: Passage;
  /** bm25 score, higher is better. */
  score: number;
}

export interface SearchOptions {
  limit?: number;
  sources?: string[];
  /** Passage ids to leave out (hidden by moderators). */
  exclude?: ReadonlySet<string>;
  /** Spread results across sources: each further hit from one source counts for less. */
  diverse?: boolean;
}

/** Greedy re-ranking: a source's n-th hit is discounted by 1 + n/2, so one verbose source cannot fill the page. */
export function diversify(hits: Hit[], limit: number): Hit[] {
  const pool = [...hits];
  const perSource = new Map<string, number>();
  const out: Hit[] = [];
  while (out.length < limit && pool.length) {
    let best = 0;
    let bestScore = -Infinity;
    pool.forEach((h, i) => {
      const s = h.score / (1 + 0.5 * (perSource.get(h.passage.sourceId) ?? 0));
      if (s > bestScore) {
        bestScore = s;
        best = i;
      }
    });
    const [h] = pool.splice(best, 1);
    perSource.set(h!.passage.sourceId, (perSource.get(h!.passage.sourceId) ?? 0) + 1);
    out.push(h!);
  }
  return out;
}

export class CorpusRepo {
  /** Keyed by passage id, never rowid: ingest reuses rowids for other passages. */
  private readonly byId = new Map<string, Passage>();
  private sourceList: Source[] | null = null;
  private readonly annotated = new Map<string, Passage[]>();

  private readonly statements = new Map<string, Statement>();

  /** The curated errata of the corpus folder (errata.json), set by the bot; found in the texts on first use. */
  errata: readonly Erratum[] = [];
  private foundErrata: FoundErratum[] | null = null;

  /** Other spellings of a name in the corpus, set by whoever holds the people index (the bot). */
  spellings: (token: string) => readonly string[] = () => [];

  /** The repo whose caches a view shares; itself for the repo of the whole corpus. */
  private readonly base: CorpusRepo = this;
  /** The sources this repo shows, or null for all of them (see `view`). */
  private visible: ReadonlySet<string> | null = null;

  constructor(readonly db: DB) {}

  /**
   * The corpus as one space sees it: only the `visible` sources are listed, and only their
   * passages are found, searched or suggested; any other source's passage does not exist here.
   * A view is made per request, so it shares this repo's caches (each passage is read once for
   * every space): it is this object with a narrower `visible`, not a copy.
   */
  view(visible: ReadonlySet<string>): CorpusRepo {
    const v = Object.create(this.base) as CorpusRepo;
    v.visible = visible;
    return v;
  }

  /** The whole corpus, whatever this view shows: for deciding what a space may see, never for answering. */
  whole(): CorpusRepo {
    return this.base;
  }

  /** The ids of the passages of these sources (cheaper than reading the passages). */
  passageIdsOf(sourceIds: readonly string[]): string[] {
    return sourceIds.flatMap((id) => (this.stmt('SELECT id FROM passages WHERE source_id = ?').all(id) as { id: string }[]).map((r) => r.id));
  }

  /** Whether this repo shows a source's passages. */
  shows(sourceId: string): boolean {
    return this.visible === null || this.visible.has(sourceId);
  }

  /** Forgets cached passages and sources: called when the corpus was re-ingested under a running bot. */
  reset(): void {
    const base = this.base;
    base.byId.clear();
    base.sourceList = null;
    base.annotated.clear();
    base.foundErrata = null;
  }

  /** The errata whose words stand in the texts, each with the passage its note rests on. */
  knownErrata(): FoundErratum[] {
    const base = this.base;
    if (!base.foundErrata)
      base.foundErrata = findErrata(
        base.errata,
        (id) => base.passagesOf(id),
        base.sources().map((s) => s.meta.id),
      ).found;
    return base.foundErrata.filter((e) => this.shows(e.source));
  }

  /** Prepared once per SQL text: preparing costs as much as running a small FTS query. */
  private stmt(sql: string): Statement {
    let st = this.statements.get(sql);
    if (!st) this.statements.set(sql, (st = this.db.prepare(sql)));
    return st;
  }

  sources(): Source[] {
    const all = this.base.allSources();
    return this.visible === null ? all : all.filter((s) => this.shows(s.meta.id));
  }

  private allSources(): Source[] {
    if (!this.sourceList) {
      const rows = this.stmt('SELECT s.meta_json, (SELECT count(*) FROM passages p WHERE p.source_id = s.id) AS n FROM sources s ORDER BY s.ord').all() as {
        meta_json: string;
        n: number;
      }[];
      // Stored JSON is a boundary too: a database written by another version must not be trusted blindly.
      this.sourceList = rows.map((r) => ({ meta: StoredSourceMetaSchema.parse(JSON.parse(r.meta_json)), passageCount: r.n }));
    }
    return this.sourceList;
  }

  source(id: string): Source | undefined {
    return this.sources().find((s) => s.meta.id === id);
  }

  passage(id: string): Passage | undefined {
    const p = this.anyPassage(id);
    return p && this.shows(p.sourceId) ? p : undefined;
  }

  private anyPassage(id: string): Passage | undefined {
    const cached = this.byId.get(id);
    if (cached) return cached;
    const row = this.stmt('SELECT rowid, * FROM passages WHERE id = ?').get(id) as PassageRow | undefined;
    return row ? this.hydrate(row) : undefined;
  }

  /** Passages of one source in document order. */
  passagesOf(sourceId: string): Passage[] {
    if (!this.shows(sourceId)) return [];
    const rows = this.stmt('SELECT rowid, * FROM passages WHERE source_id = ? ORDER BY ord').all(sourceId) as PassageRow[];
    return rows.map((r) => this.byId.get(r.id) ?? this.hydrate(r));
  }

  /** Passages of one source that carry the author's notes, in document order; read once (the corpus changes only at ingest). */
  passagesWithNotes(sourceId: string): Passage[] {
    if (!this.shows(sourceId)) return [];
    let list = this.annotated.get(sourceId);
    if (!list) {
      const rows = this.stmt(
        'SELECT rowid, * FROM passages p WHERE source_id = ? AND EXISTS (SELECT 1 FROM notes n WHERE n.passage_id = p.id) ORDER BY ord',
      ).all(sourceId) as PassageRow[];
      this.annotated.set(sourceId, (list = rows.map((r) => this.byId.get(r.id) ?? this.hydrate(r))));
    }
    return list;
  }

  /** Passage ids that start with a prefix, for autocomplete. */
  idsStartingWith(prefix: string, limit: number): string[] {
    const rows = this.stmt("SELECT id, source_id FROM passages WHERE id >= ? AND id < ? || '~' ORDER BY id LIMIT ?").all(
      prefix,
      prefix,
      this.visible === null ? limit : -1,
    ) as { id: string; source_id: string }[];
    return rows
      .filter((r) => this.shows(r.source_id))
      .slice(0, limit)
      .map((r) => r.id);
  }

  /** Runs an already-safe FTS5 query (built by fts-query.ts), best first. */
  match(fts: string, opts: SearchOptions = {}): Hit[] {
    const limit = opts.limit ?? 10;
    // A view searches its sources only: the filter is in the query, so other sources' passages take no place in the limit.
    const sources = this.visible === null ? opts.sources : (opts.sources ?? [...this.visible]).filter((s) => this.shows(s));
    if (sources && !sources.length) return [];
    const sourceFilter = sources?.length ? `AND p.source_id IN (${sources.map(() => '?').join(',')})` : '';
    const overfetch = limit + (opts.exclude?.size ?? 0);
    // Only ids and ranks come from FTS; passage bodies come from the cache, read once per passage.
    const rows = this.stmt(
      `SELECT p.rowid AS rowid, p.id AS id, bm25(passages_fts, 1.0, 0.4, 0.2) AS rank
       FROM passages_fts JOIN passages p ON p.rowid = passages_fts.rowid
       WHERE passages_fts MATCH ? ${sourceFilter}
       ORDER BY rank LIMIT ?`,
    ).all(fts, ...(sources ?? []), overfetch) as { rowid: number; id: string; rank: number }[];
    return rows
      .filter((r) => !opts.exclude?.has(r.id))
      .slice(0, limit)
      .map((r) => ({ passage: this.passage(r.id)!, score: -r.rank }));
  }

  /**
   * The best `perSource` matches of every source, from one FTS5 evaluation (a query per source
   * would evaluate the whole index once per source).
   */
  matchPerSource(fts: string, perSource: number, exclude?: ReadonlySet<string>): Map<string, Hit[]> {
    const rows = this.stmt(
      // bm25() cannot run inside a window function, so the ranks are materialised first.
      `WITH m AS MATERIALIZED (
         SELECT p.id AS id, p.source_id AS source_id, bm25(passages_fts, 1.0, 0.4, 0.2) AS rank
         FROM passages_fts JOIN passages p ON p.rowid = passages_fts.rowid
         WHERE passages_fts MATCH ?)
       SELECT id, source_id, rank FROM (
         SELECT id, source_id, rank, row_number() OVER (PARTITION BY source_id ORDER BY rank) AS n FROM m)
       WHERE n <= ? ORDER BY rank`,
    ).all(fts, perSource + (exclude?.size ?? 0)) as { id: string; source_id: string; rank: number }[];
    const out = new Map<string, Hit[]>();
    for (const r of rows) {
      if (exclude?.has(r.id) || !this.shows(r.source_id)) continue;
      const list = out.get(r.source_id) ?? [];
      if (list.length < perSource) list.push({ passage: this.passage(r.id)!, score: -r.rank });
      out.set(r.source_id, list);
    }
    return out;
  }

  /** Like `search`, per source: all words first, then any word for sources that found too little. */
  searchPerSource(text: string, perSource: number, exclude?: ReadonlySet<string>): Map<string, Hit[]> {
    const all = ftsQuery(text, 'all', this.spellings);
    if (!all) return new Map();
    const out = this.matchPerSource(all, perSource, exclude);
    const any = ftsQuery(text, 'any', this.spellings)!;
    if (any === all) return out;
    for (const [source, hits] of this.matchPerSource(any, perSource, exclude)) {
      const have = out.get(source) ?? [];
      if (have.length >= perSource) continue;
      const seen = new Set(have.map((h) => h.passage.id));
      // Partial matches rank below every full match, as in `search`.
      for (const h of hits) if (have.length < perSource && !seen.has(h.passage.id)) have.push({ ...h, score: h.score / 4 });
      out.set(source, have);
    }
    return out;
  }

  /** How many passages match an already-safe FTS5 query, per source. */
  countBySource(fts: string): Map<string, number> {
    const rows = this.stmt(
      'SELECT p.source_id AS s, count(*) AS n FROM passages_fts JOIN passages p ON p.rowid = passages_fts.rowid WHERE passages_fts MATCH ? GROUP BY p.source_id',
    ).all(fts) as { s: string; n: number }[];
    return new Map(rows.filter((r) => this.shows(r.s)).map((r) => [r.s, r.n]));
  }

  /** Ranked passages for free text: all words first, then any word if that finds too little. */
  search(text: string, opts: SearchOptions = {}): Hit[] {
    if (opts.diverse) {
      const limit = opts.limit ?? 10;
      return diversify(this.search(text, { ...opts, diverse: false, limit: limit * 4 }), limit);
    }
    const limit = opts.limit ?? 10;
    const all = ftsQuery(text, 'all', this.spellings);
    if (!all) return [];
    const hits = this.match(all, opts);
    if (hits.length >= limit) return hits;
    const any = ftsQuery(text, 'any', this.spellings)!;
    const seen = new Set(hits.map((h) => h.passage.id));
    for (const h of this.match(any, { ...opts, limit: limit * 2 })) {
      if (hits.length >= limit) break;
      // Partial matches rank below every full match.
      if (!seen.has(h.passage.id)) hits.push({ ...h, score: h.score / 4 });
    }
    return hits;
  }

  private hydrate(row: PassageRow): Passage {
    const notes = (
      this.stmt('SELECT number, text, at FROM notes WHERE passage_id = ? ORDER BY rowid').all(row.id) as { number: string; text: string; at: number | null }[]
    ).map((n) => (n.at === null ? { number: n.number, text: n.text } : { number: n.number, text: n.text, at: n.at }));
    const sentences = this.stmt('SELECT start, end FROM sentences WHERE passage_id = ? ORDER BY idx').all(row.id) as Passage['sentences'];
    const p: Passage = {
      id: row.id,
      sourceId: row.source_id,
      ord: row.ord,
      kind: row.kind,
      sectionPath: JSON.parse(row.section_json) as string[],
      pages: row.page_start !== null ? { start: row.page_start, end: row.page_end ?? row.page_start, approximate: row.pages_approx === 1 } : null,
      speaker: row.speaker,
      quotedFrom: row.quoted_json ? QuotedWorkSchema.parse(JSON.parse(row.quoted_json)) : null,
      text: row.text,
      notes,
      sentences,
    };
    this.byId.set(p.id, p);
    return p;
  }
}
