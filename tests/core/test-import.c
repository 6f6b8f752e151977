/* test-import.c: importing incidents from CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>
#include <sys/wait.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "vigil-format.h"
#include "vigil-test-store.h"

static gint64
count (VigilStore *store,
       const char *sql)
{
  static const GType types[] = { G_TYPE_INT64, G_TYPE_NONE };
  g_autoptr(GError) error = NULL;
  g_autoptr(GdaDataModel) model = vigil_store_query (store, sql, NULL, 0, types, &error);

  g_assert_no_error (error);
  return g_value_get_int64 (gda_data_model_get_value_at (model, 0, 0, &error));
}

/* An empty store on the engine under test (VIGIL_TEST_ENGINE): SQLite, or PostgreSQL in
 * the pg suite; every test gives the same results on both. */
static VigilStore *
open_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilLocation) location = vigil_test_empty_location ();
  VigilStore *store = vigil_store_open (location, VIGIL_STORE_OPEN_CREATE, NULL, &error);

  g_assert_no_error (error);
  vigil_store_set_actor (store, "Import Tester (tester)");
  return store;
}

static void
test_synthetic_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) store = open_store ();
  g_autofree char *path = vigil_test_write_synthetic (2000, 11);
  g_autoptr(VigilImportReport) report = NULL;
  g_autoptr(VigilImportReport) again = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  VigilAuditEntry *entry;
  gint64 rows = 0;

  report = vigil_import_incidents (store, path, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (report->already_imported);
  g_assert_cmpuint (report->rows_total, ==, 2000);
  g_assert_cmpuint (report->rows_imported, ==, 2000);
  g_assert_cmpuint (report->rows_rejected, ==, 0);
  g_assert_cmpuint (report->rejections->len, ==, 0);
  g_assert_cmpuint (report->unmapped->len, ==, 0);
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM incident"), ==, 2000);
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM person"), ==, (gint64) report->people_created);
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM import_batch WHERE status = 'complete' AND rows_imported = 2000"), ==, 1);

  /* one audit row says who imported what */
  g_assert_true (vigil_audit_verify (store, &rows, &error));
  g_assert_cmpint (rows, ==, 1);
  audit = vigil_audit_list (store, 0, 0, &error);
  entry = g_ptr_array_index (audit, 0);
  g_assert_cmpstr (entry->action, ==, "import");
  g_assert_cmpstr (entry->actor, ==, "Import Tester (tester)");
  g_assert_nonnull (strstr (entry->detail, "\"imported\":2000"));

  /* the people the cohort view lists are the perpetrators */
  g_assert_cmpint (vigil_people_count (store, NULL, &error), ==,
                   count (store, "SELECT COUNT(DISTINCT perpetrator_id) FROM incident"));

  /* the same file again adds nothing */
  again = vigil_import_incidents (store, path, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (again->already_imported);
  g_assert_cmpint (again->batch_id, ==, report->batch_id);
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM incident"), ==, 2000);
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM import_batch"), ==, 1);
}

static void
test_known_incident_refs (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) store = open_store ();
  g_autofree char *first = vigil_test_write_file ("first.csv",
    VIGIL_TEST_INCIDENT_HEADER
    "SYN-I1,2026-01-05,SYN-P1,\"Testington, Bravo\",1980-02-03,SYN-V1,\"Mockridge, Alfa\",,ex_partner,abh,high,0,North Synthshire\n", -1);
  g_autofree char *second = vigil_test_write_file ("second.csv",
    VIGIL_TEST_INCIDENT_HEADER
    "SYN-I1,2026-01-05,SYN-P1,\"Testington, Bravo\",1980-02-03,SYN-V1,\"Mockridge, Alfa\",,ex_partner,abh,high,0,North Synthshire\n"
    "SYN-I2,2026-02-05,SYN-P1,\"Testington, Bravo\",1980-02-03,SYN-V1,\"Mockridge, Alfa\",,ex_partner,stalking,,1,North Synthshire\n", -1);
  g_autoptr(VigilImportReport) a = vigil_import_incidents (store, first, NULL, NULL, NULL, NULL, &error);
  g_autoptr(VigilImportReport) b = NULL;

  g_assert_no_error (error);
  b = vigil_import_incidents (store, second, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (b->rows_imported, ==, 1);
  g_assert_cmpuint (b->rows_duplicate, ==, 1);
  g_assert_cmpuint (b->people_created, ==, 0);
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM incident"), ==, 2);
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM person"), ==, 2);
}

typedef struct
{
  guint64 line;
  const char *field;
  const char *says;
} Expected;

static void
test_bad_rows (void)
{
  static const Expected expected[] = {
    { 3, "occurred_at", "not a date" },
    { 4, "occurred_at", "in the future" },
    { 5, "relationship", "unknown relationship" },
    { 6, "perpetrator_ref", "perpetrator is missing" },
    { 7, NULL, "quote" },
    { 8, NULL, "fields" },
    { 9, NULL, "UTF-8" },
    { 10, "perpetrator_dob", "date of birth" },
    { 11, "dash_risk", "DASH" },
    { 12, "stalking", "0 or 1" },
    { 13, "incident_ref", "missing" },
    { 14, "perpetrator_name", "needs a name" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) store = open_store ();
  g_autofree char *path = vigil_test_write_file ("bad.csv",
    "\xEF\xBB\xBF" VIGIL_TEST_INCIDENT_HEADER
    "SYN-I1,2026-01-05,SYN-P1,\"Testington, Bravo\",1980-02-03,SYN-V1,\"Mockridge, Alfa\",,ex_partner,abh,high,0,North Synthshire\r\n"
    "SYN-I2,05/01/2026,SYN-P1,\"Testington, Bravo\",,,,,ex_partner,abh,,0,\r\n"
    "SYN-I3,2999-01-01,SYN-P1,\"Testington, Bravo\",,,,,ex_partner,abh,,0,\n"
    "SYN-I4,2026-01-05,SYN-P1,\"Testington, Bravo\",,,,,neighbour,abh,,0,\n"
    "SYN-I5,2026-01-05,,,,,,,ex_partner,abh,,0,\n"
    "SYN-I6,2026-01-05,SYN-P1,\"Testington, \"Bravo\",,,,,ex_partner,abh,,0,\n"
    "SYN-I7,2026-01-05,SYN-P1,\"Testington, Bravo\",,,,,ex_partner,abh,,0\n"
    "SYN-I8,2026-01-05,SYN-P1,\"Testingt\xff\xfe\",,,,,ex_partner,abh,,0,\n"
    "SYN-I9,2026-01-05,SYN-P2,\"Testington, Alfa\",1980-13-01,,,,ex_partner,abh,,0,\n"
    "SYN-I10,2026-01-05,SYN-P1,,,,,,ex_partner,abh,severe,0,\n"
    "SYN-I11,2026-01-05,SYN-P1,,,,,,ex_partner,abh,,yes,\n"
    ",2026-01-05,SYN-P1,,,,,,ex_partner,abh,,0,\n"
    "SYN-I13,2026-01-05,SYN-P9,,,,,,ex_partner,abh,,0,\n"
    "SYN-I14,2026-01-06T23:15:00Z,SYN-P1,,,SYN-V1,,,ex_partner,doorstep_shouting,,0,Examplevale\n"
    "\"SYN-I15\",2026-01-07 08:00,SYN-P1,,,,,,family,\"coercive_control\",medium,0,\"Examplevale, East\"\n", -1);
  g_autoptr(VigilImportReport) report = vigil_import_incidents (store, path, NULL, NULL, NULL, NULL, &error);
  VigilImportUnmapped *unmapped;

  g_assert_no_error (error);
  g_assert_cmpuint (report->rows_total, ==, 15);
  g_assert_cmpuint (report->rows_imported, ==, 3);
  g_assert_cmpuint (report->rows_rejected, ==, G_N_ELEMENTS (expected));
  g_assert_cmpuint (report->rejections->len, ==, G_N_ELEMENTS (expected));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      VigilImportProblem *problem = g_ptr_array_index (report->rejections, i);

      g_test_message ("line %" G_GUINT64_FORMAT ", %s: %s [%s]", problem->line,
                      problem->field ? problem->field : "-", problem->reason, problem->raw_text);
      g_assert_cmpuint (problem->line, ==, expected[i].line);
      g_assert_cmpstr (problem->field, ==, expected[i].field);
      g_assert_nonnull (strstr (problem->reason, expected[i].says));
      g_assert_nonnull (problem->raw_text);
      g_assert_true (g_utf8_validate (problem->raw_text, -1, NULL));
    }

  /* every rejected row is kept in the batch, with its raw text */
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM import_rejection WHERE raw_text IS NOT NULL"), ==,
                   G_N_ELEMENTS (expected));
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM import_rejection WHERE line_number = 8 "
                                 "AND raw_text LIKE 'SYN-I7,%'"), ==, 1);
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM import_batch WHERE rows_rejected = 12 AND rows_imported = 3"), ==, 1);

  /* an unknown offence is imported and listed */
  g_assert_cmpuint (report->unmapped->len, ==, 1);
  unmapped = g_ptr_array_index (report->unmapped, 0);
  g_assert_cmpstr (unmapped->code, ==, "doorstep_shouting");
  g_assert_cmpuint (unmapped->count, ==, 1);

  /* times, zones and quoted fields come through */
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM incident WHERE source_ref = 'SYN-I14' "
                                 "AND occurred_at = '2026-01-06T23:15:00' AND victim_id IS NOT NULL"), ==, 1);
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM incident WHERE source_ref = 'SYN-I15' "
                                 "AND occurred_at = '2026-01-07T08:00:00' AND area = 'Examplevale, East' "
                                 "AND dash_risk = 'medium'"), ==, 1);
}

/* Dates are digits where the format says: no signs or spaces inside, every digit of an
 * ISO date; times to the second (a fraction and a zone are dropped), leap days checked. */
static void
test_dates (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) store = open_store ();
  g_autofree char *path = vigil_test_write_file ("dates.csv",
    VIGIL_TEST_INCIDENT_HEADER
    "SYN-I1,2026-01-05T10:20:30.25+01:00,SYN-P1,\"Testington, Bravo\",1980-02-29,,,,ex_partner,abh,,0,\n"
    "SYN-I2,2026-+1-05,SYN-P1,,,,,,ex_partner,abh,,0,\n"
    "SYN-I3,2026- 1-05,SYN-P1,,,,,,ex_partner,abh,,0,\n"
    "SYN-I4,2026-1-05,SYN-P1,,,,,,ex_partner,abh,,0,\n"
    "SYN-I5,2026-01-05T9:20,SYN-P1,,,,,,ex_partner,abh,,0,\n"
    "SYN-I6,2026-01-05T09:60,SYN-P1,,,,,,ex_partner,abh,,0,\n"
    "SYN-I7,2026-01-05T,SYN-P1,,,,,,ex_partner,abh,,0,\n"
    "SYN-I8,2026-01-05,SYN-P2,\"Testington, Alfa\",1981-02-29,,,,ex_partner,abh,,0,\n"
    "SYN-I9,2026-01-06 07:05,SYN-P1,,,,,,ex_partner,abh,,0,\n", -1);
  g_autoptr(VigilImportReport) report = vigil_import_incidents (store, path, NULL, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (report->rows_imported, ==, 2);
  g_assert_cmpuint (report->rows_rejected, ==, 7);
  for (guint i = 0; i < report->rejections->len; i++)
    {
      VigilImportProblem *problem = g_ptr_array_index (report->rejections, i);

      g_assert_cmpuint (problem->line, ==, i + 3);
      g_assert_cmpstr (problem->field, ==, i < 6 ? "occurred_at" : "perpetrator_dob");
    }
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM incident WHERE source_ref = 'SYN-I1' "
                                 "AND occurred_at = '2026-01-05T10:20:30'"), ==, 1);
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM incident WHERE source_ref = 'SYN-I9' "
                                 "AND occurred_at = '2026-01-06T07:05:00'"), ==, 1);
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM person WHERE local_ref = 'SYN-P1' AND dob = '1980-02-29'"), ==, 1);
}

static void
test_mapping (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) store = open_store ();
  g_autofree char *mapping_path = vigil_test_write_file ("force.json",
    "{\"columns\": {\"incident_ref\": \"Occurrence\", \"occurred_at\": \"Date\","
    " \"perpetrator_ref\": \"Suspect ID\", \"perpetrator_name\": \"Suspect\", \"perpetrator_dob\": \"Suspect DOB\","
    " \"victim_ref\": \"Victim ID\", \"victim_name\": \"Victim\", \"victim_dob\": \"Victim DOB\","
    " \"relationship\": \"Relationship\", \"offence_code\": \"Offence\", \"dash_risk\": \"DASH\","
    " \"stalking\": \"Stalking\", \"area\": \"Sector\"},"
    " \"date_format\": \"dd/mm/yyyy\","
    " \"values\": {\"relationship\": {\"Partner\": \"intimate_partner\", \"Ex\": \"ex_partner\"},"
    "            \"offence_code\": {\"Assault ABH\": \"abh\"},"
    "            \"stalking\": {\"Y\": \"1\", \"N\": \"0\"},"
    "            \"dash_risk\": {\"H\": \"high\"}}}", -1);
  g_autofree char *csv = vigil_test_write_file ("force.csv",
    "Occurrence,Date,Suspect ID,Suspect,Suspect DOB,Victim ID,Victim,Victim DOB,Relationship,Offence,DASH,Stalking,Sector\n"
    "F-1,31/12/2025 22:10,F-P1,\"Testington, Bravo\",03/02/1980,F-V1,\"Mockridge, Alfa\",,Partner,Assault ABH,H,N,North\n"
    "F-2,2025-12-31,F-P1,\"Testington, Bravo\",03/02/1980,F-V1,\"Mockridge, Alfa\",,Ex,Assault ABH,,Y,North\n"
    "F-3,01/01/2026,F-P1,\"Testington, Bravo\",03/02/1980,F-V1,\"Mockridge, Alfa\",,Lodger,Assault ABH,,N,North\n", -1);
  g_autoptr(VigilImportMapping) mapping = vigil_import_mapping_load (mapping_path, &error);
  g_autoptr(VigilImportReport) report = NULL;
  g_autoptr(VigilImportReport) unmapped_report = NULL;

  g_assert_no_error (error);
  report = vigil_import_incidents (store, csv, mapping, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->rows_imported, ==, 1);
  g_assert_cmpuint (report->rows_rejected, ==, 2);
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM incident WHERE source_ref = 'F-1' AND occurred_at = "
                                 "'2025-12-31T22:10:00' AND relationship = 'intimate_partner' AND "
                                 "offence_code = 'abh' AND dash_risk = 'high' AND stalking = 0"), ==, 1);
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM person WHERE local_ref = 'F-P1' AND dob = '1980-02-03'"), ==, 1);
  g_assert_cmpstr (((VigilImportProblem *) g_ptr_array_index (report->rejections, 0))->field, ==, "occurred_at");
  g_assert_cmpstr (((VigilImportProblem *) g_ptr_array_index (report->rejections, 1))->field, ==, "relationship");

  /* without the mapping the file has none of the exchange format's columns */
  unmapped_report = vigil_import_incidents (store, csv, NULL, NULL, NULL, NULL, &error);
  g_assert_null (unmapped_report);
  g_assert_error (error, VIGIL_IMPORT_ERROR, VIGIL_IMPORT_ERROR_HEADER);
  g_assert_nonnull (strstr (error->message, "incident_ref"));
}

static void
test_mapping_errors (void)
{
  static const struct
  {
    const char *json;
    const char *says;
  } cases[] = {
    { "[1, 2]", "JSON object" },
    { "{\"colums\": {}}", "colums" },
    { "{\"columns\": {\"incident\": \"Ref\"}}", "columns.incident" },
    { "{\"columns\": {\"incident_ref\": 7}}", "columns.incident_ref" },
    { "{\"date_format\": \"yyyy/dd/mm\"}", "date_format" },
    { "{\"values\": {\"relationship\": {\"Partner\": 1}}}", "values.relationship.Partner" },
    { "{\"columns\": ", "not valid JSON" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(VigilImportMapping) mapping = vigil_import_mapping_parse (cases[i].json, -1, &error);

      g_assert_null (mapping);
      g_assert_error (error, VIGIL_IMPORT_ERROR, VIGIL_IMPORT_ERROR_MAPPING);
      g_test_message ("%s → %s", cases[i].json, error->message);
      g_assert_nonnull (strstr (error->message, cases[i].says));
    }
}

static void
test_possible_duplicates (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) store = open_store ();
  g_autofree char *path = vigil_test_write_file ("dupes.csv",
    VIGIL_TEST_INCIDENT_HEADER
    "SYN-I1,2026-01-05,SYN-P1,\"Testington, Bravo\",1980-02-03,,,,ex_partner,abh,,0,\n"
    "SYN-I2,2026-01-06,SYN-P2,\"TESTINGTON,  bravo\",1980-02-03,,,,ex_partner,abh,,0,\n"
    "SYN-I3,2026-01-07,SYN-P3,\"Testington, Bravo\",1981-02-03,,,,ex_partner,abh,,0,\n", -1);
  g_autoptr(VigilImportReport) report = vigil_import_incidents (store, path, NULL, NULL, NULL, NULL, &error);
  g_autoptr(GPtrArray) duplicates = NULL;
  VigilPersonDuplicate *duplicate;

  g_assert_no_error (error);
  g_assert_cmpuint (report->possible_duplicates, ==, 1);
  duplicates = vigil_store_list (store, &vigil_person_duplicate_type, NULL, 0, &error);
  g_assert_cmpuint (duplicates->len, ==, 1);
  duplicate = g_ptr_array_index (duplicates, 0);
  g_assert_cmpstr (duplicate->reason, ==, "same_name_dob");
  g_assert_cmpstr (duplicate->status, ==, "open");
  g_assert_cmpint (duplicate->batch_id, ==, report->batch_id);
  /* kept apart, not merged: three people */
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM person"), ==, 3);
}

static void
test_names_normalised (void)
{
  g_autofree char *a = vigil_import_normalise_name ("Testington-Smythe", "Bravo  Élodie");
  g_autofree char *b = vigil_import_normalise_name ("TESTINGTON SMYTHE", "bravo elodie");

  g_assert_cmpstr (a, ==, "testington smythe bravo elodie");
  g_assert_cmpstr (a, ==, b);
}

static void
test_demo_store_refuses_real_names (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) store = open_store ();
  g_autofree char *real = vigil_test_write_file ("real.csv",
    VIGIL_TEST_INCIDENT_HEADER
    "R-1,2026-01-05,R-P1,\"Smith, John\",1980-02-03,,,,ex_partner,abh,,0,\n", -1);
  g_autofree char *synthetic = vigil_test_write_synthetic (50, 3);
  g_autoptr(VigilImportReport) refused = NULL;
  g_autoptr(VigilImportReport) accepted = NULL;

  g_assert_true (vigil_store_mark_demo (store, &error));
  refused = vigil_import_incidents (store, real, NULL, NULL, NULL, NULL, &error);
  g_assert_null (refused);
  g_assert_error (error, VIGIL_IMPORT_ERROR, VIGIL_IMPORT_ERROR_DEMO);
  g_clear_error (&error);
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM person"), ==, 0);
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM import_batch"), ==, 0);

  accepted = vigil_import_incidents (store, synthetic, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (accepted->rows_imported, ==, 50);
}

static void
test_cancelled (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) store = open_store ();
  g_autofree char *path = vigil_test_write_synthetic (20000, 5);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(VigilImportReport) report = NULL;

  g_cancellable_cancel (cancellable);
  report = vigil_import_incidents (store, path, NULL, NULL, NULL, cancellable, &error);
  g_assert_null (report);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM incident"), ==, 0);
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM import_batch"), ==, 0);
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM audit"), ==, 0);
}

#define PG_INDEXES_SQL "SELECT COUNT(*) FROM pg_indexes WHERE schemaname = current_schema() " \
                       "AND tablename IN ('person', 'incident')"
#define PG_FOREIGN_KEYS_SQL "SELECT COUNT(*) FROM pg_constraint WHERE contype = 'f' " \
                            "AND conrelid IN ('person'::regclass, 'incident'::regclass)"

/* Rows of PostgreSQL sessions of the import (application_name "vigil-import"). */
static gint64
count_pg_imports (VigilStore *store)
{
  return count (store, "SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = 'vigil-import'");
}

/* A killed import leaves the store as before the batch or with the whole batch: SQLite
 * rolls the open transaction back from its journal, PostgreSQL when the connection goes. */
static void
test_killed_midway (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *cli = g_build_filename (g_getenv ("VIGIL_BUILD_ROOT"), "app", "cli", "vigil-cli", NULL);
  g_autofree char *path = vigil_test_write_synthetic (60000, 9);
  g_autoptr(VigilLocation) location = vigil_test_empty_location ();
  g_autofree char *db = location->engine == VIGIL_ENGINE_SQLITE ? g_strdup (location->path)
                                                                : vigil_location_to_uri (location, TRUE);
  g_autoptr(VigilStore) store = NULL;
  g_autoptr(VigilImportReport) report = NULL;
  const char *argv[] = { cli, "--database", db, "import", path, NULL };
  GPid pid;
  int wait_status = 0;
  gint64 incidents;
  gint64 indexes = 0;
  gint64 foreign_keys = 0;

  /* an empty store first, so the child only imports */
  store = vigil_store_open (location, VIGIL_STORE_OPEN_CREATE, NULL, &error);
  g_assert_no_error (error);
  if (location->engine == VIGIL_ENGINE_SQLITE)
    {
      vigil_store_close (store);
      g_clear_object (&store);
    }

  g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                 NULL, NULL, &pid, &error);
  g_assert_no_error (error);
  if (location->engine == VIGIL_ENGINE_SQLITE)
    g_usleep (G_USEC_PER_SEC / 2);
  else
    {
      /* kill it while its transaction is open: once the server has its session */
      for (guint i = 0; i < 600 && count_pg_imports (store) == 0; i++)
        g_usleep (G_USEC_PER_SEC / 20);
      g_assert_cmpint (count_pg_imports (store), >, 0);
      g_usleep (G_USEC_PER_SEC / 5);
    }
  kill (pid, SIGKILL);
  waitpid (pid, &wait_status, 0);
  g_spawn_close_pid (pid);
  g_assert_true (WIFSIGNALED (wait_status));

  if (location->engine == VIGIL_ENGINE_SQLITE)
    {
      store = vigil_store_open (location, VIGIL_STORE_OPEN_NONE, NULL, &error);
      g_assert_no_error (error);
    }
  else
    {
      /* the server ends the dead client's session and rolls its transaction back */
      for (guint i = 0; i < 1200 && count_pg_imports (store) > 0; i++)
        g_usleep (G_USEC_PER_SEC / 20);
      g_assert_cmpint (count_pg_imports (store), ==, 0);
    }
  incidents = count (store, "SELECT COUNT(*) FROM incident");
  g_test_message ("incidents after the kill: %" G_GINT64_FORMAT, incidents);
  g_assert_true (incidents == 0 || incidents == 60000);
  if (incidents == 0)
    {
      /* nothing half done: no person, no batch, no rejection of the dead import */
      g_assert_cmpint (count (store, "SELECT COUNT(*) FROM person"), ==, 0);
      g_assert_cmpint (count (store, "SELECT COUNT(*) FROM import_batch"), ==, 0);
    }
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM import_batch WHERE status <> 'complete'"), ==, 0);
  g_assert_true (vigil_audit_verify (store, NULL, &error));
  g_assert_no_error (error);

  /* and importing again completes the batch; on PostgreSQL a batch this size into a
   * smaller store sets the secondary indexes and foreign keys aside and makes them again */
  if (location->engine == VIGIL_ENGINE_POSTGRESQL)
    {
      indexes = count (store, PG_INDEXES_SQL);
      foreign_keys = count (store, PG_FOREIGN_KEYS_SQL);
    }
  report = vigil_import_incidents (store, path, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM incident"), ==, 60000);
  g_assert_true (vigil_audit_verify (store, NULL, &error));
  g_assert_no_error (error);
  if (location->engine == VIGIL_ENGINE_POSTGRESQL)
    {
      g_assert_cmpint (count (store, PG_INDEXES_SQL), ==, indexes);
      g_assert_cmpint (count (store, PG_FOREIGN_KEYS_SQL), ==, foreign_keys);
      g_assert_cmpint (foreign_keys, >=, 4);
      /* made again from their own definitions: a partial index stays partial */
      g_assert_cmpint (count (store, "SELECT COUNT(*) FROM pg_indexes WHERE schemaname = current_schema() "
                                     "AND indexname = 'person_pnc_idx' AND indexdef LIKE '%WHERE (pnc_id IS NOT NULL)%'"),
                       ==, 1);
    }
}

static void
cancel_at_first_progress_cb (double   fraction,
                             guint64  rows,
                             gpointer user_data)
{
  g_cancellable_cancel (user_data);
}

/* Cancelled while reading: nothing is kept. */
static void
test_cancelled_midway (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) store = open_store ();
  g_autofree char *path = vigil_test_write_synthetic (6000, 6);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(VigilImportReport) report = NULL;

  report = vigil_import_incidents (store, path, NULL, cancel_at_first_progress_cb, cancellable, cancellable, &error);
  g_assert_null (report);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM incident"), ==, 0);
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM person"), ==, 0);
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM import_batch"), ==, 0);
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM audit"), ==, 0);
}

typedef struct
{
  double last;
  guint calls;
} Progress;

static void
record_progress_cb (double   fraction,
                    guint64  rows,
                    gpointer user_data)
{
  Progress *progress = user_data;

  g_assert_cmpfloat (fraction, >=, progress->last);
  g_assert_cmpfloat (fraction, <=, 1.0);
  progress->last = fraction;
  progress->calls++;
}

/* Progress goes forward and ends at 1; the import bumps the facts generation. */
static void
test_progress_and_facts_generation (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) store = open_store ();
  g_autofree char *path = vigil_test_write_synthetic (9000, 8);
  g_autoptr(VigilImportReport) report = NULL;
  Progress progress = { 0 };
  gint64 generation = vigil_store_get_facts_generation (store, &error);

  g_assert_no_error (error);
  report = vigil_import_incidents (store, path, NULL, record_progress_cb, &progress, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->rows_imported, ==, 9000);
  g_assert_cmpuint (progress.calls, >=, 3);
  g_assert_cmpfloat (progress.last, ==, 1.0);
  g_assert_cmpint (vigil_store_get_facts_generation (store, &error), ==, generation + 1);
  g_assert_no_error (error);
}

/* A reference of a person merged into another lands on the person kept. */
static void
test_merged_person (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) store = open_store ();
  g_autofree char *first = vigil_test_write_file ("first.csv",
    VIGIL_TEST_INCIDENT_HEADER
    "SYN-I1,2026-01-05,SYN-P1,\"Testington, Bravo\",1980-02-03,SYN-V1,\"Mockridge, Alfa\",,ex_partner,abh,high,0,North Synthshire\n"
    "SYN-I2,2026-01-06,SYN-P2,\"Testington, Bravo\",1980-02-03,SYN-V2,\"Mockridge, Charlie\",,ex_partner,abh,,0,North Synthshire\n", -1);
  g_autofree char *second = vigil_test_write_file ("second.csv",
    VIGIL_TEST_INCIDENT_HEADER
    "SYN-I3,2026-02-05,SYN-P2,,,SYN-V1,,,ex_partner,stalking,,1,North Synthshire\n", -1);
  g_autoptr(VigilImportReport) a = vigil_import_incidents (store, first, NULL, NULL, NULL, NULL, &error);
  g_autoptr(VigilImportReport) b = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (a->possible_duplicates, ==, 1);
  /* SYN-P2 was found to be SYN-P1 */
  g_assert_true (vigil_store_execute (store,
                                      "UPDATE person SET merged_into = (SELECT id FROM person WHERE local_ref = 'SYN-P1') "
                                      "WHERE local_ref = 'SYN-P2'", NULL, 0, NULL, &error));
  g_assert_no_error (error);

  b = vigil_import_incidents (store, second, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (b->rows_imported, ==, 1);
  g_assert_cmpuint (b->people_created, ==, 0);
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM incident i JOIN person p ON p.id = i.perpetrator_id "
                                 "WHERE i.source_ref = 'SYN-I3' AND p.local_ref = 'SYN-P1'"), ==, 1);
}

#define HEADER_PNC "incident_ref,occurred_at,perpetrator_ref,perpetrator_name,perpetrator_dob,victim_ref," \
                   "victim_name,victim_dob,relationship,offence_code,dash_risk,stalking,area," \
                   "perpetrator_pnc,victim_pnc\n"

/* The rows @sql selects (every column text), one line each, "∅" for NULL. */
static char *
dump (VigilStore *store,
      const char *sql,
      guint       n_columns)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) types = g_array_new (FALSE, FALSE, sizeof (GType));
  g_autoptr(GdaDataModel) model = NULL;
  GString *out = g_string_new (NULL);
  GType none = G_TYPE_NONE;

  for (guint c = 0; c < n_columns; c++)
    {
      GType type = G_TYPE_STRING;

      g_array_append_val (types, type);
    }
  g_array_append_val (types, none);
  model = vigil_store_query (store, sql, NULL, 0, (const GType *) types->data, &error);
  g_assert_no_error (error);

  for (int r = 0; r < gda_data_model_get_n_rows (model); r++)
    {
      for (guint c = 0; c < n_columns; c++)
        {
          const GValue *value = gda_data_model_get_value_at (model, c, r, &error);

          g_assert_no_error (error);
          g_string_append (out, gda_value_is_null (value) ? "∅" : g_value_get_string (value));
          g_string_append_c (out, c + 1 < n_columns ? '|' : '\n');
        }
    }
  return g_string_free (out, FALSE);
}

static void
assert_same_reports (VigilImportReport *a,
                     VigilImportReport *b)
{
  g_assert_cmpint (a->already_imported, ==, b->already_imported);
  g_assert_cmpuint (a->rows_total, ==, b->rows_total);
  g_assert_cmpuint (a->rows_imported, ==, b->rows_imported);
  g_assert_cmpuint (a->rows_rejected, ==, b->rows_rejected);
  g_assert_cmpuint (a->rows_duplicate, ==, b->rows_duplicate);
  g_assert_cmpuint (a->people_created, ==, b->people_created);
  g_assert_cmpuint (a->possible_duplicates, ==, b->possible_duplicates);
  g_assert_cmpuint (a->rejections->len, ==, b->rejections->len);
  for (guint i = 0; i < a->rejections->len; i++)
    {
      VigilImportProblem *x = g_ptr_array_index (a->rejections, i);
      VigilImportProblem *y = g_ptr_array_index (b->rejections, i);

      g_assert_cmpuint (x->line, ==, y->line);
      g_assert_cmpstr (x->field, ==, y->field);
      g_assert_cmpstr (x->reason, ==, y->reason);
      g_assert_cmpstr (x->raw_text, ==, y->raw_text);
    }
  g_assert_cmpuint (a->unmapped->len, ==, b->unmapped->len);
  for (guint i = 0; i < a->unmapped->len; i++)
    {
      VigilImportUnmapped *x = g_ptr_array_index (a->unmapped, i);
      VigilImportUnmapped *y = g_ptr_array_index (b->unmapped, i);

      g_assert_cmpstr (x->code, ==, y->code);
      g_assert_cmpuint (x->count, ==, y->count);
    }
}

static void
assert_same_stores (VigilStore *a,
                    VigilStore *b)
{
  static const struct
  {
    const char *sql;
    guint n_columns;
  } dumps[] = {
    { "SELECT local_ref, surname, forenames, dob, pnc_id FROM person ORDER BY id", 5 },
    { "SELECT i.source_ref, i.occurred_at, p.local_ref, v.local_ref, i.relationship, i.offence_code, "
      "i.dash_risk, CAST (i.stalking AS TEXT), i.area, b.file_name FROM incident i "
      "JOIN person p ON p.id = i.perpetrator_id LEFT JOIN person v ON v.id = i.victim_id "
      "LEFT JOIN import_batch b ON b.id = i.batch_id ORDER BY i.id", 10 },
    { "SELECT p.local_ref, o.local_ref, d.reason, d.status, b.file_name FROM person_duplicate d "
      "JOIN person p ON p.id = d.person_id JOIN person o ON o.id = d.other_person_id "
      "LEFT JOIN import_batch b ON b.id = d.batch_id ORDER BY d.id", 5 },
    { "SELECT b.file_name, CAST (r.line_number AS TEXT), r.field, r.reason, r.raw_text FROM import_rejection r "
      "JOIN import_batch b ON b.id = r.batch_id ORDER BY r.id", 5 },
    { "SELECT file_name, sha256, kind, status, CAST (rows_total AS TEXT), CAST (rows_imported AS TEXT), "
      "CAST (rows_rejected AS TEXT), CAST (rows_duplicate AS TEXT), imported_by FROM import_batch ORDER BY id", 9 },
    { "SELECT actor, action, entity, detail FROM audit ORDER BY seq", 4 },
    { "SELECT value FROM vigil_meta WHERE key = 'facts_generation'", 1 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (dumps); i++)
    {
      g_autofree char *x = dump (a, dumps[i].sql, dumps[i].n_columns);
      g_autofree char *y = dump (b, dumps[i].sql, dumps[i].n_columns);

      g_assert_cmpstr (x, ==, y);
    }
}

/* The same files give the same store on SQLite and on PostgreSQL: people and who they
 * are, incidents in file order, possible duplicates (with the store's people too),
 * rejections, unmapped offences, batches and the audit log. */
static void
test_same_on_both_engines (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *sqlite_path = NULL;
  g_autoptr(VigilLocation) sqlite_location = NULL;
  g_autoptr(VigilStore) sqlite_store = NULL;
  g_autoptr(VigilStore) pg_store = NULL;
  g_autofree char *synthetic = vigil_test_write_synthetic (2000, 21);
  g_autofree char *crafted = vigil_test_write_file ("crafted.csv",
    HEADER_PNC
    "SYN-X1,2026-01-05,SYN-PD1,\"Testington, Bravo\",1980-02-03,SYN-VD1,\"Mockridge, Alfa\",1985-01-01,ex_partner,abh,high,0,North Synthshire,PNC/01,\n"
    "SYN-X2,2026-01-06,SYN-PD2,\"TESTINGTON,  bravo\",1980-02-03,,,,ex_partner,stalking,,1,,,\n"
    "SYN-X3,2026-01-07,SYN-PD3,\"Quillfeather, Delta\",1979-05-05,,,,family,gbh,medium,0,,PNC/01,\n"
    "SYN-X4,2026-01-08,SYN-PD4,\"Testington, Bravo\",1980-02-03,,,,family,gbh,,0,,PNC/01,\n"
    "SYN-X5,2026-01-09,SYN-PD5,,,,,,family,gbh,,0,,,\n"
    "SYN-X6,2026-01-10,SYN-PD1,,,SYN-VD2,,,intimate_partner,doorstep_shouting,,0,\"North\\Synth\tshire\",,\n"
    "SYN-X7,2026-01-11,SYN-PD6,\"Testington, Bravo\",,SYN-PD2,,,intimate_partner,kerb_crawling,,0,,,\n"
    "SYN-X1,2026-02-01,SYN-PD1,,,,,,ex_partner,common_assault,,0,,,\n"
    "SYN-X9,2026-01-12,SYN-PD6,,,SYN-VD3,\"Mockridge, Alfa\",1985-01-01,ex_partner,kerb_crawling,,0,\"Examplevale,\nEast\",,PNC/02\n"
    "SYN-X10,2026-13-01,SYN-PD6,,,,,,ex_partner,abh,,0,\"Back\\slash\tand tab\",,\n"
    "SYN-X11,2026-01-13,SYN-PD7,\"O'Testington-Smythe, Élodie\",1990-07-07,SYN-VD4,\"Mockridge, Zulu\",,non_domestic,harassment,standard,0,Examplevale,,PNC/02\n", -1);
  g_autofree char *second = vigil_test_write_file ("second.csv",
    HEADER_PNC
    "SYN-X1,2026-01-05,SYN-PD1,\"Testington, Bravo\",1980-02-03,,,,ex_partner,abh,high,0,North Synthshire,,\n"
    "SYN-X20,2026-03-01,SYN-PD8,\"Testington, Bravo\",1980-02-03,,,,ex_partner,abh,,0,,,\n"
    "SYN-X21,2026-03-02,SYN-PD9,\"Otherby, Echo\",1970-01-01,SYN-VD5,\"Mockridge, Alfa\",1985-01-01,ex_partner,abh,,0,,PNC/01,PNC/02\n"
    "SYN-X22,2026-03-03,SYN-PD2,,,SYN-VD1,,,ex_partner,doorstep_shouting,,0,,,\n"
    "SYN-X23,2026-03-04,SYN-PD4,,,SYN-VD4,,,ex_partner,abh,,0,,,\n", -1);
  const char *files[] = { synthetic, crafted, second, crafted };

  if (!vigil_test_engine_is_pg ())
    {
      g_test_skip ("compares with PostgreSQL: runs in the pg suite");
      return;
    }

  dir = vigil_test_make_tmpdir ();
  sqlite_path = g_build_filename (dir, "same.db", NULL);
  sqlite_location = vigil_location_new_sqlite (sqlite_path);
  sqlite_store = vigil_store_open (sqlite_location, VIGIL_STORE_OPEN_CREATE, NULL, &error);
  g_assert_no_error (error);
  vigil_store_set_actor (sqlite_store, "Import Tester (tester)");
  pg_store = open_store ();

  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autoptr(VigilImportReport) on_sqlite = vigil_import_incidents (sqlite_store, files[i], NULL, NULL, NULL, NULL, &error);
      g_autoptr(VigilImportReport) on_pg = NULL;

      g_assert_no_error (error);
      on_pg = vigil_import_incidents (pg_store, files[i], NULL, NULL, NULL, NULL, &error);
      g_assert_no_error (error);
      g_test_message ("%s: %" G_GUINT64_FORMAT " imported, %" G_GUINT64_FORMAT " rejected, %" G_GUINT64_FORMAT
                      " known, %" G_GUINT64_FORMAT " people, %" G_GUINT64_FORMAT " possible duplicates",
                      files[i], on_pg->rows_imported, on_pg->rows_rejected, on_pg->rows_duplicate,
                      on_pg->people_created, on_pg->possible_duplicates);
      assert_same_reports (on_sqlite, on_pg);
      assert_same_stores (sqlite_store, pg_store);

      /* SYN-PD4 turns out to be SYN-PD1: its reference, name and PNC ID lead there */
      if (files[i] == crafted)
        {
          static const char merge[] = "UPDATE person SET merged_into = (SELECT id FROM person WHERE local_ref = "
                                      "'SYN-PD1') WHERE local_ref = 'SYN-PD4'";

          g_assert_true (vigil_store_execute (sqlite_store, merge, NULL, 0, NULL, &error));
          g_assert_no_error (error);
          g_assert_true (vigil_store_execute (pg_store, merge, NULL, 0, NULL, &error));
          g_assert_no_error (error);
        }
    }

  /* the crafted file covers each case */
  g_assert_cmpint (count (pg_store, "SELECT COUNT(*) FROM person_duplicate d JOIN person p ON p.id = d.person_id "
                                    "JOIN person o ON o.id = d.other_person_id WHERE p.local_ref = 'SYN-PD8' "
                                    "AND o.local_ref = 'SYN-PD1' AND d.reason = 'same_name_dob'"), ==, 1);
  g_assert_cmpint (count (pg_store, "SELECT COUNT(*) FROM incident i JOIN person p ON p.id = i.perpetrator_id "
                                    "WHERE i.source_ref = 'SYN-X23' AND p.local_ref = 'SYN-PD1'"), ==, 1);
  g_assert_cmpint (count (pg_store, "SELECT COUNT(*) FROM person_duplicate d JOIN person p ON p.id = d.person_id "
                                    "WHERE p.local_ref = 'SYN-PD4'"), ==, 1);
  g_assert_cmpint (count (pg_store, "SELECT COUNT(*) FROM incident WHERE area = 'North\\Synth\tshire'"), ==, 1);
  g_assert_cmpint (count (pg_store, "SELECT COUNT(*) FROM person WHERE local_ref = 'SYN-VD2' AND surname = 'SYN-VD2'"), ==, 1);
  g_assert_cmpint (count (pg_store, "SELECT COUNT(*) FROM import_rejection WHERE raw_text LIKE '%Back_slash_and tab%'"), ==, 1);
  g_assert_true (vigil_audit_verify (pg_store, NULL, &error));
  g_assert_no_error (error);
}

typedef struct
{
  const char *path;
  VigilImportReport *report;
  GError *error;
} ConcurrentImport;

static gpointer
import_thread (gpointer user_data)
{
  ConcurrentImport *job = user_data;
  g_autoptr(VigilLocation) location = NULL;
  g_autoptr(VigilStore) store = NULL;

  location = vigil_location_parse (g_getenv ("VIGIL_TEST_PG_URI"), &job->error);
  if (location != NULL)
    store = vigil_store_open (location, VIGIL_STORE_OPEN_NONE, NULL, &job->error);
  if (store != NULL)
    {
      vigil_store_set_actor (store, "Import Tester (tester)");
      job->report = vigil_import_incidents (store, job->path, NULL, NULL, NULL, NULL, &job->error);
    }
  return NULL;
}

/* Two imports at once, of files naming the same new people: they take turns, each
 * person is created once, and the audit chain holds. */
static void
test_concurrent_imports (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) store = NULL;
  g_autofree char *a = vigil_test_write_synthetic (5000, 31);
  g_autofree char *b = NULL;
  ConcurrentImport jobs[2] = { { a, NULL, NULL }, { NULL, NULL, NULL } };
  GThread *threads[2];
  gint64 rows = 0;

  if (!vigil_test_engine_is_pg ())
    {
      g_test_skip ("a SQLite store takes one writer at a time (BEGIN IMMEDIATE)");
      return;
    }

  /* the same people (same seed), other incident references */
  {
    g_autofree char *contents = NULL;
    g_autoptr(GString) renamed = NULL;

    g_file_get_contents (a, &contents, NULL, &error);
    g_assert_no_error (error);
    renamed = g_string_new (contents);
    g_assert_cmpuint (g_string_replace (renamed, "\nSYN-I", "\nSYN-J", 0), ==, 5000);
    b = vigil_test_write_file ("renamed.csv", renamed->str, -1);
  }
  jobs[1].path = b;

  store = open_store ();
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("import", import_thread, &jobs[i]);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);

  for (guint i = 0; i < G_N_ELEMENTS (jobs); i++)
    {
      g_assert_no_error (jobs[i].error);
      g_assert_cmpuint (jobs[i].report->rows_imported, ==, 5000);
    }
  /* one of them created everyone, the other matched them */
  g_assert_cmpuint (MIN (jobs[0].report->people_created, jobs[1].report->people_created), ==, 0);
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM person"), ==,
                   (gint64) (jobs[0].report->people_created + jobs[1].report->people_created));
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM incident"), ==, 10000);
  g_assert_true (vigil_audit_verify (store, &rows, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rows, ==, 2);

  for (guint i = 0; i < G_N_ELEMENTS (jobs); i++)
    vigil_import_report_free (jobs[i].report);
}

/* A batch large enough to drop the secondary indexes and build them again: the store
 * ends with every index, every id it names, and the facts generation bumped once;
 * a small batch after it matches the people and adds the rest. */
static void
test_large_batch (void)
{
  static const char * const indexes[] = {
    "person_name_idx", "person_pnc_idx", "incident_perpetrator_idx", "incident_victim_idx",
    NULL   /* for g_strjoinv () */
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) store = open_store ();
  g_autofree char *large = vigil_test_write_synthetic (60000, 21);
  g_autofree char *small = NULL;
  g_autoptr(VigilImportReport) report = NULL;
  g_autoptr(VigilImportReport) more = NULL;
  g_autoptr(VigilImportReport) again = NULL;
  gint64 generation = vigil_store_get_facts_generation (store, &error);
  gint64 people;

  g_assert_no_error (error);
  report = vigil_import_incidents (store, large, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->rows_imported, ==, 60000);
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM incident"), ==, 60000);
  people = count (store, "SELECT COUNT(*) FROM person");
  g_assert_cmpint (people, ==, (gint64) report->people_created);
  g_assert_cmpint (vigil_store_get_facts_generation (store, &error), ==, generation + 1);

  /* every incident names people that exist, each person once per reference */
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM incident i LEFT JOIN person p ON p.id = i.perpetrator_id "
                                 "WHERE p.id IS NULL"), ==, 0);
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM incident i LEFT JOIN person p ON p.id = i.victim_id "
                                 "WHERE i.victim_id IS NOT NULL AND p.id IS NULL"), ==, 0);
  g_assert_cmpint (count (store, "SELECT COUNT(DISTINCT local_ref) FROM person"), ==, people);
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM incident i JOIN import_batch b ON b.id = i.batch_id"), ==, 60000);

  if (!vigil_test_engine_is_pg ())
    {
      g_autofree char *sql = NULL;
      g_autofree char *names = g_strjoinv ("', '", (char **) indexes);

      sql = g_strdup_printf ("SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name IN ('%s')", names);
      g_assert_cmpint (count (store, sql), ==, G_N_ELEMENTS (indexes) - 1);
      /* made again from their own definitions: a partial index stays partial */
      g_assert_cmpint (count (store, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'person_pnc_idx' "
                                     "AND sql LIKE '%WHERE pnc_id IS NOT NULL'"), ==, 1);
      g_assert_cmpint (count (store, "SELECT COUNT(*) FROM sqlite_master WHERE name = 'person_merged_into_idx'"), ==, 1);
      g_assert_cmpint (count (store, "SELECT COUNT(*) FROM pragma_foreign_key_check"), ==, 0);
    }

  /* a small batch (other incident references): known people matched, new ones added */
  {
    g_autofree char *synthetic = vigil_test_write_synthetic (500, 22);
    g_autofree char *contents = NULL;
    g_autoptr(GString) renamed = NULL;

    g_file_get_contents (synthetic, &contents, NULL, &error);
    g_assert_no_error (error);
    renamed = g_string_new (contents);
    g_assert_cmpuint (g_string_replace (renamed, "\nSYN-I", "\nSYN-K", 0), ==, 500);
    small = vigil_test_write_file ("small.csv", renamed->str, -1);
  }
  more = vigil_import_incidents (store, small, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (more->rows_imported, ==, 500);
  g_assert_cmpuint (more->people_created, <, 1000);
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM person WHERE local_ref IN "
                                 "(SELECT local_ref FROM person GROUP BY local_ref HAVING COUNT(*) > 1)"), ==, 0);
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM person"), ==, people + (gint64) more->people_created);
  g_assert_cmpint (count (store, "SELECT COUNT(DISTINCT local_ref) FROM person"), ==,
                   people + (gint64) more->people_created);
  g_assert_cmpint (vigil_store_get_facts_generation (store, &error), ==, generation + 2);

  /* a small batch looks up only the people it names: a known reference needs no
   * name, and a new person with the name and date of birth of one in the store (in
   * other letters) is a possible duplicate of that one */
  {
    g_autofree char *known = dump (store, "SELECT local_ref, surname, forenames, dob, id FROM person "
                                          "WHERE dob IS NOT NULL AND forenames IS NOT NULL ORDER BY id LIMIT 1", 5);
    g_auto(GStrv) person = g_strsplit_set (known, "|\n", -1);
    g_autofree char *sql = NULL;
    g_autofree char *file = NULL;
    g_autofree char *upper = g_utf8_strup (person[1], -1);
    g_autoptr(VigilImportReport) few = NULL;

    sql = g_strdup_printf (VIGIL_TEST_INCIDENT_HEADER
                           "SYN-L1,2026-01-05,%s,,,,,,ex_partner,abh,,0,\n"
                           "SYN-L2,2026-01-06,SYN-PNEW1,\"%s,  %s\",%s,,,,ex_partner,abh,,0,\n",
                           person[0], upper, person[2], person[3]);
    file = vigil_test_write_file ("few.csv", sql, -1);
    few = vigil_import_incidents (store, file, NULL, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (few->rows_imported, ==, 2);
    g_assert_cmpuint (few->people_created, ==, 1);
    g_assert_cmpuint (few->possible_duplicates, ==, 1);
    g_clear_pointer (&sql, g_free);
    sql = g_strdup_printf ("SELECT COUNT(*) FROM person_duplicate d JOIN person p ON p.id = d.person_id "
                           "WHERE p.local_ref = 'SYN-PNEW1' AND d.other_person_id = %s AND d.reason = 'same_name_dob'",
                           person[4]);
    g_assert_cmpint (count (store, sql), ==, 1);
    g_clear_pointer (&sql, g_free);
    sql = g_strdup_printf ("SELECT COUNT(*) FROM incident WHERE source_ref = 'SYN-L1' AND perpetrator_id = %s", person[4]);
    g_assert_cmpint (count (store, sql), ==, 1);
    generation++;
  }

  /* the large file again adds nothing and leaves the facts as they are */
  again = vigil_import_incidents (store, large, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (again->already_imported);
  g_assert_cmpuint (again->rows_total, ==, 0);
  g_assert_cmpint (again->batch_id, ==, report->batch_id);
  g_assert_cmpint (vigil_store_get_facts_generation (store, &error), ==, generation + 2);
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM incident"), ==, 60502);
}

/* Rows with quoted line breaks and commas, many more than the import hands over at
 * once: every row comes through whole, and line numbers stay right to the end. */
static void
test_quoted_lines_in_many_rows (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) store = open_store ();
  g_autoptr(GString) contents = g_string_new (VIGIL_TEST_INCIDENT_HEADER);
  g_autofree char *path = NULL;
  g_autoptr(VigilImportReport) report = NULL;
  VigilImportProblem *problem;
  const guint n = 12000;

  for (guint i = 1; i <= n; i++)
    g_string_append_printf (contents,
                            "SYN-I%u,2026-01-05,SYN-P%u,\"Testington, Bravo\",1980-02-03,SYN-V%u,"
                            "\"Mockridge,\nAlfa\",,ex_partner,abh,,0,\"North\nSynthshire, \"\"East\"\"\"\n",
                            i, i % 997, i);
  g_string_append (contents, "SYN-IX,2026-01-05,SYN-P1,,,,,,lodger,abh,,0,\n");
  path = vigil_test_write_file ("quoted.csv", contents->str, -1);

  report = vigil_import_incidents (store, path, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->rows_total, ==, n + 1);
  g_assert_cmpuint (report->rows_imported, ==, n);
  g_assert_cmpuint (report->people_created, ==, 997 + n);
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM incident WHERE area = 'North\n"
                                 "Synthshire, \"East\"'"), ==, n);
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM person WHERE surname = 'Mockridge' AND forenames = 'Alfa'"), ==, n);
  /* the same name and date of birth under 997 references: each later one is a possible
   * duplicate of the first */
  g_assert_cmpuint (report->possible_duplicates, ==, 996);

  /* each row above takes three lines */
  g_assert_cmpuint (report->rejections->len, ==, 1);
  problem = g_ptr_array_index (report->rejections, 0);
  g_assert_cmpuint (problem->line, ==, 2 + 3 * (guint64) n);
  g_assert_cmpstr (problem->field, ==, "relationship");
}

static void
test_missing_and_empty_files (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) store = open_store ();
  g_autofree char *empty = vigil_test_write_file ("empty.csv", "", -1);
  g_autoptr(VigilImportReport) report = vigil_import_incidents (store, "/nonexistent/incidents.csv", NULL, NULL, NULL, NULL, &error);

  g_assert_null (report);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_clear_error (&error);

  report = vigil_import_incidents (store, empty, NULL, NULL, NULL, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, VIGIL_IMPORT_ERROR, VIGIL_IMPORT_ERROR_HEADER);
}

/* The _async pair: the import on a worker, its progress and callback on this thread */

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
  guint         n_reports;
  double        last_fraction;
  char         *last_message;
  GCancellable *cancel_on_report;
} AsyncProgress;

static void
async_progress_cb (double      fraction,
                   const char *message,
                   gpointer    user_data)
{
  AsyncProgress *progress = user_data;

  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  g_assert_cmpfloat (fraction, >=, progress->last_fraction);
  progress->n_reports++;
  progress->last_fraction = fraction;
  g_free (progress->last_message);
  progress->last_message = g_strdup (message);
  if (progress->cancel_on_report != NULL)
    g_cancellable_cancel (progress->cancel_on_report);
}

static void
test_async (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) store = open_store ();
  g_autofree char *path = vigil_test_write_synthetic (3000, 11);
  g_autofree char *other = vigil_test_write_synthetic (6000, 12);  /* more than one block: a report before the end */
  GAsyncResult *slot = NULL;

  /* the words of the progress label */
  {
    g_autofree char *slow = vigil_import_describe_progress (12288, 0.0);
    g_autofree char *fast = vigil_import_describe_progress (12288, 0.5);
    g_autofree char *rows = vigil_format_count (12288);
    g_autofree char *rate = vigil_format_count (24576);
    g_autofree char *slow_expected = g_strdup_printf ("%s rows read", rows);
    g_autofree char *fast_expected = g_strdup_printf ("%s rows read · %s rows a second", rows, rate);

    /* (digits grouped as the locale groups them) */
    g_assert_cmpstr (slow, ==, slow_expected);
    g_assert_cmpstr (fast, ==, fast_expected);
  }

  /* an import with its progress: the report, and "N rows read" in the messages */
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(VigilImportReport) report = NULL;
    AsyncProgress progress = { 0 };

    vigil_import_incidents_async (store, path, NULL, VIGIL_IMPORT_CALL_NONE, async_progress_cb, &progress, NULL,
                                  NULL, call_done_cb, &slot);
    result = wait_for_result (&slot);
    report = vigil_import_incidents_finish (store, result, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (report->rows_imported, ==, 3000);
    g_assert_false (report->already_imported);
    /* (the latest report only: some may have been folded into the next) */
    g_clear_object (&result);
    while (progress.last_fraction < 1.0)
      g_main_context_iteration (NULL, TRUE);
    g_assert_cmpuint (progress.n_reports, >=, 1);
    g_assert_true (g_regex_match_simple ("^[1-9][0-9,]* rows read", progress.last_message, 0, 0));
    g_free (progress.last_message);
  }

  /* a missing mapping file fails on the worker */
  {
    g_autoptr(GAsyncResult) result = NULL;

    vigil_import_incidents_async (store, other, "/nonexistent/mapping.json", VIGIL_IMPORT_CALL_NONE,
                                  NULL, NULL, NULL, NULL, call_done_cb, &slot);
    result = wait_for_result (&slot);
    g_assert_null (vigil_import_incidents_finish (store, result, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
  }

  /* held after its first report, then cancelled: rolled back, nothing kept */
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    AsyncProgress progress = { 0 };
    gint64 incidents = count (store, "SELECT COUNT(*) FROM incident");

    progress.cancel_on_report = cancellable;
    vigil_import_incidents_async (store, other, NULL, VIGIL_IMPORT_CALL_HOLD_AFTER_FIRST_REPORT,
                                  async_progress_cb, &progress, NULL, cancellable, call_done_cb, &slot);
    result = wait_for_result (&slot);
    g_assert_null (vigil_import_incidents_finish (store, result, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_clear_error (&error);
    g_assert_cmpuint (progress.n_reports, >=, 1);
    g_assert_cmpint (count (store, "SELECT COUNT(*) FROM incident"), ==, incidents);
    g_assert_cmpint (count (store, "SELECT COUNT(*) FROM import_batch"), ==, 1);
    g_free (progress.last_message);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  vigil_test_init_engine ();

  g_test_add_func ("/import/synthetic-file", test_synthetic_file);
  g_test_add_func ("/import/known-incident-refs", test_known_incident_refs);
  g_test_add_func ("/import/bad-rows", test_bad_rows);
  g_test_add_func ("/import/dates", test_dates);
  g_test_add_func ("/import/mapping", test_mapping);
  g_test_add_func ("/import/mapping-errors", test_mapping_errors);
  g_test_add_func ("/import/possible-duplicates", test_possible_duplicates);
  g_test_add_func ("/import/names-normalised", test_names_normalised);
  g_test_add_func ("/import/demo-store-refuses-real-names", test_demo_store_refuses_real_names);
  g_test_add_func ("/import/cancelled", test_cancelled);
  g_test_add_func ("/import/killed-midway", test_killed_midway);
  g_test_add_func ("/import/cancelled-midway", test_cancelled_midway);
  g_test_add_func ("/import/async", test_async);
  g_test_add_func ("/import/progress-and-facts-generation", test_progress_and_facts_generation);
  g_test_add_func ("/import/merged-person", test_merged_person);
  g_test_add_func ("/import/same-on-both-engines", test_same_on_both_engines);
  g_test_add_func ("/import/concurrent-imports", test_concurrent_imports);
  g_test_add_func ("/import/large-batch", test_large_batch);
  g_test_add_func ("/import/quoted-lines-in-many-rows", test_quoted_lines_in_many_rows);
  g_test_add_func ("/import/missing-and-empty-files", test_missing_and_empty_files);

  return g_test_run ();
}
