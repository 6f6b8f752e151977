/* vigil-evaluation-filters.h: the Evaluation page's filters, bound to its view model
 *
 * The adoption dates (applied with Enter or Evaluate), the windows, route, area and
 * intervention category (each change evaluates again), Evaluate
 * (evaluation.refresh) and Export Chart… (evaluation.export), actions of the page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigil-evaluation-model.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_EVALUATION_FILTERS (vigil_evaluation_filters_get_type ())
G_DECLARE_FINAL_TYPE (VigilEvaluationFilters, vigil_evaluation_filters, VIGIL, EVALUATION_FILTERS, GtkBox)

VigilEvaluationModel *vigil_evaluation_filters_get_model (VigilEvaluationFilters *self);
void                  vigil_evaluation_filters_set_model (VigilEvaluationFilters *self,
                                                          VigilEvaluationModel   *model);

G_END_DECLS
