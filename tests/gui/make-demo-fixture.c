/* make-demo-fixture.c: the GUI tests' demo store, filled once at build time
 *
 *   make-demo-fixture OUTPUT AS-OF
 *
 * Fills a new SQLite store at OUTPUT with vigil_demo_fill (VIGIL_DEMO_DEFAULT_SEED,
 * AS-OF), exactly as vigil_gui_test_demo_location () did in every GUI test program
 * that needed the demo; each program now copies this file instead (the fill itself,
 * with its leak check, is test-demo's subject in the core and pg suites). The build
 * runs it without leak checking (tests/gui/meson.build).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <glib/gstdio.h>

#include "vigil-core.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(VigilLocation) location = NULL;
  g_autoptr(VigilStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *wal = NULL;
  g_autofree char *shm = NULL;

  setlocale (LC_ALL, "C.UTF-8");
  if (argc != 3)
    {
      g_printerr ("Usage: %s OUTPUT AS-OF\n", argv[0]);
      return 2;
    }
  vigil_core_init ();

  /* a store left by an earlier build is replaced, never added to */
  wal = g_strconcat (argv[1], "-wal", NULL);
  shm = g_strconcat (argv[1], "-shm", NULL);
  g_unlink (argv[1]);
  g_unlink (wal);
  g_unlink (shm);

  location = vigil_location_new_sqlite (argv[1]);
  store = vigil_store_open (location, VIGIL_STORE_OPEN_CREATE, NULL, &error);
  if (store == NULL || !vigil_demo_fill (store, VIGIL_DEMO_DEFAULT_SEED, argv[2], NULL, &error))
    {
      g_printerr ("%s: %s\n", argv[0], error->message);
      g_unlink (argv[1]);
      return 1;
    }
  if (vigil_store_get_kind (store) != VIGIL_STORE_KIND_DEMO)
    {
      g_printerr ("%s: the filled store is not marked as the demo\n", argv[0]);
      g_unlink (argv[1]);
      return 1;
    }
  /* closing the last connection checkpoints the WAL into the file itself */
  vigil_store_close (store);
  g_clear_object (&store);
  if (g_file_test (wal, G_FILE_TEST_EXISTS))
    {
      g_printerr ("%s: %s is still there after closing the store\n", argv[0], wal);
      return 1;
    }
  return 0;
}
