/* bench-rfgv.c: how fast the RFGV engine scores, re-scores and loads
 *
 *   bench-rfgv [--incidents N] [--seed S] [--as-of DATE] [--repeat K] [--store FILE.db]
 *
 * Generates N synthetic incidents (vigil_synth_generate), builds a fact set in memory
 * and times scoring with the default profile, re-scoring with changed profiles (what a
 * profile editor does), an explanation and the movers. With --store, also times a
 * full refresh from that SQLite store (load + score) in a fresh process, with its
 * peak RSS, reading every incident and then through the fact cache; a missing store file is first made from the same synthetic incidents,
 * written with sqlite3 directly. Prints a table. Not a test: timings depend on the
 * machine.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vigil-bench"

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "vigil-core.h"
#include "vigil-fact-cache.h"
#include "vigil-rfgv.h"
#include "vigil-scoring-profile.h"

static gint64 n_incidents = 1000000;
static gint64 seed = 1;
static char *as_of_text = NULL;
static int repeat = 7;
static char *store_path = NULL;
static char *csv_path = NULL;
static char *refresh_path = NULL;   /* internal: measure one refresh in this process */
static gboolean from_cache = FALSE;  /* internal: ... loading through the fact cache */

static GOptionEntry entries[] = {
  { "incidents", 'n', 0, G_OPTION_ARG_INT64, &n_incidents, "Synthetic incidents (default 1000000)", "N" },
  { "seed", 's', 0, G_OPTION_ARG_INT64, &seed, "Seed (default 1)", "S" },
  { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of_text, "As-of date (default 2025-06-30)", "DATE" },
  { "repeat", 'r', 0, G_OPTION_ARG_INT, &repeat, "Runs per timing (default 7)", "K" },
  { "store", 0, 0, G_OPTION_ARG_FILENAME, &store_path, "A SQLite store to refresh from (made when missing)", "FILE.db" },
  { "csv", 0, 0, G_OPTION_ARG_FILENAME, &csv_path, "Write the default ranking as rank,perpetrator_ref,R,F,G,V,total", "FILE.csv" },
  { "measure-refresh", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_FILENAME, &refresh_path, NULL, NULL },
  { "from-cache", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_NONE, &from_cache, NULL, NULL },
  { NULL }
};

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* The peak resident set of this process image. VmHWM, not getrusage's ru_maxrss:
 * Linux carries ru_maxrss over fork and exec, so a child spawned by a big parent would
 * report the parent's size. */
static double
peak_rss_mb (void)
{
  g_autofree char *status = NULL;
  struct rusage usage;

  if (g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    {
      const char *line = strstr (status, "VmHWM:");

      if (line != NULL)
        return g_ascii_strtod (line + strlen ("VmHWM:"), NULL) / 1024.0;  /* kB */
    }
  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;
}

static double
cpu_ms (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * 1000.0 +
         (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1000.0;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

typedef struct
{
  double min;
  double median;
} Timing;

static Timing
summarise (double *samples,
           int     n)
{
  Timing timing;

  qsort (samples, n, sizeof (double), compare_doubles);
  timing.min = samples[0];
  timing.median = samples[n / 2];
  return timing;
}

static GDate
parse_date (const char *text)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, MAX (vigil_rfgv_parse_day (text), 1));
  return date;
}

static Timing
time_score (const VigilFactSet        *facts,
            const VigilScoringProfile *profile,
            const GDate               *as_of,
            guint                     *n_rows,
            guint                     *n_cohort)
{
  g_autofree double *samples = g_new (double, repeat);

  for (int i = 0; i < repeat; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(VigilScoreTable) table = NULL;
      double start = now_ms ();

      table = vigil_rfgv_score (facts, profile, as_of, &error);
      samples[i] = now_ms () - start;
      if (table == NULL)
        g_error ("scoring failed: %s", error->message);
      *n_rows = vigil_score_table_get_n_rows (table);
      *n_cohort = vigil_score_table_get_n_cohort (table);
    }
  return summarise (samples, repeat);
}

/* ------------------------------------------------------------------------------------
 * Synthetic incidents into a builder, or into a store file
 * ------------------------------------------------------------------------------------ */

static gboolean
add_to_builder (const VigilSynthIncident  *incident,
                gpointer                   user_data,
                GError                   **error)
{
  VigilFactInput input = {
    .person_id = incident->perpetrator.number,
    .person_ref = incident->perpetrator.ref,
    .occurred_at = incident->occurred_at,
    .victim_id = incident->victim.ref[0] != '\0' ? incident->victim.number : 0,
    .victim_ref = incident->victim.ref[0] != '\0' ? incident->victim.ref : NULL,
    .relationship = incident->relationship,
    .offence_code = incident->offence_code,
    .area = incident->area,
    .incident_id = incident->number,
  };

  return vigil_fact_set_builder_add (user_data, &input, error);
}

typedef struct
{
  sqlite3      *db;
  sqlite3_stmt *person;
  sqlite3_stmt *incident;
  GHashTable   *known;   /* person numbers already written */
  char         *now;
} StoreWriter;

static void
write_person (StoreWriter            *writer,
              const VigilSynthPerson *person)
{
  g_autofree char *uuid = NULL;

  if (!g_hash_table_add (writer->known, GUINT_TO_POINTER (person->number)))
    return;
  uuid = g_uuid_string_random ();
  sqlite3_reset (writer->person);
  sqlite3_bind_int64 (writer->person, 1, person->number);
  sqlite3_bind_text (writer->person, 2, writer->now, -1, SQLITE_STATIC);
  sqlite3_bind_text (writer->person, 3, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (writer->person, 4, person->surname, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (writer->person, 5, person->forenames, -1, SQLITE_TRANSIENT);
  if (person->dob[0] != '\0')
    sqlite3_bind_text (writer->person, 6, person->dob, -1, SQLITE_TRANSIENT);
  else
    sqlite3_bind_null (writer->person, 6);
  sqlite3_bind_text (writer->person, 7, person->gender, -1, SQLITE_STATIC);
  sqlite3_bind_text (writer->person, 8, person->ref, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (writer->person) != SQLITE_DONE)
    g_error ("person: %s", sqlite3_errmsg (writer->db));
}

static gboolean
add_to_store (const VigilSynthIncident  *incident,
              gpointer                   user_data,
              GError                   **error)
{
  StoreWriter *writer = user_data;
  gboolean has_victim = incident->victim.ref[0] != '\0';

  write_person (writer, &incident->perpetrator);
  if (has_victim)
    write_person (writer, &incident->victim);

  sqlite3_reset (writer->incident);
  sqlite3_bind_int64 (writer->incident, 1, incident->number);
  sqlite3_bind_text (writer->incident, 2, writer->now, -1, SQLITE_STATIC);
  sqlite3_bind_text (writer->incident, 3, incident->incident_ref, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (writer->incident, 4, incident->occurred_at, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (writer->incident, 5, incident->perpetrator.number);
  if (has_victim)
    sqlite3_bind_int64 (writer->incident, 6, incident->victim.number);
  else
    sqlite3_bind_null (writer->incident, 6);
  sqlite3_bind_text (writer->incident, 7, incident->relationship, -1, SQLITE_STATIC);
  sqlite3_bind_text (writer->incident, 8, incident->offence_code, -1, SQLITE_STATIC);
  if (incident->dash_risk[0] != '\0')
    sqlite3_bind_text (writer->incident, 9, incident->dash_risk, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (writer->incident, 9);
  sqlite3_bind_int (writer->incident, 10, incident->stalking);
  sqlite3_bind_text (writer->incident, 11, incident->area, -1, SQLITE_STATIC);
  if (sqlite3_step (writer->incident) != SQLITE_DONE)
    g_error ("incident: %s", sqlite3_errmsg (writer->db));
  return TRUE;
}

static void
make_store (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilLocation) location = vigil_location_new_sqlite (path);
  g_autoptr(VigilStore) store = vigil_store_open (location, VIGIL_STORE_OPEN_CREATE, NULL, &error);
  StoreWriter writer = { 0, };
  double start = now_ms ();

  if (store == NULL)
    g_error ("%s: %s", path, error->message);
  vigil_store_close (store);

  if (sqlite3_open (path, &writer.db) != SQLITE_OK)
    g_error ("%s: %s", path, sqlite3_errmsg (writer.db));
  sqlite3_exec (writer.db, "PRAGMA synchronous = OFF; BEGIN", NULL, NULL, NULL);
  if (sqlite3_prepare_v2 (writer.db,
                          "INSERT INTO person (id, created_at, updated_at, updated_by, uuid, surname, forenames, "
                          "dob, gender, local_ref) VALUES (?1, ?2, ?2, 'Benchmark (bench-rfgv)', ?3, ?4, ?5, ?6, ?7, ?8)",
                          -1, &writer.person, NULL) != SQLITE_OK ||
      sqlite3_prepare_v2 (writer.db,
                          "INSERT INTO incident (id, created_at, updated_at, updated_by, source, source_ref, "
                          "occurred_at, perpetrator_id, victim_id, relationship, offence_code, dash_risk, stalking, "
                          "area) VALUES (?1, ?2, ?2, 'Benchmark (bench-rfgv)', 'police', ?3, ?4, ?5, ?6, ?7, ?8, "
                          "?9, ?10, ?11)",
                          -1, &writer.incident, NULL) != SQLITE_OK)
    g_error ("%s", sqlite3_errmsg (writer.db));
  writer.known = g_hash_table_new (NULL, NULL);
  writer.now = vigil_store_now ();

  if (!vigil_synth_generate (n_incidents, seed, as_of_text, add_to_store, &writer, NULL, &error))
    g_error ("%s", error->message);

  sqlite3_finalize (writer.person);
  sqlite3_finalize (writer.incident);
  if (sqlite3_exec (writer.db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
    g_error ("%s", sqlite3_errmsg (writer.db));
  sqlite3_close (writer.db);
  g_hash_table_unref (writer.known);
  g_free (writer.now);
  g_print ("made %s: %" G_GINT64_FORMAT " incidents in %.1f s\n", path, n_incidents, (now_ms () - start) / 1000);
}

/* ------------------------------------------------------------------------------------
 * One refresh in this (fresh) process: load + score, peak RSS
 * ------------------------------------------------------------------------------------ */

static int
measure_refresh (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilLocation) location = vigil_location_new_sqlite (path);
  g_autoptr(VigilStore) store = NULL;
  g_autoptr(VigilScoringProfile) profile = vigil_scoring_profile_load_default (&error);
  g_autoptr(VigilFactSet) facts = NULL;
  g_autoptr(VigilScoreTable) table = NULL;
  GDate as_of = parse_date (as_of_text);
  double rss_open, start, loaded, scored, cpu_start, cpu_loaded;

  store = vigil_store_open (location, VIGIL_STORE_OPEN_NONE, NULL, &error);
  if (store == NULL)
    g_error ("%s: %s", path, error->message);
  rss_open = peak_rss_mb ();

  start = now_ms ();
  cpu_start = cpu_ms ();
  facts = from_cache ? vigil_fact_cache_load (store, NULL, NULL, &error) : vigil_fact_set_load (store, NULL, &error);
  if (facts == NULL)
    g_error ("load: %s", error->message);
  loaded = now_ms ();
  cpu_loaded = cpu_ms ();
  table = vigil_rfgv_score (facts, profile, &as_of, &error);
  if (table == NULL)
    g_error ("score: %s", error->message);
  scored = now_ms ();

  /* one line for the parent */
  g_print ("%.3f %.3f %.1f %.1f %u %u %u %.3f\n", loaded - start, scored - loaded, peak_rss_mb (), rss_open,
           vigil_fact_set_get_n_facts (facts), vigil_fact_set_get_n_persons (facts),
           vigil_score_table_get_n_rows (table), cpu_loaded - cpu_start);
  return 0;
}

/* @cached: through the fact cache (vigil-fact-cache.c), written by an untimed first run */
static void
run_refreshes (const char *self,
               const char *path,
               gboolean    cached)
{
  g_autofree double *load = g_new (double, repeat);
  g_autofree double *score = g_new (double, repeat);
  g_autofree double *total = g_new (double, repeat);
  g_autofree double *load_cpu = g_new (double, repeat);
  double rss = 0, rss_open = 0;
  guint n_facts = 0, n_persons = 0, n_rows = 0;
  Timing t;

  for (int i = cached ? -1 : 0; i < repeat; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *out = NULL;
      g_autofree char *n_arg = g_strdup_printf ("%" G_GINT64_FORMAT, n_incidents);
      const char *argv[] = { self, "--measure-refresh", path, "--as-of", as_of_text, "-n", n_arg,
                             cached ? "--from-cache" : NULL, NULL };
      double ignored[3];
      int status;

      if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, NULL, &status, &error) ||
          !g_spawn_check_wait_status (status, &error))
        g_error ("refresh: %s", error->message);
      if (sscanf (out, "%lf %lf %lf %lf %u %u %u %lf", i >= 0 ? &load[i] : &ignored[0], i >= 0 ? &score[i] : &ignored[1],
                  &rss, &rss_open, &n_facts, &n_persons, &n_rows, i >= 0 ? &load_cpu[i] : &ignored[2]) != 8)
        g_error ("refresh printed: %s", out);
      if (i >= 0)
        total[i] = load[i] + score[i];
    }

  g_print ("\nFull refresh from %s (%u incidents, %u perpetrators, %u scored), %d fresh processes\n",
           path, n_facts, n_persons, n_rows, repeat);
  g_print ("  %-44s %10s %10s\n", "step", "min ms", "median ms");
  t = summarise (load, repeat);
  g_print ("  %-44s %10.1f %10.1f\n", cached ? "load the fact set (from the fact cache)" : "load the fact set (sqlite3, parallel)",
           t.min, t.median);
  t = summarise (load_cpu, repeat);
  g_print ("  %-44s %10.1f %10.1f\n", "  its CPU time (all threads)", t.min, t.median);
  t = summarise (score, repeat);
  g_print ("  %-44s %10.1f %10.1f\n", "score", t.min, t.median);
  t = summarise (total, repeat);
  g_print ("  %-44s %10.1f %10.1f\n", "refresh = load + score", t.min, t.median);
  g_print ("  %-44s %10.1f MB (%.1f MB after opening the store)\n", "peak RSS of the refresh process", rss, rss_open);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("— time the RFGV engine");
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilScoringProfile) profile = NULL;
  g_autoptr(VigilScoringProfile) weights = NULL;
  g_autoptr(VigilScoringProfile) narrow = NULL;
  g_autoptr(VigilFactSet) facts = NULL;
  g_autoptr(VigilScoreTable) before = NULL;
  g_autoptr(VigilScoreTable) after = NULL;
  g_autoptr(GArray) movers = NULL;
  VigilFactSetBuilder *builder;
  GDate as_of, earlier;
  double start, build_ms, explain_ms, movers_ms;
  guint n_rows = 0, n_cohort = 0;
  Timing t;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  if (as_of_text == NULL)
    as_of_text = g_strdup ("2025-06-30");
  repeat = CLAMP (repeat, 1, 1000);
  vigil_core_init ();

  if (refresh_path != NULL)
    return measure_refresh (refresh_path);

  as_of = parse_date (as_of_text);
  profile = vigil_scoring_profile_load_default (&error);
  g_assert_no_error (error);

  /* The fact set, built in memory. */
  start = now_ms ();
  builder = vigil_fact_set_builder_new ();
  if (!vigil_synth_generate (n_incidents, seed, as_of_text, add_to_builder, builder, NULL, &error))
    g_error ("%s", error->message);
  facts = vigil_fact_set_builder_end (builder, &error);
  g_assert_no_error (error);
  build_ms = now_ms () - start;

  g_print ("RFGV engine: %u incidents, %u perpetrators, %u victims, seed %" G_GINT64_FORMAT ", as of %s, %u processors\n",
           vigil_fact_set_get_n_facts (facts), vigil_fact_set_get_n_persons (facts),
           vigil_fact_set_get_n_victims (facts), seed, as_of_text, g_get_num_processors ());
  g_print ("  %-44s %10s %10s\n", "step", "min ms", "median ms");
  g_print ("  %-44s %10.1f %10s\n", "generate + build the fact set (builder)", build_ms, "");

  t = time_score (facts, profile, &as_of, &n_rows, &n_cohort);
  g_print ("  %-44s %10.1f %10.1f   %u scored, %u in the cohort\n", "score (default profile)", t.min, t.median, n_rows, n_cohort);

  weights = vigil_scoring_profile_copy (profile);
  weights->weights[VIGIL_RFGV_RECENCY] = 2;
  weights->weights[VIGIL_RFGV_GRAVITY] = 1.5;
  weights->weights[VIGIL_RFGV_VICTIMS] = 0.5;
  t = time_score (facts, weights, &as_of, &n_rows, &n_cohort);
  g_print ("  %-44s %10.1f %10.1f   %u scored, %u in the cohort\n", "re-score (weights 2, 1, 1.5, 0.5)", t.min, t.median, n_rows, n_cohort);

  narrow = vigil_scoring_profile_copy (profile);
  narrow->window_months = 24;
  narrow->relationships = 1u << VIGIL_RELATIONSHIP_INTIMATE_PARTNER | 1u << VIGIL_RELATIONSHIP_EX_PARTNER;
  narrow->scales[VIGIL_RFGV_GRAVITY].bands[0].threshold = 3;
  vigil_scoring_profile_set_offence_points (narrow, "stalking", 5);
  t = time_score (facts, narrow, &as_of, &n_rows, &n_cohort);
  g_print ("  %-44s %10.1f %10.1f   %u scored, %u in the cohort\n", "re-score (24 months, partners, bands, table)", t.min, t.median, n_rows, n_cohort);

  /* An explanation of the top person, and the movers between two runs. */
  before = vigil_rfgv_score (facts, profile, &as_of, &error);
  g_assert_no_error (error);
  start = now_ms ();
  {
    g_autoptr(VigilRfgvExplanation) explanation =
      vigil_rfgv_explain (facts, profile, vigil_score_table_get_rows (before, NULL)[0].person, &as_of, &error);

    g_assert_no_error (error);
  }
  explain_ms = now_ms () - start;
  g_print ("  %-44s %10.3f %10s\n", "explain the top person", explain_ms, "");

  if (csv_path != NULL)
    {
      g_autoptr(GString) csv = g_string_new ("rank,perpetrator_ref,R,F,G,V,total\n");
      const VigilScoreRow *rows;
      guint n;

      rows = vigil_score_table_get_rows (before, &n);
      for (guint i = 0; i < n; i++)
        g_string_append_printf (csv, "%d,%s,%u,%u,%u,%u,%g\n", rows[i].rank,
                                vigil_score_table_get_person_ref (before, &rows[i]),
                                rows[i].points[0], rows[i].points[1], rows[i].points[2], rows[i].points[3],
                                rows[i].total);
      if (!g_file_set_contents (csv_path, csv->str, csv->len, &error))
        g_error ("%s", error->message);
    }

  earlier = as_of;
  g_date_subtract_months (&earlier, 1);
  after = vigil_rfgv_score (facts, profile, &earlier, &error);
  g_assert_no_error (error);
  start = now_ms ();
  movers = vigil_rfgv_compare (after, before, NULL, 0);
  movers_ms = now_ms () - start;
  g_print ("  %-44s %10.1f %10s   %u movers\n", "movers (a month earlier → now)", movers_ms, "", movers->len);

  g_print ("  %-44s %10.1f MB\n", "fact set memory", vigil_fact_set_get_memory_size (facts) / 1048576.0);
  g_print ("  %-44s %10.1f MB (builder and generator included)\n", "peak RSS of this process", peak_rss_mb ());

  if (store_path != NULL)
    {
      if (!g_file_test (store_path, G_FILE_TEST_EXISTS))
        make_store (store_path);
      run_refreshes (argv[0], store_path, FALSE);
      run_refreshes (argv[0], store_path, TRUE);
    }
  return 0;
}
