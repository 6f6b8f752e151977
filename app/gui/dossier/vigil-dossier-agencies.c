/* vigil-dossier-agencies.c: the dossier's Multi-agency Information section
 *
 * What each partner agency shared (principle 6): a VigilDossierSectionPart whose template
 * (vigil-dossier-agencies.ui) holds its heading buttons.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-dossier-agencies"

#include "config.h"

#include "vigil-dossier-agencies.h"

struct _VigilDossierAgencies
{
  VigilDossierSectionPart  parent_instance;
};

G_DEFINE_FINAL_TYPE (VigilDossierAgencies, vigil_dossier_agencies, VIGIL_TYPE_DOSSIER_SECTION_PART)

static void
vigil_dossier_agencies_class_init (VigilDossierAgenciesClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/vigilapp/Vigil/ui/vigil-dossier-agencies.ui");
}

static void
vigil_dossier_agencies_init (VigilDossierAgencies *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
