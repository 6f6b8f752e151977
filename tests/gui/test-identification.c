/* test-identification.c: the Identification page of the real window under Xvfb
 *
 * On a small synthetic store: Refresh through the window's action (progress, the
 * ranking against the engine's own count, sorting, search), the explanation of a
 * selected person, the movers after a second run with more incidents (a person of
 * concern whose score rose comes first, highlighted), the stored run shown when a
 * window opens the store again, and Cancel (nothing stored). Screenshots in light and
 * dark at 1366×768 and 1920×1080 go to the meson log folder.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-identification"

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "vigil-application.h"
#include "vigil-gui.h"
#include "vigil-identification-view.h"
#include "vigil-judgement-dialog.h"
#include "vigil-score-item.h"
#include "vigil-score-model.h"
#include "vigil-window.h"

#include "vigil-gui-test.h"

#define OPEN_TIMEOUT_MS    240000
#define REFRESH_TIMEOUT_MS 120000
#define AS_OF_DAY          1
#define AS_OF_MONTH        11
#define AS_OF_YEAR         2026

/* The synthetic store */

typedef struct
{
  VigilLocation *location;
  gint64 alpha;    /* SYN-P001: in the cohort from the first run */
  gint64 bravo;    /* SYN-P002 */
  gint64 charlie;  /* SYN-P003: of concern, rises in the second run */
  gint64 delta;    /* SYN-P004: no victim */
  gint64 echo;     /* SYN-P005: no incident until the second run */
  gint64 victims[10];
} Fixture;

static gint64
add_person (VigilStore *store,
            const char *surname,
            const char *forenames,
            const char *ref)
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
              const char *date,
              gint64      perpetrator,
              gint64      victim,
              const char *offence)
{
  g_autoptr(VigilIncident) incident = vigil_incident_new ();
  g_autoptr(GError) error = NULL;

  incident->source = g_strdup ("police");
  incident->source_ref = g_strdup (ref);
  incident->occurred_at = g_strdup (date);
  incident->perpetrator_id = perpetrator;
  incident->victim_id = victim;
  incident->relationship = g_strdup ("ex_partner");
  incident->offence_code = g_strdup (offence);
  incident->area = g_strdup ("North Synthshire");
  g_assert_true (vigil_store_insert (store, &vigil_incident_type, incident, &error));
  g_assert_no_error (error);
}

static void
make_store (Fixture *fixture)
{
  g_autofree char *dir = vigil_gui_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "identification.db", NULL);
  g_autoptr(VigilStore) store = NULL;
  g_autoptr(VigilCohortEntry) entry = vigil_cohort_entry_new ();
  g_autoptr(GError) error = NULL;

  fixture->location = vigil_location_new_sqlite (path);
  store = vigil_gui_test_open (fixture->location);

  fixture->alpha = add_person (store, "Synthwood", "Alpha", "SYN-P001");
  fixture->bravo = add_person (store, "Mockford", "Bravo", "SYN-P002");
  fixture->charlie = add_person (store, "Fakeham", "Charlie", "SYN-P003");
  fixture->delta = add_person (store, "Testley", "Delta", "SYN-P004");
  fixture->echo = add_person (store, "Sampleby", "Echo", "SYN-P005");
  for (guint i = 0; i < G_N_ELEMENTS (fixture->victims); i++)
    {
      g_autofree char *ref = g_strdup_printf ("SYN-V%03u", i + 1);
      g_autofree char *forenames = g_strdup_printf ("Victim%u", i + 1);

      fixture->victims[i] = add_person (store, "Victimsby", forenames, ref);
    }

  /* Alpha: 31 days → R 5; 4 incidents → F 3; 5+4+4+4 = 17 → G 3; 3 victims → V 5: 16 */
  add_incident (store, "SYN-I001", "2026-10-01", fixture->alpha, fixture->victims[0], "strangulation");
  add_incident (store, "SYN-I002", "2026-09-01", fixture->alpha, fixture->victims[1], "coercive_control");
  add_incident (store, "SYN-I003", "2026-08-01", fixture->alpha, fixture->victims[2], "abh");
  add_incident (store, "SYN-I004", "2025-05-01", fixture->alpha, fixture->victims[0], "stalking");
  /* Bravo: 123 days → R 4; F 2; 3+3 = 6 → G 2; V 1: 9 */
  add_incident (store, "SYN-I005", "2026-06-01", fixture->bravo, fixture->victims[3], "harassment");
  add_incident (store, "SYN-I006", "2026-07-01", fixture->bravo, fixture->victims[3], "common_assault");
  /* Charlie: 295 days → R 3; F 1; 3 → G 1; V 1: 6; the 2022 incident is outside the window */
  add_incident (store, "SYN-I007", "2026-01-10", fixture->charlie, fixture->victims[4], "common_assault");
  add_incident (store, "SYN-I008", "2022-01-01", fixture->charlie, fixture->victims[4], "gbh");
  /* Delta: 1,035 days → R 1; F 1; 2 → G 1; no victim → V 0: 3 */
  add_incident (store, "SYN-I009", "2024-01-01", fixture->delta, 0, "criminal_damage");

  /* Charlie is of concern: watched, not managed (principle 5) */
  entry->person_id = fixture->charlie;
  entry->status = g_strdup ("of_concern");
  entry->route = g_strdup ("rfgv");
  g_assert_true (vigil_store_insert (store, &vigil_cohort_entry_type, entry, &error));
  g_assert_no_error (error);

  vigil_store_close (store);
}

static gint64
count_runs (VigilStore *store)
{
  static const GType types[] = { G_TYPE_INT64, G_TYPE_NONE };
  g_autoptr(GError) error = NULL;
  g_autoptr(GdaDataModel) model = vigil_store_query (store, "SELECT COUNT(*) FROM score_run", NULL, 0, types, &error);
  const GValue *value;

  g_assert_no_error (error);
  value = gda_data_model_get_value_at (model, 0, 0, &error);
  g_assert_no_error (error);
  return g_value_get_int64 (value);
}

/* The engine's own count, on a connection of its own. */
static guint
count_scored_by_engine (const VigilLocation *location)
{
  g_autoptr(VigilStore) store = vigil_gui_test_open (location);
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilScoringProfile) profile = vigil_scoring_profile_load_default (&error);
  g_autoptr(VigilFactSet) facts = NULL;
  g_autoptr(VigilScoreTable) table = NULL;
  GDate as_of;

  g_assert_no_error (error);
  g_date_clear (&as_of, 1);
  g_date_set_dmy (&as_of, AS_OF_DAY, AS_OF_MONTH, AS_OF_YEAR);
  facts = vigil_fact_set_load (store, NULL, &error);
  g_assert_no_error (error);
  table = vigil_rfgv_score (facts, profile, &as_of, &error);
  g_assert_no_error (error);
  return vigil_score_table_get_n_rows (table);
}

/* Widgets */

static gboolean
refresh_is_over (gpointer user_data)
{
  return !vigil_identification_view_is_running (user_data);
}

/* The window is wide enough for the view switcher in its header bar: no bar at the
 * bottom, and no empty strip where it was. */
static gboolean
switcher_bar_is_hidden (gpointer user_data)
{
  GtkWidget *bar = vigil_gui_test_find_descendant (user_data, ADW_TYPE_VIEW_SWITCHER_BAR);

  return !adw_view_switcher_bar_get_reveal (ADW_VIEW_SWITCHER_BAR (bar)) && gtk_widget_get_height (bar) == 0;
}

typedef struct
{
  VigilIdentificationView *view;
  const char              *needle;
} ExplanationWait;

static gboolean
explanation_shows (gpointer user_data)
{
  ExplanationWait *wait = user_data;
  g_autofree char *text = vigil_gui_test_dup_text (vigil_identification_view_get_explanation (wait->view));

  return strstr (text, wait->needle) != NULL;
}

static gboolean
view_settled (gpointer user_data)
{
  return !vigil_identification_view_get_busy (user_data);
}

/* Waits until nothing the view shows is on its way from the store. */
static void
settle (VigilIdentificationView *view)
{
  vigil_gui_test_wait_for (view_settled, view, 60000, "the identification view to read the store");
}

static gboolean
model_settled (gpointer user_data)
{
  return !vigil_score_model_get_loading (user_data);
}

static VigilIdentificationView *
get_view (VigilWindow *window)
{
  GtkWidget *view = vigil_gui_test_find_descendant (GTK_WIDGET (window), VIGIL_TYPE_IDENTIFICATION_VIEW);

  g_assert_nonnull (view);
  return VIGIL_IDENTIFICATION_VIEW (view);
}

static void
set_as_of (VigilIdentificationView *view)
{
  GDate as_of;

  g_date_clear (&as_of, 1);
  g_date_set_dmy (&as_of, AS_OF_DAY, AS_OF_MONTH, AS_OF_YEAR);
  vigil_identification_view_set_as_of (view, &as_of);
}

static void
refresh_through_window (VigilWindow             *window,
                        VigilIdentificationView *view)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.refresh", NULL));
  g_assert_true (vigil_identification_view_is_running (view));
  vigil_gui_test_wait_for (refresh_is_over, view, REFRESH_TIMEOUT_MS, "the refresh to finish");
  g_assert_no_error ((GError *) vigil_identification_view_get_error (view));
  /* the progress reached its end */
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (vigil_identification_view_get_progress_bar (view)), ==, 1.0);
  settle (view);
}

static VigilScoreItem *
get_item (VigilScoreModel *model,
          guint            position)
{
  VigilScoreItem *item = g_list_model_get_item (G_LIST_MODEL (model), position);

  g_assert_nonnull (item);
  if (vigil_score_item_get_name (item) == NULL)
    {
      /* asked for by this very call: its page's names are on their way */
      g_object_unref (item);
      vigil_gui_test_wait_for (model_settled, model, 60000, "the names of the ranking");
      item = g_list_model_get_item (G_LIST_MODEL (model), position);
    }
  return item;
}

static void
shoot_both (gpointer    widget,
            const char *name,
            const char *size)
{
  g_autofree char *light = g_strdup_printf ("screenshot-%s-%s.png", name, size);
  g_autofree char *dark = g_strdup_printf ("screenshot-%s-dark-%s.png", name, size);

  vigil_gui_test_shoot_both (widget, light, dark);
}

static gboolean
search_applied (gpointer user_data)
{
  VigilIdentificationView *view = user_data;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (vigil_identification_view_get_search_entry (view)));
  const char *applied = vigil_score_model_get_search (vigil_identification_view_get_model (view));

  return g_strcmp0 (*text ? text : NULL, applied) == 0 && !vigil_identification_view_get_busy (view);
}

/* Tests */

static void
test_refresh_explain_movers (void)
{
  Fixture fixture = { 0 };
  VigilWindow *window;
  VigilIdentificationView *view;
  VigilScoreModel *model;
  VigilStore *store;
  GtkListBox *movers;
  GtkListBoxRow *first_mover;
  GtkColumnView *column_view;
  GListModel *columns;
  guint expected;

  make_store (&fixture);
  expected = count_scored_by_engine (fixture.location);
  g_assert_cmpuint (expected, ==, 4);

  window = vigil_gui_test_open_window (fixture.location, 1366, 768);
  view = get_view (window);
  store = vigil_window_get_store (window);

  /* No run yet: an empty page that offers Refresh. */
  g_assert_cmpstr (vigil_identification_view_get_state (view), ==, "empty");
  g_assert_cmpint (vigil_identification_view_get_run_id (view), ==, 0);
  set_as_of (view);

  /* Refresh through the window's action (F5): it shows the Identification page. */
  refresh_through_window (window, view);
  g_assert_cmpstr (vigil_window_get_page (window), ==, "main");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (view)));
  g_assert_cmpstr (vigil_identification_view_get_state (view), ==, "ranking");
  g_assert_false (vigil_identification_view_is_stored_run (view));
  g_assert_false (gtk_widget_get_visible (vigil_identification_view_get_stored_banner (view)));
  g_assert_cmpint (vigil_identification_view_get_run_id (view), >, 0);
  g_assert_cmpint (count_runs (store), ==, 1);

  /* Everyone the engine scored, by rank */
  model = vigil_identification_view_get_model (view);
  g_assert_nonnull (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, expected);
  {
    g_autoptr(VigilScoreItem) first = get_item (model, 0);
    g_autoptr(VigilScoreItem) third = get_item (model, 2);

    g_assert_cmpint (vigil_score_item_get_person_id (first), ==, fixture.alpha);
    g_assert_cmpstr (vigil_score_item_get_name (first), ==, "Synthwood, Alpha");
    g_assert_cmpstr (vigil_score_item_get_reference (first), ==, "SYN-P001");
    g_assert_cmpfloat (vigil_score_item_get_row (first)->total, ==, 16.0);
    g_assert_true (vigil_score_item_get_row (first)->in_cohort);
    g_assert_cmpint (vigil_score_item_get_person_id (third), ==, fixture.charlie);
    g_assert_cmpint (vigil_score_item_get_movement (third), ==, VIGIL_SCORE_MOVEMENT_NONE);
  }

  /* The filter: the cohort is Alpha alone */
  vigil_identification_view_set_filter (view, VIGIL_SCORE_FILTER_COHORT);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  vigil_identification_view_set_filter (view, VIGIL_SCORE_FILTER_MOVERS);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
  vigil_identification_view_set_filter (view, VIGIL_SCORE_FILTER_EVERYONE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, expected);

  /* Sorting by a column header: victims ascending puts Delta (no victim) first */
  column_view = vigil_identification_view_get_column_view (view);
  columns = gtk_column_view_get_columns (column_view);
  {
    g_autoptr(GtkColumnViewColumn) victims = g_list_model_get_item (columns, 5);
    g_autoptr(VigilScoreItem) first = NULL;

    g_assert_cmpstr (gtk_column_view_column_get_title (victims), ==, "V");
    gtk_column_view_sort_by_column (column_view, victims, GTK_SORT_ASCENDING);
    first = get_item (model, 0);
    g_assert_cmpint (vigil_score_item_get_person_id (first), ==, fixture.delta);
    gtk_column_view_sort_by_column (column_view, victims, GTK_SORT_DESCENDING);
    g_clear_object (&first);
    first = get_item (model, 0);
    g_assert_cmpint (vigil_score_item_get_person_id (first), ==, fixture.alpha);
    gtk_column_view_sort_by_column (column_view, NULL, GTK_SORT_ASCENDING);
    g_clear_object (&first);
    first = get_item (model, 3);
    g_assert_cmpint (vigil_score_item_get_person_id (first), ==, fixture.delta);
  }

  /* Search by name and by reference */
  gtk_editable_set_text (GTK_EDITABLE (vigil_identification_view_get_search_entry (view)), "fakeham");
  vigil_gui_test_wait_for (search_applied, view, 5000, "the search to be applied");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  gtk_editable_set_text (GTK_EDITABLE (vigil_identification_view_get_search_entry (view)), "SYN-P00");
  vigil_gui_test_wait_for (search_applied, view, 5000, "the search to be applied");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, expected);
  gtk_editable_set_text (GTK_EDITABLE (vigil_identification_view_get_search_entry (view)), "");
  vigil_gui_test_wait_for (search_applied, view, 5000, "the search to be cleared");

  /* Select Charlie: the explanation of 6 points */
  g_assert_true (vigil_identification_view_select_person (view, fixture.charlie));
  settle (view);
  {
    GtkWidget *explanation = vigil_identification_view_get_explanation (view);
    GtkWidget *recency = vigil_gui_test_find_named (explanation, "recency");
    GtkWidget *victims = vigil_gui_test_find_named (explanation, "victims");
    g_autofree char *text = vigil_gui_test_dup_text (explanation);

    g_assert_nonnull (recency);
    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (recency)), ==, "3 points");
    g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (victims)), ==, "1 point");
    g_assert_nonnull (strstr (text, "Fakeham, Charlie"));
    g_assert_nonnull (strstr (text, "295 days since the latest incident · band 181–365 days"));
    g_assert_nonnull (strstr (text, "Total 6: R 3 + F 1 + G 1 + V 1"));
    g_assert_nonnull (strstr (text, "SYN-I007"));
    g_assert_nonnull (strstr (text, "Not counted: outside the window"));
    g_assert_nonnull (strstr (text, "Victim 1"));
    /* victims by role, never by name, unless show-victim-names is on */
    g_assert_null (strstr (text, "Victimsby"));
  }
  {
    g_autoptr(GSettings) settings = g_settings_new (VIGIL_SETTINGS_SCHEMA_ID);
    g_autofree char *text = NULL;

    g_settings_set_boolean (settings, "show-victim-names", TRUE);
    g_assert_true (vigil_identification_view_select_person (view, fixture.alpha));
    settle (view);
    g_assert_true (vigil_identification_view_select_person (view, fixture.charlie));
    settle (view);
    text = vigil_gui_test_dup_text (vigil_identification_view_get_explanation (view));
    g_assert_nonnull (strstr (text, "Victimsby, Victim5"));
    g_assert_null (strstr (text, "Victim 1 "));
    g_settings_reset (settings, "show-victim-names");
    g_assert_true (vigil_identification_view_select_person (view, fixture.alpha));
    settle (view);
    g_assert_true (vigil_identification_view_select_person (view, fixture.charlie));
    settle (view);
  }
  shoot_both (window, "identification", "1366x768");

  /* A second run, with more incidents: Charlie rises, Echo enters */
  add_incident (store, "SYN-I010", "2026-10-01", fixture.charlie, fixture.victims[5], "strangulation");
  add_incident (store, "SYN-I011", "2026-10-20", fixture.charlie, fixture.victims[6], "threats_to_kill");
  add_incident (store, "SYN-I012", "2026-10-10", fixture.echo, fixture.victims[7], "rape");
  add_incident (store, "SYN-I013", "2026-09-10", fixture.echo, fixture.victims[8], "gbh");
  add_incident (store, "SYN-I014", "2026-08-10", fixture.echo, fixture.victims[9], "kidnap");

  refresh_through_window (window, view);
  g_assert_cmpint (count_runs (store), ==, 2);
  model = vigil_identification_view_get_model (view);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, count_scored_by_engine (fixture.location));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 5);

  {
    /* Charlie: rank 3 → 1, of concern and risen: to review; Alpha 1 → 3 */
    g_autoptr(VigilScoreItem) first = get_item (model, 0);
    g_autoptr(VigilScoreItem) second = get_item (model, 1);
    g_autoptr(VigilScoreItem) third = get_item (model, 2);
    g_autofree char *up = NULL;

    g_assert_cmpint (vigil_score_item_get_person_id (first), ==, fixture.charlie);
    g_assert_cmpint (vigil_score_item_get_movement (first), ==, VIGIL_SCORE_MOVEMENT_UP);
    up = vigil_score_item_dup_movement_label (first);
    g_assert_cmpstr (up, ==, "Up 2");
    g_assert_true (vigil_score_item_get_needs_review (first));
    g_assert_cmpint (vigil_score_item_get_person_id (second), ==, fixture.echo);
    g_assert_cmpint (vigil_score_item_get_movement (second), ==, VIGIL_SCORE_MOVEMENT_NEW);
    g_assert_false (vigil_score_item_get_needs_review (second));
    g_assert_cmpint (vigil_score_item_get_person_id (third), ==, fixture.alpha);
    g_assert_cmpint (vigil_score_item_get_movement (third), ==, VIGIL_SCORE_MOVEMENT_DOWN);
  }

  /* The movers: the person of concern first and highlighted, then the entrant */
  vigil_identification_view_set_filter (view, VIGIL_SCORE_FILTER_MOVERS);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 2);
  vigil_identification_view_set_filter (view, VIGIL_SCORE_FILTER_EVERYONE);

  movers = vigil_identification_view_get_movers_list (view);
  first_mover = gtk_list_box_get_row_at_index (movers, 0);
  g_assert_nonnull (first_mover);
  g_assert_nonnull (gtk_list_box_get_row_at_index (movers, 1));
  g_assert_null (gtk_list_box_get_row_at_index (movers, 2));
  g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (first_mover), "review-row"));
  g_assert_false (gtk_widget_has_css_class (GTK_WIDGET (gtk_list_box_get_row_at_index (movers, 1)), "review-row"));
  {
    g_autofree char *text = vigil_gui_test_dup_text (GTK_WIDGET (first_mover));

    g_assert_nonnull (strstr (text, "SYN-P003"));
    g_assert_nonnull (strstr (text, "Of concern — score rose, review"));
    g_assert_nonnull (strstr (text, "Rank 3 → 1, total 6 → 16"));
  }

  /* Activating a mover explains them */
  vigil_identification_view_show_movers (view);
  gtk_widget_activate (GTK_WIDGET (first_mover));   /* identification.show-person(x) */
  settle (view);
  {
    g_autofree char *text = vigil_gui_test_dup_text (vigil_identification_view_get_explanation (view));

    g_assert_nonnull (strstr (text, "Of concern — score rose, review"));
    g_assert_nonnull (strstr (text, "Total 16: R 5 + F 3 + G 3 + V 5"));
  }

  vigil_identification_view_show_movers (view);
  shoot_both (window, "identification-movers", "1366x768");

  vigil_gui_test_resize (window, 1920, 1080);
  g_assert_true (vigil_identification_view_select_person (view, fixture.alpha));
  settle (view);
  shoot_both (window, "identification", "1920x1080");

  vigil_gui_test_destroy_window (window);

  /* Opening the store again shows the last stored run, without running one */
  window = vigil_gui_test_open_window (fixture.location, 1366, 768);
  view = get_view (window);
  store = vigil_window_get_store (window);
  g_assert_true (vigil_identification_view_is_stored_run (view));
  g_assert_true (gtk_widget_get_visible (vigil_identification_view_get_stored_banner (view)));
  g_assert_cmpint (count_runs (store), ==, 2);
  model = vigil_identification_view_get_model (view);
  /* stored: the cohort (Charlie, Echo, Alpha) and Charlie's entry */
  g_assert_cmpuint (vigil_score_table_get_n_rows (vigil_score_model_get_table (model)), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 3);
  {
    g_autofree char *text = vigil_gui_test_dup_text (vigil_identification_view_get_stored_banner (view));
    g_autoptr(VigilScoreItem) first = get_item (model, 0);

    g_assert_nonnull (strstr (text, "Showing the cohort of the run of 2026-11-01"));
    g_assert_nonnull (strstr (text, "Refresh to rank everyone"));
    g_autoptr(VigilScoreItem) third = get_item (model, 2);

    g_assert_cmpint (vigil_score_item_get_person_id (first), ==, fixture.charlie);
    g_assert_true (vigil_score_item_get_needs_review (first));
    g_assert_cmpint (vigil_score_item_get_movement (first), ==, VIGIL_SCORE_MOVEMENT_UP);
    g_assert_cmpstr (vigil_score_item_get_area (first), ==, "North Synthshire");
    g_assert_cmpint (vigil_score_item_get_person_id (third), ==, fixture.alpha);
    g_assert_cmpint (vigil_score_item_get_movement (third), ==, VIGIL_SCORE_MOVEMENT_DOWN);
  }
  /* the view switcher stays in the header bar: nothing at the bottom */
  vigil_gui_test_wait_for (switcher_bar_is_hidden, window, 5000, "the bottom view switcher to hide");

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (vigil_gui_test_find_descendant (GTK_WIDGET (window), ADW_TYPE_VIEW_STACK)),
                                         "identification");
  g_assert_true (vigil_identification_view_select_person (view, fixture.echo));
  settle (view);
  {
    g_autofree char *text = vigil_gui_test_dup_text (vigil_identification_view_get_explanation (view));

    g_assert_nonnull (strstr (text, "Total 16: R 5 + F 3 + G 3 + V 5"));
    g_assert_nonnull (strstr (text, "SYN-I012"));
  }
  /* Professional judgement beside the score: Record Judgement… opens the dialog for the
   * selected person; the decision made there shows in the explanation and the column. */
  g_assert_true (vigil_identification_view_select_person (view, fixture.alpha));
  settle (view);
  {
    GtkWidget *explanation = vigil_identification_view_get_explanation (view);
    GtkWidget *button = vigil_gui_test_find_named (explanation, "record-judgement");
    g_autofree char *before = vigil_gui_test_dup_text (explanation);
    g_autofree char *after = NULL;
    g_autoptr(GError) error = NULL;
    GtkWindow *dialog;
    VigilDecision *decision;
    VigilOverride override = {
      .person_id = fixture.alpha,
      .kind = VIGIL_OVERRIDE_EXCLUDE,
      .decided_by = "DCI Juliett Examplesson",
      .decided_role = "Head of Public Protection",
      .decided_on = "2026-11-02",
      .rationale = "Already managed at MAPPA category 2 level 2 (synthetic test case)",
    };

    g_assert_nonnull (strstr (before, "No professional judgement recorded"));
    g_assert_nonnull (button);
    g_signal_emit_by_name (button, "clicked");
    dialog = vigil_gui_test_wait_for_toplevel (VIGIL_TYPE_JUDGEMENT_DIALOG);
    g_assert_nonnull (dialog);
    g_assert_cmpint (vigil_judgement_dialog_get_person_id (VIGIL_JUDGEMENT_DIALOG (dialog)), ==, fixture.alpha);

    decision = vigil_cohort_decide_override (store, &override, &error);
    g_assert_no_error (error);
    g_signal_emit_by_name (dialog, "decided", decision->record.id, (int) VIGIL_OVERRIDE_EXCLUDE);
    vigil_decision_free (decision);
    vigil_gui_test_destroy_window (dialog);
    {
      ExplanationWait wait = { view, "Excluded by DCI Juliett Examplesson" };

      vigil_gui_test_wait_for (explanation_shows, &wait, REFRESH_TIMEOUT_MS, "the judgement in the explanation");
    }

    after = vigil_gui_test_dup_text (vigil_identification_view_get_explanation (view));
    g_test_message ("explanation after the decision: %s", after);
    g_assert_nonnull (strstr (after, "Excluded by DCI Juliett Examplesson"));
    g_assert_null (strstr (after, "No professional judgement recorded"));
  }
  shoot_both (window, "identification-stored", "1366x768");

  vigil_gui_test_destroy_window (window);
  vigil_location_free (fixture.location);
}

static gboolean
refresh_is_scoring (gpointer user_data)
{
  VigilIdentificationView *view = user_data;

  return gtk_progress_bar_get_fraction (vigil_identification_view_get_progress_bar (view)) >= 0.7;
}

static void
test_cancel (void)
{
  Fixture fixture = { 0 };
  VigilWindow *window;
  VigilIdentificationView *view;
  VigilStore *store;

  make_store (&fixture);
  window = vigil_gui_test_open_window (fixture.location, 1366, 768);
  view = get_view (window);
  store = vigil_window_get_store (window);
  set_as_of (view);

  /* The refresh holds once everything is loaded, until Cancel. */
  vigil_identification_view_set_hold_for_testing (view, TRUE);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.refresh", NULL));
  g_assert_true (vigil_identification_view_is_running (view));
  vigil_gui_test_wait_for (refresh_is_scoring, view, REFRESH_TIMEOUT_MS, "the refresh to report scoring");
  vigil_gui_test_shoot (window, "screenshot-identification-progress-1366x768.png");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "identification.cancel", NULL));
  vigil_gui_test_wait_for (refresh_is_over, view, REFRESH_TIMEOUT_MS, "the refresh to stop");

  /* Nothing stored, nothing shown, no error: cancelling is not a failure */
  g_assert_cmpint (count_runs (store), ==, 0);
  g_assert_cmpint (vigil_identification_view_get_run_id (view), ==, 0);
  g_assert_cmpstr (vigil_identification_view_get_state (view), ==, "empty");
  g_assert_null (vigil_identification_view_get_error (view));

  /* and the next refresh runs normally */
  vigil_identification_view_set_hold_for_testing (view, FALSE);
  refresh_through_window (window, view);
  g_assert_cmpint (count_runs (store), ==, 1);

  vigil_gui_test_destroy_window (window);
  vigil_location_free (fixture.location);
}

int
main (int   argc,
      char *argv[])
{
  vigil_gui_test_init (&argc, &argv, VIGIL_GUI_TEST_DEFAULT);

  g_test_add_func ("/identification/refresh-explain-movers", test_refresh_explain_movers);
  g_test_add_func ("/identification/cancel", test_cancel);

  return vigil_gui_test_run ();
}
