-- Vigil schema v7: whether the person engages with the plan (principle 7: options for
-- engaging and non-engaging perpetrators), so the planner can offer and check the
-- interventions that suit them. NULL: not yet known.
ALTER TABLE plan ADD COLUMN engagement TEXT;
