/* test-demo.c: the synthetic demo store
 *
 * Filling the demo takes ~1,500 audited inserts, so one test fills it once and checks
 * everything on that store; the others test refusals on small real stores.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <json-glib/json-glib.h>

#include "vigil-test-store.h"

static GPtrArray *
list_all (VigilStore            *store,
          const VigilRecordType *type)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *records = vigil_store_list (store, type, NULL, 0, &error);

  g_assert_no_error (error);
  g_assert_nonnull (records);
  return records;
}

static gboolean
has_text (const char *text)
{
  return text != NULL && *text != '\0';
}

static char *
dup_today_minus_days (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, -days);

  return g_date_time_format (then, "%Y-%m-%d");
}

static void
check_every_entity (VigilStore *store)
{
  for (guint i = 0; vigil_record_types[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) records = list_all (store, vigil_record_types[i]);

      g_test_message ("%s: %u", vigil_record_types[i]->table, records->len);
      if (records->len == 0)
        g_error ("the demo has no %s", vigil_record_types[i]->table);
    }
}

static void
check_people_and_incidents (VigilStore *store)
{
  g_autoptr(GPtrArray) people = list_all (store, &vigil_person_type);
  g_autoptr(GPtrArray) incidents = list_all (store, &vigil_incident_type);
  g_autoptr(GHashTable) perpetrators = g_hash_table_new (g_int64_hash, g_int64_equal);

  for (guint i = 0; i < people->len; i++)
    {
      VigilPerson *person = g_ptr_array_index (people, i);

      if (!vigil_synth_name_is_synthetic (person->surname, person->forenames))
        g_error ("“%s, %s” does not look synthetic", person->surname, person->forenames);
      g_assert_true (g_str_has_prefix (person->local_ref, "SYN-P"));
    }

  for (guint i = 0; i < incidents->len; i++)
    {
      VigilIncident *incident = g_ptr_array_index (incidents, i);

      g_hash_table_add (perpetrators, &incident->perpetrator_id);
      g_assert_cmpint (incident->batch_id, >, 0);
      g_assert_true (g_str_has_prefix (incident->source_ref, "SYN-I"));
    }

  g_test_message ("%u people, %u incidents, %u perpetrators", people->len, incidents->len,
                  g_hash_table_size (perpetrators));
  g_assert_cmpuint (incidents->len, ==, VIGIL_DEMO_INCIDENTS);
  g_assert_cmpuint (g_hash_table_size (perpetrators), >=, 150);
  g_assert_cmpuint (g_hash_table_size (perpetrators), <=, 300);
  g_assert_cmpuint (people->len, >, g_hash_table_size (perpetrators));
}

static void
check_cohort_and_decisions (VigilStore *store)
{
  g_autoptr(GPtrArray) entries = list_all (store, &vigil_cohort_entry_type);
  g_autoptr(GPtrArray) decisions = list_all (store, &vigil_decision_type);
  g_autoptr(GHashTable) statuses = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) routes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) kinds = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean severity_assessed = FALSE, pdp = FALSE, mopi = FALSE, override = FALSE;

  for (guint i = 0; i < entries->len; i++)
    {
      VigilCohortEntry *entry = g_ptr_array_index (entries, i);

      g_hash_table_add (statuses, entry->status);
      g_hash_table_add (routes, entry->route);
      if (g_str_equal (entry->status, "exited"))
        {
          g_assert_true (has_text (entry->exited_on));
          g_assert_true (has_text (entry->exit_reason));
        }
    }
  for (guint i = 0; vigil_cohort_status_choices[i] != NULL; i++)
    if (!g_hash_table_contains (statuses, vigil_cohort_status_choices[i]))
      g_error ("no cohort entry is %s", vigil_cohort_status_choices[i]);
  for (guint i = 0; vigil_route_choices[i] != NULL; i++)
    if (!g_hash_table_contains (routes, vigil_route_choices[i]))
      g_error ("no cohort entry came by %s", vigil_route_choices[i]);

  for (guint i = 0; i < decisions->len; i++)
    {
      VigilDecision *decision = g_ptr_array_index (decisions, i);

      g_hash_table_add (kinds, decision->kind);
      g_assert_true (has_text (decision->decided_by));
      g_assert_true (has_text (decision->rationale));
      if (g_str_equal (decision->kind, "assessment") && has_text (decision->severity) &&
          has_text (decision->immediacy))
        severity_assessed = TRUE;
      if (g_str_equal (decision->kind, "visor") && g_strcmp0 (decision->outcome, "PDP") == 0)
        pdp = TRUE;
      if (has_text (decision->mopi_review_on))
        mopi = TRUE;
      if (g_str_has_prefix (decision->kind, "override_") && has_text (decision->proportionality))
        override = TRUE;
    }
  g_assert_true (severity_assessed);
  g_assert_true (pdp);
  g_assert_true (mopi);
  g_assert_true (override);
  g_assert_true (g_hash_table_contains (kinds, "pnc_flag"));
  g_assert_true (g_hash_table_contains (kinds, "panel_adoption"));
}

static void
check_casework (VigilStore *store)
{
  g_autoptr(GPtrArray) overlaps = list_all (store, &vigil_process_overlap_type);
  g_autoptr(GPtrArray) sections = list_all (store, &vigil_agency_section_type);
  g_autoptr(GPtrArray) links = list_all (store, &vigil_victim_link_type);
  g_autoptr(GPtrArray) interventions = list_all (store, &vigil_intervention_type);
  g_autoptr(GHashTable) processes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) agencies = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) options = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *year_ago = dup_today_minus_days (365);
  gboolean mappa_2_2 = FALSE, stale = FALSE, idva = FALSE, isac = FALSE, safety_plan = FALSE;
  gboolean order = FALSE;

  for (guint i = 0; i < overlaps->len; i++)
    {
      VigilProcessOverlap *overlap = g_ptr_array_index (overlaps, i);

      g_hash_table_add (processes, overlap->process);
      if (g_str_equal (overlap->process, "mappa") && overlap->mappa_category == 2 &&
          overlap->mappa_level == 2)
        mappa_2_2 = TRUE;
    }
  g_assert_true (mappa_2_2);
  g_assert_true (g_hash_table_contains (processes, "marac"));
  g_assert_true (g_hash_table_contains (processes, "iom"));

  for (guint i = 0; i < sections->len; i++)
    {
      VigilAgencySection *section = g_ptr_array_index (sections, i);

      g_hash_table_add (agencies, section->agency);
      g_assert_true (has_text (section->isa_reference));
      if (g_strcmp0 (section->provided_on, year_ago) < 0)
        stale = TRUE;
    }
  g_assert_cmpuint (g_hash_table_size (agencies), >=, 6);
  g_assert_true (stale);

  for (guint i = 0; i < links->len; i++)
    {
      VigilVictimLink *link = g_ptr_array_index (links, i);

      idva |= g_strcmp0 (link->advocate, "idva") == 0;
      isac |= g_strcmp0 (link->advocate, "isac") == 0;
      safety_plan |= link->safety_plan;
    }
  g_assert_true (idva);
  g_assert_true (isac);
  g_assert_true (safety_plan);

  for (guint i = 0; i < interventions->len; i++)
    {
      VigilIntervention *intervention = g_ptr_array_index (interventions, i);

      g_hash_table_add (options, intervention->option_code);
      if (has_text (intervention->order_expires_on) &&
          has_text (intervention->notification_requirements))
        order = TRUE;
    }
  g_assert_true (order);
  for (guint i = 0; i < 7; i++)
    {
      static const char * const expected[] = {
        "dvds_right_to_know", "dapo", "spo", "respect_programme", "drive_case_management",
        "idva_support", "target_hardening",
      };

      if (!g_hash_table_contains (options, expected[i]))
        g_error ("no %s intervention", expected[i]);
    }
}

static void
check_scores_and_panel (VigilStore *store)
{
  g_autoptr(GPtrArray) profiles = list_all (store, &vigil_profile_type);
  g_autoptr(GPtrArray) runs = list_all (store, &vigil_score_run_type);
  g_autoptr(GPtrArray) scores = list_all (store, &vigil_score_type);
  g_autoptr(GPtrArray) meetings = list_all (store, &vigil_panel_meeting_type);
  g_autoptr(GPtrArray) rejections = list_all (store, &vigil_import_rejection_type);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  VigilProfile *profile;
  VigilScoreRun *run;
  JsonObject *definition;
  gboolean held = FALSE;
  gint64 top_rank = G_MAXINT64;

  g_assert_cmpuint (profiles->len, ==, 1);
  profile = g_ptr_array_index (profiles, 0);
  /* the default profile, stored as a refresh stores it, and valid for the engine */
  g_assert_true (g_str_has_prefix (profile->name, "rfgv-default@"));
  {
    g_autoptr(VigilScoringProfile) parsed = vigil_scoring_profile_new_from_data (profile->definition, -1, &error);

    g_assert_no_error (error);
    g_assert_nonnull (parsed);
  }
  g_assert_true (json_parser_load_from_data (parser, profile->definition, -1, &error));
  g_assert_no_error (error);
  definition = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_int_member (definition, "window_months"), ==, 36);
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (definition,
                                                                            "offence_gravity"),
                                               "coercive_control"), ==, 4);

  g_assert_cmpuint (runs->len, ==, 1);
  run = g_ptr_array_index (runs, 0);
  g_assert_cmpint (run->profile_id, ==, profile->record.id);
  g_assert_cmpint (run->people_scored, ==, scores->len);
  for (guint i = 0; i < scores->len; i++)
    {
      VigilScore *score = g_ptr_array_index (scores, i);

      g_assert_cmpint (score->run_id, ==, run->record.id);
      g_assert_cmpfloat (score->total, ==, (double) (score->r + score->f + score->g + score->v));
      g_assert_cmpint (score->r, <=, 5);
      g_assert_cmpint (score->area_rank, <=, score->rank);
      top_rank = MIN (top_rank, score->rank);
    }
  g_assert_cmpint (top_rank, ==, 1);

  for (guint i = 0; i < meetings->len; i++)
    {
      VigilPanelMeeting *meeting = g_ptr_array_index (meetings, i);
      g_autoptr(GPtrArray) attendance = NULL;
      g_autoptr(GPtrArray) agenda = NULL;
      g_autoptr(GPtrArray) actions = NULL;

      if (g_strcmp0 (meeting->status, "held") != 0)
        continue;

      held = TRUE;
      attendance = vigil_store_list (store, &vigil_attendance_type, "meeting_id",
                                     meeting->record.id, &error);
      g_assert_no_error (error);
      agenda = vigil_store_list (store, &vigil_agenda_item_type, "meeting_id",
                                 meeting->record.id, &error);
      g_assert_no_error (error);
      actions = vigil_store_list (store, &vigil_action_type, "meeting_id",
                                  meeting->record.id, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (attendance->len, >=, 5);
      g_assert_cmpuint (agenda->len, >=, 3);
      g_assert_cmpuint (actions->len, >=, 3);
    }
  g_assert_true (held);

  for (guint i = 0; i < rejections->len; i++)
    {
      VigilImportRejection *rejection = g_ptr_array_index (rejections, i);

      g_assert_true (has_text (rejection->raw_text));
      g_assert_true (has_text (rejection->reason));
      g_assert_cmpint (rejection->line_number, >, 1);
    }
}

/* The demo's stored run is the engine's own ranking of the stored incidents. */
static void
check_scores_match_engine (VigilStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) runs = list_all (store, &vigil_score_run_type);
  g_autoptr(GPtrArray) scores = list_all (store, &vigil_score_type);
  g_autoptr(VigilScoringProfile) profile = vigil_scoring_profile_load_default (&error);
  VigilScoreRun *run;
  VigilFactSet *facts;
  VigilScoreTable *table;
  GDate as_of;
  guint n_in_cohort = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (runs->len, ==, 1);
  run = g_ptr_array_index (runs, 0);
  g_date_clear (&as_of, 1);
  g_date_set_parse (&as_of, run->as_of);
  g_assert_true (g_date_valid (&as_of));

  facts = vigil_fact_set_load (store, NULL, &error);
  g_assert_no_error (error);
  table = vigil_rfgv_score (facts, profile, &as_of, &error);
  g_assert_no_error (error);
  g_assert_cmpint (run->people_scored, ==, vigil_score_table_get_n_rows (table));
  g_assert_cmpuint (scores->len, >, 0);

  for (guint i = 0; i < scores->len; i++)
    {
      VigilScore *score = g_ptr_array_index (scores, i);
      const VigilScoreRow *row = vigil_score_table_find_person (table, score->person_id);

      g_assert_nonnull (row);
      g_assert_cmpint (score->rank, ==, row->rank);
      g_assert_cmpint (score->area_rank, ==, row->area_rank);
      g_assert_cmpfloat (score->total, ==, row->total);
      g_assert_cmpint (score->r, ==, row->points[VIGIL_RFGV_RECENCY]);
      g_assert_cmpint (score->f, ==, row->points[VIGIL_RFGV_FREQUENCY]);
      g_assert_cmpint (score->g, ==, row->points[VIGIL_RFGV_GRAVITY]);
      g_assert_cmpint (score->v, ==, row->points[VIGIL_RFGV_VICTIMS]);
      g_assert_cmpint (score->in_cohort, ==, row->in_cohort);
      n_in_cohort += score->in_cohort ? 1 : 0;
    }
  g_assert_cmpuint (n_in_cohort, >, 0);

  vigil_score_table_free (table);
  vigil_fact_set_unref (facts);
}

static void
test_demo_open_fills_everything (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilLocation) location = vigil_test_empty_location ();
  g_autoptr(VigilStore) store = NULL;
  g_autoptr(VigilStore) again = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) people_again = NULL;
  gint64 n_audit = 0;

  store = vigil_demo_open (location, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_cmpint (vigil_store_get_kind (store), ==, VIGIL_STORE_KIND_DEMO);

  check_every_entity (store);
  check_people_and_incidents (store);
  check_cohort_and_decisions (store);
  check_casework (store);
  check_scores_and_panel (store);
  check_scores_match_engine (store);

  g_assert_true (vigil_audit_verify (store, &n_audit, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n_audit, >, 1000);

  /* A filled store is never filled again */
  g_assert_false (vigil_demo_fill (store, 1, "2025-06-30", NULL, &error));
  g_assert_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_KIND_MISMATCH);
  g_clear_error (&error);

  people = list_all (store, &vigil_person_type);
  vigil_store_close (store);

  /* Opening the demo again finds it as it was */
  again = vigil_demo_open (location, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (vigil_store_get_kind (again), ==, VIGIL_STORE_KIND_DEMO);
  people_again = list_all (again, &vigil_person_type);
  g_assert_cmpuint (people_again->len, ==, people->len);
}

static void
test_demo_refuses_real_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) store = vigil_test_open_store ();
  g_autoptr(VigilPerson) person = vigil_person_new ();
  g_autoptr(VigilLocation) location = NULL;
  g_autoptr(VigilStore) demo = NULL;
  g_autoptr(GPtrArray) people = NULL;

  person->surname = g_strdup ("Realname");
  person->forenames = g_strdup ("Actual");
  g_assert_true (vigil_store_insert (store, &vigil_person_type, person, &error));
  g_assert_no_error (error);

  g_assert_false (vigil_demo_fill (store, VIGIL_DEMO_DEFAULT_SEED, "2025-06-30", NULL, &error));
  g_assert_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_KIND_MISMATCH);
  g_clear_error (&error);

  /* Nothing changed */
  g_assert_cmpint (vigil_store_get_kind (store), ==, VIGIL_STORE_KIND_REAL);
  people = list_all (store, &vigil_person_type);
  g_assert_cmpuint (people->len, ==, 1);

  location = vigil_location_copy (vigil_store_get_location (store));
  vigil_store_close (store);

  demo = vigil_demo_open (location, NULL, &error);
  g_assert_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_KIND_MISMATCH);
  g_assert_null (demo);
}

/* Off the main thread, as the window opens the demo: the same refusal, on this
 * thread's main context; and a cancelled open opens nothing. */
static void
demo_opened_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  GAsyncResult **out = user_data;

  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  *out = g_object_ref (result);
}

static void
test_demo_open_async (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) store = vigil_test_open_store ();
  g_autoptr(VigilPerson) person = vigil_person_new ();
  g_autoptr(VigilLocation) location = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  GAsyncResult *result = NULL;

  person->surname = g_strdup ("Realname");
  g_assert_true (vigil_store_insert (store, &vigil_person_type, person, &error));
  g_assert_no_error (error);
  location = vigil_location_copy (vigil_store_get_location (store));
  vigil_store_close (store);

  vigil_demo_open_async (location, NULL, demo_opened_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (vigil_demo_open_finish (result, &error));
  g_assert_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_KIND_MISMATCH);
  g_clear_error (&error);
  g_clear_object (&result);

  g_cancellable_cancel (cancellable);
  vigil_demo_open_async (location, cancellable, demo_opened_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_null (vigil_demo_open_finish (result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_object (&result);
}

static void
test_demo_bad_as_of (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) store = vigil_test_open_store ();

  g_assert_false (vigil_demo_fill (store, 1, "2025-13-01", NULL, &error));
  g_assert_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpint (vigil_store_get_kind (store), ==, VIGIL_STORE_KIND_REAL);
  g_assert_true (vigil_store_is_empty (store, &error));
  g_assert_no_error (error);
}

static void
test_demo_cancelled (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(VigilStore) store = vigil_test_open_store ();

  g_cancellable_cancel (cancellable);
  g_assert_false (vigil_demo_fill (store, 1, "2025-06-30", cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  /* Cancelled before anything was written */
  g_assert_cmpint (vigil_store_get_kind (store), ==, VIGIL_STORE_KIND_REAL);
  g_assert_true (vigil_store_is_empty (store, &error));
}

/* A demo whose filling was stopped half way is made again, not shown half empty. */
static void
test_demo_interrupted_is_remade (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilLocation) location = NULL;
  g_autoptr(VigilStore) partial = NULL;
  g_autoptr(VigilStore) demo = NULL;
  g_autoptr(VigilPerson) person = vigil_person_new ();
  g_autofree char *complete = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;

  if (vigil_test_engine_is_pg ())
    {
      g_test_skip ("the demo is a SQLite file");
      return;
    }

  dir = vigil_test_make_tmpdir ();
  path = g_build_filename (dir, "demo.db", NULL);
  location = vigil_location_new_sqlite (path);

  partial = vigil_store_open (location, VIGIL_STORE_OPEN_CREATE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (vigil_store_mark_demo (partial, &error));
  person->surname = g_strdup ("Testington");
  person->forenames = g_strdup ("Bravo");
  g_assert_true (vigil_store_insert (partial, &vigil_person_type, person, &error));
  vigil_store_close (partial);

  demo = vigil_demo_open (location, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (vigil_store_get_meta (demo, "demo_complete", &complete, &error));
  g_assert_cmpstr (complete, ==, "1");
  g_assert_cmpint (vigil_people_count (demo, NULL, &error), >, 100);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  vigil_test_init_engine ();

  g_test_add_func ("/demo/refuses-real-store", test_demo_refuses_real_store);
  g_test_add_func ("/demo/open-async", test_demo_open_async);
  g_test_add_func ("/demo/bad-as-of", test_demo_bad_as_of);
  g_test_add_func ("/demo/cancelled", test_demo_cancelled);
  g_test_add_func ("/demo/open-fills-everything", test_demo_open_fills_everything);
  g_test_add_func ("/demo/interrupted-is-remade", test_demo_interrupted_is_remade);

  return g_test_run ();
}
