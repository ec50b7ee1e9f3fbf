-- Follow-up actions behind buttons: the id is a hash of the payload, so a button works after a restart.
CREATE TABLE actions (
  id           TEXT PRIMARY KEY,
  payload_json TEXT NOT NULL,
  created_at   INTEGER NOT NULL
);

-- Term statistics for ranking sentences in /ask and /compare (document frequency per stemmed term).
CREATE VIRTUAL TABLE passages_vocab USING fts5vocab(passages_fts, 'row');
