/* vigil-dossier-page.c: one person's dossier, and the coordinator's edits to it
 *
 * The page loads a VigilDossier in a worker thread (one read transaction), records
 * the view in the audit log, then builds its sections on the main thread: a header
 * (name, aliases, date of birth, refs, status, lead, the score with its R/F/G/V
 * breakdown and trend), then Identification, Assessment and Decisions, Other
 * Processes, Multi-agency Information, Victims and Safeguarding, Victim and IDVA
 * Outcomes (each victim's ratings over time, their trend and a chart), Risk
 * Management Plan and History, each
 * saying who changed it last and when. Victims are shown by role ("Victim 1") unless
 * the show-victim-names setting is on.
 *
 * Each section has its edits: Change Status and Edit Details in the header, Record
 * Decision, Add Process and Edit, Add Information and Edit, Safeguarding and Record
 * Outcome for each victim, and Edit for each outcome. They open a record editor (vigil-record-editor.c) that checks and saves the
 * change as one audited transaction, shows a conflicting edit side by side, and on
 * success the page reloads in place (no new view in the audit: the change is there).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-dossier-page"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "vigil-chart-view.h"
#include "vigil-decision-form.h"
#include "vigil-dossier-page.h"
#include "vigil-gui-enums.h"
#include "vigil-gui.h"
#include "vigil-option-picker.h"
#include "vigil-record-editor.h"
#include "vigil-format.h"
#include "vigil-section.h"
#include "vigil-status-dialog.h"

struct _VigilDossierPage
{
  GtkWidget     parent_instance;

  /* Children */
  GtkWidget    *toolbar;
  GtkWidget    *back_button;
  GtkLabel     *title_label;
  GtkStack     *stack;
  AdwStatusPage *error_page;
  GtkSpinner   *spinner;
  GtkWidget    *scrolled;
  GtkWidget    *clamp;
  GtkBox       *content;

  /* Owned references */
  GSettings    *settings;
  VigilStore   *store;
  GCancellable *cancellable;
  VigilDossier *dossier;
  VigilTacticalMenu *menu;  /* the store's tactical menu, NULL when it could not be read */
  GError       *menu_error;
  GError       *error;
  GHashTable   *sections;   /* name → borrowed GtkWidget */

  /* Borrowed references */
  GtkWidget    *editor;     /* the open record editor, weak */

  gint64        person_id;
  gboolean      history_all;  /* the whole history shown (Show All), for this person */

  /* The sections are built one per main-loop iteration, so that the window answers
   * while a large dossier is put on screen: a first load in place, a reload into
   * build_box, shown when whole. */
  VigilDossierPageState state;
  guint         build_source;
  guint         build_step;
  GtkBox       *build_box;
  GHashTable   *build_sections;
  VigilDossier *build_dossier;      /* a reload's: the shown widgets keep the old one */
  VigilTacticalMenu *build_menu;
  GError       *build_menu_error;
  double        build_position;
};

G_DEFINE_FINAL_TYPE (VigilDossierPage, vigil_dossier_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STATE,
  PROP_PERSON_ID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Helpers */

static gboolean
is_set (const char *text)
{
  return text != NULL && *text != '\0';
}

static const char *
choice_label (const char * const *choices,
              const char         *code)
{
  const char *label;

  if (!is_set (code))
    return NULL;
  label = vigil_choice_get_label (choices, code);
  return label != NULL ? label : code;
}

static char *
dup_offence_label (const char *code)
{
  g_autofree char *text = NULL;

  if (!is_set (code))
    return g_strdup (_("Unknown offence"));
  /* abbreviations (gbh, abh) in capitals */
  if (strlen (code) <= 3)
    return g_ascii_strup (code, -1);
  text = g_strdelimit (g_strdup (code), "_", ' ');
  text[0] = g_ascii_toupper (text[0]);
  return g_steal_pointer (&text);
}

static char *
dup_person_name (const char *surname,
                 const char *forenames)
{
  if (is_set (forenames))
    /* Translators: a person's name: "Surname, Forenames" */
    return g_strdup_printf (_("%s, %s"), surname ? surname : "", forenames);
  return g_strdup (surname ? surname : "");
}

static void
remove_all_children (GtkWidget *widget)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (widget)) != NULL)
    gtk_box_remove (GTK_BOX (widget), child);
}

/* Sections */

static GtkWidget *
add_section (VigilDossierPage   *self,
             const char         *name,
             const char         *title,
             const VigilDossierChange *change)
{
  GtkWidget *box = vigil_section_new (name, title);
  g_autofree char *changed = NULL;

  if (change != NULL)
    {
      if (is_set (change->changed_at))
        {
          g_autofree char *when = vigil_format_date (change->changed_at);

          /* Translators: who last changed a section of the dossier, and when */
          changed = g_strdup_printf (_("Last changed by %s on %s"),
                                     is_set (change->changed_by) ? change->changed_by : _("someone unknown"),
                                     when);
        }
      else
        changed = g_strdup (_("Nothing recorded yet"));
      gtk_box_append (GTK_BOX (box), vigil_section_new_label (changed, "dim-label"));
    }

  gtk_box_append (self->content, box);
  g_hash_table_insert (self->sections, g_strdup (name), box);
  return box;
}

static void
append_subheading (GtkWidget  *section,
                   const char *text)
{
  GtkWidget *label = vigil_section_new_label (text, "heading");

  gtk_widget_set_margin_top (label, 6);
  gtk_box_append (GTK_BOX (section), label);
}

/* Editing */

static void reload_dossier (VigilDossierPage *self);

static void
editor_saved_cb (VigilDossierPage *self)
{
  reload_dossier (self);
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

/* A button in a section's heading (or in a row, see add_row_button) that activates
 * the page's action @action_name, with @target (floating, or NULL) as its parameter:
 * a record is named by its id, looked up in the dossier shown when the button is
 * pressed. */
static GtkWidget *
new_edit_button (const char *name,
                 const char *label,
                 const char *accessible_label,
                 const char *action_name,
                 GVariant   *target)
{
  return vigil_section_new_action_button (name, label, accessible_label, action_name, target);
}

static GtkWidget *
add_section_button (GtkWidget  *section,
                    const char *name,
                    const char *label,
                    const char *accessible_label,
                    const char *action_name)
{
  GtkWidget *button = new_edit_button (name, label, accessible_label, action_name, NULL);

  vigil_section_add_button (section, button);
  return button;
}

/* Puts an edit button at the end of a row made by vigil_section_append_row. */
static GtkWidget *
add_row_button (GtkWidget  *row,
                const char *name,
                const char *label,
                const char *accessible_label,
                const char *action_name,
                gint64      id)
{
  GtkWidget *button = new_edit_button (name, label, accessible_label, action_name,
                                       g_variant_new_int64 (id));

  vigil_section_row_add_button (row, button);
  return button;
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
  g_autoptr(VigilPlan) plan = NULL;

  if (self->dossier == NULL)
    return;

  if (self->dossier->plan != NULL)
    plan = vigil_record_copy (&vigil_plan_type, self->dossier->plan);
  else
    {
      plan = vigil_plan_new ();
      plan->person_id = self->dossier->person->record.id;
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
  const VigilTacticalOption *option = vigil_tactical_menu_lookup (self->menu, intervention->option_code);
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
  const VigilTacticalOption *option = vigil_tactical_menu_lookup (self->menu, code);
  g_autoptr(VigilIntervention) intervention = vigil_intervention_new ();

  if (option == NULL || self->dossier == NULL || self->dossier->plan == NULL)
    return;
  intervention->plan_id = self->dossier->plan->record.id;
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
  VigilOptionPicker *picker;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (self->dossier == NULL)
    return;

  if (self->menu == NULL || self->dossier->plan == NULL)
    return;
  picker = vigil_option_picker_new (self->menu, self->dossier->plan->engagement);
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
  const VigilIntervention *intervention;

  if (self->dossier == NULL)
    return;
  intervention = find_record (self->dossier->interventions, g_variant_get_int64 (parameter));
  if (intervention != NULL)
    edit_intervention (self, intervention);
}

static void
change_status_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  VigilDossierPage *self = VIGIL_DOSSIER_PAGE (widget);

  if (self->dossier == NULL)
    return;

  open_editor (self, vigil_status_dialog_new (self->store, self->dossier));
}

static void
edit_details_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  VigilDossierPage *self = VIGIL_DOSSIER_PAGE (widget);

  if (self->dossier == NULL)
    return;

  open_editor (self, vigil_record_editor_new (self->store, _("Cohort Details"),
                                              _("The lead, area and next review of this cohort entry. "
                                                "The status changes through Change Status."),
                                              NULL, &vigil_cohort_entry_type, self->dossier->cohort_entry,
                                              entry_fields, G_N_ELEMENTS (entry_fields)));
}

static void
record_decision_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  VigilDossierPage *self = VIGIL_DOSSIER_PAGE (widget);
  g_autoptr(VigilDecision) decision = vigil_decision_new ();

  if (self->dossier == NULL)
    return;

  decision->person_id = self->dossier->person->record.id;
  decision->cohort_entry_id = self->dossier->cohort_entry ? self->dossier->cohort_entry->record.id : 0;
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
  g_autoptr(VigilProcessOverlap) process = vigil_process_overlap_new ();

  if (self->dossier == NULL)
    return;

  process->person_id = self->dossier->person->record.id;
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
  const VigilProcessOverlap *process;

  if (self->dossier == NULL)
    return;
  process = find_record (self->dossier->processes, g_variant_get_int64 (parameter));
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
  g_autoptr(VigilAgencySection) section = vigil_agency_section_new ();

  if (self->dossier == NULL)
    return;

  section->person_id = self->dossier->person->record.id;
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
  gint64 id = g_variant_get_int64 (parameter);

  if (self->dossier == NULL)
    return;
  for (guint i = 0; i < self->dossier->agency_information->len; i++)
    {
      const VigilDossierAgencyInformation *information = g_ptr_array_index (self->dossier->agency_information, i);

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
  const VigilDossierVictim *victim;
  g_autoptr(VigilVictimLink) link = NULL;
  g_autofree char *title = NULL;

  if (self->dossier == NULL)
    return;
  victim = vigil_dossier_find_victim (self->dossier, g_variant_get_int64 (parameter));
  if (victim == NULL)
    return;

  for (guint i = 0; i < self->dossier->victim_links->len && link == NULL; i++)
    {
      const VigilVictimLink *candidate = g_ptr_array_index (self->dossier->victim_links, i);

      if (candidate->victim_id == victim->person_id)
        link = vigil_record_copy (&vigil_victim_link_type, candidate);
    }
  if (link == NULL)
    {
      link = vigil_victim_link_new ();
      link->perpetrator_id = self->dossier->person->record.id;
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
                                     ? vigil_dossier_find_victim (self->dossier, outcome->victim_id) : NULL;
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
  const VigilDossierVictim *victim = NULL;
  g_autoptr(VigilOutcomeObservation) outcome = vigil_outcome_observation_new ();
  gint64 victim_id = g_variant_get_int64 (parameter);

  if (self->dossier == NULL)
    return;
  if (victim_id != 0 && (victim = vigil_dossier_find_victim (self->dossier, victim_id)) == NULL)
    return;

  outcome->person_id = self->dossier->person->record.id;
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
  const VigilOutcomeObservation *outcome;

  if (self->dossier == NULL)
    return;
  outcome = find_record (self->dossier->outcomes, g_variant_get_int64 (parameter));
  if (outcome != NULL)
    edit_outcome (self, outcome);
}

static const char * const component_letters[] = { N_("R"), N_("F"), N_("G"), N_("V") };
static const char * const component_names[] = {
  N_("Recency"), N_("Frequency"), N_("Gravity"), N_("Victims"),
};

static const char *
trend_label (VigilDossierTrend trend)
{
  switch (trend)
    {
    case VIGIL_DOSSIER_TREND_UP:
      return _("Rising");
    case VIGIL_DOSSIER_TREND_DOWN:
      return _("Falling");
    case VIGIL_DOSSIER_TREND_SAME:
      return _("Unchanged");
    case VIGIL_DOSSIER_TREND_NONE:
    default:
      return _("No earlier score");
    }
}

static const char *
trend_icon (VigilDossierTrend trend)
{
  switch (trend)
    {
    case VIGIL_DOSSIER_TREND_UP:
      return "go-up-symbolic";
    case VIGIL_DOSSIER_TREND_DOWN:
      return "go-down-symbolic";
    case VIGIL_DOSSIER_TREND_SAME:
    case VIGIL_DOSSIER_TREND_NONE:
    default:
      return "go-next-symbolic";
    }
}

static GtkWidget *
create_score_box (const VigilDossier *dossier)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *total;
  GtkWidget *parts;
  GtkWidget *trend_box;
  g_autofree char *total_text = NULL;
  g_autofree char *trend_text = NULL;
  g_autofree char *accessible = NULL;

  gtk_widget_add_css_class (box, "card");
  gtk_widget_set_valign (box, GTK_ALIGN_START);
  gtk_widget_set_name (box, "score");

  if (!dossier->score.present)
    {
      GtkWidget *label = vigil_section_new_label (_("Not scored"), "heading");

      gtk_widget_set_margin_top (label, 12);
      gtk_widget_set_margin_bottom (label, 12);
      gtk_widget_set_margin_start (label, 18);
      gtk_widget_set_margin_end (label, 18);
      gtk_box_append (GTK_BOX (box), label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Score: not scored"),
                                      -1);
      return box;
    }

  total_text = g_strdup_printf ("%g", dossier->score.total);
  total = vigil_section_new_label (total_text, "title-1");
  gtk_widget_add_css_class (total, "numeric");
  gtk_label_set_xalign (GTK_LABEL (total), 0.5);
  gtk_widget_set_name (total, "score-total");
  gtk_box_append (GTK_BOX (box), total);

  parts = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_halign (parts, GTK_ALIGN_CENTER);
  for (guint c = 0; c < VIGIL_RFGV_N_COMPONENTS; c++)
    {
      g_autofree char *text = g_strdup_printf ("%s %" G_GINT64_FORMAT, _(component_letters[c]),
                                               dossier->score.points[c]);
      g_autofree char *name = g_strdup_printf ("score-%s", vigil_rfgv_component_to_key (c));
      GtkWidget *label = vigil_section_new_label (text, "numeric");

      gtk_widget_set_name (label, name);
      gtk_widget_set_tooltip_text (label, _(component_names[c]));
      gtk_box_append (GTK_BOX (parts), label);
    }
  gtk_box_append (GTK_BOX (box), parts);

  trend_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 4);
  gtk_widget_set_halign (trend_box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (trend_box), gtk_image_new_from_icon_name (trend_icon (dossier->trend)));
  if (dossier->previous_score.present)
    /* Translators: the trend and the earlier score: "Rising from 9" */
    trend_text = g_strdup_printf (_("%s from %g"), trend_label (dossier->trend), dossier->previous_score.total);
  else
    trend_text = g_strdup (trend_label (dossier->trend));
  {
    GtkWidget *label = vigil_section_new_label (trend_text, "caption");

    gtk_widget_set_name (label, "trend");
    gtk_box_append (GTK_BOX (trend_box), label);
  }
  if (dossier->trend == VIGIL_DOSSIER_TREND_UP)
    gtk_widget_add_css_class (trend_box, "warning");
  gtk_box_append (GTK_BOX (box), trend_box);

  if (dossier->score.rank > 0)
    {
      g_autofree char *as_of = vigil_format_date (dossier->score.as_of);
      /* Translators: rank in the run, and the run's as-of date */
      g_autofree char *rank = g_strdup_printf (_("Rank %" G_GINT64_FORMAT " · as of %s"),
                                               dossier->score.rank, as_of);

      GtkWidget *label = vigil_section_new_label (rank, "caption");

      gtk_label_set_wrap (GTK_LABEL (label), FALSE);
      gtk_widget_set_halign (label, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (box), label);
    }

  gtk_widget_set_margin_start (box, 0);
  for (GtkWidget *child = gtk_widget_get_first_child (box); child; child = gtk_widget_get_next_sibling (child))
    {
      gtk_widget_set_margin_start (child, 18);
      gtk_widget_set_margin_end (child, 18);
    }
  gtk_widget_set_margin_top (gtk_widget_get_first_child (box), 12);
  gtk_widget_set_margin_bottom (gtk_widget_get_last_child (box), 12);

  /* Translators: the score for a screen reader: "Score 14: R 5, F 3, G 4, V 2. Rising from 9" */
  accessible = g_strdup_printf (_("Score %g: R %" G_GINT64_FORMAT ", F %" G_GINT64_FORMAT
                                  ", G %" G_GINT64_FORMAT ", V %" G_GINT64_FORMAT ". %s"),
                                dossier->score.total,
                                dossier->score.points[VIGIL_RFGV_RECENCY],
                                dossier->score.points[VIGIL_RFGV_FREQUENCY],
                                dossier->score.points[VIGIL_RFGV_GRAVITY],
                                dossier->score.points[VIGIL_RFGV_VICTIMS],
                                trend_text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  return box;
}

static void
build_header (VigilDossierPage *self)
{
  const VigilDossier *dossier = self->dossier;
  const VigilPerson *person = dossier->person;
  const VigilCohortEntry *entry = dossier->cohort_entry;
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  GtkWidget *left = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  g_autofree char *name = dup_person_name (person->surname, person->forenames);
  g_autoptr(GString) refs = g_string_new (NULL);
  GtkWidget *label;

  gtk_widget_set_name (header, "header");
  gtk_accessible_update_property (GTK_ACCESSIBLE (header),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Person"),
                                  -1);
  gtk_widget_set_hexpand (left, TRUE);

  label = vigil_section_new_label (name, "title-1");
  gtk_widget_set_name (label, "person-name");
  gtk_box_append (GTK_BOX (left), label);
  gtk_label_set_label (self->title_label, name);

  if (dossier->aliases->len > 0)
    {
      g_autoptr(GString) aliases = g_string_new (NULL);
      g_autofree char *text = NULL;

      for (guint i = 0; i < dossier->aliases->len; i++)
        {
          const VigilPersonAlias *alias = g_ptr_array_index (dossier->aliases, i);

          if (i > 0)
            g_string_append (aliases, ", ");
          g_string_append (aliases, alias->alias);
        }
      /* Translators: the person's other names */
      text = g_strdup_printf (_("Also known as %s"), aliases->str);
      label = vigil_section_new_label (text, NULL);
      gtk_widget_set_name (label, "aliases");
      gtk_box_append (GTK_BOX (left), label);
    }

  if (is_set (person->dob))
    {
      g_autofree char *dob = vigil_format_date (person->dob);

      /* Translators: date of birth */
      g_string_append_printf (refs, _("Born %s"), dob);
    }
  if (is_set (person->local_ref))
    g_string_append_printf (refs, "%s%s", refs->len ? " · " : "", person->local_ref);
  if (is_set (person->pnc_id))
    /* Translators: the Police National Computer identifier */
    g_string_append_printf (refs, _("%sPNC ID %s"), refs->len ? " · " : "", person->pnc_id);
  if (refs->len > 0)
    {
      label = vigil_section_new_label (refs->str, "dim-label");
      gtk_widget_set_name (label, "refs");
      gtk_box_append (GTK_BOX (left), label);
    }

  if (entry != NULL)
    {
      g_autoptr(GString) status = g_string_new (NULL);
      const char *lead = choice_label (vigil_agency_choices, entry->lead_agency);

      /* Translators: a cohort status and how the person came in: "Managed · RFGV ranking" */
      g_string_append_printf (status, _("%s · %s"),
                              choice_label (vigil_cohort_status_choices, entry->status),
                              choice_label (vigil_route_choices, entry->route) ?: "");
      label = vigil_section_new_label (status->str, "heading");
      gtk_widget_set_name (label, "status");
      gtk_widget_set_margin_top (label, 6);
      gtk_box_append (GTK_BOX (left), label);

      if (lead != NULL || is_set (entry->lead_officer))
        {
          g_autofree char *text = NULL;

          if (lead != NULL && is_set (entry->lead_officer))
            /* Translators: the lead agency and officer */
            text = g_strdup_printf (_("Lead: %s (%s)"), lead, entry->lead_officer);
          else
            text = g_strdup_printf (_("Lead: %s"), lead ? lead : entry->lead_officer);
          label = vigil_section_new_label (text, NULL);
          gtk_widget_set_name (label, "lead");
          gtk_box_append (GTK_BOX (left), label);
        }
      if (is_set (entry->next_review_on))
        {
          g_autofree char *when = vigil_format_date (entry->next_review_on);
          g_autofree char *text = g_strdup_printf (_("Next review %s"), when);

          gtk_box_append (GTK_BOX (left), vigil_section_new_label (text, "dim-label"));
        }
    }
  else
    {
      label = vigil_section_new_label (_("Not in the cohort"), "heading");
      gtk_widget_set_name (label, "status");
      gtk_widget_set_margin_top (label, 6);
      gtk_box_append (GTK_BOX (left), label);
    }

  {
    const VigilDossierChange *person_change = &dossier->changes[VIGIL_DOSSIER_SECTION_PERSON];
    const VigilDossierChange *cohort_change = &dossier->changes[VIGIL_DOSSIER_SECTION_COHORT];
    const VigilDossierChange *newest = person_change;

    if (g_strcmp0 (cohort_change->changed_at, person_change->changed_at) > 0)
      newest = cohort_change;
    if (is_set (newest->changed_at))
      {
        g_autofree char *when = vigil_format_date (newest->changed_at);
        g_autofree char *text = g_strdup_printf (_("Last changed by %s on %s"),
                                                 is_set (newest->changed_by) ? newest->changed_by
                                                                             : _("someone unknown"),
                                                 when);

        gtk_box_append (GTK_BOX (left), vigil_section_new_label (text, "dim-label"));
      }
  }

  if (entry != NULL)
    {
      GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *button;

      gtk_widget_set_margin_top (buttons, 6);
      if (vigil_casework_next_statuses (entry->status)[0] != NULL)
        {
          button = new_edit_button ("change-status", _("Change _Status…"), _("Change status"),
                                    "dossier.change-status", NULL);
          gtk_widget_add_css_class (button, "suggested-action");
          gtk_box_append (GTK_BOX (buttons), button);
        }
      button = new_edit_button ("edit-details", _("Edit _Details…"), _("Edit the cohort details"),
                                "dossier.edit-details", NULL);
      gtk_box_append (GTK_BOX (buttons), button);
      gtk_box_append (GTK_BOX (left), buttons);
    }

  gtk_box_append (GTK_BOX (header), left);
  gtk_box_append (GTK_BOX (header), create_score_box (dossier));
  gtk_box_append (self->content, header);
  g_hash_table_insert (self->sections, g_strdup ("header"), header);
}

/* The victim as the page shows them: by role, or by name when asked for. */
static char *
dup_victim_label (VigilDossierPage         *self,
                  const VigilDossierVictim *victim)
{
  if (victim == NULL)
    return g_strdup (_("no victim recorded"));
  if (g_settings_get_boolean (self->settings, "show-victim-names"))
    {
      g_autofree char *name = dup_person_name (victim->surname, victim->forenames);

      if (*name != '\0')
        /* Translators: a victim's role and name: "Victim 1 (Victimsby, Anna)" */
        return g_strdup_printf (_("%s (%s)"), victim->role, name);
    }
  return g_strdup (victim->role);
}

static const char *
incident_status_label (const VigilDossierIncident *incident)
{
  switch (incident->status)
    {
    case VIGIL_RFGV_INCIDENT_COUNTED:
      return _("Counted");
    case VIGIL_RFGV_INCIDENT_BEFORE_WINDOW:
      return _("Not counted: outside the window");
    case VIGIL_RFGV_INCIDENT_AFTER_AS_OF:
      return _("Not counted: after the as-of date");
    case VIGIL_RFGV_INCIDENT_RELATIONSHIP_NOT_COUNTED:
    default:
      return _("Not counted: relationship not counted");
    }
}

static void
build_identification (VigilDossierPage *self)
{
  const VigilDossier *dossier = self->dossier;
  GtkWidget *section = add_section (self, "identification", _("Identification"),
                                    &dossier->changes[VIGIL_DOSSIER_SECTION_IDENTIFICATION]);
  const VigilRfgvExplanation *explanation = dossier->explanation;
  GtkWidget *list;

  append_subheading (section, _("Score"));
  if (explanation == NULL)
    gtk_box_append (GTK_BOX (section), vigil_section_new_label (_("No incident with this person as the perpetrator."), "dim-label"));
  else if (!explanation->scored)
    gtk_box_append (GTK_BOX (section), vigil_section_new_label (_("No incident counts towards a score."), "dim-label"));
  else
    {
      g_autofree char *total = NULL;
      GtkWidget *label;

      /* Translators: the total and how it adds up: "Total 14: R 5 + F 3 + G 4 + V 2" */
      total = g_strdup_printf (_("Total %g: R %d + F %d + G %d + V %d"), explanation->total,
                               explanation->components[VIGIL_RFGV_RECENCY].points,
                               explanation->components[VIGIL_RFGV_FREQUENCY].points,
                               explanation->components[VIGIL_RFGV_GRAVITY].points,
                               explanation->components[VIGIL_RFGV_VICTIMS].points);
      label = vigil_section_new_label (total, NULL);
      gtk_widget_set_name (label, "explanation");
      gtk_box_append (GTK_BOX (section), label);

      if (dossier->score.present && explanation->total != dossier->score.total)
        {
          g_autofree char *stored = g_strdup_printf (_("The stored score is %g: the incidents changed since that run. "
                                                       "The breakdown shows them as they are now; refresh the ranking "
                                                       "to score them again."),
                                                     dossier->score.total);

          label = vigil_section_new_label (stored, "warning");
          gtk_widget_set_name (label, "score-changed");
          gtk_box_append (GTK_BOX (section), label);
        }

      for (guint c = 0; c < VIGIL_RFGV_N_COMPONENTS; c++)
        {
          const VigilRfgvComponentExplanation *component = &explanation->components[c];
          g_autofree char *text = NULL;

          /* Translators: a component, its value and its points: "Recency: 31 (days since the latest incident) → 5 points" */
          switch (c)
            {
            case VIGIL_RFGV_RECENCY:
              text = g_strdup_printf (_("Recency: %" G_GINT64_FORMAT " days since the latest incident → %d"),
                                      component->value, component->points);
              break;
            case VIGIL_RFGV_FREQUENCY:
              text = g_strdup_printf (_("Frequency: %" G_GINT64_FORMAT " incidents counted → %d"),
                                      component->value, component->points);
              break;
            case VIGIL_RFGV_GRAVITY:
              text = g_strdup_printf (_("Gravity: sum %" G_GINT64_FORMAT " → %d"),
                                      component->value, component->points);
              break;
            default:
              text = g_strdup_printf (_("Victims: %" G_GINT64_FORMAT " distinct → %d"),
                                      component->value, component->points);
              break;
            }
          gtk_box_append (GTK_BOX (section), vigil_section_new_label (text, "dim-label"));
        }
    }

  append_subheading (section, _("Incidents"));
  if (dossier->incidents->len == 0)
    gtk_box_append (GTK_BOX (section), vigil_section_new_label (_("No incidents."), "dim-label"));
  else
    {
      list = vigil_section_new_list (_("Incident timeline"));
      gtk_widget_set_name (list, "incidents");
      for (guint i = 0; i < dossier->incidents->len; i++)
        {
          const VigilDossierIncident *incident = g_ptr_array_index (dossier->incidents, i);
          const VigilDossierVictim *victim = incident->victim >= 0
            ? g_ptr_array_index (dossier->victims, incident->victim) : NULL;
          g_autofree char *date = vigil_format_date (incident->occurred_at);
          g_autofree char *offence = dup_offence_label (incident->offence_code);
          g_autofree char *victim_text = dup_victim_label (self, victim);
          g_autofree char *first = NULL;
          g_autofree char *second = NULL;
          g_autofree char *dash = NULL;
          const char *relationship = choice_label (vigil_relationship_choices, incident->relationship);
          GtkWidget *row;

          /* Translators: date · offence · gravity points */
          first = g_strdup_printf (_("%s · %s · gravity %d"), date, offence, incident->gravity);
          if (is_set (incident->dash_risk))
            /* Translators: the DASH risk level of an incident */
            dash = g_strdup_printf (_("DASH %s"), choice_label (vigil_dash_risk_choices, incident->dash_risk));
          else
            dash = g_strdup (_("no DASH"));
          /* Translators: victim · relationship · DASH · reference · counted or not */
          second = g_strdup_printf (_("%s · %s · %s · %s%s · %s"), victim_text,
                                    relationship ? relationship : _("unknown relationship"),
                                    dash, incident->source_ref ? incident->source_ref : "",
                                    incident->stalking ? _(" · stalking") : "",
                                    incident_status_label (incident));
          row = vigil_section_append_row (list, first, second, "caption", NULL);
          if (incident->status != VIGIL_RFGV_INCIDENT_COUNTED)
            gtk_widget_add_css_class (row, "dim-label");
        }
      gtk_box_append (GTK_BOX (section), list);
      if (dossier->n_incidents_skipped > 0)
        {
          g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                "%u incident has a date that could not be read.",
                                                                "%u incidents have a date that could not be read.",
                                                                dossier->n_incidents_skipped),
                                                   dossier->n_incidents_skipped);

          gtk_box_append (GTK_BOX (section), vigil_section_new_label (text, "warning"));
        }
    }

  append_subheading (section, _("Agency Flags"));
  if (dossier->agency_flags->len == 0)
    gtk_box_append (GTK_BOX (section), vigil_section_new_label (_("No agency flags."), "dim-label"));
  else
    {
      list = vigil_section_new_list (_("Agency flags"));
      gtk_widget_set_name (list, "agency-flags");
      for (guint i = 0; i < dossier->agency_flags->len; i++)
        {
          const VigilAgencyFlag *flag = g_ptr_array_index (dossier->agency_flags, i);
          g_autofree char *when = vigil_format_date (flag->reported_on);
          g_autofree char *first = g_strdup_printf (_("%s: %s"),
                                                    choice_label (vigil_flag_agency_choices, flag->agency) ?: _("Agency"),
                                                    flag->concern);
          /* Translators: when and by whom an agency flag was reported, and under which agreement */
          g_autofree char *second = g_strdup_printf (_("Reported %s by %s · agreement %s"), when,
                                                     is_set (flag->reported_by) ? flag->reported_by : _("unknown"),
                                                     is_set (flag->isa_reference) ? flag->isa_reference : _("none"));

          vigil_section_append_row (list, first, second, "caption", NULL);
        }
      gtk_box_append (GTK_BOX (section), list);
    }

  append_subheading (section, _("Referrals"));
  {
    guint n = 0;

    list = vigil_section_new_list (_("Referrals"));
    gtk_widget_set_name (list, "referrals");
    for (guint i = 0; i <= dossier->past_cohort_entries->len; i++)
      {
        const VigilCohortEntry *entry = i == 0 ? dossier->cohort_entry
                                               : g_ptr_array_index (dossier->past_cohort_entries, i - 1);
        g_autofree char *when = NULL;
        g_autofree char *first = NULL;
        g_autofree char *second = NULL;

        if (entry == NULL || (!is_set (entry->referral_source) && !is_set (entry->referral_reason)))
          continue;
        when = vigil_format_date (entry->identified_on);
        /* Translators: a referral: who referred and when */
        first = g_strdup_printf (_("Referred by %s · %s"),
                                 is_set (entry->referral_source) ? entry->referral_source : _("unknown"), when);
        second = g_strdup (is_set (entry->referral_reason) ? entry->referral_reason : "");
        vigil_section_append_row (list, first, second, "caption", NULL);
        n++;
      }
    if (n > 0)
      gtk_box_append (GTK_BOX (section), list);
    else
      {
        g_object_ref_sink (list);
        g_object_unref (list);
        gtk_box_append (GTK_BOX (section), vigil_section_new_label (_("No referrals."), "dim-label"));
      }
  }
}

static void
build_decisions (VigilDossierPage *self)
{
  const VigilDossier *dossier = self->dossier;
  GtkWidget *section = add_section (self, "decisions", _("Assessment and Decisions"),
                                    &dossier->changes[VIGIL_DOSSIER_SECTION_DECISIONS]);
  GtkWidget *list;

  add_section_button (section, "add-decision", _("_Record Decision…"), _("Record a decision"),
                      "dossier.record-decision");

  if (is_set (dossier->mopi_review_on))
    {
      g_autofree char *when = vigil_format_date (dossier->mopi_review_on);
      g_autofree char *text = NULL;
      GtkWidget *label;

      if (dossier->mopi_review_due)
        /* Translators: the MoPI (Management of Police Information) review date, reached */
        text = g_strdup_printf (_("MoPI review due: %s"), when);
      else
        text = g_strdup_printf (_("MoPI review on %s"), when);
      label = vigil_section_new_label (text, dossier->mopi_review_due ? "warning" : NULL);
      gtk_widget_set_name (label, "mopi");
      gtk_box_append (GTK_BOX (section), label);
    }

  if (dossier->decisions->len == 0)
    {
      gtk_box_append (GTK_BOX (section), vigil_section_new_label (_("No assessment or decision recorded."), "dim-label"));
      return;
    }

  list = vigil_section_new_list (_("Decisions, newest first"));
  gtk_widget_set_name (list, "decision-list");
  for (guint i = 0; i < dossier->decisions->len; i++)
    {
      const VigilDecision *decision = g_ptr_array_index (dossier->decisions, i);
      g_autofree char *when = vigil_format_date (decision->decided_on);
      g_autofree char *first = NULL;
      g_autofree char *who = NULL;
      g_autofree char *assessment = NULL;
      g_autofree char *proportionality = NULL;
      const char *kind = choice_label (vigil_decision_kind_choices, decision->kind);

      if (is_set (decision->outcome))
        /* Translators: a decision: kind — outcome · date */
        first = g_strdup_printf (_("%s — %s · %s"), kind ? kind : "", decision->outcome, when);
      else
        first = g_strdup_printf (_("%s · %s"), kind ? kind : "", when);
      if (is_set (decision->decided_role))
        /* Translators: the decision-maker and their role */
        who = g_strdup_printf (_("Decided by %s, %s"), decision->decided_by, decision->decided_role);
      else
        who = g_strdup_printf (_("Decided by %s"), decision->decided_by);
      if (is_set (decision->severity) || is_set (decision->immediacy))
        /* Translators: the senior decision-maker's assessment */
        assessment = g_strdup_printf (_("Severity %s · immediacy %s"),
                                      choice_label (vigil_severity_choices, decision->severity) ?: _("not assessed"),
                                      choice_label (vigil_immediacy_choices, decision->immediacy) ?: _("not assessed"));
      if (is_set (decision->proportionality))
        /* Translators: the proportionality / human rights note of a decision */
        proportionality = g_strdup_printf (_("Proportionality: %s"), decision->proportionality);

      vigil_section_append_row (list, first,
                  who, "caption",
                  assessment ? assessment : "", "caption",
                  decision->rationale ? decision->rationale : "", NULL,
                  proportionality ? proportionality : "", "dim-label",
                  NULL);
    }
  gtk_box_append (GTK_BOX (section), list);
}

static void
build_processes (VigilDossierPage *self)
{
  const VigilDossier *dossier = self->dossier;
  GtkWidget *section = add_section (self, "processes", _("Other Processes"),
                                    &dossier->changes[VIGIL_DOSSIER_SECTION_PROCESSES]);
  GtkWidget *list;

  add_section_button (section, "add-process", _("_Add Process…"), _("Add another process"),
                      "dossier.add-process");

  if (dossier->cohort_entry != NULL && is_set (dossier->cohort_entry->managing_panel))
    {
      g_autofree char *text = g_strdup_printf (_("Risk managed by: %s"), dossier->cohort_entry->managing_panel);

      gtk_box_append (GTK_BOX (section), vigil_section_new_label (text, "heading"));
    }

  if (dossier->processes->len == 0)
    {
      gtk_box_append (GTK_BOX (section), vigil_section_new_label (_("No other process recorded."), "dim-label"));
      return;
    }

  list = vigil_section_new_list (_("Other processes"));
  gtk_widget_set_name (list, "process-list");
  for (guint i = 0; i < dossier->processes->len; i++)
    {
      const VigilProcessOverlap *process = g_ptr_array_index (dossier->processes, i);
      g_autofree char *first = NULL;
      g_autofree char *dates = NULL;
      g_autofree char *started = vigil_format_date (process->started_on);
      const char *name = choice_label (vigil_process_choices, process->process);
      const char *status = choice_label (vigil_process_status_choices, process->status);

      if (process->mappa_category > 0 || process->mappa_level > 0)
        /* Translators: MAPPA with its category and level */
        first = g_strdup_printf (_("%s (category %" G_GINT64_FORMAT ", level %" G_GINT64_FORMAT ") · %s"),
                                 name ? name : "", process->mappa_category, process->mappa_level,
                                 status ? status : "");
      else
        first = g_strdup_printf (_("%s · %s"), name ? name : "", status ? status : "");
      if (is_set (process->ended_on))
        {
          g_autofree char *ended = vigil_format_date (process->ended_on);

          dates = g_strdup_printf (_("From %s to %s"), started, ended);
        }
      else
        dates = g_strdup_printf (_("Since %s"), started);
      if (is_set (process->contact))
        {
          g_autofree char *more = g_strdup_printf (_("%s · contact %s"), dates, process->contact);

          g_free (dates);
          dates = g_steal_pointer (&more);
        }
      {
        GtkWidget *row = vigil_section_append_row (list, first, dates, "caption", process->notes ? process->notes : "",
                                     "dim-label", NULL);
        /* Translators: accessible name of the button editing a process ("Edit MARAC") */
        g_autofree char *edit = g_strdup_printf (_("Edit %s"), name ? name : process->process);

        add_row_button (row, "edit-process", _("Edit…"), edit, "dossier.edit-process", process->record.id);
      }
    }
  gtk_box_append (GTK_BOX (section), list);
}

static void
build_agency_information (VigilDossierPage *self)
{
  const VigilDossier *dossier = self->dossier;
  GtkWidget *section = add_section (self, "agency-information", _("Multi-agency Information"),
                                    &dossier->changes[VIGIL_DOSSIER_SECTION_AGENCY_INFORMATION]);
  g_autofree char *fresh = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                         "Information older than %d day is marked stale.",
                                                         "Information older than %d days is marked stale.",
                                                         (gulong) MAX (dossier->fresh_days, 0)),
                                            dossier->fresh_days);
  GtkWidget *list;

  add_section_button (section, "add-agency-information", _("Add _Information…"),
                      _("Add agency information"), "dossier.add-agency-information");
  gtk_box_append (GTK_BOX (section), vigil_section_new_label (fresh, "dim-label"));
  if (dossier->agency_information->len == 0)
    {
      gtk_box_append (GTK_BOX (section), vigil_section_new_label (_("No agency has shared information."), "dim-label"));
      return;
    }

  list = vigil_section_new_list (_("Information from each agency"));
  gtk_widget_set_name (list, "agency-list");
  for (guint i = 0; i < dossier->agency_information->len; i++)
    {
      const VigilDossierAgencyInformation *info = g_ptr_array_index (dossier->agency_information, i);
      const VigilAgencySection *agency = info->section;
      const char *name = choice_label (vigil_agency_choices, agency->agency);
      g_autofree char *first = NULL;
      g_autofree char *when = vigil_format_date (agency->provided_on);
      g_autofree char *source = NULL;
      g_autofree char *earlier = NULL;
      GtkWidget *row;

      if (info->stale)
        /* Translators: an agency's information, older than the freshness limit */
        first = g_strdup_printf (_("%s — stale"), name ? name : agency->agency);
      else
        first = g_strdup (name ? name : agency->agency);
      /* Translators: who provided an agency's information, when, under which information-sharing agreement */
      source = g_strdup_printf (_("Provided by %s on %s · agreement %s"),
                                is_set (agency->provided_by) ? agency->provided_by : _("unknown"), when,
                                is_set (agency->isa_reference) ? agency->isa_reference : _("none"));
      if (info->n_earlier > 0)
        earlier = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u earlier entry", "%u earlier entries",
                                                info->n_earlier), info->n_earlier);
      row = vigil_section_append_row (list, first,
                        agency->body ? agency->body : "", NULL,
                        source, "caption",
                        earlier ? earlier : "", "dim-label",
                        NULL);
      gtk_widget_set_name (row, agency->agency);
      {
        /* Translators: accessible name of the button editing an agency's information */
        g_autofree char *edit = g_strdup_printf (_("Edit the information from %s"), name ? name : agency->agency);

        add_row_button (row, "edit-agency-information", _("Edit…"), edit,
                        "dossier.edit-agency-information", agency->record.id);
      }
      if (info->stale)
        gtk_widget_add_css_class (gtk_widget_get_first_child (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row))),
                                  "warning");
    }
  gtk_box_append (GTK_BOX (section), list);
}

static void
build_victims (VigilDossierPage *self)
{
  const VigilDossier *dossier = self->dossier;
  GtkWidget *section = add_section (self, "victims", _("Victims and Safeguarding"),
                                    &dossier->changes[VIGIL_DOSSIER_SECTION_VICTIMS]);
  GtkWidget *list;

  if (dossier->victims->len == 0)
    {
      gtk_box_append (GTK_BOX (section), vigil_section_new_label (_("No victim recorded."), "dim-label"));
      return;
    }

  list = vigil_section_new_list (_("Victims"));
  gtk_widget_set_name (list, "victim-list");
  for (guint i = 0; i < dossier->victims->len; i++)
    {
      const VigilDossierVictim *victim = g_ptr_array_index (dossier->victims, i);
      const VigilVictimLink *link = NULL;
      g_autofree char *first = dup_victim_label (self, victim);
      g_autofree char *incidents = NULL;
      g_autofree char *safeguarding = NULL;
      g_autofree char *advocate = NULL;
      GtkWidget *row;

      for (guint j = 0; j < dossier->victim_links->len && link == NULL; j++)
        {
          const VigilVictimLink *candidate = g_ptr_array_index (dossier->victim_links, j);

          if (candidate->victim_id == victim->person_id)
            link = candidate;
        }

      if (victim->n_incidents == 0)
        incidents = g_strdup (_("Linked only: no incident recorded with this person"));
      else
        incidents = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u incident", "%u incidents",
                                                  victim->n_incidents), victim->n_incidents);
      if (link != NULL)
        {
          const char *relationship = choice_label (vigil_relationship_choices, link->relationship);
          const char *kind = choice_label (vigil_advocate_choices, link->advocate);
          g_autofree char *plan = NULL;

          if (kind != NULL && is_set (link->advocate_name))
            advocate = g_strdup_printf (_("%s: %s"), kind, link->advocate_name);
          else
            advocate = g_strdup (kind ? kind : _("no advocate"));
          if (link->safety_plan && is_set (link->safety_plan_on))
            {
              g_autofree char *when = vigil_format_date (link->safety_plan_on);

              plan = g_strdup_printf (_("safety plan since %s"), when);
            }
          else
            plan = g_strdup (link->safety_plan ? _("safety plan") : _("no safety plan"));
          /* Translators: relationship · advocate (IDVA or ISAC) · safety plan · consent */
          safeguarding = g_strdup_printf (_("%s · %s · %s · %s"),
                                          relationship ? relationship : _("unknown relationship"),
                                          advocate, plan,
                                          link->consent_to_share ? _("consents to share")
                                                                 : _("no consent to share"));
        }
      else
        safeguarding = g_strdup (_("No victim link: no safeguarding recorded"));

      row = vigil_section_append_row (list, first, safeguarding, "caption", incidents, "dim-label",
                        link != NULL && link->notes ? link->notes : "", "dim-label", NULL);
      {
        g_autofree char *row_name = g_strdup_printf ("victim-%u", victim->number);
        /* Translators: accessible name of the safeguarding button of a victim ("Victim 1") */
        g_autofree char *edit = g_strdup_printf (_("Safeguarding of %s"), victim->role);

        gtk_widget_set_name (row, row_name);
        add_row_button (row, "edit-safeguarding", _("Safeguarding…"), edit,
                        "dossier.edit-safeguarding", victim->person_id);
      }
    }
  gtk_box_append (GTK_BOX (section), list);
}

/* "Feels safe · reported by the victim" */
static char *
dup_outcome_title (const char *source,
                   const char *measure)
{
  const char *measure_label = choice_label (vigil_outcome_measure_choices, measure);

  if (g_strcmp0 (source, "idva_rated") == 0)
    /* Translators: an outcome measure ("Feels safe") as the IDVA rates it */
    return g_strdup_printf (_("%s · rated by the IDVA"), measure_label ? measure_label : measure);
  /* Translators: an outcome measure ("Feels safe") as the victim reports it */
  return g_strdup_printf (_("%s · reported by the victim"), measure_label ? measure_label : measure);
}

/* "2 → 1 → 4 · better than on 1 March 2026" */
static char *
dup_trend_text (const VigilDossierOutcomeTrend *trend)
{
  g_autoptr(GString) ratings = g_string_new (NULL);
  g_autofree char *first = vigil_format_date (trend->first_on);
  g_autofree char *latest = vigil_format_date (trend->latest_on);
  guint start = trend->ratings->len > 8 ? trend->ratings->len - 8 : 0;

  if (trend->n_ratings < 2)
    /* Translators: the only rating of an outcome, out of 5, and its date */
    return g_strdup_printf (_("%" G_GINT64_FORMAT " of 5 on %s · one rating so far"), trend->latest_rating, latest);

  if (start > 0)
    g_string_append (ratings, "… ");
  for (guint i = start; i < trend->ratings->len; i++)
    g_string_append_printf (ratings, "%s%" G_GINT64_FORMAT, i > start ? " → " : "",
                            g_array_index (trend->ratings, gint64, i));
  switch (trend->trend)
    {
    case VIGIL_DOSSIER_TREND_UP:
      /* Translators: ratings in order ("2 → 1 → 4"), then the date of the first */
      return g_strdup_printf (_("%s · better than on %s"), ratings->str, first);
    case VIGIL_DOSSIER_TREND_DOWN:
      /* Translators: ratings in order ("4 → 2"), then the date of the first */
      return g_strdup_printf (_("%s · worse than on %s"), ratings->str, first);
    case VIGIL_DOSSIER_TREND_SAME:
    case VIGIL_DOSSIER_TREND_NONE:
    default:
      /* Translators: ratings in order ("3 → 3"), then the date of the first */
      return g_strdup_printf (_("%s · the same as on %s"), ratings->str, first);
    }
}

static const char *
outcome_trend_class (VigilDossierTrend trend)
{
  switch (trend)
    {
    case VIGIL_DOSSIER_TREND_UP:
      return "success";
    case VIGIL_DOSSIER_TREND_DOWN:
      return "warning";
    case VIGIL_DOSSIER_TREND_SAME:
    case VIGIL_DOSSIER_TREND_NONE:
    default:
      return "caption";
    }
}

/* The ratings about one victim (@victim: an index into the victims, -1: none) over
 * time, a line for each measure and source; NULL when no measure has two ratings. */
static VigilChart *
create_outcome_chart (const VigilDossier *dossier,
                      int                 victim,
                      const char         *group_label)
{
  g_autoptr(VigilChart) chart = NULL;
  g_autoptr(GHashTable) series = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *name = NULL;
  g_autofree char *subtitle = NULL;
  gboolean worth_drawing = FALSE;

  for (guint i = 0; i < dossier->outcome_trends->len; i++)
    {
      const VigilDossierOutcomeTrend *trend = g_ptr_array_index (dossier->outcome_trends, i);

      if (trend->victim == victim && trend->n_ratings >= 2)
        worth_drawing = TRUE;
    }
  if (!worth_drawing)
    return NULL;

  name = victim >= 0 ? g_strdup_printf ("outcomes-victim-%d", victim + 1) : g_strdup ("outcomes-no-victim");
  chart = vigil_chart_new (VIGIL_CHART_LINES, name, _("Outcomes over time"));
  /* Translators: under the chart of a victim's outcomes; %s: "Victim 1" */
  subtitle = g_strdup_printf (_("%s · ratings from 1 (worst) to 5 (best)"), group_label);
  vigil_chart_set_subtitle (chart, subtitle);
  vigil_chart_set_x_axis (chart, VIGIL_CHART_AXIS_DATE, _("Date"));
  vigil_chart_set_y_axis (chart, VIGIL_CHART_AXIS_COUNT, _("Rating"));
  vigil_chart_set_y_range (chart, 0, 5);
  vigil_chart_set_caveat (chart, _("What the victim and their IDVA say: police data alone under-counts "
                                   "re-victimisation."));

  /* the series in the trends' order, then the points oldest first */
  for (guint i = 0; i < dossier->outcome_trends->len; i++)
    {
      const VigilDossierOutcomeTrend *trend = g_ptr_array_index (dossier->outcome_trends, i);
      g_autofree char *title = NULL;

      if (trend->victim != victim)
        continue;
      title = dup_outcome_title (trend->source, trend->measure);
      g_hash_table_insert (series, g_strdup_printf ("%s\x1f%s", trend->source, trend->measure),
                           GUINT_TO_POINTER (vigil_chart_add_series (chart, title) + 1));
    }
  for (guint i = dossier->outcomes->len; i > 0; i--)
    {
      const VigilOutcomeObservation *outcome = g_ptr_array_index (dossier->outcomes, i - 1);
      const VigilDossierVictim *about = outcome->victim_id != 0 ? vigil_dossier_find_victim (dossier, outcome->victim_id) : NULL;
      g_autofree char *key = NULL;
      g_autofree char *when = NULL;
      g_autofree char *tip = NULL;
      g_autofree char *title = NULL;
      GDate day;
      guint index;

      if ((about != NULL ? (int) about->number - 1 : -1) != victim)
        continue;
      key = g_strdup_printf ("%s\x1f%s", outcome->source, outcome->measure);
      index = GPOINTER_TO_UINT (g_hash_table_lookup (series, key));
      g_date_clear (&day, 1);
      if (index == 0 || outcome->observed_on == NULL)
        continue;
      g_date_set_parse (&day, outcome->observed_on);
      if (!g_date_valid (&day))
        continue;
      when = vigil_format_date (outcome->observed_on);
      title = dup_outcome_title (outcome->source, outcome->measure);
      /* Translators: a point's tooltip: the measure, the rating out of 5, the date */
      tip = g_strdup_printf (_("%s: %" G_GINT64_FORMAT " of 5 on %s"), title, outcome->rating, when);
      vigil_chart_add_point (chart, index - 1, g_date_get_julian (&day), outcome->rating, tip);
    }
  return g_steal_pointer (&chart);
}

/* One group of the outcomes: a victim (or none), its trends, its chart. */
static void
append_outcome_group (VigilDossierPage         *self,
                      GtkWidget                *section,
                      const VigilDossierVictim *victim)
{
  const VigilDossier *dossier = self->dossier;
  int index = victim != NULL ? (int) victim->number - 1 : -1;
  g_autofree char *label = victim != NULL ? dup_victim_label (self, victim) : g_strdup (_("Not about one victim"));
  g_autoptr(VigilChart) chart = NULL;
  GtkWidget *list = vigil_section_new_list (victim != NULL ? victim->role : _("Not about one victim"));
  GtkWidget *row;
  guint n_trends = 0;

  gtk_widget_set_name (list, victim != NULL ? "outcome-list" : "outcome-list-no-victim");
  for (guint i = 0; i < dossier->outcome_trends->len; i++)
    if (((VigilDossierOutcomeTrend *) g_ptr_array_index (dossier->outcome_trends, i))->victim == index)
      n_trends++;

  row = vigil_section_append_row (list, label,
                                  n_trends == 0 ? _("No outcome recorded yet") : "", "dim-label", NULL);
  gtk_widget_set_name (row, victim != NULL ? "outcome-victim" : "outcome-no-victim");
  if (victim != NULL)
    {
      /* Translators: accessible name of the button recording an outcome of a victim ("Victim 1") */
      g_autofree char *add = g_strdup_printf (_("Record an outcome for %s"), victim->role);

      add_row_button (row, "add-outcome", _("Record Outcome…"), add,
                      "dossier.record-outcome", victim->person_id);
    }

  for (guint i = 0; i < dossier->outcome_trends->len; i++)
    {
      const VigilDossierOutcomeTrend *trend = g_ptr_array_index (dossier->outcome_trends, i);
      g_autofree char *title = NULL;
      g_autofree char *text = NULL;

      if (trend->victim != index)
        continue;
      title = dup_outcome_title (trend->source, trend->measure);
      text = dup_trend_text (trend);
      row = vigil_section_append_row (list, title, text, outcome_trend_class (trend->trend), NULL);
      gtk_widget_set_name (row, "outcome-trend");
    }
  gtk_box_append (GTK_BOX (section), list);

  chart = create_outcome_chart (dossier, index, victim != NULL ? victim->role : label);
  if (chart != NULL)
    {
      GtkWidget *view = vigil_chart_view_new ();

      gtk_widget_set_name (view, "outcome-chart");
      gtk_widget_set_size_request (view, -1, 360);
      vigil_chart_view_set_chart (VIGIL_CHART_VIEW (view), chart);
      gtk_box_append (GTK_BOX (section), view);
    }
}

static void
build_outcomes (VigilDossierPage *self)
{
  const VigilDossier *dossier = self->dossier;
  GtkWidget *section = add_section (self, "outcomes", _("Victim and IDVA Outcomes"),
                                    &dossier->changes[VIGIL_DOSSIER_SECTION_OUTCOMES]);
  gboolean about_none = FALSE;
  GtkWidget *list;

  gtk_box_append (GTK_BOX (section),
                  vigil_section_new_label (_("What each victim reports and their IDVA rates, from 1 (worst) to "
                                             "5 (best), over time: the measures beyond police data that "
                                             "principle 8 asks for."), "dim-label"));
  for (guint i = 0; i < dossier->outcome_trends->len; i++)
    if (((VigilDossierOutcomeTrend *) g_ptr_array_index (dossier->outcome_trends, i))->victim < 0)
      about_none = TRUE;

  if (dossier->victims->len == 0)
    {
      /* no victim recorded: an outcome about none of them */
      vigil_section_add_button (section, new_edit_button ("add-outcome", _("Record _Outcome…"),
                                                          _("Record an outcome"), "dossier.record-outcome",
                                                          g_variant_new_int64 (0)));
      about_none = TRUE;
    }
  for (guint i = 0; i < dossier->victims->len; i++)
    append_outcome_group (self, section, g_ptr_array_index (dossier->victims, i));
  if (about_none)
    append_outcome_group (self, section, NULL);

  if (dossier->outcomes->len == 0)
    return;

  append_subheading (section, _("Recorded Outcomes"));
  list = vigil_section_new_list (_("Recorded outcomes, newest first"));
  gtk_widget_set_name (list, "outcome-record-list");
  for (guint i = 0; i < dossier->outcomes->len; i++)
    {
      const VigilOutcomeObservation *outcome = g_ptr_array_index (dossier->outcomes, i);
      const VigilDossierVictim *victim = outcome->victim_id != 0 ? vigil_dossier_find_victim (dossier, outcome->victim_id) : NULL;
      g_autofree char *when = vigil_format_date (outcome->observed_on);
      g_autofree char *title = dup_outcome_title (outcome->source, outcome->measure);
      g_autofree char *first = NULL;
      g_autofree char *about = victim != NULL ? dup_victim_label (self, victim) : g_strdup (_("Not about one victim"));
      g_autofree char *edit = NULL;
      GtkWidget *row;

      /* Translators: an outcome: its date, the measure and source, the rating out of 5 */
      first = g_strdup_printf (_("%s · %s · %" G_GINT64_FORMAT " of 5"), when, title, outcome->rating);
      row = vigil_section_append_row (list, first, about, "caption",
                                      is_set (outcome->note) ? outcome->note : "", "dim-label", NULL);
      /* Translators: accessible name of the button editing an outcome; %s: its date */
      edit = g_strdup_printf (_("Edit the outcome of %s"), when);
      add_row_button (row, "edit-outcome", _("Edit…"), edit, "dossier.edit-outcome", outcome->record.id);
    }
  gtk_box_append (GTK_BOX (section), list);
}

static void
append_text_row (GtkWidget  *list,
                 const char *title,
                 const char *text)
{
  vigil_section_append_row (list, title, is_set (text) ? text : _("Not written yet"), is_set (text) ? NULL : "dim-label", NULL);
}

static void
build_plan (VigilDossierPage *self)
{
  const VigilDossier *dossier = self->dossier;
  const VigilPlan *plan = dossier->plan;
  GtkWidget *section = add_section (self, "plan", _("Risk Management Plan"),
                                    &dossier->changes[VIGIL_DOSSIER_SECTION_PLANS]);
  GtkWidget *add;
  GtkWidget *list;

  add_section_button (section, "edit-plan", plan ? _("Edit _Plan…") : _("Write _Plan…"),
                      plan ? _("Edit the risk management plan") : _("Write a risk management plan"),
                      "dossier.edit-plan");
  add = add_section_button (section, "add-intervention", _("Add _Intervention…"),
                            _("Add an intervention from the tactical menu"),
                            "dossier.add-intervention");
  gtk_widget_set_sensitive (add, plan != NULL && self->menu != NULL);
  if (plan == NULL)
    gtk_widget_set_tooltip_text (add, _("Write the plan first"));

  if (self->menu == NULL && self->menu_error != NULL)
    gtk_box_append (GTK_BOX (section), vigil_section_new_label (self->menu_error->message, "error"));

  if (plan != NULL)
    {
      g_autofree char *agreed = vigil_format_date (plan->agreed_on);
      g_autofree char *review = vigil_format_date (plan->review_on);
      g_autofree char *line = NULL;
      const char *engagement = choice_label (vigil_engagement_choices, plan->engagement);

      /* Translators: a plan's dates and whether the person engages */
      line = g_strdup_printf (_("Agreed %s · review %s · %s"), is_set (plan->agreed_on) ? agreed : _("not yet"),
                              is_set (plan->review_on) ? review : _("not set"),
                              engagement ? engagement : _("engagement not known"));
      gtk_box_append (GTK_BOX (section), vigil_section_new_label (line, NULL));
      list = vigil_section_new_list (_("The plan"));
      gtk_widget_set_name (list, "plan-list");
      append_text_row (list, _("Objectives"), plan->objectives);
      append_text_row (list, _("Exit strategy"), plan->exit_strategy);
      append_text_row (list, _("Scale-back criteria"), plan->scale_back_criteria);
      gtk_box_append (GTK_BOX (section), list);
    }

  if (self->menu != NULL)
    {
      g_autoptr(GPtrArray) warnings = NULL;
      g_autofree char *today = vigil_form_dup_today ();

      warnings = vigil_casework_plan_warnings (plan, dossier->interventions, self->menu, dossier->victims->len,
                                               dossier->processes, today);
      for (guint i = 0; i < warnings->len; i++)
        {
          GtkWidget *label = vigil_section_new_label (g_ptr_array_index (warnings, i), "warning");

          gtk_widget_set_name (label, "plan-warning");
          gtk_box_append (GTK_BOX (section), label);
        }
    }

  if (dossier->interventions == NULL || dossier->interventions->len == 0)
    {
      if (plan != NULL)
        gtk_box_append (GTK_BOX (section), vigil_section_new_label (_("No intervention chosen yet."), "dim-label"));
      return;
    }

  append_subheading (section, _("Interventions"));
  list = vigil_section_new_list (_("Interventions"));
  gtk_widget_set_name (list, "intervention-list");
  for (guint i = 0; i < dossier->interventions->len; i++)
    {
      const VigilIntervention *intervention = g_ptr_array_index (dossier->interventions, i);
      const VigilTacticalOption *option = self->menu ? vigil_tactical_menu_lookup (self->menu, intervention->option_code) : NULL;
      const char *title = option ? option->title : intervention->option_code;
      const char *status = choice_label (vigil_intervention_status_choices, intervention->status);
      const char *owner = choice_label (vigil_agency_choices, intervention->owner_agency);
      g_autofree char *first = NULL;
      g_autofree char *who = NULL;
      g_autofree char *order = NULL;
      g_autofree char *edit = NULL;
      GtkWidget *row;

      /* Translators: an intervention, its category and status */
      first = g_strdup_printf (_("%s · %s · %s"), title,
                               option ? vigil_tactical_category_get_title (option->category) : _("not on the menu"),
                               status ? status : intervention->status);
      if (is_set (intervention->due_on))
        {
          g_autofree char *due = vigil_format_date (intervention->due_on);

          /* Translators: who owns an intervention and when it is due */
          who = g_strdup_printf (_("%s%s%s · due %s"), owner ? owner : "", owner && is_set (intervention->owner_person) ? ", " : "",
                                 intervention->owner_person ? intervention->owner_person : "", due);
        }
      else
        who = g_strdup_printf ("%s%s%s", owner ? owner : "", owner && is_set (intervention->owner_person) ? ", " : "",
                               intervention->owner_person ? intervention->owner_person : "");
      if (option != NULL && option->is_order)
        {
          g_autofree char *expires = vigil_format_date (intervention->order_expires_on);

          order = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Order: expires %s · %" G_GINT64_FORMAT " breach",
                                                "Order: expires %s · %" G_GINT64_FORMAT " breaches",
                                                (gulong) intervention->breaches),
                                   is_set (intervention->order_expires_on) ? expires : _("no expiry recorded"),
                                   intervention->breaches);
        }
      row = vigil_section_append_row (list, first, who, "caption", order ? order : "", "caption",
                        intervention->outcome ? intervention->outcome : "", "dim-label", NULL);
      if (option != NULL && option->retired)
        gtk_widget_add_css_class (row, "dim-label");
      /* Translators: accessible name of the button editing an intervention */
      edit = g_strdup_printf (_("Edit %s"), title);
      add_row_button (row, "edit-intervention", _("Edit…"), edit,
                      "dossier.edit-intervention", intervention->record.id);
    }
  gtk_box_append (GTK_BOX (section), list);
}

/* The history entries shown before Show All: each is a row of wrapped text, and a
 * person's history grows with every view, so a long one would be laid out (and its text
 * shaped) whole at each opening while only its top is read. */
#define HISTORY_SHOWN 10

static void
append_history_rows (GtkWidget          *list,
                     const VigilDossier *dossier,
                     guint               from,
                     guint               to)
{
  for (guint i = from; i < to; i++)
    {
      const VigilDossierHistoryEntry *entry = g_ptr_array_index (dossier->history, i);
      g_autofree char *when = vigil_format_date (entry->logged_at);
      /* Translators: when and who, in the history of a dossier */
      g_autofree char *second = g_strdup_printf (_("%s · %s"), when,
                                                 is_set (entry->actor) ? entry->actor : _("unknown"));

      vigil_section_append_row (list, entry->summary ? entry->summary : entry->action, second, "caption", NULL);
    }
}

static GtkWidget *
new_history_truncated_label (void)
{
  g_autofree char *text = g_strdup_printf (_("Only the newest %d entries are shown."),
                                           VIGIL_DOSSIER_HISTORY_LIMIT);

  return vigil_section_new_label (text, "dim-label");
}

static void
build_history (VigilDossierPage *self)
{
  const VigilDossier *dossier = self->dossier;
  GtkWidget *section = add_section (self, "history", _("History"), NULL);
  GtkWidget *list;
  guint shown;

  if (dossier->history->len == 0)
    {
      gtk_box_append (GTK_BOX (section), vigil_section_new_label (_("No history."), "dim-label"));
      return;
    }

  list = vigil_section_new_list (_("History, newest first"));
  gtk_widget_set_name (list, "history-list");
  shown = self->history_all ? dossier->history->len : MIN (dossier->history->len, HISTORY_SHOWN);
  append_history_rows (list, dossier, 0, shown);
  gtk_box_append (GTK_BOX (section), list);

  if (shown < dossier->history->len)
    {
      guint n = dossier->history->len;
      g_autofree char *label = NULL;
      g_autofree char *accessible = NULL;
      GtkWidget *button;

      /* Translators: the button under the newest entries of a dossier's history */
      label = g_strdup_printf (dossier->history_truncated
                               ? g_dngettext (GETTEXT_PACKAGE, "Show the Newest %u Entry", "Show the Newest %u Entries", n)
                               : g_dngettext (GETTEXT_PACKAGE, "Show All %u Entry", "Show All %u Entries", n),
                               n);
      accessible = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Show %u entry of the history",
                                                 "Show %u entries of the history", n), n);
      button = new_edit_button ("history-show-all", label, accessible, "dossier.show-history", NULL);
      gtk_widget_set_halign (button, GTK_ALIGN_CENTER);
      gtk_box_append (GTK_BOX (section), button);
    }
  else if (dossier->history_truncated)
    gtk_box_append (GTK_BOX (section), new_history_truncated_label ());
}

/* Show All: the rest of the history, under the rows shown (kept for this person while
 * the page reloads after a change). */
static void
show_history_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  VigilDossierPage *self = VIGIL_DOSSIER_PAGE (widget);
  GtkWidget *section;
  GtkWidget *list = NULL;
  GtkWidget *button = NULL;
  guint shown = 0;

  if (self->dossier == NULL || self->history_all)
    return;
  self->history_all = TRUE;

  section = g_hash_table_lookup (self->sections, "history");
  for (GtkWidget *child = section ? gtk_widget_get_first_child (section) : NULL;
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (g_strcmp0 (gtk_widget_get_name (child), "history-list") == 0)
        list = child;
      else if (g_strcmp0 (gtk_widget_get_name (child), "history-show-all") == 0)
        button = child;
    }
  if (list == NULL || button == NULL)
    return;

  for (GtkWidget *row = gtk_widget_get_first_child (list); row != NULL; row = gtk_widget_get_next_sibling (row))
    shown++;
  append_history_rows (list, self->dossier, shown, self->dossier->history->len);
  if (self->dossier->history_truncated)
    gtk_box_append (GTK_BOX (section), new_history_truncated_label ());
  /* the keyboard stays where the button was: on the first entry it showed */
  if (gtk_widget_has_focus (button))
    gtk_widget_child_focus (list, GTK_DIR_TAB_FORWARD);
  gtk_box_remove (GTK_BOX (section), button);
}

static void cancel_build (VigilDossierPage *self);

static void (* const build_steps[]) (VigilDossierPage *self) = {
  build_header, build_identification, build_decisions, build_processes,
  build_agency_information, build_victims, build_outcomes, build_plan, build_history,
};

static void
build_dossier (VigilDossierPage *self)
{
  cancel_build (self);
  remove_all_children (GTK_WIDGET (self->content));
  g_hash_table_remove_all (self->sections);

  if (self->dossier == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (build_steps); i++)
    build_steps[i] (self);
}

/* Loading */

/* @state is what the page says it is; @shown the stack's page (the dossier being put
 * on screen shows while the state is still "loading"). */
/* The stack's page of each state */
static const char * const state_pages[] = { "empty", "loading", "dossier", "error" };

static void
set_state_showing (VigilDossierPage      *self,
                   VigilDossierPageState  state,
                   VigilDossierPageState  shown)
{
  gtk_stack_set_visible_child_name (self->stack, state_pages[shown]);
  gtk_spinner_set_spinning (self->spinner, shown == VIGIL_DOSSIER_PAGE_STATE_LOADING);
  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }
}

static void
set_state (VigilDossierPage      *self,
           VigilDossierPageState  state)
{
  set_state_showing (self, state, state);
}

static GtkBox *
new_content_box (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  return GTK_BOX (box);
}

static void
cancel_build (VigilDossierPage *self)
{
  g_clear_handle_id (&self->build_source, g_source_remove);
  g_clear_object (&self->build_box);
  g_clear_pointer (&self->build_sections, g_hash_table_unref);
  g_clear_pointer (&self->build_dossier, vigil_dossier_free);
  g_clear_pointer (&self->build_menu, vigil_tactical_menu_free);
  g_clear_error (&self->build_menu_error);
}

/* During a reload's step: the dossier being built in place of the one shown. */
static void
swap_build (VigilDossierPage *self)
{
  GtkBox *box = self->content;
  GHashTable *sections = self->sections;
  VigilDossier *dossier = self->dossier;
  VigilTacticalMenu *menu = self->menu;
  GError *menu_error = self->menu_error;

  self->content = self->build_box;
  self->sections = self->build_sections;
  self->dossier = self->build_dossier;
  self->menu = self->build_menu;
  self->menu_error = self->build_menu_error;
  self->build_box = box;
  self->build_sections = sections;
  self->build_dossier = dossier;
  self->build_menu = menu;
  self->build_menu_error = menu_error;
}

static gboolean
build_step_cb (gpointer user_data)
{
  VigilDossierPage *self = user_data;
  gboolean reload = self->build_box != NULL;
  gint64 started = g_get_monotonic_time ();

  if (reload)
    swap_build (self);
  build_steps[self->build_step++] (self);
  if (reload)
    swap_build (self);
  g_debug ("dossier section %u built in %.1f ms", self->build_step - 1,
           (g_get_monotonic_time () - started) / 1000.0);
  if (self->build_step < G_N_ELEMENTS (build_steps))
    return G_SOURCE_CONTINUE;

  self->build_source = 0;
  if (reload)
    {
      /* the reload replaces what was shown, whole: widgets, sections and the records
       * they point at */
      swap_build (self);
      /* the clamp takes the new box and lets the old one go */
      self->build_box = NULL;
      adw_clamp_set_child (ADW_CLAMP (self->clamp), GTK_WIDGET (self->content));
      g_object_unref (self->content);      /* ours, from the build: the clamp holds it */
      cancel_build (self);                 /* the old sections, dossier and menu */
    }
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scrolled)),
                            self->build_position);
  set_state (self, VIGIL_DOSSIER_PAGE_STATE_DOSSIER);
  return G_SOURCE_REMOVE;
}

/* Puts self->dossier on screen a section at a time; the state turns "dossier" when it
 * is all there. A first load shows the sections as they come; a reload keeps the
 * dossier shown until the new one is whole (and the reader's place, @position). */
static void
build_dossier_by_steps (VigilDossierPage *self,
                        gboolean          reload,
                        double            position)
{
  self->build_step = 0;
  self->build_position = position;
  if (reload)
    {
      self->build_box = g_object_ref_sink (new_content_box ());
      self->build_sections = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
    }
  else
    {
      remove_all_children (GTK_WIDGET (self->content));
      g_hash_table_remove_all (self->sections);
      set_state_showing (self, VIGIL_DOSSIER_PAGE_STATE_LOADING, VIGIL_DOSSIER_PAGE_STATE_DOSSIER);
    }
  /* below input and drawing, so the window answers between sections */
  self->build_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, build_step_cb, self, NULL);
  g_source_set_static_name (g_main_context_find_source_by_id (NULL, self->build_source),
                            "[vigil] build the dossier");
}

static void
load_finished_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(VigilDossierPage) self = user_data;
  g_autoptr(VigilDossierOpening) opening = NULL;
  g_autoptr(GError) error = NULL;

  opening = vigil_dossier_open_finish (VIGIL_STORE (object), result, &error);

  /* Superseded by another load, or the page went away. */
  if (self->cancellable == NULL || g_task_get_cancellable (G_TASK (result)) != self->cancellable)
    return;
  g_clear_object (&self->cancellable);

  if (opening == NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (error->message, -1);

      g_clear_error (&self->error);
      self->error = g_steal_pointer (&error);
      adw_status_page_set_description (self->error_page, escaped);
      gtk_label_set_label (self->title_label, _("Dossier"));
      set_state (self, VIGIL_DOSSIER_PAGE_STATE_ERROR);
      return;
    }

  {
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->scrolled));
    /* a reload after an edit keeps the reader's place */
    gboolean reload = self->dossier != NULL && self->state == VIGIL_DOSSIER_PAGE_STATE_DOSSIER &&
                      self->dossier->person->record.id == opening->dossier->person->record.id;
    double position = reload ? gtk_adjustment_get_value (adjustment) : 0;

    cancel_build (self);
    if (reload)
      {
        /* the dossier shown stays, with the records its widgets point at, until the
         * new one is whole */
        self->build_dossier = g_steal_pointer (&opening->dossier);
        self->build_menu = g_steal_pointer (&opening->menu);
        self->build_menu_error = g_steal_pointer (&opening->menu_error);
      }
    else
      {
        g_clear_pointer (&self->dossier, vigil_dossier_free);
        self->dossier = g_steal_pointer (&opening->dossier);
        g_clear_pointer (&self->menu, vigil_tactical_menu_free);
        g_clear_error (&self->menu_error);
        self->menu = g_steal_pointer (&opening->menu);
        self->menu_error = g_steal_pointer (&opening->menu_error);
      }
    build_dossier_by_steps (self, reload, position);
  }
}

static void
show_victim_names_changed_cb (VigilDossierPage *self)
{
  if (self->dossier != NULL)
    build_dossier (self);
}

/* GObject */

static void
vigil_dossier_page_dispose (GObject *object)
{
  VigilDossierPage *self = (VigilDossierPage *)object;
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  cancel_build (self);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_pointer (&self->sections, g_hash_table_unref);
  g_clear_pointer (&self->dossier, vigil_dossier_free);
  g_clear_pointer (&self->menu, vigil_tactical_menu_free);
  g_clear_error (&self->menu_error);
  g_clear_error (&self->error);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);
  g_clear_weak_pointer (&self->editor);

  G_OBJECT_CLASS (vigil_dossier_page_parent_class)->dispose (object);
}

static void
vigil_dossier_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  VigilDossierPage *self = VIGIL_DOSSIER_PAGE (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_PERSON_ID:
      g_value_set_int64 (value, self->person_id);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_dossier_page_class_init (VigilDossierPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = vigil_dossier_page_dispose;
  object_class->get_property = vigil_dossier_page_get_property;

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, "What the page shows",
                       VIGIL_TYPE_DOSSIER_PAGE_STATE, VIGIL_DOSSIER_PAGE_STATE_EMPTY,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PERSON_ID] =
    g_param_spec_int64 ("person-id", NULL, "The person shown, 0: none",
                        0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Every button of the page; a record is named by its id */
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

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "dossier");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static GtkWidget *
create_toolbar (VigilDossierPage *self)
{
  GtkWidget *toolbar = gtk_center_box_new ();
  GtkWidget *back = gtk_button_new_from_icon_name ("go-previous-symbolic");
  GtkWidget *title = gtk_label_new (NULL);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (back), "win.close-dossier");
  /* Translators: tooltip of the dossier's Back button, with its shortcut */
  gtk_widget_set_tooltip_text (back, _("Back (Alt+Left)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (back),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Back"),
                                  -1);
  gtk_widget_set_name (back, "back");
  self->back_button = back;
  gtk_widget_set_margin_start (back, 6);
  gtk_center_box_set_start_widget (GTK_CENTER_BOX (toolbar), back);

  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (title, "heading");
  gtk_center_box_set_center_widget (GTK_CENTER_BOX (toolbar), title);
  self->title_label = GTK_LABEL (title);

  gtk_widget_set_margin_top (toolbar, 6);
  gtk_widget_set_margin_bottom (toolbar, 6);
  return toolbar;
}

static void
vigil_dossier_page_init (VigilDossierPage *self)
{
  GtkWidget *clamp;
  GtkWidget *loading;
  GtkWidget *empty;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Dossier"),
                                  -1);

  self->sections = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->settings = g_settings_new (VIGIL_SETTINGS_SCHEMA_ID);
  g_signal_connect_object (self->settings, "changed::show-victim-names",
                           G_CALLBACK (show_victim_names_changed_cb), self, G_CONNECT_SWAPPED);

  self->toolbar = create_toolbar (self);
  gtk_widget_set_parent (self->toolbar, GTK_WIDGET (self));
  gtk_widget_set_parent (gtk_separator_new (GTK_ORIENTATION_HORIZONTAL), GTK_WIDGET (self));

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_widget_set_parent (GTK_WIDGET (self->stack), GTK_WIDGET (self));

  empty = adw_status_page_new ();
  adw_status_page_set_title (ADW_STATUS_PAGE (empty), _("No Dossier Open"));
  gtk_stack_add_named (self->stack, empty, "empty");

  loading = adw_status_page_new ();
  adw_status_page_set_title (ADW_STATUS_PAGE (loading), _("Opening the Dossier…"));
  self->spinner = GTK_SPINNER (gtk_spinner_new ());
  gtk_widget_set_size_request (GTK_WIDGET (self->spinner), 32, 32);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->spinner),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Opening the dossier"),
                                  -1);
  adw_status_page_set_child (ADW_STATUS_PAGE (loading), GTK_WIDGET (self->spinner));
  gtk_stack_add_named (self->stack, loading, "loading");

  self->error_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->error_page, "dialog-error-symbolic");
  adw_status_page_set_title (self->error_page, _("Could Not Open the Dossier"));
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->error_page), "error");

  self->content = new_content_box ();
  clamp = adw_clamp_new ();
  self->clamp = clamp;
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 960);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), 720);
  adw_clamp_set_child (ADW_CLAMP (clamp), GTK_WIDGET (self->content));
  self->scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scrolled), clamp);
  gtk_stack_add_named (self->stack, self->scrolled, "dossier");

  gtk_stack_set_visible_child_name (self->stack, "empty");
  self->state = VIGIL_DOSSIER_PAGE_STATE_EMPTY;
}

/* Public */

GtkWidget *
vigil_dossier_page_new (void)
{
  return g_object_new (VIGIL_TYPE_DOSSIER_PAGE, NULL);
}

void
vigil_dossier_page_set_store (VigilDossierPage *self,
                              VigilStore       *store)
{
  g_return_if_fail (VIGIL_IS_DOSSIER_PAGE (self));
  g_return_if_fail (store == NULL || VIGIL_IS_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  /* A dossier from another store is not shown. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->dossier, vigil_dossier_free);
  g_clear_error (&self->error);
  self->person_id = 0;
  build_dossier (self);
  set_state (self, VIGIL_DOSSIER_PAGE_STATE_EMPTY);
}

/**
 * vigil_dossier_page_focus:
 *
 * Puts the keyboard focus on the page's first control (Back), unless it is already
 * in the dossier's sections.
 */
void
vigil_dossier_page_focus (VigilDossierPage *self)
{
  GtkRoot *root;
  GtkWidget *focus;

  g_return_if_fail (VIGIL_IS_DOSSIER_PAGE (self));

  root = gtk_widget_get_root (GTK_WIDGET (self));
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  /* someone reading the dossier keeps their place */
  if (focus != NULL && gtk_widget_is_ancestor (focus, self->scrolled))
    return;
  gtk_widget_grab_focus (self->back_button);
}

/**
 * vigil_dossier_page_load:
 * @person_id: the person to show
 *
 * Loads the person's dossier in a worker thread, records the view in the audit log,
 * then shows it (or why it could not be read).
 */
static void
start_load (VigilDossierPage *self,
            gboolean          record_view)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  vigil_dossier_open_async (self->store, self->person_id, record_view, self->cancellable,
                            load_finished_cb, g_object_ref (self));
}

/* After an edit: the page stays as it is until the new dossier replaces it. */
static void
reload_dossier (VigilDossierPage *self)
{
  if (self->store != NULL && self->person_id != 0)
    start_load (self, FALSE);
}

void
vigil_dossier_page_load (VigilDossierPage *self,
                         gint64            person_id)
{
  g_return_if_fail (VIGIL_IS_DOSSIER_PAGE (self));
  g_return_if_fail (self->store != NULL);

  g_clear_pointer (&self->dossier, vigil_dossier_free);
  g_clear_error (&self->error);
  build_dossier (self);

  if (person_id != self->person_id)
    self->history_all = FALSE;
  self->person_id = person_id;
  gtk_label_set_label (self->title_label, _("Dossier"));
  set_state (self, VIGIL_DOSSIER_PAGE_STATE_LOADING);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PERSON_ID]);
  start_load (self, TRUE);
}

/**
 * vigil_dossier_page_get_editor:
 *
 * The record editor the page opened last, while it is open; NULL otherwise.
 */
GtkWidget *
vigil_dossier_page_get_editor (VigilDossierPage *self)
{
  g_return_val_if_fail (VIGIL_IS_DOSSIER_PAGE (self), NULL);
  return self->editor;
}

gint64
vigil_dossier_page_get_person_id (VigilDossierPage *self)
{
  g_return_val_if_fail (VIGIL_IS_DOSSIER_PAGE (self), 0);
  return self->person_id;
}

VigilDossierPageState
vigil_dossier_page_get_state (VigilDossierPage *self)
{
  g_return_val_if_fail (VIGIL_IS_DOSSIER_PAGE (self), VIGIL_DOSSIER_PAGE_STATE_EMPTY);
  return self->state;
}

const VigilDossier *
vigil_dossier_page_get_dossier (VigilDossierPage *self)
{
  g_return_val_if_fail (VIGIL_IS_DOSSIER_PAGE (self), NULL);
  return self->dossier;
}

const GError *
vigil_dossier_page_get_error (VigilDossierPage *self)
{
  g_return_val_if_fail (VIGIL_IS_DOSSIER_PAGE (self), NULL);
  return self->error;
}

GtkWidget *
vigil_dossier_page_get_section (VigilDossierPage *self,
                                const char       *name)
{
  g_return_val_if_fail (VIGIL_IS_DOSSIER_PAGE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);
  return g_hash_table_lookup (self->sections, name);
}
