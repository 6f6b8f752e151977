-- Vigil schema v5: a cache of the compact scoring facts (see vigil-fact-cache.c), so
-- that a refresh need not read every incident again. The serialised fact set is cut
-- into parts, in order; every part carries the tag of what it was read from: the
-- store's facts generation (vigil_meta "facts_generation", bumped by every writer of
-- incidents or people's references) and the count and largest id of the incidents
-- and of the people. A part whose tag differs from the store's is never used.
-- BYTEA is PostgreSQL's binary type; SQLite keeps a blob as it is given.
CREATE TABLE fact_cache (
  part BIGINT PRIMARY KEY,
  n_parts BIGINT NOT NULL,
  facts_generation BIGINT NOT NULL,
  n_incidents BIGINT NOT NULL,
  max_incident_id BIGINT NOT NULL,
  n_persons BIGINT NOT NULL,
  max_person_id BIGINT NOT NULL,
  data BYTEA NOT NULL
);
