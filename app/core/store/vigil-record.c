/* vigil-record.c: the generic repository behind every domain record
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-record"

#include "config.h"

#include <inttypes.h>
#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "vigil-audit.h"
#include "vigil-record.h"

#define FIELD_PTR(record, field) ((guint8 *) (record) + (field)->offset)
#define TEXT_AT(record, field) (*(char **) FIELD_PTR (record, field))
#define INT_AT(record, field) (*(gint64 *) FIELD_PTR (record, field))
#define BOOL_AT(record, field) (*(gboolean *) FIELD_PTR (record, field))
#define DOUBLE_AT(record, field) (*(double *) FIELD_PTR (record, field))

static gboolean
field_is_text (const VigilField *field)
{
  switch (field->kind)
    {
    case VIGIL_FIELD_TEXT:
    case VIGIL_FIELD_CHOICE:
    case VIGIL_FIELD_DATE:
    case VIGIL_FIELD_DATETIME:
      return TRUE;

    case VIGIL_FIELD_INT:
    case VIGIL_FIELD_BOOL:
    case VIGIL_FIELD_DOUBLE:
    case VIGIL_FIELD_REF:
    default:
      return FALSE;
    }
}

static gboolean
is_append_only (const VigilRecordType *type)
{
  return (type->flags & VIGIL_RECORD_APPEND_ONLY) != 0;
}

gpointer
vigil_record_new (const VigilRecordType *type)
{
  VigilRecord *record;

  g_return_val_if_fail (type != NULL, NULL);
  g_return_val_if_fail (type->size >= sizeof (VigilRecord), NULL);

  record = g_malloc0 (type->size);
  record->type = type;
  return record;
}

static void
clear_header (VigilRecord *header)
{
  g_clear_pointer (&header->created_at, g_free);
  g_clear_pointer (&header->updated_at, g_free);
  g_clear_pointer (&header->updated_by, g_free);
}

void
vigil_record_free (const VigilRecordType *type,
                   gpointer               record)
{
  g_return_if_fail (type != NULL);

  if (record == NULL)
    return;

  for (guint i = 0; i < type->n_fields; i++)
    if (field_is_text (&type->fields[i]))
      g_free (TEXT_AT (record, &type->fields[i]));

  clear_header (record);
  g_free (record);
}

/* A GDestroyNotify for any record (each knows its type). */
void
vigil_record_destroy (gpointer record)
{
  if (record != NULL)
    vigil_record_free (((VigilRecord *) record)->type, record);
}

gpointer
vigil_record_copy (const VigilRecordType *type,
                   gconstpointer          record)
{
  VigilRecord *copy;
  const VigilRecord *header = record;

  g_return_val_if_fail (type != NULL, NULL);
  g_return_val_if_fail (record != NULL, NULL);

  copy = g_memdup2 (record, type->size);
  copy->created_at = g_strdup (header->created_at);
  copy->updated_at = g_strdup (header->updated_at);
  copy->updated_by = g_strdup (header->updated_by);

  for (guint i = 0; i < type->n_fields; i++)
    if (field_is_text (&type->fields[i]))
      TEXT_AT (copy, &type->fields[i]) = g_strdup (TEXT_AT (record, &type->fields[i]));

  return copy;
}

const VigilField *
vigil_record_type_find_field (const VigilRecordType *type,
                              const char            *name)
{
  for (guint i = 0; i < type->n_fields; i++)
    if (g_str_equal (type->fields[i].name, name))
      return &type->fields[i];

  return NULL;
}

void
vigil_record_set_text (const VigilRecordType *type,
                       gpointer               record,
                       const char            *field_name,
                       const char            *value)
{
  const VigilField *field = vigil_record_type_find_field (type, field_name);

  g_return_if_fail (field != NULL && field_is_text (field));

  g_free (TEXT_AT (record, field));
  TEXT_AT (record, field) = g_strdup (value);
}

static gboolean
field_equal (const VigilField *field,
             gconstpointer     a,
             gconstpointer     b)
{
  switch (field->kind)
    {
    case VIGIL_FIELD_TEXT:
    case VIGIL_FIELD_CHOICE:
    case VIGIL_FIELD_DATE:
    case VIGIL_FIELD_DATETIME:
      {
        const char *ta = TEXT_AT (a, field);
        const char *tb = TEXT_AT (b, field);

        /* NULL and "" are both "empty" */
        return g_strcmp0 (ta && *ta ? ta : NULL, tb && *tb ? tb : NULL) == 0;
      }

    case VIGIL_FIELD_INT:
    case VIGIL_FIELD_REF:
      return INT_AT (a, field) == INT_AT (b, field);

    case VIGIL_FIELD_BOOL:
      return !BOOL_AT (a, field) == !BOOL_AT (b, field);

    case VIGIL_FIELD_DOUBLE:
      return DOUBLE_AT (a, field) == DOUBLE_AT (b, field);

    default:
      g_assert_not_reached ();
    }
}

gboolean
vigil_record_equal (const VigilRecordType *type,
                    gconstpointer          a,
                    gconstpointer          b)
{
  for (guint i = 0; i < type->n_fields; i++)
    if (!field_equal (&type->fields[i], a, b))
      return FALSE;

  return TRUE;
}

/* Identifiers */

char *
vigil_uuid_new (void)
{
  static GMutex mutex;
  static guint64 last_ms;
  static guint counter;
  guint64 ms = (guint64) (g_get_real_time () / 1000);
  guint32 r1 = g_random_int ();
  guint32 r2 = g_random_int ();
  guint seq;

  g_mutex_lock (&mutex);
  if (ms <= last_ms)
    {
      ms = last_ms;
      if (++counter > 0xFFF)
        {
          counter = 0;
          ms++;
        }
    }
  else
    counter = 0;
  last_ms = ms;
  seq = counter;
  g_mutex_unlock (&mutex);

  /* "%08x-%04x-7%03x-%04x-%04x%08x" of (ms >> 16, ms & 0xFFFF, seq, 0x8000 | (r1 &
   * 0x3FFF), r1 >> 16, r2), written by hand: an import makes a uuid per new person */
  {
    static const char hex[] = "0123456789abcdef";
    const struct { guint64 value; guint digits; } parts[] = {
      { ms >> 16, 8 }, { ms & 0xFFFF, 4 }, { 0x7000 | seq, 4 },
      { 0x8000 | (r1 & 0x3FFF), 4 }, { r1 >> 16, 4 }, { r2, 8 },
    };
    char *uuid = g_malloc (37);
    char *p = uuid;

    for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
      {
        for (guint d = parts[i].digits; d > 0; d--)
          p[d - 1] = hex[(parts[i].value >> (4 * (parts[i].digits - d))) & 0xF];
        p += parts[i].digits;
        if (i < 4)
          *p++ = '-';
      }
    *p = '\0';
    return uuid;
  }
}

/* Validation */

gboolean
vigil_date_is_valid (const char *text)
{
  guint year, month, day;
  char tail;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;

  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (text[i]))
      return FALSE;

  if (sscanf (text, "%4u-%2u-%2u%c", &year, &month, &day, &tail) != 3)
    return FALSE;

  return year >= 1 && month >= 1 && month <= 12 && day >= 1 &&
         day <= g_date_get_days_in_month (month, year);
}

/* "YYYY-MM-DD", or that with "THH:MM", "THH:MM:SS", optionally followed by "Z". */
gboolean
vigil_datetime_is_valid (const char *text)
{
  g_autofree char *date = NULL;
  const char *time;
  gsize len;

  if (text == NULL || strlen (text) < 10)
    return FALSE;

  date = g_strndup (text, 10);
  if (!vigil_date_is_valid (date))
    return FALSE;

  if (text[10] == '\0')
    return TRUE;

  if (text[10] != 'T' && text[10] != ' ')
    return FALSE;

  time = text + 11;
  len = strlen (time);
  if (len > 0 && time[len - 1] == 'Z')
    len--;

  if (len != 5 && len != 8)
    return FALSE;

  for (gsize i = 0; i < len; i++)
    {
      if (i == 2 || i == 5)
        {
          if (time[i] != ':')
            return FALSE;
        }
      else if (!g_ascii_isdigit (time[i]))
        return FALSE;
    }

  return (time[0] - '0') * 10 + (time[1] - '0') < 24 &&
         (time[3] - '0') * 10 + (time[4] - '0') < 60 &&
         (len == 5 || (time[6] - '0') * 10 + (time[7] - '0') < 60);
}

static gboolean
choice_is_valid (const char * const *choices,
                 const char         *value)
{
  for (guint i = 0; choices[i] != NULL; i++)
    if (g_str_equal (choices[i], value))
      return TRUE;

  return FALSE;
}

gboolean
vigil_record_validate (const VigilRecordType *type,
                       gconstpointer          record,
                       GError               **error)
{
  const char *what = _(type->label);

  for (guint i = 0; i < type->n_fields; i++)
    {
      const VigilField *field = &type->fields[i];
      const char *label = _(field->label);
      gboolean required = (field->flags & VIGIL_FIELD_REQUIRED) != 0;

      if (field_is_text (field))
        {
          const char *text = TEXT_AT (record, field);
          gboolean empty = text == NULL || *text == '\0';

          if (empty)
            {
              if (required)
                {
                  g_set_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_INVALID,
                               _("The %s needs a %s."), what, label);
                  return FALSE;
                }
              continue;
            }

          if (!g_utf8_validate (text, -1, NULL))
            {
              g_set_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_INVALID,
                           _("The %s’s %s is not valid UTF-8 text."), what, label);
              return FALSE;
            }

          if (field->kind == VIGIL_FIELD_CHOICE && !choice_is_valid (field->choices, text))
            {
              g_autofree char *allowed = g_strjoinv (", ", (char **) field->choices);

              g_set_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_INVALID,
                           _("The %s’s %s “%s” is not one of: %s."), what, label, text, allowed);
              return FALSE;
            }

          if (field->kind == VIGIL_FIELD_DATE && !vigil_date_is_valid (text))
            {
              g_set_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_INVALID,
                           _("The %s’s %s “%s” is not a date: write it as YYYY-MM-DD."),
                           what, label, text);
              return FALSE;
            }

          if (field->kind == VIGIL_FIELD_DATETIME && !vigil_datetime_is_valid (text))
            {
              g_set_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_INVALID,
                           _("The %s’s %s “%s” is not a date or time: write it as "
                             "YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS."),
                           what, label, text);
              return FALSE;
            }
        }
      else if (field->kind == VIGIL_FIELD_REF)
        {
          gint64 id = INT_AT (record, field);

          if (id < 0 || (required && id == 0))
            {
              g_set_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_INVALID,
                           _("The %s needs a %s."), what, label);
              return FALSE;
            }
        }
    }

  return TRUE;
}

/* SQL */

static const char *
param_type (const VigilField *field)
{
  switch (field->kind)
    {
    case VIGIL_FIELD_TEXT:
    case VIGIL_FIELD_CHOICE:
    case VIGIL_FIELD_DATE:
    case VIGIL_FIELD_DATETIME:
      return "string";

    case VIGIL_FIELD_INT:
    case VIGIL_FIELD_BOOL:
    case VIGIL_FIELD_REF:
      return "gint64";

    case VIGIL_FIELD_DOUBLE:
      return "gdouble";

    default:
      g_assert_not_reached ();
    }
}

static GType
column_gtype (const VigilField *field)
{
  switch (field->kind)
    {
    case VIGIL_FIELD_TEXT:
    case VIGIL_FIELD_CHOICE:
    case VIGIL_FIELD_DATE:
    case VIGIL_FIELD_DATETIME:
      return G_TYPE_STRING;

    case VIGIL_FIELD_INT:
    case VIGIL_FIELD_BOOL:
    case VIGIL_FIELD_REF:
      return G_TYPE_INT64;

    case VIGIL_FIELD_DOUBLE:
      return G_TYPE_DOUBLE;

    default:
      g_assert_not_reached ();
    }
}

/* The header columns each table has, in SELECT order. */
static guint
n_header_columns (const VigilRecordType *type)
{
  return is_append_only (type) ? 1 : 5;
}

static void
append_select_columns (GString               *sql,
                       const VigilRecordType *type)
{
  g_string_append (sql, is_append_only (type) ? "SELECT id" : "SELECT id, rev, created_at, updated_at, updated_by");
  for (guint i = 0; i < type->n_fields; i++)
    g_string_append_printf (sql, ", %s", type->fields[i].name);
  g_string_append_printf (sql, " FROM %s", type->table);
}

static GType *
select_column_types (const VigilRecordType *type)
{
  guint n_header = n_header_columns (type);
  GType *types = g_new0 (GType, n_header + type->n_fields + 1);
  guint n = 0;

  types[n++] = G_TYPE_INT64;
  if (!is_append_only (type))
    {
      types[n++] = G_TYPE_INT64;
      types[n++] = G_TYPE_STRING;
      types[n++] = G_TYPE_STRING;
      types[n++] = G_TYPE_STRING;
    }
  for (guint i = 0; i < type->n_fields; i++)
    types[n++] = column_gtype (&type->fields[i]);
  types[n] = G_TYPE_NONE;

  return types;
}

static void
set_field_value (const VigilField *field,
                 gconstpointer     record,
                 GValue           *value)
{
  switch (field->kind)
    {
    case VIGIL_FIELD_TEXT:
    case VIGIL_FIELD_CHOICE:
    case VIGIL_FIELD_DATE:
    case VIGIL_FIELD_DATETIME:
      {
        const char *text = TEXT_AT (record, field);

        /* empty text is stored as NULL */
        if (text != NULL && *text != '\0')
          {
            g_value_init (value, G_TYPE_STRING);
            g_value_set_string (value, text);
          }
      }
      break;

    case VIGIL_FIELD_REF:
      if (INT_AT (record, field) != 0)
        {
          g_value_init (value, G_TYPE_INT64);
          g_value_set_int64 (value, INT_AT (record, field));
        }
      break;

    case VIGIL_FIELD_INT:
      g_value_init (value, G_TYPE_INT64);
      g_value_set_int64 (value, INT_AT (record, field));
      break;

    case VIGIL_FIELD_BOOL:
      g_value_init (value, G_TYPE_INT64);
      g_value_set_int64 (value, BOOL_AT (record, field) ? 1 : 0);
      break;

    case VIGIL_FIELD_DOUBLE:
      g_value_init (value, G_TYPE_DOUBLE);
      g_value_set_double (value, DOUBLE_AT (record, field));
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
clear_values (GValue *values,
              guint   n)
{
  for (guint i = 0; i < n; i++)
    if (G_VALUE_TYPE (&values[i]) != G_TYPE_INVALID)
      g_value_unset (&values[i]);
}

static const char *
text_or_null (const GValue *value)
{
  return value == NULL || gda_value_is_null (value) ? NULL : g_value_get_string (value);
}

static gint64
int64_or_zero (const GValue *value)
{
  if (value == NULL || gda_value_is_null (value))
    return 0;
  if (G_VALUE_HOLDS_INT64 (value))
    return g_value_get_int64 (value);
  if (G_VALUE_HOLDS_INT (value))
    return g_value_get_int (value);
  return 0;
}

static gpointer
record_from_row (const VigilRecordType  *type,
                 GdaDataModel           *model,
                 int                     row,
                 GError                **error)
{
  gpointer record = vigil_record_new (type);
  VigilRecord *header = record;
  guint n_header = n_header_columns (type);
  const GValue *value;

#define GET(col) \
  G_STMT_START { \
    value = gda_data_model_get_value_at (model, (col), row, error); \
    if (value == NULL) \
      { \
        vigil_record_free (type, record); \
        return NULL; \
      } \
  } G_STMT_END

  GET (0);
  header->id = int64_or_zero (value);
  if (!is_append_only (type))
    {
      GET (1);
      header->rev = int64_or_zero (value);
      GET (2);
      header->created_at = g_strdup (text_or_null (value));
      GET (3);
      header->updated_at = g_strdup (text_or_null (value));
      GET (4);
      header->updated_by = g_strdup (text_or_null (value));
    }

  for (guint i = 0; i < type->n_fields; i++)
    {
      const VigilField *field = &type->fields[i];

      GET ((int) (n_header + i));

      switch (field->kind)
        {
        case VIGIL_FIELD_TEXT:
        case VIGIL_FIELD_CHOICE:
        case VIGIL_FIELD_DATE:
        case VIGIL_FIELD_DATETIME:
          TEXT_AT (record, field) = g_strdup (text_or_null (value));
          break;

        case VIGIL_FIELD_INT:
        case VIGIL_FIELD_REF:
          INT_AT (record, field) = int64_or_zero (value);
          break;

        case VIGIL_FIELD_BOOL:
          BOOL_AT (record, field) = int64_or_zero (value) != 0;
          break;

        case VIGIL_FIELD_DOUBLE:
          DOUBLE_AT (record, field) = gda_value_is_null (value) ? 0.0 : g_value_get_double (value);
          break;

        default:
          g_assert_not_reached ();
        }
    }

#undef GET

  return record;
}

static GPtrArray *
select_records (VigilStore            *store,
                const VigilRecordType *type,
                const char            *where,
                const GValue          *params,
                guint                  n_params,
                GError               **error)
{
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autofree GType *types = select_column_types (type);
  g_autoptr(GdaDataModel) model = NULL;
  g_autoptr(GPtrArray) records = NULL;
  int n_rows;

  append_select_columns (sql, type);
  if (where != NULL)
    g_string_append_printf (sql, " WHERE %s", where);
  g_string_append (sql, " ORDER BY id");

  model = vigil_store_query (store, sql->str, params, n_params, types, error);
  if (model == NULL)
    return NULL;

  n_rows = gda_data_model_get_n_rows (model);
  records = g_ptr_array_new_full (n_rows, vigil_record_destroy);
  for (int row = 0; row < n_rows; row++)
    {
      gpointer record = record_from_row (type, model, row, error);

      if (record == NULL)
        return NULL;
      g_ptr_array_add (records, record);
    }

  return g_steal_pointer (&records);
}

static gint64
person_of (const VigilRecordType *type,
           gconstpointer          record)
{
  const VigilField *field;

  if (type->person_column == NULL)
    return 0;

  if (g_str_equal (type->person_column, "id"))
    return ((const VigilRecord *) record)->id;

  field = vigil_record_type_find_field (type, type->person_column);
  g_return_val_if_fail (field != NULL, 0);

  return INT_AT (record, field);
}

/* The audit detail names the fields, never their values: removing a person's records
 * (MoPI) must remove their data, and the log must not keep a copy. */
static char *
describe_fields (const VigilRecordType *type,
                 gconstpointer          before,
                 gconstpointer          after)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "fields");
  json_builder_begin_array (builder);
  for (guint i = 0; i < type->n_fields; i++)
    {
      const VigilField *field = &type->fields[i];

      if (before != NULL ? !field_equal (field, before, after)
                         : !field_is_text (field) || (TEXT_AT (after, field) && *TEXT_AT (after, field)))
        json_builder_add_string_value (builder, field->name);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

typedef struct
{
  const VigilRecordType *type;
  gpointer record;
} RecordOp;

/* Bumps the store's facts generation in the current transaction: one statement (the
 * record layer writes people and incidents one at a time, so this is on their path). */
static gboolean
touch_facts (VigilStore  *store,
             GError     **error)
{
  int rows = 0;

  if (!vigil_store_execute (store,
                            "UPDATE vigil_meta SET value = CAST(CAST(value AS BIGINT) + 1 AS TEXT) "
                            "WHERE key = 'facts_generation'",
                            NULL, 0, &rows, error))
    return FALSE;
  /* never set yet */
  return rows > 0 || vigil_store_touch_facts (store, error);
}

/* Whether writing @after over @before (NULL: an insert or a delete) changes what the
 * scoring facts are read from — every incident; a person's id, references and merge —
 * so that the store's facts generation must go up with it (vigil-fact-cache.c). */
static gboolean
changes_facts (const VigilRecordType *type,
               gconstpointer          before,
               gconstpointer          after)
{
  static const char * const person_fields[] = { "local_ref", "uuid", "merged_into" };

  if (g_str_equal (type->table, "incident"))
    return TRUE;
  if (!g_str_equal (type->table, "person"))
    return FALSE;
  if (before == NULL || after == NULL)
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (person_fields); i++)
    {
      const VigilField *field = vigil_record_type_find_field (type, person_fields[i]);

      if (field != NULL && !field_equal (field, before, after))
        return TRUE;
    }
  return FALSE;
}

static gboolean
insert_cb (VigilStore  *store,
           gpointer     user_data,
           GError     **error)
{
  RecordOp *op = user_data;
  const VigilRecordType *type = op->type;
  VigilRecord *header = op->record;
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GString) values = g_string_new (NULL);
  g_autofree GValue *params = g_new0 (GValue, type->n_fields + 3);
  g_autofree char *now = vigil_store_now ();
  guint n = 0;
  gint64 id;
  gboolean ok;

  g_string_printf (sql, "INSERT INTO %s (", type->table);
  if (!is_append_only (type))
    {
      g_string_append (sql, "created_at, updated_at, updated_by, ");
      g_string_append (values, "##p0::string, ##p1::string, ##p2::string, ");
      g_value_init (&params[n], G_TYPE_STRING);
      g_value_set_string (&params[n++], now);
      g_value_init (&params[n], G_TYPE_STRING);
      g_value_set_string (&params[n++], now);
      g_value_init (&params[n], G_TYPE_STRING);
      g_value_set_string (&params[n++], vigil_store_get_actor (store));
    }

  for (guint i = 0; i < type->n_fields; i++)
    {
      const VigilField *field = &type->fields[i];

      g_string_append_printf (sql, "%s%s", i ? ", " : "", field->name);
      g_string_append_printf (values, "%s##p%u::%s::null", i ? ", " : "", n, param_type (field));
      set_field_value (field, op->record, &params[n++]);
    }
  g_string_append_printf (sql, ") VALUES (%s)", values->str);

  ok = vigil_store_execute (store, sql->str, params, n, NULL, error);
  clear_values (params, n);
  if (!ok)
    return FALSE;

  id = vigil_store_last_insert_id (store, error);
  if (id <= 0)
    return FALSE;

  header->id = id;
  if (!is_append_only (type))
    {
      g_autofree char *detail = describe_fields (type, NULL, op->record);

      header->rev = 1;
      g_free (header->created_at);
      header->created_at = g_strdup (now);
      g_free (header->updated_at);
      header->updated_at = g_strdup (now);
      g_free (header->updated_by);
      header->updated_by = g_strdup (vigil_store_get_actor (store));

      /* Append-only rows (scores, rejected import rows) are audited as their run or
       * batch, not one by one. */
      if (!vigil_audit_append (store, "create", type->table, id, person_of (type, op->record), detail, error))
        return FALSE;
    }

  if (changes_facts (type, NULL, op->record) && !touch_facts (store, error))
    return FALSE;

  return TRUE;
}

/**
 * vigil_store_insert:
 *
 * Validates and inserts @record, setting its id, rev (1) and timestamps, and appends
 * an audit row, in one transaction.
 */
gboolean
vigil_store_insert (VigilStore            *store,
                    const VigilRecordType *type,
                    gpointer               record,
                    GError               **error)
{
  RecordOp op = { type, record };
  VigilRecord *header = record;
  g_autofree char *saved_uuid = NULL;
  const VigilField *uuid_field = NULL;
  gboolean ok;

  g_return_val_if_fail (VIGIL_IS_STORE (store), FALSE);
  g_return_val_if_fail (type != NULL && record != NULL, FALSE);
  g_return_val_if_fail (header->id == 0, FALSE);

  for (guint i = 0; i < type->n_fields; i++)
    if ((type->fields[i].flags & VIGIL_FIELD_UUID) && (TEXT_AT (record, &type->fields[i]) == NULL ||
                                                       *TEXT_AT (record, &type->fields[i]) == '\0'))
      {
        uuid_field = &type->fields[i];
        saved_uuid = g_steal_pointer (&TEXT_AT (record, uuid_field));
        TEXT_AT (record, uuid_field) = vigil_uuid_new ();
      }

  ok = vigil_record_validate (type, record, error) &&
       vigil_store_run_in_transaction (store, insert_cb, &op, error);

  if (!ok)
    {
      header->id = 0;
      header->rev = 0;
      if (uuid_field != NULL)
        {
          g_free (TEXT_AT (record, uuid_field));
          TEXT_AT (record, uuid_field) = g_steal_pointer (&saved_uuid);
        }
    }

  return ok;
}

/* Rows a statement: fixed groups (and one shorter last group) keep the connection's
 * statement cache small, and stay far below SQLite's and PostgreSQL's limits on
 * parameters. */
#define ROWS_PER_INSERT 64

typedef struct
{
  const VigilRecordType *type;
  GPtrArray *records;
} RowsOp;

static gboolean
insert_rows_cb (VigilStore  *store,
                gpointer     user_data,
                GError     **error)
{
  RowsOp *op = user_data;
  const VigilRecordType *type = op->type;
  g_autofree GValue *params = g_new0 (GValue, (gsize) type->n_fields * ROWS_PER_INSERT);

  for (guint first = 0; first < op->records->len; first += ROWS_PER_INSERT)
    {
      guint n_rows = MIN (ROWS_PER_INSERT, op->records->len - first);
      g_autoptr(GString) sql = g_string_new (NULL);
      guint n = 0;
      gboolean ok;

      g_string_printf (sql, "INSERT INTO %s (", type->table);
      for (guint i = 0; i < type->n_fields; i++)
        g_string_append_printf (sql, "%s%s", i ? ", " : "", type->fields[i].name);
      g_string_append (sql, ") VALUES ");

      for (guint row = 0; row < n_rows; row++)
        {
          gpointer record = g_ptr_array_index (op->records, first + row);

          g_string_append (sql, row ? ", (" : "(");
          for (guint i = 0; i < type->n_fields; i++)
            {
              const VigilField *field = &type->fields[i];

              g_string_append_printf (sql, "%s##p%u::%s::null", i ? ", " : "", n, param_type (field));
              set_field_value (field, record, &params[n++]);
            }
          g_string_append (sql, ")");
        }

      ok = vigil_store_execute (store, sql->str, params, n, NULL, error);
      clear_values (params, n);
      if (!ok)
        return FALSE;
    }

  for (guint i = 0; i < op->records->len; i++)
    if (changes_facts (type, NULL, g_ptr_array_index (op->records, i)))
      return touch_facts (store, error);

  return TRUE;
}

gboolean
vigil_store_insert_rows (VigilStore            *store,
                         const VigilRecordType *type,
                         GPtrArray             *records,
                         GError               **error)
{
  RowsOp op = { type, records };

  g_return_val_if_fail (VIGIL_IS_STORE (store), FALSE);
  g_return_val_if_fail (type != NULL && records != NULL, FALSE);
  g_return_val_if_fail (is_append_only (type), FALSE);

  for (guint i = 0; i < type->n_fields; i++)
    g_return_val_if_fail ((type->fields[i].flags & VIGIL_FIELD_UUID) == 0, FALSE);

  for (guint i = 0; i < records->len; i++)
    {
      VigilRecord *header = g_ptr_array_index (records, i);

      g_return_val_if_fail (header->id == 0, FALSE);
      if (!vigil_record_validate (type, header, error))
        return FALSE;
    }

  if (records->len == 0)
    return TRUE;
  return vigil_store_run_in_transaction (store, insert_rows_cb, &op, error);
}

static gpointer
fetch_record (VigilStore            *store,
              const VigilRecordType *type,
              gint64                 id,
              GError               **error)
{
  g_autoptr(GPtrArray) records = NULL;
  GValue param = G_VALUE_INIT;

  g_value_init (&param, G_TYPE_INT64);
  g_value_set_int64 (&param, id);
  records = select_records (store, type, "id = ##p0::gint64", &param, 1, error);
  if (records == NULL)
    return NULL;

  if (records->len == 0)
    return NULL;

  return g_ptr_array_steal_index (records, 0);
}

gpointer
vigil_store_fetch (VigilStore            *store,
                   const VigilRecordType *type,
                   gint64                 id,
                   GError               **error)
{
  g_autoptr(GError) local_error = NULL;
  gpointer record;

  g_return_val_if_fail (VIGIL_IS_STORE (store), NULL);
  g_return_val_if_fail (type != NULL, NULL);

  record = fetch_record (store, type, id, &local_error);
  if (record == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_NOT_FOUND,
                     _("There is no %s with number %" PRId64 " (it may have been removed)."),
                     _(type->label), id);
    }

  return record;
}

/* Someone else's change won: say who and when, so the user can reload and compare. */
static void
set_conflict_error (VigilStore            *store,
                    const VigilRecordType *type,
                    gint64                 id,
                    GError               **error)
{
  g_autoptr(GError) local_error = NULL;
  gpointer current = fetch_record (store, type, id, &local_error);

  if (current == NULL)
    {
      g_set_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_CONFLICT,
                   _("This %s (number %" PRId64 ") was removed by someone else "
                     "after you opened it; your change was not saved."),
                   _(type->label), id);
      return;
    }

  g_set_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_CONFLICT,
               _("This %s (number %" PRId64 ") was changed by %s at %s after you "
                 "opened it; your change was not saved. Reload it to see both versions."),
               _(type->label), id,
               ((VigilRecord *) current)->updated_by ? ((VigilRecord *) current)->updated_by : _("someone else"),
               ((VigilRecord *) current)->updated_at ? ((VigilRecord *) current)->updated_at : "?");
  vigil_record_free (type, current);
}

static gboolean
update_cb (VigilStore  *store,
           gpointer     user_data,
           GError     **error)
{
  RecordOp *op = user_data;
  const VigilRecordType *type = op->type;
  VigilRecord *header = op->record;
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autofree GValue *params = g_new0 (GValue, type->n_fields + 4);
  g_autofree char *now = vigil_store_now ();
  g_autofree char *detail = NULL;
  gpointer current;
  guint n = 0;
  int rows = 0;
  gboolean ok, touch;

  current = fetch_record (store, type, header->id, error);
  if (current == NULL)
    {
      if (error == NULL || *error == NULL)
        set_conflict_error (store, type, header->id, error);
      return FALSE;
    }

  if (((VigilRecord *) current)->rev != header->rev)
    {
      vigil_record_free (type, current);
      set_conflict_error (store, type, header->id, error);
      return FALSE;
    }

  detail = describe_fields (type, current, op->record);
  if (vigil_record_equal (type, current, op->record))
    {
      /* Nothing changed: nothing to write or audit */
      vigil_record_free (type, current);
      return TRUE;
    }
  touch = changes_facts (type, current, op->record);
  vigil_record_free (type, current);

  g_string_printf (sql, "UPDATE %s SET rev = rev + 1, updated_at = ##p0::string, updated_by = ##p1::string",
                   type->table);
  g_value_init (&params[n], G_TYPE_STRING);
  g_value_set_string (&params[n++], now);
  g_value_init (&params[n], G_TYPE_STRING);
  g_value_set_string (&params[n++], vigil_store_get_actor (store));

  for (guint i = 0; i < type->n_fields; i++)
    {
      const VigilField *field = &type->fields[i];

      g_string_append_printf (sql, ", %s = ##p%u::%s::null", field->name, n, param_type (field));
      set_field_value (field, op->record, &params[n++]);
    }

  g_string_append_printf (sql, " WHERE id = ##p%u::gint64 AND rev = ##p%u::gint64", n, n + 1);
  g_value_init (&params[n], G_TYPE_INT64);
  g_value_set_int64 (&params[n++], header->id);
  g_value_init (&params[n], G_TYPE_INT64);
  g_value_set_int64 (&params[n++], header->rev);

  ok = vigil_store_execute (store, sql->str, params, n, &rows, error);
  clear_values (params, n);
  if (!ok)
    return FALSE;

  if (rows == 0)
    {
      set_conflict_error (store, type, header->id, error);
      return FALSE;
    }

  if (!vigil_audit_append (store, "update", type->table, header->id, person_of (type, op->record), detail, error))
    return FALSE;
  if (touch && !touch_facts (store, error))
    return FALSE;

  header->rev++;
  g_free (header->updated_at);
  header->updated_at = g_strdup (now);
  g_free (header->updated_by);
  header->updated_by = g_strdup (vigil_store_get_actor (store));

  return TRUE;
}

/**
 * vigil_store_update:
 *
 * Writes @record if nobody changed it since it was read (same rev); otherwise fails
 * with %VIGIL_STORE_ERROR_CONFLICT naming who changed it and when. On success the
 * record's rev goes up by one and an audit row names the changed fields.
 */
gboolean
vigil_store_update (VigilStore            *store,
                    const VigilRecordType *type,
                    gpointer               record,
                    GError               **error)
{
  RecordOp op = { type, record };
  VigilRecord *header = record;
  gint64 rev = header->rev;
  char *updated_at = g_strdup (header->updated_at);
  char *updated_by = g_strdup (header->updated_by);
  gboolean ok;

  g_return_val_if_fail (VIGIL_IS_STORE (store), FALSE);
  g_return_val_if_fail (type != NULL && record != NULL, FALSE);

  if (is_append_only (type))
    {
      g_set_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_INVALID,
                   _("A %s is written once and cannot be changed."), _(type->label));
      ok = FALSE;
    }
  else
    ok = vigil_record_validate (type, record, error) &&
         vigil_store_run_in_transaction (store, update_cb, &op, error);

  if (!ok)
    {
      /* an outer transaction may have rolled back: keep the record as it was read */
      header->rev = rev;
      g_free (header->updated_at);
      header->updated_at = g_steal_pointer (&updated_at);
      g_free (header->updated_by);
      header->updated_by = g_steal_pointer (&updated_by);
    }

  g_free (updated_at);
  g_free (updated_by);
  return ok;
}

static gboolean
delete_cb (VigilStore  *store,
           gpointer     user_data,
           GError     **error)
{
  RecordOp *op = user_data;
  const VigilRecordType *type = op->type;
  VigilRecord *header = op->record;
  g_autofree char *sql = NULL;
  GValue params[2] = { G_VALUE_INIT, G_VALUE_INIT };
  int rows = 0;
  gboolean ok;

  g_value_init (&params[0], G_TYPE_INT64);
  g_value_set_int64 (&params[0], header->id);

  if (is_append_only (type))
    {
      sql = g_strdup_printf ("DELETE FROM %s WHERE id = ##p0::gint64", type->table);
      ok = vigil_store_execute (store, sql, params, 1, &rows, error);
    }
  else
    {
      sql = g_strdup_printf ("DELETE FROM %s WHERE id = ##p0::gint64 AND rev = ##p1::gint64", type->table);
      g_value_init (&params[1], G_TYPE_INT64);
      g_value_set_int64 (&params[1], header->rev);
      ok = vigil_store_execute (store, sql, params, 2, &rows, error);
    }
  clear_values (params, 2);

  if (!ok)
    return FALSE;

  if (rows == 0)
    {
      set_conflict_error (store, type, header->id, error);
      return FALSE;
    }

  if (changes_facts (type, NULL, op->record) && !touch_facts (store, error))
    return FALSE;

  return vigil_audit_append (store, "delete", type->table, header->id, person_of (type, op->record), NULL, error);
}

/**
 * vigil_store_delete:
 *
 * Removes @record (and, through the schema's cascades, what belongs to it) if nobody
 * changed it since it was read; audits the removal.
 */
gboolean
vigil_store_delete (VigilStore            *store,
                    const VigilRecordType *type,
                    gpointer               record,
                    GError               **error)
{
  RecordOp op = { type, record };

  g_return_val_if_fail (VIGIL_IS_STORE (store), FALSE);
  g_return_val_if_fail (type != NULL && record != NULL, FALSE);

  return vigil_store_run_in_transaction (store, delete_cb, &op, error);
}

GPtrArray *
vigil_store_list (VigilStore            *store,
                  const VigilRecordType *type,
                  const char            *column,
                  gint64                 value,
                  GError               **error)
{
  g_autofree char *where = NULL;
  GValue param = G_VALUE_INIT;

  g_return_val_if_fail (VIGIL_IS_STORE (store), NULL);
  g_return_val_if_fail (type != NULL, NULL);

  if (column == NULL)
    return select_records (store, type, NULL, NULL, 0, error);

  g_return_val_if_fail (g_str_equal (column, "id") || vigil_record_type_find_field (type, column) != NULL, NULL);

  where = g_strdup_printf ("%s = ##p0::gint64", column);
  g_value_init (&param, G_TYPE_INT64);
  g_value_set_int64 (&param, value);
  return select_records (store, type, where, &param, 1, error);
}

GPtrArray *
vigil_store_list_by_text (VigilStore            *store,
                          const VigilRecordType *type,
                          const char            *column,
                          const char            *value,
                          GError               **error)
{
  g_autofree char *where = NULL;
  GValue param = G_VALUE_INIT;
  GPtrArray *records;

  g_return_val_if_fail (VIGIL_IS_STORE (store), NULL);
  g_return_val_if_fail (type != NULL && column != NULL && value != NULL, NULL);
  g_return_val_if_fail (vigil_record_type_find_field (type, column) != NULL, NULL);

  where = g_strdup_printf ("%s = ##p0::string", column);
  g_value_init (&param, G_TYPE_STRING);
  g_value_set_string (&param, value);
  records = select_records (store, type, where, &param, 1, error);
  g_value_unset (&param);
  return records;
}

GPtrArray *
vigil_store_list_where (VigilStore            *store,
                        const VigilRecordType *type,
                        const char            *where,
                        const GValue          *params,
                        guint                  n_params,
                        GError               **error)
{
  g_return_val_if_fail (VIGIL_IS_STORE (store), NULL);
  g_return_val_if_fail (type != NULL && where != NULL, NULL);
  g_return_val_if_fail (params != NULL || n_params == 0, NULL);

  return select_records (store, type, where, params, n_params, error);
}
