-- Vigil schema v3: each stored score says whether the person was in the run's cohort
-- (the profile's cohort rule), so the next run can tell entrants and dropped people.
ALTER TABLE score ADD COLUMN in_cohort BIGINT NOT NULL DEFAULT 0;
