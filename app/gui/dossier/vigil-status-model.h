/* vigil-status-model.h: what Change Status knows and asks (its view model)
 *
 * The cohort entry being moved (id and revision), the moves the workflow allows from
 * its status, the other processes active for the person, and the move chosen so far;
 * from these, the description above the form and which of the move-dependent fields
 * it asks for: the exit reason for an exit, the managing panel for an adoption while
 * another process is active (principle 4). No GTK.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-core.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_STATUS_MODEL (vigil_status_model_get_type ())
G_DECLARE_FINAL_TYPE (VigilStatusModel, vigil_status_model, VIGIL, STATUS_MODEL, GObject)

/* NULL when the person has no cohort entry, or it cannot move (exited). @dossier is
 * read at once, not kept. The status chosen starts as the first move allowed. */
VigilStatusModel   *vigil_status_model_new                  (const VigilDossier *dossier);
gint64              vigil_status_model_get_entry_id         (VigilStatusModel   *self);
gint64              vigil_status_model_get_entry_rev        (VigilStatusModel   *self);
/* The moves allowed, NULL-terminated (vigil_cohort_status_choices codes). */
const char * const *vigil_status_model_get_next_statuses    (VigilStatusModel   *self);
gboolean            vigil_status_model_get_other_process_active (VigilStatusModel *self);
const char         *vigil_status_model_get_description      (VigilStatusModel   *self);
const char         *vigil_status_model_get_status           (VigilStatusModel   *self);
/* @status: one of the moves allowed, or NULL (none chosen). */
void                vigil_status_model_set_status           (VigilStatusModel   *self,
                                                             const char         *status);
gboolean            vigil_status_model_get_asks_exit_reason (VigilStatusModel   *self);
gboolean            vigil_status_model_get_asks_managing_panel (VigilStatusModel *self);

G_END_DECLS
