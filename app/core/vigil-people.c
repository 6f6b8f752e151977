/* vigil-people.c: the people of the cohort view, searched and paged by the database
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-people"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "vigil-people.h"

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

#define PEOPLE_FROM \
  " FROM person p" \
  " LEFT JOIN cohort_entry c ON c.id = (SELECT MAX(c2.id) FROM cohort_entry c2 WHERE c2.person_id = p.id)" \
  " WHERE p.merged_into IS NULL" \
  " AND (c.id IS NOT NULL OR EXISTS (SELECT 1 FROM incident i WHERE i.perpetrator_id = p.id))"

/* Builds the WHERE tail and its parameters (five per word). */
static void
build_search (const char  *search,
              GString     *sql,
              GArray      *params)
{
  g_autoptr(GPtrArray) patterns = split_search (search);

  for (guint i = 0; i < patterns->len; i++)
    {
      guint base = params->len;

      g_string_append_printf (sql,
                              " AND (LOWER(p.surname) LIKE ##p%u::string ESCAPE '!'"
                              " OR LOWER(p.forenames) LIKE ##p%u::string ESCAPE '!'"
                              " OR LOWER(p.local_ref) LIKE ##p%u::string ESCAPE '!'"
                              " OR LOWER(p.pnc_id) LIKE ##p%u::string ESCAPE '!'"
                              " OR EXISTS (SELECT 1 FROM person_alias a WHERE a.person_id = p.id"
                              " AND LOWER(a.alias) LIKE ##p%u::string ESCAPE '!'))",
                              base, base + 1, base + 2, base + 3, base + 4);

      for (guint k = 0; k < 5; k++)
        {
          GValue value = G_VALUE_INIT;

          g_value_init (&value, G_TYPE_STRING);
          g_value_set_string (&value, g_ptr_array_index (patterns, i));
          g_array_append_val (params, value);
        }
    }
}

static GArray *
new_params (void)
{
  GArray *params = g_array_new (FALSE, TRUE, sizeof (GValue));

  g_array_set_clear_func (params, (GDestroyNotify) g_value_unset);
  return params;
}

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
  g_string_append_printf (sql, " ORDER BY p.surname, p.forenames, p.id LIMIT %u OFFSET %" G_GINT64_FORMAT,
                          limit, offset);

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
