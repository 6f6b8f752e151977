/* vigil-cli refresh: score every perpetrator and store the run
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vigil-cli"

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>

#include "vigil-cli-common.h"

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

int
vigil_cli_refresh (VigilCli  *cli,
                   char     **args)
{
  g_auto(VigilCliScoring) scoring = { NULL, };
  g_autofree char *format = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) store = NULL;
  g_autoptr(VigilScoringProfile) profile = NULL;
  g_autoptr(VigilRefreshResult) result = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  const VigilScoreRow *rows;
  guint n_rows;
  GDate as_of;
  const GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("table (default), csv or json"), "FORMAT" },
    G_OPTION_ENTRY_NULL
  };
  int status;

  status = vigil_cli_parse_scoring_options (cli, &scoring, entries, &args, 0);
  if (status != VIGIL_CLI_CONTINUE)
    return status;

  status = vigil_cli_check_format (cli, format);
  if (status != VIGIL_CLI_CONTINUE)
    return status;

  status = vigil_cli_load_scoring_options (cli, &scoring, &profile, &as_of);
  if (status != VIGIL_CLI_CONTINUE)
    return status;

  store = vigil_cli_open_store (cli, VIGIL_STORE_OPEN_NONE, &error);
  if (store == NULL)
    return vigil_cli_fail_with_error (cli, error);

  result = vigil_refresh_run (store, profile, &as_of, NULL, &error);
  if (result == NULL)
    return vigil_cli_fail_with_error (cli, error);

  rows = vigil_score_table_get_rows (result->table, &n_rows);

  if (format != NULL && g_str_equal (format, "csv"))
    {
      /* hundreds of thousands of rows: formatted by hand, written in large blocks */
      if (!vigil_score_table_write_csv (result->table, stdout, &error))
        return vigil_cli_fail_with_error (cli, error);
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
        vigil_cli_print_error (cli, judgement_error->message);

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
  return VIGIL_CLI_EXIT_OK;
}
