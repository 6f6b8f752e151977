/* test-location.c: parsing where a store lives
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vigil-test-store.h"

static void
test_sqlite_paths (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilLocation) relative = vigil_location_parse ("some/store.db", &error);
  g_autoptr(VigilLocation) uri = NULL;
  g_autofree char *cwd = g_get_current_dir ();
  g_autofree char *expected = g_build_filename (cwd, "some", "store.db", NULL);

  g_assert_no_error (error);
  g_assert_cmpint (relative->engine, ==, VIGIL_ENGINE_SQLITE);
  g_assert_cmpstr (relative->path, ==, expected);

  uri = vigil_location_parse ("file:///tmp/a%20b/store.db", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (uri->path, ==, "/tmp/a b/store.db");
}

static void
test_postgresql_uri (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilLocation) location = NULL;
  g_autoptr(VigilLocation) copy = NULL;
  g_autoptr(VigilLocation) no_user = NULL;
  g_autofree char *display = NULL;
  g_autofree char *uri = NULL;

  location = vigil_location_parse ("postgresql://coordinator:s%40cret%3Aword@db.example.test:5433/vigil_force", &error);
  g_assert_no_error (error);
  g_assert_cmpint (location->engine, ==, VIGIL_ENGINE_POSTGRESQL);
  g_assert_cmpstr (location->host, ==, "db.example.test");
  g_assert_cmpuint (location->port, ==, 5433);
  g_assert_cmpstr (location->dbname, ==, "vigil_force");
  g_assert_cmpstr (location->user, ==, "coordinator");
  g_assert_cmpstr (location->password, ==, "s@cret:word");

  display = vigil_location_to_display_string (location);
  g_assert_null (strstr (display, "cret"));
  g_assert_nonnull (strstr (display, "coordinator@db.example.test:5433/vigil_force"));

  uri = vigil_location_to_uri (location, TRUE);
  copy = vigil_location_parse (uri, &error);
  g_assert_no_error (error);
  g_assert_true (vigil_location_equal (location, copy));
  g_assert_cmpstr (copy->password, ==, "s@cret:word");

  no_user = vigil_location_parse ("postgres://localhost/vigil", &error);
  g_assert_no_error (error);
  g_assert_null (no_user->user);
  g_assert_null (no_user->password);
  g_assert_cmpuint (no_user->port, ==, 0);
}

static void
test_bad_locations (void)
{
  static const struct
  {
    const char *spec;
    const char *says;
  } cases[] = {
    { "", "No database was given" },
    { "   ", "No database was given" },
    { "postgresql://user@host", "names no database" },
    { "postgresql://user@host/", "names no database" },
    { "postgresql://user@host/a/b", "names no database" },
    { "postgresql:///vigil", "names no server" },
    { "postgresql://user@host/db?sslmode=require", "options after" },
    { "postgresql://user:it's@host/db", "single quote" },
    { "postgresql://user@host:99999/db", "not valid" },
    { "mysql://user@host/db", "cannot use a “mysql:” database" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(VigilLocation) location = vigil_location_parse (cases[i].spec, &error);

      g_test_message ("spec: %s", cases[i].spec);
      g_assert_null (location);
      g_assert_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_INVALID_LOCATION);
      g_assert_nonnull (strstr (error->message, cases[i].says));
    }
}

static void
test_environment (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilLocation) from_option = NULL;
  g_autoptr(VigilLocation) from_env = NULL;
  g_autoptr(VigilLocation) fallback = NULL;
  g_autoptr(VigilLocation) expected_default = vigil_location_get_default ();
  g_autoptr(VigilLocation) demo = vigil_location_get_demo ();

  g_setenv ("VIGIL_DATABASE", "/tmp/from-env.db", TRUE);
  from_option = vigil_location_from_environment ("/tmp/from-option.db", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (from_option->path, ==, "/tmp/from-option.db");

  from_env = vigil_location_from_environment (NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (from_env->path, ==, "/tmp/from-env.db");

  g_unsetenv ("VIGIL_DATABASE");
  fallback = vigil_location_from_environment (NULL, &error);
  g_assert_no_error (error);
  g_assert_true (vigil_location_equal (fallback, expected_default));

  /* real and demo data live in different files */
  g_assert_false (vigil_location_equal (demo, expected_default));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/location/sqlite-paths", test_sqlite_paths);
  g_test_add_func ("/location/postgresql-uri", test_postgresql_uri);
  g_test_add_func ("/location/bad", test_bad_locations);
  g_test_add_func ("/location/environment", test_environment);

  return g_test_run ();
}
