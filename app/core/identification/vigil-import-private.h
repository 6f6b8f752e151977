/* vigil-import-private.h: what the SQLite and PostgreSQL paths of the incident import
 * share (reading the header, checking each row, the report); not installed, not part of
 * vigil-core.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-csv.h"
#include "vigil-import.h"

G_BEGIN_DECLS

/* Where each column of the exchange format is in the file. */
typedef struct
{
  int index[VIGIL_IMPORT_N_COLUMNS];  /* position in the file, -1 when absent */
  guint n_header;
} VigilImportColumns;

/* One row of the file, checked. The const values point into the reader's buffer and
 * are valid until the next row; the others are owned (vigil_import_row_clear). */
typedef struct
{
  const char *incident_ref;
  char *occurred_at;          /* "YYYY-MM-DD" or "YYYY-MM-DDTHH:MM:SS" */
  const char *perp_ref;
  char *perp_surname;         /* NULL or "" when the row gives no name */
  char *perp_forenames;
  char *perp_dob;             /* "YYYY-MM-DD" or NULL */
  const char *perp_pnc;       /* "" when none */
  const char *victim_ref;     /* "" when none */
  char *victim_surname;
  char *victim_forenames;
  char *victim_dob;
  const char *victim_pnc;
  const char *relationship;
  const char *offence;
  const char *dash_risk;      /* "" when none */
  int stalking;
  const char *area;           /* "" when none */

  /* a rejected row: the column at fault (NULL for the whole row) and why */
  const char *field;
  char *reason;
} VigilImportRow;

/* Whether a person with @ref is in the store or was added earlier in the batch. */
typedef gboolean (*VigilImportKnownRefFunc) (const char *ref,
                                             gpointer    user_data);

gboolean   vigil_import_read_header       (VigilCsvReader            *reader,
                                           const VigilImportMapping  *mapping,
                                           VigilImportColumns        *columns,
                                           GError                   **error);
/* TRUE when @record is a good row (@row filled); FALSE when it is rejected (@row's
 * field and reason say why). Either way, clear @row after use. */
gboolean   vigil_import_check_row         (const VigilImportColumns  *columns,
                                           const VigilImportMapping  *mapping,
                                           VigilCsvRecord            *record,
                                           const GDate               *today,
                                           GString                   *scratch,
                                           VigilImportKnownRefFunc    known_ref,
                                           gpointer                   user_data,
                                           VigilImportRow            *row);
void       vigil_import_row_clear         (VigilImportRow            *row);
/* FALSE (VIGIL_IMPORT_ERROR_DEMO) when @store is the demo and the row names someone
 * who is not synthetic. */
gboolean   vigil_import_check_demo_row    (VigilStore                *store,
                                           const VigilImportColumns  *columns,
                                           const VigilImportMapping  *mapping,
                                           VigilCsvRecord            *record,
                                           GError                   **error);
/* The complete batch of an earlier import of the same file (0: none). */
gboolean   vigil_import_find_previous     (VigilStore                *store,
                                           const char                *sha256,
                                           gint64                    *out_batch,
                                           GError                   **error);
/* The report's list entry for a rejected row (the raw text made valid UTF-8). */
VigilImportProblem *vigil_import_problem_new (VigilCsvRecord         *record,
                                              const char             *field,
                                              const char             *reason);
/* Counts an offence code that is not in the gravity table in the report's unmapped list;
 * @seen maps codes to their VigilImportUnmapped entry. */
void       vigil_import_note_offence      (VigilImportReport         *report,
                                           GHashTable                *seen,
                                           const char                *offence);
VigilImportReport *vigil_import_report_new (void);

/* The PostgreSQL path (vigil-import-pg.c). */
VigilImportReport *vigil_import_incidents_pg (VigilStore               *store,
                                              const char               *path,
                                              const VigilImportMapping *mapping,
                                              VigilImportProgressFunc   progress,
                                              gpointer                  user_data,
                                              GCancellable             *cancellable,
                                              GError                  **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (VigilImportRow, vigil_import_row_clear)

/* What both imports' _async pairs share: the call's arguments, and the worker's
 * progress adapter (a VigilImportProgressFunc with the call as its data). The
 * cancellable is the call's own, not the task's, so that an import committed before
 * it noticed a cancellation still finishes with its report. */
typedef struct
{
  char                 *path;
  char                 *mapping_path;
  VigilImportCallFlags  flags;
  GCancellable         *cancellable;
  /* the worker's */
  VigilProgress        *progress;
  gint64                started_us;
  gboolean              held;
} VigilImportCall;

VigilImportCall *vigil_import_call_new     (const char           *path,
                                            const char           *mapping_path,
                                            VigilImportCallFlags  flags,
                                            GCancellable         *cancellable);
void             vigil_import_call_free    (VigilImportCall      *call);
/* In the worker: starts the clock. */
void             vigil_import_call_start   (VigilImportCall      *call,
                                            VigilProgress        *progress);
void             vigil_import_call_progress_cb (double   fraction,
                                                guint64  rows,
                                                gpointer user_data);

G_END_DECLS
