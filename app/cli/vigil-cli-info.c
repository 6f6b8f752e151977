/* vigil-cli info: describe the database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vigil-cli"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "vigil-cli-common.h"

int
vigil_cli_info (VigilCli  *cli,
                char     **args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) store = NULL;
  g_autofree char *where = NULL;
  gint64 n_people = 0, n_incidents = 0;
  int status;

  status = vigil_cli_parse_options (cli, NULL, &args, 0);
  if (status != VIGIL_CLI_CONTINUE)
    return status;

  store = vigil_cli_open_store (cli, VIGIL_STORE_OPEN_NONE, &error);
  if (store == NULL)
    return vigil_cli_fail_with_error (cli, error);

  if (!vigil_cli_count_rows (store, &vigil_person_type, &n_people, &error) ||
      !vigil_cli_count_rows (store, &vigil_incident_type, &n_incidents, &error))
    return vigil_cli_fail_with_error (cli, error);

  where = vigil_location_to_display_string (cli->location);
  g_print ("%-16s %s\n", _("Database:"), where);
  g_print ("%-16s %s\n", _("Engine:"),
           vigil_store_get_engine (store) == VIGIL_ENGINE_POSTGRESQL ? "PostgreSQL" : "SQLite");
  g_print ("%-16s %s\n", _("Contents:"),
           vigil_store_get_kind (store) == VIGIL_STORE_KIND_DEMO
           ? _("demo (synthetic data)") : _("real records"));
  g_print ("%-16s %d\n", _("Schema version:"), vigil_store_get_schema_version (store));
  g_print ("%-16s %" PRId64 "\n", _("People:"), n_people);
  g_print ("%-16s %" PRId64 "\n", _("Incidents:"), n_incidents);
  return VIGIL_CLI_EXIT_OK;
}
