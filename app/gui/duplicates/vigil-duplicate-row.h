/* vigil-duplicate-row.h: one row of Possible Duplicates, bound to its pair
 *
 * Both people side by side (name, reference, date of birth, PNC ID, incidents), why
 * the pair was flagged, the decision once there is one, and, while the pair is open,
 * Keep Apart… and Merge… (duplicates.keep-apart and duplicates.merge, with the pair's
 * id as the target). A template widget: the list's factory makes one a row and binds
 * its "item".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "vigil-duplicate-item.h"

G_BEGIN_DECLS

#define VIGIL_TYPE_DUPLICATE_ROW (vigil_duplicate_row_get_type ())
G_DECLARE_FINAL_TYPE (VigilDuplicateRow, vigil_duplicate_row, VIGIL, DUPLICATE_ROW, GtkBox)

GtkWidget          *vigil_duplicate_row_new      (void);
VigilDuplicateItem *vigil_duplicate_row_get_item (VigilDuplicateRow  *self);
/* @item: the pair shown, or NULL (a row being recycled) */
void                vigil_duplicate_row_set_item (VigilDuplicateRow  *self,
                                                  VigilDuplicateItem *item);

G_END_DECLS
