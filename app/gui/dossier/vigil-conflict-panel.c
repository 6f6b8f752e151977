/* vigil-conflict-panel.c: a conflicting edit shown, not overwritten
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-conflict-panel"

#include "config.h"

#include "vigil-conflict-field.h"
#include "vigil-conflict-panel.h"

struct _VigilConflictPanel
{
  GtkBox              parent_instance;

  /* Template widgets */
  GtkListBox         *list;

  /* Owned references */
  VigilConflictModel *model;
};

G_DEFINE_FINAL_TYPE (VigilConflictPanel, vigil_conflict_panel, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_MODEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  VigilConflictField *field = item;
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), vigil_conflict_field_get_label (field));
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), vigil_conflict_field_get_summary (field));
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 12);
  return row;
}

static void
vigil_conflict_panel_dispose (GObject *object)
{
  VigilConflictPanel *self = VIGIL_CONFLICT_PANEL (object);

  if (self->list != NULL)
    gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIL_TYPE_CONFLICT_PANEL);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (vigil_conflict_panel_parent_class)->dispose (object);
}

static void
vigil_conflict_panel_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  VigilConflictPanel *self = VIGIL_CONFLICT_PANEL (object);

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
vigil_conflict_panel_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  VigilConflictPanel *self = VIGIL_CONFLICT_PANEL (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      vigil_conflict_panel_set_model (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_conflict_panel_class_init (VigilConflictPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigil_conflict_panel_dispose;
  object_class->get_property = vigil_conflict_panel_get_property;
  object_class->set_property = vigil_conflict_panel_set_property;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, "The conflict shown", VIGIL_TYPE_CONFLICT_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (VIGIL_TYPE_CONFLICT_MODEL);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/vigilapp/Vigil/ui/vigil-conflict-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, VigilConflictPanel, list);
}

static void
vigil_conflict_panel_init (VigilConflictPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

VigilConflictModel *
vigil_conflict_panel_get_model (VigilConflictPanel *self)
{
  g_return_val_if_fail (VIGIL_IS_CONFLICT_PANEL (self), NULL);

  return self->model;
}

void
vigil_conflict_panel_set_model (VigilConflictPanel *self,
                                VigilConflictModel *model)
{
  g_return_if_fail (VIGIL_IS_CONFLICT_PANEL (self));
  g_return_if_fail (model == NULL || VIGIL_IS_CONFLICT_MODEL (model));

  if (!g_set_object (&self->model, model))
    return;
  gtk_list_box_bind_model (self->list, model ? vigil_conflict_model_get_fields (model) : NULL,
                           create_row, NULL, NULL);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}
