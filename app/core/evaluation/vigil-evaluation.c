/* vigil-evaluation.c: outcome measures for the managed cohort (principle 8)
 *
 * One read of the store (cohort entries, interventions, actions, outcomes) and the fact
 * set (through the fact cache); everything else is arithmetic over each person's facts,
 * which the fact set keeps contiguous and by date.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vigil-evaluation"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "vigil-entities.h"
#include "vigil-evaluation.h"
#include "vigil-fact-cache.h"
#include "vigil-refresh.h"
#include "vigil-rfgv.h"
#include "vigil-tactical-menu.h"

#define N_QUARTERS     9
#define MAX_VICTIMS    64     /* distinct victims counted exactly with a small array */

struct _VigilEvaluation
{
  VigilEvaluationOptions options;
  VigilScoringProfile   *profile;
  VigilFactSet          *facts;
  gint32                *offence_points;
  guint8                 counted[256];      /* by the profile: for scores */
  guint8                 domestic[256];     /* and domestic: for the outcome measures */
  gint32                 end_day;
  char                  *end_date;

  GArray                *people;          /* VigilEvaluationPerson, managed then comparison */
  guint                  n_managed;
  VigilSurvival          survival[VIGIL_EVALUATION_N_GROUPS];
  GPtrArray             *breakdowns;      /* VigilBreakdownRow */
  VigilProcessMeasures   process;
  GArray                *outcomes;        /* VigilOutcomeSummary */
  GArray                *month_days;
  GArray                *month_in_cohort;
  GArray                *month_exited;
  guint                 *intervention_counts;
  guint                  n_categories;
  guint                  n_statuses;
};

G_DEFINE_QUARK (vigil-evaluation-error-quark, vigil_evaluation_error)

/* ------------------------------------------------------------------------------------
 * Options
 * ------------------------------------------------------------------------------------ */

void
vigil_evaluation_options_init (VigilEvaluationOptions *options)
{
  g_return_if_fail (options != NULL);

  memset (options, 0, sizeof *options);
  options->window_months[0] = 6;
  options->window_months[1] = 12;
  options->n_windows = 2;
  options->caliper = 2.0;
}

void
vigil_evaluation_options_clear (VigilEvaluationOptions *options)
{
  g_return_if_fail (options != NULL);

  g_clear_pointer (&options->adopted_from, g_free);
  g_clear_pointer (&options->adopted_to, g_free);
  g_clear_pointer (&options->end_date, g_free);
  g_clear_pointer (&options->area, g_free);
  g_clear_pointer (&options->route, g_free);
  g_clear_pointer (&options->category, g_free);
}

static void
options_copy (VigilEvaluationOptions       *to,
              const VigilEvaluationOptions *from)
{
  *to = *from;
  to->adopted_from = g_strdup (from->adopted_from);
  to->adopted_to = g_strdup (from->adopted_to);
  to->end_date = g_strdup (from->end_date);
  to->area = g_strdup (from->area);
  to->route = g_strdup (from->route);
  to->category = g_strdup (from->category);
}

static gboolean
is_choice (const char * const *choices,
           const char         *code)
{
  for (guint i = 0; choices[i] != NULL; i++)
    if (g_strcmp0 (choices[i], code) == 0)
      return TRUE;
  return FALSE;
}

static gint32
parse_option_day (const char  *text,
                  const char  *what,
                  GError     **error)
{
  gint32 day;

  if (text == NULL)
    return 0;
  day = strlen (text) == 10 ? vigil_rfgv_parse_day (text) : 0;
  if (day <= 0)
    g_set_error (error, VIGIL_EVALUATION_ERROR, VIGIL_EVALUATION_ERROR_INVALID,
                 /* Translators: %s: which date ("the end date"), %s: what was given */
                 _("%s “%s” is not a date (YYYY-MM-DD)"), what, text);
  return day;
}

static gboolean
check_options (const VigilEvaluationOptions *options,
               GError                      **error)
{
  g_autoptr(GError) local_error = NULL;
  gint32 from, to;

  if (options->n_windows < 1 || options->n_windows > VIGIL_EVALUATION_MAX_WINDOWS)
    {
      g_set_error (error, VIGIL_EVALUATION_ERROR, VIGIL_EVALUATION_ERROR_INVALID,
                   _("Give between 1 and %d windows"), VIGIL_EVALUATION_MAX_WINDOWS);
      return FALSE;
    }
  for (guint w = 0; w < options->n_windows; w++)
    if (options->window_months[w] < 1 || options->window_months[w] > 120)
      {
        g_set_error (error, VIGIL_EVALUATION_ERROR, VIGIL_EVALUATION_ERROR_INVALID,
                     _("The window of %d months is out of range: give 1 to 120 months"),
                     options->window_months[w]);
        return FALSE;
      }
  if (!(options->caliper >= 0 && options->caliper <= 1000))
    {
      g_set_error_literal (error, VIGIL_EVALUATION_ERROR, VIGIL_EVALUATION_ERROR_INVALID,
                           _("The comparison’s largest score difference must be between 0 and 1000"));
      return FALSE;
    }
  from = parse_option_day (options->adopted_from, _("The start of the date range"), &local_error);
  if (local_error == NULL)
    to = parse_option_day (options->adopted_to, _("The end of the date range"), &local_error);
  if (local_error == NULL)
    parse_option_day (options->end_date, _("The end date"), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (from > 0 && to > 0 && from > to)
    {
      g_set_error (error, VIGIL_EVALUATION_ERROR, VIGIL_EVALUATION_ERROR_INVALID,
                   _("The date range starts (%s) after it ends (%s)"),
                   options->adopted_from, options->adopted_to);
      return FALSE;
    }
  if (options->route != NULL && !is_choice (vigil_route_choices, options->route))
    {
      g_set_error (error, VIGIL_EVALUATION_ERROR, VIGIL_EVALUATION_ERROR_INVALID,
                   _("“%s” is not a route into the cohort"), options->route);
      return FALSE;
    }
  if (options->category != NULL && !is_choice (vigil_tactical_category_choices, options->category))
    {
      g_set_error (error, VIGIL_EVALUATION_ERROR, VIGIL_EVALUATION_ERROR_INVALID,
                   _("“%s” is not a category of the tactical menu"), options->category);
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------------------------
 * Days and facts
 * ------------------------------------------------------------------------------------ */

static gint32
add_months (gint32 day,
            int    months)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_julian (&date, (guint32) day);
  if (months >= 0)
    g_date_add_months (&date, (guint) months);
  else
    g_date_subtract_months (&date, (guint) -months);
  return (gint32) g_date_get_julian (&date);
}

static char *
format_day (gint32 day)
{
  GDate date;
  char text[16];

  if (day <= 0)
    return NULL;
  g_date_clear (&date, 1);
  g_date_set_julian (&date, (guint32) day);
  g_date_strftime (text, sizeof text, "%Y-%m-%d", &date);
  return g_strdup (text);
}

static const VigilFact *
person_facts (const VigilEvaluation *self,
              gint64                 person_id,
              guint                 *n)
{
  int person = vigil_fact_set_find_person (self->facts, person_id);
  guint first;

  *n = 0;
  if (person < 0)
    return NULL;
  first = vigil_fact_set_get_person_facts (self->facts, (guint) person, n);
  return vigil_fact_set_get_facts (self->facts) + first;
}

/* Counted incidents, harm and distinct victims with day in (lo, hi]. */
static void
measure_window (const VigilEvaluation *self,
                const guint8          *counted,
                const VigilFact       *facts,
                guint                  n,
                gint32                 lo,
                gint32                 hi,
                gint32                *out,
                gint32                *latest_day)
{
  gint32 victims[MAX_VICTIMS];
  guint n_victims = 0;
  gboolean overflow = FALSE;
  g_autoptr(GHashTable) more = NULL;

  out[VIGIL_MEASURE_INCIDENTS] = out[VIGIL_MEASURE_HARM] = out[VIGIL_MEASURE_VICTIMS] = 0;
  if (latest_day != NULL)
    *latest_day = 0;
  for (guint i = 0; i < n; i++)
    {
      const VigilFact *fact = &facts[i];
      gboolean seen = FALSE;

      if (fact->day <= lo)
        continue;
      if (fact->day > hi)
        break;
      if (!counted[fact->relationship])
        continue;
      out[VIGIL_MEASURE_INCIDENTS]++;
      out[VIGIL_MEASURE_HARM] += self->offence_points[fact->offence];
      if (latest_day != NULL)
        *latest_day = fact->day;
      if (fact->victim < 0)
        continue;
      for (guint v = 0; v < n_victims && !seen; v++)
        seen = victims[v] == fact->victim;
      if (!seen && overflow)
        seen = g_hash_table_contains (more, GINT_TO_POINTER (fact->victim + 1));
      if (seen)
        continue;
      if (n_victims < MAX_VICTIMS)
        victims[n_victims++] = fact->victim;
      else
        {
          if (more == NULL)
            more = g_hash_table_new (NULL, NULL);
          overflow = TRUE;
          g_hash_table_add (more, GINT_TO_POINTER (fact->victim + 1));
        }
      out[VIGIL_MEASURE_VICTIMS]++;
    }
}

static double
score_facts (const VigilEvaluation *self,
             const VigilFact       *facts,
             guint                  n,
             gint32                 day)
{
  const VigilScoringProfile *profile = self->profile;
  gint32 values[VIGIL_N_MEASURES], latest = 0;
  gint64 components[VIGIL_RFGV_N_COMPONENTS];
  double total = 0;

  measure_window (self, self->counted, facts, n, add_months (day, -profile->window_months), day, values, &latest);
  if (values[VIGIL_MEASURE_INCIDENTS] == 0)
    return 0;
  components[VIGIL_RFGV_RECENCY] = day - latest;
  components[VIGIL_RFGV_FREQUENCY] = values[VIGIL_MEASURE_INCIDENTS];
  components[VIGIL_RFGV_GRAVITY] = values[VIGIL_MEASURE_HARM];
  components[VIGIL_RFGV_VICTIMS] = values[VIGIL_MEASURE_VICTIMS];
  for (guint c = 0; c < VIGIL_RFGV_N_COMPONENTS; c++)
    total += profile->weights[c] * vigil_scoring_profile_get_points (profile, c, components[c], NULL);
  /* the engine's rounding: millionths */
  return llround (total * 1e6) / 1e6;
}

double
vigil_evaluation_score_person (const VigilEvaluation *self,
                               gint64                 person_id,
                               gint32                 day)
{
  const VigilFact *facts;
  guint n;

  g_return_val_if_fail (self != NULL, 0);

  facts = person_facts (self, person_id, &n);
  return score_facts (self, facts, n, day);
}

/* ------------------------------------------------------------------------------------
 * Reading the store
 * ------------------------------------------------------------------------------------ */

static const char *
cell_string (GdaDataModel *model,
             int           column,
             int           row)
{
  const GValue *value = gda_data_model_get_value_at (model, column, row, NULL);

  if (value == NULL || gda_value_is_null (value) || !G_VALUE_HOLDS_STRING (value))
    return NULL;
  return g_value_get_string (value);
}

static gint64
cell_int64 (GdaDataModel *model,
            int           column,
            int           row)
{
  const GValue *value = gda_data_model_get_value_at (model, column, row, NULL);

  if (value == NULL || gda_value_is_null (value))
    return 0;
  if (G_VALUE_HOLDS_INT64 (value))
    return g_value_get_int64 (value);
  if (G_VALUE_HOLDS_INT (value))
    return g_value_get_int (value);
  return 0;
}

static gint32
cell_day (GdaDataModel *model,
          int           column,
          int           row)
{
  const char *text = cell_string (model, column, row);

  return text != NULL ? vigil_rfgv_parse_day (text) : 0;
}

static gboolean
fail_read (GError **error,
           GError  *cause)
{
  g_set_error (error, VIGIL_EVALUATION_ERROR, VIGIL_EVALUATION_ERROR_FAILED,
               _("Could not read the store for the evaluation: %s"),
               cause != NULL ? cause->message : _("unknown error"));
  g_clear_error (&cause);
  return FALSE;
}

static void
person_clear (gpointer data)
{
  VigilEvaluationPerson *person = data;

  g_free (person->person_ref);
  g_free (person->status);
  g_free (person->route);
  g_free (person->area);
  g_free (person->exit_reason);
}

typedef struct
{
  VigilEvaluationPerson person;
  gboolean              adopted;    /* any of their entries was adopted */
  gboolean              used;       /* matched */
} Candidate;

/* Each person's first adopted entry, or for the never adopted their first entry. */
static gboolean
load_entries (VigilStore  *store,
              GArray      *candidates,
              GError     **error)
{
  static const GType types[] = {
    G_TYPE_INT64, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING,
    G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_NONE
  };
  GError *local_error = NULL;
  g_autoptr(GdaDataModel) model = NULL;
  gint64 previous = 0;
  int n;

  model = vigil_store_query (store,
                             "SELECT e.person_id, p.local_ref, e.status, e.route, e.area,"
                             " e.identified_on, e.adopted_on, e.exited_on, e.exit_reason"
                             " FROM cohort_entry e JOIN person p ON p.id = e.person_id"
                             " ORDER BY e.person_id, CASE WHEN e.adopted_on IS NULL THEN 1 ELSE 0 END, e.id",
                             NULL, 0, types, &local_error);
  if (model == NULL)
    return fail_read (error, local_error);
  n = gda_data_model_get_n_rows (model);
  for (int r = 0; r < n; r++)
    {
      Candidate candidate = { { 0, }, };
      VigilEvaluationPerson *person = &candidate.person;
      gint64 person_id = cell_int64 (model, 0, r);

      if (person_id == previous)
        continue;   /* later entries of the same person */
      previous = person_id;
      person->person_id = person_id;
      person->person_ref = g_strdup (cell_string (model, 1, r));
      person->status = g_strdup (cell_string (model, 2, r));
      person->route = g_strdup (cell_string (model, 3, r));
      person->area = g_strdup (cell_string (model, 4, r));
      person->identified_day = cell_day (model, 5, r);
      person->entry_day = cell_day (model, 6, r);
      person->exit_day = cell_day (model, 7, r);
      if (person->exit_day > 0)
        person->exit_reason = g_strdup (cell_string (model, 8, r));
      person->score_exit = NAN;
      person->survival_days = -1;
      candidate.adopted = person->entry_day > 0;
      g_array_append_val (candidates, candidate);
    }
  return TRUE;
}

static guint
category_bit (const char *category)
{
  for (guint i = 0; vigil_tactical_category_choices[i] != NULL; i++)
    if (g_strcmp0 (vigil_tactical_category_choices[i], category) == 0)
      return 1u << i;
  return 0;
}

static guint
choice_index (const char * const *choices,
              const char         *code,
              guint               otherwise)
{
  for (guint i = 0; choices[i] != NULL; i++)
    if (g_strcmp0 (choices[i], code) == 0)
      return i;
  return otherwise;
}

typedef struct
{
  gint64  person_id;
  guint   category;   /* index, or n_categories when unknown */
  guint   status;     /* index, or n_statuses when unknown */
  gboolean is_order;
  gint64  breaches;
} InterventionRow;

static gboolean
load_interventions (VigilStore         *store,
                    VigilTacticalMenu  *menu,
                    GArray             *rows,
                    GError            **error)
{
  static const GType types[] = { G_TYPE_INT64, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_INT64, G_TYPE_STRING, G_TYPE_NONE };
  GError *local_error = NULL;
  g_autoptr(GdaDataModel) model = NULL;
  guint n_categories = g_strv_length ((char **) vigil_tactical_category_choices);
  guint n_statuses = g_strv_length ((char **) vigil_intervention_status_choices);
  int n;

  model = vigil_store_query (store,
                             "SELECT pl.person_id, i.option_code, i.status, i.breaches, i.order_expires_on"
                             " FROM intervention i JOIN plan pl ON pl.id = i.plan_id",
                             NULL, 0, types, &local_error);
  if (model == NULL)
    return fail_read (error, local_error);
  n = gda_data_model_get_n_rows (model);
  for (int r = 0; r < n; r++)
    {
      const VigilTacticalOption *option = vigil_tactical_menu_lookup (menu, cell_string (model, 1, r));
      InterventionRow row;

      row.person_id = cell_int64 (model, 0, r);
      row.category = option != NULL ? choice_index (vigil_tactical_category_choices, option->category, n_categories)
                                    : n_categories;
      row.status = choice_index (vigil_intervention_status_choices, cell_string (model, 2, r), n_statuses);
      row.breaches = cell_int64 (model, 3, r);
      row.is_order = (option != NULL && option->is_order) || cell_string (model, 4, r) != NULL;
      g_array_append_val (rows, row);
    }
  return TRUE;
}

/* ------------------------------------------------------------------------------------
 * Measures
 * ------------------------------------------------------------------------------------ */

static gboolean
keep_managed (const VigilEvaluationOptions *options,
              const VigilEvaluationPerson  *person,
              gint32                        from,
              gint32                        to)
{
  if (from > 0 && person->entry_day < from)
    return FALSE;
  if (to > 0 && person->entry_day > to)
    return FALSE;
  if (options->area != NULL && g_strcmp0 (options->area, person->area) != 0)
    return FALSE;
  if (options->route != NULL && g_strcmp0 (options->route, person->route) != 0)
    return FALSE;
  if (options->category != NULL && (person->categories & category_bit (options->category)) == 0)
    return FALSE;
  return TRUE;
}

static void
measure_person (VigilEvaluation       *self,
                VigilEvaluationPerson *person)
{
  const VigilFact *facts;
  guint n;
  gint32 censor;

  facts = person_facts (self, person->person_id, &n);
  for (guint w = 0; w < self->options.n_windows; w++)
    {
      VigilEvaluationWindow *window = &person->windows[w];
      int months = self->options.window_months[w];
      gint32 after_end = add_months (person->entry_day, months);

      measure_window (self, self->domestic, facts, n, add_months (person->entry_day, -months), person->entry_day,
                      window->before, NULL);
      measure_window (self, self->domestic, facts, n, person->entry_day, after_end, window->after, NULL);
      window->observable = after_end <= self->end_day;
    }

  /* survival: the first counted incident after the entry day */
  censor = self->end_day;
  if (person->group == VIGIL_EVALUATION_MANAGED && person->exit_day > 0 && person->exit_day < censor)
    censor = person->exit_day;
  person->survival_days = -1;
  person->survival_event = FALSE;
  for (guint i = 0; i < n; i++)
    {
      if (facts[i].day <= person->entry_day || !self->domestic[facts[i].relationship])
        continue;
      if (facts[i].day <= censor)
        {
          person->survival_days = facts[i].day - person->entry_day;
          person->survival_event = TRUE;
        }
      break;
    }
  if (!person->survival_event && censor > person->entry_day)
    person->survival_days = censor - person->entry_day;

  person->score_entry = score_facts (self, facts, n, person->entry_day);
  person->score_latest = score_facts (self, facts, n, self->end_day);
  person->score_exit = person->exit_day > 0 && person->group == VIGIL_EVALUATION_MANAGED
                       ? score_facts (self, facts, n, person->exit_day) : NAN;
}

typedef struct
{
  gint32   days;
  gboolean event;
} SurvivalTime;

static int
compare_survival_times (gconstpointer a,
                        gconstpointer b)
{
  const SurvivalTime *x = a, *y = b;

  if (x->days != y->days)
    return x->days < y->days ? -1 : 1;
  /* events before censorings on the same day */
  return (int) y->event - (int) x->event;
}

static void
build_survival (VigilEvaluation      *self,
                VigilEvaluationGroup  group)
{
  VigilSurvival *survival = &self->survival[group];
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (SurvivalTime));
  double s = 1.0;
  guint i = 0;

  survival->steps = g_array_new (FALSE, FALSE, sizeof (VigilSurvivalStep));
  survival->median_days = -1;
  for (guint p = 0; p < self->people->len; p++)
    {
      const VigilEvaluationPerson *person = &g_array_index (self->people, VigilEvaluationPerson, p);
      SurvivalTime time;

      if (person->group != group || person->survival_days < 0)
        continue;
      time.days = person->survival_days;
      time.event = person->survival_event;
      g_array_append_val (times, time);
    }
  g_array_sort (times, compare_survival_times);
  survival->n = times->len;

  while (i < times->len)
    {
      VigilSurvivalStep step = { 0, };

      step.day = g_array_index (times, SurvivalTime, i).days;
      step.at_risk = times->len - i;
      for (; i < times->len && g_array_index (times, SurvivalTime, i).days == step.day; i++)
        {
          if (g_array_index (times, SurvivalTime, i).event)
            step.events++;
          else
            step.censored++;
        }
      if (step.events > 0)
        s *= 1.0 - (double) step.events / step.at_risk;
      step.survival = s;
      survival->events += step.events;
      survival->censored += step.censored;
      if (survival->median_days < 0 && step.events > 0 && s <= 0.5)
        survival->median_days = step.day;
      g_array_append_val (survival->steps, step);
    }
}

double
vigil_survival_at (const VigilSurvival *survival,
                   gint32               day)
{
  double s = 1.0;

  g_return_val_if_fail (survival != NULL, NAN);

  for (guint i = 0; survival->steps != NULL && i < survival->steps->len; i++)
    {
      const VigilSurvivalStep *step = &g_array_index (survival->steps, VigilSurvivalStep, i);

      if (step->day > day)
        break;
      s = step->survival;
    }
  return s;
}

static void
window_add (VigilWindowSummary          *summary,
            const VigilEvaluationPerson *person,
            guint                        window)
{
  summary->people++;
  if (!person->windows[window].observable)
    return;
  summary->observable++;
  for (guint m = 0; m < VIGIL_N_MEASURES; m++)
    {
      summary->before[m] += person->windows[window].before[m];
      summary->after[m] += person->windows[window].after[m];
    }
}

void
vigil_evaluation_summarise (const VigilEvaluation *self,
                            VigilEvaluationGroup   group,
                            guint                  window,
                            VigilWindowSummary    *out)
{
  g_return_if_fail (self != NULL && out != NULL);
  g_return_if_fail (window < self->options.n_windows);

  memset (out, 0, sizeof *out);
  for (guint p = 0; p < self->people->len; p++)
    {
      const VigilEvaluationPerson *person = &g_array_index (self->people, VigilEvaluationPerson, p);

      if (person->group == group)
        window_add (out, person, window);
    }
}

static void
breakdown_row_free (gpointer data)
{
  VigilBreakdownRow *row = data;

  g_free (row->kind);
  g_free (row->code);
  g_free (row->label);
  g_free (row);
}

static VigilBreakdownRow *
breakdown_row (VigilEvaluation *self,
               const char      *kind,
               const char      *code,
               const char      *label,
               gboolean       (*member) (const VigilEvaluationPerson *person, const char *code))
{
  VigilBreakdownRow *row = g_new0 (VigilBreakdownRow, 1);

  row->kind = g_strdup (kind);
  row->code = g_strdup (code);
  row->label = g_strdup (label);
  for (guint p = 0; p < self->n_managed; p++)
    {
      const VigilEvaluationPerson *person = &g_array_index (self->people, VigilEvaluationPerson, p);

      if (!member (person, code))
        continue;
      row->people++;
      window_add (&row->window, person, 0);
      row->score_entry_mean += person->score_entry;
      row->score_latest_mean += person->score_latest;
    }
  row->window.people = row->people;
  if (row->people > 0)
    {
      row->score_entry_mean /= row->people;
      row->score_latest_mean /= row->people;
    }
  return row;
}

static gboolean
has_category (const VigilEvaluationPerson *person,
              const char                  *code)
{
  return (person->categories & category_bit (code)) != 0;
}

static gboolean
has_route (const VigilEvaluationPerson *person,
           const char                  *code)
{
  return g_strcmp0 (person->route, code) == 0;
}

static gboolean
has_exit_reason (const VigilEvaluationPerson *person,
                 const char                  *code)
{
  if (*code == '\0')
    return person->exit_day == 0;
  return person->exit_day > 0 && g_strcmp0 (person->exit_reason, code) == 0;
}

static void
build_breakdowns (VigilEvaluation *self)
{
  self->breakdowns = g_ptr_array_new_with_free_func (breakdown_row_free);

  for (guint i = 0; vigil_tactical_category_choices[i] != NULL; i++)
    {
      const char *code = vigil_tactical_category_choices[i];
      VigilBreakdownRow *row = breakdown_row (self, "category", code, vigil_tactical_category_get_title (code), has_category);

      if (row->people > 0)
        g_ptr_array_add (self->breakdowns, row);
      else
        breakdown_row_free (row);
    }
  for (guint i = 0; vigil_route_choices[i] != NULL; i++)
    {
      const char *code = vigil_route_choices[i];
      VigilBreakdownRow *row = breakdown_row (self, "route", code, vigil_choice_get_label (vigil_route_choices, code), has_route);

      if (row->people > 0)
        g_ptr_array_add (self->breakdowns, row);
      else
        breakdown_row_free (row);
    }
  for (guint i = 0; vigil_exit_reason_choices[i] != NULL; i++)
    {
      const char *code = vigil_exit_reason_choices[i];
      VigilBreakdownRow *row = breakdown_row (self, "exit_reason", code,
                                              vigil_choice_get_label (vigil_exit_reason_choices, code), has_exit_reason);

      if (row->people > 0)
        g_ptr_array_add (self->breakdowns, row);
      else
        breakdown_row_free (row);
    }
  {
    VigilBreakdownRow *row = breakdown_row (self, "exit_reason", "", _("Not exited"), has_exit_reason);

    if (row->people > 0)
      g_ptr_array_add (self->breakdowns, row);
    else
      breakdown_row_free (row);
  }
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

static gboolean
build_process (VigilEvaluation *self,
               VigilStore      *store,
               GHashTable      *managed,
               GArray          *interventions,
               GError         **error)
{
  static const GType types[] = { G_TYPE_INT64, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_NONE };
  VigilProcessMeasures *process = &self->process;
  g_autoptr(GArray) days = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GdaDataModel) model = NULL;
  GError *local_error = NULL;
  guint agreed_from = choice_index (vigil_intervention_status_choices, "agreed", 0);
  guint completed = choice_index (vigil_intervention_status_choices, "completed", 0);
  guint not_progressed = choice_index (vigil_intervention_status_choices, "not_progressed", 0);
  guint breached = choice_index (vigil_intervention_status_choices, "breached", 0);
  double sum = 0;
  int n;

  for (guint p = 0; p < self->n_managed; p++)
    {
      const VigilEvaluationPerson *person = &g_array_index (self->people, VigilEvaluationPerson, p);
      double d;

      if (person->identified_day <= 0 || person->entry_day < person->identified_day)
        continue;
      d = person->entry_day - person->identified_day;
      g_array_append_val (days, d);
      sum += d;
    }
  process->adopted = days->len;
  process->days_to_panel_mean = days->len > 0 ? sum / days->len : NAN;
  process->days_to_panel_median = NAN;
  if (days->len > 0)
    {
      g_array_sort (days, compare_doubles);
      process->days_to_panel_median = days->len % 2 == 1
        ? g_array_index (days, double, days->len / 2)
        : (g_array_index (days, double, days->len / 2 - 1) + g_array_index (days, double, days->len / 2)) / 2;
    }

  for (guint i = 0; i < interventions->len; i++)
    {
      const InterventionRow *row = &g_array_index (interventions, InterventionRow, i);

      if (!g_hash_table_contains (managed, &row->person_id))
        continue;
      process->interventions++;
      if (row->status >= agreed_from && row->status != not_progressed && row->status < self->n_statuses)
        process->interventions_agreed++;
      if (row->status == completed)
        process->interventions_completed++;
      if (row->is_order)
        {
          process->orders++;
          if (row->status == breached || row->breaches > 0)
            process->orders_breached++;
          process->order_breaches += row->breaches;
        }
    }

  model = vigil_store_query (store,
                             "SELECT person_id, due_on, status, completed_on FROM panel_action"
                             " WHERE person_id IS NOT NULL AND due_on IS NOT NULL AND status <> 'cancelled'",
                             NULL, 0, types, &local_error);
  if (model == NULL)
    return fail_read (error, local_error);
  n = gda_data_model_get_n_rows (model);
  for (int r = 0; r < n; r++)
    {
      gint64 person_id = cell_int64 (model, 0, r);
      gint32 due = cell_day (model, 1, r);
      const char *status = cell_string (model, 2, r);
      gint32 done = cell_day (model, 3, r);

      if (!g_hash_table_contains (managed, &person_id) || due <= 0)
        continue;
      process->actions++;
      if (g_strcmp0 (status, "done") == 0)
        {
          process->actions_done++;
          if (done > 0 && done <= due)
            process->actions_done_on_time++;
        }
      else if (due < self->end_day)
        process->actions_overdue++;
    }
  return TRUE;
}

typedef struct
{
  VigilOutcomeSummary summary;
  double   first_sum, latest_sum;
  double   quarter_sum[N_QUARTERS];
  guint    quarter_n[N_QUARTERS];
  gint64   person_id;     /* the person of first/latest being tracked */
  gint64   first, latest;
} OutcomeTally;

static void
outcome_close_person (OutcomeTally *tally)
{
  if (tally->person_id == 0)
    return;
  tally->summary.people++;
  tally->first_sum += tally->first;
  tally->latest_sum += tally->latest;
  tally->person_id = 0;
}

static gboolean
build_outcomes (VigilEvaluation *self,
                VigilStore      *store,
                GHashTable      *managed,
                GError         **error)
{
  static const GType types[] = { G_TYPE_INT64, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_INT64, G_TYPE_NONE };
  guint n_measures = g_strv_length ((char **) vigil_outcome_measure_choices);
  guint n_sources = g_strv_length ((char **) vigil_outcome_source_choices);
  g_autofree OutcomeTally *tallies = g_new0 (OutcomeTally, n_measures * n_sources);
  g_autoptr(GdaDataModel) model = NULL;
  GError *local_error = NULL;
  guint *counts = g_new0 (guint, n_measures * n_sources);   /* observations of the current person */
  int n;

  model = vigil_store_query (store,
                             "SELECT person_id, measure, source, observed_on, rating FROM outcome_observation"
                             " ORDER BY person_id, observed_on, id",
                             NULL, 0, types, &local_error);
  if (model == NULL)
    {
      g_free (counts);
      return fail_read (error, local_error);
    }
  n = gda_data_model_get_n_rows (model);
  for (int r = 0; r < n; r++)
    {
      gint64 person_id = cell_int64 (model, 0, r);
      const VigilEvaluationPerson *person = g_hash_table_lookup (managed, &person_id);
      guint m = choice_index (vigil_outcome_measure_choices, cell_string (model, 1, r), n_measures);
      guint s = choice_index (vigil_outcome_source_choices, cell_string (model, 2, r), n_sources);
      gint32 day = cell_day (model, 3, r);
      gint64 rating = cell_int64 (model, 4, r);
      OutcomeTally *tally;
      guint q;

      if (person == NULL || m >= n_measures || s >= n_sources || day <= 0)
        continue;
      tally = &tallies[m * n_sources + s];
      if (tally->person_id != person_id)
        {
          /* a new person for this measure: settle the previous one */
          if (tally->person_id != 0)
            {
              guint *c = &counts[m * n_sources + s];

              if (*c >= 2)
                {
                  if (tally->latest > tally->first)
                    tally->summary.improved++;
                  else if (tally->latest < tally->first)
                    tally->summary.worse++;
                  else
                    tally->summary.unchanged++;
                }
              *c = 0;
              outcome_close_person (tally);
            }
          tally->person_id = person_id;
          tally->first = rating;
        }
      tally->latest = rating;
      counts[m * n_sources + s]++;
      tally->summary.observations++;
      q = day <= person->entry_day ? 0 : MIN ((guint) ((day - person->entry_day + 90) / 91), N_QUARTERS - 1);
      tally->quarter_sum[q] += rating;
      tally->quarter_n[q]++;
    }

  self->outcomes = g_array_new (FALSE, FALSE, sizeof (VigilOutcomeSummary));
  for (guint m = 0; m < n_measures; m++)
    for (guint s = 0; s < n_sources; s++)
      {
        OutcomeTally *tally = &tallies[m * n_sources + s];
        guint c = counts[m * n_sources + s];

        if (tally->person_id != 0 && c >= 2)
          {
            if (tally->latest > tally->first)
              tally->summary.improved++;
            else if (tally->latest < tally->first)
              tally->summary.worse++;
            else
              tally->summary.unchanged++;
          }
        outcome_close_person (tally);
        if (tally->summary.people == 0)
          continue;
        tally->summary.measure = g_strdup (vigil_outcome_measure_choices[m]);
        tally->summary.source = g_strdup (vigil_outcome_source_choices[s]);
        tally->summary.first_mean = tally->first_sum / tally->summary.people;
        tally->summary.latest_mean = tally->latest_sum / tally->summary.people;
        for (guint q = 0; q < N_QUARTERS; q++)
          tally->summary.quarter_means[q] = tally->quarter_n[q] > 0 ? tally->quarter_sum[q] / tally->quarter_n[q] : NAN;
        g_array_append_val (self->outcomes, tally->summary);
      }
  g_free (counts);
  return TRUE;
}

static void
build_cohort_size (VigilEvaluation *self)
{
  gint32 first = 0;
  GDate date;

  self->month_days = g_array_new (FALSE, FALSE, sizeof (gint32));
  self->month_in_cohort = g_array_new (FALSE, FALSE, sizeof (guint));
  self->month_exited = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint p = 0; p < self->n_managed; p++)
    {
      const VigilEvaluationPerson *person = &g_array_index (self->people, VigilEvaluationPerson, p);

      if (first == 0 || person->entry_day < first)
        first = person->entry_day;
    }
  if (first == 0 || first > self->end_day)
    return;

  /* month ends: the last day of the month of the first adoption, … up to the end date's */
  g_date_clear (&date, 1);
  g_date_set_julian (&date, (guint32) first);
  g_date_set_day (&date, g_date_get_days_in_month (g_date_get_month (&date), g_date_get_year (&date)));
  for (;;)
    {
      gint32 day = (gint32) g_date_get_julian (&date);
      guint in_cohort = 0, exited = 0;

      if (day > self->end_day)
        day = self->end_day;
      for (guint p = 0; p < self->n_managed; p++)
        {
          const VigilEvaluationPerson *person = &g_array_index (self->people, VigilEvaluationPerson, p);

          if (person->exit_day > 0 && person->exit_day <= day)
            exited++;
          else if (person->entry_day <= day)
            in_cohort++;
        }
      g_array_append_val (self->month_days, day);
      g_array_append_val (self->month_in_cohort, in_cohort);
      g_array_append_val (self->month_exited, exited);
      if (day >= self->end_day || self->month_days->len > 1200)
        break;
      g_date_set_day (&date, 1);
      g_date_add_months (&date, 1);
      g_date_set_day (&date, g_date_get_days_in_month (g_date_get_month (&date), g_date_get_year (&date)));
    }
}

static int
compare_managed (gconstpointer a,
                 gconstpointer b)
{
  const VigilEvaluationPerson *x = a, *y = b;

  if (x->group != y->group)
    return x->group < y->group ? -1 : 1;
  if (x->entry_day != y->entry_day)
    return x->entry_day < y->entry_day ? -1 : 1;
  return x->person_id < y->person_id ? -1 : x->person_id > y->person_id ? 1 : 0;
}

/* Each managed person, in order of entry, takes the unused comparison candidate whose
 * score at that entry date is nearest theirs (within the caliper; ties: lower id). */
static void
match_comparison (VigilEvaluation *self,
                  GArray          *candidates,
                  GCancellable    *cancellable)
{
  g_autoptr(GArray) pool = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autofree const VigilFact **pool_facts = NULL;
  g_autofree guint *pool_n = NULL;
  guint n_managed = self->n_managed;

  for (guint i = 0; i < candidates->len; i++)
    {
      Candidate *candidate = &g_array_index (candidates, Candidate, i);

      if (candidate->adopted)
        continue;
      if (self->options.area != NULL && g_strcmp0 (self->options.area, candidate->person.area) != 0)
        continue;
      g_array_append_val (pool, i);
    }
  if (pool->len == 0)
    return;
  pool_facts = g_new (const VigilFact *, pool->len);
  pool_n = g_new (guint, pool->len);
  for (guint k = 0; k < pool->len; k++)
    pool_facts[k] = person_facts (self, g_array_index (candidates, Candidate, g_array_index (pool, guint, k)).person.person_id,
                                  &pool_n[k]);

  for (guint p = 0; p < n_managed; p++)
    {
      VigilEvaluationPerson *managed = &g_array_index (self->people, VigilEvaluationPerson, p);
      int best = -1;
      double best_diff = 0;

      if (g_cancellable_is_cancelled (cancellable))
        return;
      for (guint k = 0; k < pool->len; k++)
        {
          Candidate *candidate = &g_array_index (candidates, Candidate, g_array_index (pool, guint, k));
          double score, diff;

          if (candidate->used || pool_n[k] == 0)
            continue;
          score = score_facts (self, pool_facts[k], pool_n[k], managed->entry_day);
          if (score <= 0)
            continue;
          diff = fabs (score - managed->score_entry);
          if (diff > self->options.caliper + 1e-9)
            continue;
          if (best < 0 || diff < best_diff - 1e-9)
            {
              best = (int) k;
              best_diff = diff;
            }
        }
      if (best >= 0)
        {
          Candidate *candidate = &g_array_index (candidates, Candidate, g_array_index (pool, guint, best));
          VigilEvaluationPerson copy = candidate->person;

          candidate->used = TRUE;
          copy.person_ref = g_strdup (copy.person_ref);
          copy.status = g_strdup (copy.status);
          copy.route = g_strdup (copy.route);
          copy.area = g_strdup (copy.area);
          copy.exit_reason = NULL;
          copy.group = VIGIL_EVALUATION_COMPARISON;
          copy.entry_day = managed->entry_day;
          copy.exit_day = 0;
          copy.matched_to = managed->person_id;
          managed->matched_to = copy.person_id;
          measure_person (self, &copy);
          g_array_append_val (self->people, copy);
          /* the append may move the array: find the managed person again next round */
          managed = NULL;
        }
    }
}

/* ------------------------------------------------------------------------------------
 * The run
 * ------------------------------------------------------------------------------------ */

/* How far an evaluation is: the share of the work each stage ends at. */
#define SHARE_PROFILE   0.05
#define SHARE_FACTS     0.55
#define SHARE_ENTRIES   0.70
#define SHARE_MEASURED  0.85
#define SHARE_MATCHED   0.95

static VigilEvaluation *
run_evaluation (VigilStore                    *store,
                const VigilScoringProfile     *profile,
                const VigilEvaluationOptions  *options,
                VigilProgress                 *progress,
                GCancellable                  *cancellable,
                GError                       **error)
{
  g_autoptr(VigilEvaluation) self = NULL;
  g_autoptr(GArray) candidates = NULL;
  g_autoptr(GArray) interventions = NULL;
  g_autoptr(GHashTable) managed = NULL;
  g_autoptr(VigilTacticalMenu) menu = NULL;
  VigilEvaluationOptions defaults;
  gint32 from, to;

  g_return_val_if_fail (VIGIL_IS_STORE (store), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  vigil_evaluation_options_init (&defaults);
  if (options == NULL)
    options = &defaults;
  if (!check_options (options, error))
    return NULL;

  self = g_new0 (VigilEvaluation, 1);
  options_copy (&self->options, options);
  self->n_categories = g_strv_length ((char **) vigil_tactical_category_choices);
  self->n_statuses = g_strv_length ((char **) vigil_intervention_status_choices);
  if (profile != NULL)
    self->profile = vigil_scoring_profile_copy (profile);
  else
    {
      /* the profile of the latest stored run: the force's own when it has one */
      g_autoptr(VigilStoredRun) run = NULL;

      if (!vigil_refresh_load_latest (store, &run, error))
        return NULL;
      if (run != NULL && run->profile != NULL)
        self->profile = vigil_scoring_profile_copy (run->profile);
      else
        self->profile = vigil_scoring_profile_load_default (error);
      if (self->profile == NULL)
        return NULL;
    }
  menu = vigil_tactical_menu_load_for_store (store, error);
  if (menu == NULL)
    return NULL;
  vigil_progress_report (progress, SHARE_PROFILE, _("Reading the incidents…"));

  self->facts = vigil_fact_cache_load (store, cancellable, NULL, error);
  if (self->facts == NULL)
    return NULL;
  vigil_progress_report (progress, SHARE_FACTS, _("Reading the cohort and its interventions…"));
  self->offence_points = g_new (gint32, MAX (vigil_fact_set_get_n_offences (self->facts), 1));
  for (guint i = 0; i < vigil_fact_set_get_n_offences (self->facts); i++)
    self->offence_points[i] = vigil_scoring_profile_get_offence_points (self->profile,
                                                                         vigil_fact_set_get_offence_code (self->facts, i),
                                                                         NULL);
  for (guint r = 0; r < VIGIL_N_RELATIONSHIPS; r++)
    {
      self->counted[r] = (self->profile->relationships >> r) & 1;
      self->domestic[r] = self->counted[r] && r != VIGIL_RELATIONSHIP_NON_DOMESTIC;
    }

  /* the data's end date */
  if (self->options.end_date != NULL)
    self->end_day = vigil_rfgv_parse_day (self->options.end_date);
  else
    {
      const VigilFact *facts = vigil_fact_set_get_facts (self->facts);
      guint n = vigil_fact_set_get_n_facts (self->facts);

      for (guint i = 0; i < n; i++)
        self->end_day = MAX (self->end_day, facts[i].day);
      if (self->end_day == 0)
        {
          GDate today;

          g_date_clear (&today, 1);
          g_date_set_time_t (&today, time (NULL));
          self->end_day = (gint32) g_date_get_julian (&today);
        }
    }
  self->end_date = format_day (self->end_day);

  candidates = g_array_new (FALSE, TRUE, sizeof (Candidate));
  if (!load_entries (store, candidates, error))
    {
      for (guint i = 0; i < candidates->len; i++)
        person_clear (&g_array_index (candidates, Candidate, i).person);
      return NULL;
    }
  interventions = g_array_new (FALSE, FALSE, sizeof (InterventionRow));
  if (!load_interventions (store, menu, interventions, error))
    {
      for (guint i = 0; i < candidates->len; i++)
        person_clear (&g_array_index (candidates, Candidate, i).person);
      return NULL;
    }
  {
    g_autoptr(GHashTable) by_person = g_hash_table_new (g_int64_hash, g_int64_equal);

    for (guint i = 0; i < candidates->len; i++)
      {
        Candidate *candidate = &g_array_index (candidates, Candidate, i);

        g_hash_table_insert (by_person, &candidate->person.person_id, candidate);
      }
    for (guint i = 0; i < interventions->len; i++)
      {
        const InterventionRow *row = &g_array_index (interventions, InterventionRow, i);
        Candidate *candidate = g_hash_table_lookup (by_person, &row->person_id);

        if (candidate != NULL && row->category < 31)
          candidate->person.categories |= 1u << row->category;
      }
  }

  vigil_progress_report (progress, SHARE_ENTRIES, _("Measuring the managed cohort…"));

  /* the managed, filtered, by entry date */
  self->people = g_array_new (FALSE, TRUE, sizeof (VigilEvaluationPerson));
  g_array_set_clear_func (self->people, person_clear);
  from = self->options.adopted_from != NULL ? vigil_rfgv_parse_day (self->options.adopted_from) : 0;
  to = self->options.adopted_to != NULL ? vigil_rfgv_parse_day (self->options.adopted_to) : 0;
  for (guint i = 0; i < candidates->len; i++)
    {
      Candidate *candidate = &g_array_index (candidates, Candidate, i);
      VigilEvaluationPerson copy;

      if (!candidate->adopted || candidate->person.entry_day > self->end_day
          || !keep_managed (&self->options, &candidate->person, from, to))
        continue;
      copy = candidate->person;
      copy.person_ref = g_strdup (copy.person_ref);
      copy.status = g_strdup (copy.status);
      copy.route = g_strdup (copy.route);
      copy.area = g_strdup (copy.area);
      copy.exit_reason = g_strdup (copy.exit_reason);
      copy.group = VIGIL_EVALUATION_MANAGED;
      g_array_append_val (self->people, copy);
    }
  g_array_sort (self->people, compare_managed);
  self->n_managed = self->people->len;
  for (guint p = 0; p < self->n_managed; p++)
    {
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          for (guint i = 0; i < candidates->len; i++)
            person_clear (&g_array_index (candidates, Candidate, i).person);
          return NULL;
        }
      measure_person (self, &g_array_index (self->people, VigilEvaluationPerson, p));
      if (p % 64 == 0)
        vigil_progress_report (progress,
                               SHARE_ENTRIES + (SHARE_MEASURED - SHARE_ENTRIES) * p / MAX (self->n_managed, 1),
                               NULL);
    }

  vigil_progress_report (progress, SHARE_MEASURED, _("Matching a comparison group…"));
  match_comparison (self, candidates, cancellable);
  for (guint i = 0; i < candidates->len; i++)
    person_clear (&g_array_index (candidates, Candidate, i).person);
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  vigil_progress_report (progress, SHARE_MATCHED, _("Summing up…"));
  for (guint g = 0; g < VIGIL_EVALUATION_N_GROUPS; g++)
    build_survival (self, g);
  build_breakdowns (self);

  managed = g_hash_table_new (g_int64_hash, g_int64_equal);
  for (guint p = 0; p < self->n_managed; p++)
    {
      VigilEvaluationPerson *person = &g_array_index (self->people, VigilEvaluationPerson, p);

      g_hash_table_insert (managed, &person->person_id, person);
    }
  if (!build_process (self, store, managed, interventions, error))
    return NULL;
  if (!build_outcomes (self, store, managed, error))
    return NULL;
  build_cohort_size (self);

  self->intervention_counts = g_new0 (guint, self->n_categories * self->n_statuses);
  for (guint i = 0; i < interventions->len; i++)
    {
      const InterventionRow *row = &g_array_index (interventions, InterventionRow, i);

      if (row->category < self->n_categories && row->status < self->n_statuses
          && g_hash_table_contains (managed, &row->person_id))
        self->intervention_counts[row->category * self->n_statuses + row->status]++;
    }

  return g_steal_pointer (&self);
}

void
vigil_evaluation_free (VigilEvaluation *self)
{
  if (self == NULL)
    return;

  vigil_evaluation_options_clear (&self->options);
  g_clear_pointer (&self->profile, vigil_scoring_profile_free);
  g_clear_pointer (&self->facts, vigil_fact_set_unref);
  g_free (self->offence_points);
  g_free (self->end_date);
  g_clear_pointer (&self->people, g_array_unref);
  for (guint g = 0; g < VIGIL_EVALUATION_N_GROUPS; g++)
    g_clear_pointer (&self->survival[g].steps, g_array_unref);
  g_clear_pointer (&self->breakdowns, g_ptr_array_unref);
  if (self->outcomes != NULL)
    {
      for (guint i = 0; i < self->outcomes->len; i++)
        {
          VigilOutcomeSummary *summary = &g_array_index (self->outcomes, VigilOutcomeSummary, i);

          g_free (summary->measure);
          g_free (summary->source);
        }
      g_array_unref (self->outcomes);
    }
  g_clear_pointer (&self->month_days, g_array_unref);
  g_clear_pointer (&self->month_in_cohort, g_array_unref);
  g_clear_pointer (&self->month_exited, g_array_unref);
  g_free (self->intervention_counts);
  g_free (self);
}

/* ------------------------------------------------------------------------------------
 * Accessors
 * ------------------------------------------------------------------------------------ */

const VigilEvaluationOptions *
vigil_evaluation_get_options (const VigilEvaluation *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->options;
}

const char *
vigil_evaluation_get_end_date (const VigilEvaluation *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->end_date;
}

const VigilScoringProfile *
vigil_evaluation_get_profile (const VigilEvaluation *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->profile;
}

const VigilEvaluationPerson *
vigil_evaluation_get_people (const VigilEvaluation *self,
                             guint                 *n_people)
{
  g_return_val_if_fail (self != NULL, NULL);
  if (n_people != NULL)
    *n_people = self->people->len;
  return (const VigilEvaluationPerson *) (gpointer) self->people->data;
}

guint
vigil_evaluation_count_group (const VigilEvaluation *self,
                              VigilEvaluationGroup   group)
{
  g_return_val_if_fail (self != NULL, 0);
  return group == VIGIL_EVALUATION_MANAGED ? self->n_managed : self->people->len - self->n_managed;
}

const VigilSurvival *
vigil_evaluation_get_survival (const VigilEvaluation *self,
                               VigilEvaluationGroup   group)
{
  g_return_val_if_fail (self != NULL && group < VIGIL_EVALUATION_N_GROUPS, NULL);
  return &self->survival[group];
}

void
vigil_evaluation_score_means (const VigilEvaluation *self,
                              VigilEvaluationGroup   group,
                              double                *entry,
                              double                *latest,
                              double                *exit,
                              guint                 *n_exited)
{
  double sum_entry = 0, sum_latest = 0, sum_exit = 0;
  guint n = 0, n_exit = 0;

  g_return_if_fail (self != NULL);

  for (guint p = 0; p < self->people->len; p++)
    {
      const VigilEvaluationPerson *person = &g_array_index (self->people, VigilEvaluationPerson, p);

      if (person->group != group)
        continue;
      n++;
      sum_entry += person->score_entry;
      sum_latest += person->score_latest;
      if (!isnan (person->score_exit))
        {
          n_exit++;
          sum_exit += person->score_exit;
        }
    }
  if (entry != NULL)
    *entry = n > 0 ? sum_entry / n : NAN;
  if (latest != NULL)
    *latest = n > 0 ? sum_latest / n : NAN;
  if (exit != NULL)
    *exit = n_exit > 0 ? sum_exit / n_exit : NAN;
  if (n_exited != NULL)
    *n_exited = n_exit;
}

double
vigil_evaluation_score_after (const VigilEvaluation *self,
                              VigilEvaluationGroup   group,
                              int                    months,
                              guint                 *n_observed)
{
  double sum = 0;
  guint n = 0;

  g_return_val_if_fail (self != NULL, NAN);

  for (guint p = 0; p < self->people->len; p++)
    {
      const VigilEvaluationPerson *person = &g_array_index (self->people, VigilEvaluationPerson, p);
      gint32 day;

      if (person->group != group)
        continue;
      day = add_months (person->entry_day, months);
      if (day > self->end_day)
        continue;
      n++;
      sum += months == 0 ? person->score_entry : vigil_evaluation_score_person (self, person->person_id, day);
    }
  if (n_observed != NULL)
    *n_observed = n;
  return n > 0 ? sum / n : NAN;
}

GPtrArray *
vigil_evaluation_get_breakdowns (const VigilEvaluation *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->breakdowns;
}

const VigilProcessMeasures *
vigil_evaluation_get_process (const VigilEvaluation *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->process;
}

GArray *
vigil_evaluation_get_outcomes (const VigilEvaluation *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->outcomes;
}

guint
vigil_evaluation_get_cohort_size (const VigilEvaluation  *self,
                                  const gint32          **days,
                                  const guint           **in_cohort,
                                  const guint           **exited)
{
  g_return_val_if_fail (self != NULL, 0);
  if (days != NULL)
    *days = (const gint32 *) (gpointer) self->month_days->data;
  if (in_cohort != NULL)
    *in_cohort = (const guint *) (gpointer) self->month_in_cohort->data;
  if (exited != NULL)
    *exited = (const guint *) (gpointer) self->month_exited->data;
  return self->month_days->len;
}

const guint *
vigil_evaluation_get_intervention_counts (const VigilEvaluation *self,
                                          guint                 *n_categories,
                                          guint                 *n_statuses)
{
  g_return_val_if_fail (self != NULL, NULL);
  if (n_categories != NULL)
    *n_categories = self->n_categories;
  if (n_statuses != NULL)
    *n_statuses = self->n_statuses;
  return self->intervention_counts;
}

const char *
vigil_evaluation_get_caveat (void)
{
  return _("Police-recorded incidents under-count re-victimisation: many incidents are never "
           "reported, so fewer recorded incidents is not proof of less abuse. The comparison "
           "group is people of concern who were not managed, matched on score; it is not a "
           "randomised trial.");
}

/* ------------------------------------------------------------------------------------
 * The report: sections of rows, printed as a table, CSV or JSON
 * ------------------------------------------------------------------------------------ */

typedef struct
{
  const char *key;      /* "before_after" */
  char       *title;    /* translated */
  guint       n_text;   /* leading columns that are codes or text (JSON strings) */
  GPtrArray  *columns;  /* keys, then titles at the same index in titles */
  GPtrArray  *titles;
  GPtrArray  *rows;     /* GStrv */
} Section;

static void
section_free (gpointer data)
{
  Section *section = data;

  g_free (section->title);
  g_ptr_array_unref (section->columns);
  g_ptr_array_unref (section->titles);
  g_ptr_array_unref (section->rows);
  g_free (section);
}

static Section *
section_new (GPtrArray  *sections,
             const char *key,
             guint       n_text,
             const char *title,
             ...)
{
  Section *section = g_new0 (Section, 1);
  const char *column;
  va_list args;

  section->key = key;
  section->n_text = n_text;
  section->title = g_strdup (title);
  section->columns = g_ptr_array_new ();
  section->titles = g_ptr_array_new_with_free_func (g_free);
  section->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  va_start (args, title);
  while ((column = va_arg (args, const char *)) != NULL)
    {
      g_ptr_array_add (section->columns, (gpointer) column);
      g_ptr_array_add (section->titles, g_strdup (va_arg (args, const char *)));
    }
  va_end (args);
  g_ptr_array_add (sections, section);
  return section;
}

/* Takes the cells (g_strdup'ed, NULL-terminated). */
static void
section_add_row (Section *section,
                 ...)
{
  GPtrArray *cells = g_ptr_array_new ();
  char *cell;
  va_list args;

  va_start (args, section);
  for (guint i = 0; i < section->columns->len; i++)
    {
      cell = va_arg (args, char *);
      g_ptr_array_add (cells, cell != NULL ? cell : g_strdup (""));
    }
  va_end (args);
  g_ptr_array_add (cells, NULL);
  g_ptr_array_add (section->rows, g_ptr_array_free (cells, FALSE));
}

static char *
num_u (guint64 value)
{
  return g_strdup_printf ("%" G_GUINT64_FORMAT, value);
}

static char *
num_f (double value,
       int    digits)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];
  char format[8];

  if (isnan (value) || isinf (value))
    return g_strdup ("");
  g_snprintf (format, sizeof format, "%%.%df", digits);
  return g_strdup (g_ascii_formatd (buffer, sizeof buffer, format, value));
}

static char *
change_percent (gint64 before,
                gint64 after)
{
  if (before == 0)
    return g_strdup ("");
  return num_f (100.0 * (double) (after - before) / (double) before, 1);
}

static const char *
group_key (VigilEvaluationGroup group)
{
  return group == VIGIL_EVALUATION_MANAGED ? "managed" : "comparison";
}

const char *
vigil_evaluation_group_label (VigilEvaluationGroup group)
{
  return group == VIGIL_EVALUATION_MANAGED ? _("Managed") : _("Comparison");
}

static const struct
{
  const char *key;
  const char *label;
} process_labels[] = {
  { "adopted_with_dates", N_("Adopted, with identification and adoption dates") },
  { "days_to_panel_median", N_("Days from identification to panel, median") },
  { "days_to_panel_mean", N_("Days from identification to panel, mean") },
  { "interventions", N_("Interventions") },
  { "interventions_agreed", N_("Interventions agreed") },
  { "interventions_completed", N_("Interventions completed") },
  { "actions_due", N_("Panel actions with a due date") },
  { "actions_done", N_("Panel actions done") },
  { "actions_done_on_time", N_("Panel actions done on time") },
  { "actions_overdue", N_("Panel actions open past their due date") },
  { "orders", N_("Orders") },
  { "orders_breached", N_("Orders breached") },
  { "order_breaches", N_("Breaches recorded") },
};

/* A code, or for the table its label */
static char *
cell_code (gboolean    human,
           const char *code,
           const char *label)
{
  return g_strdup (human ? label : code);
}

static char *
process_cell (gboolean    human,
              const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (process_labels); i++)
    if (g_str_equal (process_labels[i].key, key))
      return cell_code (human, key, _(process_labels[i].label));
  g_return_val_if_reached (g_strdup (key));
}

static GPtrArray *
build_sections (const VigilEvaluation *self,
                gboolean               with_people)
{
  const gboolean human = !with_people;
  GPtrArray *sections = g_ptr_array_new_with_free_func (section_free);
  const VigilProcessMeasures *process = &self->process;
  Section *section;

  section = section_new (sections, "before_after", 1, _("Before and after cohort entry"),
                         "group", _("Group"), "window_months", _("Window (months)"),
                         "people", _("People"), "observable", _("Observable"),
                         "incidents_before", _("Incidents before"), "incidents_after", _("Incidents after"),
                         "incidents_change_percent", _("Change %"),
                         "harm_before", _("Harm before"), "harm_after", _("Harm after"),
                         "harm_change_percent", _("Change %"),
                         "victims_before", _("Victims before"), "victims_after", _("Victims after"),
                         "victims_change_percent", _("Change %"), NULL);
  for (guint w = 0; w < self->options.n_windows; w++)
    for (guint g = 0; g < VIGIL_EVALUATION_N_GROUPS; g++)
      {
        VigilWindowSummary summary;

        vigil_evaluation_summarise (self, g, w, &summary);
        section_add_row (section, cell_code (human, group_key (g), vigil_evaluation_group_label (g)), num_u ((guint) self->options.window_months[w]),
                         num_u (summary.people), num_u (summary.observable),
                         num_u (summary.before[0]), num_u (summary.after[0]), change_percent (summary.before[0], summary.after[0]),
                         num_u (summary.before[1]), num_u (summary.after[1]), change_percent (summary.before[1], summary.after[1]),
                         num_u (summary.before[2]), num_u (summary.after[2]), change_percent (summary.before[2], summary.after[2]));
      }

  section = section_new (sections, "survival", 1, _("Time to the next incident (Kaplan–Meier)"),
                         "group", _("Group"), "people", _("People"), "events", _("Incidents"),
                         "censored", _("Censored"), "median_days", _("Median days"),
                         "without_90_percent", _("None by 90 days %"),
                         "without_180_percent", _("By 180 days %"),
                         "without_365_percent", _("By 365 days %"), NULL);
  for (guint g = 0; g < VIGIL_EVALUATION_N_GROUPS; g++)
    {
      const VigilSurvival *survival = &self->survival[g];

      section_add_row (section, cell_code (human, group_key (g), vigil_evaluation_group_label (g)), num_u (survival->n), num_u (survival->events),
                       num_u (survival->censored),
                       survival->median_days >= 0 ? num_u ((guint) survival->median_days) : g_strdup (""),
                       survival->n > 0 ? num_f (100 * vigil_survival_at (survival, 90), 1) : g_strdup (""),
                       survival->n > 0 ? num_f (100 * vigil_survival_at (survival, 180), 1) : g_strdup (""),
                       survival->n > 0 ? num_f (100 * vigil_survival_at (survival, 365), 1) : g_strdup (""));
    }

  section = section_new (sections, "scores", 1, _("RFGV score at entry, latest and at exit"),
                         "group", _("Group"), "people", _("People"), "mean_at_entry", _("Mean at entry"),
                         "mean_latest", _("Mean latest"), "exited", _("Exited"),
                         "mean_at_exit", _("Mean at exit"), NULL);
  for (guint g = 0; g < VIGIL_EVALUATION_N_GROUPS; g++)
    {
      double entry, latest, exit;
      guint n_exited;

      vigil_evaluation_score_means (self, g, &entry, &latest, &exit, &n_exited);
      section_add_row (section, cell_code (human, group_key (g), vigil_evaluation_group_label (g)), num_u (vigil_evaluation_count_group (self, g)),
                       num_f (entry, 2), num_f (latest, 2), num_u (n_exited), num_f (exit, 2));
    }

  section = section_new (sections, "breakdowns", 3, _("Managed people by intervention, route and exit"),
                         "kind", _("By"), "code", _("Code"), "label", _("Group"),
                         "people", _("People"), "observable", _("Observable"),
                         "incidents_before", _("Incidents before"), "incidents_after", _("Incidents after"),
                         "incidents_change_percent", _("Change %"),
                         "harm_before", _("Harm before"), "harm_after", _("Harm after"),
                         "mean_score_at_entry", _("Score at entry"), "mean_score_latest", _("Score latest"), NULL);
  for (guint i = 0; i < self->breakdowns->len; i++)
    {
      const VigilBreakdownRow *row = g_ptr_array_index (self->breakdowns, i);

      const char *kind_label = g_str_equal (row->kind, "category") ? _("Intervention")
                               : g_str_equal (row->kind, "route") ? _("Route") : _("Exit reason");

      section_add_row (section, cell_code (human, row->kind, kind_label), g_strdup (row->code), g_strdup (row->label),
                       num_u (row->people), num_u (row->window.observable),
                       num_u (row->window.before[0]), num_u (row->window.after[0]),
                       change_percent (row->window.before[0], row->window.after[0]),
                       num_u (row->window.before[1]), num_u (row->window.after[1]),
                       num_f (row->score_entry_mean, 2), num_f (row->score_latest_mean, 2));
    }

  section = section_new (sections, "process", 1, _("Process measures"),
                         "measure", _("Measure"), "value", _("Value"), NULL);
  section_add_row (section, process_cell (human, "adopted_with_dates"), num_u (process->adopted));
  section_add_row (section, process_cell (human, "days_to_panel_median"), num_f (process->days_to_panel_median, 1));
  section_add_row (section, process_cell (human, "days_to_panel_mean"), num_f (process->days_to_panel_mean, 1));
  section_add_row (section, process_cell (human, "interventions"), num_u (process->interventions));
  section_add_row (section, process_cell (human, "interventions_agreed"), num_u (process->interventions_agreed));
  section_add_row (section, process_cell (human, "interventions_completed"), num_u (process->interventions_completed));
  section_add_row (section, process_cell (human, "actions_due"), num_u (process->actions));
  section_add_row (section, process_cell (human, "actions_done"), num_u (process->actions_done));
  section_add_row (section, process_cell (human, "actions_done_on_time"), num_u (process->actions_done_on_time));
  section_add_row (section, process_cell (human, "actions_overdue"), num_u (process->actions_overdue));
  section_add_row (section, process_cell (human, "orders"), num_u (process->orders));
  section_add_row (section, process_cell (human, "orders_breached"), num_u (process->orders_breached));
  section_add_row (section, process_cell (human, "order_breaches"), num_u ((guint64) process->order_breaches));

  section = section_new (sections, "outcomes", 2, _("Victim-reported and IDVA-rated outcomes"),
                         "measure", _("Measure"), "source", _("Source"), "people", _("People"),
                         "observations", _("Ratings"), "improved", _("Improved"), "worse", _("Worse"),
                         "unchanged", _("No change"), "first_mean", _("First mean"),
                         "latest_mean", _("Latest mean"), NULL);
  for (guint i = 0; i < self->outcomes->len; i++)
    {
      const VigilOutcomeSummary *summary = &g_array_index (self->outcomes, VigilOutcomeSummary, i);

      section_add_row (section,
                       cell_code (human, summary->measure, vigil_choice_get_label (vigil_outcome_measure_choices, summary->measure)),
                       cell_code (human, summary->source, vigil_choice_get_label (vigil_outcome_source_choices, summary->source)),
                       num_u (summary->people),
                       num_u (summary->observations), num_u (summary->improved), num_u (summary->worse),
                       num_u (summary->unchanged), num_f (summary->first_mean, 2), num_f (summary->latest_mean, 2));
    }

  if (with_people)
    {
      int w0 = self->options.window_months[0];
      g_autofree char *before = g_strdup_printf ("incidents_before_%d", w0);
      g_autofree char *after = g_strdup_printf ("incidents_after_%d", w0);

      section = section_new (sections, "people", 8, _("People"),
                             "ref", _("Reference"), "group", _("Group"), "matched_to", _("Matched to"),
                             "status", _("Status"), "route", _("Route"), "entry", _("Entry"), "exit", _("Exit"),
                             "observable", _("Observable"),
                             "incidents_before", _("Incidents before"), "incidents_after", _("Incidents after"),
                             "harm_before", _("Harm before"), "harm_after", _("Harm after"),
                             "days_to_incident_or_censoring", _("Days"), "incident", _("Incident"),
                             "score_at_entry", _("Score at entry"), "score_latest", _("Score latest"),
                             "score_at_exit", _("Score at exit"), NULL);
      for (guint p = 0; p < self->people->len; p++)
        {
          const VigilEvaluationPerson *person = &g_array_index (self->people, VigilEvaluationPerson, p);
          const char *matched = NULL;

          if (person->matched_to != 0)
            for (guint q = 0; q < self->people->len && matched == NULL; q++)
              if (g_array_index (self->people, VigilEvaluationPerson, q).person_id == person->matched_to)
                matched = g_array_index (self->people, VigilEvaluationPerson, q).person_ref;
          section_add_row (section, g_strdup (person->person_ref), g_strdup (group_key (person->group)),
                           g_strdup (matched), g_strdup (person->status), g_strdup (person->route),
                           format_day (person->entry_day), format_day (person->exit_day),
                           g_strdup (person->windows[0].observable ? "yes" : "no"),
                           num_u ((guint) person->windows[0].before[0]), num_u ((guint) person->windows[0].after[0]),
                           num_u ((guint) person->windows[0].before[1]), num_u ((guint) person->windows[0].after[1]),
                           person->survival_days >= 0 ? num_u ((guint) person->survival_days) : g_strdup (""),
                           g_strdup (person->survival_days < 0 ? "" : person->survival_event ? "yes" : "no"),
                           num_f (person->score_entry, 2), num_f (person->score_latest, 2),
                           num_f (person->score_exit, 2));
        }
    }
  return sections;
}

static void
append_csv_field (GString    *out,
                  const char *field)
{
  if (strpbrk (field, ",\"\r\n") == NULL)
    {
      g_string_append (out, field);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *c = field; *c != '\0'; c++)
    {
      if (*c == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *c);
    }
  g_string_append_c (out, '"');
}

static void
format_csv (const VigilEvaluation *self,
            GPtrArray             *sections,
            GString               *out)
{
  g_string_append_printf (out, "# end_date,%s\n", self->end_date);
  for (guint s = 0; s < sections->len; s++)
    {
      const Section *section = g_ptr_array_index (sections, s);

      g_string_append_printf (out, "\n# %s\n", section->key);
      for (guint c = 0; c < section->columns->len; c++)
        {
          if (c > 0)
            g_string_append_c (out, ',');
          append_csv_field (out, g_ptr_array_index (section->columns, c));
        }
      g_string_append_c (out, '\n');
      for (guint r = 0; r < section->rows->len; r++)
        {
          char **row = g_ptr_array_index (section->rows, r);

          for (guint c = 0; row[c] != NULL; c++)
            {
              if (c > 0)
                g_string_append_c (out, ',');
              append_csv_field (out, row[c]);
            }
          g_string_append_c (out, '\n');
        }
    }
  g_string_append (out, "\n# ");
  g_string_append (out, vigil_evaluation_get_caveat ());
  g_string_append_c (out, '\n');
}

static void
format_table (const VigilEvaluation *self,
              GPtrArray             *sections,
              GString               *out)
{
  g_string_append_printf (out, _("Evaluation to %s (profile %s)"), self->end_date, self->profile->name);
  g_string_append_c (out, '\n');
  for (guint s = 0; s < sections->len; s++)
    {
      const Section *section = g_ptr_array_index (sections, s);
      guint n_columns = section->columns->len;
      g_autofree guint *widths = g_new0 (guint, n_columns);

      for (guint c = 0; c < n_columns; c++)
        widths[c] = g_utf8_strlen (g_ptr_array_index (section->titles, c), -1);
      for (guint r = 0; r < section->rows->len; r++)
        {
          char **row = g_ptr_array_index (section->rows, r);

          for (guint c = 0; c < n_columns; c++)
            widths[c] = MAX (widths[c], (guint) g_utf8_strlen (row[c], -1));
        }
      g_string_append_printf (out, "\n%s\n", section->title);
      for (guint c = 0; c < n_columns; c++)
        {
          const char *title = g_ptr_array_index (section->titles, c);

          g_string_append (out, c > 0 ? "  " : "");
          g_string_append (out, title);
          for (guint pad = g_utf8_strlen (title, -1); pad < widths[c]; pad++)
            g_string_append_c (out, ' ');
        }
      while (out->len > 0 && out->str[out->len - 1] == ' ')
        g_string_truncate (out, out->len - 1);
      g_string_append_c (out, '\n');
      if (section->rows->len == 0)
        g_string_append_printf (out, "%s\n", _("(none)"));
      for (guint r = 0; r < section->rows->len; r++)
        {
          char **row = g_ptr_array_index (section->rows, r);

          for (guint c = 0; c < n_columns; c++)
            {
              g_string_append (out, c > 0 ? "  " : "");
              g_string_append (out, row[c]);
              for (guint pad = g_utf8_strlen (row[c], -1); pad < widths[c]; pad++)
                g_string_append_c (out, ' ');
            }
          while (out->len > 0 && out->str[out->len - 1] == ' ')
            g_string_truncate (out, out->len - 1);
          g_string_append_c (out, '\n');
        }
    }
  g_string_append_printf (out, "\n%s\n", vigil_evaluation_get_caveat ());
}

static void
add_json_cell (JsonBuilder *builder,
               const char  *cell)
{
  char *end = NULL;
  double value;

  if (*cell == '\0')
    {
      json_builder_add_null_value (builder);
      return;
    }
  value = g_ascii_strtod (cell, &end);
  if (end != NULL && *end == '\0' && (g_ascii_isdigit (*cell) || *cell == '-'))
    {
      if (strchr (cell, '.') == NULL)
        json_builder_add_int_value (builder, (gint64) value);
      else
        json_builder_add_double_value (builder, value);
    }
  else
    json_builder_add_string_value (builder, cell);
}

static char *
format_json (const VigilEvaluation *self,
             GPtrArray             *sections)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "end_date");
  json_builder_add_string_value (builder, self->end_date);
  json_builder_set_member_name (builder, "profile");
  json_builder_add_string_value (builder, self->profile->name);
  json_builder_set_member_name (builder, "window_months");
  json_builder_begin_array (builder);
  for (guint w = 0; w < self->options.n_windows; w++)
    json_builder_add_int_value (builder, self->options.window_months[w]);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "caveat");
  json_builder_add_string_value (builder, vigil_evaluation_get_caveat ());
  for (guint s = 0; s < sections->len; s++)
    {
      const Section *section = g_ptr_array_index (sections, s);

      json_builder_set_member_name (builder, section->key);
      json_builder_begin_array (builder);
      for (guint r = 0; r < section->rows->len; r++)
        {
          char **row = g_ptr_array_index (section->rows, r);

          json_builder_begin_object (builder);
          for (guint c = 0; c < section->columns->len; c++)
            {
              json_builder_set_member_name (builder, g_ptr_array_index (section->columns, c));
              if (c < section->n_text)
                json_builder_add_string_value (builder, row[c]);
              else
                add_json_cell (builder, row[c]);
            }
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
    }
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);
  return json_generator_to_data (generator, NULL);
}

char *
vigil_evaluation_format (const VigilEvaluation *self,
                         const char            *format,
                         GError               **error)
{
  g_autoptr(GPtrArray) sections = NULL;
  g_autoptr(GString) out = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (g_strcmp0 (format, "table") != 0 && g_strcmp0 (format, "csv") != 0 && g_strcmp0 (format, "json") != 0)
    {
      g_set_error (error, VIGIL_EVALUATION_ERROR, VIGIL_EVALUATION_ERROR_INVALID,
                   _("Unknown format “%s”: use table, csv or json"), format != NULL ? format : "");
      return NULL;
    }
  sections = build_sections (self, g_strcmp0 (format, "table") != 0);
  if (g_strcmp0 (format, "json") == 0)
    {
      char *json = format_json (self, sections);
      char *with_newline = g_strconcat (json, "\n", NULL);

      g_free (json);
      return with_newline;
    }
  out = g_string_new (NULL);
  if (g_strcmp0 (format, "csv") == 0)
    format_csv (self, sections, out);
  else
    format_table (self, sections, out);
  return g_string_free (g_steal_pointer (&out), FALSE);
}

VigilEvaluation *
vigil_evaluation_run (VigilStore                    *store,
                      const VigilScoringProfile     *profile,
                      const VigilEvaluationOptions  *options,
                      GCancellable                  *cancellable,
                      GError                       **error)
{
  return run_evaluation (store, profile, options, NULL, cancellable, error);
}

/* Off the main thread */

typedef struct
{
  VigilScoringProfile *profile;
  VigilEvaluationOptions options;
} EvaluationCall;

static void
evaluation_call_free (EvaluationCall *call)
{
  g_clear_pointer (&call->profile, vigil_scoring_profile_free);
  vigil_evaluation_options_clear (&call->options);
  g_free (call);
}

static gpointer
evaluation_thread (VigilStore     *store,
                   gpointer        task_data,
                   VigilProgress  *progress,
                   GCancellable   *cancellable,
                   GError        **error)
{
  EvaluationCall *call = task_data;
  VigilEvaluation *evaluation;

  vigil_progress_report (progress, 0.0, _("Reading the scoring profile…"));
  evaluation = run_evaluation (store, call->profile, &call->options, progress, cancellable, error);
  if (evaluation != NULL)
    vigil_progress_report (progress, 1.0, NULL);
  return evaluation;
}

/**
 * vigil_evaluation_run_async:
 * @progress_func: (nullable): told how far it is, on the caller's main context
 *
 * vigil_evaluation_run() on a worker's own connection, with its progress.
 */
void
vigil_evaluation_run_async (VigilStore                    *store,
                            const VigilScoringProfile     *profile,
                            const VigilEvaluationOptions  *options,
                            VigilProgressFunc              progress_func,
                            gpointer                       progress_data,
                            GDestroyNotify                 progress_destroy,
                            GCancellable                  *cancellable,
                            GAsyncReadyCallback            callback,
                            gpointer                       user_data)
{
  EvaluationCall *call;

  g_return_if_fail (VIGIL_IS_STORE (store));

  call = g_new0 (EvaluationCall, 1);
  call->profile = profile != NULL ? vigil_scoring_profile_copy (profile) : NULL;
  if (options != NULL)
    options_copy (&call->options, options);
  else
    vigil_evaluation_options_init (&call->options);
  vigil_store_call_with_progress_async (store, vigil_evaluation_run_async, evaluation_thread, call,
                                        (GDestroyNotify) evaluation_call_free,
                                        (GDestroyNotify) vigil_evaluation_free,
                                        progress_func, progress_data, progress_destroy,
                                        cancellable, callback, user_data);
}

VigilEvaluation *
vigil_evaluation_run_finish (VigilStore    *store,
                             GAsyncResult  *result,
                             GError       **error)
{
  return vigil_store_call_finish (store, result, vigil_evaluation_run_async, error);
}

/* The areas the cohort's entries name, sorted: the evaluation's area filter. */
GPtrArray *
vigil_evaluation_list_areas (VigilStore  *store,
                             GError     **error)
{
  static const GType types[] = { G_TYPE_STRING, G_TYPE_NONE };
  g_autoptr(GdaDataModel) model = NULL;
  g_autoptr(GPtrArray) areas = g_ptr_array_new_with_free_func (g_free);
  int n;

  g_return_val_if_fail (VIGIL_IS_STORE (store), NULL);

  model = vigil_store_query (store,
                             "SELECT DISTINCT area FROM cohort_entry WHERE area IS NOT NULL ORDER BY area",
                             NULL, 0, types, error);
  if (model == NULL)
    return NULL;
  n = gda_data_model_get_n_rows (model);
  for (int row = 0; row < n; row++)
    {
      const GValue *value = gda_data_model_get_value_at (model, 0, row, error);

      if (value == NULL)
        return NULL;
      if (G_VALUE_HOLDS_STRING (value))
        g_ptr_array_add (areas, g_value_dup_string (value));
    }
  return g_steal_pointer (&areas);
}

static gpointer
list_areas_thread (VigilStore    *store,
                   gpointer       task_data,
                   GCancellable  *cancellable,
                   GError       **error)
{
  return vigil_evaluation_list_areas (store, error);
}

void
vigil_evaluation_list_areas_async (VigilStore          *store,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (VIGIL_IS_STORE (store));

  vigil_store_call_async (store, vigil_evaluation_list_areas_async, list_areas_thread, NULL, NULL,
                          (GDestroyNotify) g_ptr_array_unref, cancellable, callback, user_data);
}

GPtrArray *
vigil_evaluation_list_areas_finish (VigilStore    *store,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return vigil_store_call_finish (store, result, vigil_evaluation_list_areas_async, error);
}
