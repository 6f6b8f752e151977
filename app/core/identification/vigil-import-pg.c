/* vigil-import-pg.c: importing incidents into a PostgreSQL store
 *
 * The same rows as the SQLite path are accepted and rejected (vigil_import_check_row),
 * the same people created and the same possible duplicates found, but the writing is
 * set-based: on a libpq connection of its own, in ONE transaction, the good rows are
 * streamed with COPY into a temporary staging table while the file is read, the new
 * people (decided in memory, in file order, exactly as the SQLite path decides them)
 * and their possible duplicates follow with COPY, and then a few INSERT … SELECT … ON
 * CONFLICT DO NOTHING statements move everything into the store (a large batch without
 * the secondary indexes and foreign keys, made again at the end: set_aside_indexes). A
 * transaction-level advisory lock makes concurrent imports take turns, so two of them
 * never create the same person. A killed process leaves the store as it was: the server
 * rolls the open transaction back when the connection goes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-import"

#include "config.h"

#include "vigil-store-native.h"

#include <string.h>

#include <glib/gi18n.h>
#include <libpq-fe.h>

#include "vigil-audit.h"
#include "vigil-import-private.h"
#include "vigil-record.h"

/* pg_advisory_xact_lock (IMPORT_LOCK_CLASS, IMPORT_LOCK_ID): held by an import until
 * its transaction ends ("Vigi", 1). */
#define IMPORT_LOCK_CLASS 0x56696769
#define IMPORT_LOCK_ID 1

/* COPY data is sent in pieces of about this size. */
#define COPY_CHUNK (256 * 1024)

/* Share of the progress bar for reading the file; the rest is the server's work. */
#define READ_SHARE 0.7

typedef struct
{
  PGconn *conn;
  PGcancel *cancel;
  GCancellable *cancellable;
  gulong cancelled_id;

  VigilImportReport *report;
  char *now;
  const char *actor;
  char batch_id[32];
  gboolean has_merged_into;
  GPtrArray *rebuild;         /* bulk: statements that make again what was set aside */

  GStringChunk *strings;      /* refs and name keys */
  GHashTable *known_refs;     /* local_ref of everyone in the store and new in the batch */
  GHashTable *by_name_dob;    /* normalised name + "|" + dob → person (see below) */
  GHashTable *by_pnc;         /* pnc → person */
  GPtrArray *new_refs;        /* the batch's new people, in the order they are created */
  GHashTable *unmapped;       /* code → VigilImportUnmapped */
  guint64 good_rows;

  GString *rows;              /* COPY text of good rows, sent while reading */
  GString *people;            /* COPY text of the new people */
  GString *duplicates;        /* COPY text of their possible duplicates */
  GString *rejections;        /* COPY text of the rejected rows */
} PgImport;

/* A person in by_name_dob and by_pnc: a store id (> 0), or -(n + 1) for the batch's
 * n-th new person, whose id the server assigns later. */
#define NEW_PERSON(n) (-(gintptr) (n) - 1)
#define NEW_PERSON_INDEX(p) ((guint) (-(p) - 1))

/* Errors */

static gboolean
fail_pg (PgImport    *import,
         GError     **error,
         const char  *what)
{
  g_autofree char *message = NULL;

  /* a statement stopped by cancelling reports the cancellation, not the server's words */
  if (g_cancellable_set_error_if_cancelled (import->cancellable, error))
    return FALSE;

  message = g_strstrip (g_strdup (import->conn != NULL ? PQerrorMessage (import->conn) : ""));
  g_set_error (error, VIGIL_IMPORT_ERROR, VIGIL_IMPORT_ERROR_FAILED, "%s: %s", what, message);
  return FALSE;
}

static void
cancelled_cb (GCancellable *cancellable,
              gpointer      user_data)
{
  PGcancel *cancel = user_data;
  char message[256];

  /* asks the server to stop the running statement; thread-safe by design */
  PQcancel (cancel, message, sizeof message);
}

/* Statements */

static gboolean
exec_pg (PgImport    *import,
         const char  *sql,
         GError     **error)
{
  PGresult *result = PQexec (import->conn, sql);
  ExecStatusType status = PQresultStatus (result);

  PQclear (result);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    return fail_pg (import, error, _("The import could not write to the store"));
  return TRUE;
}

/* Runs @sql with text parameters; returns the result (rows or a command's count) or NULL. */
static PGresult *
exec_params (PgImport           *import,
             const char         *sql,
             int                 n_params,
             const char * const *params,
             const char         *what,
             GError            **error)
{
  PGresult *result = PQexecParams (import->conn, sql, n_params, NULL, params, NULL, NULL, 0);
  ExecStatusType status = PQresultStatus (result);

  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
    {
      PQclear (result);
      fail_pg (import, error, what);
      return NULL;
    }
  return result;
}

/* Runs @sql and gives the number of rows it inserted or changed. */
static gboolean
exec_count (PgImport           *import,
            const char         *sql,
            int                 n_params,
            const char * const *params,
            const char         *what,
            guint64            *out_count,
            GError            **error)
{
  PGresult *result = exec_params (import, sql, n_params, params, what, error);

  if (result == NULL)
    return FALSE;
  if (out_count != NULL)
    *out_count = g_ascii_strtoull (PQcmdTuples (result), NULL, 10);
  PQclear (result);
  return TRUE;
}

/* COPY text format */

/* Appends @text as one COPY field: NULL (and, when @empty_is_null, "") as \N. */
static void
append_field (GString    *out,
              const char *text,
              gboolean    empty_is_null)
{
  const char *p = text;

  if (text == NULL || (empty_is_null && *text == '\0'))
    {
      g_string_append (out, "\\N");
      return;
    }

  while (*p != '\0')
    {
      gsize plain = strcspn (p, "\\\t\n\r");

      g_string_append_len (out, p, plain);
      p += plain;
      switch (*p)
        {
        case '\\': g_string_append (out, "\\\\"); break;
        case '\t': g_string_append (out, "\\t"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        default: continue;  /* the end */
        }
      p++;
    }
}

static void
end_field (GString *out)
{
  g_string_append_c (out, '\t');
}

static void
end_row (GString *out)
{
  /* the last field's tab becomes the line end */
  out->str[out->len - 1] = '\n';
}

static gboolean
start_copy (PgImport    *import,
            const char  *sql,
            GError     **error)
{
  PGresult *result = PQexec (import->conn, sql);
  gboolean ok = PQresultStatus (result) == PGRES_COPY_IN;

  PQclear (result);
  if (!ok)
    return fail_pg (import, error, _("The import could not write to the store"));
  return TRUE;
}

static gboolean
put_copy (PgImport  *import,
          GString   *data,
          GError   **error)
{
  if (data->len > 0 && PQputCopyData (import->conn, data->str, (int) data->len) != 1)
    return fail_pg (import, error, _("The import could not write to the store"));
  g_string_truncate (data, 0);
  return TRUE;
}

/* Ends a COPY, or aborts it with @abort_message. */
static gboolean
end_copy (PgImport    *import,
          const char  *abort_message,
          GError     **error)
{
  PGresult *result;
  gboolean ok = PQputCopyEnd (import->conn, abort_message) == 1;

  while ((result = PQgetResult (import->conn)) != NULL)
    {
      if (PQresultStatus (result) != PGRES_COMMAND_OK)
        ok = FALSE;
      PQclear (result);
    }
  if (!ok && abort_message == NULL)
    return fail_pg (import, error, _("The import could not write to the store"));
  return ok;
}

/* Sends @data with "COPY …" @sql in one go. */
static gboolean
copy_all (PgImport    *import,
          const char  *sql,
          GString     *data,
          GError     **error)
{
  if (data->len == 0)
    return TRUE;
  if (!start_copy (import, sql, error))
    return FALSE;
  if (!put_copy (import, data, error))
    {
      end_copy (import, "failed", NULL);
      return FALSE;
    }
  return end_copy (import, NULL, error);
}

/* Splits one row of COPY TO text output in place: PostgreSQL escapes only backslash,
 * \b \f \n \r \t \v in it, and writes NULL as \N. */
static guint
split_copy_row (char   *row,
                int     length,
                char  **fields,
                guint   max_fields)
{
  char *end = row + length;
  guint n = 0;

  if (length > 0 && end[-1] == '\n')
    end--;

  while (n < max_fields)
    {
      char *start = row, *out = row;
      gboolean null = row + 2 <= end && row[0] == '\\' && row[1] == 'N' && (row + 2 == end || row[2] == '\t');

      while (row < end && *row != '\t')
        {
          if (*row == '\\' && row + 1 < end)
            {
              switch (row[1])
                {
                case 'b': *out++ = '\b'; break;
                case 'f': *out++ = '\f'; break;
                case 'n': *out++ = '\n'; break;
                case 'r': *out++ = '\r'; break;
                case 't': *out++ = '\t'; break;
                case 'v': *out++ = '\v'; break;
                default: *out++ = row[1]; break;
                }
              row += 2;
            }
          else
            *out++ = *row++;
        }
      fields[n++] = null ? NULL : start;
      if (row >= end)
        {
          *out = '\0';
          break;
        }
      *out = '\0';
      row++;
    }
  return n;
}

/* People */

static char *
name_dob_key (const char *surname,
              const char *forenames,
              const char *dob)
{
  g_autofree char *name = vigil_import_normalise_name (surname, forenames);

  return g_strconcat (name, "|", dob ? dob : "", NULL);
}

static void
remember_name (PgImport   *import,
               const char *surname,
               const char *forenames,
               const char *dob,
               gintptr     person)
{
  g_autofree char *key = name_dob_key (surname, forenames, dob);

  g_hash_table_insert (import->by_name_dob, g_string_chunk_insert_const (import->strings, key),
                       (gpointer) person);
}

/* Everyone in the store, as the SQLite path reads them: a merged person's reference,
 * name and PNC ID lead to the person kept, and later ids win a shared name or PNC ID. */
static gboolean
load_people (PgImport  *import,
             GError   **error)
{
  PGresult *result = PQexec (import->conn,
                             import->has_merged_into
                               ? "COPY (SELECT COALESCE (merged_into, id), local_ref, surname, forenames, dob, "
                                 "pnc_id FROM person ORDER BY id) TO STDOUT"
                               : "COPY (SELECT id, local_ref, surname, forenames, dob, pnc_id FROM person "
                                 "ORDER BY id) TO STDOUT");
  gboolean ok = PQresultStatus (result) == PGRES_COPY_OUT;
  char *buffer;
  int length;

  PQclear (result);
  if (!ok)
    return fail_pg (import, error, _("The import could not read the people in the store"));

  while ((length = PQgetCopyData (import->conn, &buffer, 0)) > 0)
    {
      char *fields[6];

      if (split_copy_row (buffer, length, fields, G_N_ELEMENTS (fields)) == G_N_ELEMENTS (fields) &&
          fields[0] != NULL)
        {
          gintptr id = (gintptr) g_ascii_strtoll (fields[0], NULL, 10);

          if (fields[1] != NULL)
            g_hash_table_add (import->known_refs, g_string_chunk_insert_const (import->strings, fields[1]));
          if (fields[5] != NULL && *fields[5] != '\0')
            g_hash_table_insert (import->by_pnc, g_string_chunk_insert_const (import->strings, fields[5]),
                                 (gpointer) id);
          /* only a date of birth is ever matched */
          if (fields[4] != NULL && *fields[4] != '\0')
            remember_name (import, fields[2], fields[3], fields[4], id);
        }
      PQfreemem (buffer);
    }

  while ((result = PQgetResult (import->conn)) != NULL)
    {
      if (PQresultStatus (result) != PGRES_COMMAND_OK)
        ok = FALSE;
      PQclear (result);
    }
  if (length == -2 || !ok)
    return fail_pg (import, error, _("The import could not read the people in the store"));
  return TRUE;
}

static gboolean
known_ref_cb (const char *ref,
              gpointer    user_data)
{
  PgImport *import = user_data;

  return g_hash_table_contains (import->known_refs, ref);
}

static void
record_duplicate (PgImport   *import,
                  guint       index,
                  gintptr     other,
                  const char *reason)
{
  GString *out = import->duplicates;

  /* numbered in the order the SQLite path records them */
  g_string_append_printf (out, "%" G_GUINT64_FORMAT "\t", import->report->possible_duplicates);
  append_field (out, g_ptr_array_index (import->new_refs, index), FALSE);
  end_field (out);
  if (other > 0)
    g_string_append_printf (out, "%" G_GINT64_FORMAT "\t\\N\t", (gint64) other);
  else
    {
      g_string_append (out, "\\N\t");
      append_field (out, g_ptr_array_index (import->new_refs, NEW_PERSON_INDEX (other)), FALSE);
      end_field (out);
    }
  append_field (out, reason, FALSE);
  end_field (out);
  end_row (out);
  import->report->possible_duplicates++;
}

/* The same decisions as the SQLite path's resolve_person: a known ref is matched; a new
 * one becomes a person with this row's name, date of birth and PNC ID, and is checked
 * against the people with the same name and date of birth, or PNC ID. */
static void
resolve_person (PgImport   *import,
                const char *ref,
                const char *surname,
                const char *forenames,
                const char *dob,
                const char *pnc)
{
  g_autofree char *uuid = NULL;
  g_autofree char *key = NULL;
  const char *stored_ref;
  gintptr same_name = 0;
  gintptr same_pnc = 0;
  gintptr person;
  guint index;

  if (g_hash_table_contains (import->known_refs, ref))
    return;

  index = import->new_refs->len;
  person = NEW_PERSON (index);
  stored_ref = g_string_chunk_insert_const (import->strings, ref);
  g_hash_table_add (import->known_refs, (char *) stored_ref);
  g_ptr_array_add (import->new_refs, (char *) stored_ref);
  import->report->people_created++;

  uuid = vigil_uuid_new ();
  g_string_append_printf (import->people, "%u\t%s\t", index, uuid);
  append_field (import->people, surname, TRUE);
  end_field (import->people);
  append_field (import->people, forenames, TRUE);
  end_field (import->people);
  append_field (import->people, dob, TRUE);
  end_field (import->people);
  append_field (import->people, pnc, TRUE);
  end_field (import->people);
  append_field (import->people, ref, FALSE);
  end_field (import->people);
  end_row (import->people);

  /* someone already known under another reference? */
  key = name_dob_key (surname, forenames, dob);
  if (dob != NULL && *dob != '\0')
    same_name = (gintptr) g_hash_table_lookup (import->by_name_dob, key);
  if (same_name != 0)
    record_duplicate (import, index, same_name, "same_name_dob");
  else if (dob != NULL && *dob != '\0')
    g_hash_table_insert (import->by_name_dob, g_string_chunk_insert_const (import->strings, key),
                         (gpointer) person);

  if (pnc != NULL && *pnc != '\0')
    {
      same_pnc = (gintptr) g_hash_table_lookup (import->by_pnc, pnc);
      /* one pair per two people, as the store keeps it */
      if (same_pnc != 0 && same_pnc != same_name)
        record_duplicate (import, index, same_pnc, "same_pnc");
      if (same_pnc == 0)
        g_hash_table_insert (import->by_pnc, g_string_chunk_insert_const (import->strings, pnc),
                             (gpointer) person);
    }
}

/* Rows */

static void
reject (PgImport       *import,
        VigilCsvRecord *record,
        const char     *field,
        const char     *reason)
{
  VigilImportProblem *problem = vigil_import_problem_new (record, field, reason);
  GString *out = import->rejections;

  g_ptr_array_add (import->report->rejections, problem);
  import->report->rows_rejected++;

  g_string_append_printf (out, "%s\t%" G_GUINT64_FORMAT "\t", import->batch_id, problem->line);
  append_field (out, field, TRUE);
  end_field (out);
  append_field (out, reason, FALSE);
  end_field (out);
  append_field (out, problem->raw_text, FALSE);
  end_field (out);
  end_row (out);
}

static void
import_row (PgImport                 *import,
            const VigilImportColumns *columns,
            const VigilImportMapping *mapping,
            VigilCsvRecord           *record,
            const GDate              *today,
            GString                  *scratch)
{
  g_auto(VigilImportRow) row = { 0 };
  GString *out = import->rows;

  if (!vigil_import_check_row (columns, mapping, record, today, scratch, known_ref_cb, import, &row))
    {
      reject (import, record, row.field, row.reason);
      return;
    }

  resolve_person (import, row.perp_ref, row.perp_surname, row.perp_forenames, row.perp_dob, row.perp_pnc);
  if (*row.victim_ref != '\0')
    resolve_person (import, row.victim_ref, row.victim_surname, row.victim_forenames, row.victim_dob,
                    row.victim_pnc);

  vigil_import_note_offence (import->report, import->unmapped, row.offence);
  import->good_rows++;

  g_string_append_printf (out, "%" G_GUINT64_FORMAT "\t", record->line);
  append_field (out, row.incident_ref, FALSE);
  end_field (out);
  append_field (out, row.occurred_at, FALSE);
  end_field (out);
  append_field (out, row.perp_ref, FALSE);
  end_field (out);
  append_field (out, row.victim_ref, TRUE);
  end_field (out);
  append_field (out, row.relationship, FALSE);
  end_field (out);
  append_field (out, row.offence, FALSE);
  end_field (out);
  append_field (out, row.dash_risk, TRUE);
  end_field (out);
  g_string_append (out, row.stalking ? "1\t" : "0\t");
  append_field (out, row.area, TRUE);
  end_field (out);
  end_row (out);
}

/* The connection */

static PGconn *
connect_pg (const VigilLocation *location)
{
  return vigil_store_native_connect_pg (location, "vigil-import");
}

static void
import_clear (PgImport *import)
{
  if (import->cancelled_id != 0)
    g_cancellable_disconnect (import->cancellable, import->cancelled_id);
  import->cancelled_id = 0;
  g_clear_pointer (&import->cancel, PQfreeCancel);
  g_clear_pointer (&import->conn, PQfinish);
  g_clear_pointer (&import->known_refs, g_hash_table_unref);
  g_clear_pointer (&import->by_name_dob, g_hash_table_unref);
  g_clear_pointer (&import->by_pnc, g_hash_table_unref);
  g_clear_pointer (&import->new_refs, g_ptr_array_unref);
  g_clear_pointer (&import->rebuild, g_ptr_array_unref);
  g_clear_pointer (&import->unmapped, g_hash_table_unref);
  g_clear_pointer (&import->strings, g_string_chunk_free);
  if (import->rows != NULL)
    g_string_free (g_steal_pointer (&import->rows), TRUE);
  if (import->people != NULL)
    g_string_free (g_steal_pointer (&import->people), TRUE);
  if (import->duplicates != NULL)
    g_string_free (g_steal_pointer (&import->duplicates), TRUE);
  if (import->rejections != NULL)
    g_string_free (g_steal_pointer (&import->rejections), TRUE);
  g_clear_pointer (&import->now, g_free);
}

/* The complete batch of an earlier import of the same file, looked for under the lock. */
static gboolean
find_previous (PgImport    *import,
               const char  *sha256,
               gint64      *out_batch,
               GError     **error)
{
  const char *params[] = { sha256 };
  PGresult *result = exec_params (import,
                                  "SELECT id FROM import_batch WHERE sha256 = $1 AND kind = 'incidents' "
                                  "AND status = 'complete' ORDER BY id LIMIT 1",
                                  1, params, _("The import could not read the store"), error);

  if (result == NULL)
    return FALSE;
  *out_batch = PQntuples (result) > 0 ? g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10) : 0;
  PQclear (result);
  return TRUE;
}

static gboolean
start_batch (PgImport    *import,
             const char  *file_name,
             const char  *sha256,
             GError     **error)
{
  const char *params[] = { import->now, import->actor, file_name, sha256 };
  PGresult *result = exec_params (import,
                                  "INSERT INTO import_batch (created_at, updated_at, updated_by, file_name, "
                                  "sha256, kind, status, imported_by, started_at) "
                                  "VALUES ($1, $1, $2, $3, $4, 'incidents', 'running', $2, $1) RETURNING id",
                                  4, params, _("The import could not start a batch"), error);

  if (result == NULL)
    return FALSE;
  g_strlcpy (import->batch_id, PQgetvalue (result, 0, 0), sizeof import->batch_id);
  import->report->batch_id = g_ascii_strtoll (import->batch_id, NULL, 10);
  PQclear (result);
  return TRUE;
}

static gboolean
find_merged_into (PgImport  *import,
                  GError   **error)
{
  PGresult *result = exec_params (import,
                                  "SELECT 1 FROM information_schema.columns WHERE table_schema = "
                                  "current_schema() AND table_name = 'person' AND column_name = 'merged_into'",
                                  0, NULL, _("The import could not read the store"), error);

  if (result == NULL)
    return FALSE;
  import->has_merged_into = PQntuples (result) > 0;
  PQclear (result);
  return TRUE;
}

/* A batch larger than the store (and than 50,000 rows) is written without the
 * secondary indexes and foreign keys of person and incident: they are made again from
 * their own definitions (read from the catalogue, so they always match the migrations)
 * at the end of the same transaction, where one sort per index and one join per key
 * beat a million scattered index inserts and key look-ups. Meanwhile the two tables are
 * the import's alone: other sessions wait for it, as SQLite's writers wait. */
static gboolean
set_aside_indexes (PgImport    *import,
                   gsize        file_length,
                   GError     **error)
{
  const char *what = _("The import could not write to the store");
  PGresult *result;
  gint64 incidents;

  /* the planner's count, unless the table was never analysed; about 200 bytes a row */
  result = exec_params (import,
                        "SELECT CASE WHEN reltuples >= 0 THEN reltuples::bigint "
                        "ELSE (SELECT COUNT(*) FROM incident) END FROM pg_class WHERE oid = 'incident'::regclass",
                        0, NULL, what, error);
  if (result == NULL)
    return FALSE;
  incidents = PQntuples (result) > 0 ? g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10) : 0;
  PQclear (result);
  if (file_length / 200 <= (gsize) MAX (50000, incidents))
    return TRUE;

  result = exec_params (import,
                        "SELECT format ('ALTER TABLE %s DROP CONSTRAINT %I', conrelid::regclass, conname), "
                        "format ('ALTER TABLE %s ADD CONSTRAINT %I %s', conrelid::regclass, conname, "
                        "pg_get_constraintdef (oid)) "
                        "FROM pg_constraint WHERE contype = 'f' "
                        "AND conrelid IN ('person'::regclass, 'incident'::regclass) "
                        "UNION ALL "
                        "SELECT format ('DROP INDEX %s', indexrelid::regclass), pg_get_indexdef (indexrelid) "
                        "FROM pg_index WHERE NOT indisunique "
                        "AND indrelid IN ('person'::regclass, 'incident'::regclass)",
                        0, NULL, what, error);
  if (result == NULL)
    return FALSE;

  import->rebuild = g_ptr_array_new_with_free_func (g_free);
  for (int r = 0; r < PQntuples (result); r++)
    {
      if (!exec_pg (import, PQgetvalue (result, r, 0), error))
        {
          PQclear (result);
          return FALSE;
        }
      g_ptr_array_add (import->rebuild, g_strdup (PQgetvalue (result, r, 1)));
    }
  PQclear (result);

  /* for the index builds at the end */
  return exec_pg (import, "SET LOCAL maintenance_work_mem = '256MB'", error);
}

static gboolean
rebuild_indexes (PgImport  *import,
                 GError   **error)
{
  /* indexes first: the keys' checks use them */
  for (guint pass = 0; import->rebuild != NULL && pass < 2; pass++)
    for (guint i = 0; i < import->rebuild->len; i++)
      {
        const char *sql = g_ptr_array_index (import->rebuild, i);

        if (g_str_has_prefix (sql, "ALTER TABLE") == (pass == 1) && !exec_pg (import, sql, error))
          return FALSE;
      }
  return TRUE;
}

/* From the staging tables into the store, in file order. */
static gboolean
write_batch (PgImport                *import,
             VigilImportProgressFunc  progress,
             gpointer                 user_data,
             GError                 **error)
{
  const char *params[] = { import->now, import->actor, import->batch_id };
  g_autofree char *insert_incidents = NULL;
  const char *perpetrator = import->has_merged_into ? "COALESCE (p.merged_into, p.id)" : "p.id";
  const char *victim = import->has_merged_into ? "COALESCE (v.merged_into, v.id)" : "v.id";
  guint64 created = 0;
  guint64 imported = 0;

  if (!copy_all (import, "COPY import_person_stage FROM STDIN", import->people, error) ||
      !copy_all (import, "COPY import_duplicate_stage FROM STDIN", import->duplicates, error) ||
      !copy_all (import, "COPY import_rejection (batch_id, line_number, field, reason, raw_text) FROM STDIN",
                 import->rejections, error) ||
      !exec_pg (import, "ANALYZE import_row_stage", error))
    return FALSE;

  /* a reference that another writer added meanwhile is left to them */
  if (!exec_count (import,
                   "INSERT INTO person (created_at, updated_at, updated_by, uuid, surname, forenames, dob, "
                   "pnc_id, local_ref) SELECT $1, $1, $2, uuid, surname, forenames, dob, pnc_id, local_ref "
                   "FROM import_person_stage ORDER BY n ON CONFLICT (local_ref) DO NOTHING",
                   2, params, _("The import could not add a person"), &created, error))
    return FALSE;
  import->report->people_created = created;
  if (progress != NULL)
    progress (READ_SHARE + (1 - READ_SHARE) * 0.1, import->report->rows_total, user_data);

  if (!exec_count (import,
                   "INSERT INTO person_duplicate (created_at, updated_at, updated_by, person_id, "
                   "other_person_id, reason, status, batch_id) "
                   "SELECT $1, $1, $2, p.id, COALESCE (d.other_id, o.id), d.reason, 'open', $3::bigint "
                   "FROM import_duplicate_stage d JOIN person p ON p.local_ref = d.person_ref "
                   "LEFT JOIN person o ON o.local_ref = d.other_ref "
                   "WHERE COALESCE (d.other_id, o.id) IS NOT NULL AND COALESCE (d.other_id, o.id) <> p.id "
                   "ORDER BY d.n "
                   "ON CONFLICT (person_id, other_person_id) DO NOTHING",
                   3, params, _("The import could not record a possible duplicate"), NULL, error))
    return FALSE;

  insert_incidents =
    g_strdup_printf ("INSERT INTO incident (created_at, updated_at, updated_by, source, source_ref, "
                     "occurred_at, perpetrator_id, victim_id, relationship, offence_code, dash_risk, stalking, "
                     "area, batch_id) "
                     "SELECT $1, $1, $2, 'police', s.incident_ref, s.occurred_at, %s, %s, s.relationship, "
                     "s.offence_code, s.dash_risk, s.stalking, s.area, $3::bigint "
                     "FROM import_row_stage s JOIN person p ON p.local_ref = s.perp_ref "
                     "LEFT JOIN person v ON v.local_ref = s.victim_ref "
                     "ORDER BY s.line ON CONFLICT (source, source_ref) DO NOTHING",
                     perpetrator, victim);
  if (!exec_count (import, insert_incidents, 3, params, _("The import could not add an incident"),
                   &imported, error))
    return FALSE;
  import->report->rows_imported = imported;
  import->report->rows_duplicate = import->good_rows - MIN (imported, import->good_rows);
  if (progress != NULL)
    progress (READ_SHARE + (1 - READ_SHARE) * 0.8, import->report->rows_total, user_data);

  return rebuild_indexes (import, error);
}

static gboolean
finish_batch (PgImport  *import,
              GError   **error)
{
  g_autofree char *finished = vigil_store_now ();
  g_autofree char *total = g_strdup_printf ("%" G_GUINT64_FORMAT, import->report->rows_total);
  g_autofree char *imported = g_strdup_printf ("%" G_GUINT64_FORMAT, import->report->rows_imported);
  g_autofree char *rejected = g_strdup_printf ("%" G_GUINT64_FORMAT, import->report->rows_rejected);
  g_autofree char *duplicate = g_strdup_printf ("%" G_GUINT64_FORMAT, import->report->rows_duplicate);
  const char *params[] = { total, imported, rejected, duplicate, finished, import->batch_id };

  if (!exec_count (import,
                   "UPDATE import_batch SET status = 'complete', rows_total = $1::bigint, "
                   "rows_imported = $2::bigint, rows_rejected = $3::bigint, rows_duplicate = $4::bigint, "
                   "finished_at = $5 WHERE id = $6::bigint",
                   6, params, _("The import could not finish its batch"), NULL, error))
    return FALSE;

  /* the scoring facts changed: bump the generation in this transaction (see
   * vigil_store_touch_facts) */
  if ((import->report->rows_imported > 0 || import->report->people_created > 0) &&
      !exec_count (import,
                   "INSERT INTO vigil_meta (key, value) VALUES ('facts_generation', '1') "
                   "ON CONFLICT (key) DO UPDATE SET value = (CAST (vigil_meta.value AS BIGINT) + 1)::text",
                   0, NULL, _("The import could not write to the store"), NULL, error))
    return FALSE;

  return TRUE;
}

/* The audit row for the batch, chained as vigil_audit_append chains it; taking the head
 * row's lock serialises it with every other writer of the log. */
static gboolean
audit_batch (PgImport  *import,
             GError   **error)
{
  const char *what = _("The import could not write the audit log");
  g_autofree char *detail = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *prev_hash = NULL;
  g_autofree char *seq_text = NULL;
  PGresult *result;
  gint64 seq;

  detail = g_strdup_printf ("{\"rows\":%" G_GUINT64_FORMAT ",\"imported\":%" G_GUINT64_FORMAT
                            ",\"rejected\":%" G_GUINT64_FORMAT ",\"duplicates\":%" G_GUINT64_FORMAT
                            ",\"people_created\":%" G_GUINT64_FORMAT "}",
                            import->report->rows_total, import->report->rows_imported,
                            import->report->rows_rejected, import->report->rows_duplicate,
                            import->report->people_created);

  result = exec_params (import, "UPDATE audit_head SET seq = seq + 1 WHERE id = 1 RETURNING seq, hash",
                        0, NULL, what, error);
  if (result == NULL)
    return FALSE;
  if (PQntuples (result) != 1)
    {
      PQclear (result);
      g_set_error (error, VIGIL_IMPORT_ERROR, VIGIL_IMPORT_ERROR_FAILED, "%s: %s", what,
                   _("The audit log’s head row is missing"));
      return FALSE;
    }
  seq = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
  prev_hash = g_strdup (PQgetvalue (result, 0, 1));
  PQclear (result);

  hash = vigil_audit_compute_hash (prev_hash, seq, import->now, import->actor, "import", "import_batch",
                                   g_ascii_strtoll (import->batch_id, NULL, 10), 0, detail);
  seq_text = g_strdup_printf ("%" G_GINT64_FORMAT, seq);

  {
    const char *params[] = { seq_text, import->now, import->actor, import->batch_id, detail, prev_hash, hash };

    if (!exec_count (import,
                     "INSERT INTO audit (seq, logged_at, actor, action, entity, entity_id, person_id, detail, "
                     "prev_hash, hash) VALUES ($1::bigint, $2, $3, 'import', 'import_batch', $4::bigint, 0, $5, "
                     "$6, $7)",
                     7, params, what, NULL, error) ||
        !exec_count (import, "UPDATE audit_head SET hash = $1 WHERE id = 1", 1, &params[6], what, NULL, error))
      return FALSE;
  }
  return TRUE;
}

VigilImportReport *
vigil_import_incidents_pg (VigilStore               *store,
                           const char               *path,
                           const VigilImportMapping *mapping,
                           VigilImportProgressFunc   progress,
                           gpointer                  user_data,
                           GCancellable             *cancellable,
                           GError                  **error)
{
  g_autoptr(VigilCsvReader) reader = NULL;
  g_autoptr(VigilImportReport) report = vigil_import_report_new ();
  g_autoptr(GString) scratch = g_string_sized_new (32);
  g_autoptr(GDateTime) now_local = g_date_time_new_now_local ();
  g_autofree char *sha256 = NULL;
  g_autofree char *base_name = NULL;
  g_autofree char *lock = NULL;
  gint64 started = g_get_monotonic_time ();
  gint64 previous = 0;
  PgImport import = { 0 };
  VigilImportColumns columns;
  VigilCsvRecord record;
  VigilCsvStatus status;
  GDate today;

  g_return_val_if_fail (VIGIL_IS_STORE (store), NULL);
  g_return_val_if_fail (path != NULL, NULL);

  reader = vigil_csv_reader_new_for_path (path, error);
  if (reader == NULL)
    return NULL;

  if (!vigil_import_read_header (reader, mapping, &columns, error))
    return NULL;

  sha256 = g_compute_checksum_for_data (G_CHECKSUM_SHA256,
                                        (const guchar *) vigil_csv_reader_get_data (reader),
                                        vigil_csv_reader_get_length (reader));
  base_name = g_path_get_basename (path);

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now_local),
                  g_date_time_get_month (now_local), g_date_time_get_year (now_local));

  import.report = report;
  import.cancellable = cancellable;
  import.now = vigil_store_now ();
  import.actor = vigil_store_get_actor (store);
  import.strings = g_string_chunk_new (1 << 20);
  import.known_refs = g_hash_table_new (g_str_hash, g_str_equal);
  import.by_name_dob = g_hash_table_new (g_str_hash, g_str_equal);
  import.by_pnc = g_hash_table_new (g_str_hash, g_str_equal);
  import.new_refs = g_ptr_array_new ();
  import.unmapped = g_hash_table_new (g_str_hash, g_str_equal);
  import.rows = g_string_sized_new (COPY_CHUNK + 4096);
  import.people = g_string_new (NULL);
  import.duplicates = g_string_new (NULL);
  import.rejections = g_string_new (NULL);

  import.conn = connect_pg (vigil_store_get_location (store));
  if (import.conn == NULL || PQstatus (import.conn) != CONNECTION_OK)
    {
      g_autofree char *message = g_strstrip (g_strdup (import.conn != NULL ? PQerrorMessage (import.conn) : ""));

      g_set_error (error, VIGIL_IMPORT_ERROR, VIGIL_IMPORT_ERROR_FAILED,
                   _("The import could not connect to the PostgreSQL server: %s"), message);
      import_clear (&import);
      return NULL;
    }
  import.cancel = PQgetCancel (import.conn);
  if (cancellable != NULL && import.cancel != NULL)
    import.cancelled_id = g_cancellable_connect (cancellable, G_CALLBACK (cancelled_cb), import.cancel, NULL);

  lock = g_strdup_printf ("SELECT pg_advisory_xact_lock (%d, %d)", IMPORT_LOCK_CLASS, IMPORT_LOCK_ID);

#define FAIL() G_STMT_START { import_clear (&import); return NULL; } G_STMT_END

  /* The server stops the transaction of a client that went away even during a long
   * statement (PostgreSQL 14 and later). Temporary tables live in local buffers. */
  if (PQserverVersion (import.conn) >= 140000 &&
      !exec_pg (&import, "SET client_connection_check_interval = '2s'", error))
    FAIL ();
  if (!exec_pg (&import, "SET temp_buffers = '64MB'", error) ||
      !exec_pg (&import, "BEGIN", error) ||
      !exec_pg (&import, "SET LOCAL work_mem = '64MB'", error) ||
      !exec_pg (&import, lock, error) ||
      !find_previous (&import, sha256, &previous, error))
    FAIL ();

  if (previous != 0)
    {
      exec_pg (&import, "ROLLBACK", NULL);
      import_clear (&import);
      report->already_imported = TRUE;
      report->batch_id = previous;
      report->seconds = (g_get_monotonic_time () - started) / 1e6;
      return g_steal_pointer (&report);
    }

  if (!find_merged_into (&import, error) ||
      !start_batch (&import, base_name, sha256, error) ||
      !set_aside_indexes (&import, vigil_csv_reader_get_length (reader), error) ||
      !load_people (&import, error) ||
      !exec_pg (&import,
                "CREATE TEMPORARY TABLE import_row_stage (line BIGINT NOT NULL, incident_ref TEXT NOT NULL, "
                "occurred_at TEXT NOT NULL, perp_ref TEXT NOT NULL, victim_ref TEXT, relationship TEXT NOT NULL, "
                "offence_code TEXT NOT NULL, dash_risk TEXT, stalking BIGINT NOT NULL, area TEXT) "
                "ON COMMIT DROP", error) ||
      !exec_pg (&import,
                "CREATE TEMPORARY TABLE import_person_stage (n BIGINT NOT NULL, uuid TEXT NOT NULL, "
                "surname TEXT, forenames TEXT, dob TEXT, pnc_id TEXT, local_ref TEXT NOT NULL) ON COMMIT DROP",
                error) ||
      !exec_pg (&import,
                "CREATE TEMPORARY TABLE import_duplicate_stage (n BIGINT NOT NULL, person_ref TEXT NOT NULL, "
                "other_id BIGINT, other_ref TEXT, reason TEXT NOT NULL) ON COMMIT DROP", error) ||
      !start_copy (&import, "COPY import_row_stage FROM STDIN", error))
    FAIL ();

  while ((status = vigil_csv_reader_next (reader, &record)) != VIGIL_CSV_END)
    {
      report->rows_total++;

      if (status == VIGIL_CSV_BAD)
        reject (&import, &record, NULL, record.problem);
      else if (vigil_import_check_demo_row (store, &columns, mapping, &record, error))
        import_row (&import, &columns, mapping, &record, &today, scratch);
      else
        {
          end_copy (&import, "refused", NULL);
          FAIL ();
        }

      if (import.rows->len >= COPY_CHUNK && !put_copy (&import, import.rows, error))
        {
          end_copy (&import, "failed", NULL);
          FAIL ();
        }

      if ((report->rows_total & 4095) == 0)
        {
          if (g_cancellable_set_error_if_cancelled (cancellable, error))
            {
              end_copy (&import, "cancelled", NULL);
              FAIL ();
            }
          if (progress != NULL)
            progress (READ_SHARE * vigil_csv_reader_get_offset (reader) / MAX (1, vigil_csv_reader_get_length (reader)),
                      report->rows_total, user_data);
        }
    }

  if (!put_copy (&import, import.rows, error))
    {
      end_copy (&import, "failed", NULL);
      FAIL ();
    }
  if (!end_copy (&import, NULL, error) ||
      g_cancellable_set_error_if_cancelled (cancellable, error))
    FAIL ();
  if (progress != NULL)
    progress (READ_SHARE, report->rows_total, user_data);

  if (!write_batch (&import, progress, user_data, error) ||
      !finish_batch (&import, error) ||
      !audit_batch (&import, error) ||
      g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !exec_pg (&import, "COMMIT", error))
    FAIL ();

#undef FAIL

  {
    static const char * const written[] = { "import_batch", "import_rejection", "incident",
                                             "person", "audit", "vigil_meta", NULL };

    /* written through the import's own connection: say so as the store would */
    vigil_store_notify_changed (store, written);
  }
  import_clear (&import);
  if (progress != NULL)
    progress (1.0, report->rows_total, user_data);

  report->seconds = (g_get_monotonic_time () - started) / 1e6;
  return g_steal_pointer (&report);
}
