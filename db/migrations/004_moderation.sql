-- Moderation and curation. Every table is keyed by `space` (spaceKey: "discord:<guild>",
-- "slack:<team>", "console:local"): nothing here is ever read for another space.
-- Passage and source ids are not foreign keys: the corpus is replaced wholesale at ingest, and its
-- ids are content hashes, so these rows stay valid across re-ingests.

-- Roles (Discord) or user groups (Slack) whose members moderate a space, named by a space admin.
CREATE TABLE mod_roles (
  space    TEXT NOT NULL,
  role_id  TEXT NOT NULL,
  by_id    TEXT NOT NULL,
  by_name  TEXT NOT NULL,
  at       INTEGER NOT NULL,
  PRIMARY KEY (space, role_id)
) WITHOUT ROWID;

-- A pinned answer ('answer') or a note above the automatic answer ('note') for one command and its
-- normalized arguments (`key`: "person:ezhov" for /who, lowercased text otherwise).
CREATE TABLE curations (
  space          TEXT NOT NULL,
  command        TEXT NOT NULL,
  key            TEXT NOT NULL,
  kind           TEXT NOT NULL CHECK (kind IN ('answer', 'note')),
  label          TEXT NOT NULL,
  text           TEXT NOT NULL,
  passages_json  TEXT NOT NULL,
  by_id          TEXT NOT NULL,
  by_name        TEXT NOT NULL,
  at             INTEGER NOT NULL,
  PRIMARY KEY (space, command, key, kind)
) WITHOUT ROWID;

-- Passages left out of answers and quizzes in one space; the corpus itself is untouched.
CREATE TABLE hidden_passages (
  space       TEXT NOT NULL,
  passage_id  TEXT NOT NULL,
  reason      TEXT,
  by_id       TEXT NOT NULL,
  by_name     TEXT NOT NULL,
  at          INTEGER NOT NULL,
  PRIMARY KEY (space, passage_id)
) WITHOUT ROWID;

-- A moderators' note shown on one source card in one space.
CREATE TABLE source_notes (
  space      TEXT NOT NULL,
  source_id  TEXT NOT NULL,
  text       TEXT NOT NULL,
  by_id      TEXT NOT NULL,
  by_name    TEXT NOT NULL,
  at         INTEGER NOT NULL,
  PRIMARY KEY (space, source_id)
) WITHOUT ROWID;

-- Reports from the "Report" button, numbered per space, with the reply as it was when reported.
CREATE TABLE reports (
  space             TEXT NOT NULL,
  seq               INTEGER NOT NULL,
  command           TEXT NOT NULL,
  args              TEXT NOT NULL,
  key               TEXT NOT NULL,
  reason            TEXT,
  reply_title       TEXT NOT NULL,
  citations_json    TEXT NOT NULL,
  reporter_id       TEXT NOT NULL,
  reporter_name     TEXT NOT NULL,
  channel           TEXT NOT NULL,
  at                INTEGER NOT NULL,
  status            TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'curated', 'hidden', 'dismissed')),
  resolved_by_id    TEXT,
  resolved_by_name  TEXT,
  resolved_at       INTEGER,
  PRIMARY KEY (space, seq)
);
CREATE INDEX reports_by_status ON reports(space, status, seq);
CREATE INDEX reports_by_key ON reports(space, command, key, status);

-- Every moderator change, numbered per space. `targets_json` lists what changed; `before_json` and
-- `after_json` hold each target's state (null = absent) in the same order, so /undo can restore it.
CREATE TABLE mod_audit (
  space         TEXT NOT NULL,
  seq           INTEGER NOT NULL,
  at            INTEGER NOT NULL,
  actor_id      TEXT NOT NULL,
  actor_name    TEXT NOT NULL,
  action        TEXT NOT NULL,
  summary       TEXT NOT NULL,
  targets_json  TEXT NOT NULL,
  before_json   TEXT NOT NULL,
  after_json    TEXT NOT NULL,
  undoes        INTEGER,
  undone_by     INTEGER,
  PRIMARY KEY (space, seq)
);
