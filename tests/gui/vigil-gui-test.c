/* vigil-gui-test.c: what the GUI tests share (main, stores, windows, waits, screenshots)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-gui-test"

#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <time.h>
#include <glib/gstdio.h>

#include "vigil-gui.h"
#include "vigil-test-ci.h"

#include "vigil-gui-test.h"

/* The demo's "today" (tests/gui/meson.build: the fixture is filled with the same one) */
#define DEMO_AS_OF VIGIL_GUI_TEST_DEMO_AS_OF
/* How long a window may take to show, a toplevel to appear or go, a frame to come. */
#define SHOW_MS 10000
/* Opening a store (the demo takes long under the sanitizers on a loaded machine). */
#define OPEN_MS 240000

static GPtrArray *tmpdirs;
static VigilLocation *demo_location;
static char *home;
static VigilApplication *app;

void
vigil_gui_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          if (g_file_test (child, G_FILE_TEST_IS_DIR))
            vigil_gui_test_remove_tree (child);
          else
            g_unlink (child);
        }
    }
  g_rmdir (path);
}

char *
vigil_gui_test_make_tmpdir (void)
{
  g_autoptr(GError) error = NULL;
  char *path = g_dir_make_tmp ("vigil-gui-test-XXXXXX", &error);

  g_assert_no_error (error);
  if (tmpdirs == NULL)
    tmpdirs = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (tmpdirs, g_strdup (path));
  return path;
}

void
vigil_gui_test_cleanup (void)
{
  if (tmpdirs != NULL)
    {
      for (guint i = 0; i < tmpdirs->len; i++)
        vigil_gui_test_remove_tree (g_ptr_array_index (tmpdirs, i));
      g_clear_pointer (&tmpdirs, g_ptr_array_unref);
    }
  g_clear_pointer (&demo_location, vigil_location_free);
}

VigilStore *
vigil_gui_test_open (const VigilLocation *location)
{
  g_autoptr(GError) error = NULL;
  VigilStore *store = vigil_store_open (location, VIGIL_STORE_OPEN_CREATE, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static VigilLocation *
new_location (const char *name)
{
  g_autofree char *dir = vigil_gui_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, name, NULL);

  return vigil_location_new_sqlite (path);
}

VigilLocation *
vigil_gui_test_demo_location (void)
{
  if (demo_location == NULL)
    {
      g_autoptr(VigilLocation) location = new_location ("demo.db");
      g_autoptr(VigilStore) store = NULL;
      g_autoptr(GError) error = NULL;
      const char *fixture = g_getenv ("VIGIL_TEST_DEMO_FIXTURE");

      if (fixture != NULL && *fixture != '\0')
        {
          /* The same demo, filled once at build time (make-demo-fixture.c): a copy of
           * its file. Filling it here took ~27 s of CPU under the sanitizers in each
           * program; test-demo checks the fill itself. */
          g_autoptr(GFile) source = g_file_new_for_path (fixture);
          g_autoptr(GFile) target = g_file_new_for_path (location->path);

          g_file_copy (source, target, G_FILE_COPY_NONE, NULL, NULL, NULL, &error);
          g_assert_no_error (error);
          store = vigil_gui_test_open (location);
        }
      else
        {
          /* run by hand, outside meson: fill it here */
          store = vigil_gui_test_open (location);
          vigil_demo_fill (store, VIGIL_DEMO_DEFAULT_SEED, DEMO_AS_OF, NULL, &error);
          g_assert_no_error (error);
        }
      g_assert_cmpint (vigil_store_get_kind (store), ==, VIGIL_STORE_KIND_DEMO);
      vigil_store_close (store);
      demo_location = g_steal_pointer (&location);
    }

  return vigil_location_copy (demo_location);
}

gint64
vigil_gui_test_insert_person (VigilStore *store,
                              const char *surname,
                              const char *forenames,
                              const char *dob,
                              const char *local_ref,
                              const char *pnc_id)
{
  g_autoptr(VigilPerson) person = vigil_person_new ();
  g_autoptr(GError) error = NULL;

  person->surname = g_strdup (surname);
  person->forenames = g_strdup (forenames);
  person->dob = g_strdup (dob);
  person->local_ref = g_strdup (local_ref);
  person->pnc_id = g_strdup (pnc_id);
  vigil_store_insert (store, &vigil_person_type, person, &error);
  g_assert_no_error (error);
  return person->record.id;
}

void
vigil_gui_test_insert_incident (VigilStore *store,
                                const char *ref,
                                const char *occurred_at,
                                gint64      perpetrator_id,
                                gint64      victim_id,
                                const char *offence_code)
{
  g_autoptr(VigilIncident) incident = vigil_incident_new ();
  g_autoptr(GError) error = NULL;

  incident->source = g_strdup ("police");
  incident->source_ref = g_strdup (ref);
  incident->occurred_at = g_strdup (occurred_at);
  incident->perpetrator_id = perpetrator_id;
  incident->victim_id = victim_id;
  incident->relationship = g_strdup ("ex_partner");
  incident->offence_code = g_strdup (offence_code);
  incident->area = g_strdup ("Testshire North");
  vigil_store_insert (store, &vigil_incident_type, incident, &error);
  g_assert_no_error (error);
}

gint64
vigil_gui_test_count_sql (VigilStore *store,
                          const char *sql)
{
  static const GType types[] = { G_TYPE_INT64, G_TYPE_NONE };
  g_autoptr(GdaDataModel) model = NULL;
  g_autoptr(GError) error = NULL;

  model = vigil_store_query (store, sql, NULL, 0, types, &error);
  g_assert_no_error (error);
  return g_value_get_int64 (gda_data_model_get_value_at (model, 0, 0, NULL));
}

VigilLocation *
vigil_gui_test_tiny_location (void)
{
  g_autoptr(VigilLocation) location = new_location ("tiny.db");
  g_autoptr(VigilStore) store = vigil_gui_test_open (location);
  g_autoptr(VigilCohortEntry) entry = vigil_cohort_entry_new ();
  g_autoptr(GError) error = NULL;
  gint64 alpha, bravo, charlie, victim;

  alpha = vigil_gui_test_insert_person (store, "Testwood", "Alpha", "1980-02-03", "TEST-0001", "00/000001A");
  bravo = vigil_gui_test_insert_person (store, "Exampleton", "Bravo", "1975-11-30", "TEST-0002", NULL);
  charlie = vigil_gui_test_insert_person (store, "Fakeley", "Charlie Demo", NULL, "TEST-0003", NULL);
  victim = vigil_gui_test_insert_person (store, "Victimova", "Delta", "1990-01-01", "TEST-0004", NULL);

  vigil_gui_test_insert_incident (store, "INC-1", "2026-01-05", alpha, victim, "coercive_control");
  vigil_gui_test_insert_incident (store, "INC-2", "2026-03-05", alpha, victim, "abh");
  vigil_gui_test_insert_incident (store, "INC-3", "2025-07-01", bravo, victim, "harassment");
  vigil_gui_test_insert_incident (store, "INC-4", "2024-04-01", charlie, 0, "criminal_damage");

  entry->person_id = alpha;
  entry->status = g_strdup ("managed");
  entry->route = g_strdup ("rfgv");
  entry->lead_agency = g_strdup ("police");
  entry->lead_officer = g_strdup ("DC Example");
  entry->identified_on = g_strdup ("2026-03-10");
  vigil_store_insert (store, &vigil_cohort_entry_type, entry, &error);
  g_assert_no_error (error);

  vigil_store_close (store);
  return g_steal_pointer (&location);
}

VigilLocation *
vigil_gui_test_empty_location (void)
{
  g_autoptr(VigilLocation) location = new_location ("empty.db");
  g_autoptr(VigilStore) store = vigil_gui_test_open (location);

  vigil_store_close (store);
  return g_steal_pointer (&location);
}

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* The CPU time the whole process (every thread) has used, in seconds. */
static double
process_cpu_seconds (void)
{
  struct timespec ts;

  if (clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts) != 0)
    return 0;
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* A wait at least this long is reported in the test's log with the CPU time the
 * process used meanwhile: a long wait with little CPU is time spent idle. */
#define SLOW_WAIT_US (G_USEC_PER_SEC / 2)

void
vigil_gui_test_wait_for (VigilTestPredicate  predicate,
                         gpointer            user_data,
                         guint               timeout_ms,
                         const char         *what)
{
  gboolean timed_out = FALSE;
  guint source = g_timeout_add (timeout_ms, timeout_cb, &timed_out);
  gint64 started = g_get_monotonic_time ();
  double cpu_started = process_cpu_seconds ();
  gint64 waited;

  while (!predicate (user_data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (timed_out)
    g_error ("Timed out after %u ms waiting for %s", timeout_ms, what);

  g_source_remove (source);

  waited = g_get_monotonic_time () - started;
  if (waited >= SLOW_WAIT_US)
    g_test_message ("Waited %.2f s (process CPU %.2f s) for %s",
                    waited / (double) G_USEC_PER_SEC, process_cpu_seconds () - cpu_started, what);
}

/* At most this many dispatches in one flush: a source that is ready again each time
 * (an idle callback that keeps itself) must not hold the test forever. */
#define FLUSH_MAX_DISPATCHES 10000

void
vigil_gui_test_flush (void)
{
  for (guint i = 0; i < FLUSH_MAX_DISPATCHES && g_main_context_pending (NULL); i++)
    g_main_context_iteration (NULL, FALSE);
}

static gboolean
frame_tick_cb (GtkWidget     *widget,
               GdkFrameClock *clock,
               gpointer       user_data)
{
  gboolean *ticked = user_data;

  *ticked = TRUE;
  return G_SOURCE_REMOVE;
}

static gboolean
is_true (gpointer user_data)
{
  return *(gboolean *) user_data;
}

void
vigil_gui_test_settle (gpointer widget)
{
  vigil_gui_test_flush ();

  /* The frame clock runs update, layout and paint in one go: once the tick callback
   * ran, that whole frame is done. */
  if (widget != NULL && gtk_widget_get_mapped (widget))
    {
      gboolean ticked = FALSE;

      gtk_widget_add_tick_callback (widget, frame_tick_cb, &ticked, NULL);
      vigil_gui_test_wait_for (is_true, &ticked, SHOW_MS, "the next frame");
      vigil_gui_test_flush ();
    }
}

typedef struct
{
  GtkWidget *window;
  int        width;
  int        height;
} SizeWait;

/* The window's surface has the size asked for (the window widget itself is smaller by
 * its client-side border: 1910 × 1070 in a 1920 × 1080 surface under Xvfb). */
static gboolean
has_size (gpointer user_data)
{
  SizeWait *wait = user_data;
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (wait->window));

  return surface != NULL &&
         gdk_surface_get_width (surface) == wait->width &&
         gdk_surface_get_height (surface) == wait->height;
}

void
vigil_gui_test_resize (gpointer window,
                       int      width,
                       int      height)
{
  GdkDisplay *display = gtk_widget_get_display (window);
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));
  GdkMonitor *monitor = surface != NULL ? gdk_display_get_monitor_at_surface (display, surface) : NULL;
  SizeWait wait = { window, width, height };
  g_autofree char *what = NULL;

  /* A toplevel is never made larger than its monitor. Then the frame after the new
   * surface size lays the window out at that size. */
  if (monitor != NULL)
    {
      GdkRectangle geometry;

      gdk_monitor_get_geometry (monitor, &geometry);
      wait.width = MIN (width, geometry.width);
      wait.height = MIN (height, geometry.height);
    }

  what = g_strdup_printf ("the window to be %d × %d", wait.width, wait.height);
  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  vigil_gui_test_wait_for (has_size, &wait, SHOW_MS, what);
  vigil_gui_test_settle (window);
}

char *
vigil_gui_test_screenshot (GtkWidget  *widget,
                           const char *name)
{
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  const char *output_dir = g_getenv ("VIGIL_TEST_OUTPUT_DIR");
  GskRenderer *renderer;
  int width, height;

  /* The last change's styles, layout and drawing (animations are off in the tests). */
  vigil_gui_test_settle (widget);

  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  g_assert_cmpint (width, >, 0);
  g_assert_cmpint (height, >, 0);

  paintable = gtk_widget_paintable_new (widget);

  /* A widget between two frames (e.g. when its page just changed) may have nothing
   * to draw yet: give it a few more frames. */
  for (guint attempt = 0; node == NULL && attempt < 50; attempt++)
    {
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

      if (attempt > 0)
        vigil_gui_test_settle (widget);
      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
      node = gtk_snapshot_to_node (snapshot);
    }
  g_assert_nonnull (node);

  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  g_assert_nonnull (renderer);
  texture = gsk_renderer_render_texture (renderer, node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));

  if (output_dir != NULL && *output_dir != '\0')
    dir = g_strdup (output_dir);
  else if (g_getenv ("VIGIL_BUILD_ROOT") != NULL)
    dir = g_build_filename (g_getenv ("VIGIL_BUILD_ROOT"), "meson-logs", NULL);
  else
    dir = g_get_current_dir ();
  g_mkdir_with_parents (dir, 0755);

  path = g_build_filename (dir, name, NULL);
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("Screenshot: %s", path);

  return g_steal_pointer (&path);
}

/* The widget's class shortcuts: @accelerator bound to the named @action. */
gboolean
vigil_gui_test_has_binding (GtkWidget  *widget,
                            const char *accelerator,
                            const char *action)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);
  g_autoptr(GtkShortcutTrigger) wanted = gtk_shortcut_trigger_parse_string (accelerator);

  g_assert_nonnull (wanted);
  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutAction *named = gtk_shortcut_get_action (shortcut);

          if (GTK_IS_NAMED_ACTION (named) &&
              g_strcmp0 (gtk_named_action_get_action_name (GTK_NAMED_ACTION (named)), action) == 0 &&
              gtk_shortcut_trigger_equal (gtk_shortcut_get_trigger (shortcut), wanted))
            return TRUE;
        }
    }
  return FALSE;
}


/* The views read the store off the main thread */

static gboolean
views_settled (gpointer user_data)
{
  VigilWindow *window = user_data;
  VigilCohortView *cohort = vigil_window_get_cohort_view (window);
  GtkWidget *identification = vigil_gui_test_find_descendant (GTK_WIDGET (window),
                                                              VIGIL_TYPE_IDENTIFICATION_VIEW);
  VigilPeopleModel *people = cohort != NULL ? vigil_cohort_view_get_model (cohort) : NULL;

  return (people == NULL || !vigil_people_model_get_loading (people)) &&
         (identification == NULL ||
          !vigil_identification_view_get_busy (VIGIL_IDENTIFICATION_VIEW (identification)));
}

void
vigil_gui_test_settle_views (VigilWindow *window)
{
  vigil_gui_test_wait_for (views_settled, window, 60000, "the window's views to read the store");
}

/* The cohort list's model reads off the main thread */

static gboolean
people_settled (gpointer user_data)
{
  return !vigil_people_model_get_loading (user_data);
}

void
vigil_gui_test_settle_people (VigilPeopleModel *model)
{
  vigil_gui_test_wait_for (people_settled, model, 60000, "the cohort list to be read");
}

guint
vigil_gui_test_people_count (VigilPeopleModel *model)
{
  vigil_gui_test_settle_people (model);
  return g_list_model_get_n_items (G_LIST_MODEL (model));
}

gpointer
vigil_gui_test_people_item (VigilPeopleModel *model,
                            guint             position)
{
  VigilPersonItem *item;

  vigil_gui_test_settle_people (model);
  item = g_list_model_get_item (G_LIST_MODEL (model), position);

  if (item != NULL && vigil_person_item_is_placeholder (item))
    {
      /* its page is on its way: asked for by this very call */
      g_object_unref (item);
      vigil_gui_test_settle_people (model);
      item = g_list_model_get_item (G_LIST_MODEL (model), position);
      g_assert_false (vigil_person_item_is_placeholder (item));
    }
  return item;
}

/* A record editor's save goes to the store off the main thread */

static gboolean
editor_not_saving (gpointer user_data)
{
  return !vigil_record_editor_get_saving (user_data);
}

void
vigil_gui_test_wait_saved (VigilRecordEditor *editor)
{
  vigil_gui_test_wait_for (editor_not_saving, editor, 60000, "the save to reach the store");
}

void
vigil_gui_test_shoot (gpointer    widget,
                      const char *name)
{
  g_autofree char *path = vigil_gui_test_screenshot (GTK_WIDGET (widget), name);

  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

void
vigil_gui_test_set_dark (gboolean dark)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      dark ? ADW_COLOR_SCHEME_FORCE_DARK : ADW_COLOR_SCHEME_FORCE_LIGHT);
}

void
vigil_gui_test_shoot_both (gpointer    widget,
                           const char *light_name,
                           const char *dark_name)
{
  vigil_gui_test_set_dark (FALSE);
  vigil_gui_test_shoot (widget, light_name);
  vigil_gui_test_set_dark (TRUE);
  vigil_gui_test_shoot (widget, dark_name);
  vigil_gui_test_set_dark (FALSE);
}

/* Windows */

gboolean
vigil_gui_test_widget_is_drawn (gpointer widget)
{
  return gtk_widget_get_mapped (widget) && gtk_widget_get_width (widget) > 0;
}

gboolean
vigil_gui_test_window_left_loading (gpointer window)
{
  return g_strcmp0 (vigil_window_get_page (window), "loading") != 0;
}

VigilWindow *
vigil_gui_test_new_window (int width,
                           int height)
{
  VigilWindow *window = vigil_window_new (GTK_APPLICATION (vigil_gui_test_get_app ()));

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  vigil_gui_test_wait_for (vigil_gui_test_widget_is_drawn, window, SHOW_MS, "the window to show");
  return window;
}

VigilWindow *
vigil_gui_test_open_window (const VigilLocation *location,
                            int                  width,
                            int                  height)
{
  VigilWindow *window = vigil_gui_test_new_window (width, height);

  vigil_window_open_location (window, location, VIGIL_OPEN_MODE_EXISTING, FALSE);
  g_assert_cmpstr (vigil_window_get_page (window), ==, "loading");
  vigil_gui_test_wait_for (vigil_gui_test_window_left_loading, window, OPEN_MS, "the store to open");
  g_assert_cmpstr (vigil_window_get_page (window), ==, "main");
  /* the views read the store off the main thread: wait for what they show first */
  vigil_gui_test_settle_views (window);
  vigil_gui_test_settle (window);
  return window;
}

static gboolean
is_toplevel (gpointer user_data)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (window == user_data)
        return TRUE;
    }
  return FALSE;
}

static gboolean
is_not_toplevel (gpointer user_data)
{
  return !is_toplevel (user_data);
}

void
vigil_gui_test_destroy_window (gpointer window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  /* (the window may be freed now: it is only compared, never used) */
  vigil_gui_test_wait_for (is_not_toplevel, window, SHOW_MS, "the window to go");
  vigil_gui_test_flush ();
}

void
vigil_gui_test_close_window (gpointer window)
{
  gtk_window_close (GTK_WINDOW (window));
  vigil_gui_test_wait_for (is_not_toplevel, window, SHOW_MS, "the window to close");
  vigil_gui_test_flush ();
}

gpointer
vigil_gui_test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = g_list_model_get_n_items (toplevels);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return window;
    }
  return NULL;
}

static gboolean
toplevel_shown (gpointer user_data)
{
  gpointer window = vigil_gui_test_find_toplevel (*(GType *) user_data);

  return window != NULL && gtk_widget_get_mapped (window);
}

static gboolean
toplevel_gone (gpointer user_data)
{
  return vigil_gui_test_find_toplevel (*(GType *) user_data) == NULL;
}

gpointer
vigil_gui_test_wait_for_toplevel (GType type)
{
  g_autofree char *what = g_strdup_printf ("a %s to show", g_type_name (type));
  gpointer window;

  vigil_gui_test_wait_for (toplevel_shown, &type, SHOW_MS, what);
  window = vigil_gui_test_find_toplevel (type);
  vigil_gui_test_settle (window);
  return window;
}

void
vigil_gui_test_wait_for_toplevel_gone (GType type)
{
  g_autofree char *what = g_strdup_printf ("the %s to close", g_type_name (type));

  vigil_gui_test_wait_for (toplevel_gone, &type, SHOW_MS, what);
}

/* Widgets */

GtkWidget *
vigil_gui_test_find_named (GtkWidget  *widget,
                           const char *name)
{
  if (g_strcmp0 (gtk_widget_get_name (widget), name) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = vigil_gui_test_find_named (child, name);

      if (found != NULL)
        return found;
    }
  return NULL;
}

GtkWidget *
vigil_gui_test_find_descendant (GtkWidget *widget,
                                GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = vigil_gui_test_find_descendant (child, type);

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
    {
      g_string_append (text, gtk_label_get_label (GTK_LABEL (widget)));
      g_string_append_c (text, '\n');
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child; child = gtk_widget_get_next_sibling (child))
    collect_text (child, text);
}

char *
vigil_gui_test_dup_text (GtkWidget *widget)
{
  GString *text = g_string_new (NULL);

  g_assert_nonnull (widget);
  collect_text (widget, text);
  return g_string_free (text, FALSE);
}

/* main () */

void
vigil_gui_test_init (int                *argc,
                     char             ***argv,
                     VigilGuiTestFlags   flags)
{
  static const char *xdg_homes[] = {
    "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME",
  };
  g_autoptr(GError) error = NULL;

  setlocale (LC_ALL, "C.UTF-8");

  home = g_dir_make_tmp ("vigil-gui-test-home-XXXXXX", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (xdg_homes); i++)
    {
      g_autofree char *dir = g_build_filename (home, xdg_homes[i], NULL);

      g_mkdir_with_parents (dir, 0700);
      g_setenv (xdg_homes[i], dir, TRUE);
    }

  g_test_init (argc, argv, NULL);

  if ((flags & VIGIL_GUI_TEST_NO_DISPLAY) == 0)
    {
      if (!gtk_init_check ())
        {
          g_autofree char *why = g_strdup_printf ("No display (DISPLAY=%s): run under Xvfb, as tests/run does",
                                                  g_getenv ("DISPLAY") ? g_getenv ("DISPLAY") : "");
          int status = vigil_test_unavailable (why);

          vigil_gui_test_remove_tree (home);
          g_clear_pointer (&home, g_free);
          exit (status);
        }
      adw_init ();
    }
  vigil_gui_init ();

  if ((flags & VIGIL_GUI_TEST_NO_DISPLAY) == 0)
    g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);
}

VigilApplication *
vigil_gui_test_get_app (void)
{
  if (app == NULL)
    {
      g_autoptr(GError) error = NULL;

      app = vigil_application_new (APPLICATION_ID, G_APPLICATION_NON_UNIQUE);
      g_application_register (G_APPLICATION (app), NULL, &error);
      g_assert_no_error (error);
    }
  return app;
}

int
vigil_gui_test_run (void)
{
  int status = g_test_run ();

  /* Every window is gone; let GTK finish its idle work before the leak check. */
  vigil_gui_test_flush ();
  if (app != NULL)
    g_assert_null (gtk_application_get_windows (GTK_APPLICATION (app)));
  g_clear_object (&app);
  vigil_gui_test_cleanup ();
  if (home != NULL)
    vigil_gui_test_remove_tree (home);
  g_clear_pointer (&home, g_free);

  return status;
}
