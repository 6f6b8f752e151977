/* test-panel-view.c: the Panel page in the real window under Xvfb
 *
 * On the synthetic demo: the next scheduled meeting is shown; Build Agenda adds the
 * people the cohort puts there; the chair moves a case; an attendee is added and the
 * absent agencies the guidance names are listed; minutes are written for a case; an
 * action is added and carried; the panel pack is exported and read back. Screenshots
 * in light and dark at 1366×768 and 1920×1080.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-panel-view"

#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib/gstdio.h>

#include "vigil-application.h"
#include "vigil-gui.h"
#include "vigil-meeting-item.h"
#include "vigil-panel-view.h"
#include "vigil-presenter.h"
#include "vigil-record-editor.h"
#include "vigil-window.h"

#include "vigil-gui-test.h"

#define OPEN_TIMEOUT_MS 240000
/* a window to be drawn: slow under the sanitizers on a loaded machine */
#define SHOW_TIMEOUT_MS 60000

static VigilPanelView *panel;  /* the page under test, once shown */

static gboolean
window_left_loading (gpointer user_data)
{
  return g_strcmp0 (vigil_window_get_page (user_data), "loading") != 0;
}

static gboolean
widget_is_drawn (gpointer user_data)
{
  return gtk_widget_get_mapped (user_data) && gtk_widget_get_width (user_data) > 0;
}

static gboolean
panel_settled (gpointer user_data)
{
  return !vigil_panel_view_get_loading (user_data);
}

static gboolean
presenter_read (gpointer user_data)
{
  return !vigil_presenter_get_loading (user_data);
}

static gboolean
presenter_shows_names (gpointer user_data)
{
  return vigil_presenter_get_show_names (user_data);
}

/* The page reads and writes off the main thread: wait until nothing is on its way. */
static void
settle (void)
{
  if (panel != NULL)
    vigil_gui_test_wait_for (panel_settled, panel, SHOW_TIMEOUT_MS, "the Panel page to settle");
}

static GtkWidget *
find_named (GtkWidget  *widget,
            const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static void
collect_text (GtkWidget *widget,
              GString   *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget))
    g_string_append_printf (text, "%s\n", gtk_label_get_label (GTK_LABEL (widget)));
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_text (child, text);
}

static char *
dup_section_text (VigilPanelView *view,
                  const char     *name)
{
  GtkWidget *section = vigil_panel_view_get_section (view, name);
  GString *text = g_string_new (NULL);

  g_assert_nonnull (section);
  collect_text (section, text);
  return g_string_free (text, FALSE);
}

#define assert_contains(haystack, needle) \
  G_STMT_START { \
    if (strstr ((haystack), (needle)) == NULL) \
      g_error ("“%s” not in:\n%s", (needle), (haystack)); \
  } G_STMT_END

static void
click (GtkWidget  *within,
       const char *name)
{
  GtkWidget *button = find_named (within, name);

  if (button == NULL)
    g_error ("no button “%s”", name);
  g_assert_true (gtk_widget_get_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  vigil_gui_test_flush ();
  settle ();
}

static VigilRecordEditor *
open_editor (VigilPanelView *view,
             GtkWidget      *within,
             const char     *name)
{
  VigilRecordEditor *editor;

  click (within, name);
  editor = VIGIL_RECORD_EDITOR (vigil_panel_view_get_editor (view));
  g_assert_nonnull (editor);
  vigil_gui_test_wait_for (widget_is_drawn, editor, SHOW_TIMEOUT_MS, "the form to show");
  return g_object_ref (editor);
}

static void
set_choice (VigilRecordEditor *editor,
            const char        *field,
            const char        *code)
{
  AdwComboRow *combo = ADW_COMBO_ROW (vigil_record_editor_get_control (editor, field));

  for (guint i = 0; i < g_list_model_get_n_items (adw_combo_row_get_model (combo)); i++)
    {
      adw_combo_row_set_selected (combo, i);
      if (g_strcmp0 (vigil_record_editor_get_choice (editor, field), code) == 0)
        return;
    }
  g_error ("%s offers no %s", field, code);
}

static void
save (VigilRecordEditor *editor)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  vigil_gui_test_wait_saved (editor);
  settle ();  /* the store's "changed" reloads the meeting */
  if (vigil_record_editor_get_message (editor) != NULL)
    g_error ("not saved: %s", vigil_record_editor_get_message (editor));
  g_assert_cmpint (vigil_record_editor_get_state (editor), ==, VIGIL_RECORD_EDITOR_SAVED);
}

static GPtrArray *
list_agenda (VigilPanelView *view,
             VigilStore     *store)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *items = vigil_panel_list_agenda (store, vigil_panel_view_get_meeting_id (view), &error);

  g_assert_no_error (error);
  return items;
}

static void
shoot (VigilWindow *window,
       const char  *name)
{
  g_autofree char *light = g_strdup_printf ("screenshot-panel-%s.png", name);
  g_autofree char *dark = g_strdup_printf ("screenshot-panel-dark-%s.png", name);
  g_autofree char *a = NULL;
  g_autofree char *b = NULL;

  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
  vigil_gui_test_settle (window);
  a = vigil_gui_test_screenshot (GTK_WIDGET (window), light);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_DARK);
  vigil_gui_test_settle (window);
  b = vigil_gui_test_screenshot (GTK_WIDGET (window), dark);
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (), ADW_COLOR_SCHEME_FORCE_LIGHT);
}

static void
test_panel (void)
{
  g_autoptr(VigilLocation) location = vigil_gui_test_demo_location ();
  VigilWindow *window = vigil_window_new (GTK_APPLICATION (vigil_gui_test_get_app ()));
  VigilPanelView *view;
  VigilStore *store;
  g_autoptr(GPtrArray) before = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(VigilRecordEditor) editor = NULL;
  g_autofree char *text = NULL;
  g_autofree char *dir = vigil_gui_test_make_tmpdir ();
  g_autofree char *pdf = g_build_filename (dir, "pack.pdf", NULL);
  g_autoptr(GError) error = NULL;
  GtkWidget *stack;
  guint n_before;

  gtk_window_set_default_size (GTK_WINDOW (window), 1366, 768);
  gtk_window_present (GTK_WINDOW (window));
  vigil_gui_test_wait_for (widget_is_drawn, window, 10000, "the window to show");
  vigil_window_open_location (window, location, VIGIL_OPEN_MODE_EXISTING, FALSE);
  vigil_gui_test_wait_for (window_left_loading, window, OPEN_TIMEOUT_MS, "the store to open");
  store = g_object_ref (vigil_window_get_store (window));
  view = VIGIL_PANEL_VIEW (vigil_window_get_panel_view (window));
  stack = gtk_widget_get_ancestor (GTK_WIDGET (view), ADW_TYPE_VIEW_STACK);
  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (stack), "panel");
  vigil_gui_test_wait_for (widget_is_drawn, view, 10000, "the Panel page to show");
  panel = view;
  settle ();

  /* the demo's next scheduled meeting */
  g_assert_cmpint (vigil_panel_view_get_meeting_id (view), ==, 2);
  /* a newer read supersedes the one on its way: the last asked for is shown */
  vigil_panel_view_show_meeting (view, 1);
  vigil_panel_view_show_meeting (view, 2);
  g_assert_true (vigil_panel_view_get_loading (view));
  settle ();
  g_assert_cmpint (vigil_panel_view_get_meeting_id (view), ==, 2);
  text = dup_section_text (view, "meeting");
  assert_contains (text, "Scheduled");
  /* the chooser lists meeting items, the one shown selected */
  {
    GtkDropDown *chooser = GTK_DROP_DOWN (find_named (GTK_WIDGET (view), "meetings"));
    VigilMeetingItem *selected = gtk_drop_down_get_selected_item (chooser);

    g_assert_true (g_list_model_get_item_type (gtk_drop_down_get_model (chooser)) == VIGIL_TYPE_MEETING_ITEM);
    g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (chooser)), >=, 2);
    g_assert_nonnull (selected);
    g_assert_cmpint (vigil_meeting_item_get_id (selected), ==, 2);
  }
  before = list_agenda (view, store);
  n_before = before->len;

  /* build the agenda from the cohort */
  click (GTK_WIDGET (view), "build-agenda");
  after = list_agenda (view, store);
  g_assert_cmpuint (after->len, >, n_before);
  g_clear_pointer (&text, g_free);
  text = dup_section_text (view, "agenda");
  assert_contains (text, "Review due");
  assert_contains (text, "Exit");
  shoot (window, "1366x768");

  /* the chair moves the first case down */
  {
    gint64 first = ((VigilAgendaItem *) g_ptr_array_index (after, 0))->record.id;
    gint64 second = ((VigilAgendaItem *) g_ptr_array_index (after, 1))->record.id;
    g_autoptr(GPtrArray) moved = NULL;

    click (find_named (vigil_panel_view_get_section (view, "agenda"), "agenda-item"), "move-down");
    moved = list_agenda (view, store);
    g_assert_cmpint (((VigilAgendaItem *) g_ptr_array_index (moved, 0))->record.id, ==, second);
    g_assert_cmpint (((VigilAgendaItem *) g_ptr_array_index (moved, 1))->record.id, ==, first);

    /* the row's actions take the item's id: the first goes back up, the last cannot go down */
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "panel.move-item-up", "x", first));
    settle ();
    g_clear_pointer (&moved, g_ptr_array_unref);
    moved = list_agenda (view, store);
    g_assert_cmpint (((VigilAgendaItem *) g_ptr_array_index (moved, 0))->record.id, ==, first);
    g_assert_cmpint (((VigilAgendaItem *) g_ptr_array_index (moved, 1))->record.id, ==, second);
    click (find_named (vigil_panel_view_get_section (view, "agenda"), "agenda-item"), "move-down");
    g_clear_pointer (&moved, g_ptr_array_unref);
    moved = list_agenda (view, store);
    g_assert_cmpint (((VigilAgendaItem *) g_ptr_array_index (moved, 0))->record.id, ==, second);
    g_assert_false (gtk_widget_get_sensitive (find_named (vigil_panel_view_get_section (view, "agenda"), "move-up")));
  }

  /* attendance: the guidance's agencies that are absent */
  g_clear_pointer (&text, g_free);
  text = dup_section_text (view, "attendance");
  assert_contains (text, "Not represented, though the guidance names them: Police, Probation");
  editor = open_editor (view, vigil_panel_view_get_section (view, "attendance"), "add-attendee");
  set_choice (editor, "agency", "probation");
  gtk_editable_set_text (GTK_EDITABLE (vigil_record_editor_get_control (editor, "name")), "PO Synth Attender");
  save (editor);
  g_clear_object (&editor);
  g_clear_pointer (&text, g_free);
  text = dup_section_text (view, "attendance");
  assert_contains (text, "Probation: PO Synth Attender");
  assert_contains (text, "guidance names them: Police, Housing");

  /* minutes of the first case, and an action for it */
  editor = open_editor (view, find_named (vigil_panel_view_get_section (view, "agenda"), "agenda-item"), "minutes");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (vigil_record_editor_get_control (editor, "minutes"))),
                            "SYN minutes: the panel discussed the case.", -1);
  save (editor);
  g_clear_object (&editor);
  g_clear_pointer (&text, g_free);
  text = dup_section_text (view, "agenda");
  assert_contains (text, "SYN minutes: the panel discussed the case.");

  editor = open_editor (view, find_named (vigil_panel_view_get_section (view, "agenda"), "agenda-item"), "add-action");
  gtk_editable_set_text (GTK_EDITABLE (vigil_record_editor_get_control (editor, "description")), "SYN check the address");
  gtk_editable_set_text (GTK_EDITABLE (vigil_record_editor_get_control (editor, "due_on")), "2026-12-30");
  set_choice (editor, "owner_agency", "housing");
  save (editor);
  g_clear_object (&editor);
  g_clear_pointer (&text, g_free);
  text = dup_section_text (view, "actions");
  assert_contains (text, "SYN check the address");
  assert_contains (text, "Housing · due 2026-12-30 · Open");
  assert_contains (text, "Carried from an earlier meeting");

  /* a done action needs its date */
  editor = open_editor (view, vigil_panel_view_get_section (view, "actions"), "add-meeting-action");
  gtk_editable_set_text (GTK_EDITABLE (vigil_record_editor_get_control (editor, "description")), "SYN done already");
  set_choice (editor, "status", "done");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));
  vigil_gui_test_wait_saved (editor);
  g_assert_nonnull (strstr (vigil_record_editor_get_message (editor), "date the action was done"));
  gtk_window_close (GTK_WINDOW (editor));
  g_clear_object (&editor);

  /* the pack */
  g_assert_true (vigil_panel_view_export_pack (view, pdf, FALSE, &error));
  g_assert_no_error (error);
  settle ();
  g_assert_true (g_file_test (pdf, G_FILE_TEST_IS_REGULAR));

  /* printing: GtkPrintOperation draws the same pages (exported to a file here) */
  {
    g_autofree char *printed = g_build_filename (dir, "printed.pdf", NULL);
    g_autoptr(GPtrArray) audit = NULL;
    guint prints = 0;

    g_assert_true (vigil_panel_view_print_pack (view, GTK_PRINT_OPERATION_ACTION_EXPORT, printed, &error));
    g_assert_no_error (error);
    settle ();
    g_assert_true (g_file_test (printed, G_FILE_TEST_IS_REGULAR));
    audit = vigil_audit_list (store, ((VigilAgendaItem *) g_ptr_array_index (after, 0))->person_id, 0, &error);
    g_assert_no_error (error);
    for (guint i = 0; i < audit->len; i++)
      prints += g_strcmp0 (((VigilAuditEntry *) g_ptr_array_index (audit, i))->action, "print") == 0;
    g_assert_cmpuint (prints, ==, 1);
  }

  vigil_gui_test_resize (window, 1920, 1080);
  shoot (window, "1920x1080");

  /* projection mode: one case at a time, by the keys' actions */
  {
    VigilPresenter *presenter;
    g_autofree char *first = NULL;
    g_autofree char *named = NULL;
    g_autofree char *path = NULL;
    g_autoptr(GPtrArray) audit = NULL;
    guint reveals = 0;
    gint64 victim_person = 0;
    const VigilDossierVictim *victim = NULL;
    g_autoptr(VigilDossier) dossier = NULL;
    guint position = 0;

    click (GTK_WIDGET (view), "present");
    presenter = VIGIL_PRESENTER (vigil_panel_view_get_editor (view));
    g_assert_nonnull (presenter);
    g_object_ref (presenter);
    vigil_gui_test_wait_for (widget_is_drawn, presenter, SHOW_TIMEOUT_MS, "the presenter to show");
    vigil_gui_test_wait_for (presenter_read, presenter, SHOW_TIMEOUT_MS, "the presenter to read the cases");
    vigil_gui_test_settle (presenter);
    g_assert_cmpuint (vigil_presenter_get_n_cases (presenter), ==, after->len);
    g_assert_cmpuint (vigil_presenter_get_position (presenter), ==, 0);
    first = vigil_presenter_dup_text (presenter);
    assert_contains (first, "Case 1 of");
    path = vigil_gui_test_screenshot (GTK_WIDGET (presenter), "screenshot-presenter-1920x1080.png");

    /* the keys a presenter's remote or keyboard sends */
    g_assert_true (vigil_gui_test_has_binding (GTK_WIDGET (presenter), "Right", "presenter.next"));
    g_assert_true (vigil_gui_test_has_binding (GTK_WIDGET (presenter), "Page_Down", "presenter.next"));
    g_assert_true (vigil_gui_test_has_binding (GTK_WIDGET (presenter), "space", "presenter.next"));
    g_assert_true (vigil_gui_test_has_binding (GTK_WIDGET (presenter), "Left", "presenter.previous"));
    g_assert_true (vigil_gui_test_has_binding (GTK_WIDGET (presenter), "Page_Up", "presenter.previous"));
    g_assert_true (vigil_gui_test_has_binding (GTK_WIDGET (presenter), "Home", "presenter.first"));
    g_assert_true (vigil_gui_test_has_binding (GTK_WIDGET (presenter), "End", "presenter.last"));
    g_assert_true (vigil_gui_test_has_binding (GTK_WIDGET (presenter), "b", "presenter.blank"));
    g_assert_true (vigil_gui_test_has_binding (GTK_WIDGET (presenter), "period", "presenter.blank"));
    g_assert_true (vigil_gui_test_has_binding (GTK_WIDGET (presenter), "v", "presenter.reveal"));
    g_assert_true (vigil_gui_test_has_binding (GTK_WIDGET (presenter), "Escape", "window.close"));

    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (presenter), "presenter.next", NULL));
    g_assert_cmpuint (vigil_presenter_get_position (presenter), ==, 1);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (presenter), "presenter.previous", NULL));
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (presenter), "presenter.previous", NULL));
    g_assert_cmpuint (vigil_presenter_get_position (presenter), ==, 0);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (presenter), "presenter.last", NULL));
    g_assert_cmpuint (vigil_presenter_get_position (presenter), ==, after->len - 1);
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (presenter), "presenter.next", NULL));
    g_assert_cmpuint (vigil_presenter_get_position (presenter), ==, after->len - 1);

    /* one key blanks the screen at once, and shows it again */
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (presenter), "presenter.blank", NULL));
    g_assert_true (vigil_presenter_get_blanked (presenter));
    g_clear_pointer (&path, g_free);
    path = vigil_gui_test_screenshot (GTK_WIDGET (presenter), "screenshot-presenter-blank.png");
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (presenter), "presenter.blank", NULL));
    g_assert_false (vigil_presenter_get_blanked (presenter));

    /* a case with a victim: by role, and by name only once asked for (audited) */
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (presenter), "presenter.first", NULL));
    for (guint i = 0; i < after->len && victim == NULL; i++)
      {
        g_autoptr(GPtrArray) items = list_agenda (view, store);
        const VigilAgendaItem *item = g_ptr_array_index (items, i);

        g_clear_pointer (&dossier, vigil_dossier_free);
        dossier = vigil_dossier_load (store, item->person_id, NULL, NULL, &error);
        g_assert_no_error (error);
        if (dossier->victims->len > 0 && dossier->victims->pdata[0] != NULL
            && ((VigilDossierVictim *) dossier->victims->pdata[0])->surname != NULL)
          {
            victim = g_ptr_array_index (dossier->victims, 0);
            victim_person = item->person_id;
            position = i;
          }
      }
    g_assert_nonnull (victim);
    for (guint i = 0; i < position; i++)
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (presenter), "presenter.next", NULL));
    g_clear_pointer (&first, g_free);
    first = vigil_presenter_dup_text (presenter);
    assert_contains (first, "Victim 1");
    g_assert_null (strstr (first, victim->surname));
    vigil_presenter_set_show_names (presenter, TRUE);
    vigil_gui_test_wait_for (presenter_shows_names, presenter, SHOW_TIMEOUT_MS, "the names after their audit row");
    named = vigil_presenter_dup_text (presenter);
    assert_contains (named, victim->surname);
    audit = vigil_audit_list (store, victim_person, 0, &error);
    for (guint i = 0; i < audit->len; i++)
      reveals += g_strcmp0 (((VigilAuditEntry *) g_ptr_array_index (audit, i))->action, "reveal") == 0;
    g_assert_cmpuint (reveals, ==, 1);
    /* another case hides them again */
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (presenter),
                                               position + 1 < after->len ? "presenter.next" : "presenter.previous", NULL));
    g_assert_false (vigil_presenter_get_show_names (presenter));

    gtk_window_destroy (GTK_WINDOW (presenter));
    g_object_unref (presenter);
  }

  panel = NULL;
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (store);
}

int
main (int   argc,
      char *argv[])
{
  vigil_gui_test_init (&argc, &argv, VIGIL_GUI_TEST_DEFAULT);

  g_test_add_func ("/panel-view/meeting", test_panel);

  return vigil_gui_test_run ();
}
