/* vigil-evaluation.h: outcome measures for the managed cohort (principle 8)
 *
 * Who is evaluated: every person whose first cohort entry was adopted (adopted_on set:
 * managed, scaling back or exited after adoption), the entry date being adopted_on.
 * The comparison group: people with a cohort entry who were never adopted ("of
 * concern, not managed"), each matched to one managed person with the nearest RFGV
 * total at that person's entry date (within the caliper, without replacement); the
 * matched person's entry date stands as their own.
 *
 * The outcome measures count domestic-abuse incidents: those with a domestic relationship
 * (intimate partner, ex-partner, family) that the scoring profile counts, harm being the
 * sum of their offence gravity points in the profile. For a window of W months:
 *   before = (entry − W months, entry], after = (entry, entry + W months];
 * a person counts in a window's comparison only when entry + W months is on or before
 * the data's end date (the latest incident in the store, unless given), else they are
 * "not yet observable".
 *
 * Survival: days from entry to the first counted incident after the entry day;
 * censored at the data's end date and, for the managed, at exit.
 *
 * Scores are computed from the incidents with the profile exactly as the engine scores
 * (all the relationships the profile counts), not read from stored runs, so they exist
 * for any date: at entry, at the end date ("latest") and at exit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-scoring-profile.h"
#include "vigil-store.h"

G_BEGIN_DECLS

#define VIGIL_EVALUATION_ERROR (vigil_evaluation_error_quark ())

typedef enum
{
  VIGIL_EVALUATION_ERROR_INVALID,   /* a bad option: window, dates, caliper */
  VIGIL_EVALUATION_ERROR_FAILED,    /* the store could not be read */
} VigilEvaluationError;

#define VIGIL_EVALUATION_MAX_WINDOWS 4

typedef enum
{
  VIGIL_EVALUATION_MANAGED,
  VIGIL_EVALUATION_COMPARISON,
  VIGIL_EVALUATION_N_GROUPS,
} VigilEvaluationGroup;

typedef enum
{
  VIGIL_MEASURE_INCIDENTS,
  VIGIL_MEASURE_HARM,
  VIGIL_MEASURE_VICTIMS,
  VIGIL_N_MEASURES,
} VigilEvaluationMeasure;

typedef struct
{
  int          window_months[VIGIL_EVALUATION_MAX_WINDOWS];  /* default 6, 12 */
  guint        n_windows;
  char        *adopted_from;  /* "YYYY-MM-DD": people adopted on or after; NULL: any */
  char        *adopted_to;    /* on or before; NULL: any */
  char        *end_date;      /* the data's end date; NULL: the latest incident */
  char        *area;          /* the entry's area; NULL: any */
  char        *route;         /* vigil_route_choices; NULL: any */
  char        *category;      /* people with an intervention of this tactical category */
  double       caliper;       /* comparison: largest score difference (default 2) */
} VigilEvaluationOptions;

void     vigil_evaluation_options_init  (VigilEvaluationOptions *options);
void     vigil_evaluation_options_clear (VigilEvaluationOptions *options);

typedef struct
{
  gboolean observable;
  gint32   before[VIGIL_N_MEASURES];
  gint32   after[VIGIL_N_MEASURES];
} VigilEvaluationWindow;

typedef struct
{
  gint64   person_id;
  char    *person_ref;
  VigilEvaluationGroup group;
  gint64   matched_to;        /* comparison: the managed person's id; managed: their match, 0 none */
  char    *status;
  char    *route;
  char    *area;
  char    *exit_reason;       /* NULL unless exited */
  gint32   identified_day;    /* Julian days; 0: unknown */
  gint32   entry_day;         /* adopted_on (comparison: the match's) */
  gint32   exit_day;          /* 0: not exited */
  VigilEvaluationWindow windows[VIGIL_EVALUATION_MAX_WINDOWS];
  gint32   survival_days;     /* to the event or the censoring; -1: not observable */
  gboolean survival_event;
  double   score_entry;
  double   score_latest;      /* as of the end date */
  double   score_exit;        /* NAN unless exited */
  guint    categories;        /* bit i: an intervention of vigil_tactical_category_choices[i] */
} VigilEvaluationPerson;

typedef struct
{
  gint32 day;          /* days since entry */
  guint  at_risk;
  guint  events;
  guint  censored;
  double survival;     /* after this day */
} VigilSurvivalStep;

typedef struct
{
  guint  n;              /* people in the curve */
  guint  events;
  guint  censored;
  gint32 median_days;    /* -1: not reached */
  GArray *steps;         /* VigilSurvivalStep, by day */
} VigilSurvival;

typedef struct
{
  guint   people;
  guint   observable;
  gint64  before[VIGIL_N_MEASURES];   /* sums over the observable */
  gint64  after[VIGIL_N_MEASURES];
} VigilWindowSummary;

typedef struct
{
  char   *kind;       /* "category", "route", "exit_reason" */
  char   *code;       /* the choice code ("" for none) */
  char   *label;      /* translated */
  guint   people;
  VigilWindowSummary window;  /* in the first window */
  double  score_entry_mean;
  double  score_latest_mean;
} VigilBreakdownRow;

typedef struct
{
  guint  adopted;                 /* with identification and adoption dates */
  double days_to_panel_median;    /* NAN when none */
  double days_to_panel_mean;
  guint  interventions;           /* all, for the evaluated */
  guint  interventions_agreed;    /* agreed, in progress, completed or breached */
  guint  interventions_completed;
  guint  actions;                 /* panel actions with a due date */
  guint  actions_done;
  guint  actions_done_on_time;    /* done on or before the due date */
  guint  actions_overdue;         /* open past due at the end date */
  guint  orders;                  /* interventions that are orders */
  guint  orders_breached;         /* breached status or breaches > 0 */
  gint64 order_breaches;          /* the breaches recorded */
} VigilProcessMeasures;

typedef struct
{
  char   *measure;     /* vigil_outcome_measure_choices */
  char   *source;      /* vigil_outcome_source_choices */
  guint   people;      /* with at least one rating */
  guint   observations;
  guint   improved;    /* of those with two or more: latest above the first */
  guint   worse;
  guint   unchanged;
  double  first_mean;
  double  latest_mean;
  /* mean rating by quarter since entry: quarter q covers days (91q − 91, 91q], q = 0 is
   * on or before entry; NAN where no rating */
  double  quarter_means[9];
} VigilOutcomeSummary;

typedef struct _VigilEvaluation VigilEvaluation;

GQuark           vigil_evaluation_error_quark     (void);

/* Evaluates @store with @profile (NULL: the latest stored run's, else the default) and
 * @options (NULL: defaults). Reads incidents through the fact cache. */
VigilEvaluation *vigil_evaluation_run             (VigilStore                    *store,
                                                   const VigilScoringProfile     *profile,
                                                   const VigilEvaluationOptions  *options,
                                                   GCancellable                  *cancellable,
                                                   GError                       **error);
void             vigil_evaluation_free            (VigilEvaluation               *self);
void             vigil_evaluation_run_async       (VigilStore                    *store,
                                                   const VigilScoringProfile     *profile,
                                                   const VigilEvaluationOptions  *options,
                                                   VigilProgressFunc              progress_func,
                                                   gpointer                       progress_data,
                                                   GDestroyNotify                 progress_destroy,
                                                   GCancellable                  *cancellable,
                                                   GAsyncReadyCallback            callback,
                                                   gpointer                       user_data);
VigilEvaluation *vigil_evaluation_run_finish      (VigilStore                    *store,
                                                   GAsyncResult                  *result,
                                                   GError                       **error);
/* The areas of the cohort's entries, sorted (strings): the area filter's choices. */
GPtrArray       *vigil_evaluation_list_areas      (VigilStore                    *store,
                                                   GError                       **error);
void             vigil_evaluation_list_areas_async  (VigilStore                  *store,
                                                     GCancellable                *cancellable,
                                                     GAsyncReadyCallback          callback,
                                                     gpointer                     user_data);
GPtrArray       *vigil_evaluation_list_areas_finish (VigilStore                  *store,
                                                     GAsyncResult                *result,
                                                     GError                     **error);

const VigilEvaluationOptions *vigil_evaluation_get_options (const VigilEvaluation *self);
/* "YYYY-MM-DD" */
const char      *vigil_evaluation_get_end_date    (const VigilEvaluation         *self);
const VigilScoringProfile *vigil_evaluation_get_profile (const VigilEvaluation  *self);

/* Everyone evaluated, managed first (by entry date), then the comparison group. */
const VigilEvaluationPerson *vigil_evaluation_get_people (const VigilEvaluation  *self,
                                                          guint                  *n_people);
guint            vigil_evaluation_count_group     (const VigilEvaluation         *self,
                                                   VigilEvaluationGroup           group);
/* Sums for @group in window @window (index into options->window_months). */
void             vigil_evaluation_summarise       (const VigilEvaluation         *self,
                                                   VigilEvaluationGroup           group,
                                                   guint                          window,
                                                   VigilWindowSummary            *out);
const VigilSurvival *vigil_evaluation_get_survival (const VigilEvaluation        *self,
                                                   VigilEvaluationGroup           group);
/* The survival after @day days since entry (1.0 before the first event). */
double           vigil_survival_at                (const VigilSurvival           *survival,
                                                   gint32                         day);
/* Means of the scores of @group: at entry, latest, and at exit (over the exited). */
void             vigil_evaluation_score_means     (const VigilEvaluation         *self,
                                                   VigilEvaluationGroup           group,
                                                   double                        *entry,
                                                   double                        *latest,
                                                   double                        *exit,
                                                   guint                         *n_exited);
/* Mean score of @group @months after entry over those observed that long; NAN: none. */
double           vigil_evaluation_score_after     (const VigilEvaluation         *self,
                                                   VigilEvaluationGroup           group,
                                                   int                            months,
                                                   guint                         *n_observed);
/* The managed group by intervention category, by route and by exit reason. */
GPtrArray       *vigil_evaluation_get_breakdowns  (const VigilEvaluation         *self);
const VigilProcessMeasures *vigil_evaluation_get_process (const VigilEvaluation  *self);
/* VigilOutcomeSummary rows of the managed group, by measure then source. */
GArray          *vigil_evaluation_get_outcomes    (const VigilEvaluation         *self);
/* The cohort's size at the end of each month from the first adoption to the end date:
 * Julian days of the month ends, people managed or scaling back that day, and those
 * exited by then. */
guint            vigil_evaluation_get_cohort_size (const VigilEvaluation         *self,
                                                   const gint32                 **days,
                                                   const guint                  **in_cohort,
                                                   const guint                  **exited);
/* Interventions of the evaluated by category (vigil_tactical_category_choices order)
 * and status (vigil_intervention_status_choices order): counts[c * n_status + s]. */
const guint     *vigil_evaluation_get_intervention_counts (const VigilEvaluation *self,
                                                           guint                 *n_categories,
                                                           guint                 *n_statuses);

/* The score of one person as of @day (Julian) from the fact set, with @profile. */
double           vigil_evaluation_score_person    (const VigilEvaluation         *self,
                                                   gint64                         person_id,
                                                   gint32                         day);

/* "Managed", "Comparison", translated */
const char      *vigil_evaluation_group_label     (VigilEvaluationGroup           group);

/* The caveat every chart and export carries, translated. */
const char      *vigil_evaluation_get_caveat      (void);

/* The report as text: "table" (aligned columns), "csv" (one CSV block a section, each
 * after a "# Section" line) or "json". NULL with @error for an unknown format. */
char            *vigil_evaluation_format          (const VigilEvaluation         *self,
                                                   const char                    *format,
                                                   GError                       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilEvaluation, vigil_evaluation_free)
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (VigilEvaluationOptions, vigil_evaluation_options_clear)

G_END_DECLS
