/* vigil-store-native.c: the one seam to the native drivers under the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-store"

#include "config.h"

#include "vigil-store-native.h"

PGconn *
vigil_store_native_connect_pg (const VigilLocation *location,
                               const char          *application_name)
{
  g_autofree char *port = NULL;
  const char *keys[8], *values[8];
  int n = 0;

  g_return_val_if_fail (location != NULL && location->engine == VIGIL_ENGINE_POSTGRESQL, NULL);

  port = location->port != 0 ? g_strdup_printf ("%u", location->port) : NULL;
#define ADD_PARAM(key, value) if ((value) != NULL) { keys[n] = (key); values[n] = (value); n++; }
  ADD_PARAM ("host", location->host);
  ADD_PARAM ("port", port);
  ADD_PARAM ("dbname", location->dbname);
  ADD_PARAM ("user", location->user);
  ADD_PARAM ("password", location->password);
  ADD_PARAM ("application_name", application_name);
  ADD_PARAM ("client_encoding", "UTF8");
#undef ADD_PARAM
  keys[n] = values[n] = NULL;

  return PQconnectdbParams (keys, values, 0);
}

int
vigil_store_native_open_sqlite (const VigilLocation  *location,
                                int                   flags,
                                int                   busy_ms,
                                sqlite3             **db)
{
  int rc;

  g_return_val_if_fail (location != NULL && location->engine == VIGIL_ENGINE_SQLITE, SQLITE_MISUSE);
  g_return_val_if_fail (db != NULL, SQLITE_MISUSE);

  rc = sqlite3_open_v2 (location->path, db, flags | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc == SQLITE_OK && busy_ms > 0)
    sqlite3_busy_timeout (*db, busy_ms);
  return rc;
}
