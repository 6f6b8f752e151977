/* vigil-panel-entry.c: one row of the Panel page or one line of the presenter
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-panel-entry"

#include "config.h"

#include "vigil-panel-entry.h"

struct _VigilPanelEntry
{
  GObject parent_instance;

  gint64  id;
  char    *title;
  char    *subtitle;
  char    *detail;
  char    *note;
  char    *name;
  char    *style;
  gboolean warning;
  gboolean can_move_up;
  gboolean can_move_down;
};

G_DEFINE_FINAL_TYPE (VigilPanelEntry, vigil_panel_entry, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_TITLE,
  PROP_SUBTITLE,
  PROP_DETAIL,
  PROP_NOTE,
  PROP_NAME,
  PROP_STYLE,
  PROP_WARNING,
  PROP_CAN_MOVE_UP,
  PROP_CAN_MOVE_DOWN,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
vigil_panel_entry_finalize (GObject *object)
{
  VigilPanelEntry *self = VIGIL_PANEL_ENTRY (object);

  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->detail);
  g_free (self->note);
  g_free (self->name);
  g_free (self->style);

  G_OBJECT_CLASS (vigil_panel_entry_parent_class)->finalize (object);
}

static void
vigil_panel_entry_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  VigilPanelEntry *self = VIGIL_PANEL_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;

    case PROP_SUBTITLE:
      g_value_set_string (value, self->subtitle);
      break;

    case PROP_DETAIL:
      g_value_set_string (value, self->detail);
      break;

    case PROP_NOTE:
      g_value_set_string (value, self->note);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_STYLE:
      g_value_set_string (value, self->style);
      break;

    case PROP_WARNING:
      g_value_set_boolean (value, self->warning);
      break;

    case PROP_CAN_MOVE_UP:
      g_value_set_boolean (value, self->can_move_up);
      break;

    case PROP_CAN_MOVE_DOWN:
      g_value_set_boolean (value, self->can_move_down);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_panel_entry_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  VigilPanelEntry *self = VIGIL_PANEL_ENTRY (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_TITLE:
      g_free (self->title);
      self->title = g_value_dup_string (value);
      break;

    case PROP_SUBTITLE:
      g_free (self->subtitle);
      self->subtitle = g_value_dup_string (value);
      break;

    case PROP_DETAIL:
      g_free (self->detail);
      self->detail = g_value_dup_string (value);
      break;

    case PROP_NOTE:
      g_free (self->note);
      self->note = g_value_dup_string (value);
      break;

    case PROP_NAME:
      g_free (self->name);
      self->name = g_value_dup_string (value);
      break;

    case PROP_STYLE:
      g_free (self->style);
      self->style = g_value_dup_string (value);
      break;

    case PROP_WARNING:
      self->warning = g_value_get_boolean (value);
      break;

    case PROP_CAN_MOVE_UP:
      self->can_move_up = g_value_get_boolean (value);
      break;

    case PROP_CAN_MOVE_DOWN:
      self->can_move_down = g_value_get_boolean (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_panel_entry_class_init (VigilPanelEntryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vigil_panel_entry_finalize;
  object_class->get_property = vigil_panel_entry_get_property;
  object_class->set_property = vigil_panel_entry_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, "The record the row stands for", 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, "The first line", NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUBTITLE] =
    g_param_spec_string ("subtitle", NULL, "The second line", NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DETAIL] =
    g_param_spec_string ("detail", NULL, "The third line", NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, "The fourth line", NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, "The person the row is about", NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STYLE] =
    g_param_spec_string ("style", NULL, "The line's weight in the presenter", NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_WARNING] =
    g_param_spec_boolean ("warning", NULL, "Whether the subtitle is a warning", FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_MOVE_UP] =
    g_param_spec_boolean ("can-move-up", NULL, "Whether the case can move up the agenda", FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_MOVE_DOWN] =
    g_param_spec_boolean ("can-move-down", NULL, "Whether the case can move down the agenda", FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vigil_panel_entry_init (VigilPanelEntry *self)
{
}

VigilPanelEntry *
vigil_panel_entry_new (gint64      id,
                       const char *title)
{
  return g_object_new (VIGIL_TYPE_PANEL_ENTRY, "id", id, "title", title, NULL);
}

gint64
vigil_panel_entry_get_id (VigilPanelEntry *self)
{
  g_return_val_if_fail (VIGIL_IS_PANEL_ENTRY (self), 0);
  return self->id;
}

const char *
vigil_panel_entry_get_title (VigilPanelEntry *self)
{
  g_return_val_if_fail (VIGIL_IS_PANEL_ENTRY (self), NULL);
  return self->title ? self->title : "";
}

const char *
vigil_panel_entry_get_subtitle (VigilPanelEntry *self)
{
  g_return_val_if_fail (VIGIL_IS_PANEL_ENTRY (self), NULL);
  return self->subtitle ? self->subtitle : "";
}

const char *
vigil_panel_entry_get_detail (VigilPanelEntry *self)
{
  g_return_val_if_fail (VIGIL_IS_PANEL_ENTRY (self), NULL);
  return self->detail ? self->detail : "";
}

const char *
vigil_panel_entry_get_note (VigilPanelEntry *self)
{
  g_return_val_if_fail (VIGIL_IS_PANEL_ENTRY (self), NULL);
  return self->note ? self->note : "";
}

const char *
vigil_panel_entry_get_name (VigilPanelEntry *self)
{
  g_return_val_if_fail (VIGIL_IS_PANEL_ENTRY (self), NULL);
  return self->name ? self->name : "";
}

const char *
vigil_panel_entry_get_style (VigilPanelEntry *self)
{
  g_return_val_if_fail (VIGIL_IS_PANEL_ENTRY (self), NULL);
  return self->style;
}

gboolean
vigil_panel_entry_get_warning (VigilPanelEntry *self)
{
  g_return_val_if_fail (VIGIL_IS_PANEL_ENTRY (self), FALSE);
  return self->warning;
}

gboolean
vigil_panel_entry_get_can_move_up (VigilPanelEntry *self)
{
  g_return_val_if_fail (VIGIL_IS_PANEL_ENTRY (self), FALSE);
  return self->can_move_up;
}

gboolean
vigil_panel_entry_get_can_move_down (VigilPanelEntry *self)
{
  g_return_val_if_fail (VIGIL_IS_PANEL_ENTRY (self), FALSE);
  return self->can_move_down;
}

char *
vigil_panel_entry_dup_accessible_label (VigilPanelEntry *self)
{
  const char *lines[3];
  GString *whole;

  g_return_val_if_fail (VIGIL_IS_PANEL_ENTRY (self), NULL);

  lines[0] = self->subtitle;
  lines[1] = self->detail;
  lines[2] = self->note;
  whole = g_string_new (self->title);
  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    if (lines[i] != NULL && *lines[i] != '\0')
      g_string_append_printf (whole, ". %s", lines[i]);
  return g_string_free (whole, FALSE);
}
