/* vigil-presenter.c: projection mode, the panel's view of one case at a time
 *
 * The dossiers of the meeting's cases are read when the presenter opens, off the main
 * thread (vigil_panel_load_presentation_async: a meeting holds about fifteen), so moving between cases in front of the room never waits; until they
 * arrive the screen says it is reading them. The audit row of showing the victims'
 * names is written off the main thread too, and the names appear once it is. The
 * window and its pages (reading, error, the case, blank) are a template
 * (vigil-presenter.ui); the case's lines are built from its dossier.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-presenter"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-presenter.h"
#include "vigil-section.h"

struct _VigilPresenter
{
  AdwWindow     parent_instance;

  /* Template widgets */
  AdwToastOverlay *toasts;
  GtkStack     *stack;
  GtkBox       *page;
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
  gboolean      show_names; /* for the case on screen only */
};

G_DEFINE_FINAL_TYPE (VigilPresenter, vigil_presenter, ADW_TYPE_WINDOW)

static gboolean
is_set (const char *text)
{
  return text != NULL && *text != '\0';
}

static const char *
label_of (const char * const *choices,
          const char         *code)
{
  const char *label = vigil_choice_get_label (choices, code);

  return label ? label : (code ? code : "");
}

static void
add_line (VigilPresenter *self,
          const char     *css_class,
          const char     *text)
{
  GtkWidget *label = vigil_section_new_label (text, css_class);

  gtk_box_append (self->page, label);
}

static void add_linef (VigilPresenter *self,
                       const char     *css_class,
                       const char     *format,
                       ...) G_GNUC_PRINTF (3, 4);

static void
add_linef (VigilPresenter *self,
           const char     *css_class,
           const char     *format,
           ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  add_line (self, css_class, text);
}

/* At most @max characters of @text, with an ellipsis: the screen is not the dossier. */
static char *
dup_short (const char *text,
           glong       max)
{
  if (text == NULL)
    return g_strdup ("");
  if (g_utf8_strlen (text, -1) <= max)
    return g_strdup (text);
  {
    g_autofree char *start = g_utf8_substring (text, 0, max);

    return g_strconcat (start, "…", NULL);
  }
}

static void
build_case (VigilPresenter *self)
{
  GtkWidget *child;
  const VigilAgendaItem *item;
  const VigilDossier *dossier;
  const VigilCohortEntry *entry;
  g_autofree char *today = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->page))) != NULL)
    gtk_box_remove (self->page, child);

  if (self->items->len == 0)
    {
      add_line (self, "presenter-title", _("Nothing on the agenda"));
      return;
    }

  item = g_ptr_array_index (self->items, self->position);
  dossier = g_ptr_array_index (self->dossiers, self->position);
  entry = dossier->cohort_entry;
  {
    g_autoptr(GDateTime) now = g_date_time_new_now_local ();

    today = g_date_time_format (now, "%Y-%m-%d");
  }

  /* Translators: which case of the agenda is on the screen, and why it is there */
  add_linef (self, "presenter-caption", _("Case %u of %u · %s%s%s"), self->position + 1, self->items->len,
             label_of (vigil_agenda_reason_choices, item->reason),
             is_set (dossier->person->local_ref) ? " · " : "",
             is_set (dossier->person->local_ref) ? dossier->person->local_ref : "");
  add_linef (self, "presenter-title", "%s%s%s", dossier->person->surname,
             is_set (dossier->person->forenames) ? ", " : "",
             is_set (dossier->person->forenames) ? dossier->person->forenames : "");
  if (entry != NULL)
    {
      const char *lead = vigil_choice_get_label (vigil_agency_choices, entry->lead_agency);

      add_linef (self, NULL, _("%s · %s · lead %s"), label_of (vigil_cohort_status_choices, entry->status),
                 label_of (vigil_route_choices, entry->route), lead ? lead : _("not set"));
    }
  if (dossier->score.present)
    {
      g_autofree char *trend = NULL;

      if (dossier->trend == VIGIL_DOSSIER_TREND_UP && dossier->previous_score.present)
        trend = g_strdup_printf (_(" · rising from %g"), dossier->previous_score.total);
      else if (dossier->trend == VIGIL_DOSSIER_TREND_DOWN && dossier->previous_score.present)
        trend = g_strdup_printf (_(" · falling from %g"), dossier->previous_score.total);
      /* Translators: the score on the projector: total, R F G V, rank, trend */
      add_linef (self, "presenter-heading", _("Score %g   R %" G_GINT64_FORMAT "  F %" G_GINT64_FORMAT "  G %"
                                             G_GINT64_FORMAT "  V %" G_GINT64_FORMAT " · rank %" G_GINT64_FORMAT "%s"),
                 dossier->score.total, dossier->score.points[0], dossier->score.points[1], dossier->score.points[2],
                 dossier->score.points[3], dossier->score.rank, trend ? trend : "");
    }

  if (dossier->plan != NULL)
    {
      g_autofree char *objectives = dup_short (dossier->plan->objectives, 160);
      g_autofree char *exit = dup_short (dossier->plan->exit_strategy, 160);

      add_line (self, "presenter-heading", _("Plan"));
      if (is_set (objectives))
        add_linef (self, NULL, _("Objectives: %s"), objectives);
      if (is_set (exit))
        add_linef (self, NULL, _("Exit: %s"), exit);
    }
  for (guint i = 0; dossier->interventions != NULL && i < dossier->interventions->len && i < 6; i++)
    {
      const VigilIntervention *intervention = g_ptr_array_index (dossier->interventions, i);
      const VigilTacticalOption *option = self->menu ? vigil_tactical_menu_lookup (self->menu, intervention->option_code) : NULL;

      add_linef (self, NULL, "• %s — %s", option ? option->title : intervention->option_code,
                 label_of (vigil_intervention_status_choices, intervention->status));
    }

  if (dossier->decisions->len > 0)
    {
      add_line (self, "presenter-heading", _("Latest decisions"));
      for (guint i = 0; i < dossier->decisions->len && i < 2; i++)
        {
          const VigilDecision *decision = g_ptr_array_index (dossier->decisions, i);

          add_linef (self, NULL, "• %s%s%s · %s", label_of (vigil_decision_kind_choices, decision->kind),
                     is_set (decision->outcome) ? " — " : "", is_set (decision->outcome) ? decision->outcome : "",
                     decision->decided_on);
        }
    }

  {
    gboolean heading = FALSE;

    for (guint i = 0; i < dossier->processes->len; i++)
      {
        const VigilProcessOverlap *process = g_ptr_array_index (dossier->processes, i);

        if (g_strcmp0 (process->status, "active") != 0)
          continue;
        if (!heading)
          add_line (self, "presenter-heading", _("Other processes"));
        heading = TRUE;
        add_linef (self, NULL, "• %s", label_of (vigil_process_choices, process->process));
      }
  }

  {
    gboolean heading = FALSE;

    /* only what the agencies marked for the panel */
    for (guint i = 0; i < dossier->agency_information->len; i++)
      {
        const VigilDossierAgencyInformation *info = g_ptr_array_index (dossier->agency_information, i);
        g_autofree char *body = NULL;

        if (!info->section->panel_visible)
          continue;
        if (!heading)
          add_line (self, "presenter-heading", _("Agency information"));
        heading = TRUE;
        body = dup_short (info->section->body, 200);
        add_linef (self, NULL, "• %s%s: %s", label_of (vigil_agency_choices, info->section->agency),
                   info->stale ? _(" (stale)") : "", body);
      }
  }

  if (dossier->victims->len > 0)
    {
      add_line (self, "presenter-heading", _("Victims and safeguarding"));
      for (guint i = 0; i < dossier->victims->len; i++)
        {
          const VigilDossierVictim *victim = g_ptr_array_index (dossier->victims, i);
          const VigilVictimLink *link = NULL;
          g_autofree char *who = NULL;

          for (guint j = 0; j < dossier->victim_links->len && link == NULL; j++)
            if (((VigilVictimLink *) g_ptr_array_index (dossier->victim_links, j))->victim_id == victim->person_id)
              link = g_ptr_array_index (dossier->victim_links, j);
          if (self->show_names)
            who = g_strdup_printf ("%s (%s%s%s)", victim->role, victim->surname ? victim->surname : "",
                                   is_set (victim->forenames) ? ", " : "", is_set (victim->forenames) ? victim->forenames : "");
          else
            who = g_strdup (victim->role);
          if (link != NULL)
            add_linef (self, NULL, "• %s — %s · %s · %s", who, label_of (vigil_relationship_choices, link->relationship),
                       link->advocate && g_strcmp0 (link->advocate, "none") != 0
                         ? label_of (vigil_advocate_choices, link->advocate) : _("no advocate"),
                       link->safety_plan ? _("safety plan") : _("no safety plan"));
          else
            add_linef (self, NULL, _("• %s — no safeguarding recorded"), who);
        }
      if (!self->show_names)
        add_line (self, "presenter-caption", _("Victims appear by their role. V shows their names, after a confirmation."));
    }

  {
    gboolean heading = FALSE;

    for (guint i = 0; i < self->actions->len; i++)
      {
        const VigilAction *action = g_ptr_array_index (self->actions, i);

        if (action->person_id != dossier->person->record.id || g_strcmp0 (action->status, "open") != 0)
          continue;
        if (!heading)
          add_line (self, "presenter-heading", _("Open actions"));
        heading = TRUE;
        add_linef (self, vigil_panel_action_is_overdue (action, today) ? "presenter-warning" : NULL,
                   _("• %s — due %s%s"), action->description, action->due_on ? action->due_on : _("no date"),
                   vigil_panel_action_is_overdue (action, today) ? _(" · overdue") : "");
      }
  }

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scrolled)), 0);
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
  self->show_names = FALSE;  /* names shown for one case only */
  build_case (self);
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

  if (self->show_names)
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
  return self->show_names;
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
  if (self->reveal_position != self->position)
    return;
  self->show_names = TRUE;
  build_case (self);
}

void
vigil_presenter_set_show_names (VigilPresenter *self,
                                gboolean        show)
{
  const VigilDossier *dossier;

  g_return_if_fail (VIGIL_IS_PRESENTER (self));

  if (!show)
    {
      self->show_names = FALSE;
      build_case (self);
      return;
    }
  if (self->show_names || self->revealing || self->dossiers->len == 0)
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
