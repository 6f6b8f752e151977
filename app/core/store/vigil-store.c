/* vigil-store.c: the Vigil store over libgda
 *
 * A pool of connections per store, so that a long read never blocks a save and a
 * save never blocks the window: SQLite in write-ahead-log mode with one writer
 * connection and a few reader connections (query_only), PostgreSQL one connection per
 * worker. libgda's transactions belong to the connection, not the thread, so a thread
 * leases a connection for a whole unit of work (a transaction, or a read with
 * vigil_store_run_read) and every statement it runs meanwhile goes to that one; a lone
 * statement leases one for itself. A thread holds at most one lease per store, and
 * nested units join it.
 *
 * After a commit the store says which tables changed (the "changed" signal, on the
 * main context the store was opened from), so views reload what they show.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "vigil-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <stdlib.h>
#include <unistd.h>

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "vigil-core.h"
#include "vigil-store.h"

#define MIGRATIONS_PATH "/org/vigilapp/Vigil/core/migrations"
#define SQLITE_BUSY_TIMEOUT_MS 10000
#define PG_CONNECT_TIMEOUT_S 10

/* Readers per SQLite store; connections per PostgreSQL store. */
#define MAX_SQLITE_READERS 4
/* PostgreSQL: a dossier is 17 reads and its view audit, one statement each, at once:
 * nine connections take them in two round trips (eight took three). */
#define MAX_PG_LINKS 9
/* A connection's statement cache is emptied when it grows past this: statements are
 * written with bound parameters, so a few hundred texts cover the whole app. */
#define MAX_STATEMENTS 512

/* One connection of the pool. Only the thread that leases it touches it. */
typedef struct
{
  GdaConnection *cnc;
  GHashTable *statements;   /* SQL text → GdaStatement */
  GHashTable *change_sets;  /* GdaStatement of `statements` → its ChangeSet */
  gboolean writer;          /* SQLite: the one writer; PostgreSQL: every link */
  guint transaction_depth;
  gboolean rollback_only;
  GHashTable *changed;      /* tables written in the open transaction */
  guint index;              /* PostgreSQL: the order it was opened in, from 0 */
} Link;

/* A thread's lease of a link (the per-thread list in `leases`). */
typedef struct
{
  VigilStore *store;
  Link *link;
  guint depth;
} Lease;

struct _VigilStore
{
  GObject parent_instance;

  VigilLocation *location;
  char *actor;
  VigilStoreKind kind;
  int schema_version;
  GMainContext *context;    /* where "changed" is emitted */

  /* The pool, guarded by pool_lock */
  GMutex pool_lock;
  GCond pool_cond;
  Link *writer;             /* SQLite only */
  gboolean writer_leased;
  GPtrArray *idle;          /* SQLite: idle readers; PostgreSQL: idle links */
  guint n_links;            /* SQLite: readers opened; PostgreSQL: links opened */
  guint max_links;
  gboolean closed;
};

enum
{
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void link_free (Link *link);
static GSList *get_leases (void);

G_DEFINE_FINAL_TYPE (VigilStore, vigil_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (vigil-store-error-quark, vigil_store_error)

static void
vigil_store_finalize (GObject *object)
{
  VigilStore *self = (VigilStore *)object;

  vigil_store_close (self);
  g_clear_pointer (&self->idle, g_ptr_array_unref);
  g_clear_pointer (&self->location, vigil_location_free);
  g_clear_pointer (&self->actor, g_free);
  g_clear_pointer (&self->context, g_main_context_unref);
  g_mutex_clear (&self->pool_lock);
  g_cond_clear (&self->pool_cond);

  G_OBJECT_CLASS (vigil_store_parent_class)->finalize (object);
}

static void
vigil_store_class_init (VigilStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = vigil_store_finalize;

  /**
   * VigilStore::changed:
   * @tables: (array zero-terminated=1): the tables written, sorted
   *
   * A transaction (or a lone change, or a bulk import) committed changes to @tables.
   * Emitted on the main context the store was opened from, after the commit.
   */
  signals[CHANGED] = g_signal_new ("changed",
                                   G_TYPE_FROM_CLASS (klass),
                                   G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL,
                                   G_TYPE_NONE, 1, G_TYPE_STRV);
}

static void
vigil_store_init (VigilStore *self)
{
  const char *real_name = g_get_real_name ();

  g_mutex_init (&self->pool_lock);
  g_cond_init (&self->pool_cond);
  self->idle = g_ptr_array_new ();
  self->context = g_main_context_ref_thread_default ();
  if (real_name != NULL && *real_name != '\0' && !g_str_equal (real_name, "Unknown"))
    self->actor = g_strdup_printf ("%s (%s)", real_name, g_get_user_name ());
  else
    self->actor = g_strdup (g_get_user_name ());
}

/* Errors */

/* libgda reports the engine's own messages; turn the common ones into codes a
 * caller can act on. */
static VigilStoreError
classify_engine_error (const char *message)
{
  if (message == NULL)
    return VIGIL_STORE_ERROR_FAILED;
  if (strstr (message, "database is locked") != NULL ||
      strstr (message, "database table is locked") != NULL)
    return VIGIL_STORE_ERROR_LOCKED;
  if (strstr (message, "file is not a database") != NULL ||
      strstr (message, "malformed") != NULL ||
      strstr (message, "file is encrypted") != NULL)
    return VIGIL_STORE_ERROR_CORRUPT;
  if (strstr (message, "UNIQUE constraint") != NULL ||
      strstr (message, "duplicate key") != NULL ||
      strstr (message, "FOREIGN KEY constraint") != NULL ||
      strstr (message, "foreign key constraint") != NULL ||
      strstr (message, "NOT NULL constraint") != NULL ||
      strstr (message, "not-null constraint") != NULL)
    return VIGIL_STORE_ERROR_INVALID;
  return VIGIL_STORE_ERROR_FAILED;
}

static void
propagate_engine_error (GError     **error,
                        GError      *engine_error,
                        const char  *what)
{
  const char *message = engine_error && engine_error->message ? engine_error->message : _("unknown error");
  VigilStoreError code = classify_engine_error (message);

  if (engine_error != NULL && engine_error->domain == VIGIL_STORE_ERROR)
    {
      g_propagate_error (error, engine_error);
      return;
    }

  switch (code)
    {
    case VIGIL_STORE_ERROR_LOCKED:
      g_set_error (error, VIGIL_STORE_ERROR, code,
                   _("The database is busy: another program is writing to it. "
                     "Try again in a moment. (%s)"), message);
      break;

    case VIGIL_STORE_ERROR_CORRUPT:
      g_set_error (error, VIGIL_STORE_ERROR, code,
                   _("The database file is damaged or is not a database: %s"), message);
      break;

    case VIGIL_STORE_ERROR_FAILED:
    case VIGIL_STORE_ERROR_INVALID_LOCATION:
    case VIGIL_STORE_ERROR_CONNECT:
    case VIGIL_STORE_ERROR_NOT_FOUND:
    case VIGIL_STORE_ERROR_NOT_VIGIL:
    case VIGIL_STORE_ERROR_NEWER_SCHEMA:
    case VIGIL_STORE_ERROR_CONFLICT:
    case VIGIL_STORE_ERROR_INVALID:
    case VIGIL_STORE_ERROR_KIND_MISMATCH:
    case VIGIL_STORE_ERROR_PERMISSION:
    default:
      g_set_error (error, VIGIL_STORE_ERROR, code, "%s: %s", what, message);
      break;
    }

  g_clear_error (&engine_error);
}

/* Statements */

static GdaStatement *
lookup_statement (Link        *link,
                  const char  *sql,
                  GError     **error)
{
  GdaStatement *stmt;

  stmt = g_hash_table_lookup (link->statements, sql);
  if (stmt == NULL)
    {
      g_autoptr(GdaSqlParser) parser = gda_connection_create_parser (link->cnc);
      const char *remain = NULL;

      if (parser == NULL)
        parser = gda_sql_parser_new ();

      /* Keep queries as written: libgda's full parser re-renders statements and gets
       * some wrong (EXISTS ((SELECT …)) is a syntax error in SQLite). Delimiting still
       * finds the ##name::type parameters. Changes keep the full parser, which knows a
       * NULL parameter in SET or VALUES from one in WHERE. */
      if (g_ascii_strncasecmp (sql, "SELECT", 6) == 0)
        g_object_set (parser, "mode", GDA_SQL_PARSER_MODE_DELIMIT, NULL);

      stmt = gda_sql_parser_parse_string (parser, sql, &remain, error);
      if (stmt == NULL)
        return NULL;

      /* SQL built with values in its text would grow the cache without end */
      if (g_hash_table_size (link->statements) >= MAX_STATEMENTS)
        {
          g_hash_table_remove_all (link->change_sets);
          g_hash_table_remove_all (link->statements);
        }
      g_hash_table_insert (link->statements, g_strdup (sql), stmt);
    }

  return stmt;
}

static GdaSet *
bind_parameters (GdaStatement  *stmt,
                 const GValue  *params,
                 guint          n_params,
                 GError       **error)
{
  g_autoptr(GdaSet) set = NULL;

  if (!gda_statement_get_parameters (stmt, &set, error))
    return NULL;

  for (guint i = 0; i < n_params; i++)
    {
      char name[16];
      GdaHolder *holder;
      const GValue *value = &params[i];

      g_snprintf (name, sizeof name, "p%u", i);
      holder = set ? gda_set_get_holder (set, name) : NULL;
      if (holder == NULL)
        {
          g_set_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_FAILED,
                       "Statement has no parameter ##%s", name);
          return NULL;
        }

      if (!gda_holder_set_value (holder,
                                 G_VALUE_TYPE (value) == G_TYPE_INVALID ? NULL : value,
                                 error))
        return NULL;
    }

  return g_steal_pointer (&set);
}

/* A change's parameters, made once per statement and link and filled again at each
 * execution: libgda makes a statement's GdaSet in a time that grows with the square of
 * its parameters (each holder added walks the list), and an insert of many rows has
 * hundreds. Only for changes: a SELECT's data model keeps the set it was run with. */
typedef struct
{
  GdaSet *set;
  GPtrArray *holders;       /* GdaHolder of ##p<i>, borrowed from set */
} ChangeSet;

static void
change_set_free (ChangeSet *change)
{
  g_ptr_array_unref (change->holders);
  g_clear_object (&change->set);
  g_free (change);
}

/* @stmt's parameters (from @link's cache) holding @params; NULL without parameters. */
static GdaSet *
bind_change_parameters (Link          *link,
                        GdaStatement  *stmt,
                        const GValue  *params,
                        guint          n_params,
                        GError       **error)
{
  ChangeSet *change = g_hash_table_lookup (link->change_sets, stmt);

  if (change == NULL)
    {
      g_autoptr(GdaSet) set = NULL;

      if (!gda_statement_get_parameters (stmt, &set, error))
        return NULL;

      change = g_new0 (ChangeSet, 1);
      change->set = g_steal_pointer (&set);
      change->holders = g_ptr_array_new ();
      for (guint i = 0; change->set != NULL; i++)
        {
          char name[16];
          GdaHolder *holder;

          g_snprintf (name, sizeof name, "p%u", i);
          holder = gda_set_get_holder (change->set, name);
          if (holder == NULL)
            break;
          g_ptr_array_add (change->holders, holder);
        }
      g_hash_table_insert (link->change_sets, stmt, change);
    }

  if (n_params > change->holders->len)
    {
      g_set_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_FAILED,
                   "Statement has no parameter ##p%u", change->holders->len);
      return NULL;
    }

  for (guint i = 0; i < n_params; i++)
    {
      const GValue *value = &params[i];

      if (!gda_holder_set_value (g_ptr_array_index (change->holders, i),
                                 G_VALUE_TYPE (value) == G_TYPE_INVALID ? NULL : value,
                                 error))
        return NULL;
    }

  return change->set != NULL ? g_object_ref (change->set) : NULL;
}

/* The pool */

static Link *
link_new (GdaConnection *cnc,
          gboolean       writer)
{
  Link *link = g_new0 (Link, 1);

  link->cnc = cnc;
  link->writer = writer;
  link->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  link->change_sets = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) change_set_free);
  link->changed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  return link;
}

static void
link_free (Link *link)
{
  if (link == NULL)
    return;
  /* Closed first: a statement freed on an open PostgreSQL connection is deallocated
   * on the server, one round trip each (seconds over a network for a full cache);
   * the server drops them all with the connection. */
  if (link->cnc != NULL)
    gda_connection_close (link->cnc);
  g_hash_table_unref (link->change_sets);
  g_hash_table_unref (link->statements);
  g_hash_table_unref (link->changed);
  g_clear_object (&link->cnc);
  g_free (link);
}

static GdaConnection *open_sqlite (const VigilLocation *location, VigilStoreOpenFlags flags,
                                   gboolean reader, gboolean *created, GError **error);
static GdaConnection *open_postgresql (const VigilLocation *location, GError **error);

/* The calling thread's leases (a list of Lease), one per store at most. */
static GPrivate leases_key = G_PRIVATE_INIT (NULL);

static GSList *
get_leases (void)
{
  return g_private_get (&leases_key);
}

static Lease *
find_lease (VigilStore *self)
{
  for (GSList *l = get_leases (); l != NULL; l = l->next)
    {
      Lease *lease = l->data;

      if (lease->store == self)
        return lease;
    }
  return NULL;
}

static Lease *
push_lease (VigilStore *self,
            Link       *link)
{
  Lease *lease = g_new0 (Lease, 1);

  lease->store = self;
  lease->link = link;
  lease->depth = 1;
  g_private_set (&leases_key, g_slist_prepend (get_leases (), lease));
  return lease;
}

static void
pop_lease (Lease *lease)
{
  g_private_set (&leases_key, g_slist_remove (get_leases (), lease));
  g_free (lease);
}

static gboolean
ensure_open (VigilStore  *self,
             GError     **error)
{
  gboolean closed;

  g_mutex_lock (&self->pool_lock);
  closed = self->closed;
  g_mutex_unlock (&self->pool_lock);

  if (closed)
    {
      g_set_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_FAILED,
                   _("The store is closed."));
      return FALSE;
    }
  return TRUE;
}

/* Takes a link from the pool, waiting while every one is leased: the writer when
 * @write (SQLite), else a reader; on PostgreSQL any link, opening one more while
 * fewer than max_links are open. */
static Link *
acquire_link (VigilStore  *self,
              gboolean     write,
              GError     **error)
{
  gboolean sqlite = self->location->engine == VIGIL_ENGINE_SQLITE;
  GdaConnection *cnc;
  Link *link;
  guint index;

  g_mutex_lock (&self->pool_lock);
  for (;;)
    {
      if (self->closed)
        {
          g_mutex_unlock (&self->pool_lock);
          g_set_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_FAILED,
                       _("The store is closed."));
          return NULL;
        }
      if (sqlite && write)
        {
          if (!self->writer_leased)
            {
              self->writer_leased = TRUE;
              g_mutex_unlock (&self->pool_lock);
              return self->writer;
            }
        }
      else if (self->idle->len > 0)
        {
          Link *idle = g_ptr_array_steal_index_fast (self->idle, self->idle->len - 1);

          g_mutex_unlock (&self->pool_lock);
          return idle;
        }
      else if (self->n_links < self->max_links)
        {
          break;
        }
      g_cond_wait (&self->pool_cond, &self->pool_lock);
    }

  /* open one more, outside the lock (a server may take a while to answer) */
  index = self->n_links++;
  g_mutex_unlock (&self->pool_lock);

  if (sqlite)
    {
      gboolean created = FALSE;

      cnc = open_sqlite (self->location, VIGIL_STORE_OPEN_NONE, TRUE, &created, error);
    }
  else
    cnc = open_postgresql (self->location, error);

  if (cnc == NULL)
    {
      g_mutex_lock (&self->pool_lock);
      self->n_links--;
      g_cond_broadcast (&self->pool_cond);
      g_mutex_unlock (&self->pool_lock);
      return NULL;
    }

  g_debug ("%s connection %u opened", sqlite ? "Reader" : "PostgreSQL", index + 1);
  link = link_new (cnc, !sqlite);
  link->index = index;
  return link;
}

/* How long a read waits for its own link (acquire_preferred_link) before it takes any:
 * about the round trip it would lose preparing its statement elsewhere, far shorter
 * than a long job (an evaluation, an import) that may hold that link. */
#define PREFERRED_LINK_WAIT_US (150 * G_TIME_SPAN_MILLISECOND)

/* PostgreSQL: takes the link opened @preferred-th (from 0), waiting a little while it
 * is leased, or any link while fewer than that are open or after the wait
 * (acquire_link). Each statement is prepared on a connection the first time that
 * connection runs it, one round trip more: the reads of a view, each asking for its
 * own link every time, find their statements ready from the second time on instead of
 * wherever they happen to run. */
static Link *
acquire_preferred_link (VigilStore  *self,
                        guint        preferred,
                        GError     **error)
{
  gint64 deadline = g_get_monotonic_time () + PREFERRED_LINK_WAIT_US;

  g_mutex_lock (&self->pool_lock);
  while (!self->closed && preferred < self->n_links)
    {
      for (guint i = 0; i < self->idle->len; i++)
        {
          Link *link = g_ptr_array_index (self->idle, i);

          if (link->index == preferred)
            {
              g_ptr_array_remove_index_fast (self->idle, i);
              g_mutex_unlock (&self->pool_lock);
              return link;
            }
        }
      if (!g_cond_wait_until (&self->pool_cond, &self->pool_lock, deadline))
        break;
    }
  g_mutex_unlock (&self->pool_lock);
  return acquire_link (self, FALSE, error);
}

static void
release_link (VigilStore *self,
              Link       *link)
{
  gboolean sqlite = self->location->engine == VIGIL_ENGINE_SQLITE;
  Link *to_close = NULL;

  g_mutex_lock (&self->pool_lock);
  if (sqlite && link == self->writer)
    {
      self->writer_leased = FALSE;
      if (self->closed)
        {
          to_close = self->writer;
          self->writer = NULL;
        }
    }
  else if (self->closed)
    {
      to_close = link;
      self->n_links--;
    }
  else
    g_ptr_array_add (self->idle, link);
  g_cond_broadcast (&self->pool_cond);
  g_mutex_unlock (&self->pool_lock);

  link_free (to_close);
}

/* Begins a unit of work on the calling thread: joins the thread's lease of this store,
 * or leases a link (the writer when @write). Returns the lease; end it with
 * end_lease. A read lease asked to write takes the writer for itself (SQLite). */
static Lease *
begin_lease (VigilStore  *self,
             gboolean     write,
             GError     **error)
{
  Lease *lease = find_lease (self);
  Link *link;

  if (lease != NULL && (!write || lease->link->writer))
    {
      lease->depth++;
      return lease;
    }

  if (lease != NULL && lease->link->transaction_depth > 0)
    {
      /* a write inside a read transaction would need a second lease of the same
       * store on one thread: a programming error */
      g_set_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_FAILED,
                   "A change was asked inside a read of the same store");
      return NULL;
    }

  link = acquire_link (self, write, error);
  if (link == NULL)
    return NULL;
  return push_lease (self, link);
}

static void
end_lease (Lease *lease)
{
  VigilStore *self = lease->store;
  Link *link = lease->link;

  if (--lease->depth > 0)
    return;
  pop_lease (lease);
  release_link (self, link);
}

gboolean
vigil_store_is_in_unit (VigilStore *self)
{
  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);

  return find_lease (self) != NULL;
}

/* Change notification */

typedef struct
{
  GWeakRef store;
  GStrv tables;
} ChangedData;

static void
changed_data_free (ChangedData *data)
{
  g_weak_ref_clear (&data->store);
  g_strfreev (data->tables);
  g_free (data);
}

static gboolean
emit_changed_cb (gpointer user_data)
{
  ChangedData *data = user_data;
  g_autoptr(VigilStore) self = g_weak_ref_get (&data->store);

  if (self != NULL)
    g_signal_emit (self, signals[CHANGED], 0, data->tables);
  return G_SOURCE_REMOVE;
}

static int
compare_table_names (gconstpointer a,
                     gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * vigil_store_notify_changed:
 * @tables: (array zero-terminated=1): names of tables that a committed change wrote
 *
 * Says that @tables changed: emits #VigilStore::changed on the store's main context
 * (at once when called from the thread that runs it). The store calls it after each commit; bulk paths that
 * write through their own native connection call it after theirs.
 */
void
vigil_store_notify_changed (VigilStore         *self,
                            const char * const *tables)
{
  ChangedData *data;
  guint n;

  g_return_if_fail (VIGIL_IS_STORE (self));

  if (tables == NULL || tables[0] == NULL ||
      !g_signal_has_handler_pending (self, signals[CHANGED], 0, TRUE))
    return;

  data = g_new0 (ChangedData, 1);
  g_weak_ref_init (&data->store, self);
  data->tables = g_strdupv ((char **) tables);
  n = g_strv_length (data->tables);
  qsort (data->tables, n, sizeof (char *), compare_table_names);
  /* At once on the thread running the store's main context (a save from a view's
   * callback); from any other thread, queued there. (g_main_context_invoke would run
   * it on a worker whenever no thread happens to own the context.) */
  if (g_main_context_is_owner (self->context))
    {
      emit_changed_cb (data);
      changed_data_free (data);
    }
  else
    {
      g_autoptr(GSource) source = g_idle_source_new ();

      g_source_set_priority (source, G_PRIORITY_DEFAULT);
      g_source_set_callback (source, emit_changed_cb, data, (GDestroyNotify) changed_data_free);
      g_source_set_static_name (source, "[vigil] store changed");
      g_source_attach (source, self->context);
    }
}

static void
notify_link_changed (VigilStore *self,
                     Link       *link)
{
  g_autofree const char **tables = NULL;

  if (g_hash_table_size (link->changed) == 0)
    return;
  tables = (const char **) g_hash_table_get_keys_as_array (link->changed, NULL);
  vigil_store_notify_changed (self, tables);
  g_hash_table_remove_all (link->changed);
}

/* The table named by the words at @sql, which follow INSERT, UPDATE or DELETE (and
 * INTO, FROM, OR REPLACE…), or NULL. */
static char *
dup_table_after (const char *sql)
{
  static const char * const skip[] = { "OR", "REPLACE", "IGNORE", "ABORT", "FAIL", "ROLLBACK",
                                       "INTO", "FROM", "ONLY", NULL };
  g_auto(GStrv) words = g_strsplit_set (sql, " \t\n\r(", 8);

  for (guint i = 1; words[i] != NULL; i++)
    {
      g_autofree char *upper = g_ascii_strup (words[i], -1);

      if (*words[i] == '\0' || g_strv_contains (skip, upper))
        continue;
      return g_ascii_strdown (words[i], -1);
    }
  return NULL;
}

/* Adds to @tables each table that @sql writes: the one an INSERT, UPDATE, DELETE or
 * REPLACE statement names and, in WITH name AS (INSERT INTO t …) … or a CTE that updates,
 * every table one of its clauses writes (not SELECT … FOR UPDATE, nor ON CONFLICT DO
 * UPDATE, which write no other table). */
static void
add_written_tables (GHashTable *tables,
                    const char *sql)
{
  static const char * const verbs[] = { "INSERT ", "UPDATE ", "DELETE ", "REPLACE " };
  gboolean with;

  while (g_ascii_isspace (*sql))
    sql++;
  with = g_ascii_strncasecmp (sql, "WITH", 4) == 0 && !g_ascii_isalnum (sql[4]);

  for (const char *c = sql; *c != '\0'; c++)
    {
      if (c != sql && (g_ascii_isalnum (c[-1]) || c[-1] == '_'))
        continue;
      for (guint v = 0; v < G_N_ELEMENTS (verbs); v++)
        {
          gsize len = strlen (verbs[v]);
          const char *before = c;
          char *table;

          if (g_ascii_strncasecmp (c, verbs[v], len) != 0)
            continue;
          /* the word before: FOR UPDATE and DO UPDATE write nothing of their own */
          while (before > sql && g_ascii_isspace (before[-1]))
            before--;
          if ((before - sql >= 3 && g_ascii_strncasecmp (before - 3, "FOR", 3) == 0) ||
              (before - sql >= 2 && g_ascii_strncasecmp (before - 2, "DO", 2) == 0))
            continue;
          table = dup_table_after (c);
          if (table != NULL)
            g_hash_table_add (tables, table);
        }
      if (!with)
        break;
    }
}

static void
note_written_table (Link       *link,
                    const char *sql)
{
  add_written_tables (link->changed, sql);
}

/* Whether @sql writes a table (an UPDATE … RETURNING run as a query, say). */
static gboolean
sql_writes (const char *sql)
{
  g_autoptr(GHashTable) tables = NULL;

  while (g_ascii_isspace (*sql))
    sql++;
  if (g_ascii_strncasecmp (sql, "SELECT", 6) == 0)
    return FALSE;
  tables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  add_written_tables (tables, sql);
  return g_hash_table_size (tables) > 0;
}

gboolean
vigil_store_execute (VigilStore    *self,
                     const char    *sql,
                     const GValue  *params,
                     guint          n_params,
                     int           *rows_affected,
                     GError       **error)
{
  g_autoptr(GdaSet) set = NULL;
  g_autoptr(GError) local_error = NULL;
  GdaStatement *stmt;
  Lease *lease;
  int rows;

  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);
  g_return_val_if_fail (sql != NULL, FALSE);

  if (!ensure_open (self, error))
    return FALSE;

  lease = begin_lease (self, TRUE, error);
  if (lease == NULL)
    return FALSE;

  stmt = lookup_statement (lease->link, sql, &local_error);
  if (stmt != NULL)
    set = bind_change_parameters (lease->link, stmt, params, n_params, &local_error);

  if (local_error == NULL)
    rows = gda_connection_statement_execute_non_select (lease->link->cnc, stmt, set, NULL, &local_error);
  else
    rows = -1;

  if (local_error == NULL)
    {
      note_written_table (lease->link, sql);
      if (lease->link->transaction_depth == 0)
        notify_link_changed (self, lease->link);
    }

  end_lease (lease);

  if (local_error != NULL)
    {
      propagate_engine_error (error, g_steal_pointer (&local_error), _("The database refused a change"));
      return FALSE;
    }

  if (rows_affected != NULL)
    *rows_affected = rows;

  return TRUE;
}

GdaDataModel *
vigil_store_query (VigilStore    *self,
                   const char    *sql,
                   const GValue  *params,
                   guint          n_params,
                   const GType   *column_types,
                   GError       **error)
{
  g_autoptr(GdaSet) set = NULL;
  g_autoptr(GError) local_error = NULL;
  GdaDataModel *model = NULL;
  GdaStatement *stmt;
  Lease *lease;
  gboolean writes;

  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  if (!ensure_open (self, error))
    return NULL;

  /* a query that writes (… RETURNING) is a change like any other */
  writes = sql_writes (sql);
  lease = begin_lease (self, writes, error);
  if (lease == NULL)
    return NULL;

  stmt = lookup_statement (lease->link, sql, &local_error);
  if (stmt != NULL)
    set = bind_parameters (stmt, params, n_params, &local_error);

  if (local_error == NULL)
    model = gda_connection_statement_execute_select_full (lease->link->cnc, stmt, set,
                                                          GDA_STATEMENT_MODEL_RANDOM_ACCESS,
                                                          (GType *) column_types,
                                                          &local_error);
  if (model != NULL && writes)
    {
      note_written_table (lease->link, sql);
      if (lease->link->transaction_depth == 0)
        notify_link_changed (self, lease->link);
    }

  end_lease (lease);

  if (model == NULL)
    {
      propagate_engine_error (error, g_steal_pointer (&local_error), _("The database could not be read"));
      return NULL;
    }

  return model;
}

static gboolean
query_int64 (VigilStore  *self,
             const char  *sql,
             gint64      *out_value,
             GError     **error)
{
  static const GType types[] = { G_TYPE_INT64, G_TYPE_NONE };
  g_autoptr(GdaDataModel) model = NULL;
  const GValue *value;

  model = vigil_store_query (self, sql, NULL, 0, types, error);
  if (model == NULL)
    return FALSE;

  value = gda_data_model_get_n_rows (model) > 0 ? gda_data_model_get_value_at (model, 0, 0, error) : NULL;
  if (value == NULL || gda_value_is_null (value))
    *out_value = 0;
  else
    *out_value = g_value_get_int64 (value);

  return TRUE;
}

/* The id the last INSERT on this thread's lease gave: call it inside the transaction
 * that inserted. */
gint64
vigil_store_last_insert_id (VigilStore  *self,
                            GError     **error)
{
  Lease *lease;
  gint64 id = 0;
  gboolean ok;

  g_return_val_if_fail (VIGIL_IS_STORE (self), 0);

  if (!ensure_open (self, error))
    return 0;
  lease = begin_lease (self, TRUE, error);
  if (lease == NULL)
    return 0;
  ok = query_int64 (self,
                    self->location->engine == VIGIL_ENGINE_SQLITE ? "SELECT last_insert_rowid()"
                                                                  : "SELECT lastval()",
                    &id, error);
  end_lease (lease);

  return ok ? id : 0;
}

char *
vigil_store_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/* Transactions */

static gboolean
run_unit (VigilStore          *self,
          gboolean             write,
          VigilStoreWorkFunc   func,
          gpointer             user_data,
          GError             **error)
{
  g_autoptr(GError) local_error = NULL;
  Lease *lease;
  Link *link;
  gboolean outer;
  gboolean func_failed;
  gboolean ok;

  if (!ensure_open (self, error))
    return FALSE;

  lease = begin_lease (self, write, error);
  if (lease == NULL)
    return FALSE;
  link = lease->link;

  outer = link->transaction_depth == 0;
  if (outer)
    {
      link->rollback_only = FALSE;
      g_hash_table_remove_all (link->changed);
      if (!gda_connection_begin_transaction (link->cnc, NULL, GDA_TRANSACTION_ISOLATION_UNKNOWN, &local_error))
        {
          end_lease (lease);
          propagate_engine_error (error, g_steal_pointer (&local_error), _("Could not start a transaction"));
          return FALSE;
        }
    }

  link->transaction_depth++;
  ok = func (self, user_data, &local_error);
  link->transaction_depth--;
  func_failed = !ok;

  if (!ok)
    {
      link->rollback_only = TRUE;
      if (local_error == NULL)
        g_set_error (&local_error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_FAILED,
                     _("The change was abandoned."));
    }
  else if (outer && link->rollback_only)
    {
      ok = FALSE;
      g_set_error (&local_error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_FAILED,
                   _("Part of the change failed, so none of it was saved."));
    }

  if (outer)
    {
      if (ok)
        {
          if (!gda_connection_commit_transaction (link->cnc, NULL, &local_error))
            {
              g_autoptr(GError) rollback_error = NULL;

              gda_connection_rollback_transaction (link->cnc, NULL, &rollback_error);
              ok = FALSE;
            }
        }
      else
        {
          g_autoptr(GError) rollback_error = NULL;

          if (!gda_connection_rollback_transaction (link->cnc, NULL, &rollback_error))
            g_warning ("Rollback failed: %s", rollback_error->message);
        }
      link->rollback_only = FALSE;
      if (ok)
        notify_link_changed (self, link);
      else
        g_hash_table_remove_all (link->changed);
    }

  end_lease (lease);

  if (!ok)
    {
      /* a read's own error (cancelled, not found…) is the answer as it stands */
      if (!write && func_failed)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        propagate_engine_error (error, g_steal_pointer (&local_error),
                                write ? _("The change was not saved") : _("The store could not be read"));
      return FALSE;
    }

  return TRUE;
}

gboolean
vigil_store_run_in_transaction (VigilStore          *self,
                                VigilStoreWorkFunc   func,
                                gpointer             user_data,
                                GError             **error)
{
  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  return run_unit (self, TRUE, func, user_data, error);
}

/**
 * vigil_store_run_read:
 *
 * Runs @func with one reader connection leased to the calling thread, inside one read
 * transaction, so that everything it reads comes from the same state of the store
 * (a dossier, a page of the cohort). @func must not write. Inside a transaction of
 * the same store it joins it.
 */
gboolean
vigil_store_run_read (VigilStore          *self,
                      VigilStoreWorkFunc   func,
                      gpointer             user_data,
                      GError             **error)
{
  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);

  return run_unit (self, FALSE, func, user_data, error);
}

/* Several reads at once */

typedef struct
{
  VigilStore *store;
  VigilStoreWorkFunc func;
  gpointer user_data;
  guint link_index;         /* the link it asks for (acquire_preferred_link) */
  GError *error;
  gboolean ok;
} ParallelRead;

/* On a thread of its own: a PostgreSQL link leased for the whole function, in
 * autocommit (no BEGIN and COMMIT: two round trips fewer). */
static gpointer
parallel_read_thread (gpointer user_data)
{
  ParallelRead *read = user_data;
  Lease *lease;
  Link *link;

  read->ok = FALSE;
  link = acquire_preferred_link (read->store, read->link_index, &read->error);
  if (link == NULL)
    return NULL;
  lease = push_lease (read->store, link);
  read->ok = read->func (read->store, read->user_data, &read->error);
  if (!read->ok && read->error == NULL)
    g_set_error (&read->error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_FAILED,
                 _("The store could not be read."));
  end_lease (lease);
  return NULL;
}

typedef struct
{
  const VigilStoreWorkFunc *funcs;
  guint n_funcs;
  gpointer user_data;
} SequentialReads;

static gboolean
sequential_reads_cb (VigilStore  *store,
                     gpointer     user_data,
                     GError     **error)
{
  SequentialReads *reads = user_data;

  for (guint i = 0; i < reads->n_funcs; i++)
    if (!reads->funcs[i] (store, reads->user_data, error))
      return FALSE;
  return TRUE;
}

gboolean
vigil_store_run_reads (VigilStore                *self,
                       const VigilStoreWorkFunc  *funcs,
                       guint                      n_funcs,
                       gpointer                   user_data,
                       GError                   **error)
{
  g_autofree ParallelRead *reads = NULL;
  g_autofree GThread **threads = NULL;
  SequentialReads sequential = { funcs, n_funcs, user_data };
  gboolean ok = TRUE;

  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);
  g_return_val_if_fail (funcs != NULL || n_funcs == 0, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (n_funcs == 0)
    return TRUE;
  if (find_lease (self) != NULL)
    return sequential_reads_cb (self, &sequential, error);
  if (self->location->engine == VIGIL_ENGINE_SQLITE || n_funcs == 1)
    return run_unit (self, FALSE, sequential_reads_cb, &sequential, error);

  if (!ensure_open (self, error))
    return FALSE;

  reads = g_new0 (ParallelRead, n_funcs);
  threads = g_new0 (GThread *, n_funcs);
  for (guint i = 0; i < n_funcs; i++)
    {
      reads[i].store = self;
      reads[i].func = funcs[i];
      reads[i].user_data = user_data;
      reads[i].link_index = i % self->max_links;
    }
  for (guint i = 1; i < n_funcs; i++)
    threads[i] = g_thread_new ("vigil-read", parallel_read_thread, &reads[i]);
  parallel_read_thread (&reads[0]);
  for (guint i = 1; i < n_funcs; i++)
    g_thread_join (threads[i]);

  for (guint i = 0; i < n_funcs; i++)
    {
      if (!reads[i].ok && ok)
        {
          g_propagate_error (error, g_steal_pointer (&reads[i].error));
          ok = FALSE;
        }
      g_clear_error (&reads[i].error);
    }
  return ok;
}

/* Calls on a worker thread */

/* Shared by the worker (reports) and the main context (delivery); reference-counted. */
struct _VigilProgress
{
  GMutex mutex;
  double fraction;
  char *message;
  gboolean queued;
  GMainContext *context;
  VigilProgressFunc func;
  gpointer data;
  GDestroyNotify destroy;
};

static VigilProgress *
progress_new (VigilProgressFunc  func,
              gpointer           data,
              GDestroyNotify     destroy)
{
  VigilProgress *progress = g_atomic_rc_box_new0 (VigilProgress);

  g_mutex_init (&progress->mutex);
  progress->context = g_main_context_ref_thread_default ();
  progress->func = func;
  progress->data = data;
  progress->destroy = destroy;
  return progress;
}

typedef struct
{
  GDestroyNotify destroy;
  gpointer data;
} Deferred;

static gboolean
run_deferred_cb (gpointer user_data)
{
  Deferred *deferred = user_data;

  deferred->destroy (deferred->data);
  return G_SOURCE_REMOVE;
}

static void
progress_clear (VigilProgress *progress)
{
  g_mutex_clear (&progress->mutex);
  g_free (progress->message);
  /* the caller's data (a view, say) is let go on the caller's main context */
  if (progress->destroy != NULL && g_main_context_is_owner (progress->context))
    progress->destroy (progress->data);
  else if (progress->destroy != NULL)
    {
      g_autoptr(GSource) source = g_idle_source_new ();
      Deferred *deferred = g_new0 (Deferred, 1);

      deferred->destroy = progress->destroy;
      deferred->data = progress->data;
      g_source_set_callback (source, run_deferred_cb, deferred, g_free);
      g_source_set_static_name (source, "[vigil] progress done");
      g_source_attach (source, progress->context);
    }
  g_main_context_unref (progress->context);
}

static void
progress_unref (VigilProgress *progress)
{
  g_atomic_rc_box_release_full (progress, (GDestroyNotify) progress_clear);
}

static gboolean
deliver_progress_cb (gpointer user_data)
{
  VigilProgress *progress = user_data;
  g_autofree char *message = NULL;
  double fraction;

  g_mutex_lock (&progress->mutex);
  progress->queued = FALSE;
  fraction = progress->fraction;
  message = g_strdup (progress->message);
  g_mutex_unlock (&progress->mutex);

  if (progress->func != NULL)
    progress->func (fraction, message, progress->data);
  return G_SOURCE_REMOVE;
}

void
vigil_progress_report (VigilProgress *progress,
                       double         fraction,
                       const char    *message)
{
  gboolean queue;

  if (progress == NULL || progress->func == NULL)
    return;

  g_mutex_lock (&progress->mutex);
  progress->fraction = CLAMP (fraction, 0.0, 1.0);
  if (message != NULL && g_strcmp0 (message, progress->message) != 0)
    {
      g_free (progress->message);
      progress->message = g_strdup (message);
    }
  queue = !progress->queued;
  progress->queued = TRUE;
  g_mutex_unlock (&progress->mutex);

  if (queue)
    {
      g_autoptr(GSource) source = g_idle_source_new ();

      g_source_set_priority (source, G_PRIORITY_LOW);
      g_source_set_callback (source, deliver_progress_cb, g_atomic_rc_box_acquire (progress),
                             (GDestroyNotify) progress_unref);
      g_source_set_static_name (source, "[vigil] progress");
      g_source_attach (source, progress->context);
    }
}

typedef struct
{
  VigilStoreCallFunc func;
  VigilStoreProgressCallFunc progress_func;
  VigilProgress *progress;
  gpointer task_data;
  GDestroyNotify task_data_free;
  GDestroyNotify result_free;
} CallData;

static void
call_data_free (CallData *data)
{
  if (data->task_data_free != NULL && data->task_data != NULL)
    data->task_data_free (data->task_data);
  g_clear_pointer (&data->progress, progress_unref);
  g_free (data);
}

static void
call_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  CallData *data = task_data;
  GError *error = NULL;
  gpointer result;

  if (g_task_return_error_if_cancelled (task))
    return;

  if (data->progress_func != NULL)
    result = data->progress_func (source_object, data->task_data, data->progress, cancellable, &error);
  else
    result = data->func (source_object, data->task_data, cancellable, &error);
  if (result == NULL)
    {
      if (error == NULL)
        g_set_error (&error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_FAILED,
                     _("The database gave no answer."));
      g_task_return_error (task, error);
    }
  else
    g_task_return_pointer (task, result, data->result_free);
}

void
vigil_store_call_async (VigilStore          *self,
                        gpointer             source_tag,
                        VigilStoreCallFunc   func,
                        gpointer             task_data,
                        GDestroyNotify       task_data_free,
                        GDestroyNotify       result_free,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  CallData *data;

  g_return_if_fail (VIGIL_IS_STORE (self));
  g_return_if_fail (func != NULL);

  data = g_new0 (CallData, 1);
  data->func = func;
  data->task_data = task_data;
  data->task_data_free = task_data_free;
  data->result_free = result_free;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, data, (GDestroyNotify) call_data_free);
  g_task_run_in_thread (task, call_thread);
}

void
vigil_store_call_with_progress_async (VigilStore                 *self,
                                      gpointer                    source_tag,
                                      VigilStoreProgressCallFunc  func,
                                      gpointer                    task_data,
                                      GDestroyNotify              task_data_free,
                                      GDestroyNotify              result_free,
                                      VigilProgressFunc           progress_func,
                                      gpointer                    progress_data,
                                      GDestroyNotify              progress_destroy,
                                      GCancellable               *cancellable,
                                      GAsyncReadyCallback         callback,
                                      gpointer                    user_data)
{
  g_autoptr(GTask) task = NULL;
  CallData *data;

  g_return_if_fail (VIGIL_IS_STORE (self));
  g_return_if_fail (func != NULL);

  data = g_new0 (CallData, 1);
  data->progress_func = func;
  data->progress = progress_new (progress_func, progress_data, progress_destroy);
  data->task_data = task_data;
  data->task_data_free = task_data_free;
  data->result_free = result_free;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, data, (GDestroyNotify) call_data_free);
  g_task_run_in_thread (task, call_thread);
}

gpointer
vigil_store_call_finish (VigilStore    *self,
                         GAsyncResult  *result,
                         gpointer       source_tag,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* Meta */

static gboolean
read_meta (VigilStore  *self,
           const char  *key,
           char       **out_value,
           GError     **error)
{
  static const GType types[] = { G_TYPE_STRING, G_TYPE_NONE };
  g_autoptr(GdaDataModel) model = NULL;
  GValue param = G_VALUE_INIT;
  const GValue *value;

  g_value_init (&param, G_TYPE_STRING);
  g_value_set_string (&param, key);
  model = vigil_store_query (self, "SELECT value FROM vigil_meta WHERE key = ##p0::string",
                             &param, 1, types, error);
  g_value_unset (&param);
  if (model == NULL)
    return FALSE;

  *out_value = NULL;
  if (gda_data_model_get_n_rows (model) > 0)
    {
      value = gda_data_model_get_value_at (model, 0, 0, error);
      if (value == NULL)
        return FALSE;
      if (!gda_value_is_null (value))
        *out_value = g_value_dup_string (value);
    }

  return TRUE;
}

static gboolean
write_meta (VigilStore  *self,
            const char  *key,
            const char  *value,
            GError     **error)
{
  GValue params[2] = { G_VALUE_INIT, G_VALUE_INIT };
  int rows = 0;
  gboolean ok;

  g_value_init (&params[0], G_TYPE_STRING);
  g_value_set_string (&params[0], value);
  g_value_init (&params[1], G_TYPE_STRING);
  g_value_set_string (&params[1], key);

  ok = vigil_store_execute (self, "UPDATE vigil_meta SET value = ##p0::string WHERE key = ##p1::string",
                            params, 2, &rows, error);
  if (ok && rows == 0)
    ok = vigil_store_execute (self, "INSERT INTO vigil_meta (value, key) VALUES (##p0::string, ##p1::string)",
                              params, 2, NULL, error);

  g_value_unset (&params[0]);
  g_value_unset (&params[1]);
  return ok;
}

static gboolean
run_pragma (GdaConnection  *cnc,
            const char     *pragma,
            GError        **error)
{
  g_autoptr(GdaDataModel) model = NULL;

  /* The SQLite provider treats PRAGMA as a SELECT */
  model = gda_connection_execute_select_command (cnc, pragma, error);
  return model != NULL;
}

/* Migrations */

static char *
expand_migration (VigilStore *self,
                  const char *text)
{
  g_autoptr(GString) sql = g_string_new (text);

  g_string_replace (sql, "{{ID}}",
                    self->location->engine == VIGIL_ENGINE_SQLITE
                      ? "INTEGER PRIMARY KEY AUTOINCREMENT"
                      : "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY",
                    0);
  return g_string_free (g_steal_pointer (&sql), FALSE);
}

/* Statements end with ";" at the end of a line; "--" starts a comment line. */
static GPtrArray *
split_statements (const char *sql)
{
  g_autoptr(GPtrArray) statements = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) lines = g_strsplit (sql, "\n", -1);
  g_autoptr(GString) current = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = g_strstrip (g_strdup (lines[i]));

      if (*line == '\0' || g_str_has_prefix (line, "--"))
        continue;

      if (current->len > 0)
        g_string_append_c (current, '\n');
      g_string_append (current, line);

      if (g_str_has_suffix (line, ";"))
        {
          g_string_truncate (current, current->len - 1);
          g_ptr_array_add (statements, g_strdup (current->str));
          g_string_truncate (current, 0);
        }
    }

  if (current->len > 0)
    g_ptr_array_add (statements, g_strdup (current->str));

  return g_steal_pointer (&statements);
}

typedef struct
{
  int version;
  const char *resource;
} Migration;

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
apply_migration_cb (VigilStore  *self,
                    gpointer     user_data,
                    GError     **error)
{
  Migration *migration = user_data;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *text = NULL;
  g_autofree char *version = NULL;
  g_autoptr(GPtrArray) statements = NULL;

  bytes = g_resources_lookup_data (migration->resource, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return FALSE;

  text = expand_migration (self, g_bytes_get_data (bytes, NULL));
  statements = split_statements (text);

  for (guint i = 0; i < statements->len; i++)
    {
      g_autoptr(GError) local_error = NULL;

      /* DDL is run once: no need to keep it in the statement cache */
      gda_connection_execute_non_select_command (find_lease (self)->link->cnc, g_ptr_array_index (statements, i), &local_error);
      if (local_error != NULL)
        {
          g_set_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_FAILED,
                       _("Could not upgrade the database to schema version %d: %s"),
                       migration->version, local_error->message);
          return FALSE;
        }
    }

  version = g_strdup_printf ("%d", migration->version);
  if (!write_meta (self, "schema_version", version, error))
    return FALSE;

  if (migration->version == 1)
    {
      g_autofree char *now = vigil_store_now ();
      g_autofree char *uuid = g_uuid_string_random ();

      if (!write_meta (self, "store_kind", "real", error) ||
          !write_meta (self, "created_at", now, error) ||
          !write_meta (self, "store_uuid", uuid, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
list_user_tables (VigilStore  *self,
                  GHashTable **out_tables,
                  GError     **error)
{
  static const GType types[] = { G_TYPE_STRING, G_TYPE_NONE };
  g_autoptr(GdaDataModel) model = NULL;
  g_autoptr(GHashTable) tables = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  int n;

  model = vigil_store_query (self,
                             self->location->engine == VIGIL_ENGINE_SQLITE
                               ? "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                               : "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()",
                             NULL, 0, types, error);
  if (model == NULL)
    return FALSE;

  n = gda_data_model_get_n_rows (model);
  for (int i = 0; i < n; i++)
    {
      const GValue *value = gda_data_model_get_value_at (model, 0, i, error);

      if (value == NULL)
        return FALSE;
      if (!gda_value_is_null (value))
        g_hash_table_add (tables, g_value_dup_string (value));
    }

  *out_tables = g_steal_pointer (&tables);
  return TRUE;
}

static gboolean
migrate (VigilStore  *self,
         GError     **error)
{
  g_autoptr(GHashTable) tables = NULL;
  g_auto(GStrv) names = NULL;
  g_autofree char *display = vigil_location_to_display_string (self->location);
  g_autofree char *kind = NULL;
  int version = 0;

  if (!list_user_tables (self, &tables, error))
    return FALSE;

  if (g_hash_table_size (tables) > 0)
    {
      g_autofree char *version_text = NULL;

      if (!g_hash_table_contains (tables, "vigil_meta"))
        {
          g_set_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_NOT_VIGIL,
                       _("“%s” holds a database that is not a Vigil store. "
                         "Nothing was changed; choose another location."),
                       display);
          return FALSE;
        }

      if (!read_meta (self, "schema_version", &version_text, error))
        return FALSE;

      version = version_text ? atoi (version_text) : 0;
      if (version <= 0)
        {
          g_set_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_NOT_VIGIL,
                       _("“%s” looks like a Vigil store but has no schema version: "
                         "it may be damaged. Nothing was changed."),
                       display);
          return FALSE;
        }
    }

  if (version > VIGIL_SCHEMA_VERSION)
    {
      g_set_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_NEWER_SCHEMA,
                   _("“%s” was made by a newer version of Vigil (schema version %d; this "
                     "version reads up to %d). Update Vigil to open it; nothing was changed."),
                   display, version, VIGIL_SCHEMA_VERSION);
      return FALSE;
    }

  /* Only now that it is known to be a Vigil store (or empty) may the file change:
   * write-ahead logging lets the GUI read while a worker writes. */
  if (self->location->engine == VIGIL_ENGINE_SQLITE)
    {
      g_autoptr(GError) local_error = NULL;

      if (!run_pragma (find_lease (self)->link->cnc, "PRAGMA journal_mode = WAL", &local_error))
        {
          g_autofree char *what = g_strdup_printf (_("Cannot open “%s”"), display);

          propagate_engine_error (error, g_steal_pointer (&local_error), what);
          return FALSE;
        }
    }

  names = g_resources_enumerate_children (MIGRATIONS_PATH, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (names == NULL)
    return FALSE;
  qsort (names, g_strv_length (names), sizeof (char *), compare_strings);

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autofree char *resource = g_build_path ("/", MIGRATIONS_PATH, names[i], NULL);
      Migration migration = { atoi (names[i]), resource };

      if (migration.version <= version)
        continue;

      if (migration.version != version + 1)
        {
          g_set_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_FAILED,
                       "Migration %s does not follow schema version %d", names[i], version);
          return FALSE;
        }

      g_debug ("Migrating %s to schema version %d", display, migration.version);
      if (!vigil_store_run_in_transaction (self, apply_migration_cb, &migration, error))
        return FALSE;

      version = migration.version;
    }

  self->schema_version = version;

  if (!read_meta (self, "store_kind", &kind, error))
    return FALSE;
  self->kind = g_strcmp0 (kind, "demo") == 0 ? VIGIL_STORE_KIND_DEMO : VIGIL_STORE_KIND_REAL;

  return TRUE;
}

/* Opening */

/* A SQLite file is a SQLite file when it is empty or starts with this header. */
static gboolean
check_sqlite_file (const char  *path,
                   GError     **error)
{
  static const char header[16] = "SQLite format 3";
  char buffer[16];
  ssize_t n;
  int fd;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, VIGIL_STORE_ERROR,
                   saved_errno == EACCES ? VIGIL_STORE_ERROR_PERMISSION : VIGIL_STORE_ERROR_FAILED,
                   _("Cannot read “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  n = read (fd, buffer, sizeof buffer);
  close (fd);

  if (n == 0)
    return TRUE;

  if (n != sizeof buffer || memcmp (buffer, header, sizeof header) != 0)
    {
      g_set_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_NOT_VIGIL,
                   _("“%s” is not a Vigil store: it is not a SQLite database file. "
                     "Nothing was changed."),
                   path);
      return FALSE;
    }

  return TRUE;
}

/* The folder holding Vigil's own files and every file Vigil creates are readable by
 * their owner only. */
static gboolean
create_sqlite_file (const char  *path,
                    GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *default_dir = vigil_location_get_default_dir ();
  gboolean own_dir = g_str_equal (dir, default_dir);
  int fd;

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      own_dir = TRUE;
      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_PERMISSION,
                       _("Cannot create the folder “%s”: %s"), dir, g_strerror (saved_errno));
          return FALSE;
        }
    }

  if (own_dir && g_chmod (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_PERMISSION,
                   _("Cannot make the folder “%s” private: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, VIGIL_STORE_ERROR,
                   saved_errno == EACCES ? VIGIL_STORE_ERROR_PERMISSION : VIGIL_STORE_ERROR_FAILED,
                   _("Cannot create “%s”: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  /* umask can only narrow 0600, but be explicit */
  if (fchmod (fd, 0600) != 0)
    {
      int saved_errno = errno;

      close (fd);
      g_set_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_PERMISSION,
                   _("Cannot make “%s” private: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  close (fd);
  return TRUE;
}

static char *
encode_param (const char *value)
{
  return gda_rfc1738_encode (value ? value : "");
}

static GdaConnection *
open_sqlite (const VigilLocation  *location,
             VigilStoreOpenFlags   flags,
             gboolean              reader,
             gboolean             *created,
             GError              **error)
{
  g_autoptr(GdaConnection) cnc = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *dir = g_path_get_dirname (location->path);
  g_autofree char *name = g_path_get_basename (location->path);
  g_autofree char *enc_dir = encode_param (dir);
  g_autofree char *enc_name = encode_param (name);
  g_autofree char *cnc_string = NULL;

  *created = FALSE;

  if (g_file_test (location->path, G_FILE_TEST_EXISTS))
    {
      if (!g_file_test (location->path, G_FILE_TEST_IS_REGULAR))
        {
          g_set_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_INVALID_LOCATION,
                       _("“%s” is not a file. Choose a database file."), location->path);
          return NULL;
        }
      if (!check_sqlite_file (location->path, error))
        return NULL;
    }
  else if (flags & VIGIL_STORE_OPEN_CREATE)
    {
      if (!create_sqlite_file (location->path, error))
        return NULL;
      *created = TRUE;
    }
  else
    {
      g_set_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_NOT_FOUND,
                   _("There is no Vigil store at “%s”."), location->path);
      return NULL;
    }

  cnc_string = g_strdup_printf ("DB_DIR=%s;DB_NAME=%s;APPEND_DB_EXTENSION=FALSE", enc_dir, enc_name);
  cnc = gda_connection_open_from_string ("SQLite", cnc_string, NULL, GDA_CONNECTION_OPTIONS_NONE, &local_error);
  if (cnc == NULL)
    {
      VigilStoreError code = classify_engine_error (local_error->message);

      if (code == VIGIL_STORE_ERROR_CORRUPT)
        g_set_error (error, VIGIL_STORE_ERROR, code,
                     _("“%s” is damaged or is not a database (%s). Nothing was changed; "
                       "open a backup or choose another file."),
                     location->path, local_error->message);
      else if (code == VIGIL_STORE_ERROR_LOCKED)
        g_set_error (error, VIGIL_STORE_ERROR, code,
                     _("“%s” is busy: another program is writing to it. Try again in a "
                       "moment, or close the other program. (%s)"),
                     location->path, local_error->message);
      else
        g_set_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_CONNECT,
                     _("Cannot open “%s”: %s"), location->path, local_error->message);
      goto failed;
    }

  {
    /* VIGIL_SQLITE_BUSY_TIMEOUT_MS: how long to wait for another writer (tests shorten it) */
    const char *timeout_env = g_getenv ("VIGIL_SQLITE_BUSY_TIMEOUT_MS");
    int timeout = timeout_env ? atoi (timeout_env) : SQLITE_BUSY_TIMEOUT_MS;
    g_autofree char *busy = g_strdup_printf ("PRAGMA busy_timeout = %d", timeout > 0 ? timeout : SQLITE_BUSY_TIMEOUT_MS);

    if (!run_pragma (cnc, busy, &local_error) ||
        !run_pragma (cnc, "PRAGMA foreign_keys = ON", &local_error) ||
        !run_pragma (cnc, "PRAGMA synchronous = NORMAL", &local_error) ||
        (reader && !run_pragma (cnc, "PRAGMA query_only = ON", &local_error)))
      {
        g_autofree char *what = g_strdup_printf (_("Cannot open “%s”"), location->path);

        propagate_engine_error (error, g_steal_pointer (&local_error), what);
        goto failed;
      }
  }

  return g_steal_pointer (&cnc);

failed:
  if (cnc != NULL)
    gda_connection_close (cnc);
  if (*created)
    g_unlink (location->path);
  return NULL;
}

static GdaConnection *
open_postgresql (const VigilLocation  *location,
                 GError              **error)
{
  g_autoptr(GdaConnection) cnc = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GString) cnc_string = g_string_new (NULL);
  g_autoptr(GString) auth_string = g_string_new (NULL);
  g_autofree char *display = vigil_location_to_display_string (location);
  g_autofree char *enc_host = encode_param (location->host);
  g_autofree char *enc_db = encode_param (location->dbname);

  g_string_append_printf (cnc_string, "HOST=%s;DB_NAME=%s;CONNECT_TIMEOUT=%d",
                          enc_host, enc_db, PG_CONNECT_TIMEOUT_S);
  if (location->port > 0)
    g_string_append_printf (cnc_string, ";PORT=%u", location->port);

  if (location->user != NULL)
    {
      g_autofree char *enc_user = encode_param (location->user);

      g_string_append_printf (auth_string, "USERNAME=%s", enc_user);
    }
  if (location->password != NULL)
    {
      g_autofree char *enc_password = encode_param (location->password);

      g_string_append_printf (auth_string, "%sPASSWORD=%s", auth_string->len ? ";" : "", enc_password);
      memset (enc_password, 0, strlen (enc_password));
    }

  cnc = gda_connection_open_from_string ("PostgreSQL", cnc_string->str,
                                         auth_string->len ? auth_string->str : NULL,
                                         GDA_CONNECTION_OPTIONS_NONE, &local_error);
  memset (auth_string->str, 0, auth_string->len);

  if (cnc == NULL)
    {
      g_autofree char *message = g_strdup (local_error && local_error->message ? local_error->message : "");

      g_strstrip (message);
      g_set_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_CONNECT,
                   _("Cannot connect to the PostgreSQL database %s: %s"),
                   display, *message ? message : _("the server did not answer"));
      return NULL;
    }

  return g_steal_pointer (&cnc);
}

/* PostgreSQL: a server far away takes several round trips to accept a connection, so
 * the whole pool is opened in the background now rather than when a view first needs
 * it (each worker wants its own, and a dossier's reads use them all at once). */
#define WARM_PG_LINKS MAX_PG_LINKS

static gpointer
warm_pool_thread (gpointer user_data)
{
  g_autoptr(VigilStore) self = user_data;
  g_autoptr(GPtrArray) links = g_ptr_array_new ();

  /* take (and so open) that many at once, then give them back */
  for (guint i = 0; i < WARM_PG_LINKS; i++)
    {
      g_autoptr(GError) error = NULL;
      Link *link;

      g_mutex_lock (&self->pool_lock);
      if (self->closed || self->n_links >= self->max_links)
        {
          g_mutex_unlock (&self->pool_lock);
          break;
        }
      g_mutex_unlock (&self->pool_lock);
      link = acquire_link (self, FALSE, &error);
      if (link == NULL)
        {
          g_debug ("Could not open a spare connection: %s", error->message);
          break;
        }
      g_ptr_array_add (links, link);
    }
  for (guint i = 0; i < links->len; i++)
    release_link (self, g_ptr_array_index (links, i));
  return NULL;
}

/**
 * vigil_store_warm_up:
 *
 * On PostgreSQL, opens the pool's connections in the background, so that the first
 * views' reads do not each wait for a connection to be accepted. The GUI calls it
 * once a store is open; one-shot commands need not.
 */
void
vigil_store_warm_up (VigilStore *self)
{
  g_return_if_fail (VIGIL_IS_STORE (self));

  if (self->location->engine == VIGIL_ENGINE_POSTGRESQL)
    g_thread_unref (g_thread_new ("vigil-store-warm", warm_pool_thread, g_object_ref (self)));
}

/**
 * vigil_store_open:
 * @location: where the store is
 * @flags: %VIGIL_STORE_OPEN_CREATE to create a missing SQLite file
 *
 * Opens the store, upgrading its schema to the current version. A location that is
 * not a Vigil store, a newer schema, a damaged or locked file, a bad address or an
 * unreachable server gives an error and changes nothing.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
VigilStore *
vigil_store_open (const VigilLocation  *location,
                  VigilStoreOpenFlags   flags,
                  GCancellable         *cancellable,
                  GError              **error)
{
  g_autoptr(VigilStore) self = NULL;
  gboolean created = FALSE;

  g_return_val_if_fail (location != NULL, NULL);

  vigil_core_init ();

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  self = g_object_new (VIGIL_TYPE_STORE, NULL);
  self->location = vigil_location_copy (location);

  {
    GdaConnection *cnc;
    Lease *lease;
    gboolean ok;

    if (location->engine == VIGIL_ENGINE_SQLITE)
      cnc = open_sqlite (location, flags, FALSE, &created, error);
    else
      cnc = open_postgresql (location, error);

    if (cnc == NULL)
      return NULL;

    /* The first connection migrates, leased to this thread for the whole upgrade; on
     * SQLite it stays the writer, on PostgreSQL the first of the pool. */
    if (location->engine == VIGIL_ENGINE_SQLITE)
      {
        self->writer = link_new (cnc, TRUE);
        self->writer_leased = TRUE;
        self->max_links = MAX_SQLITE_READERS;
        lease = push_lease (self, self->writer);
      }
    else
      {
        self->n_links = 1;
        self->max_links = MAX_PG_LINKS;
        lease = push_lease (self, link_new (cnc, TRUE));
      }

    ok = !g_cancellable_set_error_if_cancelled (cancellable, error) && migrate (self, error);
    end_lease (lease);

    if (!ok)
      {
        vigil_store_close (self);
        if (created)
          g_unlink (location->path);
        return NULL;
      }
  }

  return g_steal_pointer (&self);
}

typedef struct
{
  VigilLocation *location;
  VigilStoreOpenFlags flags;
} OpenData;

static void
open_data_free (OpenData *data)
{
  vigil_location_free (data->location);
  g_free (data);
}

static void
open_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  OpenData *data = task_data;
  GError *error = NULL;
  VigilStore *store;

  store = vigil_store_open (data->location, data->flags, cancellable, &error);
  if (store == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, store, g_object_unref);
}

void
vigil_store_open_async (const VigilLocation  *location,
                        VigilStoreOpenFlags   flags,
                        GCancellable         *cancellable,
                        GAsyncReadyCallback   callback,
                        gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  OpenData *data;

  g_return_if_fail (location != NULL);

  data = g_new0 (OpenData, 1);
  data->location = vigil_location_copy (location);
  data->flags = flags;

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, vigil_store_open_async);
  g_task_set_task_data (task, data, (GDestroyNotify) open_data_free);
  g_task_run_in_thread (task, open_thread);
}

VigilStore *
vigil_store_open_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

void
vigil_store_close (VigilStore *self)
{
  g_return_if_fail (VIGIL_IS_STORE (self));

  g_autoptr(GPtrArray) to_close = g_ptr_array_new_with_free_func ((GDestroyNotify) link_free);

  /* Idle connections close now; leased ones when their lease ends. */
  g_mutex_lock (&self->pool_lock);
  self->closed = TRUE;
  if (self->writer != NULL && !self->writer_leased)
    g_ptr_array_add (to_close, g_steal_pointer (&self->writer));
  while (self->idle->len > 0)
    {
      g_ptr_array_add (to_close, g_ptr_array_steal_index_fast (self->idle, self->idle->len - 1));
      self->n_links--;
    }
  g_cond_broadcast (&self->pool_cond);
  g_mutex_unlock (&self->pool_lock);
}

const VigilLocation *
vigil_store_get_location (VigilStore *self)
{
  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);

  return self->location;
}

VigilEngine
vigil_store_get_engine (VigilStore *self)
{
  g_return_val_if_fail (VIGIL_IS_STORE (self), VIGIL_ENGINE_SQLITE);

  return self->location->engine;
}

VigilStoreKind
vigil_store_get_kind (VigilStore *self)
{
  g_return_val_if_fail (VIGIL_IS_STORE (self), VIGIL_STORE_KIND_REAL);

  return self->kind;
}

int
vigil_store_get_schema_version (VigilStore *self)
{
  g_return_val_if_fail (VIGIL_IS_STORE (self), 0);

  return self->schema_version;
}

const char *
vigil_store_get_actor (VigilStore *self)
{
  g_return_val_if_fail (VIGIL_IS_STORE (self), NULL);

  return self->actor;
}

void
vigil_store_set_actor (VigilStore *self,
                       const char *actor)
{
  g_return_if_fail (VIGIL_IS_STORE (self));
  g_return_if_fail (actor != NULL && *actor != '\0');

  g_free (self->actor);
  self->actor = g_strdup (actor);
}


/* Empty: no person, incident, profile, meeting or any other record yet. */
gboolean
vigil_store_is_empty (VigilStore  *self,
                      GError     **error)
{
  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);

  for (guint i = 0; vigil_record_types[i] != NULL; i++)
    {
      g_autofree char *sql = g_strdup_printf ("SELECT COUNT(*) FROM (SELECT id FROM %s LIMIT 1) AS t",
                                              vigil_record_types[i]->table);
      gint64 n = 0;

      if (!query_int64 (self, sql, &n, error))
        return FALSE;
      if (n > 0)
        return FALSE;
    }

  return TRUE;
}

gboolean
vigil_store_get_meta (VigilStore  *self,
                      const char  *key,
                      char       **value,
                      GError     **error)
{
  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL && value != NULL, FALSE);

  return read_meta (self, key, value, error);
}

typedef struct
{
  const char *key;
  const char *value;
} MetaPair;

static gboolean
set_meta_cb (VigilStore  *self,
             gpointer     user_data,
             GError     **error)
{
  MetaPair *pair = user_data;

  return write_meta (self, pair->key, pair->value, error);
}

gboolean
vigil_store_set_meta (VigilStore  *self,
                      const char  *key,
                      const char  *value,
                      GError     **error)
{
  MetaPair pair = { key, value };

  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);
  g_return_val_if_fail (key != NULL && value != NULL, FALSE);
  /* these are the store's own and change only through their own functions */
  g_return_val_if_fail (!g_str_equal (key, "schema_version") && !g_str_equal (key, "store_kind"), FALSE);

  return vigil_store_run_in_transaction (self, set_meta_cb, &pair, error);
}

static gboolean
touch_facts_cb (VigilStore  *self,
                gpointer     user_data,
                GError     **error)
{
  g_autofree char *value = NULL;
  g_autofree char *next = NULL;
  gint64 generation = 0;

  if (!vigil_store_get_meta (self, "facts_generation", &value, error))
    return FALSE;
  if (value != NULL)
    generation = g_ascii_strtoll (value, NULL, 10);
  next = g_strdup_printf ("%" G_GINT64_FORMAT, generation + 1);
  return write_meta (self, "facts_generation", next, error);
}

/* Bumps the facts generation; call it inside the transaction that changes incidents
 * or people's references, so that the bump commits or rolls back with the change. */
gboolean
vigil_store_touch_facts (VigilStore  *self,
                         GError     **error)
{
  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);

  return vigil_store_run_in_transaction (self, touch_facts_cb, NULL, error);
}

gint64
vigil_store_get_facts_generation (VigilStore  *self,
                                  GError     **error)
{
  g_autofree char *value = NULL;

  g_return_val_if_fail (VIGIL_IS_STORE (self), -1);

  if (!vigil_store_get_meta (self, "facts_generation", &value, error))
    return -1;
  return value != NULL ? g_ascii_strtoll (value, NULL, 10) : 0;
}

static gboolean
mark_demo_cb (VigilStore  *self,
              gpointer     user_data,
              GError     **error)
{
  return write_meta (self, "store_kind", "demo", error);
}

/* Marks an empty store as the demo. A store with records stays what it is: real
 * and demo data never mix. */
gboolean
vigil_store_mark_demo (VigilStore  *self,
                       GError     **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (VIGIL_IS_STORE (self), FALSE);

  if (self->kind == VIGIL_STORE_KIND_DEMO)
    return TRUE;

  if (!vigil_store_is_empty (self, &local_error))
    {
      if (local_error != NULL)
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_set_error (error, VIGIL_STORE_ERROR, VIGIL_STORE_ERROR_KIND_MISMATCH,
                     _("This store already holds records, so it cannot become the demo: "
                       "real and demo data never mix."));
      return FALSE;
    }

  if (!vigil_store_run_in_transaction (self, mark_demo_cb, NULL, error))
    return FALSE;

  self->kind = VIGIL_STORE_KIND_DEMO;
  return TRUE;
}
