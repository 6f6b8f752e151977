/* vigil-fact-cache.c: the compact scoring facts, kept in the store between refreshes
 *
 * Reading every incident costs a refresh most of its time; the fact set it builds is
 * small (about 50 bytes an incident). The table fact_cache (migration 0005) holds it
 * serialised (vigil_fact_set_serialize), cut into parts of PART_SIZE bytes, each part
 * tagged with what the facts were read from:
 *   - the facts generation (vigil_meta "facts_generation"), which every writer of
 *     incidents or of people's references bumps in its own transaction: the record
 *     layer, the imports, merges;
 *   - the count and the largest id of the incidents and of the people, which catch
 *     rows added or removed by a program other than Vigil (a few milliseconds: SQLite
 *     counts through the smallest index and finds a largest id in the b-tree).
 * The tag and the cache are read in one snapshot; the cache is used only when every
 * part's tag is the store's, the parts are all there, and the block passes its own
 * checks (checksum, sizes, every index). Otherwise every incident is read, as
 * vigil_fact_set_load () does, and the cache is written again — but only when the
 * store's tag was the same before and after that read (nothing was written meanwhile),
 * so that a cache never holds facts of another state than its tag's.
 *
 * An import into an empty SQLite store writes the cache itself, in its own transaction,
 * from the rows it wrote (vigil-fact-cache-private.h), so that the first refresh after
 * it finds the cache current.
 *
 * Like the fact loader, this reads through the native drivers on connections of its
 * own: sqlite3 on the store's file, libpq on PostgreSQL. What the store's own
 * connection has not committed is not seen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vigil-fact-cache"

#include "config.h"

#include <inttypes.h>
#include <string.h>

#include <glib/gi18n.h>
#include <libpq-fe.h>
#include <sqlite3.h>

#include "vigil-fact-cache.h"
#include "vigil-fact-cache-private.h"
#include "vigil-store-native.h"

#define FACT_CACHE_SCHEMA  VIGIL_FACT_CACHE_SCHEMA
#define PART_SIZE          (8 * 1024 * 1024)  /* bytes of the block in one row */
#define WRITE_BUSY_MS      500                /* a busy store: skip writing the cache */

/* The size of the parts written: PART_SIZE, or (for tests: many parts from a small
 * store) VIGIL_FACT_CACHE_PART_SIZE bytes. */
static gsize
part_size (void)
{
  const char *text = g_getenv ("VIGIL_FACT_CACHE_PART_SIZE");
  gint64 size = text != NULL ? g_ascii_strtoll (text, NULL, 10) : 0;

  return size >= 16 && size <= PART_SIZE ? (gsize) size : PART_SIZE;
}

typedef VigilFactCacheTag CacheTag;

#define TAG_SQL(cast)                                                                    \
  "SELECT COALESCE((SELECT CAST(value AS " cast ") FROM vigil_meta "                     \
  "WHERE key = 'facts_generation'), 0), "                                                \
  "(SELECT count(*) FROM incident), (SELECT COALESCE(max(id), 0) FROM incident), "        \
  "(SELECT count(*) FROM person), (SELECT COALESCE(max(id), 0) FROM person)"

#define PARTS_COLUMNS                                                                    \
  "part, n_parts, facts_generation, n_incidents, max_incident_id, n_persons, "           \
  "max_person_id, length(data) FROM fact_cache ORDER BY part"

#define INSERT_SQL                                                                       \
  "INSERT INTO fact_cache (part, n_parts, facts_generation, n_incidents, "               \
  "max_incident_id, n_persons, max_person_id, data) VALUES "

static gboolean
tag_equal (const CacheTag *a,
           const CacheTag *b)
{
  return a->generation == b->generation && a->n_incidents == b->n_incidents &&
         a->max_incident_id == b->max_incident_id && a->n_persons == b->n_persons &&
         a->max_person_id == b->max_person_id;
}

/* The parts as listed: checks that they are 0 … n − 1, all of one tag, the store's. */
typedef struct
{
  CacheTag tag;
  gint64   part;
  gint64   n_parts;
  gint64   size;
} PartInfo;

static gboolean
parts_usable (const PartInfo *parts,
              guint           n_parts,
              const CacheTag *tag,
              gsize          *out_size)
{
  guint64 size = 0;

  if (n_parts == 0)
    return FALSE;
  for (guint i = 0; i < n_parts; i++)
    {
      if (parts[i].part != i || parts[i].n_parts != n_parts || !tag_equal (&parts[i].tag, tag) ||
          parts[i].size <= 0 || parts[i].size > PART_SIZE)
        {
          g_debug ("cache: part %u of %u does not match the store", i, n_parts);
          return FALSE;
        }
      size += parts[i].size;
    }
  *out_size = size;
  return TRUE;
}

/* ====================================================================================
 * SQLite
 * ==================================================================================== */

static gboolean
fail_sqlite (GError    **error,
             sqlite3    *db)
{
  g_set_error (error, VIGIL_RFGV_ERROR, VIGIL_RFGV_ERROR_FAILED,
               _("The saved copy of the incidents could not be used: %s"),
               db != NULL ? sqlite3_errmsg (db) : "out of memory");
  return FALSE;
}

static sqlite3 *
open_sqlite (const char  *path,
             int          flags,
             int          busy_ms,
             GError     **error)
{
  sqlite3 *db = NULL;

  if (sqlite3_open_v2 (path, &db, flags | SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK)
    {
      fail_sqlite (error, db);
      sqlite3_close (db);
      return NULL;
    }
  sqlite3_busy_timeout (db, busy_ms);
  return db;
}

static gboolean
exec_sqlite (sqlite3     *db,
             const char  *sql,
             GError     **error)
{
  if (sqlite3_exec (db, sql, NULL, NULL, NULL) != SQLITE_OK)
    return fail_sqlite (error, db);
  return TRUE;
}

static gboolean
read_tag_sqlite (sqlite3   *db,
                 CacheTag  *tag,
                 GError   **error)
{
  sqlite3_stmt *stmt = NULL;
  gboolean ok;

  if (sqlite3_prepare_v2 (db, TAG_SQL ("INTEGER"), -1, &stmt, NULL) != SQLITE_OK)
    return fail_sqlite (error, db);
  ok = sqlite3_step (stmt) == SQLITE_ROW;
  if (ok)
    {
      tag->generation = sqlite3_column_int64 (stmt, 0);
      tag->n_incidents = sqlite3_column_int64 (stmt, 1);
      tag->max_incident_id = sqlite3_column_int64 (stmt, 2);
      tag->n_persons = sqlite3_column_int64 (stmt, 3);
      tag->max_person_id = sqlite3_column_int64 (stmt, 4);
    }
  else
    fail_sqlite (error, db);
  sqlite3_finalize (stmt);
  return ok;
}

/* The store's tag and, when the cache matches it, the cached block (else NULL), in one
 * snapshot. */
static gboolean
read_sqlite (const char  *path,
             CacheTag    *tag,
             gpointer    *out_block,
             gsize       *out_size,
             GError     **error)
{
  g_autoptr(GArray) parts = g_array_new (FALSE, FALSE, sizeof (PartInfo));
  g_autoptr(GArray) rowids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree guint8 *block = NULL;
  sqlite3_stmt *stmt = NULL;
  sqlite3_blob *blob = NULL;
  gboolean ok = FALSE;
  gsize size = 0, at = 0;
  sqlite3 *db;
  int rc;

  *out_block = NULL;
  db = open_sqlite (path, SQLITE_OPEN_READONLY, 30000, error);
  if (db == NULL)
    return FALSE;
  if (!exec_sqlite (db, "BEGIN", error) || !read_tag_sqlite (db, tag, error))
    goto out;

  if (sqlite3_prepare_v2 (db, "SELECT rowid, " PARTS_COLUMNS, -1, &stmt, NULL) != SQLITE_OK)
    {
      fail_sqlite (error, db);
      goto out;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      PartInfo info;
      gint64 rowid = sqlite3_column_int64 (stmt, 0);

      info.part = sqlite3_column_int64 (stmt, 1);
      info.n_parts = sqlite3_column_int64 (stmt, 2);
      info.tag.generation = sqlite3_column_int64 (stmt, 3);
      info.tag.n_incidents = sqlite3_column_int64 (stmt, 4);
      info.tag.max_incident_id = sqlite3_column_int64 (stmt, 5);
      info.tag.n_persons = sqlite3_column_int64 (stmt, 6);
      info.tag.max_person_id = sqlite3_column_int64 (stmt, 7);
      info.size = sqlite3_column_type (stmt, 8) == SQLITE_NULL ? 0 : sqlite3_column_int64 (stmt, 8);
      g_array_append_val (parts, info);
      g_array_append_val (rowids, rowid);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      fail_sqlite (error, db);
      goto out;
    }

  ok = TRUE;
  if (!parts_usable ((const PartInfo *) (void *) parts->data, parts->len, tag, &size))
    goto out;

  /* straight into the block: no copy in between */
  block = vigil_fact_set_alloc_block (size);
  for (guint i = 0; i < parts->len; i++)
    {
      const PartInfo *info = &g_array_index (parts, PartInfo, i);
      gint64 rowid = g_array_index (rowids, gint64, i);

      rc = blob == NULL ? sqlite3_blob_open (db, "main", "fact_cache", "data", rowid, 0, &blob)
                        : sqlite3_blob_reopen (blob, rowid);
      if (rc != SQLITE_OK || sqlite3_blob_bytes (blob) != info->size ||
          sqlite3_blob_read (blob, block + at, (int) info->size, 0) != SQLITE_OK)
        {
          /* not a blob (written by someone else), or gone */
          g_debug ("cache: part %u cannot be read: %s", i, sqlite3_errmsg (db));
          g_clear_pointer (&block, g_free);
          break;
        }
      at += info->size;
    }
  if (block != NULL)
    {
      *out_block = g_steal_pointer (&block);
      *out_size = size;
    }

out:
  if (blob != NULL)
    sqlite3_blob_close (blob);
  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  sqlite3_close (db);
  return ok;
}

static gboolean
read_tag_only_sqlite (const char  *path,
                      CacheTag    *tag,
                      GError     **error)
{
  sqlite3 *db = open_sqlite (path, SQLITE_OPEN_READONLY, 30000, error);
  gboolean ok;

  if (db == NULL)
    return FALSE;
  ok = read_tag_sqlite (db, tag, error);
  sqlite3_close (db);
  return ok;
}

/* The cache's rows replaced by @block's parts, in the transaction open on @db. */
static gboolean
write_parts_sqlite (sqlite3         *db,
                    const CacheTag  *tag,
                    const guint8    *block,
                    gsize            size,
                    GError         **error)
{
  gsize part_bytes = part_size ();
  gint64 n_parts = (size + part_bytes - 1) / part_bytes;
  sqlite3_stmt *stmt = NULL;

  if (!exec_sqlite (db, "DELETE FROM fact_cache", error))
    return FALSE;
  if (sqlite3_prepare_v2 (db, INSERT_SQL "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", -1, &stmt, NULL) != SQLITE_OK)
    return fail_sqlite (error, db);
  for (gint64 part = 0; part < n_parts; part++)
    {
      gsize offset = part * part_bytes;

      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, part);
      sqlite3_bind_int64 (stmt, 2, n_parts);
      sqlite3_bind_int64 (stmt, 3, tag->generation);
      sqlite3_bind_int64 (stmt, 4, tag->n_incidents);
      sqlite3_bind_int64 (stmt, 5, tag->max_incident_id);
      sqlite3_bind_int64 (stmt, 6, tag->n_persons);
      sqlite3_bind_int64 (stmt, 7, tag->max_person_id);
      sqlite3_bind_blob64 (stmt, 8, block + offset, MIN (size - offset, part_bytes), SQLITE_STATIC);
      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          fail_sqlite (error, db);
          sqlite3_finalize (stmt);
          return FALSE;
        }
    }
  sqlite3_finalize (stmt);
  return TRUE;
}

static gboolean
write_sqlite (const char      *path,
              const CacheTag  *tag,
              const guint8    *block,
              gsize            size,
              GError         **error)
{
  gboolean ok = FALSE;
  sqlite3 *db;

  db = open_sqlite (path, SQLITE_OPEN_READWRITE, WRITE_BUSY_MS, error);
  if (db == NULL)
    return FALSE;
  /* a cache lost to a power cut is only rebuilt: no need to wait for the disk twice */
  if (!exec_sqlite (db, "PRAGMA synchronous = NORMAL", error) ||
      !exec_sqlite (db, "BEGIN IMMEDIATE", error))
    goto out;
  ok = write_parts_sqlite (db, tag, block, size, error) && exec_sqlite (db, "COMMIT", error);
  if (!ok)
    sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL);
out:
  sqlite3_close (db);
  return ok;
}

gboolean
vigil_fact_cache_write_sqlite (sqlite3                 *db,
                               const VigilFactCacheTag *tag,
                               const guint8            *block,
                               gsize                    size,
                               GError                 **error)
{
  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (tag != NULL, FALSE);
  g_return_val_if_fail (block != NULL && size > 0, FALSE);

  return write_parts_sqlite (db, tag, block, size, error);
}

/* ====================================================================================
 * PostgreSQL: one connection for reading the cache, the tag again and writing (each
 * connection costs an authentication)
 * ==================================================================================== */

static gboolean
fail_pg (GError **error,
         PGconn  *conn)
{
  g_autofree char *message = g_strstrip (g_strdup (conn != NULL ? PQerrorMessage (conn) : "out of memory"));

  g_set_error (error, VIGIL_RFGV_ERROR, VIGIL_RFGV_ERROR_FAILED,
               _("The saved copy of the incidents could not be used: %s"), message);
  return FALSE;
}

static PGconn *
connect_pg (const VigilLocation  *location,
            GError              **error)
{
  PGconn *conn = vigil_store_native_connect_pg (location, "vigil-fact-cache");

  if (conn == NULL || PQstatus (conn) != CONNECTION_OK)
    {
      fail_pg (error, conn);
      PQfinish (conn);
      return NULL;
    }
  return conn;
}

static gboolean
exec_pg (PGconn      *conn,
         const char  *sql,
         GError     **error)
{
  PGresult *result = PQexec (conn, sql);
  gboolean ok = PQresultStatus (result) == PGRES_COMMAND_OK;

  PQclear (result);
  if (!ok)
    return fail_pg (error, conn);
  return TRUE;
}

static gint64
pg_value_int64 (const PGresult *result,
          int             row,
          int             column)
{
  return PQgetisnull (result, row, column) ? 0 : g_ascii_strtoll (PQgetvalue (result, row, column), NULL, 10);
}

static gboolean
read_tag_pg (PGconn    *conn,
             CacheTag  *tag,
             GError   **error)
{
  PGresult *result = PQexec (conn, TAG_SQL ("BIGINT"));
  gboolean ok = PQresultStatus (result) == PGRES_TUPLES_OK && PQntuples (result) == 1;

  if (ok)
    {
      tag->generation = pg_value_int64 (result, 0, 0);
      tag->n_incidents = pg_value_int64 (result, 0, 1);
      tag->max_incident_id = pg_value_int64 (result, 0, 2);
      tag->n_persons = pg_value_int64 (result, 0, 3);
      tag->max_person_id = pg_value_int64 (result, 0, 4);
    }
  else
    fail_pg (error, conn);
  PQclear (result);
  return ok;
}

/* Ends whatever transaction an error left open, so that @conn can be used again. */
static void
reset_pg (PGconn *conn)
{
  if (PQtransactionStatus (conn) != PQTRANS_IDLE)
    PQclear (PQexec (conn, "ROLLBACK"));
}

static gboolean
read_pg (PGconn               *conn,
         CacheTag             *tag,
         gpointer             *out_block,
         gsize                *out_size,
         GError              **error)
{
  g_autoptr(GArray) parts = g_array_new (FALSE, FALSE, sizeof (PartInfo));
  g_autofree guint8 *block = NULL;
  PGresult *result;
  gboolean ok = FALSE;
  gsize size = 0, at = 0;

  *out_block = NULL;
  if (!exec_pg (conn, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", error) ||
      !read_tag_pg (conn, tag, error))
    goto out;

  result = PQexec (conn, "SELECT " PARTS_COLUMNS);
  if (PQresultStatus (result) != PGRES_TUPLES_OK)
    {
      PQclear (result);
      fail_pg (error, conn);
      goto out;
    }
  for (int row = 0; row < PQntuples (result); row++)
    {
      PartInfo info;

      info.part = pg_value_int64 (result, row, 0);
      info.n_parts = pg_value_int64 (result, row, 1);
      info.tag.generation = pg_value_int64 (result, row, 2);
      info.tag.n_incidents = pg_value_int64 (result, row, 3);
      info.tag.max_incident_id = pg_value_int64 (result, row, 4);
      info.tag.n_persons = pg_value_int64 (result, row, 5);
      info.tag.max_person_id = pg_value_int64 (result, row, 6);
      info.size = pg_value_int64 (result, row, 7);
      g_array_append_val (parts, info);
    }
  PQclear (result);

  ok = TRUE;
  if (!parts_usable ((const PartInfo *) (void *) parts->data, parts->len, tag, &size))
    goto out;

  /* one part at a time (binary), so that only one part is held twice */
  block = vigil_fact_set_alloc_block (size);
  for (guint i = 0; i < parts->len && block != NULL; i++)
    {
      const PartInfo *info = &g_array_index (parts, PartInfo, i);
      g_autofree char *part = g_strdup_printf ("%u", i);
      const char *values[1] = { part };

      result = PQexecParams (conn, "SELECT data FROM fact_cache WHERE part = $1::bigint", 1, NULL, values,
                             NULL, NULL, 1);
      if (PQresultStatus (result) == PGRES_TUPLES_OK && PQntuples (result) == 1 &&
          !PQgetisnull (result, 0, 0) && PQgetlength (result, 0, 0) == info->size)
        {
          memcpy (block + at, PQgetvalue (result, 0, 0), info->size);
          at += info->size;
        }
      else
        {
          g_debug ("cache: part %u cannot be read: %s", i, PQerrorMessage (conn));
          g_clear_pointer (&block, g_free);
        }
      PQclear (result);
    }
  if (block != NULL)
    {
      *out_block = g_steal_pointer (&block);
      *out_size = size;
    }

out:
  reset_pg (conn);
  return ok;
}

static gboolean
write_pg (PGconn               *conn,
          const CacheTag       *tag,
          const guint8         *block,
          gsize                 size,
          GError              **error)
{
  gsize part_bytes = part_size ();
  gint64 n_parts = (size + part_bytes - 1) / part_bytes;
  gboolean ok = FALSE;

  /* one writer at a time; a busy store is left alone */
  if (!exec_pg (conn, "BEGIN", error) ||
      !exec_pg (conn, "SET LOCAL lock_timeout = '" G_STRINGIFY (WRITE_BUSY_MS) "ms'", error) ||
      !exec_pg (conn, "SET LOCAL synchronous_commit = off", error) ||
      !exec_pg (conn, "LOCK TABLE fact_cache IN EXCLUSIVE MODE", error) ||
      !exec_pg (conn, "DELETE FROM fact_cache", error))
    goto out;

  for (gint64 part = 0; part < n_parts; part++)
    {
      gsize offset = part * part_bytes;
      char *texts[7] = {
        g_strdup_printf ("%" G_GINT64_FORMAT, part),
        g_strdup_printf ("%" G_GINT64_FORMAT, n_parts),
        g_strdup_printf ("%" G_GINT64_FORMAT, tag->generation),
        g_strdup_printf ("%" G_GINT64_FORMAT, tag->n_incidents),
        g_strdup_printf ("%" G_GINT64_FORMAT, tag->max_incident_id),
        g_strdup_printf ("%" G_GINT64_FORMAT, tag->n_persons),
        g_strdup_printf ("%" G_GINT64_FORMAT, tag->max_person_id),
      };
      const char *values[8];
      int lengths[8] = { 0, };
      int formats[8] = { 0, 0, 0, 0, 0, 0, 0, 1 };
      PGresult *result;
      gboolean inserted;

      for (guint i = 0; i < 7; i++)
        values[i] = texts[i];
      values[7] = (const char *) block + offset;
      lengths[7] = (int) MIN (size - offset, part_bytes);
      result = PQexecParams (conn,
                             INSERT_SQL "($1::bigint, $2::bigint, $3::bigint, $4::bigint, $5::bigint, "
                             "$6::bigint, $7::bigint, $8::bytea)",
                             8, NULL, values, lengths, formats, 0);
      inserted = PQresultStatus (result) == PGRES_COMMAND_OK;
      PQclear (result);
      for (guint i = 0; i < 7; i++)
        g_free (texts[i]);
      if (!inserted)
        {
          fail_pg (error, conn);
          goto out;
        }
    }
  ok = exec_pg (conn, "COMMIT", error);

out:
  reset_pg (conn);
  return ok;
}

/* ====================================================================================
 * Both
 * ==================================================================================== */

/* Where the cache is read and written: the store's file, or a PostgreSQL connection
 * opened on first use. */
typedef struct
{
  const VigilLocation *location;
  PGconn              *pg;
} CacheAccess;

static gboolean
connect_access (CacheAccess  *access,
                GError      **error)
{
  if (access->location->engine != VIGIL_ENGINE_POSTGRESQL || access->pg != NULL)
    return TRUE;
  access->pg = connect_pg (access->location, error);
  return access->pg != NULL;
}

static gboolean
read_cache (CacheAccess  *access,
            CacheTag     *tag,
            gpointer     *out_block,
            gsize        *out_size,
            GError      **error)
{
  if (!connect_access (access, error))
    return FALSE;
  if (access->pg != NULL)
    return read_pg (access->pg, tag, out_block, out_size, error);
  return read_sqlite (access->location->path, tag, out_block, out_size, error);
}

static gboolean
read_tag (CacheAccess  *access,
          CacheTag     *tag,
          GError      **error)
{
  if (!connect_access (access, error))
    return FALSE;
  if (access->pg != NULL)
    return read_tag_pg (access->pg, tag, error);
  return read_tag_only_sqlite (access->location->path, tag, error);
}

static gboolean
write_cache (CacheAccess     *access,
             const CacheTag  *tag,
             const guint8    *block,
             gsize            size,
             GError         **error)
{
  if (!connect_access (access, error))
    return FALSE;
  if (access->pg != NULL)
    return write_pg (access->pg, tag, block, size, error);
  return write_sqlite (access->location->path, tag, block, size, error);
}

VigilFactSet *
vigil_fact_cache_load (VigilStore             *store,
                       GCancellable           *cancellable,
                       VigilFactCacheOutcome  *outcome,
                       GError                **error)
{
  CacheAccess access = { NULL, NULL };
  g_autoptr(GError) local_error = NULL;
  g_autoptr(VigilFactSet) facts = NULL;
  g_autofree guint8 *written = NULL;
  gpointer block = NULL;
  CacheTag before = { 0, }, after = { 0, };
  gboolean have_tag;
  gsize size = 0;
  gint64 started = g_get_monotonic_time ();

  g_return_val_if_fail (VIGIL_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (outcome != NULL)
    *outcome = VIGIL_FACT_CACHE_BYPASSED;
  access.location = vigil_store_get_location (store);

  /* a store without the table (an older schema) has no cache */
  if (vigil_store_get_schema_version (store) < FACT_CACHE_SCHEMA)
    return vigil_fact_set_load (store, cancellable, error);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  /* When in doubt, read the incidents: an unreadable cache is never an error. */
  have_tag = read_cache (&access, &before, &block, &size, &local_error);
  if (!have_tag)
    g_debug ("cache: not read: %s", local_error->message);
  g_clear_error (&local_error);
  if (block != NULL)
    {
      facts = vigil_fact_set_new_from_serialized (block, size, &local_error);
      if (facts != NULL)
        {
          g_debug ("cache: hit, %" G_GSIZE_FORMAT " bytes in %.1f ms", size,
                   (g_get_monotonic_time () - started) / 1000.0);
          if (outcome != NULL)
            *outcome = VIGIL_FACT_CACHE_HIT;
          g_clear_pointer (&access.pg, PQfinish);
          return g_steal_pointer (&facts);
        }
      g_debug ("cache: rejected: %s", local_error->message);
      g_clear_error (&local_error);
    }

  facts = vigil_fact_set_load (store, cancellable, error);
  if (facts == NULL)
    {
      g_clear_pointer (&access.pg, PQfinish);
      return NULL;
    }

  /* Keep what was read, if the store did not change while it was read. */
  if (have_tag && read_tag (&access, &after, &local_error) && tag_equal (&before, &after) &&
      (written = vigil_fact_set_serialize (facts, &size)) != NULL)
    {
      gint64 writing = g_get_monotonic_time ();

      if (write_cache (&access, &before, written, size, &local_error))
        {
          g_debug ("cache: rebuilt, %" G_GSIZE_FORMAT " bytes written in %.1f ms", size,
                   (g_get_monotonic_time () - writing) / 1000.0);
          if (outcome != NULL)
            *outcome = VIGIL_FACT_CACHE_REBUILT;
        }
    }
  if (local_error != NULL)
    g_debug ("cache: not written: %s", local_error->message);
  else if (outcome != NULL && *outcome != VIGIL_FACT_CACHE_REBUILT)
    g_debug ("cache: not written: the store changed while it was read");
  g_clear_pointer (&access.pg, PQfinish);
  return g_steal_pointer (&facts);
}

gboolean
vigil_fact_cache_clear (VigilStore  *store,
                        GError     **error)
{
  g_return_val_if_fail (VIGIL_IS_STORE (store), FALSE);

  if (vigil_store_get_schema_version (store) < FACT_CACHE_SCHEMA)
    return TRUE;
  return vigil_store_execute (store, "DELETE FROM fact_cache", NULL, 0, NULL, error);
}
