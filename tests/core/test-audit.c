/* test-audit.c: every change is audited; the hash chain finds tampering
 *
 * Runs on SQLite (suite core) and on PostgreSQL (suite pg).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "vigil-test-store.h"

/* Three changes to one person, one to another: four audit rows. */
static VigilStore *
open_audited_store (gint64 *out_person_id)
{
  g_autoptr(GError) error = NULL;
  VigilStore *store = vigil_test_open_store ();
  g_autoptr(VigilPerson) person = vigil_person_new ();
  g_autoptr(VigilPerson) other = vigil_person_new ();
  g_autoptr(VigilPersonAlias) alias = vigil_person_alias_new ();

  person->surname = g_strdup ("Secretsurname");
  person->forenames = g_strdup ("Auditsample");
  g_assert_true (vigil_store_insert (store, &vigil_person_type, person, &error));
  g_free (person->pnc_id);
  person->pnc_id = g_strdup ("00/000000X");
  vigil_store_update (store, &vigil_person_type, person, &error);
  g_assert_no_error (error);
  alias->person_id = person->record.id;
  alias->alias = g_strdup ("Sampleson");
  g_assert_true (vigil_store_insert (store, &vigil_person_alias_type, alias, &error));
  other->surname = g_strdup ("Otherperson");
  g_assert_true (vigil_store_insert (store, &vigil_person_type, other, &error));
  g_assert_no_error (error);

  *out_person_id = person->record.id;
  return store;
}

static void
test_changes_are_audited (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) mine = NULL;
  g_autoptr(VigilStore) store = NULL;
  VigilAuditEntry *entry;
  gint64 person_id = 0;
  gint64 n = 0;

  store = open_audited_store (&person_id);

  all = vigil_audit_list (store, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 4);

  mine = vigil_audit_list (store, person_id, 0, &error);
  g_assert_cmpuint (mine->len, ==, 3);

  /* newest first */
  entry = g_ptr_array_index (mine, 0);
  g_assert_cmpstr (entry->action, ==, "create");
  g_assert_cmpstr (entry->entity, ==, "person_alias");
  entry = g_ptr_array_index (mine, 1);
  g_assert_cmpstr (entry->action, ==, "update");
  g_assert_cmpstr (entry->entity, ==, "person");
  g_assert_cmpint (entry->entity_id, ==, person_id);
  g_assert_cmpstr (entry->actor, ==, "Test Runner (tester)");
  g_assert_nonnull (strstr (entry->detail, "pnc_id"));
  g_assert_null (strstr (entry->detail, "surname"));
  /* field names, never values */
  entry = g_ptr_array_index (mine, 2);
  g_assert_nonnull (strstr (entry->detail, "surname"));
  g_assert_null (strstr (entry->detail, "Secretsurname"));

  g_assert_true (vigil_audit_verify (store, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n, ==, 4);

  /* a view is audited too, and the chain still holds */
  g_assert_true (vigil_audit_append (store, "view", "person", person_id, person_id, NULL, &error));
  g_assert_true (vigil_audit_verify (store, &n, &error));
  g_assert_cmpint (n, ==, 5);
}

static void
expect_tampered (VigilStore *store,
                 const char *says)
{
  g_autoptr(GError) error = NULL;

  g_assert_false (vigil_audit_verify (store, NULL, &error));
  g_assert_error (error, VIGIL_AUDIT_ERROR, VIGIL_AUDIT_ERROR_TAMPERED);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, says));
}

static void
tamper (VigilStore *store,
        const char *sql)
{
  g_autoptr(GError) error = NULL;

  vigil_store_execute (store, sql, NULL, 0, NULL, &error);
  g_assert_no_error (error);
}

static void
test_altered_row (void)
{
  g_autoptr(VigilStore) store = NULL;
  gint64 person_id;

  store = open_audited_store (&person_id);
  tamper (store, "UPDATE audit SET actor = 'Someone Else' WHERE seq = 2");
  expect_tampered (store, "row 2");
  expect_tampered (store, "altered");
}

static void
test_removed_row (void)
{
  g_autoptr(VigilStore) store = NULL;
  gint64 person_id;

  store = open_audited_store (&person_id);
  tamper (store, "DELETE FROM audit WHERE seq = 3");
  expect_tampered (store, "row 3 is missing");
}

static void
test_reordered_rows (void)
{
  g_autoptr(VigilStore) store = NULL;
  gint64 person_id;

  store = open_audited_store (&person_id);
  /* swap the places of rows 2 and 3, keeping each row's own content and hash */
  tamper (store, "UPDATE audit SET seq = -2 WHERE seq = 2");
  tamper (store, "UPDATE audit SET seq = 2 WHERE seq = 3");
  tamper (store, "UPDATE audit SET seq = 3 WHERE seq = -2");
  expect_tampered (store, "row 2");
}

static void
test_removed_newest_rows (void)
{
  g_autoptr(VigilStore) store = NULL;
  gint64 person_id;

  store = open_audited_store (&person_id);
  tamper (store, "DELETE FROM audit WHERE seq = 4");
  expect_tampered (store, "newest rows were removed");
}

static void
test_forged_row (void)
{
  g_autoptr(VigilStore) store = NULL;
  gint64 person_id;

  store = open_audited_store (&person_id);
  /* a row slipped in at the end with a made-up hash */
  tamper (store, "INSERT INTO audit (seq, logged_at, actor, action, entity, entity_id, person_id, detail, "
                 "prev_hash, hash) VALUES (5, '2026-01-01T00:00:00Z', 'Forger', 'delete', 'person', 1, 1, "
                 "NULL, 'x', 'y')");
  expect_tampered (store, "row 5");
}

/* Appends from several threads at once (each on a connection of its own on
 * PostgreSQL, where the head row's lock orders them): every row lands once, in one
 * chain whose hashes, computed by the server on PostgreSQL, check out on the client,
 * non-ASCII detail and all; a view of a person who does not exist writes nothing. */
#define N_APPENDERS 4
#define N_APPENDS   12

static gint64 appended_person_id;

static gpointer
append_thread (gpointer user_data)
{
  VigilStore *store = user_data;

  for (int i = 0; i < N_APPENDS; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *detail = g_strdup_printf ("{\"fields\":[\"n\u00e9e\",\"%d\"]}", i);
      gint64 seq = 0;

      if (i % 3 == 0)
        {
          g_assert_true (vigil_audit_append_view (store, appended_person_id, &seq, &error));
          g_assert_cmpint (seq, >, 0);
        }
      else
        g_assert_true (vigil_audit_append (store, "update", "person", appended_person_id,
                                           appended_person_id, i % 2 ? detail : NULL, &error));
      g_assert_no_error (error);
    }
  return NULL;
}

static void
test_concurrent_appends (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(VigilStore) store = NULL;
  g_autoptr(GPtrArray) all = NULL;
  GThread *threads[N_APPENDERS];
  gint64 person_id = 0;
  gint64 n_rows = 0;
  gint64 seq = 0;

  store = open_audited_store (&person_id);
  appended_person_id = person_id;
  for (guint i = 0; i < N_APPENDERS; i++)
    threads[i] = g_thread_new ("appender", append_thread, store);
  for (guint i = 0; i < N_APPENDERS; i++)
    g_thread_join (threads[i]);

  g_assert_true (vigil_audit_verify (store, &n_rows, &error));
  g_assert_no_error (error);
  g_assert_cmpint (n_rows, ==, 4 + N_APPENDERS * N_APPENDS);
  all = vigil_audit_list (store, 0, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (all->len, ==, 4 + N_APPENDERS * N_APPENDS);

  g_assert_false (vigil_audit_append_view (store, person_id + 999999, &seq, &error));
  g_assert_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (vigil_audit_verify (store, &n_rows, &error));
  g_assert_cmpint (n_rows, ==, 4 + N_APPENDERS * N_APPENDS);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  vigil_test_init_engine ();

  g_test_add_func ("/audit/changes-are-audited", test_changes_are_audited);
  g_test_add_func ("/audit/tamper/altered-row", test_altered_row);
  g_test_add_func ("/audit/tamper/removed-row", test_removed_row);
  g_test_add_func ("/audit/tamper/reordered-rows", test_reordered_rows);
  g_test_add_func ("/audit/tamper/removed-newest-rows", test_removed_newest_rows);
  g_test_add_func ("/audit/tamper/forged-row", test_forged_row);
  g_test_add_func ("/audit/concurrent-appends", test_concurrent_appends);

  return g_test_run ();
}
