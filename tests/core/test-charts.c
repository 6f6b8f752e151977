/* test-charts.c: the chart toolkit — every kind drawn at a laptop's and a projector's
 * size in each style and checked pixel by pixel, tooltips, descriptions, the CSV table
 * and the exports read back (PNG with cairo, PDF with pdftoppm, SVG with rsvg-convert)
 *
 * Set VIGIL_TEST_OUTPUT_DIR to keep the drawn PNGs there.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-charts"

#include "config.h"

#include <locale.h>
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <cairo.h>
#include <glib/gstdio.h>

#include "vigil-chart.h"

/* The styles' backgrounds and first two series colours, as vigil-chart.c has them. */
typedef struct
{
  VigilChartStyle style;
  const char     *name;
  guint32         background;
  guint32         series[2];
} StyleColours;

static const StyleColours styles[] = {
  { VIGIL_CHART_STYLE_LIGHT, "light", 0xffffff, { 0x0072b2, 0xe69f00 } },
  { VIGIL_CHART_STYLE_DARK, "dark", 0x242424, { 0x56b4e9, 0xe69f00 } },
  { VIGIL_CHART_STYLE_HIGH_CONTRAST, "high-contrast", 0xffffff, { 0x0044aa, 0xc43c00 } },
};

static const struct
{
  int width, height;
} sizes[] = {
  { 640, 400 },
  { 1920, 1080 },
};

/* ------------------------------------------------------------------------------------
 * Pixels
 * ------------------------------------------------------------------------------------ */

static guint32
pixel_at (cairo_surface_t *surface,
          int              x,
          int              y)
{
  const unsigned char *data = cairo_image_surface_get_data (surface);
  int stride = cairo_image_surface_get_stride (surface);
  guint32 argb;

  memcpy (&argb, data + y * stride + x * 4, sizeof argb);
  return argb & 0xffffff;   /* opaque: the background covers everything */
}

static gboolean
colour_near (guint32 a,
             guint32 b,
             int     tolerance)
{
  for (int shift = 0; shift <= 16; shift += 8)
    if (ABS ((int) (a >> shift & 0xff) - (int) (b >> shift & 0xff)) > tolerance)
      return FALSE;
  return TRUE;
}

/* Pixels of @colour in rows @top … @bottom. */
static guint
count_colour (cairo_surface_t *surface,
              guint32          colour,
              int              top,
              int              bottom)
{
  int width = cairo_image_surface_get_width (surface);
  guint n = 0;

  cairo_surface_flush (surface);
  for (int y = MAX (top, 0); y < bottom && y < cairo_image_surface_get_height (surface); y++)
    for (int x = 0; x < width; x++)
      n += colour_near (pixel_at (surface, x, y), colour, 3);
  return n;
}

static gboolean
column_has (cairo_surface_t *surface,
            int              x,
            guint32          colour,
            int              top)
{
  for (int y = top; y < cairo_image_surface_get_height (surface); y++)
    if (colour_near (pixel_at (surface, x, y), colour, 3))
      return TRUE;
  return FALSE;
}

/* The middle of the @nth (from 0, left to right) run of columns holding @colour below
 * @top: a bar. */
static gboolean
find_shape (cairo_surface_t *surface,
            guint32          colour,
            guint            nth,
            int              top,
            double          *cx,
            double          *cy)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);
  guint run = 0;

  cairo_surface_flush (surface);
  for (int x = 0; x < width; x++)
    {
      int x1 = x, middle, y0 = -1, y1 = -1;

      if (!column_has (surface, x, colour, top))
        continue;
      while (x1 + 1 < width && column_has (surface, x1 + 1, colour, top))
        x1++;
      if (run++ < nth)
        {
          x = x1;
          continue;
        }
      middle = (x + x1) / 2;
      for (int y = top; y < height; y++)
        if (colour_near (pixel_at (surface, middle, y), colour, 3))
          {
            y0 = y;
            break;
          }
      g_assert_cmpint (y0, >=, 0);
      /* up and down from there, as far as the colour goes */
      while (y0 > 0 && colour_near (pixel_at (surface, middle, y0 - 1), colour, 3))
        y0--;
      y1 = y0;
      while (y1 + 1 < height && colour_near (pixel_at (surface, middle, y1 + 1), colour, 3))
        y1++;
      *cx = (x + x1) / 2.0 + 0.5;
      *cy = (y0 + y1) / 2.0 + 0.5;
      return TRUE;
    }
  return FALSE;
}

/* The right end of a line in @colour: its last point, a couple of pixels in. */
static gboolean
find_line_end (cairo_surface_t *surface,
               guint32          colour,
               double          *cx,
               double          *cy)
{
  int width = cairo_image_surface_get_width (surface);
  int height = cairo_image_surface_get_height (surface);

  cairo_surface_flush (surface);
  for (int x = width - 1; x >= 2; x--)
    {
      int column = x - 2, y0 = -1;

      if (!column_has (surface, x, colour, 0))
        continue;
      for (int y = 0; y < height && y0 < 0; y++)
        if (colour_near (pixel_at (surface, column, y), colour, 3))
          y0 = y;
      if (y0 < 0)
        return FALSE;
      /* just inside its top edge: a step line may turn down there */
      *cx = column + 0.5;
      *cy = y0 + 1.5;
      return TRUE;
    }
  return FALSE;
}

static void
save_png (cairo_surface_t *surface,
          const char      *name)
{
  const char *dir = g_getenv ("VIGIL_TEST_OUTPUT_DIR");
  g_autofree char *path = NULL;

  if (dir == NULL || *dir == '\0')
    return;
  g_mkdir_with_parents (dir, 0755);
  path = g_build_filename (dir, name, NULL);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  g_test_message ("Chart: %s", path);
}

static cairo_surface_t *
draw (VigilChart      *chart,
      int              width,
      int              height,
      VigilChartStyle  style,
      const char      *name)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  cairo_t *cr = cairo_create (surface);

  vigil_chart_draw (chart, cr, width, height, style, 1.0);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  if (name != NULL)
    {
      g_autofree char *file = g_strdup_printf ("chart-%s-%dx%d.png", name, width, height);

      save_png (surface, file);
    }
  return surface;
}

/* ------------------------------------------------------------------------------------
 * Charts
 * ------------------------------------------------------------------------------------ */

static VigilChart *
new_grouped (void)
{
  static const char *windows[] = { "Before adoption (12 months)", "After adoption (12 months)" };
  VigilChart *chart = vigil_chart_new (VIGIL_CHART_GROUPED_BARS, "before-after",
                                       "Incidents a person, before and after");
  guint managed, comparison;

  vigil_chart_set_subtitle (chart, "Adopted 2025-01-01 … 2026-06-30 · 42 people");
  vigil_chart_set_caveat (chart, "Small numbers: a difference this size can arise by chance. "
                                 "The comparison group was not randomly chosen.");
  vigil_chart_set_x_axis (chart, VIGIL_CHART_AXIS_CATEGORIES, "Window");
  vigil_chart_set_y_axis (chart, VIGIL_CHART_AXIS_NUMBER, "Incidents a person");
  vigil_chart_set_categories (chart, windows, G_N_ELEMENTS (windows));
  managed = vigil_chart_add_series (chart, "Managed");
  comparison = vigil_chart_add_series (chart, "Comparison");
  vigil_chart_add_point (chart, managed, 0, 3.2, NULL);
  vigil_chart_add_point (chart, managed, 1, 1.2, NULL);
  vigil_chart_add_point (chart, comparison, 0, 2.8, NULL);
  vigil_chart_add_point (chart, comparison, 1, 2.5, "Comparison after: 2.5 (n = 40)");
  return chart;
}

static VigilChart *
new_stacked (void)
{
  static const char *categories[] = {
    "Housing", "Substance misuse", "Mental health", "Perpetrator programme",
    "Civil orders and other legal measures", "Employment",
  };
  static const char *statuses[] = { "Completed", "In progress", "Declined", "Not started" };
  static const double values[][6] = {
    { 12, 8, 6, 3, 9, 2 },
    { 4, 6, 3, 5, 2, 1 },
    { 2, 3, 1, 4, 0, 1 },
    { 1, 0, 2, 1, 1, 3 },
  };
  VigilChart *chart = vigil_chart_new (VIGIL_CHART_STACKED_BARS, "interventions",
                                       "Interventions by category and status");

  vigil_chart_set_x_axis (chart, VIGIL_CHART_AXIS_CATEGORIES, NULL);
  vigil_chart_set_y_axis (chart, VIGIL_CHART_AXIS_NUMBER, "Interventions");
  vigil_chart_set_categories (chart, categories, G_N_ELEMENTS (categories));
  for (guint s = 0; s < G_N_ELEMENTS (statuses); s++)
    {
      guint series = vigil_chart_add_series (chart, statuses[s]);

      for (guint c = 0; c < G_N_ELEMENTS (categories); c++)
        vigil_chart_add_point (chart, series, c, values[s][c], NULL);
    }
  vigil_chart_set_caveat (chart, "Counts of interventions, not of people.");
  return chart;
}

static VigilChart *
new_histogram (void)
{
  static const char *bins[] = { "0–1", "1–2", "2–3", "3–4", "4–5", "5–6", "6–7", "7–8", "8–9", "9–10" };
  static const double counts[] = { 3, 7, 12, 18, 15, 9, 6, 4, 2, 1 };
  VigilChart *chart = vigil_chart_new (VIGIL_CHART_HISTOGRAM, "scores", "Scores of the cohort");
  guint series;

  vigil_chart_set_x_axis (chart, VIGIL_CHART_AXIS_CATEGORIES, "Score");
  vigil_chart_set_y_axis (chart, VIGIL_CHART_AXIS_NUMBER, "People");
  vigil_chart_set_categories (chart, bins, G_N_ELEMENTS (bins));
  series = vigil_chart_add_series (chart, "People");
  for (guint i = 0; i < G_N_ELEMENTS (counts); i++)
    vigil_chart_add_point (chart, series, i, counts[i], NULL);
  return chart;
}

static double
julian (int year,
        int month,
        int day)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  return g_date_get_julian (&date);
}

static VigilChart *
new_lines (void)
{
  VigilChart *chart = vigil_chart_new (VIGIL_CHART_LINES, "cohort-size", "Cohort size by month");
  guint managed, candidates;

  vigil_chart_set_subtitle (chart, "Adopted and managed perpetrators at the start of each month");
  vigil_chart_set_x_axis (chart, VIGIL_CHART_AXIS_DATE, "Month");
  vigil_chart_set_y_axis (chart, VIGIL_CHART_AXIS_NUMBER, "People");
  managed = vigil_chart_add_series (chart, "Managed");
  candidates = vigil_chart_add_series (chart, "Candidates");
  for (int m = 0; m < 18; m++)
    {
      int year = 2025 + m / 12, month = m % 12 + 1;

      vigil_chart_add_point (chart, managed, julian (year, month, 1), 20 + m * 1.5 - (m % 4), NULL);
      vigil_chart_add_point (chart, candidates, julian (year, month, 1), 60 - m + (m % 3) * 4, NULL);
    }
  vigil_chart_set_caveat (chart, "Counts at the first of each month.");
  return chart;
}

static VigilChart *
new_steps (void)
{
  VigilChart *chart = vigil_chart_new (VIGIL_CHART_STEPS, "survival",
                                       "People free of a further incident");
  guint managed, comparison;

  vigil_chart_set_x_axis (chart, VIGIL_CHART_AXIS_NUMBER, "Days since adoption");
  vigil_chart_set_y_axis (chart, VIGIL_CHART_AXIS_PERCENT, "Free of incident");
  vigil_chart_set_y_range (chart, 0, 1);
  managed = vigil_chart_add_series (chart, "Managed");
  comparison = vigil_chart_add_series (chart, "Comparison");
  vigil_chart_add_point (chart, managed, 0, 1.0, NULL);
  vigil_chart_add_point (chart, managed, 30, 0.95, NULL);
  vigil_chart_add_point (chart, managed, 90, 0.85, NULL);
  vigil_chart_add_point (chart, managed, 180, 0.78, NULL);
  vigil_chart_add_point (chart, managed, 365, 0.7, NULL);
  vigil_chart_add_marker (chart, managed, 120, 0.85, "Censored at 120 days");
  vigil_chart_add_marker (chart, managed, 300, 0.78, NULL);
  vigil_chart_add_point (chart, comparison, 0, 1.0, NULL);
  vigil_chart_add_point (chart, comparison, 45, 0.88, NULL);
  vigil_chart_add_point (chart, comparison, 100, 0.72, NULL);
  vigil_chart_add_point (chart, comparison, 200, 0.61, NULL);
  vigil_chart_add_point (chart, comparison, 365, 0.55, NULL);
  vigil_chart_set_caveat (chart, "Kaplan–Meier estimates; ticks mark people followed for less "
                                 "than a year (censored).");
  return chart;
}

typedef VigilChart *(*ChartMaker) (void);

static const struct
{
  const char *name;
  ChartMaker  make;
  gboolean    bars;
} kinds[] = {
  { "grouped", new_grouped, TRUE },
  { "stacked", new_stacked, TRUE },
  { "histogram", new_histogram, TRUE },
  { "lines", new_lines, FALSE },
  { "steps", new_steps, FALSE },
};

/* ------------------------------------------------------------------------------------
 * Tests
 * ------------------------------------------------------------------------------------ */

/* Every kind, at both sizes, light and dark (and the grouped bars in high contrast):
 * the background is the style's, the first series is drawn in its colour below the
 * legend, and pointing at what was drawn finds it. */
static void
test_kinds (void)
{
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    for (guint z = 0; z < G_N_ELEMENTS (sizes); z++)
      for (guint st = 0; st < G_N_ELEMENTS (styles); st++)
        {
          g_autoptr(VigilChart) chart = kinds[k].make ();
          g_autofree char *name = NULL;
          int width = sizes[z].width, height = sizes[z].height;
          const StyleColours *colours = &styles[st];
          cairo_surface_t *surface;
          double cx = 0, cy = 0;
          g_autofree char *far = NULL;
          g_autofree char *tip = NULL;

          if (colours->style == VIGIL_CHART_STYLE_HIGH_CONTRAST && k != 0 && k != 4)
            continue;

          name = g_strdup_printf ("%s-%s", kinds[k].name, colours->name);
          surface = draw (chart, width, height, colours->style, name);
          g_test_message ("%s at %d × %d", name, width, height);

          /* the corners are background */
          g_assert_true (colour_near (pixel_at (surface, 1, 1), colours->background, 1));
          g_assert_true (colour_near (pixel_at (surface, width - 2, height - 2), colours->background, 1));
          /* the first series, in the plot area (below the legend) */
          g_assert_cmpuint (count_colour (surface, colours->series[0], height * (kinds[k].bars ? 0.4 : 0.2),
                                          height * 0.9), >, 20);

          if (kinds[k].bars)
            g_assert_true (find_shape (surface, colours->series[0], 0, height * 0.4, &cx, &cy));
          else
            g_assert_true (find_line_end (surface, colours->series[0], &cx, &cy));
          tip = vigil_chart_query_tooltip (chart, width, height, 1.0, cx, cy);
          g_assert_nonnull (tip);
          switch (k)
            {
            case 0:
              g_assert_cmpstr (tip, ==, "Managed — Before adoption (12 months): 3.2");
              break;
            case 1:
              g_assert_cmpstr (tip, ==, "Completed — Housing: 12");
              break;
            case 2:
              g_assert_cmpstr (tip, ==, "People — 0–1: 3");
              break;
            case 3:
              g_assert_cmpstr (tip, ==, "Managed: 44.5 at 1 Jun 2026");
              break;
            case 4:
              /* the level held from 180 days to the end */
              g_assert_cmpstr (tip, ==, "Managed: 78% at 180");
              break;
            default:
              g_assert_not_reached ();
            }

          if (kinds[k].bars)
            {
              g_autofree char *second = NULL;

              /* the second series' first bar (the comparison, the next status, …) */
              if (vigil_chart_get_n_series (chart) > 1)
                {
                  g_assert_true (find_shape (surface, colours->series[1], 0, height * 0.4, &cx, &cy));
                  second = vigil_chart_query_tooltip (chart, width, height, 1.0, cx, cy);
                  g_assert_nonnull (second);
                  g_assert_true (g_str_has_prefix (second, vigil_chart_get_series_name (chart, 1)));
                }
            }

          /* nothing at the corners or over the title */
          far = vigil_chart_query_tooltip (chart, width, height, 1.0, 2, 2);
          g_assert_null (far);
          g_clear_pointer (&far, g_free);
          far = vigil_chart_query_tooltip (chart, width, height, 1.0, width - 3, height - 3);
          g_assert_null (far);
          g_clear_pointer (&far, g_free);
          far = vigil_chart_query_tooltip (chart, width, height, 1.0, -500, -500);
          g_assert_null (far);

          cairo_surface_destroy (surface);
        }
}

/* A marker's own label, a point's own label, the next bar's default label. */
static void
test_tooltips (void)
{
  g_autoptr(VigilChart) chart = new_grouped ();
  cairo_surface_t *surface = draw (chart, 640, 400, VIGIL_CHART_STYLE_LIGHT, NULL);
  g_autofree char *tip = NULL;
  double cx, cy;

  /* the comparison's "after" bar has its own label */
  g_assert_true (find_shape (surface, styles[0].series[1], 1, 160, &cx, &cy));
  tip = vigil_chart_query_tooltip (chart, 640, 400, 1.0, cx, cy);
  g_assert_cmpstr (tip, ==, "Comparison after: 2.5 (n = 40)");
  g_clear_pointer (&tip, g_free);
  g_assert_true (find_shape (surface, styles[0].series[0], 1, 160, &cx, &cy));
  tip = vigil_chart_query_tooltip (chart, 640, 400, 1.0, cx, cy);
  g_assert_cmpstr (tip, ==, "Managed — After adoption (12 months): 1.2");
  g_clear_pointer (&tip, g_free);
  g_clear_pointer (&tip, g_free);
  cairo_surface_destroy (surface);

  /* with text one and a half times as large, the bars move: found where drawn */
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 640, 400);
  {
    cairo_t *cr = cairo_create (surface);

    vigil_chart_draw (chart, cr, 640, 400, VIGIL_CHART_STYLE_LIGHT, 1.5);
    cairo_destroy (cr);
  }
  save_png (surface, "chart-grouped-light-640x400-scale-1.5.png");
  g_assert_true (find_shape (surface, styles[0].series[0], 1, 200, &cx, &cy));
  tip = vigil_chart_query_tooltip (chart, 640, 400, 1.5, cx, cy);
  g_assert_cmpstr (tip, ==, "Managed — After adoption (12 months): 1.2");
  cairo_surface_destroy (surface);
}

/* Markers on a step chart: reached within a few pixels of the tick. */
static void
test_markers (void)
{
  g_autoptr(VigilChart) chart = vigil_chart_new (VIGIL_CHART_STEPS, "one", "One marker");
  cairo_surface_t *surface;
  g_autofree char *tip = NULL;
  double cx, cy;
  guint s;

  vigil_chart_set_y_axis (chart, VIGIL_CHART_AXIS_PERCENT, NULL);
  vigil_chart_set_y_range (chart, 0, 1);
  s = vigil_chart_add_series (chart, "");
  vigil_chart_add_marker (chart, s, 50, 0.5, NULL);
  surface = draw (chart, 640, 400, VIGIL_CHART_STYLE_LIGHT, "marker-only");
  g_assert_true (find_shape (surface, styles[0].series[0], 0, 0, &cx, &cy));
  tip = vigil_chart_query_tooltip (chart, 640, 400, 1.0, cx + 5, cy + 3);
  g_assert_cmpstr (tip, ==, "50% at 50");
  g_clear_pointer (&tip, g_free);
  tip = vigil_chart_query_tooltip (chart, 640, 400, 1.0, cx + 30, cy);
  g_assert_null (tip);
  cairo_surface_destroy (surface);
}

static void
check_draws (VigilChart *chart,
             const char *name,
             guint32     colour)
{
  cairo_surface_t *surface = draw (chart, 640, 400, VIGIL_CHART_STYLE_LIGHT, name);

  g_assert_true (colour_near (pixel_at (surface, 1, 1), styles[0].background, 1));
  if (colour != 0)
    g_assert_cmpuint (count_colour (surface, colour, 0, 400), >, 4);
  cairo_surface_destroy (surface);

  /* and the other outputs of the same chart do not trip over it either */
  surface = draw (chart, 320, 220, VIGIL_CHART_STYLE_DARK, NULL);
  cairo_surface_destroy (surface);
  g_free (vigil_chart_describe (chart));
  g_free (vigil_chart_to_csv (chart));
  g_free (vigil_chart_query_tooltip (chart, 640, 400, 1.0, 320, 200));
}

/* Awkward data: nothing, zeros, one value, equal values, negatives, NaN, a great many
 * categories, tiny boxes. */
static void
test_awkward (void)
{
  guint32 blue = styles[0].series[0];

  {
    g_autoptr(VigilChart) chart = vigil_chart_new (VIGIL_CHART_GROUPED_BARS, "empty", "Nothing yet");
    g_autofree char *description = NULL;
    g_autofree char *tip = NULL;
    cairo_surface_t *surface;
    guint changed = 0;

    vigil_chart_add_series (chart, "Managed");
    vigil_chart_set_caveat (chart, "No one has been adopted in this period.");
    surface = draw (chart, 640, 400, VIGIL_CHART_STYLE_LIGHT, "empty");
    /* "No data" in the middle */
    for (int y = 150; y < 250; y++)
      for (int x = 200; x < 440; x++)
        changed += !colour_near (pixel_at (surface, x, y), 0xffffff, 2);
    g_assert_cmpuint (changed, >, 30);
    cairo_surface_destroy (surface);
    description = vigil_chart_describe (chart);
    g_assert_nonnull (strstr (description, "No data."));
    tip = vigil_chart_query_tooltip (chart, 640, 400, 1.0, 320, 200);
    g_assert_null (tip);
    check_draws (chart, NULL, 0);
  }

  {
    g_autoptr(VigilChart) chart = vigil_chart_new (VIGIL_CHART_LINES, "nothing", "");

    check_draws (chart, NULL, 0);
  }

  {
    g_autoptr(VigilChart) chart = vigil_chart_new (VIGIL_CHART_GROUPED_BARS, "zeros", "All zero");
    guint s = vigil_chart_add_series (chart, "Managed");

    for (guint c = 0; c < 4; c++)
      vigil_chart_add_point (chart, s, c, 0, NULL);
    check_draws (chart, "zeros", 0);
  }

  {
    g_autoptr(VigilChart) chart = vigil_chart_new (VIGIL_CHART_HISTOGRAM, "equal", "All equal");
    guint s = vigil_chart_add_series (chart, "People");

    for (guint c = 0; c < 5; c++)
      vigil_chart_add_point (chart, s, c, 7, NULL);
    check_draws (chart, "equal", blue);
  }

  {
    g_autoptr(VigilChart) chart = vigil_chart_new (VIGIL_CHART_LINES, "single", "One point");
    guint s = vigil_chart_add_series (chart, "Managed");

    vigil_chart_add_point (chart, s, 5, 42, NULL);
    check_draws (chart, "single-line", blue);
  }

  {
    g_autoptr(VigilChart) chart = vigil_chart_new (VIGIL_CHART_STEPS, "single-step", "One step");
    guint s = vigil_chart_add_series (chart, "Managed");

    vigil_chart_set_y_axis (chart, VIGIL_CHART_AXIS_PERCENT, "Free of incident");
    vigil_chart_add_point (chart, s, 0, 1, NULL);
    check_draws (chart, "single-step", blue);
  }

  {
    static const char *labels[] = { "North", "South", "East", "West" };
    g_autoptr(VigilChart) chart = vigil_chart_new (VIGIL_CHART_GROUPED_BARS, "change", "Change in incidents");
    guint s = vigil_chart_add_series (chart, "Managed");
    guint t = vigil_chart_add_series (chart, "Comparison");
    cairo_surface_t *surface;
    double cx, cy;
    g_autofree char *tip = NULL;

    vigil_chart_set_categories (chart, labels, G_N_ELEMENTS (labels));
    vigil_chart_set_y_axis (chart, VIGIL_CHART_AXIS_NUMBER, "Change a person");
    vigil_chart_add_point (chart, s, 0, -2.5, NULL);
    vigil_chart_add_point (chart, s, 1, 1.5, NULL);
    vigil_chart_add_point (chart, s, 2, -0.4, NULL);
    vigil_chart_add_point (chart, s, 3, NAN, NULL);
    vigil_chart_add_point (chart, t, 0, 0.5, NULL);
    vigil_chart_add_point (chart, t, 1, INFINITY, NULL);
    vigil_chart_add_point (chart, t, 2, -1, NULL);
    vigil_chart_add_point (chart, t, NAN, 3, NULL);
    check_draws (chart, "negative", blue);

    /* the first bar goes down from zero: pointing at it finds it */
    surface = draw (chart, 640, 400, VIGIL_CHART_STYLE_LIGHT, NULL);
    g_assert_true (find_shape (surface, blue, 0, 150, &cx, &cy));
    tip = vigil_chart_query_tooltip (chart, 640, 400, 1.0, cx, cy);
    g_assert_cmpstr (tip, ==, "Managed — North: -2.5");
    cairo_surface_destroy (surface);
  }

  {
    g_autoptr(VigilChart) chart = vigil_chart_new (VIGIL_CHART_STACKED_BARS, "many", "Many categories");
    g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
    guint s = vigil_chart_add_series (chart, "Open");
    guint t = vigil_chart_add_series (chart, "Closed");

    for (guint c = 0; c < 400; c++)
      {
        g_ptr_array_add (labels, g_strdup_printf ("Area %u with a long name", c + 1));
        vigil_chart_add_point (chart, s, c, (c * 7) % 13, NULL);
        vigil_chart_add_point (chart, t, c, (c * 5) % 11, NULL);
      }
    vigil_chart_set_categories (chart, (const char * const *) labels->pdata, labels->len);
    check_draws (chart, "many-categories", blue);
  }

  {
    g_autoptr(VigilChart) chart = vigil_chart_new (VIGIL_CHART_GROUPED_BARS, "long", "Long labels");
    static const char *labels[] = {
      "A category with a really quite remarkably long name that cannot fit",
      "Short",
      "Another category whose name goes on and on and on well past its slot",
    };
    guint s = vigil_chart_add_series (chart, "A series whose name is also rather long for a legend");

    vigil_chart_set_categories (chart, labels, G_N_ELEMENTS (labels));
    for (guint c = 0; c < G_N_ELEMENTS (labels); c++)
      vigil_chart_add_point (chart, s, c, 1000000 * (c + 1), NULL);
    vigil_chart_add_series (chart, "Second");
    vigil_chart_add_point (chart, 1, 0, 2500000, NULL);
    check_draws (chart, "long-labels", blue);
  }

  {
    g_autoptr(VigilChart) chart = vigil_chart_new (VIGIL_CHART_LINES, "days", "A few days");
    guint s = vigil_chart_add_series (chart, "Referrals");

    vigil_chart_set_x_axis (chart, VIGIL_CHART_AXIS_DATE, "Day");
    for (int d = 1; d <= 10; d++)
      vigil_chart_add_point (chart, s, julian (2026, 3, d), d % 3, NULL);
    check_draws (chart, "days", blue);
  }

  {
    g_autoptr(VigilChart) chart = vigil_chart_new (VIGIL_CHART_LINES, "years", "Years of dates");
    guint s = vigil_chart_add_series (chart, "Referrals");

    vigil_chart_set_x_axis (chart, VIGIL_CHART_AXIS_DATE, NULL);
    for (int m = 0; m < 80; m++)
      vigil_chart_add_point (chart, s, julian (2020 + m / 12, m % 12 + 1, 15), 100 + 50 * sin (m / 5.0), NULL);
    check_draws (chart, "years", blue);
  }

  {
    g_autoptr(VigilChart) chart = vigil_chart_new (VIGIL_CHART_LINES, "huge", "Huge numbers");
    guint s = vigil_chart_add_series (chart, "Referrals");
    guint t = vigil_chart_add_series (chart, "");
    g_autofree char *tip = NULL;

    vigil_chart_set_x_axis (chart, VIGIL_CHART_AXIS_NUMBER, "Pounds");
    vigil_chart_add_point (chart, s, 0, 1, NULL);
    vigil_chart_add_point (chart, s, 1.2e9, 2.5e6, NULL);
    vigil_chart_add_point (chart, t, 1e12, 5, NULL);
    check_draws (chart, "huge-numbers", blue);
    tip = vigil_chart_query_tooltip (chart, 640, 400, 1.0, 0, 0);
    g_assert_null (tip);
  }

  {
    g_autoptr(VigilChart) chart = vigil_chart_new (VIGIL_CHART_LINES, "not-dates", "Not dates");
    guint s = vigil_chart_add_series (chart, "Referrals");

    vigil_chart_set_x_axis (chart, VIGIL_CHART_AXIS_DATE, NULL);
    vigil_chart_add_point (chart, s, -5, 1, NULL);
    vigil_chart_add_point (chart, s, 1e12, 2, NULL);
    check_draws (chart, NULL, blue);
  }

  {
    g_autoptr(VigilChart) chart = vigil_chart_new (VIGIL_CHART_HISTOGRAM, "tiny", "Tiny");
    guint s = vigil_chart_add_series (chart, "x");
    cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 30, 20);
    cairo_t *cr = cairo_create (surface);

    vigil_chart_add_point (chart, s, 0, 1, NULL);
    vigil_chart_draw (chart, cr, 30, 20, VIGIL_CHART_STYLE_LIGHT, 1.0);
    vigil_chart_draw (chart, cr, 0, 0, VIGIL_CHART_STYLE_LIGHT, 1.0);
    vigil_chart_draw (chart, cr, NAN, 100, VIGIL_CHART_STYLE_DARK, 0);
    vigil_chart_draw (chart, cr, 1, 1, VIGIL_CHART_STYLE_HIGH_CONTRAST, 8);
    g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
    cairo_destroy (cr);
    cairo_surface_destroy (surface);
    g_free (vigil_chart_query_tooltip (chart, 0, 0, 1.0, 0, 0));
  }
}

static void
test_describe (void)
{
  g_autoptr(VigilChart) grouped = new_grouped ();
  g_autoptr(VigilChart) steps = new_steps ();
  g_autoptr(VigilChart) long_line = vigil_chart_new (VIGIL_CHART_LINES, "long", "Score");
  g_autofree char *text = NULL;
  guint s;

  text = vigil_chart_describe (grouped);
  g_assert_cmpstr (text, ==,
                   "Grouped bar chart: Incidents a person, before and after. "
                   "Adopted 2025-01-01 … 2026-06-30 · 42 people. "
                   "X axis: Window; Y axis: Incidents a person. "
                   "Managed: Before adoption (12 months) 3.2, After adoption (12 months) 1.2. "
                   "Comparison: Before adoption (12 months) 2.8, After adoption (12 months) 2.5. "
                   "Small numbers: a difference this size can arise by chance. "
                   "The comparison group was not randomly chosen.");
  g_clear_pointer (&text, g_free);

  text = vigil_chart_describe (steps);
  g_assert_true (g_str_has_prefix (text, "Step chart: People free of a further incident. "
                                         "X axis: Days since adoption; Y axis: Free of incident. "
                                         "Managed: 100% at 0, 95% at 30, 85% at 90, 78% at 180, "
                                         "70% at 365; 2 markers. Comparison: 100% at 0,"));
  g_assert_nonnull (strstr (text, "Kaplan–Meier"));
  g_clear_pointer (&text, g_free);

  s = vigil_chart_add_series (long_line, "Average");
  for (guint i = 0; i < 20; i++)
    vigil_chart_add_point (long_line, s, i, i * 0.5, NULL);
  text = vigil_chart_describe (long_line);
  g_assert_cmpstr (text, ==,
                   "Line chart: Score. Average: 0 at 0, 0.5 at 1, 1 at 2, 1.5 at 3, 2 at 4, "
                   "2.5 at 5, 3 at 6, 3.5 at 7, 4 at 8, 4.5 at 9, 5 at 10, 5.5 at 11, and 8 more.");
}

static void
test_table (void)
{
  static const char *columns[] = { "Window", "Managed, adopted", "Note" };
  static const char *cells[] = {
    "Before", "3.2", "said \"no\"",
    "After", "1.1", "two\nlines",
    "Total", "", "cr\rhere",
  };
  g_autoptr(VigilChart) grouped = new_grouped ();
  g_autoptr(VigilChart) steps = new_steps ();
  g_autoptr(VigilChart) lines = vigil_chart_new (VIGIL_CHART_LINES, "dated", "Dated");
  g_autofree char *csv = NULL;
  guint s;

  /* made from the series: categories × series */
  csv = vigil_chart_to_csv (grouped);
  g_assert_cmpstr (csv, ==,
                   "Window,Managed,Comparison\n"
                   "Before adoption (12 months),3.2,2.8\n"
                   "After adoption (12 months),1.2,2.5\n"
                   "\n"
                   "# Small numbers: a difference this size can arise by chance. "
                   "The comparison group was not randomly chosen.\n");
  g_clear_pointer (&csv, g_free);
  g_assert_cmpuint (vigil_chart_get_table_n_columns (grouped), ==, 3);
  g_assert_cmpuint (vigil_chart_get_table_n_rows (grouped), ==, 2);
  g_assert_cmpstr (vigil_chart_get_table_cell (grouped, 1, 2), ==, "2.5");
  g_assert_null (vigil_chart_get_table_cell (grouped, 2, 0));

  /* series, x, y (and markers) */
  csv = vigil_chart_to_csv (steps);
  g_assert_true (g_str_has_prefix (csv, "Series,Days since adoption,Free of incident,Kind\n"
                                        "Managed,0,1,point\n"
                                        "Managed,30,0.95,point\n"));
  g_assert_nonnull (strstr (csv, "Managed,120,0.85,marker\n"));
  g_clear_pointer (&csv, g_free);

  vigil_chart_set_x_axis (lines, VIGIL_CHART_AXIS_DATE, NULL);
  s = vigil_chart_add_series (lines, "Cohort, managed");
  vigil_chart_add_point (lines, s, julian (2026, 3, 1), 12, NULL);
  vigil_chart_add_point (lines, s, julian (2026, 4, 1), 0.125, NULL);
  csv = vigil_chart_to_csv (lines);
  g_assert_cmpstr (csv, ==, "Series,x,y\n\"Cohort, managed\",2026-03-01,12\n\"Cohort, managed\",2026-04-01,0.125\n");
  g_clear_pointer (&csv, g_free);
  /* a new point makes the table again */
  vigil_chart_add_point (lines, s, julian (2026, 5, 1), 3, NULL);
  g_assert_cmpuint (vigil_chart_get_table_n_rows (lines), ==, 3);

  /* a table set by hand: copied, quoted as RFC 4180 says */
  vigil_chart_set_table (grouped, columns, G_N_ELEMENTS (columns), cells, 3);
  vigil_chart_set_caveat (grouped, "Line one\nline two");
  csv = vigil_chart_to_csv (grouped);
  g_assert_cmpstr (csv, ==,
                   "Window,\"Managed, adopted\",Note\n"
                   "Before,3.2,\"said \"\"no\"\"\"\n"
                   "After,1.1,\"two\nlines\"\n"
                   "Total,,\"cr\rhere\"\n"
                   "\n"
                   "# Line one\n"
                   "# line two\n");
  g_assert_cmpstr (vigil_chart_get_table_column (grouped, 1), ==, "Managed, adopted");
  g_assert_cmpstr (vigil_chart_get_table_cell (grouped, 2, 0), ==, "Total");
  g_clear_pointer (&csv, g_free);

  /* and the hand-made table stays when points are added */
  vigil_chart_add_point (grouped, 0, 0, 9, NULL);
  g_assert_cmpuint (vigil_chart_get_table_n_rows (grouped), ==, 3);
  vigil_chart_set_caveat (grouped, NULL);
  csv = vigil_chart_to_csv (grouped);
  g_assert_true (g_str_has_suffix (csv, "Total,,\"cr\rhere\"\n"));
}

static void
assert_private (const char *path)
{
  GStatBuf info;

  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);
  g_assert_cmpint (info.st_size, >, 0);
}

/* Runs @argv; FALSE (and the test skipped) when its program is not installed. */
static gboolean
run_tool (const char * const *argv,
          const char         *package)
{
  g_autofree char *program = g_find_program_in_path (argv[0]);
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (program == NULL)
    {
      g_autofree char *message = g_strdup_printf ("%s is not installed (%s)", argv[0], package);

      g_test_skip (message);
      return FALSE;
    }
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL,
                NULL, NULL, NULL, &err, &status, &error);
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s failed: %s\n%s", argv[0], error->message, err);
  return TRUE;
}

/* A PNG made by a converter: its size, the light background and the first series. */
static void
check_raster (const char *path,
              int         width,
              int         height)
{
  cairo_surface_t *surface = cairo_image_surface_create_from_png (path);

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (ABS (cairo_image_surface_get_width (surface) - width), <=, 1);
  g_assert_cmpint (ABS (cairo_image_surface_get_height (surface) - height), <=, 1);
  if (cairo_image_surface_get_format (surface) == CAIRO_FORMAT_ARGB32 ||
      cairo_image_surface_get_format (surface) == CAIRO_FORMAT_RGB24)
    {
      g_assert_true (colour_near (pixel_at (surface, 1, 1), 0xffffff, 2));
      g_assert_cmpuint (count_colour (surface, 0x0072b2, height * 0.4, height * 0.9), >, 20);
    }
  cairo_surface_destroy (surface);
}

static void
test_export (void)
{
  g_autoptr(VigilChart) chart = new_grouped ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("vigil-test-charts-XXXXXX", &error);
  g_autofree char *png = g_build_filename (dir, "before-after.png", NULL);
  g_autofree char *upper = g_build_filename (dir, "BEFORE-AFTER.PNG", NULL);
  g_autofree char *svg = g_build_filename (dir, "before-after.svg", NULL);
  g_autofree char *pdf = g_build_filename (dir, "before-after.pdf", NULL);
  g_autofree char *csv = g_build_filename (dir, "before-after.csv", NULL);
  g_autofree char *txt = g_build_filename (dir, "before-after.txt", NULL);
  g_autofree char *bare = g_build_filename (dir, "before-after", NULL);
  g_autofree char *missing = g_build_filename (dir, "no-such-folder", "chart.png", NULL);
  g_autofree char *from_pdf = g_build_filename (dir, "from-pdf", NULL);
  g_autofree char *from_pdf_png = g_build_filename (dir, "from-pdf.png", NULL);
  g_autofree char *from_svg = g_build_filename (dir, "from-svg.png", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *expected = NULL;
  cairo_surface_t *surface;

  g_assert_no_error (error);

  g_assert_true (vigil_chart_export (chart, png, 800, 500, VIGIL_CHART_STYLE_LIGHT, &error));
  g_assert_no_error (error);
  assert_private (png);
  surface = cairo_image_surface_create_from_png (png);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 800);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, 500);
  g_assert_true (colour_near (pixel_at (surface, 1, 1), 0xffffff, 1));
  cairo_surface_destroy (surface);

  /* an older file is replaced, and becomes private */
  g_assert_true (g_file_set_contents (upper, "old", -1, NULL));
  g_assert_cmpint (g_chmod (upper, 0644), ==, 0);
  g_assert_true (vigil_chart_export (chart, upper, 320, 220, VIGIL_CHART_STYLE_DARK, &error));
  g_assert_no_error (error);
  assert_private (upper);
  surface = cairo_image_surface_create_from_png (upper);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, 320);
  g_assert_true (colour_near (pixel_at (surface, 1, 1), 0x242424, 1));
  cairo_surface_destroy (surface);

  g_assert_true (vigil_chart_export (chart, csv, 0, 0, VIGIL_CHART_STYLE_LIGHT, &error));
  g_assert_no_error (error);
  assert_private (csv);
  g_assert_true (g_file_get_contents (csv, &contents, NULL, NULL));
  expected = vigil_chart_to_csv (chart);
  g_assert_cmpstr (contents, ==, expected);

  g_assert_true (vigil_chart_export (chart, pdf, 640, 400, VIGIL_CHART_STYLE_LIGHT, &error));
  g_assert_no_error (error);
  assert_private (pdf);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (pdf, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  {
    const char *argv[] = { "pdftoppm", "-png", "-r", "72", "-singlefile", pdf, from_pdf, NULL };

    if (run_tool (argv, "poppler-utils"))
      check_raster (from_pdf_png, 640, 400);
  }

  g_assert_true (vigil_chart_export (chart, svg, 640, 400, VIGIL_CHART_STYLE_LIGHT, &error));
  g_assert_no_error (error);
  assert_private (svg);
  g_clear_pointer (&contents, g_free);
  g_assert_true (g_file_get_contents (svg, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "<svg"));
  {
    const char *argv[] = { "rsvg-convert", "-o", from_svg, svg, NULL };

    if (run_tool (argv, "librsvg2-bin"))
      check_raster (from_svg, 640, 400);
  }

  g_assert_false (vigil_chart_export (chart, txt, 640, 400, VIGIL_CHART_STYLE_LIGHT, &error));
  g_assert_error (error, VIGIL_CHART_ERROR, VIGIL_CHART_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, ".txt"));
  g_assert_false (g_file_test (txt, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_false (vigil_chart_export (chart, bare, 640, 400, VIGIL_CHART_STYLE_LIGHT, &error));
  g_assert_error (error, VIGIL_CHART_ERROR, VIGIL_CHART_ERROR_FORMAT);
  g_clear_error (&error);

  g_assert_false (vigil_chart_export (chart, missing, 640, 400, VIGIL_CHART_STYLE_LIGHT, &error));
  g_assert_error (error, VIGIL_CHART_ERROR, VIGIL_CHART_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "chart.png"));
  g_clear_error (&error);

  {
    g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
    const char *name;

    while ((name = g_dir_read_name (listing)) != NULL)
      {
        g_autofree char *path = g_build_filename (dir, name, NULL);

        g_unlink (path);
      }
  }
  g_rmdir (dir);
}

/* The y tick labels of a bar chart of @max people on an axis of @axis, as pdftotext
 * reads them from its PDF; NULL (skipped) without pdftotext. */
static char *
dup_axis_text (VigilChartAxis axis,
               double         max)
{
  g_autoptr(VigilChart) chart = vigil_chart_new (VIGIL_CHART_GROUPED_BARS, "count", "SYN people");
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("vigil-test-count-XXXXXX", &error);
  g_autofree char *pdf = NULL;
  g_autofree char *out = NULL;
  g_autofree char *program = g_find_program_in_path ("pdftotext");
  const char *labels[] = { "SYN A", "SYN B" };
  const char *argv[] = { "pdftotext", "-layout", NULL, "-", NULL };
  int status = 0;
  guint series;

  g_assert_no_error (error);
  if (program == NULL)
    {
      g_test_skip ("pdftotext is not installed (poppler-utils)");
      g_rmdir (dir);
      return NULL;
    }
  pdf = g_build_filename (dir, "count.pdf", NULL);
  vigil_chart_set_categories (chart, labels, G_N_ELEMENTS (labels));
  vigil_chart_set_y_axis (chart, axis, "SYN people");
  series = vigil_chart_add_series (chart, "SYN series");
  vigil_chart_add_point (chart, series, 0, 1, NULL);
  vigil_chart_add_point (chart, series, 1, max, NULL);
  g_assert_true (vigil_chart_export (chart, pdf, 640, 900, VIGIL_CHART_STYLE_LIGHT, &error));
  g_assert_no_error (error);
  argv[2] = pdf;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_unlink (pdf);
  g_rmdir (dir);
  return g_steal_pointer (&out);
}

/* A count axis (people, ratings) has whole-number ticks only, where a number axis over
 * the same small range has halves. */
static void
test_count_axis (void)
{
  g_autofree char *number = dup_axis_text (VIGIL_CHART_AXIS_NUMBER, 2);
  g_autofree char *count = NULL;

  if (number == NULL)
    return;
  count = dup_axis_text (VIGIL_CHART_AXIS_COUNT, 2);
  g_assert_nonnull (strstr (number, "0.5"));
  g_assert_nonnull (strstr (number, "1.5"));
  g_assert_null (strstr (count, "0.5"));
  g_assert_null (strstr (count, "1.5"));
  g_assert_nonnull (strstr (count, "SYN people"));
  g_assert_nonnull (strstr (count, "2"));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/charts/kinds", test_kinds);
  g_test_add_func ("/charts/tooltips", test_tooltips);
  g_test_add_func ("/charts/markers", test_markers);
  g_test_add_func ("/charts/awkward", test_awkward);
  g_test_add_func ("/charts/describe", test_describe);
  g_test_add_func ("/charts/table", test_table);
  g_test_add_func ("/charts/export", test_export);
  g_test_add_func ("/charts/count-axis", test_count_axis);

  return g_test_run ();
}
