/* vigil-gui-test.c: helpers for the GUI tests (stores, main loop, screenshots)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-gui-test"

#include "config.h"

#include <glib/gstdio.h>

#include "vigil-gui-test.h"

#define DEMO_AS_OF "2026-11-01"

static GPtrArray *tmpdirs;
static VigilLocation *demo_location;

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
      g_autoptr(VigilStore) store = vigil_gui_test_open (location);
      g_autoptr(GError) error = NULL;

      vigil_demo_fill (store, VIGIL_DEMO_DEFAULT_SEED, DEMO_AS_OF, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (vigil_store_get_kind (store), ==, VIGIL_STORE_KIND_DEMO);
      vigil_store_close (store);
      demo_location = g_steal_pointer (&location);
    }

  return vigil_location_copy (demo_location);
}

static gint64
insert_person (VigilStore *store,
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

static void
insert_incident (VigilStore *store,
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

VigilLocation *
vigil_gui_test_tiny_location (void)
{
  g_autoptr(VigilLocation) location = new_location ("tiny.db");
  g_autoptr(VigilStore) store = vigil_gui_test_open (location);
  g_autoptr(VigilCohortEntry) entry = vigil_cohort_entry_new ();
  g_autoptr(GError) error = NULL;
  gint64 alpha, bravo, charlie, victim;

  alpha = insert_person (store, "Testwood", "Alpha", "1980-02-03", "TEST-0001", "00/000001A");
  bravo = insert_person (store, "Exampleton", "Bravo", "1975-11-30", "TEST-0002", NULL);
  charlie = insert_person (store, "Fakeley", "Charlie Demo", NULL, "TEST-0003", NULL);
  victim = insert_person (store, "Victimova", "Delta", "1990-01-01", "TEST-0004", NULL);

  insert_incident (store, "INC-1", "2026-01-05", alpha, victim, "coercive_control");
  insert_incident (store, "INC-2", "2026-03-05", alpha, victim, "abh");
  insert_incident (store, "INC-3", "2025-07-01", bravo, victim, "harassment");
  insert_incident (store, "INC-4", "2024-04-01", charlie, 0, "criminal_damage");

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

void
vigil_gui_test_wait_for (VigilTestPredicate  predicate,
                         gpointer            user_data,
                         guint               timeout_ms,
                         const char         *what)
{
  gboolean timed_out = FALSE;
  guint source = g_timeout_add (timeout_ms, timeout_cb, &timed_out);

  while (!predicate (user_data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (timed_out)
    g_error ("Timed out after %u ms waiting for %s", timeout_ms, what);

  g_source_remove (source);
}

void
vigil_gui_test_run_for (guint ms)
{
  gboolean timed_out = FALSE;

  g_timeout_add (ms, timeout_cb, &timed_out);
  while (!timed_out)
    g_main_context_iteration (NULL, TRUE);
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

  /* Let transitions end and the last layout and frame happen. */
  vigil_gui_test_run_for (400);

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
        vigil_gui_test_run_for (100);
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
