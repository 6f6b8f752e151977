-- Vigil schema v2: possible duplicate people found on import (same PNC ID, or the same
-- normalised name and date of birth under another reference), for a person to merge
-- or keep apart; the decision is recorded here and in the audit log.

CREATE TABLE person_duplicate (
  id {{ID}},
  rev BIGINT NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  person_id BIGINT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  other_person_id BIGINT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  reason TEXT NOT NULL,
  status TEXT NOT NULL,
  batch_id BIGINT REFERENCES import_batch (id) ON DELETE SET NULL,
  decided_by TEXT,
  decided_on TEXT,
  rationale TEXT,
  UNIQUE (person_id, other_person_id)
);
CREATE INDEX person_duplicate_status_idx ON person_duplicate (status);
