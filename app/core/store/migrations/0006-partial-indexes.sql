-- Vigil schema v6: the index of PNC IDs holds only the people who have one. A PNC ID
-- comes only with some extracts, so the full index held an entry for nearly every
-- person (a million for a large import) for lookups that only ever ask for a value
-- (pnc_id = ?), which both engines answer from the partial index.
-- (person_merged_into_idx stays whole: the people lists filter merged_into IS NULL,
-- and the full index answers that without reading the person rows.)
DROP INDEX person_pnc_idx;
CREATE INDEX person_pnc_idx ON person (pnc_id) WHERE pnc_id IS NOT NULL;
