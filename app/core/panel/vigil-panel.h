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

#include "vigil-dossier.h"
#include "vigil-entities.h"
#include "vigil-store.h"
#include "vigil-tactical-menu.h"

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

/* ------------------------------------------------------------------------------------
 * Off the main thread: each _async call runs on a worker's own connection from the
 * store's pool (vigil_store_call_async); its callback runs on the caller's main
 * context; a cancelled call finishes with G_IO_ERROR_CANCELLED and its result is freed.
 * ------------------------------------------------------------------------------------ */

/* Every meeting, as vigil_store_list() gives them; GPtrArray of VigilPanelMeeting. */
void        vigil_panel_list_meetings_async  (VigilStore           *store,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
GPtrArray  *vigil_panel_list_meetings_finish (VigilStore           *store,
                                              GAsyncResult         *result,
                                              GError              **error);

/* What the Panel page shows of a meeting, read in one state of the store. */
typedef struct
{
  VigilPanelMeeting *meeting;
  GPtrArray         *items;       /* VigilAgendaItem, in order */
  GPtrArray         *actions;     /* VigilAction: the meeting's, then the carried ones */
  GPtrArray         *attendance;  /* VigilAttendance */
  GHashTable        *names;       /* gint64 person id → "Surname, Forenames (ref)", for the
                                   * people of the items and of the actions */
} VigilPanelMeetingDetails;

void        vigil_panel_meeting_details_free     (VigilPanelMeetingDetails       *self);
/* The name of a person of the items or the actions ("#id" when the record is not
 * there); NULL for anyone else. */
const char *vigil_panel_meeting_details_get_name (const VigilPanelMeetingDetails *self,
                                                  gint64                          person_id);
/* Reads the meeting, its agenda, its actions (with the carried ones) and its attendance
 * in one read (vigil_store_run_read). */
VigilPanelMeetingDetails *
            vigil_panel_load_meeting             (VigilStore                     *store,
                                                  gint64                          meeting_id,
                                                  GError                        **error);
void        vigil_panel_load_meeting_async       (VigilStore                     *store,
                                                  gint64                          meeting_id,
                                                  GCancellable                   *cancellable,
                                                  GAsyncReadyCallback             callback,
                                                  gpointer                        user_data);
VigilPanelMeetingDetails *
            vigil_panel_load_meeting_finish      (VigilStore                     *store,
                                                  GAsyncResult                   *result,
                                                  GError                        **error);

/* vigil_panel_build_agenda() on a worker: the number added, -1 with @error set. */
void        vigil_panel_build_agenda_async   (VigilStore           *store,
                                              gint64                meeting_id,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
int         vigil_panel_build_agenda_finish  (VigilStore           *store,
                                              GAsyncResult         *result,
                                              GError              **error);

/* vigil_panel_move_item() on a worker. */
void        vigil_panel_move_item_async      (VigilStore           *store,
                                              gint64                item_id,
                                              int                   delta,
                                              GCancellable         *cancellable,
                                              GAsyncReadyCallback   callback,
                                              gpointer              user_data);
gboolean    vigil_panel_move_item_finish     (VigilStore           *store,
                                              GAsyncResult         *result,
                                              GError              **error);

/* What projection mode shows: the agenda, one dossier per item, the actions, and the
 * tactical menu (NULL when it cannot be read: the cases are still shown). */
typedef struct
{
  GPtrArray         *items;       /* VigilAgendaItem, in order */
  GPtrArray         *dossiers;    /* VigilDossier, one per item */
  GPtrArray         *actions;     /* VigilAction of the meeting and carried */
  VigilTacticalMenu *menu;
} VigilPanelPresentation;

void        vigil_panel_presentation_free         (VigilPanelPresentation *self);
/* Reads the agenda and the actions in one read, then each case's dossier; no "view"
 * row is written (the room sees only what the presenter shows). */
void        vigil_panel_load_presentation_async   (VigilStore             *store,
                                                   gint64                  meeting_id,
                                                   GCancellable           *cancellable,
                                                   GAsyncReadyCallback     callback,
                                                   gpointer                user_data);
VigilPanelPresentation *
            vigil_panel_load_presentation_finish  (VigilStore             *store,
                                                   GAsyncResult           *result,
                                                   GError                **error);

/* Appends the audit row of showing a case's victims' names on the projector. */
void        vigil_panel_record_reveal_async   (VigilStore           *store,
                                               gint64                person_id,
                                               GCancellable         *cancellable,
                                               GAsyncReadyCallback   callback,
                                               gpointer              user_data);
gboolean    vigil_panel_record_reveal_finish  (VigilStore           *store,
                                               GAsyncResult         *result,
                                               GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilPanelMeetingDetails, vigil_panel_meeting_details_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilPanelPresentation, vigil_panel_presentation_free)

G_END_DECLS
