/* vigil-referral-dialog.c: referring a person into the cohort (principle 1)
 *
 * Stalkers, and people known to health or housing rather than to the police, rarely
 * rank high in police data; a referral (route stalking_referral or agency_referral)
 * brings them into the cohort as a candidate, with the referral's source and reason.
 * The person is someone already in the store, found by a search the database answers
 * (vigil_people_search_async, the newest search winning), or a new person described
 * here. vigil_cohort_refer_async() creates both in one audited transaction on a worker;
 * meanwhile a spinner turns and the form waits, and closing the dialog cancels.
 * Problems are shown above the form, naming the field, and the field is marked and
 * focused; someone whose cohort entry is still open is refused and the dialog says so. On success ::referred is emitted with the toast's text and
 * the dialog closes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-referral-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-cohort.h"
#include "vigil-entities.h"
#include "vigil-people.h"

#include "vigil-choice-item.h"
#include "vigil-form.h"
#include "vigil-found-person.h"
#include "vigil-referral-dialog.h"

/* The routes of a referral, as the route's drop-down offers them */
static const struct
{
  const char *id;      /* a vigil_route_choices code */
  const char *label;
} referral_routes[] = {
  { "stalking_referral", N_("Stalking referral") },
  { "agency_referral", N_("Partner-agency referral") },
};

struct _VigilReferralDialog
{
  AdwWindow parent_instance;

  /* Template widgets */
  GtkButton          *cancel_button;
  GtkButton          *refer_button;
  GtkSpinner         *spinner;
  VigilForm          *form;
  AdwComboRow        *route_row;
  GListStore         *routes;              /* VigilChoiceItem: the route_row's */
  GtkToggleButton    *existing_toggle;
  GtkToggleButton    *new_toggle;
  GtkStack           *person_stack;
  GtkSearchEntry     *search_entry;
  GtkListBox         *results_list;
  GtkLabel           *search_status;
  AdwEntryRow        *surname_row;
  AdwEntryRow        *forenames_row;
  AdwEntryRow        *dob_row;
  AdwEntryRow        *pnc_row;
  AdwEntryRow        *ref_row;
  AdwEntryRow        *source_row;
  AdwEntryRow        *date_row;
  AdwEntryRow        *area_row;
  GtkFrame           *reason_frame;
  GtkTextView        *reason_view;

  /* Owned references */
  VigilStore         *store;
  GListStore         *results;             /* VigilFoundPerson: whom the search found */
  GCancellable       *search_cancellable;  /* the search running, NULL when none */
  GCancellable       *refer_cancellable;   /* the referral being recorded, NULL when none */
  char               *searched;            /* what the search running looks for */
  char               *referred_name;       /* the name for the toast, while recording */
  char               *person_name;         /* the chosen person's, NULL when none */

  gint64              person_id;           /* the chosen existing person, 0 when none */
};

G_DEFINE_FINAL_TYPE (VigilReferralDialog, vigil_referral_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_SEARCHING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  REFERRED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The form */

static gboolean
is_new_person (VigilReferralDialog *self)
{
  return gtk_toggle_button_get_active (self->new_toggle);
}

/* The search */

static gboolean
chosen_to_opacity (GBinding     *binding,
                   const GValue *from_value,
                   GValue       *to_value,
                   gpointer      user_data)
{
  g_value_set_double (to_value, g_value_get_boolean (from_value) ? 1.0 : 0.0);
  return TRUE;
}

static void
set_chosen (VigilReferralDialog *self,
            gint64               person_id,
            const char          *name)
{
  self->person_id = person_id;
  g_free (self->person_name);
  self->person_name = g_strdup (name);
}

/* A row of the results: the person's name and details, and a check mark while they
 * are the one chosen. */
static GtkWidget *
create_result_row (gpointer item,
                   gpointer user_data)
{
  VigilFoundPerson *person = item;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = g_object_new (GTK_TYPE_IMAGE,
                                   "icon-name", "object-select-symbolic",
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                                   NULL);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), vigil_found_person_get_name (person));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), vigil_found_person_get_details (person));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), check);
  /* (shown or not, the mark keeps its room: the row does not move) */
  g_object_bind_property_full (person, "chosen", check, "opacity", G_BINDING_SYNC_CREATE,
                               chosen_to_opacity, NULL, NULL, NULL);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  return row;
}

/* The person a row of the results shows */
static VigilFoundPerson *
get_row_person (VigilReferralDialog *self,
                GtkListBoxRow       *row)
{
  int index = row != NULL ? gtk_list_box_row_get_index (row) : -1;

  if (index < 0)
    return NULL;
  return g_list_model_get_item (G_LIST_MODEL (self->results), (guint) index);
}

static void
show_results (VigilReferralDialog     *self,
              const VigilPeopleSearch *found)
{
  g_autoptr(GPtrArray) people = g_ptr_array_new_with_free_func (g_object_unref);
  GtkListBoxRow *chosen = NULL;
  g_autofree char *status = NULL;

  for (guint i = 0; i < found->people->len; i++)
    g_ptr_array_add (people, vigil_found_person_new (g_ptr_array_index (found->people, i)));
  g_list_store_splice (self->results, 0, g_list_model_get_n_items (G_LIST_MODEL (self->results)),
                       people->pdata, people->len);
  for (guint i = 0; i < people->len && self->person_id != 0; i++)
    if (vigil_found_person_get_person_id (g_ptr_array_index (people, i)) == self->person_id)
      chosen = gtk_list_box_get_row_at_index (self->results_list, (int) i);
  gtk_widget_set_visible (GTK_WIDGET (self->results_list), found->people->len > 0);

  /* The person chosen stays chosen while the search still finds them. */
  if (chosen != NULL)
    gtk_list_box_select_row (self->results_list, chosen);
  else
    set_chosen (self, 0, NULL);

  if (found->people->len == 0)
    /* Translators: %s is what was searched for */
    status = g_strdup_printf (_("No one in the store matches “%s”. To refer someone not in the store, choose New."),
                              self->searched);
  else if (found->total > found->people->len)
    {
      g_autofree char *total = g_strdup_printf ("%'" G_GINT64_FORMAT, found->total);

      /* Translators: the first %u is a small number, %s a larger one, e.g. "8 of 1,204" */
      status = g_strdup_printf (_("Showing %u of %s people found: type more to narrow the search."),
                                found->people->len, total);
    }
  else if (self->person_id == 0)
    status = g_strdup (_("Choose the person referred."));

  gtk_label_set_label (self->search_status, status != NULL ? status : "");
  gtk_widget_set_visible (GTK_WIDGET (self->search_status), status != NULL);
}

static void
search_finished_cb (GObject      *source_object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(VigilReferralDialog) self = user_data;
  g_autoptr(VigilPeopleSearch) found = NULL;
  g_autoptr(GError) error = NULL;

  found = vigil_people_search_finish (VIGIL_STORE (source_object), result, &error);

  /* A newer search (or the window closing) superseded this one. */
  if (self->search_cancellable == NULL || g_task_get_cancellable (G_TASK (result)) != self->search_cancellable)
    return;
  g_clear_object (&self->search_cancellable);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCHING]);

  if (found == NULL)
    {
      g_autofree char *status = NULL;

      /* Translators: %s says why the search failed */
      status = g_strdup_printf (_("The search failed: %s"), error->message);
      gtk_label_set_label (self->search_status, status);
      gtk_widget_set_visible (GTK_WIDGET (self->search_status), TRUE);
      return;
    }

  show_results (self, found);
}

static void
start_search (VigilReferralDialog *self)
{
  g_autofree char *text = vigil_form_dup_text (GTK_WIDGET (self->search_entry));

  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);

  if (text == NULL)
    {
      g_list_store_remove_all (self->results);
      gtk_widget_set_visible (GTK_WIDGET (self->results_list), FALSE);
      set_chosen (self, 0, NULL);
      gtk_label_set_label (self->search_status, _("Type a name, reference or PNC ID to find the person."));
      gtk_widget_set_visible (GTK_WIDGET (self->search_status), TRUE);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCHING]);
      return;
    }

  g_free (self->searched);
  self->searched = g_steal_pointer (&text);
  self->search_cancellable = g_cancellable_new ();
  vigil_people_search_async (self->store, self->searched, VIGIL_REFERRAL_DIALOG_N_RESULTS,
                             self->search_cancellable, search_finished_cb, g_object_ref (self));

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SEARCHING]);
}

/* Referring */

/* While recording: a spinner, and a form that waits. */
static void
set_recording (VigilReferralDialog *self,
               gboolean             recording)
{
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), recording);
  gtk_spinner_set_spinning (self->spinner, recording);
  vigil_form_set_waiting (self->form, recording);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "referral.refer", !recording);
}

static void
referred_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(VigilReferralDialog) self = user_data;
  g_autoptr(VigilCohortEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *toast = NULL;

  entry = vigil_cohort_refer_finish (VIGIL_STORE (object), result, &error);

  /* The dialog was closed. */
  if (self->refer_cancellable == NULL || g_task_get_cancellable (G_TASK (result)) != self->refer_cancellable)
    return;
  g_clear_object (&self->refer_cancellable);
  set_recording (self, FALSE);

  if (entry == NULL)
    {
      GtkWidget *field = is_new_person (self) ? GTK_WIDGET (self->surname_row) : GTK_WIDGET (self->search_entry);

      if (g_error_matches (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_OPEN_ENTRY))
        vigil_form_show_problem (self->form, _("Already in the Cohort"), error->message, field, NULL);
      else if (g_error_matches (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_MERGED))
        vigil_form_show_problem (self->form, _("Merged Into Someone Else"), error->message, field, NULL);
      else
        vigil_form_show_error (self->form, _("The Referral Was Not Recorded"), error->message);
      return;
    }

  /* Translators: a toast after a referral; %s is a person's name */
  toast = g_strdup_printf (_("%s added as a candidate"), self->referred_name);
  g_signal_emit (self, signals[REFERRED], 0, entry->person_id, entry->record.id, toast);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Checks the form, then records the referral on a worker. */
static void
refer (VigilReferralDialog *self)
{
  g_autofree char *surname = vigil_form_dup_text (GTK_WIDGET (self->surname_row));
  g_autofree char *forenames = vigil_form_dup_text (GTK_WIDGET (self->forenames_row));
  g_autofree char *dob = vigil_form_dup_text (GTK_WIDGET (self->dob_row));
  g_autofree char *pnc_id = vigil_form_dup_text (GTK_WIDGET (self->pnc_row));
  g_autofree char *local_ref = vigil_form_dup_text (GTK_WIDGET (self->ref_row));
  g_autofree char *source = vigil_form_dup_text (GTK_WIDGET (self->source_row));
  g_autofree char *referred_on = vigil_form_dup_text (GTK_WIDGET (self->date_row));
  g_autofree char *area = vigil_form_dup_text (GTK_WIDGET (self->area_row));
  g_autofree char *reason = vigil_form_dup_text (GTK_WIDGET (self->reason_view));
  VigilReferral referral = { 0 };
  gboolean new_person = is_new_person (self);

  vigil_form_clear (self->form);

  /* Every problem names its field, in the order of the form. */
  if ((new_person &&
       (!vigil_form_require (self->form, surname != NULL, _("Surname is required for a new person."),
                             GTK_WIDGET (self->surname_row), NULL) ||
        !vigil_form_require_date (self->form, dob, _("Date of birth"), FALSE, GTK_WIDGET (self->dob_row)))) ||
      !vigil_form_require (self->form, new_person || self->person_id != 0,
                           _("Person: search for the person referred and choose them, or choose New for someone not in the store."),
                           GTK_WIDGET (self->search_entry), NULL) ||
      !vigil_form_require (self->form, source != NULL,
                           _("Source is required: who made the referral, e.g. Stalking clinic or Probation."),
                           GTK_WIDGET (self->source_row), NULL) ||
      !vigil_form_require_date (self->form, referred_on, _("Date referred"), TRUE, GTK_WIDGET (self->date_row)) ||
      !vigil_form_require (self->form, reason != NULL,
                           _("Reason is required: what the referrer knows and why they are concerned."),
                           GTK_WIDGET (self->reason_view), GTK_WIDGET (self->reason_frame), NULL))
    return;

  referral.person_id = new_person ? 0 : self->person_id;
  referral.surname = surname;
  referral.forenames = forenames;
  referral.dob = dob;
  referral.pnc_id = pnc_id;
  referral.local_ref = local_ref;
  referral.route = vigil_referral_dialog_get_route (self);
  referral.source = source;
  referral.reason = reason;
  referral.referred_on = referred_on;
  referral.area = area;

  g_free (self->referred_name);
  if (new_person)
    self->referred_name = forenames != NULL ? g_strdup_printf ("%s, %s", surname, forenames) : g_strdup (surname);
  else
    self->referred_name = g_strdup (self->person_name);

  g_clear_object (&self->refer_cancellable);
  self->refer_cancellable = g_cancellable_new ();
  set_recording (self, TRUE);
  vigil_cohort_refer_async (self->store, &referral, self->refer_cancellable, referred_cb, g_object_ref (self));
}

/* Actions and callbacks */

static void
refer_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  VigilReferralDialog *self = VIGIL_REFERRAL_DIALOG (widget);

  if (self->refer_cancellable == NULL)
    refer (self);
}

/* Both toggles call this; the one turning on (after the other turned off) counts. */
static void
person_mode_toggled_cb (VigilReferralDialog *self,
                        GtkToggleButton     *toggle)
{
  gboolean new_person = is_new_person (self);

  if (!gtk_toggle_button_get_active (toggle))
    return;

  gtk_stack_set_visible_child_name (self->person_stack, new_person ? "new" : "existing");
  if (new_person)
    gtk_widget_grab_focus (GTK_WIDGET (self->surname_row));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
search_changed_cb (VigilReferralDialog *self)
{
  start_search (self);
}

/* Enter in the search chooses the first person found. */
static void
search_activated_cb (VigilReferralDialog *self)
{
  GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->results_list, 0);

  if (first != NULL && self->search_cancellable == NULL)
    {
      gtk_list_box_select_row (self->results_list, first);
      gtk_widget_grab_focus (GTK_WIDGET (self->source_row));
    }
}

static void
result_selected_cb (VigilReferralDialog *self,
                    GtkListBoxRow       *row)
{
  g_autoptr(VigilFoundPerson) person = get_row_person (self, row);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->results));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VigilFoundPerson) other = g_list_model_get_item (G_LIST_MODEL (self->results), i);

      vigil_found_person_set_chosen (other, other == person);
    }

  if (person != NULL)
    {
      set_chosen (self, vigil_found_person_get_person_id (person), vigil_found_person_get_name (person));
      vigil_form_fix (self->form, GTK_WIDGET (self->search_entry));
      gtk_widget_set_visible (GTK_WIDGET (self->search_status), FALSE);
    }
  else
    set_chosen (self, 0, NULL);
}

/* Enter in a one-line field moves to the next; the reason is last. */
static void
entry_activated_cb (VigilReferralDialog *self,
                    AdwEntryRow         *row)
{
  AdwEntryRow *order[] = {
    self->surname_row, self->forenames_row, self->dob_row, self->pnc_row, self->ref_row,
    self->source_row, self->date_row, self->area_row,
  };

  for (guint i = 0; i + 1 < G_N_ELEMENTS (order); i++)
    if (order[i] == row)
      {
        gtk_widget_grab_focus (GTK_WIDGET (order[i + 1]));
        return;
      }
  gtk_widget_grab_focus (GTK_WIDGET (self->reason_view));
}

/* GObject */

static void
vigil_referral_dialog_constructed (GObject *object)
{
  VigilReferralDialog *self = VIGIL_REFERRAL_DIALOG (object);
  g_autofree char *today = vigil_form_dup_today ();

  G_OBJECT_CLASS (vigil_referral_dialog_parent_class)->constructed (object);

  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
vigil_referral_dialog_dispose (GObject *object)
{
  VigilReferralDialog *self = VIGIL_REFERRAL_DIALOG (object);

  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  g_cancellable_cancel (self->refer_cancellable);
  g_clear_object (&self->refer_cancellable);

  /* Disposing the list unselects its row: nothing to choose any more. */
  if (self->results_list != NULL)
    g_signal_handlers_disconnect_by_data (self->results_list, self);

  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIL_TYPE_REFERRAL_DIALOG);

  g_clear_object (&self->store);
  g_clear_object (&self->results);
  g_clear_pointer (&self->person_name, g_free);
  g_clear_pointer (&self->searched, g_free);
  g_clear_pointer (&self->referred_name, g_free);

  G_OBJECT_CLASS (vigil_referral_dialog_parent_class)->dispose (object);
}

/* Closing cancels what is running. */
static gboolean
vigil_referral_dialog_close_request (GtkWindow *window)
{
  VigilReferralDialog *self = VIGIL_REFERRAL_DIALOG (window);

  g_cancellable_cancel (self->search_cancellable);
  g_clear_object (&self->search_cancellable);
  g_cancellable_cancel (self->refer_cancellable);
  g_clear_object (&self->refer_cancellable);

  return GTK_WINDOW_CLASS (vigil_referral_dialog_parent_class)->close_request (window);
}

static void
vigil_referral_dialog_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  VigilReferralDialog *self = VIGIL_REFERRAL_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_SEARCHING:
      g_value_set_boolean (value, vigil_referral_dialog_get_searching (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_referral_dialog_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  VigilReferralDialog *self = VIGIL_REFERRAL_DIALOG (object);

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
vigil_referral_dialog_class_init (VigilReferralDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  g_type_ensure (VIGIL_TYPE_CHOICE_ITEM);
  g_type_ensure (VIGIL_TYPE_FORM);

  object_class->constructed = vigil_referral_dialog_constructed;
  object_class->dispose = vigil_referral_dialog_dispose;
  object_class->get_property = vigil_referral_dialog_get_property;
  object_class->set_property = vigil_referral_dialog_set_property;
  window_class->close_request = vigil_referral_dialog_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, "The store the referral is recorded in",
                         VIGIL_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_SEARCHING] =
    g_param_spec_boolean ("searching", NULL, "Whether a search is running",
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * VigilReferralDialog::referred:
   * @person_id: the person referred (new or existing)
   * @entry_id: their new cohort entry
   * @message: what to tell the user, e.g. "TESTWOOD, Alpha added as a candidate"
   *
   * A referral was recorded; the dialog closes next.
   */
  signals[REFERRED] =
    g_signal_new ("referred",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 3, G_TYPE_INT64, G_TYPE_INT64, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/vigilapp/Vigil/ui/vigil-referral-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, VigilReferralDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, VigilReferralDialog, refer_button);
  gtk_widget_class_bind_template_child (widget_class, VigilReferralDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, VigilReferralDialog, form);
  gtk_widget_class_bind_template_child (widget_class, VigilReferralDialog, route_row);
  gtk_widget_class_bind_template_child (widget_class, VigilReferralDialog, routes);
  gtk_widget_class_bind_template_child (widget_class, VigilReferralDialog, existing_toggle);
  gtk_widget_class_bind_template_child (widget_class, VigilReferralDialog, new_toggle);
  gtk_widget_class_bind_template_child (widget_class, VigilReferralDialog, person_stack);
  gtk_widget_class_bind_template_child (widget_class, VigilReferralDialog, search_entry);
  gtk_widget_class_bind_template_child (widget_class, VigilReferralDialog, results_list);
  gtk_widget_class_bind_template_child (widget_class, VigilReferralDialog, search_status);
  gtk_widget_class_bind_template_child (widget_class, VigilReferralDialog, surname_row);
  gtk_widget_class_bind_template_child (widget_class, VigilReferralDialog, forenames_row);
  gtk_widget_class_bind_template_child (widget_class, VigilReferralDialog, dob_row);
  gtk_widget_class_bind_template_child (widget_class, VigilReferralDialog, pnc_row);
  gtk_widget_class_bind_template_child (widget_class, VigilReferralDialog, ref_row);
  gtk_widget_class_bind_template_child (widget_class, VigilReferralDialog, source_row);
  gtk_widget_class_bind_template_child (widget_class, VigilReferralDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, VigilReferralDialog, area_row);
  gtk_widget_class_bind_template_child (widget_class, VigilReferralDialog, reason_frame);
  gtk_widget_class_bind_template_child (widget_class, VigilReferralDialog, reason_view);
  gtk_widget_class_bind_template_callback (widget_class, person_mode_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, result_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "referral.refer", NULL, refer_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "referral.refer", NULL);
}

static void
vigil_referral_dialog_init (VigilReferralDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < G_N_ELEMENTS (referral_routes); i++)
    {
      g_autoptr(VigilChoiceItem) route = vigil_choice_item_new (referral_routes[i].id, _(referral_routes[i].label));

      g_list_store_append (self->routes, route);
    }
  self->results = g_list_store_new (VIGIL_TYPE_FOUND_PERSON);
  gtk_list_box_bind_model (self->results_list, G_LIST_MODEL (self->results), create_result_row, NULL, NULL);
}

/**
 * vigil_referral_dialog_new:
 * @parent: (nullable): the window the dialog belongs to
 * @store: the store to record the referral in
 *
 * Returns: (transfer none): a new dialog, owned by the window list
 */
VigilReferralDialog *
vigil_referral_dialog_new (GtkWindow  *parent,
                           VigilStore *store)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (VIGIL_IS_STORE (store), NULL);

  return g_object_new (VIGIL_TYPE_REFERRAL_DIALOG,
                       "transient-for", parent,
                       "store", store,
                       NULL);
}

VigilStore *
vigil_referral_dialog_get_store (VigilReferralDialog *self)
{
  g_return_val_if_fail (VIGIL_IS_REFERRAL_DIALOG (self), NULL);
  return self->store;
}

const char *
vigil_referral_dialog_get_route (VigilReferralDialog *self)
{
  const char *route;

  g_return_val_if_fail (VIGIL_IS_REFERRAL_DIALOG (self), NULL);

  route = vigil_choice_item_get_id_of (adw_combo_row_get_selected_item (self->route_row));
  return route != NULL ? route : referral_routes[0].id;
}

void
vigil_referral_dialog_set_route (VigilReferralDialog *self,
                                 const char          *route)
{
  guint position;

  g_return_if_fail (VIGIL_IS_REFERRAL_DIALOG (self));

  position = vigil_choice_item_find (G_LIST_MODEL (self->routes), route);
  if (position != G_MAXUINT && route != NULL)
    adw_combo_row_set_selected (self->route_row, position);
}

gint64
vigil_referral_dialog_get_person_id (VigilReferralDialog *self)
{
  g_return_val_if_fail (VIGIL_IS_REFERRAL_DIALOG (self), 0);
  return is_new_person (self) ? 0 : self->person_id;
}

gboolean
vigil_referral_dialog_get_recording (VigilReferralDialog *self)
{
  g_return_val_if_fail (VIGIL_IS_REFERRAL_DIALOG (self), FALSE);
  return self->refer_cancellable != NULL;
}

gboolean
vigil_referral_dialog_get_searching (VigilReferralDialog *self)
{
  g_return_val_if_fail (VIGIL_IS_REFERRAL_DIALOG (self), FALSE);
  return self->search_cancellable != NULL;
}

const char *
vigil_referral_dialog_get_error (VigilReferralDialog *self)
{
  g_return_val_if_fail (VIGIL_IS_REFERRAL_DIALOG (self), NULL);
  return vigil_form_get_error (self->form);
}
