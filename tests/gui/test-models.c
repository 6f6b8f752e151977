/* test-models.c: the GUI's models and view models without a display
 *
 * What the views show is decided in GObjects that need no GTK (as gnome-calendar tests
 * its views' logic): the session, the score model, the Panel page's meeting items and
 * view model, the presenter's case,
 * the evaluation table's rows, Change Status's view model, the tactical menu's option
 * items, the record editor's conflict, the Evaluation page's view model, the drop-downs'
 * choice items, the people a referral's search found and the dossier page's view model.
 * None of these tests opens a display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-models"

#include "config.h"

#include <string.h>

#include <glib/gstdio.h>

#include "vigil-choice-item.h"
#include "vigil-conflict-field.h"
#include "vigil-conflict-model.h"
#include "vigil-core.h"
#include "vigil-dossier-model.h"
#include "vigil-evaluation-model.h"
#include "vigil-found-person.h"
#include "vigil-gui.h"
#include "vigil-meeting-item.h"
#include "vigil-option-item.h"
#include "vigil-panel-entry.h"
#include "vigil-panel-model.h"
#include "vigil-presenter-case.h"
#include "vigil-score-item.h"
#include "vigil-score-model.h"
#include "vigil-session.h"
#include "vigil-status-model.h"
#include "vigil-table-row.h"

#define N_PEOPLE 5

typedef struct
{
  char *dir;
  VigilLocation *location;
  VigilStore *store;
  gint64 ids[N_PEOPLE];
} Fixture;

static const char * const surnames[N_PEOPLE] = {
  "Synthalpha", "Synthbravo", "Synthcharlie", "Synthdelta", "Synthecho",
};

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->dir = g_dir_make_tmp ("vigil-test-models-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "models.db", NULL);
  fixture->location = vigil_location_new_sqlite (path);
  fixture->store = vigil_store_open (fixture->location, VIGIL_STORE_OPEN_CREATE, NULL, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < N_PEOPLE; i++)
    {
      g_autoptr(VigilPerson) person = vigil_person_new ();

      person->surname = g_strdup (surnames[i]);
      person->forenames = g_strdup ("Test");
      person->local_ref = g_strdup_printf ("SYN-M%03u", i + 1);
      g_assert_true (vigil_store_insert (fixture->store, &vigil_person_type, person, &error));
      g_assert_no_error (error);
      fixture->ids[i] = person->record.id;
    }
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autofree char *path = g_strdup (fixture->location->path);

  vigil_store_close (fixture->store);
  g_clear_object (&fixture->store);
  vigil_location_free (fixture->location);
  for (const char *suffix = ""; suffix != NULL; suffix = g_str_equal (suffix, "") ? "-wal" :
                                                         g_str_equal (suffix, "-wal") ? "-shm" : NULL)
    {
      g_autofree char *file = g_strconcat (path, suffix, NULL);

      g_remove (file);
    }
  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

static void
count_cb (GObject    *object,
          GParamSpec *pspec,
          gpointer    user_data)
{
  (*(guint *) user_data)++;
}

/* The session: setting a store notifies once and remembers it (never the demo). */
static void
test_session (Fixture       *fixture,
              gconstpointer  user_data)
{
  g_autoptr(GSettings) settings = g_settings_new (VIGIL_SETTINGS_SCHEMA_ID);
  g_autoptr(VigilSession) session = vigil_session_new (settings);
  g_autoptr(VigilLocation) saved = NULL;
  g_autofree char *kind = NULL;
  guint n_notified = 0;

  g_settings_reset (settings, "database-kind");
  g_signal_connect (session, "notify::store", G_CALLBACK (count_cb), &n_notified);
  g_assert_null (vigil_session_get_store (session));
  g_assert_null (vigil_session_dup_saved_location (session));

  vigil_session_set_store (session, fixture->store, FALSE);
  g_assert_true (vigil_session_get_store (session) == fixture->store);
  g_assert_cmpuint (n_notified, ==, 1);
  kind = g_settings_get_string (settings, "database-kind");
  g_assert_cmpstr (kind, ==, "none");   /* not asked to remember it */
  g_clear_pointer (&kind, g_free);

  /* the same store again: remembered now, no second notification */
  vigil_session_set_store (session, fixture->store, TRUE);
  g_assert_cmpuint (n_notified, ==, 1);
  kind = g_settings_get_string (settings, "database-kind");
  g_assert_cmpstr (kind, ==, "sqlite");
  saved = vigil_session_dup_saved_location (session);
  g_assert_true (vigil_location_equal (saved, fixture->location));
  g_settings_reset (settings, "database-kind");
  g_settings_reset (settings, "sqlite-path");
}

static void
test_items (void)
{
  g_autoptr(VigilMeetingItem) meeting = vigil_meeting_item_new (42, "MATAC panel — 2026-12-09 (Scheduled)");
  g_autoptr(VigilTableRow) row = NULL;
  g_autofree char *label = NULL;
  const char * const cells[] = { "2026-10", "12", "3", NULL };
  gint64 id = 0;

  g_object_get (meeting, "id", &id, "label", &label, NULL);
  g_assert_cmpint (id, ==, 42);
  g_assert_cmpstr (label, ==, "MATAC panel — 2026-12-09 (Scheduled)");
  g_assert_cmpint (vigil_meeting_item_get_id (meeting), ==, 42);

  row = vigil_table_row_new (g_strdupv ((char **) cells));
  g_assert_cmpuint (vigil_table_row_get_n_cells (row), ==, 3);
  g_assert_cmpstr (vigil_table_row_get_cell (row, 0), ==, "2026-10");
  g_assert_cmpstr (vigil_table_row_get_cell (row, 2), ==, "3");
  g_assert_null (vigil_table_row_get_cell (row, 3));
}

static void
names_changed_cb (VigilScoreModel *model,
                  gpointer         user_data)
{
  (*(guint *) user_data)++;
}

static void
search_done_cb (GObject      *object,
                GAsyncResult *result,
                gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static gint64
person_at (VigilScoreModel *model,
           guint            position)
{
  g_autoptr(VigilScoreItem) item = g_list_model_get_item (G_LIST_MODEL (model), position);

  g_assert_nonnull (item);
  return vigil_score_item_get_person_id (item);
}

static int
rank_at (VigilScoreModel *model,
         guint            position)
{
  g_autoptr(VigilScoreItem) item = g_list_model_get_item (G_LIST_MODEL (model), position);

  g_assert_nonnull (item);
  return vigil_score_item_get_rank (item);
}

static int
gravity_at (VigilScoreModel *model,
            guint            position)
{
  g_autoptr(VigilScoreItem) item = g_list_model_get_item (G_LIST_MODEL (model), position);

  g_assert_nonnull (item);
  return vigil_score_item_get_row (item)->points[VIGIL_RFGV_GRAVITY];
}

/* The ranking as the identification view lists it: the cohort filter, sorting by a
 * component either way, names read from the store off the main thread, and a search
 * that finds people by name in the store. */
static void
test_score_model (Fixture       *fixture,
                  gconstpointer  user_data)
{
  static const int gravity[N_PEOPLE] = { 9, 14, 5, 11, 2 };
  static const guint8 g_points[N_PEOPLE] = { 3, 5, 2, 4, 1 };
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilScoreModel) model = NULL;
  g_autoptr(GAsyncResult) searched = NULL;
  VigilScoreRow rows[N_PEOPLE] = { 0, };
  GDate as_of;
  const char *name = NULL;
  const char *reference = NULL;
  guint n_names_changed = 0;

  g_date_clear (&as_of, 1);
  g_date_set_dmy (&as_of, 1, G_DATE_NOVEMBER, 2026);
  for (guint i = 0; i < N_PEOPLE; i++)
    {
      rows[i].person_id = fixture->ids[i];
      rows[i].person = -1;
      rows[i].rank = i + 1;
      rows[i].area = -1;
      rows[i].latest_fact = -1;
      rows[i].n_incidents = N_PEOPLE - i;
      rows[i].gravity_sum = gravity[i];
      rows[i].points[VIGIL_RFGV_GRAVITY] = g_points[i];
      rows[i].n_victims = 1;
      rows[i].in_cohort = i < 3;
      rows[i].total = 20.0 - i;
    }
  model = vigil_score_model_new (fixture->store, vigil_score_table_new_from_rows (rows, N_PEOPLE, &as_of),
                                 NULL, NULL, NULL);
  g_signal_connect (model, "names-changed", G_CALLBACK (names_changed_cb), &n_names_changed);

  /* everyone at first; the cohort, in rank order */
  g_assert_cmpint (vigil_score_model_get_filter (model), ==, VIGIL_SCORE_FILTER_EVERYONE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_PEOPLE);
  vigil_score_model_set_filter (model, VIGIL_SCORE_FILTER_COHORT);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 3);
  for (guint i = 0; i < 3; i++)
    g_assert_cmpint (rank_at (model, i), ==, (int) i + 1);

  vigil_score_model_set_filter (model, VIGIL_SCORE_FILTER_EVERYONE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_PEOPLE);
  g_assert_cmpuint (vigil_score_model_find_person (model, fixture->ids[4]), ==, 4);

  /* by the gravity points, highest first; then lowest first */
  vigil_score_model_set_sort (model, VIGIL_SCORE_SORT_GRAVITY, TRUE);
  g_assert_cmpint (person_at (model, 0), ==, fixture->ids[1]);
  g_assert_cmpint (person_at (model, 4), ==, fixture->ids[4]);
  for (guint i = 1; i < N_PEOPLE; i++)
    g_assert_cmpint (gravity_at (model, i - 1), >=, gravity_at (model, i));
  vigil_score_model_set_sort (model, VIGIL_SCORE_SORT_GRAVITY, FALSE);
  g_assert_cmpint (person_at (model, 0), ==, fixture->ids[4]);
  vigil_score_model_set_sort (model, VIGIL_SCORE_SORT_RANK, FALSE);
  g_assert_cmpint (rank_at (model, 0), ==, 1);

  /* a name not yet read is asked for, off the main thread */
  if (!vigil_score_model_lookup_person (model, fixture->ids[2], &name, &reference))
    while (n_names_changed == 0)
      g_main_context_iteration (NULL, TRUE);
  g_assert_true (vigil_score_model_lookup_person (model, fixture->ids[2], &name, &reference));
  g_assert_cmpstr (name, ==, "Synthcharlie, Test");
  g_assert_cmpstr (reference, ==, "SYN-M003");

  /* a search by name, in the store */
  vigil_score_model_set_search_async (model, "synthdelta", NULL, search_done_cb, &searched);
  while (searched == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (vigil_score_model_set_search_finish (model, searched, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);
  g_assert_cmpint (person_at (model, 0), ==, fixture->ids[3]);
  vigil_score_model_clear_search (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, N_PEOPLE);
}

/* Change Status: the moves allowed from under review, the description, and which
 * fields the move chosen asks for (a panel only while another process is active). */
static void
test_status_model (void)
{
  g_autoptr(VigilPerson) person = vigil_person_new ();
  g_autoptr(VigilCohortEntry) entry = vigil_cohort_entry_new ();
  g_autoptr(VigilProcessOverlap) marac = vigil_process_overlap_new ();
  g_autoptr(VigilProcessOverlap) iom = vigil_process_overlap_new ();
  g_autoptr(GPtrArray) processes = g_ptr_array_new ();
  g_autoptr(VigilStatusModel) model = NULL;
  g_autoptr(VigilStatusModel) alone = NULL;
  VigilDossier dossier = { 0 };
  const char * const *next;
  guint n_exit = 0, n_panel = 0, n_status = 0;
  gboolean asks = TRUE;

  person->surname = g_strdup ("Synthexample");
  person->forenames = g_strdup ("Test");
  entry->record.id = 7;
  entry->record.rev = 3;
  entry->status = g_strdup ("under_review");
  marac->process = g_strdup ("marac");
  marac->status = g_strdup ("active");
  iom->process = g_strdup ("iom");
  iom->status = g_strdup ("closed");
  g_ptr_array_add (processes, marac);
  g_ptr_array_add (processes, iom);
  dossier.person = person;
  dossier.processes = processes;

  /* no cohort entry, or an exited one: nothing to move */
  g_assert_null (vigil_status_model_new (&dossier));
  dossier.cohort_entry = entry;
  g_free (entry->status);
  entry->status = g_strdup ("exited");
  g_assert_null (vigil_status_model_new (&dossier));
  g_free (entry->status);
  entry->status = g_strdup ("under_review");

  model = vigil_status_model_new (&dossier);
  g_assert_nonnull (model);
  g_assert_cmpint (vigil_status_model_get_entry_id (model), ==, 7);
  g_assert_cmpint (vigil_status_model_get_entry_rev (model), ==, 3);
  next = vigil_status_model_get_next_statuses (model);
  g_assert_cmpstr (next[0], ==, "managed");
  g_assert_true (g_strv_contains (next, "exited"));
  g_assert_false (g_strv_contains (next, "candidate"));
  g_assert_true (vigil_status_model_get_other_process_active (model));
  g_assert_nonnull (strstr (vigil_status_model_get_description (model), "Synthexample, Test"));
  g_assert_nonnull (strstr (vigil_status_model_get_description (model), "MARAC"));
  g_assert_null (strstr (vigil_status_model_get_description (model), "IOM"));   /* closed */

  /* the first move allowed to begin with: an adoption, which asks for the panel */
  g_assert_cmpstr (vigil_status_model_get_status (model), ==, "managed");
  g_assert_true (vigil_status_model_get_asks_managing_panel (model));
  g_assert_false (vigil_status_model_get_asks_exit_reason (model));

  g_signal_connect (model, "notify::status", G_CALLBACK (count_cb), &n_status);
  g_signal_connect (model, "notify::asks-exit-reason", G_CALLBACK (count_cb), &n_exit);
  g_signal_connect (model, "notify::asks-managing-panel", G_CALLBACK (count_cb), &n_panel);
  g_object_set (model, "status", "exited", NULL);
  g_assert_cmpuint (n_status, ==, 1);
  g_assert_cmpuint (n_exit, ==, 1);
  g_assert_cmpuint (n_panel, ==, 1);
  g_object_get (model, "asks-exit-reason", &asks, NULL);
  g_assert_true (asks);
  g_assert_false (vigil_status_model_get_asks_managing_panel (model));

  /* the same again notifies nothing; of concern asks for neither */
  vigil_status_model_set_status (model, "exited");
  g_assert_cmpuint (n_status, ==, 1);
  vigil_status_model_set_status (model, "of_concern");
  g_assert_cmpuint (n_status, ==, 2);
  g_assert_cmpuint (n_exit, ==, 2);
  g_assert_cmpuint (n_panel, ==, 1);
  g_assert_false (vigil_status_model_get_asks_exit_reason (model));
  g_assert_false (vigil_status_model_get_asks_managing_panel (model));

  /* with no other process active, an adoption does not ask for the panel */
  g_free (marac->status);
  marac->status = g_strdup ("closed");
  alone = vigil_status_model_new (&dossier);
  g_assert_false (vigil_status_model_get_other_process_active (alone));
  g_assert_null (strstr (vigil_status_model_get_description (alone), "MARAC"));
  g_assert_cmpstr (vigil_status_model_get_status (alone), ==, "managed");
  g_assert_false (vigil_status_model_get_asks_managing_panel (alone));
}

/* The tactical menu's options as the picker lists them: retired ones left out, by
 * category then title; the search and the engagement filter. */
static void
test_option_items (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilTacticalMenu) menu = NULL;
  g_autoptr(GListStore) items = NULL;
  g_autoptr(VigilOptionItem) dapo = NULL;
  g_autofree char *code = NULL;
  g_autofree char *title = NULL;
  VigilTacticalOption *retired;
  GPtrArray *options;
  guint n, n_offered = 0, n_engaging = 0;

  vigil_core_init ();   /* the menu is a resource of the core */
  menu = vigil_tactical_menu_load_default (&error);
  g_assert_no_error (error);
  options = vigil_tactical_menu_get_options (menu);
  retired = g_ptr_array_index (options, 0);
  retired->retired = TRUE;
  for (guint i = 0; i < options->len; i++)
    n_offered += ((VigilTacticalOption *) g_ptr_array_index (options, i))->retired ? 0 : 1;

  items = vigil_option_item_list_new (menu);
  n = g_list_model_get_n_items (G_LIST_MODEL (items));
  g_assert_cmpuint (n, ==, n_offered);
  g_assert_cmpuint (g_list_model_get_item_type (G_LIST_MODEL (items)), ==, VIGIL_TYPE_OPTION_ITEM);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(VigilOptionItem) item = g_list_model_get_item (G_LIST_MODEL (items), i);

      g_assert_cmpstr (vigil_option_item_get_code (item), !=, retired->code);
      if (i > 0)
        {
          g_autoptr(VigilOptionItem) before = g_list_model_get_item (G_LIST_MODEL (items), i - 1);

          g_assert_cmpint (vigil_option_item_compare (before, item, NULL), <=, 0);
        }
      if (g_str_equal (vigil_option_item_get_code (item), "dapo"))
        dapo = g_object_ref (item);
      if (vigil_option_item_matches (item, NULL, "engaging"))
        n_engaging++;
    }
  g_assert_cmpuint (n_engaging, >, 0);
  g_assert_cmpuint (n_engaging, <, n);

  g_assert_nonnull (dapo);
  g_object_get (dapo, "code", &code, "title", &title, NULL);
  g_assert_cmpstr (code, ==, "dapo");
  g_assert_cmpstr (title, ==, "Domestic Abuse Protection Order");
  g_assert_cmpstr (vigil_option_item_get_category (dapo), ==, "enforcement");
  g_assert_nonnull (vigil_option_item_get_category_title (dapo));
  g_assert_nonnull (strstr (vigil_option_item_get_subtitle (dapo), "Domestic Abuse Act 2021"));
  /* suits both: whoever the person is; found by title, legal basis or code, any case */
  g_assert_true (vigil_option_item_matches (dapo, "", "engaging"));
  g_assert_true (vigil_option_item_matches (dapo, NULL, "non_engaging"));
  g_assert_true (vigil_option_item_matches (dapo, "PROTECTION order", NULL));
  g_assert_true (vigil_option_item_matches (dapo, "act 2021", NULL));
  g_assert_true (vigil_option_item_matches (dapo, "dapo", NULL));
  g_assert_false (vigil_option_item_matches (dapo, "stalking", NULL));
}

/* A conflicting edit: only the fields that differ, both values as text, who saved
 * theirs; a version that could not be read back says why; clearing empties it. */
static void
test_conflict_model (void)
{
  g_autoptr(VigilConflictModel) model = vigil_conflict_model_new ();
  g_autoptr(VigilPerson) mine = vigil_person_new ();
  g_autoptr(VigilPerson) theirs = vigil_person_new ();
  g_autoptr(VigilConflictField) field = NULL;
  const char * const names[] = { "surname", "forenames", "gender", "notes" };
  const char * const labels[] = { "Surname", "Forenames", "Gender", "Notes" };
  const VigilField *fields[G_N_ELEMENTS (names)];
  GListModel *differ = vigil_conflict_model_get_fields (model);
  guint n_has_fields = 0, n_message = 0;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    fields[i] = vigil_record_type_find_field (&vigil_person_type, names[i]);
  mine->surname = g_strdup ("Synthexample");
  theirs->surname = g_strdup ("Synthexample");
  mine->forenames = g_strdup ("Mine");
  theirs->forenames = g_strdup ("Theirs");
  theirs->gender = g_strdup ("female");
  mine->notes = g_strdup ("");   /* empty either way: no difference */
  theirs->record.updated_by = g_strdup ("Other Coordinator (synthetic)");
  theirs->record.updated_at = g_strdup ("2026-11-03T10:00:00Z");

  g_assert_null (vigil_conflict_model_get_message (model));
  g_assert_false (vigil_conflict_model_get_has_fields (model));
  g_signal_connect (model, "notify::has-fields", G_CALLBACK (count_cb), &n_has_fields);
  g_signal_connect (model, "notify::message", G_CALLBACK (count_cb), &n_message);

  vigil_conflict_model_compare (model, fields, labels, G_N_ELEMENTS (names), theirs, mine, NULL);
  g_assert_cmpuint (n_has_fields, ==, 1);
  g_assert_cmpuint (n_message, ==, 1);
  g_assert_true (vigil_conflict_model_get_has_fields (model));
  g_assert_cmpuint (g_list_model_get_n_items (differ), ==, 2);
  g_assert_nonnull (strstr (vigil_conflict_model_get_message (model), "Other Coordinator (synthetic) saved this"));
  g_assert_nonnull (strstr (vigil_conflict_model_get_message (model), "2 fields differ"));
  field = g_list_model_get_item (differ, 0);
  g_assert_cmpstr (vigil_conflict_field_get_label (field), ==, "Forenames");
  g_assert_cmpstr (vigil_conflict_field_get_theirs (field), ==, "Theirs");
  g_assert_cmpstr (vigil_conflict_field_get_mine (field), ==, "Mine");
  g_assert_cmpstr (vigil_conflict_field_get_summary (field), ==, "Saved by them: Theirs\nYours: Mine");
  g_clear_object (&field);
  field = g_list_model_get_item (differ, 1);
  g_assert_cmpstr (vigil_conflict_field_get_label (field), ==, "Gender");
  g_assert_cmpstr (vigil_conflict_field_get_mine (field), ==, "(not set)");
  g_clear_object (&field);

  /* the same values: their version already says what mine says */
  g_free (mine->forenames);
  mine->forenames = g_strdup ("Theirs");
  mine->gender = g_strdup ("female");
  vigil_conflict_model_compare (model, fields, labels, G_N_ELEMENTS (names), theirs, mine, NULL);
  g_assert_cmpuint (n_has_fields, ==, 2);
  g_assert_false (vigil_conflict_model_get_has_fields (model));
  g_assert_nonnull (strstr (vigil_conflict_model_get_message (model), "already says what yours says"));

  /* theirs could not be read back: the reason, no fields */
  vigil_conflict_model_compare (model, fields, labels, G_N_ELEMENTS (names), NULL, mine,
                                "Someone removed this record.");
  g_assert_cmpstr (vigil_conflict_model_get_message (model), ==, "Someone removed this record.");
  g_assert_cmpuint (g_list_model_get_n_items (differ), ==, 0);

  vigil_conflict_model_clear (model);
  g_assert_null (vigil_conflict_model_get_message (model));
  g_assert_cmpuint (n_has_fields, ==, 2);
}

static gboolean
give_up_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main context until @model is idle (a minute at most). */
static void
wait_idle (VigilEvaluationModel *model)
{
  gboolean timed_out = FALSE;
  guint timeout = g_timeout_add_seconds (60, give_up_cb, &timed_out);

  while (vigil_evaluation_model_get_busy (model) && !timed_out)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (timed_out);
  g_source_remove (timeout);
}

/* The Evaluation page's state: the filters as it keeps them, a run on setting the
 * store and on each filter that changes (not on the dates, which wait for the next
 * run), its result and chart, the chart chosen, and what it says. */
static void
test_evaluation_model (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(VigilEvaluationModel) model = vigil_evaluation_model_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *from = NULL;
  const VigilEvaluation *first;
  guint n_busy = 0, n_chart = 0, n_areas = 0;

  g_assert_null (vigil_evaluation_model_get_store (model));
  g_assert_cmpuint (vigil_evaluation_model_get_window (model), ==, 0);
  g_assert_cmpstr (vigil_evaluation_model_get_chart_name (model), ==, "before-after");
  g_assert_nonnull (vigil_evaluation_model_get_areas (model));
  g_assert_null (vigil_evaluation_model_get_areas (model)[0]);
  g_assert_null (vigil_evaluation_model_get_chart (model));
  g_assert_false (vigil_evaluation_model_export_chart (model, "/nonexistent/chart.png", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED);
  g_clear_error (&error);

  /* no store: nothing runs */
  g_signal_connect (model, "notify::busy", G_CALLBACK (count_cb), &n_busy);
  g_signal_connect (model, "notify::chart", G_CALLBACK (count_cb), &n_chart);
  g_signal_connect (model, "notify::areas", G_CALLBACK (count_cb), &n_areas);
  vigil_evaluation_model_set_route (model, "rfgv");
  vigil_evaluation_model_refresh (model);
  g_assert_false (vigil_evaluation_model_get_busy (model));
  g_assert_cmpuint (n_busy, ==, 0);

  /* the dates as typed, blank as none */
  vigil_evaluation_model_set_adopted_from (model, " 2025-01-01 ");
  g_object_get (model, "adopted-from", &from, NULL);
  g_assert_cmpstr (from, ==, "2025-01-01");
  g_clear_pointer (&from, g_free);
  g_object_set (model, "adopted-from", "  ", NULL);
  g_object_get (model, "adopted-from", &from, NULL);
  g_assert_null (from);
  vigil_evaluation_model_set_route (model, NULL);

  /* a store: its areas are listed and it is evaluated */
  vigil_evaluation_model_set_store (model, fixture->store);
  g_assert_true (vigil_evaluation_model_get_busy (model));
  g_assert_cmpuint (n_busy, ==, 1);
  g_assert_cmpfloat (vigil_evaluation_model_get_fraction (model), ==, 0.0);
  wait_idle (model);
  g_assert_cmpuint (n_busy, ==, 2);
  first = vigil_evaluation_model_get_evaluation (model);
  g_assert_nonnull (first);
  g_assert_false (vigil_evaluation_model_get_message_is_error (model));
  g_assert_nonnull (strstr (vigil_evaluation_model_get_message (model), "managed people"));
  g_assert_nonnull (vigil_evaluation_model_get_chart (model));
  g_assert_cmpstr (vigil_chart_get_name (vigil_evaluation_model_get_chart (model)), ==, "before-after");

  /* another chart of the same evaluation */
  n_chart = 0;
  g_object_set (model, "chart-name", "survival", NULL);
  g_assert_cmpuint (n_chart, ==, 1);
  g_assert_cmpstr (vigil_chart_get_name (vigil_evaluation_model_get_chart (model)), ==, "survival");
  g_assert_true (vigil_evaluation_model_get_evaluation (model) == first);

  /* a filter that changes runs it again; the same value does not */
  n_busy = 0;
  vigil_evaluation_model_set_window (model, 3);
  g_assert_true (vigil_evaluation_model_get_busy (model));
  wait_idle (model);
  g_assert_cmpint (vigil_evaluation_get_options (vigil_evaluation_model_get_evaluation (model))->window_months[0], ==, 12);
  g_assert_cmpuint (vigil_evaluation_get_options (vigil_evaluation_model_get_evaluation (model))->n_windows, ==, 1);
  vigil_evaluation_model_set_window (model, 3);
  g_assert_false (vigil_evaluation_model_get_busy (model));
  g_assert_cmpuint (n_busy, ==, 2);

  /* a date is applied at the next run; a bad one is a problem, the evaluation stays */
  first = vigil_evaluation_model_get_evaluation (model);
  vigil_evaluation_model_set_adopted_from (model, "2025-13-40");
  g_assert_false (vigil_evaluation_model_get_busy (model));
  vigil_evaluation_model_refresh (model);
  wait_idle (model);
  g_assert_true (vigil_evaluation_model_get_message_is_error (model));
  g_assert_true (vigil_evaluation_model_get_evaluation (model) == first);
  vigil_evaluation_model_set_adopted_from (model, NULL);

  /* cancelled: the evaluation before stays */
  vigil_evaluation_model_set_category (model, "support");
  g_assert_true (vigil_evaluation_model_get_busy (model));
  vigil_evaluation_model_cancel (model);
  wait_idle (model);
  g_assert_true (vigil_evaluation_model_get_evaluation (model) == first);
  g_assert_nonnull (strstr (vigil_evaluation_model_get_message (model), "Cancelled"));

  vigil_evaluation_model_report (model, "Saved chart.png.", FALSE);
  g_assert_cmpstr (vigil_evaluation_model_get_message (model), ==, "Saved chart.png.");
  g_assert_false (vigil_evaluation_model_get_message_is_error (model));

  /* no store: no evaluation */
  vigil_evaluation_model_set_store (model, NULL);
  g_assert_null (vigil_evaluation_model_get_evaluation (model));
  g_assert_null (vigil_evaluation_model_get_chart (model));
  g_assert_false (vigil_evaluation_model_get_busy (model));
  g_assert_cmpuint (n_areas, >=, 1);
}

static const char *
shout (const char *code)
{
  return g_str_equal (code, "a") ? "A!" : NULL;
}

/* A drop-down's choices: an id and a label each, "any" first with no id. */
static void
test_choice_items (void)
{
  g_autoptr(GListStore) store = g_list_store_new (VIGIL_TYPE_CHOICE_ITEM);
  static const char * const areas[] = { "North", "South", NULL };
  static const char * const codes[] = { "a", "b", NULL };
  g_autoptr(VigilChoiceItem) item = NULL;
  g_autoptr(VigilChoiceItem) value = vigil_choice_item_new_value (3, "12 months");
  g_autofree char *label = NULL;
  g_autofree char *id = NULL;

  /* codes labelled by their choice table */
  vigil_choice_item_fill (store, "Any route", vigil_route_choices, vigil_route_choices, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, g_strv_length ((char **) vigil_route_choices) + 1);
  item = g_list_model_get_item (G_LIST_MODEL (store), 0);
  g_assert_null (vigil_choice_item_get_id (item));
  g_assert_cmpstr (vigil_choice_item_get_label (item), ==, "Any route");
  g_clear_object (&item);
  item = g_list_model_get_item (G_LIST_MODEL (store), 1);
  g_assert_cmpstr (vigil_choice_item_get_id (item), ==, "rfgv");
  g_assert_cmpstr (vigil_choice_item_get_label (item), ==, vigil_choice_get_label (vigil_route_choices, "rfgv"));
  g_object_get (item, "id", &id, "label", &label, NULL);
  g_assert_cmpstr (id, ==, "rfgv");
  g_assert_cmpstr (label, ==, vigil_choice_item_get_label (item));
  g_assert_cmpstr (vigil_choice_item_get_id_of (item), ==, "rfgv");
  g_assert_null (vigil_choice_item_get_id_of (NULL));
  g_clear_object (&item);

  /* found by id; NULL finds "any" */
  g_assert_cmpuint (vigil_choice_item_find (G_LIST_MODEL (store), NULL), ==, 0);
  g_assert_cmpuint (vigil_choice_item_find (G_LIST_MODEL (store), "stalking_referral"), ==, 2);
  g_assert_cmpuint (vigil_choice_item_find (G_LIST_MODEL (store), "pie"), ==, G_MAXUINT);

  /* filled again: names as their own labels, and no "any" */
  vigil_choice_item_fill (store, NULL, areas, NULL, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 2);
  item = g_list_model_get_item (G_LIST_MODEL (store), 1);
  g_assert_cmpstr (vigil_choice_item_get_id (item), ==, "South");
  g_assert_cmpstr (vigil_choice_item_get_label (item), ==, "South");
  g_clear_object (&item);
  vigil_choice_item_fill (store, "Any area", NULL, NULL, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 1);

  /* labelled by a function, the code when it has none */
  vigil_choice_item_fill (store, NULL, codes, NULL, shout);
  item = g_list_model_get_item (G_LIST_MODEL (store), 0);
  g_assert_cmpstr (vigil_choice_item_get_label (item), ==, "A!");
  g_clear_object (&item);
  item = g_list_model_get_item (G_LIST_MODEL (store), 1);
  g_assert_cmpstr (vigil_choice_item_get_label (item), ==, "b");

  /* a choice that stands for a number */
  g_assert_cmpuint (vigil_choice_item_get_value (value), ==, 3);
  g_assert_null (vigil_choice_item_get_id (value));
  g_assert_cmpstr (vigil_choice_item_get_label (value), ==, "12 months");
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              guint      *n)
{
  (*n)++;
}

/* Someone a referral's search found: the name and details its row shows, and whether
 * they are the one chosen. */
static void
test_found_person (void)
{
  VigilPersonSummary summary = {
    .person_id = 42,
    .surname = (char *) "SYNTHALPHA",
    .forenames = (char *) "Ann",
    .local_ref = (char *) "SYN-0042",
    .pnc_id = (char *) "00/000042A",
    .dob = (char *) "1980-02-03",
    .status = (char *) "candidate",
  };
  g_autofree char *name = vigil_person_summary_dup_display_name (&summary);
  g_autofree char *expected = g_strdup_printf ("SYN-0042 · born 1980-02-03 · PNC 00/000042A · In the cohort: %s",
                                               vigil_choice_get_label (vigil_cohort_status_choices, "candidate"));
  g_autoptr(VigilFoundPerson) person = vigil_found_person_new (&summary);
  g_autoptr(VigilFoundPerson) bare = NULL;
  guint n_notified = 0;
  gboolean chosen = FALSE;

  g_assert_cmpint (vigil_found_person_get_person_id (person), ==, 42);
  g_assert_cmpstr (vigil_found_person_get_name (person), ==, name);
  g_assert_cmpstr (vigil_found_person_get_details (person), ==, expected);

  /* chosen: notified once a change */
  g_signal_connect (person, "notify::chosen", G_CALLBACK (count_notify), &n_notified);
  g_assert_false (vigil_found_person_get_chosen (person));
  vigil_found_person_set_chosen (person, TRUE);
  vigil_found_person_set_chosen (person, TRUE);
  g_object_get (person, "chosen", &chosen, NULL);
  g_assert_true (chosen);
  g_assert_cmpuint (n_notified, ==, 1);
  g_object_set (person, "chosen", FALSE, NULL);
  g_assert_false (vigil_found_person_get_chosen (person));
  g_assert_cmpuint (n_notified, ==, 2);

  /* no details but the status, and none for someone who left the cohort */
  summary.local_ref = summary.pnc_id = summary.dob = NULL;
  summary.status = (char *) "exited";
  bare = vigil_found_person_new (&summary);
  g_assert_cmpstr (vigil_found_person_get_details (bare), ==, "");
}

static VigilPanelMeeting *
make_meeting (gint64      id,
              const char *title,
              const char *meets_at,
              const char *status)
{
  VigilPanelMeeting *meeting = vigil_panel_meeting_new ();

  meeting->record.id = id;
  meeting->title = g_strdup (title);
  meeting->meets_at = g_strdup (meets_at);
  meeting->status = g_strdup (status);
  return meeting;
}

static void
add_name (GHashTable *names,
          gint64      person_id,
          const char *name)
{
  g_hash_table_insert (names, g_memdup2 (&person_id, sizeof person_id), g_strdup (name));
}

static guint n_agenda_changes;

static void
agenda_changed_cb (GListModel *model,
                   guint       position,
                   guint       removed,
                   guint       added,
                   gpointer    user_data)
{
  n_agenda_changes++;
}

/* The Panel page's view model: the chooser's meetings and which is shown first; the
 * meeting's heading, absent agencies and rows, and the records behind them. */
static void
test_panel_model (void)
{
  g_autoptr(VigilPanelModel) model = vigil_panel_model_new ();
  g_autoptr(GPtrArray) meetings = g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_panel_meeting_free);
  VigilPanelMeetingDetails *details;
  VigilAttendance *attendee;
  VigilAgendaItem *item;
  VigilAction *action;
  g_autoptr(VigilMeetingItem) first = NULL;
  g_autoptr(VigilPanelEntry) entry = NULL;
  g_autofree char *accessible = NULL;
  g_autofree char *when = NULL;
  gboolean can_build = FALSE;

  /* nothing yet */
  g_assert_cmpuint (vigil_panel_model_set_meetings (model, NULL, 0, "2026-12-08"), ==, G_MAXUINT);
  g_assert_cmpuint (g_list_model_get_n_items (vigil_panel_model_get_meetings (model)), ==, 0);
  g_assert_null (vigil_panel_model_get_details (model));
  g_assert_cmpint (vigil_panel_model_get_meeting_id (model), ==, 0);
  g_assert_false (vigil_panel_model_get_can_build (model));
  g_assert_false (vigil_panel_model_get_can_present (model));

  g_ptr_array_add (meetings, make_meeting (1, "MATAC panel", "2026-11-10T10:00", "held"));
  g_ptr_array_add (meetings, make_meeting (2, "MATAC panel", "2026-12-09T10:00", "scheduled"));
  g_ptr_array_add (meetings, make_meeting (3, "MATAC panel", "2027-01-12T10:00", "cancelled"));
  /* the next scheduled meeting, else the one asked for, else the newest */
  g_assert_cmpuint (vigil_panel_model_set_meetings (model, meetings, 0, "2026-12-08"), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (vigil_panel_model_get_meetings (model)), ==, 3);
  g_assert_true (g_list_model_get_item_type (vigil_panel_model_get_meetings (model)) == VIGIL_TYPE_MEETING_ITEM);
  first = g_list_model_get_item (vigil_panel_model_get_meetings (model), 0);
  g_assert_cmpint (vigil_meeting_item_get_id (first), ==, 1);
  g_assert_cmpstr (vigil_meeting_item_get_label (first), ==, "MATAC panel — 2026-11-10 (Held)");
  g_assert_cmpuint (vigil_panel_model_set_meetings (model, meetings, 1, "2026-12-08"), ==, 0);
  g_assert_cmpuint (vigil_panel_model_set_meetings (model, meetings, 0, "2026-12-10"), ==, 2);

  /* a meeting shown */
  details = g_new0 (VigilPanelMeetingDetails, 1);
  details->meeting = make_meeting (2, "MATAC panel", "2026-12-09T10:00", "scheduled");
  details->meeting->chair = g_strdup ("DI Synth Chair");
  details->meeting->protective_marking = g_strdup ("OFFICIAL-SENSITIVE");
  details->attendance = g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_attendance_free);
  details->items = g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_agenda_item_free);
  details->actions = g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_action_free);
  details->names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);

  attendee = vigil_attendance_new ();
  attendee->record.id = 11;
  attendee->meeting_id = 2;
  attendee->agency = g_strdup ("police");
  attendee->name = g_strdup ("DS Synth Present");
  attendee->role = g_strdup ("Chair");
  attendee->present = TRUE;
  g_ptr_array_add (details->attendance, attendee);
  attendee = vigil_attendance_new ();
  attendee->record.id = 12;
  attendee->meeting_id = 2;
  attendee->agency = g_strdup ("probation");
  attendee->present = FALSE;
  g_ptr_array_add (details->attendance, attendee);

  for (guint i = 0; i < 3; i++)
    {
      item = vigil_agenda_item_new ();
      item->record.id = 21 + i;
      item->meeting_id = 2;
      item->person_id = 31 + i;
      item->reason = g_strdup (i == 2 ? "exit" : "review_due");
      if (i == 0)
        item->minutes = g_strdup ("SYN minutes");
      g_ptr_array_add (details->items, item);
    }
  add_name (details->names, 31, "Synthalpha, Test (SYN-M001)");
  add_name (details->names, 32, "Synthbravo, Test (SYN-M002)");
  add_name (details->names, 33, "Synthcharlie, Test (SYN-M003)");

  action = vigil_action_new ();
  action->record.id = 41;
  action->meeting_id = 2;
  action->person_id = 31;
  action->description = g_strdup ("SYN check the address");
  action->owner_agency = g_strdup ("housing");
  action->due_on = g_strdup ("2026-12-30");
  action->status = g_strdup ("open");
  g_ptr_array_add (details->actions, action);
  action = vigil_action_new ();
  action->record.id = 42;
  action->meeting_id = 1;
  action->description = g_strdup ("SYN carried over");
  action->due_on = g_strdup ("2026-11-20");
  action->status = g_strdup ("open");
  g_ptr_array_add (details->actions, action);

  n_agenda_changes = 0;
  g_signal_connect (vigil_panel_model_get_agenda (model), "items-changed", G_CALLBACK (agenda_changed_cb), NULL);
  vigil_panel_model_set_details (model, details, "2026-12-08");
  g_assert_cmpuint (n_agenda_changes, ==, 1);
  g_assert_true (vigil_panel_model_get_details (model) == details);
  g_assert_cmpint (vigil_panel_model_get_meeting_id (model), ==, 2);
  g_object_get (model, "when", &when, "can-build", &can_build, NULL);
  g_assert_nonnull (strstr (when, "10:00"));
  g_assert_nonnull (strstr (when, "Scheduled"));
  g_assert_true (can_build);
  g_assert_true (vigil_panel_model_get_can_present (model));
  g_assert_cmpstr (vigil_panel_model_get_title (model), ==, "MATAC panel");
  g_assert_cmpstr (vigil_panel_model_get_where (model), ==, "no place set · area all · chair DI Synth Chair");
  g_assert_cmpstr (vigil_panel_model_get_marking (model), ==, "OFFICIAL-SENSITIVE");
  /* probation sent apologies: not represented */
  g_assert_cmpstr (vigil_panel_model_get_missing (model), ==,
                   "Not represented, though the guidance names them: Probation, Housing, Social care, Health, IDVA or ISAC.");

  g_assert_cmpuint (g_list_model_get_n_items (vigil_panel_model_get_attendance (model)), ==, 2);
  entry = g_list_model_get_item (vigil_panel_model_get_attendance (model), 0);
  g_assert_cmpint (vigil_panel_entry_get_id (entry), ==, 11);
  g_assert_cmpstr (vigil_panel_entry_get_title (entry), ==, "Police: DS Synth Present");
  g_assert_cmpstr (vigil_panel_entry_get_subtitle (entry), ==, "Chair");
  g_assert_cmpstr (vigil_panel_entry_get_detail (entry), ==, "");
  g_clear_object (&entry);
  entry = g_list_model_get_item (vigil_panel_model_get_attendance (model), 1);
  g_assert_cmpstr (vigil_panel_entry_get_title (entry), ==, "Probation");
  g_assert_cmpstr (vigil_panel_entry_get_detail (entry), ==, "Sent apologies");
  accessible = vigil_panel_entry_dup_accessible_label (entry);
  g_assert_cmpstr (accessible, ==, "Probation. Sent apologies");
  g_clear_pointer (&accessible, g_free);
  g_clear_object (&entry);

  /* the agenda in order; the first cannot move up, the last down */
  g_assert_cmpuint (g_list_model_get_n_items (vigil_panel_model_get_agenda (model)), ==, 3);
  entry = g_list_model_get_item (vigil_panel_model_get_agenda (model), 0);
  g_assert_cmpint (vigil_panel_entry_get_id (entry), ==, 21);
  g_assert_cmpstr (vigil_panel_entry_get_title (entry), ==, "1. Synthalpha, Test (SYN-M001)");
  g_assert_cmpstr (vigil_panel_entry_get_subtitle (entry), ==, "Review due");
  g_assert_cmpstr (vigil_panel_entry_get_detail (entry), ==, "SYN minutes");
  g_assert_cmpstr (vigil_panel_entry_get_name (entry), ==, "Synthalpha, Test (SYN-M001)");
  g_assert_false (vigil_panel_entry_get_can_move_up (entry));
  g_assert_true (vigil_panel_entry_get_can_move_down (entry));
  accessible = vigil_panel_entry_dup_accessible_label (entry);
  g_assert_cmpstr (accessible, ==, "1. Synthalpha, Test (SYN-M001). Review due. SYN minutes");
  g_clear_pointer (&accessible, g_free);
  g_clear_object (&entry);
  entry = g_list_model_get_item (vigil_panel_model_get_agenda (model), 2);
  g_assert_cmpstr (vigil_panel_entry_get_subtitle (entry), ==, "Exit");
  g_assert_true (vigil_panel_entry_get_can_move_up (entry));
  g_assert_false (vigil_panel_entry_get_can_move_down (entry));
  g_clear_object (&entry);

  /* the actions: the meeting's, then the carried one, overdue */
  g_assert_cmpuint (g_list_model_get_n_items (vigil_panel_model_get_actions (model)), ==, 2);
  entry = g_list_model_get_item (vigil_panel_model_get_actions (model), 0);
  g_assert_cmpstr (vigil_panel_entry_get_subtitle (entry), ==, "Housing · due 2026-12-30 · Open");
  g_assert_false (vigil_panel_entry_get_warning (entry));
  g_assert_cmpstr (vigil_panel_entry_get_detail (entry), ==, "Synthalpha, Test (SYN-M001)");
  g_assert_cmpstr (vigil_panel_entry_get_note (entry), ==, "");
  g_clear_object (&entry);
  entry = g_list_model_get_item (vigil_panel_model_get_actions (model), 1);
  g_assert_cmpstr (vigil_panel_entry_get_subtitle (entry), ==, "no owner · due 2026-11-20 · Open · overdue");
  g_assert_true (vigil_panel_entry_get_warning (entry));
  g_assert_cmpstr (vigil_panel_entry_get_note (entry), ==, "Carried from an earlier meeting");
  g_clear_object (&entry);

  /* the records behind the rows, for the actions' parameters */
  g_assert_cmpstr (vigil_panel_model_find_attendee (model, 12)->agency, ==, "probation");
  g_assert_cmpint (vigil_panel_model_find_item (model, 22)->person_id, ==, 32);
  g_assert_cmpstr (vigil_panel_model_find_action (model, 42)->description, ==, "SYN carried over");
  g_assert_null (vigil_panel_model_find_item (model, 41));
  g_assert_null (vigil_panel_model_find_action (model, 0));
  g_assert_cmpstr (vigil_panel_model_get_person_name (model, 99), ==, "");

  /* none shown again: no row, no record */
  vigil_panel_model_set_details (model, NULL, "2026-12-08");
  g_assert_cmpuint (n_agenda_changes, ==, 2);
  g_assert_null (vigil_panel_model_get_details (model));
  g_assert_cmpuint (g_list_model_get_n_items (vigil_panel_model_get_agenda (model)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (vigil_panel_model_get_attendance (model)), ==, 0);
  g_assert_cmpuint (g_list_model_get_n_items (vigil_panel_model_get_actions (model)), ==, 0);
  g_assert_null (vigil_panel_model_find_item (model, 21));
  g_assert_cmpstr (vigil_panel_model_get_missing (model), ==, "");
  g_assert_false (vigil_panel_model_get_can_build (model));
  g_signal_handlers_disconnect_by_func (vigil_panel_model_get_agenda (model), agenda_changed_cb, NULL);
}

static void
free_victim (gpointer data)
{
  VigilDossierVictim *victim = data;

  g_free (victim->role);
  g_free (victim->surname);
  g_free (victim->forenames);
  g_free (victim);
}

static char *
dup_style_of (VigilPresenterCase *presenter_case,
              const char         *text)
{
  GListModel *lines = vigil_presenter_case_get_lines (presenter_case);

  for (guint i = 0; i < g_list_model_get_n_items (lines); i++)
    {
      g_autoptr(VigilPanelEntry) line = g_list_model_get_item (lines, i);

      if (strstr (vigil_panel_entry_get_title (line), text) != NULL)
        return g_strdup (vigil_panel_entry_get_style (line) ? vigil_panel_entry_get_style (line) : "plain");
    }
  return NULL;
}

/* What the panel room may see of one case: victims by their role until someone
 * chooses to show their names; only the agency information marked for the panel. */
static void
test_presenter_case (void)
{
  VigilDossier *dossier = g_new0 (VigilDossier, 1);
  g_autoptr(VigilAgendaItem) item = vigil_agenda_item_new ();
  g_autoptr(GPtrArray) actions = g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_action_free);
  g_autoptr(VigilPresenterCase) presenter_case = NULL;
  g_autoptr(VigilPresenterCase) nothing = NULL;
  VigilDossierVictim *victim = g_new0 (VigilDossierVictim, 1);
  VigilVictimLink *link = vigil_victim_link_new ();
  VigilAction *action = vigil_action_new ();
  g_autofree char *text = NULL;
  g_autofree char *style = NULL;
  guint n_lines;

  dossier->person = vigil_person_new ();
  dossier->person->record.id = 7;
  dossier->person->surname = g_strdup ("Synthperp");
  dossier->person->forenames = g_strdup ("Test");
  dossier->person->local_ref = g_strdup ("SYN-P007");
  dossier->decisions = g_ptr_array_new ();
  dossier->processes = g_ptr_array_new ();
  dossier->agency_information = g_ptr_array_new ();
  dossier->interventions = g_ptr_array_new ();
  dossier->victims = g_ptr_array_new_with_free_func (free_victim);
  dossier->victim_links = g_ptr_array_new_with_free_func ((GDestroyNotify) vigil_victim_link_free);
  victim->person_id = 8;
  victim->number = 1;
  victim->role = g_strdup ("Victim 1");
  victim->surname = g_strdup ("Synthvictim");
  victim->forenames = g_strdup ("Ann");
  g_ptr_array_add (dossier->victims, victim);
  link->victim_id = 8;
  link->relationship = g_strdup ("ex_partner");
  link->safety_plan = TRUE;
  g_ptr_array_add (dossier->victim_links, link);

  item->record.id = 21;
  item->person_id = 7;
  item->reason = g_strdup ("review_due");
  action->person_id = 7;
  action->description = g_strdup ("SYN check the address");
  action->due_on = g_strdup ("2026-12-01");
  action->status = g_strdup ("open");
  g_ptr_array_add (actions, action);

  presenter_case = vigil_presenter_case_new (item, dossier, actions, NULL, 1, 3, "2026-12-08");
  /* nothing is borrowed: the records may go */
  g_clear_pointer (&dossier, vigil_dossier_free);
  g_clear_pointer (&actions, g_ptr_array_unref);

  g_assert_cmpuint (vigil_presenter_case_get_position (presenter_case), ==, 1);
  g_assert_cmpuint (vigil_presenter_case_get_n_cases (presenter_case), ==, 3);
  g_assert_cmpint (vigil_presenter_case_get_person_id (presenter_case), ==, 7);
  g_assert_true (vigil_presenter_case_get_has_victims (presenter_case));
  g_assert_false (vigil_presenter_case_get_show_names (presenter_case));
  text = vigil_presenter_case_dup_text (presenter_case);
  g_assert_nonnull (strstr (text, "Case 2 of 3 · Review due · SYN-P007\n"));
  g_assert_nonnull (strstr (text, "Synthperp, Test\n"));
  g_assert_nonnull (strstr (text, "• Victim 1 — Ex-partner · no advocate · safety plan\n"));
  g_assert_nonnull (strstr (text, "V shows their names"));
  g_assert_null (strstr (text, "Synthvictim"));
  g_assert_nonnull (strstr (text, "• SYN check the address — due 2026-12-01 · overdue\n"));
  style = dup_style_of (presenter_case, "Case 2 of 3");
  g_assert_cmpstr (style, ==, "caption");
  g_clear_pointer (&style, g_free);
  style = dup_style_of (presenter_case, "Synthperp");
  g_assert_cmpstr (style, ==, "title");
  g_clear_pointer (&style, g_free);
  style = dup_style_of (presenter_case, "Victims and safeguarding");
  g_assert_cmpstr (style, ==, "heading");
  g_clear_pointer (&style, g_free);
  style = dup_style_of (presenter_case, "SYN check the address");
  g_assert_cmpstr (style, ==, "warning");
  g_clear_pointer (&style, g_free);
  n_lines = g_list_model_get_n_items (vigil_presenter_case_get_lines (presenter_case));

  /* names once asked for, and hidden again */
  g_object_set (presenter_case, "show-names", TRUE, NULL);
  g_assert_true (vigil_presenter_case_get_show_names (presenter_case));
  g_clear_pointer (&text, g_free);
  text = vigil_presenter_case_dup_text (presenter_case);
  g_assert_nonnull (strstr (text, "• Victim 1 (Synthvictim, Ann) — Ex-partner"));
  g_assert_null (strstr (text, "V shows their names"));
  g_assert_cmpuint (g_list_model_get_n_items (vigil_presenter_case_get_lines (presenter_case)), ==, n_lines - 1);
  vigil_presenter_case_set_show_names (presenter_case, FALSE);
  g_clear_pointer (&text, g_free);
  text = vigil_presenter_case_dup_text (presenter_case);
  g_assert_null (strstr (text, "Synthvictim"));
  g_assert_cmpuint (g_list_model_get_n_items (vigil_presenter_case_get_lines (presenter_case)), ==, n_lines);

  /* an empty agenda */
  nothing = vigil_presenter_case_new (NULL, NULL, NULL, NULL, 0, 0, "2026-12-08");
  g_clear_pointer (&text, g_free);
  text = vigil_presenter_case_dup_text (nothing);
  g_assert_cmpstr (text, ==, "Nothing on the agenda\n");
  g_assert_false (vigil_presenter_case_get_has_victims (nothing));
  g_assert_cmpint (vigil_presenter_case_get_person_id (nothing), ==, 0);
}

/* The first item named @name in @item's buttons and children, depth first */
static VigilDossierItem *
find_item (VigilDossierItem *item,
           const char       *name)
{
  GListModel *models[] = { vigil_dossier_item_get_buttons (item), vigil_dossier_item_get_children (item) };

  if (g_strcmp0 (vigil_dossier_item_get_name (item), name) == 0)
    return item;
  for (guint m = 0; m < G_N_ELEMENTS (models); m++)
    for (guint i = 0; i < g_list_model_get_n_items (models[m]); i++)
      {
        g_autoptr(VigilDossierItem) child = g_list_model_get_item (models[m], i);
        VigilDossierItem *found = find_item (child, name);

        if (found != NULL)
          return found;
      }
  return NULL;
}

/* The row's lines, "\n"-joined, the first included */
static char *
dup_row_text (VigilDossierItem *row)
{
  GString *text = g_string_new (vigil_dossier_item_get_text (row));

  for (guint i = 0; i < vigil_dossier_item_get_n_lines (row); i++)
    g_string_append_printf (text, "\n%s", vigil_dossier_item_get_line (row, i, NULL));
  return g_string_free (text, FALSE);
}

static VigilDossierItem *
get_button (VigilDossierItem *item,
            guint             index)
{
  g_autoptr(VigilDossierItem) button = g_list_model_get_item (vigil_dossier_item_get_buttons (item), index);

  g_assert_nonnull (button);
  g_assert_cmpint (vigil_dossier_item_get_kind (button), ==, VIGIL_DOSSIER_ITEM_BUTTON);
  return button;   /* the row holds it */
}

/* The dossier page's view model: the header's texts, each section's items, victims by
 * role until their names are asked for, buttons naming the page's actions and the
 * record's id, never the record (the sections' fixed buttons are their templates'). */
static void
test_dossier_model (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(VigilDossierModel) model = vigil_dossier_model_new ();
  g_autoptr(VigilIncident) incident = vigil_incident_new ();
  g_autoptr(VigilCohortEntry) entry = vigil_cohort_entry_new ();
  g_autoptr(VigilProcessOverlap) process = vigil_process_overlap_new ();
  g_autoptr(VigilVictimLink) link = vigil_victim_link_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  VigilDossier *dossier;
  VigilDossierItem *section;
  VigilDossierItem *item;
  VigilDossierItem *button;
  const char * const *names;
  gint64 perpetrator = fixture->ids[0];
  gint64 victim = fixture->ids[1];
  guint n_dropped = 0;

  incident->source = g_strdup ("police");
  incident->source_ref = g_strdup ("SYN-MI001");
  incident->occurred_at = g_strdup ("2026-10-01");
  incident->perpetrator_id = perpetrator;
  incident->victim_id = victim;
  incident->relationship = g_strdup ("ex_partner");
  incident->offence_code = g_strdup ("strangulation");
  g_assert_true (vigil_store_insert (fixture->store, &vigil_incident_type, incident, &error));
  g_assert_no_error (error);
  entry->person_id = perpetrator;
  entry->status = g_strdup ("managed");
  entry->route = g_strdup ("rfgv");
  entry->lead_agency = g_strdup ("police");
  entry->lead_officer = g_strdup ("SYN Lead Officer");
  entry->identified_on = g_strdup ("2026-07-01");
  g_assert_true (vigil_store_insert (fixture->store, &vigil_cohort_entry_type, entry, &error));
  g_assert_no_error (error);
  process->person_id = perpetrator;
  process->process = g_strdup ("marac");
  process->status = g_strdup ("active");
  process->started_on = g_strdup ("2026-01-01");
  g_assert_true (vigil_store_insert (fixture->store, &vigil_process_overlap_type, process, &error));
  g_assert_no_error (error);
  link->perpetrator_id = perpetrator;
  link->victim_id = victim;
  link->advocate = g_strdup ("idva");
  link->advocate_name = g_strdup ("SYN Advocate");
  link->consent_to_share = TRUE;
  g_assert_true (vigil_store_insert (fixture->store, &vigil_victim_link_type, link, &error));
  g_assert_no_error (error);

  /* no dossier: nothing to show */
  g_assert_null (vigil_dossier_model_get_dossier (model));
  g_assert_null (vigil_dossier_model_get_name (model));
  g_assert_null (vigil_dossier_model_get_section (model, "victims"));

  dossier = vigil_dossier_load (fixture->store, perpetrator, NULL, NULL, &error);
  g_assert_no_error (error);
  vigil_dossier_model_set_dossier (model, dossier, NULL, NULL);
  g_assert_true (vigil_dossier_model_get_dossier (model) == dossier);

  /* the header */
  g_assert_cmpstr (vigil_dossier_model_get_name (model), ==, "Synthalpha, Test");
  g_assert_cmpstr (vigil_dossier_model_get_refs (model), ==, "SYN-M001");
  g_assert_null (vigil_dossier_model_get_aliases (model));
  g_assert_true (g_str_has_prefix (vigil_dossier_model_get_status (model),
                                   vigil_choice_get_label (vigil_cohort_status_choices, "managed")));
  g_assert_true (g_str_has_suffix (vigil_dossier_model_get_lead (model), " (SYN Lead Officer)"));
  g_assert_true (vigil_dossier_model_get_in_cohort (model));
  g_assert_true (vigil_dossier_model_get_can_change_status (model));
  g_assert_false (vigil_dossier_model_get_scored (model));
  g_assert_null (vigil_dossier_model_get_score_parts (model));
  g_assert_cmpstr (vigil_dossier_model_get_score_accessible (model), ==, "Score: not scored");

  /* the sections, in the page's order */
  names = vigil_dossier_model_get_section_names ();
  g_assert_cmpuint (g_strv_length ((char **) names), ==, 8);
  g_assert_cmpstr (names[0], ==, "identification");
  g_assert_cmpstr (names[7], ==, "history");
  for (guint i = 0; names[i] != NULL; i++)
    {
      section = vigil_dossier_model_get_section (model, names[i]);
      g_assert_nonnull (section);
      g_assert_cmpint (vigil_dossier_item_get_kind (section), ==, VIGIL_DOSSIER_ITEM_SECTION);
      g_assert_cmpstr (vigil_dossier_item_get_name (section), ==, names[i]);
      g_assert_true (vigil_dossier_model_get_section (model, names[i]) == section);   /* kept */
    }
  g_assert_null (vigil_dossier_model_get_section (model, "no-such-section"));

  /* the timeline names the victim by role */
  section = vigil_dossier_model_get_section (model, "identification");
  item = find_item (section, "incidents");
  g_assert_nonnull (item);
  g_assert_cmpint (vigil_dossier_item_get_kind (item), ==, VIGIL_DOSSIER_ITEM_LIST);
  g_assert_cmpuint (g_list_model_get_n_items (vigil_dossier_item_get_children (item)), ==, 1);
  {
    g_autoptr(VigilDossierItem) row = g_list_model_get_item (vigil_dossier_item_get_children (item), 0);

    text = dup_row_text (row);
    g_assert_nonnull (strstr (text, "Strangulation"));
    g_assert_nonnull (strstr (text, "Victim 1 · "));
    g_assert_null (strstr (text, "Synthbravo"));
    g_clear_pointer (&text, g_free);
  }

  /* a process row edits that process, by id (Add Process is the part's, fixed) */
  section = vigil_dossier_model_get_section (model, "processes");
  g_assert_cmpuint (g_list_model_get_n_items (vigil_dossier_item_get_buttons (section)), ==, 0);
  item = find_item (section, "process-list");
  {
    g_autoptr(VigilDossierItem) row = g_list_model_get_item (vigil_dossier_item_get_children (item), 0);

    button = get_button (row, 0);
    g_assert_cmpstr (vigil_dossier_item_get_action_name (button), ==, "dossier.edit-process");
    g_assert_cmpint (g_variant_get_int64 (vigil_dossier_item_get_action_target (button)), ==, process->record.id);
    g_assert_nonnull (vigil_dossier_item_get_accessible_label (button));
  }

  /* victims by role; their safeguarding by the victim's person id */
  section = vigil_dossier_model_get_section (model, "victims");
  item = find_item (section, "victim-1");
  g_assert_nonnull (item);
  g_assert_cmpint (vigil_dossier_item_get_kind (item), ==, VIGIL_DOSSIER_ITEM_ROW);
  g_assert_cmpstr (vigil_dossier_item_get_text (item), ==, "Victim 1");
  text = dup_row_text (item);
  g_assert_nonnull (strstr (text, "SYN Advocate"));
  g_assert_nonnull (strstr (text, "consents to share"));
  g_clear_pointer (&text, g_free);
  text = vigil_dossier_item_dup_whole_text (item);
  g_assert_true (g_str_has_prefix (text, "Victim 1. "));
  g_clear_pointer (&text, g_free);
  button = get_button (item, 0);
  g_assert_cmpstr (vigil_dossier_item_get_action_name (button), ==, "dossier.edit-safeguarding");
  g_assert_cmpint (g_variant_get_int64 (vigil_dossier_item_get_action_target (button)), ==, victim);

  /* no plan and no tactical menu: an intervention cannot be added yet */
  g_assert_false (vigil_dossier_model_get_has_plan (model));
  g_assert_false (vigil_dossier_model_get_can_add_intervention (model));

  /* a victim's outcome is recorded from their row, by their person id; the heading has
   * a button only when no victim is recorded */
  section = vigil_dossier_model_get_section (model, "outcomes");
  g_assert_cmpuint (g_list_model_get_n_items (vigil_dossier_item_get_buttons (section)), ==, 0);
  button = find_item (find_item (section, "outcome-list"), "add-outcome");
  g_assert_nonnull (button);
  g_assert_cmpstr (vigil_dossier_item_get_action_name (button), ==, "dossier.record-outcome");
  g_assert_cmpint (g_variant_get_int64 (vigil_dossier_item_get_action_target (button)), ==, victim);

  /* names only when asked for: the sections built are dropped, and built again */
  g_signal_connect (model, "notify::sections", G_CALLBACK (count_cb), &n_dropped);
  vigil_dossier_model_set_show_victim_names (model, TRUE);
  g_assert_cmpuint (n_dropped, ==, 1);
  section = vigil_dossier_model_get_section (model, "victims");
  g_assert_cmpstr (vigil_dossier_item_get_text (find_item (section, "victim-1")), ==, "Victim 1 (Synthbravo, Test)");
  vigil_dossier_model_set_show_victim_names (model, FALSE);
  g_assert_cmpuint (n_dropped, ==, 2);
  section = vigil_dossier_model_get_section (model, "victims");
  g_assert_cmpstr (vigil_dossier_item_get_text (find_item (section, "victim-1")), ==, "Victim 1");

  /* another dossier (none): the header and sections go */
  vigil_dossier_model_set_dossier (model, NULL, NULL, NULL);
  g_assert_null (vigil_dossier_model_get_name (model));
  g_assert_false (vigil_dossier_model_get_in_cohort (model));
  g_assert_null (vigil_dossier_model_get_section (model, "victims"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/models/items", test_items);
  g_test_add_func ("/models/panel-model", test_panel_model);
  g_test_add_func ("/models/presenter-case", test_presenter_case);
  g_test_add_func ("/models/status-model", test_status_model);
  g_test_add_func ("/models/option-items", test_option_items);
  g_test_add_func ("/models/conflict-model", test_conflict_model);
  g_test_add_func ("/models/choice-items", test_choice_items);
  g_test_add_func ("/models/found-person", test_found_person);
  g_test_add ("/models/evaluation-model", Fixture, NULL, fixture_set_up, test_evaluation_model, fixture_tear_down);
  g_test_add ("/models/session", Fixture, NULL, fixture_set_up, test_session, fixture_tear_down);
  g_test_add ("/models/score-model", Fixture, NULL, fixture_set_up, test_score_model, fixture_tear_down);
  g_test_add ("/models/dossier-model", Fixture, NULL, fixture_set_up, test_dossier_model, fixture_tear_down);

  return g_test_run ();
}
