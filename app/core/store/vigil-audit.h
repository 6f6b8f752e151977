/* vigil-audit.h: the append-only, hash-chained audit log
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-store.h"

G_BEGIN_DECLS

#define VIGIL_AUDIT_ERROR (vigil_audit_error_quark ())

typedef enum
{
  VIGIL_AUDIT_ERROR_TAMPERED, /* a row was changed, removed, inserted or reordered */
} VigilAuditError;

typedef struct
{
  gint64 seq;
  char *logged_at;
  char *actor;
  char *action;      /* "create", "update", "delete", "view", ... */
  char *entity;      /* table name */
  gint64 entity_id;
  gint64 person_id;  /* the person the row concerns, 0 when none */
  char *detail;      /* JSON: field names changed, never their values */
  char *prev_hash;
  char *hash;
} VigilAuditEntry;

GQuark     vigil_audit_error_quark (void);
void       vigil_audit_entry_free  (VigilAuditEntry *entry);

/* Appends one row (in the caller's transaction, or its own). */
gboolean   vigil_audit_append      (VigilStore  *store,
                                    const char  *action,
                                    const char  *entity,
                                    gint64       entity_id,
                                    gint64       person_id,
                                    const char  *detail,
                                    GError     **error);
gboolean   vigil_audit_append_view (VigilStore  *store,
                                    gint64       person_id,
                                    gint64      *seq,
                                    GError     **error);
/* The chain's hash of one row; for writers that bypass libgda (bulk import). */
char      *vigil_audit_compute_hash (const char *prev_hash,
                                     gint64      seq,
                                     const char *logged_at,
                                     const char *actor,
                                     const char *action,
                                     const char *entity,
                                     gint64      entity_id,
                                     gint64      person_id,
                                     const char *detail);
/* Rows concerning @person_id (0: all), newest first, at most @limit (0: all). */
GPtrArray *vigil_audit_list        (VigilStore  *store,
                                    gint64       person_id,
                                    guint        limit,
                                    GError     **error);
/* The field names an entry's detail lists (never values), NULL-terminated; empty when
 * it lists none or its detail cannot be read. */
char     **vigil_audit_entry_dup_fields (const VigilAuditEntry *entry);
/* Walks the whole chain; FALSE with VIGIL_AUDIT_ERROR_TAMPERED naming the first bad row. */
gboolean   vigil_audit_verify      (VigilStore  *store,
                                    gint64      *n_rows,
                                    GError     **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilAuditEntry, vigil_audit_entry_free)

G_END_DECLS
