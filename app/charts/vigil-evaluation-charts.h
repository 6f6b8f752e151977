/* vigil-evaluation-charts.h: the evaluation's charts (principle 8), made from a
 * VigilEvaluation, for the Evaluation view and `vigil-cli evaluate --chart`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-chart.h"
#include "vigil-evaluation.h"

G_BEGIN_DECLS

/* "before-after", "survival", "scores", "cohort-size", "interventions",
 * "score-histogram", "outcomes"; NULL-terminated */
extern const char * const vigil_evaluation_chart_names[];

gboolean    vigil_evaluation_chart_is_known (const char            *name);
/* The chart @name of @evaluation, with its numbers as the chart's table and the
 * evaluation's caveat; NULL when @name is not a chart. */
VigilChart *vigil_evaluation_chart_new      (const VigilEvaluation *evaluation,
                                             const char            *name);

G_END_DECLS
