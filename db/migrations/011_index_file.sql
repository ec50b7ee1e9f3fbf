-- The corpus index moves to its own file (db/index/schema.sql, attached as `corpus`): the state file
-- keeps only what cannot be rebuilt. The index is rebuilt from corpus/ on the next start.
DROP TABLE IF EXISTS main.passages_fts;
DROP TABLE IF EXISTS main.sentences;
DROP TABLE IF EXISTS main.notes;
DROP TABLE IF EXISTS main.extras;
DROP TABLE IF EXISTS main.index_entries;
DROP TABLE IF EXISTS main.people;
DROP TABLE IF EXISTS main.words;
DROP TABLE IF EXISTS main.passages;
DROP TABLE IF EXISTS main.sections;
DROP TABLE IF EXISTS main.sources;
DROP TABLE IF EXISTS main.meta;
