/* test-flag-import.c: importing partner-agency information (agency flags) from CSV
 *
 * Runs on SQLite, and on PostgreSQL in the pg suite (VIGIL_TEST_ENGINE=postgresql).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <gio/gio.h>

#include "vigil-test-store.h"

#define HEADER "person_ref,person_name,person_dob,person_pnc,agency,concern,reported_on,reported_by,isa_reference\n"

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
open_store (void)
{
  VigilStore *store = vigil_test_open_store ();

  vigil_store_set_actor (store, "Flag Tester (tester)");
  return store;
}

static gint64
add_person (VigilStore *store,
            const char *ref,
            const char *surname,
            const char *forenames)
{
  g_autoptr(VigilPerson) person = vigil_person_new ();
  g_autoptr(GError) error = NULL;

  person->surname = g_strdup (surname);
  person->forenames = g_strdup (forenames);
  person->local_ref = g_strdup (ref);
  g_assert_true (vigil_store_insert (store, &vigil_person_type, person, &error));
  g_assert_no_error (error);
  return person->record.id;
}

static void
add_incident (VigilStore *store,
              const char *ref,
              gint64      perpetrator_id,
              gint64      victim_id)
{
  g_autoptr(VigilIncident) incident = vigil_incident_new ();
  g_autoptr(GError) error = NULL;

  incident->source = g_strdup ("police");
  incident->source_ref = g_strdup (ref);
  incident->occurred_at = g_strdup ("2025-05-01");
  incident->perpetrator_id = perpetrator_id;
  incident->victim_id = victim_id;
  incident->relationship = g_strdup ("ex_partner");
  incident->offence_code = g_strdup ("harassment");
  g_assert_true (vigil_store_insert (store, &vigil_incident_type, incident, &error));
  g_assert_no_error (error);
}

static VigilAgencyFlag *
only_flag_of (VigilStore *store,
              gint64      person_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) flags = vigil_store_list (store, &vigil_agency_flag_type, "person_id", person_id, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (flags->len, ==, 1);
  return vigil_record_copy (&vigil_agency_flag_type, g_ptr_array_index (flags, 0));
}

static VigilPerson *
person_by_ref (VigilStore *store,
               const char *ref)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = vigil_store_list_by_text (store, &vigil_person_type, "local_ref", ref, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, 1);
  return vigil_record_copy (&vigil_person_type, g_ptr_array_index (people, 0));
}

static char *
dup_tomorrow (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) tomorrow = g_date_time_add_days (now, 1);

  return g_date_time_format (tomorrow, "%Y-%m-%d");
}

/* A byte-order mark, CRLF line ends, quoted fields, codes and labels in any case; people
 * matched and created; the people with no incident as a perpetrator listed. */
static void
test_good_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) store = open_store ();
  g_autoptr(VigilFlagImportReport) report = NULL;
  g_autoptr(VigilAgencyFlag) flag = NULL;
  g_autoptr(VigilPerson) created = NULL;
  g_autoptr(VigilImportBatch) batch = NULL;
  g_autoptr(GPtrArray) audit = NULL;
  g_autofree char *path = NULL;
  gint64 perpetrator, victim, generation;
  gint64 audit_rows = 0;
  gboolean import_audited = FALSE;
  const char *expected_refs[] = { "SYN-F0001", "SYN-F0002", "SYN-F0003", "SYN-P0002", NULL };

  /* One perpetrator known to the police, one person known only as a victim */
  perpetrator = add_person (store, "SYN-P0001", "Testwood", "Alfa");
  victim = add_person (store, "SYN-P0002", "Mockford", "Bravo");
  add_incident (store, "SYN-I0001", perpetrator, victim);
  generation = vigil_store_get_facts_generation (store, &error);
  g_assert_no_error (error);

  path = vigil_test_write_file ("agency-flags.csv",
    "\xEF\xBB\xBF" "person_ref,person_name,person_dob,person_pnc,agency,concern,reported_on,reported_by,isa_reference\r\n"
    "SYN-P0001,\"Testwood, Alfa\",,,health,\"Attended A&E with bruising, said her partner is \"\"controlling\"\"\",2025-10-01,Synthshire NHS Trust,ISA-SYN-01\r\n"
    "SYN-F0001,\"Fakewick, Golf Hotel\",1985-03-04,SYN/00001X,Housing,Neighbours report shouting; tenancy warning,2025-09-12,Synth Homes,ISA-SYN-02\r\n"
    "SYN-F0001,,,,mental health,\"Disclosed thoughts of harming\r\nhis ex-partner\",2025-09-20,,ISA-SYN-03\r\n"
    "SYN-P0002,\"Mockford, Bravo\",,,CHILDRENS_SOCIAL_CARE,Child fears the mother's new partner,,,\r\n"
    "SYN-F0002,\"Samplewood, Kilo\",,,Children’s social care,School safeguarding referral,2025-08-01,,\r\n"
    "  SYN-F0003 ,\"Decoyton, Zulu\",,,  substance_misuse  ,Drinking and threats at the service,2025-07-15,,\r\n",
    -1);

  report = vigil_import_agency_flags (store, path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  g_assert_false (report->already_imported);
  for (guint i = 0; i < report->rejections->len; i++)
    g_test_message ("rejected: %s", ((VigilImportProblem *) g_ptr_array_index (report->rejections, i))->reason);
  g_assert_cmpuint (report->rows_total, ==, 6);
  g_assert_cmpuint (report->rows_imported, ==, 6);
  g_assert_cmpuint (report->rows_rejected, ==, 0);
  g_assert_cmpuint (report->rows_duplicate, ==, 0);
  g_assert_cmpuint (report->rejections->len, ==, 0);
  g_assert_cmpuint (report->people_created, ==, 3);
  g_assert_cmpuint (report->people_matched, ==, 2);
  g_assert_cmpstrv (report->no_incident_refs, expected_refs);

  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM agency_flag"), ==, 6);
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM person"), ==, 5);

  /* The fields, unescaped and trimmed; codes for labels */
  flag = only_flag_of (store, perpetrator);
  g_assert_cmpstr (flag->agency, ==, "health");
  g_assert_cmpstr (flag->concern, ==, "Attended A&E with bruising, said her partner is \"controlling\"");
  g_assert_cmpstr (flag->reported_on, ==, "2025-10-01");
  g_assert_cmpstr (flag->reported_by, ==, "Synthshire NHS Trust");
  g_assert_cmpstr (flag->isa_reference, ==, "ISA-SYN-01");
  g_assert_cmpint (flag->batch_id, ==, report->batch_id);
  g_clear_pointer (&flag, vigil_agency_flag_free);

  flag = only_flag_of (store, victim);
  g_assert_cmpstr (flag->agency, ==, "childrens_social_care");
  g_assert_null (flag->reported_on);
  g_clear_pointer (&flag, vigil_agency_flag_free);

  created = person_by_ref (store, "SYN-F0001");
  g_assert_cmpstr (created->surname, ==, "Fakewick");
  g_assert_cmpstr (created->forenames, ==, "Golf Hotel");
  g_assert_cmpstr (created->dob, ==, "1985-03-04");
  g_assert_cmpstr (created->pnc_id, ==, "SYN/00001X");
  {
    g_autoptr(GPtrArray) flags = vigil_store_list (store, &vigil_agency_flag_type, "person_id",
                                                   created->record.id, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (flags->len, ==, 2);
    flag = vigil_record_copy (&vigil_agency_flag_type, g_ptr_array_index (flags, 1));
    g_assert_cmpstr (flag->agency, ==, "mental_health");
    g_assert_cmpstr (flag->concern, ==, "Disclosed thoughts of harming\r\nhis ex-partner");
    g_assert_null (flag->reported_by);
    g_clear_pointer (&flag, vigil_agency_flag_free);
  }
  g_clear_pointer (&created, vigil_person_free);

  created = person_by_ref (store, "SYN-F0002");
  flag = only_flag_of (store, created->record.id);
  g_assert_cmpstr (flag->agency, ==, "childrens_social_care");
  g_clear_pointer (&flag, vigil_agency_flag_free);
  g_clear_pointer (&created, vigil_person_free);

  created = person_by_ref (store, "SYN-F0003");
  g_assert_cmpstr (created->surname, ==, "Decoyton");
  flag = only_flag_of (store, created->record.id);
  g_assert_cmpstr (flag->agency, ==, "substance_misuse");
  g_clear_pointer (&flag, vigil_agency_flag_free);

  /* The batch, complete, with its counts */
  batch = vigil_store_fetch (store, &vigil_import_batch_type, report->batch_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (batch->kind, ==, "agency_flags");
  g_assert_cmpstr (batch->status, ==, "complete");
  g_assert_cmpstr (batch->file_name, ==, "agency-flags.csv");
  g_assert_cmpuint (strlen (batch->sha256), ==, 64);
  g_assert_cmpint (batch->rows_total, ==, 6);
  g_assert_cmpint (batch->rows_imported, ==, 6);
  g_assert_cmpstr (batch->imported_by, ==, "Flag Tester (tester)");
  g_assert_nonnull (batch->finished_at);

  /* Audited, chain intact; new references bump the facts generation */
  g_assert_true (vigil_audit_verify (store, &audit_rows, &error));
  g_assert_no_error (error);
  audit = vigil_audit_list (store, 0, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < audit->len; i++)
    {
      VigilAuditEntry *entry = g_ptr_array_index (audit, i);

      if (g_str_equal (entry->action, "import"))
        {
          import_audited = TRUE;
          g_assert_cmpstr (entry->actor, ==, "Flag Tester (tester)");
          g_assert_cmpint (entry->entity_id, ==, report->batch_id);
          g_assert_nonnull (strstr (entry->detail, "\"imported\":6"));
        }
    }
  g_assert_true (import_audited);
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM audit WHERE entity = 'agency_flag' AND action = 'create'"), ==, 6);
  g_assert_cmpint (vigil_store_get_facts_generation (store, &error), >, generation);
}

typedef struct
{
  guint       line;
  const char *field;   /* NULL: the whole row */
  const char *says;    /* part of the reason */
} Expected;

static void
test_bad_rows (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) store = open_store ();
  g_autoptr(VigilFlagImportReport) report = NULL;
  g_autoptr(GPtrArray) stored = NULL;
  g_autofree char *tomorrow = dup_tomorrow ();
  g_autofree char *contents = NULL;
  g_autofree char *path = NULL;
  static const Expected expected[] = {
    { 2, "person_ref", "reference is missing" },
    { 3, "agency", "unknown agency “police”" },
    { 4, "agency", "agency is missing" },
    { 5, "concern", "concern is missing" },
    { 6, "reported_on", "not a date" },
    { 7, "reported_on", "in the future" },
    { 8, "person_dob", "not a date of birth" },
    { 9, "person_name", "needs a name" },
    { 10, "person_name", "no surname" },
    { 11, NULL, "10 fields" },
    { 12, NULL, "2 fields" },
    { 13, NULL, "UTF-8" },
    { 14, NULL, "quot" },
  };

  contents = g_strconcat (HEADER,
    ",\"Testwood, Alfa\",,,health,Concern,2025-01-01,,\n",                   /* 2 */
    "SYN-F0010,\"Testwood, Alfa\",,,police,Concern,2025-01-01,,\n",          /* 3 */
    "SYN-F0011,\"Testwood, Alfa\",,,,Concern,2025-01-01,,\n",                /* 4 */
    "SYN-F0012,\"Testwood, Alfa\",,,health,   ,2025-01-01,,\n",              /* 5 */
    "SYN-F0013,\"Testwood, Alfa\",,,health,Concern,01/02/2025,,\n",          /* 6 */
    "SYN-F0014,\"Testwood, Alfa\",,,health,Concern,", tomorrow, ",,\n",     /* 7 */
    "SYN-F0015,\"Testwood, Alfa\",1985-02-30,,health,Concern,2025-01-01,,\n",/* 8 */
    "SYN-F0016,,,,health,Concern,2025-01-01,,\n",                            /* 9 */
    "SYN-F0017,\", Alfa\",,,health,Concern,2025-01-01,,\n",                  /* 10 */
    "SYN-F0018,\"Testwood, Alfa\",,,health,Concern,2025-01-01,,,surplus\n",  /* 11 */
    "SYN-F0019,health\n",                                                    /* 12 */
    "SYN-F0020,\"Test\xFFwood, Alfa\",,,health,Concern,2025-01-01,,\n",      /* 13 */
    "SYN-F0021,\"Fakeley, \"Golf\",,,health,Concern,2025-01-01,,\n",         /* 14 */
    "SYN-F0022,\"Mockley, Echo\",,,health,Concern,2025-01-01,,\n",           /* 15: good */
    NULL);
  path = vigil_test_write_file ("bad-rows.csv", contents, -1);

  report = vigil_import_agency_flags (store, path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->rows_total, ==, 14);
  g_assert_cmpuint (report->rows_imported, ==, 1);
  g_assert_cmpuint (report->rows_rejected, ==, G_N_ELEMENTS (expected));
  g_assert_cmpuint (report->rejections->len, ==, G_N_ELEMENTS (expected));
  g_assert_cmpuint (report->people_created, ==, 1);
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM person"), ==, 1);
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM agency_flag"), ==, 1);

  stored = vigil_store_list (store, &vigil_import_rejection_type, "batch_id", report->batch_id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stored->len, ==, G_N_ELEMENTS (expected));

  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      VigilImportProblem *problem = g_ptr_array_index (report->rejections, i);
      VigilImportRejection *rejection = g_ptr_array_index (stored, i);

      g_test_message ("line %" G_GUINT64_FORMAT ", %s: %s", problem->line,
                      problem->field ? problem->field : "(row)", problem->reason);
      g_assert_cmpuint (problem->line, ==, expected[i].line);
      g_assert_cmpstr (problem->field, ==, expected[i].field);
      if (strstr (problem->reason, expected[i].says) == NULL)
        g_error ("line %u says “%s”, expected “%s”", expected[i].line, problem->reason, expected[i].says);

      /* kept in the batch with the row's text (bytes that are not UTF-8 as \xHH) */
      g_assert_cmpint (rejection->line_number, ==, expected[i].line);
      g_assert_cmpstr (rejection->field, ==, expected[i].field);
      g_assert_cmpstr (rejection->reason, ==, problem->reason);
      g_assert_cmpstr (rejection->raw_text, ==, problem->raw_text);
      g_assert_true (g_utf8_validate (problem->raw_text, -1, NULL));
    }
  g_assert_nonnull (strstr (((VigilImportProblem *) g_ptr_array_index (report->rejections, 11))->raw_text,
                            "Test\\xFFwood"));
  g_assert_nonnull (strstr (((VigilImportProblem *) g_ptr_array_index (report->rejections, 1))->raw_text,
                            "SYN-F0010,\"Testwood, Alfa\",,,police"));

  /* the good row after the bad ones */
  {
    g_autoptr(VigilPerson) person = person_by_ref (store, "SYN-F0022");
    g_autoptr(VigilAgencyFlag) flag = only_flag_of (store, person->record.id);

    g_assert_cmpstr (flag->agency, ==, "health");
  }
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM import_batch WHERE rows_rejected = 13 AND status = 'complete'"), ==, 1);
}

/* The same file adds nothing; a row equal to a flag in the store (same person, agency,
 * concern and date) is counted as a duplicate, in the same file or a later one. */
static void
test_idempotent (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) store = open_store ();
  g_autoptr(VigilFlagImportReport) first = NULL;
  g_autoptr(VigilFlagImportReport) again = NULL;
  g_autoptr(VigilFlagImportReport) later = NULL;
  g_autofree char *path = NULL;
  g_autofree char *later_path = NULL;
  const char *rows =
    HEADER
    "SYN-F0100,\"Fakeworth, Oscar\",,,housing,Rent arrears and threats to a neighbour,2025-03-01,Synth Homes,ISA-SYN-09\n"
    "SYN-F0100,\"Fakeworth, Oscar\",,,housing,Rent arrears and threats to a neighbour,2025-03-01,Synth Homes,ISA-SYN-09\n"
    "SYN-F0101,\"Proxyford, Papa\",,,health,Repeated injuries to partner,,,\n";

  path = vigil_test_write_file ("flags-march.csv", rows, -1);
  first = vigil_import_agency_flags (store, path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->rows_total, ==, 3);
  g_assert_cmpuint (first->rows_imported, ==, 2);
  g_assert_cmpuint (first->rows_duplicate, ==, 1);
  g_assert_cmpuint (first->people_created, ==, 2);

  /* the same file */
  again = vigil_import_agency_flags (store, path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (again->already_imported);
  g_assert_cmpint (again->batch_id, ==, first->batch_id);
  g_assert_cmpuint (again->rows_imported, ==, 0);
  g_assert_nonnull (again->no_incident_refs);
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM agency_flag"), ==, 2);
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM import_batch"), ==, 1);

  /* a later extract repeats those rows: a different reporter does not make a new
   * flag, a different date or agency does */
  later_path = vigil_test_write_file ("flags-april.csv",
    HEADER
    "SYN-F0100,\"Fakeworth, Oscar\",,,housing,Rent arrears and threats to a neighbour,2025-03-01,Synth Homes (area office),\n"
    "SYN-F0101,,,,health,Repeated injuries to partner,,,\n"
    "SYN-F0101,,,,health,Repeated injuries to partner,2025-04-02,,\n"
    "SYN-F0101,,,,mental_health,Repeated injuries to partner,,,\n",
    -1);
  later = vigil_import_agency_flags (store, later_path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (later->already_imported);
  g_assert_cmpuint (later->rows_imported, ==, 2);
  g_assert_cmpuint (later->rows_duplicate, ==, 2);
  g_assert_cmpuint (later->people_created, ==, 0);
  g_assert_cmpuint (later->people_matched, ==, 2);
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM agency_flag"), ==, 4);
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM person"), ==, 2);
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM import_batch WHERE kind = 'agency_flags'"), ==, 2);
}

/* Only people with no incident as a perpetrator are candidates; a merged person's flag
 * goes to the person kept. */
static void
test_candidates_and_merges (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) store = open_store ();
  g_autoptr(VigilFlagImportReport) report = NULL;
  g_autoptr(VigilAgencyFlag) flag = NULL;
  g_autofree char *path = NULL;
  g_autofree char *merge_sql = NULL;
  gint64 kept, merged, quiet, known;
  const char *expected_refs[] = { "SYN-P0203", "SYN-P0204", NULL };

  /* The store records merges from migration 0004 on; add the column to an older
   * schema so that the path is tested either way. */
  if (count (store, vigil_test_engine_is_pg ()
                      ? "SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = current_schema() "
                        "AND table_name = 'person' AND column_name = 'merged_into'"
                      : "SELECT COUNT(*) FROM pragma_table_info('person') WHERE name = 'merged_into'") == 0)
    {
      g_assert_true (vigil_store_execute (store, "ALTER TABLE person ADD COLUMN merged_into BIGINT", NULL, 0, NULL, &error));
      g_assert_no_error (error);
    }

  kept = add_person (store, "SYN-P0200", "Shamley", "Romeo");
  merged = add_person (store, "SYN-P0201", "Shamly", "Romeo");
  known = add_person (store, "SYN-P0202", "Bogusford", "Tango");
  quiet = add_person (store, "SYN-P0203", "Hoaxwell", "Victor");
  add_incident (store, "SYN-I0200", kept, 0);
  add_incident (store, "SYN-I0201", known, 0);
  /* a victim only: unknown to the police as a perpetrator */
  add_incident (store, "SYN-I0202", known, quiet);
  merge_sql = g_strdup_printf ("UPDATE person SET merged_into = %" G_GINT64_FORMAT " WHERE id = %" G_GINT64_FORMAT,
                               kept, merged);
  g_assert_true (vigil_store_execute (store, merge_sql, NULL, 0, NULL, &error));
  g_assert_no_error (error);

  path = vigil_test_write_file ("candidates.csv",
    HEADER
    "SYN-P0201,\"Shamly, Romeo\",,,probation,Breached contact conditions,2025-06-01,,\n"
    "SYN-P0200,,,,probation,Breached contact conditions,2025-06-01,,\n"
    "SYN-P0202,,,,education,Child reports violence at home,2025-06-02,,\n"
    "SYN-P0203,,,,other,Refuge reports stalking of a new partner,2025-06-03,,\n"
    "SYN-P0204,\"Quasiwright, Whiskey\",,,health,GP concern about coercive control,2025-06-04,,\n",
    -1);
  report = vigil_import_agency_flags (store, path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->rows_imported, ==, 4);
  g_assert_cmpuint (report->rows_duplicate, ==, 1);  /* the merged person's row, again */
  g_assert_cmpuint (report->people_created, ==, 1);
  g_assert_cmpuint (report->people_matched, ==, 3);
  g_assert_cmpstrv (report->no_incident_refs, expected_refs);

  flag = only_flag_of (store, kept);
  g_assert_cmpstr (flag->agency, ==, "probation");
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM agency_flag WHERE person_id NOT IN "
                                 "(SELECT id FROM person WHERE merged_into IS NULL)"), ==, 0);
}

static void
cancel_on_progress_cb (double   fraction,
                       guint64  rows,
                       gpointer user_data)
{
  GCancellable *cancellable = user_data;

  if (fraction < 1.0)
    g_cancellable_cancel (cancellable);
}

/* Cancelled midway: nothing is kept, and the file can be imported afterwards. */
static void
test_cancelled (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) store = open_store ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(VigilFlagImportReport) report = NULL;
  g_autoptr(GString) contents = g_string_new (HEADER);
  g_autofree char *path = NULL;
  gint64 audit_before;

  add_person (store, "SYN-P0300", "Nonceby", "Yankee");
  audit_before = count (store, "SELECT COUNT(*) FROM audit");
  for (guint i = 0; i < 40; i++)
    g_string_append_printf (contents, "SYN-F%04u,\"Ersatzdale, Lima\",,,housing,Concern %u,2025-02-01,,\n%s",
                            400 + i, i, i == 5 ? "SYN-F0999,bad\n" : "");
  path = vigil_test_write_file ("cancelled.csv", contents->str, contents->len);

  report = vigil_import_agency_flags (store, path, cancel_on_progress_cb, cancellable, cancellable, &error);
  g_assert_null (report);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM agency_flag"), ==, 0);
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM person"), ==, 1);
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM import_batch"), ==, 0);
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM import_rejection"), ==, 0);
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM audit"), ==, audit_before);
  g_assert_true (vigil_audit_verify (store, NULL, &error));
  g_assert_no_error (error);

  /* Cancelled before it starts: the same */
  report = vigil_import_agency_flags (store, path, NULL, NULL, cancellable, &error);
  g_assert_null (report);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  report = vigil_import_agency_flags (store, path, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_false (report->already_imported);
  g_assert_cmpuint (report->rows_imported, ==, 40);
  g_assert_cmpuint (report->rows_rejected, ==, 1);
}

static void
test_demo_store_refuses_real_names (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) store = open_store ();
  g_autoptr(VigilFlagImportReport) refused = NULL;
  g_autoptr(VigilFlagImportReport) accepted = NULL;
  g_autofree char *real = vigil_test_write_file ("real.csv",
    HEADER
    "SYN-F0500,\"Fakeley, Mike\",,,health,Concern,2025-01-01,,\n"
    "R-1,\"Smith, John\",1980-02-03,,health,Concern,2025-01-01,,\n",
    -1);
  g_autofree char *synthetic = vigil_test_write_file ("synthetic.csv",
    HEADER
    "SYN-F0500,\"Fakeley, Mike\",,,health,Concern,2025-01-01,,\n",
    -1);

  g_assert_true (vigil_store_mark_demo (store, &error));
  g_assert_no_error (error);

  refused = vigil_import_agency_flags (store, real, NULL, NULL, NULL, &error);
  g_assert_null (refused);
  g_assert_error (error, VIGIL_IMPORT_ERROR, VIGIL_IMPORT_ERROR_DEMO);
  g_assert_nonnull (strstr (error->message, "line 3"));
  g_clear_error (&error);
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM person"), ==, 0);
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM agency_flag"), ==, 0);
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM import_batch"), ==, 0);

  accepted = vigil_import_agency_flags (store, synthetic, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (accepted->rows_imported, ==, 1);
}

/* A header without a required column, an empty file and a missing file stop before
 * anything is written; optional columns may be left out. */
static void
test_header (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) store = open_store ();
  g_autoptr(VigilFlagImportReport) report = NULL;
  g_autofree char *no_concern = vigil_test_write_file ("no-concern.csv",
                                            "person_ref,person_name,agency,reported_on\nSYN-F0600,\"Fakeley, Mike\",health,2025-01-01\n", -1);
  g_autofree char *empty = vigil_test_write_file ("empty.csv", "", 0);
  g_autofree char *dir = vigil_test_make_tmpdir ();
  g_autofree char *missing = g_build_filename (dir, "missing.csv", NULL);
  g_autofree char *short_form = vigil_test_write_file ("short.csv",
                                            "agency,concern,person_ref\n"
                                            "health,Concern about a known person,SYN-P0600\n"
                                            "health,Concern about someone new,SYN-F0601\n",
                                            -1);

  report = vigil_import_agency_flags (store, no_concern, NULL, NULL, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, VIGIL_IMPORT_ERROR, VIGIL_IMPORT_ERROR_HEADER);
  g_assert_nonnull (strstr (error->message, "“concern”"));
  g_clear_error (&error);

  report = vigil_import_agency_flags (store, empty, NULL, NULL, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, VIGIL_IMPORT_ERROR, VIGIL_IMPORT_ERROR_HEADER);
  g_clear_error (&error);

  report = vigil_import_agency_flags (store, missing, NULL, NULL, NULL, &error);
  g_assert_null (report);
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM import_batch"), ==, 0);

  /* columns in another order, optional ones left out: a known person needs no name */
  add_person (store, "SYN-P0600", "Mimicshaw", "India");
  report = vigil_import_agency_flags (store, short_form, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (report->rows_imported, ==, 1);
  g_assert_cmpuint (report->rows_rejected, ==, 1);
  g_assert_cmpstr (((VigilImportProblem *) g_ptr_array_index (report->rejections, 0))->field, ==, "person_name");
  g_assert_cmpuint (((VigilImportProblem *) g_ptr_array_index (report->rejections, 0))->line, ==, 3);
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
  g_autoptr(GString) contents = g_string_new (HEADER);
  g_autofree char *path = NULL;
  GAsyncResult *slot = NULL;

  for (guint i = 0; i < 40; i++)
    g_string_append_printf (contents, "SYN-F%04u,\"Ersatzdale, Lima\",,,housing,Concern %u,2025-02-01,,\n",
                            700 + i, i);
  path = vigil_test_write_file ("async.csv", contents->str, contents->len);

  /* cancelled at its first report: rolled back */
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    AsyncProgress progress = { 0 };

    progress.cancel_on_report = cancellable;
    vigil_import_agency_flags_async (store, path, VIGIL_IMPORT_CALL_HOLD_AFTER_FIRST_REPORT,
                                     async_progress_cb, &progress, NULL, cancellable, call_done_cb, &slot);
    result = wait_for_result (&slot);
    g_assert_null (vigil_import_agency_flags_finish (store, result, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_clear_error (&error);
    g_assert_cmpint (count (store, "SELECT COUNT(*) FROM agency_flag"), ==, 0);
    g_assert_cmpint (count (store, "SELECT COUNT(*) FROM import_batch"), ==, 0);
    g_free (progress.last_message);
  }

  /* and then imported */
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(VigilFlagImportReport) report = NULL;

    vigil_import_agency_flags_async (store, path, VIGIL_IMPORT_CALL_NONE, NULL, NULL, NULL, NULL,
                                     call_done_cb, &slot);
    result = wait_for_result (&slot);
    report = vigil_import_agency_flags_finish (store, result, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (report->rows_imported, ==, 40);
    g_assert_cmpint (count (store, "SELECT COUNT(*) FROM agency_flag"), ==, 40);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  vigil_test_init_engine ();

  g_test_add_func ("/flag-import/good-file", test_good_file);
  g_test_add_func ("/flag-import/bad-rows", test_bad_rows);
  g_test_add_func ("/flag-import/idempotent", test_idempotent);
  g_test_add_func ("/flag-import/candidates-and-merges", test_candidates_and_merges);
  g_test_add_func ("/flag-import/cancelled", test_cancelled);
  g_test_add_func ("/flag-import/async", test_async);
  g_test_add_func ("/flag-import/demo-store-refuses-real-names", test_demo_store_refuses_real_names);
  g_test_add_func ("/flag-import/header", test_header);

  return g_test_run ();
}
