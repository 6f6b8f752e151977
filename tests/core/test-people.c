/* test-people.c: the cohort view's people, searched and paged by the database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  vigil_test_init_engine ();

  g_test_add_func ("/people/list-and-search", test_list_and_search);
  g_test_add_func ("/people/paging", test_paging);

  return g_test_run ();
}
