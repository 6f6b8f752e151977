/* vigil-panel-entry.h: one row of the Panel page (an attendee, a case on the agenda, an
 * action) or one line of the presenter, as its list model holds it
 *
 * What the row says, line by line (empty lines are left out), the record it stands for
 * and what may be done with it. No GTK.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define VIGIL_TYPE_PANEL_ENTRY (vigil_panel_entry_get_type ())
G_DECLARE_FINAL_TYPE (VigilPanelEntry, vigil_panel_entry, VIGIL, PANEL_ENTRY, GObject)

/* Set the rest with g_object_new()'s construct-only properties. */
VigilPanelEntry *vigil_panel_entry_new                   (gint64           id,
                                                          const char      *title);
gint64           vigil_panel_entry_get_id                (VigilPanelEntry *self);
const char      *vigil_panel_entry_get_title             (VigilPanelEntry *self);
const char      *vigil_panel_entry_get_subtitle          (VigilPanelEntry *self);
const char      *vigil_panel_entry_get_detail            (VigilPanelEntry *self);
const char      *vigil_panel_entry_get_note              (VigilPanelEntry *self);
/* The person the row is about, for the labels of its buttons ("" when none). */
const char      *vigil_panel_entry_get_name              (VigilPanelEntry *self);
/* The line's weight in the presenter: NULL (plain), "caption", "title", "heading",
 * "warning". */
const char      *vigil_panel_entry_get_style             (VigilPanelEntry *self);
/* The subtitle is a warning (an overdue action). */
gboolean         vigil_panel_entry_get_warning           (VigilPanelEntry *self);
gboolean         vigil_panel_entry_get_can_move_up       (VigilPanelEntry *self);
gboolean         vigil_panel_entry_get_can_move_down     (VigilPanelEntry *self);
/* Every line that is set, joined by ". ", as a screen reader reads the row. */
char            *vigil_panel_entry_dup_accessible_label  (VigilPanelEntry *self);

G_END_DECLS
