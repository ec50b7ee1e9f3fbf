-- Term statistics now come from the words table (006), which keeps words as written; the FTS5
-- vocabulary view that the retired sentence ranking read is no longer needed.
DROP TABLE IF EXISTS passages_vocab;
