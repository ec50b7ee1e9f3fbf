-- Where each note's marker stood in its passage's text, so a note belongs to one sentence, not to
-- the whole passage. NULL for notes whose profile does not place them (the corpus is re-ingested
-- when the segmenter version changes, which fills it).
ALTER TABLE notes ADD COLUMN at INTEGER;
