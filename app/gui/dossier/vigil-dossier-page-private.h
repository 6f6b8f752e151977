/* vigil-dossier-page-private.h: what the dossier page's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-dossier-model.h"
#include "vigil-dossier-page.h"

G_BEGIN_DECLS

struct _VigilDossierPage
{
  GtkWidget          parent_instance;

  /* Template widgets */
  GtkWidget         *toolbar;
  GtkWidget         *back_button;
  GtkLabel          *title_label;
  GtkStack          *stack;
  AdwStatusPage     *error_page;
  GtkSpinner        *spinner;
  GtkWidget         *scrolled;
  GtkWidget         *clamp;

  /* Owned references */
  GtkBox            *content;      /* the clamp's child: the parts shown */
  GSettings         *settings;
  VigilStore        *store;
  GCancellable      *cancellable;
  VigilDossierModel *model;        /* the dossier shown, NULL while none is */
  GError            *error;
  GHashTable        *sections;     /* name → borrowed part */

  /* Borrowed references */
  GtkWidget         *editor;       /* the open record editor, weak */

  gint64             person_id;
  gboolean           all_history;  /* Show All chosen, for this person */

  /* The parts are built one per main-loop iteration, so that the window answers
   * while a large dossier is put on screen: a first load in place, a reload into
   * build_box, shown when whole. */
  VigilDossierPageState state;
  guint              build_source;
  guint              build_step;
  GtkBox            *build_box;
  GHashTable        *build_sections;
  VigilDossierModel *build_model;  /* a reload's: the parts shown keep the old one */
  double             build_position;
};

/* The dossier shown and its tactical menu, NULL while none is */
static inline const VigilDossier *
get_dossier (VigilDossierPage *self)
{
  return self->model != NULL ? vigil_dossier_model_get_dossier (self->model) : NULL;
}

static inline VigilTacticalMenu *
get_menu (VigilDossierPage *self)
{
  return self->model != NULL ? vigil_dossier_model_get_menu (self->model) : NULL;
}

/* vigil-dossier-page.c: loads the person's dossier again, without a new view */
void _vigil_dossier_page_reload             (VigilDossierPage *self);
/* vigil-dossier-page-actions.c: installs the dossier.* actions */
void _vigil_dossier_page_class_actions_init (GtkWidgetClass   *widget_class);

G_END_DECLS
