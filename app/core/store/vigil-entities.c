/* vigil-entities.c: the descriptions of the domain records (schema v1)
 *
 * Each VigilRecordType lists the columns of its table in migrations/0001-schema.sql;
 * tests/core/test-records.c writes and reads every field of every type on both
 * engines, so the two cannot drift apart unnoticed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-entities"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-entities.h"

/* Choices */

const char * const vigil_gender_choices[] = { "female", "male", "non_binary", "unknown", NULL };
const char * const vigil_relationship_choices[] = { "intimate_partner", "ex_partner", "family", "non_domestic", NULL };
const char * const vigil_dash_risk_choices[] = { "standard", "medium", "high", NULL };
const char * const vigil_agency_choices[] = {
  "police", "probation", "housing", "childrens_social_care", "adults_social_care",
  "mental_health", "substance_misuse", "perpetrator_programme", "idva", "isac", "other", NULL
};
const char * const vigil_flag_agency_choices[] = {
  "health", "mental_health", "housing", "substance_misuse", "childrens_social_care",
  "adults_social_care", "education", "probation", "other", NULL
};
const char * const vigil_cohort_status_choices[] = {
  "candidate", "under_review", "managed", "scaling_back", "exited", "of_concern", NULL
};
const char * const vigil_route_choices[] = {
  "rfgv", "stalking_referral", "agency_referral", "professional_judgement", NULL
};
const char * const vigil_exit_reason_choices[] = {
  "risk_reduced", "plan_completed", "managed_elsewhere", "custody", "moved_out_of_area",
  "deceased", "no_longer_meets_criteria", "other", NULL
};
const char * const vigil_decision_kind_choices[] = {
  "assessment", "pnc_flag", "pnd", "visor", "local_database", "panel_adoption",
  "override_include", "override_exclude", "status_change", "exit", "mopi_review", NULL
};
const char * const vigil_severity_choices[] = { "low", "medium", "high", "very_high", NULL };
const char * const vigil_immediacy_choices[] = { "not_imminent", "soon", "imminent", NULL };
const char * const vigil_process_choices[] = {
  "marac", "mappa", "iom", "drive", "masip", "matac", "childrens_social_care",
  "adults_social_care", "probation", "other", NULL
};
const char * const vigil_process_status_choices[] = { "active", "closed", NULL };
const char * const vigil_advocate_choices[] = { "idva", "isac", "none", NULL };
const char * const vigil_intervention_status_choices[] = {
  "proposed", "agreed", "in_progress", "completed", "not_progressed", "breached", NULL
};
const char * const vigil_meeting_status_choices[] = { "scheduled", "held", "cancelled", NULL };
const char * const vigil_agenda_reason_choices[] = {
  "new_adoption", "review_due", "riser", "exit", "other", NULL
};
const char * const vigil_action_status_choices[] = { "open", "done", "cancelled", NULL };
const char * const vigil_engagement_choices[] = { "engaging", "non_engaging", NULL };
const char * const vigil_outcome_source_choices[] = { "victim_reported", "idva_rated", NULL };
const char * const vigil_outcome_measure_choices[] = {
  "feels_safe", "risk_level", "abuse_frequency", "wellbeing", NULL
};
const char * const vigil_alias_kind_choices[] = { "name", "nickname", "online_handle", NULL };
const char * const vigil_batch_kind_choices[] = { "incidents", "agency_flags", NULL };
const char * const vigil_duplicate_reason_choices[] = { "same_pnc", "same_name_dob", NULL };
const char * const vigil_duplicate_status_choices[] = { "open", "merged", "kept_apart", NULL };
const char * const vigil_batch_status_choices[] = { "running", "complete", "cancelled", "failed", NULL };

static const struct
{
  const char *code;
  const char *label;
} choice_labels[] = {
  { "engaging", N_("Engaging") },
  { "non_engaging", N_("Not engaging") },
  { "female", N_("Female") },
  { "male", N_("Male") },
  { "non_binary", N_("Non-binary") },
  { "unknown", N_("Unknown") },
  { "intimate_partner", N_("Intimate partner") },
  { "ex_partner", N_("Ex-partner") },
  { "family", N_("Family member") },
  { "non_domestic", N_("Non-domestic") },
  { "standard", N_("Standard") },
  { "medium", N_("Medium") },
  { "high", N_("High") },
  { "police", N_("Police") },
  { "probation", N_("Probation") },
  { "housing", N_("Housing") },
  { "childrens_social_care", N_("Children’s social care") },
  { "adults_social_care", N_("Adults’ social care") },
  { "mental_health", N_("Mental health") },
  { "substance_misuse", N_("Substance misuse") },
  { "perpetrator_programme", N_("Perpetrator programme") },
  { "idva", N_("IDVA") },
  { "isac", N_("ISAC") },
  { "other", N_("Other") },
  { "health", N_("Health") },
  { "education", N_("Education") },
  { "candidate", N_("Candidate") },
  { "under_review", N_("Under review") },
  { "managed", N_("Managed") },
  { "scaling_back", N_("Scaling back") },
  { "exited", N_("Exited") },
  { "of_concern", N_("Of concern") },
  { "rfgv", N_("RFGV score") },
  { "stalking_referral", N_("Stalking referral") },
  { "agency_referral", N_("Agency referral") },
  { "professional_judgement", N_("Professional judgement") },
  { "risk_reduced", N_("Risk reduced") },
  { "plan_completed", N_("Plan completed") },
  { "managed_elsewhere", N_("Managed by another process") },
  { "custody", N_("In custody") },
  { "moved_out_of_area", N_("Moved out of area") },
  { "deceased", N_("Deceased") },
  { "no_longer_meets_criteria", N_("No longer meets criteria") },
  { "assessment", N_("Assessment of risk") },
  { "pnc_flag", N_("PNC flag") },
  { "pnd", N_("PND entry") },
  { "visor", N_("ViSOR") },
  { "local_database", N_("Local database") },
  { "panel_adoption", N_("Panel adoption") },
  { "override_include", N_("Included against the score") },
  { "override_exclude", N_("Excluded against the score") },
  { "status_change", N_("Status change") },
  { "exit", N_("Exit") },
  { "mopi_review", N_("MoPI review") },
  { "low", N_("Low") },
  { "very_high", N_("Very high") },
  { "not_imminent", N_("Not imminent") },
  { "soon", N_("Soon") },
  { "imminent", N_("Imminent") },
  { "marac", N_("MARAC") },
  { "mappa", N_("MAPPA") },
  { "iom", N_("IOM") },
  { "drive", N_("Drive") },
  { "masip", N_("MASIP") },
  { "matac", N_("MATAC") },
  { "active", N_("Active") },
  { "closed", N_("Closed") },
  { "none", N_("None") },
  { "proposed", N_("Proposed") },
  { "agreed", N_("Agreed") },
  { "in_progress", N_("In progress") },
  { "completed", N_("Completed") },
  { "not_progressed", N_("Not progressed") },
  { "breached", N_("Breached") },
  { "scheduled", N_("Scheduled") },
  { "held", N_("Held") },
  { "cancelled", N_("Cancelled") },
  { "new_adoption", N_("New adoption") },
  { "review_due", N_("Review due") },
  { "riser", N_("Rising score") },
  { "open", N_("Open") },
  { "done", N_("Done") },
  { "victim_reported", N_("Victim-reported") },
  { "idva_rated", N_("IDVA-rated") },
  { "feels_safe", N_("Feels safe") },
  { "risk_level", N_("Risk level") },
  { "abuse_frequency", N_("Abuse frequency") },
  { "wellbeing", N_("Wellbeing") },
  { "name", N_("Name") },
  { "nickname", N_("Nickname") },
  { "online_handle", N_("Online handle") },
  { "incidents", N_("Incidents") },
  { "agency_flags", N_("Agency information") },
  { "running", N_("Running") },
  { "complete", N_("Complete") },
  { "failed", N_("Failed") },
  { "same_pnc", N_("Same PNC ID") },
  { "same_name_dob", N_("Same name and date of birth") },
  { "merged", N_("Merged") },
  { "kept_apart", N_("Kept apart") },
};

/**
 * vigil_choice_get_label:
 *
 * Returns: the translated label of @code, or @code itself when it is not one of
 *   @choices (so a value from a newer version still shows).
 */
const char *
vigil_choice_get_label (const char * const *choices,
                        const char         *code)
{
  gboolean known = FALSE;

  if (code == NULL)
    return NULL;

  for (guint i = 0; choices != NULL && choices[i] != NULL; i++)
    if (g_str_equal (choices[i], code))
      known = TRUE;

  if (known || choices == NULL)
    for (guint i = 0; i < G_N_ELEMENTS (choice_labels); i++)
      if (g_str_equal (choice_labels[i].code, code))
        return _(choice_labels[i].label);

  return code;
}

/* Field descriptions */

#define TEXT(S, name, flags, label) \
  { #name, VIGIL_FIELD_TEXT, G_STRUCT_OFFSET (S, name), flags, NULL, label }
#define CHOICE(S, name, flags, choices, label) \
  { #name, VIGIL_FIELD_CHOICE, G_STRUCT_OFFSET (S, name), flags, choices, label }
#define DATE(S, name, flags, label) \
  { #name, VIGIL_FIELD_DATE, G_STRUCT_OFFSET (S, name), flags, NULL, label }
#define DATETIME(S, name, flags, label) \
  { #name, VIGIL_FIELD_DATETIME, G_STRUCT_OFFSET (S, name), flags, NULL, label }
#define INT(S, name, label) \
  { #name, VIGIL_FIELD_INT, G_STRUCT_OFFSET (S, name), 0, NULL, label }
#define BOOL(S, name, label) \
  { #name, VIGIL_FIELD_BOOL, G_STRUCT_OFFSET (S, name), 0, NULL, label }
#define DOUBLE(S, name, label) \
  { #name, VIGIL_FIELD_DOUBLE, G_STRUCT_OFFSET (S, name), 0, NULL, label }
#define REF(S, name, flags, label) \
  { #name, VIGIL_FIELD_REF, G_STRUCT_OFFSET (S, name), flags, NULL, label }

#define REQ VIGIL_FIELD_REQUIRED

#define RECORD_TYPE(var, S, tbl, lbl, flg, person) \
  const VigilRecordType var = { tbl, lbl, sizeof (S), var##_fields, G_N_ELEMENTS (var##_fields), flg, person }

static const VigilField vigil_person_type_fields[] = {
  TEXT (VigilPerson, uuid, VIGIL_FIELD_UUID, N_("identifier")),
  TEXT (VigilPerson, surname, REQ, N_("surname")),
  TEXT (VigilPerson, forenames, 0, N_("forenames")),
  DATE (VigilPerson, dob, 0, N_("date of birth")),
  CHOICE (VigilPerson, gender, 0, vigil_gender_choices, N_("gender")),
  TEXT (VigilPerson, pnc_id, 0, N_("PNC ID")),
  TEXT (VigilPerson, local_ref, 0, N_("reference")),
  TEXT (VigilPerson, notes, 0, N_("notes")),
};
RECORD_TYPE (vigil_person_type, VigilPerson, "person", N_("person"), VIGIL_RECORD_MUTABLE, "id");

static const VigilField vigil_person_alias_type_fields[] = {
  REF (VigilPersonAlias, person_id, REQ, N_("person")),
  TEXT (VigilPersonAlias, alias, REQ, N_("alias")),
  CHOICE (VigilPersonAlias, alias_kind, 0, vigil_alias_kind_choices, N_("kind of alias")),
};
RECORD_TYPE (vigil_person_alias_type, VigilPersonAlias, "person_alias", N_("alias"), VIGIL_RECORD_MUTABLE, "person_id");

static const VigilField vigil_import_batch_type_fields[] = {
  TEXT (VigilImportBatch, file_name, 0, N_("file name")),
  TEXT (VigilImportBatch, sha256, 0, N_("checksum")),
  CHOICE (VigilImportBatch, kind, REQ, vigil_batch_kind_choices, N_("kind")),
  CHOICE (VigilImportBatch, status, REQ, vigil_batch_status_choices, N_("status")),
  INT (VigilImportBatch, rows_total, N_("rows read")),
  INT (VigilImportBatch, rows_imported, N_("rows imported")),
  INT (VigilImportBatch, rows_rejected, N_("rows rejected")),
  INT (VigilImportBatch, rows_duplicate, N_("rows already known")),
  TEXT (VigilImportBatch, imported_by, 0, N_("imported by")),
  DATETIME (VigilImportBatch, started_at, 0, N_("start")),
  DATETIME (VigilImportBatch, finished_at, 0, N_("end")),
};
RECORD_TYPE (vigil_import_batch_type, VigilImportBatch, "import_batch", N_("import batch"), VIGIL_RECORD_MUTABLE, NULL);

static const VigilField vigil_import_rejection_type_fields[] = {
  REF (VigilImportRejection, batch_id, REQ, N_("import batch")),
  INT (VigilImportRejection, line_number, N_("line")),
  TEXT (VigilImportRejection, field, 0, N_("field")),
  TEXT (VigilImportRejection, reason, REQ, N_("reason")),
  TEXT (VigilImportRejection, raw_text, 0, N_("row as read")),
};
RECORD_TYPE (vigil_import_rejection_type, VigilImportRejection, "import_rejection", N_("rejected row"), VIGIL_RECORD_APPEND_ONLY, NULL);

static const VigilField vigil_incident_type_fields[] = {
  TEXT (VigilIncident, source, REQ, N_("source")),
  TEXT (VigilIncident, source_ref, REQ, N_("incident reference")),
  DATETIME (VigilIncident, occurred_at, REQ, N_("date")),
  REF (VigilIncident, perpetrator_id, REQ, N_("perpetrator")),
  REF (VigilIncident, victim_id, 0, N_("victim")),
  CHOICE (VigilIncident, relationship, REQ, vigil_relationship_choices, N_("relationship")),
  TEXT (VigilIncident, offence_code, REQ, N_("offence")),
  CHOICE (VigilIncident, dash_risk, 0, vigil_dash_risk_choices, N_("DASH risk")),
  BOOL (VigilIncident, stalking, N_("stalking")),
  TEXT (VigilIncident, area, 0, N_("area")),
  REF (VigilIncident, batch_id, 0, N_("import batch")),
};
RECORD_TYPE (vigil_incident_type, VigilIncident, "incident", N_("incident"), VIGIL_RECORD_MUTABLE, "perpetrator_id");

static const VigilField vigil_agency_flag_type_fields[] = {
  REF (VigilAgencyFlag, person_id, REQ, N_("person")),
  CHOICE (VigilAgencyFlag, agency, REQ, vigil_flag_agency_choices, N_("agency")),
  TEXT (VigilAgencyFlag, concern, REQ, N_("concern")),
  DATE (VigilAgencyFlag, reported_on, 0, N_("date reported")),
  TEXT (VigilAgencyFlag, reported_by, 0, N_("reported by")),
  TEXT (VigilAgencyFlag, isa_reference, 0, N_("information-sharing agreement")),
  REF (VigilAgencyFlag, batch_id, 0, N_("import batch")),
};
RECORD_TYPE (vigil_agency_flag_type, VigilAgencyFlag, "agency_flag", N_("agency flag"), VIGIL_RECORD_MUTABLE, "person_id");

static const VigilField vigil_profile_type_fields[] = {
  TEXT (VigilProfile, name, REQ, N_("name")),
  TEXT (VigilProfile, definition, REQ, N_("definition")),
  TEXT (VigilProfile, sha256, 0, N_("checksum")),
};
RECORD_TYPE (vigil_profile_type, VigilProfile, "profile", N_("scoring profile"), VIGIL_RECORD_MUTABLE, NULL);

static const VigilField vigil_score_run_type_fields[] = {
  REF (VigilScoreRun, profile_id, 0, N_("scoring profile")),
  DATE (VigilScoreRun, as_of, REQ, N_("as-of date")),
  TEXT (VigilScoreRun, run_by, 0, N_("run by")),
  DATETIME (VigilScoreRun, started_at, 0, N_("start")),
  DATETIME (VigilScoreRun, finished_at, 0, N_("end")),
  INT (VigilScoreRun, people_scored, N_("people scored")),
};
RECORD_TYPE (vigil_score_run_type, VigilScoreRun, "score_run", N_("score run"), VIGIL_RECORD_MUTABLE, NULL);

static const VigilField vigil_score_type_fields[] = {
  REF (VigilScore, run_id, REQ, N_("score run")),
  REF (VigilScore, person_id, REQ, N_("person")),
  INT (VigilScore, r, N_("recency points")),
  INT (VigilScore, f, N_("frequency points")),
  INT (VigilScore, g, N_("gravity points")),
  INT (VigilScore, v, N_("victim points")),
  DOUBLE (VigilScore, total, N_("total")),
  INT (VigilScore, rank, N_("rank")),
  TEXT (VigilScore, area, 0, N_("area")),
  INT (VigilScore, area_rank, N_("rank in area")),
  DATETIME (VigilScore, latest_incident, 0, N_("latest incident")),
  BOOL (VigilScore, in_cohort, N_("in the cohort")),
};
RECORD_TYPE (vigil_score_type, VigilScore, "score", N_("score"), VIGIL_RECORD_APPEND_ONLY, "person_id");

static const VigilField vigil_cohort_entry_type_fields[] = {
  REF (VigilCohortEntry, person_id, REQ, N_("person")),
  CHOICE (VigilCohortEntry, status, REQ, vigil_cohort_status_choices, N_("status")),
  CHOICE (VigilCohortEntry, route, REQ, vigil_route_choices, N_("route")),
  CHOICE (VigilCohortEntry, lead_agency, 0, vigil_agency_choices, N_("lead agency")),
  TEXT (VigilCohortEntry, lead_officer, 0, N_("lead officer")),
  TEXT (VigilCohortEntry, area, 0, N_("area")),
  DATE (VigilCohortEntry, identified_on, 0, N_("date identified")),
  DATE (VigilCohortEntry, adopted_on, 0, N_("date adopted")),
  DATE (VigilCohortEntry, next_review_on, 0, N_("next review")),
  DATE (VigilCohortEntry, exited_on, 0, N_("exit date")),
  CHOICE (VigilCohortEntry, exit_reason, 0, vigil_exit_reason_choices, N_("exit reason")),
  TEXT (VigilCohortEntry, referral_source, 0, N_("referred by")),
  TEXT (VigilCohortEntry, referral_reason, 0, N_("reason for referral")),
  TEXT (VigilCohortEntry, managing_panel, 0, N_("managing panel")),
};
RECORD_TYPE (vigil_cohort_entry_type, VigilCohortEntry, "cohort_entry", N_("cohort entry"), VIGIL_RECORD_MUTABLE, "person_id");

static const VigilField vigil_decision_type_fields[] = {
  REF (VigilDecision, person_id, REQ, N_("person")),
  REF (VigilDecision, cohort_entry_id, 0, N_("cohort entry")),
  CHOICE (VigilDecision, kind, REQ, vigil_decision_kind_choices, N_("kind of decision")),
  TEXT (VigilDecision, outcome, 0, N_("outcome")),
  CHOICE (VigilDecision, severity, 0, vigil_severity_choices, N_("severity")),
  CHOICE (VigilDecision, immediacy, 0, vigil_immediacy_choices, N_("immediacy")),
  TEXT (VigilDecision, decided_by, REQ, N_("decision-maker")),
  TEXT (VigilDecision, decided_role, 0, N_("role")),
  DATE (VigilDecision, decided_on, REQ, N_("date")),
  TEXT (VigilDecision, rationale, REQ, N_("rationale")),
  TEXT (VigilDecision, proportionality, 0, N_("proportionality and human rights note")),
  DATE (VigilDecision, mopi_review_on, 0, N_("MoPI review date")),
};
RECORD_TYPE (vigil_decision_type, VigilDecision, "decision", N_("decision"), VIGIL_RECORD_MUTABLE, "person_id");

static const VigilField vigil_process_overlap_type_fields[] = {
  REF (VigilProcessOverlap, person_id, REQ, N_("person")),
  CHOICE (VigilProcessOverlap, process, REQ, vigil_process_choices, N_("process")),
  CHOICE (VigilProcessOverlap, status, REQ, vigil_process_status_choices, N_("status")),
  INT (VigilProcessOverlap, mappa_category, N_("MAPPA category")),
  INT (VigilProcessOverlap, mappa_level, N_("MAPPA level")),
  DATE (VigilProcessOverlap, started_on, 0, N_("start")),
  DATE (VigilProcessOverlap, ended_on, 0, N_("end")),
  TEXT (VigilProcessOverlap, contact, 0, N_("contact")),
  TEXT (VigilProcessOverlap, notes, 0, N_("notes")),
};
RECORD_TYPE (vigil_process_overlap_type, VigilProcessOverlap, "process_overlap", N_("other process"), VIGIL_RECORD_MUTABLE, "person_id");

static const VigilField vigil_agency_section_type_fields[] = {
  REF (VigilAgencySection, person_id, REQ, N_("person")),
  CHOICE (VigilAgencySection, agency, REQ, vigil_agency_choices, N_("agency")),
  TEXT (VigilAgencySection, body, 0, N_("information")),
  TEXT (VigilAgencySection, provided_by, 0, N_("provided by")),
  TEXT (VigilAgencySection, isa_reference, 0, N_("information-sharing agreement")),
  DATE (VigilAgencySection, provided_on, 0, N_("date provided")),
  BOOL (VigilAgencySection, panel_visible, N_("shown to the panel")),
};
RECORD_TYPE (vigil_agency_section_type, VigilAgencySection, "agency_section", N_("agency section"), VIGIL_RECORD_MUTABLE, "person_id");

static const VigilField vigil_victim_link_type_fields[] = {
  REF (VigilVictimLink, perpetrator_id, REQ, N_("perpetrator")),
  REF (VigilVictimLink, victim_id, REQ, N_("victim")),
  CHOICE (VigilVictimLink, relationship, 0, vigil_relationship_choices, N_("relationship")),
  CHOICE (VigilVictimLink, advocate, 0, vigil_advocate_choices, N_("advocate")),
  TEXT (VigilVictimLink, advocate_name, 0, N_("advocate’s name")),
  BOOL (VigilVictimLink, safety_plan, N_("safety plan")),
  DATE (VigilVictimLink, safety_plan_on, 0, N_("safety plan date")),
  BOOL (VigilVictimLink, consent_to_share, N_("consent to share")),
  TEXT (VigilVictimLink, notes, 0, N_("notes")),
};
RECORD_TYPE (vigil_victim_link_type, VigilVictimLink, "victim_link", N_("victim link"), VIGIL_RECORD_MUTABLE, "perpetrator_id");

static const VigilField vigil_plan_type_fields[] = {
  REF (VigilPlan, person_id, REQ, N_("person")),
  TEXT (VigilPlan, objectives, 0, N_("objectives")),
  TEXT (VigilPlan, exit_strategy, 0, N_("exit strategy")),
  TEXT (VigilPlan, scale_back_criteria, 0, N_("scale-back criteria")),
  DATE (VigilPlan, review_on, 0, N_("review date")),
  DATE (VigilPlan, agreed_on, 0, N_("date agreed")),
  CHOICE (VigilPlan, engagement, 0, vigil_engagement_choices, N_("engagement")),
};
RECORD_TYPE (vigil_plan_type, VigilPlan, "plan", N_("risk management plan"), VIGIL_RECORD_MUTABLE, "person_id");

static const VigilField vigil_intervention_type_fields[] = {
  REF (VigilIntervention, plan_id, REQ, N_("plan")),
  TEXT (VigilIntervention, option_code, REQ, N_("tactical option")),
  CHOICE (VigilIntervention, owner_agency, 0, vigil_agency_choices, N_("owner agency")),
  TEXT (VigilIntervention, owner_person, 0, N_("owner")),
  DATE (VigilIntervention, started_on, 0, N_("start")),
  DATE (VigilIntervention, due_on, 0, N_("due date")),
  CHOICE (VigilIntervention, status, REQ, vigil_intervention_status_choices, N_("status")),
  TEXT (VigilIntervention, outcome, 0, N_("outcome")),
  DATE (VigilIntervention, order_expires_on, 0, N_("order expiry")),
  TEXT (VigilIntervention, conditions, 0, N_("conditions")),
  TEXT (VigilIntervention, notification_requirements, 0, N_("notification requirements")),
  INT (VigilIntervention, breaches, N_("breaches")),
};
RECORD_TYPE (vigil_intervention_type, VigilIntervention, "intervention", N_("intervention"), VIGIL_RECORD_MUTABLE, NULL);

static const VigilField vigil_panel_meeting_type_fields[] = {
  TEXT (VigilPanelMeeting, title, REQ, N_("title")),
  TEXT (VigilPanelMeeting, area, 0, N_("area")),
  DATETIME (VigilPanelMeeting, meets_at, REQ, N_("date and time")),
  TEXT (VigilPanelMeeting, location, 0, N_("place")),
  TEXT (VigilPanelMeeting, chair, 0, N_("chair")),
  CHOICE (VigilPanelMeeting, status, 0, vigil_meeting_status_choices, N_("status")),
  TEXT (VigilPanelMeeting, protective_marking, 0, N_("protective marking")),
};
RECORD_TYPE (vigil_panel_meeting_type, VigilPanelMeeting, "panel_meeting", N_("panel meeting"), VIGIL_RECORD_MUTABLE, NULL);

static const VigilField vigil_attendance_type_fields[] = {
  REF (VigilAttendance, meeting_id, REQ, N_("meeting")),
  CHOICE (VigilAttendance, agency, REQ, vigil_agency_choices, N_("agency")),
  TEXT (VigilAttendance, name, 0, N_("name")),
  TEXT (VigilAttendance, role, 0, N_("role")),
  BOOL (VigilAttendance, present, N_("present")),
};
RECORD_TYPE (vigil_attendance_type, VigilAttendance, "attendance", N_("attendance"), VIGIL_RECORD_MUTABLE, NULL);

static const VigilField vigil_agenda_item_type_fields[] = {
  REF (VigilAgendaItem, meeting_id, REQ, N_("meeting")),
  REF (VigilAgendaItem, person_id, REQ, N_("person")),
  INT (VigilAgendaItem, sort_order, N_("position")),
  CHOICE (VigilAgendaItem, reason, 0, vigil_agenda_reason_choices, N_("reason")),
  TEXT (VigilAgendaItem, minutes, 0, N_("minutes")),
  TEXT (VigilAgendaItem, decisions, 0, N_("decisions")),
};
RECORD_TYPE (vigil_agenda_item_type, VigilAgendaItem, "agenda_item", N_("agenda item"), VIGIL_RECORD_MUTABLE, "person_id");

static const VigilField vigil_action_type_fields[] = {
  REF (VigilAction, meeting_id, 0, N_("meeting")),
  REF (VigilAction, agenda_item_id, 0, N_("agenda item")),
  REF (VigilAction, person_id, 0, N_("person")),
  TEXT (VigilAction, description, REQ, N_("description")),
  CHOICE (VigilAction, owner_agency, 0, vigil_agency_choices, N_("owner agency")),
  TEXT (VigilAction, owner_name, 0, N_("owner")),
  DATE (VigilAction, due_on, 0, N_("due date")),
  CHOICE (VigilAction, status, REQ, vigil_action_status_choices, N_("status")),
  DATE (VigilAction, completed_on, 0, N_("date done")),
};
RECORD_TYPE (vigil_action_type, VigilAction, "panel_action", N_("action"), VIGIL_RECORD_MUTABLE, "person_id");

static const VigilField vigil_outcome_observation_type_fields[] = {
  REF (VigilOutcomeObservation, person_id, REQ, N_("person")),
  REF (VigilOutcomeObservation, victim_id, 0, N_("victim")),
  DATE (VigilOutcomeObservation, observed_on, REQ, N_("date")),
  CHOICE (VigilOutcomeObservation, source, REQ, vigil_outcome_source_choices, N_("source")),
  CHOICE (VigilOutcomeObservation, measure, REQ, vigil_outcome_measure_choices, N_("measure")),
  INT (VigilOutcomeObservation, rating, N_("rating")),
  TEXT (VigilOutcomeObservation, note, 0, N_("note")),
};
RECORD_TYPE (vigil_outcome_observation_type, VigilOutcomeObservation, "outcome_observation", N_("outcome"), VIGIL_RECORD_MUTABLE, "person_id");

static const VigilField vigil_person_duplicate_type_fields[] = {
  REF (VigilPersonDuplicate, person_id, REQ, N_("person")),
  REF (VigilPersonDuplicate, other_person_id, REQ, N_("possible duplicate of")),
  CHOICE (VigilPersonDuplicate, reason, REQ, vigil_duplicate_reason_choices, N_("reason")),
  CHOICE (VigilPersonDuplicate, status, REQ, vigil_duplicate_status_choices, N_("status")),
  REF (VigilPersonDuplicate, batch_id, 0, N_("import batch")),
  TEXT (VigilPersonDuplicate, decided_by, 0, N_("decided by")),
  DATE (VigilPersonDuplicate, decided_on, 0, N_("date decided")),
  TEXT (VigilPersonDuplicate, rationale, 0, N_("rationale")),
};
RECORD_TYPE (vigil_person_duplicate_type, VigilPersonDuplicate, "person_duplicate", N_("possible duplicate"), VIGIL_RECORD_MUTABLE, "person_id");

const VigilRecordType * const vigil_record_types[] = {
  &vigil_person_type,
  &vigil_person_alias_type,
  &vigil_import_batch_type,
  &vigil_import_rejection_type,
  &vigil_incident_type,
  &vigil_agency_flag_type,
  &vigil_profile_type,
  &vigil_score_run_type,
  &vigil_score_type,
  &vigil_cohort_entry_type,
  &vigil_decision_type,
  &vigil_process_overlap_type,
  &vigil_agency_section_type,
  &vigil_victim_link_type,
  &vigil_plan_type,
  &vigil_intervention_type,
  &vigil_panel_meeting_type,
  &vigil_attendance_type,
  &vigil_agenda_item_type,
  &vigil_action_type,
  &vigil_outcome_observation_type,
  &vigil_person_duplicate_type,
  NULL
};
