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

static gboolean
view_is_idle (gpointer user_data)
{
  return !vigil_evaluation_view_is_busy (user_data);
}

static const char *
message_text (GtkWidget *view)
{
  return gtk_label_get_text (GTK_LABEL (vigil_gui_test_find_named (view, "message")));
}

static void
shoot (VigilWindow *window,
       const char  *name)
{
  g_autofree char *light = g_strdup_printf ("screenshot-evaluation-%s.png", name);
  g_autofree char *dark = g_strdup_printf ("screenshot-evaluation-dark-%s.png", name);

  vigil_gui_test_shoot_both (window, light, dark);
}

typedef struct
{
  GtkWidget  *view;
  const char *name;
} ChartWait;

static gboolean
chart_is (gpointer user_data)
{
  ChartWait *wait = user_data;
  VigilChart *chart = vigil_evaluation_view_get_chart (VIGIL_EVALUATION_VIEW (wait->view));

  return chart != NULL && g_strcmp0 (vigil_chart_get_name (chart), wait->name) == 0;
}

/* The table beside the chart holds the chart's own table, row for row. */
static void
assert_table_matches (GtkWidget *view)
{
  VigilChart *chart = vigil_evaluation_view_get_chart (VIGIL_EVALUATION_VIEW (view));
  GtkColumnView *table = GTK_COLUMN_VIEW (vigil_gui_test_find_named (view, "chart-table"));
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
  VigilWindow *window;
  g_autofree char *dir = vigil_gui_test_make_tmpdir ();
  g_autoptr(VigilEvaluation) expected = NULL;
  g_auto(VigilEvaluationOptions) options = { { 0, }, };
  g_autoptr(GError) error = NULL;
  const VigilEvaluation *shown;
  VigilWindowSummary shown_summary, expected_summary;
  GtkWidget *view, *stack, *chart_view;
  VigilStore *store;
  const char *description;

  window = vigil_gui_test_open_window (location, 1366, 768);
  store = g_object_ref (vigil_window_get_store (window));
  view = vigil_window_get_evaluation_view (window);
  stack = gtk_widget_get_ancestor (view, ADW_TYPE_VIEW_STACK);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "evaluation");
  vigil_gui_test_wait_for (vigil_gui_test_widget_is_drawn, view, SHOW_TIMEOUT_MS, "the Evaluation page to show");
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
  chart_view = vigil_gui_test_find_named (view, "chart-view");
  g_assert_true (VIGIL_IS_CHART_VIEW (chart_view));
  g_assert_cmpstr (vigil_chart_get_name (vigil_evaluation_view_get_chart (VIGIL_EVALUATION_VIEW (view))), ==,
                   "before-after");
  g_assert_true (vigil_chart_view_get_chart (VIGIL_CHART_VIEW (chart_view))
                 == vigil_evaluation_view_get_chart (VIGIL_EVALUATION_VIEW (view)));
  description = vigil_chart_get_caveat (vigil_evaluation_view_get_chart (VIGIL_EVALUATION_VIEW (view)));
  g_assert_nonnull (strstr (description, "under-count"));
  assert_table_matches (view);
  vigil_gui_test_wait_for (vigil_gui_test_widget_is_drawn, chart_view, SHOW_TIMEOUT_MS, "the chart to show");
  shoot (window, "before-after-1366x768");

  /* every chart from the list */
  for (guint i = 0; vigil_evaluation_chart_names[i] != NULL; i++)
    {
      GtkListBox *list = GTK_LIST_BOX (vigil_gui_test_find_named (view, "chart-list"));
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, (int) i);

      g_assert_cmpstr (gtk_widget_get_name (GTK_WIDGET (row)), ==, vigil_evaluation_chart_names[i]);
      gtk_list_box_select_row (list, row);
      {
        ChartWait wait = { view, vigil_evaluation_chart_names[i] };

        vigil_gui_test_wait_for (chart_is, &wait, SHOW_TIMEOUT_MS, vigil_evaluation_chart_names[i]);
      }
      vigil_gui_test_settle (view);
      g_assert_cmpstr (vigil_chart_get_name (vigil_evaluation_view_get_chart (VIGIL_EVALUATION_VIEW (view))), ==,
                       vigil_evaluation_chart_names[i]);
      assert_table_matches (view);
    }
  g_assert_true (vigil_evaluation_view_show_chart (VIGIL_EVALUATION_VIEW (view), "survival"));
  g_assert_false (vigil_evaluation_view_show_chart (VIGIL_EVALUATION_VIEW (view), "pie"));
  shoot (window, "survival-1366x768");

  /* the route filter open: its choices by label */
  {
    GtkWidget *dropdown = vigil_gui_test_find_named (view, "route-dropdown");
    GtkWidget *popover;

    g_signal_emit_by_name (dropdown, "activate");
    popover = vigil_gui_test_find_descendant (dropdown, GTK_TYPE_POPOVER);
    g_assert_nonnull (popover);
    vigil_gui_test_wait_for (vigil_gui_test_widget_is_drawn, popover, SHOW_TIMEOUT_MS, "the route filter to open");
    vigil_gui_test_settle (popover);
    vigil_gui_test_shoot_both (popover, "screenshot-evaluation-route-filter-open.png",
                               "screenshot-evaluation-dark-route-filter-open.png");
    gtk_popover_popdown (GTK_POPOVER (popover));
    vigil_gui_test_settle (view);
  }

  /* a filter runs it again: the 12-month window, then rfgv route only */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (vigil_gui_test_find_named (view, "window-dropdown")), 3);
  g_assert_true (vigil_evaluation_view_is_busy (VIGIL_EVALUATION_VIEW (view)));
  vigil_gui_test_wait_for (view_is_idle, view, OPEN_TIMEOUT_MS, "the 12-month evaluation");
  shown = vigil_evaluation_view_get_evaluation (VIGIL_EVALUATION_VIEW (view));
  g_assert_cmpint (vigil_evaluation_get_options (shown)->window_months[0], ==, 12);
  g_assert_cmpuint (vigil_evaluation_get_options (shown)->n_windows, ==, 1);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (vigil_gui_test_find_named (view, "route-dropdown")), 1);  /* rfgv */
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
  gtk_editable_set_text (GTK_EDITABLE (vigil_gui_test_find_named (view, "from-entry")), "2025-13-40");
  g_signal_emit_by_name (vigil_gui_test_find_named (view, "from-entry"), "activate");
  vigil_gui_test_wait_for (view_is_idle, view, OPEN_TIMEOUT_MS, "the refused evaluation");
  g_assert_nonnull (strstr (message_text (view), "2025-13-40"));
  g_assert_true (gtk_widget_has_css_class (vigil_gui_test_find_named (view, "message"), "error"));
  g_assert_true (vigil_evaluation_view_get_evaluation (VIGIL_EVALUATION_VIEW (view)) == shown);
  gtk_editable_set_text (GTK_EDITABLE (vigil_gui_test_find_named (view, "from-entry")), "");

  /* Cancel: the evaluation before is kept */
  vigil_evaluation_view_refresh (VIGIL_EVALUATION_VIEW (view));
  g_assert_true (gtk_widget_get_visible (vigil_gui_test_find_named (view, "cancel-button")));
  /* "clicked" at once: gtk_widget_activate () presses a button and clicks it 250 ms
   * later, when it would cancel whichever evaluation runs then */
  g_signal_emit_by_name (vigil_gui_test_find_named (view, "cancel-button"), "clicked");
  vigil_gui_test_wait_for (view_is_idle, view, OPEN_TIMEOUT_MS, "the cancelled evaluation");
  if (strstr (message_text (view), "Cancelled") != NULL)
    g_assert_true (vigil_evaluation_view_get_evaluation (VIGIL_EVALUATION_VIEW (view)) == shown);
  else   /* it finished first: the demo is small */
    g_assert_nonnull (strstr (message_text (view), "managed people"));

  /* export, and read each file back */
  export_and_read_back (view, dir);

  /* the projector */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (vigil_gui_test_find_named (view, "route-dropdown")), 0);
  g_assert_true (vigil_evaluation_view_is_busy (VIGIL_EVALUATION_VIEW (view)));
  vigil_gui_test_wait_for (view_is_idle, view, OPEN_TIMEOUT_MS, "the evaluation of everyone");
  g_test_message ("after the evaluation of everyone: %s", message_text (view));
  g_assert_nonnull (strstr (message_text (view), "managed people"));
  g_assert_null (vigil_evaluation_get_options (vigil_evaluation_view_get_evaluation (VIGIL_EVALUATION_VIEW (view)))->route);
  gtk_window_unmaximize (GTK_WINDOW (window));
  vigil_gui_test_resize (window, 1920, 1080);
  g_assert_true (vigil_evaluation_view_show_chart (VIGIL_EVALUATION_VIEW (view), "before-after"));
  shoot (window, "before-after-1920x1080");

  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (store);
}

int
main (int   argc,
      char *argv[])
{
  vigil_gui_test_init (&argc, &argv, VIGIL_GUI_TEST_DEFAULT);

  g_test_add_func ("/evaluation-view/evaluate", test_evaluation);

  return vigil_gui_test_run ();
}
