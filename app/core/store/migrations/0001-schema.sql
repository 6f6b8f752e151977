-- Vigil schema v1: the whole domain model of DESIGN.md.
--
-- Portable SQL for SQLite and PostgreSQL. {{ID}} becomes each engine's auto-increment
-- primary key. Dates are ISO 8601 text ("YYYY-MM-DD"), timestamps ISO 8601 UTC text,
-- booleans 0/1, choices their stable codes. Statements end with ";" at the end of a line.
-- Every mutable table has rev (optimistic lock), created_at, updated_at, updated_by.
-- Append-only tables (import_rejection, score) have no rev.

CREATE TABLE vigil_meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE person (
  id {{ID}},
  rev BIGINT NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  uuid TEXT NOT NULL UNIQUE,
  surname TEXT NOT NULL,
  forenames TEXT,
  dob TEXT,
  gender TEXT,
  pnc_id TEXT,
  local_ref TEXT UNIQUE,
  notes TEXT
);
CREATE INDEX person_name_idx ON person (surname, forenames);
CREATE INDEX person_pnc_idx ON person (pnc_id);

CREATE TABLE person_alias (
  id {{ID}},
  rev BIGINT NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  person_id BIGINT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  alias TEXT NOT NULL,
  alias_kind TEXT
);
CREATE INDEX person_alias_person_idx ON person_alias (person_id);

CREATE TABLE import_batch (
  id {{ID}},
  rev BIGINT NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  file_name TEXT,
  sha256 TEXT,
  kind TEXT NOT NULL,
  status TEXT NOT NULL,
  rows_total BIGINT NOT NULL DEFAULT 0,
  rows_imported BIGINT NOT NULL DEFAULT 0,
  rows_rejected BIGINT NOT NULL DEFAULT 0,
  rows_duplicate BIGINT NOT NULL DEFAULT 0,
  imported_by TEXT,
  started_at TEXT,
  finished_at TEXT
);

CREATE TABLE import_rejection (
  id {{ID}},
  batch_id BIGINT NOT NULL REFERENCES import_batch (id) ON DELETE CASCADE,
  line_number BIGINT NOT NULL DEFAULT 0,
  field TEXT,
  reason TEXT NOT NULL,
  raw_text TEXT
);
CREATE INDEX import_rejection_batch_idx ON import_rejection (batch_id);

CREATE TABLE incident (
  id {{ID}},
  rev BIGINT NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  source TEXT NOT NULL,
  source_ref TEXT NOT NULL,
  occurred_at TEXT NOT NULL,
  perpetrator_id BIGINT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  victim_id BIGINT REFERENCES person (id) ON DELETE SET NULL,
  relationship TEXT NOT NULL,
  offence_code TEXT NOT NULL,
  dash_risk TEXT,
  stalking BIGINT NOT NULL DEFAULT 0,
  area TEXT,
  batch_id BIGINT REFERENCES import_batch (id) ON DELETE SET NULL,
  UNIQUE (source, source_ref)
);
CREATE INDEX incident_perpetrator_idx ON incident (perpetrator_id, occurred_at);
CREATE INDEX incident_victim_idx ON incident (victim_id);

CREATE TABLE agency_flag (
  id {{ID}},
  rev BIGINT NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  person_id BIGINT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  agency TEXT NOT NULL,
  concern TEXT NOT NULL,
  reported_on TEXT,
  reported_by TEXT,
  isa_reference TEXT,
  batch_id BIGINT REFERENCES import_batch (id) ON DELETE SET NULL
);
CREATE INDEX agency_flag_person_idx ON agency_flag (person_id);

CREATE TABLE profile (
  id {{ID}},
  rev BIGINT NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  name TEXT NOT NULL UNIQUE,
  definition TEXT NOT NULL,
  sha256 TEXT
);

CREATE TABLE score_run (
  id {{ID}},
  rev BIGINT NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  profile_id BIGINT REFERENCES profile (id) ON DELETE SET NULL,
  as_of TEXT NOT NULL,
  run_by TEXT,
  started_at TEXT,
  finished_at TEXT,
  people_scored BIGINT NOT NULL DEFAULT 0
);

CREATE TABLE score (
  id {{ID}},
  run_id BIGINT NOT NULL REFERENCES score_run (id) ON DELETE CASCADE,
  person_id BIGINT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  r BIGINT NOT NULL DEFAULT 0,
  f BIGINT NOT NULL DEFAULT 0,
  g BIGINT NOT NULL DEFAULT 0,
  v BIGINT NOT NULL DEFAULT 0,
  total DOUBLE PRECISION NOT NULL DEFAULT 0,
  rank BIGINT NOT NULL DEFAULT 0,
  area TEXT,
  area_rank BIGINT NOT NULL DEFAULT 0,
  latest_incident TEXT
);
CREATE INDEX score_run_rank_idx ON score (run_id, rank);
CREATE INDEX score_person_idx ON score (person_id, run_id);

CREATE TABLE cohort_entry (
  id {{ID}},
  rev BIGINT NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  person_id BIGINT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  status TEXT NOT NULL,
  route TEXT NOT NULL,
  lead_agency TEXT,
  lead_officer TEXT,
  area TEXT,
  identified_on TEXT,
  adopted_on TEXT,
  next_review_on TEXT,
  exited_on TEXT,
  exit_reason TEXT,
  referral_source TEXT,
  referral_reason TEXT,
  managing_panel TEXT
);
CREATE INDEX cohort_entry_person_idx ON cohort_entry (person_id);
CREATE INDEX cohort_entry_status_idx ON cohort_entry (status);

CREATE TABLE decision (
  id {{ID}},
  rev BIGINT NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  person_id BIGINT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  cohort_entry_id BIGINT REFERENCES cohort_entry (id) ON DELETE SET NULL,
  kind TEXT NOT NULL,
  outcome TEXT,
  severity TEXT,
  immediacy TEXT,
  decided_by TEXT NOT NULL,
  decided_role TEXT,
  decided_on TEXT NOT NULL,
  rationale TEXT NOT NULL,
  proportionality TEXT,
  mopi_review_on TEXT
);
CREATE INDEX decision_person_idx ON decision (person_id);
CREATE INDEX decision_mopi_idx ON decision (mopi_review_on);

CREATE TABLE process_overlap (
  id {{ID}},
  rev BIGINT NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  person_id BIGINT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  process TEXT NOT NULL,
  status TEXT NOT NULL,
  mappa_category BIGINT NOT NULL DEFAULT 0,
  mappa_level BIGINT NOT NULL DEFAULT 0,
  started_on TEXT,
  ended_on TEXT,
  contact TEXT,
  notes TEXT
);
CREATE INDEX process_overlap_person_idx ON process_overlap (person_id);

CREATE TABLE agency_section (
  id {{ID}},
  rev BIGINT NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  person_id BIGINT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  agency TEXT NOT NULL,
  body TEXT,
  provided_by TEXT,
  isa_reference TEXT,
  provided_on TEXT,
  panel_visible BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX agency_section_person_idx ON agency_section (person_id);

CREATE TABLE victim_link (
  id {{ID}},
  rev BIGINT NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  perpetrator_id BIGINT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  victim_id BIGINT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  relationship TEXT,
  advocate TEXT,
  advocate_name TEXT,
  safety_plan BIGINT NOT NULL DEFAULT 0,
  safety_plan_on TEXT,
  consent_to_share BIGINT NOT NULL DEFAULT 0,
  notes TEXT
);
CREATE INDEX victim_link_perpetrator_idx ON victim_link (perpetrator_id);
CREATE INDEX victim_link_victim_idx ON victim_link (victim_id);

CREATE TABLE plan (
  id {{ID}},
  rev BIGINT NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  person_id BIGINT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  objectives TEXT,
  exit_strategy TEXT,
  scale_back_criteria TEXT,
  review_on TEXT,
  agreed_on TEXT
);
CREATE INDEX plan_person_idx ON plan (person_id);

CREATE TABLE intervention (
  id {{ID}},
  rev BIGINT NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  plan_id BIGINT NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
  option_code TEXT NOT NULL,
  owner_agency TEXT,
  owner_person TEXT,
  started_on TEXT,
  due_on TEXT,
  status TEXT NOT NULL,
  outcome TEXT,
  order_expires_on TEXT,
  conditions TEXT,
  notification_requirements TEXT,
  breaches BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX intervention_plan_idx ON intervention (plan_id);

CREATE TABLE panel_meeting (
  id {{ID}},
  rev BIGINT NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  title TEXT NOT NULL,
  area TEXT,
  meets_at TEXT NOT NULL,
  location TEXT,
  chair TEXT,
  status TEXT,
  protective_marking TEXT
);

CREATE TABLE attendance (
  id {{ID}},
  rev BIGINT NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  meeting_id BIGINT NOT NULL REFERENCES panel_meeting (id) ON DELETE CASCADE,
  agency TEXT NOT NULL,
  name TEXT,
  role TEXT,
  present BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX attendance_meeting_idx ON attendance (meeting_id);

CREATE TABLE agenda_item (
  id {{ID}},
  rev BIGINT NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  meeting_id BIGINT NOT NULL REFERENCES panel_meeting (id) ON DELETE CASCADE,
  person_id BIGINT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  sort_order BIGINT NOT NULL DEFAULT 0,
  reason TEXT,
  minutes TEXT,
  decisions TEXT
);
CREATE INDEX agenda_item_meeting_idx ON agenda_item (meeting_id, sort_order);

CREATE TABLE panel_action (
  id {{ID}},
  rev BIGINT NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  meeting_id BIGINT REFERENCES panel_meeting (id) ON DELETE SET NULL,
  agenda_item_id BIGINT REFERENCES agenda_item (id) ON DELETE SET NULL,
  person_id BIGINT REFERENCES person (id) ON DELETE CASCADE,
  description TEXT NOT NULL,
  owner_agency TEXT,
  owner_name TEXT,
  due_on TEXT,
  status TEXT NOT NULL,
  completed_on TEXT
);
CREATE INDEX panel_action_meeting_idx ON panel_action (meeting_id);
CREATE INDEX panel_action_person_idx ON panel_action (person_id);

CREATE TABLE outcome_observation (
  id {{ID}},
  rev BIGINT NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  person_id BIGINT NOT NULL REFERENCES person (id) ON DELETE CASCADE,
  victim_id BIGINT REFERENCES person (id) ON DELETE SET NULL,
  observed_on TEXT NOT NULL,
  source TEXT NOT NULL,
  measure TEXT NOT NULL,
  rating BIGINT NOT NULL DEFAULT 0,
  note TEXT
);
CREATE INDEX outcome_observation_person_idx ON outcome_observation (person_id, observed_on);

-- The audit log: append-only; each row's hash covers the previous row's hash, and
-- audit_head holds the newest sequence number and hash (so removing the newest rows
-- is detected too). It holds field names, never values: removing a person's records
-- (MoPI) removes their data.
CREATE TABLE audit (
  id {{ID}},
  seq BIGINT NOT NULL UNIQUE,
  logged_at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id BIGINT NOT NULL DEFAULT 0,
  person_id BIGINT NOT NULL DEFAULT 0,
  detail TEXT,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_person_idx ON audit (person_id, seq);

CREATE TABLE audit_head (
  id BIGINT PRIMARY KEY,
  seq BIGINT NOT NULL,
  hash TEXT NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000');
