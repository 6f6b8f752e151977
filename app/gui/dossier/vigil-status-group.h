/* vigil-status-group.h: the head of the Change Status form, bound to its view model
 *
 * The first group of the form: the person, their status, what a move records and the
 * other processes active (VigilStatusModel:description). The record editor adds the
 * first fields to it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigil-status-model.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_STATUS_GROUP (vigil_status_group_get_type ())
G_DECLARE_FINAL_TYPE (VigilStatusGroup, vigil_status_group, VIGIL, STATUS_GROUP, AdwPreferencesGroup)

GtkWidget        *vigil_status_group_new       (VigilStatusModel *model);
VigilStatusModel *vigil_status_group_get_model (VigilStatusGroup *self);

G_END_DECLS
