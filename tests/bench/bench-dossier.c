/* bench-dossier.c: how fast a dossier opens on a large store (issue 4: under 100 ms)
 *
 *   bench-dossier --database DB [--cli VIGIL-CLI] [--incidents N] [--repeat K]
 *
 * DB is a SQLite file or a postgresql:// URI. When DB is a SQLite file that does not
 * exist yet and --cli names vigil-cli, the store is made as a coordinator would:
 * `vigil-cli generate --incidents N --seed 1 --as-of 2026-11-01` then
 * `vigil-cli import` (so keep the file to run again without the wait). Then one
 * synthetic person is added once (found again by reference on later runs) with 200
 * incidents against 6 victims, 12 agency sections (one per agency, plus a second from
 * police), a cohort entry, decisions, processes, victim links, a plan with
 * interventions and two stored scores, all through the records API (so audited). Then
 * vigil_dossier_load () is timed K times (default 20) after one untimed warm-up, and
 * the median is printed against the 100 ms target; then vigil_dossier_open_async (what
 * the window does: the read, the tactical menu and the view audited at once) K times. Not a test: timings depend on the
 * machine; build without sanitizers (`--buildtype=release`) for honest figures.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vigil-bench"

#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include <glib/gstdio.h>

#include "vigil-core.h"

#define BENCH_REF   "SYN-BENCH-DOSSIER"
#define AS_OF       "2026-11-01"
#define N_INCIDENTS 200
#define N_VICTIMS   6

static char *database = NULL;
static char *cli_path = NULL;
static gint64 n_store_incidents = 1000000;
static int repeat = 20;

static GOptionEntry entries[] = {
  { "database", 'd', 0, G_OPTION_ARG_STRING, &database, "The store: a SQLite file or a postgresql:// URI", "DB" },
  { "cli", 0, 0, G_OPTION_ARG_FILENAME, &cli_path, "vigil-cli, to make a missing SQLite store", "PATH" },
  { "incidents", 'n', 0, G_OPTION_ARG_INT64, &n_store_incidents, "Incidents of a store made here (default 1000000)", "N" },
  { "repeat", 'r', 0, G_OPTION_ARG_INT, &repeat, "Timed loads (default 20)", "K" },
  { NULL }
};

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

typedef struct
{
  GMainLoop *loop;
  GAsyncResult *result;
} OpenWait;

static void
opened_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  OpenWait *wait = user_data;

  wait->result = g_object_ref (result);
  g_main_loop_quit (wait->loop);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
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

  tmpdir = g_dir_make_tmp ("bench-dossier-XXXXXX", &error);
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

/* ------------------------------------------------------------------------------------
 * The synthetic person
 * ------------------------------------------------------------------------------------ */

static void
insert_or_die (VigilStore            *store,
               const VigilRecordType *type,
               gpointer               record)
{
  g_autoptr(GError) error = NULL;

  if (!vigil_store_insert (store, type, record, &error))
    g_error ("cannot add a %s: %s", type->table, error->message);
}

static gint64
add_person (VigilStore *store,
            const char *surname,
            const char *forenames,
            const char *ref)
{
  g_autoptr(VigilPerson) person = vigil_person_new ();

  person->surname = g_strdup (surname);
  person->forenames = g_strdup (forenames);
  person->local_ref = g_strdup (ref);
  person->dob = g_strdup ("1981-04-04");
  person->gender = g_strdup ("male");
  insert_or_die (store, &vigil_person_type, person);
  return person->record.id;
}

static gint64
find_person (VigilStore *store,
             const char *ref)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = vigil_store_list_by_text (store, &vigil_person_type, "local_ref", ref, &error);

  if (people == NULL)
    g_error ("cannot look up %s: %s", ref, error->message);
  return people->len > 0 ? ((VigilRecord *) g_ptr_array_index (people, 0))->id : 0;
}

static const char * const offences[] = {
  "common_assault", "coercive_control", "harassment", "criminal_damage", "abh",
  "malicious_communications", "stalking", "breach_of_order", "threats_to_kill", "non_crime_incident",
};
static const char * const dash[] = { "standard", "medium", "high", NULL };

static gint64
add_bench_person (VigilStore *store)
{
  g_autoptr(GDateTime) start = g_date_time_new_utc (2018, 1, 3, 21, 0, 0);
  gint64 victims[N_VICTIMS];
  gint64 person_id;
  gint64 run_ids[2];
  gint64 plan_id;
  double t0 = now_ms ();

  vigil_store_set_actor (store, "Bench Setup (synthetic)");
  person_id = add_person (store, "SYNTHETIC-BENCH", "Dossier Subject", BENCH_REF);
  for (int i = 0; i < N_VICTIMS; i++)
    {
      g_autofree char *ref = g_strdup_printf (BENCH_REF "-V%d", i + 1);
      g_autofree char *forenames = g_strdup_printf ("Bench Victim %d", i + 1);

      victims[i] = add_person (store, "SYNTHETIC-BENCH", forenames, ref);
    }

  {
    g_autoptr(VigilPersonAlias) alias = vigil_person_alias_new ();

    alias->person_id = person_id;
    alias->alias = g_strdup ("SYN Bench Alias");
    insert_or_die (store, &vigil_person_alias_type, alias);
  }

  /* 200 incidents over nearly nine years, every 16 days */
  for (int i = 0; i < N_INCIDENTS; i++)
    {
      g_autoptr(VigilIncident) incident = vigil_incident_new ();
      g_autoptr(GDateTime) when = g_date_time_add_days (start, i * 16);

      incident->source = g_strdup ("bench");
      incident->source_ref = g_strdup_printf (BENCH_REF "-I%03d", i + 1);
      incident->occurred_at = g_date_time_format (when, "%Y-%m-%dT%H:%M:%SZ");
      incident->perpetrator_id = person_id;
      incident->victim_id = victims[(i / 7) % N_VICTIMS];
      incident->relationship = g_strdup (i % 5 == 0 ? "ex_partner" : "intimate_partner");
      incident->offence_code = g_strdup (offences[i % G_N_ELEMENTS (offences)]);
      incident->dash_risk = g_strdup (dash[i % 4]);
      incident->stalking = i % 6 == 0;
      incident->area = g_strdup ("SYN-Bench-Area");
      insert_or_die (store, &vigil_incident_type, incident);
    }

  /* 12 agency sections: one per agency, and an older one from police */
  for (int i = 0; vigil_agency_choices[i] != NULL; i++)
    for (int copy = 0; copy < (i == 0 ? 2 : 1); copy++)
      {
        g_autoptr(VigilAgencySection) section = vigil_agency_section_new ();

        section->person_id = person_id;
        section->agency = g_strdup (vigil_agency_choices[i]);
        section->body = g_strdup_printf ("Synthetic information from %s. %s", vigil_agency_choices[i],
                                         "Lorem-free filler text standing for a few paragraphs of "
                                         "multi-agency information shared under the agreement.");
        section->provided_by = g_strdup ("SYN Agency Officer");
        section->isa_reference = g_strdup ("SYN-ISA-2026");
        section->provided_on = g_strdup_printf ("2026-%02d-15", 1 + (i + copy * 5) % 10);
        section->panel_visible = TRUE;
        insert_or_die (store, &vigil_agency_section_type, section);
      }

  {
    g_autoptr(VigilCohortEntry) entry = vigil_cohort_entry_new ();

    entry->person_id = person_id;
    entry->status = g_strdup ("managed");
    entry->route = g_strdup ("rfgv");
    entry->lead_agency = g_strdup ("police");
    entry->lead_officer = g_strdup ("SYN Lead");
    entry->identified_on = g_strdup ("2026-03-01");
    insert_or_die (store, &vigil_cohort_entry_type, entry);
  }

  for (int i = 0; i < 6; i++)
    {
      static const char * const kinds[] = { "assessment", "pnc_flag", "pnd", "visor", "panel_adoption", "local_database" };
      g_autoptr(VigilDecision) decision = vigil_decision_new ();

      decision->person_id = person_id;
      decision->kind = g_strdup (kinds[i]);
      decision->decided_by = g_strdup ("SYN Inspector");
      decision->decided_role = g_strdup ("Detective Inspector");
      decision->decided_on = g_strdup_printf ("2026-%02d-01", 3 + i);
      decision->rationale = g_strdup ("Synthetic rationale");
      decision->proportionality = g_strdup ("Synthetic proportionality note");
      decision->mopi_review_on = g_strdup_printf ("20%d-%02d-01", 32 + i % 2, 3 + i);
      insert_or_die (store, &vigil_decision_type, decision);
    }

  for (int i = 0; i < 3; i++)
    {
      static const char * const processes[] = { "marac", "mappa", "iom" };
      g_autoptr(VigilProcessOverlap) process = vigil_process_overlap_new ();

      process->person_id = person_id;
      process->process = g_strdup (processes[i]);
      process->status = g_strdup (i == 0 ? "closed" : "active");
      process->mappa_category = i == 1 ? 2 : 0;
      process->mappa_level = i == 1 ? 2 : 0;
      process->started_on = g_strdup ("2025-06-01");
      insert_or_die (store, &vigil_process_overlap_type, process);
    }

  for (int i = 0; i < N_VICTIMS; i++)
    {
      g_autoptr(VigilVictimLink) link = vigil_victim_link_new ();

      link->perpetrator_id = person_id;
      link->victim_id = victims[i];
      link->relationship = g_strdup ("intimate_partner");
      link->advocate = g_strdup (i % 2 ? "idva" : "isac");
      link->safety_plan = TRUE;
      link->consent_to_share = i % 3 != 0;
      insert_or_die (store, &vigil_victim_link_type, link);
    }

  {
    g_autoptr(VigilPlan) plan = vigil_plan_new ();

    plan->person_id = person_id;
    plan->objectives = g_strdup ("SYN objectives");
    plan->agreed_on = g_strdup ("2026-04-01");
    plan->review_on = g_strdup ("2026-12-01");
    insert_or_die (store, &vigil_plan_type, plan);
    plan_id = plan->record.id;
  }
  for (int i = 0; i < 8; i++)
    {
      static const char * const statuses[] = { "proposed", "agreed", "in_progress", "completed" };
      g_autoptr(VigilIntervention) intervention = vigil_intervention_new ();

      intervention->plan_id = plan_id;
      intervention->option_code = g_strdup ("syn_option");
      intervention->status = g_strdup (statuses[i % 4]);
      intervention->due_on = g_strdup_printf ("2026-%02d-10", 5 + i);
      insert_or_die (store, &vigil_intervention_type, intervention);
    }

  for (int i = 0; i < 2; i++)
    {
      g_autoptr(VigilScoreRun) run = vigil_score_run_new ();
      g_autoptr(VigilScore) score = vigil_score_new ();

      run->as_of = g_strdup (i == 0 ? "2026-10-01" : AS_OF);
      run->run_by = g_strdup ("Bench Setup (synthetic)");
      insert_or_die (store, &vigil_score_run_type, run);
      run_ids[i] = run->record.id;

      score->run_id = run_ids[i];
      score->person_id = person_id;
      score->r = 5;
      score->f = 5;
      score->g = 5;
      score->v = 5 - i;
      score->total = score->r + score->f + score->g + score->v;
      score->rank = 1 + i;
      score->area = g_strdup ("SYN-Bench-Area");
      score->area_rank = 1;
      score->in_cohort = TRUE;
      insert_or_die (store, &vigil_score_type, score);
    }

  g_print ("bench: added %s (%d incidents, 12 agency sections) in %.1f s\n",
           BENCH_REF, N_INCIDENTS, (now_ms () - t0) / 1000.0);
  return person_id;
}

#define WARM_SECONDS 3

static gboolean
quit_cb (gpointer user_data)
{
  g_main_loop_quit (user_data);
  return G_SOURCE_REMOVE;
}

/* Opens the store afresh, warms its pool as the window does, waits WARM_SECONDS,
 * then times one open. */
static double
time_first_open (const VigilLocation *location,
                 gint64               person_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) store = vigil_store_open (location, VIGIL_STORE_OPEN_NONE, NULL, &error);
  g_autoptr(GMainLoop) pause = g_main_loop_new (NULL, FALSE);
  OpenWait wait = { g_main_loop_new (NULL, FALSE), NULL };
  g_autoptr(GError) open_error = NULL;
  double start, elapsed;

  if (store == NULL)
    g_error ("cannot open the store again: %s", error->message);
  vigil_store_warm_up (store);
  g_timeout_add_seconds (WARM_SECONDS, quit_cb, pause);
  g_main_loop_run (pause);

  start = now_ms ();
  vigil_dossier_open_async (store, person_id, TRUE, NULL, opened_cb, &wait);
  g_main_loop_run (wait.loop);
  g_main_loop_unref (wait.loop);
  elapsed = now_ms () - start;
  if (vigil_dossier_open_finish (store, wait.result, &open_error) == NULL)
    g_error ("cannot open the dossier: %s", open_error->message);
  g_object_unref (wait.result);
  vigil_store_close (store);
  return elapsed;
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new ("- time opening a dossier");
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilLocation) location = NULL;
  g_autoptr(VigilStore) store = NULL;
  g_autoptr(VigilScoringProfile) profile = NULL;
  g_autoptr(VigilDossier) dossier = NULL;
  g_autofree double *samples = NULL;
  g_autofree double *open_samples = NULL;
  gint64 person_id;
  double start, median, view_ms, first_ms;
  guint n_sections = 0, n_victims;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 1;
    }
  if (database == NULL || repeat < 1)
    {
      g_printerr ("bench-dossier: --database DB is required (and --repeat at least 1)\n");
      return 1;
    }

  vigil_core_init ();
  location = vigil_location_parse (database, &error);
  if (location == NULL)
    g_error ("%s", error->message);
  if (!g_str_has_prefix (database, "postgresql://") && !g_file_test (database, G_FILE_TEST_EXISTS))
    make_store (database);

  store = vigil_store_open (location, VIGIL_STORE_OPEN_NONE, NULL, &error);
  if (store == NULL)
    g_error ("cannot open %s: %s", database, error->message);

  profile = vigil_scoring_profile_load_default (&error);
  if (profile == NULL)
    g_error ("%s", error->message);

  person_id = find_person (store, BENCH_REF);
  if (person_id == 0)
    person_id = add_bench_person (store);

  /* One warm-up load (statement cache, page cache), then the timed ones */
  dossier = vigil_dossier_load (store, person_id, profile, NULL, &error);
  if (dossier == NULL)
    g_error ("cannot load the dossier: %s", error->message);
  g_clear_pointer (&dossier, vigil_dossier_free);

  samples = g_new (double, repeat);
  for (int i = 0; i < repeat; i++)
    {
      start = now_ms ();
      dossier = vigil_dossier_load (store, person_id, profile, NULL, &error);
      samples[i] = now_ms () - start;
      if (dossier == NULL)
        g_error ("cannot load the dossier: %s", error->message);
      if (i < repeat - 1)
        g_clear_pointer (&dossier, vigil_dossier_free);
    }
  qsort (samples, repeat, sizeof (double), compare_doubles);
  median = samples[repeat / 2];

  start = now_ms ();
  if (!vigil_dossier_record_view (store, person_id, &error))
    g_error ("cannot audit the view: %s", error->message);
  view_ms = now_ms () - start;

  /* What the window does: vigil_dossier_open_async (read, tactical menu, view audited) */
  open_samples = g_new (double, repeat);
  for (int i = 0; i < repeat; i++)
    {
      OpenWait wait = { g_main_loop_new (NULL, FALSE), NULL };
      g_autoptr(GError) open_error = NULL;

      start = now_ms ();
      vigil_dossier_open_async (store, person_id, TRUE, NULL, opened_cb, &wait);
      g_main_loop_run (wait.loop);
      g_main_loop_unref (wait.loop);
      open_samples[i] = now_ms () - start;
      if (vigil_dossier_open_finish (store, wait.result, &open_error) == NULL)
        g_error ("cannot open the dossier: %s", open_error->message);
      g_object_unref (wait.result);
    }
  qsort (open_samples, repeat, sizeof (double), compare_doubles);

  /* The window's first dossier: a store just opened, its pool warmed for a while (as
   * while someone looks at the cohort); its statements not yet prepared there */
  first_ms = time_first_open (location, person_id);

  for (guint i = 0; i < dossier->agency_information->len; i++)
    n_sections += 1 + ((VigilDossierAgencyInformation *) g_ptr_array_index (dossier->agency_information, i))->n_earlier;
  n_victims = dossier->victims->len;

  g_print ("bench: store %s\n", database);
  g_print ("bench: dossier of %s: %u incidents, %u agency sections (%u agencies), %u victims, "
           "%u decisions, %u history rows\n",
           BENCH_REF, dossier->incidents->len, n_sections, dossier->agency_information->len,
           n_victims, dossier->decisions->len, dossier->history->len);
  g_print ("bench: vigil_dossier_load over %d runs: median %.2f ms, min %.2f ms, max %.2f ms "
           "(target < 100 ms: %s)\n",
           repeat, median, samples[0], samples[repeat - 1], median < 100.0 ? "met" : "MISSED");
  g_print ("bench: vigil_dossier_record_view: %.2f ms\n", view_ms);
  g_print ("bench: vigil_dossier_open_async (read, menu, view audited) over %d runs: median %.2f ms, "
           "min %.2f ms, max %.2f ms\n",
           repeat, open_samples[repeat / 2], open_samples[0], open_samples[repeat - 1]);

  g_print ("bench: first vigil_dossier_open_async on a store opened %u s before: %.2f ms\n",
           WARM_SECONDS, first_ms);

  return median < 100.0 ? 0 : 1;
}
