/* vigil-gui-test.h: what the GUI tests share (main, stores, windows, waits, screenshots)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <string.h>
#include <adwaita.h>

#include "vigil-application.h"
#include "vigil-core.h"
#include "vigil-people-model.h"
#include "vigil-person-item.h"
#include "vigil-record-editor.h"
#include "vigil-window.h"
#include "vigil-cohort-view.h"
#include "vigil-identification-view.h"

G_BEGIN_DECLS

typedef gboolean (*VigilTestPredicate) (gpointer user_data);

typedef enum
{
  VIGIL_GUI_TEST_DEFAULT    = 0,
  VIGIL_GUI_TEST_NO_DISPLAY = 1 << 0,   /* a model test: no GTK, no display needed */
} VigilGuiTestFlags;

/* The start of every GUI test's main (): the C.UTF-8 locale, private XDG user folders
 * (not G_TEST_OPTION_ISOLATE_DIRS: that also hides the system data folders, and with
 * them the icon theme and the fonts' metadata), g_test_init (), then GTK on the display,
 * libadwaita and Vigil's resources, with animations off so that a screenshot shows the
 * page the test just asserted. Without a display the program exits 77 (skipped) — or 1
 * in CI, see tests/vigil-test-ci.h. */
void              vigil_gui_test_init            (int                *argc,
                                                  char             ***argv,
                                                  VigilGuiTestFlags   flags);
/* The test program's application (registered, not unique), made on first use. */
VigilApplication *vigil_gui_test_get_app         (void);
/* g_test_run (); then checks that no window of the application is left and frees what
 * the tests made. Returns main ()'s exit status. */
int               vigil_gui_test_run             (void);

/* A new temporary folder, removed with its files by vigil_test_cleanup(). */
char          *vigil_gui_test_make_tmpdir    (void);
void           vigil_gui_test_cleanup        (void);
void           vigil_gui_test_remove_tree    (const char         *path);
/* A SQLite demo store filled by vigil_demo_fill() (made once, then reused): under meson
 * a copy of the fixture filled at build time (VIGIL_TEST_DEMO_FIXTURE). */
VigilLocation *vigil_gui_test_demo_location  (void);
/* A real store with a few obviously fake perpetrators, one victim and a cohort entry. */
VigilLocation *vigil_gui_test_tiny_location  (void);
/* A real store with nobody in it. */
VigilLocation *vigil_gui_test_empty_location (void);
VigilStore    *vigil_gui_test_open           (const VigilLocation *location);
/* A person, and a police incident (ex-partner, in Testshire North; @victim_id may be 0),
 * inserted into @store; asserts on error. */
gint64         vigil_gui_test_insert_person  (VigilStore         *store,
                                              const char         *surname,
                                              const char         *forenames,
                                              const char         *dob,
                                              const char         *local_ref,
                                              const char         *pnc_id);
void           vigil_gui_test_insert_incident (VigilStore        *store,
                                              const char         *ref,
                                              const char         *occurred_at,
                                              gint64              perpetrator_id,
                                              gint64              victim_id,
                                              const char         *offence_code);
/* The integer in row 0, column 0 of @sql (a COUNT). */
gint64         vigil_gui_test_count_sql      (VigilStore         *store,
                                              const char         *sql);

/* Runs the main loop until @predicate holds; fails the test after @timeout_ms. */
void           vigil_gui_test_wait_for       (VigilTestPredicate  predicate,
                                              gpointer            user_data,
                                              guint               timeout_ms,
                                              const char         *what);
/* Dispatches what the main loop has ready now (idle callbacks, events, finished tasks'
 * callbacks), without waiting for anything later. */
void           vigil_gui_test_flush          (void);
/* Flushes, then, when @widget is mapped, waits for its frame clock's next frame (so its
 * styles, layout and drawing are up to date) and flushes again. @widget may be NULL. */
void           vigil_gui_test_settle         (gpointer            widget);
/* Sets @window's default size and waits until its surface has that size (within the
 * monitor) and the window is laid out at it. */
void           vigil_gui_test_resize         (gpointer            window,
                                              int                 width,
                                              int                 height);
/* Renders @widget to OUTPUT_DIR/@name (a PNG) and returns its path. */
char          *vigil_gui_test_screenshot     (GtkWidget          *widget,
                                              const char         *name);

/* vigil_gui_test_screenshot () and asserts that the file is there. */
void           vigil_gui_test_shoot          (gpointer            widget,
                                              const char         *name);
/* Light, then dark, then back to light. */
void           vigil_gui_test_shoot_both     (gpointer            widget,
                                              const char         *light_name,
                                              const char         *dark_name);
void           vigil_gui_test_set_dark       (gboolean            dark);

/* Predicates for vigil_gui_test_wait_for () */
gboolean       vigil_gui_test_widget_is_drawn     (gpointer widget);   /* mapped, with a width */
gboolean       vigil_gui_test_window_left_loading (gpointer window);   /* a VigilWindow */

/* A VigilWindow of the test application, presented at @width × @height and drawn. */
VigilWindow   *vigil_gui_test_new_window     (int                  width,
                                              int                  height);
/* The same, with @location opened on its main page. */
VigilWindow   *vigil_gui_test_open_window    (const VigilLocation *location,
                                              int                  width,
                                              int                  height);
/* Destroys @window and lets GTK finish with it. */
void           vigil_gui_test_destroy_window (gpointer             window);
/* Closes @window as its close button would (close-request first) and waits until it
 * is gone. */
void           vigil_gui_test_close_window   (gpointer             window);
/* The visible toplevel window of @type, or NULL. */
gpointer       vigil_gui_test_find_toplevel  (GType                type);
/* Waits until a toplevel of @type is mapped, lets it settle, and returns it. */
gpointer       vigil_gui_test_wait_for_toplevel      (GType        type);
/* Waits until no toplevel of @type is visible. */
void           vigil_gui_test_wait_for_toplevel_gone (GType        type);

/* The first widget under @widget (itself included) named @name, or of @type; or NULL. */
GtkWidget     *vigil_gui_test_find_named     (GtkWidget          *widget,
                                              const char         *name);
GtkWidget     *vigil_gui_test_find_descendant (GtkWidget         *widget,
                                              GType               type);
/* Every visible label's text under @widget, one a line. */
char          *vigil_gui_test_dup_text       (GtkWidget          *widget);

#define vigil_gui_test_assert_contains(haystack, needle) \
  G_STMT_START { \
    if (strstr ((haystack), (needle)) == NULL) \
      g_error ("“%s” not in:\n%s", (needle), (haystack)); \
  } G_STMT_END

#define vigil_gui_test_assert_not_contains(haystack, needle) \
  G_STMT_START { \
    if (strstr ((haystack), (needle)) != NULL) \
      g_error ("“%s” unexpectedly in:\n%s", (needle), (haystack)); \
  } G_STMT_END

/* Whether @widget binds @accelerator ("<Alt>Left") to the named @action. */
gboolean       vigil_gui_test_has_binding    (GtkWidget          *widget,
                                              const char         *accelerator,
                                              const char         *action);

/* Waits until the window's cohort list and identification view have read the store. */
void           vigil_gui_test_settle_views   (VigilWindow        *window);
/* Waits until the cohort list's model has no count or page on its way. */
void           vigil_gui_test_settle_people  (VigilPeopleModel   *model);
/* The number of people listed once the model has settled. */
guint          vigil_gui_test_people_count   (VigilPeopleModel   *model);
/* The item at @position once the model has settled, waiting for its page when it is still a placeholder. */
gpointer       vigil_gui_test_people_item    (VigilPeopleModel   *model,
                                              guint               position);
/* Waits until @editor's save has had its answer from the store. */
void           vigil_gui_test_wait_saved     (VigilRecordEditor  *editor);

G_END_DECLS
