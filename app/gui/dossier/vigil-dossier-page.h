/* vigil-dossier-page.h: one person's dossier, and the coordinator's edits to it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigil-dossier.h"
#include "vigil-store.h"

G_BEGIN_DECLS

/* What the page shows (its "state" property; registered by glib-mkenums) */
typedef enum
{
  VIGIL_DOSSIER_PAGE_STATE_EMPTY,     /* no person */
  VIGIL_DOSSIER_PAGE_STATE_LOADING,   /* a dossier on its way (the spinner, or the one shown being built) */
  VIGIL_DOSSIER_PAGE_STATE_DOSSIER,   /* a whole dossier */
  VIGIL_DOSSIER_PAGE_STATE_ERROR,     /* it could not be read */
} VigilDossierPageState;

#define VIGIL_TYPE_DOSSIER_PAGE (vigil_dossier_page_get_type ())
G_DECLARE_FINAL_TYPE (VigilDossierPage, vigil_dossier_page, VIGIL, DOSSIER_PAGE, GtkWidget)

GtkWidget          *vigil_dossier_page_new           (void);
void                vigil_dossier_page_set_store     (VigilDossierPage *self,
                                                      VigilStore       *store);
/* Loads the person's dossier in a worker thread and records the view in the audit. */
void                vigil_dossier_page_load          (VigilDossierPage *self,
                                                      gint64            person_id);
/* Focuses Back, unless the focus is already in the dossier's sections. */
void                vigil_dossier_page_focus         (VigilDossierPage *self);
gint64              vigil_dossier_page_get_person_id (VigilDossierPage *self);
VigilDossierPageState vigil_dossier_page_get_state   (VigilDossierPage *self);
/* The dossier shown, NULL while none is. */
const VigilDossier *vigil_dossier_page_get_dossier   (VigilDossierPage *self);
const GError       *vigil_dossier_page_get_error     (VigilDossierPage *self);
/* The section's box: "header", "identification", "decisions", "processes",
 * "agency-information", "victims", "history"; NULL while no dossier is shown. */
GtkWidget          *vigil_dossier_page_get_section   (VigilDossierPage *self,
                                                      const char       *name);
/* The record editor (a VigilRecordEditor) the page opened last, while it is open. */
GtkWidget          *vigil_dossier_page_get_editor    (VigilDossierPage *self);

G_END_DECLS
