/* vigil-record.h: typed domain records and their generic repository
 *
 * Every entity of the domain model is a plain C struct whose first member is a
 * VigilRecord, described by a VigilRecordType (table, fields, offsets). The store
 * reads, writes, validates and audits any of them through the functions below, so
 * each entity has the same create / fetch / update / delete, optimistic locking
 * (rev) and audit trail.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-store.h"

G_BEGIN_DECLS

typedef struct _VigilRecordType VigilRecordType;

typedef enum
{
  VIGIL_FIELD_TEXT,      /* char *, free text */
  VIGIL_FIELD_CHOICE,    /* char *, one of VigilField.choices */
  VIGIL_FIELD_DATE,      /* char *, "YYYY-MM-DD" */
  VIGIL_FIELD_DATETIME,  /* char *, "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM[:SS][Z]" */
  VIGIL_FIELD_INT,       /* gint64 */
  VIGIL_FIELD_BOOL,      /* gboolean */
  VIGIL_FIELD_DOUBLE,    /* double */
  VIGIL_FIELD_REF,       /* gint64 id of another record, 0 = none */
} VigilFieldKind;

typedef enum
{
  VIGIL_FIELD_NONE     = 0,
  VIGIL_FIELD_REQUIRED = 1 << 0, /* text must be non-empty, a ref non-zero */
  VIGIL_FIELD_UUID     = 1 << 1, /* TEXT: a random UUID is set on insert when empty */
} VigilFieldFlags;

typedef struct
{
  const char         *name;     /* column name */
  VigilFieldKind      kind;
  gsize               offset;   /* within the record struct */
  VigilFieldFlags     flags;
  const char * const *choices;  /* VIGIL_FIELD_CHOICE: NULL-terminated */
  const char         *label;    /* human name, marked with N_() */
} VigilField;

typedef enum
{
  VIGIL_RECORD_MUTABLE     = 0,
  VIGIL_RECORD_APPEND_ONLY = 1 << 0, /* no update: rows are written once (scores, rejections) */
} VigilRecordFlags;

struct _VigilRecordType
{
  const char       *table;
  const char       *label;          /* "person", N_() */
  gsize             size;
  const VigilField *fields;
  guint             n_fields;
  VigilRecordFlags  flags;
  const char       *person_column;  /* the field linking a row to a person, for history */
};

/* The first member of every record struct. */
typedef struct
{
  const VigilRecordType *type;
  gint64  id;          /* 0 until inserted */
  gint64  rev;         /* optimistic lock, 1 after insert, +1 per update */
  char   *created_at;
  char   *updated_at;
  char   *updated_by;
} VigilRecord;

gpointer   vigil_record_new         (const VigilRecordType *type);
gpointer   vigil_record_copy        (const VigilRecordType *type,
                                     gconstpointer          record);
void       vigil_record_free        (const VigilRecordType *type,
                                     gpointer               record);
void       vigil_record_destroy     (gpointer               record);
void       vigil_record_set_text    (const VigilRecordType *type,
                                     gpointer               record,
                                     const char            *field,
                                     const char            *value);
const VigilField *vigil_record_type_find_field (const VigilRecordType *type,
                                                const char            *name);
gboolean   vigil_record_validate    (const VigilRecordType *type,
                                     gconstpointer          record,
                                     GError               **error);
gboolean   vigil_record_equal       (const VigilRecordType *type,
                                     gconstpointer          a,
                                     gconstpointer          b);

gboolean   vigil_store_insert       (VigilStore            *store,
                                     const VigilRecordType *type,
                                     gpointer               record,
                                     GError               **error);
/* Inserts @records (an array of records of @type, an append-only type without a UUID
 * field: scores, rejected rows) in one transaction, a few dozen rows a statement: each
 * statement of libgda's transaction costs more than the one before, so a run's 50,000
 * scores inserted one by one took minutes. The records' ids are not read back (left
 * 0). Every record is validated first; on an error nothing is inserted. */
gboolean   vigil_store_insert_rows  (VigilStore            *store,
                                     const VigilRecordType *type,
                                     GPtrArray             *records,
                                     GError               **error);
gpointer   vigil_store_fetch        (VigilStore            *store,
                                     const VigilRecordType *type,
                                     gint64                 id,
                                     GError               **error);
gboolean   vigil_store_update       (VigilStore            *store,
                                     const VigilRecordType *type,
                                     gpointer               record,
                                     GError               **error);
gboolean   vigil_store_delete       (VigilStore            *store,
                                     const VigilRecordType *type,
                                     gpointer               record,
                                     GError               **error);
/* All records whose @column equals @value (a REF or INT column), ordered by id.
 * @column NULL lists the whole table. Returns a GPtrArray freeing its records. */
GPtrArray *vigil_store_list         (VigilStore            *store,
                                     const VigilRecordType *type,
                                     const char            *column,
                                     gint64                 value,
                                     GError               **error);
GPtrArray *vigil_store_list_by_text (VigilStore            *store,
                                     const VigilRecordType *type,
                                     const char            *column,
                                     const char            *value,
                                     GError               **error);
/* The records matching @where, by id: @where is SQL text of the program's own, never
 * built from input; values go in through @params (##p0::gint64 and so on). */
GPtrArray *vigil_store_list_where   (VigilStore            *store,
                                     const VigilRecordType *type,
                                     const char            *where,
                                     const GValue          *params,
                                     guint                  n_params,
                                     GError               **error);

/* A time-ordered UUID (version 7): consecutive ones sort together, so a bulk insert
 * appends to the uuid index instead of scattering writes over it. */
char      *vigil_uuid_new           (void);

/* Validation helpers shared with import and the GUI. */
gboolean   vigil_date_is_valid      (const char            *text);
gboolean   vigil_datetime_is_valid  (const char            *text);

G_END_DECLS
