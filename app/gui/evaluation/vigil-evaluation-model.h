/* vigil-evaluation-model.h: the Evaluation page's state (its view model)
 *
 * The filters (adoption dates, windows, route, area, intervention category), the run
 * in progress (busy, its fraction, a message), the latest evaluation and the chart
 * chosen from it. Changing the window, route, area or category runs the evaluation
 * again (vigil_evaluation_run_async, off the main thread), cancelling the run before;
 * the dates apply at the next run. No GTK.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-chart.h"
#include "vigil-core.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_EVALUATION_MODEL (vigil_evaluation_model_get_type ())
G_DECLARE_FINAL_TYPE (VigilEvaluationModel, vigil_evaluation_model, VIGIL, EVALUATION_MODEL, GObject)

/* How many choices of windows before and after entry there are (the "window"
 * property's range); the first is 6 and 12 months, then 3, 6, 12 and 24 months. */
#define VIGIL_EVALUATION_MODEL_N_WINDOWS 5

VigilEvaluationModel  *vigil_evaluation_model_new              (void);
VigilStore            *vigil_evaluation_model_get_store        (VigilEvaluationModel *self);
void                   vigil_evaluation_model_set_store        (VigilEvaluationModel *self,
                                                                VigilStore           *store);
guint                  vigil_evaluation_model_get_window       (VigilEvaluationModel *self);
void                   vigil_evaluation_model_set_window       (VigilEvaluationModel *self,
                                                                guint                 window);
/* "YYYY-MM-DD" as typed; blank: any */
void                   vigil_evaluation_model_set_adopted_from (VigilEvaluationModel *self,
                                                                const char           *date);
void                   vigil_evaluation_model_set_adopted_to   (VigilEvaluationModel *self,
                                                                const char           *date);
/* a vigil_route_choices code, NULL: any */
void                   vigil_evaluation_model_set_route        (VigilEvaluationModel *self,
                                                                const char           *route);
/* one of the areas, NULL: any */
void                   vigil_evaluation_model_set_area         (VigilEvaluationModel *self,
                                                                const char           *area);
/* a vigil_tactical_category_choices code, NULL: any */
void                   vigil_evaluation_model_set_category     (VigilEvaluationModel *self,
                                                                const char           *category);
/* The cohort's areas (for the area filter), NULL-terminated; empty until listed. */
const char * const    *vigil_evaluation_model_get_areas        (VigilEvaluationModel *self);
/* Runs the evaluation again (a no-op without a store). */
void                   vigil_evaluation_model_refresh          (VigilEvaluationModel *self);
void                   vigil_evaluation_model_cancel           (VigilEvaluationModel *self);
gboolean               vigil_evaluation_model_get_busy         (VigilEvaluationModel *self);
double                 vigil_evaluation_model_get_fraction     (VigilEvaluationModel *self);
const char            *vigil_evaluation_model_get_message      (VigilEvaluationModel *self);
gboolean               vigil_evaluation_model_get_message_is_error (VigilEvaluationModel *self);
/* Shows @message (a result of the page's own, such as an export's). */
void                   vigil_evaluation_model_report           (VigilEvaluationModel *self,
                                                                const char           *message,
                                                                gboolean              is_error);
/* The latest evaluation, NULL before the first has finished (or after an error). */
const VigilEvaluation *vigil_evaluation_model_get_evaluation   (VigilEvaluationModel *self);
const char            *vigil_evaluation_model_get_chart_name   (VigilEvaluationModel *self);
/* @name: one of vigil_evaluation_chart_names */
void                   vigil_evaluation_model_set_chart_name   (VigilEvaluationModel *self,
                                                                const char           *name);
/* The chart @chart_name of the latest evaluation, NULL before one. */
VigilChart            *vigil_evaluation_model_get_chart        (VigilEvaluationModel *self);
/* PNG, SVG or PDF by @path's extension, CSV for the numbers. */
gboolean               vigil_evaluation_model_export_chart     (VigilEvaluationModel *self,
                                                                const char           *path,
                                                                GError              **error);

G_END_DECLS
