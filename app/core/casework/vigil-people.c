/* vigil-people.c: the cohort list — searched, filtered, sorted and paged by the database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-people"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "vigil-people.h"
#include "vigil-entities.h"
#include "vigil-scoring-profile.h"

void
vigil_person_summary_free (VigilPersonSummary *summary)
{
  if (summary == NULL)
    return;

  g_free (summary->surname);
  g_free (summary->forenames);
  g_free (summary->local_ref);
  g_free (summary->pnc_id);
  g_free (summary->dob);
  g_free (summary->status);
  g_free (summary->route);
  g_free (summary->lead_agency);
  g_free (summary->lead_officer);
  g_free (summary->area);
  g_free (summary->next_review_on);
  g_free (summary);
}

/* "SURNAME, Forenames" as the exchange format writes names, or the surname alone. */
char *
vigil_person_summary_dup_display_name (const VigilPersonSummary *summary)
{
  g_return_val_if_fail (summary != NULL, NULL);

  if (summary->forenames != NULL && *summary->forenames != '\0')
    return g_strdup_printf ("%s, %s", summary->surname, summary->forenames);

  return g_strdup (summary->surname);
}

/* Each word of the search becomes a LIKE pattern ("!" escapes % and _). */
static GPtrArray *
split_search (const char *search)
{
  g_autoptr(GPtrArray) patterns = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *folded = NULL;
  g_auto(GStrv) words = NULL;

  if (search == NULL)
    return g_steal_pointer (&patterns);

  folded = g_utf8_strdown (search, -1);
  words = g_strsplit_set (folded, " \t\n,", -1);

  for (guint i = 0; words[i] != NULL; i++)
    {
      GString *pattern;

      if (*words[i] == '\0')
        continue;

      pattern = g_string_new ("%");
      for (const char *c = words[i]; *c; c++)
        {
          if (*c == '%' || *c == '_' || *c == '!')
            g_string_append_c (pattern, '!');
          g_string_append_c (pattern, *c);
        }
      g_string_append_c (pattern, '%');
      g_ptr_array_add (patterns, g_string_free (pattern, FALSE));
    }

  return g_steal_pointer (&patterns);
}

static GArray *
new_params (void)
{
  GArray *params = g_array_new (FALSE, TRUE, sizeof (GValue));

  g_array_set_clear_func (params, (GDestroyNotify) g_value_unset);
  return params;
}

/* Appends a string parameter; each use in the SQL gets its own. */
static void
append_param (GString    *sql,
              GArray     *params,
              const char *text)
{
  GValue value = G_VALUE_INIT;

  g_string_append_printf (sql, "##p%u::string", params->len);
  g_value_init (&value, G_TYPE_STRING);
  g_value_set_string (&value, text);
  g_array_append_val (params, value);
}

/* Appends a whole-number parameter (LIMIT, OFFSET: bound, so that every page of the
 * list is one statement in the connection's cache). */
static void
append_int64_param (GString *sql,
                    GArray  *params,
                    gint64   number)
{
  GValue value = G_VALUE_INIT;

  g_string_append_printf (sql, "##p%u::gint64", params->len);
  g_value_init (&value, G_TYPE_INT64);
  g_value_set_int64 (&value, number);
  g_array_append_val (params, value);
}

/* Builds the WHERE tail and its parameters (five per word). */
static void
build_search (const char  *search,
              GString     *sql,
              GArray      *params)
{
  g_autoptr(GPtrArray) patterns = split_search (search);

  for (guint i = 0; i < patterns->len; i++)
    {
      const char *pattern = g_ptr_array_index (patterns, i);

      g_string_append (sql, " AND (LOWER(p.surname) LIKE ");
      append_param (sql, params, pattern);
      g_string_append (sql, " ESCAPE '!' OR LOWER(p.forenames) LIKE ");
      append_param (sql, params, pattern);
      g_string_append (sql, " ESCAPE '!' OR LOWER(p.local_ref) LIKE ");
      append_param (sql, params, pattern);
      g_string_append (sql, " ESCAPE '!' OR LOWER(p.pnc_id) LIKE ");
      append_param (sql, params, pattern);
      g_string_append (sql, " ESCAPE '!' OR EXISTS (SELECT 1 FROM person_alias a WHERE a.person_id = p.id"
                            " AND LOWER(a.alias) LIKE ");
      append_param (sql, params, pattern);
      g_string_append (sql, " ESCAPE '!'))");
    }
}

/* What a query needs to know of the store and the calendar. */
typedef struct
{
  gint64 run_id;        /* latest run, 0: none */
  gint64 previous_id;   /* the run before it, 0: none */
  char   today[11];
  char   cutoff[11];    /* agency information provided before this is stale */
  char   soon[11];      /* an order expiring by this date is flagged */
} Context;

static gint64
query_int (VigilStore  *store,
           const char  *sql,
           GError     **error)
{
  static const GType types[] = { G_TYPE_INT64, G_TYPE_NONE };
  g_autoptr(GdaDataModel) model = vigil_store_query (store, sql, NULL, 0, types, error);
  const GValue *value;

  if (model == NULL)
    return -1;
  if (gda_data_model_get_n_rows (model) < 1)
    return 0;
  value = gda_data_model_get_value_at (model, 0, 0, error);
  if (value == NULL)
    return -1;
  return gda_value_is_null (value) ? 0 : g_value_get_int64 (value);
}

static int
latest_fresh_days (VigilStore  *store,
                   gint64       run_id,
                   GError     **error)
{
  static const GType types[] = { G_TYPE_STRING, G_TYPE_NONE };
  g_autoptr(VigilScoringProfile) profile = NULL;

  if (run_id > 0)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT pr.definition FROM score_run r"
                                              " JOIN profile pr ON pr.id = r.profile_id"
                                              " WHERE r.id = %" G_GINT64_FORMAT, run_id);
      g_autoptr(GdaDataModel) model = vigil_store_query (store, sql, NULL, 0, types, error);

      if (model == NULL)
        return -1;
      if (gda_data_model_get_n_rows (model) > 0)
        {
          const GValue *value = gda_data_model_get_value_at (model, 0, 0, error);

          if (value == NULL)
            return -1;
          /* an unreadable stored profile falls back to the default's limit */
          if (!gda_value_is_null (value))
            profile = vigil_scoring_profile_new_from_data (g_value_get_string (value), -1, NULL);
        }
    }

  if (profile == NULL)
    profile = vigil_scoring_profile_load_default (error);
  if (profile == NULL)
    return -1;

  return profile->agency_fresh_days;
}

static gboolean
parse_day (const char *text,
           GDate      *date)
{
  int y, m, d;

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;
  y = g_ascii_strtoll (text, NULL, 10);
  m = g_ascii_strtoll (text + 5, NULL, 10);
  d = g_ascii_strtoll (text + 8, NULL, 10);
  if (!g_date_valid_dmy (d, m, y))
    return FALSE;
  g_date_set_dmy (date, d, m, y);
  return TRUE;
}

static gboolean
load_context (VigilStore              *store,
              const VigilPeopleQuery  *query,
              Context                 *ctx,
              GError                 **error)
{
  GDate date;
  int fresh_days = query->fresh_days;

  ctx->run_id = query_int (store, "SELECT MAX(id) FROM score_run", error);
  if (ctx->run_id < 0)
    return FALSE;
  ctx->previous_id = 0;
  if (ctx->run_id > 0)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT MAX(id) FROM score_run WHERE id < %"
                                              G_GINT64_FORMAT, ctx->run_id);

      ctx->previous_id = query_int (store, sql, error);
      if (ctx->previous_id < 0)
        return FALSE;
    }

  g_date_clear (&date, 1);
  if (query->today != NULL)
    {
      if (!parse_day (query->today, &date))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("“%s” is not a date written as YYYY-MM-DD."), query->today);
          return FALSE;
        }
    }
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      g_date_set_dmy (&date, g_date_time_get_day_of_month (now), g_date_time_get_month (now),
                      g_date_time_get_year (now));
    }
  g_date_strftime (ctx->today, sizeof ctx->today, "%Y-%m-%d", &date);
  {
    GDate soon = date;

    g_date_add_days (&soon, 28);
    g_date_strftime (ctx->soon, sizeof ctx->soon, "%Y-%m-%d", &soon);
  }

  if (fresh_days <= 0)
    fresh_days = latest_fresh_days (store, ctx->run_id, error);
  if (fresh_days < 0)
    return FALSE;
  g_date_subtract_days (&date, fresh_days);
  g_date_strftime (ctx->cutoff, sizeof ctx->cutoff, "%Y-%m-%d", &date);

  return TRUE;
}

/* One flag's condition on the row (p, c). */
static void
append_flag_condition (GString       *sql,
                       GArray        *params,
                       VigilPersonFlags flag,
                       const Context *ctx)
{
  switch (flag)
    {
    case VIGIL_PERSON_FLAG_OTHER_PROCESS:
      g_string_append (sql, "EXISTS (SELECT 1 FROM process_overlap o WHERE o.person_id = p.id"
                            " AND o.status = 'active')");
      break;
    case VIGIL_PERSON_FLAG_VISOR:
      g_string_append (sql, "EXISTS (SELECT 1 FROM decision d WHERE d.person_id = p.id"
                            " AND d.kind = 'visor')");
      break;
    case VIGIL_PERSON_FLAG_ORDER:
      g_string_append (sql, "EXISTS (SELECT 1 FROM plan pl JOIN intervention iv ON iv.plan_id = pl.id"
                            " WHERE pl.person_id = p.id"
                            " AND iv.status IN ('agreed', 'in_progress', 'breached')"
                            " AND iv.order_expires_on >= ");
      append_param (sql, params, ctx->today);
      g_string_append (sql, ")");
      break;
    case VIGIL_PERSON_FLAG_STALE:
      g_string_append (sql, "EXISTS (SELECT 1 FROM agency_section ag WHERE ag.person_id = p.id"
                            " GROUP BY ag.agency HAVING MAX(COALESCE(ag.provided_on, '')) < ");
      append_param (sql, params, ctx->cutoff);
      g_string_append (sql, ")");
      break;
    case VIGIL_PERSON_FLAG_REVIEW_OVERDUE:
      g_string_append (sql, "(c.status <> 'exited' AND c.next_review_on < ");
      append_param (sql, params, ctx->today);
      g_string_append (sql, ")");
      break;
    case VIGIL_PERSON_FLAG_OVERDUE:
      g_string_append (sql, "EXISTS (SELECT 1 FROM plan pl JOIN intervention iv ON iv.plan_id = pl.id"
                            " WHERE pl.person_id = p.id"
                            " AND iv.status IN ('proposed', 'agreed', 'in_progress') AND iv.due_on < ");
      append_param (sql, params, ctx->today);
      g_string_append (sql, ")");
      break;
    case VIGIL_PERSON_FLAG_ORDER_EXPIRING:
      g_string_append (sql, "EXISTS (SELECT 1 FROM plan pl JOIN intervention iv ON iv.plan_id = pl.id"
                            " WHERE pl.person_id = p.id"
                            " AND iv.status IN ('agreed', 'in_progress', 'breached')"
                            " AND iv.order_expires_on >= ");
      append_param (sql, params, ctx->today);
      g_string_append (sql, " AND iv.order_expires_on <= ");
      append_param (sql, params, ctx->soon);
      g_string_append (sql, ")");
      break;
    case VIGIL_PERSON_FLAG_MOPI_DUE:
      /* the same decision the dossier shows: newest by date, then by entry order */
      g_string_append (sql, "(SELECT d.mopi_review_on FROM decision d WHERE d.person_id = p.id"
                            " AND d.mopi_review_on IS NOT NULL AND d.mopi_review_on <> ''"
                            " ORDER BY d.decided_on DESC, d.id DESC LIMIT 1) <= ");
      append_param (sql, params, ctx->today);
      break;
    default:
      g_assert_not_reached ();
    }
}

#define N_FLAGS 8

static void
append_flags_expression (GString       *sql,
                         GArray        *params,
                         const Context *ctx)
{
  g_string_append (sql, "(");
  for (guint i = 0; i < N_FLAGS; i++)
    {
      g_string_append (sql, i == 0 ? "CASE WHEN " : " + CASE WHEN ");
      append_flag_condition (sql, params, 1u << i, ctx);
      g_string_append_printf (sql, " THEN %u ELSE 0 END", 1u << i);
    }
  g_string_append (sql, ")");
}

/* Everyone not merged, with their latest cohort entry and their scores in the latest
 * run and the one before (each of them NULL when there is none). */
static void
append_joins (GString       *sql,
              const Context *ctx)
{
  g_string_append_printf (sql,
                          " FROM person p"
                          " LEFT JOIN cohort_entry c ON c.id = (SELECT MAX(c2.id) FROM cohort_entry c2"
                          " WHERE c2.person_id = p.id)"
                          " LEFT JOIN score s ON s.run_id = %" G_GINT64_FORMAT " AND s.person_id = p.id"
                          " LEFT JOIN score ps ON ps.run_id = %" G_GINT64_FORMAT " AND ps.person_id = p.id"
                          " WHERE p.merged_into IS NULL",
                          ctx->run_id, ctx->previous_id);
}

/* FROM and WHERE; @with_view FALSE for the counts (everyone's latest entry and the
 * candidates, whatever the view and status). */
static void
append_from (GString                *sql,
             GArray                 *params,
             const VigilPeopleQuery *query,
             const Context          *ctx,
             gboolean                with_view)
{
  append_joins (sql, ctx);

#define CANDIDATES_OF_RUN "SELECT s3.person_id FROM score s3 WHERE s3.run_id = %" G_GINT64_FORMAT \
                          " AND s3.in_cohort = 1"
  switch (with_view ? query->view : VIGIL_PEOPLE_VIEW_ALL)
    {
    case VIGIL_PEOPLE_VIEW_CANDIDATES:
      g_string_append_printf (sql, " AND p.id IN (" CANDIDATES_OF_RUN ")", ctx->run_id);
      break;
    case VIGIL_PEOPLE_VIEW_MANAGED:
      g_string_append (sql, " AND p.id IN (SELECT c3.person_id FROM cohort_entry c3"
                            " WHERE c3.status IN ('under_review', 'managed', 'scaling_back'))"
                            " AND c.status IN ('under_review', 'managed', 'scaling_back')");
      break;
    case VIGIL_PEOPLE_VIEW_OF_CONCERN:
      g_string_append (sql, " AND p.id IN (SELECT c3.person_id FROM cohort_entry c3"
                            " WHERE c3.status = 'of_concern') AND c.status = 'of_concern'");
      break;
    case VIGIL_PEOPLE_VIEW_EXITED:
      g_string_append (sql, " AND p.id IN (SELECT c3.person_id FROM cohort_entry c3"
                            " WHERE c3.status = 'exited') AND c.status = 'exited'");
      break;
    case VIGIL_PEOPLE_VIEW_EVERYONE:
      g_string_append (sql, " AND (c.id IS NOT NULL"
                            " OR EXISTS (SELECT 1 FROM incident i WHERE i.perpetrator_id = p.id))");
      break;
    case VIGIL_PEOPLE_VIEW_ALL:
    default:
      g_string_append_printf (sql, " AND p.id IN (SELECT c3.person_id FROM cohort_entry c3"
                              " UNION " CANDIDATES_OF_RUN ")", ctx->run_id);
      break;
    }
#undef CANDIDATES_OF_RUN

  if (with_view && query->status != NULL)
    {
      g_string_append (sql, " AND c.status = ");
      append_param (sql, params, query->status);
    }
  if (query->route != NULL)
    {
      g_string_append (sql, " AND c.route = ");
      append_param (sql, params, query->route);
    }
  if (query->area != NULL)
    {
      g_string_append (sql, " AND COALESCE(c.area, s.area) = ");
      append_param (sql, params, query->area);
    }
  for (guint i = 0; i < N_FLAGS; i++)
    if (query->flags & (1u << i))
      {
        g_string_append (sql, " AND ");
        append_flag_condition (sql, params, 1u << i, ctx);
      }

  build_search (query->search, sql, params);
}

gint64
vigil_people_query_count (VigilStore              *store,
                          const VigilPeopleQuery  *query,
                    GError                 **error)
{
  static const GType types[] = { G_TYPE_INT64, G_TYPE_NONE };
  g_autoptr(GString) sql = g_string_new ("SELECT COUNT(*)");
  g_autoptr(GArray) params = new_params ();
  g_autoptr(GdaDataModel) model = NULL;
  const GValue *value;
  Context ctx;

  g_return_val_if_fail (VIGIL_IS_STORE (store), -1);
  g_return_val_if_fail (query != NULL, -1);

  if (!load_context (store, query, &ctx, error))
    return -1;
  append_from (sql, params, query, &ctx, TRUE);

  model = vigil_store_query (store, sql->str, (const GValue *) params->data, params->len, types, error);
  if (model == NULL)
    return -1;

  value = gda_data_model_get_value_at (model, 0, 0, error);
  if (value == NULL)
    return -1;

  return g_value_get_int64 (value);
}

gboolean
vigil_people_count_statuses (VigilStore              *store,
                             const VigilPeopleQuery  *query,
                             VigilPeopleCounts       *out_counts,
                             GError                 **error)
{
  static const GType types[] = { G_TYPE_STRING, G_TYPE_INT64, G_TYPE_NONE };
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GArray) params = new_params ();
  g_autoptr(GdaDataModel) model = NULL;
  Context ctx;
  int n;

  g_return_val_if_fail (VIGIL_IS_STORE (store), FALSE);
  g_return_val_if_fail (query != NULL, FALSE);
  g_return_val_if_fail (out_counts != NULL, FALSE);

  memset (out_counts, 0, sizeof *out_counts);
  if (!load_context (store, query, &ctx, error))
    return FALSE;

  /* one row per status, and one 'candidates' row for the latest run's candidates */
  g_string_append (sql, "SELECT c.status, COUNT(*)");
  append_from (sql, params, query, &ctx, FALSE);
  g_string_append (sql, " AND c.id IS NOT NULL GROUP BY c.status UNION ALL SELECT 'candidates', COUNT(*)");
  append_from (sql, params, query, &ctx, FALSE);
  g_string_append_printf (sql, " AND s.in_cohort = 1");

  model = vigil_store_query (store, sql->str, (const GValue *) params->data, params->len, types, error);
  if (model == NULL)
    return FALSE;

  n = gda_data_model_get_n_rows (model);
  for (int row = 0; row < n; row++)
    {
      const GValue *status = gda_data_model_get_value_at (model, 0, row, error);
      const GValue *count = status == NULL ? NULL : gda_data_model_get_value_at (model, 1, row, error);

      if (count == NULL)
        return FALSE;
      if (g_strcmp0 (g_value_get_string (status), "candidates") == 0)
        {
          out_counts->candidates = g_value_get_int64 (count);
          continue;
        }
      for (guint k = 0; k < G_N_ELEMENTS (out_counts->by_status) && vigil_cohort_status_choices[k]; k++)
        if (g_strcmp0 (g_value_get_string (status), vigil_cohort_status_choices[k]) == 0)
          out_counts->by_status[k] = g_value_get_int64 (count);
    }

  return TRUE;
}

/* The sort keys of each column: whitelisted SQL, nulls last whichever the direction.
 * The flags sort by their expression when @ctx is given (where they are not a column of
 * the statement), else by the column "flags". */
static void
append_order (GString                *sql,
              GArray                 *params,
              const VigilPeopleQuery *query,
              const Context          *ctx)
{
  const char *dir = query->descending ? " DESC" : "";
  const char *key = NULL;

  switch (query->sort)
    {
    case VIGIL_PEOPLE_SORT_RANK:        key = "s.rank"; break;
    case VIGIL_PEOPLE_SORT_NAME:        key = NULL; break;
    case VIGIL_PEOPLE_SORT_SCORE:       key = "s.total"; break;
    case VIGIL_PEOPLE_SORT_TREND:       key = "(s.total - ps.total)"; break;
    case VIGIL_PEOPLE_SORT_STATUS:      key = "c.status"; break;
    case VIGIL_PEOPLE_SORT_ROUTE:       key = "c.route"; break;
    case VIGIL_PEOPLE_SORT_LEAD:        key = "c.lead_agency"; break;
    case VIGIL_PEOPLE_SORT_NEXT_REVIEW: key = "c.next_review_on"; break;
    case VIGIL_PEOPLE_SORT_FLAGS:       key = NULL; break;
    default:                            key = NULL; break;
    }

  g_string_append (sql, " ORDER BY ");
  if (query->sort == VIGIL_PEOPLE_SORT_FLAGS && ctx != NULL)
    {
      append_flags_expression (sql, params, ctx);
      g_string_append_printf (sql, "%s, ", dir);
    }
  else if (query->sort == VIGIL_PEOPLE_SORT_FLAGS)
    g_string_append_printf (sql, "flags%s, ", dir);
  else if (key != NULL)
    {
      g_string_append_printf (sql, "(CASE WHEN %s IS NULL THEN 1 ELSE 0 END), %s%s, ", key, key, dir);
      if (query->sort == VIGIL_PEOPLE_SORT_LEAD)
        g_string_append_printf (sql, "(CASE WHEN c.lead_officer IS NULL THEN 1 ELSE 0 END),"
                                " c.lead_officer%s, ", dir);
    }
  g_string_append_printf (sql, "p.surname%s, p.forenames%s, p.id%s", dir, dir, dir);
}

#define N_COLUMNS 17

GPtrArray *
vigil_people_query_list (VigilStore              *store,
                         const VigilPeopleQuery  *query,
                         gint64                   offset,
                         guint                    limit,
                   GError                 **error)
{
  static const GType types[N_COLUMNS + 1] = {
    G_TYPE_INT64, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING,
    G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING,
    G_TYPE_INT64, G_TYPE_INT64, G_TYPE_DOUBLE, G_TYPE_DOUBLE, G_TYPE_INT64, G_TYPE_NONE
  };
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GArray) params = new_params ();
  g_autoptr(GdaDataModel) model = NULL;
  g_autoptr(GPtrArray) people = NULL;
  Context ctx;
  int n;

  g_return_val_if_fail (VIGIL_IS_STORE (store), NULL);
  g_return_val_if_fail (query != NULL, NULL);
  g_return_val_if_fail (offset >= 0, NULL);

  if (!load_context (store, query, &ctx, error))
    return NULL;

  /* Two steps in one statement: the page's ids first, sorted on the keys alone, then
   * the columns of those ids only. SQLite works out every column of every row it sorts,
   * so the incident count and the eight flags' subqueries would otherwise run for the
   * whole list (minutes for a list of 100,000) to show one page of it. */
  g_string_append (sql,
                   "SELECT p.id, p.surname, p.forenames, p.local_ref, p.pnc_id, p.dob,"
                   " c.status, c.route, c.lead_agency, c.lead_officer, COALESCE(c.area, s.area),"
                   " c.next_review_on,"
                   " (SELECT COUNT(*) FROM incident i WHERE i.perpetrator_id = p.id),"
                   " s.rank, s.total, ps.total, ");
  append_flags_expression (sql, params, &ctx);
  g_string_append (sql, " AS flags");
  append_joins (sql, &ctx);
  g_string_append (sql, " AND p.id IN (SELECT p.id");
  append_from (sql, params, query, &ctx, TRUE);
  append_order (sql, params, query, &ctx);
  g_string_append (sql, " LIMIT ");
  append_int64_param (sql, params, limit);
  g_string_append (sql, " OFFSET ");
  append_int64_param (sql, params, offset);
  g_string_append (sql, ")");
  append_order (sql, params, query, NULL);

  model = vigil_store_query (store, sql->str, (const GValue *) params->data, params->len, types, error);
  if (model == NULL)
    return NULL;

  n = gda_data_model_get_n_rows (model);
  people = g_ptr_array_new_full (n, (GDestroyNotify) vigil_person_summary_free);

  for (int row = 0; row < n; row++)
    {
      g_autoptr(VigilPersonSummary) summary = g_new0 (VigilPersonSummary, 1);
      const GValue *values[N_COLUMNS];

      for (int col = 0; col < N_COLUMNS; col++)
        {
          values[col] = gda_data_model_get_value_at (model, col, row, error);
          if (values[col] == NULL)
            return NULL;
        }

#define TEXT(i) (gda_value_is_null (values[i]) ? NULL : g_value_dup_string (values[i]))
#define INT(i) (gda_value_is_null (values[i]) ? 0 : g_value_get_int64 (values[i]))
      summary->person_id = g_value_get_int64 (values[0]);
      summary->surname = TEXT (1);
      summary->forenames = TEXT (2);
      summary->local_ref = TEXT (3);
      summary->pnc_id = TEXT (4);
      summary->dob = TEXT (5);
      summary->status = TEXT (6);
      summary->route = TEXT (7);
      summary->lead_agency = TEXT (8);
      summary->lead_officer = TEXT (9);
      summary->area = TEXT (10);
      summary->next_review_on = TEXT (11);
      summary->incident_count = INT (12);
      summary->rank = INT (13);
      if (!gda_value_is_null (values[14]))
        summary->total = g_value_get_double (values[14]);
      if (!gda_value_is_null (values[14]) && !gda_value_is_null (values[15]))
        {
          summary->has_previous = TRUE;
          summary->trend = summary->total - g_value_get_double (values[15]);
        }
      summary->flags = (guint) INT (16);
#undef INT
#undef TEXT

      g_ptr_array_add (people, g_steal_pointer (&summary));
    }

  return g_steal_pointer (&people);
}

/* ------------------------------------------------------------------------------------
 * Everyone who could be in the cohort (perpetrators and people with an entry), by name:
 * the referral dialog's person search.
 * ------------------------------------------------------------------------------------ */

#define PEOPLE_FROM \
  " FROM person p" \
  " LEFT JOIN cohort_entry c ON c.id = (SELECT MAX(c2.id) FROM cohort_entry c2 WHERE c2.person_id = p.id)" \
  " WHERE p.merged_into IS NULL" \
  " AND (c.id IS NOT NULL OR EXISTS (SELECT 1 FROM incident i WHERE i.perpetrator_id = p.id))"

gint64
vigil_people_count (VigilStore  *store,
                    const char  *search,
                    GError     **error)
{
  static const GType types[] = { G_TYPE_INT64, G_TYPE_NONE };
  g_autoptr(GString) sql = g_string_new ("SELECT COUNT(*)" PEOPLE_FROM);
  g_autoptr(GArray) params = new_params ();
  g_autoptr(GdaDataModel) model = NULL;
  const GValue *value;

  g_return_val_if_fail (VIGIL_IS_STORE (store), -1);

  build_search (search, sql, params);

  model = vigil_store_query (store, sql->str, (const GValue *) params->data, params->len, types, error);
  if (model == NULL)
    return -1;

  value = gda_data_model_get_value_at (model, 0, 0, error);
  if (value == NULL)
    return -1;

  return g_value_get_int64 (value);
}

GPtrArray *
vigil_people_list (VigilStore  *store,
                   const char  *search,
                   gint64       offset,
                   guint        limit,
                   GError     **error)
{
  static const GType types[] = {
    G_TYPE_INT64, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING,
    G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_INT64, G_TYPE_NONE
  };
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GArray) params = new_params ();
  g_autoptr(GdaDataModel) model = NULL;
  g_autoptr(GPtrArray) people = NULL;
  int n;

  g_return_val_if_fail (VIGIL_IS_STORE (store), NULL);
  g_return_val_if_fail (offset >= 0, NULL);

  g_string_append (sql,
                   "SELECT p.id, p.surname, p.forenames, p.local_ref, p.pnc_id, p.dob,"
                   " c.status, c.route, c.lead_agency, c.lead_officer,"
                   " (SELECT COUNT(*) FROM incident i WHERE i.perpetrator_id = p.id)"
                   PEOPLE_FROM);
  build_search (search, sql, params);
  g_string_append (sql, " ORDER BY p.surname, p.forenames, p.id LIMIT ");
  append_int64_param (sql, params, limit);
  g_string_append (sql, " OFFSET ");
  append_int64_param (sql, params, offset);

  model = vigil_store_query (store, sql->str, (const GValue *) params->data, params->len, types, error);
  if (model == NULL)
    return NULL;

  n = gda_data_model_get_n_rows (model);
  people = g_ptr_array_new_full (n, (GDestroyNotify) vigil_person_summary_free);

  for (int row = 0; row < n; row++)
    {
      g_autoptr(VigilPersonSummary) summary = g_new0 (VigilPersonSummary, 1);
      const GValue *values[11];

      for (int col = 0; col < 11; col++)
        {
          values[col] = gda_data_model_get_value_at (model, col, row, error);
          if (values[col] == NULL)
            return NULL;
        }

#define TEXT(i) (gda_value_is_null (values[i]) ? NULL : g_value_dup_string (values[i]))
      summary->person_id = g_value_get_int64 (values[0]);
      summary->surname = TEXT (1);
      summary->forenames = TEXT (2);
      summary->local_ref = TEXT (3);
      summary->pnc_id = TEXT (4);
      summary->dob = TEXT (5);
      summary->status = TEXT (6);
      summary->route = TEXT (7);
      summary->lead_agency = TEXT (8);
      summary->lead_officer = TEXT (9);
      summary->incident_count = gda_value_is_null (values[10]) ? 0 : g_value_get_int64 (values[10]);
#undef TEXT

      g_ptr_array_add (people, g_steal_pointer (&summary));
    }

  return g_steal_pointer (&people);
}

/* Off the main thread */

/* A query that owns its strings, for a worker. */
typedef struct
{
  VigilPeopleQuery query;
  char *search;
  char *status;
  char *route;
  char *area;
  char *today;
  gint64 offset;
  guint limit;
} PeopleCall;

static PeopleCall *
people_call_new (const VigilPeopleQuery *query)
{
  PeopleCall *call = g_new0 (PeopleCall, 1);

  call->query = *query;
  call->query.search = call->search = g_strdup (query->search);
  call->query.status = call->status = g_strdup (query->status);
  call->query.route = call->route = g_strdup (query->route);
  call->query.area = call->area = g_strdup (query->area);
  call->query.today = call->today = g_strdup (query->today);
  return call;
}

static void
people_call_free (PeopleCall *call)
{
  g_free (call->search);
  g_free (call->status);
  g_free (call->route);
  g_free (call->area);
  g_free (call->today);
  g_free (call);
}

typedef struct
{
  PeopleCall *call;
  VigilPeopleTally *tally;
} TallyWork;

static gboolean
tally_cb (VigilStore  *store,
          gpointer     user_data,
          GError     **error)
{
  TallyWork *work = user_data;
  VigilPeopleQuery query = work->call->query;

  work->tally->count = vigil_people_query_count (store, &query, error);
  if (work->tally->count < 0)
    return FALSE;
  if (query.search != NULL && *query.search != '\0')
    {
      query.search = NULL;
      work->tally->total = vigil_people_query_count (store, &query, error);
      if (work->tally->total < 0)
        return FALSE;
    }
  else
    work->tally->total = work->tally->count;
  return vigil_people_count_statuses (store, &work->call->query, &work->tally->counts, error);
}

static gpointer
tally_thread (VigilStore    *store,
              gpointer       task_data,
              GCancellable  *cancellable,
              GError       **error)
{
  g_autofree VigilPeopleTally *tally = g_new0 (VigilPeopleTally, 1);
  TallyWork work = { task_data, tally };

  if (!vigil_store_run_read (store, tally_cb, &work, error))
    return NULL;
  return g_steal_pointer (&tally);
}

void
vigil_people_tally_async (VigilStore              *store,
                          const VigilPeopleQuery  *query,
                          GCancellable            *cancellable,
                          GAsyncReadyCallback      callback,
                          gpointer                 user_data)
{
  g_return_if_fail (VIGIL_IS_STORE (store));
  g_return_if_fail (query != NULL);

  vigil_store_call_async (store, vigil_people_tally_async, tally_thread,
                          people_call_new (query), (GDestroyNotify) people_call_free, g_free,
                          cancellable, callback, user_data);
}

VigilPeopleTally *
vigil_people_tally_finish (VigilStore    *store,
                           GAsyncResult  *result,
                           GError       **error)
{
  return vigil_store_call_finish (store, result, vigil_people_tally_async, error);
}

static gpointer
list_thread (VigilStore    *store,
             gpointer       task_data,
             GCancellable  *cancellable,
             GError       **error)
{
  PeopleCall *call = task_data;

  return vigil_people_query_list (store, &call->query, call->offset, call->limit, error);
}

void
vigil_people_query_list_async (VigilStore              *store,
                               const VigilPeopleQuery  *query,
                               gint64                   offset,
                               guint                    limit,
                               GCancellable            *cancellable,
                               GAsyncReadyCallback      callback,
                               gpointer                 user_data)
{
  PeopleCall *call;

  g_return_if_fail (VIGIL_IS_STORE (store));
  g_return_if_fail (query != NULL);

  call = people_call_new (query);
  call->offset = offset;
  call->limit = limit;
  vigil_store_call_async (store, vigil_people_query_list_async, list_thread,
                          call, (GDestroyNotify) people_call_free,
                          (GDestroyNotify) g_ptr_array_unref,
                          cancellable, callback, user_data);
}

GPtrArray *
vigil_people_query_list_finish (VigilStore    *store,
                                GAsyncResult  *result,
                                GError       **error)
{
  return vigil_store_call_finish (store, result, vigil_people_query_list_async, error);
}

/* A search of everyone */

void
vigil_people_search_free (VigilPeopleSearch *search)
{
  if (search == NULL)
    return;
  g_clear_pointer (&search->people, g_ptr_array_unref);
  g_free (search);
}

typedef struct
{
  char              *search;
  guint              limit;
  VigilPeopleSearch *result;
} SearchCall;

static void
search_call_free (SearchCall *call)
{
  g_free (call->search);
  g_clear_pointer (&call->result, vigil_people_search_free);
  g_free (call);
}

static gboolean
search_cb (VigilStore  *store,
           gpointer     user_data,
           GError     **error)
{
  SearchCall *call = user_data;
  g_autoptr(VigilPeopleSearch) result = g_new0 (VigilPeopleSearch, 1);

  result->total = vigil_people_count (store, call->search, error);
  if (result->total < 0)
    return FALSE;
  result->people = vigil_people_list (store, call->search, 0, call->limit, error);
  if (result->people == NULL)
    return FALSE;

  call->result = g_steal_pointer (&result);
  return TRUE;
}

static gpointer
search_thread (VigilStore    *store,
               gpointer       task_data,
               GCancellable  *cancellable,
               GError       **error)
{
  SearchCall *call = task_data;

  if (!vigil_store_run_read (store, search_cb, call, error))
    return NULL;
  return g_steal_pointer (&call->result);
}

void
vigil_people_search_async (VigilStore          *store,
                           const char          *search,
                           guint                limit,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  SearchCall *call;

  g_return_if_fail (VIGIL_IS_STORE (store));

  call = g_new0 (SearchCall, 1);
  call->search = g_strdup (search);
  call->limit = limit;
  vigil_store_call_async (store, vigil_people_search_async, search_thread,
                          call, (GDestroyNotify) search_call_free,
                          (GDestroyNotify) vigil_people_search_free,
                          cancellable, callback, user_data);
}

VigilPeopleSearch *
vigil_people_search_finish (VigilStore    *store,
                            GAsyncResult  *result,
                            GError       **error)
{
  return vigil_store_call_finish (store, result, vigil_people_search_async, error);
}

/* Names by id, and ids by search */

#define NAMES_GROUP 64

void
vigil_person_name_free (VigilPersonName *name)
{
  if (name == NULL)
    return;
  g_free (name->name);
  g_free (name->reference);
  g_free (name);
}

static char *
join_name (const char *surname,
           const char *forenames)
{
  if (surname != NULL && forenames != NULL && *forenames != '\0')
    return g_strdup_printf ("%s, %s", surname, forenames);
  return g_strdup (surname != NULL ? surname : "");
}

static gint64 *
dup_id (gint64 id)
{
  return g_memdup2 (&id, sizeof id);
}

static gboolean
read_names_group (VigilStore    *store,
                  const gint64  *ids,
                  guint          n_ids,
                  GHashTable    *names,
                  GError       **error)
{
  static const GType types[] = { G_TYPE_INT64, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_NONE };
  static char *sql = NULL;
  GValue params[NAMES_GROUP] = { G_VALUE_INIT };
  g_autoptr(GdaDataModel) model = NULL;
  int n;

  if (g_once_init_enter (&sql))
    {
      GString *text = g_string_new ("SELECT id, surname, forenames, local_ref FROM person WHERE id IN (");

      for (guint i = 0; i < NAMES_GROUP; i++)
        g_string_append_printf (text, "%s##p%u::gint64", i ? ", " : "", i);
      g_string_append_c (text, ')');
      g_once_init_leave (&sql, g_string_free (text, FALSE));
    }

  /* a short group is padded with an id no row has */
  for (guint i = 0; i < NAMES_GROUP; i++)
    {
      g_value_init (&params[i], G_TYPE_INT64);
      g_value_set_int64 (&params[i], i < n_ids ? ids[i] : 0);
    }
  model = vigil_store_query (store, sql, params, NAMES_GROUP, types, error);
  for (guint i = 0; i < NAMES_GROUP; i++)
    g_value_unset (&params[i]);
  if (model == NULL)
    return FALSE;

  n = gda_data_model_get_n_rows (model);
  for (int row = 0; row < n; row++)
    {
      const GValue *values[4];
      VigilPersonName *name;

      for (int col = 0; col < 4; col++)
        if ((values[col] = gda_data_model_get_value_at (model, col, row, error)) == NULL)
          return FALSE;

      name = g_new0 (VigilPersonName, 1);
      name->name = join_name (gda_value_is_null (values[1]) ? NULL : g_value_get_string (values[1]),
                              gda_value_is_null (values[2]) ? NULL : g_value_get_string (values[2]));
      name->reference = gda_value_is_null (values[3]) ? NULL : g_value_dup_string (values[3]);
      g_hash_table_replace (names, dup_id (g_value_get_int64 (values[0])), name);
    }
  return TRUE;
}

GHashTable *
vigil_people_get_names (VigilStore    *store,
                        const gint64  *ids,
                        guint          n_ids,
                        GError       **error)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                       (GDestroyNotify) vigil_person_name_free);

  g_return_val_if_fail (VIGIL_IS_STORE (store), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);

  for (guint i = 0; i < n_ids; i += NAMES_GROUP)
    if (!read_names_group (store, ids + i, MIN (NAMES_GROUP, n_ids - i), names, error))
      return NULL;

  return g_steal_pointer (&names);
}

static gpointer
names_thread (VigilStore    *store,
              gpointer       task_data,
              GCancellable  *cancellable,
              GError       **error)
{
  GArray *ids = task_data;

  return vigil_people_get_names (store, (const gint64 *) ids->data, ids->len, error);
}

void
vigil_people_get_names_async (VigilStore          *store,
                              const gint64        *ids,
                              guint                n_ids,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  GArray *copy;

  g_return_if_fail (VIGIL_IS_STORE (store));

  copy = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_ids);
  g_array_append_vals (copy, ids, n_ids);
  vigil_store_call_async (store, vigil_people_get_names_async, names_thread, copy,
                          (GDestroyNotify) g_array_unref, (GDestroyNotify) g_hash_table_unref,
                          cancellable, callback, user_data);
}

GHashTable *
vigil_people_get_names_finish (VigilStore    *store,
                               GAsyncResult  *result,
                               GError       **error)
{
  return vigil_store_call_finish (store, result, vigil_people_get_names_async, error);
}

GHashTable *
vigil_people_find_ids (VigilStore  *store,
                       const char  *search,
                       GError     **error)
{
  static const GType types[] = { G_TYPE_INT64, G_TYPE_NONE };
  g_autoptr(GString) sql = g_string_new ("SELECT p.id FROM person p WHERE 1 = 1");
  g_autoptr(GArray) params = new_params ();
  g_autoptr(GdaDataModel) model = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  int n;

  g_return_val_if_fail (VIGIL_IS_STORE (store), NULL);

  build_search (search, sql, params);
  model = vigil_store_query (store, sql->str, (const GValue *) params->data, params->len, types, error);
  if (model == NULL)
    return NULL;

  n = gda_data_model_get_n_rows (model);
  for (int row = 0; row < n; row++)
    {
      const GValue *value = gda_data_model_get_value_at (model, 0, row, error);

      if (value == NULL)
        return NULL;
      g_hash_table_add (ids, dup_id (g_value_get_int64 (value)));
    }

  return g_steal_pointer (&ids);
}

static gpointer
find_ids_thread (VigilStore    *store,
                 gpointer       task_data,
                 GCancellable  *cancellable,
                 GError       **error)
{
  return vigil_people_find_ids (store, task_data, error);
}

void
vigil_people_find_ids_async (VigilStore          *store,
                             const char          *search,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (VIGIL_IS_STORE (store));

  vigil_store_call_async (store, vigil_people_find_ids_async, find_ids_thread,
                          g_strdup (search != NULL ? search : ""), g_free,
                          (GDestroyNotify) g_hash_table_unref,
                          cancellable, callback, user_data);
}

GHashTable *
vigil_people_find_ids_finish (VigilStore    *store,
                              GAsyncResult  *result,
                              GError       **error)
{
  return vigil_store_call_finish (store, result, vigil_people_find_ids_async, error);
}
