/* vigil-dossier-decisions.h: the dossier's Assessment and Decisions section
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-dossier-section-part.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_DOSSIER_DECISIONS (vigil_dossier_decisions_get_type ())
G_DECLARE_FINAL_TYPE (VigilDossierDecisions, vigil_dossier_decisions, VIGIL, DOSSIER_DECISIONS, VigilDossierSectionPart)

G_END_DECLS
