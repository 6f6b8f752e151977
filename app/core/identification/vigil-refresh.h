/* vigil-refresh.h: a scoring run — score everyone, store the run, find the movers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-fact-cache.h"
#include "vigil-rfgv.h"
#include "vigil-scoring-profile.h"
#include "vigil-store.h"

G_BEGIN_DECLS

typedef struct
{
  gint64           run_id;
  gint64           previous_run_id;  /* 0: the first run */
  VigilScoreTable *table;            /* every scored perpetrator, by rank */
  GArray          *movers;           /* VigilMover, against the previous run */
  guint            n_stored;         /* score rows kept: the cohort and the watched */
  double           load_seconds;
  double           score_seconds;
  double           store_seconds;
  VigilFactCacheOutcome facts_cache;  /* the facts came from the cache, or were read */
} VigilRefreshResult;

void                vigil_refresh_result_free (VigilRefreshResult        *result);

/* The stages of a run, in order, for a progress report. */
typedef enum
{
  VIGIL_REFRESH_STAGE_LOADING,  /* reading every incident */
  VIGIL_REFRESH_STAGE_SCORING,  /* scoring everyone */
  VIGIL_REFRESH_STAGE_STORING,  /* storing the run and finding the movers */
  VIGIL_REFRESH_STAGE_DONE,
} VigilRefreshStage;

/* Called in the thread of the run at the start of each stage; @fraction is the
 * share of the whole run done (0 … 1). */
typedef void (*VigilRefreshProgressFunc) (VigilRefreshStage stage,
                                          double            fraction,
                                          gpointer          user_data);

/* The latest stored run, as stored: its scores are those of the cohort and of
 * everyone with a cohort entry, not everyone scored. */
typedef struct
{
  gint64               run_id;
  gint64               previous_run_id;  /* the stored run before it, 0: none */
  char                *as_of;            /* "YYYY-MM-DD" */
  char                *run_by;
  char                *finished_at;
  gint64               people_scored;    /* everyone scored in that run */
  char                *profile_name;     /* "name@sha256-prefix" as stored */
  VigilScoringProfile *profile;          /* the profile the run used, NULL if unreadable */
  VigilScoreTable     *table;            /* the stored rows, by rank */
  GHashTable          *areas;            /* person id (gint64 *) → area name */
  GArray              *movers;           /* VigilMover, against previous_run_id */
  VigilScoreTable     *previous_table;   /* previous_run_id's stored rows, NULL: none */
} VigilStoredRun;

void                vigil_stored_run_free     (VigilStoredRun            *run);

/* Scores every perpetrator in @store with @profile as of @as_of (NULL: today), stores
 * the run (profile, as-of date, who, when) with the scores of the cohort and of everyone
 * with a cohort entry, and compares them with the previous run. */
VigilRefreshResult *vigil_refresh_run         (VigilStore                *store,
                                               const VigilScoringProfile *profile,
                                               const GDate               *as_of,
                                               GCancellable              *cancellable,
                                               GError                   **error);
/* The same, calling @progress_func (may be NULL) from the thread of the run at the
 * start of each stage. */
VigilRefreshResult *vigil_refresh_run_full    (VigilStore                *store,
                                               const VigilScoringProfile *profile,
                                               const GDate               *as_of,
                                               VigilRefreshProgressFunc   progress_func,
                                               gpointer                   user_data,
                                               GCancellable              *cancellable,
                                               GError                   **error);

/* Reads the latest stored run (and its movers against the run before it) into
 * @out_run; sets it to NULL when no run was stored yet. Returns FALSE on error. */
gboolean            vigil_refresh_load_latest (VigilStore                *store,
                                               VigilStoredRun           **out_run,
                                               GError                   **error);

/* What a stage is doing, for a progress bar: "Scoring everyone…" */
const char         *vigil_refresh_stage_describe (VigilRefreshStage       stage);

typedef enum
{
  VIGIL_REFRESH_FLAGS_NONE         = 0,
  /* For tests of a long run: the worker waits at the start of scoring until the call
   * is cancelled (at most a minute). */
  VIGIL_REFRESH_HOLD_WHILE_SCORING = 1 << 0,
} VigilRefreshFlags;

/* A run off the main thread, with the stored run before it (for the places each
 * person moved). */
typedef struct
{
  VigilRefreshResult *result;
  VigilStoredRun     *previous;  /* NULL: no run was stored before */
} VigilRefreshOutcome;

void                 vigil_refresh_outcome_free   (VigilRefreshOutcome       *outcome);
/* vigil_refresh_load_latest() then vigil_refresh_run_full() on a worker; @progress_func
 * (may be NULL) hears each stage on the caller's main context, its message from
 * vigil_refresh_stage_describe(). A cancelled run stores nothing and finishes with
 * G_IO_ERROR_CANCELLED. @profile and @as_of (NULL: today) are copied. */
void                 vigil_refresh_run_full_async  (VigilStore                *store,
                                                    const VigilScoringProfile *profile,
                                                    const GDate               *as_of,
                                                    VigilRefreshFlags          flags,
                                                    VigilProgressFunc          progress_func,
                                                    gpointer                   progress_data,
                                                    GDestroyNotify             progress_destroy,
                                                    GCancellable              *cancellable,
                                                    GAsyncReadyCallback        callback,
                                                    gpointer                   user_data);
VigilRefreshOutcome *vigil_refresh_run_full_finish (VigilStore                *store,
                                                    GAsyncResult              *result,
                                                    GError                   **error);

/* The latest stored run off the main thread: @run NULL when none was stored yet. */
typedef struct
{
  VigilStoredRun *run;
} VigilLatestRun;

void                vigil_latest_run_free     (VigilLatestRun            *latest);
void                vigil_refresh_load_latest_async  (VigilStore                *store,
                                                      GCancellable              *cancellable,
                                                      GAsyncReadyCallback        callback,
                                                      gpointer                   user_data);
VigilLatestRun     *vigil_refresh_load_latest_finish (VigilStore                *store,
                                                      GAsyncResult              *result,
                                                      GError                   **error);

/* One person's score explained off the main thread: the breakdown and the names (a
 * table from person id to VigilPersonName) of the person and their victims. Fails
 * with VIGIL_STORE_ERROR_NOT_FOUND when the person has no incident as a perpetrator. */
typedef struct
{
  gint64                person_id;
  VigilRfgvExplanation *explanation;
  GHashTable           *names;
} VigilExplained;

void                vigil_explained_free      (VigilExplained            *explained);
void                vigil_refresh_explain_async  (VigilStore                *store,
                                                  gint64                     person_id,
                                                  const VigilScoringProfile *profile,
                                                  const GDate               *as_of,
                                                  GCancellable              *cancellable,
                                                  GAsyncReadyCallback        callback,
                                                  gpointer                   user_data);
VigilExplained     *vigil_refresh_explain_finish (VigilStore                *store,
                                                  GAsyncResult              *result,
                                                  GError                   **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilRefreshResult, vigil_refresh_result_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilLatestRun, vigil_latest_run_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilExplained, vigil_explained_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilStoredRun, vigil_stored_run_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilRefreshOutcome, vigil_refresh_outcome_free)

G_END_DECLS
