/* vigil-cli.c: Vigil's headless interface (scheduled refresh, scripts, benchmarks)
 *
 *   vigil-cli [--database DB] COMMAND [OPTION…]
 *
 * Each command is a row of the commands[] table: its words ("audit verify"), the
 * arguments shown in its usage line, a one-line summary and a function that parses
 * its own options with parse_command_options() and returns an exit status:
 * 0 success, 1 user error (message on stderr, nothing changed), 2 partial success.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vigil-cli"

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <inttypes.h>
#include <string.h>
#include <unistd.h>

#include <gio/gio.h>
#include <gio/gunixoutputstream.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "vigil-core.h"
#include "vigil-panel-pack.h"
#include "vigil-evaluation-charts.h"

enum
{
  EXIT_OK = 0,
  EXIT_USER_ERROR = 1,
  EXIT_PARTIAL = 2,
};

typedef struct _VigilCli VigilCli;
typedef struct _VigilCliCommand VigilCliCommand;

typedef int (*VigilCliRunFunc) (VigilCli  *cli,
                                char     **args);

struct _VigilCliCommand
{
  const char      *name;        /* one or more words: "audit verify" */
  const char      *parameters;  /* after the name in the usage line, N_() */
  const char      *summary;     /* N_() */
  const char      *description; /* N_(), may be NULL */
  VigilCliRunFunc  run;
};

struct _VigilCli
{
  const VigilCliCommand *command;
  char                  *database;     /* --database, NULL when not given */
};

static void
clear_cli (VigilCli *cli)
{
  g_clear_pointer (&cli->database, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (VigilCli, clear_cli)

static int run_generate     (VigilCli *cli, char **args);
static int run_demo         (VigilCli *cli, char **args);
static int run_info         (VigilCli *cli, char **args);
static int run_import       (VigilCli *cli, char **args);
static int run_import_flags (VigilCli *cli, char **args);
static int run_refresh      (VigilCli *cli, char **args);
static int run_explain      (VigilCli *cli, char **args);
static int run_refer        (VigilCli *cli, char **args);
static int run_override     (VigilCli *cli, char **args);
static int run_cohort_set   (VigilCli *cli, char **args);
static int run_panel_agenda (VigilCli *cli, char **args);
static int run_export_panel_pack (VigilCli *cli, char **args);
static int run_evaluate     (VigilCli *cli, char **args);
static int run_duplicates   (VigilCli *cli, char **args);
static int run_duplicates_merge      (VigilCli *cli, char **args);
static int run_duplicates_keep_apart (VigilCli *cli, char **args);
static int run_audit_verify (VigilCli *cli, char **args);
static int run_help         (VigilCli *cli, char **args);

static const VigilCliCommand commands[] = {
  { "generate", N_("--incidents N --out FILE.csv [OPTION…]"),
    N_("Write synthetic incidents in the exchange format"),
    N_("Writes N synthetic, heavy-tailed incidents with obviously fake names in the "
       "incident exchange format (CSV). The same seed, number and as-of date always "
       "give the same file. No database is needed."),
    run_generate },
  { "demo", N_("[OPTION…]"),
    N_("Fill an empty database with the synthetic demo"),
    N_("Creates the database when it does not exist, marks it as the demo and fills it "
       "with synthetic people, incidents, a cohort, decisions, plans, a panel meeting and "
       "outcomes. A database that already holds records is left alone."),
    run_demo },
  { "import", N_("FILE.csv [--mapping MAP.json]"),
    N_("Import incidents from a CSV file"),
    N_("Imports the incidents of FILE.csv (the incident exchange format, or a force’s own "
       "extract described by a mapping file) in one transaction. Every bad row is rejected "
       "with its line, field and reason and kept in the import batch; every good row is "
       "imported. Importing the same file or incident again adds nothing. Exit status 2 "
       "when rows were rejected."),
    run_import },
  { "import-flags", N_("FILE.csv"),
    N_("Import partner-agency information as agency flags"),
    N_("Imports the rows of FILE.csv (person_ref, person_name, person_dob, person_pnc, agency, "
       "concern, reported_on, reported_by, isa_reference) as agency flags, in one transaction. "
       "People are matched by reference or created. Every bad row is rejected with its line, "
       "field and reason and kept in the import batch; a row equal to a flag already in the "
       "store, or the same file again, adds nothing. Lists the people flagged who have no "
       "incident as a perpetrator. Exit status 2 when rows were rejected."),
    run_import_flags },
  { "refresh", N_("[--as-of DATE] [--profile FILE.json] [--format table|csv|json]"),
    N_("Score every perpetrator and store the run"),
    N_("Scores every perpetrator by recency, frequency, gravity and victims (RFGV) with "
       "the default profile or FILE.json, stores the run with the scores of the cohort and "
       "of everyone with a cohort entry, compares it with the previous run (new entrants, "
       "risers, fallers, dropped) and prints the ranking. CSV columns: "
       "rank,perpetrator_ref,R,F,G,V,total."),
    run_refresh },
  { "explain", N_("PERSON_REF [--as-of DATE] [--profile FILE.json]"),
    N_("Explain one person’s score"),
    N_("Shows the points for recency, frequency, gravity and victims and the incidents "
       "behind each."),
    run_explain },
  { "refer", N_("--route ROUTE --source WHO --reason TEXT (--person REF | --surname NAME --ref NEWREF) [OPTION…]"),
    N_("Refer someone into the cohort: a stalking or partner-agency referral"),
    N_("Stalkers and people known to partner agencies rarely rank high in police data, so "
       "they enter the cohort by referral. Adds a candidate cohort entry by the route "
       "stalking_referral or agency_referral, for a person already in the store (--person) "
       "or a new one (--surname and --ref, with --forenames, --dob and --pnc when known). "
       "Someone already in the cohort is refused and nothing changes."),
    run_refer },
  { "override", N_("include|exclude PERSON_REF --by NAME --role ROLE --rationale TEXT [OPTION…]"),
    N_("Record a decision to include or exclude someone against the ranking"),
    N_("The algorithm indicates, people decide. Records who decided, their role, when and "
       "why, with what the latest scoring run said of the person. include adds a candidate "
       "entry (route professional_judgement) when the person is not in the cohort; exclude "
       "closes a candidate, under-review or of-concern entry. A managed person leaves by the "
       "exit workflow, not by an override."),
    run_override },
  { "cohort set", N_("PERSON_REF STATUS --by NAME --role ROLE --rationale TEXT [OPTION…]"),
    N_("Move a person’s cohort entry to another status, as a decision"),
    N_("Moves the person’s open cohort entry along the workflow candidate → under_review → "
       "managed → scaling_back → exited (and of_concern), recording the decision with who "
       "decided, their role, when and why. managed is a panel adoption: when another process "
       "(MARAC, MAPPA, IOM, …) is active, --panel must say which panel manages the risk. exited "
       "needs --reason (risk_reduced, plan_completed, managed_elsewhere, custody, "
       "moved_out_of_area, deceased, no_longer_meets_criteria, other)."),
    run_cohort_set },
  { "panel agenda", N_("MEETING_ID [--build]"),
    N_("Show a panel meeting's agenda, or build it from the cohort"),
    N_("Lists the meeting's agenda in its order with why each person is on it, who attends and "
       "which agencies the guidance names are absent, and the actions carried from earlier "
       "meetings. --build first adds the people the cohort puts there: awaiting adoption "
       "(under review), reviews due by the meeting's date, risers in the latest run, and "
       "those scaling back towards exit."),
    run_panel_agenda },
  { "export panel-pack", N_("--meeting ID --out FILE.pdf [--show-victims] [--marking TEXT]"),
    N_("Write a meeting's panel pack as a PDF"),
    N_("Writes the agenda, attendance, one section per case (score and breakdown, decisions, "
       "plan and interventions, other processes, agency information shared with the panel, "
       "victims and safeguarding, minutes, actions) and the actions, with the protective "
       "marking (the meeting's, or OFFICIAL-SENSITIVE) and the page number on every page. "
       "Victims appear by their role unless --show-victims. Each person in the pack is "
       "recorded in the audit log."),
    run_export_panel_pack },
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
    run_evaluate },
  { "duplicates", N_("[list] [--status open|merged|kept_apart|all]"),
    N_("List the possible duplicate people found on import"),
    N_("Shows both people of each pair (name, reference, date of birth, PNC ID, incidents), "
       "why they look alike and the import that found them; the open pairs unless --status "
       "says otherwise."),
    run_duplicates },
  { "duplicates list", N_("[--status open|merged|kept_apart|all]"),
    N_("List the possible duplicate people found on import"),
    N_("Shows both people of each pair (name, reference, date of birth, PNC ID, incidents), "
       "why they look alike and the import that found them; the open pairs unless --status "
       "says otherwise."),
    run_duplicates },
  { "duplicates merge", N_("ID --keep PERSON_REF --by NAME --rationale TEXT"),
    N_("Merge a possible duplicate pair into the person kept"),
    N_("Every record of the other person (incidents, cohort entries, decisions, plans, "
       "agency information, victim links, ...) moves to the person kept, whose aliases gain "
       "the other’s name and reference. The other’s old reference still finds the person "
       "kept. Refused when both people are in the cohort."),
    run_duplicates_merge },
  { "duplicates keep-apart", N_("ID --by NAME --rationale TEXT"),
    N_("Record that a possible duplicate pair is two different people"),
    NULL,
    run_duplicates_keep_apart },
  { "info", N_("[OPTION…]"),
    N_("Describe the database"),
    NULL,
    run_info },
  { "audit verify", N_("[OPTION…]"),
    N_("Check that the audit trail has not been altered"),
    N_("Walks the whole hash-chained audit trail and reports the first row that was "
       "changed, removed, inserted or reordered."),
    run_audit_verify },
  { "help", N_("[COMMAND]"),
    N_("Show the commands, or one command’s options"),
    NULL,
    run_help },
};

/* ------------------------------------------------------------------------------------
 * Commands and options
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

static void
print_command_error (VigilCli   *cli,
                     const char *message)
{
  if (cli->command != NULL)
    g_printerr ("%s %s: %s\n", g_get_prgname (), cli->command->name, message);
  else
    g_printerr ("%s: %s\n", g_get_prgname (), message);
}

static int
fail_with_error (VigilCli     *cli,
                 const GError *error)
{
  print_command_error (cli, error->message);
  return EXIT_USER_ERROR;
}

static int
report_usage_error (VigilCli   *cli,
                    const char *message)
{
  print_command_error (cli, message);
  g_printerr (_("Run “%s %s --help” for its options."), g_get_prgname (), cli->command->name);
  g_printerr ("\n");
  return EXIT_USER_ERROR;
}

static char *
dup_command_help (VigilCli       *cli,
                  GOptionContext *context)
{
  const VigilCliCommand *command = cli->command;
  g_autofree char *help = g_option_context_get_help (context, FALSE, NULL);
  g_autoptr(GString) text = g_string_new (NULL);
  const char *options;

  /* GOption's own usage line names the program only; put the command in it. */
  g_string_append_printf (text, _("Usage: %s [--database DB] %s %s"),
                          g_get_prgname (), command->name, _(command->parameters));
  g_string_append (text, "\n\n");
  g_string_append (text, _(command->summary));
  g_string_append (text, ".\n");
  if (command->description != NULL)
    {
      g_string_append_c (text, '\n');
      g_string_append (text, _(command->description));
      g_string_append_c (text, '\n');
    }

  /* Keep GOption's option table: everything from the first blank line on. */
  options = strstr (help, "\n\n");
  if (options != NULL)
    g_string_append (text, options + 1);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Parses @args (after the command's words) with @entries plus the global options;
 * leaves the remaining arguments in @args. Returns -1 to go on, else an exit status
 * (help printed, or a usage error reported). */
static int
parse_command_options (VigilCli            *cli,
                       const GOptionEntry  *entries,
                       char              ***args,
                       guint                max_positional)
{
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  gboolean show_help = FALSE;
  char *database = NULL;
  const GOptionEntry global_entries[] = {
    { "database", 0, 0, G_OPTION_ARG_FILENAME, &database,
      N_("A database file, or postgresql://user:password@host:port/dbname"), "DB" },
    { "help", 'h', 0, G_OPTION_ARG_NONE, &show_help, N_("Show this help"), NULL },
    G_OPTION_ENTRY_NULL
  };

  g_option_context_set_help_enabled (context, FALSE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, global_entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse_strv (context, args, &error))
    {
      g_free (database);
      return report_usage_error (cli, error->message);
    }

  if (database != NULL)
    {
      g_free (cli->database);
      cli->database = database;
    }

  if (show_help)
    {
      g_autofree char *help = dup_command_help (cli, context);

      g_print ("%s", help);
      return EXIT_OK;
    }

  /* (*args)[0] is the program name */
  if (g_strv_length (*args) > max_positional + 1)
    {
      g_autofree char *message = g_strdup_printf (_("Unexpected argument “%s”."),
                                                  (*args)[max_positional + 1]);

      return report_usage_error (cli, message);
    }

  return -1;
}

static gboolean
parse_unsigned (const char  *text,
                guint64      max,
                guint64     *value,
                GError     **error)
{
  return g_ascii_string_to_unsigned (text, 10, 0, max, value, error);
}

static char *
dup_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* The database the command works on; sets up the storage layer (generate needs none). */
static VigilLocation *
dup_location (VigilCli  *cli,
              GError   **error)
{
  vigil_core_init ();
  return vigil_location_from_environment (cli->database, error);
}

/* ------------------------------------------------------------------------------------
 * generate
 * ------------------------------------------------------------------------------------ */

static int
run_generate (VigilCli  *cli,
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

  status = parse_command_options (cli, entries, &args, 0);
  if (status >= 0)
    return status;

  if (incidents_text == NULL)
    return report_usage_error (cli, _("Say how many incidents to write with --incidents N."));
  if (!parse_unsigned (incidents_text, VIGIL_SYNTH_MAX_INCIDENTS, &n_incidents, &error))
    {
      g_autofree char *message =
        g_strdup_printf (_("--incidents must be a whole number from 0 to %d, not “%s”."),
                         VIGIL_SYNTH_MAX_INCIDENTS, incidents_text);

      return report_usage_error (cli, message);
    }
  if (seed_text != NULL && !parse_unsigned (seed_text, G_MAXUINT64, &seed, &error))
    {
      g_autofree char *message =
        g_strdup_printf (_("--seed must be a whole number, not “%s”."), seed_text);

      return report_usage_error (cli, message);
    }
  if (as_of == NULL)
    as_of = dup_today ();
  else if (!vigil_date_is_valid (as_of))
    {
      g_autofree char *message =
        g_strdup_printf (_("--as-of must be a date written YYYY-MM-DD, not “%s”."), as_of);

      return report_usage_error (cli, message);
    }
  if (out_path == NULL)
    return report_usage_error (cli, _("Say where to write with --out FILE.csv "
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
        return fail_with_error (cli, error);
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
    return fail_with_error (cli, error);

  return EXIT_OK;
}

/* ------------------------------------------------------------------------------------
 * Commands on a database
 * ------------------------------------------------------------------------------------ */

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

static gboolean
count_rows (VigilStore             *store,
            const VigilRecordType  *type,
            gint64                 *count,
            GError                **error)
{
  g_autofree char *sql = g_strdup_printf ("SELECT COUNT(*) FROM %s", type->table);
  const GType column_types[] = { G_TYPE_INT64, G_TYPE_NONE };
  g_autoptr(GdaDataModel) model = NULL;
  const GValue *value;

  model = vigil_store_query (store, sql, NULL, 0, column_types, error);
  if (model == NULL)
    return FALSE;

  value = gda_data_model_get_value_at (model, 0, 0, error);
  if (value == NULL)
    return FALSE;

  if (G_VALUE_HOLDS_INT64 (value))
    *count = g_value_get_int64 (value);
  else if (G_VALUE_HOLDS_INT (value))
    *count = g_value_get_int (value);
  else
    *count = 0;

  return TRUE;
}

static int
run_demo (VigilCli  *cli,
          char     **args)
{
  g_autofree char *seed_text = NULL;
  g_autofree char *as_of = NULL;
  g_autofree char *where = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilLocation) location = NULL;
  g_autoptr(VigilStore) store = NULL;
  guint64 seed = VIGIL_DEMO_DEFAULT_SEED;
  gint64 n_people = 0, n_incidents = 0;
  gboolean existed = TRUE;
  const GOptionEntry entries[] = {
    { "seed", 's', 0, G_OPTION_ARG_STRING, &seed_text,
      N_("The seed of the synthetic incidents"), "S" },
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of,
      N_("The demo’s today, YYYY-MM-DD (default today)"), "DATE" },
    G_OPTION_ENTRY_NULL
  };
  int status;

  status = parse_command_options (cli, entries, &args, 0);
  if (status >= 0)
    return status;

  if (seed_text != NULL && !parse_unsigned (seed_text, G_MAXUINT64, &seed, &error))
    {
      g_autofree char *message =
        g_strdup_printf (_("--seed must be a whole number, not “%s”."), seed_text);

      return report_usage_error (cli, message);
    }
  if (as_of != NULL && !vigil_date_is_valid (as_of))
    {
      g_autofree char *message =
        g_strdup_printf (_("--as-of must be a date written YYYY-MM-DD, not “%s”."), as_of);

      return report_usage_error (cli, message);
    }

  location = dup_location (cli, &error);
  if (location == NULL)
    return fail_with_error (cli, error);
  where = vigil_location_to_display_string (location);

  if (location->engine == VIGIL_ENGINE_SQLITE)
    existed = g_file_test (location->path, G_FILE_TEST_EXISTS);

  store = vigil_store_open (location, VIGIL_STORE_OPEN_CREATE, NULL, &error);
  if (store == NULL)
    return fail_with_error (cli, error);

  if (!vigil_demo_fill (store, seed, as_of, NULL, &error))
    {
      gboolean refused = g_error_matches (error, VIGIL_STORE_ERROR,
                                          VIGIL_STORE_ERROR_KIND_MISMATCH);

      vigil_store_close (store);
      /* Leave nothing behind that was not there before. */
      if (!existed)
        remove_sqlite_files (location->path);

      if (refused)
        {
          g_autofree char *message = g_strdup_printf ("%s (%s)", error->message, where);

          print_command_error (cli, message);
          return EXIT_USER_ERROR;
        }

      return fail_with_error (cli, error);
    }

  if (!count_rows (store, &vigil_person_type, &n_people, &error) ||
      !count_rows (store, &vigil_incident_type, &n_incidents, &error))
    return fail_with_error (cli, error);

  /* TRANSLATORS: %s is a database location, then counts of people and incidents */
  g_print (_("Filled %s with the synthetic demo: %" PRId64 " people, "
             "%" PRId64 " incidents.\n"),
           where, n_people, n_incidents);
  return EXIT_OK;
}

static void
print_import_progress (double   fraction,
                       guint64  rows,
                       gpointer user_data)
{
  gboolean *interactive = user_data;

  if (*interactive)
    {
      /* TRANSLATORS: progress of an import: percentage and rows read */
      g_printerr (_("\rImporting… %3.0f%% (%" PRIu64 " rows)"), fraction * 100.0, (guint64) rows);
      if (fraction >= 1.0)
        g_printerr ("\n");
    }
}

static int
run_import (VigilCli  *cli,
            char     **args)
{
  g_autofree char *mapping_path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilLocation) location = NULL;
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

  status = parse_command_options (cli, entries, &args, 1);
  if (status >= 0)
    return status;

  if (args[1] == NULL)
    return report_usage_error (cli, _("Name the CSV file to import."));

  if (mapping_path != NULL && (mapping = vigil_import_mapping_load (mapping_path, &error)) == NULL)
    return fail_with_error (cli, error);

  location = dup_location (cli, &error);
  if (location == NULL)
    return fail_with_error (cli, error);

  store = vigil_store_open (location, VIGIL_STORE_OPEN_CREATE, NULL, &error);
  if (store == NULL)
    return fail_with_error (cli, error);

  /* The import writes a SQLite store through its own connection; with this one
   * closed it is the only one, and a large batch need not go through the
   * write-ahead log (see vigil-import.c). */
  if (vigil_store_get_engine (store) == VIGIL_ENGINE_SQLITE)
    vigil_store_close (store);

  report = vigil_import_incidents (store, args[1], mapping, print_import_progress, &interactive, NULL, &error);
  if (report == NULL)
    return fail_with_error (cli, error);

  if (report->already_imported)
    {
      g_print (_("This file was imported before (batch %" PRId64 "); nothing was added.\n"),
               report->batch_id);
      return EXIT_OK;
    }

  for (guint i = 0; i < report->rejections->len; i++)
    {
      VigilImportProblem *problem = g_ptr_array_index (report->rejections, i);

      if (problem->field != NULL)
        /* TRANSLATORS: a rejected row: line number, column, reason */
        g_print (_("Line %" PRIu64 ", %s: %s\n"), (guint64) problem->line, problem->field, problem->reason);
      else
        g_print (_("Line %" PRIu64 ": %s\n"), (guint64) problem->line, problem->reason);
    }

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

  return report->rows_rejected > 0 ? EXIT_PARTIAL : EXIT_OK;
}

static int
run_import_flags (VigilCli  *cli,
                  char     **args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilLocation) location = NULL;
  g_autoptr(VigilStore) store = NULL;
  g_autoptr(VigilFlagImportReport) report = NULL;
  gboolean interactive = isatty (STDERR_FILENO);
  guint n_candidates;
  int status;

  status = parse_command_options (cli, NULL, &args, 1);
  if (status >= 0)
    return status;

  if (args[1] == NULL)
    return report_usage_error (cli, _("Name the CSV file to import."));

  location = dup_location (cli, &error);
  if (location == NULL)
    return fail_with_error (cli, error);

  store = vigil_store_open (location, VIGIL_STORE_OPEN_CREATE, NULL, &error);
  if (store == NULL)
    return fail_with_error (cli, error);

  report = vigil_import_agency_flags (store, args[1], print_import_progress, &interactive, NULL, &error);
  if (report == NULL)
    return fail_with_error (cli, error);

  if (report->already_imported)
    {
      g_print (_("This file was imported before (batch %" PRId64 "); nothing was added.\n"),
               report->batch_id);
      return EXIT_OK;
    }

  for (guint i = 0; i < report->rejections->len; i++)
    {
      VigilImportProblem *problem = g_ptr_array_index (report->rejections, i);

      if (problem->field != NULL)
        g_print (_("Line %" PRIu64 ", %s: %s\n"), (guint64) problem->line, problem->field, problem->reason);
      else
        g_print (_("Line %" PRIu64 ": %s\n"), (guint64) problem->line, problem->reason);
    }

  /* TRANSLATORS: the end of an import of partner-agency information */
  g_print (_("Batch %" PRId64 ": %" PRIu64 " rows read, %" PRIu64 " flags added, %" PRIu64
             " already known, %" PRIu64 " rejected; %" PRIu64 " new people, %" PRIu64
             " people already known (%.1f s).\n"),
           report->batch_id, (guint64) report->rows_total, (guint64) report->rows_imported,
           (guint64) report->rows_duplicate, (guint64) report->rows_rejected,
           (guint64) report->people_created, (guint64) report->people_matched, report->seconds);

  n_candidates = g_strv_length (report->no_incident_refs);
  if (n_candidates > 0)
    {
      g_print (g_dngettext (GETTEXT_PACKAGE,
                            "%u person flagged has no incident as a perpetrator (consider a referral):\n",
                            "%u people flagged have no incident as a perpetrator (consider a referral):\n",
                            n_candidates),
               n_candidates);
      for (guint i = 0; i < n_candidates; i++)
        g_print ("  %s\n", report->no_incident_refs[i]);
    }

  return report->rows_rejected > 0 ? EXIT_PARTIAL : EXIT_OK;
}

/* The profile and as-of date options shared by refresh and explain. */
static int
load_scoring_options (VigilCli              *cli,
                      const char            *profile_path,
                      const char            *as_of_text,
                      VigilScoringProfile  **profile,
                      GDate                 *as_of)
{
  g_autoptr(GError) error = NULL;

  vigil_core_init ();
  g_date_clear (as_of, 1);
  if (as_of_text != NULL)
    {
      if (!vigil_date_is_valid (as_of_text))
        {
          g_autofree char *message =
            g_strdup_printf (_("--as-of must be a date written YYYY-MM-DD, not “%s”."), as_of_text);

          return report_usage_error (cli, message);
        }
      g_date_set_parse (as_of, as_of_text);
    }
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      g_date_set_dmy (as_of, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                      g_date_time_get_year (now));
    }

  *profile = profile_path != NULL ? vigil_scoring_profile_new_from_file (profile_path, &error)
                                  : vigil_scoring_profile_load_default (&error);
  if (*profile == NULL)
    return fail_with_error (cli, error);

  return -1;
}

static const char *
mover_label (VigilMoverKind kind)
{
  switch (kind)
    {
    case VIGIL_MOVER_ENTRANT:
      return _("new");
    case VIGIL_MOVER_RISER:
      return _("rose");
    case VIGIL_MOVER_FALLER:
      return _("fell");
    case VIGIL_MOVER_DROPPED:
      return _("dropped out");
    default:
      return "";
    }
}

static int
run_refresh (VigilCli  *cli,
             char     **args)
{
  g_autofree char *profile_path = NULL;
  g_autofree char *as_of_text = NULL;
  g_autofree char *format = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilLocation) location = NULL;
  g_autoptr(VigilStore) store = NULL;
  g_autoptr(VigilScoringProfile) profile = NULL;
  g_autoptr(VigilRefreshResult) result = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  const VigilScoreRow *rows;
  guint n_rows;
  GDate as_of;
  const GOptionEntry entries[] = {
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of_text, N_("Score as of this date, YYYY-MM-DD (default today)"), "DATE" },
    { "profile", 'p', 0, G_OPTION_ARG_FILENAME, &profile_path, N_("A scoring profile (default: rfgv-default)"), "FILE.json" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("table (default), csv or json"), "FORMAT" },
    G_OPTION_ENTRY_NULL
  };
  int status;

  status = parse_command_options (cli, entries, &args, 0);
  if (status >= 0)
    return status;

  if (format != NULL && !g_str_equal (format, "table") && !g_str_equal (format, "csv") && !g_str_equal (format, "json"))
    {
      g_autofree char *message = g_strdup_printf (_("--format must be table, csv or json, not “%s”."), format);

      return report_usage_error (cli, message);
    }

  status = load_scoring_options (cli, profile_path, as_of_text, &profile, &as_of);
  if (status >= 0)
    return status;

  location = dup_location (cli, &error);
  if (location == NULL)
    return fail_with_error (cli, error);
  store = vigil_store_open (location, VIGIL_STORE_OPEN_NONE, NULL, &error);
  if (store == NULL)
    return fail_with_error (cli, error);

  result = vigil_refresh_run (store, profile, &as_of, NULL, &error);
  if (result == NULL)
    return fail_with_error (cli, error);

  rows = vigil_score_table_get_rows (result->table, &n_rows);

  if (format != NULL && g_str_equal (format, "csv"))
    {
      /* hundreds of thousands of rows: formatted by hand, written in large blocks */
      if (!vigil_score_table_write_csv (result->table, stdout, &error))
        return fail_with_error (cli, error);
    }
  else if (format != NULL && g_str_equal (format, "json"))
    {
      g_string_append_printf (out, "{\"run\":%" G_GINT64_FORMAT ",\"previous_run\":%" G_GINT64_FORMAT
                              ",\"scored\":%u,\"in_cohort\":%u,\"scores\":[",
                              result->run_id, result->previous_run_id, n_rows,
                              vigil_score_table_get_n_cohort (result->table));
      for (guint i = 0; i < n_rows; i++)
        g_string_append_printf (out, "%s{\"rank\":%d,\"perpetrator_ref\":\"%s\",\"R\":%u,\"F\":%u,\"G\":%u,"
                                "\"V\":%u,\"total\":%g,\"area_rank\":%d,\"in_cohort\":%s}",
                                i ? "," : "", rows[i].rank,
                                vigil_score_table_get_person_ref (result->table, &rows[i]),
                                rows[i].points[VIGIL_RFGV_RECENCY], rows[i].points[VIGIL_RFGV_FREQUENCY],
                                rows[i].points[VIGIL_RFGV_GRAVITY], rows[i].points[VIGIL_RFGV_VICTIMS],
                                rows[i].total, rows[i].area_rank, rows[i].in_cohort ? "true" : "false");
      g_string_append (out, "],\"movers\":[");
      for (guint i = 0; i < result->movers->len; i++)
        {
          VigilMover *mover = &g_array_index (result->movers, VigilMover, i);

          g_string_append_printf (out, "%s{\"kind\":%d,\"person_id\":%" G_GINT64_FORMAT
                                  ",\"previous_rank\":%d,\"current_rank\":%d,\"watched\":%s}",
                                  i ? "," : "", mover->kind, mover->person_id, mover->previous_rank,
                                  mover->current_rank, mover->watched ? "true" : "false");
        }
      g_string_append (out, "]}\n");
    }
  else
    {
      g_autoptr(GArray) shown_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
      g_autoptr(GHashTable) judgements = NULL;
      g_autoptr(GError) judgement_error = NULL;
      guint shown = 0;

      g_string_append_printf (out, _("Run %" PRId64 ": %u people scored, %u in the cohort "
                                     "(scoring %.0f ms, loading %.0f ms).\n\n"),
                              result->run_id, n_rows, vigil_score_table_get_n_cohort (result->table),
                              result->score_seconds * 1000, result->load_seconds * 1000);
      while (shown < n_rows && (rows[shown].in_cohort || shown < 20))
        g_array_append_val (shown_ids, rows[shown++].person_id);

      /* the people decide: an override stands beside the score (the run is stored
       * already, so a failure to read them only loses the column) */
      judgements = vigil_cohort_get_judgements (store, (const gint64 *) shown_ids->data, shown_ids->len,
                                                &judgement_error);
      if (judgements == NULL)
        g_printerr ("%s %s: %s\n", g_get_prgname (), cli->command->name, judgement_error->message);

      g_string_append_printf (out, "%6s  %-16s %3s %3s %3s %3s %6s  %-20s %s\n",
                              _("Rank"), _("Reference"), "R", "F", "G", "V", _("Total"), _("Area"),
                              _("Judgement"));
      for (guint i = 0; i < shown; i++)
        {
          VigilJudgement *judgement = judgements ? g_hash_table_lookup (judgements, &rows[i].person_id) : NULL;
          g_autofree char *summary = judgement ? vigil_judgement_dup_summary (judgement) : NULL;
          g_autoptr(GString) line = g_string_new (NULL);

          g_string_printf (line, "%6d  %-16s %3u %3u %3u %3u %6g  %-20s %s", rows[i].rank,
                           vigil_score_table_get_person_ref (result->table, &rows[i]),
                           rows[i].points[VIGIL_RFGV_RECENCY], rows[i].points[VIGIL_RFGV_FREQUENCY],
                           rows[i].points[VIGIL_RFGV_GRAVITY], rows[i].points[VIGIL_RFGV_VICTIMS],
                           rows[i].total, vigil_score_table_get_area_name (result->table, &rows[i]) ?: "",
                           summary ? summary : "");
          while (line->len > 0 && line->str[line->len - 1] == ' ')
            g_string_truncate (line, line->len - 1);
          g_string_append_printf (out, "%s\n", line->str);
        }

      if (result->previous_run_id != 0)
        {
          g_string_append_printf (out, _("\nMovers since run %" PRId64 ":\n"), result->previous_run_id);
          for (guint i = 0; i < result->movers->len; i++)
            {
              VigilMover *mover = &g_array_index (result->movers, VigilMover, i);

              g_string_append_printf (out, "  %-12s %s #%" G_GINT64_FORMAT ": %d → %d%s\n",
                                      mover_label (mover->kind), _("person"), mover->person_id,
                                      mover->previous_rank, mover->current_rank,
                                      mover->watched && mover->kind == VIGIL_MOVER_RISER
                                        ? _("  (of concern: review)") : "");
            }
        }
    }

  fwrite (out->str, 1, out->len, stdout);
  return EXIT_OK;
}

static int
run_evaluate (VigilCli  *cli,
              char     **args)
{
  g_autofree char *profile_path = NULL;
  g_autofree char *format = NULL;
  g_autofree char *chart_name = NULL;
  g_autofree char *out_path = NULL;
  g_autofree char *style_name = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilLocation) location = NULL;
  g_autoptr(VigilStore) store = NULL;
  g_autoptr(VigilScoringProfile) profile = NULL;
  g_autoptr(VigilEvaluation) evaluation = NULL;
  g_auto(VigilEvaluationOptions) options = { { 0, }, };
  g_autofree char *text = NULL;
  int window_months = 0;
  int width = 1280, height = 800;
  const GOptionEntry entries[] = {
    { "window-months", 'w', 0, G_OPTION_ARG_INT, &window_months, N_("The before and after windows, in months (default 6 and 12)"), "N" },
    { "from", 0, 0, G_OPTION_ARG_STRING, &options.adopted_from, N_("Only people adopted on or after this date, YYYY-MM-DD"), "DATE" },
    { "to", 0, 0, G_OPTION_ARG_STRING, &options.adopted_to, N_("Only people adopted on or before this date"), "DATE" },
    { "end-date", 0, 0, G_OPTION_ARG_STRING, &options.end_date, N_("The data's end date (default: the latest incident)"), "DATE" },
    { "area", 0, 0, G_OPTION_ARG_STRING, &options.area, N_("Only people of this area"), "AREA" },
    { "route", 0, 0, G_OPTION_ARG_STRING, &options.route, N_("Only people who came by this route (rfgv, stalking_referral, agency_referral, professional_judgement)"), "ROUTE" },
    { "category", 0, 0, G_OPTION_ARG_STRING, &options.category, N_("Only people with an intervention of this tactical category"), "CATEGORY" },
    { "caliper", 0, 0, G_OPTION_ARG_DOUBLE, &options.caliper, N_("Comparison: the largest score difference of a match (default 2)"), "POINTS" },
    { "profile", 'p', 0, G_OPTION_ARG_FILENAME, &profile_path, N_("A scoring profile (default: the latest run's)"), "FILE.json" },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("table (default), csv or json"), "FORMAT" },
    { "chart", 0, 0, G_OPTION_ARG_STRING, &chart_name, N_("Write this chart instead of the report"), "NAME" },
    { "out", 'o', 0, G_OPTION_ARG_FILENAME, &out_path, N_("The chart's file: .png, .svg, .pdf or .csv"), "FILE" },
    { "width", 0, 0, G_OPTION_ARG_INT, &width, N_("The chart's width in pixels or points (default 1280)"), "N" },
    { "height", 0, 0, G_OPTION_ARG_INT, &height, N_("The chart's height (default 800)"), "N" },
    { "style", 0, 0, G_OPTION_ARG_STRING, &style_name, N_("light (default), dark or high-contrast"), "STYLE" },
    G_OPTION_ENTRY_NULL
  };
  int status;

  vigil_evaluation_options_init (&options);
  status = parse_command_options (cli, entries, &args, 0);
  if (status >= 0)
    return status;

  if (window_months != 0)
    {
      options.window_months[0] = window_months;
      options.n_windows = 1;
    }
  if (format != NULL && !g_str_equal (format, "table") && !g_str_equal (format, "csv") && !g_str_equal (format, "json"))
    {
      g_autofree char *message = g_strdup_printf (_("--format must be table, csv or json, not “%s”."), format);

      return report_usage_error (cli, message);
    }
  if ((chart_name == NULL) != (out_path == NULL))
    return report_usage_error (cli, _("--chart and --out go together: name the chart and its file."));
  if (chart_name != NULL && format != NULL)
    return report_usage_error (cli, _("--format is for the report; a chart's file type comes from --out's extension."));
  if (chart_name != NULL && !vigil_evaluation_chart_is_known (chart_name))
    {
      g_autofree char *names = g_strjoinv (", ", (char **) vigil_evaluation_chart_names);
      g_autofree char *message = g_strdup_printf (_("There is no chart “%s”: choose one of %s."), chart_name, names);

      return report_usage_error (cli, message);
    }
  if (width < 200 || width > 8000 || height < 150 || height > 8000)
    return report_usage_error (cli, _("--width must be 200 to 8000 and --height 150 to 8000."));
  if (style_name != NULL && !g_str_equal (style_name, "light") && !g_str_equal (style_name, "dark")
      && !g_str_equal (style_name, "high-contrast"))
    {
      g_autofree char *message = g_strdup_printf (_("--style must be light, dark or high-contrast, not “%s”."), style_name);

      return report_usage_error (cli, message);
    }

  vigil_core_init ();
  if (profile_path != NULL)
    {
      profile = vigil_scoring_profile_new_from_file (profile_path, &error);
      if (profile == NULL)
        return fail_with_error (cli, error);
    }

  location = dup_location (cli, &error);
  if (location == NULL)
    return fail_with_error (cli, error);
  store = vigil_store_open (location, VIGIL_STORE_OPEN_NONE, NULL, &error);
  if (store == NULL)
    return fail_with_error (cli, error);

  evaluation = vigil_evaluation_run (store, profile, &options, NULL, &error);
  if (evaluation == NULL)
    return fail_with_error (cli, error);

  if (chart_name != NULL)
    {
      g_autoptr(VigilChart) chart = vigil_evaluation_chart_new (evaluation, chart_name);
      VigilChartStyle style = VIGIL_CHART_STYLE_LIGHT;

      if (g_strcmp0 (style_name, "dark") == 0)
        style = VIGIL_CHART_STYLE_DARK;
      else if (g_strcmp0 (style_name, "high-contrast") == 0)
        style = VIGIL_CHART_STYLE_HIGH_CONTRAST;
      if (!vigil_chart_export (chart, out_path, width, height, style, &error))
        return fail_with_error (cli, error);
      g_print (_("Wrote the %s chart to %s.\n"), chart_name, out_path);
      return EXIT_OK;
    }

  text = vigil_evaluation_format (evaluation, format != NULL ? format : "table", &error);
  if (text == NULL)
    return fail_with_error (cli, error);
  fputs (text, stdout);
  return EXIT_OK;
}

static int
run_explain (VigilCli  *cli,
             char     **args)
{
  g_autofree char *profile_path = NULL;
  g_autofree char *as_of_text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilLocation) location = NULL;
  g_autoptr(VigilStore) store = NULL;
  g_autoptr(VigilScoringProfile) profile = NULL;
  g_autoptr(GHashTable) judgements = NULL;
  g_autoptr(VigilFactSet) facts = NULL;
  g_autoptr(VigilRfgvExplanation) explanation = NULL;
  VigilJudgement *judgement;
  static const char * const names[] = { N_("Recency"), N_("Frequency"), N_("Gravity"), N_("Victims") };
  static const char * const units[] = { N_("days since the latest incident"), N_("incidents"),
                                        N_("gravity points"), N_("victims") };
  GDate as_of;
  gint64 person_id;
  int person;
  const GOptionEntry entries[] = {
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &as_of_text, N_("Score as of this date, YYYY-MM-DD (default today)"), "DATE" },
    { "profile", 'p', 0, G_OPTION_ARG_FILENAME, &profile_path, N_("A scoring profile (default: rfgv-default)"), "FILE.json" },
    G_OPTION_ENTRY_NULL
  };
  int status;

  status = parse_command_options (cli, entries, &args, 1);
  if (status >= 0)
    return status;
  if (args[1] == NULL)
    return report_usage_error (cli, _("Name the person’s reference."));

  status = load_scoring_options (cli, profile_path, as_of_text, &profile, &as_of);
  if (status >= 0)
    return status;

  location = dup_location (cli, &error);
  if (location == NULL)
    return fail_with_error (cli, error);
  store = vigil_store_open (location, VIGIL_STORE_OPEN_NONE, NULL, &error);
  if (store == NULL)
    return fail_with_error (cli, error);

  /* a merged person's old reference explains the person they were merged into */
  person_id = vigil_cohort_find_person (store, args[1], &error);
  if (person_id == 0)
    return fail_with_error (cli, error);

  facts = vigil_fact_set_load_person (store, person_id, NULL, &error);
  if (facts == NULL)
    return fail_with_error (cli, error);
  person = vigil_fact_set_find_person (facts, person_id);
  if (person < 0)
    {
      g_autofree char *message = g_strdup_printf (_("%s has no incident as a perpetrator, so has no score."), args[1]);

      print_command_error (cli, message);
      return EXIT_USER_ERROR;
    }

  explanation = vigil_rfgv_explain (facts, profile, (guint) person, &as_of, &error);
  if (explanation == NULL)
    return fail_with_error (cli, error);

  if (!explanation->scored)
    g_print (_("%s: nothing counts in the window, so no score.\n"), args[1]);
  else
    {
      g_print (_("%s: total %g\n"), args[1], explanation->total);
      for (guint c = 0; c < VIGIL_RFGV_N_COMPONENTS; c++)
        g_print ("  %-10s %2d %s (%" G_GINT64_FORMAT " %s) × %g\n", _(names[c]),
                 explanation->components[c].points, _("points"), explanation->components[c].value,
                 _(units[c]), explanation->components[c].weight);
    }

  /* the algorithm indicates, people decide: the latest override stands beside the score */
  judgements = vigil_cohort_get_judgements (store, &person_id, 1, &error);
  if (judgements == NULL)
    return fail_with_error (cli, error);
  judgement = g_hash_table_lookup (judgements, &person_id);
  if (judgement != NULL)
    {
      g_autofree char *summary = vigil_judgement_dup_summary (judgement);

      /* TRANSLATORS: "included by NAME", role, date, rationale */
      g_print (_("  Judgement: %s (%s) on %s: %s\n"), summary,
               judgement->decided_role ? judgement->decided_role : "?", judgement->decided_on,
               judgement->rationale);
    }

  g_print ("\n");
  for (guint i = 0; i < explanation->n_incidents; i++)
    {
      VigilRfgvExplainedIncident *incident = &explanation->incidents[i];
      GDate day;

      g_date_clear (&day, 1);
      g_date_set_julian (&day, (guint32) incident->day);
      g_print ("  %04d-%02d-%02d  %-14s %-26s %d  %-16s %s%s%s\n",
               g_date_get_year (&day), g_date_get_month (&day), g_date_get_day (&day),
               incident->incident_ref ? incident->incident_ref : "",
               incident->offence_code ? incident->offence_code : "", incident->gravity,
               vigil_relationship_to_code (incident->relationship),
               incident->status == VIGIL_RFGV_INCIDENT_COUNTED ? _("counted") :
               incident->status == VIGIL_RFGV_INCIDENT_BEFORE_WINDOW ? _("before the window") :
               incident->status == VIGIL_RFGV_INCIDENT_AFTER_AS_OF ? _("after the as-of date") :
               _("relationship not counted"),
               incident->latest ? _(", latest") : "",
               incident->new_victim ? _(", new victim") : "");
    }

  return EXIT_OK;
}

static int
run_info (VigilCli  *cli,
          char     **args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilLocation) location = NULL;
  g_autoptr(VigilStore) store = NULL;
  g_autofree char *where = NULL;
  gint64 n_people = 0, n_incidents = 0;
  int status;

  status = parse_command_options (cli, NULL, &args, 0);
  if (status >= 0)
    return status;

  location = dup_location (cli, &error);
  if (location == NULL)
    return fail_with_error (cli, error);

  store = vigil_store_open (location, VIGIL_STORE_OPEN_NONE, NULL, &error);
  if (store == NULL)
    return fail_with_error (cli, error);

  if (!count_rows (store, &vigil_person_type, &n_people, &error) ||
      !count_rows (store, &vigil_incident_type, &n_incidents, &error))
    return fail_with_error (cli, error);

  where = vigil_location_to_display_string (location);
  g_print ("%-16s %s\n", _("Database:"), where);
  g_print ("%-16s %s\n", _("Engine:"),
           vigil_store_get_engine (store) == VIGIL_ENGINE_POSTGRESQL ? "PostgreSQL" : "SQLite");
  g_print ("%-16s %s\n", _("Contents:"),
           vigil_store_get_kind (store) == VIGIL_STORE_KIND_DEMO
           ? _("demo (synthetic data)") : _("real records"));
  g_print ("%-16s %d\n", _("Schema version:"), vigil_store_get_schema_version (store));
  g_print ("%-16s %" PRId64 "\n", _("People:"), n_people);
  g_print ("%-16s %" PRId64 "\n", _("Incidents:"), n_incidents);
  return EXIT_OK;
}

static int
run_audit_verify (VigilCli  *cli,
                  char     **args)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilLocation) location = NULL;
  g_autoptr(VigilStore) store = NULL;
  gint64 n_rows = 0;
  int status;

  status = parse_command_options (cli, NULL, &args, 0);
  if (status >= 0)
    return status;

  location = dup_location (cli, &error);
  if (location == NULL)
    return fail_with_error (cli, error);

  store = vigil_store_open (location, VIGIL_STORE_OPEN_NONE, NULL, &error);
  if (store == NULL)
    return fail_with_error (cli, error);

  if (!vigil_audit_verify (store, &n_rows, &error))
    return fail_with_error (cli, error);

  g_print (g_dngettext (GETTEXT_PACKAGE,
                        "The audit trail is intact: %" PRId64 " row checked.\n",
                        "The audit trail is intact: %" PRId64 " rows checked.\n",
                        (gulong) n_rows),
           n_rows);
  return EXIT_OK;
}

static int
run_help (VigilCli  *cli,
          char     **args)
{
  const VigilCliCommand *command;
  guint n_words = 0;
  int status;

  status = parse_command_options (cli, NULL, &args, 3);
  if (status >= 0)
    return status;

  if (args[1] == NULL)
    {
      print_usage (stdout);
      return EXIT_OK;
    }

  command = find_command (args + 1, &n_words);
  if (command == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("There is no command “%s”."), args[1]);

      return report_usage_error (cli, message);
    }

  {
    char *help_args[] = { (char *) g_get_prgname (), (char *) "--help", NULL };
    g_auto(GStrv) copy = g_strdupv (help_args);

    cli->command = command;
    return command->run (cli, copy);
  }
}

/* ------------------------------------------------------------------------------------
 * Referrals, overrides and duplicates
 * ------------------------------------------------------------------------------------ */

/* The store a command changes: it must exist already. */
static VigilStore *
open_existing_store (VigilCli  *cli,
                     GError   **error)
{
  g_autoptr(VigilLocation) location = dup_location (cli, error);

  if (location == NULL)
    return NULL;

  return vigil_store_open (location, VIGIL_STORE_OPEN_NONE, NULL, error);
}

static char *
dup_person_label (VigilStore *store,
                  gint64      person_id)
{
  g_autoptr(VigilPerson) person = vigil_store_fetch (store, &vigil_person_type, person_id, NULL);

  if (person == NULL)
    return g_strdup_printf ("#%" PRId64, person_id);
  if (person->local_ref != NULL && person->forenames != NULL)
    return g_strdup_printf ("%s, %s (%s)", person->surname, person->forenames, person->local_ref);
  if (person->local_ref != NULL)
    return g_strdup_printf ("%s (%s)", person->surname, person->local_ref);
  return g_strdup (person->surname);
}

static int
run_refer (VigilCli  *cli,
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

  status = parse_command_options (cli, entries, &args, 0);
  if (status >= 0)
    return status;

  if (route == NULL)
    return report_usage_error (cli, _("Say how the person was referred with --route "
                                      "stalking_referral or --route agency_referral."));
  if (source == NULL || reason == NULL)
    return report_usage_error (cli, _("Give who referred the person (--source) and why (--reason)."));
  if (person_ref != NULL && (surname != NULL || forenames != NULL || dob != NULL || pnc != NULL || new_ref != NULL))
    return report_usage_error (cli, _("Refer a person already in the store with --person, or a new "
                                      "person with --surname and --ref, not both."));
  if (person_ref == NULL && (surname == NULL || new_ref == NULL))
    return report_usage_error (cli, _("Name the person: --person REF for someone already in the "
                                      "store, or --surname and --ref for a new person."));

  store = open_existing_store (cli, &error);
  if (store == NULL)
    return fail_with_error (cli, error);

  if (person_ref != NULL)
    {
      referral.person_id = vigil_cohort_find_person (store, person_ref, &error);
      if (referral.person_id == 0)
        return fail_with_error (cli, error);
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
    return fail_with_error (cli, error);

  who = dup_person_label (store, entry->person_id);
  /* TRANSLATORS: person, route, who referred, date, entry number */
  g_print (_("%s is a candidate for the cohort: %s from %s on %s (cohort entry %" PRId64 ").\n"),
           who, vigil_choice_get_label (vigil_route_choices, entry->route), entry->referral_source,
           entry->identified_on, entry->record.id);
  return EXIT_OK;
}

static int
parse_meeting (VigilCli   *cli,
               const char *text,
               gint64     *id)
{
  guint64 value = 0;

  if (text == NULL || !parse_unsigned (text, G_MAXINT64, &value, NULL) || value == 0)
    {
      g_autofree char *message = g_strdup_printf (_("A meeting’s number is a whole number, not “%s”."),
                                                  text ? text : "");

      return report_usage_error (cli, message);
    }
  *id = (gint64) value;
  return -1;
}

static int
run_panel_agenda (VigilCli  *cli,
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
  g_autofree char *today = dup_today ();
  const GOptionEntry entries[] = {
    { "build", 0, 0, G_OPTION_ARG_NONE, &build, N_("First add the people the cohort puts on the agenda"), NULL },
    G_OPTION_ENTRY_NULL
  };
  gint64 meeting_id = 0;
  int status;

  status = parse_command_options (cli, entries, &args, 1);
  if (status >= 0)
    return status;
  status = parse_meeting (cli, args[1], &meeting_id);
  if (status >= 0)
    return status;

  store = open_existing_store (cli, &error);
  if (store == NULL)
    return fail_with_error (cli, error);
  meeting = vigil_store_fetch (store, &vigil_panel_meeting_type, meeting_id, &error);
  if (meeting == NULL)
    return fail_with_error (cli, error);

  if (build)
    {
      int added = vigil_panel_build_agenda (store, meeting_id, &error);

      if (added < 0)
        return fail_with_error (cli, error);
      g_print (g_dngettext (GETTEXT_PACKAGE, "Added %d person to the agenda.\n",
                            "Added %d people to the agenda.\n", added), added);
    }

  items = vigil_panel_list_agenda (store, meeting_id, &error);
  if (items == NULL)
    return fail_with_error (cli, error);
  attendance = vigil_store_list (store, &vigil_attendance_type, "meeting_id", meeting_id, &error);
  if (attendance == NULL)
    return fail_with_error (cli, error);
  actions = vigil_panel_list_actions (store, meeting_id, &error);
  if (actions == NULL)
    return fail_with_error (cli, error);

  /* TRANSLATORS: a meeting's title, date and time, status */
  g_print (_("%s, %s (%s)\n"), meeting->title, meeting->meets_at,
           vigil_choice_get_label (vigil_meeting_status_choices, meeting->status) ?: _("no status"));
  for (guint i = 0; i < items->len; i++)
    {
      const VigilAgendaItem *item = g_ptr_array_index (items, i);
      g_autofree char *who = dup_person_label (store, item->person_id);

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
  return EXIT_OK;
}

static int
run_export_panel_pack (VigilCli  *cli,
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

  status = parse_command_options (cli, entries, &args, 0);
  if (status >= 0)
    return status;
  if (meeting_text == NULL || out == NULL)
    return report_usage_error (cli, _("Name the meeting (--meeting ID) and the file to write (--out FILE.pdf)."));
  status = parse_meeting (cli, meeting_text, &meeting_id);
  if (status >= 0)
    return status;

  store = open_existing_store (cli, &error);
  if (store == NULL)
    return fail_with_error (cli, error);

  options.show_victims = show_victims;
  options.marking = marking;
  pages = vigil_panel_pack_write (store, meeting_id, out, &options, NULL, &error);
  if (pages == 0)
    return fail_with_error (cli, error);

  /* TRANSLATORS: a file name and its number of pages */
  g_print (g_dngettext (GETTEXT_PACKAGE, "Wrote %s (%u page).\n", "Wrote %s (%u pages).\n", pages), out, pages);
  if (show_victims)
    g_print ("%s\n", _("Victims are named in it: keep it from anyone who may not see their names."));
  return EXIT_OK;
}

static int
run_cohort_set (VigilCli  *cli,
                char     **args)
{
  g_autofree char *by = NULL;
  g_autofree char *role = NULL;
  g_autofree char *rationale = NULL;
  g_autofree char *on = NULL;
  g_autofree char *proportionality = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *panel = NULL;
  g_autofree char *lead_agency = NULL;
  g_autofree char *lead_officer = NULL;
  g_autofree char *review = NULL;
  g_autofree char *who = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) store = NULL;
  g_autoptr(VigilCohortEntry) entry = NULL;
  g_autoptr(VigilDecision) decision = NULL;
  VigilStatusMove move = { 0 };
  gint64 person_id;
  const GOptionEntry entries[] = {
    { "by", 0, 0, G_OPTION_ARG_STRING, &by, N_("Who decided"), "NAME" },
    { "role", 0, 0, G_OPTION_ARG_STRING, &role, N_("Their role"), "ROLE" },
    { "rationale", 0, 0, G_OPTION_ARG_STRING, &rationale, N_("Why"), "TEXT" },
    { "date", 0, 0, G_OPTION_ARG_STRING, &on, N_("The date of the decision, YYYY-MM-DD (default today)"), "DATE" },
    { "proportionality", 0, 0, G_OPTION_ARG_STRING, &proportionality,
      N_("A proportionality and human rights note"), "TEXT" },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &reason, N_("The exit reason (for exited)"), "REASON" },
    { "panel", 0, 0, G_OPTION_ARG_STRING, &panel,
      N_("Which panel manages the risk (for managed, when another process is active)"), "PANEL" },
    { "lead-agency", 0, 0, G_OPTION_ARG_STRING, &lead_agency,
      N_("The lead agency (police, probation, housing, …)"), "AGENCY" },
    { "lead-officer", 0, 0, G_OPTION_ARG_STRING, &lead_officer, N_("The lead officer"), "NAME" },
    { "next-review", 0, 0, G_OPTION_ARG_STRING, &review, N_("The next review date, YYYY-MM-DD"), "DATE" },
    G_OPTION_ENTRY_NULL
  };
  int status;

  status = parse_command_options (cli, entries, &args, 2);
  if (status >= 0)
    return status;

  if (args[1] == NULL || args[2] == NULL)
    return report_usage_error (cli, _("Name the person’s reference, then the new status."));
  if (by == NULL || role == NULL || rationale == NULL)
    return report_usage_error (cli, _("Say who decided (--by), their role (--role) and why (--rationale)."));

  store = open_existing_store (cli, &error);
  if (store == NULL)
    return fail_with_error (cli, error);

  person_id = vigil_cohort_find_person (store, args[1], &error);
  if (person_id == 0)
    return fail_with_error (cli, error);
  entry = vigil_cohort_get_open_entry (store, person_id, &error);
  if (entry == NULL)
    {
      if (error != NULL)
        return fail_with_error (cli, error);
      who = dup_person_label (store, person_id);
      g_set_error (&error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_NOT_FOUND,
                   _("%s is not in the cohort: refer them (refer) or include them by a "
                     "professional judgement (override include) first. Nothing was changed."), who);
      return fail_with_error (cli, error);
    }

  move.entry_id = entry->record.id;
  move.entry_rev = entry->record.rev;
  move.status = args[2];
  move.decided_by = by;
  move.decided_role = role;
  move.decided_on = on;
  move.rationale = rationale;
  move.proportionality = proportionality;
  move.exit_reason = reason;
  move.managing_panel = panel;
  move.lead_agency = lead_agency;
  move.lead_officer = lead_officer;
  move.next_review_on = review;

  decision = vigil_casework_move_status (store, &move, &error);
  if (decision == NULL)
    return fail_with_error (cli, error);

  who = dup_person_label (store, person_id);
  /* TRANSLATORS: person, "Candidate → Under review", decision-maker, role, date, decision number */
  g_print (_("%s: %s, decided by %s (%s) on %s (decision %" PRId64 ").\n"),
           who, decision->outcome, decision->decided_by, decision->decided_role,
           decision->decided_on, decision->record.id);
  return EXIT_OK;
}

static int
run_override (VigilCli  *cli,
              char     **args)
{
  g_autofree char *by = NULL;
  g_autofree char *role = NULL;
  g_autofree char *rationale = NULL;
  g_autofree char *on = NULL;
  g_autofree char *proportionality = NULL;
  g_autofree char *who = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) store = NULL;
  g_autoptr(VigilDecision) decision = NULL;
  VigilOverride override = { 0 };
  const GOptionEntry entries[] = {
    { "by", 0, 0, G_OPTION_ARG_STRING, &by, N_("Who decided"), "NAME" },
    { "role", 0, 0, G_OPTION_ARG_STRING, &role, N_("Their role"), "ROLE" },
    { "rationale", 0, 0, G_OPTION_ARG_STRING, &rationale, N_("Why"), "TEXT" },
    { "on", 0, 0, G_OPTION_ARG_STRING, &on, N_("The date of the decision, YYYY-MM-DD (default today)"), "DATE" },
    { "proportionality", 0, 0, G_OPTION_ARG_STRING, &proportionality,
      N_("A proportionality and human rights note"), "TEXT" },
    G_OPTION_ENTRY_NULL
  };
  int status;

  status = parse_command_options (cli, entries, &args, 2);
  if (status >= 0)
    return status;

  if (args[1] == NULL || (!g_str_equal (args[1], "include") && !g_str_equal (args[1], "exclude")))
    return report_usage_error (cli, _("Say include or exclude, then the person’s reference."));
  if (args[2] == NULL)
    return report_usage_error (cli, _("Name the person’s reference."));
  if (by == NULL || role == NULL || rationale == NULL)
    return report_usage_error (cli, _("Say who decided (--by), their role (--role) and why (--rationale)."));

  store = open_existing_store (cli, &error);
  if (store == NULL)
    return fail_with_error (cli, error);

  override.person_id = vigil_cohort_find_person (store, args[2], &error);
  if (override.person_id == 0)
    return fail_with_error (cli, error);
  override.kind = g_str_equal (args[1], "include") ? VIGIL_OVERRIDE_INCLUDE : VIGIL_OVERRIDE_EXCLUDE;
  override.decided_by = by;
  override.decided_role = role;
  override.decided_on = on;
  override.rationale = rationale;
  override.proportionality = proportionality;

  decision = vigil_cohort_decide_override (store, &override, &error);
  if (decision == NULL)
    return fail_with_error (cli, error);

  who = dup_person_label (store, decision->person_id);
  g_print (override.kind == VIGIL_OVERRIDE_INCLUDE
             /* TRANSLATORS: person, decision-maker, role, date, decision number */
             ? _("%s included by %s (%s) on %s (decision %" PRId64 ").\n")
             : _("%s excluded by %s (%s) on %s (decision %" PRId64 ").\n"),
           who, decision->decided_by, decision->decided_role, decision->decided_on, decision->record.id);
  g_print (_("The algorithm said: %s.\n"), decision->outcome);

  if (decision->cohort_entry_id != 0)
    {
      g_autoptr(VigilCohortEntry) entry = vigil_store_fetch (store, &vigil_cohort_entry_type,
                                                             decision->cohort_entry_id, &error);

      if (entry == NULL)
        return fail_with_error (cli, error);
      g_print (_("Cohort entry %" PRId64 ": %s (%s).\n"), entry->record.id,
               vigil_choice_get_label (vigil_cohort_status_choices, entry->status),
               g_strcmp0 (entry->status, "exited") == 0
                 ? vigil_choice_get_label (vigil_exit_reason_choices, entry->exit_reason)
                 : vigil_choice_get_label (vigil_route_choices, entry->route));
    }

  return EXIT_OK;
}

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

static int
run_duplicates (VigilCli  *cli,
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

  status = parse_command_options (cli, entries, &args, 0);
  if (status >= 0)
    return status;

  wanted = status_option == NULL ? "open" : g_str_equal (status_option, "all") ? NULL : status_option;
  if (wanted != NULL && !g_strv_contains (vigil_duplicate_status_choices, wanted))
    {
      g_autofree char *message =
        g_strdup_printf (_("--status must be open, merged, kept_apart or all, not “%s”."), status_option);

      return report_usage_error (cli, message);
    }

  store = open_existing_store (cli, &error);
  if (store == NULL)
    return fail_with_error (cli, error);

  duplicates = vigil_duplicates_list (store, wanted, &error);
  if (duplicates == NULL)
    return fail_with_error (cli, error);

  if (duplicates->len == 0)
    {
      g_print ("%s\n", wanted != NULL && g_str_equal (wanted, "open")
                         ? _("No possible duplicates are waiting for a decision.")
                         : _("No possible duplicates."));
      return EXIT_OK;
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

  return EXIT_OK;
}

/* The ID positional argument of duplicates merge and keep-apart. */
static int
parse_duplicate_id (VigilCli  *cli,
                    char     **args,
                    gint64    *id)
{
  guint64 value = 0;

  if (args[1] == NULL)
    return report_usage_error (cli, _("Give the number of the possible duplicate "
                                      "(“vigil-cli duplicates” lists them)."));
  if (!parse_unsigned (args[1], G_MAXINT64, &value, NULL) || value == 0)
    {
      g_autofree char *message =
        g_strdup_printf (_("A possible duplicate’s number is a whole number, not “%s”."), args[1]);

      return report_usage_error (cli, message);
    }

  *id = (gint64) value;
  return -1;
}

static int
run_duplicates_merge (VigilCli  *cli,
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

  status = parse_command_options (cli, entries, &args, 1);
  if (status >= 0)
    return status;
  status = parse_duplicate_id (cli, args, &id);
  if (status >= 0)
    return status;
  if (keep_ref == NULL)
    return report_usage_error (cli, _("Say which of the two people to keep with --keep PERSON_REF."));
  if (by == NULL || rationale == NULL)
    return report_usage_error (cli, _("Say who decided (--by) and why (--rationale)."));

  store = open_existing_store (cli, &error);
  if (store == NULL)
    return fail_with_error (cli, error);

  keep_id = vigil_cohort_find_person (store, keep_ref, &error);
  if (keep_id == 0)
    return fail_with_error (cli, error);

  if (!vigil_duplicates_merge (store, id, keep_id, by, rationale, &error))
    return fail_with_error (cli, error);

  kept = dup_person_label (store, keep_id);
  /* TRANSLATORS: number, person */
  g_print (_("Possible duplicate %" PRId64 " merged: every record now belongs to %s.\n"), id, kept);
  return EXIT_OK;
}

static int
run_duplicates_keep_apart (VigilCli  *cli,
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

  status = parse_command_options (cli, entries, &args, 1);
  if (status >= 0)
    return status;
  status = parse_duplicate_id (cli, args, &id);
  if (status >= 0)
    return status;
  if (by == NULL || rationale == NULL)
    return report_usage_error (cli, _("Say who decided (--by) and why (--rationale)."));

  store = open_existing_store (cli, &error);
  if (store == NULL)
    return fail_with_error (cli, error);

  if (!vigil_duplicates_keep_apart (store, id, by, rationale, &error))
    return fail_with_error (cli, error);

  g_print (_("Possible duplicate %" PRId64 " kept apart: they are two people.\n"), id);
  return EXIT_OK;
}

/* ------------------------------------------------------------------------------------
 * main
 * ------------------------------------------------------------------------------------ */

int
main (int    argc,
      char **argv)
{
  g_auto(VigilCli) cli = { NULL, NULL };
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
          return EXIT_OK;
        }
      else if (g_str_equal (arg, "--version"))
        {
          g_print ("vigil-cli %s\n", PACKAGE_VERSION);
          return EXIT_OK;
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
          return EXIT_USER_ERROR;
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
          return EXIT_USER_ERROR;
        }
    }

  if (first >= argc)
    {
      print_usage (stderr);
      return EXIT_USER_ERROR;
    }

  command = find_command (argv + first, &n_words);
  if (command == NULL)
    {
      g_printerr (_("%s: there is no command “%s”"), g_get_prgname (), argv[first]);
      g_printerr ("\n");
      print_usage (stderr);
      return EXIT_USER_ERROR;
    }

  /* The command sees its own options, after a stand-in program name. */
  command_args = g_new0 (char *, argc - first - n_words + 2);
  command_args[0] = g_strdup (g_get_prgname ());
  for (int i = first + (int) n_words; i < argc; i++)
    command_args[i - first - n_words + 1] = g_strdup (argv[i]);

  cli.command = command;
  return command->run (&cli, command_args);
}
