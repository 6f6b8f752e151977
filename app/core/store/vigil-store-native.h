/* vigil-store-native.h: the one seam to the native drivers under the store
 *
 * Bulk paths (the import, the fact cache, scoring) read and write through libpq and
 * the sqlite3 interface directly, where libgda would cost ~35 µs a row. They get their
 * connections here, from the store's own location and settings, never by building
 * connection parameters of their own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <libpq-fe.h>
#include <sqlite3.h>

#include "vigil-location.h"

G_BEGIN_DECLS

/* A libpq connection to @location (PostgreSQL), named @application_name for the
 * server's activity view, in UTF-8. Check PQstatus (): NULL only when out of memory. */
PGconn  *vigil_store_native_connect_pg  (const VigilLocation *location,
                                         const char          *application_name);
/* The SQLite file of @location opened with @flags (SQLITE_OPEN_READONLY or _READWRITE),
 * for one thread (no mutex), waiting up to @busy_ms for another writer. Returns the
 * sqlite3 result code; *@db is set either way (close it with sqlite3_close). */
int      vigil_store_native_open_sqlite (const VigilLocation *location,
                                         int                  flags,
                                         int                  busy_ms,
                                         sqlite3            **db);

G_END_DECLS
