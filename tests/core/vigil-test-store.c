/* vigil-test-store.c: fresh stores for tests, on SQLite or on PostgreSQL
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>

#include <glib/gstdio.h>
#include <libpq-fe.h>

#include "vigil-test-ci.h"
#include "vigil-test-store.h"

static GPtrArray *tmpdirs;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
            remove_tree (child);
          else
            g_unlink (child);
        }
    }
  g_rmdir (path);
}

static void
remove_tmpdirs (void)
{
  if (g_getenv ("VIGIL_TEST_KEEP_FILES") == NULL)
    for (guint i = 0; i < tmpdirs->len; i++)
      remove_tree (g_ptr_array_index (tmpdirs, i));
  g_clear_pointer (&tmpdirs, g_ptr_array_unref);
}

char *
vigil_test_make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *path = g_dir_make_tmp ("vigil-test-XXXXXX", &error);

  g_assert_no_error (error);

  if (tmpdirs == NULL)
    {
      tmpdirs = g_ptr_array_new_with_free_func (g_free);
      atexit (remove_tmpdirs);
    }
  g_ptr_array_add (tmpdirs, g_strdup (path));
  return path;
}

gboolean
vigil_test_engine_is_pg (void)
{
  return g_strcmp0 (g_getenv ("VIGIL_TEST_ENGINE"), "postgresql") == 0;
}

/* Each test program of the pg suite works in a database of its own, so that the suite
 * can run two programs at a time (each empties its database's public schema for every
 * fresh store): VIGIL_TEST_PG_URI's database name, "_" and the program's name
 * (vigil_test_test_store), created on the same server when missing, replaces the
 * database in VIGIL_TEST_PG_URI for the rest of the program. The role needs CREATEDB
 * (tests/run gives it). */
static void
use_database_of_own (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilLocation) location = vigil_location_parse (g_getenv ("VIGIL_TEST_PG_URI"), &error);
  g_autofree char *program = g_path_get_basename (g_get_prgname ());
  g_autofree char *server_uri = NULL;
  g_autofree char *own_uri = NULL;
  g_autofree char *sql = NULL;
  GString *name;
  PGconn *cnc;
  PGresult *result;
  char *quoted;

  g_assert_no_error (error);
  g_assert_true (location->engine == VIGIL_ENGINE_POSTGRESQL);

  name = g_string_new (location->dbname);
  g_string_append_c (name, '_');
  for (const char *c = program; *c != '\0'; c++)
    g_string_append_c (name, g_ascii_isalnum (*c) ? g_ascii_tolower (*c) : '_');

  server_uri = vigil_location_to_uri (location, TRUE);
  cnc = PQconnectdb (server_uri);
  if (PQstatus (cnc) != CONNECTION_OK)
    g_error ("Could not connect to VIGIL_TEST_PG_URI: %s", PQerrorMessage (cnc));
  quoted = PQescapeIdentifier (cnc, name->str, name->len);
  g_assert_nonnull (quoted);
  sql = g_strdup_printf ("CREATE DATABASE %s ENCODING 'UTF8' TEMPLATE template0", quoted);
  PQfreemem (quoted);
  result = PQexec (cnc, sql);
  /* 42P04: it is there already (an earlier run of the same program on this server) */
  if (PQresultStatus (result) != PGRES_COMMAND_OK &&
      g_strcmp0 (PQresultErrorField (result, PG_DIAG_SQLSTATE), "42P04") != 0)
    g_error ("Could not create the test database %s (the pg tests run in parallel, each in "
             "a database of its own: the role needs CREATEDB): %s", name->str, PQerrorMessage (cnc));
  PQclear (result);
  PQfinish (cnc);

  g_free (location->dbname);
  location->dbname = g_string_free (name, FALSE);
  own_uri = vigil_location_to_uri (location, TRUE);
  g_setenv ("VIGIL_TEST_PG_URI", own_uri, TRUE);
}

void
vigil_test_init_engine (void)
{
  vigil_core_init ();

  if (vigil_test_engine_is_pg ())
    {
      if (g_getenv ("VIGIL_TEST_PG_URI") == NULL)
        exit (vigil_test_unavailable ("VIGIL_TEST_PG_URI is not set: no PostgreSQL to test on (tests/run starts a server)"));
      use_database_of_own ();
    }
}

/* Empties the test database with a connection of its own, below the store. */
static void
reset_pg_database (const VigilLocation *location)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *host = gda_rfc1738_encode (location->host);
  g_autofree char *db = gda_rfc1738_encode (location->dbname);
  g_autofree char *user = gda_rfc1738_encode (location->user ? location->user : "");
  g_autofree char *password = gda_rfc1738_encode (location->password ? location->password : "");
  g_autofree char *cnc_string = g_strdup_printf ("HOST=%s;PORT=%u;DB_NAME=%s", host, location->port ? location->port : 5432, db);
  g_autofree char *auth_string = g_strdup_printf ("USERNAME=%s;PASSWORD=%s", user, password);
  GdaConnection *cnc;

  cnc = gda_connection_open_from_string ("PostgreSQL", cnc_string, auth_string, GDA_CONNECTION_OPTIONS_NONE, &error);
  g_assert_no_error (error);

  gda_connection_execute_non_select_command (cnc, "DROP SCHEMA IF EXISTS public CASCADE", &error);
  g_assert_no_error (error);
  gda_connection_execute_non_select_command (cnc, "CREATE SCHEMA public", &error);
  g_assert_no_error (error);

  gda_connection_close (cnc);
  g_object_unref (cnc);
}

VigilLocation *
vigil_test_empty_location (void)
{
  if (vigil_test_engine_is_pg ())
    {
      g_autoptr(GError) error = NULL;
      VigilLocation *location = vigil_location_parse (g_getenv ("VIGIL_TEST_PG_URI"), &error);

      g_assert_no_error (error);
      reset_pg_database (location);
      return location;
    }
  else
    {
      g_autofree char *dir = vigil_test_make_tmpdir ();
      g_autofree char *path = g_build_filename (dir, "store.db", NULL);

      return vigil_location_new_sqlite (path);
    }
}

VigilStore *
vigil_test_open_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilLocation) location = vigil_test_empty_location ();
  VigilStore *store;

  store = vigil_store_open (location, VIGIL_STORE_OPEN_CREATE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  vigil_store_set_actor (store, "Test Runner (tester)");
  return store;
}

char *
vigil_test_write_file (const char *name,
                       const char *contents,
                       gssize      length)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = vigil_test_make_tmpdir ();
  char *path = g_build_filename (dir, name, NULL);

  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
  return path;
}

char *
vigil_test_write_synthetic (guint64 n,
                            guint64 seed)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = vigil_test_make_tmpdir ();
  char *path = g_build_filename (dir, "synthetic.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (vigil_synth_write_csv (n, seed, "2026-11-01", G_OUTPUT_STREAM (out), NULL, &error));
  g_assert_true (g_output_stream_close (G_OUTPUT_STREAM (out), NULL, &error));
  g_assert_no_error (error);
  return path;
}
