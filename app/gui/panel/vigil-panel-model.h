/* vigil-panel-model.h: what the Panel page shows (its view model)
 *
 * The meetings the chooser offers (VigilMeetingItem) and which of them to show; the
 * meeting shown, read by vigil_panel_load_meeting_async(): its heading lines, the
 * agencies the guidance names that are absent, and its attendance, agenda and actions
 * as VigilPanelEntry rows. The page's sections bind to it; its actions find the
 * records of the meeting shown here. No GTK.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-core.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_PANEL_MODEL (vigil_panel_model_get_type ())
G_DECLARE_FINAL_TYPE (VigilPanelModel, vigil_panel_model, VIGIL, PANEL_MODEL, GObject)

VigilPanelModel *vigil_panel_model_new               (void);
/* VigilMeetingItem, as the chooser lists them. */
GListModel      *vigil_panel_model_get_meetings      (VigilPanelModel          *self);
/* Replaces the meetings (VigilPanelMeeting, or NULL: none) and returns the position to
 * select: @wanted's, else the next scheduled on or after @today (YYYY-MM-DD), else the
 * newest; G_MAXUINT when there is none. */
guint            vigil_panel_model_set_meetings      (VigilPanelModel          *self,
                                                      GPtrArray                *meetings,
                                                      gint64                    wanted,
                                                      const char               *today);
/* Takes @details (NULL: no meeting shown); @today decides which actions are overdue. */
void             vigil_panel_model_set_details       (VigilPanelModel          *self,
                                                      VigilPanelMeetingDetails *details,
                                                      const char               *today);
/* The meeting shown and its records (NULL: none). */
const VigilPanelMeetingDetails *vigil_panel_model_get_details (VigilPanelModel *self);
gint64           vigil_panel_model_get_meeting_id    (VigilPanelModel          *self);
const char      *vigil_panel_model_get_title         (VigilPanelModel          *self);
/* Date, time and status */
const char      *vigil_panel_model_get_when          (VigilPanelModel          *self);
/* Place, area and chair */
const char      *vigil_panel_model_get_where         (VigilPanelModel          *self);
/* The protective marking ("" when none) */
const char      *vigil_panel_model_get_marking       (VigilPanelModel          *self);
/* "Not represented, though the guidance names them: …", "" when all are there. */
const char      *vigil_panel_model_get_missing       (VigilPanelModel          *self);
gboolean         vigil_panel_model_get_can_build     (VigilPanelModel          *self);
gboolean         vigil_panel_model_get_can_present   (VigilPanelModel          *self);
/* VigilPanelEntry rows, their ids the records' */
GListModel      *vigil_panel_model_get_attendance    (VigilPanelModel          *self);
GListModel      *vigil_panel_model_get_agenda        (VigilPanelModel          *self);
GListModel      *vigil_panel_model_get_actions       (VigilPanelModel          *self);
/* The records of the meeting shown, by id (NULL: not there). */
const VigilAttendance *vigil_panel_model_find_attendee (VigilPanelModel *self,
                                                        gint64           id);
const VigilAgendaItem *vigil_panel_model_find_item     (VigilPanelModel *self,
                                                        gint64           id);
const VigilAction     *vigil_panel_model_find_action   (VigilPanelModel *self,
                                                        gint64           id);
/* The name of a person of the agenda or the actions ("" when unknown). */
const char      *vigil_panel_model_get_person_name   (VigilPanelModel          *self,
                                                      gint64                    person_id);

G_END_DECLS
