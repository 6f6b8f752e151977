/* vigil-gui-test.h: helpers for the GUI tests (stores, main loop, screenshots)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "vigil-core.h"
#include "vigil-people-model.h"
#include "vigil-person-item.h"
#include "vigil-record-editor.h"

G_BEGIN_DECLS

typedef gboolean (*VigilTestPredicate) (gpointer user_data);

/* A new temporary folder, removed with its files by vigil_test_cleanup(). */
char          *vigil_gui_test_make_tmpdir    (void);
void           vigil_gui_test_cleanup        (void);
void           vigil_gui_test_remove_tree    (const char         *path);
/* A SQLite demo store filled by vigil_demo_fill() (made once, then reused). */
VigilLocation *vigil_gui_test_demo_location  (void);
/* A real store with a few obviously fake perpetrators, one victim and a cohort entry. */
VigilLocation *vigil_gui_test_tiny_location  (void);
/* A real store with nobody in it. */
VigilLocation *vigil_gui_test_empty_location (void);
VigilStore    *vigil_gui_test_open           (const VigilLocation *location);

/* Runs the main loop until @predicate holds; fails the test after @timeout_ms. */
void           vigil_gui_test_wait_for       (VigilTestPredicate  predicate,
                                              gpointer            user_data,
                                              guint               timeout_ms,
                                              const char         *what);
/* Runs the main loop for @ms milliseconds (transitions, layout, rendering). */
void           vigil_gui_test_run_for        (guint               ms);
/* Renders @widget to OUTPUT_DIR/@name (a PNG) and returns its path. */
char          *vigil_gui_test_screenshot     (GtkWidget          *widget,
                                              const char         *name);

/* Whether @widget binds @accelerator ("<Alt>Left") to the named @action. */
gboolean       vigil_gui_test_has_binding    (GtkWidget          *widget,
                                              const char         *accelerator,
                                              const char         *action);

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
