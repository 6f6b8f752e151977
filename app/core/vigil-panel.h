/* vigil-panel.h: multi-agency panel meetings (principle 6)
 *
 * A meeting's agenda is built from the cohort: people awaiting adoption (under
 * review), reviews due by the meeting's date, people managed or of concern whose
 * score rose in the latest run, and people scaling back towards exit; the chair can
 * change the order. Attendance is checked against the agencies the guidance names
 * (police, probation, housing, social care, health, an IDVA or ISAC). Actions carry
 * to the next meetings until done.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-entities.h"
#include "vigil-store.h"

G_BEGIN_DECLS

/* Adds to the meeting's agenda, after what it holds, the people the cohort puts there
 * and who are not on it yet, in the order: new adoptions, reviews due, risers, exits
 * (each by name). Returns how many were added, -1 with @error set. One transaction. */
int        vigil_panel_build_agenda         (VigilStore  *store,
                                             gint64       meeting_id,
                                             GError     **error);

/* The meeting's agenda items in their order. */
GPtrArray *vigil_panel_list_agenda          (VigilStore  *store,
                                             gint64       meeting_id,
                                             GError     **error);

/* Moves an agenda item @delta places (-1 up, +1 down) within its meeting. Moving past
 * either end is refused. */
gboolean   vigil_panel_move_item            (VigilStore  *store,
                                             gint64       item_id,
                                             int          delta,
                                             GError     **error);

/* The agency groups the guidance names that no one present at the meeting represents
 * (translated labels: "Police", "Probation", "Housing", "Social care", "Health",
 * "IDVA or ISAC"), NULL-terminated; empty when all are there. @attendance holds
 * VigilAttendance. */
char     **vigil_panel_dup_missing_agencies (GPtrArray   *attendance);

/* The meeting's own actions, then the open actions of earlier meetings (carried until
 * done), by due date. */
GPtrArray *vigil_panel_list_actions         (VigilStore  *store,
                                             gint64       meeting_id,
                                             GError     **error);

/* Whether an open action's due date is before @today ("YYYY-MM-DD"). */
gboolean   vigil_panel_action_is_overdue    (const VigilAction *action,
                                             const char        *today);

G_END_DECLS
