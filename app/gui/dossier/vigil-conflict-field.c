/* vigil-conflict-field.c: a field that differs in a conflicting edit (an item of the
 * conflict's GListModel)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-conflict-field"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-conflict-field.h"

struct _VigilConflictField
{
  GObject parent_instance;

  char *label;
  char *theirs;
  char *mine;
  char *summary;
};

G_DEFINE_FINAL_TYPE (VigilConflictField, vigil_conflict_field, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LABEL,
  PROP_THEIRS,
  PROP_MINE,
  PROP_SUMMARY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
vigil_conflict_field_finalize (GObject *object)
{
  VigilConflictField *self = VIGIL_CONFLICT_FIELD (object);

  g_free (self->label);
  g_free (self->theirs);
  g_free (self->mine);
  g_free (self->summary);

  G_OBJECT_CLASS (vigil_conflict_field_parent_class)->finalize (object);
}

static void
vigil_conflict_field_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  VigilConflictField *self = VIGIL_CONFLICT_FIELD (object);

  switch (prop_id)
    {
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;

    case PROP_THEIRS:
      g_value_set_string (value, self->theirs);
      break;

    case PROP_MINE:
      g_value_set_string (value, self->mine);
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, self->summary);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_conflict_field_class_init (VigilConflictFieldClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vigil_conflict_field_finalize;
  object_class->get_property = vigil_conflict_field_get_property;

  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, "The field's title", NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_THEIRS] =
    g_param_spec_string ("theirs", NULL, "The other person's saved value", NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_MINE] =
    g_param_spec_string ("mine", NULL, "The user's value", NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, "Both values, one a line", NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vigil_conflict_field_init (VigilConflictField *self)
{
}

VigilConflictField *
vigil_conflict_field_new (const char *label,
                          const char *theirs,
                          const char *mine)
{
  VigilConflictField *self = g_object_new (VIGIL_TYPE_CONFLICT_FIELD, NULL);

  self->label = g_strdup (label);
  self->theirs = g_strdup (theirs);
  self->mine = g_strdup (mine);
  /* Translators: the other person's saved value and the user's own, in a conflict */
  self->summary = g_strdup_printf (_("Saved by them: %s\nYours: %s"), theirs, mine);
  return self;
}

const char *
vigil_conflict_field_get_label (VigilConflictField *self)
{
  g_return_val_if_fail (VIGIL_IS_CONFLICT_FIELD (self), NULL);

  return self->label;
}

const char *
vigil_conflict_field_get_theirs (VigilConflictField *self)
{
  g_return_val_if_fail (VIGIL_IS_CONFLICT_FIELD (self), NULL);

  return self->theirs;
}

const char *
vigil_conflict_field_get_mine (VigilConflictField *self)
{
  g_return_val_if_fail (VIGIL_IS_CONFLICT_FIELD (self), NULL);

  return self->mine;
}

const char *
vigil_conflict_field_get_summary (VigilConflictField *self)
{
  g_return_val_if_fail (VIGIL_IS_CONFLICT_FIELD (self), NULL);

  return self->summary;
}
