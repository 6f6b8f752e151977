/* test-records.c: create, read, update and delete every entity; validation;
 * optimistic locking
 *
 * Runs on SQLite (suite core) and on PostgreSQL (suite pg).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vigil-test-store.h"

#define FIELD_PTR(record, field) ((guint8 *) (record) + (field)->offset)

/* Which table each reference column points to */
static const VigilRecordType *
referenced_type (const char *column)
{
  static const struct
  {
    const char *column;
    const VigilRecordType *type;
  } refs[] = {
    { "person_id", &vigil_person_type },
    { "perpetrator_id", &vigil_person_type },
    { "victim_id", &vigil_person_type },
    { "other_person_id", &vigil_person_type },
    { "batch_id", &vigil_import_batch_type },
    { "profile_id", &vigil_profile_type },
    { "run_id", &vigil_score_run_type },
    { "cohort_entry_id", &vigil_cohort_entry_type },
    { "plan_id", &vigil_plan_type },
    { "meeting_id", &vigil_panel_meeting_type },
    { "agenda_item_id", &vigil_agenda_item_type },
  };

  for (guint i = 0; i < G_N_ELEMENTS (refs); i++)
    if (g_str_equal (refs[i].column, column))
      return refs[i].type;

  g_error ("No referenced table known for %s", column);
}

static guint serial;

static gint64 create_sample (VigilStore *store, const VigilRecordType *type);

/* Fills every field: @variant 0 for the first version, 1 for a changed one. */
static void
fill_record (VigilStore            *store,
             const VigilRecordType *type,
             gpointer               record,
             int                    variant)
{
  for (guint i = 0; i < type->n_fields; i++)
    {
      const VigilField *field = &type->fields[i];
      gpointer ptr = FIELD_PTR (record, field);

      switch (field->kind)
        {
        case VIGIL_FIELD_TEXT:
          g_free (*(char **) ptr);
          *(char **) ptr = g_strdup_printf ("%s %s %u “ünïcode”", variant ? "Changed" : "Sample", field->name, ++serial);
          break;

        case VIGIL_FIELD_CHOICE:
          {
            guint n = g_strv_length ((char **) field->choices);

            g_free (*(char **) ptr);
            *(char **) ptr = g_strdup (field->choices[variant ? n - 1 : 0]);
          }
          break;

        case VIGIL_FIELD_DATE:
          g_free (*(char **) ptr);
          *(char **) ptr = g_strdup (variant ? "2023-12-31" : "2024-02-29");
          break;

        case VIGIL_FIELD_DATETIME:
          g_free (*(char **) ptr);
          *(char **) ptr = g_strdup (variant ? "2023-12-31T23:59:59Z" : "2024-02-29T13:45:00");
          break;

        case VIGIL_FIELD_INT:
          *(gint64 *) ptr = variant ? G_GINT64_CONSTANT (5000000000) : 3;
          break;

        case VIGIL_FIELD_BOOL:
          *(gboolean *) ptr = !variant;
          break;

        case VIGIL_FIELD_DOUBLE:
          *(double *) ptr = variant ? 0.25 : 12.5;
          break;

        case VIGIL_FIELD_REF:
          *(gint64 *) ptr = create_sample (store, referenced_type (field->name));
          break;

        default:
          g_assert_not_reached ();
        }
    }
}

static gint64
create_sample (VigilStore            *store,
               const VigilRecordType *type)
{
  g_autoptr(GError) error = NULL;
  gpointer record = vigil_record_new (type);
  gint64 id;

  fill_record (store, type, record, 0);
  vigil_store_insert (store, type, record, &error);
  g_assert_no_error (error);
  id = ((VigilRecord *) record)->id;
  vigil_record_free (type, record);
  return id;
}

static void
test_crud_each_entity (void)
{
  g_autoptr(VigilStore) store = vigil_test_open_store ();

  for (guint t = 0; vigil_record_types[t] != NULL; t++)
    {
      const VigilRecordType *type = vigil_record_types[t];
      gboolean append_only = (type->flags & VIGIL_RECORD_APPEND_ONLY) != 0;
      g_autoptr(GError) error = NULL;
      gpointer record = vigil_record_new (type);
      gpointer fetched;
      gpointer again;
      g_autoptr(GPtrArray) all = NULL;
      VigilRecord *header = record;

      g_test_message ("entity: %s", type->table);

      /* create */
      fill_record (store, type, record, 0);
      g_assert_true (vigil_store_insert (store, type, record, &error));
      g_assert_no_error (error);
      g_assert_cmpint (header->id, >, 0);

      /* read */
      fetched = vigil_store_fetch (store, type, header->id, &error);
      g_assert_no_error (error);
      g_assert_true (vigil_record_equal (type, record, fetched));
      if (!append_only)
        {
          g_assert_cmpint (header->rev, ==, 1);
          g_assert_cmpint (((VigilRecord *) fetched)->rev, ==, 1);
          g_assert_cmpstr (((VigilRecord *) fetched)->updated_by, ==, "Test Runner (tester)");
          g_assert_true (vigil_datetime_is_valid (((VigilRecord *) fetched)->created_at));
        }

      all = vigil_store_list (store, type, NULL, 0, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (all->len, >=, 1);

      /* update */
      if (!append_only)
        {
          fill_record (store, type, fetched, 1);
          g_assert_true (vigil_store_update (store, type, fetched, &error));
          g_assert_no_error (error);
          g_assert_cmpint (((VigilRecord *) fetched)->rev, ==, 2);

          again = vigil_store_fetch (store, type, header->id, &error);
          g_assert_no_error (error);
          g_assert_true (vigil_record_equal (type, fetched, again));
          g_assert_false (vigil_record_equal (type, record, again));
          g_assert_cmpint (((VigilRecord *) again)->rev, ==, 2);
          vigil_record_free (type, again);
        }
      else
        {
          g_assert_false (vigil_store_update (store, type, fetched, &error));
          g_assert_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_INVALID);
          g_clear_error (&error);
        }

      /* delete */
      g_assert_true (vigil_store_delete (store, type, fetched, &error));
      g_assert_no_error (error);
      again = vigil_store_fetch (store, type, header->id, &error);
      g_assert_null (again);
      g_assert_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_NOT_FOUND);
      g_clear_error (&error);

      vigil_record_free (type, fetched);
      vigil_record_free (type, record);
    }
}

static void
test_optimistic_lock (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) store = vigil_test_open_store ();
  g_autoptr(VigilStore) other = NULL;
  g_autoptr(VigilCohortEntry) entry = vigil_cohort_entry_new ();
  g_autoptr(VigilCohortEntry) mine = NULL;
  g_autoptr(VigilCohortEntry) theirs = NULL;
  g_autoptr(VigilCohortEntry) now = NULL;

  entry->person_id = create_sample (store, &vigil_person_type);
  entry->status = g_strdup ("candidate");
  entry->route = g_strdup ("rfgv");
  g_assert_true (vigil_store_insert (store, &vigil_cohort_entry_type, entry, &error));

  /* two people open the same record, on two connections */
  other = vigil_store_open (vigil_store_get_location (store), VIGIL_STORE_OPEN_NONE, NULL, &error);
  g_assert_no_error (error);
  vigil_store_set_actor (other, "Second Coordinator (other)");

  mine = vigil_store_fetch (store, &vigil_cohort_entry_type, entry->record.id, &error);
  theirs = vigil_store_fetch (other, &vigil_cohort_entry_type, entry->record.id, &error);
  g_assert_no_error (error);

  /* they save first */
  g_free (theirs->lead_officer);
  theirs->lead_officer = g_strdup ("DC Sample One");
  g_assert_true (vigil_store_update (other, &vigil_cohort_entry_type, theirs, &error));
  g_assert_no_error (error);

  /* my save loses the race: a conflict naming who changed it, nothing overwritten */
  g_free (mine->lead_officer);
  mine->lead_officer = g_strdup ("DC Sample Two");
  g_assert_false (vigil_store_update (store, &vigil_cohort_entry_type, mine, &error));
  g_assert_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "cohort entry"));
  g_assert_nonnull (strstr (error->message, "Second Coordinator (other)"));
  g_clear_error (&error);
  g_assert_cmpint (mine->record.rev, ==, 1);

  now = vigil_store_fetch (store, &vigil_cohort_entry_type, entry->record.id, &error);
  g_assert_cmpstr (now->lead_officer, ==, "DC Sample One");
  g_assert_cmpint (now->record.rev, ==, 2);

  /* a stale delete is a conflict too */
  g_assert_false (vigil_store_delete (store, &vigil_cohort_entry_type, mine, &error));
  g_assert_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  /* after a reload the change goes through */
  g_free (now->lead_officer);
  now->lead_officer = g_strdup ("DC Sample Two");
  g_assert_true (vigil_store_update (store, &vigil_cohort_entry_type, now, &error));
  g_assert_no_error (error);

  /* and an update of a removed record says so */
  g_assert_true (vigil_store_delete (other, &vigil_cohort_entry_type, theirs, &error) == FALSE);
  g_clear_error (&error);
  {
    g_autoptr(VigilCohortEntry) current = vigil_store_fetch (other, &vigil_cohort_entry_type, entry->record.id, &error);

    g_assert_true (vigil_store_delete (other, &vigil_cohort_entry_type, current, &error));
    g_assert_no_error (error);
  }
  g_assert_false (vigil_store_update (store, &vigil_cohort_entry_type, now, &error));
  g_assert_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "removed"));
}

static void
test_validation (void)
{
  g_autoptr(VigilStore) store = vigil_test_open_store ();
  g_autoptr(VigilPerson) person = vigil_person_new ();
  g_autoptr(VigilDecision) decision = vigil_decision_new ();
  g_autoptr(VigilIncident) incident = vigil_incident_new ();
  g_autoptr(GError) error = NULL;

  /* required text */
  g_assert_false (vigil_store_insert (store, &vigil_person_type, person, &error));
  g_assert_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "surname"));
  g_assert_cmpint (person->record.id, ==, 0);
  g_assert_null (person->uuid);
  g_clear_error (&error);

  /* a date that does not exist */
  person->surname = g_strdup ("Validationtest");
  person->dob = g_strdup ("2023-02-29");
  g_assert_false (vigil_store_insert (store, &vigil_person_type, person, &error));
  g_assert_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "date of birth"));
  g_assert_nonnull (strstr (error->message, "2023-02-29"));
  g_clear_error (&error);

  /* an unknown choice */
  g_free (person->dob);
  person->dob = g_strdup ("2024-02-29");
  person->gender = g_strdup ("robot");
  g_assert_false (vigil_store_insert (store, &vigil_person_type, person, &error));
  g_assert_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "robot"));
  g_clear_error (&error);

  /* invalid UTF-8 */
  g_clear_pointer (&person->gender, g_free);
  person->notes = g_strdup ("bad \xff byte");
  g_assert_false (vigil_store_insert (store, &vigil_person_type, person, &error));
  g_assert_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&person->notes, g_free);

  person->local_ref = g_strdup ("SYN-P-VAL1");
  g_assert_true (vigil_store_insert (store, &vigil_person_type, person, &error));
  g_assert_no_error (error);
  g_assert_nonnull (person->uuid);

  /* a decision needs its decision-maker, date and rationale */
  decision->person_id = person->record.id;
  decision->kind = g_strdup ("panel_adoption");
  decision->decided_on = g_strdup ("2026-11-01");
  decision->rationale = g_strdup ("Serial pattern against three victims.");
  g_assert_false (vigil_store_insert (store, &vigil_decision_type, decision, &error));
  g_assert_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "decision-maker"));
  g_clear_error (&error);

  /* date-times */
  incident->source = g_strdup ("police");
  incident->source_ref = g_strdup ("SYN-I-VAL1");
  incident->perpetrator_id = person->record.id;
  incident->relationship = g_strdup ("ex_partner");
  incident->offence_code = g_strdup ("harassment");
  incident->occurred_at = g_strdup ("2026-13-01T10:00");
  g_assert_false (vigil_store_insert (store, &vigil_incident_type, incident, &error));
  g_assert_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_free (incident->occurred_at);
  incident->occurred_at = g_strdup ("2026-01-01T10:00");
  g_assert_true (vigil_store_insert (store, &vigil_incident_type, incident, &error));
  g_assert_no_error (error);
}

static void
test_unique_and_cascade (void)
{
  g_autoptr(VigilStore) store = vigil_test_open_store ();
  g_autoptr(VigilPerson) first = vigil_person_new ();
  g_autoptr(VigilPerson) second = vigil_person_new ();
  g_autoptr(VigilPerson) victim = vigil_person_new ();
  g_autoptr(VigilPersonAlias) alias = vigil_person_alias_new ();
  g_autoptr(VigilIncident) incident = vigil_incident_new ();
  g_autoptr(VigilIncident) kept = NULL;
  g_autoptr(GPtrArray) aliases = NULL;
  g_autoptr(GError) error = NULL;

  first->surname = g_strdup ("Uniquetest");
  first->local_ref = g_strdup ("SYN-P-U1");
  g_assert_true (vigil_store_insert (store, &vigil_person_type, first, &error));
  second->surname = g_strdup ("Uniquetest");
  second->local_ref = g_strdup ("SYN-P-U1");
  g_assert_false (vigil_store_insert (store, &vigil_person_type, second, &error));
  g_assert_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (second->record.id, ==, 0);

  alias->person_id = first->record.id;
  alias->alias = g_strdup ("Sampleman");
  g_assert_true (vigil_store_insert (store, &vigil_person_alias_type, alias, &error));

  victim->surname = g_strdup ("Victimtest");
  g_assert_true (vigil_store_insert (store, &vigil_person_type, victim, &error));

  incident->source = g_strdup ("police");
  incident->source_ref = g_strdup ("SYN-I-U1");
  incident->occurred_at = g_strdup ("2026-01-01");
  incident->perpetrator_id = first->record.id;
  incident->victim_id = victim->record.id;
  incident->relationship = g_strdup ("ex_partner");
  incident->offence_code = g_strdup ("abh");
  g_assert_true (vigil_store_insert (store, &vigil_incident_type, incident, &error));
  g_assert_no_error (error);

  aliases = vigil_store_list (store, &vigil_person_alias_type, "person_id", first->record.id, &error);
  g_assert_cmpuint (aliases->len, ==, 1);
  g_clear_pointer (&aliases, g_ptr_array_unref);

  /* removing the victim keeps the incident, without the victim */
  g_assert_true (vigil_store_delete (store, &vigil_person_type, victim, &error));
  kept = vigil_store_fetch (store, &vigil_incident_type, incident->record.id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kept->victim_id, ==, 0);

  /* removing the perpetrator removes what belongs to them */
  g_assert_true (vigil_store_delete (store, &vigil_person_type, first, &error));
  g_assert_no_error (error);
  aliases = vigil_store_list (store, &vigil_person_alias_type, "person_id", first->record.id, &error);
  g_assert_cmpuint (aliases->len, ==, 0);
  g_assert_null (vigil_store_fetch (store, &vigil_incident_type, incident->record.id, &error));
  g_assert_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_NOT_FOUND);
}

static void
test_dates (void)
{
  g_assert_true (vigil_date_is_valid ("2024-02-29"));
  g_assert_false (vigil_date_is_valid ("2023-02-29"));
  g_assert_false (vigil_date_is_valid ("2024-2-29"));
  g_assert_false (vigil_date_is_valid ("29/02/2024"));
  g_assert_false (vigil_date_is_valid ("2024-00-10"));
  g_assert_false (vigil_date_is_valid (""));
  g_assert_true (vigil_datetime_is_valid ("2024-02-29"));
  g_assert_true (vigil_datetime_is_valid ("2024-02-29T23:59"));
  g_assert_true (vigil_datetime_is_valid ("2024-02-29T23:59:59Z"));
  g_assert_true (vigil_datetime_is_valid ("2024-02-29 08:00:00"));
  g_assert_false (vigil_datetime_is_valid ("2024-02-29T24:00"));
  g_assert_false (vigil_datetime_is_valid ("2024-02-29T12"));
  g_assert_false (vigil_datetime_is_valid ("2024-02-29T12:00+01:00"));
}

static void
test_choice_labels (void)
{
  g_assert_cmpstr (vigil_choice_get_label (vigil_relationship_choices, "ex_partner"), ==, "Ex-partner");
  g_assert_cmpstr (vigil_choice_get_label (vigil_cohort_status_choices, "of_concern"), ==, "Of concern");
  /* every code of every list has a label */
  {
    const char * const *lists[] = {
      vigil_gender_choices, vigil_relationship_choices, vigil_dash_risk_choices, vigil_agency_choices,
      vigil_flag_agency_choices, vigil_cohort_status_choices, vigil_route_choices,
      vigil_exit_reason_choices, vigil_decision_kind_choices, vigil_severity_choices,
      vigil_immediacy_choices, vigil_process_choices, vigil_process_status_choices,
      vigil_advocate_choices, vigil_intervention_status_choices, vigil_meeting_status_choices,
      vigil_agenda_reason_choices, vigil_action_status_choices, vigil_outcome_source_choices,
      vigil_outcome_measure_choices, vigil_alias_kind_choices, vigil_batch_kind_choices,
      vigil_batch_status_choices,
    };

    for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
      for (guint k = 0; lists[i][k] != NULL; k++)
        g_assert_cmpstr (vigil_choice_get_label (lists[i], lists[i][k]), !=, lists[i][k]);
  }
  /* an unknown code shows as itself */
  g_assert_cmpstr (vigil_choice_get_label (vigil_route_choices, "future_route"), ==, "future_route");
}

static gint64
count_scores (VigilStore *store,
              gint64      run_id)
{
  static const GType types[] = { G_TYPE_INT64, G_TYPE_NONE };
  g_autoptr(GdaDataModel) model = NULL;
  g_autoptr(GError) error = NULL;
  GValue param = G_VALUE_INIT;
  const GValue *value;

  g_value_init (&param, G_TYPE_INT64);
  g_value_set_int64 (&param, run_id);
  model = vigil_store_query (store, "SELECT COUNT(*) FROM score WHERE run_id = ##p0::gint64",
                             &param, 1, types, &error);
  g_assert_no_error (error);
  value = gda_data_model_get_value_at (model, 0, 0, &error);
  g_assert_no_error (error);
  return g_value_get_int64 (value);
}

/* Many append-only rows in statements of many rows: every row as given (across the
 * statements' boundaries, with text that needs quoting), and all or nothing. */
static void
test_insert_rows (void)
{
  static const GType types[] = { G_TYPE_INT64, G_TYPE_DOUBLE, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_INT64, G_TYPE_NONE };
  g_autoptr(VigilStore) store = vigil_test_open_store ();
  g_autoptr(GPtrArray) scores = g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_score_free);
  g_autoptr(GPtrArray) bad = g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_score_free);
  g_autoptr(GdaDataModel) model = NULL;
  g_autoptr(GError) error = NULL;
  gint64 run_id = create_sample (store, &vigil_score_run_type);
  const guint n = 130;   /* two full statements and part of a third */

  for (guint i = 0; i < n; i++)
    {
      VigilScore *score = vigil_score_new ();

      score->run_id = run_id;
      score->person_id = create_sample (store, &vigil_person_type);
      score->rank = i + 1;
      score->total = 0.5 * i;
      score->area = i % 3 == 0 ? NULL : g_strdup_printf ("O'Area “%u”; DROP TABLE score", i);
      score->latest_incident = g_strdup ("2026-02-28");
      score->in_cohort = i % 2 == 0;
      g_ptr_array_add (scores, score);
    }

  g_assert_true (vigil_store_insert_rows (store, &vigil_score_type, scores, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_scores (store, run_id), ==, n);

  {
    GValue param = G_VALUE_INIT;

    g_value_init (&param, G_TYPE_INT64);
    g_value_set_int64 (&param, run_id);
    model = vigil_store_query (store, "SELECT rank, total, area, latest_incident, in_cohort FROM score"
                               " WHERE run_id = ##p0::gint64 ORDER BY rank",
                               &param, 1, types, &error);
    g_assert_no_error (error);
  }
  g_assert_cmpint (gda_data_model_get_n_rows (model), ==, n);
  for (guint i = 0; i < n; i++)
    {
      VigilScore *score = g_ptr_array_index (scores, i);
      const GValue *rank = gda_data_model_get_value_at (model, 0, i, &error);
      const GValue *total = gda_data_model_get_value_at (model, 1, i, &error);
      const GValue *area = gda_data_model_get_value_at (model, 2, i, &error);
      const GValue *latest = gda_data_model_get_value_at (model, 3, i, &error);
      const GValue *in_cohort = gda_data_model_get_value_at (model, 4, i, &error);

      g_assert_no_error (error);
      g_assert_cmpint (g_value_get_int64 (rank), ==, score->rank);
      g_assert_cmpfloat (g_value_get_double (total), ==, score->total);
      if (score->area == NULL)
        g_assert_true (gda_value_is_null (area));
      else
        g_assert_cmpstr (g_value_get_string (area), ==, score->area);
      g_assert_cmpstr (g_value_get_string (latest), ==, "2026-02-28");
      g_assert_cmpint (g_value_get_int64 (in_cohort) != 0, ==, score->in_cohort != 0);
      g_assert_cmpint (score->record.id, ==, 0);
    }

  /* a row that fails validation: nothing is written */
  for (guint i = 0; i < 70; i++)
    {
      VigilScore *score = vigil_score_new ();

      score->run_id = run_id;
      score->person_id = i < 69 ? ((VigilScore *) g_ptr_array_index (scores, i))->person_id : 0;
      score->rank = 1000 + i;
      g_ptr_array_add (bad, score);
    }
  g_assert_false (vigil_store_insert_rows (store, &vigil_score_type, bad, &error));
  g_assert_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count_scores (store, run_id), ==, n);

  /* a row the database refuses, in the second statement: the first is undone too */
  ((VigilScore *) g_ptr_array_index (bad, 69))->person_id = G_GINT64_CONSTANT (999999999);
  g_assert_false (vigil_store_insert_rows (store, &vigil_score_type, bad, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (count_scores (store, run_id), ==, n);

  /* nothing to insert */
  g_ptr_array_set_size (bad, 0);
  g_assert_true (vigil_store_insert_rows (store, &vigil_score_type, bad, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  vigil_test_init_engine ();

  g_test_add_func ("/records/crud-each-entity", test_crud_each_entity);
  g_test_add_func ("/records/optimistic-lock", test_optimistic_lock);
  g_test_add_func ("/records/validation", test_validation);
  g_test_add_func ("/records/unique-and-cascade", test_unique_and_cascade);
  g_test_add_func ("/records/dates", test_dates);
  g_test_add_func ("/records/choice-labels", test_choice_labels);
  g_test_add_func ("/records/insert-rows", test_insert_rows);

  return g_test_run ();
}
