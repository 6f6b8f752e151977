-- Vigil schema v4: merging duplicate people. A merged person's row stays as a
-- tombstone pointing at the person it was merged into, so that a later import of
-- the old reference lands on the kept person; every other row that named the
-- merged person names the kept one instead (see vigil_duplicates_merge).
ALTER TABLE person ADD COLUMN merged_into BIGINT REFERENCES person (id);
CREATE INDEX person_merged_into_idx ON person (merged_into);
