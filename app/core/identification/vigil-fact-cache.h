/* vigil-fact-cache.h: the compact scoring facts, kept in the store between refreshes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-rfgv.h"
#include "vigil-store.h"

G_BEGIN_DECLS

typedef enum
{
  VIGIL_FACT_CACHE_HIT,       /* read from the cache */
  VIGIL_FACT_CACHE_REBUILT,   /* read from the incidents, and the cache now holds them */
  VIGIL_FACT_CACHE_BYPASSED,  /* read from the incidents; the cache was left as it was
                               * (the store changed during the read, it was busy, or it
                               * has no cache) */
} VigilFactCacheOutcome;

/* The fact set of every incident in @store, as vigil_fact_set_load () reads it, from
 * the store's cache when the cache is current (same facts generation, same count and
 * largest id of incidents and of people), else from the incidents — and then the
 * cache is written again. A cache that cannot be read or fails its checks is never
 * used. @outcome (optional) says which happened. May run in a worker thread. */
VigilFactSet *vigil_fact_cache_load  (VigilStore             *store,
                                      GCancellable           *cancellable,
                                      VigilFactCacheOutcome  *outcome,
                                      GError                **error);
/* Empties the cache: the next load reads every incident. */
gboolean      vigil_fact_cache_clear (VigilStore             *store,
                                      GError                **error);

G_END_DECLS
