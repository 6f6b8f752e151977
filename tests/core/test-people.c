/* test-people.c: the cohort view's people, searched and paged by the database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "vigil-test-store.h"

static gint64
add_person (VigilStore *store,
            const char *surname,
            const char *forenames,
            const char *ref,
            const char *pnc)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilPerson) person = vigil_person_new ();

  person->surname = g_strdup (surname);
  person->forenames = g_strdup (forenames);
  person->local_ref = g_strdup (ref);
  person->pnc_id = g_strdup (pnc);
  g_assert_true (vigil_store_insert (store, &vigil_person_type, person, &error));
  g_assert_no_error (error);
  return person->record.id;
}

static void
add_incident (VigilStore *store,
              const char *ref,
              gint64      perpetrator,
              gint64      victim)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilIncident) incident = vigil_incident_new ();

  incident->source = g_strdup ("police");
  incident->source_ref = g_strdup (ref);
  incident->occurred_at = g_strdup ("2026-03-04");
  incident->perpetrator_id = perpetrator;
  incident->victim_id = victim;
  incident->relationship = g_strdup ("intimate_partner");
  incident->offence_code = g_strdup ("common_assault");
  g_assert_true (vigil_store_insert (store, &vigil_incident_type, incident, &error));
  g_assert_no_error (error);
}

static VigilStore *
open_people_store (void)
{
  g_autoptr(GError) error = NULL;
  VigilStore *store = vigil_test_open_store ();
  g_autoptr(VigilPersonAlias) alias = vigil_person_alias_new ();
  g_autoptr(VigilCohortEntry) entry = vigil_cohort_entry_new ();
  gint64 victim = add_person (store, "Victimonly", "Hidden", "SYN-V001", NULL);
  gint64 a = add_person (store, "Testington", "Bravo", "SYN-P001", "01/111111A");
  gint64 b = add_person (store, "Examplesson", "Tango Sierra", "SYN-P002", NULL);
  gint64 c = add_person (store, "Testington", "Alpha", "SYN-P003", NULL);
  gint64 d = add_person (store, "Percent_100%", "Zulu", "SYN-P004", NULL);
  gint64 referral = add_person (store, "Referredonly", "Echo", "SYN-P005", NULL);

  add_incident (store, "SYN-I001", a, victim);
  add_incident (store, "SYN-I002", a, victim);
  add_incident (store, "SYN-I003", b, victim);
  add_incident (store, "SYN-I004", c, 0);
  add_incident (store, "SYN-I005", d, 0);

  /* a stalking referral with no incident is in the list through its cohort entry */
  entry->person_id = referral;
  entry->status = g_strdup ("under_review");
  entry->route = g_strdup ("stalking_referral");
  entry->lead_agency = g_strdup ("police");
  g_assert_true (vigil_store_insert (store, &vigil_cohort_entry_type, entry, &error));

  alias->person_id = b;
  alias->alias = g_strdup ("Mockridge");
  g_assert_true (vigil_store_insert (store, &vigil_person_alias_type, alias, &error));
  g_assert_no_error (error);

  return store;
}

static char *
names_of (GPtrArray *people)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < people->len; i++)
    {
      g_autofree char *name = vigil_person_summary_dup_display_name (g_ptr_array_index (people, i));

      g_string_append_printf (names, "%s%s", i ? "; " : "", name);
    }
  return g_string_free (g_steal_pointer (&names), FALSE);
}

static void
check_search (VigilStore *store,
              const char *search,
              const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = vigil_people_list (store, search, 0, 100, &error);
  g_autofree char *names = NULL;

  g_assert_no_error (error);
  names = names_of (people);
  g_test_message ("search “%s”: %s", search ? search : "", names);
  g_assert_cmpstr (names, ==, expected);
  g_assert_cmpint (vigil_people_count (store, search, &error), ==, people->len);
}

static void
test_list_and_search (void)
{
  g_autoptr(VigilStore) store = open_people_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = NULL;
  VigilPersonSummary *first;

  /* victims who are nothing else are never listed */
  check_search (store, NULL, "Examplesson, Tango Sierra; Percent_100%, Zulu; Referredonly, Echo; "
                             "Testington, Alpha; Testington, Bravo");
  check_search (store, "", "Examplesson, Tango Sierra; Percent_100%, Zulu; Referredonly, Echo; "
                           "Testington, Alpha; Testington, Bravo");
  check_search (store, "victimonly", "");
  check_search (store, "testing", "Testington, Alpha; Testington, Bravo");
  check_search (store, "TESTINGTON bravo", "Testington, Bravo");
  check_search (store, "Testington, Alpha", "Testington, Alpha");
  check_search (store, "syn-p002", "Examplesson, Tango Sierra");
  check_search (store, "01/111111", "Testington, Bravo");
  check_search (store, "mockridge", "Examplesson, Tango Sierra");
  check_search (store, "%", "Percent_100%, Zulu");
  check_search (store, "_", "Percent_100%, Zulu");
  check_search (store, "nobody-has-this", "");

  people = vigil_people_list (store, "bravo", 0, 10, &error);
  first = g_ptr_array_index (people, 0);
  g_assert_cmpint (first->incident_count, ==, 2);
  g_assert_null (first->status);
  g_clear_pointer (&people, g_ptr_array_unref);

  people = vigil_people_list (store, "referredonly", 0, 10, &error);
  first = g_ptr_array_index (people, 0);
  g_assert_cmpstr (first->status, ==, "under_review");
  g_assert_cmpstr (first->route, ==, "stalking_referral");
  g_assert_cmpint (first->incident_count, ==, 0);
}

static void
test_paging (void)
{
  g_autoptr(VigilStore) store = open_people_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) page1 = vigil_people_list (store, NULL, 0, 2, &error);
  g_autoptr(GPtrArray) page2 = vigil_people_list (store, NULL, 2, 2, &error);
  g_autoptr(GPtrArray) page3 = vigil_people_list (store, NULL, 4, 2, &error);
  g_autofree char *n1 = names_of (page1);
  g_autofree char *n2 = names_of (page2);
  g_autofree char *n3 = names_of (page3);

  g_assert_no_error (error);
  g_assert_cmpstr (n1, ==, "Examplesson, Tango Sierra; Percent_100%, Zulu");
  g_assert_cmpstr (n2, ==, "Referredonly, Echo; Testington, Alpha");
  g_assert_cmpstr (n3, ==, "Testington, Bravo");
}

/* The referral dialog's search, off the main thread */

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

static void
test_search_async (void)
{
  g_autoptr(VigilStore) store = open_people_store ();
  g_autoptr(GError) error = NULL;
  GAsyncResult *slot = NULL;

  /* the total of everyone found, and the first few of them */
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(VigilPeopleSearch) found = NULL;
    g_autofree char *names = NULL;

    vigil_people_search_async (store, "testing", 1, NULL, call_done_cb, &slot);
    result = wait_for_result (&slot);
    found = vigil_people_search_finish (store, result, &error);
    g_assert_no_error (error);
    g_assert_cmpint (found->total, ==, 2);
    names = names_of (found->people);
    g_assert_cmpstr (names, ==, "Testington, Alpha");
  }
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(VigilPeopleSearch) found = NULL;

    vigil_people_search_async (store, "nobody-has-this", 8, NULL, call_done_cb, &slot);
    result = wait_for_result (&slot);
    found = vigil_people_search_finish (store, result, &error);
    g_assert_no_error (error);
    g_assert_cmpint (found->total, ==, 0);
    g_assert_cmpuint (found->people->len, ==, 0);
  }
  /* a superseded search is cancelled */
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();

    vigil_people_search_async (store, "testing", 8, cancellable, call_done_cb, &slot);
    g_cancellable_cancel (cancellable);
    result = wait_for_result (&slot);
    g_assert_null (vigil_people_search_finish (store, result, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_clear_error (&error);
  }
}

/* ------------------------------------------------------------------------------------
 * The cohort list: views, filters, sort, counts, trend, flags
 * ------------------------------------------------------------------------------------ */

static void
exec_sql (VigilStore *store,
          const char *sql)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (vigil_store_execute (store, sql, NULL, 0, NULL, &error));
  g_assert_no_error (error);
}

#define STAMP "'2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', 'test'"

static void
add_entry (VigilStore *store,
           gint64      person,
           const char *status,
           const char *route,
           const char *lead,
           const char *officer,
           const char *area,
           const char *next_review)
{
  g_autofree char *sql = g_strdup_printf (
    "INSERT INTO cohort_entry (created_at, updated_at, updated_by, person_id, status, route,"
    " lead_agency, lead_officer, area, next_review_on) VALUES (" STAMP ", %" G_GINT64_FORMAT
    ", '%s', '%s', %s%s%s, %s%s%s, '%s', %s%s%s)",
    person, status, route,
    lead ? "'" : "", lead ? lead : "NULL", lead ? "'" : "",
    officer ? "'" : "", officer ? officer : "NULL", officer ? "'" : "",
    area,
    next_review ? "'" : "", next_review ? next_review : "NULL", next_review ? "'" : "");

  exec_sql (store, sql);
}

static void
add_score (VigilStore *store,
           gint64      run,
           gint64      person,
           double      total,
           gint64      rank,
           gboolean    in_cohort)
{
  g_autofree char *sql = g_strdup_printf (
    "INSERT INTO score (run_id, person_id, total, rank, area, in_cohort) VALUES (%"
    G_GINT64_FORMAT ", %" G_GINT64_FORMAT ", %d, %" G_GINT64_FORMAT ", 'North', %d)",
    run, person, (int) total, rank, in_cohort ? 1 : 0);

  exec_sql (store, sql);
}

typedef struct
{
  VigilStore *store;
  gint64 a, b, c, d, referral;   /* from open_people_store() */
  gint64 e, f;                   /* managed, exited */
} CohortFixture;

/* Two runs. Run 2's candidates: Bravo (rank 1, 30, was 20), Alpha (rank 2, 25, was 28),
 * Zulu (rank 3, 12, new). Tango is scored but not a candidate. Entries: Echo under_review
 * (the referral), Foxtrot managed (police, overdue review), Golf exited then of_concern
 * (the latest counts), Tango of_concern; Bravo's old exited entry is not the latest: he
 * is under_review. */
static void
cohort_fixture (CohortFixture *fx)
{
  gint64 ids[5];

  fx->store = open_people_store ();
  for (int i = 0; i < 5; i++)
    {
      g_autofree char *ref = g_strdup_printf ("SYN-P00%d", i + 1);
      g_autoptr(GError) error = NULL;

      ids[i] = vigil_cohort_find_person (fx->store, ref, &error);
      g_assert_no_error (error);
    }
  fx->a = ids[0];
  fx->b = ids[1];
  fx->c = ids[2];
  fx->d = ids[3];
  fx->referral = ids[4];
  fx->e = add_person (fx->store, "Managedson", "Foxtrot", "SYN-P006", NULL);
  fx->f = add_person (fx->store, "Exitford", "Golf", "SYN-P007", NULL);

  exec_sql (fx->store, "INSERT INTO score_run (created_at, updated_at, updated_by, as_of)"
                       " VALUES (" STAMP ", '2026-09-01')");
  exec_sql (fx->store, "INSERT INTO score_run (created_at, updated_at, updated_by, as_of)"
                       " VALUES (" STAMP ", '2026-10-01')");
  add_score (fx->store, 1, fx->a, 20, 2, TRUE);
  add_score (fx->store, 1, fx->c, 28, 1, TRUE);
  add_score (fx->store, 2, fx->a, 30, 1, TRUE);
  add_score (fx->store, 2, fx->c, 25, 2, TRUE);
  add_score (fx->store, 2, fx->d, 12, 3, TRUE);
  add_score (fx->store, 2, fx->b, 5, 4, FALSE);

  add_entry (fx->store, fx->a, "exited", "rfgv", NULL, NULL, "North", NULL);
  add_entry (fx->store, fx->a, "under_review", "rfgv", "probation", "PO Synthetic", "North", "2026-12-01");
  add_entry (fx->store, fx->e, "managed", "agency_referral", "police", "DC Example", "South", "2026-10-15");
  add_entry (fx->store, fx->f, "exited", "rfgv", NULL, NULL, "South", NULL);
  add_entry (fx->store, fx->f, "of_concern", "professional_judgement", "police", NULL, "South", NULL);
  add_entry (fx->store, fx->b, "of_concern", "rfgv", NULL, NULL, "North", "2026-01-01");
  /* an exited person's old review date is no longer overdue */
  {
    gint64 h = add_person (fx->store, "Hotelby", "Hotel", "SYN-P008", NULL);

    add_entry (fx->store, h, "exited", "stalking_referral", NULL, NULL, "North", "2026-01-01");

  }

  /* flags: Bravo in MARAC and ViSOR with an order in force; Foxtrot's probation
   * section is stale (police's is fresh); Alpha's order has expired, his MAPPA closed */
  {
    g_autofree char *sql = g_strdup_printf (
      "INSERT INTO process_overlap (created_at, updated_at, updated_by, person_id, process, status)"
      " VALUES (" STAMP ", %1$" G_GINT64_FORMAT ", 'marac', 'active'),"
      " (" STAMP ", %2$" G_GINT64_FORMAT ", 'mappa', 'closed')", fx->a, fx->c);
    g_autofree char *visor = g_strdup_printf (
      "INSERT INTO decision (created_at, updated_at, updated_by, person_id, kind, decided_by,"
      " decided_on, rationale) VALUES (" STAMP ", %" G_GINT64_FORMAT ", 'visor', 'DI Synthetic',"
      " '2026-10-02', 'Synthetic rationale')", fx->a);
    /* MoPI: Bravo's newest review date (2026-10-30) is due; Foxtrot's older decision
     * was due but a newer one moved the review to 2036; Alpha's is due on the day */
    g_autofree char *mopi = g_strdup_printf (
      "INSERT INTO decision (created_at, updated_at, updated_by, person_id, kind, decided_by,"
      " decided_on, rationale, mopi_review_on) VALUES"
      " (" STAMP ", %1$" G_GINT64_FORMAT ", 'mopi_review', 'DI Synthetic', '2026-01-02', 'Synthetic', '2036-01-01'),"
      " (" STAMP ", %1$" G_GINT64_FORMAT ", 'mopi_review', 'DI Synthetic', '2026-02-02', 'Synthetic', '2026-10-30'),"
      " (" STAMP ", %2$" G_GINT64_FORMAT ", 'mopi_review', 'DI Synthetic', '2016-02-02', 'Synthetic', '2026-01-01'),"
      " (" STAMP ", %2$" G_GINT64_FORMAT ", 'mopi_review', 'DI Synthetic', '2026-03-02', 'Synthetic', '2036-03-01'),"
      " (" STAMP ", %3$" G_GINT64_FORMAT ", 'mopi_review', 'DI Synthetic', '2026-03-02', 'Synthetic', '2026-11-01')",
      fx->a, fx->e, fx->c);
    g_autofree char *plans = g_strdup_printf (
      "INSERT INTO plan (created_at, updated_at, updated_by, person_id) VALUES (" STAMP ", %"
      G_GINT64_FORMAT "), (" STAMP ", %" G_GINT64_FORMAT ")", fx->a, fx->c);

    exec_sql (fx->store, sql);
    exec_sql (fx->store, visor);
    exec_sql (fx->store, mopi);
    exec_sql (fx->store, plans);
  }
  exec_sql (fx->store, "INSERT INTO intervention (created_at, updated_at, updated_by, plan_id, option_code,"
                       " status, order_expires_on) SELECT " STAMP ", pl.id, 'dvpo', 'in_progress',"
                       " CASE WHEN pl.id = (SELECT MIN(id) FROM plan) THEN '2027-01-01' ELSE '2026-10-01' END"
                       " FROM plan pl");
  /* Hotel's plan: an intervention overdue (2026-10-20), a DAPO expiring within 28
   * days of 2026-11-01, a completed one overdue and an order expiring later: neither
   * of those counts */
  {
    g_autoptr(GError) error = NULL;
    gint64 h = vigil_cohort_find_person (fx->store, "SYN-P008", &error);
    g_autofree char *plan = g_strdup_printf (
      "INSERT INTO plan (created_at, updated_at, updated_by, person_id) VALUES (" STAMP ", %"
      G_GINT64_FORMAT ")", h);
    g_autofree char *interventions = g_strdup_printf (
      "INSERT INTO intervention (created_at, updated_at, updated_by, plan_id, option_code, status,"
      " due_on, order_expires_on) SELECT " STAMP ", pl.id, v.code, v.status, v.due_on, v.expires"
      " FROM plan pl, (SELECT 'respect_programme' AS code, 'in_progress' AS status, '2026-10-20' AS due_on,"
      " NULL AS expires UNION ALL SELECT 'dapo', 'agreed', NULL, '2026-11-29'"
      " UNION ALL SELECT 'drive_case_management', 'completed', '2026-09-01', NULL"
      " UNION ALL SELECT 'spo', 'in_progress', NULL, '2026-11-30') v WHERE pl.person_id = %"
      G_GINT64_FORMAT, h);

    g_assert_no_error (error);
    exec_sql (fx->store, plan);
    exec_sql (fx->store, interventions);
  }
  {
    g_autofree char *sql = g_strdup_printf (
      "INSERT INTO agency_section (created_at, updated_at, updated_by, person_id, agency, provided_on)"
      " VALUES (" STAMP ", %" G_GINT64_FORMAT ", 'probation', '2026-01-10'),"
      " (" STAMP ", %" G_GINT64_FORMAT ", 'police', '2026-10-20')", fx->e, fx->e);

    exec_sql (fx->store, sql);
  }
}

static void
init_query (VigilPeopleQuery *query,
            VigilPeopleView   view)
{
  memset (query, 0, sizeof *query);
  query->view = view;
  query->sort = VIGIL_PEOPLE_SORT_NAME;
  query->today = "2026-11-01";
  query->fresh_days = 180;
}

static char *
query_names (VigilStore             *store,
             const VigilPeopleQuery *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = vigil_people_query_list (store, query, 0, 100, &error);
  gint64 count;

  g_assert_no_error (error);
  g_assert_nonnull (people);
  count = vigil_people_query_count (store, query, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count, ==, people->len);
  return names_of (people);
}

#define CHECK(query, expected) G_STMT_START { \
    g_autofree char *names_ = query_names (fx.store, (query)); \
    g_assert_cmpstr (names_, ==, (expected)); \
  } G_STMT_END

static void
test_cohort_views (void)
{
  CohortFixture fx;
  VigilPeopleQuery q;

  cohort_fixture (&fx);

  init_query (&q, VIGIL_PEOPLE_VIEW_CANDIDATES);
  CHECK (&q, "Percent_100%, Zulu; Testington, Alpha; Testington, Bravo");
  init_query (&q, VIGIL_PEOPLE_VIEW_MANAGED);
  CHECK (&q, "Managedson, Foxtrot; Referredonly, Echo; Testington, Bravo");
  init_query (&q, VIGIL_PEOPLE_VIEW_OF_CONCERN);
  CHECK (&q, "Examplesson, Tango Sierra; Exitford, Golf");
  init_query (&q, VIGIL_PEOPLE_VIEW_EXITED);
  CHECK (&q, "Hotelby, Hotel");
  init_query (&q, VIGIL_PEOPLE_VIEW_ALL);
  CHECK (&q, "Examplesson, Tango Sierra; Exitford, Golf; Hotelby, Hotel; Managedson, Foxtrot; "
             "Percent_100%, Zulu; Referredonly, Echo; Testington, Alpha; Testington, Bravo");
  /* everyone: as vigil_people_list(), with scores and flags */
  init_query (&q, VIGIL_PEOPLE_VIEW_EVERYONE);
  CHECK (&q, "Examplesson, Tango Sierra; Exitford, Golf; Hotelby, Hotel; Managedson, Foxtrot; "
             "Percent_100%, Zulu; Referredonly, Echo; Testington, Alpha; Testington, Bravo");
  q.search = "victimonly";
  CHECK (&q, "");

  g_clear_object (&fx.store);
}

static void
test_cohort_filters (void)
{
  CohortFixture fx;
  VigilPeopleQuery q;

  cohort_fixture (&fx);

  init_query (&q, VIGIL_PEOPLE_VIEW_MANAGED);
  q.status = "managed";
  CHECK (&q, "Managedson, Foxtrot");
  init_query (&q, VIGIL_PEOPLE_VIEW_ALL);
  q.route = "rfgv";
  CHECK (&q, "Examplesson, Tango Sierra; Testington, Bravo");
  init_query (&q, VIGIL_PEOPLE_VIEW_ALL);
  q.area = "South";
  CHECK (&q, "Exitford, Golf; Managedson, Foxtrot");
  /* with no entry the latest score's area counts */
  init_query (&q, VIGIL_PEOPLE_VIEW_CANDIDATES);
  q.area = "North";
  CHECK (&q, "Percent_100%, Zulu; Testington, Alpha; Testington, Bravo");

  init_query (&q, VIGIL_PEOPLE_VIEW_ALL);
  q.flags = VIGIL_PERSON_FLAG_OTHER_PROCESS;
  CHECK (&q, "Testington, Bravo");
  q.flags = VIGIL_PERSON_FLAG_VISOR | VIGIL_PERSON_FLAG_ORDER;
  CHECK (&q, "Testington, Bravo");
  q.flags = VIGIL_PERSON_FLAG_ORDER;
  CHECK (&q, "Hotelby, Hotel; Testington, Bravo");
  q.flags = VIGIL_PERSON_FLAG_OVERDUE;
  CHECK (&q, "Hotelby, Hotel");
  /* Bravo's order expires on 2027-01-01, Alpha's expired: only Hotel's DAPO, on the 28th day */
  q.flags = VIGIL_PERSON_FLAG_ORDER_EXPIRING;
  CHECK (&q, "Hotelby, Hotel");
  q.flags = VIGIL_PERSON_FLAG_ORDER_EXPIRING | VIGIL_PERSON_FLAG_OVERDUE;
  CHECK (&q, "Hotelby, Hotel");
  q.flags = VIGIL_PERSON_FLAG_STALE;
  CHECK (&q, "Managedson, Foxtrot");
  q.flags = VIGIL_PERSON_FLAG_REVIEW_OVERDUE;
  CHECK (&q, "Examplesson, Tango Sierra; Managedson, Foxtrot");
  q.flags = VIGIL_PERSON_FLAG_STALE | VIGIL_PERSON_FLAG_VISOR;
  CHECK (&q, "");
  q.flags = VIGIL_PERSON_FLAG_MOPI_DUE;
  CHECK (&q, "Testington, Alpha; Testington, Bravo");
  /* a looser freshness limit: nothing stale */
  q.flags = VIGIL_PERSON_FLAG_STALE;
  q.fresh_days = 365;
  CHECK (&q, "");

  /* search over names, aliases and references within a view */
  init_query (&q, VIGIL_PEOPLE_VIEW_OF_CONCERN);
  q.search = "mockridge";
  CHECK (&q, "Examplesson, Tango Sierra");
  q.search = "syn-p007";
  CHECK (&q, "Exitford, Golf");
  init_query (&q, VIGIL_PEOPLE_VIEW_CANDIDATES);
  q.search = "testington";
  CHECK (&q, "Testington, Alpha; Testington, Bravo");
  q.search = "01/111111a";
  CHECK (&q, "Testington, Bravo");

  g_clear_object (&fx.store);
}

static void
test_cohort_sort_and_trend (void)
{
  CohortFixture fx;
  VigilPeopleQuery q;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = NULL;
  VigilPersonSummary *row;

  cohort_fixture (&fx);

  init_query (&q, VIGIL_PEOPLE_VIEW_CANDIDATES);
  q.sort = VIGIL_PEOPLE_SORT_RANK;
  CHECK (&q, "Testington, Bravo; Testington, Alpha; Percent_100%, Zulu");
  q.descending = TRUE;
  CHECK (&q, "Percent_100%, Zulu; Testington, Alpha; Testington, Bravo");
  q.descending = FALSE;
  q.sort = VIGIL_PEOPLE_SORT_SCORE;
  CHECK (&q, "Percent_100%, Zulu; Testington, Alpha; Testington, Bravo");
  /* no previous score: no trend, last either way */
  q.sort = VIGIL_PEOPLE_SORT_TREND;
  CHECK (&q, "Testington, Alpha; Testington, Bravo; Percent_100%, Zulu");
  q.descending = TRUE;
  CHECK (&q, "Testington, Bravo; Testington, Alpha; Percent_100%, Zulu");

  init_query (&q, VIGIL_PEOPLE_VIEW_ALL);
  q.sort = VIGIL_PEOPLE_SORT_STATUS;
  CHECK (&q, "Hotelby, Hotel; Managedson, Foxtrot; Examplesson, Tango Sierra; Exitford, Golf; "
             "Referredonly, Echo; Testington, Bravo; Percent_100%, Zulu; Testington, Alpha");
  q.sort = VIGIL_PEOPLE_SORT_LEAD;
  CHECK (&q, "Managedson, Foxtrot; Exitford, Golf; Referredonly, Echo; Testington, Bravo; "
             "Examplesson, Tango Sierra; Hotelby, Hotel; Percent_100%, Zulu; Testington, Alpha");
  q.sort = VIGIL_PEOPLE_SORT_NEXT_REVIEW;
  q.view = VIGIL_PEOPLE_VIEW_MANAGED;
  CHECK (&q, "Managedson, Foxtrot; Testington, Bravo; Referredonly, Echo");
  q.sort = VIGIL_PEOPLE_SORT_ROUTE;
  CHECK (&q, "Managedson, Foxtrot; Testington, Bravo; Referredonly, Echo");
  /* Bravo: other process, ViSOR, order, MoPI review due (39); Foxtrot: stale and
   * overdue (24) */
  q.sort = VIGIL_PEOPLE_SORT_FLAGS;
  q.descending = TRUE;
  CHECK (&q, "Testington, Bravo; Managedson, Foxtrot; Referredonly, Echo");
  q.sort = VIGIL_PEOPLE_SORT_NAME;
  CHECK (&q, "Testington, Bravo; Referredonly, Echo; Managedson, Foxtrot");

  /* the row itself: rank, score, trend, flags, entry */
  init_query (&q, VIGIL_PEOPLE_VIEW_CANDIDATES);
  q.sort = VIGIL_PEOPLE_SORT_RANK;
  people = vigil_people_query_list (fx.store, &q, 0, 10, &error);
  g_assert_no_error (error);
  row = g_ptr_array_index (people, 0);
  g_assert_cmpint (row->rank, ==, 1);
  g_assert_cmpfloat (row->total, ==, 30);
  g_assert_true (row->has_previous);
  g_assert_cmpfloat (row->trend, ==, 10);
  g_assert_cmpuint (row->flags, ==, VIGIL_PERSON_FLAG_OTHER_PROCESS | VIGIL_PERSON_FLAG_VISOR
                                    | VIGIL_PERSON_FLAG_ORDER | VIGIL_PERSON_FLAG_MOPI_DUE);
  g_assert_cmpstr (row->status, ==, "under_review");
  g_assert_cmpstr (row->lead_agency, ==, "probation");
  g_assert_cmpstr (row->lead_officer, ==, "PO Synthetic");
  g_assert_cmpstr (row->next_review_on, ==, "2026-12-01");
  g_assert_cmpstr (row->area, ==, "North");
  row = g_ptr_array_index (people, 1);
  g_assert_cmpfloat (row->trend, ==, -3);
  g_assert_cmpuint (row->flags, ==, VIGIL_PERSON_FLAG_MOPI_DUE);  /* Alpha: due on the day itself */
  row = g_ptr_array_index (people, 2);
  g_assert_cmpint (row->rank, ==, 3);
  g_assert_false (row->has_previous);
  g_assert_null (row->status);

  /* paging keeps the database's order */
  g_clear_pointer (&people, g_ptr_array_unref);
  people = vigil_people_query_list (fx.store, &q, 1, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, 1);
  g_assert_cmpint (((VigilPersonSummary *) g_ptr_array_index (people, 0))->rank, ==, 2);

  g_clear_object (&fx.store);
}

static void
test_cohort_counts (void)
{
  CohortFixture fx;
  VigilPeopleQuery q;
  VigilPeopleCounts counts;
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) empty = NULL;

  cohort_fixture (&fx);

  init_query (&q, VIGIL_PEOPLE_VIEW_EXITED);
  q.status = "exited"; /* the view and status are ignored */
  g_assert_true (vigil_people_count_statuses (fx.store, &q, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpint (counts.candidates, ==, 3);
  g_assert_cmpint (counts.by_status[0], ==, 0);  /* candidate */
  g_assert_cmpint (counts.by_status[1], ==, 2);  /* under_review */
  g_assert_cmpint (counts.by_status[2], ==, 1);  /* managed */
  g_assert_cmpint (counts.by_status[3], ==, 0);  /* scaling_back */
  g_assert_cmpint (counts.by_status[4], ==, 1);  /* exited */
  g_assert_cmpint (counts.by_status[5], ==, 2);  /* of_concern */

  /* filters and search do count */
  q.area = "North";
  g_assert_true (vigil_people_count_statuses (fx.store, &q, &counts, &error));
  g_assert_cmpint (counts.candidates, ==, 3);
  g_assert_cmpint (counts.by_status[1], ==, 1);
  g_assert_cmpint (counts.by_status[2], ==, 0);
  g_assert_cmpint (counts.by_status[5], ==, 1);
  q.area = NULL;
  q.search = "testington";
  g_assert_true (vigil_people_count_statuses (fx.store, &q, &counts, &error));
  g_assert_cmpint (counts.candidates, ==, 2);
  g_assert_cmpint (counts.by_status[1], ==, 1);
  g_assert_cmpint (counts.by_status[5], ==, 0);

  /* a store with no run and no entry */
  empty = vigil_test_open_store ();
  init_query (&q, VIGIL_PEOPLE_VIEW_CANDIDATES);
  g_assert_true (vigil_people_count_statuses (empty, &q, &counts, &error));
  g_assert_no_error (error);
  g_assert_cmpint (counts.candidates, ==, 0);
  g_assert_cmpint (vigil_people_query_count (empty, &q, &error), ==, 0);
  g_assert_no_error (error);

  /* a bad date is a clear error */
  q.today = "1 November";
  g_assert_cmpint (vigil_people_query_count (fx.store, &q, &error), ==, -1);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);

  g_clear_object (&fx.store);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  vigil_test_init_engine ();

  g_test_add_func ("/people/list-and-search", test_list_and_search);
  g_test_add_func ("/people/paging", test_paging);
  g_test_add_func ("/people/search-async", test_search_async);
  g_test_add_func ("/people/cohort-views", test_cohort_views);
  g_test_add_func ("/people/cohort-filters", test_cohort_filters);
  g_test_add_func ("/people/cohort-sort-and-trend", test_cohort_sort_and_trend);
  g_test_add_func ("/people/cohort-counts", test_cohort_counts);

  return g_test_run ();
}
