/* vigil-session.c: what one window works on (the open store), owned by the application
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vigil-session"

#include "config.h"

#include "vigil-session.h"

struct _VigilSession
{
  GObject parent_instance;

  GSettings *settings;   /* where the store to open at the next start is kept */
  VigilStore *store;
};

G_DEFINE_FINAL_TYPE (VigilSession, vigil_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SETTINGS,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
vigil_session_dispose (GObject *object)
{
  VigilSession *self = VIGIL_SESSION (object);

  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (vigil_session_parent_class)->dispose (object);
}

static void
vigil_session_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  VigilSession *self = VIGIL_SESSION (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;

    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_session_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  VigilSession *self = VIGIL_SESSION (object);

  switch (prop_id)
    {
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_session_class_init (VigilSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = vigil_session_dispose;
  object_class->get_property = vigil_session_get_property;
  object_class->set_property = vigil_session_set_property;

  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* Read-only: set with vigil_session_set_store (), which remembers it. */
  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, VIGIL_TYPE_STORE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vigil_session_init (VigilSession *self)
{
}

/**
 * vigil_session_new:
 * @settings: the application's settings (the store to open at the next start)
 *
 * Returns: (transfer full): a session with no store open
 */
VigilSession *
vigil_session_new (GSettings *settings)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  return g_object_new (VIGIL_TYPE_SESSION, "settings", settings, NULL);
}

GSettings *
vigil_session_get_settings (VigilSession *self)
{
  g_return_val_if_fail (VIGIL_IS_SESSION (self), NULL);
  return self->settings;
}

/**
 * vigil_session_get_store:
 *
 * Returns: (nullable) (transfer none): the open store
 */
VigilStore *
vigil_session_get_store (VigilSession *self)
{
  g_return_val_if_fail (VIGIL_IS_SESSION (self), NULL);
  return self->store;
}

/**
 * vigil_session_set_store:
 * @store: a store that is already open
 * @remember: whether to open it at the next start (never the demo)
 *
 * Makes @store the session's store; those showing the session follow notify::store.
 * Setting the same store again only remembers it.
 */
void
vigil_session_set_store (VigilSession *self,
                         VigilStore   *store,
                         gboolean      remember)
{
  g_return_if_fail (VIGIL_IS_SESSION (self));
  g_return_if_fail (VIGIL_IS_STORE (store));

  if (remember && vigil_store_get_kind (store) != VIGIL_STORE_KIND_DEMO)
    vigil_session_remember_location (self, vigil_store_get_location (store));

  if (g_set_object (&self->store, store))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
}

/**
 * vigil_session_remember_location:
 *
 * Keeps @location as the store to open at the next start (a password never is).
 */
void
vigil_session_remember_location (VigilSession        *self,
                                 const VigilLocation *location)
{
  g_return_if_fail (VIGIL_IS_SESSION (self));
  g_return_if_fail (location != NULL);

  if (location->engine == VIGIL_ENGINE_POSTGRESQL)
    {
      g_settings_set_string (self->settings, "pg-host", location->host ? location->host : "");
      g_settings_set_int (self->settings, "pg-port", location->port > 0 ? (int) location->port : 5432);
      g_settings_set_string (self->settings, "pg-database", location->dbname ? location->dbname : "");
      g_settings_set_string (self->settings, "pg-user", location->user ? location->user : "");
      g_settings_set_string (self->settings, "database-kind", "postgresql");
    }
  else
    {
      g_autoptr(VigilLocation) default_location = vigil_location_get_default ();

      g_settings_set_string (self->settings, "sqlite-path",
                             vigil_location_equal (location, default_location) ? "" : location->path);
      g_settings_set_string (self->settings, "database-kind", "sqlite");
    }
}

/**
 * vigil_session_dup_saved_location:
 *
 * Returns: (nullable) (transfer full): the store remembered for this start, or NULL
 *   when none was chosen yet
 */
VigilLocation *
vigil_session_dup_saved_location (VigilSession *self)
{
  g_autofree char *kind = NULL;

  g_return_val_if_fail (VIGIL_IS_SESSION (self), NULL);

  kind = g_settings_get_string (self->settings, "database-kind");
  if (g_str_equal (kind, "sqlite"))
    {
      g_autofree char *path = g_settings_get_string (self->settings, "sqlite-path");

      return *path != '\0' ? vigil_location_new_sqlite (path) : vigil_location_get_default ();
    }
  if (g_str_equal (kind, "postgresql"))
    {
      g_autofree char *host = g_settings_get_string (self->settings, "pg-host");
      g_autofree char *database = g_settings_get_string (self->settings, "pg-database");
      g_autofree char *user = g_settings_get_string (self->settings, "pg-user");
      int port = g_settings_get_int (self->settings, "pg-port");

      return vigil_location_new_postgresql (host, (guint) MAX (port, 0), database, user, NULL);
    }
  return NULL;
}
