/* test-decisions.c: referrals, professional judgement and possible duplicates, driven
 * for real under Xvfb
 *
 * On small synthetic SQLite stores, with the real windows and their widgets:
 *  - Refer a Person (win.refer, in the primary menu): every missing or wrong field is
 *    refused with a message naming it; a new stalker referred becomes a candidate with
 *    route stalking_referral, source and reason stored, and the window says so; an
 *    existing person found by the search is referred by a partner agency; someone
 *    whose cohort entry is still open is refused and the dialog says why;
 *  - Professional Judgement: an empty rationale (and the rest) is refused; including
 *    and excluding are recorded with rationale and decision-maker; excluding someone
 *    managed is refused inline; the judgement is then shown beside a score;
 *  - Possible Duplicates (win.review-duplicates): two people with the same PNC ID are
 *    merged from the dialog after its confirmation (the merged person becomes a
 *    tombstone and the list updates); another pair is kept apart; the filter lists
 *    the decided pairs.
 * Every window is rendered, light and dark, into the meson log folder.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-decisions"

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "vigil-application.h"
#include "vigil-duplicate-item.h"
#include "vigil-duplicates-dialog.h"
#include "vigil-form.h"
#include "vigil-gui.h"
#include "vigil-judgement-dialog.h"
#include "vigil-judgement-label.h"
#include "vigil-referral-dialog.h"
#include "vigil-window.h"

#include "vigil-gui-test.h"

#define OPEN_TIMEOUT_MS 240000
#define WAIT_MS 30000

/* Helpers */

static VigilWindow *
open_window (const VigilLocation *location)
{
  return vigil_gui_test_open_window (location, 1366, 768);
}

/* Light, then dark. */
static void
shoot_both (gpointer    widget,
            const char *name)
{
  g_autofree char *light = g_strdup_printf ("decisions-%s.png", name);
  g_autofree char *dark = g_strdup_printf ("decisions-%s-dark.png", name);

  vigil_gui_test_shoot_both (widget, light, dark);
}

static gpointer
child (gpointer    widget,
       GType       type,
       const char *name)
{
  GObject *found = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (found);
  return found;
}

/* The visible button under @root whose action is @action with the int64 target @target. */
static GtkWidget *
find_target_button (GtkWidget  *root,
                    const char *action,
                    gint64      target)
{
  if (GTK_IS_BUTTON (root) && gtk_widget_get_visible (root) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action) == 0)
    {
      GVariant *value = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (root));

      if (value != NULL && g_variant_get_int64 (value) == target)
        return root;
    }

  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_target_button (c, action, target);

      if (found != NULL)
        return found;
    }
  return NULL;
}

typedef struct
{
  GtkWidget  *root;
  const char *action;
  gint64      target;
} TargetButtonWait;

static gboolean
target_button_shown (gpointer user_data)
{
  TargetButtonWait *wait = user_data;

  return find_target_button (wait->root, wait->action, wait->target) != NULL;
}

/* The button under @root labelled @label (a message dialog's response). */
static GtkWidget *
find_labelled_button (GtkWidget  *root,
                      const char *label)
{
  if (GTK_IS_BUTTON (root) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (root)), label) == 0)
    return root;

  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_labelled_button (c, label);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A click, at once (gtk_widget_activate() on a button waits for a timeout). */
static void
click (gpointer button)
{
  g_assert_true (GTK_IS_BUTTON (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_assert_true (gtk_widget_get_visible (button));
  g_signal_emit_by_name (button, "clicked");   /* its handlers run now */
  vigil_gui_test_flush ();
}

static void
set_text (gpointer    editable,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (editable), text);
}

static void
set_view_text (gpointer    view,
               const char *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), text, -1);
}

static void
assert_error_mentions (const char *error,
                       const char *field)
{
  g_assert_nonnull (error);
  if (strstr (error, field) == NULL)
    g_error ("The error “%s” does not name “%s”", error, field);
}

/* The text of row 0, column @column of @sql (NULL for SQL NULL). */
static char *
dup_sql_text (VigilStore *store,
              const char *sql,
              int         column)
{
  g_autoptr(GdaDataModel) model = NULL;
  g_autoptr(GError) error = NULL;
  const GValue *value;

  model = vigil_store_query (store, sql, NULL, 0, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gda_data_model_get_n_rows (model), ==, 1);
  value = gda_data_model_get_value_at (model, column, 0, &error);
  g_assert_no_error (error);
  if (value == NULL || gda_value_is_null (value))
    return NULL;
  return gda_value_stringify (value);
}

static gint64
find_person (VigilStore *store,
             const char *ref)
{
  g_autoptr(GError) error = NULL;
  gint64 id = vigil_cohort_find_person (store, ref, &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static gint64
insert_batch (VigilStore *store,
              const char *file_name)
{
  g_autoptr(VigilImportBatch) batch = vigil_import_batch_new ();
  g_autoptr(GError) error = NULL;

  batch->file_name = g_strdup (file_name);
  batch->kind = g_strdup ("incidents");
  batch->status = g_strdup ("complete");
  vigil_store_insert (store, &vigil_import_batch_type, batch, &error);
  g_assert_no_error (error);
  return batch->record.id;
}

static gint64
insert_duplicate (VigilStore *store,
                  gint64      person_id,
                  gint64      other_person_id,
                  const char *reason,
                  gint64      batch_id)
{
  g_autoptr(VigilPersonDuplicate) duplicate = vigil_person_duplicate_new ();
  g_autoptr(GError) error = NULL;

  duplicate->batch_id = batch_id;
  duplicate->person_id = person_id;
  duplicate->other_person_id = other_person_id;
  duplicate->reason = g_strdup (reason);
  duplicate->status = g_strdup ("open");
  vigil_store_insert (store, &vigil_person_duplicate_type, duplicate, &error);
  g_assert_no_error (error);
  return duplicate->record.id;
}

static gboolean
menu_has_action (GMenuModel *menu,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_strcmp0 (name, action) == 0)
        return TRUE;
      if (section != NULL && menu_has_action (section, action))
        return TRUE;
    }
  return FALSE;
}

/* Clicks @button while this thread holds the store's write lock in a transaction of
 * its own (that changes nothing): the save the click starts on a worker waits meanwhile, and
 * the window is shot in its waiting state as @shot. */
typedef struct
{
  GtkWidget  *button;
  GtkWidget  *window;
  const char *shot;
} ClickHeld;

static gboolean
click_held_cb (VigilStore  *store,
               gpointer     user_data,
               GError     **error)
{
  ClickHeld *held = user_data;

  /* a write takes the lock (and changes nothing) */
  if (!vigil_store_execute (store, "UPDATE vigil_meta SET value = value WHERE key = 'vigil-test-none'",
                            NULL, 0, NULL, error))
    return FALSE;
  click (held->button);
  vigil_gui_test_shoot (held->window, held->shot);
  return TRUE;
}

static void
click_while_store_held (VigilStore *store,
                        gpointer    button,
                        gpointer    window,
                        const char *shot)
{
  ClickHeld held = { button, window, shot };
  g_autoptr(GError) error = NULL;

  g_assert_true (vigil_store_run_in_transaction (store, click_held_cb, &held, &error));
  g_assert_no_error (error);
}

/* Refer a Person */

typedef struct
{
  guint  n_referred;
  gint64 person_id;
  char  *message;
} Referred;

static void
referred_cb (VigilReferralDialog *dialog,
             gint64               person_id,
             gint64               entry_id,
             const char          *message,
             Referred            *referred)
{
  referred->n_referred++;
  referred->person_id = person_id;
  g_free (referred->message);
  referred->message = g_strdup (message);
}

static gboolean
search_answered (gpointer user_data)
{
  VigilReferralDialog *dialog = user_data;
  GtkWidget *list = child (dialog, VIGIL_TYPE_REFERRAL_DIALOG, "results_list");

  return !vigil_referral_dialog_get_searching (dialog) && gtk_widget_get_visible (list);
}

static gboolean
new_person_shown (gpointer user_data)
{
  GtkStack *stack = GTK_STACK (gtk_widget_get_template_child (user_data, VIGIL_TYPE_REFERRAL_DIALOG, "person_stack"));

  return g_strcmp0 (gtk_stack_get_visible_child_name (stack), "new") == 0;
}

static gboolean
referral_idle (gpointer user_data)
{
  return !vigil_referral_dialog_get_recording (user_data);
}

static VigilReferralDialog *
open_referral_dialog (VigilWindow *window,
                      Referred    *referred)
{
  VigilReferralDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.refer", NULL));
  dialog = vigil_gui_test_wait_for_toplevel (VIGIL_TYPE_REFERRAL_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_true (vigil_referral_dialog_get_store (dialog) == vigil_window_get_store (window));
  g_signal_connect (dialog, "referred", G_CALLBACK (referred_cb), referred);
  return dialog;
}

static void
test_referral (void)
{
  g_autoptr(VigilLocation) location = vigil_gui_test_tiny_location ();
  g_autofree char *today = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) tomorrow_time = g_date_time_add_days (now, 1);
  g_autofree char *tomorrow = g_date_time_format (tomorrow_time, "%Y-%m-%d");
  Referred referred = { 0 };
  VigilWindow *window = open_window (location);
  VigilStore *store = vigil_window_get_store (window);
  GtkMenuButton *menu_button = child (window, VIGIL_TYPE_WINDOW, "primary_menu_button");
  VigilReferralDialog *dialog;
  GtkWidget *refer_button;
  gint64 bravo, alpha;

  /* The primary menu offers both windows. */
  g_assert_true (menu_has_action (gtk_menu_button_get_menu_model (menu_button), "win.refer"));
  g_assert_true (menu_has_action (gtk_menu_button_get_menu_model (menu_button), "win.review-duplicates"));

  dialog = open_referral_dialog (window, &referred);
  refer_button = child (dialog, VIGIL_TYPE_REFERRAL_DIALOG, "refer_button");
  today = g_strdup (gtk_editable_get_text (child (dialog, VIGIL_TYPE_REFERRAL_DIALOG, "date_row")));
  g_assert_cmpuint (strlen (today), ==, 10);
  g_assert_cmpstr (vigil_referral_dialog_get_route (dialog), ==, "stalking_referral");
  g_assert_null (vigil_referral_dialog_get_error (dialog));
  shoot_both (dialog, "referral");

  /* Nobody chosen */
  click (refer_button);
  assert_error_mentions (vigil_referral_dialog_get_error (dialog), "Person");
  g_assert_true (gtk_widget_has_css_class (child (dialog, VIGIL_TYPE_REFERRAL_DIALOG, "search_entry"), "error"));

  /* A new person: each field refused in turn, by name */
  gtk_toggle_button_set_active (child (dialog, VIGIL_TYPE_REFERRAL_DIALOG, "new_toggle"), TRUE);
  vigil_gui_test_wait_for (new_person_shown, dialog, WAIT_MS, "the new person's fields");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (dialog, VIGIL_TYPE_REFERRAL_DIALOG, "person_stack")), ==, "new");
  click (refer_button);
  assert_error_mentions (vigil_referral_dialog_get_error (dialog), "Surname");
  g_assert_true (gtk_widget_has_css_class (child (dialog, VIGIL_TYPE_REFERRAL_DIALOG, "surname_row"), "error"));

  set_text (child (dialog, VIGIL_TYPE_REFERRAL_DIALOG, "surname_row"), "Stalkerby");
  g_assert_false (gtk_widget_has_css_class (child (dialog, VIGIL_TYPE_REFERRAL_DIALOG, "surname_row"), "error"));
  set_text (child (dialog, VIGIL_TYPE_REFERRAL_DIALOG, "forenames_row"), "Synthetic Foxtrot");
  set_text (child (dialog, VIGIL_TYPE_REFERRAL_DIALOG, "dob_row"), "12/04/1985");
  click (refer_button);
  assert_error_mentions (vigil_referral_dialog_get_error (dialog), "Date of birth");

  set_text (child (dialog, VIGIL_TYPE_REFERRAL_DIALOG, "dob_row"), "1985-04-12");
  set_text (child (dialog, VIGIL_TYPE_REFERRAL_DIALOG, "ref_row"), "SYN-R0001");
  click (refer_button);
  assert_error_mentions (vigil_referral_dialog_get_error (dialog), "Source");

  set_text (child (dialog, VIGIL_TYPE_REFERRAL_DIALOG, "source_row"), "Stalking clinic");
  set_text (child (dialog, VIGIL_TYPE_REFERRAL_DIALOG, "date_row"), tomorrow);
  click (refer_button);
  assert_error_mentions (vigil_referral_dialog_get_error (dialog), "Date referred");
  g_assert_true (strstr (vigil_referral_dialog_get_error (dialog), "future") != NULL);

  set_text (child (dialog, VIGIL_TYPE_REFERRAL_DIALOG, "date_row"), today);
  set_text (child (dialog, VIGIL_TYPE_REFERRAL_DIALOG, "area_row"), "Testshire North");
  set_view_text (child (dialog, VIGIL_TYPE_REFERRAL_DIALOG, "reason_view"), "   \n  ");
  click (refer_button);
  assert_error_mentions (vigil_referral_dialog_get_error (dialog), "Reason");
  shoot_both (dialog, "referral-invalid");
  g_assert_cmpint (vigil_gui_test_count_sql (store, "SELECT COUNT(*) FROM person WHERE local_ref = 'SYN-R0001'"), ==, 0);
  g_assert_cmpuint (referred.n_referred, ==, 0);

  set_view_text (child (dialog, VIGIL_TYPE_REFERRAL_DIALOG, "reason_view"),
                 "Synthetic test: repeated unwanted contact with a former colleague for eight months.");
  click (refer_button);
  vigil_gui_test_wait_for_toplevel_gone (VIGIL_TYPE_REFERRAL_DIALOG);

  /* A candidate, by the stalking route, with source and reason */
  g_assert_cmpuint (referred.n_referred, ==, 1);
  g_assert_cmpstr (referred.message, ==, "Stalkerby, Synthetic Foxtrot added as a candidate");
  g_assert_cmpint (referred.person_id, ==, find_person (store, "SYN-R0001"));
  g_assert_cmpint (vigil_gui_test_count_sql (store,
                              "SELECT COUNT(*) FROM cohort_entry e JOIN person p ON p.id = e.person_id"
                              " WHERE p.local_ref = 'SYN-R0001' AND e.status = 'candidate'"
                              " AND e.route = 'stalking_referral' AND e.referral_source = 'Stalking clinic'"
                              " AND e.referral_reason LIKE 'Synthetic test: repeated unwanted contact%'"
                              " AND e.area = 'Testshire North'"), ==, 1);
  text = dup_sql_text (store, "SELECT dob FROM person WHERE local_ref = 'SYN-R0001'", 0);
  g_assert_cmpstr (text, ==, "1985-04-12");
  g_clear_pointer (&text, g_free);

  /* An existing person, found by the database, referred by a partner agency */
  bravo = find_person (store, "TEST-0002");
  dialog = open_referral_dialog (window, &referred);
  refer_button = child (dialog, VIGIL_TYPE_REFERRAL_DIALOG, "refer_button");
  vigil_referral_dialog_set_route (dialog, "agency_referral");
  g_assert_cmpstr (vigil_referral_dialog_get_route (dialog), ==, "agency_referral");
  set_text (child (dialog, VIGIL_TYPE_REFERRAL_DIALOG, "search_entry"), "exampleton");
  vigil_gui_test_wait_for (search_answered, dialog, WAIT_MS, "the search");
  g_assert_nonnull (gtk_list_box_get_row_at_index (child (dialog, VIGIL_TYPE_REFERRAL_DIALOG, "results_list"), 0));
  g_assert_null (gtk_list_box_get_row_at_index (child (dialog, VIGIL_TYPE_REFERRAL_DIALOG, "results_list"), 1));
  /* Enter in the search chooses the first person found. */
  g_signal_emit_by_name (child (dialog, VIGIL_TYPE_REFERRAL_DIALOG, "search_entry"), "activate");
  g_assert_cmpint (vigil_referral_dialog_get_person_id (dialog), ==, bravo);
  set_text (child (dialog, VIGIL_TYPE_REFERRAL_DIALOG, "source_row"), "Housing");
  set_view_text (child (dialog, VIGIL_TYPE_REFERRAL_DIALOG, "reason_view"),
                 "Synthetic test: housing officer reports threats to a neighbour.");
  shoot_both (dialog, "referral-existing");
  click (refer_button);
  vigil_gui_test_wait_for_toplevel_gone (VIGIL_TYPE_REFERRAL_DIALOG);
  g_assert_cmpuint (referred.n_referred, ==, 2);
  g_assert_cmpstr (referred.message, ==, "Exampleton, Bravo added as a candidate");
  g_assert_cmpint (vigil_gui_test_count_sql (store,
                              "SELECT COUNT(*) FROM cohort_entry e JOIN person p ON p.id = e.person_id"
                              " WHERE p.local_ref = 'TEST-0002' AND e.status = 'candidate'"
                              " AND e.route = 'agency_referral' AND e.referral_source = 'Housing'"), ==, 1);

  /* Someone whose cohort entry is still open is refused, clearly, and nothing changes */
  alpha = find_person (store, "TEST-0001");
  dialog = open_referral_dialog (window, &referred);
  refer_button = child (dialog, VIGIL_TYPE_REFERRAL_DIALOG, "refer_button");
  set_text (child (dialog, VIGIL_TYPE_REFERRAL_DIALOG, "search_entry"), "TEST-0001");
  vigil_gui_test_wait_for (search_answered, dialog, WAIT_MS, "the search");
  gtk_list_box_select_row (child (dialog, VIGIL_TYPE_REFERRAL_DIALOG, "results_list"),
                           gtk_list_box_get_row_at_index (child (dialog, VIGIL_TYPE_REFERRAL_DIALOG, "results_list"), 0));
  g_assert_cmpint (vigil_referral_dialog_get_person_id (dialog), ==, alpha);
  set_text (child (dialog, VIGIL_TYPE_REFERRAL_DIALOG, "source_row"), "Stalking clinic");
  set_view_text (child (dialog, VIGIL_TYPE_REFERRAL_DIALOG, "reason_view"), "Synthetic test: a second referral.");
  click (refer_button);
  /* recorded on a worker: the form waits, then shows the refusal */
  vigil_gui_test_wait_for (referral_idle, dialog, WAIT_MS, "the refusal");
  g_assert_nonnull (vigil_gui_test_find_toplevel (VIGIL_TYPE_REFERRAL_DIALOG));
  g_assert_nonnull (vigil_referral_dialog_get_error (dialog));
  /* (under a heading, which vigil_form_get_error_title () gives only while it shows) */
  g_assert_cmpstr (vigil_form_get_error_title (child (dialog, VIGIL_TYPE_REFERRAL_DIALOG, "form")), ==,
                   "Already in the Cohort");
  g_assert_cmpuint (referred.n_referred, ==, 2);
  g_assert_cmpint (vigil_gui_test_count_sql (store, "SELECT COUNT(*) FROM cohort_entry e JOIN person p ON p.id = e.person_id"
                                     " WHERE p.local_ref = 'TEST-0001'"), ==, 1);
  shoot_both (dialog, "referral-open-entry");

  /* Escape closes without referring. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "window.close", NULL));
  vigil_gui_test_wait_for_toplevel_gone (VIGIL_TYPE_REFERRAL_DIALOG);
  g_assert_cmpuint (referred.n_referred, ==, 2);

  g_free (referred.message);
  vigil_gui_test_destroy_window (window);
}

/* Professional judgement */

typedef struct
{
  guint  n_decided;
  gint64 decision_id;
  int    kind;
} Decided;

static void
decided_cb (VigilJudgementDialog *dialog,
            gint64                decision_id,
            int                   kind,
            Decided              *decided)
{
  decided->n_decided++;
  decided->decision_id = decision_id;
  decided->kind = kind;
}

static gboolean
judgement_idle (gpointer user_data)
{
  return !vigil_judgement_dialog_get_busy (user_data);
}

static VigilJudgementDialog *
open_judgement_dialog (VigilWindow *window,
                       gint64       person_id,
                       Decided     *decided)
{
  VigilJudgementDialog *dialog = vigil_judgement_dialog_new (vigil_window_get_store (window), person_id,
                                                             GTK_WINDOW (window));

  g_signal_connect (dialog, "decided", G_CALLBACK (decided_cb), decided);
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_true (vigil_gui_test_wait_for_toplevel (VIGIL_TYPE_JUDGEMENT_DIALOG) == dialog);
  g_assert_cmpint (vigil_judgement_dialog_get_person_id (dialog), ==, person_id);
  /* what it shows is read off the main thread */
  vigil_gui_test_wait_for (judgement_idle, dialog, WAIT_MS, "the person's details");
  return dialog;
}

static void
score_store (VigilStore *store)
{
  g_autoptr(VigilScoringProfile) profile = NULL;
  g_autoptr(VigilRefreshResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) as_of = g_date_new_dmy (1, G_DATE_NOVEMBER, 2026);

  profile = vigil_scoring_profile_load_default (&error);
  g_assert_no_error (error);
  result = vigil_refresh_run (store, profile, as_of, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (result);
}

static void
test_judgement (void)
{
  g_autoptr(VigilLocation) location = vigil_gui_test_tiny_location ();
  g_autoptr(GHashTable) judgements = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *today = NULL;
  Decided decided = { 0 };
  VigilWindow *window = open_window (location);
  VigilStore *store = vigil_window_get_store (window);
  VigilJudgementDialog *dialog;
  VigilJudgementLabel *label;
  GtkWidget *save_button;
  const VigilJudgement *judgement = NULL;
  GHashTableIter iter;
  gpointer value;
  gint64 alpha, bravo, charlie;

  score_store (store);
  alpha = find_person (store, "TEST-0001");
  bravo = find_person (store, "TEST-0002");
  charlie = find_person (store, "TEST-0003");

  /* Include someone the ranking puts low */
  dialog = open_judgement_dialog (window, charlie, &decided);
  save_button = child (dialog, VIGIL_TYPE_JUDGEMENT_DIALOG, "save_button");
  today = g_strdup (gtk_editable_get_text (child (dialog, VIGIL_TYPE_JUDGEMENT_DIALOG, "date_row")));
  g_assert_cmpstr (adw_preferences_row_get_title (child (dialog, VIGIL_TYPE_JUDGEMENT_DIALOG, "person_row")), ==,
                   "Fakeley, Charlie Demo");
  /* What the algorithm said, as the core describes it */
  text = vigil_cohort_describe_score (store, charlie, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (adw_action_row_get_subtitle (child (dialog, VIGIL_TYPE_JUDGEMENT_DIALOG, "score_row")), ==, text);
  g_clear_pointer (&text, g_free);
  shoot_both (dialog, "judgement");

  click (save_button);
  assert_error_mentions (vigil_judgement_dialog_get_error (dialog), "Decision");
  gtk_check_button_set_active (child (dialog, VIGIL_TYPE_JUDGEMENT_DIALOG, "include_check"), TRUE);
  click (save_button);
  assert_error_mentions (vigil_judgement_dialog_get_error (dialog), "name");
  set_text (child (dialog, VIGIL_TYPE_JUDGEMENT_DIALOG, "by_row"), "DCI Synthetic Example");
  click (save_button);
  assert_error_mentions (vigil_judgement_dialog_get_error (dialog), "role");
  set_text (child (dialog, VIGIL_TYPE_JUDGEMENT_DIALOG, "role_row"), "Head of Public Protection");
  set_text (child (dialog, VIGIL_TYPE_JUDGEMENT_DIALOG, "date_row"), "2026-02-30");
  click (save_button);
  assert_error_mentions (vigil_judgement_dialog_get_error (dialog), "Date");
  set_text (child (dialog, VIGIL_TYPE_JUDGEMENT_DIALOG, "date_row"), today);
  /* An empty (blank) rationale is refused */
  set_view_text (child (dialog, VIGIL_TYPE_JUDGEMENT_DIALOG, "rationale_view"), " \n\t ");
  click (save_button);
  assert_error_mentions (vigil_judgement_dialog_get_error (dialog), "Rationale");
  g_assert_true (gtk_widget_has_css_class (child (dialog, VIGIL_TYPE_JUDGEMENT_DIALOG, "rationale_view"), "error"));
  shoot_both (dialog, "judgement-invalid");
  g_assert_cmpuint (decided.n_decided, ==, 0);
  g_assert_cmpint (vigil_gui_test_count_sql (store, "SELECT COUNT(*) FROM decision"), ==, 0);

  set_view_text (child (dialog, VIGIL_TYPE_JUDGEMENT_DIALOG, "rationale_view"),
                 "Synthetic test: partner agencies report escalating threats not yet in police data.");
  set_view_text (child (dialog, VIGIL_TYPE_JUDGEMENT_DIALOG, "proportionality_view"),
                 "Synthetic test: necessary to protect the victim; reviewed in three months.");
  click (save_button);
  vigil_gui_test_wait_for_toplevel_gone (VIGIL_TYPE_JUDGEMENT_DIALOG);
  g_assert_cmpuint (decided.n_decided, ==, 1);
  g_assert_cmpint (decided.kind, ==, VIGIL_OVERRIDE_INCLUDE);
  g_assert_cmpint (vigil_gui_test_count_sql (store,
                              "SELECT COUNT(*) FROM decision d JOIN person p ON p.id = d.person_id"
                              " WHERE p.local_ref = 'TEST-0003' AND d.kind = 'override_include'"
                              " AND d.decided_by = 'DCI Synthetic Example'"
                              " AND d.decided_role = 'Head of Public Protection'"
                              " AND d.rationale LIKE 'Synthetic test: partner agencies%'"
                              " AND d.proportionality LIKE 'Synthetic test: necessary%'"), ==, 1);
  g_assert_cmpint (vigil_gui_test_count_sql (store,
                              "SELECT COUNT(*) FROM cohort_entry e JOIN person p ON p.id = e.person_id"
                              " WHERE p.local_ref = 'TEST-0003' AND e.status = 'candidate'"
                              " AND e.route = 'professional_judgement'"), ==, 1);

  /* Shown beside the score */
  judgements = vigil_cohort_get_judgements (store, &charlie, 1, &error);
  g_assert_no_error (error);
  g_hash_table_iter_init (&iter, judgements);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    judgement = value;
  g_assert_nonnull (judgement);
  text = vigil_judgement_format (judgement);
  g_assert_true (g_str_has_prefix (text, "Included by DCI Synthetic Example (Head of Public Protection), "));
  g_clear_pointer (&text, g_free);
  label = VIGIL_JUDGEMENT_LABEL (g_object_ref_sink (vigil_judgement_label_new ()));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (label)));
  vigil_judgement_label_set_judgement (label, judgement);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (label)));
  g_assert_true (g_str_has_prefix (vigil_judgement_label_get_text (label), "Included by DCI Synthetic Example"));
  g_assert_nonnull (strstr (gtk_widget_get_tooltip_text (GTK_WIDGET (label)), "escalating threats"));
  vigil_judgement_label_set_judgement (label, NULL);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (label)));
  g_object_unref (label);
  text = vigil_judgement_format_date ("2026-11-03");
  g_assert_cmpstr (text, ==, "3 Nov 2026");
  g_clear_pointer (&text, g_free);

  /* The next dialog shows the latest judgement */
  dialog = open_judgement_dialog (window, charlie, &decided);
  g_assert_true (gtk_widget_get_visible (child (dialog, VIGIL_TYPE_JUDGEMENT_DIALOG, "previous_row")));
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (child (dialog, VIGIL_TYPE_JUDGEMENT_DIALOG, "previous_row")),
                                   "Included by DCI Synthetic Example"));
  gtk_window_close (GTK_WINDOW (dialog));
  vigil_gui_test_wait_for_toplevel_gone (VIGIL_TYPE_JUDGEMENT_DIALOG);

  /* Excluding someone managed is refused inline; the dialog stays */
  dialog = open_judgement_dialog (window, alpha, &decided);
  save_button = child (dialog, VIGIL_TYPE_JUDGEMENT_DIALOG, "save_button");
  gtk_check_button_set_active (child (dialog, VIGIL_TYPE_JUDGEMENT_DIALOG, "exclude_check"), TRUE);
  set_text (child (dialog, VIGIL_TYPE_JUDGEMENT_DIALOG, "by_row"), "DCI Synthetic Example");
  set_text (child (dialog, VIGIL_TYPE_JUDGEMENT_DIALOG, "role_row"), "Head of Public Protection");
  set_view_text (child (dialog, VIGIL_TYPE_JUDGEMENT_DIALOG, "rationale_view"), "Synthetic test: risk reduced.");
  click (save_button);
  /* recorded on a worker: the form waits, then shows the refusal */
  vigil_gui_test_wait_for (judgement_idle, dialog, WAIT_MS, "the refusal");
  g_assert_nonnull (vigil_judgement_dialog_get_error (dialog));
  g_assert_true (gtk_widget_has_css_class (child (dialog, VIGIL_TYPE_JUDGEMENT_DIALOG, "exclude_row"), "error"));
  g_assert_nonnull (vigil_gui_test_find_toplevel (VIGIL_TYPE_JUDGEMENT_DIALOG));
  g_assert_cmpuint (decided.n_decided, ==, 1);
  g_assert_cmpint (vigil_gui_test_count_sql (store, "SELECT COUNT(*) FROM decision WHERE kind = 'override_exclude'"), ==, 0);
  shoot_both (dialog, "judgement-managed");
  gtk_window_close (GTK_WINDOW (dialog));
  vigil_gui_test_wait_for_toplevel_gone (VIGIL_TYPE_JUDGEMENT_DIALOG);

  /* Exclude someone the ranking puts high */
  dialog = open_judgement_dialog (window, bravo, &decided);
  save_button = child (dialog, VIGIL_TYPE_JUDGEMENT_DIALOG, "save_button");
  gtk_check_button_set_active (child (dialog, VIGIL_TYPE_JUDGEMENT_DIALOG, "exclude_check"), TRUE);
  set_text (child (dialog, VIGIL_TYPE_JUDGEMENT_DIALOG, "by_row"), "Supt Synthetic Sample");
  set_text (child (dialog, VIGIL_TYPE_JUDGEMENT_DIALOG, "role_row"), "Chair of the MATAC panel");
  set_view_text (child (dialog, VIGIL_TYPE_JUDGEMENT_DIALOG, "rationale_view"),
                 "Synthetic test: the incidents were one dispute, since resolved; managed by IOM.");
  /* while it records: a spinner, and the form insensitive */
  click_while_store_held (store, save_button, dialog, "decisions-judgement-recording.png");
  vigil_gui_test_wait_for_toplevel_gone (VIGIL_TYPE_JUDGEMENT_DIALOG);
  g_assert_cmpuint (decided.n_decided, ==, 2);
  g_assert_cmpint (decided.kind, ==, VIGIL_OVERRIDE_EXCLUDE);
  g_assert_cmpint (vigil_gui_test_count_sql (store,
                              "SELECT COUNT(*) FROM decision d JOIN person p ON p.id = d.person_id"
                              " WHERE p.local_ref = 'TEST-0002' AND d.kind = 'override_exclude'"
                              " AND d.decided_by = 'Supt Synthetic Sample'"
                              " AND d.rationale LIKE 'Synthetic test: the incidents were one dispute%'"), ==, 1);

  vigil_gui_test_destroy_window (window);
}

/* Possible duplicates */

static void
changed_cb (VigilDuplicatesDialog *dialog,
            guint                 *n_changed)
{
  (*n_changed)++;
}

/* Neither merging nor reading the list or recording a decision */
static gboolean
duplicates_settled (gpointer user_data)
{
  const char *page = vigil_duplicates_dialog_get_page (user_data);

  return g_strcmp0 (page, "merging") != 0 && g_strcmp0 (page, "working") != 0;
}

static void
test_duplicates (void)
{
  g_autoptr(VigilLocation) location = vigil_gui_test_tiny_location ();
  g_autofree char *text = NULL;
  VigilWindow *window;
  VigilStore *store;
  VigilDuplicatesDialog *dialog;
  AdwMessageDialog *confirm;
  GtkWidget *list_view, *button;
  GListModel *model;
  gint64 golf_old, golf_new, hotel_old, hotel_new, pnc_pair, name_pair;
  guint n_changed = 0;

  /* Two records with one PNC ID, and two with one name and date of birth */
  {
    g_autoptr(VigilStore) setup = vigil_gui_test_open (location);

    golf_old = vigil_gui_test_insert_person (setup, "Dupliss", "Golf", "1979-05-06", "SYN-D0001", "99/123456Z");
    golf_new = vigil_gui_test_insert_person (setup, "Dupliss", "Golf Synthetic", NULL, "SYN-D0002", "99/123456Z");
    hotel_old = vigil_gui_test_insert_person (setup, "Twinning", "Hotel", "1988-08-08", "SYN-D0003", NULL);
    hotel_new = vigil_gui_test_insert_person (setup, "Twinning", "Hotel", "1988-08-08", "SYN-D0004", NULL);
    vigil_gui_test_insert_incident (setup, "SYN-INC-D1", "2026-02-01", golf_old, 0, "harassment");
    vigil_gui_test_insert_incident (setup, "SYN-INC-D2", "2026-05-01", golf_new, 0, "stalking");
    vigil_gui_test_insert_incident (setup, "SYN-INC-D3", "2026-06-01", golf_new, 0, "criminal_damage");
    vigil_gui_test_insert_incident (setup, "SYN-INC-D4", "2026-06-02", hotel_new, 0, "common_assault");
    pnc_pair = insert_duplicate (setup, golf_new, golf_old, "same_pnc",
                                 insert_batch (setup, "synthetic-extract-2026-11.csv"));
    name_pair = insert_duplicate (setup, hotel_new, hotel_old, "same_name_dob", 0);
    vigil_store_close (setup);
  }

  window = open_window (location);
  store = vigil_window_get_store (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.review-duplicates", NULL));
  dialog = vigil_gui_test_wait_for_toplevel (VIGIL_TYPE_DUPLICATES_DIALOG);
  g_signal_connect (dialog, "changed", G_CALLBACK (changed_cb), &n_changed);
  model = vigil_duplicates_dialog_get_model (dialog);
  list_view = child (dialog, VIGIL_TYPE_DUPLICATES_DIALOG, "list_view");
  vigil_gui_test_wait_for (duplicates_settled, dialog, WAIT_MS, "the list");

  g_assert_cmpstr (vigil_duplicates_dialog_get_page (dialog), ==, "list");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  {
    g_autoptr(VigilDuplicateItem) first = g_list_model_get_item (model, 0);
    const VigilDuplicate *duplicate = vigil_duplicate_item_get_duplicate (first);
    g_autofree char *why = vigil_duplicate_item_dup_why (first);

    g_assert_cmpint (duplicate->id, ==, pnc_pair);
    g_assert_cmpint (duplicate->person.person_id, ==, golf_new);
    g_assert_cmpint (duplicate->other.person_id, ==, golf_old);
    g_assert_cmpint (duplicate->person.incidents_as_perpetrator, ==, 2);
    g_assert_cmpstr (why, ==, "Same PNC ID · found by the import of “synthetic-extract-2026-11.csv”");
  }
  shoot_both (dialog, "duplicates");

  /* Merge: the record to keep, the decision-maker and a rationale are required */
  button = find_target_button (list_view, "duplicates.merge", pnc_pair);
  g_assert_nonnull (button);
  click (button);
  g_assert_cmpstr (vigil_duplicates_dialog_get_page (dialog), ==, "decide");
  click (child (dialog, VIGIL_TYPE_DUPLICATES_DIALOG, "merge_button"));
  assert_error_mentions (vigil_duplicates_dialog_get_error (dialog), "Record to keep");
  g_assert_null (vigil_gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  gtk_check_button_set_active (child (dialog, VIGIL_TYPE_DUPLICATES_DIALOG, "keep_other_check"), TRUE);
  set_text (child (dialog, VIGIL_TYPE_DUPLICATES_DIALOG, "by_row"), "");
  click (child (dialog, VIGIL_TYPE_DUPLICATES_DIALOG, "merge_button"));
  assert_error_mentions (vigil_duplicates_dialog_get_error (dialog), "Decision-maker");
  set_text (child (dialog, VIGIL_TYPE_DUPLICATES_DIALOG, "by_row"), "DS Synthetic Reviewer");
  click (child (dialog, VIGIL_TYPE_DUPLICATES_DIALOG, "merge_button"));
  assert_error_mentions (vigil_duplicates_dialog_get_error (dialog), "Rationale");
  g_assert_null (vigil_gui_test_find_toplevel (ADW_TYPE_MESSAGE_DIALOG));
  shoot_both (dialog, "duplicates-invalid");
  set_view_text (child (dialog, VIGIL_TYPE_DUPLICATES_DIALOG, "rationale_view"),
                 "Synthetic test: same PNC ID and custody photograph; one person.");
  /* Typing clears the mark and the message about it. */
  g_assert_false (gtk_widget_has_css_class (child (dialog, VIGIL_TYPE_DUPLICATES_DIALOG, "rationale_view"), "error"));
  g_assert_null (vigil_duplicates_dialog_get_error (dialog));
  shoot_both (dialog, "duplicates-merge");

  /* The confirmation says what merging does; Cancel changes nothing */
  click (child (dialog, VIGIL_TYPE_DUPLICATES_DIALOG, "merge_button"));
  confirm = vigil_gui_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (confirm), "Dupliss, Golf Synthetic (SYN-D0002)"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (confirm), "cannot be undone"));
  shoot_both (confirm, "duplicates-confirm");
  click (find_labelled_button (GTK_WIDGET (confirm), "_Cancel"));
  vigil_gui_test_wait_for_toplevel_gone (ADW_TYPE_MESSAGE_DIALOG);
  g_assert_cmpstr (vigil_duplicates_dialog_get_page (dialog), ==, "decide");
  g_assert_cmpint (vigil_gui_test_count_sql (store, "SELECT COUNT(*) FROM person WHERE merged_into IS NOT NULL"), ==, 0);

  click (child (dialog, VIGIL_TYPE_DUPLICATES_DIALOG, "merge_button"));
  confirm = vigil_gui_test_wait_for_toplevel (ADW_TYPE_MESSAGE_DIALOG);
  click (find_labelled_button (GTK_WIDGET (confirm), "_Merge"));
  vigil_gui_test_wait_for_toplevel_gone (ADW_TYPE_MESSAGE_DIALOG);
  vigil_gui_test_wait_for (duplicates_settled, dialog, WAIT_MS, "the merge");
  g_assert_null (vigil_duplicates_dialog_get_error (dialog));

  /* The merged person is a tombstone; the list updates */
  g_assert_cmpstr (vigil_duplicates_dialog_get_page (dialog), ==, "list");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  g_assert_cmpuint (n_changed, ==, 1);
  text = g_strdup_printf ("SELECT merged_into FROM person WHERE id = %" G_GINT64_FORMAT, golf_new);
  g_assert_cmpint (vigil_gui_test_count_sql (store, text), ==, golf_old);
  g_clear_pointer (&text, g_free);
  g_assert_cmpint (find_person (store, "SYN-D0002"), ==, golf_old);
  text = g_strdup_printf ("SELECT COUNT(*) FROM incident WHERE perpetrator_id = %" G_GINT64_FORMAT, golf_old);
  g_assert_cmpint (vigil_gui_test_count_sql (store, text), ==, 3);
  g_clear_pointer (&text, g_free);
  text = g_strdup_printf ("SELECT COUNT(*) FROM person_duplicate WHERE id = %" G_GINT64_FORMAT
                          " AND status = 'merged' AND decided_by = 'DS Synthetic Reviewer'"
                          " AND rationale LIKE 'Synthetic test: same PNC ID%%'", pnc_pair);
  g_assert_cmpint (vigil_gui_test_count_sql (store, text), ==, 1);
  g_clear_pointer (&text, g_free);
  g_assert_null (find_target_button (list_view, "duplicates.merge", pnc_pair));

  /* Keep the other pair apart: the rationale is required */
  {
    TargetButtonWait wait = { list_view, "duplicates.keep-apart", name_pair };

    vigil_gui_test_wait_for (target_button_shown, &wait, WAIT_MS, "the other pair's Keep Apart button");
  }
  button = find_target_button (list_view, "duplicates.keep-apart", name_pair);
  g_assert_nonnull (button);
  click (button);
  g_assert_cmpstr (vigil_duplicates_dialog_get_page (dialog), ==, "decide");
  g_assert_false (gtk_widget_is_visible (child (dialog, VIGIL_TYPE_DUPLICATES_DIALOG, "keep_person_check")));
  g_assert_cmpstr (gtk_editable_get_text (child (dialog, VIGIL_TYPE_DUPLICATES_DIALOG, "by_row")), ==,
                   "DS Synthetic Reviewer");
  click (child (dialog, VIGIL_TYPE_DUPLICATES_DIALOG, "keep_apart_button"));
  assert_error_mentions (vigil_duplicates_dialog_get_error (dialog), "Rationale");
  set_view_text (child (dialog, VIGIL_TYPE_DUPLICATES_DIALOG, "rationale_view"),
                 "Synthetic test: twins; different custody records.");
  shoot_both (dialog, "duplicates-keep-apart");
  /* while it records: the "working" page */
  click_while_store_held (store, child (dialog, VIGIL_TYPE_DUPLICATES_DIALOG, "keep_apart_button"), dialog,
                          "decisions-duplicates-working.png");
  vigil_gui_test_wait_for (duplicates_settled, dialog, WAIT_MS, "the decision");
  g_assert_null (vigil_duplicates_dialog_get_error (dialog));
  g_assert_cmpstr (vigil_duplicates_dialog_get_page (dialog), ==, "empty");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_cmpuint (n_changed, ==, 2);
  text = g_strdup_printf ("SELECT COUNT(*) FROM person_duplicate WHERE id = %" G_GINT64_FORMAT
                          " AND status = 'kept_apart' AND rationale LIKE 'Synthetic test: twins%%'", name_pair);
  g_assert_cmpint (vigil_gui_test_count_sql (store, text), ==, 1);
  g_clear_pointer (&text, g_free);
  g_assert_cmpint (vigil_gui_test_count_sql (store, "SELECT COUNT(*) FROM person WHERE merged_into IS NOT NULL"), ==, 1);
  shoot_both (dialog, "duplicates-empty");

  /* The decided pairs, newest first */
  vigil_duplicates_dialog_set_show_decided (dialog, TRUE);
  vigil_gui_test_wait_for (duplicates_settled, dialog, WAIT_MS, "the decided pairs");
  g_assert_cmpstr (vigil_duplicates_dialog_get_page (dialog), ==, "list");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  {
    g_autoptr(VigilDuplicateItem) first = g_list_model_get_item (model, 0);
    g_autofree char *decision = vigil_duplicate_item_dup_decision (first);

    g_assert_true (g_str_has_prefix (decision, "Kept apart by DS Synthetic Reviewer"));
  }
  g_assert_null (find_target_button (list_view, "duplicates.merge", name_pair));
  shoot_both (dialog, "duplicates-decided");

  /* Escape closes */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "duplicates.close", NULL));
  vigil_gui_test_wait_for_toplevel_gone (VIGIL_TYPE_DUPLICATES_DIALOG);

  vigil_gui_test_destroy_window (window);
}

int
main (int   argc,
      char *argv[])
{
  vigil_gui_test_init (&argc, &argv, VIGIL_GUI_TEST_DEFAULT);

  g_test_add_func ("/decisions/referral", test_referral);
  g_test_add_func ("/decisions/judgement", test_judgement);
  g_test_add_func ("/decisions/duplicates", test_duplicates);

  return vigil_gui_test_run ();
}
