/* vigil-preferences-window.c: the store in use, and privacy
 *
 * The "Database" page says which store is open and opens another one (a file, the
 * default file or a PostgreSQL server) in a worker thread; only a store that opened
 * replaces the one in the main window, so a mistyped address loses nothing. The
 * "Privacy" page holds the show-victim-names setting.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-gui.h"
#include "vigil-pg-group.h"
#include "vigil-preferences-window.h"
#include "vigil-store-loader.h"

struct _VigilPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  /* Template widgets */
  GtkSpinner           *spinner;
  AdwActionRow         *contents_row;
  AdwActionRow         *engine_row;
  AdwActionRow         *location_row;
  AdwActionRow         *schema_row;
  AdwPreferencesGroup  *sqlite_group;
  AdwActionRow         *default_file_row;
  GtkWidget            *default_file_button;
  VigilPgGroup         *pg_group;
  GtkWidget            *connect_button;
  GtkSwitch            *victim_names_switch;

  /* Owned references */
  GSettings            *settings;
  GCancellable         *cancellable;
  VigilLocation        *opening;
  GtkFileChooserNative *file_chooser;

  /* Borrowed references */
  VigilWindow          *window;        /* weak: the parent, and where the session comes from */
  VigilSession         *session;       /* the store shown and changed here */
};

G_DEFINE_FINAL_TYPE (VigilPreferencesWindow, vigil_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_WINDOW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_row_subtitle (AdwActionRow *row,
                  const char   *text)
{
  g_autofree char *escaped = g_markup_escape_text (text ? text : "", -1);

  adw_action_row_set_subtitle (row, escaped);
}

static void
update_current_store (VigilPreferencesWindow *self)
{
  VigilStore *store = self->session ? vigil_session_get_store (self->session) : NULL;

  if (store == NULL)
    {
      set_row_subtitle (self->contents_row, _("No store is open"));
      set_row_subtitle (self->engine_row, "—");
      set_row_subtitle (self->location_row, "—");
      set_row_subtitle (self->schema_row, "—");
    }
  else
    {
      g_autofree char *engine = vigil_describe_store_engine (store);
      g_autofree char *location = vigil_location_to_display_string (vigil_store_get_location (store));
      g_autofree char *schema = g_strdup_printf ("%d", vigil_store_get_schema_version (store));

      set_row_subtitle (self->contents_row,
                        vigil_store_get_kind (store) == VIGIL_STORE_KIND_DEMO
                        ? _("Demo data: synthetic people and incidents, not real records")
                        : _("Real records"));
      set_row_subtitle (self->engine_row, engine);
      set_row_subtitle (self->location_row, location);
      set_row_subtitle (self->schema_row, schema);
    }
}

static void
session_store_changed_cb (VigilPreferencesWindow *self)
{
  update_current_store (self);
}

static void
set_busy (VigilPreferencesWindow *self,
          gboolean                busy)
{
  /* Move the focus out of the fields before they turn insensitive (GTK 4.8 warns
   * when a focused text field is disabled). */
  if (busy)
    gtk_root_set_focus (GTK_ROOT (self), NULL);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->sqlite_group), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->pg_group), !busy);
}

static void
show_failure (VigilPreferencesWindow *self,
              const GError           *error)
{
  g_autofree char *title = vigil_describe_open_error (error);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), title, error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
store_opened_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(VigilPreferencesWindow) self = user_data;
  g_autoptr(VigilStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *display = NULL;
  const VigilLocation *location;

  store = vigil_open_store_finish (result, &error);

  if (self->cancellable == NULL ||
      g_task_get_cancellable (G_TASK (result)) != self->cancellable ||
      g_cancellable_is_cancelled (self->cancellable))
    return;

  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);

  if (store == NULL)
    {
      if (self->opening->engine == VIGIL_ENGINE_POSTGRESQL)
        {
          if (self->opening->password == NULL && vigil_error_wants_password (error, self->opening))
            {
              vigil_pg_group_set_error (self->pg_group,
                                        _("The server asks for a password. Enter it and connect again."));
              vigil_pg_group_focus_first_empty (self->pg_group);
            }
          else
            vigil_pg_group_set_error (self->pg_group, error->message);
        }
      else
        show_failure (self, error);
      return;
    }

  /* the session's windows follow it */
  if (self->session != NULL)
    vigil_session_set_store (self->session, store, TRUE);

  location = vigil_store_get_location (store);
  display = location->engine == VIGIL_ENGINE_POSTGRESQL ? g_strdup (location->dbname)
                                                        : g_path_get_basename (location->path);
  /* Translators: %s is a file name or a PostgreSQL database name */
  message = g_strdup_printf (_("Opened “%s”"), display);
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (message));
}

static void
open_store (VigilPreferencesWindow *self,
            VigilLocation          *location,
            VigilOpenMode           mode)
{
  VigilStore *current = self->session ? vigil_session_get_store (self->session) : NULL;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  if (current != NULL && vigil_location_equal (vigil_store_get_location (current), location))
    {
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                        adw_toast_new (_("This store is already open")));
      vigil_location_free (location);
      return;
    }

  g_clear_pointer (&self->opening, vigil_location_free);
  self->opening = location;
  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);

  vigil_open_store_async (self->opening, mode, self->cancellable,
                          store_opened_cb, g_object_ref (self));
}

static void
file_chooser_response_cb (GtkNativeDialog        *native,
                          int                     response,
                          VigilPreferencesWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path == NULL)
        adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                          adw_toast_new (_("Vigil can only open store files on this computer")));
      else
        open_store (self, vigil_location_new_sqlite (path), VIGIL_OPEN_MODE_EXISTING);
    }

  g_clear_object (&self->file_chooser);
}

static void
choose_file_clicked_cb (VigilPreferencesWindow *self)
{
  g_autoptr(GtkFileFilter) stores = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  if (self->file_chooser == NULL)
    {
      self->file_chooser = gtk_file_chooser_native_new (_("Open Store"),
                                                        GTK_WINDOW (self),
                                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                                        _("_Open"),
                                                        _("_Cancel"));
      gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->file_chooser), TRUE);
      gtk_file_filter_set_name (stores, _("Vigil stores"));
      gtk_file_filter_add_pattern (stores, "*.db");
      gtk_file_filter_add_pattern (stores, "*.sqlite");
      gtk_file_filter_add_pattern (stores, "*.sqlite3");
      gtk_file_filter_add_pattern (stores, "*.vigil");
      gtk_file_filter_set_name (all, _("All files"));
      gtk_file_filter_add_pattern (all, "*");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->file_chooser), stores);
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->file_chooser), all);
      g_signal_connect_object (self->file_chooser, "response",
                               G_CALLBACK (file_chooser_response_cb), self, 0);
    }

  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->file_chooser));
}

static void
default_file_clicked_cb (VigilPreferencesWindow *self)
{
  open_store (self, vigil_location_get_default (), VIGIL_OPEN_MODE_CREATE);
}

static void
connect_clicked_cb (VigilPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  VigilLocation *location;

  location = vigil_pg_group_dup_location (self->pg_group, &error);
  if (location == NULL)
    {
      vigil_pg_group_set_error (self->pg_group, error->message);
      return;
    }

  vigil_pg_group_set_error (self->pg_group, NULL);
  open_store (self, location, VIGIL_OPEN_MODE_EXISTING);
}

static void
vigil_preferences_window_constructed (GObject *object)
{
  VigilPreferencesWindow *self = (VigilPreferencesWindow *)object;
  g_autoptr(VigilLocation) default_location = vigil_location_get_default ();
  VigilStore *store;

  G_OBJECT_CLASS (vigil_preferences_window_parent_class)->constructed (object);

  set_row_subtitle (self->default_file_row, default_location->path);

  store = self->session ? vigil_session_get_store (self->session) : NULL;
  if (store != NULL && vigil_store_get_engine (store) == VIGIL_ENGINE_POSTGRESQL)
    vigil_pg_group_set_location (self->pg_group, vigil_store_get_location (store));
  else
    vigil_pg_group_load_settings (self->pg_group, self->settings);

  if (self->window != NULL)
    g_set_object (&self->session, vigil_window_get_session (self->window));
  if (self->session != NULL)
    g_signal_connect_object (self->session, "notify::store",
                             G_CALLBACK (session_store_changed_cb), self,
                             G_CONNECT_SWAPPED);
  update_current_store (self);
}

static void
vigil_preferences_window_dispose (GObject *object)
{
  VigilPreferencesWindow *self = (VigilPreferencesWindow *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->file_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->file_chooser));
  g_clear_object (&self->file_chooser);

  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIL_TYPE_PREFERENCES_WINDOW);

  g_clear_object (&self->settings);
  g_clear_pointer (&self->opening, vigil_location_free);
  g_clear_weak_pointer (&self->window);
  g_clear_object (&self->session);

  G_OBJECT_CLASS (vigil_preferences_window_parent_class)->dispose (object);
}

static void
vigil_preferences_window_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  VigilPreferencesWindow *self = VIGIL_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_WINDOW:
      g_value_set_object (value, self->window);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_preferences_window_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  VigilPreferencesWindow *self = VIGIL_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_WINDOW:
      g_set_weak_pointer (&self->window, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_preferences_window_class_init (VigilPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = vigil_preferences_window_constructed;
  object_class->dispose = vigil_preferences_window_dispose;
  object_class->get_property = vigil_preferences_window_get_property;
  object_class->set_property = vigil_preferences_window_set_property;

  properties[PROP_WINDOW] =
    g_param_spec_object ("window", NULL, "The main window whose store is shown",
                         VIGIL_TYPE_WINDOW,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (VIGIL_TYPE_PG_GROUP);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/vigilapp/Vigil/ui/vigil-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, VigilPreferencesWindow, spinner);
  gtk_widget_class_bind_template_child (widget_class, VigilPreferencesWindow, contents_row);
  gtk_widget_class_bind_template_child (widget_class, VigilPreferencesWindow, engine_row);
  gtk_widget_class_bind_template_child (widget_class, VigilPreferencesWindow, location_row);
  gtk_widget_class_bind_template_child (widget_class, VigilPreferencesWindow, schema_row);
  gtk_widget_class_bind_template_child (widget_class, VigilPreferencesWindow, sqlite_group);
  gtk_widget_class_bind_template_child (widget_class, VigilPreferencesWindow, default_file_row);
  gtk_widget_class_bind_template_child (widget_class, VigilPreferencesWindow, default_file_button);
  gtk_widget_class_bind_template_child (widget_class, VigilPreferencesWindow, pg_group);
  gtk_widget_class_bind_template_child (widget_class, VigilPreferencesWindow, connect_button);
  gtk_widget_class_bind_template_child (widget_class, VigilPreferencesWindow, victim_names_switch);
  gtk_widget_class_bind_template_callback (widget_class, choose_file_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, default_file_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, connect_clicked_cb);
}

static void
vigil_preferences_window_init (VigilPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (VIGIL_SETTINGS_SCHEMA_ID);
  g_settings_bind (self->settings, "show-victim-names",
                   self->victim_names_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
}

/**
 * vigil_preferences_window_new:
 * @window: the main window whose store the preferences show and change
 *
 * Returns: (transfer none): a new preferences window, transient for @window
 */
VigilPreferencesWindow *
vigil_preferences_window_new (VigilWindow *window)
{
  g_return_val_if_fail (VIGIL_IS_WINDOW (window), NULL);

  return g_object_new (VIGIL_TYPE_PREFERENCES_WINDOW,
                       "window", window,
                       "transient-for", window,
                       "application", gtk_window_get_application (GTK_WINDOW (window)),
                       NULL);
}

/**
 * vigil_preferences_window_get_window:
 *
 * Returns: (nullable) (transfer none): the main window
 */
VigilWindow *
vigil_preferences_window_get_window (VigilPreferencesWindow *self)
{
  g_return_val_if_fail (VIGIL_IS_PREFERENCES_WINDOW (self), NULL);
  return self->window;
}
