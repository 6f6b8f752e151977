/* vigil-store-loader.c: opening a store off the main thread, and saying why it failed
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-store-loader"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "vigil-demo.h"

#include "vigil-store-loader.h"

static void
store_opened_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  VigilStore *store;

  store = vigil_store_open_finish (result, &error);
  if (store == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, store, g_object_unref);
}

static void
demo_opened_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  VigilStore *store;

  store = vigil_demo_open_finish (result, &error);
  if (store == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, store, g_object_unref);
}

/**
 * vigil_open_store_async:
 * @location: the store to open
 * @mode: whether it must exist, may be created, or is the demo
 *
 * Opens (and migrates) the store off the main thread (vigil_store_open_async); the demo
 * (vigil_demo_open_async) is created and filled there too when missing.
 */
void
vigil_open_store_async (const VigilLocation *location,
                        VigilOpenMode        mode,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (location != NULL);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  /* (only a wrapper on the main context: the core calls run on their own workers) */
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, vigil_open_store_async);
  g_task_set_name (task, "[vigil] open store");

  switch (mode)
    {
    case VIGIL_OPEN_MODE_DEMO:
      vigil_demo_open_async (location, cancellable, demo_opened_cb, g_steal_pointer (&task));
      break;

    case VIGIL_OPEN_MODE_CREATE:
    case VIGIL_OPEN_MODE_EXISTING:
    default:
      vigil_store_open_async (location,
                              mode == VIGIL_OPEN_MODE_CREATE ? VIGIL_STORE_OPEN_CREATE
                                                             : VIGIL_STORE_OPEN_NONE,
                              cancellable, store_opened_cb, g_steal_pointer (&task));
      break;
    }
}

/**
 * vigil_open_store_finish:
 *
 * Returns: (transfer full): the open store, or %NULL with @error set
 */
VigilStore *
vigil_open_store_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == vigil_open_store_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * vigil_describe_open_error:
 * @error: what vigil_open_store_finish() gave
 *
 * Returns: (transfer full): a short title for a dialog or status page saying why the
 *   store could not be opened; the error's message says the rest.
 */
char *
vigil_describe_open_error (const GError *error)
{
  g_return_val_if_fail (error != NULL, NULL);

  if (error->domain == VIGIL_STORE_ERROR)
    {
      switch ((VigilStoreError) error->code)
        {
        case VIGIL_STORE_ERROR_INVALID_LOCATION:
          return g_strdup (_("Not a Store Location"));
        case VIGIL_STORE_ERROR_CONNECT:
          return g_strdup (_("Cannot Connect to the Database"));
        case VIGIL_STORE_ERROR_NOT_FOUND:
          return g_strdup (_("Store Not Found"));
        case VIGIL_STORE_ERROR_NOT_VIGIL:
          return g_strdup (_("Not a Vigil Store"));
        case VIGIL_STORE_ERROR_NEWER_SCHEMA:
          return g_strdup (_("Store Made by a Newer Vigil"));
        case VIGIL_STORE_ERROR_CORRUPT:
          return g_strdup (_("Store Is Damaged"));
        case VIGIL_STORE_ERROR_LOCKED:
          return g_strdup (_("Store Is Busy"));
        case VIGIL_STORE_ERROR_KIND_MISMATCH:
          return g_strdup (_("Wrong Kind of Store"));
        case VIGIL_STORE_ERROR_PERMISSION:
          return g_strdup (_("No Permission to Open the Store"));
        case VIGIL_STORE_ERROR_FAILED:
        case VIGIL_STORE_ERROR_CONFLICT:
        case VIGIL_STORE_ERROR_INVALID:
        default:
          break;
        }
    }

  return g_strdup (_("Could Not Open the Store"));
}

/**
 * vigil_error_wants_password:
 * @error: what vigil_open_store_finish() gave
 * @location: the location that was opened
 *
 * Whether the PostgreSQL server refused the connection for want of a (right)
 * password, so asking for one may help.
 */
gboolean
vigil_error_wants_password (const GError        *error,
                            const VigilLocation *location)
{
  g_autofree char *message = NULL;

  g_return_val_if_fail (error != NULL, FALSE);
  g_return_val_if_fail (location != NULL, FALSE);

  if (location->engine != VIGIL_ENGINE_POSTGRESQL ||
      !g_error_matches (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_CONNECT))
    return FALSE;

  /* libpq says "fe_sendauth: no password supplied" or "password authentication
   * failed for user"; core has no separate error code for it (yet). */
  message = g_utf8_strdown (error->message, -1);
  return strstr (message, "password") != NULL || strstr (message, "authentication") != NULL;
}

/**
 * vigil_describe_store_engine:
 *
 * Returns: (transfer full): "SQLite file" or "PostgreSQL server", translated
 */
char *
vigil_describe_store_engine (VigilStore *store)
{
  g_return_val_if_fail (VIGIL_IS_STORE (store), NULL);

  switch (vigil_store_get_engine (store))
    {
    case VIGIL_ENGINE_POSTGRESQL:
      return g_strdup (_("PostgreSQL server"));
    case VIGIL_ENGINE_SQLITE:
    default:
      return g_strdup (_("SQLite file"));
    }
}
