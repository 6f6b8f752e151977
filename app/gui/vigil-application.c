/* vigil-application.c: the Vigil application: command line, actions, windows
 *
 * `vigil [--database DB | --demo]`: DB is a SQLite file or
 * postgresql://user:password@host:port/dbname, else $VIGIL_DATABASE; a store named
 * there is opened for this run only. Without either, Vigil opens the store chosen at
 * an earlier start, or shows the welcome page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-application"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-core.h"

#include "vigil-application.h"
#include "vigil-gui.h"
#include "vigil-preferences-window.h"
#include "vigil-window.h"

struct _VigilApplication
{
  AdwApplication parent_instance;

  GSettings *settings;
  GPtrArray *sessions;   /* VigilSession, one per main window, dropped with it */
};

G_DEFINE_FINAL_TYPE (VigilApplication, vigil_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "database", 'd', G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("Open this store for this run: a SQLite file, or postgresql://user:password@host:port/dbname "
       "(default: $VIGIL_DATABASE, else the store chosen earlier)"),
    N_("DB") },
  { "demo", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Open the demo store of synthetic people and incidents"), NULL },
  { "version", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and quit"), NULL },
  { NULL }
};

static VigilWindow *
find_main_window (VigilApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (VIGIL_IS_WINDOW (l->data))
        return l->data;
    }
  return NULL;
}

static VigilWindow *
get_active_main_window (VigilApplication *self)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (VIGIL_IS_WINDOW (active))
    return VIGIL_WINDOW (active);
  if (VIGIL_IS_PREFERENCES_WINDOW (active))
    return vigil_preferences_window_get_window (VIGIL_PREFERENCES_WINDOW (active));
  return find_main_window (self);
}

/* Actions */

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  VigilApplication *self = user_data;
  g_autoptr(GList) windows = NULL;

  /* Close each window so it saves its state, then quit. */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);

  g_application_quit (G_APPLICATION (self));
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  VigilApplication *self = user_data;
  GtkWindow *parent = GTK_WINDOW (get_active_main_window (self));
  static const char *developers[] = { "The Vigil developers", NULL };

  adw_show_about_window (parent,
                         "application-name", _("Vigil"),
                         "application-icon", vigil_gui_get_icon_name (parent ? gtk_widget_get_display (GTK_WIDGET (parent))
                                                                             : gdk_display_get_default ()),
                         "version", PACKAGE_VERSION,
                         "developer-name", "The Vigil developers",
                         "developers", developers,
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "website", "https://vigilapp.org/",
                         "issue-url", "https://vigilapp.org/issues/",
                         "comments", _("Identify, assess and manage serial and high-harm perpetrators of "
                                       "domestic abuse and stalking, with partner agencies. "
                                       "The algorithm indicates; people decide."),
                         "copyright", "© 2026 The Vigil developers",
                         NULL);
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  VigilApplication *self = user_data;
  VigilWindow *window = get_active_main_window (self);
  VigilPreferencesWindow *preferences;

  if (window == NULL)
    return;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (VIGIL_IS_PREFERENCES_WINDOW (l->data) &&
          vigil_preferences_window_get_window (l->data) == window)
        {
          gtk_window_present (l->data);
          return;
        }
    }

  preferences = vigil_preferences_window_new (window);
  gtk_window_present (GTK_WINDOW (preferences));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "about", about_activated },
  { "preferences", preferences_activated },
};

static const struct {
  const char *action;
  const char *accels[3];
} app_accels[] = {
  { "app.quit", { "<Control>q", NULL } },
  { "app.preferences", { "<Control>comma", NULL } },
  { "win.find", { "<Control>f", NULL } },
  { "window.close", { "<Control>w", NULL } },
};

/* GApplication */

static VigilWindow *
create_window (VigilApplication *self)
{
  VigilWindow *window = vigil_window_new (GTK_APPLICATION (self));

  return window;
}

static void
vigil_application_activate (GApplication *app)
{
  VigilApplication *self = VIGIL_APPLICATION (app);
  VigilWindow *window = find_main_window (self);

  if (window == NULL)
    {
      window = create_window (self);
      vigil_window_open_saved_store (window);
    }

  gtk_window_present (GTK_WINDOW (window));
}

static char *
resolve_spec (GApplicationCommandLine *cmdline,
              const char              *spec)
{
  g_autofree char *scheme = g_uri_parse_scheme (spec);
  const char *cwd;

  /* A relative path is relative to where the command ran (which, for a second
   * instance, is not where this process runs). */
  if (scheme != NULL || g_path_is_absolute (spec))
    return g_strdup (spec);

  cwd = g_application_command_line_get_cwd (cmdline);
  if (cwd == NULL)
    return g_strdup (spec);
  return g_build_filename (cwd, spec, NULL);
}

static int
vigil_application_command_line (GApplication            *app,
                                GApplicationCommandLine *cmdline)
{
  VigilApplication *self = VIGIL_APPLICATION (app);
  GVariantDict *options = g_application_command_line_get_options_dict (cmdline);
  g_autoptr(VigilLocation) location = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *spec = NULL;
  const char *database = NULL;
  gboolean demo;
  VigilWindow *window;

  g_variant_dict_lookup (options, "database", "&s", &database);
  demo = g_variant_dict_contains (options, "demo");

  if (demo && database != NULL)
    {
      g_application_command_line_printerr (cmdline, "%s\n",
                                           _("Use either --demo or --database, not both."));
      return 1;
    }

  if (database == NULL && !demo)
    database = g_application_command_line_getenv (cmdline, "VIGIL_DATABASE");

  if (database != NULL && *database != '\0')
    {
      spec = resolve_spec (cmdline, database);
      location = vigil_location_from_environment (spec, &error);
      if (location == NULL)
        {
          g_application_command_line_printerr (cmdline, "%s\n", error->message);
          return 1;
        }
    }

  if (location == NULL && !demo)
    {
      g_application_activate (app);
      return 0;
    }

  /* A store named on the command line gets a window of its own, unless the first
   * window has nothing open yet. */
  window = find_main_window (self);
  if (window == NULL || vigil_window_get_store (window) != NULL ||
      g_strcmp0 (vigil_window_get_page (window), "loading") == 0)
    window = create_window (self);

  if (demo)
    {
      g_autoptr(VigilLocation) demo_location = vigil_location_get_demo ();

      vigil_window_open_location (window, demo_location, VIGIL_OPEN_MODE_DEMO, FALSE);
    }
  else
    vigil_window_open_location (window, location, VIGIL_OPEN_MODE_EXISTING, FALSE);

  gtk_window_present (GTK_WINDOW (window));
  return 0;
}

static int
vigil_application_handle_local_options (GApplication *app,
                                        GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("vigil %s\n", PACKAGE_VERSION);
      return 0;
    }

  return -1;
}

static void
vigil_application_startup (GApplication *app)
{
  VigilApplication *self = VIGIL_APPLICATION (app);

  vigil_gui_init ();

  G_APPLICATION_CLASS (vigil_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions,
                                   G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (app_accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self),
                                           app_accels[i].action,
                                           app_accels[i].accels);
}

/* A main window went: its session (and the store it holds open) goes with it. */
static void
vigil_application_window_removed (GtkApplication *app,
                                  GtkWindow      *window)
{
  VigilApplication *self = VIGIL_APPLICATION (app);

  if (VIGIL_IS_WINDOW (window))
    g_ptr_array_remove (self->sessions, vigil_window_get_session (VIGIL_WINDOW (window)));

  GTK_APPLICATION_CLASS (vigil_application_parent_class)->window_removed (app, window);
}

static void
vigil_application_dispose (GObject *object)
{
  VigilApplication *self = VIGIL_APPLICATION (object);

  g_clear_pointer (&self->sessions, g_ptr_array_unref);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (vigil_application_parent_class)->dispose (object);
}

static void
vigil_application_class_init (VigilApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);
  GtkApplicationClass *gtk_app_class = GTK_APPLICATION_CLASS (klass);

  object_class->dispose = vigil_application_dispose;
  gtk_app_class->window_removed = vigil_application_window_removed;

  app_class->activate = vigil_application_activate;
  app_class->command_line = vigil_application_command_line;
  app_class->handle_local_options = vigil_application_handle_local_options;
  app_class->startup = vigil_application_startup;
}

static void
vigil_application_init (VigilApplication *self)
{
  self->sessions = g_ptr_array_new_with_free_func (g_object_unref);
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), NULL);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Identify, assess and manage serial perpetrators of "
                                              "domestic abuse and stalking."));
}

/**
 * vigil_application_new:
 * @application_id: the application id (APPLICATION_ID)
 * @flags: extra flags (tests add G_APPLICATION_NON_UNIQUE)
 *
 * Returns: (transfer full): the application
 */
VigilApplication *
vigil_application_new (const char        *application_id,
                       GApplicationFlags  flags)
{
  g_return_val_if_fail (application_id != NULL, NULL);

  return g_object_new (VIGIL_TYPE_APPLICATION,
                       "application-id", application_id,
                       "flags", flags | G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", VIGIL_RESOURCE_PATH,
                       NULL);
}

/**
 * vigil_application_add_session:
 *
 * A new session for a main window: the application keeps it while the window is
 * open (the preferences find it through the window).
 *
 * Returns: (transfer none): the session
 */
VigilSession *
vigil_application_add_session (VigilApplication *self)
{
  VigilSession *session;

  g_return_val_if_fail (VIGIL_IS_APPLICATION (self), NULL);

  if (self->settings == NULL)
    self->settings = g_settings_new (VIGIL_SETTINGS_SCHEMA_ID);
  session = vigil_session_new (self->settings);
  g_ptr_array_add (self->sessions, session);
  return session;
}
