/* vigil-judgement-dialog.c: a professional-judgement decision over the algorithm
 *
 * Principle 3: the algorithm indicates, people decide. For one person the dialog shows
 * what the algorithm says (their rank and total in the latest run), whether they are
 * in the cohort, and the latest judgement on them; then records a decision to include
 * them in the cohort or exclude them from it, with the decision-maker's name and role,
 * the date, a rationale (required) and a proportionality / human rights note, through
 * vigil_cohort_decide_override_async() — one audited transaction on a worker. What it
 * shows is read in one go off the main thread
 * (vigil_cohort_load_judgement_context_async); while it reads or records, a spinner
 * turns and the form is insensitive, and closing the dialog cancels the call. A
 * refusal (someone managed cannot simply be excluded: their exit is a decision of its
 * own) is shown above the form, and the dialog stays open.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-judgement-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-entities.h"

#include "vigil-form.h"
#include "vigil-judgement-dialog.h"
#include "vigil-judgement-label.h"

struct _VigilJudgementDialog
{
  AdwWindow parent_instance;

  /* Template widgets */
  AdwWindowTitle      *window_title;
  GtkButton           *cancel_button;
  GtkButton           *save_button;
  GtkSpinner          *spinner;
  VigilForm           *form;
  AdwActionRow        *person_row;
  AdwActionRow        *score_row;
  AdwActionRow        *cohort_row;
  AdwActionRow        *previous_row;
  AdwPreferencesGroup *kind_section;
  AdwActionRow        *include_row;
  AdwActionRow        *exclude_row;
  GtkCheckButton      *include_check;
  GtkCheckButton      *exclude_check;
  AdwEntryRow         *by_row;
  AdwEntryRow         *role_row;
  AdwEntryRow         *date_row;
  GtkFrame            *rationale_frame;
  GtkTextView         *rationale_view;
  GtkTextView         *proportionality_view;

  /* Owned references */
  VigilStore          *store;
  GCancellable        *cancellable;    /* the read or the save running, NULL when none */
  char                *person_name;
  char                *open_status;    /* the open cohort entry's status, NULL when none */

  gint64               person_id;
  guint                loaded : 1;     /* the person was read: the form may be used */
};

G_DEFINE_FINAL_TYPE (VigilJudgementDialog, vigil_judgement_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_PERSON_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  DECIDED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The form */

/* While reading or recording: a spinner, and a form that waits. */
static void
set_busy (VigilJudgementDialog *self,
          gboolean              busy)
{
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  vigil_form_set_waiting (self->form, busy || !self->loaded);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "judgement.save", !busy && self->loaded);
}

static void
show_context (VigilJudgementDialog        *self,
              const VigilJudgementContext *context)
{
  const VigilPerson *person = context->person;
  g_autoptr(GString) details = g_string_new (NULL);

  /* Who */
  g_clear_pointer (&self->person_name, g_free);
  if (person->forenames != NULL && *person->forenames != '\0')
    /* Translators: a person's name: "SURNAME, Forenames" */
    self->person_name = g_strdup_printf (_("%s, %s"), person->surname, person->forenames);
  else
    self->person_name = g_strdup (person->surname);

  if (person->local_ref != NULL)
    g_string_append (details, person->local_ref);
  if (person->dob != NULL)
    {
      g_autofree char *dob = vigil_judgement_format_date (person->dob);

      if (details->len > 0)
        g_string_append (details, " · ");
      /* Translators: a date of birth, e.g. "born 3 Feb 1980" */
      g_string_append_printf (details, _("born %s"), dob);
    }
  if (person->pnc_id != NULL)
    {
      if (details->len > 0)
        g_string_append (details, " · ");
      /* Translators: a Police National Computer id, e.g. "PNC 00/000001A" */
      g_string_append_printf (details, _("PNC %s"), person->pnc_id);
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->person_row), self->person_name);
  adw_action_row_set_subtitle (self->person_row, details->str);
  adw_window_title_set_subtitle (self->window_title, self->person_name);

  /* What the algorithm says */
  adw_action_row_set_subtitle (self->score_row,
                               context->score != NULL ? context->score
                                                      : _("Not scored yet: no stored run includes this person"));

  /* In the cohort? */
  g_clear_pointer (&self->open_status, g_free);
  if (context->open_entry != NULL)
    {
      g_autofree char *text = NULL;

      self->open_status = g_strdup (context->open_entry->status);
      /* Translators: a cohort entry: "Managed, entered by RFGV ranking" (status, route) */
      text = g_strdup_printf (_("%s, entered by %s"),
                              vigil_choice_get_label (vigil_cohort_status_choices, context->open_entry->status),
                              vigil_choice_get_label (vigil_route_choices, context->open_entry->route));
      adw_action_row_set_subtitle (self->cohort_row, text);
    }
  else
    adw_action_row_set_subtitle (self->cohort_row, _("Not in the cohort"));

  /* Someone managed leaves through the exit workflow, not by exclusion. */
  if (g_strcmp0 (self->open_status, "managed") == 0 || g_strcmp0 (self->open_status, "scaling_back") == 0)
    adw_action_row_set_subtitle (self->exclude_row,
                                 _("Not available while managed: record their exit as a decision of its own"));

  /* The latest judgement, if any */
  if (context->judgement != NULL)
    {
      g_autofree char *text = vigil_judgement_format (context->judgement);
      g_autofree char *tooltip = vigil_judgement_format_details (context->judgement);

      adw_action_row_set_subtitle (self->previous_row, text);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->previous_row), tooltip);
      gtk_widget_set_visible (GTK_WIDGET (self->previous_row), TRUE);
    }
}

static void
load_finished_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(VigilJudgementDialog) self = user_data;
  g_autoptr(VigilJudgementContext) context = NULL;
  g_autoptr(GError) error = NULL;

  context = vigil_cohort_load_judgement_context_finish (VIGIL_STORE (object), result, &error);

  /* The dialog was closed. */
  if (self->cancellable == NULL || g_task_get_cancellable (G_TASK (result)) != self->cancellable)
    return;
  g_clear_object (&self->cancellable);

  if (context == NULL)
    {
      g_autofree char *message = NULL;

      /* Translators: %s says why, from the store */
      message = g_strdup_printf (_("This person cannot be read: %s"), error->message);
      vigil_form_show_error (self->form, NULL, message);
      set_busy (self, FALSE);
      return;
    }

  self->loaded = TRUE;
  show_context (self, context);
  set_busy (self, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->include_check));
}

static void
start_load (VigilJudgementDialog *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  set_busy (self, TRUE);
  vigil_cohort_load_judgement_context_async (self->store, self->person_id, self->cancellable,
                                             load_finished_cb, g_object_ref (self));
}

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(VigilJudgementDialog) self = user_data;
  g_autoptr(VigilDecision) decision = NULL;
  g_autoptr(GError) error = NULL;

  decision = vigil_cohort_decide_override_finish (VIGIL_STORE (object), result, &error);

  /* The dialog was closed. */
  if (self->cancellable == NULL || g_task_get_cancellable (G_TASK (result)) != self->cancellable)
    return;
  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);

  if (decision == NULL)
    {
      if (g_error_matches (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_MANAGED))
        vigil_form_show_problem (self->form, NULL, error->message,
                                 GTK_WIDGET (self->exclude_check), GTK_WIDGET (self->exclude_row), NULL);
      else
        vigil_form_show_error (self->form, NULL, error->message);
      return;
    }

  g_signal_emit (self, signals[DECIDED], 0, decision->record.id,
                 (int) (g_strcmp0 (decision->kind, "override_exclude") == 0 ? VIGIL_OVERRIDE_EXCLUDE
                                                                             : VIGIL_OVERRIDE_INCLUDE));
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Checks the form, then records the decision on a worker. */
static void
save (VigilJudgementDialog *self)
{
  g_autofree char *by = vigil_form_dup_text (GTK_WIDGET (self->by_row));
  g_autofree char *role = vigil_form_dup_text (GTK_WIDGET (self->role_row));
  g_autofree char *date = vigil_form_dup_text (GTK_WIDGET (self->date_row));
  g_autofree char *rationale = vigil_form_dup_text (GTK_WIDGET (self->rationale_view));
  g_autofree char *proportionality = vigil_form_dup_text (GTK_WIDGET (self->proportionality_view));
  VigilOverride override = { 0 };
  gboolean include = gtk_check_button_get_active (self->include_check);
  gboolean exclude = gtk_check_button_get_active (self->exclude_check);

  vigil_form_clear (self->form);

  /* Every problem names its field, in the order of the form. */
  if (!vigil_form_require (self->form, include || exclude,
                           _("Decision: choose Include in the Cohort or Exclude From the Cohort."),
                           GTK_WIDGET (self->include_check), GTK_WIDGET (self->include_row),
                           GTK_WIDGET (self->exclude_row), NULL) ||
      !vigil_form_require (self->form, by != NULL, _("Decision-maker’s name is required."),
                           GTK_WIDGET (self->by_row), NULL) ||
      !vigil_form_require (self->form, role != NULL,
                           _("Decision-maker’s role is required, e.g. Head of Public Protection."),
                           GTK_WIDGET (self->role_row), NULL) ||
      !vigil_form_require_date (self->form, date, _("Date"), TRUE, GTK_WIDGET (self->date_row)) ||
      !vigil_form_require (self->form, rationale != NULL,
                           _("Rationale is required: say why the decision departs from the ranking."),
                           GTK_WIDGET (self->rationale_view), GTK_WIDGET (self->rationale_frame), NULL))
    return;

  override.person_id = self->person_id;
  override.kind = include ? VIGIL_OVERRIDE_INCLUDE : VIGIL_OVERRIDE_EXCLUDE;
  override.decided_by = by;
  override.decided_role = role;
  override.decided_on = date;
  override.rationale = rationale;
  override.proportionality = proportionality;

  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
  vigil_cohort_decide_override_async (self->store, &override, self->cancellable,
                                      saved_cb, g_object_ref (self));
}

/* Actions and callbacks */

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  VigilJudgementDialog *self = VIGIL_JUDGEMENT_DIALOG (widget);

  if (self->cancellable == NULL)
    save (self);
}

/* Enter in a one-line field moves to the next one; in the last, it saves. */
static void
entry_activated_cb (VigilJudgementDialog *self,
                    AdwEntryRow          *row)
{
  if (row == self->by_row)
    gtk_widget_grab_focus (GTK_WIDGET (self->role_row));
  else if (row == self->role_row)
    gtk_widget_grab_focus (GTK_WIDGET (self->date_row));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->rationale_view));
}

/* GObject */

static void
vigil_judgement_dialog_constructed (GObject *object)
{
  VigilJudgementDialog *self = VIGIL_JUDGEMENT_DIALOG (object);
  g_autofree char *today = vigil_form_dup_today ();

  G_OBJECT_CLASS (vigil_judgement_dialog_parent_class)->constructed (object);

  gtk_editable_set_text (GTK_EDITABLE (self->date_row), today);
  start_load (self);
}

/* Closing cancels what is running. */
static gboolean
vigil_judgement_dialog_close_request (GtkWindow *window)
{
  VigilJudgementDialog *self = VIGIL_JUDGEMENT_DIALOG (window);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  return GTK_WINDOW_CLASS (vigil_judgement_dialog_parent_class)->close_request (window);
}

static void
vigil_judgement_dialog_dispose (GObject *object)
{
  VigilJudgementDialog *self = VIGIL_JUDGEMENT_DIALOG (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), VIGIL_TYPE_JUDGEMENT_DIALOG);

  g_clear_object (&self->store);
  g_clear_pointer (&self->person_name, g_free);
  g_clear_pointer (&self->open_status, g_free);

  G_OBJECT_CLASS (vigil_judgement_dialog_parent_class)->dispose (object);
}

static void
vigil_judgement_dialog_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  VigilJudgementDialog *self = VIGIL_JUDGEMENT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_PERSON_ID:
      g_value_set_int64 (value, self->person_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_judgement_dialog_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  VigilJudgementDialog *self = VIGIL_JUDGEMENT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_PERSON_ID:
      self->person_id = g_value_get_int64 (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_judgement_dialog_class_init (VigilJudgementDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  g_type_ensure (VIGIL_TYPE_FORM);

  object_class->constructed = vigil_judgement_dialog_constructed;
  object_class->dispose = vigil_judgement_dialog_dispose;
  object_class->get_property = vigil_judgement_dialog_get_property;
  object_class->set_property = vigil_judgement_dialog_set_property;
  window_class->close_request = vigil_judgement_dialog_close_request;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, "The store the decision is recorded in",
                         VIGIL_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  properties[PROP_PERSON_ID] =
    g_param_spec_int64 ("person-id", NULL, "The person decided on",
                        0, G_MAXINT64, 0,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * VigilJudgementDialog::decided:
   * @decision_id: the decision recorded
   * @kind: a #VigilOverrideKind
   *
   * A decision was recorded; the dialog closes next. What shows scores or the
   * cohort should reload.
   */
  signals[DECIDED] =
    g_signal_new ("decided",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_INT);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/vigilapp/Vigil/ui/vigil-judgement-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, VigilJudgementDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, VigilJudgementDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, VigilJudgementDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, VigilJudgementDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, VigilJudgementDialog, form);
  gtk_widget_class_bind_template_child (widget_class, VigilJudgementDialog, person_row);
  gtk_widget_class_bind_template_child (widget_class, VigilJudgementDialog, score_row);
  gtk_widget_class_bind_template_child (widget_class, VigilJudgementDialog, cohort_row);
  gtk_widget_class_bind_template_child (widget_class, VigilJudgementDialog, previous_row);
  gtk_widget_class_bind_template_child (widget_class, VigilJudgementDialog, kind_section);
  gtk_widget_class_bind_template_child (widget_class, VigilJudgementDialog, include_row);
  gtk_widget_class_bind_template_child (widget_class, VigilJudgementDialog, exclude_row);
  gtk_widget_class_bind_template_child (widget_class, VigilJudgementDialog, include_check);
  gtk_widget_class_bind_template_child (widget_class, VigilJudgementDialog, exclude_check);
  gtk_widget_class_bind_template_child (widget_class, VigilJudgementDialog, by_row);
  gtk_widget_class_bind_template_child (widget_class, VigilJudgementDialog, role_row);
  gtk_widget_class_bind_template_child (widget_class, VigilJudgementDialog, date_row);
  gtk_widget_class_bind_template_child (widget_class, VigilJudgementDialog, rationale_frame);
  gtk_widget_class_bind_template_child (widget_class, VigilJudgementDialog, rationale_view);
  gtk_widget_class_bind_template_child (widget_class, VigilJudgementDialog, proportionality_view);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);

  gtk_widget_class_install_action (widget_class, "judgement.save", NULL, save_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "judgement.save", NULL);
}

static void
vigil_judgement_dialog_init (VigilJudgementDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * vigil_judgement_dialog_new:
 * @store: the store to record the decision in
 * @person_id: the person decided on
 * @parent: (nullable): the window the dialog belongs to
 *
 * Returns: (transfer none): a new dialog, owned by the window list
 */
VigilJudgementDialog *
vigil_judgement_dialog_new (VigilStore *store,
                            gint64      person_id,
                            GtkWindow  *parent)
{
  g_return_val_if_fail (VIGIL_IS_STORE (store), NULL);
  g_return_val_if_fail (person_id > 0, NULL);
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (VIGIL_TYPE_JUDGEMENT_DIALOG,
                       "transient-for", parent,
                       "store", store,
                       "person-id", person_id,
                       NULL);
}

VigilStore *
vigil_judgement_dialog_get_store (VigilJudgementDialog *self)
{
  g_return_val_if_fail (VIGIL_IS_JUDGEMENT_DIALOG (self), NULL);
  return self->store;
}

gint64
vigil_judgement_dialog_get_person_id (VigilJudgementDialog *self)
{
  g_return_val_if_fail (VIGIL_IS_JUDGEMENT_DIALOG (self), 0);
  return self->person_id;
}

gboolean
vigil_judgement_dialog_get_busy (VigilJudgementDialog *self)
{
  g_return_val_if_fail (VIGIL_IS_JUDGEMENT_DIALOG (self), FALSE);
  return self->cancellable != NULL;
}

const char *
vigil_judgement_dialog_get_error (VigilJudgementDialog *self)
{
  g_return_val_if_fail (VIGIL_IS_JUDGEMENT_DIALOG (self), NULL);
  return vigil_form_get_error (self->form);
}
