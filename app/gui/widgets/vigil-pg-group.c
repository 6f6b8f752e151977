/* vigil-pg-group.c: the fields of a PostgreSQL connection, as a preferences group
 *
 * Used by the "Connect to PostgreSQL" dialog and by the preferences. The password row
 * is never filled from or saved to settings: libpq reads ~/.pgpass or PGPASSWORD, and
 * a typed password lives only as long as the connection.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-pg-group"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-store.h"

#include "vigil-pg-group.h"

struct _VigilPgGroup
{
  AdwPreferencesGroup parent_instance;

  /* Template widgets */
  AdwEntryRow  *host_row;
  AdwEntryRow  *port_row;
  AdwEntryRow  *database_row;
  AdwEntryRow  *user_row;
  AdwEntryRow  *password_row;
  AdwActionRow *error_row;
};

G_DEFINE_FINAL_TYPE (VigilPgGroup, vigil_pg_group, ADW_TYPE_PREFERENCES_GROUP)

enum {
  ACTIVATE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
get_row_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

static void
row_activated_cb (VigilPgGroup *self)
{
  g_signal_emit (self, signals[ACTIVATE], 0);
}

static void
row_changed_cb (VigilPgGroup *self)
{
  vigil_pg_group_set_error (self, NULL);
}

static void
vigil_pg_group_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), VIGIL_TYPE_PG_GROUP);

  G_OBJECT_CLASS (vigil_pg_group_parent_class)->dispose (object);
}

static void
vigil_pg_group_class_init (VigilPgGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigil_pg_group_dispose;

  /**
   * VigilPgGroup::activate:
   *
   * Enter was pressed in one of the fields: the caller connects.
   */
  signals[ACTIVATE] =
    g_signal_new ("activate",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/vigilapp/Vigil/ui/vigil-pg-group.ui");
  gtk_widget_class_bind_template_child (widget_class, VigilPgGroup, host_row);
  gtk_widget_class_bind_template_child (widget_class, VigilPgGroup, port_row);
  gtk_widget_class_bind_template_child (widget_class, VigilPgGroup, database_row);
  gtk_widget_class_bind_template_child (widget_class, VigilPgGroup, user_row);
  gtk_widget_class_bind_template_child (widget_class, VigilPgGroup, password_row);
  gtk_widget_class_bind_template_child (widget_class, VigilPgGroup, error_row);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, row_changed_cb);
}

static void
vigil_pg_group_init (VigilPgGroup *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
vigil_pg_group_new (void)
{
  return g_object_new (VIGIL_TYPE_PG_GROUP, NULL);
}

/**
 * vigil_pg_group_load_settings:
 * @settings: org.vigilapp.Vigil settings
 *
 * Fills the fields from the pg-* keys (the password stays empty).
 */
void
vigil_pg_group_load_settings (VigilPgGroup *self,
                              GSettings    *settings)
{
  g_autofree char *host = NULL;
  g_autofree char *database = NULL;
  g_autofree char *user = NULL;
  g_autofree char *port_text = NULL;
  int port;

  g_return_if_fail (VIGIL_IS_PG_GROUP (self));
  g_return_if_fail (G_IS_SETTINGS (settings));

  host = g_settings_get_string (settings, "pg-host");
  port = g_settings_get_int (settings, "pg-port");
  database = g_settings_get_string (settings, "pg-database");
  user = g_settings_get_string (settings, "pg-user");
  port_text = port > 0 ? g_strdup_printf ("%d", port) : g_strdup ("");

  gtk_editable_set_text (GTK_EDITABLE (self->host_row), host);
  gtk_editable_set_text (GTK_EDITABLE (self->port_row), port_text);
  gtk_editable_set_text (GTK_EDITABLE (self->database_row), database);
  gtk_editable_set_text (GTK_EDITABLE (self->user_row), user);
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  vigil_pg_group_set_error (self, NULL);
}

/**
 * vigil_pg_group_set_location:
 * @location: a PostgreSQL location
 *
 * Fills the fields from @location (without its password).
 */
void
vigil_pg_group_set_location (VigilPgGroup        *self,
                             const VigilLocation *location)
{
  g_autofree char *port_text = NULL;

  g_return_if_fail (VIGIL_IS_PG_GROUP (self));
  g_return_if_fail (location != NULL);
  g_return_if_fail (location->engine == VIGIL_ENGINE_POSTGRESQL);

  port_text = location->port > 0 ? g_strdup_printf ("%u", location->port) : g_strdup ("");

  gtk_editable_set_text (GTK_EDITABLE (self->host_row), location->host ? location->host : "");
  gtk_editable_set_text (GTK_EDITABLE (self->port_row), port_text);
  gtk_editable_set_text (GTK_EDITABLE (self->database_row), location->dbname ? location->dbname : "");
  gtk_editable_set_text (GTK_EDITABLE (self->user_row), location->user ? location->user : "");
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
  vigil_pg_group_set_error (self, NULL);
}

/**
 * vigil_pg_group_dup_location:
 *
 * Returns: (transfer full): the location the fields describe (with the typed
 *   password, if any), or %NULL with %VIGIL_STORE_ERROR_INVALID_LOCATION saying which
 *   field is wrong
 */
VigilLocation *
vigil_pg_group_dup_location (VigilPgGroup  *self,
                             GError       **error)
{
  g_autofree char *host = NULL;
  g_autofree char *database = NULL;
  g_autofree char *user = NULL;
  g_autofree char *port_text = NULL;
  guint64 port = 0;

  g_return_val_if_fail (VIGIL_IS_PG_GROUP (self), NULL);

  host = g_strstrip (g_strdup (get_row_text (self->host_row)));
  port_text = g_strstrip (g_strdup (get_row_text (self->port_row)));
  database = g_strstrip (g_strdup (get_row_text (self->database_row)));
  user = g_strstrip (g_strdup (get_row_text (self->user_row)));

  if (*port_text != '\0' &&
      (!g_ascii_string_to_unsigned (port_text, 10, 1, 65535, &port, NULL)))
    {
      g_set_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_INVALID_LOCATION,
                   _("The port must be a number from 1 to 65535, or empty for the usual 5432."));
      return NULL;
    }

  if (*database == '\0')
    {
      g_set_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_INVALID_LOCATION,
                   _("Enter the name of the database that holds the Vigil store."));
      return NULL;
    }

  return vigil_location_new_postgresql (*host != '\0' ? host : NULL,
                                        (guint) port,
                                        database,
                                        *user != '\0' ? user : NULL,
                                        get_row_text (self->password_row));
}

/**
 * vigil_pg_group_set_error:
 * @message: (nullable): what went wrong, NULL to hide the error
 *
 * Shows @message below the fields.
 */
void
vigil_pg_group_set_error (VigilPgGroup *self,
                          const char   *message)
{
  g_autoptr(GString) text = g_string_new (NULL);

  g_return_if_fail (VIGIL_IS_PG_GROUP (self));

  /* Server messages come with line breaks and tabs meant for a terminal. */
  for (const char *c = message; c != NULL && *c != '\0'; c++)
    {
      if (!g_ascii_isspace (*c))
        g_string_append_c (text, *c);
      else if (text->len > 0 && text->str[text->len - 1] != ' ')
        g_string_append_c (text, ' ');
    }
  g_strchomp (text->str);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->error_row), text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->error_row), message != NULL);
}

/**
 * vigil_pg_group_focus_first_empty:
 *
 * Moves the keyboard focus to the first field to fill in.
 */
void
vigil_pg_group_focus_first_empty (VigilPgGroup *self)
{
  AdwEntryRow *rows[] = { self->host_row, self->database_row, self->user_row, self->password_row };

  g_return_if_fail (VIGIL_IS_PG_GROUP (self));

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    {
      if (*get_row_text (rows[i]) == '\0')
        {
          gtk_widget_grab_focus (GTK_WIDGET (rows[i]));
          return;
        }
    }
  gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
}
