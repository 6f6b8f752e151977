/* vigil-location.c: where a Vigil store lives
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-location"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "vigil-location.h"
#include "vigil-store.h"

G_DEFINE_BOXED_TYPE (VigilLocation, vigil_location, vigil_location_copy, vigil_location_free)

VigilLocation *
vigil_location_new_sqlite (const char *path)
{
  VigilLocation *self;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_new0 (VigilLocation, 1);
  self->engine = VIGIL_ENGINE_SQLITE;
  self->path = g_canonicalize_filename (path, NULL);
  return self;
}

VigilLocation *
vigil_location_new_postgresql (const char *host,
                               guint       port,
                               const char *dbname,
                               const char *user,
                               const char *password)
{
  VigilLocation *self;

  g_return_val_if_fail (dbname != NULL, NULL);

  self = g_new0 (VigilLocation, 1);
  self->engine = VIGIL_ENGINE_POSTGRESQL;
  self->host = g_strdup (host && *host ? host : "localhost");
  self->port = port;
  self->dbname = g_strdup (dbname);
  self->user = user && *user ? g_strdup (user) : NULL;
  self->password = password && *password ? g_strdup (password) : NULL;
  return self;
}

VigilLocation *
vigil_location_copy (const VigilLocation *self)
{
  VigilLocation *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (VigilLocation, 1);
  copy->engine = self->engine;
  copy->path = g_strdup (self->path);
  copy->host = g_strdup (self->host);
  copy->port = self->port;
  copy->dbname = g_strdup (self->dbname);
  copy->user = g_strdup (self->user);
  copy->password = g_strdup (self->password);
  return copy;
}

void
vigil_location_free (VigilLocation *self)
{
  if (self == NULL)
    return;

  g_free (self->path);
  g_free (self->host);
  g_free (self->dbname);
  g_free (self->user);
  if (self->password != NULL)
    {
      memset (self->password, 0, strlen (self->password));
      g_free (self->password);
    }
  g_free (self);
}

gboolean
vigil_location_equal (const VigilLocation *a,
                      const VigilLocation *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  if (a->engine != b->engine)
    return FALSE;

  if (a->engine == VIGIL_ENGINE_SQLITE)
    return g_strcmp0 (a->path, b->path) == 0;

  return g_strcmp0 (a->host, b->host) == 0 &&
         a->port == b->port &&
         g_strcmp0 (a->dbname, b->dbname) == 0 &&
         g_strcmp0 (a->user, b->user) == 0;
}

static VigilLocation *
parse_postgresql_uri (const char  *spec,
                      GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *path;
  const char *host;
  int port;

  uri = g_uri_parse (spec, G_URI_FLAGS_HAS_PASSWORD, &local_error);
  if (uri == NULL)
    {
      g_set_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_INVALID_LOCATION,
                   _("The PostgreSQL address is not valid (%s). "
                     "Write it as postgresql://user:password@host:port/database."),
                   local_error->message);
      return NULL;
    }

  if (g_uri_get_query (uri) != NULL || g_uri_get_fragment (uri) != NULL)
    {
      g_set_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_INVALID_LOCATION,
                   _("The PostgreSQL address has options after “?” or “#”, which Vigil "
                     "does not take. Write it as postgresql://user:password@host:port/database."));
      return NULL;
    }

  path = g_uri_get_path (uri);
  if (path == NULL || path[0] != '/' || path[1] == '\0' || strchr (path + 1, '/') != NULL)
    {
      g_set_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_INVALID_LOCATION,
                   _("The PostgreSQL address names no database. Add it at the end: "
                     "postgresql://user:password@host:port/database."));
      return NULL;
    }

  host = g_uri_get_host (uri);
  if (host == NULL || *host == '\0')
    {
      g_set_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_INVALID_LOCATION,
                   _("The PostgreSQL address names no server. Write it as "
                     "postgresql://user:password@host:port/database."));
      return NULL;
    }

  /* libgda's PostgreSQL provider builds a libpq connection string in which a single
   * quote in the password cannot be escaped: refuse it rather than fail obscurely. */
  if (g_uri_get_password (uri) != NULL && strchr (g_uri_get_password (uri), '\'') != NULL)
    {
      g_set_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_INVALID_LOCATION,
                   _("The PostgreSQL password contains a single quote ('), which the "
                     "database driver cannot pass on. Choose a password without it, or "
                     "leave the password out and put it in ~/.pgpass."));
      return NULL;
    }

  port = g_uri_get_port (uri);

  return vigil_location_new_postgresql (host,
                                        port > 0 ? (guint) port : 0,
                                        path + 1,
                                        g_uri_get_user (uri),
                                        g_uri_get_password (uri));
}

/**
 * vigil_location_parse:
 * @spec: a file path, a `file://` URI, or `postgresql://user:password@host:port/dbname`
 *
 * Returns: (transfer full): the location, or %NULL with a
 *   %VIGIL_STORE_ERROR_INVALID_LOCATION error saying what is wrong.
 */
VigilLocation *
vigil_location_parse (const char  *spec,
                      GError     **error)
{
  g_autofree char *scheme = NULL;

  g_autofree char *trimmed = g_strstrip (g_strdup (spec ? spec : ""));

  if (*trimmed == '\0')
    {
      g_set_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_INVALID_LOCATION,
                   _("No database was given: name a file, or a PostgreSQL address "
                     "such as postgresql://user@host/database."));
      return NULL;
    }

  if (!g_utf8_validate (spec, -1, NULL))
    {
      g_set_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_INVALID_LOCATION,
                   _("The database location is not valid UTF-8 text."));
      return NULL;
    }

  scheme = g_uri_parse_scheme (spec);

  if (scheme == NULL)
    return vigil_location_new_sqlite (spec);

  if (g_ascii_strcasecmp (scheme, "postgresql") == 0 || g_ascii_strcasecmp (scheme, "postgres") == 0)
    return parse_postgresql_uri (spec, error);

  if (g_ascii_strcasecmp (scheme, "file") == 0)
    {
      g_autofree char *path = g_filename_from_uri (spec, NULL, NULL);

      if (path == NULL)
        {
          g_set_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_INVALID_LOCATION,
                       _("“%s” is not a valid file address."), spec);
          return NULL;
        }
      return vigil_location_new_sqlite (path);
    }

  g_set_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_INVALID_LOCATION,
               _("Vigil cannot use a “%s:” database. Name a SQLite file, or a PostgreSQL "
                 "address such as postgresql://user@host/database."),
               scheme);
  return NULL;
}

char *
vigil_location_to_display_string (const VigilLocation *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (self->engine == VIGIL_ENGINE_SQLITE)
    return g_strdup (self->path);

  return vigil_location_to_uri (self, FALSE);
}

char *
vigil_location_to_uri (const VigilLocation *self,
                       gboolean             with_password)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->engine == VIGIL_ENGINE_SQLITE)
    return g_filename_to_uri (self->path, NULL, NULL);

  path = g_strconcat ("/", self->dbname, NULL);
  return g_uri_join_with_user (G_URI_FLAGS_NONE,
                               "postgresql",
                               self->user,
                               with_password ? self->password : NULL,
                               NULL,
                               self->host,
                               self->port > 0 ? (int) self->port : -1,
                               path,
                               NULL,
                               NULL);
}

/* The folder of Vigil's own files: readable by its owner only. */
char *
vigil_location_get_default_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "vigil", NULL);
}

VigilLocation *
vigil_location_get_default (void)
{
  g_autofree char *dir = vigil_location_get_default_dir ();
  g_autofree char *path = g_build_filename (dir, "vigil.db", NULL);

  return vigil_location_new_sqlite (path);
}

/* The demo lives in a file of its own, so demo and real records never mix. */
VigilLocation *
vigil_location_get_demo (void)
{
  g_autofree char *dir = vigil_location_get_default_dir ();
  g_autofree char *path = g_build_filename (dir, "demo.db", NULL);

  return vigil_location_new_sqlite (path);
}

/**
 * vigil_location_from_environment:
 * @option_value: (nullable): the value of a `--database` option
 *
 * The location a command asks for: @option_value, else `$VIGIL_DATABASE`, else the
 * default file.
 */
VigilLocation *
vigil_location_from_environment (const char  *option_value,
                                 GError     **error)
{
  const char *env;

  if (option_value != NULL)
    return vigil_location_parse (option_value, error);

  env = g_getenv ("VIGIL_DATABASE");
  if (env != NULL && *env != '\0')
    return vigil_location_parse (env, error);

  return vigil_location_get_default ();
}
