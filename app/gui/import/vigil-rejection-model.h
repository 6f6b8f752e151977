/* vigil-rejection-model.h: an import's rejected rows as a GListModel
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "vigil-import.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_REJECTION_MODEL (vigil_rejection_model_get_type ())
G_DECLARE_FINAL_TYPE (VigilRejectionModel, vigil_rejection_model, VIGIL, REJECTION_MODEL, GObject)

VigilRejectionModel *vigil_rejection_model_new           (void);
void                 vigil_rejection_model_set_rejections (VigilRejectionModel *self,
                                                           GPtrArray           *rejections);

G_END_DECLS
