/* vigil-import.c: importing incidents from CSV
 *
 * Rows are read with the streaming CSV reader, mapped (a force's own column names,
 * date format and labels) onto the exchange format, validated one by one, and written
 * through the native sqlite3 interface in ONE transaction: libgda costs ~35 µs a row and
 * its transaction bookkeeping is quadratic, which a million rows cannot afford. A batch
 * is all or nothing: a killed process or a power cut leaves the store as it was before
 * the batch (SQLite's write-ahead log rolls the open transaction back). Reading and
 * checking run on one thread, writing on another (see "The import itself").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-import"

#include "config.h"

#include <inttypes.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <nettle/sha2.h>
#include <sqlite3.h>

#include "vigil-audit.h"
#include "vigil-csv.h"
#include "vigil-entities.h"
#include "vigil-fact-cache-private.h"
#include "vigil-format.h"
#include "vigil-import.h"
#include "vigil-import-private.h"
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

/* Appends the normalised form of the name to @out (see vigil_import_normalise_name). */
static void
append_normalised_name (GString    *out,
                        const char *surname,
                        const char *forenames)
{
  const char *parts[] = { surname ? surname : "", " ", forenames ? forenames : "" };
  g_autofree char *joined = NULL;
  g_autofree char *decomposed = NULL;
  g_autofree char *folded = NULL;
  gsize start = out->len;
  gboolean ascii = TRUE;
  gboolean space = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (parts) && ascii; i++)
    for (const char *p = parts[i]; *p && ascii; p++)
      ascii = (guchar) *p < 0x80;

  if (ascii)
    {
      /* plain ASCII, as most names are: decomposing and case folding only lower the
       * case, and the letters and digits are the ASCII ones */
      for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
        for (const char *p = parts[i]; *p; p++)
          {
            if (g_ascii_isalnum (*p))
              {
                if (space && out->len > start)
                  g_string_append_c (out, ' ');
                space = FALSE;
                g_string_append_c (out, g_ascii_tolower (*p));
              }
            else
              space = TRUE;
          }
      return;
    }

  joined = g_strconcat (parts[0], parts[1], parts[2], NULL);
  decomposed = g_utf8_normalize (joined, -1, G_NORMALIZE_NFKD);
  if (decomposed == NULL)
    return;

  folded = g_utf8_casefold (decomposed, -1);
  for (const char *p = folded; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c))
        continue;
      if (g_unichar_isalnum (c))
        {
          if (space && out->len > start)
            g_string_append_c (out, ' ');
          space = FALSE;
          g_string_append_unichar (out, c);
        }
      else
        space = TRUE;
    }
}

char *
vigil_import_normalise_name (const char *surname,
                             const char *forenames)
{
  GString *out = g_string_new (NULL);

  append_normalised_name (out, surname, forenames);
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

/* Reads @n_min to @n_max ASCII digits at *@text (no sign, no space) into @value and
 * moves *@text past them. A million rows hold three million dates: no sscanf. */
static gboolean
read_digits (const char **text,
             guint        n_min,
             guint        n_max,
             guint       *value)
{
  const char *p = *text;
  guint v = 0;
  guint n = 0;

  while (n < n_max && g_ascii_isdigit (p[n]))
    {
      v = v * 10 + (guint) (p[n] - '0');
      n++;
    }
  if (n < n_min)
    return FALSE;
  *value = v;
  *text = p + n;
  return TRUE;
}

/* Appends @value (below 10^@width) in @width digits, with leading zeros */
static void
append_digits (GString *out,
               guint    value,
               guint    width)
{
  char digits[4];

  g_assert (width <= G_N_ELEMENTS (digits));
  for (guint i = width; i > 0; i--)
    {
      digits[i - 1] = (char) ('0' + value % 10);
      value /= 10;
    }
  g_string_append_len (out, digits, width);
}

static gboolean
parse_time_part (const char *text,
                 GString    *out)
{
  guint h = 0, m = 0, s = 0;
  const char *rest = text;

  if (!read_digits (&rest, 2, 2, &h) || *rest++ != ':' || !read_digits (&rest, 2, 2, &m))
    return FALSE;
  if (*rest == ':')
    {
      rest++;
      if (!read_digits (&rest, 2, 2, &s))
        return FALSE;
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

  g_string_append_c (out, 'T');
  append_digits (out, h, 2);
  g_string_append_c (out, ':');
  append_digits (out, m, 2);
  g_string_append_c (out, ':');
  append_digits (out, s, 2);
  return TRUE;
}

/* Parses @text as a date (and optionally a time) in @format; writes "YYYY-MM-DD" or
 * "YYYY-MM-DDTHH:MM:SS" into @out. ISO dates have all their digits (2024-03-05);
 * day and month may have one digit in the other formats (5/3/2024), the year four. */
static gboolean
parse_date (const char  *text,
            DateFormat   format,
            gboolean     allow_time,
            GString     *out,
            GDate       *date)
{
  guint a = 0, b = 0, c = 0;
  guint year, month, day;
  const char *rest = text;

  g_string_truncate (out, 0);

  if (format == DATE_FORMAT_ISO)
    {
      if (!read_digits (&rest, 4, 4, &a) || *rest++ != '-' ||
          !read_digits (&rest, 2, 2, &b) || *rest++ != '-' ||
          !read_digits (&rest, 2, 2, &c))
        return FALSE;
      year = a, month = b, day = c;
    }
  else
    {
      if (!read_digits (&rest, 1, 2, &a) || *rest++ != '/' ||
          !read_digits (&rest, 1, 2, &b) || *rest++ != '/' ||
          !read_digits (&rest, 4, 4, &c))
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
  append_digits (out, year, 4);
  g_string_append_c (out, '-');
  append_digits (out, month, 2);
  g_string_append_c (out, '-');
  append_digits (out, day, 2);

  if (*rest == '\0')
    return TRUE;
  if (!allow_time || (*rest != 'T' && *rest != ' '))
    return FALSE;

  return parse_time_part (rest + 1, out);
}

/* The import itself
 *
 * Into SQLite, two threads share the work. A reading thread reads and checks the rows,
 * matches people by reference in memory (giving new people their ids), finds possible
 * duplicates, and fills blocks with what to insert; the calling thread, which holds the
 * store's write transaction, writes the blocks in order through prepared statements. A
 * third thread reads the file once more for its SHA-256. Blocks are few and recycled,
 * and the file's pages are let go once read: memory grows with the people named, not
 * with the size of the file. */

typedef struct
{
  sqlite3 *db;
  sqlite3_stmt *insert_person[2];     /* one row, ROWS_PER_INSERT rows */
  sqlite3_stmt *insert_incident[2];
  sqlite3_stmt *insert_rejection;
  sqlite3_stmt *insert_duplicate;
  char *now;
  const char *actor;
  gint64 batch_id;
  gboolean left_wal;                  /* in a rollback journal for this batch */
  GPtrArray *rebuild;                 /* the indexes set aside for the batch: their SQL */

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

/* Binds @text as it is (NULL stays NULL); it must live until the statement is reset. */
static void
bind_static (sqlite3_stmt *stmt,
             int           index,
             const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, text, -1, SQLITE_STATIC);
}

/* Binds @text, or NULL when it is empty; it must live until the statement is reset. */
static void
bind_static_or_null (sqlite3_stmt *stmt,
                     int           index,
                     const char   *text)
{
  bind_static (stmt, index, text != NULL && *text != '\0' ? text : NULL);
}

/* Keys (references, normalised names, PNC IDs) to person ids, without an allocation
 * per key: the keys live in a string chunk, the ids in an array. */
typedef struct
{
  GHashTable *slots;   /* key → GUINT_TO_POINTER (position in ids + 1) */
  GArray *ids;         /* gint64 */
} IdMap;

static void
id_map_init (IdMap *map)
{
  map->slots = g_hash_table_new (g_str_hash, g_str_equal);
  map->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

static void
id_map_clear (IdMap *map)
{
  g_clear_pointer (&map->slots, g_hash_table_unref);
  g_clear_pointer (&map->ids, g_array_unref);
}

static gint64
id_map_lookup (const IdMap *map,
               const char  *key)
{
  guint slot = GPOINTER_TO_UINT (g_hash_table_lookup (map->slots, key));

  return slot != 0 ? g_array_index (map->ids, gint64, slot - 1) : 0;
}

/* Sets @key to @id (replacing an earlier id); a new key is copied into @keys. */
static void
id_map_set (IdMap        *map,
            GStringChunk *keys,
            const char   *key,
            gint64        id)
{
  gpointer slot;

  if (g_hash_table_lookup_extended (map->slots, key, NULL, &slot))
    {
      g_array_index (map->ids, gint64, GPOINTER_TO_UINT (slot) - 1) = id;
      return;
    }
  g_array_append_val (map->ids, id);
  g_hash_table_insert (map->slots, g_string_chunk_insert (keys, key), GUINT_TO_POINTER (map->ids->len));
}

/* Adds @key, which is not in @map yet, with @id (one hash look-up, not two). */
static void
id_map_add (IdMap        *map,
            GStringChunk *keys,
            const char   *key,
            gint64        id)
{
  g_array_append_val (map->ids, id);
  g_hash_table_insert (map->slots, g_string_chunk_insert (keys, key), GUINT_TO_POINTER (map->ids->len));
}

/* Normalised name + "|" + date of birth, into @key. */
static void
set_name_dob_key (GString    *key,
                  const char *surname,
                  const char *forenames,
                  const char *dob)
{
  g_string_truncate (key, 0);
  append_normalised_name (key, surname, forenames);
  g_string_append_c (key, '|');
  g_string_append (key, dob ? dob : "");
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
is_choice (const char * const *choices,
           const char         *value)
{
  return g_strv_contains ((const char * const *) choices, value);
}

typedef VigilImportColumns Columns;

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

void
vigil_import_row_clear (VigilImportRow *row)
{
  g_clear_pointer (&row->occurred_at, g_free);
  g_clear_pointer (&row->perp_surname, g_free);
  g_clear_pointer (&row->perp_forenames, g_free);
  g_clear_pointer (&row->perp_dob, g_free);
  g_clear_pointer (&row->victim_surname, g_free);
  g_clear_pointer (&row->victim_forenames, g_free);
  g_clear_pointer (&row->victim_dob, g_free);
  g_clear_pointer (&row->reason, g_free);
}

static gboolean
reject_row (VigilImportRow *row,
            const char     *field,
            const char     *reason)
{
  row->field = field;
  row->reason = g_strdup (reason);
  return FALSE;
}

/* Checks one record the same way for both engines; @known_ref says whether a person
 * reference is already in the store or in the batch. */
gboolean
vigil_import_check_row (const VigilImportColumns  *columns,
                        const VigilImportMapping  *mapping,
                        VigilCsvRecord            *record,
                        const GDate               *today,
                        GString                   *scratch,
                        VigilImportKnownRefFunc    known_ref,
                        gpointer                   user_data,
                        VigilImportRow            *row)
{
  DateFormat format = mapping ? mapping->date_format : DATE_FORMAT_ISO;
  const char *perp_name, *victim_name, *stalking_text;
  GDate date;

#define V(col) column_value (columns, mapping, record, VIGIL_IMPORT_COLUMN_##col)
  row->incident_ref = V (INCIDENT_REF);
  row->perp_ref = V (PERPETRATOR_REF);
  perp_name = V (PERPETRATOR_NAME);
  row->victim_ref = V (VICTIM_REF);
  victim_name = V (VICTIM_NAME);
  row->relationship = V (RELATIONSHIP);
  row->offence = V (OFFENCE_CODE);
  row->dash_risk = V (DASH_RISK);
  stalking_text = V (STALKING);
  row->area = V (AREA);
  row->perp_pnc = V (PERPETRATOR_PNC);
  row->victim_pnc = V (VICTIM_PNC);
#undef V

  if (record->n_fields != columns->n_header)
    {
      row->field = NULL;
      row->reason = g_strdup_printf (_("the row has %u fields; the header has %u"),
                                     record->n_fields, columns->n_header);
      return FALSE;
    }

  if (*row->incident_ref == '\0')
    return reject_row (row, "incident_ref", _("the incident reference is missing"));

  if (!parse_date (column_value (columns, mapping, record, VIGIL_IMPORT_COLUMN_OCCURRED_AT),
                   format, TRUE, scratch, &date))
    return reject_row (row, "occurred_at",
                       format == DATE_FORMAT_ISO ? _("not a date: write it as YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS")
                                                 : _("not a date in the mapping’s date format"));
  if (g_date_compare (&date, today) > 0)
    return reject_row (row, "occurred_at", _("the date is in the future"));
  row->occurred_at = g_strdup (scratch->str);

  if (*row->perp_ref == '\0')
    return reject_row (row, "perpetrator_ref", _("the perpetrator is missing"));

  if (*column_value (columns, mapping, record, VIGIL_IMPORT_COLUMN_PERPETRATOR_DOB) != '\0')
    {
      if (!parse_date (column_value (columns, mapping, record, VIGIL_IMPORT_COLUMN_PERPETRATOR_DOB),
                       format, FALSE, scratch, &date) || g_date_compare (&date, today) > 0)
        return reject_row (row, "perpetrator_dob", _("not a valid date of birth"));
      row->perp_dob = g_strdup (scratch->str);
    }

  if (*column_value (columns, mapping, record, VIGIL_IMPORT_COLUMN_VICTIM_DOB) != '\0')
    {
      if (!parse_date (column_value (columns, mapping, record, VIGIL_IMPORT_COLUMN_VICTIM_DOB),
                       format, FALSE, scratch, &date) || g_date_compare (&date, today) > 0)
        return reject_row (row, "victim_dob", _("not a valid date of birth"));
      row->victim_dob = g_strdup (scratch->str);
    }

  if (!is_choice (vigil_relationship_choices, row->relationship))
    return reject_row (row, "relationship",
                       *row->relationship ? _("unknown relationship (expected intimate_partner, ex_partner, "
                                              "family or non_domestic)")
                                          : _("the relationship is missing"));

  if (*row->offence == '\0')
    return reject_row (row, "offence_code", _("the offence is missing"));

  if (*row->dash_risk != '\0' && !is_choice (vigil_dash_risk_choices, row->dash_risk))
    return reject_row (row, "dash_risk", _("unknown DASH risk (expected standard, medium, high or empty)"));

  if (*stalking_text == '\0' || g_str_equal (stalking_text, "0"))
    row->stalking = 0;
  else if (g_str_equal (stalking_text, "1"))
    row->stalking = 1;
  else
    return reject_row (row, "stalking", _("must be 0 or 1"));

  if (*perp_name == '\0' && !known_ref (row->perp_ref, user_data))
    return reject_row (row, "perpetrator_name", _("a new perpetrator needs a name"));

  split_name (perp_name, &row->perp_surname, &row->perp_forenames);
  if (*row->perp_surname == '\0' && !known_ref (row->perp_ref, user_data))
    return reject_row (row, "perpetrator_name", _("the name has no surname (write “Surname, Forenames”)"));

  if (*row->victim_ref != '\0')
    {
      split_name (victim_name, &row->victim_surname, &row->victim_forenames);
      if (*row->victim_surname == '\0' && !known_ref (row->victim_ref, user_data))
        {
          /* a victim known only by reference keeps the reference as a name, so no
           * person record is nameless */
          g_free (row->victim_surname);
          row->victim_surname = g_strdup (row->victim_ref);
        }
    }

  return TRUE;
}

/* Every row names an offence: one hash look-up instead of a walk through the list. */
static gboolean
is_known_offence (const char *offence)
{
  static GHashTable *known = NULL;

  if (g_once_init_enter (&known))
    {
      GHashTable *set = g_hash_table_new (g_str_hash, g_str_equal);

      for (guint i = 0; known_offences[i] != NULL; i++)
        g_hash_table_add (set, (gpointer) known_offences[i]);
      g_once_init_leave (&known, set);
    }
  return g_hash_table_contains (known, offence);
}

void
vigil_import_note_offence (VigilImportReport *report,
                           GHashTable        *seen,
                           const char        *offence)
{
  VigilImportUnmapped *unmapped;

  if (is_known_offence (offence))
    return;

  unmapped = g_hash_table_lookup (seen, offence);
  if (unmapped == NULL)
    {
      unmapped = g_new0 (VigilImportUnmapped, 1);
      unmapped->code = g_strdup (offence);
      g_hash_table_insert (seen, unmapped->code, unmapped);
      g_ptr_array_add (report->unmapped, unmapped);
    }
  unmapped->count++;
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

/* Shared with the PostgreSQL path (vigil-import-private.h) */

gboolean
vigil_import_read_header (VigilCsvReader            *reader,
                          const VigilImportMapping  *mapping,
                          VigilImportColumns        *columns,
                          GError                   **error)
{
  return read_header (reader, mapping, columns, error);
}

gboolean
vigil_import_check_demo_row (VigilStore                *store,
                             const VigilImportColumns  *columns,
                             const VigilImportMapping  *mapping,
                             VigilCsvRecord            *record,
                             GError                   **error)
{
  return check_demo_row (store, columns, mapping, record, error);
}

gboolean
vigil_import_find_previous (VigilStore  *store,
                            const char  *sha256,
                            gint64      *out_batch,
                            GError     **error)
{
  return find_previous_import (store, sha256, out_batch, error);
}

VigilImportProblem *
vigil_import_problem_new (VigilCsvRecord *record,
                          const char     *field,
                          const char     *reason)
{
  VigilImportProblem *problem = g_new0 (VigilImportProblem, 1);

  problem->line = record->line;
  problem->field = g_strdup (field);
  problem->reason = g_strdup (reason);
  problem->raw_text = make_raw_text (record->raw, record->raw_length);
  return problem;
}

VigilImportReport *
vigil_import_report_new (void)
{
  VigilImportReport *report = g_new0 (VigilImportReport, 1);

  report->rejections = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);
  report->unmapped = g_ptr_array_new_with_free_func ((GDestroyNotify) unmapped_free);
  return report;
}

/* The SQLite path */

/* A batch is "large" from this many rows (about 200 bytes a row in the exchange
 * format), when it also outnumbers the incidents already in the store. */
#define LARGE_BATCH_ROWS 50000
#define BYTES_PER_ROW 200

typedef enum
{
  OP_PERSON,     /* id[0]: id; text: uuid, surname, forenames, dob, pnc, ref */
  OP_INCIDENT,   /* id: perpetrator, victim (0: none); text: ref, occurred_at, relationship,
                  * offence, dash_risk, area */
  OP_REJECTION,  /* id[0]: line; text: field, reason, raw text */
  OP_DUPLICATE,  /* id: person, other person; text: reason */
} OpKind;

#define NO_TEXT G_MAXSIZE

/* One insert for the writing thread; texts are offsets into the block's text. */
typedef struct
{
  OpKind kind;
  int stalking;
  gint64 id[2];
  gsize text[6];
  guint32 length[6];   /* of each text, so the writer binds them without measuring */
} Op;

typedef struct
{
  GString *text;     /* NUL-terminated texts, one after the other */
  GArray *ops;       /* Op */
  gsize offset;      /* how far into the file the reading thread had got */
  guint64 rows;      /* rows read so far */
  gboolean last;
} Block;

#define N_BLOCKS 8
#define ROWS_PER_INSERT 32
#define BLOCK_OPS 4096
#define BLOCK_TEXT (1024 * 1024)

static Block *
block_new (void)
{
  Block *block = g_new0 (Block, 1);

  block->text = g_string_sized_new (BLOCK_TEXT + 4096);
  block->ops = g_array_sized_new (FALSE, FALSE, sizeof (Op), BLOCK_OPS + 8);
  return block;
}

static void
block_free (Block *block)
{
  g_string_free (block->text, TRUE);
  g_array_unref (block->ops);
  g_free (block);
}

static void
block_reset (Block *block)
{
  g_string_truncate (block->text, 0);
  g_array_set_size (block->ops, 0);
  block->last = FALSE;
}

/* Copies @text (NULL stays none) into the block as @op's text @i. */
static void
op_set_text (Block      *block,
             Op         *op,
             guint       i,
             const char *text)
{
  gsize length;

  if (text == NULL)
    return;
  length = strlen (text);
  op->text[i] = block->text->len;
  op->length[i] = (guint32) length;
  g_string_append_len (block->text, text, length + 1);
}

/* The new op stays valid until the next op is added. */
static Op *
block_add_op (Block  *block,
              OpKind  kind)
{
  Op op = { .kind = kind, .text = { NO_TEXT, NO_TEXT, NO_TEXT, NO_TEXT, NO_TEXT, NO_TEXT } };

  g_array_append_val (block->ops, op);
  return &g_array_index (block->ops, Op, block->ops->len - 1);
}

/* The reading thread */
typedef struct
{
  /* set before the thread starts */
  VigilStore *store;
  gboolean demo;
  VigilCsvReader *reader;
  const Columns *columns;
  const VigilImportMapping *mapping;
  GDate today;
  VigilImportReport *report;  /* the thread counts rows_total, rows_rejected, people_created,
                               * possible_duplicates, and fills rejections and unmapped */

  /* the thread's own */
  IdMap by_ref;               /* local_ref → person id (the kept one for a merged person) */
  IdMap by_name_dob;          /* normalised name + "|" + dob → person id */
  IdMap by_pnc;               /* pnc → person id */
  GStringChunk *keys;
  GHashTable *duplicate_pairs;/* "a:b" already recorded */
  GHashTable *unmapped;       /* code → VigilImportUnmapped */
  gint64 next_person_id;
  GString *scratch;
  GString *key;
  GError *error;              /* why it stopped early (the demo store) */
  VigilFactCollector *facts;  /* into an empty store: every person and incident written,
                               * for the fact cache (see collect_facts); else NULL */

  GAsyncQueue *full;          /* Block: filled, to write */
  GAsyncQueue *empty;         /* Block: written, to fill */
  int stop;                   /* atomic: the writer gave up */
} Parser;

static void
parser_init (Parser *parser)
{
  id_map_init (&parser->by_ref);
  id_map_init (&parser->by_name_dob);
  id_map_init (&parser->by_pnc);
  parser->keys = g_string_chunk_new (1024 * 1024);
  parser->duplicate_pairs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  parser->unmapped = g_hash_table_new (g_str_hash, g_str_equal);
  parser->scratch = g_string_sized_new (32);
  parser->key = g_string_sized_new (64);
  parser->full = g_async_queue_new ();
  parser->empty = g_async_queue_new ();
  for (guint i = 0; i < N_BLOCKS; i++)
    g_async_queue_push (parser->empty, block_new ());
}

static void
parser_clear (Parser *parser)
{
  Block *block;

  id_map_clear (&parser->by_ref);
  id_map_clear (&parser->by_name_dob);
  id_map_clear (&parser->by_pnc);
  g_clear_pointer (&parser->keys, g_string_chunk_free);
  g_clear_pointer (&parser->duplicate_pairs, g_hash_table_unref);
  g_clear_pointer (&parser->unmapped, g_hash_table_unref);
  if (parser->scratch != NULL)
    g_string_free (g_steal_pointer (&parser->scratch), TRUE);
  if (parser->key != NULL)
    g_string_free (g_steal_pointer (&parser->key), TRUE);
  g_clear_error (&parser->error);
  g_clear_pointer (&parser->facts, vigil_fact_collector_free);
  if (parser->empty != NULL)
    {
      while ((block = g_async_queue_try_pop (parser->empty)) != NULL)
        block_free (block);
      g_clear_pointer (&parser->empty, g_async_queue_unref);
    }
  if (parser->full != NULL)
    {
      while ((block = g_async_queue_try_pop (parser->full)) != NULL)
        block_free (block);
      g_clear_pointer (&parser->full, g_async_queue_unref);
    }
}

/* Once every row is read: what finding people took (a large batch's largest part of
 * memory), given back before the fact set is built and the indexes are made. */
static void
parser_release_lookups (Parser *parser)
{
  Block *block;

  id_map_clear (&parser->by_ref);
  id_map_clear (&parser->by_name_dob);
  id_map_clear (&parser->by_pnc);
  g_clear_pointer (&parser->keys, g_string_chunk_free);
  g_clear_pointer (&parser->duplicate_pairs, g_hash_table_unref);
  while ((block = g_async_queue_try_pop (parser->empty)) != NULL)
    block_free (block);
}

static void
parser_reject (Parser          *parser,
               Block           *block,
               VigilCsvRecord  *record,
               const char      *field,
               const char      *reason)
{
  VigilImportProblem *problem = vigil_import_problem_new (record, field, reason);
  Op *op = block_add_op (block, OP_REJECTION);

  op->id[0] = (gint64) record->line;
  op_set_text (block, op, 0, field);
  op_set_text (block, op, 1, reason);
  op_set_text (block, op, 2, problem->raw_text);
  g_ptr_array_add (parser->report->rejections, problem);
  parser->report->rows_rejected++;
}

static void
parser_note_duplicate (Parser     *parser,
                       Block      *block,
                       gint64      person_id,
                       gint64      other_id,
                       const char *reason)
{
  char key[48];
  Op *op;

  g_snprintf (key, sizeof key, "%" G_GINT64_FORMAT ":%" G_GINT64_FORMAT, person_id, other_id);
  if (person_id == other_id || g_hash_table_contains (parser->duplicate_pairs, key))
    return;

  op = block_add_op (block, OP_DUPLICATE);
  op->id[0] = person_id;
  op->id[1] = other_id;
  op_set_text (block, op, 0, reason);
  g_hash_table_add (parser->duplicate_pairs, g_strdup (key));
  parser->report->possible_duplicates++;
}

/* The id of the person with @ref; a new one is added, and compared with the people
 * known under other references. */
static gint64
parser_resolve_person (Parser     *parser,
                       Block      *block,
                       const char *ref,
                       const char *surname,
                       const char *forenames,
                       const char *dob,
                       const char *pnc)
{
  g_autofree char *uuid = NULL;
  gint64 id = id_map_lookup (&parser->by_ref, ref);
  gint64 same;
  Op *op;

  if (id != 0)
    return id;

  id = parser->next_person_id++;
  uuid = vigil_uuid_new ();
  op = block_add_op (block, OP_PERSON);
  op->id[0] = id;
  op_set_text (block, op, 0, uuid);
  op_set_text (block, op, 1, surname);
  op_set_text (block, op, 2, forenames);
  op_set_text (block, op, 3, dob);
  op_set_text (block, op, 4, pnc);
  op_set_text (block, op, 5, ref);
  parser->report->people_created++;
  id_map_add (&parser->by_ref, parser->keys, ref, id);
  if (parser->facts != NULL)
    vigil_fact_collector_add_person (parser->facts, id, ref);

  /* someone already known under another reference? */
  if (dob != NULL && *dob != '\0')
    {
      set_name_dob_key (parser->key, surname, forenames, dob);
      same = id_map_lookup (&parser->by_name_dob, parser->key->str);
      if (same != 0)
        parser_note_duplicate (parser, block, id, same, "same_name_dob");
      else
        id_map_add (&parser->by_name_dob, parser->keys, parser->key->str, id);
    }

  if (pnc != NULL && *pnc != '\0')
    {
      same = id_map_lookup (&parser->by_pnc, pnc);
      if (same != 0)
        parser_note_duplicate (parser, block, id, same, "same_pnc");
      else
        id_map_add (&parser->by_pnc, parser->keys, pnc, id);
    }

  return id;
}

static gboolean
parser_knows_ref_cb (const char *ref,
                     gpointer    user_data)
{
  Parser *parser = user_data;

  return id_map_lookup (&parser->by_ref, ref) != 0;
}

static void
parser_take_row (Parser         *parser,
                 Block          *block,
                 VigilCsvRecord *record)
{
  g_auto(VigilImportRow) row = { 0 };
  gint64 perpetrator_id;
  gint64 victim_id = 0;
  Op *op;

  if (!vigil_import_check_row (parser->columns, parser->mapping, record, &parser->today, parser->scratch,
                               parser_knows_ref_cb, parser, &row))
    {
      parser_reject (parser, block, record, row.field, row.reason);
      return;
    }

  perpetrator_id = parser_resolve_person (parser, block, row.perp_ref, row.perp_surname, row.perp_forenames,
                                          row.perp_dob, row.perp_pnc);
  if (*row.victim_ref != '\0')
    victim_id = parser_resolve_person (parser, block, row.victim_ref, row.victim_surname, row.victim_forenames,
                                       row.victim_dob, row.victim_pnc);

  vigil_import_note_offence (parser->report, parser->unmapped, row.offence);

  op = block_add_op (block, OP_INCIDENT);
  op->id[0] = perpetrator_id;
  op->id[1] = victim_id;
  op->stalking = row.stalking;
  op_set_text (block, op, 0, row.incident_ref);
  op_set_text (block, op, 1, row.occurred_at);
  op_set_text (block, op, 2, row.relationship);
  op_set_text (block, op, 3, row.offence);
  op_set_text (block, op, 4, row.dash_risk);
  op_set_text (block, op, 5, row.area);
  if (parser->facts != NULL)
    vigil_fact_collector_add_incident (parser->facts, perpetrator_id, victim_id, row.occurred_at,
                                       row.relationship, row.offence, row.area);
}

static void
parser_hand_over (Parser *parser,
                  Block  *block,
                  gboolean last)
{
  block->offset = vigil_csv_reader_get_offset (parser->reader);
  block->rows = parser->report->rows_total;
  block->last = last;
  g_async_queue_push (parser->full, block);
}

static gpointer
parser_thread (gpointer data)
{
  Parser *parser = data;
  Block *block = g_async_queue_pop (parser->empty);
  VigilCsvRecord record;
  VigilCsvStatus status;

  while (!g_atomic_int_get (&parser->stop) &&
         (status = vigil_csv_reader_next (parser->reader, &record)) != VIGIL_CSV_END)
    {
      parser->report->rows_total++;

      if (status == VIGIL_CSV_BAD)
        parser_reject (parser, block, &record, NULL, record.problem);
      else if (parser->demo &&
               !check_demo_row (parser->store, parser->columns, parser->mapping, &record, &parser->error))
        break;
      else
        parser_take_row (parser, block, &record);

      if (block->ops->len >= BLOCK_OPS || block->text->len >= BLOCK_TEXT)
        {
          parser_hand_over (parser, block, FALSE);
          /* every text of the rows read so far is in the blocks: the file's pages
           * up to here are not needed any more */
          vigil_csv_reader_release (parser->reader);
          block = g_async_queue_pop (parser->empty);
        }
    }

  parser_hand_over (parser, block, TRUE);
  return NULL;
}

/* The thread that computes the file's SHA-256 */
typedef struct
{
  const char *path;
  int stop;            /* atomic */
  char *sha256;
  GError *error;
} Hasher;

static gpointer
hasher_thread (gpointer data)
{
  Hasher *hasher = data;
  g_autoptr(GFile) file = g_file_new_for_path (hasher->path);
  g_autoptr(GFileInputStream) in = g_file_read (file, NULL, &hasher->error);
  g_autofree guint8 *buffer = NULL;
  guint8 digest[SHA256_DIGEST_SIZE];
  struct sha256_ctx ctx;
  GString *hex;

  if (in == NULL)
    return NULL;

  buffer = g_malloc (1024 * 1024);
  sha256_init (&ctx);
  for (;;)
    {
      gssize n;

      if (g_atomic_int_get (&hasher->stop))
        return NULL;
      n = g_input_stream_read (G_INPUT_STREAM (in), buffer, 1024 * 1024, NULL, &hasher->error);
      if (n < 0)
        return NULL;
      if (n == 0)
        break;
      sha256_update (&ctx, (size_t) n, buffer);
    }
  sha256_digest (&ctx, sizeof digest, digest);

  hex = g_string_sized_new (2 * sizeof digest + 1);
  for (guint i = 0; i < sizeof digest; i++)
    g_string_append_printf (hex, "%02x", digest[i]);
  hasher->sha256 = g_string_free (hex, FALSE);
  return NULL;
}

/* The writing side */

static const char *
op_text (const Block *block,
         const Op    *op,
         guint        i)
{
  return op->text[i] == NO_TEXT ? NULL : block->text->str + op->text[i];
}

/* Binds @op's text @i as it is in the block (none: NULL; with @empty_is_null, an
 * empty text too); the block lives until the statement is reset. */
static void
bind_op_text (sqlite3_stmt *stmt,
              int           index,
              const Block  *block,
              const Op     *op,
              guint         i,
              gboolean      empty_is_null)
{
  if (op->text[i] == NO_TEXT || (empty_is_null && op->length[i] == 0))
    sqlite3_bind_null (stmt, index);
  else
    sqlite3_bind_text (stmt, index, block->text->str + op->text[i], (int) op->length[i], SQLITE_STATIC);
}

/* A person's values, from parameter @first on (see prepare_inserts). */
static void
bind_person (sqlite3_stmt *stmt,
             int           first,
             const Block  *block,
             const Op     *op)
{
  sqlite3_bind_int64 (stmt, first, op->id[0]);
  bind_op_text (stmt, first + 1, block, op, 0, FALSE);
  for (guint i = 1; i < 6; i++)
    bind_op_text (stmt, first + (int) i + 1, block, op, i, TRUE);
}

/* An incident's values, from parameter @first on (see prepare_inserts). */
static void
bind_incident (sqlite3_stmt *stmt,
               int           first,
               const Block  *block,
               const Op     *op)
{
  bind_op_text (stmt, first, block, op, 0, FALSE);
  bind_op_text (stmt, first + 1, block, op, 1, FALSE);
  sqlite3_bind_int64 (stmt, first + 2, op->id[0]);
  if (op->id[1] != 0)
    sqlite3_bind_int64 (stmt, first + 3, op->id[1]);
  else
    sqlite3_bind_null (stmt, first + 3);
  bind_op_text (stmt, first + 4, block, op, 2, FALSE);
  bind_op_text (stmt, first + 5, block, op, 3, FALSE);
  bind_op_text (stmt, first + 6, block, op, 4, TRUE);
  sqlite3_bind_int (stmt, first + 7, op->stalking);
  bind_op_text (stmt, first + 8, block, op, 5, TRUE);
}

typedef void (*BindRowFunc) (sqlite3_stmt *stmt,
                             int           first,
                             const Block  *block,
                             const Op     *op);

static gboolean
step_once (Import       *import,
           sqlite3_stmt *stmt,
           guint64      *inserted,
           const char   *failure,
           GError      **error)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sqlite_failed (import, error, _(failure));
      sqlite3_reset (stmt);
      return FALSE;
    }
  sqlite3_reset (stmt);
  if (inserted != NULL)
    *inserted += (guint64) sqlite3_changes (import->db);
  return TRUE;
}

/* Inserts the block's rows of @kind, ROWS_PER_INSERT to a statement: each execution
 * of a statement opens the table and its indexes again, which costs more than a row. */
static gboolean
write_rows (Import             *import,
            const Block        *block,
            OpKind              kind,
            sqlite3_stmt *const stmts[2],
            int                 first,
            int                 per_row,
            BindRowFunc         bind_row,
            guint64            *rows,
            guint64            *inserted,
            const char         *failure,
            GError            **error)
{
  const Op *ops = (const Op *) (gpointer) block->ops->data;
  const Op *pending[ROWS_PER_INSERT];
  guint n_pending = 0;

  for (guint i = 0; i <= block->ops->len; i++)
    {
      if (i < block->ops->len && ops[i].kind == kind)
        pending[n_pending++] = &ops[i];

      if (n_pending == ROWS_PER_INSERT)
        {
          for (guint k = 0; k < n_pending; k++)
            bind_row (stmts[1], first + (int) k * per_row, block, pending[k]);
          if (!step_once (import, stmts[1], inserted, failure, error))
            return FALSE;
        }
      else if (i == block->ops->len)
        {
          for (guint k = 0; k < n_pending; k++)
            {
              bind_row (stmts[0], first, block, pending[k]);
              if (!step_once (import, stmts[0], inserted, failure, error))
                return FALSE;
            }
        }
      else
        continue;

      *rows += n_pending;
      n_pending = 0;
    }

  return TRUE;
}

/* Writes a block: its people, its incidents, its rejected rows and possible duplicates.
 * Their order within the block does not matter (the ids are given already, and foreign
 * keys are not checked row by row); the incidents keep theirs, so a reference twice in
 * the file is added once. */
static gboolean
write_block (Import  *import,
             Block   *block,
             GError **error)
{
  guint64 people = 0;
  guint64 incidents = 0;
  guint64 added = 0;

  if (!write_rows (import, block, OP_PERSON, import->insert_person, 3, 7, bind_person,
                   &people, NULL, N_("The import could not add a person"), error) ||
      !write_rows (import, block, OP_INCIDENT, import->insert_incident, 4, 9, bind_incident,
                   &incidents, &added, N_("The import could not add an incident"), error))
    return FALSE;

  /* an incident reference already in the store adds nothing */
  import->report->rows_imported += added;
  import->report->rows_duplicate += incidents - added;

  for (guint i = 0; i < block->ops->len; i++)
    {
      const Op *op = &g_array_index (block->ops, Op, i);

      if (op->kind == OP_REJECTION)
        {
          sqlite3_bind_int64 (import->insert_rejection, 2, op->id[0]);
          bind_static_or_null (import->insert_rejection, 3, op_text (block, op, 0));
          bind_static (import->insert_rejection, 4, op_text (block, op, 1));
          bind_static (import->insert_rejection, 5, op_text (block, op, 2));
          if (!step_once (import, import->insert_rejection, NULL, N_("The import could not keep a rejected row"), error))
            return FALSE;
        }
      else if (op->kind == OP_DUPLICATE)
        {
          sqlite3_bind_int64 (import->insert_duplicate, 3, op->id[0]);
          sqlite3_bind_int64 (import->insert_duplicate, 4, op->id[1]);
          bind_static (import->insert_duplicate, 5, op_text (block, op, 0));
          if (!step_once (import, import->insert_duplicate, NULL, N_("The import could not record a possible duplicate"), error))
            return FALSE;
        }
    }

  return TRUE;
}

static gboolean
query_int64 (Import      *import,
             const char  *sql,
             const char  *text,
             gint64      *out,
             GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!prepare (import, sql, &stmt, error))
    return FALSE;
  if (text != NULL)
    sqlite3_bind_text (stmt, 1, text, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  *out = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_finalize (stmt);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return sqlite_failed (import, error, _("The import could not read the store"));
  return TRUE;
}

/* What a small batch needs to know of the people in the store: the references,
 * PNC IDs and dates of birth its rows name. */
typedef struct
{
  GHashTable *refs;
  GHashTable *pncs;
  GPtrArray *ref_dobs;  /* reference, date of birth: for each person named with a date */
  GHashTable *dobs;     /* the dates of birth of the people not in the store yet */
} BatchKeys;

static void
batch_keys_clear (BatchKeys *keys)
{
  g_clear_pointer (&keys->refs, g_hash_table_unref);
  g_clear_pointer (&keys->pncs, g_hash_table_unref);
  g_clear_pointer (&keys->ref_dobs, g_ptr_array_unref);
  g_clear_pointer (&keys->dobs, g_hash_table_unref);
}

static void
add_key (GHashTable *set,
         const char *value)
{
  if (*value != '\0' && !g_hash_table_contains (set, value))
    g_hash_table_add (set, g_strdup (value));
}

/* Reads the file once, quickly, for its keys (rows that will be rejected included:
 * looking up a few more people changes nothing). */
static gboolean
collect_batch_keys (const char               *path,
                    const VigilImportMapping *mapping,
                    BatchKeys                *keys,
                    GError                  **error)
{
  g_autoptr(VigilCsvReader) reader = vigil_csv_reader_new_for_path (path, error);
  g_autoptr(GString) scratch = g_string_sized_new (32);
  DateFormat format = mapping ? mapping->date_format : DATE_FORMAT_ISO;
  static const VigilImportColumn refs[] = { VIGIL_IMPORT_COLUMN_PERPETRATOR_REF, VIGIL_IMPORT_COLUMN_VICTIM_REF };
  static const VigilImportColumn pncs[] = { VIGIL_IMPORT_COLUMN_PERPETRATOR_PNC, VIGIL_IMPORT_COLUMN_VICTIM_PNC };
  static const VigilImportColumn dobs[] = { VIGIL_IMPORT_COLUMN_PERPETRATOR_DOB, VIGIL_IMPORT_COLUMN_VICTIM_DOB };
  VigilCsvRecord record;
  VigilCsvStatus status;
  Columns columns;
  GDate date;

  if (reader == NULL || !read_header (reader, mapping, &columns, error))
    return FALSE;

  keys->refs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  keys->pncs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  keys->ref_dobs = g_ptr_array_new_with_free_func (g_free);
  keys->dobs = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  while ((status = vigil_csv_reader_next (reader, &record)) != VIGIL_CSV_END)
    {
      if (status == VIGIL_CSV_BAD)
        continue;
      for (guint i = 0; i < 2; i++)
        {
          const char *ref = column_value (&columns, mapping, &record, refs[i]);

          add_key (keys->refs, ref);
          add_key (keys->pncs, column_value (&columns, mapping, &record, pncs[i]));
          if (*ref != '\0' &&
              parse_date (column_value (&columns, mapping, &record, dobs[i]), format, FALSE, scratch, &date))
            {
              g_ptr_array_add (keys->ref_dobs, g_strdup (ref));
              g_ptr_array_add (keys->ref_dobs, g_strdup (scratch->str));
            }
        }
    }
  return TRUE;
}

/* The people in the store, by reference (a merged person's reference leads to the
 * person kept), by name and date of birth and by PNC ID; and the next person's id.
 * With @keys (a small batch into a larger store), only the people the batch can
 * name: references and PNC IDs are looked up in their indexes, and names read only
 * for the dates of birth in the batch. */
static gboolean
load_people (Import          *import,
             Parser          *parser,
             const BatchKeys *keys,
             GError         **error)
{
  sqlite3_stmt *stmt = NULL;
  gint64 last_id = 0;
  int rc;

  if (keys != NULL)
    {
      GHashTableIter iter;
      gpointer key;

      if (!prepare (import, "SELECT coalesce(merged_into, id) FROM person WHERE local_ref = ?", &stmt, error))
        return FALSE;
      g_hash_table_iter_init (&iter, keys->refs);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        {
          sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
          if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
            id_map_set (&parser->by_ref, parser->keys, key, sqlite3_column_int64 (stmt, 0));
          sqlite3_reset (stmt);
          if (rc != SQLITE_ROW && rc != SQLITE_DONE)
            break;
        }
      sqlite3_finalize (stmt);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return sqlite_failed (import, error, _("The import could not read the people in the store"));

      /* names are compared only when someone new is added */
      for (guint i = 0; i + 1 < keys->ref_dobs->len; i += 2)
        if (id_map_lookup (&parser->by_ref, g_ptr_array_index (keys->ref_dobs, i)) == 0)
          add_key (keys->dobs, g_ptr_array_index (keys->ref_dobs, i + 1));

      /* the last of several people with one PNC ID, as when reading them all */
      if (!prepare (import, "SELECT coalesce(merged_into, id) FROM person WHERE pnc_id = ? ORDER BY id DESC LIMIT 1",
                    &stmt, error))
        return FALSE;
      g_hash_table_iter_init (&iter, keys->pncs);
      rc = SQLITE_DONE;
      while (g_hash_table_iter_next (&iter, &key, NULL))
        {
          sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
          if ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
            id_map_set (&parser->by_pnc, parser->keys, key, sqlite3_column_int64 (stmt, 0));
          sqlite3_reset (stmt);
          if (rc != SQLITE_ROW && rc != SQLITE_DONE)
            break;
        }
      sqlite3_finalize (stmt);
      if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return sqlite_failed (import, error, _("The import could not read the people in the store"));
    }

  if (keys == NULL || g_hash_table_size (keys->dobs) > 0)
    {
      if (!prepare (import,
                    keys == NULL
                      ? "SELECT coalesce(merged_into, id), local_ref, surname, forenames, dob, pnc_id FROM person"
                      : "SELECT coalesce(merged_into, id), NULL, surname, forenames, dob, NULL FROM person "
                        "WHERE dob IS NOT NULL",
                    &stmt, error))
        return FALSE;

      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        {
          gint64 id = sqlite3_column_int64 (stmt, 0);
          const char *ref = (const char *) sqlite3_column_text (stmt, 1);
          const char *dob = (const char *) sqlite3_column_text (stmt, 4);
          const char *pnc = (const char *) sqlite3_column_text (stmt, 5);

          if (ref != NULL)
            id_map_set (&parser->by_ref, parser->keys, ref, id);
          if (pnc != NULL && *pnc != '\0')
            id_map_set (&parser->by_pnc, parser->keys, pnc, id);
          /* only a date of birth is ever matched */
          if (dob != NULL && *dob != '\0' && (keys == NULL || g_hash_table_contains (keys->dobs, dob)))
            {
              set_name_dob_key (parser->key, (const char *) sqlite3_column_text (stmt, 2),
                                (const char *) sqlite3_column_text (stmt, 3), dob);
              id_map_set (&parser->by_name_dob, parser->keys, parser->key->str, id);
            }
        }
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        return sqlite_failed (import, error, _("The import could not read the people in the store"));
    }

  /* new people get ids after any ever given (the table counts with AUTOINCREMENT) */
  if (!query_int64 (import,
                    "SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'person'), 0), "
                    "coalesce((SELECT max(id) FROM person), 0))",
                    NULL, &last_id, error))
    return FALSE;
  parser->next_person_id = last_id + 1;
  return TRUE;
}

/* A large batch written through the write-ahead log is written twice (into the log,
 * then into the store when the log is checkpointed). When the import's connection is
 * the only one on the file (vigil-cli import closes its own first), the batch goes
 * through a rollback journal instead: the pages a batch adds to the end of the file
 * are not journaled at all, and the pages it changes are journaled once, as the log
 * would have held them. The journal is written and synced before the store changes,
 * so a killed process or a power cut still leaves the store as before the batch (the
 * next opening rolls the journal back) or with the whole batch. With any other
 * connection open the switch fails at once and the batch goes through the log.
 * Every opening of the store (vigil_store_open) asks for the log again. */
static gboolean
leave_wal (Import *import)
{
  sqlite3_stmt *stmt = NULL;
  gboolean left = FALSE;

  sqlite3_busy_timeout (import->db, 0);
  if (sqlite3_prepare_v2 (import->db, "PRAGMA journal_mode = DELETE", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    left = g_ascii_strcasecmp ((const char *) sqlite3_column_text (stmt, 0), "delete") == 0;
  sqlite3_finalize (stmt);
  sqlite3_busy_timeout (import->db, 10000);
  if (left && sqlite3_exec (import->db, "PRAGMA synchronous = FULL", NULL, NULL, NULL) != SQLITE_OK)
    left = FALSE;
  g_debug ("batch through %s", left ? "a rollback journal" : "the write-ahead log");
  return left;
}

/* Back to the write-ahead log after the batch (committed or rolled back). */
static void
return_to_wal (Import *import)
{
  if (!import->left_wal)
    return;
  import->left_wal = FALSE;
  if (sqlite3_exec (import->db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL) != SQLITE_OK)
    g_warning ("The store stays in a rollback journal until it is next opened: %s",
               sqlite3_errmsg (import->db));
}

/* The indexes of person and incident that a large batch into a smaller store sets
 * aside and makes again at the end, in the same transaction: those whose keys come in
 * no particular order, where one sort per index beats a million scattered inserts.
 * The unique keys (declared with their tables) stay and check every row; so does
 * person_merged_into_idx, whose keys (NULL, then the new ids in order) are appended.
 * tests/core/test-import.c checks that they all exist after a large batch. */
static const char * const set_aside[] = {
  "person_name_idx", "person_pnc_idx", "incident_perpetrator_idx", "incident_victim_idx",
};

/* Drops the indexes of set_aside[], keeping each one's own definition (a partial
 * index stays partial) for rebuild_indexes. */
static gboolean
set_aside_indexes (Import  *import,
                   GError **error)
{
  sqlite3_stmt *stmt = NULL;

  if (!prepare (import, "SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?", &stmt, error))
    return FALSE;
  import->rebuild = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < G_N_ELEMENTS (set_aside); i++)
    {
      char *drop;
      gboolean ok;
      int rc;

      sqlite3_bind_text (stmt, 1, set_aside[i], -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      if (rc == SQLITE_ROW)
        g_ptr_array_add (import->rebuild, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      sqlite3_reset (stmt);
      if (rc == SQLITE_DONE)
        continue;
      if (rc != SQLITE_ROW)
        {
          sqlite3_finalize (stmt);
          return sqlite_failed (import, error, _("The import could not read the store’s indexes"));
        }

      drop = sqlite3_mprintf ("DROP INDEX \"%w\"", set_aside[i]);
      ok = exec_sql (import, drop, error);
      sqlite3_free (drop);
      if (!ok)
        {
          sqlite3_finalize (stmt);
          return FALSE;
        }
    }
  sqlite3_finalize (stmt);
  return TRUE;
}

/* The page cache while the indexes set aside are made again (see rebuild_indexes). */
#define SORT_CACHE_KIB 4096

static gboolean
rebuild_indexes (Import  *import,
                 GError **error)
{
  if (import->rebuild == NULL)
    return TRUE;

  /* The sorter of CREATE INDEX sorts runs of the page cache's size: small runs sort
   * within the processor's caches (and on a second thread, PRAGMA threads), then merge
   * in one pass. With the import's 64 MiB cache each index was one large run sorted
   * out of cache, about twice as slow (measured on the 1M-row benchmark). */
  if (!exec_sql (import, "PRAGMA cache_size = -" G_STRINGIFY (SORT_CACHE_KIB), error))
    return FALSE;
  for (guint i = 0; import->rebuild != NULL && i < import->rebuild->len; i++)
    if (!exec_sql (import, g_ptr_array_index (import->rebuild, i), error))
      return FALSE;
  return TRUE;
}

/* The facts generation (see vigil_store_touch_facts), bumped in the import's own
 * transaction. */
static gboolean
touch_facts (Import  *import,
             GError **error)
{
  if (!exec_sql (import,
                 "UPDATE vigil_meta SET value = CAST(CAST(value AS INTEGER) + 1 AS TEXT) "
                 "WHERE key = 'facts_generation'", error))
    return FALSE;
  if (sqlite3_changes (import->db) == 0 &&
      !exec_sql (import, "INSERT INTO vigil_meta (key, value) VALUES ('facts_generation', '1')", error))
    return FALSE;
  return TRUE;
}

/* "INSERT … VALUES (row), (row), …" for @n rows: each row is @row_start, @per_row
 * parameters numbered on from @first, and @row_end. */
static char *
multi_row_insert (const char *head,
                  const char *row_start,
                  int         first,
                  int         per_row,
                  const char *row_end,
                  guint       n,
                  const char *tail)
{
  GString *sql = g_string_new (head);

  for (guint k = 0; k < n; k++)
    {
      g_string_append (sql, k > 0 ? ", (" : " (");
      g_string_append (sql, row_start);
      for (int p = 0; p < per_row; p++)
        g_string_append_printf (sql, ", ?%d", first + (int) k * per_row + p);
      g_string_append (sql, row_end);
      g_string_append_c (sql, ')');
    }
  g_string_append (sql, tail);
  return g_string_free (sql, FALSE);
}

static gboolean
prepare_inserts (Import  *import,
                 GError **error)
{
  for (guint i = 0; i < 2; i++)
    {
      guint n = i == 0 ? 1 : ROWS_PER_INSERT;
      g_autofree char *person = NULL;
      g_autofree char *incident = NULL;

      /* OR FAIL: a statement that fails keeps the rows it had written, so SQLite keeps
       * no statement journal (a temporary file written for every statement); any
       * failure rolls the whole batch back anyway.
       * ?1 now, ?2 actor; then id, uuid, surname, forenames, dob, pnc_id, local_ref */
      person = multi_row_insert ("INSERT OR FAIL INTO person (created_at, updated_at, updated_by, id, uuid, surname, "
                                 "forenames, dob, pnc_id, local_ref) VALUES",
                                 "?1, ?1, ?2", 3, 7, "", n, "");
      /* ?1 now, ?2 actor, ?3 batch; then source_ref, occurred_at, perpetrator_id, victim_id,
       * relationship, offence_code, dash_risk, stalking, area */
      incident = multi_row_insert ("INSERT OR FAIL INTO incident (created_at, updated_at, updated_by, source, batch_id, "
                                   "source_ref, occurred_at, perpetrator_id, victim_id, relationship, "
                                   "offence_code, dash_risk, stalking, area) VALUES",
                                   "?1, ?1, ?2, 'police', ?3", 4, 9, "", n,
                                   " ON CONFLICT (source, source_ref) DO NOTHING");
      if (!prepare (import, person, &import->insert_person[i], error) ||
          !prepare (import, incident, &import->insert_incident[i], error))
        return FALSE;

      sqlite3_bind_text (import->insert_person[i], 1, import->now, -1, SQLITE_STATIC);
      sqlite3_bind_text (import->insert_person[i], 2, import->actor, -1, SQLITE_STATIC);
      sqlite3_bind_text (import->insert_incident[i], 1, import->now, -1, SQLITE_STATIC);
      sqlite3_bind_text (import->insert_incident[i], 2, import->actor, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (import->insert_incident[i], 3, import->batch_id);
    }

  if (!prepare (import,
                "INSERT INTO import_rejection (batch_id, line_number, field, reason, raw_text) "
                "VALUES (?1, ?2, ?3, ?4, ?5)",
                &import->insert_rejection, error) ||
      !prepare (import,
                "INSERT INTO person_duplicate (created_at, updated_at, updated_by, person_id, other_person_id, "
                "reason, status, batch_id) VALUES (?1, ?1, ?2, ?3, ?4, ?5, 'open', ?6) "
                "ON CONFLICT (person_id, other_person_id) DO NOTHING",
                &import->insert_duplicate, error))
    return FALSE;

  /* what every row shares is bound once */
  sqlite3_bind_int64 (import->insert_rejection, 1, import->batch_id);
  sqlite3_bind_text (import->insert_duplicate, 1, import->now, -1, SQLITE_STATIC);
  sqlite3_bind_text (import->insert_duplicate, 2, import->actor, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (import->insert_duplicate, 6, import->batch_id);
  return TRUE;
}

static gboolean
start_batch (Import      *import,
             const char  *file_name,
             const char  *sha256,
             GError     **error)
{
  sqlite3_stmt *batch = NULL;

  if (!prepare (import,
                "INSERT INTO import_batch (created_at, updated_at, updated_by, file_name, sha256, kind, "
                "status, imported_by, started_at) VALUES (?1, ?1, ?2, ?3, ?4, 'incidents', 'running', ?2, ?1)",
                &batch, error))
    return FALSE;
  sqlite3_bind_text (batch, 1, import->now, -1, SQLITE_STATIC);
  sqlite3_bind_text (batch, 2, import->actor, -1, SQLITE_STATIC);
  sqlite3_bind_text (batch, 3, file_name, -1, SQLITE_STATIC);
  sqlite3_bind_text (batch, 4, sha256, -1, SQLITE_STATIC);
  if (sqlite3_step (batch) != SQLITE_DONE)
    {
      sqlite_failed (import, error, _("The import could not start a batch"));
      sqlite3_finalize (batch);
      return FALSE;
    }
  sqlite3_finalize (batch);
  import->batch_id = sqlite3_last_insert_rowid (import->db);
  import->report->batch_id = import->batch_id;
  return TRUE;
}

static gboolean
finish_batch (Import  *import,
              GError **error)
{
  VigilImportReport *report = import->report;
  g_autofree char *finished = vigil_store_now ();
  sqlite3_stmt *finish = NULL;

  if (!prepare (import,
                "UPDATE import_batch SET status = 'complete', rows_total = ?, rows_imported = ?, "
                "rows_rejected = ?, rows_duplicate = ?, finished_at = ? WHERE id = ?",
                &finish, error))
    return FALSE;
  sqlite3_bind_int64 (finish, 1, (sqlite3_int64) report->rows_total);
  sqlite3_bind_int64 (finish, 2, (sqlite3_int64) report->rows_imported);
  sqlite3_bind_int64 (finish, 3, (sqlite3_int64) report->rows_rejected);
  sqlite3_bind_int64 (finish, 4, (sqlite3_int64) report->rows_duplicate);
  sqlite3_bind_text (finish, 5, finished, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (finish, 6, import->batch_id);
  if (sqlite3_step (finish) != SQLITE_DONE)
    {
      sqlite_failed (import, error, _("The import could not finish its batch"));
      sqlite3_finalize (finish);
      return FALSE;
    }
  sqlite3_finalize (finish);
  return TRUE;
}

static void
import_clear (Import *import)
{
  for (guint i = 0; i < 2; i++)
    {
      g_clear_pointer (&import->insert_person[i], sqlite3_finalize);
      g_clear_pointer (&import->insert_incident[i], sqlite3_finalize);
    }
  g_clear_pointer (&import->insert_rejection, sqlite3_finalize);
  g_clear_pointer (&import->insert_duplicate, sqlite3_finalize);
  if (import->db != NULL)
    {
      sqlite3_close (import->db);
      import->db = NULL;
    }
  g_clear_pointer (&import->now, g_free);
  g_clear_pointer (&import->rebuild, g_ptr_array_unref);
}

/* The fact cache of a batch into an empty store (see vigil-fact-cache-private.h): the
 * reading thread collects every person and incident it hands over; once the rows are
 * written, a thread builds and serialises the fact set while the indexes are made
 * again; the batch's transaction writes it as the cache, tagged with the store's tag,
 * when the store holds exactly the rows collected. Any other batch leaves the cache
 * stale (touch_facts), and the next refresh reads the incidents. */
typedef struct
{
  VigilFactCollector *collector;
  gint64 first_incident_id;
  guint64 n_incidents;
  guint64 n_people;
  gint64 max_person_id;
  guint8 *block;
  gsize size;
  GError *error;
  GThread *thread;
} FactsJob;

static gpointer
facts_thread (gpointer data)
{
  FactsJob *job = data;
  gint64 t0 = g_get_monotonic_time ();
  g_autoptr(VigilFactSet) facts = vigil_fact_collector_end (g_steal_pointer (&job->collector), &job->error);
  gint64 t1 = g_get_monotonic_time ();

  if (facts != NULL)
    job->block = vigil_fact_set_serialize (facts, &job->size);
  g_debug ("facts: built in %.1f ms, serialised in %.1f ms", (t1 - t0) / 1000.0, (g_get_monotonic_time () - t1) / 1000.0);
  return NULL;
}

static void
start_facts (FactsJob *job,
             Parser   *parser,
             gint64    first_incident_id)
{
  job->collector = g_steal_pointer (&parser->facts);
  job->first_incident_id = first_incident_id;
  job->n_incidents = vigil_fact_collector_get_n_incidents (job->collector);
  job->n_people = vigil_fact_collector_get_n_people (job->collector);
  job->max_person_id = vigil_fact_collector_get_max_person_id (job->collector);
  job->thread = g_thread_new ("vigil-import-facts", facts_thread, job);
}

static void
facts_job_clear (FactsJob *job)
{
  if (job->thread != NULL)
    g_thread_join (g_steal_pointer (&job->thread));
  g_clear_pointer (&job->collector, vigil_fact_collector_free);
  g_clear_pointer (&job->block, g_free);
  g_clear_error (&job->error);
}

/* After touch_facts: the cache written, or (the facts could not be built, or the
 * store holds other rows than the batch wrote) left stale. The store's tag (see
 * vigil-fact-cache.c) is read as a refresh reads it, but for the counts: the tables
 * were empty when this transaction took the write lock, and every row of the batch
 * was counted as it was inserted, so they hold rows_imported incidents and
 * people_created people (counting a million rows again costs tens of milliseconds). */
static gboolean
write_fact_cache (Import    *import,
                  FactsJob  *job,
                  GError   **error)
{
  VigilFactCacheTag tag = { 0, };
  gint64 first_id = 0;
  gint64 started = g_get_monotonic_time ();

  if (job->thread == NULL)
    return TRUE;
  g_thread_join (g_steal_pointer (&job->thread));
  if (job->block == NULL)
    {
      g_debug ("fact cache left stale: %s", job->error != NULL ? job->error->message : "the facts cannot be serialised");
      return TRUE;
    }

  if (!query_int64 (import,
                    "SELECT COALESCE((SELECT CAST(value AS INTEGER) FROM vigil_meta "
                    "WHERE key = 'facts_generation'), 0)",
                    NULL, &tag.generation, error) ||
      !query_int64 (import, "SELECT coalesce(min(id), 0) FROM incident", NULL, &first_id, error) ||
      !query_int64 (import, "SELECT coalesce(max(id), 0) FROM incident", NULL, &tag.max_incident_id, error) ||
      !query_int64 (import, "SELECT coalesce(max(id), 0) FROM person", NULL, &tag.max_person_id, error))
    return FALSE;
  tag.n_incidents = (gint64) import->report->rows_imported;
  tag.n_persons = (gint64) import->report->people_created;

  /* ids given in order from the first, as many as collected: the incidents are those
   * collected, in order */
  if ((guint64) tag.n_incidents != job->n_incidents || first_id != job->first_incident_id ||
      tag.max_incident_id != job->first_incident_id + (gint64) job->n_incidents - 1 ||
      (guint64) tag.n_persons != job->n_people || tag.max_person_id != job->max_person_id)
    {
      g_debug ("fact cache left stale: the store holds other rows than the batch wrote");
      return TRUE;
    }
  if (!vigil_fact_cache_write_sqlite (import->db, &tag, job->block, job->size, error))
    return FALSE;
  g_debug ("fact cache written: %" G_GSIZE_FORMAT " bytes in %.1f ms", job->size,
           (g_get_monotonic_time () - started) / 1000.0);
  g_clear_pointer (&job->block, g_free);
  return TRUE;
}

/* Writes the blocks as they come until the last; on a failure tells the reading thread
 * to stop and takes its remaining blocks. Returns with the thread done. */
static gboolean
write_blocks (Import                  *import,
              Parser                  *parser,
              VigilImportProgressFunc  progress,
              gpointer                 user_data,
              GCancellable            *cancellable,
              GError                 **error)
{
  gsize length = MAX (1, vigil_csv_reader_get_length (parser->reader));
  gboolean ok = TRUE;
  gboolean last = FALSE;

  while (!last)
    {
      Block *block = g_async_queue_pop (parser->full);

      last = block->last;
      if (ok)
        ok = write_block (import, block, error) &&
             !g_cancellable_set_error_if_cancelled (cancellable, error);
      if (ok && progress != NULL && !last)
        progress ((double) block->offset / length, block->rows, user_data);
      if (!ok)
        g_atomic_int_set (&parser->stop, 1);

      block_reset (block);
      g_async_queue_push (parser->empty, block);
    }

  return ok;
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
  g_autoptr(VigilImportReport) report = NULL;
  g_autofree char *base_name = NULL;
  g_autoptr(GDateTime) now_local = g_date_time_new_now_local ();
  gint64 started = g_get_monotonic_time ();
  Import import = { 0 };
  Parser parser = { 0 };
  Hasher hasher = { 0 };
  BatchKeys batch_keys = { 0 };
  FactsJob facts = { 0 };
  gint64 first_incident_id = 0;
  GThread *hasher_running = NULL;
  GThread *parser_running = NULL;
  gboolean large_batch = FALSE;
  gboolean ok = FALSE;
  gint64 previous = 0;
  Columns columns;

  g_return_val_if_fail (VIGIL_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  if (vigil_store_get_engine (store) == VIGIL_ENGINE_POSTGRESQL)
    return vigil_import_incidents_pg (store, path, mapping, progress, user_data, cancellable, error);

  reader = vigil_csv_reader_new_for_path (path, error);
  if (reader == NULL)
    return NULL;

  if (!read_header (reader, mapping, &columns, error))
    return NULL;

  report = vigil_import_report_new ();
  base_name = g_path_get_basename (path);

  hasher.path = path;
  hasher_running = g_thread_new ("vigil-import-hash", hasher_thread, &hasher);

  parser_init (&parser);
  parser.store = store;
  parser.demo = vigil_store_get_kind (store) == VIGIL_STORE_KIND_DEMO;
  parser.reader = reader;
  parser.columns = &columns;
  parser.mapping = mapping;
  parser.report = report;
  g_date_clear (&parser.today, 1);
  g_date_set_dmy (&parser.today, g_date_time_get_day_of_month (now_local),
                  g_date_time_get_month (now_local), g_date_time_get_year (now_local));

  import.report = report;
  import.now = vigil_store_now ();
  import.actor = vigil_store_get_actor (store);

  if (sqlite3_open_v2 (vigil_store_get_location (store)->path, &import.db,
                       SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
    {
      sqlite_failed (&import, error, _("The import could not open the store"));
      goto out;
    }
  sqlite3_busy_timeout (import.db, 10000);

  /* The connection's own settings: the store keeps its write-ahead log and its
   * synchronous setting, so a crash leaves it as before or with the whole batch.
   * Foreign keys are not checked row by row: every id the import writes is one it
   * has just read or given inside this transaction, which holds the write lock. A
   * modest page cache (the inserts mostly append), and sorting for the indexes on
   * a second core. */
  if (!exec_sql (&import, "PRAGMA foreign_keys = OFF", error) ||
      !exec_sql (&import, "PRAGMA cache_size = -65536", error) ||
      !exec_sql (&import, "PRAGMA threads = 2", error))
    goto out;
  if (vigil_csv_reader_get_length (reader) / BYTES_PER_ROW > LARGE_BATCH_ROWS)
    import.left_wal = leave_wal (&import);
  if (!exec_sql (&import, "BEGIN IMMEDIATE", error))
    goto out;

  /* A large batch into a smaller store drops the secondary indexes and builds them
   * again at the end (sorting once beats a million scattered index inserts), in the
   * same transaction. A small batch into a larger store looks up only the people it
   * names. The largest ids (read from the end of the tables, not counted) stand for
   * the size of the store. */
  {
    gint64 batch_rows = (gint64) (vigil_csv_reader_get_length (reader) / BYTES_PER_ROW);
    gint64 last_incident = 0;
    gint64 last_person = 0;

    if (!query_int64 (&import, "SELECT coalesce(max(id), 0) FROM incident", NULL, &last_incident, error) ||
        !query_int64 (&import, "SELECT coalesce(max(id), 0) FROM person", NULL, &last_person, error))
      goto out;
    large_batch = batch_rows > LARGE_BATCH_ROWS && batch_rows > last_incident;

    /* into an empty store: the facts are exactly those of the batch */
    if (last_incident == 0 && last_person == 0 &&
        vigil_store_get_schema_version (store) >= VIGIL_FACT_CACHE_SCHEMA)
      {
        gint64 last_given = 0;

        if (!query_int64 (&import, "SELECT coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'incident'), 0)",
                          NULL, &last_given, error))
          goto out;
        first_incident_id = last_given + 1;
        /* (reserved, not touched: a generous guess costs no memory) */
        parser.facts = vigil_fact_collector_new (first_incident_id, (gsize) batch_rows * 2);
      }
    if (batch_rows * 8 < last_person && !collect_batch_keys (path, mapping, &batch_keys, error))
      goto out;
  }

  if (!load_people (&import, &parser, batch_keys.refs != NULL ? &batch_keys : NULL, error))
    goto out;
  batch_keys_clear (&batch_keys);

  parser_running = g_thread_new ("vigil-import-read", parser_thread, &parser);

  /* the same file imported before adds nothing */
  g_thread_join (g_steal_pointer (&hasher_running));
  if (hasher.sha256 == NULL)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_IO, _("Cannot read “%s”: %s"), path,
                   hasher.error ? hasher.error->message : "");
      goto out;
    }
  if (!query_int64 (&import,
                    "SELECT id FROM import_batch WHERE sha256 = ?1 AND kind = 'incidents' "
                    "AND status = 'complete' ORDER BY id LIMIT 1",
                    hasher.sha256, &previous, error))
    goto out;
  if (previous != 0)
    {
      ok = TRUE;
      goto out;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !start_batch (&import, base_name, hasher.sha256, error) ||
      (large_batch && !set_aside_indexes (&import, error)) ||
      !prepare_inserts (&import, error))
    goto out;

  g_debug ("%.2f s: people loaded, first rows read", (g_get_monotonic_time () - started) / 1e6);
  ok = write_blocks (&import, &parser, progress, user_data, cancellable, error);
  g_thread_join (g_steal_pointer (&parser_running));
  parser_release_lookups (&parser);
  if (ok && parser.error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&parser.error));
      ok = FALSE;
    }
  g_debug ("%.2f s: rows written", (g_get_monotonic_time () - started) / 1e6);
  if (ok && parser.facts != NULL && report->rows_duplicate == 0 && report->rows_imported > 0 &&
      report->rows_imported == vigil_fact_collector_get_n_incidents (parser.facts))
    start_facts (&facts, &parser, first_incident_id);

  ok = ok &&
       finish_batch (&import, error) &&
       rebuild_indexes (&import, error) &&
       (!(report->rows_imported > 0 || report->people_created > 0) || touch_facts (&import, error)) &&
       write_fact_cache (&import, &facts, error) &&
       audit_batch (&import, error);
  g_debug ("%.2f s: indexes built", (g_get_monotonic_time () - started) / 1e6);
  ok = ok && exec_sql (&import, "COMMIT", error);
  if (ok && (report->rows_imported > 0 || report->people_created > 0))
    {
      static const char * const written[] = { "import_batch", "import_rejection", "incident",
                                               "person", "audit", "vigil_meta", NULL };

      /* written through the import's own connection: say so as the store would */
      vigil_store_notify_changed (store, written);
    }
  g_debug ("%.2f s: committed", (g_get_monotonic_time () - started) / 1e6);

out:
  if (parser_running != NULL)
    {
      /* stopped before writing: let the reading thread finish, drop its blocks */
      gboolean last = FALSE;

      g_atomic_int_set (&parser.stop, 1);
      while (!last)
        {
          Block *block = g_async_queue_pop (parser.full);

          last = block->last;
          block_reset (block);
          g_async_queue_push (parser.empty, block);
        }
      g_thread_join (parser_running);
    }
  if (hasher_running != NULL)
    {
      g_atomic_int_set (&hasher.stop, 1);
      g_thread_join (hasher_running);
    }
  g_free (hasher.sha256);
  g_clear_error (&hasher.error);
  facts_job_clear (&facts);

  if (import.db != NULL && !sqlite3_get_autocommit (import.db))
    sqlite3_exec (import.db, "ROLLBACK", NULL, NULL, NULL);
  if (import.db != NULL)
    return_to_wal (&import);
  import_clear (&import);
  parser_clear (&parser);
  batch_keys_clear (&batch_keys);

  if (!ok)
    return NULL;

  if (previous != 0)
    {
      /* what the reading thread counted before it stopped is not the report */
      g_clear_pointer (&report, vigil_import_report_free);
      report = vigil_import_report_new ();
      report->already_imported = TRUE;
      report->batch_id = previous;
    }
  else if (progress != NULL)
    progress (1.0, report->rows_total, user_data);

  report->seconds = (g_get_monotonic_time () - started) / 1e6;
  return g_steal_pointer (&report);
}

/* ------------------------------------------------------------------------------------
 * Off the main thread
 * ------------------------------------------------------------------------------------ */

/* The longest a test hold waits for the cancellation. */
#define TEST_HOLD_MAX_US (60 * G_USEC_PER_SEC)

char *
vigil_import_describe_progress (guint64 rows,
                                double  seconds)
{
  g_autofree char *rows_text = vigil_format_count ((gint64) MIN (rows, (guint64) G_MAXINT64));
  g_autofree char *read = NULL;

  /* Translators: %s is a number of rows of the imported file, e.g. "12,288" */
  read = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s row read", "%s rows read", (gulong) MIN (rows, G_MAXULONG)),
                          rows_text);

  if (seconds > 0.05 && rows > 0)
    {
      guint64 rate = (guint64) (rows / seconds);
      g_autofree char *rate_text = vigil_format_count ((gint64) MIN (rate, (guint64) G_MAXINT64));
      g_autofree char *speed = NULL;

      /* Translators: an import's speed; %s is a number, e.g. "40,960" */
      speed = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s row a second", "%s rows a second",
                                            (gulong) MIN (rate, G_MAXULONG)),
                               rate_text);
      /* Translators: "12,288 rows read · 40,960 rows a second" */
      return g_strdup_printf (_("%s · %s"), read, speed);
    }

  return g_steal_pointer (&read);
}

VigilImportCall *
vigil_import_call_new (const char           *path,
                       const char           *mapping_path,
                       VigilImportCallFlags  flags,
                       GCancellable         *cancellable)
{
  VigilImportCall *call = g_new0 (VigilImportCall, 1);

  call->path = g_strdup (path);
  call->mapping_path = g_strdup (mapping_path);
  call->flags = flags;
  call->cancellable = cancellable != NULL ? g_object_ref (cancellable) : NULL;
  return call;
}

void
vigil_import_call_free (VigilImportCall *call)
{
  g_free (call->path);
  g_free (call->mapping_path);
  g_clear_object (&call->cancellable);
  g_free (call);
}

void
vigil_import_call_start (VigilImportCall *call,
                         VigilProgress   *progress)
{
  call->progress = progress;
  call->started_us = g_get_monotonic_time ();
}

void
vigil_import_call_progress_cb (double   fraction,
                               guint64  rows,
                               gpointer user_data)
{
  VigilImportCall *call = user_data;
  double seconds = (g_get_monotonic_time () - call->started_us) / (double) G_USEC_PER_SEC;
  g_autofree char *message = vigil_import_describe_progress (rows, seconds);

  vigil_progress_report (call->progress, fraction, message);

  if ((call->flags & VIGIL_IMPORT_CALL_HOLD_AFTER_FIRST_REPORT) != 0 && !call->held)
    {
      gint64 deadline = g_get_monotonic_time () + TEST_HOLD_MAX_US;

      call->held = TRUE;
      while (!g_cancellable_is_cancelled (call->cancellable) && g_get_monotonic_time () < deadline)
        g_usleep (5000);
    }
}

static gpointer
import_incidents_thread (VigilStore     *store,
                         gpointer        task_data,
                         VigilProgress  *progress,
                         GCancellable   *task_cancellable,
                         GError        **error)
{
  VigilImportCall *call = task_data;
  g_autoptr(VigilImportMapping) mapping = NULL;

  vigil_import_call_start (call, progress);
  if (g_cancellable_set_error_if_cancelled (call->cancellable, error))
    return NULL;

  if (call->mapping_path != NULL && (mapping = vigil_import_mapping_load (call->mapping_path, error)) == NULL)
    return NULL;

  return vigil_import_incidents (store, call->path, mapping, vigil_import_call_progress_cb, call,
                                 call->cancellable, error);
}

void
vigil_import_incidents_async (VigilStore          *store,
                              const char          *path,
                              const char          *mapping_path,
                              VigilImportCallFlags flags,
                              VigilProgressFunc    progress_func,
                              gpointer             progress_data,
                              GDestroyNotify       progress_destroy,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (VIGIL_IS_STORE (store));
  g_return_if_fail (path != NULL);

  /* (the task itself has no cancellable: see VigilImportCall) */
  vigil_store_call_with_progress_async (store, vigil_import_incidents_async, import_incidents_thread,
                                        vigil_import_call_new (path, mapping_path, flags, cancellable),
                                        (GDestroyNotify) vigil_import_call_free,
                                        (GDestroyNotify) vigil_import_report_free,
                                        progress_func, progress_data, progress_destroy,
                                        NULL, callback, user_data);
}

VigilImportReport *
vigil_import_incidents_finish (VigilStore    *store,
                               GAsyncResult  *result,
                               GError       **error)
{
  return vigil_store_call_finish (store, result, vigil_import_incidents_async, error);
}
