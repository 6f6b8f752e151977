/* test-dossier.c: the dossier loads every section of one person, numbers victims by
 * role stably, marks stale agency information at the freshness limit's edge, says who
 * last changed each section, gathers the victim-reported and IDVA-rated outcomes into
 * trends, and audits a view without breaking the chain
 *
 * Runs on SQLite (suite core) and on PostgreSQL (suite pg).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "vigil-test-store.h"

#define TODAY "2026-11-10"
#define AS_OF "2026-11-01"

/* ------------------------------------------------------------------------------------
 * Helpers
 * ------------------------------------------------------------------------------------ */

static GDate
make_date (const char *text)
{
  GDate date;
  int year, month, day;

  g_assert_cmpint (sscanf (text, "%d-%d-%d", &year, &month, &day), ==, 3);
  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  g_assert_true (g_date_valid (&date));
  return date;
}

/* The date @days before TODAY (a new string). */
static char *
days_before_today (int days)
{
  GDate date = make_date (TODAY);
  char buffer[16];

  g_date_subtract_days (&date, days);
  g_date_strftime (buffer, sizeof buffer, "%Y-%m-%d", &date);
  return g_strdup (buffer);
}

static VigilDossier *
load (VigilStore *store,
      gint64      person_id)
{
  g_autoptr(GError) error = NULL;
  GDate today = make_date (TODAY);
  VigilDossier *dossier;

  dossier = vigil_dossier_load_at (store, person_id, NULL, &today, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dossier);
  return dossier;
}

static gint64
add_person (VigilStore *store,
            const char *surname,
            const char *forenames,
            const char *local_ref)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilPerson) person = vigil_person_new ();

  person->surname = g_strdup (surname);
  person->forenames = g_strdup (forenames);
  person->local_ref = g_strdup (local_ref);
  person->dob = g_strdup ("1980-01-01");
  g_assert_true (vigil_store_insert (store, &vigil_person_type, person, &error));
  g_assert_no_error (error);
  return person->record.id;
}

static gint64
add_incident (VigilStore *store,
              const char *source_ref,
              const char *occurred_at,
              gint64      perpetrator_id,
              gint64      victim_id,
              const char *relationship,
              const char *offence_code,
              const char *dash_risk,
              gboolean    stalking)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilIncident) incident = vigil_incident_new ();

  incident->source = g_strdup ("police");
  incident->source_ref = g_strdup (source_ref);
  incident->occurred_at = g_strdup (occurred_at);
  incident->perpetrator_id = perpetrator_id;
  incident->victim_id = victim_id;
  incident->relationship = g_strdup (relationship);
  incident->offence_code = g_strdup (offence_code);
  incident->dash_risk = g_strdup (dash_risk);
  incident->stalking = stalking;
  incident->area = g_strdup ("SYN-North");
  g_assert_true (vigil_store_insert (store, &vigil_incident_type, incident, &error));
  g_assert_no_error (error);
  return incident->record.id;
}

static gint64
add_run (VigilStore *store,
         const char *as_of)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilScoreRun) run = vigil_score_run_new ();

  run->as_of = g_strdup (as_of);
  run->run_by = g_strdup ("Synthetic Runner");
  g_assert_true (vigil_store_insert (store, &vigil_score_run_type, run, &error));
  g_assert_no_error (error);
  return run->record.id;
}

static void
add_score (VigilStore *store,
           gint64      run_id,
           gint64      person_id,
           int         r,
           int         f,
           int         g,
           int         v,
           gint64      rank)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilScore) score = vigil_score_new ();

  score->run_id = run_id;
  score->person_id = person_id;
  score->r = r;
  score->f = f;
  score->g = g;
  score->v = v;
  score->total = r + f + g + v;
  score->rank = rank;
  score->area = g_strdup ("SYN-North");
  score->area_rank = 1;
  score->in_cohort = TRUE;
  g_assert_true (vigil_store_insert (store, &vigil_score_type, score, &error));
  g_assert_no_error (error);
}

static gint64
add_section (VigilStore *store,
             gint64      person_id,
             const char *agency,
             const char *body,
             const char *provided_on)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilAgencySection) section = vigil_agency_section_new ();

  section->person_id = person_id;
  section->agency = g_strdup (agency);
  section->body = g_strdup (body);
  section->provided_by = g_strdup ("Synthetic Officer");
  section->isa_reference = g_strdup ("SYN-ISA-1");
  section->provided_on = g_strdup (provided_on);
  section->panel_visible = TRUE;
  g_assert_true (vigil_store_insert (store, &vigil_agency_section_type, section, &error));
  g_assert_no_error (error);
  return section->record.id;
}

static void
add_decision (VigilStore *store,
              gint64      person_id,
              const char *kind,
              const char *decided_on,
              const char *mopi_review_on)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilDecision) decision = vigil_decision_new ();

  decision->person_id = person_id;
  decision->kind = g_strdup (kind);
  decision->outcome = g_strdup ("SYN outcome");
  decision->decided_by = g_strdup ("Synthetic Inspector");
  decision->decided_role = g_strdup ("Detective Inspector");
  decision->decided_on = g_strdup (decided_on);
  decision->rationale = g_strdup ("Synthetic rationale");
  decision->proportionality = g_strdup ("Synthetic proportionality note");
  decision->mopi_review_on = g_strdup (mopi_review_on);
  g_assert_true (vigil_store_insert (store, &vigil_decision_type, decision, &error));
  g_assert_no_error (error);
}

static void
add_intervention (VigilStore *store,
                  gint64      plan_id,
                  const char *status,
                  const char *due_on,
                  gint64      breaches)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilIntervention) intervention = vigil_intervention_new ();

  intervention->plan_id = plan_id;
  intervention->option_code = g_strdup ("syn_option");
  intervention->owner_agency = g_strdup ("probation");
  intervention->status = g_strdup (status);
  intervention->due_on = g_strdup (due_on);
  intervention->breaches = breaches;
  g_assert_true (vigil_store_insert (store, &vigil_intervention_type, intervention, &error));
  g_assert_no_error (error);
}

static void
add_link (VigilStore *store,
          gint64      perpetrator_id,
          gint64      victim_id,
          const char *advocate)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilVictimLink) link = vigil_victim_link_new ();

  link->perpetrator_id = perpetrator_id;
  link->victim_id = victim_id;
  link->relationship = g_strdup ("ex_partner");
  link->advocate = g_strdup (advocate);
  link->advocate_name = g_strdup ("Synthetic Advocate");
  link->safety_plan = TRUE;
  link->safety_plan_on = g_strdup ("2026-10-01");
  link->consent_to_share = TRUE;
  g_assert_true (vigil_store_insert (store, &vigil_victim_link_type, link, &error));
  g_assert_no_error (error);
}

/* ------------------------------------------------------------------------------------
 * A person with rows in every section
 * ------------------------------------------------------------------------------------ */

typedef struct
{
  VigilStore *store;
  gint64 person_id;
  gint64 victim_a;   /* first incident 2019: Victim 1 */
  gint64 victim_b;   /* first incident 2024: Victim 2 */
  gint64 victim_c;   /* linked only: Victim 3 */
  gint64 incident_old;
  gint64 incident_latest;
  gint64 run_previous;
  gint64 run_latest;
  gint64 housing_new;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilPersonAlias) alias = vigil_person_alias_new ();
  g_autoptr(VigilCohortEntry) past = vigil_cohort_entry_new ();
  g_autoptr(VigilCohortEntry) entry = vigil_cohort_entry_new ();
  g_autoptr(VigilAgencyFlag) flag_old = vigil_agency_flag_new ();
  g_autoptr(VigilAgencyFlag) flag_new = vigil_agency_flag_new ();
  g_autoptr(VigilProcessOverlap) marac = vigil_process_overlap_new ();
  g_autoptr(VigilProcessOverlap) mappa = vigil_process_overlap_new ();
  g_autoptr(VigilPlan) plan = vigil_plan_new ();
  g_autoptr(VigilScoringProfile) profile = vigil_scoring_profile_load_default (&error);
  g_autofree char *edge = NULL;
  g_autofree char *past_edge = NULL;
  VigilStore *store;
  gint64 p;

  g_assert_no_error (error);
  fixture->store = store = vigil_test_open_store ();

  vigil_store_set_actor (store, "Records Clerk (synthetic)");
  p = fixture->person_id = add_person (store, "SYNTHETIC", "Perpetrator", "SYN-P-0001");
  fixture->victim_b = add_person (store, "SYNTHETIC", "Victim Bee", "SYN-V-0002");
  fixture->victim_a = add_person (store, "SYNTHETIC", "Victim Ay", "SYN-V-0001");
  fixture->victim_c = add_person (store, "SYNTHETIC", "Victim Cee", "SYN-V-0003");
  alias->person_id = p;
  alias->alias = g_strdup ("SYN Alias");
  alias->alias_kind = g_strdup ("nickname");
  g_assert_true (vigil_store_insert (store, &vigil_person_alias_type, alias, &error));
  g_assert_no_error (error);

  /* Incidents, written out of date order: the victims' numbers follow dates, not ids */
  vigil_store_set_actor (store, "Incident Importer (synthetic)");
  add_incident (store, "SYN-I-3", "2024-02-01", p, fixture->victim_b, "ex_partner", "common_assault", "medium", FALSE);
  fixture->incident_latest =
    add_incident (store, "SYN-I-4", "2026-09-30T22:15:00Z", p, fixture->victim_b, "ex_partner", "abh", "high", FALSE);
  add_incident (store, "SYN-I-2", "2025-06-15", p, fixture->victim_a, "intimate_partner", "coercive_control", "high", TRUE);
  fixture->incident_old =
    add_incident (store, "SYN-I-1", "2019-05-05", p, fixture->victim_a, "ex_partner", "harassment", NULL, FALSE);

  vigil_store_set_actor (store, "Health Liaison (synthetic)");
  flag_old->person_id = p;
  flag_old->agency = g_strdup ("health");
  flag_old->concern = g_strdup ("SYN concern one");
  flag_old->reported_on = g_strdup ("2026-01-01");
  g_assert_true (vigil_store_insert (store, &vigil_agency_flag_type, flag_old, &error));
  flag_new->person_id = p;
  flag_new->agency = g_strdup ("housing");
  flag_new->concern = g_strdup ("SYN concern two");
  flag_new->reported_on = g_strdup ("2026-06-01");
  g_assert_true (vigil_store_insert (store, &vigil_agency_flag_type, flag_new, &error));
  g_assert_no_error (error);

  vigil_store_set_actor (store, "Cohort Coordinator (synthetic)");
  past->person_id = p;
  past->status = g_strdup ("exited");
  past->route = g_strdup ("rfgv");
  past->identified_on = g_strdup ("2024-03-01");
  past->exited_on = g_strdup ("2024-12-01");
  past->exit_reason = g_strdup ("risk_reduced");
  g_assert_true (vigil_store_insert (store, &vigil_cohort_entry_type, past, &error));
  entry->person_id = p;
  entry->status = g_strdup ("managed");
  entry->route = g_strdup ("stalking_referral");
  entry->lead_agency = g_strdup ("police");
  entry->lead_officer = g_strdup ("SYN Lead Officer");
  entry->identified_on = g_strdup ("2026-07-01");
  entry->referral_source = g_strdup ("SYN stalking clinic");
  entry->referral_reason = g_strdup ("SYN referral reason");
  g_assert_true (vigil_store_insert (store, &vigil_cohort_entry_type, entry, &error));
  g_assert_no_error (error);

  vigil_store_set_actor (store, "Score Runner (synthetic)");
  fixture->run_previous = add_run (store, "2026-05-01");
  add_score (store, fixture->run_previous, p, 4, 3, 3, 3, 12);
  fixture->run_latest = add_run (store, AS_OF);
  add_score (store, fixture->run_latest, p, 5, 3, 4, 3, 7);

  vigil_store_set_actor (store, "Detective Inspector (synthetic)");
  add_decision (store, p, "pnc_flag", "2026-02-01", "2032-02-01");
  add_decision (store, p, "visor", "2026-08-01", "2033-08-01");
  add_decision (store, p, "assessment", "2026-05-01", NULL);

  vigil_store_set_actor (store, "MARAC Coordinator (synthetic)");
  marac->person_id = p;
  marac->process = g_strdup ("marac");
  marac->status = g_strdup ("closed");
  marac->started_on = g_strdup ("2025-01-01");
  g_assert_true (vigil_store_insert (store, &vigil_process_overlap_type, marac, &error));
  mappa->person_id = p;
  mappa->process = g_strdup ("mappa");
  mappa->status = g_strdup ("active");
  mappa->mappa_category = 2;
  mappa->mappa_level = 2;
  mappa->started_on = g_strdup ("2024-01-01");
  g_assert_true (vigil_store_insert (store, &vigil_process_overlap_type, mappa, &error));
  g_assert_no_error (error);

  /* Police information exactly at the limit (fresh), probation one day past it (stale),
   * housing twice (the newer one counts), IDVA undated (stale). */
  vigil_store_set_actor (store, "Information Sharer (synthetic)");
  edge = days_before_today (profile->agency_fresh_days);
  past_edge = days_before_today (profile->agency_fresh_days + 1);
  add_section (store, p, "probation", "SYN probation text", past_edge);
  fixture->housing_new = add_section (store, p, "housing", "SYN housing newer", "2026-10-01");
  add_section (store, p, "police", "SYN police text", edge);
  add_section (store, p, "housing", "SYN housing older", "2025-01-01");
  add_section (store, p, "idva", "SYN idva text", NULL);

  vigil_store_set_actor (store, "IDVA Service (synthetic)");
  add_link (store, p, fixture->victim_c, "idva");
  add_link (store, p, fixture->victim_a, "isac");
  {
    g_autoptr(VigilOutcomeObservation) outcome = vigil_outcome_observation_new ();

    outcome->person_id = p;
    outcome->victim_id = fixture->victim_c;
    outcome->observed_on = g_strdup ("2026-10-05");
    outcome->source = g_strdup ("idva_rated");
    outcome->measure = g_strdup ("wellbeing");
    outcome->rating = 3;
    g_assert_true (vigil_store_insert (store, &vigil_outcome_observation_type, outcome, &error));
    g_assert_no_error (error);
  }

  vigil_store_set_actor (store, "Plan Owner (synthetic)");
  plan->person_id = p;
  plan->objectives = g_strdup ("SYN objectives");
  plan->agreed_on = g_strdup ("2026-07-15");
  plan->review_on = g_strdup ("2026-12-15");
  g_assert_true (vigil_store_insert (store, &vigil_plan_type, plan, &error));
  g_assert_no_error (error);
  add_intervention (store, plan->record.id, "in_progress", "2026-11-01", 0);
  add_intervention (store, plan->record.id, "agreed", "2026-12-01", 0);
  add_intervention (store, plan->record.id, "completed", "2026-09-01", 0);
  add_intervention (store, plan->record.id, "breached", "2026-08-01", 2);

  /* Someone else's records, to be left out */
  {
    gint64 other = add_person (store, "SYNTHETIC", "Other", "SYN-P-0002");

    add_incident (store, "SYN-I-9", "2026-01-01", other, fixture->victim_c, "family", "abh", NULL, FALSE);
    add_section (store, other, "police", "SYN other text", "2026-11-01");
  }
  vigil_store_set_actor (store, "Test Runner (tester)");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_clear_object (&fixture->store);
}

static void
test_every_section (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(VigilDossier) dossier = load (fixture->store, fixture->person_id);
  const VigilDossierVictim *victim;
  const VigilDossierIncident *incident;
  const VigilDecision *decision;
  const VigilProcessOverlap *process;
  const VigilVictimLink *link;
  const VigilDossierAgencyInformation *information;

  /* Header */
  g_assert_cmpstr (dossier->person->forenames, ==, "Perpetrator");
  g_assert_cmpstr (dossier->person->local_ref, ==, "SYN-P-0001");
  g_assert_cmpuint (dossier->aliases->len, ==, 1);
  g_assert_cmpstr (((VigilPersonAlias *) g_ptr_array_index (dossier->aliases, 0))->alias, ==, "SYN Alias");
  g_assert_nonnull (dossier->cohort_entry);
  g_assert_cmpstr (dossier->cohort_entry->status, ==, "managed");
  g_assert_cmpstr (dossier->cohort_entry->lead_officer, ==, "SYN Lead Officer");
  g_assert_cmpstr (dossier->cohort_entry->referral_source, ==, "SYN stalking clinic");
  g_assert_cmpuint (dossier->past_cohort_entries->len, ==, 1);
  g_assert_cmpstr (((VigilCohortEntry *) g_ptr_array_index (dossier->past_cohort_entries, 0))->status, ==, "exited");

  /* Score and trend */
  g_assert_true (dossier->score.present);
  g_assert_cmpint (dossier->score.run_id, ==, fixture->run_latest);
  g_assert_cmpstr (dossier->score.as_of, ==, AS_OF);
  g_assert_cmpint (dossier->score.points[VIGIL_RFGV_RECENCY], ==, 5);
  g_assert_cmpint (dossier->score.points[VIGIL_RFGV_GRAVITY], ==, 4);
  g_assert_cmpfloat (dossier->score.total, ==, 15.0);
  g_assert_cmpint (dossier->score.rank, ==, 7);
  g_assert_cmpstr (dossier->score.area, ==, "SYN-North");
  g_assert_true (dossier->score.in_cohort);
  g_assert_true (dossier->score.current);
  g_assert_true (dossier->previous_score.present);
  g_assert_cmpint (dossier->previous_score.run_id, ==, fixture->run_previous);
  g_assert_cmpfloat (dossier->previous_score.total, ==, 13.0);
  g_assert_false (dossier->previous_score.current);
  g_assert_cmpint (dossier->trend, ==, VIGIL_DOSSIER_TREND_UP);

  /* Explanation as of the newest run: three incidents counted, two victims */
  g_assert_nonnull (dossier->explanation);
  g_assert_true (dossier->explanation->scored);
  g_assert_cmpint (g_date_get_julian (&dossier->explanation->as_of), ==,
                   vigil_rfgv_parse_day (AS_OF));
  g_assert_cmpint (dossier->explanation->components[VIGIL_RFGV_FREQUENCY].value, ==, 3);
  g_assert_cmpint (dossier->explanation->components[VIGIL_RFGV_VICTIMS].value, ==, 2);
  g_assert_cmpint (dossier->explanation->components[VIGIL_RFGV_GRAVITY].value, ==, 3 + 4 + 4);

  /* Incidents by date, with what the engine does not keep */
  g_assert_cmpuint (dossier->incidents->len, ==, 4);
  g_assert_cmpuint (dossier->n_incidents_skipped, ==, 0);
  incident = g_ptr_array_index (dossier->incidents, 0);
  g_assert_cmpint (incident->incident_id, ==, fixture->incident_old);
  g_assert_cmpstr (incident->source_ref, ==, "SYN-I-1");
  g_assert_cmpstr (incident->occurred_at, ==, "2019-05-05");
  g_assert_cmpint (incident->status, ==, VIGIL_RFGV_INCIDENT_BEFORE_WINDOW);
  g_assert_cmpint (incident->victim, ==, 0);
  g_assert_null (incident->dash_risk);
  incident = g_ptr_array_index (dossier->incidents, 1);
  g_assert_cmpstr (incident->source_ref, ==, "SYN-I-3");
  g_assert_cmpint (incident->status, ==, VIGIL_RFGV_INCIDENT_COUNTED);
  g_assert_cmpint (incident->victim, ==, 1);
  g_assert_true (incident->new_victim);
  g_assert_cmpstr (incident->relationship, ==, "ex_partner");
  g_assert_cmpstr (incident->offence_code, ==, "common_assault");
  g_assert_cmpint (incident->gravity, ==, 3);
  g_assert_cmpstr (incident->dash_risk, ==, "medium");
  incident = g_ptr_array_index (dossier->incidents, 2);
  g_assert_cmpstr (incident->source_ref, ==, "SYN-I-2");
  g_assert_cmpstr (incident->dash_risk, ==, "high");
  g_assert_true (incident->stalking);
  g_assert_cmpstr (incident->relationship, ==, "intimate_partner");
  g_assert_cmpint (incident->victim, ==, 0);
  g_assert_true (incident->new_victim);  /* the first counted one with Victim 1 */
  incident = g_ptr_array_index (dossier->incidents, 3);
  g_assert_cmpint (incident->incident_id, ==, fixture->incident_latest);
  g_assert_cmpstr (incident->occurred_at, ==, "2026-09-30T22:15:00Z");
  g_assert_true (incident->latest);
  g_assert_false (incident->new_victim);
  g_assert_cmpstr (incident->area, ==, "SYN-North");

  /* Victims: roles by first incident, then by link; names kept for when asked */
  g_assert_cmpuint (dossier->victims->len, ==, 3);
  victim = g_ptr_array_index (dossier->victims, 0);
  g_assert_cmpint (victim->person_id, ==, fixture->victim_a);
  g_assert_cmpstr (victim->role, ==, "Victim 1");
  g_assert_cmpstr (victim->forenames, ==, "Victim Ay");
  g_assert_cmpstr (victim->local_ref, ==, "SYN-V-0001");
  g_assert_cmpstr (victim->first_incident_at, ==, "2019-05-05");
  g_assert_cmpuint (victim->n_incidents, ==, 2);
  victim = g_ptr_array_index (dossier->victims, 1);
  g_assert_cmpint (victim->person_id, ==, fixture->victim_b);
  g_assert_cmpstr (victim->role, ==, "Victim 2");
  g_assert_cmpstr (victim->first_incident_at, ==, "2024-02-01");
  victim = vigil_dossier_find_victim (dossier, fixture->victim_c);
  g_assert_nonnull (victim);
  g_assert_cmpstr (victim->role, ==, "Victim 3");
  g_assert_cmpstr (victim->surname, ==, "SYNTHETIC");
  g_assert_null (victim->first_incident_at);
  g_assert_cmpuint (victim->n_incidents, ==, 0);

  /* Victim links, by victim number */
  g_assert_cmpuint (dossier->victim_links->len, ==, 2);
  link = g_ptr_array_index (dossier->victim_links, 0);
  g_assert_cmpint (link->victim_id, ==, fixture->victim_a);
  g_assert_cmpstr (link->advocate, ==, "isac");
  link = g_ptr_array_index (dossier->victim_links, 1);
  g_assert_cmpint (link->victim_id, ==, fixture->victim_c);
  g_assert_cmpstr (link->advocate, ==, "idva");
  g_assert_true (link->safety_plan);
  g_assert_true (link->consent_to_share);

  /* Agency flags, newest report first */
  g_assert_cmpuint (dossier->agency_flags->len, ==, 2);
  g_assert_cmpstr (((VigilAgencyFlag *) g_ptr_array_index (dossier->agency_flags, 0))->reported_on, ==, "2026-06-01");

  /* Decisions, newest first, and the MoPI review date in force */
  g_assert_cmpuint (dossier->decisions->len, ==, 3);
  decision = g_ptr_array_index (dossier->decisions, 0);
  g_assert_cmpstr (decision->kind, ==, "visor");
  g_assert_cmpstr (decision->decided_role, ==, "Detective Inspector");
  g_assert_cmpstr (decision->proportionality, ==, "Synthetic proportionality note");
  decision = g_ptr_array_index (dossier->decisions, 1);
  g_assert_cmpstr (decision->kind, ==, "assessment");
  decision = g_ptr_array_index (dossier->decisions, 2);
  g_assert_cmpstr (decision->kind, ==, "pnc_flag");
  g_assert_cmpstr (dossier->mopi_review_on, ==, "2033-08-01");
  g_assert_false (dossier->mopi_review_due);

  /* Processes, active first */
  g_assert_cmpuint (dossier->processes->len, ==, 2);
  process = g_ptr_array_index (dossier->processes, 0);
  g_assert_cmpstr (process->process, ==, "mappa");
  g_assert_cmpint (process->mappa_category, ==, 2);
  g_assert_cmpint (process->mappa_level, ==, 2);
  process = g_ptr_array_index (dossier->processes, 1);
  g_assert_cmpstr (process->process, ==, "marac");

  /* Agency information: one per agency, in the agencies' order */
  g_assert_cmpuint (dossier->agency_information->len, ==, 4);
  information = g_ptr_array_index (dossier->agency_information, 0);
  g_assert_cmpstr (information->section->agency, ==, "police");
  information = g_ptr_array_index (dossier->agency_information, 1);
  g_assert_cmpstr (information->section->agency, ==, "probation");
  information = g_ptr_array_index (dossier->agency_information, 2);
  g_assert_cmpstr (information->section->agency, ==, "housing");
  g_assert_cmpint (information->section->record.id, ==, fixture->housing_new);
  g_assert_cmpstr (information->section->body, ==, "SYN housing newer");
  g_assert_cmpstr (information->section->provided_by, ==, "Synthetic Officer");
  g_assert_cmpstr (information->section->isa_reference, ==, "SYN-ISA-1");
  g_assert_cmpuint (information->n_earlier, ==, 1);
  g_assert_false (information->stale);
  g_assert_cmpint (information->age_days, ==, 40);
  information = g_ptr_array_index (dossier->agency_information, 3);
  g_assert_cmpstr (information->section->agency, ==, "idva");
  g_assert_true (information->stale);
  g_assert_cmpint (information->age_days, ==, -1);
  g_assert_null (vigil_dossier_find_agency (dossier, "mental_health"));

  /* Plans and interventions */
  g_assert_cmpuint (dossier->plans.n_plans, ==, 1);
  g_assert_cmpstr (dossier->plans.agreed_on, ==, "2026-07-15");
  g_assert_cmpstr (dossier->plans.review_on, ==, "2026-12-15");
  g_assert_cmpuint (dossier->plans.n_interventions, ==, 4);
  g_assert_cmpuint (dossier->plans.n_open, ==, 2);
  g_assert_cmpuint (dossier->plans.n_completed, ==, 1);
  g_assert_cmpuint (dossier->plans.n_breached, ==, 1);
  g_assert_cmpuint (dossier->plans.n_overdue, ==, 1);
  g_assert_cmpint (dossier->plans.n_breaches, ==, 2);
  g_assert_cmpstr (dossier->plans.next_due_on, ==, "2026-11-01");

  /* Who last changed each section */
  g_assert_cmpstr (dossier->changes[VIGIL_DOSSIER_SECTION_PERSON].changed_by, ==, "Records Clerk (synthetic)");
  g_assert_cmpstr (dossier->changes[VIGIL_DOSSIER_SECTION_COHORT].changed_by, ==, "Cohort Coordinator (synthetic)");
  g_assert_cmpstr (dossier->changes[VIGIL_DOSSIER_SECTION_DECISIONS].changed_by, ==, "Detective Inspector (synthetic)");
  g_assert_cmpstr (dossier->changes[VIGIL_DOSSIER_SECTION_PROCESSES].changed_by, ==, "MARAC Coordinator (synthetic)");
  g_assert_cmpstr (dossier->changes[VIGIL_DOSSIER_SECTION_AGENCY_INFORMATION].changed_by, ==, "Information Sharer (synthetic)");
  g_assert_cmpstr (dossier->changes[VIGIL_DOSSIER_SECTION_VICTIMS].changed_by, ==, "IDVA Service (synthetic)");
  g_assert_cmpstr (dossier->changes[VIGIL_DOSSIER_SECTION_PLANS].changed_by, ==, "Plan Owner (synthetic)");
  g_assert_cmpstr (dossier->changes[VIGIL_DOSSIER_SECTION_OUTCOMES].changed_by, ==, "IDVA Service (synthetic)");
  g_assert_cmpuint (dossier->outcomes->len, ==, 1);
  g_assert_cmpuint (dossier->outcome_trends->len, ==, 1);
  for (guint i = 0; i < VIGIL_DOSSIER_N_SECTIONS; i++)
    {
      g_assert_nonnull (dossier->changes[i].changed_at);
      g_assert_true (vigil_datetime_is_valid (dossier->changes[i].changed_at));
    }
  /* Identification: incidents (importer) and agency flags (liaison), written in the
   * same second or later */
  g_assert_true (g_strcmp0 (dossier->changes[VIGIL_DOSSIER_SECTION_IDENTIFICATION].changed_by,
                            "Incident Importer (synthetic)") == 0 ||
                 g_strcmp0 (dossier->changes[VIGIL_DOSSIER_SECTION_IDENTIFICATION].changed_by,
                            "Health Liaison (synthetic)") == 0);

  /* History: this person's audit rows only, newest first, readable */
  g_assert_cmpuint (dossier->history->len, >, 0);
  g_assert_false (dossier->history_truncated);
  for (guint i = 0; i < dossier->history->len; i++)
    {
      const VigilDossierHistoryEntry *entry = g_ptr_array_index (dossier->history, i);

      g_assert_nonnull (entry->summary);
      g_assert_nonnull (entry->fields);
      g_assert_cmpuint (g_strv_length (entry->fields), ==, g_strv_length (entry->field_labels));
      if (i > 0)
        g_assert_cmpint (entry->seq, <, ((VigilDossierHistoryEntry *) g_ptr_array_index (dossier->history, i - 1))->seq);
      g_assert_null (strstr (entry->summary, "SYN other text"));
    }
  {
    const VigilDossierHistoryEntry *newest = g_ptr_array_index (dossier->history, 0);
    const VigilDossierHistoryEntry *oldest = g_ptr_array_index (dossier->history, dossier->history->len - 1);

    /* the newest row concerning this person is the plan's: interventions are audited
     * under their plan, without a person */
    g_assert_cmpstr (newest->entity, ==, "plan");
    g_assert_cmpstr (newest->action, ==, "create");
    g_assert_cmpstr (newest->actor, ==, "Plan Owner (synthetic)");
    g_assert_cmpstr (newest->entity_label, ==, "risk management plan");
    g_assert_true (g_strv_contains ((const char * const *) newest->fields, "objectives"));
    g_assert_cmpstr (oldest->entity, ==, "person");
    g_assert_cmpint (oldest->entity_id, ==, fixture->person_id);
    g_assert_true (g_str_has_prefix (oldest->summary, "Added the person: "));
    g_assert_nonnull (strstr (oldest->summary, "date of birth"));
    /* field names, never values */
    g_assert_null (strstr (oldest->summary, "Perpetrator"));
  }
}

/* Role labels do not move when the page is reloaded, when someone is linked, or when a
 * later incident brings a new victim; a newer run without the person is not current. */
static void
test_roles_stable (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(VigilDossier) first = load (fixture->store, fixture->person_id);
  g_autoptr(VigilDossier) again = NULL;
  g_autoptr(VigilDossier) later = NULL;
  const VigilDossierVictim *victim;
  gint64 victim_d;
  gint64 run;

  again = load (fixture->store, fixture->person_id);
  g_assert_cmpuint (again->victims->len, ==, first->victims->len);
  for (guint i = 0; i < first->victims->len; i++)
    {
      const VigilDossierVictim *a = g_ptr_array_index (first->victims, i);
      const VigilDossierVictim *b = g_ptr_array_index (again->victims, i);

      g_assert_cmpint (a->person_id, ==, b->person_id);
      g_assert_cmpstr (a->role, ==, b->role);
    }

  victim_d = add_person (fixture->store, "SYNTHETIC", "Victim Dee", "SYN-V-0004");
  add_incident (fixture->store, "SYN-I-5", "2026-10-20", fixture->person_id, victim_d,
                "intimate_partner", "stalking", "high", TRUE);
  add_link (fixture->store, fixture->person_id, fixture->victim_b, "idva");
  run = add_run (fixture->store, "2026-11-05");

  later = load (fixture->store, fixture->person_id);
  g_assert_cmpuint (later->victims->len, ==, 4);
  g_assert_cmpstr (vigil_dossier_find_victim (later, fixture->victim_a)->role, ==, "Victim 1");
  g_assert_cmpstr (vigil_dossier_find_victim (later, fixture->victim_b)->role, ==, "Victim 2");
  /* a victim first met in a later incident comes after those met earlier, but before
   * those known only by a link */
  victim = vigil_dossier_find_victim (later, victim_d);
  g_assert_cmpstr (victim->role, ==, "Victim 3");
  g_assert_cmpstr (vigil_dossier_find_victim (later, fixture->victim_c)->role, ==, "Victim 4");
  g_assert_cmpuint (later->victim_links->len, ==, 3);
  g_assert_cmpint (((VigilVictimLink *) g_ptr_array_index (later->victim_links, 1))->victim_id, ==, fixture->victim_b);

  /* The newest run did not store this person's score */
  g_assert_cmpint (later->score.run_id, ==, fixture->run_latest);
  g_assert_false (later->score.current);
  g_assert_cmpint (g_date_get_julian (&later->explanation->as_of), ==, vigil_rfgv_parse_day ("2026-11-05"));
  g_assert_cmpint (later->explanation->components[VIGIL_RFGV_VICTIMS].value, ==, 3);
  g_assert_cmpint (run, >, fixture->run_latest);
}

/* Agency information exactly fresh_days old is fresh; one day older is stale; the
 * limit is the profile's. */
static void
test_stale_edge (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilScoringProfile) profile = vigil_scoring_profile_load_default (&error);
  g_autoptr(VigilDossier) dossier = load (fixture->store, fixture->person_id);
  g_autoptr(VigilDossier) stricter = NULL;
  const VigilDossierAgencyInformation *police;
  const VigilDossierAgencyInformation *probation;
  GDate today = make_date (TODAY);

  g_assert_no_error (error);
  g_assert_cmpint (dossier->fresh_days, ==, profile->agency_fresh_days);

  police = vigil_dossier_find_agency (dossier, "police");
  g_assert_nonnull (police);
  g_assert_cmpint (police->age_days, ==, profile->agency_fresh_days);
  g_assert_false (police->stale);
  g_assert_cmpuint (police->n_earlier, ==, 0);
  probation = vigil_dossier_find_agency (dossier, "probation");
  g_assert_cmpint (probation->age_days, ==, profile->agency_fresh_days + 1);
  g_assert_true (probation->stale);

  /* A profile one day stricter makes the police information stale too */
  profile->agency_fresh_days--;
  stricter = vigil_dossier_load_at (fixture->store, fixture->person_id, profile, &today, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stricter->fresh_days, ==, profile->agency_fresh_days);
  g_assert_true (vigil_dossier_find_agency (stricter, "police")->stale);
  g_assert_false (vigil_dossier_find_agency (stricter, "housing")->stale);
}

/* A later change by someone else is what the section shows; other sections keep theirs. */
static void
test_section_last_changed (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilDossier) before = load (fixture->store, fixture->person_id);
  g_autoptr(VigilDossier) after = NULL;
  g_autoptr(VigilDecision) decision = NULL;
  const VigilDossierHistoryEntry *entry;

  /* Timestamps have whole seconds: make the change visibly later */
  g_usleep (1100 * 1000);
  decision = vigil_store_fetch (fixture->store, &vigil_decision_type,
                                ((VigilDecision *) g_ptr_array_index (before->decisions, 2))->record.id,
                                &error);
  g_assert_no_error (error);
  g_free (decision->rationale);
  decision->rationale = g_strdup ("Synthetic rationale, revised");
  vigil_store_set_actor (fixture->store, "Superintendent (synthetic)");
  g_assert_true (vigil_store_update (fixture->store, &vigil_decision_type, decision, &error));
  g_assert_no_error (error);

  after = load (fixture->store, fixture->person_id);
  g_assert_cmpstr (after->changes[VIGIL_DOSSIER_SECTION_DECISIONS].changed_by, ==, "Superintendent (synthetic)");
  g_assert_cmpstr (after->changes[VIGIL_DOSSIER_SECTION_DECISIONS].changed_at, >,
                   before->changes[VIGIL_DOSSIER_SECTION_DECISIONS].changed_at);
  g_assert_cmpstr (after->changes[VIGIL_DOSSIER_SECTION_DECISIONS].changed_at, ==, decision->record.updated_at);
  g_assert_cmpstr (after->changes[VIGIL_DOSSIER_SECTION_PROCESSES].changed_by, ==, "MARAC Coordinator (synthetic)");
  g_assert_cmpstr (after->changes[VIGIL_DOSSIER_SECTION_PROCESSES].changed_at, ==,
                   before->changes[VIGIL_DOSSIER_SECTION_PROCESSES].changed_at);

  /* and the history reads it */
  entry = g_ptr_array_index (after->history, 0);
  g_assert_cmpstr (entry->action, ==, "update");
  g_assert_cmpstr (entry->entity, ==, "decision");
  g_assert_cmpstr (entry->actor, ==, "Superintendent (synthetic)");
  g_assert_cmpuint (g_strv_length (entry->fields), ==, 1);
  g_assert_cmpstr (entry->fields[0], ==, "rationale");
  g_assert_cmpstr (entry->summary, ==, "Changed the decision: rationale");
  g_assert_null (strstr (entry->summary, "revised"));
}

/* Recording a view appends one audit row in its own transaction; the chain verifies. */
static void
test_view_audited (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilDossier) dossier = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  const VigilDossierHistoryEntry *entry;
  VigilAuditEntry *row;
  gint64 n_before = 0, n_after = 0;

  g_assert_true (vigil_audit_verify (fixture->store, &n_before, &error));
  g_assert_no_error (error);

  /* Loading alone writes nothing */
  dossier = load (fixture->store, fixture->person_id);
  g_clear_pointer (&dossier, vigil_dossier_free);
  g_assert_true (vigil_audit_verify (fixture->store, &n_after, &error));
  g_assert_cmpint (n_after, ==, n_before);

  vigil_store_set_actor (fixture->store, "Panel Chair (synthetic)");
  g_assert_true (vigil_dossier_record_view (fixture->store, fixture->person_id, &error));
  g_assert_no_error (error);

  rows = vigil_audit_list (fixture->store, fixture->person_id, 1, &error);
  g_assert_no_error (error);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (row->action, ==, "view");
  g_assert_cmpstr (row->entity, ==, "person");
  g_assert_cmpint (row->entity_id, ==, fixture->person_id);
  g_assert_cmpint (row->person_id, ==, fixture->person_id);
  g_assert_cmpstr (row->actor, ==, "Panel Chair (synthetic)");

  g_assert_true (vigil_audit_verify (fixture->store, &n_after, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n_after, ==, n_before + 1);

  dossier = load (fixture->store, fixture->person_id);
  entry = g_ptr_array_index (dossier->history, 0);
  g_assert_cmpstr (entry->action, ==, "view");
  g_assert_cmpstr (entry->actor, ==, "Panel Chair (synthetic)");
  g_assert_cmpstr (entry->summary, ==, "Viewed the dossier");
  g_assert_cmpuint (g_strv_length (entry->fields), ==, 0);
}

/* What the window does: the dossier, the tactical menu and the view audited, off the
 * calling thread; an older plan's interventions count in the summary, but the plan
 * shown is the newest with its own interventions only. */
static void
opened_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static VigilDossierOpening *
open_and_wait (VigilStore  *store,
               gint64       person_id,
               GError     **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  vigil_dossier_open_async (store, person_id, TRUE, NULL, opened_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return vigil_dossier_open_finish (store, result, error);
}

static void
test_open_async (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilPlan) old_plan = vigil_plan_new ();
  g_autoptr(VigilDossierOpening) opening = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  VigilAuditEntry *row;
  gint64 n_before = 0, n_after = 0;

  old_plan->person_id = fixture->person_id;
  old_plan->objectives = g_strdup ("SYN older objectives");
  old_plan->agreed_on = g_strdup ("2025-03-01");
  g_assert_true (vigil_store_insert (fixture->store, &vigil_plan_type, old_plan, &error));
  g_assert_no_error (error);
  add_intervention (fixture->store, old_plan->record.id, "breached", "2025-05-01", 3);

  g_assert_true (vigil_audit_verify (fixture->store, &n_before, &error));
  vigil_store_set_actor (fixture->store, "Panel Chair (synthetic)");
  opening = open_and_wait (fixture->store, fixture->person_id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (opening);
  g_assert_nonnull (opening->dossier);
  g_assert_nonnull (opening->menu);
  g_assert_cmpint (opening->dossier->person->record.id, ==, fixture->person_id);

  g_assert_cmpuint (opening->dossier->plans.n_plans, ==, 2);
  g_assert_cmpstr (opening->dossier->plans.agreed_on, ==, "2026-07-15");
  g_assert_cmpstr (opening->dossier->plan->agreed_on, ==, "2026-07-15");
  g_assert_cmpuint (opening->dossier->interventions->len, ==, 4);
  for (guint i = 0; i < opening->dossier->interventions->len; i++)
    g_assert_cmpint (((VigilIntervention *) g_ptr_array_index (opening->dossier->interventions, i))->plan_id,
                     ==, opening->dossier->plan->record.id);
  g_assert_cmpuint (opening->dossier->plans.n_interventions, ==, 5);
  g_assert_cmpuint (opening->dossier->plans.n_breached, ==, 2);
  g_assert_cmpint (opening->dossier->plans.n_breaches, ==, 5);
  g_assert_cmpuint (opening->dossier->victims->len, ==, 3);

  /* the view is in the log, and the chain still verifies */
  g_assert_true (vigil_audit_verify (fixture->store, &n_after, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n_after, ==, n_before + 1);
  rows = vigil_audit_list (fixture->store, fixture->person_id, 1, &error);
  g_assert_no_error (error);
  row = g_ptr_array_index (rows, 0);
  g_assert_cmpstr (row->action, ==, "view");
  g_assert_cmpstr (row->actor, ==, "Panel Chair (synthetic)");
  /* … and not in the history given with it, which is the person's before this view
   * (on PostgreSQL the audit runs among the reads, and either may come first) */
  for (guint i = 0; i < opening->dossier->history->len; i++)
    g_assert_cmpint (((VigilDossierHistoryEntry *) g_ptr_array_index (opening->dossier->history, i))->seq,
                     !=, row->seq);
  g_clear_pointer (&opening, vigil_dossier_opening_free);

  /* no such person: an answer, not a dossier */
  opening = open_and_wait (fixture->store, 4242, &error);
  g_assert_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_NOT_FOUND);
  g_assert_null (opening);
  g_clear_error (&error);
  /* and no view of no one is logged */
  g_clear_pointer (&rows, g_ptr_array_unref);
  rows = vigil_audit_list (fixture->store, 4242, 1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 0);
  g_assert_true (vigil_audit_verify (fixture->store, &n_before, &error));
  g_assert_cmpint (n_before, ==, n_after);
}

/* ------------------------------------------------------------------------------------
 * Edge cases
 * ------------------------------------------------------------------------------------ */

static void
test_name_only (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) store = vigil_test_open_store ();
  g_autoptr(VigilPerson) person = vigil_person_new ();
  g_autoptr(VigilDossier) dossier = NULL;
  const VigilDossierHistoryEntry *entry;

  person->surname = g_strdup ("SYNTHETIC-NAME-ONLY");
  g_assert_true (vigil_store_insert (store, &vigil_person_type, person, &error));
  g_assert_no_error (error);

  dossier = load (store, person->record.id);
  g_assert_cmpstr (dossier->person->surname, ==, "SYNTHETIC-NAME-ONLY");
  g_assert_null (dossier->person->forenames);
  g_assert_cmpuint (dossier->aliases->len, ==, 0);
  g_assert_null (dossier->cohort_entry);
  g_assert_cmpuint (dossier->past_cohort_entries->len, ==, 0);
  g_assert_false (dossier->score.present);
  g_assert_false (dossier->previous_score.present);
  g_assert_cmpint (dossier->trend, ==, VIGIL_DOSSIER_TREND_NONE);
  g_assert_null (dossier->explanation);
  g_assert_cmpuint (dossier->incidents->len, ==, 0);
  g_assert_cmpuint (dossier->victims->len, ==, 0);
  g_assert_cmpuint (dossier->agency_flags->len, ==, 0);
  g_assert_cmpuint (dossier->decisions->len, ==, 0);
  g_assert_null (dossier->mopi_review_on);
  g_assert_cmpuint (dossier->processes->len, ==, 0);
  g_assert_cmpuint (dossier->agency_information->len, ==, 0);
  g_assert_cmpuint (dossier->victim_links->len, ==, 0);
  g_assert_cmpuint (dossier->plans.n_plans, ==, 0);
  g_assert_cmpuint (dossier->plans.n_interventions, ==, 0);
  g_assert_null (dossier->plans.next_due_on);
  g_assert_cmpstr (dossier->changes[VIGIL_DOSSIER_SECTION_PERSON].changed_at, ==, person->record.updated_at);
  g_assert_cmpstr (dossier->changes[VIGIL_DOSSIER_SECTION_PERSON].changed_by, ==, "Test Runner (tester)");
  for (guint i = VIGIL_DOSSIER_SECTION_COHORT; i < VIGIL_DOSSIER_N_SECTIONS; i++)
    {
      g_assert_null (dossier->changes[i].changed_at);
      g_assert_null (dossier->changes[i].changed_by);
    }
  g_assert_cmpuint (dossier->history->len, ==, 1);
  entry = g_ptr_array_index (dossier->history, 0);
  g_assert_cmpstr (entry->action, ==, "create");
  g_assert_cmpstr (entry->summary, ==, "Added the person: identifier, surname");

  /* The default today is the local date, and the default profile is used */
  g_clear_pointer (&dossier, vigil_dossier_free);
  dossier = vigil_dossier_load (store, person->record.id, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (dossier);
  g_assert_true (g_date_valid (&dossier->today));
  g_assert_cmpint (dossier->fresh_days, >, 0);
}

static void
test_not_found (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) store = vigil_test_open_store ();
  g_autoptr(VigilDossier) dossier = NULL;
  GDate today = make_date (TODAY);

  dossier = vigil_dossier_load_at (store, 4242, NULL, &today, NULL, &error);
  g_assert_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_NOT_FOUND);
  g_assert_null (dossier);
}

static void
test_cancelled (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(VigilDossier) dossier = NULL;
  GDate today = make_date (TODAY);

  g_cancellable_cancel (cancellable);
  dossier = vigil_dossier_load_at (fixture->store, fixture->person_id, NULL, &today, cancellable, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (dossier);
}

static void
add_outcome (VigilStore *store,
             gint64      person_id,
             gint64      victim_id,
             const char *observed_on,
             const char *source,
             const char *measure,
             gint64      rating)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilOutcomeObservation) outcome = vigil_outcome_observation_new ();

  outcome->person_id = person_id;
  outcome->victim_id = victim_id;
  outcome->observed_on = g_strdup (observed_on);
  outcome->source = g_strdup (source);
  outcome->measure = g_strdup (measure);
  outcome->rating = rating;
  g_assert_true (vigil_casework_save (store, &vigil_outcome_observation_type, outcome, &error));
  g_assert_no_error (error);
}

static const VigilDossierOutcomeTrend *
trend_at (const VigilDossier *dossier,
          guint               index)
{
  g_assert_cmpuint (index, <, dossier->outcome_trends->len);
  return g_ptr_array_index (dossier->outcome_trends, index);
}

/* Outcomes newest first; one trend per victim, source and measure, in victim order
 * (none last), first against latest rating, with the ratings oldest first. */
static void
test_outcomes (Fixture       *fixture,
               gconstpointer  user_data)
{
  g_autoptr(VigilDossier) dossier = NULL;
  const VigilDossierOutcomeTrend *trend;
  const VigilOutcomeObservation *newest;

  /* the fixture has one: Victim 3's wellbeing, rated by the IDVA */

  /* Victim 2 (victim_b): feels safe 2 → 1 → 4 (up), wellbeing 3 → 3 (same) */
  add_outcome (fixture->store, fixture->person_id, fixture->victim_b, "2026-03-01", "victim_reported", "feels_safe", 2);
  add_outcome (fixture->store, fixture->person_id, fixture->victim_b, "2026-09-01", "victim_reported", "feels_safe", 4);
  add_outcome (fixture->store, fixture->person_id, fixture->victim_b, "2026-06-01", "victim_reported", "feels_safe", 1);
  add_outcome (fixture->store, fixture->person_id, fixture->victim_b, "2026-04-01", "victim_reported", "wellbeing", 3);
  add_outcome (fixture->store, fixture->person_id, fixture->victim_b, "2026-08-01", "victim_reported", "wellbeing", 3);
  /* Victim 1 (victim_a), by the IDVA: risk level 4 → 2 (down); one victim report */
  add_outcome (fixture->store, fixture->person_id, fixture->victim_a, "2026-01-15", "idva_rated", "risk_level", 4);
  add_outcome (fixture->store, fixture->person_id, fixture->victim_a, "2026-10-15", "idva_rated", "risk_level", 2);
  add_outcome (fixture->store, fixture->person_id, fixture->victim_a, "2026-10-20", "victim_reported", "abuse_frequency", 5);
  /* about no victim in particular */
  add_outcome (fixture->store, fixture->person_id, 0, "2026-11-01", "idva_rated", "feels_safe", 3);

  dossier = load (fixture->store, fixture->person_id);
  g_assert_cmpuint (dossier->outcomes->len, ==, 10);
  newest = g_ptr_array_index (dossier->outcomes, 0);
  g_assert_cmpstr (newest->observed_on, ==, "2026-11-01");
  newest = g_ptr_array_index (dossier->outcomes, 9);
  g_assert_cmpstr (newest->observed_on, ==, "2026-01-15");
  g_assert_nonnull (dossier->changes[VIGIL_DOSSIER_SECTION_OUTCOMES].changed_at);

  g_assert_cmpuint (dossier->outcome_trends->len, ==, 6);
  g_assert_cmpint (vigil_dossier_find_victim (dossier, fixture->victim_a)->number, ==, 1);

  /* Victim 1: victim-reported before IDVA-rated (the choices' order) */
  trend = trend_at (dossier, 0);
  g_assert_cmpint (trend->victim, ==, 0);
  g_assert_cmpstr (trend->source, ==, "victim_reported");
  g_assert_cmpstr (trend->measure, ==, "abuse_frequency");
  g_assert_cmpuint (trend->n_ratings, ==, 1);
  g_assert_cmpint (trend->trend, ==, VIGIL_DOSSIER_TREND_NONE);
  trend = trend_at (dossier, 1);
  g_assert_cmpint (trend->victim, ==, 0);
  g_assert_cmpstr (trend->source, ==, "idva_rated");
  g_assert_cmpstr (trend->measure, ==, "risk_level");
  g_assert_cmpuint (trend->n_ratings, ==, 2);
  g_assert_cmpstr (trend->first_on, ==, "2026-01-15");
  g_assert_cmpint (trend->first_rating, ==, 4);
  g_assert_cmpstr (trend->latest_on, ==, "2026-10-15");
  g_assert_cmpint (trend->latest_rating, ==, 2);
  g_assert_cmpint (trend->trend, ==, VIGIL_DOSSIER_TREND_DOWN);

  /* Victim 2: feels safe (the first measure), then wellbeing */
  trend = trend_at (dossier, 2);
  g_assert_cmpint (trend->victim, ==, 1);
  g_assert_cmpstr (trend->measure, ==, "feels_safe");
  g_assert_cmpuint (trend->n_ratings, ==, 3);
  g_assert_cmpuint (trend->ratings->len, ==, 3);
  g_assert_cmpint (g_array_index (trend->ratings, gint64, 0), ==, 2);
  g_assert_cmpint (g_array_index (trend->ratings, gint64, 1), ==, 1);
  g_assert_cmpint (g_array_index (trend->ratings, gint64, 2), ==, 4);
  g_assert_cmpstr (trend->first_on, ==, "2026-03-01");
  g_assert_cmpstr (trend->latest_on, ==, "2026-09-01");
  g_assert_cmpint (trend->trend, ==, VIGIL_DOSSIER_TREND_UP);
  trend = trend_at (dossier, 3);
  g_assert_cmpint (trend->victim, ==, 1);
  g_assert_cmpstr (trend->measure, ==, "wellbeing");
  g_assert_cmpint (trend->trend, ==, VIGIL_DOSSIER_TREND_SAME);

  /* Victim 3, then none last */
  trend = trend_at (dossier, 4);
  g_assert_cmpint (trend->victim, ==, 2);
  g_assert_cmpstr (trend->measure, ==, "wellbeing");
  g_assert_cmpint (trend->latest_rating, ==, 3);
  trend = trend_at (dossier, 5);
  g_assert_cmpint (trend->victim, ==, -1);
  g_assert_cmpstr (trend->source, ==, "idva_rated");
  g_assert_cmpuint (trend->n_ratings, ==, 1);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  vigil_test_init_engine ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/dossier/every-section", test_every_section);
  ADD ("/dossier/roles-stable", test_roles_stable);
  ADD ("/dossier/stale-edge", test_stale_edge);
  ADD ("/dossier/section-last-changed", test_section_last_changed);
  ADD ("/dossier/view-audited", test_view_audited);
  ADD ("/dossier/open-async", test_open_async);
  ADD ("/dossier/cancelled", test_cancelled);
  ADD ("/dossier/outcomes", test_outcomes);
#undef ADD
  g_test_add_func ("/dossier/name-only", test_name_only);
  g_test_add_func ("/dossier/not-found", test_not_found);

  return g_test_run ();
}
