/* vigil-rejection-item.c: one rejected row of an import, as a GObject for list widgets
 *
 * The item points into the report's array of rejections (keeping the array alive), so
 * a list of a million rejected rows costs one small object per row on screen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-rejection-item"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-rejection-item.h"

struct _VigilRejectionItem
{
  GObject parent_instance;

  /* Owned references */
  GPtrArray *rejections;

  /* Borrowed from rejections */
  const VigilImportProblem *problem;
};

G_DEFINE_FINAL_TYPE (VigilRejectionItem, vigil_rejection_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LINE,
  PROP_FIELD,
  PROP_REASON,
  PROP_RAW_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
vigil_rejection_item_finalize (GObject *object)
{
  VigilRejectionItem *self = (VigilRejectionItem *)object;

  g_clear_pointer (&self->rejections, g_ptr_array_unref);

  G_OBJECT_CLASS (vigil_rejection_item_parent_class)->finalize (object);
}

static void
vigil_rejection_item_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  VigilRejectionItem *self = VIGIL_REJECTION_ITEM (object);

  switch (prop_id)
    {
    case PROP_LINE:
      g_value_set_uint64 (value, self->problem->line);
      break;

    case PROP_FIELD:
      g_value_set_string (value, self->problem->field);
      break;

    case PROP_REASON:
      g_value_set_string (value, self->problem->reason);
      break;

    case PROP_RAW_TEXT:
      g_value_set_string (value, self->problem->raw_text);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_rejection_item_class_init (VigilRejectionItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vigil_rejection_item_finalize;
  object_class->get_property = vigil_rejection_item_get_property;

  properties[PROP_LINE] =
    g_param_spec_uint64 ("line", NULL, "The line of the file where the row starts",
                         0, G_MAXUINT64, 0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  properties[PROP_FIELD] =
    g_param_spec_string ("field", NULL, "The column at fault, NULL for the whole row",
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  properties[PROP_REASON] =
    g_param_spec_string ("reason", NULL, "Why the row was rejected",
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  properties[PROP_RAW_TEXT] =
    g_param_spec_string ("raw-text", NULL, "The row as it stands in the file",
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vigil_rejection_item_init (VigilRejectionItem *self)
{
}

/**
 * vigil_rejection_item_new:
 * @rejections: the report's rejections (VigilImportProblem), kept alive by the item
 * @index: the row's place in @rejections
 */
VigilRejectionItem *
vigil_rejection_item_new (GPtrArray *rejections,
                          guint      index)
{
  VigilRejectionItem *self;

  g_return_val_if_fail (rejections != NULL, NULL);
  g_return_val_if_fail (index < rejections->len, NULL);

  self = g_object_new (VIGIL_TYPE_REJECTION_ITEM, NULL);
  self->rejections = g_ptr_array_ref (rejections);
  self->problem = g_ptr_array_index (rejections, index);

  return self;
}

guint64
vigil_rejection_item_get_line (VigilRejectionItem *self)
{
  g_return_val_if_fail (VIGIL_IS_REJECTION_ITEM (self), 0);
  return self->problem->line;
}

const char *
vigil_rejection_item_get_field (VigilRejectionItem *self)
{
  g_return_val_if_fail (VIGIL_IS_REJECTION_ITEM (self), NULL);
  return self->problem->field;
}

const char *
vigil_rejection_item_get_reason (VigilRejectionItem *self)
{
  g_return_val_if_fail (VIGIL_IS_REJECTION_ITEM (self), NULL);
  return self->problem->reason;
}

const char *
vigil_rejection_item_get_raw_text (VigilRejectionItem *self)
{
  g_return_val_if_fail (VIGIL_IS_REJECTION_ITEM (self), NULL);
  return self->problem->raw_text;
}

/**
 * vigil_rejection_item_dup_title:
 *
 * Returns: (transfer full): "Line 12 · occurred_at", or "Line 12" for the whole row
 */
char *
vigil_rejection_item_dup_title (VigilRejectionItem *self)
{
  g_autofree char *line = NULL;

  g_return_val_if_fail (VIGIL_IS_REJECTION_ITEM (self), NULL);

  line = g_strdup_printf ("%'" G_GUINT64_FORMAT, self->problem->line);
  if (self->problem->field != NULL)
    /* Translators: a rejected row: "Line 12 · occurred_at" (the column at fault) */
    return g_strdup_printf (_("Line %s · %s"), line, self->problem->field);

  /* Translators: a rejected row as a whole: "Line 12" */
  return g_strdup_printf (_("Line %s"), line);
}

/**
 * vigil_rejection_item_dup_summary:
 *
 * Returns: (transfer full): the reason as a sentence: "Not a date: …"
 */
char *
vigil_rejection_item_dup_summary (VigilRejectionItem *self)
{
  const char *reason;
  GString *out;

  g_return_val_if_fail (VIGIL_IS_REJECTION_ITEM (self), NULL);

  reason = self->problem->reason;
  out = g_string_new (NULL);
  if (reason != NULL && *reason != '\0')
    {
      g_string_append_unichar (out, g_unichar_totitle (g_utf8_get_char (reason)));
      g_string_append (out, g_utf8_next_char (reason));
    }
  return g_string_free (out, FALSE);
}
