/* vigil-panel-agenda-section.h: the Panel page's agenda: the cases in the chair's order, with
 * their minutes and decisions
 *
 * Bound to the page's VigilPanelModel; its buttons activate the page's actions.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "vigil-panel-model.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_PANEL_AGENDA_SECTION (vigil_panel_agenda_section_get_type ())
G_DECLARE_FINAL_TYPE (VigilPanelAgendaSection, vigil_panel_agenda_section, VIGIL, PANEL_AGENDA_SECTION, GtkBox)

VigilPanelModel *vigil_panel_agenda_section_get_model (VigilPanelAgendaSection *self);
void             vigil_panel_agenda_section_set_model (VigilPanelAgendaSection *self,
                                                         VigilPanelModel *model);

G_END_DECLS
