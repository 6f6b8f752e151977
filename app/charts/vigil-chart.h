/* vigil-chart.h: Vigil's small chart toolkit (principle 8's evaluation charts).
 *
 * A VigilChart holds what a chart shows (kind, titles, axes, series of points, the
 * caveat printed under it, and the table of numbers behind it) and draws it with cairo
 * and Pango only, so vigil-cli exports the same charts on a machine with no display and
 * the GTK widget (gui/widgets/vigil-chart-view) draws it through
 * gtk_snapshot_append_cairo ().
 *
 * Kinds:
 * - GROUPED_BARS: categories along x, one bar per series in each category
 *   (before/after windows);
 * - STACKED_BARS: categories along x, the series stacked in each (interventions by
 *   category and status);
 * - HISTOGRAM: adjacent bars, one series, categories are the bins ("10–11");
 * - LINES: numeric or date x, straight lines between points (score, cohort size);
 * - STEPS: numeric x, a step function that holds each y until the next x, with
 *   optional markers (survival curves, censoring ticks).
 *
 * For the bar kinds a point's x is the category index (0 … n_categories − 1).
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

#define VIGIL_CHART_ERROR (vigil_chart_error_quark ())
/* VigilChart as a boxed type (reference counted), for GObject properties */
#define VIGIL_TYPE_CHART  (vigil_chart_get_type ())

typedef enum
{
  VIGIL_CHART_ERROR_FORMAT,   /* a file name whose extension is not png, svg, pdf or csv */
  VIGIL_CHART_ERROR_WRITE,    /* the file could not be written */
} VigilChartError;

typedef enum
{
  VIGIL_CHART_GROUPED_BARS,
  VIGIL_CHART_STACKED_BARS,
  VIGIL_CHART_HISTOGRAM,
  VIGIL_CHART_LINES,
  VIGIL_CHART_STEPS,
} VigilChartKind;

typedef enum
{
  VIGIL_CHART_STYLE_LIGHT,
  VIGIL_CHART_STYLE_DARK,
  VIGIL_CHART_STYLE_HIGH_CONTRAST,
} VigilChartStyle;

typedef enum
{
  VIGIL_CHART_AXIS_CATEGORIES,  /* bar kinds: labels from vigil_chart_set_categories () */
  VIGIL_CHART_AXIS_NUMBER,      /* plain numbers, "nice" ticks */
  VIGIL_CHART_AXIS_DATE,        /* x is a Julian day (GDate); ticks are dates ("Mar 2026") */
  VIGIL_CHART_AXIS_PERCENT,     /* y in 0 … 1, ticks as "0%" … "100%" */
  VIGIL_CHART_AXIS_COUNT,       /* whole numbers (people, incidents, ratings): no tick
                                 * falls between two of them */
} VigilChartAxis;

typedef struct _VigilChart VigilChart;

GQuark        vigil_chart_error_quark        (void);
GType         vigil_chart_get_type           (void) G_GNUC_CONST;

VigilChart   *vigil_chart_new                (VigilChartKind   kind,
                                              const char      *name,    /* "before-after": file and CSV stem */
                                              const char      *title);  /* translated, shown at the top */
VigilChart   *vigil_chart_ref                (VigilChart      *self);
void          vigil_chart_unref              (VigilChart      *self);

VigilChartKind vigil_chart_get_kind          (const VigilChart *self);
const char   *vigil_chart_get_name           (const VigilChart *self);
const char   *vigil_chart_get_title          (const VigilChart *self);

/* A line under the title ("Adopted 2025-01-01 … 2026-06-30 · 42 people"), or NULL. */
void          vigil_chart_set_subtitle       (VigilChart      *self,
                                              const char      *subtitle);
/* The plain caveat drawn at the foot of the chart and written into every export, or NULL. */
void          vigil_chart_set_caveat         (VigilChart      *self,
                                              const char      *caveat);
const char   *vigil_chart_get_caveat         (const VigilChart *self);

void          vigil_chart_set_x_axis         (VigilChart      *self,
                                              VigilChartAxis   axis,
                                              const char      *label);
void          vigil_chart_set_y_axis         (VigilChart      *self,
                                              VigilChartAxis   axis,
                                              const char      *label);
/* A fixed y range (survival: 0 … 1); by default y runs from 0 to a nice number above
 * the largest value (stacked bars: the largest stack). */
void          vigil_chart_set_y_range        (VigilChart      *self,
                                              double           min,
                                              double           max);
void          vigil_chart_set_categories     (VigilChart      *self,
                                              const char * const *labels,
                                              guint            n_labels);
guint         vigil_chart_get_n_categories   (const VigilChart *self);
const char   *vigil_chart_get_category       (const VigilChart *self,
                                              guint            index);

/* Series take colours from the style's palette in the order added. Returns the index. */
guint         vigil_chart_add_series         (VigilChart      *self,
                                              const char      *name);
guint         vigil_chart_get_n_series       (const VigilChart *self);
const char   *vigil_chart_get_series_name    (const VigilChart *self,
                                              guint            series);
/* @label: the tooltip for the point (NULL: made from series, category or x, and y). */
void          vigil_chart_add_point          (VigilChart      *self,
                                              guint            series,
                                              double           x,
                                              double           y,
                                              const char      *label);
/* A marker (a small vertical tick) on a series, e.g. a censored observation. */
void          vigil_chart_add_marker         (VigilChart      *self,
                                              guint            series,
                                              double           x,
                                              double           y,
                                              const char      *label);
guint         vigil_chart_get_n_points       (const VigilChart *self,
                                              guint            series);
void          vigil_chart_get_point          (const VigilChart *self,
                                              guint            series,
                                              guint            index,
                                              double          *x,
                                              double          *y);

/* The numbers behind the chart: a table of strings, shown beside it in the GUI and
 * written by the CSV export. The chart keeps a copy. When never set, the table is made
 * from the series (categories × series, or series, x, y). */
void          vigil_chart_set_table          (VigilChart      *self,
                                              const char * const *columns,
                                              guint            n_columns,
                                              const char * const *cells,   /* row-major */
                                              guint            n_rows);
guint         vigil_chart_get_table_n_columns (const VigilChart *self);
guint         vigil_chart_get_table_n_rows   (const VigilChart *self);
const char   *vigil_chart_get_table_column   (const VigilChart *self,
                                              guint            column);
const char   *vigil_chart_get_table_cell     (const VigilChart *self,
                                              guint            row,
                                              guint            column);
/* RFC 4180 CSV of the table, then a blank line and "# " + caveat when there is one. */
char         *vigil_chart_to_csv             (const VigilChart *self);

/* An accessible description of what the chart shows, in sentences: kind, axes, each
 * series' values ("Managed: before 3.2, after 1.1 incidents a person"). Translated. */
char         *vigil_chart_describe           (const VigilChart *self);

/* Draws the whole chart (background, title, subtitle, axes with ticks and labels,
 * legend, data, caveat) in a @width × @height box at the cairo origin. Text sizes grow
 * with the box so a chart stays legible on a 1366×768 laptop and on a projector;
 * @scale multiplies them (1.0 normally). */
void          vigil_chart_draw               (VigilChart      *self,
                                              cairo_t         *cr,
                                              double           width,
                                              double           height,
                                              VigilChartStyle  style,
                                              double           scale);
/* What is under (@x, @y) in a chart drawn at @width × @height: the tooltip of the
 * nearest point, bar or marker within reach, or NULL. (Lays the chart out again, no
 * drawing needed first.) Free with g_free(). */
char         *vigil_chart_query_tooltip      (VigilChart      *self,
                                              double           width,
                                              double           height,
                                              double           scale,
                                              double           x,
                                              double           y);

/* Writes the chart as PNG, SVG or PDF, or its table as CSV, chosen by @path's
 * extension (case-insensitive). The file is made readable by its owner only. */
gboolean      vigil_chart_export             (VigilChart      *self,
                                              const char      *path,
                                              double           width,
                                              double           height,
                                              VigilChartStyle  style,
                                              GError         **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilChart, vigil_chart_unref)

G_END_DECLS
