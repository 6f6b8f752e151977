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
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-panel-view"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "vigil-decision-form.h"
#include "vigil-panel-pack.h"
#include "vigil-panel-view.h"
#include "vigil-meeting-item.h"
#include "vigil-presenter.h"
#include "vigil-record-editor.h"
#include "vigil-format.h"
#include "vigil-section.h"

struct _VigilPanelView
{
  GtkWidget      parent_instance;

  /* Children */
  GtkDropDown   *meetings;
  GtkWidget     *build_button;
  GtkWidget     *export_button;
  GtkWidget     *present_button;
  GtkWidget     *spinner;
  GtkStack      *stack;
  AdwStatusPage *empty_page;
  GtkBox        *content;
  GtkLabel      *message;

  /* Owned references */
  VigilStore    *store;
  GListStore    *meeting_items; /* VigilMeetingItem, the drop-down's model */
  VigilPanelMeetingDetails *details;  /* the meeting shown, NULL when none */
  GHashTable    *sections;     /* name → borrowed GtkWidget */
  GCancellable  *load_cancellable;  /* the meetings' or the meeting's read on its way */
  GCancellable  *cancellable;  /* the view's changes and packs, cancelled with the view */

  /* Borrowed */
  GtkWidget     *editor;       /* weak */

  gint64         wanted;       /* the meeting to show (0: the next scheduled, else the newest) */
  guint          n_busy;       /* changes and packs on their way */
  gboolean       exporting;
  gboolean       filling;      /* the drop-down is being refilled */
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

static const char *
person_name (VigilPanelView *self,
             gint64          person_id)
{
  const char *name = self->details ? vigil_panel_meeting_details_get_name (self->details, person_id) : NULL;

  return name ? name : "";
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
  const VigilPanelMeeting *meeting = self->details ? self->details->meeting : NULL;

  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), vigil_panel_view_get_loading (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "panel.build-agenda",
                                 meeting != NULL && g_strcmp0 (meeting->status, "scheduled") == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "panel.export", meeting != NULL && !self->exporting);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "panel.present", meeting != NULL && self->details->items->len > 0);
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
  return self->details ? self->details->meeting->record.id : 0;
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

  if (self->details == NULL)
    return;
  open_editor (self, vigil_record_editor_new (self->store, _("Meeting"), NULL, NULL, &vigil_panel_meeting_type,
                                              self->details->meeting, meeting_fields, G_N_ELEMENTS (meeting_fields)));
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

/* The record of @id in @records (VigilRecord-headed structs) of the meeting shown */
static gpointer
find_record (GPtrArray *records,
             gint64     id)
{
  for (guint i = 0; records != NULL && i < records->len; i++)
    {
      VigilRecord *record = g_ptr_array_index (records, i);

      if (record->id == id)
        return record;
    }
  return NULL;
}

static void
edit_attendee_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  VigilPanelView *self = VIGIL_PANEL_VIEW (widget);
  const VigilAttendance *attendee;

  if (self->details == NULL ||
      (attendee = find_record (self->details->attendance, g_variant_get_int64 (parameter))) == NULL)
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

  if (self->details == NULL ||
      (item = find_record (self->details->items, g_variant_get_int64 (parameter))) == NULL)
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

  if (self->details == NULL ||
      (item_id != 0 && (item = find_record (self->details->items, item_id)) == NULL))
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

  if (self->details == NULL ||
      (action = find_record (self->details->actions, g_variant_get_int64 (parameter))) == NULL)
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

  if (self->details == NULL ||
      (item = find_record (self->details->items, g_variant_get_int64 (parameter))) == NULL)
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

/* Printing: the pack is laid out once, then each page drawn on the printer's paper. */
static void
begin_print_cb (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                VigilPanelPack    *pack)
{
  gtk_print_operation_set_n_pages (operation, (int) vigil_panel_pack_get_n_pages (pack));
}

static void
draw_page_cb (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              VigilPanelPack    *pack)
{
  vigil_panel_pack_draw_page (pack, gtk_print_context_get_cairo_context (context), (guint) page_nr + 1,
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
               VigilPanelView          *self)
{
  VigilPanelPack *pack = g_object_get_data (G_OBJECT (operation), "vigil-pack");
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      gtk_print_operation_get_error (operation, &error);
      show_message (self, error ? error->message : _("Printing failed."));
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      begin_busy (self);
      vigil_panel_pack_record_async (pack, self->store, "print", self->cancellable, print_recorded_cb,
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
  g_object_set_data_full (G_OBJECT (operation), "vigil-pack", pack, (GDestroyNotify) vigil_panel_pack_free);
  gtk_print_operation_set_job_name (operation, self->details ? self->details->meeting->title : _("Panel pack"));
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  if (request->export_path != NULL)
    gtk_print_operation_set_export_filename (operation, request->export_path);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print_cb), pack);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page_cb), pack);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done_cb), self, 0);
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

  if (self->details == NULL)
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

  if (self->details == NULL)
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
  if (self->details == NULL)
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
  g_autofree char *name = NULL;

  if (self->details == NULL)
    return;
  chooser = gtk_file_chooser_native_new (_("Export Panel Pack"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  name = g_strdup_printf ("panel-pack-%.10s.pdf", self->details->meeting->meets_at);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  /* victims by role unless the person exporting chooses otherwise */
  gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "victims", _("Name the victims in the pack"), NULL, NULL);
  gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "victims", "false");
  g_signal_connect_object (chooser, "response", G_CALLBACK (chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ------------------------------------------------------------------------------------
 * Building the page
 * ------------------------------------------------------------------------------------ */

static GtkWidget *
add_section (VigilPanelView *self,
             const char     *name,
             const char     *title)
{
  GtkWidget *section = vigil_section_new (name, title);

  gtk_box_append (self->content, section);
  g_hash_table_insert (self->sections, g_strdup (name), section);
  return section;
}

static void
build_meeting (VigilPanelView *self)
{
  const VigilPanelMeeting *meeting = self->details->meeting;
  GtkWidget *section = add_section (self, "meeting", meeting->title);
  /* the meeting's own wall-clock time, as written */
  g_autofree char *day = g_strndup (meeting->meets_at, 10);
  g_autofree char *date = vigil_format_date (day);
  g_autofree char *time = strlen (meeting->meets_at) >= 16 ? g_strndup (meeting->meets_at + 11, 5) : NULL;
  /* Translators: a meeting's date, time and status */
  g_autofree char *when = g_strdup_printf (_("%s%s%s · %s"), date, time ? _(" at ") : "", time ? time : "",
                                           label_of (vigil_meeting_status_choices, meeting->status));
  g_autofree char *where = NULL;

  vigil_section_add_button (section, vigil_section_new_action_button ("edit-meeting", _("_Edit…"), _("Edit the meeting"),
                                                        "panel.edit-meeting", NULL));
  gtk_box_append (GTK_BOX (section), vigil_section_new_label (when, "heading"));
  /* Translators: where a meeting is, its area, its chair */
  where = g_strdup_printf (_("%s · area %s · chair %s"), is_set (meeting->location) ? meeting->location : _("no place set"),
                           is_set (meeting->area) ? meeting->area : _("all"),
                           is_set (meeting->chair) ? meeting->chair : _("not named"));
  gtk_box_append (GTK_BOX (section), vigil_section_new_label (where, NULL));
  if (is_set (meeting->protective_marking))
    gtk_box_append (GTK_BOX (section), vigil_section_new_label (meeting->protective_marking, "dim-label"));
}

static void
build_attendance (VigilPanelView *self)
{
  GtkWidget *section = add_section (self, "attendance", _("Attendance"));
  GPtrArray *attendance = self->details->attendance;
  g_auto(GStrv) missing = vigil_panel_dup_missing_agencies (attendance);
  GtkWidget *list;

  vigil_section_add_button (section, vigil_section_new_action_button ("add-attendee", _("Add _Attendee…"), _("Add an attendee"),
                                                        "panel.add-attendee", NULL));
  if (missing[0] != NULL)
    {
      g_autofree char *names = g_strjoinv (", ", missing);
      g_autofree char *text = g_strdup_printf (_("Not represented, though the guidance names them: %s."), names);
      GtkWidget *label = vigil_section_new_label (text, "warning");

      gtk_widget_set_name (label, "missing-agencies");
      gtk_box_append (GTK_BOX (section), label);
    }
  if (attendance->len == 0)
    {
      gtk_box_append (GTK_BOX (section), vigil_section_new_label (_("No one recorded yet."), "dim-label"));
      return;
    }
  list = vigil_section_new_list (_("Attendance"));
  for (guint i = 0; i < attendance->len; i++)
    {
      const VigilAttendance *person = g_ptr_array_index (attendance, i);
      g_autofree char *who = g_strdup_printf ("%s%s%s", label_of (vigil_agency_choices, person->agency),
                                              is_set (person->name) ? ": " : "", is_set (person->name) ? person->name : "");
      GtkWidget *row = vigil_section_append_row (list, who, person->role ? person->role : "", "caption",
                                                 person->present ? "" : _("Sent apologies"), "dim-label", NULL);
      /* Translators: accessible name of the button editing an attendee */
      g_autofree char *edit = g_strdup_printf (_("Edit %s"), who);

      vigil_section_row_add_button (row, vigil_section_new_action_button ("edit-attendee", _("Edit…"), edit, "panel.edit-attendee",
                                                                          g_variant_new_int64 (person->record.id)));
    }
  gtk_box_append (GTK_BOX (section), list);
}

static void
build_agenda (VigilPanelView *self)
{
  GtkWidget *section = add_section (self, "agenda", _("Agenda"));
  GPtrArray *items = self->details->items;
  GtkWidget *list;

  if (items->len == 0)
    {
      gtk_box_append (GTK_BOX (section), vigil_section_new_label (_("Nothing on the agenda: build it from the cohort."),
                                                                  "dim-label"));
      return;
    }
  list = vigil_section_new_list (_("Agenda, in order"));
  gtk_widget_set_name (list, "agenda-list");
  for (guint i = 0; i < items->len; i++)
    {
      const VigilAgendaItem *item = g_ptr_array_index (items, i);
      const char *name = person_name (self, item->person_id);
      g_autofree char *first = g_strdup_printf ("%u. %s", i + 1, name);
      g_autofree char *up = g_strdup_printf (_("Move %s up"), name);
      g_autofree char *down = g_strdup_printf (_("Move %s down"), name);
      g_autofree char *minutes = g_strdup_printf (_("Minutes of %s"), name);
      g_autofree char *action = g_strdup_printf (_("Add an action for %s"), name);
      GtkWidget *row = vigil_section_append_row (list, first, label_of (vigil_agenda_reason_choices, item->reason),
                                                 "caption", item->minutes ? item->minutes : "", "dim-label",
                                                 item->decisions ? item->decisions : "", NULL, NULL);
      GtkWidget *button;

      gtk_widget_set_name (row, "agenda-item");
      /* the first cannot move up, the last down: those buttons get no action and stay
       * insensitive (an action would make its button sensitive) */
      button = vigil_section_new_action_button ("move-up", NULL, up, i > 0 ? "panel.move-item-up" : NULL,
                                                g_variant_new_int64 (item->record.id));
      gtk_button_set_icon_name (GTK_BUTTON (button), "go-up-symbolic");
      gtk_widget_set_tooltip_text (button, _("Move up"));
      gtk_widget_set_sensitive (button, i > 0);
      vigil_section_row_add_button (row, button);
      button = vigil_section_new_action_button ("move-down", NULL, down, i + 1 < items->len ? "panel.move-item-down" : NULL,
                                                g_variant_new_int64 (item->record.id));
      gtk_button_set_icon_name (GTK_BUTTON (button), "go-down-symbolic");
      gtk_widget_set_tooltip_text (button, _("Move down"));
      gtk_widget_set_sensitive (button, i + 1 < items->len);
      vigil_section_row_add_button (row, button);
      vigil_section_row_add_button (row, vigil_section_new_action_button ("minutes", _("Minutes…"), minutes, "panel.minutes",
                                                                          g_variant_new_int64 (item->record.id)));
      vigil_section_row_add_button (row, vigil_section_new_action_button ("add-action", _("Action…"), action, "panel.add-action",
                                                                          g_variant_new_int64 (item->record.id)));
    }
  gtk_box_append (GTK_BOX (section), list);
}

static void
build_actions (VigilPanelView *self)
{
  GtkWidget *section = add_section (self, "actions", _("Actions"));
  GPtrArray *actions = self->details->actions;
  g_autofree char *today = vigil_form_dup_today ();
  GtkWidget *list;

  vigil_section_add_button (section, vigil_section_new_action_button ("add-meeting-action", _("Add A_ction…"), _("Add an action"),
                                                        "panel.add-action", g_variant_new_int64 (0)));
  if (actions->len == 0)
    {
      gtk_box_append (GTK_BOX (section), vigil_section_new_label (_("No action yet."), "dim-label"));
      return;
    }
  list = vigil_section_new_list (_("Actions"));
  gtk_widget_set_name (list, "action-list");
  for (guint i = 0; i < actions->len; i++)
    {
      const VigilAction *action = g_ptr_array_index (actions, i);
      gboolean overdue = vigil_panel_action_is_overdue (action, today);
      const char *who = action->person_id ? person_name (self, action->person_id) : NULL;
      /* Translators: owner agency · due date · status */
      g_autofree char *second = g_strdup_printf (_("%s · due %s · %s%s"),
                                                 action->owner_agency ? label_of (vigil_agency_choices, action->owner_agency)
                                                                      : _("no owner"),
                                                 action->due_on ? action->due_on : _("no date"),
                                                 label_of (vigil_action_status_choices, action->status),
                                                 overdue ? _(" · overdue") : "");
      g_autofree char *edit = g_strdup_printf (_("Edit the action %s"), action->description);
      GtkWidget *row = vigil_section_append_row (list, action->description, second, overdue ? "warning" : "caption",
                                                 who ? who : "", "dim-label",
                                                 action->meeting_id != shown_id (self)
                                                   ? _("Carried from an earlier meeting") : "", "dim-label",
                                                 NULL);

      vigil_section_row_add_button (row, vigil_section_new_action_button ("edit-action", _("Edit…"), edit, "panel.edit-action",
                                                                          g_variant_new_int64 (action->record.id)));
    }
  gtk_box_append (GTK_BOX (section), list);
}

static void
clear_content (VigilPanelView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->content))) != NULL)
    gtk_box_remove (self->content, child);
  g_hash_table_remove_all (self->sections);
}

static void
show_empty (VigilPanelView *self,
            const char     *title,
            const char     *description)
{
  clear_content (self);
  g_clear_pointer (&self->details, vigil_panel_meeting_details_free);
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
  /* the rows' buttons borrow the old records: they go first */
  clear_content (self);
  g_clear_pointer (&self->details, vigil_panel_meeting_details_free);
  self->details = details;
  build_meeting (self);
  build_attendance (self);
  build_agenda (self);
  build_actions (self);
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
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autofree char *today = vigil_form_dup_today ();
  guint selected = GTK_INVALID_LIST_POSITION;

  for (guint i = 0; meetings != NULL && i < meetings->len; i++)
    {
      const VigilPanelMeeting *meeting = g_ptr_array_index (meetings, i);
      g_autofree char *label = g_strdup_printf ("%s — %.10s (%s)", meeting->title, meeting->meets_at,
                                                label_of (vigil_meeting_status_choices, meeting->status));

      g_ptr_array_add (items, vigil_meeting_item_new (meeting->record.id, label));
      if (meeting->record.id == wanted)
        selected = i;
    }
  /* otherwise the next scheduled meeting, else the newest */
  for (guint i = 0; meetings != NULL && selected == GTK_INVALID_LIST_POSITION && i < meetings->len; i++)
    {
      const VigilPanelMeeting *meeting = g_ptr_array_index (meetings, i);

      if (g_strcmp0 (meeting->status, "scheduled") == 0 && strncmp (meeting->meets_at, today, 10) >= 0)
        selected = i;
    }
  if (selected == GTK_INVALID_LIST_POSITION && items->len > 0)
    selected = items->len - 1;

  self->filling = TRUE;
  g_list_store_splice (self->meeting_items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->meeting_items)),
                       items->pdata, items->len);
  if (selected != GTK_INVALID_LIST_POSITION)
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
  if (self->details == NULL)
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
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->store);
  g_clear_object (&self->meeting_items);
  g_clear_pointer (&self->details, vigil_panel_meeting_details_free);
  g_clear_pointer (&self->sections, g_hash_table_unref);
  g_clear_weak_pointer (&self->editor);

  G_OBJECT_CLASS (vigil_panel_view_parent_class)->dispose (object);
}

static void
vigil_panel_view_class_init (VigilPanelViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigil_panel_view_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "panel");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

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
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *new_button_widget;
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Panel meetings"), -1);
  self->meeting_items = g_list_store_new (VIGIL_TYPE_MEETING_ITEM);
  self->cancellable = g_cancellable_new ();
  self->sections = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  self->meetings = GTK_DROP_DOWN (gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->meeting_items)),
                                                    gtk_property_expression_new (VIGIL_TYPE_MEETING_ITEM, NULL,
                                                                                 "label")));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->meetings), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Meeting"), -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->meetings), _("The meeting shown"));
  g_signal_connect_object (self->meetings, "notify::selected", G_CALLBACK (meeting_selected_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->meetings));
  new_button_widget = vigil_section_new_action_button ("new-meeting", _("_Schedule…"), _("Schedule a meeting"),
                                                       "panel.schedule-meeting", NULL);
  gtk_box_append (GTK_BOX (bar), new_button_widget);
  self->build_button = vigil_section_new_action_button ("build-agenda", _("_Build Agenda"), _("Build the agenda from the cohort"),
                                                        "panel.build-agenda", NULL);
  gtk_widget_set_tooltip_text (self->build_button, _("Add the people awaiting adoption, reviews due, risers and exits"));
  gtk_widget_set_hexpand (self->build_button, FALSE);
  gtk_box_append (GTK_BOX (bar), self->build_button);
  self->spinner = gtk_spinner_new ();
  gtk_widget_set_hexpand (self->spinner, TRUE);
  gtk_widget_set_halign (self->spinner, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (bar), self->spinner);
  self->present_button = vigil_section_new_action_button ("present", _("_Present"), _("Present the meeting on the projector"),
                                                          "panel.present", NULL);
  gtk_widget_set_tooltip_text (self->present_button, _("Projection mode: one case at a time, full screen"));
  gtk_box_append (GTK_BOX (bar), self->present_button);
  gtk_box_append (GTK_BOX (bar), vigil_section_new_action_button ("print-pack", _("P_rint…"), _("Print the panel pack"),
                                                                    "panel.print", NULL));
  self->export_button = vigil_section_new_action_button ("export-pack", _("_Export Panel Pack…"), _("Export the panel pack as a PDF"),
                                                         "panel.export", NULL);
  gtk_widget_add_css_class (self->export_button, "suggested-action");
  gtk_box_append (GTK_BOX (bar), self->export_button);
  gtk_widget_add_css_class (bar, "identification-toolbar");
  gtk_widget_set_parent (bar, GTK_WIDGET (self));

  self->message = GTK_LABEL (vigil_section_new_label (NULL, "dim-label"));
  gtk_widget_set_margin_start (GTK_WIDGET (self->message), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->message), 12);
  gtk_widget_set_visible (GTK_WIDGET (self->message), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->message), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Status"), -1);
  gtk_widget_set_parent (GTK_WIDGET (self->message), GTK_WIDGET (self));

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  self->empty_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->empty_page, "x-office-calendar-symbolic");
  adw_status_page_set_title (self->empty_page, _("No Meeting Yet"));
  adw_status_page_set_description (self->empty_page, _("Schedule a panel meeting, then build its agenda from the cohort."));
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->empty_page), "empty");

  self->content = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 6));
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->content), 24);
  gtk_widget_set_margin_start (GTK_WIDGET (self->content), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (self->content), 12);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 960);
  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (self->content));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  gtk_stack_add_named (self->stack, scrolled, "meeting");
  gtk_widget_set_parent (GTK_WIDGET (self->stack), GTK_WIDGET (self));
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
  g_clear_pointer (&self->details, vigil_panel_meeting_details_free);
  clear_content (self);
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
  return g_hash_table_lookup (self->sections, name);
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

  if (self->details == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("No meeting is shown."));
      return FALSE;
    }
  start_export (self, path, show_victims);
  return TRUE;
}
