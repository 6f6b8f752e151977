/* vigil-cli refer: a stalking or partner-agency referral into the cohort
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vigil-cli"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "vigil-cli-common.h"

int
vigil_cli_refer (VigilCli  *cli,
                 char     **args)
{
  g_autofree char *route = NULL;
  g_autofree char *source = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *person_ref = NULL;
  g_autofree char *surname = NULL;
  g_autofree char *forenames = NULL;
  g_autofree char *dob = NULL;
  g_autofree char *pnc = NULL;
  g_autofree char *new_ref = NULL;
  g_autofree char *on = NULL;
  g_autofree char *area = NULL;
  g_autofree char *lead_agency = NULL;
  g_autofree char *who = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) store = NULL;
  g_autoptr(VigilCohortEntry) entry = NULL;
  VigilReferral referral = { 0 };
  const GOptionEntry entries[] = {
    { "route", 0, 0, G_OPTION_ARG_STRING, &route,
      N_("stalking_referral or agency_referral"), "ROUTE" },
    { "source", 0, 0, G_OPTION_ARG_STRING, &source,
      N_("Who referred the person (“Stalking clinic”, “Probation”)"), "WHO" },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("Why they were referred"), "TEXT" },
    { "person", 0, 0, G_OPTION_ARG_STRING, &person_ref,
      N_("The reference of a person already in the store"), "REF" },
    { "surname", 0, 0, G_OPTION_ARG_STRING, &surname, N_("A new person’s surname"), "NAME" },
    { "forenames", 0, 0, G_OPTION_ARG_STRING, &forenames, N_("A new person’s forenames"), "NAMES" },
    { "dob", 0, 0, G_OPTION_ARG_STRING, &dob, N_("A new person’s date of birth, YYYY-MM-DD"), "DATE" },
    { "pnc", 0, 0, G_OPTION_ARG_STRING, &pnc, N_("A new person’s PNC ID"), "PNC" },
    { "ref", 0, 0, G_OPTION_ARG_STRING, &new_ref, N_("A new person’s reference"), "NEWREF" },
    { "on", 0, 0, G_OPTION_ARG_STRING, &on, N_("The date of the referral, YYYY-MM-DD (default today)"), "DATE" },
    { "area", 0, 0, G_OPTION_ARG_STRING, &area, N_("The area"), "AREA" },
    { "lead-agency", 0, 0, G_OPTION_ARG_STRING, &lead_agency,
      N_("The lead agency (police, probation, housing, …)"), "AGENCY" },
    G_OPTION_ENTRY_NULL
  };
  int status;

  status = vigil_cli_parse_options (cli, entries, &args, 0);
  if (status != VIGIL_CLI_CONTINUE)
    return status;

  if (route == NULL)
    return vigil_cli_report_usage_error (cli, _("Say how the person was referred with --route "
                                                "stalking_referral or --route agency_referral."));
  if (source == NULL || reason == NULL)
    return vigil_cli_report_usage_error (cli, _("Give who referred the person (--source) and why (--reason)."));
  if (person_ref != NULL && (surname != NULL || forenames != NULL || dob != NULL || pnc != NULL || new_ref != NULL))
    return vigil_cli_report_usage_error (cli, _("Refer a person already in the store with --person, or a new "
                                                "person with --surname and --ref, not both."));
  if (person_ref == NULL && (surname == NULL || new_ref == NULL))
    return vigil_cli_report_usage_error (cli, _("Name the person: --person REF for someone already in the "
                                                "store, or --surname and --ref for a new person."));

  store = vigil_cli_open_store (cli, VIGIL_STORE_OPEN_NONE, &error);
  if (store == NULL)
    return vigil_cli_fail_with_error (cli, error);

  if (person_ref != NULL)
    {
      referral.person_id = vigil_cohort_find_person (store, person_ref, &error);
      if (referral.person_id == 0)
        return vigil_cli_fail_with_error (cli, error);
    }
  referral.surname = surname;
  referral.forenames = forenames;
  referral.dob = dob;
  referral.pnc_id = pnc;
  referral.local_ref = new_ref;
  referral.route = route;
  referral.source = source;
  referral.reason = reason;
  referral.referred_on = on;
  referral.area = area;
  referral.lead_agency = lead_agency;

  entry = vigil_cohort_refer (store, &referral, &error);
  if (entry == NULL)
    return vigil_cli_fail_with_error (cli, error);

  who = vigil_cli_dup_person_label (store, entry->person_id);
  /* TRANSLATORS: person, route, who referred, date, entry number */
  g_print (_("%s is a candidate for the cohort: %s from %s on %s (cohort entry %" PRId64 ").\n"),
           who, vigil_choice_get_label (vigil_route_choices, entry->route), entry->referral_source,
           entry->identified_on, entry->record.id);
  return VIGIL_CLI_EXIT_OK;
}
