/* vigil-cohort.h: entering the cohort by referral, professional judgement over the
 * algorithm, and decisions on possible duplicate people
 *
 * Principle 1: stalkers and people known to partner agencies rarely rank high in police
 * data, so they enter the cohort by referral. Principle 3: the algorithm indicates,
 * people decide — a decision-maker may include someone the ranking puts low or exclude
 * someone it puts high, with a rationale, and the decision records what the algorithm
 * said at the time. Possible duplicates found on import are merged or kept apart by a
 * person, never automatically.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-entities.h"
#include "vigil-store.h"

G_BEGIN_DECLS

#define VIGIL_COHORT_ERROR (vigil_cohort_error_quark ())

typedef enum
{
  VIGIL_COHORT_ERROR_INVALID,    /* a missing or badly written detail */
  VIGIL_COHORT_ERROR_NOT_FOUND,  /* no such person or possible duplicate */
  VIGIL_COHORT_ERROR_OPEN_ENTRY, /* the person is already in the cohort */
  VIGIL_COHORT_ERROR_MANAGED,    /* excluding someone managed: use the exit workflow */
  VIGIL_COHORT_ERROR_DECIDED,    /* the possible duplicate was decided already */
  VIGIL_COHORT_ERROR_MERGED,     /* the person was merged into another */
  VIGIL_COHORT_ERROR_TRANSITION, /* a status move the workflow does not allow */
  VIGIL_COHORT_ERROR_PANEL_NEEDED, /* another process is active: name the managing panel */
  VIGIL_COHORT_ERROR_PLAN_NEEDED,  /* managed needs a risk management plan with an exit strategy */
} VigilCohortError;

GQuark    vigil_cohort_error_quark  (void);

/* The id of the person with reference @ref; a merged person's reference gives the
 * person they were merged into. 0 with VIGIL_COHORT_ERROR_NOT_FOUND when none. */
gint64    vigil_cohort_find_person  (VigilStore  *store,
                                     const char  *ref,
                                     GError     **error);

/* ------------------------------------------------------------------------------------
 * Referrals (principle 1)
 * ------------------------------------------------------------------------------------ */

typedef struct
{
  gint64      person_id;    /* an existing person, or 0 for a new one described below */
  const char *surname;      /* new person: required */
  const char *forenames;
  const char *dob;          /* YYYY-MM-DD */
  const char *pnc_id;
  const char *local_ref;    /* must not be in use */
  const char *route;        /* "stalking_referral" or "agency_referral" */
  const char *source;       /* who referred, required: "Stalking clinic", "Probation" */
  const char *reason;       /* required */
  const char *referred_on;  /* YYYY-MM-DD, NULL for today */
  const char *area;
  const char *lead_agency;  /* vigil_agency_choices, or NULL */
} VigilReferral;

/* Creates the person when needed and a cohort entry (status candidate, identified on
 * the referral date) in one audited transaction. A person whose latest entry is still
 * open (any status but exited) is refused with VIGIL_COHORT_ERROR_OPEN_ENTRY naming
 * its status and route; nothing changes. Returns the new entry. */
VigilCohortEntry *vigil_cohort_refer (VigilStore           *store,
                                      const VigilReferral  *referral,
                                      GError              **error);

/* The person's open cohort entry (status not exited), the newest if several; NULL
 * without error when there is none. */
VigilCohortEntry *vigil_cohort_get_open_entry (VigilStore  *store,
                                               gint64       person_id,
                                               GError     **error);

/* ------------------------------------------------------------------------------------
 * Professional judgement (principle 3)
 * ------------------------------------------------------------------------------------ */

typedef enum
{
  VIGIL_OVERRIDE_INCLUDE, /* include someone the algorithm ranks low */
  VIGIL_OVERRIDE_EXCLUDE, /* exclude someone it ranks high */
} VigilOverrideKind;

typedef struct
{
  gint64             person_id;
  VigilOverrideKind  kind;
  const char        *decided_by;      /* required */
  const char        *decided_role;    /* required */
  const char        *decided_on;      /* YYYY-MM-DD, NULL for today */
  const char        *rationale;       /* required, not blank */
  const char        *proportionality; /* proportionality / human rights note, optional */
} VigilOverride;

/* Records the decision (kind override_include or override_exclude) with an outcome
 * saying what the algorithm said at the time (rank, total, run and as-of date of the
 * latest stored run). Including someone with no open entry creates a candidate entry
 * (route professional_judgement). Excluding closes an open candidate, under_review or
 * of_concern entry (exited, no longer meets criteria); a managed or scaling_back person
 * is refused (VIGIL_COHORT_ERROR_MANAGED): their exit is a decision of its own. */
VigilDecision    *vigil_cohort_decide_override (VigilStore           *store,
                                                const VigilOverride  *override,
                                                GError              **error);

/* What the algorithm says of @person_id in the latest stored run, as stored in an
 * override's outcome: "Ranked 12 of 4,120, total 17 (run 3, as of 2026-11-01)". */
char             *vigil_cohort_describe_score  (VigilStore  *store,
                                                gint64       person_id,
                                                GError     **error);

/* A person's latest override decision, for showing beside their score. */
typedef struct
{
  gint64  person_id;
  gint64  decision_id;
  VigilOverrideKind kind;
  char   *decided_by;
  char   *decided_role;
  char   *decided_on;
  char   *rationale;
  char   *outcome;
} VigilJudgement;

void              vigil_judgement_free         (VigilJudgement       *judgement);
/* "included by NAME" or "excluded by NAME" */
char             *vigil_judgement_dup_summary  (const VigilJudgement *judgement);

/* The latest override decision (by decision date, then entry order) of each of
 * @person_ids that has one; all people's when @person_ids is NULL. Returns a table
 * from the person id (a gint64 key inside the value) to a VigilJudgement. */
GHashTable       *vigil_cohort_get_judgements  (VigilStore    *store,
                                                const gint64  *person_ids,
                                                guint          n_person_ids,
                                                GError       **error);
/* Everyone's latest judgement, off the main thread. */
void              vigil_cohort_get_judgements_async  (VigilStore          *store,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
GHashTable       *vigil_cohort_get_judgements_finish (VigilStore          *store,
                                                      GAsyncResult        *result,
                                                      GError             **error);

/* ------------------------------------------------------------------------------------
 * Possible duplicate people
 * ------------------------------------------------------------------------------------ */

typedef struct
{
  gint64  person_id;
  char   *surname;
  char   *forenames;
  char   *local_ref;
  char   *dob;
  char   *pnc_id;
  gint64  incidents_as_perpetrator;
  gint64  incidents_as_victim;
} VigilDuplicatePerson;

typedef struct
{
  gint64  id;
  gint64  rev;
  char   *reason;                 /* vigil_duplicate_reason_choices */
  char   *status;                 /* vigil_duplicate_status_choices */
  gint64  batch_id;               /* the import that found it, 0 when none */
  char   *batch_file_name;        /* that import's file name, NULL when none */
  char   *decided_by;
  char   *decided_on;
  char   *rationale;
  VigilDuplicatePerson person;    /* the newer person */
  VigilDuplicatePerson other;     /* the one already known */
} VigilDuplicate;

void              vigil_duplicate_free         (VigilDuplicate *duplicate);
/* "SURNAME, Forenames" or the surname alone */
char             *vigil_duplicate_person_dup_name (const VigilDuplicatePerson *person);

/* Possible duplicates with @status ("open", "merged", "kept_apart"; NULL for all),
 * oldest first. Returns VigilDuplicate elements. */
GPtrArray        *vigil_duplicates_list        (VigilStore  *store,
                                                const char  *status,
                                                GError     **error);

/* The two are different people: records the decision. A decided pair is refused
 * with VIGIL_COHORT_ERROR_DECIDED. */
gboolean          vigil_duplicates_keep_apart  (VigilStore  *store,
                                                gint64       duplicate_id,
                                                const char  *decided_by,
                                                const char  *rationale,
                                                GError     **error);

/* The two are one person: in one transaction every record of the other person moves to
 * @keep_person_id (one of the pair), the other's name and reference become aliases of
 * the kept person, who gains the other's date of birth and PNC id where they have none,
 * and the other's row stays as a tombstone (person.merged_into) so that their old
 * reference still finds the kept person. Refused when both people are in the cohort
 * (exit one first) or the pair was decided already. */
gboolean          vigil_duplicates_merge       (VigilStore  *store,
                                                gint64       duplicate_id,
                                                gint64       keep_person_id,
                                                const char  *decided_by,
                                                const char  *rationale,
                                                GError     **error);

/* ------------------------------------------------------------------------------------
 * Off the main thread: each call runs on a worker with its own connection
 * (vigil_store_call_async); the callback runs on the caller's main context and a
 * cancelled call finishes with G_IO_ERROR_CANCELLED.
 * ------------------------------------------------------------------------------------ */

/* What the judgement dialog shows of one person, read in one go. */
typedef struct
{
  VigilPerson      *person;
  char             *score;       /* vigil_cohort_describe_score(); NULL when it failed */
  VigilCohortEntry *open_entry;  /* NULL when none */
  VigilJudgement   *judgement;   /* the latest override decision, NULL when none */
} VigilJudgementContext;

void                   vigil_judgement_context_free  (VigilJudgementContext *context);

/* In one read: the person (any stored one), what the algorithm says of them, their
 * open entry and their latest judgement. */
void                   vigil_cohort_load_judgement_context_async  (VigilStore          *store,
                                                                   gint64               person_id,
                                                                   GCancellable        *cancellable,
                                                                   GAsyncReadyCallback  callback,
                                                                   gpointer             user_data);
VigilJudgementContext *vigil_cohort_load_judgement_context_finish (VigilStore          *store,
                                                                   GAsyncResult        *result,
                                                                   GError             **error);

/* vigil_cohort_decide_override() on a worker; @override is copied. */
void              vigil_cohort_decide_override_async  (VigilStore           *store,
                                                       const VigilOverride  *override,
                                                       GCancellable         *cancellable,
                                                       GAsyncReadyCallback   callback,
                                                       gpointer              user_data);
VigilDecision    *vigil_cohort_decide_override_finish (VigilStore           *store,
                                                       GAsyncResult         *result,
                                                       GError              **error);

/* vigil_cohort_refer() on a worker; @referral is copied. */
void              vigil_cohort_refer_async      (VigilStore           *store,
                                                 const VigilReferral  *referral,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
VigilCohortEntry *vigil_cohort_refer_finish     (VigilStore           *store,
                                                 GAsyncResult         *result,
                                                 GError              **error);

/* vigil_duplicates_list() on a worker: a GPtrArray of VigilDuplicate. */
void              vigil_duplicates_list_async   (VigilStore           *store,
                                                 const char           *status,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
GPtrArray        *vigil_duplicates_list_finish  (VigilStore           *store,
                                                 GAsyncResult         *result,
                                                 GError              **error);

void              vigil_duplicates_keep_apart_async  (VigilStore           *store,
                                                      gint64                duplicate_id,
                                                      const char           *decided_by,
                                                      const char           *rationale,
                                                      GCancellable         *cancellable,
                                                      GAsyncReadyCallback   callback,
                                                      gpointer              user_data);
gboolean          vigil_duplicates_keep_apart_finish (VigilStore           *store,
                                                      GAsyncResult         *result,
                                                      GError              **error);

/* vigil_duplicates_merge() on a worker. Cancelling before the worker starts stops it;
 * a merge already running still commits or rolls back as a whole (its one transaction),
 * though the call then finishes with G_IO_ERROR_CANCELLED. */
void              vigil_duplicates_merge_async  (VigilStore           *store,
                                                 gint64                duplicate_id,
                                                 gint64                keep_person_id,
                                                 const char           *decided_by,
                                                 const char           *rationale,
                                                 GCancellable         *cancellable,
                                                 GAsyncReadyCallback   callback,
                                                 gpointer              user_data);
gboolean          vigil_duplicates_merge_finish (VigilStore           *store,
                                                 GAsyncResult         *result,
                                                 GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilJudgement, vigil_judgement_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilDuplicate, vigil_duplicate_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilJudgementContext, vigil_judgement_context_free)

G_END_DECLS
