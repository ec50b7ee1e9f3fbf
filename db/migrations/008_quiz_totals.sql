-- Running totals per member and space, kept in the transaction that records each answer, so the
-- all-time leaderboard and /quiz stats read one row per member instead of every answer.
-- streak: right answers since the latest wrong one; best_streak: the longest such run.
CREATE TABLE quiz_totals (
  space       TEXT NOT NULL,
  user_id     TEXT NOT NULL,
  user_name   TEXT NOT NULL,
  answered    INTEGER NOT NULL,
  right       INTEGER NOT NULL,
  streak      INTEGER NOT NULL,
  best_streak INTEGER NOT NULL,
  PRIMARY KEY (space, user_id)
) WITHOUT ROWID;
CREATE INDEX quiz_totals_rank ON quiz_totals(space, right DESC, answered);

-- Backfill from the answers already recorded: a run is the right answers between two wrong ones
-- (grp counts the wrong answers so far); the streak is the last run, the best the longest.
INSERT INTO quiz_totals (space, user_id, user_name, answered, right, streak, best_streak)
WITH a AS (
  SELECT rowid AS rid, space, user_id, correct,
         sum(1 - correct) OVER (PARTITION BY space, user_id ORDER BY rowid) AS grp
  FROM quiz_answers WHERE practice = 0
),
runs AS (SELECT space, user_id, grp, sum(correct) AS len FROM a GROUP BY space, user_id, grp),
per AS (SELECT space, user_id, count(*) AS answered, sum(correct) AS right, max(grp) AS last FROM a GROUP BY space, user_id)
SELECT p.space, p.user_id,
       (SELECT user_name FROM quiz_answers n WHERE n.space = p.space AND n.user_id = p.user_id ORDER BY n.rowid DESC LIMIT 1),
       p.answered, p.right,
       coalesce((SELECT len FROM runs r WHERE r.space = p.space AND r.user_id = p.user_id AND r.grp = p.last), 0),
       coalesce((SELECT max(len) FROM runs r WHERE r.space = p.space AND r.user_id = p.user_id), 0)
FROM per p;

-- Weekly and monthly standings read the period's answers per member, in member order, from the
-- index alone (the "already answered" check keeps quiz_answers_question, from 005).
CREATE INDEX quiz_answers_standings ON quiz_answers(space, practice, user_id, answered_at, correct);
