/* vigil-dossier-section-part.h: a section of the dossier page, below the header
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-dossier-part.h"
#include "vigil-section.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_DOSSIER_SECTION_PART (vigil_dossier_section_part_get_type ())
G_DECLARE_DERIVABLE_TYPE (VigilDossierSectionPart, vigil_dossier_section_part, VIGIL, DOSSIER_SECTION_PART, VigilSection)

/* A section with fixed pieces (its heading buttons) is a subclass with a template of
 * its own, named in it; @bind sets what of them depends on the model. */
struct _VigilDossierSectionPartClass
{
  VigilSectionClass parent_class;

  void (* bind) (VigilDossierSectionPart *self,
                 VigilDossierModel       *model);
};

/* The part that shows the section @name (one of vigil_dossier_model_get_section_names ()),
 * a subclass where the section has one. */
GtkWidget         *vigil_dossier_section_part_new_for_name (const char        *name,
                                                            VigilDossierModel *model);
VigilDossierModel *vigil_dossier_section_part_get_model    (VigilDossierSectionPart *self);
/* A section of its own type: @name: one of vigil_dossier_model_get_section_names () */
GtkWidget *vigil_dossier_section_part_new (const char        *name,
                                      VigilDossierModel *model);

G_END_DECLS
