/* vigil-duplicate-item.h: one possible duplicate pair, as a GObject for list widgets
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "vigil-cohort.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_DUPLICATE_ITEM (vigil_duplicate_item_get_type ())
G_DECLARE_FINAL_TYPE (VigilDuplicateItem, vigil_duplicate_item, VIGIL, DUPLICATE_ITEM, GObject)

/* Takes @duplicate. @batch_name: the file of the import that found the pair, or NULL. */
VigilDuplicateItem   *vigil_duplicate_item_new          (VigilDuplicate     *duplicate,
                                                         const char         *batch_name);
const VigilDuplicate *vigil_duplicate_item_get_duplicate (VigilDuplicateItem *self);
gint64                vigil_duplicate_item_get_id       (VigilDuplicateItem *self);
gboolean              vigil_duplicate_item_is_open      (VigilDuplicateItem *self);
/* "Same PNC ID, found by the import of “file.csv”" (translated) */
char                 *vigil_duplicate_item_dup_why      (VigilDuplicateItem *self);
/* "Merged by NAME on DATE: rationale" or "Kept apart by …"; NULL while open */
char                 *vigil_duplicate_item_dup_decision (VigilDuplicateItem *self);

/* "SYN-0001 · born 1980-02-03 · PNC 00/000001A" */
char                 *vigil_duplicate_person_dup_details   (const VigilDuplicatePerson *person);
/* "3 incidents as perpetrator, 1 as victim" */
char                 *vigil_duplicate_person_dup_incidents (const VigilDuplicatePerson *person);

G_END_DECLS
