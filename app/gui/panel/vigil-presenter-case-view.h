/* vigil-presenter-case-view.h: the presenter's case on the screen
 *
 * The lines of a VigilPresenterCase in large type, one label each, following the case
 * as its lines change (the victims' names shown or hidden).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "vigil-presenter-case.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_PRESENTER_CASE_VIEW (vigil_presenter_case_view_get_type ())
G_DECLARE_FINAL_TYPE (VigilPresenterCaseView, vigil_presenter_case_view, VIGIL, PRESENTER_CASE_VIEW, GtkBox)

VigilPresenterCase *vigil_presenter_case_view_get_case (VigilPresenterCaseView *self);
/* @presenter_case NULL: nothing shown. */
void                vigil_presenter_case_view_set_case (VigilPresenterCaseView *self,
                                                        VigilPresenterCase     *presenter_case);

G_END_DECLS
