/* vigil-cli evaluate: the managed cohort's outcomes (principle 8)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vigil-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-cli-common.h"
#include "vigil-evaluation-charts.h"

int
vigil_cli_evaluate (VigilCli  *cli,
                    char     **args)
{
  g_autofree char *profile_path = NULL;
  g_autofree char *format = NULL;
  g_autofree char *chart_name = NULL;
  g_autofree char *out_path = NULL;
  g_autofree char *style_name = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) store = NULL;
  g_autoptr(VigilScoringProfile) profile = NULL;
  g_autoptr(VigilEvaluation) evaluation = NULL;
  g_auto(VigilEvaluationOptions) options = { { 0, }, };
  g_autofree char *text = NULL;
  int window_months = 0;
  int width = 1280, height = 800;
  const GOptionEntry entries[] = {
    { "window-months", 'w', 0, G_OPTION_ARG_INT, &window_months, N_("The before and after windows, in months (default 6 and 12)"), "N" },
    { "from", 0, 0, G_OPTION_ARG_STRING, &options.adopted_from, N_("Only people adopted on or after this date, YYYY-MM-DD"), "DATE" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &options.adopted_to, N_("Only people adopted on or before this date"), "DATE" },
    { "end-date", 0, 0, G_OPTION_ARG_STRING, &options.end_date, N_("The data's end date (default: the latest incident)"), "DATE" },
    { "area", 0, 0, G_OPTION_ARG_STRING, &options.area, N_("Only people of this area"), "AREA" },
    { "route", 0, 0, G_OPTION_ARG_STRING, &options.route, N_("Only people who came by this route (rfgv, stalking_referral, agency_referral, professional_judgement)"), "ROUTE" },
    { "category", 0, 0, G_OPTION_ARG_STRING, &options.category, N_("Only people with an intervention of this tactical category"), "CATEGORY" },
    { "caliper", 0, 0, G_OPTION_ARG_DOUBLE, &options.caliper, N_("Comparison: the largest score difference of a match (default 2)"), "POINTS" },
    { "profile", 'p', 0, G_OPTION_ARG_FILENAME, &profile_path, N_("A scoring profile (default: the latest run's)"), "FILE.json" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("table (default), csv or json"), "FORMAT" },
    { "chart", 0, 0, G_OPTION_ARG_STRING, &chart_name, N_("Write this chart instead of the report"), "NAME" },
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out_path, N_("The chart's file: .png, .svg, .pdf or .csv"), "FILE" },
    { "width", 0, 0, G_OPTION_ARG_INT, &width, N_("The chart's width in pixels or points (default 1280)"), "N" },
    { "height", 0, 0, G_OPTION_ARG_INT, &height, N_("The chart's height (default 800)"), "N" },
    { "style", 0, 0, G_OPTION_ARG_STRING, &style_name, N_("light (default), dark or high-contrast"), "STYLE" },
    G_OPTION_ENTRY_NULL
  };
  int status;

  vigil_evaluation_options_init (&options);
  status = vigil_cli_parse_options (cli, entries, &args, 0);
  if (status != VIGIL_CLI_CONTINUE)
    return status;

  if (window_months != 0)
    {
      options.window_months[0] = window_months;
      options.n_windows = 1;
    }
  status = vigil_cli_check_format (cli, format);
  if (status != VIGIL_CLI_CONTINUE)
    return status;
  if ((chart_name == NULL) != (out_path == NULL))
    return vigil_cli_report_usage_error (cli, _("--chart and --out go together: name the chart and its file."));
  if (chart_name != NULL && format != NULL)
    return vigil_cli_report_usage_error (cli, _("--format is for the report; a chart's file type comes from --out's extension."));
  if (chart_name != NULL && !vigil_evaluation_chart_is_known (chart_name))
    {
      g_autofree char *names = g_strjoinv (", ", (char **) vigil_evaluation_chart_names);
      g_autofree char *message = g_strdup_printf (_("There is no chart “%s”: choose one of %s."), chart_name, names);

      return vigil_cli_report_usage_error (cli, message);
    }
  if (width < 200 || width > 8000 || height < 150 || height > 8000)
    return vigil_cli_report_usage_error (cli, _("--width must be 200 to 8000 and --height 150 to 8000."));
  if (style_name != NULL && !g_str_equal (style_name, "light") && !g_str_equal (style_name, "dark")
      && !g_str_equal (style_name, "high-contrast"))
    {
      g_autofree char *message = g_strdup_printf (_("--style must be light, dark or high-contrast, not “%s”."), style_name);

      return vigil_cli_report_usage_error (cli, message);
    }

  vigil_core_init ();
  if (profile_path != NULL)
    {
      profile = vigil_scoring_profile_new_from_file (profile_path, &error);
      if (profile == NULL)
        return vigil_cli_fail_with_error (cli, error);
    }

  store = vigil_cli_open_store (cli, VIGIL_STORE_OPEN_NONE, &error);
  if (store == NULL)
    return vigil_cli_fail_with_error (cli, error);

  evaluation = vigil_evaluation_run (store, profile, &options, NULL, &error);
  if (evaluation == NULL)
    return vigil_cli_fail_with_error (cli, error);

  if (chart_name != NULL)
    {
      g_autoptr(VigilChart) chart = vigil_evaluation_chart_new (evaluation, chart_name);
      VigilChartStyle style = VIGIL_CHART_STYLE_LIGHT;

      if (g_strcmp0 (style_name, "dark") == 0)
        style = VIGIL_CHART_STYLE_DARK;
      else if (g_strcmp0 (style_name, "high-contrast") == 0)
        style = VIGIL_CHART_STYLE_HIGH_CONTRAST;
      if (!vigil_chart_export (chart, out_path, width, height, style, &error))
        return vigil_cli_fail_with_error (cli, error);
      g_print (_("Wrote the %s chart to %s.\n"), chart_name, out_path);
      return VIGIL_CLI_EXIT_OK;
    }

  text = vigil_evaluation_format (evaluation, format != NULL ? format : "table", &error);
  if (text == NULL)
    return vigil_cli_fail_with_error (cli, error);
  fputs (text, stdout);
  return VIGIL_CLI_EXIT_OK;
}
