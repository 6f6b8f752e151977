/* vigil-cli demo: fill an empty database with the synthetic demo
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vigil-cli"

#include "config.h"

#include <inttypes.h>
#include <glib/gstdio.h>

#include <glib/gi18n.h>

#include "vigil-cli-common.h"

static void
remove_sqlite_files (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_remove (file);
    }
}

int
vigil_cli_demo (VigilCli  *cli,
                char     **args)
{
  g_autofree char *seed_text = NULL;
  g_autofree char *as_of = NULL;
  g_autofree char *where = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) store = NULL;
  guint64 seed = VIGIL_DEMO_DEFAULT_SEED;
  gint64 n_people = 0, n_incidents = 0;
  const GOptionEntry entries[] = {
    { "seed", 's', 0, G_OPTION_ARG_STRING, &seed_text,
      N_("The seed of the synthetic incidents"), "S" },
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of,
      N_("The demo’s today, YYYY-MM-DD (default today)"), "DATE" },
    G_OPTION_ENTRY_NULL
  };
  int status;

  status = vigil_cli_parse_options (cli, entries, &args, 0);
  if (status != VIGIL_CLI_CONTINUE)
    return status;

  status = vigil_cli_parse_seed (cli, seed_text, &seed);
  if (status != VIGIL_CLI_CONTINUE)
    return status;
  status = vigil_cli_check_as_of (cli, as_of);
  if (status != VIGIL_CLI_CONTINUE)
    return status;

  store = vigil_cli_open_store (cli, VIGIL_STORE_OPEN_CREATE, &error);
  if (store == NULL)
    return vigil_cli_fail_with_error (cli, error);
  where = vigil_location_to_display_string (cli->location);

  if (!vigil_demo_fill (store, seed, as_of, NULL, &error))
    {
      gboolean refused = g_error_matches (error, VIGIL_STORE_ERROR,
                                          VIGIL_STORE_ERROR_KIND_MISMATCH);

      vigil_store_close (store);
      /* Leave nothing behind that was not there before. */
      if (cli->store_created)
        remove_sqlite_files (cli->location->path);

      if (refused)
        {
          g_autofree char *message = g_strdup_printf ("%s (%s)", error->message, where);

          vigil_cli_print_error (cli, message);
          return VIGIL_CLI_EXIT_USER_ERROR;
        }

      return vigil_cli_fail_with_error (cli, error);
    }

  if (!vigil_cli_count_rows (store, &vigil_person_type, &n_people, &error) ||
      !vigil_cli_count_rows (store, &vigil_incident_type, &n_incidents, &error))
    return vigil_cli_fail_with_error (cli, error);

  /* TRANSLATORS: %s is a database location, then counts of people and incidents */
  g_print (_("Filled %s with the synthetic demo: %" PRId64 " people, "
             "%" PRId64 " incidents.\n"),
           where, n_people, n_incidents);
  return VIGIL_CLI_EXIT_OK;
}
