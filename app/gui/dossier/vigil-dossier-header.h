/* vigil-dossier-header.h: the top of the dossier page (who, where in the cohort, score)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-dossier-part.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_DOSSIER_HEADER (vigil_dossier_header_get_type ())
G_DECLARE_FINAL_TYPE (VigilDossierHeader, vigil_dossier_header, VIGIL, DOSSIER_HEADER, GtkWidget)

GtkWidget *vigil_dossier_header_new (VigilDossierModel *model);

G_END_DECLS
