/* vigil-entities.h: the domain model (schema v1), see DESIGN.md
 *
 * Text fields are owned UTF-8 strings (NULL = empty); dates are "YYYY-MM-DD";
 * choices are the stable codes listed in vigil-entities.c (vigil_*_choices);
 * a REF is the id of another record (0 = none).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-record.h"

G_BEGIN_DECLS

/* Choice lists (NULL-terminated, stored as these codes) */
extern const char * const vigil_gender_choices[];
extern const char * const vigil_relationship_choices[];
extern const char * const vigil_dash_risk_choices[];
extern const char * const vigil_agency_choices[];          /* agency sections, leads, owners */
extern const char * const vigil_flag_agency_choices[];     /* partner-agency flags (principle 1) */
extern const char * const vigil_cohort_status_choices[];
extern const char * const vigil_route_choices[];
extern const char * const vigil_exit_reason_choices[];
extern const char * const vigil_decision_kind_choices[];
extern const char * const vigil_severity_choices[];
extern const char * const vigil_immediacy_choices[];
extern const char * const vigil_process_choices[];
extern const char * const vigil_process_status_choices[];
extern const char * const vigil_advocate_choices[];
extern const char * const vigil_intervention_status_choices[];
extern const char * const vigil_engagement_choices[];
extern const char * const vigil_meeting_status_choices[];
extern const char * const vigil_agenda_reason_choices[];
extern const char * const vigil_action_status_choices[];
extern const char * const vigil_outcome_source_choices[];
extern const char * const vigil_outcome_measure_choices[];
extern const char * const vigil_alias_kind_choices[];
extern const char * const vigil_batch_kind_choices[];
extern const char * const vigil_duplicate_reason_choices[];
extern const char * const vigil_duplicate_status_choices[];
extern const char * const vigil_batch_status_choices[];

/* A human, translated label for a choice code ("ex_partner" → "Ex-partner"). */
const char *vigil_choice_get_label (const char * const *choices,
                                    const char         *code);

typedef struct
{
  VigilRecord record;
  char *uuid;            /* set on insert when NULL */
  char *surname;         /* required */
  char *forenames;
  char *dob;             /* date */
  char *gender;          /* vigil_gender_choices */
  char *pnc_id;
  char *local_ref;       /* the force's person reference, unique when set */
  char *notes;
} VigilPerson;

typedef struct
{
  VigilRecord record;
  gint64 person_id;
  char *alias;           /* required */
  char *alias_kind;      /* "name", "nickname", "online_handle" */
} VigilPersonAlias;

typedef struct
{
  VigilRecord record;
  char *file_name;
  char *sha256;
  char *kind;            /* vigil_batch_kind_choices */
  char *status;          /* vigil_batch_status_choices */
  gint64 rows_total;
  gint64 rows_imported;
  gint64 rows_rejected;
  gint64 rows_duplicate;
  char *imported_by;
  char *started_at;
  char *finished_at;
} VigilImportBatch;

typedef struct
{
  VigilRecord record;    /* append-only */
  gint64 batch_id;
  gint64 line_number;
  char *field;
  char *reason;
  char *raw_text;
} VigilImportRejection;

typedef struct
{
  VigilRecord record;
  char *source;          /* "police" unless stated; unique with source_ref */
  char *source_ref;      /* required */
  char *occurred_at;     /* datetime, required */
  gint64 perpetrator_id; /* required */
  gint64 victim_id;
  char *relationship;    /* vigil_relationship_choices, required */
  char *offence_code;    /* required */
  char *dash_risk;       /* vigil_dash_risk_choices or NULL */
  gboolean stalking;
  char *area;
  gint64 batch_id;
} VigilIncident;

typedef struct
{
  VigilRecord record;
  gint64 person_id;
  char *agency;          /* vigil_flag_agency_choices */
  char *concern;         /* required */
  char *reported_on;
  char *reported_by;
  char *isa_reference;
  gint64 batch_id;
} VigilAgencyFlag;

typedef struct
{
  VigilRecord record;
  char *name;            /* required, unique */
  char *definition;      /* the profile JSON, required */
  char *sha256;
} VigilProfile;

typedef struct
{
  VigilRecord record;
  gint64 profile_id;
  char *as_of;           /* date, required */
  char *run_by;
  char *started_at;
  char *finished_at;
  gint64 people_scored;
} VigilScoreRun;

typedef struct
{
  VigilRecord record;    /* append-only */
  gint64 run_id;
  gint64 person_id;
  gint64 r, f, g, v;
  double total;
  gint64 rank;
  char *area;
  gint64 area_rank;
  char *latest_incident;
  gboolean in_cohort;
} VigilScore;

typedef struct
{
  VigilRecord record;
  gint64 person_id;      /* required */
  char *status;          /* vigil_cohort_status_choices, required */
  char *route;           /* vigil_route_choices, required */
  char *lead_agency;     /* vigil_agency_choices */
  char *lead_officer;
  char *area;
  char *identified_on;
  char *adopted_on;
  char *next_review_on;
  char *exited_on;
  char *exit_reason;     /* vigil_exit_reason_choices */
  char *referral_source;
  char *referral_reason;
  char *managing_panel;  /* principle 4: which panel manages the risk */
} VigilCohortEntry;

typedef struct
{
  VigilRecord record;
  gint64 person_id;      /* required */
  gint64 cohort_entry_id;
  char *kind;            /* vigil_decision_kind_choices, required */
  char *outcome;         /* e.g. "PDP", "Level 2", "Adopted", "Flag added" */
  char *severity;        /* vigil_severity_choices */
  char *immediacy;       /* vigil_immediacy_choices */
  char *decided_by;      /* required */
  char *decided_role;
  char *decided_on;      /* date, required */
  char *rationale;       /* required */
  char *proportionality; /* proportionality / human rights note */
  char *mopi_review_on;
} VigilDecision;

typedef struct
{
  VigilRecord record;
  gint64 person_id;      /* required */
  char *process;         /* vigil_process_choices, required */
  char *status;          /* vigil_process_status_choices, required */
  gint64 mappa_category; /* 1–4, 0 when not MAPPA */
  gint64 mappa_level;    /* 1–3, 0 when not MAPPA */
  char *started_on;
  char *ended_on;
  char *contact;
  char *notes;
} VigilProcessOverlap;

typedef struct
{
  VigilRecord record;
  gint64 person_id;      /* required */
  char *agency;          /* vigil_agency_choices, required */
  char *body;
  char *provided_by;
  char *isa_reference;
  char *provided_on;
  gboolean panel_visible; /* may be shown to the panel room */
} VigilAgencySection;

typedef struct
{
  VigilRecord record;
  gint64 perpetrator_id; /* required */
  gint64 victim_id;      /* required */
  char *relationship;    /* vigil_relationship_choices */
  char *advocate;        /* vigil_advocate_choices */
  char *advocate_name;
  gboolean safety_plan;
  char *safety_plan_on;
  gboolean consent_to_share;
  char *notes;
} VigilVictimLink;

typedef struct
{
  VigilRecord record;
  gint64 person_id;      /* required */
  char *objectives;
  char *exit_strategy;
  char *scale_back_criteria;
  char *review_on;
  char *agreed_on;
  char *engagement;      /* vigil_engagement_choices: does the person engage? */
} VigilPlan;

typedef struct
{
  VigilRecord record;
  gint64 plan_id;        /* required */
  char *option_code;     /* tactical-menu code, required */
  char *owner_agency;    /* vigil_agency_choices */
  char *owner_person;
  char *started_on;
  char *due_on;
  char *status;          /* vigil_intervention_status_choices, required */
  char *outcome;
  char *order_expires_on;
  char *conditions;
  char *notification_requirements;
  gint64 breaches;
} VigilIntervention;

typedef struct
{
  VigilRecord record;
  char *title;           /* required */
  char *area;
  char *meets_at;        /* datetime, required */
  char *location;
  char *chair;
  char *status;          /* vigil_meeting_status_choices */
  char *protective_marking;
} VigilPanelMeeting;

typedef struct
{
  VigilRecord record;
  gint64 meeting_id;     /* required */
  char *agency;          /* vigil_agency_choices, required */
  char *name;
  char *role;
  gboolean present;
} VigilAttendance;

typedef struct
{
  VigilRecord record;
  gint64 meeting_id;     /* required */
  gint64 person_id;      /* required */
  gint64 sort_order;     /* order on the agenda */
  char *reason;          /* vigil_agenda_reason_choices */
  char *minutes;
  char *decisions;
} VigilAgendaItem;

typedef struct
{
  VigilRecord record;
  gint64 meeting_id;
  gint64 agenda_item_id;
  gint64 person_id;
  char *description;     /* required */
  char *owner_agency;    /* vigil_agency_choices */
  char *owner_name;
  char *due_on;
  char *status;          /* vigil_action_status_choices, required */
  char *completed_on;
} VigilAction;

typedef struct
{
  VigilRecord record;
  gint64 person_id;      /* the perpetrator, required */
  gint64 victim_id;
  char *observed_on;     /* date, required */
  char *source;          /* vigil_outcome_source_choices, required */
  char *measure;         /* vigil_outcome_measure_choices, required */
  gint64 rating;         /* 1 (worst) – 5 (best) */
  char *note;
} VigilOutcomeObservation;

typedef struct
{
  VigilRecord record;
  gint64 person_id;        /* the newer person, required */
  gint64 other_person_id;  /* the one already known, required */
  char *reason;            /* vigil_duplicate_reason_choices, required */
  char *status;            /* vigil_duplicate_status_choices, required */
  gint64 batch_id;
  char *decided_by;
  char *decided_on;
  char *rationale;
} VigilPersonDuplicate;

extern const VigilRecordType vigil_person_type;
extern const VigilRecordType vigil_person_alias_type;
extern const VigilRecordType vigil_import_batch_type;
extern const VigilRecordType vigil_import_rejection_type;
extern const VigilRecordType vigil_incident_type;
extern const VigilRecordType vigil_agency_flag_type;
extern const VigilRecordType vigil_profile_type;
extern const VigilRecordType vigil_score_run_type;
extern const VigilRecordType vigil_score_type;
extern const VigilRecordType vigil_cohort_entry_type;
extern const VigilRecordType vigil_decision_type;
extern const VigilRecordType vigil_process_overlap_type;
extern const VigilRecordType vigil_agency_section_type;
extern const VigilRecordType vigil_victim_link_type;
extern const VigilRecordType vigil_plan_type;
extern const VigilRecordType vigil_intervention_type;
extern const VigilRecordType vigil_panel_meeting_type;
extern const VigilRecordType vigil_attendance_type;
extern const VigilRecordType vigil_agenda_item_type;
extern const VigilRecordType vigil_action_type;
extern const VigilRecordType vigil_outcome_observation_type;
extern const VigilRecordType vigil_person_duplicate_type;

/* Every record type, in dependency order (parents before children), NULL-terminated. */
extern const VigilRecordType * const vigil_record_types[];

/* Typed constructors and destructors, for g_autoptr. */
#define VIGIL_DECLARE_RECORD(TypeName, func_prefix)                                  \
  static inline TypeName *func_prefix##_new (void)                                  \
  { return vigil_record_new (&func_prefix##_type); }                                 \
  static inline void func_prefix##_free (TypeName *r)                               \
  { vigil_record_free (&func_prefix##_type, r); }                                    \
  G_DEFINE_AUTOPTR_CLEANUP_FUNC (TypeName, func_prefix##_free)

VIGIL_DECLARE_RECORD (VigilPerson, vigil_person)
VIGIL_DECLARE_RECORD (VigilPersonAlias, vigil_person_alias)
VIGIL_DECLARE_RECORD (VigilImportBatch, vigil_import_batch)
VIGIL_DECLARE_RECORD (VigilImportRejection, vigil_import_rejection)
VIGIL_DECLARE_RECORD (VigilIncident, vigil_incident)
VIGIL_DECLARE_RECORD (VigilAgencyFlag, vigil_agency_flag)
VIGIL_DECLARE_RECORD (VigilProfile, vigil_profile)
VIGIL_DECLARE_RECORD (VigilScoreRun, vigil_score_run)
VIGIL_DECLARE_RECORD (VigilScore, vigil_score)
VIGIL_DECLARE_RECORD (VigilCohortEntry, vigil_cohort_entry)
VIGIL_DECLARE_RECORD (VigilDecision, vigil_decision)
VIGIL_DECLARE_RECORD (VigilProcessOverlap, vigil_process_overlap)
VIGIL_DECLARE_RECORD (VigilAgencySection, vigil_agency_section)
VIGIL_DECLARE_RECORD (VigilVictimLink, vigil_victim_link)
VIGIL_DECLARE_RECORD (VigilPlan, vigil_plan)
VIGIL_DECLARE_RECORD (VigilIntervention, vigil_intervention)
VIGIL_DECLARE_RECORD (VigilPanelMeeting, vigil_panel_meeting)
VIGIL_DECLARE_RECORD (VigilAttendance, vigil_attendance)
VIGIL_DECLARE_RECORD (VigilAgendaItem, vigil_agenda_item)
VIGIL_DECLARE_RECORD (VigilAction, vigil_action)
VIGIL_DECLARE_RECORD (VigilOutcomeObservation, vigil_outcome_observation)
VIGIL_DECLARE_RECORD (VigilPersonDuplicate, vigil_person_duplicate)

G_END_DECLS
