/* vigil-cli import-flags: partner-agency information as agency flags
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vigil-cli"

#include "config.h"

#include <inttypes.h>
#include <unistd.h>

#include <glib/gi18n.h>

#include "vigil-cli-common.h"

int
vigil_cli_import_flags (VigilCli  *cli,
                        char     **args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) store = NULL;
  g_autoptr(VigilFlagImportReport) report = NULL;
  gboolean interactive = isatty (STDERR_FILENO);
  guint n_candidates;
  int status;

  status = vigil_cli_parse_options (cli, NULL, &args, 1);
  if (status != VIGIL_CLI_CONTINUE)
    return status;

  if (args[1] == NULL)
    return vigil_cli_report_usage_error (cli, _("Name the CSV file to import."));

  store = vigil_cli_open_store (cli, VIGIL_STORE_OPEN_CREATE, &error);
  if (store == NULL)
    return vigil_cli_fail_with_error (cli, error);

  report = vigil_import_agency_flags (store, args[1], vigil_cli_print_import_progress, &interactive,
                                      NULL, &error);
  if (report == NULL)
    return vigil_cli_fail_with_error (cli, error);

  if (!vigil_cli_print_import_outcome (report->already_imported, report->batch_id,
                                       report->rejections))
    return VIGIL_CLI_EXIT_OK;

  /* TRANSLATORS: the end of an import of partner-agency information */
  g_print (_("Batch %" PRId64 ": %" PRIu64 " rows read, %" PRIu64 " flags added, %" PRIu64
             " already known, %" PRIu64 " rejected; %" PRIu64 " new people, %" PRIu64
             " people already known (%.1f s).\n"),
           report->batch_id, (guint64) report->rows_total, (guint64) report->rows_imported,
           (guint64) report->rows_duplicate, (guint64) report->rows_rejected,
           (guint64) report->people_created, (guint64) report->people_matched, report->seconds);

  n_candidates = g_strv_length (report->no_incident_refs);
  if (n_candidates > 0)
    {
      g_print (g_dngettext (GETTEXT_PACKAGE,
                            "%u person flagged has no incident as a perpetrator (consider a referral):\n",
                            "%u people flagged have no incident as a perpetrator (consider a referral):\n",
                            n_candidates),
               n_candidates);
      for (guint i = 0; i < n_candidates; i++)
        g_print ("  %s\n", report->no_incident_refs[i]);
    }

  return report->rows_rejected > 0 ? VIGIL_CLI_EXIT_PARTIAL : VIGIL_CLI_EXIT_OK;
}
