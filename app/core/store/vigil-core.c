/* vigil-core.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-core"

#include "config.h"

#include <libgda/libgda.h>

#include "vigil-core.h"
#include "vigil-core-resources.h"

void
vigil_core_init (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      gda_init ();
      /* the migrations live in a resource of this static library */
      vigil_core_register_resource ();
      g_once_init_leave (&initialized, 1);
    }
}
