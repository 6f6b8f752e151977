/* vigil-import-dialog.h: importing police incidents or partner-agency information
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigil-flag-import.h"
#include "vigil-import.h"
#include "vigil-store.h"

G_BEGIN_DECLS

/* The rejected rows the report shows itself; a row opens the list of them all. */
#define VIGIL_IMPORT_DIALOG_N_REJECTIONS_INLINE 10

#define VIGIL_TYPE_IMPORT_DIALOG (vigil_import_dialog_get_type ())
G_DECLARE_FINAL_TYPE (VigilImportDialog, vigil_import_dialog, VIGIL, IMPORT_DIALOG, AdwWindow)

VigilImportDialog       *vigil_import_dialog_new                (GtkWindow         *parent,
                                                                 VigilStore        *store);
VigilStore              *vigil_import_dialog_get_store          (VigilImportDialog *self);
GFile                   *vigil_import_dialog_get_file           (VigilImportDialog *self);
void                     vigil_import_dialog_set_file           (VigilImportDialog *self,
                                                                 GFile             *file);
GFile                   *vigil_import_dialog_get_mapping_file   (VigilImportDialog *self);
void                     vigil_import_dialog_set_mapping_file   (VigilImportDialog *self,
                                                                 GFile             *file);
/* "incidents" or "agency_flags" (the import batches' kinds) */
const char              *vigil_import_dialog_get_kind           (VigilImportDialog *self);
void                     vigil_import_dialog_set_kind           (VigilImportDialog *self,
                                                                 const char        *kind);
const char              *vigil_import_dialog_get_page           (VigilImportDialog *self);
const VigilImportReport *vigil_import_dialog_get_report         (VigilImportDialog *self);
const VigilFlagImportReport *vigil_import_dialog_get_flag_report (VigilImportDialog *self);
const GError            *vigil_import_dialog_get_error          (VigilImportDialog *self);

/* For tests: the import's worker waits at its first progress report until the import
 * is cancelled (or a minute has passed), so the running page can be seen and its
 * Cancel button pressed at a known moment (VIGIL_IMPORT_CALL_HOLD_AFTER_FIRST_REPORT). */
void                     vigil_import_dialog_set_hold_for_testing (VigilImportDialog *self,
                                                                   gboolean           hold);

G_END_DECLS
