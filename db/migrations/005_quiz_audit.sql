-- Quiz administration under the audit log, scoring each question once, and closed results that
-- failed to post.

-- A removed schedule is kept (removed_at set) so /undo can bring it back with its id and its
-- claimed slots: deleting it would drop those slots (ON DELETE CASCADE) and a restored schedule
-- could post a slot that was already posted.
ALTER TABLE quiz_schedules ADD COLUMN removed_at INTEGER;

-- Whether a closed question's result post reached its channel (set by the scheduler).
ALTER TABLE quiz_posts ADD COLUMN result_posted_at INTEGER;
ALTER TABLE quiz_posts ADD COLUMN result_error TEXT;

-- A question counts once per member: the first scored answer. Finding it is a lookup per answer.
CREATE INDEX quiz_answers_question ON quiz_answers(space, user_id, question_id);

-- Answers recorded before that rule to a question the member had already answered become practice.
UPDATE quiz_answers SET practice = 1
WHERE practice = 0
  AND EXISTS (
    SELECT 1 FROM quiz_answers e
    WHERE e.space = quiz_answers.space AND e.user_id = quiz_answers.user_id AND e.question_id = quiz_answers.question_id
      AND e.practice = 0 AND e.rowid < quiz_answers.rowid
  );
