/* vigil-cli import: incidents from a CSV file
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
vigil_cli_import (VigilCli  *cli,
                  char     **args)
{
  g_autofree char *mapping_path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) store = NULL;
  g_autoptr(VigilImportMapping) mapping = NULL;
  g_autoptr(VigilImportReport) report = NULL;
  gboolean interactive = isatty (STDERR_FILENO);
  const GOptionEntry entries[] = {
    { "mapping", 'm', 0, G_OPTION_ARG_FILENAME, &mapping_path,
      N_("A JSON file mapping the file’s columns, dates and labels onto the exchange format"), "MAP.json" },
    G_OPTION_ENTRY_NULL
  };
  int status;

  status = vigil_cli_parse_options (cli, entries, &args, 1);
  if (status != VIGIL_CLI_CONTINUE)
    return status;

  if (args[1] == NULL)
    return vigil_cli_report_usage_error (cli, _("Name the CSV file to import."));

  if (mapping_path != NULL && (mapping = vigil_import_mapping_load (mapping_path, &error)) == NULL)
    return vigil_cli_fail_with_error (cli, error);

  store = vigil_cli_open_store (cli, VIGIL_STORE_OPEN_CREATE, &error);
  if (store == NULL)
    return vigil_cli_fail_with_error (cli, error);

  /* The import writes a SQLite store through its own connection; with this one
   * closed it is the only one, and a large batch need not go through the
   * write-ahead log (see vigil-import.c). */
  if (vigil_store_get_engine (store) == VIGIL_ENGINE_SQLITE)
    vigil_store_close (store);

  report = vigil_import_incidents (store, args[1], mapping, vigil_cli_print_import_progress,
                                   &interactive, NULL, &error);
  if (report == NULL)
    return vigil_cli_fail_with_error (cli, error);

  if (!vigil_cli_print_import_outcome (report->already_imported, report->batch_id,
                                       report->rejections))
    return VIGIL_CLI_EXIT_OK;

  for (guint i = 0; i < report->unmapped->len; i++)
    {
      VigilImportUnmapped *unmapped = g_ptr_array_index (report->unmapped, i);

      g_print (_("Unmapped offence code “%s” (%" PRIu64 " incidents): imported with gravity 1.\n"),
               unmapped->code, (guint64) unmapped->count);
    }

  g_print (_("Batch %" PRId64 ": %" PRIu64 " rows read, %" PRIu64 " imported, %" PRIu64
             " already known, %" PRIu64 " rejected; %" PRIu64 " new people, %" PRIu64
             " possible duplicates to review (%.1f s).\n"),
           report->batch_id, (guint64) report->rows_total, (guint64) report->rows_imported,
           (guint64) report->rows_duplicate, (guint64) report->rows_rejected,
           (guint64) report->people_created, (guint64) report->possible_duplicates, report->seconds);

  return report->rows_rejected > 0 ? VIGIL_CLI_EXIT_PARTIAL : VIGIL_CLI_EXIT_OK;
}
