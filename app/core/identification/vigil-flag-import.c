/* vigil-flag-import.c: importing partner-agency information (agency flags) from CSV
 *
 * A flag file is small (an information-sharing extract holds hundreds or thousands of
 * rows), so it goes through the record layer, which works the same on SQLite and
 * PostgreSQL and audits every row it writes, in ONE transaction: the batch, its flags,
 * the people it creates and its rejected rows commit together or not at all.
 *
 * People are matched by their reference (person.local_ref), following a merge to the
 * person kept when the store records merges (person.merged_into), or created: someone
 * a partner agency is worried about may be unknown to the police, and that is the
 * point of principle 1. The report lists the people flagged who have no incident as a
 * perpetrator, whom the RFGV score cannot see.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-flag-import"

#include "config.h"

#include <inttypes.h>
#include <string.h>

#include <glib/gi18n.h>

#include "vigil-audit.h"
#include "vigil-csv.h"
#include "vigil-entities.h"
#include "vigil-flag-import.h"
#include "vigil-import-private.h"
#include "vigil-record.h"
#include "vigil-synth.h"

/* How often (in rows) the progress callback hears from the import. */
#define PROGRESS_EVERY 16
/* The longest chain of merges followed from a reference to the person kept. */
#define MAX_MERGE_HOPS 32

static const char * const column_names[VIGIL_FLAG_N_COLUMNS] = {
  "person_ref", "person_name", "person_dob", "person_pnc", "agency", "concern",
  "reported_on", "reported_by", "isa_reference",
};

static const gboolean column_required[VIGIL_FLAG_N_COLUMNS] = {
  [VIGIL_FLAG_COLUMN_PERSON_REF] = TRUE,
  [VIGIL_FLAG_COLUMN_AGENCY] = TRUE,
  [VIGIL_FLAG_COLUMN_CONCERN] = TRUE,
};

const char *
vigil_flag_column_get_name (VigilFlagColumn column)
{
  g_return_val_if_fail (column < VIGIL_FLAG_N_COLUMNS, NULL);
  return column_names[column];
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

void
vigil_flag_import_report_free (VigilFlagImportReport *report)
{
  if (report == NULL)
    return;

  g_clear_pointer (&report->rejections, g_ptr_array_unref);
  g_clear_pointer (&report->no_incident_refs, g_strfreev);
  g_free (report);
}

/* Helpers */

typedef struct
{
  int index[VIGIL_FLAG_N_COLUMNS];  /* position in the file, -1 when absent */
  guint n_header;
} Columns;

typedef struct
{
  gint64 id;
  char *ref;          /* the reference to show: the kept person's, else the file's */
  gboolean created;   /* by this import */
} Person;

static void
person_free (Person *person)
{
  g_free (person->ref);
  g_free (person);
}

typedef struct
{
  /* Set before the transaction */
  VigilStore *store;
  VigilCsvReader *reader;
  Columns columns;
  char *sha256;
  char *file_name;
  char *today;                 /* "YYYY-MM-DD", local */
  gboolean follow_merges;      /* the person table has merged_into */
  char **agency_labels;        /* folded labels of vigil_flag_agency_choices */
  char *agency_codes;          /* "health, mental_health, …" for messages */
  VigilImportProgressFunc progress;
  gpointer user_data;
  GCancellable *cancellable;

  /* During the transaction */
  VigilImportBatch *batch;
  GHashTable *by_ref;          /* file reference → Person (borrowed from flagged or owned) */
  GHashTable *flagged;         /* person id (gint64 *) → Person: people flagged by the file */
  VigilFlagImportReport *report;
  GError *failure;             /* why the transaction was abandoned, in its own domain */
} Import;

static void
import_clear (Import *import)
{
  g_clear_pointer (&import->sha256, g_free);
  g_clear_pointer (&import->file_name, g_free);
  g_clear_pointer (&import->today, g_free);
  g_clear_pointer (&import->agency_labels, g_strfreev);
  g_clear_pointer (&import->agency_codes, g_free);
  g_clear_pointer (&import->batch, vigil_import_batch_free);
  g_clear_pointer (&import->by_ref, g_hash_table_unref);
  g_clear_pointer (&import->flagged, g_hash_table_unref);
  g_clear_error (&import->failure);
}

/* The row as read, with any byte that is not UTF-8 written as \xHH, so the text can be
 * stored and shown while every byte is kept. */
static char *
dup_raw_text (const char *raw,
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

/* A label folded for comparison: case-folded, with a typographic apostrophe written
 * as a plain one ("Children’s social care" = "children's social care"). */
static char *
fold_label (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text, -1);
  GString *out = g_string_sized_new (strlen (folded));

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x2019 || c == 0x2018)
        g_string_append_c (out, '\'');
      else
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

/* The agency code that @text names (a code, or its label, in any case), or NULL. */
static const char *
resolve_agency (Import     *import,
                const char *text)
{
  g_autofree char *folded = NULL;

  for (guint i = 0; vigil_flag_agency_choices[i] != NULL; i++)
    if (g_ascii_strcasecmp (vigil_flag_agency_choices[i], text) == 0)
      return vigil_flag_agency_choices[i];

  folded = fold_label (text);
  for (guint i = 0; vigil_flag_agency_choices[i] != NULL; i++)
    if (g_str_equal (import->agency_labels[i], folded))
      return vigil_flag_agency_choices[i];

  return NULL;
}

/* "Surname, Forenames" → surname and forenames (trimmed; forenames NULL when none) */
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

/* An ISO date from 1900 on, and not after today. */
static gboolean
is_past_date (Import     *import,
              const char *text,
              gboolean   *future)
{
  *future = FALSE;
  if (!vigil_date_is_valid (text) || strcmp (text, "1900-01-01") < 0)
    return FALSE;
  *future = strcmp (text, import->today) > 0;
  return !*future;
}

/* The value of @column in @record, trimmed ("" when the file has no such column). */
static const char *
column_value (Import         *import,
              VigilCsvRecord *record,
              VigilFlagColumn column)
{
  int index = import->columns.index[column];

  if (index < 0 || (guint) index >= record->n_fields)
    return "";

  /* the fields live in the reader's buffer until the next row: trim them there */
  return g_strstrip ((char *) record->fields[index]);
}

/* Store queries */

static gboolean
query_int64 (VigilStore   *store,
             const char   *sql,
             const GValue *params,
             guint         n_params,
             gboolean     *found,
             gint64       *value,
             GError      **error)
{
  static const GType types[] = { G_TYPE_INT64, G_TYPE_NONE };
  g_autoptr(GdaDataModel) model = vigil_store_query (store, sql, params, n_params, types, error);
  const GValue *cell;

  if (model == NULL)
    return FALSE;

  *found = gda_data_model_get_n_rows (model) > 0;
  *value = 0;
  if (!*found)
    return TRUE;

  cell = gda_data_model_get_value_at (model, 0, 0, error);
  if (cell == NULL)
    return FALSE;
  if (G_VALUE_HOLDS_INT64 (cell))
    *value = g_value_get_int64 (cell);
  else if (G_VALUE_HOLDS_INT (cell))
    *value = g_value_get_int (cell);
  else
    *found = FALSE;  /* SQL NULL */
  return TRUE;
}

static gboolean
find_previous_import (VigilStore  *store,
                      const char  *sha256,
                      gint64      *out_batch,
                      GError     **error)
{
  GValue param = G_VALUE_INIT;
  gboolean found = FALSE;
  gboolean ok;

  g_value_init (&param, G_TYPE_STRING);
  g_value_set_string (&param, sha256);
  ok = query_int64 (store,
                    "SELECT id FROM import_batch WHERE sha256 = ##p0::string "
                    "AND kind = 'agency_flags' AND status = 'complete' ORDER BY id LIMIT 1",
                    &param, 1, &found, out_batch, error);
  g_value_unset (&param);
  if (ok && !found)
    *out_batch = 0;
  return ok;
}

/* Whether the store records merges of people (person.merged_into). Asked before the
 * transaction: on PostgreSQL a failed statement would spoil the transaction. */
static gboolean
store_has_merges (VigilStore  *store,
                  gboolean    *has_merges,
                  GError     **error)
{
  gboolean found = FALSE;
  gint64 n = 0;
  const char *sql = vigil_store_get_engine (store) == VIGIL_ENGINE_SQLITE
                      ? "SELECT COUNT(*) FROM pragma_table_info('person') WHERE name = 'merged_into'"
                      : "SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = current_schema() "
                        "AND table_name = 'person' AND column_name = 'merged_into'";

  if (!query_int64 (store, sql, NULL, 0, &found, &n, error))
    return FALSE;
  *has_merges = found && n > 0;
  return TRUE;
}

/* The person with local reference @ref, followed through merges to the person kept:
 * its id (0 when unknown) and its own reference. */
static gboolean
find_person (Import      *import,
             const char  *ref,
             gint64      *out_id,
             char       **out_ref,
             GError     **error)
{
  static const GType types[] = { G_TYPE_INT64, G_TYPE_STRING, G_TYPE_INT64, G_TYPE_NONE };
  static const GType types_no_merges[] = { G_TYPE_INT64, G_TYPE_STRING, G_TYPE_NONE };
  GValue param = G_VALUE_INIT;
  gint64 id = 0;
  g_autofree char *kept_ref = NULL;

  *out_id = 0;
  *out_ref = NULL;

  g_value_init (&param, G_TYPE_STRING);
  g_value_set_string (&param, ref);

  for (guint hop = 0; hop <= MAX_MERGE_HOPS; hop++)
    {
      g_autoptr(GdaDataModel) model = NULL;
      const GValue *cell;
      gint64 next = 0;

      if (hop == 0)
        model = import->follow_merges
                  ? vigil_store_query (import->store,
                                       "SELECT id, local_ref, merged_into FROM person WHERE local_ref = ##p0::string",
                                       &param, 1, types, error)
                  : vigil_store_query (import->store,
                                       "SELECT id, local_ref FROM person WHERE local_ref = ##p0::string",
                                       &param, 1, types_no_merges, error);
      else
        {
          GValue id_param = G_VALUE_INIT;

          g_value_init (&id_param, G_TYPE_INT64);
          g_value_set_int64 (&id_param, id);
          model = vigil_store_query (import->store,
                                     "SELECT id, local_ref, merged_into FROM person WHERE id = ##p0::gint64",
                                     &id_param, 1, types, error);
        }

      if (model == NULL)
        {
          g_value_unset (&param);
          return FALSE;
        }
      if (gda_data_model_get_n_rows (model) == 0)
        break;  /* unknown, or a merge into a person removed since: keep the last found */

      cell = gda_data_model_get_value_at (model, 0, 0, NULL);
      id = G_VALUE_HOLDS_INT64 (cell) ? g_value_get_int64 (cell) : g_value_get_int (cell);
      cell = gda_data_model_get_value_at (model, 1, 0, NULL);
      g_free (kept_ref);
      kept_ref = cell != NULL && G_VALUE_HOLDS_STRING (cell) ? g_value_dup_string (cell) : NULL;
      cell = import->follow_merges ? gda_data_model_get_value_at (model, 2, 0, NULL) : NULL;
      if (cell != NULL && G_VALUE_HOLDS_INT64 (cell))
        next = g_value_get_int64 (cell);
      else if (cell != NULL && G_VALUE_HOLDS_INT (cell))
        next = g_value_get_int (cell);

      *out_id = id;
      if (next == 0 || next == id)
        break;
      id = next;
    }
  g_value_unset (&param);

  if (*out_id != 0)
    *out_ref = g_strdup (kept_ref != NULL ? kept_ref : ref);
  return TRUE;
}

static gboolean
flag_exists (Import      *import,
             gint64       person_id,
             const char  *agency,
             const char  *concern,
             const char  *reported_on,
             gboolean    *exists,
             GError     **error)
{
  GValue params[4] = { G_VALUE_INIT, G_VALUE_INIT, G_VALUE_INIT, G_VALUE_INIT };
  gint64 n = 0;
  gboolean found = FALSE;
  gboolean ok;

  g_value_init (&params[0], G_TYPE_INT64);
  g_value_set_int64 (&params[0], person_id);
  g_value_init (&params[1], G_TYPE_STRING);
  g_value_set_string (&params[1], agency);
  g_value_init (&params[2], G_TYPE_STRING);
  g_value_set_string (&params[2], concern);
  g_value_init (&params[3], G_TYPE_STRING);
  g_value_set_string (&params[3], reported_on);
  ok = query_int64 (import->store,
                    "SELECT COUNT(*) FROM agency_flag WHERE person_id = ##p0::gint64 "
                    "AND agency = ##p1::string AND concern = ##p2::string "
                    "AND COALESCE(reported_on, '') = ##p3::string",
                    params, 4, &found, &n, error);
  for (guint i = 0; i < G_N_ELEMENTS (params); i++)
    g_value_unset (&params[i]);

  *exists = found && n > 0;
  return ok;
}

static gboolean
has_incident (Import    *import,
              gint64     person_id,
              gboolean  *has,
              GError   **error)
{
  GValue param = G_VALUE_INIT;
  gboolean found = FALSE;
  gint64 n = 0;
  gboolean ok;

  g_value_init (&param, G_TYPE_INT64);
  g_value_set_int64 (&param, person_id);
  ok = query_int64 (import->store,
                    "SELECT COUNT(*) FROM incident WHERE perpetrator_id = ##p0::gint64",
                    &param, 1, &found, &n, error);
  g_value_unset (&param);
  *has = found && n > 0;
  return ok;
}

/* Rows */

static gboolean
reject (Import          *import,
        VigilCsvRecord  *record,
        const char      *field,
        const char      *reason,
        GError         **error)
{
  g_autoptr(VigilImportRejection) rejection = vigil_import_rejection_new ();
  VigilImportProblem *problem = g_new0 (VigilImportProblem, 1);

  problem->line = record->line;
  problem->field = g_strdup (field);
  problem->reason = g_strdup (reason);
  problem->raw_text = dup_raw_text (record->raw, record->raw_length);
  g_ptr_array_add (import->report->rejections, problem);
  import->report->rows_rejected++;

  rejection->batch_id = import->batch->record.id;
  rejection->line_number = (gint64) record->line;
  rejection->field = g_strdup (field);
  rejection->reason = g_strdup (reason);
  rejection->raw_text = g_strdup (problem->raw_text);
  return vigil_store_insert (import->store, &vigil_import_rejection_type, rejection, error);
}

/* In the demo store every name must be synthetic: real and demo data never mix. */
static gboolean
check_demo_row (Import          *import,
                VigilCsvRecord  *record,
                GError         **error)
{
  g_autofree char *surname = NULL;
  g_autofree char *forenames = NULL;
  const char *name;

  if (vigil_store_get_kind (import->store) != VIGIL_STORE_KIND_DEMO ||
      record->n_fields != import->columns.n_header)
    return TRUE;

  name = column_value (import, record, VIGIL_FLAG_COLUMN_PERSON_NAME);
  if (*name == '\0')
    return TRUE;

  split_name (name, &surname, &forenames);
  if (vigil_synth_name_is_synthetic (surname, forenames))
    return TRUE;

  g_set_error (error, VIGIL_IMPORT_ERROR, VIGIL_IMPORT_ERROR_DEMO,
               _("This is the demo store, and line %" PRIu64 " holds a name that is not "
                 "synthetic. Real and demo data never mix: import into a real store. "
                 "Nothing was imported."),
               (guint64) record->line);
  return FALSE;
}

/* The person a good row flags: matched by reference (cached per file) or created;
 * NULL (and TRUE) when the person is new and the row gives no surname. */
static gboolean
resolve_person (Import      *import,
                const char  *ref,
                const char  *surname,
                const char  *forenames,
                const char  *dob,
                const char  *pnc,
                Person     **out_person,
                GError     **error)
{
  g_autoptr(VigilPerson) created = NULL;
  g_autofree char *kept_ref = NULL;
  Person *person = g_hash_table_lookup (import->by_ref, ref);
  gint64 id = 0;

  if (person != NULL)
    {
      *out_person = person;
      return TRUE;
    }

  if (!find_person (import, ref, &id, &kept_ref, error))
    return FALSE;

  /* The same person under two references (a merge) is one person. */
  if (id != 0)
    person = g_hash_table_lookup (import->flagged, &id);

  if (person == NULL)
    {
      if (id == 0 && *surname == '\0')
        {
          *out_person = NULL;
          return TRUE;
        }

      person = g_new0 (Person, 1);
      if (id != 0)
        {
          person->id = id;
          person->ref = g_steal_pointer (&kept_ref);
        }
      else
        {
          created = vigil_person_new ();
          created->surname = g_strdup (surname);
          created->forenames = g_strdup (forenames);
          created->dob = *dob ? g_strdup (dob) : NULL;
          created->pnc_id = *pnc ? g_strdup (pnc) : NULL;
          created->local_ref = g_strdup (ref);
          if (!vigil_store_insert (import->store, &vigil_person_type, created, error))
            {
              g_free (person);
              return FALSE;
            }
          person->id = created->record.id;
          person->ref = g_strdup (ref);
          person->created = TRUE;
          import->report->people_created++;
        }
      g_hash_table_insert (import->flagged, g_memdup2 (&person->id, sizeof person->id), person);
    }

  g_hash_table_insert (import->by_ref, g_strdup (ref), person);
  *out_person = person;
  return TRUE;
}

/* Validates one well-formed row and adds its flag; a bad row is rejected and kept. */
static gboolean
import_row (Import          *import,
            VigilCsvRecord  *record,
            GError         **error)
{
  g_autoptr(VigilAgencyFlag) flag = NULL;
  g_autofree char *surname = NULL;
  g_autofree char *forenames = NULL;
  const char *ref, *name, *dob, *pnc, *agency_text, *agency, *concern, *reported_on;
  const char *reported_by, *isa_reference;
  gboolean future = FALSE;
  gboolean exists = FALSE;
  Person *person = NULL;

#define V(col) column_value (import, record, VIGIL_FLAG_COLUMN_##col)
  ref = V (PERSON_REF);
  name = V (PERSON_NAME);
  dob = V (PERSON_DOB);
  pnc = V (PERSON_PNC);
  agency_text = V (AGENCY);
  concern = V (CONCERN);
  reported_on = V (REPORTED_ON);
  reported_by = V (REPORTED_BY);
  isa_reference = V (ISA_REFERENCE);
#undef V

  if (record->n_fields != import->columns.n_header)
    {
      g_autofree char *reason = g_strdup_printf (_("the row has %u fields; the header has %u"),
                                                 record->n_fields, import->columns.n_header);
      return reject (import, record, NULL, reason, error);
    }

  if (*ref == '\0')
    return reject (import, record, "person_ref", _("the person’s reference is missing"), error);

  if (*agency_text == '\0')
    return reject (import, record, "agency", _("the agency is missing"), error);
  agency = resolve_agency (import, agency_text);
  if (agency == NULL)
    {
      g_autofree char *reason = NULL;

      /* Translators: the first %s is the file's text, the second a list of codes */
      reason = g_strdup_printf (_("unknown agency “%s” (expected one of %s, or its name)"),
                                agency_text, import->agency_codes);
      return reject (import, record, "agency", reason, error);
    }

  if (*concern == '\0')
    return reject (import, record, "concern", _("the concern is missing: say what the agency is worried about"),
                   error);

  if (*reported_on != '\0' && !is_past_date (import, reported_on, &future))
    return reject (import, record, "reported_on",
                   future ? _("the date is in the future") : _("not a date: write it as YYYY-MM-DD"),
                   error);

  if (*dob != '\0' && !is_past_date (import, dob, &future))
    return reject (import, record, "person_dob",
                   future ? _("the date of birth is in the future")
                          : _("not a date of birth: write it as YYYY-MM-DD"),
                   error);

  /* A new person needs a name; a known one keeps the name the store has. */
  split_name (name, &surname, &forenames);
  if (!resolve_person (import, ref, surname, forenames, dob, pnc, &person, error))
    return FALSE;
  if (person == NULL)
    return reject (import, record, "person_name",
                   *name == '\0' ? _("a person new to the store needs a name")
                                 : _("the name has no surname (write “Surname, Forenames”)"),
                   error);

  if (!flag_exists (import, person->id, agency, concern, reported_on, &exists, error))
    return FALSE;
  if (exists)
    {
      import->report->rows_duplicate++;
      return TRUE;
    }

  flag = vigil_agency_flag_new ();
  flag->person_id = person->id;
  flag->agency = g_strdup (agency);
  flag->concern = g_strdup (concern);
  flag->reported_on = *reported_on ? g_strdup (reported_on) : NULL;
  flag->reported_by = *reported_by ? g_strdup (reported_by) : NULL;
  flag->isa_reference = *isa_reference ? g_strdup (isa_reference) : NULL;
  flag->batch_id = import->batch->record.id;
  if (!vigil_store_insert (import->store, &vigil_agency_flag_type, flag, error))
    return FALSE;

  import->report->rows_imported++;
  return TRUE;
}

static int
compare_refs (gconstpointer a,
              gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/* The people flagged who have no incident as a perpetrator, by reference. */
static gboolean
list_no_incident_people (Import  *import,
                         GError **error)
{
  g_autoptr(GPtrArray) refs = g_ptr_array_new ();
  GHashTableIter iter;
  Person *person;

  g_hash_table_iter_init (&iter, import->flagged);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &person))
    {
      gboolean has = FALSE;

      if (!person->created)
        {
          import->report->people_matched++;
          if (!has_incident (import, person->id, &has, error))
            return FALSE;
        }
      if (!has)
        g_ptr_array_add (refs, g_strdup (person->ref));
    }

  g_ptr_array_sort (refs, compare_refs);
  g_ptr_array_add (refs, NULL);
  import->report->no_incident_refs = (GStrv) g_ptr_array_free (g_steal_pointer (&refs), FALSE);
  return TRUE;
}

static gboolean
import_rows (Import  *import,
             GError **error)
{
  VigilFlagImportReport *report = import->report;
  g_autofree char *started = vigil_store_now ();
  g_autofree char *finished = NULL;
  g_autofree char *detail = NULL;
  VigilCsvRecord record;
  VigilCsvStatus status;

  import->batch = vigil_import_batch_new ();
  import->batch->file_name = g_strdup (import->file_name);
  import->batch->sha256 = g_strdup (import->sha256);
  import->batch->kind = g_strdup ("agency_flags");
  import->batch->status = g_strdup ("running");
  import->batch->imported_by = g_strdup (vigil_store_get_actor (import->store));
  import->batch->started_at = g_strdup (started);
  if (!vigil_store_insert (import->store, &vigil_import_batch_type, import->batch, error))
    return FALSE;
  report->batch_id = import->batch->record.id;

  while ((status = vigil_csv_reader_next (import->reader, &record)) != VIGIL_CSV_END)
    {
      report->rows_total++;

      if (status == VIGIL_CSV_BAD)
        {
          if (!reject (import, &record, NULL, record.problem, error))
            return FALSE;
        }
      else if (!check_demo_row (import, &record, error) || !import_row (import, &record, error))
        return FALSE;

      if (g_cancellable_set_error_if_cancelled (import->cancellable, error))
        return FALSE;
      if (import->progress != NULL && report->rows_total % PROGRESS_EVERY == 0)
        {
          import->progress ((double) vigil_csv_reader_get_offset (import->reader) /
                              MAX (1, vigil_csv_reader_get_length (import->reader)),
                            report->rows_total, import->user_data);
          if (g_cancellable_set_error_if_cancelled (import->cancellable, error))
            return FALSE;
        }
    }

  if (!list_no_incident_people (import, error))
    return FALSE;

  finished = vigil_store_now ();
  g_free (import->batch->status);
  import->batch->status = g_strdup ("complete");
  import->batch->rows_total = (gint64) report->rows_total;
  import->batch->rows_imported = (gint64) report->rows_imported;
  import->batch->rows_rejected = (gint64) report->rows_rejected;
  import->batch->rows_duplicate = (gint64) report->rows_duplicate;
  import->batch->finished_at = g_strdup (finished);
  if (!vigil_store_update (import->store, &vigil_import_batch_type, import->batch, error))
    return FALSE;

  detail = g_strdup_printf ("{\"kind\":\"agency_flags\",\"rows\":%" G_GUINT64_FORMAT ",\"imported\":%" G_GUINT64_FORMAT
                            ",\"rejected\":%" G_GUINT64_FORMAT ",\"duplicates\":%" G_GUINT64_FORMAT
                            ",\"people_created\":%" G_GUINT64_FORMAT "}",
                            report->rows_total, report->rows_imported, report->rows_rejected,
                            report->rows_duplicate, report->people_created);
  if (!vigil_audit_append (import->store, "import", "import_batch", report->batch_id, 0, detail, error))
    return FALSE;

  /* New people's references are facts the scoring cache depends on. */
  if (report->people_created > 0 && !vigil_store_touch_facts (import->store, error))
    return FALSE;

  return TRUE;
}

static gboolean
import_cb (VigilStore  *store,
           gpointer     user_data,
           GError     **error)
{
  Import *import = user_data;

  if (import_rows (import, &import->failure))
    return TRUE;

  /* The store wraps what it is given; the caller gets import->failure itself. */
  g_set_error_literal (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_FAILED, import->failure->message);
  return FALSE;
}

static gboolean
read_header (Import  *import,
             GError **error)
{
  VigilCsvRecord record;
  VigilCsvStatus status = vigil_csv_reader_next (import->reader, &record);

  for (guint i = 0; i < VIGIL_FLAG_N_COLUMNS; i++)
    import->columns.index[i] = -1;

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

  import->columns.n_header = record.n_fields;
  for (guint f = 0; f < record.n_fields; f++)
    {
      g_autofree char *name = g_strstrip (g_strdup (record.fields[f]));

      for (guint c = 0; c < VIGIL_FLAG_N_COLUMNS; c++)
        if (import->columns.index[c] < 0 && g_str_equal (name, column_names[c]))
          import->columns.index[c] = (int) f;
    }

  for (guint c = 0; c < VIGIL_FLAG_N_COLUMNS; c++)
    if (column_required[c] && import->columns.index[c] < 0)
      {
        g_set_error (error, VIGIL_IMPORT_ERROR, VIGIL_IMPORT_ERROR_HEADER,
                     _("The file has no “%s” column. A file of partner-agency information "
                       "has a header row naming its columns: person_ref, person_name, "
                       "person_dob, person_pnc, agency, concern, reported_on, reported_by, "
                       "isa_reference."),
                     column_names[c]);
        return FALSE;
      }

  return TRUE;
}

static void
prepare_agencies (Import *import)
{
  guint n = g_strv_length ((char **) vigil_flag_agency_choices);

  import->agency_labels = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    import->agency_labels[i] = fold_label (vigil_choice_get_label (vigil_flag_agency_choices,
                                                                  vigil_flag_agency_choices[i]));
  import->agency_codes = g_strjoinv (", ", (char **) vigil_flag_agency_choices);
}

/**
 * vigil_import_agency_flags:
 * @store: the store
 * @path: the CSV file (the partner-agency format of the README)
 * @progress: (nullable): called every few rows from the importing thread
 * @cancellable: (nullable): cancels the import; nothing is kept
 *
 * Returns: (transfer full) (nullable): the report, or NULL with @error set
 */
VigilFlagImportReport *
vigil_import_agency_flags (VigilStore               *store,
                           const char               *path,
                           VigilImportProgressFunc   progress,
                           gpointer                  user_data,
                           GCancellable             *cancellable,
                           GError                  **error)
{
  g_autoptr(VigilCsvReader) reader = NULL;
  g_autoptr(VigilFlagImportReport) report = g_new0 (VigilFlagImportReport, 1);
  g_autoptr(GDateTime) now_local = g_date_time_new_now_local ();
  g_autoptr(GError) local_error = NULL;
  gint64 started = g_get_monotonic_time ();
  gint64 previous = 0;
  Import import = { 0 };

  g_return_val_if_fail (VIGIL_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  report->rejections = g_ptr_array_new_with_free_func ((GDestroyNotify) problem_free);

  reader = vigil_csv_reader_new_for_path (path, error);
  if (reader == NULL)
    return NULL;

  import.store = store;
  import.reader = reader;
  import.report = report;
  import.progress = progress;
  import.user_data = user_data;
  import.cancellable = cancellable;

  if (!read_header (&import, error))
    {
      import_clear (&import);
      return NULL;
    }

  import.sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                               (const guchar *) vigil_csv_reader_get_data (reader),
                                               vigil_csv_reader_get_length (reader));
  if (!find_previous_import (store, import.sha256, &previous, error))
    {
      import_clear (&import);
      return NULL;
    }
  if (previous != 0)
    {
      import_clear (&import);
      report->already_imported = TRUE;
      report->batch_id = previous;
      report->no_incident_refs = g_new0 (char *, 1);
      report->seconds = (g_get_monotonic_time () - started) / 1e6;
      return g_steal_pointer (&report);
    }

  if (!store_has_merges (store, &import.follow_merges, error))
    {
      import_clear (&import);
      return NULL;
    }

  import.file_name = g_path_get_basename (path);
  import.today = g_date_time_format (now_local, "%Y-%m-%d");
  prepare_agencies (&import);
  import.by_ref = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  import.flagged = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) person_free);

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      import_clear (&import);
      return NULL;
    }

  if (!vigil_store_run_in_transaction (store, import_cb, &import, &local_error))
    {
      g_propagate_error (error, import.failure != NULL ? g_steal_pointer (&import.failure)
                                                       : g_steal_pointer (&local_error));
      import_clear (&import);
      return NULL;
    }

  import_clear (&import);
  if (progress != NULL)
    progress (1.0, report->rows_total, user_data);

  report->seconds = (g_get_monotonic_time () - started) / 1e6;
  return g_steal_pointer (&report);
}

/* Off the main thread */

static gpointer
import_flags_thread (VigilStore     *store,
                     gpointer        task_data,
                     VigilProgress  *progress,
                     GCancellable   *task_cancellable,
                     GError        **error)
{
  VigilImportCall *call = task_data;

  vigil_import_call_start (call, progress);
  if (g_cancellable_set_error_if_cancelled (call->cancellable, error))
    return NULL;

  return vigil_import_agency_flags (store, call->path, vigil_import_call_progress_cb, call,
                                    call->cancellable, error);
}

void
vigil_import_agency_flags_async (VigilStore          *store,
                                 const char          *path,
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
  vigil_store_call_with_progress_async (store, vigil_import_agency_flags_async, import_flags_thread,
                                        vigil_import_call_new (path, NULL, flags, cancellable),
                                        (GDestroyNotify) vigil_import_call_free,
                                        (GDestroyNotify) vigil_flag_import_report_free,
                                        progress_func, progress_data, progress_destroy,
                                        NULL, callback, user_data);
}

VigilFlagImportReport *
vigil_import_agency_flags_finish (VigilStore    *store,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return vigil_store_call_finish (store, result, vigil_import_agency_flags_async, error);
}
