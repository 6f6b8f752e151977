/* vigil-panel-meeting-section.c: the Panel page's meeting: its title, when and where, its
 * protective marking
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-panel-meeting-section"

#include "config.h"

#include "vigil-panel-meeting-section.h"

struct _VigilPanelMeetingSection
{
  GtkBox           parent_instance;

  /* Template widgets */
  GtkWidget       *heading;

  /* Owned references */
  VigilPanelModel *model;
};

G_DEFINE_FINAL_TYPE (VigilPanelMeetingSection, vigil_panel_meeting_section, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_MODEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The section is named for assistive technologies after the meeting's title. */
static void
title_changed_cb (VigilPanelMeetingSection *self)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->model ? vigil_panel_model_get_title (self->model) : "", -1);
}

static void
vigil_panel_meeting_section_dispose (GObject *object)
{
  VigilPanelMeetingSection *self = (VigilPanelMeetingSection *) object;

  vigil_panel_meeting_section_set_model (self, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIL_TYPE_PANEL_MEETING_SECTION);

  G_OBJECT_CLASS (vigil_panel_meeting_section_parent_class)->dispose (object);
}

static void
vigil_panel_meeting_section_get_property (GObject    *object,
                                            guint       prop_id,
                                            GValue     *value,
                                            GParamSpec *pspec)
{
  VigilPanelMeetingSection *self = (VigilPanelMeetingSection *) object;

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
vigil_panel_meeting_section_set_property (GObject      *object,
                                            guint         prop_id,
                                            const GValue *value,
                                            GParamSpec   *pspec)
{
  VigilPanelMeetingSection *self = (VigilPanelMeetingSection *) object;

  switch (prop_id)
    {
    case PROP_MODEL:
      vigil_panel_meeting_section_set_model (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_panel_meeting_section_class_init (VigilPanelMeetingSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigil_panel_meeting_section_dispose;
  object_class->get_property = vigil_panel_meeting_section_get_property;
  object_class->set_property = vigil_panel_meeting_section_set_property;

  properties[PROP_MODEL] =
    g_param_spec_object ("model", NULL, "The page's view model", VIGIL_TYPE_PANEL_MODEL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (VIGIL_TYPE_PANEL_MODEL);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/vigilapp/Vigil/ui/vigil-panel-meeting-section.ui");
  gtk_widget_class_bind_template_child (widget_class, VigilPanelMeetingSection, heading);
}

static void
vigil_panel_meeting_section_init (VigilPanelMeetingSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_RELATION_LABELLED_BY, self->heading, NULL, -1);
  title_changed_cb (self);
}

VigilPanelModel *
vigil_panel_meeting_section_get_model (VigilPanelMeetingSection *self)
{
  g_return_val_if_fail (VIGIL_IS_PANEL_MEETING_SECTION (self), NULL);
  return self->model;
}

void
vigil_panel_meeting_section_set_model (VigilPanelMeetingSection *self,
                                         VigilPanelModel *model)
{
  g_return_if_fail (VIGIL_IS_PANEL_MEETING_SECTION (self));
  g_return_if_fail (model == NULL || VIGIL_IS_PANEL_MODEL (model));

  if (self->model == model)
    return;
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_data (self->model, self);
  g_set_object (&self->model, model);
  if (model != NULL)
    g_signal_connect_object (model, "notify::title", G_CALLBACK (title_changed_cb), self, G_CONNECT_SWAPPED);
  title_changed_cb (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODEL]);
}
