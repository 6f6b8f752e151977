/* vigil-meeting-item.c: a meeting in the Panel page's chooser (an item of its GListModel)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-meeting-item"

#include "config.h"

#include "vigil-meeting-item.h"

struct _VigilMeetingItem
{
  GObject parent_instance;

  gint64 id;
  char *label;   /* title, day and status, as the drop-down shows it */
};

G_DEFINE_FINAL_TYPE (VigilMeetingItem, vigil_meeting_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
vigil_meeting_item_finalize (GObject *object)
{
  VigilMeetingItem *self = VIGIL_MEETING_ITEM (object);

  g_free (self->label);

  G_OBJECT_CLASS (vigil_meeting_item_parent_class)->finalize (object);
}

static void
vigil_meeting_item_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  VigilMeetingItem *self = VIGIL_MEETING_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;

    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_meeting_item_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  VigilMeetingItem *self = VIGIL_MEETING_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;

    case PROP_LABEL:
      g_free (self->label);
      self->label = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_meeting_item_class_init (VigilMeetingItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vigil_meeting_item_finalize;
  object_class->get_property = vigil_meeting_item_get_property;
  object_class->set_property = vigil_meeting_item_set_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, "The meeting's record id", 0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, "Title, day and status", NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vigil_meeting_item_init (VigilMeetingItem *self)
{
}

VigilMeetingItem *
vigil_meeting_item_new (gint64      id,
                        const char *label)
{
  return g_object_new (VIGIL_TYPE_MEETING_ITEM, "id", id, "label", label, NULL);
}

gint64
vigil_meeting_item_get_id (VigilMeetingItem *self)
{
  g_return_val_if_fail (VIGIL_IS_MEETING_ITEM (self), 0);
  return self->id;
}

const char *
vigil_meeting_item_get_label (VigilMeetingItem *self)
{
  g_return_val_if_fail (VIGIL_IS_MEETING_ITEM (self), NULL);
  return self->label;
}
