/* vigil-import.h: importing incidents from CSV (the exchange format of DESIGN.md)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-store.h"

G_BEGIN_DECLS

#define VIGIL_IMPORT_ERROR (vigil_import_error_quark ())

typedef enum
{
  VIGIL_IMPORT_ERROR_MAPPING,      /* the mapping file is wrong */
  VIGIL_IMPORT_ERROR_HEADER,       /* the CSV header lacks a column */
  VIGIL_IMPORT_ERROR_DEMO,         /* real data into the demo store */
  VIGIL_IMPORT_ERROR_FAILED,
} VigilImportError;

/* The exchange format's columns, in order */
typedef enum
{
  VIGIL_IMPORT_COLUMN_INCIDENT_REF,
  VIGIL_IMPORT_COLUMN_OCCURRED_AT,
  VIGIL_IMPORT_COLUMN_PERPETRATOR_REF,
  VIGIL_IMPORT_COLUMN_PERPETRATOR_NAME,
  VIGIL_IMPORT_COLUMN_PERPETRATOR_DOB,
  VIGIL_IMPORT_COLUMN_VICTIM_REF,
  VIGIL_IMPORT_COLUMN_VICTIM_NAME,
  VIGIL_IMPORT_COLUMN_VICTIM_DOB,
  VIGIL_IMPORT_COLUMN_RELATIONSHIP,
  VIGIL_IMPORT_COLUMN_OFFENCE_CODE,
  VIGIL_IMPORT_COLUMN_DASH_RISK,
  VIGIL_IMPORT_COLUMN_STALKING,
  VIGIL_IMPORT_COLUMN_AREA,
  /* optional extensions */
  VIGIL_IMPORT_COLUMN_PERPETRATOR_PNC,
  VIGIL_IMPORT_COLUMN_VICTIM_PNC,
  VIGIL_IMPORT_N_COLUMNS
} VigilImportColumn;

#define VIGIL_IMPORT_N_REQUIRED_COLUMNS (VIGIL_IMPORT_COLUMN_AREA + 1)

typedef struct _VigilImportMapping VigilImportMapping;

typedef struct
{
  guint64 line;
  char *field;    /* the column at fault, NULL for the whole row */
  char *reason;
  char *raw_text;
} VigilImportProblem;

typedef struct
{
  char *code;
  guint64 count;
} VigilImportUnmapped;

typedef struct
{
  gint64 batch_id;
  gboolean already_imported; /* the same file was imported before: nothing added */
  guint64 rows_total;
  guint64 rows_imported;
  guint64 rows_rejected;
  guint64 rows_duplicate;    /* incident refs already in the store */
  guint64 people_created;
  guint64 possible_duplicates;
  GPtrArray *rejections;     /* VigilImportProblem, every rejected row */
  GPtrArray *unmapped;       /* VigilImportUnmapped: offence codes imported with gravity 1 */
  double seconds;
} VigilImportReport;

/* Progress from the importing thread: fraction 0–1 and rows read so far. */
typedef void (*VigilImportProgressFunc) (double   fraction,
                                         guint64  rows,
                                         gpointer user_data);

GQuark               vigil_import_error_quark     (void);

VigilImportMapping  *vigil_import_mapping_load    (const char               *path,
                                                   GError                  **error);
VigilImportMapping  *vigil_import_mapping_parse   (const char               *json,
                                                   gssize                    length,
                                                   GError                  **error);
void                 vigil_import_mapping_free    (VigilImportMapping       *mapping);

void                 vigil_import_report_free     (VigilImportReport        *report);

/* Imports every good row of @path in one transaction (all or nothing if interrupted);
 * bad rows are rejected with line, field and reason and kept in the batch. */
VigilImportReport   *vigil_import_incidents       (VigilStore               *store,
                                                   const char               *path,
                                                   const VigilImportMapping *mapping,
                                                   VigilImportProgressFunc   progress,
                                                   gpointer                  user_data,
                                                   GCancellable             *cancellable,
                                                   GError                  **error);

/* Normalised form of a name for duplicate detection: case-folded, accents and
 * punctuation removed, spaces collapsed. */
char                *vigil_import_normalise_name  (const char               *surname,
                                                   const char               *forenames);

/* Off the main thread (both imports) */
typedef enum
{
  VIGIL_IMPORT_CALL_NONE                     = 0,
  /* For tests of a long import: the worker waits after its first progress report
   * until the call is cancelled (at most a minute). */
  VIGIL_IMPORT_CALL_HOLD_AFTER_FIRST_REPORT  = 1 << 0,
} VigilImportCallFlags;

/* What an import has done so far, for a progress bar: "12,288 rows read · 40,960 rows
 * a second" (the speed once there is one). */
char                *vigil_import_describe_progress (guint64                   rows,
                                                     double                    seconds);

/* vigil_import_incidents() on a worker, with @mapping_path (NULL: none) read there;
 * @progress_func (may be NULL) hears how far it is on the caller's main context, with
 * vigil_import_describe_progress() as the message. Cancelling rolls the import back and
 * finishes with G_IO_ERROR_CANCELLED, unless the batch was already committed: then the
 * call finishes with its report, which is what really happened. */
void                 vigil_import_incidents_async   (VigilStore               *store,
                                                     const char               *path,
                                                     const char               *mapping_path,
                                                     VigilImportCallFlags      flags,
                                                     VigilProgressFunc         progress_func,
                                                     gpointer                  progress_data,
                                                     GDestroyNotify            progress_destroy,
                                                     GCancellable             *cancellable,
                                                     GAsyncReadyCallback       callback,
                                                     gpointer                  user_data);
VigilImportReport   *vigil_import_incidents_finish  (VigilStore               *store,
                                                     GAsyncResult             *result,
                                                     GError                  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilImportMapping, vigil_import_mapping_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilImportReport, vigil_import_report_free)

G_END_DECLS
