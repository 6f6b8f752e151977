/* bench-evaluation.c: evaluating 1,000 cohort members over a 1M-incident store
 * (issue 6: under 1 s)
 *
 *   bench-evaluation --database DB [--cli VIGIL-CLI] [--incidents N] [--members M] [--repeat K]
 *
 * When DB (a SQLite file) does not exist and --cli names vigil-cli, the store is made
 * as a coordinator would: `vigil-cli generate --incidents N --seed 1 --as-of 2026-11-01`
 * then `vigil-cli import`. Then, once (found again on later runs by their referral
 * source), M perpetrators (default 1,000) get a cohort entry adopted over the two years
 * before the as-of date, one in five exited, each with a plan of two interventions, two
 * panel actions and two victim-reported outcomes; and 2 × M others get an entry never
 * adopted (the comparison pool). All through the records API, so audited.
 *
 * Timed: vigil_evaluation_run () with the default options (6 and 12 months, comparison
 * matching) K times (default 5) after one warm-up; the median is printed against the
 * 1 s target. Side by side, in the same run, a peer: one SQL query in SQLite that
 * counts only the 6-month before/after incidents of the same people (what a
 * spreadsheet user would start from). Not a test: timings depend on the machine; build
 * without sanitizers (`--buildtype=release`) for honest figures.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vigil-bench"

#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "vigil-core.h"

#define BENCH_SOURCE "SYN-BENCH-EVALUATION"
#define AS_OF        "2026-11-01"

static char *database = NULL;
static char *cli_path = NULL;
static gint64 n_store_incidents = 1000000;
static int n_members = 1000;
static int repeat = 5;

static GOptionEntry entries[] = {
  { "database", 'd', 0, G_OPTION_ARG_STRING, &database, "The store: a SQLite file", "DB" },
  { "cli", 0, 0, G_OPTION_ARG_FILENAME, &cli_path, "vigil-cli, to make a missing store", "PATH" },
  { "incidents", 'n', 0, G_OPTION_ARG_INT64, &n_store_incidents, "Incidents of a store made here (default 1000000)", "N" },
  { "members", 'm', 0, G_OPTION_ARG_INT, &n_members, "Cohort members adopted (default 1000)", "M" },
  { "repeat", 'r', 0, G_OPTION_ARG_INT, &repeat, "Timed runs (default 5)", "K" },
  { NULL }
};

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

static void
run_or_die (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_print ("bench: %s %s …\n", argv[0], argv[1]);
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_CHILD_INHERITS_STDIN, NULL, NULL,
                     NULL, NULL, &status, &error))
    g_error ("cannot run %s: %s", argv[0], error->message);
  /* import exits 2 when rows were rejected: the store is still usable */
  if (!g_spawn_check_wait_status (status, &error) &&
      !(error->domain == G_SPAWN_EXIT_ERROR && error->code == 2))
    g_error ("%s %s failed: %s", argv[0], argv[1], error->message);
}

static void
make_store (const char *path)
{
  g_autofree char *tmpdir = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT, n_store_incidents);
  g_autoptr(GError) error = NULL;
  double start = now_ms ();

  if (cli_path == NULL)
    g_error ("%s does not exist: give --cli PATH-TO-vigil-cli to make it", path);

  tmpdir = g_dir_make_tmp ("bench-evaluation-XXXXXX", &error);
  if (tmpdir == NULL)
    g_error ("%s", error->message);
  csv = g_build_filename (tmpdir, "incidents.csv", NULL);
  {
    const char *generate[] = { cli_path, "generate", "--incidents", count, "--seed", "1",
                               "--as-of", AS_OF, "--out", csv, NULL };
    const char *import[] = { cli_path, "--database", path, "import", csv, NULL };

    run_or_die (generate);
    run_or_die (import);
  }
  g_unlink (csv);
  g_rmdir (tmpdir);
  g_print ("bench: made %s with %s incidents in %.1f s\n", path, count, (now_ms () - start) / 1000.0);
}

static gint64
count_members (VigilStore *store)
{
  static const GType types[] = { G_TYPE_INT64, G_TYPE_NONE };
  g_autoptr(GError) error = NULL;
  GValue source = G_VALUE_INIT;
  g_autoptr(GdaDataModel) model = NULL;
  const GValue *value;

  g_value_init (&source, G_TYPE_STRING);
  g_value_set_string (&source, BENCH_SOURCE);
  model = vigil_store_query (store, "SELECT COUNT(*) FROM cohort_entry WHERE referral_source = ##p0::string",
                             &source, 1, types, &error);
  g_value_unset (&source);
  if (model == NULL)
    g_error ("cannot count the members: %s", error->message);
  value = gda_data_model_get_value_at (model, 0, 0, &error);
  return value != NULL ? g_value_get_int64 (value) : 0;
}

static char *
day_text (int days_before_as_of)
{
  GDate date;
  char text[16];

  g_date_clear (&date, 1);
  g_date_set_parse (&date, AS_OF);
  g_date_subtract_days (&date, days_before_as_of);
  g_date_strftime (text, sizeof text, "%Y-%m-%d", &date);
  return g_strdup (text);
}

static void
insert_or_die (VigilStore            *store,
               const VigilRecordType *type,
               gpointer               record)
{
  g_autoptr(GError) error = NULL;

  if (!vigil_store_insert (store, type, record, &error))
    g_error ("cannot insert a %s: %s", type->table, error->message);
}

/* The people: perpetrators in id order (the generator's order is random enough). */
static void
add_members (VigilStore *store)
{
  static const GType types[] = { G_TYPE_INT64, G_TYPE_NONE };
  static const char * const codes[] = { "dapo", "respect_programme", "idva_support", "engagement_visit",
                                        "targeted_patrols", "mental_health_referral" };
  static const char * const statuses[] = { "agreed", "in_progress", "completed", "breached", "not_progressed" };
  g_autoptr(GError) error = NULL;
  g_autoptr(GdaDataModel) model = NULL;
  GValue limit = G_VALUE_INIT;
  double start = now_ms ();
  int n;

  g_value_init (&limit, G_TYPE_INT64);
  g_value_set_int64 (&limit, 3 * (gint64) n_members);
  model = vigil_store_query (store,
                             "SELECT perpetrator_id FROM incident GROUP BY perpetrator_id"
                             " HAVING COUNT(*) >= 2 ORDER BY perpetrator_id LIMIT ##p0::gint64",
                             &limit, 1, types, &error);
  if (model == NULL)
    g_error ("cannot choose the members: %s", error->message);
  n = gda_data_model_get_n_rows (model);
  for (int i = 0; i < n; i++)
    {
      gint64 person = g_value_get_int64 (gda_data_model_get_value_at (model, 0, i, NULL));
      g_autoptr(VigilCohortEntry) entry = vigil_cohort_entry_new ();
      gboolean adopted = i < n_members;
      int entered = 30 + (i * 700) / MAX (n_members, 1);

      entry->person_id = person;
      entry->route = g_strdup (i % 7 == 0 ? "stalking_referral" : "rfgv");
      entry->referral_source = g_strdup (BENCH_SOURCE);
      entry->identified_on = day_text (entered + 21);
      if (adopted)
        {
          entry->adopted_on = day_text (entered);
          if (i % 5 == 0 && entered > 230)
            {
              entry->status = g_strdup ("exited");
              entry->exited_on = day_text (entered - 200);
              entry->exit_reason = g_strdup (i % 10 == 0 ? "risk_reduced" : "custody");
            }
          else
            entry->status = g_strdup (i % 3 == 0 ? "scaling_back" : "managed");
        }
      else
        entry->status = g_strdup (i % 2 == 0 ? "of_concern" : "candidate");
      insert_or_die (store, &vigil_cohort_entry_type, entry);

      if (adopted)
        {
          g_autoptr(VigilPlan) plan = vigil_plan_new ();

          plan->person_id = person;
          plan->objectives = g_strdup ("Synthetic bench plan");
          insert_or_die (store, &vigil_plan_type, plan);
          for (int k = 0; k < 2; k++)
            {
              g_autoptr(VigilIntervention) intervention = vigil_intervention_new ();
              g_autoptr(VigilAction) action = vigil_action_new ();
              g_autoptr(VigilOutcomeObservation) outcome = vigil_outcome_observation_new ();

              intervention->plan_id = plan->record.id;
              intervention->option_code = g_strdup (codes[(i + k) % G_N_ELEMENTS (codes)]);
              intervention->status = g_strdup (statuses[(i + 2 * k) % G_N_ELEMENTS (statuses)]);
              intervention->breaches = g_str_equal (intervention->status, "breached") ? 1 : 0;
              insert_or_die (store, &vigil_intervention_type, intervention);

              action->person_id = person;
              action->description = g_strdup ("Synthetic bench action");
              action->due_on = day_text (entered - 14 - 30 * k);
              action->status = g_strdup ((i + k) % 4 == 0 ? "open" : "done");
              if (g_str_equal (action->status, "done"))
                action->completed_on = day_text (entered - 10 - 35 * k);
              insert_or_die (store, &vigil_action_type, action);

              outcome->person_id = person;
              outcome->observed_on = day_text (MAX (entered - 120 * k, 1));
              outcome->source = g_strdup ("victim_reported");
              outcome->measure = g_strdup ("feels_safe");
              outcome->rating = 1 + (i + 2 * k) % 5;
              insert_or_die (store, &vigil_outcome_observation_type, outcome);
            }
        }
    }
  g_value_unset (&limit);
  g_print ("bench: added %d cohort entries (%d adopted) with plans, actions and outcomes in %.1f s\n",
           n, MIN (n, n_members), (now_ms () - start) / 1000.0);
}

/* The peer: one SQL query for the 6-month before/after counts of the adopted. */
static double
run_peer (const char *path,
          gint64     *n_rows)
{
  static const char sql[] =
    "WITH m AS (SELECT person_id, adopted_on AS e FROM cohort_entry"
    "           WHERE adopted_on IS NOT NULL AND referral_source = '" BENCH_SOURCE "')"
    " SELECT m.person_id,"
    "  SUM(substr(i.occurred_at, 1, 10) > date(m.e, '-6 months') AND substr(i.occurred_at, 1, 10) <= m.e),"
    "  SUM(substr(i.occurred_at, 1, 10) > m.e AND substr(i.occurred_at, 1, 10) <= date(m.e, '+6 months'))"
    " FROM m JOIN incident i ON i.perpetrator_id = m.person_id AND i.relationship <> 'non_domestic'"
    " GROUP BY m.person_id";
  sqlite3 *db = NULL;
  sqlite3_stmt *statement = NULL;
  double start;

  if (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    g_error ("cannot open %s: %s", path, sqlite3_errmsg (db));
  start = now_ms ();
  if (sqlite3_prepare_v2 (db, sql, -1, &statement, NULL) != SQLITE_OK)
    g_error ("cannot prepare the peer query: %s", sqlite3_errmsg (db));
  *n_rows = 0;
  while (sqlite3_step (statement) == SQLITE_ROW)
    (*n_rows)++;
  sqlite3_finalize (statement);
  start = now_ms () - start;
  sqlite3_close (db);
  return start;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("- time the evaluation");
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilLocation) location = NULL;
  g_autoptr(VigilStore) store = NULL;
  g_autoptr(VigilEvaluation) evaluation = NULL;
  g_autofree double *samples = NULL;
  g_autofree double *peer = NULL;
  VigilWindowSummary summary;
  const VigilSurvival *survival;
  gint64 peer_rows = 0;
  double median, peer_median;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  if (database == NULL || repeat < 1 || n_members < 1 || g_str_has_prefix (database, "postgresql://"))
    {
      g_printerr ("bench-evaluation: --database FILE (SQLite) is required, --repeat and --members at least 1\n");
      return 1;
    }

  vigil_core_init ();
  location = vigil_location_parse (database, &error);
  if (location == NULL)
    g_error ("%s", error->message);
  if (!g_file_test (database, G_FILE_TEST_EXISTS))
    make_store (database);
  store = vigil_store_open (location, VIGIL_STORE_OPEN_NONE, NULL, &error);
  if (store == NULL)
    g_error ("cannot open %s: %s", database, error->message);
  if (count_members (store) == 0)
    add_members (store);

  /* one warm-up run (the fact cache is rebuilt after the inserts), then the timed ones */
  evaluation = vigil_evaluation_run (store, NULL, NULL, NULL, &error);
  if (evaluation == NULL)
    g_error ("cannot evaluate: %s", error->message);
  g_clear_pointer (&evaluation, vigil_evaluation_free);

  samples = g_new (double, repeat);
  peer = g_new (double, repeat);
  for (int i = 0; i < repeat; i++)
    {
      double start = now_ms ();

      evaluation = vigil_evaluation_run (store, NULL, NULL, NULL, &error);
      samples[i] = now_ms () - start;
      if (evaluation == NULL)
        g_error ("cannot evaluate: %s", error->message);
      if (i < repeat - 1)
        g_clear_pointer (&evaluation, vigil_evaluation_free);
      peer[i] = run_peer (database, &peer_rows);
    }
  qsort (samples, repeat, sizeof (double), compare_doubles);
  qsort (peer, repeat, sizeof (double), compare_doubles);
  median = samples[repeat / 2];
  peer_median = peer[repeat / 2];

  vigil_evaluation_summarise (evaluation, VIGIL_EVALUATION_MANAGED, 0, &summary);
  survival = vigil_evaluation_get_survival (evaluation, VIGIL_EVALUATION_MANAGED);
  g_print ("bench: store %s, data to %s\n", database, vigil_evaluation_get_end_date (evaluation));
  g_print ("bench: %u managed (%u observable for 6 months: %" G_GINT64_FORMAT " → %" G_GINT64_FORMAT
           " incidents), %u compared; survival over %u people, %u incidents\n",
           vigil_evaluation_count_group (evaluation, VIGIL_EVALUATION_MANAGED), summary.observable,
           summary.before[VIGIL_MEASURE_INCIDENTS], summary.after[VIGIL_MEASURE_INCIDENTS],
           vigil_evaluation_count_group (evaluation, VIGIL_EVALUATION_COMPARISON), survival->n, survival->events);
  g_print ("bench: vigil_evaluation_run over %d runs: median %.1f ms, min %.1f ms, max %.1f ms "
           "(target < 1000 ms: %s)\n",
           repeat, median, samples[0], samples[repeat - 1], median < 1000.0 ? "met" : "MISSED");
  g_print ("bench: peer, one SQLite query for the 6-month before/after counts only (%" G_GINT64_FORMAT
           " rows): median %.1f ms, min %.1f ms, max %.1f ms\n",
           peer_rows, peer_median, peer[0], peer[repeat - 1]);

  return median < 1000.0 ? 0 : 1;
}
