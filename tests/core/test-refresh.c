/* test-refresh.c: a scoring run is stored, and the next one finds the movers
 *
 * Runs on SQLite (suite core) and on PostgreSQL (suite pg).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vigil-test-store.h"

static gint64
add_person (VigilStore *store,
            const char *surname,
            const char *ref)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilPerson) person = vigil_person_new ();

  person->surname = g_strdup (surname);
  person->forenames = g_strdup ("Sample");
  person->local_ref = g_strdup (ref);
  g_assert_true (vigil_store_insert (store, &vigil_person_type, person, &error));
  g_assert_no_error (error);
  return person->record.id;
}

static void
add_incident (VigilStore *store,
              const char *ref,
              const char *date,
              gint64      perpetrator,
              gint64      victim,
              const char *offence)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilIncident) incident = vigil_incident_new ();

  incident->source = g_strdup ("police");
  incident->source_ref = g_strdup (ref);
  incident->occurred_at = g_strdup (date);
  incident->perpetrator_id = perpetrator;
  incident->victim_id = victim;
  incident->relationship = g_strdup ("ex_partner");
  incident->offence_code = g_strdup (offence);
  incident->area = g_strdup ("North Synthshire");
  g_assert_true (vigil_store_insert (store, &vigil_incident_type, incident, &error));
  g_assert_no_error (error);
}

static void
test_runs_and_movers (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) store = vigil_test_open_store ();
  g_autoptr(VigilScoringProfile) profile = vigil_scoring_profile_load_default (&error);
  g_autoptr(VigilRefreshResult) first = NULL;
  g_autoptr(VigilRefreshResult) second = NULL;
  g_autoptr(VigilCohortEntry) entry = vigil_cohort_entry_new ();
  g_autoptr(GPtrArray) scores = NULL;
  g_autoptr(VigilScoreRun) run = NULL;
  const VigilScoreRow *row;
  gint64 watched, other, victim1, victim2, victim3;
  gboolean found = FALSE;
  GDate as_of;

  g_assert_no_error (error);
  watched = add_person (store, "Testington", "SYN-P1");
  other = add_person (store, "Mockridge", "SYN-P2");
  victim1 = add_person (store, "Victimone", "SYN-V1");
  victim2 = add_person (store, "Victimtwo", "SYN-V2");
  victim3 = add_person (store, "Victimthree", "SYN-V3");

  add_incident (store, "SYN-I1", "2026-01-10", watched, victim1, "common_assault");
  add_incident (store, "SYN-I2", "2025-06-10", other, victim2, "harassment");

  /* watched: of concern, not managed (principle 5) */
  entry->person_id = watched;
  entry->status = g_strdup ("of_concern");
  entry->route = g_strdup ("rfgv");
  g_assert_true (vigil_store_insert (store, &vigil_cohort_entry_type, entry, &error));

  g_date_clear (&as_of, 1);
  g_date_set_dmy (&as_of, 1, 11, 2026);
  first = vigil_refresh_run (store, profile, &as_of, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (first->previous_run_id, ==, 0);
  g_assert_cmpuint (vigil_score_table_get_n_rows (first->table), ==, 2);

  /* SYN-I1: 295 days → R 3; 1 incident → F 1; common assault 3 → G 1; 1 victim → V 1 */
  row = vigil_score_table_find_person (first->table, watched);
  g_assert_nonnull (row);
  g_assert_cmpint (row->points[VIGIL_RFGV_RECENCY], ==, 3);
  g_assert_cmpint (row->points[VIGIL_RFGV_FREQUENCY], ==, 1);
  g_assert_cmpint (row->points[VIGIL_RFGV_GRAVITY], ==, 1);
  g_assert_cmpint (row->points[VIGIL_RFGV_VICTIMS], ==, 1);
  g_assert_cmpfloat (row->total, ==, 6.0);
  g_assert_cmpint (row->rank, ==, 1);

  /* the run is stored with the profile used, and keeps the watched person's score */
  run = vigil_store_fetch (store, &vigil_score_run_type, first->run_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (run->as_of, ==, "2026-11-01");
  g_assert_cmpint (run->people_scored, ==, 2);
  g_assert_cmpint (run->profile_id, >, 0);
  scores = vigil_store_list (store, &vigil_score_type, "run_id", first->run_id, &error);
  for (guint i = 0; i < scores->len; i++)
    {
      VigilScore *score = g_ptr_array_index (scores, i);

      if (score->person_id == watched)
        {
          found = TRUE;
          g_assert_cmpint (score->r, ==, 3);
          g_assert_cmpfloat (score->total, ==, 6.0);
          g_assert_cmpstr (score->latest_incident, ==, "2026-01-10");
          g_assert_cmpstr (score->area, ==, "North Synthshire");
        }
    }
  g_assert_true (found);
  g_assert_cmpuint (first->n_stored, ==, scores->len);

  /* new incidents: the watched person's score rises and is flagged */
  add_incident (store, "SYN-I3", "2026-10-01", watched, victim2, "strangulation");
  add_incident (store, "SYN-I4", "2026-10-20", watched, victim3, "threats_to_kill");
  second = vigil_refresh_run (store, profile, &as_of, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (second->previous_run_id, ==, first->run_id);

  found = FALSE;
  for (guint i = 0; i < second->movers->len; i++)
    {
      VigilMover *mover = &g_array_index (second->movers, VigilMover, i);

      if (mover->person_id == watched)
        {
          found = TRUE;
          g_assert_cmpint (mover->kind, ==, VIGIL_MOVER_RISER);
          g_assert_true (mover->watched);
          g_assert_cmpfloat (mover->previous_total, ==, 6.0);
          /* 12 days → R 5; 3 incidents → F 3; 3 + 5 + 4 = 12 → G 3; 3 victims → V 5 */
          g_assert_cmpfloat (mover->current_total, ==, 16.0);
        }
    }
  g_assert_true (found);

  /* the same profile is stored once */
  {
    g_autoptr(GPtrArray) profiles = vigil_store_list (store, &vigil_profile_type, NULL, 0, &error);

    g_assert_cmpuint (profiles->len, ==, 1);
  }
}

/* The _async pair: the run and the one before it, with progress on this thread */

static void
call_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GAsyncResult **out = user_data;

  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  *out = g_object_ref (result);
}

static GAsyncResult *
wait_for_result (GAsyncResult **slot)
{
  gint64 deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;

  while (*slot == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  return g_steal_pointer (slot);
}

typedef struct
{
  guint   n_reports;
  double  last_fraction;
  char   *last_message;
  gboolean scoring_seen;
  gboolean destroyed;
  GCancellable *cancel_when_scoring;
} Progress;

static void
progress_cb (double      fraction,
             const char *message,
             gpointer    user_data)
{
  Progress *progress = user_data;

  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  g_assert_cmpfloat (fraction, >=, progress->last_fraction);
  progress->n_reports++;
  progress->last_fraction = fraction;
  g_free (progress->last_message);
  progress->last_message = g_strdup (message);
  if (g_strcmp0 (message, vigil_refresh_stage_describe (VIGIL_REFRESH_STAGE_SCORING)) == 0)
    {
      progress->scoring_seen = TRUE;
      if (progress->cancel_when_scoring != NULL)
        g_cancellable_cancel (progress->cancel_when_scoring);
    }
}

static void
progress_destroy (gpointer user_data)
{
  Progress *progress = user_data;

  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  progress->destroyed = TRUE;
}

static gint64
count_runs (VigilStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) runs = vigil_store_list (store, &vigil_score_run_type, NULL, 0, &error);

  g_assert_no_error (error);
  return runs->len;
}

static void
test_run_async (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) store = vigil_test_open_store ();
  g_autoptr(VigilScoringProfile) profile = vigil_scoring_profile_load_default (&error);
  GAsyncResult *slot = NULL;
  gint64 first_run;
  GDate as_of;

  g_assert_no_error (error);
  add_incident (store, "SYN-I1", "2026-01-10", add_person (store, "Testington", "SYN-P1"),
                add_person (store, "Victimone", "SYN-V1"), "common_assault");
  g_date_clear (&as_of, 1);
  g_date_set_dmy (&as_of, 1, G_DATE_NOVEMBER, 2026);

  /* the first run: no run before it; progress on this thread, ending at "Done" */
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(VigilRefreshOutcome) outcome = NULL;
    Progress progress = { 0 };

    vigil_refresh_run_full_async (store, profile, &as_of, VIGIL_REFRESH_FLAGS_NONE,
                                  progress_cb, &progress, progress_destroy, NULL, call_done_cb, &slot);
    result = wait_for_result (&slot);
    outcome = vigil_refresh_run_full_finish (store, result, &error);
    g_assert_no_error (error);
    g_assert_nonnull (outcome->result);
    g_assert_null (outcome->previous);
    g_assert_cmpuint (vigil_score_table_get_n_rows (outcome->result->table), ==, 1);
    first_run = outcome->result->run_id;
    g_assert_cmpint (first_run, >, 0);
    /* the latest report only: at least the last one arrives, and the data goes after it */
    g_clear_object (&result);  /* the call's data goes with it */
    while (!progress.destroyed)
      g_main_context_iteration (NULL, TRUE);
    g_assert_cmpuint (progress.n_reports, >=, 1);
    g_assert_cmpfloat (progress.last_fraction, ==, 1.0);
    g_assert_cmpstr (progress.last_message, ==, vigil_refresh_stage_describe (VIGIL_REFRESH_STAGE_DONE));
    g_free (progress.last_message);
  }

  /* the second: the first is the run before it */
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(VigilRefreshOutcome) outcome = NULL;

    vigil_refresh_run_full_async (store, profile, &as_of, VIGIL_REFRESH_FLAGS_NONE,
                                  NULL, NULL, NULL, NULL, call_done_cb, &slot);
    result = wait_for_result (&slot);
    outcome = vigil_refresh_run_full_finish (store, result, &error);
    g_assert_no_error (error);
    g_assert_nonnull (outcome->previous);
    g_assert_cmpint (outcome->previous->run_id, ==, first_run);
    g_assert_cmpint (outcome->result->previous_run_id, ==, first_run);
  }
  g_assert_cmpint (count_runs (store), ==, 2);

  /* held at scoring until cancelled (the GUI's test hook): cancelled, nothing stored */
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    Progress progress = { 0 };

    progress.cancel_when_scoring = cancellable;
    vigil_refresh_run_full_async (store, profile, &as_of, VIGIL_REFRESH_HOLD_WHILE_SCORING,
                                  progress_cb, &progress, progress_destroy, cancellable, call_done_cb, &slot);
    result = wait_for_result (&slot);
    g_assert_true (progress.scoring_seen);
    g_assert_null (vigil_refresh_run_full_finish (store, result, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_clear_error (&error);
    g_clear_object (&result);  /* the call's data goes with it */
    while (!progress.destroyed)
      g_main_context_iteration (NULL, TRUE);
    g_free (progress.last_message);
  }
  g_assert_cmpint (count_runs (store), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  vigil_test_init_engine ();

  g_test_add_func ("/refresh/runs-and-movers", test_runs_and_movers);
  g_test_add_func ("/refresh/run-async", test_run_async);

  return g_test_run ();
}
