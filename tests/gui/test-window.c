/* test-window.c: the real application window under Xvfb
 *
 * Opens VigilWindow on demo, tiny and empty stores, drives the search entry, checks
 * the pages, the demo notice, the application's windows and dialogs, and renders
 * screenshots (light and dark, 1366×768 and 1920×1080) into the meson log folder.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-window"

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "vigil-application.h"
#include "vigil-connect-dialog.h"
#include "vigil-cohort-view.h"
#include "vigil-gui.h"
#include "vigil-people-model.h"
#include "vigil-pg-group.h"
#include "vigil-person-item.h"
#include "vigil-preferences-window.h"
#include "vigil-window.h"

#include "vigil-gui-test.h"

#define OPEN_TIMEOUT_MS 240000

/* Helpers */

static gboolean
search_applied (gpointer user_data)
{
  VigilCohortView *view = user_data;

  return !vigil_people_model_get_searching (vigil_cohort_view_get_model (view));
}

static gboolean
dossier_shown (gpointer user_data)
{
  return vigil_dossier_page_get_state (user_data) != VIGIL_DOSSIER_PAGE_STATE_LOADING &&
         gtk_widget_get_mapped (user_data);
}

static gboolean
dossier_closed (gpointer user_data)
{
  return !gtk_widget_get_mapped (user_data);
}

/* Whether @object is back to @refs references (or fewer). */
typedef struct
{
  GObject *object;
  guint    refs;
} RefsWait;

static gboolean
refs_back (gpointer user_data)
{
  RefsWait *wait = user_data;

  return (guint) g_atomic_int_get (&wait->object->ref_count) <= wait->refs;
}

static void
type_search (VigilCohortView *view,
             const char      *text)
{
  GtkSearchEntry *entry = vigil_cohort_view_get_search_entry (view);

  gtk_widget_grab_focus (GTK_WIDGET (entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
  vigil_gui_test_wait_for (search_applied, view, 5000, "the search to be applied");
  vigil_gui_test_settle_people (vigil_cohort_view_get_model (view));
  vigil_gui_test_settle (view);
}

/* Tests */

static void
test_welcome (void)
{
  g_autoptr(GSettings) settings = g_settings_new (VIGIL_SETTINGS_SCHEMA_ID);
  VigilWindow *window;
  GtkWindow *active;

  g_settings_set_string (settings, "database-kind", "none");

  g_application_activate (G_APPLICATION (vigil_gui_test_get_app ()));
  active = gtk_application_get_active_window (GTK_APPLICATION (vigil_gui_test_get_app ()));
  if (active == NULL)
    active = gtk_application_get_windows (GTK_APPLICATION (vigil_gui_test_get_app ()))->data;
  g_assert_true (VIGIL_IS_WINDOW (active));
  window = VIGIL_WINDOW (active);
  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  vigil_gui_test_wait_for (vigil_gui_test_widget_is_drawn, window, 10000, "the window to show");

  g_assert_cmpstr (vigil_window_get_page (window), ==, "welcome");
  g_assert_null (vigil_window_get_store (window));
  g_assert_false (vigil_window_get_demo_banner_visible (window));
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Vigil");

  vigil_gui_test_set_dark (FALSE);
  vigil_gui_test_shoot (window, "screenshot-welcome-1366x768.png");
  vigil_gui_test_set_dark (TRUE);
  vigil_gui_test_shoot (window, "screenshot-welcome-dark-1366x768.png");
  vigil_gui_test_set_dark (FALSE);

  /* "Open Demo": the real path (a worker thread, the demo location in the private
   * data folder), with the demo copied there first so that it need not be filled
   * again under the sanitizers. */
  {
    g_autoptr(VigilLocation) demo = vigil_gui_test_demo_location ();
    g_autoptr(VigilLocation) target = vigil_location_get_demo ();
    g_autoptr(GFile) source = g_file_new_for_path (demo->path);
    g_autoptr(GFile) destination = g_file_new_for_path (target->path);
    g_autoptr(GFile) folder = g_file_get_parent (destination);
    g_autoptr(GError) error = NULL;

    g_file_make_directory_with_parents (folder, NULL, NULL);
    g_file_copy (source, destination, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error);
    g_assert_no_error (error);
  }
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.open-demo", NULL));
  g_assert_cmpstr (vigil_window_get_page (window), ==, "loading");
  vigil_gui_test_shoot (window, "screenshot-loading-1366x768.png");
  vigil_gui_test_wait_for (vigil_gui_test_window_left_loading, window, OPEN_TIMEOUT_MS, "the demo to open");
  g_assert_cmpstr (vigil_window_get_page (window), ==, "main");
  g_assert_nonnull (vigil_window_get_store (window));
  g_assert_cmpint (vigil_store_get_kind (vigil_window_get_store (window)), ==, VIGIL_STORE_KIND_DEMO);
  g_assert_true (vigil_window_get_demo_banner_visible (window));

  /* The demo is never remembered: the next start shows the welcome page again. */
  {
    g_autofree char *kind = g_settings_get_string (settings, "database-kind");
    g_assert_cmpstr (kind, ==, "none");
  }

  vigil_gui_test_destroy_window (window);
}

static void
test_create_store (void)
{
  g_autoptr(GSettings) settings = g_settings_new (VIGIL_SETTINGS_SCHEMA_ID);
  g_autoptr(VigilLocation) default_location = vigil_location_get_default ();
  g_autofree char *kind = NULL;
  g_autofree char *path = NULL;
  VigilWindow *window = vigil_gui_test_new_window (1366, 768);
  VigilCohortView *view;

  g_assert_false (g_file_test (default_location->path, G_FILE_TEST_EXISTS));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.create-store", NULL));
  vigil_gui_test_wait_for (vigil_gui_test_window_left_loading, window, OPEN_TIMEOUT_MS, "the new store to open");
  g_assert_cmpstr (vigil_window_get_page (window), ==, "main");
  g_assert_true (g_file_test (default_location->path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpint (vigil_store_get_kind (vigil_window_get_store (window)), ==, VIGIL_STORE_KIND_REAL);
  g_assert_false (vigil_window_get_demo_banner_visible (window));

  kind = g_settings_get_string (settings, "database-kind");
  path = g_settings_get_string (settings, "sqlite-path");
  g_assert_cmpstr (kind, ==, "sqlite");
  g_assert_cmpstr (path, ==, "");

  view = vigil_window_get_cohort_view (window);
  vigil_gui_test_settle_people (vigil_cohort_view_get_model (view));
  g_assert_cmpstr (vigil_cohort_view_get_state (view), ==, "empty");
  vigil_gui_test_shoot (window, "screenshot-cohort-empty-1366x768.png");
  vigil_gui_test_destroy_window (window);

  /* The next start opens it again. */
  g_application_activate (G_APPLICATION (vigil_gui_test_get_app ()));
  window = VIGIL_WINDOW (gtk_application_get_windows (GTK_APPLICATION (vigil_gui_test_get_app ()))->data);
  vigil_gui_test_wait_for (vigil_gui_test_window_left_loading, window, OPEN_TIMEOUT_MS, "the saved store to open");
  g_assert_cmpstr (vigil_window_get_page (window), ==, "main");
  g_assert_true (vigil_location_equal (vigil_store_get_location (vigil_window_get_store (window)),
                                       default_location));
  vigil_gui_test_destroy_window (window);

  g_settings_reset (settings, "database-kind");
  g_settings_reset (settings, "sqlite-path");
}

static void
test_demo_cohort (void)
{
  g_autoptr(VigilLocation) location = vigil_gui_test_demo_location ();
  g_autoptr(VigilStore) store = vigil_gui_test_open (location);
  g_autoptr(VigilPersonItem) first = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *surname = NULL;
  VigilWindow *window = vigil_gui_test_open_window (location, 1366, 768);
  VigilCohortView *view = vigil_window_get_cohort_view (window);
  VigilPeopleModel *model = vigil_cohort_view_get_model (view);
  GtkColumnView *column_view = vigil_cohort_view_get_column_view (view);
  GtkSearchEntry *entry = vigil_cohort_view_get_search_entry (view);
  GtkWidget *focus;
  gint64 total, expected;
  VigilPeopleQuery query = { .view = VIGIL_PEOPLE_VIEW_CANDIDATES, .sort = VIGIL_PEOPLE_SORT_RANK };

  /* The list opens on the candidates of the latest run, by rank. */
  total = vigil_people_query_count (store, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpint (total, >, 0);

  g_assert_true (vigil_window_get_demo_banner_visible (window));
  g_assert_cmpint (vigil_store_get_kind (vigil_window_get_store (window)), ==, VIGIL_STORE_KIND_DEMO);
  g_assert_cmpstr (vigil_cohort_view_get_state (view), ==, "list");
  g_assert_nonnull (model);
  g_assert_cmpuint (vigil_gui_test_people_count (model), ==, total);
  g_assert_cmpuint ((vigil_gui_test_settle_people (model), g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (column_view)))), ==, total);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (column_view)), ==, 8);
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (column_view), "data-table"));
  /* The list is virtual: only the pages on screen were read. */
  g_assert_cmpuint (vigil_people_model_get_n_cached_pages (model), <=, VIGIL_PEOPLE_MODEL_MAX_PAGES);

  vigil_gui_test_set_dark (FALSE);
  vigil_gui_test_shoot (window, "screenshot-cohort-1366x768.png");
  vigil_gui_test_set_dark (TRUE);
  vigil_gui_test_shoot (window, "screenshot-cohort-dark-1366x768.png");
  vigil_gui_test_set_dark (FALSE);

  /* <Ctrl>f (win.find) puts the focus in the search entry. */
  gtk_widget_grab_focus (GTK_WIDGET (column_view));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.find", NULL));
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (focus == GTK_WIDGET (entry) || gtk_widget_is_ancestor (focus, GTK_WIDGET (entry)));

  /* Search by the first person's surname. */
  first = vigil_gui_test_people_item (model, 0);
  g_object_get (first, "surname", &surname, NULL);
  query.search = surname;
  expected = vigil_people_query_count (store, &query, &error);
  g_assert_no_error (error);
  g_assert_cmpint (expected, >=, 1);
  g_assert_cmpint (expected, <, total);

  type_search (view, surname);
  g_assert_cmpstr (vigil_cohort_view_get_state (view), ==, "list");
  g_assert_cmpuint (vigil_gui_test_people_count (model), ==, expected);
  vigil_gui_test_shoot (window, "screenshot-cohort-search-1366x768.png");

  type_search (view, "zzqx-nobody-by-this-name");
  g_assert_cmpstr (vigil_cohort_view_get_state (view), ==, "no-matches");
  g_assert_cmpuint (vigil_gui_test_people_count (model), ==, 0);
  vigil_gui_test_shoot (window, "screenshot-cohort-no-matches-1366x768.png");

  /* Escape clears the search. */
  g_signal_emit_by_name (entry, "stop-search");
  vigil_gui_test_wait_for (search_applied, view, 5000, "the cleared search");
  vigil_gui_test_settle_people (model);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");
  g_assert_cmpstr (vigil_cohort_view_get_state (view), ==, "list");
  g_assert_cmpuint (vigil_gui_test_people_count (model), ==, total);

  vigil_gui_test_destroy_window (window);

  /* Full HD, light and dark. */
  window = vigil_gui_test_open_window (location, 1920, 1080);
  vigil_gui_test_shoot (window, "screenshot-cohort-1920x1080.png");
  vigil_gui_test_set_dark (TRUE);
  vigil_gui_test_shoot (window, "screenshot-cohort-dark-1920x1080.png");
  vigil_gui_test_set_dark (FALSE);
  vigil_gui_test_destroy_window (window);

  /* Narrow: the view switcher moves to the bottom bar. */
  window = vigil_gui_test_open_window (location, 600, 800);
  vigil_gui_test_shoot (window, "screenshot-cohort-600x800.png");
  vigil_gui_test_destroy_window (window);
}

static char *
first_name (VigilPeopleModel *model)
{
  g_autoptr(VigilPersonItem) item = vigil_gui_test_people_item (model, 0);

  g_assert_nonnull (item);
  return g_strdup (vigil_person_item_get_name (item));
}

static char *
expected_first_name (VigilStore             *store,
                     const VigilPeopleQuery *query)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = vigil_people_query_list (store, query, 0, 1, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, 1);
  return vigil_person_summary_dup_display_name (g_ptr_array_index (people, 0));
}

#define ASSERT_COUNT(model, store, query) G_STMT_START { \
    g_autoptr(GError) error_ = NULL; \
    gint64 expected_ = vigil_people_query_count ((store), (query), &error_); \
    g_assert_no_error (error_); \
    g_assert_cmpuint (vigil_gui_test_people_count (model), ==, expected_); \
  } G_STMT_END

/* Views, filters, sort and search through the real widgets; Enter on a row. */
static void
test_cohort_filters (void)
{
  g_autoptr(VigilLocation) location = vigil_gui_test_demo_location ();
  g_autoptr(VigilStore) store = vigil_gui_test_open (location);
  VigilWindow *window = vigil_gui_test_open_window (location, 1366, 768);
  VigilCohortView *view = vigil_window_get_cohort_view (window);
  VigilPeopleModel *model = vigil_cohort_view_get_model (view);
  GtkColumnView *column_view = vigil_cohort_view_get_column_view (view);
  VigilPeopleQuery query = { .view = VIGIL_PEOPLE_VIEW_MANAGED, .sort = VIGIL_PEOPLE_SORT_RANK };
  g_autofree char *name = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *counts_text = NULL;
  guint managed_index = 0;

  /* the counts per status are shown */
  counts_text = g_strdup (gtk_label_get_label (vigil_cohort_view_get_counts_label (view)));
  g_assert_nonnull (strstr (counts_text, vigil_choice_get_label (vigil_cohort_status_choices, "managed")));

  /* the managed cohort view */
  g_signal_emit_by_name (vigil_cohort_view_get_view_button (view, VIGIL_PEOPLE_VIEW_MANAGED), "clicked");
  g_assert_cmpint (vigil_people_model_get_view (model), ==, VIGIL_PEOPLE_VIEW_MANAGED);
  ASSERT_COUNT (model, store, &query);
  g_assert_cmpuint (vigil_gui_test_people_count (model), >, 1);

  /* status filter: managed only */
  for (guint i = 0; vigil_cohort_status_choices[i] != NULL; i++)
    if (g_strcmp0 (vigil_cohort_status_choices[i], "managed") == 0)
      managed_index = i + 1;
  gtk_drop_down_set_selected (vigil_cohort_view_get_status_filter (view), managed_index);
  query.status = "managed";
  ASSERT_COUNT (model, store, &query);
  gtk_drop_down_set_selected (vigil_cohort_view_get_status_filter (view), 0);
  query.status = NULL;

  /* flag filter: active in another process (the first flag) */
  gtk_drop_down_set_selected (vigil_cohort_view_get_flag_filter (view), 1);
  query.flags = VIGIL_PERSON_FLAG_OTHER_PROCESS;
  ASSERT_COUNT (model, store, &query);
  gtk_drop_down_set_selected (vigil_cohort_view_get_flag_filter (view), 0);
  query.flags = 0;

  /* area filter: nobody lives in this one */
  gtk_editable_set_text (GTK_EDITABLE (vigil_cohort_view_get_area_filter (view)), "Nowhere-by-this-name");
  g_assert_cmpuint (vigil_gui_test_people_count (model), ==, 0);
  gtk_editable_set_text (GTK_EDITABLE (vigil_cohort_view_get_area_filter (view)), "");
  ASSERT_COUNT (model, store, &query);

  /* sort by name, descending: the database's first row is the list's */
  gtk_drop_down_set_selected (vigil_cohort_view_get_sort_dropdown (view), 1);
  gtk_toggle_button_set_active (vigil_cohort_view_get_descending_toggle (view), TRUE);
  query.sort = VIGIL_PEOPLE_SORT_NAME;
  query.descending = TRUE;
  name = first_name (model);
  expected = expected_first_name (store, &query);
  g_assert_cmpstr (name, ==, expected);
  g_clear_pointer (&name, g_free);
  g_clear_pointer (&expected, g_free);
  gtk_toggle_button_set_active (vigil_cohort_view_get_descending_toggle (view), FALSE);
  query.descending = FALSE;
  name = first_name (model);
  expected = expected_first_name (store, &query);
  g_assert_cmpstr (name, ==, expected);

  /* search as you type, within the view */
  {
    g_autoptr(VigilPersonItem) item = vigil_gui_test_people_item (model, 0);
    g_autofree char *surname = NULL;

    g_object_get (item, "surname", &surname, NULL);
    type_search (view, surname);
    query.search = surname;
    ASSERT_COUNT (model, store, &query);
    g_assert_cmpuint (vigil_gui_test_people_count (model), >=, 1);
    type_search (view, "");
    query.search = NULL;
  }

  /* Enter on a row opens that person's dossier (win.open-dossier), and Back returns */
  g_signal_emit_by_name (column_view, "activate", 0);
  {
    g_autoptr(VigilPersonItem) item = vigil_gui_test_people_item (model, 0);
    VigilDossierPage *page = vigil_window_get_dossier_page (window);

    g_assert_cmpint (vigil_dossier_page_get_person_id (page), ==, vigil_person_item_get_person_id (item));
    vigil_gui_test_wait_for (dossier_shown, page, OPEN_TIMEOUT_MS, "the dossier to show");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.close-dossier", NULL));
    vigil_gui_test_wait_for (dossier_closed, page, OPEN_TIMEOUT_MS, "the dossier to close");
  }

  /* back to the candidates */
  g_signal_emit_by_name (vigil_cohort_view_get_view_button (view, VIGIL_PEOPLE_VIEW_CANDIDATES), "clicked");
  query.view = VIGIL_PEOPLE_VIEW_CANDIDATES;
  ASSERT_COUNT (model, store, &query);
  vigil_gui_test_shoot (window, "screenshot-cohort-candidates-by-name-1366x768.png");

  vigil_gui_test_destroy_window (window);
}

static void
test_real_store (void)
{
  g_autoptr(VigilLocation) location = vigil_gui_test_tiny_location ();
  g_autoptr(VigilPersonItem) item = NULL;
  VigilWindow *window = vigil_gui_test_open_window (location, 1366, 768);
  VigilCohortView *view = vigil_window_get_cohort_view (window);
  VigilPeopleModel *model = vigil_cohort_view_get_model (view);
  g_autofree char *title = NULL;

  g_assert_cmpint (vigil_store_get_kind (vigil_window_get_store (window)), ==, VIGIL_STORE_KIND_REAL);
  g_assert_false (vigil_window_get_demo_banner_visible (window));
  /* No scoring run yet: no candidates; Alpha is in the managed cohort. */
  g_assert_cmpuint (vigil_gui_test_people_count (model), ==, 0);
  g_assert_cmpstr (vigil_cohort_view_get_state (view), ==, "empty");
  title = g_strdup_printf ("%s — Vigil", "tiny.db");
  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, title);

  g_signal_emit_by_name (vigil_cohort_view_get_view_button (view, VIGIL_PEOPLE_VIEW_MANAGED), "clicked");
  g_assert_cmpint (vigil_people_model_get_view (model), ==, VIGIL_PEOPLE_VIEW_MANAGED);
  g_assert_cmpuint (vigil_gui_test_people_count (model), ==, 1);
  type_search (view, "testwood");
  g_assert_cmpuint (vigil_gui_test_people_count (model), ==, 1);
  item = vigil_gui_test_people_item (model, 0);
  g_assert_cmpstr (vigil_person_item_get_name (item), ==, "Testwood, Alpha");
  type_search (view, "charlie");
  g_assert_cmpuint (vigil_gui_test_people_count (model), ==, 0);
  g_assert_cmpstr (vigil_cohort_view_get_state (view), ==, "no-matches");
  type_search (view, "");
  g_assert_cmpuint (vigil_gui_test_people_count (model), ==, 1);

  vigil_gui_test_shoot (window, "screenshot-cohort-real-1366x768.png");

  /* Closing saves the size; the next window starts with it. */
  {
    g_autoptr(GSettings) settings = g_settings_new (VIGIL_SETTINGS_SCHEMA_ID);
    int width, height;

    vigil_gui_test_close_window (window);
    g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1366);
    g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 768);
    g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

    g_settings_set_int (settings, "window-width", 1024);
    g_settings_set_int (settings, "window-height", 700);
    window = vigil_window_new (GTK_APPLICATION (vigil_gui_test_get_app ()));
    gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
    g_assert_cmpint (width, ==, 1024);
    g_assert_cmpint (height, ==, 700);
    gtk_window_destroy (GTK_WINDOW (window));
    g_settings_reset (settings, "window-width");
    g_settings_reset (settings, "window-height");
  }
}

static void
test_open_error (void)
{
  g_autofree char *dir = vigil_gui_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "missing.db", NULL);
  g_autoptr(VigilLocation) missing = vigil_location_new_sqlite (path);
  g_autoptr(VigilLocation) tiny = vigil_gui_test_tiny_location ();
  VigilWindow *window = vigil_gui_test_new_window (1366, 768);

  /* Nothing open: the error page, with a way out. */
  vigil_window_open_location (window, missing, VIGIL_OPEN_MODE_EXISTING, FALSE);
  vigil_gui_test_wait_for (vigil_gui_test_window_left_loading, window, OPEN_TIMEOUT_MS, "the open to fail");
  g_assert_cmpstr (vigil_window_get_page (window), ==, "error");
  g_assert_null (vigil_window_get_store (window));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  vigil_gui_test_shoot (window, "screenshot-open-error-1366x768.png");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-welcome", NULL));
  g_assert_cmpstr (vigil_window_get_page (window), ==, "welcome");

  /* A store open: it stays, and a dialog says why the other did not open. */
  vigil_window_open_location (window, tiny, VIGIL_OPEN_MODE_EXISTING, FALSE);
  vigil_gui_test_wait_for (vigil_gui_test_window_left_loading, window, OPEN_TIMEOUT_MS, "the store to open");
  g_assert_cmpstr (vigil_window_get_page (window), ==, "main");
  vigil_window_open_location (window, missing, VIGIL_OPEN_MODE_EXISTING, FALSE);
  vigil_gui_test_wait_for (vigil_gui_test_window_left_loading, window, OPEN_TIMEOUT_MS, "the open to fail");
  g_assert_cmpstr (vigil_window_get_page (window), ==, "main");
  g_assert_true (vigil_location_equal (vigil_store_get_location (vigil_window_get_store (window)), tiny));
  gtk_window_destroy (vigil_gui_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG));

  /* Cancelling an open goes back to what was there, and the cancelled open's end
   * changes nothing: its callback holds a reference on the window until it has run. */
  {
    RefsWait wait = { G_OBJECT (window), g_atomic_int_get (&G_OBJECT (window)->ref_count) };

    vigil_window_open_location (window, missing, VIGIL_OPEN_MODE_EXISTING, FALSE);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.cancel-open", NULL));
    g_assert_cmpstr (vigil_window_get_page (window), ==, "main");
    vigil_gui_test_wait_for (refs_back, &wait, OPEN_TIMEOUT_MS, "the cancelled open to end");
    vigil_gui_test_flush ();
    g_assert_cmpstr (vigil_window_get_page (window), ==, "main");
  }

  vigil_gui_test_destroy_window (window);
}

static gboolean
connect_dialog_failed (gpointer user_data)
{
  GtkWidget *row = user_data;

  return gtk_widget_get_visible (row) && gtk_widget_get_sensitive (gtk_widget_get_parent (row));
}

static void
test_connect_dialog (void)
{
  VigilWindow *window = vigil_gui_test_new_window (1366, 768);
  GtkWindow *dialog;
  VigilPgGroup *group;
  AdwEntryRow *port_row;
  AdwEntryRow *database_row;
  AdwActionRow *error_row;
  const char *message;

  g_assert_cmpstr (vigil_window_get_page (window), ==, "welcome");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.connect-postgresql", NULL));
  dialog = vigil_gui_test_wait_for_toplevel (VIGIL_TYPE_CONNECT_DIALOG);
  g_assert_true (gtk_window_get_transient_for (dialog) == GTK_WINDOW (window));
  g_assert_true (gtk_window_get_modal (dialog));

  group = VIGIL_PG_GROUP (gtk_widget_get_template_child (GTK_WIDGET (dialog), VIGIL_TYPE_CONNECT_DIALOG, "pg_group"));
  port_row = ADW_ENTRY_ROW (gtk_widget_get_template_child (GTK_WIDGET (group), VIGIL_TYPE_PG_GROUP, "port_row"));
  database_row = ADW_ENTRY_ROW (gtk_widget_get_template_child (GTK_WIDGET (group), VIGIL_TYPE_PG_GROUP, "database_row"));
  error_row = ADW_ACTION_ROW (gtk_widget_get_template_child (GTK_WIDGET (group), VIGIL_TYPE_PG_GROUP, "error_row"));

  /* Filled from the settings (pg-* keys), never with a password. */
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (port_row)), ==, "5432");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (error_row)));
  vigil_gui_test_shoot (dialog, "screenshot-connect-dialog.png");

  /* A wrong field is shown next to the fields, and nothing is opened. */
  gtk_editable_set_text (GTK_EDITABLE (port_row), "not-a-port");
  g_signal_emit_by_name (group, "activate");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (error_row)));
  message = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (error_row));
  g_assert_nonnull (strstr (message, "port"));
  g_assert_cmpstr (vigil_window_get_page (window), ==, "welcome");

  /* Editing hides the error; a server that is not there fails off the main thread,
   * inline too. */
  gtk_editable_set_text (GTK_EDITABLE (port_row), "1");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (error_row)));
  gtk_editable_set_text (GTK_EDITABLE (database_row), "vigil_nowhere");
  g_signal_emit_by_name (group, "activate");
  vigil_gui_test_wait_for (connect_dialog_failed, error_row, OPEN_TIMEOUT_MS, "the connection to fail");
  g_assert_true (vigil_gui_test_find_toplevel (VIGIL_TYPE_CONNECT_DIALOG) == dialog);
  g_assert_cmpstr (vigil_window_get_page (window), ==, "welcome");
  g_assert_null (vigil_window_get_store (window));
  vigil_gui_test_shoot (dialog, "screenshot-connect-dialog-error.png");

  gtk_window_close (dialog);
  vigil_gui_test_wait_for_toplevel_gone (VIGIL_TYPE_CONNECT_DIALOG);
  g_assert_null (vigil_gui_test_find_toplevel (VIGIL_TYPE_CONNECT_DIALOG));

  vigil_gui_test_destroy_window (window);
}

typedef struct
{
  VigilWindow         *window;
  const VigilLocation *location;
} StoreWait;

static gboolean
window_has_store (gpointer user_data)
{
  StoreWait *wait = user_data;
  VigilStore *store = vigil_window_get_store (wait->window);

  return store != NULL && vigil_location_equal (vigil_store_get_location (store), wait->location);
}

static void
test_app_windows (void)
{
  g_autoptr(VigilLocation) location = vigil_gui_test_demo_location ();
  VigilWindow *window = vigil_gui_test_open_window (location, 1366, 768);
  GtkWindow *preferences;
  GtkWindow *about;
  GtkWindow *shortcuts;

  gtk_window_present (GTK_WINDOW (window));

  /* Preferences */
  g_action_group_activate_action (G_ACTION_GROUP (vigil_gui_test_get_app ()), "preferences", NULL);
  preferences = vigil_gui_test_wait_for_toplevel (VIGIL_TYPE_PREFERENCES_WINDOW);
  g_assert_true (vigil_preferences_window_get_window (VIGIL_PREFERENCES_WINDOW (preferences)) == window);
  g_assert_true (gtk_window_get_transient_for (preferences) == GTK_WINDOW (window));
  vigil_gui_test_shoot (preferences, "screenshot-preferences.png");
  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), "privacy");
  vigil_gui_test_shoot (preferences, "screenshot-preferences-privacy.png");

  /* Opening another store from the preferences: off the main thread, and only a
   * store that opened replaces the demo in the main window (and is remembered). */
  {
    g_autoptr(GSettings) settings = g_settings_new (VIGIL_SETTINGS_SCHEMA_ID);
    g_autoptr(VigilLocation) default_location = vigil_location_get_default ();
    GObject *button = gtk_widget_get_template_child (GTK_WIDGET (preferences),
                                                     VIGIL_TYPE_PREFERENCES_WINDOW,
                                                     "default_file_button");
    g_autofree char *kind = NULL;
    StoreWait wait = { window, default_location };

    g_assert_true (GTK_IS_BUTTON (button));
    adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (preferences), "database");
    gtk_widget_activate (GTK_WIDGET (button));
    vigil_gui_test_wait_for (window_has_store, &wait, OPEN_TIMEOUT_MS, "the default store to open");
    /* the preferences set the window's session; the window and its views follow it */
    g_assert_true (vigil_session_get_store (vigil_window_get_session (window)) == vigil_window_get_store (window));
    g_assert_true (vigil_cohort_view_get_store (vigil_window_get_cohort_view (window)) == vigil_window_get_store (window));
    g_assert_cmpstr (vigil_window_get_page (window), ==, "main");
    g_assert_false (vigil_window_get_demo_banner_visible (window));
    kind = g_settings_get_string (settings, "database-kind");
    g_assert_cmpstr (kind, ==, "sqlite");
    vigil_gui_test_shoot (preferences, "screenshot-preferences-real.png");
    g_settings_reset (settings, "database-kind");
    g_settings_reset (settings, "sqlite-path");
  }

  vigil_gui_test_destroy_window (preferences);

  /* About */
  g_action_group_activate_action (G_ACTION_GROUP (vigil_gui_test_get_app ()), "about", NULL);
  about = vigil_gui_test_wait_for_toplevel (ADW_TYPE_ABOUT_WINDOW);
  g_assert_cmpstr (adw_about_window_get_version (ADW_ABOUT_WINDOW (about)), ==, PACKAGE_VERSION);
  g_assert_cmpstr (adw_about_window_get_developer_name (ADW_ABOUT_WINDOW (about)), ==, "The Vigil developers");
  g_assert_cmpint (adw_about_window_get_license_type (ADW_ABOUT_WINDOW (about)), ==, GTK_LICENSE_GPL_3_0);
  vigil_gui_test_shoot (about, "screenshot-about.png");
  vigil_gui_test_destroy_window (about);

  /* Keyboard shortcuts, from gtk/help-overlay.ui */
  g_assert_nonnull (gtk_application_window_get_help_overlay (GTK_APPLICATION_WINDOW (window)));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.show-help-overlay", NULL));
  shortcuts = vigil_gui_test_wait_for_toplevel (GTK_TYPE_SHORTCUTS_WINDOW);
  vigil_gui_test_shoot (shortcuts, "screenshot-shortcuts.png");
  gtk_widget_set_visible (GTK_WIDGET (shortcuts), FALSE);

  /* The accelerators the menu and the shortcuts window promise. */
  {
    g_auto(GStrv) quit = gtk_application_get_accels_for_action (GTK_APPLICATION (vigil_gui_test_get_app ()), "app.quit");
    g_auto(GStrv) prefs = gtk_application_get_accels_for_action (GTK_APPLICATION (vigil_gui_test_get_app ()), "app.preferences");
    g_auto(GStrv) find = gtk_application_get_accels_for_action (GTK_APPLICATION (vigil_gui_test_get_app ()), "win.find");
    g_auto(GStrv) help = gtk_application_get_accels_for_action (GTK_APPLICATION (vigil_gui_test_get_app ()), "win.show-help-overlay");

    g_assert_cmpstr (quit[0], ==, "<Control>q");
    g_assert_cmpstr (prefs[0], ==, "<Control>comma");
    g_assert_cmpstr (find[0], ==, "<Control>f");
    g_assert_nonnull (help[0]);
  }

  vigil_gui_test_destroy_window (window);
}

/* The session: one per main window, owned by the application and dropped with its
 * window; setting a store notifies and remembers it (never the demo). */
static void
count_notify_cb (GObject    *object,
                 GParamSpec *pspec,
                 gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static void
test_session (void)
{
  g_autoptr(GSettings) settings = g_settings_new (VIGIL_SETTINGS_SCHEMA_ID);
  g_autoptr(VigilLocation) demo_location = vigil_gui_test_demo_location ();
  g_autoptr(VigilLocation) tiny_location = vigil_gui_test_tiny_location ();
  g_autoptr(VigilStore) demo = vigil_gui_test_open (demo_location);
  g_autoptr(VigilStore) tiny = vigil_gui_test_open (tiny_location);
  g_autoptr(VigilSession) session = vigil_session_new (settings);
  g_autoptr(VigilLocation) saved = NULL;
  g_autofree char *kind = NULL;
  VigilSession *owned;
  VigilWindow *window;
  guint n_notified = 0;

  g_settings_reset (settings, "database-kind");
  g_signal_connect (session, "notify::store", G_CALLBACK (count_notify_cb), &n_notified);
  g_assert_null (vigil_session_get_store (session));

  vigil_session_set_store (session, demo, TRUE);
  g_assert_true (vigil_session_get_store (session) == demo);
  g_assert_cmpuint (n_notified, ==, 1);
  kind = g_settings_get_string (settings, "database-kind");
  g_assert_cmpstr (kind, ==, "none");   /* the demo is never remembered */
  g_clear_pointer (&kind, g_free);

  vigil_session_set_store (session, demo, TRUE);
  g_assert_cmpuint (n_notified, ==, 1);

  vigil_session_set_store (session, tiny, TRUE);
  g_assert_cmpuint (n_notified, ==, 2);
  kind = g_settings_get_string (settings, "database-kind");
  g_assert_cmpstr (kind, ==, "sqlite");
  saved = vigil_session_dup_saved_location (session);
  g_assert_true (vigil_location_equal (saved, tiny_location));
  g_settings_reset (settings, "database-kind");
  g_settings_reset (settings, "sqlite-path");

  /* A window's session comes from the application, and goes with the window (and
   * with it the store it held open). */
  window = vigil_window_new (GTK_APPLICATION (vigil_gui_test_get_app ()));
  owned = vigil_window_get_session (window);
  g_assert_nonnull (owned);
  g_object_add_weak_pointer (G_OBJECT (owned), (gpointer *) &owned);
  vigil_session_set_store (owned, tiny, FALSE);
  g_assert_true (vigil_window_get_store (window) == tiny);
  vigil_gui_test_destroy_window (window);
  g_assert_null (owned);
}

int
main (int   argc,
      char *argv[])
{
  vigil_gui_test_init (&argc, &argv, VIGIL_GUI_TEST_DEFAULT);

  /* Demo data first: it takes a few seconds under the sanitizers. */
  vigil_location_free (vigil_gui_test_demo_location ());

  g_test_add_func ("/window/welcome", test_welcome);
  g_test_add_func ("/window/create-store", test_create_store);
  g_test_add_func ("/window/demo-cohort", test_demo_cohort);
  g_test_add_func ("/window/cohort-filters", test_cohort_filters);
  g_test_add_func ("/window/real-store", test_real_store);
  g_test_add_func ("/window/open-error", test_open_error);
  g_test_add_func ("/window/connect-dialog", test_connect_dialog);
  g_test_add_func ("/window/app-windows", test_app_windows);
  g_test_add_func ("/window/session", test_session);

  return vigil_gui_test_run ();
}
