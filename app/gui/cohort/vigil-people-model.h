/* vigil-people-model.h: the cohort list as a virtual GListModel over the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "vigil-people.h"
#include "vigil-store.h"

G_BEGIN_DECLS

/* Rows fetched by one query, and pages kept in memory. */
#define VIGIL_PEOPLE_MODEL_PAGE_SIZE 200
#define VIGIL_PEOPLE_MODEL_MAX_PAGES 8
/* How long the search text must stay unchanged before the model queries again. */
#define VIGIL_PEOPLE_MODEL_SEARCH_DELAY_MS 150

#define VIGIL_TYPE_PEOPLE_MODEL (vigil_people_model_get_type ())
G_DECLARE_FINAL_TYPE (VigilPeopleModel, vigil_people_model, VIGIL, PEOPLE_MODEL, GObject)

VigilPeopleModel *vigil_people_model_new          (VigilStore       *store);
VigilStore       *vigil_people_model_get_store    (VigilPeopleModel *self);
const char       *vigil_people_model_get_search   (VigilPeopleModel *self);
void              vigil_people_model_set_search   (VigilPeopleModel *self,
                                                   const char       *search);
gboolean          vigil_people_model_get_searching (VigilPeopleModel *self);
void              vigil_people_model_flush_search (VigilPeopleModel *self);
void              vigil_people_model_reload       (VigilPeopleModel *self);
gboolean          vigil_people_model_get_loading  (VigilPeopleModel *self);
gint64            vigil_people_model_get_total    (VigilPeopleModel *self);
const GError     *vigil_people_model_get_error    (VigilPeopleModel *self);
guint             vigil_people_model_get_n_cached_pages (VigilPeopleModel *self);
void              vigil_people_model_set_view     (VigilPeopleModel *self,
                                                   VigilPeopleView   view);
VigilPeopleView   vigil_people_model_get_view     (VigilPeopleModel *self);
void              vigil_people_model_set_filter   (VigilPeopleModel *self,
                                                   const char       *status,
                                                   const char       *route,
                                                   const char       *area,
                                                   guint             flags);
void              vigil_people_model_set_sort     (VigilPeopleModel *self,
                                                   VigilPeopleSort   sort,
                                                   gboolean          descending);
const VigilPeopleCounts *vigil_people_model_get_counts (VigilPeopleModel *self);

G_END_DECLS
