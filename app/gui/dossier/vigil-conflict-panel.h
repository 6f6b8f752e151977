/* vigil-conflict-panel.h: a conflicting edit shown, not overwritten
 *
 * The record editor's panel for a VigilConflictModel: who saved their version and
 * when, the fields that differ with both values, and the buttons Keep Their Version
 * (editor.keep-theirs) and Save Mine Over Theirs (editor.save-mine), actions of the
 * editor it is in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigil-conflict-model.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_CONFLICT_PANEL (vigil_conflict_panel_get_type ())
G_DECLARE_FINAL_TYPE (VigilConflictPanel, vigil_conflict_panel, VIGIL, CONFLICT_PANEL, GtkBox)

VigilConflictModel *vigil_conflict_panel_get_model (VigilConflictPanel *self);
void                vigil_conflict_panel_set_model (VigilConflictPanel *self,
                                                    VigilConflictModel *model);

G_END_DECLS
