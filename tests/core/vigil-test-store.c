/* vigil-test-store.c: fresh stores for tests, on SQLite or on PostgreSQL
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>

#include <glib/gstdio.h>

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

void
vigil_test_init_engine (void)
{
  vigil_core_init ();

  if (vigil_test_engine_is_pg () && g_getenv ("VIGIL_TEST_PG_URI") == NULL)
    exit (vigil_test_unavailable ("VIGIL_TEST_PG_URI is not set: no PostgreSQL to test on (tests/run starts a server)"));
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
