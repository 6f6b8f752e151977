/* test-cohort.c: referrals, professional judgement (overrides) and duplicate-person
 * decisions: keep apart, merge (every reference moves, aliases, tombstone, audit) and
 * a merge that fails half-way leaves the store exactly as it was
 *
 * Runs on SQLite (suite core) and on PostgreSQL (suite pg).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <libpq-fe.h>
#include <sqlite3.h>

#include "vigil-test-store.h"

static gint64
add_person (VigilStore *store,
            const char *surname,
            const char *forenames,
            const char *ref,
            const char *dob,
            const char *pnc)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilPerson) person = vigil_person_new ();

  person->surname = g_strdup (surname);
  person->forenames = g_strdup (forenames);
  person->local_ref = g_strdup (ref);
  person->dob = g_strdup (dob);
  person->pnc_id = g_strdup (pnc);
  g_assert_true (vigil_store_insert (store, &vigil_person_type, person, &error));
  g_assert_no_error (error);
  return person->record.id;
}

static gint64
add_incident (VigilStore *store,
              const char *ref,
              gint64      perpetrator,
              gint64      victim)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilIncident) incident = vigil_incident_new ();

  incident->source = g_strdup ("police");
  incident->source_ref = g_strdup (ref);
  incident->occurred_at = g_strdup ("2026-09-14");
  incident->perpetrator_id = perpetrator;
  incident->victim_id = victim;
  incident->relationship = g_strdup ("ex_partner");
  incident->offence_code = g_strdup ("harassment");
  g_assert_true (vigil_store_insert (store, &vigil_incident_type, incident, &error));
  g_assert_no_error (error);
  return incident->record.id;
}

static gint64
add_entry (VigilStore *store,
           gint64      person_id,
           const char *status,
           const char *route)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilCohortEntry) entry = vigil_cohort_entry_new ();

  entry->person_id = person_id;
  entry->status = g_strdup (status);
  entry->route = g_strdup (route);
  entry->identified_on = g_strdup ("2026-08-01");
  if (g_str_equal (status, "exited"))
    {
      entry->exited_on = g_strdup ("2026-08-20");
      entry->exit_reason = g_strdup ("risk_reduced");
    }
  g_assert_true (vigil_store_insert (store, &vigil_cohort_entry_type, entry, &error));
  g_assert_no_error (error);
  return entry->record.id;
}

static gint64
add_duplicate (VigilStore *store,
               gint64      person_id,
               gint64      other_id,
               const char *reason)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilPersonDuplicate) duplicate = vigil_person_duplicate_new ();

  duplicate->person_id = person_id;
  duplicate->other_person_id = other_id;
  duplicate->reason = g_strdup (reason);
  duplicate->status = g_strdup ("open");
  g_assert_true (vigil_store_insert (store, &vigil_person_duplicate_type, duplicate, &error));
  g_assert_no_error (error);
  return duplicate->record.id;
}

static void
insert_record (VigilStore            *store,
               const VigilRecordType *type,
               gpointer               record)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (vigil_store_insert (store, type, record, &error));
  g_assert_no_error (error);
}

static gint64
count (VigilStore *store,
       const char *sql)
{
  static const GType types[] = { G_TYPE_INT64, G_TYPE_NONE };
  g_autoptr(GError) error = NULL;
  g_autoptr(GdaDataModel) model = vigil_store_query (store, sql, NULL, 0, types, &error);
  const GValue *value;

  g_assert_no_error (error);
  value = gda_data_model_get_value_at (model, 0, 0, &error);
  g_assert_no_error (error);
  return gda_value_is_null (value) ? 0 : g_value_get_int64 (value);
}

static gint64
count_where (VigilStore *store,
             const char *table,
             const char *column,
             gint64      id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT COUNT(*) FROM %s WHERE %s = %" G_GINT64_FORMAT,
                                          table, column, id);

  return count (store, sql);
}

static gint64
merged_into (VigilStore *store,
             gint64      person_id)
{
  g_autofree char *sql = g_strdup_printf ("SELECT merged_into FROM person WHERE id = %" G_GINT64_FORMAT, person_id);

  return count (store, sql);
}

static char *
today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y-%m-%d");
}

/* A stored run: @people_scored scored, @person_id ranked @rank with @total. */
static gint64
add_run (VigilStore *store,
         const char *as_of,
         gint64      people_scored,
         gint64      person_id,
         gint64      rank,
         double      total)
{
  g_autoptr(VigilScoreRun) run = vigil_score_run_new ();
  g_autoptr(VigilScore) score = vigil_score_new ();

  run->as_of = g_strdup (as_of);
  run->people_scored = people_scored;
  insert_record (store, &vigil_score_run_type, run);

  score->run_id = run->record.id;
  score->person_id = person_id;
  score->rank = rank;
  score->total = total;
  score->in_cohort = TRUE;
  insert_record (store, &vigil_score_type, score);
  return run->record.id;
}

static gboolean
audit_has (VigilStore *store,
           gint64      person_id,
           const char *action,
           const char *entity)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) entries = vigil_audit_list (store, person_id, 0, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < entries->len; i++)
    {
      VigilAuditEntry *entry = g_ptr_array_index (entries, i);

      if (g_str_equal (entry->action, action) && g_str_equal (entry->entity, entity))
        return TRUE;
    }

  return FALSE;
}

/* ------------------------------------------------------------------------------------
 * Referrals
 * ------------------------------------------------------------------------------------ */

static void
test_refer (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) store = vigil_test_open_store ();
  g_autoptr(VigilCohortEntry) entry = NULL;
  g_autoptr(VigilCohortEntry) again = NULL;
  g_autoptr(VigilCohortEntry) known_entry = NULL;
  g_autoptr(VigilPerson) person = NULL;
  g_autofree char *day = today ();
  gint64 known, entries_before, people_before, generation;
  VigilReferral referral = {
    .surname = "ZEBEDEE-SYNTH", .forenames = "Fixation", .dob = "1984-03-02",
    .pnc_id = "84/000123Z", .local_ref = "SYN-R0000001", .route = "stalking_referral",
    .source = "Stalking clinic", .reason = "Repeated unwanted contact with a former colleague",
    .referred_on = "2026-10-05", .area = "North Synthshire", .lead_agency = "police",
  };

  generation = vigil_store_get_facts_generation (store, &error);
  g_assert_no_error (error);

  /* a new person, unknown to police for DA */
  entry = vigil_cohort_refer (store, &referral, &error);
  g_assert_no_error (error);
  g_assert_nonnull (entry);
  g_assert_cmpstr (entry->status, ==, "candidate");
  g_assert_cmpstr (entry->route, ==, "stalking_referral");
  g_assert_cmpstr (entry->identified_on, ==, "2026-10-05");
  g_assert_cmpstr (entry->referral_source, ==, "Stalking clinic");
  g_assert_cmpstr (entry->referral_reason, ==, referral.reason);
  g_assert_cmpstr (entry->area, ==, "North Synthshire");
  g_assert_cmpstr (entry->lead_agency, ==, "police");

  person = vigil_store_fetch (store, &vigil_person_type, entry->person_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (person->surname, ==, "ZEBEDEE-SYNTH");
  g_assert_cmpstr (person->local_ref, ==, "SYN-R0000001");
  g_assert_cmpstr (person->dob, ==, "1984-03-02");
  g_assert_cmpstr (person->pnc_id, ==, "84/000123Z");
  g_assert_true (audit_has (store, entry->person_id, "create", "person"));
  g_assert_true (audit_has (store, entry->person_id, "create", "cohort_entry"));
  g_assert_cmpint (vigil_store_get_facts_generation (store, NULL), >, generation);
  g_assert_cmpint (vigil_cohort_find_person (store, "SYN-R0000001", &error), ==, entry->person_id);
  g_assert_no_error (error);

  /* the same person again, by id: refused, naming the status and route */
  entries_before = count (store, "SELECT COUNT(*) FROM cohort_entry");
  people_before = count (store, "SELECT COUNT(*) FROM person");
  {
    VigilReferral second = {
      .person_id = entry->person_id, .route = "agency_referral", .source = "Probation",
      .reason = "Breach of licence conditions",
    };

    again = vigil_cohort_refer (store, &second, &error);
    g_assert_null (again);
    g_assert_error (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_OPEN_ENTRY);
    g_assert_nonnull (strstr (error->message, "Candidate"));
    g_assert_nonnull (strstr (error->message, "Stalking referral"));
    g_assert_nonnull (strstr (error->message, "SYN-R0000001"));
    g_clear_error (&error);
  }

  /* a new person with a reference already in use: refused */
  again = vigil_cohort_refer (store, &referral, &error);
  g_assert_null (again);
  g_assert_error (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_INVALID);
  g_clear_error (&error);

  /* what a referral needs */
  {
    VigilReferral bad = referral;

    bad.local_ref = "SYN-R0000002";
    bad.route = "rfgv";
    g_assert_null (vigil_cohort_refer (store, &bad, &error));
    g_assert_error (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_INVALID);
    g_clear_error (&error);

    bad.route = "agency_referral";
    bad.source = "  ";
    g_assert_null (vigil_cohort_refer (store, &bad, &error));
    g_assert_error (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_INVALID);
    g_clear_error (&error);

    bad.source = "Housing";
    bad.reason = NULL;
    g_assert_null (vigil_cohort_refer (store, &bad, &error));
    g_assert_error (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_INVALID);
    g_clear_error (&error);

    bad.reason = "Concern raised by a housing officer";
    bad.referred_on = "05/10/2026";
    g_assert_null (vigil_cohort_refer (store, &bad, &error));
    g_assert_error (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_INVALID);
    g_clear_error (&error);

    bad.referred_on = NULL;
    bad.lead_agency = "the council";
    g_assert_null (vigil_cohort_refer (store, &bad, &error));
    g_assert_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM cohort_entry"), ==, entries_before);
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM person"), ==, people_before);

  /* someone already known (with an exited entry) may be referred again; today by default */
  known = add_person (store, "QUILLON-SYNTH", "Agency", "SYN-R0000003", NULL, NULL);
  add_entry (store, known, "exited", "rfgv");
  {
    VigilReferral by_agency = {
      .person_id = known, .route = "agency_referral", .source = "Probation",
      .reason = "Disclosed controlling behaviour to the offender manager",
    };

    known_entry = vigil_cohort_refer (store, &by_agency, &error);
    g_assert_no_error (error);
    g_assert_cmpint (known_entry->person_id, ==, known);
    g_assert_cmpstr (known_entry->route, ==, "agency_referral");
    g_assert_cmpstr (known_entry->identified_on, ==, day);
  }
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM person"), ==, people_before + 1);
}

/* ------------------------------------------------------------------------------------
 * Overrides and judgements
 * ------------------------------------------------------------------------------------ */

static void
test_override (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) store = vigil_test_open_store ();
  g_autoptr(VigilDecision) include = NULL;
  g_autoptr(VigilDecision) exclude = NULL;
  g_autoptr(VigilDecision) refused = NULL;
  g_autoptr(VigilDecision) unscored = NULL;
  g_autoptr(VigilCohortEntry) created = NULL;
  g_autoptr(VigilCohortEntry) closed = NULL;
  g_autoptr(VigilCohortEntry) managed_entry = NULL;
  g_autofree char *no_run = NULL;
  gint64 low, high, managed, quiet, high_entry, managed_id, decisions_before;
  VigilOverride override = {
    .kind = VIGIL_OVERRIDE_INCLUDE, .decided_by = "DI Synthia Example",
    .decided_role = "MATAC senior decision-maker", .decided_on = "2026-11-03",
    .rationale = "Stalking victim's IDVA reports escalation not yet in police data",
    .proportionality = "Necessary to protect the victim; reviewed in 3 months",
  };

  low = add_person (store, "LOWRANK-SYNTH", "Sample", "SYN-P0000001", NULL, NULL);
  high = add_person (store, "HIGHRANK-SYNTH", "Sample", "SYN-P0000002", NULL, NULL);
  managed = add_person (store, "MANAGED-SYNTH", "Sample", "SYN-P0000003", NULL, NULL);
  quiet = add_person (store, "QUIET-SYNTH", "Sample", "SYN-P0000004", NULL, NULL);

  no_run = vigil_cohort_describe_score (store, low, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (no_run, ==, "Not scored: no scoring run has been stored yet");

  add_run (store, "2026-10-01", 400, high, 2, 18);
  add_run (store, "2026-11-01", 412000, low, 12345, 7);
  {
    g_autoptr(VigilScore) score = vigil_score_new ();

    score->run_id = 2;
    score->person_id = high;
    score->rank = 3;
    score->total = 17.5;
    insert_record (store, &vigil_score_type, score);
  }
  high_entry = add_entry (store, high, "candidate", "rfgv");
  managed_id = add_entry (store, managed, "managed", "rfgv");

  /* include someone the algorithm ranks low: a candidate entry by professional judgement */
  override.person_id = low;
  include = vigil_cohort_decide_override (store, &override, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (include->kind, ==, "override_include");
  g_assert_cmpstr (include->outcome, ==, "Ranked 12,345 of 412,000, total 7 (run 2, as of 2026-11-01)");
  g_assert_cmpstr (include->decided_by, ==, "DI Synthia Example");
  g_assert_cmpstr (include->decided_role, ==, "MATAC senior decision-maker");
  g_assert_cmpstr (include->decided_on, ==, "2026-11-03");
  g_assert_cmpstr (include->proportionality, ==, override.proportionality);
  g_assert_cmpint (include->cohort_entry_id, >, 0);
  created = vigil_store_fetch (store, &vigil_cohort_entry_type, include->cohort_entry_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (created->person_id, ==, low);
  g_assert_cmpstr (created->status, ==, "candidate");
  g_assert_cmpstr (created->route, ==, "professional_judgement");
  g_assert_cmpstr (created->identified_on, ==, "2026-11-03");
  g_assert_true (audit_has (store, low, "create", "decision"));

  /* people decide: a name, a role and a rationale that says something */
  decisions_before = count (store, "SELECT COUNT(*) FROM decision");
  {
    VigilOverride bad = override;

    bad.person_id = quiet;
    bad.rationale = " \t\n";
    g_assert_null (vigil_cohort_decide_override (store, &bad, &error));
    g_assert_error (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_INVALID);
    g_clear_error (&error);

    bad.rationale = "Reason";
    bad.decided_role = NULL;
    g_assert_null (vigil_cohort_decide_override (store, &bad, &error));
    g_assert_error (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_INVALID);
    g_clear_error (&error);

    bad.decided_role = "Role";
    bad.decided_by = "";
    g_assert_null (vigil_cohort_decide_override (store, &bad, &error));
    g_assert_error (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_INVALID);
    g_clear_error (&error);

    bad.decided_by = "Someone";
    bad.person_id = 99999;
    g_assert_null (vigil_cohort_decide_override (store, &bad, &error));
    g_assert_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM decision"), ==, decisions_before);
  g_assert_cmpint (count_where (store, "cohort_entry", "person_id", quiet), ==, 0);

  /* exclude someone it ranks high: the candidate entry is closed */
  override.kind = VIGIL_OVERRIDE_EXCLUDE;
  override.person_id = high;
  override.decided_on = NULL;
  override.proportionality = NULL;
  override.rationale = "Score driven by one family dispute, now resolved; MARAC agrees";
  exclude = vigil_cohort_decide_override (store, &override, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (exclude->kind, ==, "override_exclude");
  g_assert_cmpstr (exclude->outcome, ==, "Ranked 3 of 412,000, total 17.5 (run 2, as of 2026-11-01)");
  g_assert_cmpint (exclude->cohort_entry_id, ==, high_entry);
  g_assert_null (exclude->proportionality);
  closed = vigil_store_fetch (store, &vigil_cohort_entry_type, high_entry, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (closed->status, ==, "exited");
  g_assert_cmpstr (closed->exit_reason, ==, "no_longer_meets_criteria");
  g_assert_cmpstr (closed->exited_on, ==, exclude->decided_on);
  g_assert_cmpint (closed->record.rev, ==, 2);

  /* a managed person leaves by the exit workflow, not by an override */
  override.person_id = managed;
  refused = vigil_cohort_decide_override (store, &override, &error);
  g_assert_null (refused);
  g_assert_error (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_MANAGED);
  g_assert_nonnull (strstr (error->message, "exit"));
  g_clear_error (&error);
  managed_entry = vigil_store_fetch (store, &vigil_cohort_entry_type, managed_id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (managed_entry->status, ==, "managed");
  g_assert_cmpint (managed_entry->record.rev, ==, 1);
  g_assert_cmpint (count_where (store, "decision", "person_id", managed), ==, 0);

  /* not among the latest run's stored scores; no open entry: only the decision */
  override.person_id = quiet;
  unscored = vigil_cohort_decide_override (store, &override, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (unscored->outcome, "Not scored in the latest run (run 2, as of 2026-11-01)"));
  g_assert_cmpint (unscored->cohort_entry_id, ==, 0);
  g_assert_cmpint (count_where (store, "cohort_entry", "person_id", quiet), ==, 0);
}

static void
test_judgements (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) store = vigil_test_open_store ();
  g_autoptr(GHashTable) page = NULL;
  g_autoptr(GHashTable) all = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *summary = NULL;
  VigilJudgement *judgement;
  gint64 a, b, c, latest_id = 0;
  struct
  {
    VigilOverrideKind kind;
    const char *on;
    const char *by;
  } steps[] = {
    { VIGIL_OVERRIDE_INCLUDE, "2026-10-01", "DS Early Synth" },
    { VIGIL_OVERRIDE_EXCLUDE, "2026-10-20", "DI Later Synth" },
    /* recorded last, but decided earlier: not the latest judgement */
    { VIGIL_OVERRIDE_INCLUDE, "2026-10-10", "DS Backdated Synth" },
  };

  a = add_person (store, "ALPHA-SYNTH", "Sample", "SYN-P0000010", NULL, NULL);
  b = add_person (store, "BRAVO-SYNTH", "Sample", "SYN-P0000011", NULL, NULL);
  c = add_person (store, "CHARLIE-SYNTH", "Sample", "SYN-P0000012", NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autoptr(VigilDecision) decision = NULL;
      VigilOverride override = {
        .person_id = a, .kind = steps[i].kind, .decided_by = steps[i].by, .decided_role = "Chair",
        .decided_on = steps[i].on, .rationale = "Synthetic rationale",
      };

      decision = vigil_cohort_decide_override (store, &override, &error);
      g_assert_no_error (error);
      if (i == 1)
        latest_id = decision->record.id;
    }
  {
    g_autoptr(VigilDecision) decision = NULL;
    VigilOverride override = {
      .person_id = b, .kind = VIGIL_OVERRIDE_INCLUDE, .decided_by = "DS Bravo Synth",
      .decided_role = "Chair", .decided_on = "2026-09-01", .rationale = "Synthetic rationale",
    };

    decision = vigil_cohort_decide_override (store, &override, &error);
    g_assert_no_error (error);
  }
  {
    /* decisions of other kinds are not judgements */
    g_autoptr(VigilDecision) assessment = vigil_decision_new ();

    assessment->person_id = c;
    assessment->kind = g_strdup ("assessment");
    assessment->decided_by = g_strdup ("DI Synth");
    assessment->decided_on = g_strdup ("2026-10-01");
    assessment->rationale = g_strdup ("Synthetic");
    insert_record (store, &vigil_decision_type, assessment);
  }

  /* a page of a ranking: a, c and many people without a judgement (three statements,
   * the last one padded) */
  g_array_append_val (ids, a);
  for (gint64 id = 1000; id < 1250; id++)
    g_array_append_val (ids, id);
  g_array_append_val (ids, c);

  page = vigil_cohort_get_judgements (store, (const gint64 *) ids->data, ids->len, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (page), ==, 1);
  judgement = g_hash_table_lookup (page, &a);
  g_assert_nonnull (judgement);
  g_assert_cmpint (judgement->person_id, ==, a);
  g_assert_cmpint (judgement->decision_id, ==, latest_id);
  g_assert_cmpint (judgement->kind, ==, VIGIL_OVERRIDE_EXCLUDE);
  g_assert_cmpstr (judgement->decided_by, ==, "DI Later Synth");
  g_assert_cmpstr (judgement->decided_role, ==, "Chair");
  g_assert_cmpstr (judgement->decided_on, ==, "2026-10-20");
  g_assert_cmpstr (judgement->rationale, ==, "Synthetic rationale");
  g_assert_true (g_str_has_prefix (judgement->outcome, "Not scored"));
  summary = vigil_judgement_dup_summary (judgement);
  g_assert_cmpstr (summary, ==, "excluded by DI Later Synth");
  g_assert_null (g_hash_table_lookup (page, &c));

  all = vigil_cohort_get_judgements (store, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (all), ==, 2);
  judgement = g_hash_table_lookup (all, &b);
  g_assert_nonnull (judgement);
  g_assert_cmpint (judgement->kind, ==, VIGIL_OVERRIDE_INCLUDE);
  g_clear_pointer (&summary, g_free);
  summary = vigil_judgement_dup_summary (judgement);
  g_assert_cmpstr (summary, ==, "included by DS Bravo Synth");
  g_assert_cmpint (((VigilJudgement *) g_hash_table_lookup (all, &a))->decision_id, ==, latest_id);
}

/* ------------------------------------------------------------------------------------
 * Duplicates
 * ------------------------------------------------------------------------------------ */

typedef struct
{
  gint64 keep;       /* SYN-P0000100: no dob, no PNC */
  gint64 gone;       /* SYN-P0000200: a record in every table that names a person */
  gint64 victim;
  gint64 third;      /* another possible duplicate of gone */
  gint64 tombstone;  /* merged into gone before */
  gint64 duplicate;  /* the pair keep / gone */
  gint64 reverse;    /* the same pair, the other way round, another reason */
  gint64 with_third; /* gone / third */
} Family;

/* Every column of the schema that references person.id, as the test sees them. */
static const struct
{
  const char *table;
  const char *column;
} person_references[] = {
  { "person_alias", "person_id" },
  { "incident", "perpetrator_id" },
  { "incident", "victim_id" },
  { "agency_flag", "person_id" },
  { "score", "person_id" },
  { "cohort_entry", "person_id" },
  { "decision", "person_id" },
  { "process_overlap", "person_id" },
  { "agency_section", "person_id" },
  { "victim_link", "perpetrator_id" },
  { "victim_link", "victim_id" },
  { "plan", "person_id" },
  { "agenda_item", "person_id" },
  { "panel_action", "person_id" },
  { "outcome_observation", "person_id" },
  { "outcome_observation", "victim_id" },
  { "person_duplicate", "person_id" },
  { "person_duplicate", "other_person_id" },
  { "person", "merged_into" },
};

/* The list above is the schema's: a new table naming a person fails here until the
 * merge (and this test) learn about it. */
static void
check_reference_list_is_complete (VigilStore *store)
{
  static const GType types[] = { G_TYPE_STRING, G_TYPE_STRING, G_TYPE_NONE };
  g_autoptr(GError) error = NULL;
  g_autoptr(GdaDataModel) model = NULL;
  int n;

  if (vigil_store_get_engine (store) == VIGIL_ENGINE_SQLITE)
    model = vigil_store_query (store,
                               "SELECT m.name, f.\"from\" FROM sqlite_master m, pragma_foreign_key_list(m.name) f "
                               "WHERE m.type = 'table' AND f.\"table\" = 'person'",
                               NULL, 0, types, &error);
  else
    model = vigil_store_query (store,
                               "SELECT k.table_name::text, k.column_name::text"
                               " FROM information_schema.referential_constraints r"
                               " JOIN information_schema.key_column_usage k ON k.constraint_name = r.constraint_name"
                               " JOIN information_schema.constraint_column_usage u ON u.constraint_name = r.unique_constraint_name"
                               " WHERE u.table_name = 'person' AND k.table_schema = current_schema()",
                               NULL, 0, types, &error);
  g_assert_no_error (error);

  n = gda_data_model_get_n_rows (model);
  g_assert_cmpint (n, ==, G_N_ELEMENTS (person_references));
  for (int row = 0; row < n; row++)
    {
      const char *table = g_value_get_string (gda_data_model_get_value_at (model, 0, row, NULL));
      const char *column = g_value_get_string (gda_data_model_get_value_at (model, 1, row, NULL));
      gboolean known = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (person_references); i++)
        known |= g_str_equal (person_references[i].table, table) && g_str_equal (person_references[i].column, column);
      if (!known)
        g_error ("%s.%s references person: teach vigil_duplicates_merge to move it", table, column);
    }
}

static void
build_family (VigilStore *store,
              Family     *family)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilPersonAlias) alias = vigil_person_alias_new ();
  g_autoptr(VigilAgencyFlag) flag = vigil_agency_flag_new ();
  g_autoptr(VigilDecision) decision = vigil_decision_new ();
  g_autoptr(VigilProcessOverlap) overlap = vigil_process_overlap_new ();
  g_autoptr(VigilAgencySection) section = vigil_agency_section_new ();
  g_autoptr(VigilVictimLink) link_as_perpetrator = vigil_victim_link_new ();
  g_autoptr(VigilVictimLink) link_as_victim = vigil_victim_link_new ();
  g_autoptr(VigilPlan) plan = vigil_plan_new ();
  g_autoptr(VigilIntervention) intervention = vigil_intervention_new ();
  g_autoptr(VigilPanelMeeting) meeting = vigil_panel_meeting_new ();
  g_autoptr(VigilAgendaItem) item = vigil_agenda_item_new ();
  g_autoptr(VigilAction) action = vigil_action_new ();
  g_autoptr(VigilOutcomeObservation) observed = vigil_outcome_observation_new ();
  g_autoptr(VigilOutcomeObservation) as_victim = vigil_outcome_observation_new ();
  gint64 tomb_pair;

  family->keep = add_person (store, "MERGEWELL-SYNTH", "Sample", "SYN-P0000100", NULL, NULL);
  family->gone = add_person (store, "MERGEWELL-SYNTH", "Sam", "SYN-P0000200", "1979-05-06", "79/000456M");
  family->victim = add_person (store, "VICTIM-SYNTH", "Sample", "SYN-V0000001", NULL, NULL);
  family->third = add_person (store, "THIRD-SYNTH", "Sample", "SYN-P0000300", NULL, "79/000456M");
  family->tombstone = add_person (store, "MERGEWELL-SYNTH", "Samuel", "SYN-P0000050", NULL, NULL);

  add_incident (store, "SYN-I0000001", family->keep, family->victim);
  add_incident (store, "SYN-I0000002", family->gone, family->victim);
  add_incident (store, "SYN-I0000003", family->gone, family->victim);
  add_incident (store, "SYN-I0000004", family->victim, family->gone);
  add_incident (store, "SYN-I0000005", family->tombstone, family->victim);

  /* an earlier merge: the tombstone now names gone */
  tomb_pair = add_duplicate (store, family->tombstone, family->gone, "same_name_dob");
  vigil_duplicates_merge (store, tomb_pair, family->gone, "DS Merge Synth", "Same person, older record", &error);
  g_assert_no_error (error);
  g_assert_cmpint (merged_into (store, family->tombstone), ==, family->gone);

  alias->person_id = family->gone;
  alias->alias = g_strdup ("Sammy");
  alias->alias_kind = g_strdup ("nickname");
  insert_record (store, &vigil_person_alias_type, alias);

  flag->person_id = family->gone;
  flag->agency = g_strdup ("housing");
  flag->concern = g_strdup ("Neighbour reports shouting and threats");
  insert_record (store, &vigil_agency_flag_type, flag);

  add_entry (store, family->gone, "exited", "rfgv");
  add_entry (store, family->gone, "under_review", "stalking_referral");

  decision->person_id = family->gone;
  decision->kind = g_strdup ("assessment");
  decision->decided_by = g_strdup ("DI Synth");
  decision->decided_on = g_strdup ("2026-08-02");
  decision->rationale = g_strdup ("Synthetic assessment");
  insert_record (store, &vigil_decision_type, decision);

  overlap->person_id = family->gone;
  overlap->process = g_strdup ("marac");
  overlap->status = g_strdup ("active");
  insert_record (store, &vigil_process_overlap_type, overlap);

  section->person_id = family->gone;
  section->agency = g_strdup ("probation");
  section->body = g_strdup ("Synthetic probation summary");
  insert_record (store, &vigil_agency_section_type, section);

  link_as_perpetrator->perpetrator_id = family->gone;
  link_as_perpetrator->victim_id = family->victim;
  insert_record (store, &vigil_victim_link_type, link_as_perpetrator);
  link_as_victim->perpetrator_id = family->victim;
  link_as_victim->victim_id = family->gone;
  insert_record (store, &vigil_victim_link_type, link_as_victim);

  plan->person_id = family->gone;
  plan->objectives = g_strdup ("Synthetic objectives");
  insert_record (store, &vigil_plan_type, plan);
  intervention->plan_id = plan->record.id;
  intervention->option_code = g_strdup ("dvpo");
  intervention->status = g_strdup ("agreed");
  insert_record (store, &vigil_intervention_type, intervention);

  meeting->title = g_strdup ("Synthshire MATAC");
  meeting->meets_at = g_strdup ("2026-09-01T10:00");
  insert_record (store, &vigil_panel_meeting_type, meeting);
  item->meeting_id = meeting->record.id;
  item->person_id = family->gone;
  insert_record (store, &vigil_agenda_item_type, item);
  action->meeting_id = meeting->record.id;
  action->person_id = family->gone;
  action->description = g_strdup ("Synthetic action");
  action->status = g_strdup ("open");
  insert_record (store, &vigil_action_type, action);

  observed->person_id = family->gone;
  observed->observed_on = g_strdup ("2026-09-10");
  observed->source = g_strdup ("idva_rated");
  observed->measure = g_strdup ("risk_level");
  insert_record (store, &vigil_outcome_observation_type, observed);
  as_victim->person_id = family->victim;
  as_victim->victim_id = family->gone;
  as_victim->observed_on = g_strdup ("2026-09-10");
  as_victim->source = g_strdup ("victim_reported");
  as_victim->measure = g_strdup ("feels_safe");
  insert_record (store, &vigil_outcome_observation_type, as_victim);

  add_run (store, "2026-11-01", 4, family->gone, 1, 20);

  family->duplicate = add_duplicate (store, family->gone, family->keep, "same_name_dob");
  family->reverse = add_duplicate (store, family->keep, family->gone, "same_pnc");
  family->with_third = add_duplicate (store, family->third, family->gone, "same_pnc");
}

static void
test_merge (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) store = vigil_test_open_store ();
  g_autoptr(VigilPerson) kept = NULL;
  g_autoptr(VigilPerson) tombstone = NULL;
  g_autoptr(VigilPersonDuplicate) decided = NULL;
  g_autoptr(VigilPersonDuplicate) reverse = NULL;
  g_autoptr(VigilPersonDuplicate) with_third = NULL;
  g_autoptr(GPtrArray) aliases = NULL;
  g_autoptr(GPtrArray) listed = NULL;
  g_autoptr(GPtrArray) people = NULL;
  g_autofree char *day = today ();
  gint64 generation, n_rows = 0;
  Family family;
  gboolean has_name = FALSE, has_ref = FALSE, has_nickname = FALSE;

  build_family (store, &family);
  check_reference_list_is_complete (store);

  /* the family has a row in every table that names a person */
  for (guint i = 0; i < G_N_ELEMENTS (person_references); i++)
    {
      g_test_message ("before: %s.%s", person_references[i].table, person_references[i].column);
      g_assert_cmpint (count_where (store, person_references[i].table, person_references[i].column, family.gone), >, 0);
    }

  listed = vigil_duplicates_list (store, "open", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 3);
  {
    VigilDuplicate *first = g_ptr_array_index (listed, 0);
    g_autofree char *name = vigil_duplicate_person_dup_name (&first->person);

    g_assert_cmpint (first->id, ==, family.duplicate);
    g_assert_cmpstr (first->reason, ==, "same_name_dob");
    g_assert_cmpstr (first->status, ==, "open");
    g_assert_cmpstr (name, ==, "MERGEWELL-SYNTH, Sam");
    g_assert_cmpstr (first->person.local_ref, ==, "SYN-P0000200");
    g_assert_cmpstr (first->person.dob, ==, "1979-05-06");
    g_assert_cmpstr (first->person.pnc_id, ==, "79/000456M");
    g_assert_cmpint (first->person.incidents_as_perpetrator, ==, 3); /* two + the tombstone's */
    g_assert_cmpint (first->person.incidents_as_victim, ==, 1);
    g_assert_cmpint (first->other.person_id, ==, family.keep);
    g_assert_cmpint (first->other.incidents_as_perpetrator, ==, 1);
    g_assert_null (first->other.dob);
  }
  g_clear_pointer (&listed, g_ptr_array_unref);

  /* keep someone outside the pair: refused */
  g_assert_false (vigil_duplicates_merge (store, family.duplicate, family.victim, "DS Merge Synth", "Wrong", &error));
  g_assert_error (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (vigil_duplicates_merge (store, family.duplicate, family.keep, "DS Merge Synth", "", &error));
  g_assert_error (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_INVALID);
  g_clear_error (&error);

  generation = vigil_store_get_facts_generation (store, &error);
  g_assert_no_error (error);

  g_assert_true (vigil_duplicates_merge (store, family.duplicate, family.keep, "DS Merge Synth",
                                         "Same DOB, PNC and address history", &error));
  g_assert_no_error (error);

  /* nothing names the merged person any more but the decided pair */
  for (guint i = 0; i < G_N_ELEMENTS (person_references); i++)
    {
      g_autofree char *sql = NULL;

      if (g_str_equal (person_references[i].table, "person_duplicate"))
        sql = g_strdup_printf ("SELECT COUNT(*) FROM person_duplicate WHERE %s = %" G_GINT64_FORMAT
                               " AND NOT (person_id IN (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT ")"
                               " AND other_person_id IN (%" G_GINT64_FORMAT ", %" G_GINT64_FORMAT "))",
                               person_references[i].column, family.gone, family.keep, family.gone,
                               family.keep, family.gone);
      else
        sql = g_strdup_printf ("SELECT COUNT(*) FROM %s WHERE %s = %" G_GINT64_FORMAT,
                               person_references[i].table, person_references[i].column, family.gone);
      g_test_message ("after: %s.%s", person_references[i].table, person_references[i].column);
      g_assert_cmpint (count (store, sql), ==, 0);
    }

  /* ... and the kept person has it all */
  g_assert_cmpint (count_where (store, "incident", "perpetrator_id", family.keep), ==, 4); /* its own, two, the tombstone’s */
  g_assert_cmpint (count_where (store, "incident", "victim_id", family.keep), ==, 1);
  g_assert_cmpint (count_where (store, "agency_flag", "person_id", family.keep), ==, 1);
  g_assert_cmpint (count_where (store, "cohort_entry", "person_id", family.keep), ==, 2);
  g_assert_cmpint (count_where (store, "decision", "person_id", family.keep), ==, 1);
  g_assert_cmpint (count_where (store, "victim_link", "perpetrator_id", family.keep), ==, 1);
  g_assert_cmpint (count_where (store, "victim_link", "victim_id", family.keep), ==, 1);
  g_assert_cmpint (count_where (store, "plan", "person_id", family.keep), ==, 1);
  g_assert_cmpint (count_where (store, "outcome_observation", "victim_id", family.keep), ==, 1);
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM incident WHERE rev = 2"), ==, 3);

  /* merged scores go; the run stays */
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM score"), ==, 0);
  g_assert_cmpint (count (store, "SELECT COUNT(*) FROM score_run"), ==, 1);

  /* name, reference and nickname of the merged person find the kept one */
  aliases = vigil_store_list (store, &vigil_person_alias_type, "person_id", family.keep, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < aliases->len; i++)
    {
      VigilPersonAlias *alias = g_ptr_array_index (aliases, i);

      has_name |= g_str_equal (alias->alias, "MERGEWELL-SYNTH, Sam") && g_strcmp0 (alias->alias_kind, "name") == 0;
      has_ref |= g_str_equal (alias->alias, "SYN-P0000200");
      has_nickname |= g_str_equal (alias->alias, "Sammy");
    }
  g_assert_true (has_name && has_ref && has_nickname);

  kept = vigil_store_fetch (store, &vigil_person_type, family.keep, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (kept->dob, ==, "1979-05-06");
  g_assert_cmpstr (kept->pnc_id, ==, "79/000456M");
  g_assert_cmpstr (kept->forenames, ==, "Sample");

  /* the tombstone stays, and both old references lead to the kept person */
  tombstone = vigil_store_fetch (store, &vigil_person_type, family.gone, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (tombstone->local_ref, ==, "SYN-P0000200");
  g_assert_cmpint (merged_into (store, family.gone), ==, family.keep);
  g_assert_cmpint (merged_into (store, family.tombstone), ==, family.keep);
  g_assert_cmpint (vigil_cohort_find_person (store, "SYN-P0000200", &error), ==, family.keep);
  g_assert_no_error (error);
  g_assert_cmpint (vigil_cohort_find_person (store, "SYN-P0000050", &error), ==, family.keep);
  g_assert_no_error (error);

  /* the cohort list shows the kept person once, found by the old reference too */
  people = vigil_people_list (store, "SYN-P0000200", 0, 10, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, 1);
  g_assert_cmpint (((VigilPersonSummary *) g_ptr_array_index (people, 0))->person_id, ==, family.keep);
  g_assert_cmpint (vigil_people_count (store, "MERGEWELL", &error), ==, 1);
  g_assert_no_error (error);

  /* the decision, on the pair and in the audit log */
  decided = vigil_store_fetch (store, &vigil_person_duplicate_type, family.duplicate, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (decided->status, ==, "merged");
  g_assert_cmpstr (decided->decided_by, ==, "DS Merge Synth");
  g_assert_cmpstr (decided->decided_on, ==, day);
  g_assert_cmpstr (decided->rationale, ==, "Same DOB, PNC and address history");
  reverse = vigil_store_fetch (store, &vigil_person_duplicate_type, family.reverse, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (reverse->status, ==, "merged");
  with_third = vigil_store_fetch (store, &vigil_person_duplicate_type, family.with_third, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (with_third->status, ==, "open");
  g_assert_cmpint (with_third->person_id, ==, family.third);
  g_assert_cmpint (with_third->other_person_id, ==, family.keep);

  g_assert_true (audit_has (store, family.gone, "merge", "person"));
  g_assert_true (audit_has (store, family.keep, "merge", "person"));
  g_assert_true (audit_has (store, family.keep, "update", "incident"));
  g_assert_true (audit_has (store, family.keep, "update", "person"));
  g_assert_true (vigil_audit_verify (store, &n_rows, &error));
  g_assert_no_error (error);
  g_assert_cmpint (vigil_store_get_facts_generation (store, NULL), >, generation);

  /* deciding twice is refused, either way */
  g_assert_false (vigil_duplicates_merge (store, family.duplicate, family.keep, "DS Other Synth", "Again", &error));
  g_assert_error (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_DECIDED);
  g_assert_nonnull (strstr (error->message, "DS Merge Synth"));
  g_clear_error (&error);
  g_assert_false (vigil_duplicates_keep_apart (store, family.duplicate, "DS Other Synth", "Again", &error));
  g_assert_error (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_DECIDED);
  g_clear_error (&error);

  listed = vigil_duplicates_list (store, "merged", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 3); /* the earlier merge, the pair, the reverse row */
  g_clear_pointer (&listed, g_ptr_array_unref);
  listed = vigil_duplicates_list (store, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (listed->len, ==, 4);
  g_clear_pointer (&listed, g_ptr_array_unref);
  g_assert_null (vigil_duplicates_list (store, "maybe", &error));
  g_assert_error (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_INVALID);
  g_clear_error (&error);

  /* a tombstone takes no new decisions */
  {
    VigilOverride override = {
      .person_id = family.gone, .kind = VIGIL_OVERRIDE_INCLUDE, .decided_by = "DI Synth",
      .decided_role = "Chair", .rationale = "Synthetic",
    };

    g_assert_null (vigil_cohort_decide_override (store, &override, &error));
    g_assert_error (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_MERGED);
    g_clear_error (&error);
  }
}

static void
test_keep_apart (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) store = vigil_test_open_store ();
  g_autoptr(VigilPersonDuplicate) decided = NULL;
  g_autofree char *day = today ();
  gint64 a, b, duplicate;

  a = add_person (store, "TWIN-SYNTH", "Alex", "SYN-P0000401", "1990-01-01", NULL);
  b = add_person (store, "TWIN-SYNTH", "Alex", "SYN-P0000402", "1990-01-01", NULL);
  duplicate = add_duplicate (store, b, a, "same_name_dob");

  g_assert_false (vigil_duplicates_keep_apart (store, duplicate, "DS Synth", "   ", &error));
  g_assert_error (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_false (vigil_duplicates_keep_apart (store, 4242, "DS Synth", "No such pair", &error));
  g_assert_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_true (vigil_duplicates_keep_apart (store, duplicate, "DS Synth", "Twins: different PNC records on the PND", &error));
  g_assert_no_error (error);
  decided = vigil_store_fetch (store, &vigil_person_duplicate_type, duplicate, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (decided->status, ==, "kept_apart");
  g_assert_cmpstr (decided->decided_by, ==, "DS Synth");
  g_assert_cmpstr (decided->decided_on, ==, day);
  g_assert_cmpstr (decided->rationale, ==, "Twins: different PNC records on the PND");
  g_assert_cmpint (decided->record.rev, ==, 2);
  g_assert_true (audit_has (store, b, "update", "person_duplicate"));
  g_assert_cmpint (merged_into (store, a), ==, 0);
  g_assert_cmpint (merged_into (store, b), ==, 0);

  g_assert_false (vigil_duplicates_keep_apart (store, duplicate, "DS Synth", "Again", &error));
  g_assert_error (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_DECIDED);
  g_clear_error (&error);
  g_assert_false (vigil_duplicates_merge (store, duplicate, a, "DS Synth", "Changed my mind", &error));
  g_assert_error (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_DECIDED);
  g_assert_nonnull (strstr (error->message, "kept apart"));
  g_clear_error (&error);
}

/* Everything the store holds, as text. */
static char *
dump_store (VigilStore *store)
{
  static const char * const extra[] = { "audit", "audit_head", "vigil_meta" };
  g_autoptr(GPtrArray) tables = g_ptr_array_new ();
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; vigil_record_types[i] != NULL; i++)
    g_ptr_array_add (tables, (gpointer) vigil_record_types[i]->table);
  for (guint i = 0; i < G_N_ELEMENTS (extra); i++)
    g_ptr_array_add (tables, (gpointer) extra[i]);

  for (guint i = 0; i < tables->len; i++)
    {
      const char *table = g_ptr_array_index (tables, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(GdaDataModel) model = NULL;
      g_autofree char *sql = g_strdup_printf ("SELECT * FROM %s ORDER BY 1", table);
      g_autofree char *dump = NULL;

      model = vigil_store_query (store, sql, NULL, 0, NULL, &error);
      g_assert_no_error (error);
      dump = gda_data_model_dump_as_string (model);
      g_string_append_printf (text, "== %s\n%s", table, dump);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Makes the store refuse to mark a person as merged, below Vigil, with the engine's
 * own client library: the merge then fails after moving most references. */
static void
install_failing_trigger (VigilStore *store)
{
  const VigilLocation *location = vigil_store_get_location (store);

  if (vigil_store_get_engine (store) == VIGIL_ENGINE_SQLITE)
    {
      sqlite3 *db = NULL;
      char *message = NULL;

      g_assert_cmpint (sqlite3_open (location->path, &db), ==, SQLITE_OK);
      if (sqlite3_exec (db,
                        "CREATE TRIGGER vigil_test_refuse_merge BEFORE UPDATE OF merged_into ON person "
                        "WHEN NEW.merged_into IS NOT NULL BEGIN SELECT RAISE(ABORT, 'refused by the test'); END",
                        NULL, NULL, &message) != SQLITE_OK)
        g_error ("Could not create the trigger: %s", message);
      sqlite3_close (db);
    }
  else
    {
      PGconn *cnc = PQconnectdb (g_getenv ("VIGIL_TEST_PG_URI"));
      static const char * const statements[] = {
        "CREATE FUNCTION vigil_test_refuse_merge () RETURNS trigger LANGUAGE plpgsql AS "
        "$$ BEGIN RAISE EXCEPTION 'refused by the test'; END $$",
        "CREATE TRIGGER vigil_test_refuse_merge BEFORE UPDATE OF merged_into ON person FOR EACH ROW "
        "WHEN (NEW.merged_into IS NOT NULL) EXECUTE FUNCTION vigil_test_refuse_merge ()",
      };

      g_assert_cmpint (PQstatus (cnc), ==, CONNECTION_OK);
      for (guint i = 0; i < G_N_ELEMENTS (statements); i++)
        {
          PGresult *result = PQexec (cnc, statements[i]);

          if (PQresultStatus (result) != PGRES_COMMAND_OK)
            g_error ("Could not create the trigger: %s", PQerrorMessage (cnc));
          PQclear (result);
        }
      PQfinish (cnc);
    }
}

static void
test_merge_refused_and_rolled_back (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) store = vigil_test_open_store ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *after_refusal = NULL;
  Family family;
  gint64 in_cohort;

  build_family (store, &family);

  /* both people in the cohort: one entry must be exited first */
  in_cohort = add_entry (store, family.keep, "managed", "rfgv");
  before = dump_store (store);
  g_assert_false (vigil_duplicates_merge (store, family.duplicate, family.keep, "DS Synth", "Same person", &error));
  g_assert_error (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_OPEN_ENTRY);
  g_assert_nonnull (strstr (error->message, "Managed"));
  g_assert_nonnull (strstr (error->message, "Under review"));
  g_clear_error (&error);
  after_refusal = dump_store (store);
  g_assert_cmpstr (after_refusal, ==, before);

  /* a failure half-way through undoes every step */
  {
    g_autoptr(VigilCohortEntry) entry = vigil_store_fetch (store, &vigil_cohort_entry_type, in_cohort, &error);

    g_assert_no_error (error);
    g_assert_true (vigil_store_delete (store, &vigil_cohort_entry_type, entry, &error));
    g_assert_no_error (error);
  }
  install_failing_trigger (store);
  g_clear_pointer (&before, g_free);
  before = dump_store (store);

  g_assert_false (vigil_duplicates_merge (store, family.duplicate, family.keep, "DS Synth", "Same person", &error));
  g_assert_nonnull (error);
  g_test_message ("merge failed as intended: %s", error->message);
  g_clear_error (&error);

  after = dump_store (store);
  g_assert_cmpstr (after, ==, before);
  g_assert_cmpint (count_where (store, "incident", "perpetrator_id", family.gone), ==, 3);
  g_assert_cmpint (merged_into (store, family.gone), ==, 0);
}

/* ------------------------------------------------------------------------------------
 * The _async pairs: each on a worker, its callback on this thread's main context
 * ------------------------------------------------------------------------------------ */

static void
call_done_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  GAsyncResult **out = user_data;

  g_assert_true (g_main_context_is_owner (g_main_context_default ()));
  *out = g_object_ref (result);
}

/* Iterates the main context until the callback has fired; returns its result. */
static GAsyncResult *
wait_for_result (GAsyncResult **slot)
{
  gint64 deadline = g_get_monotonic_time () + 120 * G_USEC_PER_SEC;

  while (*slot == NULL)
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_main_context_iteration (NULL, TRUE);
    }
  return g_steal_pointer (slot);
}

static void
test_async (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) store = vigil_test_open_store ();
  g_autoptr(VigilImportBatch) batch = vigil_import_batch_new ();
  GAsyncResult *slot = NULL;
  gint64 low, managed, golf_old, golf_new, hotel_old, hotel_new, pnc_pair, name_pair;
  VigilOverride override = {
    .kind = VIGIL_OVERRIDE_INCLUDE, .decided_by = "DI Synthia Example",
    .decided_role = "MATAC senior decision-maker", .decided_on = "2026-11-03",
    .rationale = "Synthetic test: escalation reported by the IDVA",
  };

  low = add_person (store, "LOWRANK-SYNTH", "Sample", "SYN-A0000001", "1980-02-03", NULL);
  managed = add_person (store, "MANAGED-SYNTH", "Sample", "SYN-A0000002", NULL, NULL);
  add_run (store, "2026-11-01", 400, low, 12, 7);
  add_entry (store, managed, "managed", "rfgv");

  /* the judgement dialog's read: the person, the score, no entry, no judgement yet */
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(VigilJudgementContext) context = NULL;

    vigil_cohort_load_judgement_context_async (store, low, NULL, call_done_cb, &slot);
    result = wait_for_result (&slot);
    context = vigil_cohort_load_judgement_context_finish (store, result, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (context->person->surname, ==, "LOWRANK-SYNTH");
    g_assert_cmpstr (context->score, ==, "Ranked 12 of 400, total 7 (run 1, as of 2026-11-01)");
    g_assert_null (context->open_entry);
    g_assert_null (context->judgement);
  }

  /* a decision recorded off the main thread; the copy of the override is the worker's */
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(VigilDecision) decision = NULL;
    g_autofree char *rationale = g_strdup (override.rationale);

    override.person_id = low;
    override.rationale = rationale;
    vigil_cohort_decide_override_async (store, &override, NULL, call_done_cb, &slot);
    rationale[0] = 'X';
    result = wait_for_result (&slot);
    decision = vigil_cohort_decide_override_finish (store, result, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (decision->kind, ==, "override_include");
    g_assert_cmpstr (decision->rationale, ==, "Synthetic test: escalation reported by the IDVA");
    override.rationale = "Synthetic test: escalation reported by the IDVA";
  }

  /* the next read shows the entry and the judgement */
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(VigilJudgementContext) context = NULL;

    vigil_cohort_load_judgement_context_async (store, low, NULL, call_done_cb, &slot);
    result = wait_for_result (&slot);
    context = vigil_cohort_load_judgement_context_finish (store, result, &error);
    g_assert_no_error (error);
    g_assert_nonnull (context->open_entry);
    g_assert_cmpstr (context->open_entry->route, ==, "professional_judgement");
    g_assert_nonnull (context->judgement);
    g_assert_cmpstr (context->judgement->decided_by, ==, "DI Synthia Example");
  }

  /* a refusal comes back as the synchronous call's error; nothing changes */
  {
    g_autoptr(GAsyncResult) result = NULL;
    VigilOverride exclude = override;

    exclude.person_id = managed;
    exclude.kind = VIGIL_OVERRIDE_EXCLUDE;
    vigil_cohort_decide_override_async (store, &exclude, NULL, call_done_cb, &slot);
    result = wait_for_result (&slot);
    g_assert_null (vigil_cohort_decide_override_finish (store, result, &error));
    g_assert_error (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_MANAGED);
    g_clear_error (&error);
    g_assert_cmpint (count (store, "SELECT COUNT(*) FROM decision WHERE kind = 'override_exclude'"), ==, 0);
  }

  /* an unknown person cannot be read */
  {
    g_autoptr(GAsyncResult) result = NULL;

    vigil_cohort_load_judgement_context_async (store, 987654, NULL, call_done_cb, &slot);
    result = wait_for_result (&slot);
    g_assert_null (vigil_cohort_load_judgement_context_finish (store, result, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
  }

  /* cancelled calls finish cancelled; a cancelled save records nothing */
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GAsyncResult) saved = NULL;
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();
    gint64 before = count (store, "SELECT COUNT(*) FROM decision");
    VigilOverride again = override;

    g_cancellable_cancel (cancellable);
    vigil_cohort_load_judgement_context_async (store, low, cancellable, call_done_cb, &slot);
    result = wait_for_result (&slot);
    g_assert_null (vigil_cohort_load_judgement_context_finish (store, result, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_clear_error (&error);

    again.person_id = managed;
    again.kind = VIGIL_OVERRIDE_INCLUDE;
    vigil_cohort_decide_override_async (store, &again, cancellable, call_done_cb, &slot);
    saved = wait_for_result (&slot);
    g_assert_null (vigil_cohort_decide_override_finish (store, saved, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_clear_error (&error);
    g_assert_cmpint (count (store, "SELECT COUNT(*) FROM decision"), ==, before);
  }

  /* a referral of a new person, and one refused because the entry is open */
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(VigilCohortEntry) entry = NULL;
    g_autofree char *surname = g_strdup ("REFERRED-SYNTH");
    VigilReferral referral = {
      .surname = surname, .forenames = "Sample", .local_ref = "SYN-A0000003",
      .route = "stalking_referral", .source = "Stalking clinic",
      .reason = "Synthetic test: unwanted contact", .referred_on = "2026-11-02",
    };

    vigil_cohort_refer_async (store, &referral, NULL, call_done_cb, &slot);
    surname[0] = 'X';
    result = wait_for_result (&slot);
    entry = vigil_cohort_refer_finish (store, result, &error);
    g_assert_no_error (error);
    g_assert_cmpstr (entry->route, ==, "stalking_referral");
    g_assert_cmpstr (entry->referral_source, ==, "Stalking clinic");
    g_assert_cmpint (count (store, "SELECT COUNT(*) FROM person WHERE surname = 'REFERRED-SYNTH'"), ==, 1);
  }
  {
    g_autoptr(GAsyncResult) result = NULL;
    VigilReferral referral = {
      .person_id = managed, .route = "agency_referral", .source = "Housing",
      .reason = "Synthetic test: a second referral",
    };

    vigil_cohort_refer_async (store, &referral, NULL, call_done_cb, &slot);
    result = wait_for_result (&slot);
    g_assert_null (vigil_cohort_refer_finish (store, result, &error));
    g_assert_error (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_OPEN_ENTRY);
    g_clear_error (&error);
  }

  /* possible duplicates: listed with the import that found them, kept apart, merged */
  golf_old = add_person (store, "DUPLISS-SYNTH", "Golf", "SYN-A0000010", "1979-05-06", "99/123456Z");
  golf_new = add_person (store, "DUPLISS-SYNTH", "Golf", "SYN-A0000011", NULL, "99/123456Z");
  hotel_old = add_person (store, "TWINNING-SYNTH", "Hotel", "SYN-A0000012", "1988-08-08", NULL);
  hotel_new = add_person (store, "TWINNING-SYNTH", "Hotel", "SYN-A0000013", "1988-08-08", NULL);
  add_incident (store, "SYN-INC-A1", golf_new, 0);
  batch->file_name = g_strdup ("synthetic-extract.csv");
  batch->kind = g_strdup ("incidents");
  batch->status = g_strdup ("complete");
  batch->started_at = g_strdup ("2026-11-01T10:00:00Z");
  insert_record (store, &vigil_import_batch_type, batch);
  pnc_pair = add_duplicate (store, golf_new, golf_old, "same_pnc");
  {
    g_autofree char *sql = g_strdup_printf ("UPDATE person_duplicate SET batch_id = %" G_GINT64_FORMAT
                                            " WHERE id = %" G_GINT64_FORMAT, batch->record.id, pnc_pair);

    g_assert_true (vigil_store_execute (store, sql, NULL, 0, NULL, &error));
    g_assert_no_error (error);
  }
  name_pair = add_duplicate (store, hotel_new, hotel_old, "same_name_dob");
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GPtrArray) duplicates = NULL;
    const VigilDuplicate *first, *second;

    vigil_duplicates_list_async (store, "open", NULL, call_done_cb, &slot);
    result = wait_for_result (&slot);
    duplicates = vigil_duplicates_list_finish (store, result, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (duplicates->len, ==, 2);
    first = g_ptr_array_index (duplicates, 0);
    second = g_ptr_array_index (duplicates, 1);
    g_assert_cmpint (first->id, ==, pnc_pair);
    g_assert_cmpint (first->batch_id, ==, batch->record.id);
    g_assert_cmpstr (first->batch_file_name, ==, "synthetic-extract.csv");
    g_assert_cmpint (first->person.incidents_as_perpetrator, ==, 1);
    g_assert_cmpint (second->id, ==, name_pair);
    g_assert_null (second->batch_file_name);
  }
  {
    g_autoptr(GAsyncResult) result = NULL;

    vigil_duplicates_keep_apart_async (store, name_pair, "DS Synthetic Reviewer", "Synthetic test: twins",
                                       NULL, call_done_cb, &slot);
    result = wait_for_result (&slot);
    g_assert_true (vigil_duplicates_keep_apart_finish (store, result, &error));
    g_assert_no_error (error);
    g_assert_cmpint (count (store, "SELECT COUNT(*) FROM person_duplicate WHERE status = 'kept_apart'"), ==, 1);
  }
  {
    g_autoptr(GAsyncResult) result = NULL;

    /* decided already: refused */
    vigil_duplicates_keep_apart_async (store, name_pair, "DS Synthetic Reviewer", "Synthetic test: again",
                                       NULL, call_done_cb, &slot);
    result = wait_for_result (&slot);
    g_assert_false (vigil_duplicates_keep_apart_finish (store, result, &error));
    g_assert_error (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_DECIDED);
    g_clear_error (&error);
  }
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();

    /* cancelled before it starts: nothing merged */
    g_cancellable_cancel (cancellable);
    vigil_duplicates_merge_async (store, pnc_pair, golf_old, "DS Synthetic Reviewer", "Synthetic test: one person",
                                  cancellable, call_done_cb, &slot);
    result = wait_for_result (&slot);
    g_assert_false (vigil_duplicates_merge_finish (store, result, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_clear_error (&error);
    g_assert_cmpint (merged_into (store, golf_new), ==, 0);
  }
  {
    g_autoptr(GAsyncResult) result = NULL;

    vigil_duplicates_merge_async (store, pnc_pair, golf_old, "DS Synthetic Reviewer", "Synthetic test: one person",
                                  NULL, call_done_cb, &slot);
    result = wait_for_result (&slot);
    g_assert_true (vigil_duplicates_merge_finish (store, result, &error));
    g_assert_no_error (error);
    g_assert_cmpint (merged_into (store, golf_new), ==, golf_old);
    g_assert_cmpint (count_where (store, "incident", "perpetrator_id", golf_old), ==, 1);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  vigil_test_init_engine ();

  g_test_add_func ("/cohort/refer", test_refer);
  g_test_add_func ("/cohort/override", test_override);
  g_test_add_func ("/cohort/judgements", test_judgements);
  g_test_add_func ("/cohort/duplicates/merge", test_merge);
  g_test_add_func ("/cohort/duplicates/keep-apart", test_keep_apart);
  g_test_add_func ("/cohort/duplicates/refused-and-rolled-back", test_merge_refused_and_rolled_back);
  g_test_add_func ("/cohort/async", test_async);

  return g_test_run ();
}
