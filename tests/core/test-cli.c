/* test-cli.c: the built vigil-cli, run as a user runs it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <sys/wait.h>

#include <glib/gstdio.h>

#include "vigil-test-store.h"

typedef struct
{
  char *out;
  char *err;
  int   status;   /* the exit status */
} CliResult;

static void
cli_result_free (CliResult *result)
{
  g_free (result->out);
  g_free (result->err);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CliResult, cli_result_free)

static char *
dup_cli_path (void)
{
  const char *build_root = g_getenv ("VIGIL_BUILD_ROOT");

  if (build_root == NULL)
    return NULL;

  return g_build_filename (build_root, "app", "cli", "vigil-cli", NULL);
}

typedef enum
{
  CHECK_LEAKS,
  /* Filling the demo is ~1,500 audited inserts; with tests/run's exact-stack leak
   * checking (fast_unwind_on_malloc=0) that alone takes most of a minute. test-demo
   * checks vigil_demo_fill for leaks in its own process, so here the demo runs with
   * ASan but without leak checking. */
  NO_LEAK_CHECK,
} CliSanitizer;

/* Runs vigil-cli with @args (NULL-terminated) in @home, an isolated data folder. */
static CliResult *
run_cli (const char   *home,
         CliSanitizer  sanitizer,
         const char   *first_arg,
         ...)
{
  g_autofree char *path = dup_cli_path ();
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) envp = g_get_environ ();
  g_autofree char *data_home = g_build_filename (home, "data", NULL);
  g_autoptr(GError) error = NULL;
  CliResult *result = g_new0 (CliResult, 1);
  int wait_status = 0;
  va_list ap;

  g_ptr_array_add (argv, path);
  va_start (ap, first_arg);
  for (const char *arg = first_arg; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);

  /* Never touch the user's own files or database */
  envp = g_environ_setenv (envp, "XDG_DATA_HOME", data_home, TRUE);
  envp = g_environ_unsetenv (envp, "VIGIL_DATABASE");
  envp = g_environ_setenv (envp, "LC_ALL", "C.UTF-8", TRUE);
  if (sanitizer == NO_LEAK_CHECK)
    {
      envp = g_environ_setenv (envp, "ASAN_OPTIONS", "detect_leaks=0:abort_on_error=1", TRUE);
      envp = g_environ_setenv (envp, "LSAN_OPTIONS", "fast_unwind_on_malloc=1", TRUE);
    }

  g_spawn_sync (home, (char **) argv->pdata, envp, G_SPAWN_DEFAULT, NULL, NULL,
                &result->out, &result->err, &wait_status, &error);
  g_assert_no_error (error);

  if (WIFEXITED (wait_status))
    result->status = WEXITSTATUS (wait_status);
  else
    result->status = -1;

  return result;
}

static gboolean
skip_without_cli (void)
{
  g_autofree char *path = dup_cli_path ();

  if (path == NULL || !g_file_test (path, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_test_skip ("VIGIL_BUILD_ROOT does not point at a built vigil-cli");
      return TRUE;
    }

  return FALSE;
}

static void
assert_success (CliResult *result)
{
  if (result->status != 0)
    g_error ("vigil-cli exited with %d: %s", result->status, result->err);
}

static void
assert_user_error (CliResult *result)
{
  g_assert_cmpint (result->status, ==, 1);
  g_assert_cmpstr (result->out, ==, "");
  g_assert_true (strlen (result->err) > 0);
  g_assert_true (g_str_has_prefix (result->err, "vigil-cli"));
}

static void
test_cli_generate (void)
{
  g_autofree char *home = NULL;
  g_autofree char *file = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(CliResult) a = NULL;
  g_autoptr(CliResult) b = NULL;
  g_autoptr(CliResult) c = NULL;
  g_autoptr(CliResult) d = NULL;
  g_auto(GStrv) lines = NULL;

  if (skip_without_cli ())
    return;

  home = vigil_test_make_tmpdir ();
  a = run_cli (home, CHECK_LEAKS, "generate", "--incidents", "400", "--seed", "5",
               "--as-of", "2025-01-31", "--out", "-", NULL);
  assert_success (a);
  b = run_cli (home, CHECK_LEAKS, "generate", "--as-of=2025-01-31", "-n", "400", "-s", "5",
               "--out", "-", NULL);
  assert_success (b);
  g_assert_cmpstr (a->out, ==, b->out);

  c = run_cli (home, CHECK_LEAKS, "generate", "--incidents", "400", "--seed", "6",
               "--as-of", "2025-01-31", "--out", "-", NULL);
  assert_success (c);
  g_assert_cmpstr (a->out, !=, c->out);

  lines = g_strsplit (a->out, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 402); /* header, 400 rows, "" after the last \n */
  g_assert_cmpstr (lines[0], ==, VIGIL_SYNTH_CSV_HEADER);
  g_assert_true (g_str_has_prefix (lines[1], "SYN-I0000001,"));

  /* To a file: the same bytes */
  file = g_build_filename (home, "incidents.csv", NULL);
  d = run_cli (home, CHECK_LEAKS, "generate", "--incidents", "400", "--seed", "5",
               "--as-of", "2025-01-31", "--out", "incidents.csv", NULL);
  assert_success (d);
  g_assert_cmpstr (d->out, ==, "");
  g_assert_true (g_file_get_contents (file, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, a->out);
}

static void
test_cli_bad_arguments (void)
{
  static const char * const bad[][8] = {
    { "generate", "--out", "x.csv", NULL },                              /* no --incidents */
    { "generate", "--incidents", "many", "--out", "x.csv", NULL },
    { "generate", "--incidents", "-5", "--out", "x.csv", NULL },
    { "generate", "--incidents", "10", NULL },                           /* no --out */
    { "generate", "--incidents", "10", "--as-of", "2025-13-01", "--out", "x.csv" },
    { "generate", "--incidents", "10", "--seed", "x", "--out", "x.csv" },
    { "generate", "--incidents", "10", "--out", "x.csv", "extra" },
    { "generate", "--incidents", "10", "--out", "no/such/folder/x.csv", NULL },
    { "generate", "--frobnicate", NULL },
    { "frobnicate", NULL },
    { "--frobnicate", "info", NULL },
    { "audit", NULL },
    { "demo", "--as-of", "yesterday", NULL },
  };
  g_autofree char *home = NULL;
  g_autofree char *file = NULL;

  if (skip_without_cli ())
    return;

  home = vigil_test_make_tmpdir ();
  file = g_build_filename (home, "x.csv", NULL);

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(CliResult) result = NULL;

      result = run_cli (home, CHECK_LEAKS, bad[i][0], bad[i][1], bad[i][2], bad[i][3],
                        bad[i][4], bad[i][5], bad[i][6], bad[i][7], NULL);
      g_test_message ("%s %s → %d: %s", bad[i][0], bad[i][1] ? bad[i][1] : "",
                      result->status, result->err);
      if (g_str_equal (bad[i][0], "frobnicate") || g_str_equal (bad[i][0], "--frobnicate") ||
          g_str_equal (bad[i][0], "audit"))
        {
          /* the usage goes to stderr */
          g_assert_cmpint (result->status, ==, 1);
          g_assert_cmpstr (result->out, ==, "");
          g_assert_true (strstr (result->err, "generate") != NULL);
        }
      else
        assert_user_error (result);

      /* Nothing was written */
      g_assert_false (g_file_test (file, G_FILE_TEST_EXISTS));
    }
}

static void
test_cli_help (void)
{
  g_autofree char *home = NULL;
  g_autoptr(CliResult) top = NULL;
  g_autoptr(CliResult) generate = NULL;
  g_autoptr(CliResult) audit = NULL;
  g_autoptr(CliResult) help = NULL;

  if (skip_without_cli ())
    return;

  home = vigil_test_make_tmpdir ();
  top = run_cli (home, CHECK_LEAKS, "--help", NULL);
  assert_success (top);
  g_assert_nonnull (strstr (top->out, "audit verify"));
  g_assert_nonnull (strstr (top->out, "--database"));

  generate = run_cli (home, CHECK_LEAKS, "generate", "--help", NULL);
  assert_success (generate);
  g_assert_nonnull (strstr (generate->out, "--incidents"));
  g_assert_nonnull (strstr (generate->out, "--as-of"));

  audit = run_cli (home, CHECK_LEAKS, "audit", "verify", "-h", NULL);
  assert_success (audit);
  g_assert_nonnull (strstr (audit->out, "audit verify"));

  help = run_cli (home, CHECK_LEAKS, "help", "demo", NULL);
  assert_success (help);
  g_assert_nonnull (strstr (help->out, "--seed"));
}

static void
test_cli_demo_and_info (void)
{
  g_autofree char *home = NULL;
  g_autofree char *db = NULL;
  g_autofree char *missing = NULL;
  g_autofree char *database_option = NULL;
  g_autoptr(CliResult) demo = NULL;
  g_autoptr(CliResult) info = NULL;
  g_autoptr(CliResult) audit = NULL;
  g_autoptr(CliResult) again = NULL;
  g_autoptr(CliResult) info_again = NULL;
  g_autoptr(CliResult) absent = NULL;

  if (skip_without_cli ())
    return;

  home = vigil_test_make_tmpdir ();
  db = g_build_filename (home, "demo.db", NULL);
  missing = g_build_filename (home, "missing.db", NULL);
  database_option = g_strconcat ("--database=", db, NULL);

  demo = run_cli (home, NO_LEAK_CHECK, "--database", db, "demo", "--as-of", "2025-06-30",
                 NULL);
  assert_success (demo);
  g_assert_nonnull (strstr (demo->out, "demo"));
  g_assert_true (g_file_test (db, G_FILE_TEST_EXISTS));

  info = run_cli (home, CHECK_LEAKS, "info", database_option, NULL);
  assert_success (info);
  g_test_message ("%s", info->out);
  g_assert_nonnull (strstr (info->out, "SQLite"));
  g_assert_nonnull (strstr (info->out, "demo"));
  g_assert_nonnull (strstr (info->out, db));
  g_assert_true (g_regex_match_simple ("^Incidents: +500$", info->out, G_REGEX_MULTILINE, 0));

  audit = run_cli (home, CHECK_LEAKS, "--database", db, "audit", "verify", NULL);
  assert_success (audit);
  g_assert_true (g_regex_match_simple ("[0-9]+ rows", audit->out, 0, 0));

  /* A second demo is refused and changes nothing */
  again = run_cli (home, CHECK_LEAKS, "--database", db, "demo", NULL);
  assert_user_error (again);
  info_again = run_cli (home, CHECK_LEAKS, "--database", db, "info", NULL);
  assert_success (info_again);
  g_assert_cmpstr (info_again->out, ==, info->out);

  /* info never creates a database */
  absent = run_cli (home, CHECK_LEAKS, "--database", missing, "info", NULL);
  assert_user_error (absent);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

static void
test_cli_database_from_environment (void)
{
  g_autofree char *home = NULL;
  g_autoptr(CliResult) absent = NULL;
  g_autofree char *default_db = NULL;

  if (skip_without_cli ())
    return;

  /* Without --database nor $VIGIL_DATABASE, the default file in the user data folder */
  home = vigil_test_make_tmpdir ();
  default_db = g_build_filename (home, "data", "vigil", "vigil.db", NULL);
  absent = run_cli (home, CHECK_LEAKS, "info", NULL);
  assert_user_error (absent);
  g_assert_nonnull (strstr (absent->err, default_db));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/generate", test_cli_generate);
  g_test_add_func ("/cli/bad-arguments", test_cli_bad_arguments);
  g_test_add_func ("/cli/help", test_cli_help);
  g_test_add_func ("/cli/database-from-environment", test_cli_database_from_environment);
  g_test_add_func ("/cli/demo-and-info", test_cli_demo_and_info);

  return g_test_run ();
}
