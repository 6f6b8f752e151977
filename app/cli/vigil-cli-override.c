/* vigil-cli override: include or exclude someone against the ranking
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vigil-cli"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "vigil-cli-common.h"

int
vigil_cli_override (VigilCli  *cli,
                    char     **args)
{
  g_auto(VigilCliDecision) decided = { NULL, };
  g_autofree char *who = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) store = NULL;
  g_autoptr(VigilDecision) decision = NULL;
  VigilOverride override = { 0 };
  int status;

  status = vigil_cli_parse_decision_options (cli, &decided, "on", NULL, &args, 2);
  if (status != VIGIL_CLI_CONTINUE)
    return status;

  if (args[1] == NULL || (!g_str_equal (args[1], "include") && !g_str_equal (args[1], "exclude")))
    return vigil_cli_report_usage_error (cli, _("Say include or exclude, then the person’s reference."));
  if (args[2] == NULL)
    return vigil_cli_report_usage_error (cli, _("Name the person’s reference."));
  status = vigil_cli_check_decision (cli, &decided);
  if (status != VIGIL_CLI_CONTINUE)
    return status;

  store = vigil_cli_open_store (cli, VIGIL_STORE_OPEN_NONE, &error);
  if (store == NULL)
    return vigil_cli_fail_with_error (cli, error);

  override.person_id = vigil_cohort_find_person (store, args[2], &error);
  if (override.person_id == 0)
    return vigil_cli_fail_with_error (cli, error);
  override.kind = g_str_equal (args[1], "include") ? VIGIL_OVERRIDE_INCLUDE : VIGIL_OVERRIDE_EXCLUDE;
  override.decided_by = decided.by;
  override.decided_role = decided.role;
  override.decided_on = decided.on;
  override.rationale = decided.rationale;
  override.proportionality = decided.proportionality;

  decision = vigil_cohort_decide_override (store, &override, &error);
  if (decision == NULL)
    return vigil_cli_fail_with_error (cli, error);

  who = vigil_cli_dup_person_label (store, decision->person_id);
  g_print (override.kind == VIGIL_OVERRIDE_INCLUDE
             /* TRANSLATORS: person, decision-maker, role, date, decision number */
             ? _("%s included by %s (%s) on %s (decision %" PRId64 ").\n")
             : _("%s excluded by %s (%s) on %s (decision %" PRId64 ").\n"),
           who, decision->decided_by, decision->decided_role, decision->decided_on, decision->record.id);
  g_print (_("The algorithm said: %s.\n"), decision->outcome);

  if (decision->cohort_entry_id != 0)
    {
      g_autoptr(VigilCohortEntry) entry = vigil_store_fetch (store, &vigil_cohort_entry_type,
                                                             decision->cohort_entry_id, &error);

      if (entry == NULL)
        return vigil_cli_fail_with_error (cli, error);
      g_print (_("Cohort entry %" PRId64 ": %s (%s).\n"), entry->record.id,
               vigil_choice_get_label (vigil_cohort_status_choices, entry->status),
               g_strcmp0 (entry->status, "exited") == 0
                 ? vigil_choice_get_label (vigil_exit_reason_choices, entry->exit_reason)
                 : vigil_choice_get_label (vigil_route_choices, entry->route));
    }

  return VIGIL_CLI_EXIT_OK;
}
