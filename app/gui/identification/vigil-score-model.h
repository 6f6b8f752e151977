/* vigil-score-model.h: the ranking of a scoring run as a virtual GListModel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "vigil-refresh.h"
#include "vigil-store.h"

G_BEGIN_DECLS

/* Rows whose names are read by one query. */
#define VIGIL_SCORE_MODEL_PAGE_SIZE 100
/* Names kept in memory before the cache starts again. */
#define VIGIL_SCORE_MODEL_MAX_NAMES 4096

typedef enum
{
  VIGIL_SCORE_FILTER_COHORT,    /* in the cohort by the profile's rule */
  VIGIL_SCORE_FILTER_EVERYONE,
  VIGIL_SCORE_FILTER_MOVERS,    /* movers since the previous run */
} VigilScoreFilter;

typedef enum
{
  VIGIL_SCORE_SORT_RANK,
  VIGIL_SCORE_SORT_RECENCY,
  VIGIL_SCORE_SORT_FREQUENCY,
  VIGIL_SCORE_SORT_GRAVITY,
  VIGIL_SCORE_SORT_VICTIMS,
  VIGIL_SCORE_SORT_AREA,        /* area name, then area rank */
  VIGIL_SCORE_SORT_MOVEMENT,    /* places moved up */
} VigilScoreSort;

#define VIGIL_TYPE_SCORE_MODEL (vigil_score_model_get_type ())
G_DECLARE_FINAL_TYPE (VigilScoreModel, vigil_score_model, VIGIL, SCORE_MODEL, GObject)

VigilScoreModel       *vigil_score_model_new          (VigilStore            *store,
                                                       VigilScoreTable       *table,
                                                       GHashTable            *areas,
                                                       const VigilScoreTable *previous,
                                                       GArray                *movers);
VigilStore            *vigil_score_model_get_store    (VigilScoreModel       *self);
const VigilScoreTable *vigil_score_model_get_table    (VigilScoreModel       *self);
GArray                *vigil_score_model_get_movers   (VigilScoreModel       *self);
const VigilMover      *vigil_score_model_find_mover   (VigilScoreModel       *self,
                                                       gint64                 person_id);
VigilScoreFilter       vigil_score_model_get_filter   (VigilScoreModel       *self);
void                   vigil_score_model_set_filter   (VigilScoreModel       *self,
                                                       VigilScoreFilter       filter);
const char            *vigil_score_model_get_search   (VigilScoreModel       *self);
void                   vigil_score_model_set_search_async  (VigilScoreModel     *self,
                                                           const char          *search,
                                                           GCancellable        *cancellable,
                                                           GAsyncReadyCallback  callback,
                                                           gpointer             user_data);
gboolean               vigil_score_model_set_search_finish (VigilScoreModel     *self,
                                                           GAsyncResult        *result,
                                                           GError             **error);
void                   vigil_score_model_clear_search (VigilScoreModel       *self);
void                   vigil_score_model_set_sort     (VigilScoreModel       *self,
                                                       VigilScoreSort         sort,
                                                       gboolean               descending);
/* The position of @person_id's row, or G_MAXUINT when it is filtered out. */
guint                  vigil_score_model_find_person  (VigilScoreModel       *self,
                                                       gint64                 person_id);
/* "Surname, Forenames" and the reference of anyone, from the cache; a miss asks the
 * store off the main thread, returns FALSE, and "names-changed" follows. */
gboolean               vigil_score_model_lookup_person (VigilScoreModel      *self,
                                                        gint64                person_id,
                                                        const char          **name,
                                                        const char          **reference);
guint                  vigil_score_model_get_n_names_cached (VigilScoreModel *self);
gboolean               vigil_score_model_get_loading  (VigilScoreModel       *self);
void                   vigil_score_model_add_names    (VigilScoreModel       *self,
                                                       GHashTable            *names);

G_END_DECLS
