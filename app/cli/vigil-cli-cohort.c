/* vigil-cli cohort set: move a cohort entry to another status, as a decision
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vigil-cli"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "vigil-cli-common.h"

int
vigil_cli_cohort_set (VigilCli  *cli,
                      char     **args)
{
  g_auto(VigilCliDecision) decided = { NULL, };
  g_autofree char *reason = NULL;
  g_autofree char *panel = NULL;
  g_autofree char *lead_agency = NULL;
  g_autofree char *lead_officer = NULL;
  g_autofree char *review = NULL;
  g_autofree char *who = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) store = NULL;
  g_autoptr(VigilCohortEntry) entry = NULL;
  g_autoptr(VigilDecision) decision = NULL;
  VigilStatusMove move = { 0 };
  gint64 person_id;
  const GOptionEntry entries[] = {
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("The exit reason (for exited)"), "REASON" },
    { "panel", 0, 0, G_OPTION_ARG_STRING, &panel,
      N_("Which panel manages the risk (for managed, when another process is active)"), "PANEL" },
    { "lead-agency", 0, 0, G_OPTION_ARG_STRING, &lead_agency,
      N_("The lead agency (police, probation, housing, …)"), "AGENCY" },
    { "lead-officer", 0, 0, G_OPTION_ARG_STRING, &lead_officer, N_("The lead officer"), "NAME" },
    { "next-review", 0, 0, G_OPTION_ARG_STRING, &review, N_("The next review date, YYYY-MM-DD"), "DATE" },
    G_OPTION_ENTRY_NULL
  };
  int status;

  status = vigil_cli_parse_decision_options (cli, &decided, "date", entries, &args, 2);
  if (status != VIGIL_CLI_CONTINUE)
    return status;

  if (args[1] == NULL || args[2] == NULL)
    return vigil_cli_report_usage_error (cli, _("Name the person’s reference, then the new status."));
  status = vigil_cli_check_decision (cli, &decided);
  if (status != VIGIL_CLI_CONTINUE)
    return status;

  store = vigil_cli_open_store (cli, VIGIL_STORE_OPEN_NONE, &error);
  if (store == NULL)
    return vigil_cli_fail_with_error (cli, error);

  person_id = vigil_cohort_find_person (store, args[1], &error);
  if (person_id == 0)
    return vigil_cli_fail_with_error (cli, error);
  entry = vigil_cohort_get_open_entry (store, person_id, &error);
  if (entry == NULL)
    {
      if (error != NULL)
        return vigil_cli_fail_with_error (cli, error);
      who = vigil_cli_dup_person_label (store, person_id);
      g_set_error (&error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_NOT_FOUND,
                   _("%s is not in the cohort: refer them (refer) or include them by a "
                     "professional judgement (override include) first. Nothing was changed."), who);
      return vigil_cli_fail_with_error (cli, error);
    }

  move.entry_id = entry->record.id;
  move.entry_rev = entry->record.rev;
  move.status = args[2];
  move.decided_by = decided.by;
  move.decided_role = decided.role;
  move.decided_on = decided.on;
  move.rationale = decided.rationale;
  move.proportionality = decided.proportionality;
  move.exit_reason = reason;
  move.managing_panel = panel;
  move.lead_agency = lead_agency;
  move.lead_officer = lead_officer;
  move.next_review_on = review;

  decision = vigil_casework_move_status (store, &move, &error);
  if (decision == NULL)
    return vigil_cli_fail_with_error (cli, error);

  who = vigil_cli_dup_person_label (store, person_id);
  /* TRANSLATORS: person, "Candidate → Under review", decision-maker, role, date, decision number */
  g_print (_("%s: %s, decided by %s (%s) on %s (decision %" PRId64 ").\n"),
           who, decision->outcome, decision->decided_by, decision->decided_role,
           decision->decided_on, decision->record.id);
  return VIGIL_CLI_EXIT_OK;
}
