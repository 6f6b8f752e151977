/* vigil-dossier-page-actions.c: the dossier page's actions (its buttons)
 *
 * Every button of the page activates one of these (gtk_widget_class_install_action),
 * a record named by its id as the parameter and looked up in the dossier shown when
 * the action runs. Each opens a record editor (or the tactical-menu picker, or Change
 * Status); a save reloads the page in place.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-dossier-page"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-decision-form.h"
#include "vigil-dossier-page-private.h"
#include "vigil-form.h"
#include "vigil-option-picker.h"
#include "vigil-record-editor.h"
#include "vigil-status-dialog.h"

/* Editing */

static void
editor_saved_cb (VigilDossierPage *self)
{
  _vigil_dossier_page_reload (self);
}

static void
open_editor (VigilDossierPage  *self,
             VigilRecordEditor *editor)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (editor == NULL)
    return;
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (editor), GTK_WINDOW (root));
  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), self, G_CONNECT_SWAPPED);
  g_set_weak_pointer (&self->editor, GTK_WIDGET (editor));
  gtk_window_present (GTK_WINDOW (editor));
}

/* The record of @id in @records (of VigilRecord-headed structs), or NULL */
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

static const VigilEditorField entry_fields[] = {
  { "lead_agency", VIGIL_EDITOR_FIELD_NONE, NULL },
  { "lead_officer", VIGIL_EDITOR_FIELD_NONE, NULL },
  { "area", VIGIL_EDITOR_FIELD_NONE, NULL },
  { "next_review_on", VIGIL_EDITOR_FIELD_NONE, NULL },
  { "managing_panel", VIGIL_EDITOR_FIELD_NONE, NULL },
};

static const VigilEditorField decision_fields[] = {
  { "kind", VIGIL_EDITOR_FIELD_NONE, vigil_casework_decision_kinds },
  { "outcome", VIGIL_EDITOR_FIELD_NONE, NULL },
  { "severity", VIGIL_EDITOR_FIELD_NONE, NULL },
  { "immediacy", VIGIL_EDITOR_FIELD_NONE, NULL },
  { "decided_by", VIGIL_EDITOR_FIELD_NONE, NULL },
  { "decided_role", VIGIL_EDITOR_FIELD_REQUIRED, NULL },
  { "decided_on", VIGIL_EDITOR_FIELD_NONE, NULL },
  { "mopi_review_on", VIGIL_EDITOR_FIELD_NONE, NULL },
  { "rationale", VIGIL_EDITOR_FIELD_LONG, NULL },
  { "proportionality", VIGIL_EDITOR_FIELD_LONG, NULL },
};

static const VigilEditorField process_fields[] = {
  { "process", VIGIL_EDITOR_FIELD_NONE, NULL },
  { "status", VIGIL_EDITOR_FIELD_NONE, NULL },
  { "mappa_category", VIGIL_EDITOR_FIELD_NONE, NULL },
  { "mappa_level", VIGIL_EDITOR_FIELD_NONE, NULL },
  { "started_on", VIGIL_EDITOR_FIELD_NONE, NULL },
  { "ended_on", VIGIL_EDITOR_FIELD_NONE, NULL },
  { "contact", VIGIL_EDITOR_FIELD_NONE, NULL },
  { "notes", VIGIL_EDITOR_FIELD_LONG, NULL },
};

static const VigilEditorField agency_fields[] = {
  { "agency", VIGIL_EDITOR_FIELD_NONE, NULL },
  { "provided_by", VIGIL_EDITOR_FIELD_REQUIRED, NULL },
  { "provided_on", VIGIL_EDITOR_FIELD_REQUIRED, NULL },
  { "isa_reference", VIGIL_EDITOR_FIELD_NONE, NULL },
  { "panel_visible", VIGIL_EDITOR_FIELD_NONE, NULL },
  { "body", VIGIL_EDITOR_FIELD_LONG | VIGIL_EDITOR_FIELD_REQUIRED, NULL },
};

static const VigilEditorField victim_link_fields[] = {
  { "relationship", VIGIL_EDITOR_FIELD_NONE, NULL },
  { "advocate", VIGIL_EDITOR_FIELD_NONE, NULL },
  { "advocate_name", VIGIL_EDITOR_FIELD_NONE, NULL },
  { "safety_plan", VIGIL_EDITOR_FIELD_NONE, NULL },
  { "safety_plan_on", VIGIL_EDITOR_FIELD_NONE, NULL },
  { "consent_to_share", VIGIL_EDITOR_FIELD_NONE, NULL },
  { "notes", VIGIL_EDITOR_FIELD_LONG, NULL },
};

static const VigilEditorField plan_fields[] = {
  { "engagement", VIGIL_EDITOR_FIELD_NONE, NULL },
  { "agreed_on", VIGIL_EDITOR_FIELD_NONE, NULL },
  { "review_on", VIGIL_EDITOR_FIELD_REQUIRED, NULL },
  { "objectives", VIGIL_EDITOR_FIELD_LONG, NULL },
  { "exit_strategy", VIGIL_EDITOR_FIELD_LONG, NULL },
  { "scale_back_criteria", VIGIL_EDITOR_FIELD_LONG, NULL },
};

static const VigilEditorField intervention_fields[] = {
  { "status", VIGIL_EDITOR_FIELD_NONE, NULL },
  { "owner_agency", VIGIL_EDITOR_FIELD_NONE, NULL },
  { "owner_person", VIGIL_EDITOR_FIELD_NONE, NULL },
  { "started_on", VIGIL_EDITOR_FIELD_NONE, NULL },
  { "due_on", VIGIL_EDITOR_FIELD_NONE, NULL },
  { "outcome", VIGIL_EDITOR_FIELD_LONG, NULL },
};

/* An order keeps its expiry, conditions, notification requirements and breaches. */
static const VigilEditorField order_fields[] = {
  { "status", VIGIL_EDITOR_FIELD_NONE, NULL },
  { "owner_agency", VIGIL_EDITOR_FIELD_NONE, NULL },
  { "owner_person", VIGIL_EDITOR_FIELD_NONE, NULL },
  { "started_on", VIGIL_EDITOR_FIELD_NONE, NULL },
  { "due_on", VIGIL_EDITOR_FIELD_NONE, NULL },
  { "order_expires_on", VIGIL_EDITOR_FIELD_NONE, NULL },
  { "breaches", VIGIL_EDITOR_FIELD_NONE, NULL },
  { "conditions", VIGIL_EDITOR_FIELD_LONG, NULL },
  { "notification_requirements", VIGIL_EDITOR_FIELD_LONG, NULL },
  { "outcome", VIGIL_EDITOR_FIELD_LONG, NULL },
};

static void
edit_plan_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  VigilDossierPage *self = VIGIL_DOSSIER_PAGE (widget);
  const VigilDossier *dossier = get_dossier (self);
  g_autoptr(VigilPlan) plan = NULL;

  if (dossier == NULL)
    return;

  if (dossier->plan != NULL)
    plan = vigil_record_copy (&vigil_plan_type, dossier->plan);
  else
    {
      plan = vigil_plan_new ();
      plan->person_id = dossier->person->record.id;
      plan->agreed_on = vigil_form_dup_today ();
    }
  open_editor (self, vigil_record_editor_new (self->store, _("Risk Management Plan"),
                                              _("What the plan is for, when it is reviewed, and how the "
                                                "management scales back and ends (principles 2 and 5): "
                                                "a person is managed only with an exit strategy and "
                                                "scale-back criteria."),
                                              NULL, &vigil_plan_type, plan,
                                              plan_fields, G_N_ELEMENTS (plan_fields)));
}

static void
edit_intervention (VigilDossierPage        *self,
                   const VigilIntervention *intervention)
{
  const VigilTacticalOption *option = vigil_tactical_menu_lookup (get_menu (self), intervention->option_code);
  g_autoptr(GString) description = g_string_new (NULL);
  gboolean order = option != NULL && option->is_order;

  if (option != NULL && option->legal_basis != NULL)
    g_string_append (description, option->legal_basis);
  for (guint i = 0; option != NULL && option->requires[i] != NULL; i++)
    g_string_append_printf (description, "%s• %s", description->len ? "\n" : "", option->requires[i]);
  if (option != NULL && option->retired)
    g_string_append_printf (description, "%s%s", description->len ? "\n" : "",
                            _("This option was retired from the tactical menu: it stays on this plan."));
  open_editor (self, vigil_record_editor_new (self->store, option ? option->title : intervention->option_code,
                                              description->len ? description->str : NULL, NULL,
                                              &vigil_intervention_type, intervention,
                                              order ? order_fields : intervention_fields,
                                              order ? G_N_ELEMENTS (order_fields) : G_N_ELEMENTS (intervention_fields)));
}

static void
option_chosen_cb (VigilOptionPicker *picker,
                  const char        *code,
                  VigilDossierPage  *self)
{
  const VigilDossier *dossier = get_dossier (self);
  const VigilTacticalOption *option = vigil_tactical_menu_lookup (get_menu (self), code);
  g_autoptr(VigilIntervention) intervention = vigil_intervention_new ();

  if (option == NULL || dossier == NULL || dossier->plan == NULL)
    return;
  intervention->plan_id = dossier->plan->record.id;
  intervention->option_code = g_strdup (code);
  intervention->status = g_strdup ("proposed");
  intervention->owner_agency = g_strdup (option->owner_agency);
  intervention->started_on = vigil_form_dup_today ();
  if (option->is_order && option->notification_days > 0)
    intervention->notification_requirements =
      g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Name and address within %d day, and any change",
                                    "Name and address within %d days, and any change",
                                    option->notification_days), option->notification_days);
  edit_intervention (self, intervention);
}

static void
add_intervention_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  VigilDossierPage *self = VIGIL_DOSSIER_PAGE (widget);
  const VigilDossier *dossier = get_dossier (self);
  VigilOptionPicker *picker;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (dossier == NULL)
    return;

  if (get_menu (self) == NULL || dossier->plan == NULL)
    return;
  picker = vigil_option_picker_new (get_menu (self), dossier->plan->engagement);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (picker), GTK_WINDOW (root));
  g_signal_connect_object (picker, "chosen", G_CALLBACK (option_chosen_cb), self, 0);
  g_set_weak_pointer (&self->editor, GTK_WIDGET (picker));
  gtk_window_present (GTK_WINDOW (picker));
}

static void
edit_intervention_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  VigilDossierPage *self = VIGIL_DOSSIER_PAGE (widget);
  const VigilDossier *dossier = get_dossier (self);
  const VigilIntervention *intervention;

  if (dossier == NULL)
    return;
  intervention = find_record (dossier->interventions, g_variant_get_int64 (parameter));
  if (intervention != NULL)
    edit_intervention (self, intervention);
}

static void
change_status_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  VigilDossierPage *self = VIGIL_DOSSIER_PAGE (widget);
  const VigilDossier *dossier = get_dossier (self);

  if (dossier == NULL)
    return;

  open_editor (self, vigil_status_dialog_new (self->store, dossier));
}

static void
edit_details_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  VigilDossierPage *self = VIGIL_DOSSIER_PAGE (widget);
  const VigilDossier *dossier = get_dossier (self);

  if (dossier == NULL)
    return;

  open_editor (self, vigil_record_editor_new (self->store, _("Cohort Details"),
                                              _("The lead, area and next review of this cohort entry. "
                                                "The status changes through Change Status."),
                                              NULL, &vigil_cohort_entry_type, dossier->cohort_entry,
                                              entry_fields, G_N_ELEMENTS (entry_fields)));
}

static void
record_decision_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  VigilDossierPage *self = VIGIL_DOSSIER_PAGE (widget);
  const VigilDossier *dossier = get_dossier (self);
  g_autoptr(VigilDecision) decision = vigil_decision_new ();

  if (dossier == NULL)
    return;

  decision->person_id = dossier->person->record.id;
  decision->cohort_entry_id = dossier->cohort_entry ? dossier->cohort_entry->record.id : 0;
  decision->kind = g_strdup ("assessment");
  decision->decided_on = vigil_form_dup_today ();
  open_editor (self, vigil_record_editor_new (self->store, _("Record Decision"),
                                              _("A senior decision-maker’s assessment of severity and "
                                                "immediacy, or a decision on PNC, PND, ViSOR, a local "
                                                "database or a MoPI review (principle 2). A decision is "
                                                "kept as it was made."),
                                              _("_Record Decision"), &vigil_decision_type, decision,
                                              decision_fields, G_N_ELEMENTS (decision_fields)));
}

static void
edit_process (VigilDossierPage          *self,
              const VigilProcessOverlap *process)
{
  open_editor (self, vigil_record_editor_new (self->store,
                                              process->record.id ? _("Other Process") : _("Add Process"),
                                              _("Another process that manages this person or their family "
                                                "(principle 4): MARAC, MAPPA with its category and level, "
                                                "IOM, Drive, social care, probation."),
                                              NULL, &vigil_process_overlap_type, process,
                                              process_fields, G_N_ELEMENTS (process_fields)));
}

static void
add_process_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  VigilDossierPage *self = VIGIL_DOSSIER_PAGE (widget);
  const VigilDossier *dossier = get_dossier (self);
  g_autoptr(VigilProcessOverlap) process = vigil_process_overlap_new ();

  if (dossier == NULL)
    return;

  process->person_id = dossier->person->record.id;
  process->process = g_strdup ("marac");
  process->status = g_strdup ("active");
  process->started_on = vigil_form_dup_today ();
  edit_process (self, process);
}

static void
edit_process_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  VigilDossierPage *self = VIGIL_DOSSIER_PAGE (widget);
  const VigilDossier *dossier = get_dossier (self);
  const VigilProcessOverlap *process;

  if (dossier == NULL)
    return;
  process = find_record (dossier->processes, g_variant_get_int64 (parameter));
  if (process != NULL)
    edit_process (self, process);
}

static void
edit_agency_section (VigilDossierPage         *self,
                     const VigilAgencySection *section)
{
  open_editor (self, vigil_record_editor_new (self->store,
                                              section->record.id ? _("Agency Information")
                                                                 : _("Add Agency Information"),
                                              _("What a partner agency shared, who provided it, when, and "
                                                "under which information-sharing agreement (principle 6). "
                                                "It goes stale with age. Not shown to the panel room unless "
                                                "marked so."),
                                              NULL, &vigil_agency_section_type, section,
                                              agency_fields, G_N_ELEMENTS (agency_fields)));
}

static void
add_agency_information_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  VigilDossierPage *self = VIGIL_DOSSIER_PAGE (widget);
  const VigilDossier *dossier = get_dossier (self);
  g_autoptr(VigilAgencySection) section = vigil_agency_section_new ();

  if (dossier == NULL)
    return;

  section->person_id = dossier->person->record.id;
  section->agency = g_strdup ("police");
  section->provided_on = vigil_form_dup_today ();
  edit_agency_section (self, section);
}

static void
edit_agency_information_action (GtkWidget  *widget,
                                const char *action_name,
                                GVariant   *parameter)
{
  VigilDossierPage *self = VIGIL_DOSSIER_PAGE (widget);
  const VigilDossier *dossier = get_dossier (self);
  gint64 id = g_variant_get_int64 (parameter);

  if (dossier == NULL)
    return;
  for (guint i = 0; i < dossier->agency_information->len; i++)
    {
      const VigilDossierAgencyInformation *information = g_ptr_array_index (dossier->agency_information, i);

      if (information->section->record.id == id)
        {
          edit_agency_section (self, information->section);
          return;
        }
    }
}

/* dossier.edit-safeguarding(x): the victim's person id */
static void
edit_safeguarding_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  VigilDossierPage *self = VIGIL_DOSSIER_PAGE (widget);
  const VigilDossier *dossier = get_dossier (self);
  const VigilDossierVictim *victim;
  g_autoptr(VigilVictimLink) link = NULL;
  g_autofree char *title = NULL;

  if (dossier == NULL)
    return;
  victim = vigil_dossier_find_victim (dossier, g_variant_get_int64 (parameter));
  if (victim == NULL)
    return;

  for (guint i = 0; i < dossier->victim_links->len && link == NULL; i++)
    {
      const VigilVictimLink *candidate = g_ptr_array_index (dossier->victim_links, i);

      if (candidate->victim_id == victim->person_id)
        link = vigil_record_copy (&vigil_victim_link_type, candidate);
    }
  if (link == NULL)
    {
      link = vigil_victim_link_new ();
      link->perpetrator_id = dossier->person->record.id;
      link->victim_id = victim->person_id;
    }

  /* Translators: the safeguarding form of a victim, named by role ("Victim 1") */
  title = g_strdup_printf (_("Safeguarding: %s"), victim->role);
  open_editor (self, vigil_record_editor_new (self->store, title,
                                              _("The victim’s advocate (IDVA or ISAC) coordinates between "
                                                "the panel and the victim (principle 6): record who it is, "
                                                "the safety plan and whether the victim consents to share."),
                                              NULL, &vigil_victim_link_type, link,
                                              victim_link_fields, G_N_ELEMENTS (victim_link_fields)));
}

/* Outcomes (principle 8) */

static const VigilEditorField outcome_fields[] = {
  { "source", VIGIL_EDITOR_FIELD_NONE, NULL },
  { "measure", VIGIL_EDITOR_FIELD_NONE, NULL },
  { "observed_on", VIGIL_EDITOR_FIELD_REQUIRED, NULL },
  { "rating", VIGIL_EDITOR_FIELD_NONE, NULL },
  { "note", VIGIL_EDITOR_FIELD_LONG, NULL },
};

static void
edit_outcome (VigilDossierPage              *self,
              const VigilOutcomeObservation *outcome)
{
  const VigilDossierVictim *victim = outcome->victim_id != 0
                                     ? vigil_dossier_find_victim (get_dossier (self), outcome->victim_id) : NULL;
  g_autofree char *title = NULL;
  VigilRecordEditor *editor;
  GtkWidget *control;
  GtkWidget *row;

  if (victim != NULL)
    /* Translators: the form of an outcome, with the victim's role ("Victim 1"), never their name */
    title = g_strdup_printf (outcome->record.id ? _("Outcome: %s") : _("Record Outcome: %s"), victim->role);
  else
    title = g_strdup (outcome->record.id ? _("Outcome") : _("Record Outcome"));
  editor = vigil_record_editor_new (self->store, title,
                                    _("How safe the victim feels, the risk they face, how often the abuse "
                                      "happens and their wellbeing, as the victim reports it or their IDVA "
                                      "rates it, from 1 (worst) to 5 (best). Recorded over time, these show "
                                      "whether the plan makes the victim safer: police data alone "
                                      "under-counts re-victimisation (principle 8)."),
                                    outcome->record.id ? NULL : _("_Record Outcome"),
                                    &vigil_outcome_observation_type, outcome,
                                    outcome_fields, G_N_ELEMENTS (outcome_fields));
  control = vigil_record_editor_get_control (editor, "rating");
  if (GTK_IS_SPIN_BUTTON (control))
    gtk_spin_button_set_range (GTK_SPIN_BUTTON (control), 1, 5);
  row = vigil_record_editor_get_row (editor, "rating");
  if (ADW_IS_ACTION_ROW (row))
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("1 is the worst, 5 the best"));
  open_editor (self, editor);
}

/* dossier.record-outcome(x): about the victim of that person id, or none (0) */
static void
record_outcome_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  VigilDossierPage *self = VIGIL_DOSSIER_PAGE (widget);
  const VigilDossier *dossier = get_dossier (self);
  const VigilDossierVictim *victim = NULL;
  g_autoptr(VigilOutcomeObservation) outcome = vigil_outcome_observation_new ();
  gint64 victim_id = g_variant_get_int64 (parameter);

  if (dossier == NULL)
    return;
  if (victim_id != 0 && (victim = vigil_dossier_find_victim (dossier, victim_id)) == NULL)
    return;

  outcome->person_id = dossier->person->record.id;
  outcome->victim_id = victim != NULL ? victim->person_id : 0;
  outcome->observed_on = vigil_form_dup_today ();
  outcome->source = g_strdup ("victim_reported");
  outcome->measure = g_strdup ("feels_safe");
  outcome->rating = 3;
  edit_outcome (self, outcome);
}

static void
edit_outcome_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  VigilDossierPage *self = VIGIL_DOSSIER_PAGE (widget);
  const VigilDossier *dossier = get_dossier (self);
  const VigilOutcomeObservation *outcome;

  if (dossier == NULL)
    return;
  outcome = find_record (dossier->outcomes, g_variant_get_int64 (parameter));
  if (outcome != NULL)
    edit_outcome (self, outcome);
}

/* Show All under the newest history entries: the rest joins the list (kept while the
 * page reloads for this person), and the button goes. */
static void
show_history_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  VigilDossierPage *self = VIGIL_DOSSIER_PAGE (widget);
  GtkWidget *section;
  GtkWidget *button = NULL;
  GtkWidget *list = NULL;

  if (self->model == NULL || self->all_history)
    return;
  self->all_history = TRUE;
  vigil_dossier_model_set_all_history (self->model, TRUE);
  if (self->build_model != NULL)
    vigil_dossier_model_set_all_history (self->build_model, TRUE);

  section = vigil_dossier_page_get_section (self, "history");
  for (GtkWidget *child = section ? gtk_widget_get_first_child (section) : NULL;
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (g_strcmp0 (gtk_widget_get_name (child), "history-show-all") == 0)
        button = child;
      else if (g_strcmp0 (gtk_widget_get_name (child), "history-list") == 0)
        list = child;
    }
  if (button == NULL)
    return;
  /* the keyboard stays near: on the list the entries joined */
  if (gtk_widget_has_focus (button) && list != NULL)
    gtk_widget_child_focus (list, GTK_DIR_TAB_FORWARD);
  gtk_box_remove (GTK_BOX (section), button);
}

void
_vigil_dossier_page_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "dossier.change-status", NULL, change_status_action);
  gtk_widget_class_install_action (widget_class, "dossier.show-history", NULL, show_history_action);
  gtk_widget_class_install_action (widget_class, "dossier.edit-details", NULL, edit_details_action);
  gtk_widget_class_install_action (widget_class, "dossier.record-decision", NULL, record_decision_action);
  gtk_widget_class_install_action (widget_class, "dossier.add-process", NULL, add_process_action);
  gtk_widget_class_install_action (widget_class, "dossier.edit-process", "x", edit_process_action);
  gtk_widget_class_install_action (widget_class, "dossier.add-agency-information", NULL,
                                   add_agency_information_action);
  gtk_widget_class_install_action (widget_class, "dossier.edit-agency-information", "x",
                                   edit_agency_information_action);
  gtk_widget_class_install_action (widget_class, "dossier.edit-safeguarding", "x", edit_safeguarding_action);
  gtk_widget_class_install_action (widget_class, "dossier.record-outcome", "x", record_outcome_action);
  gtk_widget_class_install_action (widget_class, "dossier.edit-outcome", "x", edit_outcome_action);
  gtk_widget_class_install_action (widget_class, "dossier.edit-plan", NULL, edit_plan_action);
  gtk_widget_class_install_action (widget_class, "dossier.add-intervention", NULL, add_intervention_action);
  gtk_widget_class_install_action (widget_class, "dossier.edit-intervention", "x", edit_intervention_action);
}
