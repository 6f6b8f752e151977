/* vigil-window.c: the main window: welcome, opening, error and the cohort views
 *
 * The window owns the open store. Its content is a stack of pages:
 *  - "welcome": nothing chosen yet (first start, or "Choose Another Store");
 *  - "loading": a store is being opened in a worker thread;
 *  - "error":   the store could not be opened and no other store is open;
 *  - "main":    the views of the open store (only the cohort list so far), and over
 *               them a person's dossier (win.open-dossier; Back, Alt+Left or Escape).
 * When switching to another store fails while one is open, the open one stays and a
 * dialog says why.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-window"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-connect-dialog.h"
#include "vigil-dossier-page.h"
#include "vigil-duplicates-dialog.h"
#include "vigil-gui.h"
#include "vigil-identification-view.h"
#include "vigil-evaluation-view.h"
#include "vigil-panel-view.h"
#include "vigil-import-dialog.h"
#include "vigil-referral-dialog.h"
#include "vigil-welcome-page.h"
#include "vigil-window.h"
#include "vigil-session.h"
#include "vigil-application.h"

struct _VigilWindow
{
  AdwApplicationWindow parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwHeaderBar         *header_bar;
  AdwViewSwitcherTitle *switcher_title;
  AdwViewSwitcherBar   *switcher_bar;
  GtkMenuButton        *primary_menu_button;
  GtkWidget            *demo_banner;
  GtkStack             *main_stack;
  VigilWelcomePage     *welcome_page;
  AdwStatusPage        *loading_page;
  GtkSpinner           *loading_spinner;
  AdwStatusPage        *error_page;
  GtkWidget            *password_button;
  GtkStack             *content_stack;
  AdwViewStack         *view_stack;
  VigilCohortView      *cohort_view;
  VigilIdentificationView *identification_view;
  VigilPanelView *panel_view;
  VigilEvaluationView *evaluation_view;
  VigilDossierPage     *dossier_page;

  /* Owned references */
  GSettings            *settings;
  VigilSession         *session;     /* the store shown; shared with the preferences */
  VigilStore           *store;
  GCancellable         *open_cancellable;
  VigilLocation        *pending_location; /* being opened, or the last that failed */
  GError               *pending_error;    /* why it failed */
  GtkFileChooserNative *file_chooser;
  GWeakRef              focus_before_dossier; /* focused when the dossier opened */

  VigilOpenMode         pending_mode;
  guint                 pending_remember : 1;
};

G_DEFINE_FINAL_TYPE (VigilWindow, vigil_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_PAGE,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void open_location (VigilWindow         *self,
                           const VigilLocation *location,
                           VigilOpenMode        mode,
                           gboolean             remember);

static char *
dup_store_short_name (VigilStore *store)
{
  const VigilLocation *location = vigil_store_get_location (store);

  if (vigil_store_get_kind (store) == VIGIL_STORE_KIND_DEMO)
    return g_strdup (_("Demo"));
  if (location->engine == VIGIL_ENGINE_POSTGRESQL)
    return g_strdup (location->dbname);
  return g_path_get_basename (location->path);
}

static gboolean
is_main_page (VigilWindow *self)
{
  return self->store != NULL &&
         g_strcmp0 (gtk_stack_get_visible_child_name (self->main_stack), "main") == 0;
}

static gboolean
is_dossier_shown (VigilWindow *self)
{
  return is_main_page (self) &&
         g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "dossier") == 0;
}

/* After the layout: title-visible is current then (it is stale while the switcher
 * was just enabled), and without animations GTK 4.8's revealer does not resize when
 * it closes during a layout, which left an empty strip under the pages. */
static gboolean
sync_switcher_bar_cb (gpointer user_data)
{
  VigilWindow *self = user_data;

  if (self->switcher_bar == NULL)
    return G_SOURCE_REMOVE;

  adw_view_switcher_bar_set_reveal (self->switcher_bar,
                                    is_main_page (self) && !is_dossier_shown (self) &&
                                    adw_view_switcher_title_get_title_visible (self->switcher_title));
  gtk_widget_queue_resize (GTK_WIDGET (self->switcher_bar));
  return G_SOURCE_REMOVE;
}

static void
update_chrome (VigilWindow *self)
{
  gboolean is_main = is_main_page (self);
  gboolean is_dossier = is_dossier_shown (self);
  gboolean is_demo = is_main && vigil_store_get_kind (self->store) == VIGIL_STORE_KIND_DEMO;
  gboolean can_retry = self->pending_location != NULL;
  gboolean is_pg = can_retry && self->pending_location->engine == VIGIL_ENGINE_POSTGRESQL;

  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, is_main && !is_dossier);
  adw_view_switcher_bar_set_reveal (self->switcher_bar,
                                    is_main && !is_dossier &&
                                    adw_view_switcher_title_get_title_visible (self->switcher_title));
  g_idle_add_full (G_PRIORITY_LOW, sync_switcher_bar_cb, g_object_ref (self), g_object_unref);
  gtk_widget_set_visible (self->demo_banner, is_demo);
  gtk_widget_set_visible (self->password_button, is_pg);

  if (is_main)
    {
      g_autofree char *location = vigil_location_to_display_string (vigil_store_get_location (self->store));
      g_autofree char *short_name = dup_store_short_name (self->store);
      /* Translators: the window title: "store name — Vigil" */
      g_autofree char *title = g_strdup_printf (_("%s — Vigil"), short_name);

      adw_view_switcher_title_set_subtitle (self->switcher_title, location);
      gtk_window_set_title (GTK_WINDOW (self), title);
    }
  else
    {
      adw_view_switcher_title_set_subtitle (self->switcher_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("Vigil"));
    }

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.find", is_main);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.import", is_main);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.refer", is_main);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.review-duplicates", is_main);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.refresh", is_main);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-dossier", is_main);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.close-dossier", is_dossier);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.retry-open", can_retry);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.enter-password", is_pg);
}

static void
set_page (VigilWindow *self,
          const char  *name)
{
  gtk_stack_set_visible_child_name (self->main_stack, name);
  gtk_spinner_set_spinning (self->loading_spinner, g_str_equal (name, "loading"));
  update_chrome (self);

  if (g_str_equal (name, "welcome"))
    gtk_widget_grab_focus (GTK_WIDGET (self->welcome_page));
  else if (g_str_equal (name, "main"))
    vigil_cohort_view_focus_search (self->cohort_view);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

static void
show_loading (VigilWindow *self)
{
  if (self->pending_mode == VIGIL_OPEN_MODE_DEMO)
    {
      adw_status_page_set_title (self->loading_page, _("Opening the Demo…"));
      adw_status_page_set_description (self->loading_page,
                                       _("The first time, Vigil makes up its synthetic people and incidents, "
                                         "which takes a little while."));
    }
  else
    {
      g_autofree char *display = vigil_location_to_display_string (self->pending_location);
      g_autofree char *escaped = g_markup_escape_text (display, -1);

      adw_status_page_set_title (self->loading_page, _("Opening the Store…"));
      adw_status_page_set_description (self->loading_page, escaped);
    }

  set_page (self, "loading");
}

static void
show_open_failure (VigilWindow  *self,
                   const GError *error)
{
  g_autofree char *title = vigil_describe_open_error (error);

  if (self->store != NULL)
    {
      AdwMessageDialog *dialog;

      /* Keep the store that is open, and say why the other one is not. */
      set_page (self, "main");
      dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), title, error->message));
      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      adw_message_dialog_set_default_response (dialog, "close");
      adw_message_dialog_set_close_response (dialog, "close");
      gtk_window_present (GTK_WINDOW (dialog));
    }
  else
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      adw_status_page_set_title (self->error_page, title);
      adw_status_page_set_description (self->error_page, escaped);
      set_page (self, "error");
    }
}

static void
password_dialog_response_cb (AdwMessageDialog *dialog,
                             const char       *response,
                             VigilWindow      *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autoptr(VigilLocation) location = NULL;

  /* Cancelled: the error page (or the store still open) is already showing. */
  if (g_strcmp0 (response, "connect") != 0 || self->pending_location == NULL)
    return;

  location = vigil_location_copy (self->pending_location);
  g_clear_pointer (&location->password, g_free);
  location->password = g_strdup (gtk_editable_get_text (entry));
  gtk_editable_set_text (entry, "");

  open_location (self, location, self->pending_mode, self->pending_remember);
}

static void
ask_for_password (VigilWindow *self)
{
  g_autofree char *display = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  g_return_if_fail (self->pending_location != NULL);

  display = vigil_location_to_display_string (self->pending_location);
  if (self->pending_location->password != NULL)
    /* Translators: %s is a PostgreSQL address without the password */
    body = g_strdup_printf (_("The server did not accept the password for %s. Try again."), display);
  else
    /* Translators: %s is a PostgreSQL address without the password */
    body = g_strdup_printf (_("Enter the password for %s. It is used for this session only and never saved."),
                            display);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Password Needed"), body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "connect", _("C_onnect"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "connect", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "connect");
  adw_message_dialog_set_close_response (dialog, "cancel");

  entry = gtk_password_entry_new ();
  gtk_password_entry_set_show_peek_icon (GTK_PASSWORD_ENTRY (entry), TRUE);
  g_object_set (entry, "activates-default", TRUE, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Password"),
                                  -1);
  adw_message_dialog_set_extra_child (dialog, entry);

  g_signal_connect_object (dialog, "response",
                           G_CALLBACK (password_dialog_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
show_store (VigilWindow *self)
{
  adw_view_stack_set_visible_child_name (self->view_stack, "cohort");
  gtk_stack_set_visible_child_name (self->content_stack, "views");
  set_page (self, "main");
}

/* The session's store changed (opened here, or from the preferences): the views follow. */
static void
session_store_changed_cb (VigilWindow  *self,
                          GParamSpec   *pspec,
                          VigilSession *session)
{
  VigilStore *store = vigil_session_get_store (session);

  if (store == NULL || !g_set_object (&self->store, store))
    return;

  /* a store set elsewhere supersedes one being opened here */
  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  g_clear_error (&self->pending_error);
  g_clear_pointer (&self->pending_location, vigil_location_free);
  self->pending_location = vigil_location_copy (vigil_store_get_location (store));
  self->pending_mode = VIGIL_OPEN_MODE_EXISTING;

  /* a far server: connections for the views' workers, opened meanwhile */
  vigil_store_warm_up (store);
  vigil_cohort_view_set_store (self->cohort_view, store);
  vigil_identification_view_set_store (self->identification_view, store);
  vigil_panel_view_set_store (self->panel_view, store);
  vigil_evaluation_view_set_store (self->evaluation_view, store);
  vigil_dossier_page_set_store (self->dossier_page, store);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STORE]);
  show_store (self);
}

static void
adopt_store (VigilWindow *self,
             VigilStore  *store,
             gboolean     remember)
{
  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  g_clear_error (&self->pending_error);

  vigil_session_set_store (self->session, store, remember);
  show_store (self);
}

static void
store_opened_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(VigilWindow) self = user_data;
  g_autoptr(VigilStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = vigil_open_store_finish (result, &error);

  /* Superseded by another open, cancelled, or the window closed meanwhile. */
  if (self->open_cancellable == NULL ||
      g_task_get_cancellable (G_TASK (result)) != self->open_cancellable ||
      g_cancellable_is_cancelled (self->open_cancellable))
    return;

  g_clear_object (&self->open_cancellable);

  if (store == NULL)
    {
      g_debug ("Could not open the store: %s", error->message);
      g_clear_error (&self->pending_error);
      self->pending_error = g_error_copy (error);

      if (vigil_error_wants_password (error, self->pending_location))
        {
          if (self->store != NULL)
            set_page (self, "main");
          else
            show_open_failure (self, error);
          ask_for_password (self);
        }
      else
        show_open_failure (self, error);
      return;
    }

  adopt_store (self, store, self->pending_remember);
}

static void
open_location (VigilWindow         *self,
               const VigilLocation *location,
               VigilOpenMode        mode,
               gboolean             remember)
{
  VigilLocation *copy = vigil_location_copy (location);

  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  g_clear_pointer (&self->pending_location, vigil_location_free);
  g_clear_error (&self->pending_error);

  self->pending_location = copy;
  self->pending_mode = mode;
  self->pending_remember = !!remember;
  self->open_cancellable = g_cancellable_new ();

  show_loading (self);

  vigil_open_store_async (self->pending_location, mode, self->open_cancellable,
                          store_opened_cb, g_object_ref (self));
}

/* Actions */

static void
create_store_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  g_autoptr(VigilLocation) location = vigil_location_get_default ();

  open_location (VIGIL_WINDOW (widget), location, VIGIL_OPEN_MODE_CREATE, TRUE);
}

static void
open_demo_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  g_autoptr(VigilLocation) location = vigil_location_get_demo ();

  open_location (VIGIL_WINDOW (widget), location, VIGIL_OPEN_MODE_DEMO, FALSE);
}

static void
connect_dialog_connected_cb (VigilWindow        *self,
                             VigilStore         *store,
                             VigilConnectDialog *dialog)
{
  vigil_window_set_store (self, store, TRUE);
}

static void
connect_postgresql_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  VigilWindow *self = VIGIL_WINDOW (widget);
  VigilConnectDialog *dialog;

  dialog = vigil_connect_dialog_new (GTK_WINDOW (self), self->settings);
  if (self->pending_location != NULL && self->pending_location->engine == VIGIL_ENGINE_POSTGRESQL)
    vigil_connect_dialog_set_location (dialog, self->pending_location);
  g_signal_connect_object (dialog, "connected",
                           G_CALLBACK (connect_dialog_connected_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
file_chooser_response_cb (GtkNativeDialog *native,
                          int              response,
                          VigilWindow     *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
      g_autofree char *path = file ? g_file_get_path (file) : NULL;

      if (path == NULL)
        {
          vigil_window_add_toast (self, adw_toast_new (_("Vigil can only open store files on this computer")));
        }
      else
        {
          g_autoptr(VigilLocation) location = vigil_location_new_sqlite (path);

          open_location (self, location, VIGIL_OPEN_MODE_EXISTING, TRUE);
        }
    }

  g_clear_object (&self->file_chooser);
}

static void
open_file_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  VigilWindow *self = VIGIL_WINDOW (widget);
  g_autoptr(GtkFileFilter) stores = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  g_autofree char *default_dir = vigil_location_get_default_dir ();

  if (self->file_chooser != NULL)
    {
      gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->file_chooser));
      return;
    }

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

  if (g_file_test (default_dir, G_FILE_TEST_IS_DIR))
    {
      g_autoptr(GFile) folder = g_file_new_for_path (default_dir);

      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->file_chooser), folder, NULL);
    }

  g_signal_connect_object (self->file_chooser, "response",
                           G_CALLBACK (file_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->file_chooser));
}

static void
retry_open_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  VigilWindow *self = VIGIL_WINDOW (widget);

  if (self->pending_location != NULL)
    open_location (self, self->pending_location, self->pending_mode, self->pending_remember);
}

static void
enter_password_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  VigilWindow *self = VIGIL_WINDOW (widget);

  if (self->pending_location != NULL && self->pending_location->engine == VIGIL_ENGINE_POSTGRESQL)
    ask_for_password (self);
}

static void
show_welcome_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  vigil_window_show_welcome (VIGIL_WINDOW (widget));
}

static void
cancel_open_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  VigilWindow *self = VIGIL_WINDOW (widget);

  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);

  set_page (self, self->store != NULL ? "main" : "welcome");
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  VigilWindow *self = VIGIL_WINDOW (widget);

  if (!is_main_page (self))
    return;
  if (g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "identification") == 0)
    vigil_identification_view_focus_search (self->identification_view);
  else
    vigil_cohort_view_focus_search (self->cohort_view);
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  VigilWindow *self = VIGIL_WINDOW (widget);

  if (!is_main_page (self))
    return;

  adw_view_stack_set_visible_child_name (self->view_stack, "identification");
  vigil_identification_view_refresh (self->identification_view);
}

static void
import_dialog_imported_cb (VigilWindow       *self,
                           guint64            rows_imported,
                           guint64            people_created,
                           VigilImportDialog *dialog)
{
  VigilPeopleModel *model = vigil_cohort_view_get_model (self->cohort_view);
  g_autofree char *count = g_strdup_printf ("%'" G_GUINT64_FORMAT, rows_imported);
  g_autofree char *title = NULL;

  /* Only if the dialog's store is still the one shown; the cohort list reloads on the
   * store's "changed". */
  if (model == NULL || vigil_import_dialog_get_store (dialog) != self->store)
    return;

  /* Translators: a toast after an import; %s is a number of incidents */
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s incident imported", "%s incidents imported",
                                        (gulong) MIN (rows_imported, G_MAXULONG)),
                           count);
  vigil_window_add_toast (self, adw_toast_new (title));
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  VigilWindow *self = VIGIL_WINDOW (widget);
  VigilImportDialog *dialog;

  if (!is_main_page (self))
    return;

  dialog = vigil_import_dialog_new (GTK_WINDOW (self), self->store);
  g_signal_connect_object (dialog, "imported",
                           G_CALLBACK (import_dialog_imported_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
referral_dialog_referred_cb (VigilWindow         *self,
                             gint64               person_id,
                             gint64               entry_id,
                             const char          *message,
                             VigilReferralDialog *dialog)
{
  /* the cohort list reloads on the store's "changed" */
  vigil_window_add_toast (self, adw_toast_new (message));
}

static void
refer_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  VigilWindow *self = VIGIL_WINDOW (widget);
  VigilReferralDialog *dialog;

  if (!is_main_page (self))
    return;

  dialog = vigil_referral_dialog_new (GTK_WINDOW (self), self->store);
  g_signal_connect_object (dialog, "referred",
                           G_CALLBACK (referral_dialog_referred_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
review_duplicates_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  VigilWindow *self = VIGIL_WINDOW (widget);
  VigilDuplicatesDialog *dialog;

  if (!is_main_page (self))
    return;

  /* a merge or keep-apart reaches the cohort list through the store's "changed" */
  dialog = vigil_duplicates_dialog_new (GTK_WINDOW (self), self->store);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* The dossier: a page over the views, with Back (Alt+Left, Escape) */

static void
dossier_state_changed_cb (VigilWindow      *self,
                          GParamSpec       *pspec,
                          VigilDossierPage *page)
{
  /* Once shown, the keyboard starts at the page's first control (Back). */
  if (is_dossier_shown (self) && vigil_dossier_page_get_state (page) != VIGIL_DOSSIER_PAGE_STATE_LOADING)
    vigil_dossier_page_focus (page);
}

static void
open_dossier_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  VigilWindow *self = VIGIL_WINDOW (widget);
  gint64 person_id = g_variant_get_int64 (parameter);
  GtkWidget *focus;

  if (!is_main_page (self) || person_id <= 0)
    return;

  if (!is_dossier_shown (self))
    {
      focus = gtk_root_get_focus (GTK_ROOT (self));
      g_weak_ref_set (&self->focus_before_dossier, focus);
    }

  vigil_dossier_page_load (self->dossier_page, person_id);
  gtk_stack_set_visible_child_name (self->content_stack, "dossier");
  update_chrome (self);
  vigil_dossier_page_focus (self->dossier_page);
}

static void
close_dossier_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  VigilWindow *self = VIGIL_WINDOW (widget);
  g_autoptr(GtkWidget) focus = NULL;

  if (!is_dossier_shown (self))
    return;

  gtk_stack_set_visible_child_name (self->content_stack, "views");
  update_chrome (self);

  focus = g_weak_ref_get (&self->focus_before_dossier);
  g_weak_ref_set (&self->focus_before_dossier, NULL);
  if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->view_stack)) ||
      !gtk_widget_grab_focus (focus))
    vigil_cohort_view_focus_search (self->cohort_view);
}

/* Template callbacks */

static void
switcher_title_visible_cb (VigilWindow *self)
{
  update_chrome (self);
}

/* GObject */

static void
save_window_state (VigilWindow *self)
{
  int width = 0;
  int height = 0;
  gboolean maximized = gtk_window_is_maximized (GTK_WINDOW (self));

  g_settings_set_boolean (self->settings, "window-maximized", maximized);
  if (maximized)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  if (width > 0 && height > 0)
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
}

static void
restore_window_state (VigilWindow *self)
{
  int width = g_settings_get_int (self->settings, "window-width");
  int height = g_settings_get_int (self->settings, "window-height");

  gtk_window_set_default_size (GTK_WINDOW (self), MAX (width, 360), MAX (height, 400));
  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static gboolean
vigil_window_close_request (GtkWindow *window)
{
  save_window_state (VIGIL_WINDOW (window));

  return GTK_WINDOW_CLASS (vigil_window_parent_class)->close_request (window);
}

static void
vigil_window_dispose (GObject *object)
{
  VigilWindow *self = (VigilWindow *)object;

  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);
  if (self->file_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->file_chooser));
  g_clear_object (&self->file_chooser);
  g_weak_ref_set (&self->focus_before_dossier, NULL);

  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIL_TYPE_WINDOW);

  if (self->session != NULL)
    g_signal_handlers_disconnect_by_data (self->session, self);
  g_clear_object (&self->session);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->pending_location, vigil_location_free);
  g_clear_error (&self->pending_error);

  G_OBJECT_CLASS (vigil_window_parent_class)->dispose (object);
}

static void
vigil_window_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  VigilWindow *self = VIGIL_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;

    case PROP_PAGE:
      g_value_set_string (value, vigil_window_get_page (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_window_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  VigilWindow *self = VIGIL_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      self->session = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_window_constructed (GObject *object)
{
  VigilWindow *self = VIGIL_WINDOW (object);

  G_OBJECT_CLASS (vigil_window_parent_class)->constructed (object);

  if (self->session == NULL)
    self->session = vigil_session_new (self->settings);
  g_signal_connect_object (self->session, "notify::store",
                           G_CALLBACK (session_store_changed_cb), self, G_CONNECT_SWAPPED);
  if (vigil_session_get_store (self->session) != NULL)
    session_store_changed_cb (self, NULL, self->session);
}

static void
vigil_window_class_init (VigilWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = vigil_window_dispose;
  object_class->get_property = vigil_window_get_property;
  object_class->set_property = vigil_window_set_property;
  object_class->constructed = vigil_window_constructed;
  window_class->close_request = vigil_window_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, "The open store, or NULL",
                         VIGIL_TYPE_STORE,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, "What the window shows, shared with the preferences",
                         VIGIL_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_PAGE] =
    g_param_spec_string ("page", NULL, "The page shown: welcome, loading, error or main",
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (VIGIL_TYPE_WELCOME_PAGE);
  g_type_ensure (VIGIL_TYPE_COHORT_VIEW);
  g_type_ensure (VIGIL_TYPE_IDENTIFICATION_VIEW);
  g_type_ensure (VIGIL_TYPE_DOSSIER_PAGE);
  g_type_ensure (VIGIL_TYPE_PANEL_VIEW);
  g_type_ensure (VIGIL_TYPE_EVALUATION_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/vigilapp/Vigil/ui/vigil-window.ui");
  gtk_widget_class_bind_template_child (widget_class, VigilWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, VigilWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, VigilWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, VigilWindow, switcher_bar);
  gtk_widget_class_bind_template_child (widget_class, VigilWindow, primary_menu_button);
  gtk_widget_class_bind_template_child (widget_class, VigilWindow, demo_banner);
  gtk_widget_class_bind_template_child (widget_class, VigilWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, VigilWindow, welcome_page);
  gtk_widget_class_bind_template_child (widget_class, VigilWindow, loading_page);
  gtk_widget_class_bind_template_child (widget_class, VigilWindow, loading_spinner);
  gtk_widget_class_bind_template_child (widget_class, VigilWindow, error_page);
  gtk_widget_class_bind_template_child (widget_class, VigilWindow, password_button);
  gtk_widget_class_bind_template_child (widget_class, VigilWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, VigilWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, VigilWindow, cohort_view);
  gtk_widget_class_bind_template_child (widget_class, VigilWindow, identification_view);
  gtk_widget_class_bind_template_child (widget_class, VigilWindow, panel_view);
  gtk_widget_class_bind_template_child (widget_class, VigilWindow, evaluation_view);
  gtk_widget_class_bind_template_child (widget_class, VigilWindow, dossier_page);
  gtk_widget_class_bind_template_callback (widget_class, switcher_title_visible_cb);

  gtk_widget_class_install_action (widget_class, "win.create-store", NULL, create_store_action);
  gtk_widget_class_install_action (widget_class, "win.open-demo", NULL, open_demo_action);
  gtk_widget_class_install_action (widget_class, "win.connect-postgresql", NULL, connect_postgresql_action);
  gtk_widget_class_install_action (widget_class, "win.open-file", NULL, open_file_action);
  gtk_widget_class_install_action (widget_class, "win.retry-open", NULL, retry_open_action);
  gtk_widget_class_install_action (widget_class, "win.enter-password", NULL, enter_password_action);
  gtk_widget_class_install_action (widget_class, "win.show-welcome", NULL, show_welcome_action);
  gtk_widget_class_install_action (widget_class, "win.cancel-open", NULL, cancel_open_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "win.refer", NULL, refer_action);
  gtk_widget_class_install_action (widget_class, "win.review-duplicates", NULL, review_duplicates_action);
  gtk_widget_class_install_action (widget_class, "win.refresh", NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, "win.open-dossier", "x", open_dossier_action);
  gtk_widget_class_install_action (widget_class, "win.close-dossier", NULL, close_dossier_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_i, GDK_CONTROL_MASK, "win.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.refer", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.refresh", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.close-dossier", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.close-dossier", NULL);
}

static void
vigil_window_init (VigilWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_weak_ref_init (&self->focus_before_dossier, NULL);
  g_signal_connect_object (self->dossier_page, "notify::state",
                           G_CALLBACK (dossier_state_changed_cb), self, G_CONNECT_SWAPPED);

  self->settings = g_settings_new (VIGIL_SETTINGS_SCHEMA_ID);
  restore_window_state (self);

  if (DEVELOPMENT_BUILD)
    gtk_widget_add_css_class (GTK_WIDGET (self), "devel");

  set_page (self, "welcome");
}

VigilWindow *
vigil_window_new (GtkApplication *application)
{
  VigilSession *session = NULL;

  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);

  if (VIGIL_IS_APPLICATION (application))
    session = vigil_application_add_session (VIGIL_APPLICATION (application));

  return g_object_new (VIGIL_TYPE_WINDOW,
                       "application", application,
                       "session", session,
                       NULL);
}

/**
 * vigil_window_get_session:
 *
 * Returns: (transfer none): what the window shows
 */
VigilSession *
vigil_window_get_session (VigilWindow *self)
{
  g_return_val_if_fail (VIGIL_IS_WINDOW (self), NULL);
  return self->session;
}

/**
 * vigil_window_get_store:
 *
 * Returns: (nullable) (transfer none): the open store
 */
VigilStore *
vigil_window_get_store (VigilWindow *self)
{
  g_return_val_if_fail (VIGIL_IS_WINDOW (self), NULL);
  return self->store;
}

/**
 * vigil_window_set_store:
 * @store: a store that is already open
 * @remember: whether to open it at the next start (never for the demo)
 *
 * Shows @store, replacing the open one and any store being opened.
 */
void
vigil_window_set_store (VigilWindow *self,
                        VigilStore  *store,
                        gboolean     remember)
{
  g_return_if_fail (VIGIL_IS_WINDOW (self));
  g_return_if_fail (VIGIL_IS_STORE (store));

  self->pending_remember = !!remember;
  adopt_store (self, store, remember);
}

/**
 * vigil_window_open_location:
 * @location: the store to open
 * @mode: whether it must exist, may be created, or is the demo
 * @remember: whether to open it at the next start (never for the demo)
 *
 * Opens the store in a worker thread, showing the "loading" page meanwhile.
 */
void
vigil_window_open_location (VigilWindow         *self,
                            const VigilLocation *location,
                            VigilOpenMode        mode,
                            gboolean             remember)
{
  g_return_if_fail (VIGIL_IS_WINDOW (self));
  g_return_if_fail (location != NULL);

  open_location (self, location, mode, remember);
}

/**
 * vigil_window_open_saved_store:
 *
 * Opens the store chosen at an earlier start (the database-kind setting), or shows
 * the welcome page when there is none.
 */
void
vigil_window_open_saved_store (VigilWindow *self)
{
  g_autoptr(VigilLocation) location = NULL;

  g_return_if_fail (VIGIL_IS_WINDOW (self));

  location = vigil_session_dup_saved_location (self->session);
  if (location == NULL)
    vigil_window_show_welcome (self);
  else
    open_location (self, location, VIGIL_OPEN_MODE_EXISTING, FALSE);
}

/**
 * vigil_window_show_welcome:
 *
 * Shows the welcome page, to choose or create a store.
 */
void
vigil_window_show_welcome (VigilWindow *self)
{
  g_return_if_fail (VIGIL_IS_WINDOW (self));

  g_cancellable_cancel (self->open_cancellable);
  g_clear_object (&self->open_cancellable);

  set_page (self, "welcome");
}

/**
 * vigil_window_get_page:
 *
 * Returns: the page shown: "welcome", "loading", "error" or "main"
 */
const char *
vigil_window_get_page (VigilWindow *self)
{
  g_return_val_if_fail (VIGIL_IS_WINDOW (self), NULL);
  return gtk_stack_get_visible_child_name (self->main_stack);
}

gboolean
vigil_window_get_demo_banner_visible (VigilWindow *self)
{
  g_return_val_if_fail (VIGIL_IS_WINDOW (self), FALSE);
  return gtk_widget_get_visible (self->demo_banner);
}

/**
 * vigil_window_get_cohort_view:
 *
 * Returns: (transfer none): the cohort view
 */
VigilCohortView *
vigil_window_get_cohort_view (VigilWindow *self)
{
  g_return_val_if_fail (VIGIL_IS_WINDOW (self), NULL);
  return self->cohort_view;
}

/**
 * vigil_window_get_dossier_page:
 *
 * Returns: (transfer none): the dossier page
 */
VigilDossierPage *
vigil_window_get_dossier_page (VigilWindow *self)
{
  g_return_val_if_fail (VIGIL_IS_WINDOW (self), NULL);
  return self->dossier_page;
}

/**
 * vigil_window_get_evaluation_view:
 *
 * Returns: (transfer none): the Evaluation page
 */
GtkWidget *
vigil_window_get_evaluation_view (VigilWindow *self)
{
  g_return_val_if_fail (VIGIL_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->evaluation_view);
}

/**
 * vigil_window_get_panel_view:
 *
 * Returns: (transfer none): the Panel page (a VigilPanelView)
 */
GtkWidget *
vigil_window_get_panel_view (VigilWindow *self)
{
  g_return_val_if_fail (VIGIL_IS_WINDOW (self), NULL);
  return GTK_WIDGET (self->panel_view);
}

/**
 * vigil_window_add_toast:
 * @toast: (transfer full): a toast to show over the window
 */
void
vigil_window_add_toast (VigilWindow *self,
                        AdwToast    *toast)
{
  g_return_if_fail (VIGIL_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
