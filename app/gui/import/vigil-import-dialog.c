/* vigil-import-dialog.c: importing police incidents or partner-agency information
 *
 * Two kinds of file (the "kind" property, named as the import batches' kinds):
 * "incidents", a police incident extract, and "agency_flags", information shared by
 * partner agencies (principle 1), which becomes agency flags on people.
 *
 * Three steps in one modal window:
 *  - "choose":  what is imported, the CSV file and, for a force's own incident extract,
 *    a mapping file (JSON);
 *  - "running": vigil_import_incidents_async() or vigil_import_agency_flags_async() on
 *    a worker with its own connection; its reports (the fraction, and the rows read
 *    and rows a second as the core words them) reach the progress bar through the
 *    store's progress seam, the latest one at low priority;
 *  - "report":  the counts, the first rejected rows (line, field, reason, and the
 *    row's text on demand) and the unknown offence codes; with more rejected rows, a
 *    row opens "rejections", a virtual GtkListView of them all (a file in the wrong
 *    date format may have a million, and a widget per row would not do). For agency
 *    information it lists, instead of unknown offence codes, the people flagged who
 *    have no incident as a perpetrator, whom the score cannot see.
 * Other ends: "already-imported" (the same file was imported before: nothing added)
 * and "cancelled" (the import rolled back: nothing changed). An import that cannot
 * run or fails goes back to "choose", a VigilForm: its banner says why (the GError's
 * message under a heading: bad mapping, missing column, real names into the demo, a
 * file that is not on this computer, PostgreSQL, …) and marks the file at fault, and
 * choosing another file, or another kind, clears the problem.
 *
 * The batch is committed by the worker; the ::imported signal (incidents) and the
 * ::flags-imported signal (agency information), emitted when the dialog closes after an
 * import that added a batch, let the window reload what it shows.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-import-dialog"

#include "config.h"

#include "vigil-format.h"

#include <glib/gi18n.h>

#include "vigil-flag-import.h"
#include "vigil-form.h"
#include "vigil-import-dialog.h"
#include "vigil-rejection-item.h"
#include "vigil-rejection-model.h"

/* How long the running page pulses before the first progress report. */
#define PULSE_INTERVAL_MS 120
/* The people without a police incident that the report lists; Copy takes them all. */
#define N_CANDIDATES_SHOWN 50

/* Where an import's progress goes: the dialog, while the import is still its own. */
typedef struct
{
  GWeakRef      dialog;
  GCancellable *cancellable;
} ImportProgress;

struct _VigilImportDialog
{
  AdwWindow parent_instance;

  /* Template widgets */
  AdwWindowTitle     *window_title;
  GtkButton          *back_button;
  GtkButton          *cancel_button;
  GtkButton          *import_button;
  GtkButton          *done_button;
  GtkStack           *stack;
  VigilForm          *form;
  GtkCheckButton     *incidents_check;
  GtkCheckButton     *flags_check;
  AdwPreferencesGroup *files_group;
  AdwActionRow       *file_row;
  AdwActionRow       *mapping_row;
  GtkButton          *choose_file_button;
  GtkButton          *clear_mapping_button;
  AdwActionRow       *store_row;
  GtkLabel           *choose_note;
  AdwStatusPage      *running_page;
  GtkProgressBar     *progress_bar;
  GtkLabel           *progress_label;
  GtkButton          *cancel_import_button;
  AdwPreferencesPage *report_page;
  GtkImage           *report_icon;
  GtkLabel           *report_title;
  GtkLabel           *report_description;
  GtkLabel           *rows_read_label;
  AdwActionRow       *imported_row;
  GtkLabel           *imported_label;
  AdwActionRow       *known_row;
  GtkLabel           *known_label;
  GtkLabel           *rejected_label;
  AdwActionRow       *people_row;
  GtkLabel           *people_label;
  AdwActionRow       *duplicates_row;
  GtkLabel           *duplicates_label;
  GtkButton          *review_duplicates_button;
  AdwPreferencesGroup *candidates_group;
  GtkListBox         *candidates_list;
  AdwPreferencesGroup *rejections_group;
  GtkListBox         *rejections_list;
  AdwPreferencesGroup *unmapped_group;
  GtkListBox         *unmapped_list;
  GtkListView        *rejections_view;
  AdwStatusPage      *already_page;
  AdwStatusPage      *cancelled_page;

  /* Owned references */
  VigilStore           *store;
  GFile                *file;
  GFile                *mapping_file;
  GtkFileChooserNative *file_chooser;
  VigilRejectionModel  *rejection_model;
  GCancellable         *import_cancellable; /* the import running, NULL when none */
  VigilImportReport    *report;       /* the last incident import's report */
  VigilFlagImportReport *flag_report; /* the last agency information import's report */
  GError               *error;        /* the last import's failure */

  guint                 pulse_source;
  guint                 flags : 1;          /* kind: agency information */
  guint                 report_is_flags : 1;/* the report shown is flag_report */
  guint                 choosing_mapping : 1;
  guint                 hold_for_testing : 1;
  guint                 close_when_done : 1;
  guint                 batch_added : 1;    /* the store changed: emit ::imported on close */
};

G_DEFINE_FINAL_TYPE (VigilImportDialog, vigil_import_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_FILE,
  PROP_MAPPING_FILE,
  PROP_KIND,
  PROP_PAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  IMPORTED,
  FLAGS_IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The import's progress */

static void
import_progress_free (ImportProgress *progress)
{
  g_weak_ref_clear (&progress->dialog);
  g_clear_object (&progress->cancellable);
  g_free (progress);
}

/* Helpers */

static char *
format_count (guint64 count)
{
  return vigil_format_count ((gint64) count);
}

static char *
dup_display_name (GFile *file)
{
  g_autofree char *path = g_file_get_path (file);

  if (path != NULL)
    return g_filename_display_basename (path);
  return g_file_get_parse_name (file);
}

static void
remove_all_rows (GtkListBox *list)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static gboolean
is_running (VigilImportDialog *self)
{
  return self->import_cancellable != NULL;
}

static void
update_actions (VigilImportDialog *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);
  gboolean choosing = g_strcmp0 (page, "choose") == 0 && !is_running (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.start", choosing && self->file != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.choose-file", choosing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.choose-mapping", choosing && !self->flags);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.clear-mapping",
                                 choosing && !self->flags && self->mapping_file != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.copy-candidates",
                                 g_strcmp0 (page, "report") == 0 && self->report_is_flags &&
                                 self->flag_report != NULL && self->flag_report->no_incident_refs[0] != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.cancel", is_running (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.restart", !is_running (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.show-rejections",
                                 g_strcmp0 (page, "report") == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.show-report",
                                 g_strcmp0 (page, "rejections") == 0);
}

static void
update_file_rows (VigilImportDialog *self)
{
  /* The name, and the whole path in the tooltip */
  if (self->file != NULL)
    {
      g_autofree char *name = dup_display_name (self->file);
      g_autofree char *parse_name = g_file_get_parse_name (self->file);

      adw_action_row_set_subtitle (self->file_row, name);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->file_row), parse_name);
    }
  else
    {
      adw_action_row_set_subtitle (self->file_row, _("No file chosen"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->file_row), NULL);
    }

  if (self->mapping_file != NULL)
    {
      g_autofree char *name = dup_display_name (self->mapping_file);
      g_autofree char *parse_name = g_file_get_parse_name (self->mapping_file);

      adw_action_row_set_subtitle (self->mapping_row, name);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->mapping_row), parse_name);
    }
  else
    {
      adw_action_row_set_subtitle (self->mapping_row,
                                   _("None: the file has the exchange format’s columns"));
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->mapping_row), NULL);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->clear_mapping_button), self->mapping_file != NULL);
  update_actions (self);
}

static const char *
get_title (VigilImportDialog *self)
{
  return self->flags ? _("Import Agency Information") : _("Import Incidents");
}

/* What the choose page says about the kind of file */
static void
update_kind (VigilImportDialog *self)
{
  if (self->flags)
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->file_row), _("Agency Information File"));
      adw_preferences_group_set_description (self->files_group,
                                             _("Information shared by a partner agency, as CSV with the "
                                               "columns person_ref, person_name, person_dob, person_pnc, "
                                               "agency, concern, reported_on, reported_by and "
                                               "isa_reference. A mapping file applies only to "
                                               "incidents."));
      gtk_label_set_label (self->choose_note,
                           _("Every row is checked. A row that cannot be imported is kept with its line "
                             "number and reason, and listed at the end; all the other rows are imported. "
                             "People are found by their reference, or added when the store does not know "
                             "them. Importing the same file or the same concern again adds nothing."));
    }
  else
    {
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->file_row), _("Incident File"));
      adw_preferences_group_set_description (self->files_group,
                                             _("An incident extract as CSV, in Vigil’s exchange format, or "
                                               "in a force’s own format with a mapping file that names its "
                                               "columns, date format and labels."));
      gtk_label_set_label (self->choose_note,
                           _("Every row is checked. A row that cannot be imported is kept with its line "
                             "number and reason, and listed at the end; all the other rows are imported. "
                             "Importing the same file or incident again adds nothing."));
    }

  gtk_widget_set_visible (GTK_WIDGET (self->mapping_row), !self->flags);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->choose_file_button),
                               self->flags ? _("Choose the Agency Information File")
                                           : _("Choose the Incident File"));
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "choose") == 0)
    adw_window_title_set_title (self->window_title, get_title (self));
  gtk_window_set_title (GTK_WINDOW (self), get_title (self));
  update_actions (self);
}

static void
set_page (VigilImportDialog *self,
          const char        *name)
{
  gboolean choose = g_str_equal (name, "choose");
  gboolean running = g_str_equal (name, "running");
  gboolean rejections = g_str_equal (name, "rejections");
  gboolean report = g_str_equal (name, "report") || rejections;

  gtk_stack_set_visible_child_name (self->stack, name);

  if (rejections)
    {
      g_autofree char *file_name = dup_display_name (self->file);

      adw_window_title_set_title (self->window_title, _("Rejected Rows"));
      adw_window_title_set_subtitle (self->window_title, file_name);
    }
  else
    {
      adw_window_title_set_title (self->window_title, get_title (self));
      adw_window_title_set_subtitle (self->window_title, NULL);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->back_button), rejections);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), choose);
  gtk_widget_set_visible (GTK_WIDGET (self->import_button), choose);
  gtk_widget_set_visible (GTK_WIDGET (self->done_button), !choose && !running);
  gtk_button_set_label (self->done_button, report ? _("_Done") : _("_Close"));
  if (report)
    gtk_widget_add_css_class (GTK_WIDGET (self->done_button), "suggested-action");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->done_button), "suggested-action");

  if (choose)
    gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->import_button));
  else if (running)
    gtk_window_set_default_widget (GTK_WINDOW (self), NULL);
  else
    gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->done_button));

  /* Enter imports (a chosen file) or closes (the end pages); Escape cancels. */
  if (choose)
    gtk_widget_grab_focus (self->file != NULL ? GTK_WIDGET (self->import_button)
                                              : GTK_WIDGET (self->choose_file_button));
  else if (running)
    gtk_widget_grab_focus (GTK_WIDGET (self->cancel_import_button));
  else if (rejections)
    gtk_widget_grab_focus (GTK_WIDGET (self->rejections_view));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->done_button));

  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

/* The running page */

static void
show_progress (VigilImportDialog *self,
               double             fraction,
               const char        *message)
{
  g_clear_handle_id (&self->pulse_source, g_source_remove);
  gtk_progress_bar_set_fraction (self->progress_bar, CLAMP (fraction, 0.0, 1.0));
  if (message != NULL)
    gtk_label_set_label (self->progress_label, message);
}

static gboolean
pulse_cb (gpointer user_data)
{
  VigilImportDialog *self = user_data;

  gtk_progress_bar_pulse (self->progress_bar);
  return G_SOURCE_CONTINUE;
}

/* On the main context, from the worker's reports */
static void
import_progress_cb (double      fraction,
                    const char *message,
                    gpointer    user_data)
{
  ImportProgress *progress = user_data;
  g_autoptr(VigilImportDialog) self = g_weak_ref_get (&progress->dialog);

  /* After Cancel, the page says that the import is being undone. */
  if (self != NULL && self->import_cancellable == progress->cancellable &&
      !g_cancellable_is_cancelled (progress->cancellable))
    show_progress (self, fraction, message);
}

/* The end pages */

static GtkWidget *
create_raw_text_label (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "monospace");
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Text of the rejected row"),
                                  -1);
  return label;
}

static GtkWidget *
create_rejection_row (VigilRejectionItem *item)
{
  g_autofree char *title = vigil_rejection_item_dup_title (item);
  g_autofree char *reason = vigil_rejection_item_dup_summary (item);
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *label;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), reason);

  /* The row's text as read (bytes that are not UTF-8 written as \xHH). */
  label = create_raw_text_label ();
  gtk_label_set_label (GTK_LABEL (label), vigil_rejection_item_get_raw_text (item));
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), label);

  return row;
}

/* The last row of the report's short list: opens the list of them all. */
static GtkWidget *
create_all_rejections_row (guint n_rejections)
{
  g_autofree char *count = format_count (n_rejections);
  g_autofree char *title = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *arrow = g_object_new (GTK_TYPE_IMAGE,
                                   "icon-name", "go-next-symbolic",
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                   NULL);

  /* Translators: a row that opens the list of every rejected row; %s is their number */
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "See the %s Rejected Row", "See All %s Rejected Rows",
                                        n_rejections),
                           count);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), arrow);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "import.show-rejections");

  return row;
}

/* The virtual list of every rejected row */

static void
rejection_setup_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *reason = gtk_label_new (NULL);
  GtkWidget *raw = create_raw_text_label ();

  gtk_widget_set_margin_top (box, 9);
  gtk_widget_set_margin_bottom (box, 9);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (reason), 0);
  gtk_label_set_wrap (GTK_LABEL (reason), TRUE);
  gtk_widget_add_css_class (reason, "dim-label");
  gtk_widget_set_margin_top (raw, 3);

  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), reason);
  gtk_box_append (GTK_BOX (box), raw);
  gtk_list_item_set_child (list_item, box);
  gtk_list_item_set_activatable (list_item, FALSE);
}

static void
rejection_bind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   gpointer                  user_data)
{
  VigilRejectionItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *title = gtk_widget_get_first_child (gtk_list_item_get_child (list_item));
  GtkWidget *reason = gtk_widget_get_next_sibling (title);
  GtkWidget *raw = gtk_widget_get_next_sibling (reason);
  g_autofree char *title_text = vigil_rejection_item_dup_title (item);
  g_autofree char *reason_text = vigil_rejection_item_dup_summary (item);

  gtk_label_set_label (GTK_LABEL (title), title_text);
  gtk_label_set_label (GTK_LABEL (reason), reason_text);
  gtk_label_set_label (GTK_LABEL (raw), vigil_rejection_item_get_raw_text (item));
}

static GtkWidget *
create_unmapped_row (const VigilImportUnmapped *unmapped)
{
  g_autofree char *count = format_count (unmapped->count);
  g_autofree char *text = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *label;

  /* Translators: how many incidents carry an unknown offence code, e.g. "3 incidents" */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s incident", "%s incidents",
                                       (gulong) MIN (unmapped->count, G_MAXULONG)),
                          count);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), unmapped->code);
  label = gtk_label_new (text);
  gtk_widget_add_css_class (label, "numeric");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);

  return row;
}

static void
set_count (GtkLabel *label,
           guint64   count,
           gboolean  notable)
{
  g_autofree char *text = format_count (count);

  gtk_label_set_label (label, text);
  if (notable && count > 0)
    gtk_widget_add_css_class (GTK_WIDGET (label), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (label), "warning");
}

static void
set_summary_row (AdwActionRow *row,
                 const char   *title,
                 const char   *subtitle)
{
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (row, subtitle);
}

/* The icon, title and sentence at the top of the report */
static void
show_heading (VigilImportDialog *self,
              guint64            rows_rejected,
              char              *added)
{
  g_autofree char *owned_added = added;
  g_autofree char *rejected = format_count (rows_rejected);
  g_autofree char *description = NULL;

  if (rows_rejected == 0)
    {
      gtk_image_set_from_icon_name (self->report_icon, "emblem-ok-symbolic");
      gtk_widget_remove_css_class (GTK_WIDGET (self->report_icon), "warning");
      gtk_widget_add_css_class (GTK_WIDGET (self->report_icon), "success");
      gtk_label_set_label (self->report_title, _("Import Complete"));
    }
  else
    {
      gtk_image_set_from_icon_name (self->report_icon, "dialog-warning-symbolic");
      gtk_widget_remove_css_class (GTK_WIDGET (self->report_icon), "success");
      gtk_widget_add_css_class (GTK_WIDGET (self->report_icon), "warning");
      gtk_label_set_label (self->report_title,
                           g_dngettext (GETTEXT_PACKAGE, "Imported, With a Row Rejected",
                                        "Imported, With Rows Rejected",
                                        (gulong) MIN (rows_rejected, G_MAXULONG)));
    }

  if (rows_rejected > 0)
    {
      g_autofree char *rejections = NULL;

      /* Translators: %s is a number of rows */
      rejections = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s row could not be imported: see below.",
                                                 "%s rows could not be imported: see below.",
                                                 (gulong) MIN (rows_rejected, G_MAXULONG)),
                                    rejected);
      /* Translators: two sentences of the import report, one after the other */
      description = g_strdup_printf (_("%s %s"), owned_added, rejections);
    }
  else
    description = g_steal_pointer (&owned_added);
  gtk_label_set_label (self->report_description, description);
}

/* The first rejected rows here; all of them one click away */
static void
show_rejections (VigilImportDialog *self,
                 GPtrArray         *rejections)
{
  guint shown;

  remove_all_rows (self->rejections_list);
  vigil_rejection_model_set_rejections (self->rejection_model, rejections);
  shown = MIN (rejections->len, VIGIL_IMPORT_DIALOG_N_REJECTIONS_INLINE);
  for (guint i = 0; i < shown; i++)
    {
      g_autoptr(VigilRejectionItem) item = g_list_model_get_item (G_LIST_MODEL (self->rejection_model), i);

      gtk_list_box_append (self->rejections_list, create_rejection_row (item));
    }
  if (rejections->len > shown)
    gtk_list_box_append (self->rejections_list, create_all_rejections_row (rejections->len));
  gtk_widget_set_visible (GTK_WIDGET (self->rejections_group), rejections->len > 0);
}

static GtkWidget *
create_candidate_row (const char *ref)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), ref);
  adw_preferences_row_set_title_selectable (ADW_PREFERENCES_ROW (row), TRUE);
  return row;
}

static GtkWidget *
create_more_candidates_row (guint n_more)
{
  g_autofree char *count = format_count (n_more);
  g_autofree char *title = NULL;
  GtkWidget *row = adw_action_row_new ();

  /* Translators: the last row of a shortened list of people; %s is how many are not shown */
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "And %s more: copy the references to see them all",
                                        "And %s more: copy the references to see them all", n_more),
                           count);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_add_css_class (row, "dim-label");
  return row;
}

static void
show_incident_summary (VigilImportDialog *self)
{
  const VigilImportReport *report = self->report;
  g_autofree char *name = dup_display_name (self->file);
  g_autofree char *imported = format_count (report->rows_imported);

  /* Translators: the first %s is a number of incidents, the second a file name */
  show_heading (self, report->rows_rejected,
                g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s incident from “%s” was added to the store.",
                                              "%s incidents from “%s” were added to the store.",
                                              (gulong) MIN (report->rows_imported, G_MAXULONG)),
                                 imported, name));

  set_summary_row (self->imported_row, _("Incidents Imported"), NULL);
  set_summary_row (self->known_row, _("Already in the Store"),
                   _("Incident references imported before: not added again"));
  set_summary_row (self->people_row, _("New People"), _("Perpetrators and victims not in the store before"));
  gtk_widget_set_visible (GTK_WIDGET (self->duplicates_row), TRUE);

  set_count (self->rows_read_label, report->rows_total, FALSE);
  set_count (self->imported_label, report->rows_imported, FALSE);
  set_count (self->known_label, report->rows_duplicate, FALSE);
  set_count (self->rejected_label, report->rows_rejected, TRUE);
  set_count (self->people_label, report->people_created, FALSE);
  set_count (self->duplicates_label, report->possible_duplicates, TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.review-duplicates",
                                 report->possible_duplicates > 0 &&
                                 gtk_window_get_transient_for (GTK_WINDOW (self)) != NULL);

  show_rejections (self, report->rejections);

  /* Offence codes outside the gravity table */
  remove_all_rows (self->unmapped_list);
  for (guint i = 0; i < report->unmapped->len; i++)
    gtk_list_box_append (self->unmapped_list, create_unmapped_row (g_ptr_array_index (report->unmapped, i)));
  gtk_widget_set_visible (GTK_WIDGET (self->unmapped_group), report->unmapped->len > 0);

  remove_all_rows (self->candidates_list);
  gtk_widget_set_visible (GTK_WIDGET (self->candidates_group), FALSE);
}

static void
show_flag_summary (VigilImportDialog *self)
{
  const VigilFlagImportReport *report = self->flag_report;
  g_autofree char *name = dup_display_name (self->file);
  g_autofree char *imported = format_count (report->rows_imported);
  guint n_candidates = g_strv_length (report->no_incident_refs);
  guint shown = MIN (n_candidates, N_CANDIDATES_SHOWN);

  /* Translators: the first %s is a number of agency flags, the second a file name */
  show_heading (self, report->rows_rejected,
                g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s flag from “%s” was added to the store.",
                                              "%s flags from “%s” were added to the store.",
                                              (gulong) MIN (report->rows_imported, G_MAXULONG)),
                                 imported, name));

  set_summary_row (self->imported_row, _("Flags Added"), _("Concerns shared by partner agencies"));
  set_summary_row (self->known_row, _("Already in the Store"),
                   _("The same concern about the same person on the same date: not added again"));
  set_summary_row (self->people_row, _("New People"), _("People the store did not know before"));
  gtk_widget_set_visible (GTK_WIDGET (self->duplicates_row), FALSE);

  set_count (self->rows_read_label, report->rows_total, FALSE);
  set_count (self->imported_label, report->rows_imported, FALSE);
  set_count (self->known_label, report->rows_duplicate, FALSE);
  set_count (self->rejected_label, report->rows_rejected, TRUE);
  set_count (self->people_label, report->people_created, FALSE);

  show_rejections (self, report->rejections);

  remove_all_rows (self->unmapped_list);
  gtk_widget_set_visible (GTK_WIDGET (self->unmapped_group), FALSE);

  /* The people the score cannot see */
  remove_all_rows (self->candidates_list);
  for (guint i = 0; i < shown; i++)
    gtk_list_box_append (self->candidates_list, create_candidate_row (report->no_incident_refs[i]));
  if (n_candidates > shown)
    gtk_list_box_append (self->candidates_list, create_more_candidates_row (n_candidates - shown));
  gtk_widget_set_visible (GTK_WIDGET (self->candidates_group), n_candidates > 0);
}

static void
show_report (VigilImportDialog *self)
{
  gboolean already = self->report_is_flags ? self->flag_report->already_imported
                                           : self->report->already_imported;
  g_autofree char *name = dup_display_name (self->file);

  if (already)
    {
      g_autofree char *text = NULL;
      g_autofree char *escaped = NULL;

      /* Translators: %s is a file name */
      text = g_strdup_printf (_("Nothing was added: “%s” was imported before, and importing the same "
                                "file again never duplicates anything."),
                              name);
      escaped = g_markup_escape_text (text, -1);
      adw_status_page_set_description (self->already_page, escaped);
      set_page (self, "already-imported");
      return;
    }

  if (self->report_is_flags)
    show_flag_summary (self);
  else
    show_incident_summary (self);

  set_page (self, "report");
}

static const char *
describe_error (VigilImportDialog *self,
                const GError      *error)
{
  if (g_error_matches (error, VIGIL_IMPORT_ERROR, VIGIL_IMPORT_ERROR_MAPPING))
    return _("The Mapping File Is Wrong");
  if (g_error_matches (error, VIGIL_IMPORT_ERROR, VIGIL_IMPORT_ERROR_HEADER))
    return _("The File’s Columns Do Not Fit");
  if (g_error_matches (error, VIGIL_IMPORT_ERROR, VIGIL_IMPORT_ERROR_DEMO))
    return _("Real Names Cannot Go Into the Demo");
  if (error->domain == G_FILE_ERROR || error->domain == G_IO_ERROR)
    return _("The File Cannot Be Read");
  return _("The Import Failed");
}

/* Back to the files, the banner saying why: the file at fault is marked and takes
 * the focus (the demo's store too, for real names); a store that cannot take the
 * import marks nothing. */
static void
show_error (VigilImportDialog *self)
{
  const GError *error = self->error;
  const char *title = describe_error (self, error);

  set_page (self, "choose");
  if (g_error_matches (error, VIGIL_IMPORT_ERROR, VIGIL_IMPORT_ERROR_MAPPING))
    vigil_form_show_problem (self->form, title, error->message, GTK_WIDGET (self->mapping_row), NULL);
  else if (g_error_matches (error, VIGIL_IMPORT_ERROR, VIGIL_IMPORT_ERROR_DEMO))
    vigil_form_show_problem (self->form, title, error->message, GTK_WIDGET (self->file_row),
                             GTK_WIDGET (self->store_row), NULL);
  else if (g_error_matches (error, VIGIL_IMPORT_ERROR, VIGIL_IMPORT_ERROR_HEADER) ||
           error->domain == G_FILE_ERROR || error->domain == G_IO_ERROR)
    vigil_form_show_problem (self->form, title, error->message, GTK_WIDGET (self->file_row), NULL);
  else
    vigil_form_show_error (self->form, title, error->message);
}

static void
emit_imported (VigilImportDialog *self)
{
  if (!self->batch_added)
    return;

  self->batch_added = FALSE;
  if (self->report_is_flags && self->flag_report != NULL)
    g_signal_emit (self, signals[FLAGS_IMPORTED], 0,
                   self->flag_report->rows_imported, self->flag_report->people_created);
  else if (!self->report_is_flags && self->report != NULL)
    g_signal_emit (self, signals[IMPORTED], 0,
                   self->report->rows_imported, self->report->people_created);
}

static void
clear_reports (VigilImportDialog *self)
{
  vigil_rejection_model_set_rejections (self->rejection_model, NULL);
  g_clear_pointer (&self->report, vigil_import_report_free);
  g_clear_pointer (&self->flag_report, vigil_flag_import_report_free);
}

static void
import_finished_cb (GObject      *source_object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(VigilImportDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilImportReport) report = NULL;
  g_autoptr(VigilFlagImportReport) flag_report = NULL;
  gboolean flags = g_async_result_is_tagged (result, vigil_import_agency_flags_async);

  if (flags)
    flag_report = vigil_import_agency_flags_finish (VIGIL_STORE (source_object), result, &error);
  else
    report = vigil_import_incidents_finish (VIGIL_STORE (source_object), result, &error);

  /* The dialog went away meanwhile. (One import at a time: no other can be newer.) */
  if (self->import_cancellable == NULL)
    return;

  g_clear_object (&self->import_cancellable);
  g_clear_handle_id (&self->pulse_source, g_source_remove);

  if (report != NULL || flag_report != NULL)
    {
      /* Even when a cancellation came too late: the batch is in, so say so. */
      clear_reports (self);
      self->report_is_flags = flags;
      if (flags)
        {
          self->flag_report = g_steal_pointer (&flag_report);
          self->batch_added = !self->flag_report->already_imported;
        }
      else
        {
          self->report = g_steal_pointer (&report);
          self->batch_added = !self->report->already_imported;
        }
      show_report (self);
    }
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    set_page (self, "cancelled");
  else
    {
      g_clear_error (&self->error);
      self->error = g_steal_pointer (&error);
      show_error (self);
    }

  if (self->close_when_done)
    {
      emit_imported (self);
      gtk_window_destroy (GTK_WINDOW (self));
    }
}

/* Actions */

static void
start_import (VigilImportDialog *self)
{
  g_autofree char *path = NULL;
  g_autofree char *mapping_path = NULL;
  g_autofree char *name = NULL;
  g_autofree char *escaped = NULL;
  ImportProgress *progress;
  VigilImportCallFlags call_flags;

  g_return_if_fail (self->file != NULL);
  g_return_if_fail (!is_running (self));

  path = g_file_get_path (self->file);
  /* A mapping file applies only to incidents */
  mapping_path = self->mapping_file != NULL && !self->flags ? g_file_get_path (self->mapping_file) : NULL;

  if (path == NULL || (self->mapping_file != NULL && !self->flags && mapping_path == NULL))
    {
      g_clear_error (&self->error);
      g_set_error_literal (&self->error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("Vigil can only import files on this computer. Copy the file to a folder "
                             "here and choose it again."));
      show_error (self);
      return;
    }

  clear_reports (self);
  g_clear_error (&self->error);
  vigil_form_clear (self->form);
  self->import_cancellable = g_cancellable_new ();

  name = dup_display_name (self->file);
  escaped = g_markup_escape_text (name, -1);
  adw_status_page_set_title (self->running_page,
                             self->flags ? _("Importing Agency Information…") : _("Importing Incidents…"));
  adw_status_page_set_description (self->running_page, escaped);
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_label_set_label (self->progress_label, _("Reading the file…"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_import_button), TRUE);
  self->pulse_source = g_timeout_add (PULSE_INTERVAL_MS, pulse_cb, self);
  set_page (self, "running");

  progress = g_new0 (ImportProgress, 1);
  g_weak_ref_init (&progress->dialog, self);
  progress->cancellable = g_object_ref (self->import_cancellable);
  call_flags = self->hold_for_testing ? VIGIL_IMPORT_CALL_HOLD_AFTER_FIRST_REPORT : VIGIL_IMPORT_CALL_NONE;
  if (self->flags)
    vigil_import_agency_flags_async (self->store, path, call_flags,
                                     import_progress_cb, progress, (GDestroyNotify) import_progress_free,
                                     self->import_cancellable, import_finished_cb, g_object_ref (self));
  else
    vigil_import_incidents_async (self->store, path, mapping_path, call_flags,
                                  import_progress_cb, progress, (GDestroyNotify) import_progress_free,
                                  self->import_cancellable, import_finished_cb, g_object_ref (self));
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  VigilImportDialog *self = VIGIL_IMPORT_DIALOG (widget);

  if (self->file != NULL && !is_running (self))
    start_import (self);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  VigilImportDialog *self = VIGIL_IMPORT_DIALOG (widget);

  if (!is_running (self))
    return;

  g_cancellable_cancel (self->import_cancellable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->cancel_import_button), FALSE);
  gtk_label_set_label (self->progress_label, _("Cancelling: undoing what was imported…"));
}

static void
restart_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  VigilImportDialog *self = VIGIL_IMPORT_DIALOG (widget);

  if (!is_running (self))
    set_page (self, "choose");
}

static void
show_rejections_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  VigilImportDialog *self = VIGIL_IMPORT_DIALOG (widget);

  if (self->report_is_flags ? self->flag_report != NULL && self->flag_report->rejections->len > 0
                             : self->report != NULL && self->report->rejections->len > 0)
    set_page (self, "rejections");
}

static void
show_report_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  VigilImportDialog *self = VIGIL_IMPORT_DIALOG (widget);

  if (self->report != NULL || self->flag_report != NULL)
    set_page (self, "report");
}

static void
copy_candidates_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  VigilImportDialog *self = VIGIL_IMPORT_DIALOG (widget);
  g_autofree char *text = NULL;

  if (self->flag_report == NULL || self->flag_report->no_incident_refs[0] == NULL)
    return;

  /* One reference a line, for a referral list or a search */
  text = g_strjoinv ("\n", self->flag_report->no_incident_refs);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
}

/* The possible duplicates this import found are reviewed in the window's Possible
 * Duplicates window: merge or keep apart, a decision each. */
static void
review_duplicates_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (widget));

  if (parent == NULL)
    return;

  g_object_ref (parent);
  gtk_window_close (GTK_WINDOW (widget));
  gtk_widget_activate_action (GTK_WIDGET (parent), "win.review-duplicates", NULL);
  g_object_unref (parent);
}

static void
kind_toggled_cb (VigilImportDialog *self)
{
  vigil_import_dialog_set_kind (self, gtk_check_button_get_active (self->flags_check) ? "agency_flags" : "incidents");
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  VigilImportDialog *self = VIGIL_IMPORT_DIALOG (widget);

  /* Escape while importing cancels the import, and the page says what happened;
   * in the list of rejected rows it goes back to the report. */
  if (is_running (self))
    cancel_action (widget, NULL, NULL);
  else if (g_strcmp0 (vigil_import_dialog_get_page (self), "rejections") == 0)
    set_page (self, "report");
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
file_chooser_response_cb (GtkNativeDialog   *native,
                          int                response,
                          VigilImportDialog *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (self->choosing_mapping)
        vigil_import_dialog_set_mapping_file (self, file);
      else
        vigil_import_dialog_set_file (self, file);
    }

  g_clear_object (&self->file_chooser);
  update_actions (self);
  if (self->file != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->import_button));
}

static void
choose (VigilImportDialog *self,
        gboolean           mapping)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();
  GFile *current = mapping ? self->mapping_file : self->file;

  if (self->file_chooser != NULL)
    {
      gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->file_chooser));
      g_clear_object (&self->file_chooser);
    }

  self->choosing_mapping = !!mapping;
  self->file_chooser = gtk_file_chooser_native_new (mapping ? _("Choose a Mapping File")
                                                    : self->flags ? _("Choose an Agency Information File")
                                                    : _("Choose an Incident File"),
                                                    GTK_WINDOW (self),
                                                    GTK_FILE_CHOOSER_ACTION_OPEN,
                                                    _("_Choose"),
                                                    _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->file_chooser), TRUE);

  if (mapping)
    {
      gtk_file_filter_set_name (filter, _("Mapping files (JSON)"));
      gtk_file_filter_add_mime_type (filter, "application/json");
      gtk_file_filter_add_suffix (filter, "json");
    }
  else
    {
      gtk_file_filter_set_name (filter, self->flags ? _("Agency information files (CSV)")
                                                    : _("Incident files (CSV)"));
      gtk_file_filter_add_mime_type (filter, "text/csv");
      gtk_file_filter_add_suffix (filter, "csv");
    }
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->file_chooser), filter);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->file_chooser), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (self->file_chooser), filter);

  /* Start where the last choice was, or beside the incident file. */
  if (current == NULL)
    current = self->file;
  if (current != NULL)
    {
      g_autoptr(GFile) folder = g_file_get_parent (current);

      if (folder != NULL)
        gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->file_chooser), folder, NULL);
    }

  g_signal_connect_object (self->file_chooser, "response",
                           G_CALLBACK (file_chooser_response_cb), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->file_chooser));
}

static void
choose_file_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  choose (VIGIL_IMPORT_DIALOG (widget), FALSE);
}

static void
choose_mapping_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  choose (VIGIL_IMPORT_DIALOG (widget), TRUE);
}

static void
clear_mapping_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  VigilImportDialog *self = VIGIL_IMPORT_DIALOG (widget);

  vigil_import_dialog_set_mapping_file (self, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->import_button));
}

/* GtkWindow */

static gboolean
vigil_import_dialog_close_request (GtkWindow *window)
{
  VigilImportDialog *self = VIGIL_IMPORT_DIALOG (window);

  /* Closed while importing: cancel, and close once the import has rolled back (or,
   * if it had already committed, once the window has been told). */
  if (is_running (self))
    {
      self->close_when_done = TRUE;
      cancel_action (GTK_WIDGET (self), NULL, NULL);
      return TRUE;
    }

  emit_imported (self);

  return GTK_WINDOW_CLASS (vigil_import_dialog_parent_class)->close_request (window);
}

/* GObject */

static void
vigil_import_dialog_dispose (GObject *object)
{
  VigilImportDialog *self = (VigilImportDialog *)object;

  g_cancellable_cancel (self->import_cancellable);
  g_clear_object (&self->import_cancellable);
  g_clear_handle_id (&self->pulse_source, g_source_remove);
  if (self->file_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->file_chooser));
  g_clear_object (&self->file_chooser);

  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIL_TYPE_IMPORT_DIALOG);

  g_clear_object (&self->rejection_model);
  g_clear_object (&self->store);
  g_clear_object (&self->file);
  g_clear_object (&self->mapping_file);
  g_clear_pointer (&self->report, vigil_import_report_free);
  g_clear_pointer (&self->flag_report, vigil_flag_import_report_free);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (vigil_import_dialog_parent_class)->dispose (object);
}

static void
vigil_import_dialog_constructed (GObject *object)
{
  VigilImportDialog *self = VIGIL_IMPORT_DIALOG (object);

  G_OBJECT_CLASS (vigil_import_dialog_parent_class)->constructed (object);

  if (self->store != NULL)
    {
      g_autofree char *location = vigil_location_to_display_string (vigil_store_get_location (self->store));

      if (vigil_store_get_kind (self->store) == VIGIL_STORE_KIND_DEMO)
        {
          g_autofree char *demo = NULL;

          /* Translators: the store imported into, when it is the demo: "Demo — /path/demo.db" */
          demo = g_strdup_printf (_("Demo — %s"), location);
          adw_action_row_set_subtitle (self->store_row, demo);
        }
      else
        adw_action_row_set_subtitle (self->store_row, location);
    }

  set_page (self, "choose");
}

static void
vigil_import_dialog_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  VigilImportDialog *self = VIGIL_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_FILE:
      g_value_set_object (value, self->file);
      break;

    case PROP_MAPPING_FILE:
      g_value_set_object (value, self->mapping_file);
      break;

    case PROP_KIND:
      g_value_set_string (value, vigil_import_dialog_get_kind (self));
      break;

    case PROP_PAGE:
      g_value_set_string (value, vigil_import_dialog_get_page (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_import_dialog_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  VigilImportDialog *self = VIGIL_IMPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_FILE:
      vigil_import_dialog_set_file (self, g_value_get_object (value));
      break;

    case PROP_MAPPING_FILE:
      vigil_import_dialog_set_mapping_file (self, g_value_get_object (value));
      break;

    case PROP_KIND:
      vigil_import_dialog_set_kind (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_import_dialog_class_init (VigilImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = vigil_import_dialog_dispose;
  object_class->constructed = vigil_import_dialog_constructed;
  object_class->get_property = vigil_import_dialog_get_property;
  object_class->set_property = vigil_import_dialog_set_property;
  window_class->close_request = vigil_import_dialog_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, "The store imported into",
                         VIGIL_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_FILE] =
    g_param_spec_object ("file", NULL, "The incident file (CSV)",
                         G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_MAPPING_FILE] =
    g_param_spec_object ("mapping-file", NULL, "The mapping file (JSON), or NULL",
                         G_TYPE_FILE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_KIND] =
    g_param_spec_string ("kind", NULL,
                         "What is imported: “incidents” (a police extract) or “agency_flags” "
                         "(partner-agency information)",
                         "incidents",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  properties[PROP_PAGE] =
    g_param_spec_string ("page", NULL,
                         "The page shown: choose, running, report, rejections, already-imported "
                         "or cancelled",
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * VigilImportDialog::imported:
   * @rows_imported: the incidents added
   * @people_created: the people added
   *
   * The dialog is closing after an import that added a batch to the store (even one
   * with no new incident): what shows the store's contents should reload.
   */
  signals[IMPORTED] =
    g_signal_new ("imported",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT64, G_TYPE_UINT64);

  /**
   * VigilImportDialog::flags-imported:
   * @rows_imported: the agency flags added
   * @people_created: the people added
   *
   * The dialog is closing after an import of partner-agency information that added a
   * batch to the store.
   */
  signals[FLAGS_IMPORTED] =
    g_signal_new ("flags-imported",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_UINT64, G_TYPE_UINT64);

  g_type_ensure (VIGIL_TYPE_FORM);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/vigilapp/Vigil/ui/vigil-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, VigilImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, VigilImportDialog, back_button);
  gtk_widget_class_bind_template_child (widget_class, VigilImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, VigilImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, VigilImportDialog, done_button);
  gtk_widget_class_bind_template_child (widget_class, VigilImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, VigilImportDialog, form);
  gtk_widget_class_bind_template_child (widget_class, VigilImportDialog, incidents_check);
  gtk_widget_class_bind_template_child (widget_class, VigilImportDialog, flags_check);
  gtk_widget_class_bind_template_child (widget_class, VigilImportDialog, files_group);
  gtk_widget_class_bind_template_child (widget_class, VigilImportDialog, file_row);
  gtk_widget_class_bind_template_child (widget_class, VigilImportDialog, mapping_row);
  gtk_widget_class_bind_template_child (widget_class, VigilImportDialog, choose_file_button);
  gtk_widget_class_bind_template_child (widget_class, VigilImportDialog, clear_mapping_button);
  gtk_widget_class_bind_template_child (widget_class, VigilImportDialog, store_row);
  gtk_widget_class_bind_template_child (widget_class, VigilImportDialog, choose_note);
  gtk_widget_class_bind_template_child (widget_class, VigilImportDialog, running_page);
  gtk_widget_class_bind_template_child (widget_class, VigilImportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, VigilImportDialog, progress_label);
  gtk_widget_class_bind_template_child (widget_class, VigilImportDialog, cancel_import_button);
  gtk_widget_class_bind_template_child (widget_class, VigilImportDialog, report_page);
  gtk_widget_class_bind_template_child (widget_class, VigilImportDialog, report_icon);
  gtk_widget_class_bind_template_child (widget_class, VigilImportDialog, report_title);
  gtk_widget_class_bind_template_child (widget_class, VigilImportDialog, report_description);
  gtk_widget_class_bind_template_child (widget_class, VigilImportDialog, rows_read_label);
  gtk_widget_class_bind_template_child (widget_class, VigilImportDialog, imported_row);
  gtk_widget_class_bind_template_child (widget_class, VigilImportDialog, imported_label);
  gtk_widget_class_bind_template_child (widget_class, VigilImportDialog, known_row);
  gtk_widget_class_bind_template_child (widget_class, VigilImportDialog, known_label);
  gtk_widget_class_bind_template_child (widget_class, VigilImportDialog, rejected_label);
  gtk_widget_class_bind_template_child (widget_class, VigilImportDialog, people_row);
  gtk_widget_class_bind_template_child (widget_class, VigilImportDialog, people_label);
  gtk_widget_class_bind_template_child (widget_class, VigilImportDialog, duplicates_row);
  gtk_widget_class_bind_template_child (widget_class, VigilImportDialog, duplicates_label);
  gtk_widget_class_bind_template_child (widget_class, VigilImportDialog, review_duplicates_button);
  gtk_widget_class_bind_template_child (widget_class, VigilImportDialog, candidates_group);
  gtk_widget_class_bind_template_child (widget_class, VigilImportDialog, candidates_list);
  gtk_widget_class_bind_template_child (widget_class, VigilImportDialog, rejections_group);
  gtk_widget_class_bind_template_child (widget_class, VigilImportDialog, rejections_list);
  gtk_widget_class_bind_template_child (widget_class, VigilImportDialog, unmapped_group);
  gtk_widget_class_bind_template_child (widget_class, VigilImportDialog, unmapped_list);
  gtk_widget_class_bind_template_child (widget_class, VigilImportDialog, rejections_view);
  gtk_widget_class_bind_template_child (widget_class, VigilImportDialog, already_page);
  gtk_widget_class_bind_template_child (widget_class, VigilImportDialog, cancelled_page);

  gtk_widget_class_install_action (widget_class, "import.choose-file", NULL, choose_file_action);
  gtk_widget_class_install_action (widget_class, "import.choose-mapping", NULL, choose_mapping_action);
  gtk_widget_class_install_action (widget_class, "import.clear-mapping", NULL, clear_mapping_action);
  gtk_widget_class_install_action (widget_class, "import.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "import.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "import.restart", NULL, restart_action);
  gtk_widget_class_install_action (widget_class, "import.show-rejections", NULL, show_rejections_action);
  gtk_widget_class_install_action (widget_class, "import.show-report", NULL, show_report_action);
  gtk_widget_class_install_action (widget_class, "import.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "import.copy-candidates", NULL, copy_candidates_action);
  gtk_widget_class_install_action (widget_class, "import.review-duplicates", NULL, review_duplicates_action);

  gtk_widget_class_bind_template_callback (widget_class, kind_toggled_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "import.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "import.show-report", NULL);
}

static void
vigil_import_dialog_init (VigilImportDialog *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkNoSelection *selection;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->rejection_model = vigil_rejection_model_new ();
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->rejection_model)));
  g_signal_connect (factory, "setup", G_CALLBACK (rejection_setup_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (rejection_bind_cb), NULL);
  gtk_list_view_set_factory (self->rejections_view, factory);
  gtk_list_view_set_model (self->rejections_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

  update_file_rows (self);
  update_kind (self);
}

/**
 * vigil_import_dialog_new:
 * @parent: (nullable): the window the dialog belongs to
 * @store: the store to import into
 *
 * Returns: (transfer none): a new dialog, owned by the window list
 */
VigilImportDialog *
vigil_import_dialog_new (GtkWindow  *parent,
                         VigilStore *store)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (VIGIL_IS_STORE (store), NULL);

  return g_object_new (VIGIL_TYPE_IMPORT_DIALOG,
                       "transient-for", parent,
                       "store", store,
                       NULL);
}

/**
 * vigil_import_dialog_get_store:
 *
 * Returns: (transfer none): the store imported into
 */
VigilStore *
vigil_import_dialog_get_store (VigilImportDialog *self)
{
  g_return_val_if_fail (VIGIL_IS_IMPORT_DIALOG (self), NULL);
  return self->store;
}

/**
 * vigil_import_dialog_get_file:
 *
 * Returns: (nullable) (transfer none): the incident file chosen
 */
GFile *
vigil_import_dialog_get_file (VigilImportDialog *self)
{
  g_return_val_if_fail (VIGIL_IS_IMPORT_DIALOG (self), NULL);
  return self->file;
}

/**
 * vigil_import_dialog_set_file:
 * @file: (nullable): the incident file (CSV) to import
 *
 * What the file chooser sets; also for a file dropped on the window, and for tests.
 */
void
vigil_import_dialog_set_file (VigilImportDialog *self,
                              GFile             *file)
{
  g_return_if_fail (VIGIL_IS_IMPORT_DIALOG (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  if (!g_set_object (&self->file, file))
    return;

  vigil_form_fix (self->form, GTK_WIDGET (self->file_row));
  update_file_rows (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FILE]);
}

/**
 * vigil_import_dialog_get_mapping_file:
 *
 * Returns: (nullable) (transfer none): the mapping file chosen
 */
GFile *
vigil_import_dialog_get_mapping_file (VigilImportDialog *self)
{
  g_return_val_if_fail (VIGIL_IS_IMPORT_DIALOG (self), NULL);
  return self->mapping_file;
}

/**
 * vigil_import_dialog_set_mapping_file:
 * @file: (nullable): the mapping file (JSON), NULL for the exchange format's columns
 */
void
vigil_import_dialog_set_mapping_file (VigilImportDialog *self,
                                      GFile             *file)
{
  g_return_if_fail (VIGIL_IS_IMPORT_DIALOG (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  if (!g_set_object (&self->mapping_file, file))
    return;

  vigil_form_fix (self->form, GTK_WIDGET (self->mapping_row));
  update_file_rows (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAPPING_FILE]);
}

/**
 * vigil_import_dialog_get_page:
 *
 * Returns: the page shown: "choose", "running", "report", "rejections",
 *   "already-imported" or "cancelled" (a failure goes back to "choose", and
 *   vigil_import_dialog_get_error () says why)
 */
const char *
vigil_import_dialog_get_page (VigilImportDialog *self)
{
  g_return_val_if_fail (VIGIL_IS_IMPORT_DIALOG (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * vigil_import_dialog_get_report:
 *
 * Returns: (nullable) (transfer none): the last import's report
 */
const VigilImportReport *
vigil_import_dialog_get_report (VigilImportDialog *self)
{
  g_return_val_if_fail (VIGIL_IS_IMPORT_DIALOG (self), NULL);
  return self->report;
}

/**
 * vigil_import_dialog_get_error:
 *
 * Returns: (nullable) (transfer none): why the last import failed
 */
const GError *
vigil_import_dialog_get_error (VigilImportDialog *self)
{
  g_return_val_if_fail (VIGIL_IS_IMPORT_DIALOG (self), NULL);
  return self->error;
}

void
vigil_import_dialog_set_hold_for_testing (VigilImportDialog *self,
                                          gboolean           hold)
{
  g_return_if_fail (VIGIL_IS_IMPORT_DIALOG (self));
  self->hold_for_testing = !!hold;
}

/**
 * vigil_import_dialog_get_kind:
 *
 * Returns: what is imported: "incidents" or "agency_flags"
 */
const char *
vigil_import_dialog_get_kind (VigilImportDialog *self)
{
  g_return_val_if_fail (VIGIL_IS_IMPORT_DIALOG (self), NULL);
  return self->flags ? "agency_flags" : "incidents";
}

/**
 * vigil_import_dialog_set_kind:
 * @kind: "incidents" (a police extract) or "agency_flags" (partner-agency information),
 *   the codes of the import batches' kinds
 *
 * What the choice at the top of the first page sets; only while choosing.
 */
void
vigil_import_dialog_set_kind (VigilImportDialog *self,
                              const char        *kind)
{
  gboolean flags;

  g_return_if_fail (VIGIL_IS_IMPORT_DIALOG (self));
  g_return_if_fail (g_strcmp0 (kind, "incidents") == 0 || g_strcmp0 (kind, "agency_flags") == 0);

  flags = g_str_equal (kind, "agency_flags");
  if (is_running (self) || (guint) flags == self->flags)
    return;

  self->flags = flags;
  /* the radio buttons follow a change made in code */
  gtk_check_button_set_active (flags ? self->flags_check : self->incidents_check, TRUE);
  /* the problem was with the files as the other kind */
  vigil_form_clear (self->form);
  update_kind (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KIND]);
}

/**
 * vigil_import_dialog_get_flag_report:
 *
 * Returns: (nullable) (transfer none): the last import of partner-agency information's
 *   report
 */
const VigilFlagImportReport *
vigil_import_dialog_get_flag_report (VigilImportDialog *self)
{
  g_return_val_if_fail (VIGIL_IS_IMPORT_DIALOG (self), NULL);
  return self->flag_report;
}
