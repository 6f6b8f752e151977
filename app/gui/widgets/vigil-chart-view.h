/* vigil-chart-view.h: a widget that draws a VigilChart (light, dark or high contrast
 * as the system's style says), with tooltips for its bars and points and the chart's
 * description for screen readers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "vigil-chart.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_CHART_VIEW (vigil_chart_view_get_type ())
G_DECLARE_FINAL_TYPE (VigilChartView, vigil_chart_view, VIGIL, CHART_VIEW, GtkWidget)

GtkWidget  *vigil_chart_view_new       (void);
/* Shows @chart (a reference is kept), or nothing when NULL. */
void        vigil_chart_view_set_chart (VigilChartView *self,
                                        VigilChart     *chart);
VigilChart *vigil_chart_view_get_chart (VigilChartView *self);

G_END_DECLS
