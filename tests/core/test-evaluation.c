/* test-evaluation.c: the evaluation's measures (principle 8) on a small cohort whose
 * every figure was worked out by hand (see the comments beside each person)
 *
 * The end date is 2026-12-31, windows 6 and 12 months, the default profile (gravity:
 * rape 5, abh 4, common_assault 3, harassment 3, criminal_damage 2). A non-domestic
 * incident counts in the RFGV score (the profile counts all four relationships) but
 * never in the domestic-abuse outcome measures.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-evaluation"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "vigil-evaluation-charts.h"
#include "vigil-test-store.h"

#define END_DATE "2026-12-31"

typedef struct
{
  VigilStore *store;
  gint64      m1, m2, m3, m4;   /* managed */
  gint64      c1, c2, c3;       /* never adopted: the comparison pool */
  guint       n_incidents;
} Fixture;

static gint64
add_person (VigilStore *store,
            const char *surname,
            const char *ref)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilPerson) person = vigil_person_new ();

  person->surname = g_strdup (surname);
  person->forenames = g_strdup ("Evaltest");
  person->local_ref = g_strdup (ref);
  g_assert_true (vigil_store_insert (store, &vigil_person_type, person, &error));
  g_assert_no_error (error);
  return person->record.id;
}

static void
add_incident (Fixture    *fixture,
              gint64      perpetrator,
              gint64      victim,
              const char *date,
              const char *offence,
              const char *relationship)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilIncident) incident = vigil_incident_new ();

  incident->source = g_strdup ("police");
  incident->source_ref = g_strdup_printf ("SYN-EVAL-%u", ++fixture->n_incidents);
  incident->occurred_at = g_strdup (date);
  incident->perpetrator_id = perpetrator;
  incident->victim_id = victim;
  incident->relationship = g_strdup (relationship != NULL ? relationship : "intimate_partner");
  incident->offence_code = g_strdup (offence);
  incident->area = g_strdup ("SYN-North");
  g_assert_true (vigil_store_insert (fixture->store, &vigil_incident_type, incident, &error));
  g_assert_no_error (error);
}

static void
add_entry (VigilStore *store,
           gint64      person,
           const char *status,
           const char *route,
           const char *identified,
           const char *adopted,
           const char *exited,
           const char *exit_reason)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilCohortEntry) entry = vigil_cohort_entry_new ();

  entry->person_id = person;
  entry->status = g_strdup (status);
  entry->route = g_strdup (route);
  entry->area = g_strdup ("SYN-North");
  entry->identified_on = g_strdup (identified);
  entry->adopted_on = g_strdup (adopted);
  entry->exited_on = g_strdup (exited);
  entry->exit_reason = g_strdup (exit_reason);
  g_assert_true (vigil_store_insert (store, &vigil_cohort_entry_type, entry, &error));
  g_assert_no_error (error);
}

static gint64
add_plan (VigilStore *store,
          gint64      person)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilPlan) plan = vigil_plan_new ();

  plan->person_id = person;
  plan->objectives = g_strdup ("Reduce harm (synthetic)");
  g_assert_true (vigil_store_insert (store, &vigil_plan_type, plan, &error));
  g_assert_no_error (error);
  return plan->record.id;
}

static void
add_intervention (VigilStore *store,
                  gint64      plan,
                  const char *code,
                  const char *status,
                  gint64      breaches)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilIntervention) intervention = vigil_intervention_new ();

  intervention->plan_id = plan;
  intervention->option_code = g_strdup (code);
  intervention->status = g_strdup (status);
  intervention->breaches = breaches;
  g_assert_true (vigil_store_insert (store, &vigil_intervention_type, intervention, &error));
  g_assert_no_error (error);
}

static void
add_action (VigilStore *store,
            gint64      person,
            const char *due,
            const char *status,
            const char *done)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilAction) action = vigil_action_new ();

  action->person_id = person;
  action->description = g_strdup ("Synthetic action");
  action->due_on = g_strdup (due);
  action->status = g_strdup (status);
  action->completed_on = g_strdup (done);
  g_assert_true (vigil_store_insert (store, &vigil_action_type, action, &error));
  g_assert_no_error (error);
}

static void
add_outcome (VigilStore *store,
             gint64      person,
             const char *date,
             const char *source,
             const char *measure,
             gint64      rating)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilOutcomeObservation) observation = vigil_outcome_observation_new ();

  observation->person_id = person;
  observation->observed_on = g_strdup (date);
  observation->source = g_strdup (source);
  observation->measure = g_strdup (measure);
  observation->rating = rating;
  g_assert_true (vigil_store_insert (store, &vigil_outcome_observation_type, observation, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  VigilStore *store;
  gint64 v[9];
  gint64 plan;

  fixture->store = store = vigil_test_open_store ();
  for (guint i = 0; i < G_N_ELEMENTS (v); i++)
    {
      g_autofree char *ref = g_strdup_printf ("SYN-EVAL-V%u", i);

      v[i] = add_person (store, "VICTIMTEST", ref);
    }
  fixture->m1 = add_person (store, "MANAGEDONE", "SYN-EVAL-M1");
  fixture->m2 = add_person (store, "MANAGEDTWO", "SYN-EVAL-M2");
  fixture->m3 = add_person (store, "MANAGEDTHREE", "SYN-EVAL-M3");
  fixture->m4 = add_person (store, "MANAGEDFOUR", "SYN-EVAL-M4");
  fixture->c1 = add_person (store, "CONCERNONE", "SYN-EVAL-C1");
  fixture->c2 = add_person (store, "CONCERNTWO", "SYN-EVAL-C2");
  fixture->c3 = add_person (store, "CONCERNTHREE", "SYN-EVAL-C3");

  /* M1, adopted 2025-01-01 (identified 2024-12-01: 31 days to panel).
   * 6 months: before (2024-07-01, 2025-01-01] 4 incidents, harm 4+3+3+2 = 12, victims 2;
   *           after (2025-01-01, 2025-07-01] 1, harm 3, victims 1.
   * 12 months: before the same 4 (the 2024-06-01 rape is non-domestic: not counted);
   *           after (…, 2026-01-01] 2, harm 6, victims 2.
   * Survival: 68 days to 2025-03-10. The score counts the rape: at entry R 0 days → 5,
   * F 5 → 4, G 17 → 3, V 2 → 3 = 15; latest (2026-12-31): R 486 days → 2, F 7 → 4,
   * G 23 → 4, V 2 → 3 = 13. */
  add_incident (fixture, fixture->m1, v[0], "2024-06-01", "rape", "non_domestic");
  add_incident (fixture, fixture->m1, v[0], "2024-08-01", "abh", NULL);
  add_incident (fixture, fixture->m1, v[0], "2024-10-15", "common_assault", NULL);
  add_incident (fixture, fixture->m1, v[1], "2024-12-20", "harassment", "ex_partner");
  add_incident (fixture, fixture->m1, v[0], "2025-01-01", "criminal_damage", NULL);
  add_incident (fixture, fixture->m1, v[0], "2025-03-10", "common_assault", NULL);
  add_incident (fixture, fixture->m1, v[1], "2025-09-01", "harassment", "ex_partner");
  add_entry (store, fixture->m1, "managed", "rfgv", "2024-12-01", "2025-01-01", NULL, NULL);

  /* M2, adopted 2025-06-01 (identified 2025-05-20: 12 days), exited 2025-10-01
   * (risk reduced). 6 months: before 1 (abh, 4, 1 victim), after 0; 12 months: before
   * 1, after 1 (2026-02-01, harm 3). Survival: censored at exit, 122 days. Score at
   * entry: R 31 → 5, F 1, G 4 → 1, V 1 = 8; at exit (2025-10-01): R 153 → 4 = 7. */
  add_incident (fixture, fixture->m2, v[2], "2025-05-01", "abh", NULL);
  add_incident (fixture, fixture->m2, v[2], "2026-02-01", "common_assault", NULL);
  add_entry (store, fixture->m2, "exited", "rfgv", "2025-05-20", "2025-06-01", "2025-10-01", "risk_reduced");

  /* M3, a stalking referral adopted 2026-09-01: not observable for either window
   * (2027-03-01 is after the end date). Survival: 30 days to 2026-10-01. Entry score
   * 8 (R 31 → 5, F 1, G 3 → 1, V 1). */
  add_incident (fixture, fixture->m3, v[3], "2026-08-01", "common_assault", NULL);
  add_incident (fixture, fixture->m3, v[3], "2026-10-01", "harassment", NULL);
  add_entry (store, fixture->m3, "managed", "stalking_referral", NULL, "2026-09-01", NULL, NULL);

  /* M4, adopted 2025-03-01 (identified 2025-02-15: 14 days): one incident before
   * (harassment, 3), none after. Survival: censored at the end date, 670 days.
   * Entry score 8 (R 28 → 5, F 1, G 3 → 1, V 1). */
  add_incident (fixture, fixture->m4, v[4], "2025-02-01", "harassment", NULL);
  add_entry (store, fixture->m4, "scaling_back", "rfgv", "2025-02-15", "2025-03-01", NULL, NULL);

  /* C1, of concern: at 2025-01-01 R 7 days → 5, F 4 → 3, G 12 → 3, V 2 → 3 = 14, M1's
   * match (a difference of 1). Survival from M1's entry: 31 days to 2025-02-01. */
  add_incident (fixture, fixture->c1, v[5], "2024-09-01", "abh", NULL);
  add_incident (fixture, fixture->c1, v[5], "2024-11-01", "common_assault", NULL);
  add_incident (fixture, fixture->c1, v[6], "2024-12-15", "harassment", NULL);
  add_incident (fixture, fixture->c1, v[5], "2024-12-25", "criminal_damage", NULL);
  add_incident (fixture, fixture->c1, v[5], "2025-02-01", "common_assault", NULL);
  add_entry (store, fixture->c1, "of_concern", "rfgv", "2024-12-01", NULL, NULL, NULL);

  /* C2, a candidate whose only incident (2020) is outside every window: never matched. */
  add_incident (fixture, fixture->c2, v[7], "2020-01-01", "non_crime_incident", NULL);
  add_entry (store, fixture->c2, "candidate", "rfgv", "2025-01-01", NULL, NULL, NULL);

  /* C3, under review: 0 at M4's entry (2025-03-01, before its first incident), 8 at
   * M2's (R 61 → 5, F 1, G 3 → 1, V 1): M2's match. 61 days to 2025-08-01. At M3's
   * entry it would score 5 (R 518 → 2), outside the caliper of 2, and is taken anyway. */
  add_incident (fixture, fixture->c3, v[8], "2025-04-01", "common_assault", NULL);
  add_incident (fixture, fixture->c3, v[8], "2025-08-01", "common_assault", NULL);
  add_entry (store, fixture->c3, "under_review", "agency_referral", "2025-04-15", NULL, NULL, NULL);

  /* interventions: M1 a DAPO breached twice and a completed Respect programme; M2 a
   * proposed IDVA referral */
  plan = add_plan (store, fixture->m1);
  add_intervention (store, plan, "dapo", "breached", 2);
  add_intervention (store, plan, "respect_programme", "completed", 0);
  plan = add_plan (store, fixture->m2);
  add_intervention (store, plan, "idva_support", "proposed", 0);

  /* actions: on time, late, open and overdue */
  add_action (store, fixture->m1, "2025-02-01", "done", "2025-01-30");
  add_action (store, fixture->m1, "2025-03-01", "done", "2025-03-05");
  add_action (store, fixture->m2, "2025-07-01", "open", NULL);
  add_action (store, fixture->c1, "2025-07-01", "open", NULL);  /* not managed: not counted */

  /* outcomes: M1 feels safe 1 → 3 → 4 (improved; quarters 0, 1, 3); M2 3 → 2 (worse;
   * quarter 1 twice); M4 one IDVA rating */
  add_outcome (store, fixture->m1, "2024-12-15", "victim_reported", "feels_safe", 1);
  add_outcome (store, fixture->m1, "2025-03-01", "victim_reported", "feels_safe", 3);
  add_outcome (store, fixture->m1, "2025-09-01", "victim_reported", "feels_safe", 4);
  add_outcome (store, fixture->m2, "2025-07-01", "victim_reported", "feels_safe", 3);
  add_outcome (store, fixture->m2, "2025-08-01", "victim_reported", "feels_safe", 2);
  add_outcome (store, fixture->m4, "2025-04-01", "idva_rated", "risk_level", 2);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
}

static VigilEvaluation *
evaluate (Fixture                *fixture,
          VigilEvaluationOptions *options)
{
  g_autoptr(GError) error = NULL;
  VigilEvaluationOptions defaults;
  VigilEvaluation *evaluation;

  if (options == NULL)
    {
      vigil_evaluation_options_init (&defaults);
      options = &defaults;
    }
  g_free (options->end_date);
  options->end_date = g_strdup (END_DATE);
  evaluation = vigil_evaluation_run (fixture->store, NULL, options, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (evaluation);
  if (options == &defaults)
    vigil_evaluation_options_clear (&defaults);
  return evaluation;
}

static const VigilEvaluationPerson *
find (VigilEvaluation *evaluation,
      gint64           person_id)
{
  const VigilEvaluationPerson *people;
  guint n;

  people = vigil_evaluation_get_people (evaluation, &n);
  for (guint i = 0; i < n; i++)
    if (people[i].person_id == person_id)
      return &people[i];
  return NULL;
}

static void
assert_window (const VigilEvaluationWindow *window,
               gboolean                     observable,
               gint32 b0, gint32 b1, gint32 b2,
               gint32 a0, gint32 a1, gint32 a2)
{
  g_assert_cmpint (window->observable, ==, observable);
  g_assert_cmpint (window->before[VIGIL_MEASURE_INCIDENTS], ==, b0);
  g_assert_cmpint (window->before[VIGIL_MEASURE_HARM], ==, b1);
  g_assert_cmpint (window->before[VIGIL_MEASURE_VICTIMS], ==, b2);
  g_assert_cmpint (window->after[VIGIL_MEASURE_INCIDENTS], ==, a0);
  g_assert_cmpint (window->after[VIGIL_MEASURE_HARM], ==, a1);
  g_assert_cmpint (window->after[VIGIL_MEASURE_VICTIMS], ==, a2);
}

static void
test_people (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(VigilEvaluation) evaluation = evaluate (fixture, NULL);
  const VigilEvaluationPerson *m1, *m2, *m3, *m4, *c1, *c3;

  g_assert_cmpstr (vigil_evaluation_get_end_date (evaluation), ==, END_DATE);
  g_assert_cmpuint (vigil_evaluation_count_group (evaluation, VIGIL_EVALUATION_MANAGED), ==, 4);
  g_assert_cmpuint (vigil_evaluation_count_group (evaluation, VIGIL_EVALUATION_COMPARISON), ==, 2);

  m1 = find (evaluation, fixture->m1);
  g_assert_nonnull (m1);
  g_assert_cmpint (m1->group, ==, VIGIL_EVALUATION_MANAGED);
  assert_window (&m1->windows[0], TRUE, 4, 12, 2, 1, 3, 1);
  assert_window (&m1->windows[1], TRUE, 4, 12, 2, 2, 6, 2);
  g_assert_cmpint (m1->survival_days, ==, 68);
  g_assert_true (m1->survival_event);
  g_assert_cmpfloat (m1->score_entry, ==, 15);
  g_assert_cmpfloat (m1->score_latest, ==, 13);
  g_assert_true (isnan (m1->score_exit));
  g_assert_cmpint (m1->matched_to, ==, fixture->c1);

  m2 = find (evaluation, fixture->m2);
  assert_window (&m2->windows[0], TRUE, 1, 4, 1, 0, 0, 0);
  assert_window (&m2->windows[1], TRUE, 1, 4, 1, 1, 3, 1);
  g_assert_cmpint (m2->survival_days, ==, 122);
  g_assert_false (m2->survival_event);
  g_assert_cmpfloat (m2->score_entry, ==, 8);
  g_assert_cmpfloat (m2->score_exit, ==, 7);
  g_assert_cmpstr (m2->exit_reason, ==, "risk_reduced");
  g_assert_cmpint (m2->matched_to, ==, fixture->c3);

  m3 = find (evaluation, fixture->m3);
  g_assert_false (m3->windows[0].observable);
  g_assert_false (m3->windows[1].observable);
  g_assert_cmpint (m3->survival_days, ==, 30);
  g_assert_true (m3->survival_event);
  g_assert_cmpint (m3->matched_to, ==, 0);

  m4 = find (evaluation, fixture->m4);
  assert_window (&m4->windows[0], TRUE, 1, 3, 1, 0, 0, 0);
  g_assert_cmpint (m4->survival_days, ==, 670);
  g_assert_false (m4->survival_event);
  g_assert_cmpint (m4->matched_to, ==, 0);

  /* the comparison group: matched on score at the managed person's entry date */
  c1 = find (evaluation, fixture->c1);
  g_assert_nonnull (c1);
  g_assert_cmpint (c1->group, ==, VIGIL_EVALUATION_COMPARISON);
  g_assert_cmpint (c1->matched_to, ==, fixture->m1);
  g_assert_cmpint (c1->entry_day, ==, m1->entry_day);
  g_assert_cmpfloat (c1->score_entry, ==, 14);
  assert_window (&c1->windows[0], TRUE, 4, 12, 2, 1, 3, 1);
  g_assert_cmpint (c1->survival_days, ==, 31);
  c3 = find (evaluation, fixture->c3);
  g_assert_cmpint (c3->matched_to, ==, fixture->m2);
  g_assert_cmpint (c3->survival_days, ==, 61);
  g_assert_null (find (evaluation, fixture->c2));
}

static void
test_summaries (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(VigilEvaluation) evaluation = evaluate (fixture, NULL);
  VigilWindowSummary summary;
  double entry, latest, exit;
  guint n_exited, n;

  /* 6 months: M1, M2, M4 observable (M3 not yet) */
  vigil_evaluation_summarise (evaluation, VIGIL_EVALUATION_MANAGED, 0, &summary);
  g_assert_cmpuint (summary.people, ==, 4);
  g_assert_cmpuint (summary.observable, ==, 3);
  g_assert_cmpint (summary.before[VIGIL_MEASURE_INCIDENTS], ==, 6);
  g_assert_cmpint (summary.after[VIGIL_MEASURE_INCIDENTS], ==, 1);
  g_assert_cmpint (summary.before[VIGIL_MEASURE_HARM], ==, 19);
  g_assert_cmpint (summary.after[VIGIL_MEASURE_HARM], ==, 3);
  g_assert_cmpint (summary.before[VIGIL_MEASURE_VICTIMS], ==, 4);
  g_assert_cmpint (summary.after[VIGIL_MEASURE_VICTIMS], ==, 1);
  /* 12 months */
  vigil_evaluation_summarise (evaluation, VIGIL_EVALUATION_MANAGED, 1, &summary);
  g_assert_cmpuint (summary.observable, ==, 3);
  g_assert_cmpint (summary.before[VIGIL_MEASURE_INCIDENTS], ==, 6);
  g_assert_cmpint (summary.after[VIGIL_MEASURE_INCIDENTS], ==, 3);
  g_assert_cmpint (summary.after[VIGIL_MEASURE_HARM], ==, 9);

  /* scores: entry (15 + 8 + 8 + 8) / 4; exit M2's 7 */
  vigil_evaluation_score_means (evaluation, VIGIL_EVALUATION_MANAGED, &entry, &latest, &exit, &n_exited);
  g_assert_cmpfloat_with_epsilon (entry, 9.75, 1e-9);
  g_assert_cmpuint (n_exited, ==, 1);
  g_assert_cmpfloat_with_epsilon (exit, 7, 1e-9);
  g_assert_cmpfloat_with_epsilon (vigil_evaluation_score_after (evaluation, VIGIL_EVALUATION_MANAGED, 0, &n), 9.75, 1e-9);
  g_assert_cmpuint (n, ==, 4);
  /* 24 months after: no one (M1's is 2027-01-01, after the end date) */
  g_assert_true (isnan (vigil_evaluation_score_after (evaluation, VIGIL_EVALUATION_MANAGED, 24, &n)));
  g_assert_cmpuint (n, ==, 0);
  /* 12 months after: M1 (2026-01-01: R 122 → 4, F 7 → 4, G 23 → 4, V 2 → 3 = 15),
   * M2 (2026-06-01: R 120 → 4, F 2 → 2, G 7 → 2, V 1 → 1 = 9),
   * M4 (2026-03-01: R 393 → 2, F 1, G 1, V 1 = 5): mean 29 / 3 */
  g_assert_cmpfloat_with_epsilon (vigil_evaluation_score_after (evaluation, VIGIL_EVALUATION_MANAGED, 12, &n),
                                  29.0 / 3, 1e-9);
  g_assert_cmpuint (n, ==, 3);
}

static void
test_survival (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(VigilEvaluation) evaluation = evaluate (fixture, NULL);
  const VigilSurvival *survival;
  const VigilSurvivalStep *steps;

  /* managed: 30 event (n 4: S 3/4), 68 event (n 3: S 1/2), 122 censored, 670 censored */
  survival = vigil_evaluation_get_survival (evaluation, VIGIL_EVALUATION_MANAGED);
  g_assert_cmpuint (survival->n, ==, 4);
  g_assert_cmpuint (survival->events, ==, 2);
  g_assert_cmpuint (survival->censored, ==, 2);
  g_assert_cmpuint (survival->steps->len, ==, 4);
  steps = (const VigilSurvivalStep *) (gpointer) survival->steps->data;
  g_assert_cmpint (steps[0].day, ==, 30);
  g_assert_cmpuint (steps[0].at_risk, ==, 4);
  g_assert_cmpfloat_with_epsilon (steps[0].survival, 0.75, 1e-12);
  g_assert_cmpint (steps[1].day, ==, 68);
  g_assert_cmpuint (steps[1].at_risk, ==, 3);
  g_assert_cmpfloat_with_epsilon (steps[1].survival, 0.5, 1e-12);
  g_assert_cmpint (steps[2].day, ==, 122);
  g_assert_cmpuint (steps[2].censored, ==, 1);
  g_assert_cmpuint (steps[2].at_risk, ==, 2);
  g_assert_cmpfloat_with_epsilon (steps[2].survival, 0.5, 1e-12);
  g_assert_cmpint (steps[3].day, ==, 670);
  g_assert_cmpint (survival->median_days, ==, 68);
  g_assert_cmpfloat_with_epsilon (vigil_survival_at (survival, 29), 1.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (vigil_survival_at (survival, 30), 0.75, 1e-12);
  g_assert_cmpfloat_with_epsilon (vigil_survival_at (survival, 365), 0.5, 1e-12);

  /* comparison: 31 and 61, both events: 1/2 then 0 */
  survival = vigil_evaluation_get_survival (evaluation, VIGIL_EVALUATION_COMPARISON);
  g_assert_cmpuint (survival->n, ==, 2);
  g_assert_cmpint (survival->median_days, ==, 31);
  g_assert_cmpfloat_with_epsilon (vigil_survival_at (survival, 60), 0.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (vigil_survival_at (survival, 61), 0.0, 1e-12);
}

/* Kaplan–Meier with ties: an event and a censoring on the same day count the event
 * first (the censored person was still at risk that day). */
static void
test_survival_ties (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(VigilEvaluation) evaluation = NULL;
  g_auto(VigilEvaluationOptions) options = { { 0, }, };
  const VigilSurvival *survival;
  const VigilSurvivalStep *steps;
  gint64 t1, t2, t3, victim;

  victim = add_person (fixture->store, "VICTIMTEST", "SYN-EVAL-VT");
  t1 = add_person (fixture->store, "TIEONE", "SYN-EVAL-T1");
  t2 = add_person (fixture->store, "TIETWO", "SYN-EVAL-T2");
  t3 = add_person (fixture->store, "TIETHREE", "SYN-EVAL-T3");
  /* all adopted 2026-01-01, area SYN-Tie; T1 an incident on day 100 (2026-04-11),
   * T2 exits on day 100, T3 an incident on day 200 (2026-07-20) */
  add_incident (fixture, t1, victim, "2025-12-01", "abh", NULL);
  add_incident (fixture, t1, victim, "2026-04-11", "abh", NULL);
  add_incident (fixture, t2, victim, "2025-12-01", "abh", NULL);
  add_incident (fixture, t3, victim, "2025-12-01", "abh", NULL);
  add_incident (fixture, t3, victim, "2026-07-20", "abh", NULL);
  add_entry (fixture->store, t1, "managed", "rfgv", NULL, "2026-01-01", NULL, NULL);
  add_entry (fixture->store, t2, "exited", "rfgv", NULL, "2026-01-01", "2026-04-11", "custody");
  add_entry (fixture->store, t3, "managed", "rfgv", NULL, "2026-01-01", NULL, NULL);

  vigil_evaluation_options_init (&options);
  options.adopted_from = g_strdup ("2026-01-01");
  options.adopted_to = g_strdup ("2026-01-01");
  evaluation = evaluate (fixture, &options);
  g_assert_cmpuint (vigil_evaluation_count_group (evaluation, VIGIL_EVALUATION_MANAGED), ==, 3);
  survival = vigil_evaluation_get_survival (evaluation, VIGIL_EVALUATION_MANAGED);
  /* day 100: 3 at risk, 1 event, 1 censored: S = 2/3; day 200: 1 at risk, 1 event: 0 */
  g_assert_cmpuint (survival->steps->len, ==, 2);
  steps = (const VigilSurvivalStep *) (gpointer) survival->steps->data;
  g_assert_cmpint (steps[0].day, ==, 100);
  g_assert_cmpuint (steps[0].at_risk, ==, 3);
  g_assert_cmpuint (steps[0].events, ==, 1);
  g_assert_cmpuint (steps[0].censored, ==, 1);
  g_assert_cmpfloat_with_epsilon (steps[0].survival, 2.0 / 3, 1e-12);
  g_assert_cmpint (steps[1].day, ==, 200);
  g_assert_cmpuint (steps[1].at_risk, ==, 1);
  g_assert_cmpfloat_with_epsilon (steps[1].survival, 0, 1e-12);
  g_assert_cmpint (survival->median_days, ==, 200);
}

static const VigilBreakdownRow *
find_breakdown (VigilEvaluation *evaluation,
                const char      *kind,
                const char      *code)
{
  GPtrArray *rows = vigil_evaluation_get_breakdowns (evaluation);

  for (guint i = 0; i < rows->len; i++)
    {
      const VigilBreakdownRow *row = g_ptr_array_index (rows, i);

      if (g_str_equal (row->kind, kind) && g_str_equal (row->code, code))
        return row;
    }
  return NULL;
}

static void
test_breakdowns_and_process (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(VigilEvaluation) evaluation = evaluate (fixture, NULL);
  const VigilBreakdownRow *row;
  const VigilProcessMeasures *process;
  const guint *counts;
  guint n_categories, n_statuses;

  /* enforcement (the DAPO) and diversion (Respect): M1; victim safeguarding: M2 */
  row = find_breakdown (evaluation, "category", "enforcement");
  g_assert_nonnull (row);
  g_assert_cmpuint (row->people, ==, 1);
  g_assert_cmpint (row->window.before[VIGIL_MEASURE_INCIDENTS], ==, 4);
  g_assert_cmpint (row->window.after[VIGIL_MEASURE_INCIDENTS], ==, 1);
  row = find_breakdown (evaluation, "category", "victim_safeguarding");
  g_assert_cmpuint (row->people, ==, 1);
  g_assert_null (find_breakdown (evaluation, "category", "support"));
  row = find_breakdown (evaluation, "route", "rfgv");
  g_assert_cmpuint (row->people, ==, 3);
  g_assert_cmpuint (row->window.observable, ==, 3);
  row = find_breakdown (evaluation, "route", "stalking_referral");
  g_assert_cmpuint (row->people, ==, 1);
  g_assert_cmpuint (row->window.observable, ==, 0);
  row = find_breakdown (evaluation, "exit_reason", "risk_reduced");
  g_assert_cmpuint (row->people, ==, 1);
  g_assert_cmpfloat (row->score_entry_mean, ==, 8);
  row = find_breakdown (evaluation, "exit_reason", "");
  g_assert_cmpuint (row->people, ==, 3);

  process = vigil_evaluation_get_process (evaluation);
  /* days to panel: 31, 12, 14 (M3 has no identification date) */
  g_assert_cmpuint (process->adopted, ==, 3);
  g_assert_cmpfloat (process->days_to_panel_median, ==, 14);
  g_assert_cmpfloat_with_epsilon (process->days_to_panel_mean, 19, 1e-9);
  g_assert_cmpuint (process->interventions, ==, 3);
  g_assert_cmpuint (process->interventions_agreed, ==, 2);
  g_assert_cmpuint (process->interventions_completed, ==, 1);
  g_assert_cmpuint (process->orders, ==, 1);
  g_assert_cmpuint (process->orders_breached, ==, 1);
  g_assert_cmpint (process->order_breaches, ==, 2);
  g_assert_cmpuint (process->actions, ==, 3);
  g_assert_cmpuint (process->actions_done, ==, 2);
  g_assert_cmpuint (process->actions_done_on_time, ==, 1);
  g_assert_cmpuint (process->actions_overdue, ==, 1);

  counts = vigil_evaluation_get_intervention_counts (evaluation, &n_categories, &n_statuses);
  g_assert_cmpuint (n_categories, ==, g_strv_length ((char **) vigil_tactical_category_choices));
  g_assert_cmpuint (n_statuses, ==, g_strv_length ((char **) vigil_intervention_status_choices));
  /* enforcement × breached */
  g_assert_cmpuint (counts[4 * n_statuses + 5], ==, 1);
  /* diversion × completed */
  g_assert_cmpuint (counts[2 * n_statuses + 3], ==, 1);
}

static void
test_outcomes_and_cohort_size (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(VigilEvaluation) evaluation = evaluate (fixture, NULL);
  GArray *outcomes = vigil_evaluation_get_outcomes (evaluation);
  const VigilOutcomeSummary *safe = NULL, *risk = NULL;
  const gint32 *days;
  const guint *in_cohort, *exited;
  guint n;

  for (guint i = 0; i < outcomes->len; i++)
    {
      const VigilOutcomeSummary *summary = &g_array_index (outcomes, VigilOutcomeSummary, i);

      if (g_str_equal (summary->measure, "feels_safe"))
        safe = summary;
      else if (g_str_equal (summary->measure, "risk_level"))
        risk = summary;
    }
  g_assert_cmpuint (outcomes->len, ==, 2);
  g_assert_nonnull (safe);
  g_assert_cmpstr (safe->source, ==, "victim_reported");
  g_assert_cmpuint (safe->people, ==, 2);
  g_assert_cmpuint (safe->observations, ==, 5);
  g_assert_cmpuint (safe->improved, ==, 1);
  g_assert_cmpuint (safe->worse, ==, 1);
  g_assert_cmpuint (safe->unchanged, ==, 0);
  g_assert_cmpfloat_with_epsilon (safe->first_mean, 2.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (safe->latest_mean, 3.0, 1e-12);
  /* quarters: 0 → 1; 1 → (3 + 3 + 2) / 3; 2 none; 3 → 4 */
  g_assert_cmpfloat_with_epsilon (safe->quarter_means[0], 1.0, 1e-12);
  g_assert_cmpfloat_with_epsilon (safe->quarter_means[1], 8.0 / 3, 1e-12);
  g_assert_true (isnan (safe->quarter_means[2]));
  g_assert_cmpfloat_with_epsilon (safe->quarter_means[3], 4.0, 1e-12);
  g_assert_nonnull (risk);
  g_assert_cmpuint (risk->people, ==, 1);
  g_assert_cmpuint (risk->improved + risk->worse + risk->unchanged, ==, 0);

  /* month ends January 2025 … December 2026 */
  n = vigil_evaluation_get_cohort_size (evaluation, &days, &in_cohort, &exited);
  g_assert_cmpuint (n, ==, 24);
  g_assert_cmpint (days[0], ==, vigil_rfgv_parse_day ("2025-01-31"));
  g_assert_cmpuint (in_cohort[0], ==, 1);
  g_assert_cmpuint (in_cohort[2], ==, 2);    /* March: M1, M4 */
  g_assert_cmpuint (in_cohort[5], ==, 3);    /* June: + M2 */
  g_assert_cmpuint (in_cohort[9], ==, 2);    /* October: M2 exited */
  g_assert_cmpuint (exited[9], ==, 1);
  g_assert_cmpint (days[n - 1], ==, vigil_rfgv_parse_day (END_DATE));
  g_assert_cmpuint (in_cohort[n - 1], ==, 3);
  g_assert_cmpuint (exited[n - 1], ==, 1);
}

static void
test_filters (Fixture       *fixture,
              gconstpointer  data)
{
  g_auto(VigilEvaluationOptions) options = { { 0, }, };
  g_autoptr(VigilEvaluation) from = NULL;
  g_autoptr(VigilEvaluation) route = NULL;
  g_autoptr(VigilEvaluation) category = NULL;
  g_autoptr(VigilEvaluation) window = NULL;

  vigil_evaluation_options_init (&options);
  options.adopted_from = g_strdup ("2025-02-01");
  from = evaluate (fixture, &options);
  g_assert_cmpuint (vigil_evaluation_count_group (from, VIGIL_EVALUATION_MANAGED), ==, 3);
  g_assert_null (find (from, fixture->m1));
  /* C1 is free now, but at M4's entry (2025-03-01) it scores 15 (R 28 → 5, F 5 → 4,
   * G 15 → 3, V 2 → 3), too far from M4's 8; M2 still takes C3 */
  g_assert_cmpint (find (from, fixture->m2)->matched_to, ==, fixture->c3);
  g_clear_pointer (&options.adopted_from, g_free);

  options.route = g_strdup ("stalking_referral");
  route = evaluate (fixture, &options);
  g_assert_cmpuint (vigil_evaluation_count_group (route, VIGIL_EVALUATION_MANAGED), ==, 1);
  g_assert_nonnull (find (route, fixture->m3));
  g_clear_pointer (&options.route, g_free);

  options.category = g_strdup ("enforcement");
  category = evaluate (fixture, &options);
  g_assert_cmpuint (vigil_evaluation_count_group (category, VIGIL_EVALUATION_MANAGED), ==, 1);
  g_assert_nonnull (find (category, fixture->m1));
  g_clear_pointer (&options.category, g_free);

  options.window_months[0] = 3;
  options.n_windows = 1;
  window = evaluate (fixture, &options);
  /* M1 3 months: before (2024-10-01, 2025-01-01] 3 incidents, after (…, 2025-04-01] 1 */
  assert_window (&find (window, fixture->m1)->windows[0], TRUE, 3, 8, 2, 1, 3, 1);
}

static void
test_bad_options (Fixture       *fixture,
                  gconstpointer  data)
{
  static const struct
  {
    int         window;
    const char *from, *to, *route, *category;
    double      caliper;
    const char *message;
  } cases[] = {
    { 0, NULL, NULL, NULL, NULL, 2, "window of 0 months" },
    { 121, NULL, NULL, NULL, NULL, 2, "window of 121 months" },
    { 6, "2025-13-01", NULL, NULL, NULL, 2, "2025-13-01" },
    { 6, "2025-06-01", "2025-01-01", NULL, NULL, 2, "starts (2025-06-01) after it ends (2025-01-01)" },
    { 6, NULL, NULL, "gossip", NULL, 2, "“gossip” is not a route" },
    { 6, NULL, NULL, NULL, "vigilance", 2, "“vigilance” is not a category" },
    { 6, NULL, NULL, NULL, NULL, -1, "largest score difference" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(VigilEvaluationOptions) options = { { 0, }, };
      g_autoptr(GError) error = NULL;
      g_autoptr(VigilEvaluation) evaluation = NULL;

      vigil_evaluation_options_init (&options);
      options.window_months[0] = cases[i].window;
      options.adopted_from = g_strdup (cases[i].from);
      options.adopted_to = g_strdup (cases[i].to);
      options.route = g_strdup (cases[i].route);
      options.category = g_strdup (cases[i].category);
      options.caliper = cases[i].caliper;
      evaluation = vigil_evaluation_run (fixture->store, NULL, &options, NULL, &error);
      g_assert_null (evaluation);
      g_assert_error (error, VIGIL_EVALUATION_ERROR, VIGIL_EVALUATION_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, cases[i].message));
    }
}

/* The score the evaluation computes for the end date is the engine's for every managed
 * person (the same rules, from the same facts). */
static void
test_scores_match_engine (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(VigilEvaluation) evaluation = evaluate (fixture, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilFactSet) facts = vigil_fact_set_load (fixture->store, NULL, &error);
  g_autoptr(VigilScoringProfile) profile = vigil_scoring_profile_load_default (&error);
  g_autoptr(VigilScoreTable) table = NULL;
  const VigilEvaluationPerson *people;
  GDate end;
  guint n;

  g_assert_no_error (error);
  g_date_clear (&end, 1);
  g_date_set_parse (&end, END_DATE);
  table = vigil_rfgv_score (facts, profile, &end, &error);
  g_assert_no_error (error);
  people = vigil_evaluation_get_people (evaluation, &n);
  for (guint i = 0; i < n; i++)
    {
      const VigilScoreRow *row = vigil_score_table_find_person (table, people[i].person_id);

      g_assert_nonnull (row);
      g_assert_cmpfloat (people[i].score_latest, ==, row->total);
    }
}

static void
test_formats (Fixture       *fixture,
              gconstpointer  data)
{
  g_autoptr(VigilEvaluation) evaluation = evaluate (fixture, NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *table = vigil_evaluation_format (evaluation, "table", &error);
  g_autofree char *csv = vigil_evaluation_format (evaluation, "csv", &error);
  g_autofree char *json = vigil_evaluation_format (evaluation, "json", &error);
  g_autofree char *bad = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;
  JsonArray *rows;
  JsonObject *row;

  g_assert_no_error (error);
  g_assert_nonnull (strstr (table, "Before and after cohort entry"));
  g_assert_nonnull (strstr (table, "under-count re-victimisation"));
  g_assert_nonnull (strstr (table, "not a randomised trial"));
  /* the managed 6-month row: 4 people, 3 observable, 6 → 1 incidents, −83.3 % */
  g_assert_nonnull (strstr (table, "-83.3"));

  g_assert_nonnull (strstr (csv, "# before_after\ngroup,window_months,people,observable,incidents_before,"));
  g_assert_nonnull (strstr (csv, "\nmanaged,6,4,3,6,1,-83.3,19,3,-84.2,4,1,-75.0\n"));
  g_assert_nonnull (strstr (csv, "\nSYN-EVAL-M1,managed,SYN-EVAL-C1,managed,rfgv,2025-01-01,,yes,4,1,12,3,68,yes,15.00,13.00,\n"));
  g_assert_nonnull (strstr (csv, "\n# Police-recorded incidents under-count"));

  g_assert_true (json_parser_load_from_data (parser, json, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "end_date"), ==, END_DATE);
  rows = json_object_get_array_member (root, "survival");
  row = json_array_get_object_element (rows, 0);
  g_assert_cmpstr (json_object_get_string_member (row, "group"), ==, "managed");
  g_assert_cmpint (json_object_get_int_member (row, "median_days"), ==, 68);
  g_assert_cmpfloat (json_object_get_double_member (row, "without_365_percent"), ==, 50.0);
  rows = json_object_get_array_member (root, "process");
  g_assert_cmpuint (json_array_get_length (rows), >, 5);

  bad = vigil_evaluation_format (evaluation, "xml", &error);
  g_assert_null (bad);
  g_assert_error (error, VIGIL_EVALUATION_ERROR, VIGIL_EVALUATION_ERROR_INVALID);
}

static const char *
cell (VigilChart *chart,
      guint       row,
      guint       column)
{
  g_assert_cmpuint (row, <, vigil_chart_get_table_n_rows (chart));
  return vigil_chart_get_table_cell (chart, row, column);
}

/* Runs @argv; TRUE when it exits 0. FALSE with a skip when the tool is missing. */
static gboolean
run_tool (const char * const *argv)
{
  g_autofree char *path = g_find_program_in_path (argv[0]);
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (path == NULL)
    return FALSE;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL
                               | G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return TRUE;
}

static void
assert_png_size (const char *path,
                 int         width,
                 int         height)
{
  cairo_surface_t *surface = cairo_image_surface_create_from_png (path);

  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (surface), ==, width);
  g_assert_cmpint (cairo_image_surface_get_height (surface), ==, height);
  cairo_surface_destroy (surface);
}

/* The seven charts from the hand-computed cohort: their numbers, and each drawn at two
 * sizes in both styles, then written as PNG, SVG, PDF and CSV and read back. */
static void
test_charts (Fixture       *fixture,
             gconstpointer  data)
{
  g_autoptr(VigilEvaluation) evaluation = evaluate (fixture, NULL);
  g_autofree char *tmpdir = vigil_test_make_tmpdir ();
  const char *keep = g_getenv ("VIGIL_TEST_OUTPUT_DIR");
  const char *dir = keep != NULL ? keep : tmpdir;
  g_autoptr(VigilChart) before_after = vigil_evaluation_chart_new (evaluation, "before-after");
  g_autoptr(VigilChart) survival = vigil_evaluation_chart_new (evaluation, "survival");
  g_autoptr(VigilChart) cohort = vigil_evaluation_chart_new (evaluation, "cohort-size");
  g_autoptr(VigilChart) interventions = vigil_evaluation_chart_new (evaluation, "interventions");
  g_autoptr(VigilChart) outcomes = vigil_evaluation_chart_new (evaluation, "outcomes");
  double x, y;

  g_assert_null (vigil_evaluation_chart_new (evaluation, "pie"));
  g_assert_false (vigil_evaluation_chart_is_known ("pie"));

  /* before/after: managed means over the 3 observed, 6 → 1 incidents; table row 0 is
   * incidents, 6 months, managed */
  g_assert_cmpuint (vigil_chart_get_n_series (before_after), ==, 4);
  vigil_chart_get_point (before_after, 0, 0, &x, &y);
  g_assert_cmpfloat_with_epsilon (y, 2.0, 1e-9);
  vigil_chart_get_point (before_after, 1, 0, &x, &y);
  g_assert_cmpfloat_with_epsilon (y, 1.0 / 3, 1e-9);
  g_assert_cmpstr (cell (before_after, 0, 2), ==, "Managed");
  g_assert_cmpstr (cell (before_after, 0, 5), ==, "6");
  g_assert_cmpstr (cell (before_after, 0, 6), ==, "1");
  g_assert_cmpstr (cell (before_after, 0, 9), ==, "-83.3");
  g_assert_nonnull (strstr (vigil_chart_get_caveat (before_after), "not a randomised trial"));

  /* survival: from 100 % at day 0, 75 % at 30, 50 % at 68; two censoring ticks */
  vigil_chart_get_point (survival, 0, 0, &x, &y);
  g_assert_cmpfloat (x, ==, 0);
  g_assert_cmpfloat (y, ==, 1);
  vigil_chart_get_point (survival, 0, 1, &x, &y);
  g_assert_cmpfloat (x, ==, 30);
  g_assert_cmpfloat_with_epsilon (y, 0.75, 1e-12);
  vigil_chart_get_point (survival, 0, 2, &x, &y);
  g_assert_cmpfloat (x, ==, 68);
  g_assert_cmpfloat_with_epsilon (y, 0.5, 1e-12);
  g_assert_cmpstr (cell (survival, 2, 1), ==, "122");
  g_assert_cmpstr (cell (survival, 2, 4), ==, "1");
  g_assert_cmpstr (cell (survival, 2, 5), ==, "50.0");

  /* cohort size: 24 month ends, the last 3 in the cohort and 1 exited */
  g_assert_cmpuint (vigil_chart_get_table_n_rows (cohort), ==, 24);
  g_assert_cmpstr (cell (cohort, 23, 0), ==, END_DATE);
  g_assert_cmpstr (cell (cohort, 23, 1), ==, "3");
  g_assert_cmpstr (cell (cohort, 23, 2), ==, "1");

  /* interventions: enforcement's row has the breached DAPO, and 1 in all */
  g_assert_cmpstr (cell (interventions, 4, 0), ==, "Enforcement");
  g_assert_cmpstr (cell (interventions, 4, 6), ==, "1");
  g_assert_cmpstr (cell (interventions, 4, 7), ==, "1");

  /* outcomes: feels safe (victim-reported) at quarter 0, 1 and 3 */
  g_assert_cmpuint (vigil_chart_get_n_points (outcomes, 0), ==, 3);
  vigil_chart_get_point (outcomes, 0, 1, &x, &y);
  g_assert_cmpfloat (x, ==, 1);
  g_assert_cmpfloat_with_epsilon (y, 8.0 / 3, 1e-12);

  for (guint i = 0; vigil_evaluation_chart_names[i] != NULL; i++)
    {
      const char *name = vigil_evaluation_chart_names[i];
      g_autoptr(VigilChart) chart = vigil_evaluation_chart_new (evaluation, name);
      static const int sizes[][2] = { { 640, 400 }, { 1920, 1080 } };
      g_autofree char *description = vigil_chart_describe (chart);

      g_assert_nonnull (chart);
      g_assert_cmpstr (vigil_chart_get_name (chart), ==, name);
      g_assert_cmpuint (vigil_chart_get_table_n_columns (chart), >, 1);
      g_assert_nonnull (strstr (description, vigil_chart_get_title (chart)));
      for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
        for (guint style = VIGIL_CHART_STYLE_LIGHT; style <= VIGIL_CHART_STYLE_DARK; style++)
          {
            g_autofree char *file = g_strdup_printf ("evaluation-%s-%dx%d-%s.png", name, sizes[s][0], sizes[s][1],
                                                     style == VIGIL_CHART_STYLE_LIGHT ? "light" : "dark");
            g_autofree char *path = g_build_filename (dir, file, NULL);
            g_autoptr(GError) error = NULL;

            g_assert_true (vigil_chart_export (chart, path, sizes[s][0], sizes[s][1], style, &error));
            g_assert_no_error (error);
            assert_png_size (path, sizes[s][0], sizes[s][1]);
          }
      {
        g_autofree char *svg = g_strdup_printf ("%s/evaluation-%s.svg", tmpdir, name);
        g_autofree char *svg_png = g_strdup_printf ("%s/evaluation-%s-svg.png", tmpdir, name);
        g_autofree char *pdf = g_strdup_printf ("%s/evaluation-%s.pdf", tmpdir, name);
        g_autofree char *pdf_png = g_strdup_printf ("%s/evaluation-%s-pdf", tmpdir, name);
        g_autofree char *pdf_page = g_strdup_printf ("%s.png", pdf_png);
        g_autofree char *csv = g_strdup_printf ("%s/evaluation-%s.csv", tmpdir, name);
        g_autofree char *csv_text = NULL;
        g_autofree char *expected = vigil_chart_to_csv (chart);
        g_autoptr(GError) error = NULL;
        const char *rsvg[] = { "rsvg-convert", "-o", svg_png, svg, NULL };
        const char *pdftoppm[] = { "pdftoppm", "-png", "-r", "72", "-singlefile", pdf, pdf_png, NULL };

        g_assert_true (vigil_chart_export (chart, svg, 800, 500, VIGIL_CHART_STYLE_LIGHT, &error));
        g_assert_true (vigil_chart_export (chart, pdf, 800, 500, VIGIL_CHART_STYLE_LIGHT, &error));
        g_assert_true (vigil_chart_export (chart, csv, 800, 500, VIGIL_CHART_STYLE_LIGHT, &error));
        g_assert_no_error (error);
        if (run_tool (rsvg))
          assert_png_size (svg_png, 800, 500);
        else
          g_test_message ("rsvg-convert is missing: the SVG was not read back");
        if (run_tool (pdftoppm))
          assert_png_size (pdf_page, 800, 500);
        else
          g_test_message ("pdftoppm is missing: the PDF was not read back");
        g_assert_true (g_file_get_contents (csv, &csv_text, NULL, NULL));
        g_assert_cmpstr (csv_text, ==, expected);
      }
    }
}

static void
test_empty_store (void)
{
  g_autoptr(VigilStore) store = vigil_test_open_store ();
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilEvaluation) evaluation = vigil_evaluation_run (store, NULL, NULL, NULL, &error);
  g_autofree char *table = NULL;

  g_assert_no_error (error);
  g_assert_cmpuint (vigil_evaluation_count_group (evaluation, VIGIL_EVALUATION_MANAGED), ==, 0);
  g_assert_cmpuint (vigil_evaluation_get_survival (evaluation, VIGIL_EVALUATION_MANAGED)->n, ==, 0);
  g_assert_cmpuint (vigil_evaluation_get_cohort_size (evaluation, NULL, NULL, NULL), ==, 0);
  table = vigil_evaluation_format (evaluation, "table", &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (table, "(none)"));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  vigil_test_init_engine ();

  g_test_add ("/evaluation/people", Fixture, NULL, fixture_set_up, test_people, fixture_tear_down);
  g_test_add ("/evaluation/summaries", Fixture, NULL, fixture_set_up, test_summaries, fixture_tear_down);
  g_test_add ("/evaluation/survival", Fixture, NULL, fixture_set_up, test_survival, fixture_tear_down);
  g_test_add ("/evaluation/survival-ties", Fixture, NULL, fixture_set_up, test_survival_ties, fixture_tear_down);
  g_test_add ("/evaluation/breakdowns-and-process", Fixture, NULL, fixture_set_up, test_breakdowns_and_process,
              fixture_tear_down);
  g_test_add ("/evaluation/outcomes-and-cohort-size", Fixture, NULL, fixture_set_up, test_outcomes_and_cohort_size,
              fixture_tear_down);
  g_test_add ("/evaluation/filters", Fixture, NULL, fixture_set_up, test_filters, fixture_tear_down);
  g_test_add ("/evaluation/bad-options", Fixture, NULL, fixture_set_up, test_bad_options, fixture_tear_down);
  g_test_add ("/evaluation/scores-match-engine", Fixture, NULL, fixture_set_up, test_scores_match_engine,
              fixture_tear_down);
  g_test_add ("/evaluation/formats", Fixture, NULL, fixture_set_up, test_formats, fixture_tear_down);
  g_test_add ("/evaluation/charts", Fixture, NULL, fixture_set_up, test_charts, fixture_tear_down);
  g_test_add_func ("/evaluation/empty", test_empty_store);

  return g_test_run ();
}
