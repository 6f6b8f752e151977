/* vigil-casework.c: the status workflow and the saving of a dossier's sections
 *
 * Each change is one transaction through the audited record layer (so a refused or
 * failed change leaves the store as it was, and a lost race is a conflict).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-casework"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "vigil-casework.h"
#include "vigil-cohort-private.h"
#include "vigil-record.h"

/* ------------------------------------------------------------------------------------
 * Status workflow
 * ------------------------------------------------------------------------------------ */

static const struct
{
  const char         *from;
  const char * const  to[5];
} transitions[] = {
  { "candidate",    { "under_review", "of_concern", "managed", "exited", NULL } },
  { "under_review", { "managed", "of_concern", "exited", NULL } },
  { "of_concern",   { "under_review", "managed", "exited", NULL } },
  { "managed",      { "scaling_back", "exited", NULL } },
  { "scaling_back", { "managed", "exited", NULL } },
};

static const char * const no_statuses[] = { NULL };

const char * const *
vigil_casework_next_statuses (const char *from)
{
  for (guint i = 0; i < G_N_ELEMENTS (transitions); i++)
    if (g_strcmp0 (transitions[i].from, from) == 0)
      return transitions[i].to;

  return no_statuses;
}

gboolean
vigil_casework_can_move (const char *from,
                         const char *to)
{
  return to != NULL && g_strv_contains ((const char * const *) vigil_casework_next_statuses (from), to);
}

static gboolean
refuse (GError     **error,
        const char  *message)
{
  g_set_error_literal (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_INVALID, message);
  return FALSE;
}

/* A date that is given must be a date, and not after today. */
static gboolean
check_past_date (const char  *date,
                 const char  *what,
                 GError     **error)
{
  g_autofree char *today = NULL;

  if (!vigil_cohort_check_date (date, what, error))
    return FALSE;
  if (date == NULL)
    return TRUE;

  today = vigil_cohort_dup_today ();
  if (strcmp (date, today) > 0)
    {
      g_set_error (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_INVALID,
                   /* TRANSLATORS: the first %s names a date ("The decision date") */
                   _("%s %s is in the future."), what, date);
      return FALSE;
    }

  return TRUE;
}

GPtrArray *
vigil_casework_list_active_processes (VigilStore  *store,
                                      gint64       person_id,
                                      GError     **error)
{
  g_autoptr(GPtrArray) processes = NULL;

  g_return_val_if_fail (VIGIL_IS_STORE (store), NULL);

  processes = vigil_store_list (store, &vigil_process_overlap_type, "person_id", person_id, error);
  if (processes == NULL)
    return NULL;

  for (guint i = processes->len; i > 0; i--)
    {
      const VigilProcessOverlap *process = g_ptr_array_index (processes, i - 1);

      if (g_strcmp0 (process->status, "active") != 0)
        g_ptr_array_remove_index (processes, i - 1);
    }

  return g_steal_pointer (&processes);
}

/* "MARAC, MAPPA (category 2, level 2)" */
static char *
describe_processes (GPtrArray *processes)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < processes->len; i++)
    {
      const VigilProcessOverlap *process = g_ptr_array_index (processes, i);
      const char *name = vigil_choice_get_label (vigil_process_choices, process->process);

      if (i > 0)
        g_string_append (text, ", ");
      g_string_append (text, name ? name : process->process);
      if (g_strcmp0 (process->process, "mappa") == 0 && process->mappa_category > 0)
        /* TRANSLATORS: after "MAPPA" */
        g_string_append_printf (text, _(" (category %" G_GINT64_FORMAT ", level %" G_GINT64_FORMAT ")"),
                                process->mappa_category, process->mappa_level);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static void
replace_text (char       **field,
              const char  *value)
{
  g_free (*field);
  *field = vigil_cohort_is_blank (value) ? NULL : g_strstrip (g_strdup (value));
}

/* The newest plan (by date agreed, then entry order), NULL when there is none. */
static VigilPlan *
fetch_newest_plan (VigilStore  *store,
                   gint64       person_id,
                   GError     **error)
{
  g_autoptr(GPtrArray) plans = vigil_store_list (store, &vigil_plan_type, "person_id", person_id, error);
  VigilPlan *newest = NULL;
  guint index = 0;

  if (plans == NULL)
    return NULL;
  for (guint i = 0; i < plans->len; i++)
    {
      VigilPlan *plan = g_ptr_array_index (plans, i);

      if (newest == NULL || g_strcmp0 (plan->agreed_on, newest->agreed_on) >= 0)
        {
          newest = plan;
          index = i;
        }
    }
  return newest ? g_ptr_array_steal_index (plans, index) : NULL;
}

/* Principles 2 and 5: a managed person has a risk management plan with its exit. */
static gboolean
check_plan_ready (VigilStore         *store,
                  const VigilPerson  *person,
                  GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(VigilPlan) plan = fetch_newest_plan (store, person->record.id, &local_error);
  g_autofree char *who = NULL;
  const char *missing = NULL;

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (plan == NULL)
    missing = _("there is no risk management plan yet");
  else if (vigil_cohort_is_blank (plan->objectives))
    missing = _("the plan has no objectives");
  else if (vigil_cohort_is_blank (plan->exit_strategy))
    missing = _("the plan has no exit strategy");
  else if (vigil_cohort_is_blank (plan->scale_back_criteria))
    missing = _("the plan has no scale-back criteria");
  else if (plan->review_on == NULL)
    missing = _("the plan has no review date");
  if (missing == NULL)
    return TRUE;

  who = vigil_cohort_describe_person (person);
  g_set_error (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_PLAN_NEEDED,
               /* TRANSLATORS: a person, then what the plan lacks */
               _("%s cannot be managed yet: %s. A managed person needs a risk management plan "
                 "with objectives, an exit strategy, scale-back criteria and a review date. "
                 "Nothing was changed."), who, missing);
  return FALSE;
}

typedef struct
{
  const VigilStatusMove *move;
  const char            *decided_on;
  VigilDecision         *decision;
} MoveData;

static gboolean
move_cb (VigilStore  *store,
         gpointer     user_data,
         GError     **error)
{
  MoveData *data = user_data;
  const VigilStatusMove *move = data->move;
  g_autoptr(VigilCohortEntry) entry = NULL;
  g_autoptr(VigilPerson) person = NULL;
  g_autoptr(VigilDecision) decision = NULL;
  g_autoptr(GPtrArray) active = NULL;
  const char *from_label, *to_label;
  const char *kind = "status_change";

  entry = vigil_store_fetch (store, &vigil_cohort_entry_type, move->entry_id, error);
  if (entry == NULL)
    return FALSE;
  person = vigil_cohort_fetch_live_person (store, entry->person_id, error);
  if (person == NULL)
    return FALSE;

  if (move->entry_rev != 0 && move->entry_rev != entry->record.rev)
    {
      /* the same words as the record layer's conflict, for the same situation */
      g_set_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_CONFLICT,
                   _("This cohort entry was changed by %s at %s after you opened it; "
                     "the status was not changed. Reload it to see what changed."),
                   entry->record.updated_by ? entry->record.updated_by : _("someone else"),
                   entry->record.updated_at ? entry->record.updated_at : "?");
      return FALSE;
    }

  from_label = vigil_choice_get_label (vigil_cohort_status_choices, entry->status);
  to_label = vigil_choice_get_label (vigil_cohort_status_choices, move->status);
  if (!vigil_casework_can_move (entry->status, move->status))
    {
      g_autofree char *who = vigil_cohort_describe_person (person);

      g_set_error (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_TRANSITION,
                   /* TRANSLATORS: a person, then two cohort statuses */
                   _("%s cannot move from %s to %s. Nothing was changed."),
                   who, from_label ? from_label : entry->status, to_label ? to_label : move->status);
      return FALSE;
    }

  if (g_strcmp0 (move->status, "managed") == 0)
    {
      kind = "panel_adoption";
      if (!check_plan_ready (store, person, error))
        return FALSE;
      active = vigil_casework_list_active_processes (store, person->record.id, error);
      if (active == NULL)
        return FALSE;
      if (active->len > 0 && vigil_cohort_is_blank (move->managing_panel))
        {
          g_autofree char *who = vigil_cohort_describe_person (person);
          g_autofree char *list = describe_processes (active);

          g_set_error (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_PANEL_NEEDED,
                       /* TRANSLATORS: a person, then a list of processes ("MARAC, IOM") */
                       _("%s is also in another process that is active: %s. Say which panel "
                         "manages the risk, so the work is not done twice. Nothing was changed."),
                       who, list);
          return FALSE;
        }
      if (!vigil_cohort_is_blank (move->managing_panel))
        replace_text (&entry->managing_panel, move->managing_panel);
      if (entry->adopted_on == NULL)
        entry->adopted_on = g_strdup (data->decided_on);
    }
  else if (g_strcmp0 (move->status, "exited") == 0)
    {
      kind = "exit";
      replace_text (&entry->exit_reason, move->exit_reason);
      replace_text (&entry->exited_on, data->decided_on);
    }

  if (move->lead_agency != NULL)
    replace_text (&entry->lead_agency, move->lead_agency);
  if (move->lead_officer != NULL)
    replace_text (&entry->lead_officer, move->lead_officer);
  if (move->next_review_on != NULL)
    replace_text (&entry->next_review_on, move->next_review_on);
  replace_text (&entry->status, move->status);

  if (!vigil_store_update (store, &vigil_cohort_entry_type, entry, error))
    return FALSE;

  decision = vigil_decision_new ();
  decision->person_id = person->record.id;
  decision->cohort_entry_id = entry->record.id;
  decision->kind = g_strdup (kind);
  /* TRANSLATORS: a status move, "Candidate → Under review" */
  decision->outcome = g_strdup_printf (_("%s → %s"), from_label, to_label);
  replace_text (&decision->decided_by, move->decided_by);
  replace_text (&decision->decided_role, move->decided_role);
  decision->decided_on = g_strdup (data->decided_on);
  replace_text (&decision->rationale, move->rationale);
  replace_text (&decision->proportionality, move->proportionality);
  if (!vigil_store_insert (store, &vigil_decision_type, decision, error))
    return FALSE;

  data->decision = g_steal_pointer (&decision);
  return TRUE;
}

VigilDecision *
vigil_casework_move_status (VigilStore             *store,
                            const VigilStatusMove  *move,
                            GError                **error)
{
  g_autofree char *today = NULL;
  MoveData data = { move, NULL, NULL };

  g_return_val_if_fail (VIGIL_IS_STORE (store), NULL);
  g_return_val_if_fail (move != NULL, NULL);

  if (move->entry_id <= 0)
    {
      refuse (error, _("Choose the cohort entry whose status changes."));
      return NULL;
    }
  if (move->status == NULL || !g_strv_contains (vigil_cohort_status_choices, move->status))
    {
      g_set_error (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_INVALID,
                   _("“%s” is not a cohort status."), move->status ? move->status : "");
      return NULL;
    }
  if (vigil_cohort_is_blank (move->decided_by))
    {
      refuse (error, _("Name the decision-maker: every status move is a decision."));
      return NULL;
    }
  if (vigil_cohort_is_blank (move->decided_role))
    {
      refuse (error, _("Give the decision-maker’s role."));
      return NULL;
    }
  if (vigil_cohort_is_blank (move->rationale))
    {
      refuse (error, _("Give the rationale for the decision."));
      return NULL;
    }
  if (!check_past_date (move->decided_on, _("The decision date"), error)
      || !vigil_cohort_check_date (move->next_review_on && *move->next_review_on ? move->next_review_on : NULL,
                                   _("The next review date"), error))
    return NULL;
  if (g_strcmp0 (move->status, "exited") == 0)
    {
      if (vigil_cohort_is_blank (move->exit_reason))
        {
          refuse (error, _("Give the reason for the exit."));
          return NULL;
        }
      if (!g_strv_contains (vigil_exit_reason_choices, move->exit_reason))
        {
          g_set_error (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_INVALID,
                       _("“%s” is not an exit reason."), move->exit_reason);
          return NULL;
        }
    }
  if (move->lead_agency != NULL && *move->lead_agency != '\0'
      && !g_strv_contains (vigil_agency_choices, move->lead_agency))
    {
      g_set_error (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_INVALID,
                   _("“%s” is not an agency."), move->lead_agency);
      return NULL;
    }

  if (move->decided_on == NULL)
    today = vigil_cohort_dup_today ();
  data.decided_on = move->decided_on ? move->decided_on : today;

  if (!vigil_cohort_run_work (store, move_cb, &data, error))
    {
      g_clear_pointer (&data.decision, vigil_decision_free);
      return NULL;
    }

  return data.decision;
}

/* ------------------------------------------------------------------------------------
 * Sections
 * ------------------------------------------------------------------------------------ */

const char * const vigil_casework_decision_kinds[] = {
  "assessment", "pnc_flag", "pnd", "visor", "local_database", "mopi_review", NULL
};

static gboolean
check_decision (const VigilDecision  *decision,
                GError              **error)
{
  if (!g_strv_contains (vigil_casework_decision_kinds, decision->kind))
    {
      const char *label = vigil_choice_get_label (vigil_decision_kind_choices, decision->kind);

      g_set_error (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_INVALID,
                   /* TRANSLATORS: a kind of decision, "Panel adoption" */
                   _("A decision of the kind “%s” is recorded by its own workflow (status, "
                     "professional judgement), not here."), label ? label : decision->kind);
      return FALSE;
    }
  if (vigil_cohort_is_blank (decision->decided_role))
    return refuse (error, _("Give the decision-maker’s role: principle 2 asks for a senior decision-maker."));
  if (vigil_cohort_is_blank (decision->rationale))
    return refuse (error, _("Give the rationale for the decision."));
  if (!check_past_date (decision->decided_on, _("The decision date"), error))
    return FALSE;
  if (g_strcmp0 (decision->kind, "assessment") == 0
      && (vigil_cohort_is_blank (decision->severity) || vigil_cohort_is_blank (decision->immediacy)))
    return refuse (error, _("An assessment rates both the severity and the immediacy of the risk."));
  if (g_strcmp0 (decision->kind, "visor") == 0 && vigil_cohort_is_blank (decision->outcome))
    return refuse (error, _("Say how the person is entered on ViSOR: as a PDP or at a management level."));
  if (decision->mopi_review_on != NULL && decision->decided_on != NULL
      && strcmp (decision->mopi_review_on, decision->decided_on) <= 0)
    return refuse (error, _("The MoPI review date must come after the decision date."));

  return TRUE;
}

static gboolean
check_process (const VigilProcessOverlap  *process,
               GError                    **error)
{
  gboolean mappa = g_strcmp0 (process->process, "mappa") == 0;

  if (mappa && (process->mappa_category < 1 || process->mappa_category > 4))
    return refuse (error, _("Give the MAPPA category: 1 to 4."));
  if (mappa && (process->mappa_level < 1 || process->mappa_level > 3))
    return refuse (error, _("Give the MAPPA level: 1 to 3."));
  if (!mappa && (process->mappa_category != 0 || process->mappa_level != 0))
    return refuse (error, _("A MAPPA category and level belong to MAPPA only."));
  if (g_strcmp0 (process->status, "closed") == 0 && process->ended_on == NULL)
    return refuse (error, _("Give the end date of a closed process."));
  if (g_strcmp0 (process->status, "active") == 0 && process->ended_on != NULL)
    return refuse (error, _("An active process has no end date: close it, or clear the end date."));
  if (process->started_on != NULL && process->ended_on != NULL
      && strcmp (process->ended_on, process->started_on) < 0)
    return refuse (error, _("The process cannot end before it starts."));

  return check_past_date (process->started_on, _("The start date"), error);
}

static gboolean
check_agency_section (const VigilAgencySection  *section,
                      GError                   **error)
{
  if (vigil_cohort_is_blank (section->body))
    return refuse (error, _("Write the information the agency shared."));
  if (vigil_cohort_is_blank (section->provided_by))
    return refuse (error, _("Say who provided the information."));
  if (section->provided_on == NULL)
    return refuse (error, _("Give the date the information was provided: it goes stale with age."));

  return check_past_date (section->provided_on, _("The date provided"), error);
}

static gboolean
check_victim_link (const VigilVictimLink  *link,
                   GError                **error)
{
  if (!link->safety_plan && link->safety_plan_on != NULL)
    return refuse (error, _("A safety plan date needs a safety plan: tick it, or clear the date."));
  if (!vigil_cohort_is_blank (link->advocate_name)
      && (link->advocate == NULL || g_strcmp0 (link->advocate, "none") == 0))
    return refuse (error, _("An advocate’s name needs an advocate: choose IDVA or ISAC."));
  if (link->perpetrator_id == link->victim_id)
    return refuse (error, _("A person cannot be their own victim."));

  return check_past_date (link->safety_plan_on, _("The safety plan date"), error);
}

static gboolean
check_outcome (const VigilOutcomeObservation  *observation,
               GError                        **error)
{
  if (observation->rating < 1 || observation->rating > 5)
    return refuse (error, _("Give the rating from 1 (worst) to 5 (best)."));
  if (observation->victim_id != 0 && observation->victim_id == observation->person_id)
    return refuse (error, _("A person cannot be their own victim."));

  return check_past_date (observation->observed_on, _("The date of the outcome"), error);
}

static gboolean
check_plan (const VigilPlan  *plan,
            GError          **error)
{
  if (plan->agreed_on != NULL && plan->review_on != NULL && strcmp (plan->review_on, plan->agreed_on) <= 0)
    return refuse (error, _("The plan’s review date must come after the date it was agreed."));

  return check_past_date (plan->agreed_on, _("The date agreed"), error);
}

static gboolean
check_intervention (const VigilIntervention  *intervention,
                    GError                  **error)
{
  gboolean completed = g_strcmp0 (intervention->status, "completed") == 0
                       || g_strcmp0 (intervention->status, "not_progressed") == 0;

  if (intervention->started_on != NULL && intervention->due_on != NULL
      && strcmp (intervention->due_on, intervention->started_on) < 0)
    return refuse (error, _("The intervention cannot be due before it starts."));
  if (intervention->breaches < 0)
    return refuse (error, _("The number of breaches cannot be below zero."));
  if (g_strcmp0 (intervention->status, "breached") == 0 && intervention->breaches < 1)
    return refuse (error, _("A breached order records at least one breach."));
  if (completed && vigil_cohort_is_blank (intervention->outcome))
    return refuse (error, _("Say what came of the intervention: its outcome."));

  return TRUE;
}

/* What only an order keeps, against the option the intervention is. */
static gboolean
check_intervention_option (VigilStore               *store,
                           const VigilIntervention  *intervention,
                           GError                  **error)
{
  g_autoptr(VigilTacticalMenu) menu = vigil_tactical_menu_load_for_store (store, error);
  g_autoptr(VigilIntervention) stored = NULL;
  const VigilTacticalOption *option;
  gboolean chosen_now = TRUE;

  if (menu == NULL)
    return FALSE;
  option = vigil_tactical_menu_lookup (menu, intervention->option_code);
  if (option == NULL)
    {
      g_set_error (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_INVALID,
                   _("“%s” is not an option of the tactical menu."), intervention->option_code);
      return FALSE;
    }

  if (intervention->record.id != 0)
    {
      stored = vigil_store_fetch (store, &vigil_intervention_type, intervention->record.id, error);
      if (stored == NULL)
        return FALSE;
      chosen_now = g_strcmp0 (stored->option_code, intervention->option_code) != 0;
    }
  if (option->retired && chosen_now)
    {
      g_set_error (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_INVALID,
                   _("“%s” was retired from the tactical menu: choose another option."), option->title);
      return FALSE;
    }
  if (!option->is_order
      && (intervention->order_expires_on != NULL || intervention->breaches != 0
          || intervention->notification_requirements != NULL || g_strcmp0 (intervention->status, "breached") == 0))
    {
      g_set_error (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_INVALID,
                   _("“%s” is not an order: only an order keeps an expiry date, notification "
                     "requirements and breaches."), option->title);
      return FALSE;
    }

  return TRUE;
}

gboolean
vigil_casework_check (const VigilRecordType  *type,
                      gconstpointer           record,
                      GError                **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (type != NULL && record != NULL, FALSE);

  if (!vigil_record_validate (type, record, &local_error))
    {
      /* the record layer's message already names the field */
      g_set_error_literal (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_INVALID, local_error->message);
      return FALSE;
    }

  if (type == &vigil_decision_type)
    return check_decision (record, error);
  if (type == &vigil_process_overlap_type)
    return check_process (record, error);
  if (type == &vigil_agency_section_type)
    return check_agency_section (record, error);
  if (type == &vigil_victim_link_type)
    return check_victim_link (record, error);
  if (type == &vigil_plan_type)
    return check_plan (record, error);
  if (type == &vigil_outcome_observation_type)
    return check_outcome (record, error);
  if (type == &vigil_intervention_type)
    return check_intervention (record, error);
  if (type == &vigil_action_type)
    {
      const VigilAction *action = record;

      if (g_strcmp0 (action->status, "done") == 0 && action->completed_on == NULL)
        return refuse (error, _("Give the date the action was done."));
      if (g_strcmp0 (action->status, "done") != 0 && action->completed_on != NULL)
        return refuse (error, _("Only a done action has the date it was done."));
      return check_past_date (action->completed_on, _("The date done"), error);
    }
  if (type == &vigil_cohort_entry_type || type == &vigil_panel_meeting_type
      || type == &vigil_attendance_type || type == &vigil_agenda_item_type)
    return TRUE;

  g_set_error (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_INVALID,
               _("A %s is not saved from the dossier."), _(type->label));
  return FALSE;
}

typedef struct
{
  const VigilRecordType *type;
  gpointer               record;
} SaveData;

static gboolean
save_cb (VigilStore  *store,
         gpointer     user_data,
         GError     **error)
{
  SaveData *data = user_data;
  VigilRecord *header = data->record;

  if (data->type == &vigil_cohort_entry_type)
    {
      VigilCohortEntry *entry = data->record;
      g_autoptr(VigilCohortEntry) stored = NULL;
      g_autoptr(VigilPerson) person = NULL;

      if (header->id == 0)
        return refuse (error, _("A person enters the cohort by the ranking, a referral or a professional judgement."));
      stored = vigil_store_fetch (store, &vigil_cohort_entry_type, header->id, error);
      if (stored == NULL)
        return FALSE;
      /* a stale copy fails on rev below; an up-to-date one may not move the status */
      if (stored->record.rev == header->rev && g_strcmp0 (stored->status, entry->status) != 0)
        return refuse (error, _("The status changes through Change Status, as a decision."));
      person = vigil_cohort_fetch_live_person (store, entry->person_id, error);
      if (person == NULL)
        return FALSE;
    }
  else if (data->type == &vigil_decision_type && header->id != 0)
    return refuse (error, _("A decision is kept as it was made: record a new decision instead."));
  else if (data->type == &vigil_intervention_type && !check_intervention_option (store, data->record, error))
    return FALSE;

  if (header->id == 0)
    return vigil_store_insert (store, data->type, data->record, error);
  return vigil_store_update (store, data->type, data->record, error);
}

gboolean
vigil_casework_save (VigilStore             *store,
                     const VigilRecordType  *type,
                     gpointer                record,
                     GError                **error)
{
  SaveData data = { type, record };

  g_return_val_if_fail (VIGIL_IS_STORE (store), FALSE);

  if (!vigil_casework_check (type, record, error))
    return FALSE;

  return vigil_cohort_run_work (store, save_cb, &data, error);
}

/* ------------------------------------------------------------------------------------
 * Plan warnings
 * ------------------------------------------------------------------------------------ */

gboolean
vigil_intervention_is_open (const VigilIntervention *intervention)
{
  g_return_val_if_fail (intervention != NULL, FALSE);

  return g_strcmp0 (intervention->status, "proposed") == 0
         || g_strcmp0 (intervention->status, "agreed") == 0
         || g_strcmp0 (intervention->status, "in_progress") == 0;
}

static void
add_warning (GPtrArray  *warnings,
             const char *format,
             ...) G_GNUC_PRINTF (2, 3);

static void
add_warning (GPtrArray  *warnings,
             const char *format,
             ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (warnings, g_strdup_vprintf (format, args));
  va_end (args);
}

/* @date plus @days, "YYYY-MM-DD"; a copy of @date when it cannot be read. */
static char *
dup_date_after (const char *date,
                int         days)
{
  g_autoptr(GDateTime) day = NULL;
  g_autofree char *midnight = g_strdup_printf ("%sT00:00:00Z", date);

  day = g_date_time_new_from_iso8601 (midnight, NULL);
  if (day == NULL)
    return g_strdup (date);
  {
    g_autoptr(GDateTime) later = g_date_time_add_days (day, days);

    return g_date_time_format (later, "%Y-%m-%d");
  }
}

GPtrArray *
vigil_casework_plan_warnings (const VigilPlan   *plan,
                              GPtrArray         *interventions,
                              VigilTacticalMenu *menu,
                              guint              n_victims,
                              GPtrArray         *processes,
                              const char        *today)
{
  GPtrArray *warnings = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *soon = NULL;
  guint n_open = 0, n_enforcement = 0, n_safeguarding = 0, n_overdue = 0, n_expiring = 0;

  g_return_val_if_fail (menu != NULL && today != NULL, warnings);

  soon = dup_date_after (today, 28);
  for (guint i = 0; interventions != NULL && i < interventions->len; i++)
    {
      const VigilIntervention *intervention = g_ptr_array_index (interventions, i);
      const VigilTacticalOption *option = vigil_tactical_menu_lookup (menu, intervention->option_code);
      gboolean open = vigil_intervention_is_open (intervention);

      if (open)
        {
          n_open++;
          if (option != NULL && g_str_equal (option->category, "enforcement"))
            n_enforcement++;
          if (intervention->due_on != NULL && strcmp (intervention->due_on, today) < 0)
            n_overdue++;
        }
      if ((open || g_strcmp0 (intervention->status, "breached") == 0)
          && option != NULL && g_str_equal (option->category, "victim_safeguarding"))
        n_safeguarding++;
      if (option != NULL && option->is_order && intervention->order_expires_on != NULL
          && g_strcmp0 (intervention->status, "completed") != 0
          && strcmp (intervention->order_expires_on, today) >= 0
          && strcmp (intervention->order_expires_on, soon) <= 0)
        n_expiring++;
    }

  if (plan == NULL)
    add_warning (warnings, "%s", _("No risk management plan yet: it is needed before the person is managed."));
  else
    {
      if (vigil_cohort_is_blank (plan->exit_strategy) || vigil_cohort_is_blank (plan->scale_back_criteria))
        add_warning (warnings, "%s", _("No exit strategy or scale-back criteria yet (principle 5): both are needed "
                                       "before the person is managed."));
      if (g_strcmp0 (plan->engagement, "engaging") == 0 && n_open > 0 && n_enforcement == n_open)
        add_warning (warnings, "%s", _("Only enforcement for a person who engages: consider support, prevention or "
                                       "diversion first (principle 7)."));
      if (plan->review_on != NULL && strcmp (plan->review_on, today) < 0)
        add_warning (warnings, _("The plan’s review was due on %s."), plan->review_on);
    }
  if (n_victims > 0 && n_safeguarding == 0)
    add_warning (warnings, "%s", _("Nothing in the plan for the victims’ safety: consider IDVA or ISAC support, "
                                   "safety planning or target hardening."));
  if (n_overdue > 0)
    add_warning (warnings, g_dngettext (GETTEXT_PACKAGE, "%u intervention is overdue.",
                                        "%u interventions are overdue.", n_overdue), n_overdue);
  if (n_expiring > 0)
    add_warning (warnings, g_dngettext (GETTEXT_PACKAGE, "%u order expires within 28 days: plan its review.",
                                        "%u orders expire within 28 days: plan their review.", n_expiring),
                 n_expiring);
  for (guint i = 0; processes != NULL && i < processes->len; i++)
    {
      const VigilProcessOverlap *process = g_ptr_array_index (processes, i);
      const char *name = vigil_choice_get_label (vigil_process_choices, process->process);

      if (g_strcmp0 (process->status, "active") != 0)
        continue;
      if (!vigil_cohort_is_blank (process->notes))
        /* TRANSLATORS: a process ("MARAC"), then what it does */
        add_warning (warnings, _("%s is active (principle 4): %s"), name ? name : process->process, process->notes);
      else
        add_warning (warnings, _("%s is active (principle 4): check its actions are not duplicated here."),
                     name ? name : process->process);
    }

  return warnings;
}
