/* vigil-pg-group.h: the fields of a PostgreSQL connection, as a preferences group
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigil-location.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_PG_GROUP (vigil_pg_group_get_type ())
G_DECLARE_FINAL_TYPE (VigilPgGroup, vigil_pg_group, VIGIL, PG_GROUP, AdwPreferencesGroup)

GtkWidget     *vigil_pg_group_new           (void);
void           vigil_pg_group_load_settings (VigilPgGroup        *self,
                                             GSettings           *settings);
void           vigil_pg_group_set_location  (VigilPgGroup        *self,
                                             const VigilLocation *location);
VigilLocation *vigil_pg_group_dup_location  (VigilPgGroup        *self,
                                             GError             **error);
void           vigil_pg_group_set_error     (VigilPgGroup        *self,
                                             const char          *message);
void           vigil_pg_group_focus_first_empty (VigilPgGroup    *self);

G_END_DECLS
