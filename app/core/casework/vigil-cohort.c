/* vigil-cohort.c: referrals, professional judgement and duplicate-person decisions
 *
 * Every change goes through one transaction (vigil_store_run_in_transaction) and the
 * audited record layer, so a refused or failed request leaves the store as it was.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-cohort"

#include "config.h"

#include <inttypes.h>
#include <string.h>

#include <glib/gi18n.h>

#include "vigil-audit.h"
#include "vigil-cohort.h"
#include "vigil-cohort-private.h"
#include "vigil-record.h"

G_DEFINE_QUARK (vigil-cohort-error-quark, vigil_cohort_error)

/* ------------------------------------------------------------------------------------
 * Helpers
 * ------------------------------------------------------------------------------------ */

gboolean
vigil_cohort_is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      return FALSE;

  return TRUE;
}

char *
vigil_cohort_dup_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* "12345678" → "12,345,678" */
static char *
format_count (gint64 value)
{
  g_autofree char *digits = g_strdup_printf ("%" G_GINT64_FORMAT, value < 0 ? -value : value);
  GString *text = g_string_new (value < 0 ? "-" : "");
  gsize n = strlen (digits);

  for (gsize i = 0; i < n; i++)
    {
      if (i > 0 && (n - i) % 3 == 0)
        g_string_append_c (text, ',');
      g_string_append_c (text, digits[i]);
    }

  return g_string_free (text, FALSE);
}

static void
set_int64 (GValue *value,
           gint64  number)
{
  g_value_init (value, G_TYPE_INT64);
  g_value_set_int64 (value, number);
}

static void
set_string (GValue     *value,
            const char *text)
{
  g_value_init (value, G_TYPE_STRING);
  g_value_set_string (value, text);
}

static void
clear_values (GValue *values,
              guint   n)
{
  for (guint i = 0; i < n; i++)
    if (G_VALUE_TYPE (&values[i]) != G_TYPE_INVALID)
      g_value_unset (&values[i]);
}

static gint64
value_int64 (const GValue *value)
{
  if (value == NULL || gda_value_is_null (value))
    return 0;
  if (G_VALUE_HOLDS_INT64 (value))
    return g_value_get_int64 (value);
  if (G_VALUE_HOLDS_INT (value))
    return g_value_get_int (value);
  return 0;
}

static char *
value_dup_text (const GValue *value)
{
  if (value == NULL || gda_value_is_null (value) || !G_VALUE_HOLDS_STRING (value))
    return NULL;
  return g_value_dup_string (value);
}

/* Runs a query whose first column holds ids; appends them to @ids. */
static gboolean
query_ids (VigilStore    *store,
           const char    *sql,
           const GValue  *params,
           guint          n_params,
           GArray        *ids,
           GError       **error)
{
  static const GType types[] = { G_TYPE_INT64, G_TYPE_NONE };
  g_autoptr(GdaDataModel) model = vigil_store_query (store, sql, params, n_params, types, error);
  int n;

  if (model == NULL)
    return FALSE;

  n = gda_data_model_get_n_rows (model);
  for (int row = 0; row < n; row++)
    {
      const GValue *value = gda_data_model_get_value_at (model, 0, row, error);
      gint64 id;

      if (value == NULL)
        return FALSE;
      id = value_int64 (value);
      g_array_append_val (ids, id);
    }

  return TRUE;
}

/* vigil_store_run_in_transaction reports a failure of another error domain as a store
 * error; a refusal of this module keeps its own domain, code and message. */
typedef struct
{
  VigilStoreWorkFunc  func;
  gpointer            data;
  GError             *refusal;
} Work;

static gboolean
work_cb (VigilStore  *store,
         gpointer     user_data,
         GError     **error)
{
  Work *work = user_data;
  g_autoptr(GError) local_error = NULL;

  if (work->func (store, work->data, &local_error))
    return TRUE;

  if (local_error != NULL && local_error->domain == VIGIL_COHORT_ERROR && work->refusal == NULL)
    work->refusal = g_error_copy (local_error);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

gboolean
vigil_cohort_run_work (VigilStore          *store,
          VigilStoreWorkFunc   func,
          gpointer             data,
          GError             **error)
{
  Work work = { func, data, NULL };
  g_autoptr(GError) local_error = NULL;

  if (vigil_store_run_in_transaction (store, work_cb, &work, &local_error))
    return TRUE;

  if (work.refusal != NULL)
    g_propagate_error (error, g_steal_pointer (&work.refusal));
  else
    g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

/* person.merged_into is not part of the person record: only merging writes it. */
static gboolean
query_merged_into (VigilStore  *store,
                   gint64       person_id,
                   gint64      *merged_into,
                   GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GValue param = G_VALUE_INIT;
  gboolean ok;

  set_int64 (&param, person_id);
  ok = query_ids (store, "SELECT merged_into FROM person WHERE id = ##p0::gint64", &param, 1, ids, error);
  g_value_unset (&param);
  if (!ok)
    return FALSE;

  *merged_into = ids->len > 0 ? g_array_index (ids, gint64, 0) : 0;
  return TRUE;
}

/* "SURNAME, Forenames (REF)" */
char *
vigil_cohort_describe_person (const VigilPerson *person)
{
  g_autoptr(GString) text = g_string_new (person->surname);

  if (person->forenames != NULL && *person->forenames != '\0')
    g_string_append_printf (text, ", %s", person->forenames);
  if (person->local_ref != NULL && *person->local_ref != '\0')
    g_string_append_printf (text, " (%s)", person->local_ref);

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* The person @person_id, refused when they were merged into someone else. */
VigilPerson *
vigil_cohort_fetch_live_person (VigilStore  *store,
                   gint64       person_id,
                   GError     **error)
{
  g_autoptr(VigilPerson) person = NULL;
  gint64 merged_into = 0;

  person = vigil_store_fetch (store, &vigil_person_type, person_id, error);
  if (person == NULL)
    return NULL;

  if (!query_merged_into (store, person_id, &merged_into, error))
    return NULL;

  if (merged_into != 0)
    {
      g_autofree char *who = vigil_cohort_describe_person (person);
      g_autoptr(VigilPerson) kept = vigil_store_fetch (store, &vigil_person_type, merged_into, NULL);
      g_autofree char *into = kept != NULL ? vigil_cohort_describe_person (kept) : g_strdup_printf ("#%" G_GINT64_FORMAT, merged_into);

      g_set_error (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_MERGED,
                   _("%s was merged into %s: use that person’s record."), who, into);
      return NULL;
    }

  return g_steal_pointer (&person);
}

gint64
vigil_cohort_find_person (VigilStore  *store,
                          const char  *ref,
                          GError     **error)
{
  g_autoptr(GPtrArray) people = NULL;
  gint64 id;

  g_return_val_if_fail (VIGIL_IS_STORE (store), 0);

  if (vigil_cohort_is_blank (ref))
    {
      g_set_error_literal (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_INVALID,
                           _("Give the person’s reference."));
      return 0;
    }

  people = vigil_store_list_by_text (store, &vigil_person_type, "local_ref", ref, error);
  if (people == NULL)
    return 0;
  if (people->len == 0)
    {
      g_set_error (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_NOT_FOUND,
                   _("No person has the reference “%s”."), ref);
      return 0;
    }

  id = ((VigilRecord *) g_ptr_array_index (people, 0))->id;

  /* Merges flatten chains (a tombstone always names a live person), but an older
   * store may hold a chain: follow a few links, never a loop. */
  for (guint hops = 0; hops < 16; hops++)
    {
      gint64 merged_into = 0;

      if (!query_merged_into (store, id, &merged_into, error))
        return 0;
      if (merged_into == 0)
        return id;
      id = merged_into;
    }

  g_set_error (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_MERGED,
               _("The person with the reference “%s” was merged too many times to follow."), ref);
  return 0;
}

/* ------------------------------------------------------------------------------------
 * Referrals
 * ------------------------------------------------------------------------------------ */

VigilCohortEntry *
vigil_cohort_get_open_entry (VigilStore  *store,
                             gint64       person_id,
                             GError     **error)
{
  g_autoptr(GPtrArray) entries = NULL;

  g_return_val_if_fail (VIGIL_IS_STORE (store), NULL);

  entries = vigil_store_list (store, &vigil_cohort_entry_type, "person_id", person_id, error);
  if (entries == NULL)
    return NULL;

  /* ordered by id: the newest open one */
  for (guint i = entries->len; i > 0; i--)
    {
      VigilCohortEntry *entry = g_ptr_array_index (entries, i - 1);

      if (g_strcmp0 (entry->status, "exited") != 0)
        return g_ptr_array_steal_index (entries, i - 1);
    }

  return NULL;
}

static void
set_open_entry_error (GError                **error,
                      const VigilPerson      *person,
                      const VigilCohortEntry *entry)
{
  g_autofree char *who = vigil_cohort_describe_person (person);
  const char *status = vigil_choice_get_label (vigil_cohort_status_choices, entry->status);
  const char *route = vigil_choice_get_label (vigil_route_choices, entry->route);

  if (entry->identified_on != NULL)
    g_set_error (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_OPEN_ENTRY,
                 /* TRANSLATORS: a person, a cohort status, a route, a date */
                 _("%s is already in the cohort: %s, by the route “%s”, since %s. "
                   "Nothing was changed."),
                 who, status, route, entry->identified_on);
  else
    g_set_error (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_OPEN_ENTRY,
                 _("%s is already in the cohort: %s, by the route “%s”. Nothing was changed."),
                 who, status, route);
}

gboolean
vigil_cohort_check_date (const char  *date,
            const char  *what,
            GError     **error)
{
  if (date != NULL && !vigil_date_is_valid (date))
    {
      g_set_error (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_INVALID,
                   /* TRANSLATORS: the first %s names a date ("The referral date") */
                   _("%s “%s” is not a date: write it as YYYY-MM-DD."), what, date);
      return FALSE;
    }

  return TRUE;
}

typedef struct
{
  const VigilReferral *referral;
  const char          *referred_on;
  VigilCohortEntry    *entry;
} ReferData;

static gboolean
refer_cb (VigilStore  *store,
          gpointer     user_data,
          GError     **error)
{
  ReferData *data = user_data;
  const VigilReferral *referral = data->referral;
  g_autoptr(VigilPerson) person = NULL;
  g_autoptr(VigilCohortEntry) entry = NULL;

  if (referral->person_id != 0)
    {
      g_autoptr(VigilCohortEntry) open = NULL;
      g_autoptr(GError) local_error = NULL;

      person = vigil_cohort_fetch_live_person (store, referral->person_id, error);
      if (person == NULL)
        return FALSE;

      open = vigil_cohort_get_open_entry (store, person->record.id, &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      if (open != NULL)
        {
          set_open_entry_error (error, person, open);
          return FALSE;
        }
    }
  else
    {
      if (!vigil_cohort_is_blank (referral->local_ref))
        {
          g_autoptr(GPtrArray) same = vigil_store_list_by_text (store, &vigil_person_type, "local_ref",
                                                                referral->local_ref, error);

          if (same == NULL)
            return FALSE;
          if (same->len > 0)
            {
              g_set_error (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_INVALID,
                           _("A person with the reference “%s” is already in the store: refer "
                             "them by that reference instead of as a new person."),
                           referral->local_ref);
              return FALSE;
            }
        }

      person = vigil_person_new ();
      person->surname = g_strdup (referral->surname);
      person->forenames = g_strdup (referral->forenames);
      person->dob = g_strdup (referral->dob);
      person->pnc_id = g_strdup (referral->pnc_id);
      person->local_ref = vigil_cohort_is_blank (referral->local_ref) ? NULL : g_strdup (referral->local_ref);
      /* (the record layer bumps the facts generation for a new person) */
      if (!vigil_store_insert (store, &vigil_person_type, person, error))
        return FALSE;
    }

  entry = vigil_cohort_entry_new ();
  entry->person_id = person->record.id;
  entry->status = g_strdup ("candidate");
  entry->route = g_strdup (referral->route);
  entry->lead_agency = g_strdup (referral->lead_agency);
  entry->area = g_strdup (referral->area);
  entry->identified_on = g_strdup (data->referred_on);
  entry->referral_source = g_strdup (referral->source);
  entry->referral_reason = g_strdup (referral->reason);
  if (!vigil_store_insert (store, &vigil_cohort_entry_type, entry, error))
    return FALSE;

  data->entry = g_steal_pointer (&entry);
  return TRUE;
}

VigilCohortEntry *
vigil_cohort_refer (VigilStore           *store,
                    const VigilReferral  *referral,
                    GError              **error)
{
  g_autofree char *today = NULL;
  ReferData data = { referral, NULL, NULL };

  g_return_val_if_fail (VIGIL_IS_STORE (store), NULL);
  g_return_val_if_fail (referral != NULL, NULL);

  if (g_strcmp0 (referral->route, "stalking_referral") != 0 &&
      g_strcmp0 (referral->route, "agency_referral") != 0)
    {
      g_set_error (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_INVALID,
                   _("A referral comes by the route stalking_referral or agency_referral, not “%s”."),
                   referral->route ? referral->route : "");
      return NULL;
    }
  if (vigil_cohort_is_blank (referral->source))
    {
      g_set_error_literal (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_INVALID,
                           _("Say who made the referral (for example “Stalking clinic” or “Probation”)."));
      return NULL;
    }
  if (vigil_cohort_is_blank (referral->reason))
    {
      g_set_error_literal (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_INVALID,
                           _("Give the reason for the referral."));
      return NULL;
    }
  if (referral->person_id != 0 &&
      (referral->surname != NULL || referral->forenames != NULL || referral->dob != NULL ||
       referral->pnc_id != NULL || referral->local_ref != NULL))
    {
      g_set_error_literal (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_INVALID,
                           _("Refer either a person already in the store or a new person, not both."));
      return NULL;
    }
  if (referral->person_id == 0 && vigil_cohort_is_blank (referral->surname))
    {
      g_set_error_literal (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_INVALID,
                           _("A new person needs at least a surname."));
      return NULL;
    }
  if (!vigil_cohort_check_date (referral->referred_on, _("The referral date"), error) ||
      !vigil_cohort_check_date (referral->dob, _("The date of birth"), error))
    return NULL;

  if (referral->referred_on == NULL)
    today = vigil_cohort_dup_today ();
  data.referred_on = referral->referred_on ? referral->referred_on : today;

  if (!vigil_cohort_run_work (store, refer_cb, &data, error))
    {
      g_clear_pointer (&data.entry, vigil_cohort_entry_free);
      return NULL;
    }

  return data.entry;
}

/* ------------------------------------------------------------------------------------
 * Professional judgement
 * ------------------------------------------------------------------------------------ */

char *
vigil_cohort_describe_score (VigilStore  *store,
                             gint64       person_id,
                             GError     **error)
{
  static const GType run_types[] = { G_TYPE_INT64, G_TYPE_STRING, G_TYPE_INT64, G_TYPE_NONE };
  static const GType score_types[] = { G_TYPE_INT64, G_TYPE_DOUBLE, G_TYPE_NONE };
  g_autoptr(GdaDataModel) runs = NULL;
  g_autoptr(GdaDataModel) scores = NULL;
  g_autofree char *as_of = NULL;
  g_autofree char *rank_text = NULL;
  g_autofree char *scored_text = NULL;
  GValue params[2] = { G_VALUE_INIT, G_VALUE_INIT };
  const GValue *value;
  gint64 run_id, scored, rank;
  double total;

  g_return_val_if_fail (VIGIL_IS_STORE (store), NULL);

  runs = vigil_store_query (store, "SELECT id, as_of, people_scored FROM score_run ORDER BY id DESC LIMIT 1",
                            NULL, 0, run_types, error);
  if (runs == NULL)
    return NULL;
  if (gda_data_model_get_n_rows (runs) == 0)
    return g_strdup (_("Not scored: no scoring run has been stored yet"));

  if ((value = gda_data_model_get_value_at (runs, 0, 0, error)) == NULL)
    return NULL;
  run_id = value_int64 (value);
  if ((value = gda_data_model_get_value_at (runs, 1, 0, error)) == NULL)
    return NULL;
  as_of = value_dup_text (value);
  if ((value = gda_data_model_get_value_at (runs, 2, 0, error)) == NULL)
    return NULL;
  scored = value_int64 (value);

  set_int64 (&params[0], run_id);
  set_int64 (&params[1], person_id);
  scores = vigil_store_query (store,
                              "SELECT rank, total FROM score WHERE run_id = ##p0::gint64 AND person_id = ##p1::gint64",
                              params, 2, score_types, error);
  clear_values (params, 2);
  if (scores == NULL)
    return NULL;

  if (gda_data_model_get_n_rows (scores) == 0)
    /* TRANSLATORS: run number and as-of date. A run keeps the scores of its cohort
     * and of everyone with a cohort entry. */
    return g_strdup_printf (_("Not scored in the latest run (run %" PRId64 ", as of %s): below its "
                              "cohort, or no incident counted"),
                            run_id, as_of ? as_of : "?");

  if ((value = gda_data_model_get_value_at (scores, 0, 0, error)) == NULL)
    return NULL;
  rank = value_int64 (value);
  if ((value = gda_data_model_get_value_at (scores, 1, 0, error)) == NULL)
    return NULL;
  total = gda_value_is_null (value) ? 0 : g_value_get_double (value);

  rank_text = format_count (rank);
  scored_text = format_count (scored);
  /* TRANSLATORS: "Ranked 12,345 of 412,000, total 7 (run 3, as of 2026-11-01)" */
  return g_strdup_printf (_("Ranked %s of %s, total %g (run %" PRId64 ", as of %s)"),
                          rank_text, scored_text, total, run_id, as_of ? as_of : "?");
}

typedef struct
{
  const VigilOverride *override;
  const char          *decided_on;
  VigilDecision       *decision;
} OverrideData;

static gboolean
override_cb (VigilStore  *store,
             gpointer     user_data,
             GError     **error)
{
  OverrideData *data = user_data;
  const VigilOverride *override = data->override;
  g_autoptr(VigilPerson) person = NULL;
  g_autoptr(VigilCohortEntry) open = NULL;
  g_autoptr(VigilDecision) decision = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *outcome = NULL;

  person = vigil_cohort_fetch_live_person (store, override->person_id, error);
  if (person == NULL)
    return FALSE;

  open = vigil_cohort_get_open_entry (store, person->record.id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  outcome = vigil_cohort_describe_score (store, person->record.id, error);
  if (outcome == NULL)
    return FALSE;

  decision = vigil_decision_new ();
  decision->person_id = person->record.id;
  decision->kind = g_strdup (override->kind == VIGIL_OVERRIDE_INCLUDE ? "override_include" : "override_exclude");
  decision->outcome = g_steal_pointer (&outcome);
  decision->decided_by = g_strdup (override->decided_by);
  decision->decided_role = g_strdup (override->decided_role);
  decision->decided_on = g_strdup (data->decided_on);
  decision->rationale = g_strdup (override->rationale);
  decision->proportionality = vigil_cohort_is_blank (override->proportionality) ? NULL : g_strdup (override->proportionality);

  if (override->kind == VIGIL_OVERRIDE_INCLUDE)
    {
      if (open == NULL)
        {
          open = vigil_cohort_entry_new ();
          open->person_id = person->record.id;
          open->status = g_strdup ("candidate");
          open->route = g_strdup ("professional_judgement");
          open->identified_on = g_strdup (data->decided_on);
          if (!vigil_store_insert (store, &vigil_cohort_entry_type, open, error))
            return FALSE;
        }
      decision->cohort_entry_id = open->record.id;
    }
  else if (open != NULL)
    {
      if (g_strcmp0 (open->status, "managed") == 0 || g_strcmp0 (open->status, "scaling_back") == 0)
        {
          g_autofree char *who = vigil_cohort_describe_person (person);

          g_set_error (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_MANAGED,
                       _("%s is %s: ending their management is an exit decision, not an override "
                         "of the ranking. Use the exit workflow. Nothing was changed."),
                       who, vigil_choice_get_label (vigil_cohort_status_choices, open->status));
          return FALSE;
        }

      g_free (open->status);
      open->status = g_strdup ("exited");
      g_free (open->exited_on);
      open->exited_on = g_strdup (data->decided_on);
      g_free (open->exit_reason);
      open->exit_reason = g_strdup ("no_longer_meets_criteria");
      if (!vigil_store_update (store, &vigil_cohort_entry_type, open, error))
        return FALSE;
      decision->cohort_entry_id = open->record.id;
    }

  if (!vigil_store_insert (store, &vigil_decision_type, decision, error))
    return FALSE;

  data->decision = g_steal_pointer (&decision);
  return TRUE;
}

VigilDecision *
vigil_cohort_decide_override (VigilStore           *store,
                              const VigilOverride  *override,
                              GError              **error)
{
  g_autofree char *today = NULL;
  OverrideData data = { override, NULL, NULL };

  g_return_val_if_fail (VIGIL_IS_STORE (store), NULL);
  g_return_val_if_fail (override != NULL, NULL);

  if (override->kind != VIGIL_OVERRIDE_INCLUDE && override->kind != VIGIL_OVERRIDE_EXCLUDE)
    {
      g_set_error_literal (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_INVALID,
                           _("An override either includes or excludes the person."));
      return NULL;
    }
  if (vigil_cohort_is_blank (override->decided_by))
    {
      g_set_error_literal (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_INVALID,
                           _("Name the decision-maker: the algorithm indicates, people decide."));
      return NULL;
    }
  if (vigil_cohort_is_blank (override->decided_role))
    {
      g_set_error_literal (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_INVALID,
                           _("Give the decision-maker’s role."));
      return NULL;
    }
  if (vigil_cohort_is_blank (override->rationale))
    {
      g_set_error_literal (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_INVALID,
                           _("Give the rationale for overriding the ranking."));
      return NULL;
    }
  if (!vigil_cohort_check_date (override->decided_on, _("The decision date"), error))
    return NULL;

  if (override->decided_on == NULL)
    today = vigil_cohort_dup_today ();
  data.decided_on = override->decided_on ? override->decided_on : today;

  if (!vigil_cohort_run_work (store, override_cb, &data, error))
    {
      g_clear_pointer (&data.decision, vigil_decision_free);
      return NULL;
    }

  return data.decision;
}

void
vigil_judgement_free (VigilJudgement *judgement)
{
  if (judgement == NULL)
    return;

  g_free (judgement->decided_by);
  g_free (judgement->decided_role);
  g_free (judgement->decided_on);
  g_free (judgement->rationale);
  g_free (judgement->outcome);
  g_free (judgement);
}

char *
vigil_judgement_dup_summary (const VigilJudgement *judgement)
{
  g_return_val_if_fail (judgement != NULL, NULL);

  if (judgement->kind == VIGIL_OVERRIDE_INCLUDE)
    /* TRANSLATORS: a decision-maker's name */
    return g_strdup_printf (_("included by %s"), judgement->decided_by);

  return g_strdup_printf (_("excluded by %s"), judgement->decided_by);
}

#define JUDGEMENT_SELECT \
  "SELECT id, person_id, kind, decided_by, decided_role, decided_on, rationale, outcome FROM decision" \
  " WHERE kind IN ('override_include', 'override_exclude')"

/* Rows come ordered by person, date, id: a later row replaces an earlier one. */
static gboolean
collect_judgements (GdaDataModel  *model,
                    GHashTable    *judgements,
                    GError       **error)
{
  int n = gda_data_model_get_n_rows (model);

  for (int row = 0; row < n; row++)
    {
      g_autoptr(VigilJudgement) judgement = g_new0 (VigilJudgement, 1);
      const GValue *values[8];
      g_autofree char *kind = NULL;

      for (int col = 0; col < 8; col++)
        if ((values[col] = gda_data_model_get_value_at (model, col, row, error)) == NULL)
          return FALSE;

      judgement->decision_id = value_int64 (values[0]);
      judgement->person_id = value_int64 (values[1]);
      kind = value_dup_text (values[2]);
      judgement->kind = g_strcmp0 (kind, "override_include") == 0 ? VIGIL_OVERRIDE_INCLUDE : VIGIL_OVERRIDE_EXCLUDE;
      judgement->decided_by = value_dup_text (values[3]);
      judgement->decided_role = value_dup_text (values[4]);
      judgement->decided_on = value_dup_text (values[5]);
      judgement->rationale = value_dup_text (values[6]);
      judgement->outcome = value_dup_text (values[7]);

      /* the key lives in the value: replace both together */
      g_hash_table_remove (judgements, &judgement->person_id);
      g_hash_table_insert (judgements, &judgement->person_id, judgement);
      judgement = NULL;
    }

  return TRUE;
}

/* Ids per statement. Every statement has exactly this many parameters (the last chunk
 * repeats its last id), so one prepared statement serves every page: libgda's cost per
 * parameter grows faster than linearly, so a page of a ranking (~100 people) is one
 * statement and larger sets are a few more. */
#define JUDGEMENT_CHUNK 100

GHashTable *
vigil_cohort_get_judgements (VigilStore    *store,
                             const gint64  *person_ids,
                             guint          n_person_ids,
                             GError       **error)
{
  static const GType types[] = {
    G_TYPE_INT64, G_TYPE_INT64, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING,
    G_TYPE_STRING, G_TYPE_STRING, G_TYPE_NONE
  };
  g_autoptr(GHashTable) judgements = NULL;

  g_return_val_if_fail (VIGIL_IS_STORE (store), NULL);
  g_return_val_if_fail (person_ids != NULL || n_person_ids == 0, NULL);

  judgements = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, (GDestroyNotify) vigil_judgement_free);

  if (person_ids == NULL)
    {
      g_autoptr(GdaDataModel) model = vigil_store_query (store, JUDGEMENT_SELECT " ORDER BY person_id, decided_on, id",
                                                         NULL, 0, types, error);

      if (model == NULL || !collect_judgements (model, judgements, error))
        return NULL;
      return g_steal_pointer (&judgements);
    }

  for (guint start = 0; start < n_person_ids; start += JUDGEMENT_CHUNK)
    {
      guint n = MIN (JUDGEMENT_CHUNK, n_person_ids - start);
      g_autoptr(GString) sql = g_string_new (JUDGEMENT_SELECT " AND person_id IN (");
      GValue params[JUDGEMENT_CHUNK] = { G_VALUE_INIT };
      g_autoptr(GdaDataModel) model = NULL;

      for (guint i = 0; i < JUDGEMENT_CHUNK; i++)
        {
          g_string_append_printf (sql, "%s##p%u::gint64", i ? ", " : "", i);
          set_int64 (&params[i], person_ids[start + MIN (i, n - 1)]);
        }
      g_string_append (sql, ") ORDER BY person_id, decided_on, id");

      model = vigil_store_query (store, sql->str, params, JUDGEMENT_CHUNK, types, error);
      clear_values (params, JUDGEMENT_CHUNK);
      if (model == NULL || !collect_judgements (model, judgements, error))
        return NULL;
    }

  return g_steal_pointer (&judgements);
}

/* ------------------------------------------------------------------------------------
 * Possible duplicates
 * ------------------------------------------------------------------------------------ */

static void
clear_duplicate_person (VigilDuplicatePerson *person)
{
  g_clear_pointer (&person->surname, g_free);
  g_clear_pointer (&person->forenames, g_free);
  g_clear_pointer (&person->local_ref, g_free);
  g_clear_pointer (&person->dob, g_free);
  g_clear_pointer (&person->pnc_id, g_free);
}

void
vigil_duplicate_free (VigilDuplicate *duplicate)
{
  if (duplicate == NULL)
    return;

  g_free (duplicate->reason);
  g_free (duplicate->status);
  g_free (duplicate->decided_by);
  g_free (duplicate->decided_on);
  g_free (duplicate->rationale);
  g_free (duplicate->batch_file_name);
  clear_duplicate_person (&duplicate->person);
  clear_duplicate_person (&duplicate->other);
  g_free (duplicate);
}

char *
vigil_duplicate_person_dup_name (const VigilDuplicatePerson *person)
{
  g_return_val_if_fail (person != NULL, NULL);

  if (person->forenames != NULL && *person->forenames != '\0')
    return g_strdup_printf ("%s, %s", person->surname, person->forenames);

  return g_strdup (person->surname);
}

#define DUPLICATE_PERSON_COLUMNS(t) \
  t ".id, " t ".surname, " t ".forenames, " t ".local_ref, " t ".dob, " t ".pnc_id, " \
  "(SELECT COUNT(*) FROM incident i WHERE i.perpetrator_id = " t ".id), " \
  "(SELECT COUNT(*) FROM incident i WHERE i.victim_id = " t ".id)"

static void
read_duplicate_person (const GValue         **values,
                       VigilDuplicatePerson  *person)
{
  person->person_id = value_int64 (values[0]);
  person->surname = value_dup_text (values[1]);
  person->forenames = value_dup_text (values[2]);
  person->local_ref = value_dup_text (values[3]);
  person->dob = value_dup_text (values[4]);
  person->pnc_id = value_dup_text (values[5]);
  person->incidents_as_perpetrator = value_int64 (values[6]);
  person->incidents_as_victim = value_int64 (values[7]);
}

GPtrArray *
vigil_duplicates_list (VigilStore  *store,
                       const char  *status,
                       GError     **error)
{
#define N_COLUMNS 25
  static const GType types[N_COLUMNS + 1] = {
    G_TYPE_INT64, G_TYPE_INT64, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_INT64, G_TYPE_STRING,
    G_TYPE_STRING, G_TYPE_STRING,
    G_TYPE_INT64, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING,
    G_TYPE_INT64, G_TYPE_INT64,
    G_TYPE_INT64, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING, G_TYPE_STRING,
    G_TYPE_INT64, G_TYPE_INT64,
    G_TYPE_STRING,
    G_TYPE_NONE
  };
  g_autoptr(GString) sql = g_string_new (NULL);
  g_autoptr(GdaDataModel) model = NULL;
  g_autoptr(GPtrArray) duplicates = NULL;
  GValue param = G_VALUE_INIT;
  int n;

  g_return_val_if_fail (VIGIL_IS_STORE (store), NULL);

  if (status != NULL && g_strv_contains (vigil_duplicate_status_choices, status) == FALSE)
    {
      g_autofree char *allowed = g_strjoinv (", ", (char **) vigil_duplicate_status_choices);

      g_set_error (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_INVALID,
                   _("“%s” is not a status of possible duplicates: use one of %s."), status, allowed);
      return NULL;
    }

  g_string_append (sql,
                   "SELECT d.id, d.rev, d.reason, d.status, d.batch_id, d.decided_by, d.decided_on, d.rationale, "
                   DUPLICATE_PERSON_COLUMNS ("a") ", " DUPLICATE_PERSON_COLUMNS ("b") ", ib.file_name"
                   " FROM person_duplicate d"
                   " JOIN person a ON a.id = d.person_id"
                   " JOIN person b ON b.id = d.other_person_id"
                   " LEFT JOIN import_batch ib ON ib.id = d.batch_id");
  if (status != NULL)
    {
      g_string_append (sql, " WHERE d.status = ##p0::string");
      set_string (&param, status);
    }
  g_string_append (sql, " ORDER BY d.id");

  model = vigil_store_query (store, sql->str, status != NULL ? &param : NULL, status != NULL ? 1 : 0, types, error);
  if (status != NULL)
    g_value_unset (&param);
  if (model == NULL)
    return NULL;

  n = gda_data_model_get_n_rows (model);
  duplicates = g_ptr_array_new_full (n, (GDestroyNotify) vigil_duplicate_free);
  for (int row = 0; row < n; row++)
    {
      g_autoptr(VigilDuplicate) duplicate = g_new0 (VigilDuplicate, 1);
      const GValue *values[N_COLUMNS];

      for (int col = 0; col < N_COLUMNS; col++)
        if ((values[col] = gda_data_model_get_value_at (model, col, row, error)) == NULL)
          return NULL;

      duplicate->id = value_int64 (values[0]);
      duplicate->rev = value_int64 (values[1]);
      duplicate->reason = value_dup_text (values[2]);
      duplicate->status = value_dup_text (values[3]);
      duplicate->batch_id = value_int64 (values[4]);
      duplicate->decided_by = value_dup_text (values[5]);
      duplicate->decided_on = value_dup_text (values[6]);
      duplicate->rationale = value_dup_text (values[7]);
      read_duplicate_person (values + 8, &duplicate->person);
      read_duplicate_person (values + 16, &duplicate->other);
      duplicate->batch_file_name = value_dup_text (values[24]);
      g_ptr_array_add (duplicates, g_steal_pointer (&duplicate));
    }
#undef N_COLUMNS

  return g_steal_pointer (&duplicates);
}

static gboolean
check_decision_details (const char  *decided_by,
                        const char  *rationale,
                        GError     **error)
{
  if (vigil_cohort_is_blank (decided_by))
    {
      g_set_error_literal (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_INVALID,
                           _("Name who decided."));
      return FALSE;
    }
  if (vigil_cohort_is_blank (rationale))
    {
      g_set_error_literal (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_INVALID,
                           _("Give the rationale for the decision."));
      return FALSE;
    }

  return TRUE;
}

/* The possible duplicate @id, still open. */
static VigilPersonDuplicate *
fetch_open_duplicate (VigilStore  *store,
                      gint64       id,
                      GError     **error)
{
  g_autoptr(VigilPersonDuplicate) duplicate = NULL;

  duplicate = vigil_store_fetch (store, &vigil_person_duplicate_type, id, error);
  if (duplicate == NULL)
    return NULL;

  if (g_strcmp0 (duplicate->status, "open") != 0)
    {
      g_set_error (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_DECIDED,
                   /* TRANSLATORS: number, "merged"/"kept apart", name, date */
                   _("Possible duplicate %" PRId64 " was already decided (%s by %s on %s). "
                     "Nothing was changed."),
                   id,
                   g_strcmp0 (duplicate->status, "merged") == 0 ? _("merged") : _("kept apart"),
                   duplicate->decided_by ? duplicate->decided_by : _("someone"),
                   duplicate->decided_on ? duplicate->decided_on : "?");
      return NULL;
    }

  return g_steal_pointer (&duplicate);
}

static void
set_decision (VigilPersonDuplicate *duplicate,
              const char           *status,
              const char           *decided_by,
              const char           *decided_on,
              const char           *rationale)
{
  g_free (duplicate->status);
  duplicate->status = g_strdup (status);
  g_free (duplicate->decided_by);
  duplicate->decided_by = g_strdup (decided_by);
  g_free (duplicate->decided_on);
  duplicate->decided_on = g_strdup (decided_on);
  g_free (duplicate->rationale);
  duplicate->rationale = g_strdup (rationale);
}

typedef struct
{
  gint64      duplicate_id;
  gint64      keep_id;
  const char *decided_by;
  const char *rationale;
  const char *decided_on;
} DecideData;

static gboolean
keep_apart_cb (VigilStore  *store,
               gpointer     user_data,
               GError     **error)
{
  DecideData *data = user_data;
  g_autoptr(VigilPersonDuplicate) duplicate = fetch_open_duplicate (store, data->duplicate_id, error);

  if (duplicate == NULL)
    return FALSE;

  set_decision (duplicate, "kept_apart", data->decided_by, data->decided_on, data->rationale);
  return vigil_store_update (store, &vigil_person_duplicate_type, duplicate, error);
}

gboolean
vigil_duplicates_keep_apart (VigilStore  *store,
                             gint64       duplicate_id,
                             const char  *decided_by,
                             const char  *rationale,
                             GError     **error)
{
  g_autofree char *today = vigil_cohort_dup_today ();
  DecideData data = { duplicate_id, 0, decided_by, rationale, today };

  g_return_val_if_fail (VIGIL_IS_STORE (store), FALSE);

  if (!check_decision_details (decided_by, rationale, error))
    return FALSE;

  return vigil_cohort_run_work (store, keep_apart_cb, &data, error);
}

/* Every column that names a person, except person_duplicate's (decided row by row) and
 * score's (deleted). A person's own columns come before the other columns of the same
 * table, so that an audit row can name the person its record concerns after the move.
 * intervention follows its plan; test-cohort checks this list against the schema. */
static const struct
{
  const VigilRecordType *type;
  const char            *column;
} person_columns[] = {
  { &vigil_person_alias_type, "person_id" },
  { &vigil_incident_type, "perpetrator_id" },
  { &vigil_incident_type, "victim_id" },
  { &vigil_agency_flag_type, "person_id" },
  { &vigil_cohort_entry_type, "person_id" },
  { &vigil_decision_type, "person_id" },
  { &vigil_process_overlap_type, "person_id" },
  { &vigil_agency_section_type, "person_id" },
  { &vigil_victim_link_type, "perpetrator_id" },
  { &vigil_victim_link_type, "victim_id" },
  { &vigil_plan_type, "person_id" },
  { &vigil_agenda_item_type, "person_id" },
  { &vigil_action_type, "person_id" },
  { &vigil_outcome_observation_type, "person_id" },
  { &vigil_outcome_observation_type, "victim_id" },
};

static char *
describe_move (const char *column,
               gint64      duplicate_id)
{
  return g_strdup_printf ("{\"fields\":[\"%s\"],\"duplicate\":%" G_GINT64_FORMAT "}", column, duplicate_id);
}

/* Points every row of @type whose @column names @gone at @keep, as the record layer
 * would (rev + 1, updated_at/by, one audit row per record), in one statement. */
static gboolean
move_column (VigilStore            *store,
             const VigilRecordType *type,
             const char            *column,
             gint64                 gone,
             gint64                 keep,
             gint64                 duplicate_id,
             const char            *now,
             GError               **error)
{
  static const GType types[] = { G_TYPE_INT64, G_TYPE_INT64, G_TYPE_NONE };
  const char *person_column = type->person_column ? type->person_column : column;
  g_autofree char *select = NULL;
  g_autofree char *update = NULL;
  g_autofree char *detail = describe_move (column, duplicate_id);
  g_autoptr(GdaDataModel) model = NULL;
  GValue params[4] = { G_VALUE_INIT, G_VALUE_INIT, G_VALUE_INIT, G_VALUE_INIT };
  gboolean ok;
  int n;

  select = g_strdup_printf ("SELECT id, %s FROM %s WHERE %s = ##p0::gint64 ORDER BY id",
                            person_column, type->table, column);
  set_int64 (&params[0], gone);
  model = vigil_store_query (store, select, params, 1, types, error);
  clear_values (params, 1);
  if (model == NULL)
    return FALSE;

  n = gda_data_model_get_n_rows (model);
  if (n == 0)
    return TRUE;

  update = g_strdup_printf ("UPDATE %s SET %s = ##p0::gint64, rev = rev + 1, updated_at = ##p1::string, "
                            "updated_by = ##p2::string WHERE %s = ##p3::gint64",
                            type->table, column, column);
  set_int64 (&params[0], keep);
  set_string (&params[1], now);
  set_string (&params[2], vigil_store_get_actor (store));
  set_int64 (&params[3], gone);
  ok = vigil_store_execute (store, update, params, 4, NULL, error);
  clear_values (params, 4);
  if (!ok)
    return FALSE;

  for (int row = 0; row < n; row++)
    {
      const GValue *id = gda_data_model_get_value_at (model, 0, row, error);
      const GValue *person = id ? gda_data_model_get_value_at (model, 1, row, error) : NULL;
      gint64 person_id;

      if (person == NULL)
        return FALSE;

      person_id = g_str_equal (person_column, column) ? keep : value_int64 (person);
      if (!vigil_audit_append (store, "update", type->table, value_int64 (id), person_id, detail, error))
        return FALSE;
    }

  return TRUE;
}

/* The other possible-duplicate rows that name @gone: a row about the same pair is
 * decided by this merge; any other moves to @keep, or, when @keep already has a row
 * about the same other person, gives that row its decision and goes. */
static gboolean
move_duplicate_rows (VigilStore  *store,
                     DecideData  *data,
                     gint64       gone,
                     GError     **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GValue params[2] = { G_VALUE_INIT, G_VALUE_INIT };
  gboolean ok;

  set_int64 (&params[0], gone);
  set_int64 (&params[1], data->duplicate_id);
  ok = query_ids (store,
                  "SELECT id FROM person_duplicate WHERE (person_id = ##p0::gint64 OR other_person_id = ##p0::gint64)"
                  " AND id <> ##p1::gint64 ORDER BY id",
                  params, 2, ids, error);
  clear_values (params, 2);
  if (!ok)
    return FALSE;

  for (guint i = 0; i < ids->len; i++)
    {
      g_autoptr(VigilPersonDuplicate) row = NULL;
      g_autoptr(GArray) same = g_array_new (FALSE, FALSE, sizeof (gint64));
      gint64 a, b;

      row = vigil_store_fetch (store, &vigil_person_duplicate_type, g_array_index (ids, gint64, i), error);
      if (row == NULL)
        return FALSE;

      a = row->person_id == gone ? data->keep_id : row->person_id;
      b = row->other_person_id == gone ? data->keep_id : row->other_person_id;

      if (a == b)
        {
          /* the same two people (another reason, or the other way round): it keeps
           * naming both, as the decided row does */
          if (g_strcmp0 (row->status, "open") != 0)
            continue;
          set_decision (row, "merged", data->decided_by, data->decided_on, data->rationale);
          if (!vigil_store_update (store, &vigil_person_duplicate_type, row, error))
            return FALSE;
          continue;
        }

      set_int64 (&params[0], a);
      set_int64 (&params[1], b);
      ok = query_ids (store,
                      "SELECT id FROM person_duplicate WHERE person_id = ##p0::gint64 AND other_person_id = ##p1::gint64",
                      params, 2, same, error);
      clear_values (params, 2);
      if (!ok)
        return FALSE;

      if (same->len > 0)
        {
          g_autoptr(VigilPersonDuplicate) kept = NULL;

          kept = vigil_store_fetch (store, &vigil_person_duplicate_type, g_array_index (same, gint64, 0), error);
          if (kept == NULL)
            return FALSE;
          if (g_strcmp0 (kept->status, "open") == 0 && g_strcmp0 (row->status, "open") != 0)
            {
              set_decision (kept, row->status, row->decided_by, row->decided_on, row->rationale);
              if (!vigil_store_update (store, &vigil_person_duplicate_type, kept, error))
                return FALSE;
            }
          if (!vigil_store_delete (store, &vigil_person_duplicate_type, row, error))
            return FALSE;
        }
      else
        {
          row->person_id = a;
          row->other_person_id = b;
          if (!vigil_store_update (store, &vigil_person_duplicate_type, row, error))
            return FALSE;
        }
    }

  return TRUE;
}

static char *
dup_person_name (const VigilPerson *person)
{
  if (person->forenames != NULL && *person->forenames != '\0')
    return g_strdup_printf ("%s, %s", person->surname, person->forenames);

  return g_strdup (person->surname);
}

static gboolean
same_text (const char *a,
           const char *b)
{
  g_autofree char *fa = NULL;
  g_autofree char *fb = NULL;

  if (a == NULL || b == NULL)
    return a == b;

  fa = g_utf8_casefold (a, -1);
  fb = g_utf8_casefold (b, -1);
  return g_str_equal (fa, fb);
}

/* Adds @text as an alias of @person unless it is their own name or already one. */
static gboolean
add_alias (VigilStore         *store,
           const VigilPerson  *person,
           GPtrArray          *aliases,
           const char         *text,
           const char         *kind,
           GError            **error)
{
  g_autofree char *own_name = dup_person_name (person);
  g_autoptr(VigilPersonAlias) alias = NULL;

  if (vigil_cohort_is_blank (text) || same_text (text, own_name) || same_text (text, person->local_ref))
    return TRUE;

  for (guint i = 0; i < aliases->len; i++)
    if (same_text (((VigilPersonAlias *) g_ptr_array_index (aliases, i))->alias, text))
      return TRUE;

  alias = vigil_person_alias_new ();
  alias->person_id = person->record.id;
  alias->alias = g_strdup (text);
  alias->alias_kind = g_strdup (kind);
  if (!vigil_store_insert (store, &vigil_person_alias_type, alias, error))
    return FALSE;

  g_ptr_array_add (aliases, g_steal_pointer (&alias));
  return TRUE;
}

static gboolean
merge_cb (VigilStore  *store,
          gpointer     user_data,
          GError     **error)
{
  DecideData *data = user_data;
  g_autoptr(VigilPersonDuplicate) duplicate = NULL;
  g_autoptr(VigilPerson) keep = NULL;
  g_autoptr(VigilPerson) gone = NULL;
  g_autoptr(VigilCohortEntry) keep_entry = NULL;
  g_autoptr(VigilCohortEntry) gone_entry = NULL;
  g_autoptr(GPtrArray) aliases = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *now = vigil_store_now ();
  g_autofree char *gone_name = NULL;
  g_autofree char *detail = NULL;
  GValue params[5] = { G_VALUE_INIT, G_VALUE_INIT, G_VALUE_INIT, G_VALUE_INIT, G_VALUE_INIT };
  gint64 gone_id;
  gboolean gained = FALSE;
  gboolean ok;
  int rows = 0;

  duplicate = fetch_open_duplicate (store, data->duplicate_id, error);
  if (duplicate == NULL)
    return FALSE;

  if (duplicate->person_id == duplicate->other_person_id)
    {
      g_set_error (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_INVALID,
                   _("Possible duplicate %" PRId64 " names the same person twice: keep them apart."),
                   data->duplicate_id);
      return FALSE;
    }
  if (data->keep_id != duplicate->person_id && data->keep_id != duplicate->other_person_id)
    {
      g_set_error (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_INVALID,
                   _("Possible duplicate %" PRId64 " is about two other people: keep one of them."),
                   data->duplicate_id);
      return FALSE;
    }
  gone_id = data->keep_id == duplicate->person_id ? duplicate->other_person_id : duplicate->person_id;

  keep = vigil_cohort_fetch_live_person (store, data->keep_id, error);
  if (keep == NULL)
    return FALSE;
  gone = vigil_cohort_fetch_live_person (store, gone_id, error);
  if (gone == NULL)
    return FALSE;

  /* One open cohort entry per person: a coordinator settles which one stands. */
  keep_entry = vigil_cohort_get_open_entry (store, keep->record.id, &local_error);
  if (local_error == NULL)
    gone_entry = vigil_cohort_get_open_entry (store, gone->record.id, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (keep_entry != NULL && gone_entry != NULL)
    {
      g_autofree char *keep_text = vigil_cohort_describe_person (keep);
      g_autofree char *gone_text = vigil_cohort_describe_person (gone);

      g_set_error (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_OPEN_ENTRY,
                   _("Both people are in the cohort (%s: %s; %s: %s): exit one of the entries "
                     "before merging. Nothing was changed."),
                   keep_text, vigil_choice_get_label (vigil_cohort_status_choices, keep_entry->status),
                   gone_text, vigil_choice_get_label (vigil_cohort_status_choices, gone_entry->status));
      return FALSE;
    }

  /* Every record of the merged person now belongs to the kept one. */
  for (guint i = 0; i < G_N_ELEMENTS (person_columns); i++)
    if (!move_column (store, person_columns[i].type, person_columns[i].column, gone_id, keep->record.id,
                      data->duplicate_id, now, error))
      return FALSE;

  if (!move_duplicate_rows (store, data, gone_id, error))
    return FALSE;

  /* The merged person's stored scores go: the kept person's scores of past runs stay
   * as they were, and the next refresh scores the kept person on all the incidents
   * (a run's rows are a snapshot; the run stays consistent with what it scored). */
  set_int64 (&params[0], gone_id);
  ok = vigil_store_execute (store, "DELETE FROM score WHERE person_id = ##p0::gint64", params, 1, &rows, error);
  clear_values (params, 1);
  if (!ok)
    return FALSE;
  if (rows > 0)
    {
      g_autofree char *score_detail = g_strdup_printf ("{\"rows\":%d,\"duplicate\":%" G_GINT64_FORMAT "}",
                                                       rows, data->duplicate_id);

      if (!vigil_audit_append (store, "delete", "score", 0, gone_id, score_detail, error))
        return FALSE;
    }

  /* Earlier tombstones of the merged person point at the kept one: one hop always. */
  {
    g_autoptr(GArray) tombstones = g_array_new (FALSE, FALSE, sizeof (gint64));
    g_autofree char *tomb_detail = describe_move ("merged_into", data->duplicate_id);

    set_int64 (&params[0], gone_id);
    ok = query_ids (store, "SELECT id FROM person WHERE merged_into = ##p0::gint64", params, 1, tombstones, error);
    clear_values (params, 1);
    if (!ok)
      return FALSE;

    for (guint i = 0; i < tombstones->len; i++)
      {
        gint64 id = g_array_index (tombstones, gint64, i);

        set_int64 (&params[0], keep->record.id);
        set_string (&params[1], now);
        set_string (&params[2], vigil_store_get_actor (store));
        set_int64 (&params[3], id);
        ok = vigil_store_execute (store,
                                  "UPDATE person SET merged_into = ##p0::gint64, rev = rev + 1, updated_at = ##p1::string, "
                                  "updated_by = ##p2::string WHERE id = ##p3::gint64",
                                  params, 4, NULL, error);
        clear_values (params, 4);
        if (!ok || !vigil_audit_append (store, "update", "person", id, id, tomb_detail, error))
          return FALSE;
      }
  }

  /* The merged person's name and reference still find the kept one. */
  aliases = vigil_store_list (store, &vigil_person_alias_type, "person_id", keep->record.id, error);
  if (aliases == NULL)
    return FALSE;
  gone_name = dup_person_name (gone);
  if (!add_alias (store, keep, aliases, gone_name, "name", error) ||
      !add_alias (store, keep, aliases, gone->local_ref, NULL, error))
    return FALSE;

  if ((keep->dob == NULL || *keep->dob == '\0') && gone->dob != NULL && *gone->dob != '\0')
    {
      g_free (keep->dob);
      keep->dob = g_strdup (gone->dob);
      gained = TRUE;
    }
  if ((keep->pnc_id == NULL || *keep->pnc_id == '\0') && gone->pnc_id != NULL && *gone->pnc_id != '\0')
    {
      g_free (keep->pnc_id);
      keep->pnc_id = g_strdup (gone->pnc_id);
      gained = TRUE;
    }
  if (gained && !vigil_store_update (store, &vigil_person_type, keep, error))
    return FALSE;

  /* The tombstone: the row stays (its reference is unique and imports look it up). */
  set_int64 (&params[0], keep->record.id);
  set_string (&params[1], now);
  set_string (&params[2], vigil_store_get_actor (store));
  set_int64 (&params[3], gone_id);
  set_int64 (&params[4], gone->record.rev);
  ok = vigil_store_execute (store,
                            "UPDATE person SET merged_into = ##p0::gint64, rev = rev + 1, updated_at = ##p1::string, "
                            "updated_by = ##p2::string WHERE id = ##p3::gint64 AND rev = ##p4::gint64",
                            params, 5, &rows, error);
  clear_values (params, 5);
  if (!ok)
    return FALSE;
  if (rows == 0)
    {
      g_set_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_CONFLICT,
                   _("Someone changed %s while the merge ran; nothing was changed. Try again."),
                   gone_name);
      return FALSE;
    }

  detail = g_strdup_printf ("{\"fields\":[\"merged_into\"],\"duplicate\":%" G_GINT64_FORMAT
                            ",\"merged\":%" G_GINT64_FORMAT ",\"kept\":%" G_GINT64_FORMAT "}",
                            data->duplicate_id, gone_id, keep->record.id);
  if (!vigil_audit_append (store, "merge", "person", gone_id, gone_id, detail, error) ||
      !vigil_audit_append (store, "merge", "person", keep->record.id, keep->record.id, detail, error))
    return FALSE;

  set_decision (duplicate, "merged", data->decided_by, data->decided_on, data->rationale);
  if (!vigil_store_update (store, &vigil_person_duplicate_type, duplicate, error))
    return FALSE;

  /* incidents changed hands: a cache of the scoring facts must reload */
  return vigil_store_touch_facts (store, error);
}

gboolean
vigil_duplicates_merge (VigilStore  *store,
                        gint64       duplicate_id,
                        gint64       keep_person_id,
                        const char  *decided_by,
                        const char  *rationale,
                        GError     **error)
{
  g_autofree char *today = vigil_cohort_dup_today ();
  DecideData data = { duplicate_id, keep_person_id, decided_by, rationale, today };

  g_return_val_if_fail (VIGIL_IS_STORE (store), FALSE);

  if (!check_decision_details (decided_by, rationale, error))
    return FALSE;

  return vigil_cohort_run_work (store, merge_cb, &data, error);
}

/* Off the main thread */

static gpointer
judgements_thread (VigilStore    *store,
                   gpointer       task_data,
                   GCancellable  *cancellable,
                   GError       **error)
{
  return vigil_cohort_get_judgements (store, NULL, 0, error);
}

void
vigil_cohort_get_judgements_async (VigilStore          *store,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (VIGIL_IS_STORE (store));

  vigil_store_call_async (store, vigil_cohort_get_judgements_async, judgements_thread, NULL, NULL,
                          (GDestroyNotify) g_hash_table_unref, cancellable, callback, user_data);
}

GHashTable *
vigil_cohort_get_judgements_finish (VigilStore    *store,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return vigil_store_call_finish (store, result, vigil_cohort_get_judgements_async, error);
}

/* The judgement dialog's read */

void
vigil_judgement_context_free (VigilJudgementContext *context)
{
  if (context == NULL)
    return;

  g_clear_pointer (&context->person, vigil_person_free);
  g_clear_pointer (&context->score, g_free);
  g_clear_pointer (&context->open_entry, vigil_cohort_entry_free);
  g_clear_pointer (&context->judgement, vigil_judgement_free);
  g_free (context);
}

typedef struct
{
  gint64                 person_id;
  VigilJudgementContext *context;
} JudgementContextData;

static gboolean
load_judgement_context_cb (VigilStore  *store,
                           gpointer     user_data,
                           GError     **error)
{
  JudgementContextData *data = user_data;
  g_autoptr(VigilJudgementContext) context = g_new0 (VigilJudgementContext, 1);
  g_autoptr(GHashTable) judgements = NULL;
  g_autoptr(GError) local_error = NULL;
  GHashTableIter iter;
  gpointer value;

  context->person = vigil_store_fetch (store, &vigil_person_type, data->person_id, error);
  if (context->person == NULL)
    return FALSE;

  /* no score is not a failure of the read: the dialog says "not scored" */
  context->score = vigil_cohort_describe_score (store, data->person_id, &local_error);
  if (context->score == NULL)
    g_debug ("No score for person %" G_GINT64_FORMAT ": %s", data->person_id,
             local_error != NULL ? local_error->message : "none");

  context->open_entry = vigil_cohort_get_open_entry (store, data->person_id, error);
  if (context->open_entry == NULL && error != NULL && *error != NULL)
    return FALSE;

  judgements = vigil_cohort_get_judgements (store, &data->person_id, 1, error);
  if (judgements == NULL)
    return FALSE;
  g_hash_table_iter_init (&iter, judgements);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (((VigilJudgement *) value)->person_id == data->person_id)
      {
        g_hash_table_iter_steal (&iter);
        g_clear_pointer (&context->judgement, vigil_judgement_free);
        context->judgement = value;
      }

  data->context = g_steal_pointer (&context);
  return TRUE;
}

static gpointer
load_judgement_context_thread (VigilStore    *store,
                               gpointer       task_data,
                               GCancellable  *cancellable,
                               GError       **error)
{
  JudgementContextData data = { *(gint64 *) task_data, NULL };

  if (!vigil_store_run_read (store, load_judgement_context_cb, &data, error))
    {
      g_clear_pointer (&data.context, vigil_judgement_context_free);
      return NULL;
    }

  return data.context;
}

void
vigil_cohort_load_judgement_context_async (VigilStore          *store,
                                           gint64               person_id,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  g_return_if_fail (VIGIL_IS_STORE (store));
  g_return_if_fail (person_id > 0);

  vigil_store_call_async (store, vigil_cohort_load_judgement_context_async, load_judgement_context_thread,
                          g_memdup2 (&person_id, sizeof person_id), g_free,
                          (GDestroyNotify) vigil_judgement_context_free,
                          cancellable, callback, user_data);
}

VigilJudgementContext *
vigil_cohort_load_judgement_context_finish (VigilStore    *store,
                                            GAsyncResult  *result,
                                            GError       **error)
{
  return vigil_store_call_finish (store, result, vigil_cohort_load_judgement_context_async, error);
}

/* Professional judgement */

typedef struct
{
  VigilOverride override;  /* its strings owned */
} OverrideCall;

static void
override_call_free (OverrideCall *call)
{
  g_free ((char *) call->override.decided_by);
  g_free ((char *) call->override.decided_role);
  g_free ((char *) call->override.decided_on);
  g_free ((char *) call->override.rationale);
  g_free ((char *) call->override.proportionality);
  g_free (call);
}

static gpointer
decide_override_thread (VigilStore    *store,
                        gpointer       task_data,
                        GCancellable  *cancellable,
                        GError       **error)
{
  OverrideCall *call = task_data;

  return vigil_cohort_decide_override (store, &call->override, error);
}

void
vigil_cohort_decide_override_async (VigilStore           *store,
                                    const VigilOverride  *override,
                                    GCancellable         *cancellable,
                                    GAsyncReadyCallback   callback,
                                    gpointer              user_data)
{
  OverrideCall *call;

  g_return_if_fail (VIGIL_IS_STORE (store));
  g_return_if_fail (override != NULL);

  call = g_new0 (OverrideCall, 1);
  call->override.person_id = override->person_id;
  call->override.kind = override->kind;
  call->override.decided_by = g_strdup (override->decided_by);
  call->override.decided_role = g_strdup (override->decided_role);
  call->override.decided_on = g_strdup (override->decided_on);
  call->override.rationale = g_strdup (override->rationale);
  call->override.proportionality = g_strdup (override->proportionality);
  vigil_store_call_async (store, vigil_cohort_decide_override_async, decide_override_thread,
                          call, (GDestroyNotify) override_call_free,
                          (GDestroyNotify) vigil_decision_free,
                          cancellable, callback, user_data);
}

VigilDecision *
vigil_cohort_decide_override_finish (VigilStore    *store,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  return vigil_store_call_finish (store, result, vigil_cohort_decide_override_async, error);
}

/* Referrals */

typedef struct
{
  VigilReferral referral;  /* its strings owned */
} ReferCall;

static void
refer_call_free (ReferCall *call)
{
  g_free ((char *) call->referral.surname);
  g_free ((char *) call->referral.forenames);
  g_free ((char *) call->referral.dob);
  g_free ((char *) call->referral.pnc_id);
  g_free ((char *) call->referral.local_ref);
  g_free ((char *) call->referral.route);
  g_free ((char *) call->referral.source);
  g_free ((char *) call->referral.reason);
  g_free ((char *) call->referral.referred_on);
  g_free ((char *) call->referral.area);
  g_free ((char *) call->referral.lead_agency);
  g_free (call);
}

static gpointer
refer_thread (VigilStore    *store,
              gpointer       task_data,
              GCancellable  *cancellable,
              GError       **error)
{
  ReferCall *call = task_data;

  return vigil_cohort_refer (store, &call->referral, error);
}

void
vigil_cohort_refer_async (VigilStore           *store,
                          const VigilReferral  *referral,
                          GCancellable         *cancellable,
                          GAsyncReadyCallback   callback,
                          gpointer              user_data)
{
  ReferCall *call;

  g_return_if_fail (VIGIL_IS_STORE (store));
  g_return_if_fail (referral != NULL);

  call = g_new0 (ReferCall, 1);
  call->referral.person_id = referral->person_id;
  call->referral.surname = g_strdup (referral->surname);
  call->referral.forenames = g_strdup (referral->forenames);
  call->referral.dob = g_strdup (referral->dob);
  call->referral.pnc_id = g_strdup (referral->pnc_id);
  call->referral.local_ref = g_strdup (referral->local_ref);
  call->referral.route = g_strdup (referral->route);
  call->referral.source = g_strdup (referral->source);
  call->referral.reason = g_strdup (referral->reason);
  call->referral.referred_on = g_strdup (referral->referred_on);
  call->referral.area = g_strdup (referral->area);
  call->referral.lead_agency = g_strdup (referral->lead_agency);
  vigil_store_call_async (store, vigil_cohort_refer_async, refer_thread,
                          call, (GDestroyNotify) refer_call_free,
                          (GDestroyNotify) vigil_cohort_entry_free,
                          cancellable, callback, user_data);
}

VigilCohortEntry *
vigil_cohort_refer_finish (VigilStore    *store,
                           GAsyncResult  *result,
                           GError       **error)
{
  return vigil_store_call_finish (store, result, vigil_cohort_refer_async, error);
}

/* Possible duplicates */

static gpointer
duplicates_list_thread (VigilStore    *store,
                        gpointer       task_data,
                        GCancellable  *cancellable,
                        GError       **error)
{
  return vigil_duplicates_list (store, task_data, error);
}

void
vigil_duplicates_list_async (VigilStore          *store,
                             const char          *status,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_return_if_fail (VIGIL_IS_STORE (store));

  vigil_store_call_async (store, vigil_duplicates_list_async, duplicates_list_thread,
                          g_strdup (status), g_free, (GDestroyNotify) g_ptr_array_unref,
                          cancellable, callback, user_data);
}

GPtrArray *
vigil_duplicates_list_finish (VigilStore    *store,
                              GAsyncResult  *result,
                              GError       **error)
{
  return vigil_store_call_finish (store, result, vigil_duplicates_list_async, error);
}

typedef struct
{
  gint64  duplicate_id;
  gint64  keep_person_id;
  char   *decided_by;
  char   *rationale;
} DecideCall;

static DecideCall *
decide_call_new (gint64      duplicate_id,
                 gint64      keep_person_id,
                 const char *decided_by,
                 const char *rationale)
{
  DecideCall *call = g_new0 (DecideCall, 1);

  call->duplicate_id = duplicate_id;
  call->keep_person_id = keep_person_id;
  call->decided_by = g_strdup (decided_by);
  call->rationale = g_strdup (rationale);
  return call;
}

static void
decide_call_free (DecideCall *call)
{
  g_free (call->decided_by);
  g_free (call->rationale);
  g_free (call);
}

static gpointer
keep_apart_thread (VigilStore    *store,
                   gpointer       task_data,
                   GCancellable  *cancellable,
                   GError       **error)
{
  DecideCall *call = task_data;

  /* any non-NULL pointer says it was recorded */
  return vigil_duplicates_keep_apart (store, call->duplicate_id, call->decided_by, call->rationale, error)
         ? GINT_TO_POINTER (TRUE) : NULL;
}

void
vigil_duplicates_keep_apart_async (VigilStore          *store,
                                   gint64               duplicate_id,
                                   const char          *decided_by,
                                   const char          *rationale,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_return_if_fail (VIGIL_IS_STORE (store));

  vigil_store_call_async (store, vigil_duplicates_keep_apart_async, keep_apart_thread,
                          decide_call_new (duplicate_id, 0, decided_by, rationale),
                          (GDestroyNotify) decide_call_free, NULL,
                          cancellable, callback, user_data);
}

gboolean
vigil_duplicates_keep_apart_finish (VigilStore    *store,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return vigil_store_call_finish (store, result, vigil_duplicates_keep_apart_async, error) != NULL;
}

static gpointer
merge_thread (VigilStore    *store,
              gpointer       task_data,
              GCancellable  *cancellable,
              GError       **error)
{
  DecideCall *call = task_data;

  return vigil_duplicates_merge (store, call->duplicate_id, call->keep_person_id,
                                 call->decided_by, call->rationale, error)
         ? GINT_TO_POINTER (TRUE) : NULL;
}

void
vigil_duplicates_merge_async (VigilStore          *store,
                              gint64               duplicate_id,
                              gint64               keep_person_id,
                              const char          *decided_by,
                              const char          *rationale,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  g_return_if_fail (VIGIL_IS_STORE (store));

  vigil_store_call_async (store, vigil_duplicates_merge_async, merge_thread,
                          decide_call_new (duplicate_id, keep_person_id, decided_by, rationale),
                          (GDestroyNotify) decide_call_free, NULL,
                          cancellable, callback, user_data);
}

gboolean
vigil_duplicates_merge_finish (VigilStore    *store,
                               GAsyncResult  *result,
                               GError       **error)
{
  return vigil_store_call_finish (store, result, vigil_duplicates_merge_async, error) != NULL;
}
