-- The corpus index: the segmented corpus, its search index and people, derived from corpus/ and
-- rebuilt from it at will (`sourcebook ingest`). It lives in its own file beside the state file,
-- which holds what cannot be rebuilt (scores, curation, audit, schedules). Not migrated: a file of
-- another schema version is rebuilt. Bump INDEX_SCHEMA_VERSION in src/db/open.ts when this changes.
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE sources (
  id        TEXT PRIMARY KEY,
  ord       INTEGER NOT NULL,
  prefix    TEXT NOT NULL UNIQUE,
  meta_json TEXT NOT NULL,
  file_hash TEXT NOT NULL
);

CREATE TABLE sections (
  id          INTEGER PRIMARY KEY,
  source_id   TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  ord         INTEGER NOT NULL,
  path_json   TEXT NOT NULL,
  page_start  INTEGER,
  page_end    INTEGER,
  pages_approx INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE passages (
  rowid        INTEGER PRIMARY KEY,
  id           TEXT NOT NULL UNIQUE,
  source_id    TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  ord          INTEGER NOT NULL,
  kind         TEXT NOT NULL,
  section_json TEXT NOT NULL,
  page_start   INTEGER,
  page_end     INTEGER,
  pages_approx INTEGER NOT NULL DEFAULT 0,
  speaker      TEXT,
  quoted_json  TEXT,
  text         TEXT NOT NULL,
  line_start   INTEGER NOT NULL,
  line_end     INTEGER NOT NULL,
  content_hash TEXT NOT NULL
);
CREATE INDEX passages_source ON passages(source_id, ord);

CREATE TABLE notes (
  passage_id TEXT NOT NULL REFERENCES passages(id) ON DELETE CASCADE,
  number     TEXT NOT NULL,
  text       TEXT NOT NULL,
  -- Where the note's marker stood in its passage's text; NULL when the profile does not place it.
  at         INTEGER
);
CREATE INDEX notes_passage ON notes(passage_id);

-- Sentence boundaries as character offsets into passages.text.
CREATE TABLE sentences (
  passage_id TEXT NOT NULL REFERENCES passages(id) ON DELETE CASCADE,
  idx        INTEGER NOT NULL,
  start      INTEGER NOT NULL,
  end        INTEGER NOT NULL,
  PRIMARY KEY (passage_id, idx)
) WITHOUT ROWID;

-- Material kept as data but never answered from: front matter, TOC, bibliography, index, sidebars.
CREATE TABLE extras (
  source_id TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  kind      TEXT NOT NULL,
  text      TEXT NOT NULL
);

CREATE TABLE index_entries (
  source_id TEXT NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
  name      TEXT NOT NULL,
  pages     TEXT NOT NULL
);

-- Porter stemming over Unicode tokens with diacritics folded; rowid = passages.rowid.
CREATE VIRTUAL TABLE passages_fts USING fts5(
  text, section, quoted,
  tokenize = 'porter unicode61 remove_diacritics 2'
);

-- The people index built at ingest (src/people/extract.ts); one JSON document per person.
CREATE TABLE people (
  id          TEXT PRIMARY KEY,
  surname_key TEXT NOT NULL,
  mentions    INTEGER NOT NULL,
  person_json TEXT NOT NULL
);
CREATE INDEX people_key ON people(surname_key);

-- The corpus vocabulary as written (lower case, diacritics folded), with the number of passages
-- using each word: how the answer engine finds another spelling of a word the user typed
-- (Rjutin → Ryutin, collectivization → collectivisation) without scanning every text.
CREATE TABLE words (
  word TEXT PRIMARY KEY,
  df   INTEGER NOT NULL
) WITHOUT ROWID;
