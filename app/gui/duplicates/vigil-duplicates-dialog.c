/* vigil-duplicates-dialog.c: reviewing possible duplicate people: merge or keep apart
 *
 * An import lists a new person who has the PNC ID, or the normalised name and date of
 * birth, of someone already known under another reference as a possible duplicate;
 * nothing is merged automatically. This window lists the open pairs (or, with the
 * filter, the decided ones), each showing both people side by side: name, reference,
 * date of birth, PNC ID, incidents, why the pair was flagged and by which import.
 *
 * Deciding opens the "decide" page for one pair:
 *  - Keep Apart: the two are different people; the decision-maker and a rationale are
 *    required, and vigil_duplicates_keep_apart_async() records it while the "working"
 *    page shows;
 *  - Merge: the two are one person; choose the record to keep, give the decision-maker
 *    and a rationale, then confirm in a message dialog that says what merging does.
 *    vigil_duplicates_merge_async() moves every record in one transaction on a worker
 *    (a person with thousands of incidents takes a moment) while the "merging" page
 *    shows.
 * A decision being recorded is one transaction: the window cannot close until it has
 * ended. Both end on the list, reloaded, with a toast; ::changed tells the main window
 * to reload what it shows. The list is read with vigil_duplicates_list_async() (the
 * "working" page shows meanwhile; closing the window cancels the read).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-duplicates-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-cohort.h"
#include "vigil-entities.h"

#include "vigil-duplicate-item.h"
#include "vigil-duplicate-row.h"
#include "vigil-duplicates-dialog.h"
#include "vigil-form.h"

typedef enum
{
  DECIDE_MERGE,
  DECIDE_KEEP_APART,
} DecideMode;

struct _VigilDuplicatesDialog
{
  AdwWindow parent_instance;

  /* Template widgets */
  AdwToastOverlay     *toast_overlay;
  AdwHeaderBar        *header_bar;
  AdwWindowTitle      *window_title;
  GtkButton           *back_button;
  GtkWidget           *filter_box;
  GtkToggleButton     *open_toggle;
  GtkToggleButton     *decided_toggle;
  GtkButton           *merge_button;
  GtkButton           *keep_apart_button;
  GtkStack            *stack;
  GtkListView         *list_view;
  AdwStatusPage       *empty_page;
  AdwStatusPage       *error_page;
  VigilForm           *form;
  AdwPreferencesGroup *records_group;
  AdwActionRow        *person_row;
  AdwActionRow        *other_row;
  GtkCheckButton      *keep_person_check;
  GtkCheckButton      *keep_other_check;
  AdwEntryRow         *by_row;
  GtkFrame            *rationale_frame;
  GtkTextView         *rationale_view;
  AdwStatusPage       *merging_page;
  GtkSpinner          *merging_spinner;
  AdwStatusPage       *working_page;
  GtkSpinner          *working_spinner;

  /* Owned references */
  VigilStore          *store;
  GListStore          *pairs;
  VigilDuplicateItem  *current;       /* the pair being decided, NULL when none */
  GCancellable        *record_cancellable; /* the merge or keep-apart being recorded, NULL when none */
  GCancellable        *load_cancellable;  /* the list being read, NULL when none */
  char                *done_toast;        /* the decision's toast, while it is recorded */

  DecideMode           mode;
  guint                close_when_done : 1;
  guint                back_from_decision : 1; /* "working" on the way back from a decision */
};

G_DEFINE_FINAL_TYPE (VigilDuplicatesDialog, vigil_duplicates_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_PAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Helpers */

static gboolean
is_recording (VigilDuplicatesDialog *self)
{
  return self->record_cancellable != NULL;
}

static char *
dup_name_and_ref (const VigilDuplicatePerson *person)
{
  g_autofree char *name = vigil_duplicate_person_dup_name (person);

  if (person->local_ref == NULL)
    return g_steal_pointer (&name);
  /* Translators: a person and their reference: "TESTWOOD, Alpha (SYN-0001)" */
  return g_strdup_printf (_("%s (%s)"), name, person->local_ref);
}

static void
update_actions (VigilDuplicatesDialog *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->stack);
  gboolean deciding = g_strcmp0 (page, "decide") == 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "duplicates.merge", !is_recording (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "duplicates.keep-apart", !is_recording (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "duplicates.back", deciding);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "duplicates.confirm-merge",
                                 deciding && self->mode == DECIDE_MERGE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "duplicates.save-keep-apart",
                                 deciding && self->mode == DECIDE_KEEP_APART);
}

static void
set_page (VigilDuplicatesDialog *self,
          const char            *name)
{
  gboolean deciding = g_str_equal (name, "decide");
  gboolean merging = g_str_equal (name, "merging");
  gboolean listing = !deciding && !merging && !is_recording (self);
  const char *before = gtk_stack_get_visible_child_name (self->stack);
  gboolean working = g_str_equal (name, "working");
  /* (the "working" page between a decision and the list does not count) */
  gboolean came_back = g_strcmp0 (before, "decide") == 0 || g_strcmp0 (before, "merging") == 0 ||
                       (g_strcmp0 (before, "working") == 0 && self->back_from_decision);

  /* The form goes while the database works: the focus leaves it first (GTK warns when
   * a focused entry disappears without a focus-out). */
  if (working || merging)
    {
      GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

      if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->stack)))
        gtk_root_set_focus (GTK_ROOT (self), NULL);
    }

  gtk_stack_set_visible_child_name (self->stack, name);
  gtk_spinner_set_spinning (self->merging_spinner, merging);
  gtk_spinner_set_spinning (self->working_spinner, working);

  gtk_widget_set_visible (GTK_WIDGET (self->back_button), deciding);
  gtk_widget_set_visible (self->filter_box, listing);
  gtk_widget_set_visible (GTK_WIDGET (self->merge_button), deciding && self->mode == DECIDE_MERGE);
  gtk_widget_set_visible (GTK_WIDGET (self->keep_apart_button), deciding && self->mode == DECIDE_KEEP_APART);
  adw_header_bar_set_show_end_title_buttons (self->header_bar, listing);

  if (deciding)
    {
      adw_window_title_set_title (self->window_title,
                                  self->mode == DECIDE_MERGE ? _("Merge Two Records") : _("Keep Two Records Apart"));
      gtk_window_set_default_widget (GTK_WINDOW (self),
                                     self->mode == DECIDE_MERGE ? GTK_WIDGET (self->merge_button)
                                                                : GTK_WIDGET (self->keep_apart_button));
    }
  else
    {
      adw_window_title_set_title (self->window_title, _("Possible Duplicates"));
      gtk_window_set_default_widget (GTK_WINDOW (self), NULL);
      vigil_form_clear (self->form);
    }

  /* Back from a decision, the focus goes to the list (the filter keeps it otherwise). */
  self->back_from_decision = working && came_back;
  if (working)
    ;
  else if (came_back && g_str_equal (name, "list"))
    gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
  else if (came_back)
    gtk_widget_grab_focus (GTK_WIDGET (self->open_toggle));

  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

/* The list */

static void
list_loaded_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(VigilDuplicatesDialog) self = user_data;
  g_autoptr(GPtrArray) duplicates = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  g_autofree VigilDuplicate **elements = NULL;
  gsize n_elements = 0;
  gboolean decided = vigil_duplicates_dialog_get_show_decided (self);

  duplicates = vigil_duplicates_list_finish (VIGIL_STORE (object), result, &error);

  /* Superseded by another read, or the window went away. */
  if (self->load_cancellable == NULL || g_task_get_cancellable (G_TASK (result)) != self->load_cancellable)
    return;
  g_clear_object (&self->load_cancellable);

  if (duplicates == NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      g_list_store_remove_all (self->pairs);
      adw_status_page_set_description (self->error_page, escaped);
      set_page (self, "error");
      return;
    }

  /* Newest decisions first; open pairs oldest first, as found. */
  elements = (VigilDuplicate **) g_ptr_array_steal (duplicates, &n_elements);
  for (gsize i = 0; i < n_elements; i++)
    {
      VigilDuplicate *duplicate = elements[decided ? n_elements - 1 - i : i];
      g_autofree char *batch_name = NULL;

      if (decided == (g_strcmp0 (duplicate->status, "open") == 0))
        {
          vigil_duplicate_free (duplicate);
          continue;
        }

      batch_name = g_strdup (duplicate->batch_file_name);
      g_ptr_array_add (items, vigil_duplicate_item_new (duplicate, batch_name));
    }

  g_list_store_splice (self->pairs, 0, g_list_model_get_n_items (G_LIST_MODEL (self->pairs)),
                       items->pdata, items->len);

  if (items->len > 0)
    set_page (self, "list");
  else
    {
      adw_status_page_set_title (self->empty_page,
                                 decided ? _("No Decisions Yet") : _("No Possible Duplicates"));
      adw_status_page_set_description (self->empty_page,
                                       decided ? _("Pairs merged or kept apart are listed here.")
                                               : _("Imports list a new person here when they have the PNC ID, or the name and date of birth, of someone already known."));
      set_page (self, "empty");
    }
}

void
vigil_duplicates_dialog_reload (VigilDuplicatesDialog *self)
{
  gboolean decided;

  g_return_if_fail (VIGIL_IS_DUPLICATES_DIALOG (self));

  decided = vigil_duplicates_dialog_get_show_decided (self);
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();

  adw_status_page_set_title (self->working_page, _("Loading…"));
  set_page (self, "working");
  vigil_duplicates_list_async (self->store, decided ? NULL : "open", self->load_cancellable,
                               list_loaded_cb, g_object_ref (self));
}

/* The decision */

static VigilDuplicateItem *
find_item (VigilDuplicatesDialog *self,
           gint64                 duplicate_id)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->pairs));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VigilDuplicateItem) item = g_list_model_get_item (G_LIST_MODEL (self->pairs), i);

      if (vigil_duplicate_item_get_id (item) == duplicate_id)
        return item;
    }
  return NULL;
}

static void
set_person_row (AdwActionRow               *row,
                GtkCheckButton             *check,
                const VigilDuplicatePerson *person)
{
  g_autofree char *name = vigil_duplicate_person_dup_name (person);
  g_autofree char *details = vigil_duplicate_person_dup_details (person);
  g_autofree char *incidents = vigil_duplicate_person_dup_incidents (person);
  /* Translators: two lines about a person: details, then their incidents */
  g_autofree char *subtitle = g_strdup_printf (_("%s\n%s"), details, incidents);
  /* Translators: the accessible name of a choice: "Keep TESTWOOD, Alpha" */
  g_autofree char *keep = g_strdup_printf (_("Keep %s"), name);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (row, subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, keep, -1);
}

static void
open_decision (VigilDuplicatesDialog *self,
               gint64                 duplicate_id,
               DecideMode             mode)
{
  VigilDuplicateItem *item = find_item (self, duplicate_id);
  const VigilDuplicate *duplicate;
  gboolean merge = mode == DECIDE_MERGE;

  if (item == NULL || !vigil_duplicate_item_is_open (item) || is_recording (self))
    return;

  duplicate = vigil_duplicate_item_get_duplicate (item);
  g_set_object (&self->current, item);
  self->mode = mode;

  vigil_form_clear (self->form);
  set_person_row (self->person_row, self->keep_person_check, &duplicate->person);
  set_person_row (self->other_row, self->keep_other_check, &duplicate->other);

  /* Which record to keep is chosen on purpose: nothing is chosen at first. */
  gtk_check_button_set_active (self->keep_person_check, FALSE);
  gtk_check_button_set_active (self->keep_other_check, FALSE);
  /* The rows' prefix boxes hold only the choices: hide them whole, with their spacing. */
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->keep_person_check)), merge);
  gtk_widget_set_visible (gtk_widget_get_parent (GTK_WIDGET (self->keep_other_check)), merge);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self->person_row), merge);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (self->other_row), merge);
  adw_preferences_group_set_title (self->records_group,
                                   merge ? _("Record to Keep") : _("The Two Records"));
  adw_preferences_group_set_description (self->records_group,
                                         merge ? _("The record kept gains the other’s incidents, cohort entries, decisions and notes; the other’s name and reference become its aliases.")
                                               : _("Keeping them apart records that these are two different people; the pair is not listed again."));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->rationale_view), "", -1);

  set_page (self, "decide");

  if (merge)
    gtk_widget_grab_focus (GTK_WIDGET (self->keep_other_check));
  else if (gtk_editable_get_text (GTK_EDITABLE (self->by_row))[0] == '\0')
    gtk_widget_grab_focus (GTK_WIDGET (self->by_row));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->rationale_view));
}

/* Checks the form; on a problem shows it, naming the field. */
static gboolean
check_form (VigilDuplicatesDialog *self,
            char                 **decided_by,
            char                 **rationale)
{
  vigil_form_clear (self->form);

  if (!vigil_form_require (self->form,
                           self->mode != DECIDE_MERGE ||
                           gtk_check_button_get_active (self->keep_person_check) ||
                           gtk_check_button_get_active (self->keep_other_check),
                           _("Record to keep: choose which of the two records stays."),
                           GTK_WIDGET (self->keep_other_check), GTK_WIDGET (self->person_row),
                           GTK_WIDGET (self->other_row), NULL))
    return FALSE;

  *decided_by = vigil_form_dup_text (GTK_WIDGET (self->by_row));
  if (!vigil_form_require (self->form, *decided_by != NULL, _("Decision-maker is required."),
                           GTK_WIDGET (self->by_row), NULL))
    return FALSE;

  *rationale = vigil_form_dup_text (GTK_WIDGET (self->rationale_view));
  if (!vigil_form_require (self->form, *rationale != NULL,
                           _("Rationale is required: say what shows that these are, or are not, the same person."),
                           GTK_WIDGET (self->rationale_view), GTK_WIDGET (self->rationale_frame), NULL))
    {
      g_clear_pointer (decided_by, g_free);
      return FALSE;
    }

  return TRUE;
}

static void
decision_done (VigilDuplicatesDialog *self,
               const char            *toast)
{
  g_clear_object (&self->current);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->rationale_view), "", -1);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (toast));
  g_signal_emit (self, signals[CHANGED], 0);
  vigil_duplicates_dialog_reload (self);
}

static void
decision_recorded_cb (GObject      *source_object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(VigilDuplicatesDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *toast = g_steal_pointer (&self->done_toast);
  gboolean done;

  /* (the source tag says which of the two decisions this was) */
  if (g_async_result_is_tagged (result, vigil_duplicates_merge_async))
    done = vigil_duplicates_merge_finish (VIGIL_STORE (source_object), result, &error);
  else
    done = vigil_duplicates_keep_apart_finish (VIGIL_STORE (source_object), result, &error);

  g_clear_object (&self->record_cancellable);

  /* The window was destroyed meanwhile (with its parent): nothing to show. */
  if (self->pairs == NULL)
    return;

  if (!done)
    {
      set_page (self, "decide");
      vigil_form_show_error (self->form, NULL, error->message);
    }
  else
    decision_done (self, toast);

  if (self->close_when_done)
    gtk_window_destroy (GTK_WINDOW (self));
}

static void
start_merge (VigilDuplicatesDialog *self,
             char                  *decided_by,
             char                  *rationale)
{
  const VigilDuplicate *duplicate = vigil_duplicate_item_get_duplicate (self->current);
  gboolean keep_person = gtk_check_button_get_active (self->keep_person_check);
  const VigilDuplicatePerson *kept = keep_person ? &duplicate->person : &duplicate->other;
  g_autofree char *kept_name = dup_name_and_ref (kept);

  g_free (self->done_toast);
  /* Translators: a toast after a merge; %s is the person kept, with their reference */
  self->done_toast = g_strdup_printf (_("Merged into %s"), kept_name);

  /* Never cancelled: a merge is one transaction, and the window waits for it. */
  self->record_cancellable = g_cancellable_new ();
  adw_status_page_set_description (self->merging_page, NULL);
  set_page (self, "merging");

  vigil_duplicates_merge_async (self->store, duplicate->id, kept->person_id, decided_by, rationale,
                                self->record_cancellable, decision_recorded_cb, g_object_ref (self));
  g_free (decided_by);
  g_free (rationale);
}

static void
confirm_response_cb (AdwMessageDialog      *dialog,
                     const char            *response,
                     VigilDuplicatesDialog *self)
{
  char *decided_by = NULL;
  char *rationale = NULL;

  if (g_strcmp0 (response, "merge") != 0 || self->current == NULL || is_recording (self))
    return;

  /* Read again: the form is what the confirmation described. */
  if (check_form (self, &decided_by, &rationale))
    start_merge (self, decided_by, rationale);
}

/* Actions and callbacks */

static void
merge_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  open_decision (VIGIL_DUPLICATES_DIALOG (widget), g_variant_get_int64 (parameter), DECIDE_MERGE);
}

static void
keep_apart_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  open_decision (VIGIL_DUPLICATES_DIALOG (widget), g_variant_get_int64 (parameter), DECIDE_KEEP_APART);
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  VigilDuplicatesDialog *self = VIGIL_DUPLICATES_DIALOG (widget);

  g_clear_object (&self->current);
  vigil_duplicates_dialog_reload (self);
}

static void
confirm_merge_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  VigilDuplicatesDialog *self = VIGIL_DUPLICATES_DIALOG (widget);
  g_autofree char *decided_by = NULL;
  g_autofree char *rationale = NULL;
  g_autofree char *kept_name = NULL;
  g_autofree char *merged_name = NULL;
  g_autofree char *body = NULL;
  const VigilDuplicate *duplicate;
  const VigilDuplicatePerson *kept, *merged;
  AdwMessageDialog *dialog;

  if (self->current == NULL || is_recording (self) || !check_form (self, &decided_by, &rationale))
    return;

  duplicate = vigil_duplicate_item_get_duplicate (self->current);
  if (gtk_check_button_get_active (self->keep_person_check))
    kept = &duplicate->person, merged = &duplicate->other;
  else
    kept = &duplicate->other, merged = &duplicate->person;
  kept_name = dup_name_and_ref (kept);
  merged_name = dup_name_and_ref (merged);

  /* Translators: what merging does; the first and third %s are the record merged away,
   * the second and fourth the record kept */
  body = g_strdup_printf (_("Every record of %s — incidents, cohort entries, decisions, agency "
                            "information and notes — moves to %s. The name and reference of %s "
                            "become aliases of %s, and an import of the old reference will find "
                            "the kept record. The decision and its rationale go into the audit log. "
                            "This cannot be undone."),
                          merged_name, kept_name, merged_name, kept_name);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Merge the Two Records?"), body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "merge", _("_Merge"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "merge", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
save_keep_apart_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  VigilDuplicatesDialog *self = VIGIL_DUPLICATES_DIALOG (widget);
  g_autofree char *decided_by = NULL;
  g_autofree char *rationale = NULL;
  g_autofree char *name_a = NULL;
  g_autofree char *name_b = NULL;
  const VigilDuplicate *duplicate;

  if (self->current == NULL || is_recording (self) || !check_form (self, &decided_by, &rationale))
    return;

  duplicate = vigil_duplicate_item_get_duplicate (self->current);
  name_a = vigil_duplicate_person_dup_name (&duplicate->person);
  name_b = vigil_duplicate_person_dup_name (&duplicate->other);
  g_free (self->done_toast);
  /* Translators: a toast after a decision; two people's names */
  self->done_toast = g_strdup_printf (_("Kept apart: %s and %s"), name_a, name_b);

  /* Like a merge, one transaction the window waits for. */
  self->record_cancellable = g_cancellable_new ();
  adw_status_page_set_title (self->working_page, _("Recording the Decision…"));
  set_page (self, "working");
  vigil_duplicates_keep_apart_async (self->store, duplicate->id, decided_by, rationale,
                                     self->record_cancellable, decision_recorded_cb, g_object_ref (self));
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  VigilDuplicatesDialog *self = VIGIL_DUPLICATES_DIALOG (widget);

  if (is_recording (self))
    return;
  if (g_strcmp0 (vigil_duplicates_dialog_get_page (self), "decide") == 0)
    back_action (widget, NULL, NULL);
  else
    gtk_window_close (GTK_WINDOW (self));
}

static void
list_activated_cb (VigilDuplicatesDialog *self,
                   guint                  position)
{
  g_autoptr(VigilDuplicateItem) item = g_list_model_get_item (G_LIST_MODEL (self->pairs), position);

  if (item != NULL && vigil_duplicate_item_is_open (item))
    open_decision (self, vigil_duplicate_item_get_id (item), DECIDE_MERGE);
}

/* Both toggles call this; the one turning on (after the other turned off) counts. */
static void
filter_toggled_cb (VigilDuplicatesDialog *self,
                   GtkToggleButton       *toggle)
{
  if (!gtk_toggle_button_get_active (toggle))
    return;

  vigil_duplicates_dialog_reload (self);
}

static void
by_activated_cb (VigilDuplicatesDialog *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->rationale_view));
}

/* GtkWindow */

static gboolean
vigil_duplicates_dialog_close_request (GtkWindow *window)
{
  VigilDuplicatesDialog *self = VIGIL_DUPLICATES_DIALOG (window);

  /* A decision is one transaction: let it end (it commits or rolls back as a whole). */
  if (is_recording (self))
    {
      self->close_when_done = TRUE;
      return TRUE;
    }

  /* A read simply stops. */
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);

  return GTK_WINDOW_CLASS (vigil_duplicates_dialog_parent_class)->close_request (window);
}

/* GObject */

static void
vigil_duplicates_dialog_constructed (GObject *object)
{
  VigilDuplicatesDialog *self = VIGIL_DUPLICATES_DIALOG (object);

  G_OBJECT_CLASS (vigil_duplicates_dialog_parent_class)->constructed (object);

  if (vigil_store_get_actor (self->store) != NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->by_row), vigil_store_get_actor (self->store));
  vigil_duplicates_dialog_reload (self);
}

static void
vigil_duplicates_dialog_dispose (GObject *object)
{
  VigilDuplicatesDialog *self = VIGIL_DUPLICATES_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIL_TYPE_DUPLICATES_DIALOG);

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->record_cancellable);
  g_clear_pointer (&self->done_toast, g_free);
  g_clear_object (&self->current);
  g_clear_object (&self->pairs);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (vigil_duplicates_dialog_parent_class)->dispose (object);
}

static void
vigil_duplicates_dialog_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  VigilDuplicatesDialog *self = VIGIL_DUPLICATES_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_PAGE:
      g_value_set_string (value, vigil_duplicates_dialog_get_page (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_duplicates_dialog_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  VigilDuplicatesDialog *self = VIGIL_DUPLICATES_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_duplicates_dialog_class_init (VigilDuplicatesDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  g_type_ensure (VIGIL_TYPE_DUPLICATE_ROW);
  g_type_ensure (VIGIL_TYPE_FORM);

  object_class->constructed = vigil_duplicates_dialog_constructed;
  object_class->dispose = vigil_duplicates_dialog_dispose;
  object_class->get_property = vigil_duplicates_dialog_get_property;
  object_class->set_property = vigil_duplicates_dialog_set_property;
  window_class->close_request = vigil_duplicates_dialog_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, "The store whose possible duplicates are reviewed",
                         VIGIL_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_PAGE] =
    g_param_spec_string ("page", NULL, "The page shown: list, empty, error, decide or merging",
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * VigilDuplicatesDialog::changed:
   *
   * A pair was merged or kept apart: what shows people should reload.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/vigilapp/Vigil/ui/vigil-duplicates-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, VigilDuplicatesDialog, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, VigilDuplicatesDialog, header_bar);
  gtk_widget_class_bind_template_child (widget_class, VigilDuplicatesDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, VigilDuplicatesDialog, back_button);
  gtk_widget_class_bind_template_child (widget_class, VigilDuplicatesDialog, filter_box);
  gtk_widget_class_bind_template_child (widget_class, VigilDuplicatesDialog, open_toggle);
  gtk_widget_class_bind_template_child (widget_class, VigilDuplicatesDialog, decided_toggle);
  gtk_widget_class_bind_template_child (widget_class, VigilDuplicatesDialog, merge_button);
  gtk_widget_class_bind_template_child (widget_class, VigilDuplicatesDialog, keep_apart_button);
  gtk_widget_class_bind_template_child (widget_class, VigilDuplicatesDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, VigilDuplicatesDialog, list_view);
  gtk_widget_class_bind_template_child (widget_class, VigilDuplicatesDialog, empty_page);
  gtk_widget_class_bind_template_child (widget_class, VigilDuplicatesDialog, error_page);
  gtk_widget_class_bind_template_child (widget_class, VigilDuplicatesDialog, form);
  gtk_widget_class_bind_template_child (widget_class, VigilDuplicatesDialog, records_group);
  gtk_widget_class_bind_template_child (widget_class, VigilDuplicatesDialog, person_row);
  gtk_widget_class_bind_template_child (widget_class, VigilDuplicatesDialog, other_row);
  gtk_widget_class_bind_template_child (widget_class, VigilDuplicatesDialog, keep_person_check);
  gtk_widget_class_bind_template_child (widget_class, VigilDuplicatesDialog, keep_other_check);
  gtk_widget_class_bind_template_child (widget_class, VigilDuplicatesDialog, by_row);
  gtk_widget_class_bind_template_child (widget_class, VigilDuplicatesDialog, rationale_frame);
  gtk_widget_class_bind_template_child (widget_class, VigilDuplicatesDialog, rationale_view);
  gtk_widget_class_bind_template_child (widget_class, VigilDuplicatesDialog, merging_page);
  gtk_widget_class_bind_template_child (widget_class, VigilDuplicatesDialog, merging_spinner);
  gtk_widget_class_bind_template_child (widget_class, VigilDuplicatesDialog, working_page);
  gtk_widget_class_bind_template_child (widget_class, VigilDuplicatesDialog, working_spinner);
  gtk_widget_class_bind_template_callback (widget_class, list_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, filter_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, by_activated_cb);

  gtk_widget_class_install_action (widget_class, "duplicates.merge", "x", merge_action);
  gtk_widget_class_install_action (widget_class, "duplicates.keep-apart", "x", keep_apart_action);
  gtk_widget_class_install_action (widget_class, "duplicates.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "duplicates.confirm-merge", NULL, confirm_merge_action);
  gtk_widget_class_install_action (widget_class, "duplicates.save-keep-apart", NULL, save_keep_apart_action);
  gtk_widget_class_install_action (widget_class, "duplicates.close", NULL, close_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "duplicates.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "duplicates.back", NULL);
}

static void
vigil_duplicates_dialog_init (VigilDuplicatesDialog *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->pairs = g_list_store_new (VIGIL_TYPE_DUPLICATE_ITEM);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->pairs)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));
}

/**
 * vigil_duplicates_dialog_new:
 * @parent: (nullable): the window the dialog belongs to
 * @store: the store whose possible duplicates are reviewed
 *
 * Returns: (transfer none): a new dialog, owned by the window list
 */
VigilDuplicatesDialog *
vigil_duplicates_dialog_new (GtkWindow  *parent,
                             VigilStore *store)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (VIGIL_IS_STORE (store), NULL);

  return g_object_new (VIGIL_TYPE_DUPLICATES_DIALOG,
                       "transient-for", parent,
                       "store", store,
                       NULL);
}

VigilStore *
vigil_duplicates_dialog_get_store (VigilDuplicatesDialog *self)
{
  g_return_val_if_fail (VIGIL_IS_DUPLICATES_DIALOG (self), NULL);
  return self->store;
}

GListModel *
vigil_duplicates_dialog_get_model (VigilDuplicatesDialog *self)
{
  g_return_val_if_fail (VIGIL_IS_DUPLICATES_DIALOG (self), NULL);
  return G_LIST_MODEL (self->pairs);
}

gboolean
vigil_duplicates_dialog_get_show_decided (VigilDuplicatesDialog *self)
{
  g_return_val_if_fail (VIGIL_IS_DUPLICATES_DIALOG (self), FALSE);
  return gtk_toggle_button_get_active (self->decided_toggle);
}

void
vigil_duplicates_dialog_set_show_decided (VigilDuplicatesDialog *self,
                                          gboolean               show_decided)
{
  g_return_if_fail (VIGIL_IS_DUPLICATES_DIALOG (self));

  /* The toggles reload the list. */
  gtk_toggle_button_set_active (show_decided ? self->decided_toggle : self->open_toggle, TRUE);
}

const char *
vigil_duplicates_dialog_get_page (VigilDuplicatesDialog *self)
{
  g_return_val_if_fail (VIGIL_IS_DUPLICATES_DIALOG (self), NULL);
  return gtk_stack_get_visible_child_name (self->stack);
}

const char *
vigil_duplicates_dialog_get_error (VigilDuplicatesDialog *self)
{
  g_return_val_if_fail (VIGIL_IS_DUPLICATES_DIALOG (self), NULL);
  return vigil_form_get_error (self->form);
}
