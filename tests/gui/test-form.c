/* test-form.c: the form widget — children from a .ui file in its content area, a
 * field's problem shown in the banner and on the field (style, invalid state,
 * description, focus) and cleared by editing, the banner alone, the chain of checks,
 * and the waiting state that gives the focus back
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-form"

#include "config.h"

#include <adwaita.h>

#include "vigil-form.h"

#include "vigil-gui-test.h"

/* A form as the dialogs write theirs: a preferences page of fields inside. */
static const char form_ui[] =
  "<interface>"
  "  <object class='GtkWindow' id='window'>"
  "    <property name='default-width'>480</property>"
  "    <property name='default-height'>560</property>"
  "    <property name='child'>"
  "      <object class='VigilForm' id='form'>"
  "        <child>"
  "          <object class='AdwPreferencesPage'>"
  "            <child>"
  "              <object class='AdwPreferencesGroup'>"
  "                <property name='title'>Decision</property>"
  "                <child>"
  "                  <object class='AdwActionRow' id='include_row'>"
  "                    <property name='title'>Include</property>"
  "                    <property name='activatable-widget'>include_check</property>"
  "                    <child type='prefix'>"
  "                      <object class='GtkCheckButton' id='include_check'/>"
  "                    </child>"
  "                  </object>"
  "                </child>"
  "                <child>"
  "                  <object class='AdwActionRow' id='exclude_row'>"
  "                    <property name='title'>Exclude</property>"
  "                    <property name='activatable-widget'>exclude_check</property>"
  "                    <child type='prefix'>"
  "                      <object class='GtkCheckButton' id='exclude_check'>"
  "                        <property name='group'>include_check</property>"
  "                      </object>"
  "                    </child>"
  "                  </object>"
  "                </child>"
  "              </object>"
  "            </child>"
  "            <child>"
  "              <object class='AdwPreferencesGroup'>"
  "                <child>"
  "                  <object class='AdwEntryRow' id='name_row'>"
  "                    <property name='title'>Name</property>"
  "                  </object>"
  "                </child>"
  "                <child>"
  "                  <object class='AdwEntryRow' id='date_row'>"
  "                    <property name='title'>Date</property>"
  "                  </object>"
  "                </child>"
  "                <child>"
  "                  <object class='GtkFrame' id='reason_frame'>"
  "                    <property name='child'>"
  "                      <object class='GtkTextView' id='reason_view'>"
  "                        <property name='height-request'>80</property>"
  "                      </object>"
  "                    </property>"
  "                  </object>"
  "                </child>"
  "              </object>"
  "            </child>"
  "          </object>"
  "        </child>"
  "      </object>"
  "    </property>"
  "  </object>"
  "</interface>";

typedef struct
{
  GtkBuilder *builder;
  GtkWindow  *window;
  VigilForm  *form;
  guint       n_waiting_notified;
} Fixture;

static GtkWidget *
get (Fixture    *fixture,
     const char *id)
{
  GObject *object = gtk_builder_get_object (fixture->builder, id);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

static GtkWidget *
form_child (Fixture    *fixture,
            const char *name)
{
  GObject *object = gtk_widget_get_template_child (GTK_WIDGET (fixture->form), VIGIL_TYPE_FORM, name);

  g_assert_nonnull (object);
  return GTK_WIDGET (object);
}

static gboolean
banner_shown (gpointer user_data)
{
  return gtk_revealer_get_child_revealed (user_data);
}

static gboolean
banner_gone (gpointer user_data)
{
  return !gtk_revealer_get_child_revealed (user_data);
}

static gboolean
window_drawn (gpointer user_data)
{
  return vigil_gui_test_widget_is_drawn (user_data);
}

static void
waiting_notified_cb (VigilForm  *form,
                     GParamSpec *pspec,
                     Fixture    *fixture)
{
  fixture->n_waiting_notified++;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_type_ensure (VIGIL_TYPE_FORM);
  fixture->builder = gtk_builder_new ();
  gtk_builder_add_from_string (fixture->builder, form_ui, -1, &error);
  g_assert_no_error (error);

  fixture->window = GTK_WINDOW (get (fixture, "window"));
  fixture->form = VIGIL_FORM (get (fixture, "form"));
  g_signal_connect (fixture->form, "notify::waiting", G_CALLBACK (waiting_notified_cb), fixture);
  gtk_window_present (fixture->window);
  vigil_gui_test_wait_for (window_drawn, fixture->window, 10000, "the form's window drawn");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  vigil_gui_test_flush ();
  g_clear_object (&fixture->builder);
}

/* The fields from the .ui file are under the banner, in the content area. */
static void
test_content (Fixture       *fixture,
              gconstpointer  data)
{
  GtkWidget *banner = form_child (fixture, "banner");
  GtkWidget *content = form_child (fixture, "content");
  GtkWidget *name_row = get (fixture, "name_row");

  g_assert_true (gtk_widget_get_parent (banner) == GTK_WIDGET (fixture->form));
  g_assert_true (gtk_widget_get_next_sibling (banner) == content);
  g_assert_true (gtk_widget_is_ancestor (name_row, content));
  g_assert_true (ADW_IS_PREFERENCES_PAGE (gtk_widget_get_first_child (content)));
  g_assert_false (gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));
  g_assert_null (vigil_form_get_error (fixture->form));
  g_assert_false (vigil_form_get_waiting (fixture->form));
  /* the message is an alert for assistive technologies */
  gtk_test_accessible_assert_role (GTK_ACCESSIBLE (gtk_widget_get_first_child (gtk_revealer_get_child (GTK_REVEALER (banner)))),
                                   GTK_ACCESSIBLE_ROLE_ALERT);
}

/* A problem with one entry: shown, described, focused; typing there clears it, typing
 * elsewhere does not. */
static void
test_entry_problem (Fixture       *fixture,
                    gconstpointer  data)
{
  GtkWidget *banner = form_child (fixture, "banner");
  GtkWidget *name_row = get (fixture, "name_row");
  GtkWidget *date_row = get (fixture, "date_row");
  const char *message = "Decision-maker’s name is required.";

  g_assert_false (vigil_form_require (fixture->form, FALSE, message, name_row, NULL));
  g_assert_cmpstr (vigil_form_get_error (fixture->form), ==, message);
  g_assert_true (gtk_widget_has_css_class (name_row, "error"));
  gtk_test_accessible_assert_state (GTK_ACCESSIBLE (name_row), GTK_ACCESSIBLE_STATE_INVALID,
                                    GTK_ACCESSIBLE_INVALID_TRUE);
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (name_row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                       message);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)), name_row));
  g_assert_false (gtk_widget_has_css_class (date_row, "error"));
  g_assert_false (gtk_widget_get_visible (form_child (fixture, "banner_title")));
  vigil_gui_test_wait_for (banner_shown, banner, 5000, "the banner shown");
  vigil_gui_test_shoot (fixture->window, "form-problem.png");

  /* another field changing leaves the problem */
  gtk_editable_set_text (GTK_EDITABLE (date_row), "2026-11-01");
  g_assert_cmpstr (vigil_form_get_error (fixture->form), ==, message);
  g_assert_true (gtk_widget_has_css_class (name_row, "error"));

  /* correcting the field clears it */
  gtk_editable_set_text (GTK_EDITABLE (name_row), "DS Synthetic");
  g_assert_null (vigil_form_get_error (fixture->form));
  g_assert_false (gtk_widget_has_css_class (name_row, "error"));
  g_assert_false (gtk_test_accessible_has_state (GTK_ACCESSIBLE (name_row), GTK_ACCESSIBLE_STATE_INVALID));
  g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (name_row),
                                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION));
  vigil_gui_test_wait_for (banner_gone, banner, 5000, "the banner gone");

  /* and typing again shows nothing */
  gtk_editable_set_text (GTK_EDITABLE (name_row), "DS Synthetic Sample");
  g_assert_null (vigil_form_get_error (fixture->form));
}

/* A text view in a frame: both marked, and typing in the view unmarks both. */
static void
test_text_view_problem (Fixture       *fixture,
                        gconstpointer  data)
{
  GtkWidget *frame = get (fixture, "reason_frame");
  GtkWidget *view = get (fixture, "reason_view");

  vigil_form_show_problem (fixture->form, NULL, "Reason is required.", view, frame, NULL);
  g_assert_true (gtk_widget_has_css_class (view, "error"));
  g_assert_true (gtk_widget_has_css_class (frame, "error"));
  g_assert_true (gtk_widget_has_focus (view));

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "Known to the clinic.", -1);
  g_assert_false (gtk_widget_has_css_class (view, "error"));
  g_assert_false (gtk_widget_has_css_class (frame, "error"));
  g_assert_null (vigil_form_get_error (fixture->form));
}

/* Neither choice made: both rows and the first check marked; choosing either (through
 * the other row's check button) clears them all. */
static void
test_choice_problem (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *include_row = get (fixture, "include_row");
  GtkWidget *exclude_row = get (fixture, "exclude_row");
  GtkWidget *include_check = get (fixture, "include_check");
  GtkWidget *exclude_check = get (fixture, "exclude_check");

  vigil_form_show_problem (fixture->form, NULL, "Decision: choose Include or Exclude.",
                           include_check, include_row, exclude_row, NULL);
  g_assert_true (gtk_widget_has_css_class (include_row, "error"));
  g_assert_true (gtk_widget_has_css_class (exclude_row, "error"));
  g_assert_true (gtk_widget_has_css_class (include_check, "error"));
  g_assert_false (gtk_widget_has_css_class (exclude_check, "error"));
  g_assert_true (gtk_widget_has_focus (include_check));
  vigil_gui_test_shoot (fixture->window, "form-choice-problem.png");

  gtk_check_button_set_active (GTK_CHECK_BUTTON (exclude_check), TRUE);
  g_assert_false (gtk_widget_has_css_class (include_row, "error"));
  g_assert_false (gtk_widget_has_css_class (exclude_row, "error"));
  g_assert_false (gtk_widget_has_css_class (include_check, "error"));
  g_assert_null (vigil_form_get_error (fixture->form));
}

/* The banner alone (a refusal from the store), with a heading; a new problem replaces
 * the old one; vigil_form_fix () and vigil_form_clear (). */
static void
test_banner (Fixture       *fixture,
             gconstpointer  data)
{
  GtkWidget *banner = form_child (fixture, "banner");
  GtkWidget *title = form_child (fixture, "banner_title");
  GtkWidget *name_row = get (fixture, "name_row");
  GtkWidget *date_row = get (fixture, "date_row");
  g_autofree char *text = NULL;

  vigil_form_show_error (fixture->form, "The Referral Was Not Recorded", "The database is locked.");
  g_assert_cmpstr (vigil_form_get_error (fixture->form), ==, "The database is locked.");
  g_assert_true (gtk_widget_get_visible (title));
  g_assert_cmpstr (vigil_form_get_error_title (fixture->form), ==, "The Referral Was Not Recorded");
  vigil_gui_test_wait_for (banner_shown, banner, 5000, "the banner shown");
  text = vigil_gui_test_dup_text (banner);
  vigil_gui_test_assert_contains (text, "The Referral Was Not Recorded");
  vigil_gui_test_assert_contains (text, "The database is locked.");
  vigil_gui_test_shoot (fixture->window, "form-banner.png");

  /* no field is marked, so editing one leaves the banner */
  gtk_editable_set_text (GTK_EDITABLE (name_row), "Edited");
  g_assert_cmpstr (vigil_form_get_error (fixture->form), ==, "The database is locked.");

  /* a problem replaces it, without the heading */
  vigil_form_show_problem (fixture->form, NULL, "Date must be a date.", date_row, NULL);
  g_assert_false (gtk_widget_get_visible (title));
  g_assert_null (vigil_form_get_error_title (fixture->form));
  g_assert_cmpstr (vigil_form_get_error (fixture->form), ==, "Date must be a date.");

  /* fixing another widget does nothing; fixing the field clears */
  g_assert_false (vigil_form_fix (fixture->form, name_row));
  g_assert_nonnull (vigil_form_get_error (fixture->form));
  g_assert_true (vigil_form_fix (fixture->form, date_row));
  g_assert_null (vigil_form_get_error (fixture->form));
  g_assert_false (gtk_widget_has_css_class (date_row, "error"));

  vigil_form_show_problem (fixture->form, "Already in the Cohort", "Open entry.", name_row, NULL);
  vigil_form_clear (fixture->form);
  g_assert_null (vigil_form_get_error (fixture->form));
  g_assert_false (gtk_widget_has_css_class (name_row, "error"));
  g_assert_false (gtk_widget_get_visible (title));
  vigil_gui_test_wait_for (banner_gone, banner, 5000, "the banner gone");
}

/* A chain of checks stops at the first problem, and the date checks say why. */
static void
test_require (Fixture       *fixture,
              gconstpointer  data)
{
  GtkWidget *name_row = get (fixture, "name_row");
  GtkWidget *date_row = get (fixture, "date_row");
  g_autofree char *today = vigil_form_dup_today ();
  g_autofree char *name = NULL;

  g_assert_true (vigil_form_require (fixture->form, TRUE, "Never shown.", name_row, NULL));
  g_assert_true (vigil_form_require_date (fixture->form, NULL, "Date of birth", FALSE, date_row));
  g_assert_true (vigil_form_require_date (fixture->form, today, "Date", TRUE, date_row));
  g_assert_null (vigil_form_get_error (fixture->form));

  g_assert_false (vigil_form_require_date (fixture->form, NULL, "Date referred", TRUE, date_row));
  g_assert_cmpstr (vigil_form_get_error (fixture->form), ==, "Date referred is required.");
  g_assert_false (vigil_form_require_date (fixture->form, "3/11/2026", "Date", TRUE, date_row));
  g_assert_cmpstr (vigil_form_get_error (fixture->form), ==,
                   "Date must be a date written as year-month-day, e.g. 2026-11-03.");
  g_assert_false (vigil_form_require_date (fixture->form, "2999-01-01", "Date", TRUE, date_row));
  g_assert_cmpstr (vigil_form_get_error (fixture->form), ==, "Date cannot be in the future.");
  g_assert_true (gtk_widget_has_css_class (date_row, "error"));
  g_assert_false (gtk_widget_has_css_class (name_row, "error"));

  /* the text helper trims, and blank is NULL */
  gtk_editable_set_text (GTK_EDITABLE (name_row), "   ");
  g_assert_null (vigil_form_dup_text (name_row));
  gtk_editable_set_text (GTK_EDITABLE (name_row), "  DS Synthetic ");
  name = vigil_form_dup_text (name_row);
  g_assert_cmpstr (name, ==, "DS Synthetic");
}

/* Waiting: the fields insensitive and the focus out of them, the banner still there;
 * then the focus comes back to the field. */
static void
test_waiting (Fixture       *fixture,
              gconstpointer  data)
{
  GtkWidget *banner = form_child (fixture, "banner");
  GtkWidget *content = form_child (fixture, "content");
  GtkWidget *name_row = get (fixture, "name_row");
  gboolean waiting = FALSE;

  vigil_form_show_error (fixture->form, NULL, "The first save failed.");
  gtk_widget_grab_focus (name_row);
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)), name_row));

  vigil_form_set_waiting (fixture->form, TRUE);
  g_assert_true (vigil_form_get_waiting (fixture->form));
  g_object_get (fixture->form, "waiting", &waiting, NULL);
  g_assert_true (waiting);
  g_assert_cmpuint (fixture->n_waiting_notified, ==, 1);
  g_assert_false (gtk_widget_is_sensitive (name_row));
  g_assert_false (gtk_widget_get_sensitive (content));
  g_assert_true (gtk_widget_is_sensitive (banner));
  g_assert_null (gtk_root_get_focus (GTK_ROOT (fixture->window)));
  g_assert_cmpstr (vigil_form_get_error (fixture->form), ==, "The first save failed.");
  vigil_gui_test_shoot (fixture->window, "form-waiting.png");

  /* again: nothing changes, nothing is notified */
  vigil_form_set_waiting (fixture->form, TRUE);
  g_assert_cmpuint (fixture->n_waiting_notified, ==, 1);

  g_object_set (fixture->form, "waiting", FALSE, NULL);
  g_assert_false (vigil_form_get_waiting (fixture->form));
  g_assert_cmpuint (fixture->n_waiting_notified, ==, 2);
  g_assert_true (gtk_widget_is_sensitive (name_row));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (fixture->window)), name_row));

}

/* A form destroyed with a problem showing and while waiting lets go of everything
 * (LeakSanitizer would say otherwise). */
static void
test_destroyed_busy (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *view = get (fixture, "reason_view");

  gtk_widget_grab_focus (view);
  vigil_form_show_problem (fixture->form, NULL, "Reason is required.", view, get (fixture, "reason_frame"), NULL);
  vigil_form_set_waiting (fixture->form, TRUE);
  /* (the tear-down destroys the window) */
}

/* A form made in code, without a .ui file */
static void
test_new (void)
{
  GtkWidget *form = g_object_ref_sink (vigil_form_new ());

  g_assert_true (VIGIL_IS_FORM (form));
  g_assert_nonnull (gtk_widget_get_template_child (form, VIGIL_TYPE_FORM, "content"));
  g_assert_null (vigil_form_get_error (VIGIL_FORM (form)));
  g_object_unref (form);
}

int
main (int   argc,
      char *argv[])
{
  vigil_gui_test_init (&argc, &argv, VIGIL_GUI_TEST_DEFAULT);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/form/content", test_content);
  ADD ("/form/entry-problem", test_entry_problem);
  ADD ("/form/text-view-problem", test_text_view_problem);
  ADD ("/form/choice-problem", test_choice_problem);
  ADD ("/form/banner", test_banner);
  ADD ("/form/require", test_require);
  ADD ("/form/waiting", test_waiting);
  ADD ("/form/destroyed-busy", test_destroyed_busy);
#undef ADD
  g_test_add_func ("/form/new", test_new);

  return vigil_gui_test_run ();
}
