/* vigil-cli audit verify: check the hash-chained audit trail
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vigil-cli"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "vigil-cli-common.h"

int
vigil_cli_audit_verify (VigilCli  *cli,
                        char     **args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) store = NULL;
  gint64 n_rows = 0;
  int status;

  status = vigil_cli_parse_options (cli, NULL, &args, 0);
  if (status != VIGIL_CLI_CONTINUE)
    return status;

  store = vigil_cli_open_store (cli, VIGIL_STORE_OPEN_NONE, &error);
  if (store == NULL)
    return vigil_cli_fail_with_error (cli, error);

  if (!vigil_audit_verify (store, &n_rows, &error))
    return vigil_cli_fail_with_error (cli, error);

  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "The audit trail is intact: %" PRId64 " row checked.\n",
                        "The audit trail is intact: %" PRId64 " rows checked.\n",
                        (gulong) n_rows),
           n_rows);
  return VIGIL_CLI_EXIT_OK;
}
