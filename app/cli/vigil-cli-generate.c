/* vigil-cli generate: synthetic incidents in the exchange format, no database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vigil-cli"

#include "config.h"

#include <unistd.h>

#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>

#include "vigil-cli-common.h"

int
vigil_cli_generate (VigilCli  *cli,
                    char     **args)
{
  g_autofree char *incidents_text = NULL;
  g_autofree char *seed_text = NULL;
  g_autofree char *as_of = NULL;
  g_autofree char *out_path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GOutputStream) out = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GCancellable) abandon = NULL;
  guint64 n_incidents, seed = 1;
  const GOptionEntry entries[] = {
    { "incidents", 'n', 0, G_OPTION_ARG_STRING, &incidents_text,
      N_("How many incidents to write"), "N" },
    { "seed", 's', 0, G_OPTION_ARG_STRING, &seed_text,
      N_("The seed: the same seed gives the same file (default 1)"), "S" },
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of,
      N_("The extract’s date, YYYY-MM-DD: incidents fall in the four years before it "
         "(default today)"), "DATE" },
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out_path,
      N_("The file to write, “-” for standard output"), "FILE.csv" },
    G_OPTION_ENTRY_NULL
  };
  int status;
  gboolean ok;

  status = vigil_cli_parse_options (cli, entries, &args, 0);
  if (status != VIGIL_CLI_CONTINUE)
    return status;

  if (incidents_text == NULL)
    return vigil_cli_report_usage_error (cli, _("Say how many incidents to write with --incidents N."));
  if (!vigil_cli_parse_unsigned (incidents_text, VIGIL_SYNTH_MAX_INCIDENTS, &n_incidents, NULL))
    {
      g_autofree char *message =
        g_strdup_printf (_("--incidents must be a whole number from 0 to %d, not “%s”."),
                         VIGIL_SYNTH_MAX_INCIDENTS, incidents_text);

      return vigil_cli_report_usage_error (cli, message);
    }
  status = vigil_cli_parse_seed (cli, seed_text, &seed);
  if (status != VIGIL_CLI_CONTINUE)
    return status;
  status = vigil_cli_check_as_of (cli, as_of);
  if (status != VIGIL_CLI_CONTINUE)
    return status;
  if (as_of == NULL)
    as_of = vigil_cli_dup_today ();
  if (out_path == NULL)
    return vigil_cli_report_usage_error (cli, _("Say where to write with --out FILE.csv "
                                                "(--out - writes to standard output)."));

  if (g_str_equal (out_path, "-"))
    out = g_unix_output_stream_new (STDOUT_FILENO, FALSE);
  else
    {
      /* Written beside the file and renamed at the end: a failure leaves no half file. */
      file = g_file_new_for_commandline_arg (out_path);
      out = G_OUTPUT_STREAM (g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL,
                                             &error));
      if (out == NULL)
        return vigil_cli_fail_with_error (cli, error);
    }

  ok = vigil_synth_write_csv (n_incidents, seed, as_of, out, NULL, &error);

  if (file != NULL)
    {
      if (!ok)
        {
          /* Closing with a cancelled cancellable drops the temporary file. */
          abandon = g_cancellable_new ();
          g_cancellable_cancel (abandon);
          g_output_stream_close (out, abandon, NULL);
        }
      else
        ok = g_output_stream_close (out, NULL, &error);
    }

  if (!ok)
    return vigil_cli_fail_with_error (cli, error);

  return VIGIL_CLI_EXIT_OK;
}
