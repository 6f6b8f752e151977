/* vigil-cli explain: one person's score and the incidents behind it
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vigil-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-cli-common.h"

int
vigil_cli_explain (VigilCli  *cli,
                   char     **args)
{
  g_auto(VigilCliScoring) scoring = { NULL, };
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) store = NULL;
  g_autoptr(VigilScoringProfile) profile = NULL;
  g_autoptr(GHashTable) judgements = NULL;
  g_autoptr(VigilFactSet) facts = NULL;
  g_autoptr(VigilRfgvExplanation) explanation = NULL;
  VigilJudgement *judgement;
  static const char * const names[] = { N_("Recency"), N_("Frequency"), N_("Gravity"), N_("Victims") };
  static const char * const units[] = { N_("days since the latest incident"), N_("incidents"),
                                        N_("gravity points"), N_("victims") };
  GDate as_of;
  gint64 person_id;
  int person;
  int status;

  status = vigil_cli_parse_scoring_options (cli, &scoring, NULL, &args, 1);
  if (status != VIGIL_CLI_CONTINUE)
    return status;
  if (args[1] == NULL)
    return vigil_cli_report_usage_error (cli, _("Name the person’s reference."));

  status = vigil_cli_load_scoring_options (cli, &scoring, &profile, &as_of);
  if (status != VIGIL_CLI_CONTINUE)
    return status;

  store = vigil_cli_open_store (cli, VIGIL_STORE_OPEN_NONE, &error);
  if (store == NULL)
    return vigil_cli_fail_with_error (cli, error);

  /* a merged person's old reference explains the person they were merged into */
  person_id = vigil_cohort_find_person (store, args[1], &error);
  if (person_id == 0)
    return vigil_cli_fail_with_error (cli, error);

  facts = vigil_fact_set_load_person (store, person_id, NULL, &error);
  if (facts == NULL)
    return vigil_cli_fail_with_error (cli, error);
  person = vigil_fact_set_find_person (facts, person_id);
  if (person < 0)
    {
      g_autofree char *message = g_strdup_printf (_("%s has no incident as a perpetrator, so has no score."), args[1]);

      vigil_cli_print_error (cli, message);
      return VIGIL_CLI_EXIT_USER_ERROR;
    }

  explanation = vigil_rfgv_explain (facts, profile, (guint) person, &as_of, &error);
  if (explanation == NULL)
    return vigil_cli_fail_with_error (cli, error);

  if (!explanation->scored)
    g_print (_("%s: nothing counts in the window, so no score.\n"), args[1]);
  else
    {
      g_print (_("%s: total %g\n"), args[1], explanation->total);
      for (guint c = 0; c < VIGIL_RFGV_N_COMPONENTS; c++)
        g_print ("  %-10s %2d %s (%" G_GINT64_FORMAT " %s) × %g\n", _(names[c]),
                 explanation->components[c].points, _("points"), explanation->components[c].value,
                 _(units[c]), explanation->components[c].weight);
    }

  /* the algorithm indicates, people decide: the latest override stands beside the score */
  judgements = vigil_cohort_get_judgements (store, &person_id, 1, &error);
  if (judgements == NULL)
    return vigil_cli_fail_with_error (cli, error);
  judgement = g_hash_table_lookup (judgements, &person_id);
  if (judgement != NULL)
    {
      g_autofree char *summary = vigil_judgement_dup_summary (judgement);

      /* TRANSLATORS: "included by NAME", role, date, rationale */
      g_print (_("  Judgement: %s (%s) on %s: %s\n"), summary,
               judgement->decided_role ? judgement->decided_role : "?", judgement->decided_on,
               judgement->rationale);
    }

  g_print ("\n");
  for (guint i = 0; i < explanation->n_incidents; i++)
    {
      VigilRfgvExplainedIncident *incident = &explanation->incidents[i];
      GDate day;

      g_date_clear (&day, 1);
      g_date_set_julian (&day, (guint32) incident->day);
      g_print ("  %04d-%02d-%02d  %-14s %-26s %d  %-16s %s%s%s\n",
               g_date_get_year (&day), g_date_get_month (&day), g_date_get_day (&day),
               incident->incident_ref ? incident->incident_ref : "",
               incident->offence_code ? incident->offence_code : "", incident->gravity,
               vigil_relationship_to_code (incident->relationship),
               incident->status == VIGIL_RFGV_INCIDENT_COUNTED ? _("counted") :
               incident->status == VIGIL_RFGV_INCIDENT_BEFORE_WINDOW ? _("before the window") :
               incident->status == VIGIL_RFGV_INCIDENT_AFTER_AS_OF ? _("after the as-of date") :
               _("relationship not counted"),
               incident->latest ? _(", latest") : "",
               incident->new_victim ? _(", new victim") : "");
    }

  return VIGIL_CLI_EXIT_OK;
}
