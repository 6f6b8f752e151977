/* vigil-chart-view.c: a widget that draws a VigilChart
 *
 * The chart draws itself with cairo (gtk_snapshot_append_cairo), in the style the
 * system asks for: AdwStyleManager's high contrast, else dark, else light; a change of
 * either redraws it. Tooltips come from vigil_chart_query_tooltip (); assistive
 * technologies read it as an image labelled with the chart's title and described in
 * sentences by vigil_chart_describe (). It takes keyboard focus so that keyboard and
 * screen reader users reach it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-chart-view"

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "vigil-chart-view.h"

#define MIN_WIDTH       320
#define MIN_HEIGHT      220
#define NATURAL_WIDTH   640
#define NATURAL_HEIGHT  400

struct _VigilChartView
{
  GtkWidget   parent_instance;

  /* owned */
  VigilChart *chart;
};

enum {
  PROP_0,
  PROP_CHART,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (VigilChartView, vigil_chart_view, GTK_TYPE_WIDGET)

static VigilChartStyle
current_style (void)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  if (adw_style_manager_get_high_contrast (manager))
    return VIGIL_CHART_STYLE_HIGH_CONTRAST;
  if (adw_style_manager_get_dark (manager))
    return VIGIL_CHART_STYLE_DARK;
  return VIGIL_CHART_STYLE_LIGHT;
}

static void
style_changed_cb (VigilChartView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
update_accessible (VigilChartView *self)
{
  g_autofree char *description = NULL;
  const char *title;

  if (self->chart == NULL)
    {
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
      return;
    }

  title = vigil_chart_get_title (self->chart);
  description = vigil_chart_describe (self->chart);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title != NULL && *title != '\0' ? title : _("Chart"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
}

static void
vigil_chart_view_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  VigilChartView *self = VIGIL_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  cairo_t *cr;

  if (self->chart == NULL || width <= 0 || height <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  vigil_chart_draw (self->chart, cr, width, height, current_style (), 1.0);

  /* the focus ring, as Adwaita draws one: the accent colour, half transparent */
  if (gtk_widget_has_visible_focus (widget))
    {
      cairo_set_source_rgba (cr, 53 / 255.0, 132 / 255.0, 228 / 255.0, 0.5);
      cairo_set_line_width (cr, 2);
      cairo_rectangle (cr, 1, 1, width - 2, height - 2);
      cairo_stroke (cr);
    }
  cairo_destroy (cr);
}

static void
vigil_chart_view_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = MIN_WIDTH;
      *natural = NATURAL_WIDTH;
    }
  else
    {
      *minimum = MIN_HEIGHT;
      *natural = NATURAL_HEIGHT;
    }
}

static gboolean
vigil_chart_view_query_tooltip (GtkWidget  *widget,
                                int         x,
                                int         y,
                                gboolean    keyboard_mode,
                                GtkTooltip *tooltip)
{
  VigilChartView *self = VIGIL_CHART_VIEW (widget);
  g_autofree char *text = NULL;

  if (self->chart == NULL || keyboard_mode)
    return FALSE;

  text = vigil_chart_query_tooltip (self->chart, gtk_widget_get_width (widget),
                                    gtk_widget_get_height (widget), 1.0, x, y);
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
vigil_chart_view_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  VigilChartView *self = VIGIL_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      g_value_set_boxed (value, self->chart);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_chart_view_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  VigilChartView *self = VIGIL_CHART_VIEW (object);

  switch (prop_id)
    {
    case PROP_CHART:
      vigil_chart_view_set_chart (self, g_value_get_boxed (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_chart_view_finalize (GObject *object)
{
  VigilChartView *self = VIGIL_CHART_VIEW (object);

  g_clear_pointer (&self->chart, vigil_chart_unref);

  G_OBJECT_CLASS (vigil_chart_view_parent_class)->finalize (object);
}

static void
vigil_chart_view_class_init (VigilChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = vigil_chart_view_finalize;
  object_class->get_property = vigil_chart_view_get_property;
  object_class->set_property = vigil_chart_view_set_property;

  widget_class->snapshot = vigil_chart_view_snapshot;
  widget_class->measure = vigil_chart_view_measure;
  widget_class->query_tooltip = vigil_chart_view_query_tooltip;

  properties[PROP_CHART] =
    g_param_spec_boxed ("chart", NULL, NULL,
                        VIGIL_TYPE_CHART,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_css_name (widget_class, "vigil-chart-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
vigil_chart_view_init (VigilChartView *self)
{
  AdwStyleManager *manager = adw_style_manager_get_default ();

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);

  g_signal_connect_object (manager, "notify::dark", G_CALLBACK (style_changed_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (manager, "notify::high-contrast", G_CALLBACK (style_changed_cb), self,
                           G_CONNECT_SWAPPED);
}

GtkWidget *
vigil_chart_view_new (void)
{
  return g_object_new (VIGIL_TYPE_CHART_VIEW, NULL);
}

void
vigil_chart_view_set_chart (VigilChartView *self,
                            VigilChart     *chart)
{
  g_return_if_fail (VIGIL_IS_CHART_VIEW (self));

  if (self->chart == chart)
    return;

  if (chart != NULL)
    vigil_chart_ref (chart);
  g_clear_pointer (&self->chart, vigil_chart_unref);
  self->chart = chart;

  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART]);
}

VigilChart *
vigil_chart_view_get_chart (VigilChartView *self)
{
  g_return_val_if_fail (VIGIL_IS_CHART_VIEW (self), NULL);

  return self->chart;
}
