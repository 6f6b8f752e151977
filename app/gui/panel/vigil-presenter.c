/* vigil-presenter.c: projection mode, the panel's view of one case at a time
 *
 * The dossiers of the meeting's cases are read when the presenter opens, off the main
 * thread (vigil_panel_load_presentation_async: a meeting holds about fifteen), so moving between cases in front of the room never waits; until they
 * arrive the screen says it is reading them. The audit row of showing the victims'
 * names is written off the main thread too, and the names appear once it is. The
 * window and its pages (reading, error, the case, blank) are a template
 * (vigil-presenter.ui); the case on screen is a VigilPresenterCase (what the room may
 * see of it, built from its dossier), shown by a VigilPresenterCaseView.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-presenter"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-presenter-case-view.h"
#include "vigil-presenter.h"

struct _VigilPresenter
{
  AdwWindow     parent_instance;

  /* Template widgets */
  AdwToastOverlay *toasts;
  GtkStack     *stack;
  VigilPresenterCaseView *page;
  GtkWidget    *scrolled;
  GtkWidget    *spinner;
  AdwStatusPage *error_page;

  /* Owned references */
  VigilStore   *store;
  GPtrArray    *items;      /* VigilAgendaItem (empty until read) */
  GPtrArray    *dossiers;   /* VigilDossier, one per item */
  GPtrArray    *actions;    /* VigilAction of the meeting and carried */
  VigilTacticalMenu *menu;
  GCancellable *cancellable; /* the reads and writes on their way, cancelled with the window */

  const char   *shown;      /* the stack's page under the blank one: "loading", "error", "case" */
  guint         position;
  guint         reveal_position;
  gboolean      loading;
  gboolean      revealing;  /* the audit row of showing names is on its way */
};

G_DEFINE_FINAL_TYPE (VigilPresenter, vigil_presenter, ADW_TYPE_WINDOW)

/* The case at the position, its victims by their role. */
static void
build_case (VigilPresenter *self)
{
  g_autoptr(VigilPresenterCase) shown = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  if (self->items->len == 0)
    shown = vigil_presenter_case_new (NULL, NULL, NULL, NULL, 0, 0, today);
  else
    shown = vigil_presenter_case_new (g_ptr_array_index (self->items, self->position),
                                      g_ptr_array_index (self->dossiers, self->position),
                                      self->actions, self->menu, self->position, self->items->len, today);
  vigil_presenter_case_view_set_case (self->page, shown);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scrolled)), 0);
}

static VigilPresenterCase *
get_case (VigilPresenter *self)
{
  return vigil_presenter_case_view_get_case (self->page);
}

static void
show_page (VigilPresenter *self,
           const char     *name)
{
  self->shown = name;
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), g_strcmp0 (name, "loading") == 0);
  gtk_stack_set_visible_child_name (self->stack, name);
}

static void
go_to (VigilPresenter *self,
       guint           position)
{
  if (self->items->len == 0 || position >= self->items->len)
    return;
  self->position = position;
  build_case (self);  /* names shown for one case only */
  show_page (self, "case");
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  VigilPresenter *self = VIGIL_PRESENTER (widget);

  go_to (self, self->position + 1);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  VigilPresenter *self = VIGIL_PRESENTER (widget);

  if (self->position > 0)
    go_to (self, self->position - 1);
}

static void
first_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  go_to (VIGIL_PRESENTER (widget), 0);
}

static void
last_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  VigilPresenter *self = VIGIL_PRESENTER (widget);

  if (self->items->len > 0)
    go_to (self, self->items->len - 1);
}

static void
blank_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  VigilPresenter *self = VIGIL_PRESENTER (widget);
  gboolean blank = g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "blank") != 0;

  if (blank)
    gtk_stack_set_visible_child_name (self->stack, "blank");
  else
    show_page (self, self->shown);
}

static void
reveal_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    VigilPresenter   *self)
{
  if (g_strcmp0 (response, "show") == 0)
    vigil_presenter_set_show_names (self, TRUE);
}

static void
reveal_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  VigilPresenter *self = VIGIL_PRESENTER (widget);
  GtkWidget *dialog;

  if (vigil_presenter_get_show_names (self))
    {
      vigil_presenter_set_show_names (self, FALSE);
      return;
    }
  if (self->dossiers->len == 0)
    return;
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Show the Victims’ Names to the Room?"),
                                   _("Everyone who can see this screen will see the names of this case’s victims. "
                                     "Showing them is recorded in the audit log."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _("_Keep Hidden"),
                                    "show", _("_Show Names"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "show", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (reveal_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
vigil_presenter_dispose (GObject *object)
{
  VigilPresenter *self = VIGIL_PRESENTER (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIL_TYPE_PRESENTER);
  g_clear_object (&self->store);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->dossiers, g_ptr_array_unref);
  g_clear_pointer (&self->actions, g_ptr_array_unref);
  g_clear_pointer (&self->menu, vigil_tactical_menu_free);

  G_OBJECT_CLASS (vigil_presenter_parent_class)->dispose (object);
}

static void
vigil_presenter_class_init (VigilPresenterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigil_presenter_dispose;

  g_type_ensure (VIGIL_TYPE_PRESENTER_CASE_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/vigilapp/Vigil/ui/vigil-presenter.ui");
  gtk_widget_class_bind_template_child (widget_class, VigilPresenter, toasts);
  gtk_widget_class_bind_template_child (widget_class, VigilPresenter, stack);
  gtk_widget_class_bind_template_child (widget_class, VigilPresenter, page);
  gtk_widget_class_bind_template_child (widget_class, VigilPresenter, scrolled);
  gtk_widget_class_bind_template_child (widget_class, VigilPresenter, spinner);
  gtk_widget_class_bind_template_child (widget_class, VigilPresenter, error_page);

  gtk_widget_class_install_action (widget_class, "presenter.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "presenter.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "presenter.first", NULL, first_action);
  gtk_widget_class_install_action (widget_class, "presenter.last", NULL, last_action);
  gtk_widget_class_install_action (widget_class, "presenter.blank", NULL, blank_action);
  gtk_widget_class_install_action (widget_class, "presenter.reveal", NULL, reveal_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "presenter.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "presenter.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "presenter.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "presenter.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "presenter.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "presenter.first", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, 0, "presenter.last", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_b, 0, "presenter.blank", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_period, 0, "presenter.blank", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_v, 0, "presenter.reveal", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
vigil_presenter_init (VigilPresenter *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->items = g_ptr_array_new_with_free_func (vigil_record_destroy);
  self->dossiers = g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_dossier_free);
  self->actions = g_ptr_array_new_with_free_func (vigil_record_destroy);
  show_page (self, "loading");
}

static void
presentation_loaded_cb (GObject      *object,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(VigilPresenter) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilPanelPresentation) presentation = NULL;

  presentation = vigil_panel_load_presentation_finish (VIGIL_STORE (object), result, &error);
  if (presentation == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;  /* the window went away */
  self->loading = FALSE;
  if (presentation == NULL)
    {
      adw_status_page_set_description (self->error_page, error->message);
      show_page (self, "error");
      return;
    }
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_pointer (&self->dossiers, g_ptr_array_unref);
  g_clear_pointer (&self->actions, g_ptr_array_unref);
  self->items = g_steal_pointer (&presentation->items);
  self->dossiers = g_steal_pointer (&presentation->dossiers);
  self->actions = g_steal_pointer (&presentation->actions);
  self->menu = g_steal_pointer (&presentation->menu);
  self->position = 0;
  build_case (self);
  show_page (self, "case");
}

VigilPresenter *
vigil_presenter_new (VigilStore *store,
                     gint64      meeting_id)
{
  VigilPresenter *self;

  g_return_val_if_fail (VIGIL_IS_STORE (store), NULL);

  self = g_object_new (VIGIL_TYPE_PRESENTER, NULL);
  self->store = g_object_ref (store);
  self->loading = TRUE;
  vigil_panel_load_presentation_async (store, meeting_id, self->cancellable, presentation_loaded_cb,
                                       g_object_ref (self));
  return self;
}

void
vigil_presenter_present_beside (VigilPresenter *self,
                                GtkWindow      *control)
{
  GdkDisplay *display;
  GListModel *monitors;
  GdkMonitor *control_monitor = NULL;
  GdkMonitor *target = NULL;

  g_return_if_fail (VIGIL_IS_PRESENTER (self));

  display = gtk_widget_get_display (GTK_WIDGET (self));
  monitors = gdk_display_get_monitors (display);
  if (control != NULL && gtk_native_get_surface (GTK_NATIVE (control)) != NULL)
    control_monitor = gdk_display_get_monitor_at_surface (display, gtk_native_get_surface (GTK_NATIVE (control)));
  for (guint i = 0; i < g_list_model_get_n_items (monitors) && target == NULL; i++)
    {
      g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, i);

      if (monitor != control_monitor)
        target = monitor;
    }

  /* the monitor's size first: some window managers (and Xvfb) do not fullscreen */
  {
    g_autoptr(GdkMonitor) first = g_list_model_get_n_items (monitors) > 0 ? g_list_model_get_item (monitors, 0) : NULL;
    GdkMonitor *sized = target ? target : first;
    GdkRectangle geometry;

    if (sized != NULL)
      {
        gdk_monitor_get_geometry (sized, &geometry);
        gtk_window_set_default_size (GTK_WINDOW (self), geometry.width, geometry.height);
      }
  }
  gtk_window_present (GTK_WINDOW (self));
  if (target != NULL)
    gtk_window_fullscreen_on_monitor (GTK_WINDOW (self), target);
  else
    gtk_window_fullscreen (GTK_WINDOW (self));
}

guint
vigil_presenter_get_n_cases (VigilPresenter *self)
{
  g_return_val_if_fail (VIGIL_IS_PRESENTER (self), 0);
  return self->items->len;
}

guint
vigil_presenter_get_position (VigilPresenter *self)
{
  g_return_val_if_fail (VIGIL_IS_PRESENTER (self), 0);
  return self->position;
}

gboolean
vigil_presenter_get_blanked (VigilPresenter *self)
{
  g_return_val_if_fail (VIGIL_IS_PRESENTER (self), FALSE);
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "blank") == 0;
}

gboolean
vigil_presenter_get_show_names (VigilPresenter *self)
{
  g_return_val_if_fail (VIGIL_IS_PRESENTER (self), FALSE);
  return get_case (self) != NULL && vigil_presenter_case_get_show_names (get_case (self));
}

gboolean
vigil_presenter_get_loading (VigilPresenter *self)
{
  g_return_val_if_fail (VIGIL_IS_PRESENTER (self), FALSE);
  return self->loading;
}

static void
reveal_recorded_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(VigilPresenter) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!vigil_panel_record_reveal_finish (VIGIL_STORE (object), result, &error))
    {
      g_autofree char *text = NULL;

      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      self->revealing = FALSE;
      /* Translators: the names stay hidden; the error follows */
      text = g_strdup_printf (_("The victims’ names stay hidden: %s"), error->message);
      adw_toast_overlay_add_toast (self->toasts, adw_toast_new (text));
      return;
    }
  self->revealing = FALSE;
  /* the room moved on to another case meanwhile: its names stay hidden */
  if (self->reveal_position != self->position || get_case (self) == NULL)
    return;
  vigil_presenter_case_set_show_names (get_case (self), TRUE);
}

void
vigil_presenter_set_show_names (VigilPresenter *self,
                                gboolean        show)
{
  const VigilDossier *dossier;

  g_return_if_fail (VIGIL_IS_PRESENTER (self));

  if (!show)
    {
      if (get_case (self) != NULL)
        vigil_presenter_case_set_show_names (get_case (self), FALSE);
      return;
    }
  if (vigil_presenter_get_show_names (self) || self->revealing || self->dossiers->len == 0)
    return;
  /* no name on the screen without its audit row: they appear once it is written */
  dossier = g_ptr_array_index (self->dossiers, self->position);
  self->revealing = TRUE;
  self->reveal_position = self->position;
  vigil_panel_record_reveal_async (self->store, dossier->person->record.id, self->cancellable,
                                   reveal_recorded_cb, g_object_ref (self));
}

static void
collect_text (GtkWidget *widget,
              GString   *text)
{
  if (GTK_IS_LABEL (widget))
    g_string_append_printf (text, "%s\n", gtk_label_get_label (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_text (child, text);
}

char *
vigil_presenter_dup_text (VigilPresenter *self)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (VIGIL_IS_PRESENTER (self), NULL);

  if (!vigil_presenter_get_blanked (self))
    collect_text (GTK_WIDGET (self->page), text);
  return g_string_free (text, FALSE);
}
