/* vigil-chart.c: Vigil's small chart toolkit, drawn with cairo and Pango
 *
 * One function, render(), lays the chart out and draws it: the background, the title
 * and subtitle, the legend under them, the caveat at the foot, the axes and their
 * labels around the plot area, then the data clipped to it. As it draws the data it
 * can note where each bar, point and marker went, which is how
 * vigil_chart_query_tooltip() finds what is under the pointer (it renders onto a
 * 1 × 1 scratch surface, so nothing needs to be drawn first).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-chart"

#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>
#include <cairo.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>

#include "vigil-chart.h"

#define FONT_FAMILY       "Cantarell, Sans"
#define MAX_CATEGORIES    100000   /* a bar chart's x never runs further than this */
#define DESCRIBE_POINTS   12       /* points a series lists in vigil_chart_describe() */
#define TOOLTIP_REACH     12.0     /* px (× scale) from a point or marker */
#define N_PALETTE         8

/* ------------------------------------------------------------------------------------
 * The chart
 * ------------------------------------------------------------------------------------ */

typedef struct
{
  double  x;
  double  y;
  char   *label;
} Point;

typedef struct
{
  char   *name;
  GArray *points;   /* Point */
  GArray *markers;  /* Point */
} Series;

struct _VigilChart
{
  grefcount       ref_count;

  VigilChartKind  kind;
  char           *name;
  char           *title;
  char           *subtitle;
  char           *caveat;

  VigilChartAxis  x_axis;
  VigilChartAxis  y_axis;
  char           *x_label;
  char           *y_label;
  gboolean        fixed_y;
  double          y_min;
  double          y_max;

  GPtrArray      *categories;  /* char * */
  GPtrArray      *series;      /* Series * */

  /* the table: set by vigil_chart_set_table(), or made from the series when asked for
   * (table_stale: the series changed since) */
  gboolean        table_set;
  gboolean        table_stale;
  GPtrArray      *table_columns;  /* char * */
  GPtrArray      *table_cells;    /* char *, row-major */
  guint           table_n_rows;
};

G_DEFINE_QUARK (vigil-chart-error-quark, vigil_chart_error)
G_DEFINE_BOXED_TYPE (VigilChart, vigil_chart, vigil_chart_ref, vigil_chart_unref)

static void
point_clear (gpointer data)
{
  Point *point = data;

  g_clear_pointer (&point->label, g_free);
}

static void
series_free (gpointer data)
{
  Series *series = data;

  g_free (series->name);
  g_array_unref (series->points);
  g_array_unref (series->markers);
  g_free (series);
}

static gboolean
is_set (const char *text)
{
  return text != NULL && *text != '\0';
}

static gboolean
is_bar_kind (VigilChartKind kind)
{
  return kind == VIGIL_CHART_GROUPED_BARS || kind == VIGIL_CHART_STACKED_BARS ||
         kind == VIGIL_CHART_HISTOGRAM;
}

static void
set_text (char       **field,
          const char  *text)
{
  g_free (*field);
  *field = is_set (text) ? g_strdup (text) : NULL;
}

VigilChart *
vigil_chart_new (VigilChartKind  kind,
                 const char     *name,
                 const char     *title)
{
  VigilChart *self = g_new0 (VigilChart, 1);

  g_ref_count_init (&self->ref_count);
  self->kind = kind;
  self->name = g_strdup (is_set (name) ? name : "chart");
  self->title = g_strdup (title ? title : "");
  self->x_axis = is_bar_kind (kind) ? VIGIL_CHART_AXIS_CATEGORIES : VIGIL_CHART_AXIS_NUMBER;
  self->y_axis = VIGIL_CHART_AXIS_NUMBER;
  self->categories = g_ptr_array_new_with_free_func (g_free);
  self->series = g_ptr_array_new_with_free_func (series_free);
  self->table_columns = g_ptr_array_new_with_free_func (g_free);
  self->table_cells = g_ptr_array_new_with_free_func (g_free);
  self->table_stale = TRUE;

  return self;
}

VigilChart *
vigil_chart_ref (VigilChart *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_ref_count_inc (&self->ref_count);
  return self;
}

void
vigil_chart_unref (VigilChart *self)
{
  g_return_if_fail (self != NULL);

  if (!g_ref_count_dec (&self->ref_count))
    return;

  g_free (self->name);
  g_free (self->title);
  g_free (self->subtitle);
  g_free (self->caveat);
  g_free (self->x_label);
  g_free (self->y_label);
  g_ptr_array_unref (self->categories);
  g_ptr_array_unref (self->series);
  g_ptr_array_unref (self->table_columns);
  g_ptr_array_unref (self->table_cells);
  g_free (self);
}

VigilChartKind
vigil_chart_get_kind (const VigilChart *self)
{
  g_return_val_if_fail (self != NULL, VIGIL_CHART_GROUPED_BARS);

  return self->kind;
}

const char *
vigil_chart_get_name (const VigilChart *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->name;
}

const char *
vigil_chart_get_title (const VigilChart *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->title;
}

void
vigil_chart_set_subtitle (VigilChart *self,
                          const char *subtitle)
{
  g_return_if_fail (self != NULL);

  set_text (&self->subtitle, subtitle);
}

void
vigil_chart_set_caveat (VigilChart *self,
                        const char *caveat)
{
  g_return_if_fail (self != NULL);

  set_text (&self->caveat, caveat);
}

const char *
vigil_chart_get_caveat (const VigilChart *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->caveat;
}

void
vigil_chart_set_x_axis (VigilChart     *self,
                        VigilChartAxis  axis,
                        const char     *label)
{
  g_return_if_fail (self != NULL);

  self->x_axis = axis;
  set_text (&self->x_label, label);
  self->table_stale = TRUE;
}

void
vigil_chart_set_y_axis (VigilChart     *self,
                        VigilChartAxis  axis,
                        const char     *label)
{
  g_return_if_fail (self != NULL);

  self->y_axis = axis;
  set_text (&self->y_label, label);
  self->table_stale = TRUE;
}

void
vigil_chart_set_y_range (VigilChart *self,
                         double      min,
                         double      max)
{
  g_return_if_fail (self != NULL);

  if (!isfinite (min) || !isfinite (max) || !(max > min))
    {
      g_warning ("Ignoring the y range %g … %g of chart “%s”", min, max, self->name);
      self->fixed_y = FALSE;
      return;
    }
  self->fixed_y = TRUE;
  self->y_min = min;
  self->y_max = max;
}

void
vigil_chart_set_categories (VigilChart         *self,
                            const char * const *labels,
                            guint               n_labels)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (labels != NULL || n_labels == 0);

  g_ptr_array_set_size (self->categories, 0);
  for (guint i = 0; i < n_labels; i++)
    g_ptr_array_add (self->categories, g_strdup (labels[i] ? labels[i] : ""));
  self->table_stale = TRUE;
}

guint
vigil_chart_get_n_categories (const VigilChart *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->categories->len;
}

const char *
vigil_chart_get_category (const VigilChart *self,
                          guint             index)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (index >= self->categories->len)
    return NULL;
  return g_ptr_array_index (self->categories, index);
}

guint
vigil_chart_add_series (VigilChart *self,
                        const char *name)
{
  Series *series;

  g_return_val_if_fail (self != NULL, 0);

  series = g_new0 (Series, 1);
  series->name = g_strdup (name ? name : "");
  series->points = g_array_new (FALSE, FALSE, sizeof (Point));
  series->markers = g_array_new (FALSE, FALSE, sizeof (Point));
  g_array_set_clear_func (series->points, point_clear);
  g_array_set_clear_func (series->markers, point_clear);
  g_ptr_array_add (self->series, series);
  self->table_stale = TRUE;

  return self->series->len - 1;
}

guint
vigil_chart_get_n_series (const VigilChart *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->series->len;
}

const char *
vigil_chart_get_series_name (const VigilChart *self,
                             guint             series)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (series >= self->series->len)
    return NULL;
  return ((Series *) g_ptr_array_index (self->series, series))->name;
}

static void
append_point (VigilChart *self,
              GArray     *array,
              double      x,
              double      y,
              const char *label)
{
  Point point = { x, y, is_set (label) ? g_strdup (label) : NULL };

  g_array_append_val (array, point);
  self->table_stale = TRUE;
}

void
vigil_chart_add_point (VigilChart *self,
                       guint       series,
                       double      x,
                       double      y,
                       const char *label)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (series < self->series->len);

  append_point (self, ((Series *) g_ptr_array_index (self->series, series))->points, x, y, label);
}

void
vigil_chart_add_marker (VigilChart *self,
                        guint       series,
                        double      x,
                        double      y,
                        const char *label)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (series < self->series->len);

  append_point (self, ((Series *) g_ptr_array_index (self->series, series))->markers, x, y, label);
}

guint
vigil_chart_get_n_points (const VigilChart *self,
                          guint             series)
{
  g_return_val_if_fail (self != NULL, 0);

  if (series >= self->series->len)
    return 0;
  return ((Series *) g_ptr_array_index (self->series, series))->points->len;
}

void
vigil_chart_get_point (const VigilChart *self,
                       guint             series,
                       guint             index,
                       double           *x,
                       double           *y)
{
  Series *s;
  Point *point;

  g_return_if_fail (self != NULL);
  g_return_if_fail (series < self->series->len);

  s = g_ptr_array_index (self->series, series);
  g_return_if_fail (index < s->points->len);
  point = &g_array_index (s->points, Point, index);
  if (x != NULL)
    *x = point->x;
  if (y != NULL)
    *y = point->y;
}

static Series *
get_series (const VigilChart *self,
            guint             index)
{
  return g_ptr_array_index (self->series, index);
}

static guint
count_points (const VigilChart *self,
              gboolean          with_markers)
{
  guint n = 0;

  for (guint i = 0; i < self->series->len; i++)
    n += get_series (self, i)->points->len + (with_markers ? get_series (self, i)->markers->len : 0);
  return n;
}

/* The category a bar kind's point falls in, or FALSE when its x names none. */
static gboolean
category_of (double  x,
             guint  *index)
{
  double rounded;

  if (!isfinite (x))
    return FALSE;
  rounded = floor (x + 0.5);
  if (rounded < 0 || rounded >= MAX_CATEGORIES)
    return FALSE;
  *index = (guint) rounded;
  return TRUE;
}

/* Categories along x: the labels given, or as many as the points need. */
static guint
count_categories (const VigilChart *self)
{
  guint n = self->categories->len;

  for (guint i = 0; i < self->series->len; i++)
    {
      Series *series = get_series (self, i);

      for (guint j = 0; j < series->points->len; j++)
        {
          guint index;

          if (category_of (g_array_index (series->points, Point, j).x, &index))
            n = MAX (n, index + 1);
        }
      for (guint j = 0; j < series->markers->len; j++)
        {
          guint index;

          if (category_of (g_array_index (series->markers, Point, j).x, &index))
            n = MAX (n, index + 1);
        }
    }
  return MIN (n, MAX_CATEGORIES);
}

/* x is placed on category slots: the bar kinds, or a line over categories */
static gboolean
uses_categories (const VigilChart *self)
{
  return is_bar_kind (self->kind) || self->x_axis == VIGIL_CHART_AXIS_CATEGORIES;
}

/* ------------------------------------------------------------------------------------
 * Numbers and dates as text
 * ------------------------------------------------------------------------------------ */

/* Removes trailing zeros after the decimal separator ("1.20" → "1.2", "3.00" → "3"). */
static char *
strip_zeros (char *text)
{
  const char *point = NULL;
  size_t length = strlen (text);

  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && *p != '-' && *p != '+')
      point = p;
  if (point == NULL)
    return text;
  while (length > 0 && text[length - 1] == '0')
    text[--length] = '\0';
  /* the separator itself (one or more bytes: "." or "," or a multibyte one) */
  if ((size_t) (point - text) < length && text + length - 1 >= point &&
      !g_ascii_isdigit (text[length - 1]))
    text[point - text] = '\0';
  return text;
}

static gboolean
get_date (double  julian,
          GDate  *date)
{
  double day = floor (julian + 0.5);

  g_date_clear (date, 1);
  if (!isfinite (day) || day < 1 || day > 2932896)   /* 31 December 8000 */
    return FALSE;
  if (!g_date_valid_julian ((guint32) day))
    return FALSE;
  g_date_set_julian (date, (guint32) day);
  return TRUE;
}

static char *
format_date (double      julian,
             const char *format)
{
  GDate date;
  char buffer[128];

  if (!get_date (julian, &date) || g_date_strftime (buffer, sizeof buffer, format, &date) == 0)
    return g_strdup_printf ("%.0f", julian);
  return g_strdup (buffer);
}

/* "3000000" → "3 000 000" with narrow no-break spaces (as ISO 80000 writes them, read
 * the same in every language), from five digits on. Takes @text. */
static char *
group_digits (char *text)
{
  const char *start = text + (text[0] == '-');
  size_t digits = strspn (start, "0123456789");
  GString *grouped;

  if (digits < 5)
    return text;
  grouped = g_string_new_len (text, start - text);
  for (size_t i = 0; i < digits; i++)
    {
      if (i > 0 && (digits - i) % 3 == 0)
        g_string_append (grouped, "\u202f");
      g_string_append_c (grouped, start[i]);
    }
  g_string_append (grouped, start + digits);
  g_free (text);
  return g_string_free (grouped, FALSE);
}

/* A number as a person reads it: "1.2", "0.85", "90", "85%", "3 Mar 2026". */
static char *
format_value (VigilChartAxis axis,
              double         value)
{
  if (!isfinite (value))
    /* Translators: a value that is not a number */
    return g_strdup (_("n/a"));

  switch (axis)
    {
    case VIGIL_CHART_AXIS_PERCENT:
      {
        double percent = value * 100;

        if (fabs (percent - round (percent)) < 0.05)
          /* Translators: a percentage, "85%" */
          return g_strdup_printf (_("%.0f%%"), percent);
        return g_strdup_printf (_("%.1f%%"), percent);
      }

    case VIGIL_CHART_AXIS_DATE:
      /* Translators: a date on a chart, see strftime (): "3 Mar 2026" */
      return format_date (value, _("%-d %b %Y"));

    case VIGIL_CHART_AXIS_CATEGORIES:
    case VIGIL_CHART_AXIS_NUMBER:
    case VIGIL_CHART_AXIS_COUNT:
    default:
      if (fabs (value) >= 1e15)
        return g_strdup_printf ("%.3g", value);
      if (fabs (value - round (value)) < 1e-9 || fabs (value) >= 1e6)
        return group_digits (g_strdup_printf ("%.0f", value));
      if (fabs (value) >= 100)
        return group_digits (strip_zeros (g_strdup_printf ("%.1f", value)));
      if (fabs (value) >= 0.01)
        return strip_zeros (g_strdup_printf ("%.2f", value));
      return g_strdup_printf ("%.2g", value);
    }
}

/* A tick label: as many decimals as the step between ticks needs. */
static char *
format_tick (VigilChartAxis axis,
             double         value,
             double         step)
{
  int decimals;

  if (fabs (value) < step * 1e-6)
    value = 0;   /* not "-0" */

  switch (axis)
    {
    case VIGIL_CHART_AXIS_PERCENT:
      decimals = (int) CLAMP (-floor (log10 (step * 100) + 1e-9), 0, 6);
      return g_strdup_printf (_("%.*f%%"), decimals, value * 100);

    case VIGIL_CHART_AXIS_DATE:
    case VIGIL_CHART_AXIS_CATEGORIES:
    case VIGIL_CHART_AXIS_NUMBER:
    case VIGIL_CHART_AXIS_COUNT:
    default:
      if (fabs (value) >= 1e15)
        return g_strdup_printf ("%.3g", value);
      decimals = (int) CLAMP (-floor (log10 (step) + 1e-9), 0, 6);
      return group_digits (g_strdup_printf ("%.*f", decimals, value));
    }
}

/* A number in the CSV table: plain, with a point, whatever the locale. */
static char *
format_cell (VigilChartAxis axis,
             double         value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  GDate date;

  if (!isfinite (value))
    return g_strdup ("");
  if (axis == VIGIL_CHART_AXIS_DATE && get_date (value, &date))
    return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&date), g_date_get_month (&date),
                            g_date_get_day (&date));
  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, "%.6g", value));
}

static char *
category_label (const VigilChart *self,
                guint             index)
{
  if (index < self->categories->len)
    return g_strdup (g_ptr_array_index (self->categories, index));
  return g_strdup_printf ("%u", index + 1);
}

/* What a point's x says: its category, or its number or date. */
static char *
format_x (const VigilChart *self,
          double            x)
{
  guint index;

  if (uses_categories (self))
    return category_of (x, &index) ? category_label (self, index) : g_strdup ("?");
  return format_value (self->x_axis, x);
}

/* A point's tooltip: its own label, or "Managed — After: 1.2" or "Managed: 0.85 at 90". */
static char *
point_text (const VigilChart *self,
            guint             series,
            const Point      *point)
{
  g_autofree char *x = NULL;
  g_autofree char *y = NULL;
  const char *name = get_series (self, series)->name;

  if (point->label != NULL)
    return g_strdup (point->label);

  x = format_x (self, point->x);
  y = format_value (self->y_axis, point->y);
  if (uses_categories (self))
    {
      if (!is_set (name))
        /* Translators: a bar's tooltip: category, value ("After: 1.2") */
        return g_strdup_printf (_("%s: %s"), x, y);
      /* Translators: a bar's tooltip: series — category: value ("Managed — After: 1.2") */
      return g_strdup_printf (_("%s — %s: %s"), name, x, y);
    }
  if (!is_set (name))
    /* Translators: a point's tooltip: value at x ("0.85 at 90") */
    return g_strdup_printf (_("%s at %s"), y, x);
  /* Translators: a point's tooltip: series: value at x ("Managed: 0.85 at 90") */
  return g_strdup_printf (_("%s: %s at %s"), name, y, x);
}

/* ------------------------------------------------------------------------------------
 * The table and CSV
 * ------------------------------------------------------------------------------------ */

static void
make_default_table (VigilChart *self)
{
  gboolean with_markers = FALSE;

  g_ptr_array_set_size (self->table_columns, 0);
  g_ptr_array_set_size (self->table_cells, 0);
  self->table_n_rows = 0;

  if (uses_categories (self))
    {
      guint n_categories = count_categories (self);
      guint n_columns = self->series->len + 1;

      g_ptr_array_add (self->table_columns,
                       g_strdup (self->x_label ? self->x_label : _("Category")));
      for (guint s = 0; s < self->series->len; s++)
        g_ptr_array_add (self->table_columns, g_strdup (get_series (self, s)->name));

      g_ptr_array_set_size (self->table_cells, n_categories * n_columns);
      for (guint c = 0; c < n_categories; c++)
        g_ptr_array_index (self->table_cells, c * n_columns) = category_label (self, c);
      for (guint s = 0; s < self->series->len; s++)
        {
          Series *series = get_series (self, s);

          for (guint j = 0; j < series->points->len; j++)
            {
              Point *point = &g_array_index (series->points, Point, j);
              guint c;
              char **cell;

              if (!category_of (point->x, &c) || c >= n_categories)
                continue;
              /* a category given twice keeps its last value, as drawn */
              cell = (char **) &g_ptr_array_index (self->table_cells, c * n_columns + s + 1);
              g_free (*cell);
              *cell = format_cell (VIGIL_CHART_AXIS_NUMBER, point->y);
            }
        }
      for (guint i = 0; i < self->table_cells->len; i++)
        if (g_ptr_array_index (self->table_cells, i) == NULL)
          g_ptr_array_index (self->table_cells, i) = g_strdup ("");
      self->table_n_rows = n_categories;
      return;
    }

  for (guint s = 0; s < self->series->len; s++)
    with_markers |= get_series (self, s)->markers->len > 0;

  g_ptr_array_add (self->table_columns, g_strdup (_("Series")));
  g_ptr_array_add (self->table_columns, g_strdup (self->x_label ? self->x_label : "x"));
  g_ptr_array_add (self->table_columns, g_strdup (self->y_label ? self->y_label : "y"));
  if (with_markers)
    /* Translators: a column of a chart's table: "point" or "marker" */
    g_ptr_array_add (self->table_columns, g_strdup (_("Kind")));

  for (guint s = 0; s < self->series->len; s++)
    {
      Series *series = get_series (self, s);

      for (guint pass = 0; pass < (with_markers ? 2 : 1); pass++)
        {
          GArray *points = pass == 0 ? series->points : series->markers;

          for (guint j = 0; j < points->len; j++)
            {
              Point *point = &g_array_index (points, Point, j);

              g_ptr_array_add (self->table_cells, g_strdup (series->name));
              g_ptr_array_add (self->table_cells, format_cell (self->x_axis, point->x));
              g_ptr_array_add (self->table_cells, format_cell (VIGIL_CHART_AXIS_NUMBER, point->y));
              if (with_markers)
                /* Translators: in a chart's table, a row for a point or a marker (a tick) */
                g_ptr_array_add (self->table_cells, g_strdup (pass == 0 ? _("point") : _("marker")));
              self->table_n_rows++;
            }
        }
    }
}

/* The table is a cache of the series when never set: made again when they change. */
static VigilChart *
ensure_table (const VigilChart *self)
{
  VigilChart *chart = (VigilChart *) self;

  if (!chart->table_set && chart->table_stale)
    {
      make_default_table (chart);
      chart->table_stale = FALSE;
    }
  return chart;
}

void
vigil_chart_set_table (VigilChart         *self,
                       const char * const *columns,
                       guint               n_columns,
                       const char * const *cells,
                       guint               n_rows)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (columns != NULL || n_columns == 0);
  g_return_if_fail (cells != NULL || n_rows == 0 || n_columns == 0);

  g_ptr_array_set_size (self->table_columns, 0);
  g_ptr_array_set_size (self->table_cells, 0);
  for (guint c = 0; c < n_columns; c++)
    g_ptr_array_add (self->table_columns, g_strdup (columns[c] ? columns[c] : ""));
  for (guint i = 0; n_columns > 0 && i < n_rows * n_columns; i++)
    g_ptr_array_add (self->table_cells, g_strdup (cells[i] ? cells[i] : ""));
  self->table_n_rows = n_columns > 0 ? n_rows : 0;
  self->table_set = TRUE;
}

guint
vigil_chart_get_table_n_columns (const VigilChart *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return ensure_table (self)->table_columns->len;
}

guint
vigil_chart_get_table_n_rows (const VigilChart *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return ensure_table (self)->table_n_rows;
}

const char *
vigil_chart_get_table_column (const VigilChart *self,
                              guint             column)
{
  VigilChart *chart;

  g_return_val_if_fail (self != NULL, NULL);

  chart = ensure_table (self);
  if (column >= chart->table_columns->len)
    return NULL;
  return g_ptr_array_index (chart->table_columns, column);
}

const char *
vigil_chart_get_table_cell (const VigilChart *self,
                            guint             row,
                            guint             column)
{
  VigilChart *chart;

  g_return_val_if_fail (self != NULL, NULL);

  chart = ensure_table (self);
  if (row >= chart->table_n_rows || column >= chart->table_columns->len)
    return NULL;
  return g_ptr_array_index (chart->table_cells, row * chart->table_columns->len + column);
}

static void
append_csv_field (GString    *csv,
                  const char *field)
{
  if (strpbrk (field, ",\"\r\n") == NULL)
    {
      g_string_append (csv, field);
      return;
    }
  g_string_append_c (csv, '"');
  for (const char *p = field; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (csv, '"');
      g_string_append_c (csv, *p);
    }
  g_string_append_c (csv, '"');
}

char *
vigil_chart_to_csv (const VigilChart *self)
{
  GString *csv;
  VigilChart *chart;
  guint n_columns;

  g_return_val_if_fail (self != NULL, NULL);

  chart = ensure_table (self);
  n_columns = chart->table_columns->len;
  csv = g_string_new (NULL);
  for (guint row = 0; n_columns > 0 && row <= chart->table_n_rows; row++)
    {
      for (guint c = 0; c < n_columns; c++)
        {
          if (c > 0)
            g_string_append_c (csv, ',');
          append_csv_field (csv, row == 0 ? g_ptr_array_index (chart->table_columns, c)
                                          : g_ptr_array_index (chart->table_cells,
                                                               (row - 1) * n_columns + c));
        }
      g_string_append_c (csv, '\n');
    }

  if (chart->caveat != NULL)
    {
      g_auto(GStrv) lines = g_strsplit_set (chart->caveat, "\r\n", -1);

      g_string_append_c (csv, '\n');
      for (guint i = 0; lines[i] != NULL; i++)
        if (*lines[i] != '\0')
          g_string_append_printf (csv, "# %s\n", lines[i]);
    }

  return g_string_free (csv, FALSE);
}

/* ------------------------------------------------------------------------------------
 * Description for assistive technologies
 * ------------------------------------------------------------------------------------ */

static const char *
kind_name (VigilChartKind kind)
{
  switch (kind)
    {
    case VIGIL_CHART_GROUPED_BARS: return _("Grouped bar chart");
    case VIGIL_CHART_STACKED_BARS: return _("Stacked bar chart");
    case VIGIL_CHART_HISTOGRAM:    return _("Histogram");
    case VIGIL_CHART_LINES:        return _("Line chart");
    case VIGIL_CHART_STEPS:        return _("Step chart");
    default:                       return _("Chart");
    }
}

char *
vigil_chart_describe (const VigilChart *self)
{
  GString *text;

  g_return_val_if_fail (self != NULL, NULL);

  text = g_string_new (NULL);
  if (is_set (self->title))
    /* Translators: the start of a chart's description: "Line chart: Cohort size." */
    g_string_append_printf (text, _("%s: %s."), kind_name (self->kind), self->title);
  else
    g_string_append_printf (text, "%s.", kind_name (self->kind));
  if (self->subtitle != NULL)
    g_string_append_printf (text, " %s.", self->subtitle);

  if (self->x_label != NULL && self->y_label != NULL)
    /* Translators: in a chart's description */
    g_string_append_printf (text, _(" X axis: %s; Y axis: %s."), self->x_label, self->y_label);
  else if (self->x_label != NULL)
    g_string_append_printf (text, _(" X axis: %s."), self->x_label);
  else if (self->y_label != NULL)
    g_string_append_printf (text, _(" Y axis: %s."), self->y_label);

  if (count_points (self, TRUE) == 0)
    g_string_append_printf (text, " %s", _("No data."));

  for (guint s = 0; s < self->series->len; s++)
    {
      Series *series = get_series (self, s);
      guint shown = MIN (series->points->len, DESCRIBE_POINTS);

      if (series->points->len == 0 && series->markers->len == 0)
        continue;

      g_string_append_c (text, ' ');
      if (is_set (series->name))
        g_string_append_printf (text, "%s: ", series->name);
      for (guint j = 0; j < shown; j++)
        {
          Point *point = &g_array_index (series->points, Point, j);
          g_autofree char *x = format_x (self, point->x);
          g_autofree char *y = format_value (self->y_axis, point->y);

          if (j > 0)
            g_string_append (text, ", ");
          if (uses_categories (self))
            /* Translators: a bar in a chart's description: category, value ("After 1.2") */
            g_string_append_printf (text, _("%s %s"), x, y);
          else
            /* Translators: a point in a chart's description: value at x ("0.85 at 90") */
            g_string_append_printf (text, _("%s at %s"), y, x);
        }
      if (series->points->len > shown)
        g_string_append_printf (text,
                                /* Translators: after the first points of a series */
                                ngettext (", and %u more", ", and %u more",
                                          series->points->len - shown),
                                series->points->len - shown);
      if (series->markers->len > 0)
        g_string_append_printf (text,
                                /* Translators: markers are ticks on a line, e.g. censored people */
                                ngettext ("%s%u marker", "%s%u markers", series->markers->len),
                                series->points->len > 0 ? "; " : "", series->markers->len);
      g_string_append_c (text, '.');
    }

  if (self->caveat != NULL)
    g_string_append_printf (text, " %s", self->caveat);

  return g_string_free (text, FALSE);
}

/* ------------------------------------------------------------------------------------
 * Styles
 * ------------------------------------------------------------------------------------ */

typedef struct
{
  double r, g, b, a;
} Rgba;

#define HEX(rgb) { ((rgb) >> 16 & 0xff) / 255.0, ((rgb) >> 8 & 0xff) / 255.0, ((rgb) & 0xff) / 255.0, 1 }

typedef struct
{
  Rgba   background;
  Rgba   text;
  Rgba   dim;       /* subtitle, caveat, tick labels */
  Rgba   grid;
  Rgba   axis;
  Rgba   outline;   /* around bars (alpha 0: none) */
  Rgba   series[N_PALETTE];
  double line;      /* data lines, in units of the base font size */
} Palette;

/* Series colours after Okabe and Ito's palette for colour-blind readers, ordered so
 * the first few differ in lightness as well as hue. */
static const Palette palettes[] = {
  [VIGIL_CHART_STYLE_LIGHT] = {
    .background = HEX (0xffffff),
    .text = { 0, 0, 6 / 255.0, 0.8 },
    .dim = { 0, 0, 6 / 255.0, 0.62 },
    .grid = { 0, 0, 6 / 255.0, 0.1 },
    .axis = { 0, 0, 6 / 255.0, 0.55 },
    .outline = { 0, 0, 0, 0 },
    .series = {
      HEX (0x0072b2), HEX (0xe69f00), HEX (0x009e73), HEX (0xd55e00),
      HEX (0xcc79a7), HEX (0x56b4e9), HEX (0x8a7500), HEX (0x3d3846),
    },
    .line = 0.17,
  },
  [VIGIL_CHART_STYLE_DARK] = {
    .background = HEX (0x242424),
    .text = { 1, 1, 1, 1 },
    .dim = { 1, 1, 1, 0.72 },
    .grid = { 1, 1, 1, 0.12 },
    .axis = { 1, 1, 1, 0.55 },
    .outline = { 0, 0, 0, 0 },
    .series = {
      HEX (0x56b4e9), HEX (0xe69f00), HEX (0x2ec4a0), HEX (0xff7f50),
      HEX (0xe29acb), HEX (0xf0e442), HEX (0xa8c8ff), HEX (0xdeddda),
    },
    .line = 0.17,
  },
  [VIGIL_CHART_STYLE_HIGH_CONTRAST] = {
    .background = HEX (0xffffff),
    .text = { 0, 0, 0, 1 },
    .dim = { 0, 0, 0, 1 },
    .grid = { 0, 0, 0, 0.3 },
    .axis = { 0, 0, 0, 1 },
    .outline = { 0, 0, 0, 1 },
    .series = {
      HEX (0x0044aa), HEX (0xc43c00), HEX (0x006b3c), HEX (0x000000),
      HEX (0x9c0069), HEX (0x5b2a9e), HEX (0x7a5c00), HEX (0x00607a),
    },
    .line = 0.28,
  },
};

static const Palette *
get_palette (VigilChartStyle style)
{
  if ((guint) style >= G_N_ELEMENTS (palettes))
    style = VIGIL_CHART_STYLE_LIGHT;
  return &palettes[style];
}

static void
set_colour (cairo_t    *cr,
            const Rgba *colour)
{
  cairo_set_source_rgba (cr, colour->r, colour->g, colour->b, colour->a);
}

static const Rgba *
series_colour (const Palette *palette,
               guint          series)
{
  return &palette->series[series % N_PALETTE];
}

/* Dash patterns for lines and steps, in units of the line width, so series differ
 * without colour: solid, dashed, dotted, dash-dot, long dash, short dash. */
static void
set_dash (cairo_t *cr,
          guint    series,
          double   width)
{
  static const double patterns[][4] = {
    { 0, 0, 0, 0 },
    { 4.5, 2.5, 0, 0 },
    { 0.01, 2.2, 0, 0 },
    { 5, 2, 0.01, 2 },
    { 9, 3, 0, 0 },
    { 2, 2, 0, 0 },
  };
  static const int lengths[] = { 0, 2, 2, 4, 2, 2 };
  guint index = series % G_N_ELEMENTS (lengths);
  double dashes[4];

  for (int i = 0; i < lengths[index]; i++)
    dashes[i] = patterns[index][i] * width;
  cairo_set_dash (cr, dashes, lengths[index], 0);
}

/* ------------------------------------------------------------------------------------
 * Layout and drawing
 * ------------------------------------------------------------------------------------ */

typedef struct
{
  gboolean rect;    /* a bar (x, y, w, h), or a point or marker at (x, y) */
  gboolean step;    /* a step's level, from (x, y) to (x + w, y) */
  double   x, y, w, h;
  guint    series;
  guint    index;
  gboolean marker;
} Hit;

typedef struct
{
  double lo, hi;    /* the axis' range */
  double step;      /* between ticks (numbers) */
  double first;     /* the first tick */
  guint  n_ticks;
} Scale;

/* Where the data goes, and how values map onto it. */
typedef struct
{
  double left, top, width, height;
  Scale  y;
  Scale  x;             /* numeric and date x */
  guint  n_categories;  /* category x */
  double slot;          /* width of a category */
} Frame;

static double
nice_step (double raw)
{
  double power, fraction;

  if (!(raw > 0) || !isfinite (raw))
    return 1;
  power = pow (10, floor (log10 (raw)));
  fraction = raw / power;
  if (fraction <= 1.0 + 1e-9)
    return power;
  if (fraction <= 2.0 + 1e-9)
    return 2 * power;
  if (fraction <= 5.0 + 1e-9)
    return 5 * power;
  return 10 * power;
}

/* Ticks at multiples of a 1, 2 or 5 × 10ⁿ step (at least 1 when @whole); @round_out
 * widens lo … hi to ticks. */
static void
scale_init (Scale   *scale,
            double   lo,
            double   hi,
            double   target,
            gboolean round_out,
            gboolean whole)
{
  if (!(hi > lo))
    {
      double middle = isfinite (lo) ? lo : 0;

      lo = middle == 0 ? 0 : middle - fabs (middle) * 0.5;
      hi = middle == 0 ? 1 : middle + fabs (middle) * 0.5;
      if (middle > 0)
        lo = 0;
      if (middle < 0)
        hi = 0;
    }

  scale->step = nice_step ((hi - lo) / MAX (target, 1));
  if (whole && scale->step < 1)
    scale->step = 1;
  if (round_out)
    {
      lo = floor (lo / scale->step + 1e-9) * scale->step;
      hi = ceil (hi / scale->step - 1e-9) * scale->step;
    }
  scale->lo = lo;
  scale->hi = hi;
  scale->first = ceil (lo / scale->step - 1e-9) * scale->step;
  scale->n_ticks = (guint) CLAMP (floor ((hi - scale->first) / scale->step + 1e-9) + 1, 0, 100);
}

static double
scale_tick (const Scale *scale,
            guint        i)
{
  return scale->first + i * scale->step;
}

static double
map_y (const Frame *frame,
       double       y)
{
  return frame->top + frame->height * (1 - (y - frame->y.lo) / (frame->y.hi - frame->y.lo));
}

static double
map_x (const VigilChart *self,
       const Frame      *frame,
       double            x)
{
  if (uses_categories (self))
    return frame->left + (x + 0.5) * frame->slot;
  return frame->left + frame->width * (x - frame->x.lo) / (frame->x.hi - frame->x.lo);
}

/* The y values' range: from zero (or below it) to the largest value or stack. */
static void
data_y_range (const VigilChart *self,
              guint             n_categories,
              double           *lo,
              double           *hi)
{
  *lo = 0;
  *hi = 0;

  if (self->kind == VIGIL_CHART_STACKED_BARS && n_categories > 0)
    {
      g_autofree double *up = g_new0 (double, n_categories);
      g_autofree double *down = g_new0 (double, n_categories);

      for (guint s = 0; s < self->series->len; s++)
        {
          Series *series = get_series (self, s);

          for (guint j = 0; j < series->points->len; j++)
            {
              Point *point = &g_array_index (series->points, Point, j);
              guint c;

              if (!isfinite (point->y) || !category_of (point->x, &c) || c >= n_categories)
                continue;
              if (point->y >= 0)
                up[c] += point->y;
              else
                down[c] += point->y;
            }
        }
      for (guint c = 0; c < n_categories; c++)
        {
          *hi = MAX (*hi, up[c]);
          *lo = MIN (*lo, down[c]);
        }
    }

  for (guint s = 0; s < self->series->len; s++)
    {
      Series *series = get_series (self, s);

      for (guint pass = 0; pass < 2; pass++)
        {
          GArray *points = pass == 0 ? series->points : series->markers;

          if (pass == 0 && self->kind == VIGIL_CHART_STACKED_BARS)
            continue;
          for (guint j = 0; j < points->len; j++)
            {
              double y = g_array_index (points, Point, j).y;

              if (!isfinite (y))
                continue;
              *lo = MIN (*lo, y);
              *hi = MAX (*hi, y);
            }
        }
    }
}

static gboolean
data_x_range (const VigilChart *self,
              double           *lo,
              double           *hi)
{
  gboolean any = FALSE;

  *lo = 0;
  *hi = 1;
  for (guint s = 0; s < self->series->len; s++)
    {
      Series *series = get_series (self, s);

      for (guint pass = 0; pass < 2; pass++)
        {
          GArray *points = pass == 0 ? series->points : series->markers;

          for (guint j = 0; j < points->len; j++)
            {
              double x = g_array_index (points, Point, j).x;

              if (!isfinite (x))
                continue;
              if (!any || x < *lo)
                *lo = x;
              if (!any || x > *hi)
                *hi = x;
              any = TRUE;
            }
        }
    }
  return any;
}

typedef struct
{
  PangoContext *context;
  double        base;   /* the base font size, px */
} Fonts;

static PangoLayout *
new_text (const Fonts    *fonts,
          const char     *text,
          double          size,    /* × the base size */
          gboolean        bold,
          double          width,   /* px, 0: one line as long as it is */
          int             max_lines,
          PangoAlignment  alignment)
{
  PangoLayout *layout = pango_layout_new (fonts->context);
  PangoFontDescription *font = pango_font_description_from_string (FONT_FAMILY);

  pango_font_description_set_absolute_size (font, MAX (1, fonts->base * size) * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, text ? text : "", -1);
  pango_layout_set_alignment (layout, alignment);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (MAX (width, 1) * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_height (layout, -MAX (max_lines, 1));
    }
  return layout;
}

static double
text_width (PangoLayout *layout)
{
  int width, height;

  pango_layout_get_pixel_size (layout, &width, &height);
  return width;
}

static double
text_height (PangoLayout *layout)
{
  int width, height;

  pango_layout_get_pixel_size (layout, &width, &height);
  return height;
}

static void
show_text (cairo_t     *cr,
           PangoLayout *layout,
           const Rgba  *colour,
           double       x,
           double       y)
{
  set_colour (cr, colour);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/* A series' sample in the legend: a square for bars, a line (and a dot) for lines. */
static double
legend_swatch_width (const VigilChart *self,
                     double            base)
{
  return is_bar_kind (self->kind) ? base * 0.9 : base * 2.4;
}

static void
draw_swatch (const VigilChart *self,
             cairo_t          *cr,
             const Palette    *palette,
             guint             series,
             double            x,
             double            y,       /* the middle */
             double            base)
{
  double line = MAX (1.5, palette->line * base);

  cairo_save (cr);
  set_colour (cr, series_colour (palette, series));
  if (is_bar_kind (self->kind))
    {
      double size = base * 0.9;

      cairo_rectangle (cr, x, y - size / 2, size, size);
      cairo_fill_preserve (cr);
      if (palette->outline.a > 0)
        {
          set_colour (cr, &palette->outline);
          cairo_set_line_width (cr, MAX (1, base * 0.08));
          cairo_stroke (cr);
        }
      cairo_new_path (cr);
    }
  else
    {
      double width = legend_swatch_width (self, base);

      cairo_set_line_width (cr, line);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      set_dash (cr, series, line);
      cairo_move_to (cr, x + line / 2, y);
      cairo_line_to (cr, x + width - line / 2, y);
      cairo_stroke (cr);
      if (self->kind == VIGIL_CHART_LINES)
        {
          cairo_arc (cr, x + width / 2, y, line * 1.6, 0, 2 * G_PI);
          cairo_fill (cr);
        }
    }
  cairo_restore (cr);
}

static void
add_hit (GArray   *hits,
         gboolean  rect,
         double    x,
         double    y,
         double    w,
         double    h,
         guint     series,
         guint     index,
         gboolean  marker)
{
  Hit hit = { rect, FALSE, x, y, w, h, series, index, marker };

  if (hits != NULL)
    g_array_append_val (hits, hit);
}

static void
draw_bars (const VigilChart *self,
           cairo_t          *cr,
           const Palette    *palette,
           const Frame      *frame,
           double            base,
           GArray           *hits)
{
  guint n_series = MAX (self->series->len, 1);
  double baseline = map_y (frame, CLAMP (0, frame->y.lo, frame->y.hi));
  double group, bar, gap;
  g_autofree double *up = NULL;
  g_autofree double *down = NULL;

  switch (self->kind)
    {
    case VIGIL_CHART_STACKED_BARS:
      group = frame->slot * 0.62;
      bar = group;
      up = g_new0 (double, frame->n_categories);
      down = g_new0 (double, frame->n_categories);
      break;

    case VIGIL_CHART_HISTOGRAM:
      group = frame->slot;
      bar = group / n_series;
      break;

    case VIGIL_CHART_GROUPED_BARS:
    case VIGIL_CHART_LINES:
    case VIGIL_CHART_STEPS:
    default:
      group = frame->slot * (n_series > 1 ? 0.82 : 0.62);
      bar = group / n_series;
      break;
    }
  /* bars a few pixels wide fill their slots, or they fade into the background */
  if (frame->slot < 6)
    {
      group = frame->slot;
      bar = self->kind == VIGIL_CHART_STACKED_BARS ? group : group / n_series;
    }
  /* a hairline of background between neighbours, when they are wide enough */
  gap = bar > 6 ? MIN (MAX (1, bar * 0.08), base * 0.25) : 0;
  if (self->kind == VIGIL_CHART_STACKED_BARS)
    gap = 0;

  for (guint s = 0; s < self->series->len; s++)
    {
      Series *series = get_series (self, s);

      for (guint j = 0; j < series->points->len; j++)
        {
          Point *point = &g_array_index (series->points, Point, j);
          double x, y0, y1, top, height;
          guint c;

          if (!isfinite (point->y) || !category_of (point->x, &c) || c >= frame->n_categories)
            continue;

          x = frame->left + c * frame->slot + (frame->slot - group) / 2;
          if (self->kind == VIGIL_CHART_STACKED_BARS)
            {
              double *stack = point->y >= 0 ? &up[c] : &down[c];

              y0 = map_y (frame, *stack);
              *stack += point->y;
              y1 = map_y (frame, *stack);
            }
          else
            {
              x += s * bar;
              y0 = baseline;
              y1 = map_y (frame, point->y);
            }
          y0 = CLAMP (y0, frame->top, frame->top + frame->height);
          y1 = CLAMP (y1, frame->top, frame->top + frame->height);
          top = MIN (y0, y1);
          height = fabs (y1 - y0);

          cairo_rectangle (cr, x + gap / 2, top, MAX (bar - gap, 0.5), height);
          set_colour (cr, series_colour (palette, s));
          cairo_fill_preserve (cr);
          if (palette->outline.a > 0 && bar > 4 && height > 0)
            {
              set_colour (cr, &palette->outline);
              cairo_set_line_width (cr, MAX (1, base * 0.08));
              cairo_stroke (cr);
            }
          else if (self->kind == VIGIL_CHART_STACKED_BARS && height > 2 && bar > 6)
            {
              /* a hairline of background between the parts of a stack */
              set_colour (cr, &palette->background);
              cairo_set_line_width (cr, 1);
              cairo_stroke (cr);
            }
          cairo_new_path (cr);

          /* a bar of zero (or nearly) can still be pointed at */
          if (height < base * 0.4)
            {
              top = (y0 + y1) / 2 - base * 0.2;
              height = base * 0.4;
            }
          add_hit (hits, TRUE, x, top, bar, height, s, j, FALSE);
        }
    }
}

static int
compare_by_x (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  GArray *points = user_data;
  double xa = g_array_index (points, Point, *(const guint *) a).x;
  double xb = g_array_index (points, Point, *(const guint *) b).x;

  return (xa > xb) - (xa < xb);
}

static void
draw_lines (const VigilChart *self,
            cairo_t          *cr,
            const Palette    *palette,
            const Frame      *frame,
            double            base,
            GArray           *hits)
{
  double line = MAX (1.5, palette->line * base);
  double dot = line * 1.6;

  for (guint s = 0; s < self->series->len; s++)
    {
      Series *series = get_series (self, s);
      g_autoptr(GArray) order = g_array_sized_new (FALSE, FALSE, sizeof (guint), series->points->len);
      gboolean drawing = FALSE;

      for (guint j = 0; j < series->points->len; j++)
        {
          Point *point = &g_array_index (series->points, Point, j);

          if (isfinite (point->x) && isfinite (point->y))
            g_array_append_val (order, j);
        }
      g_array_sort_with_data (order, compare_by_x, series->points);

      cairo_save (cr);
      set_colour (cr, series_colour (palette, s));
      cairo_set_line_width (cr, line);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
      set_dash (cr, s, line);
      for (guint k = 0; k < order->len; k++)
        {
          Point *point = &g_array_index (series->points, Point, g_array_index (order, guint, k));
          double x = map_x (self, frame, point->x);
          double y = map_y (frame, point->y);

          if (!drawing)
            cairo_move_to (cr, x, y);
          else if (self->kind == VIGIL_CHART_STEPS)
            {
              double last_x, last_y;

              cairo_get_current_point (cr, &last_x, &last_y);
              cairo_line_to (cr, x, last_y);
              cairo_line_to (cr, x, y);
              /* the level held until this point: pointing at it says its value */
              if (hits != NULL)
                {
                  Hit level = { FALSE, TRUE, last_x, last_y, x - last_x, 0, s,
                                g_array_index (order, guint, k - 1), FALSE };

                  g_array_append_val (hits, level);
                }
            }
          else
            cairo_line_to (cr, x, y);
          drawing = TRUE;
          add_hit (hits, FALSE, x, y, 0, 0, s, g_array_index (order, guint, k), FALSE);
        }
      if (order->len > 1)
        cairo_stroke (cr);
      cairo_new_path (cr);
      cairo_set_dash (cr, NULL, 0, 0);

      /* the points as dots (a single point of a step chart too) */
      for (guint k = 0; k < order->len; k++)
        {
          Point *point = &g_array_index (series->points, Point, g_array_index (order, guint, k));

          if (self->kind == VIGIL_CHART_STEPS && order->len > 1)
            break;
          cairo_arc (cr, map_x (self, frame, point->x), map_y (frame, point->y), dot, 0, 2 * G_PI);
          cairo_fill (cr);
        }
      cairo_restore (cr);
    }
}

/* Markers: short vertical ticks across the line, on every kind of chart. */
static void
draw_markers (const VigilChart *self,
              cairo_t          *cr,
              const Palette    *palette,
              const Frame      *frame,
              double            base,
              GArray           *hits)
{
  double line = MAX (1.5, palette->line * base * 0.8);
  double half = base * 0.45;

  for (guint s = 0; s < self->series->len; s++)
    {
      Series *series = get_series (self, s);

      if (series->markers->len == 0)
        continue;
      cairo_save (cr);
      set_colour (cr, series_colour (palette, s));
      cairo_set_line_width (cr, line);
      cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
      for (guint j = 0; j < series->markers->len; j++)
        {
          Point *point = &g_array_index (series->markers, Point, j);
          double x, y;

          if (!isfinite (point->x) || !isfinite (point->y))
            continue;
          x = map_x (self, frame, point->x);
          y = map_y (frame, point->y);
          cairo_move_to (cr, x, y - half);
          cairo_line_to (cr, x, y + half);
          add_hit (hits, FALSE, x, y, 0, 0, s, j, TRUE);
        }
      cairo_stroke (cr);
      cairo_restore (cr);
    }
}

/* Date ticks: days, or the first of every n months. */
static guint
date_ticks (double  lo,
            double  hi,
            double  target,
            double *ticks,
            guint   max_ticks,
            char  **format)
{
  static const guint day_steps[] = { 1, 2, 7, 14 };
  static const guint month_steps[] = { 1, 2, 3, 6, 12, 24, 60, 120, 240, 600, 1200 };
  double span = hi - lo;
  guint n = 0;
  GDate date, end;

  if (!get_date (lo, &date) || !get_date (hi, &end))
    return 0;

  if (span / MAX (target, 1) < 20)
    {
      guint step = day_steps[G_N_ELEMENTS (day_steps) - 1];

      for (guint i = 0; i < G_N_ELEMENTS (day_steps); i++)
        if (span / day_steps[i] <= target)
          {
            step = day_steps[i];
            break;
          }
      /* Translators: a day on a chart's date axis, see strftime (): "3 Mar" */
      *format = g_strdup (_("%-d %b"));
      for (double day = ceil (lo / step) * step; day <= hi + 1e-9 && n < max_ticks; day += step)
        ticks[n++] = day;
      return n;
    }

  {
    guint step = month_steps[G_N_ELEMENTS (month_steps) - 1];
    guint month;

    for (guint i = 0; i < G_N_ELEMENTS (month_steps); i++)
      if (span / (30.44 * month_steps[i]) <= target)
        {
          step = month_steps[i];
          break;
        }
    *format = g_strdup (step >= 12 ? "%Y"
                        /* Translators: a month on a chart's date axis, see strftime (): "Mar 2026" */
                        : _("%b %Y"));
    month = g_date_get_year (&date) * 12 + (g_date_get_month (&date) - 1);
    if (g_date_get_day (&date) > 1)
      month++;
    month = (month + step - 1) / step * step;
    for (; n < max_ticks; month += step)
      {
        guint year = month / 12, m = month % 12 + 1;
        GDate tick;

        if (!g_date_valid_dmy (1, (GDateMonth) m, (GDateYear) year))
          break;
        g_date_clear (&tick, 1);
        g_date_set_dmy (&tick, 1, (GDateMonth) m, (GDateYear) year);
        if (g_date_get_julian (&tick) > hi + 1e-9)
          break;
        ticks[n++] = g_date_get_julian (&tick);
      }
    return n;
  }
}

#define MAX_X_TICKS 64

typedef struct
{
  PangoLayout *layout;
  double       x;     /* the tick's x (numbers, dates) or the label's left (categories) */
} TickLabel;

static void
render_with (VigilChart      *self,
             cairo_t         *cr,
             PangoContext    *context,
             double           width,
             double           height,
             VigilChartStyle  style,
             double           scale,
             GArray          *hits)
{
  const Palette *palette = get_palette (style);
  g_autoptr(PangoLayout) title = NULL;
  g_autoptr(PangoLayout) subtitle = NULL;
  g_autoptr(PangoLayout) caveat = NULL;
  g_autoptr(PangoLayout) x_label = NULL;
  g_autoptr(PangoLayout) y_label = NULL;
  g_autoptr(GPtrArray) y_ticks = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) legend = g_ptr_array_new_with_free_func (g_object_unref);
  TickLabel x_ticks[MAX_X_TICKS];
  guint n_x_ticks = 0;
  gboolean has_data = count_points (self, TRUE) > 0;
  gboolean show_legend;
  Fonts fonts;
  Frame frame = { 0 };
  double base, pad, content, y, bottom, y_tick_width = 0, x_tick_height = 0, right;
  double y_lo, y_hi;
  double grid_line, axis_line;
  double target = 0;

  base = CLAMP (MIN (width, height) / 34, 13, 30) * scale;
  pad = base;
  content = MAX (width - 2 * pad, 1);
  grid_line = MAX (1, base * 0.07);
  axis_line = MAX (1, base * (palette->outline.a > 0 ? 0.14 : 0.09));

  cairo_save (cr);
  set_colour (cr, &palette->background);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);

  fonts.context = context;
  fonts.base = base;

  /* the title, the subtitle */
  y = pad * 0.8;
  title = new_text (&fonts, self->title, 1.45, TRUE, content, 2, PANGO_ALIGN_LEFT);
  show_text (cr, title, &palette->text, pad, y);
  y += text_height (title);
  if (self->subtitle != NULL)
    {
      subtitle = new_text (&fonts, self->subtitle, 1.0, FALSE, content, 2, PANGO_ALIGN_LEFT);
      y += base * 0.15;
      show_text (cr, subtitle, &palette->dim, pad, y);
      y += text_height (subtitle);
    }
  y += base * 0.6;

  /* the legend: swatches and names, in rows as wide as the chart */
  show_legend = has_data && (self->series->len > 1 ||
                             (self->series->len == 1 && !is_bar_kind (self->kind) &&
                              is_set (get_series (self, 0)->name)));
  if (show_legend)
    {
      double swatch = legend_swatch_width (self, base);
      double row_height, x = pad;

      for (guint s = 0; s < self->series->len; s++)
        g_ptr_array_add (legend, new_text (&fonts, get_series (self, s)->name, 0.95, FALSE,
                                           MAX (content - swatch - base * 0.4, base), 1,
                                           PANGO_ALIGN_LEFT));
      row_height = MAX (text_height (g_ptr_array_index (legend, 0)), base);
      for (guint s = 0; s < self->series->len; s++)
        {
          PangoLayout *name = g_ptr_array_index (legend, s);
          double item = swatch + base * 0.4 + text_width (name);

          if (x > pad && x + item > pad + content)
            {
              x = pad;
              y += row_height + base * 0.3;
            }
          draw_swatch (self, cr, palette, s, x, y + row_height / 2, base);
          show_text (cr, name, &palette->text, x + swatch + base * 0.4,
                     y + (row_height - text_height (name)) / 2);
          x += item + base * 1.3;
        }
      y += row_height + base * 0.7;
    }
  else
    y += base * 0.2;

  /* the caveat at the foot */
  bottom = height - pad * 0.8;
  if (self->caveat != NULL)
    {
      caveat = new_text (&fonts, self->caveat, 0.85, FALSE, content, 4, PANGO_ALIGN_LEFT);
      bottom -= text_height (caveat);
      show_text (cr, caveat, &palette->dim, pad, bottom);
      bottom -= base * 0.7;
    }

  if (!has_data)
    {
      g_autoptr(PangoLayout) none = new_text (&fonts, _("No data"), 1.3, FALSE, content, 2,
                                              PANGO_ALIGN_CENTER);
      double middle = (y + bottom) / 2;

      if (bottom - y > text_height (none))
        show_text (cr, none, &palette->dim, pad, middle - text_height (none) / 2);
      cairo_restore (cr);
      return;
    }

  /* the axis labels */
  if (self->x_label != NULL)
    {
      x_label = new_text (&fonts, self->x_label, 1.0, FALSE, content, 1, PANGO_ALIGN_CENTER);
      bottom -= text_height (x_label) + base * 0.2;
    }
  frame.left = pad;
  if (self->y_label != NULL)
    {
      y_label = new_text (&fonts, self->y_label, 1.0, FALSE, MAX (bottom - y, base), 1,
                          PANGO_ALIGN_CENTER);
      frame.left += text_height (y_label) + base * 0.5;
    }

  /* y ticks, as many as fit comfortably */
  frame.n_categories = uses_categories (self) ? count_categories (self) : 0;
  data_y_range (self, frame.n_categories, &y_lo, &y_hi);
  {
    double estimate = bottom - y - base * 2.5;
    double y_target = CLAMP (estimate / (base * 2.6), 2, 8);

    if (self->fixed_y)
      scale_init (&frame.y, self->y_min, self->y_max, y_target, FALSE,
                  self->y_axis == VIGIL_CHART_AXIS_COUNT);
    else
      scale_init (&frame.y, y_lo, y_hi, y_target, TRUE, self->y_axis == VIGIL_CHART_AXIS_COUNT);
  }
  for (guint i = 0; i < frame.y.n_ticks; i++)
    {
      g_autofree char *text = format_tick (self->y_axis, scale_tick (&frame.y, i), frame.y.step);
      PangoLayout *label = new_text (&fonts, text, 0.9, FALSE, 0, 1, PANGO_ALIGN_RIGHT);

      y_tick_width = MAX (y_tick_width, text_width (label));
      g_ptr_array_add (y_ticks, label);
    }
  frame.left += y_tick_width + base * 0.5;
  right = width - pad - (uses_categories (self) ? 0 : base * 0.8);
  frame.width = MAX (right - frame.left, 1);
  frame.top = y + base * 0.4;   /* room for the top tick label's upper half */

  /* x ticks: category labels that wrap (or every nth when they are many), or numbers,
   * or dates */
  if (uses_categories (self))
    {
      guint every;

      frame.slot = frame.width / MAX (frame.n_categories, 1);
      every = (guint) MIN (ceil (base * 3.2 / MAX (frame.slot, 1e-6)), (double) G_MAXUINT);
      /* every nth label, when they do not all fit: one line each, further apart */
      if (every > 1)
        every = (guint) MIN (ceil (base * 5.5 / MAX (frame.slot, 1e-6)), (double) G_MAXUINT);
      every = MAX (every, (frame.n_categories + MAX_X_TICKS - 1) / MAX_X_TICKS);
      every = MAX (every, 1);
      for (guint c = 0; c < frame.n_categories && n_x_ticks < MAX_X_TICKS; c += every)
        {
          g_autofree char *text = category_label (self, c);
          double slot = frame.slot * every;

          x_ticks[n_x_ticks].layout = new_text (&fonts, text, 0.9, FALSE, slot - base * 0.3,
                                                every == 1 ? 3 : 1, PANGO_ALIGN_CENTER);
          x_ticks[n_x_ticks].x = CLAMP (frame.left + c * frame.slot + frame.slot / 2 - (slot - base * 0.3) / 2,
                                        pad * 0.5, width - pad * 0.5 - (slot - base * 0.3));
          /* kept inside the chart, a label may no longer fit beside the one before */
          if (n_x_ticks > 0 && x_ticks[n_x_ticks].x < x_ticks[n_x_ticks - 1].x + slot - base * 0.3)
            {
              g_object_unref (x_ticks[n_x_ticks].layout);
              break;
            }
          x_tick_height = MAX (x_tick_height, text_height (x_ticks[n_x_ticks].layout));
          n_x_ticks++;
        }
    }
  else for (guint attempt = 0; ; attempt++)
    {
      double lo, hi, widest = 0;
      double ticks[MAX_X_TICKS];
      guint n = 0;
      g_autofree char *date_format = NULL;

      if (attempt == 0)
        target = CLAMP (frame.width / (base * (self->x_axis == VIGIL_CHART_AXIS_DATE ? 7.5 : 5)), 2, 10);

      data_x_range (self, &lo, &hi);
      if (self->x_axis == VIGIL_CHART_AXIS_DATE)
        {
          if (!(hi > lo))
            {
              lo -= 15;
              hi += 15;
            }
          frame.x.lo = lo;
          frame.x.hi = hi;
          frame.x.step = 1;
          n = date_ticks (lo, hi, target, ticks, MAX_X_TICKS, &date_format);
        }
      if (date_format == NULL)
        {
          if (!(hi > lo))
            {
              lo -= 1;
              hi += 1;
            }
          scale_init (&frame.x, lo, hi, target, TRUE, self->x_axis == VIGIL_CHART_AXIS_COUNT);
          for (n = 0; n < frame.x.n_ticks && n < MAX_X_TICKS; n++)
            ticks[n] = scale_tick (&frame.x, n);
        }
      for (guint i = 0; i < n; i++)
        {
          g_autofree char *text = date_format != NULL ? format_date (ticks[i], date_format)
                                  : format_tick (self->x_axis, ticks[i], frame.x.step);

          x_ticks[n_x_ticks].layout = new_text (&fonts, text, 0.9, FALSE, 0, 1, PANGO_ALIGN_LEFT);
          x_ticks[n_x_ticks].x = frame.left + frame.width * (ticks[i] - frame.x.lo) / (frame.x.hi - frame.x.lo);
          widest = MAX (widest, text_width (x_ticks[n_x_ticks].layout));
          n_x_ticks++;
        }
      if (n_x_ticks > 1 && (widest + base) * n_x_ticks > frame.width && attempt < 4)
        {
          /* labels too wide to sit side by side: fewer of them */
          target = MAX (1, MIN (target - 1, frame.width / (widest + base) - 1));
          for (guint i = 0; i < n_x_ticks; i++)
            g_object_unref (x_ticks[i].layout);
          n_x_ticks = 0;
          continue;
        }
      break;
    }
  for (guint i = 0; i < n_x_ticks; i++)
    x_tick_height = MAX (x_tick_height, text_height (x_ticks[i].layout));
  frame.height = MAX (bottom - x_tick_height - base * 0.4 - frame.top, 1);

  /* gridlines and ticks */
  cairo_set_line_width (cr, grid_line);
  set_colour (cr, &palette->grid);
  for (guint i = 0; i < frame.y.n_ticks; i++)
    {
      double ty = round (map_y (&frame, scale_tick (&frame.y, i))) + 0.5;

      cairo_move_to (cr, frame.left, ty);
      cairo_line_to (cr, frame.left + frame.width, ty);
    }
  if (!uses_categories (self))
    for (guint i = 0; i < n_x_ticks; i++)
      {
        double tx = round (x_ticks[i].x) + 0.5;

        cairo_move_to (cr, tx, frame.top);
        cairo_line_to (cr, tx, frame.top + frame.height);
      }
  cairo_stroke (cr);

  for (guint i = 0; i < frame.y.n_ticks; i++)
    {
      PangoLayout *label = g_ptr_array_index (y_ticks, i);
      double ty = map_y (&frame, scale_tick (&frame.y, i));

      show_text (cr, label, &palette->dim, frame.left - base * 0.5 - text_width (label),
                 ty - text_height (label) / 2);
    }
  for (guint i = 0; i < n_x_ticks; i++)
    {
      double tx = x_ticks[i].x;

      if (!uses_categories (self))
        {
          /* centred on the tick, but kept inside the chart */
          double w = text_width (x_ticks[i].layout);

          tx = CLAMP (tx - w / 2, pad * 0.5, width - pad * 0.5 - w);
        }
      show_text (cr, x_ticks[i].layout, &palette->dim, tx, frame.top + frame.height + base * 0.35);
    }

  if (x_label != NULL)
    {
      pango_layout_set_width (x_label, (int) (frame.width * PANGO_SCALE));
      show_text (cr, x_label, &palette->text, frame.left,
                 frame.top + frame.height + base * 0.4 + x_tick_height + base * 0.2);
    }
  if (y_label != NULL)
    {
      pango_layout_set_width (y_label, (int) (frame.height * PANGO_SCALE));
      cairo_save (cr);
      cairo_translate (cr, pad, frame.top + frame.height);
      cairo_rotate (cr, -G_PI / 2);
      pango_cairo_update_layout (cr, y_label);
      show_text (cr, y_label, &palette->text, 0, 0);
      cairo_restore (cr);
    }

  /* the axes: x along the lowest value (and a zero line when values go below zero),
   * y at the left */
  set_colour (cr, &palette->axis);
  cairo_set_line_width (cr, axis_line);
  {
    double ax = round (frame.left) + 0.5;
    double ay = round (frame.top + frame.height) + 0.5;

    cairo_move_to (cr, ax, frame.top);
    cairo_line_to (cr, ax, ay);
    cairo_line_to (cr, frame.left + frame.width, ay);
    if (frame.y.lo < 0 && frame.y.hi > 0)
      {
        double zero = round (map_y (&frame, 0)) + 0.5;

        cairo_move_to (cr, frame.left, zero);
        cairo_line_to (cr, frame.left + frame.width, zero);
      }
    cairo_stroke (cr);
  }

  /* the data, inside the plot area (points on its edge still show whole) */
  cairo_save (cr);
  cairo_rectangle (cr, frame.left - base * 0.5, frame.top - base * 0.5,
                   frame.width + base, frame.height + base);
  cairo_clip (cr);
  if (is_bar_kind (self->kind))
    draw_bars (self, cr, palette, &frame, base, hits);
  else
    draw_lines (self, cr, palette, &frame, base, hits);
  draw_markers (self, cr, palette, &frame, base, hits);
  cairo_restore (cr);

  for (guint i = 0; i < n_x_ticks; i++)
    g_object_unref (x_ticks[i].layout);
  cairo_restore (cr);
}

static void
render (VigilChart      *self,
        cairo_t         *cr,
        double           width,
        double           height,
        VigilChartStyle  style,
        double           scale,
        GArray          *hits)
{
  PangoContext *context;
  cairo_font_options_t *options;

  if (!(width > 0) || !(height > 0) || !isfinite (width) || !isfinite (height))
    return;
  if (!(scale > 0) || !isfinite (scale))
    scale = 1;

  /* Text measured the same way on every surface: no hinted metrics. */
  context = pango_font_map_create_context (pango_cairo_font_map_get_default ());
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_SLIGHT);
  pango_cairo_context_set_font_options (context, options);
  cairo_font_options_destroy (options);
  pango_cairo_update_context (cr, context);

  render_with (self, cr, context, width, height, style, scale, hits);
  g_object_unref (context);
}

void
vigil_chart_draw (VigilChart      *self,
                  cairo_t         *cr,
                  double           width,
                  double           height,
                  VigilChartStyle  style,
                  double           scale)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  render (self, cr, width, height, style, scale, NULL);
}

char *
vigil_chart_query_tooltip (VigilChart *self,
                           double      width,
                           double      height,
                           double      scale,
                           double      x,
                           double      y)
{
  g_autoptr(GArray) hits = g_array_new (FALSE, FALSE, sizeof (Hit));
  cairo_surface_t *surface;
  cairo_t *cr;
  const Hit *best = NULL;
  double reach, best_distance = G_MAXDOUBLE;

  g_return_val_if_fail (self != NULL, NULL);

  if (!(scale > 0) || !isfinite (scale))
    scale = 1;
  reach = TOOLTIP_REACH * scale;

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cr = cairo_create (surface);
  render (self, cr, width, height, VIGIL_CHART_STYLE_LIGHT, scale, hits);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  /* a bar under the pointer (the last drawn is on top), else the nearest point */
  for (guint i = hits->len; i > 0 && best == NULL; i--)
    {
      const Hit *hit = &g_array_index (hits, Hit, i - 1);

      if (hit->rect && x >= hit->x && x < hit->x + hit->w && y >= hit->y && y < hit->y + hit->h)
        best = hit;
    }
  if (best == NULL)
    for (guint i = 0; i < hits->len; i++)
      {
        const Hit *hit = &g_array_index (hits, Hit, i);
        double distance;

        if (hit->rect || hit->step)
          continue;
        distance = hypot (x - hit->x, y - hit->y);
        /* a marker wins over the point it sits on */
        if (distance <= reach && (distance < best_distance ||
                                  (hit->marker && distance <= best_distance + 0.5)))
          {
            best = hit;
            best_distance = distance;
          }
      }
  /* else the level of a step under the pointer */
  if (best == NULL)
    for (guint i = 0; i < hits->len; i++)
      {
        const Hit *hit = &g_array_index (hits, Hit, i);
        double distance;

        if (!hit->step)
          continue;
        distance = hypot (x < hit->x ? hit->x - x : x > hit->x + hit->w ? x - (hit->x + hit->w) : 0,
                          y - hit->y);
        if (distance <= reach && distance < best_distance)
          {
            best = hit;
            best_distance = distance;
          }
      }
  if (best == NULL)
    return NULL;

  {
    Series *series = get_series (self, best->series);
    GArray *points = best->marker ? series->markers : series->points;

    return point_text (self, best->series, &g_array_index (points, Point, best->index));
  }
}

/* ------------------------------------------------------------------------------------
 * Export
 * ------------------------------------------------------------------------------------ */

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static gboolean
render_to_bytes (VigilChart       *self,
                 const char       *format,
                 double            width,
                 double            height,
                 VigilChartStyle   style,
                 GByteArray       *bytes)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;

  if (g_str_equal (format, "png"))
    surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) ceil (width), (int) ceil (height));
  else if (g_str_equal (format, "svg"))
    {
      surface = cairo_svg_surface_create_for_stream (append_bytes, bytes, width, height);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PX);
    }
  else
    {
      surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, width, height);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Vigil");
    }

  cr = cairo_create (surface);
  render (self, cr, width, height, style, 1.0, NULL);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (status == CAIRO_STATUS_SUCCESS && g_str_equal (format, "png"))
    status = cairo_surface_write_to_png_stream (surface, append_bytes, bytes);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  return status == CAIRO_STATUS_SUCCESS;
}

gboolean
vigil_chart_export (VigilChart       *self,
                    const char       *path,
                    double            width,
                    double            height,
                    VigilChartStyle   style,
                    GError          **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(GError) local_error = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *display = NULL;
  g_autofree char *format = NULL;
  const char *dot;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  display = g_filename_display_name (path);
  basename = g_path_get_basename (path);
  dot = strrchr (basename, '.');
  format = g_ascii_strdown (dot != NULL ? dot + 1 : "", -1);
  if (!(g_str_equal (format, "png") || g_str_equal (format, "svg") ||
        g_str_equal (format, "pdf") || g_str_equal (format, "csv")))
    {
      if (*format == '\0')
        g_set_error (error, VIGIL_CHART_ERROR, VIGIL_CHART_ERROR_FORMAT,
                     _("Cannot tell what kind of file “%s” should be: name it .png, .svg, .pdf or .csv"),
                     display);
      else
        g_set_error (error, VIGIL_CHART_ERROR, VIGIL_CHART_ERROR_FORMAT,
                     _("Cannot write a chart as “.%s” (in “%s”): use .png, .svg, .pdf or .csv"),
                     dot + 1, display);
      return FALSE;
    }

  if (g_str_equal (format, "csv"))
    {
      g_autofree char *csv = vigil_chart_to_csv (self);

      g_byte_array_append (bytes, (const guint8 *) csv, strlen (csv));
    }
  else
    {
      if (!(width >= 1 && height >= 1 && width <= 32767 && height <= 32767))
        {
          g_set_error (error, VIGIL_CHART_ERROR, VIGIL_CHART_ERROR_WRITE,
                       _("Could not write “%s”: a chart cannot be %g × %g"), display, width, height);
          return FALSE;
        }
      if (!render_to_bytes (self, format, width, height, style, bytes))
        {
          g_set_error (error, VIGIL_CHART_ERROR, VIGIL_CHART_ERROR_WRITE,
                       _("Could not write “%s”: the chart could not be drawn"), display);
          return FALSE;
        }
    }

  /* a new file replaces the old one only once complete, and only its owner reads it */
  if (!g_file_set_contents_full (path, (const char *) bytes->data, bytes->len,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, &local_error))
    {
      g_set_error (error, VIGIL_CHART_ERROR, VIGIL_CHART_ERROR_WRITE,
                   _("Could not write “%s”: %s"), display, local_error->message);
      return FALSE;
    }
  if (g_chmod (path, 0600) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, VIGIL_CHART_ERROR, VIGIL_CHART_ERROR_WRITE,
                   _("Could not make “%s” private: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}
