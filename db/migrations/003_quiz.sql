-- Quizzes: the generated question bank, per-space moderation, posts, answers, reviews, schedules.

-- Questions. Generated ones are shared by every space (they come from the corpus) and are tagged
-- with the corpus fingerprint that produced them; a moderator's own belong to one space.
CREATE TABLE quiz_questions (
  id          TEXT PRIMARY KEY,
  fingerprint TEXT,
  space       TEXT,
  kind        TEXT NOT NULL,
  ord         INTEGER NOT NULL,
  body_json   TEXT NOT NULL,
  created_at  INTEGER NOT NULL,
  CHECK ((fingerprint IS NULL) <> (space IS NULL))
);
CREATE INDEX quiz_questions_fp ON quiz_questions(fingerprint, ord);
CREATE INDEX quiz_questions_space ON quiz_questions(space, ord);

-- One row per corpus fingerprint whose questions have been generated.
CREATE TABLE quiz_banks (
  fingerprint TEXT PRIMARY KEY,
  questions   INTEGER NOT NULL,
  created_at  INTEGER NOT NULL
);

CREATE TABLE quiz_settings (
  space         TEXT PRIMARY KEY,
  approval      INTEGER NOT NULL DEFAULT 0,
  close_minutes INTEGER NOT NULL DEFAULT 60
);

-- A space's view of a question: its moderation status and any edit its moderators made.
CREATE TABLE quiz_question_space (
  space         TEXT NOT NULL,
  question_id   TEXT NOT NULL REFERENCES quiz_questions(id) ON DELETE CASCADE,
  status        TEXT NOT NULL CHECK (status IN ('approved', 'pending', 'rejected')),
  override_json TEXT,
  updated_at    INTEGER NOT NULL,
  PRIMARY KEY (space, question_id)
) WITHOUT ROWID;

-- A run of 1–10 questions started by /quiz, a schedule or /quiz review (for_user set: personal).
CREATE TABLE quiz_runs (
  id                INTEGER PRIMARY KEY,
  space             TEXT NOT NULL,
  where_json        TEXT NOT NULL,
  topic             TEXT,
  questions_json    TEXT NOT NULL,
  for_user          TEXT,
  created_by        TEXT NOT NULL,
  created_at        INTEGER NOT NULL
);

-- One posted question. The question as shown is kept, so answers are judged against what was seen.
CREATE TABLE quiz_posts (
  id          INTEGER PRIMARY KEY,
  run_id      INTEGER NOT NULL REFERENCES quiz_runs(id),
  run_index   INTEGER NOT NULL,
  space       TEXT NOT NULL,
  question_id TEXT NOT NULL,
  body_json   TEXT NOT NULL,
  for_user    TEXT,
  created_at  INTEGER NOT NULL,
  closes_at   INTEGER NOT NULL,
  closed_at   INTEGER,
  closed_by   TEXT,
  UNIQUE (run_id, run_index)
);
CREATE INDEX quiz_posts_open ON quiz_posts(closed_at, closes_at);
CREATE INDEX quiz_posts_space ON quiz_posts(space, question_id);

-- Each user answers each post once: the UNIQUE key makes double clicks and retries no-ops.
CREATE TABLE quiz_answers (
  post_id     INTEGER NOT NULL REFERENCES quiz_posts(id),
  user_id     TEXT NOT NULL,
  user_name   TEXT NOT NULL,
  space       TEXT NOT NULL,
  question_id TEXT NOT NULL,
  choice      INTEGER NOT NULL,
  correct     INTEGER NOT NULL,
  practice    INTEGER NOT NULL,
  answered_at INTEGER NOT NULL,
  UNIQUE (post_id, user_id)
);
CREATE INDEX quiz_answers_space ON quiz_answers(space, answered_at);
CREATE INDEX quiz_answers_user ON quiz_answers(space, user_id);

-- Spaced repetition of questions a user got wrong: step 0 = due after 1 day, then 3, 7, 14… days.
CREATE TABLE quiz_reviews (
  space       TEXT NOT NULL,
  user_id     TEXT NOT NULL,
  question_id TEXT NOT NULL,
  step        INTEGER NOT NULL,
  due_at      INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL,
  PRIMARY KEY (space, user_id, question_id)
) WITHOUT ROWID;
CREATE INDEX quiz_reviews_due ON quiz_reviews(space, user_id, due_at);

CREATE TABLE quiz_schedules (
  id               INTEGER PRIMARY KEY,
  space            TEXT NOT NULL,
  channel          TEXT NOT NULL,
  where_json       TEXT NOT NULL,
  pattern          TEXT NOT NULL,
  label            TEXT NOT NULL,
  timezone         TEXT NOT NULL,
  topic            TEXT,
  count            INTEGER NOT NULL,
  max_late_minutes INTEGER NOT NULL,
  created_by       TEXT NOT NULL,
  created_at       INTEGER NOT NULL
);
CREATE INDEX quiz_schedules_space ON quiz_schedules(space, channel);

-- A scheduled slot is claimed here before it is posted: the primary key lets one claimant win.
CREATE TABLE quiz_slots (
  schedule_id INTEGER NOT NULL REFERENCES quiz_schedules(id) ON DELETE CASCADE,
  slot_time   INTEGER NOT NULL,
  owner       TEXT NOT NULL,
  claimed_at  INTEGER NOT NULL,
  posted_at   INTEGER,
  error       TEXT,
  PRIMARY KEY (schedule_id, slot_time)
) WITHOUT ROWID;
