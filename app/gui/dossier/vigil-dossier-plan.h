/* vigil-dossier-plan.h: the dossier's Risk Management Plan section
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-dossier-section-part.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_DOSSIER_PLAN (vigil_dossier_plan_get_type ())
G_DECLARE_FINAL_TYPE (VigilDossierPlan, vigil_dossier_plan, VIGIL, DOSSIER_PLAN, VigilDossierSectionPart)

G_END_DECLS
