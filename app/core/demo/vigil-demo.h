/* vigil-demo.h: the synthetic demo store (obviously fake people, every kind of record)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-store.h"

G_BEGIN_DECLS

/* The seed of the demo the GUI and `vigil-cli demo` build unless told otherwise. */
#define VIGIL_DEMO_DEFAULT_SEED G_GUINT64_CONSTANT (20190301)

/* Incidents the demo generates (about 200 perpetrators, 450 people). */
#define VIGIL_DEMO_INCIDENTS 500

/* Marks the empty @store as the demo and fills every entity of the schema: people and
 * incidents from vigil-synth, an import batch with rejected rows, agency flags, the
 * default profile and a score run, cohort entries in every status and route, decisions,
 * other processes, agency sections, victim links, plans and interventions, a panel
 * meeting, outcomes. @as_of ("YYYY-MM-DD", NULL for today) is the day the demo is
 * "now". Fails with VIGIL_STORE_ERROR_KIND_MISMATCH, changing nothing, when @store
 * holds any record: real and demo data never mix. */
gboolean    vigil_demo_fill          (VigilStore           *store,
                                      guint64               seed,
                                      const char           *as_of,
                                      GCancellable         *cancellable,
                                      GError              **error);

/* Opens the demo store at @location (usually vigil_location_get_demo ()), creating
 * and filling it when it is missing or empty. Fails with
 * VIGIL_STORE_ERROR_KIND_MISMATCH when @location holds a real store. */
VigilStore *vigil_demo_open          (const VigilLocation  *location,
                                      GCancellable         *cancellable,
                                      GError              **error);
/* The same in a worker thread (filling takes a few seconds). */
void        vigil_demo_open_async    (const VigilLocation  *location,
                                      GCancellable         *cancellable,
                                      GAsyncReadyCallback   callback,
                                      gpointer              user_data);
VigilStore *vigil_demo_open_finish   (GAsyncResult         *result,
                                      GError              **error);

G_END_DECLS
