/* vigil-cli export panel-pack: a meeting's panel pack as a PDF
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vigil-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-cli-common.h"
#include "vigil-panel-pack.h"

int
vigil_cli_export_panel_pack (VigilCli  *cli,
                             char     **args)
{
  g_autofree char *meeting_text = NULL;
  g_autofree char *out = NULL;
  g_autofree char *marking = NULL;
  gboolean show_victims = FALSE;
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) store = NULL;
  VigilPanelPackOptions options = { 0 };
  const GOptionEntry entries[] = {
    { "meeting", 0, 0, G_OPTION_ARG_STRING, &meeting_text, N_("The meeting’s number"), "ID" },
    { "out", 0, 0, G_OPTION_ARG_FILENAME, &out, N_("The PDF file to write"), "FILE.pdf" },
    { "show-victims", 0, 0, G_OPTION_ARG_NONE, &show_victims, N_("Name the victims (by default, their role only)"), NULL },
    { "marking", 0, 0, G_OPTION_ARG_STRING, &marking,
      N_("The protective marking on every page (default: the meeting’s, or OFFICIAL-SENSITIVE)"), "TEXT" },
    G_OPTION_ENTRY_NULL
  };
  gint64 meeting_id = 0;
  guint pages;
  int status;

  status = vigil_cli_parse_options (cli, entries, &args, 0);
  if (status != VIGIL_CLI_CONTINUE)
    return status;
  if (meeting_text == NULL || out == NULL)
    return vigil_cli_report_usage_error (cli, _("Name the meeting (--meeting ID) and the file to write (--out FILE.pdf)."));
  status = vigil_cli_parse_meeting (cli, meeting_text, &meeting_id);
  if (status != VIGIL_CLI_CONTINUE)
    return status;

  store = vigil_cli_open_store (cli, VIGIL_STORE_OPEN_NONE, &error);
  if (store == NULL)
    return vigil_cli_fail_with_error (cli, error);

  options.show_victims = show_victims;
  options.marking = marking;
  pages = vigil_panel_pack_write (store, meeting_id, out, &options, NULL, &error);
  if (pages == 0)
    return vigil_cli_fail_with_error (cli, error);

  /* TRANSLATORS: a file name and its number of pages */
  g_print (g_dngettext (GETTEXT_PACKAGE, "Wrote %s (%u page).\n", "Wrote %s (%u pages).\n", pages), out, pages);
  if (show_victims)
    g_print ("%s\n", _("Victims are named in it: keep it from anyone who may not see their names."));
  return VIGIL_CLI_EXIT_OK;
}
