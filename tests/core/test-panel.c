/* test-panel.c: panel meetings — the agenda from the cohort, its order, attendance,
 * carried actions — and the panel pack PDF read back with pdftotext
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-panel"

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "vigil-panel-pack.h"
#include "vigil-test-store.h"

typedef struct
{
  VigilStore *store;
  gint64      held;       /* an earlier meeting */
  gint64      meeting;    /* the one being prepared */
  gint64      adopt;      /* under review: new adoption */
  gint64      review;     /* managed, review due before the meeting */
  gint64      riser;      /* of concern, score rose */
  gint64      leaving;    /* scaling back: exit */
  gint64      quiet;      /* managed, nothing due: not on the agenda */
  gint64      candidate;  /* candidate: not on the agenda */
  gint64      victim;
} Fixture;

static gint64
add_person (VigilStore *store,
            const char *surname,
            const char *forenames,
            const char *ref)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilPerson) person = vigil_person_new ();

  person->surname = g_strdup (surname);
  person->forenames = g_strdup (forenames);
  person->local_ref = g_strdup (ref);
  g_assert_true (vigil_store_insert (store, &vigil_person_type, person, &error));
  g_assert_no_error (error);
  return person->record.id;
}

static gint64
add_managed (Fixture    *fixture,
             const char *surname,
             const char *ref,
             const char *status,
             const char *next_review)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilCohortEntry) entry = vigil_cohort_entry_new ();
  gint64 person = add_person (fixture->store, surname, "Panelcase", ref);

  entry->person_id = person;
  entry->status = g_strdup (status);
  entry->route = g_strdup ("rfgv");
  entry->next_review_on = g_strdup (next_review);
  g_assert_true (vigil_store_insert (fixture->store, &vigil_cohort_entry_type, entry, &error));
  g_assert_no_error (error);
  return person;
}

static gint64
add_meeting (VigilStore *store,
             const char *meets_at,
             const char *status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilPanelMeeting) meeting = vigil_panel_meeting_new ();

  meeting->title = g_strdup ("Synthshire test panel");
  meeting->meets_at = g_strdup (meets_at);
  meeting->status = g_strdup (status);
  meeting->chair = g_strdup ("DCI Chairtest");
  meeting->location = g_strdup ("Room 1 (fictional)");
  g_assert_true (vigil_store_insert (store, &vigil_panel_meeting_type, meeting, &error));
  g_assert_no_error (error);
  return meeting->record.id;
}

static void
add_score (VigilStore *store,
           gint64      run,
           gint64      person,
           double      total)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilScore) score = vigil_score_new ();

  score->run_id = run;
  score->person_id = person;
  score->total = total;
  score->rank = 1;
  g_assert_true (vigil_store_insert (store, &vigil_score_type, score, &error));
  g_assert_no_error (error);
}

static gint64
add_run (VigilStore *store,
         const char *as_of)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilScoreRun) run = vigil_score_run_new ();

  run->as_of = g_strdup (as_of);
  run->started_at = g_strdup_printf ("%sT09:00:00Z", as_of);
  g_assert_true (vigil_store_insert (store, &vigil_score_run_type, run, &error));
  g_assert_no_error (error);
  return run->record.id;
}

static void
add_action (VigilStore *store,
            gint64      meeting,
            gint64      person,
            const char *description,
            const char *due_on,
            const char *status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilAction) action = vigil_action_new ();

  action->meeting_id = meeting;
  action->person_id = person;
  action->description = g_strdup (description);
  action->owner_agency = g_strdup ("housing");
  action->due_on = g_strdup (due_on);
  action->status = g_strdup (status);
  g_assert_true (vigil_store_insert (store, &vigil_action_type, action, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilIncident) incident = vigil_incident_new ();
  g_autoptr(VigilVictimLink) link = vigil_victim_link_new ();
  gint64 run1, run2;

  fixture->store = vigil_test_open_store ();
  fixture->held = add_meeting (fixture->store, "2026-11-01T10:00:00", "held");
  fixture->meeting = add_meeting (fixture->store, "2026-12-01T10:00:00", "scheduled");
  fixture->adopt = add_managed (fixture, "Adoptwell", "SYN-PP1", "under_review", NULL);
  fixture->review = add_managed (fixture, "Reviewby", "SYN-PP2", "managed", "2026-11-28");
  fixture->riser = add_managed (fixture, "Risington", "SYN-PP3", "of_concern", NULL);
  fixture->leaving = add_managed (fixture, "Leavesley", "SYN-PP4", "scaling_back", "2027-03-01");
  fixture->quiet = add_managed (fixture, "Quietson", "SYN-PP5", "managed", "2027-01-15");
  fixture->candidate = add_managed (fixture, "Candidby", "SYN-PP6", "candidate", NULL);
  fixture->victim = add_person (fixture->store, "Victimsname", "Secretina", "SYN-VV1");

  run1 = add_run (fixture->store, "2026-10-01");
  run2 = add_run (fixture->store, "2026-11-01");
  add_score (fixture->store, run1, fixture->riser, 9);
  add_score (fixture->store, run2, fixture->riser, 14);
  add_score (fixture->store, run1, fixture->quiet, 15);
  add_score (fixture->store, run2, fixture->quiet, 12);

  /* Reviewby has a victim, by name in the store */
  incident->source = g_strdup ("police");
  incident->source_ref = g_strdup ("SYN-PI1");
  incident->occurred_at = g_strdup ("2026-09-01");
  incident->perpetrator_id = fixture->review;
  incident->victim_id = fixture->victim;
  incident->relationship = g_strdup ("ex_partner");
  incident->offence_code = g_strdup ("harassment");
  g_assert_true (vigil_store_insert (fixture->store, &vigil_incident_type, incident, &error));
  g_assert_no_error (error);
  link->perpetrator_id = fixture->review;
  link->victim_id = fixture->victim;
  link->relationship = g_strdup ("ex_partner");
  link->advocate = g_strdup ("idva");
  g_assert_true (vigil_store_insert (fixture->store, &vigil_victim_link_type, link, &error));
  g_assert_no_error (error);

  add_action (fixture->store, fixture->held, fixture->review, "SYN carried open action", "2026-11-15", "open");
  add_action (fixture->store, fixture->held, fixture->review, "SYN finished action", "2026-11-10", "done");
  add_action (fixture->store, fixture->meeting, fixture->adopt, "SYN new action", "2026-12-20", "open");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
}

static void
assert_agenda (Fixture    *fixture,
               const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = vigil_panel_list_agenda (fixture->store, fixture->meeting, &error);
  g_autoptr(GString) got = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < items->len; i++)
    {
      const VigilAgendaItem *item = g_ptr_array_index (items, i);
      g_autoptr(VigilPerson) person = vigil_store_fetch (fixture->store, &vigil_person_type, item->person_id, &error);

      g_assert_no_error (error);
      g_string_append_printf (got, "%s%s:%s", i ? " " : "", person->surname, item->reason);
    }
  g_assert_cmpstr (got->str, ==, expected);
}

static void
test_build_agenda (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (vigil_panel_build_agenda (fixture->store, fixture->meeting, &error), ==, 4);
  g_assert_no_error (error);
  assert_agenda (fixture, "Adoptwell:new_adoption Reviewby:review_due Risington:riser Leavesley:exit");

  /* again: nobody twice */
  g_assert_cmpint (vigil_panel_build_agenda (fixture->store, fixture->meeting, &error), ==, 0);
  g_assert_no_error (error);

  /* the chair reorders; past either end is refused */
  {
    g_autoptr(GPtrArray) items = vigil_panel_list_agenda (fixture->store, fixture->meeting, &error);
    const VigilAgendaItem *last = g_ptr_array_index (items, 3);
    const VigilAgendaItem *first = g_ptr_array_index (items, 0);

    g_assert_true (vigil_panel_move_item (fixture->store, last->record.id, -1, &error));
    g_assert_no_error (error);
    assert_agenda (fixture, "Adoptwell:new_adoption Reviewby:review_due Leavesley:exit Risington:riser");
    g_assert_false (vigil_panel_move_item (fixture->store, first->record.id, -1, &error));
    g_assert_error (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_INVALID);
    g_clear_error (&error);
    g_assert_true (vigil_panel_move_item (fixture->store, first->record.id, 1, &error));
    assert_agenda (fixture, "Reviewby:review_due Adoptwell:new_adoption Leavesley:exit Risington:riser");
  }

  /* a held meeting's agenda is not rebuilt */
  g_assert_cmpint (vigil_panel_build_agenda (fixture->store, fixture->held, &error), ==, -1);
  g_assert_error (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_INVALID);
}

static void
test_attendance_and_actions (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) attendance = g_ptr_array_new_with_free_func (vigil_record_destroy);
  g_auto(GStrv) missing = NULL;
  g_auto(GStrv) none = NULL;
  g_autoptr(GPtrArray) actions = NULL;
  static const char * const everyone[] = { "police", "probation", "housing", "adults_social_care",
                                           "substance_misuse", "isac", NULL };

  for (guint i = 0; i < 3; i++)
    {
      VigilAttendance *person = vigil_attendance_new ();

      person->agency = g_strdup (everyone[i]);
      person->present = i != 2;  /* housing sent apologies */
      g_ptr_array_add (attendance, person);
    }
  missing = vigil_panel_dup_missing_agencies (attendance);
  {
    g_autofree char *list = g_strjoinv (", ", missing);

    g_assert_cmpstr (list, ==, "Housing, Social care, Health, IDVA or ISAC");
  }
  g_ptr_array_set_size (attendance, 0);
  for (guint i = 0; everyone[i] != NULL; i++)
    {
      VigilAttendance *person = vigil_attendance_new ();

      person->agency = g_strdup (everyone[i]);
      person->present = TRUE;
      g_ptr_array_add (attendance, person);
    }
  none = vigil_panel_dup_missing_agencies (attendance);
  g_assert_cmpuint (g_strv_length (none), ==, 0);

  /* this meeting's own, then the open ones carried from the earlier meeting */
  actions = vigil_panel_list_actions (fixture->store, fixture->meeting, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (actions->len, ==, 2);
  g_assert_cmpstr (((VigilAction *) g_ptr_array_index (actions, 0))->description, ==, "SYN new action");
  g_assert_cmpstr (((VigilAction *) g_ptr_array_index (actions, 1))->description, ==, "SYN carried open action");
  g_assert_true (vigil_panel_action_is_overdue (g_ptr_array_index (actions, 1), "2026-12-01"));
  g_assert_false (vigil_panel_action_is_overdue (g_ptr_array_index (actions, 0), "2026-12-01"));
}

static char *
read_pdf_text (const char *pdf)
{
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;
  const char *argv[] = { "pdftotext", "-layout", pdf, "-", NULL };

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, &err, &status, &error))
    return NULL;
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return g_steal_pointer (&out);
}

static guint
count (const char *haystack,
       const char *needle)
{
  guint n = 0;

  for (const char *p = strstr (haystack, needle); p != NULL; p = strstr (p + 1, needle))
    n++;
  return n;
}

static void
test_panel_pack (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = vigil_test_make_tmpdir ();
  g_autofree char *pdf = g_build_filename (dir, "pack.pdf", NULL);
  g_autofree char *named = g_build_filename (dir, "named.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *named_text = NULL;
  g_autofree char *last_page = NULL;
  VigilPanelPackOptions options = { FALSE, NULL, "2026-12-01" };
  g_autoptr(GPtrArray) audit = NULL;
  guint pages, exports = 0;
  GStatBuf st;

  g_assert_cmpint (vigil_panel_build_agenda (fixture->store, fixture->meeting, &error), ==, 4);
  pages = vigil_panel_pack_write (fixture->store, fixture->meeting, pdf, &options, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pages, >=, 6);  /* the front page, a page per case, the actions */
  g_assert_cmpint (g_stat (pdf, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  text = read_pdf_text (pdf);
  if (text == NULL)
    {
      g_test_skip ("pdftotext is not installed (poppler-utils)");
      return;
    }
  g_test_message ("%s", text);

  /* one section per case, the agenda and the actions */
  g_assert_cmpuint (count (text, "Case "), ==, 4);
  g_assert_nonnull (strstr (text, "Case 1: Adoptwell, Panelcase (SYN-PP1)"));
  g_assert_nonnull (strstr (text, "Case 4: Leavesley, Panelcase (SYN-PP4)"));
  g_assert_nonnull (strstr (text, "On the agenda for: Rising score"));
  g_assert_nonnull (strstr (text, "SYN carried open action"));
  g_assert_nonnull (strstr (text, "carried from an earlier meeting"));
  g_assert_nonnull (strstr (text, "OVERDUE"));
  g_assert_null (strstr (text, "SYN finished action"));
  g_assert_nonnull (strstr (text, "Not represented, though the guidance names them: Police"));
  g_assert_nonnull (strstr (text, "Rising from 9"));

  /* the marking twice and the number on every page */
  g_assert_cmpuint (count (text, "OFFICIAL-SENSITIVE"), ==, 2 * pages);
  last_page = g_strdup_printf ("Page %u of %u", pages, pages);
  g_assert_nonnull (strstr (text, last_page));
  g_assert_nonnull (strstr (text, "Page 1 of"));

  /* victims by role only, unless asked */
  g_assert_null (strstr (text, "Victimsname"));
  g_assert_null (strstr (text, "Secretina"));
  g_assert_nonnull (strstr (text, "Victim 1 — Ex-partner · IDVA"));

  options.show_victims = TRUE;
  options.marking = "OFFICIAL-SENSITIVE [SYNTHETIC]";
  g_assert_cmpuint (vigil_panel_pack_write (fixture->store, fixture->meeting, named, &options, NULL, &error), >, 0);
  g_assert_no_error (error);
  named_text = read_pdf_text (named);
  g_assert_nonnull (strstr (named_text, "Victim 1: Victimsname, Secretina"));
  g_assert_nonnull (strstr (named_text, "OFFICIAL-SENSITIVE [SYNTHETIC]"));
  g_assert_nonnull (strstr (named_text, "Victims are named in this pack"));

  /* each person in a pack is in the audit log, once a pack */
  audit = vigil_audit_list (fixture->store, fixture->adopt, 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < audit->len; i++)
    exports += g_strcmp0 (((VigilAuditEntry *) g_ptr_array_index (audit, i))->action, "export") == 0;
  g_assert_cmpuint (exports, ==, 2);

  /* an unknown meeting writes nothing */
  {
    g_autofree char *nothing = g_build_filename (dir, "nothing.pdf", NULL);

    g_assert_cmpuint (vigil_panel_pack_write (fixture->store, 987654, nothing, &options, NULL, &error), ==, 0);
    g_assert_nonnull (error);
    g_assert_false (g_file_test (nothing, G_FILE_TEST_EXISTS));
  }
}

/* The _async pairs: each call's callback on this thread's main context */

static void
store_call_done_cb (GObject      *object,
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
test_async (Fixture       *fixture,
            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = vigil_test_make_tmpdir ();
  g_autofree char *pdf = g_build_filename (dir, "async.pdf", NULL);
  GAsyncResult *slot = NULL;
  gint64 first_id, last_id;

  /* the meetings */
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GPtrArray) meetings = NULL;

    vigil_panel_list_meetings_async (fixture->store, NULL, store_call_done_cb, &slot);
    result = wait_for_result (&slot);
    meetings = vigil_panel_list_meetings_finish (fixture->store, result, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (meetings->len, ==, 2);
  }

  /* building the agenda, then moving its last item up */
  {
    g_autoptr(GAsyncResult) result = NULL;

    vigil_panel_build_agenda_async (fixture->store, fixture->meeting, NULL, store_call_done_cb, &slot);
    result = wait_for_result (&slot);
    g_assert_cmpint (vigil_panel_build_agenda_finish (fixture->store, result, &error), ==, 4);
    g_assert_no_error (error);
    assert_agenda (fixture, "Adoptwell:new_adoption Reviewby:review_due Risington:riser Leavesley:exit");
  }
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GAsyncResult) refused = NULL;
    g_autoptr(GPtrArray) items = vigil_panel_list_agenda (fixture->store, fixture->meeting, &error);

    g_assert_no_error (error);
    first_id = ((VigilAgendaItem *) g_ptr_array_index (items, 0))->record.id;
    last_id = ((VigilAgendaItem *) g_ptr_array_index (items, 3))->record.id;
    vigil_panel_move_item_async (fixture->store, last_id, -1, NULL, store_call_done_cb, &slot);
    result = wait_for_result (&slot);
    g_assert_true (vigil_panel_move_item_finish (fixture->store, result, &error));
    g_assert_no_error (error);
    assert_agenda (fixture, "Adoptwell:new_adoption Reviewby:review_due Leavesley:exit Risington:riser");
    vigil_panel_move_item_async (fixture->store, first_id, -1, NULL, store_call_done_cb, &slot);
    refused = wait_for_result (&slot);
    g_assert_false (vigil_panel_move_item_finish (fixture->store, refused, &error));
    g_assert_error (error, VIGIL_COHORT_ERROR, VIGIL_COHORT_ERROR_INVALID);
    g_clear_error (&error);
  }

  /* the meeting with its agenda, actions, attendance and names, in one struct */
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(VigilPanelMeetingDetails) details = NULL;
    g_autoptr(VigilAttendance) attendee = vigil_attendance_new ();

    attendee->meeting_id = fixture->meeting;
    attendee->agency = g_strdup ("police");
    attendee->name = g_strdup ("DS Synthattend");
    attendee->present = TRUE;
    g_assert_true (vigil_store_insert (fixture->store, &vigil_attendance_type, attendee, &error));
    g_assert_no_error (error);

    vigil_panel_load_meeting_async (fixture->store, fixture->meeting, NULL, store_call_done_cb, &slot);
    result = wait_for_result (&slot);
    details = vigil_panel_load_meeting_finish (fixture->store, result, &error);
    g_assert_no_error (error);
    g_assert_cmpint (details->meeting->record.id, ==, fixture->meeting);
    g_assert_cmpstr (details->meeting->status, ==, "scheduled");
    g_assert_cmpuint (details->items->len, ==, 4);
    g_assert_cmpint (((VigilAgendaItem *) g_ptr_array_index (details->items, 2))->record.id, ==, last_id);
    g_assert_cmpuint (details->actions->len, ==, 2);
    g_assert_cmpstr (((VigilAction *) g_ptr_array_index (details->actions, 1))->description, ==,
                     "SYN carried open action");
    g_assert_cmpuint (details->attendance->len, ==, 1);
    g_assert_cmpstr (((VigilAttendance *) g_ptr_array_index (details->attendance, 0))->name, ==, "DS Synthattend");
    g_assert_cmpstr (vigil_panel_meeting_details_get_name (details, fixture->review), ==, "Reviewby, Panelcase (SYN-PP2)");
    g_assert_null (vigil_panel_meeting_details_get_name (details, fixture->quiet));
  }

  /* no such meeting: an error, not a crash */
  {
    g_autoptr(GAsyncResult) result = NULL;

    vigil_panel_load_meeting_async (fixture->store, 987654, NULL, store_call_done_cb, &slot);
    result = wait_for_result (&slot);
    g_assert_null (vigil_panel_load_meeting_finish (fixture->store, result, &error));
    g_assert_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_NOT_FOUND);
    g_clear_error (&error);
  }

  /* a cancelled read finishes cancelled, its result dropped */
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GCancellable) cancellable = g_cancellable_new ();

    vigil_panel_load_meeting_async (fixture->store, fixture->meeting, cancellable, store_call_done_cb, &slot);
    g_cancellable_cancel (cancellable);
    result = wait_for_result (&slot);
    g_assert_null (vigil_panel_load_meeting_finish (fixture->store, result, &error));
    g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
    g_clear_error (&error);
  }

  /* projection mode: one dossier per case */
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(VigilPanelPresentation) presentation = NULL;

    vigil_panel_load_presentation_async (fixture->store, fixture->meeting, NULL, store_call_done_cb, &slot);
    result = wait_for_result (&slot);
    presentation = vigil_panel_load_presentation_finish (fixture->store, result, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (presentation->items->len, ==, 4);
    g_assert_cmpuint (presentation->dossiers->len, ==, 4);
    g_assert_cmpuint (presentation->actions->len, ==, 2);
    for (guint i = 0; i < 4; i++)
      g_assert_cmpint (((VigilDossier *) g_ptr_array_index (presentation->dossiers, i))->person->record.id, ==,
                       ((VigilAgendaItem *) g_ptr_array_index (presentation->items, i))->person_id);
  }

  /* showing the victims' names is audited */
  {
    g_autoptr(GAsyncResult) result = NULL;
    g_autoptr(GPtrArray) audit = NULL;
    guint reveals = 0;

    vigil_panel_record_reveal_async (fixture->store, fixture->review, NULL, store_call_done_cb, &slot);
    result = wait_for_result (&slot);
    g_assert_true (vigil_panel_record_reveal_finish (fixture->store, result, &error));
    g_assert_no_error (error);
    audit = vigil_audit_list (fixture->store, fixture->review, 0, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < audit->len; i++)
      reveals += g_strcmp0 (((VigilAuditEntry *) g_ptr_array_index (audit, i))->action, "reveal") == 0;
    g_assert_cmpuint (reveals, ==, 1);
  }

  /* the pack for Print, recorded as printed; and written for Export */
  {
    g_autoptr(GAsyncResult) prepared = NULL;
    g_autoptr(GAsyncResult) recorded = NULL;
    g_autoptr(GAsyncResult) written = NULL;
    g_autoptr(VigilPanelPack) pack = NULL;
    g_autoptr(GPtrArray) audit = NULL;
    VigilPanelPackOptions options = { FALSE, NULL, "2026-12-01" };
    guint prints = 0, exports = 0;

    vigil_panel_pack_prepare_async (fixture->store, fixture->meeting, &options, NULL, store_call_done_cb, &slot);
    prepared = wait_for_result (&slot);
    pack = vigil_panel_pack_prepare_finish (fixture->store, prepared, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (vigil_panel_pack_get_n_pages (pack), >, 1);
    vigil_panel_pack_record_async (pack, fixture->store, "print", NULL, store_call_done_cb, &slot);
    g_clear_pointer (&pack, vigil_panel_pack_free);  /* the call keeps what it needs */
    recorded = wait_for_result (&slot);
    g_assert_true (vigil_panel_pack_record_finish (fixture->store, recorded, &error));
    g_assert_no_error (error);

    vigil_panel_pack_write_async (fixture->store, fixture->meeting, pdf, &options, NULL, store_call_done_cb, &slot);
    written = wait_for_result (&slot);
    g_assert_cmpuint (vigil_panel_pack_write_finish (fixture->store, written, &error), >, 1);
    g_assert_no_error (error);
    g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));

    audit = vigil_audit_list (fixture->store, fixture->leaving, 0, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < audit->len; i++)
      {
        const char *action = ((VigilAuditEntry *) g_ptr_array_index (audit, i))->action;

        prints += g_strcmp0 (action, "print") == 0;
        exports += g_strcmp0 (action, "export") == 0;
      }
    g_assert_cmpuint (prints, ==, 1);
    g_assert_cmpuint (exports, ==, 1);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  vigil_test_init_engine ();

  g_test_add ("/panel/agenda", Fixture, NULL, fixture_set_up, test_build_agenda, fixture_tear_down);
  g_test_add ("/panel/attendance-and-actions", Fixture, NULL, fixture_set_up, test_attendance_and_actions,
              fixture_tear_down);
  g_test_add ("/panel/pack", Fixture, NULL, fixture_set_up, test_panel_pack, fixture_tear_down);
  g_test_add ("/panel/async", Fixture, NULL, fixture_set_up, test_async, fixture_tear_down);

  return g_test_run ();
}
