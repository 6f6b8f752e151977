/* vigil-window.h: the main window: welcome, opening, error and the cohort views
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigil-session.h"

#include "vigil-location.h"
#include "vigil-store.h"
#include "vigil-store-loader.h"
#include "vigil-cohort-view.h"
#include "vigil-dossier-page.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_WINDOW (vigil_window_get_type ())
G_DECLARE_FINAL_TYPE (VigilWindow, vigil_window, VIGIL, WINDOW, AdwApplicationWindow)

VigilWindow     *vigil_window_new                (GtkApplication      *application);
VigilSession    *vigil_window_get_session        (VigilWindow         *self);
VigilStore      *vigil_window_get_store          (VigilWindow         *self);
void             vigil_window_set_store          (VigilWindow         *self,
                                                  VigilStore          *store,
                                                  gboolean             remember);
void             vigil_window_open_location      (VigilWindow         *self,
                                                  const VigilLocation *location,
                                                  VigilOpenMode        mode,
                                                  gboolean             remember);
void             vigil_window_open_saved_store   (VigilWindow         *self);
void             vigil_window_show_welcome       (VigilWindow         *self);
const char      *vigil_window_get_page           (VigilWindow         *self);
gboolean         vigil_window_get_demo_banner_visible (VigilWindow    *self);
VigilCohortView *vigil_window_get_cohort_view    (VigilWindow         *self);
VigilDossierPage *vigil_window_get_dossier_page  (VigilWindow         *self);
GtkWidget       *vigil_window_get_panel_view     (VigilWindow         *self);
GtkWidget       *vigil_window_get_evaluation_view (VigilWindow        *self);
void             vigil_window_add_toast          (VigilWindow         *self,
                                                  AdwToast            *toast);

G_END_DECLS
