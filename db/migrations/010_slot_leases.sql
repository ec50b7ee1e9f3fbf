-- A claimed slot is a lease, not a promise: a claimer that dies before recording an outcome
-- leaves a slot that another scheduler takes over once the lease ends. The run made for the slot
-- is recorded with the claim, so a takeover posts that run again (with the same platform nonce)
-- instead of making a second one. Every slot ends with an outcome: posted, failed or skipped.
ALTER TABLE quiz_slots ADD COLUMN lease_until INTEGER;
ALTER TABLE quiz_slots ADD COLUMN attempts INTEGER NOT NULL DEFAULT 1;
ALTER TABLE quiz_slots ADD COLUMN outcome TEXT CHECK (outcome IN ('posted', 'failed', 'skipped'));
ALTER TABLE quiz_slots ADD COLUMN run_id INTEGER;
UPDATE quiz_slots SET outcome = CASE WHEN posted_at IS NOT NULL THEN 'posted' WHEN error IS NOT NULL THEN 'failed' END;
CREATE INDEX quiz_slots_open ON quiz_slots (lease_until) WHERE outcome IS NULL;
