/* vigil-evaluation-view.h: the Evaluation page, outcomes of the managed cohort
 * (principle 8)
 *
 * Filters (adoption date range, window, route, area, intervention category), the
 * evaluation run off the main thread with a progress bar and Cancel, the charts one at a
 * time with the numbers behind each in a table beside it, and Export Chart… (PNG, SVG
 * or PDF, or the numbers as CSV, by the file's extension).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigil-chart.h"
#include "vigil-core.h"
#include "vigil-evaluation-model.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_EVALUATION_VIEW (vigil_evaluation_view_get_type ())

G_DECLARE_FINAL_TYPE (VigilEvaluationView, vigil_evaluation_view, VIGIL, EVALUATION_VIEW, GtkWidget)

void             vigil_evaluation_view_set_store      (VigilEvaluationView *self,
                                                       VigilStore          *store);
/* Runs the evaluation again with the filters shown (off the main thread). */
void             vigil_evaluation_view_refresh        (VigilEvaluationView *self);
/* TRUE while an evaluation runs. */
gboolean         vigil_evaluation_view_is_busy        (VigilEvaluationView *self);
/* The latest evaluation, NULL before the first has finished (or after an error). */
const VigilEvaluation *vigil_evaluation_view_get_evaluation (VigilEvaluationView *self);
/* Shows the chart @name ("before-after", …); FALSE when there is no such chart. */
gboolean         vigil_evaluation_view_show_chart     (VigilEvaluationView *self,
                                                       const char          *name);
/* The chart shown, NULL before an evaluation. */
VigilChart      *vigil_evaluation_view_get_chart      (VigilEvaluationView *self);
/* Writes the chart shown to @path (what Export Chart… does after its file chooser):
 * PNG, SVG or PDF by the extension, CSV for its numbers. */
gboolean         vigil_evaluation_view_export_chart   (VigilEvaluationView *self,
                                                       const char          *path,
                                                       GError             **error);
/* The page's state: filters, the run in progress and its result. */
VigilEvaluationModel *vigil_evaluation_view_get_model (VigilEvaluationView *self);

G_END_DECLS
