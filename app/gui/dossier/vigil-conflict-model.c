/* vigil-conflict-model.c: a conflicting edit, as the record editor shows it (its view
 * model)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-conflict-model"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-conflict-field.h"
#include "vigil-conflict-model.h"
#include "vigil-format.h"

struct _VigilConflictModel
{
  GObject parent_instance;

  char       *message;
  GListStore *fields;   /* VigilConflictField */
};

G_DEFINE_FINAL_TYPE (VigilConflictModel, vigil_conflict_model, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MESSAGE,
  PROP_FIELDS,
  PROP_HAS_FIELDS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

#define TEXT_FIELD(record, field) G_STRUCT_MEMBER (char *, (record), (field)->offset)
#define INT_FIELD(record, field)  G_STRUCT_MEMBER (gint64, (record), (field)->offset)
#define BOOL_FIELD(record, field) G_STRUCT_MEMBER (gboolean, (record), (field)->offset)

static char *
dup_value_text (const VigilField *field,
                gconstpointer     record)
{
  switch (field->kind)
    {
    case VIGIL_FIELD_CHOICE:
      {
        const char *code = TEXT_FIELD (record, field);
        const char *label = vigil_choice_get_label (field->choices, code);

        if (code == NULL || *code == '\0')
          return g_strdup (_("(not set)"));
        return g_strdup (label ? label : code);
      }

    case VIGIL_FIELD_BOOL:
      return g_strdup (BOOL_FIELD (record, field) ? _("Yes") : _("No"));

    case VIGIL_FIELD_INT:
    case VIGIL_FIELD_REF:
      return g_strdup_printf ("%" G_GINT64_FORMAT, INT_FIELD (record, field));

    case VIGIL_FIELD_TEXT:
    case VIGIL_FIELD_DATE:
    case VIGIL_FIELD_DATETIME:
    case VIGIL_FIELD_DOUBLE:
    default:
      {
        const char *text = TEXT_FIELD (record, field);

        return g_strdup (text && *text ? text : _("(empty)"));
      }
    }
}

static void
set_message (VigilConflictModel *self,
             char               *message)
{
  g_free (self->message);
  self->message = message;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
}

static void
vigil_conflict_model_dispose (GObject *object)
{
  VigilConflictModel *self = VIGIL_CONFLICT_MODEL (object);

  g_clear_object (&self->fields);

  G_OBJECT_CLASS (vigil_conflict_model_parent_class)->dispose (object);
}

static void
vigil_conflict_model_finalize (GObject *object)
{
  VigilConflictModel *self = VIGIL_CONFLICT_MODEL (object);

  g_free (self->message);

  G_OBJECT_CLASS (vigil_conflict_model_parent_class)->finalize (object);
}

static void
vigil_conflict_model_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  VigilConflictModel *self = VIGIL_CONFLICT_MODEL (object);

  switch (prop_id)
    {
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;

    case PROP_FIELDS:
      g_value_set_object (value, self->fields);
      break;

    case PROP_HAS_FIELDS:
      g_value_set_boolean (value, vigil_conflict_model_get_has_fields (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_conflict_model_class_init (VigilConflictModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vigil_conflict_model_dispose;
  object_class->finalize = vigil_conflict_model_finalize;
  object_class->get_property = vigil_conflict_model_get_property;

  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, "Who saved their version, when, and what differs", NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FIELDS] =
    g_param_spec_object ("fields", NULL, "The fields that differ (VigilConflictField)",
                         G_TYPE_LIST_MODEL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_HAS_FIELDS] =
    g_param_spec_boolean ("has-fields", NULL, "Whether any field differs", FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vigil_conflict_model_init (VigilConflictModel *self)
{
  self->fields = g_list_store_new (VIGIL_TYPE_CONFLICT_FIELD);
}

VigilConflictModel *
vigil_conflict_model_new (void)
{
  return g_object_new (VIGIL_TYPE_CONFLICT_MODEL, NULL);
}

void
vigil_conflict_model_compare (VigilConflictModel      *self,
                              const VigilField * const *fields,
                              const char * const      *labels,
                              guint                    n_fields,
                              gconstpointer            theirs,
                              gconstpointer            mine,
                              const char              *reason)
{
  g_autoptr(GPtrArray) differ = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean had_fields;
  const VigilRecord *their_record = theirs;
  const char *who;
  g_autofree char *when = NULL;
  guint n;

  g_return_if_fail (VIGIL_IS_CONFLICT_MODEL (self));
  g_return_if_fail (mine != NULL);

  had_fields = vigil_conflict_model_get_has_fields (self);
  if (theirs == NULL)
    {
      g_list_store_remove_all (self->fields);
      set_message (self, g_strdup (reason));
      if (had_fields)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_FIELDS]);
      return;
    }

  for (guint i = 0; i < n_fields; i++)
    {
      g_autofree char *their_text = dup_value_text (fields[i], theirs);
      g_autofree char *my_text = dup_value_text (fields[i], mine);

      if (g_strcmp0 (their_text, my_text) != 0)
        g_ptr_array_add (differ, vigil_conflict_field_new (labels[i], their_text, my_text));
    }
  g_list_store_splice (self->fields, 0, g_list_model_get_n_items (G_LIST_MODEL (self->fields)),
                       differ->pdata, differ->len);

  n = differ->len;
  who = their_record->updated_by ? their_record->updated_by : _("Someone else");
  when = vigil_format_date (their_record->updated_at);
  if (n == 0)
    /* Translators: who saved the record while the user was editing it, and when */
    set_message (self, g_strdup_printf (_("%s saved this on %s while you were editing it. Their version "
                                          "already says what yours says."),
                                        who, when));
  else
    set_message (self, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                     "%s saved this on %s while you were editing it. "
                                                     "One field differs: keep their version, or save yours over it.",
                                                     "%s saved this on %s while you were editing it. "
                                                     "%u fields differ: keep their version, or save yours over it.",
                                                     n),
                                        who, when, n));
  if (had_fields != (n > 0))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_FIELDS]);
}

void
vigil_conflict_model_clear (VigilConflictModel *self)
{
  gboolean had_fields;

  g_return_if_fail (VIGIL_IS_CONFLICT_MODEL (self));

  had_fields = vigil_conflict_model_get_has_fields (self);
  g_list_store_remove_all (self->fields);
  if (self->message != NULL)
    set_message (self, NULL);
  if (had_fields)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_FIELDS]);
}

const char *
vigil_conflict_model_get_message (VigilConflictModel *self)
{
  g_return_val_if_fail (VIGIL_IS_CONFLICT_MODEL (self), NULL);

  return self->message;
}

GListModel *
vigil_conflict_model_get_fields (VigilConflictModel *self)
{
  g_return_val_if_fail (VIGIL_IS_CONFLICT_MODEL (self), NULL);

  return G_LIST_MODEL (self->fields);
}

gboolean
vigil_conflict_model_get_has_fields (VigilConflictModel *self)
{
  g_return_val_if_fail (VIGIL_IS_CONFLICT_MODEL (self), FALSE);

  return g_list_model_get_n_items (G_LIST_MODEL (self->fields)) > 0;
}
