/* vigil-panel-row.h: a row of the Panel page's lists (an attendee, a case, an action)
 *
 * Its lines come from a VigilPanelEntry; its buttons activate the page's actions with
 * the entry's record id as their parameter: panel.edit-attendee for an attendee;
 * panel.move-item-up, panel.move-item-down, panel.minutes and panel.add-action for a
 * case; panel.edit-action for an action. The row reads as a whole to a screen reader.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "vigil-panel-entry.h"

G_BEGIN_DECLS

typedef enum
{
  VIGIL_PANEL_ROW_ATTENDEE,
  VIGIL_PANEL_ROW_CASE,
  VIGIL_PANEL_ROW_ACTION,
} VigilPanelRowKind;

#define VIGIL_TYPE_PANEL_ROW (vigil_panel_row_get_type ())
G_DECLARE_FINAL_TYPE (VigilPanelRow, vigil_panel_row, VIGIL, PANEL_ROW, GtkListBoxRow)

GtkWidget       *vigil_panel_row_new       (VigilPanelRowKind  kind,
                                            VigilPanelEntry   *entry);
VigilPanelEntry *vigil_panel_row_get_entry (VigilPanelRow     *self);

G_END_DECLS
