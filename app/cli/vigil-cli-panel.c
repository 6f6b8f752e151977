/* vigil-cli panel agenda: a panel meeting's agenda, or build it from the cohort
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vigil-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "vigil-cli-common.h"

int
vigil_cli_panel_agenda (VigilCli  *cli,
                        char     **args)
{
  gboolean build = FALSE;
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) store = NULL;
  g_autoptr(VigilPanelMeeting) meeting = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GPtrArray) attendance = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  g_auto(GStrv) missing = NULL;
  g_autofree char *today = vigil_cli_dup_today ();
  const GOptionEntry entries[] = {
    { "build", 0, 0, G_OPTION_ARG_NONE, &build, N_("First add the people the cohort puts on the agenda"), NULL },
    G_OPTION_ENTRY_NULL
  };
  gint64 meeting_id = 0;
  int status;

  status = vigil_cli_parse_options (cli, entries, &args, 1);
  if (status != VIGIL_CLI_CONTINUE)
    return status;
  status = vigil_cli_parse_meeting (cli, args[1], &meeting_id);
  if (status != VIGIL_CLI_CONTINUE)
    return status;

  store = vigil_cli_open_store (cli, VIGIL_STORE_OPEN_NONE, &error);
  if (store == NULL)
    return vigil_cli_fail_with_error (cli, error);
  meeting = vigil_store_fetch (store, &vigil_panel_meeting_type, meeting_id, &error);
  if (meeting == NULL)
    return vigil_cli_fail_with_error (cli, error);

  if (build)
    {
      int added = vigil_panel_build_agenda (store, meeting_id, &error);

      if (added < 0)
        return vigil_cli_fail_with_error (cli, error);
      g_print (g_dngettext (GETTEXT_PACKAGE, "Added %d person to the agenda.\n",
                            "Added %d people to the agenda.\n", added), added);
    }

  items = vigil_panel_list_agenda (store, meeting_id, &error);
  if (items == NULL)
    return vigil_cli_fail_with_error (cli, error);
  attendance = vigil_store_list (store, &vigil_attendance_type, "meeting_id", meeting_id, &error);
  if (attendance == NULL)
    return vigil_cli_fail_with_error (cli, error);
  actions = vigil_panel_list_actions (store, meeting_id, &error);
  if (actions == NULL)
    return vigil_cli_fail_with_error (cli, error);

  /* TRANSLATORS: a meeting's title, date and time, status */
  g_print (_("%s, %s (%s)\n"), meeting->title, meeting->meets_at,
           vigil_choice_get_label (vigil_meeting_status_choices, meeting->status) ?: _("no status"));
  for (guint i = 0; i < items->len; i++)
    {
      const VigilAgendaItem *item = g_ptr_array_index (items, i);
      g_autofree char *who = vigil_cli_dup_person_label (store, item->person_id);

      g_print ("%3u. %s — %s\n", i + 1, who,
               vigil_choice_get_label (vigil_agenda_reason_choices, item->reason) ?: _("no reason given"));
    }
  if (items->len == 0)
    g_print ("%s\n", _("Nothing on the agenda."));
  missing = vigil_panel_dup_missing_agencies (attendance);
  if (missing[0] != NULL)
    {
      g_autofree char *list = g_strjoinv (", ", missing);

      g_print (_("Not represented, though the guidance names them: %s.\n"), list);
    }
  for (guint i = 0; i < actions->len; i++)
    {
      const VigilAction *action = g_ptr_array_index (actions, i);

      g_print (_("Action: %s (due %s, %s)%s\n"), action->description, action->due_on ? action->due_on : _("no date"),
               vigil_choice_get_label (vigil_action_status_choices, action->status),
               vigil_panel_action_is_overdue (action, today) ? _(" OVERDUE") : "");
    }
  return VIGIL_CLI_EXIT_OK;
}
