/* vigil-panel-actions-section.h: the Panel page's actions: the meeting's, then those carried
 * from earlier meetings, the overdue ones marked
 *
 * Bound to the page's VigilPanelModel; its buttons activate the page's actions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "vigil-panel-model.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_PANEL_ACTIONS_SECTION (vigil_panel_actions_section_get_type ())
G_DECLARE_FINAL_TYPE (VigilPanelActionsSection, vigil_panel_actions_section, VIGIL, PANEL_ACTIONS_SECTION, GtkBox)

VigilPanelModel *vigil_panel_actions_section_get_model (VigilPanelActionsSection *self);
void             vigil_panel_actions_section_set_model (VigilPanelActionsSection *self,
                                                          VigilPanelModel *model);

G_END_DECLS
