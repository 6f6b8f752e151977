/* test-casework.c: the status workflow and the saving of a dossier's sections
 *
 * Every allowed and refused move of the workflow; what each move needs (a
 * decision-maker, role and rationale; an exit reason; the managing panel when another
 * process is active) and the decision it records; a refused move changes nothing; a
 * move on an entry changed since it was read is a conflict. Section saves: each
 * casework rule (decisions, other processes, agency information, victim links,
 * outcomes), the audit trail, and a lost update between two connections. Runs on
 * SQLite and on PostgreSQL (tests/pg).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-casework"

#include "config.h"

#include <string.h>

#include "vigil-test-store.h"

typedef struct
{
  VigilStore *store;
  gint64      person;
  gint64      victim;
  gint64      entry;
} Fixture;

static gint64
add_person (VigilStore *store,
            const char *surname,
            const char *ref)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilPerson) person = vigil_person_new ();

  person->surname = g_strdup (surname);
  person->forenames = g_strdup ("Testcase");
  person->local_ref = g_strdup (ref);
  g_assert_true (vigil_store_insert (store, &vigil_person_type, person, &error));
  g_assert_no_error (error);
  return person->record.id;
}

static gint64
add_entry (VigilStore *store,
           gint64      person,
           const char *status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilCohortEntry) entry = vigil_cohort_entry_new ();

  entry->person_id = person;
  entry->status = g_strdup (status);
  entry->route = g_strdup ("rfgv");
  entry->identified_on = g_strdup ("2026-10-01");
  g_assert_true (vigil_store_insert (store, &vigil_cohort_entry_type, entry, &error));
  g_assert_no_error (error);
  return entry->record.id;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  fixture->store = vigil_test_open_store ();
  vigil_store_set_actor (fixture->store, "Test Coordinator (test)");
  fixture->person = add_person (fixture->store, "Casetestson", "SYN-P-C1");
  fixture->victim = add_person (fixture->store, "Victimtestson", "SYN-V-C1");
  fixture->entry = add_entry (fixture->store, fixture->person, "candidate");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
}

static VigilCohortEntry *
fetch_entry (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  VigilCohortEntry *entry = vigil_store_fetch (fixture->store, &vigil_cohort_entry_type, fixture->entry, &error);

  g_assert_no_error (error);
  return entry;
}

static guint
count_decisions (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) decisions = vigil_store_list (fixture->store, &vigil_decision_type, "person_id",
                                                     fixture->person, &error);

  g_assert_no_error (error);
  return decisions->len;
}

static VigilPlan *
add_plan (Fixture    *fixture,
          const char *exit_strategy)
{
  g_autoptr(GError) error = NULL;
  VigilPlan *plan = vigil_plan_new ();

  plan->person_id = fixture->person;
  plan->objectives = g_strdup ("Stop the contact with both victims");
  plan->exit_strategy = g_strdup (exit_strategy);
  plan->scale_back_criteria = g_strdup ("Six months without an incident");
  plan->review_on = g_strdup ("2027-03-01");
  plan->agreed_on = g_strdup ("2026-11-01");
  plan->engagement = g_strdup ("engaging");
  g_assert_true (vigil_casework_save (fixture->store, &vigil_plan_type, plan, &error));
  g_assert_no_error (error);
  return plan;
}

static VigilStatusMove
make_move (Fixture    *fixture,
           const char *status)
{
  VigilStatusMove move = { 0 };

  move.entry_id = fixture->entry;
  move.status = status;
  move.decided_by = "DCI Testcase";
  move.decided_role = "Head of Public Protection";
  move.decided_on = "2026-11-20";
  move.rationale = "Agreed at the test panel";
  return move;
}

static void
test_transitions (void)
{
  /* what the workflow allows, and nothing else */
  g_assert_true (vigil_casework_can_move ("candidate", "under_review"));
  g_assert_true (vigil_casework_can_move ("candidate", "of_concern"));
  g_assert_true (vigil_casework_can_move ("candidate", "managed"));
  g_assert_true (vigil_casework_can_move ("under_review", "managed"));
  g_assert_true (vigil_casework_can_move ("of_concern", "under_review"));
  g_assert_true (vigil_casework_can_move ("managed", "scaling_back"));
  g_assert_true (vigil_casework_can_move ("scaling_back", "managed"));
  g_assert_true (vigil_casework_can_move ("scaling_back", "exited"));
  g_assert_false (vigil_casework_can_move ("managed", "candidate"));
  g_assert_false (vigil_casework_can_move ("managed", "of_concern"));
  g_assert_false (vigil_casework_can_move ("under_review", "candidate"));
  g_assert_false (vigil_casework_can_move ("candidate", "scaling_back"));
  g_assert_false (vigil_casework_can_move ("candidate", "candidate"));
  g_assert_false (vigil_casework_can_move ("exited", "candidate"));
  g_assert_false (vigil_casework_can_move ("exited", "managed"));
  g_assert_false (vigil_casework_can_move ("nonsense", "managed"));
  g_assert_false (vigil_casework_can_move ("candidate", NULL));
  g_assert_null (vigil_casework_next_statuses ("exited")[0]);
  g_assert_cmpstr (vigil_casework_next_statuses ("managed")[0], ==, "scaling_back");

  /* every status a move leads to is a cohort status */
  for (guint i = 0; vigil_cohort_status_choices[i] != NULL; i++)
    {
      const char * const *next = vigil_casework_next_statuses (vigil_cohort_status_choices[i]);

      for (guint j = 0; next[j] != NULL; j++)
        g_assert_true (g_strv_contains (vigil_cohort_status_choices, next[j]));
    }
}

static void
test_move_through_workflow (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilDecision) review = NULL;
  g_autoptr(VigilDecision) adoption = NULL;
  g_autoptr(VigilDecision) scale_back = NULL;
  g_autoptr(VigilDecision) exit = NULL;
  g_autoptr(VigilCohortEntry) entry = NULL;
  VigilStatusMove move;

  move = make_move (fixture, "under_review");
  review = vigil_casework_move_status (fixture->store, &move, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (review->kind, ==, "status_change");
  g_assert_cmpstr (review->outcome, ==, "Candidate → Under review");
  g_assert_cmpint (review->cohort_entry_id, ==, fixture->entry);
  g_assert_cmpstr (review->decided_by, ==, "DCI Testcase");
  g_assert_cmpstr (review->decided_role, ==, "Head of Public Protection");
  g_assert_cmpstr (review->decided_on, ==, "2026-11-20");

  /* adoption needs a plan with its exit (principles 2 and 5) */
  move = make_move (fixture, "managed");
  g_assert_null (vigil_casework_move_status (fixture->store, &move, &error));
  g_assert_error (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_PLAN_NEEDED);
  g_assert_nonnull (strstr (error->message, "no risk management plan"));
  g_clear_error (&error);
  {
    g_autoptr(VigilPlan) plan = add_plan (fixture, NULL);

    g_assert_null (vigil_casework_move_status (fixture->store, &move, &error));
    g_assert_error (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_PLAN_NEEDED);
    g_assert_nonnull (strstr (error->message, "no exit strategy"));
    g_clear_error (&error);
    plan->exit_strategy = g_strdup ("Hand over to probation when the order ends");
    g_assert_true (vigil_casework_save (fixture->store, &vigil_plan_type, plan, &error));
    g_assert_no_error (error);
  }

  /* adoption: a panel adoption decision, the adoption date, the lead */
  move = make_move (fixture, "managed");
  move.decided_on = "2026-11-21";
  move.lead_agency = "probation";
  move.lead_officer = "  PO Testcase  ";
  move.next_review_on = "2027-02-21";
  move.proportionality = "Least intrusive option that keeps the victims safe";
  adoption = vigil_casework_move_status (fixture->store, &move, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (adoption->kind, ==, "panel_adoption");
  g_assert_cmpstr (adoption->proportionality, ==, "Least intrusive option that keeps the victims safe");
  entry = fetch_entry (fixture);
  g_assert_cmpstr (entry->status, ==, "managed");
  g_assert_cmpstr (entry->adopted_on, ==, "2026-11-21");
  g_assert_cmpstr (entry->lead_agency, ==, "probation");
  g_assert_cmpstr (entry->lead_officer, ==, "PO Testcase");
  g_assert_cmpstr (entry->next_review_on, ==, "2027-02-21");
  g_assert_null (entry->managing_panel);
  g_clear_pointer (&entry, vigil_cohort_entry_free);

  move = make_move (fixture, "scaling_back");
  scale_back = vigil_casework_move_status (fixture->store, &move, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (scale_back->outcome, ==, "Managed → Scaling back");

  /* exit needs a reason */
  move = make_move (fixture, "exited");
  g_assert_null (vigil_casework_move_status (fixture->store, &move, &error));
  g_assert_error (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "reason"));
  g_clear_error (&error);
  move.exit_reason = "tired_of_it";
  g_assert_null (vigil_casework_move_status (fixture->store, &move, &error));
  g_assert_error (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "tired_of_it"));
  g_clear_error (&error);
  move.exit_reason = "risk_reduced";
  move.decided_on = "2026-11-25";
  exit = vigil_casework_move_status (fixture->store, &move, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (exit->kind, ==, "exit");
  entry = fetch_entry (fixture);
  g_assert_cmpstr (entry->status, ==, "exited");
  g_assert_cmpstr (entry->exit_reason, ==, "risk_reduced");
  g_assert_cmpstr (entry->exited_on, ==, "2026-11-25");
  g_assert_cmpstr (entry->adopted_on, ==, "2026-11-21");
  g_clear_pointer (&entry, vigil_cohort_entry_free);

  /* exited is the end of this entry */
  move = make_move (fixture, "managed");
  g_assert_null (vigil_casework_move_status (fixture->store, &move, &error));
  g_assert_error (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_TRANSITION);
  g_assert_nonnull (strstr (error->message, "Exited"));
  g_clear_error (&error);

  g_assert_cmpuint (count_decisions (fixture), ==, 4);
}

static void
test_move_refused (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilCohortEntry) before = fetch_entry (fixture);
  g_autoptr(VigilCohortEntry) after = NULL;
  g_autofree char *tomorrow = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 1);
  VigilStatusMove move;

  tomorrow = g_date_time_format (later, "%Y-%m-%d");

  move = make_move (fixture, "scaling_back");
  g_assert_null (vigil_casework_move_status (fixture->store, &move, &error));
  g_assert_error (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_TRANSITION);
  g_assert_nonnull (strstr (error->message, "Candidate"));
  g_assert_nonnull (strstr (error->message, "Scaling back"));
  g_clear_error (&error);

  move = make_move (fixture, "managed");
  move.decided_by = "   ";
  g_assert_null (vigil_casework_move_status (fixture->store, &move, &error));
  g_assert_error (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "decision-maker"));
  g_clear_error (&error);

  move = make_move (fixture, "managed");
  move.decided_role = NULL;
  g_assert_null (vigil_casework_move_status (fixture->store, &move, &error));
  g_assert_error (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "role"));
  g_clear_error (&error);

  move = make_move (fixture, "managed");
  move.rationale = "";
  g_assert_null (vigil_casework_move_status (fixture->store, &move, &error));
  g_assert_error (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "rationale"));
  g_clear_error (&error);

  move = make_move (fixture, "managed");
  move.decided_on = "2026-02-30";
  g_assert_null (vigil_casework_move_status (fixture->store, &move, &error));
  g_assert_error (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "2026-02-30"));
  g_clear_error (&error);

  move.decided_on = tomorrow;
  g_assert_null (vigil_casework_move_status (fixture->store, &move, &error));
  g_assert_error (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "future"));
  g_clear_error (&error);

  move = make_move (fixture, "promoted");
  g_assert_null (vigil_casework_move_status (fixture->store, &move, &error));
  g_assert_error (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_INVALID);
  g_clear_error (&error);

  move = make_move (fixture, "managed");
  move.lead_agency = "fire_brigade";
  g_assert_null (vigil_casework_move_status (fixture->store, &move, &error));
  g_assert_error (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_INVALID);
  g_clear_error (&error);

  move = make_move (fixture, "managed");
  move.entry_id = 987654;
  g_assert_null (vigil_casework_move_status (fixture->store, &move, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* nothing changed */
  after = fetch_entry (fixture);
  g_assert_true (vigil_record_equal (&vigil_cohort_entry_type, before, after));
  g_assert_cmpuint (count_decisions (fixture), ==, 0);
}

static void
add_process (Fixture    *fixture,
             const char *process,
             const char *status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilProcessOverlap) overlap = vigil_process_overlap_new ();

  overlap->person_id = fixture->person;
  overlap->process = g_strdup (process);
  overlap->status = g_strdup (status);
  overlap->started_on = g_strdup ("2026-06-01");
  if (g_strcmp0 (status, "closed") == 0)
    overlap->ended_on = g_strdup ("2026-08-01");
  if (g_strcmp0 (process, "mappa") == 0)
    {
      overlap->mappa_category = 2;
      overlap->mappa_level = 2;
    }
  g_assert_true (vigil_casework_save (fixture->store, &vigil_process_overlap_type, overlap, &error));
  g_assert_no_error (error);
}

static void
test_adoption_asks_for_panel (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilDecision) adoption = NULL;
  g_autoptr(VigilCohortEntry) entry = NULL;
  g_autoptr(GPtrArray) active = NULL;
  VigilStatusMove move;

  vigil_plan_free (add_plan (fixture, "Hand over to MAPPA"));

  /* a closed process does not count */
  add_process (fixture, "marac", "closed");
  active = vigil_casework_list_active_processes (fixture->store, fixture->person, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (active->len, ==, 0);
  g_clear_pointer (&active, g_ptr_array_unref);

  add_process (fixture, "mappa", "active");
  add_process (fixture, "iom", "active");
  active = vigil_casework_list_active_processes (fixture->store, fixture->person, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (active->len, ==, 2);

  move = make_move (fixture, "managed");
  g_assert_null (vigil_casework_move_status (fixture->store, &move, &error));
  g_assert_error (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_PANEL_NEEDED);
  g_assert_nonnull (strstr (error->message, "MAPPA (category 2, level 2)"));
  g_assert_nonnull (strstr (error->message, "IOM"));
  g_assert_null (strstr (error->message, "MARAC"));
  g_clear_error (&error);
  g_assert_cmpuint (count_decisions (fixture), ==, 0);

  move.managing_panel = "MATAC panel (North Synthshire)";
  adoption = vigil_casework_move_status (fixture->store, &move, &error);
  g_assert_no_error (error);
  entry = fetch_entry (fixture);
  g_assert_cmpstr (entry->status, ==, "managed");
  g_assert_cmpstr (entry->managing_panel, ==, "MATAC panel (North Synthshire)");

  /* other moves need no panel */
  {
    g_autoptr(VigilDecision) scale_back = NULL;

    move = make_move (fixture, "scaling_back");
    scale_back = vigil_casework_move_status (fixture->store, &move, &error);
    g_assert_no_error (error);
    g_assert_nonnull (scale_back);
  }
}

static void
test_move_conflict (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) other = NULL;
  g_autoptr(VigilCohortEntry) seen = fetch_entry (fixture);
  g_autoptr(VigilCohortEntry) theirs = NULL;
  g_autoptr(VigilCohortEntry) after = NULL;
  g_autoptr(VigilDecision) decision = NULL;
  VigilStatusMove move;

  /* someone else changes the entry on another connection after I read it */
  other = vigil_store_open (vigil_store_get_location (fixture->store), VIGIL_STORE_OPEN_NONE, NULL, &error);
  g_assert_no_error (error);
  vigil_store_set_actor (other, "Other Coordinator (other)");
  theirs = vigil_store_fetch (other, &vigil_cohort_entry_type, fixture->entry, &error);
  g_assert_no_error (error);
  g_free (theirs->lead_officer);
  theirs->lead_officer = g_strdup ("DC Othertest");
  g_assert_true (vigil_casework_save (other, &vigil_cohort_entry_type, theirs, &error));
  g_assert_no_error (error);

  move = make_move (fixture, "under_review");
  move.entry_rev = seen->record.rev;
  g_assert_null (vigil_casework_move_status (fixture->store, &move, &error));
  g_assert_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "Other Coordinator"));
  g_clear_error (&error);
  after = fetch_entry (fixture);
  g_assert_cmpstr (after->status, ==, "candidate");
  g_assert_cmpstr (after->lead_officer, ==, "DC Othertest");
  g_assert_cmpuint (count_decisions (fixture), ==, 0);

  /* seeing the new version, the move goes through */
  move.entry_rev = after->record.rev;
  decision = vigil_casework_move_status (fixture->store, &move, &error);
  g_assert_no_error (error);
  g_assert_nonnull (decision);
}

static VigilDecision *
make_decision (Fixture    *fixture,
               const char *kind)
{
  VigilDecision *decision = vigil_decision_new ();

  decision->person_id = fixture->person;
  decision->cohort_entry_id = fixture->entry;
  decision->kind = g_strdup (kind);
  decision->decided_by = g_strdup ("Supt Testcase");
  decision->decided_role = g_strdup ("Senior decision-maker");
  decision->decided_on = g_strdup ("2026-11-02");
  decision->rationale = g_strdup ("Repeat victims, escalating");
  return decision;
}

static void
expect_refused (Fixture               *fixture,
                const VigilRecordType *type,
                gpointer               record,
                const char            *words)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (vigil_casework_save (fixture->store, type, record, &error));
  g_assert_error (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_INVALID);
  if (strstr (error->message, words) == NULL)
    g_error ("“%s” does not say “%s”", error->message, words);
  g_assert_cmpint (((VigilRecord *) record)->id, ==, 0);
}

static void
test_decisions (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilDecision) assessment = make_decision (fixture, "assessment");
  g_autoptr(VigilDecision) visor = make_decision (fixture, "visor");
  g_autoptr(VigilDecision) adoption = make_decision (fixture, "panel_adoption");
  g_autoptr(VigilDecision) stored = NULL;
  g_autoptr(GPtrArray) history = NULL;

  for (guint i = 0; vigil_casework_decision_kinds[i] != NULL; i++)
    g_assert_true (g_strv_contains (vigil_decision_kind_choices, vigil_casework_decision_kinds[i]));

  /* workflow decisions are not recorded here */
  expect_refused (fixture, &vigil_decision_type, adoption, "own workflow");

  /* an assessment rates severity and immediacy */
  expect_refused (fixture, &vigil_decision_type, assessment, "severity");
  assessment->severity = g_strdup ("high");
  expect_refused (fixture, &vigil_decision_type, assessment, "immediacy");
  assessment->immediacy = g_strdup ("soon");

  g_clear_pointer (&assessment->decided_role, g_free);
  expect_refused (fixture, &vigil_decision_type, assessment, "role");
  assessment->decided_role = g_strdup ("Detective Superintendent");

  g_free (assessment->decided_on);
  assessment->decided_on = g_strdup ("2999-01-01");
  expect_refused (fixture, &vigil_decision_type, assessment, "future");
  g_free (assessment->decided_on);
  assessment->decided_on = g_strdup ("01/11/2026");
  expect_refused (fixture, &vigil_decision_type, assessment, "date");
  g_free (assessment->decided_on);
  assessment->decided_on = g_strdup ("2026-11-02");

  assessment->mopi_review_on = g_strdup ("2026-11-02");
  expect_refused (fixture, &vigil_decision_type, assessment, "MoPI");
  g_free (assessment->mopi_review_on);
  assessment->mopi_review_on = g_strdup ("2036-11-02");

  g_free (assessment->severity);
  assessment->severity = g_strdup ("catastrophic");
  expect_refused (fixture, &vigil_decision_type, assessment, "catastrophic");
  g_free (assessment->severity);
  assessment->severity = g_strdup ("high");

  g_assert_true (vigil_casework_save (fixture->store, &vigil_decision_type, assessment, &error));
  g_assert_no_error (error);
  g_assert_cmpint (assessment->record.id, >, 0);
  stored = vigil_store_fetch (fixture->store, &vigil_decision_type, assessment->record.id, &error);
  g_assert_no_error (error);
  g_assert_true (vigil_record_equal (&vigil_decision_type, assessment, stored));

  /* a decision is kept as it was made */
  g_free (stored->rationale);
  stored->rationale = g_strdup ("rewritten afterwards");
  g_assert_false (vigil_casework_save (fixture->store, &vigil_decision_type, stored, &error));
  g_assert_error (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_INVALID);
  g_clear_error (&error);

  /* ViSOR: as a PDP or at a level */
  expect_refused (fixture, &vigil_decision_type, visor, "ViSOR");
  visor->outcome = g_strdup ("PDP");
  g_assert_true (vigil_casework_save (fixture->store, &vigil_decision_type, visor, &error));
  g_assert_no_error (error);

  g_assert_cmpuint (count_decisions (fixture), ==, 2);

  /* both audited as created, by the store's actor */
  history = vigil_audit_list (fixture->store, fixture->person, 0, &error);
  g_assert_no_error (error);
  {
    guint created = 0;

    for (guint i = 0; i < history->len; i++)
      {
        const VigilAuditEntry *entry = g_ptr_array_index (history, i);

        if (g_strcmp0 (entry->entity, "decision") == 0 && g_strcmp0 (entry->action, "create") == 0)
          {
            g_assert_cmpstr (entry->actor, ==, "Test Coordinator (test)");
            created++;
          }
      }
    g_assert_cmpuint (created, ==, 2);
  }
}

static void
test_processes (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilProcessOverlap) process = vigil_process_overlap_new ();

  process->person_id = fixture->person;
  process->process = g_strdup ("mappa");
  process->status = g_strdup ("active");
  process->started_on = g_strdup ("2026-05-01");
  expect_refused (fixture, &vigil_process_overlap_type, process, "category");
  process->mappa_category = 5;
  expect_refused (fixture, &vigil_process_overlap_type, process, "category");
  process->mappa_category = 1;
  expect_refused (fixture, &vigil_process_overlap_type, process, "level");
  process->mappa_level = 4;
  expect_refused (fixture, &vigil_process_overlap_type, process, "level");
  process->mappa_level = 3;

  process->ended_on = g_strdup ("2026-06-01");
  expect_refused (fixture, &vigil_process_overlap_type, process, "active");
  g_free (process->status);
  process->status = g_strdup ("closed");
  g_free (process->ended_on);
  process->ended_on = g_strdup ("2026-04-01");
  expect_refused (fixture, &vigil_process_overlap_type, process, "before");
  g_clear_pointer (&process->ended_on, g_free);
  expect_refused (fixture, &vigil_process_overlap_type, process, "end date");
  g_free (process->status);
  process->status = g_strdup ("active");

  g_assert_true (vigil_casework_save (fixture->store, &vigil_process_overlap_type, process, &error));
  g_assert_no_error (error);

  /* a category on something else than MAPPA */
  {
    g_autoptr(VigilProcessOverlap) marac = vigil_process_overlap_new ();

    marac->person_id = fixture->person;
    marac->process = g_strdup ("marac");
    marac->status = g_strdup ("active");
    marac->mappa_level = 2;
    expect_refused (fixture, &vigil_process_overlap_type, marac, "MAPPA only");
  }

  /* close it: an update, rev-checked */
  g_free (process->status);
  process->status = g_strdup ("closed");
  process->ended_on = g_strdup ("2026-10-01");
  g_assert_true (vigil_casework_save (fixture->store, &vigil_process_overlap_type, process, &error));
  g_assert_no_error (error);
  g_assert_cmpint (process->record.rev, ==, 2);
}

static void
test_agency_information (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilAgencySection) section = vigil_agency_section_new ();

  section->person_id = fixture->person;
  section->agency = g_strdup ("housing");
  expect_refused (fixture, &vigil_agency_section_type, section, "information");
  section->body = g_strdup ("   ");
  expect_refused (fixture, &vigil_agency_section_type, section, "information");
  g_free (section->body);
  section->body = g_strdup ("Tenancy warning issued; synthetic test text");
  expect_refused (fixture, &vigil_agency_section_type, section, "who provided");
  section->provided_by = g_strdup ("Housing officer Testcase");
  expect_refused (fixture, &vigil_agency_section_type, section, "date");
  section->provided_on = g_strdup ("2999-12-31");
  expect_refused (fixture, &vigil_agency_section_type, section, "future");
  g_free (section->provided_on);
  section->provided_on = g_strdup ("2026-10-10");
  section->isa_reference = g_strdup ("ISA-SYN-01");

  g_free (section->agency);
  section->agency = g_strdup ("fire_brigade");
  expect_refused (fixture, &vigil_agency_section_type, section, "fire_brigade");
  g_free (section->agency);
  section->agency = g_strdup ("housing");

  g_assert_true (vigil_casework_save (fixture->store, &vigil_agency_section_type, section, &error));
  g_assert_no_error (error);
  g_assert_cmpint (section->record.id, >, 0);
}

static void
test_victim_links (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilVictimLink) link = vigil_victim_link_new ();

  link->perpetrator_id = fixture->person;
  link->victim_id = fixture->victim;
  link->relationship = g_strdup ("ex_partner");
  link->safety_plan_on = g_strdup ("2026-10-01");
  expect_refused (fixture, &vigil_victim_link_type, link, "safety plan");
  link->safety_plan = TRUE;
  link->advocate_name = g_strdup ("Advocate Testcase");
  expect_refused (fixture, &vigil_victim_link_type, link, "advocate");
  link->advocate = g_strdup ("none");
  expect_refused (fixture, &vigil_victim_link_type, link, "advocate");
  g_free (link->advocate);
  link->advocate = g_strdup ("idva");
  link->victim_id = fixture->person;
  expect_refused (fixture, &vigil_victim_link_type, link, "own victim");
  link->victim_id = fixture->victim;

  g_assert_true (vigil_casework_save (fixture->store, &vigil_victim_link_type, link, &error));
  g_assert_no_error (error);
}

static void
test_plans_and_interventions (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilPlan) plan = add_plan (fixture, "Exit when the order ends");
  g_autoptr(VigilIntervention) order = vigil_intervention_new ();
  g_autoptr(VigilIntervention) support = vigil_intervention_new ();
  g_autoptr(VigilTacticalMenu) menu = vigil_tactical_menu_load_default (&error);
  g_autoptr(GPtrArray) interventions = g_ptr_array_new ();
  g_autoptr(GPtrArray) warnings = NULL;
  g_autoptr(GPtrArray) processes = g_ptr_array_new_with_free_func (vigil_record_destroy);
  g_autoptr(VigilProcessOverlap) marac = vigil_process_overlap_new ();

  g_assert_no_error (error);

  /* a plan's review comes after it was agreed */
  g_free (plan->review_on);
  plan->review_on = g_strdup ("2026-10-01");
  g_assert_false (vigil_casework_save (fixture->store, &vigil_plan_type, plan, &error));
  g_assert_error (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_INVALID);
  g_clear_error (&error);
  g_free (plan->review_on);
  plan->review_on = g_strdup ("2027-03-01");

  order->plan_id = plan->record.id;
  order->option_code = g_strdup ("no_such_tactic");
  order->status = g_strdup ("agreed");
  g_assert_false (vigil_casework_save (fixture->store, &vigil_intervention_type, order, &error));
  g_assert_error (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "no_such_tactic"));
  g_clear_error (&error);
  g_free (order->option_code);
  order->option_code = g_strdup ("dapo");
  order->started_on = g_strdup ("2026-11-02");
  order->due_on = g_strdup ("2026-11-01");
  expect_refused (fixture, &vigil_intervention_type, order, "due before it starts");
  g_free (order->due_on);
  order->due_on = g_strdup ("2026-11-20");
  g_free (order->status);
  order->status = g_strdup ("breached");
  expect_refused (fixture, &vigil_intervention_type, order, "at least one breach");
  order->breaches = 1;
  order->order_expires_on = g_strdup ("2026-12-10");
  order->notification_requirements = g_strdup ("Name and address within 3 days");
  g_assert_true (vigil_casework_save (fixture->store, &vigil_intervention_type, order, &error));
  g_assert_no_error (error);

  /* only an order keeps an expiry and breaches */
  support->plan_id = plan->record.id;
  support->option_code = g_strdup ("respect_programme");
  support->status = g_strdup ("completed");
  expect_refused (fixture, &vigil_intervention_type, support, "outcome");
  support->outcome = g_strdup ("Attended every session");
  support->order_expires_on = g_strdup ("2027-01-01");
  expect_refused (fixture, &vigil_intervention_type, support, "not an order");
  g_clear_pointer (&support->order_expires_on, g_free);
  g_assert_true (vigil_casework_save (fixture->store, &vigil_intervention_type, support, &error));
  g_assert_no_error (error);

  /* warnings: only enforcement open for a person who engages, nothing for the victim,
   * an order expiring soon, what MARAC does */
  g_ptr_array_add (interventions, order);
  g_ptr_array_add (interventions, support);
  marac->process = g_strdup ("marac");
  marac->status = g_strdup ("active");
  marac->notes = g_strdup ("Safety planning for Victim 1 through MARAC");
  g_ptr_array_add (processes, g_steal_pointer (&marac));
  g_free (order->status);
  order->status = g_strdup ("in_progress");
  warnings = vigil_casework_plan_warnings (plan, interventions, menu, 1, processes, "2026-11-25");
  {
    g_autofree char *all = NULL;

    g_ptr_array_add (warnings, NULL);
    all = g_strjoinv ("\n", (char **) warnings->pdata);
    g_ptr_array_remove_index (warnings, warnings->len - 1);
    g_test_message ("%s", all);
    g_assert_nonnull (strstr (all, "Only enforcement for a person who engages"));
    g_assert_nonnull (strstr (all, "Nothing in the plan for the victims’ safety"));
    g_assert_nonnull (strstr (all, "1 order expires within 28 days"));
    g_assert_nonnull (strstr (all, "1 intervention is overdue"));
    g_assert_nonnull (strstr (all, "MARAC is active (principle 4): Safety planning for Victim 1"));
    g_assert_null (strstr (all, "exit strategy"));
  }
  g_clear_pointer (&warnings, g_ptr_array_unref);

  /* a non-engaging person, a victim safeguarded, nothing due: no warning but MARAC's */
  {
    g_autoptr(VigilIntervention) idva = vigil_intervention_new ();

    idva->option_code = g_strdup ("idva_support");
    idva->status = g_strdup ("in_progress");
    g_ptr_array_add (interventions, idva);
    g_free (plan->engagement);
    plan->engagement = g_strdup ("non_engaging");
    warnings = vigil_casework_plan_warnings (plan, interventions, menu, 1, processes, "2026-11-01");
    g_assert_cmpuint (warnings->len, ==, 1);
    g_assert_nonnull (strstr (g_ptr_array_index (warnings, 0), "MARAC"));
    g_ptr_array_remove (interventions, idva);
  }
  g_clear_pointer (&warnings, g_ptr_array_unref);

  /* no plan */
  warnings = vigil_casework_plan_warnings (NULL, NULL, menu, 0, NULL, "2026-11-01");
  g_assert_cmpuint (warnings->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (warnings, 0), "No risk management plan"));
}

static void
test_entry_details (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilCohortEntry) entry = fetch_entry (fixture);
  g_autoptr(VigilCohortEntry) fresh = NULL;

  /* details are saved; the status is not, outside the workflow */
  g_free (entry->status);
  entry->status = g_strdup ("managed");
  g_assert_false (vigil_casework_save (fixture->store, &vigil_cohort_entry_type, entry, &error));
  g_assert_error (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Change Status"));
  g_clear_error (&error);

  g_free (entry->status);
  entry->status = g_strdup ("candidate");
  entry->lead_officer = g_strdup ("DS Testcase");
  entry->next_review_on = g_strdup ("2027-01-15");
  g_assert_true (vigil_casework_save (fixture->store, &vigil_cohort_entry_type, entry, &error));
  g_assert_no_error (error);
  fresh = fetch_entry (fixture);
  g_assert_cmpstr (fresh->lead_officer, ==, "DS Testcase");
  g_assert_cmpstr (fresh->next_review_on, ==, "2027-01-15");

  /* a new entry comes by the ranking, a referral or a judgement */
  {
    g_autoptr(VigilCohortEntry) extra = vigil_cohort_entry_new ();

    extra->person_id = fixture->victim;
    extra->status = g_strdup ("candidate");
    extra->route = g_strdup ("rfgv");
    g_assert_false (vigil_casework_save (fixture->store, &vigil_cohort_entry_type, extra, &error));
    g_assert_error (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_INVALID);
    g_clear_error (&error);
  }

  /* scores and the like are not saved from the dossier */
  {
    g_autoptr(VigilPerson) person = vigil_person_new ();

    person->surname = g_strdup ("Nottestson");
    g_assert_false (vigil_casework_save (fixture->store, &vigil_person_type, person, &error));
    g_assert_error (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_INVALID);
  }
}

static void
test_lost_update (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) other = NULL;
  g_autoptr(VigilAgencySection) section = vigil_agency_section_new ();
  g_autoptr(VigilAgencySection) mine = NULL;
  g_autoptr(VigilAgencySection) theirs = NULL;
  g_autoptr(VigilAgencySection) stored = NULL;

  section->person_id = fixture->person;
  section->agency = g_strdup ("probation");
  section->body = g_strdup ("Licence conditions: synthetic text");
  section->provided_by = g_strdup ("PO Testcase");
  section->provided_on = g_strdup ("2026-09-01");
  g_assert_true (vigil_casework_save (fixture->store, &vigil_agency_section_type, section, &error));
  g_assert_no_error (error);

  other = vigil_store_open (vigil_store_get_location (fixture->store), VIGIL_STORE_OPEN_NONE, NULL, &error);
  g_assert_no_error (error);
  vigil_store_set_actor (other, "Other Coordinator (other)");
  mine = vigil_store_fetch (fixture->store, &vigil_agency_section_type, section->record.id, &error);
  theirs = vigil_store_fetch (other, &vigil_agency_section_type, section->record.id, &error);
  g_assert_no_error (error);

  g_free (theirs->body);
  theirs->body = g_strdup ("Their version");
  g_assert_true (vigil_casework_save (other, &vigil_agency_section_type, theirs, &error));
  g_assert_no_error (error);

  g_free (mine->body);
  mine->body = g_strdup ("My version");
  g_assert_false (vigil_casework_save (fixture->store, &vigil_agency_section_type, mine, &error));
  g_assert_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, "Other Coordinator"));
  g_clear_error (&error);

  stored = vigil_store_fetch (fixture->store, &vigil_agency_section_type, section->record.id, &error);
  g_assert_cmpstr (stored->body, ==, "Their version");

  /* choosing mine after seeing theirs: saved on top of their revision */
  mine->record.rev = stored->record.rev;
  g_assert_true (vigil_casework_save (fixture->store, &vigil_agency_section_type, mine, &error));
  g_assert_no_error (error);
  g_clear_pointer (&stored, vigil_agency_section_free);
  stored = vigil_store_fetch (other, &vigil_agency_section_type, section->record.id, &error);
  g_assert_cmpstr (stored->body, ==, "My version");
  g_assert_cmpint (stored->record.rev, ==, 3);
}

/* Victim-reported and IDVA-rated outcomes (principle 8): a rating from 1 to 5, a date
 * not in the future, never the person as their own victim; saved, edited, and a stale
 * copy is a conflict, not an overwrite. */
static void
test_outcomes (Fixture       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilOutcomeObservation) outcome = vigil_outcome_observation_new ();
  g_autoptr(VigilOutcomeObservation) stored = NULL;
  g_autoptr(VigilOutcomeObservation) stale = NULL;

  outcome->person_id = fixture->person;
  outcome->victim_id = fixture->victim;
  outcome->observed_on = g_strdup ("2026-10-01");
  outcome->source = g_strdup ("victim_reported");
  outcome->measure = g_strdup ("feels_safe");

  expect_refused (fixture, &vigil_outcome_observation_type, outcome, "1 (worst) to 5 (best)");
  outcome->rating = 6;
  expect_refused (fixture, &vigil_outcome_observation_type, outcome, "1 (worst) to 5 (best)");
  outcome->rating = 2;

  g_free (outcome->observed_on);
  outcome->observed_on = g_strdup ("2999-01-01");
  expect_refused (fixture, &vigil_outcome_observation_type, outcome, "future");
  g_free (outcome->observed_on);
  outcome->observed_on = g_strdup ("2026-02-30");
  expect_refused (fixture, &vigil_outcome_observation_type, outcome, "2026-02-30");
  g_free (outcome->observed_on);
  outcome->observed_on = g_strdup ("2026-10-01");

  outcome->victim_id = fixture->person;
  expect_refused (fixture, &vigil_outcome_observation_type, outcome, "own victim");
  outcome->victim_id = fixture->victim;

  g_free (outcome->measure);
  outcome->measure = g_strdup ("happiness");
  expect_refused (fixture, &vigil_outcome_observation_type, outcome, "measure");
  g_free (outcome->measure);
  outcome->measure = g_strdup ("feels_safe");

  g_assert_true (vigil_casework_save (fixture->store, &vigil_outcome_observation_type, outcome, &error));
  g_assert_no_error (error);
  g_assert_cmpint (outcome->record.id, >, 0);

  /* edited by one, then a stale copy is refused */
  stale = vigil_store_fetch (fixture->store, &vigil_outcome_observation_type, outcome->record.id, &error);
  g_assert_no_error (error);
  outcome->rating = 3;
  outcome->note = g_strdup ("Synthetic note: feels safer since the order");
  g_assert_true (vigil_casework_save (fixture->store, &vigil_outcome_observation_type, outcome, &error));
  g_assert_no_error (error);
  stale->rating = 1;
  g_assert_false (vigil_casework_save (fixture->store, &vigil_outcome_observation_type, stale, &error));
  g_assert_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_CONFLICT);
  g_clear_error (&error);

  stored = vigil_store_fetch (fixture->store, &vigil_outcome_observation_type, outcome->record.id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (stored->rating, ==, 3);
  g_assert_cmpstr (stored->note, ==, "Synthetic note: feels safer since the order");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  vigil_test_init_engine ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  g_test_add_func ("/casework/transitions", test_transitions);
  ADD ("/casework/move/workflow", test_move_through_workflow);
  ADD ("/casework/move/refused", test_move_refused);
  ADD ("/casework/move/panel", test_adoption_asks_for_panel);
  ADD ("/casework/move/conflict", test_move_conflict);
  ADD ("/casework/save/decisions", test_decisions);
  ADD ("/casework/save/processes", test_processes);
  ADD ("/casework/save/agency-information", test_agency_information);
  ADD ("/casework/save/victim-links", test_victim_links);
  ADD ("/casework/save/entry-details", test_entry_details);
  ADD ("/casework/save/plans-and-interventions", test_plans_and_interventions);
  ADD ("/casework/save/lost-update", test_lost_update);
  ADD ("/casework/save/outcomes", test_outcomes);

#undef ADD

  return g_test_run ();
}
