/* vigil-status-dialog.c: Change Status, the cohort workflow as a decision
 *
 * The form is a record of its own (StatusForm, described below like the entities of
 * vigil-entities.c but with no table), so the record editor builds, checks and shows
 * it; saving turns it into a VigilStatusMove.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-status-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-decision-form.h"
#include "vigil-status-dialog.h"

typedef struct
{
  VigilRecord record;
  char *status;
  char *decided_by;
  char *decided_role;
  char *decided_on;
  char *exit_reason;
  char *managing_panel;
  char *lead_agency;
  char *lead_officer;
  char *next_review_on;
  char *rationale;
  char *proportionality;
} StatusForm;

#define FORM_FIELD(name, kind, flags, choices, label) \
  { #name, VIGIL_FIELD_##kind, G_STRUCT_OFFSET (StatusForm, name), flags, choices, label }

static const VigilField status_form_fields[] = {
  FORM_FIELD (status, CHOICE, VIGIL_FIELD_REQUIRED, vigil_cohort_status_choices, N_("new status")),
  FORM_FIELD (decided_by, TEXT, VIGIL_FIELD_REQUIRED, NULL, N_("decision-maker")),
  FORM_FIELD (decided_role, TEXT, VIGIL_FIELD_REQUIRED, NULL, N_("decision-maker’s role")),
  FORM_FIELD (decided_on, DATE, VIGIL_FIELD_REQUIRED, NULL, N_("date of the decision")),
  FORM_FIELD (exit_reason, CHOICE, VIGIL_FIELD_NONE, vigil_exit_reason_choices, N_("exit reason")),
  FORM_FIELD (managing_panel, TEXT, VIGIL_FIELD_NONE, NULL, N_("panel that manages the risk")),
  FORM_FIELD (lead_agency, CHOICE, VIGIL_FIELD_NONE, vigil_agency_choices, N_("lead agency")),
  FORM_FIELD (lead_officer, TEXT, VIGIL_FIELD_NONE, NULL, N_("lead officer")),
  FORM_FIELD (next_review_on, DATE, VIGIL_FIELD_NONE, NULL, N_("next review")),
  FORM_FIELD (rationale, TEXT, VIGIL_FIELD_REQUIRED, NULL, N_("rationale")),
  FORM_FIELD (proportionality, TEXT, VIGIL_FIELD_NONE, NULL, N_("proportionality and human rights note")),
};

#undef FORM_FIELD

static const VigilRecordType status_form_type = {
  NULL, N_("status change"), sizeof (StatusForm),
  status_form_fields, G_N_ELEMENTS (status_form_fields), VIGIL_RECORD_MUTABLE, NULL,
};

static const VigilEditorField editor_fields[] = {
  { "status", VIGIL_EDITOR_FIELD_NONE, NULL },   /* choices: set per entry */
  { "exit_reason", VIGIL_EDITOR_FIELD_NONE, NULL },
  { "managing_panel", VIGIL_EDITOR_FIELD_NONE, NULL },
  { "decided_by", VIGIL_EDITOR_FIELD_NONE, NULL },
  { "decided_role", VIGIL_EDITOR_FIELD_NONE, NULL },
  { "decided_on", VIGIL_EDITOR_FIELD_NONE, NULL },
  { "lead_agency", VIGIL_EDITOR_FIELD_NONE, NULL },
  { "lead_officer", VIGIL_EDITOR_FIELD_NONE, NULL },
  { "next_review_on", VIGIL_EDITOR_FIELD_NONE, NULL },
  { "rationale", VIGIL_EDITOR_FIELD_LONG, NULL },
  { "proportionality", VIGIL_EDITOR_FIELD_LONG, NULL },
};

typedef struct
{
  gint64   entry_id;
  gint64   entry_rev;
  gboolean other_process_active;
} StatusDialogData;

static gboolean
save_move (VigilStore             *store,
           const VigilRecordType  *type,
           gpointer                record,
           gpointer                user_data,
           GError                **error)
{
  const StatusDialogData *data = user_data;
  const StatusForm *form = record;
  g_autoptr(VigilDecision) decision = NULL;
  gboolean exiting = g_strcmp0 (form->status, "exited") == 0;
  gboolean adopting = g_strcmp0 (form->status, "managed") == 0;
  VigilStatusMove move = {
    .entry_id = data->entry_id,
    .entry_rev = data->entry_rev,
    .status = form->status,
    .decided_by = form->decided_by,
    .decided_role = form->decided_role,
    .decided_on = form->decided_on,
    .rationale = form->rationale,
    .proportionality = form->proportionality,
    /* fields hidden for this move do not count */
    .exit_reason = exiting ? form->exit_reason : NULL,
    .managing_panel = adopting ? form->managing_panel : NULL,
    .lead_agency = form->lead_agency ? form->lead_agency : "",
    .lead_officer = form->lead_officer ? form->lead_officer : "",
    .next_review_on = form->next_review_on ? form->next_review_on : "",
  };

  decision = vigil_casework_move_status (store, &move, error);
  return decision != NULL;
}

/* Shows the fields the chosen move needs. */
static void
status_changed_cb (VigilRecordEditor *editor)
{
  const StatusDialogData *data = g_object_get_data (G_OBJECT (editor), "vigil-status-dialog-data");
  const char *status = vigil_record_editor_get_choice (editor, "status");

  gtk_widget_set_visible (vigil_record_editor_get_row (editor, "exit_reason"),
                          g_strcmp0 (status, "exited") == 0);
  gtk_widget_set_visible (vigil_record_editor_get_row (editor, "managing_panel"),
                          g_strcmp0 (status, "managed") == 0 && data->other_process_active);
}

VigilRecordEditor *
vigil_status_dialog_new (VigilStore         *store,
                         const VigilDossier *dossier)
{
  const VigilCohortEntry *entry;
  const char * const *next;
  g_autofree VigilEditorField *fields = g_memdup2 (editor_fields, sizeof editor_fields);
  g_autoptr(GString) description = g_string_new (NULL);
  g_autoptr(GString) active = g_string_new (NULL);
  StatusForm *form;
  StatusDialogData *data;
  VigilRecordEditor *editor;
  g_autofree char *name = NULL;
  const char *status_label;

  g_return_val_if_fail (VIGIL_IS_STORE (store), NULL);
  g_return_val_if_fail (dossier != NULL, NULL);

  entry = dossier->cohort_entry;
  if (entry == NULL)
    return NULL;
  next = vigil_casework_next_statuses (entry->status);
  if (next[0] == NULL)
    return NULL;
  fields[0].choices = next;

  data = g_new0 (StatusDialogData, 1);
  data->entry_id = entry->record.id;
  data->entry_rev = entry->record.rev;
  for (guint i = 0; i < dossier->processes->len; i++)
    {
      const VigilProcessOverlap *process = g_ptr_array_index (dossier->processes, i);
      const char *label = vigil_choice_get_label (vigil_process_choices, process->process);

      if (g_strcmp0 (process->status, "active") != 0)
        continue;
      data->other_process_active = TRUE;
      g_string_append_printf (active, "%s%s", active->len ? ", " : "", label ? label : process->process);
    }

  status_label = vigil_choice_get_label (vigil_cohort_status_choices, entry->status);
  if (dossier->person->forenames != NULL)
    name = g_strdup_printf ("%s, %s", dossier->person->surname, dossier->person->forenames);
  else
    name = g_strdup (dossier->person->surname);
  /* Translators: a person and their cohort status */
  g_string_append_printf (description, _("%s is %s. Every move is a decision: who made it, "
                                         "their role, when and why."),
                          name, status_label ? status_label : entry->status);
  if (data->other_process_active)
    /* Translators: after the description; a list of processes ("MARAC, IOM") */
    g_string_append_printf (description, _(" Also active: %s. Adopting asks which panel manages the risk."),
                            active->str);

  form = vigil_record_new (&status_form_type);
  form->status = g_strdup (next[0]);
  form->decided_on = vigil_form_dup_today ();
  form->lead_agency = g_strdup (entry->lead_agency);
  form->lead_officer = g_strdup (entry->lead_officer);
  form->next_review_on = g_strdup (entry->next_review_on);
  form->managing_panel = g_strdup (entry->managing_panel);

  editor = vigil_record_editor_new (store, _("Change Status"), description->str, _("_Change Status"),
                                    &status_form_type, form, fields, G_N_ELEMENTS (editor_fields));
  vigil_record_destroy (form);
  g_object_set_data_full (G_OBJECT (editor), "vigil-status-dialog-data", data, g_free);
  vigil_record_editor_set_save_func (editor, save_move, data);

  g_signal_connect_object (vigil_record_editor_get_control (editor, "status"), "notify::selected",
                           G_CALLBACK (status_changed_cb), editor, G_CONNECT_SWAPPED);
  status_changed_cb (editor);
  return editor;
}
