/* test-chart-view.c: the chart widget — its accessible role, label and description,
 * drawn on screen in the light and the dark style, and a tooltip where a bar is drawn
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-chart-view"

#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "vigil-chart-view.h"

#include "vigil-gui-test.h"

static VigilChart *
new_chart (void)
{
  static const char *windows[] = { "Before", "After" };
  VigilChart *chart = vigil_chart_new (VIGIL_CHART_GROUPED_BARS, "before-after",
                                       "Incidents a person, before and after");
  guint managed, comparison;

  vigil_chart_set_y_axis (chart, VIGIL_CHART_AXIS_NUMBER, "Incidents a person");
  vigil_chart_set_categories (chart, windows, G_N_ELEMENTS (windows));
  managed = vigil_chart_add_series (chart, "Managed");
  comparison = vigil_chart_add_series (chart, "Comparison");
  vigil_chart_add_point (chart, managed, 0, 3.2, NULL);
  vigil_chart_add_point (chart, managed, 1, 1.2, NULL);
  vigil_chart_add_point (chart, comparison, 0, 2.8, NULL);
  vigil_chart_add_point (chart, comparison, 1, 2.5, NULL);
  vigil_chart_set_caveat (chart, "Small numbers.");
  return chart;
}

static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const unsigned char *data = cairo_image_surface_get_data (surface);
  guint32 argb;

  memcpy (&argb, data + y * cairo_image_surface_get_stride (surface) + x * 4, sizeof argb);
  return argb & 0xffffff;
}

static gboolean
colour_near (guint32 a,
             guint32 b)
{
  for (int shift = 0; shift <= 16; shift += 8)
    if (ABS ((int) (a >> shift & 0xff) - (int) (b >> shift & 0xff)) > 3)
      return FALSE;
  return TRUE;
}

/* The middle of the first bar in @colour below the top third of the picture. */
static gboolean
find_bar (cairo_surface_t *surface,
          guint32          colour,
          double          *cx,
          double          *cy)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  int top = height / 3;

  for (int x = 0; x < width; x++)
    for (int y = top; y < height; y++)
      if (colour_near (pixel_at (surface, x, y), colour))
        {
          int x1 = x, y0 = y, y1 = y;

          while (x1 + 1 < width && colour_near (pixel_at (surface, x1 + 1, y), colour))
            x1++;
          while (y0 > 0 && colour_near (pixel_at (surface, (x + x1) / 2, y0 - 1), colour))
            y0--;
          while (y1 + 1 < height && colour_near (pixel_at (surface, (x + x1) / 2, y1 + 1), colour))
            y1++;
          *cx = (x + x1) / 2.0;
          *cy = (y0 + y1) / 2.0;
          return TRUE;
        }
  return FALSE;
}

static void
test_chart_view (void)
{
  g_autoptr(VigilChart) chart = new_chart ();
  g_autofree char *description = vigil_chart_describe (chart);
  g_autofree char *light = NULL;
  g_autofree char *dark = NULL;
  g_autofree char *tip = NULL;
  AdwStyleManager *manager = adw_style_manager_get_default ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *view = vigil_chart_view_new ();
  cairo_surface_t *surface;
  VigilChart *shown = NULL;
  double cx, cy;
  int width, height;

  gtk_window_set_default_size (GTK_WINDOW (window), 800, 500);
  gtk_window_set_child (GTK_WINDOW (window), view);
  gtk_window_present (GTK_WINDOW (window));

  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_ROLE_IMG);
  g_assert_true (gtk_widget_get_focusable (view));
  g_assert_true (gtk_widget_get_has_tooltip (view));
  g_assert_null (vigil_chart_view_get_chart (VIGIL_CHART_VIEW (view)));

  g_object_set (view, "chart", chart, NULL);
  g_assert_true (vigil_chart_view_get_chart (VIGIL_CHART_VIEW (view)) == chart);
  g_object_get (view, "chart", &shown, NULL);
  g_assert_true (shown == chart);
  g_clear_pointer (&shown, vigil_chart_unref);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Incidents a person, before and after");
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       description);
  g_assert_nonnull (strstr (description, "Managed: Before 3.2, After 1.2."));

  /* light: drawn where the chart says its bars are */
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  light = vigil_gui_test_screenshot (view, "chart-view-light.png");
  width = gtk_widget_get_width (view);
  height = gtk_widget_get_height (view);
  g_assert_cmpint (width, >=, 320);
  g_assert_cmpint (height, >=, 220);
  surface = cairo_image_surface_create_from_png (light);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_true (colour_near (pixel_at (surface, 3, 3), 0xffffff));
  g_assert_true (find_bar (surface, 0x0072b2, &cx, &cy));
  tip = vigil_chart_query_tooltip (chart, width, height, 1.0, cx, cy);
  g_assert_cmpstr (tip, ==, "Managed — Before: 3.2");
  cairo_surface_destroy (surface);

  /* dark, when the system is */
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  dark = vigil_gui_test_screenshot (view, "chart-view-dark.png");
  surface = cairo_image_surface_create_from_png (dark);
  g_assert_true (colour_near (pixel_at (surface, 3, 3), 0x242424));
  g_assert_true (find_bar (surface, 0x56b4e9, &cx, &cy));
  cairo_surface_destroy (surface);
  adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);

  /* no chart: nothing to read or point at */
  vigil_chart_view_set_chart (VIGIL_CHART_VIEW (view), NULL);
  g_assert_null (vigil_chart_view_get_chart (VIGIL_CHART_VIEW (view)));
  vigil_gui_test_settle (view);   /* drawn once without a chart */

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  vigil_gui_test_init (&argc, &argv, VIGIL_GUI_TEST_DEFAULT);

  g_test_add_func ("/chart-view/draw-and-describe", test_chart_view);

  return vigil_gui_test_run ();
}
