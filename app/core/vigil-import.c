/* vigil-import.c: importing incidents from CSV
 *
 * Rows are read with the streaming CSV reader, mapped (a force's own column names,
 * date format and labels) onto the exchange format, validated one by one, and written
 * through the native sqlite3 interface in ONE transaction: libgda costs ~35 µs a row and
 * its transaction bookkeeping is quadratic, which a million rows cannot afford. A batch
 * is all or nothing: a killed process or a power cut leaves the store as it was before
 * the batch (SQLite's write-ahead log rolls the open transaction back).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-import"

#include "config.h"

#include <inttypes.h>
#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>

#include "vigil-audit.h"
#include "vigil-csv.h"
#include "vigil-entities.h"
#include "vigil-import.h"
#include "vigil-record.h"
#include "vigil-synth.h"

G_DEFINE_QUARK (vigil-import-error-quark, vigil_import_error)

static const char * const column_names[VIGIL_IMPORT_N_COLUMNS] = {
  "incident_ref", "occurred_at", "perpetrator_ref", "perpetrator_name", "perpetrator_dob",
  "victim_ref", "victim_name", "victim_dob", "relationship", "offence_code", "dash_risk",
  "stalking", "area", "perpetrator_pnc", "victim_pnc",
};

/* The offence codes of DESIGN.md's gravity table; others import with gravity 1 and are
 * listed as unmapped. */
static const char * const known_offences[] = {
  "homicide", "attempted_murder", "rape", "gbh", "strangulation", "kidnap",
  "sexual_assault", "abh", "coercive_control", "stalking", "threats_to_kill",
  "arson_endangering_life", "common_assault", "harassment", "breach_of_order",
  "criminal_damage", "malicious_communications", "public_order", "non_crime_incident",
  "other", NULL
};

typedef enum
{
  DATE_FORMAT_ISO,
  DATE_FORMAT_DMY,   /* dd/mm/yyyy */
  DATE_FORMAT_MDY,   /* mm/dd/yyyy */
} DateFormat;

struct _VigilImportMapping
{
  char *columns[VIGIL_IMPORT_N_COLUMNS];  /* source column name for each target */
  DateFormat date_format;
  GHashTable *values[VIGIL_IMPORT_N_COLUMNS]; /* source label → exchange code */
};

/* Mapping files */

void
vigil_import_mapping_free (VigilImportMapping *mapping)
{
  if (mapping == NULL)
    return;

  for (guint i = 0; i < VIGIL_IMPORT_N_COLUMNS; i++)
    {
      g_free (mapping->columns[i]);
      g_clear_pointer (&mapping->values[i], g_hash_table_unref);
    }
  g_free (mapping);
}

static int
find_column (const char *name)
{
  for (guint i = 0; i < VIGIL_IMPORT_N_COLUMNS; i++)
    if (g_str_equal (column_names[i], name))
      return (int) i;
  return -1;
}

static gboolean
mapping_error (GError     **error,
               const char  *key,
               const char  *problem)
{
  g_set_error (error, VIGIL_IMPORT_ERROR, VIGIL_IMPORT_ERROR_MAPPING,
               _("The mapping file is wrong at “%s”: %s"), key, problem);
  return FALSE;
}

/* {"columns": {"incident_ref": "Occurrence No", …},
 *  "date_format": "dd/mm/yyyy",
 *  "values": {"relationship": {"Partner": "intimate_partner", …}, "offence_code": {…}}} */
VigilImportMapping *
vigil_import_mapping_parse (const char  *json,
                            gssize       length,
                            GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(VigilImportMapping) mapping = g_new0 (VigilImportMapping, 1);
  JsonObject *root;
  GList *members;

  if (!json_parser_load_from_data (parser, json, length, &local_error))
    {
      g_set_error (error, VIGIL_IMPORT_ERROR, VIGIL_IMPORT_ERROR_MAPPING,
                   _("The mapping file is not valid JSON: %s"), local_error->message);
      return NULL;
    }

  if (!JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      mapping_error (error, "/", _("it must be a JSON object"));
      return NULL;
    }
  root = json_node_get_object (json_parser_get_root (parser));

  members = json_object_get_members (root);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *key = l->data;

      if (!g_str_equal (key, "columns") && !g_str_equal (key, "date_format") && !g_str_equal (key, "values"))
        {
          g_autofree char *problem = g_strdup_printf (_("unknown key (expected “columns”, “date_format” or “values”)"));

          g_list_free (members);
          mapping_error (error, key, problem);
          return NULL;
        }
    }
  g_list_free (members);

  if (json_object_has_member (root, "columns"))
    {
      JsonNode *node = json_object_get_member (root, "columns");
      GList *names;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          mapping_error (error, "columns", _("must be an object of column names"));
          return NULL;
        }

      names = json_object_get_members (json_node_get_object (node));
      for (GList *l = names; l != NULL; l = l->next)
        {
          const char *target = l->data;
          JsonNode *value = json_object_get_member (json_node_get_object (node), target);
          int column = find_column (target);
          g_autofree char *key = g_strdup_printf ("columns.%s", target);

          if (column < 0)
            {
              g_list_free (names);
              mapping_error (error, key, _("not a column of the exchange format"));
              return NULL;
            }
          if (!JSON_NODE_HOLDS_VALUE (value) || json_node_get_value_type (value) != G_TYPE_STRING ||
              *json_node_get_string (value) == '\0')
            {
              g_list_free (names);
              mapping_error (error, key, _("must be the name of a column in the file"));
              return NULL;
            }
          mapping->columns[column] = g_strdup (json_node_get_string (value));
        }
      g_list_free (names);
    }

  if (json_object_has_member (root, "date_format"))
    {
      JsonNode *node = json_object_get_member (root, "date_format");
      const char *format = JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING
                             ? json_node_get_string (node) : "";

      if (g_str_equal (format, "iso") || g_str_equal (format, "yyyy-mm-dd"))
        mapping->date_format = DATE_FORMAT_ISO;
      else if (g_str_equal (format, "dd/mm/yyyy"))
        mapping->date_format = DATE_FORMAT_DMY;
      else if (g_str_equal (format, "mm/dd/yyyy"))
        mapping->date_format = DATE_FORMAT_MDY;
      else
        {
          mapping_error (error, "date_format", _("must be “iso”, “dd/mm/yyyy” or “mm/dd/yyyy”"));
          return NULL;
        }
    }

  if (json_object_has_member (root, "values"))
    {
      JsonNode *node = json_object_get_member (root, "values");
      GList *targets;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          mapping_error (error, "values", _("must be an object of label maps"));
          return NULL;
        }

      targets = json_object_get_members (json_node_get_object (node));
      for (GList *l = targets; l != NULL; l = l->next)
        {
          const char *target = l->data;
          JsonNode *map = json_object_get_member (json_node_get_object (node), target);
          int column = find_column (target);
          g_autofree char *key = g_strdup_printf ("values.%s", target);
          GList *labels;

          if (column < 0)
            {
              g_list_free (targets);
              mapping_error (error, key, _("not a column of the exchange format"));
              return NULL;
            }
          if (!JSON_NODE_HOLDS_OBJECT (map))
            {
              g_list_free (targets);
              mapping_error (error, key, _("must be an object from the file’s labels to Vigil’s codes"));
              return NULL;
            }

          mapping->values[column] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
          labels = json_object_get_members (json_node_get_object (map));
          for (GList *m = labels; m != NULL; m = m->next)
            {
              JsonNode *code = json_object_get_member (json_node_get_object (map), m->data);

              if (!JSON_NODE_HOLDS_VALUE (code) || json_node_get_value_type (code) != G_TYPE_STRING)
                {
                  g_autofree char *label_key = g_strdup_printf ("values.%s.%s", target, (char *) m->data);

                  g_list_free (labels);
                  g_list_free (targets);
                  mapping_error (error, label_key, _("must be a text code"));
                  return NULL;
                }
              g_hash_table_insert (mapping->values[column], g_strdup (m->data),
                                   g_strdup (json_node_get_string (code)));
            }
          g_list_free (labels);
        }
      g_list_free (targets);
    }

  return g_steal_pointer (&mapping);
}

VigilImportMapping *
vigil_import_mapping_load (const char  *path,
                           GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, &local_error))
    {
      g_set_error (error, VIGIL_IMPORT_ERROR, VIGIL_IMPORT_ERROR_MAPPING,
                   _("Cannot read the mapping file: %s"), local_error->message);
      return NULL;
    }

  return vigil_import_mapping_parse (contents, length, error);
}

/* Reports */

static void
problem_free (VigilImportProblem *problem)
{
  g_free (problem->field);
  g_free (problem->reason);
  g_free (problem->raw_text);
  g_free (problem);
}

static void
unmapped_free (VigilImportUnmapped *unmapped)
{
  g_free (unmapped->code);
  g_free (unmapped);
}

void
vigil_import_report_free (VigilImportReport *report)
{
  if (report == NULL)
    return;

  g_clear_pointer (&report->rejections, g_ptr_array_unref);
  g_clear_pointer (&report->unmapped, g_ptr_array_unref);
  g_free (report);
}

/* Names */

char *
vigil_import_normalise_name (const char *surname,
                             const char *forenames)
{
  g_autofree char *joined = g_strconcat (surname ? surname : "", " ", forenames ? forenames : "", NULL);
  g_autofree char *decomposed = g_utf8_normalize (joined, -1, G_NORMALIZE_NFKD);
  g_autofree char *folded = NULL;
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  if (decomposed == NULL)
    return g_string_free (out, FALSE);

  folded = g_utf8_casefold (decomposed, -1);
  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c))
        continue;
      if (g_unichar_isalnum (c))
        {
          if (space && out->len > 0)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_unichar (out, c);
        }
      else
        space = TRUE;
    }

  return g_string_free (out, FALSE);
}

/* "Surname, Forenames" → surname and forenames (trimmed) */
static void
split_name (const char  *name,
            char       **surname,
            char       **forenames)
{
  const char *comma = strchr (name, ',');

  if (comma == NULL)
    {
      *surname = g_strstrip (g_strdup (name));
      *forenames = NULL;
    }
  else
    {
      *surname = g_strstrip (g_strndup (name, comma - name));
      *forenames = g_strstrip (g_strdup (comma + 1));
      if (**forenames == '\0')
        g_clear_pointer (forenames, g_free);
    }
}

/* Dates */

static gboolean
parse_time_part (const char *text,
                 GString    *out)
{
  guint h = 0, m = 0, s = 0;
  int n = 0;
  const char *rest;

  if (sscanf (text, "%2u:%2u%n", &h, &m, &n) != 2 || n != 5)
    return FALSE;
  rest = text + n;
  if (*rest == ':')
    {
      int n2 = 0;

      if (sscanf (rest, ":%2u%n", &s, &n2) != 1 || n2 != 3)
        return FALSE;
      rest += n2;
      /* fractions of a second are dropped */
      if (*rest == '.')
        {
          rest++;
          while (g_ascii_isdigit (*rest))
            rest++;
        }
    }
  /* a zone (Z, ±HH:MM, ±HHMM) is accepted; the local time as recorded is kept */
  if (*rest == 'Z')
    rest++;
  else if (*rest == '+' || *rest == '-')
    {
      rest++;
      while (g_ascii_isdigit (*rest) || *rest == ':')
        rest++;
    }
  if (*rest != '\0' || h > 23 || m > 59 || s > 59)
    return FALSE;

  g_string_append_printf (out, "T%02u:%02u:%02u", h, m, s);
  return TRUE;
}

/* Parses @text as a date (and optionally a time) in @format; writes "YYYY-MM-DD" or
 * "YYYY-MM-DDTHH:MM:SS" into @out. */
static gboolean
parse_date (const char  *text,
            DateFormat   format,
            gboolean     allow_time,
            GString     *out,
            GDate       *date)
{
  guint a = 0, b = 0, c = 0;
  guint year, month, day;
  int n = 0;

  g_string_truncate (out, 0);

  if (format == DATE_FORMAT_ISO)
    {
      if (sscanf (text, "%4u-%2u-%2u%n", &a, &b, &c, &n) != 3 || n != 10)
        return FALSE;
      year = a, month = b, day = c;
    }
  else
    {
      if (sscanf (text, "%2u/%2u/%4u%n", &a, &b, &c, &n) != 3 || n < 8 || text[n - 5] != '/')
        return FALSE;
      year = c;
      day = format == DATE_FORMAT_DMY ? a : b;
      month = format == DATE_FORMAT_DMY ? b : a;
    }

  if (year < 1900 || month < 1 || month > 12 || day < 1 ||
      day > g_date_get_days_in_month (month, year))
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
  g_string_append_printf (out, "%04u-%02u-%02u", year, month, day);

  if (text[n] == '\0')
    return TRUE;
  if (!allow_time || (text[n] != 'T' && text[n] != ' '))
    return FALSE;

  return parse_time_part (text + n + 1, out);
}

/* The import itself */

typedef struct
{
  sqlite3 *db;
  sqlite3_stmt *insert_person;
  sqlite3_stmt *insert_incident;
  sqlite3_stmt *insert_rejection;
  sqlite3_stmt *insert_duplicate;
  char *now;
  const char *actor;
  gint64 batch_id;

  GHashTable *by_ref;         /* local_ref → person id (gint64 in a pointer-sized box) */
  GHashTable *by_name_dob;    /* normalised name + "|" + dob → person id */
  GHashTable *by_pnc;         /* pnc → person id */
  GHashTable *unmapped;       /* code → VigilImportUnmapped */
  GHashTable *duplicate_pairs;/* "a:b" already recorded */

  VigilImportReport *report;
} Import;

static gboolean
sqlite_failed (Import      *import,
               GError     **error,
               const char  *what)
{
  g_set_error (error, VIGIL_IMPORT_ERROR, VIGIL_IMPORT_ERROR_FAILED,
               "%s: %s", what, sqlite3_errmsg (import->db));
  return FALSE;
}

static gboolean
exec_sql (Import      *import,
          const char  *sql,
          GError     **error)
{
  if (sqlite3_exec (import->db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return sqlite_failed (import, error, _("The import could not write to the store"));
  return TRUE;
}

static gboolean
prepare (Import        *import,
         const char    *sql,
         sqlite3_stmt **stmt,
         GError       **error)
{
  if (sqlite3_prepare_v2 (import->db, sql, -1, stmt, NULL) != SQLITE_OK)
    return sqlite_failed (import, error, _("The import could not prepare its statements"));
  return TRUE;
}

static void
bind_text (sqlite3_stmt *stmt,
           int           index,
           const char   *text)
{
  if (text == NULL || *text == '\0')
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_TRANSIENT);
}

static gpointer
box_id (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

static gint64
unbox_id (gconstpointer box)
{
  return box ? *(const gint64 *) box : 0;
}

static char *
name_dob_key (const char *surname,
              const char *forenames,
              const char *dob)
{
  g_autofree char *name = vigil_import_normalise_name (surname, forenames);

  return g_strconcat (name, "|", dob ? dob : "", NULL);
}

static gboolean
load_people (Import  *import,
             GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!prepare (import, "SELECT id, local_ref, surname, forenames, dob, pnc_id FROM person", &stmt, error))
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const char *ref = (const char *) sqlite3_column_text (stmt, 1);
      const char *pnc = (const char *) sqlite3_column_text (stmt, 5);

      if (ref != NULL)
        g_hash_table_insert (import->by_ref, g_strdup (ref), box_id (id));
      if (pnc != NULL)
        g_hash_table_insert (import->by_pnc, g_strdup (pnc), box_id (id));
      g_hash_table_insert (import->by_name_dob,
                           name_dob_key ((const char *) sqlite3_column_text (stmt, 2),
                                         (const char *) sqlite3_column_text (stmt, 3),
                                         (const char *) sqlite3_column_text (stmt, 4)),
                           box_id (id));
    }
  sqlite3_finalize (stmt);

  if (rc != SQLITE_DONE)
    return sqlite_failed (import, error, _("The import could not read the people in the store"));
  return TRUE;
}

static gboolean
record_duplicate (Import      *import,
                  gint64       person_id,
                  gint64       other_id,
                  const char  *reason,
                  GError     **error)
{
  g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, person_id, other_id);

  if (person_id == other_id || g_hash_table_contains (import->duplicate_pairs, key))
    return TRUE;

  sqlite3_reset (import->insert_duplicate);
  sqlite3_bind_text (import->insert_duplicate, 1, import->now, -1, SQLITE_STATIC);
  sqlite3_bind_text (import->insert_duplicate, 2, import->actor, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (import->insert_duplicate, 3, person_id);
  sqlite3_bind_int64 (import->insert_duplicate, 4, other_id);
  sqlite3_bind_text (import->insert_duplicate, 5, reason, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (import->insert_duplicate, 6, import->batch_id);
  if (sqlite3_step (import->insert_duplicate) != SQLITE_DONE)
    return sqlite_failed (import, error, _("The import could not record a possible duplicate"));

  g_hash_table_add (import->duplicate_pairs, g_steal_pointer (&key));
  import->report->possible_duplicates++;
  return TRUE;
}

/* The id of the person with @ref, created when new. */
static gboolean
resolve_person (Import      *import,
                const char  *ref,
                const char  *surname,
                const char  *forenames,
                const char  *dob,
                const char  *pnc,
                gint64      *out_id,
                GError     **error)
{
  g_autofree char *uuid = NULL;
  g_autofree char *key = NULL;
  gint64 id = unbox_id (g_hash_table_lookup (import->by_ref, ref));
  gint64 same_name;
  gint64 same_pnc;

  if (id != 0)
    {
      *out_id = id;
      return TRUE;
    }

  uuid = vigil_uuid_new ();
  sqlite3_reset (import->insert_person);
  sqlite3_bind_text (import->insert_person, 1, import->now, -1, SQLITE_STATIC);
  sqlite3_bind_text (import->insert_person, 2, import->actor, -1, SQLITE_STATIC);
  sqlite3_bind_text (import->insert_person, 3, uuid, -1, SQLITE_STATIC);
  bind_text (import->insert_person, 4, surname);
  bind_text (import->insert_person, 5, forenames);
  bind_text (import->insert_person, 6, dob);
  bind_text (import->insert_person, 7, pnc);
  bind_text (import->insert_person, 8, ref);
  if (sqlite3_step (import->insert_person) != SQLITE_DONE)
    return sqlite_failed (import, error, _("The import could not add a person"));

  id = sqlite3_last_insert_rowid (import->db);
  import->report->people_created++;
  g_hash_table_insert (import->by_ref, g_strdup (ref), box_id (id));

  /* someone already known under another reference? */
  key = name_dob_key (surname, forenames, dob);
  same_name = dob && *dob ? unbox_id (g_hash_table_lookup (import->by_name_dob, key)) : 0;
  if (same_name != 0 && !record_duplicate (import, id, same_name, "same_name_dob", error))
    return FALSE;
  if (same_name == 0)
    g_hash_table_insert (import->by_name_dob, g_steal_pointer (&key), box_id (id));

  if (pnc != NULL && *pnc != '\0')
    {
      same_pnc = unbox_id (g_hash_table_lookup (import->by_pnc, pnc));
      if (same_pnc != 0 && !record_duplicate (import, id, same_pnc, "same_pnc", error))
        return FALSE;
      if (same_pnc == 0)
        g_hash_table_insert (import->by_pnc, g_strdup (pnc), box_id (id));
    }

  *out_id = id;
  return TRUE;
}

/* The row as read, with any byte that is not UTF-8 written as \xHH, so the text can be
 * stored and shown while keeping every byte. */
static char *
make_raw_text (const char *raw,
               gsize       length)
{
  GString *out = g_string_sized_new (length);
  const char *p = raw;
  const char *end = raw + length;

  while (p < end)
    {
      const char *valid_end = NULL;

      if (g_utf8_validate_len (p, end - p, &valid_end))
        {
          g_string_append_len (out, p, end - p);
          break;
        }
      g_string_append_len (out, p, valid_end - p);
      g_string_append_printf (out, "\\x%02X", (guint) (guchar) *valid_end);
      p = valid_end + 1;
    }

  return g_string_free (out, FALSE);
}

static gboolean
reject (Import          *import,
        VigilCsvRecord  *record,
        const char      *field,
        const char      *reason,
        GError         **error)
{
  VigilImportProblem *problem = g_new0 (VigilImportProblem, 1);

  problem->line = record->line;
  problem->field = g_strdup (field);
  problem->reason = g_strdup (reason);
  problem->raw_text = make_raw_text (record->raw, record->raw_length);
  g_ptr_array_add (import->report->rejections, problem);
  import->report->rows_rejected++;

  sqlite3_reset (import->insert_rejection);
  sqlite3_bind_int64 (import->insert_rejection, 1, import->batch_id);
  sqlite3_bind_int64 (import->insert_rejection, 2, (sqlite3_int64) record->line);
  bind_text (import->insert_rejection, 3, field);
  sqlite3_bind_text (import->insert_rejection, 4, reason, -1, SQLITE_STATIC);
  sqlite3_bind_text (import->insert_rejection, 5, problem->raw_text, -1, SQLITE_STATIC);
  if (sqlite3_step (import->insert_rejection) != SQLITE_DONE)
    return sqlite_failed (import, error, _("The import could not keep a rejected row"));

  return TRUE;
}

static gboolean
is_choice (const char * const *choices,
           const char         *value)
{
  return g_strv_contains ((const char * const *) choices, value);
}

typedef struct
{
  int index[VIGIL_IMPORT_N_COLUMNS];  /* position in the file, -1 when absent */
  guint n_header;
} Columns;

/* The value of @column in @record, mapped through the mapping's labels. */
static const char *
column_value (const Columns            *columns,
              const VigilImportMapping *mapping,
              VigilCsvRecord           *record,
              VigilImportColumn         column)
{
  const char *value;
  const char *mapped;

  /* a row shorter than the header has no value there (it is rejected for its length) */
  if (columns->index[column] < 0 || (guint) columns->index[column] >= record->n_fields)
    return "";

  /* the fields live in the reader's buffer until the next row: trim them there */
  value = g_strstrip ((char *) record->fields[columns->index[column]]);
  if (mapping != NULL && mapping->values[column] != NULL &&
      (mapped = g_hash_table_lookup (mapping->values[column], value)) != NULL)
    return mapped;

  return value;
}

static gboolean
import_row (Import                   *import,
            const Columns            *columns,
            const VigilImportMapping *mapping,
            VigilCsvRecord           *record,
            const GDate              *today,
            GString                  *scratch,
            GError                  **error)
{
  g_autofree char *occurred_at = NULL;
  g_autofree char *perp_dob = NULL;
  g_autofree char *victim_dob = NULL;
  g_autofree char *perp_surname = NULL;
  g_autofree char *perp_forenames = NULL;
  g_autofree char *victim_surname = NULL;
  g_autofree char *victim_forenames = NULL;
  DateFormat format = mapping ? mapping->date_format : DATE_FORMAT_ISO;
  const char *incident_ref, *perp_ref, *perp_name, *victim_ref, *victim_name;
  const char *relationship, *offence, *dash_risk, *stalking_text, *area;
  const char *perp_pnc, *victim_pnc;
  gint64 perpetrator_id = 0;
  gint64 victim_id = 0;
  int stalking;
  GDate date;

#define V(col) column_value (columns, mapping, record, VIGIL_IMPORT_COLUMN_##col)
  incident_ref = V (INCIDENT_REF);
  perp_ref = V (PERPETRATOR_REF);
  perp_name = V (PERPETRATOR_NAME);
  victim_ref = V (VICTIM_REF);
  victim_name = V (VICTIM_NAME);
  relationship = V (RELATIONSHIP);
  offence = V (OFFENCE_CODE);
  dash_risk = V (DASH_RISK);
  stalking_text = V (STALKING);
  area = V (AREA);
  perp_pnc = V (PERPETRATOR_PNC);
  victim_pnc = V (VICTIM_PNC);
#undef V

  if (record->n_fields != columns->n_header)
    {
      g_autofree char *reason = g_strdup_printf (_("the row has %u fields; the header has %u"),
                                                 record->n_fields, columns->n_header);
      return reject (import, record, NULL, reason, error);
    }

  if (*incident_ref == '\0')
    return reject (import, record, "incident_ref", _("the incident reference is missing"), error);

  if (!parse_date (column_value (columns, mapping, record, VIGIL_IMPORT_COLUMN_OCCURRED_AT),
                   format, TRUE, scratch, &date))
    return reject (import, record, "occurred_at",
                   format == DATE_FORMAT_ISO ? _("not a date: write it as YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS")
                                             : _("not a date in the mapping’s date format"),
                   error);
  if (g_date_compare (&date, today) > 0)
    return reject (import, record, "occurred_at", _("the date is in the future"), error);
  occurred_at = g_strdup (scratch->str);

  if (*perp_ref == '\0')
    return reject (import, record, "perpetrator_ref", _("the perpetrator is missing"), error);

  if (*column_value (columns, mapping, record, VIGIL_IMPORT_COLUMN_PERPETRATOR_DOB) != '\0')
    {
      if (!parse_date (column_value (columns, mapping, record, VIGIL_IMPORT_COLUMN_PERPETRATOR_DOB),
                       format, FALSE, scratch, &date) || g_date_compare (&date, today) > 0)
        return reject (import, record, "perpetrator_dob", _("not a valid date of birth"), error);
      perp_dob = g_strdup (scratch->str);
    }

  if (*column_value (columns, mapping, record, VIGIL_IMPORT_COLUMN_VICTIM_DOB) != '\0')
    {
      if (!parse_date (column_value (columns, mapping, record, VIGIL_IMPORT_COLUMN_VICTIM_DOB),
                       format, FALSE, scratch, &date) || g_date_compare (&date, today) > 0)
        return reject (import, record, "victim_dob", _("not a valid date of birth"), error);
      victim_dob = g_strdup (scratch->str);
    }

  if (!is_choice (vigil_relationship_choices, relationship))
    return reject (import, record, "relationship",
                   *relationship ? _("unknown relationship (expected intimate_partner, ex_partner, "
                                     "family or non_domestic)")
                                 : _("the relationship is missing"),
                   error);

  if (*offence == '\0')
    return reject (import, record, "offence_code", _("the offence is missing"), error);

  if (*dash_risk != '\0' && !is_choice (vigil_dash_risk_choices, dash_risk))
    return reject (import, record, "dash_risk", _("unknown DASH risk (expected standard, medium, high or empty)"), error);

  if (*stalking_text == '\0' || g_str_equal (stalking_text, "0"))
    stalking = 0;
  else if (g_str_equal (stalking_text, "1"))
    stalking = 1;
  else
    return reject (import, record, "stalking", _("must be 0 or 1"), error);

  if (*perp_name == '\0' && !g_hash_table_contains (import->by_ref, perp_ref))
    return reject (import, record, "perpetrator_name", _("a new perpetrator needs a name"), error);

  split_name (perp_name, &perp_surname, &perp_forenames);
  if (*perp_surname == '\0' && !g_hash_table_contains (import->by_ref, perp_ref))
    return reject (import, record, "perpetrator_name", _("the name has no surname (write “Surname, Forenames”)"), error);

  if (*victim_ref != '\0')
    {
      split_name (victim_name, &victim_surname, &victim_forenames);
      if (*victim_surname == '\0' && !g_hash_table_contains (import->by_ref, victim_ref))
        {
          /* a victim known only by reference keeps the reference as a name, so no
           * person record is nameless */
          g_free (victim_surname);
          victim_surname = g_strdup (victim_ref);
        }
    }

  if (!resolve_person (import, perp_ref, perp_surname, perp_forenames, perp_dob, perp_pnc, &perpetrator_id, error))
    return FALSE;
  if (*victim_ref != '\0' &&
      !resolve_person (import, victim_ref, victim_surname, victim_forenames, victim_dob, victim_pnc, &victim_id, error))
    return FALSE;

  if (!is_choice (known_offences, offence))
    {
      VigilImportUnmapped *unmapped = g_hash_table_lookup (import->unmapped, offence);

      if (unmapped == NULL)
        {
          unmapped = g_new0 (VigilImportUnmapped, 1);
          unmapped->code = g_strdup (offence);
          g_hash_table_insert (import->unmapped, unmapped->code, unmapped);
          g_ptr_array_add (import->report->unmapped, unmapped);
        }
      unmapped->count++;
    }

  sqlite3_reset (import->insert_incident);
  sqlite3_bind_text (import->insert_incident, 1, import->now, -1, SQLITE_STATIC);
  sqlite3_bind_text (import->insert_incident, 2, import->actor, -1, SQLITE_STATIC);
  sqlite3_bind_text (import->insert_incident, 3, incident_ref, -1, SQLITE_STATIC);
  sqlite3_bind_text (import->insert_incident, 4, occurred_at, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (import->insert_incident, 5, perpetrator_id);
  if (victim_id != 0)
    sqlite3_bind_int64 (import->insert_incident, 6, victim_id);
  else
    sqlite3_bind_null (import->insert_incident, 6);
  sqlite3_bind_text (import->insert_incident, 7, relationship, -1, SQLITE_STATIC);
  sqlite3_bind_text (import->insert_incident, 8, offence, -1, SQLITE_STATIC);
  bind_text (import->insert_incident, 9, dash_risk);
  sqlite3_bind_int (import->insert_incident, 10, stalking);
  bind_text (import->insert_incident, 11, area);
  sqlite3_bind_int64 (import->insert_incident, 12, import->batch_id);
  if (sqlite3_step (import->insert_incident) != SQLITE_DONE)
    return sqlite_failed (import, error, _("The import could not add an incident"));

  if (sqlite3_changes (import->db) == 0)
    import->report->rows_duplicate++;
  else
    import->report->rows_imported++;

  return TRUE;
}

static gboolean
read_header (VigilCsvReader            *reader,
             const VigilImportMapping  *mapping,
             Columns                   *columns,
             GError                   **error)
{
  VigilCsvRecord record;
  VigilCsvStatus status = vigil_csv_reader_next (reader, &record);

  for (guint i = 0; i < VIGIL_IMPORT_N_COLUMNS; i++)
    columns->index[i] = -1;

  if (status == VIGIL_CSV_END)
    {
      g_set_error (error, VIGIL_IMPORT_ERROR, VIGIL_IMPORT_ERROR_HEADER, _("The file is empty."));
      return FALSE;
    }
  if (status == VIGIL_CSV_BAD)
    {
      g_set_error (error, VIGIL_IMPORT_ERROR, VIGIL_IMPORT_ERROR_HEADER,
                   _("The header row cannot be read: %s."), record.problem);
      return FALSE;
    }

  columns->n_header = record.n_fields;
  for (guint c = 0; c < VIGIL_IMPORT_N_COLUMNS; c++)
    {
      const char *wanted = mapping && mapping->columns[c] ? mapping->columns[c] : column_names[c];

      for (guint f = 0; f < record.n_fields; f++)
        {
          g_autofree char *name = g_strstrip (g_strdup (record.fields[f]));

          if (g_str_equal (name, wanted))
            {
              columns->index[c] = (int) f;
              break;
            }
        }

      if (columns->index[c] < 0 && c < VIGIL_IMPORT_N_REQUIRED_COLUMNS)
        {
          g_set_error (error, VIGIL_IMPORT_ERROR, VIGIL_IMPORT_ERROR_HEADER,
                       _("The file has no “%s” column (for %s). Check the header row, or map "
                         "the file’s own column names with a mapping file."),
                       wanted, column_names[c]);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
find_previous_import (VigilStore   *store,
                      const char   *sha256,
                      gint64       *out_batch,
                      GError      **error)
{
  static const GType types[] = { G_TYPE_INT64, G_TYPE_NONE };
  g_autoptr(GdaDataModel) model = NULL;
  GValue param = G_VALUE_INIT;

  g_value_init (&param, G_TYPE_STRING);
  g_value_set_string (&param, sha256);
  model = vigil_store_query (store,
                             "SELECT id FROM import_batch WHERE sha256 = ##p0::string "
                             "AND kind = 'incidents' AND status = 'complete' ORDER BY id LIMIT 1",
                             &param, 1, types, error);
  g_value_unset (&param);
  if (model == NULL)
    return FALSE;

  *out_batch = 0;
  if (gda_data_model_get_n_rows (model) > 0)
    *out_batch = g_value_get_int64 (gda_data_model_get_value_at (model, 0, 0, NULL));
  return TRUE;
}

/* The audit row for the batch, appended through the same native transaction. */
static gboolean
audit_batch (Import  *import,
             GError **error)
{
  g_autofree char *detail = NULL;
  g_autofree char *hash = NULL;
  sqlite3_stmt *stmt = NULL;
  char *prev_hash;
  gint64 seq;
  gboolean ok;

  detail = g_strdup_printf ("{\"rows\":%" G_GUINT64_FORMAT ",\"imported\":%" G_GUINT64_FORMAT
                            ",\"rejected\":%" G_GUINT64_FORMAT ",\"duplicates\":%" G_GUINT64_FORMAT
                            ",\"people_created\":%" G_GUINT64_FORMAT "}",
                            import->report->rows_total, import->report->rows_imported,
                            import->report->rows_rejected, import->report->rows_duplicate,
                            import->report->people_created);

  if (!exec_sql (import, "UPDATE audit_head SET seq = seq + 1 WHERE id = 1", error) ||
      !prepare (import, "SELECT seq, hash FROM audit_head WHERE id = 1", &stmt, error))
    return FALSE;
  if (sqlite3_step (stmt) != SQLITE_ROW)
    {
      sqlite3_finalize (stmt);
      return sqlite_failed (import, error, _("The audit log’s head row is missing"));
    }
  seq = sqlite3_column_int64 (stmt, 0);
  prev_hash = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  sqlite3_finalize (stmt);

  hash = vigil_audit_compute_hash (prev_hash, seq, import->now, import->actor, "import", "import_batch",
                                   import->batch_id, 0, detail);

  ok = prepare (import,
                "INSERT INTO audit (seq, logged_at, actor, action, entity, entity_id, person_id, detail, "
                "prev_hash, hash) VALUES (?, ?, ?, 'import', 'import_batch', ?, 0, ?, ?, ?)",
                &stmt, error);
  if (ok)
    {
      sqlite3_bind_int64 (stmt, 1, seq);
      sqlite3_bind_text (stmt, 2, import->now, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, import->actor, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 4, import->batch_id);
      sqlite3_bind_text (stmt, 5, detail, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 6, prev_hash, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 7, hash, -1, SQLITE_STATIC);
      ok = sqlite3_step (stmt) == SQLITE_DONE || sqlite_failed (import, error, _("The import could not write the audit log"));
      sqlite3_finalize (stmt);
    }
  g_free (prev_hash);
  if (!ok)
    return FALSE;

  ok = prepare (import, "UPDATE audit_head SET hash = ? WHERE id = 1", &stmt, error);
  if (ok)
    {
      sqlite3_bind_text (stmt, 1, hash, -1, SQLITE_STATIC);
      ok = sqlite3_step (stmt) == SQLITE_DONE || sqlite_failed (import, error, _("The import could not write the audit log"));
      sqlite3_finalize (stmt);
    }
  return ok;
}

/* Must match the indexes of migrations/ (tests/core/test-import.c checks). */
#define DROP_SECONDARY_INDEXES \
  "DROP INDEX person_name_idx; DROP INDEX person_pnc_idx; " \
  "DROP INDEX incident_perpetrator_idx; DROP INDEX incident_victim_idx;"
#define CREATE_SECONDARY_INDEXES \
  "CREATE INDEX person_name_idx ON person (surname, forenames); " \
  "CREATE INDEX person_pnc_idx ON person (pnc_id); " \
  "CREATE INDEX incident_perpetrator_idx ON incident (perpetrator_id, occurred_at); " \
  "CREATE INDEX incident_victim_idx ON incident (victim_id);"

/* Incidents in the store, to weigh a batch against. */
static gint64
count_incidents (Import *import)
{
  sqlite3_stmt *stmt = NULL;
  gint64 n = 0;

  if (sqlite3_prepare_v2 (import->db, "SELECT COUNT(*) FROM incident", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static void
import_clear (Import *import)
{
  g_clear_pointer (&import->insert_person, sqlite3_finalize);
  g_clear_pointer (&import->insert_incident, sqlite3_finalize);
  g_clear_pointer (&import->insert_rejection, sqlite3_finalize);
  g_clear_pointer (&import->insert_duplicate, sqlite3_finalize);
  if (import->db != NULL)
    {
      sqlite3_close (import->db);
      import->db = NULL;
    }
  g_clear_pointer (&import->by_ref, g_hash_table_unref);
  g_clear_pointer (&import->by_name_dob, g_hash_table_unref);
  g_clear_pointer (&import->by_pnc, g_hash_table_unref);
  g_clear_pointer (&import->unmapped, g_hash_table_unref);
  g_clear_pointer (&import->duplicate_pairs, g_hash_table_unref);
  g_clear_pointer (&import->now, g_free);
}

/* In a demo store every name must be synthetic: real and demo data never mix. */
static gboolean
check_demo_row (VigilStore               *store,
                const Columns            *columns,
                const VigilImportMapping *mapping,
                VigilCsvRecord           *record,
                GError                  **error)
{
  static const VigilImportColumn names[] = { VIGIL_IMPORT_COLUMN_PERPETRATOR_NAME, VIGIL_IMPORT_COLUMN_VICTIM_NAME };

  if (vigil_store_get_kind (store) != VIGIL_STORE_KIND_DEMO || record->n_fields != columns->n_header)
    return TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *surname = NULL;
      g_autofree char *forenames = NULL;
      const char *name = column_value (columns, mapping, record, names[i]);

      if (*name == '\0')
        continue;
      split_name (name, &surname, &forenames);
      if (!vigil_synth_name_is_synthetic (surname, forenames))
        {
          g_set_error (error, VIGIL_IMPORT_ERROR, VIGIL_IMPORT_ERROR_DEMO,
                       _("This is the demo store, and line %" PRIu64 " holds a name that is not "
                         "synthetic. Real and demo data never mix: import into a real store. "
                         "Nothing was imported."),
                       (guint64) record->line);
          return FALSE;
        }
    }
  return TRUE;
}

VigilImportReport *
vigil_import_incidents (VigilStore               *store,
                        const char               *path,
                        const VigilImportMapping *mapping,
                        VigilImportProgressFunc   progress,
                        gpointer                  user_data,
                        GCancellable             *cancellable,
                        GError                  **error)
{
  g_autoptr(VigilCsvReader) reader = NULL;
  g_autoptr(VigilImportReport) report = g_new0 (VigilImportReport, 1);
  g_autoptr(GString) scratch = g_string_sized_new (32);
  g_autofree char *sha256 = NULL;
  g_autofree char *base_name = NULL;
  g_autoptr(GDateTime) now_local = g_date_time_new_now_local ();
  gint64 started = g_get_monotonic_time ();
  gint64 previous = 0;
  Import import = { 0 };
  gboolean rebuild_indexes;
  Columns columns;
  VigilCsvRecord record;
  VigilCsvStatus status;
  GDate today;

  g_return_val_if_fail (VIGIL_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  report->rejections = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);
  report->unmapped = g_ptr_array_new_with_free_func ((GDestroyNotify) unmapped_free);

  if (vigil_store_get_engine (store) != VIGIL_ENGINE_SQLITE)
    {
      g_set_error (error, VIGIL_IMPORT_ERROR, VIGIL_IMPORT_ERROR_FAILED,
                   _("Importing into a PostgreSQL store is not available yet: import into a "
                     "SQLite store."));
      return NULL;
    }

  reader = vigil_csv_reader_new_for_path (path, error);
  if (reader == NULL)
    return NULL;

  if (!read_header (reader, mapping, &columns, error))
    return NULL;

  sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                        (const guchar *) vigil_csv_reader_get_data (reader),
                                        vigil_csv_reader_get_length (reader));
  if (!find_previous_import (store, sha256, &previous, error))
    return NULL;
  if (previous != 0)
    {
      report->already_imported = TRUE;
      report->batch_id = previous;
      report->seconds = (g_get_monotonic_time () - started) / 1e6;
      return g_steal_pointer (&report);
    }

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now_local),
                  g_date_time_get_month (now_local), g_date_time_get_year (now_local));

  import.report = report;
  import.now = vigil_store_now ();
  import.actor = vigil_store_get_actor (store);
  import.by_ref = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  import.by_name_dob = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  import.by_pnc = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  import.unmapped = g_hash_table_new (g_str_hash, g_str_equal);
  import.duplicate_pairs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (sqlite3_open_v2 (vigil_store_get_location (store)->path, &import.db,
                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
    {
      sqlite_failed (&import, error, _("The import could not open the store"));
      import_clear (&import);
      return NULL;
    }
  sqlite3_busy_timeout (import.db, 10000);

  base_name = g_path_get_basename (path);

  if (!exec_sql (&import, "PRAGMA foreign_keys = ON", error) ||
      !exec_sql (&import, "PRAGMA cache_size = -262144", error) ||
      !exec_sql (&import, "BEGIN IMMEDIATE", error))
    {
      import_clear (&import);
      return NULL;
    }

  /* about 200 bytes a row in the exchange format */
  rebuild_indexes = vigil_csv_reader_get_length (reader) / 200 > (gsize) MAX (50000, count_incidents (&import));

#define FAIL() G_STMT_START { sqlite3_exec (import.db, "ROLLBACK", NULL, NULL, NULL); import_clear (&import); return NULL; } G_STMT_END

  {
    sqlite3_stmt *batch = NULL;

    if (!prepare (&import,
                  "INSERT INTO import_batch (created_at, updated_at, updated_by, file_name, sha256, kind, "
                  "status, imported_by, started_at) VALUES (?1, ?1, ?2, ?3, ?4, 'incidents', 'running', ?2, ?1)",
                  &batch, error))
      FAIL ();
    sqlite3_bind_text (batch, 1, import.now, -1, SQLITE_STATIC);
    sqlite3_bind_text (batch, 2, import.actor, -1, SQLITE_STATIC);
    sqlite3_bind_text (batch, 3, base_name, -1, SQLITE_STATIC);
    sqlite3_bind_text (batch, 4, sha256, -1, SQLITE_STATIC);
    if (sqlite3_step (batch) != SQLITE_DONE)
      {
        sqlite3_finalize (batch);
        sqlite_failed (&import, error, _("The import could not start a batch"));
        FAIL ();
      }
    sqlite3_finalize (batch);
    import.batch_id = sqlite3_last_insert_rowid (import.db);
    report->batch_id = import.batch_id;
  }

  /* A large batch into a smaller store: drop the secondary indexes and build them again
   * at the end (sorting once beats a million scattered index inserts). Same transaction,
   * so an interrupted import leaves them as they were. */
  if (rebuild_indexes && !exec_sql (&import, DROP_SECONDARY_INDEXES, error))
    FAIL ();

  if (!load_people (&import, error) ||
      !prepare (&import,
                "INSERT INTO person (created_at, updated_at, updated_by, uuid, surname, forenames, dob, pnc_id, "
                "local_ref) VALUES (?1, ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                &import.insert_person, error) ||
      !prepare (&import,
                "INSERT INTO incident (created_at, updated_at, updated_by, source, source_ref, occurred_at, "
                "perpetrator_id, victim_id, relationship, offence_code, dash_risk, stalking, area, batch_id) "
                "VALUES (?1, ?1, ?2, 'police', ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) "
                "ON CONFLICT (source, source_ref) DO NOTHING",
                &import.insert_incident, error) ||
      !prepare (&import,
                "INSERT INTO import_rejection (batch_id, line_number, field, reason, raw_text) "
                "VALUES (?, ?, ?, ?, ?)",
                &import.insert_rejection, error) ||
      !prepare (&import,
                "INSERT INTO person_duplicate (created_at, updated_at, updated_by, person_id, other_person_id, "
                "reason, status, batch_id) VALUES (?1, ?1, ?2, ?3, ?4, ?5, 'open', ?6) "
                "ON CONFLICT (person_id, other_person_id) DO NOTHING",
                &import.insert_duplicate, error))
    FAIL ();

  while ((status = vigil_csv_reader_next (reader, &record)) != VIGIL_CSV_END)
    {
      report->rows_total++;

      if (status == VIGIL_CSV_BAD)
        {
          if (!reject (&import, &record, NULL, record.problem, error))
            FAIL ();
        }
      else if (!check_demo_row (store, &columns, mapping, &record, error) ||
               !import_row (&import, &columns, mapping, &record, &today, scratch, error))
        FAIL ();

      if ((report->rows_total & 4095) == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            FAIL ();
          if (progress != NULL)
            progress ((double) vigil_csv_reader_get_offset (reader) / MAX (1, vigil_csv_reader_get_length (reader)),
                      report->rows_total, user_data);
        }
    }

  {
    sqlite3_stmt *finish = NULL;
    g_autofree char *finished = vigil_store_now ();

    if (!prepare (&import,
                  "UPDATE import_batch SET status = 'complete', rows_total = ?, rows_imported = ?, "
                  "rows_rejected = ?, rows_duplicate = ?, finished_at = ? WHERE id = ?",
                  &finish, error))
      FAIL ();
    sqlite3_bind_int64 (finish, 1, (sqlite3_int64) report->rows_total);
    sqlite3_bind_int64 (finish, 2, (sqlite3_int64) report->rows_imported);
    sqlite3_bind_int64 (finish, 3, (sqlite3_int64) report->rows_rejected);
    sqlite3_bind_int64 (finish, 4, (sqlite3_int64) report->rows_duplicate);
    sqlite3_bind_text (finish, 5, finished, -1, SQLITE_STATIC);
    sqlite3_bind_int64 (finish, 6, import.batch_id);
    if (sqlite3_step (finish) != SQLITE_DONE)
      {
        sqlite3_finalize (finish);
        sqlite_failed (&import, error, _("The import could not finish its batch"));
        FAIL ();
      }
    sqlite3_finalize (finish);
  }

  if (rebuild_indexes && !exec_sql (&import, CREATE_SECONDARY_INDEXES, error))
    FAIL ();

  if (!audit_batch (&import, error) || !exec_sql (&import, "COMMIT", error))
    FAIL ();

#undef FAIL

  import_clear (&import);
  if (progress != NULL)
    progress (1.0, report->rows_total, user_data);

  report->seconds = (g_get_monotonic_time () - started) / 1e6;
  return g_steal_pointer (&report);
}
