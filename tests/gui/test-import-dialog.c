/* test-import-dialog.c: the Import dialog, driven for real under Xvfb
 *
 * Opens the main window on an empty store, opens the dialog from the cohort view's
 * empty state, imports a synthetic extract with bad rows through the real worker
 * thread, checks the report (counts, every rejected row, the unknown offence code),
 * that the cohort list reloads on close, that importing the same file again adds
 * nothing, that files come through the real file chooser, that twenty thousand
 * rejected rows are all listed (virtually), that a cancelled import (Cancel, or
 * closing the window) changes nothing, that each error says why, and that a file of
 * partner-agency information imports as agency flags with its own report. Renders every
 * page, light and dark, into the meson log folder.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-import-dialog"

#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "vigil-application.h"
#include "vigil-cohort-view.h"
#include "vigil-form.h"
#include "vigil-gui.h"
#include "vigil-import-dialog.h"
#include "vigil-people-model.h"
#include "vigil-window.h"

#include "vigil-gui-test.h"
#include "vigil-test-ci.h"

#define OPEN_TIMEOUT_MS 240000
#define IMPORT_TIMEOUT_MS 240000
#define SEED 20261125

/* Rows vigil_synth_write_csv writes for the report test, then the rows below. */
#define N_GOOD_ROWS 40
#define N_BIG_ROWS 20000

/* LeakSanitizer (when built with it): GTK's own file chooser, which the file-chooser
 * test opens (there is no portal in the tests), starts libcloudproviders, and that
 * keeps two path strings it never frees. Third-party, suppressed by library name as
 * tests/lsan.supp does, for this binary only; Vigil's own leaks still fail the test. */
const char *__lsan_default_suppressions (void);

const char *
__lsan_default_suppressions (void)
{
  return "leak:libcloudproviders.so\n";
}

typedef struct
{
  guint       offset;  /* line after the synthetic rows: 1 = the first bad row */
  const char *field;   /* NULL: the row as a whole */
  const char *says;    /* in the reason */
} ExpectedRejection;

/* After the synthetic rows: six bad rows, then a good row with an unknown code. */
static const char bad_rows[] =
  "BAD-0001,31/02/2024,TEST-P0001,\"Testwood, Alpha\",1980-02-03,,,,ex_partner,abh,,0,Testshire North\n"
  "BAD-0002,2024-03-01,TEST-P0002,\"Exampleton, Bravo\",,,,,neighbour,abh,,0,Testshire North\n"
  "BAD-0003,2024-03-02,,,,,,,ex_partner,harassment,,0,Testshire North\n"
  "BAD-0004,2024-03-03,TEST-P0004,\"Fakeley, \"Charlie\",,,,,ex_partner,abh,,0,Testshire North\n"
  "BAD-0005,2024-03-04,TEST-P0005,\"Mockford, Echo\",,,,,ex_partner,abh,,0,Testshire North,surplus\n"
  "BAD-0006,2024-03-04,TEST-P0006\n"
  "ODD-0001,2024-03-05,TEST-P0007,\"Mockford, Delta\",,,,,intimate_partner,doorstep_nuisance,,0,Testshire North\n";

static const ExpectedRejection expected_rejections[] = {
  { 1, "occurred_at", "not a date" },
  { 2, "relationship", "unknown relationship" },
  { 3, "perpetrator_ref", "perpetrator is missing" },
  { 4, NULL, "quote" },
  { 5, NULL, "14 fields" },
  { 6, NULL, "3 fields" },
};

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
  g_autofree char *dark = g_strdup_printf ("%s-dark.png", name);
  g_autofree char *light = g_strdup_printf ("%s.png", name);

  vigil_gui_test_shoot_both (widget, light, dark);
}

static gboolean
widget_is_unmapped (gpointer user_data)
{
  return !gtk_widget_get_mapped (user_data);
}

static VigilImportDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (VIGIL_IS_IMPORT_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return VIGIL_IMPORT_DIALOG (window);
    }
  return NULL;
}

static gboolean
dialog_shown (gpointer user_data)
{
  VigilImportDialog *dialog = find_dialog ();

  return dialog != NULL && gtk_widget_get_mapped (GTK_WIDGET (dialog));
}

static gboolean
dialog_gone (gpointer user_data)
{
  return find_dialog () == NULL;
}

static VigilImportDialog *
wait_for_dialog (void)
{
  vigil_gui_test_wait_for (dialog_shown, NULL, 10000, "the import dialog");
  vigil_gui_test_settle (find_dialog ());
  return find_dialog ();
}

static gboolean
import_ended (gpointer user_data)
{
  return g_strcmp0 (vigil_import_dialog_get_page (user_data), "running") != 0;
}

static gboolean
kind_is_flags (gpointer user_data)
{
  return g_strcmp0 (vigil_import_dialog_get_kind (user_data), "agency_flags") == 0;
}

static gboolean
import_started (gpointer user_data)
{
  return g_strcmp0 (vigil_import_dialog_get_page (user_data), "choose") != 0;
}

static gpointer
template_child (gpointer    dialog,
                const char *name)
{
  GObject *child = gtk_widget_get_template_child (GTK_WIDGET (dialog), VIGIL_TYPE_IMPORT_DIALOG, name);

  g_assert_nonnull (child);
  return child;
}

/* The first widget under @root of @type whose action is @action (NULL: any). */
static GtkWidget *
find_widget (GtkWidget  *root,
             GType       type,
             const char *action)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (root, type) &&
      (action == NULL ||
       (GTK_IS_ACTIONABLE (root) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (root)), action) == 0)))
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, action);

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
  g_signal_emit_by_name (button, "clicked");
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list)); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LIST_BOX_ROW (child))
      n++;
  return n;
}

/* "2026-11-18": a week ago, so that no synthetic incident lies in the future */
static char *
dup_as_of (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, -7);

  return g_date_time_format (then, "%Y-%m-%d");
}

static char *
write_synthetic_csv (const char *dir,
                     const char *name,
                     guint64     n_rows,
                     const char *extra)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *as_of = dup_as_of ();
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileOutputStream) out = NULL;
  g_autoptr(GError) error = NULL;

  out = g_file_replace (file, NULL, FALSE, G_FILE_CREATE_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (vigil_synth_write_csv (n_rows, SEED, as_of, G_OUTPUT_STREAM (out), NULL, &error));
  g_assert_no_error (error);
  if (extra != NULL)
    {
      g_output_stream_write_all (G_OUTPUT_STREAM (out), extra, strlen (extra), NULL, NULL, &error);
      g_assert_no_error (error);
    }
  g_output_stream_close (G_OUTPUT_STREAM (out), NULL, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&path);
}

static char *
write_text (const char *dir,
            const char *name,
            const char *text)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static void
set_path (VigilImportDialog *dialog,
          const char        *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  vigil_import_dialog_set_file (dialog, file);
}

static void
set_mapping_path (VigilImportDialog *dialog,
                  const char        *path)
{
  g_autoptr(GFile) file = path != NULL ? g_file_new_for_path (path) : NULL;

  vigil_import_dialog_set_mapping_file (dialog, file);
}

/* Clicks Import and waits for the end page. */
static void
run_import (VigilImportDialog *dialog)
{
  GtkWidget *import_button = template_child (dialog, "import_button");

  click (import_button);
  g_assert_cmpstr (vigil_import_dialog_get_page (dialog), ==, "running");
  vigil_gui_test_wait_for (import_ended, dialog, IMPORT_TIMEOUT_MS, "the import to end");
  vigil_gui_test_settle (dialog);
}

typedef struct
{
  guint    n_emitted;
  guint64  rows_imported;
} ImportedSignal;

static void
imported_cb (VigilImportDialog *dialog,
             guint64            rows_imported,
             guint64            people_created,
             ImportedSignal    *signal)
{
  signal->n_emitted++;
  signal->rows_imported = rows_imported;
}

/* Tests */

static void
test_report (void)
{
  g_autofree char *dir = vigil_gui_test_make_tmpdir ();
  g_autofree char *csv = write_synthetic_csv (dir, "force-extract-2026-11.csv", N_GOOD_ROWS, bad_rows);
  g_autoptr(VigilLocation) location = vigil_gui_test_empty_location ();
  VigilWindow *window = open_window (location);
  VigilCohortView *view = vigil_window_get_cohort_view (window);
  VigilStore *store = vigil_window_get_store (window);
  ImportedSignal imported = { 0 };
  const VigilImportReport *report;
  VigilImportDialog *dialog;
  GtkWidget *empty_button;
  GtkListBox *rejections;
  GtkListBox *unmapped;
  GtkWidget *row;
  gint64 people_before;
  guint i;

  /* The empty cohort offers the import. */
  vigil_gui_test_settle_people (vigil_cohort_view_get_model (view));
  g_assert_cmpstr (vigil_cohort_view_get_state (view), ==, "empty");
  /* With no scoring run the cohort list's views are empty: watch everyone instead, as
   * vigil_people_count() counts them, to see the list reload after the import. */
  vigil_people_model_set_view (vigil_cohort_view_get_model (view), VIGIL_PEOPLE_VIEW_EVERYONE);
  vigil_gui_test_settle_people (vigil_cohort_view_get_model (view));
  people_before = vigil_people_model_get_total (vigil_cohort_view_get_model (view));
  g_assert_cmpint (people_before, ==, 0);
  empty_button = find_widget (GTK_WIDGET (view), GTK_TYPE_BUTTON, "win.import");
  g_assert_nonnull (empty_button);
  g_assert_true (gtk_widget_is_visible (empty_button));
  g_assert_true (gtk_widget_is_sensitive (empty_button));
  shoot_both (window, "screenshot-import-cohort-empty");

  /* The primary menu has the action too. */
  {
    GtkMenuButton *menu_button = GTK_MENU_BUTTON (gtk_widget_get_template_child (GTK_WIDGET (window), VIGIL_TYPE_WINDOW,
                                                                                "primary_menu_button"));
    GMenuModel *menu = gtk_menu_button_get_menu_model (menu_button);
    GMenuModel *section = g_menu_model_get_item_link (menu, 0, G_MENU_LINK_SECTION);
    g_autofree char *action = NULL;

    g_assert_nonnull (section);
    g_assert_true (g_menu_model_get_item_attribute (section, 0, G_MENU_ATTRIBUTE_ACTION, "s", &action));
    g_assert_cmpstr (action, ==, "win.import");
    g_object_unref (section);

    gtk_menu_button_popup (menu_button);
    vigil_gui_test_wait_for (vigil_gui_test_widget_is_drawn, gtk_menu_button_get_popover (menu_button), 5000, "the primary menu");
    vigil_gui_test_shoot (gtk_menu_button_get_popover (menu_button), "screenshot-import-primary-menu.png");
    gtk_menu_button_popdown (menu_button);
    vigil_gui_test_wait_for (widget_is_unmapped, gtk_menu_button_get_popover (menu_button), 5000, "the primary menu to close");
  }

  click (empty_button);
  dialog = wait_for_dialog ();
  g_signal_connect (dialog, "imported", G_CALLBACK (imported_cb), &imported);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_true (vigil_import_dialog_get_store (dialog) == store);
  g_assert_cmpstr (vigil_import_dialog_get_page (dialog), ==, "choose");

  /* Nothing to import until a file is chosen. */
  g_assert_false (gtk_widget_is_sensitive (template_child (dialog, "import_button")));
  g_assert_false (gtk_widget_get_visible (template_child (dialog, "clear_mapping_button")));
  shoot_both (dialog, "screenshot-import-choose-empty");

  set_path (dialog, csv);
  g_assert_cmpstr (adw_action_row_get_subtitle (template_child (dialog, "file_row")), ==, "force-extract-2026-11.csv");
  g_assert_true (gtk_widget_is_sensitive (template_child (dialog, "import_button")));
  g_assert_true (gtk_window_get_default_widget (GTK_WINDOW (dialog)) == template_child (dialog, "import_button"));

  /* A mapping file shows its name and can be taken away again. */
  {
    g_autofree char *mapping = write_text (dir, "north-synthshire.json", "{\"date_format\": \"iso\"}");

    set_mapping_path (dialog, mapping);
    g_assert_cmpstr (adw_action_row_get_subtitle (template_child (dialog, "mapping_row")), ==, "north-synthshire.json");
    g_assert_true (gtk_widget_get_visible (template_child (dialog, "clear_mapping_button")));
    shoot_both (dialog, "screenshot-import-choose");
    click (template_child (dialog, "clear_mapping_button"));
    g_assert_null (vigil_import_dialog_get_mapping_file (dialog));
    g_assert_false (gtk_widget_get_visible (template_child (dialog, "clear_mapping_button")));
  }

  /* Enter imports: the default widget is Import. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "default.activate", NULL));
  vigil_gui_test_wait_for (import_started, dialog, 5000, "Enter to start the import");
  vigil_gui_test_wait_for (import_ended, dialog, IMPORT_TIMEOUT_MS, "the import to end");
  g_assert_null (vigil_import_dialog_get_error (dialog));
  g_assert_cmpstr (vigil_import_dialog_get_page (dialog), ==, "report");

  /* The counts */
  report = vigil_import_dialog_get_report (dialog);
  g_assert_nonnull (report);
  g_assert_false (report->already_imported);
  g_assert_cmpuint (report->rows_total, ==, N_GOOD_ROWS + 7);
  g_assert_cmpuint (report->rows_imported, ==, N_GOOD_ROWS + 1);
  g_assert_cmpuint (report->rows_rejected, ==, G_N_ELEMENTS (expected_rejections));
  g_assert_cmpuint (report->rows_duplicate, ==, 0);
  g_assert_cmpuint (report->people_created, >, 0);
  g_assert_cmpuint (report->unmapped->len, ==, 1);

  {
    g_autofree char *total = g_strdup_printf ("%d", N_GOOD_ROWS + 7);
    g_autofree char *imported_text = g_strdup_printf ("%d", N_GOOD_ROWS + 1);
    g_autofree char *people = g_strdup_printf ("%" G_GUINT64_FORMAT, report->people_created);
    g_autofree char *duplicates = g_strdup_printf ("%" G_GUINT64_FORMAT, report->possible_duplicates);

    g_assert_cmpstr (gtk_label_get_label (template_child (dialog, "rows_read_label")), ==, total);
    g_assert_cmpstr (gtk_label_get_label (template_child (dialog, "imported_label")), ==, imported_text);
    g_assert_cmpstr (gtk_label_get_label (template_child (dialog, "known_label")), ==, "0");
    g_assert_cmpstr (gtk_label_get_label (template_child (dialog, "rejected_label")), ==, "6");
    g_assert_cmpstr (gtk_label_get_label (template_child (dialog, "people_label")), ==, people);
    g_assert_cmpstr (gtk_label_get_label (template_child (dialog, "duplicates_label")), ==, duplicates);
    g_assert_cmpstr (gtk_label_get_label (template_child (dialog, "report_title")), ==, "Imported, With Rows Rejected");
  }

  /* Every bad row is listed: line, field, reason and its text. */
  rejections = template_child (dialog, "rejections_list");
  g_assert_true (gtk_widget_get_visible (template_child (dialog, "rejections_group")));
  g_assert_cmpuint (G_N_ELEMENTS (expected_rejections), <=, VIGIL_IMPORT_DIALOG_N_REJECTIONS_INLINE);
  g_assert_cmpuint (count_rows (rejections), ==, G_N_ELEMENTS (expected_rejections));
  for (i = 0, row = gtk_widget_get_first_child (GTK_WIDGET (rejections));
       i < G_N_ELEMENTS (expected_rejections);
       i++, row = gtk_widget_get_next_sibling (row))
    {
      const ExpectedRejection *expected = &expected_rejections[i];
      const VigilImportProblem *problem = g_ptr_array_index (report->rejections, i);
      guint64 line = 1 + N_GOOD_ROWS + expected->offset;
      g_autofree char *title = expected->field != NULL
                                 ? g_strdup_printf ("Line %" G_GUINT64_FORMAT " · %s", line, expected->field)
                                 : g_strdup_printf ("Line %" G_GUINT64_FORMAT, line);
      g_autofree char *says = g_ascii_strdown (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), -1);

      g_assert_true (ADW_IS_EXPANDER_ROW (row));
      g_assert_cmpuint (problem->line, ==, line);
      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, title);
      if (strstr (says, expected->says) == NULL)
        g_error ("Row %u says “%s”, expected “%s”", i, says, expected->says);

      /* the row's own text, in monospace */
      {
        GtkWidget *mono = NULL;
        GtkWidget *stack[64];
        guint depth = 0;

        stack[depth++] = row;
        while (depth > 0 && mono == NULL)
          {
            GtkWidget *w = stack[--depth];

            if (GTK_IS_LABEL (w) && gtk_widget_has_css_class (w, "monospace"))
              mono = w;
            for (GtkWidget *c = gtk_widget_get_first_child (w); c != NULL && depth < G_N_ELEMENTS (stack); c = gtk_widget_get_next_sibling (c))
              stack[depth++] = c;
          }
        g_assert_nonnull (mono);
        g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (mono)), ==, problem->raw_text);
        g_assert_nonnull (strstr (problem->raw_text, i == 2 ? "BAD-0003" : "TEST-P000"));
      }
    }

  /* The unknown offence code, with its count */
  unmapped = template_child (dialog, "unmapped_list");
  g_assert_true (gtk_widget_get_visible (template_child (dialog, "unmapped_group")));
  g_assert_cmpuint (count_rows (unmapped), ==, 1);
  row = gtk_widget_get_first_child (GTK_WIDGET (unmapped));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "doorstep_nuisance");

  /* Enter closes the report. */
  g_assert_true (gtk_window_get_default_widget (GTK_WINDOW (dialog)) == template_child (dialog, "done_button"));

  shoot_both (dialog, "screenshot-import-report");
  /* The whole report, one row opened */
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (gtk_widget_get_first_child (GTK_WIDGET (rejections))), TRUE);
  vigil_gui_test_resize (dialog, 600, 1300);
  shoot_both (dialog, "screenshot-import-report-full");
  /* … and its end, with the unknown offence code */
  {
    GtkWidget *scrolled = find_widget (template_child (dialog, "report_page"), GTK_TYPE_SCROLLED_WINDOW, NULL);
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    vigil_gui_test_settle (dialog);
    g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);
    shoot_both (dialog, "screenshot-import-report-end");
  }

  /* Possible duplicates are reviewed in the window's Possible Duplicates window. */
  g_test_message ("possible duplicates: %" G_GUINT64_FORMAT, report->possible_duplicates);
  g_assert_cmpint (gtk_widget_is_sensitive (template_child (dialog, "review_duplicates_button")), ==,
                   report->possible_duplicates > 0);

  /* The cohort list reloads once the import has committed, told by the store's
   * "changed" (the dialog's "imported" waits for Done). */
  {
    g_autoptr(GError) error = NULL;
    gint64 expected = vigil_people_count (store, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpint (expected, >, people_before);
    g_assert_cmpint ((vigil_gui_test_settle_people (vigil_cohort_view_get_model (view)),
                      vigil_people_model_get_total (vigil_cohort_view_get_model (view))), ==, expected);
  }
  g_assert_cmpuint (imported.n_emitted, ==, 0);
  click (template_child (dialog, "done_button"));
  vigil_gui_test_wait_for (dialog_gone, NULL, 5000, "the dialog to close");
  g_assert_cmpuint (imported.n_emitted, ==, 1);
  g_assert_cmpuint (imported.rows_imported, ==, N_GOOD_ROWS + 1);
  {
    g_autoptr(GError) error = NULL;
    gint64 expected = vigil_people_count (store, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpint (expected, >, people_before);
    g_assert_cmpint ((vigil_gui_test_settle_people (vigil_cohort_view_get_model (view)),
                    vigil_people_model_get_total (vigil_cohort_view_get_model (view))), ==, expected);
    g_assert_cmpstr (vigil_cohort_view_get_state (view), ==, "list");
  }
  g_assert_cmpint (vigil_gui_test_count_sql (store, "SELECT COUNT(*) FROM incident"), ==, N_GOOD_ROWS + 1);
  g_assert_cmpint (vigil_gui_test_count_sql (store, "SELECT COUNT(*) FROM import_rejection"), ==, G_N_ELEMENTS (expected_rejections));
  vigil_gui_test_shoot (window, "screenshot-import-cohort-after.png");

  /* The same file again: nothing added, and the dialog says so. <Ctrl>i's action. */
  memset (&imported, 0, sizeof imported);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.import", NULL));
  dialog = wait_for_dialog ();
  g_signal_connect (dialog, "imported", G_CALLBACK (imported_cb), &imported);
  set_path (dialog, csv);
  run_import (dialog);
  g_assert_cmpstr (vigil_import_dialog_get_page (dialog), ==, "already-imported");
  g_assert_true (vigil_import_dialog_get_report (dialog)->already_imported);
  shoot_both (dialog, "screenshot-import-already");
  /* Escape closes. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.close", NULL));
  vigil_gui_test_wait_for (dialog_gone, NULL, 5000, "the dialog to close");
  g_assert_cmpuint (imported.n_emitted, ==, 0);
  g_assert_cmpint (vigil_gui_test_count_sql (store, "SELECT COUNT(*) FROM incident"), ==, N_GOOD_ROWS + 1);

  vigil_gui_test_destroy_window (window);
}

/* Partner-agency information: one flag on a perpetrator the store knows (TEST-0001, with
 * incidents), one on a victim (TEST-0004), two on people new to the store, one bad row. */
static const char flag_rows[] =
  "person_ref,person_name,person_dob,person_pnc,agency,concern,reported_on,reported_by,isa_reference\n"
  "TEST-0001,,,,health,\"Attended A&E with bruising, partner present\",2025-10-01,Synthshire NHS Trust,ISA-SYN-01\n"
  "TEST-0004,,,,Housing,Neighbours report shouting at the address,2025-09-12,Synth Homes,ISA-SYN-02\n"
  "SYN-F0001,\"Fakewick, Golf\",1985-03-04,,mental_health,Disclosed thoughts of harming his ex-partner,2025-09-20,,ISA-SYN-03\n"
  "SYN-F0002,\"Samplewood, Kilo\",,,police,Not a partner agency,2025-08-01,,\n"
  "SYN-F0003,\"Decoyton, Zulu\",,,Substance misuse,Threats at the service,2025-07-15,,ISA-SYN-04\n";

typedef struct
{
  guint   n_imported;
  guint   n_flags_imported;
  guint64 rows_imported;
} KindSignals;

static void
kind_imported_cb (VigilImportDialog *dialog,
                  guint64            rows_imported,
                  guint64            people_created,
                  KindSignals       *signals)
{
  signals->n_imported++;
}

static void
kind_flags_imported_cb (VigilImportDialog *dialog,
                        guint64            rows_imported,
                        guint64            people_created,
                        KindSignals       *signals)
{
  signals->n_flags_imported++;
  signals->rows_imported = rows_imported;
}

static void
clipboard_text_read_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  char **text = user_data;
  g_autoptr(GError) error = NULL;

  *text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, &error);
  g_assert_no_error (error);
}

static gboolean
text_read (gpointer user_data)
{
  return *(char **) user_data != NULL;
}

static void
test_agency_flags (void)
{
  g_autofree char *dir = vigil_gui_test_make_tmpdir ();
  g_autofree char *csv = write_text (dir, "partner-agency-2026-11.csv", flag_rows);
  g_autofree char *copied = NULL;
  g_autoptr(VigilLocation) location = vigil_gui_test_tiny_location ();
  VigilWindow *window = open_window (location);
  VigilStore *store = vigil_window_get_store (window);
  KindSignals signals = { 0 };
  const VigilFlagImportReport *report;
  VigilImportDialog *dialog;
  GtkListBox *candidates;
  GtkListBox *rejections;
  GtkWidget *row;
  const char *expected_candidates[] = { "SYN-F0001", "SYN-F0003", "TEST-0004" };

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.import", NULL));
  dialog = wait_for_dialog ();
  g_signal_connect (dialog, "imported", G_CALLBACK (kind_imported_cb), &signals);
  g_signal_connect (dialog, "flags-imported", G_CALLBACK (kind_flags_imported_cb), &signals);

  /* Incidents unless chosen otherwise; a mapping file is for incidents only */
  g_assert_cmpstr (vigil_import_dialog_get_kind (dialog), ==, "incidents");
  g_assert_true (gtk_check_button_get_active (template_child (dialog, "incidents_check")));
  g_assert_true (gtk_widget_get_visible (template_child (dialog, "mapping_row")));

  /* Choose "Partner-agency information" with its radio button */
  g_assert_true (gtk_widget_activate (template_child (dialog, "flags_check")));
  vigil_gui_test_wait_for (kind_is_flags, dialog, 5000, "the agency information kind");
  g_assert_cmpstr (vigil_import_dialog_get_kind (dialog), ==, "agency_flags");
  g_assert_false (gtk_check_button_get_active (template_child (dialog, "incidents_check")));
  g_assert_false (gtk_widget_get_visible (template_child (dialog, "mapping_row")));
  g_assert_cmpstr (adw_preferences_row_get_title (template_child (dialog, "file_row")), ==, "Agency Information File");
  g_assert_cmpstr (adw_window_title_get_title (template_child (dialog, "window_title")), ==, "Import Agency Information");
  g_assert_false (gtk_widget_is_sensitive (template_child (dialog, "import_button")));
  set_path (dialog, csv);
  g_assert_cmpstr (adw_action_row_get_subtitle (template_child (dialog, "file_row")), ==, "partner-agency-2026-11.csv");
  shoot_both (dialog, "screenshot-import-flags-choose");

  run_import (dialog);
  g_assert_null (vigil_import_dialog_get_error (dialog));
  g_assert_cmpstr (vigil_import_dialog_get_page (dialog), ==, "report");
  g_assert_null (vigil_import_dialog_get_report (dialog));
  report = vigil_import_dialog_get_flag_report (dialog);
  g_assert_nonnull (report);
  g_assert_cmpuint (report->rows_total, ==, 5);
  g_assert_cmpuint (report->rows_imported, ==, 4);
  g_assert_cmpuint (report->rows_rejected, ==, 1);
  g_assert_cmpuint (report->people_created, ==, 2);

  /* The report for agency information: flags, new people, the people the score
   * cannot see; no offence codes, no possible duplicates */
  g_assert_cmpstr (adw_preferences_row_get_title (template_child (dialog, "imported_row")), ==, "Flags Added");
  g_assert_cmpstr (gtk_label_get_label (template_child (dialog, "rows_read_label")), ==, "5");
  g_assert_cmpstr (gtk_label_get_label (template_child (dialog, "imported_label")), ==, "4");
  g_assert_cmpstr (gtk_label_get_label (template_child (dialog, "rejected_label")), ==, "1");
  g_assert_cmpstr (gtk_label_get_label (template_child (dialog, "people_label")), ==, "2");
  g_assert_cmpstr (gtk_label_get_label (template_child (dialog, "report_description")), ==,
                   "4 flags from “partner-agency-2026-11.csv” were added to the store. 1 row could not be "
                   "imported: see below.");
  g_assert_false (gtk_widget_get_visible (template_child (dialog, "duplicates_row")));
  g_assert_false (gtk_widget_get_visible (template_child (dialog, "unmapped_group")));

  rejections = template_child (dialog, "rejections_list");
  g_assert_cmpuint (count_rows (rejections), ==, 1);
  row = gtk_widget_get_first_child (GTK_WIDGET (rejections));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Line 5 · agency");

  candidates = template_child (dialog, "candidates_list");
  g_assert_true (gtk_widget_get_visible (template_child (dialog, "candidates_group")));
  g_assert_cmpuint (count_rows (candidates), ==, G_N_ELEMENTS (expected_candidates));
  row = gtk_widget_get_first_child (GTK_WIDGET (candidates));
  for (guint i = 0; i < G_N_ELEMENTS (expected_candidates); i++, row = gtk_widget_get_next_sibling (row))
    g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, expected_candidates[i]);

  /* Copy puts every reference on the clipboard, one a line */
  {
    GtkWidget *copy = find_widget (template_child (dialog, "candidates_group"), GTK_TYPE_BUTTON,
                                   "import.copy-candidates");

    g_assert_nonnull (copy);
    g_assert_true (gtk_widget_get_visible (copy));
    click (copy);
  }
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (dialog)), NULL,
                                 clipboard_text_read_cb, &copied);
  vigil_gui_test_wait_for (text_read, &copied, 5000, "the clipboard");
  g_assert_cmpstr (copied, ==, "SYN-F0001\nSYN-F0003\nTEST-0004");

  shoot_both (dialog, "screenshot-import-flags-report");
  vigil_gui_test_resize (dialog, 600, 1200);
  shoot_both (dialog, "screenshot-import-flags-report-full");

  click (template_child (dialog, "done_button"));
  vigil_gui_test_wait_for (dialog_gone, NULL, 5000, "the dialog to close");
  g_assert_cmpuint (signals.n_imported, ==, 0);
  g_assert_cmpuint (signals.n_flags_imported, ==, 1);
  g_assert_cmpuint (signals.rows_imported, ==, 4);
  g_assert_cmpint (vigil_gui_test_count_sql (store, "SELECT COUNT(*) FROM agency_flag"), ==, 4);
  g_assert_cmpint (vigil_gui_test_count_sql (store, "SELECT COUNT(*) FROM import_batch WHERE kind = 'agency_flags'"), ==, 1);

  /* The same file again, chosen through the property: nothing added */
  memset (&signals, 0, sizeof signals);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.import", NULL));
  dialog = wait_for_dialog ();
  g_signal_connect (dialog, "flags-imported", G_CALLBACK (kind_flags_imported_cb), &signals);
  g_object_set (dialog, "kind", "agency_flags", NULL);
  g_assert_true (gtk_check_button_get_active (template_child (dialog, "flags_check")));
  set_path (dialog, csv);
  run_import (dialog);
  g_assert_cmpstr (vigil_import_dialog_get_page (dialog), ==, "already-imported");
  g_assert_true (vigil_import_dialog_get_flag_report (dialog)->already_imported);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.close", NULL));
  vigil_gui_test_wait_for (dialog_gone, NULL, 5000, "the dialog to close");
  g_assert_cmpuint (signals.n_flags_imported, ==, 0);
  g_assert_cmpint (vigil_gui_test_count_sql (store, "SELECT COUNT(*) FROM agency_flag"), ==, 4);

  vigil_gui_test_destroy_window (window);
}

typedef struct
{
  GtkWidget  *root;
  const char *text;
} LabelWait;

/* A label under @root that shows exactly @text */
static GtkWidget *
find_label (GtkWidget  *root,
            const char *text)
{
  if (GTK_IS_LABEL (root) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (root)), text) == 0)
    return root;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_label (child, text);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
label_shown (gpointer user_data)
{
  LabelWait *wait = user_data;
  GtkWidget *label = find_label (wait->root, wait->text);

  return label != NULL && gtk_widget_get_mapped (label);
}

static void
test_many_rejections (void)
{
  g_autofree char *dir = vigil_gui_test_make_tmpdir ();
  g_autoptr(VigilLocation) location = vigil_gui_test_empty_location ();
  g_autoptr(VigilStore) store = vigil_gui_test_open (location);
  g_autoptr(GString) bad = g_string_new (NULL);
  g_autofree char *csv = NULL;
  guint n_bad = 20000;
  VigilImportDialog *dialog;
  GtkListBox *rejections;
  GtkListView *view;
  GtkWidget *last;
  gint64 started;
  guint n_children = 0;

  /* A whole extract in the wrong date format: every row is rejected. */
  for (guint i = 0; i < n_bad; i++)
    g_string_append_printf (bad, "BAD-%05u,01/03/2024,TEST-P%05u,\"Testwood, Alpha\",,,,,ex_partner,abh,,0,Testshire\n", i, i);
  csv = write_synthetic_csv (dir, "dates-as-dd-mm-yyyy.csv", 10, bad->str);

  dialog = vigil_import_dialog_new (NULL, store);
  gtk_window_present (GTK_WINDOW (dialog));
  vigil_gui_test_wait_for (vigil_gui_test_widget_is_drawn, dialog, 10000, "the dialog to show");
  set_path (dialog, csv);
  started = g_get_monotonic_time ();
  run_import (dialog);
  g_test_message ("Import and report of %u rejected rows: %.2f s", n_bad,
                  (g_get_monotonic_time () - started) / (double) G_USEC_PER_SEC);

  g_assert_cmpstr (vigil_import_dialog_get_page (dialog), ==, "report");
  g_assert_cmpuint (vigil_import_dialog_get_report (dialog)->rows_rejected, ==, n_bad);
  g_assert_cmpint (vigil_gui_test_count_sql (store, "SELECT COUNT(*) FROM import_rejection"), ==, n_bad);

  /* The report shows the first few, then a row that opens them all. */
  rejections = template_child (dialog, "rejections_list");
  g_assert_cmpuint (count_rows (rejections), ==, VIGIL_IMPORT_DIALOG_N_REJECTIONS_INLINE + 1);
  last = gtk_widget_get_last_child (GTK_WIDGET (rejections));
  g_assert_true (ADW_IS_ACTION_ROW (last));
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (last)), ==, "See All 20000 Rejected Rows");
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (last)), ==, "import.show-rejections");
  {
    GtkWidget *scrolled = find_widget (template_child (dialog, "report_page"), GTK_TYPE_SCROLLED_WINDOW, NULL);
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));

    vigil_gui_test_settle (dialog);   /* the report laid out: its full height */
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    vigil_gui_test_shoot (dialog, "screenshot-import-report-many.png");
  }

  /* Every one of them, in a list that only makes the rows on screen. */
  g_signal_emit_by_name (last, "activate");
  g_assert_cmpstr (vigil_import_dialog_get_page (dialog), ==, "rejections");
  g_assert_true (gtk_widget_get_visible (template_child (dialog, "back_button")));
  view = template_child (dialog, "rejections_view");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (view))), ==, n_bad);
  {
    LabelWait wait = { GTK_WIDGET (view), "Line 12 · occurred_at" };

    vigil_gui_test_wait_for (label_shown, &wait, 10000, "the first rejected row");
  }
  g_assert_nonnull (find_label (GTK_WIDGET (view), "BAD-00000,01/03/2024,TEST-P00000,\"Testwood, Alpha\",,,,,ex_partner,abh,,0,Testshire"));
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (view)); child != NULL; child = gtk_widget_get_next_sibling (child))
    n_children++;
  g_test_message ("Rows made for %u rejected rows: %u", n_bad, n_children);
  g_assert_cmpuint (n_children, <, 500);
  shoot_both (dialog, "screenshot-import-rejections");

  /* The end of the list */
  {
    GtkWidget *scrolled = gtk_widget_get_parent (GTK_WIDGET (view));
    GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
    g_autofree char *last_title = g_strdup_printf ("Line %u · occurred_at", 11 + n_bad);
    LabelWait wait = { GTK_WIDGET (view), last_title };

    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    vigil_gui_test_settle (view);   /* the rows near the end made: the list's full height */
    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    vigil_gui_test_wait_for (label_shown, &wait, 10000, "the last rejected row");
  }

  /* Escape goes back to the report, then closes. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.close", NULL));
  g_assert_cmpstr (vigil_import_dialog_get_page (dialog), ==, "report");
  g_assert_false (gtk_widget_get_visible (template_child (dialog, "back_button")));

  vigil_gui_test_destroy_window (dialog);
}

static gboolean
progress_shown (gpointer user_data)
{
  VigilImportDialog *dialog = user_data;

  return gtk_progress_bar_get_fraction (template_child (dialog, "progress_bar")) > 0.0;
}

static void
test_cancel (void)
{
  g_autofree char *dir = vigil_gui_test_make_tmpdir ();
  g_autofree char *csv = write_synthetic_csv (dir, "big-extract.csv", N_BIG_ROWS, NULL);
  g_autoptr(VigilLocation) location = vigil_gui_test_empty_location ();
  VigilWindow *window = open_window (location);
  VigilCohortView *view = vigil_window_get_cohort_view (window);
  VigilStore *store = vigil_window_get_store (window);
  ImportedSignal imported = { 0 };
  VigilImportDialog *dialog;
  const char *progress;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.import", NULL));
  dialog = wait_for_dialog ();
  g_signal_connect (dialog, "imported", G_CALLBACK (imported_cb), &imported);
  vigil_import_dialog_set_hold_for_testing (dialog, TRUE);
  set_path (dialog, csv);

  click (template_child (dialog, "import_button"));
  g_assert_cmpstr (vigil_import_dialog_get_page (dialog), ==, "running");
  g_assert_false (gtk_widget_get_visible (template_child (dialog, "import_button")));

  /* The thread reports its progress, and the page shows it. */
  vigil_gui_test_wait_for (progress_shown, dialog, IMPORT_TIMEOUT_MS, "the first progress report");
  g_assert_cmpstr (vigil_import_dialog_get_page (dialog), ==, "running");
  progress = gtk_label_get_label (template_child (dialog, "progress_label"));
  g_test_message ("Progress: %s", progress);
  /* how often the thread reports is the import's business: some rows, not all */
  g_assert_true (g_regex_match_simple ("^[1-9][0-9,]* rows read", progress, 0, 0));
  g_assert_cmpfloat (gtk_progress_bar_get_fraction (template_child (dialog, "progress_bar")), <, 1.0);
  shoot_both (dialog, "screenshot-import-running");

  /* Cancel: the import rolls back. */
  click (template_child (dialog, "cancel_import_button"));
  vigil_gui_test_wait_for (import_ended, dialog, IMPORT_TIMEOUT_MS, "the import to roll back");
  g_assert_cmpstr (vigil_import_dialog_get_page (dialog), ==, "cancelled");
  g_assert_null (vigil_import_dialog_get_report (dialog));
  g_assert_cmpint (vigil_gui_test_count_sql (store, "SELECT COUNT(*) FROM incident"), ==, 0);
  g_assert_cmpint (vigil_gui_test_count_sql (store, "SELECT COUNT(*) FROM person"), ==, 0);
  g_assert_cmpint (vigil_gui_test_count_sql (store, "SELECT COUNT(*) FROM import_batch"), ==, 0);
  g_assert_cmpint (vigil_gui_test_count_sql (store, "SELECT COUNT(*) FROM import_rejection"), ==, 0);
  shoot_both (dialog, "screenshot-import-cancelled");

  /* Start again goes back to the files, still chosen. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.restart", NULL));
  g_assert_cmpstr (vigil_import_dialog_get_page (dialog), ==, "choose");
  g_assert_nonnull (vigil_import_dialog_get_file (dialog));

  /* Closing the window while importing cancels too: it closes once rolled back. */
  click (template_child (dialog, "import_button"));
  vigil_gui_test_wait_for (progress_shown, dialog, IMPORT_TIMEOUT_MS, "the first progress report");
  gtk_window_close (GTK_WINDOW (dialog));
  g_assert_true (find_dialog () == dialog);
  vigil_gui_test_wait_for (dialog_gone, NULL, IMPORT_TIMEOUT_MS, "the dialog to close");
  g_assert_cmpuint (imported.n_emitted, ==, 0);
  g_assert_cmpint (vigil_gui_test_count_sql (store, "SELECT COUNT(*) FROM incident"), ==, 0);
  g_assert_cmpint (vigil_gui_test_count_sql (store, "SELECT COUNT(*) FROM import_batch"), ==, 0);
  g_assert_cmpstr (vigil_cohort_view_get_state (view), ==, "empty");

  vigil_gui_test_destroy_window (window);
}

typedef struct
{
  const char *csv;
  const char *mapping;  /* NULL: none */
  int         code;
  const char *title;
  const char *says;
  const char *field;    /* the row marked */
} ErrorCase;

/* The choose page's banner says why, under @title; @field is marked and focused. */
static void
assert_problem (VigilImportDialog *dialog,
                const char        *title,
                const char        *says,
                const char        *field)
{
  VigilForm *form = template_child (dialog, "form");

  g_assert_cmpstr (vigil_import_dialog_get_page (dialog), ==, "choose");
  g_assert_cmpstr (vigil_form_get_error_title (form), ==, title);
  g_assert_nonnull (vigil_form_get_error (form));
  g_assert_nonnull (strstr (vigil_form_get_error (form), says));
  g_assert_true (gtk_widget_has_css_class (template_child (dialog, field), "error"));
  g_assert_true (gtk_root_get_focus (GTK_ROOT (dialog)) == template_child (dialog, field));
}

static void
check_error (VigilImportDialog *dialog,
             const char        *dir,
             const ErrorCase   *error_case,
             const char        *screenshot)
{
  g_autofree char *csv = write_text (dir, "extract.csv", error_case->csv);
  g_autofree char *mapping = error_case->mapping ? write_text (dir, "mapping.json", error_case->mapping) : NULL;
  const GError *error;

  if (g_strcmp0 (vigil_import_dialog_get_page (dialog), "choose") != 0)
    g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.restart", NULL));
  /* Other files answer the problem before (it was with one of them). */
  set_path (dialog, csv);
  set_mapping_path (dialog, mapping);
  g_assert_null (vigil_form_get_error (template_child (dialog, "form")));
  g_assert_false (gtk_widget_has_css_class (template_child (dialog, "file_row"), "error"));
  g_assert_false (gtk_widget_has_css_class (template_child (dialog, "mapping_row"), "error"));
  run_import (dialog);

  /* Back on the files, which stay chosen. */
  error = vigil_import_dialog_get_error (dialog);
  g_assert_error ((GError *) error, VIGIL_IMPORT_ERROR, error_case->code);
  assert_problem (dialog, error_case->title, error_case->says, error_case->field);
  g_assert_nonnull (vigil_import_dialog_get_file (dialog));
  if (screenshot != NULL)
    shoot_both (dialog, screenshot);
}

static void
test_errors (void)
{
  static const ErrorCase header = {
    "incident_ref,occurred_at,perpetrator_ref\nX-1,2024-01-01,P-1\n",
    NULL, VIGIL_IMPORT_ERROR_HEADER, "The File’s Columns Do Not Fit", "no “perpetrator_name” column",
    "file_row",
  };
  static const ErrorCase mapping = {
    VIGIL_SYNTH_CSV_HEADER "\n",
    "{\"columns\": {\"offence\": \"Offence Code\"}}",
    VIGIL_IMPORT_ERROR_MAPPING, "The Mapping File Is Wrong", "columns.offence",
    "mapping_row",
  };
  static const ErrorCase demo = {
    VIGIL_SYNTH_CSV_HEADER "\n"
    "REAL-1,2024-01-01,P-1,\"Smith, John\",,,,,ex_partner,abh,,0,Somewhere\n",
    NULL, VIGIL_IMPORT_ERROR_DEMO, "Real Names Cannot Go Into the Demo", "demo store",
    "file_row",
  };
  g_autofree char *dir = vigil_gui_test_make_tmpdir ();
  g_autoptr(VigilLocation) location = vigil_gui_test_empty_location ();
  g_autoptr(VigilLocation) demo_location = vigil_gui_test_empty_location ();
  g_autoptr(VigilStore) store = vigil_gui_test_open (location);
  g_autoptr(VigilStore) demo_store = vigil_gui_test_open (demo_location);
  g_autoptr(GError) error = NULL;
  VigilImportDialog *dialog;

  /* A missing column, and a wrong mapping file: nothing written. */
  dialog = vigil_import_dialog_new (NULL, store);
  gtk_window_present (GTK_WINDOW (dialog));
  vigil_gui_test_wait_for (vigil_gui_test_widget_is_drawn, dialog, 10000, "the dialog to show");
  check_error (dialog, dir, &header, "screenshot-import-error");
  check_error (dialog, dir, &mapping, NULL);
  g_assert_cmpint (vigil_gui_test_count_sql (store, "SELECT COUNT(*) FROM import_batch"), ==, 0);

  /* A file that is not there */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), "import.restart", NULL));
  {
    g_autofree char *missing = g_build_filename (dir, "missing.csv", NULL);

    set_mapping_path (dialog, NULL);
    set_path (dialog, missing);
    run_import (dialog);
    assert_problem (dialog, "The File Cannot Be Read", "missing.csv", "file_row");
  }

  /* A file that is not on this computer is refused before anything runs. */
  {
    g_autoptr(GFile) remote = g_file_new_for_uri ("sftp://example.org/extract.csv");

    vigil_import_dialog_set_file (dialog, remote);
    g_assert_null (vigil_form_get_error (template_child (dialog, "form")));
    click (template_child (dialog, "import_button"));
    g_assert_error ((GError *) vigil_import_dialog_get_error (dialog), G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED);
    assert_problem (dialog, "The File Cannot Be Read", "files on this computer", "file_row");
    vigil_gui_test_settle (dialog);
    shoot_both (dialog, "screenshot-import-invalid");

    /* Another kind of file asks for other files: the problem goes. */
    vigil_import_dialog_set_kind (dialog, "agency_flags");
    g_assert_null (vigil_form_get_error (template_child (dialog, "form")));
    g_assert_false (gtk_widget_has_css_class (template_child (dialog, "file_row"), "error"));
  }
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* Real names never go into the demo. */
  vigil_store_mark_demo (demo_store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (vigil_store_get_kind (demo_store), ==, VIGIL_STORE_KIND_DEMO);
  dialog = vigil_import_dialog_new (NULL, demo_store);
  gtk_window_present (GTK_WINDOW (dialog));
  vigil_gui_test_wait_for (vigil_gui_test_widget_is_drawn, dialog, 10000, "the dialog to show");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (template_child (dialog, "store_row")), "Demo"));
  check_error (dialog, dir, &demo, "screenshot-import-error-demo");
  g_assert_true (gtk_widget_has_css_class (template_child (dialog, "store_row"), "error"));
  g_assert_cmpint (vigil_gui_test_count_sql (demo_store, "SELECT COUNT(*) FROM incident"), ==, 0);
  vigil_gui_test_destroy_window (dialog);
}

static void
test_postgresql (void)
{
  const char *uri = g_getenv ("VIGIL_TEST_PG_URI");
  g_autofree char *dir = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *flags_csv = NULL;
  g_autofree char *tag = NULL;
  g_autofree char *text = NULL;
  g_autoptr(VigilLocation) location = NULL;
  g_autoptr(VigilStore) store = NULL;
  g_autoptr(GError) error = NULL;
  VigilImportDialog *dialog;

  if (uri == NULL)
    {
      vigil_test_skip_unless_ci ("VIGIL_TEST_PG_URI is not set: no PostgreSQL to import into (tests/run starts a server)");
      return;
    }

  location = vigil_location_parse (uri, &error);
  g_assert_no_error (error);
  store = vigil_gui_test_open (location);
  dir = vigil_gui_test_make_tmpdir ();
  /* The server's database outlives this run: references of this run only */
  tag = g_uuid_string_random ();
  tag[8] = '\0';
  text = g_strdup_printf ("incident_ref,occurred_at,perpetrator_ref,perpetrator_name,perpetrator_dob,victim_ref,"
                          "victim_name,victim_dob,relationship,offence_code,dash_risk,stalking,area\n"
                          "SYN-I-%s-1,2025-05-01,SYN-P-%s-1,\"Testwood, Alfa\",,,,,ex_partner,abh,,0,Testshire North\n"
                          "SYN-I-%s-2,2025-06-01,SYN-P-%s-1,\"Testwood, Alfa\",,,,,ex_partner,harassment,,0,Testshire North\n",
                          tag, tag, tag, tag);
  csv = write_text (dir, "extract.csv", text);
  g_free (text);
  text = g_strdup_printf ("person_ref,agency,concern,person_name\n"
                          "SYN-P-%s-1,health,Attended A&E with a partner present,\n"
                          "SYN-F-%s-2,housing,Neighbours report shouting,\"Fakewick, Golf\"\n"
                          "SYN-F-%s-3,police,Not a partner agency,\"Samplewood, Kilo\"\n",
                          tag, tag, tag);
  flags_csv = write_text (dir, "partner-agency.csv", text);

  /* Incidents, then partner-agency information, into the same PostgreSQL store */
  dialog = vigil_import_dialog_new (NULL, store);
  gtk_window_present (GTK_WINDOW (dialog));
  vigil_gui_test_wait_for (vigil_gui_test_widget_is_drawn, dialog, 10000, "the dialog to show");
  set_path (dialog, csv);
  run_import (dialog);
  g_assert_null (vigil_import_dialog_get_error (dialog));
  g_assert_cmpstr (vigil_import_dialog_get_page (dialog), ==, "report");
  g_assert_cmpuint (vigil_import_dialog_get_report (dialog)->rows_imported, ==, 2);
  vigil_gui_test_shoot (dialog, "screenshot-import-report-postgresql.png");
  vigil_gui_test_destroy_window (dialog);

  dialog = vigil_import_dialog_new (NULL, store);
  gtk_window_present (GTK_WINDOW (dialog));
  vigil_gui_test_wait_for (vigil_gui_test_widget_is_drawn, dialog, 10000, "the dialog to show");
  vigil_import_dialog_set_kind (dialog, "agency_flags");
  set_path (dialog, flags_csv);
  run_import (dialog);
  g_assert_null (vigil_import_dialog_get_error (dialog));
  g_assert_cmpstr (vigil_import_dialog_get_page (dialog), ==, "report");
  {
    const VigilFlagImportReport *report = vigil_import_dialog_get_flag_report (dialog);
    g_autofree char *candidate = g_strdup_printf ("SYN-F-%s-2", tag);
    const char *expected_candidates[] = { candidate, NULL };

    g_assert_cmpuint (report->rows_imported, ==, 2);
    g_assert_cmpuint (report->rows_rejected, ==, 1);
    g_assert_cmpuint (report->people_created, ==, 1);
    g_assert_cmpuint (report->people_matched, ==, 1);
    /* the person with incidents is not a candidate */
    g_assert_cmpstrv (report->no_incident_refs, expected_candidates);
  }
  vigil_gui_test_shoot (dialog, "screenshot-import-flags-report-postgresql.png");
  vigil_gui_test_destroy_window (dialog);
}

static GtkWindow *
find_file_chooser (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER_DIALOG (window) && gtk_widget_get_mapped (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static gboolean
file_chooser_shown (gpointer user_data)
{
  return find_file_chooser () != NULL;
}

static gboolean
file_chooser_gone (gpointer user_data)
{
  return find_file_chooser () == NULL;
}

static gboolean
file_chosen (gpointer user_data)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (user_data);

  return file != NULL;
}

/* Choose @path in the file chooser that @action opens (GTK's own dialog here: no
 * portal in the tests), and check its filter. */
static void
choose_with_file_chooser (VigilImportDialog *dialog,
                          const char        *action,
                          const char        *filter_name,
                          const char        *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GtkWindow *chooser;
  GtkFileFilter *filter;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (dialog), action, NULL));
  vigil_gui_test_wait_for (file_chooser_shown, NULL, 10000, "the file chooser");
  chooser = find_file_chooser ();
  g_assert_true (gtk_window_get_transient_for (chooser) == GTK_WINDOW (dialog));
  g_assert_true (gtk_window_get_modal (chooser));
  filter = gtk_file_chooser_get_filter (GTK_FILE_CHOOSER (chooser));
  g_assert_nonnull (filter);
  g_assert_cmpstr (gtk_file_filter_get_name (filter), ==, filter_name);

  /* GTK 4.8 drops a selection made while the chooser still loads the folder it was
   * opened in: select again until it holds. */
  for (guint attempt = 0; attempt < 50 && !file_chosen (chooser); attempt++)
    {
      gtk_file_chooser_set_file (GTK_FILE_CHOOSER (chooser), file, &error);
      g_assert_no_error (error);
      vigil_gui_test_settle (chooser);
    }
  g_assert_true (file_chosen (chooser));
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  vigil_gui_test_wait_for (file_chooser_gone, NULL, 10000, "the file chooser to close");
  vigil_gui_test_flush ();
}

static void
run_file_chooser_test (void)
{
  g_autofree char *dir = vigil_gui_test_make_tmpdir ();
  g_autofree char *csv = write_synthetic_csv (dir, "chosen.csv", 3, NULL);
  g_autofree char *mapping = write_text (dir, "chosen-mapping.json", "{}");
  g_autoptr(VigilLocation) location = vigil_gui_test_empty_location ();
  g_autoptr(VigilStore) store = vigil_gui_test_open (location);
  VigilImportDialog *dialog = vigil_import_dialog_new (NULL, store);
  g_autoptr(GFile) expected_csv = g_file_new_for_path (csv);
  g_autoptr(GFile) expected_mapping = g_file_new_for_path (mapping);

  gtk_window_present (GTK_WINDOW (dialog));
  vigil_gui_test_wait_for (vigil_gui_test_widget_is_drawn, dialog, 10000, "the dialog to show");

  choose_with_file_chooser (dialog, "import.choose-file", "Incident files (CSV)", csv);
  g_assert_nonnull (vigil_import_dialog_get_file (dialog));
  g_assert_true (g_file_equal (vigil_import_dialog_get_file (dialog), expected_csv));
  g_assert_cmpstr (adw_action_row_get_subtitle (template_child (dialog, "file_row")), ==, "chosen.csv");

  choose_with_file_chooser (dialog, "import.choose-mapping", "Mapping files (JSON)", mapping);
  g_assert_nonnull (vigil_import_dialog_get_mapping_file (dialog));
  g_assert_true (g_file_equal (vigil_import_dialog_get_mapping_file (dialog), expected_mapping));
  g_assert_cmpstr (adw_action_row_get_subtitle (template_child (dialog, "mapping_row")), ==, "chosen-mapping.json");

  /* Chosen: the focus is on Import, so Enter imports. */
  g_assert_true (gtk_widget_has_focus (template_child (dialog, "import_button")));
  run_import (dialog);
  g_assert_cmpstr (vigil_import_dialog_get_page (dialog), ==, "report");
  g_assert_cmpuint (vigil_import_dialog_get_report (dialog)->rows_imported, ==, 3);

  vigil_gui_test_destroy_window (dialog);
}

/* The <Control>i shortcut of the window's class, bound to win.import */
static gboolean
window_has_import_shortcut (GtkWidget *window)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (window);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;

      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutAction *action = gtk_shortcut_get_action (shortcut);
          g_autofree char *trigger = gtk_shortcut_trigger_to_string (gtk_shortcut_get_trigger (shortcut));

          if (GTK_IS_NAMED_ACTION (action) &&
              g_strcmp0 (gtk_named_action_get_action_name (GTK_NAMED_ACTION (action)), "win.import") == 0 &&
              g_strcmp0 (trigger, "<Control>i") == 0)
            return TRUE;
        }
    }
  return FALSE;
}

static void
test_window_action (void)
{
  g_autoptr(GSettings) settings = g_settings_new (VIGIL_SETTINGS_SCHEMA_ID);
  VigilWindow *window = vigil_window_new (GTK_APPLICATION (vigil_gui_test_get_app ()));

  /* Without a store there is nothing to import into. */
  g_settings_set_string (settings, "database-kind", "none");
  gtk_window_present (GTK_WINDOW (window));
  vigil_gui_test_wait_for (vigil_gui_test_widget_is_drawn, window, 10000, "the window to show");
  g_assert_cmpstr (vigil_window_get_page (window), ==, "welcome");
  g_assert_true (window_has_import_shortcut (GTK_WIDGET (window)));
  gtk_widget_activate_action (GTK_WIDGET (window), "win.import", NULL);
  vigil_gui_test_flush ();   /* the action would have made the dialog by now */
  g_assert_null (find_dialog ());
  g_settings_reset (settings, "database-kind");

  vigil_gui_test_destroy_window (window);
}

static void
test_file_chooser (void)
{
  /* GTK 4.8's own file chooser (used when no portal is there, as in this test) leaks
   * inside GTK and GIO — date-times of its recent-files search and enumerator state —
   * and how much depends on the files of the machine it runs on, under stacks with no
   * symbol to suppress by. Run it on purpose with VIGIL_TEST_FILE_CHOOSER=1; the rest of
   * the dialog is tested through vigil_import_dialog_set_file (). */
  if (g_getenv ("VIGIL_TEST_FILE_CHOOSER") == NULL)
    {
      g_test_skip ("GTK's own file chooser leaks inside GTK: set VIGIL_TEST_FILE_CHOOSER=1 to run it");
      return;
    }

  run_file_chooser_test ();
}

int
main (int   argc,
      char *argv[])
{
  vigil_gui_test_init (&argc, &argv, VIGIL_GUI_TEST_DEFAULT);

  g_test_add_func ("/import-dialog/window-action", test_window_action);
  g_test_add_func ("/import-dialog/report", test_report);
  g_test_add_func ("/import-dialog/agency-flags", test_agency_flags);
  g_test_add_func ("/import-dialog/file-chooser", test_file_chooser);
  g_test_add_func ("/import-dialog/many-rejections", test_many_rejections);
  g_test_add_func ("/import-dialog/cancel", test_cancel);
  g_test_add_func ("/import-dialog/errors", test_errors);
  g_test_add_func ("/import-dialog/postgresql", test_postgresql);

  return vigil_gui_test_run ();
}
