/* vigil-panel-attendance-section.h: the Panel page's attendance: who came from which agency, and
 * the agencies the guidance names that are absent
 *
 * Bound to the page's VigilPanelModel; its buttons activate the page's actions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "vigil-panel-model.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_PANEL_ATTENDANCE_SECTION (vigil_panel_attendance_section_get_type ())
G_DECLARE_FINAL_TYPE (VigilPanelAttendanceSection, vigil_panel_attendance_section, VIGIL, PANEL_ATTENDANCE_SECTION, GtkBox)

VigilPanelModel *vigil_panel_attendance_section_get_model (VigilPanelAttendanceSection *self);
void             vigil_panel_attendance_section_set_model (VigilPanelAttendanceSection *self,
                                                             VigilPanelModel *model);

G_END_DECLS
