/* vigil-duplicate-row.c: one row of Possible Duplicates, bound to its pair
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-duplicate-row"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-duplicate-row.h"

struct _VigilDuplicateRow
{
  GtkBox              parent_instance;

  /* Template widgets */
  GtkLabel           *person_name;
  GtkLabel           *person_details;
  GtkLabel           *person_incidents;
  GtkLabel           *other_name;
  GtkLabel           *other_details;
  GtkLabel           *other_incidents;
  GtkLabel           *why_label;
  GtkLabel           *decision_label;
  GtkButton          *keep_apart_button;
  GtkButton          *merge_button;

  /* Owned references */
  VigilDuplicateItem *item;
};

G_DEFINE_FINAL_TYPE (VigilDuplicateRow, vigil_duplicate_row, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_ITEM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_person (const VigilDuplicatePerson *person,
             GtkLabel                   *name_label,
             GtkLabel                   *details_label,
             GtkLabel                   *incidents_label)
{
  g_autofree char *name = vigil_duplicate_person_dup_name (person);
  g_autofree char *details = vigil_duplicate_person_dup_details (person);
  g_autofree char *incidents = vigil_duplicate_person_dup_incidents (person);

  gtk_label_set_label (name_label, name);
  gtk_label_set_label (details_label, details);
  gtk_label_set_label (incidents_label, incidents);
}

static void
show_item (VigilDuplicateRow *self)
{
  const VigilDuplicate *duplicate = vigil_duplicate_item_get_duplicate (self->item);
  g_autofree char *why = vigil_duplicate_item_dup_why (self->item);
  g_autofree char *decision = vigil_duplicate_item_dup_decision (self->item);
  g_autofree char *name_a = vigil_duplicate_person_dup_name (&duplicate->person);
  g_autofree char *name_b = vigil_duplicate_person_dup_name (&duplicate->other);
  g_autofree char *merge_label = NULL;
  g_autofree char *keep_label = NULL;
  gboolean open = vigil_duplicate_item_is_open (self->item);
  GVariant *target;

  show_person (&duplicate->person, self->person_name, self->person_details, self->person_incidents);
  show_person (&duplicate->other, self->other_name, self->other_details, self->other_incidents);

  gtk_label_set_label (self->why_label, why);
  gtk_label_set_label (self->decision_label, decision != NULL ? decision : "");
  gtk_widget_set_visible (GTK_WIDGET (self->decision_label), decision != NULL);

  target = g_variant_new_int64 (duplicate->id);
  /* The target first: the action takes the pair's id. */
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->merge_button), target);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->keep_apart_button), target);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->merge_button), "duplicates.merge");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (self->keep_apart_button), "duplicates.keep-apart");
  gtk_widget_set_visible (GTK_WIDGET (self->merge_button), open);
  gtk_widget_set_visible (GTK_WIDGET (self->keep_apart_button), open);

  /* Translators: a button's accessible name; two people's names */
  merge_label = g_strdup_printf (_("Merge %s and %s"), name_a, name_b);
  /* Translators: a button's accessible name; two people's names */
  keep_label = g_strdup_printf (_("Keep %s and %s apart"), name_a, name_b);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->merge_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, merge_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->keep_apart_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, keep_label, -1);
}

static void
vigil_duplicate_row_dispose (GObject *object)
{
  VigilDuplicateRow *self = VIGIL_DUPLICATE_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIL_TYPE_DUPLICATE_ROW);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (vigil_duplicate_row_parent_class)->dispose (object);
}

static void
vigil_duplicate_row_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  VigilDuplicateRow *self = VIGIL_DUPLICATE_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      g_value_set_object (value, self->item);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_duplicate_row_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  VigilDuplicateRow *self = VIGIL_DUPLICATE_ROW (object);

  switch (prop_id)
    {
    case PROP_ITEM:
      vigil_duplicate_row_set_item (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_duplicate_row_class_init (VigilDuplicateRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigil_duplicate_row_dispose;
  object_class->get_property = vigil_duplicate_row_get_property;
  object_class->set_property = vigil_duplicate_row_set_property;

  properties[PROP_ITEM] =
    g_param_spec_object ("item", NULL, "The pair shown",
                         VIGIL_TYPE_DUPLICATE_ITEM,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/vigilapp/Vigil/ui/vigil-duplicate-row.ui");
  gtk_widget_class_bind_template_child (widget_class, VigilDuplicateRow, person_name);
  gtk_widget_class_bind_template_child (widget_class, VigilDuplicateRow, person_details);
  gtk_widget_class_bind_template_child (widget_class, VigilDuplicateRow, person_incidents);
  gtk_widget_class_bind_template_child (widget_class, VigilDuplicateRow, other_name);
  gtk_widget_class_bind_template_child (widget_class, VigilDuplicateRow, other_details);
  gtk_widget_class_bind_template_child (widget_class, VigilDuplicateRow, other_incidents);
  gtk_widget_class_bind_template_child (widget_class, VigilDuplicateRow, why_label);
  gtk_widget_class_bind_template_child (widget_class, VigilDuplicateRow, decision_label);
  gtk_widget_class_bind_template_child (widget_class, VigilDuplicateRow, keep_apart_button);
  gtk_widget_class_bind_template_child (widget_class, VigilDuplicateRow, merge_button);
}

static void
vigil_duplicate_row_init (VigilDuplicateRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
vigil_duplicate_row_new (void)
{
  return g_object_new (VIGIL_TYPE_DUPLICATE_ROW, NULL);
}

VigilDuplicateItem *
vigil_duplicate_row_get_item (VigilDuplicateRow *self)
{
  g_return_val_if_fail (VIGIL_IS_DUPLICATE_ROW (self), NULL);

  return self->item;
}

void
vigil_duplicate_row_set_item (VigilDuplicateRow  *self,
                              VigilDuplicateItem *item)
{
  g_return_if_fail (VIGIL_IS_DUPLICATE_ROW (self));
  g_return_if_fail (item == NULL || VIGIL_IS_DUPLICATE_ITEM (item));

  if (!g_set_object (&self->item, item))
    return;

  if (item != NULL)
    show_item (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ITEM]);
}
