-- The corpus vocabulary as written (lower case, diacritics folded), with the number of passages
-- using each word: how the answer engine finds another spelling of a word the user typed
-- (Rjutin → Ryutin, collectivization → collectivisation) without scanning every text.
CREATE TABLE words (
  word TEXT PRIMARY KEY,
  df   INTEGER NOT NULL
) WITHOUT ROWID;
