/* vigil-dossier-processes.c: the dossier's Other Processes section
 *
 * The other processes that manage the person (principle 4): a VigilDossierSectionPart whose template
 * (vigil-dossier-processes.ui) holds its heading buttons.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-dossier-processes"

#include "config.h"

#include "vigil-dossier-processes.h"

struct _VigilDossierProcesses
{
  VigilDossierSectionPart  parent_instance;
};

G_DEFINE_FINAL_TYPE (VigilDossierProcesses, vigil_dossier_processes, VIGIL_TYPE_DOSSIER_SECTION_PART)

static void
vigil_dossier_processes_class_init (VigilDossierProcessesClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/vigilapp/Vigil/ui/vigil-dossier-processes.ui");
}

static void
vigil_dossier_processes_init (VigilDossierProcesses *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
