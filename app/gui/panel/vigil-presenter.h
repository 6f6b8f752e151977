/* vigil-presenter.h: projection mode, the panel's view of one case at a time
 *
 * A full-screen window in large, high-contrast type that follows the meeting's
 * agenda: Right, Page Down or Space for the next case, Left or Page Up for the one
 * before, Home and End, B or . to blank the screen at once (again to show it), Escape
 * to leave. With two monitors it goes to the one the control window is not on. What
 * the room should not see stays hidden: victims appear by role (their names only after
 * a confirmation, audited), and agency information not marked for the panel is left
 * out.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigil-core.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_PRESENTER (vigil_presenter_get_type ())

G_DECLARE_FINAL_TYPE (VigilPresenter, vigil_presenter, VIGIL, PRESENTER, AdwWindow)

/* Reads each case's dossier of the meeting off the main thread; until they arrive the
 * window says it is reading them, and an error is shown in it. */
VigilPresenter *vigil_presenter_new             (VigilStore     *store,
                                                 gint64          meeting_id);
/* Shows the presenter full screen, on another monitor than @control's when there is one. */
void            vigil_presenter_present_beside  (VigilPresenter *self,
                                                 GtkWindow      *control);
guint           vigil_presenter_get_n_cases     (VigilPresenter *self);
/* The case shown, from 0. */
guint           vigil_presenter_get_position    (VigilPresenter *self);
gboolean        vigil_presenter_get_blanked     (VigilPresenter *self);
gboolean        vigil_presenter_get_show_names  (VigilPresenter *self);
/* Whether the cases are still being read. */
gboolean        vigil_presenter_get_loading     (VigilPresenter *self);
/* Shows victims' names after the confirmation was given: once their audit row is
 * written (off the main thread), if the same case is still on screen; an error is
 * shown in the window. FALSE hides them at once. */
void            vigil_presenter_set_show_names  (VigilPresenter *self,
                                                 gboolean        show);
/* Everything the case on screen says, for tests and screen readers. */
char           *vigil_presenter_dup_text        (VigilPresenter *self);

G_END_DECLS
