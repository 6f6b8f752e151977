/* vigil-cli.c: Vigil's headless interface (scheduled refresh, scripts, benchmarks)
 *
 *   vigil-cli [--database DB] COMMAND [OPTION…]
 *
 * Each command is a row of the commands[] table: its words ("audit verify"), the
 * arguments shown in its usage line, a one-line summary and a function, in a file of
 * its own (vigil-cli-COMMAND.c), that parses its own options with
 * vigil_cli_parse_options() and returns an exit status: 0 success, 1 user error
 * (message on stderr, nothing changed), 2 partial success. What the commands share,
 * opening the store among it, is in vigil-cli-common.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vigil-cli"

#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib/gi18n.h>

#include "vigil-cli-common.h"

static int run_help (VigilCli *cli, char **args);

static const VigilCliCommand commands[] = {
  { "generate", N_("--incidents N --out FILE.csv [OPTION…]"),
    N_("Write synthetic incidents in the exchange format"),
    N_("Writes N synthetic, heavy-tailed incidents with obviously fake names in the "
       "incident exchange format (CSV). The same seed, number and as-of date always "
       "give the same file. No database is needed."),
    vigil_cli_generate },
  { "demo", N_("[OPTION…]"),
    N_("Fill an empty database with the synthetic demo"),
    N_("Creates the database when it does not exist, marks it as the demo and fills it "
       "with synthetic people, incidents, a cohort, decisions, plans, a panel meeting and "
       "outcomes. A database that already holds records is left alone."),
    vigil_cli_demo },
  { "import", N_("FILE.csv [--mapping MAP.json]"),
    N_("Import incidents from a CSV file"),
    N_("Imports the incidents of FILE.csv (the incident exchange format, or a force’s own "
       "extract described by a mapping file) in one transaction. Every bad row is rejected "
       "with its line, field and reason and kept in the import batch; every good row is "
       "imported. Importing the same file or incident again adds nothing. Exit status 2 "
       "when rows were rejected."),
    vigil_cli_import },
  { "import-flags", N_("FILE.csv"),
    N_("Import partner-agency information as agency flags"),
    N_("Imports the rows of FILE.csv (person_ref, person_name, person_dob, person_pnc, agency, "
       "concern, reported_on, reported_by, isa_reference) as agency flags, in one transaction. "
       "People are matched by reference or created. Every bad row is rejected with its line, "
       "field and reason and kept in the import batch; a row equal to a flag already in the "
       "store, or the same file again, adds nothing. Lists the people flagged who have no "
       "incident as a perpetrator. Exit status 2 when rows were rejected."),
    vigil_cli_import_flags },
  { "refresh", N_("[--as-of DATE] [--profile FILE.json] [--format table|csv|json]"),
    N_("Score every perpetrator and store the run"),
    N_("Scores every perpetrator by recency, frequency, gravity and victims (RFGV) with "
       "the default profile or FILE.json, stores the run with the scores of the cohort and "
       "of everyone with a cohort entry, compares it with the previous run (new entrants, "
       "risers, fallers, dropped) and prints the ranking. CSV columns: "
       "rank,perpetrator_ref,R,F,G,V,total."),
    vigil_cli_refresh },
  { "explain", N_("PERSON_REF [--as-of DATE] [--profile FILE.json]"),
    N_("Explain one person’s score"),
    N_("Shows the points for recency, frequency, gravity and victims and the incidents "
       "behind each."),
    vigil_cli_explain },
  { "refer", N_("--route ROUTE --source WHO --reason TEXT (--person REF | --surname NAME --ref NEWREF) [OPTION…]"),
    N_("Refer someone into the cohort: a stalking or partner-agency referral"),
    N_("Stalkers and people known to partner agencies rarely rank high in police data, so "
       "they enter the cohort by referral. Adds a candidate cohort entry by the route "
       "stalking_referral or agency_referral, for a person already in the store (--person) "
       "or a new one (--surname and --ref, with --forenames, --dob and --pnc when known). "
       "Someone already in the cohort is refused and nothing changes."),
    vigil_cli_refer },
  { "override", N_("include|exclude PERSON_REF --by NAME --role ROLE --rationale TEXT [OPTION…]"),
    N_("Record a decision to include or exclude someone against the ranking"),
    N_("The algorithm indicates, people decide. Records who decided, their role, when and "
       "why, with what the latest scoring run said of the person. include adds a candidate "
       "entry (route professional_judgement) when the person is not in the cohort; exclude "
       "closes a candidate, under-review or of-concern entry. A managed person leaves by the "
       "exit workflow, not by an override."),
    vigil_cli_override },
  { "cohort set", N_("PERSON_REF STATUS --by NAME --role ROLE --rationale TEXT [OPTION…]"),
    N_("Move a person’s cohort entry to another status, as a decision"),
    N_("Moves the person’s open cohort entry along the workflow candidate → under_review → "
       "managed → scaling_back → exited (and of_concern), recording the decision with who "
       "decided, their role, when and why. managed is a panel adoption: when another process "
       "(MARAC, MAPPA, IOM, …) is active, --panel must say which panel manages the risk. exited "
       "needs --reason (risk_reduced, plan_completed, managed_elsewhere, custody, "
       "moved_out_of_area, deceased, no_longer_meets_criteria, other)."),
    vigil_cli_cohort_set },
  { "panel agenda", N_("MEETING_ID [--build]"),
    N_("Show a panel meeting's agenda, or build it from the cohort"),
    N_("Lists the meeting's agenda in its order with why each person is on it, who attends and "
       "which agencies the guidance names are absent, and the actions carried from earlier "
       "meetings. --build first adds the people the cohort puts there: awaiting adoption "
       "(under review), reviews due by the meeting's date, risers in the latest run, and "
       "those scaling back towards exit."),
    vigil_cli_panel_agenda },
  { "export panel-pack", N_("--meeting ID --out FILE.pdf [--show-victims] [--marking TEXT]"),
    N_("Write a meeting's panel pack as a PDF"),
    N_("Writes the agenda, attendance, one section per case (score and breakdown, decisions, "
       "plan and interventions, other processes, agency information shared with the panel, "
       "victims and safeguarding, minutes, actions) and the actions, with the protective "
       "marking (the meeting's, or OFFICIAL-SENSITIVE) and the page number on every page. "
       "Victims appear by their role unless --show-victims. Each person in the pack is "
       "recorded in the audit log."),
    vigil_cli_export_panel_pack },
  { "evaluate", N_("[--window-months N] [--from DATE] [--to DATE] [--format table|csv|json] [--chart NAME --out FILE] [OPTION…]"),
    N_("Evaluate the managed cohort’s outcomes (principle 8)"),
    N_("For everyone adopted into the cohort (or adopted between --from and --to), compares "
       "police-recorded domestic incidents, harm (gravity points) and victims in equal windows "
       "before and after entry (6 and 12 months, or --window-months N); only people observed "
       "for the whole window after entry count. Also: time to the next incident (Kaplan–Meier, "
       "censored at the data's end and at exit), RFGV score at entry, latest and at exit, "
       "breakdowns by intervention category, route and exit reason, process measures, victim-"
       "reported and IDVA-rated outcomes, and a comparison group of people of concern who were "
       "not managed, matched on score at the same date. --chart NAME --out FILE writes one chart "
       "(before-after, survival, scores, cohort-size, interventions, score-histogram, outcomes) "
       "as PNG, SVG or PDF, or its numbers as CSV, by FILE's extension. Police data under-counts "
       "re-victimisation and the comparison is not a trial: every output says so."),
    vigil_cli_evaluate },
  { "duplicates", N_("[list] [--status open|merged|kept_apart|all]"),
    N_("List the possible duplicate people found on import"),
    N_("Shows both people of each pair (name, reference, date of birth, PNC ID, incidents), "
       "why they look alike and the import that found them; the open pairs unless --status "
       "says otherwise."),
    vigil_cli_duplicates },
  { "duplicates list", N_("[--status open|merged|kept_apart|all]"),
    N_("List the possible duplicate people found on import"),
    N_("Shows both people of each pair (name, reference, date of birth, PNC ID, incidents), "
       "why they look alike and the import that found them; the open pairs unless --status "
       "says otherwise."),
    vigil_cli_duplicates },
  { "duplicates merge", N_("ID --keep PERSON_REF --by NAME --rationale TEXT"),
    N_("Merge a possible duplicate pair into the person kept"),
    N_("Every record of the other person (incidents, cohort entries, decisions, plans, "
       "agency information, victim links, ...) moves to the person kept, whose aliases gain "
       "the other’s name and reference. The other’s old reference still finds the person "
       "kept. Refused when both people are in the cohort."),
    vigil_cli_duplicates_merge },
  { "duplicates keep-apart", N_("ID --by NAME --rationale TEXT"),
    N_("Record that a possible duplicate pair is two different people"),
    NULL,
    vigil_cli_duplicates_keep_apart },
  { "info", N_("[OPTION…]"),
    N_("Describe the database"),
    NULL,
    vigil_cli_info },
  { "audit verify", N_("[OPTION…]"),
    N_("Check that the audit trail has not been altered"),
    N_("Walks the whole hash-chained audit trail and reports the first row that was "
       "changed, removed, inserted or reordered."),
    vigil_cli_audit_verify },
  { "help", N_("[COMMAND]"),
    N_("Show the commands, or one command’s options"),
    NULL,
    run_help },
};

/* ------------------------------------------------------------------------------------
 * Usage and dispatch
 * ------------------------------------------------------------------------------------ */

static void
print_usage (FILE *stream)
{
  g_autoptr(GString) text = g_string_new (NULL);
  int width = (int) strlen ("--database DB");

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    width = MAX (width, (int) strlen (commands[i].name));

  g_string_append_printf (text, _("Usage: %s [--database DB] COMMAND [OPTION…]"),
                          g_get_prgname ());
  g_string_append (text, "\n\n");
  g_string_append (text, _("Identify and manage serial and potentially dangerous domestic "
                           "abuse and stalking perpetrators, without a display."));
  g_string_append (text, "\n\n");
  g_string_append (text, _("Commands:"));
  g_string_append_c (text, '\n');
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    g_string_append_printf (text, "  %-*s  %s\n", width, commands[i].name,
                            _(commands[i].summary));
  g_string_append_c (text, '\n');
  g_string_append (text, _("Options:"));
  g_string_append_c (text, '\n');
  g_string_append_printf (text, "  %-*s  %s\n", width, "--database DB",
                          _("A database file, or postgresql://user:password@host:port/dbname "
                            "(default: $VIGIL_DATABASE, else Vigil’s own file)"));
  g_string_append_printf (text, "  %-*s  %s\n", width, "--version", _("Show the version"));
  g_string_append_printf (text, "  %-*s  %s\n", width, "-h, --help", _("Show this help"));
  g_string_append_c (text, '\n');
  g_string_append_printf (text, _("Run “%s COMMAND --help” for the options of a command."),
                          g_get_prgname ());
  g_string_append_c (text, '\n');

  fputs (text->str, stream);
}

/* The command whose words start @args (NULL-terminated), or NULL. */
static const VigilCliCommand *
find_command (char  **args,
              guint  *n_words)
{
  const VigilCliCommand *best = NULL;
  guint best_words = 0;

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      g_auto(GStrv) words = g_strsplit (commands[i].name, " ", -1);
      guint n = g_strv_length (words);
      gboolean match = TRUE;

      for (guint w = 0; w < n && match; w++)
        match = args[w] != NULL && g_str_equal (args[w], words[w]);

      if (match && n > best_words)
        {
          best = &commands[i];
          best_words = n;
        }
    }

  *n_words = best_words;
  return best;
}

static int
run_help (VigilCli  *cli,
          char     **args)
{
  const VigilCliCommand *command;
  guint n_words = 0;
  int status;

  status = vigil_cli_parse_options (cli, NULL, &args, 3);
  if (status != VIGIL_CLI_CONTINUE)
    return status;

  if (args[1] == NULL)
    {
      print_usage (stdout);
      return VIGIL_CLI_EXIT_OK;
    }

  command = find_command (args + 1, &n_words);
  if (command == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("There is no command “%s”."), args[1]);

      return vigil_cli_report_usage_error (cli, message);
    }

  {
    char *help_args[] = { (char *) g_get_prgname (), (char *) "--help", NULL };
    g_auto(GStrv) copy = g_strdupv (help_args);

    cli->command = command;
    return command->run (cli, copy);
  }
}

/* ------------------------------------------------------------------------------------
 * main
 * ------------------------------------------------------------------------------------ */

int
main (int    argc,
      char **argv)
{
  g_auto(VigilCli) cli = { NULL, };
  const VigilCliCommand *command;
  g_auto(GStrv) command_args = NULL;
  guint n_words = 0;
  int first = 1;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  g_set_prgname ("vigil-cli");

  /* Global options come before the command. */
  while (first < argc && argv[first][0] == '-')
    {
      const char *arg = argv[first];

      if (g_str_equal (arg, "--help") || g_str_equal (arg, "-h"))
        {
          print_usage (stdout);
          return VIGIL_CLI_EXIT_OK;
        }
      else if (g_str_equal (arg, "--version"))
        {
          g_print ("vigil-cli %s\n", PACKAGE_VERSION);
          return VIGIL_CLI_EXIT_OK;
        }
      else if (g_str_equal (arg, "--database") && first + 1 < argc)
        {
          g_free (cli.database);
          cli.database = g_strdup (argv[first + 1]);
          first += 2;
        }
      else if (g_str_equal (arg, "--database"))
        {
          g_printerr (_("%s: --database needs a value: a file, or "
                        "postgresql://user:password@host:port/dbname"), g_get_prgname ());
          g_printerr ("\n");
          return VIGIL_CLI_EXIT_USER_ERROR;
        }
      else if (g_str_has_prefix (arg, "--database="))
        {
          g_free (cli.database);
          cli.database = g_strdup (arg + strlen ("--database="));
          first += 1;
        }
      else
        {
          g_printerr (_("%s: unknown option “%s”"), g_get_prgname (), arg);
          g_printerr ("\n");
          print_usage (stderr);
          return VIGIL_CLI_EXIT_USER_ERROR;
        }
    }

  if (first >= argc)
    {
      print_usage (stderr);
      return VIGIL_CLI_EXIT_USER_ERROR;
    }

  command = find_command (argv + first, &n_words);
  if (command == NULL)
    {
      g_printerr (_("%s: there is no command “%s”"), g_get_prgname (), argv[first]);
      g_printerr ("\n");
      print_usage (stderr);
      return VIGIL_CLI_EXIT_USER_ERROR;
    }

  /* The command sees its own options, after a stand-in program name. */
  command_args = g_new0 (char *, argc - first - n_words + 2);
  command_args[0] = g_strdup (g_get_prgname ());
  for (int i = first + (int) n_words; i < argc; i++)
    command_args[i - first - n_words + 1] = g_strdup (argv[i]);

  cli.command = command;
  return command->run (&cli, command_args);
}
