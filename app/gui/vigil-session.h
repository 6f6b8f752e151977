/* vigil-session.h: what one window works on (the open store), owned by the application
 *
 * As gnome-calendar's context: the window, its views and the preferences window share
 * a session; whoever opens a store sets it here and everyone listening to
 * notify::store follows. No GTK.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "vigil-core.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_SESSION (vigil_session_get_type ())
G_DECLARE_FINAL_TYPE (VigilSession, vigil_session, VIGIL, SESSION, GObject)

VigilSession  *vigil_session_new                 (GSettings           *settings);
GSettings     *vigil_session_get_settings        (VigilSession        *self);
VigilStore    *vigil_session_get_store           (VigilSession        *self);
void           vigil_session_set_store           (VigilSession        *self,
                                                  VigilStore          *store,
                                                  gboolean             remember);
void           vigil_session_remember_location   (VigilSession        *self,
                                                  const VigilLocation *location);
VigilLocation *vigil_session_dup_saved_location  (VigilSession        *self);

G_END_DECLS
