/* vigil-conflict-field.h: a field that differs in a conflicting edit (an item of the
 * conflict's GListModel)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define VIGIL_TYPE_CONFLICT_FIELD (vigil_conflict_field_get_type ())
G_DECLARE_FINAL_TYPE (VigilConflictField, vigil_conflict_field, VIGIL, CONFLICT_FIELD, GObject)

VigilConflictField *vigil_conflict_field_new         (const char         *label,
                                                      const char         *theirs,
                                                      const char         *mine);
const char         *vigil_conflict_field_get_label   (VigilConflictField *self);
/* The other person's saved value and the user's own, as text */
const char         *vigil_conflict_field_get_theirs  (VigilConflictField *self);
const char         *vigil_conflict_field_get_mine    (VigilConflictField *self);
/* Both, as the row's subtitle shows them */
const char         *vigil_conflict_field_get_summary (VigilConflictField *self);

G_END_DECLS
