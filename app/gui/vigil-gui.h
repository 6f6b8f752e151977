/* vigil-gui.h: set-up shared by the application and the gui tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define VIGIL_SETTINGS_SCHEMA_ID "org.vigilapp.Vigil"
#define VIGIL_RESOURCE_PATH      "/org/vigilapp/Vigil"

/* Initialises libvigil-core and the types the templates use (idempotent). */
void        vigil_gui_init          (void);
/* APPLICATION_ID, or the plain app icon when a development build runs uninstalled. */
const char *vigil_gui_get_icon_name (GdkDisplay *display);

G_END_DECLS
