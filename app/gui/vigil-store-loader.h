/* vigil-store-loader.h: opening a store off the main thread, and saying why it failed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "vigil-location.h"
#include "vigil-store.h"

G_BEGIN_DECLS

typedef enum
{
  VIGIL_OPEN_MODE_EXISTING, /* the store must exist */
  VIGIL_OPEN_MODE_CREATE,   /* create a missing SQLite file */
  VIGIL_OPEN_MODE_DEMO,     /* open the demo, creating and filling it when missing */
} VigilOpenMode;

void        vigil_open_store_async       (const VigilLocation  *location,
                                          VigilOpenMode         mode,
                                          GCancellable         *cancellable,
                                          GAsyncReadyCallback   callback,
                                          gpointer              user_data);
VigilStore *vigil_open_store_finish      (GAsyncResult         *result,
                                          GError              **error);

char       *vigil_describe_open_error    (const GError         *error);
gboolean    vigil_error_wants_password   (const GError         *error,
                                          const VigilLocation  *location);
char       *vigil_describe_store_engine  (VigilStore           *store);

G_END_DECLS
