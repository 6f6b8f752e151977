/* vigil-dossier-model.h: what the dossier page shows (its view model)
 *
 * Holds the dossier read (with the tactical menu the planner offers) and says, in
 * final translated text, what each part of the page shows: the header's lines and the
 * score as properties, each section as a tree of VigilDossierItem (built when first
 * asked for). Victims are shown by role ("Victim 1") unless show-victim-names is set;
 * setting it, or another dossier, drops the sections built (notify::sections). No GTK.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-core.h"
#include "vigil-dossier-item.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_DOSSIER_MODEL (vigil_dossier_model_get_type ())
G_DECLARE_FINAL_TYPE (VigilDossierModel, vigil_dossier_model, VIGIL, DOSSIER_MODEL, GObject)

VigilDossierModel   *vigil_dossier_model_new                (void);
/* Takes @dossier, @menu (NULL when it could not be read) and @menu_error (or NULL). */
void                 vigil_dossier_model_set_dossier        (VigilDossierModel  *self,
                                                             VigilDossier       *dossier,
                                                             VigilTacticalMenu  *menu,
                                                             GError             *menu_error);
const VigilDossier  *vigil_dossier_model_get_dossier        (VigilDossierModel  *self);
VigilTacticalMenu   *vigil_dossier_model_get_menu           (VigilDossierModel  *self);
gboolean             vigil_dossier_model_get_show_victim_names (VigilDossierModel *self);
/* The whole history (Show All), or the newest entries */
gboolean             vigil_dossier_model_get_all_history    (VigilDossierModel  *self);
void                 vigil_dossier_model_set_all_history    (VigilDossierModel  *self,
                                                             gboolean            all);
void                 vigil_dossier_model_set_show_victim_names (VigilDossierModel *self,
                                                             gboolean            show);
/* YYYY-MM-DD; NULL (the default): the local date. */
void                 vigil_dossier_model_set_today          (VigilDossierModel  *self,
                                                             const char         *today);

/* The header: NULL for a line not shown */
const char          *vigil_dossier_model_get_name           (VigilDossierModel  *self);
const char          *vigil_dossier_model_get_aliases        (VigilDossierModel  *self);
const char          *vigil_dossier_model_get_refs           (VigilDossierModel  *self);
const char          *vigil_dossier_model_get_status         (VigilDossierModel  *self);
const char          *vigil_dossier_model_get_lead           (VigilDossierModel  *self);
const char          *vigil_dossier_model_get_next_review    (VigilDossierModel  *self);
const char          *vigil_dossier_model_get_changed        (VigilDossierModel  *self);
gboolean             vigil_dossier_model_get_in_cohort      (VigilDossierModel  *self);
gboolean             vigil_dossier_model_get_can_change_status (VigilDossierModel *self);
/* The score card */
gboolean             vigil_dossier_model_get_scored         (VigilDossierModel  *self);
const char          *vigil_dossier_model_get_score_total    (VigilDossierModel  *self);
/* "R 5", "F 3", "G 4", "V 2" */
const char * const  *vigil_dossier_model_get_score_parts    (VigilDossierModel  *self);
const char          *vigil_dossier_model_get_trend          (VigilDossierModel  *self);
const char          *vigil_dossier_model_get_trend_icon     (VigilDossierModel  *self);
gboolean             vigil_dossier_model_get_rising         (VigilDossierModel  *self);
const char          *vigil_dossier_model_get_rank           (VigilDossierModel  *self);
const char          *vigil_dossier_model_get_score_accessible (VigilDossierModel *self);

/* The plan: written or not; an intervention can be added (a plan and a menu read) */
gboolean             vigil_dossier_model_get_has_plan       (VigilDossierModel  *self);
gboolean             vigil_dossier_model_get_can_add_intervention (VigilDossierModel *self);

/* The sections below the header, in the page's order. Their fixed buttons are the
 * parts' (templates); a section's items hold those that come and go. */
const char * const  *vigil_dossier_model_get_section_names  (void);
/* The section @name (a VIGIL_DOSSIER_ITEM_SECTION), NULL without a dossier. */
VigilDossierItem    *vigil_dossier_model_get_section        (VigilDossierModel  *self,
                                                             const char         *name);
/* The victim as the page shows them: by role, or with their name when asked for. */
char                *vigil_dossier_model_dup_victim_label   (VigilDossierModel  *self,
                                                             const VigilDossierVictim *victim);

G_END_DECLS
