/* vigil-dossier-part.h: a part of the dossier page (the header, each section)
 *
 * Every part of the page is a template widget of its own that shows what its "model"
 * (a VigilDossierModel) says; its buttons activate the page's dossier.* actions, a
 * record named by its id as the action's parameter.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "vigil-dossier-model.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_DOSSIER_PART (vigil_dossier_part_get_type ())
G_DECLARE_INTERFACE (VigilDossierPart, vigil_dossier_part, VIGIL, DOSSIER_PART, GtkWidget)

struct _VigilDossierPartInterface
{
  GTypeInterface parent_iface;
};

/* The "model" property every part has */
VigilDossierModel *vigil_dossier_part_get_model (VigilDossierPart  *self);
void               vigil_dossier_part_set_model (VigilDossierPart  *self,
                                                 VigilDossierModel *model);

G_END_DECLS
