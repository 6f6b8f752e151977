/* vigil-flag-import.h: importing partner-agency information (agency flags) from CSV
 *
 * Principle 1: information from health, housing and other agencies, shared under an
 * information-sharing agreement, may raise concern about someone the police do not
 * know for domestic abuse. Each row of the file becomes an agency flag on a person,
 * matched by reference or created.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-import.h"
#include "vigil-store.h"

G_BEGIN_DECLS

/* The format's columns. person_ref, agency and concern are required in the header;
 * the others may be left out of a file. */
typedef enum
{
  VIGIL_FLAG_COLUMN_PERSON_REF,
  VIGIL_FLAG_COLUMN_PERSON_NAME,
  VIGIL_FLAG_COLUMN_PERSON_DOB,
  VIGIL_FLAG_COLUMN_PERSON_PNC,
  VIGIL_FLAG_COLUMN_AGENCY,
  VIGIL_FLAG_COLUMN_CONCERN,
  VIGIL_FLAG_COLUMN_REPORTED_ON,
  VIGIL_FLAG_COLUMN_REPORTED_BY,
  VIGIL_FLAG_COLUMN_ISA_REFERENCE,
  VIGIL_FLAG_N_COLUMNS
} VigilFlagColumn;

typedef struct
{
  gint64 batch_id;
  gboolean already_imported;  /* the same file was imported before: nothing added */
  guint64 rows_total;
  guint64 rows_imported;      /* flags added */
  guint64 rows_rejected;
  guint64 rows_duplicate;     /* rows equal to a flag already in the store */
  guint64 people_created;     /* people the store did not know */
  guint64 people_matched;     /* distinct known people flagged */
  GPtrArray *rejections;      /* VigilImportProblem, every rejected row */
  /* The references of the people flagged by this file who have no incident as a
   * perpetrator in the store: the RFGV score cannot see them, so a coordinator may want
   * to consider a referral. Sorted, each once. */
  GStrv no_incident_refs;
  double seconds;
} VigilFlagImportReport;

/* The name of @column in the header row ("person_ref", …). */
const char            *vigil_flag_column_get_name    (VigilFlagColumn           column);

void                   vigil_flag_import_report_free (VigilFlagImportReport    *report);

/* Imports every good row of @path as an agency flag, in one transaction (an error or a
 * cancellation leaves the store as it was); bad rows are rejected with line, field and
 * reason and kept in the batch. Errors are in VIGIL_IMPORT_ERROR (HEADER, DEMO,
 * FAILED), G_FILE_ERROR, G_IO_ERROR_CANCELLED or the store's domain. */
VigilFlagImportReport *vigil_import_agency_flags     (VigilStore               *store,
                                                      const char               *path,
                                                      VigilImportProgressFunc   progress,
                                                      gpointer                  user_data,
                                                      GCancellable             *cancellable,
                                                      GError                  **error);

/* vigil_import_agency_flags() on a worker, as vigil_import_incidents_async(). */
void                   vigil_import_agency_flags_async  (VigilStore               *store,
                                                         const char               *path,
                                                         VigilImportCallFlags      flags,
                                                         VigilProgressFunc         progress_func,
                                                         gpointer                  progress_data,
                                                         GDestroyNotify            progress_destroy,
                                                         GCancellable             *cancellable,
                                                         GAsyncReadyCallback       callback,
                                                         gpointer                  user_data);
VigilFlagImportReport *vigil_import_agency_flags_finish (VigilStore               *store,
                                                         GAsyncResult             *result,
                                                         GError                  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (VigilFlagImportReport, vigil_flag_import_report_free)

G_END_DECLS
