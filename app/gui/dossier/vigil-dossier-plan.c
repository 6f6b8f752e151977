/* vigil-dossier-plan.c: the dossier's Risk Management Plan section
 *
 * The plan and its interventions from the tactical menu (principles 2 and 5): a
 * VigilDossierSectionPart whose template (vigil-dossier-plan.ui) holds its heading
 * buttons, Edit (or Write) Plan and Add Intervention (only onto a plan, from a menu
 * read).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-dossier-plan"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-dossier-plan.h"

struct _VigilDossierPlan
{
  VigilDossierSectionPart  parent_instance;

  /* Template widgets */
  GtkButton               *edit_plan_button;
  GtkWidget               *add_intervention_button;
};

G_DEFINE_FINAL_TYPE (VigilDossierPlan, vigil_dossier_plan, VIGIL_TYPE_DOSSIER_SECTION_PART)

/* The plan written or not yet; an intervention only onto a plan, from a menu read */
static void
vigil_dossier_plan_bind (VigilDossierSectionPart *part,
                         VigilDossierModel       *model)
{
  VigilDossierPlan *self = VIGIL_DOSSIER_PLAN (part);
  gboolean has_plan = vigil_dossier_model_get_has_plan (model);

  if (has_plan)
    {
      gtk_button_set_label (self->edit_plan_button, _("Edit _Plan…"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->edit_plan_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Edit the risk management plan"),
                                      -1);
    }
  gtk_widget_set_sensitive (self->add_intervention_button, vigil_dossier_model_get_can_add_intervention (model));
  if (!has_plan)
    gtk_widget_set_tooltip_text (self->add_intervention_button, _("Write the plan first"));
}

static void
vigil_dossier_plan_class_init (VigilDossierPlanClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  VigilDossierSectionPartClass *part_class = VIGIL_DOSSIER_SECTION_PART_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/vigilapp/Vigil/ui/vigil-dossier-plan.ui");
  gtk_widget_class_bind_template_child (widget_class, VigilDossierPlan, edit_plan_button);
  gtk_widget_class_bind_template_child (widget_class, VigilDossierPlan, add_intervention_button);
  part_class->bind = vigil_dossier_plan_bind;
}

static void
vigil_dossier_plan_init (VigilDossierPlan *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
