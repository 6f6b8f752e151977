/* vigil-dossier-agencies.h: the dossier's Multi-agency Information section
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-dossier-section-part.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_DOSSIER_AGENCIES (vigil_dossier_agencies_get_type ())
G_DECLARE_FINAL_TYPE (VigilDossierAgencies, vigil_dossier_agencies, VIGIL, DOSSIER_AGENCIES, VigilDossierSectionPart)

G_END_DECLS
