/* vigil-dossier-model.c: what the dossier page shows (its view model)
 *
 * The header's texts are worked out when the dossier is set; each section's items when
 * the page first asks for it (the page builds a section a main-loop iteration at a
 * time), kept until the dossier or show-victim-names changes.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-dossier-model"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "vigil-dossier-model.h"
#include "vigil-format.h"

enum {
  HEADER_NAME,
  HEADER_ALIASES,
  HEADER_REFS,
  HEADER_STATUS,
  HEADER_LEAD,
  HEADER_NEXT_REVIEW,
  HEADER_CHANGED,
  HEADER_SCORE_TOTAL,
  HEADER_TREND,
  HEADER_RANK,
  HEADER_SCORE_ACCESSIBLE,
  N_HEADER
};

struct _VigilDossierModel
{
  GObject            parent_instance;

  /* Owned */
  VigilDossier      *dossier;
  VigilTacticalMenu *menu;
  GError            *menu_error;
  char              *today;
  char              *header[N_HEADER];
  char              *score_parts[VIGIL_RFGV_N_COMPONENTS + 1];
  GHashTable        *sections;        /* name → VigilDossierItem */

  gboolean           show_victim_names;
  gboolean           all_history;     /* every history entry, not the newest few */
};

G_DEFINE_FINAL_TYPE (VigilDossierModel, vigil_dossier_model, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_SHOW_VICTIM_NAMES,
  PROP_HAS_DOSSIER,
  PROP_NAME,
  PROP_ALIASES,
  PROP_REFS,
  PROP_STATUS,
  PROP_LEAD,
  PROP_NEXT_REVIEW,
  PROP_CHANGED,
  PROP_SCORE_TOTAL,
  PROP_TREND,
  PROP_RANK,
  PROP_SCORE_ACCESSIBLE,
  PROP_IN_COHORT,
  PROP_CAN_CHANGE_STATUS,
  PROP_SCORED,
  PROP_RISING,
  PROP_TREND_ICON,
  PROP_SCORE_PARTS,
  PROP_HAS_PLAN,
  PROP_CAN_ADD_INTERVENTION,
  PROP_SECTIONS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const char * const section_names[] = {
  "identification", "decisions", "processes", "agency-information", "victims", "outcomes", "plan",
  "history", NULL,
};

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
dup_person_name (const char *surname,
                 const char *forenames)
{
  if (is_set (forenames))
    /* Translators: a person's name: "Surname, Forenames" */
    return g_strdup_printf (_("%s, %s"), surname ? surname : "", forenames);
  return g_strdup (surname ? surname : "");
}

static char *
dup_changed_text (const VigilDossierChange *change)
{
  g_autofree char *when = NULL;

  if (!is_set (change->changed_at))
    return NULL;
  when = vigil_format_date (change->changed_at);
  /* Translators: who last changed a section of the dossier, and when */
  return g_strdup_printf (_("Last changed by %s on %s"),
                          is_set (change->changed_by) ? change->changed_by : _("someone unknown"),
                          when);
}

/* Items */

static VigilDossierItem *
new_section (const char               *name,
             const char               *title,
             const VigilDossierChange *change)
{
  VigilDossierItem *section = vigil_dossier_item_new_section (name, title);

  if (change != NULL)
    {
      g_autofree char *changed = dup_changed_text (change);
      g_autoptr(VigilDossierItem) label =
        vigil_dossier_item_new_label (NULL, changed ? changed : _("Nothing recorded yet"), "dim-label");

      vigil_dossier_item_append (section, label);
    }
  return section;
}

static VigilDossierItem *
append_label (VigilDossierItem *section,
              const char       *name,
              const char       *text,
              const char       *css_class)
{
  g_autoptr(VigilDossierItem) label = vigil_dossier_item_new_label (name, text, css_class);

  vigil_dossier_item_append (section, label);
  return label;
}

static void
append_subheading (VigilDossierItem *section,
                   const char       *text)
{
  g_autoptr(VigilDossierItem) label = vigil_dossier_item_new_subheading (text);

  vigil_dossier_item_append (section, label);
}

/* A list, owned by the caller: appended to its section when it has its rows. */
static VigilDossierItem *
new_list (const char *name,
          const char *accessible_name)
{
  return vigil_dossier_item_new_list (name, accessible_name);
}

static void
append_list (VigilDossierItem *section,
             VigilDossierItem *list)
{
  vigil_dossier_item_append (section, list);
}

/* A row of @list: @first, then (text, css class) pairs ending with NULL. */
static VigilDossierItem *
append_row (VigilDossierItem *list,
            const char       *name,
            const char       *first,
            ...) G_GNUC_NULL_TERMINATED;

static VigilDossierItem *
append_row (VigilDossierItem *list,
            const char       *name,
            const char       *first,
            ...)
{
  g_autoptr(VigilDossierItem) row = vigil_dossier_item_new_row (name, first);
  const char *line;
  va_list args;

  va_start (args, first);
  while ((line = va_arg (args, const char *)) != NULL)
    {
      const char *css = va_arg (args, const char *);

      vigil_dossier_item_add_line (row, line, css);
    }
  va_end (args);
  vigil_dossier_item_append (list, row);
  return row;
}

static VigilDossierItem *
add_button (VigilDossierItem *item,
            const char       *name,
            const char       *label,
            const char       *accessible_label,
            const char       *action_name,
            GVariant         *target)
{
  g_autoptr(VigilDossierItem) button = vigil_dossier_item_new_button (name, label, accessible_label,
                                                                      action_name, target);

  vigil_dossier_item_add_button (item, button);
  return button;
}

static void
add_row_button (VigilDossierItem *row,
                const char       *name,
                const char       *label,
                const char       *accessible_label,
                const char       *action_name,
                gint64            id)
{
  add_button (row, name, label, accessible_label, action_name, g_variant_new_int64 (id));
}

/* The header */

static const char * const component_letters[] = { N_("R"), N_("F"), N_("G"), N_("V") };

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

static void
clear_header (VigilDossierModel *self)
{
  for (guint i = 0; i < N_HEADER; i++)
    g_clear_pointer (&self->header[i], g_free);
  for (guint c = 0; c < VIGIL_RFGV_N_COMPONENTS; c++)
    g_clear_pointer (&self->score_parts[c], g_free);
}

static void
fill_header (VigilDossierModel *self)
{
  const VigilDossier *dossier = self->dossier;
  const VigilPerson *person = dossier->person;
  const VigilCohortEntry *entry = dossier->cohort_entry;
  g_autoptr(GString) refs = g_string_new (NULL);

  self->header[HEADER_NAME] = dup_person_name (person->surname, person->forenames);

  if (dossier->aliases->len > 0)
    {
      g_autoptr(GString) aliases = g_string_new (NULL);

      for (guint i = 0; i < dossier->aliases->len; i++)
        {
          const VigilPersonAlias *alias = g_ptr_array_index (dossier->aliases, i);

          if (i > 0)
            g_string_append (aliases, ", ");
          g_string_append (aliases, alias->alias);
        }
      /* Translators: the person's other names */
      self->header[HEADER_ALIASES] = g_strdup_printf (_("Also known as %s"), aliases->str);
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
    self->header[HEADER_REFS] = g_strdup (refs->str);

  if (entry != NULL)
    {
      const char *lead = choice_label (vigil_agency_choices, entry->lead_agency);

      /* Translators: a cohort status and how the person came in: "Managed · RFGV ranking" */
      self->header[HEADER_STATUS] = g_strdup_printf (_("%s · %s"),
                                                     choice_label (vigil_cohort_status_choices, entry->status),
                                                     choice_label (vigil_route_choices, entry->route) ?: "");
      if (lead != NULL && is_set (entry->lead_officer))
        /* Translators: the lead agency and officer */
        self->header[HEADER_LEAD] = g_strdup_printf (_("Lead: %s (%s)"), lead, entry->lead_officer);
      else if (lead != NULL || is_set (entry->lead_officer))
        self->header[HEADER_LEAD] = g_strdup_printf (_("Lead: %s"), lead ? lead : entry->lead_officer);
      if (is_set (entry->next_review_on))
        {
          g_autofree char *when = vigil_format_date (entry->next_review_on);

          self->header[HEADER_NEXT_REVIEW] = g_strdup_printf (_("Next review %s"), when);
        }
    }
  else
    self->header[HEADER_STATUS] = g_strdup (_("Not in the cohort"));

  {
    const VigilDossierChange *person_change = &dossier->changes[VIGIL_DOSSIER_SECTION_PERSON];
    const VigilDossierChange *cohort_change = &dossier->changes[VIGIL_DOSSIER_SECTION_COHORT];

    self->header[HEADER_CHANGED] =
      dup_changed_text (g_strcmp0 (cohort_change->changed_at, person_change->changed_at) > 0
                        ? cohort_change : person_change);
  }

  /* The score card */
  if (!dossier->score.present)
    {
      self->header[HEADER_SCORE_ACCESSIBLE] = g_strdup (_("Score: not scored"));
      return;
    }

  self->header[HEADER_SCORE_TOTAL] = g_strdup_printf ("%g", dossier->score.total);
  for (guint c = 0; c < VIGIL_RFGV_N_COMPONENTS; c++)
    self->score_parts[c] = g_strdup_printf ("%s %" G_GINT64_FORMAT, _(component_letters[c]),
                                            dossier->score.points[c]);
  if (dossier->previous_score.present)
    /* Translators: the trend and the earlier score: "Rising from 9" */
    self->header[HEADER_TREND] = g_strdup_printf (_("%s from %g"), trend_label (dossier->trend),
                                                  dossier->previous_score.total);
  else
    self->header[HEADER_TREND] = g_strdup (trend_label (dossier->trend));
  if (dossier->score.rank > 0)
    {
      g_autofree char *as_of = vigil_format_date (dossier->score.as_of);

      /* Translators: rank in the run, and the run's as-of date */
      self->header[HEADER_RANK] = g_strdup_printf (_("Rank %" G_GINT64_FORMAT " · as of %s"),
                                                   dossier->score.rank, as_of);
    }
  /* Translators: the score for a screen reader: "Score 14: R 5, F 3, G 4, V 2. Rising from 9" */
  self->header[HEADER_SCORE_ACCESSIBLE] =
    g_strdup_printf (_("Score %g: R %" G_GINT64_FORMAT ", F %" G_GINT64_FORMAT
                       ", G %" G_GINT64_FORMAT ", V %" G_GINT64_FORMAT ". %s"),
                     dossier->score.total,
                     dossier->score.points[VIGIL_RFGV_RECENCY],
                     dossier->score.points[VIGIL_RFGV_FREQUENCY],
                     dossier->score.points[VIGIL_RFGV_GRAVITY],
                     dossier->score.points[VIGIL_RFGV_VICTIMS],
                     self->header[HEADER_TREND]);
}

/* Identification */

static VigilDossierItem *
build_identification (VigilDossierModel *self)
{
  const VigilDossier *dossier = self->dossier;
  VigilDossierItem *section = new_section ("identification", _("Identification"),
                                           &dossier->changes[VIGIL_DOSSIER_SECTION_IDENTIFICATION]);
  const VigilRfgvExplanation *explanation = dossier->explanation;

  append_subheading (section, _("Score"));
  if (explanation == NULL)
    append_label (section, NULL, _("No incident with this person as the perpetrator."), "dim-label");
  else if (!explanation->scored)
    append_label (section, NULL, _("No incident counts towards a score."), "dim-label");
  else
    {
      g_autofree char *total = NULL;

      /* Translators: the total and how it adds up: "Total 14: R 5 + F 3 + G 4 + V 2" */
      total = g_strdup_printf (_("Total %g: R %d + F %d + G %d + V %d"), explanation->total,
                               explanation->components[VIGIL_RFGV_RECENCY].points,
                               explanation->components[VIGIL_RFGV_FREQUENCY].points,
                               explanation->components[VIGIL_RFGV_GRAVITY].points,
                               explanation->components[VIGIL_RFGV_VICTIMS].points);
      append_label (section, "explanation", total, NULL);

      if (dossier->score.present && explanation->total != dossier->score.total)
        {
          g_autofree char *stored = g_strdup_printf (_("The stored score is %g: the incidents changed since that run. "
                                                       "The breakdown shows them as they are now; refresh the ranking "
                                                       "to score them again."),
                                                     dossier->score.total);

          append_label (section, "score-changed", stored, "warning");
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
          append_label (section, NULL, text, "dim-label");
        }
    }

  append_subheading (section, _("Incidents"));
  if (dossier->incidents->len == 0)
    append_label (section, NULL, _("No incidents."), "dim-label");
  else
    {
      g_autoptr(VigilDossierItem) list = new_list ("incidents", _("Incident timeline"));

      for (guint i = 0; i < dossier->incidents->len; i++)
        {
          const VigilDossierIncident *incident = g_ptr_array_index (dossier->incidents, i);
          const VigilDossierVictim *victim = incident->victim >= 0
            ? g_ptr_array_index (dossier->victims, incident->victim) : NULL;
          g_autofree char *date = vigil_format_date (incident->occurred_at);
          g_autofree char *offence = vigil_format_offence (incident->offence_code);
          g_autofree char *victim_text = vigil_dossier_model_dup_victim_label (self, victim);
          g_autofree char *first = NULL;
          g_autofree char *second = NULL;
          g_autofree char *dash = NULL;
          const char *relationship = choice_label (vigil_relationship_choices, incident->relationship);
          VigilDossierItem *row;

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
                                    vigil_rfgv_incident_status_get_label (incident->status));
          row = append_row (list, NULL, first, second, "caption", NULL);
          if (incident->status != VIGIL_RFGV_INCIDENT_COUNTED)
            vigil_dossier_item_set_css_class (row, "dim-label");
        }
      append_list (section, list);
      if (dossier->n_incidents_skipped > 0)
        {
          g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                "%u incident has a date that could not be read.",
                                                                "%u incidents have a date that could not be read.",
                                                                dossier->n_incidents_skipped),
                                                   dossier->n_incidents_skipped);

          append_label (section, NULL, text, "warning");
        }
    }

  append_subheading (section, _("Agency Flags"));
  if (dossier->agency_flags->len == 0)
    append_label (section, NULL, _("No agency flags."), "dim-label");
  else
    {
      g_autoptr(VigilDossierItem) list = new_list ("agency-flags", _("Agency flags"));

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

          append_row (list, NULL, first, second, "caption", NULL);
        }
      append_list (section, list);
    }

  append_subheading (section, _("Referrals"));
  {
    g_autoptr(VigilDossierItem) list = new_list ("referrals", _("Referrals"));
    guint n = 0;

    for (guint i = 0; i <= dossier->past_cohort_entries->len; i++)
      {
        const VigilCohortEntry *entry = i == 0 ? dossier->cohort_entry
                                               : g_ptr_array_index (dossier->past_cohort_entries, i - 1);
        g_autofree char *when = NULL;
        g_autofree char *first = NULL;

        if (entry == NULL || (!is_set (entry->referral_source) && !is_set (entry->referral_reason)))
          continue;
        when = vigil_format_date (entry->identified_on);
        /* Translators: a referral: who referred and when */
        first = g_strdup_printf (_("Referred by %s · %s"),
                                 is_set (entry->referral_source) ? entry->referral_source : _("unknown"), when);
        append_row (list, NULL, first, is_set (entry->referral_reason) ? entry->referral_reason : "", "caption", NULL);
        n++;
      }
    if (n > 0)
      append_list (section, list);
    else
      append_label (section, NULL, _("No referrals."), "dim-label");
  }
  return section;
}

/* Assessment and decisions */

static VigilDossierItem *
build_decisions (VigilDossierModel *self)
{
  const VigilDossier *dossier = self->dossier;
  VigilDossierItem *section = new_section ("decisions", _("Assessment and Decisions"),
                                           &dossier->changes[VIGIL_DOSSIER_SECTION_DECISIONS]);
  g_autoptr(VigilDossierItem) list = NULL;

  if (is_set (dossier->mopi_review_on))
    {
      g_autofree char *when = vigil_format_date (dossier->mopi_review_on);
      g_autofree char *text = NULL;

      if (dossier->mopi_review_due)
        /* Translators: the MoPI (Management of Police Information) review date, reached */
        text = g_strdup_printf (_("MoPI review due: %s"), when);
      else
        text = g_strdup_printf (_("MoPI review on %s"), when);
      append_label (section, "mopi", text, dossier->mopi_review_due ? "warning" : NULL);
    }

  if (dossier->decisions->len == 0)
    {
      append_label (section, NULL, _("No assessment or decision recorded."), "dim-label");
      return section;
    }

  list = new_list ("decision-list", _("Decisions, newest first"));
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

      append_row (list, NULL, first,
                  who, "caption",
                  assessment ? assessment : "", "caption",
                  decision->rationale ? decision->rationale : "", NULL,
                  proportionality ? proportionality : "", "dim-label",
                  NULL);
    }
  append_list (section, list);
  return section;
}

/* Other processes */

static VigilDossierItem *
build_processes (VigilDossierModel *self)
{
  const VigilDossier *dossier = self->dossier;
  VigilDossierItem *section = new_section ("processes", _("Other Processes"),
                                           &dossier->changes[VIGIL_DOSSIER_SECTION_PROCESSES]);
  g_autoptr(VigilDossierItem) list = NULL;

  if (dossier->cohort_entry != NULL && is_set (dossier->cohort_entry->managing_panel))
    {
      g_autofree char *text = g_strdup_printf (_("Risk managed by: %s"), dossier->cohort_entry->managing_panel);

      append_label (section, NULL, text, "heading");
    }

  if (dossier->processes->len == 0)
    {
      append_label (section, NULL, _("No other process recorded."), "dim-label");
      return section;
    }

  list = new_list ("process-list", _("Other processes"));
  for (guint i = 0; i < dossier->processes->len; i++)
    {
      const VigilProcessOverlap *process = g_ptr_array_index (dossier->processes, i);
      g_autofree char *first = NULL;
      g_autofree char *dates = NULL;
      g_autofree char *started = vigil_format_date (process->started_on);
      g_autofree char *edit = NULL;
      const char *name = choice_label (vigil_process_choices, process->process);
      const char *status = choice_label (vigil_process_status_choices, process->status);
      VigilDossierItem *row;

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
      row = append_row (list, NULL, first, dates, "caption", process->notes ? process->notes : "", "dim-label", NULL);
      /* Translators: accessible name of the button editing a process ("Edit MARAC") */
      edit = g_strdup_printf (_("Edit %s"), name ? name : process->process);
      add_row_button (row, "edit-process", _("Edit…"), edit, "dossier.edit-process", process->record.id);
    }
  append_list (section, list);
  return section;
}

/* Multi-agency information */

static VigilDossierItem *
build_agency_information (VigilDossierModel *self)
{
  const VigilDossier *dossier = self->dossier;
  VigilDossierItem *section = new_section ("agency-information", _("Multi-agency Information"),
                                           &dossier->changes[VIGIL_DOSSIER_SECTION_AGENCY_INFORMATION]);
  g_autofree char *fresh = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                         "Information older than %d day is marked stale.",
                                                         "Information older than %d days is marked stale.",
                                                         (gulong) MAX (dossier->fresh_days, 0)),
                                            dossier->fresh_days);
  g_autoptr(VigilDossierItem) list = NULL;

  append_label (section, NULL, fresh, "dim-label");
  if (dossier->agency_information->len == 0)
    {
      append_label (section, NULL, _("No agency has shared information."), "dim-label");
      return section;
    }

  list = new_list ("agency-list", _("Information from each agency"));
  for (guint i = 0; i < dossier->agency_information->len; i++)
    {
      const VigilDossierAgencyInformation *info = g_ptr_array_index (dossier->agency_information, i);
      const VigilAgencySection *agency = info->section;
      const char *name = choice_label (vigil_agency_choices, agency->agency);
      g_autofree char *first = NULL;
      g_autofree char *when = vigil_format_date (agency->provided_on);
      g_autofree char *source = NULL;
      g_autofree char *earlier = NULL;
      g_autofree char *edit = NULL;
      VigilDossierItem *row;

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
      row = append_row (list, agency->agency, first,
                        agency->body ? agency->body : "", NULL,
                        source, "caption",
                        earlier ? earlier : "", "dim-label",
                        NULL);
      /* Translators: accessible name of the button editing an agency's information */
      edit = g_strdup_printf (_("Edit the information from %s"), name ? name : agency->agency);
      add_row_button (row, "edit-agency-information", _("Edit…"), edit,
                      "dossier.edit-agency-information", agency->record.id);
      vigil_dossier_item_set_warning (row, info->stale);
    }
  append_list (section, list);
  return section;
}

/* Victims and safeguarding */

static const VigilVictimLink *
find_victim_link (const VigilDossier       *dossier,
                  const VigilDossierVictim *victim)
{
  for (guint j = 0; j < dossier->victim_links->len; j++)
    {
      const VigilVictimLink *candidate = g_ptr_array_index (dossier->victim_links, j);

      if (candidate->victim_id == victim->person_id)
        return candidate;
    }
  return NULL;
}

static VigilDossierItem *
build_victims (VigilDossierModel *self)
{
  const VigilDossier *dossier = self->dossier;
  VigilDossierItem *section = new_section ("victims", _("Victims and Safeguarding"),
                                           &dossier->changes[VIGIL_DOSSIER_SECTION_VICTIMS]);
  g_autoptr(VigilDossierItem) list = NULL;

  if (dossier->victims->len == 0)
    {
      append_label (section, NULL, _("No victim recorded."), "dim-label");
      return section;
    }

  list = new_list ("victim-list", _("Victims"));
  for (guint i = 0; i < dossier->victims->len; i++)
    {
      const VigilDossierVictim *victim = g_ptr_array_index (dossier->victims, i);
      const VigilVictimLink *link = find_victim_link (dossier, victim);
      g_autofree char *first = vigil_dossier_model_dup_victim_label (self, victim);
      g_autofree char *incidents = NULL;
      g_autofree char *safeguarding = NULL;
      g_autofree char *advocate = NULL;
      g_autofree char *row_name = g_strdup_printf ("victim-%u", victim->number);
      g_autofree char *edit = NULL;
      VigilDossierItem *row;

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

      row = append_row (list, row_name, first, safeguarding, "caption", incidents, "dim-label",
                        link != NULL && link->notes ? link->notes : "", "dim-label", NULL);
      /* Translators: accessible name of the safeguarding button of a victim ("Victim 1") */
      edit = g_strdup_printf (_("Safeguarding of %s"), victim->role);
      add_row_button (row, "edit-safeguarding", _("Safeguarding…"), edit,
                      "dossier.edit-safeguarding", victim->person_id);
    }
  append_list (section, list);
  return section;
}

/* Outcomes (principle 8) */

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
append_outcome_group (VigilDossierModel        *self,
                      VigilDossierItem         *section,
                      const VigilDossierVictim *victim)
{
  const VigilDossier *dossier = self->dossier;
  int index = victim != NULL ? (int) victim->number - 1 : -1;
  g_autofree char *label = victim != NULL ? vigil_dossier_model_dup_victim_label (self, victim)
                                          : g_strdup (_("Not about one victim"));
  g_autoptr(VigilChart) chart = NULL;
  g_autoptr(VigilDossierItem) list = new_list (victim != NULL ? "outcome-list" : "outcome-list-no-victim",
                                               victim != NULL ? victim->role : _("Not about one victim"));
  VigilDossierItem *row;
  guint n_trends = 0;

  for (guint i = 0; i < dossier->outcome_trends->len; i++)
    if (((VigilDossierOutcomeTrend *) g_ptr_array_index (dossier->outcome_trends, i))->victim == index)
      n_trends++;

  row = append_row (list, victim != NULL ? "outcome-victim" : "outcome-no-victim", label,
                    n_trends == 0 ? _("No outcome recorded yet") : "", "dim-label", NULL);
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
      append_row (list, "outcome-trend", title, text, outcome_trend_class (trend->trend), NULL);
    }
  append_list (section, list);

  chart = create_outcome_chart (dossier, index, victim != NULL ? victim->role : label);
  if (chart != NULL)
    {
      g_autoptr(VigilDossierItem) item = vigil_dossier_item_new_chart ("outcome-chart", chart);

      vigil_dossier_item_append (section, item);
    }
}

static VigilDossierItem *
build_outcomes (VigilDossierModel *self)
{
  const VigilDossier *dossier = self->dossier;
  VigilDossierItem *section = new_section ("outcomes", _("Victim and IDVA Outcomes"),
                                           &dossier->changes[VIGIL_DOSSIER_SECTION_OUTCOMES]);
  g_autoptr(VigilDossierItem) list = NULL;
  gboolean about_none = FALSE;

  append_label (section, NULL,
                _("What each victim reports and their IDVA rates, from 1 (worst) to "
                  "5 (best), over time: the measures beyond police data that "
                  "principle 8 asks for."), "dim-label");
  for (guint i = 0; i < dossier->outcome_trends->len; i++)
    if (((VigilDossierOutcomeTrend *) g_ptr_array_index (dossier->outcome_trends, i))->victim < 0)
      about_none = TRUE;

  if (dossier->victims->len == 0)
    {
      /* no victim recorded: an outcome about none of them */
      add_button (section, "add-outcome", _("Record _Outcome…"), _("Record an outcome"),
                  "dossier.record-outcome", g_variant_new_int64 (0));
      about_none = TRUE;
    }
  for (guint i = 0; i < dossier->victims->len; i++)
    append_outcome_group (self, section, g_ptr_array_index (dossier->victims, i));
  if (about_none)
    append_outcome_group (self, section, NULL);

  if (dossier->outcomes->len == 0)
    return section;

  append_subheading (section, _("Recorded Outcomes"));
  list = new_list ("outcome-record-list", _("Recorded outcomes, newest first"));
  for (guint i = 0; i < dossier->outcomes->len; i++)
    {
      const VigilOutcomeObservation *outcome = g_ptr_array_index (dossier->outcomes, i);
      const VigilDossierVictim *victim = outcome->victim_id != 0 ? vigil_dossier_find_victim (dossier, outcome->victim_id) : NULL;
      g_autofree char *when = vigil_format_date (outcome->observed_on);
      g_autofree char *title = dup_outcome_title (outcome->source, outcome->measure);
      g_autofree char *first = NULL;
      g_autofree char *about = victim != NULL ? vigil_dossier_model_dup_victim_label (self, victim)
                                              : g_strdup (_("Not about one victim"));
      g_autofree char *edit = NULL;
      VigilDossierItem *row;

      /* Translators: an outcome: its date, the measure and source, the rating out of 5 */
      first = g_strdup_printf (_("%s · %s · %" G_GINT64_FORMAT " of 5"), when, title, outcome->rating);
      row = append_row (list, NULL, first, about, "caption",
                        is_set (outcome->note) ? outcome->note : "", "dim-label", NULL);
      /* Translators: accessible name of the button editing an outcome; %s: its date */
      edit = g_strdup_printf (_("Edit the outcome of %s"), when);
      add_row_button (row, "edit-outcome", _("Edit…"), edit, "dossier.edit-outcome", outcome->record.id);
    }
  append_list (section, list);
  return section;
}

/* Risk management plan */

static void
append_text_row (VigilDossierItem *list,
                 const char       *title,
                 const char       *text)
{
  append_row (list, NULL, title, is_set (text) ? text : _("Not written yet"), is_set (text) ? NULL : "dim-label", NULL);
}

static VigilDossierItem *
build_plan (VigilDossierModel *self)
{
  const VigilDossier *dossier = self->dossier;
  const VigilPlan *plan = dossier->plan;
  VigilDossierItem *section = new_section ("plan", _("Risk Management Plan"),
                                           &dossier->changes[VIGIL_DOSSIER_SECTION_PLANS]);
  g_autoptr(VigilDossierItem) list = NULL;

  if (self->menu == NULL && self->menu_error != NULL)
    append_label (section, NULL, self->menu_error->message, "error");

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
      append_label (section, NULL, line, NULL);
      list = new_list ("plan-list", _("The plan"));
      append_text_row (list, _("Objectives"), plan->objectives);
      append_text_row (list, _("Exit strategy"), plan->exit_strategy);
      append_text_row (list, _("Scale-back criteria"), plan->scale_back_criteria);
      append_list (section, list);
      g_clear_object (&list);
    }

  if (self->menu != NULL)
    {
      g_autoptr(GPtrArray) warnings = NULL;
      g_autofree char *today = self->today != NULL ? g_strdup (self->today) : NULL;

      if (today == NULL)
        {
          g_autoptr(GDateTime) now = g_date_time_new_now_local ();

          today = g_date_time_format (now, "%Y-%m-%d");
        }
      warnings = vigil_casework_plan_warnings (plan, dossier->interventions, self->menu, dossier->victims->len,
                                               dossier->processes, today);
      for (guint i = 0; i < warnings->len; i++)
        append_label (section, "plan-warning", g_ptr_array_index (warnings, i), "warning");
    }

  if (dossier->interventions == NULL || dossier->interventions->len == 0)
    {
      if (plan != NULL)
        append_label (section, NULL, _("No intervention chosen yet."), "dim-label");
      return section;
    }

  append_subheading (section, _("Interventions"));
  list = new_list ("intervention-list", _("Interventions"));
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
      VigilDossierItem *row;

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
      row = append_row (list, NULL, first, who, "caption", order ? order : "", "caption",
                        intervention->outcome ? intervention->outcome : "", "dim-label", NULL);
      if (option != NULL && option->retired)
        vigil_dossier_item_set_css_class (row, "dim-label");
      /* Translators: accessible name of the button editing an intervention */
      edit = g_strdup_printf (_("Edit %s"), title);
      add_row_button (row, "edit-intervention", _("Edit…"), edit,
                      "dossier.edit-intervention", intervention->record.id);
    }
  append_list (section, list);
  return section;
}

/* History */

/* The history entries listed before Show All: each is a row of wrapped text, and a
 * person's history grows with every view, so a long one would be laid out (its text
 * shaped) whole at each opening while only its top is read. */
#define HISTORY_SHOWN 10

static void
append_history_rows (VigilDossierItem   *list,
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

      append_row (list, NULL, entry->summary ? entry->summary : entry->action, second, "caption", NULL);
    }
}

static VigilDossierItem *
build_history (VigilDossierModel *self)
{
  const VigilDossier *dossier = self->dossier;
  VigilDossierItem *section = new_section ("history", _("History"), NULL);
  g_autoptr(VigilDossierItem) list = NULL;
  guint n = dossier->history->len;
  guint shown = self->all_history ? n : MIN (n, HISTORY_SHOWN);

  if (n == 0)
    {
      append_label (section, NULL, _("No history."), "dim-label");
      return section;
    }

  list = new_list ("history-list", _("History, newest first"));
  append_history_rows (list, dossier, 0, shown);
  append_list (section, list);

  if (shown < n)
    {
      /* Translators: the button under the newest entries of a dossier's history */
      g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Show All %u Entry",
                                                             "Show All %u Entries", n), n);
      g_autofree char *accessible = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                  "Show %u entry of the history",
                                                                  "Show %u entries of the history", n), n);
      g_autoptr(VigilDossierItem) button = vigil_dossier_item_new_button ("history-show-all", label, accessible,
                                                                          "dossier.show-history", NULL);

      vigil_dossier_item_append (section, button);
    }

  if (dossier->history_truncated)
    {
      g_autofree char *text = g_strdup_printf (_("Only the newest %d entries can be shown."),
                                               VIGIL_DOSSIER_HISTORY_LIMIT);

      append_label (section, NULL, text, "dim-label");
    }
  return section;
}

static VigilDossierItem * (* const section_builders[]) (VigilDossierModel *self) = {
  build_identification, build_decisions, build_processes, build_agency_information, build_victims,
  build_outcomes, build_plan, build_history,
};

G_STATIC_ASSERT (G_N_ELEMENTS (section_builders) == G_N_ELEMENTS (section_names) - 1);

static void
drop_sections (VigilDossierModel *self)
{
  if (g_hash_table_size (self->sections) == 0)
    return;
  g_hash_table_remove_all (self->sections);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SECTIONS]);
}

/* GObject */

static void
vigil_dossier_model_finalize (GObject *object)
{
  VigilDossierModel *self = VIGIL_DOSSIER_MODEL (object);

  clear_header (self);
  g_clear_pointer (&self->sections, g_hash_table_unref);
  g_clear_pointer (&self->dossier, vigil_dossier_free);
  g_clear_pointer (&self->menu, vigil_tactical_menu_free);
  g_clear_error (&self->menu_error);
  g_free (self->today);

  G_OBJECT_CLASS (vigil_dossier_model_parent_class)->finalize (object);
}

static void
vigil_dossier_model_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  VigilDossierModel *self = VIGIL_DOSSIER_MODEL (object);

  if (prop_id >= PROP_NAME && prop_id <= PROP_SCORE_ACCESSIBLE)
    {
      g_value_set_string (value, self->header[prop_id - PROP_NAME]);
      return;
    }

  switch (prop_id)
    {
    case PROP_SHOW_VICTIM_NAMES:
      g_value_set_boolean (value, self->show_victim_names);
      break;

    case PROP_HAS_DOSSIER:
      g_value_set_boolean (value, self->dossier != NULL);
      break;

    case PROP_IN_COHORT:
      g_value_set_boolean (value, vigil_dossier_model_get_in_cohort (self));
      break;

    case PROP_CAN_CHANGE_STATUS:
      g_value_set_boolean (value, vigil_dossier_model_get_can_change_status (self));
      break;

    case PROP_SCORED:
      g_value_set_boolean (value, vigil_dossier_model_get_scored (self));
      break;

    case PROP_RISING:
      g_value_set_boolean (value, vigil_dossier_model_get_rising (self));
      break;

    case PROP_TREND_ICON:
      g_value_set_string (value, vigil_dossier_model_get_trend_icon (self));
      break;

    case PROP_SCORE_PARTS:
      g_value_set_boxed (value, vigil_dossier_model_get_score_parts (self));
      break;

    case PROP_HAS_PLAN:
      g_value_set_boolean (value, vigil_dossier_model_get_has_plan (self));
      break;

    case PROP_CAN_ADD_INTERVENTION:
      g_value_set_boolean (value, vigil_dossier_model_get_can_add_intervention (self));
      break;

    case PROP_SECTIONS:
      g_value_set_uint (value, g_hash_table_size (self->sections));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_dossier_model_set_property (GObject      *object,
                                  guint         prop_id,
                                  const GValue *value,
                                  GParamSpec   *pspec)
{
  VigilDossierModel *self = VIGIL_DOSSIER_MODEL (object);

  switch (prop_id)
    {
    case PROP_SHOW_VICTIM_NAMES:
      vigil_dossier_model_set_show_victim_names (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_dossier_model_class_init (VigilDossierModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  static const struct { guint id; const char *name; const char *blurb; } header_props[] = {
    { PROP_NAME, "name", "The person's name" },
    { PROP_ALIASES, "aliases", "Also known as …, or NULL" },
    { PROP_REFS, "refs", "Date of birth and references, or NULL" },
    { PROP_STATUS, "status", "The cohort status and route, or not in the cohort" },
    { PROP_LEAD, "lead", "The lead agency and officer, or NULL" },
    { PROP_NEXT_REVIEW, "next-review", "The next review, or NULL" },
    { PROP_CHANGED, "changed", "Who changed the person or the entry last, or NULL" },
    { PROP_SCORE_TOTAL, "score-total", "The score, NULL: not scored" },
    { PROP_TREND, "trend", "The score's trend, or NULL" },
    { PROP_RANK, "rank", "The rank and run date, or NULL" },
    { PROP_SCORE_ACCESSIBLE, "score-accessible", "The score card for a screen reader" },
  };

  object_class->finalize = vigil_dossier_model_finalize;
  object_class->get_property = vigil_dossier_model_get_property;
  object_class->set_property = vigil_dossier_model_set_property;

  properties[PROP_SHOW_VICTIM_NAMES] =
    g_param_spec_boolean ("show-victim-names", NULL, "Whether victims are named, not only by role",
                          FALSE, G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HAS_DOSSIER] =
    g_param_spec_boolean ("has-dossier", NULL, "Whether a dossier is set",
                          FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  for (guint i = 0; i < G_N_ELEMENTS (header_props); i++)
    properties[header_props[i].id] =
      g_param_spec_string (header_props[i].name, NULL, header_props[i].blurb,
                           NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_IN_COHORT] =
    g_param_spec_boolean ("in-cohort", NULL, "Whether the person has a cohort entry",
                          FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_CHANGE_STATUS] =
    g_param_spec_boolean ("can-change-status", NULL, "Whether the entry's status can move",
                          FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCORED] =
    g_param_spec_boolean ("scored", NULL, "Whether the person has a stored score",
                          FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_RISING] =
    g_param_spec_boolean ("rising", NULL, "Whether the score rose since the earlier run",
                          FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TREND_ICON] =
    g_param_spec_string ("trend-icon", NULL, "The trend's icon name",
                         NULL, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SCORE_PARTS] =
    g_param_spec_boxed ("score-parts", NULL, "R, F, G and V with their points",
                        G_TYPE_STRV, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_HAS_PLAN] =
    g_param_spec_boolean ("has-plan", NULL, "Whether a risk management plan is written",
                          FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_ADD_INTERVENTION] =
    g_param_spec_boolean ("can-add-intervention", NULL, "Whether the plan can take an intervention from the menu",
                          FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SECTIONS] =
    g_param_spec_uint ("sections", NULL, "How many sections are built; notified when they are dropped",
                       0, G_MAXUINT, 0, G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vigil_dossier_model_init (VigilDossierModel *self)
{
  self->sections = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
}

/* Public */

VigilDossierModel *
vigil_dossier_model_new (void)
{
  return g_object_new (VIGIL_TYPE_DOSSIER_MODEL, NULL);
}

void
vigil_dossier_model_set_dossier (VigilDossierModel *self,
                                 VigilDossier      *dossier,
                                 VigilTacticalMenu *menu,
                                 GError            *menu_error)
{
  g_return_if_fail (VIGIL_IS_DOSSIER_MODEL (self));

  g_object_freeze_notify (G_OBJECT (self));
  drop_sections (self);
  clear_header (self);
  g_clear_pointer (&self->dossier, vigil_dossier_free);
  g_clear_pointer (&self->menu, vigil_tactical_menu_free);
  g_clear_error (&self->menu_error);
  self->dossier = dossier;
  self->menu = menu;
  self->menu_error = menu_error;
  if (dossier != NULL)
    fill_header (self);
  for (guint i = PROP_HAS_DOSSIER; i < PROP_SECTIONS; i++)
    g_object_notify_by_pspec (G_OBJECT (self), properties[i]);
  g_object_thaw_notify (G_OBJECT (self));
}

/**
 * vigil_dossier_model_set_all_history:
 *
 * Whether the history lists every entry the dossier holds (Show All) or the newest
 * few. When the history section is built already, the entries it lacks are added to
 * its list (its Show All button stays in the section: the page removes its widget).
 */
void
vigil_dossier_model_set_all_history (VigilDossierModel *self,
                                     gboolean           all)
{
  VigilDossierItem *section;
  GListModel *children;

  g_return_if_fail (VIGIL_IS_DOSSIER_MODEL (self));

  if (self->all_history == !!all)
    return;
  self->all_history = !!all;

  section = self->dossier != NULL ? g_hash_table_lookup (self->sections, "history") : NULL;
  if (section == NULL || !all)
    {
      if (section != NULL)
        g_hash_table_remove (self->sections, "history");
      return;
    }
  children = vigil_dossier_item_get_children (section);
  for (guint i = 0; i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr(VigilDossierItem) child = g_list_model_get_item (children, i);

      if (g_strcmp0 (vigil_dossier_item_get_name (child), "history-list") == 0)
        append_history_rows (child, self->dossier,
                             g_list_model_get_n_items (vigil_dossier_item_get_children (child)),
                             self->dossier->history->len);
    }
}

gboolean
vigil_dossier_model_get_all_history (VigilDossierModel *self)
{
  g_return_val_if_fail (VIGIL_IS_DOSSIER_MODEL (self), FALSE);
  return self->all_history;
}

const VigilDossier *
vigil_dossier_model_get_dossier (VigilDossierModel *self)
{
  g_return_val_if_fail (VIGIL_IS_DOSSIER_MODEL (self), NULL);
  return self->dossier;
}

VigilTacticalMenu *
vigil_dossier_model_get_menu (VigilDossierModel *self)
{
  g_return_val_if_fail (VIGIL_IS_DOSSIER_MODEL (self), NULL);
  return self->menu;
}

gboolean
vigil_dossier_model_get_show_victim_names (VigilDossierModel *self)
{
  g_return_val_if_fail (VIGIL_IS_DOSSIER_MODEL (self), FALSE);
  return self->show_victim_names;
}

void
vigil_dossier_model_set_show_victim_names (VigilDossierModel *self,
                                           gboolean           show)
{
  g_return_if_fail (VIGIL_IS_DOSSIER_MODEL (self));

  show = !!show;
  if (self->show_victim_names == show)
    return;
  self->show_victim_names = show;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_VICTIM_NAMES]);
  drop_sections (self);
}

void
vigil_dossier_model_set_today (VigilDossierModel *self,
                               const char        *today)
{
  g_return_if_fail (VIGIL_IS_DOSSIER_MODEL (self));

  if (g_strcmp0 (self->today, today) == 0)
    return;
  g_free (self->today);
  self->today = g_strdup (today);
  drop_sections (self);
}

#define HEADER_GETTER(function, index)                         \
  const char *                                                 \
  function (VigilDossierModel *self)                           \
  {                                                            \
    g_return_val_if_fail (VIGIL_IS_DOSSIER_MODEL (self), NULL); \
    return self->header[index];                                \
  }

HEADER_GETTER (vigil_dossier_model_get_name, HEADER_NAME)
HEADER_GETTER (vigil_dossier_model_get_aliases, HEADER_ALIASES)
HEADER_GETTER (vigil_dossier_model_get_refs, HEADER_REFS)
HEADER_GETTER (vigil_dossier_model_get_status, HEADER_STATUS)
HEADER_GETTER (vigil_dossier_model_get_lead, HEADER_LEAD)
HEADER_GETTER (vigil_dossier_model_get_next_review, HEADER_NEXT_REVIEW)
HEADER_GETTER (vigil_dossier_model_get_changed, HEADER_CHANGED)
HEADER_GETTER (vigil_dossier_model_get_score_total, HEADER_SCORE_TOTAL)
HEADER_GETTER (vigil_dossier_model_get_trend, HEADER_TREND)
HEADER_GETTER (vigil_dossier_model_get_rank, HEADER_RANK)
HEADER_GETTER (vigil_dossier_model_get_score_accessible, HEADER_SCORE_ACCESSIBLE)

gboolean
vigil_dossier_model_get_in_cohort (VigilDossierModel *self)
{
  g_return_val_if_fail (VIGIL_IS_DOSSIER_MODEL (self), FALSE);
  return self->dossier != NULL && self->dossier->cohort_entry != NULL;
}

gboolean
vigil_dossier_model_get_can_change_status (VigilDossierModel *self)
{
  g_return_val_if_fail (VIGIL_IS_DOSSIER_MODEL (self), FALSE);
  return vigil_dossier_model_get_in_cohort (self) &&
         vigil_casework_next_statuses (self->dossier->cohort_entry->status)[0] != NULL;
}

gboolean
vigil_dossier_model_get_scored (VigilDossierModel *self)
{
  g_return_val_if_fail (VIGIL_IS_DOSSIER_MODEL (self), FALSE);
  return self->dossier != NULL && self->dossier->score.present;
}

const char * const *
vigil_dossier_model_get_score_parts (VigilDossierModel *self)
{
  g_return_val_if_fail (VIGIL_IS_DOSSIER_MODEL (self), NULL);
  return vigil_dossier_model_get_scored (self) ? (const char * const *) self->score_parts : NULL;
}

const char *
vigil_dossier_model_get_trend_icon (VigilDossierModel *self)
{
  g_return_val_if_fail (VIGIL_IS_DOSSIER_MODEL (self), NULL);

  if (self->dossier == NULL)
    return NULL;
  switch (self->dossier->trend)
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

gboolean
vigil_dossier_model_get_rising (VigilDossierModel *self)
{
  g_return_val_if_fail (VIGIL_IS_DOSSIER_MODEL (self), FALSE);
  return self->dossier != NULL && self->dossier->trend == VIGIL_DOSSIER_TREND_UP;
}

gboolean
vigil_dossier_model_get_has_plan (VigilDossierModel *self)
{
  g_return_val_if_fail (VIGIL_IS_DOSSIER_MODEL (self), FALSE);
  return self->dossier != NULL && self->dossier->plan != NULL;
}

gboolean
vigil_dossier_model_get_can_add_intervention (VigilDossierModel *self)
{
  g_return_val_if_fail (VIGIL_IS_DOSSIER_MODEL (self), FALSE);
  return vigil_dossier_model_get_has_plan (self) && self->menu != NULL;
}

const char * const *
vigil_dossier_model_get_section_names (void)
{
  return section_names;
}

VigilDossierItem *
vigil_dossier_model_get_section (VigilDossierModel *self,
                                 const char        *name)
{
  VigilDossierItem *section;

  g_return_val_if_fail (VIGIL_IS_DOSSIER_MODEL (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (self->dossier == NULL)
    return NULL;
  section = g_hash_table_lookup (self->sections, name);
  if (section != NULL)
    return section;
  for (guint i = 0; section_names[i] != NULL; i++)
    if (strcmp (section_names[i], name) == 0)
      {
        section = section_builders[i] (self);
        g_hash_table_insert (self->sections, g_strdup (name), section);
        return section;
      }
  return NULL;
}

char *
vigil_dossier_model_dup_victim_label (VigilDossierModel        *self,
                                      const VigilDossierVictim *victim)
{
  g_return_val_if_fail (VIGIL_IS_DOSSIER_MODEL (self), NULL);

  if (victim == NULL)
    return g_strdup (_("no victim recorded"));
  if (self->show_victim_names)
    {
      g_autofree char *name = dup_person_name (victim->surname, victim->forenames);

      if (*name != '\0')
        /* Translators: a victim's role and name: "Victim 1 (Victimsby, Anna)" */
        return g_strdup_printf (_("%s (%s)"), victim->role, name);
    }
  return g_strdup (victim->role);
}
