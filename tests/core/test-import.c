/* test-import.c: importing incidents from CSV
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <signal.h>
#include <sys/wait.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "vigil-test-store.h"

#define HEADER "incident_ref,occurred_at,perpetrator_ref,perpetrator_name,perpetrator_dob,victim_ref," \
               "victim_name,victim_dob,relationship,offence_code,dash_risk,stalking,area\n"

static char *
write_file (const char *name,
            const char *contents)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = vigil_test_make_tmpdir ();
  char *path = g_build_filename (dir, name, NULL);

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
  return path;
}

static char *
write_synthetic (guint64 n,
                 guint64 seed)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = vigil_test_make_tmpdir ();
  char *path = g_build_filename (dir, "synthetic.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (vigil_synth_write_csv (n, seed, "2026-11-01", G_OUTPUT_STREAM (out), NULL, &error));
  g_assert_true (g_output_stream_close (G_OUTPUT_STREAM (out), NULL, &error));
  g_assert_no_error (error);
  return path;
}

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

static VigilStore *
open_sqlite_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = vigil_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "store.db", NULL);
  g_autoptr(VigilLocation) location = vigil_location_new_sqlite (path);
  VigilStore *store = vigil_store_open (location, VIGIL_STORE_OPEN_CREATE, NULL, &error);

  g_assert_no_error (error);
  vigil_store_set_actor (store, "Import Tester (tester)");
  return store;
}

static void
test_synthetic_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) store = open_sqlite_store ();
  g_autofree char *path = write_synthetic (2000, 11);
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
  g_autoptr(VigilStore) store = open_sqlite_store ();
  g_autofree char *first = write_file ("first.csv",
    HEADER
    "SYN-I1,2026-01-05,SYN-P1,\"Testington, Bravo\",1980-02-03,SYN-V1,\"Mockridge, Alfa\",,ex_partner,abh,high,0,North Synthshire\n");
  g_autofree char *second = write_file ("second.csv",
    HEADER
    "SYN-I1,2026-01-05,SYN-P1,\"Testington, Bravo\",1980-02-03,SYN-V1,\"Mockridge, Alfa\",,ex_partner,abh,high,0,North Synthshire\n"
    "SYN-I2,2026-02-05,SYN-P1,\"Testington, Bravo\",1980-02-03,SYN-V1,\"Mockridge, Alfa\",,ex_partner,stalking,,1,North Synthshire\n");
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
  g_autoptr(VigilStore) store = open_sqlite_store ();
  g_autofree char *path = write_file ("bad.csv",
    "\xEF\xBB\xBF" HEADER
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
    "\"SYN-I15\",2026-01-07 08:00,SYN-P1,,,,,,family,\"coercive_control\",medium,0,\"Examplevale, East\"\n");
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

static void
test_mapping (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) store = open_sqlite_store ();
  g_autofree char *mapping_path = write_file ("force.json",
    "{\"columns\": {\"incident_ref\": \"Occurrence\", \"occurred_at\": \"Date\","
    " \"perpetrator_ref\": \"Suspect ID\", \"perpetrator_name\": \"Suspect\", \"perpetrator_dob\": \"Suspect DOB\","
    " \"victim_ref\": \"Victim ID\", \"victim_name\": \"Victim\", \"victim_dob\": \"Victim DOB\","
    " \"relationship\": \"Relationship\", \"offence_code\": \"Offence\", \"dash_risk\": \"DASH\","
    " \"stalking\": \"Stalking\", \"area\": \"Sector\"},"
    " \"date_format\": \"dd/mm/yyyy\","
    " \"values\": {\"relationship\": {\"Partner\": \"intimate_partner\", \"Ex\": \"ex_partner\"},"
    "            \"offence_code\": {\"Assault ABH\": \"abh\"},"
    "            \"stalking\": {\"Y\": \"1\", \"N\": \"0\"},"
    "            \"dash_risk\": {\"H\": \"high\"}}}");
  g_autofree char *csv = write_file ("force.csv",
    "Occurrence,Date,Suspect ID,Suspect,Suspect DOB,Victim ID,Victim,Victim DOB,Relationship,Offence,DASH,Stalking,Sector\n"
    "F-1,31/12/2025 22:10,F-P1,\"Testington, Bravo\",03/02/1980,F-V1,\"Mockridge, Alfa\",,Partner,Assault ABH,H,N,North\n"
    "F-2,2025-12-31,F-P1,\"Testington, Bravo\",03/02/1980,F-V1,\"Mockridge, Alfa\",,Ex,Assault ABH,,Y,North\n"
    "F-3,01/01/2026,F-P1,\"Testington, Bravo\",03/02/1980,F-V1,\"Mockridge, Alfa\",,Lodger,Assault ABH,,N,North\n");
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
  g_autoptr(VigilStore) store = open_sqlite_store ();
  g_autofree char *path = write_file ("dupes.csv",
    HEADER
    "SYN-I1,2026-01-05,SYN-P1,\"Testington, Bravo\",1980-02-03,,,,ex_partner,abh,,0,\n"
    "SYN-I2,2026-01-06,SYN-P2,\"TESTINGTON,  bravo\",1980-02-03,,,,ex_partner,abh,,0,\n"
    "SYN-I3,2026-01-07,SYN-P3,\"Testington, Bravo\",1981-02-03,,,,ex_partner,abh,,0,\n");
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
  g_autoptr(VigilStore) store = open_sqlite_store ();
  g_autofree char *real = write_file ("real.csv",
    HEADER
    "R-1,2026-01-05,R-P1,\"Smith, John\",1980-02-03,,,,ex_partner,abh,,0,\n");
  g_autofree char *synthetic = write_synthetic (50, 3);
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
  g_autoptr(VigilStore) store = open_sqlite_store ();
  g_autofree char *path = write_synthetic (20000, 5);
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

/* A killed import leaves the store as before the batch or with the whole batch. */
static void
test_killed_midway (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = vigil_test_make_tmpdir ();
  g_autofree char *db = g_build_filename (dir, "killed.db", NULL);
  g_autofree char *cli = g_build_filename (g_getenv ("VIGIL_BUILD_ROOT"), "app", "cli", "vigil-cli", NULL);
  g_autofree char *path = write_synthetic (60000, 9);
  g_autoptr(VigilLocation) location = vigil_location_new_sqlite (db);
  g_autoptr(VigilStore) store = NULL;
  g_autoptr(VigilImportReport) report = NULL;
  const char *argv[] = { cli, "--database", db, "import", path, NULL };
  GPid pid;
  int wait_status = 0;
  gint64 incidents;

  /* an empty store first, so the child only imports */
  store = vigil_store_open (location, VIGIL_STORE_OPEN_CREATE, NULL, &error);
  g_assert_no_error (error);
  vigil_store_close (store);
  g_clear_object (&store);

  g_spawn_async (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL,
                 NULL, NULL, &pid, &error);
  g_assert_no_error (error);
  g_usleep (G_USEC_PER_SEC / 2);
  kill (pid, SIGKILL);
  waitpid (pid, &wait_status, 0);
  g_spawn_close_pid (pid);
  g_assert_true (WIFSIGNALED (wait_status));

  store = vigil_store_open (location, VIGIL_STORE_OPEN_NONE, NULL, &error);
  g_assert_no_error (error);
  incidents = count (store, "SELECT COUNT(*) FROM incident");
  g_test_message ("incidents after the kill: %" G_GINT64_FORMAT, incidents);
  g_assert_true (incidents == 0 || incidents == 60000);
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM import_batch WHERE status <> 'complete'"), ==, 0);
  g_assert_true (vigil_audit_verify (store, NULL, &error));
  g_assert_no_error (error);

  /* and importing again completes the batch */
  report = vigil_import_incidents (store, path, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM incident"), ==, 60000);
}

static void
test_missing_and_empty_files (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) store = open_sqlite_store ();
  g_autofree char *empty = write_file ("empty.csv", "");
  g_autoptr(VigilImportReport) report = vigil_import_incidents (store, "/nonexistent/incidents.csv", NULL, NULL, NULL, NULL, &error);

  g_assert_null (report);
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_clear_error (&error);

  report = vigil_import_incidents (store, empty, NULL, NULL, NULL, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, VIGIL_IMPORT_ERROR, VIGIL_IMPORT_ERROR_HEADER);
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
  g_test_add_func ("/import/mapping", test_mapping);
  g_test_add_func ("/import/mapping-errors", test_mapping_errors);
  g_test_add_func ("/import/possible-duplicates", test_possible_duplicates);
  g_test_add_func ("/import/names-normalised", test_names_normalised);
  g_test_add_func ("/import/demo-store-refuses-real-names", test_demo_store_refuses_real_names);
  g_test_add_func ("/import/cancelled", test_cancelled);
  g_test_add_func ("/import/killed-midway", test_killed_midway);
  g_test_add_func ("/import/missing-and-empty-files", test_missing_and_empty_files);

  return g_test_run ();
}
