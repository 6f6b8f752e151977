/* vigil-presenter-case.h: what the panel room may see of one case (the presenter's
 * view model)
 *
 * Built from the case's agenda item, its dossier, the meeting's actions and the
 * tactical menu: which case of how many, the person, the cohort status, the score, the
 * plan, the latest decisions, other processes, only the agency information marked for
 * the panel, the victims and their safeguarding, the open actions. Victims appear by
 * their role unless someone chose to show their names (set-show-names, after its audit
 * row is written). The lines are VigilPanelEntry items: the text as their title, their
 * weight as their style. Nothing is borrowed from the records it was built from. No
 * GTK.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-core.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_PRESENTER_CASE (vigil_presenter_case_get_type ())
G_DECLARE_FINAL_TYPE (VigilPresenterCase, vigil_presenter_case, VIGIL, PRESENTER_CASE, GObject)

/* @item and @dossier NULL: nothing on the agenda. @actions: VigilAction of the meeting
 * and carried (NULL: none); @menu may be NULL; @today (YYYY-MM-DD) decides which
 * actions are overdue. @position counts from 0. */
VigilPresenterCase *vigil_presenter_case_new            (const VigilAgendaItem *item,
                                                         const VigilDossier    *dossier,
                                                         GPtrArray             *actions,
                                                         VigilTacticalMenu     *menu,
                                                         guint                  position,
                                                         guint                  n_cases,
                                                         const char            *today);
guint               vigil_presenter_case_get_position   (VigilPresenterCase    *self);
guint               vigil_presenter_case_get_n_cases    (VigilPresenterCase    *self);
/* The person the case is about (0: nothing on the agenda). */
gint64              vigil_presenter_case_get_person_id  (VigilPresenterCase    *self);
gboolean            vigil_presenter_case_get_has_victims (VigilPresenterCase   *self);
gboolean            vigil_presenter_case_get_show_names (VigilPresenterCase    *self);
/* Whether the victims' names are on the lines (no effect without victims). */
void                vigil_presenter_case_set_show_names (VigilPresenterCase    *self,
                                                         gboolean               show_names);
/* VigilPanelEntry, one per line, in order. */
GListModel         *vigil_presenter_case_get_lines      (VigilPresenterCase    *self);
/* Every line, each ending with a newline. */
char               *vigil_presenter_case_dup_text       (VigilPresenterCase    *self);

G_END_DECLS
