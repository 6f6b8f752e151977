/* vigil-dossier.c: everything the dossier page of one person needs, in one load
 *
 * One read transaction (one snapshot on SQLite, the connection's lock held on both
 * engines) and one indexed query per table, each batched by the person's id:
 * person, aliases, cohort entries, the two newest scores, the newest run, the person's
 * incidents (twice: the RFGV engine's own load for the explanation, and the columns
 * the engine does not keep), the victims' names, agency flags, decisions, processes,
 * agency sections, victim links, plans, interventions, outcome observations and the
 * audit trail. About
 * twenty statements, however many rows the person has.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-dossier"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "vigil-audit.h"
#include "vigil-dossier.h"

/* ------------------------------------------------------------------------------------
 * Freeing
 * ------------------------------------------------------------------------------------ */

static void
victim_free (gpointer data)
{
  VigilDossierVictim *victim = data;

  g_free (victim->role);
  g_free (victim->surname);
  g_free (victim->forenames);
  g_free (victim->dob);
  g_free (victim->local_ref);
  g_free (victim->first_incident_at);
  g_free (victim);
}

static void
incident_free (gpointer data)
{
  VigilDossierIncident *incident = data;

  g_free (incident->source_ref);
  g_free (incident->occurred_at);
  g_free (incident->relationship);
  g_free (incident->offence_code);
  g_free (incident->dash_risk);
  g_free (incident->area);
  g_free (incident);
}

static void
agency_information_free (gpointer data)
{
  VigilDossierAgencyInformation *information = data;

  vigil_agency_section_free (information->section);
  g_free (information);
}

static void
history_entry_free (gpointer data)
{
  VigilDossierHistoryEntry *entry = data;

  g_free (entry->logged_at);
  g_free (entry->actor);
  g_free (entry->action);
  g_free (entry->entity);
  g_free (entry->entity_label);
  g_strfreev (entry->fields);
  g_strfreev (entry->field_labels);
  g_free (entry->summary);
  g_free (entry);
}

static void
outcome_trend_free (gpointer data)
{
  VigilDossierOutcomeTrend *trend = data;

  g_free (trend->source);
  g_free (trend->measure);
  g_free (trend->first_on);
  g_free (trend->latest_on);
  g_clear_pointer (&trend->ratings, g_array_unref);
  g_free (trend);
}

static void
score_clear (VigilDossierScore *score)
{
  g_clear_pointer (&score->as_of, g_free);
  g_clear_pointer (&score->area, g_free);
}

void
vigil_dossier_free (VigilDossier *self)
{
  if (self == NULL)
    return;

  g_clear_pointer (&self->person, vigil_person_free);
  g_clear_pointer (&self->aliases, g_ptr_array_unref);
  g_clear_pointer (&self->cohort_entry, vigil_cohort_entry_free);
  g_clear_pointer (&self->past_cohort_entries, g_ptr_array_unref);
  score_clear (&self->score);
  score_clear (&self->previous_score);
  g_clear_pointer (&self->explanation, vigil_rfgv_explanation_free);
  g_clear_pointer (&self->incidents, g_ptr_array_unref);
  g_clear_pointer (&self->victims, g_ptr_array_unref);
  g_clear_pointer (&self->agency_flags, g_ptr_array_unref);
  g_clear_pointer (&self->decisions, g_ptr_array_unref);
  g_clear_pointer (&self->mopi_review_on, g_free);
  g_clear_pointer (&self->processes, g_ptr_array_unref);
  g_clear_pointer (&self->agency_information, g_ptr_array_unref);
  g_clear_pointer (&self->victim_links, g_ptr_array_unref);
  g_clear_pointer (&self->plans.agreed_on, g_free);
  g_clear_pointer (&self->plans.review_on, g_free);
  g_clear_pointer (&self->plans.next_due_on, g_free);
  g_clear_pointer (&self->plan, vigil_plan_free);
  g_clear_pointer (&self->interventions, g_ptr_array_unref);
  g_clear_pointer (&self->outcomes, g_ptr_array_unref);
  g_clear_pointer (&self->outcome_trends, g_ptr_array_unref);
  for (guint i = 0; i < VIGIL_DOSSIER_N_SECTIONS; i++)
    {
      g_clear_pointer (&self->changes[i].changed_at, g_free);
      g_clear_pointer (&self->changes[i].changed_by, g_free);
    }
  g_clear_pointer (&self->history, g_ptr_array_unref);
  g_free (self);
}

/* ------------------------------------------------------------------------------------
 * Small helpers
 * ------------------------------------------------------------------------------------ */

/* A missing or unreadable date sorts before every date. */
static gint32
day_of (const char *text)
{
  return text != NULL ? vigil_rfgv_parse_day (text) : 0;
}

static void
note_change (VigilDossierChange *change,
             const char         *updated_at,
             const char         *updated_by)
{
  /* Timestamps are ISO 8601 UTC text of one width: they sort as text. */
  if (updated_at == NULL || g_strcmp0 (updated_at, change->changed_at) <= 0)
    return;

  g_free (change->changed_at);
  change->changed_at = g_strdup (updated_at);
  g_free (change->changed_by);
  change->changed_by = g_strdup (updated_by);
}

static void
note_records (VigilDossierChange *change,
              GPtrArray          *records)
{
  for (guint i = 0; i < records->len; i++)
    {
      const VigilRecord *record = g_ptr_array_index (records, i);

      note_change (change, record->updated_at, record->updated_by);
    }
}

static char *
dup_text (const GValue *value)
{
  return value == NULL || gda_value_is_null (value) ? NULL : g_value_dup_string (value);
}

static gint64
get_int (const GValue *value)
{
  return value == NULL || gda_value_is_null (value) ? 0 : g_value_get_int64 (value);
}

/* The values of one row, or FALSE with @error set. */
static gboolean
read_row (GdaDataModel  *model,
          int            row,
          const GValue **values,
          int            n_columns,
          GError       **error)
{
  for (int col = 0; col < n_columns; col++)
    {
      values[col] = gda_data_model_get_value_at (model, col, row, error);
      if (values[col] == NULL)
        return FALSE;
    }
  return TRUE;
}

static GPtrArray *
list_by_person (VigilStore             *store,
                const VigilRecordType  *type,
                const char             *column,
                gint64                  person_id,
                GCancellable           *cancellable,
                GError                **error)
{
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  return vigil_store_list (store, type, column, person_id, error);
}

/* ------------------------------------------------------------------------------------
 * Sorting
 * ------------------------------------------------------------------------------------ */

static int
compare_ids_desc (gint64 a,
                  gint64 b)
{
  return (a < b) - (a > b);
}

static int
compare_cohort_entries_newest_first (gconstpointer a,
                                     gconstpointer b)
{
  const VigilCohortEntry *x = *(VigilCohortEntry * const *) a;
  const VigilCohortEntry *y = *(VigilCohortEntry * const *) b;

  return compare_ids_desc (x->record.id, y->record.id);
}

static int
compare_flags_newest_first (gconstpointer a,
                            gconstpointer b)
{
  const VigilAgencyFlag *x = *(VigilAgencyFlag * const *) a;
  const VigilAgencyFlag *y = *(VigilAgencyFlag * const *) b;
  gint32 dx = day_of (x->reported_on), dy = day_of (y->reported_on);

  if (dx != dy)
    return (dx < dy) - (dx > dy);
  return compare_ids_desc (x->record.id, y->record.id);
}

static int
compare_decisions_newest_first (gconstpointer a,
                                gconstpointer b)
{
  const VigilDecision *x = *(VigilDecision * const *) a;
  const VigilDecision *y = *(VigilDecision * const *) b;
  gint32 dx = day_of (x->decided_on), dy = day_of (y->decided_on);

  if (dx != dy)
    return (dx < dy) - (dx > dy);
  return compare_ids_desc (x->record.id, y->record.id);
}

static int
compare_processes (gconstpointer a,
                   gconstpointer b)
{
  const VigilProcessOverlap *x = *(VigilProcessOverlap * const *) a;
  const VigilProcessOverlap *y = *(VigilProcessOverlap * const *) b;
  gboolean ax = g_strcmp0 (x->status, "active") == 0;
  gboolean ay = g_strcmp0 (y->status, "active") == 0;
  gint32 dx = day_of (x->started_on), dy = day_of (y->started_on);

  if (ax != ay)
    return ax ? -1 : 1;
  if (dx != dy)
    return (dx < dy) - (dx > dy);
  return compare_ids_desc (x->record.id, y->record.id);
}

/* The position of @agency in vigil_agency_choices; unknown codes after them all. */
static guint
agency_order (const char *agency)
{
  guint i;

  for (i = 0; vigil_agency_choices[i] != NULL; i++)
    if (g_strcmp0 (vigil_agency_choices[i], agency) == 0)
      return i;
  return i;
}

static int
compare_agency_information (gconstpointer a,
                            gconstpointer b)
{
  const VigilDossierAgencyInformation *x = *(VigilDossierAgencyInformation * const *) a;
  const VigilDossierAgencyInformation *y = *(VigilDossierAgencyInformation * const *) b;
  guint ox = agency_order (x->section->agency), oy = agency_order (y->section->agency);

  if (ox != oy)
    return ox < oy ? -1 : 1;
  return g_strcmp0 (x->section->agency, y->section->agency);
}

/* Is @a newer information than @b from the same agency? */
static gboolean
section_is_newer (const VigilAgencySection *a,
                  const VigilAgencySection *b)
{
  gint32 da = day_of (a->provided_on), db = day_of (b->provided_on);

  if (da != db)
    return da > db;
  return a->record.id > b->record.id;
}

/* ------------------------------------------------------------------------------------
 * Loading, section by section
 * ------------------------------------------------------------------------------------ */

typedef struct
{
  VigilStore *store;
  gint64 person_id;
  gint64 seq;
  GError *error;
  gboolean ok;
} ViewAudit;   /* a view audited while its dossier is read */

typedef struct
{
  gint64                      person_id;
  const VigilScoringProfile  *profile;
  GCancellable               *cancellable;
  VigilDossier               *dossier;
  gint32                      today;          /* Julian day */
  GHashTable                 *victim_index;   /* person id (gint64 *) → index + 1 */

  /* Read at once (vigil_store_run_reads), put together after: */
  gint64                      newest_run_id;
  char                       *newest_run_as_of;
  VigilFactSet               *facts;
  GArray                     *details;        /* IncidentDetail */
  GdaDataModel               *victim_names;
  GPtrArray                  *plans;
  GPtrArray                  *interventions;  /* of all the person's plans */
  ViewAudit                  *view;           /* PostgreSQL: audited as one of the reads */
} LoadData;

static void
load_data_clear (LoadData *data)
{
  g_clear_pointer (&data->newest_run_as_of, g_free);
  g_clear_pointer (&data->facts, vigil_fact_set_unref);
  g_clear_pointer (&data->details, g_array_unref);
  g_clear_object (&data->victim_names);
  g_clear_pointer (&data->plans, g_ptr_array_unref);
  g_clear_pointer (&data->interventions, g_ptr_array_unref);
}

static gboolean
load_aliases (VigilStore  *store,
              LoadData    *data,
              GError     **error)
{
  VigilDossier *dossier = data->dossier;

  dossier->aliases = list_by_person (store, &vigil_person_alias_type, "person_id",
                                     data->person_id, data->cancellable, error);
  return dossier->aliases != NULL;
}

static gboolean
load_cohort (VigilStore  *store,
             LoadData    *data,
             GError     **error)
{
  VigilDossier *dossier = data->dossier;
  g_autoptr(GPtrArray) entries = NULL;

  entries = list_by_person (store, &vigil_cohort_entry_type, "person_id",
                            data->person_id, data->cancellable, error);
  if (entries == NULL)
    return FALSE;

  note_records (&dossier->changes[VIGIL_DOSSIER_SECTION_COHORT], entries);
  g_ptr_array_sort (entries, compare_cohort_entries_newest_first);
  if (entries->len > 0)
    dossier->cohort_entry = g_ptr_array_steal_index (entries, 0);
  dossier->past_cohort_entries = g_steal_pointer (&entries);
  return TRUE;
}

/* The two newest stored scores of the person (runs by id, as vigil-refresh orders
 * them), and the id and as-of date of the newest run of all. */
static gboolean
load_newest_run (VigilStore  *store,
                 LoadData    *data,
                 GError     **error)
{
  static const GType run_types[] = { G_TYPE_INT64, G_TYPE_STRING, G_TYPE_NONE };
  g_autoptr(GdaDataModel) runs = NULL;

  if (g_cancellable_set_error_if_cancelled (data->cancellable, error))
    return FALSE;

  runs = vigil_store_query (store, "SELECT id, as_of FROM score_run ORDER BY id DESC LIMIT 1",
                            NULL, 0, run_types, error);
  if (runs == NULL)
    return FALSE;
  if (gda_data_model_get_n_rows (runs) > 0)
    {
      const GValue *values[2];

      if (!read_row (runs, 0, values, 2, error))
        return FALSE;
      data->newest_run_id = get_int (values[0]);
      data->newest_run_as_of = dup_text (values[1]);
    }
  return TRUE;
}

static gboolean
load_scores (VigilStore  *store,
             LoadData    *data,
             GError     **error)
{
  static const GType score_types[] = {
    G_TYPE_INT64, G_TYPE_STRING, G_TYPE_INT64, G_TYPE_INT64, G_TYPE_INT64, G_TYPE_INT64,
    G_TYPE_DOUBLE, G_TYPE_INT64, G_TYPE_STRING, G_TYPE_INT64, G_TYPE_INT64, G_TYPE_NONE
  };
  VigilDossier *dossier = data->dossier;
  VigilDossierScore *scores[] = { &dossier->score, &dossier->previous_score };
  g_autoptr(GdaDataModel) model = NULL;
  GValue param = G_VALUE_INIT;
  int n_rows;

  if (g_cancellable_set_error_if_cancelled (data->cancellable, error))
    return FALSE;

  g_value_init (&param, G_TYPE_INT64);
  g_value_set_int64 (&param, data->person_id);
  model = vigil_store_query (store,
                             "SELECT s.run_id, r.as_of, s.r, s.f, s.g, s.v, s.total, s.rank, "
                             "s.area, s.area_rank, s.in_cohort "
                             "FROM score s JOIN score_run r ON r.id = s.run_id "
                             "WHERE s.person_id = ##p0::gint64 "
                             "ORDER BY s.run_id DESC LIMIT 2",
                             &param, 1, score_types, error);
  g_value_unset (&param);
  if (model == NULL)
    return FALSE;

  n_rows = MIN (gda_data_model_get_n_rows (model), 2);
  for (int row = 0; row < n_rows; row++)
    {
      VigilDossierScore *score = scores[row];
      const GValue *values[11];

      if (!read_row (model, row, values, 11, error))
        return FALSE;

      score->present = TRUE;
      score->run_id = get_int (values[0]);
      score->as_of = dup_text (values[1]);
      for (int c = 0; c < VIGIL_RFGV_N_COMPONENTS; c++)
        score->points[c] = get_int (values[2 + c]);
      score->total = gda_value_is_null (values[6]) ? 0.0 : g_value_get_double (values[6]);
      score->rank = get_int (values[7]);
      score->area = dup_text (values[8]);
      score->area_rank = get_int (values[9]);
      score->in_cohort = get_int (values[10]) != 0;
    }
  return TRUE;
}

/* Once both are in: which score is the newest run's, and the trend */
static void
build_scores (LoadData *data)
{
  VigilDossier *dossier = data->dossier;

  dossier->score.current = dossier->score.present && dossier->score.run_id == data->newest_run_id;
  dossier->previous_score.current = dossier->previous_score.present &&
                                    dossier->previous_score.run_id == data->newest_run_id;

  if (dossier->score.present && dossier->previous_score.present)
    {
      /* Totals are stored rounded to six decimal places. */
      double delta = dossier->score.total - dossier->previous_score.total;

      if (delta > 0.5e-6)
        dossier->trend = VIGIL_DOSSIER_TREND_UP;
      else if (delta < -0.5e-6)
        dossier->trend = VIGIL_DOSSIER_TREND_DOWN;
      else
        dossier->trend = VIGIL_DOSSIER_TREND_SAME;
    }
  else
    dossier->trend = VIGIL_DOSSIER_TREND_NONE;
}

/* What the RFGV engine does not keep of an incident. */
typedef struct
{
  gint64  id;
  char   *source_ref;
  char   *occurred_at;
  char   *relationship;
  char   *offence_code;
  char   *dash_risk;
  gboolean stalking;
  char   *area;
  char   *updated_at;
  char   *updated_by;
} IncidentDetail;

static void
incident_detail_clear (gpointer data)
{
  IncidentDetail *detail = data;

  g_free (detail->source_ref);
  g_free (detail->occurred_at);
  g_free (detail->relationship);
  g_free (detail->offence_code);
  g_free (detail->dash_risk);
  g_free (detail->area);
  g_free (detail->updated_at);
  g_free (detail->updated_by);
}

static VigilDossierVictim *
add_victim (LoadData *data,
            gint64    victim_id)
{
  VigilDossier *dossier = data->dossier;
  VigilDossierVictim *victim;
  gpointer index;

  if (g_hash_table_lookup_extended (data->victim_index, &victim_id, NULL, &index))
    return g_ptr_array_index (dossier->victims, GPOINTER_TO_UINT (index) - 1);

  victim = g_new0 (VigilDossierVictim, 1);
  victim->person_id = victim_id;
  victim->number = dossier->victims->len + 1;
  /* Translators: a victim's role on the dossier, shown instead of their name */
  victim->role = g_strdup_printf (_("Victim %u"), victim->number);
  g_ptr_array_add (dossier->victims, victim);
  g_hash_table_insert (data->victim_index, &victim->person_id, GUINT_TO_POINTER (victim->number));
  return victim;
}

static int
find_victim_index (LoadData *data,
                   gint64    victim_id)
{
  gpointer index;

  if (victim_id == 0 || !g_hash_table_lookup_extended (data->victim_index, &victim_id, NULL, &index))
    return -1;
  return (int) GPOINTER_TO_UINT (index) - 1;
}

/* The person's facts for the engine and what it does not keep of their incidents. */
static gboolean
read_facts (VigilStore  *store,
            LoadData    *data,
            GError     **error)
{
  data->facts = vigil_fact_set_load_person (store, data->person_id, data->cancellable, error);
  return data->facts != NULL;
}

static gboolean
read_incident_details (VigilStore  *store,
                       LoadData    *data,
                       GError     **error)
{
  static const GType types[] = {
    G_TYPE_INT64, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING,
    G_TYPE_INT64, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_NONE
  };
  g_autoptr(GdaDataModel) model = NULL;
  GValue param = G_VALUE_INIT;
  int n_rows;

  if (g_cancellable_set_error_if_cancelled (data->cancellable, error))
    return FALSE;

  g_value_init (&param, G_TYPE_INT64);
  g_value_set_int64 (&param, data->person_id);
  model = vigil_store_query (store,
                             "SELECT id, source_ref, occurred_at, relationship, offence_code, "
                             "dash_risk, stalking, area, updated_at, updated_by "
                             "FROM incident WHERE perpetrator_id = ##p0::gint64",
                             &param, 1, types, error);
  g_value_unset (&param);
  if (model == NULL)
    return FALSE;

  n_rows = gda_data_model_get_n_rows (model);
  data->details = g_array_sized_new (FALSE, TRUE, sizeof (IncidentDetail), n_rows);
  g_array_set_clear_func (data->details, incident_detail_clear);
  for (int row = 0; row < n_rows; row++)
    {
      IncidentDetail detail = { 0, };
      const GValue *values[10];

      if (!read_row (model, row, values, 10, error))
        return FALSE;
      detail.id = get_int (values[0]);
      detail.source_ref = dup_text (values[1]);
      detail.occurred_at = dup_text (values[2]);
      detail.relationship = dup_text (values[3]);
      detail.offence_code = dup_text (values[4]);
      detail.dash_risk = dup_text (values[5]);
      detail.stalking = get_int (values[6]) != 0;
      detail.area = dup_text (values[7]);
      detail.updated_at = dup_text (values[8]);
      detail.updated_by = dup_text (values[9]);
      g_array_append_val (data->details, detail);
    }
  return TRUE;
}

/* The explanation of the score and the incidents behind it; numbers the victims by
 * their first incident. */
static gboolean
build_incidents (LoadData  *data,
                 GError   **error)
{
  VigilDossier *dossier = data->dossier;
  VigilDossierChange *change = &dossier->changes[VIGIL_DOSSIER_SECTION_IDENTIFICATION];
  g_autoptr(GHashTable) by_id = NULL;
  const VigilRfgvExplanation *explanation;
  GArray *details = data->details;
  GDate as_of;
  int person;

  dossier->n_incidents_skipped = vigil_fact_set_get_n_skipped (data->facts);
  for (guint i = 0; i < details->len; i++)
    {
      const IncidentDetail *detail = &g_array_index (details, IncidentDetail, i);

      note_change (change, detail->updated_at, detail->updated_by);
    }

  g_date_clear (&as_of, 1);
  if (data->newest_run_as_of != NULL && vigil_rfgv_parse_day (data->newest_run_as_of) > 0)
    g_date_set_julian (&as_of, vigil_rfgv_parse_day (data->newest_run_as_of));
  else
    as_of = dossier->today;

  /* A person without (readable) incidents is in no fact set: nothing to explain. */
  person = vigil_fact_set_find_person (data->facts, data->person_id);
  if (person < 0)
    return TRUE;

  dossier->explanation = vigil_rfgv_explain (data->facts, data->profile, person, &as_of, error);
  if (dossier->explanation == NULL)
    return FALSE;
  explanation = dossier->explanation;

  by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint i = 0; i < details->len; i++)
    {
      IncidentDetail *detail = &g_array_index (details, IncidentDetail, i);

      g_hash_table_insert (by_id, &detail->id, detail);
    }

  dossier->incidents = g_ptr_array_new_full (explanation->n_incidents, incident_free);
  for (guint i = 0; i < explanation->n_incidents; i++)
    {
      const VigilRfgvExplainedIncident *explained = &explanation->incidents[i];
      IncidentDetail *detail = g_hash_table_lookup (by_id, &explained->incident_id);
      VigilDossierIncident *incident = g_new0 (VigilDossierIncident, 1);

      incident->incident_id = explained->incident_id;
      incident->victim = -1;
      if (explained->has_victim && explained->victim_id != 0)
        {
          VigilDossierVictim *victim = add_victim (data, explained->victim_id);

          incident->victim = victim->number - 1;
          victim->n_incidents++;
          if (victim->first_incident_at == NULL && detail != NULL)
            victim->first_incident_at = g_strdup (detail->occurred_at);
        }
      incident->gravity = explained->gravity;
      incident->offence_known = explained->offence_known;
      incident->status = explained->status;
      incident->latest = explained->latest;
      incident->new_victim = explained->new_victim;
      if (detail != NULL)
        {
          incident->source_ref = g_strdup (detail->source_ref);
          incident->occurred_at = g_strdup (detail->occurred_at);
          incident->relationship = g_strdup (detail->relationship);
          incident->offence_code = g_strdup (detail->offence_code);
          incident->dash_risk = g_strdup (detail->dash_risk);
          incident->stalking = detail->stalking;
          incident->area = g_strdup (detail->area);
        }
      else
        {
          /* Written between the two reads: the engine's copy. */
          incident->source_ref = g_strdup (explained->incident_ref);
          incident->relationship = g_strdup (vigil_relationship_to_code (explained->relationship));
          incident->offence_code = g_strdup (explained->offence_code);
          incident->area = g_strdup (explained->area);
        }
      g_ptr_array_add (dossier->incidents, incident);
    }

  return TRUE;
}

static gboolean
load_agency_flags (VigilStore  *store,
                   LoadData    *data,
                   GError     **error)
{
  VigilDossier *dossier = data->dossier;

  dossier->agency_flags = list_by_person (store, &vigil_agency_flag_type, "person_id",
                                          data->person_id, data->cancellable, error);
  if (dossier->agency_flags == NULL)
    return FALSE;

  note_records (&dossier->changes[VIGIL_DOSSIER_SECTION_IDENTIFICATION], dossier->agency_flags);
  g_ptr_array_sort (dossier->agency_flags, compare_flags_newest_first);
  return TRUE;
}

static gboolean
load_decisions (VigilStore  *store,
                LoadData    *data,
                GError     **error)
{
  VigilDossier *dossier = data->dossier;

  dossier->decisions = list_by_person (store, &vigil_decision_type, "person_id",
                                       data->person_id, data->cancellable, error);
  if (dossier->decisions == NULL)
    return FALSE;

  note_records (&dossier->changes[VIGIL_DOSSIER_SECTION_DECISIONS], dossier->decisions);
  g_ptr_array_sort (dossier->decisions, compare_decisions_newest_first);

  /* The MoPI review date in force: the newest decision that set one. */
  for (guint i = 0; i < dossier->decisions->len; i++)
    {
      const VigilDecision *decision = g_ptr_array_index (dossier->decisions, i);

      if (decision->mopi_review_on != NULL && *decision->mopi_review_on != '\0')
        {
          gint32 day = day_of (decision->mopi_review_on);

          dossier->mopi_review_on = g_strdup (decision->mopi_review_on);
          dossier->mopi_review_due = day > 0 && day <= data->today;
          break;
        }
    }
  return TRUE;
}

static gboolean
load_processes (VigilStore  *store,
                LoadData    *data,
                GError     **error)
{
  VigilDossier *dossier = data->dossier;

  dossier->processes = list_by_person (store, &vigil_process_overlap_type, "person_id",
                                       data->person_id, data->cancellable, error);
  if (dossier->processes == NULL)
    return FALSE;

  note_records (&dossier->changes[VIGIL_DOSSIER_SECTION_PROCESSES], dossier->processes);
  g_ptr_array_sort (dossier->processes, compare_processes);
  return TRUE;
}

/* One entry per agency: its newest section, stale when older than the profile's limit
 * on the dossier's today (exactly fresh_days old is still fresh) or undated. */
static gboolean
load_agency_information (VigilStore  *store,
                         LoadData    *data,
                         GError     **error)
{
  VigilDossier *dossier = data->dossier;
  g_autoptr(GPtrArray) sections = NULL;
  g_autoptr(GHashTable) by_agency = NULL;

  sections = list_by_person (store, &vigil_agency_section_type, "person_id",
                             data->person_id, data->cancellable, error);
  if (sections == NULL)
    return FALSE;

  note_records (&dossier->changes[VIGIL_DOSSIER_SECTION_AGENCY_INFORMATION], sections);

  dossier->agency_information = g_ptr_array_new_with_free_func (agency_information_free);
  by_agency = g_hash_table_new (g_str_hash, g_str_equal);
  while (sections->len > 0)
    {
      VigilAgencySection *section = g_ptr_array_steal_index (sections, sections->len - 1);
      const char *agency = section->agency != NULL ? section->agency : "";
      VigilDossierAgencyInformation *information = g_hash_table_lookup (by_agency, agency);

      if (information == NULL)
        {
          information = g_new0 (VigilDossierAgencyInformation, 1);
          information->section = section;
          g_ptr_array_add (dossier->agency_information, information);
          g_hash_table_insert (by_agency, (gpointer) agency, information);
          continue;
        }

      information->n_earlier++;
      if (section_is_newer (section, information->section))
        {
          /* The key is the agency text of the kept section: re-key it. */
          g_hash_table_steal (by_agency, agency);
          vigil_agency_section_free (information->section);
          information->section = section;
          g_hash_table_insert (by_agency,
                               (gpointer) (section->agency != NULL ? section->agency : ""),
                               information);
        }
      else
        vigil_agency_section_free (section);
    }

  for (guint i = 0; i < dossier->agency_information->len; i++)
    {
      VigilDossierAgencyInformation *information = g_ptr_array_index (dossier->agency_information, i);
      gint32 day = day_of (information->section->provided_on);

      if (day > 0)
        {
          information->age_days = data->today - day;
          information->stale = information->age_days > dossier->fresh_days;
        }
      else
        {
          information->age_days = -1;
          information->stale = TRUE;
        }
    }
  g_ptr_array_sort (dossier->agency_information, compare_agency_information);
  return TRUE;
}

static int
compare_links_by_victim (gconstpointer a,
                         gconstpointer b,
                         gpointer      user_data)
{
  LoadData *data = user_data;
  const VigilVictimLink *x = *(VigilVictimLink * const *) a;
  const VigilVictimLink *y = *(VigilVictimLink * const *) b;
  int vx = find_victim_index (data, x->victim_id), vy = find_victim_index (data, y->victim_id);

  if (vx != vy)
    return vx < vy ? -1 : 1;
  return (x->record.id > y->record.id) - (x->record.id < y->record.id);
}

/* The victim links and every victim's name (of an incident or a link) in one query. */
static gboolean
read_victim_links (VigilStore  *store,
                   LoadData    *data,
                   GError     **error)
{
  VigilDossier *dossier = data->dossier;

  dossier->victim_links = list_by_person (store, &vigil_victim_link_type, "perpetrator_id",
                                          data->person_id, data->cancellable, error);
  if (dossier->victim_links == NULL)
    return FALSE;
  note_records (&dossier->changes[VIGIL_DOSSIER_SECTION_VICTIMS], dossier->victim_links);
  return TRUE;
}

static gboolean
read_victim_names (VigilStore  *store,
                   LoadData    *data,
                   GError     **error)
{
  static const GType types[] = {
    G_TYPE_INT64, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_NONE
  };
  GValue params[2] = { G_VALUE_INIT, G_VALUE_INIT };

  if (g_cancellable_set_error_if_cancelled (data->cancellable, error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (params); i++)
    {
      g_value_init (&params[i], G_TYPE_INT64);
      g_value_set_int64 (&params[i], data->person_id);
    }
  data->victim_names = vigil_store_query (store,
                                          "SELECT id, surname, forenames, dob, local_ref FROM person "
                                          "WHERE id IN (SELECT victim_id FROM incident WHERE perpetrator_id = ##p0::gint64 "
                                          "UNION SELECT victim_id FROM victim_link WHERE perpetrator_id = ##p1::gint64)",
                                          params, 2, types, error);
  g_value_unset (&params[0]);
  g_value_unset (&params[1]);
  return data->victim_names != NULL;
}

/* Numbers, after the incidents' victims, the victims known only by a link, in the
 * order linked, and names them all. */
static gboolean
build_victims (LoadData  *data,
               GError   **error)
{
  VigilDossier *dossier = data->dossier;
  int n_rows;

  for (guint i = 0; i < dossier->victim_links->len; i++)
    {
      const VigilVictimLink *link = g_ptr_array_index (dossier->victim_links, i);

      if (link->victim_id != 0)
        add_victim (data, link->victim_id);
    }
  g_ptr_array_sort_with_data (dossier->victim_links, compare_links_by_victim, data);

  n_rows = gda_data_model_get_n_rows (data->victim_names);
  for (int row = 0; row < n_rows; row++)
    {
      const GValue *values[5];
      VigilDossierVictim *victim;
      int index;

      if (!read_row (data->victim_names, row, values, 5, error))
        return FALSE;
      index = find_victim_index (data, get_int (values[0]));
      if (index < 0)
        continue;  /* an incident whose date could not be read, or written meanwhile */

      victim = g_ptr_array_index (dossier->victims, index);
      victim->surname = dup_text (values[1]);
      victim->forenames = dup_text (values[2]);
      victim->dob = dup_text (values[3]);
      victim->local_ref = dup_text (values[4]);
    }
  return TRUE;
}

static gboolean
intervention_is_open (const char *status)
{
  return g_strcmp0 (status, "proposed") == 0 || g_strcmp0 (status, "agreed") == 0 ||
         g_strcmp0 (status, "in_progress") == 0;
}

/* The person's plans and the interventions of them all. */
static gboolean
read_plans (VigilStore  *store,
            LoadData    *data,
            GError     **error)
{
  data->plans = list_by_person (store, &vigil_plan_type, "person_id", data->person_id,
                                data->cancellable, error);
  return data->plans != NULL;
}

static gboolean
read_interventions (VigilStore  *store,
                    LoadData    *data,
                    GError     **error)
{
  GValue param = G_VALUE_INIT;

  if (g_cancellable_set_error_if_cancelled (data->cancellable, error))
    return FALSE;

  g_value_init (&param, G_TYPE_INT64);
  g_value_set_int64 (&param, data->person_id);
  data->interventions = vigil_store_list_where (store, &vigil_intervention_type,
                                                "plan_id IN (SELECT id FROM plan WHERE person_id = ##p0::gint64)",
                                                &param, 1, error);
  g_value_unset (&param);
  return data->interventions != NULL;
}

/* The newest plan with its interventions, and a summary of all the interventions. */
static void
build_plans (LoadData *data)
{
  VigilDossier *dossier = data->dossier;
  VigilDossierPlanSummary *summary = &dossier->plans;
  VigilDossierChange *change = &dossier->changes[VIGIL_DOSSIER_SECTION_PLANS];
  const VigilPlan *newest = NULL;
  gint32 next_due = 0;

  note_records (change, data->plans);
  note_records (change, data->interventions);
  summary->n_plans = data->plans->len;
  for (guint i = 0; i < data->plans->len; i++)
    {
      const VigilPlan *plan = g_ptr_array_index (data->plans, i);

      if (newest == NULL || day_of (plan->agreed_on) > day_of (newest->agreed_on) ||
          (day_of (plan->agreed_on) == day_of (newest->agreed_on) && plan->record.id > newest->record.id))
        newest = plan;
    }

  dossier->interventions = g_ptr_array_new_with_free_func (vigil_record_destroy);
  if (newest != NULL)
    {
      summary->agreed_on = g_strdup (newest->agreed_on);
      summary->review_on = g_strdup (newest->review_on);
      dossier->plan = vigil_record_copy (&vigil_plan_type, newest);
    }

  for (guint i = 0; i < data->interventions->len; i++)
    {
      const VigilIntervention *intervention = g_ptr_array_index (data->interventions, i);
      gint32 due = day_of (intervention->due_on);

      summary->n_interventions++;
      summary->n_breaches += intervention->breaches;
      if (intervention_is_open (intervention->status))
        {
          summary->n_open++;
          if (due > 0 && due < data->today)
            summary->n_overdue++;
          if (due > 0 && (next_due == 0 || due < next_due))
            {
              next_due = due;
              g_free (summary->next_due_on);
              summary->next_due_on = g_strdup (intervention->due_on);
            }
        }
      else if (g_strcmp0 (intervention->status, "completed") == 0)
        summary->n_completed++;
      else if (g_strcmp0 (intervention->status, "breached") == 0)
        summary->n_breached++;
    }

  /* the newest plan's own, in the order stored (by id) */
  for (guint i = 0; newest != NULL && i < data->interventions->len; i++)
    {
      const VigilIntervention *intervention = g_ptr_array_index (data->interventions, i);

      if (intervention->plan_id == newest->record.id)
        g_ptr_array_add (dossier->interventions,
                         vigil_record_copy (&vigil_intervention_type, intervention));
    }
}

/* ------------------------------------------------------------------------------------
 * Outcomes (principle 8)
 * ------------------------------------------------------------------------------------ */

/* The position of @code in @choices; unknown codes after them all. */
static guint
choice_order (const char * const *choices,
              const char         *code)
{
  guint i;

  for (i = 0; choices[i] != NULL; i++)
    if (g_strcmp0 (choices[i], code) == 0)
      return i;
  return i;
}

/* Oldest first: by date, then by id. */
static int
compare_outcomes_oldest_first (gconstpointer a,
                               gconstpointer b)
{
  const VigilOutcomeObservation *x = *(VigilOutcomeObservation * const *) a;
  const VigilOutcomeObservation *y = *(VigilOutcomeObservation * const *) b;
  gint32 dx = day_of (x->observed_on), dy = day_of (y->observed_on);

  if (dx != dy)
    return dx < dy ? -1 : 1;
  return (x->record.id > y->record.id) - (x->record.id < y->record.id);
}

/* Victims in number order, outcomes about no victim last; then source, then measure. */
static int
compare_outcome_trends (gconstpointer a,
                        gconstpointer b)
{
  const VigilDossierOutcomeTrend *x = *(VigilDossierOutcomeTrend * const *) a;
  const VigilDossierOutcomeTrend *y = *(VigilDossierOutcomeTrend * const *) b;
  guint vx = x->victim < 0 ? G_MAXUINT : (guint) x->victim;
  guint vy = y->victim < 0 ? G_MAXUINT : (guint) y->victim;
  guint sx = choice_order (vigil_outcome_source_choices, x->source);
  guint sy = choice_order (vigil_outcome_source_choices, y->source);
  guint mx = choice_order (vigil_outcome_measure_choices, x->measure);
  guint my = choice_order (vigil_outcome_measure_choices, y->measure);

  if (vx != vy)
    return vx < vy ? -1 : 1;
  if (sx != sy)
    return sx < sy ? -1 : 1;
  if (mx != my)
    return mx < my ? -1 : 1;
  if (g_strcmp0 (x->source, y->source) != 0)
    return g_strcmp0 (x->source, y->source);
  return g_strcmp0 (x->measure, y->measure);
}

static gboolean
read_outcomes (VigilStore  *store,
               LoadData    *data,
               GError     **error)
{
  VigilDossier *dossier = data->dossier;

  dossier->outcomes = list_by_person (store, &vigil_outcome_observation_type, "person_id",
                                      data->person_id, data->cancellable, error);
  if (dossier->outcomes == NULL)
    return FALSE;

  note_records (&dossier->changes[VIGIL_DOSSIER_SECTION_OUTCOMES], dossier->outcomes);
  return TRUE;
}

/* The observations by victim, source and measure, with their trends (needs the
 * victims numbered). */
static void
build_outcomes (LoadData *data)
{
  VigilDossier *dossier = data->dossier;
  g_autoptr(GHashTable) by_key = NULL;

  dossier->outcome_trends = g_ptr_array_new_with_free_func (outcome_trend_free);
  by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_ptr_array_sort (dossier->outcomes, compare_outcomes_oldest_first);
  for (guint i = 0; i < dossier->outcomes->len; i++)
    {
      const VigilOutcomeObservation *observation = g_ptr_array_index (dossier->outcomes, i);
      int victim = find_victim_index (data, observation->victim_id);
      g_autofree char *key = g_strdup_printf ("%d\x1f%s\x1f%s", victim, observation->source, observation->measure);
      VigilDossierOutcomeTrend *trend = g_hash_table_lookup (by_key, key);

      if (trend == NULL)
        {
          trend = g_new0 (VigilDossierOutcomeTrend, 1);
          trend->source = g_strdup (observation->source);
          trend->measure = g_strdup (observation->measure);
          trend->victim = victim;
          trend->first_on = g_strdup (observation->observed_on);
          trend->first_rating = observation->rating;
          trend->ratings = g_array_new (FALSE, FALSE, sizeof (gint64));
          g_ptr_array_add (dossier->outcome_trends, trend);
          g_hash_table_insert (by_key, g_steal_pointer (&key), trend);
        }
      trend->n_ratings++;
      g_array_append_val (trend->ratings, observation->rating);
      g_free (trend->latest_on);
      trend->latest_on = g_strdup (observation->observed_on);
      trend->latest_rating = observation->rating;
      if (trend->n_ratings < 2)
        trend->trend = VIGIL_DOSSIER_TREND_NONE;
      else if (trend->latest_rating > trend->first_rating)
        trend->trend = VIGIL_DOSSIER_TREND_UP;
      else if (trend->latest_rating < trend->first_rating)
        trend->trend = VIGIL_DOSSIER_TREND_DOWN;
      else
        trend->trend = VIGIL_DOSSIER_TREND_SAME;
    }
  g_ptr_array_sort (dossier->outcome_trends, compare_outcome_trends);
  /* the page lists the observations newest first */
  for (guint i = 0, j = dossier->outcomes->len; i + 1 < j; i++, j--)
    {
      gpointer swap = dossier->outcomes->pdata[i];

      dossier->outcomes->pdata[i] = dossier->outcomes->pdata[j - 1];
      dossier->outcomes->pdata[j - 1] = swap;
    }
}

static const VigilRecordType *
find_record_type (const char *table)
{
  for (guint i = 0; vigil_record_types[i] != NULL; i++)
    if (g_strcmp0 (vigil_record_types[i]->table, table) == 0)
      return vigil_record_types[i];
  return NULL;
}

static char *
describe_history_entry (const VigilDossierHistoryEntry *entry)
{
  g_autofree char *fields = NULL;

  if (g_strcmp0 (entry->action, "view") == 0)
    return g_strdup (_("Viewed the dossier"));

  if (entry->field_labels[0] != NULL)
    fields = g_strjoinv (", ", entry->field_labels);

  if (g_strcmp0 (entry->action, "create") == 0)
    return fields != NULL
      /* Translators: "Added the victim link: Relationship, Safety plan" */
      ? g_strdup_printf (_("Added the %s: %s"), entry->entity_label, fields)
      : g_strdup_printf (_("Added the %s"), entry->entity_label);
  if (g_strcmp0 (entry->action, "update") == 0)
    return fields != NULL
      /* Translators: "Changed the person: PNC ID" */
      ? g_strdup_printf (_("Changed the %s: %s"), entry->entity_label, fields)
      : g_strdup_printf (_("Changed the %s"), entry->entity_label);
  if (g_strcmp0 (entry->action, "delete") == 0)
    return g_strdup_printf (_("Removed the %s"), entry->entity_label);

  /* An action of a newer or other writer: say what the log says. */
  /* Translators: an audit action Vigil has no wording for, then the record kind */
  return g_strdup_printf (_("%s: %s"), entry->action, entry->entity_label);
}

/* The person's audit trail, newest first, at most VIGIL_DOSSIER_HISTORY_LIMIT rows. */
static gboolean
load_history (VigilStore  *store,
              LoadData    *data,
              GError     **error)
{
  VigilDossier *dossier = data->dossier;
  g_autoptr(GPtrArray) entries = NULL;

  if (g_cancellable_set_error_if_cancelled (data->cancellable, error))
    return FALSE;

  entries = vigil_audit_list (store, data->person_id, VIGIL_DOSSIER_HISTORY_LIMIT + 1, error);
  if (entries == NULL)
    return FALSE;

  dossier->history_truncated = entries->len > VIGIL_DOSSIER_HISTORY_LIMIT;
  dossier->history = g_ptr_array_new_full (MIN (entries->len, VIGIL_DOSSIER_HISTORY_LIMIT),
                                           history_entry_free);
  for (guint i = 0; i < entries->len && i < VIGIL_DOSSIER_HISTORY_LIMIT; i++)
    {
      VigilAuditEntry *audit = g_ptr_array_index (entries, i);
      const VigilRecordType *type = find_record_type (audit->entity);
      VigilDossierHistoryEntry *entry = g_new0 (VigilDossierHistoryEntry, 1);
      guint n_fields;

      entry->seq = audit->seq;
      entry->logged_at = g_steal_pointer (&audit->logged_at);
      entry->actor = g_steal_pointer (&audit->actor);
      entry->action = g_steal_pointer (&audit->action);
      entry->entity = g_steal_pointer (&audit->entity);
      entry->entity_id = audit->entity_id;
      entry->entity_label = g_strdup (type != NULL ? _(type->label) : entry->entity);
      entry->fields = vigil_audit_entry_dup_fields (audit);
      n_fields = g_strv_length (entry->fields);
      entry->field_labels = g_new0 (char *, n_fields + 1);
      for (guint f = 0; f < n_fields; f++)
        {
          const VigilField *field = type != NULL ? vigil_record_type_find_field (type, entry->fields[f]) : NULL;

          entry->field_labels[f] = g_strdup (field != NULL && field->label != NULL ? _(field->label)
                                                                                   : entry->fields[f]);
        }
      entry->summary = describe_history_entry (entry);
      g_ptr_array_add (dossier->history, entry);
    }
  return TRUE;
}

/* The reads, one statement (one round trip) each, sharing nothing they write: over a
 * network they go at once, as many as the store has connections (vigil_store_run_reads);
 * what needs two of them is put together after, in load_all and build_*. The person
 * comes first: a missing person is the answer, whatever the others say. */
static gboolean
read_person_cb (VigilStore  *store,
                gpointer     user_data,
                GError     **error)
{
  LoadData *data = user_data;

  if (g_cancellable_set_error_if_cancelled (data->cancellable, error))
    return FALSE;
  data->dossier->person = vigil_store_fetch (store, &vigil_person_type, data->person_id, error);
  return data->dossier->person != NULL;
}

/* The others, each one statement of the reader's: LoadData's own read function */
#define READ_CB(name, func) \
  static gboolean \
  name (VigilStore *store, gpointer user_data, GError **error) \
  { \
    return func (store, user_data, error); \
  }

READ_CB (read_aliases_cb, load_aliases)
READ_CB (read_newest_run_cb, load_newest_run)
READ_CB (read_scores_cb, load_scores)
READ_CB (read_facts_cb, read_facts)
READ_CB (read_incident_details_cb, read_incident_details)
READ_CB (read_victim_links_cb, read_victim_links)
READ_CB (read_victim_names_cb, read_victim_names)
READ_CB (read_flags_cb, load_agency_flags)
READ_CB (read_outcomes_cb, read_outcomes)
READ_CB (read_cohort_cb, load_cohort)
READ_CB (read_decisions_cb, load_decisions)
READ_CB (read_processes_cb, load_processes)
READ_CB (read_agency_information_cb, load_agency_information)
READ_CB (read_plans_cb, read_plans)
READ_CB (read_interventions_cb, read_interventions)
READ_CB (read_history_cb, load_history)

/* The view's audit, on PostgreSQL one more statement among the reads (on a link of its
 * own, where its statement is ready after the first time): its outcome is the view's,
 * looked at once the reads are in. */
static gboolean
read_view_cb (VigilStore  *store,
              gpointer     user_data,
              GError     **error)
{
  ViewAudit *view = ((LoadData *) user_data)->view;

  view->ok = vigil_audit_append_view (store, view->person_id, &view->seq, &view->error);
  return TRUE;
}

static gboolean
load_all (VigilStore  *store,
          LoadData    *data,
          GError     **error)
{
  static const VigilStoreWorkFunc reads[] = {
    read_person_cb, read_aliases_cb, read_newest_run_cb, read_scores_cb, read_facts_cb,
    read_incident_details_cb, read_victim_links_cb, read_victim_names_cb, read_flags_cb,
    read_outcomes_cb, read_cohort_cb, read_decisions_cb, read_processes_cb,
    read_agency_information_cb, read_plans_cb, read_interventions_cb, read_history_cb,
    read_view_cb,
  };
  VigilDossier *dossier = data->dossier;
  VigilDossierChange *person_change = &dossier->changes[VIGIL_DOSSIER_SECTION_PERSON];

  if (!vigil_store_run_reads (store, reads, G_N_ELEMENTS (reads) - (data->view != NULL ? 0 : 1), data, error))
    return FALSE;

  note_change (person_change, dossier->person->record.updated_at, dossier->person->record.updated_by);
  note_records (person_change, dossier->aliases);
  build_scores (data);

  /* the victims are numbered by their first incident, then by link */
  if (!build_incidents (data, error) || !build_victims (data, error))
    return FALSE;
  build_outcomes (data);
  build_plans (data);
  return TRUE;
}

/* ------------------------------------------------------------------------------------
 * Public
 * ------------------------------------------------------------------------------------ */

/**
 * vigil_dossier_load_at:
 * @profile: (nullable): the scoring profile for the explanation and the freshness
 *   limit of agency information; NULL for the default profile
 * @today: the date against which information is stale and reviews are due
 *
 * Reads everything the dossier page of @person_id shows: on PostgreSQL in reads at
 * once, each on a connection of its own; on SQLite in one read transaction.
 * Does not audit the view: call vigil_dossier_record_view () when it is shown.
 *
 * Returns: (transfer full): the dossier, or NULL with @error set
 *   (%VIGIL_STORE_ERROR_NOT_FOUND when there is no such person).
 */
static VigilDossier *
load_at (VigilStore                 *store,
         gint64                      person_id,
         const VigilScoringProfile  *profile,
         const GDate                *today,
         GCancellable               *cancellable,
         ViewAudit                  *view,
         GError                    **error);

VigilDossier *
vigil_dossier_load_at (VigilStore                 *store,
                       gint64                      person_id,
                       const VigilScoringProfile  *profile,
                       const GDate                *today,
                       GCancellable               *cancellable,
                       GError                    **error)
{
  return load_at (store, person_id, profile, today, cancellable, NULL, error);
}

static VigilDossier *
load_at (VigilStore                 *store,
         gint64                      person_id,
         const VigilScoringProfile  *profile,
         const GDate                *today,
         GCancellable               *cancellable,
         ViewAudit                  *view,
         GError                    **error)
{
  g_autoptr(VigilScoringProfile) default_profile = NULL;
  g_autoptr(VigilDossier) dossier = NULL;
  g_autoptr(GHashTable) victim_index = NULL;
  LoadData data = { 0, };
  gboolean ok;

  g_return_val_if_fail (VIGIL_IS_STORE (store), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (profile == NULL)
    {
      default_profile = vigil_scoring_profile_load_default (error);
      if (default_profile == NULL)
        return NULL;
      profile = default_profile;
    }

  dossier = g_new0 (VigilDossier, 1);
  dossier->today = *today;
  dossier->fresh_days = profile->agency_fresh_days;
  dossier->victims = g_ptr_array_new_with_free_func (victim_free);

  victim_index = g_hash_table_new (g_int64_hash, g_int64_equal);
  data.person_id = person_id;
  data.profile = profile;
  data.cancellable = cancellable;
  data.dossier = dossier;
  data.today = g_date_get_julian (today);
  data.victim_index = victim_index;
  data.view = view;

  ok = load_all (store, &data, error);
  load_data_clear (&data);
  if (!ok)
    return NULL;

  if (dossier->incidents == NULL)
    dossier->incidents = g_ptr_array_new_with_free_func (incident_free);

  return g_steal_pointer (&dossier);
}

/**
 * vigil_dossier_load:
 *
 * vigil_dossier_load_at () as of the local date today.
 */
VigilDossier *
vigil_dossier_load (VigilStore                 *store,
                    gint64                      person_id,
                    const VigilScoringProfile  *profile,
                    GCancellable               *cancellable,
                    GError                    **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GDate today;

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), g_date_time_get_year (now));
  return vigil_dossier_load_at (store, person_id, profile, &today, cancellable, error);
}

const VigilDossierVictim *
vigil_dossier_find_victim (const VigilDossier *self,
                           gint64              person_id)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->victims->len; i++)
    {
      const VigilDossierVictim *victim = g_ptr_array_index (self->victims, i);

      if (victim->person_id == person_id)
        return victim;
    }
  return NULL;
}

const VigilDossierAgencyInformation *
vigil_dossier_find_agency (const VigilDossier *self,
                           const char         *agency)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (agency != NULL, NULL);

  for (guint i = 0; i < self->agency_information->len; i++)
    {
      const VigilDossierAgencyInformation *information = g_ptr_array_index (self->agency_information, i);

      if (g_strcmp0 (information->section->agency, agency) == 0)
        return information;
    }
  return NULL;
}

/**
 * vigil_dossier_record_view:
 *
 * Appends a "view" row for @person_id to the audit log (who, when; no detail), in its
 * own transaction or the caller's. The log chain covers it like any other row.
 */
gboolean
vigil_dossier_record_view (VigilStore  *store,
                           gint64       person_id,
                           GError     **error)
{
  g_return_val_if_fail (VIGIL_IS_STORE (store), FALSE);
  g_return_val_if_fail (person_id > 0, FALSE);

  return vigil_audit_append_view (store, person_id, NULL, error);
}

/* Off the main thread */

void
vigil_dossier_opening_free (VigilDossierOpening *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->dossier, vigil_dossier_free);
  g_clear_pointer (&self->menu, vigil_tactical_menu_free);
  g_clear_error (&self->menu_error);
  g_free (self);
}

typedef struct
{
  gint64 person_id;
  gboolean record_view;
} OpenCall;

static gpointer
record_view_thread (gpointer user_data)
{
  ViewAudit *view = user_data;

  view->ok = vigil_audit_append_view (view->store, view->person_id, &view->seq, &view->error);
  return NULL;
}

/* The view is audited while the dossier is read (over a network its round trip then
 * costs no time of its own: on PostgreSQL it is one of the reads, on SQLite a thread of
 * its own on the writer), and the dossier is given only once the audit is in: a view
 * that could not be audited is not shown. A person who does not exist is not audited
 * as viewed. */
static gpointer
open_thread (VigilStore    *store,
             gpointer       task_data,
             GCancellable  *cancellable,
             GError       **error)
{
  OpenCall *call = task_data;
  g_autoptr(VigilDossierOpening) opening = g_new0 (VigilDossierOpening, 1);
  ViewAudit view = { store, call->person_id, 0, NULL, TRUE };
  gboolean among_reads = call->record_view && vigil_store_get_engine (store) == VIGIL_ENGINE_POSTGRESQL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  GThread *audit = NULL;
  GDate today;

  /* SQLite reads in one read transaction, which cannot write: there the audit goes
   * on a thread of its own, to the writer */
  if (call->record_view && !among_reads)
    audit = g_thread_new ("vigil-audit", record_view_thread, &view);

  g_date_clear (&today, 1);
  g_date_set_dmy (&today, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), g_date_time_get_year (now));
  opening->dossier = load_at (store, call->person_id, NULL, &today, cancellable,
                              among_reads ? &view : NULL, error);
  if (opening->dossier != NULL)
    opening->menu = vigil_tactical_menu_load_for_store (store, &opening->menu_error);

  if (audit != NULL)
    g_thread_join (audit);

  if (opening->dossier == NULL)
    {
      g_clear_error (&view.error);
      return NULL;
    }
  if (!view.ok)
    {
      g_propagate_error (error, view.error);
      return NULL;
    }
  /* The history is the person's as it was before this view, whichever of the two got
   * to the log first. */
  for (guint i = 0; call->record_view && i < opening->dossier->history->len; i++)
    if (((VigilDossierHistoryEntry *) g_ptr_array_index (opening->dossier->history, i))->seq == view.seq)
      {
        g_ptr_array_remove_index (opening->dossier->history, i);
        break;
      }
  return g_steal_pointer (&opening);
}

void
vigil_dossier_open_async (VigilStore          *store,
                          gint64               person_id,
                          gboolean             record_view,
                          GCancellable        *cancellable,
                          GAsyncReadyCallback  callback,
                          gpointer             user_data)
{
  OpenCall *call;

  g_return_if_fail (VIGIL_IS_STORE (store));

  call = g_new0 (OpenCall, 1);
  call->person_id = person_id;
  call->record_view = record_view;
  vigil_store_call_async (store, vigil_dossier_open_async, open_thread, call, g_free,
                          (GDestroyNotify) vigil_dossier_opening_free,
                          cancellable, callback, user_data);
}

VigilDossierOpening *
vigil_dossier_open_finish (VigilStore    *store,
                           GAsyncResult  *result,
                           GError       **error)
{
  return vigil_store_call_finish (store, result, vigil_dossier_open_async, error);
}
