/* vigil-dossier-section-part.h: a section of the dossier page, below the header
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-dossier-part.h"
#include "vigil-section.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_DOSSIER_SECTION_PART (vigil_dossier_section_part_get_type ())
G_DECLARE_FINAL_TYPE (VigilDossierSectionPart, vigil_dossier_section_part, VIGIL, DOSSIER_SECTION_PART, VigilSection)

/* @name: one of vigil_dossier_model_get_section_names () */
GtkWidget *vigil_dossier_section_part_new (const char        *name,
                                      VigilDossierModel *model);

G_END_DECLS
