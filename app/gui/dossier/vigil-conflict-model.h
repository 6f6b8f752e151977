/* vigil-conflict-model.h: a conflicting edit, as the record editor shows it (its view
 * model)
 *
 * When someone else saved a record after the user opened it, the model compares the
 * two versions over the form's fields: a message (who saved theirs and when, how many
 * fields differ) and the fields that differ, each with both values
 * (VigilConflictField). No GTK.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "vigil-core.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_CONFLICT_MODEL (vigil_conflict_model_get_type ())
G_DECLARE_FINAL_TYPE (VigilConflictModel, vigil_conflict_model, VIGIL, CONFLICT_MODEL, GObject)

VigilConflictModel *vigil_conflict_model_new        (void);
/* Compares @mine with @theirs (records of one type) over @n_fields fields, titled
 * @labels. @theirs NULL: their version could not be read (it was removed, say), and
 * @reason says so. */
void                vigil_conflict_model_compare    (VigilConflictModel      *self,
                                                     const VigilField * const *fields,
                                                     const char * const      *labels,
                                                     guint                    n_fields,
                                                     gconstpointer            theirs,
                                                     gconstpointer            mine,
                                                     const char              *reason);
void                vigil_conflict_model_clear      (VigilConflictModel      *self);
/* NULL when there is no conflict */
const char         *vigil_conflict_model_get_message    (VigilConflictModel  *self);
/* The fields that differ: VigilConflictField, in the form's order */
GListModel         *vigil_conflict_model_get_fields     (VigilConflictModel  *self);
gboolean            vigil_conflict_model_get_has_fields (VigilConflictModel  *self);

G_END_DECLS
