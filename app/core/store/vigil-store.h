/* vigil-store.h: the Vigil store over libgda (SQLite file or PostgreSQL)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>
#include <libgda/libgda.h>

#include "vigil-location.h"

G_BEGIN_DECLS

/* libgda 5.2 predates g_autoptr */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GdaConnection, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GdaDataModel, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GdaSet, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GdaSqlParser, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (GdaStatement, g_object_unref)

#define VIGIL_STORE_ERROR (vigil_store_error_quark ())

typedef enum
{
  VIGIL_STORE_ERROR_FAILED,
  VIGIL_STORE_ERROR_INVALID_LOCATION, /* a connection string or path that cannot be used */
  VIGIL_STORE_ERROR_CONNECT,          /* server unreachable, authentication failed, ... */
  VIGIL_STORE_ERROR_NOT_FOUND,        /* no database at that location, or no such record */
  VIGIL_STORE_ERROR_NOT_VIGIL,        /* a database, but not a Vigil one */
  VIGIL_STORE_ERROR_NEWER_SCHEMA,     /* made by a newer Vigil */
  VIGIL_STORE_ERROR_CORRUPT,          /* the file is damaged or not a database */
  VIGIL_STORE_ERROR_LOCKED,           /* another program holds the database */
  VIGIL_STORE_ERROR_CONFLICT,         /* optimistic lock: someone else changed the record */
  VIGIL_STORE_ERROR_INVALID,          /* a record failed validation */
  VIGIL_STORE_ERROR_KIND_MISMATCH,    /* demo data asked of a real store, or the reverse */
  VIGIL_STORE_ERROR_PERMISSION,       /* file or folder permissions */
} VigilStoreError;

/* What the store holds: real records, or the synthetic demo. They never mix. */
typedef enum
{
  VIGIL_STORE_KIND_REAL,
  VIGIL_STORE_KIND_DEMO,
} VigilStoreKind;

typedef enum
{
  VIGIL_STORE_OPEN_NONE   = 0,
  VIGIL_STORE_OPEN_CREATE = 1 << 0, /* create the SQLite file (and its folder) when missing */
} VigilStoreOpenFlags;

/* The current schema version, written by the last migration. */
#define VIGIL_SCHEMA_VERSION 7

#define VIGIL_TYPE_STORE (vigil_store_get_type ())
G_DECLARE_FINAL_TYPE (VigilStore, vigil_store, VIGIL, STORE, GObject)

typedef gboolean (*VigilStoreWorkFunc) (VigilStore  *store,
                                        gpointer     user_data,
                                        GError     **error);

GQuark               vigil_store_error_quark        (void);
VigilStore          *vigil_store_open               (const VigilLocation  *location,
                                                     VigilStoreOpenFlags   flags,
                                                     GCancellable         *cancellable,
                                                     GError              **error);
void                 vigil_store_open_async         (const VigilLocation  *location,
                                                     VigilStoreOpenFlags   flags,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
VigilStore          *vigil_store_open_finish        (GAsyncResult         *result,
                                                     GError              **error);
void                 vigil_store_close              (VigilStore           *self);
const VigilLocation *vigil_store_get_location       (VigilStore           *self);
VigilEngine          vigil_store_get_engine         (VigilStore           *self);
VigilStoreKind       vigil_store_get_kind           (VigilStore           *self);
gboolean             vigil_store_mark_demo          (VigilStore           *self,
                                                     GError              **error);
/* Small facts about the store itself (vigil_meta): "demo_complete", ... */
gboolean             vigil_store_get_meta           (VigilStore           *self,
                                                     const char           *key,
                                                     char                **value,
                                                     GError              **error);
gboolean             vigil_store_set_meta           (VigilStore           *self,
                                                     const char           *key,
                                                     const char           *value,
                                                     GError              **error);
/* The facts generation: a counter in vigil_meta ("facts_generation") that every writer
 * of incidents or of people's references bumps inside its own transaction, so that a
 * cache of the scoring facts can tell whether it is still current. 0 when never set. */
gboolean             vigil_store_touch_facts        (VigilStore           *self,
                                                     GError              **error);
gint64               vigil_store_get_facts_generation (VigilStore         *self,
                                                       GError            **error);
int                  vigil_store_get_schema_version (VigilStore           *self);
const char          *vigil_store_get_actor          (VigilStore           *self);
void                 vigil_store_set_actor          (VigilStore           *self,
                                                     const char           *actor);
gboolean             vigil_store_is_empty           (VigilStore           *self,
                                                     GError              **error);

/* Unit of work: holds the connection lock and runs @func inside one transaction;
 * commits when it returns TRUE, rolls back everything when it returns FALSE. Nested
 * calls join the outer transaction. */
gboolean             vigil_store_run_in_transaction (VigilStore           *self,
                                                     VigilStoreWorkFunc    func,
                                                     gpointer              user_data,
                                                     GError              **error);
/* A read of several statements on one connection in one read transaction (one state
 * of the store); joins a transaction of the same store on the same thread. */
gboolean             vigil_store_run_read           (VigilStore           *self,
                                                     VigilStoreWorkFunc    func,
                                                     gpointer              user_data,
                                                     GError              **error);
/* Independent reads that together make one view (a dossier). On PostgreSQL, where each
 * statement is a round trip, they run at once, each on a connection of its own and
 * with no transaction around it (each statement sees the store as it is then); on
 * SQLite, where reads are local, one after the other in one read transaction. Inside
 * a unit of the same store on the calling thread, one after the other in it. Each
 * @funcs[i] gets @user_data and must write only what no other one reads. The first
 * failing one (in the order given) gives @error. */
gboolean             vigil_store_run_reads          (VigilStore                *self,
                                                     const VigilStoreWorkFunc  *funcs,
                                                     guint                      n_funcs,
                                                     gpointer                   user_data,
                                                     GError                   **error);
/* PostgreSQL: opens a few spare connections in the background (for the GUI). */
void                 vigil_store_warm_up            (VigilStore           *self);
/* Whether the calling thread is inside a unit of work (a transaction or a read) of
 * this store: what it reads must then come through that unit. */
gboolean             vigil_store_is_in_unit         (VigilStore           *self);
/* Emits "changed" for @tables on the store's main context; the store calls it after
 * each commit, bulk paths on their own connections after theirs. */
void                 vigil_store_notify_changed     (VigilStore           *self,
                                                     const char * const   *tables);

/* Plain statements with positional parameters. @params holds GValues (may be NULL);
 * a NULL or G_TYPE_INVALID GValue binds SQL NULL. Parameters are written as
 * "##p0::string::null", "##p1::gint64::null", ... in @sql. */
gboolean             vigil_store_execute            (VigilStore           *self,
                                                     const char           *sql,
                                                     const GValue         *params,
                                                     guint                 n_params,
                                                     int                  *rows_affected,
                                                     GError              **error);
GdaDataModel        *vigil_store_query              (VigilStore           *self,
                                                     const char           *sql,
                                                     const GValue         *params,
                                                     guint                 n_params,
                                                     const GType          *column_types,
                                                     GError              **error);
gint64               vigil_store_last_insert_id     (VigilStore           *self,
                                                     GError              **error);

/* A call into the store on a worker thread (GTask): @func runs there with its own
 * connection from the pool and returns a result (freed with @result_free) or NULL with
 * @error set. The callback runs on the caller's main context; a cancelled call
 * finishes with G_IO_ERROR_CANCELLED. The core's _async/_finish pairs are built on it. */
typedef gpointer (*VigilStoreCallFunc) (VigilStore    *store,
                                        gpointer       task_data,
                                        GCancellable  *cancellable,
                                        GError       **error);

void                 vigil_store_call_async         (VigilStore           *self,
                                                     gpointer              source_tag,
                                                     VigilStoreCallFunc    func,
                                                     gpointer              task_data,
                                                     GDestroyNotify        task_data_free,
                                                     GDestroyNotify        result_free,
                                                     GCancellable         *cancellable,
                                                     GAsyncReadyCallback   callback,
                                                     gpointer              user_data);
gpointer             vigil_store_call_finish        (VigilStore           *self,
                                                     GAsyncResult         *result,
                                                     gpointer              source_tag,
                                                     GError              **error);

/* Long work reports how far it is from the worker; the report reaches the caller's
 * main context at low priority, the latest one only (a fast worker does not flood the
 * window). @message may be NULL. */
typedef struct _VigilProgress VigilProgress;
typedef void (*VigilProgressFunc) (double      fraction,
                                   const char *message,
                                   gpointer    user_data);

void                 vigil_progress_report          (VigilProgress        *progress,
                                                     double                fraction,
                                                     const char           *message);

typedef gpointer (*VigilStoreProgressCallFunc) (VigilStore     *store,
                                                gpointer        task_data,
                                                VigilProgress  *progress,
                                                GCancellable   *cancellable,
                                                GError        **error);

/* vigil_store_call_async with progress: @progress_func (may be NULL) runs on the
 * caller's main context; @progress_destroy frees @progress_data after the last report
 * (and after the callback). Finish with vigil_store_call_finish. */
void                 vigil_store_call_with_progress_async (VigilStore                 *self,
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
                                                           gpointer                    user_data);

/* Timestamps are ISO 8601 UTC text, "2026-11-25T14:34:45Z". */
char                *vigil_store_now                (void);

G_END_DECLS
