/* vigil-identification-view.h: the Identification page: refresh, ranking, explanations, movers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "vigil-store.h"
#include "vigil-score-model.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_IDENTIFICATION_VIEW (vigil_identification_view_get_type ())
G_DECLARE_FINAL_TYPE (VigilIdentificationView, vigil_identification_view, VIGIL, IDENTIFICATION_VIEW, GtkWidget)

GtkWidget       *vigil_identification_view_new            (void);
VigilStore      *vigil_identification_view_get_store      (VigilIdentificationView   *self);
gboolean                 vigil_identification_view_get_busy        (VigilIdentificationView *self);
void             vigil_identification_view_set_store      (VigilIdentificationView   *self,
                                                           VigilStore                *store);
/* Starts a refresh off the main thread (nothing when one runs or no store is set). */
void             vigil_identification_view_refresh        (VigilIdentificationView   *self);
void             vigil_identification_view_cancel         (VigilIdentificationView   *self);
gboolean         vigil_identification_view_is_running     (VigilIdentificationView   *self);
void             vigil_identification_view_get_as_of      (VigilIdentificationView   *self,
                                                           GDate                     *as_of);
void             vigil_identification_view_set_as_of      (VigilIdentificationView   *self,
                                                           const GDate               *as_of);
/* The profile of the next refresh (default: rfgv-default). */
void             vigil_identification_view_set_profile    (VigilIdentificationView   *self,
                                                           const VigilScoringProfile *profile);
VigilScoreModel *vigil_identification_view_get_model      (VigilIdentificationView   *self);
/* The run shown (0: none) and whether it was read from the store rather than just run. */
gint64           vigil_identification_view_get_run_id     (VigilIdentificationView   *self);
gboolean         vigil_identification_view_is_stored_run  (VigilIdentificationView   *self);
/* "empty" or "ranking" */
const char      *vigil_identification_view_get_state      (VigilIdentificationView   *self);
const GError    *vigil_identification_view_get_error      (VigilIdentificationView   *self);
void             vigil_identification_view_set_filter     (VigilIdentificationView   *self,
                                                           VigilScoreFilter           filter);
/* Selects the person's row (showing everyone when the filter hides it). */
gboolean         vigil_identification_view_select_person  (VigilIdentificationView   *self,
                                                           gint64                     person_id);
void             vigil_identification_view_focus_search   (VigilIdentificationView   *self);
void             vigil_identification_view_show_movers    (VigilIdentificationView   *self);

/* For the tests. */
GtkColumnView   *vigil_identification_view_get_column_view (VigilIdentificationView  *self);
GtkSearchEntry  *vigil_identification_view_get_search_entry (VigilIdentificationView *self);
GtkProgressBar  *vigil_identification_view_get_progress_bar (VigilIdentificationView *self);
GtkWidget       *vigil_identification_view_get_explanation (VigilIdentificationView  *self);
GtkListBox      *vigil_identification_view_get_movers_list (VigilIdentificationView  *self);
GtkWidget       *vigil_identification_view_get_stored_banner (VigilIdentificationView *self);
/* For tests: the next refresh holds at the start of scoring until it is cancelled
 * (VIGIL_REFRESH_HOLD_WHILE_SCORING). */
void             vigil_identification_view_set_hold_for_testing (VigilIdentificationView *self,
                                                                 gboolean                 hold);

G_END_DECLS
