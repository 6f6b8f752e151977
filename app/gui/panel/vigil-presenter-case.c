/* vigil-presenter-case.c: what the panel room may see of one case
 *
 * The lines are made twice when the case is built, once with the victims by their role
 * and once with their names: showing or hiding the names swaps one set for the other.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-presenter-case"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-panel-entry.h"
#include "vigil-presenter-case.h"

struct _VigilPresenterCase
{
  GObject     parent_instance;

  /* Owned references */
  GListStore *lines;        /* VigilPanelEntry, the lines shown */
  GPtrArray  *by_role;      /* VigilPanelEntry, the victims by their role */
  GPtrArray  *named;        /* VigilPanelEntry, with their names */

  gint64      person_id;
  guint       position;
  guint       n_cases;
  gboolean    has_victims;
  gboolean    show_names;
};

G_DEFINE_FINAL_TYPE (VigilPresenterCase, vigil_presenter_case, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_POSITION,
  PROP_N_CASES,
  PROP_PERSON_ID,
  PROP_HAS_VICTIMS,
  PROP_SHOW_NAMES,
  PROP_LINES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static gboolean
is_set (const char *text)
{
  return text != NULL && *text != '\0';
}

static const char *
label_of (const char * const *choices,
          const char         *code)
{
  const char *label = vigil_choice_get_label (choices, code);

  return label ? label : (code ? code : "");
}

/* At most @max characters of @text, with an ellipsis: the screen is not the dossier. */
static char *
dup_short (const char *text,
           glong       max)
{
  g_autofree char *start = NULL;

  if (text == NULL)
    return g_strdup ("");
  if (g_utf8_strlen (text, -1) <= max)
    return g_strdup (text);
  start = g_utf8_substring (text, 0, max);
  return g_strconcat (start, "…", NULL);
}

/* @style: NULL (plain), "caption", "title", "heading", "warning" */
static void
add_line (GPtrArray  *lines,
          const char *style,
          const char *text)
{
  g_ptr_array_add (lines, g_object_new (VIGIL_TYPE_PANEL_ENTRY, "title", text, "style", style, NULL));
}

static void add_linef (GPtrArray  *lines,
                       const char *style,
                       const char *format,
                       ...) G_GNUC_PRINTF (3, 4);

static void
add_linef (GPtrArray  *lines,
           const char *style,
           const char *format,
           ...)
{
  g_autofree char *text = NULL;
  va_list args;

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);
  add_line (lines, style, text);
}

static void
add_victims (GPtrArray          *lines,
             const VigilDossier *dossier,
             gboolean            show_names)
{
  add_line (lines, "heading", _("Victims and safeguarding"));
  for (guint i = 0; i < dossier->victims->len; i++)
    {
      const VigilDossierVictim *victim = g_ptr_array_index (dossier->victims, i);
      const VigilVictimLink *link = NULL;
      g_autofree char *who = NULL;

      for (guint j = 0; dossier->victim_links != NULL && j < dossier->victim_links->len && link == NULL; j++)
        if (((VigilVictimLink *) g_ptr_array_index (dossier->victim_links, j))->victim_id == victim->person_id)
          link = g_ptr_array_index (dossier->victim_links, j);
      if (show_names)
        who = g_strdup_printf ("%s (%s%s%s)", victim->role, victim->surname ? victim->surname : "",
                               is_set (victim->forenames) ? ", " : "", is_set (victim->forenames) ? victim->forenames : "");
      else
        who = g_strdup (victim->role);
      if (link != NULL)
        add_linef (lines, NULL, "• %s — %s · %s · %s", who, label_of (vigil_relationship_choices, link->relationship),
                   link->advocate && g_strcmp0 (link->advocate, "none") != 0
                     ? label_of (vigil_advocate_choices, link->advocate) : _("no advocate"),
                   link->safety_plan ? _("safety plan") : _("no safety plan"));
      else
        add_linef (lines, NULL, _("• %s — no safeguarding recorded"), who);
    }
  if (!show_names)
    add_line (lines, "caption", _("Victims appear by their role. V shows their names, after a confirmation."));
}

/* The lines of the case; the victims by name when @show_names. */
static GPtrArray *
make_lines (const VigilAgendaItem *item,
            const VigilDossier    *dossier,
            GPtrArray             *actions,
            VigilTacticalMenu     *menu,
            guint                  position,
            guint                  n_cases,
            const char            *today,
            gboolean               show_names)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_object_unref);
  const VigilCohortEntry *entry;

  if (item == NULL || dossier == NULL)
    {
      add_line (lines, "title", _("Nothing on the agenda"));
      return lines;
    }

  entry = dossier->cohort_entry;
  /* Translators: which case of the agenda is on the screen, and why it is there */
  add_linef (lines, "caption", _("Case %u of %u · %s%s%s"), position + 1, n_cases,
             label_of (vigil_agenda_reason_choices, item->reason),
             is_set (dossier->person->local_ref) ? " · " : "",
             is_set (dossier->person->local_ref) ? dossier->person->local_ref : "");
  add_linef (lines, "title", "%s%s%s", dossier->person->surname,
             is_set (dossier->person->forenames) ? ", " : "",
             is_set (dossier->person->forenames) ? dossier->person->forenames : "");
  if (entry != NULL)
    {
      const char *lead = vigil_choice_get_label (vigil_agency_choices, entry->lead_agency);

      add_linef (lines, NULL, _("%s · %s · lead %s"), label_of (vigil_cohort_status_choices, entry->status),
                 label_of (vigil_route_choices, entry->route), lead ? lead : _("not set"));
    }
  if (dossier->score.present)
    {
      g_autofree char *trend = NULL;

      if (dossier->trend == VIGIL_DOSSIER_TREND_UP && dossier->previous_score.present)
        trend = g_strdup_printf (_(" · rising from %g"), dossier->previous_score.total);
      else if (dossier->trend == VIGIL_DOSSIER_TREND_DOWN && dossier->previous_score.present)
        trend = g_strdup_printf (_(" · falling from %g"), dossier->previous_score.total);
      /* Translators: the score on the projector: total, R F G V, rank, trend */
      add_linef (lines, "heading", _("Score %g   R %" G_GINT64_FORMAT "  F %" G_GINT64_FORMAT "  G %"
                                     G_GINT64_FORMAT "  V %" G_GINT64_FORMAT " · rank %" G_GINT64_FORMAT "%s"),
                 dossier->score.total, dossier->score.points[0], dossier->score.points[1], dossier->score.points[2],
                 dossier->score.points[3], dossier->score.rank, trend ? trend : "");
    }

  if (dossier->plan != NULL)
    {
      g_autofree char *objectives = dup_short (dossier->plan->objectives, 160);
      g_autofree char *exit = dup_short (dossier->plan->exit_strategy, 160);

      add_line (lines, "heading", _("Plan"));
      if (is_set (objectives))
        add_linef (lines, NULL, _("Objectives: %s"), objectives);
      if (is_set (exit))
        add_linef (lines, NULL, _("Exit: %s"), exit);
    }
  for (guint i = 0; dossier->interventions != NULL && i < dossier->interventions->len && i < 6; i++)
    {
      const VigilIntervention *intervention = g_ptr_array_index (dossier->interventions, i);
      const VigilTacticalOption *option = menu ? vigil_tactical_menu_lookup (menu, intervention->option_code) : NULL;

      add_linef (lines, NULL, "• %s — %s", option ? option->title : intervention->option_code,
                 label_of (vigil_intervention_status_choices, intervention->status));
    }

  if (dossier->decisions != NULL && dossier->decisions->len > 0)
    {
      add_line (lines, "heading", _("Latest decisions"));
      for (guint i = 0; i < dossier->decisions->len && i < 2; i++)
        {
          const VigilDecision *decision = g_ptr_array_index (dossier->decisions, i);

          add_linef (lines, NULL, "• %s%s%s · %s", label_of (vigil_decision_kind_choices, decision->kind),
                     is_set (decision->outcome) ? " — " : "", is_set (decision->outcome) ? decision->outcome : "",
                     decision->decided_on);
        }
    }

  {
    gboolean heading = FALSE;

    for (guint i = 0; dossier->processes != NULL && i < dossier->processes->len; i++)
      {
        const VigilProcessOverlap *process = g_ptr_array_index (dossier->processes, i);

        if (g_strcmp0 (process->status, "active") != 0)
          continue;
        if (!heading)
          add_line (lines, "heading", _("Other processes"));
        heading = TRUE;
        add_linef (lines, NULL, "• %s", label_of (vigil_process_choices, process->process));
      }
  }

  {
    gboolean heading = FALSE;

    /* only what the agencies marked for the panel */
    for (guint i = 0; dossier->agency_information != NULL && i < dossier->agency_information->len; i++)
      {
        const VigilDossierAgencyInformation *info = g_ptr_array_index (dossier->agency_information, i);
        g_autofree char *body = NULL;

        if (!info->section->panel_visible)
          continue;
        if (!heading)
          add_line (lines, "heading", _("Agency information"));
        heading = TRUE;
        body = dup_short (info->section->body, 200);
        add_linef (lines, NULL, "• %s%s: %s", label_of (vigil_agency_choices, info->section->agency),
                   info->stale ? _(" (stale)") : "", body);
      }
  }

  if (dossier->victims != NULL && dossier->victims->len > 0)
    add_victims (lines, dossier, show_names);

  {
    gboolean heading = FALSE;

    for (guint i = 0; actions != NULL && i < actions->len; i++)
      {
        const VigilAction *action = g_ptr_array_index (actions, i);
        gboolean overdue;

        if (action->person_id != dossier->person->record.id || g_strcmp0 (action->status, "open") != 0)
          continue;
        if (!heading)
          add_line (lines, "heading", _("Open actions"));
        heading = TRUE;
        overdue = vigil_panel_action_is_overdue (action, today);
        add_linef (lines, overdue ? "warning" : NULL, _("• %s — due %s%s"), action->description,
                   action->due_on ? action->due_on : _("no date"), overdue ? _(" · overdue") : "");
      }
  }
  return lines;
}

static void
show_lines (VigilPresenterCase *self)
{
  GPtrArray *lines = self->show_names ? self->named : self->by_role;

  g_list_store_splice (self->lines, 0, g_list_model_get_n_items (G_LIST_MODEL (self->lines)), lines->pdata, lines->len);
}

static void
vigil_presenter_case_dispose (GObject *object)
{
  VigilPresenterCase *self = VIGIL_PRESENTER_CASE (object);

  g_clear_object (&self->lines);
  g_clear_pointer (&self->by_role, g_ptr_array_unref);
  g_clear_pointer (&self->named, g_ptr_array_unref);

  G_OBJECT_CLASS (vigil_presenter_case_parent_class)->dispose (object);
}

static void
vigil_presenter_case_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  VigilPresenterCase *self = VIGIL_PRESENTER_CASE (object);

  switch (prop_id)
    {
    case PROP_POSITION:
      g_value_set_uint (value, self->position);
      break;

    case PROP_N_CASES:
      g_value_set_uint (value, self->n_cases);
      break;

    case PROP_PERSON_ID:
      g_value_set_int64 (value, self->person_id);
      break;

    case PROP_HAS_VICTIMS:
      g_value_set_boolean (value, self->has_victims);
      break;

    case PROP_SHOW_NAMES:
      g_value_set_boolean (value, self->show_names);
      break;

    case PROP_LINES:
      g_value_set_object (value, self->lines);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_presenter_case_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  VigilPresenterCase *self = VIGIL_PRESENTER_CASE (object);

  switch (prop_id)
    {
    case PROP_SHOW_NAMES:
      vigil_presenter_case_set_show_names (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
vigil_presenter_case_class_init (VigilPresenterCaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->dispose = vigil_presenter_case_dispose;
  object_class->get_property = vigil_presenter_case_get_property;
  object_class->set_property = vigil_presenter_case_set_property;

  properties[PROP_POSITION] =
    g_param_spec_uint ("position", NULL, "Which case of the agenda, from 0", 0, G_MAXUINT, 0, flags);
  properties[PROP_N_CASES] =
    g_param_spec_uint ("n-cases", NULL, "The cases on the agenda", 0, G_MAXUINT, 0, flags);
  properties[PROP_PERSON_ID] =
    g_param_spec_int64 ("person-id", NULL, "The person the case is about", 0, G_MAXINT64, 0, flags);
  properties[PROP_HAS_VICTIMS] =
    g_param_spec_boolean ("has-victims", NULL, "Whether the case has victims", FALSE, flags);
  properties[PROP_SHOW_NAMES] =
    g_param_spec_boolean ("show-names", NULL, "Whether the victims' names are shown", FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LINES] =
    g_param_spec_object ("lines", NULL, "The lines, in order", G_TYPE_LIST_MODEL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
vigil_presenter_case_init (VigilPresenterCase *self)
{
  self->lines = g_list_store_new (VIGIL_TYPE_PANEL_ENTRY);
}

VigilPresenterCase *
vigil_presenter_case_new (const VigilAgendaItem *item,
                          const VigilDossier    *dossier,
                          GPtrArray             *actions,
                          VigilTacticalMenu     *menu,
                          guint                  position,
                          guint                  n_cases,
                          const char            *today)
{
  VigilPresenterCase *self;

  g_return_val_if_fail ((item == NULL) == (dossier == NULL), NULL);
  g_return_val_if_fail (today != NULL, NULL);

  self = g_object_new (VIGIL_TYPE_PRESENTER_CASE, NULL);
  self->position = position;
  self->n_cases = n_cases;
  self->person_id = dossier ? dossier->person->record.id : 0;
  self->has_victims = dossier != NULL && dossier->victims != NULL && dossier->victims->len > 0;
  self->by_role = make_lines (item, dossier, actions, menu, position, n_cases, today, FALSE);
  self->named = self->has_victims ? make_lines (item, dossier, actions, menu, position, n_cases, today, TRUE)
                                  : g_ptr_array_ref (self->by_role);
  show_lines (self);
  return self;
}

guint
vigil_presenter_case_get_position (VigilPresenterCase *self)
{
  g_return_val_if_fail (VIGIL_IS_PRESENTER_CASE (self), 0);
  return self->position;
}

guint
vigil_presenter_case_get_n_cases (VigilPresenterCase *self)
{
  g_return_val_if_fail (VIGIL_IS_PRESENTER_CASE (self), 0);
  return self->n_cases;
}

gint64
vigil_presenter_case_get_person_id (VigilPresenterCase *self)
{
  g_return_val_if_fail (VIGIL_IS_PRESENTER_CASE (self), 0);
  return self->person_id;
}

gboolean
vigil_presenter_case_get_has_victims (VigilPresenterCase *self)
{
  g_return_val_if_fail (VIGIL_IS_PRESENTER_CASE (self), FALSE);
  return self->has_victims;
}

gboolean
vigil_presenter_case_get_show_names (VigilPresenterCase *self)
{
  g_return_val_if_fail (VIGIL_IS_PRESENTER_CASE (self), FALSE);
  return self->show_names;
}

void
vigil_presenter_case_set_show_names (VigilPresenterCase *self,
                                     gboolean            show_names)
{
  g_return_if_fail (VIGIL_IS_PRESENTER_CASE (self));

  show_names = !!show_names;
  if (self->show_names == show_names)
    return;
  self->show_names = show_names;
  if (self->has_victims)
    show_lines (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_NAMES]);
}

GListModel *
vigil_presenter_case_get_lines (VigilPresenterCase *self)
{
  g_return_val_if_fail (VIGIL_IS_PRESENTER_CASE (self), NULL);
  return G_LIST_MODEL (self->lines);
}

char *
vigil_presenter_case_dup_text (VigilPresenterCase *self)
{
  GString *text;

  g_return_val_if_fail (VIGIL_IS_PRESENTER_CASE (self), NULL);

  text = g_string_new (NULL);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->lines)); i++)
    {
      g_autoptr(VigilPanelEntry) line = g_list_model_get_item (G_LIST_MODEL (self->lines), i);

      g_string_append_printf (text, "%s\n", vigil_panel_entry_get_title (line));
    }
  return g_string_free (text, FALSE);
}
