/* vigil-panel-view.h: the Panel page, a multi-agency meeting and its work (principle 6)
 *
 * Choose or schedule a meeting; its details; attendance, with the agencies the
 * guidance names that are absent; the agenda built from the cohort, in the chair's
 * order, with minutes and decisions per case; the actions, with those carried from
 * earlier meetings and the overdue ones marked; Export Panel Pack.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigil-core.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_PANEL_VIEW (vigil_panel_view_get_type ())

G_DECLARE_FINAL_TYPE (VigilPanelView, vigil_panel_view, VIGIL, PANEL_VIEW, GtkWidget)

void        vigil_panel_view_set_store        (VigilPanelView *self,
                                               VigilStore     *store);
/* Reads the meetings again and shows @meeting_id (0: the next scheduled one, else the
 * newest) once it is read, off the main thread. */
void        vigil_panel_view_show_meeting     (VigilPanelView *self,
                                               gint64          meeting_id);
/* The meeting shown (0: none); while another is read, still the one on screen. */
gint64      vigil_panel_view_get_meeting_id   (VigilPanelView *self);
/* Whether anything is on its way: the meetings or a meeting being read, or a build, a
 * move or a panel pack. */
gboolean    vigil_panel_view_get_loading      (VigilPanelView *self);
/* The named part: "meeting", "attendance", "agenda", "actions"; NULL before a meeting
 * is shown. */
GtkWidget  *vigil_panel_view_get_section      (VigilPanelView *self,
                                               const char     *name);
/* The window the view opened last (a record editor, or the presenter), while open. */
GtkWidget  *vigil_panel_view_get_editor       (VigilPanelView *self);
/* Starts writing the shown meeting's panel pack to @path off the main thread (what
 * Export Panel Pack… does after its file chooser); the outcome is shown in the page.
 * FALSE with @error set when no meeting is shown. */
gboolean    vigil_panel_view_export_pack      (VigilPanelView *self,
                                               const char     *path,
                                               gboolean        show_victims,
                                               GError        **error);

/* Prepares the pack off the main thread, then prints it through GTK's print dialog, or
 * exports it to @export_path (the EXPORT action) — each person recorded as "print" in
 * the audit log. FALSE with @error set when no meeting is shown; later errors are
 * shown in the page. */
gboolean    vigil_panel_view_print_pack       (VigilPanelView          *self,
                                               GtkPrintOperationAction  action,
                                               const char              *export_path,
                                               GError                 **error);

G_END_DECLS
