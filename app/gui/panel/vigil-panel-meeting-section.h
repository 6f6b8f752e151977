/* vigil-panel-meeting-section.h: the Panel page's meeting: its title, when and where, its
 * protective marking
 *
 * Bound to the page's VigilPanelModel; its buttons activate the page's actions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "vigil-panel-model.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_PANEL_MEETING_SECTION (vigil_panel_meeting_section_get_type ())
G_DECLARE_FINAL_TYPE (VigilPanelMeetingSection, vigil_panel_meeting_section, VIGIL, PANEL_MEETING_SECTION, GtkBox)

VigilPanelModel *vigil_panel_meeting_section_get_model (VigilPanelMeetingSection *self);
void             vigil_panel_meeting_section_set_model (VigilPanelMeetingSection *self,
                                                             VigilPanelModel *model);

G_END_DECLS
