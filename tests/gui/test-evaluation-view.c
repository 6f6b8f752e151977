/* test-evaluation-view.c: the Evaluation page in the real window under Xvfb
 *
 * On the synthetic demo: the evaluation runs off the main thread and shows the first
 * chart with its numbers beside it; each of the seven charts is chosen from the list,
 * its table matches the chart's; filters (window, route) run it again with the core's
 * numbers; a bad date names itself; Cancel leaves the evaluation before; the chart is
 * exported as PNG, SVG, PDF and CSV and read back. Screenshots in light and dark at
 * 1366×768 and 1920×1080.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-evaluation-view"

#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gstdio.h>

#include "vigil-application.h"
#include "vigil-chart-view.h"
#include "vigil-evaluation-charts.h"
#include "vigil-evaluation-view.h"
#include "vigil-gui.h"
#include "vigil-window.h"

#include "vigil-gui-test.h"

#define OPEN_TIMEOUT_MS 240000
#define SHOW_TIMEOUT_MS 60000

static VigilApplication *app;

static gboolean
window_left_loading (gpointer user_data)
{
  return g_strcmp0 (vigil_window_get_page (user_data), "loading") != 0;
}

static gboolean
widget_is_drawn (gpointer user_data)
{
  return gtk_widget_get_mapped (user_data) && gtk_widget_get_width (user_data) > 0;
}

static gboolean
view_is_idle (gpointer user_data)
{
  return !vigil_evaluation_view_is_busy (user_data);
}

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static const char *
message_text (GtkWidget *view)
{
  return gtk_label_get_text (GTK_LABEL (find_named (view, "message")));
}

static void
shoot (VigilWindow *window,
       const char  *name)
{
  g_autofree char *light = g_strdup_printf ("screenshot-evaluation-%s.png", name);
  g_autofree char *dark = g_strdup_printf ("screenshot-evaluation-dark-%s.png", name);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
  vigil_gui_test_run_for (200);
  a = vigil_gui_test_screenshot (GTK_WIDGET (window), light);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  vigil_gui_test_run_for (200);
  b = vigil_gui_test_screenshot (GTK_WIDGET (window), dark);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
}

/* The table beside the chart holds the chart's own table, row for row. */
static void
assert_table_matches (GtkWidget *view)
{
  VigilChart *chart = vigil_evaluation_view_get_chart (VIGIL_EVALUATION_VIEW (view));
  GtkColumnView *table = GTK_COLUMN_VIEW (find_named (view, "chart-table"));
  GListModel *columns = gtk_column_view_get_columns (table);
  GListModel *rows = G_LIST_MODEL (gtk_column_view_get_model (table));

  g_assert_nonnull (chart);
  g_assert_cmpuint (g_list_model_get_n_items (columns), ==, vigil_chart_get_table_n_columns (chart));
  g_assert_cmpuint (g_list_model_get_n_items (rows), ==, vigil_chart_get_table_n_rows (chart));
  for (guint c = 0; c < g_list_model_get_n_items (columns); c++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, c);

      g_assert_cmpstr (gtk_column_view_column_get_title (column), ==, vigil_chart_get_table_column (chart, c));
    }
}

static void
export_and_read_back (GtkWidget  *view,
                      const char *dir)
{
  static const char * const extensions[] = { "png", "svg", "pdf", "csv" };
  VigilChart *chart = vigil_evaluation_view_get_chart (VIGIL_EVALUATION_VIEW (view));

  for (guint i = 0; i < G_N_ELEMENTS (extensions); i++)
    {
      g_autofree char *name = g_strdup_printf ("%s.%s", vigil_chart_get_name (chart), extensions[i]);
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GError) error = NULL;
      g_autofree char *contents = NULL;
      gsize length = 0;
      GStatBuf st;

      g_assert_true (vigil_evaluation_view_export_chart (VIGIL_EVALUATION_VIEW (view), path, &error));
      g_assert_no_error (error);
      g_assert_cmpint (g_stat (path, &st), ==, 0);
      g_assert_cmpint (st.st_mode & 0777, ==, 0600);
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      if (i == 0)
        {
          cairo_surface_t *surface = cairo_image_surface_create_from_png (path);

          g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
          g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 1600);
          g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 1000);
          cairo_surface_destroy (surface);
        }
      else if (i == 1)
        g_assert_nonnull (strstr (contents, "<svg"));
      else if (i == 2)
        g_assert_true (g_str_has_prefix (contents, "%PDF-"));
      else
        {
          g_autofree char *csv = vigil_chart_to_csv (chart);

          g_assert_cmpstr (contents, ==, csv);
        }
    }
}

static void
test_evaluation (void)
{
  g_autoptr(VigilLocation) location = vigil_gui_test_demo_location ();
  VigilWindow *window = vigil_window_new (GTK_APPLICATION (app));
  g_autofree char *dir = vigil_gui_test_make_tmpdir ();
  g_autoptr(VigilEvaluation) expected = NULL;
  g_auto(VigilEvaluationOptions) options = { { 0, }, };
  g_autoptr(GError) error = NULL;
  const VigilEvaluation *shown;
  VigilWindowSummary shown_summary, expected_summary;
  GtkWidget *view, *stack, *chart_view;
  VigilStore *store;
  const char *description;

  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_present (GTK_WINDOW (window));
  vigil_gui_test_wait_for (widget_is_drawn, window, 10000, "the window to show");
  vigil_window_open_location (window, location, VIGIL_OPEN_MODE_EXISTING, FALSE);
  vigil_gui_test_wait_for (window_left_loading, window, OPEN_TIMEOUT_MS, "the store to open");
  store = g_object_ref (vigil_window_get_store (window));
  view = vigil_window_get_evaluation_view (window);
  stack = gtk_widget_get_ancestor (view, ADW_TYPE_VIEW_STACK);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "evaluation");
  vigil_gui_test_wait_for (widget_is_drawn, view, SHOW_TIMEOUT_MS, "the Evaluation page to show");
  vigil_gui_test_wait_for (view_is_idle, view, OPEN_TIMEOUT_MS, "the evaluation to finish");

  /* the numbers are the core's */
  shown = vigil_evaluation_view_get_evaluation (VIGIL_EVALUATION_VIEW (view));
  g_assert_nonnull (shown);
  expected = vigil_evaluation_run (store, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (vigil_evaluation_count_group (shown, VIGIL_EVALUATION_MANAGED), ==,
                    vigil_evaluation_count_group (expected, VIGIL_EVALUATION_MANAGED));
  g_assert_cmpuint (vigil_evaluation_count_group (shown, VIGIL_EVALUATION_MANAGED), >, 0);
  vigil_evaluation_summarise (shown, VIGIL_EVALUATION_MANAGED, 0, &shown_summary);
  vigil_evaluation_summarise (expected, VIGIL_EVALUATION_MANAGED, 0, &expected_summary);
  g_assert_cmpmem (&shown_summary, sizeof shown_summary, &expected_summary, sizeof expected_summary);
  g_assert_nonnull (strstr (message_text (view), "managed people"));

  /* the first chart, its description for screen readers and its table */
  chart_view = find_named (view, "chart-view");
  g_assert_true (VIGIL_IS_CHART_VIEW (chart_view));
  g_assert_cmpstr (vigil_chart_get_name (vigil_evaluation_view_get_chart (VIGIL_EVALUATION_VIEW (view))), ==,
                   "before-after");
  g_assert_true (vigil_chart_view_get_chart (VIGIL_CHART_VIEW (chart_view))
                 == vigil_evaluation_view_get_chart (VIGIL_EVALUATION_VIEW (view)));
  description = vigil_chart_get_caveat (vigil_evaluation_view_get_chart (VIGIL_EVALUATION_VIEW (view)));
  g_assert_nonnull (strstr (description, "under-count"));
  assert_table_matches (view);
  vigil_gui_test_wait_for (widget_is_drawn, chart_view, SHOW_TIMEOUT_MS, "the chart to show");
  shoot (window, "before-after-1366x768");

  /* every chart from the list */
  for (guint i = 0; vigil_evaluation_chart_names[i] != NULL; i++)
    {
      GtkListBox *list = GTK_LIST_BOX (find_named (view, "chart-list"));
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, (int) i);

      g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (row)), ==, vigil_evaluation_chart_names[i]);
      gtk_list_box_select_row (list, row);
      vigil_gui_test_run_for (50);
      g_assert_cmpstr (vigil_chart_get_name (vigil_evaluation_view_get_chart (VIGIL_EVALUATION_VIEW (view))), ==,
                       vigil_evaluation_chart_names[i]);
      assert_table_matches (view);
    }
  g_assert_true (vigil_evaluation_view_show_chart (VIGIL_EVALUATION_VIEW (view), "survival"));
  g_assert_false (vigil_evaluation_view_show_chart (VIGIL_EVALUATION_VIEW (view), "pie"));
  shoot (window, "survival-1366x768");

  /* a filter runs it again: the 12-month window, then rfgv route only */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find_named (view, "window-dropdown")), 3);
  g_assert_true (vigil_evaluation_view_is_busy (VIGIL_EVALUATION_VIEW (view)));
  vigil_gui_test_wait_for (view_is_idle, view, OPEN_TIMEOUT_MS, "the 12-month evaluation");
  shown = vigil_evaluation_view_get_evaluation (VIGIL_EVALUATION_VIEW (view));
  g_assert_cmpint (vigil_evaluation_get_options (shown)->window_months[0], ==, 12);
  g_assert_cmpuint (vigil_evaluation_get_options (shown)->n_windows, ==, 1);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find_named (view, "route-dropdown")), 1);  /* rfgv */
  vigil_gui_test_wait_for (view_is_idle, view, OPEN_TIMEOUT_MS, "the rfgv-only evaluation");
  shown = vigil_evaluation_view_get_evaluation (VIGIL_EVALUATION_VIEW (view));
  g_assert_cmpstr (vigil_evaluation_get_options (shown)->route, ==, "rfgv");
  vigil_evaluation_options_init (&options);
  options.window_months[0] = 12;
  options.n_windows = 1;
  options.route = g_strdup ("rfgv");
  g_clear_pointer (&expected, vigil_evaluation_free);
  expected = vigil_evaluation_run (store, NULL, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (vigil_evaluation_count_group (shown, VIGIL_EVALUATION_MANAGED), ==,
                    vigil_evaluation_count_group (expected, VIGIL_EVALUATION_MANAGED));

  /* a bad date is named, and the evaluation before stays */
  gtk_editable_set_text (GTK_EDITABLE (find_named (view, "from-entry")), "2025-13-40");
  g_signal_emit_by_name (find_named (view, "from-entry"), "activate");
  vigil_gui_test_wait_for (view_is_idle, view, OPEN_TIMEOUT_MS, "the refused evaluation");
  g_assert_nonnull (strstr (message_text (view), "2025-13-40"));
  g_assert_true (gtk_widget_has_css_class (find_named (view, "message"), "error"));
  g_assert_true (vigil_evaluation_view_get_evaluation (VIGIL_EVALUATION_VIEW (view)) == shown);
  gtk_editable_set_text (GTK_EDITABLE (find_named (view, "from-entry")), "");

  /* Cancel: the evaluation before is kept */
  vigil_evaluation_view_refresh (VIGIL_EVALUATION_VIEW (view));
  g_assert_true (gtk_widget_get_visible (find_named (view, "cancel-button")));
  /* "clicked" at once: gtk_widget_activate () presses a button and clicks it 250 ms
   * later, when it would cancel whichever evaluation runs then */
  g_signal_emit_by_name (find_named (view, "cancel-button"), "clicked");
  vigil_gui_test_wait_for (view_is_idle, view, OPEN_TIMEOUT_MS, "the cancelled evaluation");
  if (strstr (message_text (view), "Cancelled") != NULL)
    g_assert_true (vigil_evaluation_view_get_evaluation (VIGIL_EVALUATION_VIEW (view)) == shown);
  else   /* it finished first: the demo is small */
    g_assert_nonnull (strstr (message_text (view), "managed people"));

  /* export, and read each file back */
  export_and_read_back (view, dir);

  /* the projector */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (find_named (view, "route-dropdown")), 0);
  g_assert_true (vigil_evaluation_view_is_busy (VIGIL_EVALUATION_VIEW (view)));
  vigil_gui_test_wait_for (view_is_idle, view, OPEN_TIMEOUT_MS, "the evaluation of everyone");
  g_test_message ("after the evaluation of everyone: %s", message_text (view));
  g_assert_nonnull (strstr (message_text (view), "managed people"));
  g_assert_null (vigil_evaluation_get_options (vigil_evaluation_view_get_evaluation (VIGIL_EVALUATION_VIEW (view)))->route);
  gtk_window_set_default_size (GTK_WINDOW (window), 1920, 1080);
  gtk_window_unmaximize (GTK_WINDOW (window));
  vigil_gui_test_run_for (300);
  g_assert_true (vigil_evaluation_view_show_chart (VIGIL_EVALUATION_VIEW (view), "before-after"));
  shoot (window, "before-after-1920x1080");

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (store);
}

int
main (int   argc,
      char *argv[])
{
  static const char *xdg_homes[] = {
    "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME",
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *home = NULL;
  int status;

  setlocale (LC_ALL, "C.UTF-8");
  home = g_dir_make_tmp ("vigil-test-evaluation-view-XXXXXX", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (xdg_homes); i++)
    {
      g_autofree char *dir = g_build_filename (home, xdg_homes[i], NULL);

      g_mkdir_with_parents (dir, 0700);
      g_setenv (xdg_homes[i], dir, TRUE);
    }

  g_test_init (&argc, &argv, NULL);
  if (!gtk_init_check ())
    {
      g_test_skip ("No display (run under Xvfb, as tests/run does)");
      return 77;
    }
  adw_init ();
  vigil_gui_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  app = vigil_application_new (APPLICATION_ID, G_APPLICATION_NON_UNIQUE);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);

  g_test_add_func ("/evaluation-view/evaluate", test_evaluation);

  status = g_test_run ();

  vigil_gui_test_run_for (100);
  g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
  g_clear_object (&app);
  vigil_gui_test_cleanup ();
  vigil_gui_test_remove_tree (home);
  return status;
}
