/* vigil-dossier-header.c: the top of the dossier page (who, where in the cohort, score)
 *
 * A template (vigil-dossier-header.ui) whose labels show the model's header texts,
 * hidden when the model has none; the score card shows "Not scored" or the score, its
 * R/F/G/V points, trend and rank.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-dossier-header"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-dossier-header.h"
#include "vigil-section.h"

struct _VigilDossierHeader
{
  GtkWidget          parent_instance;

  /* Template widgets */
  GtkLabel          *name_label;
  GtkLabel          *aliases_label;
  GtkLabel          *refs_label;
  GtkLabel          *status_label;
  GtkLabel          *lead_label;
  GtkLabel          *next_review_label;
  GtkLabel          *changed_label;
  GtkWidget         *buttons;
  GtkWidget         *edit_details_button;
  GtkWidget         *score_box;
  GtkWidget         *not_scored_label;
  GtkLabel          *total_label;
  GtkWidget         *parts_box;
  GtkLabel          *recency_label;
  GtkLabel          *frequency_label;
  GtkLabel          *gravity_label;
  GtkLabel          *victims_label;
  GtkWidget         *trend_box;
  GtkImage          *trend_image;
  GtkLabel          *trend_label;
  GtkLabel          *rank_label;

  /* Owned references */
  VigilDossierModel *model;

  /* Borrowed references */
  GtkWidget         *change_status_button;   /* while the status can move */
};

static void vigil_dossier_header_part_init (VigilDossierPartInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (VigilDossierHeader, vigil_dossier_header, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (VIGIL_TYPE_DOSSIER_PART, vigil_dossier_header_part_init))

enum {
  PROP_0,
  PROP_MODEL,
  N_PROPS
};

/* Helpers */

static void
show_text (GtkLabel   *label,
           const char *text)
{
  gtk_label_set_label (label, text != NULL ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (label), text != NULL);
}

static void
update_score (VigilDossierHeader *self)
{
  VigilDossierModel *model = self->model;
  gboolean scored = model != NULL && vigil_dossier_model_get_scored (model);
  const char * const *parts = scored ? vigil_dossier_model_get_score_parts (model) : NULL;
  GtkLabel *part_labels[] = { self->recency_label, self->frequency_label, self->gravity_label, self->victims_label };
  const char *rank = scored ? vigil_dossier_model_get_rank (model) : NULL;

  gtk_widget_set_visible (self->not_scored_label, !scored);
  show_text (self->total_label, scored ? vigil_dossier_model_get_score_total (model) : NULL);
  gtk_widget_set_visible (self->parts_box, scored);
  for (guint c = 0; c < G_N_ELEMENTS (part_labels); c++)
    show_text (part_labels[c], parts != NULL ? parts[c] : NULL);
  gtk_widget_set_visible (self->trend_box, scored);
  show_text (self->trend_label, scored ? vigil_dossier_model_get_trend (model) : NULL);
  gtk_image_set_from_icon_name (self->trend_image, scored ? vigil_dossier_model_get_trend_icon (model) : NULL);
  if (scored && vigil_dossier_model_get_rising (model))
    gtk_widget_add_css_class (self->trend_box, "warning");
  else
    gtk_widget_remove_css_class (self->trend_box, "warning");
  show_text (self->rank_label, rank);
  /* the card's last line keeps its margin from the card's bottom edge */
  gtk_widget_set_margin_bottom (self->trend_box, rank == NULL ? 12 : 0);

  if (model != NULL && vigil_dossier_model_get_score_accessible (model) != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->score_box),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, vigil_dossier_model_get_score_accessible (model),
                                    -1);
}

static void
update_buttons (VigilDossierHeader *self)
{
  gboolean can_move = self->model != NULL && vigil_dossier_model_get_can_change_status (self->model);

  gtk_widget_set_visible (self->buttons, self->model != NULL && vigil_dossier_model_get_in_cohort (self->model));
  if (can_move && self->change_status_button == NULL)
    {
      self->change_status_button = vigil_section_new_action_button ("change-status", _("Change _Status…"),
                                                                    _("Change status"),
                                                                    "dossier.change-status", NULL);
      gtk_widget_add_css_class (self->change_status_button, "suggested-action");
      gtk_box_prepend (GTK_BOX (self->buttons), self->change_status_button);
    }
  else if (!can_move && self->change_status_button != NULL)
    {
      gtk_box_remove (GTK_BOX (self->buttons), self->change_status_button);
      self->change_status_button = NULL;
    }
}

static void
update (VigilDossierHeader *self)
{
  VigilDossierModel *model = self->model;

  show_text (self->name_label, model ? vigil_dossier_model_get_name (model) : NULL);
  show_text (self->aliases_label, model ? vigil_dossier_model_get_aliases (model) : NULL);
  show_text (self->refs_label, model ? vigil_dossier_model_get_refs (model) : NULL);
  show_text (self->status_label, model ? vigil_dossier_model_get_status (model) : NULL);
  show_text (self->lead_label, model ? vigil_dossier_model_get_lead (model) : NULL);
  show_text (self->next_review_label, model ? vigil_dossier_model_get_next_review (model) : NULL);
  show_text (self->changed_label, model ? vigil_dossier_model_get_changed (model) : NULL);
  update_buttons (self);
  update_score (self);
}

static void
set_model (VigilDossierHeader *self,
           VigilDossierModel  *model)
{
  if (self->model == model)
    return;
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, update, self);
  g_set_object (&self->model, model);
  if (model != NULL)
    g_signal_connect_object (model, "notify::has-dossier", G_CALLBACK (update), self, G_CONNECT_SWAPPED);
  update (self);
  g_object_notify (G_OBJECT (self), "model");
}

/* GObject */

static void
vigil_dossier_header_dispose (GObject *object)
{
  VigilDossierHeader *self = VIGIL_DOSSIER_HEADER (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIL_TYPE_DOSSIER_HEADER);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->change_status_button = NULL;
  g_clear_object (&self->model);

  G_OBJECT_CLASS (vigil_dossier_header_parent_class)->dispose (object);
}

static void
vigil_dossier_header_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  VigilDossierHeader *self = VIGIL_DOSSIER_HEADER (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_value_set_object (value, self->model);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_dossier_header_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  VigilDossierHeader *self = VIGIL_DOSSIER_HEADER (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      set_model (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_dossier_header_part_init (VigilDossierPartInterface *iface)
{
}

static void
vigil_dossier_header_class_init (VigilDossierHeaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigil_dossier_header_dispose;
  object_class->get_property = vigil_dossier_header_get_property;
  object_class->set_property = vigil_dossier_header_set_property;

  g_object_class_override_property (object_class, PROP_MODEL, "model");

  gtk_widget_class_set_template_from_resource (widget_class, "/org/vigilapp/Vigil/ui/vigil-dossier-header.ui");
  gtk_widget_class_bind_template_child (widget_class, VigilDossierHeader, name_label);
  gtk_widget_class_bind_template_child (widget_class, VigilDossierHeader, aliases_label);
  gtk_widget_class_bind_template_child (widget_class, VigilDossierHeader, refs_label);
  gtk_widget_class_bind_template_child (widget_class, VigilDossierHeader, status_label);
  gtk_widget_class_bind_template_child (widget_class, VigilDossierHeader, lead_label);
  gtk_widget_class_bind_template_child (widget_class, VigilDossierHeader, next_review_label);
  gtk_widget_class_bind_template_child (widget_class, VigilDossierHeader, changed_label);
  gtk_widget_class_bind_template_child (widget_class, VigilDossierHeader, buttons);
  gtk_widget_class_bind_template_child (widget_class, VigilDossierHeader, edit_details_button);
  gtk_widget_class_bind_template_child (widget_class, VigilDossierHeader, score_box);
  gtk_widget_class_bind_template_child (widget_class, VigilDossierHeader, not_scored_label);
  gtk_widget_class_bind_template_child (widget_class, VigilDossierHeader, total_label);
  gtk_widget_class_bind_template_child (widget_class, VigilDossierHeader, parts_box);
  gtk_widget_class_bind_template_child (widget_class, VigilDossierHeader, recency_label);
  gtk_widget_class_bind_template_child (widget_class, VigilDossierHeader, frequency_label);
  gtk_widget_class_bind_template_child (widget_class, VigilDossierHeader, gravity_label);
  gtk_widget_class_bind_template_child (widget_class, VigilDossierHeader, victims_label);
  gtk_widget_class_bind_template_child (widget_class, VigilDossierHeader, trend_box);
  gtk_widget_class_bind_template_child (widget_class, VigilDossierHeader, trend_image);
  gtk_widget_class_bind_template_child (widget_class, VigilDossierHeader, trend_label);
  gtk_widget_class_bind_template_child (widget_class, VigilDossierHeader, rank_label);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
vigil_dossier_header_init (VigilDossierHeader *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->score_box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Score: not scored"),
                                  -1);
  update (self);
}

/* Public */

GtkWidget *
vigil_dossier_header_new (VigilDossierModel *model)
{
  return g_object_new (VIGIL_TYPE_DOSSIER_HEADER, "model", model, NULL);
}
