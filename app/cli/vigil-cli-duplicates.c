/* vigil-cli duplicates: list, merge or keep apart possible duplicate people
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vigil-cli"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "vigil-cli-common.h"

static void
print_duplicate_person (const VigilDuplicatePerson *person)
{
  g_autofree char *name = vigil_duplicate_person_dup_name (person);

  g_print ("  %-32s %-16s %s %-10s  %s %-12s  ", name, person->local_ref ? person->local_ref : "—",
           _("born"), person->dob ? person->dob : "—", _("PNC"), person->pnc_id ? person->pnc_id : "—");
  /* TRANSLATORS: incidents as a perpetrator, then as a victim */
  g_print (g_dngettext (GETTEXT_PACKAGE, "%" PRId64 " incident", "%" PRId64 " incidents",
                        (gulong) person->incidents_as_perpetrator),
           person->incidents_as_perpetrator);
  g_print (_(", %" PRId64 " as victim\n"), person->incidents_as_victim);
}

int
vigil_cli_duplicates (VigilCli  *cli,
                      char     **args)
{
  g_autofree char *status_option = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) store = NULL;
  g_autoptr(GPtrArray) duplicates = NULL;
  const char *wanted;
  const GOptionEntry entries[] = {
    { "status", 0, 0, G_OPTION_ARG_STRING, &status_option,
      N_("open (default), merged, kept_apart or all"), "STATUS" },
    G_OPTION_ENTRY_NULL
  };
  int status;

  status = vigil_cli_parse_options (cli, entries, &args, 0);
  if (status != VIGIL_CLI_CONTINUE)
    return status;

  wanted = status_option == NULL ? "open" : g_str_equal (status_option, "all") ? NULL : status_option;
  if (wanted != NULL && !g_strv_contains (vigil_duplicate_status_choices, wanted))
    {
      g_autofree char *message =
        g_strdup_printf (_("--status must be open, merged, kept_apart or all, not “%s”."), status_option);

      return vigil_cli_report_usage_error (cli, message);
    }

  store = vigil_cli_open_store (cli, VIGIL_STORE_OPEN_NONE, &error);
  if (store == NULL)
    return vigil_cli_fail_with_error (cli, error);

  duplicates = vigil_duplicates_list (store, wanted, &error);
  if (duplicates == NULL)
    return vigil_cli_fail_with_error (cli, error);

  if (duplicates->len == 0)
    {
      g_print ("%s\n", wanted != NULL && g_str_equal (wanted, "open")
                         ? _("No possible duplicates are waiting for a decision.")
                         : _("No possible duplicates."));
      return VIGIL_CLI_EXIT_OK;
    }

  for (guint i = 0; i < duplicates->len; i++)
    {
      VigilDuplicate *duplicate = g_ptr_array_index (duplicates, i);

      /* TRANSLATORS: number, status, reason */
      g_print (_("Possible duplicate %" PRId64 " (%s): %s"), duplicate->id,
               vigil_choice_get_label (vigil_duplicate_status_choices, duplicate->status),
               vigil_choice_get_label (vigil_duplicate_reason_choices, duplicate->reason));
      if (duplicate->batch_id != 0)
        g_print (_(", found by import batch %" PRId64), duplicate->batch_id);
      g_print ("\n");
      print_duplicate_person (&duplicate->person);
      print_duplicate_person (&duplicate->other);
      if (g_strcmp0 (duplicate->status, "open") != 0)
        /* TRANSLATORS: who, when, why */
        g_print (_("  Decided by %s on %s: %s\n"), duplicate->decided_by ? duplicate->decided_by : "?",
                 duplicate->decided_on ? duplicate->decided_on : "?",
                 duplicate->rationale ? duplicate->rationale : "");
      g_print ("\n");
    }

  return VIGIL_CLI_EXIT_OK;
}

/* Parses the options of duplicates merge or keep-apart (@entries) and the ID of the
 * pair they decide. */
static int
parse_pair_options (VigilCli            *cli,
                    const GOptionEntry  *entries,
                    char              ***args,
                    gint64              *id)
{
  guint64 value = 0;
  const char *id_text;
  int status;

  status = vigil_cli_parse_options (cli, entries, args, 1);
  if (status != VIGIL_CLI_CONTINUE)
    return status;

  id_text = (*args)[1];
  if (id_text == NULL)
    return vigil_cli_report_usage_error (cli, _("Give the number of the possible duplicate "
                                                "(“vigil-cli duplicates” lists them)."));
  if (!vigil_cli_parse_unsigned (id_text, G_MAXINT64, &value, NULL) || value == 0)
    {
      g_autofree char *message =
        g_strdup_printf (_("A possible duplicate’s number is a whole number, not “%s”."), id_text);

      return vigil_cli_report_usage_error (cli, message);
    }

  *id = (gint64) value;
  return VIGIL_CLI_CONTINUE;
}

int
vigil_cli_duplicates_merge (VigilCli  *cli,
                            char     **args)
{
  g_autofree char *keep_ref = NULL;
  g_autofree char *by = NULL;
  g_autofree char *rationale = NULL;
  g_autofree char *kept = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) store = NULL;
  gint64 id = 0, keep_id;
  const GOptionEntry entries[] = {
    { "keep", 0, 0, G_OPTION_ARG_STRING, &keep_ref, N_("The reference of the person to keep"), "PERSON_REF" },
    { "by", 0, 0, G_OPTION_ARG_STRING, &by, N_("Who decided"), "NAME" },
    { "rationale", 0, 0, G_OPTION_ARG_STRING, &rationale, N_("Why they are one person"), "TEXT" },
    G_OPTION_ENTRY_NULL
  };
  int status;

  status = parse_pair_options (cli, entries, &args, &id);
  if (status != VIGIL_CLI_CONTINUE)
    return status;
  if (keep_ref == NULL)
    return vigil_cli_report_usage_error (cli, _("Say which of the two people to keep with --keep PERSON_REF."));
  if (by == NULL || rationale == NULL)
    return vigil_cli_report_usage_error (cli, _("Say who decided (--by) and why (--rationale)."));

  store = vigil_cli_open_store (cli, VIGIL_STORE_OPEN_NONE, &error);
  if (store == NULL)
    return vigil_cli_fail_with_error (cli, error);

  keep_id = vigil_cohort_find_person (store, keep_ref, &error);
  if (keep_id == 0)
    return vigil_cli_fail_with_error (cli, error);

  if (!vigil_duplicates_merge (store, id, keep_id, by, rationale, &error))
    return vigil_cli_fail_with_error (cli, error);

  kept = vigil_cli_dup_person_label (store, keep_id);
  /* TRANSLATORS: number, person */
  g_print (_("Possible duplicate %" PRId64 " merged: every record now belongs to %s.\n"), id, kept);
  return VIGIL_CLI_EXIT_OK;
}

int
vigil_cli_duplicates_keep_apart (VigilCli  *cli,
                                 char     **args)
{
  g_autofree char *by = NULL;
  g_autofree char *rationale = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) store = NULL;
  gint64 id = 0;
  const GOptionEntry entries[] = {
    { "by", 0, 0, G_OPTION_ARG_STRING, &by, N_("Who decided"), "NAME" },
    { "rationale", 0, 0, G_OPTION_ARG_STRING, &rationale, N_("Why they are two people"), "TEXT" },
    G_OPTION_ENTRY_NULL
  };
  int status;

  status = parse_pair_options (cli, entries, &args, &id);
  if (status != VIGIL_CLI_CONTINUE)
    return status;
  if (by == NULL || rationale == NULL)
    return vigil_cli_report_usage_error (cli, _("Say who decided (--by) and why (--rationale)."));

  store = vigil_cli_open_store (cli, VIGIL_STORE_OPEN_NONE, &error);
  if (store == NULL)
    return vigil_cli_fail_with_error (cli, error);

  if (!vigil_duplicates_keep_apart (store, id, by, rationale, &error))
    return vigil_cli_fail_with_error (cli, error);

  g_print (_("Possible duplicate %" PRId64 " kept apart: they are two people.\n"), id);
  return VIGIL_CLI_EXIT_OK;
}
