/* vigil-refresh.h: a scoring run — score everyone, store the run, find the movers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

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
} VigilRefreshResult;

void                vigil_refresh_result_free (VigilRefreshResult        *result);

/* Scores every perpetrator in @store with @profile as of @as_of (NULL: today), stores
 * the run (profile, as-of date, who, when) with the scores of the cohort and of everyone
 * with a cohort entry, and compares them with the previous run. */
VigilRefreshResult *vigil_refresh_run         (VigilStore                *store,
                                               const VigilScoringProfile *profile,
                                               const GDate               *as_of,
                                               GCancellable              *cancellable,
                                               GError                   **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilRefreshResult, vigil_refresh_result_free)

G_END_DECLS
