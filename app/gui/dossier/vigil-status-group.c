/* vigil-status-group.c: the head of the Change Status form, bound to its view model
 *
 * The template holds the form's first rows, each named after its field: the record
 * editor fills and reads them. The move chosen in the status row goes to the model,
 * whose asks-exit-reason and asks-managing-panel show the rows that depend on it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-status-group"

#include "config.h"

#include "vigil-choice-item.h"
#include "vigil-status-group.h"

struct _VigilStatusGroup
{
  AdwPreferencesGroup parent_instance;

  /* Template widgets */
  AdwComboRow      *status_row;
  AdwComboRow      *exit_reason_row;
  AdwEntryRow      *managing_panel_row;

  /* Owned references */
  VigilStatusModel *model;
};

G_DEFINE_FINAL_TYPE (VigilStatusGroup, vigil_status_group, ADW_TYPE_PREFERENCES_GROUP)

enum {
  PROP_0,
  PROP_MODEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The move chosen (a VigilChoiceItem of the record editor's) goes to the model. */
static void
status_chosen_cb (VigilStatusGroup *self)
{
  if (self->model != NULL)
    vigil_status_model_set_status (self->model,
                                   vigil_choice_item_get_id_of (adw_combo_row_get_selected_item (self->status_row)));
}

static void
vigil_status_group_constructed (GObject *object)
{
  VigilStatusGroup *self = VIGIL_STATUS_GROUP (object);

  G_OBJECT_CLASS (vigil_status_group_parent_class)->constructed (object);

  if (self->model == NULL)
    return;
  g_object_bind_property (self->model, "asks-exit-reason", self->exit_reason_row, "visible",
                          G_BINDING_SYNC_CREATE);
  g_object_bind_property (self->model, "asks-managing-panel", self->managing_panel_row, "visible",
                          G_BINDING_SYNC_CREATE);
}

static void
vigil_status_group_dispose (GObject *object)
{
  VigilStatusGroup *self = VIGIL_STATUS_GROUP (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIL_TYPE_STATUS_GROUP);
  g_clear_object (&self->model);

  G_OBJECT_CLASS (vigil_status_group_parent_class)->dispose (object);
}

static void
vigil_status_group_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  VigilStatusGroup *self = VIGIL_STATUS_GROUP (object);

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
vigil_status_group_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  VigilStatusGroup *self = VIGIL_STATUS_GROUP (object);

  switch (prop_id)
    {
    case PROP_MODEL:
      g_set_object (&self->model, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_status_group_class_init (VigilStatusGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = vigil_status_group_constructed;
  object_class->dispose = vigil_status_group_dispose;
  object_class->get_property = vigil_status_group_get_property;
  object_class->set_property = vigil_status_group_set_property;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, "What Change Status knows and asks",
                         VIGIL_TYPE_STATUS_MODEL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (VIGIL_TYPE_STATUS_MODEL);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/vigilapp/Vigil/ui/vigil-status-group.ui");
  gtk_widget_class_bind_template_child (widget_class, VigilStatusGroup, status_row);
  gtk_widget_class_bind_template_child (widget_class, VigilStatusGroup, exit_reason_row);
  gtk_widget_class_bind_template_child (widget_class, VigilStatusGroup, managing_panel_row);
  gtk_widget_class_bind_template_callback (widget_class, status_chosen_cb);
}

static void
vigil_status_group_init (VigilStatusGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
vigil_status_group_new (VigilStatusModel *model)
{
  g_return_val_if_fail (VIGIL_IS_STATUS_MODEL (model), NULL);

  return g_object_new (VIGIL_TYPE_STATUS_GROUP, "model", model, NULL);
}

VigilStatusModel *
vigil_status_group_get_model (VigilStatusGroup *self)
{
  g_return_val_if_fail (VIGIL_IS_STATUS_GROUP (self), NULL);

  return self->model;
}
