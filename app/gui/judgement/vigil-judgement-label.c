/* vigil-judgement-label.c: a professional-judgement decision shown beside a score
 *
 * Principle 3: the algorithm indicates, people decide. Wherever a score is shown, a
 * decision to include someone it ranks low or exclude someone it ranks high is shown
 * beside it: an icon, "Included by NAME (ROLE), DATE", and the rationale as tooltip
 * (and as the accessible description, so a screen reader gives it too).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-judgement-label"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-format.h"
#include "vigil-judgement-label.h"

struct _VigilJudgementLabel
{
  GtkWidget parent_instance;

  GtkWidget *icon;
  GtkWidget *label;
};

G_DEFINE_FINAL_TYPE (VigilJudgementLabel, vigil_judgement_label, GTK_TYPE_WIDGET)

char *
vigil_judgement_format_date (const char *date)
{
  return vigil_format_short_date (date);
}

char *
vigil_judgement_format (const VigilJudgement *judgement)
{
  g_autofree char *date = NULL;
  g_autofree char *who = NULL;
  const char *by;

  g_return_val_if_fail (judgement != NULL, NULL);

  by = judgement->decided_by != NULL && *judgement->decided_by != '\0' ? judgement->decided_by
                                                                      : _("an unnamed decision-maker");
  if (judgement->decided_role != NULL && *judgement->decided_role != '\0')
    /* Translators: a decision-maker and their role: "DCI Example (Head of Public Protection)" */
    who = g_strdup_printf (_("%s (%s)"), by, judgement->decided_role);
  else
    who = g_strdup (by);

  date = vigil_judgement_format_date (judgement->decided_on);

  if (judgement->kind == VIGIL_OVERRIDE_INCLUDE)
    {
      if (*date != '\0')
        /* Translators: professional judgement: "Included by DCI Example (Head of PP), 3 Nov 2026" */
        return g_strdup_printf (_("Included by %s, %s"), who, date);
      /* Translators: professional judgement: "Included by DCI Example (Head of PP)" */
      return g_strdup_printf (_("Included by %s"), who);
    }

  if (*date != '\0')
    /* Translators: professional judgement: "Excluded by DCI Example (Head of PP), 3 Nov 2026" */
    return g_strdup_printf (_("Excluded by %s, %s"), who, date);
  /* Translators: professional judgement: "Excluded by DCI Example (Head of PP)" */
  return g_strdup_printf (_("Excluded by %s"), who);
}

char *
vigil_judgement_format_details (const VigilJudgement *judgement)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (judgement != NULL, NULL);

  if (judgement->rationale != NULL && *judgement->rationale != '\0')
    /* Translators: the rationale of a professional-judgement decision */
    g_string_append_printf (text, _("Rationale: %s"), judgement->rationale);
  if (judgement->outcome != NULL && *judgement->outcome != '\0')
    {
      if (text->len > 0)
        g_string_append (text, "\n");
      /* Translators: what the scoring algorithm said when the decision was made */
      g_string_append_printf (text, _("The algorithm at the time: %s"), judgement->outcome);
    }

  return g_string_free (text, FALSE);
}

static void
vigil_judgement_label_dispose (GObject *object)
{
  VigilJudgementLabel *self = VIGIL_JUDGEMENT_LABEL (object);

  g_clear_pointer (&self->icon, gtk_widget_unparent);
  g_clear_pointer (&self->label, gtk_widget_unparent);

  G_OBJECT_CLASS (vigil_judgement_label_parent_class)->dispose (object);
}

static void
vigil_judgement_label_class_init (VigilJudgementLabelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigil_judgement_label_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "judgement");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
vigil_judgement_label_init (VigilJudgementLabel *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));

  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);

  self->icon = g_object_new (GTK_TYPE_IMAGE,
                             "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                             NULL);
  gtk_widget_set_parent (self->icon, GTK_WIDGET (self));

  self->label = gtk_label_new (NULL);
  gtk_label_set_xalign (GTK_LABEL (self->label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (self->label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (self->label, TRUE);
  gtk_widget_set_parent (self->label, GTK_WIDGET (self));

  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

/**
 * vigil_judgement_label_new:
 *
 * Returns: (transfer floating): a label showing no decision until one is set
 */
GtkWidget *
vigil_judgement_label_new (void)
{
  return g_object_new (VIGIL_TYPE_JUDGEMENT_LABEL, NULL);
}

void
vigil_judgement_label_set_judgement (VigilJudgementLabel  *self,
                                     const VigilJudgement *judgement)
{
  g_autofree char *text = NULL;
  g_autofree char *details = NULL;

  g_return_if_fail (VIGIL_IS_JUDGEMENT_LABEL (self));

  if (judgement == NULL)
    {
      gtk_label_set_label (GTK_LABEL (self->label), "");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self), NULL);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
      return;
    }

  text = vigil_judgement_format (judgement);
  details = vigil_judgement_format_details (judgement);

  gtk_image_set_from_icon_name (GTK_IMAGE (self->icon),
                                judgement->kind == VIGIL_OVERRIDE_INCLUDE ? "list-add-symbolic"
                                                                          : "list-remove-symbolic");
  gtk_label_set_label (GTK_LABEL (self->label), text);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), *details != '\0' ? details : NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, details,
                                  -1);
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
}

const char *
vigil_judgement_label_get_text (VigilJudgementLabel *self)
{
  g_return_val_if_fail (VIGIL_IS_JUDGEMENT_LABEL (self), NULL);

  return gtk_label_get_label (GTK_LABEL (self->label));
}
