/* vigil-cohort-view.h: the searchable list of everyone in the cohort list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "vigil-store.h"
#include "vigil-people-model.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_COHORT_VIEW (vigil_cohort_view_get_type ())
G_DECLARE_FINAL_TYPE (VigilCohortView, vigil_cohort_view, VIGIL, COHORT_VIEW, GtkWidget)

GtkWidget        *vigil_cohort_view_new              (void);
VigilStore       *vigil_cohort_view_get_store        (VigilCohortView *self);
void              vigil_cohort_view_set_store        (VigilCohortView *self,
                                                      VigilStore      *store);
VigilPeopleModel *vigil_cohort_view_get_model        (VigilCohortView *self);
GtkSearchEntry   *vigil_cohort_view_get_search_entry (VigilCohortView *self);
GtkColumnView    *vigil_cohort_view_get_column_view  (VigilCohortView *self);
const char       *vigil_cohort_view_get_state        (VigilCohortView *self);
void              vigil_cohort_view_focus_search     (VigilCohortView *self);
GtkToggleButton  *vigil_cohort_view_get_view_button  (VigilCohortView *self,
                                                      VigilPeopleView  view);
GtkDropDown      *vigil_cohort_view_get_status_filter (VigilCohortView *self);
GtkDropDown      *vigil_cohort_view_get_route_filter (VigilCohortView *self);
GtkDropDown      *vigil_cohort_view_get_flag_filter  (VigilCohortView *self);
GtkEntry         *vigil_cohort_view_get_area_filter  (VigilCohortView *self);
GtkDropDown      *vigil_cohort_view_get_sort_dropdown (VigilCohortView *self);
GtkToggleButton  *vigil_cohort_view_get_descending_toggle (VigilCohortView *self);
GtkLabel         *vigil_cohort_view_get_counts_label (VigilCohortView *self);

G_END_DECLS
