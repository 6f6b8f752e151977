/* vigil-panel-view.c: the Panel page, a multi-agency meeting and its work
 *
 * Nothing here touches the store on the main thread: the meetings, the meeting shown
 * (one read: its agenda, actions, attendance and the names of its people), building
 * the agenda, moving a case, the pack for Print and Export all go through the core's
 * _async pairs, on a worker's own connection. A newer load cancels the one it
 * supersedes, whose result is dropped; the old content stays, with the spinner, until
 * the new one arrives. The store's "changed" signal reloads the meeting shown when a
 * panel table changes (a save in a form, a build, a move).
 *
 * The page is a template (vigil-panel-view.ui): the chooser, the buttons, and a section
 * widget each for the meeting, its attendance, its agenda and its actions, all bound to
 * the page's view model (VigilPanelModel), which holds the meeting shown. The buttons
 * are the page's actions, a record named by its id as their parameter.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-panel-view"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-decision-form.h"
#include "vigil-meeting-item.h"
#include "vigil-panel-actions-section.h"
#include "vigil-panel-agenda-section.h"
#include "vigil-panel-attendance-section.h"
#include "vigil-panel-meeting-section.h"
#include "vigil-panel-model.h"
#include "vigil-panel-pack.h"
#include "vigil-panel-view.h"
#include "vigil-presenter.h"
#include "vigil-record-editor.h"

struct _VigilPanelView
{
  GtkWidget        parent_instance;

  /* Template widgets */
  GtkDropDown     *meetings;
  GtkWidget       *spinner;
  GtkStack        *stack;
  AdwStatusPage   *empty_page;
  GtkLabel        *message;
  GtkWidget       *meeting_section;
  GtkWidget       *attendance_section;
  GtkWidget       *agenda_section;
  GtkWidget       *actions_section;
  VigilPanelModel *model;        /* the meetings, and the meeting shown */

  /* Owned references */
  VigilStore      *store;
  GCancellable    *load_cancellable;  /* the meetings' or the meeting's read on its way */
  GCancellable    *cancellable;  /* the view's changes and packs, cancelled with the view */

  /* Borrowed */
  GtkWidget       *editor;       /* weak */

  gint64           wanted;       /* the meeting to show (0: the next scheduled, else the newest) */
  guint            n_busy;       /* changes and packs on their way */
  gboolean         exporting;
  gboolean         filling;      /* the drop-down is being refilled */
};

G_DEFINE_FINAL_TYPE (VigilPanelView, vigil_panel_view, GTK_TYPE_WIDGET)

static void load_selected (VigilPanelView *self,
                           gboolean        fresh);
static void reload        (VigilPanelView *self,
                           gint64          wanted);

static const VigilEditorField meeting_fields[] = {
  { "title", VIGIL_EDITOR_FIELD_NONE, NULL },
  { "meets_at", VIGIL_EDITOR_FIELD_NONE, NULL },
  { "area", VIGIL_EDITOR_FIELD_NONE, NULL },
  { "location", VIGIL_EDITOR_FIELD_NONE, NULL },
  { "chair", VIGIL_EDITOR_FIELD_NONE, NULL },
  { "status", VIGIL_EDITOR_FIELD_REQUIRED, NULL },
  { "protective_marking", VIGIL_EDITOR_FIELD_NONE, NULL },
};

static const VigilEditorField attendance_fields[] = {
  { "agency", VIGIL_EDITOR_FIELD_NONE, NULL },
  { "name", VIGIL_EDITOR_FIELD_NONE, NULL },
  { "role", VIGIL_EDITOR_FIELD_NONE, NULL },
  { "present", VIGIL_EDITOR_FIELD_NONE, NULL },
};

static const VigilEditorField minutes_fields[] = {
  { "reason", VIGIL_EDITOR_FIELD_NONE, NULL },
  { "minutes", VIGIL_EDITOR_FIELD_LONG, NULL },
  { "decisions", VIGIL_EDITOR_FIELD_LONG, NULL },
};

static const VigilEditorField action_fields[] = {
  { "description", VIGIL_EDITOR_FIELD_NONE, NULL },
  { "owner_agency", VIGIL_EDITOR_FIELD_NONE, NULL },
  { "owner_name", VIGIL_EDITOR_FIELD_NONE, NULL },
  { "due_on", VIGIL_EDITOR_FIELD_NONE, NULL },
  { "status", VIGIL_EDITOR_FIELD_NONE, NULL },
  { "completed_on", VIGIL_EDITOR_FIELD_NONE, NULL },
};

static const char *
person_name (VigilPanelView *self,
             gint64          person_id)
{
  return vigil_panel_model_get_person_name (self->model, person_id);
}

static void
show_message (VigilPanelView *self,
              const char     *message)
{
  gtk_label_set_label (self->message, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->message), message != NULL);
}

/* The spinner turns while anything is on its way; the buttons follow the meeting shown. */
static void
update_state (VigilPanelView *self)
{
  gboolean shown = vigil_panel_model_get_details (self->model) != NULL;

  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), vigil_panel_view_get_loading (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "panel.build-agenda", vigil_panel_model_get_can_build (self->model));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "panel.export", shown && !self->exporting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "panel.present", vigil_panel_model_get_can_present (self->model));
}

static void
begin_busy (VigilPanelView *self)
{
  self->n_busy++;
  update_state (self);
}

static void
end_busy (VigilPanelView *self)
{
  g_return_if_fail (self->n_busy > 0);
  self->n_busy--;
  update_state (self);
}

static gint64
shown_id (VigilPanelView *self)
{
  return vigil_panel_model_get_meeting_id (self->model);
}

/* ------------------------------------------------------------------------------------
 * Editing
 * ------------------------------------------------------------------------------------ */

/* The store's "changed" reloads the meeting after a save; a new meeting is shown once
 * saved. */
static void
editor_saved_cb (VigilPanelView *self)
{
  VigilRecordEditor *editor = VIGIL_RECORD_EDITOR (self->editor);
  const VigilRecord *saved = editor ? vigil_record_editor_get_record (editor) : NULL;

  if (saved != NULL && saved->type == &vigil_panel_meeting_type && saved->id != shown_id (self))
    reload (self, saved->id);
}

static void
open_editor (VigilPanelView    *self,
             VigilRecordEditor *editor)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (root));
  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), self, G_CONNECT_SWAPPED);
  g_set_weak_pointer (&self->editor, GTK_WIDGET (editor));
  gtk_window_present (GTK_WINDOW (editor));
}

static void
schedule_meeting_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  VigilPanelView *self = VIGIL_PANEL_VIEW (widget);
  g_autoptr(VigilPanelMeeting) meeting = vigil_panel_meeting_new ();
  g_autofree char *today = vigil_form_dup_today ();

  meeting->title = g_strdup (_("MATAC panel"));
  meeting->meets_at = g_strdup_printf ("%sT10:00", today);
  meeting->status = g_strdup ("scheduled");
  meeting->protective_marking = g_strdup (VIGIL_PANEL_PACK_DEFAULT_MARKING);
  open_editor (self, vigil_record_editor_new (self->store, _("Schedule a Meeting"),
                                              _("A multi-agency panel meeting (principle 6). Build its agenda "
                                                "from the cohort once it is saved."),
                                              _("_Schedule"), &vigil_panel_meeting_type, meeting,
                                              meeting_fields, G_N_ELEMENTS (meeting_fields)));
}

static void
edit_meeting_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  VigilPanelView *self = VIGIL_PANEL_VIEW (widget);
  const VigilPanelMeetingDetails *details = vigil_panel_model_get_details (self->model);

  if (details == NULL)
    return;
  open_editor (self, vigil_record_editor_new (self->store, _("Meeting"), NULL, NULL, &vigil_panel_meeting_type,
                                              details->meeting, meeting_fields, G_N_ELEMENTS (meeting_fields)));
}

static void
add_attendee_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  VigilPanelView *self = VIGIL_PANEL_VIEW (widget);
  g_autoptr(VigilAttendance) attendee = vigil_attendance_new ();

  attendee->meeting_id = shown_id (self);
  attendee->agency = g_strdup ("police");
  attendee->present = TRUE;
  open_editor (self, vigil_record_editor_new (self->store, _("Attendee"), NULL, _("_Add"), &vigil_attendance_type,
                                              attendee, attendance_fields, G_N_ELEMENTS (attendance_fields)));
}

static void
edit_attendee_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  VigilPanelView *self = VIGIL_PANEL_VIEW (widget);
  const VigilAttendance *attendee;

  if ((attendee = vigil_panel_model_find_attendee (self->model, g_variant_get_int64 (parameter))) == NULL)
    return;
  open_editor (self, vigil_record_editor_new (self->store, _("Attendee"), NULL, NULL, &vigil_attendance_type,
                                              attendee, attendance_fields, G_N_ELEMENTS (attendance_fields)));
}

static void
minutes_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  VigilPanelView *self = VIGIL_PANEL_VIEW (widget);
  const VigilAgendaItem *item;
  g_autofree char *title = NULL;

  if ((item = vigil_panel_model_find_item (self->model, g_variant_get_int64 (parameter))) == NULL)
    return;
  /* Translators: the minutes form of a case on the agenda, with the person's name */
  title = g_strdup_printf (_("Minutes: %s"), person_name (self, item->person_id));

  open_editor (self, vigil_record_editor_new (self->store, title,
                                              _("What the panel discussed and decided for this case. Record "
                                                "decisions on PNC, ViSOR, adoption or exit in the dossier too."),
                                              NULL, &vigil_agenda_item_type, item,
                                              minutes_fields, G_N_ELEMENTS (minutes_fields)));
}

/* panel.add-action(x): for the agenda item of that id, or the meeting (0) */
static void
add_action_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  VigilPanelView *self = VIGIL_PANEL_VIEW (widget);
  const VigilAgendaItem *item = NULL;
  g_autoptr(VigilAction) action = vigil_action_new ();
  gint64 item_id = g_variant_get_int64 (parameter);

  if (shown_id (self) == 0 ||
      (item_id != 0 && (item = vigil_panel_model_find_item (self->model, item_id)) == NULL))
    return;

  action->meeting_id = shown_id (self);
  action->status = g_strdup ("open");
  if (item != NULL)
    {
      action->agenda_item_id = item->record.id;
      action->person_id = item->person_id;
    }
  open_editor (self, vigil_record_editor_new (self->store, _("Action"),
                                              _("An action carries to the next meetings until it is done."),
                                              _("_Add"), &vigil_action_type, action,
                                              action_fields, G_N_ELEMENTS (action_fields)));
}

static void
edit_action_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  VigilPanelView *self = VIGIL_PANEL_VIEW (widget);
  const VigilAction *action;

  if ((action = vigil_panel_model_find_action (self->model, g_variant_get_int64 (parameter))) == NULL)
    return;
  open_editor (self, vigil_record_editor_new (self->store, _("Action"), NULL, NULL, &vigil_action_type,
                                              action, action_fields, G_N_ELEMENTS (action_fields)));
}

static void
item_moved_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(VigilPanelView) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!vigil_panel_move_item_finish (VIGIL_STORE (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      show_message (self, error->message);
    }
  /* the store's "changed" reloads the agenda */
  end_busy (self);
}

static void
move_item (VigilPanelView *self,
           GVariant       *parameter,
           int             delta)
{
  const VigilAgendaItem *item;

  if ((item = vigil_panel_model_find_item (self->model, g_variant_get_int64 (parameter))) == NULL)
    return;
  show_message (self, NULL);
  begin_busy (self);
  vigil_panel_move_item_async (self->store, item->record.id, delta, self->cancellable, item_moved_cb,
                               g_object_ref (self));
}

static void
move_item_up_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  move_item (VIGIL_PANEL_VIEW (widget), parameter, -1);
}

static void
move_item_down_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  move_item (VIGIL_PANEL_VIEW (widget), parameter, 1);
}

/* Printing: the pack is laid out once, then each page drawn on the printer's paper. The
 * job holds the pack for the operation's signals, and the page while it is there. */
typedef struct
{
  VigilPanelView *view;  /* weak */
  VigilPanelPack *pack;
} PrintJob;

static PrintJob *
print_job_new (VigilPanelView *view,
               VigilPanelPack *pack)
{
  PrintJob *job = g_new0 (PrintJob, 1);

  g_set_weak_pointer (&job->view, view);
  job->pack = pack;
  return job;
}

static void
print_job_free (PrintJob *job)
{
  g_clear_weak_pointer (&job->view);
  g_clear_pointer (&job->pack, vigil_panel_pack_free);
  g_free (job);
}

static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                PrintJob          *job)
{
  gtk_print_operation_set_n_pages (operation, (int) vigil_panel_pack_get_n_pages (job->pack));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              PrintJob          *job)
{
  vigil_panel_pack_draw_page (job->pack, gtk_print_context_get_cairo_context (context), (guint) page_nr + 1,
                              gtk_print_context_get_width (context), gtk_print_context_get_height (context));
}

static void
print_recorded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(VigilPanelView) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!vigil_panel_pack_record_finish (VIGIL_STORE (object), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      show_message (self, error->message);
    }
  else
    show_message (self, _("The panel pack was sent to the printer."));
  end_busy (self);
}

static void
print_done_cb (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               PrintJob                *job)
{
  VigilPanelView *self = job->view;
  g_autoptr(GError) error = NULL;

  if (self == NULL)
    ;  /* the page went away meanwhile */
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      show_message (self, error ? error->message : _("Printing failed."));
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      begin_busy (self);
      vigil_panel_pack_record_async (job->pack, self->store, "print", self->cancellable, print_recorded_cb,
                                     g_object_ref (self));
    }
  g_object_unref (operation);
}

typedef struct
{
  VigilPanelView          *view;  /* owned */
  GtkPrintOperationAction  action;
  char                    *export_path;
} PrintRequest;

static void
print_request_free (PrintRequest *request)
{
  g_clear_object (&request->view);
  g_free (request->export_path);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PrintRequest, print_request_free)

static void
pack_prepared_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(PrintRequest) request = user_data;
  VigilPanelView *self = request->view;
  g_autoptr(GError) error = NULL;
  VigilPanelPack *pack = vigil_panel_pack_prepare_finish (VIGIL_STORE (object), result, &error);
  GtkRoot *root;
  GtkPrintOperation *operation;
  GtkPrintOperationResult run;
  PrintJob *job;

  if (pack == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      show_message (self, error->message);
      end_busy (self);
      return;
    }

  root = gtk_widget_get_root (GTK_WIDGET (self));
  operation = gtk_print_operation_new ();
  job = print_job_new (self, pack);
  gtk_print_operation_set_job_name (operation, shown_id (self) != 0 ? vigil_panel_model_get_title (self->model)
                                                                     : _("Panel pack"));
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  if (request->export_path != NULL)
    gtk_print_operation_set_export_filename (operation, request->export_path);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), job);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), job);
  /* the job goes with the operation */
  g_signal_connect_data (operation, "done", G_CALLBACK (print_done_cb), job, (GClosureNotify) print_job_free, 0);
  gtk_print_operation_set_allow_async (operation, request->action != GTK_PRINT_OPERATION_ACTION_EXPORT);
  show_message (self, NULL);
  /* ::done follows, after a synchronous run too, and lets the operation go */
  run = gtk_print_operation_run (operation, request->action, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                 &error);
  if (run == GTK_PRINT_OPERATION_RESULT_ERROR && error != NULL)
    show_message (self, error->message);
  end_busy (self);
}

/**
 * vigil_panel_view_print_pack:
 *
 * Prepares the shown meeting's panel pack off the main thread, then prints it through
 * GTK's print dialog (@action GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG), or straight to
 * @export_path as PDF (GTK_PRINT_OPERATION_ACTION_EXPORT, for tests). Returns FALSE
 * with @error set when no meeting is shown; later errors are shown in the page.
 */
gboolean
vigil_panel_view_print_pack (VigilPanelView          *self,
                             GtkPrintOperationAction  action,
                             const char              *export_path,
                             GError                 **error)
{
  PrintRequest *request;

  g_return_val_if_fail (VIGIL_IS_PANEL_VIEW (self), FALSE);

  if (shown_id (self) == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("No meeting is shown."));
      return FALSE;
    }
  request = g_new0 (PrintRequest, 1);
  request->view = g_object_ref (self);
  request->action = action;
  request->export_path = g_strdup (export_path);
  show_message (self, _("Preparing the panel pack…"));
  begin_busy (self);
  vigil_panel_pack_prepare_async (self->store, shown_id (self), NULL, self->cancellable, pack_prepared_cb, request);
  return TRUE;
}

static void
print_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  VigilPanelView *self = VIGIL_PANEL_VIEW (widget);
  g_autoptr(GError) error = NULL;

  if (!vigil_panel_view_print_pack (self, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG, NULL, &error))
    show_message (self, error->message);
}

static void
present_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  VigilPanelView *self = VIGIL_PANEL_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  VigilPresenter *presenter;

  if (shown_id (self) == 0)
    return;
  /* the presenter reads its cases itself, off the main thread */
  presenter = vigil_presenter_new (self->store, shown_id (self));
  g_set_weak_pointer (&self->editor, GTK_WIDGET (presenter));
  vigil_presenter_present_beside (presenter, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
}

static void
agenda_built_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(VigilPanelView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  int added = vigil_panel_build_agenda_finish (VIGIL_STORE (object), result, &error);

  if (added < 0 && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  end_busy (self);
  if (added < 0)
    {
      show_message (self, error->message);
      return;
    }
  /* the store's "changed" reloads the agenda */
  if (added == 0)
    text = g_strdup (_("The agenda already holds everyone the cohort puts there."));
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Added %d person to the agenda.",
                                         "Added %d people to the agenda.", added), added);
  show_message (self, text);
}

static void
build_agenda_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  VigilPanelView *self = VIGIL_PANEL_VIEW (widget);

  if (shown_id (self) == 0)
    return;
  show_message (self, _("Building the agenda…"));
  begin_busy (self);
  vigil_panel_build_agenda_async (self->store, shown_id (self), self->cancellable, agenda_built_cb,
                                  g_object_ref (self));
}

/* ------------------------------------------------------------------------------------
 * Export
 * ------------------------------------------------------------------------------------ */

/* What the callback needs to say where the pack went */
typedef struct
{
  VigilPanelView *view;  /* owned */
  char           *path;
} ExportRequest;

static void
export_request_free (ExportRequest *request)
{
  g_clear_object (&request->view);
  g_free (request->path);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportRequest, export_request_free)

static void
export_finished_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(ExportRequest) request = user_data;
  VigilPanelView *self = request->view;
  g_autoptr(GError) error = NULL;
  guint pages = vigil_panel_pack_write_finish (VIGIL_STORE (object), result, &error);
  g_autofree char *text = NULL;

  if (pages == 0 && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->exporting = FALSE;
  end_busy (self);
  if (pages == 0)
    {
      show_message (self, error->message);
      return;
    }
  /* Translators: a file name and its number of pages */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Wrote %s (%u page).", "Wrote %s (%u pages).", pages),
                          request->path, pages);
  show_message (self, text);
}

static void
start_export (VigilPanelView *self,
              const char     *path,
              gboolean        show_victims)
{
  VigilPanelPackOptions options = { show_victims, NULL, NULL };
  ExportRequest *request = g_new0 (ExportRequest, 1);

  request->view = g_object_ref (self);
  request->path = g_strdup (path);
  self->exporting = TRUE;
  show_message (self, _("Writing the panel pack…"));
  begin_busy (self);
  vigil_panel_pack_write_async (self->store, shown_id (self), path, &options, self->cancellable,
                                export_finished_cb, request);
}

static void
chooser_response_cb (GtkNativeDialog *dialog,
                     int              response,
                     VigilPanelView  *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);

      const char *victims = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "victims");

      if (path != NULL)
        start_export (self, path, g_strcmp0 (victims, "true") == 0);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
export_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  VigilPanelView *self = VIGIL_PANEL_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkFileChooserNative *chooser;
  const VigilPanelMeetingDetails *details = vigil_panel_model_get_details (self->model);
  g_autofree char *name = NULL;

  if (details == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Export Panel Pack"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  name = g_strdup_printf ("panel-pack-%.10s.pdf", details->meeting->meets_at);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  /* victims by role unless the person exporting chooses otherwise */
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "victims", _("Name the victims in the pack"), NULL, NULL);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "victims", "false");
  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ------------------------------------------------------------------------------------
 * Showing a meeting
 * ------------------------------------------------------------------------------------ */

/* Takes @details (NULL: none shown). */
static void
set_details (VigilPanelView           *self,
             VigilPanelMeetingDetails *details)
{
  g_autofree char *today = vigil_form_dup_today ();

  vigil_panel_model_set_details (self->model, details, today);
}

static void
show_empty (VigilPanelView *self,
            const char     *title,
            const char     *description)
{
  set_details (self, NULL);
  adw_status_page_set_title (self->empty_page, title);
  adw_status_page_set_description (self->empty_page, description);
  gtk_stack_set_visible_child_name (self->stack, "empty");
  update_state (self);
}

static void
show_no_meeting (VigilPanelView *self)
{
  show_empty (self, _("No Meeting Yet"), _("Schedule a panel meeting, then build its agenda from the cohort."));
}

/* Takes @details */
static void
show_details (VigilPanelView           *self,
              VigilPanelMeetingDetails *details)
{
  set_details (self, details);
  gtk_stack_set_visible_child_name (self->stack, "meeting");
  update_state (self);
}

/* Cancels the read on its way (its result is dropped) for a new one. */
static GCancellable *
start_load (VigilPanelView *self)
{
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();
  update_state (self);
  return self->load_cancellable;
}

static void
end_load (VigilPanelView *self)
{
  g_clear_object (&self->load_cancellable);
  update_state (self);
}

static void
fill_meetings (VigilPanelView *self,
               GPtrArray      *meetings,
               gint64          wanted)
{
  g_autofree char *today = vigil_form_dup_today ();
  guint selected;

  self->filling = TRUE;
  selected = vigil_panel_model_set_meetings (self->model, meetings, wanted, today);
  if (selected != G_MAXUINT)
    gtk_drop_down_set_selected (self->meetings, selected);
  self->filling = FALSE;
}

static void
meeting_loaded_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(VigilPanelView) self = user_data;
  g_autoptr(GError) error = NULL;
  VigilPanelMeetingDetails *details = vigil_panel_load_meeting_finish (VIGIL_STORE (object), result, &error);

  /* superseded by a newer read, or the view went away */
  if (details == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  end_load (self);
  if (details == NULL)
    {
      show_empty (self, _("Could Not Read the Meeting"), error->message);
      return;
    }
  show_details (self, details);
}

/* Reads the meeting the drop-down selects; @fresh: a new read, else the one started by
 * reload() goes on. */
static void
load_selected (VigilPanelView *self,
               gboolean        fresh)
{
  VigilMeetingItem *item = gtk_drop_down_get_selected_item (self->meetings);
  GCancellable *cancellable = fresh || self->load_cancellable == NULL ? start_load (self) : self->load_cancellable;

  if (self->store == NULL || item == NULL)
    {
      end_load (self);
      show_no_meeting (self);
      return;
    }
  self->wanted = vigil_meeting_item_get_id (item);
  vigil_panel_load_meeting_async (self->store, self->wanted, cancellable, meeting_loaded_cb, g_object_ref (self));
}

static void
meetings_listed_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(VigilPanelView) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) meetings = vigil_panel_list_meetings_finish (VIGIL_STORE (object), result, &error);

  if (meetings == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (meetings == NULL)
    {
      end_load (self);
      show_empty (self, _("Could Not Read the Meetings"), error->message);
      return;
    }
  fill_meetings (self, meetings, self->wanted);
  load_selected (self, FALSE);
}

/* Reads the meetings again, then @wanted (0: the next scheduled, else the newest); what
 * is shown stays until they arrive. */
static void
reload (VigilPanelView *self,
        gint64          wanted)
{
  GCancellable *cancellable;

  self->wanted = wanted;
  cancellable = start_load (self);
  if (self->store == NULL)
    {
      fill_meetings (self, NULL, 0);
      end_load (self);
      show_no_meeting (self);
      return;
    }
  /* a meeting shown stays until the new read arrives; nothing shown yet says so */
  if (shown_id (self) == 0)
    show_empty (self, _("Reading the Meetings…"), NULL);
  vigil_panel_list_meetings_async (self->store, cancellable, meetings_listed_cb, g_object_ref (self));
}

static void
meeting_selected_cb (VigilPanelView *self)
{
  if (!self->filling)
    {
      show_message (self, NULL);
      load_selected (self, TRUE);
    }
}

/* A commit wrote a panel table (a form's save, a build, a move, someone else's change):
 * the meeting shown is read again. */
static void
store_changed_cb (VigilStore          *store,
                  const char * const  *tables,
                  VigilPanelView      *self)
{
  static const char * const panel_tables[] = {
    "panel_meeting", "attendance", "agenda_item", "panel_action", "person", NULL
  };

  for (guint i = 0; tables != NULL && tables[i] != NULL; i++)
    if (g_strv_contains (panel_tables, tables[i]))
      {
        reload (self, self->wanted);
        return;
      }
}

/* ------------------------------------------------------------------------------------
 * GObject
 * ------------------------------------------------------------------------------------ */

static void
vigil_panel_view_dispose (GObject *object)
{
  VigilPanelView *self = VIGIL_PANEL_VIEW (object);
  GtkWidget *child;

  /* the calls on their way finish cancelled, without touching the view */
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIL_TYPE_PANEL_VIEW);
  /* the template's children that are not bound */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->store);
  g_clear_weak_pointer (&self->editor);

  G_OBJECT_CLASS (vigil_panel_view_parent_class)->dispose (object);
}

static void
vigil_panel_view_class_init (VigilPanelViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigil_panel_view_dispose;
  gtk_widget_class_set_css_name (widget_class, "panel");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  g_type_ensure (VIGIL_TYPE_MEETING_ITEM);
  g_type_ensure (VIGIL_TYPE_PANEL_MODEL);
  g_type_ensure (VIGIL_TYPE_PANEL_MEETING_SECTION);
  g_type_ensure (VIGIL_TYPE_PANEL_ATTENDANCE_SECTION);
  g_type_ensure (VIGIL_TYPE_PANEL_AGENDA_SECTION);
  g_type_ensure (VIGIL_TYPE_PANEL_ACTIONS_SECTION);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/vigilapp/Vigil/ui/vigil-panel-view.ui");
  gtk_widget_class_bind_template_child (widget_class, VigilPanelView, meetings);
  gtk_widget_class_bind_template_child (widget_class, VigilPanelView, spinner);
  gtk_widget_class_bind_template_child (widget_class, VigilPanelView, stack);
  gtk_widget_class_bind_template_child (widget_class, VigilPanelView, empty_page);
  gtk_widget_class_bind_template_child (widget_class, VigilPanelView, message);
  gtk_widget_class_bind_template_child (widget_class, VigilPanelView, meeting_section);
  gtk_widget_class_bind_template_child (widget_class, VigilPanelView, attendance_section);
  gtk_widget_class_bind_template_child (widget_class, VigilPanelView, agenda_section);
  gtk_widget_class_bind_template_child (widget_class, VigilPanelView, actions_section);
  gtk_widget_class_bind_template_child (widget_class, VigilPanelView, model);

  /* Every button of the view; a record is named by its id */
  gtk_widget_class_install_action (widget_class, "panel.schedule-meeting", NULL, schedule_meeting_action);
  gtk_widget_class_install_action (widget_class, "panel.edit-meeting", NULL, edit_meeting_action);
  gtk_widget_class_install_action (widget_class, "panel.build-agenda", NULL, build_agenda_action);
  gtk_widget_class_install_action (widget_class, "panel.present", NULL, present_action);
  gtk_widget_class_install_action (widget_class, "panel.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "panel.export", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "panel.add-attendee", NULL, add_attendee_action);
  gtk_widget_class_install_action (widget_class, "panel.edit-attendee", "x", edit_attendee_action);
  gtk_widget_class_install_action (widget_class, "panel.move-item-up", "x", move_item_up_action);
  gtk_widget_class_install_action (widget_class, "panel.move-item-down", "x", move_item_down_action);
  gtk_widget_class_install_action (widget_class, "panel.minutes", "x", minutes_action);
  gtk_widget_class_install_action (widget_class, "panel.add-action", "x", add_action_action);
  gtk_widget_class_install_action (widget_class, "panel.edit-action", "x", edit_action_action);
}

static void
vigil_panel_view_init (VigilPanelView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  g_signal_connect_object (self->meetings, "notify::selected", G_CALLBACK (meeting_selected_cb), self,
                           G_CONNECT_SWAPPED);
  show_no_meeting (self);
}

/* ------------------------------------------------------------------------------------
 * Public
 * ------------------------------------------------------------------------------------ */

void
vigil_panel_view_set_store (VigilPanelView *self,
                            VigilStore     *store)
{
  g_return_if_fail (VIGIL_IS_PANEL_VIEW (self));

  if (self->store == store)
    return;
  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_object (store, "changed", G_CALLBACK (store_changed_cb), self, 0);
  show_message (self, NULL);
  /* the old store's meeting must not stay on screen while the new one is read */
  set_details (self, NULL);
  reload (self, 0);
}

void
vigil_panel_view_show_meeting (VigilPanelView *self,
                               gint64          meeting_id)
{
  g_return_if_fail (VIGIL_IS_PANEL_VIEW (self));

  reload (self, meeting_id);
}

gint64
vigil_panel_view_get_meeting_id (VigilPanelView *self)
{
  g_return_val_if_fail (VIGIL_IS_PANEL_VIEW (self), 0);
  return shown_id (self);
}

gboolean
vigil_panel_view_get_loading (VigilPanelView *self)
{
  g_return_val_if_fail (VIGIL_IS_PANEL_VIEW (self), FALSE);
  return self->load_cancellable != NULL || self->n_busy > 0;
}

GtkWidget *
vigil_panel_view_get_section (VigilPanelView *self,
                              const char     *name)
{
  g_return_val_if_fail (VIGIL_IS_PANEL_VIEW (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (shown_id (self) == 0)
    return NULL;
  if (g_str_equal (name, "meeting"))
    return self->meeting_section;
  if (g_str_equal (name, "attendance"))
    return self->attendance_section;
  if (g_str_equal (name, "agenda"))
    return self->agenda_section;
  if (g_str_equal (name, "actions"))
    return self->actions_section;
  return NULL;
}

GtkWidget *
vigil_panel_view_get_editor (VigilPanelView *self)
{
  g_return_val_if_fail (VIGIL_IS_PANEL_VIEW (self), NULL);
  return self->editor;
}

gboolean
vigil_panel_view_export_pack (VigilPanelView  *self,
                              const char      *path,
                              gboolean         show_victims,
                              GError         **error)
{
  g_return_val_if_fail (VIGIL_IS_PANEL_VIEW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  if (shown_id (self) == 0)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("No meeting is shown."));
      return FALSE;
    }
  start_export (self, path, show_victims);
  return TRUE;
}
