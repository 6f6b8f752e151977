/* vigil-status-dialog.c: Change Status, the cohort workflow as a decision
 *
 * The form is a record of its own (StatusForm, described below like the entities of
 * vigil-entities.c but with no table), so the record editor builds, checks and shows
 * it; saving turns it into a VigilStatusMove. What the form knows and asks is a view
 * model (VigilStatusModel). The form's head (VigilStatusGroup) is a template bound to
 * it: it shows the model's description, holds the first rows (the editor fills and
 * reads them), tells the model the move chosen and shows the rows of the exit reason
 * and the managing panel when the model asks for them. The long texts follow in
 * groups of the editor's.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-status-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-decision-form.h"
#include "vigil-status-dialog.h"
#include "vigil-status-group.h"
#include "vigil-status-model.h"

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

static gboolean
save_move (VigilStore             *store,
           const VigilRecordType  *type,
           gpointer                record,
           gpointer                user_data,
           GError                **error)
{
  VigilStatusModel *model = user_data;   /* on a worker: only its fixed entry id and rev */
  const StatusForm *form = record;
  g_autoptr(VigilDecision) decision = NULL;
  gboolean exiting = g_strcmp0 (form->status, "exited") == 0;
  gboolean adopting = g_strcmp0 (form->status, "managed") == 0;
  VigilStatusMove move = {
    .entry_id = vigil_status_model_get_entry_id (model),
    .entry_rev = vigil_status_model_get_entry_rev (model),
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

VigilRecordEditor *
vigil_status_dialog_new (VigilStore         *store,
                         const VigilDossier *dossier)
{
  const VigilCohortEntry *entry;
  g_autofree VigilEditorField *fields = g_memdup2 (editor_fields, sizeof editor_fields);
  g_autoptr(VigilStatusModel) model = NULL;
  StatusForm *form;
  VigilRecordEditor *editor;

  g_return_val_if_fail (VIGIL_IS_STORE (store), NULL);
  g_return_val_if_fail (dossier != NULL, NULL);

  model = vigil_status_model_new (dossier);
  if (model == NULL)
    return NULL;
  entry = dossier->cohort_entry;
  fields[0].choices = vigil_status_model_get_next_statuses (model);

  form = vigil_record_new (&status_form_type);
  form->status = g_strdup (vigil_status_model_get_status (model));
  form->decided_on = vigil_form_dup_today ();
  form->lead_agency = g_strdup (entry->lead_agency);
  form->lead_officer = g_strdup (entry->lead_officer);
  form->next_review_on = g_strdup (entry->next_review_on);
  form->managing_panel = g_strdup (entry->managing_panel);

  editor = vigil_record_editor_new_in_group (store, _("Change Status"),
                                             ADW_PREFERENCES_GROUP (vigil_status_group_new (model)),
                                             _("_Change Status"), &status_form_type, form,
                                             fields, G_N_ELEMENTS (editor_fields));
  vigil_record_destroy (form);
  vigil_record_editor_set_save_func (editor, save_move, g_object_ref (model), g_object_unref);
  return editor;
}
