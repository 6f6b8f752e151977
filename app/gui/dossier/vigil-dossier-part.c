/* vigil-dossier-part.c: a part of the dossier page (the header, each section)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-dossier-part"

#include "config.h"

#include "vigil-dossier-part.h"

G_DEFINE_INTERFACE (VigilDossierPart, vigil_dossier_part, GTK_TYPE_WIDGET)

static void
vigil_dossier_part_default_init (VigilDossierPartInterface *iface)
{
  g_object_interface_install_property (iface,
                                       g_param_spec_object ("model", NULL, "What the part shows",
                                                            VIGIL_TYPE_DOSSIER_MODEL,
                                                            G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                                            G_PARAM_STATIC_STRINGS));
}

VigilDossierModel *
vigil_dossier_part_get_model (VigilDossierPart *self)
{
  g_autoptr(VigilDossierModel) model = NULL;

  g_return_val_if_fail (VIGIL_IS_DOSSIER_PART (self), NULL);

  g_object_get (self, "model", &model, NULL);
  /* the part holds it */
  return model;
}

void
vigil_dossier_part_set_model (VigilDossierPart  *self,
                              VigilDossierModel *model)
{
  g_return_if_fail (VIGIL_IS_DOSSIER_PART (self));
  g_return_if_fail (model == NULL || VIGIL_IS_DOSSIER_MODEL (model));

  g_object_set (self, "model", model, NULL);
}
