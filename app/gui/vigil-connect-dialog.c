/* vigil-connect-dialog.c: asks where a PostgreSQL store is, and connects to it
 *
 * The dialog opens the store itself (off the main thread) so that a wrong address or
 * password is shown next to the fields; only a store that opened leaves it, through
 * the ::connected signal.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-connect-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-connect-dialog.h"
#include "vigil-pg-group.h"
#include "vigil-store-loader.h"

struct _VigilConnectDialog
{
  AdwWindow parent_instance;

  /* Template widgets */
  GtkButton    *cancel_button;
  GtkButton    *connect_button;
  GtkStack     *connect_stack;
  GtkSpinner   *spinner;
  VigilPgGroup *pg_group;

  /* Owned references */
  GCancellable  *cancellable;
  VigilLocation *location;  /* being connected to */
};

G_DEFINE_FINAL_TYPE (VigilConnectDialog, vigil_connect_dialog, ADW_TYPE_WINDOW)

enum {
  CONNECTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
set_busy (VigilConnectDialog *self,
          gboolean            busy)
{
  /* Move the focus out of the fields before they turn insensitive (GTK 4.8 warns
   * when a focused text field is disabled), to Cancel, which stays usable. */
  if (busy)
    gtk_widget_grab_focus (GTK_WIDGET (self->cancel_button));
  gtk_widget_set_sensitive (GTK_WIDGET (self->pg_group), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->connect_button), !busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_stack_set_visible_child_name (self->connect_stack, busy ? "spinner" : "label");
}

static void
store_opened_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(VigilConnectDialog) self = user_data;
  g_autoptr(VigilStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = vigil_open_store_finish (result, &error);

  /* Closed while connecting: drop whatever came back. */
  if (self->cancellable == NULL || g_cancellable_is_cancelled (self->cancellable))
    return;

  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);

  if (store == NULL)
    {
      vigil_pg_group_focus_first_empty (self->pg_group);
      if (self->location->password == NULL &&
          vigil_error_wants_password (error, self->location))
        vigil_pg_group_set_error (self->pg_group,
                                  _("The server asks for a password. Enter it and connect again."));
      else
        vigil_pg_group_set_error (self->pg_group, error->message);
      return;
    }

  g_signal_emit (self, signals[CONNECTED], 0, store);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
connect_clicked_cb (VigilConnectDialog *self)
{
  g_autoptr(VigilLocation) location = NULL;
  g_autoptr(GError) error = NULL;

  if (self->cancellable != NULL)
    return;

  location = vigil_pg_group_dup_location (self->pg_group, &error);
  if (location == NULL)
    {
      vigil_pg_group_set_error (self->pg_group, error->message);
      return;
    }

  vigil_pg_group_set_error (self->pg_group, NULL);
  set_busy (self, TRUE);

  g_clear_pointer (&self->location, vigil_location_free);
  self->location = g_steal_pointer (&location);
  self->cancellable = g_cancellable_new ();
  vigil_open_store_async (self->location, VIGIL_OPEN_MODE_EXISTING, self->cancellable,
                          store_opened_cb, g_object_ref (self));
}

static gboolean
vigil_connect_dialog_close_request (GtkWindow *window)
{
  VigilConnectDialog *self = VIGIL_CONNECT_DIALOG (window);

  g_cancellable_cancel (self->cancellable);

  return GTK_WINDOW_CLASS (vigil_connect_dialog_parent_class)->close_request (window);
}

static void
vigil_connect_dialog_dispose (GObject *object)
{
  VigilConnectDialog *self = (VigilConnectDialog *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->location, vigil_location_free);

  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIL_TYPE_CONNECT_DIALOG);

  G_OBJECT_CLASS (vigil_connect_dialog_parent_class)->dispose (object);
}

static void
vigil_connect_dialog_class_init (VigilConnectDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = vigil_connect_dialog_dispose;
  window_class->close_request = vigil_connect_dialog_close_request;

  /**
   * VigilConnectDialog::connected:
   * @store: the store that opened
   *
   * The store opened; the dialog closes after this signal.
   */
  signals[CONNECTED] =
    g_signal_new ("connected",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, VIGIL_TYPE_STORE);

  g_type_ensure (VIGIL_TYPE_PG_GROUP);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/vigilapp/Vigil/ui/vigil-connect-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, VigilConnectDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, VigilConnectDialog, connect_button);
  gtk_widget_class_bind_template_child (widget_class, VigilConnectDialog, connect_stack);
  gtk_widget_class_bind_template_child (widget_class, VigilConnectDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, VigilConnectDialog, pg_group);
  gtk_widget_class_bind_template_callback (widget_class, connect_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
vigil_connect_dialog_init (VigilConnectDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * vigil_connect_dialog_new:
 * @parent: (nullable): the window the dialog belongs to
 * @settings: (nullable): settings to fill the fields from (pg-* keys)
 *
 * Returns: (transfer none): a new dialog, owned by the window list
 */
VigilConnectDialog *
vigil_connect_dialog_new (GtkWindow *parent,
                          GSettings *settings)
{
  VigilConnectDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  self = g_object_new (VIGIL_TYPE_CONNECT_DIALOG,
                       "transient-for", parent,
                       NULL);
  if (settings != NULL)
    vigil_pg_group_load_settings (self->pg_group, settings);
  vigil_pg_group_focus_first_empty (self->pg_group);

  return self;
}

/**
 * vigil_connect_dialog_set_location:
 * @location: a PostgreSQL location to fill the fields from
 */
void
vigil_connect_dialog_set_location (VigilConnectDialog  *self,
                                   const VigilLocation *location)
{
  g_return_if_fail (VIGIL_IS_CONNECT_DIALOG (self));

  vigil_pg_group_set_location (self->pg_group, location);
  vigil_pg_group_focus_first_empty (self->pg_group);
}

/**
 * vigil_connect_dialog_set_error:
 * @message: (nullable): why the last connection failed
 */
void
vigil_connect_dialog_set_error (VigilConnectDialog *self,
                                const char         *message)
{
  g_return_if_fail (VIGIL_IS_CONNECT_DIALOG (self));

  vigil_pg_group_set_error (self->pg_group, message);
}
