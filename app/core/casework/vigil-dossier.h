/* vigil-dossier.h: everything the dossier page of one person needs, in one load
 *
 * vigil_dossier_load () reads, in one read transaction and a few indexed queries (each
 * table batched by person), the person and aliases, their cohort entries, their two
 * latest stored scores (the trend), the explanation of their score with the incidents
 * behind it, agency flags, decisions, other processes, the newest information of each
 * agency (stale after the profile's agency_information_fresh_days), victim links, a
 * summary of plans and interventions, the victim-reported and IDVA-rated outcomes
 * with their trends (principle 8), who last changed each section, and the person's
 * audit trail. The result is plain data: it may be built in a worker thread
 * and handed to the GTK main thread.
 *
 * Victims: the dossier holds their names, but every victim also has a role label
 * ("Victim 1", "Victim 2", …), numbered by their first incident with this person, then
 * by victim link, so that the page (or a projector) can show roles and names only when
 * a person asks.
 *
 * Opening a dossier is audited as a view: call vigil_dossier_record_view ().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-entities.h"
#include "vigil-rfgv.h"
#include "vigil-scoring-profile.h"
#include "vigil-store.h"
#include "vigil-tactical-menu.h"

G_BEGIN_DECLS

/* The parts of the page, each with who last changed it. */
typedef enum
{
  VIGIL_DOSSIER_SECTION_PERSON,              /* person, aliases */
  VIGIL_DOSSIER_SECTION_COHORT,              /* cohort entries */
  VIGIL_DOSSIER_SECTION_IDENTIFICATION,      /* incidents, agency flags */
  VIGIL_DOSSIER_SECTION_DECISIONS,           /* assessments and decisions */
  VIGIL_DOSSIER_SECTION_PROCESSES,           /* other processes (principle 4) */
  VIGIL_DOSSIER_SECTION_AGENCY_INFORMATION,  /* multi-agency information (principle 6) */
  VIGIL_DOSSIER_SECTION_VICTIMS,             /* victim links */
  VIGIL_DOSSIER_SECTION_PLANS,               /* plans and interventions */
  VIGIL_DOSSIER_SECTION_OUTCOMES,            /* victim-reported and IDVA-rated outcomes */
  VIGIL_DOSSIER_N_SECTIONS,
} VigilDossierSection;

/* The newest updated_at of a section's rows and who wrote it; both NULL when the
 * section has no rows. */
typedef struct
{
  char *changed_at;
  char *changed_by;
} VigilDossierChange;

typedef struct
{
  gint64  person_id;
  guint   number;             /* 1, 2, …: the role label's number */
  char   *role;               /* "Victim 1", translated: show this unless names are asked for */
  char   *surname;
  char   *forenames;
  char   *dob;
  char   *local_ref;
  char   *first_incident_at;  /* the first incident with this person, NULL when only linked */
  guint   n_incidents;        /* incidents with this person as victim */
} VigilDossierVictim;

typedef struct
{
  gint64                   incident_id;
  char                    *source_ref;
  char                    *occurred_at;    /* as stored: date or date-time */
  int                      victim;         /* index into VigilDossier.victims, -1: none */
  char                    *relationship;   /* vigil_relationship_choices code */
  char                    *offence_code;
  int                      gravity;        /* the profile's points */
  gboolean                 offence_known;  /* FALSE: not in the profile's table */
  char                    *dash_risk;      /* vigil_dash_risk_choices code, NULL: none */
  gboolean                 stalking;
  char                    *area;
  VigilRfgvIncidentStatus  status;         /* counted or why not */
  gboolean                 latest;         /* the latest counted incident (R, area) */
  gboolean                 new_victim;     /* the first counted incident with its victim (V) */
} VigilDossierIncident;

/* A stored score (a row of a score run). */
typedef struct
{
  gboolean present;   /* FALSE: the person has no such score */
  gint64   run_id;
  char    *as_of;     /* the run's as-of date */
  gint64   points[VIGIL_RFGV_N_COMPONENTS];  /* R, F, G, V */
  double   total;
  gint64   rank;
  char    *area;
  gint64   area_rank;
  gboolean in_cohort;
  gboolean current;   /* from the newest stored run */
} VigilDossierScore;

typedef enum
{
  VIGIL_DOSSIER_TREND_NONE,     /* no previous score to compare with */
  VIGIL_DOSSIER_TREND_UP,
  VIGIL_DOSSIER_TREND_DOWN,
  VIGIL_DOSSIER_TREND_SAME,
} VigilDossierTrend;

/* The newest information from one agency. */
typedef struct
{
  VigilAgencySection *section;
  guint               n_earlier;  /* older sections from the same agency */
  int                 age_days;   /* from provided_on to the dossier's today; -1: no date */
  gboolean            stale;      /* older than the freshness limit, or undated */
} VigilDossierAgencyInformation;

typedef struct
{
  guint   n_plans;
  char   *agreed_on;          /* of the newest plan, NULL when none */
  char   *review_on;          /* of the newest plan */
  guint   n_interventions;
  guint   n_open;             /* proposed, agreed or in progress */
  guint   n_completed;
  guint   n_breached;         /* status breached */
  guint   n_overdue;          /* open and due before today */
  gint64  n_breaches;         /* breaches recorded on orders, summed */
  char   *next_due_on;        /* earliest due date of an open intervention */
} VigilDossierPlanSummary;

/* How one outcome measure, rated by one source about one victim (or about none), went
 * over time: ratings run from 1 (worst) to 5 (best), so up is better. */
typedef struct
{
  char              *source;          /* vigil_outcome_source_choices code */
  char              *measure;         /* vigil_outcome_measure_choices code */
  int                victim;          /* index into VigilDossier.victims, -1: none */
  guint              n_ratings;
  char              *first_on;
  gint64             first_rating;
  char              *latest_on;
  gint64             latest_rating;
  VigilDossierTrend  trend;           /* latest against first; NONE with one rating */
  GArray            *ratings;         /* gint64, oldest first (for a sparkline) */
} VigilDossierOutcomeTrend;

/* One row of the person's audit trail, readable. */
typedef struct
{
  gint64   seq;
  char    *logged_at;
  char    *actor;
  char    *action;        /* "create", "update", "delete", "view", … */
  char    *entity;        /* table name */
  char    *entity_label;  /* translated: "victim link" */
  gint64   entity_id;
  char   **fields;        /* the field names changed (never values); empty when none */
  char   **field_labels;  /* the same, translated labels */
  char    *summary;       /* translated: "Changed the person: PNC ID, Date of birth" */
} VigilDossierHistoryEntry;

/* How many audit rows a dossier holds at most, newest first. */
#define VIGIL_DOSSIER_HISTORY_LIMIT 1000

typedef struct
{
  GDate                   today;               /* for staleness and overdue dates */
  int                     fresh_days;          /* the profile's agency_information_fresh_days */

  VigilPerson            *person;
  GPtrArray              *aliases;             /* VigilPersonAlias, by id */

  VigilCohortEntry       *cohort_entry;        /* the newest entry, NULL: never in the cohort */
  GPtrArray              *past_cohort_entries; /* VigilCohortEntry, the others, newest first */

  VigilDossierScore       score;               /* the person's newest stored score */
  VigilDossierScore       previous_score;      /* the one before it */
  VigilDossierTrend       trend;               /* total of score against previous_score */

  /* The breakdown with the given profile as of the newest run's as-of date (today
   * when there is no run); .scored FALSE when nothing counts; NULL when the person has
   * no incident as perpetrator. */
  VigilRfgvExplanation   *explanation;
  GPtrArray              *incidents;           /* VigilDossierIncident, by date */
  guint                   n_incidents_skipped; /* incidents whose date could not be read */
  GPtrArray              *victims;             /* VigilDossierVictim, by number */

  GPtrArray              *agency_flags;        /* VigilAgencyFlag, newest report first */
  GPtrArray              *decisions;           /* VigilDecision, newest first */
  char                   *mopi_review_on;      /* the newest decision's MoPI review date */
  gboolean                mopi_review_due;     /* on or before today */
  GPtrArray              *processes;           /* VigilProcessOverlap, active first */
  GPtrArray              *agency_information;  /* VigilDossierAgencyInformation, one per
                                                * agency, in vigil_agency_choices order */
  GPtrArray              *victim_links;        /* VigilVictimLink, by victim number */
  VigilDossierPlanSummary plans;
  VigilPlan              *plan;                /* the newest plan, NULL when none */
  GPtrArray              *interventions;       /* VigilIntervention of that plan, by id */
  GPtrArray              *outcomes;            /* VigilOutcomeObservation, newest first */
  GPtrArray              *outcome_trends;      /* VigilDossierOutcomeTrend, by victim
                                                * (none last), then source and measure
                                                * in their choices' order */

  VigilDossierChange      changes[VIGIL_DOSSIER_N_SECTIONS];

  GPtrArray              *history;             /* VigilDossierHistoryEntry, newest first */
  gboolean                history_truncated;   /* more than VIGIL_DOSSIER_HISTORY_LIMIT rows */
} VigilDossier;

/* @profile NULL: the default profile. Today is the local date. Fails with
 * VIGIL_STORE_ERROR_NOT_FOUND when there is no such person. */
VigilDossier             *vigil_dossier_load             (VigilStore                 *store,
                                                          gint64                      person_id,
                                                          const VigilScoringProfile  *profile,
                                                          GCancellable               *cancellable,
                                                          GError                    **error);
/* The same, with a given today (tests, reports as of a date). */
VigilDossier             *vigil_dossier_load_at          (VigilStore                 *store,
                                                          gint64                      person_id,
                                                          const VigilScoringProfile  *profile,
                                                          const GDate                *today,
                                                          GCancellable               *cancellable,
                                                          GError                    **error);
void                      vigil_dossier_free             (VigilDossier               *self);

/* The victim with this person id, NULL when not one of the dossier's victims. */
const VigilDossierVictim *vigil_dossier_find_victim      (const VigilDossier         *self,
                                                          gint64                      person_id);
/* The newest information of @agency (a vigil_agency_choices code), NULL when none. */
const VigilDossierAgencyInformation *
                          vigil_dossier_find_agency      (const VigilDossier         *self,
                                                          const char                 *agency);

/* Appends a "view" row for the person to the audit log, in its own transaction (or the
 * caller's). */
gboolean                  vigil_dossier_record_view      (VigilStore                 *store,
                                                          gint64                      person_id,
                                                          GError                    **error);

/* What a dossier page shows, read off the main thread: the dossier, and the tactical
 * menu the planner offers (a force's own file may have changed since; NULL with
 * @menu_error when it cannot be read, the dossier is still shown). */
typedef struct
{
  VigilDossier      *dossier;
  VigilTacticalMenu *menu;
  GError            *menu_error;
} VigilDossierOpening;

void                      vigil_dossier_opening_free     (VigilDossierOpening        *self);
/* Loads the dossier on a worker's own connection; with @record_view, records the view
 * in the audit log (no view without its audit row: a failure to record it fails the
 * opening). */
void                      vigil_dossier_open_async       (VigilStore                 *store,
                                                          gint64                      person_id,
                                                          gboolean                    record_view,
                                                          GCancellable               *cancellable,
                                                          GAsyncReadyCallback         callback,
                                                          gpointer                    user_data);
VigilDossierOpening      *vigil_dossier_open_finish      (VigilStore                 *store,
                                                          GAsyncResult               *result,
                                                          GError                    **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilDossier, vigil_dossier_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilDossierOpening, vigil_dossier_opening_free)

G_END_DECLS
