/* vigil-cli-common.h: what every vigil-cli command shares: the context, option
 * parsing, error reporting, exit statuses and the one way to open the store
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "vigil-core.h"

G_BEGIN_DECLS

/* A command's exit status; VIGIL_CLI_CONTINUE is what a parsing helper returns
 * when the command should go on. */
enum
{
  VIGIL_CLI_CONTINUE = -1,
  VIGIL_CLI_EXIT_OK = 0,
  VIGIL_CLI_EXIT_USER_ERROR = 1,   /* message on stderr, nothing changed */
  VIGIL_CLI_EXIT_PARTIAL = 2,
};

typedef struct _VigilCli VigilCli;
typedef struct _VigilCliCommand VigilCliCommand;

/* @args is NULL-terminated: a stand-in program name, then the arguments after the
 * command's words. */
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
  char                  *database;       /* --database, NULL when not given */
  VigilLocation         *location;       /* where vigil_cli_open_store() looked */
  gboolean               store_created;  /* that open created a SQLite file */
};

void vigil_cli_clear (VigilCli *cli);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (VigilCli, vigil_cli_clear)

/* Errors */
void vigil_cli_print_error        (VigilCli     *cli,
                                   const char   *message);
int  vigil_cli_fail_with_error    (VigilCli     *cli,
                                   const GError *error);
int  vigil_cli_report_usage_error (VigilCli     *cli,
                                   const char   *message);

/* Options */
int      vigil_cli_parse_options  (VigilCli            *cli,
                                   const GOptionEntry  *entries,
                                   char              ***args,
                                   guint                max_positional);
gboolean vigil_cli_parse_unsigned (const char          *text,
                                   guint64              max,
                                   guint64             *value,
                                   GError             **error);
int      vigil_cli_parse_seed     (VigilCli            *cli,
                                   const char          *text,
                                   guint64             *seed);
int      vigil_cli_check_as_of    (VigilCli            *cli,
                                   const char          *text);
int      vigil_cli_check_format   (VigilCli            *cli,
                                   const char          *format);
int      vigil_cli_parse_meeting  (VigilCli            *cli,
                                   const char          *text,
                                   gint64              *id);
char    *vigil_cli_dup_today      (void);

/* The options of a recorded decision (cohort set, override): who decided, their
 * role, why, when and a proportionality note. */
typedef struct
{
  char *by;
  char *role;
  char *rationale;
  char *on;
  char *proportionality;
} VigilCliDecision;

void vigil_cli_decision_clear (VigilCliDecision *decision);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (VigilCliDecision, vigil_cli_decision_clear)

int vigil_cli_parse_decision_options (VigilCli            *cli,
                                      VigilCliDecision    *decision,
                                      const char          *date_option,
                                      const GOptionEntry  *entries,
                                      char              ***args,
                                      guint                max_positional);
int vigil_cli_check_decision         (VigilCli               *cli,
                                      const VigilCliDecision *decision);

/* The scoring options of refresh and explain: --as-of DATE and --profile FILE.json. */
typedef struct
{
  char *as_of_text;
  char *profile_path;
} VigilCliScoring;

void vigil_cli_scoring_clear (VigilCliScoring *scoring);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (VigilCliScoring, vigil_cli_scoring_clear)

int vigil_cli_parse_scoring_options (VigilCli              *cli,
                                     VigilCliScoring       *scoring,
                                     const GOptionEntry    *entries,
                                     char                ***args,
                                     guint                  max_positional);
int vigil_cli_load_scoring_options  (VigilCli              *cli,
                                     const VigilCliScoring *scoring,
                                     VigilScoringProfile  **profile,
                                     GDate                 *as_of);

/* The store */
VigilStore *vigil_cli_open_store (VigilCli             *cli,
                                  VigilStoreOpenFlags   flags,
                                  GError              **error);

gboolean vigil_cli_count_rows       (VigilStore             *store,
                                     const VigilRecordType  *type,
                                     gint64                 *count,
                                     GError                **error);
char    *vigil_cli_dup_person_label (VigilStore             *store,
                                     gint64                  person_id);

/* Imports (import, import-flags) */
void     vigil_cli_print_import_progress (double     fraction,
                                         guint64    rows,
                                         gpointer   user_data);
gboolean vigil_cli_print_import_outcome (gboolean   already_imported,
                                         gint64     batch_id,
                                         GPtrArray *rejections);

/* The commands, one file each */
int vigil_cli_generate              (VigilCli *cli, char **args);
int vigil_cli_demo                  (VigilCli *cli, char **args);
int vigil_cli_info                  (VigilCli *cli, char **args);
int vigil_cli_import                (VigilCli *cli, char **args);
int vigil_cli_import_flags          (VigilCli *cli, char **args);
int vigil_cli_refresh               (VigilCli *cli, char **args);
int vigil_cli_explain               (VigilCli *cli, char **args);
int vigil_cli_evaluate              (VigilCli *cli, char **args);
int vigil_cli_refer                 (VigilCli *cli, char **args);
int vigil_cli_override              (VigilCli *cli, char **args);
int vigil_cli_cohort_set            (VigilCli *cli, char **args);
int vigil_cli_panel_agenda          (VigilCli *cli, char **args);
int vigil_cli_export_panel_pack     (VigilCli *cli, char **args);
int vigil_cli_duplicates            (VigilCli *cli, char **args);
int vigil_cli_duplicates_merge      (VigilCli *cli, char **args);
int vigil_cli_duplicates_keep_apart (VigilCli *cli, char **args);
int vigil_cli_audit_verify          (VigilCli *cli, char **args);

G_END_DECLS
