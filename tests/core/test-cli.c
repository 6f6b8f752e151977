/* test-cli.c: the built vigil-cli, run as a user runs it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>

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

  /* the demo's scheduled meeting: its agenda, and its panel pack */
  {
    g_autoptr(CliResult) agenda = run_cli (home, CHECK_LEAKS, "--database", db, "panel", "agenda", "2", NULL);
    g_autoptr(CliResult) built = run_cli (home, CHECK_LEAKS, "--database", db, "panel", "agenda", "2", "--build", NULL);
    g_autoptr(CliResult) bad = run_cli (home, CHECK_LEAKS, "--database", db, "panel", "agenda", "two", NULL);
    g_autofree char *pdf = g_build_filename (home, "pack.pdf", NULL);
    g_autoptr(CliResult) pack = run_cli (home, CHECK_LEAKS, "--database", db, "export", "panel-pack",
                                         "--meeting", "2", "--out", pdf, NULL);
    g_autoptr(CliResult) no_out = run_cli (home, CHECK_LEAKS, "--database", db, "export", "panel-pack",
                                           "--meeting", "2", NULL);

    assert_success (agenda);
    g_assert_true (g_regex_match_simple ("^ +1\\. .*SYN-P[0-9]+\\) — ", agenda->out, G_REGEX_MULTILINE, 0));
    assert_success (built);
    g_assert_true (g_regex_match_simple ("^Added [0-9]+ (person|people) to the agenda\\.$", built->out,
                                         G_REGEX_MULTILINE, 0));
    assert_user_error (bad);
    assert_success (pack);
    g_assert_true (g_regex_match_simple ("^Wrote .*pack\\.pdf \\([0-9]+ pages\\)\\.$", pack->out,
                                         G_REGEX_MULTILINE, 0));
    g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));
    assert_user_error (no_out);
  }

  /* the evaluation of the demo's cohort: the report, a chart and its numbers */
  {
    g_autoptr(CliResult) table = run_cli (home, CHECK_LEAKS, "--database", db, "evaluate", NULL);
    g_autoptr(CliResult) json = run_cli (home, CHECK_LEAKS, "--database", db, "evaluate",
                                         "--window-months", "12", "--format", "json", NULL);
    g_autoptr(CliResult) csv = run_cli (home, CHECK_LEAKS, "--database", db, "evaluate", "--format", "csv", NULL);
    g_autofree char *png = g_build_filename (home, "survival.png", NULL);
    g_autofree char *numbers = g_build_filename (home, "before-after.csv", NULL);
    g_autoptr(CliResult) chart = run_cli (home, CHECK_LEAKS, "--database", db, "evaluate", "--chart", "survival",
                                          "--out", png, "--width", "640", "--height", "400", "--style", "dark", NULL);
    g_autoptr(CliResult) chart_csv = run_cli (home, CHECK_LEAKS, "--database", db, "evaluate",
                                              "--chart", "before-after", "--out", numbers, NULL);
    g_autoptr(CliResult) unknown = run_cli (home, CHECK_LEAKS, "--database", db, "evaluate",
                                            "--chart", "pie", "--out", png, NULL);
    g_autoptr(CliResult) lonely = run_cli (home, CHECK_LEAKS, "--database", db, "evaluate", "--chart", "scores", NULL);
    g_autoptr(CliResult) bad_window = run_cli (home, CHECK_LEAKS, "--database", db, "evaluate",
                                               "--window-months", "200", NULL);
    g_autoptr(CliResult) bad_format = run_cli (home, CHECK_LEAKS, "--database", db, "evaluate",
                                               "--chart", "scores", "--out", "scores.gif", NULL);
    g_autoptr(JsonParser) parser = json_parser_new ();
    g_autoptr(GError) json_error = NULL;
    g_autofree char *text = NULL;
    g_autofree char *bytes = NULL;
    gsize length = 0;
    GStatBuf st;
    JsonObject *root;

    assert_success (table);
    g_assert_nonnull (strstr (table->out, "Before and after cohort entry"));
    g_assert_true (g_regex_match_simple ("^Managed +6 +[0-9]+ +[0-9]+ ", table->out, G_REGEX_MULTILINE, 0));
    g_assert_nonnull (strstr (table->out, "Time to the next incident (Kaplan–Meier)"));
    g_assert_nonnull (strstr (table->out, "not a randomised trial"));
    assert_success (json);
    g_assert_true (json_parser_load_from_data (parser, json->out, -1, &json_error));
    g_assert_no_error (json_error);
    root = json_node_get_object (json_parser_get_root (parser));
    g_assert_cmpint (json_array_get_int_element (json_object_get_array_member (root, "window_months"), 0), ==, 12);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "before_after")), ==, 2);
    g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "people")), >, 0);
    assert_success (csv);
    g_assert_nonnull (strstr (csv->out, "\n# survival\ngroup,people,events,censored,median_days,"));

    assert_success (chart);
    g_assert_nonnull (strstr (chart->out, "Wrote the survival chart"));
    g_assert_true (g_file_get_contents (png, &bytes, &length, NULL));
    g_assert_cmpuint (length, >, 8);
    g_assert_cmpint (memcmp (bytes, "\x89PNG\r\n\x1a\n", 8), ==, 0);
    g_assert_cmpint (g_stat (png, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
    assert_success (chart_csv);
    g_assert_true (g_file_get_contents (numbers, &text, NULL, NULL));
    g_assert_true (g_str_has_prefix (text, "Measure,Window (months),Group,People,Observed,"));
    g_assert_nonnull (strstr (text, "\n# Police-recorded incidents under-count"));

    assert_user_error (unknown);
    g_assert_nonnull (strstr (unknown->err, "There is no chart “pie”"));
    assert_user_error (lonely);
    assert_user_error (bad_window);
    g_assert_nonnull (strstr (bad_window->err, "200 months"));
    assert_user_error (bad_format);
    g_assert_nonnull (strstr (bad_format->err, "gif"));
  }
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

/* import-flags: the report, exit 2 with a rejected row, 0 for the same file again, 1 for
 * a user error */
static void
test_cli_import_flags (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *home = NULL;
  g_autofree char *db = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *missing = NULL;
  g_autoptr(CliResult) first = NULL;
  g_autoptr(CliResult) again = NULL;
  g_autoptr(CliResult) absent = NULL;
  g_autoptr(CliResult) no_file = NULL;
  g_autoptr(CliResult) help = NULL;

  if (skip_without_cli ())
    return;

  home = vigil_test_make_tmpdir ();
  db = g_build_filename (home, "flags.db", NULL);
  csv = g_build_filename (home, "partner-flags.csv", NULL);
  missing = g_build_filename (home, "missing.csv", NULL);
  g_file_set_contents (csv,
                       "person_ref,person_name,person_dob,person_pnc,agency,concern,reported_on,reported_by,isa_reference\n"
                       "SYN-F0001,\"Fakewick, Golf\",,,housing,Threats to a neighbour,2025-03-01,Synth Homes,ISA-SYN-01\n"
                       "SYN-F0002,\"Mockley, Echo\",,,bank,Concern,2025-03-02,,\n"
                       "SYN-F0003,\"Testwood, Alfa\",,,Mental health,Disclosed controlling behaviour,2025-03-03,,\n",
                       -1, &error);
  g_assert_no_error (error);

  first = run_cli (home, CHECK_LEAKS, "--database", db, "import-flags", csv, NULL);
  g_test_message ("%s", first->out);
  g_assert_cmpint (first->status, ==, 2);
  g_assert_nonnull (strstr (first->out, "Line 3, agency: unknown agency “bank”"));
  g_assert_nonnull (strstr (first->out, "3 rows read, 2 flags added, 0 already known, 1 rejected; 2 new people"));
  g_assert_nonnull (strstr (first->out, "2 people flagged have no incident as a perpetrator"));
  g_assert_nonnull (strstr (first->out, "\n  SYN-F0001\n  SYN-F0003\n"));

  again = run_cli (home, CHECK_LEAKS, "--database", db, "import-flags", csv, NULL);
  assert_success (again);
  g_assert_nonnull (strstr (again->out, "imported before"));

  absent = run_cli (home, CHECK_LEAKS, "--database", db, "import-flags", missing, NULL);
  assert_user_error (absent);

  no_file = run_cli (home, CHECK_LEAKS, "--database", db, "import-flags", NULL);
  assert_user_error (no_file);

  help = run_cli (home, CHECK_LEAKS, "import-flags", "--help", NULL);
  assert_success (help);
  g_assert_nonnull (strstr (help->out, "isa_reference"));
}

static gboolean
has_line_matching (const char *text,
                   const char *pattern)
{
  return g_regex_match_simple (pattern, text, G_REGEX_MULTILINE, 0);
}

/* Referrals, overrides and duplicate decisions through the CLI, and the judgements
 * beside the scores of refresh (table) and explain; refresh's CSV stays as it was. */
static void
test_cli_cohort_decisions (void)
{
  static const char csv[] =
    "incident_ref,occurred_at,perpetrator_ref,perpetrator_name,perpetrator_dob,victim_ref,victim_name,"
    "victim_dob,relationship,offence_code,dash_risk,stalking,area,perpetrator_pnc\n"
    "SYN-I0000001,2026-09-01,SYN-P0000001,\"DUPLEX-SYNTH, Sample\",1980-01-01,SYN-V0000001,\"VICTIM-SYNTH, One\",,ex_partner,abh,high,0,North Synthshire,80/000001A\n"
    "SYN-I0000002,2026-09-15,SYN-P0000002,\"DUPLEX-SYNTH, Sample\",1980-01-01,SYN-V0000002,\"VICTIM-SYNTH, Two\",,ex_partner,harassment,,0,North Synthshire,80/000001A\n"
    "SYN-I0000003,2026-10-01,SYN-P0000003,\"TRIPLE-SYNTH, Sample\",1975-02-02,SYN-V0000003,\"VICTIM-SYNTH, Three\",,intimate_partner,common_assault,,0,South Synthshire,\n";
  g_autofree char *home = NULL;
  g_autofree char *db = NULL;
  g_autofree char *csv_path = NULL;
  g_autoptr(CliResult) import = NULL;
  g_autoptr(CliResult) open = NULL;
  g_autoptr(CliResult) merge = NULL;
  g_autoptr(CliResult) merge_again = NULL;
  g_autoptr(CliResult) merged = NULL;
  g_autoptr(CliResult) bad_status = NULL;
  g_autoptr(CliResult) bad_id = NULL;
  g_autoptr(CliResult) refer = NULL;
  g_autoptr(CliResult) refer_again = NULL;
  g_autoptr(CliResult) refer_incomplete = NULL;
  g_autoptr(CliResult) include = NULL;
  g_autoptr(CliResult) exclude = NULL;
  g_autoptr(CliResult) no_rationale = NULL;
  g_autoptr(CliResult) bad_kind = NULL;
  g_autoptr(CliResult) review = NULL;
  g_autoptr(CliResult) backwards = NULL;
  g_autoptr(CliResult) no_reason = NULL;
  g_autoptr(CliResult) no_role = NULL;
  g_autoptr(CliResult) adopt = NULL;
  g_autoptr(CliResult) outsider = NULL;
  g_autoptr(CliResult) table = NULL;
  g_autoptr(CliResult) csv_out = NULL;
  g_autoptr(CliResult) explain = NULL;
  g_autoptr(CliResult) audit = NULL;

  if (skip_without_cli ())
    return;

  home = vigil_test_make_tmpdir ();
  db = g_build_filename (home, "force.db", NULL);
  csv_path = g_build_filename (home, "incidents.csv", NULL);
  g_assert_true (g_file_set_contents (csv_path, csv, -1, NULL));

  import = run_cli (home, CHECK_LEAKS, "--database", db, "import", csv_path, NULL);
  assert_success (import);

  /* the import found SYN-P0000002 looks like SYN-P0000001 */
  open = run_cli (home, CHECK_LEAKS, "--database", db, "duplicates", NULL);
  assert_success (open);
  g_test_message ("%s", open->out);
  g_assert_true (has_line_matching (open->out, "^Possible duplicate 1 \\(Open\\): "));
  g_assert_nonnull (strstr (open->out, "SYN-P0000001"));
  g_assert_nonnull (strstr (open->out, "SYN-P0000002"));
  g_assert_nonnull (strstr (open->out, "80/000001A"));
  g_assert_nonnull (strstr (open->out, "found by import batch 1"));

  merge = run_cli (home, CHECK_LEAKS, "--database", db, "duplicates", "merge", "1", "--keep", "SYN-P0000001",
                   "--by", "DS Merge Synth", "--rationale", "Same DOB and PNC ID", NULL);
  assert_success (merge);
  g_assert_nonnull (strstr (merge->out, "SYN-P0000001"));

  merge_again = run_cli (home, CHECK_LEAKS, "--database", db, "duplicates", "keep-apart", "1",
                         "--by", "DS Other Synth", "--rationale", "Changed my mind", NULL);
  assert_user_error (merge_again);
  g_assert_nonnull (strstr (merge_again->err, "already decided"));

  merged = run_cli (home, CHECK_LEAKS, "--database", db, "duplicates", "list", "--status", "merged", NULL);
  assert_success (merged);
  g_assert_nonnull (strstr (merged->out, "Decided by DS Merge Synth"));

  bad_status = run_cli (home, CHECK_LEAKS, "--database", db, "duplicates", "--status", "maybe", NULL);
  assert_user_error (bad_status);
  bad_id = run_cli (home, CHECK_LEAKS, "--database", db, "duplicates", "merge", "one", "--keep", "SYN-P0000001",
                    "--by", "DS Synth", "--rationale", "Why", NULL);
  assert_user_error (bad_id);

  /* a stalker unknown to police for DA enters by referral, once */
  refer = run_cli (home, CHECK_LEAKS, "--database", db, "refer", "--route", "stalking_referral",
                   "--source", "Stalking clinic", "--reason", "Fixated on a former colleague",
                   "--surname", "FIXATE-SYNTH", "--forenames", "Sample", "--ref", "SYN-R0000001",
                   "--on", "2026-10-05", "--area", "North Synthshire", NULL);
  assert_success (refer);
  g_assert_nonnull (strstr (refer->out, "SYN-R0000001"));
  g_assert_nonnull (strstr (refer->out, "Stalking referral"));
  g_assert_nonnull (strstr (refer->out, "2026-10-05"));

  refer_again = run_cli (home, CHECK_LEAKS, "--database", db, "refer", "--route", "agency_referral",
                         "--source", "Probation", "--reason", "Again", "--person", "SYN-R0000001", NULL);
  assert_user_error (refer_again);
  g_assert_nonnull (strstr (refer_again->err, "already in the cohort"));
  g_assert_nonnull (strstr (refer_again->err, "Candidate"));

  refer_incomplete = run_cli (home, CHECK_LEAKS, "--database", db, "refer", "--source", "Probation",
                              "--reason", "Why", "--person", "SYN-P0000003", NULL);
  assert_user_error (refer_incomplete);

  /* people decide: include one, exclude another; each needs a rationale */
  include = run_cli (home, CHECK_LEAKS, "--database", db, "override", "include", "SYN-P0000003",
                     "--by", "DI Judge Synth", "--role", "MATAC chair", "--rationale", "IDVA reports escalation",
                     "--on", "2026-11-02", NULL);
  assert_success (include);
  g_assert_nonnull (strstr (include->out, "included by DI Judge Synth"));
  g_assert_nonnull (strstr (include->out, "Not scored"));
  g_assert_nonnull (strstr (include->out, "Professional judgement"));

  exclude = run_cli (home, CHECK_LEAKS, "--database", db, "override", "exclude", "SYN-P0000002",
                     "--by", "DI Judge Synth", "--role", "MATAC chair", "--rationale", "Incidents resolved in court",
                     "--proportionality", "Reviewed against the victims' safety", NULL);
  assert_success (exclude);
  g_assert_nonnull (strstr (exclude->out, "SYN-P0000001")); /* the merged reference leads there */

  no_rationale = run_cli (home, CHECK_LEAKS, "--database", db, "override", "include", "SYN-P0000003",
                          "--by", "DI Judge Synth", "--role", "MATAC chair", NULL);
  assert_user_error (no_rationale);
  bad_kind = run_cli (home, CHECK_LEAKS, "--database", db, "override", "maybe", "SYN-P0000003",
                      "--by", "DI Judge Synth", "--role", "MATAC chair", "--rationale", "Why", NULL);
  assert_user_error (bad_kind);

  /* the status workflow: SYN-P0000003 is a candidate by judgement now */
  review = run_cli (home, CHECK_LEAKS, "--database", db, "cohort", "set", "SYN-P0000003", "under_review",
                    "--by", "DI Judge Synth", "--role", "MATAC chair", "--rationale", "Research for the panel",
                    "--date", "2026-11-02", NULL);
  assert_success (review);
  g_assert_nonnull (strstr (review->out, "Candidate → Under review"));
  g_assert_nonnull (strstr (review->out, "2026-11-02"));
  backwards = run_cli (home, CHECK_LEAKS, "--database", db, "cohort", "set", "SYN-P0000003", "candidate",
                       "--by", "DI Judge Synth", "--role", "MATAC chair", "--rationale", "Why", NULL);
  assert_user_error (backwards);
  g_assert_nonnull (strstr (backwards->err, "cannot move from Under review to Candidate"));
  no_reason = run_cli (home, CHECK_LEAKS, "--database", db, "cohort", "set", "SYN-P0000003", "exited",
                       "--by", "DI Judge Synth", "--role", "MATAC chair", "--rationale", "Why", NULL);
  assert_user_error (no_reason);
  g_assert_nonnull (strstr (no_reason->err, "reason"));
  no_role = run_cli (home, CHECK_LEAKS, "--database", db, "cohort", "set", "SYN-P0000003", "managed",
                     "--by", "DI Judge Synth", "--rationale", "Why", NULL);
  assert_user_error (no_role);
  adopt = run_cli (home, CHECK_LEAKS, "--database", db, "cohort", "set", "SYN-P0000003", "managed",
                   "--by", "DI Judge Synth", "--role", "MATAC chair", "--rationale", "Adopted by the panel",
                   "--lead-agency", "police", "--lead-officer", "DC Synth", NULL);
  /* principles 2 and 5: no plan with an exit strategy yet, so no adoption */
  assert_user_error (adopt);
  g_assert_nonnull (strstr (adopt->err, "no risk management plan"));
  outsider = run_cli (home, CHECK_LEAKS, "--database", db, "cohort", "set", "SYN-P0000001", "managed",
                      "--by", "DI Judge Synth", "--role", "MATAC chair", "--rationale", "Why", NULL);
  assert_user_error (outsider);
  g_assert_nonnull (strstr (outsider->err, "not in the cohort"));

  /* the judgements stand beside the scores */
  table = run_cli (home, CHECK_LEAKS, "--database", db, "refresh", "--as-of", "2026-11-03", NULL);
  assert_success (table);
  g_test_message ("%s", table->out);
  g_assert_true (has_line_matching (table->out, "^ +Rank +Reference .*Judgement$"));
  g_assert_true (has_line_matching (table->out, "SYN-P0000001 .*excluded by DI Judge Synth$"));
  g_assert_true (has_line_matching (table->out, "SYN-P0000003 .*included by DI Judge Synth$"));
  g_assert_false (strstr (table->out, "SYN-P0000002 ") != NULL);

  csv_out = run_cli (home, CHECK_LEAKS, "--database", db, "refresh", "--as-of", "2026-11-03", "--format", "csv", NULL);
  assert_success (csv_out);
  g_assert_true (g_str_has_prefix (csv_out->out, "rank,perpetrator_ref,R,F,G,V,total\n"));
  g_assert_null (strstr (csv_out->out, "excluded"));
  g_assert_true (has_line_matching (csv_out->out, "^[0-9]+,SYN-P0000001,[0-9]+,2,[0-9]+,3,[0-9.]+$"));

  explain = run_cli (home, CHECK_LEAKS, "--database", db, "explain", "SYN-P0000002", "--as-of", "2026-11-03", NULL);
  assert_success (explain);
  g_assert_true (has_line_matching (explain->out,
                                    "^  Judgement: excluded by DI Judge Synth \\(MATAC chair\\) on [0-9-]+: "
                                    "Incidents resolved in court$"));
  g_assert_nonnull (strstr (explain->out, "SYN-I0000002"));

  audit = run_cli (home, CHECK_LEAKS, "--database", db, "audit", "verify", NULL);
  assert_success (audit);
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
  g_test_add_func ("/cli/cohort-decisions", test_cli_cohort_decisions);
  g_test_add_func ("/cli/import-flags", test_cli_import_flags);

  return g_test_run ();
}
