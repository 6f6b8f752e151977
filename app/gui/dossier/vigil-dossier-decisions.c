/* vigil-dossier-decisions.c: the dossier's Assessment and Decisions section
 *
 * The senior decision-maker's assessments and decisions, newest first: a VigilDossierSectionPart whose template
 * (vigil-dossier-decisions.ui) holds its heading buttons.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-dossier-decisions"

#include "config.h"

#include "vigil-dossier-decisions.h"

struct _VigilDossierDecisions
{
  VigilDossierSectionPart  parent_instance;
};

G_DEFINE_FINAL_TYPE (VigilDossierDecisions, vigil_dossier_decisions, VIGIL_TYPE_DOSSIER_SECTION_PART)

static void
vigil_dossier_decisions_class_init (VigilDossierDecisionsClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/vigilapp/Vigil/ui/vigil-dossier-decisions.ui");
}

static void
vigil_dossier_decisions_init (VigilDossierDecisions *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
