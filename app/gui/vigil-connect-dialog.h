/* vigil-connect-dialog.h: asks where a PostgreSQL store is, and connects to it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigil-location.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_CONNECT_DIALOG (vigil_connect_dialog_get_type ())
G_DECLARE_FINAL_TYPE (VigilConnectDialog, vigil_connect_dialog, VIGIL, CONNECT_DIALOG, AdwWindow)

VigilConnectDialog *vigil_connect_dialog_new          (GtkWindow           *parent,
                                                       GSettings           *settings);
void                vigil_connect_dialog_set_location (VigilConnectDialog  *self,
                                                       const VigilLocation *location);
void                vigil_connect_dialog_set_error    (VigilConnectDialog  *self,
                                                       const char          *message);

G_END_DECLS
