/* test-people-model.c: the virtual cohort list model against real stores
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-people-model"

#include "config.h"

#include <string.h>

#include "vigil-gui.h"
#include "vigil-people-model.h"
#include "vigil-person-item.h"

#include "vigil-gui-test.h"

typedef struct
{
  guint calls;
  guint before;   /* the length before the last change of length */
  guint after;    /* and after it */
} ItemsChanged;

static void
items_changed_cb (GListModel   *model,
                  guint         position,
                  guint         removed,
                  guint         added,
                  ItemsChanged *changes)
{
  guint after = g_list_model_get_n_items (model);
  guint before = after - added + removed;

  /* a page replaced (as many rows out as in): not a change of what the list holds */
  if (removed == added && removed > 0)
    return;
  /* a new count: the tail goes or comes, nothing else */
  g_assert_cmpuint (position, ==, MIN (before, after));
  g_assert_true (removed == 0 || added == 0);
  changes->calls++;
  changes->before = before;
  changes->after = after;
}

static gboolean
search_applied (gpointer user_data)
{
  return !vigil_people_model_get_searching (user_data);
}

/* Everyone who could be in the cohort, by name, as vigil_people_list() lists them. */
static VigilPeopleModel *
new_everyone_model (VigilStore *store)
{
  VigilPeopleModel *model = vigil_people_model_new (store);

  /* the list opens on the candidates of the latest run, by rank */
  g_assert_cmpint (vigil_people_model_get_view (model), ==, VIGIL_PEOPLE_VIEW_CANDIDATES);
  vigil_people_model_set_view (model, VIGIL_PEOPLE_VIEW_EVERYONE);
  vigil_gui_test_settle_people (model);
  vigil_people_model_set_sort (model, VIGIL_PEOPLE_SORT_NAME, FALSE);
  vigil_gui_test_settle_people (model);
  return model;
}

static void
test_paging (void)
{
  g_autoptr(VigilLocation) location = vigil_gui_test_demo_location ();
  g_autoptr(VigilStore) store = vigil_gui_test_open (location);
  g_autoptr(VigilPeopleModel) model = new_everyone_model (store);
  g_autoptr(GPtrArray) everyone = NULL;
  g_autoptr(GError) error = NULL;
  gint64 count;
  guint n_items;

  count = vigil_people_count (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (count, >, VIGIL_PEOPLE_MODEL_PAGE_SIZE / 2);

  n_items = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_cmpuint (n_items, ==, count);
  g_assert_cmpint (vigil_people_model_get_total (model), ==, count);
  g_assert_cmpuint (vigil_people_model_get_n_cached_pages (model), ==, 0);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (model)) == VIGIL_TYPE_PERSON_ITEM);

  everyone = vigil_people_list (store, NULL, 0, (guint) count, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (everyone->len, ==, n_items);

  /* Backwards, so pages are fetched out of order. */
  for (guint i = n_items; i-- > 0;)
    {
      g_autoptr(VigilPersonItem) item = vigil_gui_test_people_item (model, i);
      const VigilPersonSummary *summary = g_ptr_array_index (everyone, i);

      g_assert_nonnull (item);
      g_assert_false (vigil_person_item_is_placeholder (item));
      g_assert_cmpint (vigil_person_item_get_person_id (item), ==, summary->person_id);
      g_assert_cmpint (vigil_person_item_get_incident_count (item), ==, summary->incident_count);
      g_assert_cmpstr (vigil_person_item_get_local_ref (item), ==, summary->local_ref);
      g_assert_cmpuint (vigil_people_model_get_n_cached_pages (model), <=, VIGIL_PEOPLE_MODEL_MAX_PAGES);
    }

  g_assert_null (vigil_gui_test_people_item (model, n_items));
  g_assert_null (vigil_people_model_get_error (model));
}

static void
test_search (void)
{
  g_autoptr(VigilLocation) location = vigil_gui_test_demo_location ();
  g_autoptr(VigilStore) store = vigil_gui_test_open (location);
  g_autoptr(VigilPeopleModel) model = new_everyone_model (store);
  g_autoptr(VigilPersonItem) first = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *surname = NULL;
  ItemsChanged changes = { 0 };
  guint total = g_list_model_get_n_items (G_LIST_MODEL (model));
  gint64 expected;

  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), &changes);

  first = vigil_gui_test_people_item (model, 0);
  g_object_get (first, "surname", &surname, NULL);
  g_assert_nonnull (surname);
  expected = vigil_people_count (store, surname, &error);
  g_assert_no_error (error);
  g_assert_cmpint (expected, >=, 1);
  g_assert_cmpint (expected, <, total);

  /* Typing: nothing happens until the text settles. */
  vigil_people_model_set_search (model, "x");
  vigil_people_model_set_search (model, surname);
  g_assert_true (vigil_people_model_get_searching (model));
  g_assert_null (vigil_people_model_get_search (model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, total);
  g_assert_cmpuint (changes.calls, ==, 0);

  vigil_gui_test_wait_for (search_applied, model, 5000, "the search to be applied");
  vigil_gui_test_settle_people (model);
  g_assert_cmpstr (vigil_people_model_get_search (model), ==, surname);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, expected);
  g_assert_cmpint (vigil_people_model_get_total (model), ==, total);
  g_assert_cmpuint (changes.calls, ==, 1);
  g_assert_cmpuint (changes.before, ==, total);
  g_assert_cmpuint (changes.after, ==, expected);

  for (guint i = 0; i < expected; i++)
    {
      g_autoptr(VigilPersonItem) item = vigil_gui_test_people_item (model, i);
      g_autofree char *item_surname = NULL;
      g_autofree char *folded = NULL;
      g_autofree char *folded_surname = g_utf8_strdown (surname, -1);

      g_object_get (item, "surname", &item_surname, NULL);
      folded = g_utf8_strdown (item_surname, -1);
      /* Most matches are by surname; aliases may bring in others. */
      if (strstr (folded, folded_surname) == NULL)
        g_test_message ("%s matches “%s” by another field", item_surname, surname);
    }

  /* Blank means everyone; Enter applies at once. */
  vigil_people_model_set_search (model, "   ");
  g_assert_true (vigil_people_model_get_searching (model));
  vigil_people_model_flush_search (model);
  vigil_gui_test_settle_people (model);
  g_assert_false (vigil_people_model_get_searching (model));
  g_assert_null (vigil_people_model_get_search (model));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, total);
  g_assert_cmpuint (changes.calls, ==, 2);

  /* Setting the applied text again does nothing. */
  vigil_people_model_set_search (model, NULL);
  g_assert_false (vigil_people_model_get_searching (model));

  /* No match at all. */
  vigil_people_model_set_search (model, "zzqx-nobody-by-this-name");
  vigil_people_model_flush_search (model);
  vigil_gui_test_settle_people (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  g_assert_null (vigil_gui_test_people_item (model, 0));

  g_signal_handlers_disconnect_by_func (model, items_changed_cb, &changes);
}

static void
test_items (void)
{
  g_autoptr(VigilLocation) location = vigil_gui_test_tiny_location ();
  g_autoptr(VigilStore) store = vigil_gui_test_open (location);
  g_autoptr(VigilPeopleModel) model = new_everyone_model (store);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autofree char *lead = NULL;
  VigilPersonItem *alpha = NULL;
  VigilPersonItem *charlie = NULL;
  guint n_items;

  n_items = g_list_model_get_n_items (G_LIST_MODEL (model));
  g_assert_cmpint (n_items, ==, vigil_people_count (store, NULL, &error));
  g_assert_no_error (error);
  /* Three perpetrators; the victim who is nothing else is not listed. */
  g_assert_cmpuint (n_items, ==, 3);

  for (guint i = 0; i < n_items; i++)
    {
      VigilPersonItem *item = vigil_gui_test_people_item (model, i);

      g_ptr_array_add (items, item);
      g_assert_cmpstr (vigil_person_item_get_name (item), !=, "Victimova, Delta");
      if (g_strcmp0 (vigil_person_item_get_local_ref (item), "TEST-0001") == 0)
        alpha = item;
      else if (g_strcmp0 (vigil_person_item_get_local_ref (item), "TEST-0003") == 0)
        charlie = item;
    }

  g_assert_nonnull (alpha);
  g_assert_cmpstr (vigil_person_item_get_name (alpha), ==, "Testwood, Alpha");
  g_assert_cmpstr (vigil_person_item_get_pnc_id (alpha), ==, "00/000001A");
  g_assert_cmpstr (vigil_person_item_get_dob (alpha), ==, "1980-02-03");
  g_assert_cmpstr (vigil_person_item_get_dob_label (alpha), ==, "3 Feb 1980");
  g_assert_cmpstr (vigil_person_item_get_status (alpha), ==, "managed");
  g_assert_cmpstr (vigil_person_item_get_status_label (alpha), ==,
                   vigil_choice_get_label (vigil_cohort_status_choices, "managed"));
  g_assert_cmpstr (vigil_person_item_get_route_label (alpha), ==,
                   vigil_choice_get_label (vigil_route_choices, "rfgv"));
  lead = g_strdup_printf ("%s · DC Example", vigil_choice_get_label (vigil_agency_choices, "police"));
  g_assert_cmpstr (vigil_person_item_get_lead_label (alpha), ==, lead);
  g_assert_cmpint (vigil_person_item_get_incident_count (alpha), ==, 2);

  g_assert_nonnull (charlie);
  g_assert_cmpstr (vigil_person_item_get_status (charlie), ==, NULL);
  g_assert_cmpstr (vigil_person_item_get_status_label (charlie), ==, "Not in cohort");
  g_assert_cmpstr (vigil_person_item_get_dob_label (charlie), ==, "");
  g_assert_cmpstr (vigil_person_item_get_route_label (charlie), ==, NULL);
  g_assert_cmpint (vigil_person_item_get_incident_count (charlie), ==, 1);

  /* The views: the tiny store has no run (no candidates) and Alpha managed. */
  {
    g_autoptr(VigilPeopleModel) views = vigil_people_model_new (store);
    g_autoptr(VigilPersonItem) managed = NULL;

    /* nothing is read on the main thread: the count arrives later */
    g_assert_true (vigil_people_model_get_loading (views));
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (views)), ==, 0);
    vigil_gui_test_settle_people (views);

    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (views)), ==, 0);
    g_assert_cmpint (vigil_people_model_get_counts (views)->candidates, ==, 0);
    g_assert_cmpint (vigil_people_model_get_counts (views)->by_status[2], ==, 1);
    vigil_people_model_set_view (views, VIGIL_PEOPLE_VIEW_MANAGED);
    vigil_gui_test_settle_people (views);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (views)), ==, 1);
    managed = vigil_gui_test_people_item (views, 0);
    g_assert_cmpstr (vigil_person_item_get_name (managed), ==, "Testwood, Alpha");
    vigil_people_model_set_filter (views, NULL, "stalking_referral", NULL, 0);
    vigil_gui_test_settle_people (views);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (views)), ==, 0);
    vigil_people_model_set_filter (views, NULL, NULL, NULL, 0);
    vigil_gui_test_settle_people (views);
    g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (views)), ==, 1);
  }

  /* Every word must match, in any field. */
  vigil_people_model_set_search (model, "charlie fakeley");
  vigil_people_model_flush_search (model);
  vigil_gui_test_settle_people (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  vigil_people_model_set_search (model, "TEST-0002");
  vigil_people_model_flush_search (model);
  vigil_gui_test_settle_people (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
}

static void
test_reload (void)
{
  g_autoptr(VigilLocation) location = vigil_gui_test_empty_location ();
  g_autoptr(VigilStore) store = vigil_gui_test_open (location);
  g_autoptr(VigilPeopleModel) model = new_everyone_model (store);
  g_autoptr(VigilPerson) person = vigil_person_new ();
  g_autoptr(VigilIncident) incident = vigil_incident_new ();
  g_autoptr(GError) error = NULL;
  ItemsChanged changes = { 0 };

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), &changes);

  person->surname = g_strdup ("Reloadson");
  person->forenames = g_strdup ("Echo");
  vigil_store_insert (store, &vigil_person_type, person, &error);
  g_assert_no_error (error);
  incident->source = g_strdup ("police");
  incident->source_ref = g_strdup ("INC-R1");
  incident->occurred_at = g_strdup ("2026-05-01");
  incident->perpetrator_id = person->record.id;
  incident->relationship = g_strdup ("intimate_partner");
  incident->offence_code = g_strdup ("stalking");
  vigil_store_insert (store, &vigil_incident_type, incident, &error);
  g_assert_no_error (error);

  vigil_people_model_reload (model);
  vigil_gui_test_settle_people (model);
  g_assert_cmpuint (changes.calls, ==, 1);
  g_assert_cmpuint (changes.before, ==, 0);
  g_assert_cmpuint (changes.after, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);

  g_signal_handlers_disconnect_by_func (model, items_changed_cb, &changes);
}

static void
count_replaced_cb (GListModel *model,
                   guint       position,
                   guint       removed,
                   guint       added,
                   guint      *replaced)
{
  if (removed == added)
    *replaced += added;
}

/* A new sort with the same count: the rows on screen (the most recently used pages)
 * become their new people in place, the same items, and no other row is announced;
 * told that every row changed, a list's selection read the whole cohort. */
static void
test_sort_in_place (void)
{
  g_autoptr(VigilLocation) location = vigil_gui_test_demo_location ();
  g_autoptr(VigilStore) store = vigil_gui_test_open (location);
  g_autoptr(VigilPeopleModel) model = new_everyone_model (store);
  g_autoptr(VigilPersonItem) shown = NULL;
  g_autoptr(VigilPersonItem) again = NULL;
  g_autoptr(GPtrArray) expected = NULL;
  g_autoptr(GError) error = NULL;
  VigilPeopleQuery query = { 0 };
  ItemsChanged changes = { 0 };
  guint replaced = 0;
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (model));
  gint64 first_id;

  g_assert_cmpuint (n_items, >, 1);
  shown = vigil_gui_test_people_item (model, 0);
  first_id = vigil_person_item_get_person_id (shown);

  g_signal_connect (model, "items-changed", G_CALLBACK (items_changed_cb), &changes);
  g_signal_connect (model, "items-changed", G_CALLBACK (count_replaced_cb), &replaced);
  vigil_people_model_set_sort (model, VIGIL_PEOPLE_SORT_NAME, TRUE);
  vigil_gui_test_settle_people (model);

  query.view = VIGIL_PEOPLE_VIEW_EVERYONE;
  query.sort = VIGIL_PEOPLE_SORT_NAME;
  query.descending = TRUE;
  expected = vigil_people_query_list (store, &query, 0, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (expected->len, ==, 1);

  again = g_list_model_get_item (G_LIST_MODEL (model), 0);
  g_assert_true (again == shown);
  g_assert_false (vigil_person_item_is_placeholder (shown));
  g_assert_cmpint (vigil_person_item_get_person_id (shown), ==,
                   ((VigilPersonSummary *) g_ptr_array_index (expected, 0))->person_id);
  g_assert_cmpint (vigil_person_item_get_person_id (shown), !=, first_id);
  g_assert_cmpuint (changes.calls, ==, 0);
  g_assert_cmpuint (replaced, ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n_items);

  g_signal_handlers_disconnect_by_func (model, items_changed_cb, &changes);
  g_signal_handlers_disconnect_by_func (model, count_replaced_cb, &replaced);
}

int
main (int   argc,
      char *argv[])
{
  vigil_gui_test_init (&argc, &argv, VIGIL_GUI_TEST_NO_DISPLAY);

  g_test_add_func ("/people-model/paging", test_paging);
  g_test_add_func ("/people-model/search", test_search);
  g_test_add_func ("/people-model/items", test_items);
  g_test_add_func ("/people-model/reload", test_reload);
  g_test_add_func ("/people-model/sort-in-place", test_sort_in_place);

  return vigil_gui_test_run ();
}
