/* vigil-panel-attendance-section.c: the Panel page's attendance: who came from which agency, and
 * the agencies the guidance names that are absent
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-panel-attendance-section"

#include "config.h"

#include "vigil-panel-attendance-section.h"
#include "vigil-panel-row.h"

struct _VigilPanelAttendanceSection
{
  GtkBox           parent_instance;

  /* Template widgets */
  GtkWidget       *heading;
  GtkWidget       *empty;
  GtkListBox      *list;

  /* Owned references */
  VigilPanelModel *model;
};

G_DEFINE_FINAL_TYPE (VigilPanelAttendanceSection, vigil_panel_attendance_section, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_MODEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  return vigil_panel_row_new (VIGIL_PANEL_ROW_ATTENDEE, item);
}

/* An empty list is not shown: a line says so instead. */
static void
rows_changed_cb (VigilPanelAttendanceSection *self)
{
  gboolean empty = self->model == NULL || g_list_model_get_n_items (vigil_panel_model_get_attendance (self->model)) == 0;

  gtk_widget_set_visible (self->empty, empty);
  gtk_widget_set_visible (GTK_WIDGET (self->list), !empty);
}

static void
vigil_panel_attendance_section_dispose (GObject *object)
{
  VigilPanelAttendanceSection *self = (VigilPanelAttendanceSection *) object;

  vigil_panel_attendance_section_set_model (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIL_TYPE_PANEL_ATTENDANCE_SECTION);

  G_OBJECT_CLASS (vigil_panel_attendance_section_parent_class)->dispose (object);
}

static void
vigil_panel_attendance_section_get_property (GObject    *object,
                                            guint       prop_id,
                                            GValue     *value,
                                            GParamSpec *pspec)
{
  VigilPanelAttendanceSection *self = (VigilPanelAttendanceSection *) object;

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
vigil_panel_attendance_section_set_property (GObject      *object,
                                            guint         prop_id,
                                            const GValue *value,
                                            GParamSpec   *pspec)
{
  VigilPanelAttendanceSection *self = (VigilPanelAttendanceSection *) object;

  switch (prop_id)
    {
    case PROP_MODEL:
      vigil_panel_attendance_section_set_model (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_panel_attendance_section_class_init (VigilPanelAttendanceSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigil_panel_attendance_section_dispose;
  object_class->get_property = vigil_panel_attendance_section_get_property;
  object_class->set_property = vigil_panel_attendance_section_set_property;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, "The page's view model", VIGIL_TYPE_PANEL_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (VIGIL_TYPE_PANEL_MODEL);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/vigilapp/Vigil/ui/vigil-panel-attendance-section.ui");
  gtk_widget_class_bind_template_child (widget_class, VigilPanelAttendanceSection, heading);
  gtk_widget_class_bind_template_child (widget_class, VigilPanelAttendanceSection, empty);
  gtk_widget_class_bind_template_child (widget_class, VigilPanelAttendanceSection, list);
}

static void
vigil_panel_attendance_section_init (VigilPanelAttendanceSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->heading, NULL, -1);
  rows_changed_cb (self);
}

VigilPanelModel *
vigil_panel_attendance_section_get_model (VigilPanelAttendanceSection *self)
{
  g_return_val_if_fail (VIGIL_IS_PANEL_ATTENDANCE_SECTION (self), NULL);
  return self->model;
}

void
vigil_panel_attendance_section_set_model (VigilPanelAttendanceSection *self,
                                         VigilPanelModel *model)
{
  g_return_if_fail (VIGIL_IS_PANEL_ATTENDANCE_SECTION (self));
  g_return_if_fail (model == NULL || VIGIL_IS_PANEL_MODEL (model));

  if (self->model == model)
    return;
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (vigil_panel_model_get_attendance (self->model), self);
  g_set_object (&self->model, model);
  gtk_list_box_bind_model (self->list, model ? vigil_panel_model_get_attendance (model) : NULL, create_row_cb, NULL, NULL);
  if (model != NULL)
    g_signal_connect_object (vigil_panel_model_get_attendance (model), "items-changed", G_CALLBACK (rows_changed_cb), self,
                             G_CONNECT_SWAPPED);
  rows_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}
