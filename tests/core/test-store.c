/* test-store.c: opening, migrating, refusing, transactions and permissions
 *
 * Runs on SQLite (suite core) and on PostgreSQL (suite pg).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include <sys/stat.h>

#include <glib/gstdio.h>
#include <sqlite3.h>

#include "vigil-test-store.h"

static gint64
count_rows (VigilStore *store,
            const char *table)
{
  static const GType types[] = { G_TYPE_INT64, G_TYPE_NONE };
  g_autoptr(GError) error = NULL;
  g_autofree char *sql = g_strdup_printf ("SELECT COUNT(*) FROM %s", table);
  g_autoptr(GdaDataModel) model = vigil_store_query (store, sql, NULL, 0, types, &error);

  g_assert_no_error (error);
  return g_value_get_int64 (gda_data_model_get_value_at (model, 0, 0, &error));
}

static VigilPerson *
insert_person (VigilStore *store,
               const char *surname,
               const char *ref)
{
  g_autoptr(GError) error = NULL;
  VigilPerson *person = vigil_person_new ();

  person->surname = g_strdup (surname);
  person->forenames = g_strdup ("Sample");
  person->local_ref = g_strdup (ref);
  vigil_store_insert (store, &vigil_person_type, person, &error);
  g_assert_no_error (error);
  return person;
}

static void
test_migrate_from_empty (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilLocation) location = vigil_test_empty_location ();
  g_autoptr(VigilStore) store = NULL;
  g_autoptr(VigilStore) again = NULL;
  g_autoptr(VigilPerson) person = NULL;

  store = vigil_store_open (location, VIGIL_STORE_OPEN_CREATE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (vigil_store_get_schema_version (store), ==, VIGIL_SCHEMA_VERSION);
  g_assert_cmpint (vigil_store_get_kind (store), ==, VIGIL_STORE_KIND_REAL);
  g_assert_true (vigil_store_is_empty (store, &error));
  g_assert_no_error (error);

  /* every table of the domain model is there */
  for (guint i = 0; vigil_record_types[i] != NULL; i++)
    g_assert_cmpint (count_rows (store, vigil_record_types[i]->table), ==, 0);
  g_assert_cmpint (count_rows (store, "audit"), ==, 0);

  person = insert_person (store, "Migrationtest", "SYN-P-MIG1");
  g_assert_false (vigil_store_is_empty (store, &error));
  vigil_store_close (store);

  /* opening again runs no migration and keeps the data */
  again = vigil_store_open (location, VIGIL_STORE_OPEN_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (vigil_store_get_schema_version (again), ==, VIGIL_SCHEMA_VERSION);
  g_assert_cmpint (count_rows (again, "person"), ==, 1);
  g_assert_cmpint (count_rows (again, "audit"), ==, 1);
}

static void
test_newer_schema_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilLocation) location = vigil_test_empty_location ();
  g_autoptr(VigilStore) store = NULL;
  g_autoptr(VigilStore) newer = NULL;
  g_autoptr(VigilStore) restored = NULL;

  store = vigil_store_open (location, VIGIL_STORE_OPEN_CREATE, NULL, &error);
  g_assert_no_error (error);
  vigil_store_execute (store, "UPDATE vigil_meta SET value = '99' WHERE key = 'schema_version'", NULL, 0, NULL, &error);
  g_assert_no_error (error);
  vigil_store_close (store);

  newer = vigil_store_open (location, VIGIL_STORE_OPEN_NONE, NULL, &error);
  g_assert_null (newer);
  g_assert_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_NEWER_SCHEMA);
  g_assert_nonnull (strstr (error->message, "newer version of Vigil"));
  g_assert_nonnull (strstr (error->message, "99"));
  g_clear_error (&error);

  /* nothing was changed: still refused, still 99 */
  newer = vigil_store_open (location, VIGIL_STORE_OPEN_NONE, NULL, &error);
  g_assert_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_NEWER_SCHEMA);
  g_clear_error (&error);
  g_assert_null (newer);

  /* put the version back to check the store is otherwise intact */
  if (!vigil_test_engine_is_pg ())
    {
      sqlite3 *db = NULL;

      g_assert_cmpint (sqlite3_open (location->path, &db), ==, SQLITE_OK);
      g_autofree char *sql = g_strdup_printf ("UPDATE vigil_meta SET value = '%d' WHERE key = 'schema_version'",
                                              VIGIL_SCHEMA_VERSION);

      g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
      sqlite3_close (db);
      restored = vigil_store_open (location, VIGIL_STORE_OPEN_NONE, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpint (vigil_store_get_schema_version (restored), ==, VIGIL_SCHEMA_VERSION);
    }
}

static char *
checksum_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
}

static void
test_not_a_vigil_database (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilLocation) location = vigil_test_empty_location ();
  g_autoptr(VigilStore) store = NULL;

  if (vigil_test_engine_is_pg ())
    {
      g_autoptr(VigilStore) scratch = NULL;

      /* a database with someone else's tables: make one through a store, then drop
       * Vigil's tables and leave a foreign one */
      scratch = vigil_store_open (location, VIGIL_STORE_OPEN_NONE, NULL, &error);
      g_assert_no_error (error);
      vigil_store_execute (scratch, "DROP SCHEMA public CASCADE", NULL, 0, NULL, &error);
      g_assert_no_error (error);
      vigil_store_execute (scratch, "CREATE SCHEMA public", NULL, 0, NULL, &error);
      g_assert_no_error (error);
      vigil_store_execute (scratch, "CREATE TABLE public.customers (id INTEGER)", NULL, 0, NULL, &error);
      g_assert_no_error (error);
      vigil_store_close (scratch);

      store = vigil_store_open (location, VIGIL_STORE_OPEN_CREATE, NULL, &error);
      g_assert_null (store);
      g_assert_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_NOT_VIGIL);
    }
  else
    {
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autofree char *parent = g_path_get_dirname (location->path);
      g_autofree char *text_path = g_build_filename (parent, "notes.txt", NULL);
      g_autoptr(VigilLocation) text_location = vigil_location_new_sqlite (text_path);
      sqlite3 *db = NULL;

      g_assert_cmpint (sqlite3_open (location->path, &db), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE customers (id INTEGER); INSERT INTO customers VALUES (1)",
                                     NULL, NULL, NULL), ==, SQLITE_OK);
      sqlite3_close (db);
      before = checksum_file (location->path);

      store = vigil_store_open (location, VIGIL_STORE_OPEN_CREATE, NULL, &error);
      g_assert_null (store);
      g_assert_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_NOT_VIGIL);
      g_assert_nonnull (strstr (error->message, "not a Vigil store"));
      g_clear_error (&error);
      after = checksum_file (location->path);
      g_assert_cmpstr (before, ==, after);

      /* a text file */
      g_file_set_contents (text_path, "Agenda for Thursday\n", -1, &error);
      g_assert_no_error (error);
      store = vigil_store_open (text_location, VIGIL_STORE_OPEN_CREATE, NULL, &error);
      g_assert_null (store);
      g_assert_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_NOT_VIGIL);
      g_clear_error (&error);
      g_free (after);
      after = checksum_file (text_path);
      g_free (before);
      before = g_compute_checksum_for_string (G_CHECKSUM_SHA256, "Agenda for Thursday\n", -1);
      g_assert_cmpstr (after, ==, before);
    }
}

static void
test_corrupt_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilLocation) location = NULL;
  g_autoptr(VigilStore) store = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  char contents[8192];

  if (vigil_test_engine_is_pg ())
    {
      g_test_skip ("SQLite files only");
      return;
    }

  dir = vigil_test_make_tmpdir ();
  path = g_build_filename (dir, "damaged.db", NULL);
  location = vigil_location_new_sqlite (path);

  /* a SQLite header followed by noise */
  memset (contents, 0xA5, sizeof contents);
  memcpy (contents, "SQLite format 3", 16);
  g_file_set_contents (path, contents, sizeof contents, &error);
  g_assert_no_error (error);
  before = checksum_file (path);

  store = vigil_store_open (location, VIGIL_STORE_OPEN_CREATE, NULL, &error);
  g_assert_null (store);
  g_assert_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_CORRUPT);
  g_test_message ("%s", error->message);

  after = checksum_file (path);
  g_assert_cmpstr (before, ==, after);
}

static void
test_locked_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilLocation) location = NULL;
  g_autoptr(VigilStore) store = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  sqlite3 *db = NULL;

  if (vigil_test_engine_is_pg ())
    {
      g_test_skip ("SQLite files only");
      return;
    }

  dir = vigil_test_make_tmpdir ();
  path = g_build_filename (dir, "locked.db", NULL);
  location = vigil_location_new_sqlite (path);

  /* another program holds an exclusive lock on a new database */
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA locking_mode = EXCLUSIVE; CREATE TABLE t (x); BEGIN EXCLUSIVE;",
                                 NULL, NULL, NULL), ==, SQLITE_OK);

  g_setenv ("VIGIL_SQLITE_BUSY_TIMEOUT_MS", "200", TRUE);
  store = vigil_store_open (location, VIGIL_STORE_OPEN_NONE, NULL, &error);
  g_unsetenv ("VIGIL_SQLITE_BUSY_TIMEOUT_MS");

  g_assert_null (store);
  g_assert_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, "busy"));

  sqlite3_exec (db, "COMMIT", NULL, NULL, NULL);
  sqlite3_close (db);
}

static void
test_missing_file (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = vigil_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "nothing-here.db", NULL);
  g_autoptr(VigilLocation) location = vigil_location_new_sqlite (path);
  g_autoptr(VigilLocation) folder = vigil_location_new_sqlite (dir);
  g_autoptr(VigilStore) store = NULL;

  store = vigil_store_open (location, VIGIL_STORE_OPEN_NONE, NULL, &error);
  g_assert_null (store);
  g_assert_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_NOT_FOUND);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  store = vigil_store_open (folder, VIGIL_STORE_OPEN_CREATE, NULL, &error);
  g_assert_null (store);
  g_assert_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_INVALID_LOCATION);
}

static void
test_bad_connection (void)
{
  static const char *specs[] = {
    /* nothing listens on port 1 */
    "postgresql://nobody:nothing@127.0.0.1:1/vigil",
    /* a name that cannot resolve (.invalid is reserved) */
    "postgresql://nobody@no-such-host.invalid/vigil",
  };

  for (guint i = 0; i < G_N_ELEMENTS (specs); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(VigilLocation) location = vigil_location_parse (specs[i], &error);
      g_autoptr(VigilStore) store = NULL;

      g_assert_no_error (error);
      store = vigil_store_open (location, VIGIL_STORE_OPEN_CREATE, NULL, &error);
      g_assert_null (store);
      g_assert_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_CONNECT);
      g_assert_nonnull (strstr (error->message, "Cannot connect to the PostgreSQL database"));
      /* the message never shows the password */
      g_assert_null (strstr (error->message, "nothing@"));
    }

  if (vigil_test_engine_is_pg ())
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(VigilLocation) location = vigil_location_parse (g_getenv ("VIGIL_TEST_PG_URI"), &error);
      g_autoptr(VigilStore) store = NULL;

      g_assert_no_error (error);
      g_free (location->password);
      location->password = g_strdup ("wrong-password");
      store = vigil_store_open (location, VIGIL_STORE_OPEN_NONE, NULL, &error);
      g_assert_null (store);
      g_assert_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_CONNECT);
      g_assert_nonnull (strstr (error->message, "authentication"));
    }
}

static void
test_permissions (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *nested = NULL;
  g_autofree char *path = NULL;
  g_autofree char *wal = NULL;
  g_autoptr(VigilLocation) location = NULL;
  g_autoptr(VigilStore) store = NULL;
  g_autoptr(VigilPerson) person = NULL;
  GStatBuf st;

  if (vigil_test_engine_is_pg ())
    {
      g_test_skip ("SQLite files only");
      return;
    }

  /* a loose umask must not loosen what Vigil creates */
  umask (0);
  dir = vigil_test_make_tmpdir ();
  nested = g_build_filename (dir, "force", "vigil", NULL);
  path = g_build_filename (nested, "store.db", NULL);
  location = vigil_location_new_sqlite (path);

  store = vigil_store_open (location, VIGIL_STORE_OPEN_CREATE, NULL, &error);
  g_assert_no_error (error);
  person = insert_person (store, "Permissiontest", "SYN-P-PERM");

  g_assert_cmpint (g_stat (nested, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  /* SQLite's write-ahead log takes the database file's permissions */
  wal = g_strconcat (path, "-wal", NULL);
  if (g_stat (wal, &st) == 0)
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);

  umask (022);
}

static void
test_default_folder_is_private (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilLocation) location = vigil_location_get_default ();
  g_autofree char *dir = vigil_location_get_default_dir ();
  g_autoptr(VigilStore) store = NULL;
  GStatBuf st;

  if (vigil_test_engine_is_pg ())
    {
      g_test_skip ("SQLite files only");
      return;
    }

  /* G_TEST_OPTION_ISOLATE_DIRS gives a private XDG data dir; make its vigil folder
   * loose first, as another program might */
  g_mkdir_with_parents (dir, 0755);
  g_chmod (dir, 0755);

  store = vigil_store_open (location, VIGIL_STORE_OPEN_CREATE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (dir, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0700);
  g_assert_cmpint (g_stat (location->path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
}

static gboolean
insert_then_fail_cb (VigilStore  *store,
                     gpointer     user_data,
                     GError     **error)
{
  g_autoptr(VigilPerson) person = vigil_person_new ();

  person->surname = g_strdup ("Rollbacktest");
  if (!vigil_store_insert (store, &vigil_person_type, person, error))
    return FALSE;

  g_set_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_INVALID, "Deliberate failure");
  return FALSE;
}

static gboolean
nested_failure_ignored_cb (VigilStore  *store,
                           gpointer     user_data,
                           GError     **error)
{
  g_autoptr(VigilPerson) person = vigil_person_new ();
  g_autoptr(GError) inner_error = NULL;

  person->surname = g_strdup ("Outertest");
  if (!vigil_store_insert (store, &vigil_person_type, person, error))
    return FALSE;

  /* the inner unit fails; the outer one carries on as if nothing happened */
  g_assert_false (vigil_store_run_in_transaction (store, insert_then_fail_cb, NULL, &inner_error));
  g_assert_error (inner_error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_INVALID);
  return TRUE;
}

static void
test_transactions (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) store = vigil_test_open_store ();

  g_assert_false (vigil_store_run_in_transaction (store, insert_then_fail_cb, NULL, &error));
  g_assert_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (store, "person"), ==, 0);
  g_assert_cmpint (count_rows (store, "audit"), ==, 0);

  /* a failure inside a nested unit undoes the whole outer unit */
  g_assert_false (vigil_store_run_in_transaction (store, nested_failure_ignored_cb, NULL, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (store, "person"), ==, 0);
  g_assert_cmpint (count_rows (store, "audit"), ==, 0);

  /* and the store still works afterwards */
  g_clear_pointer (&error, g_error_free);
  {
    g_autoptr(VigilPerson) person = insert_person (store, "Aftertest", NULL);

    g_assert_cmpint (person->record.id, >, 0);
    g_assert_cmpint (count_rows (store, "person"), ==, 1);
  }
}

static void
test_demo_kind (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilLocation) location = vigil_test_empty_location ();
  g_autoptr(VigilStore) store = NULL;
  g_autoptr(VigilStore) reopened = NULL;
  g_autoptr(VigilStore) real = NULL;
  g_autoptr(VigilPerson) person = NULL;

  store = vigil_store_open (location, VIGIL_STORE_OPEN_CREATE, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (vigil_store_mark_demo (store, &error));
  g_assert_no_error (error);
  g_assert_cmpint (vigil_store_get_kind (store), ==, VIGIL_STORE_KIND_DEMO);
  vigil_store_close (store);

  reopened = vigil_store_open (location, VIGIL_STORE_OPEN_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (vigil_store_get_kind (reopened), ==, VIGIL_STORE_KIND_DEMO);
  vigil_store_close (reopened);

  /* a store with real records never becomes the demo */
  if (!vigil_test_engine_is_pg ())
    {
      real = vigil_test_open_store ();
      person = insert_person (real, "Realrecord", NULL);
      g_assert_false (vigil_store_mark_demo (real, &error));
      g_assert_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_KIND_MISMATCH);
      g_assert_cmpint (vigil_store_get_kind (real), ==, VIGIL_STORE_KIND_REAL);
    }
}

static void
opened_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  VigilStore **out = user_data;
  g_autoptr(GError) error = NULL;

  *out = vigil_store_open_finish (result, &error);
  g_assert_no_error (error);
}

static void
test_open_async (void)
{
  g_autoptr(VigilLocation) location = vigil_test_empty_location ();
  g_autoptr(VigilStore) store = NULL;

  vigil_store_open_async (location, VIGIL_STORE_OPEN_CREATE, NULL, opened_cb, &store);
  while (store == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_cmpint (vigil_store_get_schema_version (store), ==, VIGIL_SCHEMA_VERSION);
}

/* The pool: a long read never blocks a save, a save never blocks a read */

typedef struct
{
  VigilStore *store;
  GMutex lock;
  GCond cond;
  gboolean inside;   /* the worker is inside its unit of work */
  gboolean release;  /* the main thread lets it finish */
} Holder;

static gboolean
hold_cb (VigilStore  *store,
         gpointer     user_data,
         GError     **error)
{
  Holder *holder = user_data;
  g_autoptr(VigilPerson) person = vigil_person_new ();

  person->surname = g_strdup ("Heldtest");
  if (!vigil_store_insert (store, &vigil_person_type, person, error))
    return FALSE;

  g_mutex_lock (&holder->lock);
  holder->inside = TRUE;
  g_cond_broadcast (&holder->cond);
  while (!holder->release)
    g_cond_wait (&holder->cond, &holder->lock);
  g_mutex_unlock (&holder->lock);
  return TRUE;
}

static gboolean
hold_read_cb (VigilStore  *store,
              gpointer     user_data,
              GError     **error)
{
  Holder *holder = user_data;

  g_assert_cmpint (count_rows (store, "person"), >=, 0);
  g_mutex_lock (&holder->lock);
  holder->inside = TRUE;
  g_cond_broadcast (&holder->cond);
  while (!holder->release)
    g_cond_wait (&holder->cond, &holder->lock);
  g_mutex_unlock (&holder->lock);
  return TRUE;
}

static gpointer
hold_write_thread (gpointer data)
{
  Holder *holder = data;
  g_autoptr(GError) error = NULL;

  g_assert_true (vigil_store_run_in_transaction (holder->store, hold_cb, holder, &error));
  g_assert_no_error (error);
  return NULL;
}

static gpointer
hold_read_thread (gpointer data)
{
  Holder *holder = data;
  g_autoptr(GError) error = NULL;

  g_assert_true (vigil_store_run_read (holder->store, hold_read_cb, holder, &error));
  g_assert_no_error (error);
  return NULL;
}

static void
wait_inside (Holder *holder)
{
  g_mutex_lock (&holder->lock);
  while (!holder->inside)
    g_cond_wait (&holder->cond, &holder->lock);
  g_mutex_unlock (&holder->lock);
}

static void
let_go (Holder *holder)
{
  g_mutex_lock (&holder->lock);
  holder->release = TRUE;
  g_cond_broadcast (&holder->cond);
  g_mutex_unlock (&holder->lock);
}

static void
test_read_during_write (void)
{
  g_autoptr(VigilStore) store = vigil_test_open_store ();
  Holder holder = { .store = store };
  GThread *thread;

  g_mutex_init (&holder.lock);
  g_cond_init (&holder.cond);

  /* a worker holds a transaction open, uncommitted; reads on this thread go on (and
   * see the store as it was), where one shared connection would wait for it */
  thread = g_thread_new ("writer", hold_write_thread, &holder);
  wait_inside (&holder);
  g_assert_cmpint (count_rows (store, "person"), ==, 0);
  g_assert_cmpint (count_rows (store, "audit"), ==, 0);
  let_go (&holder);
  g_thread_join (thread);
  g_assert_cmpint (count_rows (store, "person"), ==, 1);

  g_mutex_clear (&holder.lock);
  g_cond_clear (&holder.cond);
}

static void
test_write_during_read (void)
{
  g_autoptr(VigilStore) store = vigil_test_open_store ();
  Holder holder = { .store = store };
  GThread *thread;

  g_mutex_init (&holder.lock);
  g_cond_init (&holder.cond);

  /* a long read holds its connection; a save on this thread commits meanwhile */
  thread = g_thread_new ("reader", hold_read_thread, &holder);
  wait_inside (&holder);
  {
    g_autoptr(VigilPerson) person = insert_person (store, "Duringtest", NULL);

    g_assert_cmpint (person->record.id, >, 0);
  }
  g_assert_cmpint (count_rows (store, "person"), ==, 1);
  let_go (&holder);
  g_thread_join (thread);

  g_mutex_clear (&holder.lock);
  g_cond_clear (&holder.cond);
}

typedef struct
{
  guint n_emitted;
  GPtrArray *tables;   /* of the last emission */
  GThread *thread;     /* where it was emitted */
} ChangedLog;

static void
store_changed_cb (VigilStore  *store,
                  const char **tables,
                  ChangedLog  *log)
{
  log->n_emitted++;
  log->thread = g_thread_self ();
  g_ptr_array_set_size (log->tables, 0);
  for (guint i = 0; tables[i] != NULL; i++)
    g_ptr_array_add (log->tables, g_strdup (tables[i]));
}

static gboolean
log_has_table (ChangedLog *log,
               const char *table)
{
  for (guint i = 0; i < log->tables->len; i++)
    if (g_str_equal (g_ptr_array_index (log->tables, i), table))
      return TRUE;
  return FALSE;
}

static gpointer
insert_thread (gpointer data)
{
  g_autoptr(VigilPerson) person = insert_person (data, "Threadtest", NULL);

  return NULL;
}

static void
test_changed_signal (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) store = vigil_test_open_store ();
  ChangedLog log = { 0, g_ptr_array_new_with_free_func (g_free), NULL };
  GThread *thread;

  g_signal_connect (store, "changed", G_CALLBACK (store_changed_cb), &log);

  /* a commit says so on the main context, naming the tables it wrote */
  {
    g_autoptr(VigilPerson) person = insert_person (store, "Changedtest", NULL);
  }
  while (g_main_context_iteration (NULL, FALSE));
  g_assert_cmpuint (log.n_emitted, ==, 1);
  g_assert_true (log_has_table (&log, "person"));
  g_assert_true (log_has_table (&log, "audit"));
  g_assert_false (log_has_table (&log, "incident"));

  /* a rolled-back unit says nothing */
  g_assert_false (vigil_store_run_in_transaction (store, insert_then_fail_cb, NULL, &error));
  g_clear_error (&error);
  while (g_main_context_iteration (NULL, FALSE));
  g_assert_cmpuint (log.n_emitted, ==, 1);

  /* a lone statement outside a transaction is its own commit */
  {
    GValue param = G_VALUE_INIT;

    g_value_init (&param, G_TYPE_STRING);
    g_value_set_string (&param, "x");
    g_assert_true (vigil_store_execute (store, "UPDATE vigil_meta SET value = value WHERE key = ##p0::string",
                                        &param, 1, NULL, &error));
    g_assert_no_error (error);
    g_value_unset (&param);
  }
  while (g_main_context_iteration (NULL, FALSE));
  g_assert_cmpuint (log.n_emitted, ==, 2);
  g_assert_cmpuint (log.tables->len, ==, 1);
  g_assert_cmpstr (g_ptr_array_index (log.tables, 0), ==, "vigil_meta");

  /* a commit on a worker is told on the main context, not on the worker; a commit on
   * the thread running the main context, at once */
  thread = g_thread_new ("inserter", insert_thread, store);
  g_thread_join (thread);
  g_assert_cmpuint (log.n_emitted, ==, 2);
  while (log.n_emitted < 3)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (log.thread == g_thread_self ());
  g_assert_true (log_has_table (&log, "person"));

  g_signal_handlers_disconnect_by_data (store, &log);
  g_ptr_array_unref (log.tables);
}

/* a write asked inside a read of the same store is refused, not a deadlock (SQLite:
 * the read's connection cannot write) */
static gboolean
write_inside_read_cb (VigilStore  *store,
                      gpointer     user_data,
                      GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(VigilPerson) person = vigil_person_new ();

  person->surname = g_strdup ("Insidetest");
  if (vigil_test_engine_is_pg ())
    return vigil_store_insert (store, &vigil_person_type, person, error);

  g_assert_false (vigil_store_insert (store, &vigil_person_type, person, &local_error));
  g_assert_error (local_error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_FAILED);
  return TRUE;
}

static void
test_write_inside_read (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) store = vigil_test_open_store ();

  g_assert_true (vigil_store_run_read (store, write_inside_read_cb, NULL, &error));
  g_assert_no_error (error);
}

/* vigil_store_run_reads: on PostgreSQL the reads run at once (each waits for all the
 * others to have started: run one after the other, they would never meet); on SQLite
 * and inside a unit, one after the other on the calling thread. Each sees the store;
 * the first failing one gives the error. */
#define N_READS 3

typedef struct
{
  GMutex mutex;
  GCond cond;
  guint started;
  gboolean met;
  GThread *threads[N_READS];
  gint64 counts[N_READS];
  gboolean fail_second;
  gboolean fail_third;
  GThread *caller;
} Reads;

static gboolean
one_read (VigilStore  *store,
          Reads       *reads,
          guint        index,
          GError     **error)
{
  g_autoptr(GPtrArray) people = NULL;

  g_mutex_lock (&reads->mutex);
  reads->threads[index] = g_thread_self ();
  reads->started++;
  g_cond_broadcast (&reads->cond);
  if (vigil_test_engine_is_pg () && reads->caller == NULL)
    {
      gint64 deadline = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;

      while (reads->started < N_READS)
        if (!g_cond_wait_until (&reads->cond, &reads->mutex, deadline))
          break;
      if (reads->started == N_READS)
        reads->met = TRUE;
    }
  g_mutex_unlock (&reads->mutex);

  people = vigil_store_list (store, &vigil_person_type, NULL, 0, error);
  if (people == NULL)
    return FALSE;
  reads->counts[index] = people->len;

  if ((index == 1 && reads->fail_second) || (index == 2 && reads->fail_third))
    {
      g_set_error (error, G_IO_ERROR, index == 1 ? G_IO_ERROR_NOT_FOUND : G_IO_ERROR_FAILED,
                   "read %u failed", index);
      return FALSE;
    }
  return TRUE;
}

static gboolean read_0 (VigilStore *store, gpointer data, GError **error) { return one_read (store, data, 0, error); }
static gboolean read_1 (VigilStore *store, gpointer data, GError **error) { return one_read (store, data, 1, error); }
static gboolean read_2 (VigilStore *store, gpointer data, GError **error) { return one_read (store, data, 2, error); }

static const VigilStoreWorkFunc read_funcs[N_READS] = { read_0, read_1, read_2 };

static gboolean
reads_in_unit_cb (VigilStore  *store,
                  gpointer     user_data,
                  GError     **error)
{
  Reads *reads = user_data;
  g_autoptr(VigilPerson) person = vigil_person_new ();

  /* the reads see this transaction's own insert */
  person->surname = g_strdup ("Unitreader");
  if (!vigil_store_insert (store, &vigil_person_type, person, error))
    return FALSE;
  return vigil_store_run_reads (store, read_funcs, N_READS, reads, error);
}

static void
test_run_reads (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) store = vigil_test_open_store ();
  g_autoptr(VigilPerson) person = vigil_person_new ();
  Reads reads = { 0, };

  person->surname = g_strdup ("Reader");
  g_assert_true (vigil_store_insert (store, &vigil_person_type, person, &error));
  g_assert_no_error (error);

  g_mutex_init (&reads.mutex);
  g_cond_init (&reads.cond);
  g_assert_true (vigil_store_run_reads (store, read_funcs, N_READS, &reads, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (reads.started, ==, N_READS);
  for (guint i = 0; i < N_READS; i++)
    g_assert_cmpint (reads.counts[i], ==, 1);
  if (vigil_test_engine_is_pg ())
    {
      g_assert_true (reads.met);
      g_assert_true (reads.threads[1] != reads.threads[2]);
    }
  else
    for (guint i = 0; i < N_READS; i++)
      g_assert_true (reads.threads[i] == g_thread_self ());

  /* the first failing read (in the order given) gives the error */
  memset (reads.counts, 0, sizeof reads.counts);
  reads.started = 0;
  reads.fail_second = reads.fail_third = TRUE;
  g_assert_false (vigil_store_run_reads (store, read_funcs, N_READS, &reads, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* inside a unit: on the caller's thread, through its transaction */
  memset (reads.counts, 0, sizeof reads.counts);
  reads.started = 0;
  reads.fail_second = reads.fail_third = FALSE;
  reads.caller = g_thread_self ();
  g_assert_true (vigil_store_run_in_transaction (store, reads_in_unit_cb, &reads, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < N_READS; i++)
    {
      g_assert_true (reads.threads[i] == g_thread_self ());
      g_assert_cmpint (reads.counts[i], ==, 2);
    }

  g_mutex_clear (&reads.mutex);
  g_cond_clear (&reads.cond);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  vigil_test_init_engine ();

  g_test_add_func ("/store/migrate-from-empty", test_migrate_from_empty);
  g_test_add_func ("/store/newer-schema-refused", test_newer_schema_refused);
  g_test_add_func ("/store/not-a-vigil-database", test_not_a_vigil_database);
  g_test_add_func ("/store/corrupt-file", test_corrupt_file);
  g_test_add_func ("/store/locked-file", test_locked_file);
  g_test_add_func ("/store/missing-file", test_missing_file);
  g_test_add_func ("/store/bad-connection", test_bad_connection);
  g_test_add_func ("/store/permissions", test_permissions);
  g_test_add_func ("/store/default-folder-private", test_default_folder_is_private);
  g_test_add_func ("/store/transactions", test_transactions);
  g_test_add_func ("/store/demo-kind", test_demo_kind);
  g_test_add_func ("/store/open-async", test_open_async);
  g_test_add_func ("/store/pool/read-during-write", test_read_during_write);
  g_test_add_func ("/store/pool/write-during-read", test_write_during_read);
  g_test_add_func ("/store/pool/write-inside-read", test_write_inside_read);
  g_test_add_func ("/store/changed", test_changed_signal);
  g_test_add_func ("/store/pool/reads-at-once", test_run_reads);

  return g_test_run ();
}
