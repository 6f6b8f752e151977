/* test-fact-cache.c: the fact cache serves exactly what reading the incidents gives,
 * and never a stale or damaged copy
 *
 * Runs on SQLite (suite core) and on PostgreSQL (suite pg).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libpq-fe.h>
#include <sqlite3.h>

#include "vigil-fact-cache.h"
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

static gint64
add_incident (VigilStore *store,
              const char *ref,
              const char *date,
              gint64      perpetrator,
              gint64      victim,
              const char *offence,
              const char *area)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilIncident) incident = vigil_incident_new ();

  incident->source = g_strdup ("police");
  incident->source_ref = g_strdup (ref);
  incident->occurred_at = g_strdup (date);
  incident->perpetrator_id = perpetrator;
  incident->victim_id = victim;
  incident->relationship = g_strdup ("intimate_partner");
  incident->offence_code = g_strdup (offence);
  incident->area = g_strdup (area);
  g_assert_true (vigil_store_insert (store, &vigil_incident_type, incident, &error));
  g_assert_no_error (error);
  return incident->record.id;
}

/* A small store: six people, some victims of several, one person who is both. */
static VigilStore *
make_store (gint64 *out_people)
{
  VigilStore *store = vigil_test_open_store ();
  gint64 *p = out_people;

  p[0] = add_person (store, "Testington", "SYN-P3");
  p[1] = add_person (store, "Mockridge", "SYN-P1");
  p[2] = add_person (store, "Fakeley", "SYN-P2");
  p[3] = add_person (store, "Victimone", "SYN-V1");
  p[4] = add_person (store, "Victimtwo", "SYN-V2");
  p[5] = add_person (store, "Placeholder", NULL);  /* known by uuid only */

  add_incident (store, "SYN-I1", "2026-01-10", p[0], p[3], "common_assault", "North Synthshire");
  add_incident (store, "SYN-I2", "2025-06-10T21:30:00", p[1], p[4], "harassment", NULL);
  add_incident (store, "SYN-I3", "2026-10-01", p[0], p[4], "strangulation", "South Synthshire");
  add_incident (store, "SYN-I4", "2026-10-01T08:00", p[2], 0, "stalking", "North Synthshire");
  add_incident (store, "SYN-I5", "2024-02-29", p[1], p[0], "coercive_control", "North Synthshire");
  add_incident (store, "SYN-I6", "2026-09-30", p[5], p[3], "made_up_code", NULL);
  return store;
}

/* Everything a fact set holds, compared field by field. */
static void
assert_same_facts (const VigilFactSet *a,
                   const VigilFactSet *b)
{
  guint n = vigil_fact_set_get_n_facts (a);

  g_assert_cmpuint (n, ==, vigil_fact_set_get_n_facts (b));
  if (n > 0)
    g_assert_cmpmem (vigil_fact_set_get_facts (a), n * sizeof (VigilFact),
                     vigil_fact_set_get_facts (b), n * sizeof (VigilFact));
  for (guint k = 0; k < n; k++)
    g_assert_cmpint (vigil_fact_set_get_incident_id (a, k), ==, vigil_fact_set_get_incident_id (b, k));

  g_assert_cmpuint (vigil_fact_set_get_n_persons (a), ==, vigil_fact_set_get_n_persons (b));
  for (guint p = 0; p < vigil_fact_set_get_n_persons (a); p++)
    {
      guint n_a, n_b;

      g_assert_cmpint (vigil_fact_set_get_person_id (a, p), ==, vigil_fact_set_get_person_id (b, p));
      g_assert_cmpstr (vigil_fact_set_get_person_ref (a, p), ==, vigil_fact_set_get_person_ref (b, p));
      g_assert_cmpuint (vigil_fact_set_get_person_facts (a, p, &n_a), ==, vigil_fact_set_get_person_facts (b, p, &n_b));
      g_assert_cmpuint (n_a, ==, n_b);
    }
  g_assert_cmpuint (vigil_fact_set_get_n_victims (a), ==, vigil_fact_set_get_n_victims (b));
  for (guint v = 0; v < vigil_fact_set_get_n_victims (a); v++)
    {
      g_assert_cmpint (vigil_fact_set_get_victim_id (a, v), ==, vigil_fact_set_get_victim_id (b, v));
      g_assert_cmpstr (vigil_fact_set_get_victim_ref (a, v), ==, vigil_fact_set_get_victim_ref (b, v));
    }
  g_assert_cmpuint (vigil_fact_set_get_n_offences (a), ==, vigil_fact_set_get_n_offences (b));
  for (guint i = 0; i < vigil_fact_set_get_n_offences (a); i++)
    g_assert_cmpstr (vigil_fact_set_get_offence_code (a, i), ==, vigil_fact_set_get_offence_code (b, i));
  g_assert_cmpuint (vigil_fact_set_get_n_areas (a), ==, vigil_fact_set_get_n_areas (b));
  for (guint i = 0; i < vigil_fact_set_get_n_areas (a); i++)
    g_assert_cmpstr (vigil_fact_set_get_area (a, i), ==, vigil_fact_set_get_area (b, i));
  g_assert_cmpuint (vigil_fact_set_get_n_skipped (a), ==, vigil_fact_set_get_n_skipped (b));
}

static void
assert_same_scores (const VigilFactSet *a,
                    const VigilFactSet *b)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilScoringProfile) profile = vigil_scoring_profile_load_default (&error);
  g_autoptr(VigilScoreTable) ta = NULL;
  g_autoptr(VigilScoreTable) tb = NULL;
  const VigilScoreRow *ra, *rb;
  guint na, nb;
  GDate as_of;

  g_assert_no_error (error);
  g_date_clear (&as_of, 1);
  g_date_set_dmy (&as_of, 1, 11, 2026);
  ta = vigil_rfgv_score (a, profile, &as_of, &error);
  g_assert_no_error (error);
  tb = vigil_rfgv_score (b, profile, &as_of, &error);
  g_assert_no_error (error);
  ra = vigil_score_table_get_rows (ta, &na);
  rb = vigil_score_table_get_rows (tb, &nb);
  g_assert_cmpuint (na, ==, nb);
  g_assert_cmpuint (na, >, 0);
  for (guint i = 0; i < na; i++)
    {
      g_assert_cmpint (ra[i].person_id, ==, rb[i].person_id);
      g_assert_cmpmem (ra[i].points, sizeof ra[i].points, rb[i].points, sizeof rb[i].points);
      g_assert_cmpfloat (ra[i].total, ==, rb[i].total);
      g_assert_cmpint (ra[i].area_rank, ==, rb[i].area_rank);
      g_assert_cmpstr (vigil_score_table_get_person_ref (ta, &ra[i]), ==, vigil_score_table_get_person_ref (tb, &rb[i]));
      g_assert_cmpstr (vigil_score_table_get_area_name (ta, &ra[i]), ==, vigil_score_table_get_area_name (tb, &rb[i]));
    }
}

/* Loads through the cache, checks the outcome and that the set is what reading every
 * incident gives. */
static VigilFactSet *
load_expecting (VigilStore            *store,
                VigilFactCacheOutcome  expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilFactSet) read = vigil_fact_set_load (store, NULL, &error);
  VigilFactCacheOutcome outcome = 99;
  VigilFactSet *cached;

  g_assert_no_error (error);
  cached = vigil_fact_cache_load (store, NULL, &outcome, &error);
  g_assert_no_error (error);
  g_assert_nonnull (cached);
  g_assert_cmpint (outcome, ==, expected);
  assert_same_facts (read, cached);
  return cached;
}

static void
test_hit (void)
{
  gint64 people[6];
  g_autoptr(VigilStore) store = make_store (people);
  g_autoptr(VigilFactSet) first = load_expecting (store, VIGIL_FACT_CACHE_REBUILT);
  g_autoptr(VigilFactSet) second = load_expecting (store, VIGIL_FACT_CACHE_HIT);
  g_autoptr(VigilFactSet) third = load_expecting (store, VIGIL_FACT_CACHE_HIT);

  g_assert_cmpuint (vigil_fact_set_get_n_facts (second), ==, 6);
  g_assert_cmpuint (vigil_fact_set_get_n_persons (second), ==, 4);
  g_assert_cmpuint (vigil_fact_set_get_n_victims (second), ==, 6);
  assert_same_facts (first, third);
  assert_same_scores (first, second);
  g_assert_cmpint (vigil_fact_set_find_person_by_ref (second, "SYN-P2"), >=, 0);
  g_assert_cmpstr (vigil_fact_set_get_person_ref (second, vigil_fact_set_find_person_by_ref (second, "SYN-P2")),
                   ==, "SYN-P2");

  /* a whole refresh says where its facts came from */
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(VigilScoringProfile) profile = vigil_scoring_profile_load_default (&error);
    g_autoptr(VigilRefreshResult) result = NULL;

    result = vigil_refresh_run (store, profile, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpint (result->facts_cache, ==, VIGIL_FACT_CACHE_HIT);
  }
}

static void
test_record_changes (void)
{
  gint64 people[6];
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) store = make_store (people);
  g_autoptr(VigilIncident) incident = NULL;
  g_autoptr(VigilPerson) person = NULL;
  gint64 generation, id;

  vigil_fact_set_unref (load_expecting (store, VIGIL_FACT_CACHE_REBUILT));
  vigil_fact_set_unref (load_expecting (store, VIGIL_FACT_CACHE_HIT));

  /* a new incident */
  generation = vigil_store_get_facts_generation (store, &error);
  id = add_incident (store, "SYN-I7", "2026-10-30", people[2], people[3], "gbh", "East Synthshire");
  g_assert_cmpint (vigil_store_get_facts_generation (store, &error), >, generation);
  {
    g_autoptr(VigilFactSet) facts = load_expecting (store, VIGIL_FACT_CACHE_REBUILT);

    g_assert_cmpuint (vigil_fact_set_get_n_facts (facts), ==, 7);
    g_assert_cmpuint (vigil_fact_set_get_n_areas (facts), ==, 3);
  }
  vigil_fact_set_unref (load_expecting (store, VIGIL_FACT_CACHE_HIT));

  /* a changed incident: same count, same ids */
  incident = vigil_store_fetch (store, &vigil_incident_type, id, &error);
  g_assert_no_error (error);
  g_free (incident->offence_code);
  incident->offence_code = g_strdup ("rape");
  g_assert_true (vigil_store_update (store, &vigil_incident_type, incident, &error));
  g_assert_no_error (error);
  vigil_fact_set_unref (load_expecting (store, VIGIL_FACT_CACHE_REBUILT));
  vigil_fact_set_unref (load_expecting (store, VIGIL_FACT_CACHE_HIT));

  /* a person's name is not a fact; their reference is */
  person = vigil_store_fetch (store, &vigil_person_type, people[2], &error);
  g_assert_no_error (error);
  g_free (person->surname);
  person->surname = g_strdup ("Fakeley-Renamed");
  g_assert_true (vigil_store_update (store, &vigil_person_type, person, &error));
  g_assert_no_error (error);
  vigil_fact_set_unref (load_expecting (store, VIGIL_FACT_CACHE_HIT));
  g_free (person->local_ref);
  person->local_ref = g_strdup ("SYN-P0");
  g_assert_true (vigil_store_update (store, &vigil_person_type, person, &error));
  g_assert_no_error (error);
  {
    g_autoptr(VigilFactSet) facts = load_expecting (store, VIGIL_FACT_CACHE_REBUILT);

    g_assert_cmpint (vigil_fact_set_find_person_by_ref (facts, "SYN-P0"), >=, 0);
    g_assert_cmpint (vigil_fact_set_find_person_by_ref (facts, "SYN-P2"), ==, -1);
  }

  /* a removed incident */
  g_assert_true (vigil_store_delete (store, &vigil_incident_type, incident, &error));
  g_assert_no_error (error);
  {
    g_autoptr(VigilFactSet) facts = load_expecting (store, VIGIL_FACT_CACHE_REBUILT);

    g_assert_cmpuint (vigil_fact_set_get_n_facts (facts), ==, 6);
  }

  /* an import or a merge bumps the generation itself */
  vigil_fact_set_unref (load_expecting (store, VIGIL_FACT_CACHE_HIT));
  g_assert_true (vigil_store_touch_facts (store, &error));
  g_assert_no_error (error);
  vigil_fact_set_unref (load_expecting (store, VIGIL_FACT_CACHE_REBUILT));

  /* emptied: read again */
  g_assert_true (vigil_fact_cache_clear (store, &error));
  g_assert_no_error (error);
  vigil_fact_set_unref (load_expecting (store, VIGIL_FACT_CACHE_REBUILT));
  vigil_fact_set_unref (load_expecting (store, VIGIL_FACT_CACHE_HIT));
}

/* Another program writes rows without bumping the generation: the count and the
 * largest id give it away. */
static void
test_external_changes (void)
{
  gint64 people[6];
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) store = make_store (people);
  g_autofree char *insert = NULL;
  gint64 lonely;

  vigil_fact_set_unref (load_expecting (store, VIGIL_FACT_CACHE_REBUILT));
  vigil_fact_set_unref (load_expecting (store, VIGIL_FACT_CACHE_HIT));

  insert = g_strdup_printf ("INSERT INTO incident (created_at, updated_at, updated_by, source, source_ref, "
                            "occurred_at, perpetrator_id, victim_id, relationship, offence_code) VALUES "
                            "('2026-11-01T00:00:00Z', '2026-11-01T00:00:00Z', 'elsewhere', 'police', "
                            "'SYN-X1', '2026-10-31', %" G_GINT64_FORMAT ", NULL, 'family', 'abh')",
                            people[1]);
  g_assert_true (vigil_store_execute (store, insert, NULL, 0, NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(VigilFactSet) facts = load_expecting (store, VIGIL_FACT_CACHE_REBUILT);

    g_assert_cmpuint (vigil_fact_set_get_n_facts (facts), ==, 7);
  }
  vigil_fact_set_unref (load_expecting (store, VIGIL_FACT_CACHE_HIT));

  /* a person without incidents removed behind Vigil's back */
  g_assert_true (vigil_store_execute (store, "DELETE FROM incident WHERE source_ref = 'SYN-X1'", NULL, 0, NULL, &error));
  g_assert_no_error (error);
  vigil_fact_set_unref (load_expecting (store, VIGIL_FACT_CACHE_REBUILT));
  lonely = add_person (store, "Unconnected", "SYN-P9");
  vigil_fact_set_unref (load_expecting (store, VIGIL_FACT_CACHE_REBUILT));
  vigil_fact_set_unref (load_expecting (store, VIGIL_FACT_CACHE_HIT));
  {
    g_autofree char *sql = g_strdup_printf ("DELETE FROM person WHERE id = %" G_GINT64_FORMAT, lonely);

    g_assert_true (vigil_store_execute (store, sql, NULL, 0, NULL, &error));
    g_assert_no_error (error);
  }
  {
    g_autoptr(VigilFactSet) facts = load_expecting (store, VIGIL_FACT_CACHE_REBUILT);

    g_assert_cmpuint (vigil_fact_set_get_n_victims (facts), ==, 6);
  }
}

/* Runs @sql on a connection of its own, as another program would (and without libgda,
 * whose parser leaks on some of these statements). */
static void
execute_natively (VigilStore *store,
                  const char *sql)
{
  const VigilLocation *location = vigil_store_get_location (store);

  if (location->engine == VIGIL_ENGINE_POSTGRESQL)
    {
      g_autofree char *uri = vigil_location_to_uri (location, TRUE);
      PGconn *conn = PQconnectdb (uri);
      PGresult *result;

      g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
      result = PQexec (conn, sql);
      g_assert_cmpint (PQresultStatus (result), ==, PGRES_COMMAND_OK);
      PQclear (result);
      PQfinish (conn);
    }
  else
    {
      sqlite3 *db = NULL;

      g_assert_cmpint (sqlite3_open_v2 (location->path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
      sqlite3_busy_timeout (db, 10000);
      g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_changes (db), >, 0);
      sqlite3_close (db);
    }
}

/* A damaged cache is never used: it is read again from the incidents and rewritten. */
static void
test_damaged (void)
{
  gint64 people[6];
  g_autoptr(VigilStore) store = make_store (people);
  gboolean pg = vigil_store_get_engine (store) == VIGIL_ENGINE_POSTGRESQL;
  const char *damages[] = {
    /* a byte changed inside the facts */
    pg ? "UPDATE fact_cache SET data = substr(data, 1, 99) || decode('5A', 'hex') || substr(data, 101)"
       : "UPDATE fact_cache SET data = CAST(substr(data, 1, 99) || X'5A' || substr(data, 101) AS BLOB)",
    /* truncated */
    "UPDATE fact_cache SET data = substr(data, 1, 200)",
    /* a part said missing */
    "UPDATE fact_cache SET n_parts = 2",
    /* a tag from another state */
    "UPDATE fact_cache SET facts_generation = facts_generation + 7",
    /* not a blob at all */
    pg ? "UPDATE fact_cache SET data = decode('00', 'hex')" : "UPDATE fact_cache SET data = 'text'",
  };

  for (guint i = 0; i < G_N_ELEMENTS (damages); i++)
    {
      g_test_message ("damage: %s", damages[i]);
      vigil_fact_set_unref (load_expecting (store, i == 0 ? VIGIL_FACT_CACHE_REBUILT : VIGIL_FACT_CACHE_HIT));
      execute_natively (store, damages[i]);
      vigil_fact_set_unref (load_expecting (store, VIGIL_FACT_CACHE_REBUILT));
    }
  vigil_fact_set_unref (load_expecting (store, VIGIL_FACT_CACHE_HIT));
}

/* A cache in many parts: read back in order; one part missing or out of place is
 * never used. */
static void
test_parts (void)
{
  static const GType types[] = { G_TYPE_INT64, G_TYPE_NONE };
  gint64 people[6];
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) store = NULL;
  g_autoptr(GdaDataModel) model = NULL;
  const GValue *value;

  g_setenv ("VIGIL_FACT_CACHE_PART_SIZE", "40", TRUE);
  store = make_store (people);
  vigil_fact_set_unref (load_expecting (store, VIGIL_FACT_CACHE_REBUILT));
  vigil_fact_set_unref (load_expecting (store, VIGIL_FACT_CACHE_HIT));
  model = vigil_store_query (store, "SELECT COUNT(*) FROM fact_cache", NULL, 0, types, &error);
  g_assert_no_error (error);
  value = gda_data_model_get_value_at (model, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_value_get_int64 (value), >, 5);

  execute_natively (store, "UPDATE fact_cache SET part = -1 WHERE part = 2");
  vigil_fact_set_unref (load_expecting (store, VIGIL_FACT_CACHE_REBUILT));
  vigil_fact_set_unref (load_expecting (store, VIGIL_FACT_CACHE_HIT));
  execute_natively (store, "DELETE FROM fact_cache WHERE part = 3");
  vigil_fact_set_unref (load_expecting (store, VIGIL_FACT_CACHE_REBUILT));
  /* parts swapped: same sizes, wrong order */
  execute_natively (store, "UPDATE fact_cache SET part = 1000 WHERE part = 0");
  execute_natively (store, "UPDATE fact_cache SET part = 0 WHERE part = 1");
  execute_natively (store, "UPDATE fact_cache SET part = 1 WHERE part = 1000");
  vigil_fact_set_unref (load_expecting (store, VIGIL_FACT_CACHE_REBUILT));
  vigil_fact_set_unref (load_expecting (store, VIGIL_FACT_CACHE_HIT));
  g_unsetenv ("VIGIL_FACT_CACHE_PART_SIZE");
}

/* The serialised form alone: a round trip, and every damage rejected. */
static void
test_serialized (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilFactSetBuilder) builder = vigil_fact_set_builder_new ();
  g_autoptr(VigilFactSet) facts = NULL;
  g_autoptr(VigilFactSet) back = NULL;
  g_autofree guint8 *block = NULL;
  gsize size = 0;
  const VigilFactInput inputs[] = {
    { 0, "SYN-B", "2026-03-01", 0, "SYN-V", "ex_partner", "abh", "West Synthshire", 0, NULL },
    { 0, "SYN-A", "2026-02-01T10:00", 0, "SYN-B", "family", "threats_to_kill", NULL, 0, NULL },
    { 0, "SYN-A", "2026-01-01", 0, NULL, "not_a_relationship", "other", "West Synthshire", 0, NULL },
    { 0, "SYN-C", "2025-12-24", 0, "SYN-V", "intimate_partner", "rape", "Mid Synthshire", 0, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (inputs); i++)
    {
      g_assert_true (vigil_fact_set_builder_add (builder, &inputs[i], &error));
      g_assert_no_error (error);
    }
  facts = vigil_fact_set_builder_end (g_steal_pointer (&builder), &error);
  g_assert_no_error (error);

  block = vigil_fact_set_serialize (facts, &size);
  g_assert_nonnull (block);
  back = vigil_fact_set_new_from_serialized (g_memdup2 (block, size), size, &error);
  g_assert_no_error (error);
  assert_same_facts (facts, back);
  assert_same_scores (facts, back);

  /* every single byte changed, every length cut short or too long: rejected */
  for (gsize i = 0; i < size; i++)
    {
      guint8 *copy = g_memdup2 (block, size);
      VigilFactSet *damaged;

      copy[i] ^= 0x10;
      damaged = vigil_fact_set_new_from_serialized (copy, size, &error);
      g_assert_null (damaged);
      g_assert_error (error, VIGIL_RFGV_ERROR, VIGIL_RFGV_ERROR_INVALID);
      g_clear_error (&error);
    }
  for (gsize length = 0; length < size + 16; length++)
    {
      guint8 *copy = g_malloc0 (MAX (length, 1));
      VigilFactSet *damaged;

      if (length == size)
        {
          g_free (copy);
          continue;
        }
      memcpy (copy, block, MIN (length, size));
      damaged = vigil_fact_set_new_from_serialized (copy, length, &error);
      g_assert_null (damaged);
      g_assert_error (error, VIGIL_RFGV_ERROR, VIGIL_RFGV_ERROR_INVALID);
      g_clear_error (&error);
    }
}

/* ------------------------------------------------------------------------------------
 * An import leaves the cache current when it was into an empty store (SQLite), and
 * stale otherwise; either way the facts are those the incidents give.
 * ------------------------------------------------------------------------------------ */

static VigilImportReport *
import_file (VigilStore *store,
             const char *path)
{
  g_autoptr(GError) error = NULL;
  VigilImportReport *report = vigil_import_incidents (store, path, NULL, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_false (report->already_imported);
  return report;
}

/* The ranking as CSV, as `vigil-cli refresh --format csv` prints it. */
static char *
ranking_csv (const VigilFactSet *facts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilScoringProfile) profile = vigil_scoring_profile_load_default (&error);
  g_autoptr(VigilScoreTable) table = NULL;
  char *text = NULL;
  size_t length = 0;
  FILE *out;
  GDate as_of;

  g_assert_no_error (error);
  g_date_clear (&as_of, 1);
  g_date_set_dmy (&as_of, 1, 11, 2026);
  table = vigil_rfgv_score (facts, profile, &as_of, &error);
  g_assert_no_error (error);
  out = open_memstream (&text, &length);
  g_assert_nonnull (out);
  g_assert_true (vigil_score_table_write_csv (table, out, &error));
  g_assert_no_error (error);
  g_assert_cmpint (fclose (out), ==, 0);
  return text;
}

/* The cache as the import left it (@expected), then byte for byte what a rebuild from
 * the incidents writes, and the same ranking. */
static void
assert_import_cache (VigilStore            *store,
                     VigilFactCacheOutcome  expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilFactSet) after_import = load_expecting (store, expected);
  g_autoptr(VigilFactSet) rebuilt = NULL;
  g_autofree guint8 *block_import = NULL;
  g_autofree guint8 *block_rebuilt = NULL;
  char *csv_import = NULL;
  char *csv_rebuilt = NULL;
  gsize size_import = 0, size_rebuilt = 0;

  g_assert_true (vigil_fact_cache_clear (store, &error));
  g_assert_no_error (error);
  rebuilt = load_expecting (store, VIGIL_FACT_CACHE_REBUILT);
  assert_same_facts (after_import, rebuilt);
  assert_same_scores (after_import, rebuilt);

  block_import = vigil_fact_set_serialize (after_import, &size_import);
  block_rebuilt = vigil_fact_set_serialize (rebuilt, &size_rebuilt);
  g_assert_nonnull (block_import);
  g_assert_cmpmem (block_import, size_import, block_rebuilt, size_rebuilt);

  csv_import = ranking_csv (after_import);
  csv_rebuilt = ranking_csv (rebuilt);
  g_assert_cmpstr (csv_import, ==, csv_rebuilt);
  g_assert_cmpuint (strlen (csv_import), >, 40);
  free (csv_import);
  free (csv_rebuilt);

  /* and the rebuilt cache serves the next load */
  vigil_fact_set_unref (load_expecting (store, VIGIL_FACT_CACHE_HIT));
}

/* Edge cases in a small file: people whose references sort otherwise than they come
 * (byte order: upper case, digits, a longer prefix, two alike in their first eight
 * bytes), a victim who is also a
 * perpetrator, incidents of one person out of date order and on one day at several
 * times, no victim, no area, an offence code not in the gravity table, a row
 * rejected. */
static const char edge_file[] =
  VIGIL_TEST_INCIDENT_HEADER
  "SYN-I01,2026-10-01T08:00:00,SYN-P10,Synthe Alpha,1980-01-01,SYN-V2,Victim Two,,intimate_partner,abh,high,0,North Synthshire\n"
  "SYN-I02,2026-01-10,SYN-P9,Synthe Beta,,SYN-V1,Victim One,,ex_partner,common_assault,,1,\n"
  "SYN-I03,2025-06-10T21:30:00,SYN-P10,Synthe Alpha,1980-01-01,SYN-P9,Synthe Beta,,family,strangulation,medium,0,South Synthshire\n"
  "SYN-I04,2026-10-01,SYN-P10,Synthe Alpha,1980-01-01,,,,intimate_partner,made_up_code,,0,North Synthshire\n"
  "SYN-I05,not a date,SYN-P1,Synthe Gamma,,SYN-V1,Victim One,,family,harassment,,0,\n"
  "SYN-I06,2026-10-01T07:59:00,SYN-P10,Synthe Alpha,1980-01-01,SYN-V1,Victim One,,non_domestic,stalking,,1,East Synthshire\n"
  "SYN-I07,2024-02-29,syn-p0,Synthe Delta,,SYN-P10,Synthe Alpha,1980-01-01,ex_partner,coercive_control,standard,0,North Synthshire\n"
  "SYN-I08,2026-09-30,SYN-P9,Synthe Beta,,SYN-V2,Victim Two,,intimate_partner,gbh,,0,South Synthshire\n"
  "SYN-I09,2026-08-30,SYN-P10-LONG-B,Synthe Epsilon,,SYN-P10-LONG-A,Synthe Zeta,,family,abh,,0,\n";

static void
test_import_empty (void)
{
  gboolean pg = vigil_test_engine_is_pg ();

  /* a small file with its edge cases, in many parts */
  {
    g_autoptr(VigilStore) store = vigil_test_open_store ();
    g_autofree char *path = vigil_test_write_file ("edges.csv", edge_file, -1);
    g_autoptr(VigilImportReport) report = NULL;

    g_setenv ("VIGIL_FACT_CACHE_PART_SIZE", "64", TRUE);
    report = import_file (store, path);
    g_unsetenv ("VIGIL_FACT_CACHE_PART_SIZE");
    g_assert_cmpuint (report->rows_imported, ==, 8);
    g_assert_cmpuint (report->rows_rejected, ==, 1);
    /* the import wrote it (PostgreSQL: left stale) */
    assert_import_cache (store, pg ? VIGIL_FACT_CACHE_REBUILT : VIGIL_FACT_CACHE_HIT);
  }

  /* a synthetic file: hundreds of people, victims among the perpetrators */
  {
    g_autoptr(VigilStore) store = vigil_test_open_store ();
    g_autofree char *path = vigil_test_write_synthetic (3000, 5);
    g_autoptr(VigilImportReport) report = import_file (store, path);

    g_assert_cmpuint (report->rows_imported, ==, 3000);
    assert_import_cache (store, pg ? VIGIL_FACT_CACHE_REBUILT : VIGIL_FACT_CACHE_HIT);
  }
}

/* Every other import leaves the cache stale: into a store that holds people or
 * incidents already, or a file naming one incident twice (the second adds nothing). */
static void
test_import_not_empty (void)
{
  g_autoptr(GError) error = NULL;

  /* a store with incidents, its cache current: a second file */
  {
    g_autoptr(VigilStore) store = vigil_test_open_store ();
    g_autofree char *first = vigil_test_write_synthetic (500, 7);
    g_autofree char *second = vigil_test_write_file ("more.csv",
                                          VIGIL_TEST_INCIDENT_HEADER
                                          "SYN-J1,2026-10-20,SYN-P10,Synthe Alpha,,SYN-V1,Victim One,,family,abh,,0,North Synthshire\n"
                                          "SYN-J2,2026-10-21,SYN-P11,Synthe Omega,,,,,family,gbh,,0,\n", -1);
    g_autoptr(VigilImportReport) a = import_file (store, first);
    g_autoptr(VigilImportReport) b = NULL;
    g_autoptr(VigilFactSet) facts = NULL;

    vigil_fact_set_unref (load_expecting (store, vigil_test_engine_is_pg () ? VIGIL_FACT_CACHE_REBUILT
                                                                             : VIGIL_FACT_CACHE_HIT));
    vigil_fact_set_unref (load_expecting (store, VIGIL_FACT_CACHE_HIT));
    b = import_file (store, second);
    g_assert_cmpuint (b->rows_imported, ==, 2);
    facts = load_expecting (store, VIGIL_FACT_CACHE_REBUILT);
    g_assert_cmpuint (vigil_fact_set_get_n_facts (facts), ==, 502);
    g_assert_cmpint (vigil_fact_set_find_person_by_ref (facts, "SYN-P11"), >=, 0);
    vigil_fact_set_unref (load_expecting (store, VIGIL_FACT_CACHE_HIT));
  }

  /* a store with one person and no incident */
  {
    g_autoptr(VigilStore) store = vigil_test_open_store ();
    g_autofree char *path = vigil_test_write_file ("edges.csv", edge_file, -1);
    g_autoptr(VigilImportReport) report = NULL;

    add_person (store, "Earlier", "SYN-P0");
    report = import_file (store, path);
    g_assert_cmpuint (report->rows_imported, ==, 8);
    assert_import_cache (store, VIGIL_FACT_CACHE_REBUILT);
  }

  /* an incident twice in the file, into an empty store */
  {
    g_autoptr(VigilStore) store = vigil_test_open_store ();
    g_autofree char *path = vigil_test_write_file ("twice.csv",
                                        VIGIL_TEST_INCIDENT_HEADER
                                        "SYN-K1,2026-10-20,SYN-P1,Synthe Alpha,,SYN-V1,Victim One,,family,abh,,0,\n"
                                        "SYN-K1,2026-10-22,SYN-P1,Synthe Alpha,,,,,family,homicide,,0,\n"
                                        "SYN-K2,2026-10-21,SYN-P2,Synthe Beta,,,,,family,gbh,,0,\n", -1);
    g_autoptr(VigilImportReport) report = import_file (store, path);
    g_autoptr(VigilFactSet) facts = NULL;

    g_assert_cmpuint (report->rows_imported, ==, 2);
    g_assert_cmpuint (report->rows_duplicate, ==, 1);
    facts = load_expecting (store, VIGIL_FACT_CACHE_REBUILT);
    g_assert_cmpuint (vigil_fact_set_get_n_facts (facts), ==, 2);
  }
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  vigil_test_init_engine ();

  g_test_add_func ("/fact-cache/serialized", test_serialized);
  g_test_add_func ("/fact-cache/hit", test_hit);
  g_test_add_func ("/fact-cache/record-changes", test_record_changes);
  g_test_add_func ("/fact-cache/external-changes", test_external_changes);
  g_test_add_func ("/fact-cache/damaged", test_damaged);
  g_test_add_func ("/fact-cache/parts", test_parts);
  g_test_add_func ("/fact-cache/import-empty", test_import_empty);
  g_test_add_func ("/fact-cache/import-not-empty", test_import_not_empty);

  return g_test_run ();
}
