/* vigil-cli-common.c: what every vigil-cli command shares: the context, option
 * parsing, error reporting and the one way to open the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vigil-cli"

#include "config.h"

#include <inttypes.h>
#include <string.h>

#include <glib/gi18n.h>

#include "vigil-cli-common.h"

void
vigil_cli_clear (VigilCli *cli)
{
  g_clear_pointer (&cli->database, g_free);
  g_clear_pointer (&cli->location, vigil_location_free);
}

/* ------------------------------------------------------------------------------------
 * Errors
 * ------------------------------------------------------------------------------------ */

void
vigil_cli_print_error (VigilCli   *cli,
                       const char *message)
{
  if (cli->command != NULL)
    g_printerr ("%s %s: %s\n", g_get_prgname (), cli->command->name, message);
  else
    g_printerr ("%s: %s\n", g_get_prgname (), message);
}

int
vigil_cli_fail_with_error (VigilCli     *cli,
                           const GError *error)
{
  vigil_cli_print_error (cli, error->message);
  return VIGIL_CLI_EXIT_USER_ERROR;
}

int
vigil_cli_report_usage_error (VigilCli   *cli,
                              const char *message)
{
  vigil_cli_print_error (cli, message);
  g_printerr (_("Run “%s %s --help” for its options."), g_get_prgname (), cli->command->name);
  g_printerr ("\n");
  return VIGIL_CLI_EXIT_USER_ERROR;
}

/* ------------------------------------------------------------------------------------
 * Options
 * ------------------------------------------------------------------------------------ */

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

/* Parses @args (after the command's words) with @entries, then @more_entries (either
 * may be NULL), plus the global options; leaves the remaining arguments in @args.
 * Returns VIGIL_CLI_CONTINUE to go on, else an exit status (help printed, or a usage
 * error reported). */
static int
parse_option_tables (VigilCli            *cli,
                     const GOptionEntry  *entries,
                     const GOptionEntry  *more_entries,
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
  if (more_entries != NULL)
    g_option_context_add_main_entries (context, more_entries, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (context, global_entries, GETTEXT_PACKAGE);

  if (!g_option_context_parse_strv (context, args, &error))
    {
      g_free (database);
      return vigil_cli_report_usage_error (cli, error->message);
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
      return VIGIL_CLI_EXIT_OK;
    }

  /* (*args)[0] is the program name */
  if (g_strv_length (*args) > max_positional + 1)
    {
      g_autofree char *message = g_strdup_printf (_("Unexpected argument “%s”."),
                                                  (*args)[max_positional + 1]);

      return vigil_cli_report_usage_error (cli, message);
    }

  return VIGIL_CLI_CONTINUE;
}

/* Parses @args (after the command's words) with @entries (may be NULL) plus the
 * global options; leaves the remaining arguments, at most @max_positional, in @args.
 * Returns VIGIL_CLI_CONTINUE to go on, else an exit status (help printed, or a usage
 * error reported). */
int
vigil_cli_parse_options (VigilCli            *cli,
                         const GOptionEntry  *entries,
                         char              ***args,
                         guint                max_positional)
{
  return parse_option_tables (cli, entries, NULL, args, max_positional);
}

gboolean
vigil_cli_parse_unsigned (const char  *text,
                          guint64      max,
                          guint64     *value,
                          GError     **error)
{
  return g_ascii_string_to_unsigned (text, 10, 0, max, value, error);
}

/* --seed S: leaves @seed alone when @text is NULL. */
int
vigil_cli_parse_seed (VigilCli   *cli,
                      const char *text,
                      guint64    *seed)
{
  if (text != NULL && !vigil_cli_parse_unsigned (text, G_MAXUINT64, seed, NULL))
    {
      g_autofree char *message =
        g_strdup_printf (_("--seed must be a whole number, not “%s”."), text);

      return vigil_cli_report_usage_error (cli, message);
    }

  return VIGIL_CLI_CONTINUE;
}

/* --as-of DATE, when given (@text not NULL), must be a date. */
int
vigil_cli_check_as_of (VigilCli   *cli,
                       const char *text)
{
  if (text != NULL && !vigil_date_is_valid (text))
    {
      g_autofree char *message =
        g_strdup_printf (_("--as-of must be a date written YYYY-MM-DD, not “%s”."), text);

      return vigil_cli_report_usage_error (cli, message);
    }

  return VIGIL_CLI_CONTINUE;
}

/* --format table|csv|json, when given (@format not NULL). */
int
vigil_cli_check_format (VigilCli   *cli,
                        const char *format)
{
  if (format != NULL && !g_str_equal (format, "table") && !g_str_equal (format, "csv")
      && !g_str_equal (format, "json"))
    {
      g_autofree char *message =
        g_strdup_printf (_("--format must be table, csv or json, not “%s”."), format);

      return vigil_cli_report_usage_error (cli, message);
    }

  return VIGIL_CLI_CONTINUE;
}

/* A panel meeting's number (panel agenda, export panel-pack). */
int
vigil_cli_parse_meeting (VigilCli   *cli,
                         const char *text,
                         gint64     *id)
{
  guint64 value = 0;

  if (text == NULL || !vigil_cli_parse_unsigned (text, G_MAXINT64, &value, NULL) || value == 0)
    {
      g_autofree char *message = g_strdup_printf (_("A meeting’s number is a whole number, not “%s”."),
                                                  text ? text : "");

      return vigil_cli_report_usage_error (cli, message);
    }
  *id = (gint64) value;
  return VIGIL_CLI_CONTINUE;
}

char *
vigil_cli_dup_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* ------------------------------------------------------------------------------------
 * Decisions (cohort set, override)
 * ------------------------------------------------------------------------------------ */

void
vigil_cli_decision_clear (VigilCliDecision *decision)
{
  g_clear_pointer (&decision->by, g_free);
  g_clear_pointer (&decision->role, g_free);
  g_clear_pointer (&decision->rationale, g_free);
  g_clear_pointer (&decision->on, g_free);
  g_clear_pointer (&decision->proportionality, g_free);
}

/* Parses @args like vigil_cli_parse_options(), with the decision's options (its date
 * as --@date_option) before the command's own @entries (may be NULL). */
int
vigil_cli_parse_decision_options (VigilCli            *cli,
                                  VigilCliDecision    *decision,
                                  const char          *date_option,
                                  const GOptionEntry  *entries,
                                  char              ***args,
                                  guint                max_positional)
{
  const GOptionEntry decision_entries[] = {
    { "by", 0, 0, G_OPTION_ARG_STRING, &decision->by, N_("Who decided"), "NAME" },
    { "role", 0, 0, G_OPTION_ARG_STRING, &decision->role, N_("Their role"), "ROLE" },
    { "rationale", 0, 0, G_OPTION_ARG_STRING, &decision->rationale, N_("Why"), "TEXT" },
    { date_option, 0, 0, G_OPTION_ARG_STRING, &decision->on,
      N_("The date of the decision, YYYY-MM-DD (default today)"), "DATE" },
    { "proportionality", 0, 0, G_OPTION_ARG_STRING, &decision->proportionality,
      N_("A proportionality and human rights note"), "TEXT" },
    G_OPTION_ENTRY_NULL
  };

  return parse_option_tables (cli, decision_entries, entries, args, max_positional);
}

/* Who decided, their role and why are required. */
int
vigil_cli_check_decision (VigilCli               *cli,
                          const VigilCliDecision *decision)
{
  if (decision->by == NULL || decision->role == NULL || decision->rationale == NULL)
    return vigil_cli_report_usage_error (cli, _("Say who decided (--by), their role (--role) "
                                                "and why (--rationale)."));

  return VIGIL_CLI_CONTINUE;
}

/* ------------------------------------------------------------------------------------
 * Scoring (refresh, explain)
 * ------------------------------------------------------------------------------------ */

void
vigil_cli_scoring_clear (VigilCliScoring *scoring)
{
  g_clear_pointer (&scoring->as_of_text, g_free);
  g_clear_pointer (&scoring->profile_path, g_free);
}

/* Parses @args like vigil_cli_parse_options(), with --as-of and --profile before the
 * command's own @entries (may be NULL). */
int
vigil_cli_parse_scoring_options (VigilCli            *cli,
                                 VigilCliScoring     *scoring,
                                 const GOptionEntry  *entries,
                                 char              ***args,
                                 guint                max_positional)
{
  const GOptionEntry scoring_entries[] = {
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &scoring->as_of_text,
      N_("Score as of this date, YYYY-MM-DD (default today)"), "DATE" },
    { "profile", 'p', 0, G_OPTION_ARG_FILENAME, &scoring->profile_path,
      N_("A scoring profile (default: rfgv-default)"), "FILE.json" },
    G_OPTION_ENTRY_NULL
  };

  return parse_option_tables (cli, scoring_entries, entries, args, max_positional);
}

/* The as-of date (default today) and the profile (default rfgv-default) that
 * @scoring names; sets up the storage layer. */
int
vigil_cli_load_scoring_options (VigilCli              *cli,
                                const VigilCliScoring *scoring,
                                VigilScoringProfile  **profile,
                                GDate                 *as_of)
{
  const char *as_of_text = scoring->as_of_text;
  const char *profile_path = scoring->profile_path;
  g_autoptr(GError) error = NULL;
  int status;

  vigil_core_init ();
  g_date_clear (as_of, 1);
  status = vigil_cli_check_as_of (cli, as_of_text);
  if (status != VIGIL_CLI_CONTINUE)
    return status;

  if (as_of_text != NULL)
    g_date_set_parse (as_of, as_of_text);
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      g_date_set_dmy (as_of, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                      g_date_time_get_year (now));
    }

  *profile = profile_path != NULL ? vigil_scoring_profile_new_from_file (profile_path, &error)
                                  : vigil_scoring_profile_load_default (&error);
  if (*profile == NULL)
    return vigil_cli_fail_with_error (cli, error);

  return VIGIL_CLI_CONTINUE;
}

/* ------------------------------------------------------------------------------------
 * The store
 * ------------------------------------------------------------------------------------ */

/* Opens the store a command works on, with @flags (VIGIL_STORE_OPEN_CREATE for the
 * commands that may start a database: demo and the imports). Its location is
 * --database, else $VIGIL_DATABASE, else Vigil's own file; it stays in
 * @cli->location, and @cli->store_created says whether the open created a SQLite
 * file. Sets up the storage layer first (generate, which needs no store, does not
 * call this). */
VigilStore *
vigil_cli_open_store (VigilCli             *cli,
                      VigilStoreOpenFlags   flags,
                      GError              **error)
{
  gboolean existed = TRUE;
  VigilStore *store;

  vigil_core_init ();
  g_clear_pointer (&cli->location, vigil_location_free);
  cli->store_created = FALSE;

  cli->location = vigil_location_from_environment (cli->database, error);
  if (cli->location == NULL)
    return NULL;

  if (cli->location->engine == VIGIL_ENGINE_SQLITE)
    existed = g_file_test (cli->location->path, G_FILE_TEST_EXISTS);

  store = vigil_store_open (cli->location, flags, NULL, error);
  cli->store_created = store != NULL && !existed;
  return store;
}

gboolean
vigil_cli_count_rows (VigilStore             *store,
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

/* "Surname, Forenames (REF)", as much of it as is known. */
char *
vigil_cli_dup_person_label (VigilStore *store,
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

/* ------------------------------------------------------------------------------------
 * Imports (import, import-flags)
 * ------------------------------------------------------------------------------------ */

/* A VigilImportProgressFunc; @user_data points to a gboolean: stderr is a terminal. */
void
vigil_cli_print_import_progress (double   fraction,
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

/* What both imports report first: that the file was imported before (then returns
 * FALSE: there is nothing more to say), else its rejected rows (VigilImportProblem),
 * one a line. */
gboolean
vigil_cli_print_import_outcome (gboolean   already_imported,
                                gint64     batch_id,
                                GPtrArray *rejections)
{
  if (already_imported)
    {
      g_print (_("This file was imported before (batch %" PRId64 "); nothing was added.\n"),
               batch_id);
      return FALSE;
    }

  for (guint i = 0; i < rejections->len; i++)
    {
      VigilImportProblem *problem = g_ptr_array_index (rejections, i);

      if (problem->field != NULL)
        /* TRANSLATORS: a rejected row: line number, column, reason */
        g_print (_("Line %" PRIu64 ", %s: %s\n"), (guint64) problem->line, problem->field, problem->reason);
      else
        g_print (_("Line %" PRIu64 ": %s\n"), (guint64) problem->line, problem->reason);
    }

  return TRUE;
}
