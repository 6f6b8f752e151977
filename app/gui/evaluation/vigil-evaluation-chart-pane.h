/* vigil-evaluation-chart-pane.h: the Evaluation page's chart and the numbers behind
 * it, bound to its view model
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigil-evaluation-model.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_EVALUATION_CHART_PANE (vigil_evaluation_chart_pane_get_type ())
G_DECLARE_FINAL_TYPE (VigilEvaluationChartPane, vigil_evaluation_chart_pane, VIGIL, EVALUATION_CHART_PANE, GtkBox)

VigilEvaluationModel *vigil_evaluation_chart_pane_get_model (VigilEvaluationChartPane *self);
void                  vigil_evaluation_chart_pane_set_model (VigilEvaluationChartPane *self,
                                                             VigilEvaluationModel     *model);

G_END_DECLS
