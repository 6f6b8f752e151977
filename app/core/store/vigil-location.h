/* vigil-location.h: where a Vigil store lives (a SQLite file or a PostgreSQL database)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

typedef enum
{
  VIGIL_ENGINE_SQLITE,
  VIGIL_ENGINE_POSTGRESQL,
} VigilEngine;

typedef struct _VigilLocation VigilLocation;

struct _VigilLocation
{
  VigilEngine engine;
  /* SQLite */
  char *path;        /* absolute path of the database file */
  /* PostgreSQL */
  char *host;        /* host name, address or socket directory */
  guint port;        /* 0: the server's default (5432) */
  char *dbname;
  char *user;        /* NULL: the operating-system user */
  char *password;    /* NULL: ask libpq (~/.pgpass, PGPASSWORD) */
};

#define VIGIL_TYPE_LOCATION (vigil_location_get_type ())

GType          vigil_location_get_type          (void) G_GNUC_CONST;
VigilLocation *vigil_location_new_sqlite        (const char          *path);
VigilLocation *vigil_location_new_postgresql    (const char          *host,
                                                 guint                port,
                                                 const char          *dbname,
                                                 const char          *user,
                                                 const char          *password);
VigilLocation *vigil_location_parse             (const char          *spec,
                                                 GError             **error);
VigilLocation *vigil_location_copy              (const VigilLocation *self);
void           vigil_location_free              (VigilLocation       *self);
gboolean       vigil_location_equal             (const VigilLocation *a,
                                                 const VigilLocation *b);
char          *vigil_location_to_display_string (const VigilLocation *self);
char          *vigil_location_to_uri            (const VigilLocation *self,
                                                 gboolean             with_password);
char          *vigil_location_get_default_dir   (void);
VigilLocation *vigil_location_get_default       (void);
VigilLocation *vigil_location_get_demo          (void);
VigilLocation *vigil_location_from_environment  (const char          *option_value,
                                                 GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilLocation, vigil_location_free)

G_END_DECLS
