-- Vigil schema v6: the indexes of columns that most rows leave empty hold only the rows
-- that have a value. A person is merged into another rarely, and a PNC ID comes only
-- with some extracts: the full indexes held an entry for every person (a million for a
-- large import), each written one by one, for lookups that only ever ask for a value
-- (merged_into = ?, pnc_id = ?), which both engines answer from the partial index.
DROP INDEX person_merged_into_idx;
CREATE INDEX person_merged_into_idx ON person (merged_into) WHERE merged_into IS NOT NULL;
DROP INDEX person_pnc_idx;
CREATE INDEX person_pnc_idx ON person (pnc_id) WHERE pnc_id IS NOT NULL;
