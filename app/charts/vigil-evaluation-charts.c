/* vigil-evaluation-charts.c: the evaluation's charts (principle 8)
 *
 * Each chart carries the numbers behind it as its table (shown beside it in the GUI,
 * written by the CSV export) and the evaluation's caveat.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vigil-charts"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "vigil-entities.h"
#include "vigil-evaluation-charts.h"
#include "vigil-tactical-menu.h"

const char * const vigil_evaluation_chart_names[] = {
  "before-after", "survival", "scores", "cohort-size", "interventions", "score-histogram", "outcomes", NULL
};

gboolean
vigil_evaluation_chart_is_known (const char *name)
{
  for (guint i = 0; vigil_evaluation_chart_names[i] != NULL; i++)
    if (g_strcmp0 (vigil_evaluation_chart_names[i], name) == 0)
      return TRUE;
  return FALSE;
}

/* ------------------------------------------------------------------------------------
 * Tables
 * ------------------------------------------------------------------------------------ */

typedef struct
{
  GPtrArray *columns;
  GPtrArray *cells;
} Table;

static void
table_init (Table *table,
            ...)
{
  const char *column;
  va_list args;

  table->columns = g_ptr_array_new_with_free_func (g_free);
  table->cells = g_ptr_array_new_with_free_func (g_free);
  va_start (args, table);
  while ((column = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (table->columns, g_strdup (column));
  va_end (args);
}

/* Takes the cell. */
static void
table_add (Table *table,
           char  *cell)
{
  g_ptr_array_add (table->cells, cell != NULL ? cell : g_strdup (""));
}

static void
table_finish (Table      *table,
              VigilChart *chart)
{
  guint n_columns = table->columns->len;

  g_assert (n_columns > 0 && table->cells->len % n_columns == 0);
  vigil_chart_set_table (chart, (const char * const *) table->columns->pdata, n_columns,
                         (const char * const *) table->cells->pdata, table->cells->len / n_columns);
  g_ptr_array_unref (table->columns);
  g_ptr_array_unref (table->cells);
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
format_day (gint32 day)
{
  GDate date;
  char text[16];

  g_date_clear (&date, 1);
  g_date_set_julian (&date, (guint32) day);
  g_date_strftime (text, sizeof text, "%Y-%m-%d", &date);
  return g_strdup (text);
}

static char *
subtitle_for (const VigilEvaluation *evaluation,
              const char            *what)
{
  const VigilEvaluationOptions *options = vigil_evaluation_get_options (evaluation);
  g_autofree char *range = NULL;

  if (options->adopted_from != NULL || options->adopted_to != NULL)
    /* Translators: the people evaluated: adopted from … to … */
    range = g_strdup_printf (_("adopted %s to %s"), options->adopted_from != NULL ? options->adopted_from : "…",
                             options->adopted_to != NULL ? options->adopted_to : "…");
  else
    range = g_strdup (_("everyone adopted"));
  /* Translators: a chart's subtitle: what it shows · who · the data's end date */
  return g_strdup_printf (_("%s · %s · %u managed, %u compared · data to %s"), what, range,
                          vigil_evaluation_count_group (evaluation, VIGIL_EVALUATION_MANAGED),
                          vigil_evaluation_count_group (evaluation, VIGIL_EVALUATION_COMPARISON),
                          vigil_evaluation_get_end_date (evaluation));
}

/* ------------------------------------------------------------------------------------
 * The charts
 * ------------------------------------------------------------------------------------ */

static const char *
measure_label (VigilEvaluationMeasure measure)
{
  switch (measure)
    {
    case VIGIL_MEASURE_INCIDENTS:
      return _("Incidents");
    case VIGIL_MEASURE_HARM:
      return _("Harm (gravity points)");
    case VIGIL_MEASURE_VICTIMS:
      return _("Victims");
    case VIGIL_N_MEASURES:
    default:
      return "";
    }
}

static VigilChart *
before_after_chart (const VigilEvaluation *evaluation)
{
  const VigilEvaluationOptions *options = vigil_evaluation_get_options (evaluation);
  VigilChart *chart = vigil_chart_new (VIGIL_CHART_GROUPED_BARS, "before-after", _("Before and after cohort entry"));
  const char *categories[VIGIL_N_MEASURES];
  g_autofree char *what = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *y_label = NULL;
  Table table;

  for (guint m = 0; m < VIGIL_N_MEASURES; m++)
    categories[m] = measure_label (m);
  vigil_chart_set_categories (chart, categories, VIGIL_N_MEASURES);
  /* Translators: %d: months */
  what = g_strdup_printf (_("%d months before and after entry"), options->window_months[0]);
  subtitle = subtitle_for (evaluation, what);
  vigil_chart_set_subtitle (chart, subtitle);
  vigil_chart_set_x_axis (chart, VIGIL_CHART_AXIS_CATEGORIES, NULL);
  y_label = g_strdup (_("Mean per person observed"));
  vigil_chart_set_y_axis (chart, VIGIL_CHART_AXIS_NUMBER, y_label);

  for (guint g = 0; g < VIGIL_EVALUATION_N_GROUPS; g++)
    {
      VigilWindowSummary summary;
      /* Translators: a series: group — before / after entry */
      g_autofree char *before_name = g_strdup_printf (_("%s — before"), vigil_evaluation_group_label (g));
      g_autofree char *after_name = g_strdup_printf (_("%s — after"), vigil_evaluation_group_label (g));
      guint before = vigil_chart_add_series (chart, before_name);
      guint after = vigil_chart_add_series (chart, after_name);

      vigil_evaluation_summarise (evaluation, g, 0, &summary);
      for (guint m = 0; m < VIGIL_N_MEASURES; m++)
        {
          double b = summary.observable > 0 ? (double) summary.before[m] / summary.observable : 0;
          double a = summary.observable > 0 ? (double) summary.after[m] / summary.observable : 0;
          /* Translators: a bar's tooltip: series, measure, mean, people observed */
          g_autofree char *before_tip = g_strdup_printf (_("%s, %s: %.2f a person (%u observed)"), before_name,
                                                         categories[m], b, summary.observable);
          g_autofree char *after_tip = g_strdup_printf (_("%s, %s: %.2f a person (%u observed)"), after_name,
                                                        categories[m], a, summary.observable);

          vigil_chart_add_point (chart, before, m, b, before_tip);
          vigil_chart_add_point (chart, after, m, a, after_tip);
        }
    }

  table_init (&table, _("Measure"), _("Window (months)"), _("Group"), _("People"), _("Observed"),
              _("Total before"), _("Total after"), _("Mean before"), _("Mean after"), _("Change %"), NULL);
  for (guint w = 0; w < options->n_windows; w++)
    for (guint m = 0; m < VIGIL_N_MEASURES; m++)
      for (guint g = 0; g < VIGIL_EVALUATION_N_GROUPS; g++)
        {
          VigilWindowSummary summary;

          vigil_evaluation_summarise (evaluation, g, w, &summary);
          table_add (&table, g_strdup (categories[m]));
          table_add (&table, num_u ((guint) options->window_months[w]));
          table_add (&table, g_strdup (vigil_evaluation_group_label (g)));
          table_add (&table, num_u (summary.people));
          table_add (&table, num_u (summary.observable));
          table_add (&table, num_u ((guint64) summary.before[m]));
          table_add (&table, num_u ((guint64) summary.after[m]));
          table_add (&table, summary.observable > 0 ? num_f ((double) summary.before[m] / summary.observable, 2) : NULL);
          table_add (&table, summary.observable > 0 ? num_f ((double) summary.after[m] / summary.observable, 2) : NULL);
          table_add (&table, summary.before[m] > 0
                               ? num_f (100.0 * (summary.after[m] - summary.before[m]) / summary.before[m], 1) : NULL);
        }
  table_finish (&table, chart);
  return chart;
}

static VigilChart *
survival_chart (const VigilEvaluation *evaluation)
{
  VigilChart *chart = vigil_chart_new (VIGIL_CHART_STEPS, "survival", _("Time to the next police-recorded incident"));
  g_autofree char *subtitle = subtitle_for (evaluation, _("Kaplan–Meier, censored at the data’s end and at exit (ticks)"));
  Table table;

  vigil_chart_set_subtitle (chart, subtitle);
  vigil_chart_set_x_axis (chart, VIGIL_CHART_AXIS_NUMBER, _("Days since entry"));
  vigil_chart_set_y_axis (chart, VIGIL_CHART_AXIS_PERCENT, _("Without a new incident"));
  vigil_chart_set_y_range (chart, 0, 1);
  table_init (&table, _("Group"), _("Day"), _("At risk"), _("Incidents"), _("Censored"), _("Without a new incident %"), NULL);

  for (guint g = 0; g < VIGIL_EVALUATION_N_GROUPS; g++)
    {
      const VigilSurvival *survival = vigil_evaluation_get_survival (evaluation, g);
      guint series = vigil_chart_add_series (chart, vigil_evaluation_group_label (g));
      double s = 1.0;

      if (survival->n == 0)
        continue;
      vigil_chart_add_point (chart, series, 0, 1.0, NULL);
      for (guint i = 0; i < survival->steps->len; i++)
        {
          const VigilSurvivalStep *step = &g_array_index (survival->steps, VigilSurvivalStep, i);
          /* Translators: a survival step's tooltip */
          g_autofree char *tip = g_strdup_printf (_("%s, day %d: %.0f%% without a new incident (%u at risk, %u incidents, %u censored)"),
                                                  vigil_evaluation_group_label (g), step->day, 100 * step->survival,
                                                  step->at_risk, step->events, step->censored);

          if (step->events > 0)
            vigil_chart_add_point (chart, series, step->day, step->survival, tip);
          if (step->censored > 0)
            vigil_chart_add_marker (chart, series, step->day, step->survival, tip);
          s = step->survival;
          table_add (&table, g_strdup (vigil_evaluation_group_label (g)));
          table_add (&table, num_u ((guint) step->day));
          table_add (&table, num_u (step->at_risk));
          table_add (&table, num_u (step->events));
          table_add (&table, num_u (step->censored));
          table_add (&table, num_f (100 * step->survival, 1));
        }
      /* hold the curve to the last observation */
      if (survival->steps->len > 0)
        {
          const VigilSurvivalStep *last = &g_array_index (survival->steps, VigilSurvivalStep, survival->steps->len - 1);

          if (last->events == 0)
            vigil_chart_add_point (chart, series, last->day, s, NULL);
        }
    }
  table_finish (&table, chart);
  return chart;
}

static VigilChart *
scores_chart (const VigilEvaluation *evaluation)
{
  VigilChart *chart = vigil_chart_new (VIGIL_CHART_LINES, "scores", _("RFGV score after cohort entry"));
  g_autofree char *subtitle = NULL;
  g_autofree char *what = NULL;
  double entry, latest, exit;
  guint n_exited;
  Table table;

  vigil_evaluation_score_means (evaluation, VIGIL_EVALUATION_MANAGED, &entry, &latest, &exit, &n_exited);
  if (n_exited > 0)
    /* Translators: the managed group's mean scores */
    what = g_strdup_printf (_("Managed: %.1f at entry, %.1f latest, %.1f at exit (%u exited)"), entry, latest, exit, n_exited);
  else
    what = g_strdup_printf (_("Managed: %.1f at entry, %.1f latest"), isnan (entry) ? 0 : entry, isnan (latest) ? 0 : latest);
  subtitle = subtitle_for (evaluation, what);
  vigil_chart_set_subtitle (chart, subtitle);
  vigil_chart_set_x_axis (chart, VIGIL_CHART_AXIS_COUNT, _("Months since entry"));
  vigil_chart_set_y_axis (chart, VIGIL_CHART_AXIS_NUMBER, _("Mean RFGV score of those observed"));
  table_init (&table, _("Group"), _("Months since entry"), _("Observed"), _("Mean score"), NULL);

  for (guint g = 0; g < VIGIL_EVALUATION_N_GROUPS; g++)
    {
      guint series = vigil_chart_add_series (chart, vigil_evaluation_group_label (g));

      for (int months = 0; months <= 24; months += 3)
        {
          guint n = 0;
          double mean = vigil_evaluation_score_after (evaluation, g, months, &n);
          g_autofree char *tip = NULL;

          if (n == 0)
            continue;
          /* Translators: a point's tooltip: group, months, mean, people */
          tip = g_strdup_printf (_("%s, %d months after entry: mean score %.2f (%u observed)"),
                                 vigil_evaluation_group_label (g), months, mean, n);
          vigil_chart_add_point (chart, series, months, mean, tip);
          table_add (&table, g_strdup (vigil_evaluation_group_label (g)));
          table_add (&table, num_u ((guint) months));
          table_add (&table, num_u (n));
          table_add (&table, num_f (mean, 2));
        }
    }
  for (guint g = 0; g < VIGIL_EVALUATION_N_GROUPS; g++)
    {
      vigil_evaluation_score_means (evaluation, g, &entry, &latest, &exit, &n_exited);
      table_add (&table, g_strdup (vigil_evaluation_group_label (g)));
      table_add (&table, g_strdup (_("latest")));
      table_add (&table, num_u (vigil_evaluation_count_group (evaluation, g)));
      table_add (&table, num_f (latest, 2));
      if (n_exited > 0)
        {
          table_add (&table, g_strdup (vigil_evaluation_group_label (g)));
          table_add (&table, g_strdup (_("at exit")));
          table_add (&table, num_u (n_exited));
          table_add (&table, num_f (exit, 2));
        }
    }
  table_finish (&table, chart);
  return chart;
}

static VigilChart *
cohort_size_chart (const VigilEvaluation *evaluation)
{
  VigilChart *chart = vigil_chart_new (VIGIL_CHART_LINES, "cohort-size", _("Cohort size over time"));
  g_autofree char *subtitle = subtitle_for (evaluation, _("At the end of each month"));
  const gint32 *days;
  const guint *in_cohort, *exited;
  guint n = vigil_evaluation_get_cohort_size (evaluation, &days, &in_cohort, &exited);
  guint managed, gone;
  Table table;

  vigil_chart_set_subtitle (chart, subtitle);
  vigil_chart_set_x_axis (chart, VIGIL_CHART_AXIS_DATE, _("Month"));
  vigil_chart_set_y_axis (chart, VIGIL_CHART_AXIS_COUNT, _("People"));
  managed = vigil_chart_add_series (chart, _("Managed or scaling back"));
  gone = vigil_chart_add_series (chart, _("Exited (total so far)"));
  table_init (&table, _("Month end"), _("Managed or scaling back"), _("Exited (total so far)"), NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *date = format_day (days[i]);
      /* Translators: a point's tooltip: date, managed, exited */
      g_autofree char *tip = g_strdup_printf (_("%s: %u managed or scaling back, %u exited so far"), date, in_cohort[i], exited[i]);

      vigil_chart_add_point (chart, managed, days[i], in_cohort[i], tip);
      vigil_chart_add_point (chart, gone, days[i], exited[i], tip);
      table_add (&table, g_strdup (date));
      table_add (&table, num_u (in_cohort[i]));
      table_add (&table, num_u (exited[i]));
    }
  table_finish (&table, chart);
  return chart;
}

static VigilChart *
interventions_chart (const VigilEvaluation *evaluation)
{
  VigilChart *chart = vigil_chart_new (VIGIL_CHART_STACKED_BARS, "interventions", _("Interventions by category and status"));
  g_autofree char *subtitle = subtitle_for (evaluation, _("The managed people’s interventions"));
  guint n_categories, n_statuses;
  const guint *counts = vigil_evaluation_get_intervention_counts (evaluation, &n_categories, &n_statuses);
  g_autofree const char **categories = g_new0 (const char *, n_categories + 1);
  Table table;

  for (guint c = 0; c < n_categories; c++)
    categories[c] = vigil_tactical_category_get_title (vigil_tactical_category_choices[c]);
  vigil_chart_set_subtitle (chart, subtitle);
  vigil_chart_set_categories (chart, categories, n_categories);
  vigil_chart_set_x_axis (chart, VIGIL_CHART_AXIS_CATEGORIES, _("Tactical menu category"));
  vigil_chart_set_y_axis (chart, VIGIL_CHART_AXIS_COUNT, _("Interventions"));
  table.columns = g_ptr_array_new_with_free_func (g_free);
  table.cells = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (table.columns, g_strdup (_("Category")));
  for (guint s = 0; s < n_statuses; s++)
    {
      const char *label = vigil_choice_get_label (vigil_intervention_status_choices, vigil_intervention_status_choices[s]);
      guint series = vigil_chart_add_series (chart, label);

      g_ptr_array_add (table.columns, g_strdup (label));
      for (guint c = 0; c < n_categories; c++)
        {
          guint count = counts[c * n_statuses + s];
          /* Translators: a bar's tooltip: category, status, count */
          g_autofree char *tip = g_strdup_printf (_("%s, %s: %u"), categories[c], label, count);

          vigil_chart_add_point (chart, series, c, count, tip);
        }
    }
  g_ptr_array_add (table.columns, g_strdup (_("Total")));
  for (guint c = 0; c < n_categories; c++)
    {
      guint total = 0;

      table_add (&table, g_strdup (categories[c]));
      for (guint s = 0; s < n_statuses; s++)
        {
          total += counts[c * n_statuses + s];
          table_add (&table, num_u (counts[c * n_statuses + s]));
        }
      table_add (&table, num_u (total));
    }
  table_finish (&table, chart);
  return chart;
}

static VigilChart *
score_histogram_chart (const VigilEvaluation *evaluation)
{
  VigilChart *chart = vigil_chart_new (VIGIL_CHART_HISTOGRAM, "score-histogram", _("Scores of the managed people"));
  g_autofree char *subtitle = subtitle_for (evaluation, _("Latest RFGV score; the table also gives the score at entry"));
  const VigilEvaluationPerson *people;
  guint n_people, n_bins, width;
  double highest = 0;
  g_autofree guint *latest = NULL;
  g_autofree guint *entry = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  guint series;
  Table table;

  people = vigil_evaluation_get_people (evaluation, &n_people);
  for (guint p = 0; p < n_people; p++)
    if (people[p].group == VIGIL_EVALUATION_MANAGED)
      highest = MAX (highest, MAX (people[p].score_entry, people[p].score_latest));
  /* about ten bins of whole points */
  width = MAX (1, (guint) ceil ((floor (highest) + 1) / 10.0));
  n_bins = (guint) floor (highest) / width + 1;
  latest = g_new0 (guint, n_bins);
  entry = g_new0 (guint, n_bins);
  for (guint p = 0; p < n_people; p++)
    {
      if (people[p].group != VIGIL_EVALUATION_MANAGED)
        continue;
      latest[MIN ((guint) floor (MAX (people[p].score_latest, 0)) / width, n_bins - 1)]++;
      entry[MIN ((guint) floor (MAX (people[p].score_entry, 0)) / width, n_bins - 1)]++;
    }
  for (guint b = 0; b < n_bins; b++)
    g_ptr_array_add (labels, width == 1 ? g_strdup_printf ("%u", b)
                                        : g_strdup_printf ("%u–%u", b * width, b * width + width - 1));
  vigil_chart_set_subtitle (chart, subtitle);
  vigil_chart_set_categories (chart, (const char * const *) labels->pdata, n_bins);
  vigil_chart_set_x_axis (chart, VIGIL_CHART_AXIS_CATEGORIES, _("RFGV score"));
  vigil_chart_set_y_axis (chart, VIGIL_CHART_AXIS_COUNT, _("People"));
  series = vigil_chart_add_series (chart, _("Latest score"));
  table_init (&table, _("Score"), _("People, latest"), _("People, at entry"), NULL);
  for (guint b = 0; b < n_bins; b++)
    {
      /* Translators: a bar's tooltip: score band, people */
      g_autofree char *tip = g_strdup_printf (_("Score %s: %u people now, %u at entry"),
                                              (const char *) g_ptr_array_index (labels, b), latest[b], entry[b]);

      vigil_chart_add_point (chart, series, b, latest[b], tip);
      table_add (&table, g_strdup (g_ptr_array_index (labels, b)));
      table_add (&table, num_u (latest[b]));
      table_add (&table, num_u (entry[b]));
    }
  table_finish (&table, chart);
  return chart;
}

static VigilChart *
outcomes_chart (const VigilEvaluation *evaluation)
{
  VigilChart *chart = vigil_chart_new (VIGIL_CHART_LINES, "outcomes", _("Victim-reported and IDVA-rated outcomes"));
  g_autofree char *subtitle = subtitle_for (evaluation, _("Mean rating, 1 to 5 (5 is best), by quarter since entry"));
  GArray *outcomes = vigil_evaluation_get_outcomes (evaluation);
  Table table;

  vigil_chart_set_subtitle (chart, subtitle);
  vigil_chart_set_x_axis (chart, VIGIL_CHART_AXIS_COUNT, _("Quarters since entry (0: at or before entry)"));
  vigil_chart_set_y_axis (chart, VIGIL_CHART_AXIS_NUMBER, _("Mean rating"));
  vigil_chart_set_y_range (chart, 0, 5);
  table_init (&table, _("Measure"), _("Source"), _("People"), _("Improved"), _("Worse"), _("No change"),
              _("Quarter"), _("Mean rating"), NULL);
  for (guint i = 0; i < outcomes->len; i++)
    {
      const VigilOutcomeSummary *summary = &g_array_index (outcomes, VigilOutcomeSummary, i);
      const char *measure = vigil_choice_get_label (vigil_outcome_measure_choices, summary->measure);
      const char *source = vigil_choice_get_label (vigil_outcome_source_choices, summary->source);
      /* Translators: a series: measure (source) */
      g_autofree char *name = g_strdup_printf (_("%s (%s)"), measure, source);
      guint series = vigil_chart_add_series (chart, name);

      for (guint q = 0; q < G_N_ELEMENTS (summary->quarter_means); q++)
        {
          g_autofree char *tip = NULL;

          if (isnan (summary->quarter_means[q]))
            continue;
          /* Translators: a point's tooltip: series, quarter, mean */
          tip = g_strdup_printf (_("%s, quarter %u: mean rating %.2f"), name, q, summary->quarter_means[q]);
          vigil_chart_add_point (chart, series, q, summary->quarter_means[q], tip);
          table_add (&table, g_strdup (measure));
          table_add (&table, g_strdup (source));
          table_add (&table, num_u (summary->people));
          table_add (&table, num_u (summary->improved));
          table_add (&table, num_u (summary->worse));
          table_add (&table, num_u (summary->unchanged));
          table_add (&table, num_u (q));
          table_add (&table, num_f (summary->quarter_means[q], 2));
        }
    }
  table_finish (&table, chart);
  return chart;
}

VigilChart *
vigil_evaluation_chart_new (const VigilEvaluation *evaluation,
                            const char            *name)
{
  VigilChart *chart = NULL;

  g_return_val_if_fail (evaluation != NULL, NULL);

  if (g_strcmp0 (name, "before-after") == 0)
    chart = before_after_chart (evaluation);
  else if (g_strcmp0 (name, "survival") == 0)
    chart = survival_chart (evaluation);
  else if (g_strcmp0 (name, "scores") == 0)
    chart = scores_chart (evaluation);
  else if (g_strcmp0 (name, "cohort-size") == 0)
    chart = cohort_size_chart (evaluation);
  else if (g_strcmp0 (name, "interventions") == 0)
    chart = interventions_chart (evaluation);
  else if (g_strcmp0 (name, "score-histogram") == 0)
    chart = score_histogram_chart (evaluation);
  else if (g_strcmp0 (name, "outcomes") == 0)
    chart = outcomes_chart (evaluation);
  if (chart != NULL)
    vigil_chart_set_caveat (chart, vigil_evaluation_get_caveat ());
  return chart;
}
