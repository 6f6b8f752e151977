/* vigil-fact-cache-private.h: how the SQLite import leaves the fact cache current
 * (vigil-import.c, vigil-rfgv.c, vigil-fact-cache.c); not installed, not part of
 * vigil-core.h.
 *
 * An import into an empty store knows every fact the store will hold after it: the
 * people and incidents it writes. It collects them as it checks its rows, builds the
 * fact set as vigil_fact_set_load () would build it from the store, and writes it as
 * the cache, tagged with the store's tag, in its own transaction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "vigil-rfgv.h"

G_BEGIN_DECLS

/* The schema version (migration) that made the table fact_cache. */
#define VIGIL_FACT_CACHE_SCHEMA 5

typedef struct _VigilFactCollector VigilFactCollector;

/* The incidents added will have the ids @first_incident_id, @first_incident_id + 1, …
 * in the order added. */
VigilFactCollector *vigil_fact_collector_new          (gint64               first_incident_id,
                                                       gsize                expected_incidents);
void                vigil_fact_collector_free         (VigilFactCollector  *self);
/* A person the store will hold, with its (non-empty) reference. */
void                vigil_fact_collector_add_person   (VigilFactCollector  *self,
                                                       gint64               person_id,
                                                       const char          *ref);
/* The next incident; @victim_id 0 for none, @area NULL or "" for none. */
void                vigil_fact_collector_add_incident (VigilFactCollector  *self,
                                                       gint64               perpetrator_id,
                                                       gint64               victim_id,
                                                       const char          *occurred_at,
                                                       const char          *relationship,
                                                       const char          *offence,
                                                       const char          *area);
/* The incidents added (those whose date cannot be read included). */
guint64             vigil_fact_collector_get_n_incidents (const VigilFactCollector *self);
/* Everyone added: how many, the largest id. */
guint64             vigil_fact_collector_get_n_people    (const VigilFactCollector *self);
gint64              vigil_fact_collector_get_max_person_id (const VigilFactCollector *self);
/* The fact set of everything added, as vigil_fact_set_load () reads it from a store
 * holding exactly these people and incidents. Frees @self. */
VigilFactSet       *vigil_fact_collector_end          (VigilFactCollector  *self,
                                                       GError             **error);

/* The tag of what a store holds, as the fact cache keeps it. */
typedef struct
{
  gint64 generation;
  gint64 n_incidents;
  gint64 max_incident_id;
  gint64 n_persons;
  gint64 max_person_id;
} VigilFactCacheTag;

/* Replaces the cache with @block (vigil_fact_set_serialize) tagged @tag, through @db
 * inside the transaction the caller holds open: once it commits, the cache is current
 * if @tag is the store's. */
gboolean            vigil_fact_cache_write_sqlite     (sqlite3                 *db,
                                                       const VigilFactCacheTag *tag,
                                                       const guint8            *block,
                                                       gsize                    size,
                                                       GError                 **error);

G_END_DECLS
