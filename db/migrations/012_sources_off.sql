-- Shared sources a space's moderators turned off (/source disable ID): that space's answers,
-- comparisons, quizzes, suggestions and citations leave the source out; other spaces keep it.
CREATE TABLE IF NOT EXISTS sources_off (
  space      TEXT NOT NULL,
  source_id  TEXT NOT NULL,
  by_id      TEXT NOT NULL,
  by_name    TEXT NOT NULL,
  at         INTEGER NOT NULL,
  PRIMARY KEY (space, source_id)
) WITHOUT ROWID;
