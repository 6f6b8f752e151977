/* vigil-application.h: the Vigil application: command line, actions, windows
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigil-session.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_APPLICATION (vigil_application_get_type ())
G_DECLARE_FINAL_TYPE (VigilApplication, vigil_application, VIGIL, APPLICATION, AdwApplication)

VigilApplication *vigil_application_new         (const char        *application_id,
                                                 GApplicationFlags  flags);
VigilSession     *vigil_application_add_session (VigilApplication  *self);

G_END_DECLS
