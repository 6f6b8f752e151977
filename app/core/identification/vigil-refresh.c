/* vigil-refresh.c: a scoring run — score everyone, store the run, find the movers
 *
 * Every perpetrator is scored in memory from the compact fact set; the run keeps the
 * scores of the people a coordinator looks at (the profile's cohort and everyone with a
 * cohort entry), which are few, so storing stays cheap however large the store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-refresh"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-entities.h"
#include "vigil-fact-cache.h"
#include "vigil-people.h"
#include "vigil-refresh.h"

void
vigil_refresh_result_free (VigilRefreshResult *result)
{
  if (result == NULL)
    return;

  g_clear_pointer (&result->table, vigil_score_table_free);
  g_clear_pointer (&result->movers, g_array_unref);
  g_free (result);
}

static char *
format_day (gint32 julian)
{
  GDate date;

  if (julian <= 0)
    return NULL;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, (guint32) julian);
  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date), g_date_get_month (&date),
                          g_date_get_day (&date));
}

static gboolean
query_ids (VigilStore  *store,
           const char  *sql,
           GArray      *ids,
           GError     **error)
{
  static const GType types[] = { G_TYPE_INT64, G_TYPE_NONE };
  g_autoptr(GdaDataModel) model = vigil_store_query (store, sql, NULL, 0, types, error);
  int n;

  if (model == NULL)
    return FALSE;

  n = gda_data_model_get_n_rows (model);
  for (int i = 0; i < n; i++)
    {
      const GValue *value = gda_data_model_get_value_at (model, 0, i, error);
      gint64 id;

      if (value == NULL)
        return FALSE;
      id = g_value_get_int64 (value);
      g_array_append_val (ids, id);
    }

  return TRUE;
}

/* The previous run's stored scores as a table. */
static VigilScoreTable *
load_previous (VigilStore  *store,
               gint64      *out_run_id,
               GError     **error)
{
  g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) scores = NULL;
  g_autoptr(VigilScoreRun) run = NULL;
  g_autofree VigilScoreRow *rows = NULL;
  GDate as_of;

  *out_run_id = 0;
  if (!query_ids (store, "SELECT id FROM score_run ORDER BY id DESC LIMIT 1", runs, error))
    return NULL;
  if (runs->len == 0)
    return vigil_score_table_new_from_rows (NULL, 0, NULL);

  *out_run_id = g_array_index (runs, gint64, 0);
  run = vigil_store_fetch (store, &vigil_score_run_type, *out_run_id, error);
  if (run == NULL)
    return NULL;
  scores = vigil_store_list (store, &vigil_score_type, "run_id", *out_run_id, error);
  if (scores == NULL)
    return NULL;

  rows = g_new0 (VigilScoreRow, MAX (scores->len, 1));
  for (guint i = 0; i < scores->len; i++)
    {
      VigilScore *score = g_ptr_array_index (scores, i);

      rows[i].person_id = score->person_id;
      rows[i].rank = (gint32) score->rank;
      rows[i].area_rank = (gint32) score->area_rank;
      rows[i].points[VIGIL_RFGV_RECENCY] = (guint8) score->r;
      rows[i].points[VIGIL_RFGV_FREQUENCY] = (guint8) score->f;
      rows[i].points[VIGIL_RFGV_GRAVITY] = (guint8) score->g;
      rows[i].points[VIGIL_RFGV_VICTIMS] = (guint8) score->v;
      rows[i].total = score->total;
      rows[i].in_cohort = score->in_cohort;
      rows[i].latest_day = score->latest_incident ? vigil_rfgv_parse_day (score->latest_incident) : 0;
    }

  g_date_clear (&as_of, 1);
  g_date_set_parse (&as_of, run->as_of);
  return vigil_score_table_new_from_rows (rows, scores->len, g_date_valid (&as_of) ? &as_of : NULL);
}

typedef struct
{
  const VigilScoringProfile *profile;
  VigilScoreTable *table;
  GHashTable *keep;          /* person ids with a cohort entry */
  const GDate *as_of;
  gint64 run_id;
  guint n_stored;
} StoreRun;

static gboolean
store_run_cb (VigilStore  *store,
              gpointer     user_data,
              GError     **error)
{
  StoreRun *data = user_data;
  g_autofree char *definition = vigil_scoring_profile_to_json (data->profile);
  g_autofree char *sha256 = vigil_scoring_profile_get_sha256 (data->profile);
  g_autofree char *profile_name = g_strdup_printf ("%s@%.12s", data->profile->name, sha256);
  g_autoptr(GPtrArray) profiles = NULL;
  g_autoptr(VigilScoreRun) run = vigil_score_run_new ();
  g_autoptr(GPtrArray) scores = NULL;
  const VigilScoreRow *rows;
  guint n_rows;
  gint64 profile_id;

  /* the profile as it was used, once per distinct definition */
  profiles = vigil_store_list_by_text (store, &vigil_profile_type, "name", profile_name, error);
  if (profiles == NULL)
    return FALSE;
  if (profiles->len > 0)
    profile_id = ((VigilRecord *) g_ptr_array_index (profiles, 0))->id;
  else
    {
      g_autoptr(VigilProfile) profile = vigil_profile_new ();

      profile->name = g_strdup (profile_name);
      profile->definition = g_strdup (definition);
      profile->sha256 = g_strdup (sha256);
      if (!vigil_store_insert (store, &vigil_profile_type, profile, error))
        return FALSE;
      profile_id = profile->record.id;
    }

  rows = vigil_score_table_get_rows (data->table, &n_rows);

  run->profile_id = profile_id;
  run->as_of = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (data->as_of),
                                g_date_get_month (data->as_of), g_date_get_day (data->as_of));
  run->run_by = g_strdup (vigil_store_get_actor (store));
  run->started_at = vigil_store_now ();
  run->finished_at = vigil_store_now ();
  run->people_scored = n_rows;
  if (!vigil_store_insert (store, &vigil_score_run_type, run, error))
    return FALSE;
  data->run_id = run->record.id;

  scores = g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_score_free);
  for (guint i = 0; i < n_rows; i++)
    {
      const VigilScoreRow *row = &rows[i];
      VigilScore *score;

      if (!row->in_cohort && !g_hash_table_contains (data->keep, &row->person_id))
        continue;

      score = vigil_score_new ();
      score->run_id = data->run_id;
      score->person_id = row->person_id;
      score->r = row->points[VIGIL_RFGV_RECENCY];
      score->f = row->points[VIGIL_RFGV_FREQUENCY];
      score->g = row->points[VIGIL_RFGV_GRAVITY];
      score->v = row->points[VIGIL_RFGV_VICTIMS];
      score->total = row->total;
      score->rank = row->rank;
      score->area = g_strdup (vigil_score_table_get_area_name (data->table, row));
      score->area_rank = row->area_rank;
      score->latest_incident = format_day (row->latest_day);
      score->in_cohort = row->in_cohort;
      g_ptr_array_add (scores, score);
    }

  /* in statements of many rows: one by one, libgda's transaction makes each slower */
  if (!vigil_store_insert_rows (store, &vigil_score_type, scores, error))
    return FALSE;
  data->n_stored = scores->len;

  return TRUE;
}

static void
report_stage (VigilRefreshProgressFunc progress_func,
              gpointer                 user_data,
              VigilRefreshStage        stage,
              double                   fraction)
{
  if (progress_func != NULL)
    progress_func (stage, fraction, user_data);
}

VigilRefreshResult *
vigil_refresh_run_full (VigilStore                *store,
                        const VigilScoringProfile *profile,
                        const GDate               *as_of,
                        VigilRefreshProgressFunc   progress_func,
                        gpointer                   user_data,
                        GCancellable              *cancellable,
                        GError                   **error)
{
  g_autoptr(VigilRefreshResult) result = g_new0 (VigilRefreshResult, 1);
  g_autoptr(VigilFactSet) facts = NULL;
  g_autoptr(VigilScoreTable) previous = NULL;
  g_autoptr(GArray) entries = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) watched = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) keep = g_hash_table_new (g_int64_hash, g_int64_equal);
  StoreRun data = { 0 };
  GDate today;
  gint64 t0, t1, t2;

  g_return_val_if_fail (VIGIL_IS_STORE (store), NULL);
  g_return_val_if_fail (profile != NULL, NULL);

  if (as_of == NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      g_date_clear (&today, 1);
      g_date_set_dmy (&today, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                      g_date_time_get_year (now));
      as_of = &today;
    }

  report_stage (progress_func, user_data, VIGIL_REFRESH_STAGE_LOADING, 0.0);
  t0 = g_get_monotonic_time ();
  /* from the store's fact cache when it is current (vigil-fact-cache.c) */
  facts = vigil_fact_cache_load (store, cancellable, &result->facts_cache, error);
  if (facts == NULL)
    return NULL;

  t1 = g_get_monotonic_time ();
  report_stage (progress_func, user_data, VIGIL_REFRESH_STAGE_SCORING, 0.7);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  result->table = vigil_rfgv_score (facts, profile, as_of, error);
  if (result->table == NULL)
    return NULL;
  vigil_score_table_apply_cohort (result->table, profile);
  t2 = g_get_monotonic_time ();

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  /* everyone with a cohort entry keeps a stored score; people of concern are watched
   * (principle 5: a rise in their score is highlighted for review) */
  if (!query_ids (store, "SELECT DISTINCT person_id FROM cohort_entry", entries, error) ||
      !query_ids (store,
                  "SELECT c.person_id FROM cohort_entry c WHERE c.status = 'of_concern' AND c.id = "
                  "(SELECT MAX(c2.id) FROM cohort_entry c2 WHERE c2.person_id = c.person_id)",
                  watched, error))
    return NULL;
  for (guint i = 0; i < entries->len; i++)
    g_hash_table_add (keep, &g_array_index (entries, gint64, i));

  report_stage (progress_func, user_data, VIGIL_REFRESH_STAGE_STORING, 0.85);
  previous = load_previous (store, &result->previous_run_id, error);
  if (previous == NULL)
    return NULL;

  data.profile = profile;
  data.table = result->table;
  data.keep = keep;
  data.as_of = as_of;
  if (!vigil_store_run_in_transaction (store, store_run_cb, &data, error))
    return NULL;

  result->run_id = data.run_id;
  result->n_stored = data.n_stored;
  result->movers = vigil_rfgv_compare (previous, result->table,
                                       (const gint64 *) watched->data, watched->len);
  result->load_seconds = (t1 - t0) / 1e6;
  result->score_seconds = (t2 - t1) / 1e6;
  result->store_seconds = (g_get_monotonic_time () - t2) / 1e6;
  report_stage (progress_func, user_data, VIGIL_REFRESH_STAGE_DONE, 1.0);

  return g_steal_pointer (&result);
}

VigilRefreshResult *
vigil_refresh_run (VigilStore                *store,
                   const VigilScoringProfile *profile,
                   const GDate               *as_of,
                   GCancellable              *cancellable,
                   GError                   **error)
{
  return vigil_refresh_run_full (store, profile, as_of, NULL, NULL, cancellable, error);
}


/* Stored runs */

void
vigil_stored_run_free (VigilStoredRun *run)
{
  if (run == NULL)
    return;

  g_free (run->as_of);
  g_free (run->run_by);
  g_free (run->finished_at);
  g_free (run->profile_name);
  g_clear_pointer (&run->profile, vigil_scoring_profile_free);
  g_clear_pointer (&run->table, vigil_score_table_free);
  g_clear_pointer (&run->areas, g_hash_table_unref);
  g_clear_pointer (&run->movers, g_array_unref);
  g_clear_pointer (&run->previous_table, vigil_score_table_free);
  g_free (run);
}

/* The stored scores of run @run_id as a table; @areas (may be NULL) gets each
 * person's area. */
static VigilScoreTable *
load_run_table (VigilStore  *store,
                gint64       run_id,
                const char  *as_of_text,
                GHashTable  *areas,
                GError     **error)
{
  g_autoptr(GPtrArray) scores = vigil_store_list (store, &vigil_score_type, "run_id", run_id, error);
  g_autofree VigilScoreRow *rows = NULL;
  GDate as_of;

  if (scores == NULL)
    return NULL;

  rows = g_new0 (VigilScoreRow, MAX (scores->len, 1));
  for (guint i = 0; i < scores->len; i++)
    {
      VigilScore *score = g_ptr_array_index (scores, i);

      rows[i].person_id = score->person_id;
      rows[i].rank = (gint32) score->rank;
      rows[i].area_rank = (gint32) score->area_rank;
      rows[i].points[VIGIL_RFGV_RECENCY] = (guint8) score->r;
      rows[i].points[VIGIL_RFGV_FREQUENCY] = (guint8) score->f;
      rows[i].points[VIGIL_RFGV_GRAVITY] = (guint8) score->g;
      rows[i].points[VIGIL_RFGV_VICTIMS] = (guint8) score->v;
      rows[i].total = score->total;
      rows[i].in_cohort = score->in_cohort;
      rows[i].latest_day = score->latest_incident ? vigil_rfgv_parse_day (score->latest_incident) : 0;
      if (areas != NULL && score->area != NULL)
        {
          gint64 *key = g_new (gint64, 1);

          *key = score->person_id;
          g_hash_table_replace (areas, key, g_strdup (score->area));
        }
    }

  g_date_clear (&as_of, 1);
  if (as_of_text != NULL)
    g_date_set_parse (&as_of, as_of_text);
  return vigil_score_table_new_from_rows (rows, scores->len, g_date_valid (&as_of) ? &as_of : NULL);
}

/**
 * vigil_refresh_load_latest:
 * @out_run: (out) (transfer full) (nullable): the latest run, NULL when there is none
 *
 * Reads the latest stored run without scoring anyone: its stored scores (the cohort
 * and everyone with a cohort entry), the profile it used, and its movers against the
 * run stored before it (people of concern as they are now are the watched).
 */
gboolean
vigil_refresh_load_latest (VigilStore      *store,
                           VigilStoredRun **out_run,
                           GError         **error)
{
  g_autoptr(GArray) runs = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) watched = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(VigilStoredRun) run = NULL;
  g_autoptr(VigilScoreRun) record = NULL;
  g_autoptr(VigilProfile) profile = NULL;
  g_autoptr(VigilScoreTable) previous = NULL;
  g_autoptr(GError) profile_error = NULL;

  g_return_val_if_fail (VIGIL_IS_STORE (store), FALSE);
  g_return_val_if_fail (out_run != NULL, FALSE);

  *out_run = NULL;
  if (!query_ids (store, "SELECT id FROM score_run ORDER BY id DESC LIMIT 2", runs, error))
    return FALSE;
  if (runs->len == 0)
    return TRUE;

  run = g_new0 (VigilStoredRun, 1);
  run->run_id = g_array_index (runs, gint64, 0);
  run->previous_run_id = runs->len > 1 ? g_array_index (runs, gint64, 1) : 0;

  record = vigil_store_fetch (store, &vigil_score_run_type, run->run_id, error);
  if (record == NULL)
    return FALSE;
  run->as_of = g_strdup (record->as_of);
  run->run_by = g_strdup (record->run_by);
  run->finished_at = g_strdup (record->finished_at);
  run->people_scored = record->people_scored;

  profile = vigil_store_fetch (store, &vigil_profile_type, record->profile_id, error);
  if (profile == NULL)
    return FALSE;
  run->profile_name = g_strdup (profile->name);
  run->profile = vigil_scoring_profile_new_from_data (profile->definition, -1, &profile_error);
  if (run->profile == NULL)
    g_warning ("The profile of run %" G_GINT64_FORMAT " cannot be read: %s", run->run_id, profile_error->message);

  run->areas = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  run->table = load_run_table (store, run->run_id, run->as_of, run->areas, error);
  if (run->table == NULL)
    return FALSE;

  if (run->previous_run_id != 0)
    {
      g_autoptr(VigilScoreRun) previous_record =
        vigil_store_fetch (store, &vigil_score_run_type, run->previous_run_id, error);

      if (previous_record == NULL)
        return FALSE;
      previous = load_run_table (store, run->previous_run_id, previous_record->as_of, NULL, error);
    }
  else
    previous = vigil_score_table_new_from_rows (NULL, 0, NULL);
  if (previous == NULL)
    return FALSE;

  if (!query_ids (store,
                  "SELECT c.person_id FROM cohort_entry c WHERE c.status = 'of_concern' AND c.id = "
                  "(SELECT MAX(c2.id) FROM cohort_entry c2 WHERE c2.person_id = c.person_id)",
                  watched, error))
    return FALSE;

  run->movers = vigil_rfgv_compare (previous, run->table, (const gint64 *) watched->data, watched->len);
  if (run->previous_run_id != 0)
    run->previous_table = g_steal_pointer (&previous);

  *out_run = g_steal_pointer (&run);
  return TRUE;
}

/* Off the main thread */

void
vigil_latest_run_free (VigilLatestRun *latest)
{
  if (latest == NULL)
    return;
  g_clear_pointer (&latest->run, vigil_stored_run_free);
  g_free (latest);
}

static gpointer
load_latest_thread (VigilStore    *store,
                    gpointer       task_data,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(VigilLatestRun) latest = g_new0 (VigilLatestRun, 1);

  if (!vigil_refresh_load_latest (store, &latest->run, error))
    return NULL;
  return g_steal_pointer (&latest);
}

void
vigil_refresh_load_latest_async (VigilStore          *store,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  g_return_if_fail (VIGIL_IS_STORE (store));

  vigil_store_call_async (store, vigil_refresh_load_latest_async, load_latest_thread, NULL, NULL,
                          (GDestroyNotify) vigil_latest_run_free, cancellable, callback, user_data);
}

VigilLatestRun *
vigil_refresh_load_latest_finish (VigilStore    *store,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return vigil_store_call_finish (store, result, vigil_refresh_load_latest_async, error);
}

void
vigil_explained_free (VigilExplained *explained)
{
  if (explained == NULL)
    return;
  g_clear_pointer (&explained->explanation, vigil_rfgv_explanation_free);
  g_clear_pointer (&explained->names, g_hash_table_unref);
  g_free (explained);
}

typedef struct
{
  gint64 person_id;
  VigilScoringProfile *profile;
  GDate as_of;
} ExplainCall;

static void
explain_call_free (ExplainCall *call)
{
  vigil_scoring_profile_free (call->profile);
  g_free (call);
}

static gpointer
explain_thread (VigilStore    *store,
                gpointer       task_data,
                GCancellable  *cancellable,
                GError       **error)
{
  ExplainCall *call = task_data;
  g_autoptr(VigilExplained) explained = g_new0 (VigilExplained, 1);
  g_autoptr(VigilFactSet) facts = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int person;

  explained->person_id = call->person_id;
  facts = vigil_fact_set_load_person (store, call->person_id, cancellable, error);
  if (facts == NULL)
    return NULL;
  person = vigil_fact_set_find_person (facts, call->person_id);
  if (person < 0)
    {
      g_set_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_NOT_FOUND,
                   _("This person has no incident as a perpetrator any more."));
      return NULL;
    }
  explained->explanation = vigil_rfgv_explain (facts, call->profile, (guint) person, &call->as_of, error);
  if (explained->explanation == NULL)
    return NULL;

  g_array_append_val (ids, call->person_id);
  for (guint i = 0; i < explained->explanation->n_incidents; i++)
    if (explained->explanation->incidents[i].has_victim)
      g_array_append_val (ids, explained->explanation->incidents[i].victim_id);
  explained->names = vigil_people_get_names (store, (const gint64 *) ids->data, ids->len, error);
  if (explained->names == NULL)
    return NULL;

  return g_steal_pointer (&explained);
}

void
vigil_refresh_explain_async (VigilStore                *store,
                             gint64                     person_id,
                             const VigilScoringProfile *profile,
                             const GDate               *as_of,
                             GCancellable              *cancellable,
                             GAsyncReadyCallback        callback,
                             gpointer                   user_data)
{
  ExplainCall *call;

  g_return_if_fail (VIGIL_IS_STORE (store));
  g_return_if_fail (profile != NULL && as_of != NULL);

  call = g_new0 (ExplainCall, 1);
  call->person_id = person_id;
  call->profile = vigil_scoring_profile_copy (profile);
  call->as_of = *as_of;
  vigil_store_call_async (store, vigil_refresh_explain_async, explain_thread, call,
                          (GDestroyNotify) explain_call_free, (GDestroyNotify) vigil_explained_free,
                          cancellable, callback, user_data);
}

VigilExplained *
vigil_refresh_explain_finish (VigilStore    *store,
                              GAsyncResult  *result,
                              GError       **error)
{
  return vigil_store_call_finish (store, result, vigil_refresh_explain_async, error);
}

/* A whole run off the main thread */

/* The longest a test hold waits for the cancellation. */
#define TEST_HOLD_MAX_US (60 * G_USEC_PER_SEC)

const char *
vigil_refresh_stage_describe (VigilRefreshStage stage)
{
  switch (stage)
    {
    case VIGIL_REFRESH_STAGE_LOADING:
      return _("Loading incidents…");
    case VIGIL_REFRESH_STAGE_SCORING:
      return _("Scoring everyone…");
    case VIGIL_REFRESH_STAGE_STORING:
      return _("Storing the run and finding the movers…");
    case VIGIL_REFRESH_STAGE_DONE:
    default:
      return _("Done");
    }
}

void
vigil_refresh_outcome_free (VigilRefreshOutcome *outcome)
{
  if (outcome == NULL)
    return;
  g_clear_pointer (&outcome->result, vigil_refresh_result_free);
  g_clear_pointer (&outcome->previous, vigil_stored_run_free);
  g_free (outcome);
}

typedef struct
{
  VigilScoringProfile *profile;
  GDate                as_of;
  gboolean             has_as_of;
  VigilRefreshFlags    flags;
  /* the worker's, during the run */
  VigilProgress       *progress;
  GCancellable        *cancellable;
} RunCall;

static void
run_call_free (RunCall *call)
{
  g_clear_pointer (&call->profile, vigil_scoring_profile_free);
  g_free (call);
}

/* In the worker, at the start of each stage */
static void
run_progress_cb (VigilRefreshStage stage,
                 double            fraction,
                 gpointer          user_data)
{
  RunCall *call = user_data;

  vigil_progress_report (call->progress, fraction, vigil_refresh_stage_describe (stage));

  if ((call->flags & VIGIL_REFRESH_HOLD_WHILE_SCORING) != 0 && stage == VIGIL_REFRESH_STAGE_SCORING)
    {
      gint64 deadline = g_get_monotonic_time () + TEST_HOLD_MAX_US;

      while (!g_cancellable_is_cancelled (call->cancellable) && g_get_monotonic_time () < deadline)
        g_usleep (5000);
    }
}

static gpointer
run_thread (VigilStore     *store,
            gpointer        task_data,
            VigilProgress  *progress,
            GCancellable   *cancellable,
            GError        **error)
{
  RunCall *call = task_data;
  g_autoptr(VigilRefreshOutcome) outcome = g_new0 (VigilRefreshOutcome, 1);

  call->progress = progress;
  call->cancellable = cancellable;
  vigil_progress_report (progress, 0.0, vigil_refresh_stage_describe (VIGIL_REFRESH_STAGE_LOADING));

  /* The run stored before this one: the places each person moved. */
  if (!vigil_refresh_load_latest (store, &outcome->previous, error))
    return NULL;

  outcome->result = vigil_refresh_run_full (store, call->profile, call->has_as_of ? &call->as_of : NULL,
                                            run_progress_cb, call, cancellable, error);
  if (outcome->result == NULL)
    return NULL;

  vigil_progress_report (progress, 1.0, vigil_refresh_stage_describe (VIGIL_REFRESH_STAGE_DONE));
  return g_steal_pointer (&outcome);
}

void
vigil_refresh_run_full_async (VigilStore                *store,
                              const VigilScoringProfile *profile,
                              const GDate               *as_of,
                              VigilRefreshFlags          flags,
                              VigilProgressFunc          progress_func,
                              gpointer                   progress_data,
                              GDestroyNotify             progress_destroy,
                              GCancellable              *cancellable,
                              GAsyncReadyCallback        callback,
                              gpointer                   user_data)
{
  RunCall *call;

  g_return_if_fail (VIGIL_IS_STORE (store));
  g_return_if_fail (profile != NULL);

  call = g_new0 (RunCall, 1);
  call->profile = vigil_scoring_profile_copy (profile);
  if (as_of != NULL && g_date_valid (as_of))
    {
      call->as_of = *as_of;
      call->has_as_of = TRUE;
    }
  call->flags = flags;
  vigil_store_call_with_progress_async (store, vigil_refresh_run_full_async, run_thread,
                                        call, (GDestroyNotify) run_call_free,
                                        (GDestroyNotify) vigil_refresh_outcome_free,
                                        progress_func, progress_data, progress_destroy,
                                        cancellable, callback, user_data);
}

VigilRefreshOutcome *
vigil_refresh_run_full_finish (VigilStore    *store,
                               GAsyncResult  *result,
                               GError       **error)
{
  return vigil_store_call_finish (store, result, vigil_refresh_run_full_async, error);
}
