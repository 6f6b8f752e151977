/* bench-cohort.c: does the cohort list scroll and sort without stalling on a large store?
 *
 *   bench-cohort --database DB [--cli VIGIL-CLI] [--incidents N] [--steps K]
 *
 * The target: on SQLite with 1M incidents, the cohort list scrolls and sorts
 * without a stall of the main loop over 100 ms. DB is a SQLite file; when it does not
 * exist and --cli names vigil-cli, it is made as a coordinator would (`vigil-cli
 * generate --incidents N --seed 1 --as-of 2026-11-01`, `import`, then `refresh` with the
 * default profile (--profile) changed to keep the top --cohort people (any score, and
 * no more by area), 50,000 unless
 * told: the default's hundred would not scroll) and kept for later runs.
 *
 * The cohort view (the window's own widget, with its people model) is shown in a window
 * of 1280 × 800 on the display, and driven: the first page, K scroll steps of most of a
 * screen each (default 40), jumps to a quarter, half, three quarters, the end and the
 * top, then every sort of the Sort by menu, ascending and descending, then a search typed
 * a letter at a time and cleared (--screenshot FILE: a PNG of the window once it is sorted
 * by name, from the middle of the list). Meanwhile a probe thread asks the main loop for an
 * answer every 20 ms (an idle at default priority, as a D-Bus request from an
 * accessibility client would be dispatched) and times how long each answer takes: an
 * answer takes as long as the main loop is busy with something else. For each step the
 * bench prints the longest answer, the answers of 100 ms or more, and how long until
 * every row on screen showed a person (no placeholder left). Exit status: 0 when no
 * answer took 100 ms or more, 1 otherwise, 2 when it could not run.
 *
 * Needs a display (run it under Xvfb: tests/gui/with-xvfb, or xvfb-run) and a build
 * without sanitizers (`--buildtype=release`) for honest figures. Not a test.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "vigil-bench"

#include "config.h"

#include <locale.h>
#include <stdlib.h>

#include <adwaita.h>
#include <json-glib/json-glib.h>
#include <glib/gstdio.h>

#include "vigil-core.h"
#include "vigil-gui.h"
#include "vigil-cohort-view.h"
#include "vigil-people-model.h"
#include "vigil-person-item.h"

#define AS_OF            "2026-11-01"
#define PROBE_PERIOD_MS  20
#define STALL_MS         100
#define WAIT_TIMEOUT_MS  120000

static char *database = NULL;
static char *cli_path = NULL;
static gint64 n_incidents = 1000000;
static int n_steps = 40;
static int cohort_size = 50000;
static char *profile_path = NULL;
static char *screenshot_path = NULL;

static GOptionEntry entries[] = {
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, &database, "The store: a SQLite file", "DB" },
  { "cli", 0, 0, G_OPTION_ARG_FILENAME, &cli_path, "vigil-cli, to make a missing store", "PATH" },
  { "incidents", 'n', 0, G_OPTION_ARG_INT64, &n_incidents, "Incidents of a store made here (default 1000000)", "N" },
  { "steps", 's', 0, G_OPTION_ARG_INT, &n_steps, "Scroll steps (default 40)", "K" },
  { "cohort", 'c', 0, G_OPTION_ARG_INT, &cohort_size, "Candidates of the run of a store made here (default 50000)", "N" },
  { "screenshot", 0, 0, G_OPTION_ARG_FILENAME, &screenshot_path, "A PNG of the list sorted by name, from its middle", "FILE" },
  { "profile", 'p', 0, G_OPTION_ARG_FILENAME, &profile_path, "The default scoring profile (data/profiles/rfgv-default.json), to make a store", "FILE" },
  { NULL }
};

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* ------------------------------------------------------------------------------------
 * The probe: a thread asking the main loop for an answer every PROBE_PERIOD_MS
 */

typedef struct
{
  double sent;
  double took;
} Answer;

static struct
{
  GMutex mutex;
  GCond cond;
  gboolean answered;
  gboolean stop;
  gboolean done;      /* the thread has stopped asking */
  GArray *answers;    /* Answer, in the order sent */
} probe;

static gboolean
answer_cb (gpointer user_data)
{
  g_mutex_lock (&probe.mutex);
  probe.answered = TRUE;
  g_cond_signal (&probe.cond);
  g_mutex_unlock (&probe.mutex);
  return G_SOURCE_REMOVE;
}

static gpointer
probe_thread (gpointer user_data)
{
  GMainContext *context = user_data;

  for (;;)
    {
      Answer answer;

      g_mutex_lock (&probe.mutex);
      if (probe.stop)
        {
          probe.done = TRUE;
          g_mutex_unlock (&probe.mutex);
          break;
        }
      probe.answered = FALSE;
      g_mutex_unlock (&probe.mutex);

      answer.sent = now_ms ();
      g_main_context_invoke_full (context, G_PRIORITY_DEFAULT, answer_cb, NULL, NULL);

      g_mutex_lock (&probe.mutex);
      while (!probe.answered)
        g_cond_wait (&probe.cond, &probe.mutex);
      answer.took = now_ms () - answer.sent;
      g_array_append_val (probe.answers, answer);
      g_mutex_unlock (&probe.mutex);

      if (answer.took < PROBE_PERIOD_MS)
        g_usleep ((gulong) ((PROBE_PERIOD_MS - answer.took) * 1000));
    }
  return NULL;
}

/* ------------------------------------------------------------------------------------
 * Steps and their figures
 */

typedef struct
{
  char *name;
  double started;
  double ended;
  double on_screen;   /* ms from the start until every row on screen showed a person */
} Step;

static GPtrArray *steps;          /* Step */
static VigilCohortView *view;
static GtkAdjustment *vadjustment;

static void
step_free (Step *step)
{
  g_free (step->name);
  g_free (step);
}

static void
wait_ms (guint ms)
{
  double until = now_ms () + ms;

  while (now_ms () < until)
    g_main_context_iteration (NULL, FALSE) || (g_usleep (1000), TRUE);
}

/* Every row the list shows now holds a person, and nothing is on its way. */
static gboolean
rows_on_screen (void)
{
  VigilPeopleModel *model = vigil_cohort_view_get_model (view);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));
  double upper = gtk_adjustment_get_upper (vadjustment);
  double value = gtk_adjustment_get_value (vadjustment);
  double page = gtk_adjustment_get_page_size (vadjustment);
  guint first, last;

  if (vigil_people_model_get_loading (model))
    return FALSE;
  if (n == 0)
    return TRUE;
  if (upper <= 0)
    return FALSE;

  first = (guint) CLAMP (value / upper * n, 0, n - 1);
  last = (guint) CLAMP ((value + page) / upper * n, 0, n - 1);
  for (guint i = first; i <= last; i++)
    {
      g_autoptr(VigilPersonItem) item = g_list_model_get_item (G_LIST_MODEL (model), i);

      if (item == NULL || vigil_person_item_is_placeholder (item))
        return FALSE;
    }
  return TRUE;
}

/* Runs the main loop until the rows on screen are people; returns the ms it took from
 * @started, or -1 after WAIT_TIMEOUT_MS. */
static double
wait_rows_on_screen (double started)
{
  while (!rows_on_screen ())
    {
      if (now_ms () - started > WAIT_TIMEOUT_MS)
        return -1;
      g_main_context_iteration (NULL, FALSE) || (g_usleep (1000), TRUE);
    }
  return now_ms () - started;
}

static Step *
begin_step (const char *name)
{
  Step *step = g_new0 (Step, 1);

  step->name = g_strdup (name);
  step->started = now_ms ();
  g_ptr_array_add (steps, step);
  return step;
}

static void
end_step (Step *step)
{
  step->on_screen = wait_rows_on_screen (step->started);
  wait_ms (3 * PROBE_PERIOD_MS);   /* the probe's answer to the last frame */
  step->ended = now_ms ();
  g_print ("bench-cohort: %-28s rows on screen %s%.0f ms\n", step->name,
           step->on_screen < 0 ? "NEVER, gave up after " : "",
           step->on_screen < 0 ? (double) WAIT_TIMEOUT_MS : step->on_screen);
}

static void
scroll_to (double fraction)
{
  double upper = gtk_adjustment_get_upper (vadjustment);
  double page = gtk_adjustment_get_page_size (vadjustment);

  gtk_adjustment_set_value (vadjustment, MAX (0, (upper - page) * fraction));
}

/* The window as it is drawn now, as a PNG at @path. */
static void
save_screenshot (GtkWidget  *window,
                 const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);

  for (guint attempt = 0; node == NULL && attempt < 50; attempt++)
    {
      g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();

      wait_ms (20);
      gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
      node = gtk_snapshot_to_node (snapshot);
    }
  if (node == NULL)
    {
      g_printerr ("bench-cohort: nothing drawn for %s\n", path);
      return;
    }
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    g_printerr ("bench-cohort: could not write %s\n", path);
}

/* ------------------------------------------------------------------------------------
 * The store
 */

static gboolean
run_cli (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_print ("bench-cohort: running");
  for (guint i = 0; argv[i] != NULL; i++)
    g_print (" %s", argv[i]);
  g_print ("\n");
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_CHILD_INHERITS_STDIN | G_SPAWN_STDOUT_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, &error) ||
      !g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("bench-cohort: %s\n", error->message);
      return FALSE;
    }
  return TRUE;
}

/* The default profile with a cohort of the top @size (any score), written to @path. */
static gboolean
write_profile (const char *path,
               int         size)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = NULL;
  g_autoptr(GError) error = NULL;
  JsonObject *cohort;
  JsonNode *root;

  if (!json_parser_load_from_file (parser, profile_path, &error))
    {
      g_printerr ("bench-cohort: %s: %s\n", profile_path, error->message);
      return FALSE;
    }
  root = json_parser_get_root (parser);
  cohort = JSON_NODE_HOLDS_OBJECT (root) ? json_object_get_object_member (json_node_get_object (root), "cohort") : NULL;
  if (cohort == NULL)
    {
      g_printerr ("bench-cohort: %s has no cohort\n", profile_path);
      return FALSE;
    }
  json_object_set_string_member (json_node_get_object (root), "name", "bench-cohort");
  json_object_set_int_member (cohort, "min_total", 0);
  json_object_set_int_member (cohort, "top_n", size);
  json_object_set_int_member (cohort, "top_n_per_area", 1);

  generator = json_generator_new ();
  json_generator_set_root (generator, root);
  if (!json_generator_to_file (generator, path, &error))
    {
      g_printerr ("bench-cohort: %s: %s\n", path, error->message);
      return FALSE;
    }
  return TRUE;
}

static gboolean
make_store (void)
{
  g_autofree char *csv = g_strconcat (database, ".csv", NULL);
  g_autofree char *profile = g_strconcat (database, ".profile.json", NULL);
  g_autofree char *count = g_strdup_printf ("%" G_GINT64_FORMAT, n_incidents);
  const char *generate[] = { cli_path, "generate", "--incidents", count, "--seed", "1",
                             "--as-of", AS_OF, "--out", csv, NULL };
  const char *import[] = { cli_path, "--database", database, "import", csv, NULL };
  const char *refresh[] = { cli_path, "--database", database, "refresh", "--as-of", AS_OF,
                            "--profile", profile, NULL };
  gboolean ok;

  if (cli_path == NULL || profile_path == NULL)
    {
      g_printerr ("bench-cohort: %s does not exist; give --cli and --profile to make it\n", database);
      return FALSE;
    }
  ok = write_profile (profile, cohort_size) &&
       run_cli (generate) && run_cli (import) && run_cli (refresh);
  g_unlink (csv);
  g_unlink (profile);
  if (!ok)
    g_unlink (database);
  return ok;
}

/* ------------------------------------------------------------------------------------
 * The report
 */

typedef struct
{
  double max;
  guint n_stalls;
  double stalled;   /* the sum of the answers of STALL_MS or more */
  guint n_answers;
} Stalls;

static Stalls
count_stalls (double from,
              double to)
{
  Stalls stalls = { 0 };

  for (guint i = 0; i < probe.answers->len; i++)
    {
      Answer *answer = &g_array_index (probe.answers, Answer, i);

      if (answer->sent < from || answer->sent >= to)
        continue;
      stalls.n_answers++;
      stalls.max = MAX (stalls.max, answer->took);
      if (answer->took >= STALL_MS)
        {
          stalls.n_stalls++;
          stalls.stalled += answer->took;
        }
    }
  return stalls;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

static gboolean
report (void)
{
  g_autoptr(GArray) on_screen = g_array_new (FALSE, FALSE, sizeof (double));
  Stalls all;
  gboolean never = FALSE;

  g_print ("\n%-30s %8s %8s %10s %12s\n", "step", "answers", "max ms", "≥100 ms", "on screen ms");
  for (guint i = 0; i < steps->len; i++)
    {
      Step *step = g_ptr_array_index (steps, i);
      Stalls stalls = count_stalls (step->started, step->ended);

      g_print ("%-30s %8u %8.0f %10u %12.0f\n", step->name, stalls.n_answers, stalls.max,
               stalls.n_stalls, step->on_screen);
      if (step->on_screen >= 0)
        g_array_append_val (on_screen, step->on_screen);
      else
        never = TRUE;
    }

  all = count_stalls (0, G_MAXDOUBLE);
  g_array_sort (on_screen, compare_doubles);
  g_print ("\nbench-cohort: %u answers; the longest %.0f ms; %u of %d ms or more, adding up to %.2f s\n",
           all.n_answers, all.max, all.n_stalls, STALL_MS, all.stalled / 1000);
  if (on_screen->len > 0)
    g_print ("bench-cohort: rows on screen: median %.0f ms, longest %.0f ms\n",
             g_array_index (on_screen, double, on_screen->len / 2),
             g_array_index (on_screen, double, on_screen->len - 1));
  g_print ("bench-cohort: target: no answer of %d ms or more: %s\n", STALL_MS,
           all.n_stalls == 0 && !never ? "met" : "NOT met");
  return all.n_stalls == 0 && !never;
}

/* ------------------------------------------------------------------------------------ */

int
main (int    argc,
      char **argv)
{
  g_autoptr(GOptionContext) options = g_option_context_new ("— the cohort list on a large store");
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilLocation) location = NULL;
  g_autoptr(VigilStore) store = NULL;
  static const char *sorts[] = {
    "Rank", "Name", "Score", "Trend", "Status", "Route", "Lead", "Next review", "Flags"
  };
  static const char *typed = "smith";
  GtkScrolledWindow *scrolled;
  GtkWidget *window;
  GThread *thread;
  Step *step;
  gboolean met;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (options, entries, NULL);
  if (!g_option_context_parse (options, &argc, &argv, &error) || database == NULL)
    {
      g_printerr ("bench-cohort: %s\n", error != NULL ? error->message : "give --database DB");
      return 2;
    }
  if (!gtk_init_check ())
    {
      g_printerr ("bench-cohort: no display: run it under Xvfb (tests/gui/with-xvfb)\n");
      return 2;
    }
  adw_init ();
  vigil_gui_init ();
  g_object_set (gtk_settings_get_default (), "gtk-enable-animations", FALSE, NULL);

  if (!g_file_test (database, G_FILE_TEST_EXISTS) && !make_store ())
    return 2;

  location = vigil_location_parse (database, &error);
  if (location != NULL)
    store = vigil_store_open (location, VIGIL_STORE_OPEN_NONE, NULL, &error);
  if (store == NULL)
    {
      g_printerr ("bench-cohort: %s\n", error->message);
      return 2;
    }

  window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  view = VIGIL_COHORT_VIEW (vigil_cohort_view_new ());
  gtk_window_set_child (GTK_WINDOW (window), GTK_WIDGET (view));
  gtk_window_present (GTK_WINDOW (window));
  wait_ms (500);

  scrolled = GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (GTK_WIDGET (vigil_cohort_view_get_column_view (view)),
                                                           GTK_TYPE_SCROLLED_WINDOW));
  vadjustment = gtk_scrolled_window_get_vadjustment (scrolled);

  steps = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  probe.answers = g_array_new (FALSE, FALSE, sizeof (Answer));
  thread = g_thread_new ("probe", probe_thread, g_main_context_default ());
  wait_ms (200);

  step = begin_step ("open");
  vigil_cohort_view_set_store (view, store);
  end_step (step);
  g_print ("bench-cohort: %u people listed\n",
           g_list_model_get_n_items (G_LIST_MODEL (vigil_cohort_view_get_model (view))));

  /* scrolling, most of a screen at a time, as fast as a wheel or Page Down */
  step = begin_step ("scroll down");
  for (int i = 0; i < n_steps; i++)
    {
      gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_value (vadjustment) +
                                             gtk_adjustment_get_page_size (vadjustment) * 0.9);
      wait_ms (50);
    }
  end_step (step);

  for (guint i = 1; i <= 5; i++)
    {
      static const double fractions[] = { 0, 0.25, 0.5, 0.75, 1.0, 0 };
      g_autofree char *name = i < 5 ? g_strdup_printf ("jump to %.0f%%", fractions[i] * 100)
                                    : g_strdup ("jump to the top");

      step = begin_step (name);
      scroll_to (fractions[i]);
      end_step (step);
    }

  /* every sort, both ways, from the middle of the list */
  for (guint i = 0; i < G_N_ELEMENTS (sorts); i++)
    for (int descending = 0; descending <= 1; descending++)
      {
        g_autofree char *name = g_strdup_printf ("sort: %s%s", sorts[i], descending ? " desc" : "");

        scroll_to (0.5);
        wait_rows_on_screen (now_ms ());
        step = begin_step (name);
        gtk_drop_down_set_selected (vigil_cohort_view_get_sort_dropdown (view), i);
        gtk_toggle_button_set_active (vigil_cohort_view_get_descending_toggle (view), descending);
        end_step (step);
        if (screenshot_path != NULL && g_str_equal (sorts[i], "Name") && !descending)
          save_screenshot (window, screenshot_path);
      }
  gtk_drop_down_set_selected (vigil_cohort_view_get_sort_dropdown (view), 0);
  gtk_toggle_button_set_active (vigil_cohort_view_get_descending_toggle (view), FALSE);
  wait_rows_on_screen (now_ms ());

  /* a search typed a letter at a time, then cleared */
  step = begin_step ("search typed");
  for (guint i = 1; i <= strlen (typed); i++)
    {
      g_autofree char *text = g_strndup (typed, i);

      gtk_editable_set_text (GTK_EDITABLE (vigil_cohort_view_get_search_entry (view)), text);
      wait_ms (120);
    }
  end_step (step);
  step = begin_step ("search cleared");
  gtk_editable_set_text (GTK_EDITABLE (vigil_cohort_view_get_search_entry (view)), "");
  end_step (step);

  /* the probe may be waiting for one last answer: the main loop runs until it stops */
  for (gboolean done = FALSE; !done;)
    {
      g_mutex_lock (&probe.mutex);
      probe.stop = TRUE;
      done = probe.done;
      g_mutex_unlock (&probe.mutex);
      if (!done)
        g_main_context_iteration (NULL, FALSE) || (g_usleep (1000), TRUE);
    }
  g_thread_join (thread);

  met = report ();

  gtk_window_destroy (GTK_WINDOW (window));
  wait_ms (100);
  vigil_store_close (store);
  g_array_unref (probe.answers);
  g_ptr_array_unref (steps);
  return met ? 0 : 1;
}
